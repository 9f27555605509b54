//! Tables: column widths from the measured cells, wrapped cells, and placing the rows down the
//! pages — split across pages with the caption and header row repeated, the total row never
//! alone, a row taller than a page cut to fit.

use super::Item;
use super::flow::Flow;
use super::style::Rgb;
use super::style::{CAPTION, COMPACT_TABLE_TEXT, TABLE, TABLE_TEXT, TOLERANCE, TableMetrics};
use super::text::{TextLine, baseline, line_count, wrap};
use crate::report::fonts::{Face, Fonts};
use crate::report::model::{Align, Table};

/// A table with its column widths and wrapped cells.
pub(super) struct MeasuredTable {
    metrics: TableMetrics,
    widths: Vec<f32>,
    aligns: Vec<Align>,
    caption: Option<Vec<TextLine>>,
    header: Vec<Vec<TextLine>>,
    header_height: f32,
    /// Cells, height and whether it is the total row.
    rows: Vec<(Vec<Vec<TextLine>>, f32, bool)>,
}

fn table_metrics(compact: bool) -> TableMetrics {
    if compact {
        COMPACT_TABLE_TEXT
    } else {
        TABLE_TEXT
    }
}

pub(super) fn measure_table(fonts: &Fonts, table: &Table, width: f32) -> MeasuredTable {
    let m = table_metrics(table.compact);
    let widths = column_widths(fonts, table, width, &m);
    let wrap_cell = |text: &str, face: Face, w: f32| {
        let mut lines = wrap(fonts, &[(face, text)], m.size, (w - 2.0 * m.pad_x).max(1.0));
        if lines.is_empty() {
            lines.push(TextLine::default());
        }
        lines
    };
    let row_height = |cells: &[Vec<TextLine>]| {
        let n = cells.iter().map(Vec::len).max().unwrap_or(1);
        #[allow(clippy::cast_precision_loss)]
        let n = n as f32;
        n * m.leading + 2.0 * m.pad_y
    };
    let header: Vec<Vec<TextLine>> = table
        .columns
        .iter()
        .zip(&widths)
        .map(|(c, w)| wrap_cell(&c.title, TABLE.header_face, *w))
        .collect();
    let header_height = row_height(&header);
    let mut rows = Vec::with_capacity(table.rows.len() + 1);
    for row in &table.rows {
        let cells: Vec<Vec<TextLine>> = row
            .iter()
            .zip(&widths)
            .map(|(t, w)| wrap_cell(t, TABLE.body_face, *w))
            .collect();
        let h = row_height(&cells);
        rows.push((cells, h, false));
    }
    if let Some(total) = &table.total {
        let cells: Vec<Vec<TextLine>> = total
            .iter()
            .zip(&widths)
            .map(|(t, w)| wrap_cell(t, TABLE.total_face, *w))
            .collect();
        let h = row_height(&cells);
        rows.push((cells, h, true));
    }
    let caption = table
        .caption
        .as_ref()
        .map(|c| wrap(fonts, &[(CAPTION.face, c)], CAPTION.size, width));
    MeasuredTable {
        widths,
        aligns: table.columns.iter().map(|c| c.align).collect(),
        caption,
        header,
        header_height,
        rows,
        metrics: m,
    }
}

/// Column widths: columns that do not wrap get their natural width (widest cell, and the whole
/// header on one line when there is room), the wrapping columns share the rest; when even that
/// does not fit, headers wrap at spaces, and as a last resort everything is scaled to fit.
fn column_widths(fonts: &Fonts, table: &Table, width: f32, m: &TableMetrics) -> Vec<f32> {
    let n = table.columns.len();
    if n == 0 {
        return Vec::new();
    }
    let pad = 2.0 * m.pad_x;
    let mut natural = vec![0.0f32; n];
    let mut header_full = vec![0.0f32; n];
    let mut header_word = vec![0.0f32; n];
    let mut longest_word = vec![0.0f32; n];
    for (i, column) in table.columns.iter().enumerate() {
        header_full[i] = fonts.width(TABLE.header_face, &column.title, m.size) + pad;
        for word in column.title.split_whitespace() {
            header_word[i] = header_word[i].max(fonts.width(TABLE.header_face, word, m.size) + pad);
        }
    }
    let rows = table
        .rows
        .iter()
        .map(|r| (r, TABLE.body_face))
        .chain(table.total.iter().map(|r| (r, TABLE.total_face)));
    for (row, face) in rows {
        for (i, cell) in row.iter().enumerate().take(n) {
            natural[i] = natural[i].max(fonts.width(face, cell, m.size) + pad);
            if table.columns[i].wraps {
                for word in cell.split_whitespace() {
                    let w = fonts.width(face, word, m.size) + pad;
                    longest_word[i] = longest_word[i].max(w.min(width * TABLE.max_word_share));
                }
            }
        }
    }
    let wrapping: Vec<usize> = (0..n).filter(|i| table.columns[*i].wraps).collect();
    let mins: Vec<f32> = (0..n)
        .map(|i| {
            longest_word[i]
                .max(header_word[i])
                .max(pad + TABLE.min_column)
        })
        .collect();
    let wrap_min: f32 = wrapping.iter().map(|i| mins[*i]).sum();
    // Fixed columns start with their whole header on one line; while the table is too wide,
    // the header that saves the most by wrapping at its spaces is wrapped first.
    let mut widths: Vec<f32> = (0..n)
        .map(|i| {
            if table.columns[i].wraps {
                0.0
            } else {
                natural[i].max(header_full[i])
            }
        })
        .collect();
    while widths.iter().sum::<f32>() + wrap_min > width {
        let saving = |i: usize| widths[i] - natural[i].max(header_word[i]);
        let Some(best) = (0..n)
            .filter(|i| !table.columns[*i].wraps && saving(*i) > TOLERANCE)
            .max_by(|a, b| saving(*a).total_cmp(&saving(*b)))
        else {
            break;
        };
        widths[best] = natural[best].max(header_word[best]);
    }
    let fixed_sum: f32 = widths.iter().sum();
    if fixed_sum + wrap_min > width {
        // Too wide even so: scale the fixed columns down (their text wraps).
        let scale = (width - wrap_min).max(width * TABLE.min_fixed_share) / fixed_sum.max(1.0);
        for i in 0..n {
            widths[i] = if table.columns[i].wraps {
                mins[i]
            } else {
                widths[i] * scale
            };
        }
    } else if wrapping.is_empty() {
        // Spread the spare width evenly so the table spans the text block.
        #[allow(clippy::cast_precision_loss)]
        let extra = (width - fixed_sum) / n as f32;
        for w in &mut widths {
            *w += extra;
        }
    } else {
        let rest = width - fixed_sum;
        let want: f32 = wrapping.iter().map(|i| natural[*i].max(mins[*i])).sum();
        if want <= rest {
            // Everything fits unwrapped: the wrapping columns take the spare width.
            #[allow(clippy::cast_precision_loss)]
            let extra = (rest - want) / wrapping.len() as f32;
            for i in &wrapping {
                widths[*i] = natural[*i].max(mins[*i]) + extra;
            }
        } else {
            // Share what is left in proportion to how much each column would like beyond its
            // minimum.
            let spare = rest - wrap_min;
            let want_extra: f32 = wrapping
                .iter()
                .map(|i| (natural[*i] - mins[*i]).max(0.0))
                .sum();
            for i in &wrapping {
                let share = if want_extra > 0.0 {
                    (natural[*i] - mins[*i]).max(0.0) / want_extra
                } else {
                    0.0
                };
                widths[*i] = mins[*i] + spare * share;
            }
        }
    }
    // Rounding guard: never wider than the text block.
    let total: f32 = widths.iter().sum();
    if total > width {
        let scale = width / total;
        for w in &mut widths {
            *w *= scale;
        }
    }
    widths
}

/// The height of a caption above its table.
fn caption_height(m: &MeasuredTable) -> f32 {
    m.caption
        .as_ref()
        .map_or(0.0, |c| line_count(c) * CAPTION.leading + CAPTION.after)
}

impl Flow<'_> {
    pub(super) fn table(&mut self, table: &Table) {
        let m = measure_table(self.fonts, table, self.width());
        let caption_height = caption_height(&m);
        self.space_before(TABLE.before);
        if self.page_has_content && self.y + self.table_start(&m) > self.bottom() {
            self.new_page();
        }
        let page_body = self.geo.body_bottom() - self.geo.top;
        let body_room = page_body - caption_height - m.header_height;
        self.table_head(&m, false);
        let mut rows_on_page = 0;
        let mut stripe = false;
        let mut previous_first: Option<String> = None;
        for (i, (cells, height, is_total)) in m.rows.iter().enumerate() {
            if table.stripe_by_first_column {
                let first = cells
                    .first()
                    .map(|c| c.iter().map(TextLine::text).collect::<String>());
                if i > 0 && first != previous_first {
                    stripe = !stripe;
                }
                previous_first = first;
            } else {
                stripe = i % 2 == 1;
            }
            let mut height = *height;
            let mut cells = cells.clone();
            if height > body_room {
                // A row taller than a page: cut its cells to what a page holds.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let max_lines = (((body_room - 2.0 * m.metrics.pad_y) / m.metrics.leading)
                    .floor()
                    .max(1.0)) as usize;
                for cell in &mut cells {
                    if cell.len() > max_lines {
                        cell.truncate(max_lines);
                        if let Some(last) = cell.last_mut() {
                            last.push(
                                TABLE.body_face,
                                "…",
                                self.fonts.char_width(TABLE.body_face, '…', m.metrics.size),
                            );
                        }
                    }
                }
                #[allow(clippy::cast_precision_loss)]
                let lines = max_lines as f32;
                height = lines * m.metrics.leading + 2.0 * m.metrics.pad_y;
            }
            // The total row never stands alone on a page: its last data row goes with it.
            let with_total = match m.rows.get(i + 1) {
                Some((_, total_height, true)) => *total_height,
                _ => 0.0,
            };
            let overflows = self.y + height > self.bottom();
            if overflows || (rows_on_page > 0 && self.y + height + with_total > self.bottom()) {
                self.new_page();
                self.table_head(&m, true);
                rows_on_page = 0;
            }
            self.table_row(&m, &cells, height, *is_total, stripe);
            rows_on_page += 1;
        }
        self.y += TABLE.after;
    }

    /// The height a table needs where it starts: a short table is not split at all, a long one
    /// starts only where its caption, header and two rows fit.
    pub(super) fn table_start(&self, m: &MeasuredTable) -> f32 {
        let caption = caption_height(m);
        let all_rows: f32 = m.rows.iter().map(|r| r.1).sum();
        let page_body = self.geo.body_bottom() - self.geo.top;
        let head = caption + m.header_height;
        if head + all_rows <= page_body * TABLE.unsplit_share {
            head + all_rows
        } else {
            head + m.rows.iter().take(2).map(|r| r.1).sum::<f32>()
        }
    }

    /// The caption (with "(forts.)" when `continued`) and the header row.
    fn table_head(&mut self, m: &MeasuredTable, continued: bool) {
        if let Some(caption) = &m.caption {
            for (k, line) in caption.iter().enumerate() {
                let base = baseline(self.y, CAPTION.size, CAPTION.leading);
                self.draw_line(line, self.geo.left, base, CAPTION.size, CAPTION.color);
                if continued && k + 1 == caption.len() {
                    let x = self.geo.left + line.width + CAPTION.continued_gap;
                    let words = self.continued_word.clone();
                    self.text(
                        x,
                        base,
                        CAPTION.continued_face,
                        CAPTION.size,
                        CAPTION.continued_color,
                        &words,
                    );
                }
                self.y += CAPTION.leading;
            }
            self.y += CAPTION.after;
        }
        let width: f32 = m.widths.iter().sum();
        self.page.items.push(Item::Rect {
            x: self.geo.left,
            y: self.y,
            w: width,
            h: m.header_height,
            fill: TABLE.header_fill,
        });
        let header = m.header.clone();
        self.cells(m, &header, TABLE.header_color);
        self.y += m.header_height;
        self.strong_rule(width);
        self.page_has_content = true;
    }

    /// A rule across the table at the current position: under the header, above the total.
    fn strong_rule(&mut self, width: f32) {
        self.page.items.push(Item::Line {
            x1: self.geo.left,
            y1: self.y,
            x2: self.geo.left + width,
            y2: self.y,
            width: TABLE.strong_rule_width,
            color: TABLE.strong_rule_color,
            dash: false,
        });
    }

    fn table_row(
        &mut self,
        m: &MeasuredTable,
        cells: &[Vec<TextLine>],
        height: f32,
        is_total: bool,
        stripe: bool,
    ) {
        let width: f32 = m.widths.iter().sum();
        if stripe && !is_total {
            self.page.items.push(Item::Rect {
                x: self.geo.left,
                y: self.y,
                w: width,
                h: height,
                fill: TABLE.stripe_fill,
            });
        }
        if is_total {
            self.strong_rule(width);
        }
        self.cells(m, cells, TABLE.body_color);
        self.y += height;
        self.page.items.push(Item::Line {
            x1: self.geo.left,
            y1: self.y,
            x2: self.geo.left + width,
            y2: self.y,
            width: TABLE.rule_width,
            color: TABLE.rule_color,
            dash: false,
        });
    }

    fn cells(&mut self, m: &MeasuredTable, cells: &[Vec<TextLine>], color: Rgb) {
        let mut x = self.geo.left;
        for ((lines, w), align) in cells.iter().zip(&m.widths).zip(&m.aligns) {
            let mut top = self.y + m.metrics.pad_y;
            for line in lines {
                let base = baseline(top, m.metrics.size, m.metrics.leading);
                let lx = match align {
                    Align::Left => x + m.metrics.pad_x,
                    Align::Right => x + w - m.metrics.pad_x - line.width,
                };
                self.draw_line(line, lx, base, m.metrics.size, color);
                top += m.metrics.leading;
            }
            x += w;
        }
    }
}
