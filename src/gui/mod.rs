//! The desktop app (eframe/egui): a shell with the five steps of PRODUCT §2 in a side bar, one
//! file per screen. Screens edit the audit through [`OpenAudit`] and queue [`Command`]s for
//! anything that touches files; the shell runs them after the frame, or on a named background
//! thread (autosave, PDF export, feedback letters, native dialogs).

mod accounts;
mod audit;
mod command;
mod dialogs;
mod earlier;
mod file_ops;
mod i18n;
mod job;
mod letters;
mod log;
mod merge;
mod open_audit;
pub(crate) mod os;
mod preview;
mod report;
mod results;
mod review_results;
mod shell;
mod start;
mod widgets;

pub use command::{Command, DialogKind, DialogSpec, Facts, UiCommand};
pub use dialogs::{DialogRequest, FileDialogs, NativeDialogs, ScriptedDialogs};
pub use i18n::tr;
pub use letters::LettersState;
pub use open_audit::OpenAudit;
pub use os::{EXAMPLE_AUDIT, example_path};

use crate::core::{Audit, Lang};
use crate::i18n::app as m;
use crate::store;
use chrono::{DateTime, Utc};
use egui::ViewportCommand;
use file_ops::{Saver, with_extension};
use job::{Finished, Job};
use os::open_with_desktop;
use serde::{Deserialize, Serialize};
use shell::{Banner, PathPrompt, Pending};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

const PREFS_KEY: &str = "svarskoll-prefs";

/// The app's icon, 256 px (`assets/icons`).
const APP_ICON: &[u8] = include_bytes!("../../assets/icons/svarskoll.png");

/// Open the window, optionally with an audit file.
///
/// # Errors
/// When no window can be opened (no display, no OpenGL).
pub fn run(audit: Option<PathBuf>) -> Result<(), eframe::Error> {
    let started = Instant::now();
    let mut viewport = egui::ViewportBuilder::default();
    // The title bar's and the taskbar's icon (the .exe's own is compiled in by build.rs).
    if let Ok(icon) = eframe::icon_data::from_png_bytes(APP_ICON) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_title("Svarskoll")
            .with_inner_size([1280.0, 720.0])
            .with_min_inner_size([900.0, 560.0])
            // The first start fills the screen (see `maximize_on_first_frame`).
            .with_maximized(true)
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
            app.set_first_start(is_first_start(cc.storage));
            if let Some(path) = audit {
                app.open_path(&path);
            }
            Ok(Box::new(app))
        }),
    )
}

/// Whether this is the first start: eframe keeps the window's size, place and maximised state
/// under "window" and restores them; without them there is nothing to restore.
fn is_first_start(storage: Option<&dyn eframe::Storage>) -> bool {
    storage.is_none_or(|storage| storage.get_string("window").is_none())
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
    pub fn label(self) -> crate::i18n::Text {
        use crate::i18n::app::shell;
        match self {
            Screen::Start => shell::STEP_START,
            Screen::Audit => shell::STEP_AUDIT,
            Screen::Accounts => shell::STEP_ACCOUNTS,
            Screen::Log => shell::STEP_LOG,
            Screen::Results => shell::STEP_RESULTS,
            Screen::Report => shell::STEP_REPORT,
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
    pub doc: &'a mut OpenAudit,
    pub lang: Lang,
    /// The clock, read once per frame.
    pub now: DateTime<Utc>,
    pub commands: &'a mut Vec<Command>,
    pub export: &'a ExportState,
    /// Where writing the feedback letters stands.
    pub letters: &'a LettersState,
    pub report_fonts: &'a preview::ReportFonts,
}

impl ScreenCtx<'_> {
    /// Translate a UI string.
    #[must_use]
    pub fn t(&self, text: crate::i18n::Text) -> &'static str {
        tr(self.lang, text)
    }

    /// The instant statuses and results are computed for (see [`as_of`]).
    #[must_use]
    pub fn as_of(&self) -> DateTime<Utc> {
        as_of(&self.doc.audit, self.now)
    }
}

pub use crate::core::rules::as_of;

/// Where the report export (PDF or Word) stands.
#[derive(Debug, Default)]
pub enum ExportState {
    #[default]
    Idle,
    Running {
        path: PathBuf,
        started: Instant,
    },
    Done(PathBuf),
    /// Why, in both languages (the language may change while it is shown).
    Failed(crate::i18n::Words),
}

/// The application.
pub struct SvarskollApp {
    prefs: Prefs,
    doc: Option<OpenAudit>,
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
    dialog: Job<(UiCommand, Vec<PathBuf>, Duration)>,
    path_prompt: Option<PathPrompt>,
    saver: Saver,
    save_error: Option<crate::store::FileError>,
    /// Someone else changed the audit file since it was read: autosave waits for the auditor.
    conflict: bool,
    /// An audit another program holds: ask whether to open it read-only or take it over.
    lock_prompt: Option<(PathBuf, crate::store::LockHolder)>,
    /// A step that needs a yes first.
    confirm: Option<shell::Confirm>,
    /// Merged parts whose conflicts wait for the user's choices.
    merge_prompt: Option<merge::MergePrompt>,
    /// The generation whose save failed, so the same state is not retried in a loop.
    failed_generation: Option<u64>,
    export: ExportState,
    export_job: Job<Result<PathBuf, crate::report::ReportError>>,
    letters: LettersState,
    letters_job: letters::LettersJob,
    /// The report's fonts, loaded once for the preview and the export.
    report_fonts: preview::ReportFonts,
    banners: Vec<Banner>,
    pending: Option<Pending>,
    /// What to do once "Spara som" (asked for by the unsaved-changes question) has saved.
    after_save: Option<Pending>,
    /// Closing was confirmed; let the next close request through.
    allow_close: bool,
    title: String,
    now_override: Option<DateTime<Utc>>,
    started: Option<Instant>,
    /// Maximise the window when it first shows: on the 1366 × 768 laptops many municipalities
    /// have, the 1280 × 720 window reaches under the taskbar and squeezes the log's text
    /// columns. Asked for once, at the first start; afterwards the window opens as it was
    /// left. (winit's maximised-at-creation is lost on X11 for a window made hidden, as
    /// eframe makes it, hence also a command on the first frame.)
    maximize_on_first_frame: bool,
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
            conflict: false,
            lock_prompt: None,
            confirm: None,
            merge_prompt: None,
            failed_generation: None,
            export: ExportState::Idle,
            export_job: Job::default(),
            letters: LettersState::Idle,
            letters_job: Job::default(),
            report_fonts: preview::load_fonts(),
            banners: Vec::new(),
            pending: None,
            after_save: None,
            allow_close: false,
            title: String::new(),
            now_override: None,
            started: None,
            maximize_on_first_frame: false,
            ctx: None,
        }
    }

    /// An app with answered-by-script dialogs and default preferences, for tests and benchmarks.
    #[must_use]
    pub fn for_tests(dialogs: Arc<ScriptedDialogs>) -> Self {
        Self::new(Prefs::default(), dialogs)
    }

    /// At the first start the window is maximised when it first shows (see
    /// `maximize_on_first_frame`).
    pub fn set_first_start(&mut self, first: bool) {
        self.maximize_on_first_frame = first;
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
        self.doc = Some(OpenAudit::new(audit, path));
        self.screen = screen;
        self.reset_screens();
    }

    #[must_use]
    pub fn document(&self) -> Option<&OpenAudit> {
        self.doc.as_ref()
    }

    pub fn document_mut(&mut self) -> Option<&mut OpenAudit> {
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
    pub fn save_error(&self) -> Option<&crate::store::FileError> {
        self.save_error.as_ref()
    }

    /// Nothing is running in the background (dialog, save, export).
    #[must_use]
    pub fn is_idle(&self) -> bool {
        !self.dialog.is_running()
            && !self.saver.in_flight()
            && !self.export_job.is_running()
            && !self.letters_job.is_running()
    }

    /// The window title: file name and whether everything is saved.
    #[must_use]
    pub fn title(&self) -> String {
        let t = |s| tr(self.prefs.lang, s);
        match &self.doc {
            None => "Svarskoll".to_owned(),
            Some(doc) => {
                let state = if doc.read_only.is_some() {
                    t(m::shell::READ_ONLY_TITLE)
                } else if self.save_error.is_some() {
                    t(m::shell::COULD_NOT_BE_SAVED)
                } else if self.log.has_unaccepted_entry() || self.accounts.has_unaccepted_entry() {
                    t(m::shell::ENTRY_NOT_ACCEPTED)
                } else if doc.path.is_none() {
                    t(m::shell::NOT_SAVED_TO_A_FILE_2)
                } else if doc.is_saved() {
                    t(m::shell::ALL_SAVED_2)
                } else {
                    t(m::shell::SAVING_2)
                };
                let name = doc
                    .display_name()
                    .unwrap_or_else(|| t(m::shell::NEW_AUDIT).to_owned());
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

    fn reset_screens(&mut self) {
        self.audit_screen = audit::AuditScreen::default();
        self.accounts = accounts::AccountsScreen::default();
        self.log = log::LogScreen::default();
        self.results = results::ResultsScreen::default();
        self.report = report::ReportScreen::default();
        self.export = ExportState::Idle;
        self.letters = LettersState::Idle;
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
            if self.maximize_on_first_frame {
                ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
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
            letters: &self.letters,
            report_fonts: &self.report_fonts,
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

    fn after_frame(&mut self, ctx: &egui::Context) {
        match self.dialog.poll() {
            Some(Finished::Done((command, paths, took))) => self.on_picked(command, paths, took),
            Some(Finished::Lost) | None => {}
        }
        let finished = self.saver.poll();
        self.apply_saves(finished);
        self.poll_export();
        self.poll_letters();
        self.run_commands();
        self.autosave(ctx);
        let title = self.title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        if matches!(self.export, ExportState::Running { .. })
            || matches!(self.letters, LettersState::Running { .. })
        {
            ctx.request_repaint_after(Duration::from_millis(100));
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
                self.file_error_msg(m::shell::COULD_NOT_SAVE_THE_AUDIT, &e);
                return;
            }
        }
        match command {
            Command::Ui(command) => match command.dialog(lang) {
                Some(_) => self.open_dialog(command),
                None => self.run_ui(command, PathBuf::new()),
            },
            Command::TypePath(command) => {
                let prefill = self.path_prefill(command);
                self.path_prompt = Some(PathPrompt::new(command, prefill));
            }
            Command::WithFile(command, path) => {
                let path = match command.dialog(lang).and_then(|d| d.extension) {
                    Some(extension) => with_extension(path, extension),
                    None => path,
                };
                self.run_ui(command, path);
            }
            Command::WithFiles(command, paths) => self.run_ui_files(command, paths),
            Command::NewAudit { template } => match store::templates::builtin_templates() {
                Ok(all) => match all.into_iter().find(|(k, _)| *k == template) {
                    Some((key, tpl)) => {
                        let audit = tpl.new_audit(&key, self.now());
                        self.set_audit(audit, None, Screen::Audit);
                    }
                    None => self.error_msg(m::shell::NO_SUCH_TEMPLATE, template),
                },
                Err(e) => self.file_error(&e),
            },
            Command::OpenExample => match example_path() {
                Some(path) => match store::load_audit(&path) {
                    // Opened as an unsaved copy, so the bundled file never changes.
                    Ok(audit) => {
                        self.set_audit(audit, None, Screen::Log);
                        self.info(m::shell::THE_EXAMPLE_WAS_OPENED_AS_A, "");
                    }
                    Err(e) => self.file_error(&e),
                },
                None => self.error_msg(m::shell::THE_EXAMPLE_WAS_NOT_FOUND, EXAMPLE_AUDIT),
            },
            Command::OpenEvidence(relative) => self.open_evidence(&relative),
            Command::OpenExternal(path) => {
                if let Err(e) = open_with_desktop(&path) {
                    self.error_msg(m::shell::COULD_NOT_OPEN_THE_FILE, e.to_string());
                }
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
            eprintln!(
                "svarskoll: {}",
                crate::i18n::file_error_text(&e, self.prefs.lang)
            );
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

#[cfg(test)]
mod tests {
    /// eframe's storage, in memory.
    #[derive(Default)]
    struct Stored(std::collections::BTreeMap<String, String>);

    impl eframe::Storage for Stored {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    #[test]
    fn the_first_start_is_the_one_without_a_stored_window() {
        assert!(super::is_first_start(None));
        let mut stored = Stored::default();
        stored
            .0
            .insert("svarskoll-prefs".to_owned(), "()".to_owned());
        assert!(super::is_first_start(Some(&stored)));
        stored.0.insert(
            "window".to_owned(),
            "(normal_geometry:(outer_position_pixels:None,scale_factor:1.0,\
             inner_size_points:(x:1280.0,y:720.0)),fullscreen:false,maximized:false)"
                .to_owned(),
        );
        assert!(!super::is_first_start(Some(&stored)));
    }

    #[test]
    fn the_window_icon_is_a_256_pixel_picture() {
        let icon = eframe::icon_data::from_png_bytes(super::APP_ICON).unwrap();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }
}
