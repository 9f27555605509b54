//! The menu bar (Arkiv, Redigera, Visa) and the save indicator at its right end.

use crate::core::Lang;
use crate::gui::command::{Command, UiCommand};
use crate::gui::{SvarskollApp, ThemeChoice, tr, widgets};
use crate::i18n::app as m;

impl SvarskollApp {
    pub(crate) fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.prefs.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
    }

    pub(crate) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        let lang = self.prefs.lang;
        let t = |s| tr(lang, s);
        let has_doc = self.doc.is_some();
        let (can_undo, can_redo) = self
            .doc
            .as_ref()
            .map_or((false, false), |d| (d.can_undo(), d.can_redo()));
        // "Ångra: Besvarad, Alpha (Facebook)": the menu says what it undoes.
        let undo_text = self.doc.as_ref().and_then(|d| d.undo_text(lang));
        let redo_text = self.doc.as_ref().and_then(|d| d.redo_text(lang));
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button(t(m::shell::FILE), |ui| {
                    let queue = &mut self.commands;
                    UiCommand::NewAudit.menu_entry(ui, lang, true, queue);
                    UiCommand::OpenAudit.menu_entry(ui, lang, true, queue);
                    if ui.button(t(m::shell::OPEN_BY_PATH)).clicked() {
                        queue.push(Command::TypePath(UiCommand::OpenAudit));
                    }
                    UiCommand::NewFromTemplateFile.menu_entry(ui, lang, true, queue);
                    ui.menu_button(t(m::shell::RECENT), |ui| {
                        if self.prefs.recent.is_empty() {
                            ui.label(t(m::shell::NO_RECENT_AUDITS));
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
                    UiCommand::StartFollowup.menu_entry(ui, lang, has_doc, queue);
                    UiCommand::ExportLog.menu_entry(ui, lang, has_doc, queue);
                    UiCommand::MergeParts.menu_entry(ui, lang, has_doc, queue);
                    UiCommand::CloseAudit.menu_entry(ui, lang, has_doc, queue);
                    ui.separator();
                    UiCommand::Quit.menu_entry(ui, lang, true, queue);
                });
                ui.menu_button(t(m::common::EDIT), |ui| {
                    let queue = &mut self.commands;
                    for (command, enabled, what) in [
                        (UiCommand::Undo, can_undo, undo_text),
                        (UiCommand::Redo, can_redo, redo_text),
                    ] {
                        let response = match what {
                            Some(what) => command.menu_item_saying(ui, lang, enabled, &what),
                            None => command.menu_item(ui, lang, enabled),
                        };
                        if response.clicked() {
                            queue.push(Command::Ui(command));
                        }
                    }
                    ui.separator();
                    let can_restore = self
                        .doc
                        .as_ref()
                        .is_some_and(|d| d.file.is_some() && d.read_only.is_none());
                    if ui
                        .add_enabled(can_restore, egui::Button::new(t(m::shell::RESTORE_OPENED)))
                        .clicked()
                    {
                        self.confirm = Some(crate::gui::shell::Confirm::RestoreOpened);
                    }
                });
                ui.menu_button(t(m::common::VIEW), |ui| {
                    ui.label(t(m::shell::LANGUAGE));
                    ui.radio_value(
                        &mut self.prefs.lang,
                        Lang::Sv,
                        crate::i18n::language_name(Lang::Sv),
                    );
                    ui.radio_value(
                        &mut self.prefs.lang,
                        Lang::En,
                        crate::i18n::language_name(Lang::En),
                    );
                    ui.separator();
                    ui.label(t(m::shell::THEME));
                    let before = self.prefs.theme;
                    ui.radio_value(
                        &mut self.prefs.theme,
                        ThemeChoice::System,
                        t(m::shell::LIKE_THE_SYSTEM),
                    );
                    ui.radio_value(
                        &mut self.prefs.theme,
                        ThemeChoice::Light,
                        t(m::shell::LIGHT),
                    );
                    ui.radio_value(&mut self.prefs.theme, ThemeChoice::Dark, t(m::shell::DARK));
                    if before != self.prefs.theme {
                        self.apply_theme(ui.ctx());
                    }
                    ui.separator();
                    if ui
                        .add(egui::Button::new(t(m::shell::LARGER_TEXT)).shortcut_text("Ctrl +"))
                        .clicked()
                    {
                        egui::gui_zoom::zoom_in(ui.ctx());
                    }
                    if ui
                        .add(egui::Button::new(t(m::shell::SMALLER_TEXT)).shortcut_text("Ctrl -"))
                        .clicked()
                    {
                        egui::gui_zoom::zoom_out(ui.ctx());
                    }
                    if ui
                        .add(
                            egui::Button::new(t(m::shell::NORMAL_TEXT_SIZE))
                                .shortcut_text("Ctrl 0"),
                        )
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
            (t(m::shell::COULD_NOT_SAVE), widgets::error_color(ui))
        } else if doc.path.is_none() {
            (t(m::shell::NOT_SAVED_TO_A_FILE), widgets::warning_color(ui))
        } else if doc.is_saved() {
            (t(m::shell::ALL_SAVED), widgets::ok_color(ui))
        } else {
            (t(m::shell::SAVING), ui.visuals().weak_text_color())
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
}
