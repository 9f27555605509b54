//! The lock beside an audit while a program holds it for writing, as office suites do on shared
//! folders: `.~lock.NAME#` names the user, the machine and the time, and is itself held with an
//! OS file lock. A lock file whose OS lock can be taken was left by a program that is gone (stale)
//! and is taken over; a live one is reported with its holder.

use super::audit_file::FileError;
use super::disk::{file_name, folder, io_error, machine_name, user_name};
use crate::core::file_error::{FileAction, LockHolder};
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// The longest lock file read: it holds three short lines.
const MAX_LOCK_BYTES: u64 = 4096;

/// This program, now.
fn me() -> LockHolder {
    let now = chrono::Utc::now().with_timezone(&crate::core::localtime::ZONE);
    LockHolder {
        user: user_name(),
        machine: machine_name(),
        since: now.format("%Y-%m-%d %H:%M").to_string(),
    }
}

/// The lock file's text: user, machine and time, a line each, then `nonce`, which tells this
/// taking of the lock from any other by the same user on the same machine in the same minute.
fn holder_text(holder: &LockHolder, nonce: &str) -> String {
    let line = |s: &str| s.replace(['\n', '\r'], " ");
    format!(
        "{}\n{}\n{}\n{}\n",
        line(&holder.user),
        line(&holder.machine),
        line(&holder.since),
        line(nonce)
    )
}

/// A value no other taking of a lock has: the process and a random number.
fn nonce() -> String {
    format!("{}-{:016x}", std::process::id(), rand::random::<u64>())
}

/// The holder a lock file names, each part capped (the file may be anyone's).
fn holder_from_text(text: &str) -> Option<LockHolder> {
    let mut lines = text.lines();
    let part = |line: Option<&str>| super::quoted_plain(line.unwrap_or("").trim());
    let user = part(lines.next());
    let machine = part(lines.next());
    let since = part(lines.next());
    (!user.is_empty() || !machine.is_empty()).then_some(LockHolder {
        user,
        machine,
        since,
    })
}

/// The lock file of the audit at `audit`: `.~lock.NAME#` beside it.
#[must_use]
pub fn lock_path(audit: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".~lock.");
    name.push(file_name(audit));
    name.push("#");
    folder(audit).join(name)
}

/// Whether the open `file` is still the one at `path` (a releasing holder removes its lock
/// file; a handle opened just before that points to a file no longer in the folder).
fn still_at(file: &File, path: &Path) -> bool {
    let (Ok(held), Ok(named)) = (file.metadata(), fs::metadata(path)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        held.dev() == named.dev() && held.ino() == named.ino()
    }
    #[cfg(not(unix))]
    {
        held.created().ok() == named.created().ok() && held.len() == named.len()
    }
}

/// Read the holder named in a lock file (a live holder's file may be unreadable on Windows).
fn read_holder(path: &Path) -> Option<LockHolder> {
    let mut text = String::new();
    File::open(path)
        .ok()?
        .take(MAX_LOCK_BYTES)
        .read_to_string(&mut text)
        .ok()?;
    holder_from_text(&text)
}

/// Who holds the audit at `audit` now, if anyone: `None` when there is no lock file or its
/// holder is gone.
#[must_use]
pub fn lock_holder(audit: &Path) -> Option<LockHolder> {
    let path = lock_path(audit);
    let file = OpenOptions::new().read(true).write(true).open(&path).ok()?;
    match file.try_lock() {
        Ok(()) => None,
        Err(TryLockError::WouldBlock) => Some(read_holder(&path).unwrap_or_else(unknown_holder)),
        Err(TryLockError::Error(_)) => read_holder(&path),
    }
}

/// Let others read the holder's name while the lock is held. Windows keeps a range locked
/// exclusively unreadable through any other handle, so the holder would be "someone else"; std
/// can neither downgrade a lock nor lock part of a file. So: let the exclusive lock go and take
/// a shared lock through a fresh handle (others can read, nobody can lock exclusively), then
/// read the file back. Another program may have slipped in between and written its own text
/// under its own exclusive lock: then the text is not ours, and the lock is theirs.
/// `Err` names who holds it then (`None`: unreadable).
#[cfg(windows)]
fn readable_while_held(
    exclusive: File,
    path: &Path,
    ours: &str,
) -> Result<File, Option<LockHolder>> {
    let Ok(shared) = OpenOptions::new().read(true).write(true).open(path) else {
        return Ok(exclusive); // Keep the exclusive lock: safe, only the name is unreadable.
    };
    let _ = exclusive.unlock();
    drop(exclusive);
    if shared.try_lock_shared().is_err() {
        return Err(read_holder(path));
    }
    let mut found = String::new();
    let read = (&shared)
        .take(MAX_LOCK_BYTES)
        .read_to_string(&mut found)
        .is_ok();
    if read && found == ours && still_at(&shared, path) {
        Ok(shared)
    } else {
        let _ = shared.unlock();
        Err(holder_from_text(&found))
    }
}

/// A holder whose lock file could not be read: named in words as "someone else".
fn unknown_holder() -> LockHolder {
    LockHolder::default()
}

/// This program's hold on an audit. Dropping it releases the lock and removes the lock file.
#[derive(Debug)]
pub struct AuditLock {
    audit: PathBuf,
    path: PathBuf,
    file: Option<File>,
}

impl AuditLock {
    /// Take the lock of the audit at `audit`; a stale lock file is taken over.
    ///
    /// # Errors
    /// [`FileError::LockHeld`] naming the holder when another program holds it; an I/O error
    /// when the lock file cannot be written (a read-only folder).
    pub fn acquire(audit: &Path) -> Result<AuditLock, FileError> {
        let path = lock_path(audit);
        for _ in 0..8 {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(io_error(&path, FileAction::CreateLock))?;
            match file.try_lock() {
                Ok(()) => {
                    if !still_at(&file, &path) {
                        continue; // its holder removed it just now: try the new one
                    }
                    return AuditLock::hold(audit, path, file);
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(FileError::LockHeld {
                        path: audit.to_owned(),
                        holder: read_holder(&path).unwrap_or_else(unknown_holder),
                    });
                }
                Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                    // A shared folder without OS locks: the lock file alone tells.
                    let me = me();
                    match read_holder(&path) {
                        Some(h) if h.user != me.user || h.machine != me.machine => {
                            return Err(FileError::LockHeld {
                                path: audit.to_owned(),
                                holder: h,
                            });
                        }
                        _ => return AuditLock::hold(audit, path, file),
                    }
                }
                Err(TryLockError::Error(e)) => return Err(io_error(&path, FileAction::Lock)(e)),
            }
        }
        Err(FileError::LockHeld {
            path: audit.to_owned(),
            holder: read_holder(&path).unwrap_or_else(unknown_holder),
        })
    }

    /// Take the lock even from a living holder, after the user confirmed it (the holder's next
    /// save then finds the file changed on disk and writes nothing over it).
    ///
    /// # Errors
    /// When the lock file cannot be replaced or written.
    pub fn take_over(audit: &Path) -> Result<AuditLock, FileError> {
        let path = lock_path(audit);
        match fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_error(&path, FileAction::TakeOverLock)(e)),
        }
        AuditLock::acquire(audit)
    }

    fn hold(audit: &Path, path: PathBuf, mut file: File) -> Result<AuditLock, FileError> {
        let text = holder_text(&me(), &nonce());
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(text.as_bytes()))
            .and_then(|()| file.sync_all())
            .map_err(io_error(&path, FileAction::WriteLock))?;
        #[cfg(windows)]
        let file =
            readable_while_held(file, &path, &text).map_err(|holder| FileError::LockHeld {
                path: audit.to_owned(),
                holder: holder.unwrap_or_else(unknown_holder),
            })?;
        Ok(AuditLock {
            audit: audit.to_owned(),
            path,
            file: Some(file),
        })
    }

    /// The audit this lock holds.
    #[must_use]
    pub fn audit(&self) -> &Path {
        &self.audit
    }

    /// Whether this program still holds the lock (someone may have taken it over).
    #[must_use]
    pub fn is_held(&self) -> bool {
        self.file.as_ref().is_some_and(|f| still_at(f, &self.path))
    }

    /// Release the lock and remove the lock file (unless someone took it over).
    pub fn release(mut self) {
        self.release_now();
    }

    fn release_now(&mut self) {
        if let Some(file) = self.file.take() {
            if still_at(&file, &self.path) {
                // Removed while still held, so nobody takes over a file about to vanish.
                let _ = fs::remove_file(&self.path);
            }
            let _ = file.unlock();
        }
    }
}

impl Drop for AuditLock {
    fn drop(&mut self) {
        self.release_now();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_live_lock_is_reported_a_stale_one_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let audit = dir.path().join("a.svarskoll.ron");
        let lock = AuditLock::acquire(&audit).unwrap();
        assert!(lock_path(&audit).is_file());
        assert_eq!(
            lock_path(&audit).file_name().unwrap(),
            ".~lock.a.svarskoll.ron#"
        );
        let holder = lock_holder(&audit).unwrap();
        assert_eq!(holder.machine, machine_name());
        // Three lines name the holder; the fourth tells this taking from any other.
        let text = fs::read_to_string(lock_path(&audit)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert!(
            lines[3].starts_with(&format!("{}-", std::process::id())),
            "{text}"
        );
        assert_ne!(
            holder_text(&holder, &nonce()),
            holder_text(&holder, &nonce())
        );
        match AuditLock::acquire(&audit).unwrap_err() {
            FileError::LockHeld { holder: h, .. } => assert_eq!(h, holder),
            e => panic!("{e:?}"),
        }
        lock.release();
        assert!(!lock_path(&audit).exists());
        assert_eq!(lock_holder(&audit), None);

        // A lock file left by a killed program (no OS lock) is stale: taken over.
        fs::write(lock_path(&audit), "någon\nannan-dator\n2019-03-12 10:00\n").unwrap();
        assert_eq!(lock_holder(&audit), None);
        let lock = AuditLock::acquire(&audit).unwrap();
        assert!(lock.is_held());

        // Taking over a live one, confirmed by the user: the old holder no longer holds it.
        let second = AuditLock::take_over(&audit).unwrap();
        assert!(!lock.is_held());
        assert!(second.is_held());
        drop(lock); // does not remove the new holder's file
        assert!(lock_path(&audit).exists());
        drop(second);
        assert!(!lock_path(&audit).exists());
    }
}
