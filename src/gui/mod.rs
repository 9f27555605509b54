//! The desktop app (eframe/egui). Being built in the GUI issue.

use std::path::PathBuf;

/// Open the window.
pub fn run(_audit: Option<PathBuf>) -> Result<(), String> {
    Err("fönstret är inte byggt ännu; använd kommandona (svarskoll --help)".to_owned())
}
