//! `svarskoll export AUDIT -o OUT.csv`

use super::UserError;
use crate::core::Results;
use crate::store::{csv_export::export_csv, load_audit};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The audit file.
    audit: PathBuf,
    /// The CSV file to write (opens in Excel; re-imports with `svarskoll import`).
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
    /// Compute outcomes as of this local time (default: the audit's closing time, else now).
    #[arg(long = "as-of", value_name = "YYYY-MM-DD HH:MM")]
    as_of: Option<String>,
}

pub fn run(args: &ExportArgs) -> Result<ExitCode, UserError> {
    let extension = args
        .output
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase());
    if extension.as_deref() != Some("csv") {
        return Err(UserError(format!(
            "{}: bara CSV-export finns (filnamnet ska sluta på .csv); Excel öppnar CSV-filen direkt",
            args.output.display()
        )));
    }
    let audit = load_audit(&args.audit)?;
    let as_of = super::as_of(args.as_of.as_deref(), &audit)?;
    let results = Results::compute(&audit, as_of);
    export_csv(&audit, &results, &args.output)?;
    eprintln!("Skrev {}", args.output.display());
    Ok(ExitCode::SUCCESS)
}
