//! `svarskoll followup AUDIT -o NEXT [--year Y]`

use super::UserError;
use crate::core::followup::{default_year, followup};
use crate::core::{Results, rules::YEAR};
use crate::store::AuditFile;
use chrono::Utc;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct FollowupArgs {
    /// The audit to follow up (its results as of its closing time, else now, become an earlier
    /// audit of the new one).
    audit: PathBuf,
    /// The new audit file to create (never overwritten).
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
    /// The follow-up's year (default: the audit's year + 1).
    #[arg(long, value_parser = clap::value_parser!(i32).range(i64::from(*YEAR.start())..=i64::from(*YEAR.end())))]
    year: Option<i32>,
}

pub fn run(args: &FollowupArgs, lang: crate::core::Lang) -> Result<ExitCode, UserError> {
    if args.output.exists() {
        return Err(UserError::Input(format!(
            "{}: {}",
            args.output.display(),
            crate::i18n::cli::OUTPUT_EXISTS.get(lang)
        )));
    }
    let audit = super::load_checked(&args.audit)?;
    let now = Utc::now();
    let results = Results::compute(&audit, crate::core::rules::as_of(&audit, now));
    let year = args.year.unwrap_or_else(|| default_year(&audit, now));
    AuditFile::create(&args.output, &followup(&audit, &results, year))?.release();
    eprintln!(
        "{} {}",
        crate::i18n::cli::CREATED.get(lang),
        args.output.display()
    );
    Ok(ExitCode::SUCCESS)
}
