//! Benchmark of `report build` against the `typst` command-line program, as a user would
//! run both: on synthetic report roots of 10, 60 and 193 States (about 900 words of
//! Markdown each, with lists, a table and footnotes), the wall time and peak memory of the
//! `report build` process, and of `typst compile` on the `report.typ` that build wrote,
//! with the same fonts (Liberation Serif from assets/fonts plus the fonts built into
//! typst, no system fonts) and the same PDF standards (PDF/UA-1, PDF/A-2a). The two run
//! in turn, so that drift in the machine's load affects both alike.
//!
//! The ratio is what `report` costs beyond typesetting: reading and checking the replies,
//! the HTML site, data.json, the glyph check, the cost check and writing output/.
//!
//! Needs the typst command-line program of the same version as the typst crates:
//!     cargo install typst-cli --version 0.15.1 --locked
//! (or `-- --typst PATH`). Run with `cargo bench --bench build` (`-- --runs 7` to change
//! the number of runs; `-- --keep DIR` to keep the synthetic roots in DIR).
//!
//! Also measured: a root of 193 replies received in Spanish, each with an English
//! translation beside it (what the English report prints). With `-- --baseline PATH` (an
//! earlier build of `report`), that binary is run in turn with this one on the 193-State
//! root, to see that a change made builds no slower.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

#[path = "common/mod.rs"]
mod common;
use common::{in_turn, measured, report_build, report_build_with, synthetic_root_with};

const SIZES: [usize; 3] = [10, 60, 193];
const LIMIT: Duration = Duration::from_secs(300);

fn main() {
    let runs = common::runs(5);
    let keep = common::option("--keep").map(PathBuf::from);
    let typst = common::option("--typst").unwrap_or_else(|| "typst".into());
    let baseline = common::option("--baseline").map(PathBuf::from);
    let version = Command::new(&typst).arg("--version").output();
    match version {
        Ok(out) if String::from_utf8_lossy(&out.stdout).contains("0.15.1") => {}
        _ => {
            eprintln!(
                "this benchmark compares report build with the typst command-line program 0.15.1, \
                 which `{typst} --version` did not answer; install it with\n    \
                 cargo install typst-cli --version 0.15.1 --locked\nor pass -- --typst PATH"
            );
            std::process::exit(2);
        }
    }
    let fonts = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts");
    println!(
        "report build against typst compile of the same report.typ, median of {runs} runs in turn (after a warm-up run)\n"
    );
    println!(
        "{:>7} {:>6} {:>14} {:>10} {:>14} {:>10} {:>7}",
        "States", "pages", "report build", "peak", "typst compile", "peak", "ratio"
    );
    let rows = SIZES.iter().map(|n| (*n, false)).chain([(193, true)]);
    for (n, translated) in rows {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let name = if translated {
            format!("states-{n}-translated")
        } else {
            format!("states-{n}")
        };
        let root = match &keep {
            Some(dir) => dir.join(&name),
            None => tmp.path().join("root"),
        };
        synthetic_root_with(&root, n, translated);
        let out = tmp.path().join("out");
        let pdf = tmp.path().join("typst.pdf");
        let build = || measured(&mut report_build(&root, &out), "report build", LIMIT);
        let compile = || {
            measured(
                Command::new(&typst)
                    .arg("compile")
                    .args(["--font-path", fonts, "--ignore-system-fonts"])
                    .args(["--pdf-standard", "ua-1", "--pdf-standard", "a-2a"])
                    .arg(out.join("report.typ"))
                    .arg(&pdf)
                    // The report's date, as report build sets it.
                    .env("SOURCE_DATE_EPOCH", "1564444800"),
                "typst compile",
                LIMIT,
            )
        };
        let [(a, our_peak), (b, their_peak)] = in_turn(runs, build, compile);
        println!(
            "{:>7} {:>6} {:>12.0}ms {:>7.0} MB {:>12.0}ms {:>7.0} MB {:>6.2}x",
            if translated {
                format!("{n}+en")
            } else {
                n.to_string()
            },
            count_pages(&out.join("report.pdf")),
            a.as_secs_f64() * 1e3,
            our_peak as f64 / 1e6,
            b.as_secs_f64() * 1e3,
            their_peak as f64 / 1e6,
            a.as_secs_f64() / b.as_secs_f64()
        );
        if let Some(baseline) = &baseline
            && n == 193
            && !translated
        {
            let old_out = tmp.path().join("old-out");
            let old = || {
                measured(
                    &mut report_build_with(baseline, &root, &old_out),
                    "the baseline report build",
                    LIMIT,
                )
            };
            let [(new, new_peak), (was, was_peak)] = in_turn(runs, build, old);
            println!(
                "{:>7} this build {:.0} ms ({:.0} MB), baseline {} {:.0} ms ({:.0} MB): {:.3}x",
                n,
                new.as_secs_f64() * 1e3,
                new_peak as f64 / 1e6,
                baseline.display(),
                was.as_secs_f64() * 1e3,
                was_peak as f64 / 1e6,
                new.as_secs_f64() / was.as_secs_f64()
            );
        }
    }
}

fn count_pages(pdf: &Path) -> usize {
    lopdf::Document::load(pdf)
        .expect("a readable PDF")
        .get_pages()
        .len()
}
