//! Messages at the top of the window: the save error, the "no file yet" warning, and the
//! dismissable errors and notices of commands.

use crate::core::Lang;
use crate::core::file_error::FileError;
use crate::gui::command::{Command, UiCommand};
use crate::gui::{Screen, SvarskollApp, tr, widgets};
use crate::i18n::app as m;
use crate::i18n::{Text, Words};

/// A message at the top of the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Banner {
    error: bool,
    /// Our words, shown in the language of the moment (a switch of language retranslates them).
    message: Option<Text>,
    /// What it concerns (a file name), or a whole message from elsewhere (a file error), in
    /// both languages.
    detail: Words,
}

impl Banner {
    fn text(&self, lang: Lang) -> String {
        let detail = self.detail.get(lang);
        match (self.message, detail.is_empty()) {
            (Some(message), true) => message.get(lang).to_owned(),
            (Some(message), false) => format!("{}: {detail}", message.get(lang)),
            (None, _) => detail.to_owned(),
        }
    }
}

impl SvarskollApp {
    pub(crate) fn banners(&mut self, ui: &mut egui::Ui) {
        let lang = self.prefs.lang;
        let t = |s| tr(lang, s);
        if let Some(doc) = &self.doc
            && let Some(read_only) = &doc.read_only
        {
            let text = match read_only {
                crate::gui::open_audit::ReadOnly::HeldBy(holder) => format!(
                    "{} {}. {}",
                    t(m::shell::READ_ONLY_HELD),
                    crate::i18n::files::lock_holder_text(holder, lang),
                    t(m::shell::NOTHING_IS_SAVED)
                ),
                crate::gui::open_audit::ReadOnly::FileReadOnly => {
                    t(m::shell::READ_ONLY_FILE).to_owned()
                }
            };
            widgets::banner(ui, widgets::Tone::Warning, |ui| {
                ui.label(text);
            });
        }
        if self.conflict {
            widgets::banner(ui, widgets::Tone::Error, |ui| {
                ui.label(t(m::shell::CHANGED_ON_DISK));
                if ui.button(t(m::shell::RELOAD_THEIRS)).clicked() {
                    self.reload_theirs();
                }
                if ui.button(t(m::shell::SAVE_MINE_AS_COPY)).clicked() {
                    self.commands.push(Command::Ui(UiCommand::SaveAs));
                }
                if ui.button(t(m::shell::OVERWRITE)).clicked() {
                    self.confirm = Some(crate::gui::shell::Confirm::Overwrite);
                }
            });
        } else if let Some(error) = &self.save_error {
            let error = crate::i18n::file_error_text(error, lang);
            widgets::banner(ui, widgets::Tone::Error, |ui| {
                ui.label(format!(
                    "{} {error}",
                    t(m::shell::THE_AUDIT_COULD_NOT_BE_SAVED_2)
                ));
                if ui.button(t(m::shell::TRY_AGAIN)).clicked() {
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
                ui.label(t(m::shell::THE_AUDIT_IS_NOT_SAVED_TO));
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
                ui.label(banner.text(lang));
                if ui
                    .small_button("×")
                    .on_hover_text(t(m::common::CLOSE_THE_MESSAGE))
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

    /// An error that names itself, in both languages.
    pub(crate) fn error(&mut self, detail: Words) {
        self.banners.push(Banner {
            error: true,
            message: None,
            detail,
        });
    }

    /// A file error, with its path and cause, in the language of the moment.
    pub(crate) fn file_error(&mut self, error: &FileError) {
        self.error(Words::new(|lang| crate::i18n::file_error_text(error, lang)));
    }

    /// An error in our words, followed by a file error.
    pub(crate) fn file_error_msg(&mut self, message: Text, error: &FileError) {
        self.banners.push(Banner {
            error: true,
            message: Some(message),
            detail: Words::new(|lang| crate::i18n::file_error_text(error, lang)),
        });
    }

    /// An error in our words, with what it concerns (a name; may be empty).
    pub(crate) fn error_msg(&mut self, message: Text, detail: impl Into<String>) {
        self.banners.push(Banner {
            error: true,
            message: Some(message),
            detail: Words::same(detail),
        });
    }

    /// A notice in our words, followed by more in both languages (what was done).
    pub(crate) fn info_words(&mut self, message: Option<Text>, detail: Words) {
        self.banners.push(Banner {
            error: false,
            message,
            detail,
        });
    }

    /// A notice in our words, with what it concerns (a name; may be empty).
    pub(crate) fn info(&mut self, message: Text, detail: impl Into<String>) {
        self.banners.push(Banner {
            error: false,
            message: Some(message),
            detail: Words::same(detail),
        });
    }
}
