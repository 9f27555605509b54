//! The operating system around the app: where the bundled example lives, and opening a file
//! with the desktop's own program.

use std::path::{Path, PathBuf};

/// The bundled example audit, relative to the crate or the working folder.
pub const EXAMPLE_AUDIT: &str = "assets/examples/grundskola-2019.svarskoll";

/// Whether `path` is the bundled example audit file.
pub(crate) fn is_bundled_example(path: &Path) -> bool {
    let canonical = |p: &Path| dunce::canonicalize(p).ok();
    example_path().is_some_and(|example| {
        canonical(&example).is_some() && canonical(&example) == canonical(path)
    })
}

/// Where the bundled example lives: beside the working folder, the crate or the executable.
#[must_use]
pub fn example_path() -> Option<PathBuf> {
    let mut candidates = vec![
        PathBuf::from(EXAMPLE_AUDIT),
        Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE_AUDIT),
    ];
    if let Ok(exe) = std::env::current_exe() {
        for dir in exe.ancestors().skip(1).take(4) {
            candidates.push(dir.join(EXAMPLE_AUDIT));
        }
    }
    candidates.into_iter().find(|p| p.is_file())
}

/// Show `text` in the system's own message box and wait for the user to close it — on Windows,
/// where a program started from the Start menu has no console and its error would otherwise be
/// lost. Elsewhere the text on standard error suffices (a desktop launcher that hides it is rare,
/// and a helper program for a box may itself need the display that failed).
pub fn tell_in_a_message_box(title: &str, text: &str) {
    if cfg!(windows) {
        rfd::MessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title(title)
            .set_description(text)
            .set_buttons(rfd::MessageButtons::Ok)
            .show();
    }
}

/// Open `path` with the desktop's default program, without waiting for it.
pub(crate) fn open_with_desktop(path: &Path) -> std::io::Result<()> {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    let mut child = command.arg(path).spawn()?;
    // Reap the opener when it exits so it does not linger as a zombie.
    let _ = std::thread::Builder::new()
        .name("open-file".to_owned())
        .spawn(move || child.wait());
    Ok(())
}
