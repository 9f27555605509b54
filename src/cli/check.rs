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

pub fn run(args: &CheckArgs, lang: crate::core::Lang) -> Result<ExitCode, UserError> {
    let audit = load_audit(&args.audit)?;
    let problems = check(&audit, chrono::Utc::now());
    for p in &problems {
        println!(
            "{}: {}",
            args.audit.display(),
            super::escape_controls(&crate::i18n::problem_text(p, lang))
        );
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    if errors > 0 {
        return Err(UserError::Input(format!(
            "{}: {}",
            args.audit.display(),
            summary(errors, warnings, lang)
        )));
    }
    println!(
        "{}: {}, {}",
        args.audit.display(),
        crate::i18n::cli::NO_ERRORS.get(lang),
        warnings_text(warnings, lang)
    );
    Ok(ExitCode::SUCCESS)
}

/// "2 fel och 1 varning", "1 error and 3 warnings".
fn summary(errors: usize, warnings: usize, lang: crate::core::Lang) -> String {
    let errors = match lang {
        crate::core::Lang::Sv => crate::i18n::plural(errors, "fel", "fel"),
        crate::core::Lang::En => crate::i18n::plural(errors, "error", "errors"),
    };
    let and = match lang {
        crate::core::Lang::Sv => "och",
        crate::core::Lang::En => "and",
    };
    format!("{errors} {and} {}", warnings_text(warnings, lang))
}

/// "1 varning", "3 warnings".
fn warnings_text(n: usize, lang: crate::core::Lang) -> String {
    match lang {
        crate::core::Lang::Sv => crate::i18n::plural(n, "varning", "varningar"),
        crate::core::Lang::En => crate::i18n::plural(n, "warning", "warnings"),
    }
}
