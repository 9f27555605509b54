//! The flow: blocks placed one below the other down the pages — headings that keep company
//! with what follows them, paragraphs and lists with widow/orphan control, footnotes at the foot
//! of the page that references them, and page breaks. Tables, charts and the table of contents
//! are placed by their own files, on the same [`Flow`].

use super::chart::chart_height;
use super::style::{
    BODY, BULLET, FOOTNOTE, FOOTNOTES, Geometry, HEADING_NUMBER_GAP, Rgb, TOLERANCE, body_face,
    heading_style,
};
use super::table::{MeasuredTable, measure_table};
use super::tags::{Role, Structure, Tag, heading_level};
use super::text::{TextLine, baseline, superscript, wrap};
use super::{Anchor, Item, Link, Page};
use crate::report::fonts::{Face, Fonts};
use crate::report::model::{Block, Document, Heading, HeadingKind, Paragraph, Table};
use std::cell::RefCell;
use std::collections::HashMap;

/// A paragraph's footnote while its paragraph is placed: the note's lines, the mark ending the
/// paragraph, and the elements for both.
struct FootnoteToPlace {
    lines: Vec<TextLine>,
    mark: String,
    /// The `Note` element.
    node: usize,
    /// The `Reference` element holding the mark in the text.
    reference: usize,
}

/// A footnote waiting for the foot of its page.
struct PendingFootnote {
    lines: Vec<TextLine>,
    /// Its `Note` element (added under its paragraph when the paragraph was placed).
    node: usize,
}

/// One pass of the layout in progress: the finished pages, the page being filled and where.
pub(super) struct Flow<'a> {
    pub(super) fonts: &'a Fonts,
    pub(super) geo: Geometry,
    pub(super) pages: Vec<Page>,
    pub(super) page: Page,
    /// Top of the next block, from the page top.
    pub(super) y: f32,
    pub(super) page_has_content: bool,
    footnotes: Vec<PendingFootnote>,
    footnote_height: f32,
    footnote_counter: usize,
    pub(super) anchors: Vec<Anchor>,
    pub(super) links: Vec<Link>,
    /// Page numbers (1-based) of the table-of-contents entries, from the previous pass.
    pub(super) toc_numbers: &'a [usize],
    /// Added to a table caption repeated on a new page: "(forts.)".
    pub(super) continued_word: String,
    /// The logical structure so far; every item drawn goes to its innermost open element.
    pub(super) tree: Structure,
    /// The level of the last heading tagged, so that no level is skipped.
    heading_level: u8,
    /// Wrapped paragraphs and measured tables, shared by the passes.
    cache: &'a Cache,
}

/// A paragraph's address, the indent's bits and the footnote mark it ends with.
type ParagraphKey = (usize, u32, Option<String>);

/// What the layout passes share: the same blocks wrap the same way in every pass. Keyed by the
/// block's address in the document, which stays put for the whole layout.
#[derive(Default)]
pub(super) struct Cache {
    paragraphs: RefCell<HashMap<ParagraphKey, Vec<TextLine>>>,
    tables: RefCell<HashMap<usize, std::rc::Rc<Vec<MeasuredTable>>>>,
}

impl<'a> Flow<'a> {
    pub(super) fn new(
        fonts: &'a Fonts,
        geo: Geometry,
        toc_numbers: &'a [usize],
        cache: &'a Cache,
    ) -> Flow<'a> {
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
            tree: Structure::new(),
            // The cover's title is the first level-1 heading.
            heading_level: 1,
            cache,
        }
    }

    /// `table` measured at the text width, once for all passes.
    pub(super) fn measured(&self, table: &Table) -> std::rc::Rc<Vec<MeasuredTable>> {
        let key = std::ptr::from_ref(table) as usize;
        if let Some(m) = self.cache.tables.borrow().get(&key) {
            return std::rc::Rc::clone(m);
        }
        let m = std::rc::Rc::new(measure_table(self.fonts, table, self.width()));
        self.cache
            .tables
            .borrow_mut()
            .insert(key, std::rc::Rc::clone(&m));
        m
    }

    /// Where the body ends on this page: above the footnotes placed so far.
    pub(super) fn bottom(&self) -> f32 {
        self.geo.body_bottom() - self.footnote_height
    }

    pub(super) fn width(&self) -> f32 {
        self.geo.text_width()
    }

    pub(super) fn page_index(&self) -> usize {
        self.pages.len()
    }

    /// Draw `item` as part of the innermost open element.
    pub(super) fn push(&mut self, item: Item) {
        let tag = self.tree.tag();
        self.page.push(item, tag);
    }

    /// Draw a rule or shading that carries no content.
    pub(super) fn push_artifact(&mut self, item: Item) {
        self.page.push(item, Tag::Artifact);
    }

    /// Draw what `draw` draws as content of `tag`.
    pub(super) fn tagged(&mut self, tag: Tag, draw: impl FnOnce(&mut Self)) {
        self.tree.push(tag);
        draw(self);
        self.tree.close();
    }

    /// Draw what `draw` draws as a new element of `role` (under the innermost open one).
    pub(super) fn element(&mut self, role: Role, draw: impl FnOnce(&mut Self)) -> usize {
        let id = self.tree.open(role);
        draw(self);
        self.tree.close();
        id
    }

    pub(super) fn new_page(&mut self) {
        self.flush_footnotes();
        self.pages.push(std::mem::take(&mut self.page));
        self.y = self.geo.top;
        self.page_has_content = false;
    }

    /// Vertical space before a block, not at the top of a page.
    pub(super) fn space_before(&mut self, pts: f32) {
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
                FOOTNOTES.separator
            } else {
                0.0
            }
    }

    fn flush_footnotes(&mut self) {
        if self.footnotes.is_empty() {
            return;
        }
        let mut y = self.geo.body_bottom() - self.footnote_height + FOOTNOTES.separator;
        self.push_artifact(Item::Line {
            x1: self.geo.left,
            y1: y - FOOTNOTES.rule_rise,
            x2: self.geo.left + FOOTNOTES.rule_length,
            y2: y - FOOTNOTES.rule_rise,
            width: FOOTNOTES.rule_width,
            color: FOOTNOTES.rule_color,
            dash: false,
        });
        for note in std::mem::take(&mut self.footnotes) {
            self.tagged(Tag::Node(note.node), |flow| {
                for line in &note.lines {
                    let base = baseline(y, FOOTNOTE.size, FOOTNOTE.leading);
                    flow.draw_line(line, flow.geo.left, base, FOOTNOTE.size, FOOTNOTE.color);
                    y += FOOTNOTE.leading;
                }
            });
            y += FOOTNOTE.after;
        }
        self.footnote_height = 0.0;
    }

    /// Draw a wrapped line with its baseline at `base`.
    pub(super) fn draw_line(&mut self, line: &TextLine, x: f32, base: f32, size: f32, color: Rgb) {
        for (i, piece) in line.pieces.iter().enumerate() {
            let width = self.fonts.width(piece.face, &piece.text, size);
            let mut text = piece.text.clone();
            if line.space_after && i + 1 == line.pieces.len() {
                text.push(' ');
            }
            self.push(Item::Text {
                x: x + piece.dx,
                y: base,
                face: piece.face,
                size,
                color,
                text,
                width,
            });
        }
    }

    /// Draw `text` on one line with its baseline at `base`.
    pub(super) fn text(
        &mut self,
        x: f32,
        base: f32,
        face: Face,
        size: f32,
        color: Rgb,
        text: &str,
    ) {
        let text = self.fonts.clean(face, text).into_owned();
        let width = self.fonts.width(face, text.trim_end(), size);
        self.push(Item::Text {
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

    pub(super) fn block(&mut self, blocks: &[Block], index: usize, doc: &Document) {
        match &blocks[index] {
            Block::TableOfContents => self.table_of_contents(doc),
            Block::Heading(h) => self.heading(h, &blocks[index + 1..]),
            Block::Paragraph(p) => {
                self.element(Role::P, |flow| flow.paragraph(p, 0.0));
            }
            Block::Bullets(items) => {
                self.element(Role::L, |flow| {
                    for (i, item) in items.iter().enumerate() {
                        flow.element(Role::LI, |flow| flow.bullet(item, i + 1 == items.len()));
                    }
                });
            }
            Block::Table(t) => self.table(t),
            Block::BarChart(c) => {
                let figure = self.tree.open(Role::Figure);
                self.tree.nodes[figure].alt = Some(c.alt.clone());
                self.bar_chart(c);
                self.tree.close();
            }
            Block::Figure(f) => self.figure(f),
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
                style.size * HEADING_NUMBER_GAP,
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
                .map_or(0.0, |p| self.paragraph_lead(p, BULLET.indent)),
            Some(Block::Table(t)) => {
                // Long tables start with two rows anyway; measuring those is enough.
                let parts = if t.rows.len() > 60 {
                    let head = Table {
                        rows: t.rows.iter().take(2).cloned().collect(),
                        total: None,
                        ..t.clone()
                    };
                    std::rc::Rc::new(measure_table(self.fonts, &head, self.width()))
                } else {
                    self.measured(t)
                };
                parts.first().map_or(0.0, |m| self.table_start(m))
            }
            Some(Block::BarChart(c)) => chart_height(c),
            Some(Block::Figure(f)) => self.figure_height(f),
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
        let level = heading_level(h.outline_level, self.heading_level);
        self.heading_level = level;
        self.tree.open(Role::H(level));
        if let Some(number) = &h.number {
            let base = baseline(self.y, style.size, style.leading);
            // "2.1 " with its space, so that the heading's text reads "2.1 Bristande …".
            self.text(
                self.geo.left,
                base,
                style.face,
                style.size,
                style.color,
                &format!("{number} "),
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
        self.tree.close();
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
        // Every pass wraps the same paragraphs at the same widths: wrap each once.
        let key = (
            std::ptr::from_ref(p) as usize,
            indent.to_bits(),
            footnote_mark.map(str::to_owned),
        );
        if let Some(lines) = self.cache.paragraphs.borrow().get(&key) {
            return lines.clone();
        }
        let lines = self.wrap_paragraph(p, indent, footnote_mark);
        self.cache
            .paragraphs
            .borrow_mut()
            .insert(key, lines.clone());
        lines
    }

    fn wrap_paragraph(
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
            let face = spans.last().map_or(BODY.face, |s| s.0);
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
        let note = footnote.map(|(mark, lines)| FootnoteToPlace {
            lines,
            mark,
            reference: self.tree.add(Role::Reference),
            node: self.tree.add(Role::Note),
        });
        self.place_lines(&lines, indent, note, None);
        self.y += BODY.after;
    }

    /// A list item: the marker as its label, the text as its body.
    fn bullet(&mut self, p: &Paragraph, last: bool) {
        let lines = self.paragraph_lines(p, BULLET.indent, None);
        let label = self.tree.add(Role::Lbl);
        self.element(Role::LBody, |flow| {
            flow.place_lines(&lines, BULLET.indent, None, Some((BULLET.marker, label)));
        });
        self.y += if last { BODY.after } else { BULLET.between };
    }

    /// Move the footnote mark at the end of the last text drawn into its own item, tagged as
    /// the `Reference` element.
    fn tag_footnote_mark(&mut self, mark: &str, reference: usize) {
        let Some(Item::Text {
            x,
            y,
            face,
            size,
            color,
            text,
            width,
        }) = self.page.items.last().cloned()
        else {
            return;
        };
        let Some(before) = text.strip_suffix(mark) else {
            return;
        };
        let before_width = self.fonts.width(face, before, size);
        if before.is_empty() {
            self.page.items.pop();
            self.page.tags.pop();
        } else if let Some(last) = self.page.items.last_mut() {
            *last = Item::Text {
                x,
                y,
                face,
                size,
                color,
                text: before.to_owned(),
                width: before_width,
            };
        }
        self.page.push(
            Item::Text {
                x: x + before_width,
                y,
                face,
                size,
                color,
                text: mark.to_owned(),
                width: width - before_width,
            },
            Tag::Node(reference),
        );
    }

    /// Place body lines with widow/orphan control: never one line of the paragraph alone at the
    /// foot or the head of a page. The footnote (referenced in the last line) must fit on the
    /// page of that line.
    fn place_lines(
        &mut self,
        lines: &[TextLine],
        indent: f32,
        mut note: Option<FootnoteToPlace>,
        marker: Option<(&str, usize)>,
    ) {
        let n = lines.len();
        let mut index = 0;
        while index < n {
            let remaining = n - index;
            let fit = self.lines_that_fit(remaining, note.as_ref().map(|n| n.lines.len()));
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
                    && let Some((m, label)) = marker
                {
                    self.tagged(Tag::Node(label), |flow| {
                        flow.text(
                            flow.geo.left + indent - BULLET.indent + BULLET.marker_x,
                            base,
                            BODY.face,
                            BODY.size,
                            BODY.color,
                            m,
                        );
                    });
                }
                self.draw_line(line, self.geo.left + indent, base, BODY.size, BODY.color);
                if index + k + 1 == n
                    && let Some(note) = &note
                {
                    let (mark, reference) = (note.mark.clone(), note.reference);
                    self.tag_footnote_mark(&mark, reference);
                }
                self.y += BODY.leading;
            }
            self.page_has_content = true;
            index += take;
            if index == n {
                if let Some(note) = note.take() {
                    self.footnote_height +=
                        Self::footnote_block_height(note.lines.len(), self.footnotes.is_empty());
                    self.footnotes.push(PendingFootnote {
                        lines: note.lines,
                        node: note.node,
                    });
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
        let fit = ((room + TOLERANCE) / BODY.leading).floor().max(0.0) as usize;
        if fit < remaining {
            return fit;
        }
        match note_lines {
            Some(k) => {
                let note = Self::footnote_block_height(k, self.footnotes.is_empty());
                #[allow(clippy::cast_precision_loss)]
                let needed = remaining as f32 * BODY.leading + note;
                if needed <= room + TOLERANCE {
                    remaining
                } else {
                    remaining - 1
                }
            }
            None => remaining,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Layout, layout};
    use super::*;
    use crate::report::model::Span;

    fn fonts() -> Fonts {
        Fonts::load().unwrap()
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
        let layout = layout(&fonts(), &crate::report::layout::test_document(blocks));
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
        let layout = layout(&fonts(), &crate::report::layout::test_document(blocks));
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
}
