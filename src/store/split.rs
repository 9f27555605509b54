//! Writing the parts of a split audit (`core::split`): one audit file per part in a folder, each
//! beside its own evidence folder holding the screenshots its probes reference. File names are
//! safe on every system: `NAME-del-1.svarskoll`, `NAME-<unit>.svarskoll`,
//! `NAME-facebook.svarskoll`.

use super::FileError;
use super::disk::io_error;
use super::evidence::{audit_stem, copy_evidence, evidence_dir};
use super::session::AuditFile;
use crate::core::Platform;
use crate::core::file_error::{FileAction, IoCause};
use crate::core::results::GroupKey;
use crate::core::split::{Part, PartKey};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Longest slug taken from a unit's name.
const MAX_SLUG_CHARS: usize = 40;

/// The file names of `parts`, split from the audit at `audit_path`: unique (also where case is
/// ignored), without characters a file name may not hold anywhere, never a reserved Windows
/// name.
///
/// ```
/// use std::path::Path;
/// use svarskoll::core::generated::generated_audit;
/// use svarskoll::core::split::{SplitBy, split};
/// use svarskoll::store::split::part_file_names;
/// let parts = split(&generated_audit(6, 1, 1), SplitBy::Count(2)).unwrap();
/// assert_eq!(
///     part_file_names(Path::new("/a/kultur.svarskoll.ron"), &parts),
///     ["kultur-del-1.svarskoll", "kultur-del-2.svarskoll"]
/// );
/// ```
#[must_use]
pub fn part_file_names(audit_path: &Path, parts: &[Part]) -> Vec<String> {
    let stem = safe_stem(&audit_stem(audit_path));
    let mut taken = HashSet::new();
    parts
        .iter()
        .map(|part| {
            let wanted = format!("{stem}-{}", key_slug(&part.key));
            let mut name = wanted.clone();
            let mut n = 1;
            while !taken.insert(name.to_lowercase()) {
                n += 1;
                name = format!("{wanted}-{n}");
            }
            format!("{name}{}", super::AUDIT_SUFFIX)
        })
        .collect()
}

/// Write `parts` of the audit at `audit_path` into `dir` (created when missing), each with the
/// evidence files its probes reference copied into its own evidence folder. Nothing is written
/// over: when any part's file or evidence folder exists already, nothing is written at all.
/// Returns the files written, in the parts' order.
///
/// # Errors
/// A part's file or evidence folder that exists, a folder that cannot be made, or a file that
/// cannot be written; the error names it. Parts written before a write error stay.
pub fn write_parts(
    audit_path: &Path,
    parts: &[Part],
    dir: &Path,
) -> Result<Vec<PathBuf>, FileError> {
    let paths: Vec<PathBuf> = part_file_names(audit_path, parts)
        .into_iter()
        .map(|name| dir.join(name))
        .collect();
    for path in &paths {
        for taken in [path.clone(), evidence_dir(path)] {
            if std::fs::symlink_metadata(&taken).is_ok() {
                return Err(FileError::Io {
                    path: taken,
                    action: FileAction::Create,
                    cause: IoCause::AlreadyExists,
                });
            }
        }
    }
    std::fs::create_dir_all(dir).map_err(io_error(dir, FileAction::Create))?;
    for (part, path) in parts.iter().zip(&paths) {
        copy_evidence(audit_path, path, &part.audit)?;
        AuditFile::create(path, &part.audit)?.release();
    }
    Ok(paths)
}

/// The part of a file name that says which part.
fn key_slug(key: &PartKey) -> String {
    match key {
        PartKey::Number(n) => format!("del-{n}"),
        PartKey::Unit(GroupKey::Unit(unit)) => {
            let slug = slug(unit);
            if slug.is_empty() {
                "verksamhet".to_owned()
            } else {
                slug
            }
        }
        PartKey::Unit(GroupKey::NoUnit | GroupKey::Platform(_)) => "utan-verksamhet".to_owned(),
        PartKey::Platform(platform) => match platform {
            Platform::Facebook => "facebook",
            Platform::Instagram => "instagram",
            Platform::X => "x",
            Platform::LinkedIn => "linkedin",
            Platform::YouTube => "youtube",
            Platform::TikTok => "tiktok",
            Platform::Other => "ovrigt",
        }
        .to_owned(),
    }
}

/// Lowercase letters (å, ä, ö too) and digits, everything else one `-`, at most
/// [`MAX_SLUG_CHARS`] characters: "Förskola Åby / Norr" → "förskola-åby-norr".
fn slug(text: &str) -> String {
    let mapped: String = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let joined = mapped
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let capped: String = joined.chars().take(MAX_SLUG_CHARS).collect();
    capped.trim_end_matches('-').to_owned()
}

/// The audit's own name, made safe for a file name on every system: no `\ / : * ? " < > |` or
/// control characters, no trailing dot or space, and never a reserved Windows device name.
fn safe_stem(stem: &str) -> String {
    let mapped: String = stem
        .chars()
        .map(|c| {
            if c.is_control() || "\\/:*?\"<>|".contains(c) {
                '-'
            } else {
                c
            }
        })
        .collect();
    let trimmed = mapped.trim_end_matches(['.', ' ']).trim_start();
    let base = trimmed.split('.').next().unwrap_or_default().to_uppercase();
    let reserved = matches!(base.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((base.starts_with("COM") || base.starts_with("LPT"))
            && base.len() == 4
            && base[3..].chars().all(|c| c.is_ascii_digit()));
    if trimmed.is_empty() {
        "granskning".to_owned()
    } else if reserved {
        format!("granskning-{trimmed}")
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::split::Part;
    use crate::core::{Account, Audit};

    fn part(key: PartKey) -> Part {
        Part {
            key,
            audit: Audit::default(),
        }
    }

    #[test]
    fn part_names_are_safe_and_unique() {
        let unit = |u: &str| part(PartKey::Unit(GroupKey::unit(u)));
        let parts = [
            unit("Förskola Åby / Norr"),
            unit("förskola åby: norr"),
            unit("CON"),
            unit(":*?"),
            part(PartKey::Unit(GroupKey::NoUnit)),
            part(PartKey::Platform(Platform::X)),
        ];
        let names = part_file_names(Path::new("/a/b/Kultur 2024.svarskoll.ron"), &parts);
        assert_eq!(
            names,
            [
                "Kultur 2024-förskola-åby-norr.svarskoll",
                "Kultur 2024-förskola-åby-norr-2.svarskoll",
                "Kultur 2024-con.svarskoll",
                "Kultur 2024-verksamhet.svarskoll",
                "Kultur 2024-utan-verksamhet.svarskoll",
                "Kultur 2024-x.svarskoll",
            ]
        );
        for name in &names {
            assert!(!name.chars().any(|c| "\\/:*?\"<>|".contains(c)), "{name}");
        }
        assert_eq!(safe_stem("con"), "granskning-con");
        assert_eq!(safe_stem("LPT1.x"), "granskning-LPT1.x");
        assert_eq!(safe_stem("a:b. "), "a-b");
        assert_eq!(safe_stem(" "), "granskning");
        assert_eq!(safe_stem("COMMON"), "COMMON");
    }

    #[test]
    fn parts_are_written_with_their_evidence_and_nothing_is_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let audit_path = dir.path().join("a.svarskoll.ron");
        let folder = evidence_dir(&audit_path);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("one.png"), b"1").unwrap();
        std::fs::write(folder.join("two.png"), b"2").unwrap();
        let with = |name: &str, evidence: &str| {
            let mut audit = Audit::default();
            audit.accounts.push(Account {
                name: name.into(),
                probes: vec![crate::core::Probe {
                    evidence: vec![evidence.into()],
                    ..crate::core::Probe::default()
                }],
                ..Account::default()
            });
            audit
        };
        let parts = [
            Part {
                key: PartKey::Number(1),
                audit: with("A", "one.png"),
            },
            Part {
                key: PartKey::Number(2),
                audit: with("B", "two.png"),
            },
        ];
        let out = dir.path().join("delar");
        let written = write_parts(&audit_path, &parts, &out).unwrap();
        assert_eq!(written[0], out.join("a-del-1.svarskoll"));
        let first = evidence_dir(&written[0]);
        assert_eq!(std::fs::read(first.join("one.png")).unwrap(), b"1");
        assert!(!first.join("two.png").exists(), "only its own evidence");
        assert_eq!(
            std::fs::read(evidence_dir(&written[1]).join("two.png")).unwrap(),
            b"2"
        );
        assert_eq!(
            super::super::load_audit(&written[1]).unwrap().accounts[0].name,
            "B"
        );
        // Again into the same folder: refused before anything is written.
        std::fs::remove_file(&written[1]).unwrap();
        let before = std::fs::read(&written[0]).unwrap();
        let err = write_parts(&audit_path, &parts, &out).unwrap_err();
        assert_eq!(err.path(), written[0]);
        assert!(!written[1].exists());
        assert_eq!(std::fs::read(&written[0]).unwrap(), before);
    }
}
