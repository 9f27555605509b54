//! Words for what went wrong with a file (`core::file_error`): audit files, templates, exports,
//! the audit's lock, evidence files and CSV imports, and for an import's notices and summary.
//! Every message names its file first, then the line, column and field where there is one.

use super::{Lang, Text, pick};
use crate::core::MergeSummary;
use crate::core::check::Problem;
use crate::core::file_error::{
    FileAction, FileError, ImportColumn, ImportError, ImportNotice, ImportProblem,
    ImportProblemKind, IoCause, LockHolder, NoticeKind, OsError, ParseKind,
};
use crate::core::localtime::format_local;
use crate::core::rules::{HOURS, Limit, MAX_DAYS, QUOTED_CHARS, YEAR};
use std::path::Path;

/// Bad input quoted in a message: in quotes, control characters escaped, at most
/// `core::rules::QUOTED_CHARS` characters (a 100 MB token is not echoed whole). Quoting twice
/// gives the same text.
///
/// ```
/// assert_eq!(svarskoll::i18n::quoted("a\u{7}b"), "'a\\u{7}b'");
/// assert_eq!(svarskoll::i18n::quoted(&"x".repeat(500)).chars().count(), 63);
/// ```
#[must_use]
pub fn quoted(text: &str) -> String {
    format!("'{}'", quoted_plain(text))
}

/// [`quoted`] without the quotes.
#[must_use]
pub fn quoted_plain(text: &str) -> String {
    escaped_capped(text, QUOTED_CHARS)
}

/// A parser's own message, which may quote input: escaped, at most four times
/// `core::rules::QUOTED_CHARS` characters.
#[must_use]
pub fn message_capped(text: &str) -> String {
    escaped_capped(text, 4 * QUOTED_CHARS)
}

fn escaped_capped(text: &str, limit: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == limit {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

const fn both(sv: &'static str, en: &'static str) -> Text {
    Text { sv, en }
}

/// "kunde inte läsa filen" without "kunde inte".
#[must_use]
pub fn action_text(action: FileAction, lang: Lang) -> &'static str {
    use FileAction as A;
    let text = match action {
        A::Read => both("läsa filen", "read the file"),
        A::Create => both("skapa filen", "create the file"),
        A::WriteInFolder => both("skriva i mappen", "write in the folder"),
        A::KeepPermissions => both("behålla filens behörigheter", "keep the file's permissions"),
        A::Write => both("skriva filen", "write the file"),
        A::Sync => both("spara till disk", "save to disk"),
        A::Replace => both("ersätta filen", "replace the file"),
        A::WriteBackup => both("spara en säkerhetskopia", "save a backup copy"),
        A::CreateLock => both("skapa låsfilen", "create the lock file"),
        A::Lock => both("låsa filen", "lock the file"),
        A::WriteLock => both("skriva låsfilen", "write the lock file"),
        A::TakeOverLock => both("ta över låsfilen", "take over the lock file"),
        A::FindTemplate => both("hitta mallen", "find the template"),
        A::UseEvidenceFolder => both("använda bevismappen", "use the evidence folder"),
        A::CreateEvidenceFolder => both("skapa bevismappen", "create the evidence folder"),
        A::FindEvidenceFolder => both("hitta bevismappen", "find the evidence folder"),
        A::ReadEvidence => both("läsa beviset", "read the evidence file"),
        A::AttachEvidence => both("bifoga beviset", "attach the evidence file"),
        A::WriteEvidence => both("skriva beviset", "write the evidence file"),
        A::NameEvidence => both(
            "hitta ett ledigt filnamn för beviset",
            "find a free file name for the evidence file",
        ),
        A::OpenEvidence => both("öppna beviset", "open the evidence file"),
        A::FindEvidence => both("hitta beviset", "find the evidence file"),
        A::CopyEvidence => both("kopiera beviset", "copy the evidence file"),
    };
    text.get(lang)
}

/// The operating system's error: its kind in words where it is a common one, else its own
/// message (which is in whatever language the system speaks).
#[must_use]
pub fn os_error_text(error: &OsError, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let text = match error.kind {
        K::NotFound => both("filen eller mappen finns inte", "no such file or folder"),
        K::PermissionDenied => both("åtkomst nekad", "permission denied"),
        K::AlreadyExists => both("filen finns redan", "the file already exists"),
        K::ReadOnlyFilesystem => both(
            "filsystemet är skrivskyddat",
            "the file system is read-only",
        ),
        K::StorageFull => both("disken är full", "the disk is full"),
        K::IsADirectory => both("det är en mapp", "it is a folder"),
        K::NotADirectory => both(
            "en del av sökvägen är ingen mapp",
            "a part of the path is not a folder",
        ),
        _ => return message_capped(&error.message),
    };
    text.get(lang).to_owned()
}

/// Why a file action failed.
#[must_use]
pub fn io_cause_text(cause: &IoCause, lang: Lang) -> String {
    let text = match cause {
        IoCause::Os(e) => return os_error_text(e, lang),
        IoCause::NoSuchTemplate { builtin } => {
            let list = builtin.join(", ");
            return match lang {
                Lang::Sv => {
                    format!("ingen sådan fil och ingen inbyggd mall; inbyggda mallar: {list}")
                }
                Lang::En => {
                    format!("no such file and no bundled template; bundled templates: {list}")
                }
            };
        }
        IoCause::NotARegularFile => both("det är ingen vanlig fil", "it is not a regular file"),
        IoCause::AlreadyExists => both(
            "filen finns redan; välj ett annat namn (inget skrevs över)",
            "the file already exists; choose another name (nothing was overwritten)",
        ),
        IoCause::EvidenceFolderOutside => both(
            "bevismappen är en symbolisk länk som leder utanför granskningens mapp",
            "the evidence folder is a symbolic link that leads out of the audit's folder",
        ),
        IoCause::EvidenceOutside => both(
            "sökvägen leder utanför granskningens bevismapp",
            "the path leads out of the audit's evidence folder",
        ),
        IoCause::NoFreeName => both(
            "för många filer med samma namn",
            "too many files with the same name",
        ),
    };
    text.get(lang).to_owned()
}

/// Who holds an audit: "'eva' på datorn 'REV-07' sedan 2019-03-12 10:00"; the parts not known
/// are left out, and a holder not known at all is "någon annan".
#[must_use]
pub fn lock_holder_text(holder: &LockHolder, lang: Lang) -> String {
    let mut parts = Vec::new();
    if !holder.user.is_empty() {
        parts.push(quoted(&holder.user));
    }
    if !holder.machine.is_empty() {
        let machine = quoted(&holder.machine);
        parts.push(match lang {
            Lang::Sv => format!("på datorn {machine}"),
            Lang::En => format!("on the computer {machine}"),
        });
    }
    if !holder.since.is_empty() {
        let since = quoted_plain(&holder.since);
        parts.push(match lang {
            Lang::Sv => format!("sedan {since}"),
            Lang::En => format!("since {since}"),
        });
    }
    if holder.user.is_empty() {
        parts.insert(0, both("någon annan", "someone else").get(lang).to_owned());
    }
    parts.join(" ")
}

/// A value outside the limits of `core::rules`.
#[must_use]
pub fn limit_text(limit: &Limit, lang: Lang) -> String {
    match (limit, lang) {
        (Limit::Hours(h), Lang::Sv) => format!(
            "svarsfristen {h} timmar ligger utanför {}–{} timmar",
            HOURS.start(),
            HOURS.end()
        ),
        (Limit::Hours(h), Lang::En) => format!(
            "the deadline of {h} hours lies outside {}–{} hours",
            HOURS.start(),
            HOURS.end()
        ),
        (Limit::MaxDays(d), Lang::Sv) => format!(
            "max_days {d} ligger utanför {}–{} dagar",
            MAX_DAYS.start(),
            MAX_DAYS.end()
        ),
        (Limit::MaxDays(d), Lang::En) => format!(
            "max_days {d} lies outside {}–{} days",
            MAX_DAYS.start(),
            MAX_DAYS.end()
        ),
        (Limit::Year(y), Lang::Sv) => {
            format!("året {y} ligger utanför {}–{}", YEAR.start(), YEAR.end())
        }
        (Limit::Year(y), Lang::En) => {
            format!("the year {y} lies outside {}–{}", YEAR.start(), YEAR.end())
        }
        (Limit::DateOutOfRange(t), Lang::Sv) => format!(
            "tiden {} ligger utanför åren {}–{}",
            quoted(t),
            YEAR.start(),
            YEAR.end()
        ),
        (Limit::DateOutOfRange(t), Lang::En) => format!(
            "the time {} lies outside the years {}–{}",
            quoted(t),
            YEAR.start(),
            YEAR.end()
        ),
        (Limit::TextTooLong { chars, limit }, Lang::Sv) => {
            format!("texten är {chars} tecken, mer än de {limit} som tillåts")
        }
        (Limit::TextTooLong { chars, limit }, Lang::En) => {
            format!("the text is {chars} characters, more than the {limit} allowed")
        }
    }
}

/// What is wrong at a place in a RON file.
#[must_use]
pub fn parse_kind_text(kind: &ParseKind, lang: Lang) -> String {
    let outer = |outer: &Option<String>| match outer {
        Some(o) => quoted_plain(o),
        None => both("posten", "the entry").get(lang).to_owned(),
    };
    let list = |names: &[String]| {
        names
            .iter()
            .map(|n| quoted_plain(n))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (kind, lang) {
        (ParseKind::MissingField { field, outer: o }, Lang::Sv) => {
            format!("fältet {} saknas i {}", quoted(field), outer(o))
        }
        (ParseKind::MissingField { field, outer: o }, Lang::En) => {
            format!("the field {} is missing from {}", quoted(field), outer(o))
        }
        (
            ParseKind::UnknownField {
                found,
                outer: o,
                expected,
            },
            Lang::Sv,
        ) => format!(
            "okänt fält {} i {}; kända fält: {}",
            quoted(found),
            outer(o),
            list(expected)
        ),
        (
            ParseKind::UnknownField {
                found,
                outer: o,
                expected,
            },
            Lang::En,
        ) => format!(
            "unknown field {} in {}; known fields: {}",
            quoted(found),
            outer(o),
            list(expected)
        ),
        (ParseKind::UnknownValue { found, expected }, Lang::Sv) => format!(
            "okänt värde {}, väntade ett av: {}",
            quoted(found),
            list(expected)
        ),
        (ParseKind::UnknownValue { found, expected }, Lang::En) => format!(
            "unknown value {}; expected one of: {}",
            quoted(found),
            list(expected)
        ),
        (ParseKind::NotRon(message), Lang::Sv) => format!(
            "filen går inte att läsa som RON: {}",
            message_capped(message)
        ),
        (ParseKind::NotRon(message), Lang::En) => format!(
            "the file cannot be read as RON: {}",
            message_capped(message)
        ),
        (ParseKind::NotUtf8, _) => both("filen är inte UTF-8-text", "the file is not UTF-8 text")
            .get(lang)
            .to_owned(),
    }
}

/// "(och ytterligare 2 värden utanför gränserna)".
fn more_values(more: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!(
            "(och ytterligare {more} {} utanför gränserna)",
            pick(more, "värde", "värden")
        ),
        Lang::En => format!(
            "(and {more} more {} outside the limits)",
            pick(more, "value", "values")
        ),
    }
}

/// The error without its file: what went wrong.
#[must_use]
pub fn file_error_reason(error: &FileError, lang: Lang) -> String {
    match error {
        FileError::Io { action, cause, .. } => match lang {
            Lang::Sv => format!(
                "kunde inte {}: {}",
                action_text(*action, lang),
                io_cause_text(cause, lang)
            ),
            Lang::En => format!(
                "could not {}: {}",
                action_text(*action, lang),
                io_cause_text(cause, lang)
            ),
        },
        FileError::Parse { kind, .. } => parse_kind_text(kind, lang),
        FileError::TooNew {
            found, supported, ..
        } => match lang {
            Lang::Sv => format!(
                "filen har version {found}, men den här versionen av Svarskoll kan bara läsa upp till version {supported}. Uppdatera Svarskoll."
            ),
            Lang::En => format!(
                "the file has version {found}, but this version of Svarskoll can only read up to version {supported}. Update Svarskoll."
            ),
        },
        FileError::Serialize { message, .. } => match lang {
            Lang::Sv => format!("kunde inte skriva filen: {}", message_capped(message)),
            Lang::En => format!("could not write the file: {}", message_capped(message)),
        },
        FileError::OutOfRange {
            field, limit, more, ..
        } => {
            let mut text = match lang {
                Lang::Sv => format!("fältet {field}: {}", limit_text(limit, lang)),
                Lang::En => format!("the field {field}: {}", limit_text(limit, lang)),
            };
            if *more > 0 {
                text.push(' ');
                text.push_str(&more_values(*more, lang));
            }
            text
        }
        FileError::TooLarge { bytes, limit, .. } => too_large(*bytes, *limit, lang),
        FileError::LockHeld { holder, .. } => {
            let holder = lock_holder_text(holder, lang);
            match lang {
                Lang::Sv => format!(
                    "granskningen är öppen för ändring hos {holder}; inget sparades. Vänta tills den stängs, eller öppna den skrivskyddad."
                ),
                Lang::En => format!(
                    "the audit is open for editing by {holder}; nothing was saved. Wait until it is closed, or open it read-only."
                ),
            }
        }
        FileError::ChangedOnDisk { .. } => both(
            "filen har ändrats av någon annan sedan den lästes; inget skrevs över. Spara som en kopia, eller läs in filen igen.",
            "someone else has changed the file since it was read; nothing was overwritten. Save as a copy, or read the file in again.",
        )
        .get(lang)
        .to_owned(),
        FileError::ReadOnly { .. } => both(
            "filen är skrivskyddad; inget sparades. Ta bort skrivskyddet eller spara som en kopia.",
            "the file is read-only; nothing was saved. Remove the read-only setting or save as a copy.",
        )
        .get(lang)
        .to_owned(),
        FileError::HasErrors { path, problems } => has_errors(path, problems, lang),
    }
}

fn too_large(bytes: u64, limit: u64, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!(
            "filen är {bytes} byte, mer än de {limit} byte Svarskoll läser; är det rätt fil?"
        ),
        Lang::En => format!(
            "the file is {bytes} bytes, more than the {limit} bytes Svarskoll reads; is it the right file?"
        ),
    }
}

fn has_errors(path: &Path, problems: &[Problem], lang: Lang) -> String {
    let n = problems.len();
    let head = match lang {
        Lang::Sv => format!("{n} fel måste rättas först (se svarskoll check):"),
        Lang::En => format!(
            "{n} {} must be corrected first (see svarskoll check):",
            pick(n, "error", "errors")
        ),
    };
    let lines: Vec<String> = problems
        .iter()
        .map(|p| format!("  {}: {}", path.display(), super::problem_text(p, lang)))
        .collect();
    format!("{head}\n{}", lines.join("\n"))
}

/// The whole error, naming its file (and line and column): "a.svarskoll.ron:3:12: okänt fält …".
#[must_use]
pub fn file_error_text(error: &FileError, lang: Lang) -> String {
    let reason = file_error_reason(error, lang);
    match error {
        FileError::Parse {
            path, line, column, ..
        } => format!("{}:{line}:{column}: {reason}", path.display()),
        other => format!("{}: {reason}", other.path().display()),
    }
}

/// What made a file action fail, without the file and the action (for a message that names
/// them itself: "rapport.pdf: kunde inte skriva rapporten: åtkomst nekad").
#[must_use]
pub fn file_error_cause(error: &FileError, lang: Lang) -> String {
    match error {
        FileError::Io { cause, .. } => io_cause_text(cause, lang),
        other => file_error_reason(other, lang),
    }
}

/// The column of an import problem: "kolumn 2 (plattform)".
fn column_text(column: &ImportColumn, lang: Lang) -> String {
    let header = match &column.header {
        Some(h) => quoted_plain(h),
        None => both("utan rubrik", "no heading").get(lang).to_owned(),
    };
    match lang {
        Lang::Sv => format!("kolumn {} ({header})", column.number),
        Lang::En => format!("column {} ({header})", column.number),
    }
}

/// What is wrong in an imported file, without where.
#[must_use]
pub fn import_kind_text(kind: &ImportProblemKind, lang: Lang) -> String {
    use ImportProblemKind as K;
    let fixed = |text: Text| text.get(lang).to_owned();
    match kind {
        K::NotUtf8AfterBom => fixed(both(
            "filen börjar som UTF-8 men är det inte här; spara den igen som \"CSV UTF-8\"",
            "the file starts as UTF-8 but is not UTF-8 here; save it again as \"CSV UTF-8\"",
        )),
        K::NotUtf16 { encoding } => match lang {
            Lang::Sv => format!("filen börjar som {encoding} (Unicode-text) men är det inte"),
            Lang::En => format!("the file starts as {encoding} (Unicode text) but is not"),
        },
        K::ControlCharacters => fixed(both(
            "filen innehåller styrtecken och är ingen CSV-text; är det ett kalkylark (.xlsx, .xls)? Spara som CSV i Excel",
            "the file contains control characters and is not CSV text; is it a spreadsheet (.xlsx, .xls)? Save it as CSV in Excel",
        )),
        K::UnterminatedQuote => fixed(both(
            "ett citattecken (\") öppnar ett fält som aldrig stängs; kontrollera citattecknen på raden",
            "a quotation mark (\") opens a field that is never closed; check the quotation marks on the line",
        )),
        K::UnreadableHeader(message) => match lang {
            Lang::Sv => format!("rubrikraden går inte att läsa: {}", message_capped(message)),
            Lang::En => format!(
                "the header line cannot be read: {}",
                message_capped(message)
            ),
        },
        K::DuplicateColumn => fixed(both(
            "kolumnen finns två gånger",
            "the column appears twice",
        )),
        K::UnknownColumn { accepted } => match lang {
            Lang::Sv => format!("okänd kolumn; kända kolumner är {accepted}"),
            Lang::En => format!("unknown column; the known columns are {accepted}"),
        },
        K::MissingColumn { name } => match lang {
            Lang::Sv => format!("kolumnen {name} saknas"),
            Lang::En => format!("the column {name} is missing"),
        },
        K::UnreadableRow(message) => match lang {
            Lang::Sv => format!("raden går inte att läsa: {}", message_capped(message)),
            Lang::En => format!("the line cannot be read: {}", message_capped(message)),
        },
        K::ValueWithoutHeading { value } => match lang {
            Lang::Sv => format!(
                "värdet {} står i en kolumn utan rubrik; ta bort det eller ge kolumnen en rubrik",
                quoted(value)
            ),
            Lang::En => format!(
                "the value {} is in a column without a heading; remove it or give the column a heading",
                quoted(value)
            ),
        },
        K::TextTooLong { limit } => match lang {
            Lang::Sv => format!("texten är längre än {limit} tecken"),
            Lang::En => format!("the text is longer than {limit} characters"),
        },
        K::NoAccountName => fixed(both("kontots namn saknas", "the account's name is missing")),
        K::UnknownPlatform { value } => match lang {
            Lang::Sv => format!(
                "okänd plattform {}; använd Facebook, Instagram, X/Twitter, LinkedIn, YouTube, TikTok eller Övrigt",
                quoted(value)
            ),
            Lang::En => format!(
                "unknown platform {}; use Facebook, Instagram, X/Twitter, LinkedIn, YouTube, TikTok or Other",
                quoted(value)
            ),
        },
        K::UnknownStatus { value } => match lang {
            Lang::Sv => format!(
                "okänd status {}; använd aktivt, avslutat eller stängt",
                quoted(value)
            ),
            Lang::En => format!(
                "unknown status {}; use active, closed or private",
                quoted(value)
            ),
        },
        K::AnsweredNotPosted => fixed(both(
            "besvarad men aldrig ställd: fyll i när frågan ställdes",
            "answered but never posted: fill in when the question was posted",
        )),
        K::AnsweredBeforePosted { posted, answered } => {
            let (posted, answered) = (format_local(posted), format_local(answered));
            match lang {
                Lang::Sv => format!("besvarad ({answered}) före ställd ({posted})"),
                Lang::En => format!("answered ({answered}) before posted ({posted})"),
            }
        }
        K::YearOutOfRange { value, first, last } => match lang {
            Lang::Sv => format!("{} ligger utanför åren {first}–{last}", quoted(value)),
            Lang::En => format!("{} lies outside the years {first}–{last}", quoted(value)),
        },
        K::NotATime { value } => not_a_time(value, lang),
        K::NotYesNo { value } => match lang {
            Lang::Sv => format!("{} är inte ja/nej", quoted(value)),
            Lang::En => format!("{} is not yes/no", quoted(value)),
        },
    }
}

/// "'12/3' är inte en tid: skriv ÅÅÅÅ-MM-DD TT:MM (t.ex. 2019-03-12 10:00)".
#[must_use]
pub fn not_a_time(value: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!(
            "{} är inte en tid: skriv ÅÅÅÅ-MM-DD TT:MM (t.ex. 2019-03-12 10:00)",
            quoted(value)
        ),
        Lang::En => format!(
            "{} is not a time: write YYYY-MM-DD HH:MM (e.g. 2019-03-12 10:00)",
            quoted(value)
        ),
    }
}

/// One import problem with its line and column: "rad 2, kolumn 2 (plattform): okänd plattform …".
#[must_use]
pub fn import_problem_text(problem: &ImportProblem, lang: Lang) -> String {
    let line = match lang {
        Lang::Sv => format!("rad {}", problem.line),
        Lang::En => format!("line {}", problem.line),
    };
    let what = import_kind_text(&problem.kind, lang);
    match &problem.column {
        Some(column) => format!("{line}, {}: {what}", column_text(column, lang)),
        None => format!("{line}: {what}"),
    }
}

/// The most problems of an import listed one by one; the rest are counted.
pub const LISTED_PROBLEMS: usize = 50;

/// Why nothing was imported, naming the file and every problem's line (the first
/// [`LISTED_PROBLEMS`] of them).
#[must_use]
pub fn import_error_text(error: &ImportError, lang: Lang) -> String {
    let path = error.path().display();
    match error {
        ImportError::Io { cause, .. } => match lang {
            Lang::Sv => format!(
                "{path}: kunde inte läsa filen: {}",
                os_error_text(cause, lang)
            ),
            Lang::En => format!(
                "{path}: could not read the file: {}",
                os_error_text(cause, lang)
            ),
        },
        ImportError::TooLarge { bytes, limit, .. } => {
            format!("{path}: {}", too_large(*bytes, *limit, lang))
        }
        ImportError::Invalid { problems, .. } => {
            let n = problems.len();
            let mut lines = vec![match lang {
                Lang::Sv => format!("{path}: {n} fel, inget importerades:"),
                Lang::En => format!(
                    "{path}: {n} {}, nothing was imported:",
                    pick(n, "error", "errors")
                ),
            }];
            lines.extend(
                problems
                    .iter()
                    .take(LISTED_PROBLEMS)
                    .map(|p| format!("  {path}: {}", import_problem_text(p, lang))),
            );
            if n > LISTED_PROBLEMS {
                let rest = n - LISTED_PROBLEMS;
                lines.push(match lang {
                    Lang::Sv => format!("  {path}: … och {rest} fel till"),
                    Lang::En => format!(
                        "  {path}: … and {rest} more {}",
                        pick(rest, "error", "errors")
                    ),
                });
            }
            lines.join("\n")
        }
    }
}

/// A notice about an imported time: "rad 2, ställd: 2019-03-31 02:30 finns inte (sommartid
/// börjar); tolkad som 60 minuter senare, 2019-03-31 03:30 +02:00".
#[must_use]
pub fn import_notice_text(notice: &ImportNotice, lang: Lang) -> String {
    let (line, header, value) = (
        notice.line,
        quoted_plain(&notice.header),
        quoted_plain(&notice.value),
    );
    let read_as = notice.read_as.format("%Y-%m-%d %H:%M %:z");
    match (notice.kind, lang) {
        (NoticeKind::ShiftedForward { gap_minutes }, Lang::Sv) => format!(
            "rad {line}, {header}: {value} finns inte (sommartid börjar); tolkad som {gap_minutes} minuter senare, {read_as}"
        ),
        (NoticeKind::ShiftedForward { gap_minutes }, Lang::En) => format!(
            "line {line}, {header}: {value} does not exist (summer time begins); read as {gap_minutes} minutes later, {read_as}"
        ),
        (NoticeKind::Ambiguous, Lang::Sv) => format!(
            "rad {line}, {header}: {value} inträffar två gånger (vintertid börjar); tolkad som sommartid, {read_as}"
        ),
        (NoticeKind::Ambiguous, Lang::En) => format!(
            "line {line}, {header}: {value} occurs twice (winter time begins); read as summer time, {read_as}"
        ),
    }
}

/// What an import added: "läst som UTF-8; 1 nytt konto, 2 nya frågor, 0 uppdaterade frågor".
#[must_use]
pub fn import_summary_text(encoding: &str, summary: &MergeSummary, lang: Lang) -> String {
    let (a, p, u) = (
        summary.new_accounts,
        summary.new_probes,
        summary.updated_probes,
    );
    match lang {
        Lang::Sv => format!(
            "läst som {encoding}; {a} {}, {p} {}, {u} {}",
            pick(a, "nytt konto", "nya konton"),
            pick(p, "ny fråga", "nya frågor"),
            pick(u, "uppdaterad fråga", "uppdaterade frågor"),
        ),
        Lang::En => format!(
            "read as {encoding}; {a} {}, {p} {}, {u} {}",
            pick(a, "new account", "new accounts"),
            pick(p, "new question", "new questions"),
            pick(u, "updated question", "updated questions"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn a_file_error_names_its_file_in_both_languages() {
        let error = FileError::TooNew {
            path: PathBuf::from("n.ron"),
            found: 99,
            supported: 2,
        };
        assert!(file_error_text(&error, Lang::Sv).starts_with("n.ron: filen har version 99"));
        assert!(file_error_text(&error, Lang::En).starts_with("n.ron: the file has version 99"));
        let parse = FileError::Parse {
            path: PathBuf::from("t.ron"),
            line: 2,
            column: 5,
            kind: ParseKind::NotUtf8,
        };
        assert_eq!(
            file_error_text(&parse, Lang::En),
            "t.ron:2:5: the file is not UTF-8 text"
        );
    }

    #[test]
    fn import_problems_name_line_and_column() {
        let problem = ImportProblem {
            line: 2,
            column: Some(ImportColumn {
                number: 2,
                header: Some("plattform".into()),
            }),
            kind: ImportProblemKind::UnknownPlatform {
                value: "Myspace".into(),
            },
        };
        assert!(
            import_problem_text(&problem, Lang::Sv)
                .starts_with("rad 2, kolumn 2 (plattform): okänd plattform 'Myspace'")
        );
        assert!(
            import_problem_text(&problem, Lang::En)
                .starts_with("line 2, column 2 (plattform): unknown platform 'Myspace'")
        );
        let one = ImportError::Invalid {
            path: PathBuf::from("a.csv"),
            problems: vec![problem],
        };
        assert!(import_error_text(&one, Lang::En).starts_with("a.csv: 1 error, nothing"));
        assert!(import_error_text(&one, Lang::Sv).starts_with("a.csv: 1 fel, inget"));
    }

    #[test]
    fn unknown_lock_holders_and_plurals() {
        assert_eq!(
            lock_holder_text(&LockHolder::default(), Lang::En),
            "someone else"
        );
        let holder = LockHolder {
            user: "eva".into(),
            machine: "REV-07".into(),
            since: "2019-03-12 10:00".into(),
        };
        assert_eq!(
            lock_holder_text(&holder, Lang::Sv),
            "'eva' på datorn 'REV-07' sedan 2019-03-12 10:00"
        );
        let summary = MergeSummary {
            new_accounts: 1,
            new_probes: 2,
            updated_probes: 1,
        };
        assert_eq!(
            import_summary_text("UTF-8", &summary, Lang::Sv),
            "läst som UTF-8; 1 nytt konto, 2 nya frågor, 1 uppdaterad fråga"
        );
        assert_eq!(
            more_values(1, Lang::En),
            "(and 1 more value outside the limits)"
        );
    }

    #[test]
    fn quoting_twice_changes_nothing() {
        let long = "x".repeat(500);
        assert_eq!(quoted_plain(&quoted_plain(&long)), quoted_plain(&long));
    }
}
