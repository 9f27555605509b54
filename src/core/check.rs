//! Validation of an audit: the problems `svarskoll check` and the GUI list.
//!
//! Problems are types (where, which field, what kind, with its data); the words are chosen at the
//! edge in the reader's language (`crate::i18n::problem_text`).

use super::model::{Audit, Platform, Stamp};
use super::rules::{TimeField, TimeOrder, is_future, time_order};
use chrono::{DateTime, Utc};
use std::collections::HashSet;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The results would be wrong or the file is inconsistent.
    Error,
    /// Worth a look; results are still computed.
    Warning,
}

/// Where a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// The audit's criteria.
    Criteria,
    /// An account of the register (`index` counts from 0).
    Account {
        index: usize,
        name: String,
        platform: Platform,
    },
    /// One probe of an account (`probe` counts from 0).
    Probe {
        index: usize,
        name: String,
        platform: Platform,
        probe: usize,
    },
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// `hours` is 0.
    ZeroHours,
    /// `max_days` is 0.
    ZeroMaxDays,
    NoPlatformsInScope,
    AccountWithoutName,
    DuplicateAccount,
    /// Selected and eligible, but no question posted.
    AuditedButNothingPosted,
    /// Questions posted to an account that does not count.
    PostedButNotAudited,
    /// A time order rule broken (answered without posted, answered before posted).
    TimeOrder(TimeOrder),
    /// A time after "now".
    InFuture(TimeField),
    /// "Signed" given for a question not answered.
    SignedButUnanswered,
    /// An evidence path leaving the evidence folder.
    EvidenceOutside {
        path: String,
    },
}

/// One problem, naming where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub location: Location,
    /// The field, as named in the audit file (`answered_at`, …).
    pub field: &'static str,
    pub kind: ProblemKind,
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

/// Whether any problem is an error: results, the report and the exports are refused then (their
/// figures would be wrong); warnings do not block.
///
/// ```
/// use svarskoll::core::{Audit, check::{check, has_errors}};
/// assert!(!has_errors(&check(&Audit::default(), chrono::Utc::now())));
/// ```
#[must_use]
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

/// Every problem in `audit`; `now` is used to flag times in the future.
#[must_use]
pub fn check(audit: &Audit, now: DateTime<Utc>) -> Vec<Problem> {
    use ProblemKind as K;
    use Severity::{Error, Warning};
    let mut problems = Vec::new();
    let mut push = |severity, location: &Location, field, kind| {
        problems.push(Problem {
            severity,
            location: location.clone(),
            field,
            kind,
        });
    };
    let rule = &audit.criteria.deadline;
    let criteria = Location::Criteria;
    if rule.hours == 0 {
        push(Error, &criteria, "hours", K::ZeroHours);
    }
    if rule.max_days == Some(0) {
        push(Error, &criteria, "max_days", K::ZeroMaxDays);
    }
    if audit.criteria.platforms_in_scope.is_empty() {
        push(
            Error,
            &criteria,
            "platforms_in_scope",
            K::NoPlatformsInScope,
        );
    }
    let mut seen = HashSet::new();
    for (index, account) in audit.accounts.iter().enumerate() {
        let here = Location::Account {
            index,
            name: account.name.clone(),
            platform: account.platform,
        };
        if account.name.trim().is_empty() {
            push(Error, &here, "name", K::AccountWithoutName);
        }
        if !seen.insert((account.name.trim().to_lowercase(), account.platform)) {
            push(Error, &here, "name", K::DuplicateAccount);
        }
        let audited = audit.is_audited(account);
        if audited && account.probes.iter().all(|p| p.posted_at.is_none()) {
            push(Warning, &here, "probes", K::AuditedButNothingPosted);
        }
        if !audited && account.probes.iter().any(|p| p.posted_at.is_some()) {
            push(Warning, &here, "status", K::PostedButNotAudited);
        }
        for (j, probe) in account.probes.iter().enumerate() {
            let at = Location::Probe {
                index,
                name: account.name.clone(),
                platform: account.platform,
                probe: j,
            };
            if let Err(order) = time_order(probe.posted_at, probe.answered_at) {
                push(Error, &at, "answered_at", K::TimeOrder(order));
            }
            for (field, t) in [
                (TimeField::Posted, probe.posted_at),
                (TimeField::Answered, probe.answered_at),
            ] {
                if t.is_some_and(|t: Stamp| is_future(&t, now)) {
                    push(Warning, &at, field.key(), K::InFuture(field));
                }
            }
            if probe.signed.is_some() && probe.answered_at.is_none() {
                push(Warning, &at, "signed", K::SignedButUnanswered);
            }
            for path in &probe.evidence {
                if !evidence_path_is_safe(path) {
                    push(
                        Error,
                        &at,
                        "evidence",
                        K::EvidenceOutside { path: path.clone() },
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
        let text: Vec<String> = problems
            .iter()
            .map(|p| crate::i18n::problem_text(p, crate::core::Lang::Sv))
            .collect();
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
