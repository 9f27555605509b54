//! The desktop app driven headless with egui_kittest: widgets are found by their labels, dialogs
//! are answered by a script, and what the app did is checked in its state and on disk.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

use chrono::{DateTime, Utc};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use svarskoll::core::deadline::local;
use svarskoll::core::{Account, Audit, Lang, Platform, Probe};
use svarskoll::gui::{ExportState, LettersState, Screen, ScriptedDialogs, SvarskollApp};
use svarskoll::store::load_audit;

fn at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    local(2019, 3, d, h, m).unwrap().to_utc()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn harness(app: SvarskollApp) -> Harness<'static, SvarskollApp> {
    // Background jobs (autosave, the report preview) ask for a repaint when they finish, which
    // can land inside a `run`: allow the few extra frames that takes.
    Harness::builder()
        .with_size([1366.0, 768.0])
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut SvarskollApp| app.show(ui), app)
}

fn app_at(now: DateTime<Utc>) -> (SvarskollApp, Arc<ScriptedDialogs>) {
    let dialogs = Arc::new(ScriptedDialogs::new());
    let mut app = SvarskollApp::for_tests(Arc::clone(&dialogs));
    app.set_now(Some(now));
    (app, dialogs)
}

/// A side-bar step (the screen's heading has the same text, so look for the button).
fn go(h: &mut Harness<'_, SvarskollApp>, step: &str) {
    h.get_by_role_and_label(Role::Button, step).click();
    h.run();
}

/// Step until `done` holds or `limit` passes (background threads: autosave, export).
fn wait_for(
    h: &mut Harness<'_, SvarskollApp>,
    limit: Duration,
    done: impl Fn(&SvarskollApp) -> bool,
) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        h.step();
        if done(h.state()) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// One audited Facebook account "Alpha" posted at 2019-03-12 10:00, not answered.
fn posted_audit() -> Audit {
    let mut audit = Audit::default();
    audit.accounts.push(Account {
        name: "Alpha".into(),
        platform: Platform::Facebook,
        probes: vec![Probe {
            question: "Hej! Vilka öppettider gäller?".into(),
            posted_at: Some(local(2019, 3, 12, 10, 0).unwrap().fixed_offset()),
            ..Probe::default()
        }],
        ..Account::default()
    });
    audit
}

#[test]
fn new_audit_import_log_results_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let audit_path = dir.path().join("ny.svarskoll.ron");
    let pdf_path = dir.path().join("rapport.pdf");
    let (app, dialogs) = app_at(at(12, 10, 0));
    let mut h = harness(app);
    h.run();

    // New audit from the Malmö template: step 1 opens, not yet saved to a file.
    h.get_by_label("Ny granskning: Sociala medier – serviceskyldighet (Malmö-modellen)")
        .click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Audit);
    assert!(
        h.state().title().contains("inte sparad till fil"),
        "{}",
        h.state().title()
    );
    assert_eq!(
        h.state().document().unwrap().audit.template,
        "malmo-sociala-medier"
    );

    // Save it (the dialog answers with a path); from now on everything autosaves.
    dialogs.answer(Some(audit_path.clone()));
    h.get_by_label("Spara som …").click();
    h.run();
    assert!(audit_path.is_file());
    assert!(
        h.state()
            .title()
            .starts_with("ny.svarskoll.ron — allt sparat"),
        "{}",
        h.state().title()
    );

    // Import the register.
    go(&mut h, "2  Konton");
    dialogs.answer(Some(fixture("gui-register.csv")));
    h.get_by_label("Importera CSV …").click();
    h.run();
    h.get_by_label_contains("3 nya konton").hover();
    let audit = &h.state().document().unwrap().audit;
    assert_eq!(audit.accounts.len(), 3);
    assert!(audit.accounts[0].selected);

    // Log: stamp posted at 10:00 and answered at 10:30 on Alpha.
    go(&mut h, "3  Frågor och logg");
    h.get_by_label("Nu ställd: Alpha (Facebook)").click();
    h.run();
    h.state_mut().set_now(Some(at(12, 10, 30)));
    h.get_by_label("Nu besvarad: Alpha (Facebook)").click();
    h.run();
    let probe = &h.state().document().unwrap().audit.accounts[0].probes[0];
    assert_eq!(
        probe.posted_at.unwrap().to_rfc3339(),
        "2019-03-12T10:00:00+01:00"
    );
    assert_eq!(
        probe.answered_at.unwrap().to_rfc3339(),
        "2019-03-12T10:30:00+01:00"
    );
    assert!(
        h.query_by_label("● i tid · 0,5\u{a0}h").is_some(),
        "Alpha's row shows in time"
    );
    assert!(
        h.query_by_label("● ej ställd").is_some(),
        "Beta is not posted yet"
    );

    // Results: one decided account, answered in time: 100 %.
    go(&mut h, "4  Resultat");
    assert!(h.query_by_label("1 av 1 (100\u{a0}%)").is_some());

    // Export the report to the path the dialog gives, on a background thread.
    go(&mut h, "5  Rapport");
    dialogs.answer(Some(pdf_path.clone()));
    h.get_by_label("Exportera PDF …").click();
    let finished = wait_for(&mut h, Duration::from_secs(30), |app| {
        !matches!(
            app.export_state(),
            ExportState::Running { .. } | ExportState::Idle
        )
    });
    assert!(finished, "the export finished");
    match h.state().export_state() {
        ExportState::Done(path) => {
            assert_eq!(path, &pdf_path);
            let bytes = std::fs::read(&pdf_path).unwrap();
            assert!(bytes.starts_with(b"%PDF"));
            h.run();
            assert!(h.query_by_label_contains("Rapporten sparades:").is_some());
        }
        other => panic!("unexpected export state {other:?}"),
    }

    // Everything logged is on disk.
    assert!(wait_for(&mut h, Duration::from_secs(5), |app| app
        .document()
        .unwrap()
        .is_saved()));
    let saved = load_audit(&audit_path).unwrap();
    assert_eq!(saved.accounts.len(), 3);
    assert!(saved.accounts[0].probes[0].answered_at.is_some());
}

#[test]
fn invalid_time_shows_a_message_and_changes_nothing() {
    let (mut app, _) = app_at(at(20, 12, 0));
    app.set_audit(posted_audit(), None, Screen::Log);
    let mut h = harness(app);
    h.run();
    let before = h.state().document().unwrap().audit.clone();

    // Answered before posted.
    h.get_by_label("Besvarad: Alpha (Facebook)").click();
    h.run();
    h.get_by_label("Besvarad: Alpha (Facebook)")
        .type_text("2019-03-11 09:00");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(
        h.query_by_label_contains("Besvarad före ställd (2019-03-12 10:00)")
            .is_some()
    );
    assert_eq!(h.state().document().unwrap().audit, before);

    // Not a time at all; then Escape drops the typed text.
    h.get_by_label("Besvarad: Alpha (Facebook)").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Besvarad: Alpha (Facebook)")
        .type_text("i morgon");
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
    assert!(
        h.query_by_label_contains("'i morgon' är inte en tid")
            .is_some()
    );
    assert_eq!(h.state().document().unwrap().audit, before);

    // In the future.
    h.get_by_label("Besvarad: Alpha (Facebook)").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Besvarad: Alpha (Facebook)")
        .type_text("2019-04-01 10:00");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.query_by_label_contains("ligger i framtiden").is_some());
    assert_eq!(h.state().document().unwrap().audit, before);

    // A valid time is taken.
    h.get_by_label("Besvarad: Alpha (Facebook)").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Besvarad: Alpha (Facebook)")
        .type_text("2019-03-12 15:45");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.query_by_label_contains("Besvarad före ställd").is_none());
    let probe = &h.state().document().unwrap().audit.accounts[0].probes[0];
    assert_eq!(
        probe.answered_at.unwrap().to_rfc3339(),
        "2019-03-12T15:45:00+01:00"
    );
}

#[test]
fn a_time_in_the_dst_gap_is_moved_and_the_auditor_told() {
    let mut audit = posted_audit();
    audit.accounts[0].probes[0].posted_at = None;
    let (mut app, _) = app_at(local(2024, 4, 2, 12, 0).unwrap().to_utc());
    app.set_audit(audit, None, Screen::Log);
    let mut h = harness(app);
    h.run();
    h.get_by_label("Ställd: Alpha (Facebook)").click();
    h.run();
    h.get_by_label("Ställd: Alpha (Facebook)")
        .type_text("2024-03-31 02:30");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(
        h.query_by_label_contains("Tiden flyttades framåt 60 min: 2024-03-31 03:30")
            .is_some()
    );
    let probe = &h.state().document().unwrap().audit.accounts[0].probes[0];
    assert_eq!(
        probe.posted_at.unwrap().to_rfc3339(),
        "2024-03-31T03:30:00+02:00"
    );
}

#[test]
fn enter_in_an_empty_time_field_stamps_now_and_arrows_move_between_rows() {
    let mut audit = posted_audit();
    audit.accounts[0].probes[0].posted_at = None;
    let mut second = audit.accounts[0].clone();
    second.name = "Beta".into();
    audit.accounts.push(second);
    let (mut app, _) = app_at(at(13, 9, 41));
    app.set_audit(audit, None, Screen::Log);
    let mut h = harness(app);
    h.run();
    h.get_by_label("Ställd: Alpha (Facebook)").click();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(
        h.get_by_label("Ställd: Alpha (Facebook)").is_focused(),
        "still in the field"
    );
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert!(h.get_by_label("Ställd: Beta (Facebook)").is_focused());
    h.key_press(egui::Key::Enter);
    h.run();
    let audit = &h.state().document().unwrap().audit;
    for account in &audit.accounts {
        let posted = account.probes[0].posted_at.unwrap();
        assert_eq!(
            posted.to_rfc3339(),
            "2019-03-13T09:41:00+01:00",
            "{}",
            account.name
        );
    }
}

#[test]
fn undo_restores_the_previous_value_and_redo_reapplies_it() {
    let (mut app, _) = app_at(at(12, 10, 0));
    let mut audit = posted_audit();
    audit.meta.organisation = "Malmö stad".into();
    app.set_audit(audit, None, Screen::Audit);
    let mut h = harness(app);
    h.run();
    h.get_by_label("Organisation").click();
    h.run();
    h.get_by_label("Organisation").type_text(" (stadskontoret)");
    h.run();
    let org = |h: &Harness<'_, SvarskollApp>| {
        h.state()
            .document()
            .unwrap()
            .audit
            .meta
            .organisation
            .clone()
    };
    assert_eq!(org(&h), "Malmö stad (stadskontoret)");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(org(&h), "Malmö stad");
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(org(&h), "Malmö stad (stadskontoret)");

    // A logged time is undone the same way.
    go(&mut h, "3  Frågor och logg");
    h.get_by_label("Nu besvarad: Alpha (Facebook)").click();
    h.run();
    assert!(
        h.state().document().unwrap().audit.accounts[0].probes[0]
            .answered_at
            .is_some()
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(
        h.state().document().unwrap().audit.accounts[0].probes[0]
            .answered_at
            .is_none()
    );
}

#[test]
fn autosave_writes_the_file_within_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.svarskoll.ron");
    svarskoll::store::save_audit(&path, &posted_audit()).unwrap();
    let (mut app, _) = app_at(at(12, 10, 0));
    app.set_audit(
        load_audit(&path).unwrap(),
        Some(path.clone()),
        Screen::Audit,
    );
    let mut h = harness(app);
    h.run();
    h.get_by_label("Rapportens titel").click();
    h.run();
    h.get_by_label("Rapportens titel")
        .type_text("Uppföljning 2019");
    h.run();
    let changed = Instant::now();
    let saved = wait_for(&mut h, Duration::from_secs(3), |_| {
        load_audit(&path).is_ok_and(|a| a.meta.title == "Uppföljning 2019")
    });
    let reached_file = changed.elapsed();
    // The file is renamed into place a moment before the app hears back from the save thread.
    assert!(wait_for(&mut h, Duration::from_secs(3), |app| app
        .document()
        .unwrap()
        .is_saved()));
    assert!(saved, "the change reached the file");
    assert!(
        reached_file < Duration::from_secs(1),
        "took {reached_file:?}"
    );
    assert!(
        svarskoll::store::audit_file::backup_path(&path).is_file(),
        "the previous version is kept"
    );
}

#[test]
fn a_save_error_is_shown_not_swallowed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gone").join("a.svarskoll.ron");
    let (mut app, _) = app_at(at(12, 10, 0));
    app.set_audit(posted_audit(), Some(path), Screen::Audit);
    let mut h = harness(app);
    h.run();
    h.get_by_label("Nämnd").click();
    h.run();
    h.get_by_label("Nämnd").type_text("Kulturnämnden");
    h.run();
    assert!(wait_for(&mut h, Duration::from_secs(3), |app| app
        .save_error()
        .is_some()));
    h.run();
    assert!(
        h.query_by_label_contains("Granskningen kunde inte sparas:")
            .is_some()
    );
    assert!(h.state().title().contains("kunde inte sparas"));
}

#[test]
fn a_csv_with_errors_imports_nothing_and_lists_every_error() {
    let (mut app, dialogs) = app_at(at(12, 10, 0));
    app.set_audit(posted_audit(), None, Screen::Accounts);
    let mut h = harness(app);
    h.run();
    let before = h.state().document().unwrap().audit.clone();
    dialogs.answer(Some(fixture("bad-log.csv")));
    h.get_by_label("Importera CSV …").click();
    h.run();
    assert!(h.query_by_label_contains("Inget importerades").is_some());
    assert!(
        h.query_by_label_contains("rad 2, kolumn 2 (plattform)")
            .is_some()
    );
    assert!(h.query_by_label_contains("rad 3, kolumn 4").is_some());
    assert!(h.query_by_label_contains("rad 4, kolumn 3").is_some());
    assert_eq!(h.state().document().unwrap().audit, before);
}

/// The import's errors are types put into words when shown: after switching to English (from the
/// View menu, as the auditor does) the same errors read in English, naming line and column.
#[test]
fn import_errors_follow_a_switch_to_english() {
    let (mut app, dialogs) = app_at(at(12, 10, 0));
    app.set_audit(posted_audit(), None, Screen::Accounts);
    let mut h = harness(app);
    h.run();
    dialogs.answer(Some(fixture("bad-log.csv")));
    h.get_by_label("Importera CSV …").click();
    h.run();
    assert!(
        h.query_by_label_contains("rad 2, kolumn 2 (plattform): okänd plattform 'Myspace'")
            .is_some()
    );
    h.get_by_label("Visa").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    assert_eq!(h.state().prefs().lang, Lang::En);
    assert!(
        h.query_by_label_contains("line 2, column 2 (plattform): unknown platform 'Myspace'")
            .is_some()
    );
    assert!(
        h.query_by_label_contains(
            "line 3, column 4 (besvarad): answered (2019-03-11 10:00) before posted"
        )
        .is_some()
    );
    assert!(
        h.query_by_label_contains("line 4, column 3 (ställd): '2019-13-12 10:00' is not a time")
            .is_some()
    );
    assert!(h.query_by_label_contains("3 errors.").is_some());
    assert!(h.query_by_label_contains("Nothing was imported").is_some());
    assert!(h.query_by_label_contains("okänd plattform").is_none());
    assert!(h.query_by_label_contains("rad 2").is_none());

    // A file error in a banner follows the language too.
    dialogs.answer(Some(fixture("does-not-exist.csv")));
    h.get_by_label("Import CSV …").click();
    h.run();
    assert!(
        h.query_by_label_contains(
            "does-not-exist.csv: could not read the file: no such file or folder"
        )
        .is_some()
    );
    h.state_mut().set_lang(Lang::Sv);
    h.run();
    assert!(
        h.query_by_label_contains(
            "does-not-exist.csv: kunde inte läsa filen: filen eller mappen finns inte"
        )
        .is_some()
    );
}

/// Whether each of `frames` frames of `app` (on a bare context: the harness runs several as
/// it is built) asked for the window to be maximised.
fn maximise_requests(mut app: SvarskollApp, frames: usize) -> Vec<bool> {
    let ctx = egui::Context::default();
    (0..frames)
        .map(|frame| {
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(1280.0, 720.0),
                )),
                #[allow(clippy::cast_precision_loss)]
                time: Some(frame as f64 / 60.0),
                ..egui::RawInput::default()
            };
            let output = ctx.run_ui(input, |ui| app.show(ui));
            let asked = output
                .viewport_output
                .get(&egui::ViewportId::ROOT)
                .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::Maximized(true)));
            output.drop_without_applying_deltas();
            asked
        })
        .collect()
}

#[test]
fn the_first_start_maximises_the_window_once_and_later_starts_do_not() {
    let (mut app, _) = app_at(at(12, 10, 0));
    app.set_first_start(true);
    assert_eq!(maximise_requests(app, 3), [true, false, false]);
    let (app, _) = app_at(at(12, 10, 0));
    assert_eq!(maximise_requests(app, 3), [false, false, false]);
}

#[test]
fn closing_a_never_saved_audit_asks_first() {
    let (mut app, _) = app_at(at(12, 10, 0));
    app.set_audit(posted_audit(), None, Screen::Audit);
    let mut h = harness(app);
    h.run();
    h.get_by_label("Organisation").click();
    h.get_by_label("Organisation").type_text("Skurups kommun");
    h.run();
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
    let cancelled = h
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::CancelClose));
    assert!(cancelled, "the window stays open");
    h.run();
    assert!(h.query_by_label("Granskningen är inte sparad").is_some());
    h.get_by_label("Avbryt").click();
    h.run();
    assert_eq!(
        h.state().document().unwrap().audit.meta.organisation,
        "Skurups kommun"
    );
}

#[test]
fn a_typed_path_opens_an_audit_and_english_is_selectable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.svarskoll.ron");
    svarskoll::store::save_audit(&path, &posted_audit()).unwrap();
    let (app, _) = app_at(at(12, 10, 0));
    let mut h = harness(app);
    h.run();
    h.get_by_label("Skriv sökväg …").click();
    h.run();
    assert!(
        h.get_by_label("Sökväg till filen:").is_focused(),
        "ready to type"
    );
    // A file that is not there is said in words, and the box stays.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    let missing = dir.path().join("finns-ej.svarskoll.ron");
    h.get_by_label("Sökväg till filen:")
        .type_text(missing.to_str().unwrap());
    h.run();
    h.get_by_label("OK").click();
    h.run();
    assert!(h.query_by_label_contains("Filen finns inte:").is_some());
    assert!(h.state().document().is_none());
    h.get_by_label("Sökväg till filen:").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Sökväg till filen:")
        .type_text(path.to_str().unwrap());
    h.run();
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(
        h.state().document().unwrap().path.as_deref(),
        Some(path.as_path())
    );
    assert_eq!(h.state().screen(), Screen::Log);
    assert!(
        h.state()
            .prefs()
            .recent
            .iter()
            .any(|p| p.ends_with("b.svarskoll.ron"))
    );

    h.state_mut().set_lang(Lang::En);
    h.run();
    assert!(
        h.query_by_role_and_label(Role::Button, "2  Accounts")
            .is_some()
    );
    assert!(h.query_by_label("Posted: Alpha (Facebook)").is_some());
}

#[test]
fn the_bundled_example_opens_as_an_unsaved_copy() {
    let (app, _) = app_at(at(12, 10, 0));
    let mut h = harness(app);
    h.run();
    h.get_by_label("Öppna exemplet (grundskola 2019)").click();
    h.run();
    let doc = h.state().document().unwrap();
    assert!(doc.path.is_none(), "the bundled file is never written to");
    assert!(doc.audit.accounts.len() >= 50);
    for step in [
        "1  Granskning",
        "2  Konton",
        "4  Resultat",
        "5  Rapport",
        "3  Frågor och logg",
    ] {
        go(&mut h, step);
    }
}

#[test]
fn the_bundled_example_opened_by_path_is_an_unsaved_copy_too() {
    // The README's run command passes the bundled file's path: it must not be autosaved into.
    let (mut app, _) = app_at(at(12, 10, 0));
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/examples/./grundskola-2019.svarskoll");
    app.open_path(&example);
    let doc = app.document().unwrap();
    assert!(
        doc.path.is_none(),
        "opened as a copy, not as the bundled file"
    );
    assert_eq!(doc.audit.accounts.len(), 75);
}

#[test]
fn a_closed_audit_is_judged_as_of_its_closing_time_on_every_screen() {
    // Due Wed 13 10:00 and answered 09:30 — but the audit was closed at 09:00, before the answer.
    let mut audit = posted_audit();
    audit.accounts[0].probes[0].answered_at =
        Some(local(2019, 3, 13, 9, 30).unwrap().fixed_offset());
    audit.meta.closed_at = Some(local(2019, 3, 13, 9, 0).unwrap().fixed_offset());
    let (mut app, _) = app_at(at(20, 12, 0));
    app.set_audit(audit, None, Screen::Log);
    let mut h = harness(app);
    h.run();

    // The log says which instant it shows, and the row is still waiting as of then.
    assert!(
        h.query_by_label_contains("Status per 2019-03-13 09:00")
            .is_some()
    );
    assert!(
        h.query_by_label("● väntar · 1 h 0 min kvar").is_some(),
        "pending as of the closing time, with the time left then"
    );
    assert!(h.query_by_label_contains("● i tid").is_none());
    assert!(
        h.query_by_label_contains("Att kontrollera nu").is_none(),
        "nothing to check in a closed audit"
    );

    // Resultat agrees: nothing decided, one pending.
    go(&mut h, "4  Resultat");
    assert!(
        h.query_by_label_contains("Resultat per 2019-03-13 09:00")
            .is_some()
    );
    assert!(h.query_by_label("0 av 0 (–)").is_some());

    // Reopened, both count the answer.
    h.state_mut()
        .document_mut()
        .unwrap()
        .edit(|a| a.meta.closed_at = None);
    h.run();
    assert!(h.query_by_label("1 av 1 (100\u{a0}%)").is_some());
    go(&mut h, "3  Frågor och logg");
    assert!(h.query_by_label("● i tid · 23,5\u{a0}h").is_some());
    assert!(h.query_by_label_contains("Status per").is_none());
}

/// A file dropped on the window, as the integration hands it to egui.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Step until a widget whose label contains `text` shows up (background threads: preview).
fn wait_for_label(h: &mut Harness<'_, SvarskollApp>, text: &str, limit: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        h.step();
        if h.query_by_label_contains(text).is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

#[test]
fn an_audit_saved_as_a_template_starts_a_new_audit_with_its_criteria() {
    let dir = tempfile::tempdir().unwrap();
    let template_path = dir.path().join("kultur-mall.ron");
    let mut audit = posted_audit();
    audit.meta.title = "Kulturförvaltningens konton 2024".into();
    audit.meta.organisation = "Skurups kommun".into();
    audit.criteria.deadline.hours = 48;
    audit.criteria.deadline.max_days = Some(7);
    audit.criteria.signature_required = false;
    audit.question_bank = vec![
        "När öppnar biblioteket?".into(),
        "Finns det lovaktiviteter?".into(),
    ];
    audit.texts.method = "Frågor ställdes till varje konto under vecka 11.".into();
    audit.texts.analysis = "Bara för den här granskningen.".into();
    let (mut app, dialogs) = app_at(at(12, 10, 0));
    app.set_audit(audit.clone(), None, Screen::Audit);
    let mut h = harness(app);
    h.run();

    // The Granskning screen's button asks for a path and writes the template after the frame.
    dialogs.answer(Some(template_path.clone()));
    h.get_by_label("Spara som mall …").click();
    h.run();
    assert!(h.query_by_label_contains("Mallen sparades:").is_some());
    let template = svarskoll::store::load_template(&template_path).unwrap();
    assert_eq!(template.name, "kultur-mall");
    assert_eq!(template.criteria, audit.criteria);
    assert_eq!(template.question_bank, audit.question_bank);
    assert_eq!(template.texts.method, audit.texts.method);
    assert!(
        template.texts.analysis.is_empty(),
        "results texts stay in the audit"
    );

    // On the start screen, a new audit from that file.
    let (app, dialogs) = app_at(at(12, 10, 0));
    let mut h = harness(app);
    h.run();
    dialogs.answer(Some(template_path.clone()));
    h.get_by_label("Ny från mallfil …").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Audit);
    let doc = h.state().document().unwrap();
    assert!(doc.path.is_none(), "a new audit, not yet saved");
    assert_eq!(doc.audit.criteria, audit.criteria);
    assert_eq!(doc.audit.template, "kultur-mall");
    assert_eq!(doc.audit.question_bank, audit.question_bank);
    assert_eq!(doc.audit.meta.organisation, "Skurups kommun");
    assert_eq!(doc.audit.meta.year, 2019);
    assert!(doc.audit.accounts.is_empty());
    assert!(
        !doc.audit.criteria_differ_from_template(),
        "the template's criteria are the audit's"
    );
}

#[test]
fn a_malformed_template_file_is_reported_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trasig.ron");
    std::fs::write(
        &path,
        "Template(\n    name: \"Trasig\",\n    svarsfrist: 24,\n)\n",
    )
    .unwrap();
    let (app, dialogs) = app_at(at(12, 10, 0));
    let mut h = harness(app);
    h.run();
    dialogs.answer(Some(path));
    h.get_by_label("Ny från mallfil …").click();
    h.run();
    assert!(h.state().document().is_none());
    assert!(
        h.query_by_label_contains("trasig.ron:3:").is_some(),
        "the error names the file and the line"
    );
    assert!(
        h.query_by_label_contains("okänt fält 'svarsfrist'")
            .is_some()
    );
}

#[test]
fn evidence_is_copied_beside_the_audit_and_only_the_reference_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let audit_path = dir.path().join("kultur.svarskoll.ron");
    svarskoll::store::save_audit(&audit_path, &posted_audit()).unwrap();
    let shot = dir.path().join("Skärmbild 1.png");
    std::fs::write(&shot, b"\x89PNG fake").unwrap();
    let (mut app, dialogs) = app_at(at(12, 10, 0));
    app.set_audit(
        load_audit(&audit_path).unwrap(),
        Some(audit_path.clone()),
        Screen::Log,
    );
    let mut h = harness(app);
    h.run();
    h.get_by_label("Bevis: Alpha (Facebook)").click();
    h.run();
    assert!(h.query_by_label("Inga bevis än.").is_some());

    // Attach through the dialog.
    dialogs.answer(Some(shot.clone()));
    h.get_by_label("Bifoga fil …").click();
    h.run();
    let evidence = |h: &Harness<'_, SvarskollApp>| {
        h.state().document().unwrap().audit.accounts[0].probes[0]
            .evidence
            .clone()
    };
    assert_eq!(evidence(&h), vec!["Skärmbild-1.png".to_owned()]);
    let folder = dir.path().join("kultur.evidence");
    assert_eq!(
        std::fs::read(folder.join("Skärmbild-1.png")).unwrap(),
        b"\x89PNG fake"
    );
    assert!(h.query_by_label("Skärmbild-1.png").is_some(), "listed");

    // Dropped on the window while the evidence window is open: that probe's, under a new name.
    h.input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(shot.clone())));
    h.run();
    assert_eq!(
        evidence(&h),
        vec!["Skärmbild-1.png".to_owned(), "Skärmbild-1-2.png".to_owned()]
    );
    assert!(
        h.state().document().unwrap().audit.accounts.len() == 1,
        "not imported as a register"
    );

    // Removing forgets the reference; the file stays.
    h.get_all_by_label("Ta bort hänvisningen")
        .next()
        .unwrap()
        .click();
    h.run();
    assert_eq!(evidence(&h), vec!["Skärmbild-1-2.png".to_owned()]);
    assert!(folder.join("Skärmbild-1.png").is_file());

    // And it is saved like any other change.
    assert!(wait_for(&mut h, Duration::from_secs(3), |app| app
        .document()
        .unwrap()
        .is_saved()));
    let saved = load_audit(&audit_path).unwrap();
    assert_eq!(
        saved.accounts[0].probes[0].evidence,
        vec!["Skärmbild-1-2.png".to_owned()]
    );
}

#[test]
fn evidence_asks_for_a_saved_audit_first() {
    let (mut app, _) = app_at(at(12, 10, 0));
    app.set_audit(posted_audit(), None, Screen::Log);
    let mut h = harness(app);
    h.run();
    h.get_by_label("Bevis: Alpha (Facebook)").click();
    h.run();
    assert!(
        h.query_by_label_contains("Spara granskningen till en fil först")
            .is_some()
    );
    assert!(h.query_by_label("Bifoga fil …").is_none());
}

#[test]
fn the_report_preview_shows_the_results_text_contents_and_pages() {
    let (app, _) = app_at(at(12, 10, 0));
    let mut h = harness(app);
    h.run();
    h.get_by_label("Öppna exemplet (grundskola 2019)").click();
    h.run();
    go(&mut h, "5  Rapport");
    assert!(
        wait_for_label(
            &mut h,
            "15 av de granskade kontona",
            Duration::from_secs(60)
        ),
        "the Resultat text Svarskoll writes"
    );
    h.run();

    // The page count and the contents are the laid-out report's.
    let audit = h.state().document().unwrap().audit.clone();
    let options = svarskoll::report::ReportOptions {
        lang: Lang::Sv,
        as_of: audit.meta.closed_at.unwrap().to_utc(),
        today: at(12, 10, 0).date_naive(),
        created: at(12, 10, 0).fixed_offset(),
        evidence: None,
    };
    let fonts = svarskoll::report::Fonts::load().unwrap();
    let layout = svarskoll::report::layout_report(&audit, &options, &fonts).unwrap();
    let pages = layout.pages.len();
    assert!(pages > 2);
    assert!(
        h.query_by_label_contains(&format!("{pages} sidor."))
            .is_some()
    );
    let chapter = layout
        .anchors
        .iter()
        .find(|a| a.in_toc && a.title.starts_with("2 "))
        .unwrap();
    assert!(h.query_by_label(&chapter.title).is_some());

    // A page thumbnail opens large.
    h.get_by_label(&format!("Sida 2 ({pages})")).click();
    h.run();
    assert!(h.query_by_label("Sida i rapporten").is_some());
    h.get_by_label("Nästa ▶").click();
    h.run();
    assert!(h.query_by_label(&format!("Sida 3 av {pages}")).is_some());
}

#[test]
fn the_log_exports_to_excel_and_csv_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let mut audit = posted_audit();
    audit.accounts[0].probes[0].answered_at =
        Some(local(2019, 3, 12, 11, 30).unwrap().fixed_offset());
    let (mut app, dialogs) = app_at(at(20, 12, 0));
    app.set_audit(audit, None, Screen::Log);
    let mut h = harness(app);
    h.run();
    for (name, starts_with) in [
        ("logg", &b"PK"[..]),
        ("logg.csv", &b"\xEF\xBB\xBFKonto;"[..]),
    ] {
        dialogs.answer(Some(dir.path().join(name)));
        h.get_by_label("Arkiv").click();
        h.run();
        h.get_by_label("Exportera logg (Excel/CSV) …").click();
        h.run();
        assert!(
            h.query_all_by_label_contains("Loggen exporterades:")
                .next()
                .is_some()
        );
        // No extension given: an Excel workbook.
        let written = if name == "logg" {
            dir.path().join("logg.xlsx")
        } else {
            dir.path().join(name)
        };
        let bytes = std::fs::read(&written).unwrap();
        assert!(bytes.starts_with(starts_with), "{}", written.display());
        if name.ends_with(".csv") {
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.contains("Alpha;Facebook;;;aktivt;Hej! Vilka öppettider gäller?;2019-03-12 10:00;2019-03-12 11:30;;;2019-03-13 10:00;i tid;1,50;1,50"), "{text}");
        }
    }
}

/// Typed text belongs to its probe (by stable id), not to a row position: deleting a question
/// above it keeps the refused entry on the same probe, and the next valid entry lands there.
#[test]
fn typed_text_stays_with_its_probe_when_a_question_above_is_deleted() {
    let (mut app, _) = app_at(at(20, 12, 0));
    let mut audit = posted_audit();
    let posted = |d, h| Some(local(2019, 3, d, h, 0).unwrap().fixed_offset());
    audit.accounts[0].probes.push(Probe {
        question: "Andra frågan".into(),
        posted_at: posted(13, 9),
        ..Probe::default()
    });
    audit.accounts.push(Account {
        name: "Beta".into(),
        platform: Platform::Instagram,
        probes: vec![Probe {
            question: "Betas fråga".into(),
            posted_at: posted(14, 10),
            ..Probe::default()
        }],
        ..Account::default()
    });
    app.set_audit(audit, None, Screen::Log);
    let mut h = harness(app);
    h.run();
    let beta_id = h.state().document().unwrap().audit.accounts[1].probes[0].id;

    // A refused entry on Beta: answered before posted.
    h.get_by_label("Besvarad: Beta (Instagram)").click();
    h.run();
    h.get_by_label("Besvarad: Beta (Instagram)")
        .type_text("2019-03-13 10:00");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(
        h.query_by_label_contains("Besvarad före ställd (2019-03-14 10:00)")
            .is_some()
    );

    // Delete Alpha's first question (above Beta's row) from the account's context menu.
    h.get_all_by_label("Alpha")
        .next()
        .unwrap()
        .click_secondary();
    h.run();
    h.get_by_label("Ta bort frågan").click();
    h.run();
    let audit = &h.state().document().unwrap().audit;
    assert_eq!(audit.accounts[0].probes.len(), 1);
    assert_eq!(audit.accounts[0].probes[0].question, "Andra frågan");
    assert_eq!(audit.accounts[1].probes[0].id, beta_id);
    assert_eq!(audit.accounts[1].probes[0].answered_at, None);
    // The refused entry is still shown, on Beta.
    assert!(
        h.query_by_label_contains("Besvarad före ställd (2019-03-14 10:00)")
            .is_some(),
        "the typed text was dropped or moved"
    );

    // Correcting it lands on Beta's probe and nowhere else.
    h.get_by_label("Besvarad: Beta (Instagram)").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Besvarad: Beta (Instagram)")
        .type_text("2019-03-14 11:30");
    h.key_press(egui::Key::Enter);
    h.run();
    let audit = &h.state().document().unwrap().audit;
    assert_eq!(
        audit.accounts[1].probes[0]
            .answered_at
            .map(|t| t.to_rfc3339()),
        Some("2019-03-14T11:30:00+01:00".to_owned())
    );
    assert_eq!(audit.accounts[0].probes[0].answered_at, None);
}

/// Ten accounts, one question each, none answered yet.
fn ten_row_audit() -> Audit {
    let mut audit = Audit::default();
    for i in 1..=10 {
        audit.accounts.push(Account {
            name: format!("Konto {i:02}"),
            platform: Platform::Facebook,
            probes: vec![Probe {
                question: format!("Fråga {i}"),
                posted_at: Some(local(2019, 3, 12, 10, 0).unwrap().fixed_offset()),
                ..Probe::default()
            }],
            ..Account::default()
        });
    }
    audit
}

fn answered_label(row: usize) -> String {
    format!("Besvarad: Konto {:02} (Facebook)", row + 1)
}

fn focused_row(h: &Harness<'_, SvarskollApp>) -> Option<usize> {
    (0..10).find(|&r| {
        h.query_by_label(&answered_label(r))
            .is_some_and(|n| n.is_focused())
    })
}

/// Down and Up move exactly one row from every position, Enter stays, and a typed time lands on
/// exactly the probe of the focused row: an observation never goes to the wrong account.
#[test]
fn arrow_keys_move_one_row_and_typed_times_land_on_the_focused_probe() {
    let (mut app, _) = app_at(at(20, 12, 0));
    app.set_audit(ten_row_audit(), None, Screen::Log);
    let mut h = harness(app);
    h.run();
    for start in 0..10 {
        h.get_by_label(&answered_label(start)).click();
        h.run();
        assert_eq!(focused_row(&h), Some(start));
        h.key_press(egui::Key::ArrowDown);
        h.run();
        let below = (start + 1).min(9);
        assert_eq!(focused_row(&h), Some(below), "Down from row {start}");
        h.key_press(egui::Key::ArrowUp);
        h.run();
        let back = if start == 9 { 8 } else { start };
        assert_eq!(
            focused_row(&h),
            Some(back),
            "Up after Down from row {start}"
        );
        h.key_press(egui::Key::ArrowUp);
        h.run();
        let above = back.saturating_sub(1);
        assert_eq!(focused_row(&h), Some(above), "Up from row {back}");
    }
    // Moving the focus changed nothing.
    assert!(
        h.state()
            .document()
            .unwrap()
            .audit
            .accounts
            .iter()
            .all(|a| a.probes[0].answered_at.is_none())
    );

    // From each row, Down then type: the time lands on the row below and nowhere else.
    for start in 0..9 {
        h.get_by_label(&answered_label(start)).click();
        h.run();
        h.key_press(egui::Key::ArrowDown);
        h.run();
        let target = start + 1;
        assert_eq!(focused_row(&h), Some(target));
        h.get_by_label(&answered_label(target))
            .type_text(&format!("2019-03-12 11:{target:02}"));
        h.key_press(egui::Key::Enter);
        h.run();
        assert_eq!(focused_row(&h), Some(target), "Enter stays in row {target}");
        let audit = &h.state().document().unwrap().audit;
        for (row, account) in audit.accounts.iter().enumerate() {
            let answered = account.probes[0].answered_at.map(|t| t.to_rfc3339());
            let expected = (1..=target)
                .contains(&row)
                .then(|| format!("2019-03-12T11:{row:02}:00+01:00"));
            assert_eq!(
                answered, expected,
                "row {row} after typing into row {target}"
            );
        }
    }
}

/// The texts drawn cut short with "…" in the last frame.
fn elided_texts(h: &Harness<'_, SvarskollApp>) -> Vec<String> {
    fn walk(shape: &egui::Shape, out: &mut Vec<String>) {
        match shape {
            egui::Shape::Text(text) if text.galley.elided => {
                out.push(text.galley.job.text.clone());
            }
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

/// The letters of a text, without numbers, marks and spaces: "3  Frågor och logg" and "Evidence
/// (2)" compare equal to their message.
fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphabetic()).collect()
}

/// No word of the app (a button, a header, a step, a label) is cut with "…" on any screen, in
/// either language, at 1366×768 and at 125 % scaling. Data (a long account name in a narrow
/// column) may be cut; the app's own words may not.
#[test]
fn no_word_of_the_app_is_cut_at_1366x768_or_125_percent() {
    let example = load_audit(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/grundskola-2019.svarskoll"),
    )
    .unwrap();
    for lang in [Lang::Sv, Lang::En] {
        let words: std::collections::HashSet<String> = svarskoll::i18n::app::all()
            .map(|text| letters(text.get(lang)))
            .filter(|w| !w.is_empty())
            .collect();
        for scale in [1.0f32, 1.25] {
            let (mut app, _) = app_at(at(20, 12, 0));
            app.set_lang(lang);
            app.set_audit(example.clone(), None, Screen::Log);
            let mut h = Harness::builder()
                .with_size([1366.0 / scale, 768.0 / scale])
                .with_pixels_per_point(scale)
                .with_max_steps(16)
                .build_ui_state(|ui, app: &mut SvarskollApp| app.show(ui), app);
            for screen in [
                Screen::Audit,
                Screen::Accounts,
                Screen::Log,
                Screen::Results,
                Screen::Report,
            ] {
                h.state_mut().set_screen(screen);
                h.run();
                let cut: Vec<String> = elided_texts(&h)
                    .into_iter()
                    .filter(|text| words.contains(&letters(text)))
                    .collect();
                assert!(
                    cut.is_empty(),
                    "{lang:?} at {scale}×, {screen:?}: cut short: {cut:?}"
                );
            }
        }
    }
}

/// Resultat shows the per-platform and per-unit tables at full height in the page's own scroll:
/// in a window tall enough for the page, every row is drawn unclipped (no small inner scroll
/// area hides rows such as X).
#[test]
fn result_tables_show_every_row_at_full_height() {
    let mut example = load_audit(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/grundskola-2019.svarskoll"),
    )
    .unwrap();
    // A municipality with many units.
    for (i, account) in example.accounts.iter_mut().enumerate() {
        account.unit = format!("Enhet {:02}", i % 24);
    }
    let mut names: Vec<String> = example
        .accounts
        .iter()
        .map(|a| a.unit.trim().to_owned())
        .filter(|u| !u.is_empty())
        .collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 24);
    names.extend(["Facebook", "Instagram", "X (Twitter)"].map(str::to_owned));
    let (mut app, _) = app_at(at(20, 12, 0));
    app.set_audit(example, None, Screen::Results);
    let mut h = Harness::builder()
        .with_size([1366.0, 6000.0])
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut SvarskollApp| app.show(ui), app);
    h.run();
    let mut seen = std::collections::HashSet::new();
    for clipped in &h.output().shapes {
        if let egui::Shape::Text(text) = &clipped.shape {
            let name = &text.galley.job.text;
            if names.contains(name) {
                let rect = egui::Rect::from_min_size(text.pos, text.galley.size());
                if clipped.clip_rect.expand(1.0).contains_rect(rect) {
                    seen.insert(name.clone());
                }
            }
        }
    }
    let hidden: Vec<&String> = names.iter().filter(|n| !seen.contains(*n)).collect();
    assert!(hidden.is_empty(), "rows hidden or clipped: {hidden:?}");
}

/// The log's keyboard: Esc after a refused time reverts it and keeps the cursor there, Tab goes
/// from field to field (not to the "Nu" buttons), Ctrl+Y redoes, and quitting (Ctrl+Q) with a
/// refused value still in a field asks first.
#[test]
fn log_keyboard_esc_tab_redo_and_quit_with_a_refused_value() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_at(at(20, 12, 0));
    app.set_audit(
        posted_audit(),
        Some(dir.path().join("logg.svarskoll.ron")),
        Screen::Log,
    );
    let mut h = harness(app);
    h.run();
    let answered = "Besvarad: Alpha (Facebook)";

    // A refused value, then Esc: reverted, still focused, and the next value lands.
    h.get_by_label(answered).click();
    h.run();
    h.get_by_label(answered).type_text("2019-03-11 09:00");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.query_by_label_contains("Besvarad före ställd").is_some());
    assert!(
        h.state().title().contains("godtogs inte"),
        "{}",
        h.state().title()
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(
        h.get_by_label(answered).is_focused(),
        "Esc keeps the cursor in the field"
    );
    assert!(h.query_by_label_contains("Besvarad före ställd").is_none());
    h.get_by_label(answered).type_text("2019-03-12 11:00");
    h.key_press(egui::Key::Enter);
    h.run();
    let probe = &h.state().document().unwrap().audit.accounts[0].probes[0];
    assert_eq!(
        probe.answered_at.map(|t| t.to_rfc3339()),
        Some("2019-03-12T11:00:00+01:00".to_owned())
    );

    // Tab from Ställd goes straight to Besvarad.
    h.get_by_label("Ställd: Alpha (Facebook)").click();
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
    assert!(
        h.get_by_label(answered).is_focused(),
        "Tab skips the Nu button"
    );

    // Ctrl+Z undoes the answer, Ctrl+Y redoes it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(
        h.state().document().unwrap().audit.accounts[0].probes[0]
            .answered_at
            .is_none()
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    assert!(
        h.state().document().unwrap().audit.accounts[0].probes[0]
            .answered_at
            .is_some()
    );

    // A refused value left in the field: Ctrl+Q asks before closing.
    h.get_by_label(answered).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(answered).type_text("2019-03-11 09:00");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(
        svarskoll::gui::UiCommand::Quit.shortcuts(),
        &[egui::KeyboardShortcut::new(
            egui::Modifiers::COMMAND,
            egui::Key::Q
        )]
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    h.run();
    // The window system answers with a close request, as it does for the window's ×.
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
    h.run();
    assert!(
        h.query_by_label("Ett inskrivet värde har inte sparats")
            .is_some()
    );
    h.get_by_label("Avbryt").click();
    h.run();
    assert!(
        h.query_by_label("Ett inskrivet värde har inte sparats")
            .is_none()
    );
    assert!(
        h.query_by_label_contains("Besvarad före ställd").is_some(),
        "kept"
    );
}

/// "Signerad: ja" on a question nobody answered is shown in words on the log, and the check
/// under Resultat says it in words too, not with the file's field name.
#[test]
fn a_signature_without_an_answer_is_shown_in_words() {
    let (mut app, _) = app_at(at(20, 12, 0));
    let mut audit = posted_audit();
    audit.accounts[0].probes[0].signed = Some(true);
    app.set_audit(audit, None, Screen::Log);
    let mut h = harness(app);
    h.run();
    assert!(
        h.query_by_label_contains(
            "Alpha (Facebook): Signering angiven, men frågan är inte besvarad"
        )
        .is_some()
    );
    go(&mut h, "4  Resultat");
    h.get_by_label_contains("Kontroll").click();
    h.run();
    assert!(
        h.query_by_label(
            "Konto 1 'Alpha' (Facebook), fråga 1: signering angiven men frågan är inte besvarad."
        )
        .is_some()
    );
    assert!(h.query_by_label_contains("signed:").is_none());
}

/// An audit another program holds: the app names the holder and offers read-only, take over or
/// cancel. Read-only means nothing edits and nothing is saved; taking over makes it editable.
#[test]
fn an_audit_held_elsewhere_opens_read_only_or_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("delad.svarskoll.ron");
    svarskoll::store::save_audit(&path, &posted_audit()).unwrap();
    let before = std::fs::read(&path).unwrap();
    // A colleague's program has it open.
    let (colleague, _) = svarskoll::store::AuditFile::open(&path).unwrap();

    let (mut app, _) = app_at(at(12, 10, 0));
    app.open_path(&path);
    let mut h = harness(app);
    h.run();
    assert!(
        h.query_by_label("Granskningen är öppen hos någon annan")
            .is_some()
    );
    assert!(h.query_by_label_contains("Öppnad av:").is_some());
    h.get_by_label("Öppna skrivskyddad").click();
    h.run();
    assert!(
        h.query_by_label_contains("Skrivskyddad: granskningen är öppen hos")
            .is_some()
    );
    h.state_mut().set_screen(Screen::Audit);
    h.run();
    h.get_by_label("Organisation").click();
    h.get_by_label("Organisation").type_text("Ändrad");
    h.run();
    std::thread::sleep(Duration::from_millis(400));
    h.run();
    assert_eq!(h.state().document().unwrap().audit.meta.organisation, "");
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing saved");

    // Taken over: editable and saved.
    drop(colleague);
    let (mut app, _) = app_at(at(12, 10, 0));
    let (again, _) = svarskoll::store::AuditFile::open(&path).unwrap();
    app.open_path(&path);
    let mut h = harness(app);
    h.run();
    std::mem::forget(again); // the other program is still "running" (its lock stays)
    h.get_by_label("Ta över").click();
    h.run();
    assert!(h.state().document().unwrap().read_only.is_none());
    h.state_mut().set_screen(Screen::Audit);
    h.run();
    h.get_by_label("Organisation").click();
    h.get_by_label("Organisation").type_text("Övertagen");
    h.run();
    let saved = wait_for(&mut h, Duration::from_secs(10), |app| {
        load_audit(&path).is_ok_and(|a| a.meta.organisation == "Övertagen") && app.is_idle()
    });
    assert!(saved, "saved after taking over");
}

/// Someone else changes the file while the app has it open: the app never writes over it
/// without asking; "Skriv över" (confirmed) does, "Läs in deras version" takes theirs.
#[test]
fn a_file_changed_on_disk_is_never_overwritten_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.svarskoll.ron");
    svarskoll::store::save_audit(&path, &posted_audit()).unwrap();
    let (mut app, _) = app_at(at(12, 10, 0));
    app.open_path(&path);
    let mut h = harness(app);
    h.run();
    // A program that ignores locks rewrites the file.
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("organisation: \"\"", "organisation: \"Deras\"");
    assert!(text.contains("Deras"));
    std::fs::write(&path, text).unwrap();

    h.state_mut().set_screen(Screen::Audit);
    h.run();
    h.get_by_label("Organisation").click();
    h.get_by_label("Organisation").type_text("Min");
    h.run();
    let warned = wait_for(&mut h, Duration::from_secs(10), |app| {
        app.is_idle() && app.save_error().is_some()
    });
    assert!(warned, "the save was refused");
    h.run();
    assert!(
        h.query_by_label_contains("Någon annan har ändrat granskningsfilen")
            .is_some(),
        "the conflict is shown"
    );
    assert_eq!(
        load_audit(&path).unwrap().meta.organisation,
        "Deras",
        "theirs kept"
    );

    // Overwrite, confirmed.
    h.get_by_label("Skriv över …").click();
    h.run();
    h.get_by_label("Ja, skriv över").click();
    h.run();
    assert_eq!(load_audit(&path).unwrap().meta.organisation, "Min");
    assert!(
        h.query_by_label_contains("Någon annan har ändrat")
            .is_none()
    );
}

/// "Återställ version från när filen öppnades" puts the opened audit back, undoably.
#[test]
fn the_version_from_when_the_file_was_opened_can_be_restored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.svarskoll.ron");
    svarskoll::store::save_audit(&path, &posted_audit()).unwrap();
    let (mut app, _) = app_at(at(12, 10, 0));
    app.open_path(&path);
    let mut h = harness(app);
    h.run();
    let opened = h.state().document().unwrap().audit.clone();
    h.state_mut().set_screen(Screen::Audit);
    h.run();
    h.get_by_label("Organisation").click();
    h.get_by_label("Organisation").type_text("Senare");
    h.run();
    assert!(wait_for(&mut h, Duration::from_secs(10), |app| {
        app.is_idle() && app.document().is_some_and(|d| d.is_saved())
    }));
    h.get_by_label("Redigera").click();
    h.run();
    h.get_by_label("Återställ version från när filen öppnades …")
        .click();
    h.run();
    h.get_by_label("Ja, återställ").click();
    h.run();
    assert_eq!(h.state().document().unwrap().audit, opened);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().document().unwrap().audit.meta.organisation,
        "Senare"
    );
}

/// The response-time histogram labels its deadline line on the chart itself and says why
/// answers to its right may still be in time.
#[test]
fn the_histogram_names_its_deadline_line_and_explains_it() {
    let example = load_audit(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/grundskola-2019.svarskoll"),
    )
    .unwrap();
    let (mut app, _) = app_at(at(20, 12, 0));
    app.set_audit(example, None, Screen::Results);
    let mut h = harness(app);
    h.run();
    let mut drawn = Vec::new();
    for clipped in &h.output().shapes {
        if let egui::Shape::Text(text) = &clipped.shape {
            drawn.push(text.galley.job.text.clone());
        }
    }
    assert!(drawn.iter().any(|t| t == "Svarsfrist 24 h"), "{drawn:?}");
    assert!(
        h.query_by_label_contains("Svar till höger om linjen kan ändå")
            .is_some()
    );
}

/// Choosing "Slumpmässigt urval" starts at half of the eligible accounts with a fresh seed, and
/// the screen says the choice is not applied until "Tillämpa urvalet".
#[test]
fn a_random_sample_starts_sensibly_and_says_when_it_is_not_applied() {
    let (mut app, _) = app_at(at(20, 12, 0));
    app.set_audit(ten_row_audit(), None, Screen::Accounts);
    let mut h = harness(app);
    h.run();
    h.get_by_label("Tillämpa urvalet").click();
    h.run();
    assert!(
        h.query_by_label("10 konton ingår i granskningen.")
            .is_some()
    );
    h.get_by_label("Slumpmässigt urval").click();
    h.run();
    let sample = h.state().document().unwrap().audit.sample.clone();
    assert_eq!(sample.size, 5);
    assert_ne!(sample.seed, 0);
    assert!(
        h.query_by_label("10 konton ingår i granskningen.")
            .is_none(),
        "not stale"
    );
    assert!(h.query_by_label_contains("inte tillämpat än").is_some());
    h.get_by_label("Tillämpa urvalet").click();
    h.run();
    // (With a note that five accounts with logged questions left the audit.)
    assert!(
        h.query_by_label_contains("5 konton ingår i granskningen.")
            .is_some()
    );
    let audit = &h.state().document().unwrap().audit;
    assert_eq!(audit.accounts.iter().filter(|a| a.selected).count(), 5);
}

/// Before questions are assigned the log does not count accounts as unposted questions; a
/// second question is one click away and gets the bank's next question.
#[test]
fn the_log_counts_questions_not_accounts_and_adds_the_next_question_from_the_bank() {
    let (mut app, _) = app_at(at(20, 12, 0));
    let mut audit = ten_row_audit();
    for account in &mut audit.accounts {
        account.probes.clear();
    }
    audit.question_bank = vec!["Första frågan?".into(), "Andra frågan?".into()];
    app.set_audit(audit, None, Screen::Log);
    let mut h = harness(app);
    h.run();
    assert!(
        h.query_by_label("10 konton i urvalet saknar fråga.")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("ej ställda").is_none(),
        "no question counted yet"
    );
    h.get_by_label("Skapa frågor åt dem").click();
    h.run();
    assert!(h.query_by_label_contains("10 frågor:").is_some());
    let first = h.state().document().unwrap().audit.accounts[0].probes[0]
        .question
        .clone();
    h.get_by_label("Lägg till en fråga: Konto 01 (Facebook)")
        .click();
    h.run();
    let probes = &h.state().document().unwrap().audit.accounts[0].probes;
    assert_eq!(probes.len(), 2);
    assert!(!probes[1].question.is_empty());
    assert_ne!(probes[1].question, first, "the bank's other question");
    assert!(h.query_by_label_contains("11 frågor:").is_some());
}

/// The Edit menu says what Undo and Redo act on.
#[test]
fn undo_says_what_it_undoes() {
    let (mut app, _) = app_at(at(20, 12, 0));
    app.set_audit(posted_audit(), None, Screen::Log);
    let mut h = harness(app);
    h.run();
    h.get_by_label("Besvarad: Alpha (Facebook)").click();
    h.run();
    h.get_by_label("Besvarad: Alpha (Facebook)")
        .type_text("2019-03-12 11:00");
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("Redigera").click();
    h.run();
    // (The menu's accessible label ends with its shortcut.)
    h.get_by_label_contains("Ångra: Besvarad, Alpha (Facebook)")
        .click();
    h.run();
    assert!(
        h.state().document().unwrap().audit.accounts[0].probes[0]
            .answered_at
            .is_none()
    );
    h.get_by_label("Redigera").click();
    h.run();
    assert!(
        h.query_by_label_contains("Gör om: Besvarad, Alpha (Facebook)")
            .is_some()
    );
}

/// Every control of every step has an accessible name (screen readers such as NVDA read it).
#[test]
fn every_control_has_an_accessible_name() {
    use egui_kittest::kittest::NodeT;
    let example = load_audit(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/grundskola-2019.svarskoll"),
    )
    .unwrap();
    let (mut app, _) = app_at(at(20, 12, 0));
    app.set_audit(example, None, Screen::Log);
    let mut h = harness(app);
    let mut nameless = Vec::new();
    let mut checked = 0;
    for screen in [
        Screen::Audit,
        Screen::Accounts,
        Screen::Log,
        Screen::Results,
        Screen::Report,
    ] {
        h.state_mut().set_screen(screen);
        h.run();
        for node in h.root().children_recursive() {
            let ak = node.accesskit_node();
            let control = matches!(
                ak.role(),
                Role::Button
                    | Role::TextInput
                    | Role::MultilineTextInput
                    | Role::CheckBox
                    | Role::RadioButton
                    | Role::ComboBox
                    | Role::SpinButton
                    | Role::Slider
            );
            let named = ak.label().is_some_and(|l| !l.trim().is_empty());
            checked += usize::from(control);
            if control && !named {
                nameless.push(format!("{screen:?}: {:?} {:?}", ak.role(), ak.value()));
            }
        }
    }
    nameless.sort();
    nameless.dedup();
    assert!(checked > 200, "only {checked} controls seen");
    assert!(
        nameless.is_empty(),
        "controls without a name: {nameless:#?}"
    );
}

/// A machine where no file dialog can be shown (no portal, no zenity): every pick comes back
/// at once with nothing, so the app offers a typed path instead.
struct NoDialogs;

impl svarskoll::gui::FileDialogs for NoDialogs {
    fn pick(&self, _: &svarskoll::gui::DialogRequest) -> Option<PathBuf> {
        None
    }
}

#[test]
fn the_report_exports_as_word_through_the_typed_path() {
    let dir = tempfile::tempdir().unwrap();
    let docx_path = dir.path().join("nämndrapport.docx");
    let mut app = SvarskollApp::new(svarskoll::gui::Prefs::default(), Arc::new(NoDialogs));
    app.set_now(Some(local(2019, 5, 20, 10, 0).unwrap().to_utc()));
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/grundskola-2019.svarskoll");
    app.set_audit(load_audit(&example).unwrap(), None, Screen::Report);
    let mut h = harness(app);
    h.run();

    // Next to the PDF export, with its own name.
    assert!(
        h.query_by_role_and_label(Role::Button, "Exportera PDF …")
            .is_some()
    );
    h.get_by_role_and_label(Role::Button, "Exportera som Word …")
        .click();
    // The dialog could not be shown: the typed-path box opens instead, proposing a .docx.
    let start = Instant::now();
    while h.query_by_label("Sökväg till filen:").is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no typed-path box"
        );
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    h.run();
    let field = h.get_by_label("Sökväg till filen:");
    assert!(
        field.value().is_some_and(|v| v.ends_with(".docx")),
        "{:?}",
        field.value()
    );
    h.get_by_label("Sökväg till filen:").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Sökväg till filen:")
        .type_text(docx_path.to_str().unwrap());
    h.run();
    h.get_by_label("OK").click();
    let finished = wait_for(&mut h, Duration::from_secs(30), |app| {
        matches!(
            app.export_state(),
            ExportState::Done(_) | ExportState::Failed(_)
        )
    });
    assert!(finished, "the export finished");
    match h.state().export_state() {
        ExportState::Done(path) => assert_eq!(path, &docx_path),
        other => panic!("unexpected export state {other:?}"),
    }
    let bytes = std::fs::read(&docx_path).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").unwrap(),
        &mut document,
    )
    .unwrap();
    assert!(document.contains("<w:pStyle w:val=\"Heading1\"/>"));
    h.run();
    assert!(h.query_by_label_contains("Rapporten sparades:").is_some());
    assert!(
        h.query_by_role_and_label(Role::Button, "Öppna dokumentet")
            .is_some()
    );
}

/// "Skriv återkopplingsbrev …" on Rapport: with no folder dialog the typed-path box asks for a
/// folder (made when missing), and the letters are written into it on a background job.
#[test]
fn feedback_letters_are_written_from_rapport_through_the_typed_path() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("återkoppling 2019");
    let mut app = SvarskollApp::new(svarskoll::gui::Prefs::default(), Arc::new(NoDialogs));
    let now = local(2019, 5, 20, 10, 0).unwrap().to_utc();
    app.set_now(Some(now));
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/grundskola-2019.svarskoll");
    let audit = load_audit(&example).unwrap();
    let results =
        svarskoll::core::Results::compute(&audit, svarskoll::core::rules::as_of(&audit, now));
    let expected = results
        .by_unit
        .iter()
        .filter(|g| g.counts.late + g.counts.unanswered > 0)
        .count();
    assert!(expected > 0);
    app.set_audit(audit, None, Screen::Report);
    let mut h = harness(app);
    h.run();

    h.get_by_role_and_label(Role::Button, "Skriv återkopplingsbrev …")
        .click();
    let label = "Sökväg till mappen (skapas om den inte finns):";
    let start = Instant::now();
    while h.query_by_label(label).is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no typed-path box"
        );
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    h.run();
    // It proposes a new folder for the letters.
    let field = h.get_by_label(label);
    assert!(
        field.value().is_some_and(|v| v.ends_with("aterkoppling")),
        "{:?}",
        field.value()
    );
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(folder.to_str().unwrap());
    h.run();
    h.get_by_label("OK").click();
    let finished = wait_for(&mut h, Duration::from_secs(60), |app| {
        matches!(
            app.letters_state(),
            LettersState::Done { .. } | LettersState::Failed(_)
        )
    });
    assert!(finished, "the letters were written");
    match h.state().letters_state() {
        LettersState::Done {
            count,
            folder: written,
        } => {
            assert_eq!(*count, expected);
            assert_eq!(written, &folder);
        }
        other => panic!("unexpected letters state {other:?}"),
    }
    let files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), expected);
    for file in &files {
        let name = file.file_name().unwrap().to_str().unwrap();
        assert!(
            name.starts_with("aterkoppling-") && name.ends_with(".pdf"),
            "{name}"
        );
        assert!(std::fs::read(file).unwrap().starts_with(b"%PDF-"));
    }
    h.run();
    assert!(
        h.query_by_label_contains(&format!("{expected} brev skrevs till"))
            .is_some()
    );
    assert!(
        h.query_by_role_and_label(Role::Button, "Öppna mappen")
            .is_some()
    );
}

/// `posted_audit` saved in `dir` with two screenshots (PNG) attached to its probe.
fn audit_with_screenshots(dir: &Path) -> PathBuf {
    let path = dir.join("bevis.svarskoll.ron");
    let folder = svarskoll::store::evidence::evidence_dir(&path);
    std::fs::create_dir_all(&folder).unwrap();
    for (name, colour) in [("fråga.png", [20, 40, 60]), ("svar.png", [220, 200, 180])] {
        image::RgbImage::from_pixel(30, 50, image::Rgb(colour))
            .save_with_format(folder.join(name), image::ImageFormat::Png)
            .unwrap();
    }
    let mut audit = posted_audit();
    audit.accounts[0].probes[0].evidence = vec!["fråga.png".into(), "svar.png".into()];
    svarskoll::store::save_audit(&path, &audit).unwrap();
    path
}

const EVIDENCE_CHECKBOX: &str = "Bilaga med skärmbilder (bevis)";
const EVIDENCE_WARNING: &str =
    "Skärmbilderna kan visa personers namn. En rapport med bilagan är inte avsedd för publicering.";

/// The evidence appendix is a choice saved in the audit: a checkbox on Rapport, off by default,
/// an undoable edit like any other, with the warning beside it while it is on.
#[test]
fn the_evidence_appendix_is_a_checkbox_on_rapport_saved_in_the_audit() {
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().unwrap();
    let path = audit_with_screenshots(dir.path());
    let (mut app, _) = app_at(at(12, 10, 0));
    app.set_audit(
        load_audit(&path).unwrap(),
        Some(path.clone()),
        Screen::Report,
    );
    let mut h = harness(app);
    h.run();
    let checkbox = h.get_by_role_and_label(Role::CheckBox, EVIDENCE_CHECKBOX);
    assert_eq!(
        checkbox.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::False)
    );
    assert!(h.query_by_label(EVIDENCE_WARNING).is_none());

    h.get_by_role_and_label(Role::CheckBox, EVIDENCE_CHECKBOX)
        .click();
    h.run();
    assert!(h.state().document().unwrap().audit.report.evidence_appendix);
    assert!(h.query_by_label(EVIDENCE_WARNING).is_some());
    // The preview is made with the screenshots (read on its thread) and still comes.
    assert!(wait_for_label(&mut h, "sidor.", Duration::from_secs(60)));

    // Saved like any other change.
    assert!(wait_for(&mut h, Duration::from_secs(5), |app| app
        .document()
        .unwrap()
        .is_saved()));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("evidence_appendix: true"), "{text}");
    assert!(load_audit(&path).unwrap().report.evidence_appendix);

    // And undone like one, saying what it undoes.
    h.get_by_label("Redigera").click();
    h.run();
    h.get_by_label_contains("Ångra: rapportens inställningar")
        .click();
    h.run();
    assert!(!h.state().document().unwrap().audit.report.evidence_appendix);
    assert!(h.query_by_label(EVIDENCE_WARNING).is_none());

    // In English too.
    h.state_mut().set_lang(Lang::En);
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "Appendix with screenshots (evidence)")
        .click();
    h.run();
    assert!(
        h.query_by_label(
            "The screenshots may show people's names. A report with the appendix is not meant for publication."
        )
        .is_some()
    );
}

/// The PDF exported from the app with the appendix on holds both screenshots (read on the
/// export's thread from the folder beside the audit). Needs the report side of the evidence
/// appendix, which draws the pictures.
#[test]
fn the_app_exports_the_evidence_appendix_with_its_screenshots() {
    let dir = tempfile::tempdir().unwrap();
    let path = audit_with_screenshots(dir.path());
    let pdf_path = dir.path().join("rapport.pdf");
    let (mut app, dialogs) = app_at(at(12, 10, 0));
    app.set_audit(
        load_audit(&path).unwrap(),
        Some(path.clone()),
        Screen::Report,
    );
    let mut h = harness(app);
    h.run();
    h.get_by_role_and_label(Role::CheckBox, EVIDENCE_CHECKBOX)
        .click();
    h.run();
    dialogs.answer(Some(pdf_path.clone()));
    h.get_by_label("Exportera PDF …").click();
    let finished = wait_for(&mut h, Duration::from_secs(30), |app| {
        !matches!(
            app.export_state(),
            ExportState::Running { .. } | ExportState::Idle
        )
    });
    assert!(finished, "the export finished");
    match h.state().export_state() {
        ExportState::Done(done) => assert_eq!(done, &pdf_path),
        other => panic!("unexpected export state {other:?}"),
    }
    let document = lopdf::Document::load(&pdf_path).unwrap();
    let images = document
        .objects
        .values()
        .filter(|object| {
            object.as_stream().is_ok_and(|stream| {
                stream
                    .dict
                    .get(b"Subtype")
                    .and_then(lopdf::Object::as_name)
                    .is_ok_and(|name| name == b"Image")
            })
        })
        .count();
    assert_eq!(images, 2, "one image per screenshot");
}

/// Whether a node has this accessible name (its label; kittest's `query_by_label` reads a
/// text label's value, what it shows, instead).
fn has_accessible_name(h: &Harness<'_, SvarskollApp>, name: &str) -> bool {
    h.query_by(|n| n.label().as_deref() == Some(name)).is_some()
}

/// Three audited accounts and one closed one, with a checklist of one item of each kind.
fn review_audit() -> Audit {
    use svarskoll::core::review::{ReviewItem, ReviewKind};
    let mut audit = Audit::default();
    for (name, unit) in [
        ("Alpha", "Skola A"),
        ("Beta", "Skola A"),
        ("Gamma", "Skola B"),
    ] {
        audit.accounts.push(Account {
            name: name.into(),
            unit: unit.into(),
            platform: Platform::Facebook,
            ..Account::default()
        });
    }
    audit.accounts.push(Account {
        name: "Stängt".into(),
        status: svarskoll::core::AccountStatus::Closed,
        ..Account::default()
    });
    let item = |id: &str, text: &str, kind| ReviewItem {
        id: id.into(),
        text: text.into(),
        kind,
    };
    audit.review = vec![
        item("contact", "Kontaktuppgifter i profilen", ReviewKind::YesNo),
        item(
            "administrators",
            "Administratörer (minst två)",
            ReviewKind::Number { min: 2 },
        ),
        item(
            "recent_post",
            "Senaste inlägg",
            ReviewKind::Date { within_days: 28 },
        ),
    ];
    audit
}

/// Kontogranskning, a mode of Konton: the keyboard answers every kind of item, Enter and the
/// arrows move between cells, the pass counts above the columns follow, and undo takes an
/// answer back. Resultat shows the same counts.
#[test]
fn the_account_review_is_answered_with_the_keyboard_and_counted() {
    use svarskoll::core::review::ReviewAnswer;
    let (mut app, _) = app_at(at(20, 12, 0));
    app.set_audit(review_audit(), None, Screen::Audit);
    let mut h = harness(app);
    h.run();
    go(&mut h, "2  Konton");
    h.get_by_label("Kontogranskning").click();
    h.run();
    // Only the audited accounts have rows.
    assert!(
        h.query_by_label("Kontaktuppgifter i profilen: Stängt (Facebook)")
            .is_none()
    );
    let cell = |item: &str, account: &str| format!("{item}: {account} (Facebook)");
    let contact = |a: &str| cell("Kontaktuppgifter i profilen", a);
    let admins = |a: &str| cell("Administratörer (minst två)", a);
    let posted = |a: &str| cell("Senaste inlägg", a);

    // Yes/no: J is yes, Enter goes down, N is no, Down, Space toggles.
    h.get_by_label(&contact("Alpha")).focus();
    h.run();
    h.key_press(egui::Key::J);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(
        h.get_by_label(&contact("Beta")).is_focused(),
        "Enter went down"
    );
    h.key_press(egui::Key::N);
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::Space);
    h.run();
    // Right to the number column, type; Up, type; Enter goes down again.
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert!(h.get_by_label(&admins("Gamma")).is_focused(), "Right moved");
    h.get_by_label(&admins("Gamma")).type_text("3");
    h.run();
    h.key_press(egui::Key::ArrowUp);
    h.run();
    assert!(h.get_by_label(&admins("Beta")).is_focused(), "Up moved");
    h.get_by_label(&admins("Beta")).type_text("1");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.get_by_label(&admins("Gamma")).is_focused());
    // A date: typed, refused while it is not one, accepted with Enter.
    h.key_press(egui::Key::ArrowRight);
    h.run();
    h.get_by_label(&posted("Gamma")).type_text("2019-03-");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.query_by_label_contains("är inget datum").is_some());
    h.get_by_label(&posted("Gamma")).type_text("01");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.query_by_label_contains("är inget datum").is_none());

    let answers = |h: &Harness<'_, SvarskollApp>| {
        h.state()
            .document()
            .unwrap()
            .audit
            .accounts
            .iter()
            .map(|a| a.review.clone())
            .collect::<Vec<_>>()
    };
    let day = |d| ReviewAnswer::Date(chrono::NaiveDate::from_ymd_opt(2019, 3, d).unwrap());
    let got = answers(&h);
    assert_eq!(
        got[0].iter().collect::<Vec<_>>(),
        [(&"contact".to_owned(), &ReviewAnswer::Yes)]
    );
    assert_eq!(got[1].get("contact"), Some(&ReviewAnswer::No));
    assert_eq!(got[1].get("administrators"), Some(&ReviewAnswer::Number(1)));
    assert_eq!(got[2].get("contact"), Some(&ReviewAnswer::Yes));
    assert_eq!(got[2].get("administrators"), Some(&ReviewAnswer::Number(3)));
    assert_eq!(got[2].get("recent_post"), Some(&day(1)));
    assert!(got[3].is_empty(), "the closed account is not reviewed");

    // The counts above the columns are core's.
    let audit = h.state().document().unwrap().audit.clone();
    let review = svarskoll::core::Results::compute(&audit, at(20, 12, 0)).review;
    for item in &review.items {
        let c = item.counts;
        let shown = format!(
            "{}: uppfylls av {} av {} granskade",
            item.text, c.passed, c.reviewed
        );
        assert!(has_accessible_name(&h, &shown), "missing: {shown}");
    }
    let counts: Vec<(usize, usize)> = review
        .items
        .iter()
        .map(|i| (i.counts.passed, i.counts.reviewed))
        .collect();
    assert_eq!(counts, [(2, 3), (1, 2), (1, 1)]);

    // Undo takes the date back (one step), and the count with it.
    h.get_by_label(&contact("Alpha")).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(answers(&h)[2].get("recent_post"), None);
    assert!(has_accessible_name(
        &h,
        "Senaste inlägg: uppfylls av 0 av 0 granskade"
    ));

    // Resultat lists the requirements with the same counts.
    go(&mut h, "4  Resultat");
    assert!(h.query_by_label("Kontogranskning").is_some());
    assert!(h.query_by_label("Kontaktuppgifter i profilen").is_some());
    assert!(h.query_by_label("67\u{a0}%").is_some(), "2 of 3");
}

/// An audit from before the account review (the example, format 3) has no checklist: the
/// review mode says so and takes the bundled template's on request, as one undo step.
#[test]
fn an_older_audit_takes_the_checklist_from_its_template() {
    let example = load_audit(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/grundskola-2019.svarskoll"),
    )
    .unwrap();
    assert!(example.review.is_empty());
    let (mut app, _) = app_at(at(20, 12, 0));
    app.set_audit(example, None, Screen::Accounts);
    let mut h = harness(app);
    h.run();
    h.get_by_label("Kontogranskning").click();
    h.run();
    h.get_by_label("Hämta checklistan från mallen").click();
    h.run();
    let (_, template) = svarskoll::store::resolve_template("malmo-sociala-medier").unwrap();
    assert_eq!(h.state().document().unwrap().audit.review, template.review);
    assert!(has_accessible_name(
        &h,
        "Administratörer (minst två): uppfylls av 0 av 0 granskade"
    ));
    assert!(
        h.query_by_label("Administratörer (minst två): Ekbackeskolan (Facebook)")
            .is_some()
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(h.state().document().unwrap().audit.review.is_empty());
}

/// "Starta uppföljning …" in the File menu: with no save dialog the typed-path box proposes a
/// file beside the audit; the follow-up is written there and opened, with this audit's figures
/// as its latest earlier audit. Resultat shows the trend over the earlier audits.
#[test]
fn a_followup_is_started_from_the_file_menu_through_the_typed_path() {
    let dir = tempfile::tempdir().unwrap();
    let source_path = dir.path().join("granskning-2019.svarskoll.ron");
    std::fs::copy(fixture("audit-v5.svarskoll.ron"), &source_path).unwrap();
    let source = load_audit(&source_path).unwrap();
    let next_path = dir.path().join("granskning-2020.svarskoll.ron");
    let mut app = SvarskollApp::new(svarskoll::gui::Prefs::default(), Arc::new(NoDialogs));
    app.set_now(Some(local(2019, 5, 20, 10, 0).unwrap().to_utc()));
    app.set_audit(source.clone(), Some(source_path.clone()), Screen::Results);
    let mut h = harness(app);
    h.run();
    assert!(
        h.query_by_label("Utvecklingen över granskningarna")
            .is_some(),
        "the trend is shown"
    );
    assert!(h.query_by_label("2019 (Denna granskning)").is_some());

    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Starta uppföljning …").click();
    let start = Instant::now();
    while h.query_by_label("Sökväg till filen:").is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no typed-path box"
        );
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    h.run();
    let field = h.get_by_label("Sökväg till filen:");
    assert!(
        field
            .value()
            .is_some_and(|v| v.ends_with("-uppfoljning.svarskoll")),
        "{:?}",
        field.value()
    );
    h.get_by_label("Sökväg till filen:").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Sökväg till filen:")
        .type_text(next_path.to_str().unwrap());
    h.run();
    h.get_by_label("OK").click();
    h.run();

    let doc = h.state().document().unwrap();
    assert_eq!(doc.path.as_deref(), Some(next_path.as_path()));
    assert_eq!(doc.audit.meta.year, 2020);
    assert!(doc.audit.accounts.iter().all(|a| a.probes.is_empty()));
    assert_eq!(doc.audit.actions, source.actions);
    let as_of = source.meta.closed_at.unwrap().to_utc();
    let results = svarskoll::core::Results::compute(&source, as_of);
    assert_eq!(doc.audit.earlier.len(), source.earlier.len() + 1);
    let carried = doc.audit.earlier.last().unwrap();
    assert_eq!(carried.in_time as usize, results.overall.in_time);
    assert_eq!(carried.audited as usize, results.overall.decided());
    let written = load_audit(&next_path).unwrap();
    assert_eq!(written.earlier, doc.audit.earlier);
    assert_eq!(
        load_audit(&source_path).unwrap(),
        source,
        "the source is unchanged"
    );
}

/// "Slå ihop delar …": the auditors' parts come back into the open audit; a value changed both
/// in the audit and in a part is shown side by side, and the pick is taken as one undo step.
#[test]
fn merging_parts_asks_at_a_conflict_and_takes_the_pick_as_one_undo_step() {
    use svarskoll::core::split::{SplitBy, split};
    use svarskoll::store::evidence::{attach_evidence, resolve_evidence};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kultur.svarskoll.ron");
    let time = |h, m| Some(local(2019, 3, 12, h, m).unwrap().fixed_offset());
    let mut audit = posted_audit();
    let mut beta = audit.accounts[0].clone();
    beta.name = "Beta".into();
    beta.platform = Platform::Instagram;
    audit.accounts.push(beta);
    let mut next = 0;
    audit.assign_missing_ids(|| {
        next += 1;
        next
    });
    svarskoll::store::save_audit(&path, &audit).unwrap();
    let parts = split(&audit, SplitBy::Count(2)).unwrap();
    let files =
        svarskoll::store::split::write_parts(&path, &parts, &dir.path().join("delar")).unwrap();
    // Alpha's auditor logs an answer at 11:00; Beta's at 10:30, with a screenshot.
    let mut first = load_audit(&files[0]).unwrap();
    first.accounts[0].probes[0].answered_at = time(11, 0);
    svarskoll::store::save_audit(&files[0], &first).unwrap();
    let shot = dir.path().join("beta.png");
    std::fs::write(&shot, b"beta's answer").unwrap();
    let mut second = load_audit(&files[1]).unwrap();
    second.accounts[0].probes[0].answered_at = time(10, 30);
    second.accounts[0].probes[0]
        .evidence
        .push(attach_evidence(&files[1], &shot).unwrap());
    svarskoll::store::save_audit(&files[1], &second).unwrap();
    // Meanwhile Alpha's answer was logged in the audit itself, at 12:00.
    audit.accounts[0].probes[0].answered_at = time(12, 0);
    svarskoll::store::save_audit(&path, &audit).unwrap();

    let (mut app, dialogs) = app_at(at(20, 12, 0));
    app.open_path(&path);
    let mut h = harness(app);
    h.run();
    dialogs.answer_many(files.clone());
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Slå ihop delar …").click();
    h.run();

    // Both values side by side, each with its file; nothing merged before a pick.
    assert!(h.query_by_label("Välj vid konflikterna").is_some());
    assert!(
        h.query_by_label_contains("Alpha (Facebook), frågan ställd 2019-03-12 10:00: besvarad")
            .is_some()
    );
    let ours = "2019-03-12 12:00 — kultur.svarskoll.ron";
    let theirs = "2019-03-12 11:00 — kultur-del-1.svarskoll";
    assert!(
        h.query_by_role_and_label(Role::RadioButton, ours).is_some(),
        "the audit's own value"
    );
    assert!(h.query_by_label("0 av 1 valda").is_some());
    {
        use egui_kittest::kittest::NodeT;
        let nameless: Vec<_> = h
            .root()
            .children_recursive()
            .filter(|n| {
                let ak = n.accesskit_node();
                matches!(ak.role(), Role::Button | Role::RadioButton)
                    && ak.label().is_none_or(|l| l.trim().is_empty())
            })
            .map(|n| format!("{:?}", n.accesskit_node().role()))
            .collect();
        assert!(nameless.is_empty(), "{nameless:?}");
    }
    assert_eq!(
        h.state().document().unwrap().audit.accounts[1].probes[0].answered_at,
        None,
        "nothing merged yet"
    );
    h.get_by_role_and_label(Role::RadioButton, theirs).click();
    h.run();
    assert!(h.query_by_label("1 av 1 valda").is_some());
    h.get_by_label("Slå ihop med dessa val").click();
    h.run();

    assert!(h.query_by_label("Välj vid konflikterna").is_none());
    let merged = h.state().document().unwrap().audit.clone();
    assert_eq!(merged.accounts[0].probes[0].answered_at, time(11, 0));
    assert_eq!(merged.accounts[1].probes[0].answered_at, time(10, 30));
    let evidence = &merged.accounts[1].probes[0].evidence;
    assert_eq!(evidence.len(), 1);
    assert_eq!(
        std::fs::read(resolve_evidence(&path, &evidence[0]).unwrap()).unwrap(),
        b"beta's answer",
        "copied into the audit's evidence folder"
    );
    assert!(
        h.query_by_label_contains("Delarna slogs ihop: 2 ändrade frågor, 1 bevisfil kopierad")
            .is_some()
    );
    assert!(wait_for(&mut h, Duration::from_secs(5), |app| app
        .document()
        .unwrap()
        .is_saved()));
    assert_eq!(load_audit(&path).unwrap().accounts, merged.accounts);

    // One undo step takes the whole merge back.
    assert!(h.state_mut().document_mut().unwrap().undo());
    let undone = &h.state().document().unwrap().audit;
    assert_eq!(undone.accounts[0].probes[0].answered_at, time(12, 0));
    assert_eq!(undone.accounts[1].probes[0].answered_at, None);
}

/// Merging parts that do not conflict takes them at once; cancelling a conflict merges nothing.
#[test]
fn merging_without_conflicts_needs_no_choice_and_cancel_merges_nothing() {
    use svarskoll::core::split::{SplitBy, split};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.svarskoll.ron");
    let mut audit = posted_audit();
    let mut next = 6;
    audit.assign_missing_ids(|| {
        next += 1;
        next
    });
    svarskoll::store::save_audit(&path, &audit).unwrap();
    let parts = split(&audit, SplitBy::Count(1)).unwrap();
    let files =
        svarskoll::store::split::write_parts(&path, &parts, &dir.path().join("delar")).unwrap();
    let mut part = load_audit(&files[0]).unwrap();
    part.accounts[0].probes[0].note = "svar i DM".into();
    svarskoll::store::save_audit(&files[0], &part).unwrap();

    let (mut app, dialogs) = app_at(at(20, 12, 0));
    app.open_path(&path);
    let mut h = harness(app);
    h.run();
    // A cancelled dialog does nothing.
    dialogs.answer_many(Vec::new());
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Slå ihop delar …").click();
    h.run();
    assert_eq!(dialogs.asked().len(), 1);
    assert!(!h.state().document().unwrap().can_undo());
    dialogs.answer_many(files.clone());
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Slå ihop delar …").click();
    h.run();
    assert!(h.query_by_label("Välj vid konflikterna").is_none());
    assert_eq!(
        h.state().document().unwrap().audit.accounts[0].probes[0].note,
        "svar i DM"
    );
    assert!(
        h.query_by_label_contains("Delarna slogs ihop: 1 ändrad fråga")
            .is_some()
    );

    // The same note changed differently in the audit: asked, and Avbryt merges nothing.
    h.state_mut()
        .document_mut()
        .unwrap()
        .edit(|a| a.accounts[0].probes[0].note = "annan anteckning".into());
    h.state_mut().set_lang(Lang::En);
    h.run();
    dialogs.answer_many(files);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Merge parts …").click();
    h.run();
    assert!(h.query_by_label("Choose at the conflicts").is_some());
    assert!(
        h.query_by_label("'annan anteckning' — a.svarskoll.ron")
            .is_some()
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Choose at the conflicts").is_none());
    assert_eq!(
        h.state().document().unwrap().audit.accounts[0].probes[0].note,
        "annan anteckning"
    );
}

/// Without a file dialog, "Slå ihop delar …" takes several typed paths.
#[test]
fn parts_to_merge_can_be_typed_several_at_once() {
    use svarskoll::core::split::{SplitBy, split};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.svarskoll.ron");
    let mut audit = posted_audit();
    let mut beta = audit.accounts[0].clone();
    beta.name = "Beta".into();
    audit.accounts.push(beta);
    let mut next = 0;
    audit.assign_missing_ids(|| {
        next += 1;
        next
    });
    svarskoll::store::save_audit(&path, &audit).unwrap();
    let parts = split(&audit, SplitBy::Count(2)).unwrap();
    let files =
        svarskoll::store::split::write_parts(&path, &parts, &dir.path().join("delar")).unwrap();
    for (file, note) in files.iter().zip(["från del 1", "från del 2"]) {
        let mut part = load_audit(file).unwrap();
        part.accounts[0].probes[0].note = note.into();
        svarskoll::store::save_audit(file, &part).unwrap();
    }
    let mut app = SvarskollApp::new(svarskoll::gui::Prefs::default(), Arc::new(NoDialogs));
    app.set_now(Some(at(20, 12, 0)));
    app.open_path(&path);
    let mut h = harness(app);
    h.run();
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Slå ihop delar …").click();
    h.run();
    assert!(wait_for(&mut h, Duration::from_secs(5), |app| app.is_idle()));
    h.run();
    // The box starts with the audit's folder; one path a line (or separated by ;).
    let field = "Sökvägar till filerna, en per rad:";
    h.get_by_label(field).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    let typed = format!("{};{}", files[0].display(), files[1].display());
    h.get_by_label(field).type_text(&typed);
    h.run();
    h.get_by_label("OK").click();
    h.run();
    let notes: Vec<String> = h
        .state()
        .document()
        .unwrap()
        .audit
        .accounts
        .iter()
        .map(|a| a.probes[0].note.clone())
        .collect();
    assert_eq!(notes, ["från del 1", "från del 2"]);
}
