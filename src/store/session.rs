//! An audit file held open for writing: its lock, what was read (to notice someone else's change
//! before every save), and the version it had when it was opened (the `.bak`, written once per
//! opening, and "Återställ version från när filen öppnades").
//!
//! The sequence, for the app and for the CLI's writing commands:
//! 1. [`AuditFile::open`]; on [`FileError::LockHeld`] ask the user, then
//!    [`AuditFile::open_taking_over`] or [`AuditFile::open_read_only`]; on
//!    [`FileError::ReadOnly`] offer [`AuditFile::open_read_only`].
//! 2. [`AuditFile::save`] for every save; on [`FileError::ChangedOnDisk`] ask the user:
//!    [`AuditFile::save_as_copy`], [`AuditFile::reload`] or [`AuditFile::save_overwriting`].
//! 3. [`AuditFile::release`] (or drop) when the audit is closed.

use super::audit_file::{
    FileError, audit_text, backup_path, parse_audit_bytes, refuse_out_of_limits, write_backup,
};
use super::disk::{self, DiskState};
use super::lock::{AuditLock, lock_holder};
use crate::core::Audit;
use crate::core::file_error::{FileAction, IoCause, LockHolder};
use crate::core::rules::{FILE_BYTES, out_of_limits};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What the file on disk holds compared with what this program last read or wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskCheck {
    Unchanged,
    /// Someone else wrote it.
    Changed,
    /// It was removed or renamed.
    Missing,
}

/// An audit file opened by this program.
#[derive(Debug)]
pub struct AuditFile {
    path: PathBuf,
    /// `None` when opened read-only.
    lock: Option<AuditLock>,
    /// The file's bytes when it was opened: what the `.bak` holds after the first save.
    opened: Option<Vec<u8>>,
    /// The file as this program last read or wrote it.
    seen: Option<DiskState>,
    backup_written: bool,
}

impl AuditFile {
    /// Open an audit for writing: take its lock (a stale one is taken over), read and check it.
    ///
    /// # Errors
    /// [`FileError::ReadOnly`], [`FileError::LockHeld`] (naming the holder), or the file's
    /// own errors (unreadable, not an audit, values outside the limits).
    pub fn open(path: &Path) -> Result<(AuditFile, Audit), FileError> {
        AuditFile::open_with(path, AuditLock::acquire(path))
    }

    /// Open an audit for writing although another program holds it, after the user confirmed
    /// it; that program's next save finds the file changed and writes nothing over it.
    ///
    /// # Errors
    /// As [`AuditFile::open`], except [`FileError::LockHeld`].
    pub fn open_taking_over(path: &Path) -> Result<(AuditFile, Audit), FileError> {
        AuditFile::open_with(path, AuditLock::take_over(path))
    }

    fn open_with(
        path: &Path,
        lock: Result<AuditLock, FileError>,
    ) -> Result<(AuditFile, Audit), FileError> {
        if disk::is_read_only(path) {
            return Err(FileError::ReadOnly {
                path: path.to_owned(),
            });
        }
        let lock = lock?;
        let (mut file, audit) = AuditFile::open_read_only(path)?;
        file.lock = Some(lock);
        Ok((file, audit))
    }

    /// Open an audit only to read it (a read-only file, or one another program holds): no lock;
    /// every save is refused with [`FileError::ReadOnly`].
    ///
    /// # Errors
    /// The file's own errors.
    pub fn open_read_only(path: &Path) -> Result<(AuditFile, Audit), FileError> {
        let (bytes, meta) = disk::read_limited(path, FILE_BYTES)?;
        let audit = parse_audit_bytes(path, &bytes)?;
        let file = AuditFile {
            path: path.to_owned(),
            lock: None,
            seen: Some(DiskState::of(&bytes, Some(&meta))),
            opened: Some(bytes),
            backup_written: false,
        };
        Ok((file, audit))
    }

    /// Create a new audit file at `path` (refused when one exists) and hold it.
    ///
    /// # Errors
    /// When the file exists, is locked, or cannot be written.
    pub fn create(path: &Path, audit: &Audit) -> Result<AuditFile, FileError> {
        let lock = AuditLock::acquire(path)?;
        if fs::symlink_metadata(path).is_ok() {
            return Err(FileError::Io {
                path: path.to_owned(),
                action: FileAction::Create,
                cause: IoCause::AlreadyExists,
            });
        }
        let mut file = AuditFile {
            path: path.to_owned(),
            lock: Some(lock),
            opened: None,
            seen: None,
            backup_written: true,
        };
        file.save(audit)?;
        Ok(file)
    }

    /// The file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this file was opened read-only (saves are refused).
    #[must_use]
    pub fn is_read_only(&self) -> bool {
        self.lock.is_none()
    }

    /// Whether this program still holds the audit's lock (false when opened read-only or when
    /// someone took the lock over).
    #[must_use]
    pub fn holds_lock(&self) -> bool {
        self.lock.as_ref().is_some_and(AuditLock::is_held)
    }

    /// Who else holds the audit now, if anyone (for a read-only window's banner).
    #[must_use]
    pub fn holder(&self) -> Option<LockHolder> {
        if self.holds_lock() {
            None
        } else {
            lock_holder(&self.path)
        }
    }

    /// Save `audit`, refusing to write over a change someone else made since this program read
    /// or wrote the file. The first save of an opening first writes the `.bak` (the file as
    /// opened), atomically as the main file.
    ///
    /// # Errors
    /// [`FileError::ChangedOnDisk`], [`FileError::ReadOnly`], [`FileError::LockHeld`] (the
    /// lock was taken over), or an I/O error naming the file.
    pub fn save(&mut self, audit: &Audit) -> Result<(), FileError> {
        self.write(audit, false)
    }

    /// Save `audit` over whatever the file holds now, after the user confirmed it (the
    /// "changed on disk" question). Takes the lock back if someone took it over.
    ///
    /// # Errors
    /// [`FileError::ReadOnly`] or an I/O error naming the file.
    pub fn save_overwriting(&mut self, audit: &Audit) -> Result<(), FileError> {
        self.write(audit, true)
    }

    fn write(&mut self, audit: &Audit, force: bool) -> Result<(), FileError> {
        let path = self.path.clone();
        let read_only = || FileError::ReadOnly { path: path.clone() };
        let lock = self.lock.as_ref().ok_or_else(read_only)?;
        if !lock.is_held() {
            if !force {
                return Err(FileError::LockHeld {
                    path: path.clone(),
                    holder: lock_holder(&path).unwrap_or_default(),
                });
            }
            self.lock = Some(AuditLock::take_over(&path)?);
        }
        if disk::is_read_only(&path) {
            return Err(read_only());
        }
        refuse_out_of_limits(&path, &out_of_limits(audit))?;
        let text = audit_text(&path, audit)?;
        if !force && self.check_disk()? == DiskCheck::Changed {
            return Err(FileError::ChangedOnDisk { path });
        }
        // This program holds the lock: any temp file of this machine for this audit that is not
        // locked by its writer was left by a killed save.
        disk::clean_stale_temps(&path, Duration::ZERO);
        if !self.backup_written {
            if let Some(opened) = &self.opened {
                write_backup(&path, opened)?;
            }
            self.backup_written = true;
        }
        disk::replace_file(&path, text.as_bytes(), &path)?;
        let meta = fs::metadata(&path).ok();
        self.seen = Some(DiskState::of(text.as_bytes(), meta.as_ref()));
        Ok(())
    }

    /// Compare the file on disk with what this program last read or wrote (size and SHA-256 of
    /// the content; a touched file with the same content is unchanged). The app may call this
    /// when its window gains focus.
    ///
    /// # Errors
    /// When the file cannot be read.
    pub fn check_disk(&self) -> Result<DiskCheck, FileError> {
        let now = disk::disk_state(&self.path, FILE_BYTES)?;
        Ok(match (&self.seen, now) {
            (_, None) => DiskCheck::Missing,
            (Some(seen), Some(now)) if seen.same_content(&now) => DiskCheck::Unchanged,
            (_, Some(_)) => DiskCheck::Changed,
        })
    }

    /// Read the file again (someone else's version), keeping the lock: this counts as a new
    /// opening, so the next save writes the `.bak` anew.
    ///
    /// # Errors
    /// The file's own errors.
    pub fn reload(&mut self) -> Result<Audit, FileError> {
        let (fresh, audit) = AuditFile::open_read_only(&self.path)?;
        self.opened = fresh.opened;
        self.seen = fresh.seen;
        self.backup_written = false;
        Ok(audit)
    }

    /// Write `audit` to a new file at `new_path` (refused when one exists) and hold that one;
    /// this file stays as it is on disk. The app then continues with the returned file (and
    /// releases this one).
    ///
    /// # Errors
    /// As [`AuditFile::create`].
    pub fn save_as_copy(&self, audit: &Audit, new_path: &Path) -> Result<AuditFile, FileError> {
        AuditFile::create(new_path, audit)
    }

    /// The audit as it was when this program opened the file ("Återställ version från när
    /// filen öppnades"); `None` for a file this program created. The app puts it in place of
    /// the edited audit (undoably) and saves it as any change.
    ///
    /// # Errors
    /// Never for a file that opened; kept typed for symmetry with [`load_backup`].
    ///
    /// [`load_backup`]: super::audit_file::load_backup
    pub fn opened_version(&self) -> Result<Option<Audit>, FileError> {
        self.opened
            .as_ref()
            .map(|bytes| parse_audit_bytes(&backup_path(&self.path), bytes))
            .transpose()
    }

    /// Release the lock (the lock file is removed).
    pub fn release(self) {
        if let Some(lock) = self.lock {
            lock.release();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    trait Words {
        fn words(&self) -> String;
    }

    impl Words for FileError {
        fn words(&self) -> String {
            crate::i18n::file_error_text(self, crate::core::Lang::Sv)
        }
    }
    use crate::store::audit_file::load_backup;
    use crate::store::load_audit;

    fn audit(org: &str) -> Audit {
        let mut a = Audit::default();
        a.meta.organisation = org.into();
        a
    }

    #[test]
    fn the_bak_is_the_file_as_opened_written_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.svarskoll.ron");
        AuditFile::create(&path, &audit("v1")).unwrap().release();
        assert!(load_backup(&path).unwrap().is_none());
        let (mut file, _) = AuditFile::open(&path).unwrap();
        file.save(&audit("v2")).unwrap();
        file.save(&audit("v3")).unwrap();
        assert_eq!(load_backup(&path).unwrap().unwrap().meta.organisation, "v1");
        assert_eq!(load_audit(&path).unwrap().meta.organisation, "v3");
        assert_eq!(
            file.opened_version().unwrap().unwrap().meta.organisation,
            "v1"
        );
        file.release();
        let (mut file, _) = AuditFile::open(&path).unwrap();
        file.save(&audit("v4")).unwrap();
        assert_eq!(load_backup(&path).unwrap().unwrap().meta.organisation, "v3");
        drop(file);
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "no lock or temp file left: {names:?}");
    }

    #[test]
    fn someone_elses_change_is_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.svarskoll.ron");
        AuditFile::create(&path, &audit("v1")).unwrap().release();
        let (mut file, _) = AuditFile::open(&path).unwrap();
        assert_eq!(file.check_disk().unwrap(), DiskCheck::Unchanged);
        // Another program (ignoring the lock) writes the file.
        let theirs = crate::store::audit_file::to_ron(&path, &audit("theirs")).unwrap();
        fs::write(&path, theirs).unwrap();
        assert_eq!(file.check_disk().unwrap(), DiskCheck::Changed);
        let err = file.save(&audit("mine")).unwrap_err();
        assert!(matches!(err, FileError::ChangedOnDisk { .. }), "{err:?}");
        assert!(err.words().contains("a.svarskoll.ron"), "{err:?}");
        assert_eq!(load_audit(&path).unwrap().meta.organisation, "theirs");
        // Save as a copy, or overwrite when the user says so.
        let copy = dir.path().join("kopia.svarskoll.ron");
        file.save_as_copy(&audit("mine"), &copy).unwrap().release();
        assert_eq!(load_audit(&copy).unwrap().meta.organisation, "mine");
        file.save_overwriting(&audit("mine")).unwrap();
        assert_eq!(load_audit(&path).unwrap().meta.organisation, "mine");
        // Reload: their version becomes what is seen.
        fs::write(
            &path,
            crate::store::audit_file::to_ron(&path, &audit("x")).unwrap(),
        )
        .unwrap();
        assert_eq!(file.reload().unwrap().meta.organisation, "x");
        file.save(&audit("y")).unwrap();
    }

    #[test]
    fn lock_held_and_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.svarskoll.ron");
        let first = AuditFile::create(&path, &audit("v1")).unwrap();
        let err = AuditFile::open(&path).unwrap_err();
        assert!(matches!(err, FileError::LockHeld { .. }), "{err:?}");
        let (mut reader, a) = AuditFile::open_read_only(&path).unwrap();
        assert_eq!(a.meta.organisation, "v1");
        assert!(reader.is_read_only());
        assert!(reader.holder().is_some());
        assert!(matches!(
            reader.save(&a).unwrap_err(),
            FileError::ReadOnly { .. }
        ));
        // Taking over: the first holder's next save is refused, nothing lost.
        let (mut second, _) = AuditFile::open_taking_over(&path).unwrap();
        second.save(&audit("second")).unwrap();
        let mut first = first;
        assert!(first.save(&audit("first")).is_err());
        assert_eq!(load_audit(&path).unwrap().meta.organisation, "second");
    }

    #[cfg(unix)]
    #[test]
    fn modes_are_kept_and_a_read_only_file_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.svarskoll.ron");
        AuditFile::create(&path, &audit("v1")).unwrap().release();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        let (mut file, _) = AuditFile::open(&path).unwrap();
        file.save(&audit("v2")).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&backup_path(&path)), 0o600);
        drop(file);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let err = AuditFile::open(&path).unwrap_err();
        assert!(matches!(err, FileError::ReadOnly { .. }), "{err:?}");
        assert!(err.words().contains("skrivskyddad"), "{err:?}");
        assert!(crate::store::save_audit(&path, &audit("v3")).is_err());
        assert_eq!(load_audit(&path).unwrap().meta.organisation, "v2");
    }
}
