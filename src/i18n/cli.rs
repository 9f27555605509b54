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
/// The account review's heading in the results table.
pub const REVIEW: Text = both(
    "Kontogranskning (uppfyller av granskade, {n} granskade konton)",
    "Account review (passed of reviewed, {n} audited accounts)",
);
pub const TREND: Text = both(
    "Utveckling: granskning, granskade, i tid, andel i tid (95 % KI)",
    "Trend: audit, audited, in time, share in time (95 % CI)",
);
pub const THIS_AUDIT: Text = both("denna granskning", "this audit");
pub const SIGNIFICANT: Text = both("statistiskt säkerställd", "statistically significant");
pub const NOT_SIGNIFICANT: Text = both(
    "inte statistiskt säkerställd",
    "not statistically significant",
);
pub const NO_ERRORS: Text = both("inga fel", "no errors");
pub const REPORT_WRITTEN: Text = both("rapporten skrevs till", "the report was written to");
/// `report` with the evidence appendix (`--evidence`, or the audit file's own setting).
pub const EVIDENCE_WARNING: Text = both(
    "Varning: rapporten har en bilaga med skärmbilder som kan visa personers namn. Den är inte avsedd för publicering.",
    "Warning: the report has an appendix of screenshots that may show people's names. It is not meant for publication.",
);
/// Followed by one path a line.
pub const EVIDENCE_NOT_READ: Text = both(
    "skärmbilder som inte kunde läsas (PNG eller JPEG i bevismappen) och saknas i bilagan: {n}",
    "screenshots that could not be read (PNG or JPEG in the evidence folder) and are missing from the appendix: {n}",
);
/// `letters`: one line a letter.
pub const LETTER_WRITTEN: Text = both("brev till {unit}: {path}", "letter to {unit}: {path}");
pub const CREATED: Text = both("Skapade", "Created");
pub const WROTE: Text = both("Skrev", "Wrote");
pub const OUTPUT_EXISTS: Text = both(
    "filen finns redan; välj ett annat namn (inget skrevs över)",
    "the file already exists; choose another name (nothing was overwritten)",
);
pub const CSV_OR_XLSX: Text = both(
    "filnamnet ska sluta på .csv eller .xlsx",
    "the file name must end in .csv or .xlsx",
);
pub const COULD_NOT_OPEN_THE_WINDOW: Text =
    both("kunde inte öppna fönstret", "could not open the window");
/// What to do when the window cannot open, most often for want of OpenGL 2 (remote desktops,
/// virtual desktops, old graphics drivers).
pub const WITHOUT_A_WINDOW: Text = both(
    "Fönstret behöver en skärm och OpenGL 2, som ofta saknas i fjärrskrivbord, virtuella \
     skrivbord (VDI) och med gamla grafikdrivrutiner. Prova att starta Svarskoll direkt på \
     datorn i stället för genom fjärrskrivbordet, eller be IT uppdatera grafikdrivrutinen eller \
     (på Windows) lägga en programvaru-OpenGL, Mesas opengl32.dll, bredvid programmet. Allt utom \
     fönstret fungerar ändå från kommandoraden: svarskoll --help.",
    "The window needs a display and OpenGL 2, which is often missing in remote desktops, virtual \
     desktops (VDI) and with old graphics drivers. Try starting Svarskoll on the computer itself \
     rather than through the remote desktop, or ask IT to update the graphics driver or (on \
     Windows) to put a software OpenGL, Mesa's opengl32.dll, beside the program. Everything but \
     the window still works from the command line: svarskoll --help.",
);
/// Said in both languages: no language was chosen yet.
pub const NOT_A_LANGUAGE: &str =
    "är inget språk; använd sv eller en (is not a language; use sv or en)";

/// `{name}` placeholders filled with text.
#[must_use]
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A part's size after `split`: "250 konton, 160 att granska".
#[must_use]
pub fn part_size(accounts: usize, audited: usize, lang: super::Lang) -> String {
    match lang {
        super::Lang::Sv => format!(
            "{}, {audited} att granska",
            super::plural(accounts, "konto", "konton")
        ),
        super::Lang::En => format!(
            "{}, {audited} to audit",
            super::plural(accounts, "account", "accounts")
        ),
    }
}

/// Before the merged file's name: "Slog ihop 8 delar till".
#[must_use]
pub fn merged(parts: usize, lang: super::Lang) -> String {
    match lang {
        super::Lang::Sv => format!("Slog ihop {} till", super::plural(parts, "del", "delar")),
        super::Lang::En => format!("Merged {} into", super::plural(parts, "part", "parts")),
    }
}
