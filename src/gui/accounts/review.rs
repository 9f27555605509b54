//! Kontogranskning, a mode of step 2: one row per audited account, one column per checklist item
//! (`Audit::review`), each column's pass count above it. Keyboard-fast like the log: the arrow
//! keys move between cells and Enter goes down; in a yes/no cell J or Y is yes, N is no, Space
//! toggles and Delete clears; a number cell takes digits; a date cell takes ÅÅÅÅ-MM-DD. Every
//! answer is one undo step (typing a number coalesces, as text does).

use super::AccountsScreen;
use crate::core::review::{ReviewAnswer, ReviewItem, ReviewKind, ReviewResults};
use crate::core::{AccountId, Audit, Lang};
use crate::gui::ScreenCtx;
use crate::gui::i18n::{fill, tr};
use crate::gui::widgets;
use crate::i18n::Label;
use crate::i18n::app as m;
use egui::{Key, Modifiers};
use egui_extras::{Column, TableBuilder};
use std::collections::HashMap;

/// The review's state between frames.
#[derive(Default)]
pub(super) struct ReviewView {
    /// Typed dates not yet accepted, by (account, item column).
    buffers: HashMap<(AccountId, usize), String>,
    /// The cell to focus once it is drawn (after an arrow key or Enter).
    pending_focus: Option<(AccountId, usize)>,
    scroll_to: Option<usize>,
    /// Why the last typed date was refused.
    notice: Option<String>,
    /// The counts for (generation, as-of minute).
    counts: Option<((u64, i64), ReviewResults)>,
}

/// A change collected while the cells are drawn, applied after the table.
enum Change {
    Answer {
        account: AccountId,
        item: String,
        value: Option<ReviewAnswer>,
        /// Typing in this field: coalesced into one undo step.
        typing: Option<egui::Id>,
    },
    TakeChecklist(Vec<ReviewItem>),
}

/// The keys a focused cell takes before its widget sees them.
#[derive(Default)]
struct CellKeys {
    up: bool,
    down: bool,
    left: bool,
    right: bool,
    enter: bool,
    yes: bool,
    no: bool,
    toggle: bool,
    clear: bool,
}

fn cell_id(account: AccountId, column: usize) -> egui::Id {
    egui::Id::unique(("review-cell", account, column))
}

impl ReviewView {
    /// Whether a typed date was refused and lives only in its cell.
    pub(super) fn has_unaccepted_entry(&self) -> bool {
        !self.buffers.is_empty()
    }

    /// Drop typed text (after undo/redo the audit is the truth).
    pub(super) fn forget_edits(&mut self) {
        self.buffers.clear();
        self.notice = None;
        self.counts = None;
    }
}

impl AccountsScreen {
    pub(super) fn review_ui(&mut self, ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        let as_of = cx.as_of();
        let key = (cx.doc.generation(), as_of.timestamp() / 60);
        let view = &mut self.review;
        if view.counts.as_ref().is_none_or(|(k, _)| *k != key) {
            view.counts = Some((key, ReviewResults::compute(&cx.doc.audit, as_of)));
        }
        let mut changes = Vec::new();
        let audit = &cx.doc.audit;
        if audit.review.is_empty() {
            ui.label(t(m::review::NO_CHECKLIST));
            let bundled = crate::store::templates::BUILTIN_TEMPLATES
                .iter()
                .any(|(key, _)| *key == audit.template);
            // Read only when asked: the template is parsed once, not every frame.
            if bundled
                && ui
                    .button(t(m::review::TAKE_THE_CHECKLIST_FROM_THE_TEMPLATE))
                    .clicked()
                && let Some(items) = template_checklist(audit)
            {
                changes.push(Change::TakeChecklist(items));
            }
            apply(cx, changes);
            return;
        }
        let rows: Vec<usize> = (0..audit.accounts.len())
            .filter(|&i| audit.is_audited(&audit.accounts[i]))
            .collect();
        if rows.is_empty() {
            ui.label(t(m::review::NO_ACCOUNTS_AUDITED));
            return;
        }
        let Some((_, counts)) = &view.counts else {
            return;
        };
        ui.label(fill(
            t(m::review::R_OF_N_REVIEWED),
            &[("r", counts.reviewed_accounts), ("n", counts.accounts)],
        ));
        ui.label(egui::RichText::new(t(m::review::KEYS)).weak());
        if let Some(notice) = &view.notice {
            ui.colored_label(widgets::error_color(ui), notice);
        }
        let day = as_of
            .with_timezone(&crate::core::localtime::ZONE)
            .date_naive();
        let counts = counts.clone();
        // Many requirements do not fit beside each other: the table then scrolls sideways
        // rather than cutting off its last columns.
        egui::ScrollArea::horizontal()
            .id_salt("review-sideways")
            .show(ui, |ui| {
                view.table(ui, audit, &rows, &counts, day, cx.now, lang, &mut changes);
            });
        apply(cx, changes);
    }
}

/// The checklist of the bundled template the audit was started from, when it has one.
fn template_checklist(audit: &Audit) -> Option<Vec<ReviewItem>> {
    let (_, template) = crate::store::templates::BUILTIN_TEMPLATES
        .iter()
        .find(|(key, _)| *key == audit.template)?;
    let template =
        crate::store::templates::parse_template(std::path::Path::new(&audit.template), template)
            .ok()?;
    (!template.review.is_empty()).then_some(template.review)
}

fn apply(cx: &mut ScreenCtx<'_>, changes: Vec<Change>) {
    for change in changes {
        match change {
            Change::Answer {
                account,
                item,
                value,
                typing,
            } => {
                let set = |a: &mut Audit| {
                    if let Some(i) = a.find_account_by_id(account) {
                        let review = &mut a.accounts[i].review;
                        match value {
                            Some(v) => review.insert(item.clone(), v),
                            None => review.remove(&item),
                        };
                    }
                };
                match typing {
                    Some(key) => {
                        set(&mut cx.doc.audit);
                        cx.doc.changed(key);
                    }
                    None => cx.doc.edit(set),
                }
            }
            Change::TakeChecklist(items) => cx.doc.edit(|a| a.review = items),
        }
    }
}

/// The rule of an item in words, for its column's tooltip.
fn rule_text(kind: ReviewKind, day: chrono::NaiveDate, lang: Lang) -> String {
    let t = |s| tr(lang, s);
    match kind {
        ReviewKind::YesNo => t(m::review::PASSES_ON_YES).to_owned(),
        ReviewKind::Number { min } => fill(
            t(m::review::PASSES_FROM_N),
            &[("n", usize::try_from(min).unwrap_or(usize::MAX))],
        ),
        ReviewKind::Date { within_days } => format!(
            "{} {}",
            fill(
                t(m::review::PASSES_WITHIN_N_DAYS_BEFORE),
                &[("n", usize::try_from(within_days).unwrap_or(usize::MAX))]
            ),
            day.format("%Y-%m-%d")
        ),
    }
}

/// Why a typed date is refused, or the date (`None`: the cell was emptied).
fn read_date(
    text: &str,
    now: chrono::DateTime<chrono::Utc>,
    lang: Lang,
) -> Result<Option<chrono::NaiveDate>, String> {
    use chrono::Datelike;
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let quoted = crate::i18n::quoted(text);
    let date = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("{quoted} {}", tr(lang, m::review::NOT_A_DATE)))?;
    if !crate::core::rules::YEAR.contains(&date.year()) {
        return Err(format!(
            "{quoted} {}",
            tr(lang, m::review::DATE_OUT_OF_RANGE)
        ));
    }
    let today = now
        .with_timezone(&crate::core::localtime::ZONE)
        .date_naive();
    if date > today {
        return Err(format!(
            "{quoted} {}",
            tr(lang, m::review::DATE_IN_THE_FUTURE)
        ));
    }
    Ok(Some(date))
}

/// The narrowest and the widest a requirement's column is.
const REVIEW_CELL_WIDTH: (f32, f32) = (96.0, 118.0);

impl ReviewView {
    #[allow(clippy::too_many_arguments)] // the table's inputs; bundling them hides nothing
    fn table(
        &mut self,
        ui: &mut egui::Ui,
        audit: &Audit,
        rows: &[usize],
        counts: &ReviewResults,
        day: chrono::NaiveDate,
        now: chrono::DateTime<chrono::Utc>,
        lang: Lang,
        changes: &mut Vec<Change>,
    ) {
        let t = |s| tr(lang, s);
        let items = &audit.review;
        // The requirement columns share the room the account and unit leave, between the
        // narrowest a date field fits in and a comfortable width.
        let (account_width, unit_width) = (150.0, 100.0);
        let spacing = ui.spacing().item_spacing.x;
        let n = items.len().max(1) as f32;
        let room = ui.available_width() - account_width - unit_width - spacing * (n + 2.0) - 16.0;
        let cell_width = (room / n).clamp(REVIEW_CELL_WIDTH.0, REVIEW_CELL_WIDTH.1);
        let mut builder = TableBuilder::new(ui)
            .id_salt("review-table")
            .striped(true)
            .resizable(false)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::remainder().at_least(account_width).clip(true))
            .column(Column::initial(unit_width).at_least(80.0).clip(true))
            .columns(Column::exact(cell_width), items.len());
        if let Some(target) = self.scroll_to.take() {
            builder = builder.scroll_to_row(target, None);
        }
        builder
            .header(64.0, |mut header| {
                header.col(|ui| {
                    ui.strong(t(m::common::ACCOUNT));
                });
                header.col(|ui| {
                    ui.strong(t(m::common::UNIT));
                });
                for (item, result) in items.iter().zip(&counts.items) {
                    header.col(|ui| {
                        ui.vertical(|ui| {
                            let rule = rule_text(item.kind, day, lang);
                            // Wrapped, not cut with "…": a requirement's words are the point.
                            ui.add(
                                egui::Label::new(egui::RichText::new(&item.text).strong()).wrap(),
                            )
                            .on_hover_text(format!("{}\n{rule}", item.text));
                            let c = result.counts;
                            let shown =
                                fill(t(m::review::P_OF_R), &[("p", c.passed), ("r", c.reviewed)]);
                            let name = format!(
                                "{}: {}",
                                item.text,
                                fill(
                                    t(m::review::MET_BY_P_OF_R_REVIEWED),
                                    &[("p", c.passed), ("r", c.reviewed)]
                                )
                            );
                            ui.add(egui::Label::new(shown))
                                .accessible_name(name.clone())
                                .on_hover_text(name);
                        });
                    });
                }
            })
            .body(|body| {
                body.rows(26.0, rows.len(), |mut row| {
                    let position = row.index();
                    let account = &audit.accounts[rows[position]];
                    let name = format!("{} ({})", account.name, account.platform.label(lang));
                    row.col(|ui| {
                        ui.add(egui::Label::new(&name).truncate())
                            .on_hover_text(&account.url);
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&account.unit).truncate());
                    });
                    for (column, item) in items.iter().enumerate() {
                        row.col(|ui| {
                            let cell = Cell {
                                account: account.id,
                                column,
                                position,
                                item,
                                answer: account.review.get(&item.id).copied(),
                                name: format!("{}: {name}", item.text),
                            };
                            self.cell(ui, &cell, rows, audit, now, lang, changes);
                        });
                    }
                });
            });
    }

    #[allow(clippy::too_many_arguments)] // as `table`
    fn cell(
        &mut self,
        ui: &mut egui::Ui,
        cell: &Cell<'_>,
        rows: &[usize],
        audit: &Audit,
        now: chrono::DateTime<chrono::Utc>,
        lang: Lang,
        changes: &mut Vec<Change>,
    ) {
        let id = cell_id(cell.account, cell.column);
        let typing = self.buffers.contains_key(&(cell.account, cell.column));
        let keys = take_keys(ui, id, cell.item.kind, typing);
        let response = match cell.item.kind {
            ReviewKind::YesNo => yes_no_cell(ui, id, cell, &keys, lang, changes),
            ReviewKind::Number { .. } => number_cell(ui, id, cell, changes),
            ReviewKind::Date { .. } => self.date_cell(ui, id, cell, &keys, now, lang, changes),
        };
        if self.pending_focus == Some((cell.account, cell.column)) {
            response.request_focus();
            self.pending_focus = None;
        }
        if response.has_focus() {
            // The arrows are the table's: egui would otherwise move the focus to whichever
            // widget lies nearest in their direction.
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    id,
                    egui::EventFilter {
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        ..egui::EventFilter::default()
                    },
                );
            });
        }
        let columns = audit.review.len();
        let (mut row, mut column) = (cell.position, cell.column);
        if keys.up {
            row = row.saturating_sub(1);
        }
        if keys.down || (keys.enter && !self.buffers.contains_key(&(cell.account, cell.column))) {
            row = (row + 1).min(rows.len() - 1);
        }
        if keys.left {
            column = column.saturating_sub(1);
        }
        if keys.right {
            column = (column + 1).min(columns - 1);
        }
        if (row, column) != (cell.position, cell.column) {
            let account = audit.accounts[rows[row]].id;
            self.pending_focus = Some((account, column));
            self.scroll_to = Some(row);
            ui.ctx().request_repaint();
        }
    }

    #[allow(clippy::too_many_arguments)] // the cell's inputs
    fn date_cell(
        &mut self,
        ui: &mut egui::Ui,
        id: egui::Id,
        cell: &Cell<'_>,
        keys: &CellKeys,
        now: chrono::DateTime<chrono::Utc>,
        lang: Lang,
        changes: &mut Vec<Change>,
    ) -> egui::Response {
        let key = (cell.account, cell.column);
        let shown = match cell.answer {
            Some(ReviewAnswer::Date(d)) => d.format("%Y-%m-%d").to_string(),
            _ => String::new(),
        };
        let mut text = self.buffers.get(&key).cloned().unwrap_or(shown.clone());
        let invalid = self
            .buffers
            .get(&key)
            .is_some_and(|b| read_date(b, now, lang).is_err());
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .id(id)
                    .desired_width(f32::INFINITY)
                    .hint_text(tr(lang, m::review::YYYY_MM_DD)),
            )
            .accessible_name(cell.name.clone());
        if invalid {
            ui.painter().rect_stroke(
                response.rect.expand(1.0),
                2.0,
                egui::Stroke::new(1.5, widgets::error_color(ui)),
                egui::StrokeKind::Outside,
            );
        }
        if response.changed() {
            self.buffers.insert(key, text);
        }
        // Esc leaves a text field; here it takes the typed date back and stays.
        let escape = ui.input(|i| i.key_pressed(Key::Escape))
            && (response.has_focus() || response.lost_focus());
        if escape && self.buffers.remove(&key).is_some() {
            self.notice = None;
            response.request_focus();
            return response;
        }
        // Accepted with Enter, or when the cell is left (an arrow key, Tab, a click elsewhere).
        if (keys.enter || response.lost_focus() || keys.up || keys.down)
            && let Some(typed) = self.buffers.get(&key).cloned()
        {
            match read_date(&typed, now, lang) {
                Ok(date) => {
                    self.buffers.remove(&key);
                    self.notice = None;
                    let value = date.map(ReviewAnswer::Date);
                    if value != cell.answer {
                        changes.push(Change::Answer {
                            account: cell.account,
                            item: cell.item.id.clone(),
                            value,
                            typing: None,
                        });
                    }
                }
                Err(message) => self.notice = Some(message),
            }
        }
        response
    }
}

/// What one cell shows and edits.
struct Cell<'a> {
    account: AccountId,
    column: usize,
    /// The row's position among the audited accounts.
    position: usize,
    item: &'a ReviewItem,
    answer: Option<ReviewAnswer>,
    /// The accessible name: "Krav: Konto (Plattform)".
    name: String,
}

/// Take the keys a focused cell handles before its widget sees them: a focused button would
/// take Space and Enter as a click, a text field Enter as leaving it. Left and Right stay with a
/// date being typed (to move in its text).
fn take_keys(ui: &egui::Ui, id: egui::Id, kind: ReviewKind, typing: bool) -> CellKeys {
    if !ui.memory(|m| m.has_focus(id)) {
        return CellKeys::default();
    }
    ui.ctx().input_mut(|i| {
        let mut take = |key| i.consume_key(Modifiers::NONE, key);
        let mut keys = CellKeys {
            up: take(Key::ArrowUp),
            down: take(Key::ArrowDown),
            enter: take(Key::Enter),
            ..CellKeys::default()
        };
        if !(typing && kind != ReviewKind::YesNo) {
            keys.left = take(Key::ArrowLeft);
            keys.right = take(Key::ArrowRight);
        }
        if kind == ReviewKind::YesNo {
            keys.yes = take(Key::J) | take(Key::Y);
            keys.no = take(Key::N);
            keys.toggle = take(Key::Space);
            keys.clear = take(Key::Delete) | take(Key::Backspace);
        }
        keys
    })
}

fn yes_no_cell(
    ui: &mut egui::Ui,
    id: egui::Id,
    cell: &Cell<'_>,
    keys: &CellKeys,
    lang: Lang,
    changes: &mut Vec<Change>,
) -> egui::Response {
    let (text, color) = match cell.answer {
        Some(ReviewAnswer::Yes) => (tr(lang, m::log::YES), widgets::ok_color(ui)),
        Some(ReviewAnswer::No) => (tr(lang, m::log::NO), widgets::error_color(ui)),
        // An answer of another kind (the checklist changed): shown, counted as not reviewed.
        Some(_) => ("?", widgets::warning_color(ui)),
        None => ("–", ui.visuals().weak_text_color()),
    };
    let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    let (_, rect) = ui.allocate_space(size);
    let response = ui.interact(rect, id, egui::Sense::click());
    let visuals = ui.style().interact(&response);
    ui.painter().rect(
        rect,
        visuals.corner_radius,
        visuals.weak_bg_fill,
        visuals.bg_stroke,
        egui::StrokeKind::Inside,
    );
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::TextStyle::Button.resolve(ui.style()),
        color,
    );
    let name = cell.name.clone();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &name));
    let response = response.accessible_name(cell.name.clone());
    if response.clicked() {
        response.request_focus();
    }
    let value = if keys.yes {
        Some(Some(ReviewAnswer::Yes))
    } else if keys.no {
        Some(Some(ReviewAnswer::No))
    } else if keys.clear {
        Some(None)
    } else if keys.toggle {
        Some(Some(if cell.answer == Some(ReviewAnswer::Yes) {
            ReviewAnswer::No
        } else {
            ReviewAnswer::Yes
        }))
    } else if response.clicked() {
        // A click goes round: not reviewed → yes → no → not reviewed.
        Some(match cell.answer {
            None => Some(ReviewAnswer::Yes),
            Some(ReviewAnswer::Yes) => Some(ReviewAnswer::No),
            Some(_) => None,
        })
    } else {
        None
    };
    if let Some(value) = value.filter(|v| *v != cell.answer) {
        changes.push(Change::Answer {
            account: cell.account,
            item: cell.item.id.clone(),
            value,
            typing: None,
        });
    }
    response
}

/// Digits only; an emptied cell clears the answer. Applied as typed (one undo step per burst).
fn number_cell(
    ui: &mut egui::Ui,
    id: egui::Id,
    cell: &Cell<'_>,
    changes: &mut Vec<Change>,
) -> egui::Response {
    let shown = match cell.answer {
        Some(ReviewAnswer::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let mut text = shown.clone();
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id(id)
                .desired_width(f32::INFINITY)
                .char_limit(6)
                .align(egui::Align2::RIGHT_CENTER),
        )
        .accessible_name(cell.name.clone());
    if response.changed() {
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let value = if digits.is_empty() {
            None
        } else {
            digits.parse().ok().map(ReviewAnswer::Number)
        };
        if value != cell.answer && (value.is_some() || digits.is_empty()) {
            changes.push(Change::Answer {
                account: cell.account,
                item: cell.item.id.clone(),
                value,
                typing: Some(id),
            });
        }
    }
    response
}
