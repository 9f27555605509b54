//! Words for a CSV import: its problems with their line and column, why nothing was imported,
//! the notices about times read otherwise than written, and the summary of what was added.

use super::files::{both, message_capped, os_error_text, quoted, quoted_plain, too_large};
use super::{Lang, Text, pick};
use crate::core::MergeSummary;
use crate::core::file_error::{
    ImportColumn, ImportError, ImportNotice, ImportProblem, ImportProblemKind, NoticeKind,
};
use crate::core::localtime::format_local;

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
    fn the_summary_has_its_plurals() {
        let summary = MergeSummary {
            new_accounts: 1,
            new_probes: 2,
            updated_probes: 1,
        };
        assert_eq!(
            import_summary_text("UTF-8", &summary, Lang::Sv),
            "läst som UTF-8; 1 nytt konto, 2 nya frågor, 1 uppdaterad fråga"
        );
    }
}
