//! Asking for a file command's file: the native dialog on a background job (answered at once in
//! tests), or a typed path when no dialog can be shown.

use crate::gui::SvarskollApp;
use crate::gui::command::{Command, UiCommand};
use crate::gui::dialogs::DialogRequest;
use crate::gui::file_ops::suggested_stem;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A dialog that answers faster than this was not shown at all (no portal, no zenity).
const DIALOG_UNAVAILABLE: Duration = Duration::from_millis(250);

impl SvarskollApp {
    /// Ask for `command`'s file with the native dialog; the answer arrives in `on_picked`.
    pub(crate) fn open_dialog(&mut self, command: UiCommand) {
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

    /// A file was chosen (or not): run the command on it, or offer a typed path.
    pub(crate) fn on_picked(&mut self, command: UiCommand, path: Option<PathBuf>, took: Duration) {
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
}
