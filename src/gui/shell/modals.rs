//! The modal questions: unsaved changes before closing or replacing the audit, and the typed
//! path when no file dialog could be shown.

use crate::gui::command::{Command, DialogKind, UiCommand};
use crate::gui::{SvarskollApp, tr};
use crate::i18n::app as m;
use egui::{Key, ViewportCommand};
use std::path::PathBuf;

/// What to do once the unsaved-changes question is answered.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Pending {
    Quit,
    Then(Command),
    /// Closing while a refused typed value lives only in its field.
    QuitDespiteEntry,
}

/// A step that needs a yes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Confirm {
    /// Write our version over the one someone else saved.
    Overwrite,
    /// Put back the audit as it was when the file was opened.
    RestoreOpened,
}

/// A typed path, offered when no native dialog could be shown.
#[derive(Clone, Debug)]
pub(crate) struct PathPrompt {
    command: UiCommand,
    text: String,
    /// Put the cursor in the field when the prompt opens.
    focus: bool,
    /// Why the typed path was not taken (a file to open that does not exist).
    problem: Option<PathBuf>,
}

impl PathPrompt {
    /// A prompt for `command`'s file, starting with `text`, with the cursor in it.
    pub(crate) fn new(command: UiCommand, text: String) -> Self {
        Self {
            command,
            text,
            focus: true,
            problem: None,
        }
    }
}

impl SvarskollApp {
    pub(crate) fn modals(&mut self, ctx: &egui::Context) {
        let lang = self.prefs.lang;
        let t = |s| tr(lang, s);
        self.merge_modal(ctx);
        if let Some((path, holder)) = self.lock_prompt.clone() {
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("lock-held")).show(ctx, |ui| {
                ui.set_max_width(460.0);
                ui.heading(t(m::shell::LOCKED_HEADING));
                ui.label(path.display().to_string());
                ui.label(format!(
                    "{}: {}",
                    t(m::shell::LOCKED_BY),
                    crate::i18n::files::lock_holder_text(&holder, lang)
                ));
                ui.label(t(m::shell::LOCKED_TEXT));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(t(m::shell::OPEN_READ_ONLY)).clicked() {
                        answer = Some(0);
                    }
                    if ui.button(t(m::shell::TAKE_OVER)).clicked() {
                        answer = Some(1);
                    }
                    if ui.button(t(m::shell::CANCEL)).clicked() {
                        answer = Some(2);
                    }
                });
            });
            if let Some(answer) = answer {
                self.lock_prompt = None;
                let opened = match answer {
                    0 => Some(
                        crate::store::AuditFile::open_read_only(&path).map(|(f, a)| {
                            (f, a, Some(crate::gui::open_audit::ReadOnly::HeldBy(holder)))
                        }),
                    ),
                    1 => Some(
                        crate::store::AuditFile::open_taking_over(&path).map(|(f, a)| (f, a, None)),
                    ),
                    _ => None,
                };
                match opened {
                    Some(Ok((file, audit, read_only))) => self.opened(path, file, audit, read_only),
                    Some(Err(e)) => self.file_error(&e),
                    None => {}
                }
            }
        }
        if let Some(confirm) = self.confirm {
            let (question, yes) = match confirm {
                Confirm::Overwrite => (m::shell::CONFIRM_OVERWRITE, m::shell::YES_OVERWRITE),
                Confirm::RestoreOpened => (m::shell::CONFIRM_RESTORE, m::shell::YES_RESTORE),
            };
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("confirm")).show(ctx, |ui| {
                ui.set_max_width(420.0);
                ui.label(t(question));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(t(yes)).clicked() {
                        answer = Some(true);
                    }
                    if ui.button(t(m::shell::CANCEL)).clicked() {
                        answer = Some(false);
                    }
                });
            });
            if let Some(yes) = answer {
                self.confirm = None;
                if yes {
                    match confirm {
                        Confirm::Overwrite => self.overwrite_theirs(),
                        Confirm::RestoreOpened => self.restore_opened(),
                    }
                }
            }
        }
        if self.pending == Some(Pending::QuitDespiteEntry) {
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("unaccepted-entry")).show(ctx, |ui| {
                ui.set_max_width(420.0);
                ui.heading(t(m::shell::UNACCEPTED_ENTRY_HEADING));
                ui.label(t(m::shell::UNACCEPTED_ENTRY_TEXT));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(t(m::shell::CLOSE_WITHOUT_THE_VALUE)).clicked() {
                        answer = Some(true);
                    }
                    if ui.button(t(m::shell::CANCEL)).clicked() {
                        answer = Some(false);
                    }
                });
            });
            if let Some(close) = answer {
                self.pending = None;
                if close {
                    self.log.forget_edits();
                    self.accounts.forget_edits();
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
            }
        } else if let Some(pending) = self.pending.clone() {
            let has_file = self.doc.as_ref().is_some_and(|d| d.path.is_some());
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("unsaved-guard")).show(ctx, |ui| {
                ui.set_max_width(420.0);
                ui.heading(t(m::shell::THE_AUDIT_IS_NOT_SAVED));
                ui.label(if has_file {
                    t(m::shell::THE_AUDIT_COULD_NOT_BE_SAVED)
                } else {
                    t(m::shell::THIS_AUDIT_HAS_NO_FILE_YET)
                });
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(UiCommand::SaveAs.label(lang)).clicked() {
                        answer = Some(0);
                    }
                    if ui.button(t(m::shell::CLOSE_WITHOUT_SAVING)).clicked() {
                        answer = Some(1);
                    }
                    if ui.button(t(m::shell::CANCEL)).clicked() {
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
                let folder = spec.kind == DialogKind::Folder;
                let label = ui.label(t(if spec.multiple {
                    m::shell::PATHS_ONE_PER_LINE
                } else if folder {
                    m::shell::PATH_TO_THE_FOLDER
                } else {
                    m::shell::PATH_TO_THE_FILE
                }));
                let field = if spec.multiple {
                    egui::TextEdit::multiline(&mut prompt.text).desired_rows(4)
                } else {
                    egui::TextEdit::singleline(&mut prompt.text)
                };
                let response = ui.add(field.desired_width(460.0).hint_text(spec.hint));
                response.clone().labelled_by(label.id);
                if prompt.focus {
                    response.request_focus();
                    prompt.focus = false;
                }
                if let Some(missing) = &prompt.problem {
                    ui.colored_label(
                        crate::gui::widgets::error_color(ui),
                        format!(
                            "{}: {}",
                            t(m::shell::FILE_DOES_NOT_EXIST),
                            missing.display()
                        ),
                    );
                }
                let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                ui.horizontal(|ui| {
                    let ok = ui.add_enabled(
                        !prompt.text.trim().is_empty(),
                        egui::Button::new(t(m::shell::OK)),
                    );
                    // Enter in a box of several lines starts a new line; the button takes it.
                    let enter = enter && !spec.multiple;
                    if (ok.clicked() || enter) && !prompt.text.trim().is_empty() {
                        let paths = if spec.multiple {
                            super::file_dialog::typed_paths(&prompt.text)
                        } else {
                            vec![super::file_dialog::typed_path(&prompt.text)]
                        };
                        // A file to open must exist; a file to save or a folder is made.
                        let open = spec.kind == DialogKind::Open;
                        if let Some(missing) = paths.iter().find(|p| open && !p.is_file()) {
                            // Said here, in words, and the box stays for the corrected path.
                            prompt.problem = Some(missing.clone());
                            prompt.focus = true;
                        } else if spec.multiple {
                            self.commands
                                .push(Command::WithFiles(prompt.command, paths));
                            keep = false;
                        } else if let Some(path) = paths.into_iter().next() {
                            self.commands.push(Command::WithFile(prompt.command, path));
                            keep = false;
                        }
                    }
                    if ui.button(t(m::shell::CANCEL)).clicked() {
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
            Pending::Quit | Pending::QuitDespiteEntry => {
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

    /// After "Spara som" answered the unsaved-changes question, do what was asked.
    pub(crate) fn continue_after_save_as(&mut self) {
        match self.after_save.take() {
            Some(Pending::Quit | Pending::QuitDespiteEntry) => {
                self.allow_close = true;
                if let Some(ctx) = &self.ctx {
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
            }
            Some(Pending::Then(command)) => self.commands.push(command),
            None => {}
        }
    }
}
