//! `svarskoll import AUDIT CSV`

use super::UserError;
use crate::store::{csv_import::import_csv, load_audit, save_audit};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The audit file.
    audit: PathBuf,
    /// The CSV file to import.
    csv: PathBuf,
}

pub fn run(args: &ImportArgs) -> Result<ExitCode, UserError> {
    let mut audit = load_audit(&args.audit)?;
    let (summary, notices) = import_csv(&mut audit, &args.csv)?;
    for n in notices {
        eprintln!("{}: {n}", args.csv.display());
    }
    save_audit(&args.audit, &audit)?;
    println!(
        "{}: {} nya konton, {} nya frågor, {} uppdaterade frågor",
        args.csv.display(),
        summary.new_accounts,
        summary.new_probes,
        summary.updated_probes
    );
    Ok(ExitCode::SUCCESS)
}
