//! Targets (PRODUCT §9): the report for a 50-account audit < 50 ms and < 200 KB; for 2,000
//! accounts < 0.5 s. Sizes and page counts are printed once before the timings. The same
//! reports as DOCX are timed beside them.
#![allow(clippy::unwrap_used, clippy::print_stdout)] // benchmark set-up and its report

use chrono::{DateTime, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use svarskoll::core::deadline::local;
use svarskoll::core::generated::generated_audit;
use svarskoll::core::{Audit, Lang};
use svarskoll::report::{Fonts, ReportOptions, layout_report, render_docx, render_pdf};

fn options(as_of: (i32, u32, u32)) -> ReportOptions {
    ReportOptions {
        lang: Lang::Sv,
        as_of: local(as_of.0, as_of.1, as_of.2, 12, 0).unwrap().to_utc(),
        today: NaiveDate::from_ymd_opt(2019, 5, 15).unwrap(),
        created: DateTime::parse_from_rfc3339("2019-05-15T10:00:00+02:00").unwrap(),
        evidence: None,
    }
}

fn describe(name: &str, audit: &Audit, options: &ReportOptions, fonts: &Fonts) {
    let bytes = render_pdf(audit, options, fonts).unwrap();
    let pages = layout_report(audit, options, fonts).unwrap().pages.len();
    println!("{name}: {} KB, {pages} pages", bytes.len() / 1024);
    let docx = render_docx(audit, options, fonts).unwrap();
    println!("{name} as DOCX: {} KB", docx.len() / 1024);
}

fn bench(c: &mut Criterion) {
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/grundskola-2019.svarskoll");
    let small = svarskoll::store::load_audit(&example).unwrap();
    let small_options = options((2019, 4, 30));
    let large = generated_audit(2000, 2, 7);
    let large_options = options((2019, 6, 30));
    let fonts = Fonts::load().unwrap();
    describe("report 50 accounts", &small, &small_options, &fonts);
    describe("report 2000 accounts", &large, &large_options, &fonts);

    c.bench_function("report 50 accounts", |b| {
        b.iter(|| render_pdf(black_box(&small), &small_options, &fonts).unwrap());
    });
    c.bench_function("docx 50 accounts", |b| {
        b.iter(|| render_docx(black_box(&small), &small_options, &fonts).unwrap());
    });
    let mut group = c.benchmark_group("large");
    group.sample_size(10);
    group.bench_function("report 2000 accounts x 2 probes", |b| {
        b.iter(|| render_pdf(black_box(&large), &large_options, &fonts).unwrap());
    });
    group.bench_function("docx 2000 accounts x 2 probes", |b| {
        b.iter(|| render_docx(black_box(&large), &large_options, &fonts).unwrap());
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
