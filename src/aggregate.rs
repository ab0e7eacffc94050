//! Replies -> the report model: every number, order and list the outputs print.
//!
//! - replies in UN English alphabetical order of short names, ignoring diacritics;
//! - per category (in `book.toml` order): the States that raised it, its share of all
//!   replies, its themes ranked by how many States raised each (ties alphabetically; themes
//!   match case- and whitespace-insensitively and print as most replies spell them), its
//!   breakdown by regional group and each State's summary;
//! - regional-group counts and late replies.
//!
//! A pure function of the project, and the facts only: dates as dates, counts, State,
//! category and theme keys, the texts with the language each is written in. It holds no
//! word of any language version: `wording` turns it into a language's sentences. The model
//! is also written out as `output/data.json`; its shape is documented in `docs/data-json.md`.

use std::collections::HashMap;

use serde::Serialize;

use crate::collate;
use crate::config::{Config, Masthead};
use crate::date::Date;
use crate::load::Project;
use crate::registry::{RegionalGroup, Standing};
use crate::submission::{Status, Submission, Translation};

/// Version of the data.json shape; raised only when a field changes meaning or goes away.
/// 2: the sentences and printed forms left the model for the wording of each language
/// version; replies carry their translations.
pub const SCHEMA_VERSION: u32 = 3;

/// Draft builds: draft replies included, every page marked with the revision and date.
#[derive(Debug, Clone, Hash)]
pub struct Draft {
    /// The commit the draft was built from, or what `--revision` says.
    pub revision: String,
    pub date: Date,
}

#[derive(Debug, Clone, Serialize)]
pub struct Model {
    pub schema_version: u32,
    pub report: ReportInfo,
    pub totals: Totals,
    /// The numbers of the Secretariat's paragraphs.
    pub paragraphs: Paragraphs,
    /// Every category of book.toml, in its order, raised or not.
    pub categories: Vec<CategorySummary>,
    /// Replies per regional group, in the order AFR, APG, EEG, GRULAC, WEOG.
    pub regional_groups: Vec<GroupCount>,
    /// In UN English alphabetical order.
    pub replies: Vec<Reply>,
}

/// The masthead facts: book.toml's `[report]` as it is, with the book's title and
/// languages and the build's draft facts.
#[derive(Debug, Clone, Serialize)]
pub struct ReportInfo {
    pub title: String,
    /// The language the Secretariat's text is written in (`[book] language`).
    pub language: String,
    /// The language versions to build (`[book] languages`), the first at the top.
    pub languages: Vec<String>,
    #[serde(flatten)]
    pub masthead: Masthead,
    /// A draft build (draft replies included, pages marked "DRAFT").
    pub draft: bool,
    /// In a draft build, the commit it was built from.
    pub revision: Option<String>,
    /// In a draft build, the build date.
    pub build_date: Option<Date>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Totals {
    pub replies: usize,
    pub member_states: usize,
    pub observer_states: usize,
    pub late_replies: usize,
    /// Categories raised by at least one State.
    pub categories_raised: usize,
}

/// A State as lists print it.
#[derive(Debug, Clone, Serialize)]
pub struct StateRef {
    pub iso3: &'static str,
    pub name: &'static str,
    pub standing: Standing,
}

#[derive(Debug, Clone, Serialize)]
pub struct CategorySummary {
    pub id: String,
    /// Its section's number in chapter II, from 1; `None` if no State raised it (it gets
    /// no section). How a version letters it ("A.", "ألف -") is wording.
    pub section: Option<usize>,
    pub title: String,
    pub description: Option<String>,
    /// How many States raised it.
    pub state_count: usize,
    /// `state_count` over all replies, from 0 to 1.
    pub share: f64,
    /// The share in whole per cent, rounded half up.
    pub share_percent: u32,
    pub states: Vec<StateRef>,
    /// Ranked: most States first, ties in alphabetical order.
    pub themes: Vec<ThemeCount>,
    /// How many of its States are in each regional group (all five, zeros included).
    pub regional_groups: Vec<GroupCount>,
    /// Each State's summary for this category, in UN order.
    pub summaries: Vec<CategoryEntry>,
    /// The number of the paragraph `sentence` opens; `None` if no State raised it.
    pub paragraph: Option<u32>,
}

/// The Secretariat's paragraphs (Introduction and chapter II) are numbered straight through
/// the document, as in every UN report; the PDF and the site print the same numbers, so a
/// reviewer can cite "paragraph 12" from either. The paragraphs of chapter II's sections
/// carry theirs ([`CategorySummary::paragraph`], [`CategoryEntry::paragraph`]).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Paragraphs {
    pub mandate: u32,
    pub request: u32,
    pub received: u32,
    pub structure: u32,
    pub categories_intro: u32,
    /// After the last section of chapter II, if some category was not raised.
    pub unraised: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ThemeCount {
    /// As most replies spell it (on a tie, lower case if a spelling is, else the first met).
    pub theme: String,
    pub count: usize,
    pub states: Vec<StateRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupCount {
    pub code: &'static str,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct CategoryEntry {
    pub iso3: &'static str,
    pub name: &'static str,
    pub themes: Vec<String>,
    /// Markdown.
    pub summary: String,
    /// Its paragraph number.
    pub paragraph: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Reply {
    pub iso3: &'static str,
    pub state: &'static str,
    pub m49: u16,
    pub standing: Standing,
    pub regional_group: Option<&'static str>,
    /// Path of the reply file, relative to the report root.
    pub file: String,
    pub received: Date,
    /// Received after the cutoff.
    pub late: bool,
    /// The language the reply was received in: the language of `body`.
    pub language: String,
    pub reference: Option<String>,
    pub status: Status,
    pub note: Option<String>,
    pub challenges: Vec<ReplyChallenge>,
    /// The reply as received, Markdown.
    pub body: String,
    /// Its translations this build includes, by language code in file order.
    pub translations: Vec<ReplyTranslation>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReplyChallenge {
    pub category: String,
    pub themes: Vec<String>,
    /// In `[book] language`, Markdown.
    pub summary: String,
}

/// A translation of a reply (`arg.en.md`).
#[derive(Debug, Clone, Serialize)]
pub struct ReplyTranslation {
    /// The language it is written in (the file name's suffix).
    pub language: String,
    pub file: String,
    pub status: Status,
    pub translator: Option<String>,
    pub note: Option<String>,
    /// Markdown.
    pub body: String,
    /// Translated summaries, by category id.
    pub summaries: Vec<TranslatedSummary>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TranslatedSummary {
    pub category: String,
    pub summary: String,
}

/// Which replies a build includes.
#[derive(Debug, Clone, Default, Hash)]
pub struct Options {
    /// Include `status = "draft"` replies.
    pub include_drafts: bool,
    /// A draft build: what to print on every page.
    pub draft: Option<Draft>,
}

/// Builds the model from a checked project.
pub fn aggregate(project: &Project, options: Options) -> Model {
    let config = &project.config;
    let mut included: Vec<&Submission> = project
        .submissions
        .iter()
        .filter(|s| options.include_drafts || s.status == Status::Final)
        .collect();
    included.sort_by_cached_key(|s| collate::sort_key(s.state.name));
    // Translations by the path of their original, in file order.
    let mut translations: HashMap<&str, Vec<&Translation>> = HashMap::new();
    for t in &project.translations {
        if options.include_drafts || t.status == Status::Final {
            translations.entry(t.original.as_str()).or_default().push(t);
        }
    }

    let replies: Vec<Reply> = included
        .iter()
        .map(|s| {
            let of = translations
                .get(s.path.as_str())
                .map_or(&[][..], Vec::as_slice);
            reply(s, of, config)
        })
        .collect();
    let mut sections = 0;
    let mut categories: Vec<CategorySummary> = config
        .categories
        .iter()
        .map(|c| {
            let mut summary = category(&c.id, &c.title, c.description.clone(), &included);
            if summary.state_count > 0 {
                sections += 1;
                summary.section = Some(sections);
            }
            summary
        })
        .collect();
    let totals = Totals {
        replies: replies.len(),
        member_states: replies
            .iter()
            .filter(|r| r.standing == Standing::Member)
            .count(),
        observer_states: replies
            .iter()
            .filter(|r| r.standing == Standing::Observer)
            .count(),
        late_replies: replies.iter().filter(|r| r.late).count(),
        categories_raised: categories.iter().filter(|c| c.state_count > 0).count(),
    };
    let unraised = categories.iter().any(|c| c.state_count == 0);
    let paragraphs = number_paragraphs(&mut categories, unraised);
    Model {
        schema_version: SCHEMA_VERSION,
        report: report_info(config, &options),
        totals,
        paragraphs,
        categories,
        regional_groups: group_counts(&included),
        replies,
    }
}

fn report_info(config: &Config, options: &Options) -> ReportInfo {
    ReportInfo {
        title: config.book.title.clone(),
        language: config.book.language.clone(),
        languages: config.book.languages.clone(),
        masthead: config.report.clone(),
        draft: options.draft.is_some(),
        revision: options.draft.as_ref().map(|d| d.revision.clone()),
        build_date: options.draft.as_ref().map(|d| d.date),
    }
}

fn state_ref(s: &Submission) -> StateRef {
    StateRef {
        iso3: s.state.iso3,
        name: s.state.name,
        standing: s.state.standing,
    }
}

fn reply(s: &Submission, translations: &[&Translation], config: &Config) -> Reply {
    let late = config.report.cutoff.is_some_and(|c| s.received > c);
    Reply {
        iso3: s.state.iso3,
        state: s.state.name,
        m49: s.state.m49,
        standing: s.state.standing,
        regional_group: s.state.group.map(RegionalGroup::code),
        file: s.path.clone(),
        received: s.received,
        late,
        language: s.language.clone(),
        reference: s.reference.clone(),
        status: s.status,
        note: s.note.clone(),
        challenges: s
            .challenges
            .iter()
            .map(|c| ReplyChallenge {
                category: c.category.clone(),
                themes: c.themes.clone(),
                summary: c.summary.clone(),
            })
            .collect(),
        body: s.body.clone(),
        translations: translations
            .iter()
            .map(|t| ReplyTranslation {
                language: t.language.clone(),
                file: t.path.clone(),
                status: t.status,
                translator: t.translator.clone(),
                note: t.note.clone(),
                body: t.body.clone(),
                summaries: t
                    .summaries
                    .iter()
                    .map(|(category, summary)| TranslatedSummary {
                        category: category.clone(),
                        summary: summary.clone(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn category(
    id: &str,
    title: &str,
    description: Option<String>,
    replies: &[&Submission],
) -> CategorySummary {
    let mut raised: Vec<&Submission> = Vec::new();
    let mut summaries = Vec::new();
    // Theme key -> index in `themes`, and each theme's spellings with how many replies
    // wrote each, in the order met.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut themes: Vec<ThemeCount> = Vec::new();
    let mut spellings: Vec<Vec<(String, usize)>> = Vec::new();
    for s in replies {
        let Some(challenge) = s.challenges.iter().find(|c| c.category == id) else {
            continue;
        };
        raised.push(s);
        summaries.push(CategoryEntry {
            iso3: s.state.iso3,
            name: s.state.name,
            themes: challenge.themes.clone(),
            summary: challenge.summary.clone(),
            paragraph: 0,
        });
        for theme in &challenge.themes {
            let key = collate::theme_key(theme);
            let i = *index.entry(key).or_insert_with(|| {
                themes.push(ThemeCount {
                    theme: theme.clone(),
                    count: 0,
                    states: Vec::new(),
                });
                spellings.push(Vec::new());
                themes.len() - 1
            });
            // A reply lists each theme once per category (duplicates are dropped on load).
            themes[i].states.push(state_ref(s));
            themes[i].count += 1;
            match spellings[i].iter_mut().find(|(t, _)| t == theme) {
                Some((_, n)) => *n += 1,
                None => spellings[i].push((theme.clone(), 1)),
            }
        }
    }
    for (theme, spellings) in themes.iter_mut().zip(&spellings) {
        theme.theme = spelling(spellings);
    }
    themes.sort_by_cached_key(|t| (std::cmp::Reverse(t.count), collate::sort_key(&t.theme)));
    let total = replies.len();
    let share = if total == 0 {
        0.0
    } else {
        raised.len() as f64 / total as f64
    };
    CategorySummary {
        id: id.to_string(),
        section: None,
        title: title.to_string(),
        description,
        state_count: raised.len(),
        share,
        share_percent: percent(raised.len(), total),
        states: raised.iter().map(|s| state_ref(s)).collect(),
        themes,
        regional_groups: group_counts(&raised),
        summaries,
        paragraph: None,
    }
}

/// Numbers the Secretariat's paragraphs in the order the document prints them: the four of
/// the Introduction, the opening of chapter II, then in each raised category its sentence
/// and each State's summary, and last the sentence on categories nobody raised.
fn number_paragraphs(categories: &mut [CategorySummary], unraised: bool) -> Paragraphs {
    let mut next = 0;
    let mut take = || {
        next += 1;
        next
    };
    let mut paragraphs = Paragraphs {
        mandate: take(),
        request: take(),
        received: take(),
        structure: take(),
        categories_intro: take(),
        unraised: None,
    };
    for c in categories.iter_mut().filter(|c| c.section.is_some()) {
        c.paragraph = Some(take());
        for s in &mut c.summaries {
            s.paragraph = take();
        }
    }
    if unraised {
        paragraphs.unraised = Some(take());
    }
    paragraphs
}

/// How a theme prints: the spelling most replies wrote; on a tie, a lower-case one
/// ("mutual legal assistance" rather than "Mutual legal assistance"), else the first met.
fn spelling(spellings: &[(String, usize)]) -> String {
    let most = spellings.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let tied: Vec<&String> = spellings
        .iter()
        .filter(|(_, n)| *n == most)
        .map(|(t, _)| t)
        .collect();
    tied.iter()
        .find(|t| t.to_lowercase() == ***t)
        .or(tied.first())
        .map(|t| (*t).clone())
        .unwrap_or_default()
}

/// Whole per cent, rounded half up, computed in integers so it never disagrees across
/// outputs.
pub fn percent(part: usize, whole: usize) -> u32 {
    if whole == 0 {
        return 0;
    }
    ((part * 200 + whole) / (2 * whole)) as u32
}

fn group_counts(replies: &[&Submission]) -> Vec<GroupCount> {
    RegionalGroup::ALL
        .iter()
        .map(|g| GroupCount {
            code: g.code(),
            count: replies.iter().filter(|s| s.state.group == Some(*g)).count(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testroot::{reply, write};

    fn model(files: &[(&str, &str)]) -> Model {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), files);
        let loaded = crate::load::load(dir.path());
        assert!(!loaded.diagnostics.has_errors(), "{:?}", loaded.diagnostics);
        let options = Options {
            include_drafts: false,
            draft: None,
        };
        aggregate(&loaded.project.unwrap(), options)
    }

    #[test]
    fn sections_number_the_raised_categories_only_and_counts_add_up() {
        let model = model(&[
            (
                "submissions/chl.md",
                &reply("Chile", "2019-04-01", "es", &["evidence"]),
            ),
            (
                "submissions/fra.md",
                &reply("France", "2019-06-10", "fr", &["evidence", "prevention"]),
            ),
        ]);
        let sections: Vec<(&str, Option<usize>, usize)> = model
            .categories
            .iter()
            .map(|c| (c.id.as_str(), c.section, c.state_count))
            .collect();
        assert_eq!(
            sections,
            [
                ("cooperation", None, 0),
                ("evidence", Some(1), 2),
                ("prevention", Some(2), 1)
            ]
        );
        assert_eq!(model.totals.replies, 2);
        assert_eq!(model.totals.late_replies, 1);
        assert_eq!(model.totals.categories_raised, 2);
        // Shares in whole per cent, of all replies.
        assert_eq!(model.categories[1].share_percent, 100);
        assert_eq!(model.categories[2].share_percent, 50);
        // The Secretariat's paragraphs are numbered straight through: each raised
        // category, then each of its summaries.
        let evidence = &model.categories[1];
        let numbers: Vec<u32> = std::iter::once(evidence.paragraph.unwrap())
            .chain(evidence.summaries.iter().map(|s| s.paragraph))
            .collect();
        assert!(numbers.windows(2).all(|w| w[1] == w[0] + 1), "{numbers:?}");
    }
}
