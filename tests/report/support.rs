//! Running the binary and finding fixtures.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (itself a report root).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// What a run of `report` gave.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// Runs `report` with `args` in `dir`, without colours or a terminal.
pub fn report_in(dir: &Path, args: &[&str]) -> Run {
    Command::new(env!("CARGO_BIN_EXE_report"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env("CI", "1")
        .output()
        .expect("the report binary runs")
        .into()
}

/// Runs `report` with `args` from the repository root.
pub fn report(args: &[&str]) -> Run {
    report_in(&repo(), args)
}

/// Asserts that `text` contains every one of `expected`, showing the text if not.
#[track_caller]
pub fn assert_contains_all(text: &str, expected: &[&str]) {
    let missing: Vec<&&str> = expected.iter().filter(|e| !text.contains(**e)).collect();
    assert!(missing.is_empty(), "missing {missing:?} in:\n{text}");
}

/// The text of a PDF, pages in order, with lines joined: a word hyphenated at a line end
/// is joined again and every run of white space becomes one space.
pub fn pdf_text(path: &Path) -> String {
    let doc = lopdf::Document::load(path).expect("a readable PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("PDF text");
    let joined = text.replace("-\n", "");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Width and height in points of every page of a PDF.
pub fn pdf_page_sizes(path: &Path) -> Vec<(f32, f32)> {
    let doc = lopdf::Document::load(path).expect("a readable PDF");
    doc.get_pages()
        .values()
        .map(|id| {
            let page = doc.get_dictionary(*id).unwrap();
            let bbox = page.get(b"MediaBox").unwrap().as_array().unwrap();
            let n = |i: usize| bbox[i].as_float().unwrap();
            (n(2) - n(0), n(3) - n(1))
        })
        .collect()
}
