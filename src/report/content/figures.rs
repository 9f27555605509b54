//! The report's charts: the share in time per platform and over the years, and the words that
//! say what a chart shows (its alternate text).

use super::*;

/// Figure 2: the share in time per audit, oldest first.
pub(super) fn trend_chart(results: &Results, lang: Lang) -> BarChart {
    let bars = results
        .trend
        .iter()
        .filter_map(|p| {
            let share = p.share?;
            Some(Bar {
                label: trend_name(p, lang),
                value: share,
                value_label: share_cell(Some(share), lang),
            })
        })
        .collect();
    share_chart(words::FIGURE_TREND.get(lang), bars, None, lang)
}

pub(super) fn platform_chart(results: &Results, lang: Lang) -> BarChart {
    let bars = results
        .by_platform
        .iter()
        .filter_map(|g| {
            let share = g.counts.in_time_share()?;
            Some(Bar {
                label: group_name(&g.key, lang).into_owned(),
                value: share,
                value_label: share_cell(Some(share), lang),
            })
        })
        .collect();
    let reference = results.overall.in_time_share().map(|s| {
        (
            s,
            format!("{}: {}", words::ALL.get(lang), share_cell(Some(s), lang)),
        )
    });
    share_chart(words::FIGURE_PLATFORM.get(lang), bars, reference, lang)
}

/// A chart of shares from 0 to 100 %, ticked every quarter, with its description in words.
fn share_chart(
    caption: &str,
    bars: Vec<Bar>,
    reference: Option<(f64, String)>,
    lang: Lang,
) -> BarChart {
    let mut chart = BarChart {
        caption: caption.to_owned(),
        bars,
        reference,
        ticks: [0.0, 0.25, 0.5, 0.75, 1.0]
            .iter()
            .map(|t| share_cell(Some(*t), lang))
            .collect(),
        alt: String::new(),
    };
    chart.alt = chart_description(&chart, lang);
    chart
}

/// The chart in words: its caption, every bar with its value, and the reference line.
/// "Figur 1. Andel … per plattform. Stapeldiagram: Facebook 55 %, Instagram 40 %; streckad
/// linje för Samtliga: 48 %."
#[must_use]
pub fn chart_description(chart: &BarChart, lang: Lang) -> String {
    let bars = chart
        .bars
        .iter()
        .map(|b| format!("{} {}", b.label.trim(), b.value_label))
        .collect::<Vec<_>>()
        .join(", ");
    let mut text = chart.caption.trim().trim_end_matches('.').to_owned();
    if !text.is_empty() {
        text.push_str(". ");
    }
    text.push_str(words::CHART_BARS.get(lang));
    text.push_str(": ");
    if bars.is_empty() {
        text.push('–');
    } else {
        text.push_str(&bars);
    }
    if let Some((_, label)) = &chart.reference {
        text.push_str("; ");
        text.push_str(words::CHART_REFERENCE_LINE.get(lang));
        text.push(' ');
        text.push_str(label.trim());
    }
    text.push('.');
    text
}
