//! `report`: parse the command line, run the subcommand, exit with its code.

use std::process::ExitCode;

use clap::Parser;
use report::cli::{Cli, Command};
use report::cmd::{self, Ui};

fn main() -> ExitCode {
    stacks();
    threads();
    let cli = Cli::parse();
    let ui = Ui::new(cli.color, cli.quiet, cli.verbose, cli.deny_warnings);
    let code = match &cli.command {
        Command::Check(args) => cmd::check::run(args, &ui),
        Command::Build(args) => cmd::build::run(args, &ui),
        Command::Stats(args) => cmd::stats::run(args, &ui),
        Command::Diff(args) => cmd::diff::run(args, &ui),
        Command::Watch(args) => cmd::watch::run(args, &ui),
        Command::Serve(args) => cmd::serve::run(args, &ui),
        Command::New(args) => cmd::new::run(args, &ui),
        Command::Completions(args) => cmd::completions::run(args),
    };
    ExitCode::from(code)
}

/// The threads' stacks are report's to size (the standard 2 MiB, which the hostile inputs of
/// `benches/hostile.rs` fit): RUST_MIN_STACK=1 made every thread overflow its stack, and
/// a huge value made starting one fail.
fn stacks() {
    if std::env::var_os("RUST_MIN_STACK").is_some() {
        // SAFETY: this runs first in `main`, before any thread exists, so nothing reads
        // the environment at the same time.
        unsafe { std::env::remove_var("RUST_MIN_STACK") };
    }
}

/// Sets up the thread pool Typst lays out on (and the versions are typeset on): one thread
/// per core, or fewer if RAYON_NUM_THREADS asks for fewer. More would only wait for a core;
/// rayon itself would start as many as the variable says (100,000 hung the build).
fn threads() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let asked = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|n| n.trim().parse::<usize>().ok())
        .filter(|n| *n > 0);
    let threads = asked.map_or(cores, |n| n.min(cores));
    // Fails only if the pool already exists, and then there is nothing to set.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global();
}
