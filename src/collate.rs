//! Keys for sorting and matching text the way a UN editor expects.
//!
//! - [`sort_key`]: UN English alphabetical order ignores diacritics and case
//!   (Costa Rica, Côte d'Ivoire, Croatia; Türkiye before Turkmenistan).
//! - [`match_key`]: two spellings are the same if they differ only in case, diacritics,
//!   the kind of apostrophe or runs of white space (used for State names).
//! - [`theme_key`]: themes are matched case- and whitespace-insensitively.
//! - [`similarity`]: Jaro-Winkler, for "did you mean" suggestions.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case, without diacritics, apostrophes unified, white space collapsed.
pub fn match_key(text: &str) -> String {
    let folded: String = text
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

/// The key under which two themes count as the same theme.
pub fn theme_key(theme: &str) -> String {
    collapse_whitespace(&theme.to_lowercase())
}

/// Trims and replaces every run of white space by one space.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Jaro-Winkler similarity of two strings, from 0 (nothing alike) to 1 (equal).
pub fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_matched = vec![false; a.len()];
    let mut b_matched = vec![false; b.len()];
    let mut matches = 0usize;
    for (i, ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if !b_matched[j] && b[j] == *ca {
                a_matched[i] = true;
                b_matched[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let a_seq = a
        .iter()
        .zip(&a_matched)
        .filter(|(_, m)| **m)
        .map(|(c, _)| c);
    let b_seq = b
        .iter()
        .zip(&b_matched)
        .filter(|(_, m)| **m)
        .map(|(c, _)| c);
    let transpositions = a_seq.zip(b_seq).filter(|(x, y)| x != y).count() / 2;
    let m = matches as f64;
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (m - transpositions as f64) / m) / 3.0;
    let prefix = a.iter().zip(&b).take(4).take_while(|(x, y)| x == y).count();
    jaro + prefix as f64 * 0.1 * (1.0 - jaro)
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
    }
}
