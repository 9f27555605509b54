//! The report as an editable Word document (DOCX): the same document model as the PDF, written
//! as Office Open XML in Word's built-in styles.
//!
//! The parts are written by hand, not with `docx-rs`. `docx-rs` 0.4 writes most of a document
//! but not what this report needs most: table header rows repeated on each page
//! (`w:tblHeader`), a picture's alternative text (`descr` on `wp:docPr`) and the language on
//! the styles (`w:lang`); and its zip entries carry the clock's time. Patching its output would
//! mean unzipping, rewriting XML with string surgery and zipping again, for a dependency that
//! would then write only the easy half. The package is a dozen small, fixed parts; written here,
//! every byte is decided by the model, and the `zip` crate (already built for the XLSX export)
//! packs them.
//!
//! Reproducible: the same document gives the same bytes. Every date comes from
//! `DocInfo::created` (the metadata; the cover's date is already in the model), the entries are
//! always written in the same order with the same options, and every entry's timestamp is
//! `DocInfo::created` as local time (its own offset), or 1980-01-01 00:00 (the zip format's
//! first day) if that lies outside the years a zip time can hold (1980–2107).
//!
//! Parts: [`body`] (`document.xml`, footnotes), [`table`], [`chart`] (the chart picture and its
//! alt text, drawn by [`raster`]), [`styles`] (styles, numbering, settings), [`package`]
//! (content types, relationships, header, footer, document properties).

pub mod body;
pub mod chart;
pub mod package;
pub mod raster;
pub mod styles;
pub mod table;
pub mod xml;

use super::ReportError;
use super::fonts::Fonts;
use super::model::{Block, Document};
use chrono::{Datelike, Timelike};
use std::io::{Cursor, Write as _};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

/// Relationship ids in `word/_rels/document.xml.rels`.
pub const STYLES_REL: &str = "rIdStyles";
pub const NUMBERING_REL: &str = "rIdNumbering";
pub const SETTINGS_REL: &str = "rIdSettings";
pub const FOOTNOTES_REL: &str = "rIdFootnotes";
pub const HEADER_REL: &str = "rIdHeader1";
pub const FOOTER_REL: &str = "rIdFooter1";

/// The zip entries' timestamp: `created` as its local time, else the zip epoch.
fn zip_time(created: &chrono::DateTime<chrono::FixedOffset>) -> DateTime {
    let local = created.naive_local();
    let part = |v: u32| u8::try_from(v).unwrap_or(0);
    u16::try_from(local.year())
        .ok()
        .and_then(|year| {
            DateTime::from_date_and_time(
                year,
                part(local.month()),
                part(local.day()),
                part(local.hour()),
                part(local.minute()),
                part(local.second()),
            )
            .ok()
        })
        .unwrap_or_default()
}

/// Write `document` as DOCX bytes.
///
/// # Errors
/// When a bundled font cannot be read or the package cannot be assembled (both mean a broken
/// build, not a bad audit).
pub fn write(document: &Document, fonts: &Fonts) -> Result<Vec<u8>, ReportError> {
    #[allow(clippy::cast_precision_loss)]
    let width = styles::TEXT_WIDTH as f32 / 20.0;
    let pictures = document
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::BarChart(c) => Some(chart::picture(c, width, fonts)),
            // A screenshot at most half a page high, so that its caption stays with it.
            Block::Figure(f) if f.picture.is_consistent() => {
                Some(chart::screenshot(f, width, width * 0.9))
            }
            _ => None,
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(ReportError::Render)?;
    let body = body::document_xml(document, &pictures, fonts);
    let info = &document.info;

    // In this order, always: the content types first, as readers that stream the zip expect.
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".to_owned(),
            package::content_types(pictures.len()).into_bytes(),
        ),
        ("_rels/.rels".to_owned(), package::root_rels().into_bytes()),
        (
            "docProps/core.xml".to_owned(),
            package::core_xml(info).into_bytes(),
        ),
        (
            "docProps/app.xml".to_owned(),
            package::app_xml().into_bytes(),
        ),
        ("word/document.xml".to_owned(), body.xml.into_bytes()),
        (
            "word/styles.xml".to_owned(),
            styles::styles_xml(&info.lang).into_bytes(),
        ),
        (
            "word/numbering.xml".to_owned(),
            styles::numbering_xml().into_bytes(),
        ),
        (
            "word/settings.xml".to_owned(),
            styles::settings_xml(&info.lang).into_bytes(),
        ),
        (
            "word/footnotes.xml".to_owned(),
            body::footnotes_xml(&body.footnotes).into_bytes(),
        ),
        (
            "word/header1.xml".to_owned(),
            package::header_xml(&document.header).into_bytes(),
        ),
        (
            "word/footer1.xml".to_owned(),
            package::footer_xml().into_bytes(),
        ),
        (
            "word/_rels/document.xml.rels".to_owned(),
            package::document_rels(pictures.len()).into_bytes(),
        ),
    ];
    for (i, picture) in pictures.into_iter().enumerate() {
        parts.push((format!("word/media/picture{}.png", i + 1), picture.png));
    }
    zip_parts(&parts, zip_time(&info.created)).map_err(ReportError::Render)
}

/// Pack `parts` in their order, each with the same fixed options and `time`.
fn zip_parts(parts: &[(String, Vec<u8>)], time: DateTime) -> Result<Vec<u8>, String> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let base = SimpleFileOptions::default()
        .last_modified_time(time)
        .system(System::Unix)
        .unix_permissions(0o644);
    for (name, bytes) in parts {
        // A PNG is compressed already.
        let options = if name.ends_with(".png") {
            base.compression_method(CompressionMethod::Stored)
        } else {
            base.compression_method(CompressionMethod::Deflated)
                .compression_level(Some(6))
        };
        zip.start_file(name.as_str(), options)
            .map_err(|e| format!("{name}: {e}"))?;
        zip.write_all(bytes).map_err(|e| format!("{name}: {e}"))?;
    }
    let cursor = zip.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime as Chrono;

    #[test]
    fn entries_carry_the_documents_local_time_or_the_zip_epoch() {
        let created = Chrono::parse_from_rfc3339("2019-05-20T10:00:07+02:00").unwrap();
        let time = zip_time(&created);
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
        let ancient = Chrono::parse_from_rfc3339("1970-01-01T00:00:00+00:00").unwrap();
        assert_eq!(zip_time(&ancient), DateTime::default());
    }

    #[test]
    fn packing_is_reproducible_and_ordered() {
        let parts = vec![
            ("b.xml".to_owned(), b"<b/>".to_vec()),
            ("a.png".to_owned(), vec![1, 2, 3]),
        ];
        let one = zip_parts(&parts, DateTime::default()).unwrap();
        assert_eq!(one, zip_parts(&parts, DateTime::default()).unwrap());
        let mut archive = zip::ZipArchive::new(Cursor::new(one)).unwrap();
        let names: Vec<String> = (0..archive.len())
            .map(|i| archive.by_index(i).unwrap().name().unwrap().into_owned())
            .collect();
        assert_eq!(names, ["b.xml", "a.png"]);
    }
}
