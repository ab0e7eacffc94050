//! `report build [DIR] [--out DIR] [--draft]`: check, aggregate, render, then swap output/
//! in one step (see `pipeline`).

use crate::cli::BuildArgs;
use crate::cmd::commit_of;
use crate::cmd::{Progress, Ui, build_options, report_outcome};
use crate::pipeline::{BuildOptions, Builder, Since};

pub fn run(args: &BuildArgs, ui: &Ui) -> u8 {
    let options = match build_options(&args.flags, &args.dir, ui) {
        // Each language version is typeset in a worker process of this program.
        Ok(options) => BuildOptions {
            once: true,
            worker: std::env::current_exe().ok(),
            since: args.since.as_ref().map(|path| Since {
                path: path.clone(),
                revision: commit_of(path),
            }),
            ..options
        },
        Err(code) => return code,
    };
    let mut builder = Builder::new(args.dir.clone(), options);
    let mut progress = Progress::new(ui);
    let mut outcome = builder.build(&mut |stage| progress.stage(stage));
    // The replaced output is removed before the process ends; a problem doing so is told.
    if let Some(problem) = builder.finish() {
        outcome.diagnostics.push(problem);
    }
    let shown = progress.finish();
    report_outcome(ui, &outcome, shown)
}
