//! The time written into exported documents when the audit gives none: `SOURCE_DATE_EPOCH`
//! (seconds since 1970, the reproducible-builds convention) when it is set, else now. The report
//! itself reads no clock or environment; its callers ask here.

use chrono::{DateTime, Utc};

/// `SOURCE_DATE_EPOCH` when set to a valid number of seconds, else `now`.
#[must_use]
pub fn document_time(now: DateTime<Utc>) -> DateTime<Utc> {
    from_epoch(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref()).unwrap_or(now)
}

fn from_epoch(value: Option<&str>) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(value?.trim().parse().ok()?, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_epoch_variable_is_read_as_seconds() {
        let t = from_epoch(Some("1557914400")).unwrap();
        assert_eq!(t.to_rfc3339(), "2019-05-15T10:00:00+00:00");
        assert_eq!(from_epoch(Some("igår")), None);
        assert_eq!(from_epoch(None), None);
    }
}
