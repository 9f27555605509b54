//! The command line's own words (the results table, the check summary, what was written).

use super::Text;

const fn both(sv: &'static str, en: &'static str) -> Text {
    Text { sv, en }
}

pub const RESULTS_AS_OF: Text = both("Resultat per", "Results as of");
pub const LISTED: Text = both("Konton i registret", "Accounts listed");
pub const EXCLUDED: Text = both("Exkluderade", "Excluded");
pub const NOT_SELECTED: Text = both("Ej valda i urvalet", "Not in the sample");
pub const AUDITED: Text = both("Granskade", "Audited");
pub const IN_TIME: Text = both("Besvarade i tid", "Answered in time");
pub const LATE: Text = both("Besvarade sent", "Answered late");
pub const UNANSWERED: Text = both("Obesvarade", "Unanswered");
pub const PENDING: Text = both("Väntar på svar", "Awaiting an answer");
pub const NOT_POSTED: Text = both("Fråga ej ställd", "Question not posted");
pub const SIGNED: Text = both("Signerade med förnamn", "Signed with a first name");
pub const OF_ANSWERED: Text = both("av {n} besvarade", "of {n} answered");
pub const RESPONSE_HOURS: Text = both(
    "Svarstid (timmar)    median {m}, kvartiler {a}–{b} (n = {n})",
    "Response time (hours) median {m}, quartiles {a}–{b} (n = {n})",
);
pub const RESPONSE_WORKING_HOURS: Text = both(
    "Svarstid (arbetstimmar) median {m}",
    "Response time (working hours) median {m}",
);
pub const PLATFORM: Text = both("Plattform", "Platform");
pub const UNIT: Text = both("Verksamhet", "Unit");
pub const GROUP_COLUMNS: Text = both(
    "Listade  Exkl.  Granskade  I tid  Sent  Obesv.  Väntar  Andel i tid (95 % KI)",
    " Listed  Excl.    Audited  Time   Late  Unans.  Pend.   Share in time (95 % CI)",
);
pub const COMPARISON: Text = both(
    "Jämförelse med {label}: {k} av {n} i tid ({share}), skillnad {d} procentenheter, p = {p} ({sig})",
    "Comparison with {label}: {k} of {n} in time ({share}), difference {d} percentage points, p = {p} ({sig})",
);
pub const SIGNIFICANT: Text = both("statistiskt säkerställd", "statistically significant");
pub const NOT_SIGNIFICANT: Text = both(
    "inte statistiskt säkerställd",
    "not statistically significant",
);
pub const NO_ERRORS: Text = both("inga fel", "no errors");
pub const REPORT_WRITTEN: Text = both("rapporten skrevs till", "the report was written to");

/// `{name}` placeholders filled with text.
#[must_use]
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}
