//! The audit report (PDF): document model → layout → printpdf writer.
//!
//! CONTRACT (used by the CLI and the GUI; keep these signatures):
//! `render_pdf(&Audit, &ReportOptions) -> Result<Vec<u8>, ReportError>` and
//! `write_pdf(&Audit, &ReportOptions, &Path) -> Result<(), ReportError>`.
//!
//! Layers: [`content`] turns the audit and its [`Results`] into a [`model::Document`] (the
//! generated sentences come from [`prose`]); [`layout`] wraps, paginates and builds the table of
//! contents with the metrics of [`fonts`]; [`writer`] emits the PDF. Every number in the report
//! comes from `Results::compute`.

pub mod content;
pub mod fonts;
pub mod layout;
pub mod model;
pub mod prose;
pub mod writer;

use crate::core::localtime::ZONE;
use crate::core::{Audit, Lang, Results};
use chrono::{DateTime, NaiveDate, Utc};
use std::path::{Path, PathBuf};

/// What the report is made for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportOptions {
    /// Language of the generated text (the auditor's own texts are used as written).
    pub lang: Lang,
    /// Results as of this instant.
    pub as_of: DateTime<Utc>,
    /// The date printed on the cover when the audit has no report date.
    pub today: NaiveDate,
}

/// Why no report was written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("kunde inte skapa rapporten: {0}")]
    Render(String),
    #[error("{path}: kunde inte skriva rapporten: {message}")]
    Write { path: PathBuf, message: String },
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
        created: Utc::now().with_timezone(&ZONE).fixed_offset(),
    };
    Ok(content::build(&inputs))
}

/// Lay out the report (pages with positioned text), without writing the PDF.
///
/// # Errors
/// When the bundled fonts cannot be read.
pub fn layout_report(
    audit: &Audit,
    options: &ReportOptions,
) -> Result<layout::Layout, ReportError> {
    let document = build_document(audit, options)?;
    let fonts = fonts::Fonts::get().map_err(ReportError::Render)?;
    Ok(layout::layout(fonts, &document))
}

/// Render the report as PDF bytes.
///
/// # Errors
/// When the bundled fonts cannot be read or the PDF cannot be serialised.
pub fn render_pdf(audit: &Audit, options: &ReportOptions) -> Result<Vec<u8>, ReportError> {
    let document = build_document(audit, options)?;
    let fonts = fonts::Fonts::get().map_err(ReportError::Render)?;
    let laid_out = layout::layout(fonts, &document);
    writer::write(&laid_out, &document.info).map_err(ReportError::Render)
}

/// Render the report and write it atomically to `path`.
///
/// # Errors
/// As [`render_pdf`], or when the file cannot be written (the error names the file).
pub fn write_pdf(audit: &Audit, options: &ReportOptions, path: &Path) -> Result<(), ReportError> {
    let bytes = render_pdf(audit, options)?;
    crate::store::audit_file::write_export(path, &bytes).map_err(|e| ReportError::Write {
        path: path.to_owned(),
        // The store error names the path too; keep only its cause so the path appears once.
        message: match e {
            crate::store::StoreError::Io { source, .. } => source.to_string(),
            other => other.to_string(),
        },
    })
}
