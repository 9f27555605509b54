//! What can go wrong with a file, as values: reading and writing audit files, templates and
//! exports, the audit's lock, evidence files, and a CSV import.
//!
//! `store` returns these; `i18n` puts them into words in the reader's language, as it does for
//! `check`'s [`Problem`]. They live here, below both, because `i18n` may use only `core`. Nothing
//! here touches a file: an operating system's error arrives as its kind and its own message.
//! Text quoted from a file is already capped and escaped by the store.

use super::Stamp;
use super::check::Problem;
use super::rules::Limit;
use std::path::{Path, PathBuf};

/// An error the operating system gave: its kind (common kinds have words in both languages) and
/// its own message (shown for the others).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OsError {
    pub kind: std::io::ErrorKind,
    pub message: String,
}

impl From<std::io::Error> for OsError {
    fn from(error: std::io::Error) -> OsError {
        OsError {
            kind: error.kind(),
            message: error.to_string(),
        }
    }
}

/// What Svarskoll was doing when a file could not be read or written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileAction {
    Read,
    Create,
    /// Create a folder for exports (the feedback letters).
    CreateFolder,
    WriteInFolder,
    KeepPermissions,
    Write,
    Sync,
    Replace,
    WriteBackup,
    CreateLock,
    Lock,
    WriteLock,
    TakeOverLock,
    FindTemplate,
    UseEvidenceFolder,
    CreateEvidenceFolder,
    FindEvidenceFolder,
    ReadEvidence,
    AttachEvidence,
    WriteEvidence,
    NameEvidence,
    OpenEvidence,
    FindEvidence,
    CopyEvidence,
}

/// Why a file action failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IoCause {
    Os(OsError),
    /// Another program kept the file open for longer than Svarskoll waited (Windows: a sharing
    /// or lock violation; an antivirus scanner, a sync client, Excel).
    InUse(OsError),
    /// A folder or a device where a file was expected.
    NotARegularFile,
    /// A new file's name is taken; nothing was written over it.
    AlreadyExists,
    /// Neither a file nor a bundled template has this name.
    NoSuchTemplate {
        builtin: Vec<String>,
    },
    /// The evidence folder is a symbolic link leading out of the audit's folder.
    EvidenceFolderOutside,
    /// An evidence reference leads out of the evidence folder.
    EvidenceOutside,
    /// Every name tried for a copied evidence file was taken.
    NoFreeName,
}

/// Who holds an audit open for writing. An empty field is unknown (a lock file that could not be
/// read names nobody).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LockHolder {
    pub user: String,
    pub machine: String,
    /// Local time the lock was taken, `YYYY-MM-DD HH:MM`.
    pub since: String,
}

/// Why an audit file, template or export could not be read or written. Every error names its
/// file, and where there is one, the line, column and field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    Io {
        path: PathBuf,
        action: FileAction,
        cause: IoCause,
    },
    /// The text is not what Svarskoll writes; `line` and `column` are 1-based.
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        kind: ParseKind,
    },
    /// A file from a newer Svarskoll.
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    /// A value could not be written as text (the library's own message).
    Serialize { path: PathBuf, message: String },
    /// A value outside the limits of `core::rules`; `more` counts the others.
    OutOfRange {
        path: PathBuf,
        field: String,
        limit: Limit,
        more: usize,
    },
    TooLarge {
        path: PathBuf,
        bytes: u64,
        limit: u64,
    },
    /// Another program holds the audit (its lock file is live).
    LockHeld { path: PathBuf, holder: LockHolder },
    /// Someone else changed the file since this program read it; nothing was written over it.
    ChangedOnDisk { path: PathBuf },
    /// The file is read-only (mode 444, the Windows read-only attribute).
    ReadOnly { path: PathBuf },
    /// `check` found errors, so results would be wrong.
    HasErrors {
        path: PathBuf,
        problems: Vec<Problem>,
    },
    /// A file given as a part to merge was not made by a split (it has no split marker).
    NotAPart { path: PathBuf },
    /// A part whose accounts are none of `audit`'s: it was split from another audit.
    NotAPartOf { path: PathBuf, audit: PathBuf },
}

impl FileError {
    /// The file the error is about.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            FileError::Io { path, .. }
            | FileError::Parse { path, .. }
            | FileError::TooNew { path, .. }
            | FileError::Serialize { path, .. }
            | FileError::OutOfRange { path, .. }
            | FileError::TooLarge { path, .. }
            | FileError::LockHeld { path, .. }
            | FileError::ChangedOnDisk { path }
            | FileError::ReadOnly { path }
            | FileError::HasErrors { path, .. }
            | FileError::NotAPart { path }
            | FileError::NotAPartOf { path, .. } => path,
        }
    }
}

/// What is wrong at a line and column of a RON file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseKind {
    /// A required field is missing from `outer` (a struct's name; `None` when unnamed).
    MissingField {
        field: String,
        outer: Option<String>,
    },
    /// A field the format does not have (a misspelling is not silently dropped).
    UnknownField {
        found: String,
        outer: Option<String>,
        expected: Vec<String>,
    },
    /// A value that is none of the allowed ones.
    UnknownValue {
        found: String,
        expected: Vec<String>,
    },
    /// Any other RON error, with the parser's own message.
    NotRon(String),
    NotUtf8,
}

/// Why nothing was imported from a CSV file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Io {
        path: PathBuf,
        cause: OsError,
    },
    TooLarge {
        path: PathBuf,
        bytes: u64,
        limit: u64,
    },
    /// The file has errors; all of them are listed.
    Invalid {
        path: PathBuf,
        problems: Vec<ImportProblem>,
    },
}

impl ImportError {
    /// The file the error is about.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            ImportError::Io { path, .. }
            | ImportError::TooLarge { path, .. }
            | ImportError::Invalid { path, .. } => path,
        }
    }
}

/// A column of an imported file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportColumn {
    /// 1-based.
    pub number: usize,
    /// Its heading as written; `None` for a column without one.
    pub header: Option<String>,
}

/// One error in an imported file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    /// 1-based line in the file.
    pub line: u64,
    /// The column, when the error is in one cell.
    pub column: Option<ImportColumn>,
    pub kind: ImportProblemKind,
}

/// What is wrong in an imported file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportProblemKind {
    /// A UTF-8 byte-order mark, then bytes that are not UTF-8.
    NotUtf8AfterBom,
    /// A UTF-16 byte-order mark (`encoding` is "UTF-16 LE" or "UTF-16 BE"), then no UTF-16.
    NotUtf16 {
        encoding: &'static str,
    },
    /// Control characters: a binary file, such as a spreadsheet.
    ControlCharacters,
    UnterminatedQuote,
    /// The CSV reader's own message.
    UnreadableHeader(String),
    DuplicateColumn,
    /// `accepted` lists the headings Svarskoll reads (the parser's words).
    UnknownColumn {
        accepted: &'static str,
    },
    /// A required column (`name`, e.g. "account/konto") is missing.
    MissingColumn {
        name: &'static str,
    },
    /// The CSV reader's own message.
    UnreadableRow(String),
    ValueWithoutHeading {
        value: String,
    },
    TextTooLong {
        limit: usize,
    },
    NoAccountName,
    UnknownPlatform {
        value: String,
    },
    UnknownStatus {
        value: String,
    },
    /// Answered, but the time it was posted is empty.
    AnsweredNotPosted,
    AnsweredBeforePosted {
        posted: Stamp,
        answered: Stamp,
    },
    /// A time outside the years `first`–`last`.
    YearOutOfRange {
        value: String,
        first: i32,
        last: i32,
    },
    NotATime {
        value: String,
    },
    NotYesNo {
        value: String,
    },
}

/// Something the auditor should know about an imported time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportNotice {
    pub line: u64,
    /// The column's heading as written.
    pub header: String,
    /// The time as written.
    pub value: String,
    /// The instant it was read as.
    pub read_as: Stamp,
    pub kind: NoticeKind,
}

/// Why an imported time was read as something other than what it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// In the hour skipped when summer time begins: moved forward by `gap_minutes`.
    ShiftedForward { gap_minutes: i64 },
    /// In the hour that occurs twice when winter time begins: read as summer time.
    Ambiguous,
}
