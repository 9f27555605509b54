//! The report checked as PDF/UA-1 and PDF/A-2 (the checker is in `common/pdf_ua.rs`, shared
//! with the feedback letters' tests), and its bytes reproducible.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers

mod common;

use chrono::Utc;
use common::documents::{example, fonts, options, unrelated_now};
use common::pdf_ua::{check_pdf_a, check_pdf_ua, dict, name, text};
use lopdf::Document;
use svarskoll::core::{Lang, Results};
use svarskoll::i18n::group_name;
use svarskoll::report::render_pdf;

#[test]
fn the_example_report_is_tagged_pdf_ua_and_pdf_a() {
    let audit = example();
    let results = Results::compute(
        &audit,
        svarskoll::core::rules::as_of(&audit, unrelated_now()),
    );
    for lang in [Lang::Sv, Lang::En] {
        let bytes = render_pdf(&audit, &options(&audit, lang, unrelated_now()), fonts()).unwrap();
        let (doc, tree) = check_pdf_ua(&bytes);
        check_pdf_a(&doc);
        // The document's skeleton: the title, the chapters, three data tables and the chart.
        let roles: Vec<&str> = tree.iter().map(|e| e.role.as_str()).collect();
        assert!(
            roles.iter().filter(|r| **r == "H1").count() >= 4,
            "{roles:?}"
        );
        assert!(roles.contains(&"H4"));
        assert!(roles.iter().filter(|r| **r == "Table").count() >= 3);
        for role in [
            "TOC", "TOCI", "Link", "L", "LI", "Lbl", "LBody", "Caption", "Note",
        ] {
            assert!(roles.contains(&role), "{role} in {lang:?}");
        }
        // The figure's alternate text says what the chart says: each platform and its share.
        let alt = tree
            .iter()
            .find(|e| e.role == "Figure")
            .and_then(|e| e.alt.clone())
            .unwrap();
        for group in &results.by_platform {
            let share = group.counts.in_time_share().unwrap();
            let percent = format!("{}\u{a0}%", (share * 100.0).round());
            let platform = group_name(&group.key, lang);
            assert!(
                alt.contains(&format!("{platform} {percent}")),
                "{platform} {percent} in {alt}"
            );
        }
    }
}

#[test]
fn the_same_audit_gives_the_same_bytes_whatever_the_clock() {
    let audit = example();
    let a = render_pdf(&audit, &options(&audit, Lang::Sv, unrelated_now()), fonts()).unwrap();
    let b = render_pdf(&audit, &options(&audit, Lang::Sv, Utc::now()), fonts()).unwrap();
    assert_eq!(a, b, "the clock reached the file");
    // The date is the audit's report date, on the cover and in the metadata.
    let doc = Document::load_mem(&a).unwrap();
    let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
    let date = audit.meta.report_date.unwrap().format("%Y%m%d").to_string();
    assert!(text(info.get(b"CreationDate").unwrap()).starts_with(&format!("D:{date}")));
    // Another audit gets another identifier.
    let mut other = audit.clone();
    other.meta.title.push_str(" (rev.)");
    let c = render_pdf(&other, &options(&other, Lang::Sv, unrelated_now()), fonts()).unwrap();
    let id = |bytes: &[u8]| {
        Document::load_mem(bytes)
            .unwrap()
            .trailer
            .get(b"ID")
            .unwrap()
            .clone()
    };
    assert_ne!(id(&a), id(&c));
}

#[test]
fn without_a_report_date_the_closing_time_then_the_given_time_dates_the_file() {
    let mut audit = example();
    audit.meta.report_date = None;
    let closed = audit.meta.closed_at;
    let bytes = render_pdf(&audit, &options(&audit, Lang::Sv, unrelated_now()), fonts()).unwrap();
    let doc = Document::load_mem(&bytes).unwrap();
    let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
    let created = text(info.get(b"CreationDate").unwrap());
    match closed {
        Some(t) => assert!(created.starts_with(&format!("D:{}", t.format("%Y%m%d%H%M")))),
        None => assert!(created.starts_with("D:20310203"), "{created}"),
    }
    audit.meta.closed_at = None;
    let bytes = render_pdf(&audit, &options(&audit, Lang::Sv, unrelated_now()), fonts()).unwrap();
    let doc = Document::load_mem(&bytes).unwrap();
    let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
    // 04:05 UTC is 05:05 in Stockholm in February.
    assert_eq!(
        text(info.get(b"CreationDate").unwrap()),
        "D:20310203050506+01'00'"
    );
}

/// A test picture: a gradient, so that it is not one flat colour.
fn gradient(width: u32, height: u32) -> std::sync::Arc<svarskoll::core::picture::Picture> {
    let mut rgb = Vec::with_capacity((width * height * 3) as usize);
    for y in 0..height {
        for x in 0..width {
            rgb.extend([(x * 255 / width) as u8, (y * 255 / height) as u8, 128]);
        }
    }
    std::sync::Arc::new(svarskoll::core::picture::Picture { width, height, rgb })
}

#[test]
fn the_evidence_appendix_has_each_screenshot_as_a_tagged_figure() {
    let mut audit = example();
    let now = unrelated_now();
    // Two screenshots on the first audited account's first question, one missing file on the
    // second account's.
    let audited: Vec<usize> = (0..audit.accounts.len())
        .filter(|&i| audit.is_audited(&audit.accounts[i]) && !audit.accounts[i].probes.is_empty())
        .take(2)
        .collect();
    audit.accounts[audited[0]].probes[0].evidence = vec!["fraga-1.png".into(), "svar-1.png".into()];
    audit.accounts[audited[1]].probes[0].evidence = vec!["borta.png".into()];
    let first = audit.accounts[audited[0]].name.clone();
    let mut pictures = svarskoll::report::EvidencePictures::new();
    pictures.insert("fraga-1.png".into(), Some(gradient(1200, 700)));
    pictures.insert("svar-1.png".into(), Some(gradient(300, 900)));
    pictures.insert("borta.png".into(), None);
    let mut opts = options(&audit, Lang::Sv, now);
    opts.evidence = Some(std::sync::Arc::new(pictures));

    let bytes = render_pdf(&audit, &opts, fonts()).unwrap();
    let (doc, tree) = check_pdf_ua(&bytes);
    check_pdf_a(&doc);
    // Two image XObjects of the pictures' sizes.
    let mut sizes: Vec<(i64, i64)> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").is_ok_and(|t| name(t) == "Image"))
        .map(|s| {
            (
                s.dict.get(b"Width").unwrap().as_i64().unwrap(),
                s.dict.get(b"Height").unwrap().as_i64().unwrap(),
            )
        })
        .collect();
    sizes.sort_unstable();
    assert_eq!(sizes, vec![(300, 900), (1200, 700)]);
    // Each is a figure whose alternate text names the account, with a caption inside it.
    let figures: Vec<usize> = (0..tree.len())
        .filter(|&i| {
            tree[i].role == "Figure"
                && tree[i]
                    .alt
                    .as_deref()
                    .is_some_and(|a| a.starts_with("Skärmbild"))
        })
        .collect();
    assert_eq!(figures.len(), 2);
    for &f in &figures {
        assert!(tree[f].alt.as_deref().unwrap().contains(&first));
        assert!(
            tree.iter()
                .any(|e| e.role == "Caption" && e.parent == Some(f))
        );
    }
    // The text: the appendix heading, the warning, the captions, the unreadable file.
    let text = {
        let mut all = String::new();
        for page in doc.get_pages().keys() {
            all.push_str(&doc.extract_text(&[*page]).unwrap_or_default());
        }
        all.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    assert!(text.contains("Bilaga. Skärmbilder"), "{text}");
    assert!(text.contains("inte avsedda för publicering"));
    assert!(text.contains(&format!("Bild 1. {first}, ")));
    assert!(text.contains("Bild 2."));
    assert!(text.contains("Skärmbilden borta.png kunde inte läsas."));
    // Without the option there is no appendix and no image.
    let plain = render_pdf(&audit, &options(&audit, Lang::Sv, now), fonts()).unwrap();
    let doc = Document::load_mem(&plain).unwrap();
    assert!(!doc.objects.values().any(|o| {
        o.as_stream()
            .is_ok_and(|s| s.dict.get(b"Subtype").is_ok_and(|t| name(t) == "Image"))
    }));

    // The Word document has both pictures with their alternate text and captions.
    let docx = svarskoll::report::render_docx(&audit, &opts, fonts()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    // The chart is picture 1, the screenshots 2 and 3.
    assert!(zip.by_name("word/media/picture3.png").is_ok());
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert_eq!(xml.matches("descr=\"Skärmbild av testfrågan").count(), 4); // docPr + cNvPr
    assert!(xml.contains(&format!("Bild 1. {first}, ")));
}
