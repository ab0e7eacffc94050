//! Benchmark of the HTML site against mdBook, as a user would run both: on a synthetic
//! report root of 193 States, the wall time and peak memory of a `report build` process
//! that writes only the site (and data.json: the root's `[output.pdf]` is left out), and
//! of an `mdbook build` process on a book of the same texts (one chapter per reply, one
//! per category with each State's summary), with its search index as ours has one. The two
//! run in turn.
//!
//! Needs mdBook: `cargo install mdbook --locked` (or `-- --mdbook PATH`). Run with
//! `cargo bench --bench html` (`-- --runs 11` to change the number of runs).

use std::fmt::Write;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use report::pipeline;

#[path = "common/mod.rs"]
mod common;
use common::{in_turn, measured, report_build};

const LIMIT: Duration = Duration::from_secs(120);

fn main() {
    let runs = common::runs(11);
    let mdbook = common::option("--mdbook").unwrap_or_else(|| "mdbook".into());
    if !Command::new(&mdbook)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        eprintln!(
            "this benchmark compares the site with mdBook's, and `{mdbook} --version` did not \
             answer; install it with\n    cargo install mdbook --locked\nor pass -- --mdbook PATH"
        );
        std::process::exit(2);
    }
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let root = tmp.path().join("root");
    common::synthetic_root(&root, 193);
    // The site only: no [output.pdf] table.
    let book_toml = root.join("book.toml");
    let text = std::fs::read_to_string(&book_toml).unwrap();
    let start = text.find("[output.pdf]").unwrap();
    let end = start + text[start..].find("\n[").unwrap() + 1;
    std::fs::write(&book_toml, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let book = tmp.path().join("book");
    mdbook_of(&root, &book);

    let out = tmp.path().join("out");
    let ours = || measured(&mut report_build(&root, &out), "report build", LIMIT);
    let theirs = || {
        measured(
            Command::new(&mdbook).arg("build").arg(&book),
            "mdbook build",
            LIMIT,
        )
    };
    let [(a, peak_a), (b, peak_b)] = in_turn(runs, ours, theirs);
    let (files, bytes) = size_of(&out.join("html"));
    let (book_files, book_bytes) = size_of(&book.join("book"));
    println!("The site of 193 replies, median of {runs} runs in turn (after a warm-up run):");
    println!(
        "  report build (site and data.json): {:>6.0} ms, peak {:>4.0} MB, {files} files, {:.1} MB",
        a.as_secs_f64() * 1e3,
        peak_a as f64 / 1e6,
        bytes as f64 / 1e6
    );
    println!(
        "  mdbook build (same texts):         {:>6.0} ms, peak {:>4.0} MB, {book_files} files, {:.1} MB",
        b.as_secs_f64() * 1e3,
        peak_b as f64 / 1e6,
        book_bytes as f64 / 1e6
    );
    println!("  ratio: {:.2}x", a.as_secs_f64() / b.as_secs_f64());
}

/// An mdBook of the root's texts: a chapter per category (each State's summary under its
/// name) and a chapter per reply (its text).
fn mdbook_of(root: &Path, book: &Path) {
    let checked = pipeline::check(root);
    assert!(!checked.loaded.diagnostics.has_errors());
    let model = checked
        .versions
        .into_iter()
        .next()
        .expect("a report root without errors");
    let src = book.join("src");
    std::fs::create_dir_all(src.join("states")).unwrap();
    std::fs::write(
        book.join("book.toml"),
        format!(
            "[book]\ntitle = {:?}\nlanguage = \"en\"\n",
            model.report.title
        ),
    )
    .unwrap();
    let mut summary = String::from("# Summary\n\n");
    for c in model.categories.iter().filter(|c| c.section.is_some()) {
        let mut page = format!("# {}\n\n{}\n\n", c.title, c.sentence);
        for s in &c.summaries {
            let _ = write!(page, "## {}\n\n{}\n\n", s.name, s.summary);
        }
        std::fs::write(src.join(format!("{}.md", c.id)), page).unwrap();
        let _ = writeln!(summary, "- [{}]({}.md)", c.title, c.id);
    }
    for r in &model.replies {
        let file = format!("states/{}.md", r.iso3.to_lowercase());
        std::fs::write(src.join(&file), format!("# {}\n\n{}", r.state, r.body)).unwrap();
        let _ = writeln!(summary, "- [{}]({file})", r.state);
    }
    std::fs::write(src.join("SUMMARY.md"), summary).unwrap();
}

/// Files and bytes under a folder.
fn size_of(dir: &Path) -> (usize, u64) {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .fold((0, 0), |(n, b), e| {
            (n + 1, b + e.metadata().map_or(0, |m| m.len()))
        })
}
