//! Benchmark of the six language versions, on a synthetic root of 193 States whose replies
//! are each translated into the five other official languages (pseudo-text in each script):
//!
//! - a cold `report build` of all six versions against one of the English version alone
//!   (`--lang en`), as whole processes run in turn: wall time and peak memory; the goal is
//!   at most 3.5 times the English build, in at most 1.5 GB; and all six one version at a
//!   time (`--jobs 1`), against the English build again;
//! - watch mode (one process, Typst's caches kept): after a cold build of all six, one
//!   French translation is edited and the root built again; only the French version may be
//!   typeset again, and the rebuild should take at most 0.2 of a cold build of the French
//!   version alone (a `report build --lang fr` process, run in turn with the rebuilds).
//!
//! Run with `cargo bench --bench versions` (`-- --runs 5` to change the number of runs;
//! `-- --keep DIR` to keep the synthetic root in DIR/root; `-- --only cold` or `-- --only
//! watch` for one of the two).

use std::path::Path;
use std::time::{Duration, Instant};

use report::pipeline::{BuildOptions, Builder};

#[path = "common/mod.rs"]
mod common;
use common::{in_turn, measured, report_build};

const LIMIT: Duration = Duration::from_secs(600);

fn main() {
    let runs = common::runs(3);
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let keep = common::option("--keep").map(std::path::PathBuf::from);
    let root = keep.as_deref().unwrap_or(tmp.path()).join("root");
    common::synthetic_root_six(&root, 193);
    let only = common::option("--only");
    if only.as_deref() != Some("watch") {
        cold(runs, &root, tmp.path());
    }
    if only.as_deref() != Some("cold") {
        watch(runs, &root, tmp.path());
    }
}

/// Six versions against the English one, each a cold `report build` process.
fn cold(runs: usize, root: &Path, tmp: &Path) {
    let (all_out, en_out) = (tmp.join("all"), tmp.join("en"));
    // `report build` into `out` with `args`, as a process.
    let build = |out: &Path, args: &[&str]| {
        let what = ["report build"].iter().chain(args).copied();
        measured(
            report_build(root, out).args(args),
            &what.collect::<Vec<_>>().join(" "),
            LIMIT,
        )
    };
    let all = || build(&all_out, &[]);
    let english = || build(&en_out, &["--lang", "en"]);
    let [(six, six_peak), (one, one_peak)] = in_turn(runs, all, english);
    println!(
        "cold build of 193 States, medians of {runs} runs in turn:\n  six versions {:.2} s (peak {:.0} MB)\n  English only {:.2} s (peak {:.0} MB)\n  ratio {:.2}x (goal: at most 3.5x and 1,500 MB)",
        six.as_secs_f64(),
        six_peak as f64 / 1e6,
        one.as_secs_f64(),
        one_peak as f64 / 1e6,
        six.as_secs_f64() / one.as_secs_f64()
    );
    // One version at a time: the memory of one layout, for the time of all six in turn.
    let one_by_one = || build(&all_out, &["--jobs", "1"]);
    let [(serial, serial_peak), (one, _)] = in_turn(runs, one_by_one, english);
    println!(
        "  one version at a time (--jobs 1): {:.2} s (peak {:.0} MB), {:.2}x English ({:.2} s) in turn",
        serial.as_secs_f64(),
        serial_peak as f64 / 1e6,
        serial.as_secs_f64() / one.as_secs_f64(),
        one.as_secs_f64()
    );
    for lang in ["", "fr/", "es/", "ru/", "ar/", "zh/"] {
        println!(
            "  {}report.pdf: {} pages",
            lang,
            common::pdf_pages(&all_out.join(format!("{lang}report.pdf")))
        );
    }
}

/// Watch mode: all six built, then one French translation edited; each rebuild is run in
/// turn with a cold build of the French version alone (a `report build --lang fr` process
/// into an empty folder), so that drift in the machine's load affects both alike.
fn watch(runs: usize, root: &Path, tmp: &Path) {
    let fr_out = tmp.join("fr-only");
    let cold_french = || {
        let _ = std::fs::remove_dir_all(&fr_out);
        let mut build = report_build(root, &fr_out);
        measured(
            build.args(["--lang", "fr"]),
            "report build --lang fr",
            LIMIT,
        )
        .wall
    };
    cold_french();
    let options = BuildOptions {
        out: Some(tmp.join("watched")),
        ..BuildOptions::default()
    };
    let mut builder = Builder::new(root.to_path_buf(), options);
    assert!(builder.build(&mut |_| {}).written.is_some());
    let (mut times, mut colds) = (Vec::new(), Vec::new());
    let mut last = String::new();
    for run in 0..runs.max(3) {
        colds.push(cold_french());
        let file = root.join(format!(
            "submissions/{}.fr.md",
            ["arg", "bra", "fra", "jpn", "nzl"][run % 5]
        ));
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(
            &file,
            text.replacen("###", &format!("### édition {run} ·"), 1),
        )
        .unwrap();
        let start = Instant::now();
        let outcome = builder.build(&mut |_| {});
        times.push(start.elapsed());
        assert!(outcome.written.is_some());
        last = outcome.timings.to_string();
        let notes = outcome.timings.notes().join("; ");
        for lang in ["en", "es", "ru", "ar", "zh"] {
            assert!(
                notes.contains(&format!("{lang}: skipped: the Typst source did not change")),
                "{lang} was typeset again: {notes}"
            );
        }
        assert!(
            !notes.contains("fr: skipped"),
            "French was not typeset again: {notes}"
        );
    }
    let first = times[0];
    let rebuild = common::median(&mut times);
    let cold_french = common::median(&mut colds);
    // SAFETY: rusage is plain data, zero is a valid value; getrusage only writes it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    println!(
        "watch: a French translation edited, only the French version typeset again:\n  rebuild {:.2} s, cold build of the French version {:.2} s (medians of {} in turn): {:.2} (goal: at most 0.20)",
        rebuild.as_secs_f64(),
        cold_french.as_secs_f64(),
        times.len(),
        rebuild.as_secs_f64() / cold_french.as_secs_f64()
    );
    println!(
        "  the first rebuild after the build of all six {:.2} s; peak memory of the watching process {:.0} MB",
        first.as_secs_f64(),
        usage.ru_maxrss as f64 * 1024.0 / 1e6
    );
    println!("  the last rebuild's stages: {last}");
    if rebuild.as_secs_f64() > 0.2 * cold_french.as_secs_f64() {
        std::process::exit(1);
    }
}
