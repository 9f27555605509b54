//! Step 5, Rapport: the report's texts and actions (Åtgärder), and the PDF export (on a
//! background thread, via the `report` module's contract).

use super::document::Document;
use super::i18n::tr;
use super::preview::PreviewPane;
use super::widgets;
use super::{Command, ExportState, ScreenCtx, UiCommand};
use crate::core::{Action, Audit, Lang};

#[derive(Default)]
pub struct ReportScreen {
    /// The language of the report's generated text.
    lang: Lang,
    preview: PreviewPane,
}

impl ReportScreen {
    #[must_use]
    pub fn report_lang(&self) -> Lang {
        self.lang
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        let options = super::preview::options(self.lang, cx.as_of(), cx.now);
        self.preview.refresh(
            ui.ctx(),
            &cx.doc.audit,
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
            ui.heading(t("5  Rapport"));
            self.export(ui, cx);
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
                let label = ui.label(t("Rapportens språk"));
                egui::ComboBox::from_id_salt("report-lang")
                    .selected_text(match self.lang {
                        Lang::Sv => "Svenska",
                        Lang::En => "English",
                    })
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.lang, Lang::Sv, "Svenska");
                        ui.selectable_value(&mut self.lang, Lang::En, "English");
                    })
                    .response
                    .labelled_by(label.id);
                if ui
                    .add_enabled(!running, egui::Button::new(egui::RichText::new(UiCommand::ExportPdf.label(cx.lang)).strong()))
                    .clicked()
                {
                    cx.commands.push(Command::Ui(UiCommand::ExportPdf));
                }
                if ui.add_enabled(!running, egui::Button::new(t("Exportera till sökväg …"))).clicked() {
                    cx.commands.push(Command::TypePath(UiCommand::ExportPdf));
                }
            });
            match cx.export {
                ExportState::Idle => {
                    ui.label(
                        egui::RichText::new(t(
                            "Rapporten skapas av granskningens uppgifter, resultat, texter och åtgärder. Resultattexten skriver Svarskoll själv.",
                        ))
                        .weak(),
                    );
                }
                ExportState::Running { path, started } => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(format!(
                            "{} {} ({:.1} s)",
                            t("Skapar rapporten"),
                            path.display(),
                            started.elapsed().as_secs_f32()
                        ));
                    });
                }
                ExportState::Done(path) => {
                    ui.horizontal_wrapped(|ui| {
                        ui.colored_label(
                            widgets::ok_color(ui),
                            format!("{} {}", t("Rapporten sparades:"), path.display()),
                        );
                        if ui.button(t("Öppna rapporten")).clicked() {
                            cx.commands.push(Command::OpenExternal(path.clone()));
                        }
                    });
                }
                ExportState::Failed(message) => {
                    ui.colored_label(
                        widgets::error_color(ui),
                        format!("{} {message}", t("Rapporten kunde inte skapas:")),
                    );
                }
            }
        });
    }
}

/// A multi-line text of the audit, recorded as an edit when typed in.
fn area(
    ui: &mut egui::Ui,
    doc: &mut Document,
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
    area(ui, doc, t("1 Inledning"), 5, |a| &mut a.texts.introduction);
    area(
        ui,
        doc,
        t("Tillägg till resultatet (efter Svarskolls resultattext)"),
        3,
        |a| &mut a.texts.results_note,
    );
    area(ui, doc, t("Analys"), 6, |a| &mut a.texts.analysis);
    area(ui, doc, t("Slutsats"), 5, |a| &mut a.texts.conclusion);
    egui::CollapsingHeader::new(t("Texter från mallen (risk, syfte, omfattning, metod)"))
        .id_salt("template-texts")
        .show(ui, |ui| {
            let r = widgets::text_row_single(ui, t("Risk"), &mut doc.audit.risk.title);
            if r.changed() {
                doc.changed(r.id);
            }
            area(ui, doc, t("Beskrivning av risk"), 3, |a| {
                &mut a.risk.description
            });
            let r = widgets::text_row_single(
                ui,
                t("Granskningens rubrik"),
                &mut doc.audit.texts.audit_title,
            );
            if r.changed() {
                doc.changed(r.id);
            }
            area(ui, doc, t("Områden och rutiner som granskas"), 3, |a| {
                &mut a.texts.areas
            });
            area(ui, doc, t("Syfte"), 3, |a| &mut a.texts.purpose);
            area(ui, doc, t("Omfattning/avgränsning"), 3, |a| {
                &mut a.texts.scope
            });
            area(ui, doc, t("Granskningsmetod"), 4, |a| &mut a.texts.method);
        });
}

fn actions(ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
    let lang = cx.lang;
    let t = |s| tr(lang, s);
    ui.horizontal(|ui| {
        ui.strong(t("Åtgärder"));
        if ui.button(t("+ Lägg till åtgärd")).clicked() {
            cx.doc.edit(|a| a.actions.push(Action::default()));
        }
    });
    if cx.doc.audit.actions.is_empty() {
        ui.label(egui::RichText::new(t("Inga åtgärder än.")).weak());
    }
    let count = cx.doc.audit.actions.len();
    let mut moved: Option<(usize, usize)> = None;
    let mut removed = None;
    for i in 0..count {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.strong(format!("{} {}", t("Åtgärd"), i + 1));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let n = i + 1;
                    if ui
                        .small_button(t("Ta bort"))
                        .on_hover_text(format!("{} {n}", t("Ta bort åtgärd")))
                        .clicked()
                    {
                        removed = Some(i);
                    }
                    if ui
                        .add_enabled(i + 1 < count, egui::Button::new("▼").small())
                        .on_hover_text(format!("{} {n} {}", t("Flytta åtgärd"), t("nedåt")))
                        .clicked()
                    {
                        moved = Some((i, i + 1));
                    }
                    if ui
                        .add_enabled(i > 0, egui::Button::new("▲").small())
                        .on_hover_text(format!("{} {n} {}", t("Flytta åtgärd"), t("uppåt")))
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
                        (t("Rubrik"), &mut action.title),
                        (t("Rapportering av resultat till"), &mut action.report_to),
                        (t("Ansvarig"), &mut action.responsible),
                    ] {
                        let r = widgets::text_row(ui, label, value, "");
                        if r.changed() {
                            changed = Some(r.id);
                        }
                    }
                });
            let r = widgets::text_area(ui, t("Vad ska göras"), &mut action.what_to_do, 3);
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
