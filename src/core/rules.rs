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
/// The audit's year (`meta.year`).
pub const YEAR: RangeInclusive<i32> = 1990..=2100;

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
            audited: u32::try_from(results.overall.decided()).unwrap_or(u32::MAX),
            in_time: u32::try_from(results.overall.in_time).unwrap_or(u32::MAX),
            signed: u32::try_from(results.overall.signed).ok(),
        }
    }
}
