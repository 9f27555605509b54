//! Evidence screenshots (PRODUCT §3): files in a folder beside the audit file, `NAME.evidence/`
//! for `NAME.svarskoll.ron`, referenced from each probe by a path relative to that folder. A
//! reference may never leave the folder: it is checked by its components and, once the file
//! exists, again after resolving symbolic links.

use super::FileError;
use super::disk::io_error;
use crate::core::Audit;
use crate::core::check::evidence_path_is_safe;
use crate::core::file_error::{FileAction, IoCause};
use crate::core::picture::EvidencePictures;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The audit file's suffix, stripped to name its evidence folder.
/// The evidence folder's suffix.
const EVIDENCE_SUFFIX: &str = ".evidence";
/// Longest file stem kept from the original name (before a `-2`, `-3` … suffix).
const MAX_STEM_CHARS: usize = 60;
/// Longest extension kept; anything longer is not an extension worth keeping.
const MAX_EXTENSION_CHARS: usize = 10;
/// Give up finding a free name after this many tries (a folder this full is a bug elsewhere).
const MAX_TRIES: u32 = 10_000;

/// The evidence folder of the audit at `audit_path`: `NAME.evidence/` beside it, where NAME is
/// the file name without `.svarskoll.ron` (or without `.ron`, for a file named otherwise).
///
/// ```
/// use std::path::Path;
/// use svarskoll::store::evidence::evidence_dir;
/// assert_eq!(
///     evidence_dir(Path::new("/a/grundskola-2019.svarskoll")),
///     Path::new("/a/grundskola-2019.evidence")
/// );
/// ```
#[must_use]
pub fn evidence_dir(audit_path: &Path) -> PathBuf {
    audit_path.with_file_name(format!("{}{EVIDENCE_SUFFIX}", audit_stem(audit_path)))
}

/// The audit file's name without `.svarskoll` or `.svarskoll.ron` (or without `.ron`, for a
/// file named otherwise): NAME, which names its evidence folder and the parts of a split.
///
/// ```
/// use std::path::Path;
/// use svarskoll::store::evidence::audit_stem;
/// assert_eq!(audit_stem(Path::new("/a/Grundskola.Svarskoll.ron")), "Grundskola");
/// assert_eq!(audit_stem(Path::new("/a/Grundskola 2026.svarskoll")), "Grundskola 2026");
/// ```
#[must_use]
pub fn audit_stem(audit_path: &Path) -> String {
    let name = audit_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The suffix compared byte for byte, ASCII case aside (a character that lowercases to
    // ASCII, such as the Kelvin sign, is not taken for part of it).
    let without = |suffix: &str| {
        let cut = name.len().checked_sub(suffix.len()).filter(|c| *c > 0)?;
        let tail = name.get(cut..)?;
        tail.eq_ignore_ascii_case(suffix)
            .then(|| name[..cut].to_owned())
    };
    super::AUDIT_SUFFIXES
        .iter()
        .find_map(|suffix| without(suffix))
        .unwrap_or_else(|| {
            if name.is_empty() {
                "granskning".to_owned()
            } else {
                name.clone()
            }
        })
}

/// The evidence folder, refused when it is a symbolic link leading out of the audit's folder
/// (evidence would be read from, or written to, anywhere). A missing folder is fine.
///
/// # Errors
/// When the folder leads elsewhere; the error names it.
pub fn checked_evidence_dir(audit_path: &Path) -> Result<PathBuf, FileError> {
    let dir = evidence_dir(audit_path);
    let Ok(meta) = fs::symlink_metadata(&dir) else {
        return Ok(dir);
    };
    if !meta.file_type().is_symlink() {
        return Ok(dir);
    }
    let home = dunce::canonicalize(super::disk::folder(audit_path)).ok();
    let real = dunce::canonicalize(&dir).ok();
    match (home, real) {
        (Some(home), Some(real)) if real.starts_with(&home) && real != home => Ok(dir),
        _ => Err(FileError::Io {
            path: dir,
            action: FileAction::UseEvidenceFolder,
            cause: IoCause::EvidenceFolderOutside,
        }),
    }
}

/// Copy `source` into the audit's evidence folder (created when missing) under a safe, unique
/// name, and return the path to store in the probe (relative to the folder). An existing file
/// is never overwritten: a clash gets `-2`, `-3` … before the extension.
///
/// # Errors
/// When `source` cannot be read or the folder or the copy cannot be written; the error names
/// the file.
pub fn attach_evidence(audit_path: &Path, source: &Path) -> Result<String, FileError> {
    let mut input = File::open(source).map_err(io_error(source, FileAction::ReadEvidence))?;
    let metadata = input
        .metadata()
        .map_err(io_error(source, FileAction::ReadEvidence))?;
    if !metadata.is_file() {
        return Err(FileError::Io {
            path: source.to_owned(),
            action: FileAction::AttachEvidence,
            cause: IoCause::NotARegularFile,
        });
    }
    let dir = checked_evidence_dir(audit_path)?;
    fs::create_dir_all(&dir).map_err(io_error(&dir, FileAction::CreateEvidenceFolder))?;
    let (stem, extension) = safe_name(source);
    for n in 1..=MAX_TRIES {
        let name = match (n, extension.is_empty()) {
            (1, true) => stem.clone(),
            (1, false) => format!("{stem}.{extension}"),
            (n, true) => format!("{stem}-{n}"),
            (n, false) => format!("{stem}-{n}.{extension}"),
        };
        let target = dir.join(&name);
        // `create_new` fails when the name is taken, even by a file created a moment ago by
        // someone else: the check and the creation are one step, so nothing is overwritten.
        let mut output = match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&target)
        {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io_error(&target, FileAction::WriteEvidence)(e)),
        };
        let copied = io::copy(&mut input, &mut output)
            .and_then(|_| output.flush())
            .and_then(|()| output.sync_all());
        if let Err(e) = copied {
            // Only the half-written copy made just now is removed; the source is untouched.
            drop(output);
            let _ = fs::remove_file(&target);
            return Err(io_error(&target, FileAction::WriteEvidence)(e));
        }
        return Ok(name);
    }
    Err(FileError::Io {
        path: dir,
        action: FileAction::NameEvidence,
        cause: IoCause::NoFreeName,
    })
}

/// The file a stored evidence reference points to.
///
/// # Errors
/// When `relative` would leave the evidence folder (`..`, an absolute path, a symbolic link
/// pointing out of it) or the file does not exist; the error names the file.
pub fn resolve_evidence(audit_path: &Path, relative: &str) -> Result<PathBuf, FileError> {
    let dir = checked_evidence_dir(audit_path)?;
    let refuse = |path: PathBuf| FileError::Io {
        path,
        action: FileAction::OpenEvidence,
        cause: IoCause::EvidenceOutside,
    };
    if !evidence_path_is_safe(relative) {
        return Err(refuse(PathBuf::from(relative)));
    }
    let joined = dir.join(relative);
    let real_dir =
        dunce::canonicalize(&dir).map_err(io_error(&dir, FileAction::FindEvidenceFolder))?;
    let real = dunce::canonicalize(&joined).map_err(io_error(&joined, FileAction::FindEvidence))?;
    if !real.starts_with(&real_dir) {
        return Err(refuse(joined));
    }
    Ok(real)
}

/// Copy the evidence files `audit` references from `old_audit`'s folder to `new_audit`'s (used by
/// "Spara som …", so the references keep working). The originals stay. A file already at the
/// destination is left alone rather than overwritten. Returns how many files were copied.
///
/// # Errors
/// When a file cannot be copied; the error names it. Files copied before the error stay.
pub fn copy_evidence(
    old_audit: &Path,
    new_audit: &Path,
    audit: &crate::core::Audit,
) -> Result<usize, FileError> {
    let (from, to) = (
        checked_evidence_dir(old_audit)?,
        checked_evidence_dir(new_audit)?,
    );
    if from == to || !from.is_dir() {
        return Ok(0);
    }
    let mut copied = 0;
    let references = audit
        .accounts
        .iter()
        .flat_map(|a| &a.probes)
        .flat_map(|p| &p.evidence);
    for relative in references {
        // A reference that leaves the folder or points nowhere is reported by `check`.
        let Ok(source) = resolve_evidence(old_audit, relative) else {
            continue;
        };
        let target = to.join(relative);
        if target.exists() {
            continue;
        }
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)
                .map_err(io_error(parent, FileAction::CreateEvidenceFolder))?;
        }
        fs::copy(&source, &target).map_err(io_error(&target, FileAction::CopyEvidence))?;
        copied += 1;
    }
    Ok(copied)
}

/// The screenshots of every audited account's probes, for the report's evidence appendix: each
/// reference (relative to the evidence folder) with its picture, decoded by
/// [`super::picture::read_picture`] (PNG or JPEG, on white, at most 1600 × 2200 pixels). A
/// reference that leaves the folder, points nowhere or is no readable picture maps to `None`;
/// nothing outside the folder is ever read. Accounts not audited are left out, as the report
/// leaves them out.
#[must_use]
pub fn load_pictures(audit_path: &Path, audit: &Audit) -> EvidencePictures {
    let references = audit
        .accounts
        .iter()
        .filter(|a| audit.is_audited(a))
        .flat_map(|a| &a.probes)
        .flat_map(|p| &p.evidence);
    let mut pictures = EvidencePictures::new();
    for relative in references {
        if pictures.contains_key(relative) {
            continue;
        }
        let picture = resolve_evidence(audit_path, relative)
            .ok()
            .and_then(|path| super::picture::read_picture(&path))
            .map(Arc::new);
        pictures.insert(relative.clone(), picture);
    }
    pictures
}

/// Forget the reference `relative` from a probe's evidence list; `true` when it was there.
///
/// The file itself is deliberately left in the evidence folder: an auditor's evidence must never
/// be lost by a click (or an undo of one), and a stray file costs nothing.
pub fn remove_reference(evidence: &mut Vec<String>, relative: &str) -> bool {
    let before = evidence.len();
    evidence.retain(|e| e != relative);
    evidence.len() != before
}

/// A safe file stem and extension from `source`'s name: letters (å ä ö included), digits, `-`
/// and `_`; everything else becomes `-`. Never empty, never hidden, never a path.
fn safe_name(source: &Path) -> (String, String) {
    let clean = |text: &str| {
        let mapped: String = text
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        mapped
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-")
    };
    let stem = source
        .file_stem()
        .map(|s| clean(&s.to_string_lossy()))
        .unwrap_or_default();
    let stem: String = stem.chars().take(MAX_STEM_CHARS).collect();
    let stem = stem.trim_end_matches('-').to_owned();
    let stem = if stem.is_empty() {
        "bevis".to_owned()
    } else {
        stem
    };
    let extension = source
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .filter(|e| {
            !e.is_empty()
                && e.chars().count() <= MAX_EXTENSION_CHARS
                && e.chars().all(|c| c.is_ascii_alphanumeric())
        })
        .unwrap_or_default();
    (stem, extension)
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

    fn audit_in(dir: &Path) -> PathBuf {
        dir.join("kultur-2024.svarskoll.ron")
    }

    #[test]
    fn the_folder_is_named_after_the_audit_file() {
        assert_eq!(
            evidence_dir(Path::new("/x/a.svarskoll.ron")),
            Path::new("/x/a.evidence")
        );
        assert_eq!(
            evidence_dir(Path::new("/x/A.Svarskoll.RON")),
            Path::new("/x/A.evidence")
        );
        assert_eq!(
            evidence_dir(Path::new("/x/b.ron")),
            Path::new("/x/b.evidence")
        );
        assert_eq!(evidence_dir(Path::new("c")), Path::new("c.evidence"));
    }

    #[test]
    fn attaching_copies_with_a_safe_unique_name_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let audit = audit_in(dir.path());
        let shot = dir.path().join("Skärmbild 2024-03-12 10.15.PNG");
        fs::write(&shot, b"first").unwrap();

        let first = attach_evidence(&audit, &shot).unwrap();
        assert_eq!(first, "Skärmbild-2024-03-12-10-15.png");
        let folder = dir.path().join("kultur-2024.evidence");
        assert_eq!(fs::read(folder.join(&first)).unwrap(), b"first");

        // The same name again: a new file beside it, the first one untouched.
        fs::write(&shot, b"second").unwrap();
        let second = attach_evidence(&audit, &shot).unwrap();
        assert_eq!(second, "Skärmbild-2024-03-12-10-15-2.png");
        assert_eq!(fs::read(folder.join(&first)).unwrap(), b"first");
        assert_eq!(fs::read(folder.join(&second)).unwrap(), b"second");
        assert_eq!(fs::read(&shot).unwrap(), b"second", "the source is kept");

        // Names that are not safe become safe; an odd extension is dropped.
        let odd = dir.path().join("..hemligt");
        fs::write(&odd, b"x").unwrap();
        assert_eq!(attach_evidence(&audit, &odd).unwrap(), "bevis.hemligt");
        let weird = dir.path().join("a b.p n g");
        fs::write(&weird, b"x").unwrap();
        assert_eq!(attach_evidence(&audit, &weird).unwrap(), "a-b");
        for name in [first, second] {
            assert!(evidence_path_is_safe(&name));
            assert_eq!(
                resolve_evidence(&audit, &name).unwrap(),
                folder.join(&name).canonicalize().unwrap()
            );
        }
    }

    #[test]
    fn a_missing_source_or_a_folder_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let audit = audit_in(dir.path());
        let missing = dir.path().join("finns-inte.png");
        let e = attach_evidence(&audit, &missing).unwrap_err().words();
        assert!(e.contains("finns-inte.png"), "{e}");
        let e = attach_evidence(&audit, dir.path()).unwrap_err().words();
        assert!(e.contains("ingen vanlig fil"), "{e}");
    }

    #[test]
    fn references_that_leave_the_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let audit = audit_in(dir.path());
        let folder = evidence_dir(&audit);
        fs::create_dir_all(&folder).unwrap();
        fs::write(dir.path().join("secret.txt"), b"x").unwrap();
        fs::write(folder.join("ok.png"), b"x").unwrap();
        for bad in [
            "../secret.txt",
            "sub/../../secret.txt",
            "/etc/passwd",
            "",
            "..",
        ] {
            let e = resolve_evidence(&audit, bad).unwrap_err().words();
            assert!(e.contains("utanför") || bad.is_empty(), "{bad}: {e}");
        }
        assert!(resolve_evidence(&audit, "./ok.png").is_ok());
        let e = resolve_evidence(&audit, "saknas.png").unwrap_err().words();
        assert!(e.contains("saknas.png"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_out_of_the_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let audit = audit_in(dir.path());
        let folder = evidence_dir(&audit);
        fs::create_dir_all(&folder).unwrap();
        fs::write(dir.path().join("secret.txt"), b"x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), folder.join("link.png")).unwrap();
        let e = resolve_evidence(&audit, "link.png").unwrap_err().words();
        assert!(e.contains("utanför"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn an_evidence_folder_linked_out_of_the_audits_folder_is_refused() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("hemlig.png"), b"x").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let audit = dir.path().join("a.svarskoll.ron");
        std::os::unix::fs::symlink(outside.path(), dir.path().join("a.evidence")).unwrap();
        let err = resolve_evidence(&audit, "hemlig.png").unwrap_err();
        assert!(err.words().contains("symbolisk länk"), "{err:?}");
        let source = dir.path().join("ny.png");
        fs::write(&source, b"y").unwrap();
        assert!(attach_evidence(&audit, &source).is_err());
        assert!(!outside.path().join("ny.png").exists());
    }

    /// A PNG of `width` × `height` pixels, every one `rgba`.
    fn png(path: &Path, width: u32, height: u32, rgba: [u8; 4]) {
        image::RgbaImage::from_pixel(width, height, image::Rgba(rgba))
            .save_with_format(path, image::ImageFormat::Png)
            .unwrap();
    }

    #[test]
    fn pictures_are_read_on_white_scaled_down_and_failures_are_none() {
        use crate::core::{Account, AccountStatus, Probe};
        let dir = tempfile::tempdir().unwrap();
        let audit_path = audit_in(dir.path());
        let folder = evidence_dir(&audit_path);
        fs::create_dir_all(folder.join("sub")).unwrap();
        image::RgbImage::from_pixel(4, 3, image::Rgb([10, 20, 30]))
            .save_with_format(folder.join("rgb.png"), image::ImageFormat::Png)
            .unwrap();
        png(&folder.join("sub/alpha.png"), 2, 2, [0, 0, 0, 0]);
        image::RgbImage::from_pixel(16, 8, image::Rgb([200, 100, 50]))
            .save_with_format(folder.join("photo.jpg"), image::ImageFormat::Jpeg)
            .unwrap();
        png(&folder.join("big.png"), 3200, 1000, [0, 128, 0, 255]);
        fs::write(folder.join("corrupt.png"), b"\x89PNG\r\n\x1a\n not really").unwrap();
        fs::write(folder.join("text.png"), b"just text").unwrap();
        // Outside the folder: never read, whatever the path.
        png(&dir.path().join("outside.png"), 2, 2, [1, 2, 3, 255]);
        let mut audit = Audit::default();
        let refs = |names: &[&str]| Probe {
            evidence: names.iter().map(|&n| n.to_owned()).collect(),
            ..Probe::default()
        };
        audit.accounts.push(Account {
            name: "A".into(),
            probes: vec![
                refs(&["rgb.png", "sub/alpha.png", "photo.jpg"]),
                refs(&["big.png", "corrupt.png", "text.png", "missing.png"]),
                refs(&["../outside.png", "sub/../../outside.png", "rgb.png"]),
            ],
            ..Account::default()
        });
        // Not audited: its screenshots are not in the report, so not read.
        audit.accounts.push(Account {
            name: "B".into(),
            status: AccountStatus::Closed,
            probes: vec![refs(&["closed.png"])],
            ..Account::default()
        });
        png(&folder.join("closed.png"), 2, 2, [0, 0, 0, 255]);

        let pictures = load_pictures(&audit_path, &audit);
        let keys: Vec<&str> = pictures.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "../outside.png",
                "big.png",
                "corrupt.png",
                "missing.png",
                "photo.jpg",
                "rgb.png",
                "sub/../../outside.png",
                "sub/alpha.png",
                "text.png",
            ]
        );
        let picture = |name: &str| pictures[name].clone();
        let rgb = picture("rgb.png").unwrap();
        assert_eq!((rgb.width, rgb.height), (4, 3));
        assert_eq!(&rgb.rgb[..3], [10, 20, 30]);
        let alpha = picture("sub/alpha.png").unwrap();
        assert_eq!(alpha.rgb, vec![255; 12], "transparent is white");
        let photo = picture("photo.jpg").unwrap();
        assert_eq!((photo.width, photo.height), (16, 8));
        let near = |a: u8, b: u8| a.abs_diff(b) <= 8;
        assert!(
            near(photo.rgb[0], 200) && near(photo.rgb[1], 100) && near(photo.rgb[2], 50),
            "{:?}",
            &photo.rgb[..3]
        );
        let big = picture("big.png").unwrap();
        assert_eq!((big.width, big.height), (1600, 500));
        assert_eq!(&big.rgb[..3], [0, 128, 0]);
        for p in [&rgb, &alpha, &photo, &big] {
            assert!(p.is_consistent());
        }
        for name in [
            "corrupt.png",
            "text.png",
            "missing.png",
            "../outside.png",
            "sub/../../outside.png",
        ] {
            assert!(picture(name).is_none(), "{name}");
        }
        // The same files give the same pixels.
        assert_eq!(load_pictures(&audit_path, &audit), pictures);
        // An audit never saved beside its folder has nothing to read.
        let elsewhere = audit_in(&dir.path().join("nowhere"));
        assert!(
            load_pictures(&elsewhere, &audit)
                .values()
                .all(Option::is_none)
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_picture_linked_from_outside_the_folder_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let audit_path = audit_in(dir.path());
        let folder = evidence_dir(&audit_path);
        fs::create_dir_all(&folder).unwrap();
        png(&dir.path().join("secret.png"), 2, 2, [9, 9, 9, 255]);
        std::os::unix::fs::symlink(dir.path().join("secret.png"), folder.join("link.png")).unwrap();
        let mut audit = Audit::default();
        audit.accounts.push(crate::core::Account {
            probes: vec![crate::core::Probe {
                evidence: vec!["link.png".into()],
                ..crate::core::Probe::default()
            }],
            ..crate::core::Account::default()
        });
        assert_eq!(load_pictures(&audit_path, &audit)["link.png"], None);
    }

    #[test]
    fn removing_a_reference_keeps_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let audit = audit_in(dir.path());
        let shot = dir.path().join("s.png");
        fs::write(&shot, b"x").unwrap();
        let name = attach_evidence(&audit, &shot).unwrap();
        let mut evidence = vec![name.clone(), "other.png".to_owned()];
        assert!(remove_reference(&mut evidence, &name));
        assert!(!remove_reference(&mut evidence, &name));
        assert_eq!(evidence, vec!["other.png".to_owned()]);
        assert!(evidence_dir(&audit).join(&name).is_file(), "the file stays");
    }

    #[test]
    fn save_as_copies_the_referenced_evidence_and_keeps_the_originals() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("a.svarskoll.ron");
        let new_dir = dir.path().join("ny");
        std::fs::create_dir(&new_dir).unwrap();
        let new = new_dir.join("b.svarskoll.ron");
        let shot = dir.path().join("skärmdump.png");
        std::fs::write(&shot, b"png").unwrap();
        let relative = attach_evidence(&old, &shot).unwrap();
        let mut audit = crate::core::Audit::default();
        audit.accounts.push(crate::core::Account {
            name: "A".into(),
            probes: vec![crate::core::Probe {
                evidence: vec![relative.clone(), "../utanför.png".into()],
                ..crate::core::Probe::default()
            }],
            ..crate::core::Account::default()
        });
        assert_eq!(copy_evidence(&old, &new, &audit).unwrap(), 1);
        assert_eq!(
            std::fs::read(resolve_evidence(&new, &relative).unwrap()).unwrap(),
            b"png"
        );
        assert!(
            resolve_evidence(&old, &relative).is_ok(),
            "the original stays"
        );
        assert_eq!(
            copy_evidence(&old, &new, &audit).unwrap(),
            0,
            "never overwrites"
        );
        assert_eq!(copy_evidence(&old, &old, &audit).unwrap(), 0);
    }
}
