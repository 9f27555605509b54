//! Targets (PRODUCT §9): results for 2,000 accounts × 2 probes < 20 ms; load + save < 50 ms.
#![allow(clippy::unwrap_used)] // benchmark set-up: a failure should stop the run

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use svarskoll::core::Results;
use svarskoll::core::deadline::local;
use svarskoll::core::generated::generated_audit;
use svarskoll::store::{load_audit, save_audit};

fn bench(c: &mut Criterion) {
    let audit = generated_audit(2000, 2, 7);
    let as_of = local(2019, 6, 1, 12, 0).unwrap().to_utc();
    c.bench_function("results 2000 accounts x 2 probes", |b| {
        b.iter(|| Results::compute(black_box(&audit), as_of));
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.svarskoll.ron");
    save_audit(&path, &audit).unwrap();
    c.bench_function("load + save 2000 accounts", |b| {
        b.iter(|| {
            let a = load_audit(&path).unwrap();
            save_audit(&path, &a).unwrap();
        });
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
