//! `report build [DIR] [--out DIR]`: check, aggregate, render, then swap output/ in one step.

use crate::aggregate::{self, Options};
use crate::cli::BuildArgs;
use crate::cmd::{Ui, exit};
use crate::{load, render, write};

pub fn run(args: &BuildArgs, ui: &Ui) -> u8 {
    let loaded = load::load(&args.dir);
    ui.diagnostics(&loaded.sources, &loaded.diagnostics);
    let diags = &loaded.diagnostics;
    let project = match loaded.project {
        Some(project) if !diags.has_errors() => project,
        _ => {
            ui.error(format!(
                "build failed: {}; the output folder was left as it was",
                diags.summary()
            ));
            return exit::INPUT_ERRORS;
        }
    };
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| project.root.join("output"));
    let model = aggregate::aggregate(&project, Options::default());
    let files = match render::render(&project, &model) {
        Ok(files) => files,
        Err(e) => {
            ui.error(format!("{e:#}"));
            return exit::FAILURE;
        }
    };
    if let Err(e) = write::replace_output(&out, &files) {
        ui.error(format!("cannot write {}: {e}", out.display()));
        return exit::FAILURE;
    }
    ui.status(
        "Finished",
        format!(
            "{} {} into {} ({} {}; {})",
            model.totals.replies,
            if model.totals.replies == 1 {
                "reply"
            } else {
                "replies"
            },
            out.display(),
            files.len(),
            if files.len() == 1 { "file" } else { "files" },
            diags.summary()
        ),
    );
    exit::OK
}
