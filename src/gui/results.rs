//! Step 4, Resultat: the figures of PRODUCT §5 from `core::Results`, as tables and charts; the
//! earlier audits, the trend and the comparison are in `earlier.rs`. Every number comes from core; this screen only shows them.

use super::ScreenCtx;
use super::i18n::{fill, tr};
use super::widgets;
use crate::core::check::{Problem, Severity, check};
use crate::core::numbers::{decimal, hours, interval, percent};
use crate::core::stats::Quartiles;
use crate::core::{Counts, Lang, Results};
use crate::i18n::app as m;
use crate::i18n::{Label, group_name};
use egui_plot::{Bar, BarChart, Line, Plot, PlotPoint, VLine};

/// Response-time histogram: bins of this many hours, the last one open-ended.
const BIN_HOURS: f64 = 6.0;
const BINS: usize = 16;

#[derive(Default)]
pub struct ResultsScreen {
    /// Results for (generation, as-of minute).
    cache: Option<((u64, i64), Results, Vec<Problem>)>,
}

impl ResultsScreen {
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>) {
        let lang = cx.lang;
        let t = |s| tr(lang, s);
        let closed = cx.doc.audit.meta.closed_at;
        let as_of = cx.as_of();
        let key = (cx.doc.generation(), as_of.timestamp() / 60);
        if self.cache.as_ref().is_none_or(|(k, _, _)| *k != key) {
            let results = Results::compute(&cx.doc.audit, as_of);
            let problems = check(&cx.doc.audit, cx.now);
            self.cache = Some((key, results, problems));
        }
        let Some((_, results, problems)) = &self.cache else {
            return;
        };
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.heading(t(m::results::N4_RESULTS));
            let when = crate::core::localtime::format_local(&as_of);
            let basis = if closed.is_some() {
                t(m::results::THE_AUDITS_CLOSING_TIME_STEP_1)
            } else {
                t(m::results::NOW_SET_A_CLOSING_TIME_IN)
            };
            ui.label(format!("{} {when} {basis}", t(m::results::RESULTS_AS_OF)));
            ui.add_space(6.0);
            problems_list(ui, problems, lang);
            overview(ui, results, lang);
            ui.add_space(10.0);
            let wide = ui.available_width() > 900.0;
            if wide {
                ui.columns(2, |cols| {
                    share_chart(&mut cols[0], results, lang);
                    response_chart(&mut cols[1], results, lang, &cx.doc.audit.criteria.deadline);
                });
            } else {
                share_chart(ui, results, lang);
                response_chart(ui, results, lang, &cx.doc.audit.criteria.deadline);
            }
            ui.add_space(10.0);
            ui.strong(t(m::results::BY_PLATFORM));
            group_table(
                ui,
                "by-platform",
                t(m::common::PLATFORM),
                &results.by_platform,
                lang,
            );
            ui.add_space(10.0);
            ui.strong(t(m::results::BY_UNIT));
            group_table(ui, "by-unit", t(m::common::UNIT), &results.by_unit, lang);
            super::review_results::review_section(ui, &results.review, lang);
            ui.add_space(10.0);
            super::earlier::ui(ui, cx, results);
        });
    }
}

fn problems_list(ui: &mut egui::Ui, problems: &[Problem], lang: Lang) {
    let t = |s| tr(lang, s);
    if problems.is_empty() {
        return;
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    let title = fill(
        t(m::results::CHECK_E_ERRORS_AND_W_WARNINGS),
        &[("e", errors), ("w", warnings)],
    );
    egui::CollapsingHeader::new(egui::RichText::new(title).color(if errors > 0 {
        widgets::error_color(ui)
    } else {
        widgets::warning_color(ui)
    }))
    .id_salt("problems")
    .show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("problems-list")
            .max_height(160.0)
            .show(ui, |ui| {
                for p in problems {
                    ui.label(crate::i18n::problem_sentence(p, lang));
                }
            });
    });
}

fn share_text(counts: &Counts, lang: Lang) -> String {
    counts
        .in_time_share()
        .map_or_else(|| "–".to_owned(), |s| percent(s, 0, lang))
}

fn ci_text(counts: &Counts, lang: Lang) -> String {
    counts
        .in_time_ci95()
        .map_or_else(|| "–".to_owned(), |ci| interval(ci, 1, lang))
}

fn quartile_text(q: Option<&Quartiles>, lang: Lang) -> String {
    q.map_or_else(
        || "–".to_owned(),
        |q| {
            format!(
                "{} ({}–{})",
                hours(q.median, lang),
                decimal(q.q1, 1, lang),
                hours(q.q3, lang)
            )
        },
    )
}

fn overview(ui: &mut egui::Ui, results: &Results, lang: Lang) {
    let t = |s| tr(lang, s);
    let o = &results.overall;
    egui::Grid::new("overview")
        .num_columns(2)
        .striped(true)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            let line = |ui: &mut egui::Ui, label: &str, value: String| {
                ui.label(label);
                ui.label(egui::RichText::new(value).strong());
                ui.end_row();
            };
            line(
                ui,
                t(m::results::ACCOUNTS_IN_THE_REGISTER),
                o.listed.to_string(),
            );
            let reasons: Vec<String> = results
                .excluded_by_reason
                .iter()
                .map(|(reason, n)| format!("{n} {}", reason.label(lang)))
                .collect();
            let excluded = if reasons.is_empty() {
                o.excluded.to_string()
            } else {
                format!("{} ({})", o.excluded, reasons.join(", "))
            };
            line(ui, t(m::results::EXCLUDED), excluded);
            line(ui, t(m::results::AUDITED_ACCOUNTS), o.audited.to_string());
            line(
                ui,
                t(m::results::ANSWERED_IN_TIME),
                format!(
                    "{} {} {} ({})",
                    o.in_time,
                    t(m::common::OF),
                    o.decided(),
                    share_text(o, lang)
                ),
            );
            line(
                ui,
                t(m::results::N95_CONFIDENCE_INTERVAL_OF_THE_IN),
                ci_text(o, lang),
            );
            line(ui, t(m::results::ANSWERED_LATE), o.late.to_string());
            line(ui, t(m::results::UNANSWERED), o.unanswered.to_string());
            line(ui, t(m::results::AWAITING_AN_ANSWER), o.pending.to_string());
            line(
                ui,
                t(m::results::QUESTION_NOT_POSTED),
                o.not_posted.to_string(),
            );
            line(
                ui,
                t(m::results::SIGNED_WITH_A_FIRST_NAME),
                format!(
                    "{} {} {} {}, {} {} {}",
                    o.signed,
                    t(m::common::OF),
                    o.answered,
                    t(m::results::ANSWERED),
                    o.signed,
                    t(m::common::OF),
                    o.audited
                ),
            );
            line(
                ui,
                t(m::results::RESPONSE_TIME_MEDIAN_QUARTILES),
                quartile_text(results.response_hours.as_ref(), lang),
            );
            line(
                ui,
                t(m::results::RESPONSE_TIME_IN_WORKING_HOURS_MEDIAN),
                quartile_text(results.response_working_hours.as_ref(), lang),
            );
        });
}

fn group_table(
    ui: &mut egui::Ui,
    id: &str,
    first: &str,
    groups: &[crate::core::GroupResult],
    lang: Lang,
) {
    let t = |s| tr(lang, s);
    let shown: Vec<_> = groups.iter().filter(|g| g.counts.listed > 0).collect();
    if shown.is_empty() {
        ui.label(t(m::results::NO_ACCOUNTS));
        return;
    }
    // Full height in the page's own scroll (every row visible, the wheel scrolls the page);
    // only a table wider than the page scrolls sideways.
    egui::ScrollArea::horizontal().id_salt(id).show(ui, |ui| {
        egui::Grid::new(id)
            .num_columns(10)
            .striped(true)
            .spacing([14.0, 4.0])
            .show(ui, |ui| {
                for h in [
                    first,
                    t(m::results::AUDITED),
                    t(m::results::IN_TIME_2),
                    t(m::results::IN_TIME_SHARE),
                    t(m::results::N95_CI),
                    t(m::results::LATE),
                    t(m::results::UNANSWERED),
                    t(m::results::PENDING),
                    t(m::results::SIGNED),
                    t(m::results::MEDIAN_RESPONSE_TIME),
                ] {
                    ui.strong(h);
                }
                ui.end_row();
                for g in shown {
                    let c = &g.counts;
                    ui.label(group_name(&g.key, lang));
                    ui.label(c.audited.to_string());
                    ui.label(c.in_time.to_string());
                    ui.label(share_text(c, lang));
                    ui.label(ci_text(c, lang));
                    ui.label(c.late.to_string());
                    ui.label(c.unanswered.to_string());
                    ui.label(c.pending.to_string());
                    ui.label(c.signed.to_string());
                    ui.label(
                        g.response_hours
                            .as_ref()
                            .map_or_else(|| "–".to_owned(), |q| hours(q.median, lang)),
                    );
                    ui.end_row();
                }
            });
    });
}

fn share_chart(ui: &mut egui::Ui, results: &Results, lang: Lang) {
    let t = |s| tr(lang, s);
    ui.strong(t(m::results::SHARE_ANSWERED_IN_TIME_BY_PLATFORM));
    let groups: Vec<_> = results
        .by_platform
        .iter()
        .filter(|g| g.counts.decided() > 0)
        .collect();
    if groups.is_empty() {
        ui.label(t(m::results::NO_DECIDED_QUESTIONS_YET));
        return;
    }
    let color = widgets::ok_color(ui);
    let bars = groups
        .iter()
        .map(|g| ShareBar {
            name: group_name(&g.key, lang).into_owned(),
            hover: format!(
                "{} ({} {} {})",
                group_name(&g.key, lang),
                g.counts.in_time,
                t(m::common::OF),
                g.counts.decided()
            ),
            share: g.counts.in_time_share().unwrap_or(0.0),
            ci95: g.counts.in_time_ci95(),
            fill: color.gamma_multiply(0.6),
        })
        .collect();
    share_plot(ui, "share-chart", 220.0, bars, lang);
}

/// One bar of a share chart: its name under it, its words on hover, the share (0–1) with its
/// 95 % interval.
pub(super) struct ShareBar {
    pub name: String,
    pub hover: String,
    pub share: f64,
    pub ci95: Option<(f64, f64)>,
    pub fill: egui::Color32,
}

/// Shares in time (0–100 %) as bars, each interval an error bar with a cap at each end: the
/// per-platform chart and the trend over the audits.
pub(super) fn share_plot(
    ui: &mut egui::Ui,
    id: &str,
    height: f32,
    bars: Vec<ShareBar>,
    lang: Lang,
) {
    let t = |s| tr(lang, s);
    let color = widgets::ok_color(ui);
    let whisker = ui.visuals().text_color();
    let names: Vec<String> = bars.iter().map(|b| b.name.clone()).collect();
    let intervals: Vec<Option<(f64, f64)>> = bars.iter().map(|b| b.ci95).collect();
    #[allow(clippy::cast_precision_loss)] // a handful of bars
    let bars: Vec<Bar> = bars
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            Bar::new(i as f64, b.share * 100.0)
                .width(0.6)
                .name(b.hover)
                .fill(b.fill)
        })
        .collect();
    Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .include_y(0.0)
        .include_y(100.0)
        .y_axis_label(t(m::results::IN_TIME))
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 1e-6 || i < 0.0 {
                return String::new();
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // checked above
            names.get(i as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(t(m::results::IN_TIME_3), bars).color(color));
            for (i, ci) in intervals.iter().enumerate() {
                if let Some((lo, hi)) = ci {
                    #[allow(clippy::cast_precision_loss)]
                    let x = i as f64;
                    let (lo, hi) = (lo * 100.0, hi * 100.0);
                    // An error bar: the interval with a cap at each end.
                    let points = vec![
                        [x - 0.08, lo],
                        [x + 0.08, lo],
                        [x, lo],
                        [x, hi],
                        [x - 0.08, hi],
                        [x + 0.08, hi],
                    ];
                    plot.line(
                        Line::new(format!("{id}-ki-{i}"), points)
                            .color(whisker)
                            .width(2.0),
                    );
                }
            }
        });
}

fn response_chart(
    ui: &mut egui::Ui,
    results: &Results,
    lang: Lang,
    rule: &crate::core::DeadlineRule,
) {
    let t = |s| tr(lang, s);
    let deadline_hours = rule.hours;
    ui.strong(t(m::results::RESPONSE_TIMES_HOURS_FROM_QUESTION_TO));
    let mut counts = [0usize; BINS];
    for p in &results.probes {
        if let Some(h) = p.evaluation.response_hours {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped below
            let bin = ((h.max(0.0) / BIN_HOURS).floor() as usize).min(BINS - 1);
            counts[bin] += 1;
        }
    }
    if counts.iter().all(|c| *c == 0) {
        ui.label(t(m::results::NO_ANSWERED_QUESTIONS_YET));
        return;
    }
    let color = widgets::pending_color(ui);
    let deadline_color = widgets::warning_color(ui);
    let highest = counts.iter().copied().max().unwrap_or(0) as u32;
    #[allow(clippy::cast_precision_loss)]
    let bars: Vec<Bar> = counts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let from = i as f64 * BIN_HOURS;
            let label = if i == BINS - 1 {
                format!("≥ {from} h")
            } else {
                format!("{from}–{} h", from + BIN_HOURS)
            };
            Bar::new(from + BIN_HOURS / 2.0, *c as f64)
                .width(BIN_HOURS * 0.9)
                .name(label)
        })
        .collect();
    Plot::new("response-chart")
        .height(220.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_x(0.0)
        .include_x(BINS as f64 * BIN_HOURS)
        // A mark a day (0, 24, 48, 72 h) and one under the open-ended last bar ("≥ 90").
        .x_grid_spacer(|_| {
            let last = (BINS - 1) as f64 * BIN_HOURS;
            let mut marks: Vec<egui_plot::GridMark> = (0..)
                .map(|d| f64::from(d) * 24.0)
                .take_while(|h| *h < last)
                .map(|value| egui_plot::GridMark {
                    value,
                    step_size: 24.0,
                })
                .collect();
            marks.push(egui_plot::GridMark {
                value: last + BIN_HOURS / 2.0,
                step_size: 24.0,
            });
            marks
        })
        .x_axis_formatter(|mark, _| {
            let last = (BINS - 1) as f64 * BIN_HOURS;
            if mark.value > last {
                format!("≥ {last}")
            } else {
                format!("{}", mark.value)
            }
        })
        .x_axis_label(t(m::results::HOURS))
        .y_axis_label(t(m::results::ANSWERS))
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(t(m::results::ANSWERS_2), bars).color(color));
            plot.vline(
                VLine::new(t(m::common::DEADLINE), f64::from(deadline_hours))
                    .color(deadline_color)
                    .width(2.0),
            );
            // The line's label, at its top, so it reads without hovering.
            let label = fill(
                t(m::results::DEADLINE_N_HOURS),
                &[("n", deadline_hours as usize)],
            );
            plot.text(
                egui_plot::Text::new(
                    t(m::common::DEADLINE),
                    PlotPoint::new(f64::from(deadline_hours), f64::from(highest)),
                    egui::RichText::new(label).color(deadline_color).strong(),
                )
                .anchor(egui::Align2::LEFT_TOP),
            );
        });
    // The line is calendar hours; why an answer right of it may still be in time depends on
    // how the deadline is counted.
    let why = match rule.mode {
        crate::core::DeadlineMode::NextWorkingDay => m::results::WHY_RIGHT_OF_THE_LINE,
        crate::core::DeadlineMode::WorkingHours => m::results::WHY_RIGHT_OF_THE_LINE_WORKING_HOURS,
    };
    // Ragged right: a column of `ui.columns` is justified, which would stretch the words.
    ui.vertical(|ui| {
        ui.label(egui::RichText::new(t(why)).small().weak());
    });
}
