//! `report build [DIR] [--out DIR]`: check, aggregate, render, then swap output/ in one step.

use crate::aggregate::{self, Options};
use crate::cli::BuildArgs;
use crate::cmd::{Ui, exit};
use crate::english::Date;
use crate::render::templates::Templates;
use crate::render::{self, RenderOptions};
use crate::timing::Timings;
use crate::{load, validate, write};

pub fn run(args: &BuildArgs, ui: &Ui) -> u8 {
    let mut timings = Timings::new();
    let mut loaded = timings.time("load", || load::load(&args.dir));
    let (sources, diags) = (&mut loaded.sources, &mut loaded.diagnostics);
    let project = match loaded.project {
        Some(project) if !diags.has_errors() => project,
        _ => return failed(ui, sources, diags),
    };
    let templates = Templates::load(&project.root, diags);
    let model = timings.time("aggregate", || {
        aggregate::aggregate(&project, Options::default())
    });
    validate::word_limit(&model, diags);
    let options = RenderOptions {
        date: source_date().unwrap_or(project.config.report.date),
    };
    let files = render::render(
        &project,
        &model,
        &templates,
        options,
        sources,
        diags,
        &mut timings,
    );
    diags.sort();
    let files = match files {
        Some(files) if !diags.has_errors() => files,
        _ => return failed(ui, sources, diags),
    };
    ui.diagnostics(sources, diags);
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| project.root.join("output"));
    if let Err(e) = timings.time("write", || write::replace_output(&out, &files)) {
        ui.error(format!("cannot write {}: {e}", out.display()));
        return exit::FAILURE;
    }
    if ui.verbose() {
        ui.status("Timings", &timings);
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

fn failed(ui: &Ui, sources: &crate::diag::Sources, diags: &crate::diag::Diagnostics) -> u8 {
    ui.diagnostics(sources, diags);
    ui.error(format!(
        "build failed: {}; the output folder was left as it was",
        diags.summary()
    ));
    exit::INPUT_ERRORS
}

/// `SOURCE_DATE_EPOCH`, the reproducible-builds convention for a fixed build date.
fn source_date() -> Option<Date> {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Date::from_unix_seconds(seconds)
}
