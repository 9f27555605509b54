//! Evidence screenshots: the caption (above, as the report's tables and chart have theirs), then
//! the picture scaled to fit (never enlarged past screen size) in a hairline frame, kept together
//! on one page. In the structure the picture is a `Figure` with alternate text, and its caption
//! a `Caption` inside it.

use super::Item;
use super::flow::Flow;
use super::style::{CAPTION, FIGURE};
use super::tags::{Role, Tag};
use super::text::{baseline, wrap};
use crate::report::model::Figure;

/// The drawn size of `figure` in points within `width` and `max_height`.
pub(super) fn picture_size(figure: &Figure, width: f32, max_height: f32) -> (f32, f32) {
    #[allow(clippy::cast_precision_loss)]
    let (w, h) = (
        figure.picture.width as f32 * FIGURE.points_per_pixel,
        figure.picture.height as f32 * FIGURE.points_per_pixel,
    );
    if w <= 0.0 || h <= 0.0 {
        return (0.0, 0.0);
    }
    let scale = (width / w).min(max_height / h).min(1.0);
    (w * scale, h * scale)
}

impl Flow<'_> {
    fn max_picture_height(&self) -> f32 {
        (self.geo.body_bottom() - self.geo.top) * FIGURE.max_height_share
    }

    /// The height `figure` takes with its caption, for keeping it whole.
    pub(super) fn figure_height(&self, figure: &Figure) -> f32 {
        let (_, h) = picture_size(figure, self.width(), self.max_picture_height());
        let caption = wrap(
            self.fonts,
            &[(CAPTION.face, &figure.caption)],
            CAPTION.size,
            self.width(),
        );
        #[allow(clippy::cast_precision_loss)]
        let lines = caption.len() as f32;
        h + FIGURE.caption_gap + lines * CAPTION.leading
    }

    pub(super) fn figure(&mut self, figure: &Figure) {
        if !figure.picture.is_consistent() {
            return;
        }
        self.space_before(FIGURE.before);
        if self.page_has_content && self.y + self.figure_height(figure) > self.bottom() {
            self.new_page();
        }
        let (w, h) = picture_size(figure, self.width(), self.max_picture_height());
        let node = self.tree.open(Role::Figure);
        self.tree.nodes[node].alt = Some(figure.alt.clone());
        let caption = wrap(
            self.fonts,
            &[(CAPTION.face, &figure.caption)],
            CAPTION.size,
            self.width(),
        );
        self.element(Role::Caption, |flow| {
            for line in &caption {
                let base = baseline(flow.y, CAPTION.size, CAPTION.leading);
                flow.draw_line(line, flow.geo.left, base, CAPTION.size, CAPTION.color);
                flow.y += CAPTION.leading;
            }
        });
        self.y += FIGURE.caption_gap;
        let (x, top) = (self.geo.left, self.y);
        self.push(Item::Image {
            x,
            y: top,
            w,
            h,
            picture: std::sync::Arc::clone(&figure.picture),
        });
        for (x1, y1, x2, y2) in [
            (x, top, x + w, top),
            (x + w, top, x + w, top + h),
            (x, top + h, x + w, top + h),
            (x, top, x, top + h),
        ] {
            self.tagged(Tag::Artifact, |flow| {
                flow.push(Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width: FIGURE.frame_width,
                    color: FIGURE.frame_color,
                    dash: false,
                });
            });
        }
        self.y = top + h;
        self.tree.close();
        self.y += FIGURE.after;
        self.page_has_content = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::picture::Picture;
    use std::sync::Arc;

    fn figure(width: u32, height: u32) -> Figure {
        Figure {
            picture: Arc::new(Picture {
                width,
                height,
                rgb: vec![255; (width * height * 3) as usize],
            }),
            caption: "Bild 1.".to_owned(),
            alt: "Skärmbild".to_owned(),
        }
    }

    #[test]
    fn pictures_shrink_to_fit_and_never_grow() {
        // A small screenshot keeps its screen size.
        assert_eq!(picture_size(&figure(200, 100), 450.0, 400.0), (150.0, 75.0));
        // A wide one fits the text width, keeping its proportions.
        let (w, h) = picture_size(&figure(1600, 900), 450.0, 400.0);
        assert!((w - 450.0).abs() < 1e-3 && (h - 253.125).abs() < 1e-3);
        // A tall one fits the height.
        let (w, h) = picture_size(&figure(800, 2000), 450.0, 400.0);
        assert!((h - 400.0).abs() < 1e-3 && (w - 160.0).abs() < 1e-3);
    }
}
