//! The arrows of ARCHITECTURE.md, checked: each part of `src/` uses only the parts below it,
//! and `core` reaches neither the file system, the clock, nor a UI or PDF library.

use std::fs;
use std::path::{Path, PathBuf};

/// Which parts of the crate each part may use (itself included).
const ALLOWED: &[(&str, &[&str])] = &[
    ("core", &["core"]),
    ("i18n", &["core", "i18n"]),
    ("store", &["core", "i18n", "store"]),
    ("report", &["core", "i18n", "report"]),
    ("gui", &["core", "i18n", "store", "report", "gui"]),
    ("cli", &["core", "i18n", "store", "report", "gui", "cli"]),
];

const PARTS: &[&str] = &["core", "i18n", "store", "report", "gui", "cli"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's code without its unit tests and comments.
fn code(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn each_part_uses_only_the_parts_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for (part, allowed) in ALLOWED {
        let mut files = Vec::new();
        rust_files(&src.join(part), &mut files);
        assert!(!files.is_empty(), "no files in src/{part}");
        for file in files {
            let code = code(&file);
            for other in PARTS.iter().filter(|p| !allowed.contains(p)) {
                if code.contains(&format!("crate::{other}::"))
                    || code.contains(&format!("crate::{other}}}"))
                    || code.contains(&format!("crate::{other};"))
                {
                    wrong.push(format!("{} uses {other}", file.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "arrows not allowed: {wrong:#?}");
}

#[test]
fn core_has_no_io_clock_ui_or_pdf() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core"),
        &mut files,
    );
    for file in files {
        let code = code(&file);
        for banned in [
            "std::fs",
            "Utc::now",
            "Local::now",
            "SystemTime",
            "egui",
            "printpdf",
            "rfd::",
            "std::env",
        ] {
            assert!(!code.contains(banned), "{} uses {banned}", file.display());
        }
    }
}
