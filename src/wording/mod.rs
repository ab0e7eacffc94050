//! Facts -> words: the model of a build, worded for one language version. Both the PDF and
//! the HTML print a [`Version`]; neither words anything itself.
//!
//! - The fixed wording (headings, sentences computed from the data, dates, numbers, lists)
//!   comes from the language's [`Catalogue`] (Project Fluent messages plus ICU4X).
//! - The Secretariat's own text (titles, categories, themes, summaries) is written in
//!   `[book] language`; another version takes it from `locales/<lang>.toml` and from the
//!   replies' translations, and prints the source text where they say nothing.
//! - Each reply prints in the version's language: the original if it is written in it, else
//!   its translation under "[Original: Spanish]", else the original, marked (in drafts
//!   "Translation pending") and warned about.
//! - Every text carries the language it is written in, so the outputs tag it (`lang`, `dir`).

use std::collections::HashMap;

use serde::Serialize;

pub use crate::catalogue::Catalogue;

mod code39;

use crate::aggregate::{
    CategorySummary, Model, Paragraphs, Reply, ReplyTranslation, StateRef, Totals,
};
use crate::codes::Code;
use crate::collate;
use crate::config::Masthead;
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::locale::Locale;
use crate::markdown;
use crate::registry::Standing;
use crate::submission::Status;

pub use crate::language::direction;

/// The model worded for one language: what the templates print.
#[derive(Debug, Clone, Serialize)]
pub struct Version {
    /// The version's fixed wording, for the templates' `t("key")`.
    #[serde(skip)]
    pub catalogue: std::sync::Arc<Catalogue>,
    /// The version's language, and its direction.
    pub language: String,
    pub dir: &'static str,
    pub report: VersionReport,
    pub totals: Totals,
    pub paragraphs: Paragraphs,
    /// The sentences of the Summary, the Introduction and chapter II.
    pub prose: Prose,
    pub categories: Vec<VersionCategory>,
    /// Replies per regional group, in the order AFR, APG, EEG, GRULAC, WEOG.
    pub regional_groups: Vec<VersionGroup>,
    /// In the model's order.
    pub replies: Vec<VersionReply>,
    /// Word counts of this version.
    pub words: Words,
    /// What changed since the base of a redline (`--since`), listed before the
    /// Introduction; `None` in every other build (see `redline`).
    pub redline: Option<Changes>,
    /// In a redline, the data the templates receive: this version's, with what changed
    /// since the base marked (see `redline::mark`).
    #[serde(skip)]
    pub marked: Option<std::sync::Arc<serde_json::Value>>,
}

/// A reply named in the list of changes.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Named {
    pub iso3: String,
    pub name: String,
}

/// What changed since the base of a redline in one version (see `redline`): what its list
/// before the Introduction says.
#[derive(Debug, Clone, Serialize, Default, PartialEq, Eq)]
pub struct Changes {
    /// The base, as the heading names it ("Changes since 3f2a9c1d0e4b").
    pub base: String,
    /// "Changes since 3f2a9c1d0e4b", worded.
    pub title: String,
    pub added: Vec<Named>,
    pub removed: Vec<Named>,
    pub changed: Vec<Named>,
    /// The counts that moved, worded: "Replies: 22 → 23".
    pub counts: Vec<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.counts.is_empty()
    }
}

/// The masthead, worded: the facts of book.toml's `[report]` (`config::Masthead`) as
/// this version prints them (organ, distribution, agenda title, job number and original
/// from `locales/<lang>.toml`), and what the version says of them.
#[derive(Debug, Clone, Serialize)]
pub struct VersionReport {
    pub title: String,
    /// The language the Secretariat's text is written in.
    pub language: String,
    #[serde(flatten)]
    pub masthead: Masthead,
    /// "Seventy-fourth session".
    pub session_title: String,
    /// "30 July 2019".
    pub date_text: String,
    /// The date as the masthead prints it (in English in the Arabic, Chinese and Russian
    /// versions).
    pub masthead_date_text: String,
    pub cutoff_text: Option<String>,
    /// The foot of page 1: "V.19-08182 (E) 190819 200819".
    pub job_line: Option<String>,
    /// The job number's Code 39 barcode ("*1908182*"): the widths of its bars and gaps,
    /// alternating, starting with a bar, in narrow units.
    pub barcode: Option<Vec<u8>>,
    /// The text the barcode encodes, printed under it and read by those who cannot see it.
    pub barcode_text: Option<String>,
    /// The version's language, above the "Original" line ("Français"), if it prints one.
    pub masthead_language: Option<String>,
    /// Chapter numbers ("I.", "أولا -"); each section's number is its category's `number`.
    pub chapter_numbers: Vec<String>,
    pub draft: bool,
    pub revision: Option<String>,
    pub build_date_text: Option<String>,
}

/// The data-dependent sentences.
#[derive(Debug, Clone, Serialize)]
pub struct Prose {
    pub summary_mandate: String,
    pub summary_contents: String,
    pub mandate: String,
    pub request: String,
    /// Who replied by the cutoff.
    pub received: String,
    /// Who replied after it, if anyone did.
    pub late: Option<String>,
    pub structure: String,
    pub categories_intro: String,
    /// The categories no State raised, if any.
    pub unraised: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VersionGroup {
    pub code: &'static str,
    pub name: String,
    pub count: usize,
}

/// A State as lists print it.
#[derive(Debug, Clone, Serialize)]
pub struct VersionState {
    pub iso3: &'static str,
    pub name: String,
    pub standing: Standing,
    /// As a list prints it: "State of Palestine (observer State)".
    pub label: String,
    /// What comes before it in its list ("", ", " or " and "), for lists of links.
    pub before: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct VersionCategory {
    pub id: String,
    /// Its section's number in chapter II, from 1; `None` if not raised (no section).
    pub section: Option<usize>,
    /// Its section number in this language ("A.", "ألف -"); empty if not raised.
    pub number: String,
    pub title: String,
    pub description: Option<String>,
    /// "Challenges in this category were raised by five of the 22 Member States that
    /// replied (23 per cent): A, B and C." (empty if no State raised it).
    pub sentence: String,
    /// "By regional group: African States (1) and Asia-Pacific States (2)." or `None`.
    pub groups_sentence: Option<String>,
    /// "5 States (23 per cent)".
    pub count_text: String,
    pub state_count: usize,
    pub share: f64,
    pub share_percent: u32,
    pub states: Vec<VersionState>,
    pub themes: Vec<VersionTheme>,
    pub regional_groups: Vec<VersionGroup>,
    pub summaries: Vec<VersionSummary>,
    pub paragraph: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VersionTheme {
    pub theme: String,
    pub count: usize,
    pub states: Vec<VersionState>,
    /// The States as one list ("A, B and C").
    pub states_text: String,
}

/// A State's summary of one category, in the language it is printed in.
#[derive(Debug, Clone, Serialize)]
pub struct VersionSummary {
    pub iso3: &'static str,
    pub name: String,
    pub themes: Vec<String>,
    /// Markdown.
    pub summary: String,
    pub lang: String,
    pub dir: &'static str,
    pub paragraph: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct VersionReply {
    pub iso3: &'static str,
    pub state: String,
    pub standing: Standing,
    /// The heading: the name, "(observer State)" added for an observer State.
    pub heading: String,
    pub regional_group: Option<&'static str>,
    pub file: String,
    pub received: Date,
    /// "Received 30 April 2019" (", after the cutoff date" when late).
    pub received_text: String,
    pub late: bool,
    /// The language the reply was received in, and its name in this version.
    pub language: String,
    pub language_name: String,
    /// "[Original: Spanish]" when the reply is received in another language than this
    /// version's.
    pub original_line: Option<String>,
    pub reference: Option<String>,
    pub status: Status,
    pub note: Option<String>,
    pub challenges: Vec<VersionChallenge>,
    /// The text printed: Markdown, in `lang`, from the file `text_file`.
    pub body: String,
    pub lang: String,
    pub dir: &'static str,
    pub text_file: String,
    /// The text is a translation.
    pub translated: bool,
    /// A draft build printing the original because the translation is missing.
    pub pending: bool,
    /// "Translation pending", when `pending`.
    pub pending_text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VersionChallenge {
    pub category: String,
    pub category_title: String,
    pub themes: Vec<String>,
    /// The themes as this language lists them ("A, B and C", "A、B和C").
    pub themes_text: String,
}

/// Words of a version, as the Editorial Manual's limit counts them.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Words {
    /// The Secretariat's own text: headings, the Summary, the Introduction and chapter II
    /// (sentences, theme tables and the summaries).
    pub secretariat: usize,
    /// The replies as reproduced in chapter III (State names, notes, texts).
    pub replies: usize,
    pub total: usize,
    /// `[report] word-limit` (8,500 by default) for the Secretariat's text.
    pub limit: u32,
    pub over_limit: bool,
}

/// What a version lacks in its language.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Missing {
    /// Replies printed in another language than the version's: their files.
    pub translations: Vec<String>,
    /// Categories without a title in `locales/<lang>.toml`.
    pub categories: Vec<String>,
    /// Themes without wording in `locales/<lang>.toml`.
    pub themes: Vec<String>,
    /// `[report]` fields without wording there.
    pub report: Vec<String>,
    /// Summaries that a translation printed in this version does not give, so that they
    /// are printed in the book's language: "submissions/chl.fr.md (evidence)".
    pub summaries: Vec<String>,
    /// Built-in messages the language has no wording for.
    pub strings: Vec<String>,
}

/// The text printed for a reply in language `lang`: the original if it is written in
/// `lang`, else its translation into `lang`, else `None` (the original, untranslated).
pub fn text_in<'r>(reply: &'r Reply, lang: &str) -> Option<Option<&'r ReplyTranslation>> {
    if reply.language == lang {
        return Some(None);
    }
    reply
        .translations
        .iter()
        .find(|t| t.language == lang)
        .map(Some)
}

/// What version `lang` of `model` lacks: untranslated replies, and Secretariat text
/// without wording in `locales/<lang>.toml`.
pub fn missing(model: &Model, lang: &str, locale: Option<&Locale>) -> Missing {
    let mut out = Missing::default();
    for r in &model.replies {
        if text_in(r, lang).is_none() {
            out.translations.push(r.file.clone());
        }
    }
    if lang == model.report.language {
        return out;
    }
    for r in &model.replies {
        // The summaries come from the translation into `lang`; for a reply received in
        // `lang`, from a file of summaries only beside it (`chl.fr.md`).
        // No such file: its summaries are in the book's language, like its text if
        // untranslated.
        let given = match text_in(r, lang) {
            Some(Some(t)) => Some(t),
            Some(None) => r.translations.iter().find(|t| t.language == lang),
            None => None,
        };
        let stem = r.file.strip_suffix(".md").unwrap_or(&r.file);
        let file = given.map_or(format!("{stem}.{lang}.md"), |t| t.file.clone());
        for c in &r.challenges {
            if !given.is_some_and(|t| t.summaries.iter().any(|s| s.category == c.category)) {
                out.summaries.push(format!("{file} ({})", c.category));
            }
        }
    }
    // Each theme once, in the order first met (looked up, not searched: 40,000 themes
    // took a second).
    let mut listed = std::collections::HashSet::new();
    for c in &model.categories {
        let worded = locale
            .and_then(|l| l.categories.get(&c.id))
            .is_some_and(|w| w.title.is_some());
        if !worded {
            out.categories.push(c.id.clone());
        }
        for t in &c.themes {
            let worded =
                locale.is_some_and(|l| l.themes.contains_key(&collate::theme_key(&t.theme)));
            if !worded && listed.insert(t.theme.as_str()) {
                out.themes.push(t.theme.clone());
            }
        }
    }
    for (key, present) in [
        ("title", true),
        ("agenda-title", model.report.masthead.agenda_title.is_some()),
    ] {
        if present && !locale.is_some_and(|l| l.report.contains_key(key)) {
            out.report.push(key.to_string());
        }
    }
    out
}

/// Words `model` for `catalogue`'s language, with `locale` (the report root's
/// `locales/<lang>.toml`, if any). Warns about each reply printed untranslated and each
/// piece of Secretariat text printed in its source language.
pub fn version(
    model: &Model,
    catalogue: std::sync::Arc<Catalogue>,
    locale: Option<&Locale>,
    diags: &mut Diagnostics,
) -> Version {
    let shared = catalogue.clone();
    let catalogue = &*shared;
    let lang = catalogue.lang().to_string();
    let source = model.report.language.as_str();
    let w = Wording {
        c: catalogue,
        locale,
        lang: &lang,
        source,
        replies: model.replies.iter().map(|r| (r.iso3, r)).collect(),
    };
    let report = w.report(model);
    // The States in this language's order (its catalogue's `states-order`): the model's
    // (UN English order), or the language's collation of the names.
    let mut order: Vec<&Reply> = model.replies.iter().collect();
    if catalogue.get("states-order", &[]).trim() == "names" {
        let ignore = catalogue.get("states-order-ignore", &[]);
        let same = catalogue.get("states-order-same", &[]);
        let keys: HashMap<&str, String> = order
            .iter()
            .map(|r| {
                (
                    r.iso3,
                    collation_name(&w.name(r.iso3, r.state), &ignore, &same),
                )
            })
            .collect();
        order.sort_by(|a, b| catalogue.compare(&keys[a.iso3], &keys[b.iso3]));
    }
    let rank: HashMap<&str, usize> = order.iter().enumerate().map(|(i, r)| (r.iso3, i)).collect();
    let replies: Vec<VersionReply> = order
        .iter()
        .map(|r| w.reply(r, &model.report, &model.categories))
        .collect();
    let observers = model.totals.observer_states;
    let noun = catalogue.get("states-noun", &[("observers", observers.into())]);
    let categories: Vec<VersionCategory> = model
        .categories
        .iter()
        .map(|c| w.category(c, model, &noun, &rank))
        .collect();
    let regional_groups = model
        .regional_groups
        .iter()
        .map(|g| w.group(g.code, g.count))
        .collect();
    let prose = w.prose(model, &order, &report, &noun, &categories);
    let mut version = Version {
        catalogue: shared.clone(),
        language: lang.clone(),
        dir: direction(&lang),
        report,
        totals: model.totals.clone(),
        paragraphs: model.paragraphs,
        prose,
        categories,
        regional_groups,
        replies,
        words: Words {
            secretariat: 0,
            replies: 0,
            total: 0,
            limit: model.report.masthead.word_limit,
            over_limit: false,
        },
        redline: None,
        marked: None,
    };
    version.words = version_words(&version, catalogue);
    warn_untranslated(&version, source, diags);
    if lang != source {
        let missing = missing(model, &lang, locale);
        let (name, from) = (english_name(&lang), english_name(source));
        let mut say = |items: &[String], what: &str, fix: &str| {
            if !items.is_empty() {
                diags.push(
                    Diagnostic::warning_nowhere(Code::UntranslatedText, format!(
                        "the {name} version has no wording for {} {what}, printed in {from}: {}",
                        items.len(),
                        items.join(", ")
                    ))
                    .help(format!(
                        "{fix} in locales/{lang}.toml (report stats lists what each version lacks)"
                    )),
                );
            }
        };
        say(
            &missing.categories,
            "categories",
            "give [categories.<id>] title = \"...\"",
        );
        say(
            &missing.themes,
            "themes",
            "give \"<theme>\" = \"...\" under [themes]",
        );
        say(
            &missing.report,
            "[report] fields",
            "give them under [report]",
        );
        if !missing.summaries.is_empty() {
            diags.push(
                Diagnostic::warning_nowhere(
                    Code::UntranslatedText,
                    format!(
                        "the {name} version prints {} summaries in {from}, which no {name} \
                         file beside their replies gives: {}",
                        missing.summaries.len(),
                        missing.summaries.join(", ")
                    ),
                )
                .help(
                    "give each category's summary in that file's front matter: [[challenges]] \
                     category = \"...\" summary = \"...\" (for a reply received in this \
                     language, a file of summaries only, with no text)",
                ),
            );
        }
    }
    version
}

/// The English name of a language code, for the editor's terminal.
fn english_name(code: &str) -> &str {
    crate::language::name(code).unwrap_or(code)
}

/// Warns about the replies a version prints in another language than its own: one warning
/// per reply in the version of `[book] language`, one listing them all in the others
/// (whose gaps are a translator's work list, also in `report stats`).
fn warn_untranslated(version: &Version, source: &str, diags: &mut Diagnostics) {
    let lang = version.language.as_str();
    let untranslated: Vec<&VersionReply> =
        version.replies.iter().filter(|r| r.lang != lang).collect();
    if lang == source {
        for r in untranslated {
            let stem = r.file.strip_suffix(".md").unwrap_or(&r.file);
            diags.push(
                Diagnostic::warning_nowhere(
                    Code::UntranslatedReply,
                    format!(
                        "{}: no {} translation: the {} original is printed",
                        r.file,
                        english_name(lang),
                        english_name(&r.language)
                    ),
                )
                .help(format!(
                    "add the translation as {stem}.{lang}.md (report new {} --translation {lang})",
                    r.iso3
                )),
            );
        }
    } else if !untranslated.is_empty() {
        let files: Vec<&str> = untranslated.iter().map(|r| r.file.as_str()).collect();
        diags.push(
            Diagnostic::warning_nowhere(Code::UntranslatedReply, format!(
                "the {} version prints {} of {} replies in their original language, having no {} translation: {}",
                english_name(lang),
                files.len(),
                version.replies.len(),
                english_name(lang),
                files.join(", ")
            ))
            .help(format!(
                "add each as <reply>.{lang}.md beside it (report new STATE --translation {lang})"
            )),
        );
    }
}

/// Pushes a warning for each built-in message the version had to take from English.
pub fn warn_missing_strings(catalogue: &Catalogue, diags: &mut Diagnostics) {
    let missing = catalogue.missing();
    if missing.is_empty() {
        return;
    }
    let lang = catalogue.lang();
    diags.push(
        Diagnostic::warning_nowhere(Code::UntranslatedMessage, format!(
            "the {} version has no wording for {} of the report's fixed texts, printed in English: {}",
            catalogue.language_name(lang),
            missing.len(),
            missing.join(", ")
        ))
        .help(format!("give them under [strings] in locales/{lang}.toml")),
    );
}

/// Warns when the Secretariat's own text is longer than `[report] word-limit` allows.
pub fn check_word_limit(version: &Version, diags: &mut Diagnostics) {
    let words = &version.words;
    if words.over_limit {
        diags.push(
            Diagnostic::warning_nowhere(Code::WordLimit, format!(
                "the Secretariat's text has {} words, more than the limit of {} for reports of the Secretariat",
                crate::english::thousands(words.secretariat),
                crate::english::thousands(words.limit as usize)
            ))
            .help("shorten the summaries in the replies' front matter, or set [report] word-limit in book.toml"),
        );
    }
}

struct Wording<'a> {
    c: &'a Catalogue,
    locale: Option<&'a Locale>,
    /// The version's language.
    lang: &'a str,
    /// The language of the Secretariat's text.
    source: &'a str,
    /// The model's replies by State code.
    replies: HashMap<&'a str, &'a Reply>,
}

impl Wording<'_> {
    /// A `[report]` text field in this version.
    fn report_text(&self, key: &str, source: &str) -> String {
        self.locale
            .and_then(|l| l.report.get(key))
            .cloned()
            .unwrap_or_else(|| source.to_string())
    }

    fn report(&self, model: &Model) -> VersionReport {
        let r = &model.report;
        let facts = &r.masthead;
        let mut masthead = facts.clone();
        masthead.organ = self.report_text("organ", &facts.organ);
        masthead.distribution = self.report_text("distribution", &facts.distribution);
        masthead.agenda_title = facts
            .agenda_title
            .as_ref()
            .map(|t| self.report_text("agenda-title", t));
        masthead.job_number = facts
            .job_number
            .as_ref()
            .map(|j| self.report_text("job-number", j));
        // The language the report was written in, named in this version's language
        // (book.toml's `original` in its own language).
        if self.lang != self.source {
            masthead.original = self
                .locale
                .and_then(|l| l.report.get("original"))
                .cloned()
                .unwrap_or_else(|| self.c.language_name(self.source));
        }
        let job_number = masthead.job_number.as_deref();
        VersionReport {
            title: self.report_text("title", &r.title),
            language: r.language.clone(),
            session_title: self.c.session_title(facts.session),
            date_text: self.c.date(facts.date),
            masthead_date_text: {
                let english = self.c.english_date(facts.date);
                self.c.get(
                    "masthead-date",
                    &[
                        ("date", (&self.c.date(facts.date)).into()),
                        ("english", (&english).into()),
                    ],
                )
            },
            cutoff_text: facts.cutoff.map(|d| self.c.date(d)),
            job_line: job_number.map(|job| {
                let ddmmyy = |d: Option<Date>| {
                    d.map(|d| format!("{:02}{:02}{:02}", d.day, d.month, d.year % 100))
                        .unwrap_or_default()
                };
                let line = self.c.get(
                    "job-line",
                    &[
                        ("job", job.into()),
                        ("processed", (&ddmmyy(facts.processed)).into()),
                        ("issued", (&ddmmyy(facts.issued)).into()),
                    ],
                );
                line.split_whitespace().collect::<Vec<_>>().join(" ")
            }),
            barcode: job_number.and_then(code39::bars),
            barcode_text: job_number.and_then(code39::text),
            masthead_language: Some(self.c.get("masthead-language", &[]))
                .filter(|t| !t.trim().is_empty()),
            chapter_numbers: (1..=5usize)
                .map(|n| self.c.get("chapter-number", &[("n", n.into())]))
                .collect(),
            draft: r.draft,
            revision: r.revision.clone(),
            build_date_text: r.build_date.map(|d| self.c.date(d)),
            masthead,
        }
    }

    /// A State's name in this version's language.
    fn name(&self, iso3: &str, english: &str) -> String {
        crate::registry::name_in(iso3, self.lang)
            .unwrap_or(english)
            .to_string()
    }

    fn state(&self, s: &StateRef) -> VersionState {
        let name = self.name(s.iso3, s.name);
        VersionState {
            iso3: s.iso3,
            label: self.label(&name, s.standing),
            name,
            standing: s.standing,
            before: String::new(),
        }
    }

    fn label(&self, name: &str, standing: Standing) -> String {
        let key = match standing {
            Standing::Member => "state-member",
            Standing::Observer => "state-observer",
        };
        self.c.get(key, &[("name", name.into())])
    }

    fn group(&self, code: &'static str, count: usize) -> VersionGroup {
        VersionGroup {
            code,
            name: self.c.get("group-name", &[("code", code.into())]),
            count,
        }
    }

    fn category_title(&self, id: &str, title: &str) -> String {
        if self.lang == self.source {
            return title.to_string();
        }
        self.locale
            .and_then(|l| l.categories.get(id))
            .and_then(|w| w.title.clone())
            .unwrap_or_else(|| title.to_string())
    }

    fn theme(&self, theme: &str) -> String {
        if self.lang == self.source {
            return theme.to_string();
        }
        self.locale
            .and_then(|l| l.themes.get(&collate::theme_key(theme)))
            .cloned()
            .unwrap_or_else(|| theme.to_string())
    }

    fn category(
        &self,
        c: &CategorySummary,
        model: &Model,
        noun: &str,
        rank: &HashMap<&str, usize>,
    ) -> VersionCategory {
        let at = |iso3: &str| rank.get(iso3).copied().unwrap_or(usize::MAX);
        let mut states: Vec<VersionState> = c.states.iter().map(|s| self.state(s)).collect();
        states.sort_by_key(|s| at(s.iso3));
        let regional_groups: Vec<VersionGroup> = c
            .regional_groups
            .iter()
            .map(|g| self.group(g.code, g.count))
            .collect();
        let raised = c.state_count > 0;
        let percent = self.c.figure(c.share_percent as usize);
        let sentence = if raised {
            let labels: Vec<&str> = states.iter().map(|s| s.label.as_str()).collect();
            self.c.get(
                "category-raised",
                &[
                    ("count", c.state_count.into()),
                    ("number", (&self.c.number(c.state_count)).into()),
                    ("total", model.totals.replies.into()),
                    (
                        "total-number",
                        (&self.c.number(model.totals.replies)).into(),
                    ),
                    ("noun", noun.into()),
                    ("percent", (&percent).into()),
                    ("states", (&self.c.list(&labels)).into()),
                ],
            )
        } else {
            String::new()
        };
        let groups: Vec<String> = regional_groups
            .iter()
            .filter(|g| g.count > 0)
            .map(|g| {
                self.c.get(
                    "category-group",
                    &[
                        ("group", (&g.name).into()),
                        ("count", (&self.c.figure(g.count)).into()),
                    ],
                )
            })
            .collect();
        let groups_sentence = (raised && !groups.is_empty()).then(|| {
            self.c.get(
                "category-groups",
                &[("groups", (&self.c.list(&groups)).into())],
            )
        });
        let description = if self.lang == self.source {
            c.description.clone()
        } else {
            self.locale
                .and_then(|l| l.categories.get(&c.id))
                .and_then(|w| w.description.clone())
                .or_else(|| c.description.clone())
        };
        let mut summaries: Vec<VersionSummary> = c
            .summaries
            .iter()
            .map(|s| {
                let reply = self.replies.get(s.iso3);
                let translated = (self.lang != self.source)
                    .then(|| {
                        reply.and_then(|r| {
                            r.translations
                                .iter()
                                .find(|t| t.language == self.lang)
                                .and_then(|t| t.summaries.iter().find(|ts| ts.category == c.id))
                        })
                    })
                    .flatten();
                let (summary, lang) = match translated {
                    Some(t) => (t.summary.clone(), self.lang.to_string()),
                    None => (s.summary.clone(), self.source.to_string()),
                };
                VersionSummary {
                    iso3: s.iso3,
                    name: self.name(s.iso3, s.name),
                    themes: s.themes.iter().map(|t| self.theme(t)).collect(),
                    summary,
                    dir: direction(&lang),
                    lang,
                    paragraph: s.paragraph,
                }
            })
            .collect();
        // In this version's order, keeping the paragraph numbers of the category.
        let mut numbers: Vec<u32> = summaries.iter().map(|s| s.paragraph).collect();
        numbers.sort_unstable();
        summaries.sort_by_key(|s| at(s.iso3));
        for (s, n) in summaries.iter_mut().zip(numbers) {
            s.paragraph = n;
        }
        let number = c
            .section
            .map(|n| self.c.section_number(n))
            .unwrap_or_default();
        VersionCategory {
            id: c.id.clone(),
            section: c.section,
            number,
            title: self.category_title(&c.id, &c.title),
            description,
            sentence,
            groups_sentence,
            count_text: self.c.get(
                "category-count",
                &[
                    ("count", c.state_count.into()),
                    ("number", (&self.c.figure(c.state_count)).into()),
                    ("percent", (&percent).into()),
                ],
            ),
            state_count: c.state_count,
            share: c.share,
            share_percent: c.share_percent,
            themes: c
                .themes
                .iter()
                .map(|t| {
                    let mut ordered: Vec<&StateRef> = t.states.iter().collect();
                    ordered.sort_by_key(|s| at(s.iso3));
                    let separators = self.c.list_separators(ordered.len());
                    let states: Vec<VersionState> = ordered
                        .into_iter()
                        .zip(separators)
                        .map(|(s, before)| VersionState {
                            before,
                            ..self.state(s)
                        })
                        .collect();
                    let labels: Vec<&str> = states.iter().map(|s| s.label.as_str()).collect();
                    VersionTheme {
                        theme: self.theme(&t.theme),
                        count: t.count,
                        states_text: self.c.list(&labels),
                        states,
                    }
                })
                .collect(),
            states,
            regional_groups,
            summaries,
            paragraph: c.paragraph,
        }
    }

    fn reply(
        &self,
        r: &Reply,
        report: &crate::aggregate::ReportInfo,
        categories: &[CategorySummary],
    ) -> VersionReply {
        let language_name = self.c.language_name(&r.language);
        let chosen = text_in(r, self.lang);
        let (body, lang, text_file, translated, note) = match chosen {
            Some(Some(t)) => (
                t.body.clone(),
                t.language.clone(),
                t.file.clone(),
                true,
                t.note.clone().or_else(|| r.note.clone()),
            ),
            _ => (
                r.body.clone(),
                r.language.clone(),
                r.file.clone(),
                false,
                r.note.clone(),
            ),
        };
        let untranslated = chosen.is_none();
        let pending = untranslated && report.draft;
        let date = self.c.date(r.received);
        let state = self.name(r.iso3, r.state);
        VersionReply {
            iso3: r.iso3,
            heading: self.label(&state, r.standing),
            state,
            standing: r.standing,
            regional_group: r.regional_group,
            file: r.file.clone(),
            received: r.received,
            received_text: self.c.get(
                if r.late {
                    "received-late"
                } else {
                    "received-on"
                },
                &[("date", (&date).into())],
            ),
            late: r.late,
            language: r.language.clone(),
            original_line: (r.language != self.lang).then(|| {
                self.c.get(
                    "original-language",
                    &[
                        ("language", (&language_name).into()),
                        ("code", r.language.as_str().into()),
                    ],
                )
            }),
            language_name,
            reference: r.reference.clone(),
            status: r.status,
            note,
            challenges: r
                .challenges
                .iter()
                .map(|c| {
                    let themes: Vec<String> = c.themes.iter().map(|t| self.theme(t)).collect();
                    VersionChallenge {
                        category: c.category.clone(),
                        category_title: categories
                            .iter()
                            .find(|cat| cat.id == c.category)
                            .map(|cat| self.category_title(&cat.id, &cat.title))
                            .unwrap_or_default(),
                        themes_text: self.c.list(&themes),
                        themes,
                    }
                })
                .collect(),
            body,
            dir: direction(&lang),
            lang,
            text_file,
            translated,
            pending,
            pending_text: pending.then(|| self.c.get("translation-pending", &[])),
        }
    }

    fn prose(
        &self,
        model: &Model,
        order: &[&Reply],
        report: &VersionReport,
        noun: &str,
        categories: &[VersionCategory],
    ) -> Prose {
        let c = self.c;
        let subject = lower_first(&report.title);
        let session = lower_first(&report.session_title);
        let total = model.totals.replies;
        let label = |r: &&Reply| self.label(&self.name(r.iso3, r.state), r.standing);
        let on_time: Vec<String> = order.iter().filter(|r| !r.late).map(label).collect();
        let late: Vec<String> = order.iter().filter(|r| r.late).map(label).collect();
        let cutoff = report.cutoff_text.clone().unwrap_or_default();
        let has_cutoff = if report.cutoff_text.is_some() {
            "yes"
        } else {
            "no"
        };
        let received = c.get(
            "intro-received",
            &[
                ("has-cutoff", has_cutoff.into()),
                ("cutoff", (&cutoff).into()),
                ("count", on_time.len().into()),
                ("number", (&c.number(on_time.len())).into()),
                ("noun", noun.into()),
                ("states", (&c.list(&on_time)).into()),
            ],
        );
        let late = (!late.is_empty()).then(|| {
            c.get(
                "intro-late",
                &[
                    ("count", late.len().into()),
                    ("states", (&c.list(&late)).into()),
                ],
            )
        });
        let raised = model.totals.categories_raised;
        let unraised: Vec<&str> = categories
            .iter()
            .filter(|c| c.state_count == 0)
            .map(|c| c.title.as_str())
            .collect();
        let mandate_args = [
            ("mandate", (&report.masthead.mandate).into()),
            ("subject", (&subject).into()),
            ("session", (&session).into()),
        ];
        Prose {
            summary_mandate: c.get("summary-mandate", &mandate_args),
            summary_contents: c.get(
                "summary-contents",
                &[
                    ("count", total.into()),
                    ("number", (&c.number(total)).into()),
                    ("noun", noun.into()),
                    ("categories", raised.into()),
                    ("categories-number", (&c.number(raised)).into()),
                ],
            ),
            mandate: c.get("intro-mandate", &mandate_args),
            request: c.get("intro-request", &[]),
            received,
            late,
            structure: c.get("intro-structure", &[]),
            categories_intro: c.get("categories-intro", &[]),
            unraised: (!unraised.is_empty()).then(|| {
                c.get(
                    "categories-unraised",
                    &[
                        ("count", unraised.len().into()),
                        ("categories", (&c.list(&unraised)).into()),
                    ],
                )
            }),
        }
    }
}

/// The name a State is ordered by: without a leading `ignore` (the Arabic article "ال"),
/// and each first letter of a pair in `same` read as the second ("أا إا آا": the hamza
/// forms of alif as alif), as the catalogue says (docs/languages.md).
fn collation_name(name: &str, ignore: &str, same: &str) -> String {
    let ignore = ignore.trim();
    let name = match name.strip_prefix(ignore) {
        Some(rest) if !ignore.is_empty() => rest,
        _ => name,
    };
    let pairs: Vec<(char, char)> = same
        .split_whitespace()
        .filter_map(|pair| {
            let mut chars = pair.chars();
            Some((chars.next()?, chars.next()?))
        })
        .collect();
    name.chars()
        .map(|c| {
            pairs
                .iter()
                .find(|(from, _)| *from == c)
                .map_or(c, |(_, to)| *to)
        })
        .collect()
}

/// "Countering ..." -> "countering ...", to run inside a sentence (a no-op in scripts
/// without case).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Words of a Markdown text as printed. Memoized: every build words all versions of
/// every reply, and a rebuild after an edit finds all the other texts as they were (the
/// cache is cleared with Typst's).
#[comemo::memoize]
fn markdown_words(text: &str) -> usize {
    let mut plain = String::new();
    markdown::parse(text).text(&mut plain);
    crate::language::count_words(&plain)
}

/// The headings the default templates print around the data.
const HEADINGS: &[&str] = &[
    "report-of-sg",
    "summary",
    "contents",
    "chapter-introduction",
    "chapter-categories",
    "chapter-replies",
];

fn version_words(version: &Version, c: &Catalogue) -> Words {
    let w = |t: &str| crate::language::count_words(t);
    let p = &version.prose;
    let mut secretariat =
        w(&version.report.title) + HEADINGS.iter().map(|h| w(&c.get(h, &[]))).sum::<usize>();
    secretariat += [
        &p.summary_mandate,
        &p.summary_contents,
        &p.mandate,
        &p.request,
        &p.received,
        &p.structure,
        &p.categories_intro,
    ]
    .iter()
    .map(|t| w(t))
    .sum::<usize>();
    secretariat += p.late.as_deref().map_or(0, w) + p.unraised.as_deref().map_or(0, w);
    for cat in version.categories.iter().filter(|c| c.section.is_some()) {
        secretariat +=
            w(&cat.title) + w(&cat.sentence) + cat.groups_sentence.as_deref().map_or(0, w);
        for t in &cat.themes {
            secretariat += w(&t.theme) + w(&t.states_text) + 1;
        }
        for s in &cat.summaries {
            secretariat += w(&s.name) + markdown_words(&s.summary);
        }
    }
    let replies: usize = version
        .replies
        .iter()
        .map(|r| w(&r.heading) + r.note.as_deref().map_or(0, w) + markdown_words(&r.body))
        .sum();
    Words {
        secretariat,
        replies,
        total: secretariat + replies,
        limit: version.words.limit,
        over_limit: secretariat > version.words.limit as usize,
    }
}

/// The locale of `lang` among a project's, if the report root has one.
pub fn locale_of<'l>(locales: &'l [Locale], lang: &str) -> Option<&'l Locale> {
    locales.iter().find(|l| l.language == lang)
}

/// A version's catalogue: the built-in wording of `lang` and the locale's `[strings]`
/// (each already checked to be a Fluent pattern when the locale was read).
pub fn catalogue_for(lang: &str, locale: Option<&Locale>) -> Catalogue {
    let overrides: Vec<(String, String)> = locale
        .map(|l| {
            l.strings
                .iter()
                .map(|(k, v, _)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default();
    Catalogue::new(lang, &overrides).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_a_translation_lacks_is_said_missing() {
        use crate::testroot::{reply, write};
        let dir = tempfile::tempdir().unwrap();
        let translation =
            "+++\n[[challenges]]\ncategory = \"evidence\"\nsummary = \"Preuves.\"\n+++\n\nTexte.\n";
        write(
            dir.path(),
            &[
                (
                    "submissions/chl.md",
                    &reply("Chile", "2019-04-01", "es", &["evidence", "prevention"]),
                ),
                ("submissions/chl.fr.md", translation),
            ],
        );
        let loaded = crate::load::load(dir.path());
        assert!(!loaded.diagnostics.has_errors());
        let options = crate::aggregate::Options {
            include_drafts: true,
            draft: None,
        };
        let model = crate::aggregate::aggregate(&loaded.project.unwrap(), options);
        assert_eq!(
            missing(&model, "fr", None).summaries,
            ["submissions/chl.fr.md (prevention)"]
        );
        // The book's own language takes its summaries from the replies.
        assert!(missing(&model, "en", None).summaries.is_empty());
    }

    #[test]
    fn states_are_ordered_by_the_catalogues_rules() {
        let ar = Catalogue::new("ar", &[]).0;
        let (ignore, same) = (
            ar.get("states-order-ignore", &[]),
            ar.get("states-order-same", &[]),
        );
        assert_eq!(collation_name("الأرجنتين", &ignore, &same), "ارجنتين");
        assert_eq!(collation_name("إسبانيا", &ignore, &same), "اسبانيا");
        // Elsewhere nothing is left out or read otherwise.
        let fr = Catalogue::new("fr", &[]).0;
        let (ignore, same) = (
            fr.get("states-order-ignore", &[]),
            fr.get("states-order-same", &[]),
        );
        assert_eq!(
            collation_name("Émirats arabes unis", &ignore, &same),
            "Émirats arabes unis"
        );
        assert_eq!(fr.get("states-order", &[]), "names");
        assert_eq!(
            Catalogue::new("zh", &[]).0.get("states-order", &[]),
            "english"
        );
    }
}
