//! The package around the document: content types, relationships, the running header and the
//! page-number footer, and the document properties (title, author, language, dates).

use super::body::picture_rel;
use super::styles::{R_NS, W_NS};
use super::xml::{DECLARATION, escape, push_escaped, push_field, push_run};
use super::{FOOTER_REL, FOOTNOTES_REL, HEADER_REL, NUMBERING_REL, SETTINGS_REL, STYLES_REL};
use crate::report::model::DocInfo;
use chrono::SecondsFormat;
use std::fmt::Write as _;

const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";
const RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// `[Content_Types].xml`: what each part is.
#[must_use]
pub fn content_types(pictures: usize) -> String {
    let mut out = format!(
        "{DECLARATION}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    );
    if pictures > 0 {
        out.push_str("<Default Extension=\"png\" ContentType=\"image/png\"/>");
    }
    for (part, kind) in [
        ("/word/document.xml", "document.main"),
        ("/word/styles.xml", "styles"),
        ("/word/numbering.xml", "numbering"),
        ("/word/settings.xml", "settings"),
        ("/word/footnotes.xml", "footnotes"),
        ("/word/header1.xml", "header"),
        ("/word/footer1.xml", "footer"),
    ] {
        let _ = write!(
            out,
            "<Override PartName=\"{part}\" ContentType=\"{WML}.{kind}+xml\"/>"
        );
    }
    out.push_str(
        "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/><Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>",
    );
    out
}

/// `_rels/.rels`: the document and its properties.
#[must_use]
pub fn root_rels() -> String {
    format!(
        "{DECLARATION}<Relationships xmlns=\"{PACKAGE_RELS}\"><Relationship Id=\"rId1\" Type=\"{RELS}/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"{PACKAGE_RELS}/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"{RELS}/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>"
    )
}

/// `word/_rels/document.xml.rels`: the parts the document uses, and its chart pictures.
#[must_use]
pub fn document_rels(pictures: usize) -> String {
    let mut out = format!("{DECLARATION}<Relationships xmlns=\"{PACKAGE_RELS}\">");
    for (id, kind, target) in [
        (STYLES_REL, "styles", "styles.xml"),
        (NUMBERING_REL, "numbering", "numbering.xml"),
        (SETTINGS_REL, "settings", "settings.xml"),
        (FOOTNOTES_REL, "footnotes", "footnotes.xml"),
        (HEADER_REL, "header", "header1.xml"),
        (FOOTER_REL, "footer", "footer1.xml"),
    ] {
        let _ = write!(
            out,
            "<Relationship Id=\"{id}\" Type=\"{RELS}/{kind}\" Target=\"{target}\"/>"
        );
    }
    for n in 1..=pictures {
        let _ = write!(
            out,
            "<Relationship Id=\"{}\" Type=\"{RELS}/image\" Target=\"media/picture{n}.png\"/>",
            picture_rel(n)
        );
    }
    out.push_str("</Relationships>");
    out
}

/// `word/header1.xml`: the running header, left and right text (organisation and title).
#[must_use]
pub fn header_xml(header: &(String, String)) -> String {
    let mut out = format!(
        "{DECLARATION}<w:hdr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>"
    );
    push_run(&mut out, "", &header.0);
    out.push_str("<w:r><w:tab/></w:r>");
    push_run(&mut out, "", &header.1);
    out.push_str("</w:p></w:hdr>");
    out
}

/// `word/footer1.xml`: the page number as Swedish documents write it, "3 (12)", centred.
#[must_use]
pub fn footer_xml() -> String {
    let mut out = format!(
        "{DECLARATION}<w:ftr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>"
    );
    push_field(&mut out, "", "PAGE", "1");
    push_run(&mut out, "", " (");
    push_field(&mut out, "", "NUMPAGES", "1");
    push_run(&mut out, "", ")");
    out.push_str("</w:p></w:ftr>");
    out
}

/// `docProps/core.xml`: title, author, subject, keywords, language, and the creation date from
/// the document (never the clock) as W3CDTF in UTC.
#[must_use]
pub fn core_xml(info: &DocInfo) -> String {
    let when = info
        .created
        .to_utc()
        .to_rfc3339_opts(SecondsFormat::Secs, true);
    let mut out = format!(
        "{DECLARATION}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
    );
    for (tag, value) in [
        ("dc:title", info.title.as_str()),
        ("dc:subject", info.subject.as_str()),
        ("dc:creator", info.author.as_str()),
    ] {
        let _ = write!(out, "<{tag}>");
        push_escaped(&mut out, value);
        let _ = write!(out, "</{tag}>");
    }
    let _ = write!(
        out,
        "<cp:keywords>{}</cp:keywords><cp:lastModifiedBy>{}</cp:lastModifiedBy><dc:language>{}</dc:language>",
        escape(&info.keywords.join(", ")),
        escape(&info.author),
        escape(&info.lang)
    );
    let _ = write!(
        out,
        "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified></cp:coreProperties>"
    );
    out
}

/// `docProps/app.xml`: the program that wrote it.
#[must_use]
pub fn app_xml() -> String {
    format!(
        "{DECLARATION}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>Svarskoll {}</Application><DocSecurity>0</DocSecurity></Properties>",
        env!("CARGO_PKG_VERSION")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn core_properties_take_the_documents_date_in_utc() {
        let info = DocInfo {
            title: "Uppföljning & kontroll".to_owned(),
            author: "Serviceförvaltningen, Malmö stad".to_owned(),
            subject: "Granskning".to_owned(),
            keywords: vec!["a".to_owned(), "b".to_owned()],
            lang: "sv-SE".to_owned(),
            created: DateTime::parse_from_rfc3339("2019-05-20T10:00:00+02:00").unwrap(),
        };
        let xml = core_xml(&info);
        assert!(xml.contains("<dc:title>Uppföljning &amp; kontroll</dc:title>"));
        assert!(xml.contains(
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2019-05-20T08:00:00Z</dcterms:created>"
        ));
        assert!(xml.contains("<cp:keywords>a, b</cp:keywords>"));
    }

    #[test]
    fn the_footer_counts_pages() {
        let xml = footer_xml();
        assert!(xml.contains(" PAGE </w:instrText>"));
        assert!(xml.contains(" NUMPAGES </w:instrText>"));
    }
}
