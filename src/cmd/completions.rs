//! `report completions SHELL`: a completion script for the shell, on standard output.

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::cmd::exit;

pub fn run(args: &CompletionsArgs) -> u8 {
    clap_complete::generate(
        args.shell,
        &mut Cli::command(),
        "report",
        &mut std::io::stdout(),
    );
    exit::OK
}
