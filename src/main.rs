//! The `svarskoll` binary: the GUI, or one command of the command line (PRODUCT §7).

use clap::Parser;
use std::process::ExitCode;
use svarskoll::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    run(cli)
}
