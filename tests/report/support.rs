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
