//! Choosing which accounts to test, and which question each gets.

use super::model::{Audit, Platform, SampleMode};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;

/// Apply `audit.sample` to the register: set `selected` on every eligible account.
///
/// `All` selects every eligible account; `Random` draws `size` of them (or `size` per platform)
/// with ChaCha8 seeded by `seed`, so the same seed always gives the same draw on every machine;
/// `Manual` leaves the selection as the auditor set it. Excluded accounts are never selected.
/// Returns how many accounts are selected.
///
/// ```
/// use svarskoll::core::{Audit, Account, SampleMode, sample::apply_sample};
/// let mut audit = Audit::default();
/// audit.accounts = (0..10).map(|i| Account { name: format!("K{i}"), ..Account::default() }).collect();
/// audit.sample.mode = SampleMode::Random;
/// audit.sample.size = 3;
/// audit.sample.seed = 42;
/// assert_eq!(apply_sample(&mut audit), 3);
/// ```
pub fn apply_sample(audit: &mut Audit) -> usize {
    let eligible: Vec<usize> = (0..audit.accounts.len())
        .filter(|&i| audit.exclusion(&audit.accounts[i]).is_none())
        .collect();
    for (i, account) in audit.accounts.iter_mut().enumerate() {
        if !eligible.contains(&i) {
            account.selected = false;
        }
    }
    match audit.sample.mode {
        SampleMode::Manual => {}
        SampleMode::All => {
            for &i in &eligible {
                audit.accounts[i].selected = true;
            }
        }
        SampleMode::Random => {
            let size = audit.sample.size as usize;
            let mut rng = ChaCha8Rng::seed_from_u64(audit.sample.seed);
            let mut groups: BTreeMap<Option<Platform>, Vec<usize>> = BTreeMap::new();
            for &i in &eligible {
                let key = audit
                    .sample
                    .per_platform
                    .then_some(audit.accounts[i].platform);
                groups.entry(key).or_default().push(i);
            }
            for &i in &eligible {
                audit.accounts[i].selected = false;
            }
            for members in groups.values_mut() {
                members.shuffle(&mut rng);
                for &i in members.iter().take(size) {
                    audit.accounts[i].selected = true;
                }
            }
        }
    }
    audit.accounts.iter().filter(|a| a.selected).count()
}

/// The question for an account's next probe: the first question of the bank this account has
/// not been asked yet, else the one after its last question; empty when the bank is.
///
/// ```
/// use svarskoll::core::{Account, Audit, Probe, sample::next_question};
/// let mut audit = Audit::default();
/// audit.question_bank = vec!["A?".into(), "B?".into()];
/// audit.accounts.push(Account {
///     probes: vec![Probe { question: "A?".into(), ..Probe::default() }],
///     ..Account::default()
/// });
/// assert_eq!(next_question(&audit, 0), "B?");
/// ```
#[must_use]
pub fn next_question(audit: &Audit, account: usize) -> String {
    let bank = &audit.question_bank;
    let Some(account) = audit.accounts.get(account) else {
        return String::new();
    };
    let asked = |q: &String| account.probes.iter().any(|p| p.question.trim() == q.trim());
    if let Some(fresh) = bank.iter().find(|q| !asked(q)) {
        return fresh.clone();
    }
    let last = account
        .probes
        .iter()
        .rev()
        .find_map(|p| bank.iter().position(|q| q.trim() == p.question.trim()));
    match last {
        Some(i) => bank[(i + 1) % bank.len()].clone(),
        None => bank.first().cloned().unwrap_or_default(),
    }
}

/// Give every selected account without a question one from the question bank, so that
/// neighbouring accounts in the register (and accounts of the same unit, where the bank allows)
/// get different questions. Returns how many probes were created or filled in.
pub fn assign_questions(audit: &mut Audit) -> usize {
    let bank = audit.question_bank.clone();
    if bank.is_empty() {
        return 0;
    }
    let mut changed = 0;
    let mut next = 0usize;
    let mut last_by_unit: BTreeMap<String, usize> = BTreeMap::new();
    let mut previous: Option<usize> = None;
    for i in 0..audit.accounts.len() {
        if !audit.is_audited(&audit.accounts[i]) {
            continue;
        }
        let unit = audit.accounts[i].unit.clone();
        let account = &mut audit.accounts[i];
        if account.probes.is_empty() {
            account.probes.push(super::model::Probe::default());
        }
        for probe in &mut account.probes {
            if !probe.question.trim().is_empty() {
                previous = bank.iter().position(|q| *q == probe.question);
                continue;
            }
            // Step through the bank, skipping the question the neighbour or the unit just got.
            let mut pick = next % bank.len();
            for _ in 0..bank.len() {
                let clash = Some(pick) == previous || last_by_unit.get(&unit) == Some(&pick);
                if !clash {
                    break;
                }
                pick = (pick + 1) % bank.len();
            }
            probe.question.clone_from(&bank[pick]);
            previous = Some(pick);
            last_by_unit.insert(unit.clone(), pick);
            next = pick + 1;
            changed += 1;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{Account, AccountStatus};

    fn register() -> Audit {
        let mut audit = Audit::default();
        for i in 0..30 {
            audit.accounts.push(Account {
                name: format!("K{i}"),
                platform: [Platform::Facebook, Platform::Instagram, Platform::X][i % 3],
                unit: format!("U{}", i % 4),
                status: if i % 10 == 9 {
                    AccountStatus::Closed
                } else {
                    AccountStatus::Active
                },
                ..Account::default()
            });
        }
        audit
    }

    #[test]
    fn random_draw_is_reproducible_and_respects_exclusions() {
        let mut a = register();
        a.sample = crate::core::SampleSettings {
            mode: SampleMode::Random,
            size: 5,
            per_platform: false,
            seed: 2019,
        };
        assert_eq!(apply_sample(&mut a), 5);
        let first: Vec<bool> = a.accounts.iter().map(|x| x.selected).collect();
        let mut b = register();
        b.sample = a.sample.clone();
        apply_sample(&mut b);
        assert_eq!(
            first,
            b.accounts.iter().map(|x| x.selected).collect::<Vec<_>>()
        );
        assert!(
            a.accounts
                .iter()
                .all(|x| !(x.selected && x.status == AccountStatus::Closed))
        );
        b.sample.seed = 2020;
        apply_sample(&mut b);
        assert_ne!(
            first,
            b.accounts.iter().map(|x| x.selected).collect::<Vec<_>>()
        );
    }

    #[test]
    fn per_platform_draw_takes_n_of_each() {
        let mut a = register();
        a.sample = crate::core::SampleSettings {
            mode: SampleMode::Random,
            size: 4,
            per_platform: true,
            seed: 1,
        };
        assert_eq!(apply_sample(&mut a), 12);
        for p in [Platform::Facebook, Platform::Instagram, Platform::X] {
            assert_eq!(
                a.accounts
                    .iter()
                    .filter(|x| x.selected && x.platform == p)
                    .count(),
                4
            );
        }
        a.sample.mode = SampleMode::All;
        assert_eq!(apply_sample(&mut a), 27);
    }

    #[test]
    fn neighbours_get_different_questions() {
        let mut a = register();
        a.question_bank = vec!["A".into(), "B".into(), "C".into()];
        assert_eq!(assign_questions(&mut a), 27);
        let qs: Vec<&str> = a
            .accounts
            .iter()
            .filter(|x| a.is_audited(x))
            .map(|x| x.probes[0].question.as_str())
            .collect();
        assert!(qs.windows(2).all(|w| w[0] != w[1]), "{qs:?}");
        assert_eq!(assign_questions(&mut a), 0, "existing questions are kept");
    }
}
