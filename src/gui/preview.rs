//! The report preview on the Rapport screen (PRODUCT §2 step 5, "Preview, then export"): the
//! Resultat text Svarskoll writes, the table of contents with page numbers, and page thumbnails
//! drawn from the laid-out pages. Everything comes from `report::build_document` and
//! `report::layout_report`, the functions the PDF is made with, computed on a background thread
//! when the audit, the report language or the as-of minute changes, never every frame. With the
//! evidence appendix on, the screenshots are read on that thread too, and kept while the
//! references stay the same (a file in the evidence folder is never overwritten: attaching one
//! gives it a new name), so typing a text does not decode them again.

use super::i18n::{fill, tr};
use super::job::{Finished, Job};
use crate::core::picture::EvidencePictures;
use crate::core::{Audit, Lang};
use crate::i18n::app as m;
use crate::report::layout::{Item, Layout, Rgb};
use crate::report::model::{Block, Paragraph};
use crate::report::{Fonts, ReportError, ReportOptions, layout_report, results_section};
use chrono::{DateTime, Utc};
use egui::{Color32, Pos2, Rect, Sense, Stroke, Vec2};
use std::path::{Path, PathBuf};
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

/// Screenshots read for the preview, with what they were read for.
#[derive(Clone, Debug, PartialEq)]
struct LoadedPictures {
    /// The audit file (its evidence folder is beside it); `None` for an audit never saved.
    audit_path: Option<PathBuf>,
    /// The references read, in the order the audit names them.
    references: Vec<String>,
    pictures: Arc<EvidencePictures>,
}

/// What the preview job hands back.
struct Computed {
    key: Key,
    preview: Result<Preview, ReportError>,
    /// The screenshots it read, to be kept for the next preview.
    pictures: Option<LoadedPictures>,
}

/// The preview, its background job and the enlarged page.
#[derive(Default)]
pub struct PreviewPane {
    shown: Option<(Key, Result<Preview, ReportError>)>,
    job: Job<Computed>,
    /// The screenshots last read (with the evidence appendix on).
    pictures: Option<LoadedPictures>,
    /// 0-based page shown large.
    enlarged: Option<usize>,
}

/// The evidence references of `audit` the appendix shows (its audited accounts' probes').
fn evidence_references(audit: &Audit) -> Vec<String> {
    audit
        .accounts
        .iter()
        .filter(|a| audit.is_audited(a))
        .flat_map(|a| &a.probes)
        .flat_map(|p| p.evidence.iter().cloned())
        .collect()
}

/// The screenshots for the report's evidence appendix: read from the evidence folder beside
/// `audit_path`; none for an audit never saved (it has no folder). Run on a background job.
#[must_use]
pub fn evidence_pictures(audit_path: Option<&Path>, audit: &Audit) -> EvidencePictures {
    audit_path.map_or_else(EvidencePictures::new, |path| {
        crate::store::evidence::load_pictures(path, audit)
    })
}

impl PreviewPane {
    /// Start a new computation when the inputs changed and none is running; take a finished one.
    /// `audit_path` is where the audit is saved (its evidence folder is beside it).
    pub fn refresh(
        &mut self,
        ctx: &egui::Context,
        audit: &Audit,
        audit_path: Option<&Path>,
        generation: u64,
        options: &ReportOptions,
        fonts: &ReportFonts,
    ) {
        if self.job.is_running() {
            match self.job.poll() {
                Some(Finished::Done(computed)) => self.take(computed),
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
        // The screenshots: the ones read before when the references are the same, else read
        // on the job (`to_read`).
        let mut options = options.clone();
        let mut to_read = None;
        if audit.report.evidence_appendix {
            let wanted = (
                audit_path.map(Path::to_path_buf),
                evidence_references(audit),
            );
            match &self.pictures {
                Some(loaded)
                    if (&loaded.audit_path, &loaded.references) == (&wanted.0, &wanted.1) =>
                {
                    options.evidence = Some(Arc::clone(&loaded.pictures));
                }
                _ => to_read = Some(wanted),
            }
        }
        let owned = audit.clone();
        let thread_fonts = fonts.clone();
        // No thread to be had: computed here rather than show nothing, and taken at once.
        self.job
            .start_or_run_here("report-preview", Some(ctx.clone()), move || {
                compute(key, &owned, options, to_read, &thread_fonts)
            });
        if let Some(Finished::Done(computed)) = self.job.poll() {
            self.take(computed);
        }
    }

    fn take(&mut self, computed: Computed) {
        if computed.pictures.is_some() {
            self.pictures = computed.pictures;
        }
        self.shown = Some((computed.key, computed.preview));
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

/// One preview, made on the job: the screenshots read first when `to_read` names them (the audit
/// file and the references), then the report laid out with them.
fn compute(
    key: Key,
    audit: &Audit,
    mut options: ReportOptions,
    to_read: Option<(Option<PathBuf>, Vec<String>)>,
    fonts: &ReportFonts,
) -> Computed {
    let pictures = to_read.map(|(audit_path, references)| LoadedPictures {
        pictures: Arc::new(evidence_pictures(audit_path.as_deref(), audit)),
        audit_path,
        references,
    });
    if let Some(loaded) = &pictures {
        options.evidence = Some(Arc::clone(&loaded.pictures));
    }
    Computed {
        key,
        preview: Preview::compute(audit, &options, fonts),
        pictures,
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn settle(pane: &mut PreviewPane) {
        if let Some(Finished::Done(computed)) = pane.job.wait(Duration::from_secs(120)) {
            pane.take(computed);
        }
    }

    #[test]
    fn screenshots_are_read_on_the_job_and_kept_while_the_references_stay() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.svarskoll.ron");
        let folder = crate::store::evidence::evidence_dir(&path);
        std::fs::create_dir_all(&folder).unwrap();
        image::RgbImage::from_pixel(8, 8, image::Rgb([1, 2, 3]))
            .save_with_format(folder.join("a.png"), image::ImageFormat::Png)
            .unwrap();
        let mut audit = Audit::default();
        audit.report.evidence_appendix = true;
        audit.accounts.push(crate::core::Account {
            name: "A".into(),
            probes: vec![crate::core::Probe {
                evidence: vec!["a.png".into()],
                ..crate::core::Probe::default()
            }],
            ..crate::core::Account::default()
        });
        let now = chrono::DateTime::from_timestamp(1_552_381_200, 0).unwrap();
        let options = options(&audit, Lang::Sv, now, now);
        let fonts = load_fonts();
        let ctx = egui::Context::default();
        let mut pane = PreviewPane::default();

        pane.refresh(&ctx, &audit, Some(&path), 1, &options, &fonts);
        settle(&mut pane);
        let first = Arc::clone(&pane.pictures.as_ref().unwrap().pictures);
        assert_eq!(first.len(), 1);
        assert_eq!(first["a.png"].as_ref().unwrap().width, 8);
        assert!(pane.shown.as_ref().is_some_and(|(_, p)| p.is_ok()));

        // A text typed (a new generation), the same references: not read again.
        pane.refresh(&ctx, &audit, Some(&path), 2, &options, &fonts);
        settle(&mut pane);
        assert!(Arc::ptr_eq(
            &first,
            &pane.pictures.as_ref().unwrap().pictures
        ));

        // Another screenshot referenced: read again.
        audit.accounts[0].probes[0].evidence.push("b.png".into());
        pane.refresh(&ctx, &audit, Some(&path), 3, &options, &fonts);
        settle(&mut pane);
        let second = Arc::clone(&pane.pictures.as_ref().unwrap().pictures);
        assert_eq!(second.len(), 2);
        assert!(second["b.png"].is_none(), "no such file");

        // An audit never saved has no evidence folder: nothing to read.
        pane.refresh(&ctx, &audit, None, 4, &options, &fonts);
        settle(&mut pane);
        assert!(pane.pictures.as_ref().unwrap().pictures.is_empty());
    }
}
