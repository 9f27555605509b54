//! `svarskoll report AUDIT -o OUT.pdf|OUT.docx [--lang sv|en] [--as-of "YYYY-MM-DD HH:MM"]`

use super::UserError;
use crate::core::Lang;
use crate::report::{Fonts, ReportError, ReportFormat, ReportOptions};
use crate::store::audit_file::write_export;
use crate::store::clock::document_time;
use chrono::Utc;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The audit file.
    audit: PathBuf,
    /// The file to write: a Word document when it ends in .docx, else the PDF (any other
    /// extension, or none, gives a PDF as before).
    #[arg(short = 'o', long = "output", value_name = "OUT.pdf|OUT.docx")]
    output: PathBuf,
    /// Report the results as they stood at this local time (default: the audit's closing time,
    /// else now).
    #[arg(long = "as-of", value_name = "YYYY-MM-DD HH:MM")]
    as_of: Option<String>,
}

/// `lang` is the global `--lang` (also written after the subcommand: `report --lang en`).
pub fn run(args: &ReportArgs, lang: Lang) -> Result<ExitCode, UserError> {
    let audit = super::load_checked(&args.audit)?;
    let as_of = super::as_of(args.as_of.as_deref(), &audit, lang)?;
    let fonts = Fonts::load()?;
    let options = ReportOptions::dated(&audit, lang, as_of, document_time(Utc::now()));
    let format = ReportFormat::from_extension(&args.output).unwrap_or(ReportFormat::Pdf);
    let bytes = format.render(&audit, &options, &fonts)?;
    write_export(&args.output, &bytes).map_err(|e| ReportError::write(&args.output, &e))?;
    eprintln!(
        "svarskoll: {} {}",
        crate::i18n::cli::REPORT_WRITTEN.get(lang),
        args.output.display()
    );
    Ok(ExitCode::SUCCESS)
}
