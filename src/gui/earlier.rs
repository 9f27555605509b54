//! Resultat's last part: the earlier audits (opened from their files or typed), the trend over
//! them and this audit, and the comparison with the latest. Every number comes from core.

use super::i18n::tr;
use super::results::{ShareBar, share_plot};
use super::widgets;
use super::{Command, ScreenCtx, UiCommand};
use crate::core::numbers::{interval, percent};
use crate::core::{EarlierAudit, Lang, Results, TrendPoint};
use crate::i18n::app as m;

pub fn ui(ui: &mut egui::Ui, cx: &mut ScreenCtx<'_>, results: &Results) {
    let lang = cx.lang;
    let t = |s| tr(lang, s);
    ui.strong(t(m::results::COMPARISON_WITH_AN_EARLIER_AUDIT));
    let mut earlier = cx.doc.audit.earlier.clone();
    ui.horizontal_wrapped(|ui| {
        if ui.button(UiCommand::OpenEarlier.label(lang)).clicked() {
            cx.commands.push(Command::Ui(UiCommand::OpenEarlier));
        }
        if ui.button(t(m::results::TYPE_THE_FIGURES)).clicked() {
            earlier.push(EarlierAudit::default());
        }
        if !earlier.is_empty() && ui.button(t(m::results::REMOVE_THE_COMPARISON)).clicked() {
            earlier.clear();
        }
    });
    let mut remove = None;
    for (i, e) in earlier.iter_mut().enumerate() {
        ui.add_space(4.0);
        egui::Grid::new(("earlier", i))
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| editor(ui, e, lang));
        if ui.small_button(t(m::common::DELETE)).clicked() {
            remove = Some(i);
        }
    }
    if let Some(i) = remove {
        earlier.remove(i);
    }
    if earlier != cx.doc.audit.earlier {
        // Typing the label coalesces like any text field; numbers and buttons are steps.
        cx.doc.edit(|a| a.earlier = earlier);
    }
    if let Some(c) = &results.comparison {
        let share = |s: Option<f64>| s.map_or_else(|| "–".to_owned(), |s| percent(s, 0, lang));
        ui.label(format!(
            "{} {}: {} ({} {} {}). {}: {}.",
            t(m::results::EARLIER),
            c.label,
            share(c.earlier_share),
            c.earlier_in_time,
            t(m::common::OF),
            c.earlier_audited,
            t(m::common::NOW),
            share(c.current_share)
        ));
        // The report's own sentence, so the screen and the PDF never word the test differently.
        ui.label(crate::report::prose::comparison_paragraph(&cx.doc.audit, c, lang).text());
    }
    if results.trend.len() > 1 {
        ui.add_space(10.0);
        ui.strong(t(m::results::TREND));
        trend_table(ui, &results.trend, lang);
        trend_chart(ui, &results.trend, lang);
    }
}

fn editor(ui: &mut egui::Ui, e: &mut EarlierAudit, lang: Lang) {
    let t = |s| tr(lang, s);
    widgets::text_row(ui, t(m::results::AUDIT_E_G_YEAR), &mut e.label, "2016");
    let label = ui.label(t(m::results::AUDITED_ACCOUNTS));
    ui.add(egui::DragValue::new(&mut e.audited).range(0..=100_000))
        .labelled_by(label.id);
    ui.end_row();
    let label = ui.label(t(m::results::ANSWERED_IN_TIME));
    ui.add(egui::DragValue::new(&mut e.in_time).range(0..=e.audited))
        .labelled_by(label.id);
    ui.end_row();
    let label = ui.label(t(m::results::SIGNED_IF_KNOWN));
    ui.horizontal(|ui| {
        let mut known = e.signed.is_some();
        ui.checkbox(&mut known, t(m::results::KNOWN));
        match (known, &mut e.signed) {
            (true, Some(s)) => {
                ui.add(egui::DragValue::new(s).range(0..=e.audited))
                    .labelled_by(label.id);
            }
            (true, None) => e.signed = Some(0),
            (false, _) => e.signed = None,
        }
    });
    ui.end_row();
}

/// A point's name: its label, or "This audit".
fn name(p: &TrendPoint, lang: Lang) -> String {
    match (p.current, p.label.is_empty()) {
        (true, true) => tr(lang, m::results::THIS_AUDIT).to_owned(),
        (true, false) => format!("{} ({})", p.label, tr(lang, m::results::THIS_AUDIT)),
        (false, _) => p.label.clone(),
    }
}

fn trend_table(ui: &mut egui::Ui, trend: &[TrendPoint], lang: Lang) {
    let t = |s| tr(lang, s);
    egui::Grid::new("trend")
        .striped(true)
        .num_columns(5)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for head in [
                m::results::AUDIT_E_G_YEAR,
                m::results::AUDITED_ACCOUNTS,
                m::results::ANSWERED_IN_TIME,
                m::results::IN_TIME_SHARE,
                m::results::N95_CI,
            ] {
                ui.strong(t(head));
            }
            ui.end_row();
            for p in trend {
                ui.label(name(p, lang));
                ui.label(p.audited.to_string());
                ui.label(p.in_time.to_string());
                ui.label(
                    p.share
                        .map_or_else(|| "–".to_owned(), |s| percent(s, 0, lang)),
                );
                ui.label(
                    p.ci95
                        .map_or_else(|| "–".to_owned(), |ci| interval(ci, 1, lang)),
                );
                ui.end_row();
            }
        });
}

fn trend_chart(ui: &mut egui::Ui, trend: &[TrendPoint], lang: Lang) {
    let t = |s| tr(lang, s);
    let color = widgets::ok_color(ui);
    let bars = trend
        .iter()
        .map(|p| ShareBar {
            name: if p.label.is_empty() {
                name(p, lang)
            } else {
                p.label.clone()
            },
            hover: format!(
                "{} ({} {} {})",
                name(p, lang),
                p.in_time,
                t(m::common::OF),
                p.audited
            ),
            share: p.share.unwrap_or(0.0),
            ci95: p.ci95,
            fill: if p.current {
                color
            } else {
                color.gamma_multiply(0.5)
            },
        })
        .collect();
    share_plot(ui, "trend-chart", 200.0, bars, lang);
}
