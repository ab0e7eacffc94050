//! One reply file -> [`Submission`]: split the `+++` front matter from the Markdown body,
//! read the front matter field by field, and check each value against the registry of
//! States, the ISO 639-1 codes and the categories of `book.toml`.
//!
//! Every problem of the file is pushed as a diagnostic pointing into the file. The returned
//! submission (if the State and date could be read) carries defaults where a field was bad,
//! so checks across files (duplicates) still run; the build fails on the errors anyway.
//! The body is kept as written: it is data and is never interpreted here.

use serde::Serialize;

use crate::codes::Code;
use crate::collate;
use crate::config::{self, Config};
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics, FileId, Span, Spanned};
use crate::language;
use crate::registry::{self, MemberState, Resolution};
use crate::tomlread::{self, Table};

/// A reply of one State, validated.
#[derive(Debug, Clone)]
pub struct Submission {
    pub file: FileId,
    /// Path relative to the report root, with `/` separators ("submissions/arg.md").
    pub path: String,
    pub state: &'static MemberState,
    pub state_span: Span,
    pub received: Date,
    /// ISO 639-1 code of the original language.
    pub language: String,
    /// Where `language =` gives it, if it does (the default is English).
    pub language_span: Option<Span>,
    pub reference: Option<String>,
    pub status: Status,
    pub note: Option<String>,
    pub challenges: Vec<Challenge>,
    /// The reply's Markdown text, after the front matter.
    pub body: String,
    /// Byte offset of the body in the file, to point diagnostics into it.
    pub body_offset: usize,
}

/// A translation of a reply: `arg.en.md` beside `arg.md`. Its language is its file name's
/// suffix; what belongs to the reply (State, date, language, themes) is the original's.
#[derive(Debug, Clone)]
pub struct Translation {
    pub file: FileId,
    /// Path relative to the report root ("submissions/arg.en.md").
    pub path: String,
    /// The path its original must have ("submissions/arg.md").
    pub original: String,
    /// The language it is written in: one of the six official languages.
    pub language: String,
    pub status: Status,
    pub note: Option<String>,
    pub translator: Option<String>,
    /// Translated summaries: category id and Markdown, in file order.
    pub summaries: Vec<(String, String)>,
    /// Where each summary's category is named, in the same order.
    pub summary_spans: Vec<Span>,
    pub body: String,
    pub body_offset: usize,
}

/// What a reply file's name says it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// `arg.md`: a reply as received.
    Original,
    /// `arg.en.md`: a translation into an official language; the path of its original.
    Translation { language: String, original: String },
    /// `arg.de.md`: a suffix that is not one of the six official languages.
    BadSuffix { suffix: String, original: String },
}

/// Reads a reply file's path (relative to the report root, ending in `.md`): a name with
/// a dot before `.md` is a translation.
pub fn file_kind(path: &str) -> FileKind {
    let stem_path = path.strip_suffix(".md").unwrap_or(path);
    let (dir, name) = match stem_path.rsplit_once('/') {
        Some((dir, name)) => (format!("{dir}/"), name),
        None => (String::new(), stem_path),
    };
    // A name that starts with a dot (or is only a suffix) is not a translation.
    match name.rsplit_once('.') {
        Some((stem, suffix)) if !stem.is_empty() => {
            let original = format!("{dir}{stem}.md");
            let language = suffix.to_ascii_lowercase();
            if language::is_official(&language) {
                FileKind::Translation { language, original }
            } else {
                FileKind::BadSuffix {
                    suffix: suffix.to_string(),
                    original,
                }
            }
        }
        _ => FileKind::Original,
    }
}

/// One challenge a reply raises, as the editor summarised it.
#[derive(Debug, Clone)]
pub struct Challenge {
    pub category: String,
    /// Themes as written, trimmed and with white space collapsed.
    pub themes: Vec<String>,
    /// The editor's summary, Markdown.
    pub summary: String,
    /// Where the summary is written in the file.
    pub summary_span: Span,
    /// Where the category is named in the file.
    pub category_span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Final,
    Draft,
}

const KEYS: &[&str] = &[
    "state",
    "received",
    "language",
    "reference",
    "status",
    "note",
    "challenges",
];
const CHALLENGE_KEYS: &[&str] = &["category", "themes", "summary"];

/// The keys of a translation's front matter, then those that belong to its original.
const TRANSLATION_KEYS: &[&str] = &[
    "status",
    "note",
    "translator",
    "challenges",
    "state",
    "received",
    "language",
    "reference",
];
const ORIGINAL_ONLY: &[&str] = &["state", "received", "language", "reference"];
const TRANSLATED_CHALLENGE_KEYS: &[&str] = &["category", "summary", "themes"];

/// What the front matter of a new reply looks like, for hints.
const SKELETON: &str = "+++\nstate = \"Costa Rica\"\nreceived = 2019-04-30\nlanguage = \"es\"\n\n[[challenges]]\ncategory = \"international-cooperation\"\nthemes = [\"mutual legal assistance\"]\nsummary = \"...\"\n+++\n\nText of the reply.";

/// The parts of a reply file.
struct Parts<'t> {
    front_matter: &'t str,
    front_matter_offset: usize,
    /// The span of the opening `+++` line, where missing-key errors point.
    opening: Span,
    body: &'t str,
    body_offset: usize,
}

/// Splits `+++` front matter from the body, or explains what is wrong.
fn split<'t>(text: &'t str, file: FileId, diags: &mut Diagnostics) -> Option<Parts<'t>> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    if text[start..].trim().is_empty() {
        diags.push(
            Diagnostic::error(
                Code::FrontMatter,
                file,
                0..0,
                "empty file: a reply needs front matter and text",
            )
            .help(format!("start from this:\n{SKELETON}")),
        );
        return None;
    }
    let mut lines = line_spans(text, start);
    let (first, first_end) = lines.next().expect("text is not empty");
    let first_line = text[first.clone()].trim_end();
    if first_line != "+++" {
        let mut d = Diagnostic::error(
            Code::FrontMatter,
            file,
            first.clone(),
            "missing front matter: the file must start with a `+++` line",
        )
        .label("expected `+++` here");
        if first_line == "---" {
            d = d.help("front matter is TOML between `+++` lines, not YAML between `---` lines");
        } else {
            d = d.help(format!(
                "put the reply's metadata first, like this:\n{SKELETON}"
            ));
        }
        diags.push(d);
        return None;
    }
    for (line, end) in lines {
        if text[line.clone()].trim_end() == "+++" {
            return Some(Parts {
                front_matter: &text[first_end..line.start],
                front_matter_offset: first_end,
                opening: first,
                body: &text[end..],
                body_offset: end,
            });
        }
    }
    diags.push(
        Diagnostic::error(
            Code::FrontMatter,
            file,
            first,
            "the front matter is never closed",
        )
        .label("opened here")
        .help("add a line with only `+++` after the last line of front matter"),
    );
    None
}

/// Each line's span (without its line break) and the offset where the next line starts.
fn line_spans(text: &str, start: usize) -> impl Iterator<Item = (Span, usize)> + '_ {
    let mut pos = start;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let rest = &text[pos..];
        let (len, next) = match rest.find('\n') {
            Some(i) => (i, pos + i + 1),
            None => (rest.len(), text.len()),
        };
        let line = pos..pos + len;
        pos = next;
        Some((line, next))
    })
}

/// Reads one reply. `path` is relative to the report root.
pub fn parse(
    text: &str,
    file: FileId,
    path: &str,
    config: &Config,
    diags: &mut Diagnostics,
) -> Option<Submission> {
    let parts = split(text, file, diags)?;
    let doc = tomlread::parse_document(parts.front_matter, file, parts.front_matter_offset, diags)?;
    let fm = Table::new(
        &doc,
        file,
        parts.front_matter_offset,
        "the front matter",
        parts.opening.clone(),
        KEYS,
    );
    fm.reject_unknown_keys(diags);

    let state = fm
        .required_string("state", "state = \"Costa Rica\"", diags)
        .and_then(|s| resolve_state(file, &s.value, s.span.clone(), diags).map(|st| (st, s.span)));
    let received = fm.required_date("received", diags);
    let (language, language_span) = read_language(&fm, diags);
    let reference = fm
        .string("reference", "reference = \"Note verbale 123/2019\"", diags)
        .map(|s| s.value);
    let note = fm
        .string("note", "note = \"Translated from Spanish\"", diags)
        .map(|s| s.value);
    let status = read_status(&fm, diags);
    let challenges = read_challenges(&fm, config, diags);

    if parts.body.trim().is_empty() {
        diags.push(
            Diagnostic::warning(
                Code::EmptyReply,
                file,
                parts.body_offset..parts.body_offset,
                "the reply has no text",
            )
            .label("nothing after the front matter")
            .help("paste the reply's text after the closing `+++` line"),
        );
    }

    if let Some(received) = &received {
        check_received(file, received.value, received.span.clone(), config, diags);
    }

    let ((state, state_span), received) = (state?, received?);
    Some(Submission {
        file,
        path: path.to_string(),
        state,
        state_span,
        received: received.value,
        language,
        language_span,
        reference,
        status,
        note,
        challenges,
        body: parts.body.to_string(),
        body_offset: parts.body_offset,
    })
}

/// Reads one translation (`path` relative to the report root, `language` and `original`
/// from its file name). Its front matter is optional.
pub fn parse_translation(
    text: &str,
    file: FileId,
    path: &str,
    language: &str,
    original: &str,
    config: &Config,
    diags: &mut Diagnostics,
) -> Option<Translation> {
    let mut translation = Translation {
        file,
        path: path.to_string(),
        original: original.to_string(),
        language: language.to_string(),
        status: Status::Final,
        note: None,
        translator: None,
        summaries: Vec::new(),
        summary_spans: Vec::new(),
        body: String::new(),
        body_offset: 0,
    };
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let has_front_matter = text[start..]
        .lines()
        .next()
        .is_some_and(|l| l.trim_end() == "+++");
    if !has_front_matter {
        translation.body = text[start..].to_string();
        translation.body_offset = start;
    } else {
        let parts = split(text, file, diags)?;
        let doc =
            tomlread::parse_document(parts.front_matter, file, parts.front_matter_offset, diags)?;
        let fm = Table::new(
            &doc,
            file,
            parts.front_matter_offset,
            "a translation's front matter",
            parts.opening.clone(),
            TRANSLATION_KEYS,
        );
        fm.reject_unknown_keys(diags);
        for key in ORIGINAL_ONLY {
            if let Some(span) = fm.key_span(key) {
                diags.push(belongs_to_original(file, span, key, original));
            }
        }
        translation.status = read_status(&fm, diags);
        translation.note = fm
            .string("note", "note = \"Translated by the Secretariat\"", diags)
            .map(|s| s.value);
        translation.translator = fm
            .string("translator", "translator = \"Translation Service\"", diags)
            .map(|s| s.value);
        for t in fm.tables("challenges", TRANSLATED_CHALLENGE_KEYS, diags) {
            t.reject_unknown_keys(diags);
            if let Some(span) = t.key_span("themes") {
                diags.push(belongs_to_original(file, span, "themes", original));
            }
            let category = t.required_string(
                "category",
                "category = \"international-cooperation\"",
                diags,
            );
            let summary =
                t.required_string("summary", "summary = \"The translated summary.\"", diags);
            let (Some(category), Some(summary)) = (category, summary) else {
                continue;
            };
            if config.category(&category.value).is_none() {
                diags.push(unknown_category(file, &category, config));
                continue;
            }
            // A second summary of a category would never be printed.
            if let Some(at) = translation
                .summaries
                .iter()
                .position(|(c, _)| *c == category.value)
            {
                diags.push(
                    Diagnostic::error(
                        Code::DuplicateCategory,
                        file,
                        category.span.clone(),
                        format!(
                            "category \"{}\" is summarised twice in this translation",
                            category.value
                        ),
                    )
                    .label("second time")
                    .related(file, translation.summary_spans[at].clone(), "first time")
                    .help("keep one [[challenges]] entry per category"),
                );
                continue;
            }
            translation.summaries.push((category.value, summary.value));
            translation.summary_spans.push(category.span);
        }
        translation.body = parts.body.to_string();
        translation.body_offset = parts.body_offset;
    }
    // An empty text is said by `validate`, which knows the original's language.
    Some(translation)
}

/// An error at a `category` that book.toml does not define, with the closest id.
fn unknown_category(file: FileId, category: &Spanned<String>, config: &Config) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::UnknownCategory,
        file,
        category.span.clone(),
        format!("unknown category \"{}\"", category.value),
    )
    .label("not defined in book.toml");
    let ids = config.categories.iter().map(|c| c.id.as_str());
    if let Some(close) = collate::closest(&category.value, ids) {
        d = d.help(format!("did you mean \"{close}\"?"));
    }
    d
}

fn belongs_to_original(file: FileId, span: Span, key: &str, original: &str) -> Diagnostic {
    Diagnostic::error(
        Code::TranslationKey,
        file,
        span,
        format!("`{key}` belongs to the original reply, not to a translation"),
    )
    .label("not allowed in a translation")
    .help(format!(
        "delete this line: the translation takes `{key}` from {original}; a translation's \
         front matter may hold only status, note, translator and [[challenges]] with \
         category and summary"
    ))
}

fn resolve_state(
    file: FileId,
    written: &str,
    span: Span,
    diags: &mut Diagnostics,
) -> Option<&'static MemberState> {
    match registry::resolve(written) {
        Resolution::Exact(state) => Some(state),
        Resolution::Alias(state) => {
            diags.push(
                Diagnostic::warning(
                    Code::Alias,
                    file,
                    span,
                    format!("\"{written}\" is not the UN short name of {}", state.name),
                )
                .label(format!("read as {}", state.name))
                .help(format!(
                    "write state = \"{}\" (or \"{}\")",
                    state.name, state.iso3
                )),
            );
            Some(state)
        }
        Resolution::Unknown(suggestions) => {
            let mut d = Diagnostic::error(
                Code::UnknownState,
                file,
                span,
                format!("unknown State \"{written}\""),
            )
            .label("not a Member State or observer State of the United Nations");
            if !suggestions.is_empty() {
                let names: Vec<String> = suggestions.iter().map(|n| format!("\"{n}\"")).collect();
                d = d.help(format!("did you mean {}?", names.join(" or ")));
            }
            diags.push(d.help(
                "write the UN short name (\"Bolivia (Plurinational State of)\") or the ISO \
                 alpha-3 code (\"BOL\")",
            ));
            None
        }
    }
}

fn read_language(fm: &Table, diags: &mut Diagnostics) -> (String, Option<Span>) {
    let Some(lang) = fm.string("language", "language = \"es\"", diags) else {
        return ("en".into(), None);
    };
    let Some(code) = config::check_language(fm.file(), &lang.value, lang.span.clone(), diags)
    else {
        return ("en".into(), None);
    };
    let span = Some(lang.span.clone());
    if !language::is_official(&code) {
        let name = language::name(&code).unwrap_or("?");
        diags.push(
            Diagnostic::warning(
                Code::UnofficialLanguage,
                fm.file(),
                lang.span,
                format!("{name} is not an official language of the United Nations"),
            )
            .label(format!("printed as [Original: {name}]"))
            .help("if the text is a translation, give the language of the original reply"),
        );
    }
    (code, span)
}

fn read_status(fm: &Table, diags: &mut Diagnostics) -> Status {
    let Some(status) = fm.string("status", "status = \"final\"", diags) else {
        return Status::Final;
    };
    match status.value.as_str() {
        "final" => Status::Final,
        "draft" => Status::Draft,
        other => {
            let mut d = Diagnostic::error(
                Code::InvalidValue,
                fm.file(),
                status.span,
                format!("unknown status \"{other}\""),
            )
            .label("expected \"final\" or \"draft\"");
            if let Some(close) = collate::closest(other, ["final", "draft"]) {
                d = d.help(format!("did you mean \"{close}\"?"));
            }
            diags.push(d.help("write status = \"final\" (the default) or status = \"draft\""));
            Status::Final
        }
    }
}

fn read_challenges(fm: &Table, config: &Config, diags: &mut Diagnostics) -> Vec<Challenge> {
    let mut out: Vec<(Challenge, Span)> = Vec::new();
    for t in fm.tables("challenges", CHALLENGE_KEYS, diags) {
        t.reject_unknown_keys(diags);
        let category = t.required_string(
            "category",
            "category = \"international-cooperation\"",
            diags,
        );
        let themes = read_themes(&t, diags);
        let summary = t.required_string("summary", "summary = \"One or two sentences.\"", diags);
        let Some(category) = category else { continue };
        if config.category(&category.value).is_none() {
            let d = unknown_category(t.file(), &category, config);
            diags.push(d.help(format!("valid categories: {}", config.category_ids())));
            continue;
        }
        if let Some((_, first)) = out.iter().find(|(c, _)| c.category == category.value) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateCategory,
                    t.file(),
                    category.span.clone(),
                    format!(
                        "category \"{}\" appears twice in this reply",
                        category.value
                    ),
                )
                .label("second time")
                .related(t.file(), first.clone(), "first time")
                .help("merge the two [[challenges]] entries into one"),
            );
            continue;
        }
        let summary_span = summary
            .as_ref()
            .map_or(category.span.clone(), |s| s.span.clone());
        out.push((
            Challenge {
                category: category.value,
                themes,
                summary: summary.map(|s| s.value).unwrap_or_default(),
                summary_span,
                category_span: category.span.clone(),
            },
            category.span,
        ));
    }
    out.into_iter().map(|(c, _)| c).collect()
}

fn read_themes(t: &Table, diags: &mut Diagnostics) -> Vec<String> {
    let example = "themes = [\"ransomware\", \"online fraud\"]";
    if !t.require("themes", example, diags) {
        return Vec::new();
    }
    let Some(list) = t.string_list("themes", example, diags) else {
        return Vec::new();
    };
    if list.value.is_empty() {
        diags.push(
            Diagnostic::error(
                Code::InvalidValue,
                t.file(),
                list.span.clone(),
                "`themes` is empty",
            )
            .label("no theme")
            .help(format!("name at least one theme: {example}")),
        );
    }
    let mut themes: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for theme in list.value {
        let clean = collate::clean_theme(&theme.value);
        if clean.is_empty() {
            diags.push(
                Diagnostic::error(Code::InvalidValue, t.file(), theme.span, "empty theme")
                    .label("a theme must have words")
                    .help("remove the empty string from the list"),
            );
        } else if !seen.insert(collate::theme_key(&clean)) {
            diags.push(
                Diagnostic::warning(
                    Code::DuplicateTheme,
                    t.file(),
                    theme.span,
                    format!("theme \"{clean}\" is listed twice"),
                )
                .label("counted once")
                .help("remove the repeated theme"),
            );
        } else {
            themes.push(clean);
        }
    }
    themes
}

fn check_received(
    file: FileId,
    received: Date,
    span: Span,
    config: &Config,
    diags: &mut Diagnostics,
) {
    let report = &config.report;
    if let Some(mandate) = report.mandate_earliest().filter(|m| received < *m) {
        let given = match report.mandate_date {
            Some(_) => format!("resolution {} ({})", report.mandate, mandate.long()),
            None => format!(
                "resolution {}, adopted no earlier than {}",
                report.mandate,
                mandate.long()
            ),
        };
        diags.push(
            Diagnostic::warning(Code::BeforeMandate,
                file,
                span,
                format!(
                    "received {}, before the mandate that asked for the views: {given}",
                    received.long()
                ),
            )
            .label("earlier than the request")
            .help("check the date the reply reached the Secretariat (or [report] mandate-date in book.toml)"),
        );
    } else if received > report.date {
        diags.push(
            Diagnostic::warning(
                Code::AfterReportDate,
                file,
                span,
                format!(
                    "received {} is after the report's date ({})",
                    received.long(),
                    report.date.long()
                ),
            )
            .label("later than the report")
            .help("check the date the reply reached the Secretariat"),
        );
    } else if let Some(cutoff) = report.cutoff.filter(|c| received > *c) {
        diags.push(
            Diagnostic::warning(
                Code::LateReply,
                file,
                span,
                format!(
                    "received after the cutoff of {}: listed as a late reply",
                    cutoff.long()
                ),
            )
            .label("late reply"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Sources;

    fn config() -> (Sources, Config) {
        let mut sources = Sources::new();
        let text = "[book]\ntitle = \"T\"\n[report]\nsymbol = \"A/74/130\"\nsession = 74\ndate = 2019-07-30\nmandate = \"73/187\"\ncutoff = 2019-05-31\n[[categories]]\nid = \"jurisdiction\"\ntitle = \"J\"\n";
        let file = sources.add("book.toml", text);
        let mut diags = Diagnostics::new();
        let config = Config::parse(text, file, &mut diags).unwrap();
        assert!(diags.is_empty(), "{}", sources.render_plain(&diags));
        (sources, config)
    }

    fn read(text: &str) -> (Option<Submission>, String) {
        let (mut sources, config) = config();
        let file = sources.add("submissions/x.md", text);
        let mut diags = Diagnostics::new();
        let s = parse(text, file, "submissions/x.md", &config, &mut diags);
        (s, sources.render_plain(&diags))
    }

    #[test]
    fn reads_a_valid_reply() {
        let (s, out) = read(
            "\u{feff}+++\r\nstate = \"CRI\"\r\nreceived = 2019-04-30\r\nlanguage = \"es\"\r\n[[challenges]]\r\ncategory = \"jurisdiction\"\r\nthemes = [\" Cloud   storage \"]\r\nsummary = \"S\"\r\n+++\r\nTexto.\r\n",
        );
        let s = s.expect(&out);
        assert_eq!(out, "");
        assert_eq!(s.state.name, "Costa Rica");
        assert_eq!(s.language, "es");
        assert_eq!(s.challenges[0].themes, ["Cloud storage"]);
        assert_eq!(s.body, "Texto.\r\n");
        assert_eq!(s.status, Status::Final);
    }

    #[test]
    fn reports_every_problem_of_a_file() {
        let (_, out) = read(
            "+++\nstate = \"Turkey\"\nreceived = \"2019-04-30\"\nlanguage = \"Spanish\"\nstatus = \"finale\"\nnotes = \"x\"\n[[challenges]]\ncategory = \"jurisdictoin\"\nthemes = [\"\"]\n+++\n",
        );
        for expected in [
            "warning[alias]: \"Turkey\" is not the UN short name of Türkiye",
            "error[invalid-date]: `received` must be a TOML date, not a string",
            "help: did you mean \"es\"?",
            "error[invalid-value]: unknown status \"finale\"",
            "error[unknown-key]: unknown key `notes` in the front matter",
            "help: did you mean `note`?",
            "error[unknown-category]: unknown category \"jurisdictoin\"",
            "help: valid categories: jurisdiction",
            "error[invalid-value]: empty theme",
            "error[missing-key]: missing `summary` in [[challenges]] number 1",
            "warning[empty-reply]: the reply has no text",
        ] {
            assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
        }
    }

    #[test]
    fn explains_missing_or_unclosed_front_matter() {
        let (s, out) = read("---\nstate: Chile\n---\n");
        assert!(s.is_none());
        assert!(out.contains("missing front matter"), "{out}");
        assert!(out.contains("not YAML"), "{out}");
        let (_, out) = read("+++\nstate = \"Chile\"\n");
        assert!(out.contains("the front matter is never closed"), "{out}");
        let (_, out) = read(" \n\n");
        assert!(out.contains("empty file"), "{out}");
    }

    #[test]
    fn late_replies_are_warnings() {
        let (s, out) = read("+++\nstate = \"Chile\"\nreceived = 2019-06-03\n+++\nText.\n");
        assert!(s.is_some());
        assert!(
            out.contains("warning[late-reply]: received after the cutoff of 31 May 2019"),
            "{out}"
        );
        assert!(!out.contains("error"), "{out}");
    }
}
