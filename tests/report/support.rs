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

/// Something a test reads from outside what `cargo test` builds is missing (`why`): under
/// CI (the `CI` variable, which `.ci/run` sets) the test fails; elsewhere it says that
/// `unchecked` was not checked, and the caller skips that check.
pub fn missing_outside(unchecked: &str, why: impl std::fmt::Display) {
    if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
        panic!("{why}; {unchecked} needs it");
    }
    eprintln!("{unchecked} not checked: {why}");
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

/// Builds `root` into a fresh temporary folder; returns the folder and what was printed.
pub fn build(root: &Path) -> (tempfile::TempDir, Run) {
    build_with(root, &[])
}

/// [`build`] with more arguments.
pub fn build_with(root: &Path, args: &[&str]) -> (tempfile::TempDir, Run) {
    let out = tempfile::tempdir().unwrap();
    let mut all = vec![
        "build",
        root.to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
    ];
    all.extend(args);
    let run = report(&all);
    (out, run)
}

/// A build that several tests read and none changes: made once per test run, on first
/// use, in the test target's own temporary folder.
pub struct Shared {
    pub out: PathBuf,
    pub run: Run,
}

impl Shared {
    /// The output folder (as a [`tempfile::TempDir`]'s `path()`).
    pub fn path(&self) -> &Path {
        &self.out
    }
}

/// Builds `root` once per test process (a runner such as nextest runs each test in a
/// process of its own), into a folder named after the process; the folders of processes
/// that have ended are removed first.
fn shared(name: &str, root: &Path, args: &[&str]) -> Shared {
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let prefix = format!("shared-{name}-");
    for entry in std::fs::read_dir(&tmp).into_iter().flatten().flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let ended = file_name
            .strip_prefix(&prefix)
            .is_some_and(|pid| !Path::new("/proc").join(pid).exists());
        if ended {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    let out = tmp.join(format!("{prefix}{}", std::process::id()));
    let mut all = vec![
        "build",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    all.extend(args);
    let run = report(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    Shared { out, run }
}

/// The shipped report root (six versions), built once with `-v` (its notes printed).
pub fn shipped_build() -> &'static Shared {
    static BUILT: std::sync::OnceLock<Shared> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| shared("shipped", &repo(), &["-v"]))
}

/// The `valid` fixture, built once.
pub fn valid_build() -> &'static Shared {
    static BUILT: std::sync::OnceLock<Shared> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| shared("valid", &fixture("valid"), &[]))
}

/// The `hostile` fixture, built once.
pub fn hostile_build() -> &'static Shared {
    static BUILT: std::sync::OnceLock<Shared> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| shared("hostile", &fixture("hostile"), &[]))
}

/// Builds `root`, which must succeed; returns the output folder.
pub fn build_ok(root: &Path) -> tempfile::TempDir {
    let (out, run) = build(root);
    assert_eq!(run.code, 0, "{}", run.stderr);
    out
}

/// A copy of a fixture root in a temporary folder, to edit: (the folder, the root in it).
pub fn fixture_copy(name: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("root");
    copy_dir(&fixture(name), &root);
    (tmp, root)
}

/// A copy of the shipped report root (book.toml, submissions/, locales/, templates/) in a
/// temporary folder, to edit: (the folder, the root in it).
pub fn shipped_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("root");
    std::fs::create_dir(&root).unwrap();
    std::fs::copy(repo().join("book.toml"), root.join("book.toml")).unwrap();
    for dir in ["submissions", "locales", "templates"] {
        copy_dir(&repo().join(dir), &root.join(dir));
    }
    (tmp, root)
}

/// Rewrites a file of a test root: `edit` gets its text and returns the new one.
pub fn edit(path: &Path, edit: impl FnOnce(&str) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, edit(&text)).unwrap();
}

/// Builds the language versions `languages` of a fixture root whose book.toml says
/// `language = "en"` and lists no `languages`.
pub fn with_languages(root: &Path, languages: &[&str]) {
    let list: Vec<String> = languages.iter().map(|l| format!("\"{l}\"")).collect();
    edit(&root.join("book.toml"), |book| {
        book.replacen(
            "language = \"en\"\n",
            &format!("language = \"en\"\nlanguages = [{}]\n", list.join(", ")),
            1,
        )
    });
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
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
    pages_text(path, None)
}

/// The text of the first `pages` pages of a PDF (all of them for `None`), as
/// [`pdf_text`] gives it.
pub fn pages_text(path: &Path, pages: Option<u32>) -> String {
    let doc = lopdf::Document::load(path).expect("a readable PDF");
    let pages: Vec<u32> = doc
        .get_pages()
        .keys()
        .copied()
        .filter(|n| pages.is_none_or(|last| *n <= last))
        .collect();
    let text = doc.extract_text(&pages).expect("PDF text");
    let joined = text.replace("-\n", "");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of a PDF (its first `pages` pages, all for `None`) in reading order, as
/// Poppler's `pdftotext` puts it together (right-to-left runs put back in the order they
/// are read), white space collapsed. `cargo test` needs nothing installed: without
/// pdftotext this says so and gives `None`, except under CI (the `CI` variable, which
/// `.ci/run` sets after installing poppler-utils), where it fails.
pub fn pdf_text_as_read(pdf: &Path, pages: Option<u32>) -> Option<String> {
    let mut command = Command::new("pdftotext");
    if let Some(last) = pages {
        command.args(["-l", &last.to_string()]);
    }
    let out = command.arg("-layout").arg(pdf).arg("-").output();
    if let Err(e) = &out {
        let why = format!("pdftotext (poppler-utils): {e}");
        missing_outside("the reading order of a right-to-left PDF", why);
    }
    let text = String::from_utf8_lossy(&out.ok()?.stdout).into_owned();
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
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

/// Runs `report` with `args` in `dir` like [`report_in`], but kills it and fails the test
/// if it has not ended after `seconds`: for inputs that could make it hang.
pub fn report_within(dir: &Path, args: &[&str], seconds: u64) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_report"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env("CI", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the report binary runs");
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed().as_secs() >= seconds {
            let _ = child.kill();
            let _ = child.wait();
            panic!("report {args:?} did not end within {seconds} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap().into()
}

/// Whether this process runs as the superuser (who ignores file permissions).
#[cfg(unix)]
pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// Every file under `dir`, by its path relative to `dir`, with its bytes.
/// Two builds' files (as [`files`] reads them): the same paths, byte for byte.
pub fn assert_same_files(
    first: &std::collections::BTreeMap<String, Vec<u8>>,
    second: &std::collections::BTreeMap<String, Vec<u8>>,
) {
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in first {
        assert!(bytes == &second[path], "{path} differs between two builds");
    }
}

pub fn files(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}
