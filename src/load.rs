//! Reading a report root from disk: `book.toml`, then every `*.md` under `submissions/`.
//!
//! This is the only stage that reads the editor's files (templates are read by the renderer).
//! The walk is sorted by file name so the result never depends on directory order, and
//! every file is read under the policy of `root`: nothing outside the report root, nothing
//! but regular files. Each file's text is
//! registered in [`Sources`] so diagnostics can quote it; every problem becomes a diagnostic.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, FileId, Sources};
use crate::invisible::{self, Kind};
use crate::root::{ReadTextError, Refusal, ReportRoot};
use crate::submission::{self, Submission};
use crate::validate;

/// The largest reply file accepted. Typst has no timeout, so what one reply may cost is
/// capped before it reaches the typesetter; a real reply is rarely over 100 KB.
pub const MAX_SUBMISSION_BYTES: u64 = 1024 * 1024;

/// The largest `book.toml` accepted (a real one is a few KB).
pub const MAX_BOOK_BYTES: u64 = 1024 * 1024;

/// A report root that was read and checked.
#[derive(Debug)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
    /// Every reply, final and draft, in path order.
    pub submissions: Vec<Submission>,
}

/// What loading found: the project (if `book.toml` could be read), the text of every file
/// read, and every problem.
#[derive(Debug)]
pub struct Loaded {
    pub sources: Sources,
    pub diagnostics: Diagnostics,
    pub project: Option<Project>,
}

/// How a path is shown to the editor: relative to where they ran the command.
fn display(root: &Path, rel: &str) -> String {
    if root == Path::new(".") || root.as_os_str().is_empty() {
        rel.to_string()
    } else {
        format!("{}/{rel}", root.display()).replace("//", "/")
    }
}

/// Reads and checks the report root at `root`.
pub fn load(root: &Path) -> Loaded {
    let mut sources = Sources::new();
    let mut diags = Diagnostics::new();
    let project = load_into(root, &mut sources, &mut diags);
    diags.sort();
    Loaded {
        sources,
        diagnostics: diags,
        project,
    }
}

fn load_into(root: &Path, sources: &mut Sources, diags: &mut Diagnostics) -> Option<Project> {
    let Ok(report_root) = ReportRoot::new(root) else {
        diags.push(
            Diagnostic::error_nowhere(format!("no report at `{}`: no such folder", root.display()))
                .help("pass the folder that holds book.toml and submissions/"),
        );
        return None;
    };
    let book_path = root.join("book.toml");
    let text = match report_root.read_text(&book_path, MAX_BOOK_BYTES) {
        Ok(text) => text,
        Err(ReadTextError::NotUtf8(e)) => {
            let valid = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let file = sources.add(display(root, "book.toml"), lossy);
            diags.push(not_utf8(file, valid));
            return None;
        }
        Err(ReadTextError::Refused(Refusal::Missing)) => {
            diags.push(
                Diagnostic::error_nowhere(format!(
                    "no book.toml in `{}`: this is not a report root",
                    root.display()
                ))
                .help("run the command in the folder that holds book.toml and submissions/, or pass that folder: report check path/to/report"),
            );
            return None;
        }
        Err(ReadTextError::Refused(refusal)) => {
            diags.push(refusal.diagnostic(&display(root, "book.toml")));
            return None;
        }
    };
    let file = sources.add(display(root, "book.toml"), text.clone());
    warn_invisible(file, &text, diags);
    let config = Config::parse(&text, file, diags)?;

    let submissions = read_submissions(&report_root, &config, sources, diags);
    validate::across_replies(&submissions, diags);
    Some(Project {
        root: root.to_path_buf(),
        config,
        submissions,
    })
}

/// Warns about each misleading character of a file (bidirectional controls, control and
/// invisible characters: see `invisible`), the first few at their position, then how many
/// more there are.
fn warn_invisible(file: FileId, text: &str, diags: &mut Diagnostics) {
    const SHOWN: usize = 5;
    let mut found = invisible::scan(text);
    let mut last = 0..0;
    for (at, c, kind) in found.by_ref().take(SHOWN) {
        let (message, label) = match kind {
            Kind::Bidi => (
                "it can make the text read differently from what it is (the \"Trojan Source\" trick)",
                "reorders the text around it",
            ),
            Kind::Control => (
                "a control character has no place in a text",
                "control character",
            ),
            Kind::Invisible => ("it draws nothing", "invisible character"),
            Kind::Tag => ("tag characters are invisible text", "tag character"),
        };
        last = at..at + c.len_utf8();
        diags.push(
            Diagnostic::warning(
                file,
                last.clone(),
                format!("{} in the text: {message}", invisible::describe(c)),
            )
            .label(label)
            .help("it is left out of the PDF and the HTML; delete it from the file unless the text needs it"),
        );
    }
    let more = found.count();
    if more > 0 {
        diags.push(
            Diagnostic::warning(
                file,
                last,
                format!(
                    "and {more} more invisible or control {} after this one",
                    if more == 1 { "character" } else { "characters" }
                ),
            )
            .label("the last one shown")
            .help("they are left out of the PDF and the HTML; search the file for them with an editor that shows invisible characters"),
        );
    }
}

fn not_utf8(file: usize, valid_up_to: usize) -> Diagnostic {
    Diagnostic::error(
        file,
        valid_up_to..valid_up_to + 1,
        "the file is not valid UTF-8 text",
    )
    .label("this byte is not UTF-8")
    .help("save the file as UTF-8 (in most editors: Save As, then choose the encoding UTF-8)")
}

fn read_submissions(
    root: &ReportRoot,
    config: &Config,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Vec<Submission> {
    let dir = root.path().join("submissions");
    let shown_dir = display(root.path(), "submissions/");
    match root.folder(&dir) {
        Ok(_) => {}
        Err(Refusal::Missing) => {
            diags.push(
                Diagnostic::error_nowhere(format!(
                    "no submissions/ folder in `{}`",
                    root.path().display()
                ))
                .help("create submissions/ and put one Markdown file per reply in it"),
            );
            return Vec::new();
        }
        Err(refusal) => {
            diags.push(refusal.diagnostic(&shown_dir));
            return Vec::new();
        }
    }
    let mut out = Vec::new();
    let walk = WalkDir::new(&dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                diags.push(Diagnostic::error_nowhere(format!(
                    "cannot read {shown_dir}: {e}"
                )));
                continue;
            }
        };
        let path = entry.path();
        let rel = path
            .strip_prefix(root.path())
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let shown = display(root.path(), &rel);
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_dir() {
            continue;
        }
        if !name.ends_with(".md") {
            let lower = name.to_lowercase();
            if [".md", ".markdown", ".mdown", ".md.txt"]
                .iter()
                .any(|ext| lower.ends_with(ext))
            {
                diags.push(
                    Diagnostic::warning_nowhere(format!(
                        "{shown}: not read, only *.md files are replies"
                    ))
                    .help(format!(
                        "rename it to end in .md if it is a reply: {}",
                        fix_extension(&name)
                    )),
                );
            }
            continue;
        }
        if entry.file_type().is_symlink() && root.is_folder(path) {
            diags.push(Diagnostic::warning_nowhere(format!(
                "{shown}: not read, it links to a folder"
            )));
            continue;
        }
        if let Some(s) = read_one(root, path, &rel, &shown, config, sources, diags) {
            out.push(s);
        }
    }
    if out.is_empty() && !diags.has_errors() {
        diags.push(
            Diagnostic::error_nowhere(format!("no replies in {shown_dir}"))
                .help("add one Markdown file per reply, e.g. submissions/cri.md"),
        );
    }
    out
}

fn fix_extension(name: &str) -> String {
    let stem = name
        .rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .trim_end_matches(".md");
    format!("{stem}.md")
}

fn read_one(
    root: &ReportRoot,
    path: &Path,
    rel: &str,
    shown: &str,
    config: &Config,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Option<Submission> {
    let text = match root.read_text(path, MAX_SUBMISSION_BYTES) {
        Ok(text) => text,
        Err(ReadTextError::Refused(refusal)) => {
            diags.push(refusal.diagnostic(shown));
            return None;
        }
        Err(ReadTextError::NotUtf8(e)) => {
            let utf16 =
                e.as_bytes().starts_with(&[0xff, 0xfe]) || e.as_bytes().starts_with(&[0xfe, 0xff]);
            let valid = e.utf8_error().valid_up_to();
            let file = sources.add(shown, String::from_utf8_lossy(e.as_bytes()).into_owned());
            let mut d = not_utf8(file, valid);
            if utf16 {
                d = d.help("this file looks like UTF-16; save it as UTF-8");
            }
            diags.push(d);
            return None;
        }
    };
    let file = sources.add(shown, text);
    let text = sources.text(file).to_string();
    warn_invisible(file, &text, diags);
    submission::parse(&text, file, rel, config, diags)
}
