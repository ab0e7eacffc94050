//! Languages: the ISO 639-1 codes a reply's `language` may carry, their names in each of
//! the six official languages of the United Nations (CLDR's, in `language_names`), and
//! the six themselves.

use icu_locale::{LocaleDirectionality, LocaleExpander};
use icu_locale_core::LanguageIdentifier;
use icu_properties::CodePointMapData;
use icu_properties::props::Script as UnicodeScript;

use crate::language_names::NAMES;

/// The six official languages of the United Nations.
pub const OFFICIAL: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];

/// English name of an ISO 639-1 code (for the editor's terminal), or `None` if the code
/// does not exist.
pub fn name(code: &str) -> Option<&'static str> {
    name_in(code, "en")
}

/// The name of language `code` in official language `lang` ("portugais" for "pt" in
/// "fr"), as CLDR gives it; `None` if either code is unknown.
pub fn name_in(code: &str, lang: &str) -> Option<&'static str> {
    let column = NAMES_ORDER.iter().position(|l| *l == lang)?;
    CODES.binary_search(&code).ok()?;
    NAMES
        .binary_search_by_key(&code, |(c, _)| c)
        .ok()
        .map(|i| NAMES[i].1[column])
}

/// The order of the columns of [`NAMES`].
const NAMES_ORDER: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];

/// The code whose English name is `name` (case-insensitive), to suggest "es" for "Spanish".
pub fn code_for_name(name: &str) -> Option<&'static str> {
    NAMES
        .iter()
        .find(|(_, n)| n[2].eq_ignore_ascii_case(name.trim()))
        .map(|(c, _)| *c)
}

pub fn is_official(code: &str) -> bool {
    OFFICIAL.contains(&code)
}

/// The language `code` as ICU4X reads it (`und` if it cannot).
fn identifier(code: &str) -> LanguageIdentifier {
    code.parse().unwrap_or(LanguageIdentifier::UNKNOWN)
}

/// "rtl" or "ltr": the direction `code` is written in, from CLDR's likely scripts
/// (ICU4X), for the HTML `dir` and Typst's `dir` of a text in it.
pub fn direction(code: &str) -> &'static str {
    static DIRECTIONS: LocaleDirectionality = LocaleDirectionality::new_extended();
    if DIRECTIONS.is_right_to_left(&identifier(code)) {
        "rtl"
    } else {
        "ltr"
    }
}

/// The script `code` is most likely written in (CLDR's likely subtags, through ICU4X),
/// if it is one of [`Script`]'s.
pub fn script(code: &str) -> Option<Script> {
    static EXPANDER: LocaleExpander = LocaleExpander::new_extended();
    let mut id = identifier(code);
    EXPANDER.maximize(&mut id);
    match id.script?.as_str() {
        "Arab" => Some(Script::Arabic),
        "Cyrl" => Some(Script::Cyrillic),
        "Hans" | "Hant" | "Hani" | "Jpan" => Some(Script::Chinese),
        _ => None,
    }
}

/// Whether `c` is a Chinese character or a kana (Unicode scripts Han, Hiragana, Katakana):
/// a word of its own, and a line may break before and after it.
pub fn is_ideograph_or_kana(c: char) -> bool {
    // CJK Unified Ideographs, all Han: most Chinese text, without a lookup. No character
    // before U+2E80 (CJK radicals) is Han or kana: most other text never looks one up.
    ('\u{4e00}'..='\u{9fff}').contains(&c)
        || c >= '\u{2e80}'
            && matches!(
                CodePointMapData::<UnicodeScript>::new().get(c),
                UnicodeScript::Han | UnicodeScript::Hiragana | UnicodeScript::Katakana
            )
}

/// Words of a text in any language, as UN word counts have them: each Chinese character
/// and each kana (Unicode scripts Han, Hiragana, Katakana) is a word; elsewhere, a run of
/// non-space characters that holds a letter or a digit. No rule depends on the language
/// declared: a Chinese quotation in a French reply counts as Chinese.
pub fn count_words(text: &str) -> usize {
    let counted = is_ideograph_or_kana;
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        if counted(c) {
            words += 1;
            in_word = false;
        } else if c.is_whitespace() {
            in_word = false;
        } else if !in_word && c.is_alphanumeric() {
            // Punctuation alone is not a word ("—"); one may start a word ("“test").
            words += 1;
            in_word = true;
        }
    }
    words
}

/// The scripts of the official languages that cost more than Latin to typeset and that a
/// reader's machine may lack fonts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Cyrillic,
    Arabic,
    /// Chinese characters with CJK punctuation and fullwidth forms.
    Chinese,
}

impl Script {
    /// The code points of the script (inclusive ranges).
    pub fn ranges(self) -> &'static [(u32, u32)] {
        match self {
            Script::Cyrillic => &[(0x0400, 0x052F)],
            Script::Arabic => &[
                (0x0600, 0x06FF),
                (0x0750, 0x077F),
                (0x08A0, 0x08FF),
                (0xFB50, 0xFDFF),
                (0xFE70, 0xFEFF),
            ],
            Script::Chinese => &[
                (0x3000, 0x303F),
                (0x3400, 0x4DBF),
                (0x4E00, 0x9FFF),
                (0xF900, 0xFAFF),
                (0xFF00, 0xFFEF),
            ],
        }
    }

    /// The script `c` is written in, if it is one of these.
    pub fn of(c: char) -> Option<Script> {
        let c = c as u32;
        [Script::Cyrillic, Script::Arabic, Script::Chinese]
            .into_iter()
            .find(|s| s.ranges().iter().any(|(a, b)| (*a..=*b).contains(&c)))
    }
}

/// ISO 639-1, sorted: the codes a reply's `language` may carry. Their names, in each of
/// the six languages, are CLDR's (`language_names`, generated from this list).
#[rustfmt::skip]
const CODES: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy",
    "da", "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj",
    "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht",
    "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv",
    "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky",
    "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn",
    "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny",
    "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru",
    "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss",
    "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts",
    "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo",
    "za", "zh", "zu",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_of_characters() {
        assert_eq!(Script::of('ж'), Some(Script::Cyrillic));
        assert_eq!(Script::of('ب'), Some(Script::Arabic));
        assert_eq!(Script::of('中'), Some(Script::Chinese));
        assert_eq!(Script::of('。'), Some(Script::Chinese));
        assert_eq!(Script::of('é'), None);
    }

    #[test]
    fn table_is_sorted_and_complete() {
        assert!(CODES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(CODES.len(), 183);
        // The generated names are of exactly these codes (else: rerun the generator).
        let named: Vec<&str> = NAMES.iter().map(|(c, _)| *c).collect();
        assert_eq!(named, CODES);
        for code in OFFICIAL {
            assert!(name(code).is_some(), "{code}");
        }
    }

    #[test]
    fn direction_and_script_come_from_cldr() {
        let rtl: Vec<&str> = CODES
            .iter()
            .copied()
            .filter(|c| direction(c) == "rtl")
            .collect();
        for code in ["ar", "fa", "he", "ur", "yi", "ps", "dv", "sd", "ug"] {
            assert!(rtl.contains(&code), "{code}: {rtl:?}");
        }
        for code in ["en", "fr", "ru", "zh", "es", "ja", "tr"] {
            assert_eq!(direction(code), "ltr", "{code}");
        }
        assert_eq!(direction("not a language"), "ltr");
        assert_eq!(script("ar"), Some(Script::Arabic));
        assert_eq!(script("fa"), Some(Script::Arabic));
        assert_eq!(script("zh"), Some(Script::Chinese));
        assert_eq!(script("ja"), Some(Script::Chinese));
        assert_eq!(script("ru"), Some(Script::Cyrillic));
        assert_eq!(script("fr"), None);
    }

    #[test]
    fn words_are_counted_by_script_not_by_declared_language() {
        assert_eq!(count_words("The 24/7 network — a “test”, isn’t it?"), 7);
        assert_eq!(count_words("  \n "), 0);
        assert_eq!(count_words("联合国大会"), 5);
        assert_eq!(count_words("报告 A/74/130 的附件"), 6);
        assert_eq!(count_words("ひらがなカタカナ"), 8);
        assert_eq!(count_words("Доклад Генерального секретаря"), 3);
        assert_eq!(count_words("تقرير الأمين العام"), 3);
        assert_eq!(count_words("« citation »"), 1);
    }

    #[test]
    fn names_in_each_official_language() {
        let pt: Vec<&str> = NAMES_ORDER
            .iter()
            .map(|l| name_in("pt", l).unwrap())
            .collect();
        assert_eq!(
            pt,
            [
                "البرتغالية",
                "葡萄牙语",
                "Portuguese",
                "portugais",
                "португальский",
                "portugués"
            ]
        );
        assert_eq!(name_in("pt", "de"), None);
        assert_eq!(name_in("xx", "fr"), None);
    }

    #[test]
    fn looks_up_codes_and_names() {
        assert_eq!(name("es"), Some("Spanish"));
        assert_eq!(name("xx"), None);
        assert_eq!(name("ES"), None);
        assert_eq!(code_for_name("spanish"), Some("es"));
        assert!(is_official("ru") && !is_official("de"));
    }
}
