//! `svarskoll split AUDIT (--parts N | --by unit|platform) -o DIR`

use super::UserError;
use crate::core::Lang;
use crate::core::split::{SplitBy, split};
use crate::i18n::parts::{part_title, split_error_text};
use crate::store::load_audit;
use crate::store::split::write_parts;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("how").required(true).args(["parts", "by"])))]
pub struct SplitArgs {
    /// The audit file.
    audit: PathBuf,
    /// This many parts, with the accounts to audit shared out evenly (neighbours in the
    /// register stay together).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    parts: Option<u16>,
    /// One part per unit (verksamhet) or per platform.
    #[arg(long, value_enum)]
    by: Option<By>,
    /// The folder to write the parts to (created when missing); nothing in it is written over.
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    output: PathBuf,
}

/// `--by unit|platform`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    /// One part per unit (verksamhet).
    Unit,
    /// One part per platform.
    Platform,
}

pub fn run(args: &SplitArgs, lang: Lang) -> Result<ExitCode, UserError> {
    let audit = load_audit(&args.audit)?;
    let by = match (args.parts, args.by) {
        (Some(n), _) => SplitBy::Count(usize::from(n)),
        (None, Some(By::Unit)) => SplitBy::Unit,
        (None, Some(By::Platform)) => SplitBy::Platform,
        // clap requires one of the two.
        (None, None) => SplitBy::Count(1),
    };
    let mut parts = split(&audit, by).map_err(|e| {
        UserError::Input(format!(
            "{}: {}",
            args.audit.display(),
            split_error_text(e, lang)
        ))
    })?;
    // The part's title says which part it is (the merge takes the audit's title back).
    for part in &mut parts {
        if let Some(origin) = &part.audit.split {
            part.audit.meta.title = part_title(&audit.meta.title, origin.part, origin.parts, lang);
        }
    }
    let written = write_parts(&args.audit, &parts, &args.output)?;
    for (path, part) in written.iter().zip(&parts) {
        let accounts = part.audit.accounts.len();
        let audited = part
            .audit
            .accounts
            .iter()
            .filter(|a| part.audit.is_audited(a))
            .count();
        println!(
            "{} {} ({})",
            crate::i18n::cli::WROTE.get(lang),
            path.display(),
            crate::i18n::cli::part_size(accounts, audited, lang)
        );
    }
    Ok(ExitCode::SUCCESS)
}
