//! Words for what went wrong with a file (`core::file_error`): audit files, templates, exports,
//! the audit's lock and evidence files (a CSV import's words are in `import.rs`), and the quoting
//! of bad input. Every message names its file first, then the line, column and field where there
//! is one.

use super::{Lang, Text, pick};
use crate::core::check::Problem;
use crate::core::file_error::{FileAction, FileError, IoCause, LockHolder, OsError, ParseKind};
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

pub(super) const fn both(sv: &'static str, en: &'static str) -> Text {
    Text { sv, en }
}

/// "kunde inte läsa filen" without "kunde inte".
#[must_use]
pub fn action_text(action: FileAction, lang: Lang) -> &'static str {
    use FileAction as A;
    let text = match action {
        A::Read => both("läsa filen", "read the file"),
        A::Create => both("skapa filen", "create the file"),
        A::CreateFolder => both("skapa mappen", "create the folder"),
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
        IoCause::InUse(_) => both(
            "filen används av ett annat program (till exempel Excel, ett antivirusprogram eller \
             OneDrive) och Svarskoll väntade förgäves i några sekunder; stäng programmet eller \
             vänta en stund och försök igen",
            "the file is in use by another program (for example Excel, an antivirus program or \
             OneDrive) and Svarskoll waited a few seconds in vain; close that program or wait a \
             moment and try again",
        ),
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
        FileError::NotAPart { .. } => both(
            "filen är ingen del av en delad granskning (den gjordes inte med svarskoll split); bara delar kan slås ihop",
            "the file is not a part of a split audit (it was not made by svarskoll split); only parts can be merged",
        )
        .get(lang)
        .to_owned(),
        FileError::NotAPartOf { audit, .. } => match lang {
            Lang::Sv => format!(
                "inget av delens konton finns i {}; delen kommer från en annan granskning",
                audit.display()
            ),
            Lang::En => format!(
                "none of the part's accounts is in {}; the part comes from another audit",
                audit.display()
            ),
        },
    }
}

pub(super) fn too_large(bytes: u64, limit: u64, lang: Lang) -> String {
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
    fn unknown_lock_holders_and_more_values() {
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
