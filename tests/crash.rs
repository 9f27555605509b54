//! A save killed at any moment loses nothing: a child process saving in a loop is SIGKILLed at
//! random moments, 200 times; after each kill the audit and its `.bak` are each a complete valid
//! version, and temp files do not pile up (the next save cleans this machine's stale ones).
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;
use svarskoll::core::{Account, Audit, Probe};
use svarskoll::store::{AuditFile, audit_file::backup_path, load_audit};

const KILLS: usize = 200;
const CHILD_ENV: &str = "SVARSKOLL_CRASH_CHILD_AUDIT";

fn audit_of(size: usize, tag: u64) -> Audit {
    let mut audit = Audit::default();
    audit.meta.title = format!("sparning {tag}");
    for i in 0..size {
        audit.accounts.push(Account {
            name: format!("Konto {i} åäö"),
            probes: vec![Probe {
                note: format!("anteckning {tag} {}", "x".repeat(i % 50)),
                ..Probe::default()
            }],
            ..Account::default()
        });
    }
    audit
}

/// The child: open the audit (taking over the lock its killed predecessor left) and save
/// forever, each version a little different in size and content. Run as a test of its own it
/// does nothing (no audit named in the environment).
#[test]
fn child_saves_in_a_loop() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let path = PathBuf::from(path);
    let (mut file, _) = AuditFile::open(&path).unwrap();
    for tag in 0.. {
        file.save(&audit_of(20 + (tag as usize % 60), tag)).unwrap();
    }
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn crash_test_kills_a_saving_child() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.svarskoll.ron");
    AuditFile::create(&path, &audit_of(10, 0))
        .unwrap()
        .release();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut random = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let (mut left_temp, mut most_temps) = (0, 0);
    for kill in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "child_saves_in_a_loop", "--quiet"])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(1_500 + random() % 15_000));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let main = load_audit(&path)
            .unwrap_or_else(|e| panic!("after kill {kill}: the audit is broken: {e:?}"));
        assert!(
            main.meta.title.starts_with("sparning"),
            "{}",
            main.meta.title
        );
        if backup_path(&path).exists() {
            load_audit(&backup_path(&path))
                .unwrap_or_else(|e| panic!("after kill {kill}: the .bak is broken: {e:?}"));
        }
        let temps = temp_files(dir.path());
        left_temp += usize::from(!temps.is_empty());
        most_temps = most_temps.max(temps.len());
        // The previous kill's leftovers are cleaned by the next child's first save: at most the
        // ones of this kill (main file and .bak) remain.
        assert!(temps.len() <= 2, "after kill {kill}: {temps:?}");
    }
    eprintln!(
        "{KILLS} kills; {left_temp} left a temp file (killed mid-save); at most {most_temps} temp files at once"
    );
    assert!(backup_path(&path).exists());
}
