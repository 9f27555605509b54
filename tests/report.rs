//! The audit report PDF, read back with lopdf: the generated sentences, the table of contents
//! against where the headings really are, fonts, metadata, outline, and the edge cases (no
//! accounts, one account, 2 000 accounts, very long texts, emoji).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] fns

use assert_cmd::Command;
use chrono::{DateTime, NaiveDate, Utc};
use lopdf::{Document, Object};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use svarskoll::core::deadline::local;
use svarskoll::core::generated::generated_audit;
use svarskoll::core::localtime::parse_time;
use svarskoll::core::{Account, Audit, EarlierAudit, Lang, Platform, Probe};
use svarskoll::report::fonts::Face;
use svarskoll::report::layout::{Item, Layout};
use svarskoll::report::model::Block;
use svarskoll::report::{Fonts, ReportOptions, build_document, layout_report, render_pdf};

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

fn options(lang: Lang, as_of: &str) -> ReportOptions {
    ReportOptions {
        lang,
        as_of: at(as_of),
        today: NaiveDate::from_ymd_opt(2019, 5, 20).unwrap(),
        created: DateTime::parse_from_rfc3339("2019-05-20T10:00:00+02:00").unwrap(),
        evidence: None,
    }
}

/// The report's fonts, loaded once for all tests in this file.
fn fonts() -> &'static Fonts {
    static FONTS: LazyLock<Fonts> = LazyLock::new(|| Fonts::load().unwrap());
    &FONTS
}

fn template_audit(name: &str) -> Audit {
    let (key, template) = svarskoll::store::resolve_template(name).unwrap();
    let mut audit = template.new_audit(&key, chrono::Utc::now());
    audit.meta.title = "Uppföljning av internkontrollplan 2019".to_owned();
    audit.meta.committee = "Servicenämnden".to_owned();
    audit.meta.administration = "Serviceförvaltningen".to_owned();
    audit
}

fn stamp(d: u32, h: u32, m: u32) -> Option<svarskoll::core::Stamp> {
    local(2019, 3, d, h, m).map(|t| t.fixed_offset())
}

/// A run of text as drawn: position (PDF coordinates, origin bottom left) and decoded text.
#[derive(Debug, Clone)]
struct Run {
    x: f32,
    y: f32,
    text: String,
    /// The font's size and its base name ("ABCDEF+DejaVuSans-Bold").
    size: f32,
    font: String,
}

/// A PDF parsed back, with the text of every page decoded through the fonts' ToUnicode maps.
struct Pdf {
    doc: Document,
    pages: Vec<Vec<Run>>,
    size: usize,
}

impl Pdf {
    fn parse(bytes: &[u8]) -> Pdf {
        assert!(bytes.starts_with(b"%PDF-"));
        let doc = Document::load_mem(bytes).unwrap();
        let mut pages = Vec::new();
        for (_, page_id) in doc.get_pages() {
            let fonts = doc.get_page_fonts(page_id).unwrap();
            let encodings: BTreeMap<Vec<u8>, _> = fonts
                .iter()
                .map(|(name, dict)| (name.clone(), dict.get_font_encoding(&doc).unwrap()))
                .collect();
            let base_fonts: BTreeMap<Vec<u8>, String> = fonts
                .iter()
                .map(|(name, dict)| {
                    let base = dict.get(b"BaseFont").and_then(Object::as_name).unwrap();
                    (name.clone(), String::from_utf8_lossy(base).into_owned())
                })
                .collect();
            let content = doc.get_and_decode_page_content(page_id).unwrap();
            let mut runs = Vec::new();
            let (mut font, mut size, mut x, mut y) = (Vec::new(), 0.0, 0.0, 0.0);
            for op in &content.operations {
                match op.operator.as_str() {
                    "Tf" => {
                        font = op.operands[0].as_name().unwrap().to_vec();
                        size = op.operands[1].as_float().unwrap();
                    }
                    "Tm" => {
                        x = op.operands[4].as_float().unwrap();
                        y = op.operands[5].as_float().unwrap();
                    }
                    "Tj" | "TJ" => {
                        let strings: Vec<&Object> = match &op.operands[0] {
                            Object::Array(items) => items.iter().collect(),
                            other => vec![other],
                        };
                        let mut text = String::new();
                        for s in strings {
                            if let Ok(bytes) = s.as_str() {
                                text.push_str(
                                    &Document::decode_text(&encodings[&font], bytes).unwrap(),
                                );
                            }
                        }
                        runs.push(Run {
                            x,
                            y,
                            text,
                            size,
                            font: base_fonts[&font].clone(),
                        });
                    }
                    _ => {}
                }
            }
            pages.push(runs);
        }
        Pdf {
            doc,
            pages,
            size: bytes.len(),
        }
    }

    /// The lines of a page, top to bottom: runs on one baseline, left to right.
    fn lines(&self, page: usize) -> Vec<String> {
        let mut by_y: BTreeMap<i64, Vec<&Run>> = BTreeMap::new();
        for run in &self.pages[page] {
            by_y.entry(-(run.y * 10.0).round() as i64)
                .or_default()
                .push(run);
        }
        by_y.into_values()
            .map(|mut runs| {
                runs.sort_by(|a, b| a.x.total_cmp(&b.x));
                let mut line = String::new();
                for r in runs {
                    join_run(&mut line, &r.text);
                }
                line
            })
            .collect()
    }

    /// The body text of every page after the cover (running header and footer left out),
    /// lines joined with spaces, whitespace (incl. no-break spaces) collapsed.
    fn body_text(&self) -> String {
        let mut out = String::new();
        for runs in self.pages.iter().skip(1) {
            let mut body: Vec<&Run> = runs.iter().filter(|r| r.y > 60.0 && r.y < 770.0).collect();
            body.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
            // The page's footnotes (serif 8 pt at its foot, their markers included) are read
            // before its body, so a sentence that runs on to the next page reads whole.
            let footnotes_top = body
                .iter()
                .filter(|r| (r.size - 8.0).abs() < 0.01 && r.font.contains("Serif"))
                .map(|r| r.y)
                .fold(f32::NEG_INFINITY, f32::max);
            let (notes, text): (Vec<&Run>, Vec<&Run>) =
                body.into_iter().partition(|r| r.y <= footnotes_top + 4.0);
            let mut last_y = f32::NAN;
            for r in notes.into_iter().chain(text) {
                if (r.y - last_y).abs() > 0.5 {
                    out.push(' ');
                }
                join_run(&mut out, &r.text);
                last_y = r.y;
            }
            out.push(' ');
        }
        normalise(&out)
    }

    fn all_text(&self) -> String {
        let lines: Vec<String> = (0..self.pages.len()).flat_map(|p| self.lines(p)).collect();
        normalise(&lines.join(" "))
    }

    fn catalog(&self) -> &lopdf::Dictionary {
        self.doc.catalog().unwrap()
    }

    fn info(&self, key: &[u8]) -> String {
        let id = self
            .doc
            .trailer
            .get(b"Info")
            .unwrap()
            .as_reference()
            .unwrap();
        let dict = self.doc.get_dictionary(id).unwrap();
        decode_text_string(dict.get(key).unwrap())
    }

    /// Outline entries, depth first: (depth, title, 0-based page index).
    fn outline(&self) -> Vec<(usize, String, usize)> {
        let pages: Vec<lopdf::ObjectId> = self.doc.get_pages().values().copied().collect();
        let root = self
            .catalog()
            .get(b"Outlines")
            .unwrap()
            .as_reference()
            .unwrap();
        let mut out = Vec::new();
        let first = self
            .doc
            .get_dictionary(root)
            .unwrap()
            .get(b"First")
            .unwrap()
            .as_reference()
            .unwrap();
        self.walk(first, 1, &pages, &mut out);
        out
    }

    fn walk(
        &self,
        mut id: lopdf::ObjectId,
        depth: usize,
        pages: &[lopdf::ObjectId],
        out: &mut Vec<(usize, String, usize)>,
    ) {
        loop {
            let dict = self.doc.get_dictionary(id).unwrap();
            let title = decode_text_string(dict.get(b"Title").unwrap());
            let dest = dict.get(b"Dest").unwrap().as_array().unwrap();
            let page = dest[0].as_reference().unwrap();
            out.push((depth, title, pages.iter().position(|p| *p == page).unwrap()));
            if let Ok(first) = dict.get(b"First").and_then(Object::as_reference) {
                self.walk(first, depth + 1, pages, out);
            }
            match dict.get(b"Next").and_then(Object::as_reference) {
                Ok(next) => id = next,
                Err(_) => break,
            }
        }
    }
}

/// Runs on one baseline are separate table cells, or a heading number and its text, unless
/// a space already separates them (styled runs inside a sentence carry their own spaces).
fn join_run(line: &mut String, run: &str) {
    let needs_space = !line.is_empty()
        && !line.ends_with(char::is_whitespace)
        && !run.starts_with(char::is_whitespace)
        && !run.starts_with(['¹', '²', '³', '.', ',']);
    if needs_space {
        line.push(' ');
    }
    line.push_str(run);
}

fn decode_text_string(object: &Object) -> String {
    let bytes = object.as_str().unwrap();
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units).unwrap()
    } else {
        String::from_utf8(bytes.to_vec()).unwrap()
    }
}

fn normalise(text: &str) -> String {
    text.replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn report(audit: &Audit, options: &ReportOptions) -> Pdf {
    Pdf::parse(&render_pdf(audit, options, fonts()).unwrap())
}

fn malmo() -> Pdf {
    report(&example(), &options(Lang::Sv, "2019-04-30 12:00"))
}

/// Nothing is drawn outside the text block (cover and running header/footer included: they
/// stay inside the page).
fn assert_within_page(layout: &Layout) {
    let g = layout.geometry;
    for (p, page) in layout.pages.iter().enumerate() {
        for item in &page.items {
            match item {
                Item::Text {
                    x, y, width, text, ..
                } => {
                    assert!(*x >= g.left - 0.01, "page {p}: {text:?} starts at {x}");
                    assert!(
                        x + width <= g.width - g.right + 0.01,
                        "page {p}: {text:?} ends at {}",
                        x + width
                    );
                    assert!(
                        *y > 10.0 && *y < g.height - 10.0,
                        "page {p}: {text:?} at y {y}"
                    );
                }
                Item::Rect { x, y, w, h, .. } | Item::Image { x, y, w, h, .. } => {
                    assert!(
                        *x >= g.left - 0.01 && x + w <= g.width - g.right + 0.01,
                        "page {p}: box at {x}+{w}"
                    );
                    assert!(
                        *y >= g.top - 0.01 && y + h <= g.height - g.bottom + 0.01,
                        "page {p}: box at y {y}+{h}"
                    );
                }
                Item::Line { x1, x2, y1, y2, .. } => {
                    for x in [x1, x2] {
                        assert!(*x >= g.left - 0.01 && *x <= g.width - g.right + 0.01);
                    }
                    for y in [y1, y2] {
                        assert!(*y > 10.0 && *y < g.height - 10.0);
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The example audit

#[test]
fn result_sentences_are_plain_swedish_with_the_computed_numbers() {
    let pdf = malmo();
    let text = pdf.body_text();
    for sentence in [
        "Granskningen omfattade 50 konton på Facebook, Instagram och X (Twitter).¹",
        // The deadline rule once, then every count says "inom svarsfristen".
        "Svarsfristen är 24 timmar; slutar den på en dag som inte är arbetsdag flyttas den till slutet av nästa arbetsdag. 15 av de granskade kontona besvarade frågan inom svarsfristen, vilket motsvarar 30 procent.",
        "20 konton svarade senare än så och 15 besvarade den inte alls.",
        "med 95 procents säkerhet ligger den verkliga andelen mellan 19 och 44 procent.",
        "Endast två av kontona signerade svaret med förnamn.",
        "¹ Ytterligare 25 konton finns i registret. De exkluderades vid granskningen då de antingen är avslutade (13) eller stängda för allmänheten (12).",
        "svarade kontona på Facebook oftast i tid (41 procent) och kontona på X (Twitter) mest sällan (18 procent).",
        "var i median 48,9 timmar",
        // The comparison with 2016 (14 of 48): Fisher p = 1.
        "Vid den förra granskningen (2016) besvarade 14 av 48 konton frågan i tid, vilket motsvarade 29 procent.",
        "Då signerade tre konton svaret med förnamn.",
        "Andelen svar i tid har ökat med 0,8 procentenheter.",
        "Förändringen är inte statistiskt säkerställd (p = 1,00, Fishers exakta test)",
    ] {
        assert!(text.contains(sentence), "missing: {sentence}");
    }
    // The per-platform table, total row included, with Wilson intervals to one decimal.
    assert!(text.contains("Tabell 1. Resultat per plattform"));
    assert!(
        text.contains("Facebook 22 9 9 4 41 % 23,3–61,3 %"),
        "{text}"
    );
    assert!(text.contains("Samtliga 50 15 20 15 30 % 19,1–43,8 %"));
    assert!(text.contains("Figur 1. Andel konton som besvarade frågan i tid, per plattform"));
    assert!(text.contains("Samtliga: 30 %"));
    // The audit's own texts, as written.
    assert!(text.contains("Få svar signeras med förnamn."));
    assert!(text.contains("2.1.1.1 Återkoppling till berörda verksamheter"));
    assert!(
        text.contains("Rapportering av resultat till Grundskoleförvaltningens kommunikationschef")
    );
    // The audit is finished as of the closing time.
    assert!(!text.contains("inte avslutad"));
}

#[test]
fn table_of_contents_shows_the_pages_the_headings_are_on() {
    let pdf = malmo();
    // Cover, contents, then the chapters.
    assert_eq!(normalise(&pdf.lines(1)[1]), "Innehållsförteckning");
    let toc: Vec<(String, usize)> = pdf.lines(1)[2..]
        .iter()
        .filter(|l| l.contains(".."))
        .map(|l| {
            let (title, number) = l.rsplit_once('.').unwrap();
            (
                title.trim_end_matches('.').trim().to_owned(),
                number.trim().parse().unwrap(),
            )
        })
        .collect();
    let titles: Vec<&str> = toc.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        titles,
        [
            "1 Inledning",
            "2 Granskningar och åtgärder",
            "2.1 Bristande serviceskyldighet",
            "2.1.1 Användande av sociala medier",
            "2.1.1.1 Återkoppling till berörda verksamheter",
            "2.1.1.2 Informationsinsats på intranätet",
            "2.1.1.3 Utreda om stängda konton kan motiveras",
            "Bilaga. Granskade konton",
        ]
    );
    assert_eq!(toc[0].1, 3, "Inledning on page 3, as in the Malmö report");
    for (title, page) in &toc {
        // The heading itself: a line (not in the contents) that is exactly the title.
        let found: Vec<usize> = (2..pdf.pages.len())
            .filter(|p| pdf.lines(*p).iter().any(|l| normalise(l) == *title))
            .collect();
        assert_eq!(
            found,
            vec![page - 1],
            "{title} listed on page {page}, found on {found:?}"
        );
    }
    // A heading is never the last line of a page.
    for p in 2..pdf.pages.len() {
        let lines = pdf.lines(p);
        let body: Vec<&String> = lines
            .iter()
            .filter(|l| !l.contains('(') || !l.ends_with(')'))
            .collect();
        if let Some(last) = body.last() {
            assert!(
                !titles.contains(&normalise(last).as_str()),
                "page {}: ends with heading {last}",
                p + 1
            );
        }
    }
}

#[test]
fn outline_has_a_bookmark_per_heading_pointing_at_its_page() {
    let pdf = malmo();
    let outline = pdf.outline();
    assert_eq!(outline[0], (1, "1 Inledning".to_owned(), 2));
    let depth_of = |title: &str| outline.iter().find(|(_, t, _)| t == title).unwrap().0;
    assert_eq!(depth_of("2 Granskningar och åtgärder"), 1);
    assert_eq!(depth_of("2.1 Bristande serviceskyldighet"), 2);
    assert_eq!(depth_of("2.1.1 Användande av sociala medier"), 3);
    assert_eq!(depth_of("Resultat"), 4);
    assert_eq!(depth_of("2.1.1.2 Informationsinsats på intranätet"), 4);
    assert!(
        outline
            .iter()
            .any(|(_, t, _)| t == "Bilaga. Granskade konton")
    );
    // Every bookmark lands on the page where its heading is printed.
    for (_, title, page) in &outline {
        assert!(
            pdf.lines(*page).iter().any(|l| normalise(l) == *title),
            "bookmark {title} points at page {} without that heading",
            page + 1
        );
    }
    assert!(outline.len() >= 20, "{}", outline.len());
}

#[test]
fn metadata_language_and_page_mode_are_set() {
    let pdf = malmo();
    assert_eq!(
        pdf.info(b"Title"),
        "Uppföljning av internkontrollplan 2019 – Grundskolenämnden"
    );
    assert_eq!(
        pdf.info(b"Author"),
        "Grundskoleförvaltningen, Exempelstads kommun"
    );
    assert_eq!(
        pdf.info(b"Subject"),
        "Granskning: Användande av sociala medier (Bristande serviceskyldighet)"
    );
    assert!(pdf.info(b"CreationDate").starts_with("D:20"));
    let catalog = pdf.catalog();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"sv-SE");
    assert_eq!(
        catalog.get(b"PageMode").unwrap().as_name().unwrap(),
        b"UseOutlines"
    );
    let prefs = catalog
        .get(b"ViewerPreferences")
        .unwrap()
        .as_dict()
        .unwrap();
    assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
    // The table of contents is clickable.
    let toc_page = *pdf.doc.get_pages().get(&2).unwrap();
    assert_eq!(pdf.doc.get_page_annotations(toc_page).unwrap().len(), 8);
}

#[test]
fn fonts_are_embedded_subset_and_small() {
    let pdf = malmo();
    assert!(pdf.size < 200_000, "{} bytes", pdf.size);
    let mut fonts = 0;
    for object in pdf.doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"FontDescriptor") {
            continue;
        }
        fonts += 1;
        let name =
            String::from_utf8(dict.get(b"FontName").unwrap().as_name().unwrap().to_vec()).unwrap();
        assert!(name.contains("+DejaVu"), "{name} is not a subset");
        let file = dict.get(b"FontFile2").unwrap().as_reference().unwrap();
        let stream = pdf.doc.get_object(file).unwrap().as_stream().unwrap();
        let program = stream.get_plain_content().unwrap();
        assert!(
            program.len() < 60_000,
            "{name}: {} bytes embedded",
            program.len()
        );
        // The program is a real font that still has the Swedish letters.
        let face = ttf_parser::Face::parse(&program, 0).unwrap();
        assert!(face.number_of_glyphs() > 20 && face.number_of_glyphs() < 200);
    }
    assert!(fonts >= 3, "{fonts} fonts embedded");
}

#[test]
fn swedish_letters_extract_correctly() {
    let text = malmo().all_text();
    for word in [
        "Grundskolenämnden",
        "Användande av sociala medier",
        "Områden och rutiner som granskas",
        "Omfattning/avgränsning",
        "Åtgärder",
        "förvaltningslagens krav på service",
        "Uppföljning av internkontrollplan 2019",
        "Öster",
    ] {
        assert!(text.contains(word), "missing {word}");
    }
    // Running footer "x (y)".
    let pdf = malmo();
    let pages = pdf.pages.len();
    assert!(pdf.lines(2).iter().any(|l| l == &format!("3 ({pages})")));
}

#[test]
fn appendix_lists_every_audited_account() {
    let pdf = malmo();
    let text = pdf.body_text();
    // Table 3 is the trend (the example has an earlier audit).
    assert!(text.contains("Tabell 4. Granskade konton och testfrågor"));
    assert!(text.contains("Konto Plattform Verksamhet Ställd Besvarad Svarstid Utfall Signerad"));
    assert!(
        text.contains(
            "Ekbackeskolan Facebook Område Söder 2019-03-11 14:30 2019-03-11 21:46 7,3 h i tid nej"
        ),
        "{text}"
    );
    // 50 audited accounts, one question each: 50 data rows (dates in the "Ställd" column).
    let appendix_start = text.find("Tabell 4.").unwrap();
    let rows = text[appendix_start..].matches(" 2019-03-").count()
        + text[appendix_start..].matches(" 2019-04-").count();
    let answered = 35;
    assert_eq!(rows, 50 + answered);
}

#[test]
fn english_version_words_the_same_numbers() {
    let pdf = report(&example(), &options(Lang::En, "2019-04-30 12:00"));
    let text = pdf.body_text();
    for sentence in [
        "The audit covered 50 accounts on Facebook, Instagram and X (Twitter).¹",
        "The deadline is 24 hours; if it ends on a day that is not a working day, it moves to the end of the next working day. 15 of the audited accounts answered the question within the deadline, which is 30 per cent.",
        "20 accounts answered later than that and 15 did not answer at all.",
        "with 95 per cent confidence the true share lies between 19 and 44 per cent.",
        "Only two of the accounts signed the answer with a first name.",
        "A further 25 accounts are listed in the register.",
        "The change is not statistically significant (p = 1.00, Fisher's exact test)",
    ] {
        assert!(text.contains(sentence), "missing: {sentence}");
    }
    assert!(text.contains("Contents"));
    assert!(text.contains("2 Audits and actions"));
    assert!(text.contains("Appendix. Audited accounts"));
    assert_eq!(
        pdf.catalog().get(b"Lang").unwrap().as_str().unwrap(),
        b"en-GB"
    );
}

/// The v4 fixture: the example audit with the Malmö template's checklist and answers for 40
/// of its 50 audited accounts.
fn reviewed_audit() -> Audit {
    svarskoll::store::load_audit(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/audit-v4.svarskoll.ron"),
    )
    .unwrap()
}

/// Kontogranskning: after the results, a paragraph and a table whose rows carry the numbers
/// core computes for each requirement (granskade, uppfyller, andel), in both languages.
#[test]
fn the_account_review_section_has_the_computed_numbers() {
    let audit = reviewed_audit();
    for lang in [Lang::Sv, Lang::En] {
        let options = options(lang, "2019-04-30 12:00");
        let review = svarskoll::core::Results::compute(&audit, options.as_of).review;
        assert!(review.has_answers());
        let pdf = report(&audit, &options);
        let text = pdf.body_text();
        let sv = lang == Lang::Sv;
        let heading = if sv {
            "Kontogranskning"
        } else {
            "Account review"
        };
        let header = if sv {
            "Krav Granskade Uppfyller Andel"
        } else {
            "Requirement Reviewed Met Share"
        };
        // In the audit's part, after the results and before the analysis.
        let (results, at, analysis) = if sv {
            ("Resultat", ". Kontogranskning: konton", "Analys")
        } else {
            ("Results", ". Account review: accounts", "Analysis")
        };
        let section = text.find(at).expect("the review's table");
        assert!(text.find(&format!(" {heading} ")).unwrap() < section);
        assert!(text.find(&format!(" {results} ")).unwrap() < section);
        assert!(
            section < text.rfind(&format!(" {analysis} ")).unwrap(),
            "{lang:?}"
        );
        assert!(text.contains(header), "{lang:?}: {text}");
        // The appendix's table is numbered after it (and after the trend's, when shown).
        let number = 4 + usize::from(!audit.earlier.is_empty());
        assert!(text.contains(&if sv {
            format!("Tabell {number}. Granskade konton")
        } else {
            format!("Table {number}. Audited accounts")
        }));
        // Every requirement's row: its text, then reviewed, passed and the share, as computed.
        let lines: Vec<String> = (0..pdf.pages.len())
            .flat_map(|p| pdf.lines(p))
            .map(|l| normalise(&l))
            .collect();
        for item in &review.items {
            let c = item.counts;
            // A requirement nobody was reviewed against says so.
            let share = c.share().map_or_else(
                || (if sv { "ej granskat" } else { "not reviewed" }).to_owned(),
                |s| normalise(&svarskoll::core::numbers::percent(s, 0, lang)),
            );
            let cells = format!("{} {} {share}", c.reviewed, c.passed);
            assert!(
                lines
                    .iter()
                    .any(|l| l.starts_with(item.text.split(' ').next().unwrap())
                        && l.ends_with(&cells)),
                "{lang:?}: no row \"{} … {cells}\" in {lines:?}",
                item.text
            );
        }
        // The paragraph: the review's scope in words.
        let scope = if sv {
            "Utöver testfrågan granskades kontona mot sju krav som riktlinjerna ställer på ett konto. 40 av de 50 granskade kontona ingår i kontogranskningen."
        } else {
            "Besides the test question, the accounts were reviewed against seven requirements the guidelines set for an account. 40 of the 50 audited accounts were reviewed."
        };
        assert!(text.contains(scope), "{lang:?}: {text}");
    }
}

/// No checklist, or a checklist without answers: no Kontogranskning, and the appendix keeps
/// its number.
#[test]
fn no_account_review_section_without_answers() {
    let mut audit = reviewed_audit();
    for account in &mut audit.accounts {
        account.review.clear();
    }
    for audit in [example(), audit] {
        let text = report(&audit, &options(Lang::Sv, "2019-04-30 12:00")).body_text();
        assert!(!text.contains("Kontogranskning"));
        // Table 3 is the trend's when there is an earlier audit; the appendix's follows it.
        let number = 3 + usize::from(!audit.earlier.is_empty());
        assert!(text.contains(&format!("Tabell {number}. Granskade konton och testfrågor")));
    }
}

#[test]
fn a_significant_change_is_called_statistically_certain() {
    let mut audit = example();
    audit.earlier = vec![EarlierAudit {
        label: "2016".to_owned(),
        audited: 50,
        in_time: 35,
        ..EarlierAudit::default()
    }];
    let text = report(&audit, &options(Lang::Sv, "2019-04-30 12:00")).body_text();
    assert!(
        text.contains("Andelen svar i tid har minskat med 40,0 procentenheter."),
        "{text}"
    );
    assert!(text.contains("Förändringen är statistiskt säkerställd (p < 0,001, Fishers exakta test): det är osannolikt att den beror på slumpen."));
}

#[test]
fn an_unfinished_audit_says_it_is_not_finished() {
    // Two weeks into the audit most questions are still out.
    let pdf = report(&example(), &options(Lang::Sv, "2019-03-13 12:00"));
    let text = pdf.body_text();
    assert!(
        text.contains(
            "Granskningen är inte avslutad. Per 2019-03-13 12:00 har två konton ännu inte svarat men har tid kvar inom svarsfristen, och till 38 konton har frågan ännu inte ställts. Resultaten nedan gäller de tio konton där utfallet är klart och kan ändras när granskningen är avslutad."
        ),
        "{text}"
    );
    assert!(text.contains(
        "Fyra av de tio konton där utfallet är klart besvarade frågan inom svarsfristen, vilket motsvarar 40 procent."
    ));
    // Who and when, in the present tense while the audit goes on.
    assert!(text.contains(
        "Granskningen genomförs under 2019 av Kulturförvaltningens kommunikationsavdelning. Resultat"
    ));
    // The tables get a column for what is still pending.
    assert!(text.contains("Plattform Granskade I tid Sent Obesvarade Väntar Andel i tid"));
    assert!(text.contains("där utfallet är klart"));
}

// ---------------------------------------------------------------------------------------------
// Tables never break a word

/// The example audit with long unit names. As of 13 March most questions are still pending, so
/// the result tables get the "Väntar"/"Pending" column.
fn long_unit_names(also: &str) -> Audit {
    let mut audit = example();
    for account in &mut audit.accounts {
        let unit = match account.unit.as_str() {
            "Område Söder" => "Arbetsmarknads- och socialförvaltningen",
            "Område Öster" => "Kommunikationsavdelningen på Stadsledningskontoret",
            "Område Norr" => "Stadsbyggnadskontorets bygglovsavdelning",
            "Område Väster" => also,
            _ => continue,
        };
        account.unit = unit.to_owned();
    }
    audit
}

const PENDING: &str = "2019-03-13 12:00";

/// Every word the document says (whitespace-separated, a trailing comma dropped), also with a
/// small first letter (a table's note explains "Obesv." as "obesvarade"); and the words of its
/// table cells.
fn document_words(audit: &Audit, options: &ReportOptions) -> (BTreeSet<String>, Vec<String>) {
    let doc = build_document(audit, options).unwrap();
    let mut texts: Vec<String> = vec![doc.words.continued.clone(), "=".to_owned()];
    let mut cells: Vec<String> = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => texts.extend(h.number.iter().cloned().chain([h.text.clone()])),
            Block::Paragraph(p) => texts.extend([p.text()].into_iter().chain(p.footnote.clone())),
            Block::Bullets(items) => texts.extend(items.iter().map(|p| p.text())),
            Block::Table(t) => {
                texts.extend(t.caption.iter().cloned());
                for c in &t.columns {
                    texts.extend([c.title.clone()].into_iter().chain(c.short_title.clone()));
                }
                cells.extend(t.rows.iter().chain(&t.total).flatten().cloned());
            }
            Block::BarChart(c) => {
                texts.push(c.caption.clone());
                texts.extend(c.ticks.iter().cloned());
                texts.extend(c.reference.iter().map(|r| r.1.clone()));
                for bar in &c.bars {
                    texts.extend([bar.label.clone(), bar.value_label.clone()]);
                }
            }
            Block::Figure(f) => texts.push(f.caption.clone()),
            Block::TableOfContents | Block::PageBreak => {}
        }
    }
    let words = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .map(|w| w.trim_end_matches(',').to_owned())
            .collect()
    };
    let mut known = BTreeSet::new();
    for text in texts.iter().chain(&cells) {
        for w in words(text) {
            known.insert(w.to_lowercase());
            known.insert(w);
        }
    }
    let cell_words = cells.iter().flat_map(|c| words(c)).collect();
    (known, cell_words)
}

/// `lines` are the lines of table text as drawn (a cell's line, a header's, a caption's, the
/// note's). Each holds only whole words (a compound may end a line after its hyphen or slash),
/// and every word of every table cell stands whole on one of them.
fn assert_whole_words(what: &str, lines: &[String], known: &BTreeSet<String>, cells: &[String]) {
    let mut drawn = BTreeSet::new();
    for line in lines {
        for token in line.split_whitespace() {
            let token = token.trim_end_matches(',');
            let piece_of_compound = || {
                known.iter().any(|w| {
                    (token.ends_with(['-', '/']) && w.starts_with(token))
                        || w.strip_suffix(token)
                            .is_some_and(|s| s.ends_with(['-', '/']))
                })
            };
            assert!(
                known.contains(token) || piece_of_compound(),
                "{what}: {token:?} (in {line:?}) is part of a word"
            );
            drawn.insert(token.to_owned());
        }
    }
    for word in cells {
        assert!(
            drawn.contains(word),
            "{what}: the cell word {word:?} is not drawn whole"
        );
    }
}

/// Table text in the layout: sans-serif at table sizes, inside the text block.
fn layout_table_lines(layout: &Layout) -> Vec<String> {
    let g = layout.geometry;
    let mut lines = Vec::new();
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Text {
                face,
                size,
                text,
                y,
                ..
            } = item
                && matches!(face, Face::Sans | Face::SansBold)
                && *size <= 9.0 + 0.01
                && *y > g.top
                && *y < g.height - g.bottom
            {
                lines.push(text.clone());
            }
        }
    }
    lines
}

/// Table text in the PDF: the same, read back from the page contents.
fn pdf_table_lines(pdf: &Pdf) -> Vec<String> {
    pdf.pages
        .iter()
        .skip(1)
        .flatten()
        .filter(|r| r.font.contains("Sans") && r.size <= 9.0 + 0.01 && r.y > 60.0 && r.y < 770.0)
        .map(|r| r.text.clone())
        .collect()
}

fn assert_tables_keep_their_words(audit: &Audit) {
    for lang in [Lang::Sv, Lang::En] {
        let opts = options(lang, PENDING);
        let (known, cells) = document_words(audit, &opts);
        let layout = layout_report(audit, &opts, fonts()).unwrap();
        assert_within_page(&layout);
        let what = format!("{lang:?} layout");
        assert_whole_words(&what, &layout_table_lines(&layout), &known, &cells);
        let pdf = report(audit, &opts);
        let what = format!("{lang:?} PDF");
        assert_whole_words(&what, &pdf_table_lines(&pdf), &known, &cells);
        // The pending column is there.
        let header = match lang {
            Lang::Sv => "Väntar",
            Lang::En => "Pending",
        };
        assert!(pdf.body_text().contains(header));
    }
}

#[test]
fn no_table_cell_is_split_inside_a_word() {
    let audit = long_unit_names("Kommunikationsavdelningen");
    assert_tables_keep_their_words(&audit);
    // The words fit side by side once the type is smaller: one table per caption.
    let text = report(&audit, &options(Lang::Sv, PENDING)).body_text();
    assert!(text.contains("Tabell 2. Resultat per verksamhet"));
    assert!(!text.contains("Tabell 2. Resultat per verksamhet (forts.)"));
    assert!(text.contains("Verksamhet Granskade I tid Sent Obesvarade Väntar"));
}

#[test]
fn a_table_whose_words_do_not_fit_side_by_side_moves_its_last_columns_below() {
    // A name too long for the columns beside it even in the smallest type with short headers.
    let giant = "Stadsbyggnadskontorsbygglovsavdelningsenhetsadministrationen";
    let audit = long_unit_names(giant);
    assert_tables_keep_their_words(&audit);
    let pdf = report(&audit, &options(Lang::Sv, PENDING));
    let text = pdf.body_text();
    let first = text.find("Tabell 2. Resultat per verksamhet").unwrap();
    let second = text
        .find("Tabell 2. Resultat per verksamhet (forts.)")
        .unwrap();
    assert!(first < second);
    // Both parts list the units, the long name whole.
    assert!(text[first..].matches(giant).count() >= 2, "{text}");
    assert!(text[second..].contains("Verksamhet"));
}

// ---------------------------------------------------------------------------------------------
// Edge cases

#[test]
fn zero_accounts_say_no_audit_was_carried_out() {
    let audit = template_audit("malmo-sociala-medier");
    let pdf = report(&audit, &options(Lang::Sv, "2019-04-30 12:00"));
    let text = pdf.body_text();
    assert!(text.contains(
        "Resultat Serviceförvaltningen har inga konton på Facebook, Instagram eller X (Twitter). Någon granskning inom ramen för detta moment har således inte genomförts."
    ), "{text}");
    assert!(!text.contains("Tabell 1"));
    assert!(!text.contains("procent"));
    assert!(text.contains("Bilaga. Granskade konton Inga konton granskades."));
    // Empty auditor texts are marked, not silently left out.
    assert!(text.contains("Analys Texten är inte ifylld."));
    // Nothing audited: the cover names who and when, the method text does not claim an audit.
    let mut named = audit.clone();
    named.meta.period = "2019".to_owned();
    named.meta.auditors = vec!["Eva Nordin".to_owned()];
    let pdf = report(&named, &options(Lang::Sv, "2019-04-30 12:00"));
    assert!(pdf.lines(0).contains(&"Granskare Eva Nordin".to_owned()));
    assert!(!pdf.body_text().contains("Granskningen genomfördes"));
    assert_within_page(
        &layout_report(&audit, &options(Lang::Sv, "2019-04-30 12:00"), fonts()).unwrap(),
    );
    let en = report(&audit, &options(Lang::En, "2019-04-30 12:00")).body_text();
    assert!(en.contains("Serviceförvaltningen has no accounts on Facebook, Instagram or X (Twitter). Consequently, no audit has been carried out under this heading."));
}

#[test]
fn one_account_in_time_and_signed() {
    let mut audit = template_audit("malmo-sociala-medier");
    audit.accounts.push(Account {
        name: "Kulturhuset".to_owned(),
        platform: Platform::Instagram,
        unit: "Kultur".to_owned(),
        probes: vec![Probe {
            question: "Hej! När öppnar ni?".to_owned(),
            posted_at: stamp(12, 10, 0),
            answered_at: stamp(12, 15, 30),
            signed: Some(true),
            ..Probe::default()
        }],
        ..Account::default()
    });
    let opts = options(Lang::Sv, "2019-04-30 12:00");
    let text = report(&audit, &opts).body_text();
    assert!(
        text.contains("Granskningen omfattade ett konto, på Instagram."),
        "{text}"
    );
    assert!(text.contains("Samtliga granskade konton besvarade frågan inom svarsfristen."));
    assert!(text.contains("Samtliga konton som svarade signerade svaret med förnamn."));
    assert!(
        text.contains(
            "Kulturhuset Instagram Kultur 2019-03-12 10:00 2019-03-12 15:30 5,5 h i tid ja"
        )
    );
    // One platform: no "most often / least often" comparison.
    assert!(!text.contains("oftast i tid"));
    assert_within_page(&layout_report(&audit, &opts, fonts()).unwrap());
}

#[test]
fn answers_in_time_only_because_the_deadline_moved_are_within_the_deadline_not_24_hours() {
    // Friday 15 March 2019: the 24 hours end on Saturday, so the deadline moves to the end of
    // Monday. Answers after 64 and 71 hours are in time.
    let mut audit = template_audit("malmo-sociala-medier");
    for (name, posted, answered) in [
        ("Kulturhuset", stamp(15, 10, 0), stamp(18, 2, 0)),
        ("Stadsbiblioteket", stamp(15, 13, 0), stamp(18, 12, 0)),
    ] {
        audit.accounts.push(Account {
            name: name.to_owned(),
            platform: Platform::Facebook,
            probes: vec![Probe {
                posted_at: posted,
                answered_at: answered,
                signed: Some(true),
                ..Probe::default()
            }],
            ..Account::default()
        });
    }
    let opts = options(Lang::Sv, "2019-04-30 12:00");
    let text = report(&audit, &opts).body_text();
    assert!(text.contains(
        "Svarsfristen är 24 timmar; slutar den på en dag som inte är arbetsdag flyttas den till slutet av nästa arbetsdag. Samtliga granskade konton besvarade frågan inom svarsfristen."
    ), "{text}");
    assert!(!text.contains("besvarade frågan inom 24 timmar"));
    assert!(text.contains("Kulturhuset Facebook – 2019-03-15 10:00 2019-03-18 02:00 64,0 h i tid"));
    assert!(text.contains("2019-03-15 13:00 2019-03-18 12:00 71,0 h i tid"));
    assert!(text.contains(
        "Svarstiden är räknad i timmar från att frågan ställdes till att den besvarades. Utfallet avgörs av svarsfristen: en fråga som ställdes före en helg eller helgdag kan ha besvarats i tid fast svarstiden är längre än 24 timmar."
    ), "{text}");
    // The median is 67.5 hours; the numbers stay as computed.
    assert!(text.contains("var i median 67,5 timmar"));

    let en = report(&audit, &options(Lang::En, "2019-04-30 12:00")).body_text();
    assert!(en.contains(
        "The deadline is 24 hours; if it ends on a day that is not a working day, it moves to the end of the next working day. All of the audited accounts answered the question within the deadline."
    ), "{en}");
    assert!(!en.contains("within 24 hours"));
    assert!(en.contains(
        "The outcome is decided by the deadline: a question posted before a weekend or public holiday may have been answered in time even though the response time is longer than 24 hours."
    ));
}

#[test]
fn period_and_auditors_are_on_the_cover_and_in_the_method() {
    let pdf = malmo();
    let cover = pdf.lines(0);
    assert!(
        cover.contains(&"Granskningsperiod 2019".to_owned()),
        "{cover:?}"
    );
    assert!(
        cover.contains(&"Granskare Kulturförvaltningens kommunikationsavdelning".to_owned()),
        "{cover:?}"
    );
    // After the auditor's own method text, before the results.
    assert!(pdf.body_text().contains(
        "analyserats av förvaltningen. Granskningen genomfördes under 2019 av Kulturförvaltningens kommunikationsavdelning. Resultat"
    ));
    let en = report(&example(), &options(Lang::En, "2019-04-30 12:00"));
    let cover = en.lines(0);
    assert!(cover.contains(&"Audit period 2019".to_owned()), "{cover:?}");
    assert!(cover.contains(&"Auditor Kulturförvaltningens kommunikationsavdelning".to_owned()));
    assert!(en.body_text().contains(
        "The audit was carried out during 2019 by Kulturförvaltningens kommunikationsavdelning. Results"
    ));

    // Several auditors: listed in the sentence, wrapped under their label on the cover.
    let mut audit = example();
    audit.meta.period = "tertial 1".to_owned();
    audit.meta.auditors = [
        "Annika Lindqvist-Bergström",
        "Mohammed Al-Rashid",
        "Karl-Johan Söderberg",
        "Fatima Hassan Abdullahi",
        "Eva Nordin",
        " ",
    ]
    .map(str::to_owned)
    .to_vec();
    let opts = options(Lang::Sv, "2019-04-30 12:00");
    let pdf = report(&audit, &opts);
    assert!(pdf.body_text().contains(
        "Granskningen genomfördes under tertial 1 av Annika Lindqvist-Bergström, Mohammed Al-Rashid, Karl-Johan Söderberg, Fatima Hassan Abdullahi och Eva Nordin."
    ));
    let cover = normalise(&pdf.lines(0).join(" "));
    assert!(
        cover.contains(
            "Granskningsperiod tertial 1 Granskare Annika Lindqvist-Bergström, Mohammed Al-Rashid,"
        ),
        "{cover}"
    );
    assert!(cover.contains("Eva Nordin"), "{cover}");
    assert_within_page(&layout_report(&audit, &opts, fonts()).unwrap());
    let en = report(&audit, &options(Lang::En, "2019-04-30 12:00"));
    assert!(normalise(&en.lines(0).join(" ")).contains("Auditors Annika"));

    // Neither given: no empty label, no sentence.
    audit.meta.period = String::new();
    audit.meta.auditors = vec![String::new()];
    let pdf = report(&audit, &opts);
    let cover = normalise(&pdf.lines(0).join(" "));
    assert!(
        !cover.contains("Granskningsperiod") && !cover.contains("Granskare"),
        "{cover}"
    );
    assert!(!pdf.body_text().contains("Granskningen genomfördes"));
    // Only the auditors.
    audit.meta.auditors = vec!["Eva Nordin".to_owned()];
    let text = report(&audit, &opts).body_text();
    assert!(text.contains("Granskningen genomfördes av Eva Nordin. Resultat"));
}

#[test]
fn working_day_rule_and_no_signature_requirement_change_the_wording() {
    let mut audit = template_audit("skurup-riktlinjer");
    for (i, name) in ["Skurups kommun", "Skurups bibliotek", "Fritid Skurup"]
        .iter()
        .enumerate()
    {
        audit.accounts.push(Account {
            name: (*name).to_owned(),
            platform: Platform::Facebook,
            probes: vec![Probe {
                posted_at: stamp(15, 15, 0),
                // Friday 15:00 → Monday 11:00 is 20 working hours: in time.
                answered_at: if i == 2 { None } else { stamp(18, 11, 0) },
                signed: Some(false),
                ..Probe::default()
            }],
            ..Account::default()
        });
    }
    let text = report(&audit, &options(Lang::Sv, "2019-04-30 12:00")).body_text();
    assert!(
        text.contains("Svarsfristen är 24 timmar räknat enbart på arbetsdagar; tid på dagar som inte är arbetsdagar räknas inte. Två av de granskade kontona besvarade frågan inom svarsfristen, vilket motsvarar 67 procent."),
        "{text}"
    );
    assert!(text.contains("Ett konto besvarade den inte alls."));
    assert!(text.contains(
        "Svar som kom senare än sju dagar efter att frågan ställdes räknas som uteblivna."
    ));
    assert!(text.contains("Räknat enbart på arbetsdagar var mediansvarstiden 20,0 timmar."));
    assert!(
        !text.contains("signerade svaret"),
        "signature not required, not mentioned"
    );
}

#[test]
fn two_thousand_accounts_paginate_with_the_table_header_repeated() {
    let audit = generated_audit(2000, 2, 7);
    let opts = options(Lang::Sv, "2019-06-30 12:00");
    let layout = layout_report(&audit, &opts, fonts()).unwrap();
    assert_within_page(&layout);
    assert_eq!(layout.passes, 2);
    let pdf = Pdf::parse(&render_pdf(&audit, &opts, fonts()).unwrap());
    let pages = pdf.pages.len();
    assert!(pages > 40, "{pages} pages");
    assert_eq!(pdf.doc.get_pages().len(), pages);
    assert!(pdf.size < 1_500_000, "{} bytes", pdf.size);
    let audited = audit
        .accounts
        .iter()
        .filter(|a| audit.is_audited(a))
        .count();
    let text = pdf.body_text();
    assert!(text.contains(&format!(
            "Granskningen omfattade {} konton",
            svarskoll::core::numbers::thousands(audited, svarskoll::core::Lang::Sv)
                .replace('\u{a0}', " ")
        )));
    // Every appendix page after the first repeats the caption (continued) and the header row.
    let first_appendix = (0..pages)
        .find(|p| {
            pdf.lines(*p)
                .iter()
                .any(|l| normalise(l) == "Bilaga. Granskade konton")
        })
        .unwrap();
    assert!(pages - first_appendix > 30);
    for p in first_appendix + 1..pages {
        let lines: Vec<String> = pdf.lines(p).iter().map(|l| normalise(l)).collect();
        assert!(
            lines.contains(&"Tabell 3. Granskade konton och testfrågor (forts.)".to_owned()),
            "page {}",
            p + 1
        );
        assert!(
            lines.contains(
                &"Konto Plattform Verksamhet Ställd Besvarad Svarstid Utfall Signerad".to_owned()
            ),
            "page {}",
            p + 1
        );
    }
    // One row per probe: every probe's account name appears in the appendix.
    let appendix: String = (first_appendix..pages)
        .flat_map(|p| pdf.lines(p))
        .collect::<Vec<_>>()
        .join("\n");
    let rows = appendix
        .lines()
        .filter(|l| l.starts_with("Konto ") && !l.starts_with("Konto Plattform"))
        .count();
    assert_eq!(rows, audited * 2);
}

#[test]
fn a_five_thousand_character_analysis_wraps_across_pages() {
    let mut audit = example();
    let sentence = "Granskningen visar att ansvaret för kontona behöver förtydligas på varje skola, och att rutinerna för frånvaro måste följas upp löpande av rektor. ";
    let mut long = String::new();
    while long.chars().count() < 5000 {
        long.push_str(sentence);
    }
    // A very long unbroken token too (a pasted link).
    long.push_str("https://komin.malmo.se/sociala-medier/riktlinjer/grundskoleforvaltningen/stod-och-rad/mycket-lang-adress-utan-mellanslag");
    audit.texts.analysis = long.clone();
    audit.accounts[0].name = "Rosengårdsskolans fritidshem och öppna verksamhet för mellanstadiet, avdelning Solrosen och Kastanjen".to_owned();
    let opts = options(Lang::Sv, "2019-04-30 12:00");
    let layout = layout_report(&audit, &opts, fonts()).unwrap();
    assert_within_page(&layout);
    let text = report(&audit, &opts).body_text();
    // All of it is there, in order (the link is broken across lines, so compare without spaces).
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert!(squeeze(&text).contains(&squeeze(&long)));
    // The long account name wraps inside its table cell (its lines interleave with the other
    // cells of the row, so look for its words).
    for word in "Rosengårdsskolans fritidshem och öppna verksamhet för mellanstadiet, avdelning Solrosen och Kastanjen".split(' ') {
        assert!(text.contains(word), "{word}");
    }
}

#[test]
fn characters_the_font_lacks_get_a_visible_replacement() {
    let mut audit = example();
    audit.accounts[0].name = "Ekbacke 🎉 skolan 👍🏽".to_owned();
    audit.accounts[0].unit = "Område 東öder".to_owned();
    audit.meta.committee = "Grundskolenämnden ✨".to_owned();
    audit.texts.conclusion = "Bra jobbat 😀\u{0007} och tack.".to_owned();
    let opts = options(Lang::Sv, "2019-04-30 12:00");
    assert_within_page(&layout_report(&audit, &opts, fonts()).unwrap());
    let pdf = report(&audit, &opts);
    let text = pdf.all_text();
    assert!(text.contains("Ekbacke \u{FFFD}"), "{text}");
    assert!(text.contains("\u{FFFD}öder"), "{text}");
    assert!(text.contains("Bra jobbat \u{FFFD} och tack."));
    // The metadata keeps the real characters.
    assert!(
        pdf.info(b"Title").contains("Grundskolenämnden ✨")
            || pdf.info(b"Title").contains("Grundskolenämnden")
    );
}

#[test]
fn characters_beyond_the_reduced_fonts_are_drawn_from_the_full_fonts() {
    let mut audit = example();
    audit.accounts[0].name = "Школа Ωμέγα ệ".to_owned();
    audit.meta.committee = "Grundskolenämnden Ωmega".to_owned();
    let opts = options(Lang::Sv, "2019-04-30 12:00");
    let pdf = report(&audit, &opts);
    let text = pdf.all_text();
    assert!(text.contains("Школа Ωμέγα ệ"), "{text}");
    assert!(text.contains("Grundskolenämnden Ωmega"), "{text}");
    assert!(!text.contains('\u{FFFD}'), "{text}");
    // Every code drawn is the glyph of its character in the full face: same advance, same
    // outline box.
    let full: Vec<ttf_parser::Face> = Face::ALL
        .iter()
        .map(|f| ttf_parser::Face::parse(f.bytes(), 0).unwrap())
        .collect();
    let mut checked = 0;
    for font in pdf.doc.objects.values() {
        let Ok(dict) = font.as_dict() else { continue };
        if dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0") {
            continue;
        }
        let to_unicode = dict.get(b"ToUnicode").unwrap().as_reference().unwrap();
        let map = pdf.doc.get_object(to_unicode).unwrap().as_stream().unwrap();
        let map = String::from_utf8(map.get_plain_content().unwrap()).unwrap();
        let descendant = &dict.get(b"DescendantFonts").unwrap().as_array().unwrap()[0];
        let descendant = pdf
            .doc
            .dereference(descendant)
            .unwrap()
            .1
            .as_dict()
            .unwrap();
        let descriptor = descendant
            .get(b"FontDescriptor")
            .unwrap()
            .as_reference()
            .unwrap();
        let descriptor = pdf.doc.get_dictionary(descriptor).unwrap();
        let file = descriptor
            .get(b"FontFile2")
            .unwrap()
            .as_reference()
            .unwrap();
        let program = pdf.doc.get_object(file).unwrap().as_stream().unwrap();
        let program = program.get_plain_content().unwrap();
        let embedded = ttf_parser::Face::parse(&program, 0).unwrap();
        let name = String::from_utf8_lossy(dict.get(b"BaseFont").unwrap().as_name().unwrap());
        let source = full
            .iter()
            .find(|f| {
                f.names().into_iter().any(|n| {
                    n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME
                        && n.to_string()
                            .is_some_and(|s| name.ends_with(&format!("+{s}")))
                })
            })
            .unwrap_or_else(|| panic!("{name}"));
        for line in map.lines().filter(|l| l.starts_with('<')) {
            let (code, target) = line.split_once(' ').unwrap();
            let code = u16::from_str_radix(&code[1..5], 16).unwrap();
            let c = char::from_u32(u32::from_str_radix(&target[1..5], 16).unwrap()).unwrap();
            let ours = ttf_parser::GlyphId(code);
            let theirs = source.glyph_index(c).unwrap();
            assert_eq!(
                embedded.glyph_hor_advance(ours),
                source.glyph_hor_advance(theirs)
            );
            assert_eq!(
                embedded.glyph_bounding_box(ours),
                source.glyph_bounding_box(theirs)
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
}

// ---------------------------------------------------------------------------------------------
// Command line

#[test]
fn cli_writes_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rapport.pdf");
    Command::cargo_bin("svarskoll")
        .unwrap()
        .arg("report")
        .arg(example_path())
        .arg("-o")
        .arg(&out)
        .args(["--lang", "en", "--as-of", "2019-04-30 12:00"])
        .assert()
        .success();
    let pdf = Pdf::parse(&std::fs::read(&out).unwrap());
    assert!(
        pdf.body_text()
            .contains("15 of the audited accounts answered the question within the deadline")
    );
}

#[test]
fn cli_names_the_file_it_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("saknas").join("rapport.pdf");
    let output = Command::cargo_bin("svarskoll")
        .unwrap()
        .arg("report")
        .arg(example_path())
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&out.display().to_string()), "{stderr}");
    assert!(stderr.contains("kunde inte skriva rapporten"), "{stderr}");
    // A bad --lang is wrong usage: exit 2.
    let output = Command::cargo_bin("svarskoll")
        .unwrap()
        .arg("report")
        .arg(example_path())
        .args(["-o", "x.pdf", "--lang", "de"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_tight_table_uses_short_headers_that_are_words_and_explains_them() {
    let audit = long_unit_names("Stadsbyggnadskontorsbygglovsavdelningsenheten");
    assert_tables_keep_their_words(&audit);
    let text = report(&audit, &options(Lang::Sv, PENDING)).body_text();
    assert!(
        !text.contains("Tabell 2. Resultat per verksamhet (forts.)"),
        "{text}"
    );
    assert!(
        text.contains("95 % KI = 95 % konfidensintervall"),
        "the abbreviation is explained"
    );
}

/// The app's preview shows the Results section through `results_section`: exactly the blocks the
/// report puts under its Results heading, in both languages.
#[test]
fn the_results_section_is_the_one_in_the_document() {
    use svarskoll::report::model::Block;
    let audit = example();
    for lang in [Lang::Sv, Lang::En] {
        let options = options(lang, "2019-04-30 12:00");
        let section = svarskoll::report::results_section(&audit, &options);
        assert!(section.len() > 3, "{section:?}");
        let document = svarskoll::report::build_document(&audit, &options).unwrap();
        let found = document
            .blocks
            .windows(section.len())
            .position(|w| w == section.as_slice());
        let at = found.expect("the section is in the document");
        assert!(
            matches!(&document.blocks[at - 1], Block::Heading(h)
                if h.text == svarskoll::i18n::report::RESULTS.get(lang)),
            "{:?}",
            document.blocks[at - 1]
        );
    }
}

/// The trend over every earlier audit (Table 3 and Figure 2, computed numbers) and, once
/// actions are followed up, "Uppföljning av åtgärder" in the style of Kulturnämnden 2023.
#[test]
fn the_trend_and_the_follow_up_of_actions_are_reported() {
    let mut audit = svarskoll::store::load_audit(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/audit-v5.svarskoll.ron"),
    )
    .unwrap();
    audit.report.evidence_appendix = false;
    let opts = options(Lang::Sv, "2019-04-30 12:00");
    let plain = report(&audit, &opts).body_text();
    assert!(
        !plain.contains("Uppföljning av åtgärder"),
        "nothing followed up yet"
    );
    audit.actions[0].status = svarskoll::core::ActionStatus::Done;
    audit.actions[0].follow_up = "Brev skickades till alla berörda rektorer.".into();
    audit.actions[1].status = svarskoll::core::ActionStatus::InProgress;
    let text = report(&audit, &opts).body_text();

    let results = svarskoll::core::Results::compute(&audit, opts.as_of);
    assert!(text.contains("Tabell 3. Andel i tid vid denna och tidigare granskningar"));
    assert!(text.contains("Figur 2. Andel konton som besvarade frågan i tid, per granskning"));
    assert_eq!(results.trend.len(), 3);
    for p in &results.trend {
        let share = svarskoll::core::numbers::percent(p.share.unwrap(), 0, Lang::Sv);
        let row = format!("{} {} {} {share}", p.label, p.audited, p.in_time)
            .replace(['\u{a0}', '\u{202f}'], " ");
        let plain_text = text.replace(['\u{a0}', '\u{202f}'], " ");
        assert!(plain_text.contains(&row), "{row}");
    }
    let current = results.trend.last().unwrap();
    assert_eq!(current.audited as usize, results.overall.decided());
    assert_eq!(current.in_time as usize, results.overall.in_time);

    let section = &text[text.find("2.2 Uppföljning av åtgärder").unwrap()..];
    for action in &audit.actions {
        assert!(
            section.contains(&format!("Åtgärd: {}", action.title)),
            "{section}"
        );
    }
    for words in [
        "Vad ska göras",
        "Genomförda åtgärder Brev skickades till alla berörda rektorer.",
        "Status Genomförd",
        "Status Pågår",
        "Status Planerad",
        "Inget rapporterat.",
    ] {
        assert!(section.contains(words), "{words}");
    }
    let english = report(&audit, &options(Lang::En, "2019-04-30 12:00")).body_text();
    assert!(english.contains("2.2 Follow-up of actions"));
    assert!(english.contains("Actions taken"));
    assert!(english.contains("Status In progress"));
    assert!(english.contains("Table 3. Share in time in this and earlier audits"));
}
