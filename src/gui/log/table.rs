//! The log table: one virtualised row per probe, its text and time cells, "Nu" stamps and
//! arrow-key movement between rows.

use super::{Edit, Field, LogScreen, RowCtx};
use crate::core::outcome::evaluate;
use crate::core::{Lang, Outcome, Probe, ProbeId, Stamp};
use crate::gui::i18n::{fill, tr};
use crate::gui::widgets;
use crate::gui::widgets::{
    TimeCheck, TimeKind, check_stamp, check_time, current_minute, deadline_text, span_text,
    stamp_text,
};
use crate::i18n::Label;
use crate::i18n::app as m;
use egui::Key;
use egui_extras::{Column, TableBuilder};

/// The width of a typed-time field: its longest text or its hint in the UI language, whole.
fn time_field_width(ui: &egui::Ui, lang: Lang) -> f32 {
    ["2019-03-12 10:00", tr(lang, m::log::YYYY_MM_DD_HH_MM)]
        .into_iter()
        .map(|text| widgets::text_width(ui, text, &egui::TextStyle::Body))
        .fold(0.0, f32::max)
        + 2.0 * ui.spacing().button_padding.x
        + 8.0
}

impl LogScreen {
    pub(super) fn table(&mut self, ui: &mut egui::Ui, rc: &RowCtx<'_>, edits: &mut Vec<Edit>) {
        let t = |s| tr(rc.lang, s);
        // A copy: the rows' cells need `self` mutably and read the order for the arrow keys.
        let visible = self.index.visible.clone();
        // Fixed columns are as wide as their words in the UI language (headers in bold).
        let header = |text| widgets::text_width(ui, t(text), &egui::TextStyle::Body) * 1.1 + 4.0;
        let spacing = ui.spacing().item_spacing.x;
        let time_width = (time_field_width(ui, rc.lang)
            + spacing
            + widgets::button_width(ui, t(m::common::NOW)))
        .max(header(m::log::POSTED))
        .max(header(m::log::ANSWERED));
        let signed_width = [t(m::log::YES), t(m::log::NO), "–"]
            .into_iter()
            .map(|s| widgets::button_width(ui, &format!("! {s}")).max(44.0))
            .fold(header(m::log::SIGNED), f32::max);
        let deadline_width = widgets::text_width(ui, "2019-03-18 24:00", &egui::TextStyle::Body)
            .max(header(m::log::DEADLINE))
            + spacing;
        let evidence_width = widgets::button_width(ui, &format!("{} (99)", t(m::log::EVIDENCE)))
            .max(widgets::button_width(
                ui,
                &format!("{} …", t(m::log::EVIDENCE)),
            ))
            .max(header(m::log::EVIDENCE));
        let status_width = 118.0;
        let platform_width = header(m::common::PLATFORM).max(72.0);
        // The flexible columns' least widths shrink (never below their headers' words) when the
        // fixed ones leave less room, as with English's longer buttons in a narrow window: the
        // table fits the window instead of cutting off its last column.
        let fixed = platform_width
            + 2.0 * time_width
            + signed_width
            + deadline_width
            + status_width
            + evidence_width
            + 10.0 * ui.spacing().item_spacing.x
            + 16.0; // the scroll bar
        let wanted = [
            header(m::common::ACCOUNT).max(90.0),
            header(m::log::QUESTION_2).max(70.0),
            header(m::log::NOTE).max(60.0),
        ];
        let room = (ui.available_width() - fixed).max(0.0);
        let scale = (room / wanted.iter().sum::<f32>()).min(1.0);
        let [account_width, question_width, note_width] = [
            (wanted[0] * scale).max(header(m::common::ACCOUNT)),
            (wanted[1] * scale).max(header(m::log::QUESTION_2)),
            (wanted[2] * scale).max(header(m::log::NOTE)),
        ];
        let mut builder = TableBuilder::new(ui)
            .id_salt("log-table")
            .striped(true)
            // Fixed time columns, flexible text columns: the table always fits the window.
            .resizable(false)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::remainder().at_least(account_width).clip(true))
            .column(Column::exact(platform_width).clip(true))
            .column(Column::remainder().at_least(question_width).clip(true))
            .column(Column::exact(time_width))
            .column(Column::exact(time_width))
            .column(Column::exact(signed_width))
            .column(Column::remainder().at_least(note_width).clip(true))
            .column(Column::exact(deadline_width))
            .column(Column::exact(status_width).clip(true))
            .column(Column::exact(evidence_width));
        // A row not in this frame's list (the filter is being reset) is found next frame.
        if let Some(target) = self.scroll_to
            && let Some(position) = visible.iter().position(|&v| v == target)
        {
            self.scroll_to = None;
            builder = builder.scroll_to_row(position, Some(egui::Align::Center));
            if let Some((_, field)) = self.pending_focus {
                self.pending_focus = Some((target, field));
            }
        }
        builder
            .header(24.0, |mut header| {
                for title in [
                    m::common::ACCOUNT,
                    m::common::PLATFORM,
                    m::log::QUESTION_2,
                    m::log::POSTED,
                    m::log::ANSWERED,
                    m::log::SIGNED,
                    m::log::NOTE,
                    m::log::DEADLINE,
                    m::common::STATUS,
                    m::log::EVIDENCE,
                ] {
                    header.col(|ui| {
                        ui.strong(t(title));
                    });
                }
            })
            .body(|body| {
                body.rows(26.0, visible.len(), |mut row| {
                    let row_index = visible[row.index()];
                    let Some(r) = self.index.rows.get(row_index).copied() else {
                        return;
                    };
                    let account = &rc.audit.accounts[r.account];
                    let name = format!("{} ({})", account.name, account.platform.label(rc.lang));
                    row.col(|ui| {
                        let response = ui
                            .add(
                                egui::Label::new(&account.name)
                                    .truncate()
                                    .sense(egui::Sense::click()),
                            )
                            .on_hover_text(format!("{}\n{}", account.unit, account.url));
                        response.context_menu(|ui| {
                            if ui
                                .button(t(m::log::ADD_A_QUESTION_TO_THE_ACCOUNT))
                                .clicked()
                            {
                                edits.push(Edit::AddProbe {
                                    account: account.id,
                                });
                            }
                            if let Some(p) = r.probe
                                && ui.button(t(m::log::DELETE_THE_QUESTION)).clicked()
                            {
                                edits.push(Edit::RemoveProbe {
                                    probe: account.probes[p].id,
                                });
                            }
                        });
                    });
                    row.col(|ui| {
                        ui.label(account.platform.label(rc.lang));
                    });
                    let Some(p) = r.probe else {
                        row.col(|ui| {
                            if ui
                                .small_button(t(m::log::QUESTION))
                                .on_hover_text(format!("{}: {name}", t(m::log::ADD_A_QUESTION)))
                                .clicked()
                            {
                                edits.push(Edit::AddProbe {
                                    account: account.id,
                                });
                            }
                        });
                        return;
                    };
                    let probe = &account.probes[p];
                    let id = probe.id;
                    let last_of_account = p + 1 == account.probes.len();
                    row.col(|ui| {
                        // Another question for this account, in view (the bank's next question).
                        if last_of_account
                            && ui
                                .add(egui::Button::new("+").small().sense(egui::Sense::CLICK))
                                .accessible_name(format!("{}: {name}", t(m::log::ADD_A_QUESTION)))
                                .on_hover_text(t(m::log::ADD_A_QUESTION_TO_THE_ACCOUNT))
                                .clicked()
                        {
                            edits.push(Edit::AddProbe {
                                account: account.id,
                            });
                        }
                        self.text_cell(
                            ui,
                            row_index,
                            id,
                            Field::Question,
                            &probe.question,
                            &name,
                            rc.lang,
                            edits,
                        );
                    });
                    row.col(|ui| {
                        self.time_cell(
                            ui,
                            rc,
                            row_index,
                            id,
                            TimeKind::Posted,
                            probe,
                            &name,
                            edits,
                        );
                    });
                    row.col(|ui| {
                        self.time_cell(
                            ui,
                            rc,
                            row_index,
                            id,
                            TimeKind::Answered,
                            probe,
                            &name,
                            edits,
                        );
                    });
                    row.col(|ui| {
                        let text = match probe.signed {
                            None => "–",
                            Some(true) => t(m::log::YES),
                            Some(false) => t(m::log::NO),
                        };
                        // A signature on a question nobody answered is a slip: mark it (the words are above).
                        let stray = probe.signed.is_some() && probe.answered_at.is_none();
                        let label = if stray {
                            egui::RichText::new(format!("! {text}"))
                                .color(widgets::warning_color(ui))
                        } else {
                            egui::RichText::new(text)
                        };
                        let hover = if stray {
                            t(m::log::SIGNED_BUT_NOT_ANSWERED)
                        } else {
                            t(m::log::SIGNED_WITH_A_FIRST_NAME_CLICK)
                        };
                        let response = ui
                            .add(egui::Button::new(label).min_size(egui::vec2(44.0, 0.0)))
                            .accessible_name(format!("{}: {name}", t(m::log::SIGNED)))
                            .on_hover_text(hover);

                        self.take_focus(&response, row_index, Field::Signed);
                        self.arrows(ui, &response, row_index, Field::Signed);
                        if response.clicked() {
                            let value = match probe.signed {
                                None => Some(true),
                                Some(true) => Some(false),
                                Some(false) => None,
                            };
                            edits.push(Edit::Signed { probe: id, value });
                        }
                    });
                    row.col(|ui| {
                        self.text_cell(
                            ui,
                            row_index,
                            id,
                            Field::Note,
                            &probe.note,
                            &name,
                            rc.lang,
                            edits,
                        );
                    });
                    let evaluation = evaluate(rc.rule, rc.cal, probe, rc.as_of);
                    row.col(|ui| {
                        let text = evaluation
                            .deadline
                            .as_ref()
                            .map(deadline_text)
                            .unwrap_or_default();
                        ui.label(text);
                    });
                    row.col(|ui| {
                        let invalid = [TimeKind::Posted, TimeKind::Answered]
                            .iter()
                            .any(|k| self.buffers.contains_key(&(id, *k)));
                        if invalid {
                            ui.colored_label(widgets::error_color(ui), t(m::log::UNSAVED_CHANGE));
                            return;
                        }
                        let outcome = evaluation.outcome;
                        let detail = match (outcome, evaluation.deadline, evaluation.response_hours)
                        {
                            (Outcome::Pending, Some(d), _) => format!(
                                " · {} {}",
                                span_text((d.to_utc() - rc.as_of).num_minutes()),
                                t(m::log::LEFT)
                            ),
                            (Outcome::InTime | Outcome::Late, _, Some(h)) => {
                                format!(" · {}", crate::core::numbers::hours(h, rc.lang))
                            }
                            _ => String::new(),
                        };
                        let color = widgets::outcome_color(ui, outcome);
                        ui.label(
                            egui::RichText::new(format!("● {}{detail}", outcome.label(rc.lang)))
                                .color(color),
                        );
                    });
                    row.col(|ui| {
                        let count = probe.evidence.len();
                        let text = if count == 0 {
                            format!("{} …", t(m::log::EVIDENCE))
                        } else {
                            format!("{} ({count})", t(m::log::EVIDENCE))
                        };
                        let open = self.evidence_for == Some(id);
                        let response = ui
                            .add(egui::Button::new(text).small().selected(open))
                            .accessible_name(format!("{}: {name}", t(m::log::EVIDENCE)))
                            .on_hover_text(fill(
                                t(m::log::N_PIECES_OF_EVIDENCE_SCREENSHOTS_CLICK),
                                &[("n", count)],
                            ));
                        if response.clicked() {
                            self.evidence_for = if open { None } else { Some(id) };
                            self.evidence_anchor = Some(response.rect.left_bottom());
                        }
                    });
                });
            });
    }

    #[allow(clippy::too_many_arguments)] // the cell's coordinates; bundling them hides nothing
    fn text_cell(
        &mut self,
        ui: &mut egui::Ui,
        row_index: usize,
        probe: ProbeId,
        field: Field,
        value: &str,
        name: &str,
        lang: Lang,
        edits: &mut Vec<Edit>,
    ) {
        let title = match field {
            Field::Question => tr(lang, m::log::QUESTION_2),
            _ => tr(lang, m::log::NOTE),
        };
        let mut text = value.to_owned();
        let id = egui::Id::unique(("log-text", probe, field));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .id(id)
                    .desired_width(f32::INFINITY),
            )
            .accessible_name(format!("{title}: {name}"));
        if !value.is_empty() {
            response.clone().on_hover_text(value);
        }
        self.take_focus(&response, row_index, field);
        self.arrows(ui, &response, row_index, field);
        if response.changed() {
            edits.push(Edit::Text {
                probe,
                field,
                value: text,
                id,
            });
        }
    }

    #[allow(clippy::too_many_arguments)] // as `text_cell`
    fn time_cell(
        &mut self,
        ui: &mut egui::Ui,
        rc: &RowCtx<'_>,
        row_index: usize,
        p: ProbeId,
        kind: TimeKind,
        probe: &Probe,
        name: &str,
        edits: &mut Vec<Edit>,
    ) {
        let t = |s| tr(rc.lang, s);
        let key = (p, kind);
        let (value, other, title, field) = match kind {
            TimeKind::Posted => (
                probe.posted_at,
                probe.answered_at,
                t(m::log::POSTED),
                Field::Posted,
            ),
            TimeKind::Answered => (
                probe.answered_at,
                probe.posted_at,
                t(m::log::ANSWERED),
                Field::Answered,
            ),
        };
        let buffered = self.buffers.get(&key).cloned();
        let invalid = buffered.as_deref().is_some_and(|b| {
            matches!(
                check_time(b, kind, other, rc.now, rc.lang),
                TimeCheck::Invalid(_)
            )
        });
        let mut text = buffered.unwrap_or_else(|| stamp_text(value));
        let id = egui::Id::unique(("log-time", p, kind));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .id(id)
                    .desired_width(time_field_width(ui, rc.lang))
                    .hint_text(t(m::log::YYYY_MM_DD_HH_MM)),
            )
            .accessible_name(format!("{title}: {name}"));
        if invalid {
            ui.painter().rect_stroke(
                response.rect.expand(1.0),
                2.0,
                egui::Stroke::new(1.5, widgets::error_color(ui)),
                egui::StrokeKind::Outside,
            );
        }
        if response.changed() {
            self.buffers.insert(key, text.clone());
        }
        self.take_focus(&response, row_index, field);
        let (enter, escape) = ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));
        if response.lost_focus() {
            if escape {
                // Back to the logged value, and the cursor stays here for the retyped one.
                self.buffers.remove(&key);
                response.request_focus();
            } else {
                match self.buffers.get(&key).cloned() {
                    // Enter in an empty field stamps the current minute.
                    None if enter && value.is_none() => {
                        self.stamp(rc, p, kind, other, edits);
                    }
                    None => {}
                    Some(typed) => match check_time(&typed, kind, other, rc.now, rc.lang) {
                        TimeCheck::Valid { value: new, notice } => {
                            self.buffers.remove(&key);
                            if new != value {
                                edits.push(Edit::Time {
                                    probe: p,
                                    kind,
                                    value: new,
                                });
                            }
                            self.notice = notice.map(|n| (n, false));
                        }
                        // Kept with its message; the audit is unchanged.
                        TimeCheck::Invalid(_) => {}
                    },
                }
                if enter {
                    // Stay in the field, so the arrows can move on to the next row.
                    response.request_focus();
                }
            }
        }
        self.arrows(ui, &response, row_index, field);
        let now_button = ui
            // Clickable but not a Tab stop: Tab goes from field to field (Enter stamps now too).
            .add(
                egui::Button::new(t(m::common::NOW))
                    .small()
                    .sense(egui::Sense::CLICK),
            )
            .accessible_name(format!(
                "{} {}: {name}",
                t(m::common::NOW),
                title.to_lowercase()
            ))
            .on_hover_text(t(m::log::SET_TO_THE_CURRENT_MINUTE_ENTER));
        if now_button.clicked() {
            self.buffers.remove(&key);
            self.stamp(rc, p, kind, other, edits);
        }
    }

    fn stamp(
        &mut self,
        rc: &RowCtx<'_>,
        probe: ProbeId,
        kind: TimeKind,
        other: Option<Stamp>,
        edits: &mut Vec<Edit>,
    ) {
        let minute = current_minute(rc.now);
        match check_stamp(minute, kind, other, rc.now, rc.lang) {
            TimeCheck::Valid { value, .. } => {
                edits.push(Edit::Time { probe, kind, value });
                self.notice = None;
            }
            TimeCheck::Invalid(message) => self.notice = Some((message, true)),
        }
    }

    /// Give the focus to a cell that asked for it (arrow keys, "check now" list).
    fn take_focus(&mut self, response: &egui::Response, row_index: usize, field: Field) {
        if self.pending_focus == Some((row_index, field)) {
            response.request_focus();
            self.pending_focus = None;
        }
    }

    /// Up/down arrows move to the same cell of the previous/next visible row.
    fn arrows(&mut self, ui: &egui::Ui, response: &egui::Response, row_index: usize, field: Field) {
        if !response.has_focus() {
            return;
        }
        // Consume the key: the row that takes the focus is drawn later in this same frame and
        // would otherwise see the same press again and pass the focus on, down to the last row.
        let (up, down) = ui.ctx().input_mut(|i| {
            let up = i.consume_key(egui::Modifiers::NONE, Key::ArrowUp);
            let down = !up && i.consume_key(egui::Modifiers::NONE, Key::ArrowDown);
            (up, down)
        });
        if !(up || down) {
            return;
        }
        let visible = &self.index.visible;
        let Some(position) = visible.iter().position(|&v| v == row_index) else {
            return;
        };
        let target = if up {
            position.checked_sub(1)
        } else {
            (position + 1 < visible.len()).then_some(position + 1)
        };
        if let Some(target) = target.and_then(|t| visible.get(t)) {
            self.pending_focus = Some((*target, field));
            self.scroll_to = Some(*target);
        }
    }
}
