//! Files: audit files and templates (RON), CSV import and export, atomic save, the audit's lock.

pub mod audit_file;
pub mod clock;
pub mod csv_import;
pub mod disk;
pub mod evidence;
pub mod export;
pub mod lock;
pub mod merge;
pub mod picture;
pub mod session;
pub mod split;
pub mod templates;

pub use crate::core::file_error::LockHolder;
pub use audit_file::{FileError, load_audit, save_audit};
pub use csv_import::{ImportError, ImportProblem, ImportedLog, import_csv, parse_csv};
pub use lock::{AuditLock, lock_holder};
pub use session::{AuditFile, DiskCheck};
pub use templates::{BUILTIN_TEMPLATES, load_template, resolve_template};

pub mod migrate;

/// An audit file's own extension. Windows associates a program with the last extension only, so
/// `.svarskoll.ron` (Svarskoll 0.1's) opened in a text editor; `.svarskoll` can be registered to
/// open in Svarskoll. New audits get it; the older names keep opening.
pub const AUDIT_EXTENSION: &str = "svarskoll";

/// [`AUDIT_EXTENSION`] with its dot, as it ends a new audit file's name.
pub const AUDIT_SUFFIX: &str = ".svarskoll";

/// The endings an audit file's name may have, the longest first: this version's, 0.1's, and any
/// RON file.
pub const AUDIT_SUFFIXES: [&str; 3] = [".svarskoll.ron", AUDIT_SUFFIX, ".ron"];

/// Whether a file's name ends as an audit file's does (ASCII case ignored).
#[must_use]
pub fn is_audit_file_name(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(AUDIT_EXTENSION) || e.eq_ignore_ascii_case("ron"))
}

/// A fresh random id for an account or probe (the environment's randomness, handed to
/// `Audit::assign_missing_ids`).
#[must_use]
pub fn random_id() -> u64 {
    rand::random()
}

/// Quoting bad input in a message (capped, escaped) is a matter of words: see `crate::i18n`.
pub use crate::i18n::{message_capped, quoted, quoted_plain};
