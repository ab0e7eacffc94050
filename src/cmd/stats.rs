//! `report stats [DIR] [--format text|json]`: the figures editors check before publishing.

use crate::cli::{StatsArgs, StatsFormat};
use crate::cmd::{Ui, exit, load_model, print_json, print_stdout};
use crate::stats;

pub fn run(args: &StatsArgs, ui: &Ui) -> u8 {
    let ready = match load_model(&args.dir, ui) {
        Ok(ready) => ready,
        Err(code) => return code,
    };
    let stats = stats::stats(&ready.project, &ready.model, &ready.versions);
    match args.format {
        StatsFormat::Text => print_stdout(&stats::text(&stats)),
        StatsFormat::Json => print_json(&stats),
    }
    exit::OK
}
