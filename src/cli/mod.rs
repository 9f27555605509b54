//! The command line: the same core, store and report functions as the GUI, no window.

mod check;
mod export;
mod import;
mod new;
mod report;
mod results;

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

/// The language: `--lang`, else `SVARSKOLL_LANG` (`sv` or `en`), else Swedish.
fn language(arg: Option<CliLang>) -> Result<crate::core::Lang, UserError> {
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
        Some(other) => Err(UserError::Input(format!(
            "SVARSKOLL_LANG: '{}' är inget språk; använd sv eller en",
            crate::store::quoted(other)
        ))),
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
}

/// A failure the user can fix: printed on stderr, exit code 1. Every message names the file
/// (and line and field where there is one).
#[derive(Debug, thiserror::Error)]
pub enum UserError {
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Import(#[from] crate::store::ImportError),
    #[error(transparent)]
    Report(#[from] crate::report::ReportError),
    /// Any other bad input, with its message.
    #[error("{0}")]
    Input(String),
}

/// Run the parsed command line.
#[must_use]
pub fn run(cli: Cli) -> ExitCode {
    let result = language(cli.lang).and_then(|lang| match cli.command {
        Some(Command::New(args)) => new::run(&args),
        Some(Command::Import(args)) => import::run(&args),
        Some(Command::Results(args)) => results::run(&args, lang),
        Some(Command::Report(args)) => report::run(&args, lang),
        Some(Command::Check(args)) => check::run(&args, lang),
        Some(Command::Export(args)) => export::run(&args),
        None => open_window(cli.audit),
    });
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("svarskoll: {}", escape_controls(&error.to_string()));
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

fn open_window(audit: Option<PathBuf>) -> Result<ExitCode, UserError> {
    crate::gui::run(audit)
        .map_err(|e| UserError::Input(format!("kunde inte öppna fönstret: {e}")))?;
    Ok(ExitCode::SUCCESS)
}

/// The "as of" instant: `--as-of`, else the audit's closing time, else now.
fn as_of(arg: Option<&str>, audit: &crate::core::Audit) -> Result<DateTime<Utc>, UserError> {
    if let Some(text) = arg {
        let t = crate::core::localtime::parse_time(text)
            .map_err(|e| UserError::Input(format!("--as-of: {e}")))?;
        return Ok(t.instant.to_utc());
    }
    Ok(crate::core::rules::as_of(audit, Utc::now()))
}
