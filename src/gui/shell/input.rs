//! Keyboard shortcuts, dropped files and the window's close button.

use super::modals::Pending;
use crate::gui::command::{Command, UiCommand};
use crate::gui::{Screen, SvarskollApp};
use crate::i18n::app as m;
use egui::ViewportCommand;
use std::path::{Path, PathBuf};

impl SvarskollApp {
    pub(crate) fn handle_input(&mut self, ctx: &egui::Context) {
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
                Some(probe) => Command::WithFile(UiCommand::AttachEvidence { probe }, path),
                None => dropped_file_command(&path),
            });
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.log.has_unaccepted_entry() || self.accounts.has_unaccepted_entry() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.pending = Some(Pending::QuitDespiteEntry);
            } else if self
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
                self.file_error_msg(m::shell::COULD_NOT_SAVE_BEFORE_CLOSING_THE, &e);
            }
        }
    }
}

/// What to do with a file dropped on the window.
fn dropped_file_command(path: &Path) -> Command {
    let command = if crate::store::is_audit_file_name(path) {
        UiCommand::OpenAudit
    } else {
        UiCommand::ImportCsv
    };
    Command::WithFile(command, path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_audit_is_opened_and_anything_else_imported() {
        assert_eq!(
            dropped_file_command(Path::new("x.csv")),
            Command::WithFile(UiCommand::ImportCsv, "x.csv".into())
        );
        assert_eq!(
            dropped_file_command(Path::new("x.svarskoll.ron")),
            Command::WithFile(UiCommand::OpenAudit, "x.svarskoll.ron".into())
        );
        assert_eq!(
            dropped_file_command(Path::new(r"C:\Revision\Kultur 2026.SVARSKOLL")),
            Command::WithFile(
                UiCommand::OpenAudit,
                r"C:\Revision\Kultur 2026.SVARSKOLL".into()
            )
        );
    }
}
