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

/// A fresh random id for an account or probe (the environment's randomness, handed to
/// `Audit::assign_missing_ids`).
#[must_use]
pub fn random_id() -> u64 {
    rand::random()
}

/// Quoting bad input in a message (capped, escaped) is a matter of words: see `crate::i18n`.
pub use crate::i18n::{message_capped, quoted, quoted_plain};
