//! Files: audit files and templates (RON), CSV import and export, atomic save, the audit's lock.

pub mod audit_file;
pub mod clock;
pub mod csv_import;
pub mod disk;
pub mod evidence;
pub mod export;
pub mod lock;
pub mod session;
pub mod templates;

pub use audit_file::{StoreError, load_audit, save_audit};
pub use csv_import::{ImportError, ImportProblem, ImportedLog, import_csv, parse_csv};
pub use lock::{AuditLock, LockHolder, lock_holder};
pub use session::{AuditFile, DiskCheck};
pub use templates::{BUILTIN_TEMPLATES, load_template, resolve_template};

pub mod migrate;

/// A fresh random id for an account or probe (the environment's randomness, handed to
/// `Audit::assign_missing_ids`).
#[must_use]
pub fn random_id() -> u64 {
    rand::random()
}

/// Bad input quoted in a message: in quotes, control characters escaped, at most
/// `core::rules::QUOTED_CHARS` characters (a 100 MB token is not echoed whole).
///
/// ```
/// assert_eq!(svarskoll::store::quoted("a\u{7}b"), "'a\\u{7}b'");
/// assert_eq!(svarskoll::store::quoted(&"x".repeat(500)).chars().count(), 63);
/// ```
#[must_use]
pub fn quoted(text: &str) -> String {
    format!("'{}'", quoted_plain(text))
}

/// [`quoted`] without the quotes.
#[must_use]
pub fn quoted_plain(text: &str) -> String {
    escaped_capped(text, crate::core::rules::QUOTED_CHARS)
}

/// A parser's own message, which may quote input: escaped, at most four times
/// `core::rules::QUOTED_CHARS` characters.
#[must_use]
pub fn message_capped(text: &str) -> String {
    escaped_capped(text, 4 * crate::core::rules::QUOTED_CHARS)
}

fn escaped_capped(text: &str, limit: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == limit {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}
