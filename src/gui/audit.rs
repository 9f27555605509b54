//! Step 1, Granskning: who, for whom, when, and the criteria (with a note where they differ from
//! the template).

use super::i18n::tr;
use super::widgets::{self, text_row};
use super::{Command, ScreenCtx, UiCommand};
use crate::core::localtime::{LocalResolution, format_local, parse_time};
use crate::core::{Criteria, DeadlineMode, Lang, Platform};
use crate::i18n::Label;
use chrono::NaiveDate;

/// Fields typed as text that must parse before they reach the audit.
#[derive(Default)]
pub struct AuditScreen {
    auditors: Option<String>,
    report_date: Option<String>,
    closed_at: Option<String>,
    question_bank: Option<String>,
}

impl AuditScreen {
    /// Drop half-typed text (after undo/redo the audit is the truth).
    pub fn forget_edits(&mut self) {
        *self = Self::default();
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.heading(cx.t("1  Granskning"));
            ui.add_space(4.0);
            if ui.available_width() > 900.0 {
                ui.columns(2, |cols| {
                    self.meta(&mut cols[0], cx);
                    self.criteria(&mut cols[1], cx);
                });
            } else {
                self.meta(ui, cx);
                ui.add_space(12.0);
                self.criteria(ui, cx);
            }
        });
    }

    fn meta(&mut self, ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        ui.strong(t("Uppgifter om granskningen"));
        egui::Grid::new("audit-meta")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .min_col_width(130.0)
            .show(ui, |ui| {
                let meta = &mut cx.doc.audit.meta;
                let fields: [(&str, &mut String, &str); 7] = [
                    (t("Organisation"), &mut meta.organisation, "Malmö stad"),
                    (t("Rapportens titel"), &mut meta.title, "Uppföljning av internkontrollplan 2019"),
                    (t("Nämnd"), &mut meta.committee, "Grundskolenämnden"),
                    (t("Förvaltning"), &mut meta.administration, "Grundskoleförvaltningen"),
                    (t("Period"), &mut meta.period, "tertial 1"),
                    (t("Resultat rapporteras till"), &mut meta.report_to, "Grundskolenämnden"),
                    (t("Diarienummer"), &mut meta.diary_number, "GSN-2019-1234"),
                ];
                let mut changed = None;
                for (label, value, hint) in fields {
                    let r = text_row(ui, label, value, &format!("{} {hint}", t("t.ex.")));
                    if r.changed() {
                        changed = Some(r.id);
                    }
                }
                let year_label = ui.label(t("År"));
                let r = ui
                    .add(egui::DragValue::new(&mut cx.doc.audit.meta.year).range(2000..=2100))
                    .labelled_by(year_label.id);
                ui.end_row();
                if r.changed() {
                    changed = Some(r.id);
                }
                if let Some(id) = changed {
                    cx.doc.changed(id);
                }

                // Auditors: one comma-separated line, kept as typed until the field is left.
                let label = ui.label(t("Granskare"));
                let mut text = self
                    .auditors
                    .clone()
                    .unwrap_or_else(|| cx.doc.audit.meta.auditors.join(", "));
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut text)
                            .hint_text(t("förnamn efternamn, kommaseparerade"))
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                ui.end_row();
                if r.changed() {
                    let names: Vec<String> = text
                        .split(',')
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect();
                    self.auditors = Some(text);
                    if names != cx.doc.audit.meta.auditors {
                        cx.doc.audit.meta.auditors = names;
                        cx.doc.changed(r.id);
                    }
                }
                if r.lost_focus() {
                    self.auditors = None;
                }

                let label = ui.label(t("Rapportdatum"));
                let current = cx
                    .doc
                    .audit
                    .meta
                    .report_date
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default();
                let mut text = self.report_date.clone().unwrap_or(current);
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut text)
                            .hint_text(t("ÅÅÅÅ-MM-DD (tomt = dagens datum)"))
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                ui.end_row();
                if r.changed() {
                    self.report_date = Some(text.clone());
                }
                if let Some(typed) = &self.report_date {
                    match parse_date(typed) {
                        Ok(date) => {
                            if date != cx.doc.audit.meta.report_date {
                                cx.doc.audit.meta.report_date = date;
                                cx.doc.changed(r.id);
                            }
                            if r.lost_focus() {
                                self.report_date = None;
                            }
                        }
                        Err(()) => {
                            ui.label("");
                            ui.colored_label(
                                widgets::error_color(ui),
                                t("Skriv datumet som ÅÅÅÅ-MM-DD; inget ändrades."),
                            );
                            ui.end_row();
                        }
                    }
                }

                let label = ui.label(t("Granskningen stängd"));
                let current = widgets::stamp_text(cx.doc.audit.meta.closed_at);
                let mut text = self.closed_at.clone().unwrap_or(current);
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut text)
                            .hint_text(t("ÅÅÅÅ-MM-DD TT:MM (tomt = resultat per nu)"))
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id)
                    .on_hover_text(t(
                        "Resultaten räknas som de stod vid den här tiden. Svar som kommer senare räknas inte.",
                    ));
                ui.end_row();
                if r.changed() {
                    self.closed_at = Some(text.clone());
                }
                if let Some(typed) = &self.closed_at {
                    if typed.trim().is_empty() {
                        if cx.doc.audit.meta.closed_at.is_some() {
                            cx.doc.audit.meta.closed_at = None;
                            cx.doc.changed(r.id);
                        }
                    } else {
                        match parse_time(typed) {
                            Ok(resolved) => {
                                let value = Some(resolved.fixed());
                                if value != cx.doc.audit.meta.closed_at {
                                    cx.doc.audit.meta.closed_at = value;
                                    cx.doc.changed(r.id);
                                }
                                if resolved.resolution != LocalResolution::Exact {
                                    ui.label("");
                                    ui.colored_label(
                                        widgets::warning_color(ui),
                                        format!("{} {}", t("Tolkad som"), format_local(&resolved.instant)),
                                    );
                                    ui.end_row();
                                }
                            }
                            Err(_) => {
                                ui.label("");
                                ui.colored_label(
                                    widgets::error_color(ui),
                                    t("Skriv tiden som ÅÅÅÅ-MM-DD TT:MM; inget ändrades."),
                                );
                                ui.end_row();
                            }
                        }
                    }
                    if r.lost_focus() && parse_time(typed).is_ok() {
                        self.closed_at = None;
                    }
                }
            });
    }

    fn criteria(&mut self, ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        ui.horizontal(|ui| {
            ui.strong(t("Kriterier"));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if UiCommand::SaveTemplate
                    .menu_item(ui, cx.lang, true)
                    .clicked()
                {
                    cx.commands.push(Command::Ui(UiCommand::SaveTemplate));
                }
            });
        });
        if cx.doc.audit.criteria_differ_from_template() {
            let template = cx.doc.audit.template.clone();
            let differences = cx
                .doc
                .audit
                .template_criteria
                .as_ref()
                .map(|tc| differences(tc, &cx.doc.audit.criteria, lang))
                .unwrap_or_default();
            let mut reset = false;
            widgets::banner(ui, widgets::Tone::Warning, |ui| {
                ui.label(format!(
                    "{} ({template}): {}.",
                    t("Kriterierna skiljer sig från mallen"),
                    differences.join("; ")
                ));
                reset = ui.button(t("Återställ mallens kriterier")).clicked();
            });
            if reset {
                cx.doc.edit(|a| {
                    if let Some(tc) = a.template_criteria.clone() {
                        a.criteria = tc;
                    }
                });
            }
        }
        let mut criteria = cx.doc.audit.criteria.clone();
        egui::Grid::new("audit-criteria")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .min_col_width(130.0)
            .show(ui, |ui| {
                ui.label(t("Svarsfrist räknas"));
                ui.vertical(|ui| {
                    ui.radio_value(
                        &mut criteria.deadline.mode,
                        DeadlineMode::NextWorkingDay,
                        t("timmar; slutar fristen på en helgdag flyttas den till nästa arbetsdag"),
                    );
                    ui.radio_value(
                        &mut criteria.deadline.mode,
                        DeadlineMode::WorkingHours,
                        t("bara arbetsdagarnas timmar räknas"),
                    );
                });
                ui.end_row();
                let label = ui.label(t("Svarsfrist (timmar)"));
                ui.add(
                    egui::DragValue::new(&mut criteria.deadline.hours)
                        .range(1..=720)
                        .suffix(" h"),
                )
                .labelled_by(label.id);
                ui.end_row();
                ui.label(t("Längsta svarstid"));
                ui.horizontal(|ui| {
                    let mut limited = criteria.deadline.max_days.is_some();
                    if ui.checkbox(&mut limited, t("svar efter högst")).changed() {
                        criteria.deadline.max_days = limited.then_some(7);
                    }
                    if let Some(days) = &mut criteria.deadline.max_days {
                        ui.add(egui::DragValue::new(days).range(1..=60))
                            .on_hover_text(t("dagar"))
                            .accessible_name(t("Längsta svarstid i dagar"));
                        ui.label(t("dagar räknas, senare svar räknas som obesvarade"));
                    }
                });
                ui.end_row();
                ui.label(t("Signatur"));
                ui.checkbox(
                    &mut criteria.signature_required,
                    t("svaret ska avslutas med avsändarens förnamn"),
                );
                ui.end_row();
                ui.label(t("Plattformar som granskas"));
                ui.horizontal_wrapped(|ui| {
                    for platform in Platform::ALL {
                        let mut on = criteria.platforms_in_scope.contains(&platform);
                        if ui.checkbox(&mut on, platform.label(lang)).changed() {
                            if on {
                                criteria.platforms_in_scope.push(platform);
                                criteria.platforms_in_scope.sort();
                            } else {
                                criteria.platforms_in_scope.retain(|p| *p != platform);
                            }
                        }
                    }
                });
                ui.end_row();
            });
        if criteria != cx.doc.audit.criteria {
            cx.doc.edit(|a| a.criteria = criteria);
        }

        ui.add_space(12.0);
        let label = ui.strong(t("Frågebank (en fråga per rad)"));
        let mut text = self
            .question_bank
            .clone()
            .unwrap_or_else(|| cx.doc.audit.question_bank.join("\n"));
        let r = ui
            .add(
                egui::TextEdit::multiline(&mut text)
                    .desired_rows(5)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if r.changed() {
            let questions: Vec<String> = text
                .lines()
                .map(|l| l.trim().to_owned())
                .filter(|l| !l.is_empty())
                .collect();
            // Keep the typed text (blank lines while typing) until the field is left.
            self.question_bank = Some(text);
            if questions != cx.doc.audit.question_bank {
                cx.doc.audit.question_bank = questions;
                cx.doc.changed(r.id);
            }
        }
        if r.lost_focus() {
            self.question_bank = None;
        }
        ui.label(
            egui::RichText::new(t(
                "Frågorna delas ut till kontona i steg 2 (Tilldela frågor) så att grannkonton får olika frågor.",
            ))
            .weak(),
        );
    }
}

/// `Ok(None)` for an empty field.
fn parse_date(text: &str) -> Result<Option<NaiveDate>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| ())
}

/// What differs between the template's criteria and the audit's, in words.
fn differences(template: &Criteria, current: &Criteria, lang: Lang) -> Vec<String> {
    let t = |s| tr(lang, s);
    let mut out = Vec::new();
    let (a, b) = (&template.deadline, &current.deadline);
    if a.mode != b.mode {
        out.push(t("sättet att räkna svarsfristen").to_owned());
    }
    if a.hours != b.hours {
        out.push(format!("{} {} h → {} h", t("svarsfrist"), a.hours, b.hours));
    }
    if a.max_days != b.max_days {
        let days = |d: Option<u32>| d.map_or_else(|| "–".to_owned(), |d| d.to_string());
        out.push(format!(
            "{} {} → {}",
            t("längsta svarstid (dagar)"),
            days(a.max_days),
            days(b.max_days)
        ));
    }
    if a.extra_closed_dates != b.extra_closed_dates {
        out.push(t("stängda dagar").to_owned());
    }
    if template.signature_required != current.signature_required {
        out.push(t("signaturkravet").to_owned());
    }
    if template.platforms_in_scope != current.platforms_in_scope {
        out.push(t("plattformarna").to_owned());
    }
    out
}
