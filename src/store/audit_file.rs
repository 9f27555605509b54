//! Audit files: pretty RON with a `version` field, checked against the limits of
//! `core::rules` on load, saved atomically (see [`super::disk`]) under the audit's lock (see
//! [`super::lock`]) with a `.bak`. A program that keeps an audit open uses
//! [`super::session::AuditFile`], which also notices changes made by someone else.

use super::disk;
use super::lock::AuditLock;
use crate::core::rules::{FILE_BYTES, Limit, LimitViolation, out_of_limits};
use crate::core::{AUDIT_FILE_VERSION, Audit};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

pub use crate::core::file_error::FileError;
use crate::core::file_error::{FileAction, ParseKind};

/// The first value outside the limits as an error naming `path` and the field.
pub(crate) fn refuse_out_of_limits(path: &Path, found: &[LimitViolation]) -> Result<(), FileError> {
    match found.first() {
        None => Ok(()),
        Some(v) => Err(FileError::OutOfRange {
            path: path.to_owned(),
            field: v.field.clone(),
            limit: capped_limit(&v.limit),
            more: found.len() - 1,
        }),
    }
}

/// A limit whose quoted input is capped (a huge date text is not kept whole).
fn capped_limit(limit: &Limit) -> Limit {
    match limit {
        Limit::DateOutOfRange(t) => Limit::DateOutOfRange(super::quoted_plain(t)),
        other => other.clone(),
    }
}

/// Refuse an audit with error-severity problems (`check`): its results would be wrong. Results,
/// reports and exports call this first; warnings do not block. `now` flags future times.
///
/// # Errors
/// [`FileError::HasErrors`] with every error.
pub fn refuse_errors(
    path: &Path,
    audit: &Audit,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), FileError> {
    use crate::core::check::{Severity, check};
    let problems: Vec<_> = check(audit, now)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(FileError::HasErrors {
            path: path.to_owned(),
            problems,
        })
    }
}

/// Parse RON text as `T`, naming `path`, line and column on error.
pub fn parse_ron<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, FileError> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e| FileError::Parse {
            path: path.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            kind: ron_kind(&e.code),
        })
}

/// What a RON error is, with the input it quotes capped.
fn ron_kind(code: &ron::Error) -> ParseKind {
    let cap = |text: &str| super::quoted_plain(text);
    let outer = |outer: &Option<String>| outer.as_deref().map(cap);
    let names = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect();
    match code {
        ron::Error::MissingStructField { field, outer: o } => ParseKind::MissingField {
            field: cap(field),
            outer: outer(o),
        },
        ron::Error::NoSuchStructField {
            found,
            outer: o,
            expected,
        } => ParseKind::UnknownField {
            found: cap(found),
            outer: outer(o),
            expected: names(expected),
        },
        ron::Error::NoSuchEnumVariant {
            found, expected, ..
        } => ParseKind::UnknownValue {
            found: cap(found),
            expected: names(expected),
        },
        // Other messages may quote the input (a string of any length): capped and escaped.
        other => ParseKind::NotRon(super::message_capped(&other.to_string())),
    }
}

/// Write `value` as pretty RON.
pub fn to_ron<T: Serialize>(path: &Path, value: &T) -> Result<String, FileError> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(12)
        .struct_names(true)
        .indentor("    ");
    ron::ser::to_string_pretty(value, config).map_err(|e| FileError::Serialize {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

/// Load an audit file (read only: no lock is taken).
pub fn load_audit(path: &Path) -> Result<Audit, FileError> {
    let (bytes, _) = disk::read_limited(path, FILE_BYTES)?;
    parse_audit_bytes(path, &bytes)
}

/// Parse an audit file's bytes: UTF-8 (a BOM is skipped), else an error naming the line.
pub fn parse_audit_bytes(path: &Path, bytes: &[u8]) -> Result<Audit, FileError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_audit(path, text),
        Err(e) => {
            let before = &bytes[..e.valid_up_to()];
            let line = 1 + before.iter().filter(|b| **b == b'\n').count();
            let column = 1 + before.iter().rev().take_while(|b| **b != b'\n').count();
            Err(FileError::Parse {
                path: path.to_owned(),
                line,
                column,
                kind: ParseKind::NotUtf8,
            })
        }
    }
}

/// The version kept in the `.bak` beside `path` (the file as it was when it was last opened for
/// writing), `None` when there is none.
pub fn load_backup(path: &Path) -> Result<Option<Audit>, FileError> {
    let bak = backup_path(path);
    if !bak.is_file() {
        return Ok(None);
    }
    load_audit(&bak).map(Some)
}

/// The audit in the shape of the version its file names, and that version.
fn parse_in_its_shape(path: &Path, text: &str) -> Result<(Audit, u32), FileError> {
    // A file as Svarskoll writes it names its version first: it is parsed once, in that
    // version's shape (reading the version by a parse of its own took half the loading time).
    let leading = super::migrate::leading_version(text).filter(|v| *v <= AUDIT_FILE_VERSION);
    let mut failed = None;
    if let Some(version) = leading {
        match super::migrate::parse_shape(path, version, text) {
            Ok(audit) => return Ok((audit, version)),
            // The careful reading below would find this version and meet this error.
            Err(e) if version == AUDIT_FILE_VERSION => return Err(e),
            Err(e) => failed = Some(e),
        }
    }
    // Otherwise (comments, another order, an earlier shape that did not parse) the version is
    // read by a parse of its own, and the problem named as it always was.
    let version = super::migrate::file_version(text);
    if let Some(found) = version.filter(|v| *v > AUDIT_FILE_VERSION) {
        return Err(FileError::TooNew {
            path: path.to_owned(),
            found,
            supported: AUDIT_FILE_VERSION,
        });
    }
    if let Some(e) = failed.filter(|_| version == leading) {
        return Err(e); // the same parse again would fail the same way
    }
    let audit = super::migrate::parse_shape(path, version.unwrap_or(AUDIT_FILE_VERSION), text)?;
    let version = version.unwrap_or(audit.version);
    Ok((audit, version))
}

/// Parse an audit file's text (`path` only names it in errors).
///
/// A file of an earlier format version is migrated (see [`super::migrate`]); one of a later
/// version is refused before its unknown fields are met. Accounts and probes without an id (a
/// hand-edited file) get one.
pub fn parse_audit(path: &Path, text: &str) -> Result<Audit, FileError> {
    let (mut audit, version) = parse_in_its_shape(path, text)?;
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
pub(crate) fn audit_text(path: &Path, audit: &Audit) -> Result<String, FileError> {
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
pub fn save_audit(path: &Path, audit: &Audit) -> Result<(), FileError> {
    let text = audit_text(path, audit)?;
    let lock = AuditLock::acquire(path)?;
    if disk::is_read_only(path) {
        return Err(FileError::ReadOnly {
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
pub(crate) fn write_backup(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let bak = backup_path(path);
    disk::clean_stale_temps(&bak, std::time::Duration::ZERO);
    disk::replace_file(&bak, bytes, path).map_err(|e| match e {
        FileError::Io { cause, .. } => FileError::Io {
            path: path.to_owned(),
            action: FileAction::WriteBackup,
            cause,
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
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_new_version(path, bytes, disk::Durability::Synced)
}

/// Write an export (report, CSV) atomically: no `.bak` and no sync, since it can be made again
/// from the audit ([`disk::Durability::Regenerable`]). A read-only file is refused; this
/// machine's temp files older than a minute are cleaned.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    write_new_version(path, bytes, disk::Durability::Regenerable)
}

/// Write `path` atomically with no lock and no `.bak`, refusing a read-only file.
fn write_new_version(
    path: &Path,
    bytes: &[u8],
    durability: disk::Durability,
) -> Result<(), FileError> {
    if disk::is_read_only(path) {
        return Err(FileError::ReadOnly {
            path: path.to_owned(),
        });
    }
    disk::clean_stale_temps(path, disk::STALE_TEMP_AGE);
    disk::replace_file_with(path, bytes, path, durability)
}

/// Make sure the folder `dir` exists for exports written into it (the feedback letters), with
/// any missing parents. A file where the folder should be is an error naming `dir`.
pub fn create_export_folder(dir: &Path) -> Result<(), FileError> {
    use crate::core::file_error::{FileAction, IoCause, OsError};
    if dir.exists() && !dir.is_dir() {
        return Err(FileError::Io {
            path: dir.to_owned(),
            action: FileAction::CreateFolder,
            cause: IoCause::Os(OsError {
                kind: std::io::ErrorKind::NotADirectory,
                message: String::new(),
            }),
        });
    }
    std::fs::create_dir_all(dir).map_err(disk::io_error(dir, FileAction::CreateFolder))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{Account, Platform, Probe, deadline::local};
    use std::fs;

    fn sv(e: &FileError) -> String {
        crate::i18n::file_error_text(e, crate::core::Lang::Sv)
    }

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
        assert!(
            text.contains(&format!("version: {AUDIT_FILE_VERSION},")),
            "{text}"
        );
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
        let msg = sv(&err);
        assert!(msg.starts_with("x.ron:3:"), "{msg}");
        let err = parse_audit(Path::new("x.ron"), "(accounts: [(platform: Myspace)])").unwrap_err();
        assert!(sv(&err).contains("Myspace"), "{err:?}");
    }

    #[test]
    fn a_misspelt_field_is_named_not_silently_dropped() {
        let err =
            parse_audit(Path::new("t.ron"), "(\n    meta: (organistion: \"X\"),\n)").unwrap_err();
        let msg = sv(&err);
        assert!(msg.starts_with("t.ron:2:"), "{msg}");
        assert!(msg.contains("okänt fält 'organistion'"), "{msg}");
        assert!(msg.contains("organisation"), "{msg}");
    }

    #[test]
    fn newer_versions_are_refused() {
        let err = parse_audit(Path::new("n.ron"), "(version: 99)").unwrap_err();
        assert!(
            matches!(err, FileError::TooNew { found: 99, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn unwritable_folder_is_an_error_not_a_panic() {
        let err = save_audit(Path::new("/nonexistent-dir/a.ron"), &Audit::default()).unwrap_err();
        assert!(sv(&err).contains("/nonexistent-dir"), "{err:?}");
    }
}
