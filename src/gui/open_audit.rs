//! The open audit: the value, its file, undo/redo history and what has been saved.
//!
//! Screens edit `doc.audit` in place (egui widgets need `&mut String`) and then report the change
//! with [`OpenAudit::changed`]; the document keeps the state as of the previous change, so that is
//! what an undo step restores. Bursts of typing in one field become one undo step.

use crate::core::Audit;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How many undo steps are kept. An audit of a few hundred accounts is well under a megabyte.
const UNDO_DEPTH: usize = 100;

/// Typing in the same field within this interval is one undo step.
const COALESCE: Duration = Duration::from_millis(1500);

/// Which edit a change belongs to, so that keystrokes in one field coalesce.
pub type EditKey = egui::Id;

/// The audit being worked on.
pub struct OpenAudit {
    pub audit: Audit,
    /// The audit file; `None` until the audit is saved for the first time.
    pub path: Option<PathBuf>,
    /// Bumped on every change; screens use it to refresh caches.
    generation: u64,
    /// The generation last written to `path`.
    saved_generation: u64,
    /// The audit as of the last recorded change: the base for the next undo step.
    committed: Audit,
    undo: Vec<Audit>,
    redo: Vec<Audit>,
    last_edit: Option<(EditKey, Instant)>,
    /// When the first not-yet-saved change was made (for the autosave delay).
    dirty_since: Option<Instant>,
    /// The file held open for writing (its lock, the check for others' changes, the version as
    /// opened); `None` for an audit not opened through `store::AuditFile` (then saves go through
    /// `store::save_audit`, which takes the lock for the moment of the write).
    pub file: Option<SharedFile>,
    /// Why nothing may be changed or saved (someone else holds the audit, or the file is
    /// read-only); `None` when the audit is editable.
    pub read_only: Option<ReadOnly>,
}

/// The audit file, shared with the autosave thread.
pub type SharedFile = std::sync::Arc<std::sync::Mutex<crate::store::AuditFile>>;

/// Why an audit is open read-only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadOnly {
    /// Another program holds its lock.
    HeldBy(crate::store::LockHolder),
    /// The file itself is read-only.
    FileReadOnly,
}

impl OpenAudit {
    /// A document for `audit`; `path` is where it lives on disk (already saved there), if anywhere.
    #[must_use]
    pub fn new(mut audit: Audit, path: Option<PathBuf>) -> Self {
        give_ids(&mut audit);
        Self {
            committed: audit.clone(),
            audit,
            path,
            generation: 1,
            saved_generation: 1,
            undo: Vec::new(),
            redo: Vec::new(),
            last_edit: None,
            dirty_since: None,
            file: None,
            read_only: None,
        }
    }

    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Record that `audit` was changed in place by the widget `key`.
    pub fn changed(&mut self, key: EditKey) {
        if self.read_only.is_some() {
            // Read-only: the widget's change is taken back at once; nothing edits.
            self.audit = self.committed.clone();
            return;
        }
        let now = Instant::now();
        let coalesce = self
            .last_edit
            .is_some_and(|(k, at)| k == key && now.duration_since(at) < COALESCE);
        if !coalesce {
            self.push_undo(self.committed.clone());
        }
        self.last_edit = Some((key, now));
        self.after_change(now);
    }

    /// Apply a discrete change (a button, an import) as its own undo step.
    pub fn edit<R>(&mut self, change: impl FnOnce(&mut Audit) -> R) -> R {
        let result = change(&mut self.audit);
        if self.read_only.is_some() {
            self.audit = self.committed.clone();
            return result;
        }
        if self.audit != self.committed {
            self.push_undo(self.committed.clone());
            self.last_edit = None;
            self.after_change(Instant::now());
        }
        result
    }

    fn push_undo(&mut self, state: Audit) {
        self.undo.push(state);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    fn after_change(&mut self, now: Instant) {
        give_ids(&mut self.audit);
        self.committed = self.audit.clone();
        self.generation += 1;
        self.dirty_since.get_or_insert(now);
    }

    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What the next undo would take back, in words ("Besvarad, Alpha (Facebook)").
    #[must_use]
    pub fn undo_text(&self, lang: crate::core::Lang) -> Option<String> {
        let before = self.undo.last()?;
        let spot = crate::core::diff::where_changed(before, &self.audit)?;
        Some(crate::i18n::change_text(spot, &self.audit, lang))
    }

    /// What the next redo would put back, in words.
    #[must_use]
    pub fn redo_text(&self, lang: crate::core::Lang) -> Option<String> {
        let after = self.redo.last()?;
        let spot = crate::core::diff::where_changed(&self.audit, after)?;
        Some(crate::i18n::change_text(spot, after, lang))
    }

    /// Go back one step; `false` when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        if self.read_only.is_some() {
            return false;
        }
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.audit, previous);
        self.redo.push(current);
        self.last_edit = None;
        self.after_change(Instant::now());
        true
    }

    /// Redo one undone step; `false` when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        if self.read_only.is_some() {
            return false;
        }
        let Some(next) = self.redo.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.audit, next);
        self.undo.push(current);
        self.last_edit = None;
        self.after_change(Instant::now());
        true
    }

    /// Everything is on disk.
    #[must_use]
    pub fn is_saved(&self) -> bool {
        self.path.is_some() && self.saved_generation == self.generation
    }

    /// There is a file and it is behind the audit in memory.
    #[must_use]
    pub fn needs_save(&self) -> bool {
        self.path.is_some() && self.saved_generation != self.generation
    }

    /// Whether closing would lose anything: changes not on disk, or a new audit never saved.
    #[must_use]
    pub fn has_unsaved_work(&self) -> bool {
        match self.path {
            Some(_) => self.saved_generation != self.generation,
            None => self.generation > 1 || !self.audit.accounts.is_empty(),
        }
    }

    /// How long the oldest unsaved change has waited.
    #[must_use]
    pub fn dirty_for(&self) -> Option<Duration> {
        self.dirty_since.map(|t| t.elapsed())
    }

    /// `generation` was written to `path`.
    pub fn mark_saved(&mut self, path: &Path, generation: u64) {
        if self.path.as_deref() == Some(path) && generation > self.saved_generation {
            self.saved_generation = generation;
        }
        if self.saved_generation == self.generation {
            self.dirty_since = None;
        }
    }

    /// The audit now lives at `path` (after "save as"); it still has to be written there.
    pub fn set_path(&mut self, path: PathBuf) {
        // A new file: the old one's lock goes with it (dropping releases it).
        self.file = None;
        self.path = Some(path);
        self.saved_generation = 0;
        self.dirty_since.get_or_insert_with(Instant::now);
    }

    /// The file name for the title bar.
    #[must_use]
    pub fn display_name(&self) -> Option<String> {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
    }
}

/// New accounts and probes get their stable id as soon as they exist, so typed text, the
/// evidence window and a dialog's answer stay with them whatever happens to the rows around them.
fn give_ids(audit: &mut Audit) {
    let missing = audit
        .accounts
        .iter()
        .any(|a| a.id.0 == 0 || a.probes.iter().any(|p| p.id.0 == 0));
    if missing {
        audit.assign_missing_ids(crate::store::random_id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_coalesces_and_undo_redo_round_trips() {
        let mut doc = OpenAudit::new(Audit::default(), None);
        let key = egui::Id::unique("org");
        doc.audit.meta.organisation = "M".into();
        doc.changed(key);
        doc.audit.meta.organisation = "Malmö".into();
        doc.changed(key);
        doc.edit(|a| a.meta.year = 2019);
        assert!(doc.undo());
        assert_eq!(doc.audit.meta.year, 0);
        assert_eq!(doc.audit.meta.organisation, "Malmö");
        assert!(doc.undo());
        assert_eq!(doc.audit.meta.organisation, "");
        assert!(!doc.undo());
        assert!(doc.redo());
        assert_eq!(doc.audit.meta.organisation, "Malmö");
        assert!(doc.redo());
        assert_eq!(doc.audit.meta.year, 2019);
    }

    #[test]
    fn save_state_follows_generations() {
        let path = PathBuf::from("/tmp/x.svarskoll.ron");
        let mut doc = OpenAudit::new(Audit::default(), Some(path.clone()));
        assert!(doc.is_saved());
        doc.edit(|a| a.meta.year = 2020);
        assert!(doc.needs_save() && doc.has_unsaved_work());
        let generation = doc.generation();
        doc.mark_saved(&path, generation);
        assert!(doc.is_saved() && !doc.has_unsaved_work());
        // A no-op edit is not a change.
        doc.edit(|a| a.meta.year = 2020);
        assert!(doc.is_saved());
    }
}
