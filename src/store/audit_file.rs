//! Audit files: pretty RON with a `version` field, saved atomically with a `.bak` of the previous
//! version.

use crate::core::{AUDIT_FILE_VERSION, Audit};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fs::{self, File};
use std::io::Write;
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
}

fn io_error<'a>(
    path: &'a Path,
    action: &'static str,
) -> impl FnOnce(std::io::Error) -> StoreError + use<'a> {
    move |source| StoreError::Io {
        path: path.to_owned(),
        action,
        source,
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
            "fältet '{field}' saknas i {}",
            outer.as_deref().unwrap_or("posten")
        ),
        ron::Error::NoSuchStructField {
            found,
            outer,
            expected,
        } => format!(
            "okänt fält '{found}' i {}; kända fält: {}",
            outer.as_deref().unwrap_or("posten"),
            expected.join(", ")
        ),
        ron::Error::NoSuchEnumVariant {
            found, expected, ..
        } => format!(
            "okänt värde '{found}', väntade ett av: {}",
            expected.join(", ")
        ),
        other => format!("filen går inte att läsa som RON: {other}"),
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

/// Load an audit file.
pub fn load_audit(path: &Path) -> Result<Audit, StoreError> {
    let text = fs::read_to_string(path).map_err(io_error(path, "läsa filen"))?;
    parse_audit(path, &text)
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
    audit.assign_missing_ids(super::random_id);
    Ok(audit)
}

/// The `.bak` beside `path` that holds the previous version.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Save an audit atomically: write a temp file in the same folder, fsync, keep the previous file
/// as `.bak`, rename the temp file over the target. A crash at any point leaves either the old or
/// the new file complete.
///
/// An audit whose accounts or probes lack ids is saved with ids given on a copy: callers that
/// keep the audit in memory give ids when they add items, so the ids stay stable.
pub fn save_audit(path: &Path, audit: &Audit) -> Result<(), StoreError> {
    let needs_ids = audit
        .accounts
        .iter()
        .any(|a| a.id.0 == 0 || a.probes.iter().any(|p| p.id.0 == 0));
    let text = if needs_ids {
        let mut copy = audit.clone();
        copy.assign_missing_ids(super::random_id);
        to_ron(path, &copy)?
    } else {
        to_ron(path, audit)?
    };
    write_atomically(path, text.as_bytes())
}

/// Write `bytes` to `path` atomically, keeping the previous file as `.bak` (see [`save_audit`]).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    replace_file(path, bytes, true)
}

/// Write an export (report, CSV) atomically: no `.bak`, since it can be made again from the audit.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    replace_file(path, bytes, false)
}

fn replace_file(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), StoreError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(path.file_name().unwrap_or_default());
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = dir.join(tmp_name);
    let result = (|| {
        // Errors name the file the user asked for; the temp file is an implementation detail.
        let mut file = File::create(&tmp).map_err(io_error(path, "skriva i mappen"))?;
        file.write_all(bytes).map_err(io_error(path, "skriva"))?;
        file.sync_all().map_err(io_error(path, "spara till disk"))?;
        drop(file);
        if keep_backup && path.exists() {
            fs::copy(path, backup_path(path)).map_err(io_error(path, "spara en säkerhetskopia"))?;
        }
        fs::rename(&tmp, path).map_err(io_error(path, "ersätta filen"))?;
        // Make the rename itself durable (not possible on every platform; best effort).
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{Account, Platform, Probe, deadline::local};

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
