//! Step 2, Konton: the account register (import, add, edit, delete), exclusions, the sample and
//! the questions.

use super::i18n::{fill, tr};
use super::widgets;
use super::{Command, ScreenCtx, UiCommand};
use crate::core::sample::{apply_sample, assign_questions};
use crate::core::{Account, AccountStatus, Audit, Lang, MergeSummary, Platform, SampleMode};
use crate::store::ImportError;
use egui_extras::{Column, TableBuilder};
use std::path::Path;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum SortKey {
    #[default]
    Register,
    Name,
    Platform,
    Unit,
    Status,
    Probes,
}

/// The outcome of the last CSV import, shown until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
enum ImportReport {
    Done {
        file: String,
        summary: String,
        notices: Vec<String>,
    },
    Failed {
        file: String,
        problems: Vec<String>,
    },
}

/// What the row order depends on: audit generation, search, filters, sort.
type OrderKey = (
    u64,
    String,
    Option<Platform>,
    Option<AccountStatus>,
    SortKey,
    bool,
);

#[derive(Default)]
pub struct AccountsScreen {
    filter: String,
    platform_filter: Option<Platform>,
    status_filter: Option<AccountStatus>,
    sort: SortKey,
    descending: bool,
    /// Rows shown: indices into `audit.accounts`, filtered and sorted.
    order: Vec<usize>,
    /// What `order` was computed for.
    order_key: Option<OrderKey>,
    editing: Option<usize>,
    focus_name: bool,
    import: Option<ImportReport>,
    message: Option<String>,
}

impl AccountsScreen {
    /// A CSV was imported into the audit.
    pub fn import_done(
        &mut self,
        path: &Path,
        summary: MergeSummary,
        notices: Vec<String>,
        lang: Lang,
    ) {
        self.import = Some(ImportReport::Done {
            file: file_name(path),
            summary: fill(
                tr(
                    lang,
                    "{a} nya konton, {p} nya frågor, {u} uppdaterade frågor.",
                ),
                &[
                    ("a", summary.new_accounts),
                    ("p", summary.new_probes),
                    ("u", summary.updated_probes),
                ],
            ),
            notices,
        });
    }

    /// A CSV had errors: nothing was imported.
    pub fn import_failed(&mut self, path: &Path, error: &ImportError) {
        let problems = match error {
            ImportError::Invalid { problems, .. } => {
                problems.iter().map(ToString::to_string).collect()
            }
            ImportError::Io { .. } => vec![error.to_string()],
        };
        self.import = Some(ImportReport::Failed {
            file: file_name(path),
            problems,
        });
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        if self
            .editing
            .is_some_and(|i| i >= cx.doc.audit.accounts.len())
        {
            self.editing = None;
        }
        if let Some(index) = self.editing {
            egui::Panel::right("account-editor")
                .resizable(false)
                .exact_size(330.0)
                .show(ui, |ui| self.editor(ui, cx, index));
        }
        ui.horizontal(|ui| {
            ui.heading(t("2  Konton"));
            ui.add_space(12.0);
            if ui.button(t("+ Lägg till konto")).clicked() {
                let name = t("Nytt konto").to_owned();
                let index = cx.doc.edit(|a| {
                    a.accounts.push(Account {
                        name,
                        platform: a
                            .criteria
                            .platforms_in_scope
                            .first()
                            .copied()
                            .unwrap_or(Platform::Facebook),
                        ..Account::default()
                    });
                    a.accounts.len() - 1
                });
                self.editing = Some(index);
                self.focus_name = true;
            }
            if ui.button(UiCommand::ImportCsv.label(lang)).clicked() {
                cx.commands.push(Command::Ui(UiCommand::ImportCsv));
            }
            if ui.button(t("Importera från sökväg …")).clicked() {
                cx.commands.push(Command::TypePath(UiCommand::ImportCsv));
            }
            ui.label(egui::RichText::new(t("eller dra en CSV-fil till fönstret")).weak());
        });
        self.import_report(ui, lang);
        self.sample(ui, cx);
        if let Some(message) = &self.message {
            ui.label(egui::RichText::new(message).color(widgets::ok_color(ui)));
        }
        ui.separator();
        self.filters(ui, cx);
        self.table(ui, cx);
    }

    fn import_report(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let t = |s| tr(lang, s);
        let mut close = false;
        match &self.import {
            None => {}
            Some(ImportReport::Done {
                file,
                summary,
                notices,
            }) => {
                widgets::banner(ui, widgets::Tone::Info, |ui| {
                    ui.vertical(|ui| {
                        ui.label(format!("{} {file}: {summary}", t("Importerade")));
                        for n in notices {
                            ui.label(format!("• {n}"));
                        }
                    });
                    close = ui
                        .small_button("×")
                        .on_hover_text(t("Stäng meddelandet"))
                        .clicked();
                });
            }
            Some(ImportReport::Failed { file, problems }) => {
                widgets::banner(ui, widgets::Tone::Error, |ui| {
                    ui.vertical(|ui| {
                        ui.strong(format!(
                            "{file}: {} {}",
                            fill(t("{n} fel."), &[("n", problems.len())]),
                            t("Inget importerades. Rätta filen och importera igen.")
                        ));
                        egui::ScrollArea::vertical()
                            .id_salt("import-problems")
                            .max_height(140.0)
                            .show(ui, |ui| {
                                for p in problems {
                                    ui.label(p);
                                }
                            });
                    });
                    close = ui
                        .small_button("×")
                        .on_hover_text(t("Stäng meddelandet"))
                        .clicked();
                });
            }
        }
        if close {
            self.import = None;
        }
    }

    fn sample(&mut self, ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        let mut settings = cx.doc.audit.sample.clone();
        egui::CollapsingHeader::new(t("Urval och frågor"))
            .default_open(true)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.radio_value(&mut settings.mode, SampleMode::All, t("Alla aktiva konton"));
                    ui.radio_value(&mut settings.mode, SampleMode::Random, t("Slumpmässigt urval"));
                    ui.radio_value(&mut settings.mode, SampleMode::Manual, t("Välj för hand"));
                    if settings.mode == SampleMode::Random {
                        ui.separator();
                        let label = ui.label(t("Antal"));
                        ui.add(egui::DragValue::new(&mut settings.size).range(1..=10_000))
                            .labelled_by(label.id);
                        ui.checkbox(&mut settings.per_platform, t("per plattform"));
                        let label = ui.label(t("Slumpfrö"));
                        ui.add(egui::DragValue::new(&mut settings.seed).speed(0.0))
                            .labelled_by(label.id)
                            .on_hover_text(t("Samma frö ger samma urval: fröet sparas i granskningen."));
                        if ui.button(t("Nytt frö")).clicked() {
                            settings.seed = new_seed(cx.now);
                        }
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    let apply = ui
                        .add_enabled(settings.mode != SampleMode::Manual, egui::Button::new(t("Tillämpa urvalet")))
                        .on_hover_text(t("Markerar vilka konton som ingår i granskningen."));
                    if apply.clicked() {
                        let before: Vec<bool> = cx.doc.audit.accounts.iter().map(|a| a.selected).collect();
                        let chosen = cx.doc.edit(|a| {
                            a.sample = settings.clone();
                            apply_sample(a)
                        });
                        let dropped = dropped_with_log(&cx.doc.audit, &before);
                        let mut message = fill(t("{n} konton ingår i granskningen."), &[("n", chosen)]);
                        if dropped > 0 {
                            message.push(' ');
                            message.push_str(&fill(
                                t("Obs: {n} konton med loggade frågor ingår inte längre (Ctrl+Z ångrar)."),
                                &[("n", dropped)],
                            ));
                        }
                        self.message = Some(message);
                    }
                    let bank = cx.doc.audit.question_bank.len();
                    let assign = ui
                        .add_enabled(bank > 0, egui::Button::new(t("Tilldela frågor")))
                        .on_hover_text(if bank > 0 {
                            t("Ger varje konto i urvalet som saknar fråga en fråga ur frågebanken.")
                        } else {
                            t("Frågebanken är tom: fyll i den i steg 1.")
                        });
                    if assign.clicked() {
                        let n = cx.doc.edit(assign_questions);
                        self.message = Some(fill(t("{n} frågor tilldelades."), &[("n", n)]));
                    }
                });
            });
        if settings != cx.doc.audit.sample {
            cx.doc.edit(|a| a.sample = settings);
        }
    }

    fn filters(&mut self, ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        let audit = &cx.doc.audit;
        let excluded = audit
            .accounts
            .iter()
            .filter(|a| audit.exclusion(a).is_some())
            .count();
        let audited = audit
            .accounts
            .iter()
            .filter(|a| audit.is_audited(a))
            .count();
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(t("Sök"));
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text(t("konto, verksamhet, URL"))
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
            let any = t("alla");
            ui.label(t("Plattform"));
            egui::ComboBox::from_id_salt("platform-filter")
                .selected_text(self.platform_filter.map_or(any, |p| p.name(lang)))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.platform_filter, None, any);
                    for p in Platform::ALL {
                        ui.selectable_value(&mut self.platform_filter, Some(p), p.name(lang));
                    }
                })
                .response
                .on_hover_text(t("Plattform"));
            ui.label(t("Status"));
            egui::ComboBox::from_id_salt("status-filter")
                .selected_text(self.status_filter.map_or(any, |s| s.label(lang)))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.status_filter, None, any);
                    for s in AccountStatus::ALL {
                        ui.selectable_value(&mut self.status_filter, Some(s), s.label(lang));
                    }
                })
                .response
                .on_hover_text(t("Status"));
            ui.separator();
            ui.label(fill(
                t("{n} konton i registret, {a} i granskningen, {e} undantagna"),
                &[("n", audit.accounts.len()), ("a", audited), ("e", excluded)],
            ));
        });
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

    fn table(&mut self, ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        self.refresh_order(&cx.doc.audit, cx.doc.generation());
        if cx.doc.audit.accounts.is_empty() {
            ui.add_space(20.0);
            ui.label(t(
                "Registret är tomt. Importera en CSV-fil (kolumner: konto, plattform, verksamhet, url, status …) eller lägg till konton för hand.",
            ));
            return;
        }
        let mut toggled: Option<(usize, bool)> = None;
        let mut delete: Option<usize> = None;
        let mut edit: Option<usize> = None;
        let order = std::mem::take(&mut self.order);
        TableBuilder::new(ui)
            .id_salt("accounts-table")
            .striped(true)
            // Flexible columns share the width, so the editor panel never hides part of the table.
            .resizable(false)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::exact(50.0))
            .column(Column::remainder().at_least(110.0).clip(true))
            .column(Column::exact(90.0).clip(true))
            .column(Column::remainder().at_least(80.0).clip(true))
            .column(Column::exact(150.0).clip(true))
            .column(Column::exact(54.0))
            .column(Column::exact(150.0))
            .header(26.0, |mut header| {
                header.col(|ui| {
                    ui.strong(t("Urval"));
                });
                header.col(|ui| self.header_button(ui, t("Konto"), SortKey::Name));
                header.col(|ui| self.header_button(ui, t("Plattform"), SortKey::Platform));
                header.col(|ui| self.header_button(ui, t("Verksamhet"), SortKey::Unit));
                header.col(|ui| self.header_button(ui, t("Status"), SortKey::Status));
                header.col(|ui| self.header_button(ui, t("Frågor"), SortKey::Probes));
                header.col(|ui| {
                    if self.sort != SortKey::Register
                        && ui
                            .link(t("Registerordning"))
                            .on_hover_text(t("Visa kontona i registrets ordning"))
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
                        let name = format!("{}: {}", t("I urvalet"), account.name);
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
                        ui.label(account.platform.name(lang));
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&account.unit).truncate());
                    });
                    row.col(|ui| {
                        let text = match exclusion {
                            Some(reason) => match lang {
                                Lang::Sv => format!("{} ({})", t("undantaget"), reason.label_sv()),
                                Lang::En => format!("excluded ({})", reason.label_en()),
                            },
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
                            .small_button(t("Redigera"))
                            .on_hover_text(&account.name)
                            .clicked()
                        {
                            edit = Some(i);
                        }
                        if ui
                            .small_button(t("Ta bort"))
                            .on_hover_text(format!("{} {}", t("Ta bort"), account.name))
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
            self.message = Some(format!(
                "{} {name} {}",
                t("Kontot"),
                t("togs bort (Ctrl+Z ångrar).")
            ));
        }
    }

    fn editor(&mut self, ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>, index: usize) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        ui.horizontal(|ui| {
            ui.heading(t("Konto"));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(t("Klar")).clicked() {
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
                let r = widgets::text_row(ui, t("Namn"), &mut account.name, "Åbyskolan");
                if self.focus_name {
                    r.request_focus();
                    self.focus_name = false;
                }
                if r.changed() {
                    changed_text = Some(r.id);
                }
                ui.label(t("Plattform"));
                egui::ComboBox::from_id_salt("edit-platform")
                    .selected_text(account.platform.name(lang))
                    .show_ui(ui, |ui| {
                        for p in Platform::ALL {
                            ui.selectable_value(&mut account.platform, p, p.name(lang));
                        }
                    });
                ui.end_row();
                let r = widgets::text_row(ui, t("Verksamhet"), &mut account.unit, "Åbyskolan");
                if r.changed() {
                    changed_text = Some(r.id);
                }
                let r =
                    widgets::text_row(ui, t("URL eller konto"), &mut account.url, "facebook.com/…");
                if r.changed() {
                    changed_text = Some(r.id);
                }
                ui.label(t("Status"));
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
                    t("Skäl till undantag"),
                    &mut account.exclusion_note,
                    t("t.ex. kontot avslutades 2018"),
                );
                if r.changed() {
                    changed_text = Some(r.id);
                }
                ui.label("");
                ui.checkbox(&mut account.selected, t("ingår i urvalet"));
                ui.end_row();
            });
        if let Some(reason) = cx.doc.audit.exclusion(&account) {
            let text = match lang {
                Lang::Sv => format!(
                    "{} {}.",
                    t("Kontot granskas inte: det är"),
                    reason.label_sv()
                ),
                Lang::En => format!("The account is not audited: it is {}.", reason.label_en()),
            };
            ui.colored_label(widgets::warning_color(ui), text);
        }
        ui.label(fill(
            t("{n} frågor loggade. Frågorna redigeras i steg 3."),
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

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A new random seed from the clock (shown and editable, so any seed can be typed back).
fn new_seed(now: chrono::DateTime<chrono::Utc>) -> u64 {
    let nanos = u64::try_from(now.timestamp_nanos_opt().unwrap_or_default()).unwrap_or_default();
    // Keep it short enough to read aloud and type: six digits.
    nanos / 1000 % 1_000_000
}

/// How many accounts with a posted probe were selected before and are not now.
fn dropped_with_log(audit: &Audit, before: &[bool]) -> usize {
    audit
        .accounts
        .iter()
        .zip(before)
        .filter(|(a, was)| **was && !a.selected && a.probes.iter().any(|p| p.posted_at.is_some()))
        .count()
}
