//! The report preview on the Rapport screen (PRODUCT §2 step 5, "Preview, then export"): the
//! Resultat text Svarskoll writes, the table of contents with page numbers, and page thumbnails
//! drawn from the laid-out pages. Everything comes from `report::build_document` and
//! `report::layout_report`, the functions the PDF is made with, computed on a background thread
//! when the audit, the report language or the as-of minute changes, never every frame.

use super::i18n::{fill, tr};
use super::job::{Finished, Job};
use crate::core::{Audit, Lang};
use crate::i18n::app as m;
use crate::report::layout::{Item, Layout, Rgb};
use crate::report::model::{Block, Paragraph};
use crate::report::{Fonts, ReportError, ReportOptions, layout_report, results_section};
use chrono::{DateTime, Utc};
use egui::{Color32, Pos2, Rect, Sense, Stroke, Vec2};
use std::sync::Arc;

/// Thumbnail width in points on screen.
const THUMB_WIDTH: f32 = 104.0;
/// Below this scale text is drawn as grey bars: letters would be unreadable specks.
const TEXT_SCALE: f32 = 0.45;

/// What a preview was computed for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key {
    generation: u64,
    lang: Lang,
    as_of_minute: i64,
}

/// One block of the Resultat section, for showing as text.
#[derive(Clone, Debug, PartialEq)]
pub enum ResultBlock {
    Paragraph {
        text: String,
        footnote: Option<String>,
    },
    Bullets(Vec<String>),
    Table {
        caption: String,
        rows: Vec<Vec<String>>,
    },
    Chart(String),
}

/// A computed preview.
#[derive(Clone, Debug)]
pub struct Preview {
    pub results: Vec<ResultBlock>,
    /// (title with number, outline level, 1-based page).
    pub contents: Vec<(String, u8, usize)>,
    pub layout: Layout,
}

impl Preview {
    /// Build the preview with the report's own functions.
    ///
    /// # Errors
    /// As [`layout_report`] (the bundled fonts cannot be read).
    pub fn compute(
        audit: &Audit,
        options: &ReportOptions,
        fonts: &ReportFonts,
    ) -> Result<Preview, ReportError> {
        let fonts = fonts.as_ref().map_err(Clone::clone)?;
        let layout = layout_report(audit, options, fonts)?;
        // The section's blocks from the function that builds it, not found by a heading's words.
        let results = results_section(audit, options)
            .iter()
            .filter_map(result_block)
            .collect();
        let contents = layout
            .anchors
            .iter()
            .filter(|a| a.in_toc)
            .map(|a| (a.title.clone(), a.level, a.page + 1))
            .collect();
        Ok(Preview {
            results,
            contents,
            layout,
        })
    }
}

fn paragraph_text(p: &Paragraph) -> String {
    p.text()
}

fn result_block(block: &Block) -> Option<ResultBlock> {
    Some(match block {
        Block::Paragraph(p) => ResultBlock::Paragraph {
            text: paragraph_text(p),
            footnote: p.footnote.clone(),
        },
        Block::Bullets(items) => ResultBlock::Bullets(items.iter().map(paragraph_text).collect()),
        Block::Table(t) => {
            let mut rows = vec![t.columns.iter().map(|c| c.title.clone()).collect()];
            rows.extend(t.rows.iter().cloned());
            rows.extend(t.total.iter().cloned());
            ResultBlock::Table {
                caption: t.caption.clone().unwrap_or_default(),
                rows,
            }
        }
        Block::BarChart(c) => ResultBlock::Chart(c.caption.clone()),
        Block::TableOfContents | Block::Heading(_) | Block::Figure(_) | Block::PageBreak => {
            return None;
        }
    })
}

/// The preview, its background job and the enlarged page.
#[derive(Default)]
pub struct PreviewPane {
    shown: Option<(Key, Result<Preview, ReportError>)>,
    job: Job<(Key, Result<Preview, ReportError>)>,
    /// 0-based page shown large.
    enlarged: Option<usize>,
}

impl PreviewPane {
    /// Start a new computation when the inputs changed and none is running; take a finished one.
    pub fn refresh(
        &mut self,
        ctx: &egui::Context,
        audit: &Audit,
        generation: u64,
        options: &ReportOptions,
        fonts: &ReportFonts,
    ) {
        if self.job.is_running() {
            match self.job.poll() {
                Some(Finished::Done(computed)) => self.shown = Some(computed),
                Some(Finished::Lost) => {}
                None => return,
            }
        }
        let key = Key {
            generation,
            lang: options.lang,
            as_of_minute: options.as_of.timestamp() / 60,
        };
        if self.shown.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        let owned = audit.clone();
        let thread_options = options.clone();
        let thread_fonts = fonts.clone();
        let spawned = self
            .job
            .start("report-preview", Some(ctx.clone()), move || {
                (
                    key,
                    Preview::compute(&owned, &thread_options, &thread_fonts),
                )
            });
        if spawned.is_err() {
            // No thread to be had: compute here rather than show nothing.
            self.shown = Some((key, Preview::compute(audit, options, fonts)));
        }
    }

    /// Whether a newer preview is being computed.
    #[must_use]
    pub fn is_updating(&self) -> bool {
        self.job.is_running()
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let t = |s| tr(lang, s);
        ui.horizontal(|ui| {
            ui.strong(t(m::preview::PREVIEW));
            if self.is_updating() {
                ui.label(egui::RichText::new(t(m::preview::UPDATING)).weak());
            }
        });
        let Some((_, shown)) = &self.shown else {
            ui.label(egui::RichText::new(t(m::preview::LAYING_OUT_THE_REPORT)).weak());
            return;
        };
        let preview = match shown {
            Ok(p) => p,
            Err(e) => {
                ui.colored_label(
                    super::widgets::error_color(ui),
                    format!(
                        "{} {}",
                        t(m::preview::THE_PREVIEW_COULD_NOT_BE_MADE),
                        e.text(lang)
                    ),
                );
                return;
            }
        };
        let pages = preview.layout.pages.len();
        ui.label(fill(
            t(m::preview::N_PAGES_CLICK_A_PAGE_TO),
            &[("n", pages)],
        ));
        ui.horizontal_wrapped(|ui| {
            for index in 0..pages {
                let response = page(ui, &preview.layout, index, THUMB_WIDTH, lang);
                if response.clicked() {
                    self.enlarged = Some(index);
                }
            }
        });
        ui.add_space(8.0);
        ui.strong(t(m::preview::CONTENTS));
        // Rows rather than an `egui::Grid`: a grid measures itself over extra frames, and the
        // preview arrives from a thread at any moment.
        for (title, level, page) in &preview.contents {
            ui.horizontal(|ui| {
                ui.add_space(f32::from(level.saturating_sub(1)) * 12.0);
                ui.add(egui::Label::new(title).truncate());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(page.to_string());
                });
            });
        }
        ui.add_space(8.0);
        ui.strong(t(m::preview::THE_RESULTS_TEXT_SVARSKOLL_WRITES));
        for block in &preview.results {
            match block {
                ResultBlock::Paragraph { text, footnote } => {
                    ui.label(text);
                    if let Some(note) = footnote {
                        ui.label(egui::RichText::new(format!("¹ {note}")).small().weak());
                    }
                }
                ResultBlock::Bullets(items) => {
                    for item in items {
                        ui.label(format!("• {item}"));
                    }
                }
                ResultBlock::Table { caption, rows } => {
                    if !caption.is_empty() {
                        ui.label(egui::RichText::new(caption).italics());
                    }
                    table(ui, rows);
                }
                ResultBlock::Chart(caption) => {
                    ui.label(
                        egui::RichText::new(format!("[{}] {caption}", t(m::preview::CHART)))
                            .italics(),
                    );
                }
            }
            ui.add_space(4.0);
        }
        self.enlarged_window(ui.ctx(), lang);
    }

    fn enlarged_window(&mut self, ctx: &egui::Context, lang: Lang) {
        let t = |s| tr(lang, s);
        let Some(index) = self.enlarged else {
            return;
        };
        let Some((_, Ok(preview))) = &self.shown else {
            return;
        };
        let pages = preview.layout.pages.len();
        if index >= pages {
            self.enlarged = None;
            return;
        }
        let mut open = true;
        let mut go_to = None;
        let available = ctx.content_rect().height() - 140.0;
        let geometry = preview.layout.geometry;
        let width = (available / geometry.height * geometry.width).clamp(240.0, 720.0);
        egui::Window::new(t(m::preview::REPORT_PAGE))
            .id(egui::Id::unique("preview-page"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(index > 0, egui::Button::new(t(m::preview::PREVIOUS)))
                        .clicked()
                    {
                        go_to = Some(index - 1);
                    }
                    ui.label(format!(
                        "{} {} {} {pages}",
                        t(m::preview::PAGE),
                        index + 1,
                        t(m::common::OF)
                    ));
                    if ui
                        .add_enabled(index + 1 < pages, egui::Button::new(t(m::preview::NEXT)))
                        .clicked()
                    {
                        go_to = Some(index + 1);
                    }
                });
                page(ui, &preview.layout, index, width, lang);
            });
        if let Some(i) = go_to {
            self.enlarged = Some(i);
        }
        if !open {
            self.enlarged = None;
        }
    }
}

/// The options a preview (and the export) is made with: dated from the audit (see
/// [`ReportOptions::dated`]).
#[must_use]
pub fn options(
    audit: &Audit,
    lang: Lang,
    as_of: DateTime<Utc>,
    now: DateTime<Utc>,
) -> ReportOptions {
    ReportOptions::dated(audit, lang, as_of, crate::store::clock::document_time(now))
}

/// The report's fonts as the app keeps them: loaded once, shared with the background jobs.
pub type ReportFonts = Result<Arc<Fonts>, ReportError>;

/// Load the report's fonts (at start-up).
pub fn load_fonts() -> ReportFonts {
    Fonts::load().map(Arc::new)
}

/// A small table of equal columns, the first row (the header) in bold.
fn table(ui: &mut egui::Ui, rows: &[Vec<String>]) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    #[allow(clippy::cast_precision_loss)] // a handful of columns
    let width = (ui.available_width() / columns as f32 - ui.spacing().item_spacing.x).max(24.0);
    for (i, row) in rows.iter().enumerate() {
        ui.horizontal(|ui| {
            for cell in row {
                let mut text = egui::RichText::new(cell).small();
                if i == 0 {
                    text = text.strong();
                }
                ui.add_sized([width, 14.0], egui::Label::new(text).truncate())
                    .on_hover_text(cell);
            }
        });
    }
}

fn color(c: Rgb) -> Color32 {
    let channel = |v: f32| {
        // Clamped to 0–255 first, so the cast cannot truncate or wrap.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let byte = (v.clamp(0.0, 1.0) * 255.0).round() as u8;
        byte
    };
    Color32::from_rgb(channel(c.0), channel(c.1), channel(c.2))
}

/// Draw page `index` of `layout`, `width` points wide; clickable.
fn page(
    ui: &mut egui::Ui,
    layout: &Layout,
    index: usize,
    width: f32,
    lang: Lang,
) -> egui::Response {
    let geometry = layout.geometry;
    let scale = width / geometry.width;
    let size = Vec2::new(width, geometry.height * scale);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let pages = layout.pages.len();
    let name = format!("{} {} ({pages})", tr(lang, m::preview::PAGE), index + 1);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    let response = response.on_hover_text(&name);
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 1.0, Color32::WHITE);
    let border = if response.hovered() {
        ui.visuals().selection.stroke
    } else {
        Stroke::new(1.0, Color32::from_gray(150))
    };
    painter.rect_stroke(rect, 1.0, border, egui::StrokeKind::Outside);
    let Some(items) = layout.pages.get(index).map(|p| &p.items) else {
        return response;
    };
    let at = |x: f32, y: f32| Pos2::new(rect.left() + x * scale, rect.top() + y * scale);
    for item in items {
        match item {
            Item::Rect { x, y, w, h, fill } => {
                painter.rect_filled(
                    Rect::from_min_size(at(*x, *y), Vec2::new(w * scale, h * scale)),
                    0.0,
                    color(*fill),
                );
            }
            Item::Image { x, y, w, h, .. } => {
                // Where the screenshot goes (the preview shows its place, the export the picture).
                painter.rect_filled(
                    Rect::from_min_size(at(*x, *y), Vec2::new(w * scale, h * scale)),
                    0.0,
                    Color32::from_gray(215),
                );
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color: c,
                dash: _,
            } => {
                painter.line_segment(
                    [at(*x1, *y1), at(*x2, *y2)],
                    Stroke::new((width * scale).max(0.5), color(*c)),
                );
            }
            Item::Text {
                x,
                y,
                size,
                color: c,
                text,
                width,
                ..
            } => {
                if scale < TEXT_SCALE {
                    // A bar where the words are: the page's shape without unreadable specks.
                    let top = at(*x, y - size * 0.62);
                    painter.rect_filled(
                        Rect::from_min_size(top, Vec2::new(width * scale, size * scale * 0.55)),
                        0.0,
                        color(*c).gamma_multiply(0.45),
                    );
                } else {
                    painter.text(
                        at(*x, y + size * 0.22),
                        egui::Align2::LEFT_BOTTOM,
                        text,
                        egui::FontId::proportional(size * scale),
                        color(*c),
                    );
                }
            }
        }
    }
    response
}
