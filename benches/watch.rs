//! Benchmark of `report watch`: a cold build of a synthetic report root of 193 States
//! against a rebuild after editing one reply, in one process as watch mode runs them
//! (Typst keeps its caches between builds). The goal: a rebuild costs at most a fifth of
//! a cold build.
//!
//! Run with `cargo bench --bench watch` (`-- --runs 4` to change the number of edits, ten
//! by default; `-- --templates DIR` to try templates of DIR instead of the built-in ones).

use std::time::{Duration, Instant};

use report::pipeline::{BuildOptions, Builder, Outcome};

#[path = "common/mod.rs"]
mod common;

fn main() {
    let runs = common::runs(10);
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let root = tmp.path().join("root");
    common::synthetic_root(&root, 193);
    if let Some(dir) = common::option("--templates") {
        std::fs::create_dir_all(root.join("templates")).unwrap();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(
                &path,
                root.join("templates").join(path.file_name().unwrap()),
            )
            .unwrap();
        }
    }
    let mut builder = Builder::new(root.clone(), BuildOptions::default());

    let start = Instant::now();
    let outcome = builder.build(&mut |_| {});
    let cold = start.elapsed();
    assert!(
        outcome.written.is_some(),
        "{}",
        outcome.sources.render_plain(&outcome.diagnostics)
    );
    print_build("cold build, 193 States", cold, &outcome);

    // Each run edits a different reply, as an editor would: even runs reword a heading
    // (the text after it keeps its place), odd runs add a sentence to a paragraph (the
    // text after it moves down, and with it page breaks and the page numbers in the
    // contents).
    let files: Vec<_> = std::fs::read_dir(root.join("submissions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let mut times: Vec<Duration> = Vec::new();
    for run in 0..runs {
        let file = &files[(run * 37) % files.len()];
        let text = std::fs::read_to_string(file).unwrap();
        let (kind, edited) = if run % 2 == 0 {
            let edited = text.replacen("### Challenges", &format!("### Challenges, edit {run}"), 1);
            ("heading reworded", edited)
        } else {
            let heading = text.find("### Challenges").unwrap();
            let end = heading + text[heading..].find("\n\n").unwrap();
            let sentence = " The Government adds that the new unit handled more than four \
                hundred requests for preserved data last year, most of them concerning \
                fraud committed through online marketplaces.";
            (
                "sentence added",
                format!("{}{sentence}{}", &text[..end], &text[end..]),
            )
        };
        assert_ne!(text, edited);
        std::fs::write(file, edited).unwrap();
        let start = Instant::now();
        let outcome = builder.build(&mut |_| {});
        times.push(start.elapsed());
        assert!(outcome.written.is_some());
        let name = file.file_name().unwrap().to_string_lossy();
        print_build(
            &format!("rebuild after editing {name} ({kind})"),
            times[run],
            &outcome,
        );
    }
    // An edit to the site's style only: the PDF is written again without typesetting.
    std::fs::create_dir_all(root.join("templates")).unwrap();
    let css = root.join("templates/style.css");
    let style = std::fs::read_to_string(&css).unwrap_or_else(|_| {
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/style.css"))
            .unwrap()
    });
    std::fs::write(&css, format!("{style}\nh1 {{ color: #b00020; }}\n")).unwrap();
    let start = Instant::now();
    let outcome = builder.build(&mut |_| {});
    let styled = start.elapsed();
    assert!(outcome.written.is_some());
    print_build(
        "rebuild after editing templates/style.css",
        styled,
        &outcome,
    );

    // The last rebuild must have written what a build from scratch writes: every file.
    let fresh_out = tmp.path().join("fresh");
    let mut fresh = Builder::new(
        root.clone(),
        BuildOptions {
            out: Some(fresh_out.clone()),
            ..BuildOptions::default()
        },
    );
    assert!(fresh.build(&mut |_| {}).written.is_some());
    let (rebuilt, cold_files) = (tree(&root.join("output")), tree(&fresh_out));
    assert_eq!(
        rebuilt.keys().collect::<Vec<_>>(),
        cold_files.keys().collect::<Vec<_>>(),
        "the rebuilt output has other files than a cold build's"
    );
    for (path, bytes) in &rebuilt {
        assert!(
            bytes == &cold_files[path],
            "{path}: the rebuilt file differs from a cold build's"
        );
    }

    times.sort();
    let median = times[times.len() / 2];
    let ratio = median.as_secs_f64() / cold.as_secs_f64();
    println!(
        "\nrebuild after editing one reply: median {:.0} ms of {runs}; cold build {:.0} ms; ratio {ratio:.2} (goal: at most 0.20)",
        median.as_secs_f64() * 1e3,
        cold.as_secs_f64() * 1e3,
    );
    if ratio > 0.20 {
        println!("the goal is missed");
        std::process::exit(1);
    }
}

/// Every file under `dir`, by relative path, with its bytes.
fn tree(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// "what: 480 ms (load 5 ms, ...; 1 pass, starting from the previous build's page numbers)".
fn print_build(what: &str, time: Duration, outcome: &Outcome) {
    println!(
        "{what}: {:.0} ms ({}; {})",
        time.as_secs_f64() * 1e3,
        outcome.timings,
        outcome.timings.notes().join("; ")
    );
}
