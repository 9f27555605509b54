//! Splitting an audit among auditors and merging their parts back (PRODUCT §8b): split then merge
//! changes nothing; each part's work comes back by id; a conflict is never resolved silently;
//! the files (parts, evidence) on disk.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

use chrono::{DateTime, FixedOffset, Utc};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use svarskoll::core::check::{Severity, check};
use svarskoll::core::deadline::local;
use svarskoll::core::generated::generated_audit;
use svarskoll::core::merge::{Choice, Counts, Field, MergeError, Setting, Source, Value, merge};
use svarskoll::core::split::{SplitBy, split};
use svarskoll::core::{
    Account, AccountId, AccountStatus, Audit, Platform, Probe, ProbeId, Results,
};
use svarskoll::store::FileError;
use svarskoll::store::evidence::{attach_evidence, evidence_dir, resolve_evidence};
use svarskoll::store::merge::merge_files;
use svarskoll::store::split::write_parts;
use svarskoll::store::{load_audit, save_audit};

fn t(d: u32, h: u32, m: u32) -> DateTime<FixedOffset> {
    local(2019, 3, d, h, m).unwrap().fixed_offset()
}

fn now() -> DateTime<Utc> {
    local(2019, 6, 1, 12, 0).unwrap().to_utc()
}

fn parts_of(audit: &Audit, by: SplitBy) -> Vec<Audit> {
    split(audit, by)
        .unwrap()
        .into_iter()
        .map(|p| p.audit)
        .collect()
}

#[test]
fn split_then_merge_without_changes_gives_the_same_audit_and_results() {
    for (accounts, probes, seed) in [(1, 1, 1), (7, 2, 2), (60, 1, 3), (240, 2, 4), (500, 3, 5)] {
        let audit = generated_audit(accounts, probes, seed);
        assert!(
            check(&audit, now())
                .iter()
                .all(|p| p.severity != Severity::Error),
            "the generated audit is valid"
        );
        let results = Results::compute(&audit, now());
        let mut ways = vec![SplitBy::Unit, SplitBy::Platform, SplitBy::Count(1)];
        ways.extend(
            [2, 3, 8]
                .into_iter()
                .filter(|n| *n <= accounts / 3)
                .map(SplitBy::Count),
        );
        for by in ways {
            let parts = parts_of(&audit, by);
            // Every account in exactly one part; each part a valid audit with all the rest.
            let mut seen: HashMap<AccountId, usize> = HashMap::new();
            for (i, part) in parts.iter().enumerate() {
                assert!(!part.accounts.is_empty(), "{by:?}: part {i} is empty");
                let errors: Vec<_> = check(part, now())
                    .into_iter()
                    .filter(|p| p.severity == Severity::Error)
                    .collect();
                assert!(errors.is_empty(), "{by:?}: part {i}: {errors:?}");
                assert_eq!(part.meta, audit.meta);
                assert_eq!(part.criteria, audit.criteria);
                assert_eq!(part.texts, audit.texts);
                for account in &part.accounts {
                    *seen.entry(account.id).or_default() += 1;
                }
            }
            assert_eq!(seen.len(), audit.accounts.len(), "{by:?}");
            assert!(seen.values().all(|n| *n == 1), "{by:?}");

            let merged = merge(&audit, &parts).unwrap();
            assert!(merged.conflicts.is_empty(), "{by:?}");
            assert!(merged.ignored.is_empty(), "{by:?}");
            assert_eq!(merged.audit, audit, "{by:?}: exactly the same audit");
            assert_eq!(Counts::between(&audit, &merged.audit), Counts::default());
            let again = Results::compute(&merged.audit, now());
            assert_eq!(again.overall, results.overall, "{by:?}");
            assert_eq!(again.by_platform, results.by_platform, "{by:?}");
            assert_eq!(again.by_unit, results.by_unit, "{by:?}");
            // The parts in any order, and some of them only, change nothing either.
            let mut reversed = parts.clone();
            reversed.reverse();
            assert_eq!(merge(&audit, &reversed).unwrap().audit, audit, "{by:?}");
            assert_eq!(merge(&audit, &parts[..1]).unwrap().audit, audit, "{by:?}");
        }
    }
}

#[test]
fn each_parts_work_comes_back_and_the_results_follow() {
    let audit = generated_audit(400, 2, 11);
    let mut parts = parts_of(&audit, SplitBy::Count(8));
    // Every auditor answers every unanswered probe of their share at 10:00 on 2 April.
    let answered = local(2019, 4, 30, 10, 0).unwrap().fixed_offset();
    let mut logged = 0;
    for part in &mut parts {
        for account in &mut part.accounts {
            for probe in &mut account.probes {
                if probe.posted_at.is_some() && probe.answered_at.is_none() {
                    probe.answered_at = Some(answered);
                    probe.signed = Some(true);
                    logged += 1;
                }
            }
        }
    }
    assert!(logged > 20, "{logged}");
    let merged = merge(&audit, &parts).unwrap();
    assert!(merged.conflicts.is_empty());
    let counts = Counts::between(&audit, &merged.audit);
    assert_eq!(counts.probes_changed, logged);
    assert_eq!(counts.accounts_added + counts.accounts_removed, 0);
    // The same as doing the work in the audit itself.
    let mut by_hand = audit.clone();
    for account in &mut by_hand.accounts {
        for probe in &mut account.probes {
            if probe.posted_at.is_some() && probe.answered_at.is_none() {
                probe.answered_at = Some(answered);
                probe.signed = Some(true);
            }
        }
    }
    assert_eq!(merged.audit, by_hand);
    assert_eq!(
        Results::compute(&merged.audit, now()).overall,
        Results::compute(&by_hand, now()).overall
    );
}

/// Alpha (Facebook), Beta (Instagram), Gamma (X), each with one question posted on 12 March
/// at 10:00, not answered.
fn small() -> Audit {
    let mut audit = Audit::default();
    audit.meta.title = "Granskning 2019".into();
    for (i, (name, platform)) in [
        ("Alpha", Platform::Facebook),
        ("Beta", Platform::Instagram),
        ("Gamma", Platform::X),
    ]
    .into_iter()
    .enumerate()
    {
        let i = i as u64 + 1;
        audit.accounts.push(Account {
            id: AccountId(i),
            name: name.into(),
            platform,
            unit: format!("Skola {i}"),
            probes: vec![Probe {
                id: ProbeId(100 + i),
                question: "Hej! Vilka öppettider gäller?".into(),
                posted_at: Some(t(12, 10, 0)),
                ..Probe::default()
            }],
            ..Account::default()
        });
    }
    audit
}

/// Two auditors who each got the whole register (a split in one part, twice).
fn two_copies(audit: &Audit) -> (Audit, Audit) {
    let part = parts_of(audit, SplitBy::Count(1)).remove(0);
    (part.clone(), part)
}

fn probe(audit: &Audit, account: usize) -> &Probe {
    &audit.accounts[account].probes[0]
}

fn probe_mut(audit: &mut Audit, account: usize) -> &mut Probe {
    &mut audit.accounts[account].probes[0]
}

#[test]
fn a_probe_answered_in_one_part_is_taken() {
    let base = small();
    let mut parts = parts_of(&base, SplitBy::Count(3));
    probe_mut(&mut parts[1], 0).answered_at = Some(t(12, 11, 0));
    probe_mut(&mut parts[1], 0).signed = Some(true);
    probe_mut(&mut parts[2], 0).note = "Svar i privat meddelande".into();
    let merged = merge(&base, &parts).unwrap();
    assert!(merged.conflicts.is_empty());
    assert_eq!(probe(&merged.audit, 1).answered_at, Some(t(12, 11, 0)));
    assert_eq!(probe(&merged.audit, 1).signed, Some(true));
    assert_eq!(probe(&merged.audit, 2).note, "Svar i privat meddelande");
    assert_eq!(probe(&merged.audit, 0), probe(&base, 0));
    let counts = Counts::between(&base, &merged.audit);
    assert_eq!(counts.probes_changed, 2);
}

#[test]
fn the_same_change_in_two_parts_is_taken_once() {
    let base = small();
    let (mut a, mut b) = two_copies(&base);
    for part in [&mut a, &mut b] {
        probe_mut(part, 0).answered_at = Some(t(12, 11, 0));
        part.accounts[1].status = AccountStatus::Closed;
    }
    let merged = merge(&base, &[a, b]).unwrap();
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(merged.audit.accounts.len(), 3);
    assert_eq!(merged.audit.accounts[0].probes.len(), 1);
    assert_eq!(probe(&merged.audit, 0).answered_at, Some(t(12, 11, 0)));
    assert_eq!(merged.audit.accounts[1].status, AccountStatus::Closed);
}

#[test]
fn different_answers_in_two_parts_are_a_conflict_listing_both() {
    let base = small();
    let (mut a, mut b) = two_copies(&base);
    probe_mut(&mut a, 0).answered_at = Some(t(12, 11, 0));
    probe_mut(&mut b, 0).answered_at = Some(t(13, 9, 30));
    probe_mut(&mut b, 0).note = "bara i b".into();
    let merged = merge(&base, &[a, b]).unwrap();
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    let c = &merged.conflicts[0];
    assert_eq!(
        (c.account, c.account_name.as_str(), c.platform),
        (AccountId(1), "Alpha", Platform::Facebook)
    );
    assert_eq!(c.probe, Some(ProbeId(101)));
    assert_eq!(c.probe_posted, Some(t(12, 10, 0)));
    assert_eq!(c.field, Field::AnsweredAt);
    assert_eq!(c.original, Some(Value::Time(None)));
    assert_eq!(
        c.choices,
        [
            Choice {
                value: Value::Time(Some(t(12, 11, 0))),
                sources: vec![Source::Part(0)]
            },
            Choice {
                value: Value::Time(Some(t(13, 9, 30))),
                sources: vec![Source::Part(1)]
            },
        ]
    );
    // Until chosen, the first value; the other field changed in one part only is taken.
    assert_eq!(probe(&merged.audit, 0).answered_at, Some(t(12, 11, 0)));
    assert_eq!(probe(&merged.audit, 0).note, "bara i b");
    let picked = merged.resolve(&[1]);
    assert_eq!(probe(&picked, 0).answered_at, Some(t(13, 9, 30)));
    assert_eq!(probe(&picked, 0).note, "bara i b");
}

#[test]
fn work_done_in_the_audit_since_the_split_is_never_taken_back_by_a_part() {
    let base_at_split = small();
    let mut parts = parts_of(&base_at_split, SplitBy::Count(3));
    // After the split, someone logs Alpha's answer in the audit itself; Alpha's part has not
    // touched it, but notes something.
    let mut base = base_at_split.clone();
    probe_mut(&mut base, 0).answered_at = Some(t(12, 15, 0));
    probe_mut(&mut parts[0], 0).note = "skärmbild tagen".into();
    let merged = merge(&base, &parts).unwrap();
    assert!(merged.conflicts.is_empty());
    assert_eq!(probe(&merged.audit, 0).answered_at, Some(t(12, 15, 0)));
    assert_eq!(probe(&merged.audit, 0).note, "skärmbild tagen");

    // Both the audit and the part logged an answer, differently: a conflict, base first.
    probe_mut(&mut parts[0], 0).answered_at = Some(t(12, 16, 0));
    let merged = merge(&base, &parts).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    let sources: Vec<_> = merged.conflicts[0]
        .choices
        .iter()
        .map(|c| c.sources.clone())
        .collect();
    assert_eq!(sources, [vec![Source::Audit], vec![Source::Part(0)]]);
    assert_eq!(probe(&merged.audit, 0).answered_at, Some(t(12, 15, 0)));
    // The same answer in both: no conflict.
    probe_mut(&mut parts[0], 0).answered_at = Some(t(12, 15, 0));
    assert!(merge(&base, &parts).unwrap().conflicts.is_empty());
}

#[test]
fn accounts_and_probes_added_in_a_part_are_added_once() {
    let base = small();
    let (mut a, mut b) = two_copies(&base);
    let delta = Account {
        id: AccountId(9),
        name: "Delta".into(),
        platform: Platform::Instagram,
        probes: vec![Probe {
            id: ProbeId(109),
            posted_at: Some(t(14, 9, 0)),
            ..Probe::default()
        }],
        ..Account::default()
    };
    a.accounts.push(delta.clone());
    b.accounts.push(delta);
    a.accounts[2].probes.push(Probe {
        id: ProbeId(200),
        question: "En andra fråga".into(),
        posted_at: Some(t(15, 9, 0)),
        ..Probe::default()
    });
    let merged = merge(&base, &[a, b]).unwrap();
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let names: Vec<&str> = merged
        .audit
        .accounts
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, ["Alpha", "Beta", "Gamma", "Delta"]);
    assert_eq!(merged.audit.accounts[2].probes.len(), 2);
    let counts = Counts::between(&base, &merged.audit);
    assert_eq!((counts.accounts_added, counts.probes_added), (1, 2));

    // The same id added differently in two parts: the differing field is a conflict.
    let (mut a, mut b) = two_copies(&base);
    for (part, unit) in [(&mut a, "Skola Ö"), (&mut b, "Skola Ä")] {
        part.accounts.push(Account {
            id: AccountId(9),
            name: "Delta".into(),
            unit: unit.into(),
            ..Account::default()
        });
    }
    let merged = merge(&base, &[a, b]).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].field, Field::Unit);
    assert_eq!(merged.conflicts[0].original, None);
}

#[test]
fn removals_are_taken_when_nobody_else_changed_the_item_and_asked_about_otherwise() {
    let base = small();
    let mut parts = parts_of(&base, SplitBy::Count(3));
    // Beta removed in its part, nobody changed it: removed.
    parts[1].accounts.clear();
    let merged = merge(&base, &parts).unwrap();
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.audit.accounts.len(), 2);
    assert_eq!(Counts::between(&base, &merged.audit).accounts_removed, 1);

    // Beta removed in its part, but answered in the audit since the split: asked.
    let mut changed = base.clone();
    probe_mut(&mut changed, 1).answered_at = Some(t(12, 12, 0));
    let merged = merge(&changed, &parts).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    let c = &merged.conflicts[0];
    assert_eq!((c.field, c.account_name.as_str()), (Field::Account, "Beta"));
    assert_eq!(
        c.choices,
        [
            Choice {
                value: Value::Kept,
                sources: vec![Source::Audit]
            },
            Choice {
                value: Value::Removed,
                sources: vec![Source::Part(1)]
            },
        ]
    );
    assert_eq!(merged.audit.accounts.len(), 3, "kept until decided");
    assert_eq!(merged.clone().resolve(&[0]).accounts.len(), 3);
    assert_eq!(merged.resolve(&[1]).accounts.len(), 2);

    // A probe removed in the audit since the split, answered in the part: asked.
    let mut removed = base.clone();
    removed.accounts[2].probes.clear();
    let mut parts = parts_of(&base, SplitBy::Count(3));
    probe_mut(&mut parts[2], 0).answered_at = Some(t(13, 8, 0));
    let merged = merge(&removed, &parts).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].field, Field::Probe);
    assert_eq!(merged.conflicts[0].probe, Some(ProbeId(103)));
    assert_eq!(merged.clone().resolve(&[1]).accounts[2].probes.len(), 0);
    assert_eq!(
        probe(&merged.resolve(&[0]), 2).answered_at,
        Some(t(13, 8, 0))
    );
}

#[test]
fn evidence_references_added_anywhere_are_kept() {
    let mut base = small();
    probe_mut(&mut base, 0).evidence = vec!["a.png".into()];
    let (mut a, mut b) = two_copies(&base);
    probe_mut(&mut a, 0).evidence.push("b.png".into());
    probe_mut(&mut b, 0).evidence.push("c.png".into());
    probe_mut(&mut base, 0).evidence.push("d.png".into());
    let merged = merge(&base, &[a, b]).unwrap();
    assert!(merged.conflicts.is_empty());
    assert_eq!(
        probe(&merged.audit, 0).evidence,
        ["a.png", "d.png", "b.png", "c.png"]
    );
}

#[test]
fn files_that_are_not_parts_of_this_audit_are_refused() {
    let base = small();
    assert_eq!(
        merge(&base, std::slice::from_ref(&base)).unwrap_err(),
        MergeError::NotAPart { part: 0 }
    );
    let other = generated_audit(10, 1, 99);
    let mut parts = parts_of(&base, SplitBy::Count(3));
    parts.push(parts_of(&other, SplitBy::Count(1)).remove(0));
    assert_eq!(
        merge(&base, &parts).unwrap_err(),
        MergeError::NotFromThisAudit { part: 3 }
    );
}

#[test]
fn a_parts_own_settings_are_not_taken_but_named() {
    let base = small();
    let mut parts = parts_of(&base, SplitBy::Count(3));
    parts[0].meta.title = "Granskning 2019 (del 1 av 3)".into();
    parts[2].criteria.deadline.hours = 48;
    parts[2].question_bank.push("Ny fråga?".into());
    let merged = merge(&base, &parts).unwrap();
    assert_eq!(merged.audit, base);
    assert_eq!(
        merged.ignored,
        [(2, Setting::Criteria), (2, Setting::QuestionBank)]
    );
}

#[test]
fn splitting_and_merging_2000_accounts_in_8_parts_is_fast_enough_even_unoptimised() {
    // The release target is 200 ms (benches/split_merge.rs); an unoptimised test build is
    // several times slower, so this only catches a quadratic slip.
    let audit = generated_audit(2000, 2, 7);
    let start = std::time::Instant::now();
    let parts = parts_of(&audit, SplitBy::Count(8));
    let merged = merge(&audit, &parts).unwrap();
    let took = start.elapsed();
    assert_eq!(merged.audit, audit);
    assert!(took < std::time::Duration::from_secs(3), "{took:?}");
}

/// `small()` saved in `dir` with one screenshot on Alpha's probe, split in three parts.
fn split_on_disk(dir: &Path) -> (PathBuf, Vec<PathBuf>) {
    let audit_path = dir.join("kultur.svarskoll.ron");
    let shot = dir.join("alpha.png");
    std::fs::write(&shot, b"alpha at the split").unwrap();
    let mut audit = small();
    let reference = attach_evidence(&audit_path, &shot).unwrap();
    probe_mut(&mut audit, 0).evidence.push(reference);
    save_audit(&audit_path, &audit).unwrap();
    let parts = split(&audit, SplitBy::Count(3)).unwrap();
    let written = write_parts(&audit_path, &parts, &dir.join("delar")).unwrap();
    (audit_path, written)
}

/// Attach a screenshot named `name` holding `bytes` to the first probe of the part's account.
fn attach(part: &Path, name: &str, bytes: &[u8]) {
    let source = part.parent().unwrap().join(name);
    std::fs::write(&source, bytes).unwrap();
    let reference = attach_evidence(part, &source).unwrap();
    std::fs::remove_file(&source).unwrap();
    let mut audit = load_audit(part).unwrap();
    audit.accounts[0].probes[0].evidence.push(reference);
    audit.accounts[0].probes[0].answered_at = Some(t(12, 14, 0));
    save_audit(part, &audit).unwrap();
}

fn read_evidence(audit: &Path, reference: &str) -> Vec<u8> {
    std::fs::read(resolve_evidence(audit, reference).unwrap()).unwrap()
}

#[test]
fn parts_are_written_with_their_evidence_and_merged_back_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let (audit_path, parts) = split_on_disk(dir.path());
    let names: Vec<String> = parts
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "kultur-del-1.svarskoll",
            "kultur-del-2.svarskoll",
            "kultur-del-3.svarskoll"
        ]
    );
    assert_eq!(read_evidence(&parts[0], "alpha.png"), b"alpha at the split");
    assert!(!evidence_dir(&parts[1]).exists(), "Beta has no evidence");
    // Two auditors attach different screenshots under the same name.
    attach(&parts[0], "skärm.png", b"alpha's answer");
    attach(&parts[1], "skärm.png", b"beta's answer");

    let out = dir.path().join("ihop.svarskoll.ron");
    let outcome = merge_files(&audit_path, &parts, &out).unwrap();
    assert!(outcome.conflicts.is_empty());
    assert_eq!(outcome.counts.probes_changed, 2);
    assert_eq!(outcome.evidence_copied, 3, "alpha.png and both screenshots");
    let merged = load_audit(&out).unwrap();
    assert_eq!(merged.split, None);
    assert_eq!(merged.meta.title, "Granskning 2019");
    let alpha = &merged.accounts[0].probes[0];
    let beta = &merged.accounts[1].probes[0];
    assert_eq!(alpha.evidence, ["alpha.png", "skärm.png"]);
    assert_eq!(
        beta.evidence,
        ["skärm-2.png"],
        "renamed, never written over"
    );
    assert_eq!(read_evidence(&out, "alpha.png"), b"alpha at the split");
    assert_eq!(read_evidence(&out, "skärm.png"), b"alpha's answer");
    assert_eq!(read_evidence(&out, "skärm-2.png"), b"beta's answer");
    // The original audit is untouched.
    assert!(
        load_audit(&audit_path).unwrap().accounts[0].probes[0]
            .answered_at
            .is_none()
    );

    // Into the audit itself: the same result, its evidence folder gains the new screenshots.
    let again = merge_files(&audit_path, &parts, &audit_path).unwrap();
    assert!(again.conflicts.is_empty());
    assert_eq!(again.evidence_copied, 2);
    let updated = load_audit(&audit_path).unwrap();
    assert_eq!(updated.accounts, merged.accounts);
    assert_eq!(read_evidence(&audit_path, "skärm-2.png"), b"beta's answer");
    // Merging the same parts once more changes nothing and copies nothing.
    let third = merge_files(&audit_path, &parts, &audit_path).unwrap();
    assert_eq!(
        (third.counts, third.evidence_copied),
        (Counts::default(), 0)
    );
    // An existing other file is never the output.
    let err = merge_files(&audit_path, &parts, &out).unwrap_err();
    assert_eq!(err.path(), out);
}

#[test]
fn with_a_conflict_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (audit_path, parts) = split_on_disk(dir.path());
    attach(&parts[0], "skärm.png", b"alpha's answer");
    // Someone logs another answer time for Alpha in the audit after the split.
    let mut audit = load_audit(&audit_path).unwrap();
    probe_mut(&mut audit, 0).answered_at = Some(t(12, 13, 0));
    save_audit(&audit_path, &audit).unwrap();
    let before = std::fs::read(&audit_path).unwrap();

    let out = dir.path().join("ihop.svarskoll.ron");
    let outcome = merge_files(&audit_path, &parts, &out).unwrap();
    assert_eq!(outcome.conflicts.len(), 1);
    assert_eq!(outcome.conflicts[0].field, Field::AnsweredAt);
    assert!(!out.exists() && !evidence_dir(&out).exists());
    let outcome = merge_files(&audit_path, &parts, &audit_path).unwrap();
    assert_eq!(outcome.conflicts.len(), 1);
    assert_eq!(std::fs::read(&audit_path).unwrap(), before);
    assert!(!evidence_dir(&audit_path).join("skärm.png").exists());
}

#[test]
fn a_file_that_is_no_part_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let (audit_path, mut parts) = split_on_disk(dir.path());
    parts.push(audit_path.clone());
    let err = merge_files(&audit_path, &parts, &dir.path().join("ut.svarskoll.ron")).unwrap_err();
    assert_eq!(err, FileError::NotAPart { path: audit_path });
}
