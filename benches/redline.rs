//! Benchmark of a redline (`report build --draft --since BASE`), on the 193-State synthetic
//! root in six language versions (every reply translated into the five other languages).
//! Against its base:
//! - a paragraph is changed in 20 replies, in the original and in each translation;
//! - two replies are added (the base lacks them);
//! - one reply is removed.
//!
//! The redline is built as a process, in turn with a plain `report build --draft` of the
//! same root (medians of both); the goal is at most 1.3 times the plain draft. The
//! comparison itself, read from a build's timings (`-v`), is what the redline adds before
//! typesetting (reading and wording the base, marking every version) and the comparing of
//! the replies in the templates; the goal is at most 5 % of the build.
//!
//! Run with `cargo bench --bench redline` (`-- --runs 5` to change the number of runs;
//! `-- --keep DIR` to keep the roots in DIR).

use std::path::Path;
use std::process::Command;
use std::time::Duration;

#[path = "common/mod.rs"]
mod common;
use common::{in_turn, measured, median, report_build};

const LIMIT: Duration = Duration::from_secs(600);

/// The States whose replies the base lacks (added since), and the one it has and the new
/// root lacks (removed since).
const ADDED: [&str; 2] = ["alb", "dza"];
const REMOVED: &str = "bgr";

fn main() {
    let runs = common::runs(5);
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let keep = common::option("--keep").map(std::path::PathBuf::from);
    let dir = keep.as_deref().unwrap_or(tmp.path());
    let (base, new) = (dir.join("base"), dir.join("new"));
    common::synthetic_root_six(&new, 193);
    let copied = Command::new("cp").arg("-r").arg(&new).arg(&base).status();
    assert!(
        copied.is_ok_and(|s| s.success()),
        "cp -r {}",
        base.display()
    );
    edit(&new, &base);

    let (plain_out, redline_out) = (tmp.path().join("plain"), tmp.path().join("redline"));
    let plain = || {
        let mut command = report_build(&new, &plain_out);
        measured(command.arg("--draft"), "report build --draft", LIMIT)
    };
    let redline = || {
        let mut command = report_build(&new, &redline_out);
        let command = command.args(["--draft", "--since", base.to_str().unwrap()]);
        measured(command, "report build --draft --since", LIMIT)
    };
    let [(plain_time, plain_peak), (redline_time, redline_peak)] = in_turn(runs, plain, redline);

    // The comparison's share, from the timings of verbose builds.
    let mut shares = Vec::new();
    let (mut compared, mut builds) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let (comparison, total) = comparison(&new, &base, &redline_out);
        compared.push(comparison);
        builds.push(total);
        shares.push(comparison.as_secs_f64() / total.as_secs_f64());
    }
    shares.sort_by(f64::total_cmp);
    println!(
        "redline of the 193-State root in six versions (20 replies changed, 2 added, 1 removed), medians of {runs} runs in turn:\n  \
         plain draft {:.2} s (peak {:.0} MB)\n  redline {:.2} s (peak {:.0} MB)\n  ratio {:.2}x (goal: at most 1.3x)\n  \
         comparison {:.0} ms of a {:.2} s build: {:.1} % (goal: at most 5 %)",
        plain_time.as_secs_f64(),
        plain_peak as f64 / 1e6,
        redline_time.as_secs_f64(),
        redline_peak as f64 / 1e6,
        redline_time.as_secs_f64() / plain_time.as_secs_f64(),
        median(&mut compared).as_secs_f64() * 1e3,
        median(&mut builds).as_secs_f64(),
        shares[shares.len() / 2] * 100.0,
    );
    for lang in ["", "ar/", "zh/"] {
        let marks = std::fs::read_to_string(redline_out.join(format!("{lang}report.typ")))
            .map(|t| t.matches("#rl-ins(").count() + t.matches("#rl-del(").count())
            .unwrap_or(0);
        println!(
            "  {lang}report.pdf: {} pages, {marks} marks",
            common::pdf_pages(&redline_out.join(format!("{lang}report.pdf")))
        );
    }
}

/// One verbose redline build: the time of the comparison (the stage "redline" and the
/// replies compared in the templates, as its timings say) and the build's wall time.
fn comparison(new: &Path, base: &Path, out: &Path) -> (Duration, Duration) {
    let start = std::time::Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_report"))
        .args([
            "build",
            new.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .args(["--draft", "--since", base.to_str().unwrap(), "-v"])
        .env("CI", "1")
        .output()
        .expect("report runs");
    let wall = start.elapsed();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    let timings = stderr
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("Timings "))
        .expect("-v prints the timings");
    let mut comparison = Duration::ZERO;
    for part in timings.split(", ") {
        let Some((name, ms)) = part.strip_suffix(" ms").and_then(|p| p.rsplit_once(' ')) else {
            continue;
        };
        if name == "redline" || name.starts_with("redline:") {
            comparison += Duration::from_secs_f64(ms.parse::<f64>().unwrap_or(0.0) / 1e3);
        }
    }
    (comparison, wall)
}

/// The files of a reply (its original and translations) in `root`.
fn reply_files(root: &Path, stem: &str) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(root.join("submissions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_str().unwrap();
            name == format!("{stem}.md")
                || (name.starts_with(&format!("{stem}.")) && name.matches('.').count() == 2)
        })
        .collect()
}

/// The edits between the base and the new root.
fn edit(new: &Path, base: &Path) {
    for stem in ADDED {
        for file in reply_files(base, stem) {
            std::fs::remove_file(file).unwrap();
        }
    }
    for file in reply_files(new, REMOVED) {
        std::fs::remove_file(file).unwrap();
    }
    // A paragraph of 20 replies (the last of each text, in every language): two words
    // replaced and a sentence added.
    let mut stems: Vec<String> = std::fs::read_dir(new.join("submissions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.matches('.').count() == 1)
        .map(|n| n.trim_end_matches(".md").to_string())
        .filter(|s| !ADDED.contains(&s.as_str()))
        .collect();
    stems.sort();
    for stem in stems.iter().step_by(9).take(20) {
        for file in reply_files(new, stem) {
            let text = std::fs::read_to_string(&file).unwrap();
            let body_at = text.rfind("+++\n").unwrap() + 4;
            let notes_at = text.rfind("\n[^1]:").unwrap_or(text.len());
            let last = text[..notes_at].trim_end().rfind("\n\n").unwrap() + 2;
            assert!(last > body_at, "{}", file.display());
            let paragraph = &text[last..notes_at];
            let mut words: Vec<&str> = paragraph.split(' ').collect();
            let n = words.len();
            words.swap(n / 3, 2 * n / 3);
            let changed = format!(
                "{} Added in the redline benchmark.",
                words.join(" ").trim_end()
            );
            let text = format!("{}{changed}\n{}", &text[..last], &text[notes_at..]);
            std::fs::write(&file, text).unwrap();
        }
    }
}
