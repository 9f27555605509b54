//! Writing XML text: escaping, and dropping the characters XML 1.0 does not allow.
//!
//! Everything written into a part goes through [`escape`]: unit names, account names and the
//! auditor's texts come from users and may hold `&`, `<`, quotes or control characters, and one
//! unescaped `<` (or a stray U+0001) makes Word refuse the whole file.

use std::fmt::Write as _;

/// Whether XML 1.0 allows `c` in a document (§2.2 Char).
fn allowed(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// `text` escaped for element content and attribute values alike (`&`, `<`, `>`, both quotes).
/// Characters XML forbids are dropped; tabs and line breaks become spaces (a run's text is one
/// line; paragraphs and breaks are elements of their own).
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut out, text);
    out
}

/// [`escape`] onto the end of `out`.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

/// The declaration every part starts with.
pub const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// A run of text (`w:r`) with run properties `rpr` (already XML, may be empty).
pub fn push_run(out: &mut String, rpr: &str, text: &str) {
    out.push_str("<w:r>");
    if !rpr.is_empty() {
        let _ = write!(out, "<w:rPr>{rpr}</w:rPr>");
    }
    out.push_str("<w:t xml:space=\"preserve\">");
    push_escaped(out, text);
    out.push_str("</w:t></w:r>");
}

/// A complex field (`PAGE`, `NUMPAGES`, …) with the result shown until it is updated.
pub fn push_field(out: &mut String, rpr: &str, instruction: &str, shown: &str) {
    let props = if rpr.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{rpr}</w:rPr>")
    };
    let _ = write!(
        out,
        "<w:r>{props}<w:fldChar w:fldCharType=\"begin\"/></w:r>\
         <w:r>{props}<w:instrText xml:space=\"preserve\"> {} </w:instrText></w:r>\
         <w:r>{props}<w:fldChar w:fldCharType=\"separate\"/></w:r>",
        escape(instruction)
    );
    push_run(out, rpr, shown);
    let _ = write!(out, "<w:r>{props}<w:fldChar w:fldCharType=\"end\"/></w:r>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_characters_are_escaped_or_dropped() {
        assert_eq!(
            escape("Skola & <fritids> \"A\" 'B'"),
            "Skola &amp; &lt;fritids&gt; &quot;A&quot; &apos;B&apos;"
        );
        assert_eq!(escape("a\u{1}b\u{0}c\u{FFFF}d"), "abcd");
        assert_eq!(escape("rad\nett\tx"), "rad ett x");
        assert_eq!(escape("Malmö 😀"), "Malmö 😀");
    }

    #[test]
    fn a_run_preserves_spaces() {
        let mut out = String::new();
        push_run(&mut out, "<w:b/>", " 2 < 3 ");
        assert_eq!(
            out,
            "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\"> 2 &lt; 3 </w:t></w:r>"
        );
    }
}
