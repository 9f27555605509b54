//! Exports for Excel: the log as CSV or as an `.xlsx` workbook, one row per probe (an account
//! without probes gets one row) with the computed deadline, outcome and response times. The CSV
//! re-imports losslessly: the importer reads the same columns and skips the computed ones. The
//! workbook has real Excel dates and numbers, a filter and a frozen header, plus a results sheet.

use super::audit_file::{FileError, write_export};
use crate::core::localtime::{ZONE, format_local};
use crate::core::numbers::decimal;
use crate::core::results::{Counts, Results};
use crate::core::{Audit, Outcome, Stamp};
use crate::i18n::{Label, Lang, group_name};
use chrono::{DateTime, LocalResult, TimeZone};
use chrono_tz::Tz;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use std::path::Path;

/// The computed columns, which the importer skips.
pub const COMPUTED_COLUMNS: [&str; 4] = [
    "Svarsfrist",
    "Utfall",
    "Svarstid (timmar)",
    "Svarstid (arbetstimmar)",
];

const HEADER: [&str; 10] = [
    "Konto",
    "Plattform",
    "Verksamhet",
    "URL",
    "Status",
    "Fråga",
    "Ställd",
    "Besvarad",
    "Signerad",
    "Anteckning",
];

/// One exported row: an account and one of its probes (or none).
struct LogRow<'a> {
    text: [&'a str; 4],
    status: &'static str,
    question: &'a str,
    posted: Option<Stamp>,
    answered: Option<Stamp>,
    signed: Option<bool>,
    note: &'a str,
    deadline: Option<DateTime<Tz>>,
    outcome: Option<Outcome>,
    response_hours: Option<f64>,
    response_working_hours: Option<f64>,
}

/// The rows of the export, in register order.
fn log_rows<'a>(audit: &'a Audit, results: &Results) -> Vec<LogRow<'a>> {
    let mut rows = Vec::new();
    for (ai, account) in audit.accounts.iter().enumerate() {
        let text = [
            account.name.as_str(),
            account.platform.label(crate::core::Lang::Sv),
            account.unit.as_str(),
            account.url.as_str(),
        ];
        let status = account
            .status
            .label(crate::core::Lang::Sv)
            .split(' ')
            .next()
            .unwrap_or("");
        let empty = LogRow {
            text,
            status,
            question: "",
            posted: None,
            answered: None,
            signed: None,
            note: "",
            deadline: None,
            outcome: None,
            response_hours: None,
            response_working_hours: None,
        };
        if account.probes.is_empty() {
            rows.push(empty);
            continue;
        }
        for (pi, probe) in account.probes.iter().enumerate() {
            let evaluation = results
                .probes
                .iter()
                .find(|p| p.account_index == ai && p.probe_index == pi)
                .map(|p| &p.evaluation);
            rows.push(LogRow {
                question: &probe.question,
                posted: probe.posted_at,
                answered: probe.answered_at,
                signed: probe.signed,
                note: &probe.note,
                deadline: evaluation.and_then(|e| e.deadline),
                outcome: evaluation.map(|e| e.outcome),
                response_hours: evaluation.and_then(|e| e.response_hours),
                response_working_hours: evaluation.and_then(|e| e.response_working_hours),
                ..empty
            });
        }
    }
    rows
}

fn signed_text(signed: Option<bool>) -> &'static str {
    match signed {
        Some(true) => "ja",
        Some(false) => "nej",
        None => "",
    }
}

/// A stamp as `YYYY-MM-DD HH:MM`, or RFC 3339 where the local time is the second of the autumn's
/// repeated hour (a plain local time would re-import as the first).
fn stamp_text(t: &Stamp) -> String {
    let local = t.with_timezone(&ZONE);
    match ZONE.from_local_datetime(&local.naive_local()) {
        LocalResult::Ambiguous(first, _) if first != local => t.to_rfc3339(),
        _ => format_local(t),
    }
}

/// A cell Excel would run as a formula (`=HYPERLINK(…)`, `+1+1`, `-2+3`, `@SUM(A1)`, a leading
/// tab or CR) gets a leading apostrophe, which Excel shows as text and the importer undoes.
fn guard_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if super::csv_import::needs_formula_guard(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// The CSV text (UTF-8 with BOM, `;`, as Excel in Swedish locale expects).
pub fn to_csv(audit: &Audit, results: &Results) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::from(*b"\xEF\xBB\xBF");
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut out);
        w.write_record(HEADER.iter().chain(COMPUTED_COLUMNS.iter()))?;
        let hours = |h: Option<f64>| h.map(|h| decimal(h, 2, Lang::Sv)).unwrap_or_default();
        for row in log_rows(audit, results) {
            let fields: [String; 14] = [
                row.text[0].to_owned(),
                row.text[1].to_owned(),
                row.text[2].to_owned(),
                row.text[3].to_owned(),
                row.status.to_owned(),
                row.question.to_owned(),
                row.posted.as_ref().map(stamp_text).unwrap_or_default(),
                row.answered.as_ref().map(stamp_text).unwrap_or_default(),
                signed_text(row.signed).to_owned(),
                row.note.to_owned(),
                row.deadline.map(|d| format_local(&d)).unwrap_or_default(),
                row.outcome
                    .map(|o| o.label(crate::core::Lang::Sv).to_owned())
                    .unwrap_or_default(),
                hours(row.response_hours),
                hours(row.response_working_hours),
            ];
            w.write_record(fields.iter().map(|f| guard_formula(f).into_owned()))?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// Write the CSV export atomically.
pub fn export_csv(audit: &Audit, results: &Results, path: &Path) -> Result<(), FileError> {
    let bytes = to_csv(audit, results).map_err(|e| FileError::Serialize {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    write_export(path, &bytes)
}

/// The `.xlsx` workbook: sheet "Logg" (the same columns as the CSV, with real dates and numbers)
/// and sheet "Resultat" (the counts overall, per platform and per unit).
pub fn to_xlsx(audit: &Audit, results: &Results) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let when = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let hours = Format::new().set_num_format("0.00");
    let percent = Format::new().set_num_format("0.0%");

    let log = book.add_worksheet();
    log.set_name("Logg")?;
    for (c, title) in (0u16..).zip(HEADER.iter().chain(COMPUTED_COLUMNS.iter())) {
        log.write_string_with_format(0, c, *title, &bold)?;
    }
    let rows = log_rows(audit, results);
    let local = |t: &DateTime<Tz>| t.naive_local();
    for (r, row) in (1u32..).zip(&rows) {
        for (c, text) in (0u16..).zip(row.text) {
            log.write_string(r, c, text)?;
        }
        log.write_string(r, 4, row.status)?;
        log.write_string(r, 5, row.question)?;
        if let Some(t) = row.posted {
            log.write_datetime_with_format(r, 6, local(&t.with_timezone(&ZONE)), &when)?;
        }
        if let Some(t) = row.answered {
            log.write_datetime_with_format(r, 7, local(&t.with_timezone(&ZONE)), &when)?;
        }
        log.write_string(r, 8, signed_text(row.signed))?;
        log.write_string(r, 9, row.note)?;
        if let Some(d) = row.deadline {
            log.write_datetime_with_format(r, 10, local(&d), &when)?;
        }
        if let Some(o) = row.outcome {
            log.write_string(r, 11, o.label(crate::core::Lang::Sv))?;
        }
        for (c, h) in [
            (12u16, row.response_hours),
            (13, row.response_working_hours),
        ] {
            if let Some(h) = h {
                log.write_number_with_format(r, c, h, &hours)?;
            }
        }
    }
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    log.autofilter(0, 0, last_row, 13)?;
    log.set_freeze_panes(1, 0)?;
    for (c, width) in (0u16..).zip([28, 12, 22, 28, 10, 40, 17, 17, 9, 30, 17, 11, 10, 12]) {
        log.set_column_width(c, width)?;
    }

    let sheet = book.add_worksheet();
    sheet.set_name("Resultat")?;
    results_sheet(sheet, results, &bold, &percent)?;
    book.save_to_buffer()
}

/// The "Resultat" sheet: one table, overall then per platform then per unit.
fn results_sheet(
    sheet: &mut Worksheet,
    results: &Results,
    bold: &Format,
    percent: &Format,
) -> Result<(), XlsxError> {
    let header = [
        "Grupp",
        "Listade",
        "Exkluderade",
        "Granskade",
        "I tid",
        "Sent",
        "Obesvarade",
        "Väntar",
        "Signerade",
        "Andel i tid",
        "95 % KI, lägre",
        "95 % KI, övre",
    ];
    for (c, title) in (0u16..).zip(header) {
        sheet.write_string_with_format(0, c, title, bold)?;
    }
    let groups = std::iter::once(("Samtliga".to_owned(), &results.overall))
        .chain(results.by_platform.iter().map(|g| {
            (
                format!("Plattform: {}", group_name(&g.key, Lang::Sv)),
                &g.counts,
            )
        }))
        .chain(results.by_unit.iter().map(|g| {
            (
                format!("Verksamhet: {}", group_name(&g.key, Lang::Sv)),
                &g.counts,
            )
        }));
    for (r, (name, c)) in (1u32..).zip(groups) {
        sheet.write_string(r, 0, &name)?;
        let counts: [usize; 8] = counts_row(c);
        for (col, n) in (1u16..).zip(counts) {
            #[allow(clippy::cast_precision_loss)] // counts of accounts
            sheet.write_number(r, col, n as f64)?;
        }
        if let Some(s) = c.in_time_share() {
            sheet.write_number_with_format(r, 9, s, percent)?;
        }
        if let Some((lo, hi)) = c.in_time_ci95() {
            sheet.write_number_with_format(r, 10, lo, percent)?;
            sheet.write_number_with_format(r, 11, hi, percent)?;
        }
    }
    sheet.set_column_width(0, 34)?;
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

fn counts_row(c: &Counts) -> [usize; 8] {
    [
        c.listed,
        c.excluded,
        c.audited,
        c.in_time,
        c.late,
        c.unanswered,
        c.pending,
        c.signed,
    ]
}

/// Write the workbook atomically.
pub fn export_xlsx(audit: &Audit, results: &Results, path: &Path) -> Result<(), FileError> {
    let bytes = to_xlsx(audit, results).map_err(|e| FileError::Serialize {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    write_export(path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::deadline::local;
    use crate::store::csv_import::parse_csv_bytes;

    #[test]
    fn export_reimports_to_the_same_register() {
        let csv = "konto;plattform;verksamhet;status;fråga;ställd;besvarad;signerad;anteckning\n\
                   Ekbacken;Facebook;Norr;aktivt;Q;2019-03-15 15:00;2019-03-18 10:00;ja;\"semi;kolon\"\n\
                   Ekbacken;Facebook;Norr;aktivt;Q2;2019-10-27 02:30;;;\n\
                   Stängd;Instagram;Söder;stängt;;;;;\n";
        let mut audit = Audit::default();
        audit.merge_accounts(parse_csv_bytes(csv.as_bytes()).unwrap().accounts);
        // The second 02:30 of the autumn night must survive the round trip.
        let second = local(2019, 10, 27, 2, 30).unwrap() + chrono::Duration::hours(1);
        audit.accounts[0].probes[1].answered_at = Some(second.fixed_offset());
        let results = Results::compute(&audit, local(2019, 12, 1, 0, 0).unwrap().to_utc());
        let bytes = to_csv(&audit, &results).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(
            text.contains("2019-03-18 10:00;ja;semi;kolon") || text.contains("\"semi;kolon\""),
            "{text}"
        );
        assert!(text.contains("2019-10-27T02:30:00+01:00"), "{text}");
        assert!(text.contains(";i tid;67,00;19,00"), "{text}");
        let back = parse_csv_bytes(&bytes).unwrap();
        let mut again = Audit::default();
        again.merge_accounts(back.accounts);
        assert_eq!(again.accounts, audit.accounts);
    }

    #[test]
    fn xlsx_has_a_log_and_a_results_sheet() {
        let csv = "konto;plattform;ställd;besvarad;signerad\nA;Facebook;2019-03-15 15:00;2019-03-18 10:00;ja\nB;X;2019-03-12 10:00;;\n";
        let mut audit = Audit::default();
        audit.merge_accounts(parse_csv_bytes(csv.as_bytes()).unwrap().accounts);
        let results = Results::compute(&audit, local(2019, 12, 1, 0, 0).unwrap().to_utc());
        let bytes = to_xlsx(&audit, &results).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut read = |name: &str| {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
            text
        };
        let book = read("xl/workbook.xml");
        assert!(
            book.contains("name=\"Logg\"") && book.contains("name=\"Resultat\""),
            "{book}"
        );
        let strings = read("xl/sharedStrings.xml");
        for s in [
            "Svarsfrist",
            "i tid",
            "obesvarad",
            "Plattform: Facebook",
            "Samtliga",
        ] {
            assert!(strings.contains(s), "{s} in {strings}");
        }
        let log = read("xl/worksheets/sheet1.xml");
        // Posted Fri 2019-03-15 15:00 is Excel serial 43539.625; 67 response hours as a number.
        assert!(log.contains("<v>43539.625</v>"), "{log}");
        assert!(log.contains("<v>67</v>"), "{log}");
        assert!(log.contains("autoFilter"), "{log}");
        let sheet = read("xl/worksheets/sheet2.xml");
        // Overall: 2 listed, 1 in time of 2 decided = 0.5.
        assert!(sheet.contains("<v>0.5</v>"), "{sheet}");
    }

    fn formula_audit() -> Audit {
        let mut audit = Audit::default();
        for (i, name) in [
            "=HYPERLINK(\"http://x\",\"klicka\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tflik",
            "'=redan citerad",
            "'vanlig apostrof",
        ]
        .into_iter()
        .enumerate()
        {
            audit.accounts.push(crate::core::Account {
                name: name.into(),
                unit: format!("=1+{i}"),
                probes: vec![crate::core::Probe {
                    question: "-fråga".into(),
                    note: "@not".into(),
                    posted_at: Some(local(2019, 3, 12, 10, 0).unwrap().fixed_offset()),
                    ..crate::core::Probe::default()
                }],
                ..crate::core::Account::default()
            });
        }
        audit
    }

    #[test]
    fn formulas_are_neutralised_in_csv_and_undone_on_import() {
        let audit = formula_audit();
        let results = Results::compute(&audit, local(2019, 12, 1, 0, 0).unwrap().to_utc());
        let bytes = to_csv(&audit, &results).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        for line in text.lines().skip(1) {
            let first = line.trim_start_matches('"');
            assert!(
                !first.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{line}"
            );
            for cell in line.split(';') {
                assert!(!cell.starts_with(['=', '+', '@']), "{cell} in {line}");
            }
        }
        assert!(text.contains("'=HYPERLINK"), "{text}");
        assert!(text.contains("''=redan citerad"), "{text}");
        assert!(
            text.contains(";'vanlig apostrof;") || text.contains("\n'vanlig apostrof;"),
            "{text}"
        );
        let back = parse_csv_bytes(&bytes).unwrap();
        let mut again = Audit::default();
        again.merge_accounts(back.accounts);
        let names = |a: &Audit| -> Vec<(String, String, String, String)> {
            a.accounts
                .iter()
                .map(|a| {
                    (
                        a.name.clone(),
                        a.unit.clone(),
                        a.probes[0].question.clone(),
                        a.probes[0].note.clone(),
                    )
                })
                .collect()
        };
        assert_eq!(names(&again), names(&audit));
    }

    #[test]
    fn xlsx_cells_are_strings_never_formulas() {
        let audit = formula_audit();
        let results = Results::compute(&audit, local(2019, 12, 1, 0, 0).unwrap().to_utc());
        let bytes = to_xlsx(&audit, &results).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut log = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
            &mut log,
        )
        .unwrap();
        assert!(!log.contains("<f>"), "no formula cells: {log}");
        let mut strings = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/sharedStrings.xml").unwrap(),
            &mut strings,
        )
        .unwrap();
        assert!(strings.contains("=HYPERLINK"), "{strings}");
    }
}
