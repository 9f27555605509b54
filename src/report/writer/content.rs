//! The pages' content streams, written as bytes. printpdf would take `Op`s, turn them into
//! lopdf operations and have lopdf encode those — half of a report's time went there. The
//! operators and their notation here are the ones that path wrote (lopdf's content encoding:
//! operands each followed by a space, operations separated by a line feed); reals are written
//! to a thousandth of a point. printpdf still writes the document: it gets the
//! characters of each font (`census`) to subset and describe them, and its `/ToUnicode` maps
//! give each glyph its code (`GlyphCodes`).

use super::super::fonts::Face;
use std::collections::BTreeMap;

/// One page's content stream.
#[derive(Default)]
pub(super) struct ContentStream {
    bytes: Vec<u8>,
}

impl ContentStream {
    pub(super) fn with_capacity(capacity: usize) -> ContentStream {
        ContentStream {
            bytes: Vec::with_capacity(capacity),
        }
    }

    pub(super) fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// Start an operation: a line feed between operations.
    fn start(&mut self) {
        if !self.bytes.is_empty() {
            self.bytes.push(b'\n');
        }
    }

    /// A real with at most three decimals (a thousandth of a point is 0.35 µm on paper):
    /// formatted with integers, which is a tenth of the work of printing an `f32` in its
    /// shortest form. Whole numbers print without a fraction, trailing zeros are dropped.
    fn real(&mut self, value: f32) {
        let thousandths = (f64::from(value) * 1000.0).round();
        // Not finite or beyond any page: nothing a layout makes; written as 0 rather than
        // as something PDF cannot read.
        #[allow(clippy::cast_possible_truncation)]
        let thousandths = if thousandths.abs() < 1.0e15 {
            thousandths as i64
        } else {
            0
        };
        if thousandths < 0 {
            self.bytes.push(b'-');
        }
        let magnitude = thousandths.unsigned_abs();
        let mut digits = itoa::Buffer::new();
        self.bytes
            .extend_from_slice(digits.format(magnitude / 1000).as_bytes());
        let mut fraction = magnitude % 1000;
        if fraction != 0 {
            self.bytes.push(b'.');
            let mut divisor = 100;
            while fraction != 0 {
                #[allow(clippy::cast_possible_truncation)]
                self.bytes.push(b'0' + (fraction / divisor) as u8);
                fraction %= divisor;
                divisor /= 10;
            }
        }
        self.bytes.push(b' ');
    }

    fn reals(&mut self, values: &[f32]) {
        for value in values {
            self.real(*value);
        }
    }

    fn name(&mut self, name: &str) {
        self.bytes.push(b'/');
        self.bytes.extend_from_slice(name.as_bytes());
        self.bytes.push(b' ');
    }

    fn operator(&mut self, operator: &str) {
        self.bytes.extend_from_slice(operator.as_bytes());
    }

    /// An operation without operands.
    pub(super) fn bare(&mut self, operator: &str) {
        self.start();
        self.operator(operator);
    }

    /// `r g b rg` (fill) or `r g b RG` (stroke).
    pub(super) fn color(&mut self, rgb: [f32; 3], operator: &str) {
        self.start();
        self.reals(&rgb);
        self.operator(operator);
    }

    /// A filled rectangle: `x y w h re` and `f`.
    pub(super) fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.start();
        self.reals(&[x, y, w, h]);
        self.operator("re");
        self.bare("f");
    }

    pub(super) fn line_width(&mut self, width: f32) {
        self.start();
        self.real(width);
        self.operator("w");
    }

    /// `[3 2] 0 d` for a dashed line, `[] 0 d` for a solid one.
    pub(super) fn dash(&mut self, pattern: &[f32]) {
        self.start();
        self.bytes.push(b'[');
        for (i, value) in pattern.iter().enumerate() {
            if i > 0 {
                self.bytes.push(b' ');
            }
            self.real(*value);
            self.bytes.pop();
        }
        self.bytes.extend_from_slice(b"] ");
        self.real(0.0);
        self.operator("d");
    }

    /// A stroked line from one point to another.
    pub(super) fn line(&mut self, from: (f32, f32), to: (f32, f32)) {
        self.start();
        self.reals(&[from.0, from.1]);
        self.operator("m");
        self.start();
        self.reals(&[to.0, to.1]);
        self.operator("l");
        self.bare("S");
    }

    /// An image XObject drawn into the box at `x y` of `w × h`.
    pub(super) fn image(&mut self, name: &str, x: f32, y: f32, w: f32, h: f32) {
        self.bare("q");
        self.start();
        self.reals(&[w, 0.0, 0.0, h, x, y]);
        self.operator("cm");
        self.start();
        self.name(name);
        self.operator("Do");
        self.bare("Q");
    }

    /// `/Tag <</MCID n>> BDC`.
    pub(super) fn begin_marked(&mut self, tag: &str, mcid: usize) {
        self.start();
        self.name(tag);
        self.bytes.extend_from_slice(b"<</MCID ");
        self.bytes
            .extend_from_slice(itoa::Buffer::new().format(mcid).as_bytes());
        self.bytes.extend_from_slice(b">> BDC");
    }

    /// `/Artifact <</Type/Pagination>> BDC`.
    pub(super) fn begin_pagination(&mut self) {
        self.start();
        self.bytes
            .extend_from_slice(b"/Artifact <</Type/Pagination>> BDC");
    }

    /// `/Artifact BMC`.
    pub(super) fn begin_artifact(&mut self) {
        self.start();
        self.bytes.extend_from_slice(b"/Artifact BMC");
    }

    pub(super) fn font(&mut self, resource: &str, size: f32) {
        self.start();
        self.name(resource);
        self.real(size);
        self.operator("Tf");
    }

    /// `1 0 0 1 x y Tm`.
    pub(super) fn text_position(&mut self, x: f32, y: f32) {
        self.start();
        self.bytes.extend_from_slice(b"1 0 0 1 ");
        self.reals(&[x, y]);
        self.operator("Tm");
    }

    /// `<codes> Tj`: each character as its glyph's two-byte code in the font.
    pub(super) fn show(&mut self, text: &str, codes: &mut GlyphCodes) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        self.start();
        self.bytes.push(b'<');
        for c in text.chars() {
            for byte in codes.code(c).to_be_bytes() {
                self.bytes.push(HEX[usize::from(byte >> 4)]);
                self.bytes.push(HEX[usize::from(byte & 0xF)]);
            }
        }
        self.bytes.extend_from_slice(b"> Tj");
    }
}

/// Characters below this have their code in a table; the rest in a map.
const TABLE_LEN: usize = 0x2600;

/// No code known yet for a character of the table.
const UNKNOWN: u16 = u16::MAX;

/// The codes of one font's glyphs in the document (Identity-H, two bytes each), read from
/// the `/ToUnicode` map printpdf wrote for the font it subset, so the content stream and the
/// embedded font program agree by construction.
pub(super) struct GlyphCodes {
    face: Face,
    /// The font program printpdf was given (the reduced or the full face).
    program: &'static [u8],
    table: Vec<u16>,
    others: BTreeMap<char, u16>,
    /// Glyph id of each mapped code, found when a character is not in `/ToUnicode` itself
    /// (it shares its glyph with another character).
    by_glyph: Option<BTreeMap<u16, u16>>,
    missing: Vec<char>,
}

impl GlyphCodes {
    /// The codes that `to_unicode` (a `/ToUnicode` CMap with `bfchar` entries) assigns.
    pub(super) fn from_to_unicode(
        face: Face,
        program: &'static [u8],
        to_unicode: &[u8],
    ) -> GlyphCodes {
        let mut codes = GlyphCodes {
            face,
            program,
            table: vec![UNKNOWN; TABLE_LEN],
            others: BTreeMap::new(),
            by_glyph: None,
            missing: Vec::new(),
        };
        for (code, c) in bfchar_entries(to_unicode) {
            codes.insert(c, code);
        }
        codes
    }

    fn insert(&mut self, c: char, code: u16) {
        match self.table.get_mut(c as usize) {
            Some(slot) => *slot = code,
            None => {
                self.others.insert(c, code);
            }
        }
    }

    /// The code of `c`; 0 (`.notdef`, as printpdf writes a character the font lacks) when the
    /// font has no glyph for it, which the caller reports.
    fn code(&mut self, c: char) -> u16 {
        let known = match self.table.get(c as usize) {
            Some(&code) if code != UNKNOWN => Some(code),
            Some(_) => None,
            None => self.others.get(&c).copied(),
        };
        if let Some(code) = known {
            return code;
        }
        let found = self.shared_glyph(c);
        if found.is_none() {
            self.missing.push(c);
        }
        let code = found.unwrap_or(0);
        self.insert(c, code);
        code
    }

    /// The code of the glyph `c` shares with a character the map names.
    fn shared_glyph(&mut self, c: char) -> Option<u16> {
        let face = ttf_parser::Face::parse(self.program, 0).ok()?;
        let by_glyph = self.by_glyph.get_or_insert_with(|| {
            let mapped = self
                .table
                .iter()
                .enumerate()
                .filter(|(_, code)| **code != UNKNOWN)
                .filter_map(|(c, code)| Some((char::from_u32(u32::try_from(c).ok()?)?, *code)))
                .chain(self.others.iter().map(|(c, code)| (*c, *code)));
            mapped
                .filter_map(|(c, code)| Some((face.glyph_index(c)?.0, code)))
                .collect()
        });
        by_glyph.get(&face.glyph_index(c)?.0).copied()
    }

    /// Characters drawn that the font has no code for (none unless printpdf's subset lost
    /// one): an error, never a silent gap.
    pub(super) fn check(&self) -> Result<(), String> {
        match self.missing.first() {
            None => Ok(()),
            Some(c) => Err(format!(
                "typsnittet {:?} saknar koden för {c:?} (U+{:04X})",
                self.face, *c as u32
            )),
        }
    }
}

/// The `<code> <UTF-16BE>` pairs of a CMap's `bfchar` blocks whose target is one character.
fn bfchar_entries(cmap: &[u8]) -> impl Iterator<Item = (u16, char)> + '_ {
    let text = std::str::from_utf8(cmap).unwrap_or_default();
    let mut in_block = false;
    text.lines().filter_map(move |line| {
        let line = line.trim();
        if line.ends_with("beginbfchar") {
            in_block = true;
            return None;
        }
        if line == "endbfchar" {
            in_block = false;
            return None;
        }
        if !in_block {
            return None;
        }
        let (code, target) = line.split_once(' ')?;
        let code = u16::from_str_radix(code.strip_prefix('<')?.strip_suffix('>')?, 16).ok()?;
        let target = target.trim().strip_prefix('<')?.strip_suffix('>')?;
        let units: Vec<u16> = (0..target.len() / 4)
            .map(|i| u16::from_str_radix(target.get(i * 4..i * 4 + 4)?, 16).ok())
            .collect::<Option<_>>()?;
        let mut chars = char::decode_utf16(units);
        match (chars.next(), chars.next()) {
            (Some(Ok(c)), None) => Some((code, c)),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_are_written_in_pdf_notation() {
        let mut content = ContentStream::default();
        content.begin_marked("P", 3);
        content.color([0.08, 0.24, 0.42], "rg");
        content.fill_rect(79.37008, 568.8544, 447.87408, 18.5);
        content.dash(&[3.0, 2.0]);
        content.dash(&[]);
        content.line((1.0, -0.0), (2.5, 3.0));
        content.image("IM1", 10.0, 20.0, 30.5, 40.0);
        content.begin_pagination();
        content.begin_artifact();
        content.font("SVKAAA", 10.0);
        content.text_position(79.37008, 113.031494);
        content.bare("EMC");
        assert_eq!(
            String::from_utf8(content.into_bytes()).unwrap(),
            "/P <</MCID 3>> BDC\n0.08 0.24 0.42 rg\n79.37 568.854 447.874 18.5 re\nf\n\
             [3 2] 0 d\n[] 0 d\n1 0 m\n2.5 3 l\nS\nq\n30.5 0 0 40 10 20 cm\n/IM1 Do\nQ\n\
             /Artifact <</Type/Pagination>> BDC\n/Artifact BMC\n/SVKAAA 10 Tf\n\
             1 0 0 1 79.37 113.031 Tm\nEMC"
        );
    }

    #[test]
    fn reals_are_written_to_a_thousandth() {
        let mut content = ContentStream::default();
        content.reals(&[
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            0.08,
            -0.0004,
            -0.0006,
            0.0999,
            12.3456,
            -841.8898,
            1.0e6,
            1.0e20,
            f32::NAN,
        ]);
        assert_eq!(
            String::from_utf8(content.into_bytes()).unwrap(),
            "0 0 1 -1 0.5 0.08 0 -0.001 0.1 12.346 -841.89 1000000 0 0 "
        );
    }

    #[test]
    fn codes_come_from_the_to_unicode_map() {
        let cmap = b"begincmap\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\
                     2 beginbfchar\n<0001> <0041>\n<0002> <00E5>\nendbfchar\nendcmap\n";
        let mut codes = GlyphCodes::from_to_unicode(Face::Serif, Face::Serif.bytes(), cmap);
        let mut content = ContentStream::default();
        content.show("Aå", &mut codes);
        assert_eq!(content.into_bytes(), b"<00010002> Tj");
        assert!(codes.check().is_ok());
        // A character the map does not name and no mapped character shares a glyph with.
        let mut content = ContentStream::default();
        content.show("B", &mut codes);
        assert_eq!(content.into_bytes(), b"<0000> Tj");
        assert!(codes.check().is_err());
    }
}
