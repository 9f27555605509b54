//! Swedish working days: public holidays (lag 1989:253 om allmänna helgdagar), the three de-facto
//! non-working eves, and any extra closed dates an audit template adds.
//!
//! Written by hand because no maintained crate covers the Swedish rules (midsommar and alla helgons
//! dag are "the Saturday between …", and the eves are not legal holidays but are treated as such by
//! lag 1930:173 om beräkning av lagstadgad tid).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::collections::BTreeSet;

/// Why a date is not a working day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NonWorking {
    Saturday,
    Sunday,
    Holiday(&'static str),
    Eve(&'static str),
    ExtraClosed,
}

/// The calendar used for deadlines: weekends, Swedish public holidays, the eves and extra dates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SwedishCalendar {
    extra_closed: BTreeSet<NaiveDate>,
}

/// Easter Sunday by the Gregorian computus (the anonymous "Meeus/Jones/Butcher" algorithm).
///
/// ```
/// use chrono::NaiveDate;
/// assert_eq!(svarskoll::core::calendar::easter_sunday(2019), NaiveDate::from_ymd_opt(2019, 4, 21));
/// ```
#[must_use]
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The Saturday in the seven-day window starting at `month`/`first_day` (midsommardagen: 20–26 June;
/// alla helgons dag: 31 October – 6 November).
fn saturday_from(year: i32, month: u32, first_day: u32) -> Option<NaiveDate> {
    let start = NaiveDate::from_ymd_opt(year, month, first_day)?;
    (0..7)
        .map(|i| start + Duration::days(i))
        .find(|d| d.weekday() == Weekday::Sat)
}

/// Midsommardagen: the Saturday between 20 and 26 June.
#[must_use]
pub fn midsommardagen(year: i32) -> Option<NaiveDate> {
    saturday_from(year, 6, 20)
}

/// Alla helgons dag: the Saturday between 31 October and 6 November.
#[must_use]
pub fn alla_helgons_dag(year: i32) -> Option<NaiveDate> {
    saturday_from(year, 10, 31)
}

/// The name of the Swedish public holiday on `date`, if it is one.
#[must_use]
pub fn public_holiday(date: NaiveDate) -> Option<&'static str> {
    let (m, d) = (date.month(), date.day());
    let fixed = match (m, d) {
        (1, 1) => Some("nyårsdagen"),
        (1, 6) => Some("trettondedag jul"),
        (5, 1) => Some("första maj"),
        (6, 6) => Some("nationaldagen"),
        (12, 25) => Some("juldagen"),
        (12, 26) => Some("annandag jul"),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    let year = date.year();
    if let Some(easter) = easter_sunday(year) {
        let offset = (date - easter).num_days();
        let movable = match offset {
            -2 => Some("långfredagen"),
            0 => Some("påskdagen"),
            1 => Some("annandag påsk"),
            39 => Some("Kristi himmelsfärdsdag"),
            49 => Some("pingstdagen"),
            _ => None,
        };
        if movable.is_some() {
            return movable;
        }
    }
    if midsommardagen(year) == Some(date) {
        return Some("midsommardagen");
    }
    if alla_helgons_dag(year) == Some(date) {
        return Some("alla helgons dag");
    }
    None
}

/// The name of the de-facto non-working eve on `date` (midsommarafton, julafton, nyårsafton).
#[must_use]
pub fn non_working_eve(date: NaiveDate) -> Option<&'static str> {
    match (date.month(), date.day()) {
        (12, 24) => return Some("julafton"),
        (12, 31) => return Some("nyårsafton"),
        _ => {}
    }
    let eve = midsommardagen(date.year()).map(|d| d - Duration::days(1));
    (eve == Some(date)).then_some("midsommarafton")
}

impl SwedishCalendar {
    /// A calendar with the standard Swedish rules and extra closed dates (e.g. a local "klämdag").
    #[must_use]
    pub fn new(extra_closed: impl IntoIterator<Item = NaiveDate>) -> Self {
        Self {
            extra_closed: extra_closed.into_iter().collect(),
        }
    }

    /// Why `date` is not a working day, or `None` if it is one.
    #[must_use]
    pub fn non_working_reason(&self, date: NaiveDate) -> Option<NonWorking> {
        if let Some(name) = public_holiday(date) {
            return Some(NonWorking::Holiday(name));
        }
        if let Some(name) = non_working_eve(date) {
            return Some(NonWorking::Eve(name));
        }
        match date.weekday() {
            Weekday::Sat => return Some(NonWorking::Saturday),
            Weekday::Sun => return Some(NonWorking::Sunday),
            _ => {}
        }
        self.extra_closed
            .contains(&date)
            .then_some(NonWorking::ExtraClosed)
    }

    /// Monday–Friday that is neither a public holiday, an eve, nor an extra closed date.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = svarskoll::core::SwedishCalendar::default();
    /// assert!(cal.is_working_day(NaiveDate::from_ymd_opt(2019, 3, 12).unwrap()));
    /// assert!(!cal.is_working_day(NaiveDate::from_ymd_opt(2019, 4, 19).unwrap())); // långfredagen
    /// ```
    #[must_use]
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.non_working_reason(date).is_none()
    }

    /// The first working day strictly after `date`.
    #[must_use]
    pub fn next_working_day(&self, date: NaiveDate) -> NaiveDate {
        let mut d = date;
        // A year never has more than a handful of consecutive closed days, but extra closed dates
        // are user input: bound the walk so a pathological template cannot hang the app.
        for _ in 0..3660 {
            d = d.succ_opt().unwrap_or(d);
            if self.is_working_day(d) {
                return d;
            }
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn known_easter_sundays() {
        for (y, m, d) in [
            (2016, 3, 27),
            (2019, 4, 21),
            (2020, 4, 12),
            (2023, 4, 9),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(y), Some(ymd(y, m, d)), "Easter {y}");
        }
    }

    #[test]
    fn midsommar_and_alla_helgon() {
        for (y, mids, allh) in [
            (2019, (6, 22), (11, 2)),
            (2020, (6, 20), (10, 31)),
            (2021, (6, 26), (11, 6)),
            (2024, (6, 22), (11, 2)),
            (2025, (6, 21), (11, 1)),
            (2026, (6, 20), (10, 31)),
        ] {
            assert_eq!(midsommardagen(y), Some(ymd(y, mids.0, mids.1)));
            assert_eq!(alla_helgons_dag(y), Some(ymd(y, allh.0, allh.1)));
            let eve = ymd(y, mids.0, mids.1) - Duration::days(1);
            assert_eq!(non_working_eve(eve), Some("midsommarafton"));
        }
    }

    fn holidays_of(year: i32) -> Vec<(NaiveDate, &'static str)> {
        let mut d = ymd(year, 1, 1);
        let mut out = Vec::new();
        while d.year() == year {
            if let Some(n) = public_holiday(d) {
                out.push((d, n));
            }
            d = d.succ_opt().unwrap();
        }
        out
    }

    #[test]
    fn every_public_holiday_of_2019() {
        let expected = vec![
            (ymd(2019, 1, 1), "nyårsdagen"),
            (ymd(2019, 1, 6), "trettondedag jul"),
            (ymd(2019, 4, 19), "långfredagen"),
            (ymd(2019, 4, 21), "påskdagen"),
            (ymd(2019, 4, 22), "annandag påsk"),
            (ymd(2019, 5, 1), "första maj"),
            (ymd(2019, 5, 30), "Kristi himmelsfärdsdag"),
            (ymd(2019, 6, 6), "nationaldagen"),
            (ymd(2019, 6, 9), "pingstdagen"),
            (ymd(2019, 6, 22), "midsommardagen"),
            (ymd(2019, 11, 2), "alla helgons dag"),
            (ymd(2019, 12, 25), "juldagen"),
            (ymd(2019, 12, 26), "annandag jul"),
        ];
        assert_eq!(holidays_of(2019), expected);
    }

    #[test]
    fn every_public_holiday_of_2024() {
        let expected = vec![
            (ymd(2024, 1, 1), "nyårsdagen"),
            (ymd(2024, 1, 6), "trettondedag jul"),
            (ymd(2024, 3, 29), "långfredagen"),
            (ymd(2024, 3, 31), "påskdagen"),
            (ymd(2024, 4, 1), "annandag påsk"),
            (ymd(2024, 5, 1), "första maj"),
            (ymd(2024, 5, 9), "Kristi himmelsfärdsdag"),
            (ymd(2024, 5, 19), "pingstdagen"),
            (ymd(2024, 6, 6), "nationaldagen"),
            (ymd(2024, 6, 22), "midsommardagen"),
            (ymd(2024, 11, 2), "alla helgons dag"),
            (ymd(2024, 12, 25), "juldagen"),
            (ymd(2024, 12, 26), "annandag jul"),
        ];
        assert_eq!(holidays_of(2024), expected);
    }

    #[test]
    fn eves_and_extra_dates_are_not_working_days() {
        let cal = SwedishCalendar::new([ymd(2019, 5, 31)]);
        assert_eq!(
            cal.non_working_reason(ymd(2019, 12, 24)),
            Some(NonWorking::Eve("julafton"))
        );
        assert_eq!(
            cal.non_working_reason(ymd(2019, 12, 31)),
            Some(NonWorking::Eve("nyårsafton"))
        );
        assert_eq!(
            cal.non_working_reason(ymd(2019, 6, 21)),
            Some(NonWorking::Eve("midsommarafton"))
        );
        assert_eq!(
            cal.non_working_reason(ymd(2019, 5, 31)),
            Some(NonWorking::ExtraClosed)
        );
        assert_eq!(
            cal.non_working_reason(ymd(2019, 3, 16)),
            Some(NonWorking::Saturday)
        );
        assert_eq!(
            cal.non_working_reason(ymd(2019, 3, 17)),
            Some(NonWorking::Sunday)
        );
        assert!(cal.is_working_day(ymd(2019, 5, 29)));
        assert!(SwedishCalendar::default().is_working_day(ymd(2019, 5, 31)));
        // Holy week 2019: Thursday works, then four closed days.
        assert_eq!(cal.next_working_day(ymd(2019, 4, 18)), ymd(2019, 4, 23));
        assert_eq!(cal.next_working_day(ymd(2024, 12, 23)), ymd(2024, 12, 27));
    }
}
