//! A small raster canvas for the chart picture: filled rectangles with anti-aliased edges, text
//! in the report's DejaVu faces, and PNG encoding.
//!
//! Glyph outlines come from `ttf-parser` (which the report already uses for its metrics) and are
//! filled by `ab_glyph_rasterizer`: a maintained, dependency-free coverage rasteriser of a few
//! hundred lines (the core of `ab_glyph`). `ab_glyph` itself or `fontdue` would bring a second
//! font parser for what the existing one already does, and a vector library such as tiny-skia
//! would be far more than rectangles and glyphs need. The arithmetic is plain `f32` with no
//! fused or reordered operations and the PNG carries no time chunk, so the same chart gives the
//! same bytes.

use crate::report::fonts::{Face, Fonts};
use ab_glyph_rasterizer::{Point, Rasterizer, point};

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// An RGB canvas measured in points, drawn at `scale` pixels per point on a white ground.
pub struct Canvas {
    width: usize,
    height: usize,
    scale: f32,
    pixels: Vec<u8>,
}

/// A parsed face for drawing, with its scale from font units.
pub struct Typeface<'f> {
    face: ttf_parser::Face<'f>,
    kind: Face,
    units_per_em: f32,
}

impl Typeface<'static> {
    /// One of the report's faces.
    ///
    /// # Errors
    /// When the bundled font cannot be parsed (a broken build).
    pub fn load(kind: Face) -> Result<Typeface<'static>, String> {
        let face = ttf_parser::Face::parse(kind.bytes(), 0)
            .map_err(|e| format!("typsnittet {kind:?} kan inte läsas: {e}"))?;
        let units_per_em = f32::from(face.units_per_em());
        Ok(Typeface {
            face,
            kind,
            units_per_em,
        })
    }
}

impl Typeface<'_> {
    fn glyph(&self, c: char) -> Option<ttf_parser::GlyphId> {
        self.face.glyph_index(c).filter(|g| g.0 != 0)
    }

    /// The advance of `text` at `size` points (glyph advances added, no kerning: as the PDF).
    #[must_use]
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text
            .chars()
            .filter_map(|c| self.glyph(c))
            .filter_map(|g| self.face.glyph_hor_advance(g))
            .map(f32::from)
            .sum();
        units * size / self.units_per_em
    }

    /// `text` shortened with "…" to fit `max` points at `size`.
    #[must_use]
    pub fn ellipsize(&self, text: &str, size: f32, max: f32) -> String {
        if self.width(text, size) <= max {
            return text.to_owned();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while !chars.is_empty() {
            chars.pop();
            let candidate: String = chars.iter().collect::<String>().trim_end().to_owned() + "…";
            if self.width(&candidate, size) <= max {
                return candidate;
            }
        }
        "…".to_owned()
    }
}

/// Feeds a glyph outline (font units, y up) to the rasteriser (pixels, y down).
struct Outline<'r> {
    raster: &'r mut Rasterizer,
    scale: f32,
    dx: f32,
    dy: f32,
    start: Point,
    last: Point,
}

impl Outline<'_> {
    fn map(&self, x: f32, y: f32) -> Point {
        point(self.dx + x * self.scale, self.dy - y * self.scale)
    }
}

impl ttf_parser::OutlineBuilder for Outline<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        let p = self.map(x, y);
        self.start = p;
        self.last = p;
    }

    fn line_to(&mut self, x: f32, y: f32) {
        let p = self.map(x, y);
        self.raster.draw_line(self.last, p);
        self.last = p;
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (c, p) = (self.map(x1, y1), self.map(x, y));
        self.raster.draw_quad(self.last, c, p);
        self.last = p;
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (c1, c2, p) = (self.map(x1, y1), self.map(x2, y2), self.map(x, y));
        self.raster.draw_cubic(self.last, c1, c2, p);
        self.last = p;
    }

    fn close(&mut self) {
        if self.last != self.start {
            self.raster.draw_line(self.last, self.start);
        }
        self.last = self.start;
    }
}

#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)] // pixel coordinates: small, non-negative after the checks
impl Canvas {
    /// A white canvas of `width` × `height` points.
    #[must_use]
    pub fn new(width: f32, height: f32, scale: f32) -> Canvas {
        let w = (width * scale).ceil().max(1.0) as usize;
        let h = (height * scale).ceil().max(1.0) as usize;
        Canvas {
            width: w,
            height: h,
            scale,
            pixels: vec![255; w * h * 3],
        }
    }

    #[must_use]
    pub fn pixel_size(&self) -> (usize, usize) {
        (self.width, self.height)
    }

    /// The colour at pixel (`x`, `y`), for tests.
    #[must_use]
    pub fn pixel(&self, x: usize, y: usize) -> Option<Rgb> {
        let i = (y * self.width + x) * 3;
        let p = self.pixels.get(i..i + 3)?;
        Some([p[0], p[1], p[2]])
    }

    fn blend(&mut self, x: i64, y: i64, color: Rgb, alpha: f32) {
        if x < 0 || y < 0 || alpha <= 0.0 {
            return;
        }
        let (x, y) = (x as usize, y as usize);
        if x >= self.width || y >= self.height {
            return;
        }
        let a = alpha.min(1.0);
        let i = (y * self.width + x) * 3;
        for (k, channel) in color.iter().enumerate() {
            let under = f32::from(self.pixels[i + k]);
            let over = f32::from(*channel);
            self.pixels[i + k] = (under + (over - under) * a + 0.5) as u8;
        }
    }

    /// Fill the rectangle from (`x0`, `y0`) to (`x1`, `y1`) in points; partly covered pixels
    /// get the share they are covered.
    pub fn fill_rect(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, color: Rgb) {
        let s = self.scale;
        let (x0, x1, y0, y1) = (x0 * s, x1 * s, y0 * s, y1 * s);
        if x1 <= x0 || y1 <= y0 {
            return;
        }
        let cover = |lo: f32, hi: f32, p: f32| (hi.min(p + 1.0) - lo.max(p)).clamp(0.0, 1.0);
        for py in (y0.floor() as i64)..(y1.ceil() as i64) {
            let cy = cover(y0, y1, py as f32);
            for px in (x0.floor() as i64)..(x1.ceil() as i64) {
                let a = cover(x0, x1, px as f32) * cy;
                self.blend(px, py, color, a);
            }
        }
    }

    /// Draw `text` with its baseline at `baseline` points, starting at `x` points.
    pub fn text(
        &mut self,
        fonts: &Fonts,
        typeface: &Typeface<'_>,
        (x, baseline): (f32, f32),
        size: f32,
        color: Rgb,
        text: &str,
    ) {
        let text = fonts.clean(typeface.kind, text);
        let scale = size * self.scale / typeface.units_per_em;
        let mut pen = x * self.scale;
        let base = baseline * self.scale;
        for c in text.chars() {
            let Some(glyph) = typeface.glyph(c) else {
                continue;
            };
            if let Some(bbox) = typeface.face.glyph_bounding_box(glyph) {
                let left = (pen + f32::from(bbox.x_min) * scale).floor();
                let top = (base - f32::from(bbox.y_max) * scale).floor();
                let right = (pen + f32::from(bbox.x_max) * scale).ceil() + 1.0;
                let bottom = (base - f32::from(bbox.y_min) * scale).ceil() + 1.0;
                let (w, h) = ((right - left) as usize, (bottom - top) as usize);
                if w > 0 && h > 0 {
                    let mut raster = Rasterizer::new(w, h);
                    let mut outline = Outline {
                        raster: &mut raster,
                        scale,
                        dx: pen - left,
                        dy: base - top,
                        start: point(0.0, 0.0),
                        last: point(0.0, 0.0),
                    };
                    typeface.face.outline_glyph(glyph, &mut outline);
                    let (left, top) = (left as i64, top as i64);
                    raster.for_each_pixel_2d(|gx, gy, alpha| {
                        self.blend(left + i64::from(gx), top + i64::from(gy), color, alpha);
                    });
                }
            }
            pen += f32::from(typeface.face.glyph_hor_advance(glyph).unwrap_or(0)) * scale;
        }
    }

    /// The picture as PNG bytes (8-bit RGB), with its resolution recorded.
    ///
    /// # Errors
    /// When the encoder fails (it writes to memory, so only on a broken size).
    pub fn png(&self) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        let width = u32::try_from(self.width).map_err(|e| e.to_string())?;
        let height = u32::try_from(self.height).map_err(|e| e.to_string())?;
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        // Pixels per metre: 72 points per inch, 39.37 inches per metre.
        let per_metre = (self.scale * 72.0 / 0.0254).round() as u32;
        encoder.set_pixel_dims(Some(png::PixelDimensions {
            xppu: per_metre,
            yppu: per_metre,
            unit: png::Unit::Meter,
        }));
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer
            .write_image_data(&self.pixels)
            .map_err(|e| e.to_string())?;
        writer.finish().map_err(|e| e.to_string())?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rectangles_cover_their_pixels_and_blend_their_edges() {
        let mut canvas = Canvas::new(10.0, 10.0, 2.0);
        canvas.fill_rect(1.0, 1.0, 3.25, 2.0, [0, 0, 0]);
        assert_eq!(canvas.pixel_size(), (20, 20));
        assert_eq!(canvas.pixel(2, 2), Some([0, 0, 0]));
        assert_eq!(canvas.pixel(0, 0), Some([255, 255, 255]));
        // 6.5 px wide: the seventh pixel is half covered.
        assert_eq!(canvas.pixel(6, 2), Some([128, 128, 128]));
    }

    #[test]
    fn text_leaves_ink_where_it_is_drawn_and_is_measured() {
        let fonts = Fonts::load().unwrap();
        let sans = Typeface::load(Face::Sans).unwrap();
        let mut canvas = Canvas::new(60.0, 20.0, 3.0);
        canvas.text(&fonts, &sans, (2.0, 14.0), 10.0, [0, 0, 0], "Malmö");
        let dark = (0..180)
            .flat_map(|x| (0..60).map(move |y| (x, y)))
            .filter(|&(x, y)| canvas.pixel(x, y).is_some_and(|p| p[0] < 128))
            .count();
        assert!(dark > 100, "{dark} dark pixels");
        let w = sans.width("Malmö", 10.0);
        assert!(w > 20.0 && w < 40.0, "{w}");
        assert!(
            sans.ellipsize("Facebook Instagram", 10.0, 40.0)
                .ends_with('…')
        );
        let png = canvas.png().unwrap();
        assert!(png.starts_with(b"\x89PNG"));
        assert_eq!(png, canvas.png().unwrap());
    }
}
