//! Every audit file format version keeps opening: `tests/fixtures/audit-vN.svarskoll.ron` for each
//! N up to `AUDIT_FILE_VERSION`, all holding the same audit, give the same results.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

use std::collections::HashSet;
use std::path::PathBuf;
use svarskoll::core::review::ReviewAnswer;
use svarskoll::core::{AUDIT_FILE_VERSION, Results};
use svarskoll::store::{load_audit, save_audit};

fn fixture(version: u32) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("audit-v{version}.svarskoll.ron"))
}

#[test]
fn every_version_opens_with_the_same_results_and_unique_ids() {
    let mut previous: Option<Results> = None;
    for version in 1..=AUDIT_FILE_VERSION {
        let path = fixture(version);
        assert!(
            path.exists(),
            "no fixture for format version {version}: add {}",
            path.display()
        );
        let audit = load_audit(&path).unwrap_or_else(|e| panic!("version {version}: {e:?}"));
        assert_eq!(audit.version, AUDIT_FILE_VERSION);
        assert_eq!(audit.accounts.len(), 75);
        let mut ids = HashSet::new();
        for account in &audit.accounts {
            assert_ne!(account.id.0, 0);
            assert!(ids.insert(account.id.0));
            for probe in &account.probes {
                assert_ne!(probe.id.0, 0);
                assert!(ids.insert(probe.id.0));
            }
        }
        let as_of = audit.meta.closed_at.expect("closed").to_utc();
        let results = Results::compute(&audit, as_of);
        assert_eq!(results.overall.audited, 50);
        assert_eq!(results.overall.in_time, 15);
        // Version 3 added the report's settings: earlier files get no evidence appendix, the
        // version 3 fixture keeps the one it chose (and its probes' evidence).
        assert_eq!(
            audit.report.evidence_appendix,
            version >= 3,
            "version {version}"
        );
        let evidence: Vec<&String> = audit
            .accounts
            .iter()
            .flat_map(|a| &a.probes)
            .flat_map(|p| &p.evidence)
            .collect();
        assert_eq!(evidence.len(), if version >= 3 { 2 } else { 0 });
        // Version 4 added the account review: earlier files have no checklist and no answers,
        // the version 4 fixture keeps both, and they count (only audited accounts do).
        let answered = audit
            .accounts
            .iter()
            .filter(|a| !a.review.is_empty())
            .count();
        if version >= 4 {
            assert_eq!(audit.review.len(), 7, "the Malmö template's checklist");
            assert_eq!(answered, 41, "40 audited accounts and one excluded one");
            let review = &results.review;
            assert_eq!(review.accounts, 50);
            let admins = &review.items[0];
            assert_eq!(admins.id, "administrators");
            assert_eq!((admins.counts.reviewed, admins.counts.passed), (40, 20));
            let first = audit.accounts.iter().find(|a| audit.is_audited(a)).unwrap();
            assert_eq!(
                first.review.get("recent_post"),
                Some(&ReviewAnswer::Date(
                    chrono::NaiveDate::from_ymd_opt(2019, 4, 30).unwrap()
                ))
            );
        } else {
            assert!(audit.review.is_empty(), "version {version}");
            assert_eq!(answered, 0, "version {version}");
            assert!(!results.review.has_answers());
        }
        // Version 5 made the earlier audits a list: a file before it keeps its one earlier
        // audit as the list's only element; the version 5 fixture holds two.
        let labels: Vec<&str> = audit.earlier.iter().map(|e| e.label.as_str()).collect();
        if version < 5 {
            assert_eq!(labels, ["2016"], "version {version}");
            assert_eq!(
                (audit.earlier[0].audited, audit.earlier[0].in_time),
                (48, 14)
            );
            assert_eq!(audit.earlier[0].signed, Some(3));
            assert_eq!(audit.earlier[0].year, None, "typed, not carried");
        } else {
            assert_eq!(labels, ["2016", "2018"], "version {version}");
            assert_eq!(audit.earlier[1].year, Some(2018));
        }
        // The comparison is with the latest earlier audit.
        let latest = audit.earlier.last().expect("an earlier audit");
        let comparison = results.comparison.as_ref().expect("a comparison");
        assert_eq!(comparison.label, latest.label);
        assert_eq!(comparison.earlier_audited, latest.audited);
        assert_eq!(results.trend.len(), audit.earlier.len() + 1);
        // Version 6 added the split marker of a part: no fixture is a part.
        assert_eq!(audit.split, None, "version {version}");
        if let Some(earlier) = &previous {
            assert_eq!(earlier.overall, results.overall, "version {version}");
            assert_eq!(earlier.by_unit, results.by_unit, "version {version}");
        }
        previous = Some(results);
    }
}

#[test]
fn ids_survive_save_and_load_and_migrated_files_are_saved_current() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.svarskoll.ron");
    let migrated = load_audit(&fixture(1)).unwrap();
    save_audit(&path, &migrated).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(&format!("version: {AUDIT_FILE_VERSION},")));
    let reloaded = load_audit(&path).unwrap();
    assert_eq!(reloaded, migrated, "ids and everything else kept");
    // The current fixture's ids are the file's own.
    let current = load_audit(&fixture(AUDIT_FILE_VERSION)).unwrap();
    let again = load_audit(&fixture(AUDIT_FILE_VERSION)).unwrap();
    assert_eq!(current, again);
}

#[test]
fn the_current_fixture_is_exactly_what_this_version_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("current.svarskoll.ron");
    let fixture_text = std::fs::read_to_string(fixture(AUDIT_FILE_VERSION)).unwrap();
    save_audit(&path, &load_audit(&fixture(AUDIT_FILE_VERSION)).unwrap()).unwrap();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written == fixture_text,
        "the fixture differs from what is written now: {}",
        path.display()
    );
}

/// A build that knows an earlier version reads only `version` first and refuses a newer file
/// before meeting its new fields. The current fixture, one version on, takes that path.
#[test]
fn the_current_fixture_one_version_on_is_refused_before_its_fields_are_read() {
    let text = std::fs::read_to_string(fixture(AUDIT_FILE_VERSION)).unwrap();
    assert_eq!(
        svarskoll::store::migrate::file_version(&text),
        Some(AUDIT_FILE_VERSION)
    );
    let next = AUDIT_FILE_VERSION + 1;
    let newer = text
        .replacen(
            &format!("version: {AUDIT_FILE_VERSION},"),
            &format!("version: {next},"),
            1,
        )
        .replacen("report: ReportSettings(", "report_from_the_future: (", 1);
    let error = svarskoll::store::audit_file::parse_audit(std::path::Path::new("n.ron"), &newer)
        .unwrap_err();
    assert!(
        matches!(
            error,
            svarskoll::store::FileError::TooNew { found, supported, .. }
                if found == next && supported == AUDIT_FILE_VERSION
        ),
        "{error:?}"
    );
}

#[test]
fn a_newer_version_is_refused_naming_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.svarskoll.ron");
    std::fs::write(
        &path,
        format!(
            "Audit(version: {}, a_field_from_the_future: 1)",
            AUDIT_FILE_VERSION + 1
        ),
    )
    .unwrap();
    let message = svarskoll::i18n::file_error_text(
        &load_audit(&path).unwrap_err(),
        svarskoll::core::Lang::Sv,
    );
    assert!(message.contains("new.svarskoll.ron"), "{message}");
    assert!(
        message.contains(&format!("version {}", AUDIT_FILE_VERSION + 1)),
        "{message}"
    );
    assert!(
        message.contains(&format!("upp till version {AUDIT_FILE_VERSION}")),
        "{message}"
    );
}

/// A part made by a split keeps its marker (format version 4) through save and load.
#[test]
fn a_parts_split_marker_survives_save_and_load() {
    use svarskoll::core::split::{SplitBy, split};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("del.svarskoll.ron");
    let audit = load_audit(&fixture(AUDIT_FILE_VERSION)).unwrap();
    let part = split(&audit, SplitBy::Count(3)).unwrap().remove(1).audit;
    save_audit(&path, &part).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("split: Some(SplitOrigin("), "{text}");
    let loaded = load_audit(&path).unwrap();
    assert_eq!(loaded, part);
    let origin = loaded.split.unwrap();
    assert_eq!((origin.part, origin.parts), (2, 3));
    assert_eq!(origin.accounts, part.accounts);
}
