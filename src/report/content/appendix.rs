//! The appendices: the accounts audited with their times and outcomes, and (when asked for) the
//! evidence screenshots.

use super::*;

/// The evidence appendix: the warning, then every audited probe's screenshots in the order of
/// the accounts appendix, each captioned with its account, platform and times.
pub(super) fn evidence_blocks(
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
pub(super) fn appendix_blocks(
    audit: &Audit,
    results: &Results,
    after_review: bool,
    lang: Lang,
) -> Vec<Block> {
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
