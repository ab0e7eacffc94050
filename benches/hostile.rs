//! Benchmark of hostile input: report roots whose replies total about 1 MB, each written to
//! cost as much as a reply can (a table padded cell by cell, a footnote referenced again
//! and again, a code block or a word of a megabyte, deep nesting, thousands of themes...).
//! The goal: each one builds in at most 30 s and 2 GB of memory on the 2-core development
//! machine, or the checks refuse it in under a second with an error naming the file, the
//! line and the limit.
//!
//! Each root is built by the real `report build` process (release build), killed after two
//! minutes; the table gives how it ended, its wall time and its peak memory, and whether
//! it met the goal.
//!
//! Run with `cargo bench --bench hostile` (`-- --only NAME` for one case, `-- --keep DIR`
//! to keep the roots in DIR).

use std::fmt::Write;
use std::path::Path;
use std::time::Duration;

#[path = "common/mod.rs"]
mod common;
use common::{Ended, report_build, run_measured};

/// About a megabyte of replies in all.
const MB: usize = 1_000_000;

/// Front matter for a reply of `state`, with one challenge.
fn front(state: &str) -> String {
    format!(
        "+++\nstate = \"{state}\"\nreceived = 2019-04-30\nnote = \"Hostile benchmark text\"\n\n\
         [[challenges]]\ncategory = \"international-cooperation\"\nthemes = [\"mutual legal assistance\"]\n\
         summary = \"The State asks for faster assistance.\"\n+++\n\n"
    )
}

/// `unit` repeated until the text is about `size` bytes.
fn fill(size: usize, mut unit: impl FnMut(usize) -> String) -> String {
    let mut out = String::with_capacity(size + 1024);
    let mut i = 0;
    while out.len() < size {
        out.push_str(&unit(i));
        i += 1;
    }
    out
}

/// One hostile case: a name, what it tries, the replies (file name, text) and the language
/// versions its root builds.
struct Case {
    name: &'static str,
    what: &'static str,
    replies: Vec<(String, String)>,
    versions: Versions,
}

/// Which versions a case's root builds.
#[derive(Clone, Copy)]
enum Versions {
    /// The shipped book.toml's six.
    Six,
    /// English alone (`languages = ["en"]`).
    English,
}

impl Case {
    fn in_versions(self, versions: Versions) -> Case {
        Case { versions, ..self }
    }
}

/// A case name or description made at run time, for the whole run.
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// One reply of about `MB` bytes (just under the 1 MiB cap) for Argentina.
fn one(name: &'static str, what: &'static str, body: String) -> Case {
    Case {
        name,
        what,
        replies: vec![("arg.md".into(), front("Argentina") + &body)],
        versions: Versions::Six,
    }
}

fn cases() -> Vec<Case> {
    let words = "The Government has the honour to transmit its views on the challenges it faces. ";
    let mut cases = vec![
        one(
            "paragraphs",
            "plain paragraphs (the baseline)",
            fill(MB, |_| format!("{}\n\n", words.repeat(8))),
        ),
        one(
            "one-paragraph",
            "a single paragraph of a megabyte",
            fill(MB, |_| words.to_string()),
        ),
        one(
            "one-word",
            "a single word of a megabyte (no space at all)",
            "x".repeat(MB),
        ),
        one(
            "hashes",
            "64-character hashes and long URLs",
            fill(MB, |i| {
                format!(
                    "{:064x} https://example.org/{}/{} ",
                    i as u128 * 0x9e37_79b9_7f4a_7c15,
                    "path".repeat(20),
                    i
                )
            }),
        ),
        one(
            "wide-table",
            "a table header of 100,000 columns and 100,000 one-cell rows (padded: 10^10 cells)",
            {
                let columns = 100_000;
                let mut t = String::new();
                t.push_str(&"|a".repeat(columns));
                t.push_str("|\n");
                t.push_str(&"|-".repeat(columns));
                t.push_str("|\n");
                t + &"|x|\n".repeat(90_000)
            },
        ),
        one("tall-table", "a three-column table of 40,000 rows", {
            let mut t = String::from("| a | b | c |\n|---|---|---|\n");
            t.push_str(&fill(MB - 40, |i| format!("| {i} | row {i} | text |\n")));
            t
        }),
        one(
            "footnote-refs",
            "one footnote of 10 KB referenced 90,000 times",
            {
                let refs = fill(MB - 12_000, |_| "See[^n]. ".into());
                format!("{refs}\n\n[^n]: {}\n", words.repeat(120))
            },
        ),
        one(
            "many-footnotes",
            "25,000 footnotes, each referenced once",
            {
                let n = 25_000;
                let mut t = String::new();
                for i in 0..n {
                    let _ = write!(t, "Text[^f{i}]. ");
                }
                t.push_str("\n\n");
                for i in 0..n {
                    let _ = writeln!(t, "[^f{i}]: Note {i}.");
                }
                t
            },
        ),
        one(
            "code-block",
            "one fenced code block of 12,000 lines",
            format!(
                "```\n{}```\n",
                fill(MB - 10, |i| format!(
                    "{i:08} let x = call(argument, another_argument, {i});\n"
                ))
            ),
        ),
        one(
            "code-line",
            "one code block holding a single line of a megabyte",
            format!("```\n{}\n```\n", "a = b + c; ".repeat(MB / 11)),
        ),
        one(
            "inline-code",
            "inline code spans, 100,000 of them",
            fill(MB, |i| format!("`code {i}` ")),
        ),
        one(
            "list-items",
            "a list of 100,000 items",
            fill(MB, |i| format!("- item {i}\n")),
        ),
        one(
            "nested-lists",
            "lists nested 2,000 deep, again and again",
            fill(MB, |i| format!("{}- level\n", "  ".repeat(i % 2000))),
        ),
        one(
            "nested-quotes",
            "block quotes nested 5,000 deep",
            fill(MB, |i| format!("{} quote\n", ">".repeat(i % 5000 + 1))),
        ),
        one(
            "emphasis",
            "emphasis and links nested and repeated",
            fill(MB, |i| format!("***[a _b_ **c**](https://un.org/{i})*** ")),
        ),
        one(
            "headings",
            "100,000 headings",
            fill(MB, |i| format!("## Heading {i}\n")),
        ),
        one(
            "html-and-math",
            "raw HTML and math that must print as text",
            fill(MB, |i| {
                format!("<div onclick=\"x\">{i}</div> $x^{i}$ #set text(red) {{{{ 7*7 }}}}\n\n")
            }),
        ),
        one(
            "chinese",
            "Chinese text with no font to draw it",
            fill(MB, |_| "各国政府认为网络犯罪是一个严重的挑战。".into()),
        ),
        one(
            "bidi",
            "bidirectional controls and zero-width characters everywhere",
            fill(MB, |_| "a\u{202e}b\u{2066}c\u{200b}d ".into()),
        ),
    ];
    // Just under the element budget, with the most costly elements: what the checks let
    // through must still build within the goal. Built alone, a version may hold the whole
    // budget; the shipped book.toml builds six, and each may hold its share of it
    // (`cost::budget`), the original printed in every version.
    use report::render::cost::{BUDGET, budget};
    for (versions, suffix) in [(Versions::English, ""), (Versions::Six, "-six")] {
        let (share, budget) = match versions {
            Versions::English => (BUDGET, "just under the element budget, English only"),
            Versions::Six => (
                budget(6),
                "just under one version's share of the budget, in each of six versions",
            ),
        };
        // `n` scaled to the share: the counts below are for the whole budget.
        let scale = BUDGET / share;
        let case = |name: &str, what: String, body: String| {
            one(
                leak(format!("{name}{suffix}")),
                leak(format!("{what} ({budget})")),
                body,
            )
            .in_versions(versions)
        };
        cases.push(case(
            "budget-footnotes",
            format!("{} footnotes, 10 to a paragraph", 18_000 / scale),
            {
                let mut t = String::new();
                for p in 0..1_800 / scale {
                    for f in 0..10 {
                        let _ = write!(t, "Text[^f{p}x{f}]. ");
                    }
                    t.push_str("\n\n");
                    for f in 0..10 {
                        let _ = writeln!(t, "[^f{p}x{f}]: Note {p}, {f}.");
                    }
                    t.push('\n');
                }
                t
            },
        ));
        cases.push(case(
            "budget-cells",
            format!("{} tables of 10 rows and 3 columns", 1_450 / scale),
            fill(MB, |i| {
                if i >= 1_450 / scale {
                    return "Text. ".repeat(40);
                }
                let mut t = String::from("| a | b | c |\n|---|---|---|\n");
                for r in 0..10 {
                    let _ = writeln!(t, "| {r} | cell {i} | x |");
                }
                t + "\n"
            }),
        ));
        cases.push(case(
            "budget-links",
            format!("{} links, 100 to a paragraph", 36_000 / scale),
            fill(MB, |i| {
                if i >= 36_000 / scale {
                    return "Text. ".to_string();
                }
                let end = if i % 100 == 99 { "\n\n" } else { " " };
                format!("[l{i}](https://un.org/{i}){end}")
            }),
        ));
        cases.push(case(
            "budget-list",
            format!("a list of {} items", 74_000 / scale),
            fill(MB, |i| {
                if i >= 74_000 / scale {
                    return "Text. ".to_string();
                }
                format!("- item {i}\n")
            }),
        ));
    }
    // Front matter costs.
    let mut themes = String::new();
    for i in 0..40_000 {
        let _ = write!(themes, "\"theme {i}\", ");
    }
    cases.push(Case {
        name: "themes",
        what: "40,000 themes in one challenge (a table row each in chapter II)",
        replies: vec![(
            "arg.md".into(),
            format!(
                "+++\nstate = \"Argentina\"\nreceived = 2019-04-30\n\n[[challenges]]\ncategory = \"international-cooperation\"\nthemes = [{themes}]\nsummary = \"S.\"\n+++\n\nText.\n"
            ),
        )],
        versions: Versions::Six,
    });
    cases.push(Case {
        name: "summary",
        what: "a summary (the Secretariat's text) of a megabyte",
        replies: vec![(
            "arg.md".into(),
            format!(
                "+++\nstate = \"Argentina\"\nreceived = 2019-04-30\n\n[[challenges]]\ncategory = \"international-cooperation\"\nthemes = [\"t\"]\nsummary = \"\"\"\n{}\"\"\"\n+++\n\nText.\n",
                fill(MB - 200, |_| format!("{}\n\n", words.repeat(6)))
            ),
        )],
        versions: Versions::Six,
    });
    cases.push(Case {
        name: "state-name",
        what: "a State name of a megabyte (did-you-mean must not compare it with every name)",
        replies: vec![(
            "arg.md".into(),
            format!(
                "+++\nstate = \"{}\"\nreceived = 2019-04-30\n+++\n\nText.\n",
                "Argentinia ".repeat(MB / 12)
            ),
        )],
        versions: Versions::Six,
    });
    cases.push(Case {
        name: "errors",
        what: "30,000 challenges with an unknown category (30,000 errors)",
        replies: vec![(
            "arg.md".into(),
            format!(
                "+++\nstate = \"Argentina\"\nreceived = 2019-04-30\n{}+++\n\nText.\n",
                fill(MB - 100, |i| format!(
                    "[[challenges]]\ncategory = \"nope-{i}\"\nthemes = [\"t\"]\nsummary = \"s\"\n"
                ))
            ),
        )],
        versions: Versions::Six,
    });
    // Many replies: 193 States of about 5 KB each.
    let states: Vec<(String, String)> = report::registry::all()
        .iter()
        .filter(|s| s.standing == report::registry::Standing::Member)
        .map(|s| {
            (
                format!("{}.md", s.iso3.to_lowercase()),
                front(s.name) + &fill(MB / 193, |_| format!("{}\n\n", words.repeat(4))),
            )
        })
        .collect();
    cases.push(Case {
        name: "193-replies",
        what: "193 replies of 5 KB",
        replies: states,
        versions: Versions::Six,
    });
    cases
}

fn write_root(root: &Path, case: &Case) {
    let _ = std::fs::remove_dir_all(root);
    std::fs::create_dir_all(root.join("submissions")).unwrap();
    let mut book =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/book.toml")).unwrap();
    if let Versions::English = case.versions {
        let at = book
            .find("\nlanguages = ")
            .expect("book.toml lists its languages")
            + 1;
        let end = at + book[at..].find('\n').unwrap();
        book.replace_range(at..end, "languages = [\"en\"]");
    }
    std::fs::write(root.join("book.toml"), book).unwrap();
    for (name, text) in &case.replies {
        std::fs::write(root.join("submissions").join(name), text).unwrap();
    }
}

fn main() {
    let only = common::option("--only");
    let keep = common::option("--keep").map(std::path::PathBuf::from);
    let limit = Duration::from_secs(120);
    println!(
        "report build on hostile roots of about 1 MB of replies (goal: built in <= 30 s and <= 2 GB, or refused in < 1 s)\n"
    );
    println!(
        "{:<20} {:>8} {:>10} {:>9} {:>6}  what",
        "case", "size", "outcome", "time", "peak"
    );
    let mut failed = Vec::new();
    for case in cases() {
        if only.as_deref().is_some_and(|o| o != case.name) {
            continue;
        }
        let tmp = tempfile::tempdir().unwrap();
        let root = match &keep {
            Some(dir) => dir.join(case.name),
            None => tmp.path().join("root"),
        };
        write_root(&root, &case);
        let size: usize = case.replies.iter().map(|(_, t)| t.len()).sum();
        let out = tmp.path().join("out");
        let m = run_measured(&mut report_build(&root, &out), limit);
        let (outcome, ok) = match m.ended {
            Ended::Exit(0) => (
                "built",
                m.wall <= Duration::from_secs(30) && m.peak <= 2_000_000_000,
            ),
            Ended::Exit(1) => ("refused", m.wall < Duration::from_secs(1)),
            Ended::Exit(code) => (if code == 2 { "exit 2" } else { "exit ?" }, false),
            Ended::Signal(_) => ("crashed", false),
            Ended::TimedOut => ("> 120 s", false),
        };
        println!(
            "{:<20} {:>6.0}KB {:>10} {:>8.2}s {:>5.0}M  {}{}",
            case.name,
            size as f64 / 1e3,
            outcome,
            m.wall.as_secs_f64(),
            m.peak as f64 / 1e6,
            case.what,
            if ok { "" } else { "  <-- misses the goal" }
        );
        if !ok {
            failed.push(case.name);
        }
    }
    if !failed.is_empty() {
        println!("\nmissed the goal: {}", failed.join(", "));
        std::process::exit(1);
    }
}
