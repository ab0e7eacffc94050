//! `book.toml` -> [`Config`]: the report's metadata, its challenge categories and which
//! outputs to build.
//!
//! Strict like mdBook's config: every key of the design contract is known, anything else is
//! an error naming the key, its line and the valid keys. Problems are pushed as diagnostics
//! and reading goes on, so one run shows every mistake; a value that could not be read is
//! replaced by a harmless default (the build fails on the error anyway).

use std::path::PathBuf;

use serde::Serialize;

use crate::codes::Code;
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics, FileId, Span};
use crate::english;
use crate::language;
use crate::lints::Lints;
use crate::tomlread::{self, Table};

/// Everything `book.toml` says.
#[derive(Debug, Clone)]
pub struct Config {
    pub file: FileId,
    pub book: Book,
    pub report: Masthead,
    pub categories: Vec<Category>,
    /// Present if `[output.pdf]` is: build the PDF.
    pub pdf: Option<PdfOutput>,
    /// Present if `[output.html]` is: build the HTML site.
    pub html: Option<HtmlOutput>,
    /// The levels `[lints]` sets (see `lints`).
    pub lints: Lints,
}

#[derive(Debug, Clone, Serialize)]
pub struct Book {
    pub title: String,
    /// ISO 639-1 code of the language the Secretariat's text is written in.
    pub language: String,
    /// The language versions to build, the first at the top of `output/` (`[language]` by
    /// default); each one of the six official languages, once.
    pub languages: Vec<String>,
}

/// The document's masthead facts (`[report]`): defined here once. They flow as they are
/// into the model (data.json's `report`) and each version (the templates' `report`),
/// where a version words the ones `locales/<lang>.toml` can translate. A new field is
/// one edit here (plus its reading in `read_report`, and its translations).
#[derive(Debug, Clone, Serialize)]
pub struct Masthead {
    pub symbol: String,
    pub organ: String,
    pub distribution: String,
    pub session: u32,
    pub agenda_item: Option<u32>,
    pub agenda_footnote: Option<String>,
    pub agenda_title: Option<String>,
    pub date: Date,
    pub original: String,
    pub mandate: String,
    /// When the mandate's resolution was adopted (`mandate-date`), if book.toml says.
    pub mandate_date: Option<Date>,
    pub cutoff: Option<Date>,
    /// When the document was processed and issued (`processed`, `issued`), printed after
    /// the job number on page 1 as ddmmyy.
    pub processed: Option<Date>,
    pub issued: Option<Date>,
    pub job_number: Option<String>,
    /// Word limit for the Secretariat's own text.
    pub word_limit: u32,
}

/// A challenge category (`[[categories]]`).
#[derive(Debug, Clone, Serialize)]
pub struct Category {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    A4,
    Letter,
}

#[derive(Debug, Clone)]
pub struct PdfOutput {
    /// File name inside the output folder.
    pub file: String,
    pub paper: Paper,
    /// Extra font folders, relative to the report root; none by default.
    pub font_dirs: Vec<PathBuf>,
}

#[derive(Debug, Clone)]
pub struct HtmlOutput {
    /// Folder name inside the output folder.
    pub dir: String,
}

/// The default word limit for reports of the Secretariat.
pub const DEFAULT_WORD_LIMIT: u32 = 8_500;

const TOP_KEYS: &[&str] = &["book", "report", "categories", "output", "lints"];
const BOOK_KEYS: &[&str] = &["title", "language", "languages"];
const REPORT_KEYS: &[&str] = &[
    "symbol",
    "organ",
    "distribution",
    "session",
    "agenda-item",
    "agenda-footnote",
    "agenda-title",
    "date",
    "original",
    "mandate",
    "mandate-date",
    "cutoff",
    "job-number",
    "processed",
    "issued",
    "word-limit",
];
const CATEGORY_KEYS: &[&str] = &["id", "title", "description"];
const OUTPUT_KEYS: &[&str] = &["pdf", "html"];
const PDF_KEYS: &[&str] = &["file", "paper", "font-dirs"];
const HTML_KEYS: &[&str] = &["dir"];

impl Config {
    /// Reads `book.toml` (already registered as `file`). `None` if it is not valid TOML;
    /// otherwise a config, whose diagnostics say whether it can be trusted.
    pub fn parse(text: &str, file: FileId, diags: &mut Diagnostics) -> Option<Config> {
        let doc = tomlread::parse_document(text, file, 0, diags)?;
        let root = Table::new(&doc, file, 0, "book.toml", 0..0, TOP_KEYS);
        root.reject_unknown_keys(diags);

        let book = match root.table("book", "[book]", BOOK_KEYS, diags) {
            Some(t) => read_book(&t, diags),
            None => {
                missing_table(file, "book", "[book]\ntitle = \"...\"", diags);
                Book {
                    title: String::new(),
                    language: "en".into(),
                    languages: vec!["en".into()],
                }
            }
        };
        let report = match root.table("report", "[report]", REPORT_KEYS, diags) {
            Some(t) => read_report(&t, diags),
            None => {
                missing_table(file, "report", "[report]\nsymbol = \"A/74/130\"", diags);
                placeholder_report()
            }
        };
        let categories = read_categories(&root, diags);
        let (pdf, html) = match root.table("output", "[output]", OUTPUT_KEYS, diags) {
            Some(t) => read_outputs(&t, diags),
            None => (None, None),
        };
        // Any key may be a code: `Lints::read` checks each against the codes.
        let lints = root
            .table("lints", "[lints]", &[], diags)
            .map(|t| Lints::read(&t, diags))
            .unwrap_or_default();
        Some(Config {
            file,
            book,
            report,
            categories,
            pdf,
            html,
            lints,
        })
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// "legal-framework, procedural-powers, ..." for hints.
    pub fn category_ids(&self) -> String {
        let ids: Vec<&str> = self.categories.iter().map(|c| c.id.as_str()).collect();
        ids.join(", ")
    }
}

fn missing_table(file: FileId, name: &str, example: &str, diags: &mut Diagnostics) {
    diags.push(
        Diagnostic::error(
            Code::MissingKey,
            file,
            0..0,
            format!("book.toml has no [{name}] table"),
        )
        .help(format!("add it, for example:\n{example}")),
    );
}

fn read_book(t: &Table, diags: &mut Diagnostics) -> Book {
    t.reject_unknown_keys(diags);
    let title = t.required_string("title", "title = \"Countering the use of ...\"", diags);
    let language = t
        .string("language", "language = \"en\"", diags)
        .and_then(|l| check_language(t.file(), &l.value, l.span, diags));
    let language = language.unwrap_or_else(|| "en".into());
    let example = "languages = [\"en\", \"fr\"]";
    let mut languages: Vec<String> = Vec::new();
    if let Some(list) = t.string_list("languages", example, diags) {
        if list.value.is_empty() {
            diags.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    t.file(),
                    list.span.clone(),
                    "`languages` is empty",
                )
                .label("no language version")
                .help(format!(
                    "name at least one: {example}, or delete the line to build [book] language only"
                )),
            );
        }
        for code in list.value {
            if !language::is_official(&code.value) {
                let mut d = Diagnostic::error(
                    Code::UnknownLanguage,
                    t.file(),
                    code.span.clone(),
                    format!(
                        "\"{}\" is not one of the six official languages",
                        code.value
                    ),
                )
                .label("no language version in this language");
                let lower = code.value.trim().to_lowercase();
                if let Some(fix) = language::is_official(&lower)
                    .then_some(lower.as_str())
                    .or_else(|| language::code_for_name(&code.value))
                {
                    d = d.help(format!("did you mean \"{fix}\"?"));
                }
                diags.push(d.help(format!(
                    "the report is issued in {}",
                    language::OFFICIAL.join(", ")
                )));
            } else if languages.contains(&code.value) {
                diags.push(
                    Diagnostic::warning(
                        Code::DuplicateLanguage,
                        t.file(),
                        code.span,
                        format!("\"{}\" is listed twice", code.value),
                    )
                    .label("built once")
                    .help("remove the repeated language"),
                );
            } else {
                languages.push(code.value);
            }
        }
    }
    if languages.is_empty() {
        languages.push(language.clone());
    }
    Book {
        title: title.map(|s| s.value).unwrap_or_default(),
        language,
        languages,
    }
}

/// A valid ISO 639-1 code, or an error with the likely code.
pub fn check_language(
    file: FileId,
    code: &str,
    span: Span,
    diags: &mut Diagnostics,
) -> Option<String> {
    if language::name(code).is_some() {
        return Some(code.to_string());
    }
    let mut d = Diagnostic::error(
        Code::UnknownLanguage,
        file,
        span,
        format!("unknown language code \"{code}\""),
    )
    .label("not an ISO 639-1 code");
    let lower = code.trim().to_lowercase();
    if let Some(fix) = language::name(&lower)
        .map(|_| lower.as_str())
        .or_else(|| language::code_for_name(code))
    {
        d = d.help(format!("did you mean \"{fix}\"?"));
    }
    diags.push(d.help(
        "use a two-letter ISO 639-1 code: \"ar\", \"zh\", \"en\", \"fr\", \"ru\" or \"es\" \
         for the official languages",
    ));
    None
}

fn placeholder_report() -> Masthead {
    Masthead {
        symbol: String::new(),
        organ: "General Assembly".into(),
        distribution: "General".into(),
        session: 1,
        agenda_item: None,
        agenda_footnote: None,
        agenda_title: None,
        date: Date::new(2000, 1, 1).expect("valid date"),
        original: "English".into(),
        mandate: String::new(),
        mandate_date: None,
        cutoff: None,
        processed: None,
        issued: None,
        job_number: None,
        word_limit: DEFAULT_WORD_LIMIT,
    }
}

fn read_report(t: &Table, diags: &mut Diagnostics) -> Masthead {
    t.reject_unknown_keys(diags);
    let mut r = placeholder_report();
    let text = |key: &str, example: &str, diags: &mut Diagnostics| {
        t.text(key, example, diags).map(|s| s.value)
    };
    if let Some(s) = t.required_string("symbol", "symbol = \"A/74/130\"", diags) {
        r.symbol = s.value;
    }
    if let Some(s) = text("organ", "organ = \"General Assembly\"", diags) {
        r.organ = s;
    }
    if let Some(s) = text("distribution", "distribution = \"General\"", diags) {
        r.distribution = s;
    }
    if t.require("session", "session = 74", diags)
        && let Some(n) = t.integer("session", 1..=999, "session = 74", diags)
    {
        r.session = n.value as u32;
    }
    r.agenda_item = t
        .integer("agenda-item", 1..=999, "agenda-item = 109", diags)
        .map(|n| n.value as u32);
    r.agenda_footnote = text("agenda-footnote", "agenda-footnote = \"A/74/150\"", diags);
    r.agenda_title = text("agenda-title", "agenda-title = \"Countering ...\"", diags);
    if let Some(d) = t.required_date("date", diags) {
        r.date = d.value;
        check_report_date(t, r.session, d.value, d.span, diags);
    }
    if let Some(s) = text("original", "original = \"English\"", diags) {
        r.original = s;
    }
    if let Some(s) = t.required_string("mandate", "mandate = \"73/187\"", diags) {
        r.mandate = s.value;
    }
    r.mandate_date = t.date("mandate-date", diags).map(|d| d.value);
    r.cutoff = t.date("cutoff", diags).map(|d| d.value);
    r.processed = t.date("processed", diags).map(|d| d.value);
    r.issued = t.date("issued", diags).map(|d| d.value);
    r.job_number = text("job-number", "job-number = \"V.19-08182\"", diags);
    if let Some(n) = t.integer("word-limit", 1..=1_000_000, "word-limit = 8500", diags) {
        r.word_limit = n.value as u32;
    }
    r
}

fn read_categories(root: &Table, diags: &mut Diagnostics) -> Vec<Category> {
    let tables = root.tables("categories", CATEGORY_KEYS, diags);
    if tables.is_empty() && !root.has("categories") {
        diags.push(
            Diagnostic::error(Code::MissingKey, root.file(), 0..0, "book.toml defines no [[categories]]")
                .help("add one table per challenge category:\n[[categories]]\nid = \"legal-framework\"\ntitle = \"Legislative gaps and harmonization\""),
        );
    }
    let mut out: Vec<(Category, Span)> = Vec::new();
    for t in tables {
        t.reject_unknown_keys(diags);
        let id = t.required_string("id", "id = \"legal-framework\"", diags);
        let title = t.required_string(
            "title",
            "title = \"Legislative gaps and harmonization\"",
            diags,
        );
        let description = t
            .text("description", "description = \"...\"", diags)
            .map(|s| s.value);
        let Some(id) = id else { continue };
        let valid = id
            .value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            diags.push(
                Diagnostic::error(Code::InvalidValue, t.file(), id.span.clone(), format!("category id \"{}\" is not kebab-case", id.value))
                    .label("only a-z, 0-9 and - are allowed")
                    .help("ids are used in file names and links; write them like \"international-cooperation\""),
            );
        }
        if let Some((_, first)) = out.iter().find(|(c, _)| c.id == id.value) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateCategory,
                    t.file(),
                    id.span.clone(),
                    format!("category \"{}\" is defined twice", id.value),
                )
                .label("second definition")
                .related(t.file(), first.clone(), "first defined here")
                .help("give each category its own id"),
            );
            continue;
        }
        out.push((
            Category {
                id: id.value,
                title: title.map(|s| s.value).unwrap_or_default(),
                description,
            },
            id.span,
        ));
    }
    out.into_iter().map(|(c, _)| c).collect()
}

/// The default name of the output set by `key` (`file` of the PDF, `dir` of the site).
fn example_name(key: &str) -> &'static str {
    if key == "dir" { "html" } else { "report.pdf" }
}

/// A plain file or folder name: no separators, no `..`, so output never leaves `output/`.
fn check_plain_name(
    t: &Table,
    key: &str,
    value: &str,
    span: Span,
    diags: &mut Diagnostics,
) -> bool {
    let ok = !value.is_empty()
        && value != "."
        && value != ".."
        && !value.contains(['/', '\\', ':'])
        && !value.starts_with('.');
    if !ok {
        diags.push(
            Diagnostic::error(
                Code::OutputName,
                t.file(),
                span,
                format!("`{key}` must be a plain name inside output/"),
            )
            .label("no folders, no `..`")
            .help(format!("for example: {key} = \"{}\"", example_name(key))),
        );
    }
    ok
}

/// The names a build writes into the output folder whatever `[output.*]` says.
const RESERVED_OUTPUT_NAMES: &[&str] = &["data.json", "report.typ"];

fn read_outputs(t: &Table, diags: &mut Diagnostics) -> (Option<PdfOutput>, Option<HtmlOutput>) {
    t.reject_unknown_keys(diags);
    // Each name a build writes, with where book.toml set it (for collisions).
    let mut names: Vec<(String, Option<Span>, &str)> = RESERVED_OUTPUT_NAMES
        .iter()
        .map(|n| (n.to_string(), None, "a file every build writes"))
        .collect();
    let pdf = t.table("pdf", "[output.pdf]", PDF_KEYS, diags).map(|p| {
        p.reject_unknown_keys(diags);
        let mut out = PdfOutput {
            file: "report.pdf".into(),
            paper: Paper::A4,
            font_dirs: Vec::new(),
        };
        let mut span = None;
        if let Some(f) = p.string("file", "file = \"report.pdf\"", diags)
            && check_plain_name(&p, "file", &f.value, f.span.clone(), diags)
        {
            out.file = f.value;
            span = Some(f.span);
        }
        claim_name(
            &p,
            &mut names,
            "file",
            &out.file,
            span,
            "the PDF ([output.pdf] file)",
            diags,
        );
        if let Some(paper) = p.string("paper", "paper = \"a4\"", diags) {
            match paper.value.to_ascii_lowercase().as_str() {
                "a4" => out.paper = Paper::A4,
                "letter" | "us-letter" => out.paper = Paper::Letter,
                other => diags.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        p.file(),
                        paper.span,
                        format!("unknown paper size \"{other}\""),
                    )
                    .label("expected \"a4\" or \"letter\"")
                    .help("write paper = \"a4\" (the default) or paper = \"letter\""),
                ),
            }
        }
        if let Some(dirs) = p.string_list("font-dirs", "font-dirs = [\"fonts\"]", diags) {
            out.font_dirs = dirs
                .value
                .into_iter()
                .map(|d| PathBuf::from(d.value))
                .collect();
        }
        out
    });
    let html = t.table("html", "[output.html]", HTML_KEYS, diags).map(|h| {
        h.reject_unknown_keys(diags);
        let mut out = HtmlOutput { dir: "html".into() };
        let mut span = None;
        if let Some(d) = h.string("dir", "dir = \"html\"", diags)
            && check_plain_name(&h, "dir", &d.value, d.span.clone(), diags)
        {
            out.dir = d.value;
            span = Some(d.span);
        }
        claim_name(
            &h,
            &mut names,
            "dir",
            &out.dir,
            span,
            "the HTML site ([output.html] dir)",
            diags,
        );
        out
    });
    (pdf, html)
}

/// Records that `what` writes `name` into the output folder, or says which other output
/// already writes it (names compared ignoring case, as on macOS and Windows).
fn claim_name<'w>(
    t: &Table,
    names: &mut Vec<(String, Option<Span>, &'w str)>,
    key: &str,
    name: &str,
    span: Option<Span>,
    what: &'w str,
    diags: &mut Diagnostics,
) {
    let clash = names
        .iter()
        .find(|(n, _, _)| n.to_lowercase() == name.to_lowercase());
    if let Some((_, other_span, other)) = clash {
        let at = span.clone().unwrap_or_else(|| t.anchor());
        let mut d = Diagnostic::error(
            Code::OutputName,
            t.file(),
            at,
            format!("`{name}` is already the name of {other} in the output folder"),
        )
        .label("two outputs would write this name, one over the other")
        .help(format!(
            "give {what} a name of its own, such as {key} = \"{}\"",
            example_name(key)
        ));
        if let Some(other_span) = other_span {
            d = d.related(t.file(), other_span.clone(), "the other output's name");
        }
        diags.push(d);
        return;
    }
    names.push((name.to_string(), span, what));
}

/// The calendar year in which session `session` of the General Assembly opens (the first
/// in 1946, then every September).
pub fn session_year(session: u32) -> i64 {
    1945 + i64::from(session)
}

/// Warns when the report's date is far from its session (a typo such as 2091 for 2019):
/// a report to session S is dated from the year before it opens to the year it closes.
fn check_report_date(t: &Table, session: u32, date: Date, span: Span, diags: &mut Diagnostics) {
    let opens = session_year(session);
    let year = i64::from(date.year);
    if !(opens - 1..=opens + 1).contains(&year) {
        diags.push(
            Diagnostic::warning(
                Code::UnusualDate,
                t.file(),
                span,
                format!(
                    "the report is dated {}, far from the {} session ({opens}-{})",
                    date.long(),
                    english::ordinal_words(session),
                    opens + 1
                ),
            )
            .label("check the year")
            .help("a report to a session is dated in the months before it opens or while it sits"),
        );
    }
}

impl Masthead {
    /// The earliest day the mandate can have been given: `mandate-date` if book.toml
    /// says, otherwise the opening of the session that adopted the resolution (session 73
    /// for "73/187": September 2018).
    pub fn mandate_earliest(&self) -> Option<Date> {
        if self.mandate_date.is_some() {
            return self.mandate_date;
        }
        let mut numbers = self.mandate.rsplit('/').skip(1);
        let session: u32 = numbers.next()?.trim().parse().ok()?;
        let year = u16::try_from(session_year(session)).ok()?;
        Date::new(year, 9, 1)
    }
}
