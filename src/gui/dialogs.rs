//! Native file dialogs behind a trait, so tests can answer them and a machine without a portal or
//! `zenity` still works (the app then offers a typed path).

use super::command::{DialogKind, DialogSpec, UiCommand};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Mutex;

/// One request for a file.
#[derive(Clone, Debug)]
pub struct DialogRequest {
    /// The command the file is for.
    pub command: UiCommand,
    /// Title, kind and filter of the dialog.
    pub spec: DialogSpec,
    /// For save dialogs: the proposed file name.
    pub suggested_name: String,
    pub start_dir: Option<PathBuf>,
}

/// Something that lets the user choose a file or a folder. `pick` blocks; the app calls it on a background
/// thread unless [`FileDialogs::answers_at_once`] says it returns immediately.
pub trait FileDialogs: Send + Sync {
    /// The chosen path; `None` when cancelled or when no dialog could be shown.
    fn pick(&self, request: &DialogRequest) -> Option<PathBuf>;

    /// The chosen paths, for a request that takes several files; empty when cancelled.
    fn pick_many(&self, request: &DialogRequest) -> Vec<PathBuf> {
        self.pick(request).into_iter().collect()
    }

    /// Answers without user interaction (tests): the app may call it on the UI thread.
    fn answers_at_once(&self) -> bool {
        false
    }
}

/// The operating system's dialogs via `rfd` (on Linux: the desktop portal, else `zenity`): a
/// file to open or save, or a folder.
#[derive(Debug, Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick(&self, request: &DialogRequest) -> Option<PathBuf> {
        let (name, extensions) = request.spec.filter;
        let mut dialog = rfd::FileDialog::new().set_title(request.spec.title);
        if !extensions.is_empty() {
            dialog = dialog.add_filter(name, extensions);
        }
        if let Some(dir) = &request.start_dir {
            dialog = dialog.set_directory(dir);
        }
        match request.spec.kind {
            DialogKind::Save => dialog
                .set_file_name(request.suggested_name.as_str())
                .set_can_create_directories(true)
                .save_file(),
            DialogKind::Open => dialog.pick_file(),
            DialogKind::Folder => dialog.set_can_create_directories(true).pick_folder(),
        }
    }

    fn pick_many(&self, request: &DialogRequest) -> Vec<PathBuf> {
        let (name, extensions) = request.spec.filter;
        let mut dialog = rfd::FileDialog::new()
            .set_title(request.spec.title)
            .add_filter(name, extensions);
        if let Some(dir) = &request.start_dir {
            dialog = dialog.set_directory(dir);
        }
        dialog.pick_files().unwrap_or_default()
    }
}

/// Dialogs answered from a script, for tests: each request takes the next answer.
#[derive(Debug, Default)]
pub struct ScriptedDialogs {
    answers: Mutex<VecDeque<Vec<PathBuf>>>,
    /// The commands asked for, in order, so a test can check which dialog was opened.
    asked: Mutex<Vec<UiCommand>>,
}

impl ScriptedDialogs {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Queue the answer to the next request (`None` = the user cancelled).
    pub fn answer(&self, path: Option<PathBuf>) {
        self.answer_many(path.into_iter().collect());
    }

    /// Queue several files as the answer to the next request (empty = the user cancelled).
    pub fn answer_many(&self, paths: Vec<PathBuf>) {
        if let Ok(mut answers) = self.answers.lock() {
            answers.push_back(paths);
        }
    }

    /// The commands of the dialogs requested so far.
    #[must_use]
    pub fn asked(&self) -> Vec<UiCommand> {
        self.asked.lock().map(|a| a.clone()).unwrap_or_default()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick(&self, request: &DialogRequest) -> Option<PathBuf> {
        self.pick_many(request).into_iter().next()
    }

    fn pick_many(&self, request: &DialogRequest) -> Vec<PathBuf> {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(request.command);
        }
        self.answers
            .lock()
            .ok()
            .and_then(|mut a| a.pop_front())
            .unwrap_or_default()
    }

    fn answers_at_once(&self) -> bool {
        true
    }
}
