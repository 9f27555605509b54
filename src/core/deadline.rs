//! The answer deadline (svarsfrist) of a probe, in the two modes of PRODUCT §4.

use super::calendar::SwedishCalendar;
use super::localtime::{start_of_day, to_local};
use chrono::{DateTime, Duration, NaiveDate, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// How the answer deadline is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineMode {
    /// The clock runs only during working days: `hours` of working-day time after posting.
    WorkingHours,
    /// Posted + `hours`; if that falls on a non-working day, the end (24:00) of the next working
    /// day (as lag 1930:173 om beräkning av lagstadgad tid, 2 §).
    NextWorkingDay,
}

/// The audit's deadline rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineRule {
    pub mode: DeadlineMode,
    /// Normally 24.
    pub hours: u32,
    /// An answer later than this many calendar days after posting counts as not answered at all
    /// (Skurup: 7).
    #[serde(default)]
    pub max_days: Option<u32>,
    /// Further closed dates (a template's local "klämdagar").
    #[serde(default)]
    pub extra_closed_dates: Vec<NaiveDate>,
}

impl Default for DeadlineRule {
    fn default() -> Self {
        Self {
            mode: DeadlineMode::NextWorkingDay,
            hours: 24,
            max_days: None,
            extra_closed_dates: Vec::new(),
        }
    }
}

/// Seconds in `hours`, as a duration.
fn hours_duration(hours: u32) -> Duration {
    Duration::hours(i64::from(hours))
}

/// `t + amount`, or `t` itself where that would leave chrono's range: only values the loader
/// refuses (`rules::HOURS`, `rules::YEAR`) come near it, and a wrong deadline beats a panic.
fn plus(t: DateTime<Tz>, amount: Duration) -> DateTime<Tz> {
    t.checked_add_signed(amount).unwrap_or(t)
}

/// The day after `date` (itself at the end of chrono's range).
fn next_day(date: NaiveDate) -> NaiveDate {
    date.succ_opt().unwrap_or(date)
}

impl DeadlineRule {
    /// The working-day calendar this rule counts with.
    #[must_use]
    pub fn calendar(&self) -> SwedishCalendar {
        SwedishCalendar::new(self.extra_closed_dates.iter().copied())
    }

    /// The instant the answer is due.
    ///
    /// ```
    /// use svarskoll::core::{DeadlineRule, DeadlineMode, localtime::resolve};
    /// use chrono::NaiveDate;
    /// let rule = DeadlineRule { mode: DeadlineMode::WorkingHours, ..DeadlineRule::default() };
    /// let friday = resolve(NaiveDate::from_ymd_opt(2019, 3, 15).unwrap().and_hms_opt(15, 0, 0).unwrap());
    /// let due = rule.deadline(&rule.calendar(), &friday.instant);
    /// assert_eq!(due.to_rfc3339(), "2019-03-18T15:00:00+01:00");
    /// ```
    #[must_use]
    pub fn deadline<T: TimeZone>(
        &self,
        cal: &SwedishCalendar,
        posted: &DateTime<T>,
    ) -> DateTime<Tz> {
        let posted = to_local(posted);
        match self.mode {
            DeadlineMode::WorkingHours => add_working_time(cal, posted, hours_duration(self.hours)),
            DeadlineMode::NextWorkingDay => {
                // Elapsed (physical) time, so a DST switch inside the window changes nothing.
                let candidate = plus(posted, hours_duration(self.hours));
                let day = day_of_deadline(candidate);
                if cal.is_working_day(day) {
                    candidate
                } else {
                    start_of_day(next_day(cal.next_working_day(day)))
                }
            }
        }
    }

    /// The instant after which an answer no longer counts as an answer (`max_days`), if any.
    #[must_use]
    pub fn answer_limit<T: TimeZone>(&self, posted: &DateTime<T>) -> Option<DateTime<Tz>> {
        let days = self.max_days?;
        let posted = to_local(posted);
        // Calendar days: the same wall-clock time `days` dates later.
        let naive = posted
            .naive_local()
            .checked_add_signed(Duration::days(i64::from(days)))?;
        Some(super::localtime::resolve(naive).instant)
    }
}

/// The local date a deadline instant belongs to: exactly 00:00 is the end (24:00) of the day before.
fn day_of_deadline(t: DateTime<Tz>) -> NaiveDate {
    let date = t.date_naive();
    if t == start_of_day(date) {
        date.pred_opt().unwrap_or(date)
    } else {
        date
    }
}

/// The instant at which `amount` of time lying on working days has passed since `from`.
#[must_use]
pub fn add_working_time(
    cal: &SwedishCalendar,
    from: DateTime<Tz>,
    amount: Duration,
) -> DateTime<Tz> {
    let mut remaining = amount;
    let mut t = from;
    // Bounded: a century of closed days would be a broken calendar, not an audit.
    for _ in 0..36_600 {
        let date = t.date_naive();
        let day_end = start_of_day(next_day(date));
        if cal.is_working_day(date) {
            let available = day_end - t;
            if remaining <= available {
                return plus(t, remaining);
            }
            remaining -= available;
        }
        t = day_end;
    }
    t
}

/// Time lying on working days between `from` and `to` (zero when `to` precedes `from`).
#[must_use]
pub fn working_time_between<A: TimeZone, B: TimeZone>(
    cal: &SwedishCalendar,
    from: &DateTime<A>,
    to: &DateTime<B>,
) -> Duration {
    let (from, to) = (to_local(from), to_local(to));
    let mut total = Duration::zero();
    let mut t = from;
    while t < to {
        let date = t.date_naive();
        let day_end = start_of_day(next_day(date));
        if day_end <= t {
            break; // the end of chrono's range
        }
        let end = if day_end < to { day_end } else { to };
        if cal.is_working_day(date) {
            total += end - t;
        }
        t = end;
    }
    total
}

/// Stockholm "now"-style helper for tests and docs: a local wall-clock time as an instant.
#[must_use]
pub fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> Option<DateTime<Tz>> {
    let naive = NaiveDate::from_ymd_opt(y, m, d)?.and_hms_opt(h, min, 0)?;
    Some(super::localtime::resolve(naive).instant)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Tz> {
        local(y, m, d, h, min).unwrap()
    }

    fn rule(mode: DeadlineMode) -> DeadlineRule {
        DeadlineRule {
            mode,
            ..DeadlineRule::default()
        }
    }

    /// PRODUCT §4's worked examples, both modes. "End of Mon" is written as Tue 00:00.
    #[test]
    fn worked_examples_table() {
        type Row = (
            (i32, u32, u32, u32, u32),
            (i32, u32, u32, u32, u32),
            (i32, u32, u32, u32, u32),
        );
        let rows: [Row; 7] = [
            (
                (2019, 3, 12, 10, 0),
                (2019, 3, 13, 10, 0),
                (2019, 3, 13, 10, 0),
            ),
            (
                (2019, 3, 15, 15, 0),
                (2019, 3, 18, 15, 0),
                (2019, 3, 19, 0, 0),
            ),
            (
                (2019, 3, 16, 11, 0),
                (2019, 3, 19, 0, 0),
                (2019, 3, 19, 0, 0),
            ),
            (
                (2019, 3, 17, 20, 0),
                (2019, 3, 19, 0, 0),
                (2019, 3, 18, 20, 0),
            ),
            (
                (2019, 4, 18, 10, 0),
                (2019, 4, 23, 10, 0),
                (2019, 4, 24, 0, 0),
            ),
            (
                (2019, 6, 20, 14, 0),
                (2019, 6, 24, 14, 0),
                (2019, 6, 25, 0, 0),
            ),
            (
                (2024, 12, 23, 9, 30),
                (2024, 12, 27, 9, 30),
                (2024, 12, 28, 0, 0),
            ),
        ];
        let cal = SwedishCalendar::default();
        for (posted, working, next) in rows {
            let p = t(posted.0, posted.1, posted.2, posted.3, posted.4);
            let w = t(working.0, working.1, working.2, working.3, working.4);
            let n = t(next.0, next.1, next.2, next.3, next.4);
            assert_eq!(
                rule(DeadlineMode::WorkingHours).deadline(&cal, &p),
                w,
                "working_hours from {p}"
            );
            assert_eq!(
                rule(DeadlineMode::NextWorkingDay).deadline(&cal, &p),
                n,
                "next_working_day from {p}"
            );
        }
    }

    #[test]
    fn working_hours_across_spring_switch() {
        // Fri 2019-03-29 15:00 CET; the clocks go forward Sun 03-31 02:00. 9 h Friday + 15 h Monday.
        let cal = SwedishCalendar::default();
        let due = rule(DeadlineMode::WorkingHours).deadline(&cal, &t(2019, 3, 29, 15, 0));
        assert_eq!(due.to_rfc3339(), "2019-04-01T15:00:00+02:00");
        // 72 calendar hours of wall clock, but only 71 elapsed hours.
        assert_eq!((due - t(2019, 3, 29, 15, 0)).num_hours(), 71);
    }

    #[test]
    fn working_hours_across_autumn_switch() {
        let cal = SwedishCalendar::default();
        let due = rule(DeadlineMode::WorkingHours).deadline(&cal, &t(2019, 10, 25, 15, 0));
        assert_eq!(due.to_rfc3339(), "2019-10-28T15:00:00+01:00");
        assert_eq!((due - t(2019, 10, 25, 15, 0)).num_hours(), 73);
    }

    #[test]
    fn next_working_day_landing_on_switch_sunday() {
        let cal = SwedishCalendar::default();
        // Sat 2019-03-30 10:00 CET + 24 h elapsed = Sun 03-31 11:00 CEST → end of Mon 04-01.
        let due = rule(DeadlineMode::NextWorkingDay).deadline(&cal, &t(2019, 3, 30, 10, 0));
        assert_eq!(due.to_rfc3339(), "2019-04-02T00:00:00+02:00");
        // Sat 2019-10-26 10:00 CEST + 24 h = Sun 10-27 09:00 CET → end of Mon 10-28.
        let due = rule(DeadlineMode::NextWorkingDay).deadline(&cal, &t(2019, 10, 26, 10, 0));
        assert_eq!(due.to_rfc3339(), "2019-10-29T00:00:00+01:00");
    }

    #[test]
    fn posted_in_gap_and_in_repeat() {
        let cal = SwedishCalendar::default();
        // Posted "02:30" on switch Sunday (does not exist) → 03:30 CEST; Monday counts from 00:00.
        let gap = t(2019, 3, 31, 2, 30);
        assert_eq!(gap.to_rfc3339(), "2019-03-31T03:30:00+02:00");
        assert_eq!(
            rule(DeadlineMode::WorkingHours)
                .deadline(&cal, &gap)
                .to_rfc3339(),
            "2019-04-02T00:00:00+02:00"
        );
        assert_eq!(
            rule(DeadlineMode::NextWorkingDay)
                .deadline(&cal, &gap)
                .to_rfc3339(),
            "2019-04-01T03:30:00+02:00"
        );
        // "02:30" in the autumn repeat → the summer-time one.
        let rep = t(2019, 10, 27, 2, 30);
        assert_eq!(rep.to_rfc3339(), "2019-10-27T02:30:00+02:00");
        assert_eq!(
            rule(DeadlineMode::NextWorkingDay)
                .deadline(&cal, &rep)
                .to_rfc3339(),
            "2019-10-28T01:30:00+01:00"
        );
    }

    #[test]
    fn midnight_deadline_belongs_to_the_day_before() {
        // Posted Fri 00:00 → +24 h = Sat 00:00 = end of Friday, a working day: stays.
        let cal = SwedishCalendar::default();
        let due = rule(DeadlineMode::NextWorkingDay).deadline(&cal, &t(2019, 3, 15, 0, 0));
        assert_eq!(due, t(2019, 3, 16, 0, 0));
    }

    #[test]
    fn max_days_is_calendar_days() {
        let r = DeadlineRule {
            max_days: Some(7),
            ..rule(DeadlineMode::WorkingHours)
        };
        assert_eq!(
            r.answer_limit(&t(2019, 3, 28, 10, 0)),
            Some(t(2019, 4, 4, 10, 0))
        );
        assert_eq!(
            rule(DeadlineMode::WorkingHours).answer_limit(&t(2019, 3, 28, 10, 0)),
            None
        );
    }

    #[test]
    fn working_time_between_skips_closed_days() {
        let cal = SwedishCalendar::default();
        let w = working_time_between(&cal, &t(2019, 4, 18, 10, 0), &t(2019, 4, 23, 10, 0));
        assert_eq!(w, Duration::hours(24));
        let w = working_time_between(&cal, &t(2019, 3, 16, 11, 0), &t(2019, 3, 17, 20, 0));
        assert_eq!(w, Duration::zero());
        let w = working_time_between(&cal, &t(2019, 3, 13, 10, 0), &t(2019, 3, 12, 10, 0));
        assert_eq!(w, Duration::zero());
    }
}
