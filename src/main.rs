//! `report`: parse the command line, run the subcommand, exit with its code.

use std::process::ExitCode;

use clap::Parser;
use report::cli::{Cli, Command};
use report::cmd::{self, Ui};

fn main() -> ExitCode {
    stacks();
    // Parsing starts no thread: the allocator is set up before the first one starts.
    let cli = Cli::parse();
    arenas(&cli.command);
    threads();
    let ui = Ui::new(cli.color, cli.quiet, cli.verbose, cli.deny_warnings);
    let code = match &cli.command {
        Command::Check(args) => cmd::check::run(args, &ui),
        Command::Build(args) => cmd::build::run(args, &ui),
        Command::Stats(args) => cmd::stats::run(args, &ui),
        Command::Diff(args) => cmd::diff::run(args, &ui),
        Command::Watch(args) => cmd::watch::run(args, &ui),
        Command::Serve(args) => cmd::serve::run(args, &ui),
        Command::New(args) => cmd::new::run(args, &ui),
        Command::Import(args) => cmd::import::run(args, &ui),
        Command::Explain(args) => cmd::explain::run(args, &ui),
        Command::Completions(args) => cmd::completions::run(args),
        Command::TypesetWorker => cmd::worker::run(),
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

/// With `--jobs 1`, one malloc arena for the whole process. glibc gives each thread that
/// allocates an arena of its own, and Typst lays a version out on whichever threads of its
/// pool are free, so the memory one version freed sat in arenas the next did not allocate
/// from: six versions one after another grew to 1.4 GB, in one arena 1.1 GB, in the same
/// time. Versions typeset side by side keep an arena per thread.
fn arenas(command: &Command) {
    let flags = match command {
        Command::Build(args) => &args.flags,
        Command::Watch(args) => &args.flags,
        Command::Serve(args) => &args.flags,
        _ => return,
    };
    if flags.jobs == Some(1) {
        one_arena();
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn one_arena() {
    // SAFETY: mallopt sets a parameter of glibc's allocator; no thread exists yet.
    unsafe { libc::mallopt(libc::M_ARENA_MAX, 1) };
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn one_arena() {}

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
