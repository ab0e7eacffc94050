//! `report completions SHELL`: a completion script for the shell, on standard output.

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::cmd::{exit, print_stdout};

pub fn run(args: &CompletionsArgs) -> u8 {
    // Written to memory first: clap_complete panics on a failed write (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "report", &mut script);
    print_stdout(&String::from_utf8_lossy(&script));
    exit::OK
}
