//! The window that edits one account: name, platform, unit, URL, status and the reason for an
//! exclusion.

use super::AccountsScreen;
use crate::core::{AccountStatus, Platform, SampleMode};
use crate::gui::ScreenCtx;
use crate::gui::i18n::{fill, tr};
use crate::gui::widgets;
use crate::i18n::Label;
use crate::i18n::app as m;

impl AccountsScreen {
    pub(super) fn editor(&mut self, ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>, index: usize) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        ui.horizontal(|ui| {
            ui.heading(t(m::common::ACCOUNT));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(t(m::accounts::DONE)).clicked() {
                    self.editing = None;
                }
            });
        });
        let Some(mut account) = cx.doc.audit.accounts.get(index).cloned() else {
            return;
        };
        let mut changed_text = None;
        egui::Grid::new("account-form")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let r = widgets::text_row(ui, t(m::accounts::NAME), &mut account.name, "Åbyskolan");
                if self.focus_name {
                    r.request_focus();
                    self.focus_name = false;
                }
                if r.changed() {
                    changed_text = Some(r.id);
                }
                ui.label(t(m::common::PLATFORM));
                egui::ComboBox::from_id_salt("edit-platform")
                    .selected_text(account.platform.label(lang))
                    .show_ui(ui, |ui| {
                        for p in Platform::ALL {
                            ui.selectable_value(&mut account.platform, p, p.label(lang));
                        }
                    });
                ui.end_row();
                let r = widgets::text_row(ui, t(m::common::UNIT), &mut account.unit, "Åbyskolan");
                if r.changed() {
                    changed_text = Some(r.id);
                }
                let r = widgets::text_row(
                    ui,
                    t(m::accounts::URL_OR_HANDLE),
                    &mut account.url,
                    "facebook.com/…",
                );
                if r.changed() {
                    changed_text = Some(r.id);
                }
                ui.label(t(m::common::STATUS));
                egui::ComboBox::from_id_salt("edit-status")
                    .selected_text(account.status.label(lang))
                    .show_ui(ui, |ui| {
                        for s in AccountStatus::ALL {
                            ui.selectable_value(&mut account.status, s, s.label(lang));
                        }
                    });
                ui.end_row();
                let r = widgets::text_row(
                    ui,
                    t(m::accounts::REASON_FOR_EXCLUSION),
                    &mut account.exclusion_note,
                    t(m::accounts::E_G_THE_ACCOUNT_WAS_CLOSED),
                );
                if r.changed() {
                    changed_text = Some(r.id);
                }
                ui.label("");
                ui.checkbox(&mut account.selected, t(m::accounts::IN_THE_SAMPLE_2));
                ui.end_row();
            });
        if let Some(reason) = cx.doc.audit.exclusion(&account) {
            let text = format!(
                "{} {}.",
                t(m::accounts::THE_ACCOUNT_IS_NOT_AUDITED_IT),
                crate::i18n::exclusion_singular(reason, lang)
            );
            ui.colored_label(widgets::warning_color(ui), text);
        }
        ui.label(fill(
            t(m::accounts::N_QUESTIONS_LOGGED_QUESTIONS_ARE_EDITED),
            &[("n", account.probes.len())],
        ));
        let current = &cx.doc.audit.accounts[index];
        if account != *current {
            match changed_text {
                Some(id) => {
                    cx.doc.audit.accounts[index] = account;
                    cx.doc.changed(id);
                }
                None => {
                    let manual = account.selected != current.selected;
                    cx.doc.edit(|a| {
                        a.accounts[index] = account;
                        if manual {
                            a.sample.mode = SampleMode::Manual;
                        }
                    });
                }
            }
        }
    }
}
