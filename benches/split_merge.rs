//! Target (PRODUCT §9): split + merge of 2,000 accounts in 8 parts < 200 ms. Measured in memory
//! (`core::split` then `core::merge`, with and without the parts' work), and through the files
//! (the audit loaded, `store::split::write_parts`, then `store::merge::merge_files` into a new audit: every part
//! written, read back and the result saved).
#![allow(clippy::unwrap_used)] // benchmark set-up: a failure should stop the run

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use svarskoll::core::deadline::local;
use svarskoll::core::generated::generated_audit;
use svarskoll::core::merge::merge;
use svarskoll::core::split::{SplitBy, split};
use svarskoll::store::merge::merge_files;
use svarskoll::store::split::write_parts;
use svarskoll::store::{load_audit, save_audit};

fn bench(c: &mut Criterion) {
    let audit = generated_audit(2000, 2, 7);
    c.bench_function("split 2000 accounts x 2 probes in 8 + merge back", |b| {
        b.iter(|| {
            let parts: Vec<_> = split(black_box(&audit), SplitBy::Count(8))
                .unwrap()
                .into_iter()
                .map(|p| p.audit)
                .collect();
            merge(&audit, &parts).unwrap()
        });
    });
    // Every auditor has answered every unanswered question of their part.
    let answered = local(2019, 4, 30, 10, 0).unwrap().fixed_offset();
    let mut worked: Vec<_> = split(&audit, SplitBy::Count(8))
        .unwrap()
        .into_iter()
        .map(|p| p.audit)
        .collect();
    for probe in worked
        .iter_mut()
        .flat_map(|p| &mut p.accounts)
        .flat_map(|a| &mut a.probes)
        .filter(|p| p.posted_at.is_some() && p.answered_at.is_none())
    {
        probe.answered_at = Some(answered);
        probe.signed = Some(true);
    }
    c.bench_function("merge 8 worked-on parts of 2000 accounts", |b| {
        b.iter(|| merge(black_box(&audit), black_box(&worked)).unwrap());
    });

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stor.svarskoll.ron");
    save_audit(&path, &audit).unwrap();
    let mut group = c.benchmark_group("files");
    group.sample_size(20);
    group.bench_function(
        "split 2000 accounts in 8 files + merge into a new file",
        |b| {
            b.iter_batched(
                || tempfile::tempdir_in(dir.path()).unwrap(),
                |out| {
                    let audit = load_audit(&path).unwrap();
                    let parts = split(&audit, SplitBy::Count(8)).unwrap();
                    let files = write_parts(&path, &parts, &out.path().join("delar")).unwrap();
                    let outcome =
                        merge_files(&path, &files, &out.path().join("ihop.svarskoll.ron")).unwrap();
                    assert!(outcome.conflicts.is_empty());
                    out
                },
                BatchSize::PerIteration,
            );
        },
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
