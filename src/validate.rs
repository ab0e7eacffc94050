//! Checks that need every reply at once: one reply per State; every translation beside an
//! original, in another language than it, once per language, summarising only categories
//! the original raises.
//!
//! Checks of a single file live in `submission`; this stage only compares files.

use std::collections::{HashMap, HashSet};

use crate::codes::Code;
use crate::collate;
use crate::diag::{Diagnostic, Diagnostics};
use crate::language;
use crate::locale::Locale;
use crate::submission::{Submission, Translation};

/// Pushes an error for each translation without an original, into its original's own
/// language, repeating another translation's language, or summarising a category its
/// original does not raise. `files` holds the path of every original reply file, read or
/// not: a translation of a reply whose errors are reported is left alone.
pub fn translations(
    submissions: &[Submission],
    translations: &[Translation],
    files: &HashSet<String>,
    diags: &mut Diagnostics,
) {
    let originals: HashMap<&str, &Submission> =
        submissions.iter().map(|s| (s.path.as_str(), s)).collect();
    let mut seen: HashMap<(&str, &str), &Translation> = HashMap::new();
    for t in translations {
        let name = |code: &str| language::name(code).unwrap_or(code).to_string();
        let Some(original) = originals.get(t.original.as_str()) else {
            if files.contains(&t.original) {
                continue;
            }
            let mut d = Diagnostic::error(
                Code::OrphanTranslation,
                t.file,
                0..0,
                format!(
                    "a translation without an original: there is no {}",
                    t.original
                ),
            )
            .label("translation of what?");
            let stem = |path: &str| {
                let name = path.rsplit('/').next().unwrap_or(path);
                name.strip_suffix(".md").unwrap_or(name).to_string()
            };
            let wanted = stem(&t.original);
            let stems: Vec<String> = submissions.iter().map(|s| stem(&s.path)).collect();
            if let Some(close) = collate::closest(&wanted, stems.iter().map(String::as_str)) {
                let dir = t.original.rsplit_once('/').map_or("", |(d, _)| d);
                d = d.help(format!(
                    "did you mean {dir}/{close}.{}.md, the translation of {dir}/{close}.md?",
                    t.language
                ));
            }
            diags.push(d.help(
                "a translation is named after its original: arg.en.md is the English translation of arg.md, in the same folder",
            ));
            continue;
        };
        // Only summaries, no text: chapter II's summaries of a reply in the version's own
        // language (the reply itself is printed as received).
        let summaries_only = t.body.trim().is_empty() && !t.summaries.is_empty();
        if original.language == t.language && !summaries_only {
            diags.push(
                Diagnostic::error(
                    Code::TranslationLanguage,
                    t.file,
                    0..0,
                    format!(
                        "a translation into the original's own language: {} is written in {}",
                        original.path,
                        name(&t.language)
                    ),
                )
                .label(format!("the file name says {}", name(&t.language)))
                .help(format!(
                    "if {} is the reply as received in another language, set its `language`; \
                     to give only chapter II's summaries in {}, leave this file's text empty; \
                     otherwise delete this file or rename it to the language it is written in",
                    original.path,
                    name(&t.language)
                )),
            );
            continue;
        }
        if t.body.trim().is_empty() && !(summaries_only && original.language == t.language) {
            let at = t.body_offset;
            diags.push(
                Diagnostic::warning(
                    Code::EmptyTranslation,
                    t.file,
                    at..at,
                    "the translation has no text",
                )
                .label("nothing here")
                .help("paste the translated reply here"),
            );
        }
        if let Some(first) = seen.insert((t.original.as_str(), t.language.as_str()), t) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateTranslation,
                    t.file,
                    0..0,
                    format!(
                        "a second {} translation of {}: {} and {} both translate it",
                        name(&t.language),
                        original.path,
                        first.path,
                        t.path
                    ),
                )
                .label("second translation")
                .help("keep one translation per language: merge the two files, or delete one"),
            );
        }
        for ((category, _), span) in t.summaries.iter().zip(&t.summary_spans) {
            if !original.challenges.iter().any(|c| &c.category == category) {
                let raised: Vec<&str> = original
                    .challenges
                    .iter()
                    .map(|c| c.category.as_str())
                    .collect();
                diags.push(
                    Diagnostic::error(Code::TranslationCategory,
                        t.file,
                        span.clone(),
                        format!(
                            "a translated summary for \"{category}\", which {} does not raise",
                            original.path
                        ),
                    )
                    .label("not raised by the original")
                    .help(if raised.is_empty() {
                        "the original raises no category: delete this [[challenges]] entry"
                            .to_string()
                    } else {
                        format!(
                            "the original raises {}: translate the summary of one of those, or add the category to the original first",
                            raised.join(", ")
                        )
                    }),
                );
            }
        }
    }
}

/// Warns about each `[themes]` entry of a locale that no reply raises (a typo, or a theme
/// since renamed), with the closest theme the replies do raise.
pub fn locale_themes(locales: &[Locale], submissions: &[Submission], diags: &mut Diagnostics) {
    let mut raised: HashMap<String, &str> = HashMap::new();
    for s in submissions {
        for c in &s.challenges {
            for t in &c.themes {
                raised.entry(collate::theme_key(t)).or_insert(t.as_str());
            }
        }
    }
    for locale in locales {
        for (theme, span) in &locale.theme_spans {
            let key = collate::theme_key(&collate::clean_theme(theme));
            if raised.contains_key(&key) {
                continue;
            }
            let mut d = Diagnostic::warning(
                Code::UnusedThemeWording,
                locale.file,
                span.clone(),
                format!("no reply raises the theme \"{theme}\""),
            )
            .label("not a theme of the replies");
            if let Some(close) = collate::closest(theme, raised.values().copied()) {
                d = d.help(format!("did you mean \"{close}\"?"));
            }
            diags.push(d.help("the wording of a theme no reply raises is never printed"));
        }
    }
}

/// Pushes an error for every State that has more than one reply, naming both files. The
/// reply received first (or, on the same day, the file that sorts first) is the "first
/// reply"; each other one gets the error.
pub fn across_replies(submissions: &[Submission], diags: &mut Diagnostics) {
    let mut by_state: HashMap<&str, Vec<&Submission>> = HashMap::new();
    for s in submissions {
        by_state.entry(s.state.iso3).or_default().push(s);
    }
    let mut states: Vec<_> = by_state.into_values().filter(|v| v.len() > 1).collect();
    states.sort_by(|a, b| a[0].path.cmp(&b[0].path));
    for mut replies in states {
        replies.sort_by(|a, b| (a.received, &a.path).cmp(&(b.received, &b.path)));
        let first = replies[0];
        for s in &replies[1..] {
            let (label, related) = if s.received == first.received {
                ("same State".to_string(), "first reply".to_string())
            } else {
                (
                    format!("same State, received {}", s.received.long()),
                    format!("received first, {}", first.received.long()),
                )
            };
            diags.push(
                Diagnostic::error(
                    Code::DuplicateReply,
                    s.file,
                    s.state_span.clone(),
                    format!(
                        "a second reply from {}: {} and {} both name it",
                        s.state.name, first.path, s.path
                    ),
                )
                .label(label)
                .related(first.file, first.state_span.clone(), related)
                .help("keep one file per State: merge the two replies, or delete one"),
            );
        }
    }
}
