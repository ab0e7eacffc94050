//! Benchmark of the HTML stage alone: the site of a synthetic report root of 193 States,
//! rendered in this process from the aggregated model (loading, checking and typesetting
//! are not counted). The bar to beat is `mdbook build` on comparable content, about half a
//! second on these machines.
//!
//! Run with `cargo bench --bench html` (`-- --runs 21` to change the number of runs).

use std::time::{Duration, Instant};

use report::aggregate::{self, Options};
use report::diag::{Diagnostics, Sources};
use report::load;
use report::render::html;
use report::render::templates::Templates;
use report::write::OutputFiles;

#[path = "common/mod.rs"]
mod common;

fn main() {
    let runs = common::runs(11);
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let root = tmp.path().join("root");
    common::synthetic_root(&root, 193);
    let loaded = load::load(&root);
    assert!(!loaded.diagnostics.has_errors());
    let project = loaded.project.expect("a report root");
    let model = aggregate::aggregate(&project, Options::default());
    let templates = Templates::builtin();

    let mut times: Vec<Duration> = Vec::new();
    let mut files = OutputFiles::new();
    for _ in 0..=runs {
        let (mut sources, mut diags) = (Sources::new(), Diagnostics::new());
        files = OutputFiles::new();
        let start = Instant::now();
        let ok = html::render(
            &model,
            &templates,
            "html",
            Some("report.pdf"),
            &mut sources,
            &mut diags,
            &mut files,
        );
        times.push(start.elapsed());
        assert!(ok.is_some(), "{}", sources.render_plain(&diags));
    }
    times.remove(0);
    times.sort();
    let bytes: usize = files
        .paths()
        .map(|p| files.get(p).map_or(0, <[u8]>::len))
        .sum();
    println!(
        "HTML stage, 193 States: {} files, {:.1} MB; median of {runs} runs {:.1} ms (min {:.1} ms, max {:.1} ms)",
        files.len(),
        bytes as f64 / 1e6,
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3,
    );
}
