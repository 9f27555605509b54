//! The audit report (PDF). Being built in the report issue.

use crate::core::{Audit, Lang};
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

/// Render the report as PDF bytes.
pub fn render_pdf(_audit: &Audit, _options: &ReportOptions) -> Result<Vec<u8>, ReportError> {
    Err(ReportError::Render(
        "rapporten är inte byggd ännu".to_owned(),
    ))
}

/// Render the report and write it atomically to `path`.
pub fn write_pdf(audit: &Audit, options: &ReportOptions, path: &Path) -> Result<(), ReportError> {
    let bytes = render_pdf(audit, options)?;
    crate::store::audit_file::write_atomically(path, &bytes).map_err(|e| ReportError::Write {
        path: path.to_owned(),
        message: e.to_string(),
    })
}
