//! Audit file versions and the migrations between them.
//!
//! A file is read in two steps: first only its `version` (so a file from a newer Svarskoll is
//! refused before any of its unknown fields are met), then the whole file, after which each step
//! from the file's version up to [`AUDIT_FILE_VERSION`] runs in order.
//!
//! To change the format: raise `AUDIT_FILE_VERSION`, add the step to [`STEPS`], and add
//! `tests/fixtures/audit-vN.svarskoll.ron` written by the new version. A field that is only added
//! gets `#[serde(default)]` and a step that fills it; a field that is renamed or removed needs the
//! old version's shape frozen in a `vN` module here, parsed instead of `Audit` and converted.

use crate::core::{AUDIT_FILE_VERSION, Audit, ReportSettings};
use serde::Deserialize;

/// One step: from `from` to `from + 1`.
pub struct Step {
    pub from: u32,
    /// What the step changes, for the developer.
    pub what: &'static str,
    pub apply: fn(&mut Audit),
}

/// Every step, in order; `STEPS[i].from == i + 1`.
pub const STEPS: &[Step] = &[
    Step {
        from: 1,
        what: "stable ids for accounts and probes",
        apply: v1_to_v2,
    },
    Step {
        from: 2,
        what: "the report's settings (`report`: whether the evidence appendix is included)",
        apply: v2_to_v3,
    },
    Step {
        from: 3,
        what: "the split marker of a part (`split`: its accounts as they were at the split)",
        apply: v3_to_v4,
    },
];

/// 1 → 2: every account and probe gets a stable random id.
fn v1_to_v2(audit: &mut Audit) {
    audit.assign_missing_ids(super::random_id);
}

/// 2 → 3: `report: ReportSettings` is added. Earlier files had no such choice, so they get the
/// default: no evidence appendix (screenshots are only put in a report when the auditor asks).
fn v2_to_v3(audit: &mut Audit) {
    audit.report = ReportSettings::default();
}

/// 3 → 4: `split: Option<SplitOrigin>` is added. No earlier file was a part made by a split
/// (splitting came with version 4), so none has a marker.
fn v3_to_v4(audit: &mut Audit) {
    audit.split = None;
}

/// The part of a file read first.
#[derive(Deserialize)]
#[serde(rename = "Audit")]
struct Header {
    /// Files without a version are from before versions were written: the first format.
    #[serde(default = "first_version")]
    version: u32,
}

fn first_version() -> u32 {
    1
}

/// The file's format version, read without the rest of the file. `None` when the text does not
/// even parse that far (the full parse then names the problem).
#[must_use]
pub fn file_version(text: &str) -> Option<u32> {
    ron::Options::default()
        .from_str::<Header>(text)
        .ok()
        .map(|h| h.version)
}

/// Bring an audit parsed from a file of `version` up to [`AUDIT_FILE_VERSION`].
pub fn migrate(audit: &mut Audit, version: u32) {
    for step in STEPS.iter().filter(|s| s.from >= version) {
        (step.apply)(audit);
    }
    audit.version = AUDIT_FILE_VERSION;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_lead_from_the_first_version_to_the_current_one() {
        for (i, step) in STEPS.iter().enumerate() {
            assert_eq!(step.from as usize, i + 1, "{}", step.what);
        }
        assert_eq!(STEPS.len() as u32 + 1, AUDIT_FILE_VERSION);
    }

    #[test]
    fn files_before_version_3_get_no_evidence_appendix_and_version_3_keeps_its_choice() {
        let chosen = || {
            let mut audit = Audit::default();
            audit.report.evidence_appendix = true;
            audit
        };
        for version in [1, 2] {
            let mut audit = chosen();
            migrate(&mut audit, version);
            assert!(!audit.report.evidence_appendix, "version {version}");
            assert_eq!(audit.version, AUDIT_FILE_VERSION);
        }
        let mut audit = chosen();
        migrate(&mut audit, 3);
        assert!(audit.report.evidence_appendix);
    }

    #[test]
    fn files_before_version_4_are_not_parts_and_version_4_keeps_its_marker() {
        let part = || Audit {
            split: Some(crate::core::SplitOrigin {
                part: 2,
                parts: 3,
                accounts: Vec::new(),
            }),
            ..Audit::default()
        };
        for version in 1..=3 {
            let mut audit = part();
            migrate(&mut audit, version);
            assert_eq!(audit.split, None, "version {version}");
        }
        let mut audit = part();
        migrate(&mut audit, 4);
        assert_eq!(audit.split.map(|s| s.part), Some(2));
    }

    #[test]
    fn the_version_is_read_before_the_rest() {
        assert_eq!(
            file_version("Audit(version: 7, unknown_future_field: 3)"),
            Some(7)
        );
        assert_eq!(file_version("(version: 2)"), Some(2));
        assert_eq!(file_version("Audit(meta: ())"), Some(1));
        assert_eq!(file_version("Audit(version: "), None);
    }
}
