//! Text: greedy line wrapping with the real advance widths of the embedded fonts, shortening
//! with an ellipsis, superscript footnote marks and the baseline of a line.

use super::style::{ASCENT, TOLERANCE};
use crate::report::fonts::{Face, Fonts};

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
    /// The line broke at a space: drawn after the last piece, weightless, so that the text a
    /// screen reader (or copying) takes from the PDF keeps its words apart.
    pub space_after: bool,
}

impl TextLine {
    /// The line's text, for tests.
    #[must_use]
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    pub(super) fn push(&mut self, face: Face, text: &str, width: f32) {
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

/// Where a line may break.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Breaks {
    /// Running text: at spaces. A single word longer than the whole line (a pasted address) is
    /// broken as a last resort, after a hyphen or slash when it has one.
    Prose,
    /// Table cells: at spaces, after the hyphen of a compound ("Bygg-och…") and after a slash in
    /// an address, never inside a word. The table layout makes every column as wide as its
    /// widest word; only a word wider than the line by itself (which the table never asks for)
    /// would still be broken, so that nothing runs outside its cell.
    Words,
}

/// In a table cell a line may also break after `c`, between `prev` and `next`: after the hyphen
/// of a compound written without spaces ("e-post", "Stadsbyggnads-kontoret", not "2019-03-11")
/// and after a slash inside an address ("facebook.com/skolan", not "https://" or "1/2").
fn is_word_break_after(prev: Option<char>, c: char, next: Option<char>) -> bool {
    let (Some(prev), Some(next)) = (prev, next) else {
        return false;
    };
    match c {
        '-' | '\u{2010}' => prev.is_alphabetic() && next.is_alphabetic(),
        '/' => next != '/' && !(prev.is_ascii_digit() && next.is_ascii_digit()),
        _ => false,
    }
}

/// Split styled text into the pieces a line may break between: words (after a space) and, for
/// [`Breaks::Words`], the parts of a compound after its hyphen or slash (no space before them).
fn words(fonts: &Fonts, spans: &[(Face, &str)], size: f32, breaks: Breaks) -> Vec<Word> {
    // Most words are short: room for them from the start saves growing each one.
    let next_word = || Word {
        chars: Vec::with_capacity(16),
        ..Word::default()
    };
    let mut words: Vec<Word> = Vec::new();
    let mut current = next_word();
    for (face, raw) in spans {
        let spaced = if raw.contains(['\n', '\r']) {
            std::borrow::Cow::Owned(raw.replace(['\n', '\r'], " "))
        } else {
            std::borrow::Cow::Borrowed(*raw)
        };
        let text = fonts.clean(*face, &spaced);
        for (i, part) in text.split(' ').enumerate() {
            if i > 0 {
                if !current.chars.is_empty() {
                    words.push(std::mem::replace(&mut current, next_word()));
                }
                if current.space.is_none() {
                    current.space = Some((*face, fonts.char_width(*face, ' ', size)));
                }
            }
            let mut prev = None;
            let mut chars = part.chars().peekable();
            while let Some(c) = chars.next() {
                let w = fonts.char_width(*face, c, size);
                current.chars.push((*face, c, w));
                current.width += w;
                if breaks == Breaks::Words && is_word_break_after(prev, c, chars.peek().copied()) {
                    words.push(std::mem::replace(&mut current, next_word()));
                }
                prev = Some(c);
            }
        }
    }
    if !current.chars.is_empty() {
        words.push(current);
    }
    words
}

/// Wrap styled text greedily into lines no wider than `max_width`, measuring every glyph with
/// the embedded font's advance widths. Spaces are break opportunities (a no-break space is not);
/// a word longer than a line is broken, after a hyphen or slash when it has one.
#[must_use]
pub fn wrap(fonts: &Fonts, spans: &[(Face, &str)], size: f32, max_width: f32) -> Vec<TextLine> {
    wrap_with(fonts, spans, size, max_width, Breaks::Prose)
}

/// Wrap a table cell: like [`wrap`], but lines break only between words ([`Breaks::Words`]).
#[must_use]
pub fn wrap_words(
    fonts: &Fonts,
    spans: &[(Face, &str)],
    size: f32,
    max_width: f32,
) -> Vec<TextLine> {
    wrap_with(fonts, spans, size, max_width, Breaks::Words)
}

/// The width of `text` on one line and the width of its widest piece that
/// [`Breaks::Words`] never breaks: the narrowest a table column holding it can be.
#[must_use]
pub fn measure_words(fonts: &Fonts, face: Face, text: &str, size: f32) -> (f32, f32) {
    let mut line = 0.0f32;
    let mut widest = 0.0f32;
    for (i, word) in words(fonts, &[(face, text)], size, Breaks::Words)
        .iter()
        .enumerate()
    {
        if i > 0 {
            line += word.space.map_or(0.0, |(_, w)| w);
        }
        line += word.width;
        widest = widest.max(word.width);
    }
    (line, widest)
}

fn wrap_with(
    fonts: &Fonts,
    spans: &[(Face, &str)],
    size: f32,
    max_width: f32,
    breaks: Breaks,
) -> Vec<TextLine> {
    let words = words(fonts, spans, size, breaks);
    let mut lines = Vec::new();
    let mut line = TextLine::default();
    for word in words {
        let space_width = word.space.map_or(0.0, |(_, w)| w);
        if !line.pieces.is_empty() && line.width + space_width + word.width <= max_width + TOLERANCE
        {
            if let Some((face, w)) = word.space {
                line.push(face, " ", w);
            }
            push_chars(&mut line, &word.chars);
            continue;
        }
        if !line.pieces.is_empty() {
            line.space_after = word.space.is_some();
            lines.push(std::mem::take(&mut line));
        }
        if word.width <= max_width + TOLERANCE {
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

/// The baseline of a line whose box starts at `top`.
pub(super) fn baseline(top: f32, size: f32, leading: f32) -> f32 {
    top + (leading - size) / 2.0 + size * ASCENT
}

/// The number of lines, for multiplying with a leading.
pub(super) fn line_count(lines: &[TextLine]) -> f32 {
    #[allow(clippy::cast_precision_loss)]
    let n = lines.len() as f32;
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::load().unwrap()
    }

    #[test]
    fn wraps_greedily_within_the_width() {
        let f = &fonts();
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
        let f = &fonts();
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
    fn table_cells_break_only_between_words() {
        let f = &fonts();
        let texts = |lines: &[TextLine]| lines.iter().map(TextLine::text).collect::<Vec<_>>();
        // Narrower than its long word: the word still stays whole (the table layout never asks
        // for this; wrap_words only breaks a word wider than the line by itself).
        let cell = "Kommunikationsavdelningen på Stadsledningskontoret";
        let word = f.width(Face::Sans, "Kommunikationsavdelningen", 9.0);
        let lines = wrap_words(f, &[(Face::Sans, cell)], 9.0, word + 0.5);
        assert_eq!(
            texts(&lines),
            ["Kommunikationsavdelningen", "på Stadsledningskontoret"]
        );
        // A compound may break after its hyphen, an address after a slash; dates and number
        // ranges never.
        let lines = wrap_words(
            f,
            &[(Face::Sans, "Stadsbyggnads-kontoret")],
            9.0,
            f.width(Face::Sans, "Stadsbyggnads-", 9.0) + 1.0,
        );
        assert_eq!(texts(&lines), ["Stadsbyggnads-", "kontoret"]);
        let lines = wrap_words(f, &[(Face::Sans, "facebook.com/ekbackeskolan")], 9.0, 80.0);
        assert_eq!(texts(&lines), ["facebook.com/", "ekbackeskolan"]);
        let (line, widest) = measure_words(f, Face::Sans, "2019-03-11 14:30", 9.0);
        assert!((widest - f.width(Face::Sans, "2019-03-11", 9.0)).abs() < 1e-3);
        assert!((line - f.width(Face::Sans, "2019-03-11 14:30", 9.0)).abs() < 1e-3);
        let (_, widest) = measure_words(
            f,
            Face::Sans,
            "Arbetsmarknads- och socialförvaltningen",
            9.0,
        );
        assert!((widest - f.width(Face::Sans, "socialförvaltningen", 9.0)).abs() < 1e-3);
        // Given the width of its widest word, no cell word is ever split.
        for cell in [
            "Arbetsmarknads- och socialförvaltningen",
            "Stadsbyggnadskontorets bygglovsavdelning",
            "20,7–100,0\u{a0}%",
            "I tid",
        ] {
            let (_, widest) = measure_words(f, Face::SansBold, cell, 7.5);
            let lines = wrap_words(f, &[(Face::SansBold, cell)], 7.5, widest);
            let words: Vec<String> = lines
                .iter()
                .flat_map(|l| l.text().split(' ').map(str::to_owned).collect::<Vec<_>>())
                .collect();
            assert_eq!(words.join(" "), cell, "{lines:?}");
            assert!(lines.iter().all(|l| l.width <= widest + 0.01));
        }
    }

    #[test]
    fn prose_breaks_only_a_word_wider_than_the_line() {
        let f = &fonts();
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
        let lines = wrap(&fonts(), &[(Face::Sans, "Fritids 🎉 Hörnan")], 9.0, 300.0);
        assert_eq!(lines[0].text(), "Fritids \u{FFFD} Hörnan");
    }

    #[test]
    fn superscripts_and_ellipsis() {
        assert_eq!(superscript(1), "¹");
        assert_eq!(superscript(12), "¹²");
        let f = &fonts();
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
