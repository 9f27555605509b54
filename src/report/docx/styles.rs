//! The Word document's style sheet (`word/styles.xml`), list numbering (`word/numbering.xml`)
//! and settings (`word/settings.xml`), and the page geometry they share with the body.
//!
//! Only Word's built-in styles are used, under their built-in ids and names (Title, heading 1–5,
//! caption, List Bullet, toc 1–4, TOC Heading, footnote text/reference, header, footer), so a
//! committee's own template restyles the document when it is attached; two table-text styles are
//! the only additions. The fonts are Word's own Cambria (text) and Calibri (headings, tables):
//! the PDF's serif-and-sans pairing in faces every Word installation has.

use super::xml::{DECLARATION, escape};
use std::fmt::Write as _;

pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Twentieths of a point per millimetre.
const TWIPS_PER_MM: f32 = 1440.0 / 25.4;

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
const fn mm(v: f32) -> u32 {
    (v * TWIPS_PER_MM + 0.5) as u32
}

/// A4 portrait, in twips, with the PDF's margins.
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
pub const MARGIN_LEFT: u32 = mm(28.0);
pub const MARGIN_RIGHT: u32 = mm(24.0);
pub const MARGIN_TOP: u32 = mm(27.0);
pub const MARGIN_BOTTOM: u32 = mm(24.0);
pub const HEADER_DISTANCE: u32 = mm(13.0);
pub const FOOTER_DISTANCE: u32 = mm(10.0);
/// The width of the text block in twips.
pub const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

pub const BODY_FONT: &str = "Cambria";
pub const SANS_FONT: &str = "Calibri";

/// Colours (hex RGB), as the PDF's style sheet.
pub const ACCENT: &str = "143D6B";
pub const INK: &str = "1F1F1F";
pub const GREY: &str = "6B6B6B";
pub const RULE: &str = "B8B8B8";
pub const HEADER_FILL: &str = "DEE6F0";
pub const STRIPE_FILL: &str = "F5F7FA";

/// Table text sizes in half-points: 9 pt, and 7.5 pt for long listings.
pub const TABLE_SIZE: u32 = 18;
pub const COMPACT_TABLE_SIZE: u32 = 15;

fn fonts(face: &str) -> String {
    format!(
        "<w:rFonts w:ascii=\"{face}\" w:hAnsi=\"{face}\" w:eastAsia=\"{face}\" w:cs=\"{face}\"/>"
    )
}

/// One style. `ppr` and `rpr` are the inner XML of its paragraph and run properties.
struct StyleDef<'a> {
    kind: &'a str,
    /// The default style of its kind (Normal, Default Paragraph Font).
    default: bool,
    id: &'a str,
    name: &'a str,
    based_on: Option<&'a str>,
    next: Option<&'a str>,
    /// Shown in the style gallery.
    quick: bool,
    priority: Option<u32>,
    ppr: String,
    rpr: String,
}

impl StyleDef<'_> {
    fn write(&self, out: &mut String, lang: &str) {
        let default = if self.default { " w:default=\"1\"" } else { "" };
        let _ = write!(
            out,
            "<w:style w:type=\"{}\"{default} w:styleId=\"{}\"><w:name w:val=\"{}\"/>",
            self.kind, self.id, self.name
        );
        if let Some(b) = self.based_on {
            let _ = write!(out, "<w:basedOn w:val=\"{b}\"/>");
        }
        if let Some(n) = self.next {
            let _ = write!(out, "<w:next w:val=\"{n}\"/>");
        }
        if let Some(p) = self.priority {
            let _ = write!(out, "<w:uiPriority w:val=\"{p}\"/>");
        }
        if self.quick {
            out.push_str("<w:qFormat/>");
        }
        if !self.ppr.is_empty() {
            let _ = write!(out, "<w:pPr>{}</w:pPr>", self.ppr);
        }
        // Every paragraph and character style names the language, so text keeps it even when a
        // template replaces the document defaults.
        let _ = write!(out, "<w:rPr>{}<w:lang w:val=\"{lang}\"/></w:rPr>", self.rpr);
        out.push_str("</w:style>");
    }
}

fn paragraph<'a>(id: &'a str, name: &'a str, ppr: String, rpr: String) -> StyleDef<'a> {
    StyleDef {
        kind: "paragraph",
        default: false,
        id,
        name,
        based_on: Some("Normal"),
        next: Some("Normal"),
        quick: false,
        priority: None,
        ppr,
        rpr,
    }
}

/// Heading sizes (half-points) and spacing before/after (twips) of levels 1–5.
const HEADINGS: [(u32, u32, u32); 5] = [
    (34, 0, 240),
    (28, 320, 160),
    (24, 280, 120),
    (22, 240, 80),
    (21, 160, 40),
];

/// `word/styles.xml` for a document in `lang` ("sv-SE", "en-GB").
#[must_use]
pub fn styles_xml(lang: &str) -> String {
    let lang = escape(lang);
    let sans = fonts(SANS_FONT);
    let mut styles = vec![
        StyleDef {
            default: true,
            quick: true,
            based_on: None,
            next: None,
            ..paragraph("Normal", "Normal", String::new(), String::new())
        },
        StyleDef {
            kind: "character",
            default: true,
            priority: Some(1),
            based_on: None,
            next: None,
            ..paragraph(
                "DefaultParagraphFont",
                "Default Paragraph Font",
                String::new(),
                String::new(),
            )
        },
        StyleDef {
            quick: true,
            priority: Some(10),
            ..paragraph(
                "Title",
                "Title",
                "<w:spacing w:before=\"0\" w:after=\"160\" w:line=\"240\" w:lineRule=\"auto\"/>"
                    .to_owned(),
                format!(
                    "{sans}<w:b/><w:color w:val=\"{ACCENT}\"/><w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/>"
                ),
            )
        },
        StyleDef {
            quick: true,
            priority: Some(11),
            ..paragraph(
                "Subtitle",
                "Subtitle",
                "<w:spacing w:after=\"160\"/>".to_owned(),
                format!(
                    "{sans}<w:color w:val=\"{INK}\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"
                ),
            )
        },
    ];
    let heading_ids = ["Heading1", "Heading2", "Heading3", "Heading4", "Heading5"];
    let heading_names = [
        "heading 1",
        "heading 2",
        "heading 3",
        "heading 4",
        "heading 5",
    ];
    for (level, (size, before, after)) in HEADINGS.iter().enumerate() {
        // Chapters start a page, as in the PDF; the deepest level is set in the text colour.
        let page = if level == 0 {
            "<w:pageBreakBefore/>"
        } else {
            ""
        };
        let color = if level == 4 { INK } else { ACCENT };
        styles.push(StyleDef {
            quick: true,
            priority: Some(9),
            ..paragraph(
                heading_ids[level],
                heading_names[level],
                format!(
                    "<w:keepNext/><w:keepLines/>{page}<w:spacing w:before=\"{before}\" w:after=\"{after}\"/><w:outlineLvl w:val=\"{level}\"/>"
                ),
                format!(
                    "{sans}<w:b/><w:bCs/><w:color w:val=\"{color}\"/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>"
                ),
            )
        });
    }
    styles.push(StyleDef {
        quick: true,
        priority: Some(35),
        ..paragraph(
            "Caption",
            "caption",
            "<w:keepNext/><w:spacing w:before=\"160\" w:after=\"80\"/>".to_owned(),
            format!("{sans}<w:b/><w:color w:val=\"{ACCENT}\"/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>"),
        )
    });
    styles.push(paragraph(
        "ListBullet",
        "List Bullet",
        "<w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"40\"/>".to_owned(),
        String::new(),
    ));
    styles.push(StyleDef {
        based_on: Some("Heading1"),
        priority: Some(39),
        ..paragraph(
            "TOCHeading",
            "TOC Heading",
            "<w:outlineLvl w:val=\"9\"/>".to_owned(),
            String::new(),
        )
    });
    for (level, (id, name)) in [
        ("TOC1", "toc 1"),
        ("TOC2", "toc 2"),
        ("TOC3", "toc 3"),
        ("TOC4", "toc 4"),
    ]
    .into_iter()
    .enumerate()
    {
        let bold = if level == 0 { "<w:b/>" } else { "" };
        let before = if level == 0 { 100 } else { 0 };
        styles.push(StyleDef {
            priority: Some(39),
            ..paragraph(
                id,
                name,
                format!(
                    "<w:spacing w:before=\"{before}\" w:after=\"40\"/><w:ind w:left=\"{}\"/>",
                    level * 280
                ),
                format!("{sans}{bold}"),
            )
        });
    }
    styles.push(paragraph(
        "FootnoteText",
        "footnote text",
        "<w:spacing w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/>".to_owned(),
        "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>".to_owned(),
    ));
    styles.push(StyleDef {
        kind: "character",
        based_on: Some("DefaultParagraphFont"),
        next: None,
        ..paragraph(
            "FootnoteReference",
            "footnote reference",
            String::new(),
            "<w:vertAlign w:val=\"superscript\"/>".to_owned(),
        )
    });
    let header_rule = format!(
        "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"{RULE}\"/></w:pBdr>"
    );
    styles.push(paragraph(
        "Header",
        "header",
        format!(
            "{header_rule}<w:tabs><w:tab w:val=\"right\" w:pos=\"{TEXT_WIDTH}\"/></w:tabs><w:spacing w:after=\"0\"/>"
        ),
        format!("{sans}<w:color w:val=\"{GREY}\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>"),
    ));
    styles.push(paragraph(
        "Footer",
        "footer",
        "<w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/>".to_owned(),
        format!("{sans}<w:color w:val=\"{GREY}\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>"),
    ));
    styles.push(paragraph(
        "TableText",
        "Table Text",
        "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>".to_owned(),
        format!("{sans}<w:sz w:val=\"{TABLE_SIZE}\"/><w:szCs w:val=\"{TABLE_SIZE}\"/>"),
    ));
    styles.push(StyleDef {
        based_on: Some("TableText"),
        ..paragraph(
            "TableTextSmall",
            "Table Text Small",
            String::new(),
            format!(
                "<w:sz w:val=\"{COMPACT_TABLE_SIZE}\"/><w:szCs w:val=\"{COMPACT_TABLE_SIZE}\"/>"
            ),
        )
    });

    let mut out = String::with_capacity(12_000);
    out.push_str(DECLARATION);
    let _ = write!(
        out,
        "<w:styles xmlns:w=\"{W_NS}\"><w:docDefaults><w:rPrDefault><w:rPr>{}<w:color w:val=\"{INK}\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"{lang}\" w:eastAsia=\"{lang}\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"140\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>",
        fonts(BODY_FONT)
    );
    for style in &styles {
        style.write(&mut out, &lang);
    }
    // The defaults Word expects for tables and lists.
    out.push_str(
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
         <w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>",
    );
    out.push_str("</w:styles>");
    out
}

/// `word/numbering.xml`: the bullet of List Bullet.
#[must_use]
pub fn numbering_xml() -> String {
    format!(
        "{DECLARATION}<w:numbering xmlns:w=\"{W_NS}\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:pStyle w:val=\"ListBullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"340\" w:hanging=\"280\"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    )
}

/// `word/settings.xml`: fields (the table of contents) updated when Word opens the document,
/// the separator footnotes, and the language's decimal mark.
#[must_use]
pub fn settings_xml(lang: &str) -> String {
    let english = lang.starts_with("en");
    let (decimal, list) = if english { (".", ",") } else { (",", ";") };
    format!(
        "{DECLARATION}<w:settings xmlns:w=\"{W_NS}\"><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"709\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:updateFields w:val=\"true\"/><w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"{}\"/><w:decimalSymbol w:val=\"{decimal}\"/><w:listSeparator w:val=\"{list}\"/></w:settings>",
        escape(lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_block_is_the_pdfs() {
        assert_eq!(MARGIN_LEFT, 1587);
        assert_eq!(TEXT_WIDTH, 8958);
    }

    #[test]
    fn styles_name_the_language_and_the_builtin_styles() {
        let xml = styles_xml("en-GB");
        assert!(xml.contains("<w:lang w:val=\"en-GB\" w:eastAsia=\"en-GB\""));
        for name in [
            "heading 1",
            "heading 5",
            "Title",
            "caption",
            "List Bullet",
            "toc 3",
        ] {
            assert!(
                xml.contains(&format!("<w:name w:val=\"{name}\"/>")),
                "{name}"
            );
        }
        assert!(xml.contains("w:default=\"1\" w:styleId=\"Normal\""));
        assert_eq!(
            xml.matches("<w:style ").count(),
            xml.matches("</w:style>").count()
        );
    }
}
