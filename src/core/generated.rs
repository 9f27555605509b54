//! Generated audits of any size, for benchmarks and stress tests (fictitious accounts only).

use super::deadline::local;
use super::model::{Account, AccountStatus, Audit, Platform, Probe};
use chrono::Duration;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// An audit with `accounts` accounts (about a third excluded) and `probes` probes per account,
/// posted in March–April 2019, with stable ids, all reproducible from `seed`.
#[must_use]
pub fn generated_audit(accounts: usize, probes: usize, seed: u64) -> Audit {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let platforms = [Platform::Facebook, Platform::Instagram, Platform::X];
    let mut audit = Audit::default();
    audit.meta.organisation = "Exempelstad".to_owned();
    audit.meta.title = "Genererad granskning".to_owned();
    for i in 0..accounts {
        let status = match rng.random_range(0..3) {
            0 if i % 2 == 0 => AccountStatus::Closed,
            0 => AccountStatus::NotPublic,
            _ => AccountStatus::Active,
        };
        let mut account = Account {
            name: format!("Konto {i:04}"),
            platform: platforms[i % platforms.len()],
            unit: format!("Enhet {}", i % 40),
            url: format!("exempel.se/konto{i}"),
            status,
            selected: status == AccountStatus::Active,
            ..Account::default()
        };
        if status == AccountStatus::Active {
            for _ in 0..probes {
                let day = rng.random_range(1..=30);
                let posted = local(
                    2019,
                    4,
                    day,
                    rng.random_range(8..17),
                    rng.random_range(0..60),
                );
                let answer_after = rng.random_range(0..(5 * 24 * 60));
                let answered = (rng.random_range(0..4) != 0)
                    .then(|| posted.map(|p| p + Duration::minutes(answer_after)))
                    .flatten();
                account.probes.push(Probe {
                    question: "Hej! Vilka öppettider gäller i påsk?".to_owned(),
                    posted_at: posted.map(|p| p.fixed_offset()),
                    answered_at: answered.map(|a| a.fixed_offset()),
                    signed: answered.map(|_| rng.random_range(0..5) == 0),
                    ..Probe::default()
                });
            }
        }
        audit.accounts.push(account);
    }
    // Drawn last, so the register is the same as before ids were given here.
    audit.assign_missing_ids(|| rng.random());
    audit
}
