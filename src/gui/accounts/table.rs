//! The account register as a sortable table, in the order chosen by the column headers.

use super::{AccountsScreen, SortKey};
use crate::core::{Audit, SampleMode};
use crate::gui::ScreenCtx;
use crate::gui::i18n::tr;
use crate::gui::widgets;
use crate::i18n::Label;
use crate::i18n::app as m;
use egui_extras::{Column, TableBuilder};

impl AccountsScreen {
    pub(super) fn table(&mut self, ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        self.refresh_order(&cx.doc.audit, cx.doc.generation());
        if cx.doc.audit.accounts.is_empty() {
            ui.add_space(20.0);
            ui.label(t(m::accounts::THE_REGISTER_IS_EMPTY_IMPORT_A));
            return;
        }
        let mut toggled: Option<(usize, bool)> = None;
        let mut delete: Option<usize> = None;
        let mut edit: Option<usize> = None;
        let order = std::mem::take(&mut self.order);
        // Fixed columns are as wide as their (bold, sortable) headers in the UI language.
        let header = |text| widgets::button_width(ui, &format!("{} ▼", t(text))) * 1.1;
        let sample_width = header(m::accounts::SAMPLE).max(50.0);
        let platform_width = header(m::common::PLATFORM).max(90.0);
        let questions_width = header(m::accounts::QUESTIONS).max(54.0);
        let order_width = widgets::button_width(ui, t(m::accounts::REGISTER_ORDER)).max(150.0);
        // The room left by the fixed columns (and the scroll bar), shared by the status and the
        // flexible account and unit columns.
        let room = (ui.available_width()
            - sample_width
            - platform_width
            - questions_width
            - order_width
            - 7.0 * ui.spacing().item_spacing.x
            - 24.0)
            .max(0.0);
        // Who the account is matters most, then its unit, then its status: the names get the
        // room they need first (up to a cap), the units next, and the status what is left but
        // never less than its header; a status cut short is shown whole on hover. (Shrinking all
        // three alike cut the names while "aktivt" sat in a wide column.)
        let audit = &cx.doc.audit;
        let body = &egui::TextStyle::Body;
        // The longest text by characters, measured once (a register may hold thousands).
        let widest = |texts: &mut dyn Iterator<Item = &str>| {
            texts
                .max_by_key(|s| s.chars().count())
                .map_or(0.0, |s| widgets::text_width(ui, s, body) + 12.0)
        };
        let least_account = header(m::common::ACCOUNT).max(90.0);
        let least_unit = header(m::common::UNIT).max(70.0);
        let least_status = header(m::common::STATUS).max(60.0);
        let wanted_status = audit
            .accounts
            .iter()
            .filter_map(|a| audit.exclusion(a))
            .map(|reason| {
                let text = format!(
                    "{} ({})",
                    t(m::accounts::EXCLUDED),
                    crate::i18n::exclusion_singular(reason, lang)
                );
                widgets::text_width(ui, &text, body) + 12.0
            })
            .fold(header(m::common::STATUS).max(150.0), f32::max);
        let account_width = widest(&mut audit.accounts.iter().map(|a| a.name.as_str()))
            .clamp(least_account, 260.0)
            .min((room - least_unit - least_status).max(least_account));
        let unit_width = widest(&mut audit.accounts.iter().map(|a| a.unit.as_str()))
            .clamp(least_unit, 200.0)
            .min((room - account_width - least_status).max(least_unit));
        let status_width = (room - account_width - unit_width).clamp(least_status, wanted_status);
        TableBuilder::new(ui)
            .id_salt("accounts-table")
            .striped(true)
            // Flexible columns share the width, so the editor panel never hides part of the table.
            .resizable(false)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::exact(sample_width))
            .column(Column::remainder().at_least(account_width).clip(true))
            .column(Column::exact(platform_width).clip(true))
            .column(Column::remainder().at_least(unit_width).clip(true))
            .column(Column::exact(status_width).clip(true))
            .column(Column::exact(questions_width))
            .column(Column::exact(order_width))
            .header(26.0, |mut header| {
                header.col(|ui| {
                    ui.strong(t(m::accounts::SAMPLE));
                });
                header.col(|ui| self.header_button(ui, t(m::common::ACCOUNT), SortKey::Name));
                header.col(|ui| self.header_button(ui, t(m::common::PLATFORM), SortKey::Platform));
                header.col(|ui| self.header_button(ui, t(m::common::UNIT), SortKey::Unit));
                header.col(|ui| self.header_button(ui, t(m::common::STATUS), SortKey::Status));
                header.col(|ui| self.header_button(ui, t(m::accounts::QUESTIONS), SortKey::Probes));
                header.col(|ui| {
                    if self.sort != SortKey::Register
                        && ui
                            .link(t(m::accounts::REGISTER_ORDER))
                            .on_hover_text(t(m::accounts::SHOW_THE_ACCOUNTS_IN_REGISTER_ORDER))
                            .clicked()
                    {
                        self.sort = SortKey::Register;
                        self.descending = false;
                    }
                });
            })
            .body(|body| {
                let audit = &cx.doc.audit;
                body.rows(26.0, order.len(), |mut row| {
                    let i = order[row.index()];
                    let account = &audit.accounts[i];
                    let exclusion = audit.exclusion(account);
                    row.set_selected(self.editing == Some(i));
                    row.col(|ui| {
                        let mut selected = account.selected && exclusion.is_none();
                        let name = format!("{}: {}", t(m::accounts::IN_THE_SAMPLE), account.name);
                        let r = ui
                            .add_enabled(
                                exclusion.is_none(),
                                egui::Checkbox::without_text(&mut selected),
                            )
                            .accessible_name(name);
                        if r.changed() {
                            toggled = Some((i, selected));
                        }
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&account.name).truncate());
                    });
                    row.col(|ui| {
                        ui.label(account.platform.label(lang));
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&account.unit).truncate());
                    });
                    row.col(|ui| {
                        let text = match exclusion {
                            Some(reason) => {
                                format!(
                                    "{} ({})",
                                    t(m::accounts::EXCLUDED),
                                    crate::i18n::exclusion_singular(reason, lang)
                                )
                            }
                            None => account.status.label(lang).to_owned(),
                        };
                        let color = if exclusion.is_some() {
                            widgets::warning_color(ui)
                        } else {
                            ui.visuals().text_color()
                        };
                        let r = ui.add(
                            egui::Label::new(egui::RichText::new(text).color(color)).truncate(),
                        );
                        if !account.exclusion_note.is_empty() {
                            r.on_hover_text(&account.exclusion_note);
                        }
                    });
                    row.col(|ui| {
                        ui.label(account.probes.len().to_string());
                    });
                    row.col(|ui| {
                        if ui
                            .small_button(t(m::common::EDIT))
                            .on_hover_text(&account.name)
                            .clicked()
                        {
                            edit = Some(i);
                        }
                        if ui
                            .small_button(t(m::common::DELETE))
                            .on_hover_text(format!("{} {}", t(m::common::DELETE), account.name))
                            .clicked()
                        {
                            delete = Some(i);
                        }
                    });
                });
            });
        self.order = order;
        if let Some((i, value)) = toggled {
            cx.doc.edit(|a| {
                a.accounts[i].selected = value;
                // A hand-made change to the sample: reapplying "all" or "random" would undo it.
                a.sample.mode = SampleMode::Manual;
            });
        }
        if let Some(i) = edit {
            self.editing = Some(i);
        }
        if let Some(i) = delete {
            let name = cx.doc.edit(|a| a.accounts.remove(i).name);
            self.editing = None;
            self.note = Some((super::Note::Deleted(name), cx.doc.generation()));
        }
    }

    fn refresh_order(&mut self, audit: &Audit, generation: u64) {
        let key = (
            generation,
            self.filter.clone(),
            self.platform_filter,
            self.status_filter,
            self.sort,
            self.descending,
        );
        if self.order_key.as_ref() == Some(&key) {
            return;
        }
        let needle = self.filter.trim().to_lowercase();
        let mut order: Vec<usize> = audit
            .accounts
            .iter()
            .enumerate()
            .filter(|(_, a)| self.platform_filter.is_none_or(|p| a.platform == p))
            .filter(|(_, a)| self.status_filter.is_none_or(|s| a.status == s))
            .filter(|(_, a)| {
                needle.is_empty()
                    || [&a.name, &a.unit, &a.url]
                        .iter()
                        .any(|f| f.to_lowercase().contains(&needle))
            })
            .map(|(i, _)| i)
            .collect();
        let accounts = &audit.accounts;
        match self.sort {
            SortKey::Register => {}
            SortKey::Name => order.sort_by_cached_key(|&i| accounts[i].name.to_lowercase()),
            SortKey::Platform => order.sort_by_key(|&i| accounts[i].platform),
            SortKey::Unit => order.sort_by_cached_key(|&i| accounts[i].unit.to_lowercase()),
            SortKey::Status => order.sort_by_key(|&i| accounts[i].status),
            SortKey::Probes => order.sort_by_key(|&i| accounts[i].probes.len()),
        }
        if self.descending {
            order.reverse();
        }
        self.order = order;
        self.order_key = Some(key);
    }

    fn header_button(&mut self, ui: &mut egui::Ui, label: &str, key: SortKey) {
        let arrow = match (self.sort == key, self.descending) {
            (true, false) => " ▲",
            (true, true) => " ▼",
            (false, _) => "",
        };
        let response = ui.add(
            egui::Button::new(egui::RichText::new(format!("{label}{arrow}")).strong()).frame(false),
        );
        if response.clicked() {
            if self.sort == key {
                self.descending = !self.descending;
            } else {
                self.sort = key;
                self.descending = false;
            }
        }
    }
}
