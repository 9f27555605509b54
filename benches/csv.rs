//! CSV import (PRODUCT §9: linear, 50,000 rows < 2 s): parsing a log as Excel saves it and merging
//! it into an audit, at 10,000, 25,000 and 50,000 rows; and re-importing the same log into the
//! audit that already holds it (every row an update).
#![allow(clippy::unwrap_used)]

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::fmt::Write as _;
use std::hint::black_box;
use svarskoll::core::Audit;
use svarskoll::core::rules::merge_accounts;
use svarskoll::store::csv_import::parse_csv_bytes;

/// `rows` rows: accounts with two probes each, Swedish headers, `;`, CRLF, a BOM.
fn log(rows: usize) -> Vec<u8> {
    let mut text = String::from(
        "\u{feff}Konto;Plattform;Verksamhet;Fråga;Ställd;Besvarad;Signerad;Anteckning\r\n",
    );
    let platforms = ["Facebook", "Instagram", "X"];
    for r in 0..rows {
        let account = r / 2;
        let day = 1 + (r % 28);
        let _ = write!(
            text,
            "Konto {account} Åby;{};Verksamhet {};Fråga {};2019-03-{day:02} 10:00;2019-03-{day:02} 14:30;ja;\"anteckning; {r}\"\r\n",
            platforms[account % 3],
            account % 40,
            r % 2
        );
    }
    text.into_bytes()
}

fn import(c: &mut Criterion) {
    let mut group = c.benchmark_group("csv_import");
    group.sample_size(10);
    for rows in [10_000, 25_000, 50_000] {
        let bytes = log(rows);
        group.bench_with_input(
            BenchmarkId::new("parse_and_merge", rows),
            &bytes,
            |b, bytes| {
                b.iter(|| {
                    let parsed = parse_csv_bytes(black_box(bytes)).unwrap();
                    let mut audit = Audit::default();
                    merge_accounts(&mut audit, parsed.accounts);
                    audit
                });
            },
        );
    }
    let bytes = log(50_000);
    let mut full = Audit::default();
    merge_accounts(&mut full, parse_csv_bytes(&bytes).unwrap().accounts);
    group.bench_function("reimport_into_full_audit/50000", |b| {
        b.iter(|| {
            let parsed = parse_csv_bytes(black_box(&bytes)).unwrap();
            let mut audit = full.clone();
            merge_accounts(&mut audit, parsed.accounts)
        });
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
