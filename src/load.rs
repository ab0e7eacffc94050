//! Reading a report root from disk: `book.toml`, every `*.md` under `submissions/` (replies
//! and their translations), `locales/*.toml`, `templates/` and the `font-dirs` fonts.
//!
//! This is the only stage that reads the editor's files.
//! The walk is sorted by file name so the result never depends on directory order, and
//! every file is read under the policy of `root`: nothing outside the report root, nothing
//! but regular files. Each file's text is
//! registered in [`Sources`] so diagnostics can quote it; every problem becomes a diagnostic.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::codes::Code;
use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, FileId, Prepared, Sources, Span};
use crate::files::Stamp;
use crate::hash::hash_of;
use crate::locale::{self, Locale};
use crate::misleading;
use crate::root::{ReadTextError, Refusal, ReportRoot};
use crate::submission::{self, FileKind, Submission, Translation};
use crate::validate;

/// The largest reply file accepted. Typst has no timeout, so what one reply may cost is
/// capped before it reaches the typesetter; a real reply is rarely over 100 KB.
pub const MAX_SUBMISSION_BYTES: u64 = 1024 * 1024;

/// The largest `book.toml` (or `locales/*.toml`) accepted (a real one is a few KB).
pub const MAX_BOOK_BYTES: u64 = 1024 * 1024;

/// The largest template file accepted.
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// The largest font file accepted (a full CJK font is about 20 MB).
const MAX_FONT_BYTES: u64 = 64 * 1024 * 1024;

/// A report root that was read and checked.
#[derive(Debug)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
    /// Every reply, final and draft, in path order.
    pub submissions: Vec<Submission>,
    /// Every translation of a reply, in path order.
    pub translations: Vec<Translation>,
    /// `locales/<lang>.toml`: the Secretariat's text in other languages.
    pub locales: Vec<Locale>,
    /// The files of `templates/` (`*.j2`, `*.css`, `*.js`), in name order.
    pub templates: Vec<TemplateFile>,
    /// The font files of the `font-dirs` folders, in path order.
    pub fonts: Vec<FontFile>,
}

/// The text of a reply file or a translation, as read.
#[derive(Debug, Clone, Copy)]
pub struct Text<'p> {
    pub file: FileId,
    /// The Markdown after the front matter.
    pub body: &'p str,
    /// Where `body` starts in the file.
    pub body_offset: usize,
}

impl Project {
    /// The text of every reply and translation, by path relative to the report root: what
    /// a version prints is looked up here (`text_file` of its replies), once per lookup.
    pub fn texts(&self) -> HashMap<&str, Text<'_>> {
        let originals = self.submissions.iter().map(|s| {
            let text = Text {
                file: s.file,
                body: s.body.as_str(),
                body_offset: s.body_offset,
            };
            (s.path.as_str(), text)
        });
        let translations = self.translations.iter().map(|t| {
            let text = Text {
                file: t.file,
                body: t.body.as_str(),
                body_offset: t.body_offset,
            };
            (t.path.as_str(), text)
        });
        originals.chain(translations).collect()
    }
}

/// One template's text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateFile {
    pub name: String,
    pub source: String,
    /// How diagnostics name it: "templates/report.typ.j2" or "report.typ.j2 (built-in)".
    pub shown: String,
}

/// A font file of a `font-dirs` folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontFile {
    /// As diagnostics show it.
    pub path: String,
    pub bytes: Vec<u8>,
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
    load_remembering(root, None)
}

/// The reply files a builder that builds again read last time, each with its stamp and
/// text: the next load reads again only the files whose stamp changed (a French edit of
/// the 193-State root: 26 ms of reading 1,158 files through the root's checks become 3 ms
/// of looking at them).
#[derive(Debug, Default)]
pub struct Remembered {
    files: HashMap<PathBuf, Known>,
}

/// A file's stamp when it was read, and the text read.
type Known = (Stamp, Arc<String>);

/// Reads and checks the report root at `root`, reading again only the reply files that
/// changed since `remembered` was filled, and filling it for the next time.
pub fn load_again(root: &Path, remembered: &mut Remembered) -> Loaded {
    load_remembering(root, Some(remembered))
}

fn load_remembering(root: &Path, remembered: Option<&mut Remembered>) -> Loaded {
    let mut sources = Sources::new();
    let mut diags = Diagnostics::new();
    let project = load_into(root, remembered, &mut sources, &mut diags);
    diags.sort();
    Loaded {
        sources,
        diagnostics: diags,
        project,
    }
}

fn load_into(
    root: &Path,
    remembered: Option<&mut Remembered>,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Option<Project> {
    let Ok(report_root) = ReportRoot::new(root) else {
        diags.push(
            Diagnostic::error_nowhere(
                Code::NoReport,
                format!("no report at `{}`: no such folder", root.display()),
            )
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
                Diagnostic::error_nowhere(Code::NoReport, format!(
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
    misleading::warn(file, misleading::raw(&text), diags);
    let config = Config::parse(&text, file, diags)?;

    let book = Book {
        config: &config,
        text: hash_of(&text),
    };
    let (submissions, translations, originals) =
        read_submissions(&report_root, &book, remembered, sources, diags);
    validate::across_replies(&submissions, diags);
    validate::translations(&submissions, &translations, &originals, diags);
    let locales = read_locales(&report_root, &config, sources, diags);
    validate::locale_themes(&locales, &submissions, diags);
    let templates = read_templates(&report_root, diags);
    let fonts = read_fonts(&report_root, &config, diags);
    Some(Project {
        root: root.to_path_buf(),
        config,
        submissions,
        translations,
        locales,
        templates,
        fonts,
    })
}

/// A warning if the text of a reply or translation reads, reliably, as another language
/// than the one it declares (its `language =`, or its file name's suffix).
fn language_check(file: FileId, parsed: &Option<Parsed>) -> Option<Diagnostic> {
    let (body, declared, at, how) = match parsed.as_ref()? {
        Parsed::Original(s) => (
            &s.body,
            s.language.as_str(),
            s.language_span.clone().unwrap_or(0..0),
            match s.language_span {
                Some(_) => "declared here",
                None => "English by default (no `language =`)",
            },
        ),
        Parsed::Translation(t) => (&t.body, t.language.as_str(), 0..0, "the file name's suffix"),
    };
    let found = crate::identify::mismatch(body, declared)?;
    let name = crate::language::name(declared).unwrap_or(declared);
    let fix = match (parsed.as_ref()?, found.code) {
        (Parsed::Original(_), Some(code)) => format!(
            "if the reply was received in {}, write language = \"{code}\"; if it is a \
             translation, put the text received in this file and the translation beside it",
            found.reads_as
        ),
        (Parsed::Original(_), None) => format!(
            "if the reply was received in {}, write its ISO 639-1 code in `language`",
            found.reads_as
        ),
        (Parsed::Translation(_), _) => format!(
            "put the {name} translation in this file, or rename the file after the language \
             its text is in"
        ),
    };
    Some(
        Diagnostic::warning(
            Code::LanguageMismatch,
            file,
            at,
            format!("declared {name}, but the text reads as {}", found.reads_as),
        )
        .label(how)
        .help(fix),
    )
}

fn lost_diagnostic(file: FileId, at: Span, lost: crate::markdown::Lost) -> Diagnostic {
    Diagnostic::warning(Code::MarkdownLost, file, at, lost.what)
        .label("not printed as written")
        .help(lost.help)
}

fn not_utf8(file: usize, valid_up_to: usize) -> Diagnostic {
    Diagnostic::error(
        Code::NotUtf8,
        file,
        valid_up_to..valid_up_to + 1,
        "the file is not valid UTF-8 text",
    )
    .label("this byte is not UTF-8")
    .help("save the file as UTF-8 (in most editors: Save As, then choose the encoding UTF-8)")
}

/// Replies and translations in path order, and the path of every original reply file
/// met, read or not (a translation of a reply that has errors is not "without an
/// original").
type Replies = (Vec<Submission>, Vec<Translation>, HashSet<String>);

fn read_submissions(
    root: &ReportRoot,
    book: &Book,
    remembered: Option<&mut Remembered>,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Replies {
    let dir = root.path().join("submissions");
    let shown_dir = display(root.path(), "submissions/");
    match root.folder(&dir) {
        Ok(_) => {}
        Err(Refusal::Missing) => {
            diags.push(
                Diagnostic::error_nowhere(
                    Code::NoReport,
                    format!("no submissions/ folder in `{}`", root.path().display()),
                )
                .help("create submissions/ and put one Markdown file per reply in it"),
            );
            return Default::default();
        }
        Err(refusal) => {
            diags.push(refusal.diagnostic(&shown_dir));
            return Default::default();
        }
    }
    // The walk gives what to read and what to say, in path order. The files are read,
    // checked and parsed on all cores, each with the number it gets when it is registered
    // (in that order, one per file read), then registered in that order with what they
    // said: every file keeps its number and the problems their order. (On the 193-State
    // root, 1,158 files, reading on all cores took a watch rebuild's load from 110-125 ms
    // to 64-77; checking and parsing there too took `report check` from 178 to 164 ms.)
    let mut steps = Vec::new();
    let mut originals = HashSet::new();
    let walk = WalkDir::new(&dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        // Hidden folders (.git) are not read; hidden files are looked at below.
        .filter_entry(|e| {
            e.depth() == 0
                || !e.file_type().is_dir()
                || !e.file_name().to_string_lossy().starts_with('.')
        });
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                steps.push(Step::Say(Diagnostic::error_nowhere(
                    Code::Io,
                    format!("cannot read {shown_dir}: {e}"),
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
        if name.starts_with('.') {
            // Hidden files are not replies. One named like a reply is said, unless it is
            // an editor's or a system's own (.#arg.md, ._arg.md, .~lock.arg.md#).
            let junk = ["._", ".#", ".~"].iter().any(|p| name.starts_with(p));
            if name.ends_with(".md") && !junk {
                steps.push(Step::Say(
                    Diagnostic::warning_nowhere(
                        Code::NotAReply,
                        format!("{shown}: not read, a hidden file is not a reply"),
                    )
                    .help(format!(
                        "rename it without the leading dot if it is a reply: {}",
                        name.trim_start_matches('.')
                    )),
                ));
            }
            continue;
        }
        if !name.ends_with(".md") {
            let lower = name.to_lowercase();
            if [".md", ".markdown", ".mdown", ".md.txt"]
                .iter()
                .any(|ext| lower.ends_with(ext))
            {
                steps.push(Step::Say(
                    Diagnostic::warning_nowhere(
                        Code::NotAReply,
                        format!("{shown}: not read, only *.md files are replies"),
                    )
                    .help(format!(
                        "rename it to end in .md if it is a reply: {}",
                        fix_extension(&name)
                    )),
                ));
            }
            continue;
        }
        if entry.file_type().is_symlink() && root.is_folder(path) {
            steps.push(Step::Say(Diagnostic::warning_nowhere(
                Code::LinkedFolder,
                format!("{shown}: not read, it links to a folder"),
            )));
            continue;
        }
        let kind = submission::file_kind(&rel);
        if kind == FileKind::Original {
            originals.insert(rel.clone());
        }
        if let FileKind::BadSuffix { suffix, original } = &kind {
            steps.push(Step::Say(bad_suffix(&shown, &name, suffix, original)));
            continue;
        }
        // A link's own stamp says nothing of the file it leads to: it is read every time.
        let linked = entry.file_type().is_symlink();
        steps.push(Step::Read {
            file: (path.to_path_buf(), linked),
            rel,
            shown,
            kind,
        });
    }
    let before = remembered.as_deref();
    let read: Vec<(ReadStep, Option<(PathBuf, Known)>)> = steps
        .into_par_iter()
        .map(|step| match step {
            Step::Read {
                file: (file, linked),
                rel,
                shown,
                kind,
            } => {
                // Looked at before it is read: a change during the read changes the stamp.
                let stamp = before
                    .filter(|_| !linked)
                    .and_then(|_| Stamp::of(&file))
                    .map(|(stamp, _)| stamp);
                let known = before
                    .and_then(|b| b.files.get(&file))
                    .filter(|(was, _)| stamp.as_ref() == Some(was))
                    .map(|(_, text)| Arc::clone(text));
                let (text, kept) = match known {
                    Some(text) => (Ok(String::clone(&text)), Some(text)),
                    None => {
                        let text = root.read_text(&file, MAX_SUBMISSION_BYTES);
                        let kept = text.as_ref().ok().map(|t| Arc::new(t.clone()));
                        (text, kept)
                    }
                };
                let remember = stamp.zip(kept).map(|kept| (file, kept));
                let step = Step::Read {
                    file: text,
                    rel,
                    shown,
                    kind,
                };
                (step, remember)
            }
            Step::Say(diagnostic) => (Step::Say(diagnostic), None),
        })
        .collect();
    let (steps, now): (Vec<ReadStep>, Vec<_>) = read.into_iter().unzip();
    if let Some(remembered) = remembered {
        remembered.files = now.into_iter().flatten().collect();
    }
    // The number of each file read: the next one after those registered before it.
    let mut next = sources.len();
    let numbered: Vec<(Step<Result<String, ReadTextError>>, FileId)> = steps
        .into_iter()
        .map(|step| {
            let id = next;
            if let Step::Read {
                file: Ok(_) | Err(ReadTextError::NotUtf8(_)),
                ..
            } = &step
            {
                next += 1;
            }
            (step, id)
        })
        .collect();
    let done: Vec<Done> = numbered
        .into_par_iter()
        .map(|(step, id)| match step {
            Step::Read {
                file,
                rel,
                shown,
                kind,
            } => prepare(file, id, &rel, &shown, kind, book),
            Step::Say(diagnostic) => Done::said(diagnostic),
        })
        .collect();
    let mut out = Vec::new();
    let mut translations = Vec::new();
    for done in done {
        if let Some((id, file)) = done.file {
            let registered = sources.push(file);
            debug_assert_eq!(registered, id, "a reply file registered out of turn");
        }
        diags.extend(done.diags);
        match done.parsed {
            Some(Parsed::Original(s)) => out.push(s),
            Some(Parsed::Translation(t)) => translations.push(t),
            None => {}
        }
    }
    if out.is_empty() && !diags.has_errors() {
        diags.push(
            Diagnostic::error_nowhere(Code::NoReport, format!("no replies in {shown_dir}"))
                .help("add one Markdown file per reply, e.g. submissions/cri.md"),
        );
    }
    (out, translations, originals)
}

/// `arg.de.md`: a name read as a translation into a language that is not official.
fn bad_suffix(shown: &str, name: &str, suffix: &str, original: &str) -> Diagnostic {
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let languages = crate::language::OFFICIAL.join(", ");
    Diagnostic::error_nowhere(
        Code::TranslationLanguage,
        format!("{shown}: `{suffix}` is not one of the six official languages ({languages})"),
    )
    .help(format!(
        "a file name with a dot before .md is read as a translation, `<original>.<lang>.md` \
         beside {original}: name a translation with one of {languages}, or, if this is a \
         reply of its own, remove the dot (`{}.md`)",
        stem.replace('.', "-")
    ))
}

fn fix_extension(name: &str) -> String {
    let stem = name
        .rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .trim_end_matches(".md");
    format!("{stem}.md")
}

/// A step once its file is read.
type ReadStep = Step<Result<String, ReadTextError>>;

/// What the walk of `submissions/` found at one place: a file (its path and whether it is
/// a link, then what reading it gave), or something to say.
enum Step<F = (PathBuf, bool)> {
    Read {
        file: F,
        rel: String,
        shown: String,
        kind: FileKind,
    },
    Say(Diagnostic),
}

/// The project's settings, as the reading of a reply file depends on them: hashed by the
/// text of book.toml they were read from, for the memoized [`prepare_text`].
struct Book<'a> {
    config: &'a Config,
    text: u64,
}

impl std::hash::Hash for Book<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

/// One reply file read, checked and parsed (on any thread), to register: the file as it
/// will be registered (none if it could not be read), what it said, what it holds.
#[derive(Clone)]
struct Done {
    file: Option<(FileId, Prepared)>,
    diags: Diagnostics,
    parsed: Option<Parsed>,
}

impl Done {
    /// Nothing registered, only something to say.
    fn said(diagnostic: Diagnostic) -> Done {
        let mut diags = Diagnostics::new();
        diags.push(diagnostic);
        Done {
            file: None,
            diags,
            parsed: None,
        }
    }
}

#[derive(Clone)]
enum Parsed {
    Original(Submission),
    Translation(Translation),
}

/// Checks and parses the text read from one reply file, which will be registered as `id`,
/// or says why it could not be read.
fn prepare(
    read: Result<String, ReadTextError>,
    id: FileId,
    rel: &str,
    shown: &str,
    kind: FileKind,
    book: &Book,
) -> Done {
    let text = match read {
        Ok(text) => text,
        Err(ReadTextError::Refused(refusal)) => return Done::said(refusal.diagnostic(shown)),
        Err(ReadTextError::NotUtf8(e)) => {
            let utf16 =
                e.as_bytes().starts_with(&[0xff, 0xfe]) || e.as_bytes().starts_with(&[0xfe, 0xff]);
            let valid = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let file = (id, Sources::prepare(shown, lossy));
            let mut d = not_utf8(id, valid);
            if utf16 {
                d = d.help("this file looks like UTF-16; save it as UTF-8");
            }
            let mut diags = Diagnostics::new();
            diags.push(d);
            return Done {
                file: Some(file),
                diags,
                parsed: None,
            };
        }
    };
    prepare_text(&text, id, rel, shown, &kind, book)
}

/// Checks and parses the text of one reply file. Memoized (with Typst's memoizer, cleared
/// with its caches): a rebuild in `watch` or `serve` parses again only the files that
/// changed, or moved in the numbering of the files.
#[comemo::memoize]
fn prepare_text(
    text: &str,
    id: FileId,
    rel: &str,
    shown: &str,
    kind: &FileKind,
    book: &Book,
) -> Done {
    let config = book.config;
    let mut diags = Diagnostics::new();
    misleading::warn(id, misleading::raw(text), &mut diags);
    let parsed = match kind {
        FileKind::Original => {
            submission::parse(text, id, rel, config, &mut diags).map(Parsed::Original)
        }
        FileKind::Translation { language, original } => {
            submission::parse_translation(text, id, rel, language, original, config, &mut diags)
                .map(Parsed::Translation)
        }
        FileKind::BadSuffix { .. } => None,
    };
    // Characters its body writes as character references, once it is known where it starts.
    let body = match &parsed {
        Some(Parsed::Original(s)) => Some(s.body_offset),
        Some(Parsed::Translation(t)) => Some(t.body_offset),
        None => None,
    };
    if let Some((at, body)) = body.and_then(|at| Some((at, text.get(at..)?))) {
        // One parse of the body for both checks.
        let mut escaped = Vec::new();
        let losses = crate::markdown::losses_seeing(body, |event, span| {
            misleading::in_event(event, span, body, at, &mut escaped);
        });
        misleading::warn(id, escaped, &mut diags);
        for mut lost in losses {
            lost.at = at + lost.at.start..at + lost.at.end;
            let span = lost.at.clone();
            diags.push(lost_diagnostic(id, span, lost));
        }
    }
    // The language its text reads as, against the one it declares.
    if let Some(d) = language_check(id, &parsed) {
        diags.push(d);
    }
    // The summaries are Markdown too; a TOML string's offsets do not map back one to one,
    // so their losses point at the string.
    let summaries: Vec<(&str, Span)> = match &parsed {
        Some(Parsed::Original(s)) => s
            .challenges
            .iter()
            .map(|c| (c.summary.as_str(), c.summary_span.clone()))
            .collect(),
        Some(Parsed::Translation(t)) => t
            .summaries
            .iter()
            .zip(&t.summary_spans)
            .map(|((_, summary), span)| (summary.as_str(), span.clone()))
            .collect(),
        None => Vec::new(),
    };
    for (summary, span) in summaries {
        for lost in crate::markdown::losses(summary) {
            diags.push(lost_diagnostic(id, span.clone(), lost));
        }
    }
    Done {
        file: Some((id, Sources::prepare(shown, text))),
        diags,
        parsed,
    }
}

/// `locales/<lang>.toml`, each parsed and checked against the project.
fn read_locales(
    root: &ReportRoot,
    config: &Config,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Vec<Locale> {
    let dir = root.path().join("locales");
    match root.folder(&dir) {
        Ok(_) => {}
        Err(Refusal::Missing) => return Vec::new(),
        Err(refusal) => {
            diags.push(refusal.diagnostic(&display(root.path(), "locales/")));
            return Vec::new();
        }
    }
    let mut out = Vec::new();
    for path in sorted_files(&dir) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let shown = display(root.path(), &format!("locales/{name}"));
        let Some(lang) = name.strip_suffix(".toml") else {
            continue;
        };
        if root.is_folder(&path) {
            continue;
        }
        if !crate::language::is_official(lang) {
            diags.push(
                Diagnostic::error_nowhere(
                    Code::UnknownLanguage,
                    format!("{shown}: `{lang}` is not one of the six official languages"),
                )
                .help(format!(
                    "name each file of locales/ after the language it words: {}.toml",
                    crate::language::OFFICIAL.join(".toml, ")
                )),
            );
            continue;
        }
        let text = match root.read_text(&path, MAX_BOOK_BYTES) {
            Ok(text) => text,
            Err(ReadTextError::Refused(refusal)) => {
                diags.push(refusal.diagnostic(&shown));
                continue;
            }
            Err(ReadTextError::NotUtf8(e)) => {
                let valid = e.utf8_error().valid_up_to();
                let file = sources.add(shown, String::from_utf8_lossy(e.as_bytes()).into_owned());
                diags.push(not_utf8(file, valid));
                continue;
            }
        };
        let file = sources.add(shown, text);
        let text = sources.text(file).to_string();
        misleading::warn(file, misleading::raw(&text), diags);
        if let Some(l) = locale::parse(&text, file, lang, config, diags) {
            out.push(l);
        }
    }
    out
}

/// The entries of a folder, sorted, or none if it cannot be listed.
fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    paths
}

/// The files of `templates/` that can be templates (`*.j2`) or the site's assets
/// (`*.css`, `*.js`), read under the root's policy.
fn read_templates(root: &ReportRoot, diags: &mut Diagnostics) -> Vec<TemplateFile> {
    let dir = root.path().join("templates");
    match root.folder(&dir) {
        Ok(_) => {}
        Err(Refusal::Missing) => return Vec::new(),
        Err(refusal) => {
            diags.push(refusal.diagnostic(&display(root.path(), "templates")));
            return Vec::new();
        }
    }
    let mut out = Vec::new();
    for path in sorted_files(&dir) {
        let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        if ![".j2", ".css", ".js"].iter().any(|ext| name.ends_with(ext)) || root.is_folder(&path) {
            continue;
        }
        let shown = display(root.path(), &format!("templates/{name}"));
        match root.read_text(&path, MAX_TEMPLATE_BYTES) {
            Ok(source) => out.push(TemplateFile {
                name,
                source,
                shown,
            }),
            Err(ReadTextError::Refused(refusal)) => diags.push(refusal.diagnostic(&shown)),
            Err(ReadTextError::NotUtf8(_)) => diags.push(
                Diagnostic::error_nowhere(
                    Code::NotUtf8,
                    format!("{shown}: the template is not valid UTF-8 text"),
                )
                .help("save it as UTF-8"),
            ),
        }
    }
    out
}

/// The font files (`*.ttf`, `*.otf`, `*.ttc`, `*.otc`) of the `[output.pdf] font-dirs`
/// folders, each of which must be a folder inside the report root.
fn read_fonts(root: &ReportRoot, config: &Config, diags: &mut Diagnostics) -> Vec<FontFile> {
    let Some(pdf) = &config.pdf else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for dir in &pdf.font_dirs {
        let path = root.path().join(dir);
        if let Err(refusal) = root.folder(&path) {
            diags.push(
                Diagnostic::error(Code::RefusedFile, config.file, 0..0, format!("font folder `{}` is not a folder inside the report root: {refusal}", dir.display()))
                    .help("put the font files in a folder of the report, e.g. fonts/, and write font-dirs = [\"fonts\"]"),
            );
            continue;
        }
        for entry in WalkDir::new(&path)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            let path = entry.path();
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if entry.file_type().is_dir() || !["ttf", "otf", "ttc", "otc"].contains(&ext.as_str()) {
                continue;
            }
            let shown = path.display().to_string();
            match root.read(path, MAX_FONT_BYTES) {
                Ok(bytes) => out.push(FontFile { path: shown, bytes }),
                Err(refusal) => diags.push(Diagnostic::warning_nowhere(
                    Code::FontNotUsed,
                    format!("{shown}: font not used: {refusal}"),
                )),
            }
        }
    }
    out
}

/// The largest snapshot of a version read (`--since` an earlier draft's output): a version
/// of a report of 193 replies takes about 2 MB.
const SNAPSHOT_LIMIT: u64 = 64 << 20;

/// The snapshots named `name` of an earlier draft's output folder `out` (see `redline`),
/// for each language that has one: its language, its path as shown, and its text. Read
/// under the policy of `root`, with `out` as the root: inside it, regular files, at most
/// 64 MB. `Err` for a file that is there and cannot be read.
pub fn snapshots(
    out: &Path,
    languages: &[String],
    first: &str,
    name: &str,
) -> Result<Vec<(String, String, String)>, String> {
    let root = ReportRoot::new(out).map_err(|e| format!("`{}`: {e}", out.display()))?;
    let mut found = Vec::new();
    for lang in languages {
        let path = if lang == first {
            out.join(name)
        } else {
            out.join(lang).join(name)
        };
        let shown = path.display().to_string();
        match root.read_text(&path, SNAPSHOT_LIMIT) {
            Ok(text) => found.push((lang.clone(), shown, text)),
            Err(ReadTextError::Refused(Refusal::Missing)) => {}
            Err(ReadTextError::Refused(refusal)) => {
                return Err(format!("`{shown}` is not read: {refusal}"));
            }
            Err(ReadTextError::NotUtf8(_)) => {
                return Err(format!("`{shown}` is not UTF-8 text"));
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testroot::{reply, write};
    use std::fs;

    #[test]
    fn a_load_again_reads_what_changed_even_with_its_time_set_back() {
        let dir = tempfile::tempdir().unwrap();
        let body = |text: &str| reply("Chile", "2019-04-01", "en", &[]) + text;
        write(
            dir.path(),
            &[("submissions/chl.md", &body("The first text.\n"))],
        );
        let text_of =
            |loaded: &Loaded| loaded.project.as_ref().unwrap().submissions[0].body.clone();
        let mut remembered = Remembered::default();
        let first = load_again(dir.path(), &mut remembered);
        assert!(text_of(&first).contains("The first text."));
        assert_eq!(remembered.files.len(), 1, "the file read is remembered");

        // Rewritten with a text of the same length, its modification time put back: the
        // change time still tells.
        let path = dir.path().join("submissions/chl.md");
        let modified = fs::metadata(&path).unwrap().modified().unwrap();
        fs::write(&path, body("The other text")).unwrap();
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        let second = load_again(dir.path(), &mut remembered);
        assert!(
            text_of(&second).contains("The other text"),
            "{}",
            text_of(&second)
        );
        // Unchanged: the remembered text, the same problems, the same numbering.
        let third = load_again(dir.path(), &mut remembered);
        assert_eq!(text_of(&third), text_of(&second));
        assert_eq!(third.diagnostics.len(), second.diagnostics.len());
    }

    #[test]
    fn a_root_reads_into_replies_and_translations_and_reports_every_problem() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            &[
                (
                    "submissions/chl.md",
                    &reply("Chile", "2019-04-01", "es", &["evidence"]),
                ),
                (
                    "submissions/chl.fr.md",
                    "+++\nstatus = \"final\"\n+++\n\nLa réponse.\n",
                ),
                (
                    "submissions/nested/arg.md",
                    &reply("Argentina", "2019-04-02", "es", &[]),
                ),
                // Two problems in two files: both are reported.
                (
                    "submissions/xxx.md",
                    &reply("Atlantis", "2019-04-01", "en", &[]),
                ),
                ("submissions/per.fr.md", "La traduction sans original.\n"),
            ],
        );
        let loaded = load(dir.path());
        let project = loaded.project.as_ref().unwrap();
        let states: Vec<&str> = project.submissions.iter().map(|s| s.state.iso3).collect();
        assert_eq!(states, ["CHL", "ARG"]);
        let chl: Vec<&str> = project
            .translations
            .iter()
            .filter(|t| t.original == "submissions/chl.md")
            .map(|t| t.language.as_str())
            .collect();
        assert_eq!(chl, ["fr"]);
        let text = loaded.sources.render_plain(&loaded.diagnostics);
        assert!(text.contains("submissions/xxx.md"), "{text}");
        assert!(text.contains("submissions/per.fr.md"), "{text}");
        assert!(loaded.diagnostics.has_errors());
    }
}
