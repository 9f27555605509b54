//! Tables: column widths from the measured cells, wrapped cells, and placing the rows down the
//! pages — split across pages with the caption and header row repeated, the total row never
//! alone, a row taller than a page cut to fit.
//!
//! A cell's text wraps only between words (after the hyphen of a compound and after a slash in
//! an address too), never inside one: every column is at least as wide as its widest word. When
//! the words do not fit side by side, the table tries, in this order:
//! 1. smaller type, in steps of [`TABLE`]`.size_step` down to [`TABLE`]`.min_size`;
//! 2. the columns' short headers ([`Column::short_title`]), explained in a note under the table;
//! 3. moving its last columns into a table of their own below it, the first (name) column
//!    repeated and the caption marked as continued.
//!
//! Only when even one column beside the first cannot fit are words broken, so that nothing
//! ever runs outside the text block.

use super::Item;
use super::flow::Flow;
use super::style::Rgb;
use super::style::{
    CAPTION, COMPACT_TABLE_TEXT, TABLE, TABLE_NOTE, TABLE_TEXT, TOLERANCE, TableMetrics,
};
use super::tags::{Role, Tag};
use super::text::{TextLine, baseline, line_count, measure_words, wrap, wrap_words};
use crate::report::fonts::{Face, Fonts};
use crate::report::model::{Align, Column, Table};

/// A table (or one part of a table split by columns) with its column widths and wrapped cells.
pub(super) struct MeasuredTable {
    metrics: TableMetrics,
    widths: Vec<f32>,
    aligns: Vec<Align>,
    caption: Option<Vec<TextLine>>,
    /// A later part of a table split by columns: its caption says "(forts.)" from the start.
    continued: bool,
    header: Vec<Vec<TextLine>>,
    header_height: f32,
    /// Cells, height and whether it is the total row.
    rows: Vec<(Vec<Vec<TextLine>>, f32, bool)>,
    /// The note explaining shortened headers, under the last row.
    note: Vec<TextLine>,
}

fn table_metrics(compact: bool) -> TableMetrics {
    if compact {
        COMPACT_TABLE_TEXT
    } else {
        TABLE_TEXT
    }
}

/// What a column needs, measured at size 1 (widths grow with the size).
struct ColumnNeeds {
    /// The widest cell on one line.
    natural: f32,
    /// The widest word of any cell.
    word: f32,
    /// The header on one line, and its widest word.
    header: (f32, f32),
    /// The same for the short header, if the column has one.
    short: Option<(f32, f32)>,
}

fn column_needs(fonts: &Fonts, table: &Table) -> Vec<ColumnNeeds> {
    let mut needs: Vec<ColumnNeeds> = table
        .columns
        .iter()
        .map(|c| ColumnNeeds {
            natural: 0.0,
            word: 0.0,
            header: measure_words(fonts, TABLE.header_face, &c.title, 1.0),
            short: c
                .short_title
                .as_ref()
                .map(|t| measure_words(fonts, TABLE.header_face, t, 1.0)),
        })
        .collect();
    let rows = table
        .rows
        .iter()
        .map(|r| (r, TABLE.body_face))
        .chain(table.total.iter().map(|r| (r, TABLE.total_face)));
    for (row, face) in rows {
        for (need, cell) in needs.iter_mut().zip(row) {
            let (line, word) = measure_words(fonts, face, cell, 1.0);
            need.natural = need.natural.max(line);
            need.word = need.word.max(word);
        }
    }
    needs
}

/// How a table is set: its type size and its parts (column indices, the first column in
/// every part) with the columns whose header is shortened.
struct Plan {
    metrics: TableMetrics,
    parts: Vec<Vec<(usize, bool)>>,
}

/// The narrowest a column can be without breaking a word, with its header or short header.
fn min_width(need: &ColumnNeeds, short: bool, m: &TableMetrics) -> f32 {
    let header_word = match (short, need.short) {
        (true, Some((_, word))) => word,
        _ => need.header.1,
    };
    (need.word.max(header_word) * m.size + 2.0 * m.pad_x).max(2.0 * m.pad_x + TABLE.min_column)
}

/// The columns `cols` side by side in `width`: `None` if their words do not fit, else which of
/// them take their short header (only when `shorten` allows it, fewest savings first taken
/// from the headers that stand out most beyond their column's cells).
fn fit(
    needs: &[ColumnNeeds],
    cols: &[usize],
    m: &TableMetrics,
    width: f32,
    shorten: bool,
) -> Option<Vec<(usize, bool)>> {
    let mut short = vec![false; cols.len()];
    loop {
        let total: f32 = cols
            .iter()
            .zip(&short)
            .map(|(c, s)| min_width(&needs[*c], *s, m))
            .sum();
        if total <= width + TOLERANCE {
            return Some(cols.iter().copied().zip(short).collect());
        }
        if !shorten {
            return None;
        }
        let saving =
            |k: usize| min_width(&needs[cols[k]], false, m) - min_width(&needs[cols[k]], true, m);
        let best = (0..cols.len())
            .filter(|k| !short[*k] && saving(*k) > TOLERANCE)
            .max_by(|a, b| saving(*a).total_cmp(&saving(*b)))?;
        short[best] = true;
    }
}

/// The columns packed into as few parts as fit, in order, each part after the first starting
/// with the first column again. `None` if some column does not fit even beside the first alone.
fn pack(
    needs: &[ColumnNeeds],
    m: &TableMetrics,
    width: f32,
    shorten: bool,
) -> Option<Vec<Vec<(usize, bool)>>> {
    let mut parts = Vec::new();
    let mut current: Vec<usize> = vec![0];
    let mut fitted = fit(needs, &current, m, width, shorten);
    for c in 1..needs.len() {
        current.push(c);
        if let Some(f) = fit(needs, &current, m, width, shorten) {
            fitted = Some(f);
            continue;
        }
        current.pop();
        if current.len() < 2 {
            return None;
        }
        parts.push(fitted.take()?);
        current = vec![0, c];
        fitted = Some(fit(needs, &current, m, width, shorten)?);
    }
    parts.push(fitted?);
    Some(parts)
}

/// The type sizes to try, largest first.
fn sizes(base: &TableMetrics) -> Vec<TableMetrics> {
    let mut out = vec![*base];
    let mut size = base.size - TABLE.size_step;
    while size >= TABLE.min_size - TOLERANCE {
        out.push(base.at(size));
        size -= TABLE.size_step;
    }
    out
}

/// The plan for `table`: the fewest parts; for those, the largest type with the headers in full,
/// else the smallest type with the fewest short headers. One part in the largest type when its
/// words fit.
fn plan(needs: &[ColumnNeeds], base: &TableMetrics, width: f32) -> Plan {
    let sizes = sizes(base);
    let smallest = &sizes[sizes.len() - 1..];
    for max_parts in 1..=needs.len().max(1) {
        for shorten in [false, true] {
            // Headers are shortened only once the type is as small as it gets.
            let sizes = if shorten { smallest } else { &sizes[..] };
            for m in sizes {
                if let Some(parts) = pack(needs, m, width, shorten)
                    && parts.len() <= max_parts
                {
                    return Plan { metrics: *m, parts };
                }
            }
        }
    }
    // Not even the first column and one other fit side by side: the smallest type, every short
    // header, one part; its words are broken to stay inside the text block.
    let smallest = *sizes.last().unwrap_or(base);
    Plan {
        metrics: smallest,
        parts: vec![
            (0..needs.len())
                .map(|c| (c, needs[c].short.is_some()))
                .collect(),
        ],
    }
}

/// Measure `table` for a text block `width` wide: one or more parts, placed one below the other.
pub(super) fn measure_table(fonts: &Fonts, table: &Table, width: f32) -> Vec<MeasuredTable> {
    let needs = column_needs(fonts, table);
    if needs.is_empty() {
        return Vec::new();
    }
    let plan = plan(&needs, &table_metrics(table.compact), width);
    plan.parts
        .iter()
        .enumerate()
        .map(|(k, part)| measure_part(fonts, table, &needs, part, plan.metrics, width, k > 0))
        .collect()
}

fn measure_part(
    fonts: &Fonts,
    table: &Table,
    needs: &[ColumnNeeds],
    part: &[(usize, bool)],
    m: TableMetrics,
    width: f32,
    continued: bool,
) -> MeasuredTable {
    let columns: Vec<&Column> = part.iter().map(|(c, _)| &table.columns[*c]).collect();
    let titles: Vec<&str> = part
        .iter()
        .map(|(c, short)| {
            let column = &table.columns[*c];
            match (&column.short_title, short) {
                (Some(t), true) => t.as_str(),
                _ => column.title.as_str(),
            }
        })
        .collect();
    let widths = column_widths(needs, &columns, part, width, &m);
    let wrap_cell = |text: &str, face: Face, w: f32| {
        let mut lines = wrap_words(fonts, &[(face, text)], m.size, (w - 2.0 * m.pad_x).max(1.0));
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
    let header: Vec<Vec<TextLine>> = titles
        .iter()
        .zip(&widths)
        .map(|(t, w)| wrap_cell(t, TABLE.header_face, *w))
        .collect();
    let header_height = row_height(&header);
    let cells_of = |row: &[String], face: Face| -> Vec<Vec<TextLine>> {
        part.iter()
            .zip(&widths)
            .map(|((c, _), w)| wrap_cell(row.get(*c).map_or("", String::as_str), face, *w))
            .collect()
    };
    let mut rows = Vec::with_capacity(table.rows.len() + 1);
    for row in &table.rows {
        let cells = cells_of(row, TABLE.body_face);
        let h = row_height(&cells);
        rows.push((cells, h, false));
    }
    if let Some(total) = &table.total {
        let cells = cells_of(total, TABLE.total_face);
        let h = row_height(&cells);
        rows.push((cells, h, true));
    }
    let caption = table
        .caption
        .as_ref()
        .map(|c| wrap(fonts, &[(CAPTION.face, c)], CAPTION.size, width));
    let explained: Vec<String> = part
        .iter()
        .filter(|(_, short)| *short)
        .filter_map(|(c, _)| {
            let column = &table.columns[*c];
            let short = column.short_title.as_ref()?;
            Some(format!("{short} = {}", lower_first(&column.title)))
        })
        .collect();
    let note = if explained.is_empty() {
        Vec::new()
    } else {
        wrap(
            fonts,
            &[(TABLE_NOTE.face, &explained.join(", "))],
            TABLE_NOTE.size,
            width,
        )
    };
    MeasuredTable {
        widths,
        aligns: columns.iter().map(|c| c.align).collect(),
        caption,
        continued,
        header,
        header_height,
        rows,
        note,
        metrics: m,
    }
}

/// "Obesvarade" → "obesvarade" for the note, but "KI" stays "KI".
fn lower_first(title: &str) -> String {
    let mut chars = title.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(title.chars().skip(1)).collect()
        }
        _ => title.to_owned(),
    }
}

/// Column widths for one part whose words fit side by side ([`fit`]): wrapping columns start at
/// their widest word, the others at their whole widest cell with the header on one line. While
/// that is too wide, the other columns give way too: first their headers wrap between words,
/// then their cells, each time the column that gains most first; never narrower than its widest
/// word. Spare width goes to the wrapping columns (up to their widest cell), else to all.
fn column_widths(
    needs: &[ColumnNeeds],
    columns: &[&Column],
    part: &[(usize, bool)],
    width: f32,
    m: &TableMetrics,
) -> Vec<f32> {
    let n = part.len();
    let pad = 2.0 * m.pad_x;
    let mins: Vec<f32> = part
        .iter()
        .map(|(c, short)| min_width(&needs[*c], *short, m))
        .collect();
    let header = |k: usize| {
        let (c, short) = part[k];
        match (short, needs[c].short) {
            (true, Some(h)) => h,
            _ => needs[c].header,
        }
    };
    let natural: Vec<f32> = part
        .iter()
        .zip(&mins)
        .map(|((c, _), min)| (needs[*c].natural * m.size + pad).max(*min))
        .collect();
    let wrapping: Vec<usize> = (0..n).filter(|k| columns[*k].wraps).collect();
    let mut widths: Vec<f32> = (0..n)
        .map(|k| {
            if columns[k].wraps {
                mins[k]
            } else {
                natural[k].max(header(k).0 * m.size + pad)
            }
        })
        .collect();
    // The floors the other columns give way to, in turn: the header wrapped, then the cells.
    let floors: [Vec<f32>; 2] = [
        (0..n)
            .map(|k| natural[k].max(header(k).1 * m.size + pad))
            .collect(),
        mins.clone(),
    ];
    for floor in &floors {
        loop {
            let excess = widths.iter().sum::<f32>() - width;
            if excess <= TOLERANCE {
                break;
            }
            let saving = |k: usize| widths[k] - floor[k];
            let Some(best) = (0..n)
                .filter(|k| !columns[*k].wraps && saving(*k) > TOLERANCE)
                .max_by(|a, b| saving(*a).total_cmp(&saving(*b)))
            else {
                break;
            };
            widths[best] -= saving(best).min(excess);
        }
    }
    let spare = width - widths.iter().sum::<f32>();
    if spare > TOLERANCE {
        if wrapping.is_empty() {
            // Spread the spare width evenly so the table spans the text block.
            #[allow(clippy::cast_precision_loss)]
            let extra = spare / n as f32;
            for w in &mut widths {
                *w += extra;
            }
        } else {
            let want: f32 = wrapping.iter().map(|k| natural[*k] - widths[*k]).sum();
            if want <= spare {
                // Every wrapping column fits on one line; they share what is left over.
                #[allow(clippy::cast_precision_loss)]
                let extra = (spare - want) / wrapping.len() as f32;
                for k in &wrapping {
                    widths[*k] = natural[*k] + extra;
                }
            } else {
                // In proportion to how much each would like beyond its widest word.
                for k in &wrapping {
                    widths[*k] += spare * (natural[*k] - widths[*k]) / want;
                }
            }
        }
    }
    // Rounding guard, and the last resort when not even the words fit: never wider than the
    // text block.
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

/// The height of the note under a table, if it has one.
fn note_height(m: &MeasuredTable) -> f32 {
    if m.note.is_empty() {
        0.0
    } else {
        TABLE_NOTE.before + line_count(&m.note) * TABLE_NOTE.leading
    }
}

impl Flow<'_> {
    pub(super) fn table(&mut self, table: &Table) {
        for m in self.measured(table).iter() {
            self.table_part(m, table.stripe_by_first_column);
        }
    }

    /// One table, or one part of a table split by columns.
    fn table_part(&mut self, m: &MeasuredTable, stripe_by_first_column: bool) {
        let caption_height = caption_height(m);
        self.space_before(TABLE.before);
        if self.page_has_content && self.y + self.table_start(m) > self.bottom() {
            self.new_page();
        }
        let page_body = self.geo.body_bottom() - self.geo.top;
        let body_room = page_body - caption_height - m.header_height;
        let note_height = note_height(m);
        self.tree.open(Role::Table);
        self.table_head(m, m.continued);
        let mut rows_on_page = 0;
        let mut stripe = false;
        let mut previous_first: Option<String> = None;
        for (i, (cells, height, is_total)) in m.rows.iter().enumerate() {
            if stripe_by_first_column {
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
            // The total row never stands alone on a page: its last data row goes with it. The
            // note under the table goes with the last row.
            let keep_with = match m.rows.get(i + 1) {
                Some((_, total_height, true)) if i + 2 == m.rows.len() => {
                    total_height + note_height
                }
                None => note_height,
                _ => 0.0,
            };
            let overflows = self.y + height > self.bottom();
            if overflows || (rows_on_page > 0 && self.y + height + keep_with > self.bottom()) {
                self.new_page();
                // The repeated caption and header are for the eye only.
                self.tagged(Tag::Artifact, |flow| flow.table_head(m, true));
                rows_on_page = 0;
            }
            self.element(Role::TR, |flow| {
                flow.table_row(m, &cells, height, *is_total, stripe);
            });
            rows_on_page += 1;
        }
        self.tree.close();
        if !m.note.is_empty() {
            self.y += TABLE_NOTE.before;
            self.element(Role::P, |flow| {
                for line in &m.note {
                    let base = baseline(flow.y, TABLE_NOTE.size, TABLE_NOTE.leading);
                    flow.draw_line(line, flow.geo.left, base, TABLE_NOTE.size, TABLE_NOTE.color);
                    flow.y += TABLE_NOTE.leading;
                }
            });
        }
        self.y += TABLE.after;
    }

    /// The height a table needs where it starts: a short table is not split at all, a long one
    /// starts only where its caption, header and two rows fit.
    pub(super) fn table_start(&self, m: &MeasuredTable) -> f32 {
        let caption = caption_height(m);
        let all_rows: f32 = m.rows.iter().map(|r| r.1).sum::<f32>() + note_height(m);
        let page_body = self.geo.body_bottom() - self.geo.top;
        let head = caption + m.header_height;
        if head + all_rows <= page_body * TABLE.unsplit_share {
            head + all_rows
        } else {
            head + m.rows.iter().take(2).map(|r| r.1).sum::<f32>()
        }
    }

    /// The caption (with "(forts.)" when `continued`) and the header row: a `Caption` and a
    /// row of `TH` cells, or all artifact when drawn inside one (a header repeated on a new page).
    fn table_head(&mut self, m: &MeasuredTable, continued: bool) {
        let tagged = !self.tree.in_artifact();
        if tagged && m.caption.is_some() {
            self.tree.open(Role::Caption);
        }
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
            if tagged {
                self.tree.close();
            }
        }
        let width: f32 = m.widths.iter().sum();
        self.push_artifact(Item::Rect {
            x: self.geo.left,
            y: self.y,
            w: width,
            h: m.header_height,
            fill: TABLE.header_fill,
        });
        let header = m.header.clone();
        if tagged {
            self.element(Role::TR, |flow| {
                flow.cells(m, &header, TABLE.header_color, Some(Role::TH));
            });
        } else {
            self.cells(m, &header, TABLE.header_color, None);
        }
        self.y += m.header_height;
        self.strong_rule(width);
        self.page_has_content = true;
    }

    /// A rule across the table at the current position: under the header, above the total.
    fn strong_rule(&mut self, width: f32) {
        self.push_artifact(Item::Line {
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
            self.push_artifact(Item::Rect {
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
        self.cells(m, cells, TABLE.body_color, Some(Role::TD));
        self.y += height;
        self.push_artifact(Item::Line {
            x1: self.geo.left,
            y1: self.y,
            x2: self.geo.left + width,
            y2: self.y,
            width: TABLE.rule_width,
            color: TABLE.rule_color,
            dash: false,
        });
    }

    /// A row's cells, each an element of `role` (`None`: in an artifact).
    fn cells(
        &mut self,
        m: &MeasuredTable,
        cells: &[Vec<TextLine>],
        color: Rgb,
        role: Option<Role>,
    ) {
        let mut x = self.geo.left;
        for ((lines, w), align) in cells.iter().zip(&m.widths).zip(&m.aligns) {
            if let Some(role) = role {
                self.tree.open(role);
            }
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
            if role.is_some() {
                self.tree.close();
            }
            x += w;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::layout::style::Geometry;

    fn fonts() -> Fonts {
        Fonts::load().unwrap()
    }

    fn column(title: &str, short: Option<&str>, wraps: bool) -> Column {
        Column {
            title: title.to_owned(),
            align: if wraps { Align::Left } else { Align::Right },
            wraps,
            short_title: short.map(str::to_owned),
        }
    }

    /// A results table: a name column and count columns with the report's Swedish headers.
    fn results_table(names: &[&str], shorts: bool) -> Table {
        let mut columns = vec![column("Verksamhet", None, true)];
        for (title, short) in [
            ("Granskade", "Gransk."),
            ("I tid", "I tid"),
            ("Sent", "Sent"),
            ("Obesvarade", "Obesv."),
            ("Väntar", "Vänt."),
            ("Andel i tid", "Andel"),
            ("95 % konfidensintervall", "KI"),
        ] {
            columns.push(column(title, shorts.then_some(short), false));
        }
        let row = |name: &str| {
            let mut cells = vec![name.to_owned()];
            cells.extend(["9", "1", "0", "0", "8", "100\u{a0}%"].map(str::to_owned));
            cells.push("20,7–100,0\u{a0}%".to_owned());
            cells
        };
        Table {
            caption: Some("Tabell 2. Resultat per verksamhet".to_owned()),
            columns,
            rows: names.iter().map(|n| row(n)).collect(),
            total: Some(row("Samtliga")),
            compact: false,
            stripe_by_first_column: false,
        }
    }

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    /// Every cell's lines hold its words whole and in order, and every part fits the width.
    fn assert_words_whole(table: &Table, parts: &[MeasuredTable], width: f32) {
        for part in parts {
            assert!(part.widths.iter().sum::<f32>() <= width + 0.01);
            for (cells, _, _) in &part.rows {
                for (lines, w) in cells.iter().zip(&part.widths) {
                    for line in lines {
                        assert!(line.width <= w - 2.0 * part.metrics.pad_x + 0.01);
                    }
                    let got: Vec<String> = lines.iter().flat_map(|l| words(&l.text())).collect();
                    let found = table
                        .rows
                        .iter()
                        .chain(&table.total)
                        .flatten()
                        .any(|cell| words(cell) == got);
                    assert!(found, "{got:?} is not a cell's words");
                }
            }
        }
    }

    #[test]
    fn tables_fall_back_to_smaller_type_then_short_headers_then_a_split() {
        let f = &fonts();
        let width = Geometry::A4.text_width();
        // Short names: the normal type, one table.
        let t = results_table(&["Kulturskolan", "Grundsärskolan"], true);
        let parts = measure_table(f, &t, width);
        assert_eq!(parts.len(), 1);
        assert!((parts[0].metrics.size - TABLE_TEXT.size).abs() < 1e-3);
        assert!(parts[0].note.is_empty());
        assert_words_whole(&t, &parts, width);

        // A long unit name: smaller type, still full headers and one table.
        let names = [
            "Kommunikationsavdelningen på Stadsledningskontoret",
            "Arbetsmarknads- och socialförvaltningen",
        ];
        let t = results_table(&names, true);
        let parts = measure_table(f, &t, width);
        assert_eq!(parts.len(), 1);
        let size = parts[0].metrics.size;
        assert!((TABLE.min_size..TABLE_TEXT.size).contains(&size), "{size}");
        assert!(parts[0].note.is_empty());
        assert_words_whole(&t, &parts, width);

        // Longer still: the smallest type and short headers, explained under the table.
        let names = ["Stadsbyggnadskontorsbygglovsavdelningsenhetensstab"];
        let t = results_table(&names, true);
        let parts = measure_table(f, &t, width);
        assert_eq!(parts.len(), 1);
        assert!((parts[0].metrics.size - TABLE.min_size).abs() < 1e-3);
        let note: String = parts[0].note.iter().map(TextLine::text).collect();
        assert!(note.contains("KI = 95 % konfidensintervall"), "{note}");
        let header: Vec<String> = parts[0]
            .header
            .iter()
            .map(|l| l.iter().map(TextLine::text).collect::<Vec<_>>().join(" "))
            .collect();
        assert!(header.contains(&"KI".to_owned()), "{header:?}");
        assert_words_whole(&t, &parts, width);

        // The same without short headers: the last columns move into a table of their own, the
        // name column repeated, the caption continued.
        let t = results_table(&names, false);
        let parts = measure_table(f, &t, width);
        assert_eq!(parts.len(), 2);
        assert!(!parts[0].continued && parts[1].continued);
        let titles = |p: &MeasuredTable| -> Vec<String> {
            p.header
                .iter()
                .map(|l| l.iter().map(TextLine::text).collect::<Vec<_>>().join(" "))
                .collect()
        };
        let (first, second) = (titles(&parts[0]), titles(&parts[1]));
        assert_eq!(first[0], "Verksamhet");
        assert_eq!(second[0], "Verksamhet");
        assert_eq!(second.last().unwrap(), "95 % konfidensintervall");
        assert_eq!(first.len() + second.len(), t.columns.len() + 1);
        assert!(parts.iter().all(|p| p.note.is_empty()));
        assert_words_whole(&t, &parts, width);
    }

    #[test]
    fn short_headers_are_explained_under_the_table_on_its_page() {
        use crate::report::layout::{Item, layout};
        use crate::report::model::Block;
        let table = results_table(
            &["Stadsbyggnadskontorsbygglovsavdelningsenhetensstab"],
            true,
        );
        let doc = crate::report::layout::test_document(vec![Block::Table(table)]);
        let out = layout(&fonts(), &doc);
        let g = out.geometry;
        let texts: Vec<(f32, f32, f32, String)> = out.pages[1]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text {
                    x, y, width, text, ..
                } => Some((*x, *y, *width, text.clone())),
                _ => None,
            })
            .collect();
        for (x, _, width, text) in &texts {
            assert!(x + width <= g.width - g.right + 0.01, "{text}");
        }
        let y_of = |needle: &str| {
            texts
                .iter()
                .find(|t| t.3.contains(needle))
                .map(|t| t.1)
                .unwrap_or_else(|| panic!("{needle} not drawn"))
        };
        assert!(y_of("Obesv. = obesvarade") > y_of("Samtliga"));
        assert!(y_of("Obesv.") < y_of("Samtliga"), "the header");
    }

    #[test]
    fn a_word_wider_than_the_page_is_broken_only_as_a_last_resort() {
        let f = &fonts();
        let width = Geometry::A4.text_width();
        let giant =
            "Kommunikationsavdelningensamtligaverksamheterinklusivestadsledningskontoretsenheter";
        let t = results_table(&[giant], false);
        let parts = measure_table(f, &t, width);
        for part in &parts {
            assert!(part.widths.iter().sum::<f32>() <= width + 0.01);
            for (cells, _, _) in &part.rows {
                for (lines, w) in cells.iter().zip(&part.widths) {
                    for line in lines {
                        assert!(line.width <= w + 0.01);
                    }
                }
            }
        }
    }
}
