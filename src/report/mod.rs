//! The audit report (PDF): document model → layout → printpdf writer.
//!
//! CONTRACT (used by the CLI and the GUI; keep these signatures):
//! `Fonts::load() -> Result<Fonts, ReportError>` (once, by the caller) and
//! `render_pdf(&Audit, &ReportOptions, &Fonts) -> Result<Vec<u8>, ReportError>`.
//! The report takes values and returns bytes: it reads no clock, touches no file and keeps no
//! global state. The instants it needs come in [`ReportOptions`], the fonts from the caller (as
//! typst's `World` hands them to `compile`). Callers write the bytes themselves with
//! `store::audit_file::write_export` and report a failure as [`ReportError::write`], which
//! names the file.
//!
//! Layers: [`content`] turns the audit and its [`Results`] into a [`model::Document`] (the
//! generated sentences come from [`prose`]); [`layout`] wraps, paginates and builds the table of
//! contents with the metrics of [`fonts`]; [`writer`] emits the PDF. Every number in the report
//! comes from `Results::compute`. The feedback letters to the units ([`letters`]) are documents
//! of the same model and go through the same layout and writer.

pub mod content;
pub mod docx;
pub mod fonts;
pub mod format;
pub mod layout;
pub mod letters;
pub mod model;
pub mod prose;
pub mod review;
pub mod writer;

pub use fonts::Fonts;
pub use format::ReportFormat;
pub use letters::{Letter, letter_documents, render_letters};

use crate::core::file_error::FileError;
use crate::core::{Audit, Lang, Results};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the report is made for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportOptions {
    /// Language of the generated text (the auditor's own texts are used as written).
    pub lang: Lang,
    /// Results as of this instant.
    pub as_of: DateTime<Utc>,
    /// The date printed on the cover when the audit has no report date.
    pub today: NaiveDate,
    /// The PDF's creation date (its metadata); callers pass the current time, tests a fixed one.
    pub created: DateTime<FixedOffset>,
    /// The evidence appendix: `Some` to include it, with each screenshot the probes name (by
    /// its path relative to the evidence folder; `None` where the file could not be read).
    /// The caller loads them (`store::evidence::load_pictures`); the report reads no files.
    pub evidence: Option<Arc<EvidencePictures>>,
}

/// Evidence screenshots by their path relative to the audit's evidence folder (defined in core,
/// where the store that loads them can name it too).
pub use crate::core::picture::EvidencePictures;

impl ReportOptions {
    /// The options for reporting `audit` in `lang` as of `as_of`, every date of the output
    /// (the cover's date and the document's metadata) from the audit itself, so that the same
    /// audit gives the same file: its report date, else its closing time, else `fallback` (the
    /// caller passes `SOURCE_DATE_EPOCH` when set, else now; see
    /// `store::clock::document_time`).
    #[must_use]
    pub fn dated(
        audit: &Audit,
        lang: Lang,
        as_of: DateTime<Utc>,
        fallback: DateTime<Utc>,
    ) -> ReportOptions {
        let zone = crate::core::localtime::ZONE;
        let created = match (audit.meta.report_date, audit.meta.closed_at) {
            (Some(date), _) => date
                .and_hms_opt(0, 0, 0)
                .and_then(|t| t.and_local_timezone(zone).earliest())
                .map(|t| t.fixed_offset()),
            (None, Some(closed)) => Some(closed.with_timezone(&zone).fixed_offset()),
            (None, None) => None,
        }
        .unwrap_or_else(|| fallback.with_timezone(&zone).fixed_offset());
        ReportOptions {
            lang,
            as_of,
            today: audit.meta.report_date.unwrap_or(created.date_naive()),
            created,
            evidence: None,
        }
    }
}

/// Why no report was made or written. Put into words with [`ReportError::text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportError {
    /// The PDF library's or font loader's own message.
    Render(String),
    /// The caller could not write the rendered bytes to `path`.
    Write {
        path: PathBuf,
        cause: Box<FileError>,
    },
}

impl ReportError {
    /// Writing the report to `path` failed with `cause`.
    #[must_use]
    pub fn write(path: &Path, cause: &FileError) -> ReportError {
        ReportError::Write {
            path: path.to_owned(),
            cause: Box::new(cause.clone()),
        }
    }

    /// The error in `lang`, naming the file: "rapport.pdf: kunde inte skriva rapporten: åtkomst
    /// nekad" (the cause's message names the path once, not twice).
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        use crate::i18n::report::{COULD_NOT_MAKE_THE_REPORT, COULD_NOT_WRITE_THE_REPORT};
        match self {
            ReportError::Render(message) => format!(
                "{}: {}",
                COULD_NOT_MAKE_THE_REPORT.get(lang),
                crate::i18n::message_capped(message)
            ),
            ReportError::Write { path, cause } => format!(
                "{}: {}: {}",
                path.display(),
                COULD_NOT_WRITE_THE_REPORT.get(lang),
                crate::i18n::files::file_error_cause(cause, lang)
            ),
        }
    }
}

/// The report's document model, before layout (for previews and tests).
///
/// # Errors
/// Never at present; kept fallible so content checks can refuse an audit later.
pub fn build_document(
    audit: &Audit,
    options: &ReportOptions,
) -> Result<model::Document, ReportError> {
    let results = Results::compute(audit, options.as_of);
    let inputs = content::Inputs {
        audit,
        results: &results,
        lang: options.lang,
        today: options.today,
        created: options.created,
        evidence: options.evidence.as_deref(),
    };
    Ok(content::build(&inputs))
}

/// The blocks of the report's Results section, exactly as [`build_document`] puts them under
/// its Results heading: the app's preview shows them without finding that heading by its words.
#[must_use]
pub fn results_section(audit: &Audit, options: &ReportOptions) -> Vec<model::Block> {
    let results = Results::compute(audit, options.as_of);
    content::results_blocks(audit, &results, options.lang)
}

/// Lay out the report (pages with positioned text), without writing the PDF.
///
/// # Errors
/// As [`build_document`].
pub fn layout_report(
    audit: &Audit,
    options: &ReportOptions,
    fonts: &Fonts,
) -> Result<layout::Layout, ReportError> {
    let document = build_document(audit, options)?;
    Ok(layout::layout(fonts, &document))
}

/// Render the report as PDF bytes.
///
/// # Errors
/// When the PDF cannot be serialised.
pub fn render_pdf(
    audit: &Audit,
    options: &ReportOptions,
    fonts: &Fonts,
) -> Result<Vec<u8>, ReportError> {
    // printpdf's parse of the font programs (a tenth of the writer's work) runs on a second
    // thread while the document is built and laid out, which takes longer.
    std::thread::scope(|scope| {
        let faces = std::thread::Builder::new()
            .name("parse-fonts".to_owned())
            .spawn_scoped(scope, writer::ParsedFaces::parse);
        let document = build_document(audit, options)?;
        let laid_out = layout::layout(fonts, &document);
        let faces = match faces {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|_| writer::ParsedFaces::parse()),
            // No thread to be had: parse here.
            Err(_) => writer::ParsedFaces::parse(),
        };
        writer::write(&laid_out, &document.info, &faces).map_err(ReportError::Render)
    })
}

/// Render the report as a Word document (DOCX bytes): the same document model as the PDF.
///
/// # Errors
/// When the document cannot be assembled (a broken build, not a bad audit).
pub fn render_docx(
    audit: &Audit,
    options: &ReportOptions,
    fonts: &Fonts,
) -> Result<Vec<u8>, ReportError> {
    let document = build_document(audit, options)?;
    docx::write(&document, fonts)
}
