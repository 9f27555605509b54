//! Bar charts: a caption, one labelled bar per value with its value printed after it, a
//! percentage grid and, when there is one, a dashed reference line (the earlier audit's value).
//! Everything drawn belongs to the chart's `Figure` element, whose alternate text says what the
//! chart shows ([`crate::report::model::BarChart::description`]).

use super::Item;
use super::flow::Flow;
use super::style::{CAPTION, CHART};
use super::text::{baseline, ellipsize, wrap};
use crate::report::model::BarChart;

/// The height a chart takes, for keeping it whole on a page.
pub(super) fn chart_height(chart: &BarChart) -> f32 {
    #[allow(clippy::cast_precision_loss)]
    let bars = chart.bars.len() as f32;
    CAPTION.leading + CHART.caption_gap + bars * (CHART.bar + CHART.gap) + CHART.axis + CHART.after
}

impl Flow<'_> {
    pub(super) fn bar_chart(&mut self, chart: &BarChart) {
        let height = chart_height(chart);
        self.space_before(CHART.before);
        if self.page_has_content && self.y + height > self.bottom() {
            self.new_page();
        }
        let left = self.geo.left;
        let caption_lines = wrap(
            self.fonts,
            &[(CAPTION.face, &chart.caption)],
            CAPTION.size,
            self.width(),
        );
        for line in caption_lines.iter().take(CHART.caption_lines) {
            let base = baseline(self.y, CAPTION.size, CAPTION.leading);
            self.draw_line(line, left, base, CAPTION.size, CAPTION.color);
            self.y += CAPTION.leading;
        }
        self.y += CHART.caption_gap;
        let face = CHART.label_face;
        let label_size = CHART.label_size;
        let label_width = chart
            .bars
            .iter()
            .map(|b| self.fonts.width(face, &b.label, label_size))
            .fold(0.0f32, f32::max)
            .min(self.width() * CHART.label_share)
            + CHART.label_pad;
        let x0 = left + label_width;
        let plot_width = self.width() - label_width - CHART.value_room;
        let top = self.y;
        #[allow(clippy::cast_precision_loss)]
        let plot_height = chart.bars.len() as f32 * (CHART.bar + CHART.gap);
        // Grid lines and tick labels at 0, 25, 50, 75 and 100 %.
        for (k, tick) in chart.ticks.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let x = x0 + plot_width * (k as f32) / ((chart.ticks.len().max(2) - 1) as f32);
            self.push(Item::Line {
                x1: x,
                y1: top,
                x2: x,
                y2: top + plot_height,
                width: if k == 0 {
                    CHART.axis_width
                } else {
                    CHART.grid_width
                },
                color: if k == 0 {
                    CHART.axis_color
                } else {
                    CHART.grid_color
                },
                dash: false,
            });
            let w = self.fonts.width(face, tick, CHART.tick_size);
            self.text(
                x - w / 2.0,
                top + plot_height + CHART.tick_drop,
                face,
                CHART.tick_size,
                CHART.tick_color,
                tick,
            );
        }
        for (i, bar) in chart.bars.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let y = top + CHART.gap / 2.0 + i as f32 * (CHART.bar + CHART.gap);
            let label = ellipsize(
                self.fonts,
                face,
                &bar.label,
                label_size,
                label_width - CHART.label_pad,
            );
            let lw = self.fonts.width(face, &label, label_size);
            self.text(
                x0 - CHART.label_gap - lw,
                y + CHART.bar * CHART.bar_baseline,
                face,
                label_size,
                CHART.label_color,
                &label,
            );
            #[allow(clippy::cast_possible_truncation)]
            let w = plot_width * (bar.value.clamp(0.0, 1.0) as f32);
            if w > 0.0 {
                self.push(Item::Rect {
                    x: x0,
                    y,
                    w,
                    h: CHART.bar,
                    fill: CHART.bar_fill,
                });
            }
            // The value after the bar, or after the dashed reference line when it would cross it.
            let mut value_x = x0 + w + CHART.value_gap;
            let value_width =
                self.fonts
                    .width(CHART.value_face, &bar.value_label, CHART.value_size);
            if let Some((reference, _)) = &chart.reference {
                #[allow(clippy::cast_possible_truncation)]
                let line_x = x0 + plot_width * (reference.clamp(0.0, 1.0) as f32);
                if value_x - CHART.value_gap <= line_x && line_x <= value_x + value_width + 1.0 {
                    value_x = line_x + CHART.value_gap;
                }
            }
            self.text(
                value_x,
                y + CHART.bar * CHART.bar_baseline,
                CHART.value_face,
                CHART.value_size,
                CHART.value_color,
                &bar.value_label,
            );
        }
        if let Some((value, label)) = &chart.reference {
            #[allow(clippy::cast_possible_truncation)]
            let x = x0 + plot_width * (value.clamp(0.0, 1.0) as f32);
            self.push(Item::Line {
                x1: x,
                y1: top - CHART.reference_rise,
                x2: x,
                y2: top + plot_height,
                width: CHART.reference_width,
                color: CHART.reference_color,
                dash: true,
            });
            let size = CHART.reference_label_size;
            let label = ellipsize(
                self.fonts,
                face,
                label,
                size,
                self.width() * CHART.reference_label_share,
            );
            let w = self.fonts.width(face, &label, size);
            let lx = (x - w / 2.0).clamp(left, left + self.width() - w);
            self.text(
                lx,
                top + plot_height + CHART.axis + CHART.reference_label_drop,
                face,
                size,
                CHART.reference_color,
                &label,
            );
        }
        self.y = top + plot_height + CHART.axis + CHART.after;
        self.page_has_content = true;
    }
}

#[cfg(test)]
mod tests {
    use crate::report::fonts::Fonts;
    use crate::report::layout::{Item, layout, test_document};
    use crate::report::model::{Bar, BarChart, Block};

    #[test]
    fn a_value_label_never_crosses_the_reference_line() {
        let bar = |label: &str, value: f64| Bar {
            label: label.to_owned(),
            value,
            value_label: format!("{:.0} %", value * 100.0),
        };
        let chart = BarChart {
            caption: "Figur 1.".to_owned(),
            bars: vec![bar("A", 0.41), bar("B", 0.24), bar("C", 0.29)],
            reference: Some((0.30, "Samtliga: 30 %".to_owned())),
            ticks: Vec::new(),
            alt: String::new(),
        };
        let out = layout(
            &Fonts::load().unwrap(),
            &test_document(vec![Block::BarChart(chart)]),
        );
        let page = &out.pages[1];
        let line_x = page
            .items
            .iter()
            .find_map(|i| match i {
                Item::Line { x1, dash: true, .. } => Some(*x1),
                _ => None,
            })
            .unwrap();
        for label in ["24 %", "29 %", "41 %"] {
            let (x, width) = page
                .items
                .iter()
                .find_map(|i| match i {
                    Item::Text { x, width, text, .. } if text == label => Some((*x, *width)),
                    _ => None,
                })
                .unwrap();
            assert!(x > line_x || x + width < line_x, "{label} crosses the line");
        }
    }
}
