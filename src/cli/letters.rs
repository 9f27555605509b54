//! `svarskoll letters AUDIT -o DIR [--all-units] [--lang sv|en] [--as-of "YYYY-MM-DD HH:MM"]`:
//! a feedback letter (PDF) to each unit with an audited account not answered in time.

use super::UserError;
use crate::core::Lang;
use crate::i18n::cli::{LETTER_WRITTEN, fill};
use crate::i18n::letters::{NO_UNIT_QUALIFIES, letters_written};
use crate::report::{Fonts, ReportOptions, render_letters};
use crate::store::audit_file::{create_export_folder, write_export};
use crate::store::clock::document_time;
use chrono::Utc;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct LettersArgs {
    /// The audit file.
    audit: PathBuf,
    /// The folder to write the letters into (made when missing): one
    /// `aterkoppling-<unit>.pdf` per unit.
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    output: PathBuf,
    /// A letter to every unit with an audited account, not only to those with an account that
    /// did not answer in time.
    #[arg(long = "all-units")]
    all_units: bool,
    /// The results as they stood at this local time (default: the audit's closing time, else
    /// now).
    #[arg(long = "as-of", value_name = "YYYY-MM-DD HH:MM")]
    as_of: Option<String>,
}

/// `lang` is the global `--lang`: the letters' language and the messages'.
pub fn run(args: &LettersArgs, lang: Lang) -> Result<ExitCode, UserError> {
    let audit = super::load_checked(&args.audit)?;
    let as_of = super::as_of(args.as_of.as_deref(), &audit, lang)?;
    let fonts = Fonts::load()?;
    let options = ReportOptions::dated(&audit, lang, as_of, document_time(Utc::now()));
    let letters = render_letters(&audit, &options, &fonts, args.all_units)?;
    if letters.is_empty() {
        eprintln!("svarskoll: {}", NO_UNIT_QUALIFIES.get(lang));
        return Ok(ExitCode::SUCCESS);
    }
    create_export_folder(&args.output)?;
    for letter in &letters {
        let path = args.output.join(&letter.file_name);
        write_export(&path, &letter.pdf)?;
        // Unit names come from the audit file: control characters are shown, not obeyed.
        eprintln!(
            "svarskoll: {}",
            super::escape_controls(&fill(
                LETTER_WRITTEN.get(lang),
                &[
                    ("unit", &letter.unit),
                    ("path", &path.display().to_string())
                ],
            ))
        );
    }
    eprintln!(
        "svarskoll: {}",
        super::escape_controls(&letters_written(
            letters.len(),
            &args.output.display().to_string(),
            lang
        ))
    );
    Ok(ExitCode::SUCCESS)
}
