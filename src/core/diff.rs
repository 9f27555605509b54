//! Where two versions of an audit differ, for saying what an undo step undoes.

use super::model::Audit;

/// The first place where two versions of an audit differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeSpot {
    /// Metadata (title, committee, period, auditors, …).
    Meta,
    /// The deadline rule, signature requirement, platforms or the account review's checklist.
    Criteria,
    /// The risk, the report's texts or the question bank.
    Texts,
    Actions,
    /// How the report is made (its settings: the evidence appendix).
    Report,
    Sample,
    /// Accounts added or removed.
    Register,
    /// A field of account `index` (its position in the later version).
    Account {
        index: usize,
        field: &'static str,
    },
    /// A field of a probe; `field` as named in the audit file.
    Probe {
        account: usize,
        probe: usize,
        field: &'static str,
    },
    /// Probes added to or removed from account `index`.
    Probes {
        index: usize,
    },
    /// `count` accounts changed at once (an import, questions assigned).
    Accounts {
        count: usize,
    },
    Other,
}

/// Where `before` and `after` first differ (`None` when they are equal).
///
/// ```
/// use svarskoll::core::{Account, Audit, Probe, diff::{ChangeSpot, where_changed}};
/// let mut a = Audit::default();
/// a.accounts.push(Account { probes: vec![Probe::default()], ..Account::default() });
/// let mut b = a.clone();
/// b.accounts[0].probes[0].signed = Some(true);
/// assert_eq!(
///     where_changed(&a, &b),
///     Some(ChangeSpot::Probe { account: 0, probe: 0, field: "signed" })
/// );
/// ```
#[must_use]
pub fn where_changed(before: &Audit, after: &Audit) -> Option<ChangeSpot> {
    if before == after {
        return None;
    }
    if before.accounts.len() != after.accounts.len() {
        return Some(ChangeSpot::Register);
    }
    // One step that changed several accounts: applying a sample (only which are chosen) or an
    // import; naming the first account would misdescribe it.
    let changed: Vec<_> = before
        .accounts
        .iter()
        .zip(&after.accounts)
        .filter(|(a, b)| a != b)
        .collect();
    if changed.len() > 1 {
        let only_selection = changed.iter().all(|(a, b)| {
            let mut a = (*a).clone();
            a.selected = b.selected;
            a == **b
        });
        return Some(if only_selection {
            ChangeSpot::Sample
        } else {
            ChangeSpot::Accounts {
                count: changed.len(),
            }
        });
    }
    for (index, (a, b)) in before.accounts.iter().zip(&after.accounts).enumerate() {
        if a == b {
            continue;
        }
        let fields: [(&'static str, bool); 8] = [
            ("name", a.name != b.name),
            ("platform", a.platform != b.platform),
            ("unit", a.unit != b.unit),
            ("url", a.url != b.url),
            ("status", a.status != b.status),
            ("exclusion_note", a.exclusion_note != b.exclusion_note),
            ("selected", a.selected != b.selected),
            ("review", a.review != b.review),
        ];
        if let Some((field, _)) = fields.iter().find(|(_, changed)| *changed) {
            return Some(ChangeSpot::Account { index, field });
        }
        if a.probes.len() != b.probes.len() {
            return Some(ChangeSpot::Probes { index });
        }
        for (probe, (p, q)) in a.probes.iter().zip(&b.probes).enumerate() {
            let fields: [(&'static str, bool); 6] = [
                ("question", p.question != q.question),
                ("posted_at", p.posted_at != q.posted_at),
                ("answered_at", p.answered_at != q.answered_at),
                ("signed", p.signed != q.signed),
                ("note", p.note != q.note),
                ("evidence", p.evidence != q.evidence),
            ];
            if let Some((field, _)) = fields.iter().find(|(_, changed)| *changed) {
                return Some(ChangeSpot::Probe {
                    account: index,
                    probe,
                    field,
                });
            }
        }
    }
    Some(if before.meta != after.meta {
        ChangeSpot::Meta
    } else if before.criteria != after.criteria || before.review != after.review {
        ChangeSpot::Criteria
    } else if before.risk != after.risk
        || before.texts != after.texts
        || before.question_bank != after.question_bank
    {
        ChangeSpot::Texts
    } else if before.actions != after.actions {
        ChangeSpot::Actions
    } else if before.report != after.report {
        ChangeSpot::Report
    } else if before.sample != after.sample {
        ChangeSpot::Sample
    } else {
        ChangeSpot::Other
    })
}
