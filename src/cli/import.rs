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

pub fn run(args: &ImportArgs, lang: crate::core::Lang) -> Result<ExitCode, UserError> {
    // Held from reading to writing: a second writer is refused, naming this one, and a change
    // made meanwhile by a program that ignores the lock is never written over.
    let (mut file, mut audit) = AuditFile::open(&args.audit)?;
    let outcome = import_csv(&mut audit, &args.csv)?;
    for n in &outcome.notices {
        eprintln!(
            "{}: {}",
            args.csv.display(),
            super::escape_controls(&crate::i18n::import_notice_text(n, lang))
        );
    }
    file.save(&audit)?;
    file.release();
    println!(
        "{}: {}",
        args.csv.display(),
        crate::i18n::import::import_summary_text(outcome.encoding, &outcome.summary, lang)
    );
    Ok(ExitCode::SUCCESS)
}
