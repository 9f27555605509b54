//! GUI targets (PRODUCT §9): a frame of the log table with 2,000 probes < 4 ms CPU (rows are
//! virtualised), and start to first frame < 0.4 s. Frames are run headless on a bare
//! `egui::Context` (layout + tessellation: all the CPU work of a frame except the GPU upload).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;
use svarskoll::core::deadline::local;
use svarskoll::core::generated::generated_audit;
use svarskoll::gui::{Screen, ScriptedDialogs, SvarskollApp};

fn input(time: f64) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1366.0, 768.0),
        )),
        time: Some(time),
        ..egui::RawInput::default()
    }
}

/// One full frame: the app's ui, then tessellation into triangles.
fn frame(ctx: &egui::Context, app: &mut SvarskollApp, time: f64) -> usize {
    let mut output = ctx.run_ui(input(time), |ui| app.show(ui));
    let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
    output.drop_without_applying_deltas();
    primitives.len()
}

fn app_on(screen: Screen, accounts: usize, probes: usize) -> SvarskollApp {
    let mut app = SvarskollApp::for_tests(Arc::new(ScriptedDialogs::new()));
    app.set_now(local(2019, 4, 15, 12, 0).map(|t| t.to_utc()));
    app.set_audit(generated_audit(accounts, probes, 7), None, screen);
    app
}

fn bench(c: &mut Criterion) {
    // generated_audit leaves about a third of the accounts excluded: 2000 × 2 gives ~2,700 rows.
    for (name, screen, probes) in [
        ("log frame, 2000 accounts x 1 probe", Screen::Log, 1),
        ("log frame, 2000 accounts x 2 probes", Screen::Log, 2),
        ("accounts frame, 2000 accounts", Screen::Accounts, 1),
        ("results frame, 2000 accounts", Screen::Results, 1),
    ] {
        let ctx = egui::Context::default();
        svarskoll::gui::install_fonts(&ctx);
        let mut app = app_on(screen, 2000, probes);
        // Warm up: fonts, the first layout pass and the cached evaluations.
        let mut time = 0.0;
        for _ in 0..5 {
            time += 1.0 / 60.0;
            frame(&ctx, &mut app, time);
        }
        c.bench_function(name, |b| {
            b.iter(|| {
                time += 1.0 / 60.0;
                black_box(frame(&ctx, &mut app, time))
            });
        });
    }

    // A keystroke while logging: the change is recorded (undo snapshot) and the next frame drawn.
    let ctx = egui::Context::default();
    svarskoll::gui::install_fonts(&ctx);
    let mut app = app_on(Screen::Log, 2000, 1);
    let mut time = 0.0;
    frame(&ctx, &mut app, time);
    c.bench_function("log keystroke (edit + frame), 2000 accounts", |b| {
        b.iter(|| {
            time += 1.0 / 60.0;
            if let Some(doc) = app.document_mut() {
                doc.audit.accounts[0].name.push('x');
                doc.changed(egui::Id::unique("bench-typing"));
            }
            black_box(frame(&ctx, &mut app, time))
        });
    });

    // From nothing to the first frame of the log: context, fonts, app, audit, one frame.
    let audit = generated_audit(2000, 1, 7);
    c.bench_function("start to first frame (headless), 2000 accounts", |b| {
        b.iter(|| {
            let ctx = egui::Context::default();
            svarskoll::gui::install_fonts(&ctx);
            let mut app = SvarskollApp::for_tests(Arc::new(ScriptedDialogs::new()));
            app.set_audit(audit.clone(), None, Screen::Log);
            black_box(frame(&ctx, &mut app, 0.0))
        });
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
