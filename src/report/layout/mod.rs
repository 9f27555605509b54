//! Layout: the document model → positioned text, rules and boxes on A4 pages.
//!
//! Greedy line wrapping with the real advance widths of the embedded fonts ([`text`]);
//! pagination with widow/orphan control (no single line of a paragraph alone at a page foot or
//! head); a heading always keeps company with the start of what follows it; footnotes at the
//! foot of the page that references them ([`flow`]); tables split across pages with the header
//! row repeated ([`table`]); bar charts ([`chart`]); the cover ([`cover`]) and the running
//! header and page numbers ([`furniture`]). Layout runs until the page numbers printed in the
//! table of contents ([`contents`]) agree with where the headings really are (normally two
//! passes). Every length and colour comes from the style sheet ([`style`]).
//!
//! Coordinates are points from the top-left corner of the page; the writer flips them.

mod chart;
mod contents;
mod cover;
mod figure;
mod flow;
mod furniture;
pub mod style;
mod table;
pub mod tags;
mod text;

pub use style::{
    ACCENT, BAR_FILL, BLACK, GREY, Geometry, HEADER_FILL, INK, MM, REFERENCE, RULE, Rgb,
    STRIPE_FILL,
};
pub use text::{Piece, TextLine, ellipsize, superscript, wrap};

use super::fonts::{Face, Fonts};
use super::model::Document;
use crate::core::picture::Picture;
use flow::Flow;
use std::sync::Arc;
pub use tags::{Node, Role, Tag};

/// Something drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// Text with its baseline at `y`.
    Text {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        color: Rgb,
        text: String,
        /// Measured width, for bounds checks and link boxes.
        width: f32,
    },
    /// A filled rectangle with its top-left corner at (`x`, `y`).
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    /// A picture filling the box with its top-left corner at (`x`, `y`).
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        picture: Arc<Picture>,
    },
    /// A stroked line, dashed when `dash` is set.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
        dash: bool,
    },
}

/// One laid-out page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
    /// What each item belongs to in the document's structure (same length as `items`).
    pub tags: Vec<Tag>,
}

impl Page {
    /// Draw `item` as part of `tag`.
    pub fn push(&mut self, item: Item, tag: Tag) {
        self.items.push(item);
        self.tags.push(tag);
    }
}

/// Where a heading landed: becomes a bookmark.
#[derive(Clone, Debug, PartialEq)]
pub struct Anchor {
    /// Number and text: "2.1 Bristande serviceskyldighet".
    pub title: String,
    pub level: u8,
    /// 0-based page index.
    pub page: usize,
    /// Top of the heading, from the page top.
    pub y: f32,
    pub in_toc: bool,
}

/// A clickable table-of-contents entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub page: usize,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    /// Index into `Layout::anchors`.
    pub target: usize,
}

/// The laid-out report.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub geometry: Geometry,
    pub pages: Vec<Page>,
    pub anchors: Vec<Anchor>,
    pub links: Vec<Link>,
    /// The logical structure in reading order (index 0 is the `Document` root); the pages'
    /// `tags` point into it.
    pub structure: Vec<Node>,
    /// Layout passes it took for the table of contents to agree with the headings.
    pub passes: usize,
}

/// Passes after which the layout stops even if the contents' page numbers still move.
const MAX_PASSES: usize = 4;

/// One pass: the cover, then every block, with `toc_numbers` printed in the table of contents.
fn pass(
    fonts: &Fonts,
    doc: &Document,
    toc_numbers: &[usize],
    cache: &flow::Cache,
) -> (Vec<Page>, Vec<Anchor>, Vec<Link>, Vec<Node>) {
    let geo = Geometry::A4;
    let mut flow = Flow::new(fonts, geo, toc_numbers, cache);
    flow.continued_word.clone_from(&doc.words.continued);
    if doc.cover.letterhead {
        // A letter: the letterhead, then the text under it on the same page.
        let (page, y) = cover::letterhead(fonts, geo, &doc.cover, &mut flow.tree);
        flow.page = page;
        flow.y = y;
        flow.page_has_content = true;
    } else {
        // Page 1 is the cover; the flow starts on page 2.
        let cover = cover::cover_page(fonts, geo, &doc.cover, &mut flow.tree);
        flow.pages.push(cover);
    }
    for index in 0..doc.blocks.len() {
        flow.block(&doc.blocks, index, doc);
    }
    flow.new_page();
    let links = contents::resolve_links(&flow.anchors, flow.links);
    (flow.pages, flow.anchors, links, flow.tree.nodes)
}

/// Lay out `doc`: as many passes as it takes for the table of contents to show the pages the
/// headings really land on (two, unless the page numbers change the contents' own length).
#[must_use]
pub fn layout(fonts: &Fonts, doc: &Document) -> Layout {
    let mut toc_numbers: Vec<usize> = Vec::new();
    let mut passes = 0;
    let cache = flow::Cache::default();
    loop {
        passes += 1;
        let (mut pages, anchors, links, structure) = pass(fonts, doc, &toc_numbers, &cache);
        let found = contents::toc_pages(&anchors);
        if found == toc_numbers || passes >= MAX_PASSES {
            let total = pages.len();
            for (i, page) in pages.iter_mut().enumerate().skip(1) {
                furniture::running_header_and_footer(fonts, Geometry::A4, doc, page, i + 1, total);
            }
            return Layout {
                geometry: Geometry::A4,
                pages,
                anchors,
                links,
                structure,
                passes,
            };
        }
        toc_numbers = found;
    }
}

/// A document of `blocks` with fixed furniture, for the layout's unit tests.
#[cfg(test)]
pub(crate) fn test_document(blocks: Vec<crate::report::model::Block>) -> Document {
    use crate::report::model::{Cover, DocInfo, LayoutWords};
    Document {
        info: DocInfo {
            title: "T".to_owned(),
            author: String::new(),
            subject: String::new(),
            keywords: Vec::new(),
            lang: "sv-SE".to_owned(),
            created: chrono::DateTime::UNIX_EPOCH.fixed_offset(),
        },
        cover: Cover::default(),
        header: ("Org".to_owned(), "Titel".to_owned()),
        words: LayoutWords {
            contents: "Innehåll".to_owned(),
            continued: "(forts.)".to_owned(),
        },
        blocks,
    }
}
