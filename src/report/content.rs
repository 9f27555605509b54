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

/// Table 3: every earlier audit, oldest first, then this one (in bold, as the table's last row).
fn trend_table(results: &Results, lang: Lang) -> Table {
    let row = |p: &TrendPoint| {
        vec![
            trend_name(p, lang),
            prose::count_cell(p.audited as usize, lang),
            prose::count_cell(p.in_time as usize, lang),
            share_cell(p.share, lang),
            interval_cell(p.ci95, lang),
        ]
    };
    Table {
        caption: Some(words::TABLE_TREND.get(lang).to_owned()),
        columns: vec![
            Column {
                title: words::AUDIT_YEAR.get(lang).to_owned(),
                align: Align::Left,
                wraps: true,
                short_title: None,
            },
            number_column(words::AUDITED.get(lang)),
            number_column(words::IN_TIME.get(lang)),
            number_column(words::SHARE_IN_TIME.get(lang)),
            Column {
                title: words::INTERVAL.get(lang).to_owned(),
                align: Align::Right,
                wraps: false,
                short_title: Some(words::INTERVAL_SHORT.get(lang).to_owned()),
            },
        ],
        rows: results
            .trend
            .iter()
            .filter(|p| !p.current)
            .map(row)
            .collect(),
        total: results.trend.iter().find(|p| p.current).map(row),
        compact: false,
        stripe_by_first_column: false,
    }
}

/// Figure 2: the share in time per audit, oldest first.
fn trend_chart(results: &Results, lang: Lang) -> BarChart {
    let bars = results
        .trend
        .iter()
        .filter_map(|p| {
            let share = p.share?;
            Some(Bar {
                label: trend_name(p, lang),
                value: share,
                value_label: share_cell(Some(share), lang),
            })
        })
        .collect();
    let mut chart = BarChart {
        caption: words::FIGURE_TREND.get(lang).to_owned(),
        bars,
        reference: None,
        ticks: [0.0, 0.25, 0.5, 0.75, 1.0]
            .iter()
            .map(|t| share_cell(Some(*t), lang))
            .collect(),
        alt: String::new(),
    };
    chart.alt = chart_description(&chart, lang);
    chart
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

fn group_table(
    caption: &str,
    name_title: &str,
    name_wraps: bool,
    groups: &[GroupResult],
    overall: &Counts,
    lang: Lang,
) -> Table {
    let with_pending = overall.pending + overall.not_posted > 0;
    let mut columns = vec![
        Column {
            title: name_title.to_owned(),
            align: Align::Left,
            wraps: name_wraps,
            short_title: None,
        },
        with_short(
            number_column(words::AUDITED.get(lang)),
            words::AUDITED_SHORT,
            lang,
        ),
        number_column(words::IN_TIME.get(lang)),
        number_column(words::LATE.get(lang)),
        with_short(
            number_column(words::UNANSWERED.get(lang)),
            words::UNANSWERED_SHORT,
            lang,
        ),
    ];
    if with_pending {
        columns.push(number_column(words::PENDING.get(lang)));
    }
    columns.push(with_short(
        number_column(words::SHARE_IN_TIME.get(lang)),
        words::SHARE_IN_TIME_SHORT,
        lang,
    ));
    columns.push(Column {
        title: words::INTERVAL.get(lang).to_owned(),
        align: Align::Right,
        wraps: false,
        short_title: Some(words::INTERVAL_SHORT.get(lang).to_owned()),
    });
    let row = |name: &str, c: &Counts| {
        let mut cells = vec![
            name.to_owned(),
            prose::count_cell(c.audited, lang),
            prose::count_cell(c.in_time, lang),
            prose::count_cell(c.late, lang),
            prose::count_cell(c.unanswered, lang),
        ];
        if with_pending {
            cells.push(prose::count_cell(c.pending + c.not_posted, lang));
        }
        cells.push(share_cell(c.in_time_share(), lang));
        cells.push(interval_cell(c.in_time_ci95(), lang));
        cells
    };
    let mut shown: Vec<&GroupResult> = groups.iter().filter(|g| g.counts.audited > 0).collect();
    // Units are listed as people read them: "Enhet 2" before "Enhet 10", å ä ö after z.
    shown.sort_by(|a, b| natural_order(&group_name(&a.key, lang), &group_name(&b.key, lang)));
    let rows = shown
        .iter()
        .map(|g| row(&group_name(&g.key, lang), &g.counts))
        .collect();
    Table {
        caption: Some(caption.to_owned()),
        columns,
        rows,
        total: Some(row(words::ALL.get(lang), overall)),
        compact: false,
        stripe_by_first_column: false,
    }
}

/// A sort key part: text compared the Swedish way, or a number compared by value.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum SortPart {
    Number(u128),
    Text(Vec<u32>),
}

fn sort_key(name: &str) -> Vec<SortPart> {
    let mut parts = Vec::new();
    let mut chars = name.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut n: u128 = 0;
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                n = n.saturating_mul(10).saturating_add(u128::from(d));
                chars.next();
            }
            parts.push(SortPart::Number(n));
        } else {
            let mut text = Vec::new();
            while let Some(&c) = chars.peek().filter(|c| !c.is_ascii_digit()) {
                // Swedish alphabet: … x y z å ä ö.
                let lower = c.to_lowercase().next().unwrap_or(c);
                text.push(match lower {
                    'å' => u32::from('z') + 1,
                    'ä' | 'æ' => u32::from('z') + 2,
                    'ö' | 'ø' => u32::from('z') + 3,
                    other => u32::from(other),
                });
                chars.next();
            }
            parts.push(SortPart::Text(text));
        }
    }
    parts
}

/// Natural, Swedish order of names: "Enhet 2" < "Enhet 10", "Väster" < "Öster".
#[must_use]
pub fn natural_order(a: &str, b: &str) -> std::cmp::Ordering {
    sort_key(a).cmp(&sort_key(b)).then_with(|| a.cmp(b))
}

fn number_column(title: &str) -> Column {
    Column {
        title: title.to_owned(),
        align: Align::Right,
        wraps: false,
        short_title: None,
    }
}

/// A column with a short header for when the full ones cannot fit (explained under the table).
fn with_short(column: Column, short: Text, lang: Lang) -> Column {
    Column {
        short_title: Some(short.get(lang).to_owned()),
        ..column
    }
}

fn platform_chart(results: &Results, lang: Lang) -> BarChart {
    let bars = results
        .by_platform
        .iter()
        .filter_map(|g| {
            let share = g.counts.in_time_share()?;
            Some(Bar {
                label: group_name(&g.key, lang).into_owned(),
                value: share,
                value_label: share_cell(Some(share), lang),
            })
        })
        .collect();
    let reference = results.overall.in_time_share().map(|s| {
        (
            s,
            format!("{}: {}", words::ALL.get(lang), share_cell(Some(s), lang)),
        )
    });
    let mut chart = BarChart {
        caption: words::FIGURE_PLATFORM.get(lang).to_owned(),
        bars,
        reference,
        ticks: [0.0, 0.25, 0.5, 0.75, 1.0]
            .iter()
            .map(|t| share_cell(Some(*t), lang))
            .collect(),
        alt: String::new(),
    };
    chart.alt = chart_description(&chart, lang);
    chart
}

/// The chart in words: its caption, every bar with its value, and the reference line.
/// "Figur 1. Andel … per plattform. Stapeldiagram: Facebook 55 %, Instagram 40 %; streckad
/// linje för Samtliga: 48 %."
#[must_use]
pub fn chart_description(chart: &BarChart, lang: Lang) -> String {
    let bars = chart
        .bars
        .iter()
        .map(|b| format!("{} {}", b.label.trim(), b.value_label))
        .collect::<Vec<_>>()
        .join(", ");
    let mut text = chart.caption.trim().trim_end_matches('.').to_owned();
    if !text.is_empty() {
        text.push_str(". ");
    }
    text.push_str(words::CHART_BARS.get(lang));
    text.push_str(": ");
    if bars.is_empty() {
        text.push('–');
    } else {
        text.push_str(&bars);
    }
    if let Some((_, label)) = &chart.reference {
        text.push_str("; ");
        text.push_str(words::CHART_REFERENCE_LINE.get(lang));
        text.push(' ');
        text.push_str(label.trim());
    }
    text.push('.');
    text
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

/// The evidence appendix: the warning, then every audited probe's screenshots in the order of
/// the accounts appendix, each captioned with its account, platform and times.
fn evidence_blocks(
    audit: &Audit,
    results: &Results,
    evidence: &EvidencePictures,
    lang: Lang,
) -> Vec<Block> {
    let mut blocks = vec![Block::Paragraph(Paragraph::italic(
        words::EVIDENCE_WARNING.get(lang),
    ))];
    let stamp = |t: crate::core::Stamp| t.format("%Y-%m-%d %H:%M").to_string();
    let mut number = 0;
    for p in &results.probes {
        let Some(probe) = audit
            .accounts
            .get(p.account_index)
            .and_then(|a| a.probes.get(p.probe_index))
        else {
            continue;
        };
        for path in &probe.evidence {
            let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
            let Some(Some(picture)) = evidence
                .get(path)
                .filter(|p| p.as_ref().is_some_and(|p| p.is_consistent()))
            else {
                blocks.push(Block::Paragraph(Paragraph::italic(
                    words::picture_unreadable(lang, name),
                )));
                continue;
            };
            number += 1;
            let mut times = Vec::new();
            if let Some(t) = p.posted_at {
                times.push(format!("{} {}", words::WAS_POSTED.get(lang), stamp(t)));
            }
            times.push(match p.answered_at {
                Some(t) => format!("{} {}", words::WAS_ANSWERED.get(lang), stamp(t)),
                None => words::NOT_ANSWERED.get(lang).to_owned(),
            });
            let mut times = times.join(", ");
            if let Some(first) = times.get(..1) {
                times = first.to_uppercase() + &times[1..];
            }
            let subject = format!("{}, {}", p.account, p.platform.label(lang));
            blocks.push(Block::Figure(Figure {
                picture: Arc::clone(picture),
                caption: format!(
                    "{} {number}. {subject}. {times} ({}).",
                    words::PICTURE.get(lang),
                    p.evaluation.outcome.label(lang)
                ),
                alt: format!("{}: {subject}. {times}.", words::SCREENSHOT_OF.get(lang)),
            }));
        }
    }
    if blocks.len() == 1 {
        blocks.push(Block::Paragraph(Paragraph::plain(
            words::NO_EVIDENCE.get(lang),
        )));
    }
    blocks
}

/// `after_review`: the account review's table precedes the appendix (its table's number).
fn appendix_blocks(audit: &Audit, results: &Results, after_review: bool, lang: Lang) -> Vec<Block> {
    if results.accounts.is_empty() {
        return vec![Block::Paragraph(Paragraph::plain(
            words::NO_ACCOUNTS_AUDITED.get(lang),
        ))];
    }
    let when = crate::core::localtime::format_local(&results.as_of);
    let intro = prose::prose(lang).appendix_intro(&when, &audit.criteria.deadline);
    let mut by_account: BTreeMap<usize, Vec<&crate::core::results::ProbeResult>> = BTreeMap::new();
    for p in &results.probes {
        by_account.entry(p.account_index).or_default().push(p);
    }
    let dash = || "–".to_owned();
    let mut rows = Vec::with_capacity(results.probes.len() + 8);
    for account_result in &results.accounts {
        let Some(account) = audit.accounts.get(account_result.index) else {
            continue;
        };
        let unit = if account.unit.trim().is_empty() {
            dash()
        } else {
            account.unit.trim().to_owned()
        };
        let platform = account.platform.label(lang).to_owned();
        let probes = by_account
            .get(&account_result.index)
            .map_or(&[][..], Vec::as_slice);
        if probes.is_empty() {
            rows.push(vec![
                account.name.clone(),
                platform.clone(),
                unit.clone(),
                dash(),
                dash(),
                dash(),
                Outcome::NotPosted.label(lang).to_owned(),
                dash(),
            ]);
        }
        for p in probes {
            let stamp = |t: Option<crate::core::Stamp>| {
                t.map_or_else(dash, |t| t.format("%Y-%m-%d %H:%M").to_string())
            };
            let response = p
                .evaluation
                .response_hours
                .map_or_else(dash, |h| crate::core::numbers::hours(h, lang));
            let signed = match (p.answered_at, p.signed) {
                (None, _) | (_, None) => dash(),
                (Some(_), Some(true)) => words::YES.get(lang).to_owned(),
                (Some(_), Some(false)) => words::NO.get(lang).to_owned(),
            };
            rows.push(vec![
                account.name.clone(),
                platform.clone(),
                unit.clone(),
                stamp(p.posted_at),
                stamp(p.answered_at),
                response,
                p.evaluation.outcome.label(lang).to_owned(),
                signed,
            ]);
        }
    }
    let text_column = |title: &str, wraps: bool| Column {
        title: title.to_owned(),
        align: Align::Left,
        wraps,
        short_title: None,
    };
    let table = Table {
        caption: Some(
            if after_review {
                words::TABLE_ACCOUNTS_AFTER_REVIEW
            } else {
                words::TABLE_ACCOUNTS
            }
            .get(lang)
            .to_owned(),
        ),
        columns: vec![
            text_column(words::ACCOUNT.get(lang), true),
            with_short(
                text_column(words::PLATFORM.get(lang), false),
                words::PLATFORM_SHORT,
                lang,
            ),
            text_column(words::UNIT.get(lang), true),
            text_column(words::POSTED.get(lang), false),
            text_column(words::ANSWERED.get(lang), false),
            with_short(
                number_column(words::RESPONSE_TIME.get(lang)),
                words::RESPONSE_TIME_SHORT,
                lang,
            ),
            text_column(words::OUTCOME.get(lang), false),
            with_short(
                text_column(words::SIGNED.get(lang), false),
                words::SIGNED_SHORT,
                lang,
            ),
        ],
        rows,
        total: None,
        compact: true,
        stripe_by_first_column: true,
    };
    vec![
        Block::Paragraph(Paragraph::plain(intro)),
        Block::Table(table),
    ]
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
