//! Step 2, Konton: the account register (import, add, edit, delete), exclusions, the sample and
//! the questions.

use super::i18n::{fill, tr};
use super::widgets;
use super::{Command, ScreenCtx, UiCommand};
use crate::core::file_error::ImportNotice;
use crate::core::sample::{apply_sample, assign_questions};
use crate::core::{Account, AccountStatus, Audit, Lang, MergeSummary, Platform, SampleMode};
use crate::i18n::Label;
use crate::i18n::app as m;
use crate::store::ImportError;
use std::path::Path;

mod editor;
mod review;
mod table;

/// What step 2 shows: the register, or the account review beside it (the same accounts, a
/// mode rather than a step of its own: the review is of the register's accounts, and the five
/// steps keep their numbers and Alt+1 … Alt+5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Mode {
    #[default]
    Register,
    Review,
}

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

/// The outcome of the last CSV import, shown until dismissed (in the language of the moment).
#[derive(Clone, Debug, PartialEq, Eq)]
enum ImportReport {
    Done {
        file: String,
        summary: MergeSummary,
        notices: Vec<ImportNotice>,
    },
    Failed {
        file: String,
        error: ImportError,
    },
}

/// Whether applying the sample settings now would choose other accounts than those chosen.
fn sample_would_change(audit: &Audit) -> bool {
    if audit.sample.mode == SampleMode::Manual {
        return false;
    }
    let mut applied = audit.clone();
    apply_sample(&mut applied);
    applied
        .accounts
        .iter()
        .zip(&audit.accounts)
        .any(|(a, b)| a.selected != b.selected)
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
    /// The note and the audit's generation it describes: a later change (an undo) retires it.
    note: Option<(Note, u64)>,
    mode: Mode,
    review: review::ReviewView,
}

/// The line under the sample's buttons: what the last action did, as a type (put into words in
/// the language of the moment, and never recognised by its text).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Note {
    /// The settings shown would choose other accounts than those chosen now.
    SampleNotApplied,
    Sampled {
        chosen: usize,
        dropped: usize,
    },
    QuestionsAssigned(usize),
    Deleted(String),
}

impl Note {
    fn text(&self, lang: Lang) -> String {
        let t = |s| tr(lang, s);
        match self {
            Note::SampleNotApplied => t(m::accounts::SAMPLE_NOT_APPLIED).to_owned(),
            Note::Sampled { chosen, dropped } => {
                let mut text = fill(t(m::accounts::N_ACCOUNTS_ARE_AUDITED), &[("n", *chosen)]);
                if *dropped > 0 {
                    text.push(' ');
                    text.push_str(&fill(
                        t(m::accounts::NOTE_N_ACCOUNTS_WITH_LOGGED_QUESTIONS),
                        &[("n", *dropped)],
                    ));
                }
                text
            }
            Note::QuestionsAssigned(n) => {
                fill(t(m::accounts::N_QUESTIONS_WERE_ASSIGNED), &[("n", *n)])
            }
            Note::Deleted(name) => format!(
                "{} {name} {}",
                t(m::accounts::THE_ACCOUNT),
                t(m::accounts::WAS_DELETED_CTRL_Z_UNDOES)
            ),
        }
    }
}

impl AccountsScreen {
    /// Whether a typed date of the account review was refused and lives only in its cell.
    #[must_use]
    pub fn has_unaccepted_entry(&self) -> bool {
        self.review.has_unaccepted_entry()
    }

    /// Drop typed text (after undo/redo the audit is the truth).
    pub fn forget_edits(&mut self) {
        self.review.forget_edits();
    }

    /// Register or account review, as two selectable buttons.
    fn mode_switch(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let t = |s| tr(lang, s);
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.mode, Mode::Register, t(m::review::REGISTER));
            ui.selectable_value(&mut self.mode, Mode::Review, t(m::review::ACCOUNT_REVIEW));
        });
    }

    /// A CSV was imported into the audit.
    pub fn import_done(&mut self, path: &Path, summary: MergeSummary, notices: Vec<ImportNotice>) {
        self.import = Some(ImportReport::Done {
            file: file_name(path),
            summary,
            notices,
        });
    }

    /// A CSV had errors: nothing was imported.
    pub fn import_failed(&mut self, path: &Path, error: ImportError) {
        self.import = Some(ImportReport::Failed {
            file: file_name(path),
            error,
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
        if self.mode == Mode::Review {
            ui.heading(t(m::accounts::N2_ACCOUNTS));
            self.mode_switch(ui, lang);
            ui.separator();
            self.review_ui(ui, cx);
            return;
        }
        if let Some(index) = self.editing {
            egui::Panel::right("account-editor")
                .resizable(false)
                .exact_size(330.0)
                .show(ui, |ui| self.editor(ui, cx, index));
        }
        ui.horizontal(|ui| {
            ui.heading(t(m::accounts::N2_ACCOUNTS));
            ui.add_space(12.0);
            if ui.button(t(m::accounts::ADD_ACCOUNT)).clicked() {
                let name = t(m::accounts::NEW_ACCOUNT).to_owned();
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
            if ui.button(t(m::accounts::IMPORT_FROM_PATH)).clicked() {
                cx.commands.push(Command::TypePath(UiCommand::ImportCsv));
            }
            ui.label(egui::RichText::new(t(m::accounts::OR_DROP_A_CSV_FILE_ON)).weak());
        });
        self.mode_switch(ui, lang);
        self.import_report(ui, lang);
        self.sample(ui, cx);
        let generation = cx.doc.generation();
        if let Some((note, made)) = &self.note
            && *made != generation
        {
            // Only the warning can still hold after a change; it is checked again.
            let still = *note == Note::SampleNotApplied && sample_would_change(&cx.doc.audit);
            self.note = still.then_some((Note::SampleNotApplied, generation));
        }
        if let Some((note, _)) = &self.note {
            let color = if *note == Note::SampleNotApplied {
                widgets::warning_color(ui)
            } else {
                widgets::ok_color(ui)
            };
            ui.label(egui::RichText::new(note.text(lang)).color(color));
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
                let summary = fill(
                    t(m::accounts::A_NEW_ACCOUNTS_P_NEW_QUESTIONS),
                    &[
                        ("a", summary.new_accounts),
                        ("p", summary.new_probes),
                        ("u", summary.updated_probes),
                    ],
                );
                widgets::banner(ui, widgets::Tone::Info, |ui| {
                    ui.vertical(|ui| {
                        ui.label(format!("{} {file}: {summary}", t(m::accounts::IMPORTED)));
                        for n in notices {
                            ui.label(format!("• {}", crate::i18n::import_notice_text(n, lang)));
                        }
                    });
                    close = ui
                        .small_button("×")
                        .on_hover_text(t(m::common::CLOSE_THE_MESSAGE))
                        .clicked();
                });
            }
            Some(ImportReport::Failed { file, error }) => {
                let problems: Vec<String> = match error {
                    ImportError::Invalid { problems, .. } => problems
                        .iter()
                        .map(|p| crate::i18n::import_problem_text(p, lang))
                        .collect(),
                    other => vec![crate::i18n::import_error_text(other, lang)],
                };
                widgets::banner(ui, widgets::Tone::Error, |ui| {
                    ui.vertical(|ui| {
                        ui.strong(format!(
                            "{file}: {} {}",
                            fill(t(m::accounts::N_ERRORS), &[("n", problems.len())]),
                            t(m::accounts::NOTHING_WAS_IMPORTED_CORRECT_THE_FILE)
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
                        .on_hover_text(t(m::common::CLOSE_THE_MESSAGE))
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
        egui::CollapsingHeader::new(t(m::accounts::SAMPLE_AND_QUESTIONS))
            .default_open(true)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.radio_value(
                        &mut settings.mode,
                        SampleMode::All,
                        t(m::accounts::ALL_ACTIVE_ACCOUNTS),
                    );
                    ui.radio_value(
                        &mut settings.mode,
                        SampleMode::Random,
                        t(m::accounts::RANDOM_SAMPLE),
                    );
                    ui.radio_value(
                        &mut settings.mode,
                        SampleMode::Manual,
                        t(m::accounts::CHOOSE_BY_HAND),
                    );
                    if settings.mode == SampleMode::Random {
                        ui.separator();
                        let label = ui.label(t(m::accounts::NUMBER));
                        ui.add(egui::DragValue::new(&mut settings.size).range(1..=10_000))
                            .labelled_by(label.id);
                        ui.checkbox(&mut settings.per_platform, t(m::accounts::PER_PLATFORM));
                        let label = ui.label(t(m::accounts::RANDOM_SEED));
                        ui.add(egui::DragValue::new(&mut settings.seed).speed(0.0))
                            .labelled_by(label.id)
                            .on_hover_text(t(m::accounts::THE_SAME_SEED_GIVES_THE_SAME));
                        if ui.button(t(m::accounts::NEW_SEED)).clicked() {
                            settings.seed = new_seed(cx.now);
                        }
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    let apply = ui
                        .add_enabled(
                            settings.mode != SampleMode::Manual,
                            egui::Button::new(t(m::accounts::APPLY_THE_SAMPLE)),
                        )
                        .on_hover_text(t(m::accounts::MARKS_WHICH_ACCOUNTS_ARE_AUDITED));
                    if apply.clicked() {
                        let before: Vec<bool> =
                            cx.doc.audit.accounts.iter().map(|a| a.selected).collect();
                        let chosen = cx.doc.edit(|a| {
                            a.sample = settings.clone();
                            apply_sample(a)
                        });
                        let dropped = dropped_with_log(&cx.doc.audit, &before);
                        self.note = Some((Note::Sampled { chosen, dropped }, cx.doc.generation()));
                    }
                    let bank = cx.doc.audit.question_bank.len();
                    let assign = ui
                        .add_enabled(
                            bank > 0,
                            egui::Button::new(t(m::accounts::ASSIGN_QUESTIONS)),
                        )
                        .on_hover_text(if bank > 0 {
                            t(m::accounts::GIVES_EVERY_SAMPLED_ACCOUNT_WITHOUT_A)
                        } else {
                            t(m::accounts::THE_QUESTION_BANK_IS_EMPTY_FILL)
                        });
                    if assign.clicked() {
                        let n = cx.doc.edit(assign_questions);
                        self.note = Some((Note::QuestionsAssigned(n), cx.doc.generation()));
                    }
                });
            });
        if settings != cx.doc.audit.sample {
            let was = cx.doc.audit.sample.clone();
            // A random sample starts at a sensible size (half of the eligible accounts) with a
            // fresh seed, not at 1 and 0.
            if settings.mode == SampleMode::Random && was.mode != SampleMode::Random {
                let audit = &cx.doc.audit;
                let eligible = audit
                    .accounts
                    .iter()
                    .filter(|a| audit.exclusion(a).is_none())
                    .count();
                if settings.size <= 1 {
                    settings.size = u32::try_from(eligible.div_ceil(2).max(1)).unwrap_or(1);
                }
                if settings.seed == 0 {
                    settings.seed = new_seed(cx.now);
                }
            }
            cx.doc.edit(|a| a.sample = settings);
            // The last "N konton ingår" no longer describes the settings shown; a warning only
            // when applying them would choose other accounts (not after switching back).
            self.note = sample_would_change(&cx.doc.audit)
                .then_some((Note::SampleNotApplied, cx.doc.generation()));
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
            let label = ui.label(t(m::common::SEARCH));
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text(t(m::accounts::ACCOUNT_UNIT_URL))
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
            let any = t(m::accounts::ALL);
            ui.label(t(m::common::PLATFORM));
            egui::ComboBox::from_id_salt("platform-filter")
                .selected_text(self.platform_filter.map_or(any, |p| p.label(lang)))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.platform_filter, None, any);
                    for p in Platform::ALL {
                        ui.selectable_value(&mut self.platform_filter, Some(p), p.label(lang));
                    }
                })
                .response
                .on_hover_text(t(m::common::PLATFORM));
            ui.label(t(m::common::STATUS));
            egui::ComboBox::from_id_salt("status-filter")
                .selected_text(self.status_filter.map_or(any, |s| s.label(lang)))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.status_filter, None, any);
                    for s in AccountStatus::ALL {
                        ui.selectable_value(&mut self.status_filter, Some(s), s.label(lang));
                    }
                })
                .response
                .on_hover_text(t(m::common::STATUS));
            ui.separator();
            ui.label(fill(
                t(m::accounts::N_ACCOUNTS_IN_THE_REGISTER_A),
                &[("n", audit.accounts.len()), ("a", audited), ("e", excluded)],
            ));
        });
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
    // Mixed (a clock on a whole minute would give the same few seeds), and short enough to read
    // aloud and type: always six digits, never 0.
    (nanos.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) % 900_000 + 100_000
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
