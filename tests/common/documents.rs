//! What the report's and the letters' tests start from: the fonts (loaded once), the bundled
//! example, a clock far from the audit's dates, and options dated from the audit.

use chrono::{DateTime, Utc};
use std::path::Path;
use std::sync::LazyLock;
use svarskoll::core::{Audit, Lang};
use svarskoll::report::{Fonts, ReportOptions};

pub fn fonts() -> &'static Fonts {
    static FONTS: LazyLock<Fonts> = LazyLock::new(|| Fonts::load().unwrap());
    &FONTS
}

pub fn example() -> Audit {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/grundskola-2019.svarskoll");
    svarskoll::store::load_audit(&path).unwrap()
}

/// A clock far from the audit's dates: none of it may reach the files.
pub fn unrelated_now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2031-02-03T04:05:06Z")
        .unwrap()
        .to_utc()
}

/// Options dated from the audit (as the CLI makes them), as of its closing time or `now`.
pub fn options(audit: &Audit, lang: Lang, now: DateTime<Utc>) -> ReportOptions {
    let as_of = svarskoll::core::rules::as_of(audit, now);
    ReportOptions::dated(audit, lang, as_of, now)
}
