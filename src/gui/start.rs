//! The start screen: a new audit from a template, open a file, a recent audit or the example.

use super::i18n::tr;
use super::{Command, UiCommand};
use crate::core::{DeadlineMode, Lang, Template};
use crate::i18n::app as m;
use std::path::PathBuf;

/// What the start screen needs (there is no audit yet).
pub struct StartCtx<'a> {
    pub lang: Lang,
    pub recent: &'a [PathBuf],
    pub commands: &'a mut Vec<Command>,
}

#[derive(Default)]
pub struct StartScreen {
    /// The bundled templates, parsed once.
    templates: Option<Result<Vec<(String, Template)>, crate::store::FileError>>,
    /// Whether the bundled example and the recent files exist, looked up once (not every frame).
    example: Option<bool>,
    recent_exists: Vec<(PathBuf, bool)>,
}

impl StartScreen {
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut StartCtx<'_>) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        let templates = self
            .templates
            .get_or_insert_with(crate::store::templates::builtin_templates);
        let example = *self
            .example
            .get_or_insert_with(|| super::example_path().is_some());
        if self.recent_exists.len() != cx.recent.len()
            || self
                .recent_exists
                .iter()
                .zip(cx.recent)
                .any(|((a, _), b)| a != b)
        {
            self.recent_exists = cx.recent.iter().map(|p| (p.clone(), p.is_file())).collect();
        }
        let recent = &self.recent_exists;
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.add_space(12.0);
            ui.heading(egui::RichText::new("Svarskoll").size(28.0));
            ui.label(t(m::start::AUDIT_WHETHER_THE_MUNICIPALITYS_SOCIAL_MEDIA));
            ui.add_space(16.0);
            ui.columns(2, |cols| {
                let ui = &mut cols[0];
                ui.heading(t(m::start::NEW_AUDIT_FROM_A_TEMPLATE));
                ui.add_space(4.0);
                match templates {
                    Ok(list) => {
                        for (key, template) in list.iter() {
                            egui::Frame::group(ui.style()).show(ui, |ui| {
                                ui.set_width(ui.available_width());
                                ui.label(egui::RichText::new(&template.name).strong().size(15.0));
                                if !template.description.is_empty() {
                                    // Ragged right: the column's layout is justified.
                                    ui.vertical(|ui| ui.label(&template.description));
                                }
                                ui.label(
                                    egui::RichText::new(criteria_summary(template, lang)).weak(),
                                );
                                let label = format!("{} {}", t(m::start::NEW_AUDIT), template.name);
                                if ui.button(label).clicked() {
                                    cx.commands.push(Command::NewAudit {
                                        template: key.clone(),
                                    });
                                }
                            });
                            ui.add_space(4.0);
                        }
                    }
                    Err(e) => {
                        ui.colored_label(
                            super::widgets::error_color(ui),
                            crate::i18n::file_error_text(e, lang),
                        );
                    }
                }
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .button(t(m::common::NEW_FROM_TEMPLATE_FILE))
                        .on_hover_text(t(m::start::A_TEMPLATE_SAVED_WITH_FILE_SAVE))
                        .clicked()
                    {
                        cx.commands
                            .push(Command::Ui(UiCommand::NewFromTemplateFile));
                    }
                    if ui.button(t(m::start::TEMPLATE_FILE_FROM_PATH)).clicked() {
                        cx.commands
                            .push(Command::TypePath(UiCommand::NewFromTemplateFile));
                    }
                });

                let ui = &mut cols[1];
                ui.heading(t(m::common::OPEN));
                ui.add_space(4.0);
                ui.horizontal_wrapped(|ui| {
                    if ui.button(t(m::start::OPEN_AUDIT)).clicked() {
                        cx.commands.push(Command::Ui(UiCommand::OpenAudit));
                    }
                    if ui.button(t(m::start::TYPE_A_PATH)).clicked() {
                        cx.commands.push(Command::TypePath(UiCommand::OpenAudit));
                    }
                    if ui
                        .add_enabled(
                            example,
                            egui::Button::new(t(m::start::OPEN_THE_EXAMPLE_SCHOOLS_2019)),
                        )
                        .on_hover_text(t(m::start::OPENS_AS_A_COPY_THE_EXAMPLE))
                        .clicked()
                    {
                        cx.commands.push(Command::OpenExample);
                    }
                });
                ui.add_space(12.0);
                ui.heading(t(m::start::RECENT_AUDITS));
                if recent.is_empty() {
                    ui.label(egui::RichText::new(t(m::start::NONE_YET)).weak());
                }
                for (path, exists) in recent {
                    let exists = *exists;
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    ui.horizontal(|ui| {
                        let response = ui
                            .add_enabled(exists, egui::Button::new(name))
                            .on_hover_text(path.display().to_string());
                        if response.clicked() {
                            cx.commands
                                .push(Command::WithFile(UiCommand::OpenAudit, path.clone()));
                        }
                        let folder = path
                            .parent()
                            .map(|p| p.display().to_string())
                            .unwrap_or_default();
                        let note = if exists {
                            folder
                        } else {
                            t(m::start::THE_FILE_NO_LONGER_EXISTS).to_owned()
                        };
                        ui.add(
                            egui::Label::new(egui::RichText::new(note).small().weak()).truncate(),
                        );
                    });
                }
                ui.add_space(12.0);
                ui.label(egui::RichText::new(t(m::start::TIP_DROP_AN_AUDIT_FILE_SVARSKOLL)).weak());
            });
        });
    }
}

/// "24 h, nästa arbetsdag, signatur krävs".
fn criteria_summary(template: &Template, lang: Lang) -> String {
    let t = |s| tr(lang, s);
    let rule = &template.criteria.deadline;
    let mode = match rule.mode {
        DeadlineMode::WorkingHours => t(m::start::WORKING_HOURS),
        DeadlineMode::NextWorkingDay => t(m::start::MOVED_TO_THE_NEXT_WORKING_DAY),
    };
    let mut parts = vec![format!("{} h, {mode}", rule.hours)];
    if let Some(days) = rule.max_days {
        parts.push(format!(
            "{} {days} {}",
            t(m::start::AT_MOST),
            t(m::common::DAYS)
        ));
    }
    parts.push(
        if template.criteria.signature_required {
            t(m::start::FIRST_NAME_REQUIRED)
        } else {
            t(m::start::NO_SIGNATURE_REQUIRED)
        }
        .to_owned(),
    );
    parts.join(", ")
}
