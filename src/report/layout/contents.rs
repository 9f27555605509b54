//! The table of contents: entries with dot leaders and page numbers, each a link to its heading.
//!
//! The page numbers are only known after layout, so the layout runs again with the numbers the
//! previous pass found ([`toc_pages`]) until they agree with where the headings land.

use super::flow::Flow;
use super::style::{CONTENTS, contents_entry, heading_style};
use super::tags::{Role, Tag};
use super::text::{baseline, wrap};
use super::{Anchor, Link};
use crate::report::model::{Block, Document, Heading, HeadingKind};

/// The 1-based page numbers of the headings shown in the table of contents.
pub(super) fn toc_pages(anchors: &[Anchor]) -> Vec<usize> {
    anchors
        .iter()
        .filter(|a| a.in_toc)
        .map(|a| a.page + 1)
        .collect()
}

/// Point the links, made with the index of their table-of-contents entry, at the anchors of
/// those headings.
pub(super) fn resolve_links(anchors: &[Anchor], links: Vec<Link>) -> Vec<Link> {
    let toc_anchors: Vec<usize> = anchors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.in_toc)
        .map(|(i, _)| i)
        .collect();
    // A link keeps its place (the structure refers to it by index); one without a heading
    // points nowhere and is left out by the writer.
    links
        .into_iter()
        .map(|mut l| {
            l.target = toc_anchors.get(l.target).copied().unwrap_or(usize::MAX);
            l
        })
        .collect()
}

impl Flow<'_> {
    pub(super) fn table_of_contents(&mut self, doc: &Document) {
        let style = heading_style(HeadingKind::Chapter);
        let base = baseline(self.y, style.size, style.leading);
        let contents = doc.words.contents.clone();
        self.element(Role::H(1), |flow| {
            flow.text(
                flow.geo.left,
                base,
                style.face,
                style.size,
                style.color,
                &contents,
            );
        });
        self.tree.open(Role::TOC);
        self.y += style.leading + style.after + CONTENTS.title_gap;
        self.page_has_content = true;
        let entries: Vec<&Heading> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) if h.in_toc => Some(h),
                _ => None,
            })
            .collect();
        let size = CONTENTS.size;
        let leading = CONTENTS.leading;
        for (i, h) in entries.iter().enumerate() {
            let page_number = self.toc_numbers.get(i).copied().unwrap_or(0);
            let entry = contents_entry(h.kind);
            let (face, indent, before) = (entry.face, entry.indent, entry.before);
            let title = match &h.number {
                Some(n) => format!("{n} {}", h.text),
                None => h.text.clone(),
            };
            let width = self.width() - indent - CONTENTS.number_room;
            let lines = wrap(
                self.fonts,
                &[(face, &title)],
                size,
                width - CONTENTS.title_slack,
            );
            #[allow(clippy::cast_precision_loss)]
            let height = lines.len().max(1) as f32 * leading;
            if self.y + before + height > self.bottom() {
                self.new_page();
            }
            self.space_before(before);
            self.tree.open(Role::TOCI);
            let link = self.tree.open(Role::Link);
            self.tree.nodes[link].link = Some(self.links.len());
            let top = self.y;
            let x = self.geo.left + indent;
            let mut last_end = x;
            let mut base = baseline(self.y, size, leading);
            for (k, line) in lines.iter().enumerate() {
                base = baseline(self.y, size, leading);
                let mut line = line.clone();
                // "1 Inledning 3" to a screen reader: the dot leader is an artifact.
                line.space_after |= k + 1 == lines.len();
                self.draw_line(&line, x, base, size, CONTENTS.color);
                last_end = x + line.width;
                self.y += leading;
            }
            let number = page_number.to_string();
            let number_width = self.fonts.width(face, &number, size);
            let right = self.geo.left + self.width();
            self.text(
                right - number_width,
                base,
                face,
                size,
                CONTENTS.color,
                &number,
            );
            // Dot leader between the title and the page number.
            let leader = CONTENTS.leader_face;
            let gap = CONTENTS.leader_gap;
            let dot = self.fonts.char_width(leader, '.', size);
            let room = right - number_width - gap - (last_end + gap);
            if dot > 0.0 && room > dot {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let count = (room / dot).floor() as usize;
                let dots = ".".repeat(count);
                #[allow(clippy::cast_precision_loss)]
                let dx = right - number_width - gap - dot * (count as f32);
                self.tagged(Tag::Artifact, |flow| {
                    flow.text(dx, base, leader, size, CONTENTS.leader_color, &dots);
                });
            }
            self.tree.close();
            self.tree.close();
            // The link target is resolved after layout: the i-th entry is the i-th TOC anchor.
            self.links.push(Link {
                page: self.page_index(),
                x: self.geo.left + indent,
                y: top,
                w: self.width() - indent,
                h: self.y - top,
                target: i,
            });
        }
        self.tree.close();
    }
}
