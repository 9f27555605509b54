//! Every audit file format version keeps opening: `tests/fixtures/audit-vN.svarskoll.ron` for each
//! N up to `AUDIT_FILE_VERSION`, all holding the same audit, give the same results.

use std::collections::HashSet;
use std::path::PathBuf;
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
