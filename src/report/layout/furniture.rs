//! Page furniture on every page after the cover: the running header (organisation left, title
//! right, over a hairline) and the page number "3 (12)" at the foot, all pagination artifacts.

use super::style::{FURNITURE, Geometry};
use super::text::ellipsize;
use super::{Item, Page, Tag};
use crate::report::fonts::Fonts;
use crate::report::model::Document;

pub(super) fn running_header_and_footer(
    fonts: &Fonts,
    geo: Geometry,
    doc: &Document,
    page: &mut Page,
    number: usize,
    total: usize,
) {
    let face = FURNITURE.face;
    let size = FURNITURE.size;
    let width = geo.text_width();
    let y = geo.top - FURNITURE.header_rise;
    let left = ellipsize(
        fonts,
        face,
        &doc.header.0,
        size,
        width * FURNITURE.left_share,
    );
    let right = ellipsize(
        fonts,
        face,
        &doc.header.1,
        size,
        width * FURNITURE.right_share,
    );
    let right_width = fonts.width(face, &right, size);
    let mut push = |x: f32, y: f32, text: String| {
        let w = fonts.width(face, &text, size);
        page.push(
            Item::Text {
                x,
                y,
                face,
                size,
                color: FURNITURE.color,
                text,
                width: w,
            },
            Tag::Pagination,
        );
    };
    push(geo.left, y, left);
    push(geo.width - geo.right - right_width, y, right);
    let folio = format!("{number} ({total})");
    let folio_width = fonts.width(face, &folio, size);
    push(
        geo.width - geo.right - folio_width,
        geo.height - geo.bottom + FURNITURE.folio_drop,
        folio,
    );
    page.push(
        Item::Line {
            x1: geo.left,
            y1: y + FURNITURE.rule_drop,
            x2: geo.width - geo.right,
            y2: y + FURNITURE.rule_drop,
            width: FURNITURE.rule_width,
            color: FURNITURE.rule_color,
            dash: false,
        },
        Tag::Pagination,
    );
}
