//! CSV import as Excel saves it (PRODUCT §6): UTF-8 with or without BOM, `;` or `,`, English or
//! Swedish headers, several rows per account for several probes. All or nothing: a file with any
//! error imports nothing, and every error is listed with its line and column.

use crate::core::localtime::{LocalResolution, parse_time};
use crate::core::rules::{FILE_BYTES, TEXT_CHARS};
use crate::core::rules::{TimeOrder, time_order};
use crate::core::{Account, AccountStatus, Audit, MergeSummary, Platform, Probe, Stamp};
use std::collections::HashMap;
use std::path::Path;

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

use crate::core::file_error::{ImportColumn, ImportNotice, ImportProblemKind, NoticeKind};
pub use crate::core::file_error::{ImportError, ImportProblem};

/// A parsed, valid CSV file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportedLog {
    /// Accounts in file order, each with its probes.
    pub accounts: Vec<Account>,
    /// Things the auditor should know, e.g. a time in the DST gap that was moved forward.
    pub notices: Vec<ImportNotice>,
    /// The encoding the file was read in (for the import summary): "UTF-8", "Windows-1252", …
    pub encoding: &'static str,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    pub summary: MergeSummary,
    pub notices: Vec<ImportNotice>,
    /// The encoding the file was read in.
    pub encoding: &'static str,
}

/// Read and parse a CSV file (at most `core::rules::FILE_BYTES`).
pub fn parse_csv(path: &Path) -> Result<ImportedLog, ImportError> {
    let io = |source: std::io::Error| ImportError::Io {
        path: path.to_owned(),
        cause: source.into(),
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > FILE_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            bytes: meta.len(),
            limit: FILE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    parse_csv_bytes(&bytes).map_err(|problems| ImportError::Invalid {
        path: path.to_owned(),
        problems,
    })
}

/// Parse a CSV file and merge it into `audit`; on any error the audit is left untouched.
pub fn import_csv(audit: &mut Audit, path: &Path) -> Result<ImportOutcome, ImportError> {
    let log = parse_csv(path)?;
    let summary = crate::core::rules::merge_accounts(audit, log.accounts);
    audit.assign_missing_ids(super::random_id);
    Ok(ImportOutcome {
        summary,
        notices: log.notices,
        encoding: log.encoding,
    })
}

fn file_problem(line: u64, kind: ImportProblemKind) -> Vec<ImportProblem> {
    vec![ImportProblem {
        line,
        column: None,
        kind,
    }]
}

/// The line (1-based) of byte `offset` in `bytes`.
fn line_at(bytes: &[u8], offset: usize) -> u64 {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count() as u64
}

/// The file's text and the name of its encoding, as Excel writes them: a BOM decides (UTF-8,
/// or UTF-16 LE/BE, Excel's "Unicode-text"); without one, valid UTF-8 is UTF-8, anything else is
/// Windows-1252 (Excel's "CSV (semikolonavgränsad)" in Swedish Windows). A text that then holds
/// control characters other than tab, CR and LF is not a CSV file (a binary spreadsheet).
fn decode(bytes: &[u8]) -> Result<(String, &'static str), Vec<ImportProblem>> {
    use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
    let (text, name) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        match std::str::from_utf8(rest) {
            Ok(t) => (t.to_owned(), "UTF-8"),
            Err(e) => {
                return Err(file_problem(
                    line_at(rest, e.valid_up_to()),
                    ImportProblemKind::NotUtf8AfterBom,
                ));
            }
        }
    } else if let Some((encoding, name, rest)) = [
        (UTF_16LE, "UTF-16 LE", b"\xFF\xFE"),
        (UTF_16BE, "UTF-16 BE", b"\xFE\xFF"),
    ]
    .into_iter()
    .find_map(|(e, n, bom)| bytes.strip_prefix(bom).map(|rest| (e, n, rest)))
    {
        match encoding.decode_without_bom_handling_and_without_replacement(rest) {
            Some(t) => (t.into_owned(), name),
            None => {
                return Err(file_problem(
                    1,
                    ImportProblemKind::NotUtf16 { encoding: name },
                ));
            }
        }
    } else {
        match std::str::from_utf8(bytes) {
            Ok(t) => (t.to_owned(), "UTF-8"),
            Err(_) => {
                let (t, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                (t.into_owned(), "Windows-1252")
            }
        }
    };
    if let Some(offset) = text.find(|c: char| c.is_control() && !matches!(c, '\t' | '\r' | '\n')) {
        return Err(file_problem(
            line_at(text.as_bytes(), offset),
            ImportProblemKind::ControlCharacters,
        ));
    }
    Ok((text, name))
}

/// The delimiter: `;`, `,` or tab, whichever the header line has most of (`;` on a tie).
fn delimiter(header_line: &str) -> u8 {
    let count = |c| header_line.matches(c).count();
    let (semicolons, commas, tabs) = (count(';'), count(','), count('\t'));
    if tabs > semicolons && tabs > commas {
        b'\t'
    } else if commas > semicolons {
        b','
    } else {
        b';'
    }
}

/// The line where a quoted field opens and never closes, if one does.
fn unterminated_quote(text: &str, delimiter: u8) -> Option<u64> {
    let delimiter = char::from(delimiter);
    let (mut line, mut opened_on) = (1u64, 0u64);
    let (mut at_field_start, mut quoted) = (true, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    quoted = false;
                }
            }
        } else if c == '"' && at_field_start {
            quoted = true;
            opened_on = line;
            at_field_start = false;
        } else if c == delimiter || c == '\n' {
            at_field_start = true;
        } else if c != '\r' {
            at_field_start = false;
        }
    }
    quoted.then_some(opened_on)
}

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell would be read as a formula by a spreadsheet, also behind apostrophes (so that
/// a text beginning with `'=` survives the round trip too).
#[must_use]
pub fn needs_formula_guard(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A cell as the export wrote it: one leading apostrophe undone where the export added it (the
/// rest is formula-like), else the value trimmed.
fn unguard(raw: &str) -> &str {
    match raw.strip_prefix('\'') {
        Some(rest) if needs_formula_guard(rest) => rest,
        _ => raw.trim(),
    }
}

/// Parse CSV bytes; every problem is listed.
pub fn parse_csv_bytes(bytes: &[u8]) -> Result<ImportedLog, Vec<ImportProblem>> {
    let (text, encoding) = decode(bytes)?;
    let header_line = text.lines().next().unwrap_or_default();
    let delimiter = delimiter(header_line);
    if let Some(line) = unterminated_quote(&text, delimiter) {
        return Err(file_problem(line, ImportProblemKind::UnterminatedQuote));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());

    let mut problems = Vec::new();
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(file_problem(
                1,
                ImportProblemKind::UnreadableHeader(super::message_capped(&e.to_string())),
            ));
        }
    };
    let mut columns = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let column = ImportColumn {
            number: i + 1,
            header: Some(super::quoted_plain(h.trim())),
        };
        match Column::from_header(h) {
            Some(c) if columns.contains(&Some(c)) => problems.push(ImportProblem {
                line: 1,
                column: Some(column),
                kind: ImportProblemKind::DuplicateColumn,
            }),
            Some(c) => columns.push(Some(c)),
            None if h.trim().is_empty() || is_computed(h) => columns.push(None),
            None => {
                problems.push(ImportProblem {
                    line: 1,
                    column: Some(column),
                    kind: ImportProblemKind::UnknownColumn { accepted: ACCEPTED },
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
                kind: ImportProblemKind::MissingColumn { name },
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Where each column is, found once (not once per row and cell).
    let mut position = [None; 10];
    for (i, c) in columns.iter().enumerate() {
        if let Some(c) = c {
            position[*c as usize] = Some(i);
        }
    }
    // Columns whose values are not read: computed ones are fine, values under an empty heading
    // or beyond the header row are errors (they would be lost silently).
    let unheaded: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| h.trim().is_empty())
        .map(|(i, _)| i)
        .collect();

    let mut log = ImportedLog {
        encoding,
        ..ImportedLog::default()
    };
    let mut index: HashMap<(Platform, String), usize> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                problems.push(ImportProblem {
                    line,
                    column: None,
                    kind: ImportProblemKind::UnreadableRow(super::message_capped(&e.to_string())),
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
        for (i, value) in record.iter().enumerate() {
            if value.trim().is_empty() {
                continue;
            }
            if i >= headers.len() || unheaded.contains(&i) {
                row.problem(
                    Some(i),
                    ImportProblemKind::ValueWithoutHeading {
                        value: super::quoted_plain(value.trim()),
                    },
                );
            } else if value.len() > TEXT_CHARS && value.chars().count() > TEXT_CHARS {
                row.problem(
                    Some(i),
                    ImportProblemKind::TextTooLong { limit: TEXT_CHARS },
                );
            }
        }
        let cell =
            |c: Column| position[c as usize].map(|i| (i, unguard(record.get(i).unwrap_or(""))));
        let text = |c: Column| cell(c).map_or("", |(_, v)| v).to_owned();
        let name = text(Column::Account);
        if name.is_empty() {
            row.problem(
                cell(Column::Account).map(|c| c.0),
                ImportProblemKind::NoAccountName,
            );
        }
        let platform = cell(Column::Platform).and_then(|(i, v)| {
            let p = Platform::parse(v);
            if p.is_none() {
                row.problem(
                    Some(i),
                    ImportProblemKind::UnknownPlatform {
                        value: super::quoted_plain(v),
                    },
                );
            }
            p
        });
        let status = cell(Column::Status).map_or(Some(AccountStatus::Active), |(i, v)| {
            let s = AccountStatus::parse(v);
            if s.is_none() {
                row.problem(
                    Some(i),
                    ImportProblemKind::UnknownStatus {
                        value: super::quoted_plain(v),
                    },
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
                    row.problem(Some(i), ImportProblemKind::AnsweredNotPosted);
                }
                Err(TimeOrder::AnsweredBeforePosted { posted, answered }) => row.problem(
                    Some(i),
                    ImportProblemKind::AnsweredBeforePosted { posted, answered },
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
        let key = (platform, name.to_lowercase());
        let account = match index.get(&key) {
            Some(&i) => &mut log.accounts[i],
            None => {
                index.insert(key, log.accounts.len());
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
    notices: &'a mut Vec<ImportNotice>,
}

impl RowReader<'_> {
    fn problem(&mut self, column: Option<usize>, kind: ImportProblemKind) {
        self.problems.push(ImportProblem {
            line: self.line,
            column: column.map(|i| {
                let header = self.headers.get(i).unwrap_or("").trim();
                ImportColumn {
                    number: i + 1,
                    header: (!header.is_empty()).then(|| super::quoted_plain(header)),
                }
            }),
            kind,
        });
    }

    fn time(&mut self, column: usize, value: &str) -> Option<Stamp> {
        if value.is_empty() {
            return None;
        }
        match parse_time(value) {
            Ok(t) if !crate::core::rules::YEAR.contains(&chrono::Datelike::year(&t.fixed())) => {
                self.problem(
                    Some(column),
                    ImportProblemKind::YearOutOfRange {
                        value: super::quoted_plain(value),
                        first: *crate::core::rules::YEAR.start(),
                        last: *crate::core::rules::YEAR.end(),
                    },
                );
                None
            }
            Ok(t) => {
                let kind = match t.resolution {
                    LocalResolution::Exact => None,
                    LocalResolution::ShiftedForward { gap_minutes } => {
                        Some(NoticeKind::ShiftedForward { gap_minutes })
                    }
                    LocalResolution::AmbiguousFirst => Some(NoticeKind::Ambiguous),
                };
                if let Some(kind) = kind {
                    self.notices.push(ImportNotice {
                        line: self.line,
                        header: super::quoted_plain(self.headers.get(column).unwrap_or("").trim()),
                        value: super::quoted_plain(value),
                        read_as: t.fixed(),
                        kind,
                    });
                }
                Some(t.fixed())
            }
            Err(_) => {
                self.problem(
                    Some(column),
                    ImportProblemKind::NotATime {
                        value: super::quoted_plain(value),
                    },
                );
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
                self.problem(
                    Some(column),
                    ImportProblemKind::NotYesNo {
                        value: super::quoted_plain(value),
                    },
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sv(p: &ImportProblem) -> String {
        crate::i18n::import_problem_text(p, crate::core::Lang::Sv)
    }

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
        let text: Vec<String> = problems.iter().map(sv).collect();
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
            sv(&p[0]).contains("kolumn 2 (färg): okänd kolumn"),
            "{:?}",
            p[0]
        );
        assert!(
            sv(&p[1]).contains("platform/plattform saknas"),
            "{:?}",
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
        let notice = crate::i18n::import_notice_text(&log.notices[0], crate::core::Lang::Sv);
        assert!(notice.contains("sommartid"), "{notice}");
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

    /// Bytes as Excel writes them: CRLF, `;` or tab, and the given encoding.
    fn excel(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
        let text = text.replace('\n', "\r\n");
        if encoding == encoding_rs::UTF_16LE {
            let mut out = vec![0xFF, 0xFE];
            for unit in text.encode_utf16() {
                out.extend(unit.to_le_bytes());
            }
            out
        } else {
            encoding.encode(&text).0.into_owned()
        }
    }

    #[test]
    fn windows_1252_semicolon_file_from_swedish_excel() {
        let bytes = excel(
            "Konto;Plattform;Verksamhet;Ställd;Besvarad\nÅbyskolan;Facebook;Förskola Ängen;2019-03-12 10:00;2019-03-12 11:00\nÖppna förskolan;X;Barn och unga;;\n",
            encoding_rs::WINDOWS_1252,
        );
        assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
        let log = parse_csv_bytes(&bytes).unwrap();
        assert_eq!(log.encoding, "Windows-1252");
        assert_eq!(log.accounts[0].name, "Åbyskolan");
        assert_eq!(log.accounts[0].unit, "Förskola Ängen");
        assert_eq!(log.accounts[1].name, "Öppna förskolan");
        assert_eq!(log.accounts[0].probes.len(), 1);
    }

    #[test]
    fn utf16_unicode_text_is_tab_separated() {
        let bytes = excel(
            "Konto\tPlattform\tVerksamhet\tFråga\nÅbyskolan\tInstagram\tKök och städ\tHar ni öppet på lördag, klockan tio?\n",
            encoding_rs::UTF_16LE,
        );
        let log = parse_csv_bytes(&bytes).unwrap();
        assert_eq!(log.encoding, "UTF-16 LE");
        let a = &log.accounts[0];
        assert_eq!(
            (a.name.as_str(), a.platform),
            ("Åbyskolan", Platform::Instagram)
        );
        assert_eq!(a.unit, "Kök och städ");
        assert_eq!(a.probes[0].question, "Har ni öppet på lördag, klockan tio?");
    }

    #[test]
    fn utf8_bom_crlf_trailing_semicolons_and_quoted_fields() {
        let csv = "\u{feff}konto;plattform;fråga;anteckning;;;;\r\nA;Facebook;\"Öppet, eller stängt?\";\"rad ett\r\nrad två\";;;;\r\n";
        let log = parse_csv_bytes(csv.as_bytes()).unwrap();
        assert_eq!(log.encoding, "UTF-8");
        let p = &log.accounts[0].probes[0];
        assert_eq!(p.question, "Öppet, eller stängt?");
        assert_eq!(p.note, "rad ett\r\nrad två");
    }

    #[test]
    fn extra_non_empty_fields_are_errors_naming_line_and_column() {
        let csv = "konto;plattform\nA;Facebook;;\nB;Facebook;borttappad\n";
        let p = parse_csv_bytes(csv.as_bytes()).unwrap_err();
        assert_eq!(p.len(), 1, "{p:?}");
        let text = sv(&p[0]);
        assert!(text.starts_with("rad 3, kolumn 3 (utan rubrik):"), "{text}");
        assert!(text.contains("'borttappad'"), "{text}");
    }

    #[test]
    fn an_unterminated_quote_is_named_with_its_line() {
        let csv = "konto;plattform\nA;Facebook\n\"B;Facebook\nC;X\n";
        let p = parse_csv_bytes(csv.as_bytes()).unwrap_err();
        let text = sv(&p[0]);
        assert!(text.starts_with("rad 3:"), "{text}");
        assert!(text.contains("citattecken"), "{text}");
        assert!(!text.contains("plattform"), "{text}");
    }

    #[test]
    fn binary_files_and_long_input_are_refused_without_echoing_it() {
        let p = parse_csv_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\xff\xfe").unwrap_err();
        assert_eq!(p[0].kind, ImportProblemKind::ControlCharacters, "{p:?}");
        let long = "x".repeat(200_000);
        let csv = format!("konto;plattform\nA;{long}\n");
        let p = parse_csv_bytes(csv.as_bytes()).unwrap_err();
        let text: String = p.iter().map(sv).collect();
        assert!(text.len() < 1000, "{}", text.len());
    }
}
