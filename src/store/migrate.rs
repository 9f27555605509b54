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

use super::audit_file::parse_ron;
use crate::core::file_error::FileError;
use crate::core::{AUDIT_FILE_VERSION, Audit, ReportSettings};
use serde::Deserialize;
use std::path::Path;

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
        what: "the account review (`review`: the checklist; `accounts[].review`: the answers)",
        apply: v3_to_v4,
    },
    Step {
        from: 4,
        what: "earlier audits as a list (`earlier: Vec<EarlierAudit>`, each with its `year`)",
        apply: earlier_audits_as_a_list,
    },
    Step {
        from: 5,
        what: "the split marker of a part (`split`: its accounts as they were at the split)",
        apply: v5_to_v6,
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

/// 3 → 4: `Audit::review` (the account review's checklist) and `Account::review` (each
/// account's answers) are added; fields only added, so serde's defaults already filled them.
/// Earlier files had no checklist: an empty one, and no answers (nothing reviewed). The
/// checklist is not taken from the audit's template now: the audit as it was stays as it was,
/// and the auditor who wants a review adds the checklist by starting from the template anew.
fn v3_to_v4(audit: &mut Audit) {
    audit.review.clear();
    for account in &mut audit.accounts {
        account.review.clear();
    }
}

/// 4 → 5: `earlier` became a list. The change of type is done when the file is read
/// ([`parse_shape`] reads a file before version 5 as [`v4::Audit`], whose single earlier audit
/// becomes the list's one element); its `year` stays unknown (`None`): it was typed or carried
/// by label only, and [`EarlierAudit::year_or_label`](crate::core::EarlierAudit::year_or_label)
/// still reads a label such as "2016".
fn earlier_audits_as_a_list(_audit: &mut Audit) {}

/// The audit in a file of `version`, in today's type: a file before version 5 is read in the
/// frozen [`v4::Audit`] shape and converted. Errors name file, line and column as the loader's.
pub fn parse_shape(path: &Path, version: u32, text: &str) -> Result<Audit, FileError> {
    if version < 5 {
        parse_ron::<v4::Audit>(path, text).map(Audit::from)
    } else {
        parse_ron(path, text)
    }
}

/// The audit file's shape up to version 4, frozen: `earlier` was at most one earlier audit.
/// Every other field is today's (fields added since have defaults).
pub mod v4 {
    use crate::core::review::ReviewItem;
    use crate::core::{
        Account, Action, Criteria, EarlierAudit, ReportSettings, ReportTexts, Risk, SampleSettings,
        model::AuditMeta,
    };
    use serde::Deserialize;

    #[derive(Debug, Default, Deserialize)]
    #[serde(rename = "Audit", default, deny_unknown_fields)]
    pub struct Audit {
        pub version: u32,
        pub template: String,
        pub template_criteria: Option<Criteria>,
        pub meta: AuditMeta,
        pub criteria: Criteria,
        pub risk: Risk,
        pub texts: ReportTexts,
        pub report: ReportSettings,
        pub question_bank: Vec<String>,
        pub sample: SampleSettings,
        pub accounts: Vec<Account>,
        pub actions: Vec<Action>,
        /// The account review's checklist (version 4).
        pub review: Vec<ReviewItem>,
        /// Read in today's `EarlierAudit`, whose new `year` defaults to `None`.
        pub earlier: Option<EarlierAudit>,
    }

    impl From<Audit> for crate::core::Audit {
        fn from(old: Audit) -> crate::core::Audit {
            crate::core::Audit {
                version: old.version,
                template: old.template,
                template_criteria: old.template_criteria,
                meta: old.meta,
                criteria: old.criteria,
                risk: old.risk,
                texts: old.texts,
                report: old.report,
                question_bank: old.question_bank,
                sample: old.sample,
                accounts: old.accounts,
                actions: old.actions,
                review: old.review,
                earlier: old.earlier.into_iter().collect(),
                split: None,
            }
        }
    }
}

/// 5 → 6: `split: Option<SplitOrigin>` is added. No earlier file was a part made by a split
/// (splitting came with version 6), so none has a marker.
fn v5_to_v6(audit: &mut Audit) {
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

/// The version a file names as its first field, as Svarskoll writes it (`Audit(` then
/// `version: N,`, only white space between); `None` for anything else (comments, extensions,
/// another order), which [`file_version`] reads.
#[must_use]
pub fn leading_version(text: &str) -> Option<u32> {
    let rest = text.trim_start();
    let rest = rest.strip_prefix("Audit").unwrap_or(rest).trim_start();
    let rest = rest.strip_prefix('(')?.trim_start();
    let rest = rest.strip_prefix("version")?.trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (number, after) = rest.split_at(digits);
    if digits == 0 || digits > 9 || !after.starts_with([',', ')', ' ', '\n', '\r', '\t']) {
        return None;
    }
    number.parse().ok()
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
    fn the_leading_version_is_read_only_from_a_file_as_svarskoll_writes_it() {
        assert_eq!(
            leading_version("Audit(\n    version: 6,\n    template: \"\","),
            Some(6)
        );
        assert_eq!(leading_version(" (version:12)"), Some(12));
        for text in [
            "Audit(template: \"\", version: 6)",
            "// comment\nAudit(version: 6)",
            "#![enable(implicit_some)]\nAudit(version: 6)",
            "Audit(version: 0x6)",
            "Audit(version: 6_0)",
            "Audit(version: -6)",
            "Audit(version: 99999999999)",
            "Audit(version: ",
            "",
        ] {
            assert_eq!(leading_version(text), None, "{text}");
        }
    }

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
    fn files_before_version_4_have_no_checklist_and_version_4_keeps_its_answers() {
        use crate::core::Account;
        use crate::core::review::{ReviewAnswer, ReviewItem};
        let reviewed = || {
            let mut audit = Audit::default();
            audit.review.push(ReviewItem {
                id: "admins".into(),
                ..ReviewItem::default()
            });
            let mut account = Account::default();
            account.review.insert("admins".into(), ReviewAnswer::Yes);
            audit.accounts.push(account);
            audit
        };
        for version in [1, 2, 3] {
            let mut audit = reviewed();
            migrate(&mut audit, version);
            assert!(audit.review.is_empty(), "version {version}");
            assert!(audit.accounts[0].review.is_empty(), "version {version}");
        }
        let mut audit = reviewed();
        migrate(&mut audit, 4);
        assert_eq!(audit, reviewed());
    }

    #[test]
    fn a_version_3_earlier_audit_becomes_the_lists_one_element() {
        let path = Path::new("v3.svarskoll.ron");
        let one = "Audit(version: 3, earlier: Some(EarlierAudit(label: \"2016\", audited: 48, \
                   in_time: 14, signed: Some(3))))";
        let audit = crate::store::audit_file::parse_audit(path, one).unwrap();
        assert_eq!(audit.version, AUDIT_FILE_VERSION);
        assert_eq!(audit.earlier.len(), 1);
        assert_eq!(audit.earlier[0].label, "2016");
        assert_eq!(
            (audit.earlier[0].audited, audit.earlier[0].in_time),
            (48, 14)
        );
        assert_eq!(audit.earlier[0].year, None);
        assert_eq!(audit.earlier[0].year_or_label(), Some(2016));
        for none in [
            "Audit(version: 3, earlier: None)",
            "Audit(version: 2)",
            "Audit()",
        ] {
            let audit = crate::store::audit_file::parse_audit(path, none).unwrap();
            assert!(audit.earlier.is_empty(), "{none}");
        }
        // A version 5 file holds a list; the old shape there is an error naming the line.
        let old_in_new = "Audit(version: 5,\n earlier: Some(EarlierAudit(label: \"2016\")))";
        let error = crate::store::audit_file::parse_audit(path, old_in_new).unwrap_err();
        assert!(
            matches!(error, FileError::Parse { line: 2, .. }),
            "{error:?}"
        );
    }

    #[test]
    fn files_before_version_6_are_not_parts_and_version_6_keeps_its_marker() {
        let part = || Audit {
            split: Some(crate::core::SplitOrigin {
                part: 2,
                parts: 3,
                accounts: Vec::new(),
            }),
            ..Audit::default()
        };
        for version in 1..=5 {
            let mut audit = part();
            migrate(&mut audit, version);
            assert_eq!(audit.split, None, "version {version}");
        }
        let mut audit = part();
        migrate(&mut audit, 6);
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
