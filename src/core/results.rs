//! The audit's results (PRODUCT §5): counts and shares overall, per platform and per unit.

use super::model::{Audit, ExclusionReason, Platform, Stamp};
use super::outcome::{Outcome, ProbeEvaluation, evaluate};
use super::review::ReviewResults;
use super::stats::{Quartiles, fisher_two_sided, quartiles, share, wilson95};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// Account counts for a group of accounts (all, one platform, one unit).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Every account in the register.
    pub listed: usize,
    /// Closed, not public, or on a platform outside the scope.
    pub excluded: usize,
    /// Eligible and selected for testing.
    pub audited: usize,
    /// Every posted probe answered in time.
    pub in_time: usize,
    pub late: usize,
    pub unanswered: usize,
    pub pending: usize,
    pub not_posted: usize,
    /// Audited accounts with at least one answer.
    pub answered: usize,
    /// Answered accounts whose every answer was signed with a first name.
    pub signed: usize,
}

impl Counts {
    /// Accounts whose outcome is settled: in time, late or unanswered.
    #[must_use]
    pub fn decided(&self) -> usize {
        self.in_time + self.late + self.unanswered
    }

    /// Eligible accounts (active, platform in scope) not drawn into the sample.
    #[must_use]
    pub fn not_selected(&self) -> usize {
        self.eligible() - self.audited
    }

    /// Active accounts on platforms in scope: the pool the sample is drawn from.
    #[must_use]
    pub fn eligible(&self) -> usize {
        self.listed - self.excluded
    }

    /// In time as a share of the decided accounts (= audited ones once the audit is finished).
    #[must_use]
    pub fn in_time_share(&self) -> Option<f64> {
        share(self.in_time, self.decided())
    }

    /// The Wilson 95 % interval of [`Counts::in_time_share`].
    #[must_use]
    pub fn in_time_ci95(&self) -> Option<(f64, f64)> {
        wilson95(self.in_time, self.decided())
    }

    fn add_account(&mut self, outcome: Outcome, answered: bool, signed: bool) {
        self.audited += 1;
        match outcome {
            Outcome::InTime => self.in_time += 1,
            Outcome::Late => self.late += 1,
            Outcome::Unanswered => self.unanswered += 1,
            Outcome::Pending => self.pending += 1,
            Outcome::NotPosted => self.not_posted += 1,
        }
        self.answered += usize::from(answered);
        self.signed += usize::from(signed);
    }
}

/// What a group of accounts has in common. Words for it are chosen at the edge (gui, cli,
/// report) in the reader's language; never compare against a display string.
///
/// Units sort by name, with accounts that name no unit first.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GroupKey {
    Platform(Platform),
    /// Accounts whose unit is empty.
    NoUnit,
    /// A unit (verksamhet), trimmed as written in the register.
    Unit(String),
}

impl GroupKey {
    /// The unit group of an account's `unit` field.
    ///
    /// ```
    /// use svarskoll::core::GroupKey;
    /// assert_eq!(GroupKey::unit("  "), GroupKey::NoUnit);
    /// assert_eq!(GroupKey::unit(" Åbyskolan "), GroupKey::Unit("Åbyskolan".into()));
    /// ```
    #[must_use]
    pub fn unit(unit: &str) -> GroupKey {
        let unit = unit.trim();
        if unit.is_empty() {
            GroupKey::NoUnit
        } else {
            GroupKey::Unit(unit.to_owned())
        }
    }
}

/// Results for one platform or unit.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupResult {
    pub key: GroupKey,
    pub counts: Counts,
    /// Calendar response hours of the group's answered probes.
    pub response_hours: Option<Quartiles>,
}

/// One audited account's outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountResult {
    /// Index into `Audit::accounts`.
    pub index: usize,
    pub outcome: Outcome,
    pub answered: bool,
    pub signed: bool,
}

/// One probe of an audited account, evaluated.
#[derive(Clone, Debug, PartialEq)]
pub struct ProbeResult {
    pub account_index: usize,
    pub probe_index: usize,
    pub account: String,
    pub platform: Platform,
    pub unit: GroupKey,
    pub posted_at: Option<Stamp>,
    pub answered_at: Option<Stamp>,
    pub signed: Option<bool>,
    pub evaluation: ProbeEvaluation,
}

/// The comparison with an earlier audit.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub label: String,
    pub earlier_in_time: u32,
    pub earlier_audited: u32,
    pub earlier_share: Option<f64>,
    pub current_share: Option<f64>,
    /// Current minus earlier share, in percentage points.
    pub difference_points: Option<f64>,
    /// Two-sided Fisher exact test.
    pub p_value: Option<f64>,
    /// p < 0.05.
    pub significant: bool,
}

/// One audit in the trend: an earlier audit's figures, or this audit's own.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    /// The earlier audit's label; this audit's year (empty when it has none).
    pub label: String,
    /// See [`EarlierAudit::year_or_label`]; this audit's year.
    pub year: Option<i32>,
    /// Accounts audited (with a decided outcome, for this audit).
    pub audited: u32,
    pub in_time: u32,
    pub share: Option<f64>,
    /// 95 % Wilson interval of the share.
    pub ci95: Option<(f64, f64)>,
    /// This audit, not an earlier one.
    pub current: bool,
}

impl TrendPoint {
    fn new(label: String, year: Option<i32>, audited: u32, in_time: u32, current: bool) -> Self {
        TrendPoint {
            label,
            year,
            audited,
            in_time,
            share: share(in_time as usize, audited as usize),
            ci95: wilson95(in_time as usize, audited as usize),
            current,
        }
    }
}

/// Every earlier audit, oldest first, then this one (the trend table and chart).
fn trend(audit: &Audit, overall: &Counts) -> Vec<TrendPoint> {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let year = (audit.meta.year > 0).then_some(audit.meta.year);
    audit
        .earlier
        .iter()
        .map(|e| {
            TrendPoint::new(
                e.label.clone(),
                e.year_or_label(),
                e.audited,
                e.in_time,
                false,
            )
        })
        .chain(std::iter::once(TrendPoint::new(
            year.map(|y| y.to_string()).unwrap_or_default(),
            year,
            count(overall.decided()),
            count(overall.in_time),
            true,
        )))
        .collect()
}

/// Everything computed from an audit as of one instant.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub as_of: DateTime<Utc>,
    pub overall: Counts,
    pub excluded_by_reason: Vec<(ExclusionReason, usize)>,
    pub by_platform: Vec<GroupResult>,
    pub by_unit: Vec<GroupResult>,
    /// Calendar hours from posted to answered, over answered probes.
    pub response_hours: Option<Quartiles>,
    pub response_working_hours: Option<Quartiles>,
    pub accounts: Vec<AccountResult>,
    pub probes: Vec<ProbeResult>,
    /// The comparison with the latest earlier audit.
    pub comparison: Option<Comparison>,
    /// The account review's counts per checklist item (empty without a checklist).
    pub review: ReviewResults,
    /// The earlier audits and this one, oldest first (this one last).
    pub trend: Vec<TrendPoint>,
}

impl Results {
    /// Compute the results of `audit` as things stood at `as_of`.
    #[must_use]
    pub fn compute(audit: &Audit, as_of: DateTime<Utc>) -> Results {
        let rule = &audit.criteria.deadline;
        let cal = rule.calendar();
        let mut overall = Counts::default();
        let mut by_platform: BTreeMap<Platform, (Counts, Vec<f64>)> = BTreeMap::new();
        let mut by_unit: BTreeMap<GroupKey, (Counts, Vec<f64>)> = BTreeMap::new();
        let mut excluded: BTreeMap<ExclusionReason, usize> = BTreeMap::new();
        let mut accounts = Vec::new();
        let mut probes = Vec::new();
        let mut hours = Vec::new();
        let mut working_hours = Vec::new();

        for (index, account) in audit.accounts.iter().enumerate() {
            let unit = GroupKey::unit(&account.unit);
            let platform_entry = by_platform.entry(account.platform).or_default();
            let unit_entry = by_unit.entry(unit.clone()).or_default();
            for c in [&mut overall, &mut platform_entry.0, &mut unit_entry.0] {
                c.listed += 1;
            }
            if let Some(reason) = audit.exclusion(account) {
                *excluded.entry(reason).or_default() += 1;
                for c in [&mut overall, &mut platform_entry.0, &mut unit_entry.0] {
                    c.excluded += 1;
                }
                continue;
            }
            if !account.selected {
                continue;
            }
            let mut outcomes = Vec::with_capacity(account.probes.len());
            let (mut answered, mut all_signed) = (false, true);
            for (probe_index, probe) in account.probes.iter().enumerate() {
                let evaluation = evaluate(rule, &cal, probe, as_of);
                outcomes.push(evaluation.outcome);
                if let Some(h) = evaluation.response_hours {
                    answered = true;
                    all_signed &= probe.signed == Some(true);
                    hours.push(h);
                    platform_entry.1.push(h);
                    unit_entry.1.push(h);
                }
                if let Some(w) = evaluation.response_working_hours {
                    working_hours.push(w);
                }
                probes.push(ProbeResult {
                    account_index: index,
                    probe_index,
                    account: account.name.clone(),
                    platform: account.platform,
                    unit: unit.clone(),
                    posted_at: probe.posted_at,
                    answered_at: probe.answered_at.filter(|a| *a <= as_of),
                    signed: probe.signed,
                    evaluation,
                });
            }
            let outcome = Outcome::combine(outcomes);
            let signed = answered && all_signed;
            for c in [&mut overall, &mut platform_entry.0, &mut unit_entry.0] {
                c.add_account(outcome, answered, signed);
            }
            accounts.push(AccountResult {
                index,
                outcome,
                answered,
                signed,
            });
        }

        let group = |key: GroupKey, (counts, h): (Counts, Vec<f64>)| GroupResult {
            key,
            counts,
            response_hours: quartiles(&h),
        };
        let comparison = audit.earlier.last().map(|e| {
            let current_share = overall.in_time_share();
            let earlier_share = share(e.in_time as usize, e.audited as usize);
            let p_value = fisher_two_sided(
                overall.in_time as u64,
                overall.decided() as u64,
                u64::from(e.in_time),
                u64::from(e.audited),
            )
            .filter(|_| overall.decided() > 0 && e.audited > 0);
            Comparison {
                label: e.label.clone(),
                earlier_in_time: e.in_time,
                earlier_audited: e.audited,
                earlier_share,
                current_share,
                difference_points: current_share
                    .zip(earlier_share)
                    .map(|(c, p)| (c - p) * 100.0),
                p_value,
                significant: p_value.is_some_and(|p| p < 0.05),
            }
        });

        let trend = trend(audit, &overall);
        Results {
            trend,
            as_of,
            overall,
            excluded_by_reason: excluded.into_iter().collect(),
            by_platform: by_platform
                .into_iter()
                .map(|(p, v)| group(GroupKey::Platform(p), v))
                .collect(),
            by_unit: by_unit.into_iter().map(|(u, v)| group(u, v)).collect(),
            response_hours: quartiles(&hours),
            response_working_hours: quartiles(&working_hours),
            accounts,
            probes,
            comparison,
            review: ReviewResults::compute(audit, as_of),
        }
    }
}
