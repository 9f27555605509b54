//! Step 3, Frågor och logg: one row per probe with its question, posted and answered times,
//! signature, note, deadline and live status; a "check now" list beside it. Rows are virtualised
//! (only the visible ones are laid out), so 2,000 probes stay fast.

use super::ScreenCtx;
use super::i18n::{fill, tr};
use super::widgets::{self, TimeCheck, TimeKind, check_time, deadline_text, span_text};
use crate::core::outcome::{evaluate, needs_check_now};
use crate::core::{
    AccountId, Audit, DeadlineRule, Lang, Outcome, Probe, ProbeId, Stamp, SwedishCalendar,
};
use crate::i18n::Label;
use crate::i18n::app as m;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::collections::HashMap;
use std::time::Instant;

mod evidence;
mod table;

/// The full evaluation (for filters and the list) is refreshed at most this often while typing.
const REFRESH_MS: u128 = 500;

/// One row: a probe, or an audited account that has no probe yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Row {
    account: usize,
    probe: Option<usize>,
}

/// Which cell of a row (for keyboard focus).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Field {
    Question,
    Posted,
    Answered,
    Signed,
    Note,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Show {
    #[default]
    All,
    CheckNow,
    Outcome(Outcome),
}

/// A change collected while the rows are drawn and applied after the table.
enum Edit {
    Text {
        probe: ProbeId,
        field: Field,
        value: String,
        id: egui::Id,
    },
    Time {
        probe: ProbeId,
        kind: TimeKind,
        value: Option<Stamp>,
    },
    Signed {
        probe: ProbeId,
        value: Option<bool>,
    },
    AddProbe {
        account: AccountId,
    },
    RemoveProbe {
        probe: ProbeId,
    },
}

/// Evaluations of every row, refreshed when the audit changes (throttled) or the minute turns.
#[derive(Default)]
struct Index {
    generation: u64,
    minute: i64,
    computed: Option<Instant>,
    rows: Vec<Row>,
    outcomes: Vec<Outcome>,
    /// Rows to check now, most urgent first, with their deadline.
    check_now: Vec<(usize, DateTime<Tz>)>,
    /// Visible rows (indices into `rows`) for the current search and filter.
    visible: Vec<usize>,
    visible_key: Option<(u64, i64, String, Show)>,
}

#[derive(Default)]
pub struct LogScreen {
    index: Index,
    search: String,
    show: Show,
    /// Typed times not yet accepted, by probe: they stay with their probe when rows above it
    /// are added or deleted.
    buffers: HashMap<(ProbeId, TimeKind), String>,
    /// The last notice (a DST time that was moved, a stamp that was refused).
    notice: Option<(String, bool)>,
    pending_focus: Option<(usize, Field)>,
    scroll_to: Option<usize>,
    /// The probe whose evidence window is open.
    evidence_for: Option<ProbeId>,
    /// Where its button was, so the window opens beside the row.
    evidence_anchor: Option<egui::Pos2>,
}

/// What a row needs besides the screen.
struct RowCtx<'a> {
    audit: &'a Audit,
    rule: &'a DeadlineRule,
    cal: &'a SwedishCalendar,
    /// The clock: for stamping "Nu" and refusing times in the future.
    now: DateTime<Utc>,
    /// What statuses are computed for: the closing time of a closed audit, else `now`.
    as_of: DateTime<Utc>,
    lang: Lang,
}

impl LogScreen {
    /// Whether a typed time was refused and lives only in its field (not in the audit).
    #[must_use]
    pub fn has_unaccepted_entry(&self) -> bool {
        !self.buffers.is_empty()
    }

    /// Drop typed text (after undo/redo the audit is the truth).
    pub fn forget_edits(&mut self) {
        self.buffers.clear();
        self.evidence_for = None;
        self.notice = None;
        self.index.generation = 0;
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        let rule = cx.doc.audit.criteria.deadline.clone();
        let cal = rule.calendar();
        let as_of = cx.as_of();
        let closed = cx.doc.audit.meta.closed_at.is_some();
        self.refresh(
            &cx.doc.audit,
            cx.doc.generation(),
            &rule,
            &cal,
            as_of,
            closed,
            ui.ctx(),
        );
        let messages = self.messages(&cx.doc.audit, cx.now, lang);
        if !messages.is_empty() {
            egui::Panel::bottom("log-messages").show(ui, |ui| {
                for (text, error) in &messages {
                    let color = if *error {
                        widgets::error_color(ui)
                    } else {
                        widgets::warning_color(ui)
                    };
                    ui.label(egui::RichText::new(text).color(color));
                }
            });
        }
        ui.horizontal_wrapped(|ui| {
            ui.heading(t(m::log::N3_QUESTIONS_AND_LOG));
            ui.add_space(8.0);
            let label = ui.label(t(m::common::SEARCH));
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text(t(m::log::ACCOUNT_UNIT_QUESTION))
                    .desired_width(160.0),
            )
            .labelled_by(label.id);
            let label = ui.label(t(m::common::VIEW));
            egui::ComboBox::from_id_salt("log-show")
                .selected_text(show_label(self.show, lang))
                .show_ui(ui, |ui| {
                    for show in [
                        Show::All,
                        Show::CheckNow,
                        Show::Outcome(Outcome::NotPosted),
                        Show::Outcome(Outcome::Pending),
                        Show::Outcome(Outcome::InTime),
                        Show::Outcome(Outcome::Late),
                        Show::Outcome(Outcome::Unanswered),
                    ] {
                        ui.selectable_value(&mut self.show, show, show_label(show, lang));
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if closed {
            // A closed audit is judged as it stood when it closed, like Resultat and the report.
            ui.label(
                egui::RichText::new(format!(
                    "{} {} {}",
                    t(m::log::STATUS_AS_OF),
                    crate::core::localtime::format_local(&as_of),
                    t(m::log::THE_AUDITS_CLOSING_TIME_STEP_1)
                ))
                .color(widgets::warning_color(ui)),
            );
        }
        // Questions only: an account still without one is counted in the line below, not as a
        // question "not posted".
        let questions: Vec<Outcome> = self
            .index
            .rows
            .iter()
            .zip(&self.index.outcomes)
            .filter(|(row, _)| row.probe.is_some())
            .map(|(_, outcome)| *outcome)
            .collect();
        if !questions.is_empty() {
            ui.label(summary(&questions, lang));
        }
        if !closed {
            self.check_now_strip(ui, &cx.doc.audit, as_of, lang);
        }
        let missing = cx
            .doc
            .audit
            .accounts
            .iter()
            .filter(|a| cx.doc.audit.is_audited(a) && a.probes.is_empty())
            .count();
        if missing > 0 {
            ui.horizontal(|ui| {
                ui.label(fill(
                    t(m::log::N_SAMPLED_ACCOUNTS_HAVE_NO_QUESTION),
                    &[("n", missing)],
                ));
                if ui.button(t(m::log::CREATE_QUESTIONS_FOR_THEM)).clicked() {
                    cx.doc.edit(|a| {
                        if crate::core::sample::assign_questions(a) == 0 {
                            let audited: Vec<usize> = (0..a.accounts.len())
                                .filter(|&i| a.is_audited(&a.accounts[i]))
                                .collect();
                            for i in audited {
                                if a.accounts[i].probes.is_empty() {
                                    a.accounts[i].probes.push(Probe::default());
                                }
                            }
                        }
                    });
                }
            });
        }
        if self.index.rows.is_empty() {
            ui.add_space(16.0);
            ui.label(t(m::log::NO_ACCOUNTS_ARE_AUDITED_YET_CHOOSE));
            return;
        }
        let mut edits = Vec::new();
        {
            let rc = RowCtx {
                audit: &cx.doc.audit,
                rule: &rule,
                cal: &cal,
                now: cx.now,
                as_of,
                lang,
            };
            self.table(ui, &rc, &mut edits);
        }
        self.apply(cx, edits);
        self.evidence_window(ui.ctx(), cx);
    }

    /// The probe whose evidence window is open: a file dropped on the window goes to it.
    #[must_use]
    pub fn evidence_target(&self) -> Option<ProbeId> {
        self.evidence_for
    }

    /// Recompute rows when the audit changed, and evaluations when the minute turned. `now` is
    /// the as-of instant; a closed audit has no "check now" list.
    #[allow(clippy::too_many_arguments)] // the evaluation's inputs; bundling them hides nothing
    fn refresh(
        &mut self,
        audit: &Audit,
        generation: u64,
        rule: &DeadlineRule,
        cal: &SwedishCalendar,
        now: DateTime<Utc>,
        closed: bool,
        ctx: &egui::Context,
    ) {
        let minute = now.timestamp() / 60;
        let index = &mut self.index;
        let stale = index.generation != generation || index.minute != minute;
        if stale {
            let recent = index
                .computed
                .is_some_and(|c| c.elapsed().as_millis() < REFRESH_MS);
            let rows_changed = index.generation != generation;
            if rows_changed {
                index.rows = rows(audit);
            }
            if recent && index.outcomes.len() == index.rows.len() {
                // Typing: the row itself is always evaluated live; the totals follow shortly.
                ctx.request_repaint_after(std::time::Duration::from_millis(REFRESH_MS as u64));
            } else {
                index.outcomes.clear();
                index.check_now.clear();
                for (i, row) in index.rows.iter().enumerate() {
                    let Some(p) = row.probe else {
                        index.outcomes.push(Outcome::NotPosted);
                        continue;
                    };
                    let e = evaluate(rule, cal, &audit.accounts[row.account].probes[p], now);
                    index.outcomes.push(e.outcome);
                    if let Some(deadline) = e.deadline
                        && !closed
                        && needs_check_now(&e, now)
                    {
                        index.check_now.push((i, deadline));
                    }
                }
                index.check_now.sort_by_key(|(_, d)| *d);
                index.generation = generation;
                index.minute = minute;
                index.computed = Some(Instant::now());
            }
        }
        let key = (
            index.generation,
            index.minute,
            self.search.clone(),
            self.show,
        );
        if index.visible_key.as_ref() != Some(&key) || index.visible.len() > index.rows.len() {
            let needle = self.search.trim().to_lowercase();
            let check: std::collections::HashSet<usize> =
                index.check_now.iter().map(|(i, _)| *i).collect();
            index.visible = (0..index.rows.len())
                .filter(|&i| match self.show {
                    Show::All => true,
                    Show::CheckNow => check.contains(&i),
                    Show::Outcome(o) => index.outcomes.get(i) == Some(&o),
                })
                .filter(|&i| {
                    if needle.is_empty() {
                        return true;
                    }
                    let row = index.rows[i];
                    let account = &audit.accounts[row.account];
                    let question = row
                        .probe
                        .map_or("", |p| account.probes[p].question.as_str());
                    [account.name.as_str(), account.unit.as_str(), question]
                        .iter()
                        .any(|f| f.to_lowercase().contains(&needle))
                })
                .collect();
            index.visible_key = Some(key);
        }
    }

    /// The probes to check now, as one line of links above the table (the "Visa" filter lists
    /// them all): a side panel would squeeze the table on a 1366 px screen.
    fn check_now_strip(
        &mut self,
        ui: &mut egui::Ui,
        audit: &Audit,
        now: DateTime<Utc>,
        lang: Lang,
    ) {
        const SHOWN: usize = 4;
        let t = |s| tr(lang, s);
        let mut jump = None;
        ui.horizontal_wrapped(|ui| {
            let count = self.index.check_now.len();
            let title = format!("{} ({count}):", t(m::log::CHECK_NOW));
            ui.label(egui::RichText::new(title).strong())
                .on_hover_text(t(m::log::QUESTIONS_WHOSE_DEADLINE_IS_NEAR_OR));
            if count == 0 {
                ui.label(egui::RichText::new(t(m::log::NOTHING_RIGHT_NOW)).weak());
                return;
            }
            for (row_index, deadline) in self.index.check_now.iter().take(SHOWN) {
                let Some(account) = self
                    .index
                    .rows
                    .get(*row_index)
                    .and_then(|r| audit.accounts.get(r.account))
                else {
                    continue;
                };
                let minutes = (deadline.to_utc() - now).num_minutes();
                let (text, color) = if minutes >= 0 {
                    (
                        format!("{} {}", t(m::log::IN), span_text(minutes)),
                        widgets::pending_color(ui),
                    )
                } else {
                    (
                        format!(
                            "{} {} {}",
                            t(m::log::PASSED),
                            span_text(-minutes),
                            t(m::log::AGO)
                        ),
                        widgets::error_color(ui),
                    )
                };
                let link = ui
                    .link(egui::RichText::new(format!("{} ({text})", account.name)).color(color))
                    .on_hover_text(format!(
                        "{} · {} {}",
                        account.platform.label(lang),
                        t(m::common::DEADLINE),
                        deadline_text(deadline)
                    ));
                if link.clicked() {
                    jump = Some(*row_index);
                }
            }
            if count > SHOWN
                && ui
                    .link(fill(t(m::log::SHOW_ALL_N), &[("n", count)]))
                    .clicked()
            {
                self.show = Show::CheckNow;
            }
        });
        if let Some(row_index) = jump {
            self.search.clear();
            self.show = Show::All;
            self.index.visible_key = None;
            self.scroll_to = Some(row_index);
            self.pending_focus = Some((row_index, Field::Answered));
            ui.ctx().request_repaint();
        }
    }

    /// Messages for typed times that were refused, and the last notice.
    fn messages(&self, audit: &Audit, now: DateTime<Utc>, lang: Lang) -> Vec<(String, bool)> {
        let t = |s| tr(lang, s);
        let mut out = Vec::new();
        let mut keys: Vec<_> = self
            .buffers
            .keys()
            .filter_map(|&(id, kind)| Some((audit.find_probe(id)?, id, kind)))
            .collect();
        keys.sort_by_key(|((a, p), _, k)| (*a, *p, *k == TimeKind::Answered));
        for ((a, p), id, kind) in keys {
            let probe = &audit.accounts[a].probes[p];
            let other = match kind {
                TimeKind::Posted => probe.answered_at,
                TimeKind::Answered => probe.posted_at,
            };
            if let TimeCheck::Invalid(message) =
                check_time(&self.buffers[&(id, kind)], kind, other, now, lang)
            {
                let account = &audit.accounts[a];
                let field = match kind {
                    TimeKind::Posted => t(m::log::POSTED),
                    TimeKind::Answered => t(m::log::ANSWERED),
                };
                out.push((
                    format!(
                        "{} ({}), {field}: {message} {}",
                        account.name,
                        account.platform.label(lang),
                        t(m::log::NOTHING_WAS_CHANGED_ESC_REVERTS)
                    ),
                    true,
                ));
            }
        }
        // A signature on a question nobody answered, in words above the table (the row shows "!").
        let stray: Vec<String> = audit
            .accounts
            .iter()
            .filter(|a| audit.is_audited(a))
            .flat_map(|a| {
                a.probes
                    .iter()
                    .filter(|p| p.signed.is_some() && p.answered_at.is_none())
                    .map(move |_| format!("{} ({})", a.name, a.platform.label(lang)))
            })
            .collect();
        const SHOWN: usize = 3;
        for name in stray.iter().take(SHOWN) {
            out.push((
                format!("{name}: {}", t(m::log::SIGNED_BUT_NOT_ANSWERED)),
                true,
            ));
        }
        if stray.len() > SHOWN {
            out.push((
                fill(t(m::log::AND_N_MORE), &[("n", stray.len() - SHOWN)]),
                true,
            ));
        }
        if let Some(notice) = &self.notice {
            out.push(notice.clone());
        }
        out
    }

    fn apply(&mut self, cx: &mut ScreenCtx<'_>, edits: Vec<Edit>) {
        for edit in edits {
            match edit {
                Edit::Text {
                    probe,
                    field,
                    value,
                    id,
                } => {
                    if let Some(p) = cx.doc.audit.probe_by_id_mut(probe) {
                        match field {
                            Field::Question => p.question = value,
                            _ => p.note = value,
                        }
                        cx.doc.changed(id);
                    }
                }
                Edit::Time { probe, kind, value } => {
                    cx.doc.edit(|a| {
                        if let Some(p) = a.probe_by_id_mut(probe) {
                            match kind {
                                TimeKind::Posted => p.posted_at = value,
                                TimeKind::Answered => p.answered_at = value,
                            }
                        }
                    });
                }
                Edit::Signed { probe, value } => {
                    cx.doc.edit(|a| {
                        if let Some(p) = a.probe_by_id_mut(probe) {
                            p.signed = value;
                        }
                    });
                }
                Edit::AddProbe { account } => {
                    cx.doc.edit(|a| {
                        if let Some(i) = a.find_account_by_id(account) {
                            let question = crate::core::sample::next_question(a, i);
                            a.accounts[i].probes.push(Probe {
                                question,
                                ..Probe::default()
                            });
                        }
                    });
                }
                Edit::RemoveProbe { probe } => {
                    cx.doc.edit(|a| {
                        if let Some((i, p)) = a.find_probe(probe) {
                            a.accounts[i].probes.remove(p);
                        }
                    });
                    // Only the removed probe's typed text goes; the others keep theirs.
                    self.buffers.retain(|(id, _), _| *id != probe);
                    if self.evidence_for == Some(probe) {
                        self.evidence_for = None;
                    }
                }
            }
        }
    }
}

/// One row per probe of every audited account (an account without probes gets one empty row).
fn rows(audit: &Audit) -> Vec<Row> {
    let mut out = Vec::new();
    for (i, account) in audit.accounts.iter().enumerate() {
        if !audit.is_audited(account) {
            continue;
        }
        if account.probes.is_empty() {
            out.push(Row {
                account: i,
                probe: None,
            });
        }
        for p in 0..account.probes.len() {
            out.push(Row {
                account: i,
                probe: Some(p),
            });
        }
    }
    out
}

fn show_label(show: Show, lang: Lang) -> String {
    match show {
        Show::All => tr(lang, m::log::ALL_QUESTIONS).to_owned(),
        Show::CheckNow => tr(lang, m::log::TO_CHECK_NOW).to_owned(),
        Show::Outcome(o) => o.label(lang).to_owned(),
    }
}

/// "120 frågor: 100 ställda …".
fn summary(outcomes: &[Outcome], lang: Lang) -> String {
    let count = |o: Outcome| outcomes.iter().filter(|x| **x == o).count();
    fill(
        tr(lang, m::log::N_QUESTIONS_I_IN_TIME_L),
        &[
            ("n", outcomes.len()),
            ("i", count(Outcome::InTime)),
            ("l", count(Outcome::Late)),
            ("u", count(Outcome::Unanswered)),
            ("p", count(Outcome::Pending)),
            ("x", count(Outcome::NotPosted)),
        ],
    )
}
