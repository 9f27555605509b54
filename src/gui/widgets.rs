//! Small shared pieces: colours that work in light and dark mode, banners, labelled fields and
//! how times and outcomes are shown.

use super::i18n::tr;
use crate::core::localtime::{LocalResolution, ZONE, format_local};
use crate::core::rules::{EntryProblem, check_entry, read_entry};
use crate::core::{Lang, Outcome, Stamp};
use crate::i18n::app as m;
use chrono::{DateTime, Timelike, Utc};
use egui::{Color32, RichText};

/// A colour readable on the current theme: `dark` on a dark background, `light` on a light one.
fn themed(ui: &egui::Ui, dark: (u8, u8, u8), light: (u8, u8, u8)) -> Color32 {
    let (r, g, b) = if ui.visuals().dark_mode { dark } else { light };
    Color32::from_rgb(r, g, b)
}

#[must_use]
pub fn ok_color(ui: &egui::Ui) -> Color32 {
    themed(ui, (110, 200, 120), (20, 120, 40))
}

#[must_use]
pub fn warning_color(ui: &egui::Ui) -> Color32 {
    themed(ui, (240, 190, 90), (150, 90, 0))
}

#[must_use]
pub fn error_color(ui: &egui::Ui) -> Color32 {
    themed(ui, (255, 120, 110), (185, 30, 30))
}

#[must_use]
pub fn pending_color(ui: &egui::Ui) -> Color32 {
    themed(ui, (130, 180, 255), (30, 80, 170))
}

/// The colour of an outcome in tables and charts.
#[must_use]
pub fn outcome_color(ui: &egui::Ui, outcome: Outcome) -> Color32 {
    match outcome {
        Outcome::InTime => ok_color(ui),
        Outcome::Late => warning_color(ui),
        Outcome::Unanswered => error_color(ui),
        Outcome::Pending => pending_color(ui),
        Outcome::NotPosted => ui.visuals().weak_text_color(),
    }
}

/// How a banner looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

/// A framed message across the screen.
pub fn banner(ui: &mut egui::Ui, tone: Tone, add: impl FnOnce(&mut egui::Ui)) {
    let color = match tone {
        Tone::Info => ui.visuals().selection.stroke.color,
        Tone::Warning => warning_color(ui),
        Tone::Error => error_color(ui),
    };
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, color))
        .fill(color.gamma_multiply(0.08))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(add);
        });
    ui.add_space(4.0);
}

/// A label and a one-line text field named by it, in a two-column grid; `true` when changed.
pub fn text_row(ui: &mut egui::Ui, label: &str, value: &mut String, hint: &str) -> egui::Response {
    let label = ui.label(label);
    let response = ui
        .add(
            egui::TextEdit::singleline(value)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    ui.end_row();
    response
}

/// A label and a multi-line text field named by it.
pub fn text_area(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    rows: usize,
) -> egui::Response {
    let label = ui.label(RichText::new(label).strong());
    ui.add(
        egui::TextEdit::multiline(value)
            .desired_rows(rows)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id)
}

/// A strong label and a one-line text field beside it.
pub fn text_row_single(ui: &mut egui::Ui, label: &str, value: &mut String) -> egui::Response {
    ui.horizontal(|ui| {
        let label = ui.strong(label);
        ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY))
            .labelled_by(label.id)
    })
    .inner
}

/// A stamp as typed: `2019-03-12 10:00`.
#[must_use]
pub fn stamp_text(stamp: Option<Stamp>) -> String {
    stamp.map(|s| format_local(&s)).unwrap_or_default()
}

/// A deadline as auditors say it: midnight is the end (24:00) of the day before.
#[must_use]
pub fn deadline_text<T: chrono::TimeZone>(deadline: &DateTime<T>) -> String {
    crate::core::localtime::format_deadline(deadline)
}

/// "5 h 20 min" (or "2 d 3 h" for long spans).
#[must_use]
pub fn span_text(minutes: i64) -> String {
    let minutes = minutes.max(0);
    let (d, h, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    if d > 0 {
        format!("{d} d {h} h")
    } else if h > 0 {
        format!("{h} h {m} min")
    } else {
        format!("{m} min")
    }
}

/// The current minute, as a stamp (seconds dropped: auditors log minutes).
#[must_use]
pub fn current_minute(now: DateTime<Utc>) -> Stamp {
    let local = now.with_timezone(&ZONE);
    let trimmed = local
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(local);
    trimmed.fixed_offset()
}

/// Which time of a probe a field holds.
pub use crate::core::rules::TimeField as TimeKind;

/// A typed time checked against the probe's other time and the clock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimeCheck {
    /// Use this value (`None` clears the time); `notice` says how a DST time was read.
    Valid {
        value: Option<Stamp>,
        notice: Option<String>,
    },
    Invalid(String),
}

/// Check a typed time for a probe with the rules of `core::rules::read_entry`, in words.
#[must_use]
pub fn check_time(
    text: &str,
    kind: TimeKind,
    other: Option<Stamp>,
    now: DateTime<Utc>,
    lang: Lang,
) -> TimeCheck {
    let t = |s| tr(lang, s);
    match read_entry(text, kind, other, now) {
        Ok(entry) => {
            let notice = entry.resolved.map(|resolved| match resolved.resolution {
                LocalResolution::ShiftedForward { gap_minutes } => format!(
                    "{} {} {gap_minutes} min: {}",
                    text.trim(),
                    t(m::widgets::DOES_NOT_EXIST_THE_CLOCKS_WENT),
                    format_local(&resolved.instant)
                ),
                LocalResolution::AmbiguousFirst | LocalResolution::Exact => format!(
                    "{} {}",
                    text.trim(),
                    t(m::widgets::OCCURS_TWICE_THE_CLOCKS_WENT_BACK)
                ),
            });
            TimeCheck::Valid {
                value: entry.value,
                notice,
            }
        }
        Err(EntryProblem::Unreadable) => TimeCheck::Invalid(format!(
            "'{}' {}",
            text.trim(),
            t(m::widgets::IS_NOT_A_TIME_WRITE_YYYY)
        )),
        Err(problem) => TimeCheck::Invalid(entry_problem_text(problem, lang)),
    }
}

/// Check a time for a probe (see [`check_time`]).
#[must_use]
pub fn check_stamp(
    value: Stamp,
    kind: TimeKind,
    other: Option<Stamp>,
    now: DateTime<Utc>,
    lang: Lang,
) -> TimeCheck {
    match check_entry(value, kind, other, now) {
        Ok(()) => TimeCheck::Valid {
            value: Some(value),
            notice: None,
        },
        Err(problem) => TimeCheck::Invalid(entry_problem_text(problem, lang)),
    }
}

/// A refused entry in words.
fn entry_problem_text(problem: EntryProblem, lang: Lang) -> String {
    let t = |s| tr(lang, s);
    match problem {
        EntryProblem::AnsweredNeedsPosted => {
            t(m::widgets::THE_QUESTION_IS_ANSWERED_CLEAR_ANSWERED).to_owned()
        }
        EntryProblem::Unreadable => t(m::widgets::IS_NOT_A_TIME_WRITE_YYYY).to_owned(),
        EntryProblem::InFuture(value) => format!(
            "{} {}",
            format_local(&value),
            t(m::widgets::IS_IN_THE_FUTURE)
        ),
        EntryProblem::NotPostedYet => t(m::widgets::THE_QUESTION_IS_NOT_POSTED_FILL).to_owned(),
        EntryProblem::AnsweredBeforePosted { posted } => format!(
            "{} ({})",
            t(m::widgets::ANSWERED_BEFORE_POSTED),
            stamp_text(Some(posted))
        ),
        EntryProblem::PostedAfterAnswered { answered } => format!(
            "{} ({})",
            t(m::widgets::POSTED_AFTER_ANSWERED),
            stamp_text(Some(answered))
        ),
    }
}

/// The width `text` takes in `style`: fixed columns are sized from the words of the UI language,
/// so no language's label is cut.
#[must_use]
pub fn text_width(ui: &egui::Ui, text: &str, style: &egui::TextStyle) -> f32 {
    let font = style.resolve(ui.style());
    ui.ctx().fonts_mut(|f| {
        f.layout_no_wrap(text.to_owned(), font, Color32::WHITE)
            .size()
            .x
    })
}

/// The width of a (small) button labelled `text`, with its padding.
#[must_use]
pub fn button_width(ui: &egui::Ui, text: &str) -> f32 {
    text_width(ui, text, &egui::TextStyle::Button) + 2.0 * ui.spacing().button_padding.x + 2.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::deadline::local;

    #[test]
    fn typed_times_are_checked() {
        let now = local(2024, 4, 2, 12, 0).unwrap().to_utc();
        let posted = Some(local(2024, 3, 12, 10, 0).unwrap().fixed_offset());
        let check = |text, kind, other| check_time(text, kind, other, now, Lang::Sv);
        assert!(matches!(
            check("12/3", TimeKind::Posted, None),
            TimeCheck::Invalid(_)
        ));
        assert!(matches!(
            check("2024-05-01 10:00", TimeKind::Posted, None),
            TimeCheck::Invalid(_)
        ));
        let TimeCheck::Invalid(m) = check("2024-03-11 10:00", TimeKind::Answered, posted) else {
            panic!("answered before posted accepted");
        };
        assert!(m.contains("före"), "{m}");
        let TimeCheck::Valid { value, notice } = check("2024-03-31 02:30", TimeKind::Posted, None)
        else {
            panic!("gap time refused");
        };
        assert_eq!(value.unwrap().to_rfc3339(), "2024-03-31T03:30:00+02:00");
        assert!(notice.unwrap().contains("60"));
        assert_eq!(
            check("", TimeKind::Answered, posted),
            TimeCheck::Valid {
                value: None,
                notice: None
            }
        );
    }

    #[test]
    fn deadlines_at_midnight_read_as_24() {
        let d = local(2019, 3, 19, 0, 0).unwrap();
        assert_eq!(deadline_text(&d), "2019-03-18 24:00");
        assert_eq!(span_text(320), "5 h 20 min");
        assert_eq!(span_text(3 * 1440 + 60), "3 d 1 h");
    }
}
