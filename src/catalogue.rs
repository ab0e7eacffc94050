//! The fixed wording of one language version: a Project Fluent message catalogue (built in
//! per language, overridden key by key by `locales/<lang>.toml` [strings]) plus ICU4X for
//! what Unicode's CLDR already knows (list patterns, digits and their grouping).
//!
//! A message this language lacks is taken from English and remembered, so the build can
//! name every missing item; a message English lacks is a bug of ours and prints its key.

use std::collections::BTreeSet;
use std::sync::Mutex;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_list::ListFormatter;
use icu_list::options::{ListFormatterOptions, ListLength};
use icu_locale_core::Locale;
use unic_langid::LanguageIdentifier;
use writeable::Writeable;

use crate::date::Date;

/// The catalogues built into the program, by language code. A language version is one
/// more file here.
const BUILT_IN: &[(&str, &str)] = &[
    ("ar", include_str!("../assets/locales/ar.ftl")),
    ("zh", include_str!("../assets/locales/zh.ftl")),
    ("en", include_str!("../assets/locales/en.ftl")),
    ("fr", include_str!("../assets/locales/fr.ftl")),
    ("ru", include_str!("../assets/locales/ru.ftl")),
    ("es", include_str!("../assets/locales/es.ftl")),
];

/// The language every other falls back to.
pub const FALLBACK: &str = "en";

/// The built-in catalogue of `lang`, if there is one.
pub fn built_in(lang: &str) -> Option<&'static str> {
    BUILT_IN.iter().find(|(l, _)| *l == lang).map(|(_, t)| *t)
}

/// Every message id of the built-in English catalogue: the keys `[strings]` may override.
pub fn keys() -> Vec<String> {
    ids(built_in(FALLBACK).expect("English is built in"))
}

/// The message ids a catalogue defines, in its order.
fn ids(catalogue: &str) -> Vec<String> {
    resource(catalogue)
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

fn resource(text: &str) -> FluentResource {
    FluentResource::try_new(text.to_string()).unwrap_or_else(|(resource, _)| resource)
}

/// An override `key = value` as one Fluent message, or why it is not one.
pub fn override_resource(key: &str, value: &str) -> Result<String, String> {
    // Every line after the first is indented, so Fluent reads it as the same pattern.
    let text = format!("{key} = {}\n", value.replace('\n', "\n    "));
    match FluentResource::try_new(text) {
        Ok(r) if r.entries().count() == 1 => Ok(r.source().to_string()),
        Ok(_) | Err(_) => Err("not a Fluent pattern (a `{` that opens no placeable, or a \
                               placeable that does not close)"
            .into()),
    }
}

type Bundle = FluentBundle<FluentResource>;

/// Message `id` of `bundle` with `args`, if the bundle has it.
fn format(bundle: &Bundle, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(t) => fluent.set(*name, FluentValue::from(*t)),
            Arg::Number(n) => fluent.set(*name, FluentValue::from(*n)),
        }
    }
    let message = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(message, Some(&fluent), &mut errors)
            .into_owned(),
    )
}

/// The arguments of message `date`.
fn date_args(date: Date) -> [(&'static str, Arg<'static>); 3] {
    [
        ("day", usize::from(date.day).into()),
        ("month", usize::from(date.month).into()),
        ("year", usize::from(date.year).into()),
    ]
}

fn bundle(lang: &str, texts: &[String]) -> Bundle {
    let id: LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // The wording is placed into Typst and HTML, which tag the direction of every text
    // themselves: no Unicode isolation marks around the values.
    bundle.set_use_isolating(false);
    for text in texts {
        bundle.add_resource_overriding(resource(text));
    }
    bundle
}

/// A value given to a message.
pub enum Arg<'a> {
    Text(&'a str),
    Number(usize),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(text)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Number(n)
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Number(n as usize)
    }
}

/// The wording of one language version.
pub struct Catalogue {
    lang: String,
    bundle: Bundle,
    collator: icu_collator::CollatorBorrowed<'static>,
    /// English, for what `bundle` lacks (`None` when this is English).
    fallback: Option<Bundle>,
    list: ListFormatter,
    decimal: DecimalFormatter,
    missing: Mutex<BTreeSet<String>>,
    /// A hash of the language and the overrides: all that distinguishes two catalogues.
    fingerprint: u64,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue")
            .field("lang", &self.lang)
            .finish()
    }
}

/// An override of `[strings]` that is not Fluent syntax.
#[derive(Debug)]
pub struct BadOverride {
    pub key: String,
    pub message: String,
}

impl Catalogue {
    /// The catalogue of `lang`: its built-in wording (if any), then `overrides`
    /// (`[strings]` key = Fluent pattern), English for the rest.
    pub fn new(lang: &str, overrides: &[(String, String)]) -> (Catalogue, Vec<BadOverride>) {
        let fingerprint = crate::hash::hash_of(&(lang, overrides));
        let mut texts: Vec<String> = built_in(lang).map(str::to_string).into_iter().collect();
        let mut bad = Vec::new();
        for (key, value) in overrides {
            match override_resource(key, value) {
                Ok(text) => texts.push(text),
                Err(message) => bad.push(BadOverride {
                    key: key.clone(),
                    message,
                }),
            }
        }
        let fallback = (lang != FALLBACK)
            .then(|| bundle(FALLBACK, &[built_in(FALLBACK).unwrap_or("").to_string()]));
        let own = bundle(lang, &texts);
        let locale_name = {
            let mut errors = Vec::new();
            let mut from = |b: &Bundle| {
                b.get_message("icu-locale")
                    .and_then(|m| m.value())
                    .map(|p| b.format_pattern(p, None, &mut errors).into_owned())
            };
            from(&own).unwrap_or_else(|| lang.to_string())
        };
        let locale = Locale::try_from_str(&locale_name)
            .or_else(|_| Locale::try_from_str(lang))
            .unwrap_or(Locale::UNKNOWN);
        let list = ListFormatter::try_new_and(
            (&locale).into(),
            ListFormatterOptions::default().with_length(ListLength::Wide),
        )
        .expect("compiled data covers every locale, falling back to the root locale");
        let decimal = DecimalFormatter::try_new((&locale).into(), Default::default())
            .expect("compiled data covers every locale, falling back to the root locale");
        let collator =
            icu_collator::CollatorBorrowed::try_new((&locale).into(), Default::default())
                .expect("compiled data covers every locale, falling back to the root locale");
        (
            Catalogue {
                lang: lang.to_string(),
                bundle: own,
                collator,
                fallback,
                list,
                decimal,
                missing: Mutex::new(BTreeSet::new()),
                fingerprint,
            },
            bad,
        )
    }

    /// A hash of everything this catalogue words differently from another of the same
    /// build of report: its language and its `[strings]` overrides.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The language this catalogue words.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Message `id` with `args`. Falls back to English (remembering the key as missing),
    /// then to the key itself.
    pub fn get(&self, id: &str, args: &[(&str, Arg)]) -> String {
        if let Some(text) = format(&self.bundle, id, args) {
            return text;
        }
        if let Some(fallback) = &self.fallback {
            self.missing
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(id.to_string());
            if let Some(text) = format(fallback, id, args) {
                return text;
            }
        }
        id.to_string()
    }

    /// The keys that were asked for and had to come from English.
    pub fn missing(&self) -> Vec<String> {
        let missing = self.missing.lock().unwrap_or_else(|e| e.into_inner());
        missing.iter().cloned().collect()
    }

    /// Whether this language has message `id` of its own (built in or overridden).
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// How the language orders two texts (its collation: "é" with "e" in French, "ñ" after
    /// "n" in Spanish, pinyin in Chinese).
    pub fn compare(&self, a: &str, b: &str) -> std::cmp::Ordering {
        self.collator.compare(a, b)
    }

    /// A number in figures, grouped as the language groups them ("8,500").
    pub fn figure(&self, n: usize) -> String {
        self.decimal
            .format(&Decimal::from(n))
            .write_to_string()
            .into_owned()
    }

    /// A count in running text (message `number`: "three", "22").
    pub fn number(&self, n: usize) -> String {
        let figure = self.figure(n);
        self.get("number", &[("n", n.into()), ("figure", (&figure).into())])
    }

    /// Items joined as the language lists them ("A, B and C").
    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        self.list
            .format(items.iter().map(|s| s.as_ref()))
            .write_to_string()
            .into_owned()
    }

    /// What goes between the items of a list of `n` ("", ", ", ..., " and "): the text
    /// before each item, for lists whose items are links.
    pub fn list_separators(&self, n: usize) -> Vec<String> {
        const MARK: char = '\u{E000}';
        let items = vec![MARK.to_string(); n];
        let joined = self.list(&items);
        let mut parts: Vec<String> = joined.split(MARK).map(str::to_string).collect();
        // Text around the whole list (none in the six languages) is dropped.
        parts.pop();
        if let Some(first) = parts.first_mut() {
            first.clear();
        }
        parts
    }

    /// A date as running text ("30 July 2019").
    pub fn date(&self, date: Date) -> String {
        self.get("date", &date_args(date))
    }

    /// A date as English writes it, whatever this catalogue's language (the Arabic,
    /// Chinese and Russian mastheads print it so).
    pub fn english_date(&self, date: Date) -> String {
        let english = self.fallback.as_ref().unwrap_or(&self.bundle);
        format(english, "date", &date_args(date)).unwrap_or_else(|| date.to_string())
    }

    /// "Seventy-fourth session".
    pub fn session_title(&self, session: u32) -> String {
        self.get(
            "session-title",
            &[
                ("session", session.into()),
                ("tens", (session / 10).into()),
                ("units", (session % 10).into()),
                ("hundreds", (session / 100).into()),
                ("rest", (session % 100).into()),
                ("rest_tens", (session % 100 / 10).into()),
                ("rest_units", (session % 10).into()),
            ],
        )
    }

    /// The number of section `n` (from 1) of a chapter as this language writes it ("A.",
    /// "ألف -"): the letters of `section-letters` in order, then, past the last one, two
    /// letters and more, as spreadsheet columns run ("Z.", "AA.", "AB."). Never runs out.
    pub fn section_number(&self, n: usize) -> String {
        let alphabet = self.get("section-letters", &[]);
        let letters: Vec<&str> = alphabet.split_whitespace().collect();
        let letter = spelled(n, &letters);
        self.get("section-number", &[("letter", (&letter).into())])
    }

    /// "Spanish", for a language code ("[Original: Spanish]").
    pub fn language_name(&self, code: &str) -> String {
        let name = self.get("language-name", &[("code", code.into())]);
        if name == code {
            // The catalogue names the six official languages; other codes by their
            // name in this language, as CLDR gives it.
            crate::language::name_in(code, &self.lang)
                .unwrap_or(code)
                .to_string()
        } else {
            name
        }
    }
}

/// `n` (from 1) in the bijective numeration of `letters`: 1 is the first letter, one past
/// the last letter is the first letter twice. Letters longer than one character (the
/// Arabic letters' names) are joined by spaces. `n` itself when there are no letters.
pub fn spelled(n: usize, letters: &[&str]) -> String {
    let base = letters.len();
    if base == 0 || n == 0 {
        return n.to_string();
    }
    let mut digits = Vec::new();
    let mut rest = n;
    while rest > 0 {
        rest -= 1;
        digits.push(letters[rest % base]);
        rest /= base;
    }
    digits.reverse();
    let joiner = if letters.iter().all(|l| l.chars().count() == 1) {
        ""
    } else {
        " "
    };
    digits.join(joiner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Catalogue {
        Catalogue::new("en", &[]).0
    }

    #[test]
    fn english_sessions_past_a_hundred_are_worded() {
        let en = english();
        let titles: Vec<String> = [1, 19, 20, 74, 100, 101, 112, 120, 274, 999]
            .iter()
            .map(|n| en.session_title(*n))
            .collect();
        assert_eq!(
            titles,
            [
                "First session",
                "Nineteenth session",
                "Twentieth session",
                "Seventy-fourth session",
                "One hundredth session",
                "One hundred and first session",
                "One hundred and twelfth session",
                "One hundred and twentieth session",
                "Two hundred and seventy-fourth session",
                "Nine hundred and ninety-ninth session",
            ]
        );
    }

    #[test]
    fn section_numbers_never_run_out() {
        let en = english();
        let numbers: Vec<String> = [1, 2, 26, 27, 28, 52, 53, 702, 703]
            .iter()
            .map(|n| en.section_number(*n))
            .collect();
        assert_eq!(
            numbers,
            ["A.", "B.", "Z.", "AA.", "AB.", "AZ.", "BA.", "ZZ.", "AAA."]
        );
        let ar = Catalogue::new("ar", &[]).0;
        assert_eq!(ar.section_number(1), "ألف -");
        assert_eq!(ar.section_number(28), "غين -");
        assert_eq!(ar.section_number(29), "ألف ألف -");
        assert_eq!(ar.section_number(30), "ألف باء -");
        // Every official language letters 100 sections with 100 different numbers.
        for lang in crate::language::OFFICIAL {
            let c = Catalogue::new(lang, &[]).0;
            let all: BTreeSet<String> = (1..=100).map(|n| c.section_number(n)).collect();
            assert_eq!(all.len(), 100, "{lang}");
        }
    }

    #[test]
    fn the_built_in_catalogues_parse_cleanly() {
        for (lang, text) in BUILT_IN {
            let errors = FluentResource::try_new(text.to_string())
                .err()
                .map(|(_, e)| e);
            assert!(errors.is_none(), "{lang}: {errors:?}");
        }
    }

    /// A message added to en.ftl alone would print English in the other versions (and one
    /// English lacks is never asked for): each built-in catalogue words exactly English's.
    #[test]
    fn every_built_in_catalogue_words_exactly_the_english_messages() {
        let english: BTreeSet<String> = keys().into_iter().collect();
        for (lang, text) in BUILT_IN {
            let own: BTreeSet<String> = ids(text).into_iter().collect();
            let missing: Vec<_> = english.difference(&own).collect();
            let extra: Vec<_> = own.difference(&english).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang}.ftl lacks {missing:?} and has {extra:?} that en.ftl has not"
            );
        }
    }

    /// docs/locales.md lists the keys `[strings]` may override: every one of them.
    #[test]
    fn the_documentation_lists_every_key() {
        let docs = include_str!("../docs/locales.md");
        for key in keys() {
            assert!(
                docs.contains(&format!("`{key}`")),
                "docs/locales.md lacks {key}"
            );
        }
    }

    #[test]
    fn english_numbers_dates_sessions_and_lists() {
        let en = english();
        assert_eq!(en.number(0), "zero");
        assert_eq!(en.number(3), "three");
        assert_eq!(en.number(22), "22");
        assert_eq!(en.number(8500), "8,500");
        assert_eq!(en.date(Date::new(2019, 7, 30).unwrap()), "30 July 2019");
        assert_eq!(en.date(Date::new(2019, 12, 1).unwrap()), "1 December 2019");
        for (n, title) in [
            (74, "Seventy-fourth session"),
            (1, "First session"),
            (12, "Twelfth session"),
            (20, "Twentieth session"),
            (21, "Twenty-first session"),
            (80, "Eightieth session"),
            (99, "Ninety-ninth session"),
        ] {
            assert_eq!(en.session_title(n), title);
        }
        assert_eq!(en.list::<&str>(&[]), "");
        assert_eq!(en.list(&["Chile"]), "Chile");
        assert_eq!(en.list(&["Chile", "Peru"]), "Chile and Peru");
        assert_eq!(
            en.list(&["Argentina", "Chile", "Peru"]),
            "Argentina, Chile and Peru"
        );
        assert_eq!(en.list_separators(3), ["", ", ", " and "]);
        assert_eq!(en.list_separators(1), [""]);
        assert_eq!(en.language_name("es"), "Spanish");
        assert_eq!(en.language_name("de"), "German");
        assert!(en.missing().is_empty());
    }

    #[test]
    fn plural_and_exact_variants() {
        let en = english();
        let late = |n: usize| en.get("intro-late", &[("count", n.into()), ("states", "X".into())]);
        assert_eq!(late(1), "A reply was subsequently received from X.");
        assert_eq!(late(2), "Replies were subsequently received from X.");
    }

    #[test]
    fn overrides_replace_a_message_and_bad_ones_are_reported() {
        let (en, bad) = Catalogue::new(
            "en",
            &[
                ("summary".into(), "Abstract".into()),
                ("contents".into(), "Table { of".into()),
            ],
        );
        assert_eq!(en.get("summary", &[]), "Abstract");
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].key, "contents");
        assert_eq!(en.get("contents", &[]), "Contents");
    }

    #[test]
    fn a_language_without_wording_falls_back_to_english_and_says_what_it_lacks() {
        let (de, _) = Catalogue::new("de", &[("summary".into(), "Zusammenfassung".into())]);
        assert_eq!(de.get("summary", &[]), "Zusammenfassung");
        assert_eq!(de.get("contents", &[]), "Contents");
        assert_eq!(de.missing(), ["contents"]);
        assert!(de.has("summary") && !de.has("contents"));
    }
}
