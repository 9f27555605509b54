//! Audit files: pretty RON with a `version` field, checked against the limits of
//! `core::rules` on load, saved atomically (see [`super::disk`]) under the audit's lock (see
//! [`super::lock`]) with a `.bak`. A program that keeps an audit open uses
//! [`super::session::AuditFile`], which also notices changes made by someone else.

use super::disk;
use super::lock::{AuditLock, LockHolder};
use crate::core::rules::{FILE_BYTES, Limit, LimitViolation, out_of_limits};
use crate::core::{AUDIT_FILE_VERSION, Audit};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// What can go wrong reading or writing a file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: kunde inte {action}: {source}")]
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: filen har version {found}, men den här versionen av Svarskoll kan bara läsa upp till version {supported}. Uppdatera Svarskoll."
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{path}: kunde inte skriva filen: {message}")]
    Serialize { path: PathBuf, message: String },
    /// A value outside the limits of `core::rules`.
    #[error("{path}: fältet {field}: {message}")]
    OutOfRange {
        path: PathBuf,
        field: String,
        message: String,
    },
    #[error(
        "{path}: filen är {bytes} byte, mer än de {limit} byte Svarskoll läser; är det rätt fil?"
    )]
    TooLarge {
        path: PathBuf,
        bytes: u64,
        limit: u64,
    },
    /// Another program holds the audit (its lock file is live).
    #[error(
        "{path}: granskningen är öppen för ändring hos {holder}; inget sparades. Vänta tills den stängs, eller öppna den skrivskyddad."
    )]
    LockHeld { path: PathBuf, holder: LockHolder },
    /// Someone else changed the file since this program read it; nothing was written over it.
    #[error(
        "{path}: filen har ändrats av någon annan sedan den lästes; inget skrevs över. Spara som en kopia, eller läs in filen igen."
    )]
    ChangedOnDisk { path: PathBuf },
    /// The file is read-only (mode 444, the Windows read-only attribute).
    #[error(
        "{path}: filen är skrivskyddad; inget sparades. Ta bort skrivskyddet eller spara som en kopia."
    )]
    ReadOnly { path: PathBuf },
    /// `check` found errors, so results would be wrong.
    #[error("{path}: {} fel måste rättas först (se svarskoll check):\n{}", problems.len(), problems.iter().map(|p| format!("  {}: {p}", path.display())).collect::<Vec<_>>().join("\n"))]
    HasErrors {
        path: PathBuf,
        problems: Vec<String>,
    },
}

impl StoreError {
    /// The file the error is about.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            StoreError::Io { path, .. }
            | StoreError::Parse { path, .. }
            | StoreError::TooNew { path, .. }
            | StoreError::Serialize { path, .. }
            | StoreError::OutOfRange { path, .. }
            | StoreError::TooLarge { path, .. }
            | StoreError::LockHeld { path, .. }
            | StoreError::ChangedOnDisk { path }
            | StoreError::ReadOnly { path }
            | StoreError::HasErrors { path, .. } => path,
        }
    }
}

/// The words for a value outside the limits.
fn limit_message(limit: &Limit) -> String {
    use crate::core::rules::{HOURS, MAX_DAYS, YEAR};
    match limit {
        Limit::Hours(h) => format!(
            "svarsfristen {h} timmar ligger utanför {}–{} timmar",
            HOURS.start(),
            HOURS.end()
        ),
        Limit::MaxDays(d) => format!(
            "max_days {d} ligger utanför {}–{} dagar",
            MAX_DAYS.start(),
            MAX_DAYS.end()
        ),
        Limit::Year(y) => format!("året {y} ligger utanför {}–{}", YEAR.start(), YEAR.end()),
        Limit::DateOutOfRange(t) => format!(
            "tiden {} ligger utanför åren {}–{}",
            super::quoted(t),
            YEAR.start(),
            YEAR.end()
        ),
        Limit::TextTooLong { chars, limit } => {
            format!("texten är {chars} tecken, mer än de {limit} som tillåts")
        }
    }
}

/// The first value outside the limits as an error naming `path` and the field.
pub(crate) fn refuse_out_of_limits(
    path: &Path,
    found: &[LimitViolation],
) -> Result<(), StoreError> {
    match found.first() {
        None => Ok(()),
        Some(v) => Err(StoreError::OutOfRange {
            path: path.to_owned(),
            field: v.field.clone(),
            message: if found.len() > 1 {
                format!(
                    "{} (och {} fler värden utanför gränserna)",
                    limit_message(&v.limit),
                    found.len() - 1
                )
            } else {
                limit_message(&v.limit)
            },
        }),
    }
}

/// Refuse an audit with error-severity problems (`check`): its results would be wrong. Results,
/// reports and exports call this first; warnings do not block. `now` flags future times.
///
/// # Errors
/// [`StoreError::HasErrors`] listing every error in Swedish.
pub fn refuse_errors(
    path: &Path,
    audit: &Audit,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    use crate::core::check::{Severity, check};
    let problems: Vec<String> = check(audit, now)
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| crate::i18n::problem_text(p, crate::core::Lang::Sv))
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::HasErrors {
            path: path.to_owned(),
            problems,
        })
    }
}

/// Parse RON text as `T`, naming `path`, line and column on error.
pub fn parse_ron<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, StoreError> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e| StoreError::Parse {
            path: path.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: ron_message(&e.code),
        })
}

/// A sentence for a RON error.
fn ron_message(code: &ron::Error) -> String {
    match code {
        ron::Error::MissingStructField { field, outer } => format!(
            "fältet {} saknas i {}",
            super::quoted(field),
            super::quoted_plain(outer.as_deref().unwrap_or("posten"))
        ),
        ron::Error::NoSuchStructField {
            found,
            outer,
            expected,
        } => format!(
            "okänt fält {} i {}; kända fält: {}",
            super::quoted(found),
            super::quoted_plain(outer.as_deref().unwrap_or("posten")),
            expected.join(", ")
        ),
        ron::Error::NoSuchEnumVariant {
            found, expected, ..
        } => format!(
            "okänt värde {}, väntade ett av: {}",
            super::quoted(found),
            expected.join(", ")
        ),
        // Other messages may quote the input (a string of any length): capped and escaped.
        other => format!(
            "filen går inte att läsa som RON: {}",
            super::message_capped(&other.to_string())
        ),
    }
}

/// Write `value` as pretty RON.
pub fn to_ron<T: Serialize>(path: &Path, value: &T) -> Result<String, StoreError> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(12)
        .struct_names(true)
        .indentor("    ");
    ron::ser::to_string_pretty(value, config).map_err(|e| StoreError::Serialize {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

/// Load an audit file (read only: no lock is taken).
pub fn load_audit(path: &Path) -> Result<Audit, StoreError> {
    let (bytes, _) = disk::read_limited(path, FILE_BYTES)?;
    parse_audit_bytes(path, &bytes)
}

/// Parse an audit file's bytes: UTF-8 (a BOM is skipped), else an error naming the line.
pub fn parse_audit_bytes(path: &Path, bytes: &[u8]) -> Result<Audit, StoreError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_audit(path, text),
        Err(e) => {
            let before = &bytes[..e.valid_up_to()];
            let line = 1 + before.iter().filter(|b| **b == b'\n').count();
            let column = 1 + before.iter().rev().take_while(|b| **b != b'\n').count();
            Err(StoreError::Parse {
                path: path.to_owned(),
                line,
                column,
                message: "filen är inte UTF-8-text".to_owned(),
            })
        }
    }
}

/// The version kept in the `.bak` beside `path` (the file as it was when it was last opened for
/// writing), `None` when there is none.
pub fn load_backup(path: &Path) -> Result<Option<Audit>, StoreError> {
    let bak = backup_path(path);
    if !bak.is_file() {
        return Ok(None);
    }
    load_audit(&bak).map(Some)
}

/// Parse an audit file's text (`path` only names it in errors).
///
/// A file of an earlier format version is migrated (see [`super::migrate`]); one of a later
/// version is refused before its unknown fields are met. Accounts and probes without an id (a
/// hand-edited file) get one.
pub fn parse_audit(path: &Path, text: &str) -> Result<Audit, StoreError> {
    let version = super::migrate::file_version(text);
    if let Some(found) = version.filter(|v| *v > AUDIT_FILE_VERSION) {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found,
            supported: AUDIT_FILE_VERSION,
        });
    }
    let mut audit: Audit = parse_ron(path, text)?;
    let version = version.unwrap_or(audit.version);
    super::migrate::migrate(&mut audit, version);
    refuse_out_of_limits(path, &out_of_limits(&audit))?;
    audit.assign_missing_ids(super::random_id);
    Ok(audit)
}

/// The `.bak` beside `path`: the file as it was when a program last opened it for writing.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = disk::file_name(path);
    name.push(".bak");
    path.with_file_name(name)
}

/// The RON text of `audit`, with ids given on a copy when some are missing: callers that keep
/// the audit in memory give ids when they add items, so the ids stay stable.
pub(crate) fn audit_text(path: &Path, audit: &Audit) -> Result<String, StoreError> {
    let needs_ids = audit
        .accounts
        .iter()
        .any(|a| a.id.0 == 0 || a.probes.iter().any(|p| p.id.0 == 0));
    if needs_ids {
        let mut copy = audit.clone();
        copy.assign_missing_ids(super::random_id);
        to_ron(path, &copy)
    } else {
        to_ron(path, audit)
    }
}

/// Save an audit in one step: take its lock (refused when another program holds it), keep the
/// file found as the `.bak` (when it is a valid audit), write the new one atomically, release
/// the lock. A program that keeps the audit open uses [`super::session::AuditFile`] instead, which
/// also refuses to write over someone else's change.
pub fn save_audit(path: &Path, audit: &Audit) -> Result<(), StoreError> {
    let text = audit_text(path, audit)?;
    let lock = AuditLock::acquire(path)?;
    if disk::is_read_only(path) {
        return Err(StoreError::ReadOnly {
            path: path.to_owned(),
        });
    }
    disk::clean_stale_temps(path, std::time::Duration::ZERO);
    if let Ok((previous, _)) = disk::read_limited(path, FILE_BYTES)
        && parse_audit_bytes(path, &previous).is_ok()
    {
        write_backup(path, &previous)?;
    }
    disk::replace_file(path, text.as_bytes(), path)?;
    lock.release();
    Ok(())
}

/// Write the `.bak` of `path` atomically (as the main file is), with the main file's permissions.
pub(crate) fn write_backup(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let bak = backup_path(path);
    disk::clean_stale_temps(&bak, std::time::Duration::ZERO);
    disk::replace_file(&bak, bytes, path).map_err(|e| match e {
        StoreError::Io { source, .. } => StoreError::Io {
            path: path.to_owned(),
            action: "spara en säkerhetskopia",
            source,
        },
        other => other,
    })?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&bak, meta.permissions());
    }
    Ok(())
}

/// Write `bytes` to `path` atomically (a template): no lock, no `.bak`; a read-only file is
/// refused.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_export(path, bytes)
}

/// Write an export (report, CSV) atomically: no `.bak`, since it can be made again from the audit.
/// A read-only file is refused; this machine's temp files older than a minute are cleaned.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    if disk::is_read_only(path) {
        return Err(StoreError::ReadOnly {
            path: path.to_owned(),
        });
    }
    disk::clean_stale_temps(path, disk::STALE_TEMP_AGE);
    disk::replace_file(path, bytes, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{Account, Platform, Probe, deadline::local};
    use std::fs;

    #[test]
    fn round_trip_and_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.svarskoll.ron");
        let mut audit = Audit::default();
        audit.meta.organisation = "Exempelstad".into();
        audit.accounts.push(Account {
            name: "Biblioteket Åby".into(),
            platform: Platform::Instagram,
            probes: vec![Probe {
                posted_at: Some(local(2019, 3, 31, 2, 30).unwrap().fixed_offset()),
                ..Probe::default()
            }],
            ..Account::default()
        });
        let mut next = 0;
        audit.assign_missing_ids(|| {
            next += 1;
            next
        });
        save_audit(&path, &audit).unwrap();
        assert_eq!(load_audit(&path).unwrap(), audit);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains("version: 2"), "{text}");
        assert!(text.contains("\"2019-03-31T03:30:00+02:00\""), "{text}");
        assert!(!backup_path(&path).exists());
        audit.meta.organisation = "Annan stad".into();
        save_audit(&path, &audit).unwrap();
        let bak = load_audit(&backup_path(&path)).unwrap();
        assert_eq!(bak.meta.organisation, "Exempelstad");
        assert_eq!(load_audit(&path).unwrap().meta.organisation, "Annan stad");
        // No temp file left behind.
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn parse_errors_name_line_and_column() {
        let err = parse_audit(
            Path::new("x.ron"),
            "(\n  version: 1,\n  meta: (year: \"tjugo\"),\n)",
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("x.ron:3:"), "{msg}");
        let err = parse_audit(Path::new("x.ron"), "(accounts: [(platform: Myspace)])").unwrap_err();
        assert!(err.to_string().contains("Myspace"), "{err}");
    }

    #[test]
    fn a_misspelt_field_is_named_not_silently_dropped() {
        let err =
            parse_audit(Path::new("t.ron"), "(\n    meta: (organistion: \"X\"),\n)").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("t.ron:2:"), "{msg}");
        assert!(msg.contains("okänt fält 'organistion'"), "{msg}");
        assert!(msg.contains("organisation"), "{msg}");
    }

    #[test]
    fn newer_versions_are_refused() {
        let err = parse_audit(Path::new("n.ron"), "(version: 99)").unwrap_err();
        assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    }

    #[test]
    fn unwritable_folder_is_an_error_not_a_panic() {
        let err = save_audit(Path::new("/nonexistent-dir/a.ron"), &Audit::default()).unwrap_err();
        assert!(err.to_string().contains("/nonexistent-dir"), "{err}");
    }
}
