//! Diagnostics: every problem the build finds, collected rather than returned early.
//!
//! Each stage pushes [`Diagnostic`]s into a [`Diagnostics`] list; the command prints the whole
//! list at the end, sorted by file and position, with the offending line underlined (through
//! codespan-reporting, the crate Typst's own diagnostics use), then decides the exit code.
//! Spans are byte ranges into the text registered in [`Sources`]. Nothing here reads files.

use std::borrow::Cow;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, LabelStyle};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};

pub use crate::codes::Code;
use crate::invisible;

/// A byte range in one source file.
pub type Span = Range<usize>;

/// Index of a file registered in [`Sources`].
pub type FileId = usize;

/// A value together with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// How bad a problem is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    /// A warning whose code `[lints]` allows, printed with `--verbose` only.
    Note,
}

/// A secondary place that explains the problem (the other file of a duplicate, say).
#[derive(Debug, Clone)]
pub struct Related {
    pub file: FileId,
    pub span: Span,
    pub message: String,
}

/// One problem, with where it is and how to fix it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Its stable code (`late-reply`): printed with it, and what `[lints]` levels.
    pub code: Code,
    /// The file and span the problem is in; `None` for problems with no place (I/O).
    pub at: Option<(FileId, Span)>,
    pub message: String,
    /// Short text printed under the underlined span.
    pub label: String,
    pub related: Vec<Related>,
    /// "help: ..." lines: what to write instead.
    pub help: Vec<String>,
}

impl Diagnostic {
    pub fn error(code: Code, file: FileId, span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, Some((file, span)), message)
    }

    pub fn warning(code: Code, file: FileId, span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, Some((file, span)), message)
    }

    /// A problem that belongs to no place in a file, such as an unreadable directory.
    pub fn error_nowhere(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, None, message)
    }

    pub fn warning_nowhere(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, None, message)
    }

    fn new(
        severity: Severity,
        code: Code,
        at: Option<(FileId, Span)>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            code,
            at,
            message: message.into(),
            label: String::new(),
            related: Vec::new(),
            help: Vec::new(),
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    pub fn related(mut self, file: FileId, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            file,
            span,
            message: message.into(),
        });
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The list of problems found so far.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.list.push(diagnostic);
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.list
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.list.extend(other.list);
    }

    /// Adds copies of `list` (problems an earlier build found and kept).
    pub fn extend_from(&mut self, list: &[Diagnostic]) {
        self.list.extend_from_slice(list);
    }

    pub fn errors(&self) -> usize {
        self.list.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.list.len() - self.errors()
    }

    pub fn has_errors(&self) -> bool {
        self.list.iter().any(Diagnostic::is_error)
    }

    /// For `--deny-warnings`: if there are warnings (codes at the level "warn"), adds an
    /// error that says so and names their codes.
    pub fn deny_warnings(&mut self) {
        let n = self.warnings();
        if n == 0 {
            return;
        }
        let mut codes: Vec<&str> = self
            .list
            .iter()
            .filter(|d| !d.is_error())
            .map(|d| d.code.name())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        self.push(
            Diagnostic::error_nowhere(
                Code::WarningsDenied,
                format!(
                    "{n} {} denied by --deny-warnings ({})",
                    if n == 1 { "warning" } else { "warnings" },
                    codes.join(", ")
                ),
            )
            .help(
                "fix the warnings above; or, if one states a fact the report should carry, \
                 allow its code in book.toml ([lints] CODE = \"allow\"; `report explain CODE` \
                 says what it means)",
            ),
        );
    }

    /// A copy holding only the errors.
    pub fn only_errors(&self) -> Diagnostics {
        Diagnostics {
            list: self.list.iter().filter(|d| d.is_error()).cloned().collect(),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.list.iter()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Orders the list as an editor reads it: file by file (in the order files were
    /// registered, which is path order), then by position; placeless problems first.
    pub fn sort(&mut self) {
        self.list.sort_by(|a, b| {
            let key = |d: &Diagnostic| d.at.as_ref().map(|(f, s)| (*f, s.start, s.end));
            key(a).cmp(&key(b)).then(a.severity.cmp(&b.severity))
        });
    }

    /// A one-line count for the end of a run: "2 errors, 1 warning".
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("1 {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        format!(
            "{}, {}",
            plural(self.errors(), "error"),
            plural(self.warnings(), "warning")
        )
    }
}

/// The text of every file a diagnostic may point into, under the path the editor knows it by.
///
/// What is printed never holds a control or bidirectional character raw (a reply could
/// otherwise send escape sequences to the terminal, or make a quoted line read
/// differently): quoted lines show them as `?` or `\u{fffd}` (same length, so spans stay
/// valid), names and messages as `\u{202e}` escapes.
#[derive(Debug, Clone)]
pub struct Sources {
    /// The files as printed.
    files: SimpleFiles<String, String>,
    /// The text as read, for the files whose printed text differs.
    raw: Vec<Option<String>>,
    count: usize,
}

/// A file ready to be registered (see [`Sources::prepare`]).
#[derive(Debug, Clone)]
pub struct Prepared {
    name: String,
    /// The text as printed.
    shown: String,
    /// The text as read, when it differs.
    raw: Option<String>,
}

impl Default for Sources {
    fn default() -> Self {
        Sources {
            files: SimpleFiles::new(),
            raw: Vec::new(),
            count: 0,
        }
    }
}

impl Sources {
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers a file's text under its display name and returns its id.
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        self.push(Self::prepare(name, text))
    }

    /// A file's name and text made ready to register: what [`Sources::add`] does before it
    /// numbers the file, which needs no set of files (so many can be prepared at once).
    pub fn prepare(name: impl Into<String>, text: impl Into<String>) -> Prepared {
        let (name, text) = (name.into(), text.into());
        let name = invisible::terminal_safe(&name).into_owned();
        match invisible::same_length_visible(&text) {
            Cow::Borrowed(_) => Prepared {
                name,
                shown: text,
                raw: None,
            },
            Cow::Owned(shown) => Prepared {
                name,
                shown,
                raw: Some(text),
            },
        }
    }

    /// Registers a prepared file and returns its id (the next: the number of files so far).
    pub fn push(&mut self, file: Prepared) -> FileId {
        self.count += 1;
        self.raw.push(file.raw);
        self.files.add(file.name, file.shown)
    }

    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Like [`Sources::absorb`], for `other` made as a copy of this set when it held
    /// `base` files: those keep their ids, the files added after them are added here.
    pub fn absorb_since(
        &mut self,
        base: usize,
        other: &Sources,
        diags: Diagnostics,
        into: &mut Diagnostics,
    ) {
        let ids: Vec<FileId> = (0..other.count)
            .map(|id| {
                if id < base {
                    id
                } else {
                    self.add(other.name(id), other.text(id))
                }
            })
            .collect();
        for mut d in diags.list {
            if let Some((file, _)) = &mut d.at {
                *file = ids[*file];
            }
            for r in &mut d.related {
                r.file = ids[r.file];
            }
            into.push(d);
        }
    }

    /// Takes over the files of `other` (filled by another thread) and the diagnostics that
    /// point into them, renumbered to point into `self`.
    pub fn absorb(&mut self, other: &Sources, diags: Diagnostics, into: &mut Diagnostics) {
        self.absorb_since(0, other, diags, into);
    }

    pub fn name(&self, file: FileId) -> &str {
        self.files
            .get(file)
            .map(|f| f.name().as_str())
            .unwrap_or("?")
    }

    /// The text of a file as it was read.
    pub fn text(&self, file: FileId) -> &str {
        if let Some(Some(raw)) = self.raw.get(file) {
            return raw;
        }
        self.files
            .get(file)
            .map(|f| f.source().as_str())
            .unwrap_or("")
    }

    /// Prints every diagnostic, in order, to `out`.
    pub fn emit(
        &self,
        diagnostics: &Diagnostics,
        out: &mut dyn termcolor::WriteColor,
    ) -> std::io::Result<()> {
        let config = term::Config::default();
        for diagnostic in diagnostics.iter() {
            let report = self.to_report(diagnostic);
            if let Err(err) = term::emit(out, &config, &self.files, &report) {
                writeln!(out, "{}: {err}", diagnostic.message)?;
            }
        }
        Ok(())
    }

    /// The diagnostics as plain text, as printed without colours (for tests and logs).
    pub fn render_plain(&self, diagnostics: &Diagnostics) -> String {
        let mut buffer = termcolor::NoColor::new(Vec::new());
        self.emit(diagnostics, &mut buffer)
            .expect("writing to memory cannot fail");
        String::from_utf8_lossy(&buffer.into_inner()).into_owned()
    }

    fn to_report(&self, d: &Diagnostic) -> Report<FileId> {
        let report = match d.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
            Severity::Note => Report::note(),
        };
        let safe = |text: &str| invisible::terminal_safe(text).into_owned();
        let mut labels = Vec::new();
        if let Some((file, span)) = &d.at {
            let span = self.clamp(*file, span.clone());
            labels.push(Label::new(LabelStyle::Primary, *file, span).with_message(safe(&d.label)));
        }
        for r in &d.related {
            let span = self.clamp(r.file, r.span.clone());
            labels.push(
                Label::new(LabelStyle::Secondary, r.file, span).with_message(safe(&r.message)),
            );
        }
        report
            .with_code(d.code.name())
            .with_message(safe(&d.message))
            .with_labels(labels)
            .with_notes(
                d.help
                    .iter()
                    .map(|h| format!("help: {}", safe(h)))
                    .collect(),
            )
    }

    /// Keeps a span inside its file and on character boundaries, so printing never fails.
    fn clamp(&self, file: FileId, span: Span) -> Span {
        let text = self
            .files
            .get(file)
            .map(|f| f.source().as_str())
            .unwrap_or("");
        let mut start = span.start.min(text.len());
        let mut end = span.end.clamp(start, text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        while !text.is_char_boundary(end) {
            end += 1;
        }
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_path_line_column_and_help() {
        let mut sources = Sources::new();
        let file = sources.add("submissions/x.md", "+++\nstate = \"Turky\"\n+++\n");
        let mut diags = Diagnostics::new();
        diags.push(
            Diagnostic::error(Code::UnknownState, file, 12..19, "unknown State \"Turky\"")
                .label("not a Member State")
                .help("did you mean \"Türkiye\"?"),
        );
        let text = sources.render_plain(&diags);
        assert!(
            text.contains("error[unknown-state]: unknown State \"Turky\""),
            "{text}"
        );
        assert!(text.contains("submissions/x.md:2:9"), "{text}");
        assert!(text.contains("^^^^^^^ not a Member State"), "{text}");
        assert!(text.contains("help: did you mean \"Türkiye\"?"), "{text}");
    }

    #[test]
    fn control_and_bidi_characters_never_reach_the_terminal_raw() {
        let mut sources = Sources::new();
        let text = "+++\nstate = \"Chile\u{202e}\u{1b}[2J\"\n+++\n";
        let file = sources.add("submissions/\u{1b}]0;x\u{7}.md", text);
        assert_eq!(
            sources.text(file),
            text,
            "the text as read is kept for parsing"
        );
        let mut diags = Diagnostics::new();
        diags.push(
            Diagnostic::warning(
                Code::UnknownState,
                file,
                10..30,
                "unknown State \"Chile\u{202e}\u{1b}[2J\"",
            )
            .help("\u{1b}[31mred"),
        );
        let printed = sources.render_plain(&diags);
        assert!(
            !printed.contains(['\u{1b}', '\u{202e}', '\u{7}']),
            "{printed}"
        );
        assert!(printed.contains("\\u{202e}\\u{1b}[2J"), "{printed}");
        assert!(
            printed.contains("submissions/\\u{1b}]0;x\\u{7}.md:2:"),
            "{printed}"
        );
    }

    #[test]
    fn sorts_by_file_then_position() {
        let mut diags = Diagnostics::new();
        diags.push(Diagnostic::error(Code::Io, 1, 5..6, "b"));
        diags.push(Diagnostic::warning(Code::Alias, 0, 9..10, "a2"));
        diags.push(Diagnostic::error(Code::Io, 0, 1..2, "a1"));
        diags.sort();
        let order: Vec<_> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(order, ["a1", "a2", "b"]);
        assert_eq!(diags.summary(), "2 errors, 1 warning");
    }
}
