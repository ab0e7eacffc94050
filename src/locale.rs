//! `locales/<lang>.toml`: the Secretariat's text of a report root in another language
//! version: `[report]` text fields, `[categories.<id>]` titles and descriptions, `[themes]`
//! (a theme as the replies write it -> its wording here) and `[strings]` (the built-in fixed
//! wording, overridden by message key).
//!
//! Parsed like `book.toml`: every problem at its line, every key checked against what the
//! project has (category ids, themes, message keys) with a did-you-mean.

use std::collections::HashMap;

use crate::catalogue;
use crate::codes::Code;
use crate::collate;
use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, FileId, Span};
use crate::tomlread::{self, Table};

/// One `locales/<lang>.toml`.
#[derive(Debug, Clone)]
pub struct Locale {
    pub file: FileId,
    /// One of the six official languages (the file name).
    pub language: String,
    /// `[report]`: text fields by key ("job-number", "agenda-title", "title").
    pub report: HashMap<String, String>,
    /// `[categories.<id>]`: title and description by category id.
    pub categories: HashMap<String, CategoryWording>,
    /// `[themes]`: theme key (`collate::theme_key`) -> wording.
    pub themes: HashMap<String, String>,
    /// Each `[themes]` entry as written, with where.
    pub theme_spans: Vec<(String, Span)>,
    /// `[strings]`: message key -> Fluent pattern, with where the value is written.
    pub strings: Vec<(String, String, Span)>,
}

#[derive(Debug, Clone, Default)]
pub struct CategoryWording {
    pub title: Option<String>,
    pub description: Option<String>,
}

const KEYS: &[&str] = &["report", "categories", "themes", "strings"];
/// The `[report]` fields whose wording differs between language versions.
pub const REPORT_KEYS: &[&str] = &[
    "title",
    "organ",
    "distribution",
    "agenda-title",
    "original",
    "job-number",
];
const CATEGORY_KEYS: &[&str] = &["title", "description"];

/// How to fix a wording that is empty or of the wrong type, after its example.
const OR_DELETE: &str = "(or delete the line: the version then prints the text it translates)";

/// Reads one locale file of language `lang`.
pub fn parse(
    text: &str,
    file: FileId,
    lang: &str,
    config: &Config,
    diags: &mut Diagnostics,
) -> Option<Locale> {
    let doc = tomlread::parse_document(text, file, 0, diags)?;
    let top = Table::new(&doc, file, 0, format!("locales/{lang}.toml"), 0..0, KEYS);
    top.reject_unknown_keys(diags);
    let mut locale = Locale {
        file,
        language: lang.to_string(),
        report: HashMap::new(),
        categories: HashMap::new(),
        themes: HashMap::new(),
        theme_spans: Vec::new(),
        strings: Vec::new(),
    };
    if let Some(report) = top.table("report", "[report]", REPORT_KEYS, diags) {
        report.reject_unknown_keys(diags);
        for key in REPORT_KEYS {
            let example = format!("{key} = \"...\" {OR_DELETE}");
            if let Some(value) = report.text(key, &example, diags) {
                locale.report.insert(key.to_string(), value.value);
            }
        }
    }
    if let Some(categories) = top.table("categories", "[categories]", &[], diags) {
        for (id, span) in categories.keys() {
            if config.category(&id).is_none() {
                let mut d = Diagnostic::error(
                    Code::UnknownCategory,
                    file,
                    span,
                    format!("unknown category \"{id}\""),
                )
                .label("not defined in book.toml");
                let ids = config.categories.iter().map(|c| c.id.as_str());
                if let Some(close) = collate::closest(&id, ids) {
                    d = d.help(format!("did you mean [categories.{close}]?"));
                }
                diags.push(d.help(format!("valid categories: {}", config.category_ids())));
                continue;
            }
            let name = format!("[categories.{id}]");
            if let Some(t) = categories.table(&id, &name, CATEGORY_KEYS, diags) {
                t.reject_unknown_keys(diags);
                let wording = CategoryWording {
                    title: t
                        .text("title", &format!("title = \"...\" {OR_DELETE}"), diags)
                        .map(|s| s.value),
                    description: t
                        .text(
                            "description",
                            &format!("description = \"...\" {OR_DELETE}"),
                            diags,
                        )
                        .map(|s| s.value),
                };
                locale.categories.insert(id, wording);
            }
        }
    }
    if let Some(themes) = top.table("themes", "[themes]", &[], diags) {
        // In the order they are written: the first wording of a theme is the one used.
        let mut keys: Vec<_> = themes.keys().into_iter().collect();
        keys.sort_by_key(|(_, span)| span.start);
        for (theme, span) in keys {
            locale.theme_spans.push((theme.clone(), span.clone()));
            let example = format!("\"{theme}\" = \"...\" {OR_DELETE}");
            if let Some(value) = themes.text(&theme, &example, diags) {
                let key = collate::theme_key(&collate::clean_theme(&theme));
                // Two keys for one theme ("Online fraud", "online fraud"): the first is
                // kept, and the second said to be left out.
                if let Some((first, first_span)) = locale
                    .theme_spans
                    .iter()
                    .find(|(t, _)| {
                        *t != theme && collate::theme_key(&collate::clean_theme(t)) == key
                    })
                    .cloned()
                {
                    diags.push(
                        Diagnostic::warning(
                            Code::DuplicateTheme,
                            file,
                            span.clone(),
                            format!(
                                "\"{theme}\" words the same theme as \"{first}\": this wording \
                                 is not used"
                            ),
                        )
                        .label("second wording")
                        .related(file, first_span, "first wording, used")
                        .help("keep one wording per theme"),
                    );
                    continue;
                }
                locale.themes.insert(key, value.value);
            }
        }
    }
    if let Some(strings) = top.table("strings", "[strings]", &[], diags) {
        let known = catalogue::keys();
        for (key, span) in strings.keys() {
            if !known.contains(&key) {
                let mut d = Diagnostic::error(
                    Code::UnknownMessage,
                    file,
                    span,
                    format!("unknown message key `{key}` in [strings]"),
                )
                .label("no built-in wording has this key");
                if let Some(close) = collate::closest(&key, known.iter().map(String::as_str)) {
                    d = d.help(format!("did you mean `{close}`?"));
                }
                diags.push(d.help("the keys are those of assets/locales/en.ftl in the report's source, listed in docs/locales.md"));
                continue;
            }
            if let Some(value) = strings.string(&key, &format!("{key} = \"...\""), diags) {
                if let Err(message) = catalogue::override_resource(&key, &value.value) {
                    diags.push(
                        Diagnostic::error(Code::InvalidMessage, file, value.span, format!("[strings] {key}: {message}"))
                            .label("not a Fluent pattern")
                            .help("write `{ $name }` for a value the report gives, and `{\"{\"}` for a literal brace"),
                    );
                    continue;
                }
                locale.strings.push((key, value.value, value.span));
            }
        }
    }
    Some(locale)
}
