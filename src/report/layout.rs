//! Layout: the document model → positioned text, rules and boxes on A4 pages.
//!
//! Greedy line wrapping with the real advance widths of the embedded fonts; pagination with
//! widow/orphan control (no single line of a paragraph alone at a page foot or head); a heading
//! always keeps company with the start of what follows it; tables split across pages with the
//! header row repeated; footnotes at the foot of the page that references them. Layout runs until
//! the page numbers printed in the table of contents agree with where the headings really are
//! (normally two passes).
//!
//! Coordinates are points from the top-left corner of the page; the writer flips them.

use super::fonts::{Face, Fonts};
use super::model::{
    Align, BarChart, Block, Cover, Document, Heading, HeadingKind, Paragraph, Style, Table,
};

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;

/// An RGB colour, components 0–1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

pub const BLACK: Rgb = Rgb(0.0, 0.0, 0.0);
pub const INK: Rgb = Rgb(0.12, 0.12, 0.12);
pub const ACCENT: Rgb = Rgb(0.08, 0.24, 0.42);
pub const GREY: Rgb = Rgb(0.42, 0.42, 0.42);
pub const RULE: Rgb = Rgb(0.72, 0.72, 0.72);
pub const HEADER_FILL: Rgb = Rgb(0.87, 0.90, 0.94);
pub const STRIPE_FILL: Rgb = Rgb(0.96, 0.97, 0.98);
pub const BAR_FILL: Rgb = Rgb(0.16, 0.38, 0.62);
pub const REFERENCE: Rgb = Rgb(0.78, 0.30, 0.10);

/// Page size and margins, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Geometry {
    /// A4 portrait with the margins of a printed committee document.
    pub const A4: Geometry = Geometry {
        width: 210.0 * MM,
        height: 297.0 * MM,
        left: 28.0 * MM,
        right: 24.0 * MM,
        top: 27.0 * MM,
        bottom: 24.0 * MM,
    };

    #[must_use]
    pub fn text_width(&self) -> f32 {
        self.width - self.left - self.right
    }

    fn body_bottom(&self) -> f32 {
        self.height - self.bottom
    }
}

/// Something drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// Text with its baseline at `y`.
    Text {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        color: Rgb,
        text: String,
        /// Measured width, for bounds checks and link boxes.
        width: f32,
    },
    /// A filled rectangle with its top-left corner at (`x`, `y`).
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    /// A stroked line, dashed when `dash` is set.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
        dash: bool,
    },
}

/// One laid-out page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

/// Where a heading landed: becomes a bookmark.
#[derive(Clone, Debug, PartialEq)]
pub struct Anchor {
    /// Number and text: "2.1 Bristande serviceskyldighet".
    pub title: String,
    pub level: u8,
    /// 0-based page index.
    pub page: usize,
    /// Top of the heading, from the page top.
    pub y: f32,
    pub in_toc: bool,
}

/// A clickable table-of-contents entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub page: usize,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    /// Index into `Layout::anchors`.
    pub target: usize,
}

/// The laid-out report.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub geometry: Geometry,
    pub pages: Vec<Page>,
    pub anchors: Vec<Anchor>,
    pub links: Vec<Link>,
    /// Layout passes it took for the table of contents to agree with the headings.
    pub passes: usize,
}

// ---------------------------------------------------------------------------------------------
// Line wrapping

/// A run of text on a line, `dx` from the line start.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub dx: f32,
    pub face: Face,
    pub text: String,
}

/// One wrapped line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextLine {
    pub pieces: Vec<Piece>,
    pub width: f32,
}

impl TextLine {
    /// The line's text, for tests.
    #[must_use]
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    fn push(&mut self, face: Face, text: &str, width: f32) {
        match self.pieces.last_mut() {
            Some(last) if last.face == face => last.text.push_str(text),
            _ => self.pieces.push(Piece {
                dx: self.width,
                face,
                text: text.to_owned(),
            }),
        }
        self.width += width;
    }
}

/// A word: fragments in possibly different faces, and the space that precedes it.
#[derive(Default)]
struct Word {
    /// (face, char, width) per character.
    chars: Vec<(Face, char, f32)>,
    width: f32,
    /// Width and face of the space before the word, if any.
    space: Option<(Face, f32)>,
}

/// Characters after which an over-long word may be broken.
fn is_break_after(c: char) -> bool {
    matches!(
        c,
        '-' | '/' | '_' | '.' | '@' | '?' | '&' | '=' | '\u{2013}'
    )
}

/// Wrap styled text greedily into lines no wider than `max_width`, measuring every glyph with
/// the embedded font's advance widths. Spaces are break opportunities (a no-break space is not);
/// a word longer than a line is broken, after a hyphen or slash when it has one.
#[must_use]
pub fn wrap(fonts: &Fonts, spans: &[(Face, &str)], size: f32, max_width: f32) -> Vec<TextLine> {
    let mut words: Vec<Word> = Vec::new();
    let mut current = Word::default();
    for (face, raw) in spans {
        let spaced = raw.replace(['\n', '\r'], " ");
        let text = fonts.clean(*face, &spaced);
        for (i, part) in text.split(' ').enumerate() {
            if i > 0 {
                if !current.chars.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
                if current.space.is_none() {
                    current.space = Some((*face, fonts.char_width(*face, ' ', size)));
                }
            }
            for c in part.chars() {
                let w = fonts.char_width(*face, c, size);
                current.chars.push((*face, c, w));
                current.width += w;
            }
        }
    }
    if !current.chars.is_empty() {
        words.push(current);
    }

    let mut lines = Vec::new();
    let mut line = TextLine::default();
    let tolerance = 0.01;
    for word in words {
        let space_width = word.space.map_or(0.0, |(_, w)| w);
        if !line.pieces.is_empty() && line.width + space_width + word.width <= max_width + tolerance
        {
            if let Some((face, w)) = word.space {
                line.push(face, " ", w);
            }
            push_chars(&mut line, &word.chars);
            continue;
        }
        if !line.pieces.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if word.width <= max_width + tolerance {
            push_chars(&mut line, &word.chars);
        } else {
            for chunk in split_long_word(&word.chars, max_width) {
                if !line.pieces.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                push_chars(&mut line, chunk);
            }
        }
    }
    if !line.pieces.is_empty() {
        lines.push(line);
    }
    lines
}

fn push_chars(line: &mut TextLine, chars: &[(Face, char, f32)]) {
    let mut buf = [0u8; 4];
    for (face, c, w) in chars {
        line.push(*face, c.encode_utf8(&mut buf), *w);
    }
}

/// Break an over-long word into chunks that fit, preferring to cut after a hyphen or slash.
fn split_long_word(chars: &[(Face, char, f32)], max_width: f32) -> Vec<&[(Face, char, f32)]> {
    let mut chunks = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut width = 0.0;
        let mut end = start;
        let mut last_break = None;
        while end < chars.len() && (end == start || width + chars[end].2 <= max_width) {
            width += chars[end].2;
            if is_break_after(chars[end].1) {
                last_break = Some(end + 1);
            }
            end += 1;
        }
        if end < chars.len()
            && let Some(b) = last_break.filter(|b| *b > start + 1)
        {
            end = b;
        }
        chunks.push(&chars[start..end]);
        start = end;
    }
    chunks
}

/// `text` shortened with "…" to fit `max_width` on one line.
#[must_use]
pub fn ellipsize(fonts: &Fonts, face: Face, text: &str, size: f32, max_width: f32) -> String {
    let text = fonts.clean(face, text);
    if fonts.width(face, &text, size) <= max_width {
        return text.into_owned();
    }
    let ellipsis = fonts.char_width(face, '…', size);
    let mut out = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        let w = fonts.char_width(face, c, size);
        if width + w + ellipsis > max_width {
            break;
        }
        out.push(c);
        width += w;
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// Unicode superscript digits for footnote references: ¹, ², ³ …
#[must_use]
pub fn superscript(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|d| match d {
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            '9' => '⁹',
            _ => '⁰',
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Typography

/// Size, leading and spacing of a kind of text.
#[derive(Clone, Copy, Debug)]
struct TextStyle {
    face: Face,
    size: f32,
    leading: f32,
    before: f32,
    after: f32,
    color: Rgb,
}

const BODY: TextStyle = TextStyle {
    face: Face::Serif,
    size: 10.5,
    leading: 15.0,
    before: 0.0,
    after: 7.0,
    color: INK,
};

const FOOTNOTE: TextStyle = TextStyle {
    face: Face::Serif,
    size: 8.0,
    leading: 10.5,
    before: 0.0,
    after: 2.0,
    color: INK,
};

fn heading_style(kind: HeadingKind) -> TextStyle {
    let (size, leading, before, after) = match kind {
        HeadingKind::Chapter => (17.0, 22.0, 0.0, 12.0),
        HeadingKind::Section => (14.0, 18.0, 16.0, 8.0),
        HeadingKind::Subsection => (12.0, 16.0, 14.0, 6.0),
        HeadingKind::Subsubsection => (11.0, 14.5, 12.0, 4.0),
        HeadingKind::Label => (10.0, 13.5, 8.0, 2.0),
    };
    TextStyle {
        face: Face::SansBold,
        size,
        leading,
        before,
        after,
        color: if kind == HeadingKind::Label {
            INK
        } else {
            ACCENT
        },
    }
}

fn body_face(style: Style) -> Face {
    match style {
        Style::Regular => Face::Serif,
        Style::Bold => Face::SerifBold,
        Style::Italic => Face::SerifItalic,
    }
}

/// The baseline of a line whose box starts at `top`.
fn baseline(top: f32, size: f32, leading: f32) -> f32 {
    top + (leading - size) / 2.0 + size * 0.78
}

const BULLET_INDENT: f32 = 14.0;
const TOC_INDENT: f32 = 14.0;

struct TableMetrics {
    size: f32,
    leading: f32,
    pad_x: f32,
    pad_y: f32,
}

fn table_metrics(compact: bool) -> TableMetrics {
    if compact {
        TableMetrics {
            size: 7.5,
            leading: 9.5,
            pad_x: 3.0,
            pad_y: 2.2,
        }
    } else {
        TableMetrics {
            size: 9.0,
            leading: 11.5,
            pad_x: 4.5,
            pad_y: 3.5,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Measured blocks

/// A table with its column widths and wrapped cells.
struct MeasuredTable {
    metrics: TableMetrics,
    widths: Vec<f32>,
    aligns: Vec<Align>,
    caption: Option<Vec<TextLine>>,
    header: Vec<Vec<TextLine>>,
    header_height: f32,
    rows: Vec<(Vec<Vec<TextLine>>, f32, bool)>,
}

const CAPTION_SIZE: f32 = 9.5;
const CAPTION_LEADING: f32 = 13.0;

fn measure_table(fonts: &Fonts, table: &Table, width: f32) -> MeasuredTable {
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
        .map(|(c, w)| wrap_cell(&c.title, Face::SansBold, *w))
        .collect();
    let header_height = row_height(&header);
    let mut rows = Vec::with_capacity(table.rows.len() + 1);
    for row in &table.rows {
        let cells: Vec<Vec<TextLine>> = row
            .iter()
            .zip(&widths)
            .map(|(t, w)| wrap_cell(t, Face::Sans, *w))
            .collect();
        let h = row_height(&cells);
        rows.push((cells, h, false));
    }
    if let Some(total) = &table.total {
        let cells: Vec<Vec<TextLine>> = total
            .iter()
            .zip(&widths)
            .map(|(t, w)| wrap_cell(t, Face::SansBold, *w))
            .collect();
        let h = row_height(&cells);
        rows.push((cells, h, true));
    }
    let caption = table
        .caption
        .as_ref()
        .map(|c| wrap(fonts, &[(Face::SansBold, c)], CAPTION_SIZE, width));
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
        header_full[i] = fonts.width(Face::SansBold, &column.title, m.size) + pad;
        for word in column.title.split_whitespace() {
            header_word[i] = header_word[i].max(fonts.width(Face::SansBold, word, m.size) + pad);
        }
    }
    let rows = table
        .rows
        .iter()
        .map(|r| (r, Face::Sans))
        .chain(table.total.iter().map(|r| (r, Face::SansBold)));
    for (row, face) in rows {
        for (i, cell) in row.iter().enumerate().take(n) {
            natural[i] = natural[i].max(fonts.width(face, cell, m.size) + pad);
            if table.columns[i].wraps {
                for word in cell.split_whitespace() {
                    let w = fonts.width(face, word, m.size) + pad;
                    longest_word[i] = longest_word[i].max(w.min(width / 4.0));
                }
            }
        }
    }
    let wrapping: Vec<usize> = (0..n).filter(|i| table.columns[*i].wraps).collect();
    let mins: Vec<f32> = (0..n)
        .map(|i| longest_word[i].max(header_word[i]).max(pad + 10.0))
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
            .filter(|i| !table.columns[*i].wraps && saving(*i) > 0.01)
            .max_by(|a, b| saving(*a).total_cmp(&saving(*b)))
        else {
            break;
        };
        widths[best] = natural[best].max(header_word[best]);
    }
    let fixed_sum: f32 = widths.iter().sum();
    if fixed_sum + wrap_min > width {
        // Too wide even so: scale the fixed columns down (their text wraps).
        let scale = (width - wrap_min).max(width * 0.3) / fixed_sum.max(1.0);
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

const CHART_BAR: f32 = 13.0;
const CHART_GAP: f32 = 7.0;
const CHART_AXIS: f32 = 16.0;

fn chart_height(chart: &BarChart) -> f32 {
    #[allow(clippy::cast_precision_loss)]
    let bars = chart.bars.len() as f32;
    CAPTION_LEADING + 6.0 + bars * (CHART_BAR + CHART_GAP) + CHART_AXIS + 14.0
}

// ---------------------------------------------------------------------------------------------
// The flow

struct PendingFootnote {
    lines: Vec<TextLine>,
}

struct Flow<'a> {
    fonts: &'a Fonts,
    geo: Geometry,
    pages: Vec<Page>,
    page: Page,
    y: f32,
    page_has_content: bool,
    footnotes: Vec<PendingFootnote>,
    footnote_height: f32,
    footnote_counter: usize,
    anchors: Vec<Anchor>,
    links: Vec<Link>,
    /// Page numbers (1-based) of the table-of-contents entries, from the previous pass.
    toc_numbers: &'a [usize],
    /// Added to a table caption repeated on a new page: "(forts.)".
    continued_word: String,
}

const FOOTNOTE_SEPARATOR: f32 = 10.0;

impl<'a> Flow<'a> {
    fn new(fonts: &'a Fonts, geo: Geometry, toc_numbers: &'a [usize]) -> Flow<'a> {
        Flow {
            fonts,
            geo,
            pages: Vec::new(),
            page: Page::default(),
            y: geo.top,
            page_has_content: false,
            footnotes: Vec::new(),
            footnote_height: 0.0,
            footnote_counter: 0,
            anchors: Vec::new(),
            links: Vec::new(),
            toc_numbers,
            continued_word: String::new(),
        }
    }

    fn bottom(&self) -> f32 {
        self.geo.body_bottom() - self.footnote_height
    }

    fn width(&self) -> f32 {
        self.geo.text_width()
    }

    fn page_index(&self) -> usize {
        self.pages.len()
    }

    fn new_page(&mut self) {
        self.flush_footnotes();
        self.pages.push(std::mem::take(&mut self.page));
        self.y = self.geo.top;
        self.page_has_content = false;
    }

    /// Vertical space before a block, not at the top of a page.
    fn space_before(&mut self, pts: f32) {
        if self.page_has_content {
            self.y += pts;
        }
    }

    fn footnote_block_height(lines: usize, first_on_page: bool) -> f32 {
        #[allow(clippy::cast_precision_loss)]
        let lines = lines as f32;
        lines * FOOTNOTE.leading
            + FOOTNOTE.after
            + if first_on_page {
                FOOTNOTE_SEPARATOR
            } else {
                0.0
            }
    }

    fn flush_footnotes(&mut self) {
        if self.footnotes.is_empty() {
            return;
        }
        let mut y = self.geo.body_bottom() - self.footnote_height + FOOTNOTE_SEPARATOR;
        self.page.items.push(Item::Line {
            x1: self.geo.left,
            y1: y - 5.0,
            x2: self.geo.left + 45.0 * MM,
            y2: y - 5.0,
            width: 0.5,
            color: GREY,
            dash: false,
        });
        for note in std::mem::take(&mut self.footnotes) {
            for line in &note.lines {
                let base = baseline(y, FOOTNOTE.size, FOOTNOTE.leading);
                self.draw_line(line, self.geo.left, base, FOOTNOTE.size, FOOTNOTE.color);
                y += FOOTNOTE.leading;
            }
            y += FOOTNOTE.after;
        }
        self.footnote_height = 0.0;
    }

    fn draw_line(&mut self, line: &TextLine, x: f32, base: f32, size: f32, color: Rgb) {
        for piece in &line.pieces {
            let width = self.fonts.width(piece.face, &piece.text, size);
            self.page.items.push(Item::Text {
                x: x + piece.dx,
                y: base,
                face: piece.face,
                size,
                color,
                text: piece.text.clone(),
                width,
            });
        }
    }

    fn text(&mut self, x: f32, base: f32, face: Face, size: f32, color: Rgb, text: &str) {
        let text = self.fonts.clean(face, text).into_owned();
        let width = self.fonts.width(face, &text, size);
        self.page.items.push(Item::Text {
            x,
            y: base,
            face,
            size,
            color,
            text,
            width,
        });
    }

    // --- blocks ------------------------------------------------------------------------------

    fn block(&mut self, blocks: &[Block], index: usize, doc: &Document) {
        match &blocks[index] {
            Block::TableOfContents => self.table_of_contents(doc),
            Block::Heading(h) => self.heading(h, &blocks[index + 1..]),
            Block::Paragraph(p) => self.paragraph(p, 0.0),
            Block::Bullets(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.bullet(item, i + 1 == items.len());
                }
            }
            Block::Table(t) => self.table(t),
            Block::BarChart(c) => self.bar_chart(c),
            Block::PageBreak => {
                if self.page_has_content {
                    self.new_page();
                }
            }
        }
    }

    fn heading_lines(&self, h: &Heading) -> (Vec<TextLine>, f32) {
        let style = heading_style(h.kind);
        let (number_width, gap) = match &h.number {
            Some(n) => (
                self.fonts.width(style.face, n, style.size),
                style.size * 0.7,
            ),
            None => (0.0, 0.0),
        };
        let indent = if number_width > 0.0 {
            number_width + gap
        } else {
            0.0
        };
        let lines = wrap(
            self.fonts,
            &[(style.face, &h.text)],
            style.size,
            self.width() - indent,
        );
        (lines, indent)
    }

    fn heading_height(&self, h: &Heading) -> f32 {
        let style = heading_style(h.kind);
        let (lines, _) = self.heading_lines(h);
        #[allow(clippy::cast_precision_loss)]
        let n = lines.len().max(1) as f32;
        n * style.leading
    }

    /// The height that must fit below a heading on the same page: the following headings and
    /// the first two lines (or first table rows, or the whole chart) of the content after them.
    fn lead_height(&self, rest: &[Block]) -> f32 {
        match rest.first() {
            Some(Block::Heading(h)) => {
                let style = heading_style(h.kind);
                if h.kind == HeadingKind::Chapter {
                    return 0.0;
                }
                style.before + self.heading_height(h) + style.after + self.lead_height(&rest[1..])
            }
            Some(Block::Paragraph(p)) => self.paragraph_lead(p, 0.0),
            Some(Block::Bullets(items)) => items
                .first()
                .map_or(0.0, |p| self.paragraph_lead(p, BULLET_INDENT)),
            Some(Block::Table(t)) => {
                // Long tables start with two rows anyway; measuring those is enough.
                let m = if t.rows.len() > 60 {
                    let head = Table {
                        rows: t.rows.iter().take(2).cloned().collect(),
                        total: None,
                        ..t.clone()
                    };
                    measure_table(self.fonts, &head, self.width())
                } else {
                    measure_table(self.fonts, t, self.width())
                };
                self.table_start(&m)
            }
            Some(Block::BarChart(c)) => chart_height(c),
            Some(Block::TableOfContents | Block::PageBreak) | None => 0.0,
        }
    }

    /// What of a paragraph must share the page with the heading above it: its first two lines,
    /// or all of it (and its footnote) when it is too short to split without a widow.
    fn paragraph_lead(&self, p: &Paragraph, indent: f32) -> f32 {
        let lines = self.paragraph_lines(p, indent, p.footnote.as_ref().map(|_| "¹"));
        let whole = lines.len() <= 3;
        #[allow(clippy::cast_precision_loss)]
        let n = if whole { lines.len() } else { 2 } as f32;
        let note = match &p.footnote {
            Some(text) if whole => {
                let note = wrap(
                    self.fonts,
                    &[(FOOTNOTE.face, &format!("¹ {text}"))],
                    FOOTNOTE.size,
                    self.width(),
                );
                Self::footnote_block_height(note.len(), self.footnotes.is_empty())
            }
            _ => 0.0,
        };
        n * BODY.leading + note
    }

    fn heading(&mut self, h: &Heading, rest: &[Block]) {
        let style = heading_style(h.kind);
        if h.kind == HeadingKind::Chapter && self.page_has_content {
            self.new_page();
        }
        let (lines, indent) = self.heading_lines(h);
        #[allow(clippy::cast_precision_loss)]
        let height = lines.len().max(1) as f32 * style.leading;
        let need = style.before + height + style.after + self.lead_height(rest);
        if self.page_has_content && self.y + need > self.bottom() {
            self.new_page();
        }
        self.space_before(style.before);
        let title = match &h.number {
            Some(n) => format!("{n} {}", h.text),
            None => h.text.clone(),
        };
        self.anchors.push(Anchor {
            title,
            level: h.outline_level,
            page: self.page_index(),
            y: self.y,
            in_toc: h.in_toc,
        });
        if let Some(number) = &h.number {
            let base = baseline(self.y, style.size, style.leading);
            self.text(
                self.geo.left,
                base,
                style.face,
                style.size,
                style.color,
                number,
            );
        }
        for line in &lines {
            let base = baseline(self.y, style.size, style.leading);
            self.draw_line(line, self.geo.left + indent, base, style.size, style.color);
            self.y += style.leading;
        }
        if lines.is_empty() {
            self.y += style.leading;
        }
        self.y += style.after;
        self.page_has_content = true;
    }

    /// A paragraph's lines; `footnote_mark` is appended to its last word.
    fn paragraph_lines(
        &self,
        p: &Paragraph,
        indent: f32,
        footnote_mark: Option<&str>,
    ) -> Vec<TextLine> {
        let mut spans: Vec<(Face, &str)> = p
            .spans
            .iter()
            .map(|s| (body_face(s.style), s.text.as_str()))
            .collect();
        if let Some(mark) = footnote_mark {
            let face = spans.last().map_or(Face::Serif, |s| s.0);
            spans.push((face, mark));
        }
        wrap(self.fonts, &spans, BODY.size, self.width() - indent)
    }

    fn paragraph(&mut self, p: &Paragraph, indent: f32) {
        let footnote = p.footnote.as_ref().map(|text| {
            self.footnote_counter += 1;
            let mark = superscript(self.footnote_counter);
            let note = format!("{mark} {text}");
            let lines = wrap(
                self.fonts,
                &[(FOOTNOTE.face, &note)],
                FOOTNOTE.size,
                self.width(),
            );
            (mark, lines)
        });
        let lines = self.paragraph_lines(p, indent, footnote.as_ref().map(|f| f.0.as_str()));
        let note_lines = footnote.map(|f| f.1);
        self.place_lines(&lines, indent, note_lines, None);
        self.y += BODY.after;
    }

    fn bullet(&mut self, p: &Paragraph, last: bool) {
        let lines = self.paragraph_lines(p, BULLET_INDENT, None);
        self.place_lines(&lines, BULLET_INDENT, None, Some("•"));
        self.y += if last { BODY.after } else { 2.0 };
    }

    /// Place body lines with widow/orphan control: never one line of the paragraph alone at the
    /// foot or the head of a page. The footnote (referenced in the last line) must fit on the
    /// page of that line.
    fn place_lines(
        &mut self,
        lines: &[TextLine],
        indent: f32,
        mut note: Option<Vec<TextLine>>,
        marker: Option<&str>,
    ) {
        let n = lines.len();
        let mut index = 0;
        while index < n {
            let remaining = n - index;
            let fit = self.lines_that_fit(remaining, note.as_ref().map(Vec::len));
            let take = if fit >= remaining {
                remaining
            } else {
                let mut take = fit;
                if remaining - take < 2 {
                    take = remaining.saturating_sub(2);
                }
                if take < 2 && self.page_has_content {
                    self.new_page();
                    continue;
                }
                // A line taller than an empty page still has to go somewhere.
                take.max(1)
            };
            for (k, line) in lines[index..index + take].iter().enumerate() {
                let base = baseline(self.y, BODY.size, BODY.leading);
                if index + k == 0
                    && let Some(m) = marker
                {
                    self.text(
                        self.geo.left + indent - BULLET_INDENT + 3.0,
                        base,
                        Face::Serif,
                        BODY.size,
                        BODY.color,
                        m,
                    );
                }
                self.draw_line(line, self.geo.left + indent, base, BODY.size, BODY.color);
                self.y += BODY.leading;
            }
            self.page_has_content = true;
            index += take;
            if index == n {
                if let Some(note_lines) = note.take() {
                    self.footnote_height +=
                        Self::footnote_block_height(note_lines.len(), self.footnotes.is_empty());
                    self.footnotes.push(PendingFootnote { lines: note_lines });
                }
            } else {
                self.new_page();
            }
        }
    }

    /// How many of `remaining` body lines fit on this page; the last line of the paragraph also
    /// needs room for its footnote.
    fn lines_that_fit(&self, remaining: usize, note_lines: Option<usize>) -> usize {
        let room = self.bottom() - self.y;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let fit = ((room + 0.01) / BODY.leading).floor().max(0.0) as usize;
        if fit < remaining {
            return fit;
        }
        match note_lines {
            Some(k) => {
                let note = Self::footnote_block_height(k, self.footnotes.is_empty());
                #[allow(clippy::cast_precision_loss)]
                let needed = remaining as f32 * BODY.leading + note;
                if needed <= room + 0.01 {
                    remaining
                } else {
                    remaining - 1
                }
            }
            None => remaining,
        }
    }

    fn table(&mut self, table: &Table) {
        let m = measure_table(self.fonts, table, self.width());
        let caption_height = m
            .caption
            .as_ref()
            .map_or(0.0, |c| line_count(c) * CAPTION_LEADING + 3.0);
        self.space_before(6.0);
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
                                Face::Sans,
                                "…",
                                self.fonts.char_width(Face::Sans, '…', m.metrics.size),
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
        self.y += 10.0;
    }

    /// The height a table needs where it starts: a short table is not split at all, a long one
    /// starts only where its caption, header and two rows fit.
    fn table_start(&self, m: &MeasuredTable) -> f32 {
        let caption = m
            .caption
            .as_ref()
            .map_or(0.0, |c| line_count(c) * CAPTION_LEADING + 3.0);
        let all_rows: f32 = m.rows.iter().map(|r| r.1).sum();
        let page_body = self.geo.body_bottom() - self.geo.top;
        let head = caption + m.header_height;
        if head + all_rows <= page_body * 0.4 {
            head + all_rows
        } else {
            head + m.rows.iter().take(2).map(|r| r.1).sum::<f32>()
        }
    }

    fn table_head(&mut self, m: &MeasuredTable, continued: bool) {
        if let Some(caption) = &m.caption {
            for (k, line) in caption.iter().enumerate() {
                let base = baseline(self.y, CAPTION_SIZE, CAPTION_LEADING);
                self.draw_line(line, self.geo.left, base, CAPTION_SIZE, ACCENT);
                if continued && k + 1 == caption.len() {
                    let x = self.geo.left + line.width + 4.0;
                    let words = self.continued_word.clone();
                    self.text(x, base, Face::Sans, CAPTION_SIZE, GREY, &words);
                }
                self.y += CAPTION_LEADING;
            }
            self.y += 3.0;
        }
        let width: f32 = m.widths.iter().sum();
        self.page.items.push(Item::Rect {
            x: self.geo.left,
            y: self.y,
            w: width,
            h: m.header_height,
            fill: HEADER_FILL,
        });
        let header = m.header.clone();
        self.cells(m, &header, BLACK);
        self.y += m.header_height;
        self.page.items.push(Item::Line {
            x1: self.geo.left,
            y1: self.y,
            x2: self.geo.left + width,
            y2: self.y,
            width: 0.8,
            color: GREY,
            dash: false,
        });
        self.page_has_content = true;
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
                fill: STRIPE_FILL,
            });
        }
        if is_total {
            self.page.items.push(Item::Line {
                x1: self.geo.left,
                y1: self.y,
                x2: self.geo.left + width,
                y2: self.y,
                width: 0.8,
                color: GREY,
                dash: false,
            });
        }
        self.cells(m, cells, INK);
        self.y += height;
        self.page.items.push(Item::Line {
            x1: self.geo.left,
            y1: self.y,
            x2: self.geo.left + width,
            y2: self.y,
            width: 0.25,
            color: RULE,
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

    fn bar_chart(&mut self, chart: &BarChart) {
        let height = chart_height(chart);
        self.space_before(6.0);
        if self.page_has_content && self.y + height > self.bottom() {
            self.new_page();
        }
        let left = self.geo.left;
        let caption_lines = wrap(
            self.fonts,
            &[(Face::SansBold, &chart.caption)],
            CAPTION_SIZE,
            self.width(),
        );
        for line in caption_lines.iter().take(2) {
            let base = baseline(self.y, CAPTION_SIZE, CAPTION_LEADING);
            self.draw_line(line, left, base, CAPTION_SIZE, ACCENT);
            self.y += CAPTION_LEADING;
        }
        self.y += 6.0;
        let label_size = 9.0;
        let label_width = chart
            .bars
            .iter()
            .map(|b| self.fonts.width(Face::Sans, &b.label, label_size))
            .fold(0.0f32, f32::max)
            .min(self.width() * 0.35)
            + 8.0;
        let x0 = left + label_width;
        let plot_width = self.width() - label_width - 36.0;
        let top = self.y;
        #[allow(clippy::cast_precision_loss)]
        let plot_height = chart.bars.len() as f32 * (CHART_BAR + CHART_GAP);
        // Grid lines and tick labels at 0, 25, 50, 75 and 100 %.
        for (k, tick) in chart.ticks.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let x = x0 + plot_width * (k as f32) / ((chart.ticks.len().max(2) - 1) as f32);
            self.page.items.push(Item::Line {
                x1: x,
                y1: top,
                x2: x,
                y2: top + plot_height,
                width: if k == 0 { 0.8 } else { 0.3 },
                color: if k == 0 { GREY } else { RULE },
                dash: false,
            });
            let w = self.fonts.width(Face::Sans, tick, 8.0);
            self.text(
                x - w / 2.0,
                top + plot_height + 10.0,
                Face::Sans,
                8.0,
                GREY,
                tick,
            );
        }
        for (i, bar) in chart.bars.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let y = top + CHART_GAP / 2.0 + i as f32 * (CHART_BAR + CHART_GAP);
            let label = ellipsize(
                self.fonts,
                Face::Sans,
                &bar.label,
                label_size,
                label_width - 8.0,
            );
            let lw = self.fonts.width(Face::Sans, &label, label_size);
            self.text(
                x0 - 6.0 - lw,
                y + CHART_BAR * 0.72,
                Face::Sans,
                label_size,
                INK,
                &label,
            );
            #[allow(clippy::cast_possible_truncation)]
            let w = plot_width * (bar.value.clamp(0.0, 1.0) as f32);
            if w > 0.0 {
                self.page.items.push(Item::Rect {
                    x: x0,
                    y,
                    w,
                    h: CHART_BAR,
                    fill: BAR_FILL,
                });
            }
            self.text(
                x0 + w + 4.0,
                y + CHART_BAR * 0.72,
                Face::SansBold,
                8.5,
                INK,
                &bar.value_label,
            );
        }
        if let Some((value, label)) = &chart.reference {
            #[allow(clippy::cast_possible_truncation)]
            let x = x0 + plot_width * (value.clamp(0.0, 1.0) as f32);
            self.page.items.push(Item::Line {
                x1: x,
                y1: top - 3.0,
                x2: x,
                y2: top + plot_height,
                width: 1.0,
                color: REFERENCE,
                dash: true,
            });
            let label = ellipsize(self.fonts, Face::Sans, label, 8.0, self.width() * 0.6);
            let w = self.fonts.width(Face::Sans, &label, 8.0);
            let lx = (x - w / 2.0).clamp(left, left + self.width() - w);
            self.text(
                lx,
                top + plot_height + CHART_AXIS + 6.0,
                Face::Sans,
                8.0,
                REFERENCE,
                &label,
            );
        }
        self.y = top + plot_height + CHART_AXIS + 14.0;
        self.page_has_content = true;
    }

    fn table_of_contents(&mut self, doc: &Document) {
        let style = heading_style(HeadingKind::Chapter);
        let base = baseline(self.y, style.size, style.leading);
        let contents = doc.words.contents.clone();
        self.text(
            self.geo.left,
            base,
            style.face,
            style.size,
            style.color,
            &contents,
        );
        self.y += style.leading + style.after + 4.0;
        self.page_has_content = true;
        let entries: Vec<&Heading> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) if h.in_toc => Some(h),
                _ => None,
            })
            .collect();
        let size = 10.5;
        let leading = 17.0;
        let number_room = 28.0;
        for (i, h) in entries.iter().enumerate() {
            let page_number = self.toc_numbers.get(i).copied().unwrap_or(0);
            let (face, indent, before) = match h.kind {
                HeadingKind::Chapter => (Face::SansBold, 0.0, 5.0),
                HeadingKind::Section => (Face::Sans, TOC_INDENT, 0.0),
                HeadingKind::Subsection => (Face::Sans, 2.0 * TOC_INDENT, 0.0),
                HeadingKind::Subsubsection | HeadingKind::Label => {
                    (Face::Sans, 3.0 * TOC_INDENT, 0.0)
                }
            };
            let title = match &h.number {
                Some(n) => format!("{n} {}", h.text),
                None => h.text.clone(),
            };
            let width = self.width() - indent - number_room;
            let lines = wrap(self.fonts, &[(face, &title)], size, width - 10.0);
            #[allow(clippy::cast_precision_loss)]
            let height = lines.len().max(1) as f32 * leading;
            if self.y + before + height > self.bottom() {
                self.new_page();
            }
            self.space_before(before);
            let top = self.y;
            let x = self.geo.left + indent;
            let mut last_end = x;
            let mut base = baseline(self.y, size, leading);
            for line in &lines {
                base = baseline(self.y, size, leading);
                self.draw_line(line, x, base, size, INK);
                last_end = x + line.width;
                self.y += leading;
            }
            let number = page_number.to_string();
            let number_width = self.fonts.width(face, &number, size);
            let right = self.geo.left + self.width();
            self.text(right - number_width, base, face, size, INK, &number);
            // Dot leader between the title and the page number.
            let dot = self.fonts.char_width(Face::Sans, '.', size);
            let room = right - number_width - 5.0 - (last_end + 5.0);
            if dot > 0.0 && room > dot {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let count = (room / dot).floor() as usize;
                let dots = ".".repeat(count);
                let dx = right - number_width - 5.0 - dot * (count as f32);
                self.text(dx, base, Face::Sans, size, GREY, &dots);
            }
            // The link target is resolved after layout: the i-th entry is the i-th TOC anchor.
            self.links.push(Link {
                page: self.page_index(),
                x: self.geo.left + indent,
                y: top,
                w: self.width() - indent,
                h: self.y - top,
                target: i,
            });
        }
    }
}

fn line_count(lines: &[TextLine]) -> f32 {
    #[allow(clippy::cast_precision_loss)]
    let n = lines.len() as f32;
    n
}

// ---------------------------------------------------------------------------------------------
// Cover, running header and footer

fn cover_page(fonts: &Fonts, geo: Geometry, cover: &Cover) -> Page {
    let mut flow_items = Vec::new();
    let width = geo.text_width();
    let mut put = |x: f32, y: f32, face: Face, size: f32, color: Rgb, text: &str| {
        let text = fonts.clean(face, text).into_owned();
        let w = fonts.width(face, &text, size);
        flow_items.push(Item::Text {
            x,
            y,
            face,
            size,
            color,
            text,
            width: w,
        });
    };
    // Organisation at the top, over a rule.
    let org = ellipsize(fonts, Face::SansBold, &cover.organisation, 15.0, width);
    put(geo.left, geo.top + 12.0, Face::SansBold, 15.0, ACCENT, &org);
    let mut y = geo.height * 0.36;
    for line in wrap(fonts, &[(Face::SansBold, &cover.title)], 26.0, width)
        .iter()
        .take(4)
    {
        for p in &line.pieces {
            put(geo.left + p.dx, y, p.face, 26.0, ACCENT, &p.text);
        }
        y += 32.0;
    }
    if !cover.subtitle.is_empty() {
        y += 4.0;
        for line in wrap(fonts, &[(Face::Sans, &cover.subtitle)], 14.0, width)
            .iter()
            .take(3)
        {
            put(geo.left, y, Face::Sans, 14.0, INK, &line.text());
            y += 19.0;
        }
    }
    if !cover.committee.is_empty() {
        y += 18.0;
        for line in wrap(fonts, &[(Face::Sans, &cover.committee)], 16.0, width)
            .iter()
            .take(2)
        {
            put(geo.left, y, Face::Sans, 16.0, INK, &line.text());
            y += 21.0;
        }
    }
    // Facts near the foot of the page.
    #[allow(clippy::cast_precision_loss)]
    let mut fy = geo.height - geo.bottom - cover.facts.len() as f32 * 15.0;
    let label_width = cover
        .facts
        .iter()
        .map(|(l, _)| fonts.width(Face::SansBold, l, 10.0))
        .fold(0.0f32, f32::max)
        + 10.0;
    for (label, value) in &cover.facts {
        put(geo.left, fy, Face::SansBold, 10.0, INK, label);
        let value = ellipsize(fonts, Face::Sans, value, 10.0, width - label_width);
        put(geo.left + label_width, fy, Face::Sans, 10.0, INK, &value);
        fy += 15.0;
    }
    let mut items = vec![Item::Line {
        x1: geo.left,
        y1: geo.top + 20.0,
        x2: geo.width - geo.right,
        y2: geo.top + 20.0,
        width: 1.2,
        color: ACCENT,
        dash: false,
    }];
    items.extend(flow_items);
    Page { items }
}

fn running_header_and_footer(
    fonts: &Fonts,
    geo: Geometry,
    doc: &Document,
    page: &mut Page,
    number: usize,
    total: usize,
) {
    let size = 8.0;
    let width = geo.text_width();
    let y = geo.top - 14.0;
    let left = ellipsize(fonts, Face::Sans, &doc.header.0, size, width * 0.45);
    let right = ellipsize(fonts, Face::Sans, &doc.header.1, size, width * 0.5);
    let right_width = fonts.width(Face::Sans, &right, size);
    let mut push = |x: f32, y: f32, text: String| {
        let w = fonts.width(Face::Sans, &text, size);
        page.items.push(Item::Text {
            x,
            y,
            face: Face::Sans,
            size,
            color: GREY,
            text,
            width: w,
        });
    };
    push(geo.left, y, left);
    push(geo.width - geo.right - right_width, y, right);
    let folio = format!("{number} ({total})");
    let folio_width = fonts.width(Face::Sans, &folio, size);
    push(
        geo.width - geo.right - folio_width,
        geo.height - geo.bottom + 22.0,
        folio,
    );
    page.items.push(Item::Line {
        x1: geo.left,
        y1: y + 5.0,
        x2: geo.width - geo.right,
        y2: y + 5.0,
        width: 0.4,
        color: RULE,
        dash: false,
    });
}

// ---------------------------------------------------------------------------------------------
// Entry point

fn pass(
    fonts: &Fonts,
    doc: &Document,
    toc_numbers: &[usize],
) -> (Vec<Page>, Vec<Anchor>, Vec<Link>) {
    let geo = Geometry::A4;
    let mut flow = Flow::new(fonts, geo, toc_numbers);
    flow.continued_word.clone_from(&doc.words.continued);
    // Page 1 is the cover; the flow starts on page 2.
    flow.pages.push(cover_page(fonts, geo, &doc.cover));
    for index in 0..doc.blocks.len() {
        flow.block(&doc.blocks, index, doc);
    }
    flow.new_page();
    let toc_anchors: Vec<usize> = flow
        .anchors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.in_toc)
        .map(|(i, _)| i)
        .collect();
    let links = flow
        .links
        .into_iter()
        .filter_map(|mut l| {
            l.target = *toc_anchors.get(l.target)?;
            Some(l)
        })
        .collect();
    (flow.pages, flow.anchors, links)
}

/// Lay out `doc`: as many passes as it takes for the table of contents to show the pages the
/// headings really land on (two, unless the page numbers change the contents' own length).
#[must_use]
pub fn layout(fonts: &Fonts, doc: &Document) -> Layout {
    let mut toc_numbers: Vec<usize> = Vec::new();
    let mut passes = 0;
    loop {
        passes += 1;
        let (mut pages, anchors, links) = pass(fonts, doc, &toc_numbers);
        let found: Vec<usize> = anchors
            .iter()
            .filter(|a| a.in_toc)
            .map(|a| a.page + 1)
            .collect();
        if found == toc_numbers || passes >= 4 {
            let total = pages.len();
            for (i, page) in pages.iter_mut().enumerate().skip(1) {
                running_header_and_footer(fonts, Geometry::A4, doc, page, i + 1, total);
            }
            return Layout {
                geometry: Geometry::A4,
                pages,
                anchors,
                links,
                passes,
            };
        }
        toc_numbers = found;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::model::Span;

    fn fonts() -> &'static Fonts {
        Fonts::get().unwrap()
    }

    #[test]
    fn wraps_greedily_within_the_width() {
        let f = fonts();
        let text = "Granskningen omfattade 50 konton på Facebook, Instagram och X. Av dessa besvarade 15 frågan inom 24 timmar.";
        let lines = wrap(f, &[(Face::Serif, text)], 10.5, 200.0);
        assert!(lines.len() >= 3, "{lines:?}");
        for line in &lines {
            assert!(line.width <= 200.01, "{} is {}", line.text(), line.width);
            // The stored width is the sum of the real advances.
            let measured = f.width(Face::Serif, &line.text(), 10.5);
            assert!((measured - line.width).abs() < 0.01);
        }
        // Greedy: the next line's first word would not have fitted.
        for pair in lines.windows(2) {
            let next_word = pair[1].text();
            let next_word = next_word.split(' ').next().unwrap();
            let with = pair[0].width + f.width(Face::Serif, &format!(" {next_word}"), 10.5);
            assert!(with > 200.0);
        }
        let joined: Vec<String> = lines.iter().map(TextLine::text).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn styled_runs_keep_their_faces_and_positions() {
        let f = fonts();
        let lines = wrap(
            f,
            &[
                (Face::Serif, "Endast "),
                (Face::SerifBold, "två"),
                (Face::Serif, " av kontona."),
            ],
            10.0,
            400.0,
        );
        assert_eq!(lines.len(), 1);
        let pieces = &lines[0].pieces;
        assert_eq!(pieces.len(), 3);
        assert_eq!(pieces[0].text, "Endast ");
        assert_eq!(pieces[1].face, Face::SerifBold);
        assert!((pieces[1].dx - f.width(Face::Serif, "Endast ", 10.0)).abs() < 1e-3);
        assert_eq!(lines[0].text(), "Endast två av kontona.");
    }

    #[test]
    fn overlong_words_break_and_never_overflow() {
        let f = fonts();
        let url = "https://www.facebook.com/groups/mycket-langt-kontonamn-for-en-grundskola-i-malmo-stad/";
        let lines = wrap(f, &[(Face::Sans, url)], 9.0, 80.0);
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(line.width <= 80.01);
        }
        assert_eq!(lines.iter().map(TextLine::text).collect::<String>(), url);
        // No-break spaces hold "30 %" together.
        let lines = wrap(
            f,
            &[(Face::Serif, "andelen var 30\u{a0}% i år")],
            10.0,
            f.width(Face::Serif, "andelen var 30", 10.0) + 1.0,
        );
        assert!(lines[1].text().starts_with("30\u{a0}%"), "{lines:?}");
    }

    #[test]
    fn emoji_become_replacements_in_wrapped_text() {
        let lines = wrap(fonts(), &[(Face::Sans, "Fritids 🎉 Hörnan")], 9.0, 300.0);
        assert_eq!(lines[0].text(), "Fritids \u{FFFD} Hörnan");
    }

    fn document(blocks: Vec<Block>) -> Document {
        use super::super::model::{DocInfo, LayoutWords};
        Document {
            info: DocInfo {
                title: "T".to_owned(),
                author: String::new(),
                subject: String::new(),
                keywords: Vec::new(),
                lang: "sv-SE".to_owned(),
                created: chrono::DateTime::UNIX_EPOCH.fixed_offset(),
            },
            cover: Cover::default(),
            header: ("Org".to_owned(), "Titel".to_owned()),
            words: LayoutWords {
                contents: "Innehåll".to_owned(),
                continued: "(forts.)".to_owned(),
            },
            blocks,
        }
    }

    /// Lines of text per page that contain `marker`.
    fn lines_with(layout: &Layout, marker: &str) -> Vec<usize> {
        layout
            .pages
            .iter()
            .map(|p| {
                let mut ys: Vec<i64> = p
                    .items
                    .iter()
                    .filter_map(|i| match i {
                        #[allow(clippy::cast_possible_truncation)]
                        Item::Text { text, y, .. } if text.contains(marker) => Some(*y as i64),
                        _ => None,
                    })
                    .collect();
                ys.dedup();
                ys.len()
            })
            .collect()
    }

    #[test]
    fn no_paragraph_leaves_a_single_line_at_a_page_foot_or_head() {
        // Paragraphs of three to eight lines, each word marking its paragraph.
        let blocks: Vec<Block> = (0..40)
            .map(|i| {
                let words = 30 + (i * 7) % 60;
                Block::Paragraph(Paragraph::plain(vec![format!("p{i:02}x"); words].join(" ")))
            })
            .collect();
        let layout = layout(fonts(), &document(blocks));
        assert!(layout.pages.len() > 4);
        let mut split = 0;
        for i in 0..40 {
            let per_page: Vec<usize> = lines_with(&layout, &format!("p{i:02}x"))
                .into_iter()
                .filter(|n| *n > 0)
                .collect();
            if per_page.len() > 1 {
                split += 1;
            }
            for n in &per_page {
                assert!(
                    per_page.len() == 1 || *n >= 2,
                    "paragraph {i}: {per_page:?}"
                );
            }
        }
        assert!(split > 0, "some paragraph must have been split");
    }

    #[test]
    fn a_heading_keeps_company_and_footnotes_stay_on_their_page() {
        let mut blocks = Vec::new();
        for i in 0..30 {
            blocks.push(Block::Heading(Heading {
                kind: HeadingKind::Label,
                number: None,
                text: format!("Rubrik{i:02}"),
                in_toc: false,
                outline_level: 2,
            }));
            blocks.push(Block::Paragraph(Paragraph {
                spans: vec![Span::plain(vec![format!("t{i:02}x"); 25 + i].join(" "))],
                footnote: Some(format!("Fotnot{i:02} förklarar.")),
            }));
        }
        let layout = layout(fonts(), &document(blocks));
        for i in 0..30 {
            let heading = lines_with(&layout, &format!("Rubrik{i:02}"));
            let page = heading.iter().position(|n| *n > 0).unwrap();
            // The first lines of the paragraph follow on the same page.
            assert!(
                lines_with(&layout, &format!("t{i:02}x"))[page] >= 2,
                "heading {i}"
            );
            // The footnote is on the page where the paragraph ends (its mark is in the last line).
            let last_page = lines_with(&layout, &format!("t{i:02}x"))
                .iter()
                .rposition(|n| *n > 0)
                .unwrap();
            assert_eq!(
                lines_with(&layout, &format!("Fotnot{i:02}"))[last_page],
                1,
                "footnote {i}"
            );
        }
        assert_eq!(layout.anchors.len(), 30);
    }

    #[test]
    fn superscripts_and_ellipsis() {
        assert_eq!(superscript(1), "¹");
        assert_eq!(superscript(12), "¹²");
        let f = fonts();
        let s = ellipsize(
            f,
            Face::Sans,
            "Uppföljning av internkontrollplan 2019 för grundskolenämnden",
            8.0,
            60.0,
        );
        assert!(s.ends_with('…'));
        assert!(f.width(Face::Sans, &s, 8.0) <= 60.0);
    }
}
