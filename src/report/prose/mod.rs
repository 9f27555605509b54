//! The sentences Svarskoll writes itself: the result paragraphs, in Swedish (as the Malmö
//! reports write them) or English. The fixed words (headings, table labels) are in
//! [`crate::i18n::report`].
//!
//! Each language implements [`Prose`] in its own file ([`Swedish`], [`English`]), so a sentence
//! missing in one language does not compile; [`prose`] picks the implementation once. Which
//! paragraphs a report has and which numbers they mention is decided here, for both languages
//! alike; the implementations only word them.
//!
//! Every number comes from [`Results`]; this module only words them: counts up to twelve in
//! words, shares as "30 procent", decimal commas.

mod en;
mod sv;

pub use en::English;
pub use sv::Swedish;

use super::model::{Paragraph, Span};
use crate::core::deadline::{DeadlineMode, DeadlineRule};
use crate::core::localtime::format_local;
use crate::core::numbers;
use crate::core::results::{Comparison, Counts, Results};
use crate::core::review::{ItemCounts, ReviewResults};
use crate::core::stats::Quartiles;
use crate::core::{Audit, ExclusionReason, GroupKey, Lang, SampleMode};
use crate::i18n::Label;

/// The report's sentences in one language.
///
/// The required methods word one sentence (or part of one) each; the provided ones build the
/// paragraphs from them and are the same for every language.
pub trait Prose: Sync {
    /// The language the sentences are written in (for the numbers in them).
    fn lang(&self) -> Lang;

    // --- Words used in many sentences

    /// A share as running text: "30 procent" / "30 per cent".
    fn share_words(&self, share: f64) -> String;

    /// "Facebook, Instagram och X (Twitter)"; with "eller"/"or" when `or`.
    fn join_list(&self, items: &[String], or: bool) -> String;

    /// A platform's name as it appears in running text ("other platforms" in English).
    fn platform_name(&self, key: &GroupKey) -> String;

    /// The deadline rule, explained once where the results count answers in time: "Svarsfristen
    /// är 24 timmar; slutar den på en dag som inte är arbetsdag flyttas den …". The counts then
    /// say "inom svarsfristen", never "inom 24 timmar": an answer after 64 hours over a weekend
    /// can be in time.
    fn deadline_rule_sentence(&self, rule: &DeadlineRule) -> String;

    // --- Method

    /// When and by whom the audit was carried out: "Granskningen genomfördes under 2019 av
    /// …". `period` and `auditors` are trimmed, at least one is non-empty; `finished` picks the
    /// tense.
    fn carried_out_sentence(&self, period: &str, auditors: &[String], finished: bool) -> String;

    // --- Scope

    /// "Granskningen omfattade 50 konton på Facebook och Instagram."
    fn scope_sentence(&self, audited: usize, platforms: &str) -> String;

    /// How the audited accounts were chosen among the `eligible` active ones.
    fn sample_sentence(&self, mode: SampleMode, eligible: usize) -> String;

    /// The footnote on `total` (> 0) excluded accounts, by reason.
    fn excluded_sentence(&self, total: usize, by_reason: &[(ExclusionReason, usize)]) -> String;

    // --- An unfinished audit

    /// `pending` (> 0) accounts still have time to answer.
    fn pending_part(&self, pending: usize) -> String;

    /// `not_posted` (> 0) accounts have not been asked yet; `first` when no part precedes it.
    fn not_posted_part(&self, not_posted: usize, first: bool) -> String;

    /// The whole notice: the audit is not finished as of `when`, `parts`, and what that means
    /// for the `decided` accounts' results.
    fn unfinished_sentences(&self, when: &str, parts: &[String], decided: usize) -> String;

    // --- Outcome

    /// How many answered within the deadline, and the share.
    fn in_time_sentence(&self, c: &Counts, several: bool, finished: bool) -> String;

    /// How many answered late or not at all; `None` when none did.
    fn late_sentence(&self, c: &Counts, several: bool) -> Option<String>;

    /// The in-time share's 95 % confidence interval.
    fn interval_sentence(&self, ci: (f64, f64)) -> String;

    /// Answers later than `max_days` count as not given.
    fn max_days_sentence(&self, max_days: u32) -> String;

    /// How many signed their answer; `None` when nobody answered.
    fn signature_sentence(&self, c: &Counts) -> Option<String>;

    /// The response time's median and quartiles.
    fn response_time_sentence(&self, q: &Quartiles) -> String;

    /// The median counted on working days only.
    fn working_days_sentence(&self, median: f64) -> String;

    /// Every platform had the same in-time share.
    fn same_share_sentence(&self, share: f64) -> String;

    /// The platforms that answered in time most and least often, with their shares.
    fn platform_spread_sentence(&self, best: (&GroupKey, f64), worst: (&GroupKey, f64)) -> String;

    // --- The comparison with an earlier audit

    /// What the earlier audit found.
    fn earlier_sentence(&self, cmp: &Comparison) -> String;

    /// How many signed in the earlier audit.
    fn earlier_signed_sentence(&self, signed: u32) -> String;

    /// How the in-time share changed.
    fn change_sentence(&self, change: Change) -> String;

    /// Whether the change is statistically certain (`p_value` from Fisher's exact test).
    fn significance_sentence(&self, p_value: Option<f64>, significant: bool) -> String;

    // --- No account audited

    /// Who has no accounts when the audit names no administration.
    fn the_administration(&self) -> &'static str;

    /// `who` has no accounts on `platforms`.
    fn no_accounts_sentence(&self, who: &str, platforms: &str) -> String;

    /// All `listed` accounts are excluded, for `reasons`.
    fn all_excluded_sentence(&self, listed: usize, reasons: &str) -> String;

    /// Accounts are listed but none was selected.
    fn none_selected_sentence(&self) -> &'static str;

    /// So no audit was carried out.
    fn not_carried_out_sentence(&self) -> &'static str;

    // --- The account review

    /// What the account review covered: `items` requirements; `reviewed` of the `audited`
    /// accounts were reviewed against at least one.
    fn review_scope_sentence(&self, items: usize, reviewed: usize, audited: usize) -> String;

    /// How many of the accounts reviewed against the one requirement `text` meet it.
    fn review_item_sentence(&self, text: &str, c: ItemCounts) -> String;

    /// The requirements met most and least often, with their shares.
    fn review_spread_sentence(&self, best: (&str, f64), worst: (&str, f64)) -> String;

    /// Every requirement was met by the same share of the accounts reviewed.
    fn review_same_share_sentence(&self, share: f64) -> String;

    /// Not every account was reviewed against every requirement: the shares are of those that
    /// were.
    fn review_incomplete_sentence(&self) -> &'static str;

    // --- Appendix

    /// The text before the table of audited accounts, as things stood at `when`: how the
    /// response time is counted, and that the outcome follows the deadline, not the hours alone.
    fn appendix_intro(&self, when: &str, rule: &DeadlineRule) -> String;

    // --- Paragraphs, the same for every language

    /// The paragraph Svarskoll adds to the audit's method text: when and by whom
    /// (`meta.period`, `meta.auditors`); `None` when both are empty, or when no account was
    /// audited (the results then say no audit was carried out; the cover still names both).
    fn method_paragraph(&self, audit: &Audit, results: &Results) -> Option<Paragraph> {
        if results.overall.audited == 0 {
            return None;
        }
        let period = audit.meta.period.trim();
        let auditors: Vec<String> = audit
            .meta
            .auditors
            .iter()
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty())
            .collect();
        if period.is_empty() && auditors.is_empty() {
            return None;
        }
        let c = &results.overall;
        let finished = c.pending + c.not_posted == 0;
        Some(Paragraph::plain(
            self.carried_out_sentence(period, &auditors, finished),
        ))
    }

    /// The result paragraphs that precede the tables: scope, in-time share with its
    /// uncertainty, late and unanswered, signatures, response time, the platforms.
    fn result_paragraphs(&self, audit: &Audit, results: &Results) -> Vec<Paragraph> {
        let c = &results.overall;
        if c.audited == 0 {
            return vec![self.no_audit_paragraph(audit, results)];
        }
        let mut out = vec![scope_paragraph(self, audit, results)];
        if c.pending + c.not_posted > 0 {
            out.push(unfinished_paragraph(self, results));
        }
        if c.decided() == 0 {
            return out;
        }
        out.push(in_time_paragraph(self, audit, results));
        out.extend(response_time_paragraph(self, audit, results));
        out.extend(platform_paragraph(self, results));
        out
    }

    /// The footnote on excluded accounts, built from `Results::excluded_by_reason`.
    fn excluded_footnote(&self, results: &Results) -> Option<String> {
        let total = results.overall.excluded;
        (total > 0).then(|| self.excluded_sentence(total, &results.excluded_by_reason))
    }

    /// The comparison with an earlier audit, saying plainly whether the change is
    /// statistically certain.
    fn comparison_paragraph(&self, audit: &Audit, cmp: &Comparison) -> Paragraph {
        let mut sentences = vec![self.earlier_sentence(cmp)];
        if audit.criteria.signature_required
            && let Some(signed) = audit.earlier.last().and_then(|e| e.signed)
        {
            sentences.push(self.earlier_signed_sentence(signed));
        }
        if let Some(d) = cmp.difference_points {
            sentences.push(self.change_sentence(Change::from_points(d)));
        }
        sentences.push(self.significance_sentence(cmp.p_value, cmp.significant));
        Paragraph::plain(sentences.join(" "))
    }

    /// No account could be audited: say so, as the Servicenämnden report does.
    fn no_audit_paragraph(&self, audit: &Audit, results: &Results) -> Paragraph {
        let c = &results.overall;
        let platforms: Vec<String> = audit
            .criteria
            .platforms_in_scope
            .iter()
            .map(|p| self.platform_name(&GroupKey::Platform(*p)))
            .collect();
        let platforms = self.join_list(&platforms, true);
        let administration = audit.meta.administration.trim();
        let who = if administration.is_empty() {
            self.the_administration()
        } else {
            administration
        };
        let first = if c.listed == 0 {
            self.no_accounts_sentence(who, &platforms)
        } else if c.excluded == c.listed {
            let reasons: Vec<String> = results
                .excluded_by_reason
                .iter()
                .map(|(r, _)| r.label(self.lang()).to_owned())
                .collect();
            self.all_excluded_sentence(c.listed, &self.join_list(&reasons, true))
        } else {
            self.none_selected_sentence().to_owned()
        };
        Paragraph::plain(format!("{first} {}", self.not_carried_out_sentence()))
    }

    /// The account review's paragraph (Kontogranskning): what was reviewed, which requirement
    /// was met most and least often, and whether every account was reviewed against every
    /// requirement. `None` without a checklist or without any answer.
    fn review_paragraph(&self, review: &ReviewResults) -> Option<Paragraph> {
        if !review.has_answers() {
            return None;
        }
        let mut sentences = vec![self.review_scope_sentence(
            review.items.len(),
            review.reviewed_accounts,
            review.accounts,
        )];
        let answered: Vec<(&str, ItemCounts, f64)> = review
            .items
            .iter()
            .filter_map(|i| Some((requirement_text(&i.text), i.counts, i.counts.share()?)))
            .collect();
        if let [(text, counts, _)] = answered.as_slice() {
            sentences.push(self.review_item_sentence(text, *counts));
        } else {
            // The first in the checklist's order among equals, so the sentence is stable.
            let pick = |better: fn(f64, f64) -> bool| {
                answered
                    .iter()
                    .fold(
                        None,
                        |found: Option<&(&str, ItemCounts, f64)>, item| match found {
                            Some(f) if !better(item.2, f.2) => Some(f),
                            _ => Some(item),
                        },
                    )
            };
            if let (Some(best), Some(worst)) = (pick(|a, b| a > b), pick(|a, b| a < b)) {
                sentences.push(if (best.2 - worst.2).abs() < 1e-9 {
                    self.review_same_share_sentence(best.2)
                } else {
                    self.review_spread_sentence((best.0, best.2), (worst.0, worst.2))
                });
            }
        }
        if review
            .items
            .iter()
            .any(|i| i.counts.reviewed < review.accounts)
        {
            sentences.push(self.review_incomplete_sentence().to_owned());
        }
        Some(Paragraph::plain(sentences.join(" ")))
    }

    /// "p = 0,82", "p = 0,004", "p < 0,001".
    fn p_value_text(&self, p: f64) -> String {
        let lang = self.lang();
        if p < 0.001 {
            format!("p < {}", numbers::decimal(0.001, 3, lang))
        } else if p < 0.01 {
            format!("p = {}", numbers::decimal(p, 3, lang))
        } else {
            format!("p = {}", numbers::decimal(p, 2, lang))
        }
    }
}

/// The sentences in `lang`.
#[must_use]
pub fn prose(lang: Lang) -> &'static dyn Prose {
    match lang {
        Lang::Sv => &Swedish,
        Lang::En => &English,
    }
}

/// The comparison with an earlier audit in `lang` (see [`Prose::comparison_paragraph`]).
#[must_use]
pub fn comparison_paragraph(audit: &Audit, cmp: &Comparison, lang: Lang) -> Paragraph {
    prose(lang).comparison_paragraph(audit, cmp)
}

/// How the in-time share moved since the earlier audit, in percentage points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Change {
    /// Less than 0.05 points either way.
    Unchanged,
    Risen(f64),
    Fallen(f64),
}

impl Change {
    /// From the difference current − earlier, in percentage points.
    #[must_use]
    pub fn from_points(difference: f64) -> Change {
        if difference.abs() < 0.05 {
            Change::Unchanged
        } else if difference > 0.0 {
            Change::Risen(difference.abs())
        } else {
            Change::Fallen(difference.abs())
        }
    }
}

/// A count as running text: words up to twelve ("två", "two"), digits above ("15", "2 000").
#[must_use]
pub fn count(n: usize, lang: Lang) -> String {
    numbers::count_words(n, lang)
}

/// A count in a table cell: digits, thousands separated ("1 360", "1,360").
#[must_use]
pub fn count_cell(n: usize, lang: Lang) -> String {
    numbers::thousands(n, lang)
}

/// A share in a table cell: "30 %" (no-break space).
#[must_use]
pub fn share_cell(share: Option<f64>, lang: Lang) -> String {
    share.map_or_else(|| "–".to_owned(), |s| numbers::percent(s, 0, lang))
}

/// An interval in a table cell: "19,1–43,8 %".
#[must_use]
pub fn interval_cell(ci: Option<(f64, f64)>, lang: Lang) -> String {
    ci.map_or_else(|| "–".to_owned(), |ci| numbers::interval(ci, 1, lang))
}

/// A checklist item's text as quoted in a sentence: trimmed, without a closing full stop.
fn requirement_text(text: &str) -> &str {
    text.trim().trim_end_matches('.').trim_end()
}

/// "a, b{conj}c".
fn join(items: &[String], conj: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{conj}{last}", init.join(", ")),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The reasons accounts were excluded, each worded by `label`, with its count when there are
/// several reasons.
fn reason_list(
    by_reason: &[(ExclusionReason, usize)],
    label: impl Fn(ExclusionReason) -> &'static str,
    lang: Lang,
) -> Vec<String> {
    let single_reason = by_reason.len() == 1;
    by_reason
        .iter()
        .map(|(reason, n)| {
            let label = label(*reason).to_owned();
            if single_reason {
                label
            } else {
                format!("{label} ({})", numbers::thousands(*n, lang))
            }
        })
        .collect()
}

/// Whether some audited account got more than one question.
fn several_questions(audit: &Audit) -> bool {
    audit
        .accounts
        .iter()
        .filter(|a| audit.is_audited(a))
        .any(|a| a.probes.len() > 1)
}

fn scope_paragraph<P: Prose + ?Sized>(prose: &P, audit: &Audit, results: &Results) -> Paragraph {
    let c = &results.overall;
    let platforms: Vec<String> = results
        .by_platform
        .iter()
        .filter(|g| g.counts.audited > 0)
        .map(|g| prose.platform_name(&g.key))
        .collect();
    let platforms = prose.join_list(&platforms, false);
    let mut text = prose.scope_sentence(c.audited, &platforms);
    // Active accounts in scope that were not drawn into the sample.
    if c.not_selected() > 0 {
        text.push(' ');
        text.push_str(&prose.sample_sentence(audit.sample.mode, c.eligible()));
    }
    Paragraph {
        spans: vec![Span::plain(text)],
        footnote: prose.excluded_footnote(results),
    }
}

fn unfinished_paragraph<P: Prose + ?Sized>(prose: &P, results: &Results) -> Paragraph {
    let c = &results.overall;
    let when = format_local(&results.as_of);
    let mut parts = Vec::new();
    if c.pending > 0 {
        parts.push(prose.pending_part(c.pending));
    }
    if c.not_posted > 0 {
        let first = parts.is_empty();
        parts.push(prose.not_posted_part(c.not_posted, first));
    }
    Paragraph {
        spans: vec![Span::bold(prose.unfinished_sentences(
            &when,
            &parts,
            c.decided(),
        ))],
        footnote: None,
    }
}

fn in_time_paragraph<P: Prose + ?Sized>(prose: &P, audit: &Audit, results: &Results) -> Paragraph {
    let c = &results.overall;
    let several = several_questions(audit);
    let finished = c.pending + c.not_posted == 0;
    let mut sentences = vec![
        prose.deadline_rule_sentence(&audit.criteria.deadline),
        prose.in_time_sentence(c, several, finished),
    ];
    sentences.extend(prose.late_sentence(c, several));
    if let Some(ci) = c.in_time_ci95() {
        sentences.push(prose.interval_sentence(ci));
    }
    if let Some(max_days) = audit.criteria.deadline.max_days {
        sentences.push(prose.max_days_sentence(max_days));
    }
    if audit.criteria.signature_required {
        sentences.extend(prose.signature_sentence(c));
    }
    Paragraph {
        spans: vec![Span::plain(sentences.join(" "))],
        footnote: None,
    }
}

fn response_time_paragraph<P: Prose + ?Sized>(
    prose: &P,
    audit: &Audit,
    results: &Results,
) -> Option<Paragraph> {
    let q = results.response_hours?;
    let mut text = prose.response_time_sentence(&q);
    if audit.criteria.deadline.mode == DeadlineMode::WorkingHours
        && let Some(w) = results.response_working_hours
    {
        text.push(' ');
        text.push_str(&prose.working_days_sentence(w.median));
    }
    Some(Paragraph::plain(text))
}

fn platform_paragraph<P: Prose + ?Sized>(prose: &P, results: &Results) -> Option<Paragraph> {
    let groups: Vec<(&GroupKey, f64)> = results
        .by_platform
        .iter()
        .filter_map(|g| g.counts.in_time_share().map(|s| (&g.key, s)))
        .collect();
    if groups.len() < 2 {
        return None;
    }
    let best = groups.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1))?;
    let worst = groups.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1))?;
    let text = if (best.1 - worst.1).abs() < 1e-9 {
        prose.same_share_sentence(best.1)
    } else {
        prose.platform_spread_sentence(best, worst)
    };
    Some(Paragraph::plain(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts of a finished audit with 75 listed and 25 excluded accounts.
    pub(super) fn counts(
        in_time: usize,
        late: usize,
        unanswered: usize,
        answered: usize,
        signed: usize,
    ) -> Counts {
        Counts {
            listed: 75,
            excluded: 25,
            audited: in_time + late + unanswered,
            in_time,
            late,
            unanswered,
            answered,
            signed,
            ..Counts::default()
        }
    }

    #[test]
    fn p_values_and_lists() {
        assert_eq!(prose(Lang::Sv).p_value_text(1.0), "p = 1,00");
        assert_eq!(prose(Lang::Sv).p_value_text(0.0041), "p = 0,004");
        assert_eq!(prose(Lang::En).p_value_text(0.00001), "p < 0.001");
        let items = [
            "Facebook".to_owned(),
            "Instagram".to_owned(),
            "X (Twitter)".to_owned(),
        ];
        assert_eq!(
            prose(Lang::Sv).join_list(&items, false),
            "Facebook, Instagram och X (Twitter)"
        );
        assert_eq!(
            prose(Lang::En).join_list(&items[..2], true),
            "Facebook or Instagram"
        );
        assert_eq!(count(2000, Lang::Sv), "2\u{a0}000");
        assert_eq!(count(2000, Lang::En), "2,000");
        assert_eq!(share_cell(Some(0.3), Lang::Sv), "30\u{a0}%");
        assert_eq!(
            interval_cell(Some((0.191, 0.4375)), Lang::Sv),
            "19,1–43,8\u{a0}%"
        );
    }
}
