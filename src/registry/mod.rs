//! The States that may reply, and how an editor may name them.
//!
//! [`resolve`] turns what an editor wrote in `state = "..."` into a [`MemberState`]: the UN
//! short name, the ISO alpha-3 code, or an alias editors commonly type ("Turkey", "UK") —
//! the last with a note giving the official name. Anything else gets "did you mean"
//! suggestions ranked by string similarity. Pure data and functions; no I/O.

mod aliases;
mod names;
mod states;

use serde::Serialize;

use crate::collate;

/// One of the five UN regional groups (DGACM list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum RegionalGroup {
    #[serde(rename = "AFR")]
    African,
    #[serde(rename = "APG")]
    AsiaPacific,
    #[serde(rename = "EEG")]
    EasternEuropean,
    #[serde(rename = "GRULAC")]
    LatinAmericanCaribbean,
    #[serde(rename = "WEOG")]
    WesternEuropeanOther,
}

impl RegionalGroup {
    pub const ALL: [RegionalGroup; 5] = [
        RegionalGroup::African,
        RegionalGroup::AsiaPacific,
        RegionalGroup::EasternEuropean,
        RegionalGroup::LatinAmericanCaribbean,
        RegionalGroup::WesternEuropeanOther,
    ];

    /// The code used in UN lists and in data.json ("GRULAC").
    pub fn code(self) -> &'static str {
        match self {
            RegionalGroup::African => "AFR",
            RegionalGroup::AsiaPacific => "APG",
            RegionalGroup::EasternEuropean => "EEG",
            RegionalGroup::LatinAmericanCaribbean => "GRULAC",
            RegionalGroup::WesternEuropeanOther => "WEOG",
        }
    }
}

/// Whether a State is a Member of the United Nations or a non-member observer State.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Standing {
    Member,
    Observer,
}

/// A State that may reply.
#[derive(Debug, PartialEq, Eq)]
pub struct MemberState {
    /// Short name as printed in UN documents, with the typographic apostrophe.
    pub name: &'static str,
    /// ISO 3166-1 alpha-3.
    pub iso3: &'static str,
    /// UN M49 numeric code.
    pub m49: u16,
    /// `None` for the Holy See, which sits in no regional group.
    pub group: Option<RegionalGroup>,
    pub standing: Standing,
}

/// The States that `text` names, as whole words (case ignored): by their UN short name,
/// an alias ("UK"), or their name in any of the six languages ("Argentine", "阿根廷"). To
/// tell whose reply a document is from its file name or first lines. A name found only
/// inside another State's longer name ("Guinea" in "Papua New Guinea") does not count.
pub fn named_in(text: &str) -> Vec<&'static MemberState> {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let text_words = words(text);
    let lower = text.to_lowercase();
    // Chinese and Japanese names are written without spaces: found as they stand.
    let holds = |name: &str| -> Option<Vec<String>> {
        let name_words = words(name);
        let found = if name.chars().any(|c| c >= '\u{2e80}') {
            lower.contains(&name.to_lowercase())
        } else {
            !name_words.is_empty()
                && text_words
                    .windows(name_words.len())
                    .any(|w| w == name_words.as_slice())
        };
        found.then_some(name_words)
    };
    let mut found: Vec<(&'static MemberState, Vec<String>)> = Vec::new();
    for state in all() {
        let names = std::iter::once(state.name)
            .chain(
                aliases::ALIASES
                    .iter()
                    .filter(|(_, iso3)| *iso3 == state.iso3)
                    .map(|(alias, _)| *alias),
            )
            .chain(
                crate::language::OFFICIAL
                    .iter()
                    .filter_map(|l| name_in(state.iso3, l)),
            );
        let longest = names.filter_map(holds).max_by_key(Vec::len);
        if let Some(name) = longest {
            found.push((state, name));
        }
    }
    let inside = |i: usize| {
        let name = &found[i].1;
        !name.is_empty()
            && found.iter().enumerate().any(|(j, (_, other))| {
                j != i
                    && other.len() > name.len()
                    && other.windows(name.len()).any(|w| w == name.as_slice())
            })
    };
    let keep: Vec<bool> = (0..found.len()).map(|i| !inside(i)).collect();
    found
        .into_iter()
        .zip(keep)
        .filter_map(|((state, _), keep)| keep.then_some(state))
        .collect()
}

/// Every State that may reply, in UN English alphabetical order of short names.
pub fn all() -> &'static [MemberState] {
    states::STATES
}

pub fn by_iso3(code: &str) -> Option<&'static MemberState> {
    all().iter().find(|s| s.iso3.eq_ignore_ascii_case(code))
}

/// The short name of State `iso3` in language `lang` (one of the six official languages),
/// as headings and lists print it: the UNTERM name without its article or observer mark.
pub fn name_in(iso3: &str, lang: &str) -> Option<&'static str> {
    let column = crate::language::OFFICIAL.iter().position(|l| *l == lang)?;
    let row = names::NAMES
        .binary_search_by(|(code, _)| (*code).cmp(iso3))
        .ok()?;
    Some(names::NAMES[row].1[column])
}

/// The State `written` names (its short name, an alias or its alpha-3 code), or a message
/// for the editor saying it is none, with the closest names.
pub fn state_named(written: &str) -> Result<&'static MemberState, String> {
    match resolve(written) {
        Resolution::Exact(state) | Resolution::Alias(state) => Ok(state),
        Resolution::Unknown(near) => {
            let hint = match near.as_slice() {
                [] => String::new(),
                names => {
                    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
                    format!("; did you mean {}?", quoted.join(" or "))
                }
            };
            Err(format!(
                "unknown State \"{written}\": not a Member State or observer State of the \
                 United Nations{hint}"
            ))
        }
    }
}

/// How a name was recognised.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolution {
    /// The official short name or the alpha-3 code: nothing to say.
    Exact(&'static MemberState),
    /// An alias or a spelling variant: accepted, with a note giving the official name.
    Alias(&'static MemberState),
    /// Not a State that may reply; the closest names, best first (may be empty).
    Unknown(Vec<&'static str>),
}

/// Recognises what an editor wrote for a State.
pub fn resolve(written: &str) -> Resolution {
    let written = written.trim();
    if let Some(state) = all().iter().find(|s| s.name == written) {
        return Resolution::Exact(state);
    }
    if written.len() == 3
        && written.chars().all(|c| c.is_ascii_uppercase())
        && let Some(state) = by_iso3(written)
    {
        return Resolution::Exact(state);
    }
    let key = collate::match_key(written);
    // The official name written differently: case, straight apostrophe, no diacritics.
    if let Some(state) = all().iter().find(|s| collate::match_key(s.name) == key) {
        return Resolution::Alias(state);
    }
    if let Some((_, iso3)) = aliases::ALIASES
        .iter()
        .find(|(alias, _)| collate::match_key(alias) == key)
    {
        let state = by_iso3(iso3).expect("every alias names a State in the table");
        return Resolution::Alias(state);
    }
    if written.len() == 3
        && written.is_ascii()
        && let Some(state) = by_iso3(written)
    {
        return Resolution::Alias(state);
    }
    Resolution::Unknown(suggest(&key))
}

/// Up to three official names close to `key`, best first.
fn suggest(key: &str) -> Vec<&'static str> {
    let candidates = all().iter().map(|s| (s.name, s)).chain(
        aliases::ALIASES
            .iter()
            .filter_map(|(alias, iso3)| by_iso3(iso3).map(|s| (*alias, s))),
    );
    let mut scored: Vec<(f64, &'static str)> = Vec::new();
    for (name, state) in candidates {
        let name_key = collate::match_key(name);
        let score = collate::similarity(key, &name_key);
        let contains = (key.len() >= 4 && name_key.contains(key))
            || (name_key.len() >= 4 && key.contains(&name_key));
        if score >= 0.85 || contains {
            let score = if contains { score.max(0.85) } else { score };
            match scored.iter_mut().find(|(_, n)| *n == state.name) {
                Some(entry) if entry.0 < score => entry.0 = score,
                Some(_) => {}
                None => scored.push((score, state.name)),
            }
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, name)| name).collect()
}

#[cfg(test)]
mod named_tests {
    use super::*;

    fn iso3s(text: &str) -> Vec<&'static str> {
        named_in(text).iter().map(|s| s.iso3).collect()
    }

    #[test]
    fn states_are_named_in_any_official_language_or_by_an_alias() {
        assert_eq!(
            iso3s("Nota verbal de la Misión Permanente de la Argentina"),
            ["ARG"]
        );
        assert_eq!(iso3s("Réponse de l’Argentine"), ["ARG"]);
        assert_eq!(iso3s("阿根廷常驻代表团的普通照会"), ["ARG"]);
        assert_eq!(iso3s("Reply of the UK"), ["GBR"]);
        assert_eq!(iso3s("Papua New Guinea"), ["PNG"]);
        assert_eq!(iso3s("Niger and Nigeria"), ["NER", "NGA"]);
        assert!(iso3s("Observations of the Government").is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_the_six_languages() {
        assert_eq!(name_in("ARG", "fr"), Some("Argentine"));
        assert_eq!(name_in("NLD", "es"), Some("Países Bajos"));
        assert_eq!(name_in("CIV", "en"), Some("Côte d’Ivoire"));
        assert_eq!(name_in("CHN", "zh"), Some("中国"));
        assert_eq!(name_in("ARG", "de"), None);
        for state in all() {
            for lang in crate::language::OFFICIAL {
                let name = name_in(state.iso3, lang).unwrap_or_default();
                assert!(!name.is_empty(), "{} in {lang}", state.iso3);
                assert!(!name.contains('*') && !name.ends_with("(l’)"), "{name}");
            }
            assert_eq!(
                name_in(state.iso3, "en"),
                Some(state.name),
                "{}",
                state.iso3
            );
        }
    }

    fn name_of(r: Resolution) -> &'static str {
        match r {
            Resolution::Exact(s) | Resolution::Alias(s) => s.name,
            Resolution::Unknown(_) => "?",
        }
    }

    #[test]
    fn table_has_193_members_and_2_observers() {
        let members = all()
            .iter()
            .filter(|s| s.standing == Standing::Member)
            .count();
        assert_eq!(members, 193);
        assert_eq!(all().len(), 195);
        let mut codes: Vec<_> = all().iter().map(|s| s.iso3).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 195, "alpha-3 codes are unique");
    }

    #[test]
    fn group_sizes_match_the_dgacm_list() {
        let count = |g| all().iter().filter(|s| s.group == Some(g)).count();
        assert_eq!(count(RegionalGroup::African), 54);
        // 53 members and Kiribati, plus the State of Palestine, an observer.
        assert_eq!(count(RegionalGroup::AsiaPacific), 54 + 1);
        assert_eq!(count(RegionalGroup::EasternEuropean), 23);
        assert_eq!(count(RegionalGroup::LatinAmericanCaribbean), 33);
        assert_eq!(count(RegionalGroup::WesternEuropeanOther), 29);
    }

    #[test]
    fn names_use_the_typographic_apostrophe() {
        assert_eq!(
            by_iso3("PRK").unwrap().name,
            "Democratic People\u{2019}s Republic of Korea"
        );
        assert!(all().iter().all(|s| !s.name.contains('\'')));
    }

    #[test]
    fn exact_names_and_codes_resolve_silently() {
        assert_eq!(
            resolve("Türkiye"),
            Resolution::Exact(by_iso3("TUR").unwrap())
        );
        assert_eq!(resolve("BOL"), Resolution::Exact(by_iso3("BOL").unwrap()));
        assert_eq!(resolve("USA"), Resolution::Exact(by_iso3("USA").unwrap()));
        assert_eq!(
            resolve(" Holy See "),
            Resolution::Exact(by_iso3("VAT").unwrap())
        );
    }

    #[test]
    fn aliases_resolve_with_a_note() {
        for (alias, official) in [
            ("Turkey", "Türkiye"),
            ("Bolivia", "Bolivia (Plurinational State of)"),
            ("Iran", "Iran (Islamic Republic of)"),
            ("Russia", "Russian Federation"),
            ("UK", "United Kingdom of Great Britain and Northern Ireland"),
            ("United States", "United States of America"),
            ("Vietnam", "Viet Nam"),
            ("Ivory Coast", "Côte d\u{2019}Ivoire"),
            ("Czech Republic", "Czechia"),
            ("Swaziland", "Eswatini"),
            ("Macedonia", "North Macedonia"),
            ("Cote d'Ivoire", "Côte d\u{2019}Ivoire"),
            ("turkiye", "Türkiye"),
            (
                "Democratic People's Republic of Korea",
                "Democratic People\u{2019}s Republic of Korea",
            ),
            ("fra", "France"),
            ("Palestine", "State of Palestine"),
        ] {
            let r = resolve(alias);
            assert!(matches!(r, Resolution::Alias(_)), "{alias}: {r:?}");
            assert_eq!(name_of(r), official, "{alias}");
        }
    }

    #[test]
    fn unknown_names_get_suggestions() {
        match resolve("Turky") {
            Resolution::Unknown(s) => assert_eq!(s.first(), Some(&"Türkiye"), "{s:?}"),
            r => panic!("{r:?}"),
        }
        match resolve("Argentine Republic") {
            Resolution::Unknown(s) => assert!(s.contains(&"Argentina"), "{s:?}"),
            r => panic!("{r:?}"),
        }
        match resolve("Korea") {
            Resolution::Unknown(s) => {
                assert!(s.contains(&"Republic of Korea"), "{s:?}");
                assert!(
                    s.contains(&"Democratic People\u{2019}s Republic of Korea"),
                    "{s:?}"
                );
            }
            r => panic!("{r:?}"),
        }
        assert_eq!(resolve("Atlantis"), Resolution::Unknown(vec![]));
    }
}
