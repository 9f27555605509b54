//! The cover page: the organisation over a rule, the title, subtitle and committee, and the
//! facts (date, reference number …) at the foot of the page.

use super::style::{COVER, CoverText, Geometry, LETTERHEAD, Rgb};
use super::tags::{Role, Structure};
use super::text::{ellipsize, wrap, wrap_words};
use super::{Item, Page, Tag};
use crate::report::fonts::{Face, Fonts};
use crate::report::model::Cover;

/// The cover's text items, in drawing order, each in the structure element open in `tree`.
struct CoverItems<'a> {
    fonts: &'a Fonts,
    page: Page,
    tree: &'a mut Structure,
}

impl CoverItems<'_> {
    fn put(&mut self, x: f32, y: f32, face: Face, size: f32, color: Rgb, text: &str) {
        let text = self.fonts.clean(face, text).into_owned();
        let width = self.fonts.width(face, text.trim_end(), size);
        self.page.push(
            Item::Text {
                x,
                y,
                face,
                size,
                color,
                text,
                width,
            },
            self.tree.tag(),
        );
    }

    /// Draw what `draw` draws as one element of `role`.
    fn element(&mut self, role: Role, draw: impl FnOnce(&mut Self)) {
        self.tree.open(role);
        draw(self);
        self.tree.close();
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

/// The most lines a fact's value takes; when more were needed, the last one ends in "…" after
/// its last whole word that fits.
const FACT_MAX_LINES: usize = 4;

/// A fact's value wrapped to `width` between words, at most [`FACT_MAX_LINES`] lines.
fn fact_lines(fonts: &Fonts, value: &str, width: f32) -> Vec<String> {
    let face = COVER.fact_value_face;
    let size = COVER.fact_size;
    let mut lines: Vec<String> = wrap_words(fonts, &[(face, value)], size, width)
        .iter()
        .map(|line| line.text().trim_end().to_owned())
        .collect();
    if lines.len() > FACT_MAX_LINES {
        lines.truncate(FACT_MAX_LINES);
        if let Some(last) = lines.last_mut() {
            *last = cut_with_ellipsis(fonts, last, width);
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    // A single word wider than the column is cut, as before.
    lines
        .into_iter()
        .map(|line| ellipsize(fonts, face, &line, size, width))
        .collect()
}

/// `line` with "…" after it, words dropped from its end until it fits `width`; a cut after a
/// comma (a whole item of a list, such as a name) is preferred.
fn cut_with_ellipsis(fonts: &Fonts, line: &str, width: f32) -> String {
    let face = COVER.fact_value_face;
    let fits = |text: &str| fonts.width(face, text, COVER.fact_size) <= width;
    let words: Vec<&str> = line.split(' ').collect();
    let candidate = |n: usize| format!("{} …", words[..n].join(" ").trim_end_matches(','));
    let whole_items = (1..=words.len())
        .rev()
        .filter(|&n| words[n - 1].ends_with(','))
        .map(candidate)
        .find(|c| fits(c));
    whole_items
        .or_else(|| (1..=words.len()).rev().map(candidate).find(|c| fits(c)))
        .unwrap_or_else(|| candidate(1))
}

/// The top of a cover or letterhead: the organisation (a paragraph) over the rule (an artifact).
fn organisation_over_rule<'a>(
    fonts: &'a Fonts,
    geo: Geometry,
    cover: &Cover,
    tree: &'a mut Structure,
) -> CoverItems<'a> {
    let mut page = Page::default();
    page.push(
        Item::Line {
            x1: geo.left,
            y1: geo.top + COVER.rule_drop,
            x2: geo.width - geo.right,
            y2: geo.top + COVER.rule_drop,
            width: COVER.rule_width,
            color: COVER.rule_color,
            dash: false,
        },
        Tag::Artifact,
    );
    let mut out = CoverItems { fonts, page, tree };
    let org = ellipsize(
        fonts,
        COVER.organisation_face,
        &cover.organisation,
        COVER.organisation_size,
        geo.text_width(),
    );
    out.element(Role::P, |out| {
        out.put(
            geo.left,
            geo.top + COVER.organisation_drop,
            COVER.organisation_face,
            COVER.organisation_size,
            COVER.organisation_color,
            &org,
        );
    });
    out
}

/// The facts, label and value, each a paragraph, from the baseline `y`; a long value (several
/// auditors) wraps under itself. Returns the baseline after the last line.
fn facts(
    out: &mut CoverItems<'_>,
    geo: Geometry,
    facts: &[(&str, Vec<String>)],
    label_width: f32,
    mut y: f32,
) -> f32 {
    for (label, lines) in facts {
        out.element(Role::P, |out| {
            out.put(
                geo.left,
                y,
                COVER.fact_label_face,
                COVER.fact_size,
                COVER.fact_color,
                // With its space: "Datum 2019-05-15" to a screen reader.
                &format!("{label} "),
            );
            for line in lines {
                out.put(
                    geo.left + label_width,
                    y,
                    COVER.fact_value_face,
                    COVER.fact_size,
                    COVER.fact_color,
                    line,
                );
                y += COVER.fact_leading;
            }
        });
    }
    y
}

/// The facts wrapped to the text width beside their widest label, and that label column's width.
fn wrapped_facts<'c>(
    fonts: &Fonts,
    geo: Geometry,
    cover: &'c Cover,
) -> (Vec<(&'c str, Vec<String>)>, f32) {
    let label_width = cover
        .facts
        .iter()
        .map(|(l, _)| fonts.width(COVER.fact_label_face, l, COVER.fact_size))
        .fold(0.0f32, f32::max)
        + COVER.fact_gap;
    let value_width = geo.text_width() - label_width;
    let facts = cover
        .facts
        .iter()
        .map(|(label, value)| (label.as_str(), fact_lines(fonts, value, value_width)))
        .collect();
    (facts, label_width)
}

/// The cover page: the organisation and the committee as paragraphs, the title as the first
/// level-1 heading, each fact as a paragraph; the rule is an artifact.
pub(super) fn cover_page(
    fonts: &Fonts,
    geo: Geometry,
    cover: &Cover,
    tree: &mut Structure,
) -> Page {
    let mut out = organisation_over_rule(fonts, geo, cover, tree);
    let width = geo.text_width();
    let mut y = geo.height * COVER.title_top;
    out.element(Role::H(1), |out| {
        y = out.lines(&COVER.title, &cover.title, geo.left, width, y);
    });
    if !cover.subtitle.is_empty() {
        y += COVER.subtitle.before;
        out.element(Role::P, |out| {
            y = out.lines(&COVER.subtitle, &cover.subtitle, geo.left, width, y);
        });
    }
    if !cover.committee.is_empty() {
        y += COVER.committee.before;
        out.element(Role::P, |out| {
            out.lines(&COVER.committee, &cover.committee, geo.left, width, y);
        });
    }
    // Facts near the foot of the page.
    let (wrapped, label_width) = wrapped_facts(fonts, geo, cover);
    let line_count: usize = wrapped.iter().map(|(_, lines)| lines.len()).sum();
    #[allow(clippy::cast_precision_loss)]
    let fy = geo.height - geo.bottom - line_count as f32 * COVER.fact_leading;
    facts(&mut out, geo, &wrapped, label_width, fy);
    out.page
}

/// A letter's first page: the organisation over the rule as on the cover, then the title, the
/// recipient and the facts, with the text to follow under them. Returns the page and where the
/// text starts.
pub(super) fn letterhead(
    fonts: &Fonts,
    geo: Geometry,
    cover: &Cover,
    tree: &mut Structure,
) -> (Page, f32) {
    let mut out = organisation_over_rule(fonts, geo, cover, tree);
    let width = geo.text_width();
    let mut y = geo.top + COVER.rule_drop + LETTERHEAD.title_drop;
    out.element(Role::H(1), |out| {
        y = out.lines(&LETTERHEAD.title, &cover.title, geo.left, width, y);
    });
    if !cover.subtitle.is_empty() {
        y += LETTERHEAD.subtitle.before;
        out.element(Role::P, |out| {
            y = out.lines(&LETTERHEAD.subtitle, &cover.subtitle, geo.left, width, y);
        });
    }
    let (wrapped, label_width) = wrapped_facts(fonts, geo, cover);
    let y = facts(
        &mut out,
        geo,
        &wrapped,
        label_width,
        y + LETTERHEAD.facts_before,
    );
    (out.page, y + LETTERHEAD.facts_after)
}
