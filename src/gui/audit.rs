//! Step 1, Granskning: who, for whom, when, and the criteria (with a note where they differ from
//! the template).

use super::i18n::tr;
use super::widgets::{self, text_row};
use super::{Command, ScreenCtx, UiCommand};
use crate::core::localtime::{LocalResolution, format_local, parse_time};
use crate::core::{Criteria, DeadlineMode, Lang, Platform, rules};
use crate::i18n::Label;
use crate::i18n::app as m;
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
            ui.heading(cx.t(m::audit::N1_AUDIT));
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
        ui.strong(t(m::audit::ABOUT_THE_AUDIT));
        egui::Grid::new("audit-meta")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .min_col_width(130.0)
            .show(ui, |ui| {
                let meta = &mut cx.doc.audit.meta;
                let fields: [(&str, &mut String, &str); 7] = [
                    (
                        t(m::audit::ORGANISATION),
                        &mut meta.organisation,
                        "Malmö stad",
                    ),
                    (
                        t(m::audit::REPORT_TITLE),
                        &mut meta.title,
                        "Uppföljning av internkontrollplan 2019",
                    ),
                    (
                        t(m::audit::COMMITTEE),
                        &mut meta.committee,
                        "Grundskolenämnden",
                    ),
                    (
                        t(m::audit::ADMINISTRATION),
                        &mut meta.administration,
                        "Grundskoleförvaltningen",
                    ),
                    (t(m::audit::PERIOD), &mut meta.period, "tertial 1"),
                    (
                        t(m::audit::RESULTS_REPORTED_TO),
                        &mut meta.report_to,
                        "Grundskolenämnden",
                    ),
                    (
                        t(m::audit::DIARY_NUMBER),
                        &mut meta.diary_number,
                        "GSN-2019-1234",
                    ),
                ];
                let mut changed = None;
                for (label, value, hint) in fields {
                    let r = text_row(ui, label, value, &format!("{} {hint}", t(m::audit::E_G)));
                    if r.changed() {
                        changed = Some(r.id);
                    }
                }
                let year_label = ui.label(t(m::audit::YEAR));
                let r = ui
                    .add(
                        egui::DragValue::new(&mut cx.doc.audit.meta.year)
                            .range(rules::YEAR)
                            .clamp_existing_to_range(false),
                    )
                    .labelled_by(year_label.id);
                ui.end_row();
                if r.changed() {
                    changed = Some(r.id);
                }
                if let Some(id) = changed {
                    cx.doc.changed(id);
                }

                // Auditors: one comma-separated line, kept as typed until the field is left.
                let label = ui.label(t(m::audit::AUDITORS));
                let mut text = self
                    .auditors
                    .clone()
                    .unwrap_or_else(|| cx.doc.audit.meta.auditors.join(", "));
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut text)
                            .hint_text(t(m::audit::FIRST_AND_LAST_NAMES_COMMA_SEPARATED))
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

                let label = ui.label(t(m::audit::REPORT_DATE));
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
                            .hint_text(t(m::audit::YYYY_MM_DD_EMPTY_TODAY))
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
                                t(m::audit::WRITE_THE_DATE_AS_YYYY_MM),
                            );
                            ui.end_row();
                        }
                    }
                }

                let label = ui.label(t(m::audit::AUDIT_CLOSED));
                let current = widgets::stamp_text(cx.doc.audit.meta.closed_at);
                let mut text = self.closed_at.clone().unwrap_or(current);
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut text)
                            .hint_text(t(m::audit::YYYY_MM_DD_HH_MM_EMPTY))
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id)
                    .on_hover_text(t(m::audit::RESULTS_ARE_COMPUTED_AS_THEY_STOOD));
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
                                        format!(
                                            "{} {}",
                                            t(m::audit::READ_AS),
                                            format_local(&resolved.instant)
                                        ),
                                    );
                                    ui.end_row();
                                }
                            }
                            Err(_) => {
                                ui.label("");
                                ui.colored_label(
                                    widgets::error_color(ui),
                                    t(m::audit::WRITE_THE_TIME_AS_YYYY_MM),
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
            ui.strong(t(m::audit::CRITERIA));
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
                    t(m::audit::THE_CRITERIA_DIFFER_FROM_THE_TEMPLATE),
                    differences.join("; ")
                ));
                reset = ui
                    .button(t(m::audit::RESTORE_THE_TEMPLATES_CRITERIA))
                    .clicked();
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
                ui.label(t(m::audit::DEADLINE_COUNTED_IN));
                ui.vertical(|ui| {
                    ui.radio_value(
                        &mut criteria.deadline.mode,
                        DeadlineMode::NextWorkingDay,
                        t(m::audit::HOURS_A_DEADLINE_ENDING_ON_A),
                    );
                    ui.radio_value(
                        &mut criteria.deadline.mode,
                        DeadlineMode::WorkingHours,
                        t(m::audit::ONLY_HOURS_ON_WORKING_DAYS_COUNT),
                    );
                });
                ui.end_row();
                let label = ui.label(t(m::audit::DEADLINE_HOURS));
                ui.add(
                    egui::DragValue::new(&mut criteria.deadline.hours)
                        .range(rules::HOURS)
                        .clamp_existing_to_range(false)
                        .suffix(" h"),
                )
                .labelled_by(label.id);
                ui.end_row();
                ui.label(t(m::audit::LONGEST_RESPONSE_TIME));
                ui.horizontal(|ui| {
                    let mut limited = criteria.deadline.max_days.is_some();
                    if ui
                        .checkbox(&mut limited, t(m::audit::ANSWERS_AFTER_AT_MOST))
                        .changed()
                    {
                        criteria.deadline.max_days = limited.then_some(7);
                    }
                    if let Some(days) = &mut criteria.deadline.max_days {
                        ui.add(
                            egui::DragValue::new(days)
                                .range(rules::MAX_DAYS)
                                .clamp_existing_to_range(false),
                        )
                        .on_hover_text(t(m::common::DAYS))
                        .accessible_name(t(m::audit::LONGEST_RESPONSE_TIME_IN_DAYS));
                        ui.label(t(m::audit::DAYS_COUNT_LATER_ANSWERS_COUNT_AS));
                    }
                });
                ui.end_row();
                ui.label(t(m::audit::SIGNATURE));
                ui.checkbox(
                    &mut criteria.signature_required,
                    t(m::audit::THE_ANSWER_MUST_END_WITH_THE),
                );
                ui.end_row();
                ui.label(t(m::audit::PLATFORMS_IN_SCOPE));
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
        let label = ui.strong(t(m::audit::QUESTION_BANK_ONE_QUESTION_PER_LINE));
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
        // Ragged right: this column's layout is justified, which would stretch the words.
        ui.vertical(|ui| {
            ui.label(egui::RichText::new(t(m::audit::QUESTIONS_ARE_GIVEN_TO_THE_ACCOUNTS)).weak());
        });
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
        out.push(t(m::audit::HOW_THE_DEADLINE_IS_COUNTED).to_owned());
    }
    if a.hours != b.hours {
        out.push(format!(
            "{} {} h → {} h",
            t(m::common::DEADLINE),
            a.hours,
            b.hours
        ));
    }
    if a.max_days != b.max_days {
        let days = |d: Option<u32>| d.map_or_else(|| "–".to_owned(), |d| d.to_string());
        out.push(format!(
            "{} {} → {}",
            t(m::audit::LONGEST_RESPONSE_TIME_DAYS),
            days(a.max_days),
            days(b.max_days)
        ));
    }
    if a.extra_closed_dates != b.extra_closed_dates {
        out.push(t(m::audit::CLOSED_DATES).to_owned());
    }
    if template.signature_required != current.signature_required {
        out.push(t(m::audit::THE_SIGNATURE_REQUIREMENT).to_owned());
    }
    if template.platforms_in_scope != current.platforms_in_scope {
        out.push(t(m::audit::THE_PLATFORMS).to_owned());
    }
    out
}
