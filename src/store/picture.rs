//! Reading one evidence screenshot into a [`Picture`]: PNG or JPEG, flattened onto white,
//! scaled down to what a printed page can show. The same file always gives the same pixels.

use crate::core::picture::Picture;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

/// Widest picture kept, in pixels (about 270 dpi across a page's text width: sharp in print).
pub const MAX_WIDTH: u32 = 1600;
/// Tallest picture kept, in pixels.
pub const MAX_HEIGHT: u32 = 2200;
/// Larger files are refused before decoding: no screenshot needs more, and a hostile file that
/// claims a huge size would otherwise ask for gigabytes.
const MAX_SIDE: u32 = 30_000;
/// Memory the decoder may take for one picture.
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

/// The picture in the file at `path`, or `None` when it cannot be read, is no PNG or JPEG (by
/// its content, whatever its name), is larger than a screenshot can be, or does not decode.
#[must_use]
pub fn read_picture(path: &Path) -> Option<Picture> {
    // Only a regular file: a named pipe would block the reader for ever.
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    let file = File::open(path).ok()?;
    let reader = ImageReader::new(BufReader::new(file))
        .with_guessed_format()
        .ok()?;
    // PNG and JPEG only, whichever other formats the image library was built with.
    if !matches!(reader.format(), Some(ImageFormat::Png | ImageFormat::Jpeg)) {
        return None;
    }
    let mut reader = reader;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().ok()?;
    // A photo taken on a phone may be stored sideways with a note to turn it.
    let orientation = decoder.orientation().ok();
    let mut image = DynamicImage::from_decoder(decoder).ok()?;
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }
    Some(to_picture(&image))
}

/// RGB on white, scaled down to fit [`MAX_WIDTH`] × [`MAX_HEIGHT`] (the aspect kept).
#[must_use]
pub fn to_picture(image: &DynamicImage) -> Picture {
    let rgb = if image.color().has_alpha() {
        on_white(image)
    } else {
        image.to_rgb8()
    };
    let rgb = fit(rgb);
    Picture {
        width: rgb.width(),
        height: rgb.height(),
        rgb: rgb.into_raw(),
    }
}

/// Transparent parts shown as on a white page.
fn on_white(image: &DynamicImage) -> RgbImage {
    let rgba = image.to_rgba8();
    let mut out = RgbImage::new(rgba.width(), rgba.height());
    for (target, source) in out.pixels_mut().zip(rgba.pixels()) {
        let alpha = u32::from(source[3]);
        for channel in 0..3 {
            let value = (u32::from(source[channel]) * alpha + 255 * (255 - alpha) + 127) / 255;
            // At most (255·a + 255·(255 − a) + 127) / 255 = 255.
            target[channel] = u8::try_from(value).unwrap_or(u8::MAX);
        }
    }
    out
}

/// Scaled down (never up) to fit the largest size kept.
fn fit(rgb: RgbImage) -> RgbImage {
    let (width, height) = rgb.dimensions();
    match fitted_size(width, height) {
        Some((w, h)) => image::imageops::resize(&rgb, w, h, FilterType::Triangle),
        None => rgb,
    }
}

/// The size a `width` × `height` picture is scaled down to, `None` when it already fits.
fn fitted_size(width: u32, height: u32) -> Option<(u32, u32)> {
    if width <= MAX_WIDTH && height <= MAX_HEIGHT {
        return None;
    }
    let (w, h) = (u64::from(width), u64::from(height));
    // The tighter of the two limits; sizes in whole pixels, at least one.
    let (new_w, new_h) = if w * u64::from(MAX_HEIGHT) >= h * u64::from(MAX_WIDTH) {
        (u64::from(MAX_WIDTH), (h * u64::from(MAX_WIDTH) + w / 2) / w)
    } else {
        (
            (w * u64::from(MAX_HEIGHT) + h / 2) / h,
            u64::from(MAX_HEIGHT),
        )
    };
    let side = |v: u64| u32::try_from(v.max(1)).unwrap_or(u32::MAX);
    Some((side(new_w), side(new_h)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, Rgba, RgbaImage};

    #[test]
    fn sizes_are_fitted_keeping_the_aspect() {
        assert_eq!(fitted_size(1600, 2200), None);
        assert_eq!(fitted_size(10, 10), None);
        assert_eq!(fitted_size(3200, 1000), Some((1600, 500)));
        assert_eq!(fitted_size(1000, 4400), Some((500, 2200)));
        assert_eq!(fitted_size(30_000, 1), Some((1600, 1)));
        assert_eq!(fitted_size(1, 30_000), Some((1, 2200)));
        // 1170 × 2532, an iPhone screenshot: the height decides.
        assert_eq!(fitted_size(1170, 2532), Some((1017, 2200)));
    }

    #[test]
    fn transparency_becomes_white_and_half_transparency_a_blend() {
        let mut rgba = RgbaImage::new(3, 1);
        rgba.put_pixel(0, 0, Rgba([0, 0, 0, 0]));
        rgba.put_pixel(1, 0, Rgba([0, 0, 0, 255]));
        rgba.put_pixel(2, 0, Rgba([200, 0, 0, 128]));
        let picture = to_picture(&DynamicImage::ImageRgba8(rgba));
        assert_eq!((picture.width, picture.height), (3, 1));
        assert_eq!(
            picture.rgb,
            vec![255, 255, 255, 0, 0, 0, 227, 127, 127],
            "white, black, red at half strength on white"
        );
        assert!(picture.is_consistent());
    }

    #[test]
    fn other_pixel_kinds_come_out_as_rgb() {
        let gray = DynamicImage::ImageLuma16(image::ImageBuffer::from_pixel(
            2,
            2,
            image::Luma([65535u16]),
        ));
        assert_eq!(to_picture(&gray).rgb, vec![255; 12]);
        let rgb = DynamicImage::ImageRgb8(RgbImage::from_pixel(2, 1, Rgb([1, 2, 3])));
        assert_eq!(to_picture(&rgb).rgb, vec![1, 2, 3, 1, 2, 3]);
    }
}
