//! `svarskoll merge AUDIT PART… -o OUT`

use super::{UserError, escape_controls};
use crate::core::Lang;
use crate::i18n::parts::{conflict_text, conflicts_heading, counts_text, ignored_text};
use crate::store::merge::merge_files;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The audit the parts were split from (it may have been worked on since).
    audit: PathBuf,
    /// The parts (made by `svarskoll split`), as the auditors return them.
    #[arg(required = true, value_name = "PART")]
    parts: Vec<PathBuf>,
    /// The merged audit: a new file, or AUDIT itself. With any conflict nothing is written.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: PathBuf,
}

pub fn run(args: &MergeArgs, lang: Lang) -> Result<ExitCode, UserError> {
    let outcome = merge_files(&args.audit, &args.parts, &args.output)?;
    // Each value is named by its file as given on the command line.
    let names: Vec<String> = std::iter::once(&args.audit)
        .chain(&args.parts)
        .map(|p| p.display().to_string())
        .collect();
    for (part, setting) in &outcome.ignored {
        eprintln!(
            "svarskoll: {}: {}",
            names[part + 1],
            ignored_text(*setting, lang)
        );
    }
    if !outcome.conflicts.is_empty() {
        eprintln!(
            "svarskoll: {}",
            conflicts_heading(outcome.conflicts.len(), lang)
        );
        for conflict in &outcome.conflicts {
            // Names and notes come from the files: control characters are shown, not obeyed.
            eprintln!(
                "  {}",
                escape_controls(&conflict_text(conflict, &names, lang))
            );
        }
        return Ok(ExitCode::from(1));
    }
    println!(
        "{} {}: {}",
        crate::i18n::cli::merged(args.parts.len(), lang),
        args.output.display(),
        counts_text(&outcome.counts, outcome.evidence_copied, lang)
    );
    Ok(ExitCode::SUCCESS)
}
