//! The report's fonts (DejaVu, from the `dejavu` crate) and their real advance widths.
//!
//! Widths are kept exactly as printpdf writes them into the PDF's `/W` array — the advance in
//! font units, scaled to 1/1000 em and truncated — so a line measured here has precisely the width
//! a viewer draws (printpdf's `ShowText` applies no kerning).

use super::ReportError;
use std::borrow::Cow;
use std::sync::atomic::{AtomicU16, Ordering};

/// A typeface of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    /// Body text: DejaVu Serif Condensed.
    Serif,
    SerifBold,
    SerifItalic,
    /// Headings, tables, running header: DejaVu Sans Condensed.
    Sans,
    SansBold,
}

impl Face {
    pub const ALL: [Face; 5] = [
        Face::Serif,
        Face::SerifBold,
        Face::SerifItalic,
        Face::Sans,
        Face::SansBold,
    ];

    /// The font program (TrueType) of this face.
    #[must_use]
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Serif => dejavu::serif_condensed::regular(),
            Face::SerifBold => dejavu::serif_condensed::bold(),
            Face::SerifItalic => dejavu::serif_condensed::italic(),
            Face::Sans => dejavu::sans_condensed::regular(),
            Face::SansBold => dejavu::sans_condensed::bold(),
        }
    }

    /// This face reduced to the characters of [`REDUCED`] (same glyphs, widths and hinting;
    /// `assets/fonts/`, made by `scripts/reduce-fonts.sh`): a sixth of the full face to parse
    /// and subset when the text needs nothing else.
    #[must_use]
    pub fn reduced_bytes(self) -> &'static [u8] {
        match self {
            Face::Serif => include_bytes!("../../assets/fonts/DejaVuSerifCondensed-reduced.ttf"),
            Face::SerifBold => {
                include_bytes!("../../assets/fonts/DejaVuSerifCondensed-Bold-reduced.ttf")
            }
            Face::SerifItalic => {
                include_bytes!("../../assets/fonts/DejaVuSerifCondensed-Italic-reduced.ttf")
            }
            Face::Sans => include_bytes!("../../assets/fonts/DejaVuSansCondensed-reduced.ttf"),
            Face::SansBold => {
                include_bytes!("../../assets/fonts/DejaVuSansCondensed-Bold-reduced.ttf")
            }
        }
    }

    #[must_use]
    pub fn index(self) -> usize {
        match self {
            Face::Serif => 0,
            Face::SerifBold => 1,
            Face::SerifItalic => 2,
            Face::Sans => 3,
            Face::SansBold => 4,
        }
    }

    /// The bold variant of this face's family.
    #[must_use]
    pub fn bold(self) -> Face {
        match self {
            Face::Serif | Face::SerifBold | Face::SerifItalic => Face::SerifBold,
            Face::Sans | Face::SansBold => Face::SansBold,
        }
    }
}

/// The characters of the reduced faces ([`Face::reduced_bytes`]), as inclusive ranges: Latin
/// with Latin-1 and Latin Extended A and B, spacing modifiers, general punctuation,
/// superscripts, currency signs, letterlike symbols, arrows, mathematical operators, geometric
/// shapes and the replacement character. `scripts/reduce-fonts.sh` lists the same ranges.
pub const REDUCED: [(char, char); 11] = [
    (' ', '~'),
    ('\u{A0}', '\u{24F}'),
    ('\u{2B0}', '\u{2FF}'),
    ('\u{2000}', '\u{206F}'),
    ('\u{2070}', '\u{209F}'),
    ('\u{20A0}', '\u{20CF}'),
    ('\u{2100}', '\u{214F}'),
    ('\u{2190}', '\u{21FF}'),
    ('\u{2200}', '\u{22FF}'),
    ('\u{25A0}', '\u{25FF}'),
    (REPLACEMENT, REPLACEMENT),
];

/// Whether the reduced faces have `c` wherever the full face has it.
#[must_use]
pub fn in_reduced(c: char) -> bool {
    (' '..='~').contains(&c)
        || REDUCED
            .iter()
            .any(|(low, high)| (*low..=*high).contains(&c))
}

/// Characters whose width is kept once looked up: Latin, Latin-1, Latin Extended, general punctuation.
const TABLE_LEN: usize = 0x2100;

/// Width of a character the face lacks in the table: not present.
const MISSING: u16 = u16::MAX;

/// What a character the font lacks is drawn as (U+FFFD, the replacement character).
pub const REPLACEMENT: char = '\u{FFFD}';

/// Not looked up yet.
const UNKNOWN: u16 = u16::MAX - 1;

/// Advance widths of one face, looked up in the font on first use and kept: a report uses a
/// few hundred characters of the thousands the table covers, and a cmap lookup costs about a
/// thousand instructions (tabulating every character up front took a quarter of a report's
/// time). Atomics let the app's report jobs share one `Fonts` across threads.
struct FaceMetrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Width in 1/1000 em for `char as usize < TABLE_LEN`; `MISSING` when the face lacks it,
    /// `UNKNOWN` until first asked.
    table: Box<[AtomicU16]>,
}

impl FaceMetrics {
    fn load(face: Face) -> Result<FaceMetrics, String> {
        let parsed = ttf_parser::Face::parse(face.bytes(), 0)
            .map_err(|e| format!("typsnittet {face:?} kan inte läsas: {e}"))?;
        let units_per_em = f32::from(parsed.units_per_em());
        Ok(FaceMetrics {
            face: parsed,
            units_per_em,
            table: (0..TABLE_LEN).map(|_| AtomicU16::new(UNKNOWN)).collect(),
        })
    }

    /// The width in 1/1000 em, truncated like printpdf's `/W` entries.
    fn lookup(&self, c: char) -> Option<u16> {
        let gid = self.face.glyph_index(c)?;
        if gid.0 == 0 {
            return None;
        }
        let advance = f32::from(self.face.glyph_hor_advance(gid)?);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let units = (advance * 1000.0 / self.units_per_em) as u16;
        Some(units.min(UNKNOWN - 1))
    }

    fn width_units(&self, c: char) -> Option<u16> {
        let Some(slot) = self.table.get(c as usize) else {
            return self.lookup(c);
        };
        match slot.load(Ordering::Relaxed) {
            MISSING => None,
            UNKNOWN => {
                let found = self.lookup(c);
                slot.store(found.unwrap_or(MISSING), Ordering::Relaxed);
                found
            }
            w => Some(w),
        }
    }
}

/// Metrics of every face. The caller loads them once and hands them to every report it makes
/// (the font programs themselves are static bytes).
pub struct Fonts {
    faces: Vec<FaceMetrics>,
}

impl Fonts {
    /// Parse the bundled fonts (their advance widths are looked up as they are used).
    ///
    /// # Errors
    /// When a bundled font cannot be parsed (a broken build, not a user error).
    pub fn load() -> Result<Fonts, ReportError> {
        let faces = Face::ALL
            .iter()
            .map(|f| FaceMetrics::load(*f))
            .collect::<Result<Vec<_>, _>>()
            .map_err(ReportError::Render)?;
        Ok(Fonts { faces })
    }

    fn metrics(&self, face: Face) -> &FaceMetrics {
        &self.faces[face.index()]
    }

    /// Whether `face` has a glyph for `c`.
    #[must_use]
    pub fn has_glyph(&self, face: Face, c: char) -> bool {
        self.metrics(face).width_units(c).is_some()
    }

    /// The advance of `c` in points at `size`; a character the face lacks measures as its
    /// replacement.
    #[must_use]
    pub fn char_width(&self, face: Face, c: char, size: f32) -> f32 {
        let m = self.metrics(face);
        let units = m
            .width_units(c)
            .or_else(|| m.width_units(REPLACEMENT))
            .unwrap_or(500);
        f32::from(units) * size / 1000.0
    }

    /// The width of `text` in points at `size` (the sum of the glyph advances).
    #[must_use]
    pub fn width(&self, face: Face, text: &str, size: f32) -> f32 {
        let m = self.metrics(face);
        let fallback = m.width_units(REPLACEMENT).unwrap_or(500);
        let units: u32 = text
            .chars()
            .map(|c| u32::from(m.width_units(c).unwrap_or(fallback)))
            .sum();
        #[allow(clippy::cast_precision_loss)] // a line has far fewer than 2^24 units
        let units = units as f32;
        units * size / 1000.0
    }

    /// `text` ready to draw in `face`: tabs become spaces, line breaks and other control
    /// characters are dropped, and characters the font lacks (emoji …) become a visible
    /// replacement character instead of an invisible `.notdef` box.
    #[must_use]
    pub fn clean<'t>(&self, face: Face, text: &'t str) -> Cow<'t, str> {
        let fine = |c: char| !c.is_control() && self.has_glyph(face, c);
        if text.chars().all(fine) {
            return Cow::Borrowed(text);
        }
        let replacement = if self.has_glyph(face, REPLACEMENT) {
            REPLACEMENT
        } else {
            '?'
        };
        let mut out = String::with_capacity(text.len());
        let mut previous_replaced = false;
        for c in text.chars() {
            if c == '\t' {
                out.push(' ');
                previous_replaced = false;
            } else if c.is_control() {
                continue;
            } else if self.has_glyph(face, c) {
                out.push(c);
                previous_replaced = false;
            } else if is_invisible_modifier(c) {
                // Variation selectors and joiners belong to the emoji just replaced.
                continue;
            } else if !previous_replaced || !is_emoji_part(c) {
                out.push(replacement);
                previous_replaced = true;
            }
        }
        Cow::Owned(out)
    }
}

/// Zero-width characters that only modify their neighbour.
fn is_invisible_modifier(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{FE00}'..='\u{FE0F}' | '\u{2060}')
}

/// Skin-tone modifiers and tags: part of the emoji before them, one replacement is enough.
fn is_emoji_part(c: char) -> bool {
    matches!(c, '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_letters_have_real_widths() {
        let fonts = Fonts::load().unwrap();
        for face in Face::ALL {
            for c in ['å', 'ä', 'ö', 'Å', 'Ä', 'Ö', '–', '…', '\u{a0}', '¹', '²'] {
                assert!(fonts.has_glyph(face, c), "{face:?} lacks {c}");
            }
        }
        // Widths add up glyph by glyph, no kerning.
        let w = fonts.width(Face::Serif, "Malmö", 10.0);
        let sum: f32 = "Malmö"
            .chars()
            .map(|c| fonts.char_width(Face::Serif, c, 10.0))
            .sum();
        assert!((w - sum).abs() < 1e-4);
        assert!(w > 20.0 && w < 40.0, "{w}");
        // Bold is wider than regular.
        assert!(
            fonts.width(Face::SerifBold, "Granskning", 10.0)
                > fonts.width(Face::Serif, "Granskning", 10.0)
        );
    }

    #[test]
    fn reduced_faces_have_every_character_of_their_ranges_as_the_full_faces_draw_it() {
        for face in Face::ALL {
            let full = ttf_parser::Face::parse(face.bytes(), 0).unwrap();
            let reduced = ttf_parser::Face::parse(face.reduced_bytes(), 0).unwrap();
            assert_eq!(full.units_per_em(), reduced.units_per_em());
            let mut count = 0;
            for (low, high) in REDUCED {
                for c in low..=high {
                    assert!(in_reduced(c));
                    let Some(g) = full.glyph_index(c) else {
                        continue;
                    };
                    let r = reduced
                        .glyph_index(c)
                        .unwrap_or_else(|| panic!("{face:?}: {c:?} not reduced"));
                    assert_eq!(
                        full.glyph_hor_advance(g),
                        reduced.glyph_hor_advance(r),
                        "{face:?} {c:?}"
                    );
                    assert_eq!(
                        full.glyph_bounding_box(g),
                        reduced.glyph_bounding_box(r),
                        "{face:?} {c:?}"
                    );
                    count += 1;
                }
            }
            assert!(count > 900, "{face:?}: {count}");
        }
        for c in ['Ш', 'Ω', 'ệ', '😀', '\u{300}'] {
            assert!(!in_reduced(c), "{c}");
        }
    }

    #[test]
    fn missing_characters_get_a_visible_replacement() {
        let fonts = Fonts::load().unwrap();
        assert!(!fonts.has_glyph(Face::Serif, '😀'));
        assert_eq!(
            fonts.clean(Face::Serif, "Skolan 😀👍🏽!"),
            "Skolan \u{FFFD}\u{FFFD}!"
        );
        assert_eq!(fonts.clean(Face::Sans, "a\tb\nc"), "a bc");
        assert!(matches!(
            fonts.clean(Face::Sans, "Vällingby"),
            Cow::Borrowed(_)
        ));
    }
}
