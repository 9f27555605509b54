//! Asking for a file command's file: the native dialog on a background job (answered at once in
//! tests), or a typed path when no dialog can be shown.

use crate::gui::SvarskollApp;
use crate::gui::command::{Command, DialogKind, UiCommand};
use crate::gui::dialogs::DialogRequest;
use crate::gui::file_ops::suggested_stem;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A dialog that answers faster than this was not shown at all (no portal, no zenity).
const DIALOG_UNAVAILABLE: Duration = Duration::from_millis(250);

impl SvarskollApp {
    /// What the typed-path box starts with: the audit's folder (else the home folder), and for a
    /// file to save, the name a dialog would propose.
    pub(crate) fn path_prefill(&self, command: UiCommand) -> String {
        let Some(spec) = command.dialog(self.prefs.lang) else {
            return String::new();
        };
        let doc = self.doc.as_ref();
        let folder = doc
            .and_then(|d| d.path.as_ref())
            .and_then(|p| p.parent())
            .map(Path::to_owned)
            .or_else(home_dir);
        let name = if spec.kind == DialogKind::Folder {
            // A new folder beside the audit, made when the letters are written.
            "aterkoppling".to_owned()
        } else if spec.kind == DialogKind::Save && !spec.suggested_suffix.is_empty() {
            let stem = doc
                .map(|d| suggested_stem(&d.audit))
                .unwrap_or_else(|| "granskning".to_owned());
            format!("{stem}{}", spec.suggested_suffix)
        } else {
            String::new()
        };
        match folder {
            Some(folder) if name.is_empty() => {
                let mut text = folder.display().to_string();
                text.push(std::path::MAIN_SEPARATOR);
                text
            }
            Some(folder) => folder.join(name).display().to_string(),
            None => name,
        }
    }

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
        let pick = |dialogs: &dyn crate::gui::FileDialogs, request: &DialogRequest| {
            if request.spec.multiple {
                dialogs.pick_many(request)
            } else {
                dialogs.pick(request).into_iter().collect()
            }
        };
        if self.dialogs.answers_at_once() {
            let paths = pick(self.dialogs.as_ref(), &request);
            self.on_picked(command, paths, Duration::ZERO);
            self.run_commands();
            return;
        }
        let dialogs = Arc::clone(&self.dialogs);
        let spawned = self.dialog.start("file-dialog", self.ctx.clone(), move || {
            let asked = Instant::now();
            let paths = pick(dialogs.as_ref(), &request);
            (command, paths, asked.elapsed())
        });
        if spawned.is_err() {
            self.commands.push(Command::TypePath(command));
        }
    }

    /// Files were chosen (or not): run the command on them, or offer a typed path.
    pub(crate) fn on_picked(&mut self, command: UiCommand, paths: Vec<PathBuf>, took: Duration) {
        let multiple = command.dialog(self.prefs.lang).is_some_and(|d| d.multiple);
        let mut paths = paths.into_iter();
        match paths.next() {
            Some(first) if multiple => self.commands.push(Command::WithFiles(
                command,
                std::iter::once(first).chain(paths).collect(),
            )),
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

/// The user's home folder, from the environment (Windows and Unix alike).
fn home_dir() -> Option<PathBuf> {
    ["HOME", "USERPROFILE"]
        .into_iter()
        .filter_map(std::env::var_os)
        .map(PathBuf::from)
        .find(|p| p.is_absolute())
}

/// A typed path as people write it: surrounding spaces and quotes (Windows' "Copy as path")
/// removed, and `~` at the start meaning the home folder.
pub(crate) fn typed_path(text: &str) -> PathBuf {
    let text = text.trim().trim_matches('"');
    if let Some(rest) = text.strip_prefix('~')
        && (rest.is_empty() || rest.starts_with(['/', '\\']))
        && let Some(home) = home_dir()
    {
        return home.join(rest.trim_start_matches(['/', '\\']));
    }
    PathBuf::from(text)
}

/// Several typed paths: one a line (or separated by `;`, as Windows lists paths), each as
/// [`typed_path`] reads it; empty lines are skipped.
pub(crate) fn typed_paths(text: &str) -> Vec<PathBuf> {
    text.split(['\n', ';'])
        .filter(|line| !line.trim().trim_matches('"').is_empty())
        .map(typed_path)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_paths_lose_quotes_and_expand_the_home_folder() {
        assert_eq!(
            typed_path(" \"C:\\a b\\x.csv\" "),
            PathBuf::from("C:\\a b\\x.csv")
        );
        if let Some(home) = home_dir() {
            assert_eq!(typed_path("~/x.pdf"), home.join("x.pdf"));
            assert_eq!(typed_path("~"), home);
        }
        assert_eq!(typed_path("~user/x"), PathBuf::from("~user/x"));
        assert_eq!(
            typed_paths("/a/del-1.ron\n\n \"/a/del 2.ron\" ;/b/c.ron\r\n"),
            [
                PathBuf::from("/a/del-1.ron"),
                PathBuf::from("/a/del 2.ron"),
                PathBuf::from("/b/c.ron")
            ]
        );
    }

    #[test]
    fn the_typed_path_box_starts_in_the_audits_folder_with_a_proposed_name() {
        let mut app = SvarskollApp::for_tests(Arc::new(crate::gui::ScriptedDialogs::new()));
        let folder = std::env::temp_dir().join("svarskoll-prefill");
        let mut audit = crate::core::Audit::default();
        audit.meta.title = "Uppföljning 2019".into();
        app.set_audit(
            audit,
            Some(folder.join("a.svarskoll.ron")),
            crate::gui::Screen::Report,
        );
        let pdf = app.path_prefill(UiCommand::ExportPdf);
        assert!(pdf.starts_with(&folder.display().to_string()), "{pdf}");
        assert!(pdf.ends_with(".pdf"), "{pdf}");
        // The letters go into a new folder beside the audit.
        let letters = app.path_prefill(UiCommand::WriteLetters);
        assert_eq!(letters, folder.join("aterkoppling").display().to_string());
        let open = app.path_prefill(UiCommand::OpenAudit);
        assert_eq!(
            open,
            format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR)
        );
    }
}
