//! Splitting an audit among several auditors (PRODUCT §8b, "Delgranskningar"): each part is a
//! whole, valid audit with the same metadata, criteria, texts, question bank and actions, and
//! only its share of the register. Every account goes to exactly one part.
//!
//! Each part carries a [`SplitOrigin`]: its number and its accounts as they were at the split.
//! That is what lets `core::merge` tell the part's own work from what was changed in the audit
//! since the split, so a merge never takes one for the other.

use super::model::{Account, Audit, Platform, SplitOrigin};
use super::results::GroupKey;

/// How to divide the register.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitBy {
    /// This many parts, balanced by the number of accounts to audit (the work), each a run of
    /// neighbouring accounts in the register.
    Count(usize),
    /// One part per unit (verksamhet), whole.
    Unit,
    /// One part per platform, whole.
    Platform,
}

/// What a part holds, for naming its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartKey {
    /// Part `n` (from 1) of a split by count.
    Number(usize),
    /// A unit's accounts ([`GroupKey::NoUnit`] for those that name none).
    Unit(GroupKey),
    Platform(Platform),
}

/// One part of a split audit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub key: PartKey,
    pub audit: Audit,
}

/// Why an audit cannot be split as asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The register is empty: there is nothing to share out.
    NoAccounts,
    /// `--parts 0`.
    NoParts,
    /// More parts than accounts to share: some part would get nothing to audit.
    TooManyParts { parts: usize, accounts: usize },
}

/// Split `audit` into parts: every account in exactly one part, in register order, everything
/// else in every part. A split by count balances the accounts to audit (selected and eligible;
/// all accounts when none is), with the accounts not audited kept beside their neighbours.
///
/// ```
/// use svarskoll::core::generated::generated_audit;
/// use svarskoll::core::split::{SplitBy, split};
/// let audit = generated_audit(90, 1, 1);
/// let parts = split(&audit, SplitBy::Count(3)).unwrap();
/// assert_eq!(parts.len(), 3);
/// let total: usize = parts.iter().map(|p| p.audit.accounts.len()).sum();
/// assert_eq!(total, 90);
/// assert_eq!(parts[1].audit.split.as_ref().map(|s| (s.part, s.parts)), Some((2, 3)));
/// ```
///
/// # Errors
/// An empty register, no parts, or more parts than accounts to share.
pub fn split(audit: &Audit, by: SplitBy) -> Result<Vec<Part>, SplitError> {
    if audit.accounts.is_empty() {
        return Err(SplitError::NoAccounts);
    }
    let shares: Vec<(PartKey, Vec<&Account>)> = match by {
        SplitBy::Count(n) => by_count(audit, n)?,
        SplitBy::Unit => grouped(audit, |a| PartKey::Unit(GroupKey::unit(&a.unit))),
        SplitBy::Platform => grouped(audit, |a| PartKey::Platform(a.platform)),
    };
    let parts = u32::try_from(shares.len()).unwrap_or(u32::MAX);
    Ok(shares
        .into_iter()
        .enumerate()
        .map(|(i, (key, accounts))| {
            let accounts: Vec<Account> = accounts.into_iter().cloned().collect();
            let mut part = everything_but_the_register(audit);
            part.split = Some(SplitOrigin {
                part: u32::try_from(i + 1).unwrap_or(u32::MAX),
                parts,
                accounts: accounts.clone(),
            });
            part.accounts = accounts;
            Part { key, audit: part }
        })
        .collect())
}

/// `n` runs of neighbouring accounts with the accounts to audit shared out evenly (their
/// numbers differ by at most one).
fn by_count(audit: &Audit, n: usize) -> Result<Vec<(PartKey, Vec<&Account>)>, SplitError> {
    if n == 0 {
        return Err(SplitError::NoParts);
    }
    let audited = audit
        .accounts
        .iter()
        .filter(|a| audit.is_audited(a))
        .count();
    // The work to share: the accounts to audit, or every account when none is chosen yet.
    let counts = |a: &Account| audited == 0 || audit.is_audited(a);
    let work = if audited == 0 {
        audit.accounts.len()
    } else {
        audited
    };
    if n > work {
        return Err(SplitError::TooManyParts {
            parts: n,
            accounts: work,
        });
    }
    let mut shares: Vec<(PartKey, Vec<&Account>)> =
        (1..=n).map(|k| (PartKey::Number(k), Vec::new())).collect();
    let mut done = 0;
    for account in &audit.accounts {
        // Part k takes the counted accounts from k·work/n up to (k+1)·work/n; an account not
        // counted stays with the part of the next counted one (the last part at the end).
        let part = ((done * n) / work).min(n - 1);
        shares[part].1.push(account);
        done += usize::from(counts(account));
    }
    Ok(shares)
}

/// One part per distinct key, in the key's order (units by name, those without one first;
/// platforms in their order), each with its accounts in register order.
fn grouped(audit: &Audit, key: impl Fn(&Account) -> PartKey) -> Vec<(PartKey, Vec<&Account>)> {
    let mut groups: std::collections::BTreeMap<SortKey, Vec<&Account>> =
        std::collections::BTreeMap::new();
    for account in &audit.accounts {
        groups
            .entry(SortKey(key(account)))
            .or_default()
            .push(account);
    }
    groups.into_iter().map(|(k, v)| (k.0, v)).collect()
}

/// A part key in the order parts are numbered.
#[derive(PartialEq, Eq)]
struct SortKey(PartKey);

impl Ord for SortKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let rank = |k: &PartKey| match k {
            PartKey::Number(n) => (0, *n, None, None),
            PartKey::Unit(u) => (1, 0, Some(u.clone()), None),
            PartKey::Platform(p) => (2, 0, None, Some(*p)),
        };
        rank(&self.0).cmp(&rank(&other.0))
    }
}

impl PartialOrd for SortKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// A copy of `audit` without its register and without a split marker: every field named, so a
/// field added to [`Audit`] must be decided on here.
fn everything_but_the_register(audit: &Audit) -> Audit {
    let Audit {
        version,
        template,
        template_criteria,
        meta,
        criteria,
        risk,
        texts,
        report,
        question_bank,
        sample,
        accounts: _,
        actions,
        review,
        earlier,
        split: _,
    } = audit;
    Audit {
        version: *version,
        template: template.clone(),
        template_criteria: template_criteria.clone(),
        meta: meta.clone(),
        criteria: criteria.clone(),
        risk: risk.clone(),
        texts: texts.clone(),
        report: report.clone(),
        question_bank: question_bank.clone(),
        sample: sample.clone(),
        accounts: Vec::new(),
        actions: actions.clone(),
        review: review.clone(),
        earlier: earlier.clone(),
        split: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::generated::generated_audit;
    use crate::core::{AccountId, AccountStatus};

    fn numbered(accounts: usize) -> Audit {
        let mut audit = generated_audit(accounts, 1, 3);
        for (i, a) in audit.accounts.iter_mut().enumerate() {
            a.id = AccountId(i as u64 + 1);
        }
        audit
    }

    fn ids(part: &Part) -> Vec<u64> {
        part.audit.accounts.iter().map(|a| a.id.0).collect()
    }

    #[test]
    fn a_split_by_count_shares_the_work_evenly_in_register_order() {
        let audit = numbered(100);
        for n in [1, 2, 3, 7, 8] {
            let parts = split(&audit, SplitBy::Count(n)).unwrap();
            assert_eq!(parts.len(), n);
            let all: Vec<u64> = parts.iter().flat_map(ids).collect();
            assert_eq!(
                all,
                (1..=100).collect::<Vec<_>>(),
                "every account once, in order"
            );
            let work: Vec<usize> = parts
                .iter()
                .map(|p| {
                    p.audit
                        .accounts
                        .iter()
                        .filter(|a| audit.is_audited(a))
                        .count()
                })
                .collect();
            let (min, max) = (work.iter().min().unwrap(), work.iter().max().unwrap());
            assert!(max - min <= 1, "{n} parts: {work:?}");
            for (i, part) in parts.iter().enumerate() {
                assert_eq!(part.key, PartKey::Number(i + 1));
                let origin = part.audit.split.as_ref().unwrap();
                assert_eq!((origin.part, origin.parts), (i as u32 + 1, n as u32));
                assert_eq!(origin.accounts, part.audit.accounts);
                assert_eq!(part.audit.meta, audit.meta);
                assert_eq!(part.audit.criteria, audit.criteria);
            }
        }
    }

    #[test]
    fn without_a_sample_every_account_is_work() {
        let mut audit = numbered(10);
        for a in &mut audit.accounts {
            a.selected = false;
        }
        let parts = split(&audit, SplitBy::Count(5)).unwrap();
        assert!(parts.iter().all(|p| p.audit.accounts.len() == 2));
    }

    #[test]
    fn units_and_platforms_stay_whole() {
        let mut audit = numbered(30);
        audit.accounts[0].unit = "  ".into();
        let parts = split(&audit, SplitBy::Unit).unwrap();
        assert_eq!(parts[0].key, PartKey::Unit(GroupKey::NoUnit));
        assert_eq!(ids(&parts[0]), [1]);
        let mut seen = std::collections::HashSet::new();
        for part in &parts {
            let PartKey::Unit(key) = &part.key else {
                panic!("{:?}", part.key)
            };
            assert!(seen.insert(key.clone()));
            assert!(
                part.audit
                    .accounts
                    .iter()
                    .all(|a| GroupKey::unit(&a.unit) == *key)
            );
        }
        assert_eq!(
            parts.iter().map(|p| p.audit.accounts.len()).sum::<usize>(),
            30
        );
        let parts = split(&audit, SplitBy::Platform).unwrap();
        let keys: Vec<_> = parts.iter().map(|p| p.key.clone()).collect();
        assert_eq!(
            keys,
            [
                PartKey::Platform(Platform::Facebook),
                PartKey::Platform(Platform::Instagram),
                PartKey::Platform(Platform::X)
            ]
        );
        assert!(
            parts[2]
                .audit
                .accounts
                .iter()
                .all(|a| a.platform == Platform::X)
        );
    }

    #[test]
    fn impossible_splits_are_refused() {
        assert_eq!(
            split(&Audit::default(), SplitBy::Unit),
            Err(SplitError::NoAccounts)
        );
        let mut audit = numbered(4);
        assert_eq!(split(&audit, SplitBy::Count(0)), Err(SplitError::NoParts));
        for a in &mut audit.accounts {
            a.status = AccountStatus::Active;
            a.selected = true;
        }
        audit.accounts[3].selected = false;
        assert_eq!(
            split(&audit, SplitBy::Count(4)),
            Err(SplitError::TooManyParts {
                parts: 4,
                accounts: 3
            })
        );
    }
}
