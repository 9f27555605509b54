//! The `svarskollw` binary: the window only, with no console (PRODUCT §7).
//!
//! On Windows this is a GUI-subsystem program, so starting it from the Start menu or by
//! double-clicking an audit opens no console window. `svarskoll` stays the console program:
//! cmd and PowerShell wait for a console program, which keeps its exit codes and output order.
//! The one argument, if any, is the audit file to open (Windows passes `"%1"`); it is never
//! read as a subcommand, so a file named like one (`new`, `check`) still opens.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::path::PathBuf;
use std::process::ExitCode;
use svarskoll::cli::{Cli, run};

fn main() -> ExitCode {
    let audit = std::env::args_os().nth(1).map(PathBuf::from);
    // The same path as `svarskoll FILE`, so the window opens (and fails) the same way.
    run(Cli {
        audit,
        command: None,
        lang: None,
    })
}
