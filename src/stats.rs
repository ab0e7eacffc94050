//! The figures editors check before publishing, from the report model: categories with
//! their counts and shares, the themes raised by most States, replies per regional group,
//! word counts, late replies, and how far each language version of `[book] languages` is
//! translated. Printed by `report stats` as a table or as JSON.

use std::collections::HashMap;
use std::fmt::Write;

use serde::Serialize;

use crate::aggregate::Model;
use crate::collate;
use crate::english::thousands;
use crate::load::Project;
use crate::wording::{self, Version, Words};

/// How many themes "top themes" lists.
pub const TOP_THEMES: usize = 10;

#[derive(Debug, Serialize)]
pub struct Stats {
    pub replies: usize,
    pub member_states: usize,
    pub observer_states: usize,
    pub categories: Vec<CategoryStat>,
    /// Themes by the number of distinct States raising them in any category.
    pub top_themes: Vec<ThemeStat>,
    pub regional_groups: Vec<GroupStat>,
    pub words: Words,
    pub late_replies: Vec<&'static str>,
    /// Per language version of `[book] languages`, in that order.
    pub translations: Vec<Coverage>,
}

/// How far one language version is translated.
#[derive(Debug, Serialize)]
pub struct Coverage {
    pub language: String,
    /// Replies that print in this language (received in it, or translated into it).
    pub replies_in_language: usize,
    /// Replies received in this language.
    pub originals: usize,
    /// Replies translated into this language.
    pub translated: usize,
    /// Files of the replies with no text in this language.
    pub missing_translations: Vec<String>,
    /// Category ids, themes and `[report]` fields without wording in
    /// `locales/<lang>.toml` (none for `[book] language`, the Secretariat's own).
    pub missing_categories: Vec<String>,
    pub missing_themes: Vec<String>,
    pub missing_report: Vec<String>,
    /// Keys of the fixed wording this language has no text for, built in or in [strings].
    pub missing_strings: Vec<String>,
    /// The version's length, counted in `units`.
    pub words: Words,
    /// "words", or "characters" for Chinese (each character counts as a word).
    pub units: &'static str,
}

#[derive(Debug, Serialize)]
pub struct CategoryStat {
    pub id: String,
    /// Its section's number in chapter II, if raised.
    pub section: Option<usize>,
    pub title: String,
    pub states: usize,
    pub share_percent: u32,
}

#[derive(Debug, Serialize)]
pub struct ThemeStat {
    pub theme: String,
    pub states: usize,
}

#[derive(Debug, Serialize)]
pub struct GroupStat {
    pub code: &'static str,
    pub name: String,
    pub replies: usize,
}

/// How far `version` of `model` is translated.
pub fn coverage(project: &Project, model: &Model, version: &Version) -> Coverage {
    let lang = version.language.as_str();
    let locale = wording::locale_of(&project.locales, lang);
    let missing = wording::missing(model, lang, locale);
    let originals = model.replies.iter().filter(|r| r.language == lang).count();
    let missing_strings = crate::catalogue::keys()
        .into_iter()
        .filter(|k| !version.catalogue.has(k))
        .collect();
    Coverage {
        language: lang.to_string(),
        replies_in_language: model.replies.len() - missing.translations.len(),
        originals,
        translated: model.replies.len() - missing.translations.len() - originals,
        missing_translations: missing.translations,
        missing_categories: missing.categories,
        missing_themes: missing.themes,
        missing_report: missing.report,
        missing_strings,
        words: version.words,
        // Where a character is a word (Chinese, Japanese), the counts are of characters.
        units: if crate::language::script(lang) == Some(crate::language::Script::Chinese) {
            "characters"
        } else {
            "words"
        },
    }
}

/// The figures of `model`, worded as `versions` (every version of `[book] languages`, the
/// first one's names used for regional groups and words).
pub fn stats(project: &Project, model: &Model, versions: &[Version]) -> Stats {
    let version = &versions[0];
    // Theme key -> (display, States); a State counts once per theme across categories.
    let mut themes: Vec<(String, Vec<&str>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for c in &model.categories {
        for t in &c.themes {
            let i = *index
                .entry(collate::theme_key(&t.theme))
                .or_insert_with(|| {
                    themes.push((t.theme.clone(), Vec::new()));
                    themes.len() - 1
                });
            for s in &t.states {
                if !themes[i].1.contains(&s.iso3) {
                    themes[i].1.push(s.iso3);
                }
            }
        }
    }
    let mut top: Vec<ThemeStat> = themes
        .into_iter()
        .map(|(theme, states)| ThemeStat {
            theme,
            states: states.len(),
        })
        .collect();
    top.sort_by_cached_key(|t| (std::cmp::Reverse(t.states), collate::sort_key(&t.theme)));
    top.truncate(TOP_THEMES);
    Stats {
        replies: model.totals.replies,
        member_states: model.totals.member_states,
        observer_states: model.totals.observer_states,
        categories: model
            .categories
            .iter()
            .map(|c| CategoryStat {
                id: c.id.clone(),
                section: c.section,
                title: c.title.clone(),
                states: c.state_count,
                share_percent: c.share_percent,
            })
            .collect(),
        top_themes: top,
        regional_groups: version
            .regional_groups
            .iter()
            .map(|g| GroupStat {
                code: g.code,
                name: g.name.clone(),
                replies: g.count,
            })
            .collect(),
        words: version.words,
        late_replies: model
            .replies
            .iter()
            .filter(|r| r.late)
            .map(|r| r.state)
            .collect(),
        translations: versions
            .iter()
            .map(|v| coverage(project, model, v))
            .collect(),
    }
}

/// The figures as a plain-text table for the terminal.
pub fn text(stats: &Stats) -> String {
    let mut out = String::new();
    let noun = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let _ = writeln!(
        out,
        "Replies: {} ({}, {})",
        stats.replies,
        noun(stats.member_states, "Member State", "Member States"),
        noun(stats.observer_states, "observer State", "observer States")
    );
    let width = stats
        .categories
        .iter()
        .map(|c| c.title.chars().count() + 3)
        .max()
        .unwrap_or(10)
        .max(12);
    let _ = writeln!(out, "\n{:<width$}  States  Share", "Category");
    // Lettered as the English report letters them (A to Z, then AA, AB, ...).
    let latin: Vec<String> = ('A'..='Z').map(String::from).collect();
    let latin: Vec<&str> = latin.iter().map(String::as_str).collect();
    for c in &stats.categories {
        let section = c
            .section
            .map_or("-".to_string(), |n| crate::catalogue::spelled(n, &latin));
        let label = format!("{section} {}", c.title);
        let _ = writeln!(
            out,
            "{label:<width$}  {:>6}  {:>4} %",
            c.states, c.share_percent
        );
    }
    let theme_width = stats
        .top_themes
        .iter()
        .map(|t| t.theme.chars().count())
        .max()
        .unwrap_or(5)
        .max(10);
    let _ = writeln!(out, "\n{:<theme_width$}  States", "Top themes");
    for t in &stats.top_themes {
        let _ = writeln!(out, "{:<theme_width$}  {:>6}", t.theme, t.states);
    }
    let labels: Vec<String> = stats
        .regional_groups
        .iter()
        .map(|g| format!("{} ({})", g.name, g.code))
        .collect();
    let group_width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(14);
    let _ = writeln!(out, "\n{:<group_width$}  Replies", "Regional group");
    for (label, g) in labels.iter().zip(&stats.regional_groups) {
        let _ = writeln!(out, "{label:<group_width$}  {:>7}", g.replies);
    }
    let w = &stats.words;
    let _ = writeln!(
        out,
        "\nWords: Secretariat text {} of a limit of {}{}; replies {}; whole document {}",
        thousands(w.secretariat),
        thousands(w.limit as usize),
        if w.over_limit {
            " (OVER THE LIMIT)"
        } else {
            ""
        },
        thousands(w.replies),
        thousands(w.total)
    );
    let _ = writeln!(
        out,
        "Late replies: {}",
        if stats.late_replies.is_empty() {
            "none".to_string()
        } else {
            stats.late_replies.join(", ")
        }
    );
    for c in &stats.translations {
        let name = crate::language::name(&c.language).unwrap_or(&c.language);
        let total = stats.replies;
        let _ = writeln!(
            out,
            "\n{name} version ({}): {} of {total} {} in {name} ({} received in it, {} translated)",
            c.language,
            c.replies_in_language,
            if total == 1 { "reply" } else { "replies" },
            c.originals,
            c.translated
        );
        let list = |items: &[String]| {
            if items.is_empty() {
                "none".to_string()
            } else {
                items.join(", ")
            }
        };
        let _ = writeln!(
            out,
            "  Length: {} {} (Secretariat text {}, replies {})",
            thousands(c.words.total),
            c.units,
            thousands(c.words.secretariat),
            thousands(c.words.replies)
        );
        let _ = writeln!(out, "  No translation: {}", list(&c.missing_translations));
        let _ = writeln!(
            out,
            "  Categories without wording in locales/{}.toml: {}",
            c.language,
            list(&c.missing_categories)
        );
        let _ = writeln!(
            out,
            "  Themes without wording in locales/{}.toml: {}",
            c.language,
            list(&c.missing_themes)
        );
        if !c.missing_report.is_empty() {
            let _ = writeln!(
                out,
                "  [report] fields without wording in locales/{}.toml: {}",
                c.language,
                list(&c.missing_report)
            );
        }
        let _ = writeln!(
            out,
            "  Fixed texts without wording: {}",
            if c.missing_strings.is_empty() {
                "none".to_string()
            } else {
                format!(
                    "{} (the report prints them in English)",
                    c.missing_strings.len()
                )
            }
        );
    }
    out
}
