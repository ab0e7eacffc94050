//! Keys for sorting and matching text the way a UN editor expects.
//!
//! - [`sort_key`]: UN English alphabetical order ignores diacritics and case
//!   (Costa Rica, Côte d'Ivoire, Croatia; Türkiye before Turkmenistan).
//! - [`match_key`]: two spellings are the same if they differ only in case, diacritics,
//!   the kind of apostrophe or runs of white space (used for State names).
//! - [`theme_key`]: themes are matched case- and whitespace-insensitively, in Unicode
//!   normal form C, invisible characters left out; [`clean_theme`] is how a theme prints.
//! - [`similarity`]: Jaro-Winkler (strsim's), for "did you mean" suggestions.
//!
//! Every key leaves out the characters `invisible` names, so two spellings that look the
//! same are the same (a zero-width space or a direction mark inside a name changes nothing).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::invisible;

/// Lower case, without diacritics, apostrophes unified, white space collapsed.
pub fn match_key(text: &str) -> String {
    let folded: String = text
        .chars()
        .filter(|c| !invisible::ignored_in_comparisons(*c))
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => '\'',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    collapse_whitespace(&folded)
}

/// The key that sorts names in UN English alphabetical order.
pub fn sort_key(name: &str) -> String {
    match_key(name)
}

/// The key under which two themes count as the same theme: composed and decomposed
/// accents alike (NFC), case and runs of white space ignored, invisible characters left
/// out. Diacritics still count ("état" is not "etat").
pub fn theme_key(theme: &str) -> String {
    let normal: String = theme
        .chars()
        .filter(|c| !invisible::ignored_in_comparisons(*c))
        .nfc()
        .flat_map(char::to_lowercase)
        .collect();
    collapse_whitespace(&normal)
}

/// A theme as it prints: in Unicode normal form C, without misleading characters, white
/// space collapsed.
pub fn clean_theme(theme: &str) -> String {
    let normal: String = invisible::remove(theme).nfc().collect();
    collapse_whitespace(&normal)
}

/// Trims and replaces every run of white space by one space.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The longest text (in characters) compared for suggestions: names and keys are short,
/// and comparing a pasted paragraph with every name would cost more than it can help.
const MAX_SUGGESTION_CHARS: usize = 64;

/// Jaro-Winkler similarity of two strings, from 0 (nothing alike) to 1 (equal); 0 for a
/// text too long to be a misspelt name.
pub fn similarity(a: &str, b: &str) -> f64 {
    if a.chars().nth(MAX_SUGGESTION_CHARS).is_some()
        || b.chars().nth(MAX_SUGGESTION_CHARS).is_some()
    {
        return 0.0;
    }
    strsim::jaro_winkler(a, b)
}

/// The candidate most like `word`, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let key = match_key(word);
    candidates
        .into_iter()
        .map(|c| (similarity(&key, &match_key(c)), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<&str> = names.to_vec();
        v.sort_by_key(|n| sort_key(n));
        v.into_iter().map(String::from).collect()
    }

    #[test]
    fn un_order_ignores_diacritics() {
        assert_eq!(
            sorted(&["Croatia", "Côte d\u{2019}Ivoire", "Costa Rica"]),
            ["Costa Rica", "Côte d\u{2019}Ivoire", "Croatia"]
        );
        assert_eq!(
            sorted(&["Turkmenistan", "Türkiye", "Tuvalu", "Tunisia"]),
            ["Tunisia", "Türkiye", "Turkmenistan", "Tuvalu"]
        );
        assert_eq!(
            sorted(&["Nigeria", "Niger", "Dominican Republic", "Dominica"]),
            ["Dominica", "Dominican Republic", "Niger", "Nigeria"]
        );
    }

    #[test]
    fn match_key_folds_case_apostrophes_and_spaces() {
        assert_eq!(
            match_key("  Côte d\u{2019}Ivoire "),
            match_key("cote  d'ivoire")
        );
        assert_ne!(match_key("Niger"), match_key("Nigeria"));
    }

    #[test]
    fn themes_match_ignoring_case_and_spacing_only() {
        assert_eq!(theme_key(" Online  Fraud"), theme_key("online fraud"));
        assert_ne!(theme_key("online fraud"), theme_key("online-fraud"));
        assert_eq!(theme_key("ÉTAT"), theme_key("état"));
        assert_ne!(theme_key("état"), theme_key("etat"));
    }

    #[test]
    fn themes_that_look_the_same_are_the_same() {
        let composed = "protección de datos";
        let decomposed = "proteccio\u{301}n de datos";
        assert_ne!(composed, decomposed);
        assert_eq!(theme_key(composed), theme_key(decomposed));
        assert_eq!(theme_key("ransom\u{200b}ware"), theme_key("ransomware"));
        assert_eq!(
            theme_key("\u{202e}ransomware\u{2060}"),
            theme_key("Ransomware")
        );
        assert_eq!(
            clean_theme(" proteccio\u{301}n\u{200b}  de datos "),
            composed
        );
        assert_eq!(match_key("Chi\u{200b}le"), match_key("Chile"));
    }

    #[test]
    fn similarity_ranks_typos_close() {
        assert!(similarity("turky", "turkiye") > 0.85);
        assert!(similarity("argentina", "argentine") > 0.9);
        assert!(similarity("france", "chad") < 0.6);
        assert_eq!(similarity("same", "same"), 1.0);
        assert_eq!(
            closest("legal-framwork", ["jurisdiction", "legal-framework"]),
            Some("legal-framework")
        );
        assert_eq!(closest("zzz", ["jurisdiction", "legal-framework"]), None);
        // A pasted paragraph is not a misspelt name (and is not compared character by
        // character with every name).
        assert_eq!(similarity(&"turkiye ".repeat(10_000), "turkiye"), 0.0);
    }
}
