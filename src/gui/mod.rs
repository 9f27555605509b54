//! The desktop app (eframe/egui): a shell with the five steps of PRODUCT §2 in a side bar, one
//! file per screen. Screens edit the audit through [`Document`] and queue [`Command`]s for
//! anything that touches files; the shell runs them after the frame, or on a named background
//! thread (autosave, PDF export, native dialogs).

mod accounts;
mod audit;
mod command;
mod dialogs;
mod document;
mod i18n;
mod job;
mod log;
mod preview;
mod report;
mod results;
mod start;
mod widgets;

pub use command::{Command, DialogSpec, Facts, UiCommand};
pub use dialogs::{DialogRequest, FileDialogs, NativeDialogs, ScriptedDialogs};
pub use document::Document;
pub use i18n::tr;

use crate::core::{Audit, Lang};
use crate::report::write_pdf;
use crate::store;
use chrono::{DateTime, Datelike, Utc};
use egui::{Key, KeyboardShortcut, Modifiers, ViewportCommand};
use job::{Finished, Job};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long after a change the autosave starts: short enough to stay within a second, long
/// enough that a burst of typing is one write.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(300);

/// A dialog that answers faster than this was not shown at all (no portal, no zenity).
const DIALOG_UNAVAILABLE: Duration = Duration::from_millis(250);

const PREFS_KEY: &str = "svarskoll-prefs";
const MAX_RECENT: usize = 8;

/// The bundled example audit, relative to the crate or the working folder.
pub const EXAMPLE_AUDIT: &str = "assets/examples/grundskola-2019.svarskoll.ron";

/// Open the window, optionally with an audit file.
pub fn run(audit: Option<PathBuf>) -> Result<(), String> {
    let started = Instant::now();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Svarskoll")
            .with_inner_size([1280.0, 720.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "Svarskoll",
        options,
        Box::new(move |cc| {
            let prefs: Prefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, PREFS_KEY))
                .unwrap_or_default();
            let mut app = SvarskollApp::new(prefs, Arc::new(NativeDialogs));
            app.started = Some(started);
            if let Some(path) = audit {
                app.open_path(&path);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())
}

/// The five steps of the workflow, plus the start screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Screen {
    Start,
    Audit,
    Accounts,
    Log,
    Results,
    Report,
}

impl Screen {
    pub const STEPS: [Screen; 5] = [
        Screen::Audit,
        Screen::Accounts,
        Screen::Log,
        Screen::Results,
        Screen::Report,
    ];

    /// The step's name in the side bar.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Screen::Start => "Start",
            Screen::Audit => "Granskning",
            Screen::Accounts => "Konton",
            Screen::Log => "Frågor och logg",
            Screen::Results => "Resultat",
            Screen::Report => "Rapport",
        }
    }
}

/// The light/dark choice; `System` follows the desktop.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

/// UI preferences kept by eframe between runs (never the audit itself: that has its own file).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    pub theme: ThemeChoice,
    /// Recently opened audit files, newest first.
    pub recent: Vec<PathBuf>,
}

/// What a screen gets each frame.
pub struct ScreenCtx<'a> {
    pub doc: &'a mut Document,
    pub lang: Lang,
    /// The clock, read once per frame.
    pub now: DateTime<Utc>,
    pub commands: &'a mut Vec<Command>,
    pub export: &'a ExportState,
}

impl ScreenCtx<'_> {
    /// Translate a UI string.
    #[must_use]
    pub fn t(&self, sv: &'static str) -> &'static str {
        tr(self.lang, sv)
    }

    /// The instant statuses and results are computed for (see [`as_of`]).
    #[must_use]
    pub fn as_of(&self) -> DateTime<Utc> {
        as_of(&self.doc.audit, self.now)
    }
}

/// The "as of" instant of PRODUCT §4 that every screen, the report and the comparison use: the
/// audit's closing time when it has one (answers logged later do not count), else `now`.
#[must_use]
pub fn as_of(audit: &Audit, now: DateTime<Utc>) -> DateTime<Utc> {
    audit.meta.closed_at.map_or(now, |t| t.to_utc())
}

/// Where the PDF export stands.
#[derive(Debug, Default)]
pub enum ExportState {
    #[default]
    Idle,
    Running {
        path: PathBuf,
        started: Instant,
    },
    Done(PathBuf),
    Failed(String),
}

/// A message at the top of the window.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Banner {
    error: bool,
    text: String,
}

/// What to do once the unsaved-changes question is answered.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    Quit,
    Then(Command),
}

/// A typed path, offered when no native dialog could be shown.
#[derive(Clone, Debug)]
struct PathPrompt {
    command: UiCommand,
    text: String,
    /// Put the cursor in the field when the prompt opens.
    focus: bool,
}

/// One finished write of the audit file.
struct SaveDone {
    path: PathBuf,
    generation: u64,
    result: Result<(), String>,
}

/// Writes the audit file on a background thread so an fsync never stalls typing.
#[derive(Default)]
struct Saver {
    job: Job<SaveDone>,
}

impl Saver {
    fn in_flight(&self) -> bool {
        self.job.is_running()
    }

    /// Write `audit` (as of `generation`) to `path`; one save at a time.
    fn start(&mut self, path: PathBuf, audit: Audit, generation: u64, ctx: &egui::Context) {
        // Without a worker thread the save runs on the UI thread instead.
        self.job
            .start_or_run_here("autosave", Some(ctx.clone()), move || {
                let result = store::save_audit(&path, &audit).map_err(|e| e.to_string());
                SaveDone {
                    path,
                    generation,
                    result,
                }
            });
    }

    /// A finished save, without waiting.
    fn poll(&mut self) -> Vec<SaveDone> {
        finished_save(self.job.poll())
    }

    /// Wait for the save in flight.
    fn wait(&mut self) -> Vec<SaveDone> {
        finished_save(self.job.wait(Duration::from_secs(30)))
    }
}

fn finished_save(finished: Option<Finished<SaveDone>>) -> Vec<SaveDone> {
    match finished {
        Some(Finished::Done(done)) => vec![done],
        Some(Finished::Lost) | None => Vec::new(),
    }
}

/// The application.
pub struct SvarskollApp {
    prefs: Prefs,
    doc: Option<Document>,
    screen: Screen,
    start: start::StartScreen,
    audit_screen: audit::AuditScreen,
    accounts: accounts::AccountsScreen,
    log: log::LogScreen,
    results: results::ResultsScreen,
    report: report::ReportScreen,
    commands: Vec<Command>,
    dialogs: Arc<dyn FileDialogs>,
    /// The native file dialog being shown: for which command, the answer and how long it took.
    dialog: Job<(UiCommand, Option<PathBuf>, Duration)>,
    path_prompt: Option<PathPrompt>,
    saver: Saver,
    save_error: Option<String>,
    /// The generation whose save failed, so the same state is not retried in a loop.
    failed_generation: Option<u64>,
    export: ExportState,
    export_job: Job<Result<PathBuf, String>>,
    banners: Vec<Banner>,
    pending: Option<Pending>,
    /// What to do once "Spara som" (asked for by the unsaved-changes question) has saved.
    after_save: Option<Pending>,
    /// Closing was confirmed; let the next close request through.
    allow_close: bool,
    title: String,
    now_override: Option<DateTime<Utc>>,
    started: Option<Instant>,
    ctx: Option<egui::Context>,
}

impl SvarskollApp {
    /// A new app with these preferences and dialogs.
    #[must_use]
    pub fn new(prefs: Prefs, dialogs: Arc<dyn FileDialogs>) -> Self {
        Self {
            prefs,
            doc: None,
            screen: Screen::Start,
            start: start::StartScreen::default(),
            audit_screen: audit::AuditScreen::default(),
            accounts: accounts::AccountsScreen::default(),
            log: log::LogScreen::default(),
            results: results::ResultsScreen::default(),
            report: report::ReportScreen::default(),
            commands: Vec::new(),
            dialogs,
            dialog: Job::default(),
            path_prompt: None,
            saver: Saver::default(),
            save_error: None,
            failed_generation: None,
            export: ExportState::Idle,
            export_job: Job::default(),
            banners: Vec::new(),
            pending: None,
            after_save: None,
            allow_close: false,
            title: String::new(),
            now_override: None,
            started: None,
            ctx: None,
        }
    }

    /// An app with answered-by-script dialogs and default preferences, for tests and benchmarks.
    #[must_use]
    pub fn for_tests(dialogs: Arc<ScriptedDialogs>) -> Self {
        Self::new(Prefs::default(), dialogs)
    }

    /// Pretend the clock says `now` (tests); `None` for the real clock.
    pub fn set_now(&mut self, now: Option<DateTime<Utc>>) {
        self.now_override = now;
    }

    fn now(&self) -> DateTime<Utc> {
        self.now_override.unwrap_or_else(Utc::now)
    }

    /// Work on `audit`, stored at `path` (if any), showing `screen`.
    pub fn set_audit(&mut self, audit: Audit, path: Option<PathBuf>, screen: Screen) {
        self.doc = Some(Document::new(audit, path));
        self.screen = screen;
        self.reset_screens();
    }

    #[must_use]
    pub fn document(&self) -> Option<&Document> {
        self.doc.as_ref()
    }

    pub fn document_mut(&mut self) -> Option<&mut Document> {
        self.doc.as_mut()
    }

    #[must_use]
    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub fn set_screen(&mut self, screen: Screen) {
        self.screen = screen;
    }

    #[must_use]
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    pub fn set_lang(&mut self, lang: Lang) {
        self.prefs.lang = lang;
    }

    #[must_use]
    pub fn export_state(&self) -> &ExportState {
        &self.export
    }

    /// The last save error, if the file is not up to date because of it.
    #[must_use]
    pub fn save_error(&self) -> Option<&str> {
        self.save_error.as_deref()
    }

    /// Nothing is running in the background (dialog, save, export).
    #[must_use]
    pub fn is_idle(&self) -> bool {
        !self.dialog.is_running() && !self.saver.in_flight() && !self.export_job.is_running()
    }

    /// The window title: file name and whether everything is saved.
    #[must_use]
    pub fn title(&self) -> String {
        let t = |s| tr(self.prefs.lang, s);
        match &self.doc {
            None => "Svarskoll".to_owned(),
            Some(doc) => {
                let state = if self.save_error.is_some() {
                    t("kunde inte sparas")
                } else if doc.path.is_none() {
                    t("inte sparad till fil")
                } else if doc.is_saved() {
                    t("allt sparat")
                } else {
                    t("sparar …")
                };
                let name = doc
                    .display_name()
                    .unwrap_or_else(|| t("Ny granskning").to_owned());
                format!("{name} — {state} — Svarskoll")
            }
        }
    }

    /// Open an audit file now (used for the command-line argument).
    pub fn open_path(&mut self, path: &Path) {
        self.commands
            .push(Command::WithFile(UiCommand::OpenAudit, path.to_owned()));
        self.run_commands();
    }

    /// Write any unsaved changes now and wait for the write (quit, tests). Errors are shown.
    pub fn flush(&mut self) -> Result<(), String> {
        let finished = self.saver.wait();
        self.apply_saves(finished);
        let Some(doc) = &self.doc else {
            return Ok(());
        };
        let Some(path) = doc.path.clone() else {
            return Ok(());
        };
        if doc.needs_save() {
            let generation = doc.generation();
            match store::save_audit(&path, &doc.audit) {
                Ok(()) => {
                    self.apply_saves(vec![SaveDone {
                        path,
                        generation,
                        result: Ok(()),
                    }]);
                }
                Err(e) => {
                    self.save_error = Some(e.to_string());
                    return Err(e.to_string());
                }
            }
        }
        match &self.save_error {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }

    fn reset_screens(&mut self) {
        self.audit_screen = audit::AuditScreen::default();
        self.accounts = accounts::AccountsScreen::default();
        self.log = log::LogScreen::default();
        self.results = results::ResultsScreen::default();
        self.report = report::ReportScreen::default();
        self.export = ExportState::Idle;
    }

    /// One frame of the whole app; eframe's `App::ui` and the tests both call this.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.ctx.is_none() {
            self.apply_theme(&ctx);
            install_fonts(&ctx);
            if let Some(started) = self.started
                && std::env::var_os("SVARSKOLL_TIMING").is_some()
            {
                eprintln!(
                    "svarskoll: first frame {:.1} ms after gui::run (unix time {} ms)",
                    started.elapsed().as_secs_f64() * 1000.0,
                    std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map_or(0, |d| d.as_millis())
                );
            }
            self.ctx = Some(ctx.clone());
        }
        self.handle_input(&ctx);
        self.menu_bar(ui);
        if self.doc.is_some() && self.screen != Screen::Start {
            self.side_bar(ui);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            self.banners(ui);
            self.central(ui);
        });
        self.modals(&ctx);
        self.after_frame(&ctx);
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.prefs.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
    }

    fn handle_input(&mut self, ctx: &egui::Context) {
        for command in UiCommand::pressed(ctx) {
            self.commands.push(Command::Ui(command));
        }
        // A dropped CSV is imported, a dropped audit file opened.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        // … unless the evidence window of a probe is open: then it is that probe's evidence.
        let evidence_target = (self.screen == Screen::Log && self.doc.is_some())
            .then(|| self.log.evidence_target())
            .flatten();
        for path in dropped {
            self.commands.push(match evidence_target {
                Some((account, probe)) => {
                    Command::WithFile(UiCommand::AttachEvidence { account, probe }, path)
                }
                None => dropped_file_command(&path),
            });
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self
                .doc
                .as_ref()
                .is_some_and(|d| d.path.is_none() && d.has_unsaved_work())
            {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.pending = Some(Pending::Quit);
            } else if let Err(e) = self.flush() {
                // The file could not be written: keep the window open and ask, so nothing is
                // lost without the auditor choosing it.
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.pending = Some(Pending::Quit);
                self.banners.push(Banner {
                    error: true,
                    text: format!(
                        "{}: {e}",
                        tr(self.prefs.lang, "Kunde inte spara innan fönstret stängdes")
                    ),
                });
            }
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        let lang = self.prefs.lang;
        let t = |s| tr(lang, s);
        let has_doc = self.doc.is_some();
        let (can_undo, can_redo) = self
            .doc
            .as_ref()
            .map_or((false, false), |d| (d.can_undo(), d.can_redo()));
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button(t("Arkiv"), |ui| {
                    let queue = &mut self.commands;
                    UiCommand::NewAudit.menu_entry(ui, lang, true, queue);
                    UiCommand::OpenAudit.menu_entry(ui, lang, true, queue);
                    if ui.button(t("Öppna med sökväg …")).clicked() {
                        queue.push(Command::TypePath(UiCommand::OpenAudit));
                    }
                    UiCommand::NewFromTemplateFile.menu_entry(ui, lang, true, queue);
                    ui.menu_button(t("Senaste"), |ui| {
                        if self.prefs.recent.is_empty() {
                            ui.label(t("Inga senaste granskningar"));
                        }
                        for path in &self.prefs.recent {
                            if ui.button(path.display().to_string()).clicked() {
                                queue.push(Command::WithFile(UiCommand::OpenAudit, path.clone()));
                            }
                        }
                    });
                    ui.separator();
                    UiCommand::Save.menu_entry(ui, lang, has_doc, queue);
                    UiCommand::SaveAs.menu_entry(ui, lang, has_doc, queue);
                    UiCommand::SaveTemplate.menu_entry(ui, lang, has_doc, queue);
                    UiCommand::ExportLog.menu_entry(ui, lang, has_doc, queue);
                    UiCommand::CloseAudit.menu_entry(ui, lang, has_doc, queue);
                    ui.separator();
                    UiCommand::Quit.menu_entry(ui, lang, true, queue);
                });
                ui.menu_button(t("Redigera"), |ui| {
                    let queue = &mut self.commands;
                    UiCommand::Undo.menu_entry(ui, lang, can_undo, queue);
                    UiCommand::Redo.menu_entry(ui, lang, can_redo, queue);
                });
                ui.menu_button(t("Visa"), |ui| {
                    ui.label(t("Språk"));
                    ui.radio_value(&mut self.prefs.lang, Lang::Sv, "Svenska");
                    ui.radio_value(&mut self.prefs.lang, Lang::En, "English");
                    ui.separator();
                    ui.label(t("Tema"));
                    let before = self.prefs.theme;
                    ui.radio_value(
                        &mut self.prefs.theme,
                        ThemeChoice::System,
                        t("Som systemet"),
                    );
                    ui.radio_value(&mut self.prefs.theme, ThemeChoice::Light, t("Ljust"));
                    ui.radio_value(&mut self.prefs.theme, ThemeChoice::Dark, t("Mörkt"));
                    if before != self.prefs.theme {
                        self.apply_theme(ui.ctx());
                    }
                    ui.separator();
                    if ui
                        .add(egui::Button::new(t("Större text")).shortcut_text("Ctrl +"))
                        .clicked()
                    {
                        egui::gui_zoom::zoom_in(ui.ctx());
                    }
                    if ui
                        .add(egui::Button::new(t("Mindre text")).shortcut_text("Ctrl -"))
                        .clicked()
                    {
                        egui::gui_zoom::zoom_out(ui.ctx());
                    }
                    if ui
                        .add(egui::Button::new(t("Normal textstorlek")).shortcut_text("Ctrl 0"))
                        .clicked()
                    {
                        ui.ctx().set_zoom_factor(1.0);
                    }
                });
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    self.save_indicator(ui);
                });
            });
        });
    }

    fn save_indicator(&self, ui: &mut egui::Ui) {
        let t = |s| tr(self.prefs.lang, s);
        let Some(doc) = &self.doc else {
            return;
        };
        let (text, color) = if self.save_error.is_some() {
            (t("Kunde inte spara!"), widgets::error_color(ui))
        } else if doc.path.is_none() {
            (t("Inte sparad till fil"), widgets::warning_color(ui))
        } else if doc.is_saved() {
            (t("Allt sparat"), widgets::ok_color(ui))
        } else {
            (t("Sparar …"), ui.visuals().weak_text_color())
        };
        ui.label(egui::RichText::new(text).color(color));
        if let Some(name) = doc.display_name() {
            ui.label(egui::RichText::new(name).strong()).on_hover_text(
                doc.path
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
            );
        }
    }

    fn side_bar(&mut self, ui: &mut egui::Ui) {
        let lang = self.prefs.lang;
        let Some(doc) = &self.doc else {
            return;
        };
        let audit = &doc.audit;
        let audited: Vec<&crate::core::Account> = audit
            .accounts
            .iter()
            .filter(|a| audit.is_audited(a))
            .collect();
        let probes = audited.iter().flat_map(|a| a.probes.iter());
        let (mut posted, mut answered, mut total) = (0usize, 0usize, 0usize);
        for p in probes {
            total += 1;
            posted += usize::from(p.posted_at.is_some());
            answered += usize::from(p.answered_at.is_some());
        }
        let hints = [
            if audit.meta.title.trim().is_empty() {
                tr(lang, "titel saknas").to_owned()
            } else {
                audit.meta.title.clone()
            },
            i18n::fill(
                tr(lang, "{n} konton, {s} i urvalet"),
                &[("n", audit.accounts.len()), ("s", audited.len())],
            ),
            i18n::fill(
                tr(lang, "{p} av {t} ställda, {a} besvarade"),
                &[("p", posted), ("t", total), ("a", answered)],
            ),
            String::new(),
            if audit.actions.is_empty() {
                String::new()
            } else {
                i18n::fill(tr(lang, "{n} åtgärder"), &[("n", audit.actions.len())])
            },
        ];
        egui::Panel::left("steps")
            .resizable(false)
            .exact_size(168.0)
            .show(ui, |ui| {
                ui.add_space(8.0);
                let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
                let shortcuts = keys.map(|key| KeyboardShortcut::new(Modifiers::ALT, key));
                for (i, (step, hint)) in Screen::STEPS.iter().zip(hints).enumerate() {
                    let selected = self.screen == *step;
                    let text =
                        egui::RichText::new(format!("{}  {}", i + 1, tr(lang, step.label())))
                            .size(15.0);
                    let response = ui
                        .add_sized(
                            [ui.available_width(), 30.0],
                            egui::Button::selectable(selected, text),
                        )
                        .on_hover_text(ui.ctx().format_shortcut(&shortcuts[i]));
                    if response.clicked() {
                        self.screen = *step;
                    }
                    if !hint.is_empty() {
                        ui.add(
                            egui::Label::new(egui::RichText::new(hint).size(11.0).weak())
                                .truncate(),
                        );
                    }
                    ui.add_space(6.0);
                }
                for (step, shortcut) in Screen::STEPS.iter().zip(shortcuts) {
                    if ui.input_mut(|i| i.consume_shortcut(&shortcut)) {
                        self.screen = *step;
                    }
                }
            });
    }

    fn banners(&mut self, ui: &mut egui::Ui) {
        let lang = self.prefs.lang;
        let t = |s| tr(lang, s);
        if let Some(error) = self.save_error.clone() {
            widgets::banner(ui, widgets::Tone::Error, |ui| {
                ui.label(format!("{} {error}", t("Granskningen kunde inte sparas:")));
                if ui.button(t("Försök igen")).clicked() {
                    self.failed_generation = None;
                    self.commands.push(Command::Ui(UiCommand::Save));
                }
                if ui.button(UiCommand::SaveAs.label(lang)).clicked() {
                    self.commands.push(Command::Ui(UiCommand::SaveAs));
                }
            });
        }
        if self.screen != Screen::Start && self.doc.as_ref().is_some_and(|d| d.path.is_none()) {
            widgets::banner(ui, widgets::Tone::Warning, |ui| {
                ui.label(t(
                    "Granskningen är inte sparad till någon fil än. När den har en fil sparas varje ändring automatiskt.",
                ));
                if ui.button(UiCommand::SaveAs.label(lang)).clicked() {
                    self.commands.push(Command::Ui(UiCommand::SaveAs));
                }
            });
        }
        let mut dismissed = None;
        for (i, banner) in self.banners.iter().enumerate() {
            let tone = if banner.error {
                widgets::Tone::Error
            } else {
                widgets::Tone::Info
            };
            widgets::banner(ui, tone, |ui| {
                ui.label(&banner.text);
                if ui
                    .small_button("×")
                    .on_hover_text(t("Stäng meddelandet"))
                    .clicked()
                {
                    dismissed = Some(i);
                }
            });
        }
        if let Some(i) = dismissed {
            self.banners.remove(i);
        }
    }

    fn central(&mut self, ui: &mut egui::Ui) {
        let now = self.now();
        let lang = self.prefs.lang;
        let screen = if self.doc.is_none() {
            Screen::Start
        } else {
            self.screen
        };
        if screen == Screen::Start {
            let mut cx = start::StartCtx {
                lang,
                recent: &self.prefs.recent,
                commands: &mut self.commands,
            };
            self.start.ui(ui, &mut cx);
            return;
        }
        let Some(doc) = self.doc.as_mut() else {
            return;
        };
        let mut cx = ScreenCtx {
            doc,
            lang,
            now,
            commands: &mut self.commands,
            export: &self.export,
        };
        match screen {
            Screen::Audit => self.audit_screen.ui(ui, &mut cx),
            Screen::Accounts => self.accounts.ui(ui, &mut cx),
            Screen::Log => self.log.ui(ui, &mut cx),
            Screen::Results => self.results.ui(ui, &mut cx),
            Screen::Report => self.report.ui(ui, &mut cx),
            Screen::Start => {}
        }
    }

    fn modals(&mut self, ctx: &egui::Context) {
        let lang = self.prefs.lang;
        let t = |s| tr(lang, s);
        if let Some(pending) = self.pending.clone() {
            let has_file = self.doc.as_ref().is_some_and(|d| d.path.is_some());
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("unsaved-guard")).show(ctx, |ui| {
                ui.set_max_width(420.0);
                ui.heading(t("Granskningen är inte sparad"));
                ui.label(if has_file {
                    t("Granskningen kunde inte sparas till sin fil. Spara den någon annanstans, annars går de senaste ändringarna förlorade.")
                } else {
                    t("Den här granskningen har ingen fil än. Spara den, annars går det du har gjort förlorat.")
                });
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(UiCommand::SaveAs.label(lang)).clicked() {
                        answer = Some(0);
                    }
                    if ui.button(t("Stäng utan att spara")).clicked() {
                        answer = Some(1);
                    }
                    if ui.button(t("Avbryt")).clicked() {
                        answer = Some(2);
                    }
                });
            });
            match answer {
                Some(0) => {
                    self.pending = None;
                    self.after_save = Some(pending);
                    self.commands.push(Command::Ui(UiCommand::SaveAs));
                }
                Some(1) => {
                    self.pending = None;
                    self.discard_and(pending, ctx);
                }
                Some(_) => self.pending = None,
                None => {}
            }
        }
        if let Some(mut prompt) = self.path_prompt.take() {
            let mut keep = true;
            let Some(spec) = prompt.command.dialog(lang) else {
                return;
            };
            egui::Modal::new(egui::Id::unique("path-prompt")).show(ctx, |ui| {
                ui.set_min_width(480.0);
                ui.heading(spec.title);
                let label = ui.label(t("Sökväg till filen:"));
                let response = ui.add(
                    egui::TextEdit::singleline(&mut prompt.text)
                        .desired_width(460.0)
                        .hint_text(spec.hint),
                );
                response.clone().labelled_by(label.id);
                if prompt.focus {
                    response.request_focus();
                    prompt.focus = false;
                }
                let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                ui.horizontal(|ui| {
                    let ok =
                        ui.add_enabled(!prompt.text.trim().is_empty(), egui::Button::new(t("OK")));
                    if (ok.clicked() || enter) && !prompt.text.trim().is_empty() {
                        let path = PathBuf::from(prompt.text.trim());
                        self.commands.push(Command::WithFile(prompt.command, path));
                        keep = false;
                    }
                    if ui.button(t("Avbryt")).clicked() {
                        keep = false;
                        if prompt.command == UiCommand::SaveAs {
                            self.after_save = None;
                        }
                    }
                });
            });
            if keep {
                self.path_prompt = Some(prompt);
            }
        }
    }

    fn discard_and(&mut self, pending: Pending, ctx: &egui::Context) {
        match pending {
            Pending::Quit => {
                self.allow_close = true;
                self.doc = None;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Pending::Then(command) => {
                self.doc = None;
                self.commands.push(command);
            }
        }
    }

    fn after_frame(&mut self, ctx: &egui::Context) {
        match self.dialog.poll() {
            Some(Finished::Done((command, path, took))) => self.on_picked(command, path, took),
            Some(Finished::Lost) | None => {}
        }
        let finished = self.saver.poll();
        self.apply_saves(finished);
        self.poll_export();
        self.run_commands();
        self.autosave(ctx);
        let title = self.title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        if matches!(self.export, ExportState::Running { .. }) {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
    }

    fn on_picked(&mut self, command: UiCommand, path: Option<PathBuf>, took: Duration) {
        match path {
            Some(path) => self.commands.push(Command::WithFile(command, path)),
            // Returned at once: no dialog could be shown, so offer a typed path instead.
            None if took < DIALOG_UNAVAILABLE && !self.dialogs.answers_at_once() => {
                self.commands.push(Command::TypePath(command));
            }
            None => {
                if command == UiCommand::SaveAs {
                    self.after_save = None;
                }
            }
        }
    }

    fn apply_saves(&mut self, finished: Vec<SaveDone>) {
        for done in finished {
            match done.result {
                Ok(()) => {
                    if let Some(doc) = &mut self.doc {
                        doc.mark_saved(&done.path, done.generation);
                    }
                    self.save_error = None;
                    self.failed_generation = None;
                }
                Err(e) => {
                    self.save_error = Some(e);
                    self.failed_generation = Some(done.generation);
                }
            }
        }
    }

    fn autosave(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.doc else {
            return;
        };
        let Some(path) = doc.path.clone() else {
            return;
        };
        if !doc.needs_save() || self.saver.in_flight() {
            if self.saver.in_flight() {
                ctx.request_repaint_after(Duration::from_millis(50));
            }
            return;
        }
        if self.failed_generation == Some(doc.generation()) {
            return;
        }
        let waited = doc.dirty_for().unwrap_or(AUTOSAVE_DELAY);
        if waited < AUTOSAVE_DELAY {
            ctx.request_repaint_after(AUTOSAVE_DELAY - waited);
            return;
        }
        self.saver
            .start(path, doc.audit.clone(), doc.generation(), ctx);
        ctx.request_repaint_after(Duration::from_millis(50));
    }

    fn poll_export(&mut self) {
        match self.export_job.poll() {
            Some(Finished::Done(Ok(path))) => self.export = ExportState::Done(path),
            Some(Finished::Done(Err(e))) => self.export = ExportState::Failed(e),
            Some(Finished::Lost) => {
                self.export =
                    ExportState::Failed(tr(self.prefs.lang, "Exporten avbröts oväntat").to_owned());
            }
            None => {}
        }
    }

    /// Run the queued commands (after the frame: all file I/O happens here or on a thread).
    fn run_commands(&mut self) {
        let commands = std::mem::take(&mut self.commands);
        for command in commands {
            self.run_command(command);
        }
    }

    fn run_command(&mut self, command: Command) {
        let lang = self.prefs.lang;
        let t = |s| tr(lang, s);
        // Replacing the audit must not lose a new audit that has no file yet.
        if command.replaces_audit() {
            if self
                .doc
                .as_ref()
                .is_some_and(|d| d.path.is_none() && d.has_unsaved_work())
            {
                self.pending = Some(Pending::Then(command));
                return;
            }
            if let Err(e) = self.flush() {
                self.error(format!("{}: {e}", t("Kunde inte spara granskningen")));
                return;
            }
        }
        match command {
            Command::Ui(command) => match command.dialog(lang) {
                Some(_) => self.open_dialog(command),
                None => self.run_ui(command, PathBuf::new()),
            },
            Command::TypePath(command) => {
                self.path_prompt = Some(PathPrompt {
                    command,
                    text: String::new(),
                    focus: true,
                });
            }
            Command::WithFile(command, path) => {
                let path = match command.dialog(lang).and_then(|d| d.extension) {
                    Some(extension) => with_extension(path, extension),
                    None => path,
                };
                self.run_ui(command, path);
            }
            Command::NewAudit { template } => match store::templates::builtin_templates() {
                Ok(all) => match all.into_iter().find(|(k, _)| *k == template) {
                    Some((key, tpl)) => {
                        let mut audit = tpl.new_audit(&key);
                        audit.meta.year = self
                            .now()
                            .with_timezone(&crate::core::localtime::ZONE)
                            .year();
                        self.set_audit(audit, None, Screen::Audit);
                    }
                    None => self.error(format!("{}: {template}", t("Ingen sådan mall"))),
                },
                Err(e) => self.error(e.to_string()),
            },
            Command::OpenExample => match example_path() {
                Some(path) => match store::load_audit(&path) {
                    // Opened as an unsaved copy, so the bundled file never changes.
                    Ok(audit) => {
                        self.set_audit(audit, None, Screen::Log);
                        self.info(t(
                            "Exemplet öppnades som en kopia. Välj Spara som … om du vill behålla ändringar.",
                        ));
                    }
                    Err(e) => self.error(e.to_string()),
                },
                None => self.error(format!("{}: {EXAMPLE_AUDIT}", t("Exemplet hittades inte"))),
            },
            Command::OpenEvidence(relative) => self.open_evidence(&relative),
            Command::OpenExternal(path) => {
                if let Err(e) = open_with_desktop(&path) {
                    self.error(format!("{}: {e}", t("Kunde inte öppna filen")));
                }
            }
        }
    }

    /// One arm per command. A file command gets its file as `path` (empty for the others).
    fn run_ui(&mut self, command: UiCommand, path: PathBuf) {
        match command {
            UiCommand::NewAudit | UiCommand::CloseAudit => {
                self.doc = None;
                self.screen = Screen::Start;
                self.save_error = None;
                self.reset_screens();
            }
            // The bundled example is shared by the tests and the README: opened by path (as the
            // README's run command does) it becomes an unsaved copy, like "Öppna exemplet".
            UiCommand::OpenAudit if is_bundled_example(&path) => {
                self.run_command(Command::OpenExample);
            }
            UiCommand::OpenAudit => self.open_audit(path),
            UiCommand::NewFromTemplateFile => self.new_from_template_file(&path),
            UiCommand::Save => self.save(),
            UiCommand::SaveAs => self.save_as(path),
            UiCommand::SaveTemplate => self.save_template(&path),
            UiCommand::ExportLog => self.export_log(&path),
            UiCommand::ExportPdf => self.start_export(path),
            UiCommand::ImportCsv => self.import(&path),
            UiCommand::OpenEarlier => self.load_earlier(&path),
            UiCommand::AttachEvidence { account, probe } => {
                self.attach_evidence(account, probe, &path);
            }
            UiCommand::Undo | UiCommand::Redo => {
                if let Some(doc) = &mut self.doc {
                    let changed = if command == UiCommand::Undo {
                        doc.undo()
                    } else {
                        doc.redo()
                    };
                    if changed {
                        self.log.forget_edits();
                        self.audit_screen.forget_edits();
                    }
                }
            }
            UiCommand::Quit => {
                if let Some(ctx) = &self.ctx {
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
            }
        }
    }

    fn open_audit(&mut self, path: PathBuf) {
        match store::load_audit(&path) {
            Ok(audit) => {
                let screen = if audit.accounts.is_empty() {
                    Screen::Audit
                } else {
                    Screen::Log
                };
                self.set_audit(audit, Some(path.clone()), screen);
                self.remember(path);
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    fn save(&mut self) {
        let Some(doc) = &self.doc else {
            return;
        };
        if doc.path.is_some() {
            self.failed_generation = None;
            if let Err(e) = self.flush() {
                self.save_error = Some(e);
            }
        } else {
            self.commands.push(Command::Ui(UiCommand::SaveAs));
        }
    }

    fn save_as(&mut self, path: PathBuf) {
        let Some(doc) = &mut self.doc else {
            return;
        };
        // Evidence travels with the audit: copy the referenced files to the new folder first
        // (the originals stay where they were).
        if let Some(old) = doc.path.clone()
            && let Err(e) = store::evidence::copy_evidence(&old, &path, &doc.audit)
        {
            self.save_error = Some(e.to_string());
        }
        doc.set_path(path.clone());
        self.failed_generation = None;
        match self.flush() {
            Ok(()) => {
                self.remember(path);
                self.continue_after_save_as();
            }
            Err(e) => self.save_error = Some(e),
        }
    }

    /// After "Spara som" answered the unsaved-changes question, do what was asked.
    fn continue_after_save_as(&mut self) {
        match self.after_save.take() {
            Some(Pending::Quit) => {
                self.allow_close = true;
                if let Some(ctx) = &self.ctx {
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
            }
            Some(Pending::Then(command)) => self.commands.push(command),
            None => {}
        }
    }

    fn remember(&mut self, path: PathBuf) {
        let path = std::fs::canonicalize(&path).unwrap_or(path);
        self.prefs.recent.retain(|p| *p != path);
        self.prefs.recent.insert(0, path);
        self.prefs.recent.truncate(MAX_RECENT);
    }

    fn error(&mut self, text: String) {
        self.banners.push(Banner { error: true, text });
    }

    fn info(&mut self, text: &str) {
        self.banners.push(Banner {
            error: false,
            text: text.to_owned(),
        });
    }

    fn open_dialog(&mut self, command: UiCommand) {
        if self.dialog.is_running() {
            return;
        }
        let Some(spec) = command.dialog(self.prefs.lang) else {
            return;
        };
        let doc = self.doc.as_ref();
        let suggested_name = if spec.suggested_suffix.is_empty() {
            String::new()
        } else {
            let stem = doc
                .map(|d| suggested_stem(&d.audit))
                .unwrap_or_else(|| "granskning".to_owned());
            format!("{stem}{}", spec.suggested_suffix)
        };
        let request = DialogRequest {
            command,
            spec,
            suggested_name,
            start_dir: doc
                .and_then(|d| d.path.as_ref())
                .and_then(|p| p.parent())
                .map(Path::to_owned),
        };
        if self.dialogs.answers_at_once() {
            let path = self.dialogs.pick(&request);
            self.on_picked(command, path, Duration::ZERO);
            self.run_commands();
            return;
        }
        let dialogs = Arc::clone(&self.dialogs);
        let spawned = self.dialog.start("file-dialog", self.ctx.clone(), move || {
            let asked = Instant::now();
            let path = dialogs.pick(&request);
            (command, path, asked.elapsed())
        });
        if spawned.is_err() {
            self.commands.push(Command::TypePath(command));
        }
    }

    fn import(&mut self, path: &Path) {
        let lang = self.prefs.lang;
        let Some(doc) = &mut self.doc else {
            self.error(
                tr(
                    lang,
                    "Skapa eller öppna en granskning innan du importerar konton.",
                )
                .to_owned(),
            );
            return;
        };
        // All or nothing: parse the whole file first, merge only when it has no errors.
        match store::parse_csv(path) {
            Ok(log) => {
                let summary = doc.edit(|audit| audit.merge_accounts(log.accounts));
                self.accounts.import_done(path, summary, log.notices, lang);
                self.screen = Screen::Accounts;
            }
            Err(e) => {
                self.accounts.import_failed(path, &e);
                self.screen = Screen::Accounts;
            }
        }
    }

    fn load_earlier(&mut self, path: &Path) {
        let now = self.now();
        let Some(doc) = &mut self.doc else {
            return;
        };
        match store::load_audit(path) {
            Ok(earlier) => {
                let results = crate::core::Results::compute(&earlier, as_of(&earlier, now));
                let label = if earlier.meta.year > 0 {
                    earlier.meta.year.to_string()
                } else {
                    earlier.meta.title.clone()
                };
                let figures = crate::core::EarlierAudit {
                    label,
                    audited: u32::try_from(results.overall.decided()).unwrap_or(u32::MAX),
                    in_time: u32::try_from(results.overall.in_time).unwrap_or(u32::MAX),
                    signed: u32::try_from(results.overall.signed).ok(),
                };
                doc.edit(|a| a.earlier = Some(figures));
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    /// "Spara som mall": the audit's criteria, question bank and texts, without its results.
    fn save_template(&mut self, path: &Path) {
        let lang = self.prefs.lang;
        let Some(doc) = &self.doc else {
            return;
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().trim_end_matches(".ron").to_owned())
            .unwrap_or_default();
        let mut template = doc.audit.to_template(&name);
        let title = doc.audit.meta.title.trim();
        if !title.is_empty() {
            template.description = format!("{} {title}.", tr(lang, "Sparad från granskningen"));
        }
        match store::templates::save_template(path, &template) {
            Ok(()) => self.info(&format!(
                "{} {}",
                tr(lang, "Mallen sparades:"),
                path.display()
            )),
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Write the log with deadlines and outcomes for Excel (fast enough to run between frames).
    fn export_log(&mut self, path: &Path) {
        let lang = self.prefs.lang;
        let Some(doc) = &self.doc else {
            return;
        };
        let results = crate::core::Results::compute(&doc.audit, as_of(&doc.audit, self.now()));
        let csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let written = if csv {
            store::export::export_csv(&doc.audit, &results, path)
        } else {
            store::export::export_xlsx(&doc.audit, &results, path)
        };
        match written {
            Ok(()) => self.info(&format!(
                "{} {}",
                tr(lang, "Loggen exporterades:"),
                path.display()
            )),
            Err(e) => self.error(e.to_string()),
        }
    }

    /// "Ny från mallfil": a new audit from a template file (errors name file and line).
    fn new_from_template_file(&mut self, path: &Path) {
        match store::load_template(path) {
            Ok(template) => {
                let key = path
                    .file_name()
                    .map(|n| n.to_string_lossy().trim_end_matches(".ron").to_owned())
                    .unwrap_or_default();
                let mut audit = template.new_audit(&key);
                audit.meta.year = self
                    .now()
                    .with_timezone(&crate::core::localtime::ZONE)
                    .year();
                self.set_audit(audit, None, Screen::Audit);
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    /// Copy an evidence file into the audit's evidence folder and reference it from the probe.
    fn attach_evidence(&mut self, account: usize, probe: usize, source: &Path) {
        let lang = self.prefs.lang;
        let Some(doc) = &mut self.doc else {
            return;
        };
        let Some(audit_path) = doc.path.clone() else {
            self.error(
                tr(
                    lang,
                    "Spara granskningen till en fil först: bevisen sparas i en mapp bredvid den.",
                )
                .to_owned(),
            );
            return;
        };
        let exists = doc
            .audit
            .accounts
            .get(account)
            .is_some_and(|a| a.probes.get(probe).is_some());
        if !exists {
            return;
        }
        match store::evidence::attach_evidence(&audit_path, source) {
            Ok(relative) => {
                doc.edit(|a| {
                    if let Some(p) = a.probe_mut(account, probe) {
                        p.evidence.push(relative);
                    }
                });
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    fn open_evidence(&mut self, relative: &str) {
        let lang = self.prefs.lang;
        let Some(audit_path) = self.doc.as_ref().and_then(|d| d.path.clone()) else {
            return;
        };
        match store::evidence::resolve_evidence(&audit_path, relative) {
            Ok(path) => {
                if let Err(e) = open_with_desktop(&path) {
                    self.error(format!(
                        "{}: {}: {e}",
                        tr(lang, "Kunde inte öppna filen"),
                        path.display()
                    ));
                }
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    fn start_export(&mut self, path: PathBuf) {
        let lang = self.prefs.lang;
        let Some(doc) = &self.doc else {
            return;
        };
        if matches!(self.export, ExportState::Running { .. }) {
            return;
        }
        let now = self.now();
        let audit = doc.audit.clone();
        // The same options as the preview on the Rapport screen.
        let options = preview::options(self.report.report_lang(), as_of(&audit, now), now);
        let target = path.clone();
        let spawned = self
            .export_job
            .start("pdf-export", self.ctx.clone(), move || {
                write_pdf(&audit, &options, &target)
                    .map(|()| target)
                    .map_err(|e| e.to_string())
            });
        match spawned {
            Ok(()) => {
                self.export = ExportState::Running {
                    path,
                    started: self.export_job.started().unwrap_or_else(Instant::now),
                };
            }
            Err(e) => {
                self.export =
                    ExportState::Failed(format!("{}: {e}", tr(lang, "Kunde inte starta exporten")));
            }
        }
    }
}

impl eframe::App for SvarskollApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Last chance to write the audit; the error has nowhere to be shown but the terminal.
        if let Err(e) = self.flush() {
            eprintln!("svarskoll: {e}");
        }
    }
}

/// The default fonts, with the monospace font as a fallback for proportional text: it has the
/// few symbols the UI uses (● ▲ ▼ →) that the proportional font lacks.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    let hack = fonts
        .families
        .get(&egui::FontFamily::Monospace)
        .and_then(|f| f.first().cloned());
    if let Some(hack) = hack {
        fonts
            .families
            .entry(egui::FontFamily::Proportional)
            .or_default()
            .push(hack);
    }
    ctx.set_fonts(fonts);
}

/// What to do with a file dropped on the window.
fn dropped_file_command(path: &Path) -> Command {
    let name = path.to_string_lossy().to_lowercase();
    let command = if name.ends_with(".ron") {
        UiCommand::OpenAudit
    } else {
        UiCommand::ImportCsv
    };
    Command::WithFile(command, path.to_owned())
}

/// `path` with `extension` added when it has no extension at all.
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some() {
        return path;
    }
    let mut name = path.as_os_str().to_owned();
    name.push(extension);
    PathBuf::from(name)
}

/// A file name from the audit's title: letters, digits and dashes.
fn suggested_stem(audit: &Audit) -> String {
    let source = if audit.meta.title.trim().is_empty() {
        "granskning"
    } else {
        audit.meta.title.trim()
    };
    let stem: String = source
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "granskning".to_owned()
    } else {
        stem
    }
}

/// Whether `path` is the bundled example audit file.
fn is_bundled_example(path: &Path) -> bool {
    let canonical = |p: &Path| std::fs::canonicalize(p).ok();
    example_path().is_some_and(|example| {
        canonical(&example).is_some() && canonical(&example) == canonical(path)
    })
}

/// Where the bundled example lives: beside the working folder, the crate or the executable.
#[must_use]
pub fn example_path() -> Option<PathBuf> {
    let mut candidates = vec![
        PathBuf::from(EXAMPLE_AUDIT),
        Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE_AUDIT),
    ];
    if let Ok(exe) = std::env::current_exe() {
        for dir in exe.ancestors().skip(1).take(4) {
            candidates.push(dir.join(EXAMPLE_AUDIT));
        }
    }
    candidates.into_iter().find(|p| p.is_file())
}

/// Open `path` with the desktop's default program, without waiting for it.
fn open_with_desktop(path: &Path) -> std::io::Result<()> {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    let mut child = command.arg(path).spawn()?;
    // Reap the opener when it exits so it does not linger as a zombie.
    let _ = std::thread::Builder::new()
        .name("open-file".to_owned())
        .spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_and_extensions() {
        let mut audit = Audit::default();
        assert_eq!(suggested_stem(&audit), "granskning");
        audit.meta.title = "Uppföljning av internkontrollplan 2019!".into();
        assert_eq!(
            suggested_stem(&audit),
            "uppföljning-av-internkontrollplan-2019"
        );
        assert_eq!(
            with_extension("a/b".into(), ".pdf"),
            PathBuf::from("a/b.pdf")
        );
        assert_eq!(
            with_extension("a/b.PDF".into(), ".pdf"),
            PathBuf::from("a/b.PDF")
        );
        assert_eq!(
            dropped_file_command(Path::new("x.csv")),
            Command::WithFile(UiCommand::ImportCsv, "x.csv".into())
        );
        assert_eq!(
            dropped_file_command(Path::new("x.svarskoll.ron")),
            Command::WithFile(UiCommand::OpenAudit, "x.svarskoll.ron".into())
        );
    }
}
