//! The follow-up audit (uppföljning): next year's audit started from this one.

use super::model::{Account, Audit, AuditMeta, EarlierAudit, ReportTexts};
use super::results::Results;
use super::rules::YEAR;
use chrono::{DateTime, Datelike, Utc};

/// Next year's audit from `audit`, whose `results` (as of its closing time) become its latest
/// earlier audit. Carried: the register (each account with its id, status and selection, without
/// probes), criteria, risk, report texts, question bank, sample settings and the actions with
/// their status and follow-up text ("Genomförda åtgärder"), for the auditor to update. Cleared:
/// what belongs to the year just done (its closing time, report date, diary number and the
/// texts that discuss its figures: the results note, analysis and conclusion). A year in the
/// title or period is moved to `year`.
///
/// ```
/// use chrono::TimeZone;
/// use svarskoll::core::{Account, Audit, Probe, Results, followup::followup};
/// let mut audit = Audit::default();
/// audit.meta.year = 2019;
/// audit.meta.title = "Uppföljning av internkontrollplan 2019".into();
/// audit.accounts.push(Account { probes: vec![Probe::default()], ..Account::default() });
/// let results = Results::compute(&audit, chrono::Utc.with_ymd_and_hms(2019, 6, 1, 0, 0, 0).unwrap());
/// let next = followup(&audit, &results, 2020);
/// assert_eq!(next.meta.title, "Uppföljning av internkontrollplan 2020");
/// assert!(next.accounts[0].probes.is_empty());
/// assert_eq!(next.earlier.last().map(|e| e.year), Some(Some(2019)));
/// ```
#[must_use]
pub fn followup(audit: &Audit, results: &Results, year: i32) -> Audit {
    let old_year = audit.meta.year;
    let moved = |text: &str| {
        if old_year > 0 {
            text.replace(&old_year.to_string(), &year.to_string())
        } else {
            text.to_owned()
        }
    };
    let mut earlier = audit.earlier.clone();
    earlier.push(EarlierAudit::from_results(audit, results));
    Audit {
        meta: AuditMeta {
            title: moved(&audit.meta.title),
            period: moved(&audit.meta.period),
            year,
            diary_number: String::new(),
            report_date: None,
            closed_at: None,
            ..audit.meta.clone()
        },
        texts: ReportTexts {
            results_note: String::new(),
            analysis: String::new(),
            conclusion: String::new(),
            ..audit.texts.clone()
        },
        accounts: audit
            .accounts
            .iter()
            .map(|a| Account {
                probes: Vec::new(),
                ..a.clone()
            })
            .collect(),
        earlier,
        ..audit.clone()
    }
}

/// The follow-up's year when none is given: the year after the audit's, else the year after
/// `now`'s (in Sweden), kept within the years a file may hold.
#[must_use]
pub fn default_year(audit: &Audit, now: DateTime<Utc>) -> i32 {
    let base = if audit.meta.year > 0 {
        audit.meta.year
    } else {
        now.with_timezone(&super::localtime::ZONE).year()
    };
    (base + 1).clamp(*YEAR.start(), *YEAR.end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{Action, ActionStatus, Probe, ProbeId};
    use chrono::TimeZone;

    #[test]
    fn the_follow_up_keeps_the_register_and_actions_and_adds_this_audit_to_the_earlier_ones() {
        let mut audit = Audit::default();
        audit.meta.year = 2023;
        audit.meta.period = "2023".into();
        audit.meta.closed_at = Some(
            chrono::FixedOffset::east_opt(3600)
                .unwrap()
                .with_ymd_and_hms(2023, 3, 31, 12, 0, 0)
                .unwrap(),
        );
        audit.texts.analysis = "Analysen av 2023".into();
        audit.texts.method = "Metoden".into();
        audit.question_bank = vec!["Hur söker man?".into()];
        audit.earlier.push(EarlierAudit {
            label: "2016".into(),
            audited: 48,
            in_time: 14,
            ..EarlierAudit::default()
        });
        audit.accounts.push(Account {
            name: "Biblioteket".into(),
            probes: vec![Probe {
                id: ProbeId(9),
                ..Probe::default()
            }],
            ..Account::default()
        });
        audit.assign_missing_ids(|| 42);
        audit.actions.push(Action {
            title: "Rutiner".into(),
            status: ActionStatus::InProgress,
            follow_up: "Rutin antagen".into(),
            ..Action::default()
        });
        let results = Results::compute(&audit, Utc.with_ymd_and_hms(2023, 4, 1, 0, 0, 0).unwrap());
        let next = followup(&audit, &results, 2024);
        assert_eq!(next.meta.year, 2024);
        assert_eq!(next.meta.period, "2024");
        assert_eq!(next.meta.closed_at, None);
        assert_eq!(next.accounts[0].id, audit.accounts[0].id);
        assert!(next.accounts.iter().all(|a| a.probes.is_empty()));
        assert_eq!(next.actions, audit.actions);
        assert_eq!(next.question_bank, audit.question_bank);
        assert_eq!(next.texts.method, "Metoden");
        assert_eq!(next.texts.analysis, "");
        assert_eq!(next.earlier.len(), 2);
        assert_eq!(next.earlier[0], audit.earlier[0]);
        let carried = &next.earlier[1];
        assert_eq!(carried.year, Some(2023));
        assert_eq!(carried.audited as usize, results.overall.decided());
        assert_eq!(carried.in_time as usize, results.overall.in_time);
    }

    #[test]
    fn the_default_year_follows_the_audit_else_now() {
        let now = Utc.with_ymd_and_hms(2025, 12, 31, 23, 30, 0).unwrap();
        let mut audit = Audit::default();
        assert_eq!(default_year(&audit, now), 2027, "already 2026 in Sweden");
        audit.meta.year = 2019;
        assert_eq!(default_year(&audit, now), 2020);
    }
}
