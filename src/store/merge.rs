//! Merging the parts of a split audit back from their files (`core::merge`), with their
//! evidence: each part's screenshots are copied into the target audit's evidence folder. A file
//! there with the same content is used as it is; one with the same name but other content is
//! never written over: the copy gets a free name (`-2`, `-3` …) and the reference follows it.
//!
//! Nothing is written before the user has a merge without conflicts: [`prepare_merge`] only
//! reads (it plans the copies), [`PartsMerge::copy_evidence`] copies. [`merge_files`] does both
//! for the command line and writes the merged audit atomically.

use super::FileError;
use super::audit_file::load_audit;
use super::disk::io_error;
use super::evidence::{checked_evidence_dir, evidence_dir, resolve_evidence};
use super::session::AuditFile;
use crate::core::file_error::{FileAction, IoCause};
use crate::core::merge::{Conflict, Counts, Merge, MergeError, Setting, merge};
use crate::core::{Account, Audit};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Give up finding a free evidence name after this many tries.
const MAX_TRIES: u32 = 10_000;

/// A merge read and planned, not yet written.
#[derive(Debug)]
pub struct PartsMerge {
    /// The merged audit and its conflicts (`Source::Part(i)` is `parts[i]`).
    pub merge: Merge,
    /// The parts' files, in the order they were given.
    pub parts: Vec<PathBuf>,
    /// Evidence files to copy: from a part's (or the base's) folder into the target's.
    copies: Vec<(PathBuf, PathBuf)>,
}

impl PartsMerge {
    /// Copy the evidence the merged audit needs into the target's evidence folder (after the
    /// user has resolved any conflicts). Returns how many files were copied.
    ///
    /// # Errors
    /// A file that cannot be read or written; a name taken since the merge was planned by a file
    /// of other content (nothing is written over). Files copied before the error stay.
    pub fn copy_evidence(&self) -> Result<usize, FileError> {
        let mut copied = 0;
        for (from, to) in &self.copies {
            if let Some(parent) = to.parent() {
                fs::create_dir_all(parent)
                    .map_err(io_error(parent, FileAction::CreateEvidenceFolder))?;
            }
            let bytes = fs::read(from).map_err(io_error(from, FileAction::ReadEvidence))?;
            match OpenOptions::new().write(true).create_new(true).open(to) {
                Ok(mut file) => {
                    let written = file
                        .write_all(&bytes)
                        .and_then(|()| file.sync_all())
                        .map_err(io_error(to, FileAction::CopyEvidence));
                    if let Err(e) = written {
                        drop(file);
                        let _ = fs::remove_file(to);
                        return Err(e);
                    }
                    copied += 1;
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    if fs::read(to).ok().as_deref() != Some(bytes.as_slice()) {
                        return Err(FileError::Io {
                            path: to.clone(),
                            action: FileAction::CopyEvidence,
                            cause: IoCause::AlreadyExists,
                        });
                    }
                }
                Err(e) => return Err(io_error(to, FileAction::CopyEvidence)(e)),
            }
        }
        Ok(copied)
    }
}

/// Read the parts at `part_paths` and merge them into `base` (the audit at `base_path`), to be
/// kept at `target` (the base's own file, or a new one): the merged audit, its conflicts, and
/// the evidence copies it needs, planned without writing anything.
///
/// # Errors
/// A part that cannot be read, is no part, or is a part of another audit; an evidence file
/// that cannot be read. Each error names its file.
pub fn prepare_merge(
    base: &Audit,
    base_path: &Path,
    target: &Path,
    part_paths: &[PathBuf],
) -> Result<PartsMerge, FileError> {
    let mut parts: Vec<Audit> = part_paths
        .iter()
        .map(|p| load_audit(p))
        .collect::<Result<_, _>>()?;
    let mut base = base.clone();
    let mut plan = EvidencePlan {
        dir: checked_evidence_dir(target)?,
        placed: HashMap::new(),
        copies: Vec::new(),
    };
    // Into another file: the base's own evidence goes along first (its references as they are,
    // unless a different file already has the name there).
    if evidence_dir(base_path) != evidence_dir(target) {
        let renamed = plan.place_all(base_path, &base.accounts)?;
        rename(&mut base.accounts, &renamed);
        for part in &mut parts {
            if let Some(origin) = &mut part.split {
                rename(&mut origin.accounts, &renamed);
            }
        }
    }
    for (path, part) in part_paths.iter().zip(&mut parts) {
        let renamed = plan.place_all(path, &part.accounts)?;
        rename(&mut part.accounts, &renamed);
    }
    let merge = merge(&base, &parts).map_err(|e| match e {
        MergeError::NotAPart { part } => FileError::NotAPart {
            path: part_paths[part].clone(),
        },
        MergeError::NotFromThisAudit { part } => FileError::NotAPartOf {
            path: part_paths[part].clone(),
            audit: base_path.to_owned(),
        },
    })?;
    Ok(PartsMerge {
        merge,
        parts: part_paths.to_vec(),
        copies: plan.copies,
    })
}

/// What `svarskoll merge` did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeOutcome {
    /// When not empty, nothing was written.
    pub conflicts: Vec<Conflict>,
    pub counts: Counts,
    /// Settings a part held differently, not taken (by index into the parts).
    pub ignored: Vec<(usize, Setting)>,
    pub evidence_copied: usize,
}

/// Merge the parts at `part_paths` into the audit at `base_path` and write the result to `out`:
/// the base's own file (held under its lock from reading to writing), or a new file. With any
/// conflict nothing at all is written; the outcome lists them.
///
/// # Errors
/// `out` exists and is not the base; any file that cannot be read or written (named).
pub fn merge_files(
    base_path: &Path,
    part_paths: &[PathBuf],
    out: &Path,
) -> Result<MergeOutcome, FileError> {
    let same = match (dunce::canonicalize(base_path), dunce::canonicalize(out)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    let (held, base) = if same {
        let (file, base) = AuditFile::open(base_path)?;
        (Some(file), base)
    } else {
        if fs::symlink_metadata(out).is_ok() {
            return Err(FileError::Io {
                path: out.to_owned(),
                action: FileAction::Create,
                cause: IoCause::AlreadyExists,
            });
        }
        (None, load_audit(base_path)?)
    };
    let prepared = prepare_merge(&base, base_path, out, part_paths)?;
    let mut outcome = MergeOutcome {
        conflicts: prepared.merge.conflicts.clone(),
        counts: Counts::between(&base, &prepared.merge.audit),
        ignored: prepared.merge.ignored.clone(),
        evidence_copied: 0,
    };
    if !outcome.conflicts.is_empty() {
        return Ok(outcome);
    }
    outcome.evidence_copied = prepared.copy_evidence()?;
    match held {
        Some(mut file) => {
            file.save(&prepared.merge.audit)?;
            file.release();
        }
        None => AuditFile::create(out, &prepared.merge.audit)?.release(),
    }
    Ok(outcome)
}

/// Where each evidence file goes in the target's folder.
struct EvidencePlan {
    dir: PathBuf,
    /// Names given in the target folder so far, with their content's hash.
    placed: HashMap<String, [u8; 32]>,
    copies: Vec<(PathBuf, PathBuf)>,
}

impl EvidencePlan {
    /// Place every evidence file `accounts` reference (in the folder of the audit at `from`);
    /// returns the references that need another name. A reference that points nowhere (or out
    /// of the folder) stays as it is: `check` reports it.
    fn place_all(
        &mut self,
        from: &Path,
        accounts: &[Account],
    ) -> Result<HashMap<String, String>, FileError> {
        let mut renamed = HashMap::new();
        let mut done = std::collections::HashSet::new();
        for reference in accounts
            .iter()
            .flat_map(|a| &a.probes)
            .flat_map(|p| &p.evidence)
        {
            if !done.insert(reference.as_str()) {
                continue;
            }
            let Ok(source) = resolve_evidence(from, reference) else {
                continue;
            };
            let name = self.place(&source, reference)?;
            if name != *reference {
                renamed.insert(reference.clone(), name);
            }
        }
        Ok(renamed)
    }

    /// The name `source` gets: `wanted` when it is free or holds the same content, else the
    /// first free `-2`, `-3` … name (or one holding the same content).
    fn place(&mut self, source: &Path, wanted: &str) -> Result<String, FileError> {
        let hash = file_hash(source, FileAction::ReadEvidence)?;
        for n in 1..=MAX_TRIES {
            let name = numbered(wanted, n);
            if let Some(placed) = self.placed.get(&name) {
                if *placed == hash {
                    return Ok(name);
                }
                continue;
            }
            let target = self.dir.join(&name);
            if fs::symlink_metadata(&target).is_ok() {
                if target.is_file() && file_hash(&target, FileAction::FindEvidence)? == hash {
                    self.placed.insert(name.clone(), hash);
                    return Ok(name);
                }
                continue;
            }
            self.placed.insert(name.clone(), hash);
            self.copies.push((source.to_owned(), target));
            return Ok(name);
        }
        Err(FileError::Io {
            path: self.dir.clone(),
            action: FileAction::NameEvidence,
            cause: IoCause::NoFreeName,
        })
    }
}

fn file_hash(path: &Path, action: FileAction) -> Result<[u8; 32], FileError> {
    let bytes = fs::read(path).map_err(io_error(path, action))?;
    Ok(Sha256::digest(&bytes).into())
}

/// `sub/skärmbild.png` as the `n`th name: `sub/skärmbild-n.png` (itself for 1).
fn numbered(reference: &str, n: u32) -> String {
    if n == 1 {
        return reference.to_owned();
    }
    let (folder, file) = match reference.rfind('/') {
        Some(i) => reference.split_at(i + 1),
        None => ("", reference),
    };
    match file.rfind('.').filter(|i| *i > 0) {
        Some(i) => format!("{folder}{}-{n}{}", &file[..i], &file[i..]),
        None => format!("{folder}{file}-{n}"),
    }
}

/// Rename evidence references as `renamed` says.
fn rename(accounts: &mut [Account], renamed: &HashMap<String, String>) {
    if renamed.is_empty() {
        return;
    }
    for reference in accounts
        .iter_mut()
        .flat_map(|a| &mut a.probes)
        .flat_map(|p| &mut p.evidence)
    {
        if let Some(name) = renamed.get(reference) {
            reference.clone_from(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_names_keep_folder_and_extension() {
        assert_eq!(numbered("a.png", 1), "a.png");
        assert_eq!(numbered("a.png", 2), "a-2.png");
        assert_eq!(numbered("sub/a.b.png", 3), "sub/a.b-3.png");
        assert_eq!(numbered(".hidden", 2), ".hidden-2");
        assert_eq!(numbered("x", 2), "x-2");
    }
}
