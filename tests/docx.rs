//! The Word report (DOCX), opened as a zip and its parts read back with roxmltree: headings in
//! Word's heading styles in the model's order, real tables with the computed numbers and
//! repeated header rows, the chart as a picture with alt text, real footnotes, the page-number
//! field, the language on the styles, the metadata, and the same bytes from the same audit.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] fns

use chrono::{DateTime, NaiveDate, Utc};
use roxmltree::{Document as Xml, Node};
use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use svarskoll::core::localtime::parse_time;
use svarskoll::core::{Audit, Lang, Results};
use svarskoll::report::docx::body::{TOC_INSTRUCTION, heading_text};
use svarskoll::report::model::{Align, Block, Document, HeadingKind};
use svarskoll::report::{Fonts, ReportOptions, build_document, render_docx};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";

// ---------------------------------------------------------------------------------------------
// Helpers

fn example_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/grundskola-2019.svarskoll")
}

fn example() -> Audit {
    svarskoll::store::load_audit(&example_path()).unwrap()
}

fn at(text: &str) -> DateTime<Utc> {
    parse_time(text).unwrap().instant.to_utc()
}

fn options(lang: Lang) -> ReportOptions {
    ReportOptions {
        lang,
        as_of: at("2019-04-30 12:00"),
        today: NaiveDate::from_ymd_opt(2019, 5, 20).unwrap(),
        created: DateTime::parse_from_rfc3339("2019-05-20T10:00:00+02:00").unwrap(),
        evidence: None,
    }
}

fn fonts() -> &'static Fonts {
    static FONTS: LazyLock<Fonts> = LazyLock::new(|| Fonts::load().unwrap());
    &FONTS
}

/// A DOCX opened: its entries in zip order, by name.
struct Docx {
    order: Vec<String>,
    parts: BTreeMap<String, Vec<u8>>,
    times: Vec<zip::DateTime>,
}

impl Docx {
    fn open(bytes: &[u8]) -> Docx {
        assert!(bytes.starts_with(b"PK\x03\x04"));
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let (mut order, mut parts, mut times) = (Vec::new(), BTreeMap::new(), Vec::new());
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).unwrap();
            let name = file.name().unwrap().into_owned();
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            times.push(file.last_modified().unwrap());
            order.push(name.clone());
            parts.insert(name, data);
        }
        Docx {
            order,
            parts,
            times,
        }
    }

    fn text(&self, name: &str) -> String {
        String::from_utf8(
            self.parts
                .get(name)
                .unwrap_or_else(|| panic!("no {name}"))
                .clone(),
        )
        .unwrap()
    }
}

fn render(audit: &Audit, lang: Lang) -> (Document, Docx) {
    let options = options(lang);
    let model = build_document(audit, &options).unwrap();
    let docx = Docx::open(&render_docx(audit, &options, fonts()).unwrap());
    (model, docx)
}

fn is(node: Node<'_, '_>, name: &str) -> bool {
    node.tag_name().namespace() == Some(W) && node.tag_name().name() == name
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is(*c, name))
}

fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

/// A paragraph's style id.
fn style<'a>(p: Node<'a, '_>) -> Option<&'a str> {
    child(p, "pPr")
        .and_then(|ppr| child(ppr, "pStyle"))
        .and_then(|s| attr(s, "val"))
}

/// All the text under `node` (its `w:t` elements).
fn text(node: Node<'_, '_>) -> String {
    node.descendants()
        .filter(|n| is(*n, "t"))
        .filter_map(|n| n.text())
        .collect()
}

/// The paragraphs of the body that are not inside tables: (style, text).
fn paragraphs(xml: &Xml<'_>) -> Vec<(String, String)> {
    let body = xml.descendants().find(|n| is(*n, "body")).unwrap();
    body.children()
        .filter(|n| is(*n, "p"))
        .map(|p| (style(p).unwrap_or("Normal").to_owned(), text(p)))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The document

#[test]
fn headings_are_word_headings_in_the_models_order_and_the_toc_lists_them() {
    let (model, docx) = render(&example(), Lang::Sv);
    let document = docx.text("word/document.xml");
    let xml = Xml::parse(&document).unwrap();
    let paragraphs = paragraphs(&xml);

    let model_headings: Vec<_> = model
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some(h),
            _ => None,
        })
        .collect();
    let word_headings: Vec<(u8, &str)> = paragraphs
        .iter()
        .filter_map(|(s, t)| Some((s.strip_prefix("Heading")?.parse().ok()?, t.as_str())))
        .collect();
    assert_eq!(
        word_headings.iter().map(|(_, t)| *t).collect::<Vec<_>>(),
        model_headings
            .iter()
            .map(|h| heading_text(h))
            .collect::<Vec<_>>()
    );
    let mut previous = 0;
    for ((level, text), heading) in word_headings.iter().zip(&model_headings) {
        assert!((1..=5).contains(level), "{text}: level {level}");
        assert!(
            *level <= previous + 1,
            "{text}: skips from {previous} to {level}"
        );
        let numbered = match heading.kind {
            HeadingKind::Chapter => Some(1),
            HeadingKind::Section => Some(2),
            HeadingKind::Subsection => Some(3),
            HeadingKind::Subsubsection => Some(4),
            HeadingKind::Label => None,
        };
        if let Some(expected) = numbered {
            assert_eq!(*level, expected, "{text}");
        }
        previous = *level;
    }
    assert!(
        word_headings.iter().any(|(l, _)| *l == 5),
        "labels under actions"
    );

    // The cover's title in Title style, before everything else.
    let title = paragraphs.iter().position(|(s, _)| s == "Title").unwrap();
    assert_eq!(paragraphs[title].1, model.cover.title);
    assert!(
        title
            < paragraphs
                .iter()
                .position(|(s, _)| s == "TOCHeading")
                .unwrap()
    );

    // The table of contents: pre-filled with the headings the PDF lists, inside a TOC field.
    let toc: Vec<&str> = paragraphs
        .iter()
        .filter(|(s, _)| s.starts_with("TOC") && s != "TOCHeading")
        .map(|(_, t)| t.as_str())
        .collect();
    let in_toc: Vec<String> = model_headings
        .iter()
        .filter(|h| h.in_toc)
        .map(|h| heading_text(h))
        .collect();
    assert_eq!(toc, in_toc);
    let instructions: String = xml
        .descendants()
        .filter(|n| is(*n, "instrText"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(instructions.trim(), TOC_INSTRUCTION);
    assert!(
        docx.text("word/settings.xml")
            .contains("<w:updateFields w:val=\"true\"/>")
    );
    // Each entry links to its heading's bookmark.
    let bookmarks: Vec<&str> = xml
        .descendants()
        .filter(|n| is(*n, "bookmarkStart"))
        .filter_map(|n| attr(n, "name"))
        .collect();
    let anchors: Vec<&str> = xml
        .descendants()
        .filter(|n| is(*n, "hyperlink"))
        .filter_map(|n| attr(n, "anchor"))
        .collect();
    assert_eq!(anchors, bookmarks);
    assert_eq!(anchors.len(), in_toc.len());
}

#[test]
fn tables_are_word_tables_with_the_computed_numbers_and_repeating_headers() {
    let audit = example();
    let (model, docx) = render(&audit, Lang::Sv);
    let document = docx.text("word/document.xml");
    let xml = Xml::parse(&document).unwrap();
    let tables: Vec<Node<'_, '_>> = xml.descendants().filter(|n| is(*n, "tbl")).collect();
    let model_tables: Vec<_> = model
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert!(tables.len() >= 3, "{} tables", tables.len());
    assert_eq!(tables.len(), model_tables.len());

    for (table, model_table) in tables.iter().zip(&model_tables) {
        let rows: Vec<Node<'_, '_>> = table.children().filter(|n| is(*n, "tr")).collect();
        let cells = |row: Node<'_, '_>| -> Vec<String> {
            row.children().filter(|n| is(*n, "tc")).map(text).collect()
        };
        let mut expected = vec![
            model_table
                .columns
                .iter()
                .map(|c| c.title.clone())
                .collect::<Vec<_>>(),
        ];
        expected.extend(model_table.rows.iter().cloned());
        expected.extend(model_table.total.iter().cloned());
        assert_eq!(rows.iter().map(|r| cells(*r)).collect::<Vec<_>>(), expected);

        // The header row repeats on each page; no other row does.
        let header = |row: &Node<'_, '_>| {
            child(*row, "trPr").is_some_and(|p| child(p, "tblHeader").is_some())
        };
        assert!(header(&rows[0]));
        assert!(rows[1..].iter().all(|r| !header(r)));
        // Full width, number columns to the right.
        let width = child(child(*table, "tblPr").unwrap(), "tblW").unwrap();
        assert_eq!(
            (attr(width, "w"), attr(width, "type")),
            (Some("5000"), Some("pct"))
        );
        for row in &rows {
            for (cell, column) in row
                .children()
                .filter(|n| is(*n, "tc"))
                .zip(&model_table.columns)
            {
                let right = cell
                    .descendants()
                    .any(|n| is(n, "jc") && attr(n, "val") == Some("right"));
                assert_eq!(right, column.align == Align::Right, "{}", column.title);
            }
        }
        // The total row is bold.
        if model_table.total.is_some() {
            let last = rows.last().unwrap();
            assert!(
                last.descendants()
                    .filter(|n| is(*n, "r"))
                    .all(|r| child(r, "rPr").is_some_and(|p| child(p, "b").is_some()))
            );
        }
        // The caption just before the table.
        let caption = table.prev_sibling_element().unwrap();
        assert_eq!(style(caption), Some("Caption"));
        assert_eq!(Some(text(caption)), model_table.caption.clone());
    }

    // The figures are those Results::compute gives.
    let results = Results::compute(&audit, options(Lang::Sv).as_of);
    let platform_rows: Vec<Vec<String>> = tables[0]
        .children()
        .filter(|n| is(*n, "tr"))
        .map(|r| r.children().filter(|n| is(*n, "tc")).map(text).collect())
        .collect();
    let total = platform_rows.last().unwrap();
    assert_eq!(total[1], results.overall.audited.to_string());
    assert_eq!(total[2], results.overall.in_time.to_string());
    assert_eq!(total[3], results.overall.late.to_string());
    assert_eq!(total[4], results.overall.unanswered.to_string());
    let audited: usize = platform_rows[1..platform_rows.len() - 1]
        .iter()
        .map(|r| r[1].parse::<usize>().unwrap())
        .sum();
    assert_eq!(audited, results.overall.audited);
    let accounts = &platform_rows.len();
    assert!(*accounts >= 3);
    // Every probe is a row of the appendix.
    let appendix = tables
        .last()
        .unwrap()
        .children()
        .filter(|n| is(*n, "tr"))
        .count();
    assert_eq!(appendix - 1, model_tables.last().unwrap().rows.len());
    assert!(appendix > results.overall.audited);
}

#[test]
fn the_chart_is_a_picture_whose_alt_text_says_what_it_shows() {
    let (model, docx) = render(&example(), Lang::Sv);
    let chart = model
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::BarChart(c) => Some(c),
            _ => None,
        })
        .unwrap();
    let document = docx.text("word/document.xml");
    let xml = Xml::parse(&document).unwrap();
    let doc_pr = xml
        .descendants()
        .find(|n| n.tag_name().namespace() == Some(WP) && n.tag_name().name() == "docPr")
        .unwrap();
    let descr = doc_pr.attribute("descr").unwrap();
    assert!(descr.starts_with("Figur 1."), "{descr}");
    for bar in &chart.bars {
        assert!(
            descr.contains(&format!("{} {}", bar.label, bar.value_label)),
            "{descr} lacks {}",
            bar.label
        );
    }
    for platform in ["Facebook", "Instagram", "X (Twitter)"] {
        assert!(descr.contains(platform), "{descr}");
    }
    assert!(
        descr.contains(&chart.reference.as_ref().unwrap().1),
        "{descr}"
    );
    assert!(descr.contains("streckad linje"), "{descr}");

    // The picture is the PNG the relationship names, shown at the text width.
    let blip = xml
        .descendants()
        .find(|n| n.tag_name().namespace() == Some(A) && n.tag_name().name() == "blip")
        .unwrap();
    let id = blip.attribute((R, "embed")).unwrap();
    let rels = docx.text("word/_rels/document.xml.rels");
    let rels = Xml::parse(&rels).unwrap();
    let target = rels
        .descendants()
        .find(|n| n.attribute("Id") == Some(id))
        .and_then(|n| n.attribute("Target"))
        .unwrap();
    let png = &docx.parts[&format!("word/{target}")];
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(png.len() > 5_000);
    assert!(
        docx.text("[Content_Types].xml")
            .contains("<Default Extension=\"png\" ContentType=\"image/png\"/>")
    );
    // The caption is a Caption paragraph right above the picture.
    let paragraphs = paragraphs(&xml);
    let caption = paragraphs
        .iter()
        .position(|(_, t)| *t == chart.caption)
        .unwrap();
    assert_eq!(paragraphs[caption].0, "Caption");

    let (_, english) = render(&example(), Lang::En);
    let document = english.text("word/document.xml");
    assert!(
        document.contains("descr=\"Figure 1. Share of accounts"),
        "English alt text"
    );
    assert!(document.contains("Bar chart: Facebook"));
}

#[test]
fn footnotes_are_word_footnotes_referenced_from_their_paragraphs() {
    let (model, docx) = render(&example(), Lang::Sv);
    let notes: Vec<String> = model
        .blocks
        .iter()
        .flat_map(|b| match b {
            Block::Paragraph(p) => vec![p],
            Block::Bullets(items) => items.iter().collect(),
            _ => Vec::new(),
        })
        .filter_map(|p| p.footnote.clone())
        .collect();
    assert!(!notes.is_empty(), "the example has excluded accounts");
    let footnotes = docx.text("word/footnotes.xml");
    let footnotes = Xml::parse(&footnotes).unwrap();
    let all: Vec<(i64, String)> = footnotes
        .descendants()
        .filter(|n| is(*n, "footnote"))
        .map(|n| (attr(n, "id").unwrap().parse().unwrap(), text(n)))
        .collect();
    assert_eq!(all[0].0, -1);
    assert_eq!(all[1].0, 0);
    let real: Vec<(i64, String)> = all[2..].to_vec();
    assert_eq!(
        real.iter()
            .map(|(_, t)| t.trim().to_owned())
            .collect::<Vec<_>>(),
        notes
    );
    let document = docx.text("word/document.xml");
    let xml = Xml::parse(&document).unwrap();
    let references: Vec<i64> = xml
        .descendants()
        .filter(|n| is(*n, "footnoteReference"))
        .map(|n| attr(n, "id").unwrap().parse().unwrap())
        .collect();
    assert_eq!(
        references,
        real.iter().map(|(id, _)| *id).collect::<Vec<_>>()
    );
    assert!(
        docx.text("word/settings.xml")
            .contains("<w:footnote w:id=\"-1\"/>")
    );
}

#[test]
fn the_footer_numbers_pages_and_the_header_runs() {
    let (model, docx) = render(&example(), Lang::Sv);
    let footer = docx.text("word/footer1.xml");
    let footer = Xml::parse(&footer).unwrap();
    let fields: Vec<String> = footer
        .descendants()
        .filter(|n| is(*n, "instrText"))
        .map(|n| n.text().unwrap().trim().to_owned())
        .collect();
    assert_eq!(fields, ["PAGE", "NUMPAGES"]);
    let header = docx.text("word/header1.xml");
    assert_eq!(
        text(Xml::parse(&header).unwrap().root()),
        format!("{}{}", model.header.0, model.header.1)
    );
    // The section refers to both, and the cover page has neither (titlePg).
    let document = docx.text("word/document.xml");
    let xml = Xml::parse(&document).unwrap();
    let section = xml.descendants().find(|n| is(*n, "sectPr")).unwrap();
    assert!(child(section, "titlePg").is_some());
    let rels = docx.text("word/_rels/document.xml.rels");
    for (reference, target) in [
        ("footerReference", "footer1.xml"),
        ("headerReference", "header1.xml"),
    ] {
        let id = child(section, reference)
            .unwrap()
            .attribute((R, "id"))
            .unwrap();
        assert!(rels.contains(&format!("Id=\"{id}\" Type=")), "{id}");
        assert!(rels.contains(&format!("Target=\"{target}\"")));
    }
}

#[test]
fn styles_are_words_own_and_carry_the_language() {
    for (lang, tag) in [(Lang::Sv, "sv-SE"), (Lang::En, "en-GB")] {
        let (model, docx) = render(&example(), lang);
        assert_eq!(model.info.lang, tag);
        let styles = docx.text("word/styles.xml");
        let xml = Xml::parse(&styles).unwrap();
        let defaults = xml.descendants().find(|n| is(*n, "rPrDefault")).unwrap();
        let lang_node = defaults.descendants().find(|n| is(*n, "lang")).unwrap();
        assert_eq!(attr(lang_node, "val"), Some(tag));
        let names: BTreeMap<&str, &str> = xml
            .descendants()
            .filter(|n| is(*n, "style"))
            .map(|s| {
                (
                    attr(s, "styleId").unwrap(),
                    attr(child(s, "name").unwrap(), "val").unwrap(),
                )
            })
            .collect();
        for (id, name) in [
            ("Title", "Title"),
            ("Heading1", "heading 1"),
            ("Heading5", "heading 5"),
            ("Caption", "caption"),
            ("ListBullet", "List Bullet"),
            ("TOC1", "toc 1"),
            ("FootnoteText", "footnote text"),
            ("FootnoteReference", "footnote reference"),
        ] {
            assert_eq!(names.get(id), Some(&name), "{id}");
        }
        // Every paragraph and character style names the language.
        for style in xml.descendants().filter(|n| is(*n, "style")) {
            if matches!(attr(style, "type"), Some("paragraph" | "character")) {
                let lang = style.descendants().find(|n| is(*n, "lang"));
                assert_eq!(lang.and_then(|l| attr(l, "val")), Some(tag));
            }
        }
        // Every style a paragraph uses is defined.
        let document = docx.text("word/document.xml");
        let body = Xml::parse(&document).unwrap();
        for used in body.descendants().filter(|n| is(*n, "pStyle")) {
            let id = attr(used, "val").unwrap();
            assert!(names.contains_key(id), "{id} is not defined");
        }
    }
}

#[test]
fn metadata_comes_from_the_document_info() {
    let (model, docx) = render(&example(), Lang::Sv);
    let core = docx.text("docProps/core.xml");
    let xml = Xml::parse(&core).unwrap();
    let value = |name: &str| {
        xml.descendants()
            .find(|n| n.tag_name().name() == name)
            .and_then(|n| n.text())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(value("title"), model.info.title);
    assert_eq!(value("creator"), model.info.author);
    assert!(!model.info.author.is_empty());
    assert_eq!(value("subject"), model.info.subject);
    assert_eq!(value("keywords"), model.info.keywords.join(", "));
    assert_eq!(value("language"), "sv-SE");
    assert_eq!(value("created"), "2019-05-20T08:00:00Z");
    assert_eq!(value("modified"), "2019-05-20T08:00:00Z");
    let created = xml
        .descendants()
        .find(|n| n.tag_name().name() == "created")
        .unwrap();
    assert_eq!(
        created.attribute(("http://www.w3.org/2001/XMLSchema-instance", "type")),
        Some("dcterms:W3CDTF")
    );
}

#[test]
fn the_same_audit_gives_the_same_bytes() {
    let audit = example();
    let options = options(Lang::Sv);
    let one = render_docx(&audit, &options, fonts()).unwrap();
    let two = render_docx(&audit, &options, fonts()).unwrap();
    assert_eq!(one, two);
    assert!(one.len() < 200_000, "{} bytes", one.len());
    let docx = Docx::open(&one);
    assert_eq!(docx.order[0], "[Content_Types].xml");
    assert!(docx.order.contains(&"word/document.xml".to_owned()));
    // Every entry carries the document's time (10:00 local), never the clock's.
    for time in &docx.times {
        assert_eq!(
            (
                time.year(),
                time.month(),
                time.day(),
                time.hour(),
                time.minute()
            ),
            (2019, 5, 20, 10, 0)
        );
    }
    // Another creation time changes the dates and nothing else of the text.
    let later = ReportOptions {
        created: DateTime::parse_from_rfc3339("2020-01-02T03:04:05+01:00").unwrap(),
        ..options
    };
    let other = Docx::open(&render_docx(&audit, &later, fonts()).unwrap());
    assert_eq!(
        other.text("word/document.xml"),
        docx.text("word/document.xml")
    );
    assert!(
        other
            .text("docProps/core.xml")
            .contains("2020-01-02T02:04:05Z")
    );
}

#[test]
fn user_text_with_markup_and_control_characters_stays_well_formed() {
    let mut audit = example();
    let hostile = "Skola <b>&amp;</b> \"A\" 'B' \u{1}\u{b}slut 😀";
    audit.accounts[0].unit = hostile.to_owned();
    audit.accounts[0].name = format!("Konto {hostile}");
    audit.meta.title = format!("Titel {hostile}");
    audit.texts.analysis = format!("Analys {hostile}\n\n- punkt {hostile}");
    let (_, docx) = render(&audit, Lang::Sv);
    for (name, bytes) in &docx.parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let text = std::str::from_utf8(bytes).unwrap();
            Xml::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    let document = docx.text("word/document.xml");
    let all = text(Xml::parse(&document).unwrap().root());
    assert!(all.contains("Skola <b>&amp;</b> \"A\" 'B' slut 😀"));
    let core = docx.text("docProps/core.xml");
    let core = Xml::parse(&core).unwrap();
    let title = core
        .descendants()
        .find(|n| n.tag_name().name() == "title")
        .and_then(|n| n.text())
        .unwrap();
    assert!(title.starts_with("Titel Skola <b>&amp;</b>"), "{title}");
}

/// The Word document gets the follow-up of actions and the trend through the same model.
#[test]
fn the_follow_up_of_actions_and_the_trend_are_in_the_word_document() {
    let mut audit = example();
    audit.actions[0].status = svarskoll::core::ActionStatus::Done;
    audit.actions[0].follow_up = "Brev skickades till rektorerna.".into();
    let (_, docx) = render(&audit, Lang::Sv);
    let document = docx.text("word/document.xml");
    let xml = Xml::parse(&document).unwrap();
    let paragraphs = paragraphs(&xml);
    let texts: Vec<&str> = paragraphs.iter().map(|(_, t)| t.as_str()).collect();
    assert!(
        paragraphs
            .iter()
            .any(|(style, t)| style == "Heading2" && t.contains("Uppföljning av åtgärder")),
        "{paragraphs:?}"
    );
    assert!(texts.contains(&"Genomförda åtgärder"));
    assert!(texts.contains(&"Brev skickades till rektorerna."));
    assert!(texts.contains(&"Genomförd"));
    assert!(document.contains("Tabell 3. Andel i tid vid denna och tidigare granskningar"));
    assert!(document.contains("Figur 2. Andel konton som besvarade frågan i tid, per granskning"));
}
