//! `svarskoll export AUDIT -o OUT.csv|OUT.xlsx`

use super::UserError;
use crate::core::Results;
use crate::store::export::{export_csv, export_xlsx};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The file to write: `.csv` (re-imports with `svarskoll import`) or `.xlsx` (an Excel
    /// workbook with the log and a results sheet).
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
    /// The audit file.
    audit: PathBuf,
    /// Compute outcomes as of this local time (default: the audit's closing time, else now).
    #[arg(long = "as-of", value_name = "YYYY-MM-DD HH:MM")]
    as_of: Option<String>,
}

pub fn run(args: &ExportArgs, lang: crate::core::Lang) -> Result<ExitCode, UserError> {
    let extension = args
        .output
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase());
    let write = match extension.as_deref() {
        Some("csv") => export_csv,
        Some("xlsx") => export_xlsx,
        _ => {
            return Err(UserError::Input(format!(
                "{}: {}",
                args.output.display(),
                crate::i18n::cli::CSV_OR_XLSX.get(lang)
            )));
        }
    };
    let audit = super::load_checked(&args.audit)?;
    let as_of = super::as_of(args.as_of.as_deref(), &audit, lang)?;
    let results = Results::compute(&audit, as_of);
    write(&audit, &results, &args.output)?;
    eprintln!(
        "{} {}",
        crate::i18n::cli::WROTE.get(lang),
        args.output.display()
    );
    Ok(ExitCode::SUCCESS)
}
