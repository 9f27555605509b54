//! The outcome of a probe relative to an "as of" instant.

use super::calendar::SwedishCalendar;
use super::deadline::{DeadlineRule, working_time_between};
use super::model::Probe;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// What became of a test question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Answered at or before the deadline.
    InTime,
    /// Answered after the deadline.
    Late,
    /// No answer and the deadline has passed (or answered after `max_days`).
    Unanswered,
    /// No answer yet, deadline not passed.
    Pending,
    /// Not posted yet.
    NotPosted,
}

impl Outcome {
    /// The name used in JSON and CSV (PRODUCT §4).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Outcome::InTime => "in_time",
            Outcome::Late => "late",
            Outcome::Unanswered => "unanswered",
            Outcome::Pending => "pending",
            Outcome::NotPosted => "not_posted",
        }
    }

    /// How bad an outcome is when an account has several probes: the worst decides.
    fn severity(self) -> u8 {
        match self {
            Outcome::InTime => 0,
            Outcome::NotPosted => 1,
            Outcome::Pending => 2,
            Outcome::Late => 3,
            Outcome::Unanswered => 4,
        }
    }

    /// The account's outcome from its probes' outcomes: in time only when every posted probe is;
    /// otherwise the worst one. An account with nothing posted is `NotPosted`.
    #[must_use]
    pub fn combine(outcomes: impl IntoIterator<Item = Outcome>) -> Outcome {
        outcomes
            .into_iter()
            .filter(|o| *o != Outcome::NotPosted)
            .max_by_key(|o| o.severity())
            .unwrap_or(Outcome::NotPosted)
    }
}

/// A probe evaluated against the rule and an "as of" instant.
#[derive(Clone, Debug, PartialEq)]
pub struct ProbeEvaluation {
    pub outcome: Outcome,
    pub deadline: Option<DateTime<Tz>>,
    /// After this an answer no longer counts as an answer (`max_days`).
    pub answer_limit: Option<DateTime<Tz>>,
    /// Calendar hours from posted to answered.
    pub response_hours: Option<f64>,
    /// Working-day hours from posted to answered.
    pub response_working_hours: Option<f64>,
}

/// Evaluate `probe` as things stood at `as_of`: events logged after `as_of` are not yet known.
///
/// ```
/// use svarskoll::core::{DeadlineRule, Outcome, Probe, outcome::evaluate, deadline::local};
/// let rule = DeadlineRule::default();
/// let probe = Probe {
///     posted_at: Some(local(2019, 3, 12, 10, 0).unwrap().fixed_offset()),
///     answered_at: Some(local(2019, 3, 13, 9, 0).unwrap().fixed_offset()),
///     ..Probe::default()
/// };
/// let now = local(2019, 4, 1, 12, 0).unwrap().to_utc();
/// let e = evaluate(&rule, &rule.calendar(), &probe, now);
/// assert_eq!(e.outcome, Outcome::InTime);
/// assert_eq!(e.response_hours, Some(23.0));
/// ```
#[must_use]
pub fn evaluate(
    rule: &DeadlineRule,
    cal: &SwedishCalendar,
    probe: &Probe,
    as_of: DateTime<Utc>,
) -> ProbeEvaluation {
    let Some(posted) = probe.posted_at.filter(|p| *p <= as_of) else {
        return ProbeEvaluation {
            outcome: Outcome::NotPosted,
            deadline: None,
            answer_limit: None,
            response_hours: None,
            response_working_hours: None,
        };
    };
    let deadline = rule.deadline(cal, &posted);
    let answer_limit = rule.answer_limit(&posted);
    let answered = probe.answered_at.filter(|a| *a <= as_of);
    let outcome = match answered {
        Some(a) if a <= deadline => Outcome::InTime,
        Some(a) if answer_limit.is_some_and(|limit| a > limit) => Outcome::Unanswered,
        Some(_) => Outcome::Late,
        None if as_of > deadline => Outcome::Unanswered,
        None => Outcome::Pending,
    };
    let response_hours = answered.map(|a| seconds_to_hours((a - posted).num_seconds()));
    let response_working_hours =
        answered.map(|a| seconds_to_hours(working_time_between(cal, &posted, &a).num_seconds()));
    ProbeEvaluation {
        outcome,
        deadline: Some(deadline),
        answer_limit,
        response_hours,
        response_working_hours,
    }
}

#[allow(clippy::cast_precision_loss)] // seconds in an audit are far below 2^52
fn seconds_to_hours(seconds: i64) -> f64 {
    seconds as f64 / 3600.0
}

/// A pending probe should be checked when its deadline is this close (hours).
pub const DUE_SOON_HOURS: i64 = 4;
/// An unanswered probe stays worth checking this long after its deadline (hours): a late answer
/// may still arrive and must be logged.
pub const RECHECK_HOURS: i64 = 48;

/// Whether the auditor should look at this probe now (the log's "check now" list): pending with
/// less than [`DUE_SOON_HOURS`] to its deadline, or unanswered with the deadline passed less
/// than [`RECHECK_HOURS`] ago.
///
/// ```
/// use svarskoll::core::{DeadlineRule, Probe, deadline::local};
/// use svarskoll::core::outcome::{evaluate, needs_check_now};
/// let rule = DeadlineRule::default();
/// let probe = Probe {
///     posted_at: Some(local(2019, 3, 12, 10, 0).unwrap().fixed_offset()), // due Wed 13 10:00
///     ..Probe::default()
/// };
/// let check = |d, h| {
///     let now = local(2019, 3, d, h, 0).unwrap().to_utc();
///     needs_check_now(&evaluate(&rule, &rule.calendar(), &probe, now), now)
/// };
/// assert!(!check(13, 5)); // 5 h left
/// assert!(check(13, 7)); // 3 h left
/// assert!(check(14, 12)); // passed a day ago
/// assert!(!check(15, 11)); // passed 49 h ago
/// ```
#[must_use]
pub fn needs_check_now(evaluation: &ProbeEvaluation, now: DateTime<Utc>) -> bool {
    let Some(deadline) = evaluation.deadline.map(|d| d.to_utc()) else {
        return false;
    };
    match evaluation.outcome {
        Outcome::Pending => deadline - now < chrono::Duration::hours(DUE_SOON_HOURS),
        Outcome::Unanswered => now - deadline < chrono::Duration::hours(RECHECK_HOURS),
        Outcome::InTime | Outcome::Late | Outcome::NotPosted => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::deadline::{DeadlineMode, local};

    fn probe(posted: Option<(u32, u32, u32)>, answered: Option<(u32, u32, u32)>) -> Probe {
        let stamp = |(d, h, m): (u32, u32, u32)| local(2019, 3, d, h, m).unwrap().fixed_offset();
        Probe {
            posted_at: posted.map(stamp),
            answered_at: answered.map(stamp),
            ..Probe::default()
        }
    }

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        local(2019, 3, d, h, 0).unwrap().to_utc()
    }

    #[test]
    fn outcomes_relative_to_as_of() {
        let rule = DeadlineRule::default();
        let cal = rule.calendar();
        let ev = |p: &Probe, now| evaluate(&rule, &cal, p, now).outcome;
        // Posted Tue 12 10:00, due Wed 13 10:00.
        assert_eq!(
            ev(&probe(Some((12, 10, 0)), Some((13, 10, 0))), at(20, 0)),
            Outcome::InTime
        );
        assert_eq!(
            ev(&probe(Some((12, 10, 0)), Some((13, 10, 1))), at(20, 0)),
            Outcome::Late
        );
        assert_eq!(
            ev(&probe(Some((12, 10, 0)), None), at(20, 0)),
            Outcome::Unanswered
        );
        assert_eq!(
            ev(&probe(Some((12, 10, 0)), None), at(13, 9)),
            Outcome::Pending
        );
        assert_eq!(ev(&probe(None, None), at(20, 0)), Outcome::NotPosted);
        // As of before the answer was logged: not yet answered.
        assert_eq!(
            ev(&probe(Some((12, 10, 0)), Some((14, 10, 0))), at(13, 9)),
            Outcome::Pending
        );
        // As of before posting: not posted yet.
        assert_eq!(
            ev(&probe(Some((12, 10, 0)), None), at(11, 9)),
            Outcome::NotPosted
        );
    }

    #[test]
    fn max_days_turns_very_late_answers_into_unanswered() {
        let rule = DeadlineRule {
            mode: DeadlineMode::WorkingHours,
            max_days: Some(7),
            ..DeadlineRule::default()
        };
        let cal = rule.calendar();
        let late = probe(Some((4, 10, 0)), Some((11, 10, 0)));
        let too_late = probe(Some((4, 10, 0)), Some((11, 10, 1)));
        assert_eq!(
            evaluate(&rule, &cal, &late, at(30, 0)).outcome,
            Outcome::Late
        );
        assert_eq!(
            evaluate(&rule, &cal, &too_late, at(30, 0)).outcome,
            Outcome::Unanswered
        );
    }

    #[test]
    fn response_times_in_calendar_and_working_hours() {
        let rule = DeadlineRule::default();
        let cal = rule.calendar();
        // Fri 15 15:00 → Mon 18 11:00: 68 calendar hours, 9 + 11 = 20 working hours.
        let e = evaluate(
            &rule,
            &cal,
            &probe(Some((15, 15, 0)), Some((18, 11, 0))),
            at(30, 0),
        );
        assert_eq!(e.response_hours, Some(68.0));
        assert_eq!(e.response_working_hours, Some(20.0));
        assert_eq!(e.outcome, Outcome::InTime);
    }

    #[test]
    fn account_outcome_is_the_worst_posted_probe() {
        use Outcome::*;
        assert_eq!(Outcome::combine([InTime, InTime]), InTime);
        assert_eq!(Outcome::combine([InTime, NotPosted]), InTime);
        assert_eq!(Outcome::combine([InTime, Pending]), Pending);
        assert_eq!(Outcome::combine([Late, Pending]), Late);
        assert_eq!(Outcome::combine([Late, Unanswered, InTime]), Unanswered);
        assert_eq!(Outcome::combine([NotPosted]), NotPosted);
        assert_eq!(Outcome::combine([]), NotPosted);
    }

    #[test]
    fn check_now_is_four_hours_before_to_two_days_after_the_deadline() {
        let rule = DeadlineRule::default();
        let cal = rule.calendar();
        // Posted Tue 12 10:00, due Wed 13 10:00.
        let check = |p: &Probe, now| needs_check_now(&evaluate(&rule, &cal, p, now), now);
        let waiting = probe(Some((12, 10, 0)), None);
        assert!(!check(&waiting, at(13, 6)), "exactly 4 h left");
        assert!(check(&waiting, at(13, 7)));
        assert!(check(&waiting, at(13, 10)), "due now");
        assert!(check(&waiting, at(15, 9)), "passed 47 h ago");
        assert!(!check(&waiting, at(15, 10)), "passed 48 h ago");
        assert!(!check(
            &probe(Some((12, 10, 0)), Some((13, 9, 0))),
            at(13, 9)
        ));
        assert!(!check(
            &probe(Some((12, 10, 0)), Some((13, 11, 0))),
            at(13, 12)
        ));
        assert!(!check(&probe(None, None), at(13, 9)));
    }
}
