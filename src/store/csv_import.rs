//! CSV import as Excel saves it (PRODUCT §6): UTF-8 with or without BOM, `;` or `,`, English or
//! Swedish headers, several rows per account for several probes. All or nothing: a file with any
//! error imports nothing, and every error is listed with its line and column.

use crate::core::localtime::{LocalResolution, parse_time};
use crate::core::rules::{TimeOrder, time_order};
use crate::core::{Account, AccountStatus, Audit, MergeSummary, Platform, Probe, Stamp};
use std::fmt;
use std::path::{Path, PathBuf};

/// The columns Svarskoll reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Account,
    Platform,
    Unit,
    Url,
    Status,
    Question,
    PostedAt,
    AnsweredAt,
    Signed,
    Note,
}

impl Column {
    fn from_header(h: &str) -> Option<Column> {
        Some(match h.trim().to_lowercase().as_str() {
            "account" | "konto" => Column::Account,
            "platform" | "plattform" => Column::Platform,
            "unit" | "verksamhet" | "enhet" => Column::Unit,
            "url" | "handle" | "länk" => Column::Url,
            "status" => Column::Status,
            "question" | "fråga" => Column::Question,
            "posted_at" | "ställd" | "posted" => Column::PostedAt,
            "answered_at" | "besvarad" | "answered" => Column::AnsweredAt,
            "signed" | "signerad" | "signerat" => Column::Signed,
            "note" | "anteckning" => Column::Note,
            _ => return None,
        })
    }
}

/// Columns Svarskoll's own export adds (deadline, outcome, …): recomputed, so skipped on import.
fn is_computed(header: &str) -> bool {
    let h = header.trim().to_lowercase();
    super::export::COMPUTED_COLUMNS
        .iter()
        .any(|c| c.to_lowercase() == h)
        || [
            "deadline",
            "outcome",
            "response_hours",
            "response_working_hours",
        ]
        .contains(&h.as_str())
}

const ACCEPTED: &str = "account|konto, platform|plattform, unit|verksamhet, url, status, \
question|fråga, posted_at|ställd, answered_at|besvarad, signed|signerad, note|anteckning";

/// One error in an imported file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    /// 1-based line in the file.
    pub line: u64,
    /// The column's header and 1-based number, when the error is in one cell.
    pub column: Option<(String, usize)>,
    pub message: String,
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some((name, n)) => write!(
                f,
                "rad {}, kolumn {n} ({name}): {}",
                self.line, self.message
            ),
            None => write!(f, "rad {}: {}", self.line, self.message),
        }
    }
}

/// Why nothing was imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: kunde inte läsa filen: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {} fel, inget importerades:\n{}", problems.len(), list(path, problems))]
    Invalid {
        path: PathBuf,
        problems: Vec<ImportProblem>,
    },
}

fn list(path: &Path, problems: &[ImportProblem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {}:{}", path.display(), p))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A parsed, valid CSV file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportedLog {
    /// Accounts in file order, each with its probes.
    pub accounts: Vec<Account>,
    /// Things the auditor should know, e.g. a time in the DST gap that was moved forward.
    pub notices: Vec<String>,
}

/// Read and parse a CSV file.
pub fn parse_csv(path: &Path) -> Result<ImportedLog, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
        path: path.to_owned(),
        source,
    })?;
    parse_csv_bytes(&bytes).map_err(|problems| ImportError::Invalid {
        path: path.to_owned(),
        problems,
    })
}

/// Parse a CSV file and merge it into `audit`; on any error the audit is left untouched.
pub fn import_csv(
    audit: &mut Audit,
    path: &Path,
) -> Result<(MergeSummary, Vec<String>), ImportError> {
    let log = parse_csv(path)?;
    let summary = audit.merge_accounts(log.accounts);
    audit.assign_missing_ids(super::random_id);
    Ok((summary, log.notices))
}

/// Parse CSV bytes; every problem is listed.
pub fn parse_csv_bytes(bytes: &[u8]) -> Result<ImportedLog, Vec<ImportProblem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            return Err(vec![ImportProblem {
                line,
                column: None,
                message: "filen är inte UTF-8 (spara som \"CSV UTF-8\" i Excel)".into(),
            }]);
        }
    };
    let header_line = text.lines().next().unwrap_or_default();
    let delimiter = if header_line.matches(';').count() >= header_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());

    let mut problems = Vec::new();
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(vec![ImportProblem {
                line: 1,
                column: None,
                message: format!("rubrikraden går inte att läsa: {e}"),
            }]);
        }
    };
    let mut columns = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        match Column::from_header(h) {
            Some(c) if columns.contains(&Some(c)) => problems.push(ImportProblem {
                line: 1,
                column: Some((h.to_owned(), i + 1)),
                message: "kolumnen finns två gånger".into(),
            }),
            Some(c) => columns.push(Some(c)),
            None if h.trim().is_empty() || is_computed(h) => columns.push(None),
            None => {
                problems.push(ImportProblem {
                    line: 1,
                    column: Some((h.to_owned(), i + 1)),
                    message: format!("okänd kolumn; kända kolumner är {ACCEPTED}"),
                });
                columns.push(None);
            }
        }
    }
    for required in [Column::Account, Column::Platform] {
        if !columns.contains(&Some(required)) {
            let name = if required == Column::Account {
                "account/konto"
            } else {
                "platform/plattform"
            };
            problems.push(ImportProblem {
                line: 1,
                column: None,
                message: format!("kolumnen {name} saknas"),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut log = ImportedLog::default();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                problems.push(ImportProblem {
                    line,
                    column: None,
                    message: format!("raden går inte att läsa: {e}"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut row = RowReader {
            line,
            headers: &headers,
            problems: &mut problems,
            notices: &mut log.notices,
        };
        let cell = |c: Column| {
            columns
                .iter()
                .position(|x| *x == Some(c))
                .map(|i| (i, record.get(i).unwrap_or("").trim()))
        };
        let text = |c: Column| cell(c).map_or("", |(_, v)| v).to_owned();
        let name = text(Column::Account);
        if name.is_empty() {
            row.problem(
                cell(Column::Account).map(|c| c.0),
                "kontots namn saknas".into(),
            );
        }
        let platform = cell(Column::Platform).and_then(|(i, v)| {
            let p = Platform::parse(v);
            if p.is_none() {
                row.problem(
                    Some(i),
                    format!(
                        "okänd plattform '{v}'; använd Facebook, Instagram, X/Twitter, LinkedIn, YouTube, TikTok eller Övrigt"
                    ),
                );
            }
            p
        });
        let status = cell(Column::Status).map_or(Some(AccountStatus::Active), |(i, v)| {
            let s = AccountStatus::parse(v);
            if s.is_none() {
                row.problem(
                    Some(i),
                    format!("okänd status '{v}'; använd aktivt, avslutat eller stängt"),
                );
            }
            s
        });
        let posted = cell(Column::PostedAt).and_then(|(i, v)| row.time(i, v));
        let answered = cell(Column::AnsweredAt).and_then(|(i, v)| row.time(i, v));
        let signed = cell(Column::Signed).and_then(|(i, v)| row.yes_no(i, v));
        if let Some((i, _)) = cell(Column::AnsweredAt).filter(|(_, v)| !v.is_empty()) {
            match time_order(posted, answered) {
                Err(TimeOrder::AnsweredNotPosted)
                    if cell(Column::PostedAt).is_none_or(|(_, v)| v.is_empty()) =>
                {
                    row.problem(
                        Some(i),
                        "besvarad men aldrig ställd: fyll i när frågan ställdes".into(),
                    );
                }
                Err(TimeOrder::AnsweredBeforePosted { posted, answered }) => row.problem(
                    Some(i),
                    format!(
                        "besvarad ({}) före ställd ({})",
                        crate::core::localtime::format_local(&answered),
                        crate::core::localtime::format_local(&posted)
                    ),
                ),
                _ => {}
            }
        }
        let (Some(platform), Some(status)) = (platform, status) else {
            continue;
        };
        let probe = Probe {
            question: text(Column::Question),
            posted_at: posted,
            answered_at: answered,
            signed,
            note: text(Column::Note),
            ..Probe::default()
        };
        let has_probe = probe != Probe::default();
        let key = name.to_lowercase();
        let existing = log
            .accounts
            .iter_mut()
            .find(|a| a.platform == platform && a.name.to_lowercase() == key);
        let account = match existing {
            Some(a) => a,
            None => {
                log.accounts.push(Account {
                    name: name.clone(),
                    platform,
                    unit: text(Column::Unit),
                    url: text(Column::Url),
                    status,
                    selected: status == AccountStatus::Active,
                    ..Account::default()
                });
                let last = log.accounts.len() - 1;
                &mut log.accounts[last]
            }
        };
        if has_probe {
            account.probes.push(probe);
        }
    }
    if problems.is_empty() {
        Ok(log)
    } else {
        Err(problems)
    }
}

struct RowReader<'a> {
    line: u64,
    headers: &'a csv::StringRecord,
    problems: &'a mut Vec<ImportProblem>,
    notices: &'a mut Vec<String>,
}

impl RowReader<'_> {
    fn problem(&mut self, column: Option<usize>, message: String) {
        self.problems.push(ImportProblem {
            line: self.line,
            column: column.map(|i| (self.headers.get(i).unwrap_or("").trim().to_owned(), i + 1)),
            message,
        });
    }

    fn time(&mut self, column: usize, value: &str) -> Option<Stamp> {
        if value.is_empty() {
            return None;
        }
        match parse_time(value) {
            Ok(t) => {
                let header = self.headers.get(column).unwrap_or("").trim();
                match t.resolution {
                    LocalResolution::Exact => {}
                    LocalResolution::ShiftedForward { gap_minutes } => self.notices.push(format!(
                        "rad {}, {header}: {value} finns inte (sommartid börjar); tolkad som {gap_minutes} minuter senare, {}",
                        self.line,
                        t.fixed().format("%Y-%m-%d %H:%M %:z")
                    )),
                    LocalResolution::AmbiguousFirst => self.notices.push(format!(
                        "rad {}, {header}: {value} inträffar två gånger (vintertid börjar); tolkad som sommartid, {}",
                        self.line,
                        t.fixed().format("%Y-%m-%d %H:%M %:z")
                    )),
                }
                Some(t.fixed())
            }
            Err(e) => {
                self.problem(Some(column), e.to_string());
                None
            }
        }
    }

    fn yes_no(&mut self, column: usize, value: &str) -> Option<bool> {
        match value.to_lowercase().as_str() {
            "" => None,
            "yes" | "ja" | "1" | "true" | "sant" | "j" | "y" => Some(true),
            "no" | "nej" | "0" | "false" | "falskt" | "n" => Some(false),
            _ => {
                self.problem(Some(column), format!("'{value}' är inte ja/nej"));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_semicolon_swedish_headers_and_x_equals_twitter() {
        let csv = "\u{feff}Konto;Plattform;Verksamhet;Fråga;Ställd;Besvarad;Signerad\n\
                   Åbyskolan;Twitter;Grundskola;När börjar terminen?;2019-03-12 10:00;2019-03-12 14:30;ja\n\
                   Åbyskolan;X;Grundskola;Finns det lov?;2019-03-14 10:00;;\n\
                   Biblioteket;facebook;Kultur;;;;\n";
        let log = parse_csv_bytes(csv.as_bytes()).unwrap();
        assert_eq!(log.accounts.len(), 2);
        let a = &log.accounts[0];
        assert_eq!(
            (a.name.as_str(), a.platform, a.unit.as_str()),
            ("Åbyskolan", Platform::X, "Grundskola")
        );
        assert_eq!(a.probes.len(), 2);
        assert_eq!(a.probes[0].signed, Some(true));
        assert_eq!(
            a.probes[0].answered_at.unwrap().to_rfc3339(),
            "2019-03-12T14:30:00+01:00"
        );
        assert_eq!(a.probes[1].answered_at, None);
        assert!(log.accounts[1].probes.is_empty());
    }

    #[test]
    fn comma_delimiter_and_english_headers() {
        let csv = "account,platform,status\nYouth centre,Instagram,closed\nSports,TikTok,private\n";
        let log = parse_csv_bytes(csv.as_bytes()).unwrap();
        assert_eq!(log.accounts[0].status, AccountStatus::Closed);
        assert!(!log.accounts[0].selected);
        assert_eq!(log.accounts[1].status, AccountStatus::NotPublic);
    }

    #[test]
    fn every_error_is_listed_with_line_and_column() {
        let csv = "konto;plattform;ställd;besvarad;signerad\n\
                   A;Myspace;2019-03-12 10:00;;\n\
                   B;Facebook;12/3 kl 10;;\n\
                   C;Facebook;2019-03-12 10:00;2019-03-11 09:00;kanske\n";
        let problems = parse_csv_bytes(csv.as_bytes()).unwrap_err();
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(text.len(), 4, "{text:#?}");
        assert!(
            text[0].starts_with("rad 2, kolumn 2 (plattform): okänd plattform 'Myspace'"),
            "{}",
            text[0]
        );
        assert!(
            text[1].starts_with("rad 3, kolumn 3 (ställd):"),
            "{}",
            text[1]
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("rad 4, kolumn 5 (signerad)")),
            "{text:?}"
        );
        assert!(
            text.iter().any(|t| t.starts_with(
                "rad 4, kolumn 4 (besvarad): besvarad (2019-03-11 09:00) före ställd"
            )),
            "{text:?}"
        );
    }

    #[test]
    fn header_problems() {
        let p = parse_csv_bytes("konto;färg\nA;blå\n".as_bytes()).unwrap_err();
        assert!(
            p[0].to_string().contains("kolumn 2 (färg): okänd kolumn"),
            "{}",
            p[0]
        );
        assert!(
            p[1].to_string().contains("platform/plattform saknas"),
            "{}",
            p[1]
        );
    }

    #[test]
    fn dst_gap_time_gives_a_notice() {
        let csv = "konto;plattform;ställd\nA;Facebook;2019-03-31 02:30\n";
        let log = parse_csv_bytes(csv.as_bytes()).unwrap();
        assert_eq!(
            log.accounts[0].probes[0].posted_at.unwrap().to_rfc3339(),
            "2019-03-31T03:30:00+02:00"
        );
        assert_eq!(log.notices.len(), 1);
        assert!(log.notices[0].contains("sommartid"), "{:?}", log.notices);
    }

    #[test]
    fn merge_updates_instead_of_duplicating() {
        let first = "konto;plattform;fråga;ställd\nA;Facebook;Q;2019-03-12 10:00\n";
        let second = "konto;plattform;fråga;ställd;besvarad;signerad\nA;Facebook;Q;2019-03-12 10:00;2019-03-12 11:00;ja\nB;Instagram;;;;\n";
        let mut audit = Audit::default();
        let s1 = audit.merge_accounts(parse_csv_bytes(first.as_bytes()).unwrap().accounts);
        assert_eq!((s1.new_accounts, s1.new_probes), (1, 1));
        let s2 = audit.merge_accounts(parse_csv_bytes(second.as_bytes()).unwrap().accounts);
        assert_eq!(
            s2,
            MergeSummary {
                new_accounts: 1,
                new_probes: 0,
                updated_probes: 1
            }
        );
        assert_eq!(audit.accounts[0].probes.len(), 1);
        assert_eq!(audit.accounts[0].probes[0].signed, Some(true));
    }
}
