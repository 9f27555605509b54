//! The `svarskoll` binary: the GUI, or one command of the command line (PRODUCT §7).

use clap::Parser;
use std::process::ExitCode;
use svarskoll::cli::{Cli, run};

/// mimalloc instead of the system allocator: a report of the 50-account example took 8.6 ms
/// instead of 10.0 ms of CPU, with 580 page faults instead of 1,575 (most of glibc's were first
/// touches of a growing heap). Built from C by its crate, also for Windows (MinGW).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    run(cli)
}
