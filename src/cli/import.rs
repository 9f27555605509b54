//! `svarskoll import AUDIT CSV`

use super::UserError;
use crate::store::{AuditFile, csv_import::import_csv};
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
    // Held from reading to writing: a second writer is refused, naming this one, and a change
    // made meanwhile by a program that ignores the lock is never written over.
    let (mut file, mut audit) = AuditFile::open(&args.audit)?;
    let outcome = import_csv(&mut audit, &args.csv)?;
    for n in &outcome.notices {
        eprintln!("{}: {}", args.csv.display(), super::escape_controls(n));
    }
    file.save(&audit)?;
    file.release();
    let summary = outcome.summary;
    println!(
        "{}: läst som {}; {} nya konton, {} nya frågor, {} uppdaterade frågor",
        args.csv.display(),
        outcome.encoding,
        summary.new_accounts,
        summary.new_probes,
        summary.updated_probes
    );
    Ok(ExitCode::SUCCESS)
}
