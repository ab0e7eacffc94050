//! Fidelity and speed of `report import` on the Word corpus of tests/fixtures/docx (made by
//! its make.py), against pandoc's own docx reader used the same way.
//!
//! For each document, each converter's Markdown becomes the reply of a one-version report
//! (the document's language), which `report build` typesets; the benchmark counts how many
//! of the words a reader sees in the document (NAME.words: its paragraphs, footnotes, table
//! cells and list items, letters and digits only) are in the PDF's text (pdftotext, its
//! letters and digits only). It also
//! times `report import --dry-run` on each document (median of 5).
//!
//! Needs pandoc (PyPI `pypandoc-binary`) and pdftotext: `-- --pandoc PATH`, else `pandoc`
//! on the PATH. Run with `cargo bench --bench import`.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const BOOK: &str = "[book]\ntitle = \"Import\"\nlanguage = \"en\"\nlanguages = [\"LANG\"]\n\n[report]\nsymbol = \"A/74/130\"\nsession = 74\ndate = 2019-07-30\nmandate = \"73/187\"\n\n[[categories]]\nid = \"cooperation\"\ntitle = \"Cooperation\"\n\n[output.pdf]\nfile = \"report.pdf\"\n";

/// How many of `words` the PDF built from reply `markdown` in `lang` holds.
fn found(markdown: &str, lang: &str, words: &[String], tmp: &Path) -> usize {
    let root = tmp.join("root");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("submissions")).unwrap();
    std::fs::write(root.join("book.toml"), BOOK.replace("LANG", lang)).unwrap();
    let reply = format!(
        "+++\nstate = \"ARG\"\nreceived = 2019-04-01\nlanguage = \"{lang}\"\n+++\n\n{markdown}"
    );
    std::fs::write(root.join("submissions/arg.md"), reply).unwrap();
    let out = tmp.join("out");
    let status = common::report_build(&root, &out).status().unwrap();
    if !status.success() {
        return 0;
    }
    let text = Command::new("pdftotext")
        .arg(out.join("report.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext (Debian poppler-utils)");
    // Letters and digits only, as NAME.words has them.
    let text: String = String::from_utf8_lossy(&text.stdout)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    words.iter().filter(|w| text.contains(w.as_str())).count()
}

fn main() {
    let pandoc = common::option("--pandoc").unwrap_or_else(|| "pandoc".into());
    let report = env!("CARGO_BIN_EXE_report");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docx");
    let mut docs: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "docx"))
        .collect();
    docs.sort();
    let tmp = tempfile::tempdir().unwrap();
    println!(
        "report import against pandoc's docx reader, words of each document found in the PDF\n"
    );
    println!(
        "{:<12} {:>6} {:>14} {:>14} {:>12}",
        "document", "words", "report import", "pandoc", "import time"
    );
    let (mut all, mut ours_all, mut theirs_all) = (0, 0, 0);
    for doc in &docs {
        let name = doc.file_stem().unwrap().to_string_lossy().into_owned();
        let lang = name.split('-').next().unwrap().to_string();
        let words: Vec<String> = std::fs::read_to_string(doc.with_extension("words"))
            .unwrap()
            .lines()
            .filter(|l| !l.is_empty())
            .map(|w| w.split_whitespace().collect())
            .collect();
        let import = || {
            Command::new(report)
                .args([
                    "import",
                    doc.to_str().unwrap(),
                    "--dry-run",
                    "--state",
                    "ARG",
                ])
                .args(["--language", &lang])
                .output()
                .unwrap()
        };
        let mut times: Vec<Duration> = (0..5)
            .map(|_| {
                let start = Instant::now();
                import();
                start.elapsed()
            })
            .collect();
        let ours = String::from_utf8(import().stdout).unwrap();
        let theirs = Command::new(&pandoc)
            .args(["-f", "docx", "-t", "gfm", "--wrap=none"])
            .arg(doc)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        let (a, b) = (
            found(&ours, &lang, &words, tmp.path()),
            found(&theirs, &lang, &words, tmp.path()),
        );
        all += words.len();
        ours_all += a;
        theirs_all += b;
        println!(
            "{name:<12} {:>6} {:>14} {:>14} {:>9.1} ms",
            words.len(),
            format!(
                "{a} ({:.0} %)",
                100.0 * a as f64 / words.len().max(1) as f64
            ),
            format!(
                "{b} ({:.0} %)",
                100.0 * b as f64 / words.len().max(1) as f64
            ),
            common::median(&mut times).as_secs_f64() * 1000.0
        );
    }
    println!(
        "{:<12} {all:>6} {:>14} {:>14}",
        "all",
        format!(
            "{ours_all} ({:.1} %)",
            100.0 * ours_all as f64 / all.max(1) as f64
        ),
        format!(
            "{theirs_all} ({:.1} %)",
            100.0 * theirs_all as f64 / all.max(1) as f64
        ),
    );
}
