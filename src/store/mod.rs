//! Files: audit files and templates (RON), CSV import and export, atomic save.

pub mod audit_file;
pub mod csv_import;
pub mod evidence;
pub mod export;
pub mod templates;

pub use audit_file::{StoreError, load_audit, save_audit};
pub use csv_import::{ImportError, ImportProblem, ImportedLog, import_csv, parse_csv};
pub use templates::{BUILTIN_TEMPLATES, load_template, resolve_template};

pub mod migrate;

/// A fresh random id for an account or probe (the environment's randomness, handed to
/// `Audit::assign_missing_ids`).
#[must_use]
pub fn random_id() -> u64 {
    rand::random()
}
