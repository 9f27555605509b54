//! `svarskoll report AUDIT -o OUT.pdf [--lang sv|en] [--as-of "YYYY-MM-DD HH:MM"]`

use super::UserError;
use crate::core::Lang;
use crate::core::localtime::ZONE;
use crate::report::{Fonts, ReportError, ReportOptions, render_pdf};
use crate::store::audit_file::write_export;
use chrono::Utc;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The audit file.
    audit: PathBuf,
    /// The PDF file to write.
    #[arg(short = 'o', long = "output", value_name = "OUT.pdf")]
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
    let now = Utc::now().with_timezone(&ZONE);
    let options = ReportOptions {
        lang,
        as_of,
        today: now.date_naive(),
        created: now.fixed_offset(),
    };
    let bytes = render_pdf(&audit, &options, &fonts)?;
    write_export(&args.output, &bytes).map_err(|e| ReportError::write(&args.output, &e))?;
    eprintln!(
        "svarskoll: {} {}",
        crate::i18n::cli::REPORT_WRITTEN.get(lang),
        args.output.display()
    );
    Ok(ExitCode::SUCCESS)
}
