//! Two writers at once never lose work: two `svarskoll import`s into one audit, 100 times each
//! in parallel. A writer that finds the audit held is refused (exit 1, naming the holder) and
//! tries again; at the end every import reported as done is in the file.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const IMPORTS_PER_WRITER: usize = 100;

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_svarskoll"))
}

fn writer(dir: &Path, audit: &Path, who: &str) -> (Vec<String>, usize) {
    let mut done = Vec::new();
    let mut refused = 0;
    for i in 0..IMPORTS_PER_WRITER {
        let name = format!("{who}-{i}");
        let csv = dir.join(format!("{name}.csv"));
        std::fs::write(&csv, format!("konto;plattform\n{name};Facebook\n")).unwrap();
        loop {
            let out = Command::new(bin())
                .arg("import")
                .arg(audit)
                .arg(&csv)
                .output()
                .unwrap();
            if out.status.success() {
                done.push(name);
                break;
            }
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{stderr}");
            assert!(stderr.contains("öppen för ändring hos"), "{stderr}");
            assert!(stderr.contains("a.svarskoll.ron"), "{stderr}");
            refused += 1;
            std::thread::sleep(Duration::from_millis(2));
        }
    }
    (done, refused)
}

#[test]
fn two_parallel_importers_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("a.svarskoll.ron");
    let out = Command::new(bin())
        .args(["new", "--template", "malmo-sociala-medier", "-o"])
        .arg(&audit)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| writer(dir.path(), &audit, "A"));
        let b = s.spawn(|| writer(dir.path(), &audit, "B"));
        (a.join().unwrap(), b.join().unwrap())
    });
    let saved = svarskoll::store::load_audit(&audit).unwrap();
    let names: std::collections::HashSet<&str> =
        saved.accounts.iter().map(|a| a.name.as_str()).collect();
    for name in a.0.iter().chain(&b.0) {
        assert!(
            names.contains(name.as_str()),
            "{name} was reported done but is missing"
        );
    }
    assert_eq!(saved.accounts.len(), 2 * IMPORTS_PER_WRITER);
    eprintln!(
        "{} imports done, {} refused while the other writer held the audit",
        a.0.len() + b.0.len(),
        a.1 + b.1
    );
    // No lock file or temp file is left behind.
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
