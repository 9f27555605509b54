//! The command line end to end (assert_cmd): real files written and read back.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use svarskoll::core::deadline::local;

fn svarskoll() -> Command {
    Command::cargo_bin("svarskoll").unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn example_csv() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/grundskola-2019-logg.csv")
}

fn results_json(audit: &Path, as_of: &str) -> Value {
    let out = svarskoll()
        .args(["results", "--json", "--as-of", as_of])
        .arg(audit)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `svarskoll new` from Malmö's template with the hand-calculated log, written to `audit`.
fn new_hand_calculated(audit: &Path, title: &str) {
    svarskoll()
        .args([
            "new",
            "--template",
            "malmo-sociala-medier",
            "--title",
            title,
        ])
        .arg("--log")
        .arg(fixture("hand-calculated.csv"))
        .arg("-o")
        .arg(audit)
        .assert()
        .success();
}

#[test]
fn new_then_results_json_matches_a_hand_calculation() {
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("hand.svarskoll.ron");
    new_hand_calculated(&audit, "Test");
    let j = results_json(&audit, "2019-03-20 08:00");
    let mut keys: Vec<&str> = j.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "accounts_audited",
            "accounts_excluded",
            "accounts_listed",
            "answered_in_time",
            "answered_late",
            "by_platform",
            "by_unit",
            "earlier",
            "in_time_ci95",
            "in_time_share",
            "pending",
            "probes",
            "review",
            "signed",
            "unanswered"
        ]
    );
    // The Malmö template's checklist, nothing reviewed yet.
    let review = j["review"].as_array().unwrap();
    assert!(!review.is_empty());
    assert!(
        review
            .iter()
            .all(|i| i["reviewed"] == 0 && i["passed"] == 0)
    );
    assert_eq!(j["accounts_listed"], 5);
    assert_eq!(j["accounts_excluded"], 1);
    assert_eq!(j["accounts_audited"], 4);
    assert_eq!(j["answered_in_time"], 1);
    assert_eq!(j["answered_late"], 1);
    assert_eq!(j["unanswered"], 1);
    assert_eq!(j["pending"], 1);
    assert_eq!(j["signed"], 1);
    // 1 in time of 3 decided accounts; Wilson 95 %: 0.0615–0.7923.
    assert!((j["in_time_share"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-12);
    let ci = j["in_time_ci95"].as_array().unwrap();
    assert!((ci[0].as_f64().unwrap() - 0.0615).abs() < 5e-4, "{ci:?}");
    assert!((ci[1].as_f64().unwrap() - 0.7923).abs() < 5e-4, "{ci:?}");

    let probes = j["probes"].as_array().unwrap();
    assert_eq!(probes.len(), 4);
    let alpha = &probes[0];
    assert_eq!(alpha["account"], "Alpha");
    assert_eq!(alpha["posted_at"], "2019-03-15T15:00:00+01:00");
    // Fri 15:00 + 24 h = Saturday → end of Monday.
    assert_eq!(alpha["deadline"], "2019-03-19T00:00:00+01:00");
    assert_eq!(alpha["answered_at"], "2019-03-18T10:00:00+01:00");
    assert_eq!(alpha["outcome"], "in_time");
    assert_eq!(alpha["response_hours"], 67.0);
    assert_eq!(alpha["response_working_hours"], 19.0);
    assert_eq!(alpha["signed"], true);
    let beta = &probes[1];
    assert_eq!(beta["platform"], "Instagram");
    assert_eq!(beta["deadline"], "2019-03-13T10:00:00+01:00");
    assert_eq!(beta["outcome"], "late");
    assert_eq!(beta["response_hours"], 24.5);
    assert_eq!(probes[2]["outcome"], "unanswered");
    assert_eq!(probes[2]["platform"], "X (Twitter)");
    assert_eq!(probes[2]["answered_at"], Value::Null);
    assert_eq!(probes[2]["response_hours"], Value::Null);
    assert_eq!(probes[2]["signed"], Value::Null);
    assert_eq!(probes[3]["account"], "Epsilon");
    assert_eq!(probes[3]["outcome"], "pending");

    let fb = &j["by_platform"][0];
    assert_eq!(fb["name"], "Facebook");
    assert_eq!(
        (
            fb["accounts_listed"].as_u64(),
            fb["accounts_excluded"].as_u64()
        ),
        (Some(3), Some(1))
    );
    assert_eq!(
        (fb["answered_in_time"].as_u64(), fb["pending"].as_u64()),
        (Some(1), Some(1))
    );
    let units: Vec<&str> = j["by_unit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert_eq!(units, ["Skola A", "Skola B"]);

    // A week later Epsilon's question is unanswered.
    let later = results_json(&audit, "2019-03-27 08:00");
    assert_eq!(
        (later["pending"].as_u64(), later["unanswered"].as_u64()),
        (Some(0), Some(2))
    );
}

/// `review` in `results --json`: one object per checklist item with the numbers core computes,
/// overall and in each unit, keys as documented.
#[test]
fn results_json_review_has_the_computed_counts_per_item_and_unit() {
    let path = fixture("audit-v4.svarskoll.ron");
    let audit = svarskoll::store::load_audit(&path).unwrap();
    let as_of = audit.meta.closed_at.unwrap().to_utc();
    let core = svarskoll::core::Results::compute(&audit, as_of).review;
    assert!(core.has_answers());
    let j = results_json(&path, "2019-04-30 12:00");
    let review = j["review"].as_array().unwrap();
    assert_eq!(review.len(), audit.review.len());
    for (json, item) in review.iter().zip(&core.items) {
        let mut keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["id", "passed", "reviewed", "text"]);
        assert_eq!(json["id"], item.id.as_str());
        assert_eq!(json["text"], item.text.as_str());
        assert_eq!(json["reviewed"].as_u64(), Some(item.counts.reviewed as u64));
        assert_eq!(json["passed"].as_u64(), Some(item.counts.passed as u64));
    }
    // Some items were answered for some accounts only: the counts differ between items.
    let reviewed: std::collections::BTreeSet<u64> = review
        .iter()
        .map(|i| i["reviewed"].as_u64().unwrap())
        .collect();
    assert!(reviewed.len() > 1, "{reviewed:?}");
    // Per unit: each unit's `review` has the same items, and the units add up to the whole.
    let units = j["by_unit"].as_array().unwrap();
    for (i, item) in core.items.iter().enumerate() {
        let (mut reviewed, mut passed) = (0, 0);
        for unit in units {
            let entry = &unit["review"][i];
            assert_eq!(entry["id"], item.id.as_str());
            reviewed += entry["reviewed"].as_u64().unwrap();
            passed += entry["passed"].as_u64().unwrap();
        }
        assert_eq!(
            (reviewed, passed),
            (item.counts.reviewed as u64, item.counts.passed as u64),
            "{}",
            item.id
        );
    }
    for unit in &core.by_unit {
        let name = match &unit.key {
            svarskoll::core::GroupKey::Unit(name) => name.as_str(),
            _ => continue,
        };
        let json = units.iter().find(|u| u["name"] == name).unwrap();
        for (entry, counts) in json["review"].as_array().unwrap().iter().zip(&unit.items) {
            assert_eq!(entry["reviewed"].as_u64(), Some(counts.reviewed as u64));
            assert_eq!(entry["passed"].as_u64(), Some(counts.passed as u64));
        }
    }
    // The readable table lists the items too.
    let out = svarskoll()
        .args(["results", "--as-of", "2019-04-30 12:00"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Kontogranskning"), "{text}");
    assert!(text.contains(&core.items[0].text), "{text}");
}

#[test]
fn example_audit_has_the_malmo_2019_figures() {
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("exempel.svarskoll.ron");
    svarskoll()
        .args(["new", "--template", "malmo-sociala-medier", "--log"])
        .arg(example_csv())
        .arg("-o")
        .arg(&audit)
        .assert()
        .success();
    let j = results_json(&audit, "2019-04-30 12:00");
    assert_eq!(j["accounts_listed"], 75);
    assert_eq!(j["accounts_excluded"], 25);
    assert_eq!(j["accounts_audited"], 50);
    assert_eq!(j["answered_in_time"], 15);
    assert_eq!(j["in_time_share"], 0.3);
    let ci = j["in_time_ci95"].as_array().unwrap();
    assert_eq!(
        format!(
            "{:.1}–{:.1}",
            ci[0].as_f64().unwrap() * 100.0,
            ci[1].as_f64().unwrap() * 100.0
        ),
        "19.1–43.8"
    );
    assert_eq!(j["signed"], 2);
    let shares: Vec<(String, u64)> = j["by_platform"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_owned(),
                p["answered_in_time"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        shares,
        [
            ("Facebook".to_owned(), 9),
            ("Instagram".to_owned(), 4),
            ("X (Twitter)".to_owned(), 2)
        ]
    );

    // The bundled example audit file is the same audit.
    let bundled =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/grundskola-2019.svarskoll");
    let b = results_json(&bundled, "2019-04-30 12:00");
    assert_eq!(b["answered_in_time"], 15);
    assert_eq!(b["accounts_listed"], 75);

    // The readable table says the same.
    svarskoll()
        .args(["results", "--as-of", "2019-04-30 12:00"])
        .arg(&audit)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Besvarade i tid          15  30\u{a0}% (19,1–43,8\u{a0}%)",
        ));
}

#[test]
fn bad_csv_exits_1_naming_line_and_column_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("a.svarskoll.ron");
    svarskoll()
        .args(["new", "--template", "skurup-riktlinjer", "-o"])
        .arg(&audit)
        .assert()
        .success();
    let before = std::fs::read(&audit).unwrap();
    svarskoll()
        .arg("import")
        .arg(&audit)
        .arg(fixture("bad-log.csv"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "rad 2, kolumn 2 (plattform): okänd plattform 'Myspace'",
        ))
        .stderr(predicate::str::contains(
            "rad 3, kolumn 4 (besvarad): besvarad (2019-03-11 10:00) före ställd",
        ))
        .stderr(predicate::str::contains("rad 4, kolumn 3 (ställd)"))
        .stderr(predicate::str::contains("bad-log.csv"));
    assert_eq!(
        std::fs::read(&audit).unwrap(),
        before,
        "the audit must be untouched"
    );
    assert!(!dir.path().join("a.svarskoll.ron.bak").exists());

    // `new` with a bad log creates no file at all.
    let other = dir.path().join("b.svarskoll.ron");
    svarskoll()
        .args(["new", "--template", "malmo-sociala-medier", "--log"])
        .arg(fixture("bad-log.csv"))
        .arg("-o")
        .arg(&other)
        .assert()
        .code(1);
    assert!(!other.exists());
}

#[test]
fn import_adds_and_then_updates() {
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("a.svarskoll.ron");
    svarskoll()
        .args(["new", "--template", "malmo-sociala-medier", "-o"])
        .arg(&audit)
        .assert()
        .success();
    svarskoll()
        .arg("import")
        .arg(&audit)
        .arg(fixture("hand-calculated.csv"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "5 nya konton, 4 nya frågor, 0 uppdaterade",
        ));
    svarskoll()
        .arg("import")
        .arg(&audit)
        .arg(fixture("hand-calculated.csv"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "0 nya konton, 0 nya frågor, 0 uppdaterade",
        ));
    assert!(dir.path().join("a.svarskoll.ron.bak").exists());
}

#[test]
fn usage_errors_exit_2_and_input_errors_exit_1() {
    svarskoll().args(["results"]).assert().code(2);
    svarskoll().args(["frobnicate", "x"]).assert().code(2);
    svarskoll()
        .args(["results", "/nonexistent/a.svarskoll.ron"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("/nonexistent/a.svarskoll.ron"));
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.svarskoll.ron");
    std::fs::write(
        &broken,
        "(\n    version: 1,\n    accounts: [(platform: Myspace)],\n)\n",
    )
    .unwrap();
    svarskoll()
        .arg("check")
        .arg(&broken)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("broken.svarskoll.ron:3:"))
        .stderr(predicate::str::contains("Myspace"));
    svarskoll()
        .args(["results", "--as-of", "igår"])
        .arg(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/grundskola-2019.svarskoll"),
        )
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--as-of"));
    let exists = dir.path().join("exists.ron");
    std::fs::write(&exists, "keep me").unwrap();
    svarskoll()
        .args(["new", "--template", "malmo-sociala-medier", "-o"])
        .arg(&exists)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("finns redan"));
    assert_eq!(std::fs::read_to_string(&exists).unwrap(), "keep me");
}

#[test]
fn check_reports_problems_with_location_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.svarskoll.ron");
    std::fs::write(
        &path,
        r#"(
    version: 1,
    accounts: [
        (name: "Ekbacken", platform: Facebook, probes: [
            (posted_at: Some("2019-03-12T10:00:00+01:00"), answered_at: Some("2019-03-11T10:00:00+01:00")),
        ]),
    ],
)"#,
    )
    .unwrap();
    svarskoll()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "konto 1 'Ekbacken' (Facebook), fråga 1, answered_at: besvarad",
        ));
    svarskoll()
        .arg("check")
        .arg(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/grundskola-2019.svarskoll"),
        )
        .assert()
        .success()
        .stdout(predicate::str::contains("inga fel"));
}

#[test]
fn export_csv_then_import_into_a_new_audit_gives_the_same_results() {
    let dir = tempfile::tempdir().unwrap();
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/grundskola-2019.svarskoll");
    let csv = dir.path().join("logg.csv");
    svarskoll()
        .arg("export")
        .arg(&example)
        .arg("-o")
        .arg(&csv)
        .assert()
        .success();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with("\u{feff}Konto;Plattform;Verksamhet"),
        "{}",
        &text[..80]
    );
    assert_eq!(
        text.lines().count(),
        76,
        "header + 75 accounts with one probe or none"
    );
    assert_eq!(text.matches(";i tid;").count(), 15);
    // Exporting again replaces the file; an export gets no .bak (it can be made again).
    svarskoll()
        .arg("export")
        .arg(&example)
        .arg("-o")
        .arg(&csv)
        .assert()
        .success();
    assert!(!dir.path().join("logg.csv.bak").exists());
    let copy = dir.path().join("kopia.svarskoll.ron");
    svarskoll()
        .args(["new", "--template", "malmo-sociala-medier", "--log"])
        .arg(&csv)
        .arg("-o")
        .arg(&copy)
        .assert()
        .success();
    // The CSV carries the register and the log, not the account review: the new audit has the
    // template's checklist, unanswered, and the example (format 3) none. All else is equal.
    let without_review = |mut j: Value| {
        let answered = j["review"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["reviewed"] != 0);
        assert!(!answered);
        j.as_object_mut().unwrap().remove("review");
        for unit in j["by_unit"].as_array_mut().unwrap() {
            unit.as_object_mut().unwrap().remove("review");
        }
        j
    };
    let mut a = without_review(results_json(&example, "2019-04-30 12:00"));
    let b = without_review(results_json(&copy, "2019-04-30 12:00"));
    // The log carries no earlier audits; everything else is the same.
    assert_eq!(a["earlier"].as_array().map(Vec::len), Some(1));
    a["earlier"] = b["earlier"].clone();
    assert_eq!(a, b);
    svarskoll()
        .arg("export")
        .arg(&example)
        .arg("-o")
        .arg(dir.path().join("x.pdf"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(".csv eller .xlsx"));
    let xlsx = dir.path().join("logg.xlsx");
    svarskoll()
        .arg("export")
        .arg(&example)
        .arg("-o")
        .arg(&xlsx)
        .assert()
        .success();
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    svarskoll()
        .arg("export")
        .arg(&example)
        .arg("-o")
        .arg("/nonexistent-dir/out.csv")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("/nonexistent-dir/out.csv"));
}

#[test]
fn writers_are_refused_while_another_program_holds_the_audit_or_the_file_is_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("a.svarskoll.ron");
    svarskoll()
        .args(["new", "--template", "malmo-sociala-medier", "-o"])
        .arg(&audit)
        .assert()
        .success();
    let held = svarskoll::store::AuditFile::open(&audit).unwrap();
    svarskoll()
        .arg("import")
        .arg(&audit)
        .arg(fixture("hand-calculated.csv"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a.svarskoll.ron"))
        .stderr(predicate::str::contains("öppen för ändring hos"))
        .stderr(predicate::str::contains(
            svarskoll::store::disk::machine_name(),
        ));
    // Reading commands do not need the lock.
    svarskoll().arg("check").arg(&audit).assert().success();
    held.0.release();
    let mut permissions = std::fs::metadata(&audit).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&audit, permissions).unwrap();
    svarskoll()
        .arg("import")
        .arg(&audit)
        .arg(fixture("hand-calculated.csv"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "a.svarskoll.ron: filen är skrivskyddad",
        ));
}

#[test]
fn import_says_which_encoding_it_read() {
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("a.svarskoll.ron");
    svarskoll()
        .args(["new", "--template", "malmo-sociala-medier", "-o"])
        .arg(&audit)
        .assert()
        .success();
    let csv = dir.path().join("register.csv");
    // "Konto;Plattform\r\nÅbyskolan;Facebook\r\n" as Swedish Excel saves it (Windows-1252).
    std::fs::write(&csv, b"Konto;Plattform\r\n\xC5byskolan;Facebook\r\n").unwrap();
    svarskoll()
        .arg("import")
        .arg(&audit)
        .arg(&csv)
        .assert()
        .success()
        .stdout(predicate::str::contains("läst som Windows-1252"));
    let saved = svarskoll::store::load_audit(&audit).unwrap();
    assert_eq!(saved.accounts[0].name, "Åbyskolan");
}

#[test]
fn check_errors_stop_results_report_and_export_but_warnings_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.svarskoll.ron");
    let t = |s| Some(chrono::DateTime::parse_from_rfc3339(s).unwrap());
    let mut audit = svarskoll::core::Audit::default();
    audit.accounts.push(svarskoll::core::Account {
        name: "A".into(),
        probes: vec![svarskoll::core::Probe {
            posted_at: t("2019-03-12T10:00:00+01:00"),
            answered_at: t("2019-03-11T10:00:00+01:00"),
            ..svarskoll::core::Probe::default()
        }],
        ..svarskoll::core::Account::default()
    });
    svarskoll::store::save_audit(&path, &audit).unwrap();
    for args in [vec!["results"], vec!["export", "-o", "x.csv"]] {
        svarskoll()
            .current_dir(dir.path())
            .args(&args)
            .arg(&path)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("fel måste rättas först"))
            .stderr(predicate::str::contains("före ställd"));
    }
    svarskoll().arg("check").arg(&path).assert().code(1);
    // Fixed: only a warning is left (signed but unanswered), which does not block.
    audit.accounts[0].probes[0].answered_at = None;
    audit.accounts[0].probes[0].signed = Some(true);
    svarskoll::store::save_audit(&path, &audit).unwrap();
    svarskoll().arg("results").arg(&path).assert().success();
    svarskoll().arg("check").arg(&path).assert().success();
}

fn example_file() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/examples/grundskola-2019.svarskoll")
}

/// One global `--lang` for every subcommand, before or after it; else `SVARSKOLL_LANG`; else
/// Swedish (never the machine's locale). JSON keys and values are never translated.
#[test]
fn the_command_line_speaks_english_on_request() {
    for args in [
        vec!["--lang", "en", "results"],
        vec!["results", "--lang", "en"],
    ] {
        svarskoll()
            .env_remove("SVARSKOLL_LANG")
            .args(&args)
            .arg(example_file())
            .assert()
            .success()
            .stdout(predicate::str::contains(
                "Answered in time            15  30\u{a0}%",
            ))
            .stdout(predicate::str::contains("(19.1–43.8\u{a0}%)"))
            .stdout(predicate::str::contains("not statistically significant"));
    }
    svarskoll()
        .env("SVARSKOLL_LANG", "en")
        .args(["check"])
        .arg(example_file())
        .assert()
        .success()
        .stdout(predicate::str::contains("no errors, 0 warnings"));
    // The flag wins over the variable; Swedish is the default.
    svarskoll()
        .env("SVARSKOLL_LANG", "en")
        .args(["results", "--lang", "sv"])
        .arg(example_file())
        .assert()
        .success()
        .stdout(predicate::str::contains("Besvarade i tid"));
    svarskoll()
        .env_remove("SVARSKOLL_LANG")
        .env("LANG", "en_US.UTF-8")
        .args(["results"])
        .arg(example_file())
        .assert()
        .success()
        .stdout(predicate::str::contains("Besvarade i tid"));
    // JSON is the same in every language.
    let json = |lang: &str| {
        svarskoll()
            .args(["results", "--json", "--lang", lang])
            .arg(example_file())
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(json("sv"), json("en"));
    // A variable that names no language is an error, naming it.
    svarskoll()
        .env("SVARSKOLL_LANG", "fr")
        .args(["results"])
        .arg(example_file())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("SVARSKOLL_LANG"));
}

/// `report -o X.docx` writes the Word document, `-o X.pdf` the PDF; any other extension stays
/// the PDF it always was.
#[test]
fn the_report_format_follows_the_output_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (name, magic) in [
        ("rapport.docx", &b"PK\x03\x04"[..]),
        ("RAPPORT.DOCX", b"PK\x03\x04"),
        ("rapport.pdf", b"%PDF-"),
        ("rapport.txt", b"%PDF-"),
    ] {
        let out = dir.path().join(name);
        svarskoll()
            .args(["report", "--as-of", "2019-04-30 12:00"])
            .arg(example_file())
            .arg("-o")
            .arg(&out)
            .assert()
            .success()
            .stderr(predicate::str::contains("rapporten skrevs till"));
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(magic), "{name}");
        if magic.starts_with(b"PK") {
            let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut document = String::new();
            std::io::Read::read_to_string(
                &mut archive.by_name("word/document.xml").unwrap(),
                &mut document,
            )
            .unwrap();
            assert!(document.contains("Granskningen omfattade 50 konton"));
        }
    }
}

/// Runs `svarskoll ARGS` in English twice (with `--lang en`, then with `SVARSKOLL_LANG=en`) and
/// once in the Swedish default; returns the three stderr texts after checking the exit code.
fn stderr_in_each_language(args: &[&std::ffi::OsStr], code: i32) -> [String; 3] {
    let run = |lang_flag: bool, env: Option<&str>| {
        let mut cmd = svarskoll();
        cmd.env_remove("SVARSKOLL_LANG");
        if let Some(value) = env {
            cmd.env("SVARSKOLL_LANG", value);
        }
        if lang_flag {
            cmd.args(["--lang", "en"]);
        }
        let out = cmd.args(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(code),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stderr).unwrap()
    };
    [run(true, None), run(false, Some("en")), run(false, None)]
}

/// No Swedish in an English message (file names aside).
fn assert_english(text: &str) {
    for swedish in [
        "kunde inte",
        "rad ",
        "kolumn ",
        " fel",
        "filen ",
        "okänd",
        "inget ",
        "läst som",
    ] {
        assert!(!text.contains(swedish), "Swedish {swedish:?} in: {text}");
    }
}

#[test]
fn file_errors_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let os = |p: &Path| p.as_os_str().to_owned();

    // A file that is not there.
    let missing = dir.path().join("MISSING.svarskoll.ron");
    let [en, en_env, sv] = stderr_in_each_language(&["check".as_ref(), &os(&missing)], 1);
    for text in [&en, &en_env] {
        assert!(
            text.contains("MISSING.svarskoll.ron: could not read the file: no such file or folder"),
            "{text}"
        );
        assert_english(text);
    }
    assert!(
        sv.contains("MISSING.svarskoll.ron: kunde inte läsa filen: filen eller mappen finns inte"),
        "{sv}"
    );

    // Malformed RON: the line and column, the value and what was expected.
    let broken = dir.path().join("broken.svarskoll.ron");
    std::fs::write(
        &broken,
        "(\n    version: 2,\n    accounts: [(platform: Myspace)],\n)\n",
    )
    .unwrap();
    let [en, en_env, sv] = stderr_in_each_language(&["check".as_ref(), &os(&broken)], 1);
    for text in [&en, &en_env] {
        assert!(text.contains("broken.svarskoll.ron:3:"), "{text}");
        assert!(
            text.contains("unknown value 'Myspace'; expected one of: "),
            "{text}"
        );
        assert_english(text);
    }
    assert!(sv.contains("broken.svarskoll.ron:3:"), "{sv}");
    assert!(
        sv.contains("okänt värde 'Myspace', väntade ett av: "),
        "{sv}"
    );

    // A misspelt field.
    std::fs::write(&broken, "(\n    meta: (organistion: \"X\"),\n)\n").unwrap();
    let [en, _, sv] = stderr_in_each_language(&["check".as_ref(), &os(&broken)], 1);
    assert!(en.contains("broken.svarskoll.ron:2:"), "{en}");
    assert!(en.contains("unknown field 'organistion' in"), "{en}");
    assert!(en.contains("known fields: "), "{en}");
    assert!(sv.contains("okänt fält 'organistion' i"), "{sv}");

    // A file from a newer Svarskoll.
    let newer = dir.path().join("newer.svarskoll.ron");
    let next = svarskoll::core::AUDIT_FILE_VERSION + 1;
    std::fs::write(
        &newer,
        format!("Audit(version: {next}, a_field_from_the_future: 1)"),
    )
    .unwrap();
    let [en, en_env, sv] = stderr_in_each_language(&["results".as_ref(), &os(&newer)], 1);
    let current = svarskoll::core::AUDIT_FILE_VERSION;
    for text in [&en, &en_env] {
        assert!(
            text.contains(&format!(
                "newer.svarskoll.ron: the file has version {next}, but this version of Svarskoll can only read up to version {current}. Update Svarskoll."
            )),
            "{text}"
        );
        assert_english(text);
    }
    assert!(
        sv.contains(&format!(
            "newer.svarskoll.ron: filen har version {next}, men den här versionen av Svarskoll kan bara läsa upp till version {current}."
        )),
        "{sv}"
    );

    // A template that is neither a file nor bundled.
    let out = dir.path().join("t.svarskoll.ron");
    let [en, _, sv] = stderr_in_each_language(
        &[
            "new".as_ref(),
            "--template".as_ref(),
            "finns-inte".as_ref(),
            "-o".as_ref(),
            &os(&out),
        ],
        1,
    );
    assert!(
        en.contains("finns-inte: could not find the template: no such file and no bundled template; bundled templates: malmo-sociala-medier"),
        "{en}"
    );
    assert_english(&en);
    assert!(sv.contains("kunde inte hitta mallen"), "{sv}");
}

#[test]
fn import_errors_and_the_summary_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("a.svarskoll.ron");
    svarskoll()
        .args(["new", "--template", "skurup-riktlinjer", "-o"])
        .arg(&audit)
        .assert()
        .success();
    let os = |p: &Path| p.as_os_str().to_owned();

    // An unknown platform, a time before the other, a time that is none.
    let bad = fixture("bad-log.csv");
    let [en, en_env, sv] = stderr_in_each_language(&["import".as_ref(), &os(&audit), &os(&bad)], 1);
    for text in [&en, &en_env] {
        assert!(
            text.contains("bad-log.csv: 3 errors, nothing was imported:"),
            "{text}"
        );
        assert!(
            text.contains("bad-log.csv: line 2, column 2 (plattform): unknown platform 'Myspace'; use Facebook, Instagram, X/Twitter, LinkedIn, YouTube, TikTok or Other"),
            "{text}"
        );
        assert!(
            text.contains(
                "line 3, column 4 (besvarad): answered (2019-03-11 10:00) before posted (2019-03-12 10:00)"
            ),
            "{text}"
        );
        assert!(
            text.contains("line 4, column 3 (ställd): '2019-13-12 10:00' is not a time"),
            "{text}"
        );
        assert_english(text);
    }
    assert!(
        sv.contains("bad-log.csv: 3 fel, inget importerades:"),
        "{sv}"
    );
    assert!(
        sv.contains("rad 2, kolumn 2 (plattform): okänd plattform 'Myspace'"),
        "{sv}"
    );

    // A quoted field that never closes: its line, and nothing about later columns.
    let quote = dir.path().join("quote.csv");
    std::fs::write(&quote, "konto;plattform\nA;Facebook\n\"B;Facebook\nC;X\n").unwrap();
    let [en, en_env, sv] =
        stderr_in_each_language(&["import".as_ref(), &os(&audit), &os(&quote)], 1);
    for text in [&en, &en_env] {
        assert!(
            text.contains("quote.csv: 1 error, nothing was imported:"),
            "{text}"
        );
        assert!(
            text.contains(
                "quote.csv: line 3: a quotation mark (\") opens a field that is never closed"
            ),
            "{text}"
        );
        assert_english(text);
    }
    assert!(
        sv.contains("quote.csv: rad 3: ett citattecken (\")"),
        "{sv}"
    );

    // The summary of an import that worked, with its plurals.
    let one = dir.path().join("one.csv");
    std::fs::write(
        &one,
        "konto;plattform;ställd\nA;Facebook;2019-03-12 10:00\n",
    )
    .unwrap();
    svarskoll()
        .args(["--lang", "en", "import"])
        .arg(&audit)
        .arg(&one)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "one.csv: read as UTF-8; 1 new account, 1 new question, 0 updated questions",
        ));
    // A time in the hour skipped when summer time begins is a notice, in English too.
    let gap = dir.path().join("gap.csv");
    std::fs::write(
        &gap,
        "konto;plattform;ställd\nB;Facebook;2019-03-31 02:30\n",
    )
    .unwrap();
    svarskoll()
        .env("SVARSKOLL_LANG", "en")
        .arg("import")
        .arg(&audit)
        .arg(&gap)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "gap.csv: line 2, ställd: 2019-03-31 02:30 does not exist (summer time begins); read as 60 minutes later, 2019-03-31 03:30 +02:00",
        ));
    let answered = dir.path().join("answered.csv");
    std::fs::write(
        &answered,
        "konto;plattform;ställd;besvarad\nA;Facebook;2019-03-12 10:00;2019-03-12 11:00\n",
    )
    .unwrap();
    svarskoll()
        .env_remove("SVARSKOLL_LANG")
        .arg("import")
        .arg(&audit)
        .arg(&answered)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "answered.csv: läst som UTF-8; 0 nya konton, 0 nya frågor, 1 uppdaterad fråga",
        ));
}

#[test]
fn lock_read_only_and_check_errors_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("a.svarskoll.ron");
    svarskoll()
        .args(["new", "--template", "malmo-sociala-medier", "-o"])
        .arg(&audit)
        .assert()
        .success();
    let held = svarskoll::store::AuditFile::open(&audit).unwrap();
    let out = svarskoll()
        .args(["--lang", "en", "import"])
        .arg(&audit)
        .arg(fixture("hand-calculated.csv"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(
        text.contains("a.svarskoll.ron: the audit is open for editing by "),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "on the computer '{}' since ",
            svarskoll::store::disk::machine_name()
        )),
        "{text}"
    );
    assert_english(&text);
    held.0.release();

    // An audit with an error: results refuse it, naming the error in the chosen language.
    let path = dir.path().join("e.svarskoll.ron");
    let t = |s| Some(chrono::DateTime::parse_from_rfc3339(s).unwrap());
    let mut broken = svarskoll::core::Audit::default();
    broken.accounts.push(svarskoll::core::Account {
        name: "A".into(),
        probes: vec![svarskoll::core::Probe {
            posted_at: t("2019-03-12T10:00:00+01:00"),
            answered_at: t("2019-03-11T10:00:00+01:00"),
            ..svarskoll::core::Probe::default()
        }],
        ..svarskoll::core::Account::default()
    });
    svarskoll::store::save_audit(&path, &broken).unwrap();
    let [en, _, sv] = stderr_in_each_language(&["results".as_ref(), path.as_os_str()], 1);
    assert!(
        en.contains("e.svarskoll.ron: 1 error must be corrected first (see svarskoll check):"),
        "{en}"
    );
    assert!(
        en.contains("answered (2019-03-11 10:00) before posted"),
        "{en}"
    );
    assert_english(&en);
    assert!(sv.contains("1 fel måste rättas först"), "{sv}");

    let mut permissions = std::fs::metadata(&audit).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&audit, permissions).unwrap();
    svarskoll()
        .args(["import", "--lang", "en"])
        .arg(&audit)
        .arg(fixture("hand-calculated.csv"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "a.svarskoll.ron: the file is read-only; nothing was saved.",
        ));
}

/// A copy of the bundled audit in `dir` (the evidence appendix as `appendix` says) whose first
/// audited account has two screenshots in its evidence folder (and, with `broken`, a third
/// that is no picture).
fn audit_with_evidence(dir: &Path, appendix: bool, broken: bool) -> PathBuf {
    let path = dir.join("bevis.svarskoll.ron");
    let mut audit = svarskoll::store::load_audit(&example_file()).unwrap();
    audit.report.evidence_appendix = appendix;
    let folder = svarskoll::store::evidence::evidence_dir(&path);
    std::fs::create_dir_all(&folder).unwrap();
    let mut names = vec!["fråga.png".to_owned(), "svar.png".to_owned()];
    image::RgbImage::from_pixel(40, 80, image::Rgb([30, 60, 90]))
        .save_with_format(folder.join(&names[0]), image::ImageFormat::Png)
        .unwrap();
    image::RgbaImage::from_pixel(60, 30, image::Rgba([200, 10, 10, 128]))
        .save_with_format(folder.join(&names[1]), image::ImageFormat::Png)
        .unwrap();
    if broken {
        std::fs::write(folder.join("trasig.png"), b"not a picture").unwrap();
        names.push("trasig.png".to_owned());
    }
    let first = audit
        .accounts
        .iter()
        .position(|a| audit.is_audited(a) && !a.probes.is_empty())
        .unwrap();
    audit.accounts[first].probes[0].evidence = names;
    svarskoll::store::save_audit(&path, &audit).unwrap();
    path
}

/// `report` with the output's stderr; the command must succeed.
fn report_stderr(audit: &Path, out: &Path, extra: &[&str]) -> String {
    let output = svarskoll()
        .env_remove("SVARSKOLL_LANG")
        .args(["report", "--as-of", "2019-04-30 12:00"])
        .args(extra)
        .arg(audit)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(out.is_file(), "{stderr}");
    stderr
}

const EVIDENCE_WARNING_SV: &str = "Varning: rapporten har en bilaga med skärmbilder som kan visa personers namn. Den är inte avsedd för publicering.";

/// The appendix is asked for by `--evidence` or by the audit file's own setting, never by
/// default; when it is in, stderr warns (in the chosen language) and names each screenshot
/// that could not be read.
#[test]
fn the_evidence_appendix_is_asked_for_and_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let off = audit_with_evidence(dir.path(), false, false);
    let pdf = dir.path().join("rapport.pdf");

    // Off by default: no warning.
    let stderr = report_stderr(&off, &pdf, &[]);
    assert!(stderr.contains("rapporten skrevs till"), "{stderr}");
    assert!(!stderr.contains("Varning"), "{stderr}");

    // --evidence, for PDF and Word alike.
    for name in ["rapport.pdf", "rapport.docx"] {
        let stderr = report_stderr(&off, &dir.path().join(name), &["--evidence"]);
        assert!(stderr.contains(EVIDENCE_WARNING_SV), "{name}: {stderr}");
        assert!(!stderr.contains("kunde inte läsas"), "{name}: {stderr}");
    }

    // The file's own setting, without the flag; a screenshot that is no picture is named.
    let other = tempfile::tempdir().unwrap();
    let on = audit_with_evidence(other.path(), true, true);
    let stderr = report_stderr(&on, &pdf, &[]);
    assert!(stderr.contains(EVIDENCE_WARNING_SV), "{stderr}");
    assert!(
        stderr.contains("skärmbilder som inte kunde läsas (PNG eller JPEG i bevismappen) och saknas i bilagan: 1"),
        "{stderr}"
    );
    let broken = other.path().join("bevis.evidence").join("trasig.png");
    assert!(
        stderr.contains(&format!("  {}\n", broken.display())),
        "{stderr}"
    );
    assert!(
        !stderr.contains("svar.png"),
        "only the unread ones: {stderr}"
    );

    // In English on request.
    let stderr = report_stderr(&on, &pdf, &["--lang", "en"]);
    assert!(
        stderr.contains("Warning: the report has an appendix of screenshots that may show people's names. It is not meant for publication."),
        "{stderr}"
    );
    assert!(
        stderr.contains("are missing from the appendix: 1"),
        "{stderr}"
    );
    assert!(!stderr.contains("Varning"), "{stderr}");

    // Said in --help.
    svarskoll()
        .args(["report", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--evidence"));
}

/// Image XObjects in a PDF.
fn image_count(pdf: &Path) -> usize {
    let document = lopdf::Document::load(pdf).unwrap();
    document
        .objects
        .values()
        .filter(|object| {
            object.as_stream().is_ok_and(|stream| {
                stream
                    .dict
                    .get(b"Subtype")
                    .and_then(lopdf::Object::as_name)
                    .is_ok_and(|name| name == b"Image")
            })
        })
        .count()
}

/// Media parts in a Word document.
fn media_count(docx: &Path) -> usize {
    let archive = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    archive
        .file_names()
        .filter_map(Result::ok)
        .filter(|name| name.starts_with("word/media/"))
        .count()
}

/// The screenshots are in the report: one image per screenshot in the PDF, one media part per
/// screenshot more in the Word document; none without the appendix. (Needs the report side of
/// the evidence appendix, which draws the pictures.)
#[test]
fn the_evidence_appendix_puts_each_screenshot_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let off = audit_with_evidence(dir.path(), false, false);
    let (pdf, docx) = (dir.path().join("utan.pdf"), dir.path().join("utan.docx"));
    report_stderr(&off, &pdf, &[]);
    report_stderr(&off, &docx, &[]);
    assert_eq!(image_count(&pdf), 0, "no appendix, no picture");
    let word_without = media_count(&docx);

    let (pdf, docx) = (dir.path().join("med.pdf"), dir.path().join("med.docx"));
    report_stderr(&off, &pdf, &["--evidence"]);
    report_stderr(&off, &docx, &["--evidence"]);
    assert_eq!(image_count(&pdf), 2, "--evidence");
    assert_eq!(media_count(&docx), word_without + 2, "--evidence");

    let other = tempfile::tempdir().unwrap();
    let on = audit_with_evidence(other.path(), true, false);
    let pdf = other.path().join("inställning.pdf");
    report_stderr(&on, &pdf, &[]);
    assert_eq!(image_count(&pdf), 2, "the audit's own setting");
}

/// An audit of four accounts in units whose names a file system could trip on (å ä ö, a slash,
/// a colon, a Windows device name): the first three answered late or not at all, the fourth
/// ("Ängen") in time.
fn letters_audit(dir: &Path) -> PathBuf {
    use svarskoll::core::{Account, Audit, Platform, Probe};
    let t = |s: &str| Some(chrono::DateTime::parse_from_rfc3339(s).unwrap());
    let account = |name: &str, unit: &str, answered: Option<&str>| Account {
        name: name.into(),
        platform: Platform::Facebook,
        unit: unit.into(),
        probes: vec![Probe {
            question: "Hej! Vilka öppettider gäller?".into(),
            posted_at: t("2019-03-12T10:00:00+01:00"),
            answered_at: answered.and_then(t),
            signed: answered.map(|_| false),
            ..Probe::default()
        }],
        ..Account::default()
    };
    let mut audit = Audit::default();
    audit.meta.organisation = "Exempelstads kommun".into();
    audit.meta.administration = "Kulturförvaltningen".into();
    audit.meta.auditors = vec!["Kommunikationsavdelningen".into()];
    audit.meta.closed_at = t("2019-04-30T12:00:00+02:00");
    audit.accounts = vec![
        account("Öster bibliotek", "Område Öster/Väster: Förskola", None),
        account(
            "Åbyskolans konto",
            "Åbyskolan",
            Some("2019-03-15T10:00:00+01:00"),
        ),
        account("Enhetens konto", "CON", None),
        account("Ängens konto", "Ängen", Some("2019-03-12T12:00:00+01:00")),
    ];
    let path = dir.join("brev.svarskoll.ron");
    svarskoll::store::save_audit(&path, &audit).unwrap();
    path
}

#[test]
fn letters_are_written_into_a_new_folder_with_safe_names() {
    let dir = tempfile::tempdir().unwrap();
    let audit = letters_audit(dir.path());
    let out_dir = dir.path().join("nya").join("brev");
    let out = svarskoll()
        .env_remove("SVARSKOLL_LANG")
        .arg("letters")
        .arg(&audit)
        .arg("-o")
        .arg(&out_dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    let mut files: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "aterkoppling-abyskolan.pdf",
            "aterkoppling-con-1.pdf",
            "aterkoppling-omrade-oster-vaster-forskola.pdf",
        ]
    );
    for file in &files {
        let bytes = std::fs::read(out_dir.join(file)).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{file}");
    }
    // One line a letter, naming the unit and the file, then the summary.
    assert!(
        stderr.contains("brev till Område Öster/Väster: Förskola: "),
        "{stderr}"
    );
    assert!(stderr.contains("aterkoppling-omrade-oster-vaster-forskola.pdf"));
    assert!(
        stderr.contains(&format!("3 brev skrevs till {}", out_dir.display())),
        "{stderr}"
    );
    // The letter is the unit's: its account, none of the others'.
    let text = {
        let doc = lopdf::Document::load(out_dir.join("aterkoppling-abyskolan.pdf")).unwrap();
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        doc.extract_text(&pages).unwrap()
    };
    assert!(text.contains("Åbyskolans konto"), "{text}");
    assert!(!text.contains("Öster bibliotek"));

    // Every unit, also the one that answered in time, into the same folder (files replaced).
    let out = svarskoll()
        .env_remove("SVARSKOLL_LANG")
        .args(["letters", "--all-units"])
        .arg(&audit)
        .arg("-o")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out_dir.join("aterkoppling-angen.pdf").is_file());
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("4 brev skrevs till")
    );
}

#[test]
fn letters_speak_english_and_say_when_no_unit_needs_one() {
    let dir = tempfile::tempdir().unwrap();
    let audit = letters_audit(dir.path());
    let out_dir = dir.path().join("letters");
    let out = svarskoll()
        .args(["letters", "--lang", "en"])
        .arg(&audit)
        .arg("-o")
        .arg(&out_dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("letter to Åbyskolan: "), "{stderr}");
    assert!(
        stderr.contains(&format!("3 letters were written to {}", out_dir.display())),
        "{stderr}"
    );
    assert_english(&stderr);
    let doc = lopdf::Document::load(out_dir.join("aterkoppling-abyskolan.pdf")).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    assert!(text.contains("Feedback: audit of social media"), "{text}");
    assert!(text.contains("within the deadline"), "{text}");

    // Every account answered in time: nothing to write, and no folder made.
    let mut all_in_time = svarskoll::store::load_audit(&audit).unwrap();
    for account in &mut all_in_time.accounts {
        for probe in &mut account.probes {
            probe.answered_at = probe.posted_at.map(|p| p + chrono::Duration::hours(1));
        }
    }
    let fine = dir.path().join("fine.svarskoll.ron");
    svarskoll::store::save_audit(&fine, &all_in_time).unwrap();
    let none_dir = dir.path().join("none");
    for (lang, says) in [
        ("sv", "inga brev skrevs"),
        ("en", "no letters were written"),
    ] {
        svarskoll()
            .args(["letters", "--lang", lang])
            .arg(&fine)
            .arg("-o")
            .arg(&none_dir)
            .assert()
            .success()
            .stderr(predicate::str::contains(says));
    }
    assert!(!none_dir.exists());
}

#[test]
fn letters_to_an_unwritable_folder_or_from_a_broken_audit_exit_1_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let audit = letters_audit(dir.path());
    // A file where the folder should be (also refused when running as root).
    let file = dir.path().join("inte-en-mapp");
    std::fs::write(&file, b"x").unwrap();
    for target in [file.clone(), file.join("brev")] {
        let [en, _, sv] = stderr_in_each_language(
            &[
                "letters".as_ref(),
                audit.as_os_str(),
                "-o".as_ref(),
                target.as_os_str(),
            ],
            1,
        );
        assert!(
            sv.contains(&format!("{}: kunde inte skapa mappen", target.display())),
            "{sv}"
        );
        assert!(
            en.contains(&format!(
                "{}: could not create the folder",
                target.display()
            )),
            "{en}"
        );
        assert_english(&en);
    }
    // An audit with an error is refused before anything is written.
    let mut broken = svarskoll::store::load_audit(&audit).unwrap();
    broken.accounts[0].probes[0].answered_at =
        Some(chrono::DateTime::parse_from_rfc3339("2019-03-11T10:00:00+01:00").unwrap());
    let path = dir.path().join("fel.svarskoll.ron");
    svarskoll::store::save_audit(&path, &broken).unwrap();
    let out_dir = dir.path().join("brev");
    svarskoll()
        .arg("letters")
        .arg(&path)
        .arg("-o")
        .arg(&out_dir)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "fel.svarskoll.ron: 1 fel måste rättas först",
        ));
    assert!(!out_dir.exists());
}

/// `followup`: next year's audit from this one, with this one's figures as its latest earlier
/// audit; `results --json` lists the earlier audits as the file holds them.
#[test]
fn followup_writes_next_years_audit_that_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let source_path = fixture("audit-v5.svarskoll.ron");
    let next_path = dir.path().join("next.svarskoll.ron");
    svarskoll()
        .arg("followup")
        .arg(&source_path)
        .arg("-o")
        .arg(&next_path)
        .assert()
        .success()
        .stderr(predicate::str::contains("Skapade"));
    svarskoll().arg("check").arg(&next_path).assert().success();
    let source = svarskoll::store::load_audit(&source_path).unwrap();
    let next = svarskoll::store::load_audit(&next_path).unwrap();
    assert_eq!(next.meta.year, source.meta.year + 1);
    assert_eq!(next.meta.closed_at, None);
    let ids = |a: &svarskoll::core::Audit| a.accounts.iter().map(|a| a.id).collect::<Vec<_>>();
    assert_eq!(ids(&next), ids(&source));
    assert!(next.accounts.iter().all(|a| a.probes.is_empty()));
    assert_eq!(next.actions, source.actions);
    assert_eq!(next.criteria, source.criteria);
    assert_eq!(next.earlier[..source.earlier.len()], source.earlier[..]);
    let as_of = source.meta.closed_at.unwrap().to_utc();
    let results = svarskoll::core::Results::compute(&source, as_of);
    let carried = next.earlier.last().unwrap();
    assert_eq!(carried.year, Some(source.meta.year));
    assert_eq!(carried.audited as usize, results.overall.decided());
    assert_eq!(carried.in_time as usize, results.overall.in_time);

    // `results --json` lists them, oldest first, with the years the file gives.
    let j = results_json(&next_path, "2020-04-30 12:00");
    let listed = j["earlier"].as_array().unwrap();
    assert_eq!(listed.len(), next.earlier.len());
    for (json, e) in listed.iter().zip(&next.earlier) {
        assert_eq!(json["label"], e.label.as_str());
        assert_eq!(json["accounts_audited"], e.audited);
        assert_eq!(json["answered_in_time"], e.in_time);
        match e.year_or_label() {
            Some(year) => assert_eq!(json["year"], year),
            None => assert!(json["year"].is_null()),
        }
    }
    // A typed label that is a year gives the year; the carried audit its own.
    assert_eq!(
        listed[0]["year"],
        source.earlier[0].label.parse::<i32>().unwrap()
    );
    assert!(source.earlier[0].year.is_none());
    assert_eq!(listed.last().unwrap()["year"], source.meta.year);
    // The readable table lists the trend, this audit last.
    svarskoll()
        .arg("results")
        .arg(&source_path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Utveckling: granskning"))
        .stdout(predicate::str::contains("2019 (denna granskning)"));
}

#[test]
fn followup_takes_a_year_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let source = fixture("audit-v5.svarskoll.ron");
    let next = dir.path().join("2031.svarskoll.ron");
    svarskoll()
        .args(["--lang", "en", "followup"])
        .arg(&source)
        .args(["--year", "2031", "-o"])
        .arg(&next)
        .assert()
        .success()
        .stderr(predicate::str::contains("Created"));
    let audit = svarskoll::store::load_audit(&next).unwrap();
    assert_eq!(audit.meta.year, 2031);
    assert!(audit.meta.title.contains("2031"), "{}", audit.meta.title);

    // The file exists: exit 1, nothing written over.
    let before = std::fs::read(&next).unwrap();
    svarskoll()
        .arg("followup")
        .arg(&source)
        .arg("-o")
        .arg(&next)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("filen finns redan"));
    assert_eq!(std::fs::read(&next).unwrap(), before);
    // A year no file may hold, or no output: wrong usage, exit 2.
    let other = dir.path().join("other.svarskoll.ron");
    svarskoll()
        .arg("followup")
        .arg(&source)
        .args(["--year", "1800", "-o"])
        .arg(&other)
        .assert()
        .code(2);
    svarskoll().arg("followup").arg(&source).assert().code(2);
    assert!(!other.exists());
    // A missing audit: exit 1 naming it.
    svarskoll()
        .arg("followup")
        .arg(dir.path().join("missing.svarskoll.ron"))
        .arg("-o")
        .arg(&other)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("missing.svarskoll.ron"));
    assert!(!other.exists());
}

/// The bundled example split in three parts into `dir/delar` (exit 0).
fn split_example(dir: &Path) -> (PathBuf, Vec<PathBuf>) {
    let audit = dir.join("skola.svarskoll.ron");
    std::fs::create_dir_all(dir).unwrap();
    std::fs::copy(example_file(), &audit).unwrap();
    let out = svarskoll()
        .arg("split")
        .arg(&audit)
        .args(["--parts", "3", "-o"])
        .arg(dir.join("delar"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let parts: Vec<PathBuf> = (1..=3)
        .map(|n| dir.join("delar").join(format!("skola-del-{n}.svarskoll")))
        .collect();
    for part in &parts {
        assert!(part.is_file(), "{stdout}");
        assert!(stdout.contains(&part.display().to_string()), "{stdout}");
    }
    (audit, parts)
}

fn merge_cmd(audit: &Path, parts: &[PathBuf], out: &Path) -> Command {
    let mut cmd = svarskoll();
    cmd.arg("merge").arg(audit).args(parts).arg("-o").arg(out);
    cmd
}

#[test]
fn split_then_merge_gives_the_same_results() {
    let dir = tempfile::tempdir().unwrap();
    let (audit, parts) = split_example(dir.path());
    let title = svarskoll::store::load_audit(&parts[1]).unwrap().meta.title;
    assert!(title.ends_with("(del 2 av 3)"), "{title}");
    // The auditor of part 2 logs an answer.
    let mut part = svarskoll::store::load_audit(&parts[1]).unwrap();
    let probe = part
        .accounts
        .iter_mut()
        .flat_map(|a| &mut a.probes)
        .find(|p| p.posted_at.is_some() && p.answered_at.is_none())
        .unwrap();
    probe.answered_at = probe.posted_at.map(|t| t + chrono::Duration::hours(2));
    svarskoll::store::save_audit(&parts[1], &part).unwrap();

    let out = dir.path().join("ihop.svarskoll.ron");
    let assert = merge_cmd(&audit, &parts, &out).assert().code(0);
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(stdout.contains("Slog ihop 3 delar till"), "{stdout}");
    assert!(stdout.contains("1 ändrad fråga"), "{stdout}");
    let before = results_json(&audit, "2019-04-30 12:00");
    let after = results_json(&out, "2019-04-30 12:00");
    assert_eq!(
        after["accounts_audited"], before["accounts_audited"],
        "the same register"
    );
    assert_ne!(after, before, "the part's answer counts");
    let merged = svarskoll::store::load_audit(&out).unwrap();
    assert_eq!(
        merged.meta.title,
        svarskoll::store::load_audit(&audit).unwrap().meta.title
    );

    // Without changes in the parts, the very same results.
    let (audit, parts) = split_example(&dir.path().join("igen"));
    let out = dir.path().join("igen").join("ihop.svarskoll.ron");
    merge_cmd(&audit, &parts, &out).assert().code(0);
    assert_eq!(
        results_json(&out, "2019-04-30 12:00"),
        results_json(&audit, "2019-04-30 12:00")
    );
    // By unit and by platform, in English.
    for by in ["unit", "platform"] {
        let folder = dir.path().join(by);
        let out = svarskoll()
            .arg("split")
            .arg(&audit)
            .args(["--by", by, "--lang", "en", "-o"])
            .arg(&folder)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.starts_with("Wrote "), "{stdout}");
        let mut parts: Vec<PathBuf> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".svarskoll"))
            .collect();
        parts.sort();
        assert!(parts.len() >= 3, "{by}: {parts:?}");
        let merged = folder.join("ihop.svarskoll.ron");
        merge_cmd(&audit, &parts, &merged).assert().code(0);
        assert_eq!(
            results_json(&merged, "2019-04-30 12:00"),
            results_json(&audit, "2019-04-30 12:00"),
            "{by}"
        );
    }
}

#[test]
fn merge_conflicts_exit_1_listing_each_and_writing_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (audit_path, parts) = split_example(dir.path());
    // The same question answered at different times in the audit (since the split) and in
    // part 1: a conflict naming the account, the field, both values and both files.
    let mut part = svarskoll::store::load_audit(&parts[0]).unwrap();
    let (name, id) = part
        .accounts
        .iter()
        .find_map(|a| {
            let p = a.probes.iter().find(|p| p.posted_at.is_some())?;
            Some((a.name.clone(), p.id))
        })
        .unwrap();
    let at = |audit: &mut svarskoll::core::Audit, hour: u32| {
        let p = audit.probe_by_id_mut(id).unwrap();
        p.answered_at = Some(local(2019, 4, 29, hour, 15).unwrap().fixed_offset());
    };
    at(&mut part, 9);
    svarskoll::store::save_audit(&parts[0], &part).unwrap();
    let mut audit = svarskoll::store::load_audit(&audit_path).unwrap();
    at(&mut audit, 11);
    svarskoll::store::save_audit(&audit_path, &audit).unwrap();
    let audit_bytes = std::fs::read(&audit_path).unwrap();

    for (lang, field, but) in [("sv", "besvarad", "men"), ("en", "answered", "but")] {
        let out = dir.path().join("ihop.svarskoll.ron");
        let result = merge_cmd(&audit_path, &parts, &out)
            .args(["--lang", lang])
            .output()
            .unwrap();
        assert_eq!(result.status.code(), Some(1), "{lang}");
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert!(!out.exists(), "nothing written");
        let line = stderr
            .lines()
            .find(|l| l.contains(&name))
            .unwrap_or_else(|| panic!("{stderr}"));
        assert!(
            line.contains(&format!(": {field}: ")),
            "{lang}: the field: {line}"
        );
        assert!(line.contains("2019-04-29 11:15"), "{line}");
        assert!(line.contains("2019-04-29 09:15"), "{line}");
        assert!(line.contains(&audit_path.display().to_string()), "{line}");
        assert!(line.contains(&parts[0].display().to_string()), "{line}");
        assert!(line.contains(but), "{line}");
        let heading = stderr.lines().next().unwrap();
        if lang == "sv" {
            assert!(
                heading.contains("1 konflikt") && heading.contains("Inget skrevs"),
                "{heading}"
            );
        } else {
            assert!(
                heading.contains("1 conflict") && heading.contains("Nothing was written"),
                "{heading}"
            );
        }
    }
    // Not even into the audit itself.
    merge_cmd(&audit_path, &parts, &audit_path).assert().code(1);
    assert_eq!(std::fs::read(&audit_path).unwrap(), audit_bytes);
}

#[test]
fn split_and_merge_usage_and_input_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (audit, parts) = split_example(dir.path());
    // Wrong usage: exit 2.
    svarskoll()
        .arg("split")
        .arg(&audit)
        .arg("-o")
        .arg(dir.path().join("x"))
        .assert()
        .code(2);
    svarskoll()
        .args(["split", "--parts", "0", "-o", "x"])
        .arg(&audit)
        .assert()
        .code(2);
    svarskoll()
        .arg("merge")
        .arg(&audit)
        .arg("-o")
        .arg(dir.path().join("y.svarskoll.ron"))
        .assert()
        .code(2);
    // Bad input: exit 1 naming the file.
    let out = dir.path().join("ut.svarskoll.ron");
    merge_cmd(&audit, &[parts[0].clone(), audit.clone()], &out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{}: filen är ingen del",
            audit.display()
        )));
    svarskoll()
        .arg("split")
        .arg(&audit)
        .args(["--parts", "500", "-o"])
        .arg(dir.path().join("z"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("högst 50 delar"));
    // The parts are never written over.
    svarskoll()
        .arg("split")
        .arg(&audit)
        .args(["--parts", "3", "-o"])
        .arg(dir.path().join("delar"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("skola-del-1.svarskoll"));
    assert!(!out.exists());
}

#[test]
fn an_audit_with_its_own_extension_in_a_folder_named_in_swedish_works_end_to_end() {
    // Windows associates by the last extension only: new audits are `.svarskoll`, and
    // Svarskoll 0.1's `.svarskoll.ron` still open and give the same results.
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Revision å ä ö 2026");
    std::fs::create_dir(&folder).unwrap();
    let audit = folder.join("Kultur och fritid.svarskoll");
    new_hand_calculated(&audit, "Kultur");
    svarskoll().arg("check").arg(&audit).assert().success();
    let old_name = folder.join("Kultur och fritid.svarskoll.ron");
    std::fs::copy(&audit, &old_name).unwrap();
    let new = results_json(&audit, "2019-03-20 08:00");
    assert_eq!(new, results_json(&old_name, "2019-03-20 08:00"));
    assert!(!new["probes"].as_array().unwrap().is_empty(), "{new}");
    // A split names its parts after the audit, with the new extension.
    svarskoll()
        .arg("split")
        .arg(&audit)
        .args(["--parts", "2", "-o"])
        .arg(folder.join("delar"))
        .assert()
        .success();
    for n in 1..=2 {
        let part = folder
            .join("delar")
            .join(format!("Kultur och fritid-del-{n}.svarskoll"));
        assert!(part.is_file(), "{}", part.display());
    }
}

#[cfg(target_os = "linux")]
#[test]
fn without_a_display_the_window_says_what_to_do_instead() {
    for (lang, needs, way_out) in [
        (
            "sv",
            "behöver en skärm och OpenGL 2",
            "fungerar ändå från kommandoraden",
        ),
        (
            "en",
            "needs a display and OpenGL 2",
            "still works from the command line",
        ),
    ] {
        svarskoll()
            .args(["--lang", lang])
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("WAYLAND_SOCKET")
            .assert()
            .code(1)
            .stderr(predicate::str::contains(needs))
            .stderr(predicate::str::contains(way_out))
            .stderr(predicate::str::contains("svarskoll --help"));
    }
}
