//! The report's file formats, and which one a file name asks for.

use super::{Fonts, ReportError, ReportOptions, render_docx, render_pdf};
use crate::core::Audit;
use std::path::Path;

/// A format the report can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// The committee report as PDF (tagged, fonts embedded).
    Pdf,
    /// The same content as an editable Word document.
    Docx,
}

impl ReportFormat {
    /// The format a file's extension names (`.pdf`, `.docx`, in any case); `None` for any other
    /// extension or none.
    #[must_use]
    pub fn from_extension(path: &Path) -> Option<ReportFormat> {
        let extension = path.extension()?.to_str()?;
        if extension.eq_ignore_ascii_case("pdf") {
            Some(ReportFormat::Pdf)
        } else if extension.eq_ignore_ascii_case("docx") {
            Some(ReportFormat::Docx)
        } else {
            None
        }
    }

    /// The report in this format.
    ///
    /// # Errors
    /// As [`render_pdf`] and [`render_docx`].
    pub fn render(
        self,
        audit: &Audit,
        options: &ReportOptions,
        fonts: &Fonts,
    ) -> Result<Vec<u8>, ReportError> {
        match self {
            ReportFormat::Pdf => render_pdf(audit, options, fonts),
            ReportFormat::Docx => render_docx(audit, options, fonts),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_names_the_format() {
        let of = |p: &str| ReportFormat::from_extension(Path::new(p));
        assert_eq!(of("rapport.docx"), Some(ReportFormat::Docx));
        assert_eq!(of("RAPPORT.DOCX"), Some(ReportFormat::Docx));
        assert_eq!(of("a/b.pdf"), Some(ReportFormat::Pdf));
        assert_eq!(of("rapport.txt"), None);
        assert_eq!(of("rapport"), None);
    }
}
