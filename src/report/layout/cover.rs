//! The cover page: the organisation over a rule, the title, subtitle and committee, and the
//! facts (date, reference number …) at the foot of the page.

use super::style::{COVER, CoverText, Geometry, Rgb};
use super::text::{ellipsize, wrap};
use super::{Item, Page};
use crate::report::fonts::{Face, Fonts};
use crate::report::model::Cover;

/// The cover's text items, in drawing order.
struct CoverItems<'a> {
    fonts: &'a Fonts,
    items: Vec<Item>,
}

impl CoverItems<'_> {
    fn put(&mut self, x: f32, y: f32, face: Face, size: f32, color: Rgb, text: &str) {
        let text = self.fonts.clean(face, text).into_owned();
        let width = self.fonts.width(face, &text, size);
        self.items.push(Item::Text {
            x,
            y,
            face,
            size,
            color,
            text,
            width,
        });
    }

    /// `text` wrapped to `width` in the style of `block`, from the baseline `y`; returns the
    /// baseline after the last line.
    fn lines(&mut self, block: &CoverText, text: &str, x: f32, width: f32, mut y: f32) -> f32 {
        for line in wrap(self.fonts, &[(block.face, text)], block.size, width)
            .iter()
            .take(block.max_lines)
        {
            self.put(x, y, block.face, block.size, block.color, &line.text());
            y += block.leading;
        }
        y
    }
}

pub(super) fn cover_page(fonts: &Fonts, geo: Geometry, cover: &Cover) -> Page {
    let mut out = CoverItems {
        fonts,
        items: Vec::new(),
    };
    let width = geo.text_width();
    // Organisation at the top, over a rule.
    let org = ellipsize(
        fonts,
        COVER.organisation_face,
        &cover.organisation,
        COVER.organisation_size,
        width,
    );
    out.put(
        geo.left,
        geo.top + COVER.organisation_drop,
        COVER.organisation_face,
        COVER.organisation_size,
        COVER.organisation_color,
        &org,
    );
    let mut y = geo.height * COVER.title_top;
    y = out.lines(&COVER.title, &cover.title, geo.left, width, y);
    if !cover.subtitle.is_empty() {
        y += COVER.subtitle.before;
        y = out.lines(&COVER.subtitle, &cover.subtitle, geo.left, width, y);
    }
    if !cover.committee.is_empty() {
        y += COVER.committee.before;
        out.lines(&COVER.committee, &cover.committee, geo.left, width, y);
    }
    // Facts near the foot of the page.
    #[allow(clippy::cast_precision_loss)]
    let mut fy = geo.height - geo.bottom - cover.facts.len() as f32 * COVER.fact_leading;
    let label_width = cover
        .facts
        .iter()
        .map(|(l, _)| fonts.width(COVER.fact_label_face, l, COVER.fact_size))
        .fold(0.0f32, f32::max)
        + COVER.fact_gap;
    for (label, value) in &cover.facts {
        out.put(
            geo.left,
            fy,
            COVER.fact_label_face,
            COVER.fact_size,
            COVER.fact_color,
            label,
        );
        let value = ellipsize(
            fonts,
            COVER.fact_value_face,
            value,
            COVER.fact_size,
            width - label_width,
        );
        out.put(
            geo.left + label_width,
            fy,
            COVER.fact_value_face,
            COVER.fact_size,
            COVER.fact_color,
            &value,
        );
        fy += COVER.fact_leading;
    }
    let mut items = vec![Item::Line {
        x1: geo.left,
        y1: geo.top + COVER.rule_drop,
        x2: geo.width - geo.right,
        y2: geo.top + COVER.rule_drop,
        width: COVER.rule_width,
        color: COVER.rule_color,
        dash: false,
    }];
    items.extend(out.items);
    Page { items }
}
