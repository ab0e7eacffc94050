//! `report`: parse the command line, run the subcommand, exit with its code.

use std::process::ExitCode;

use clap::Parser;
use report::cli::{Cli, Command};
use report::cmd::{self, Ui};

fn main() -> ExitCode {
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
