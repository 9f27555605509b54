//! `word/document.xml`: the cover, the table of contents, headings, paragraphs, lists, tables
//! and charts of the document model, in Word's built-in styles; the footnotes they reference are
//! collected for `word/footnotes.xml`.

use super::chart::Picture;
use super::styles::{R_NS, W_NS};
use super::table;
use super::xml::{DECLARATION, escape, push_escaped, push_run};
use crate::report::fonts::Fonts;
use crate::report::model::{
    BarChart, Block, Cover, Document, Figure, Heading, HeadingKind, Paragraph, Style,
};
use std::fmt::Write as _;

const WP_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const A_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const PIC_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";

/// The table of contents as a field Word rebuilds, with page numbers, when it updates fields on
/// opening (`updateFields` in the settings). Until then (and in LibreOffice, which shows what is
/// stored) it holds the PDF's entries, linked to their headings, without page numbers. Word
/// rebuilds from heading levels, not from the model's `in_toc`: levels 1–4 keep the actions
/// (2.1.1.1 …, level 4) that the PDF lists; the unnumbered label headings of those levels
/// ("Syfte med granskningen" …) then join them.
pub const TOC_INSTRUCTION: &str = "TOC \\o \"1-4\" \\h \\z \\u";

/// Space between a table and the paragraph after it, in twips.
const AFTER_TABLE: u32 = 200;

/// English Metric Units per point.
const EMU_PER_POINT: f32 = 12_700.0;

/// The relationship id of the `n`th chart picture (1-based).
#[must_use]
pub fn picture_rel(n: usize) -> String {
    format!("rIdChart{n}")
}

/// Word heading levels (1–5) of the document's headings, in order: a chapter is 1, a section 2,
/// a subsection 3, a subsubsection 4, and a label one below the numbered heading it belongs to;
/// no level is more than one below the heading before it, and none is deeper than 5.
#[must_use]
pub fn heading_levels(blocks: &[Block]) -> Vec<u8> {
    let mut levels = Vec::new();
    let (mut context, mut previous) = (0u8, 0u8);
    for block in blocks {
        let Block::Heading(h) = block else {
            continue;
        };
        let wanted = match h.kind {
            HeadingKind::Chapter => 1,
            HeadingKind::Section => 2,
            HeadingKind::Subsection => 3,
            HeadingKind::Subsubsection => 4,
            HeadingKind::Label => context + 1,
        };
        let level = wanted.min(previous + 1).clamp(1, 5);
        if h.kind != HeadingKind::Label {
            context = level;
        }
        previous = level;
        levels.push(level);
    }
    levels
}

/// A heading's text as the PDF prints it: "2.1.1 Text".
#[must_use]
pub fn heading_text(h: &Heading) -> String {
    match &h.number {
        Some(n) => format!("{n} {}", h.text),
        None => h.text.clone(),
    }
}

/// A heading as written: its level and, when it is in the table of contents, its bookmark.
struct Planned {
    level: u8,
    text: String,
    bookmark: Option<String>,
}

/// The written body and what it refers to.
pub struct Body {
    pub xml: String,
    /// Footnote texts; the first has id 1.
    pub footnotes: Vec<String>,
}

struct Writer<'a> {
    out: String,
    fonts: &'a Fonts,
    headings: Vec<Planned>,
    next_heading: usize,
    pictures: &'a [Picture],
    next_picture: usize,
    footnotes: Vec<String>,
    /// The next paragraph starts a page (a page break in the model, or the end of the cover).
    break_before: bool,
    /// The next paragraph follows a table and keeps a distance from it.
    after_table: bool,
}

/// Paragraph properties, written in the order the schema wants them.
#[derive(Default)]
struct Props<'s> {
    style: Option<&'s str>,
    keep_next: bool,
    page_break: bool,
    border_bottom: bool,
    tabs: Option<u32>,
    spacing_before: Option<u32>,
    jc: Option<&'s str>,
}

impl Writer<'_> {
    fn open_paragraph(&mut self, mut props: Props<'_>) {
        props.page_break |= std::mem::take(&mut self.break_before);
        if std::mem::take(&mut self.after_table) {
            props.spacing_before = Some(props.spacing_before.unwrap_or(0).max(AFTER_TABLE));
        }
        self.out.push_str("<w:p><w:pPr>");
        if let Some(style) = props.style {
            let _ = write!(self.out, "<w:pStyle w:val=\"{style}\"/>");
        }
        if props.keep_next {
            self.out.push_str("<w:keepNext/>");
        }
        if props.page_break {
            self.out.push_str("<w:pageBreakBefore/>");
        }
        if props.border_bottom {
            let _ = write!(
                self.out,
                "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"8\" w:color=\"{}\"/></w:pBdr>",
                super::styles::ACCENT
            );
        }
        if let Some(pos) = props.tabs {
            let _ = write!(
                self.out,
                "<w:tabs><w:tab w:val=\"left\" w:pos=\"{pos}\"/></w:tabs>"
            );
        }
        if let Some(before) = props.spacing_before {
            let _ = write!(self.out, "<w:spacing w:before=\"{before}\"/>");
        }
        if let Some(jc) = props.jc {
            let _ = write!(self.out, "<w:jc w:val=\"{jc}\"/>");
        }
        self.out.push_str("</w:pPr>");
    }

    fn close_paragraph(&mut self) {
        self.out.push_str("</w:p>");
    }

    /// A paragraph of one run.
    fn simple(&mut self, props: Props<'_>, rpr: &str, text: &str) {
        self.open_paragraph(props);
        push_run(&mut self.out, rpr, text);
        self.close_paragraph();
    }

    fn cover(&mut self, cover: &Cover) {
        let sans = format!(
            "<w:rFonts w:ascii=\"{0}\" w:hAnsi=\"{0}\" w:cs=\"{0}\"/>",
            super::styles::SANS_FONT
        );
        let accent = super::styles::ACCENT;
        if !cover.organisation.is_empty() {
            self.simple(
                Props {
                    border_bottom: true,
                    ..Props::default()
                },
                &format!(
                    "{sans}<w:b/><w:color w:val=\"{accent}\"/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/>"
                ),
                &cover.organisation,
            );
        }
        // About a third down the page, as on the PDF's cover.
        self.simple(
            Props {
                style: Some("Title"),
                spacing_before: Some(3600),
                ..Props::default()
            },
            "",
            &cover.title,
        );
        self.simple(
            Props {
                style: Some("Subtitle"),
                ..Props::default()
            },
            "",
            &cover.subtitle,
        );
        if !cover.committee.is_empty() {
            self.simple(
                Props {
                    spacing_before: Some(360),
                    ..Props::default()
                },
                &format!("{sans}<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"),
                &cover.committee,
            );
        }
        for (i, (label, value)) in cover.facts.iter().enumerate() {
            self.open_paragraph(Props {
                tabs: Some(2268),
                spacing_before: (i == 0).then_some(480),
                ..Props::default()
            });
            let size = "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>";
            push_run(&mut self.out, &format!("{sans}<w:b/>{size}"), label);
            let _ = write!(self.out, "<w:r><w:rPr>{sans}{size}</w:rPr><w:tab/></w:r>");
            push_run(&mut self.out, &format!("{sans}{size}"), value);
            self.close_paragraph();
        }
        self.break_before = true;
    }

    fn table_of_contents(&mut self, title: &str) {
        self.simple(
            Props {
                style: Some("TOCHeading"),
                ..Props::default()
            },
            "",
            title,
        );
        let entries: Vec<(u8, String, String)> = self
            .headings
            .iter()
            .filter_map(|h| Some((h.level, h.text.clone(), h.bookmark.clone()?)))
            .collect();
        let begin = format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> {} </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>",
            escape(TOC_INSTRUCTION)
        );
        let end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        if entries.is_empty() {
            self.open_paragraph(Props::default());
            self.out.push_str(&begin);
            self.out.push_str(end);
            self.close_paragraph();
            return;
        }
        let last = entries.len() - 1;
        for (i, (level, text, bookmark)) in entries.iter().enumerate() {
            let style = format!("TOC{}", level.min(&4));
            self.open_paragraph(Props {
                style: Some(&style),
                ..Props::default()
            });
            if i == 0 {
                self.out.push_str(&begin);
            }
            let _ = write!(
                self.out,
                "<w:hyperlink w:anchor=\"{bookmark}\" w:history=\"1\">"
            );
            push_run(&mut self.out, "", text);
            self.out.push_str("</w:hyperlink>");
            if i == last {
                self.out.push_str(end);
            }
            self.close_paragraph();
        }
    }

    fn heading(&mut self, index: usize) {
        let Some(planned) = self.headings.get(index) else {
            return;
        };
        let (level, text, bookmark) = (
            planned.level,
            planned.text.clone(),
            planned.bookmark.clone(),
        );
        let style = format!("Heading{level}");
        self.open_paragraph(Props {
            style: Some(&style),
            ..Props::default()
        });
        if let Some(name) = &bookmark {
            let _ = write!(
                self.out,
                "<w:bookmarkStart w:id=\"{index}\" w:name=\"{name}\"/>"
            );
        }
        push_run(&mut self.out, "", &text);
        if bookmark.is_some() {
            let _ = write!(self.out, "<w:bookmarkEnd w:id=\"{index}\"/>");
        }
        self.close_paragraph();
    }

    fn runs(&mut self, p: &Paragraph) {
        for span in &p.spans {
            let rpr = match span.style {
                Style::Regular => "",
                Style::Bold => "<w:b/>",
                Style::Italic => "<w:i/>",
            };
            push_run(&mut self.out, rpr, &span.text);
        }
        if let Some(note) = &p.footnote {
            self.footnotes.push(note.clone());
            let _ = write!(
                self.out,
                "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{}\"/></w:r>",
                self.footnotes.len()
            );
        }
    }

    fn paragraph(&mut self, p: &Paragraph, style: Option<&str>) {
        self.open_paragraph(Props {
            style,
            ..Props::default()
        });
        self.runs(p);
        self.close_paragraph();
    }

    fn chart(&mut self, chart: &BarChart) {
        self.captioned_picture(&chart.caption);
    }

    /// An evidence screenshot under its caption (as the report's tables and chart have theirs).
    fn figure(&mut self, figure: &Figure) {
        // A picture whose pixels do not match its size was left out (as in the PDF).
        if figure.picture.is_consistent() {
            self.captioned_picture(&figure.caption);
        }
    }

    /// A caption kept with the next picture under it.
    fn captioned_picture(&mut self, caption: &str) {
        self.simple(
            Props {
                style: Some("Caption"),
                keep_next: true,
                ..Props::default()
            },
            "",
            caption,
        );
        self.picture();
    }

    /// The next picture (a chart or a screenshot) in a paragraph of its own.
    fn picture(&mut self) {
        let Some(picture) = self.pictures.get(self.next_picture) else {
            return;
        };
        self.next_picture += 1;
        let n = self.next_picture;
        #[allow(clippy::cast_possible_truncation)]
        let emu = |pt: f32| (pt * EMU_PER_POINT).round() as i64;
        let (cx, cy) = (emu(picture.width), emu(picture.height));
        let descr = escape(&picture.description);
        let rel = picture_rel(n);
        self.open_paragraph(Props::default());
        let _ = write!(
            self.out,
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"{n}\" name=\"picture{n}\" descr=\"{descr}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\"{PIC_NS}\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"picture{n}.png\" descr=\"{descr}\"/><pic:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></pic:cNvPicPr></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"{rel}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        );
        self.close_paragraph();
    }

    fn block(&mut self, doc: &Document, index: usize) {
        match &doc.blocks[index] {
            Block::TableOfContents => self.table_of_contents(&doc.words.contents),
            Block::Heading(_) => {
                self.heading(self.next_heading);
                self.next_heading += 1;
            }
            Block::Paragraph(p) => self.paragraph(p, None),
            Block::Bullets(items) => {
                for item in items {
                    self.paragraph(item, Some("ListBullet"));
                }
            }
            Block::Table(t) => {
                if let Some(caption) = &t.caption {
                    self.simple(
                        Props {
                            style: Some("Caption"),
                            keep_next: true,
                            ..Props::default()
                        },
                        "",
                        caption,
                    );
                } else if self.break_before {
                    self.open_paragraph(Props::default());
                    self.close_paragraph();
                }
                table::write(&mut self.out, t, self.fonts);
                self.after_table = true;
                // Word needs a paragraph between two tables, or it joins them.
                if matches!(doc.blocks.get(index + 1), Some(Block::Table(_)) | None) {
                    self.open_paragraph(Props::default());
                    self.close_paragraph();
                }
            }
            Block::BarChart(c) => self.chart(c),
            Block::Figure(f) => self.figure(f),
            Block::PageBreak => {
                // A chapter heading starts its own page (its style says so).
                let chapter_next = matches!(
                    doc.blocks.get(index + 1),
                    Some(Block::Heading(h)) if h.kind == HeadingKind::Chapter
                );
                if !chapter_next {
                    self.break_before = true;
                }
            }
        }
    }
}

/// The body of `doc`, with the `pictures` of its charts in order.
#[must_use]
pub fn document_xml(doc: &Document, pictures: &[Picture], fonts: &Fonts) -> Body {
    let levels = heading_levels(&doc.blocks);
    let headings = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some(h),
            _ => None,
        })
        .zip(levels)
        .enumerate()
        .map(|(i, (h, level))| Planned {
            level,
            text: heading_text(h),
            bookmark: h.in_toc.then(|| format!("_Toc{:08}", i + 1)),
        })
        .collect();
    let mut writer = Writer {
        out: String::with_capacity(64 * 1024),
        fonts,
        headings,
        next_heading: 0,
        pictures,
        next_picture: 0,
        footnotes: Vec::new(),
        break_before: false,
        after_table: false,
    };
    let _ = write!(
        writer.out,
        "{DECLARATION}<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\" xmlns:wp=\"{WP_NS}\" xmlns:a=\"{A_NS}\" xmlns:pic=\"{PIC_NS}\"><w:body>"
    );
    writer.cover(&doc.cover);
    for index in 0..doc.blocks.len() {
        writer.block(doc, index);
    }
    if writer.break_before {
        writer.open_paragraph(Props::default());
        writer.close_paragraph();
    }
    section(&mut writer.out);
    writer.out.push_str("</w:body></w:document>");
    Body {
        xml: writer.out,
        footnotes: writer.footnotes,
    }
}

/// The page: A4 with the PDF's margins, the running header and the page-number footer on every
/// page but the cover (`titlePg`: the first page has its own, empty, header and footer).
fn section(out: &mut String) {
    use super::styles::{
        FOOTER_DISTANCE, HEADER_DISTANCE, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP,
        PAGE_HEIGHT, PAGE_WIDTH,
    };
    let _ = write!(
        out,
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"{}\"/><w:footerReference w:type=\"default\" r:id=\"{}\"/><w:pgSz w:w=\"{PAGE_WIDTH}\" w:h=\"{PAGE_HEIGHT}\"/><w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"{MARGIN_BOTTOM}\" w:left=\"{MARGIN_LEFT}\" w:header=\"{HEADER_DISTANCE}\" w:footer=\"{FOOTER_DISTANCE}\" w:gutter=\"0\"/><w:cols w:space=\"708\"/><w:titlePg/></w:sectPr>",
        super::HEADER_REL,
        super::FOOTER_REL
    );
}

/// `word/footnotes.xml`: Word's two separators (ids −1 and 0), then the notes from id 1.
#[must_use]
pub fn footnotes_xml(notes: &[String]) -> String {
    let mut out = format!(
        "{DECLARATION}<w:footnotes xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    );
    for (i, note) in notes.iter().enumerate() {
        let _ = write!(
            out,
            "<w:footnote w:id=\"{}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> ",
            i + 1
        );
        push_escaped(&mut out, note);
        out.push_str("</w:t></w:r></w:p></w:footnote>");
    }
    out.push_str("</w:footnotes>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(kind: HeadingKind) -> Block {
        Block::Heading(Heading {
            kind,
            number: None,
            text: "x".to_owned(),
            in_toc: kind != HeadingKind::Label,
            outline_level: 1,
        })
    }

    #[test]
    fn labels_sit_one_below_their_heading_and_no_level_is_skipped() {
        use HeadingKind::{Chapter, Label, Section, Subsection, Subsubsection};
        let blocks: Vec<Block> = [
            Label,
            Chapter,
            Section,
            Label,
            Subsection,
            Label,
            Label,
            Subsubsection,
            Label,
            Chapter,
            Subsubsection,
            Label,
        ]
        .into_iter()
        .map(heading)
        .collect();
        assert_eq!(
            heading_levels(&blocks),
            [1, 1, 2, 3, 3, 4, 4, 4, 5, 1, 2, 3]
        );
    }

    #[test]
    fn footnotes_start_with_the_separators() {
        let xml = footnotes_xml(&["Två konton <stängda> & ett privat.".to_owned()]);
        let separator = xml.find("w:id=\"-1\"").unwrap();
        let note = xml.find("w:id=\"1\"").unwrap();
        assert!(separator < xml.find("w:id=\"0\"").unwrap() && separator < note);
        assert!(xml.contains("Två konton &lt;stängda&gt; &amp; ett privat."));
    }
}
