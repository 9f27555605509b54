//! Native file dialogs behind a trait, so tests can answer them and a machine without a portal or
//! `zenity` still works (the app then offers a typed path).

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Mutex;

/// What a file is being chosen for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    OpenAudit,
    SaveAuditAs,
    ImportCsv,
    ExportPdf,
    /// Where to write the log with outcomes (`.xlsx` or `.csv`).
    ExportLog,
    /// An earlier audit file to compare with.
    OpenEarlier,
    /// Where to write the audit's criteria and texts as a template.
    SaveTemplate,
    /// A template file to start a new audit from.
    OpenTemplate,
    /// A screenshot (or other file) to attach as evidence to one probe.
    AttachEvidence {
        account: usize,
        probe: usize,
    },
}

impl DialogPurpose {
    /// A save dialog (the file may not exist yet) rather than an open dialog.
    #[must_use]
    pub fn is_save(self) -> bool {
        matches!(
            self,
            DialogPurpose::SaveAuditAs
                | DialogPurpose::ExportPdf
                | DialogPurpose::ExportLog
                | DialogPurpose::SaveTemplate
        )
    }

    /// The file-type filter: (name, extensions).
    #[must_use]
    pub fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            DialogPurpose::OpenAudit | DialogPurpose::SaveAuditAs | DialogPurpose::OpenEarlier => {
                ("Svarskoll", &["ron"])
            }
            DialogPurpose::ImportCsv => ("CSV", &["csv", "txt"]),
            DialogPurpose::ExportPdf => ("PDF", &["pdf"]),
            DialogPurpose::ExportLog => ("Excel / CSV", &["xlsx", "csv"]),
            DialogPurpose::SaveTemplate | DialogPurpose::OpenTemplate => ("Mall", &["ron"]),
            DialogPurpose::AttachEvidence { .. } => (
                "Bilder och PDF",
                &[
                    "png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "pdf",
                ],
            ),
        }
    }
}

/// One request for a file.
#[derive(Clone, Debug)]
pub struct DialogRequest {
    pub purpose: DialogPurpose,
    /// The dialog's title, in the UI language.
    pub title: String,
    /// For save dialogs: the proposed file name.
    pub suggested_name: String,
    pub start_dir: Option<PathBuf>,
}

/// Something that lets the user choose a file. `pick` blocks; the app calls it on a background
/// thread unless [`FileDialogs::answers_at_once`] says it returns immediately.
pub trait FileDialogs: Send + Sync {
    /// The chosen path; `None` when cancelled or when no dialog could be shown.
    fn pick(&self, request: &DialogRequest) -> Option<PathBuf>;

    /// Answers without user interaction (tests): the app may call it on the UI thread.
    fn answers_at_once(&self) -> bool {
        false
    }
}

/// The operating system's dialogs via `rfd` (on Linux: the desktop portal, else `zenity`).
#[derive(Debug, Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick(&self, request: &DialogRequest) -> Option<PathBuf> {
        let (name, extensions) = request.purpose.filter();
        let mut dialog = rfd::FileDialog::new()
            .set_title(request.title.as_str())
            .add_filter(name, extensions);
        if let Some(dir) = &request.start_dir {
            dialog = dialog.set_directory(dir);
        }
        if request.purpose.is_save() {
            dialog
                .set_file_name(request.suggested_name.as_str())
                .set_can_create_directories(true)
                .save_file()
        } else {
            dialog.pick_file()
        }
    }
}

/// Dialogs answered from a script, for tests: each request takes the next answer.
#[derive(Debug, Default)]
pub struct ScriptedDialogs {
    answers: Mutex<VecDeque<Option<PathBuf>>>,
    /// The purposes asked for, in order, so a test can check which dialog was opened.
    asked: Mutex<Vec<DialogPurpose>>,
}

impl ScriptedDialogs {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Queue the answer to the next request (`None` = the user cancelled).
    pub fn answer(&self, path: Option<PathBuf>) {
        if let Ok(mut answers) = self.answers.lock() {
            answers.push_back(path);
        }
    }

    /// The purposes of the dialogs requested so far.
    #[must_use]
    pub fn asked(&self) -> Vec<DialogPurpose> {
        self.asked.lock().map(|a| a.clone()).unwrap_or_default()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick(&self, request: &DialogRequest) -> Option<PathBuf> {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(request.purpose);
        }
        self.answers.lock().ok()?.pop_front().flatten()
    }

    fn answers_at_once(&self) -> bool {
        true
    }
}
