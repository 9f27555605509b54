//! Validation of an audit: the problems `svarskoll check` and the GUI list.

use super::model::Audit;
use chrono::{DateTime, Utc};
use std::collections::HashSet;
use std::fmt;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The results would be wrong or the file is inconsistent.
    Error,
    /// Worth a look; results are still computed.
    Warning,
}

/// One problem, naming where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// "konto 3 'Åbyskolan' (Facebook), fråga 2" or "kriterier".
    pub location: String,
    /// The field, as named in the audit file (`answered_at`, …).
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "fel",
            Severity::Warning => "varning",
        };
        write!(
            f,
            "{kind}: {}, {}: {}",
            self.location, self.field, self.message
        )
    }
}

/// Whether a relative evidence path stays inside the evidence folder.
#[must_use]
pub fn evidence_path_is_safe(path: &str) -> bool {
    let p = std::path::Path::new(path);
    !path.trim().is_empty()
        && p.components().all(|c| {
            matches!(
                c,
                std::path::Component::Normal(_) | std::path::Component::CurDir
            )
        })
}

/// Every problem in `audit`; `now` is used to flag times in the future.
#[must_use]
pub fn check(audit: &Audit, now: DateTime<Utc>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |severity, location: String, field, message: String| {
        problems.push(Problem {
            severity,
            location,
            field,
            message,
        });
    };
    let rule = &audit.criteria.deadline;
    if rule.hours == 0 {
        push(
            Severity::Error,
            "kriterier".into(),
            "hours",
            "svarsfristen är 0 timmar".into(),
        );
    }
    if rule.max_days == Some(0) {
        push(
            Severity::Error,
            "kriterier".into(),
            "max_days",
            "max_days är 0 dagar".into(),
        );
    }
    if audit.criteria.platforms_in_scope.is_empty() {
        push(
            Severity::Error,
            "kriterier".into(),
            "platforms_in_scope",
            "inga plattformar ingår i granskningen".into(),
        );
    }
    let mut seen = HashSet::new();
    for (i, account) in audit.accounts.iter().enumerate() {
        let here = format!("konto {} '{}' ({})", i + 1, account.name, account.platform);
        if account.name.trim().is_empty() {
            push(
                Severity::Error,
                here.clone(),
                "name",
                "kontot saknar namn".into(),
            );
        }
        if !seen.insert((account.name.trim().to_lowercase(), account.platform)) {
            push(
                Severity::Error,
                here.clone(),
                "name",
                "samma konto finns två gånger i registret".into(),
            );
        }
        let audited = audit.is_audited(account);
        if audited && account.probes.iter().all(|p| p.posted_at.is_none()) {
            push(
                Severity::Warning,
                here.clone(),
                "probes",
                "kontot ingår i granskningen men ingen fråga är ställd".into(),
            );
        }
        if !audited && account.probes.iter().any(|p| p.posted_at.is_some()) {
            push(
                Severity::Warning,
                here.clone(),
                "status",
                "kontot har ställda frågor men ingår inte i granskningen, så de räknas inte".into(),
            );
        }
        for (j, probe) in account.probes.iter().enumerate() {
            let at = format!("{here}, fråga {}", j + 1);
            match (probe.posted_at, probe.answered_at) {
                (None, Some(_)) => push(
                    Severity::Error,
                    at.clone(),
                    "answered_at",
                    "besvarad men aldrig ställd".into(),
                ),
                (Some(p), Some(a)) if a < p => push(
                    Severity::Error,
                    at.clone(),
                    "answered_at",
                    format!("besvarad ({a}) före ställd ({p})"),
                ),
                _ => {}
            }
            for (field, t) in [
                ("posted_at", probe.posted_at),
                ("answered_at", probe.answered_at),
            ] {
                if t.is_some_and(|t| t > now) {
                    push(
                        Severity::Warning,
                        at.clone(),
                        field,
                        "tiden ligger i framtiden".into(),
                    );
                }
            }
            if probe.signed.is_some() && probe.answered_at.is_none() {
                push(
                    Severity::Warning,
                    at.clone(),
                    "signed",
                    "signering angiven men frågan är inte besvarad".into(),
                );
            }
            for path in &probe.evidence {
                if !evidence_path_is_safe(path) {
                    push(
                        Severity::Error,
                        at.clone(),
                        "evidence",
                        format!("sökvägen '{path}' pekar utanför bevismappen"),
                    );
                }
            }
        }
    }
    problems.sort_by_key(|p| p.severity);
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::deadline::local;
    use crate::core::{Account, Probe};

    #[test]
    fn finds_the_usual_mistakes() {
        let t = |d, h| Some(local(2019, 3, d, h, 0).unwrap().fixed_offset());
        let mut audit = Audit::default();
        audit.accounts.push(Account {
            name: "A".into(),
            probes: vec![
                Probe {
                    posted_at: t(12, 10),
                    answered_at: t(11, 10),
                    ..Probe::default()
                },
                Probe {
                    answered_at: t(11, 10),
                    ..Probe::default()
                },
                Probe {
                    posted_at: t(12, 10),
                    evidence: vec!["../../etc/passwd".into()],
                    ..Probe::default()
                },
            ],
            ..Account::default()
        });
        audit.accounts.push(Account {
            name: "a".into(),
            ..Account::default()
        });
        let now = local(2019, 3, 20, 0, 0).unwrap().to_utc();
        let problems = check(&audit, now);
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            text.iter()
                .any(|t| t.contains("fråga 1, answered_at: besvarad")),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("fråga 2, answered_at: besvarad men aldrig ställd"))
        );
        assert!(text.iter().any(|t| t.contains("fråga 3, evidence")));
        assert!(
            text.iter()
                .any(|t| t.contains("konto 2 'a' (Facebook), name: samma konto"))
        );
        assert!(
            text.iter().any(|t| t.starts_with("varning: konto 2")),
            "{text:#?}"
        );
        assert_eq!(
            problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .count(),
            4
        );
        assert!(evidence_path_is_safe("skärmdump 1.png"));
        assert!(evidence_path_is_safe("a/b.png"));
        assert!(!evidence_path_is_safe("/tmp/x.png"));
    }
}
