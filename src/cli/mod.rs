//! The command line: the same core, store and report functions as the GUI, no window.

mod check;
mod export;
mod followup;
mod import;
mod letters;
mod merge;
mod new;
mod report;
mod results;
mod split;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Svarskoll: granskning av kommunens konton i sociala medier (serviceskyldighet).
#[derive(Debug, Parser)]
#[command(name = "svarskoll", version)]
pub struct Cli {
    /// An audit file to open in the window.
    pub audit: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Language of the output and the report (else the SVARSKOLL_LANG variable, else Swedish;
    /// never the system locale, so output does not change with the machine).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<CliLang>,
}

/// `--lang sv|en`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CliLang {
    /// Svenska.
    Sv,
    /// English.
    En,
}

/// The language: `--lang`, else `SVARSKOLL_LANG` (`sv` or `en`), else Swedish. A wrong
/// `SVARSKOLL_LANG` is named in both languages, since neither was chosen.
fn language(arg: Option<CliLang>) -> Result<crate::core::Lang, String> {
    use crate::core::Lang;
    if let Some(lang) = arg {
        return Ok(match lang {
            CliLang::Sv => Lang::Sv,
            CliLang::En => Lang::En,
        });
    }
    match std::env::var("SVARSKOLL_LANG")
        .ok()
        .as_deref()
        .map(str::trim)
    {
        None | Some("") => Ok(Lang::Sv),
        Some(v) if v.eq_ignore_ascii_case("sv") => Ok(Lang::Sv),
        Some(v) if v.eq_ignore_ascii_case("en") => Ok(Lang::En),
        Some(other) => Err(format!(
            "SVARSKOLL_LANG: {} {}",
            crate::i18n::quoted(other),
            crate::i18n::cli::NOT_A_LANGUAGE
        )),
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new audit from a template.
    New(new::NewArgs),
    /// Add accounts and probes from a CSV file.
    Import(import::ImportArgs),
    /// Print the results.
    Results(results::ResultsArgs),
    /// Write the audit report as PDF, or as a Word document when OUT ends in .docx.
    Report(report::ReportArgs),
    /// Validate an audit file and list its problems.
    Check(check::CheckArgs),
    /// Write the log with computed outcomes as CSV (for Excel).
    Export(export::ExportArgs),
    /// Write a feedback letter (PDF) to each unit with an audited account not answered in
    /// time, into a folder.
    Letters(letters::LettersArgs),
    /// Start next year's follow-up audit from this one: the register, criteria, texts and
    /// actions carried over, this audit's figures as an earlier audit, no probes.
    Followup(followup::FollowupArgs),
    /// Split the register among auditors: one audit file per part, with its evidence.
    Split(split::SplitArgs),
    /// Merge the auditors' parts back, by the accounts' and questions' ids; conflicts are
    /// listed and nothing is written.
    Merge(merge::MergeArgs),
}

/// A failure the user can fix: printed on stderr in the chosen language, exit code 1. Every
/// message names the file (and line and field where there is one).
#[derive(Debug)]
pub enum UserError {
    File(crate::store::FileError),
    Import(crate::store::ImportError),
    Report(crate::report::ReportError),
    /// Any other bad input, its message already in the chosen language.
    Input(String),
}

impl From<crate::store::FileError> for UserError {
    fn from(error: crate::store::FileError) -> UserError {
        UserError::File(error)
    }
}

impl From<crate::store::ImportError> for UserError {
    fn from(error: crate::store::ImportError) -> UserError {
        UserError::Import(error)
    }
}

impl From<crate::report::ReportError> for UserError {
    fn from(error: crate::report::ReportError) -> UserError {
        UserError::Report(error)
    }
}

impl UserError {
    /// The message in `lang`.
    #[must_use]
    pub fn text(&self, lang: crate::core::Lang) -> String {
        match self {
            UserError::File(e) => crate::i18n::file_error_text(e, lang),
            UserError::Import(e) => crate::i18n::import_error_text(e, lang),
            UserError::Report(e) => e.text(lang),
            UserError::Input(message) => message.clone(),
        }
    }
}

/// Run the parsed command line.
#[must_use]
pub fn run(cli: Cli) -> ExitCode {
    let lang = match language(cli.lang) {
        Ok(lang) => lang,
        Err(message) => {
            eprintln!("svarskoll: {}", escape_controls(&message));
            return ExitCode::from(1);
        }
    };
    let result = match cli.command {
        Some(Command::New(args)) => new::run(&args, lang),
        Some(Command::Import(args)) => import::run(&args, lang),
        Some(Command::Results(args)) => results::run(&args, lang),
        Some(Command::Report(args)) => report::run(&args, lang),
        Some(Command::Check(args)) => check::run(&args, lang),
        Some(Command::Export(args)) => export::run(&args, lang),
        Some(Command::Letters(args)) => letters::run(&args, lang),
        Some(Command::Followup(args)) => followup::run(&args, lang),
        Some(Command::Split(args)) => split::run(&args, lang),
        Some(Command::Merge(args)) => merge::run(&args, lang),
        None => open_window(cli.audit, lang),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("svarskoll: {}", escape_controls(&error.text(lang)));
            ExitCode::from(1)
        }
    }
}

/// Text from a file made safe for a terminal: control characters other than newline and tab
/// (ESC, BEL, …) are shown escaped instead of being obeyed.
#[must_use]
pub fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Load an audit for a command that computes from it: refused when `check` finds errors, whose
/// results would be wrong (warnings do not block).
fn load_checked(path: &std::path::Path) -> Result<crate::core::Audit, UserError> {
    let audit = crate::store::load_audit(path)?;
    crate::store::audit_file::refuse_errors(path, &audit, Utc::now())?;
    Ok(audit)
}

fn open_window(audit: Option<PathBuf>, lang: crate::core::Lang) -> Result<ExitCode, UserError> {
    crate::gui::run(audit).map_err(|e| {
        let text = format!(
            "{}: {e}\n{}",
            crate::i18n::cli::COULD_NOT_OPEN_THE_WINDOW.get(lang),
            crate::i18n::cli::WITHOUT_A_WINDOW.get(lang)
        );
        // Started from the Start menu or by a double-click there is no console to read.
        crate::gui::os::tell_in_a_message_box("Svarskoll", &text);
        UserError::Input(text)
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The "as of" instant: `--as-of`, else the audit's closing time, else now.
fn as_of(
    arg: Option<&str>,
    audit: &crate::core::Audit,
    lang: crate::core::Lang,
) -> Result<DateTime<Utc>, UserError> {
    if let Some(text) = arg {
        let t = crate::core::localtime::parse_time(text).map_err(|e| {
            UserError::Input(format!(
                "--as-of: {}",
                crate::i18n::import::not_a_time(&e.text, lang)
            ))
        })?;
        return Ok(t.instant.to_utc());
    }
    Ok(crate::core::rules::as_of(audit, Utc::now()))
}
