//! CSV export for Excel: one row per probe (an account without probes gets one row), with the
//! computed deadline, outcome and response times. The file re-imports losslessly: the importer
//! reads the same columns and skips the computed ones.

use super::audit_file::{StoreError, write_export};
use crate::core::localtime::{ZONE, format_local};
use crate::core::results::Results;
use crate::core::swedish::decimal;
use crate::core::{Audit, Stamp};
use chrono::{LocalResult, TimeZone};
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

/// A stamp as `YYYY-MM-DD HH:MM`, or RFC 3339 where the local time is the second of the autumn's
/// repeated hour (a plain local time would re-import as the first).
fn stamp_text(t: &Stamp) -> String {
    let local = t.with_timezone(&ZONE);
    match ZONE.from_local_datetime(&local.naive_local()) {
        LocalResult::Ambiguous(first, _) if first != local => t.to_rfc3339(),
        _ => format_local(t),
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
        for (ai, account) in audit.accounts.iter().enumerate() {
            let base = [
                account.name.clone(),
                account.platform.label().to_owned(),
                account.unit.clone(),
                account.url.clone(),
                account
                    .status
                    .label_sv()
                    .split(' ')
                    .next()
                    .unwrap_or("")
                    .to_owned(),
            ];
            if account.probes.is_empty() {
                w.write_record(
                    base.iter()
                        .cloned()
                        .chain(std::iter::repeat_n(String::new(), 9)),
                )?;
                continue;
            }
            for (pi, probe) in account.probes.iter().enumerate() {
                let evaluated = results
                    .probes
                    .iter()
                    .find(|p| p.account_index == ai && p.probe_index == pi);
                let computed: [String; 4] = evaluated.map_or_else(Default::default, |p| {
                    let e = &p.evaluation;
                    [
                        e.deadline.map(|d| format_local(&d)).unwrap_or_default(),
                        e.outcome.label_sv().to_owned(),
                        e.response_hours.map(|h| decimal(h, 2)).unwrap_or_default(),
                        e.response_working_hours
                            .map(|h| decimal(h, 2))
                            .unwrap_or_default(),
                    ]
                });
                let signed = match probe.signed {
                    Some(true) => "ja",
                    Some(false) => "nej",
                    None => "",
                };
                let row = [
                    probe.question.clone(),
                    probe.posted_at.as_ref().map(stamp_text).unwrap_or_default(),
                    probe
                        .answered_at
                        .as_ref()
                        .map(stamp_text)
                        .unwrap_or_default(),
                    signed.to_owned(),
                    probe.note.clone(),
                ];
                w.write_record(base.iter().chain(row.iter()).chain(computed.iter()))?;
            }
        }
        w.flush()?;
    }
    Ok(out)
}

/// Write the CSV export atomically.
pub fn export_csv(audit: &Audit, results: &Results, path: &Path) -> Result<(), StoreError> {
    let bytes = to_csv(audit, results).map_err(|e| StoreError::Serialize {
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
}
