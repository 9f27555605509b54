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

pub fn run(args: &NewArgs) -> Result<ExitCode, UserError> {
    if args.output.exists() {
        return Err(UserError::Input(format!(
            "{}: filen finns redan; välj ett annat namn (inget skrevs över)",
            args.output.display()
        )));
    }
    let (key, template) = resolve_template(&args.template)?;
    let mut audit = template.new_audit(&key, chrono::Utc::now());
    if let Some(title) = &args.title {
        audit.meta.title.clone_from(title);
    }
    for csv in [&args.accounts, &args.log].into_iter().flatten() {
        let outcome = import_csv(&mut audit, csv)?;
        let summary = outcome.summary;
        for n in &outcome.notices {
            eprintln!("{}: {}", csv.display(), super::escape_controls(n));
        }
        eprintln!(
            "{}: läst som {}; {} nya konton, {} nya frågor, {} uppdaterade",
            csv.display(),
            outcome.encoding,
            summary.new_accounts,
            summary.new_probes,
            summary.updated_probes
        );
    }
    AuditFile::create(&args.output, &audit)?.release();
    eprintln!("Skapade {}", args.output.display());
    Ok(ExitCode::SUCCESS)
}
