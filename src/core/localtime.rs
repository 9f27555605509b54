//! Local time in Europe/Stockholm, with the policy for times the clock skips or repeats.
//!
//! A local time that does not exist (the spring-forward hour) moves forward by the gap; an
//! ambiguous one (the repeated autumn hour) takes the first, summer-time occurrence — as the major
//! SLA engines do. The caller learns which happened so the UI can tell the auditor.

use chrono::{
    DateTime, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc,
};
use chrono_tz::Europe::Stockholm;
use chrono_tz::Tz;

/// The time zone every audit is kept in.
pub const ZONE: Tz = Stockholm;

/// How a typed local time was turned into an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalResolution {
    /// The local time exists exactly once.
    Exact,
    /// The local time fell in the spring-forward gap and was moved forward by `gap_minutes`.
    ShiftedForward { gap_minutes: i64 },
    /// The local time occurs twice (autumn); the first (summer-time) occurrence was taken.
    AmbiguousFirst,
}

/// A typed local time resolved to an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResolvedTime {
    pub instant: DateTime<Tz>,
    pub resolution: LocalResolution,
}

impl ResolvedTime {
    /// The instant with its UTC offset, as stored in audit files.
    #[must_use]
    pub fn fixed(&self) -> DateTime<FixedOffset> {
        self.instant.fixed_offset()
    }
}

/// Resolve a Stockholm wall-clock time to an instant.
///
/// ```
/// use chrono::NaiveDate;
/// use svarskoll::core::localtime::{resolve, LocalResolution};
/// let gap = NaiveDate::from_ymd_opt(2019, 3, 31).unwrap().and_hms_opt(2, 30, 0).unwrap();
/// let r = resolve(gap);
/// assert_eq!(r.resolution, LocalResolution::ShiftedForward { gap_minutes: 60 });
/// assert_eq!(r.instant.format("%H:%M %:z").to_string(), "03:30 +02:00");
/// ```
#[must_use]
pub fn resolve(naive: NaiveDateTime) -> ResolvedTime {
    match ZONE.from_local_datetime(&naive) {
        LocalResult::Single(t) => ResolvedTime {
            instant: t,
            resolution: LocalResolution::Exact,
        },
        LocalResult::Ambiguous(first, _) => ResolvedTime {
            instant: first,
            resolution: LocalResolution::AmbiguousFirst,
        },
        LocalResult::None => {
            // Read the wall-clock time with the offset in force just before the gap: the instant
            // then lies after the gap, shifted forward by exactly the gap's length.
            let before = offset_before(naive);
            let instant = (naive - Duration::seconds(i64::from(before.local_minus_utc())))
                .and_utc()
                .with_timezone(&ZONE);
            let gap_minutes = (instant.naive_local() - naive).num_minutes();
            ResolvedTime {
                instant,
                resolution: LocalResolution::ShiftedForward { gap_minutes },
            }
        }
    }
}

fn offset_before(naive: NaiveDateTime) -> FixedOffset {
    // Step back until a local time exists; DST gaps are at most a few hours.
    for hours in 1..=48 {
        if let LocalResult::Single(t) | LocalResult::Ambiguous(t, _) =
            ZONE.from_local_datetime(&(naive - Duration::hours(hours)))
        {
            return t.fixed_offset().timezone();
        }
    }
    FixedOffset::east_opt(3600).unwrap_or_else(|| Utc.fix())
}

/// The instant at which local `date` begins (00:00; always exists in Stockholm).
#[must_use]
pub fn start_of_day(date: NaiveDate) -> DateTime<Tz> {
    resolve(date.and_time(chrono::NaiveTime::MIN)).instant
}

/// Any instant, viewed in Stockholm time.
#[must_use]
pub fn to_local<T: TimeZone>(t: &DateTime<T>) -> DateTime<Tz> {
    t.with_timezone(&ZONE)
}

/// Why a typed time could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("'{text}' är inte en tid: skriv ÅÅÅÅ-MM-DD TT:MM (t.ex. 2019-03-12 10:00)")]
pub struct TimeParseError {
    pub text: String,
}

/// Read a time as auditors type it: `YYYY-MM-DD HH:MM` (Stockholm local, seconds optional, `T` as
/// separator allowed) or RFC 3339 with an offset.
///
/// ```
/// use svarskoll::core::localtime::{parse_time, LocalResolution};
/// let t = parse_time("2019-03-12 10:00").unwrap();
/// assert_eq!(t.fixed().to_rfc3339(), "2019-03-12T10:00:00+01:00");
/// assert_eq!(t.resolution, LocalResolution::Exact);
/// assert!(parse_time("12/3 10:00").is_err());
/// ```
pub fn parse_time(text: &str) -> Result<ResolvedTime, TimeParseError> {
    let t = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Ok(ResolvedTime {
            instant: dt.with_timezone(&ZONE),
            resolution: LocalResolution::Exact,
        });
    }
    for format in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(t, format) {
            return Ok(resolve(naive));
        }
    }
    Err(TimeParseError { text: t.to_owned() })
}

/// A stamp as auditors read it: `2019-03-12 10:00` in Stockholm time.
#[must_use]
pub fn format_local<T: TimeZone>(t: &DateTime<T>) -> String {
    to_local(t).format("%Y-%m-%d %H:%M").to_string()
}

/// A deadline as auditors say it: midnight is the end (24:00) of the day before.
///
/// ```
/// use svarskoll::core::{deadline::local, localtime::format_deadline};
/// assert_eq!(format_deadline(&local(2019, 3, 19, 0, 0).unwrap()), "2019-03-18 24:00");
/// assert_eq!(format_deadline(&local(2019, 3, 13, 10, 0).unwrap()), "2019-03-13 10:00");
/// ```
#[must_use]
pub fn format_deadline<T: TimeZone>(deadline: &DateTime<T>) -> String {
    use chrono::Timelike;
    let local = to_local(deadline);
    if local.hour() == 0 && local.minute() == 0 {
        let day = local - Duration::minutes(1);
        format!("{} 24:00", day.format("%Y-%m-%d"))
    } else {
        format_local(&local)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d)
            .unwrap()
            .and_hms_opt(h, mi, 0)
            .unwrap()
    }

    #[test]
    fn exact_times_keep_their_offset() {
        let winter = resolve(at(2019, 3, 12, 10, 0));
        assert_eq!(winter.resolution, LocalResolution::Exact);
        assert_eq!(winter.fixed().to_rfc3339(), "2019-03-12T10:00:00+01:00");
        let summer = resolve(at(2019, 6, 20, 14, 0));
        assert_eq!(summer.fixed().to_rfc3339(), "2019-06-20T14:00:00+02:00");
    }

    #[test]
    fn spring_gap_moves_forward_by_the_gap() {
        let r = resolve(at(2024, 3, 31, 2, 15));
        assert_eq!(
            r.resolution,
            LocalResolution::ShiftedForward { gap_minutes: 60 }
        );
        assert_eq!(r.fixed().to_rfc3339(), "2024-03-31T03:15:00+02:00");
    }

    #[test]
    fn autumn_repeat_takes_the_summer_time_occurrence() {
        let r = resolve(at(2019, 10, 27, 2, 30));
        assert_eq!(r.resolution, LocalResolution::AmbiguousFirst);
        assert_eq!(r.fixed().to_rfc3339(), "2019-10-27T02:30:00+02:00");
    }
}
