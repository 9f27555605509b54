//! `svarskoll new --template T [--accounts CSV] [--log CSV] [--title TEXT] -o AUDIT`

use super::UserError;
use crate::store::{AuditFile, csv_import::import_csv, resolve_template};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// A bundled template's name (malmo-sociala-medier, skurup-riktlinjer) or a template file.
    #[arg(long)]
    template: String,
    /// The account register (CSV).
    #[arg(long)]
    accounts: Option<PathBuf>,
    /// A log of probes (CSV, same columns).
    #[arg(long)]
    log: Option<PathBuf>,
    /// The report's title.
    #[arg(long)]
    title: Option<String>,
    /// The audit file to create.
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
}

pub fn run(args: &NewArgs, lang: crate::core::Lang) -> Result<ExitCode, UserError> {
    if args.output.exists() {
        return Err(UserError::Input(format!(
            "{}: {}",
            args.output.display(),
            crate::i18n::cli::OUTPUT_EXISTS.get(lang)
        )));
    }
    let (key, template) = resolve_template(&args.template)?;
    let mut audit = template.new_audit(&key, chrono::Utc::now());
    if let Some(title) = &args.title {
        audit.meta.title.clone_from(title);
    }
    for csv in [&args.accounts, &args.log].into_iter().flatten() {
        let outcome = import_csv(&mut audit, csv)?;
        for n in &outcome.notices {
            eprintln!(
                "{}: {}",
                csv.display(),
                super::escape_controls(&crate::i18n::import_notice_text(n, lang))
            );
        }
        eprintln!(
            "{}: {}",
            csv.display(),
            crate::i18n::import::import_summary_text(outcome.encoding, &outcome.summary, lang)
        );
    }
    AuditFile::create(&args.output, &audit)?.release();
    eprintln!(
        "{} {}",
        crate::i18n::cli::CREATED.get(lang),
        args.output.display()
    );
    Ok(ExitCode::SUCCESS)
}
