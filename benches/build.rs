//! Benchmark of `report build` on synthetic report roots of 10, 60 and 193 States (about
//! 900 words of Markdown each, with lists, a table and footnotes).
//!
//! For each size it measures, over several runs, the wall time and peak memory of the real
//! `report build` process, and, on the `output/report.typ` that build emitted, the time of
//! Typst's layout and PDF export alone (in this process, caches evicted before each run).
//! The ratio of the two is what everything but typesetting costs.
//!
//! Run with `cargo bench --bench build` (`-- --runs 7` to change the number of runs;
//! `-- --keep DIR` to keep the synthetic roots in DIR, e.g. to try a template on them).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use report::diag::{Diagnostics, Sources};
use report::english::Date;
use report::render::typst::{fonts::Fonts, typeset};

#[path = "common/mod.rs"]
mod common;
use common::synthetic_root;

const SIZES: [usize; 3] = [10, 60, 193];

fn main() {
    let runs = common::runs(5);
    let keep = common::option("--keep").map(std::path::PathBuf::from);
    let exe = env!("CARGO_BIN_EXE_report");
    println!("report build, median of {runs} interleaved runs (after one warm-up run)\n");
    println!(
        "{:>7} {:>6} {:>12} {:>12} {:>14} {:>8}",
        "States", "pages", "build", "peak RSS", "typst alone", "ratio"
    );
    for n in SIZES {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let root = match &keep {
            Some(dir) => dir.join(format!("states-{n}")),
            None => tmp.path().join("root"),
        };
        synthetic_root(&root, n);
        let out = tmp.path().join("out");
        let build = || {
            let start = Instant::now();
            let (status, rss_kb) = run_measured(
                Command::new(exe)
                    .args([
                        "build",
                        root.to_str().unwrap(),
                        "--out",
                        out.to_str().unwrap(),
                    ])
                    .env("CI", "1"),
            );
            assert!(status == 0, "report build failed on {n} States");
            (start.elapsed(), rss_kb)
        };
        build();
        let fonts = Fonts::embedded();
        let date = Date::new(2019, 7, 30).unwrap();
        let typst_alone = |source: &str| {
            typst::comemo::evict(0);
            let start = Instant::now();
            let (mut sources, mut diags) = (Sources::new(), Diagnostics::new());
            let pdf = typeset(source, &fonts, "A/74/130", date, &mut sources, &mut diags);
            assert!(pdf.is_some(), "{}", sources.render_plain(&diags));
            start.elapsed()
        };
        let source = std::fs::read_to_string(out.join("report.typ")).expect("report.typ");
        typst_alone(&source);
        // Interleaved, so that drift in the machine's load affects both alike.
        let mut times = Vec::new();
        let mut typst_times = Vec::new();
        let mut peak = 0;
        for _ in 0..runs {
            let (time, rss) = build();
            times.push(time);
            peak = peak.max(rss);
            typst_times.push(typst_alone(&source));
        }
        let pages = count_pages(&out.join("report.pdf"));
        let (build, alone) = (median(&mut times), median(&mut typst_times));
        println!(
            "{:>7} {:>6} {:>10.0}ms {:>9.0} MB {:>12.0}ms {:>7.3}x",
            n,
            pages,
            build.as_secs_f64() * 1e3,
            peak as f64 / 1024.0,
            alone.as_secs_f64() * 1e3,
            build.as_secs_f64() / alone.as_secs_f64()
        );
    }
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Runs a command to completion; returns its exit code and peak resident memory in KB.
fn run_measured(command: &mut Command) -> (i32, i64) {
    let child = command.spawn().expect("the report binary starts");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data, zero is a valid value; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for the child we just spawned; std's handle is not waited on again.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4 failed");
    std::mem::forget(child);
    (libc::WEXITSTATUS(status), usage.ru_maxrss)
}

fn count_pages(pdf: &Path) -> usize {
    lopdf::Document::load(pdf)
        .expect("a readable PDF")
        .get_pages()
        .len()
}
