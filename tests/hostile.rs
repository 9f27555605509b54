//! The hostile corpus (`tests/fixtures/hostile/`, made by `scripts/make-hostile-fixtures.py`):
//! every audit file there makes `check`, `results`, `report` and `export` exit 1 with a short
//! message naming the file, never a panic, never slower than 5 s; every CSV file there makes
//! `import` exit 1 naming the CSV and leaves the audit as it was.
#![allow(clippy::unwrap_used)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn svarskoll() -> Command {
    Command::cargo_bin("svarskoll").unwrap()
}

fn corpus(extension: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(extension))
        .collect();
    files.sort();
    files
}

/// Run, and check the refusal: exit 1, no panic, in time, every line of stderr naming `file`.
fn refused(cmd: &mut Command, file: &Path, what: &str) -> String {
    let start = Instant::now();
    let out = cmd.timeout(Duration::from_secs(20)).output().unwrap();
    let took = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(out.status.code(), Some(1), "{what} {name}: {stderr}");
    assert!(!stderr.contains("panicked"), "{what} {name}: {stderr}");
    assert!(took < Duration::from_secs(5), "{what} {name} took {took:?}");
    assert!(
        stderr.len() < 8_000,
        "{what} {name}: {} bytes",
        stderr.len()
    );
    assert!(!stderr.trim().is_empty(), "{what} {name}");
    for line in stderr.lines() {
        assert!(
            line.contains(&name),
            "{what} {name}: line without the file: {line}"
        );
    }
    stderr
}

#[test]
fn every_hostile_audit_is_refused_by_every_reading_command() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus(".svarskoll.ron");
    assert!(files.len() >= 30, "{}", files.len());
    for file in &files {
        let pdf = dir.path().join("r.pdf");
        let docx = dir.path().join("r.docx");
        let csv = dir.path().join("e.csv");
        refused(svarskoll().arg("check").arg(file), file, "check");
        let first = refused(svarskoll().arg("results").arg(file), file, "results");
        refused(
            svarskoll().arg("report").arg(file).arg("-o").arg(&pdf),
            file,
            "report",
        );
        refused(
            svarskoll().arg("report").arg(file).arg("-o").arg(&docx),
            file,
            "report",
        );
        refused(
            svarskoll().arg("export").arg(file).arg("-o").arg(&csv),
            file,
            "export",
        );
        let letters = dir.path().join("brev");
        refused(
            svarskoll()
                .args(["letters", "--all-units"])
                .arg(file)
                .arg("-o")
                .arg(&letters),
            file,
            "letters",
        );
        assert!(
            !pdf.exists() && !docx.exists() && !csv.exists() && !letters.exists(),
            "{}",
            file.display()
        );
        // A file refused at load is one line.
        if !first.contains("måste rättas först") {
            assert_eq!(first.lines().count(), 1, "{first}");
        }
    }
}

/// `split` and `merge` meet the same files: a file that does not load is refused naming it; one
/// that loads (its problems are for `check`) splits; as a part it is no part. Never a panic.
#[test]
fn split_and_merge_refuse_every_hostile_audit_naming_it_or_take_it_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("a.svarskoll.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/audit-v4.svarskoll.ron"),
        &base,
    )
    .unwrap();
    for (i, file) in corpus(".svarskoll.ron").iter().enumerate() {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let parts = dir.path().join(format!("delar-{i}"));
        let out = dir.path().join(format!("ut-{i}.svarskoll.ron"));
        let runs = [
            svarskoll()
                .arg("split")
                .arg(file)
                .args(["--parts", "2", "-o"])
                .arg(&parts)
                .timeout(Duration::from_secs(20))
                .output()
                .unwrap(),
            svarskoll()
                .arg("merge")
                .arg(&base)
                .arg(file)
                .arg("-o")
                .arg(&out)
                .timeout(Duration::from_secs(20))
                .output()
                .unwrap(),
        ];
        for run in runs {
            let stderr = String::from_utf8_lossy(&run.stderr);
            assert!(!stderr.contains("panicked"), "{name}: {stderr}");
            match run.status.code() {
                Some(0) => {}
                Some(1) => assert!(
                    stderr.lines().all(|l| l.contains(&name)),
                    "{name}: {stderr}"
                ),
                other => panic!("{name}: exit {other:?}: {stderr}"),
            }
        }
        assert!(!out.exists(), "{name}: no hostile file is a part");
    }
}

#[test]
fn every_hostile_csv_is_refused_and_the_audit_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("a.svarskoll.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/audit-v2.svarskoll.ron"),
        &audit,
    )
    .unwrap();
    let before = std::fs::read(&audit).unwrap();
    let files = corpus(".csv");
    assert!(files.len() >= 8, "{}", files.len());
    for file in &files {
        let out = svarskoll()
            .arg("import")
            .arg(&audit)
            .arg(file)
            .timeout(Duration::from_secs(20))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(stderr.lines().next().unwrap().contains(&name), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(std::fs::read(&audit).unwrap(), before, "{name}");
    }
    let quote = svarskoll()
        .arg("import")
        .arg(&audit)
        .arg(dir.path().join("../nonexistent.csv"))
        .output()
        .unwrap();
    assert_eq!(quote.status.code(), Some(1));
    let unterminated = corpus("unterminated-quote.csv");
    let out = svarskoll()
        .arg("import")
        .arg(&audit)
        .arg(&unterminated[0])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("rad 3: ett citattecken"), "{stderr}");
    assert!(!stderr.contains("okänd plattform"), "{stderr}");
}

#[test]
fn a_huge_token_or_note_is_refused_quickly_without_being_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let token = dir.path().join("token.svarskoll.ron");
    let mut text = String::from("Audit(version: 2, ");
    text.push_str(&"x".repeat(20_000_000));
    text.push_str(": 1)");
    std::fs::write(&token, &text).unwrap();
    let stderr = refused(svarskoll().arg("check").arg(&token), &token, "check");
    assert!(stderr.contains('…'), "{stderr}");

    let note = dir.path().join("note.svarskoll.ron");
    let v2 = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/audit-v2.svarskoll.ron"),
    )
    .unwrap();
    let big = format!("                    note: \"{}\"", "n".repeat(20_000_000));
    std::fs::write(
        &note,
        v2.replacen("                    note: \"\"", &big, 1),
    )
    .unwrap();
    let stderr = refused(svarskoll().arg("results").arg(&note), &note, "results");
    assert!(stderr.contains("probes[0].note"), "{stderr}");
    assert!(stderr.contains("10000"), "{stderr}");
}

#[test]
fn control_characters_from_the_file_are_escaped_in_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.svarskoll.ron");
    let mut audit = svarskoll::core::Audit::default();
    for name in ["Skolan\u{1b}[2J\u{7}", "Skolan\u{1b}[2J\u{7}"] {
        audit.accounts.push(svarskoll::core::Account {
            name: name.into(),
            ..svarskoll::core::Account::default()
        });
    }
    svarskoll::store::save_audit(&path, &audit).unwrap();
    let out = svarskoll().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Skolan\\u{1b}[2J\\u{7}"), "{stdout}");
    assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b));
    assert!(!out.stdout.contains(&0x07));
}
