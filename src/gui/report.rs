//! Step 5, Rapport: the report's texts and actions (Åtgärder), the PDF and Word exports and the
//! feedback letters to the units (on background threads, via the `report` module's contract).

use super::i18n::tr;
use super::open_audit::OpenAudit;
use super::preview::PreviewPane;
use super::widgets;
use super::{Command, ExportState, LettersState, ScreenCtx, UiCommand};
use crate::core::{Action, Audit, Lang};
use crate::i18n::app as m;

#[derive(Default)]
pub struct ReportScreen {
    /// The language of the report's generated text.
    lang: Lang,
    /// Feedback letters to every audited unit, not only to those with an account not answered
    /// in time (`svarskoll letters --all-units`).
    letters_to_all_units: bool,
    preview: PreviewPane,
}

impl ReportScreen {
    #[must_use]
    pub fn report_lang(&self) -> Lang {
        self.lang
    }

    #[must_use]
    pub fn letters_to_all_units(&self) -> bool {
        self.letters_to_all_units
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        let options = super::preview::options(&cx.doc.audit, self.lang, cx.as_of(), cx.now);
        self.preview.refresh(
            ui.ctx(),
            &cx.doc.audit,
            cx.doc.path.as_deref(),
            cx.doc.generation(),
            &options,
            cx.report_fonts,
        );
        // Beside the texts, so an edit can be seen in the report as it is made.
        egui::Panel::right("report-preview")
            .resizable(false)
            .exact_size(400.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("report-preview-scroll")
                    .show(ui, |ui| self.preview.ui(ui, lang));
            });
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.heading(t(m::report::N5_REPORT));
            self.export(ui, cx);
            ui.add_space(4.0);
            self.letters(ui, cx);
            ui.add_space(8.0);
            if ui.available_width() > 900.0 {
                ui.columns(2, |cols| {
                    texts(&mut cols[0], cx);
                    actions(&mut cols[1], cx);
                });
            } else {
                texts(ui, cx);
                actions(ui, cx);
            }
        });
    }

    fn export(&mut self, ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                let running = matches!(cx.export, ExportState::Running { .. });
                let label = ui.label(t(m::report::REPORT_LANGUAGE));
                egui::ComboBox::from_id_salt("report-lang")
                    .selected_text(crate::i18n::language_name(self.lang))
                    .show_ui(ui, |ui| {
                        for lang in [Lang::Sv, Lang::En] {
                            let name = crate::i18n::language_name(lang);
                            ui.selectable_value(&mut self.lang, lang, name);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if ui
                    .add_enabled(
                        !running,
                        egui::Button::new(
                            egui::RichText::new(UiCommand::ExportPdf.label(cx.lang)).strong(),
                        ),
                    )
                    .clicked()
                {
                    cx.commands.push(Command::Ui(UiCommand::ExportPdf));
                }
                if ui
                    .add_enabled(
                        !running,
                        egui::Button::new(UiCommand::ExportDocx.label(cx.lang)),
                    )
                    .clicked()
                {
                    cx.commands.push(Command::Ui(UiCommand::ExportDocx));
                }
                if ui
                    .add_enabled(!running, egui::Button::new(t(m::report::EXPORT_TO_PATH)))
                    .clicked()
                {
                    cx.commands.push(Command::TypePath(UiCommand::ExportPdf));
                }
            });
            evidence_appendix(ui, cx);
            match cx.export {
                ExportState::Idle => {
                    ui.label(egui::RichText::new(t(m::report::THE_REPORT_IS_MADE_FROM_THE)).weak());
                }
                ExportState::Running { path, started } => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(format!(
                            "{} {} ({:.1} s)",
                            t(m::report::CREATING_THE_REPORT),
                            path.display(),
                            started.elapsed().as_secs_f32()
                        ));
                    });
                }
                ExportState::Done(path) => {
                    ui.horizontal_wrapped(|ui| {
                        ui.colored_label(
                            widgets::ok_color(ui),
                            format!("{} {}", t(m::report::THE_REPORT_WAS_SAVED), path.display()),
                        );
                        let word = crate::report::ReportFormat::from_extension(path)
                            == Some(crate::report::ReportFormat::Docx);
                        let open = if word {
                            m::report::OPEN_THE_DOCUMENT
                        } else {
                            m::report::OPEN_THE_REPORT
                        };
                        if ui.button(t(open)).clicked() {
                            cx.commands.push(Command::OpenExternal(path.clone()));
                        }
                    });
                }
                ExportState::Failed(message) => {
                    ui.colored_label(
                        widgets::error_color(ui),
                        format!(
                            "{} {}",
                            t(m::report::THE_REPORT_COULD_NOT_BE_CREATED),
                            message.get(lang)
                        ),
                    );
                }
            }
        });
    }
}

impl ReportScreen {
    /// "Skriv återkopplingsbrev …" (a folder is asked for), whether every unit gets one, and
    /// what came of the last run.
    fn letters(&mut self, ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                let running = matches!(cx.letters, LettersState::Running { .. });
                let facts = UiCommand::WriteLetters.facts(lang);
                let mut button = ui.add_enabled(!running, egui::Button::new(facts.label));
                if let Some(tip) = facts.tooltip {
                    button = button.on_hover_text(tip);
                }
                if button.clicked() {
                    cx.commands.push(Command::Ui(UiCommand::WriteLetters));
                }
                ui.checkbox(
                    &mut self.letters_to_all_units,
                    t(m::report::LETTERS_TO_ALL_UNITS),
                )
                .on_hover_text(t(m::report::LETTERS_TO_ALL_UNITS_TOOLTIP));
            });
            match cx.letters {
                LettersState::Idle => {}
                LettersState::Running { folder, started } => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(format!(
                            "{} {} ({:.1} s)",
                            t(m::report::WRITING_THE_LETTERS),
                            folder.display(),
                            started.elapsed().as_secs_f32()
                        ));
                    });
                }
                LettersState::Done { count: 0, .. } => {
                    ui.label(t(m::report::NO_LETTERS_NEEDED));
                }
                LettersState::Done { count, folder } => {
                    ui.horizontal_wrapped(|ui| {
                        ui.colored_label(
                            widgets::ok_color(ui),
                            crate::i18n::letters::letters_written(
                                *count,
                                &folder.display().to_string(),
                                lang,
                            ),
                        );
                        if ui.button(t(m::report::OPEN_THE_FOLDER)).clicked() {
                            cx.commands.push(Command::OpenExternal(folder.clone()));
                        }
                    });
                }
                LettersState::Failed(message) => {
                    ui.colored_label(
                        widgets::error_color(ui),
                        format!(
                            "{} {}",
                            t(m::report::THE_LETTERS_COULD_NOT_BE_WRITTEN),
                            message.get(lang)
                        ),
                    );
                }
            }
        });
    }
}

/// The evidence appendix's checkbox (an undoable edit of the audit, saved with it) and, while it
/// is ticked, the warning that such a report is not for publication.
fn evidence_appendix(ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
    let lang = cx.lang;
    let mut on = cx.doc.audit.report.evidence_appendix;
    ui.horizontal_wrapped(|ui| {
        if ui
            .checkbox(&mut on, tr(lang, m::report::EVIDENCE_APPENDIX))
            .changed()
        {
            cx.doc.edit(|a| a.report.evidence_appendix = on);
        }
        if cx.doc.audit.report.evidence_appendix {
            ui.colored_label(
                widgets::warning_color(ui),
                tr(lang, m::report::EVIDENCE_APPENDIX_WARNING),
            );
        }
    });
}

/// A multi-line text of the audit, recorded as an edit when typed in.
fn area(
    ui: &mut egui::Ui,
    doc: &mut OpenAudit,
    label: &str,
    rows: usize,
    field: fn(&mut Audit) -> &mut String,
) {
    let response = widgets::text_area(ui, label, field(&mut doc.audit), rows);
    if response.changed() {
        doc.changed(response.id);
    }
    ui.add_space(6.0);
}

fn texts(ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
    let lang = cx.lang;
    let t = |s| tr(lang, s);
    let doc = &mut *cx.doc;
    area(ui, doc, t(m::report::N1_INTRODUCTION), 5, |a| {
        &mut a.texts.introduction
    });
    area(
        ui,
        doc,
        t(m::report::ADDITION_TO_THE_RESULTS_AFTER_SVARSKOLLS),
        3,
        |a| &mut a.texts.results_note,
    );
    area(ui, doc, t(m::report::ANALYSIS), 6, |a| {
        &mut a.texts.analysis
    });
    area(ui, doc, t(m::report::CONCLUSION), 5, |a| {
        &mut a.texts.conclusion
    });
    egui::CollapsingHeader::new(t(m::report::TEXTS_FROM_THE_TEMPLATE_RISK_PURPOSE))
        .id_salt("template-texts")
        .show(ui, |ui| {
            let r = widgets::text_row_single(ui, t(m::report::RISK), &mut doc.audit.risk.title);
            if r.changed() {
                doc.changed(r.id);
            }
            area(ui, doc, t(m::report::DESCRIPTION_OF_THE_RISK), 3, |a| {
                &mut a.risk.description
            });
            let r = widgets::text_row_single(
                ui,
                t(m::report::AUDIT_HEADING),
                &mut doc.audit.texts.audit_title,
            );
            if r.changed() {
                doc.changed(r.id);
            }
            area(ui, doc, t(m::report::AREAS_AND_ROUTINES_AUDITED), 3, |a| {
                &mut a.texts.areas
            });
            area(ui, doc, t(m::report::PURPOSE), 3, |a| &mut a.texts.purpose);
            area(ui, doc, t(m::report::SCOPE), 3, |a| &mut a.texts.scope);
            area(ui, doc, t(m::report::METHOD), 4, |a| &mut a.texts.method);
        });
}

fn actions(ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
    let lang = cx.lang;
    let t = |s| tr(lang, s);
    ui.horizontal(|ui| {
        ui.strong(t(m::report::ACTIONS));
        if ui.button(t(m::report::ADD_ACTION)).clicked() {
            cx.doc.edit(|a| a.actions.push(Action::default()));
        }
    });
    if cx.doc.audit.actions.is_empty() {
        ui.label(egui::RichText::new(t(m::report::NO_ACTIONS_YET)).weak());
    }
    let count = cx.doc.audit.actions.len();
    let mut moved: Option<(usize, usize)> = None;
    let mut removed = None;
    for i in 0..count {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.strong(format!("{} {}", t(m::report::ACTION), i + 1));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let n = i + 1;
                    if ui
                        .small_button(t(m::common::DELETE))
                        .on_hover_text(format!("{} {n}", t(m::report::DELETE_ACTION)))
                        .clicked()
                    {
                        removed = Some(i);
                    }
                    if ui
                        .add_enabled(i + 1 < count, egui::Button::new("▼").small())
                        .on_hover_text(format!(
                            "{} {n} {}",
                            t(m::report::MOVE_ACTION),
                            t(m::report::DOWN)
                        ))
                        .clicked()
                    {
                        moved = Some((i, i + 1));
                    }
                    if ui
                        .add_enabled(i > 0, egui::Button::new("▲").small())
                        .on_hover_text(format!(
                            "{} {n} {}",
                            t(m::report::MOVE_ACTION),
                            t(m::report::UP)
                        ))
                        .clicked()
                    {
                        moved = Some((i, i - 1));
                    }
                });
            });
            let doc = &mut *cx.doc;
            let action = &mut doc.audit.actions[i];
            let mut changed = None;
            egui::Grid::new(("action", i))
                .num_columns(2)
                .spacing([8.0, 4.0])
                .show(ui, |ui| {
                    for (label, value) in [
                        (t(m::report::TITLE), &mut action.title),
                        (t(m::report::RESULTS_REPORTED_TO), &mut action.report_to),
                        (t(m::report::RESPONSIBLE), &mut action.responsible),
                    ] {
                        let r = widgets::text_row(ui, label, value, "");
                        if r.changed() {
                            changed = Some(r.id);
                        }
                    }
                });
            let r = widgets::text_area(
                ui,
                t(m::report::WHAT_IS_TO_BE_DONE),
                &mut action.what_to_do,
                3,
            );
            if r.changed() {
                changed = Some(r.id);
            }
            if let Some(id) = changed {
                doc.changed(id);
            }
        });
    }
    if let Some((from, to)) = moved {
        cx.doc.edit(|a| a.actions.swap(from, to));
    }
    if let Some(i) = removed {
        cx.doc.edit(|a| {
            a.actions.remove(i);
        });
    }
}
