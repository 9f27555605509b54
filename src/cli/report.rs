//! `svarskoll report AUDIT -o OUT.pdf|OUT.docx [--evidence] [--lang sv|en]
//! [--as-of "YYYY-MM-DD HH:MM"]`

use super::UserError;
use crate::core::Lang;
use crate::core::picture::EvidencePictures;
use crate::i18n::cli::{EVIDENCE_NOT_READ, EVIDENCE_WARNING, fill};
use crate::report::{Fonts, ReportError, ReportFormat, ReportOptions};
use crate::store::audit_file::write_export;
use crate::store::clock::document_time;
use crate::store::evidence::{evidence_dir, load_pictures};
use chrono::Utc;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

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
    /// Add the evidence appendix: the audited probes' screenshots (PNG or JPEG in the audit's
    /// NAME.evidence folder), captioned. Also added without this flag when the audit file asks
    /// for it (Rapport in the app). Screenshots may show people's names: a report with the
    /// appendix is not for publication.
    #[arg(long = "evidence")]
    evidence: bool,
}

/// `lang` is the global `--lang` (also written after the subcommand: `report --lang en`).
pub fn run(args: &ReportArgs, lang: Lang) -> Result<ExitCode, UserError> {
    let audit = super::load_checked(&args.audit)?;
    let as_of = super::as_of(args.as_of.as_deref(), &audit, lang)?;
    let fonts = Fonts::load()?;
    let mut options = ReportOptions::dated(&audit, lang, as_of, document_time(Utc::now()));
    if args.evidence || audit.report.evidence_appendix {
        options.evidence = Some(Arc::new(load_pictures(&args.audit, &audit)));
    }
    let format = ReportFormat::from_extension(&args.output).unwrap_or(ReportFormat::Pdf);
    let bytes = format.render(&audit, &options, &fonts)?;
    write_export(&args.output, &bytes).map_err(|e| ReportError::write(&args.output, &e))?;
    eprintln!(
        "svarskoll: {} {}",
        crate::i18n::cli::REPORT_WRITTEN.get(lang),
        args.output.display()
    );
    if let Some(pictures) = &options.evidence {
        warn_about_evidence(&args.audit, pictures, lang);
    }
    Ok(ExitCode::SUCCESS)
}

/// The appendix's warning, and each screenshot that could not be read (by its path in the
/// evidence folder), on stderr.
fn warn_about_evidence(audit_path: &Path, pictures: &EvidencePictures, lang: Lang) {
    eprintln!("svarskoll: {}", EVIDENCE_WARNING.get(lang));
    let missing: Vec<&String> = pictures
        .iter()
        .filter(|(_, picture)| picture.is_none())
        .map(|(relative, _)| relative)
        .collect();
    if missing.is_empty() {
        return;
    }
    let count = missing.len().to_string();
    eprintln!(
        "svarskoll: {}",
        fill(EVIDENCE_NOT_READ.get(lang), &[("n", &count)])
    );
    let folder = evidence_dir(audit_path);
    for relative in missing {
        // Names come from the audit file: control characters are shown, not obeyed.
        let path = folder.join(relative);
        eprintln!("  {}", super::escape_controls(&path.display().to_string()));
    }
}
