//! `report check [DIR]`: load and validate (see `pipeline::check`), print every problem,
//! write nothing.

use crate::cli::CheckArgs;
use crate::cmd::{Ui, exit, summary};
use crate::pipeline;
use crate::submission::Status;

pub fn run(args: &CheckArgs, ui: &Ui) -> u8 {
    let checked = pipeline::check(&args.dir);
    let (mut loaded, allowed) = (checked.loaded, checked.allowed);
    if ui.deny_warnings() {
        loaded.diagnostics.deny_warnings();
    }
    ui.diagnostics(&loaded.sources, &loaded.diagnostics);
    ui.allowed(&loaded.sources, &allowed);
    let diags = &loaded.diagnostics;
    if diags.has_errors() {
        ui.error(format!("the report has problems: {}", diags.summary()));
        return exit::INPUT_ERRORS;
    }
    let submissions = loaded
        .project
        .as_ref()
        .map_or(&[][..], |p| &p.submissions[..]);
    let drafts = submissions
        .iter()
        .filter(|s| s.status == Status::Draft)
        .count();
    let replies = submissions.len();
    ui.status(
        "Checked",
        format!(
            "{replies} {}{} in {}: {}",
            if replies == 1 { "reply" } else { "replies" },
            match drafts {
                0 => String::new(),
                1 => " (1 draft)".to_string(),
                n => format!(" ({n} drafts)"),
            },
            args.dir.display(),
            summary(diags, &allowed)
        ),
    );
    exit::OK
}
