//! The file commands, run by the shell after the frame: open, save, save as (with the
//! evidence), import, the report (PDF, Word) and log exports, templates, evidence, and the
//! autosave [`Saver`] that writes the audit file on a background thread.

use super::command::{Command, UiCommand};
use super::i18n::tr;
use super::job::{Finished, Job};
use super::open_audit::{ReadOnly, SharedFile};
use super::os::{is_bundled_example, open_with_desktop};
use super::{ExportState, Screen, SvarskollApp, as_of, preview};
use crate::core::{Audit, ProbeId};
use crate::i18n::Words;
use crate::i18n::app as m;
use crate::report::{ReportError, ReportFormat};
use crate::store;
use crate::store::AuditFile;
use egui::ViewportCommand;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long after a change the autosave starts: short enough to stay within a second, long
/// enough that a burst of typing is one write.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(300);

const MAX_RECENT: usize = 8;

/// One finished write of the audit file.
pub(crate) struct SaveDone {
    path: PathBuf,
    generation: u64,
    result: Result<(), store::FileError>,
}

/// Writes the audit file on a background thread so an fsync never stalls typing.
#[derive(Default)]
pub(crate) struct Saver {
    job: Job<SaveDone>,
}

impl Saver {
    pub(crate) fn in_flight(&self) -> bool {
        self.job.is_running()
    }

    /// Write `audit` (as of `generation`) to `path`; one save at a time.
    pub(crate) fn start(
        &mut self,
        path: PathBuf,
        file: Option<SharedFile>,
        audit: Audit,
        generation: u64,
        ctx: &egui::Context,
    ) {
        // Without a worker thread the save runs on the UI thread instead.
        self.job
            .start_or_run_here("autosave", Some(ctx.clone()), move || {
                let result = write_audit(&path, file.as_ref(), &audit);
                SaveDone {
                    path,
                    generation,
                    result,
                }
            });
    }

    /// A finished save, without waiting.
    pub(crate) fn poll(&mut self) -> Vec<SaveDone> {
        finished_save(self.job.poll())
    }

    /// Wait for the save in flight.
    pub(crate) fn wait(&mut self) -> Vec<SaveDone> {
        finished_save(self.job.wait(Duration::from_secs(30)))
    }
}

/// Save through the held file (lock, check for others' changes, `.bak` as opened) when there is
/// one, else through `store::save_audit`.
pub(crate) fn write_audit(
    path: &Path,
    file: Option<&SharedFile>,
    audit: &Audit,
) -> Result<(), store::FileError> {
    match file {
        // A panic on the save thread cannot leave the file half-written (it is written to a temp
        // file first), so a poisoned lock is still usable.
        Some(file) => match file.lock() {
            Ok(mut file) => file.save(audit),
            Err(poisoned) => poisoned.into_inner().save(audit),
        },
        None => store::save_audit(path, audit),
    }
}

fn finished_save(finished: Option<Finished<SaveDone>>) -> Vec<SaveDone> {
    match finished {
        Some(Finished::Done(done)) => vec![done],
        Some(Finished::Lost) | None => Vec::new(),
    }
}

impl SvarskollApp {
    /// Write any unsaved changes now and wait for the write (quit, tests). Errors are shown.
    ///
    /// # Errors
    /// The save's error (also kept to be shown), or the last autosave's.
    pub fn flush(&mut self) -> Result<(), store::FileError> {
        let finished = self.saver.wait();
        self.apply_saves(finished);
        let Some(doc) = &self.doc else {
            return Ok(());
        };
        let Some(path) = doc.path.clone() else {
            return Ok(());
        };
        if doc.read_only.is_some() {
            return Ok(());
        }
        if doc.needs_save() && !self.conflict {
            let generation = doc.generation();
            match write_audit(&path, doc.file.as_ref(), &doc.audit) {
                Ok(()) => {
                    self.apply_saves(vec![SaveDone {
                        path,
                        generation,
                        result: Ok(()),
                    }]);
                }
                Err(e) => {
                    self.save_error = Some(e.clone());
                    return Err(e);
                }
            }
        }
        match &self.save_error {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }

    pub(crate) fn apply_saves(&mut self, finished: Vec<SaveDone>) {
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
                    // Someone else changed the file: never write over it without asking.
                    self.conflict |= matches!(e, store::FileError::ChangedOnDisk { .. });
                    self.save_error = Some(e);
                    self.failed_generation = Some(done.generation);
                }
            }
        }
    }

    pub(crate) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.doc else {
            return;
        };
        let Some(path) = doc.path.clone() else {
            return;
        };
        if doc.read_only.is_some() || self.conflict {
            return;
        }
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
        self.saver.start(
            path,
            doc.file.clone(),
            doc.audit.clone(),
            doc.generation(),
            ctx,
        );
        ctx.request_repaint_after(Duration::from_millis(50));
    }

    /// One arm per command. A file command gets its file as `path` (empty for the others).
    pub(crate) fn run_ui(&mut self, command: UiCommand, path: PathBuf) {
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
            UiCommand::Save => self.save_now(),
            UiCommand::SaveAs => self.save_as(path),
            UiCommand::SaveTemplate => self.save_template(&path),
            UiCommand::ExportLog => self.export_log(&path),
            UiCommand::ExportPdf => self.start_export(path, ReportFormat::Pdf),
            UiCommand::ExportDocx => self.start_export(path, ReportFormat::Docx),
            UiCommand::WriteLetters => self.start_letters(path),
            UiCommand::ImportCsv => self.import(&path),
            UiCommand::OpenEarlier => self.load_earlier(&path),
            UiCommand::StartFollowup => self.start_followup(path),
            UiCommand::AttachEvidence { probe } => self.attach_evidence(probe, &path),
            UiCommand::MergeParts => self.merge_parts(&[path]),
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
                        self.accounts.forget_edits();
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
        match AuditFile::open(&path) {
            Ok((file, audit)) => self.opened(path, file, audit, None),
            // Someone else has it open: ask (read-only, take over, cancel).
            Err(store::FileError::LockHeld { holder, .. }) => {
                self.lock_prompt = Some((path, holder));
            }
            Err(store::FileError::ReadOnly { .. }) => match AuditFile::open_read_only(&path) {
                Ok((file, audit)) => {
                    self.opened(path, file, audit, Some(ReadOnly::FileReadOnly));
                }
                Err(e) => self.file_error(&e),
            },
            Err(e) => self.file_error(&e),
        }
    }

    /// Show an audit opened from its file.
    pub(crate) fn opened(
        &mut self,
        path: PathBuf,
        file: AuditFile,
        audit: Audit,
        read_only: Option<ReadOnly>,
    ) {
        let screen = if audit.accounts.is_empty() {
            Screen::Audit
        } else {
            Screen::Log
        };
        self.set_audit(audit, Some(path.clone()), screen);
        if let Some(doc) = &mut self.doc {
            doc.file = Some(std::sync::Arc::new(std::sync::Mutex::new(file)));
            doc.read_only = read_only;
        }
        self.remember(path);
    }

    /// "Läs in deras version": the file as someone else saved it replaces ours.
    pub(crate) fn reload_theirs(&mut self) {
        let Some(doc) = &mut self.doc else {
            return;
        };
        let Some(file) = doc.file.clone() else {
            return;
        };
        let reloaded = match file.lock() {
            Ok(mut file) => file.reload(),
            Err(poisoned) => poisoned.into_inner().reload(),
        };
        match reloaded {
            Ok(audit) => {
                let path = doc.path.clone();
                let read_only = doc.read_only.clone();
                let screen = self.screen;
                self.set_audit(audit, path, screen);
                if let Some(doc) = &mut self.doc {
                    doc.file = Some(file);
                    doc.read_only = read_only;
                }
                self.conflict = false;
                self.save_error = None;
                self.failed_generation = None;
            }
            Err(e) => self.file_error(&e),
        }
    }

    /// "Skriv över" (confirmed): our version replaces the one someone else saved.
    pub(crate) fn overwrite_theirs(&mut self) {
        let Some(doc) = &self.doc else {
            return;
        };
        let (Some(file), Some(path)) = (doc.file.clone(), doc.path.clone()) else {
            return;
        };
        let generation = doc.generation();
        let written = match file.lock() {
            Ok(mut file) => file.save_overwriting(&doc.audit),
            Err(poisoned) => poisoned.into_inner().save_overwriting(&doc.audit),
        };
        self.conflict = false;
        self.failed_generation = None;
        self.apply_saves(vec![SaveDone {
            path,
            generation,
            result: written,
        }]);
    }

    /// "Återställ version från när filen öppnades" (confirmed; an ordinary, undoable edit).
    pub(crate) fn restore_opened(&mut self) {
        let Some(doc) = &mut self.doc else {
            return;
        };
        let Some(file) = doc.file.clone() else {
            return;
        };
        let opened = match file.lock() {
            Ok(file) => file.opened_version(),
            Err(poisoned) => poisoned.into_inner().opened_version(),
        };
        match opened {
            Ok(Some(audit)) => {
                doc.edit(|a| *a = audit);
                self.log.forget_edits();
                self.audit_screen.forget_edits();
                self.accounts.forget_edits();
            }
            Ok(None) => self.error_msg(m::shell::NO_OPENED_VERSION, ""),
            Err(e) => self.file_error(&e),
        }
    }

    fn save_now(&mut self) {
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
            self.save_error = Some(e);
        }
        doc.set_path(path.clone());
        doc.read_only = None;
        self.conflict = false;
        self.failed_generation = None;
        match self.flush() {
            Ok(()) => {
                // From now on this program holds the new file.
                match AuditFile::open(&path) {
                    Ok((file, _)) => {
                        if let Some(doc) = &mut self.doc {
                            doc.file = Some(std::sync::Arc::new(std::sync::Mutex::new(file)));
                        }
                    }
                    Err(e) => self.file_error(&e),
                }
                self.remember(path);
                self.continue_after_save_as();
            }
            Err(e) => self.save_error = Some(e),
        }
    }

    fn remember(&mut self, path: PathBuf) {
        let path = dunce::canonicalize(&path).unwrap_or(path);
        self.prefs.recent.retain(|p| *p != path);
        self.prefs.recent.insert(0, path);
        self.prefs.recent.truncate(MAX_RECENT);
    }

    fn import(&mut self, path: &Path) {
        let Some(doc) = &mut self.doc else {
            self.error_msg(m::shell::CREATE_OR_OPEN_AN_AUDIT_BEFORE, "");
            return;
        };
        // All or nothing: parse the whole file first, merge only when it has no errors.
        match store::parse_csv(path) {
            Ok(log) => {
                let summary =
                    doc.edit(|audit| crate::core::rules::merge_accounts(audit, log.accounts));
                self.accounts.import_done(path, summary, log.notices);
                self.screen = Screen::Accounts;
            }
            Err(e) => {
                self.accounts.import_failed(path, e);
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
                let figures = crate::core::EarlierAudit::from_results(&earlier, &results);
                doc.edit(|a| add_earlier(&mut a.earlier, figures));
            }
            Err(e) => self.file_error(&e),
        }
    }

    /// "Starta uppföljning": next year's audit from the open one (its results as of its closing
    /// time, else now), written to a new file (never over an existing one) and opened.
    fn start_followup(&mut self, path: PathBuf) {
        let now = self.now();
        let Some(doc) = &self.doc else {
            return;
        };
        let audit = &doc.audit;
        let results = crate::core::Results::compute(audit, as_of(audit, now));
        let year = crate::core::followup::default_year(audit, now);
        let next = crate::core::followup::followup(audit, &results, year);
        match AuditFile::create(&path, &next) {
            Ok(file) => self.opened(path, file, next, None),
            Err(e) => self.file_error(&e),
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
            template.description = format!("{} {title}.", tr(lang, m::shell::SAVED_FROM_THE_AUDIT));
        }
        match store::templates::save_template(path, &template) {
            Ok(()) => self.info(m::shell::THE_TEMPLATE_WAS_SAVED, path.display().to_string()),
            Err(e) => self.file_error(&e),
        }
    }

    /// Write the log with deadlines and outcomes for Excel (fast enough to run between frames).
    fn export_log(&mut self, path: &Path) {
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
            Ok(()) => self.info(m::shell::THE_LOG_WAS_EXPORTED, path.display().to_string()),
            Err(e) => self.file_error(&e),
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
                let audit = template.new_audit(&key, self.now());
                self.set_audit(audit, None, Screen::Audit);
            }
            Err(e) => self.file_error(&e),
        }
    }

    /// Copy an evidence file into the audit's evidence folder and reference it from the probe.
    fn attach_evidence(&mut self, probe: ProbeId, source: &Path) {
        let Some(doc) = &mut self.doc else {
            return;
        };
        let Some(audit_path) = doc.path.clone() else {
            self.error_msg(m::common::SAVE_THE_AUDIT_TO_A_FILE, "");
            return;
        };
        // The probe may have been deleted while the dialog was open: then nothing is attached.
        if doc.audit.find_probe(probe).is_none() {
            return;
        }
        match store::evidence::attach_evidence(&audit_path, source) {
            Ok(relative) => {
                doc.edit(|a| {
                    if let Some(p) = a.probe_by_id_mut(probe) {
                        p.evidence.push(relative);
                    }
                });
            }
            Err(e) => self.file_error(&e),
        }
    }

    pub(crate) fn open_evidence(&mut self, relative: &str) {
        let Some(audit_path) = self.doc.as_ref().and_then(|d| d.path.clone()) else {
            return;
        };
        match store::evidence::resolve_evidence(&audit_path, relative) {
            Ok(path) => {
                if let Err(e) = open_with_desktop(&path) {
                    self.error_msg(
                        m::shell::COULD_NOT_OPEN_THE_FILE,
                        format!("{}: {e}", path.display()),
                    );
                }
            }
            Err(e) => self.file_error(&e),
        }
    }

    /// Write the report to `path` on a background job: in `format`, unless the file's extension
    /// names the other one (a Word export typed as "rapport.pdf" writes a PDF, not Word bytes
    /// under a PDF name).
    fn start_export(&mut self, path: PathBuf, format: ReportFormat) {
        let Some(doc) = &self.doc else {
            return;
        };
        if matches!(self.export, ExportState::Running { .. }) {
            return;
        }
        let now = self.now();
        // A report is never made from an audit with errors (the same rule as `svarskoll report`);
        // warnings do not stop it.
        if crate::core::check::has_errors(&crate::core::check::check(&doc.audit, now)) {
            self.error_msg(m::shell::REPORT_HAS_ERRORS, "");
            return;
        }
        let audit = doc.audit.clone();
        // The same options as the preview on the Rapport screen.
        let mut options =
            preview::options(&audit, self.report.report_lang(), as_of(&audit, now), now);
        // The screenshots are read on the job, from the folder beside the audit file (an audit
        // never saved has none).
        let evidence_from = audit.report.evidence_appendix.then(|| doc.path.clone());
        let target = path.clone();
        let fonts = self.report_fonts.clone();
        let format = ReportFormat::from_extension(&path).unwrap_or(format);
        let name = match format {
            ReportFormat::Pdf => "pdf-export",
            ReportFormat::Docx => "docx-export",
        };
        let spawned = self.export_job.start(name, self.ctx.clone(), move || {
            let fonts = fonts?;
            if let Some(audit_path) = evidence_from {
                options.evidence = Some(std::sync::Arc::new(preview::evidence_pictures(
                    audit_path.as_deref(),
                    &audit,
                )));
            }
            let bytes = format.render(&audit, &options, &fonts)?;
            store::audit_file::write_export(&target, &bytes)
                .map_err(|e| ReportError::write(&target, &e))?;
            Ok(target)
        });
        match spawned {
            Ok(()) => {
                self.export = ExportState::Running {
                    path,
                    started: self.export_job.started().unwrap_or_else(Instant::now),
                };
            }
            Err(e) => {
                self.export = ExportState::Failed(Words::new(|lang| {
                    format!("{}: {e}", tr(lang, m::shell::COULD_NOT_START_THE_EXPORT))
                }));
            }
        }
    }

    pub(crate) fn poll_export(&mut self) {
        match self.export_job.poll() {
            Some(Finished::Done(Ok(path))) => self.export = ExportState::Done(path),
            Some(Finished::Done(Err(e))) => {
                self.export = ExportState::Failed(Words::new(|lang| e.text(lang)));
            }
            Some(Finished::Lost) => {
                self.export = ExportState::Failed(Words::new(|lang| {
                    tr(lang, m::shell::THE_EXPORT_STOPPED_UNEXPECTEDLY).to_owned()
                }));
            }
            None => {}
        }
    }
}

/// `path` with `extension` added when it has no extension at all.
pub(crate) fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some() {
        return path;
    }
    let mut name = path.as_os_str().to_owned();
    name.push(extension);
    PathBuf::from(name)
}

/// A file name from the audit's title: letters, digits and dashes.
pub(crate) fn suggested_stem(audit: &Audit) -> String {
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

/// Add an earlier audit's figures to the list, oldest first: one with the same label is
/// replaced (the file opened again), else it goes before the first later year.
fn add_earlier(list: &mut Vec<crate::core::EarlierAudit>, figures: crate::core::EarlierAudit) {
    if let Some(same) = list.iter_mut().find(|e| e.label == figures.label) {
        *same = figures;
        return;
    }
    let year = figures.year_or_label();
    let at = list
        .iter()
        .position(|e| {
            year.zip(e.year_or_label())
                .is_some_and(|(new, old)| old > new)
        })
        .unwrap_or(list.len());
    list.insert(at, figures);
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
    }

    #[test]
    fn an_opened_earlier_audit_goes_in_year_order_or_replaces_its_namesake() {
        use crate::core::EarlierAudit;
        let e = |label: &str, year: Option<i32>, in_time| EarlierAudit {
            label: label.into(),
            year,
            in_time,
            ..EarlierAudit::default()
        };
        let mut list = vec![e("2016", None, 1), e("2019", Some(2019), 2)];
        add_earlier(&mut list, e("2018", Some(2018), 3));
        add_earlier(&mut list, e("Våren", None, 4));
        add_earlier(&mut list, e("2019", Some(2019), 5));
        let labels: Vec<(&str, u32)> = list.iter().map(|e| (e.label.as_str(), e.in_time)).collect();
        assert_eq!(
            labels,
            [("2016", 1), ("2018", 3), ("2019", 5), ("Våren", 4)]
        );
    }
}
