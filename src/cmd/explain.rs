//! `report explain [CODE]`: what a diagnostic code means, an example and the fix (the
//! code's section of docs/lints.md), or the list of every code.

use crate::cli::ExplainArgs;
use crate::cmd::{Ui, exit, print_stdout};
use crate::codes::{Code, Kind};

pub fn run(args: &ExplainArgs, ui: &Ui) -> u8 {
    let Some(name) = &args.code else {
        print_stdout(&list());
        return exit::OK;
    };
    // As printed (`warning[late-reply]`) or as typed.
    let name = name
        .trim()
        .trim_start_matches("warning[")
        .trim_start_matches("error[")
        .trim_end_matches(']');
    match Code::from_name(name).and_then(crate::codes::explain) {
        Some(text) => {
            print_stdout(&format!("{text}\n"));
            exit::OK
        }
        None => {
            let mut message = format!("unknown code `{name}`");
            if let Some(close) = Code::closest(name) {
                message.push_str(&format!(": did you mean `{}`?", close.name()));
            }
            ui.error(format!("{message} (`report explain` lists every code)"));
            exit::FAILURE
        }
    }
}

/// Every code with its kind and default level, one a line.
fn list() -> String {
    let mut out = String::from("code                      kind     default level\n");
    for code in Code::ALL {
        let kind = match code.kind() {
            Kind::Error => "error",
            Kind::Problem => "problem",
            Kind::Fact => "fact",
        };
        let level = match code.kind() {
            Kind::Error => "-",
            _ => code.default_level().name(),
        };
        out.push_str(&format!("{:<25} {kind:<8} {level}\n", code.name()));
    }
    out.push_str("\n`report explain CODE` explains one; [lints] in book.toml sets a level (docs/lints.md).\n");
    out
}
