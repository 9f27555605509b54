//! The report's account review (Kontogranskning): Svarskoll's paragraph and a table of the
//! checklist's requirements with how many accounts were reviewed against each and how many meet
//! it (`core::review`). Only in a report whose audit has a checklist with at least one answer.

use super::model::{Align, Block, Column, Table};
use super::prose::{self, count_cell, share_cell};
use crate::core::Lang;
use crate::core::results::Results;
use crate::i18n::report as words;

/// The section's blocks under its label, empty when there is nothing to report.
#[must_use]
pub fn review_blocks(results: &Results, lang: Lang) -> Vec<Block> {
    let review = &results.review;
    let Some(paragraph) = prose::prose(lang).review_paragraph(review) else {
        return Vec::new();
    };
    let number = |title: &str| Column {
        title: title.to_owned(),
        align: Align::Right,
        wraps: false,
        short_title: None,
    };
    let columns = vec![
        Column {
            title: words::REQUIREMENT.get(lang).to_owned(),
            align: Align::Left,
            wraps: true,
            short_title: None,
        },
        number(words::REVIEWED.get(lang)),
        number(words::PASSED.get(lang)),
        number(words::SHARE.get(lang)),
    ];
    let rows = review
        .items
        .iter()
        .map(|item| {
            let c = item.counts;
            let share = if c.reviewed == 0 {
                words::NOT_REVIEWED.get(lang).to_owned()
            } else {
                share_cell(c.share(), lang)
            };
            vec![
                item.text.trim().to_owned(),
                count_cell(c.reviewed, lang),
                count_cell(c.passed, lang),
                share,
            ]
        })
        .collect();
    vec![
        Block::Paragraph(paragraph),
        Block::Table(Table {
            caption: Some(words::TABLE_REVIEW.get(lang).to_owned()),
            columns,
            rows,
            total: None,
            compact: false,
            stripe_by_first_column: false,
        }),
    ]
}
