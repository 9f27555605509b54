//! Writing files so that nothing is lost: a temp file named after this machine, fsync, the
//! original's permissions kept, rename; stale temp files of this machine cleaned up; what a file
//! held when it was read (size, modification time, SHA-256) to notice someone else's change.

use super::audit_file::FileError;
use crate::core::file_error::{FileAction, IoCause};
use sha2::{Digest, Sha256};
use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// A temp file of this machine older than this, whose own lock can be taken, was left by a
/// killed save and is removed at the next save.
pub const STALE_TEMP_AGE: Duration = Duration::from_secs(60);

/// The file's name (the whole file name, or "granskning" for a path without one).
pub(crate) fn file_name(path: &Path) -> OsString {
    path.file_name()
        .map_or_else(|| OsString::from("granskning"), ToOwned::to_owned)
}

/// The folder `path` is in ("." for a bare file name).
pub(crate) fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

pub(crate) fn io_error<'a>(
    path: &'a Path,
    action: FileAction,
) -> impl FnOnce(io::Error) -> FileError + use<'a> {
    move |source| FileError::Io {
        path: path.to_owned(),
        action,
        cause: if in_use(&source) {
            IoCause::InUse(source.into())
        } else {
            IoCause::Os(source.into())
        },
    }
}

/// How long to wait before each new try when a file is in use: about 2.5 s in all, long enough
/// for an antivirus scan or a sync client's upload of a small file, short enough that the user is
/// not left waiting.
pub const IN_USE_WAITS: [Duration; 6] = [
    Duration::from_millis(50),
    Duration::from_millis(100),
    Duration::from_millis(200),
    Duration::from_millis(400),
    Duration::from_millis(800),
    Duration::from_millis(1000),
];

/// Whether Windows said another program has the file open in a way that keeps us out for now
/// (an antivirus scanner, a sync client such as OneDrive, Excel holding an exported CSV):
/// `ERROR_SHARING_VIOLATION` (32) or `ERROR_LOCK_VIOLATION` (33). std has no `ErrorKind` for
/// them. Other systems let a file be replaced while it is open, so there it is never so.
#[must_use]
pub fn in_use(error: &io::Error) -> bool {
    cfg!(windows) && matches!(error.raw_os_error(), Some(32 | 33))
}

/// Whether a failed replace is worth trying again: in use, or access denied, which Windows also
/// gives while a scanner holds the old file (a real lack of rights fails the same way each time,
/// and costs only the waits).
fn worth_retrying(error: &io::Error) -> bool {
    in_use(error) || (cfg!(windows) && error.kind() == io::ErrorKind::PermissionDenied)
}

/// Run `op` until it succeeds, fails for a reason `retry` rejects, or `waits` run out (waiting
/// each in turn before the next try). Gives the last error.
pub fn retrying<T>(
    waits: &[Duration],
    retry: impl Fn(&io::Error) -> bool,
    mut op: impl FnMut() -> io::Result<T>,
) -> io::Result<T> {
    let mut waits = waits.iter();
    loop {
        match op() {
            Err(e) if retry(&e) => match waits.next() {
                Some(wait) => std::thread::sleep(*wait),
                None => return Err(e),
            },
            done => return done,
        }
    }
}

/// Keep only characters that are safe in a file name on every system, at most 40 of them.
fn file_name_safe(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(40)
        .collect()
}

/// This machine's name (not secret; it names lock holders and temp files), empty when none is
/// found. Without a crate or `unsafe`: the environment (Windows), else the kernel's name
/// (Linux), else `/etc/hostname`.
#[must_use]
pub fn machine_name() -> String {
    let candidates = [
        std::env::var("COMPUTERNAME").ok(),
        fs::read_to_string("/proc/sys/kernel/hostname").ok(),
        fs::read_to_string("/etc/hostname").ok(),
        std::env::var("HOSTNAME").ok(),
    ];
    candidates
        .into_iter()
        .flatten()
        .map(|s| s.trim().chars().take(100).collect::<String>())
        .find(|s| !s.is_empty())
        .unwrap_or_default()
}

/// The user's login name; empty when the environment names none (a lock then names its holder
/// as "someone else", in the reader's language).
#[must_use]
pub fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .into_iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|s| s.trim().chars().take(100).collect::<String>())
        .find(|s| !s.is_empty())
        .unwrap_or_default()
}

/// The part of a temp file's name that says which machine wrote it: `~HOST~`.
fn machine_tag() -> String {
    let name = file_name_safe(&machine_name());
    format!("~{}~", if name.is_empty() { "dator" } else { &name })
}

/// A fresh temp file name for `target` in its folder: `.NAME~HOST~PID-N.tmp`.
fn temp_path(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut name = OsString::from(".");
    name.push(file_name(target));
    name.push(format!("{}{}-{n}.tmp", machine_tag(), std::process::id()));
    folder(target).join(name)
}

/// Remove this machine's temp files for `target` that a killed save left: older than `min_age`
/// and not locked by a living writer. Another machine's are never touched (its lock may not be
/// visible over a shared folder). Best effort: a file that cannot be removed stays.
pub fn clean_stale_temps(target: &Path, min_age: Duration) -> usize {
    let mut prefix = OsString::from(".");
    prefix.push(file_name(target));
    prefix.push(machine_tag());
    let prefix = prefix.to_string_lossy().into_owned();
    let Ok(entries) = fs::read_dir(folder(target)) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with(&prefix) || !name.ends_with(".tmp") {
            continue;
        }
        let path = entry.path();
        let old_enough = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| now.duration_since(t).unwrap_or_default() >= min_age);
        if !old_enough {
            continue;
        }
        // A living writer holds its temp file's lock for as long as it writes.
        let Ok(file) = OpenOptions::new().write(true).open(&path) else {
            continue;
        };
        if file.try_lock().is_ok() && fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// What a file held when it was read or written: enough to notice a change by someone else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskState {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub sha256: [u8; 32],
}

impl DiskState {
    /// The state of `bytes` as found in the file whose metadata is `meta`.
    #[must_use]
    pub fn of(bytes: &[u8], meta: Option<&fs::Metadata>) -> DiskState {
        DiskState {
            len: bytes.len() as u64,
            modified: meta.and_then(|m| m.modified().ok()),
            sha256: Sha256::digest(bytes).into(),
        }
    }

    /// Whether `other` holds the same content. The modification time alone decides nothing:
    /// backup tools touch files, and some shared folders keep whole seconds only.
    #[must_use]
    pub fn same_content(&self, other: &DiskState) -> bool {
        self.len == other.len && self.sha256 == other.sha256
    }
}

/// Read a whole file, refusing one larger than `limit` bytes before reading it.
pub fn read_limited(path: &Path, limit: u64) -> Result<(Vec<u8>, fs::Metadata), FileError> {
    let file = retrying(&IN_USE_WAITS, in_use, || File::open(path))
        .map_err(io_error(path, FileAction::Read))?;
    let meta = file.metadata().map_err(io_error(path, FileAction::Read))?;
    if !meta.is_file() {
        return Err(FileError::Io {
            path: path.to_owned(),
            action: FileAction::Read,
            cause: IoCause::NotARegularFile,
        });
    }
    if meta.len() > limit {
        return Err(FileError::TooLarge {
            path: path.to_owned(),
            bytes: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error(path, FileAction::Read))?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge {
            path: path.to_owned(),
            bytes: bytes.len() as u64,
            limit,
        });
    }
    Ok((bytes, meta))
}

/// The state of the file at `path` now, `None` when there is none.
pub fn disk_state(path: &Path, limit: u64) -> Result<Option<DiskState>, FileError> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(path, FileAction::Read)(e)),
        Ok(_) => {}
    }
    let (bytes, meta) = read_limited(path, limit)?;
    Ok(Some(DiskState::of(&bytes, Some(&meta))))
}

/// Whether the file at `path` exists and may not be written (mode 444, the Windows read-only
/// attribute).
#[must_use]
pub fn is_read_only(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.permissions().readonly())
}

/// How sure a write must be to survive a power cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// Synced to the disk before and after the rename: audit files, their `.bak`, templates —
    /// what the user typed, found nowhere else.
    Synced,
    /// Renamed into place atomically but not synced: exports (the report, the letters, the log
    /// for Excel), made again from the audit in moments. Readers still see the old file or the
    /// new one, never a mix; only a power cut just after the write can leave the new one empty.
    /// A sync costs about a millisecond on an idle disk and 3–6 ms on a busy one, on every
    /// export (Typst, LibreOffice and Word do not sync exports either).
    Regenerable,
}

/// Write `bytes` to `target` atomically: a temp file of this machine in the same folder (locked
/// while it is written, so a cleaner on this machine leaves it alone), fsync, the target's
/// permissions kept, rename over the target, fsync the folder. A crash at any point leaves
/// either the old or the new file complete. `errors_name` names the file in messages.
pub fn replace_file(target: &Path, bytes: &[u8], errors_name: &Path) -> Result<(), FileError> {
    replace_file_with(target, bytes, errors_name, Durability::Synced)
}

/// [`replace_file`], synced as `durability` says.
pub fn replace_file_with(
    target: &Path,
    bytes: &[u8],
    errors_name: &Path,
    durability: Durability,
) -> Result<(), FileError> {
    let synced = durability == Durability::Synced;
    let tmp = temp_path(target);
    let err = |action| io_error(errors_name, action);
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(err(FileAction::WriteInFolder))?;
        // Unsupported on some shared folders: then the age alone protects the temp file.
        let _ = file.try_lock();
        if let Ok(meta) = fs::metadata(target) {
            let mut permissions = meta.permissions();
            // Only the target's own bits are copied; a read-only target is refused before this.
            #[allow(clippy::permissions_set_readonly_false)]
            if permissions.readonly() {
                permissions.set_readonly(false);
            }
            fs::set_permissions(&tmp, permissions).map_err(err(FileAction::KeepPermissions))?;
        }
        file.write_all(bytes).map_err(err(FileAction::Write))?;
        if synced {
            file.sync_all().map_err(err(FileAction::Sync))?;
        }
        // Windows keeps a locked file unreadable to others: unlock before it becomes the target.
        let _ = file.unlock();
        drop(file);
        // On Windows another program may hold the old file for a moment (a scanner, a sync
        // client): try again briefly before saying so.
        retrying(&IN_USE_WAITS, worth_retrying, || fs::rename(&tmp, target))
            .map_err(err(FileAction::Replace))?;
        // Make the rename itself durable (not possible on every platform; best effort).
        if synced && let Ok(d) = File::open(folder(target)) {
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

    #[test]
    fn temp_files_name_this_machine_and_stale_ones_are_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.svarskoll.ron");
        let tmp = temp_path(&target);
        let name = tmp.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with(".a.svarskoll.ron~"), "{name}");
        assert!(name.ends_with(".tmp"), "{name}");
        fs::write(&tmp, b"half").unwrap();
        let other = dir.path().join(".a.svarskoll.ron~annan-dator~12-0.tmp");
        fs::write(&other, b"half").unwrap();
        // Young: kept.
        assert_eq!(clean_stale_temps(&target, STALE_TEMP_AGE), 0);
        // Old enough and unlocked: removed; the other machine's stays.
        assert_eq!(clean_stale_temps(&target, Duration::ZERO), 1);
        assert!(!tmp.exists());
        assert!(other.exists());
        // A temp file a living writer holds is kept.
        let live = temp_path(&target);
        let f = File::create(&live).unwrap();
        f.lock().unwrap();
        assert_eq!(clean_stale_temps(&target, Duration::ZERO), 0);
        assert!(live.exists());
    }

    #[test]
    fn retrying_tries_again_only_while_it_is_worth_it() {
        let waits = [Duration::ZERO; 3];
        let busy = || io::Error::other("busy");
        let is_busy = |e: &io::Error| e.to_string() == "busy";
        // Busy twice, then done: three tries.
        let mut tries = 0;
        let done = retrying(&waits, is_busy, || {
            tries += 1;
            if tries < 3 { Err(busy()) } else { Ok(tries) }
        });
        assert_eq!(done.unwrap(), 3);
        // Busy for ever: one try plus one per wait, then the last error.
        let mut tries = 0;
        let failed = retrying(&waits, is_busy, || {
            tries += 1;
            Err::<(), _>(busy())
        });
        assert_eq!(failed.unwrap_err().to_string(), "busy");
        assert_eq!(tries, 4);
        // Any other error: no second try.
        let mut tries = 0;
        let failed = retrying(&waits, is_busy, || {
            tries += 1;
            Err::<(), _>(io::Error::from(io::ErrorKind::NotFound))
        });
        assert_eq!(failed.unwrap_err().kind(), io::ErrorKind::NotFound);
        assert_eq!(tries, 1);
        // The waits add up to about two and a half seconds.
        let total: Duration = IN_USE_WAITS.iter().sum();
        assert_eq!(total, Duration::from_millis(2550));
    }

    #[test]
    fn sharing_violations_are_in_use_on_windows_only() {
        let sharing = io::Error::from_raw_os_error(32);
        let lock = io::Error::from_raw_os_error(33);
        assert_eq!(in_use(&sharing), cfg!(windows));
        assert_eq!(in_use(&lock), cfg!(windows));
        assert!(!in_use(&io::Error::from(io::ErrorKind::PermissionDenied)));
        let err = io_error(Path::new("a.svarskoll"), FileAction::Replace)(sharing);
        let FileError::Io { cause, .. } = err else {
            panic!("{err:?}")
        };
        assert_eq!(matches!(cause, IoCause::InUse(_)), cfg!(windows));
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.ron");
        fs::write(&target, b"old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
        replace_file(&target, b"new", &target).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
        let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
