//! Domain rules that more than one screen, command or file reader apply, each in one place:
//! the "as of" instant, probe-time validation, the limits of rule values, earlier-audit figures.

use super::localtime::{LocalResolution, ResolvedTime, parse_time};
use super::model::{Audit, EarlierAudit, Stamp};
use super::results::Results;
use chrono::{DateTime, Duration, Utc};
use std::ops::RangeInclusive;

/// The deadline's length in hours (`criteria.deadline.hours`).
pub const HOURS: RangeInclusive<u32> = 1..=720;
/// The longest an answer may take, in calendar days (`criteria.deadline.max_days`).
pub const MAX_DAYS: RangeInclusive<u32> = 1..=365;
/// The audit's year (`meta.year`, 0 when not given) and the years every date and time in an
/// audit must lie in (posted, answered, closed, report date, closed days, action due dates).
pub const YEAR: RangeInclusive<i32> = 1990..=2100;
/// The longest text in one field of an account or probe, a name, a title, … (characters).
pub const TEXT_CHARS: usize = 10_000;
/// The longest report text (introduction, analysis, conclusion, risk description, …).
pub const REPORT_TEXT_CHARS: usize = 100_000;
/// The largest audit, template or CSV file read (bytes): 2,000 accounts take about 1 MB.
pub const FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The most characters of bad input quoted back in an error message.
pub const QUOTED_CHARS: usize = 60;

/// How far a time may lie after "now" and still count as now: an auditor typing the current
/// minute by hand is not logging the future.
pub const FUTURE_SLACK: Duration = Duration::minutes(1);

/// The "as of" instant of PRODUCT §4 that every screen, command, the report and the comparison
/// use: the audit's closing time when it has one (answers logged later do not count), else `now`.
///
/// ```
/// use svarskoll::core::{Audit, rules::as_of};
/// let now = chrono::Utc::now();
/// assert_eq!(as_of(&Audit::default(), now), now);
/// ```
#[must_use]
pub fn as_of(audit: &Audit, now: DateTime<Utc>) -> DateTime<Utc> {
    audit.meta.closed_at.map_or(now, |t| t.to_utc())
}

/// Which of a probe's two times.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeField {
    Posted,
    Answered,
}

impl TimeField {
    /// The field's name in the audit file.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            TimeField::Posted => "posted_at",
            TimeField::Answered => "answered_at",
        }
    }
}

/// What is wrong with a probe's posted and answered times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeOrder {
    /// An answer time without a posted time.
    AnsweredNotPosted,
    /// The answer came before the question.
    AnsweredBeforePosted { posted: Stamp, answered: Stamp },
}

/// Whether a probe's times are in order: answered needs posted, and never before it.
///
/// ```
/// use svarskoll::core::rules::{TimeOrder, time_order};
/// let t = |s| chrono::DateTime::parse_from_rfc3339(s).unwrap();
/// assert_eq!(time_order(None, Some(t("2019-03-12T10:00:00+01:00"))), Err(TimeOrder::AnsweredNotPosted));
/// assert!(time_order(Some(t("2019-03-12T10:00:00+01:00")), Some(t("2019-03-12T11:00:00+01:00"))).is_ok());
/// ```
///
/// # Errors
/// The first rule the times break.
pub fn time_order(posted: Option<Stamp>, answered: Option<Stamp>) -> Result<(), TimeOrder> {
    match (posted, answered) {
        (None, Some(_)) => Err(TimeOrder::AnsweredNotPosted),
        (Some(posted), Some(answered)) if answered < posted => {
            Err(TimeOrder::AnsweredBeforePosted { posted, answered })
        }
        _ => Ok(()),
    }
}

/// Whether `t` lies in the future as seen at `now`, with [`FUTURE_SLACK`].
#[must_use]
pub fn is_future(t: &Stamp, now: DateTime<Utc>) -> bool {
    t.to_utc() > now + FUTURE_SLACK
}

/// Why a time an auditor enters for a probe is refused. The same rules as [`time_order`] and
/// [`is_future`], seen from the field being typed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryProblem {
    /// Posted cannot be cleared while the probe is answered.
    AnsweredNeedsPosted,
    /// The text is not a time ("ÅÅÅÅ-MM-DD TT:MM").
    Unreadable,
    /// The time lies after now (beyond [`FUTURE_SLACK`]).
    InFuture(Stamp),
    /// Answered typed before posted is.
    NotPostedYet,
    AnsweredBeforePosted {
        posted: Stamp,
    },
    PostedAfterAnswered {
        answered: Stamp,
    },
}

/// A typed time that was accepted: the value (`None` clears the field) and, when the text named a
/// local time that does not exist or exists twice, how it was read (PRODUCT §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub value: Option<Stamp>,
    pub resolved: Option<ResolvedTime>,
}

/// Read a time typed into a probe's `field`, given the probe's `other` time and `now`.
///
/// ```
/// use svarskoll::core::rules::{EntryProblem, TimeField, read_entry};
/// let now = chrono::Utc::now();
/// assert_eq!(read_entry("12/3", TimeField::Posted, None, now).unwrap_err(), EntryProblem::Unreadable);
/// assert_eq!(read_entry("", TimeField::Posted, None, now).unwrap().value, None);
/// ```
///
/// # Errors
/// The first rule the entry breaks.
pub fn read_entry(
    text: &str,
    field: TimeField,
    other: Option<Stamp>,
    now: DateTime<Utc>,
) -> Result<Entry, EntryProblem> {
    if text.trim().is_empty() {
        if field == TimeField::Posted && other.is_some() {
            return Err(EntryProblem::AnsweredNeedsPosted);
        }
        return Ok(Entry {
            value: None,
            resolved: None,
        });
    }
    let resolved = parse_time(text).map_err(|_| EntryProblem::Unreadable)?;
    check_entry(resolved.fixed(), field, other, now)?;
    Ok(Entry {
        value: Some(resolved.fixed()),
        resolved: (resolved.resolution != LocalResolution::Exact).then_some(resolved),
    })
}

/// Check a time for a probe's `field` (the "Nu" button's minute, or a parsed text).
///
/// # Errors
/// The first rule the value breaks.
pub fn check_entry(
    value: Stamp,
    field: TimeField,
    other: Option<Stamp>,
    now: DateTime<Utc>,
) -> Result<(), EntryProblem> {
    if is_future(&value, now) {
        return Err(EntryProblem::InFuture(value));
    }
    match (field, other) {
        (TimeField::Answered, None) => Err(EntryProblem::NotPostedYet),
        (TimeField::Answered, Some(posted)) => match time_order(Some(posted), Some(value)) {
            Err(_) => Err(EntryProblem::AnsweredBeforePosted { posted }),
            Ok(()) => Ok(()),
        },
        (TimeField::Posted, Some(answered)) => match time_order(Some(value), Some(answered)) {
            Err(_) => Err(EntryProblem::PostedAfterAnswered { answered }),
            Ok(()) => Ok(()),
        },
        (TimeField::Posted, None) => Ok(()),
    }
}

/// A value outside the limits above.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Limit {
    Hours(u32),
    MaxDays(u32),
    Year(i32),
    /// A date or time outside [`YEAR`].
    DateOutOfRange(String),
    /// A text longer than `limit` characters.
    TextTooLong {
        chars: usize,
        limit: usize,
    },
}

/// Where a value outside the limits is: the field's path in the file
/// (`accounts[3].probes[0].posted_at`) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LimitViolation {
    pub field: String,
    pub limit: Limit,
}

/// Values outside the limits, in file order. A loaded file is refused on the first: such values
/// are never typed in the app (its widgets hold the same limits), and they would overflow the
/// deadline arithmetic or make a report of gigabytes.
///
/// ```
/// use svarskoll::core::{Audit, rules::{Limit, out_of_limits}};
/// let mut audit = Audit::default();
/// assert!(out_of_limits(&audit).is_empty());
/// audit.criteria.deadline.hours = 4_294_967_295;
/// assert_eq!(out_of_limits(&audit)[0].limit, Limit::Hours(4_294_967_295));
/// ```
#[must_use]
pub fn out_of_limits(audit: &Audit) -> Vec<LimitViolation> {
    let mut v = Limits::default();
    v.criteria("criteria", &audit.criteria);
    if let Some(c) = &audit.template_criteria {
        v.criteria("template_criteria", c);
    }
    let m = &audit.meta;
    if m.year != 0 && !YEAR.contains(&m.year) {
        v.push("meta.year", Limit::Year(m.year));
    }
    for (field, text) in [
        ("meta.organisation", &m.organisation),
        ("meta.title", &m.title),
        ("meta.committee", &m.committee),
        ("meta.administration", &m.administration),
        ("meta.period", &m.period),
        ("meta.report_to", &m.report_to),
        ("meta.diary_number", &m.diary_number),
        ("template", &audit.template),
    ] {
        v.text(field, text, TEXT_CHARS);
    }
    for (i, a) in m.auditors.iter().enumerate() {
        v.text(&format!("meta.auditors[{i}]"), a, TEXT_CHARS);
    }
    if let Some(d) = m.report_date {
        v.date("meta.report_date", d);
    }
    if let Some(t) = m.closed_at {
        v.stamp("meta.closed_at", &t);
    }
    v.report_texts(
        "",
        &audit.risk,
        &audit.texts,
        &audit.question_bank,
        &audit.actions,
    );
    for (i, e) in audit.earlier.iter().enumerate() {
        v.text(&format!("earlier[{i}].label"), &e.label, TEXT_CHARS);
        if let Some(year) = e.year.filter(|y| !YEAR.contains(y)) {
            v.push(&format!("earlier[{i}].year"), Limit::Year(year));
        }
    }
    v.checklist("review", &audit.review);
    v.accounts("accounts", &audit.accounts);
    if let Some(split) = &audit.split {
        v.accounts("split.accounts", &split.accounts);
    }
    v.found
}

/// Values outside the limits in a template (its criteria and texts).
#[must_use]
pub fn template_out_of_limits(template: &super::model::Template) -> Vec<LimitViolation> {
    let mut v = Limits::default();
    v.criteria("criteria", &template.criteria);
    for (field, text) in [
        ("name", &template.name),
        ("description", &template.description),
        ("organisation", &template.organisation),
    ] {
        v.text(field, text, REPORT_TEXT_CHARS);
    }
    v.report_texts(
        "",
        &template.risk,
        &template.texts,
        &template.question_bank,
        &template.actions,
    );
    v.checklist("review", &template.review);
    v.found
}

#[derive(Default)]
struct Limits {
    found: Vec<LimitViolation>,
}

impl Limits {
    fn push(&mut self, field: &str, limit: Limit) {
        self.found.push(LimitViolation {
            field: field.to_owned(),
            limit,
        });
    }

    fn text(&mut self, field: &str, text: &str, limit: usize) {
        // Bytes first: a text of fewer bytes than the limit has fewer characters too.
        if text.len() > limit {
            let chars = text.chars().count();
            if chars > limit {
                self.push(field, Limit::TextTooLong { chars, limit });
            }
        }
    }

    fn date(&mut self, field: &str, date: chrono::NaiveDate) {
        use chrono::Datelike;
        if !YEAR.contains(&date.year()) {
            self.push(field, Limit::DateOutOfRange(date.to_string()));
        }
    }

    fn stamp(&mut self, field: &str, t: &Stamp) {
        use chrono::Datelike;
        if !YEAR.contains(&t.year()) {
            self.push(field, Limit::DateOutOfRange(t.to_rfc3339()));
        }
    }

    fn checklist(&mut self, at: &str, items: &[super::review::ReviewItem]) {
        for (i, item) in items.iter().enumerate() {
            self.text(&format!("{at}[{i}].id"), &item.id, TEXT_CHARS);
            self.text(&format!("{at}[{i}].text"), &item.text, TEXT_CHARS);
        }
    }

    fn accounts(&mut self, at: &str, accounts: &[super::model::Account]) {
        for (i, a) in accounts.iter().enumerate() {
            for (field, text) in [
                ("name", &a.name),
                ("unit", &a.unit),
                ("url", &a.url),
                ("exclusion_note", &a.exclusion_note),
            ] {
                self.text(&format!("{at}[{i}].{field}"), text, TEXT_CHARS);
            }
            for (j, p) in a.probes.iter().enumerate() {
                let field = |name: &str| format!("{at}[{i}].probes[{j}].{name}");
                self.text(&field("question"), &p.question, TEXT_CHARS);
                self.text(&field("note"), &p.note, TEXT_CHARS);
                for (k, e) in p.evidence.iter().enumerate() {
                    self.text(&field(&format!("evidence[{k}]")), e, TEXT_CHARS);
                }
                if let Some(t) = p.posted_at {
                    self.stamp(&field("posted_at"), &t);
                }
                if let Some(t) = p.answered_at {
                    self.stamp(&field("answered_at"), &t);
                }
            }
            // The answers' keys are item ids, and their dates lie in the audit's years like
            // every other date of the file.
            let field = format!("{at}[{i}].review");
            for (id, answer) in &a.review {
                self.text(&field, id, TEXT_CHARS);
                if let super::review::ReviewAnswer::Date(d) = answer {
                    self.date(&field, *d);
                }
            }
        }
    }

    fn criteria(&mut self, at: &str, c: &super::model::Criteria) {
        let rule = &c.deadline;
        if !HOURS.contains(&rule.hours) {
            self.push(&format!("{at}.deadline.hours"), Limit::Hours(rule.hours));
        }
        if let Some(d) = rule.max_days.filter(|d| !MAX_DAYS.contains(d)) {
            self.push(&format!("{at}.deadline.max_days"), Limit::MaxDays(d));
        }
        for (i, d) in rule.extra_closed_dates.iter().enumerate() {
            self.date(&format!("{at}.deadline.extra_closed_dates[{i}]"), *d);
        }
    }

    fn report_texts(
        &mut self,
        at: &str,
        risk: &super::model::Risk,
        texts: &super::model::ReportTexts,
        bank: &[String],
        actions: &[super::model::Action],
    ) {
        let long = REPORT_TEXT_CHARS;
        self.text(&format!("{at}risk.title"), &risk.title, TEXT_CHARS);
        self.text(&format!("{at}risk.description"), &risk.description, long);
        for (field, text) in [
            ("introduction", &texts.introduction),
            ("audit_title", &texts.audit_title),
            ("areas", &texts.areas),
            ("purpose", &texts.purpose),
            ("scope", &texts.scope),
            ("method", &texts.method),
            ("results_note", &texts.results_note),
            ("analysis", &texts.analysis),
            ("conclusion", &texts.conclusion),
        ] {
            self.text(&format!("{at}texts.{field}"), text, long);
        }
        for (i, q) in bank.iter().enumerate() {
            self.text(&format!("{at}question_bank[{i}]"), q, TEXT_CHARS);
        }
        for (i, a) in actions.iter().enumerate() {
            for (field, text, limit) in [
                ("title", &a.title, TEXT_CHARS),
                ("what_to_do", &a.what_to_do, long),
                ("report_to", &a.report_to, TEXT_CHARS),
                ("responsible", &a.responsible, TEXT_CHARS),
                ("follow_up", &a.follow_up, long),
            ] {
                self.text(&format!("{at}actions[{i}].{field}"), text, limit);
            }
            if let Some(d) = a.due {
                self.date(&format!("{at}actions[{i}].due"), d);
            }
        }
    }
}

impl EarlierAudit {
    /// An earlier audit's figures for comparison, from its own results: the label is its year
    /// (else its title), and only decided accounts count as audited.
    #[must_use]
    pub fn from_results(earlier: &Audit, results: &Results) -> EarlierAudit {
        let label = if earlier.meta.year > 0 {
            earlier.meta.year.to_string()
        } else {
            earlier.meta.title.clone()
        };
        EarlierAudit {
            label,
            year: (earlier.meta.year > 0).then_some(earlier.meta.year),
            audited: u32::try_from(results.overall.decided()).unwrap_or(u32::MAX),
            in_time: u32::try_from(results.overall.in_time).unwrap_or(u32::MAX),
            signed: u32::try_from(results.overall.signed).ok(),
        }
    }
}

/// `Audit::merge_accounts` in linear time, with the same rule: an account already in the
/// register (same name, case-insensitive, and platform) keeps its data and gains the new probes;
/// a probe with the same question and posted time as an existing one updates its answer; nothing
/// logged is cleared by an empty imported cell. Accounts and probes are found through hash maps,
/// so 50,000 imported rows take as long as 50,000 lookups, not 50,000² comparisons.
///
/// ```
/// use svarskoll::core::{Account, Audit, rules::merge_accounts};
/// let mut audit = Audit::default();
/// let a = Account { name: "A".into(), ..Account::default() };
/// assert_eq!(merge_accounts(&mut audit, vec![a.clone()]).new_accounts, 1);
/// assert_eq!(merge_accounts(&mut audit, vec![a]).new_accounts, 0);
/// ```
pub fn merge_accounts(
    audit: &mut Audit,
    incoming: Vec<super::model::Account>,
) -> super::model::MergeSummary {
    use std::collections::HashMap;
    type ProbeKey = (Option<Stamp>, String);
    let account_key = |a: &super::model::Account| (a.platform, a.name.trim().to_lowercase());
    let probe_key =
        |p: &super::model::Probe| -> ProbeKey { (p.posted_at, p.question.trim().to_owned()) };
    let mut summary = super::model::MergeSummary::default();
    let mut accounts: HashMap<_, usize> = HashMap::with_capacity(audit.accounts.len());
    for (i, a) in audit.accounts.iter().enumerate() {
        accounts.entry(account_key(a)).or_insert(i);
    }
    // The probes of an existing account, indexed when it first gains an imported probe.
    let mut probes: HashMap<usize, HashMap<ProbeKey, usize>> = HashMap::new();
    for account in incoming {
        let key = account_key(&account);
        let Some(&index) = accounts.get(&key) else {
            summary.new_accounts += 1;
            summary.new_probes += account.probes.len();
            accounts.insert(key, audit.accounts.len());
            audit.accounts.push(account);
            continue;
        };
        let existing = &mut audit.accounts[index];
        for (field, value) in [
            (&mut existing.unit, account.unit),
            (&mut existing.url, account.url),
        ] {
            if field.is_empty() {
                *field = value;
            }
        }
        let index_of = probes.entry(index).or_insert_with(|| {
            let mut m = HashMap::with_capacity(existing.probes.len());
            for (j, p) in existing.probes.iter().enumerate() {
                m.entry(probe_key(p)).or_insert(j);
            }
            m
        });
        for probe in account.probes {
            let key = probe_key(&probe);
            match index_of.get(&key) {
                Some(&j) => {
                    summary.updated_probes += usize::from(existing.probes[j].take_update(probe));
                }
                None => {
                    summary.new_probes += 1;
                    index_of.insert(key, existing.probes.len());
                    existing.probes.push(probe);
                }
            }
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{Account, Platform, Probe};

    fn account(name: &str, platform: Platform, probes: &[(&str, Option<i64>)]) -> Account {
        Account {
            name: name.into(),
            platform,
            probes: probes
                .iter()
                .map(|(q, t)| Probe {
                    question: (*q).into(),
                    posted_at: t
                        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
                        .map(|t| t.fixed_offset()),
                    ..Probe::default()
                })
                .collect(),
            ..Account::default()
        }
    }

    #[test]
    fn review_answers_and_the_checklist_are_within_the_limits() {
        use crate::core::review::{ReviewAnswer, ReviewItem};
        let mut audit = Audit::default();
        audit.review.push(ReviewItem {
            text: "x".repeat(TEXT_CHARS + 1),
            ..ReviewItem::default()
        });
        let mut a = Account::default();
        a.review.insert(
            "posted".into(),
            ReviewAnswer::Date(chrono::NaiveDate::from_ymd_opt(1066, 10, 14).unwrap()),
        );
        audit.accounts.push(a);
        let fields: Vec<String> = out_of_limits(&audit).into_iter().map(|v| v.field).collect();
        assert_eq!(fields, ["review[0].text", "accounts[0].review"]);
    }

    #[test]
    fn the_linear_merge_agrees_with_the_models() {
        let base = vec![
            account(
                "A",
                Platform::Facebook,
                &[("q", Some(1_552_381_200)), ("r", None)],
            ),
            account("b", Platform::X, &[]),
        ];
        let incoming = vec![
            account(
                "a ",
                Platform::Facebook,
                &[("q", Some(1_552_381_200)), ("s", None)],
            ),
            account("A", Platform::Instagram, &[("q", None)]),
            account("B", Platform::X, &[("t", None), ("t", None)]),
            account("C", Platform::X, &[]),
            account("c", Platform::X, &[("u", None)]),
        ];
        let mut model = Audit {
            accounts: base.clone(),
            ..Audit::default()
        };
        let mut linear = model.clone();
        let expected = model.merge_accounts(incoming.clone());
        let got = merge_accounts(&mut linear, incoming);
        assert_eq!(got, expected);
        assert_eq!(linear, model);
    }
}
