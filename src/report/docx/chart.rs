//! The bar chart as a picture for Word: the same drawing as the PDF's vector chart (labels,
//! bars with their values, the percentage grid with its ticks, the dashed reference line with
//! its label), rasterised to a PNG, and the alternative text that says the same in words.
//!
//! The caption is not in the picture: Word gets it as a Caption paragraph above it.

use super::raster::{Canvas, Rgb, Typeface};
use crate::report::fonts::{Face, Fonts};
use crate::report::model::{BarChart, Figure};

/// Pixels per point: 3 (216 dpi), sharp on paper and on screen at a few tens of kilobytes.
const SCALE: f32 = 3.0;

// The chart's measures in points, as the PDF's chart (`layout/style.rs`, `CHART`).
const BAR: f32 = 13.0;
const GAP: f32 = 7.0;
const TOP: f32 = 6.0;
const AXIS: f32 = 16.0;
const LABEL_SIZE: f32 = 9.0;
const LABEL_SHARE: f32 = 0.35;
const LABEL_PAD: f32 = 8.0;
const LABEL_GAP: f32 = 6.0;
const VALUE_ROOM: f32 = 36.0;
const VALUE_SIZE: f32 = 8.5;
const VALUE_GAP: f32 = 4.0;
const BAR_BASELINE: f32 = 0.72;
const TICK_SIZE: f32 = 8.0;
const TICK_DROP: f32 = 10.0;
const AXIS_WIDTH: f32 = 0.8;
const GRID_WIDTH: f32 = 0.3;
const REFERENCE_RISE: f32 = 3.0;
const REFERENCE_WIDTH: f32 = 1.0;
const REFERENCE_LABEL_SIZE: f32 = 8.0;
const REFERENCE_LABEL_DROP: f32 = 6.0;
const REFERENCE_LABEL_ROOM: f32 = 12.0;
const DASH: (f32, f32) = (3.0, 2.0);
const BOTTOM_PAD: f32 = 3.0;

const INK: Rgb = [31, 31, 31];
const GREY: Rgb = [107, 107, 107];
const RULE: Rgb = [184, 184, 184];
const BAR_FILL: Rgb = [41, 97, 158];
const REFERENCE: Rgb = [199, 77, 26];

/// A chart drawn for the document.
pub struct Picture {
    pub png: Vec<u8>,
    /// The size it is shown at, in points.
    pub width: f32,
    pub height: f32,
    /// What the chart says, for the picture's alternative text.
    pub description: String,
}

/// The chart's height in points for its bars.
fn height(chart: &BarChart) -> f32 {
    #[allow(clippy::cast_precision_loss)]
    let bars = chart.bars.len() as f32;
    let reference = if chart.reference.is_some() {
        REFERENCE_LABEL_ROOM
    } else {
        0.0
    };
    TOP + bars * (BAR + GAP) + AXIS + reference + BOTTOM_PAD
}

/// Draw `chart` `width` points wide.
///
/// # Errors
/// When a bundled font cannot be read or the PNG cannot be encoded.
pub fn picture(chart: &BarChart, width: f32, fonts: &Fonts) -> Result<Picture, String> {
    let sans = Typeface::load(Face::Sans)?;
    let bold = Typeface::load(Face::SansBold)?;
    let height = height(chart);
    let mut canvas = Canvas::new(width, height, SCALE);

    let label_width = chart
        .bars
        .iter()
        .map(|b| sans.width(&b.label, LABEL_SIZE))
        .fold(0.0f32, f32::max)
        .min(width * LABEL_SHARE)
        + LABEL_PAD;
    let x0 = label_width;
    let plot_width = width - label_width - VALUE_ROOM;
    #[allow(clippy::cast_precision_loss)]
    let plot_height = chart.bars.len() as f32 * (BAR + GAP);
    let bottom = TOP + plot_height;

    // The grid and its ticks at 0, 25, 50, 75 and 100 %.
    #[allow(clippy::cast_precision_loss)]
    let steps = (chart.ticks.len().max(2) - 1) as f32;
    for (k, tick) in chart.ticks.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let x = x0 + plot_width * (k as f32) / steps;
        let (line, color) = if k == 0 {
            (AXIS_WIDTH, GREY)
        } else {
            (GRID_WIDTH, RULE)
        };
        canvas.fill_rect(x - line / 2.0, TOP, x + line / 2.0, bottom, color);
        let w = sans.width(tick, TICK_SIZE);
        canvas.text(
            fonts,
            &sans,
            (x - w / 2.0, bottom + TICK_DROP),
            TICK_SIZE,
            GREY,
            tick,
        );
    }

    for (i, bar) in chart.bars.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = TOP + GAP / 2.0 + i as f32 * (BAR + GAP);
        let baseline = y + BAR * BAR_BASELINE;
        let label = sans.ellipsize(&bar.label, LABEL_SIZE, label_width - LABEL_PAD);
        let lw = sans.width(&label, LABEL_SIZE);
        canvas.text(
            fonts,
            &sans,
            (x0 - LABEL_GAP - lw, baseline),
            LABEL_SIZE,
            INK,
            &label,
        );
        #[allow(clippy::cast_possible_truncation)]
        let w = plot_width * (bar.value.clamp(0.0, 1.0) as f32);
        canvas.fill_rect(x0, y, x0 + w, y + BAR, BAR_FILL);
        canvas.text(
            fonts,
            &bold,
            (x0 + w + VALUE_GAP, baseline),
            VALUE_SIZE,
            INK,
            &bar.value_label,
        );
    }

    if let Some((value, label)) = &chart.reference {
        #[allow(clippy::cast_possible_truncation)]
        let x = x0 + plot_width * (value.clamp(0.0, 1.0) as f32);
        let mut y = TOP - REFERENCE_RISE;
        while y < bottom {
            let end = (y + DASH.0).min(bottom);
            canvas.fill_rect(
                x - REFERENCE_WIDTH / 2.0,
                y,
                x + REFERENCE_WIDTH / 2.0,
                end,
                REFERENCE,
            );
            y += DASH.0 + DASH.1;
        }
        let label = sans.ellipsize(label, REFERENCE_LABEL_SIZE, width * 0.6);
        let w = sans.width(&label, REFERENCE_LABEL_SIZE);
        let lx = (x - w / 2.0).clamp(0.0, (width - w).max(0.0));
        canvas.text(
            fonts,
            &sans,
            (lx, bottom + AXIS + REFERENCE_LABEL_DROP),
            REFERENCE_LABEL_SIZE,
            REFERENCE,
            &label,
        );
    }

    Ok(Picture {
        png: canvas.png()?,
        width,
        height,
        description: chart.alt.clone(),
    })
}

/// An evidence screenshot as a picture: the pixels as PNG, shown as wide as `max_width` and
/// no taller than `max_height` (points), keeping its proportions.
///
/// # Errors
/// When the PNG cannot be encoded (a picture whose pixels do not match its size).
pub fn screenshot(figure: &Figure, max_width: f32, max_height: f32) -> Result<Picture, String> {
    let p = &figure.picture;
    if !p.is_consistent() {
        return Err("skärmbildens bildpunkter stämmer inte med dess storlek".to_owned());
    }
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, p.width, p.height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&p.rgb).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    #[allow(clippy::cast_precision_loss)]
    let (w, h) = (p.width as f32, p.height as f32);
    let scale = (max_width / w).min(max_height / h);
    Ok(Picture {
        png,
        width: w * scale,
        height: h * scale,
        description: figure.alt.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::model::Bar;

    fn chart() -> BarChart {
        let bar = |label: &str, value: f64, value_label: &str| Bar {
            label: label.to_owned(),
            value,
            value_label: value_label.to_owned(),
        };
        BarChart {
            caption: "Figur 1. Andel i tid".to_owned(),
            bars: vec![bar("Facebook", 0.55, "55 %"), bar("Instagram", 0.4, "40 %")],
            reference: Some((0.48, "Samtliga: 48 %".to_owned())),
            ticks: ["0 %", "25 %", "50 %", "75 %", "100 %"]
                .map(str::to_owned)
                .to_vec(),
            alt: String::new(),
        }
    }

    #[test]
    fn the_picture_has_the_bars_in_their_colour_and_the_same_bytes_twice() {
        let fonts = Fonts::load().unwrap();
        let a = picture(&chart(), 440.0, &fonts).unwrap();
        let b = picture(&chart(), 440.0, &fonts).unwrap();
        assert_eq!(a.png, b.png);
        assert!((a.height - height(&chart())).abs() < f32::EPSILON);
        let decoder = png::Decoder::new(std::io::Cursor::new(&a.png));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        assert_eq!(info.width, 1320);
        // The middle of the first bar is the bar colour.
        let (x, y) = (
            300usize * 3 / 2,
            ((TOP + GAP / 2.0 + BAR / 2.0) * SCALE) as usize,
        );
        let i = (y * info.width as usize + x) * 3;
        assert_eq!(&pixels[i..i + 3], &BAR_FILL);
    }
}
