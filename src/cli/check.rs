//! `svarskoll check AUDIT`

use super::UserError;
use crate::core::check::{Severity, check};
use crate::store::load_audit;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The audit file.
    audit: PathBuf,
}

pub fn run(args: &CheckArgs) -> Result<ExitCode, UserError> {
    let audit = load_audit(&args.audit)?;
    let problems = check(&audit, chrono::Utc::now());
    for p in &problems {
        println!(
            "{}: {}",
            args.audit.display(),
            super::escape_controls(&crate::i18n::problem_text(p, crate::core::Lang::Sv))
        );
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    if errors > 0 {
        return Err(UserError::Input(format!(
            "{}: {errors} fel och {warnings} varningar",
            args.audit.display()
        )));
    }
    println!("{}: inga fel, {warnings} varningar", args.audit.display());
    Ok(ExitCode::SUCCESS)
}
