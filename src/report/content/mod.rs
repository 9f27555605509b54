//! The report's content: an audit and its results → the document model (PRODUCT §8).

use super::EvidencePictures;
use super::model::{
    Align, Bar, BarChart, Block, Column, Cover, DocInfo, Document, Figure, Heading, HeadingKind,
    LayoutWords, Paragraph, Table,
};
use super::prose::{self, interval_cell, share_cell};
use crate::core::results::{Counts, GroupResult, Results, TrendPoint};
use crate::core::{ActionStatus, Audit, Lang, Outcome};
use crate::i18n::report as words;
use crate::i18n::{Label, Text, group_name};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::BTreeMap;
use std::sync::Arc;

mod appendix;
mod figures;
mod tables;

use appendix::{appendix_blocks, evidence_blocks};
pub use figures::chart_description;
use figures::{platform_chart, trend_chart};
pub use tables::natural_order;
use tables::{group_table, number_column, trend_table, with_short};

/// Everything the document is built from.
pub struct Inputs<'a> {
    pub audit: &'a Audit,
    pub results: &'a Results,
    pub lang: Lang,
    /// The cover date when the audit has none.
    pub today: NaiveDate,
    pub created: DateTime<FixedOffset>,
    /// The screenshots of the evidence appendix; `None`: no such appendix.
    pub evidence: Option<&'a EvidencePictures>,
}

fn heading(kind: HeadingKind, number: Option<String>, text: &str, outline_level: u8) -> Block {
    let in_toc = kind != HeadingKind::Label;
    Block::Heading(Heading {
        kind,
        number,
        text: text.trim().to_owned(),
        in_toc,
        outline_level,
    })
}

fn label(text: &str, outline_level: u8) -> Block {
    heading(HeadingKind::Label, None, text, outline_level)
}

/// The auditor's free text as blocks: blank lines separate paragraphs, lines starting with
/// "- ", "* " or "• " are bullet points. An empty text says it has not been written.
#[must_use]
pub fn free_text(text: &str, lang: Lang) -> Vec<Block> {
    let text = text.replace("\r\n", "\n");
    let mut blocks = Vec::new();
    for chunk in text.split("\n\n") {
        let mut paragraph: Vec<&str> = Vec::new();
        let mut bullets: Vec<Paragraph> = Vec::new();
        for line in chunk.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let item = ["- ", "* ", "• ", "– "]
                .iter()
                .find_map(|m| line.strip_prefix(m));
            if let Some(item) = item {
                if !paragraph.is_empty() {
                    blocks.push(Block::Paragraph(Paragraph::plain(paragraph.join(" "))));
                    paragraph.clear();
                }
                bullets.push(Paragraph::plain(item.trim()));
            } else {
                if !bullets.is_empty() {
                    blocks.push(Block::Bullets(std::mem::take(&mut bullets)));
                }
                paragraph.push(line);
            }
        }
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(Paragraph::plain(paragraph.join(" "))));
        }
        if !bullets.is_empty() {
            blocks.push(Block::Bullets(bullets));
        }
    }
    if blocks.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::italic(
            words::NOT_WRITTEN.get(lang),
        )));
    }
    blocks
}

fn or_default<'t>(text: &'t str, default: &'t str) -> &'t str {
    if text.trim().is_empty() {
        default
    } else {
        text.trim()
    }
}

/// Build the report document.
#[must_use]
pub fn build(inputs: &Inputs<'_>) -> Document {
    let Inputs {
        audit,
        results,
        lang,
        today,
        created,
        evidence,
    } = *inputs;
    let meta = &audit.meta;
    let title = or_default(&meta.title, words::DEFAULT_TITLE.get(lang)).to_owned();
    let audit_title =
        or_default(&audit.texts.audit_title, words::AUDIT_PREFIX.get(lang)).to_owned();
    let risk_title = or_default(&audit.risk.title, words::RISK.get(lang)).to_owned();

    let mut facts = vec![(
        words::DATE.get(lang).to_owned(),
        meta.report_date
            .unwrap_or(today)
            .format("%Y-%m-%d")
            .to_string(),
    )];
    if !meta.diary_number.trim().is_empty() {
        facts.push((
            words::DIARY_NUMBER.get(lang).to_owned(),
            meta.diary_number.trim().to_owned(),
        ));
    }
    if !meta.administration.trim().is_empty() {
        facts.push((
            words::ADMINISTRATION.get(lang).to_owned(),
            meta.administration.trim().to_owned(),
        ));
    }
    let period = meta.period.trim();
    if !period.is_empty() {
        facts.push((words::PERIOD.get(lang).to_owned(), period.to_owned()));
    }
    let auditors: Vec<&str> = meta
        .auditors
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .collect();
    if !auditors.is_empty() {
        let label = if auditors.len() == 1 {
            words::AUDITOR
        } else {
            words::AUDITORS
        };
        facts.push((label.get(lang).to_owned(), auditors.join(", ")));
    }
    let cover = Cover {
        organisation: meta.organisation.trim().to_owned(),
        title: title.clone(),
        subtitle: format!("{}: {audit_title}", words::AUDIT_PREFIX.get(lang)),
        committee: meta.committee.trim().to_owned(),
        facts,
        letterhead: false,
    };

    let mut blocks = vec![Block::TableOfContents, Block::PageBreak];
    blocks.push(heading(
        HeadingKind::Chapter,
        Some("1".into()),
        words::INTRODUCTION.get(lang),
        1,
    ));
    blocks.extend(free_text(&audit.texts.introduction, lang));

    blocks.push(heading(
        HeadingKind::Chapter,
        Some("2".into()),
        words::AUDITS_AND_ACTIONS.get(lang),
        1,
    ));
    blocks.push(heading(
        HeadingKind::Section,
        Some("2.1".into()),
        &risk_title,
        2,
    ));
    blocks.push(label(words::RISK_DESCRIPTION.get(lang), 3));
    blocks.extend(free_text(&audit.risk.description, lang));
    blocks.push(heading(
        HeadingKind::Subsection,
        Some("2.1.1".into()),
        &audit_title,
        3,
    ));
    for (name, text) in [
        (words::AREAS.get(lang), &audit.texts.areas),
        (words::PURPOSE.get(lang), &audit.texts.purpose),
        (words::SCOPE.get(lang), &audit.texts.scope),
        (words::METHOD.get(lang), &audit.texts.method),
    ] {
        blocks.push(label(name, 4));
        blocks.extend(free_text(text, lang));
    }
    // After the auditor's method text: when and by whom.
    blocks.extend(
        prose::prose(lang)
            .method_paragraph(audit, results)
            .map(Block::Paragraph),
    );
    blocks.push(label(words::RESULTS.get(lang), 4));
    blocks.extend(results_blocks(audit, results, lang));
    // The account review, after the response-time results it complements.
    let review = super::review::review_blocks(results, lang);
    let with_review = !review.is_empty();
    if with_review {
        blocks.push(label(words::REVIEW.get(lang), 4));
        blocks.extend(review);
    }
    blocks.push(label(words::ANALYSIS.get(lang), 4));
    blocks.extend(free_text(&audit.texts.analysis, lang));
    blocks.push(label(words::CONCLUSION.get(lang), 4));
    blocks.extend(free_text(&audit.texts.conclusion, lang));
    blocks.push(label(words::ACTIONS.get(lang), 4));
    if audit.actions.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::plain(
            words::NO_ACTIONS.get(lang),
        )));
    }
    for (i, action) in audit.actions.iter().enumerate() {
        let number = format!("2.1.1.{}", i + 1);
        blocks.push(heading(
            HeadingKind::Subsubsection,
            Some(number),
            or_default(&action.title, words::ACTIONS.get(lang)),
            4,
        ));
        blocks.push(label(words::WHAT_TO_DO.get(lang), 5));
        blocks.extend(free_text(&action.what_to_do, lang));
        blocks.push(label(words::REPORT_TO.get(lang), 5));
        let report_to = or_default(&action.report_to, &meta.report_to);
        blocks.extend(free_text(report_to, lang));
        let mut extra = Vec::new();
        if !action.responsible.trim().is_empty() {
            extra.push(format!(
                "{}: {}",
                words::RESPONSIBLE.get(lang),
                action.responsible.trim()
            ));
        }
        if let Some(due) = action.due {
            extra.push(format!(
                "{}: {}",
                words::DUE.get(lang),
                due.format("%Y-%m-%d")
            ));
        }
        if !extra.is_empty() {
            blocks.push(Block::Paragraph(Paragraph::italic(extra.join(" · "))));
        }
    }

    blocks.extend(follow_up_blocks(audit, lang));

    blocks.push(heading(
        HeadingKind::Chapter,
        None,
        words::APPENDIX.get(lang),
        1,
    ));
    blocks.extend(appendix_blocks(audit, results, with_review, lang));
    if let Some(evidence) = evidence {
        blocks.push(heading(
            HeadingKind::Chapter,
            None,
            words::EVIDENCE_APPENDIX.get(lang),
            1,
        ));
        blocks.extend(evidence_blocks(audit, results, evidence, lang));
    }
    number_captions(&mut blocks);

    let author = [meta.administration.trim(), meta.organisation.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let committee = meta.committee.trim();
    Document {
        info: DocInfo {
            title: if committee.is_empty() {
                title.clone()
            } else {
                format!("{title} – {committee}")
            },
            author,
            subject: format!(
                "{}: {audit_title} ({risk_title})",
                words::AUDIT_PREFIX.get(lang)
            ),
            keywords: vec![
                risk_title.clone(),
                audit_title.clone(),
                words::KEYWORD.get(lang).to_owned(),
            ],
            lang: words::LANGUAGE_TAG.get(lang).to_owned(),
            created,
        },
        cover,
        header: (meta.organisation.trim().to_owned(), title),
        words: LayoutWords {
            contents: words::CONTENTS.get(lang).to_owned(),
            continued: words::CONTINUED.get(lang).to_owned(),
        },
        blocks,
    }
}

/// The Results section under its heading: Svarskoll's sentences, tables and chart, then the
/// auditor's addition.
pub(crate) fn results_blocks(audit: &Audit, results: &Results, lang: Lang) -> Vec<Block> {
    let mut blocks: Vec<Block> = prose::prose(lang)
        .result_paragraphs(audit, results)
        .into_iter()
        .map(Block::Paragraph)
        .collect();
    let c = &results.overall;
    if c.decided() > 0 {
        blocks.push(Block::Table(group_table(
            words::TABLE_PLATFORM.get(lang),
            words::PLATFORM.get(lang),
            false,
            &results.by_platform,
            c,
            lang,
        )));
        blocks.push(Block::BarChart(platform_chart(results, lang)));
        if results
            .by_unit
            .iter()
            .filter(|g| g.counts.audited > 0)
            .count()
            > 1
        {
            blocks.push(Block::Table(group_table(
                words::TABLE_UNIT.get(lang),
                words::UNIT.get(lang),
                true,
                &results.by_unit,
                c,
                lang,
            )));
        }
    }
    if c.audited > 0
        && let Some(cmp) = &results.comparison
    {
        blocks.push(Block::Paragraph(
            prose::prose(lang).comparison_paragraph(audit, cmp),
        ));
    }
    if shows_trend(results) {
        blocks.push(Block::Table(trend_table(results, lang)));
        blocks.push(Block::BarChart(trend_chart(results, lang)));
    }
    if !audit.texts.results_note.trim().is_empty() {
        blocks.extend(free_text(&audit.texts.results_note, lang));
    }
    blocks
}

/// The trend is shown when there is an earlier audit to show beside this one.
fn shows_trend(results: &Results) -> bool {
    results.trend.iter().any(|p| !p.current)
}

/// A trend point's name: its label, else (this audit without a year) "Denna granskning".
fn trend_name(p: &TrendPoint, lang: Lang) -> String {
    if p.label.trim().is_empty() {
        words::THIS_AUDIT.get(lang).to_owned()
    } else {
        p.label.trim().to_owned()
    }
}

/// 2.2 Uppföljning av åtgärder, in the style of Kulturnämnden's follow-up (2023): per action
/// what is to be done, what has been done and its status. Only when something has been
/// followed up (a status other than planned, or a follow-up text).
fn follow_up_blocks(audit: &Audit, lang: Lang) -> Vec<Block> {
    let followed_up = audit
        .actions
        .iter()
        .any(|a| a.status != ActionStatus::Planned || !a.follow_up.trim().is_empty());
    if !followed_up {
        return Vec::new();
    }
    let mut blocks = vec![heading(
        HeadingKind::Section,
        Some("2.2".into()),
        words::FOLLOW_UP_OF_ACTIONS.get(lang),
        2,
    )];
    for (i, action) in audit.actions.iter().enumerate() {
        blocks.push(heading(
            HeadingKind::Subsection,
            Some(format!("2.2.{}", i + 1)),
            &format!(
                "{}: {}",
                words::ACTION_PREFIX.get(lang),
                or_default(action.title.trim(), "–")
            ),
            3,
        ));
        blocks.push(label(words::WHAT_TO_DO.get(lang), 4));
        blocks.extend(free_text(&action.what_to_do, lang));
        blocks.push(label(words::ACTIONS_TAKEN.get(lang), 4));
        if action.follow_up.trim().is_empty() {
            blocks.push(Block::Paragraph(Paragraph::plain(
                words::NOTHING_REPORTED.get(lang),
            )));
        } else {
            blocks.extend(free_text(&action.follow_up, lang));
        }
        blocks.push(label(words::STATUS.get(lang), 4));
        blocks.push(Block::Paragraph(Paragraph::plain(
            action.status.label(lang),
        )));
    }
    blocks
}

/// Number the tables and the figures in the order they stand ("Tabell 3.", "Figur 2."): which
/// of the optional parts (the trend, the account review) are present decides the numbers, so the
/// captions' own numbers are replaced here, once, rather than worked out at each caption.
fn number_captions(blocks: &mut [Block]) {
    /// `caption` with its leading "Word N." numbered `n`; unchanged when it has none.
    fn renumber(caption: &str, n: usize) -> Option<String> {
        let (word, rest) = caption.split_once(' ')?;
        let (digits, title) = rest.split_once(". ")?;
        (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
            .then(|| format!("{word} {n}. {title}"))
    }
    let (mut tables, mut figures) = (0, 0);
    for block in blocks {
        match block {
            Block::Table(t) => {
                if let Some(caption) = &mut t.caption
                    && let Some(numbered) = renumber(caption, tables + 1)
                {
                    tables += 1;
                    *caption = numbered;
                }
            }
            Block::BarChart(c) => {
                if let Some(numbered) = renumber(&c.caption, figures + 1) {
                    figures += 1;
                    // The alternate text starts with the caption's "Figur N.".
                    let label = |caption: &str| {
                        caption
                            .split_once(". ")
                            .map_or_else(String::new, |(l, _)| format!("{l}."))
                    };
                    c.alt = c.alt.replacen(&label(&c.caption), &label(&numbered), 1);
                    c.caption = numbered;
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_description_names_every_bar_and_the_reference() {
        use crate::report::model::Bar;
        let bar = |label: &str, value: f64, value_label: &str| Bar {
            label: label.to_owned(),
            value,
            value_label: value_label.to_owned(),
        };
        let chart = BarChart {
            caption: "Figur 1. Andel i tid".to_owned(),
            bars: vec![bar("Facebook", 0.55, "55 %"), bar("Instagram", 0.4, "40 %")],
            reference: Some((0.48, "Samtliga: 48 %".to_owned())),
            ticks: Vec::new(),
            alt: String::new(),
        };
        assert_eq!(
            chart_description(&chart, Lang::Sv),
            "Figur 1. Andel i tid. Stapeldiagram: Facebook 55 %, Instagram 40 %; \
             streckad linje för Samtliga: 48 %."
        );
        assert!(chart_description(&chart, Lang::En).contains("Bar chart: Facebook 55 %"));
    }

    #[test]
    fn units_sort_naturally_and_the_swedish_way() {
        let mut names = vec![
            "Enhet 10",
            "Enhet 2",
            "Område Öster",
            "Område Åkra",
            "Område Väster",
            "enhet 1",
        ];
        names.sort_by(|a, b| natural_order(a, b));
        assert_eq!(
            names,
            [
                "enhet 1",
                "Enhet 2",
                "Enhet 10",
                "Område Väster",
                "Område Åkra",
                "Område Öster"
            ]
        );
    }

    #[test]
    fn free_text_splits_paragraphs_and_bullets() {
        let blocks = free_text(
            "Inledning som ska se till att:\n\n- verksamheten är effektiv\n- lagar efterlevs\n\nSista stycket\nfortsätter.",
            Lang::Sv,
        );
        assert_eq!(blocks.len(), 3);
        assert!(
            matches!(&blocks[1], Block::Bullets(items) if items.len() == 2 && items[1].text() == "lagar efterlevs")
        );
        assert!(
            matches!(&blocks[2], Block::Paragraph(p) if p.text() == "Sista stycket fortsätter.")
        );
        let empty = free_text("  \n", Lang::Sv);
        assert!(matches!(&empty[0], Block::Paragraph(p) if p.text() == "Texten är inte ifylld."));
    }
}
