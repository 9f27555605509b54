//! Property tests of the deadline rules over random posting times 2015–2035.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

use chrono::{DateTime, Duration, NaiveDate, Utc};
use proptest::prelude::*;
use svarskoll::core::Probe;
use svarskoll::core::deadline::{DeadlineMode, DeadlineRule, working_time_between};
use svarskoll::core::localtime::resolve;
use svarskoll::core::outcome::{Outcome, evaluate};

fn posted_strategy() -> impl Strategy<Value = DateTime<chrono_tz::Tz>> {
    // Any minute of any day 2015-01-01 .. 2035-12-31, local time (gap/repeat included).
    (0i64..7670, 0u32..24, 0u32..60).prop_map(|(day, h, m)| {
        let date = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + Duration::days(day);
        resolve(date.and_hms_opt(h, m, 0).unwrap()).instant
    })
}

fn rule(mode: DeadlineMode, hours: u32) -> DeadlineRule {
    DeadlineRule {
        mode,
        hours,
        ..DeadlineRule::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn working_hours_deadline_holds_exactly_hours_of_working_time(posted in posted_strategy(), hours in 1u32..100) {
        let r = rule(DeadlineMode::WorkingHours, hours);
        let cal = r.calendar();
        let due = r.deadline(&cal, &posted);
        prop_assert_eq!(working_time_between(&cal, &posted, &due), Duration::hours(i64::from(hours)));
        // Nothing earlier would do: one minute less is not enough working time.
        prop_assert!(working_time_between(&cal, &posted, &(due - Duration::minutes(1))) < Duration::hours(i64::from(hours)));
    }

    #[test]
    fn deadline_never_precedes_posted_plus_hours(posted in posted_strategy(), hours in 1u32..100, working in any::<bool>()) {
        let mode = if working { DeadlineMode::WorkingHours } else { DeadlineMode::NextWorkingDay };
        let r = rule(mode, hours);
        let due = r.deadline(&r.calendar(), &posted);
        prop_assert!(due >= posted + Duration::hours(i64::from(hours)), "{} → {}", posted, due);
    }

    #[test]
    fn next_working_day_deadline_is_on_a_working_day(posted in posted_strategy()) {
        let r = rule(DeadlineMode::NextWorkingDay, 24);
        let cal = r.calendar();
        let due = r.deadline(&cal, &posted);
        // The day the deadline belongs to (00:00 is the end of the previous day) is a working day.
        let day = (due - Duration::nanoseconds(1)).date_naive();
        prop_assert!(cal.is_working_day(day), "{} → {}", posted, due);
    }

    #[test]
    fn outcomes_agree_with_the_deadline(posted in posted_strategy(), after_minutes in 0i64..20_000, answered in any::<bool>(), working in any::<bool>()) {
        let mode = if working { DeadlineMode::WorkingHours } else { DeadlineMode::NextWorkingDay };
        let r = rule(mode, 24);
        let cal = r.calendar();
        let due = r.deadline(&cal, &posted);
        let at = posted + Duration::minutes(after_minutes);
        let probe = Probe {
            posted_at: Some(posted.fixed_offset()),
            answered_at: answered.then(|| at.fixed_offset()),
            ..Probe::default()
        };
        let far_future: DateTime<Utc> = (posted + Duration::days(400)).to_utc();
        let outcome = evaluate(&r, &cal, &probe, far_future).outcome;
        let expected = match (answered, at <= due) {
            (true, true) => Outcome::InTime,
            (true, false) => Outcome::Late,
            (false, _) => Outcome::Unanswered,
        };
        prop_assert_eq!(outcome, expected);
        // As of a moment before the deadline, an unanswered probe is pending.
        if !answered {
            let before = (due - Duration::minutes(1)).to_utc();
            prop_assert_eq!(evaluate(&r, &cal, &probe, before).outcome, Outcome::Pending);
        }
    }
}
