//! Languages: the ISO 639-1 codes a reply's `language` may carry, with the English name
//! printed in "[Original: Spanish]", and the six official languages of the United Nations.

/// The six official languages of the United Nations.
pub const OFFICIAL: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];

/// English name of an ISO 639-1 code, or `None` if the code does not exist.
pub fn name(code: &str) -> Option<&'static str> {
    CODES
        .binary_search_by_key(&code, |(c, _)| c)
        .ok()
        .map(|i| CODES[i].1)
}

/// The code whose English name is `name` (case-insensitive), to suggest "es" for "Spanish".
pub fn code_for_name(name: &str) -> Option<&'static str> {
    CODES
        .iter()
        .find(|(_, n)| n.eq_ignore_ascii_case(name.trim()))
        .map(|(c, _)| *c)
}

pub fn is_official(code: &str) -> bool {
    OFFICIAL.contains(&code)
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

/// ISO 639-1, sorted by code.
#[rustfmt::skip]
const CODES: &[(&str, &str)] = &[
    ("aa", "Afar"), ("ab", "Abkhazian"), ("ae", "Avestan"), ("af", "Afrikaans"), ("ak", "Akan"),
    ("am", "Amharic"), ("an", "Aragonese"), ("ar", "Arabic"), ("as", "Assamese"), ("av", "Avaric"),
    ("ay", "Aymara"), ("az", "Azerbaijani"), ("ba", "Bashkir"), ("be", "Belarusian"),
    ("bg", "Bulgarian"), ("bi", "Bislama"), ("bm", "Bambara"), ("bn", "Bengali"), ("bo", "Tibetan"),
    ("br", "Breton"), ("bs", "Bosnian"), ("ca", "Catalan"), ("ce", "Chechen"), ("ch", "Chamorro"),
    ("co", "Corsican"), ("cr", "Cree"), ("cs", "Czech"), ("cu", "Church Slavic"), ("cv", "Chuvash"),
    ("cy", "Welsh"), ("da", "Danish"), ("de", "German"), ("dv", "Dhivehi"), ("dz", "Dzongkha"),
    ("ee", "Ewe"), ("el", "Greek"), ("en", "English"), ("eo", "Esperanto"), ("es", "Spanish"),
    ("et", "Estonian"), ("eu", "Basque"), ("fa", "Persian"), ("ff", "Fulah"), ("fi", "Finnish"),
    ("fj", "Fijian"), ("fo", "Faroese"), ("fr", "French"), ("fy", "Western Frisian"),
    ("ga", "Irish"), ("gd", "Gaelic"), ("gl", "Galician"), ("gn", "Guarani"), ("gu", "Gujarati"),
    ("gv", "Manx"), ("ha", "Hausa"), ("he", "Hebrew"), ("hi", "Hindi"), ("ho", "Hiri Motu"),
    ("hr", "Croatian"), ("ht", "Haitian"), ("hu", "Hungarian"), ("hy", "Armenian"),
    ("hz", "Herero"), ("ia", "Interlingua"), ("id", "Indonesian"), ("ie", "Interlingue"),
    ("ig", "Igbo"), ("ii", "Sichuan Yi"), ("ik", "Inupiaq"), ("io", "Ido"), ("is", "Icelandic"),
    ("it", "Italian"), ("iu", "Inuktitut"), ("ja", "Japanese"), ("jv", "Javanese"),
    ("ka", "Georgian"), ("kg", "Kongo"), ("ki", "Kikuyu"), ("kj", "Kuanyama"), ("kk", "Kazakh"),
    ("kl", "Kalaallisut"), ("km", "Khmer"), ("kn", "Kannada"), ("ko", "Korean"), ("kr", "Kanuri"),
    ("ks", "Kashmiri"), ("ku", "Kurdish"), ("kv", "Komi"), ("kw", "Cornish"), ("ky", "Kyrgyz"),
    ("la", "Latin"), ("lb", "Luxembourgish"), ("lg", "Ganda"), ("li", "Limburgish"),
    ("ln", "Lingala"), ("lo", "Lao"), ("lt", "Lithuanian"), ("lu", "Luba-Katanga"),
    ("lv", "Latvian"), ("mg", "Malagasy"), ("mh", "Marshallese"), ("mi", "Maori"),
    ("mk", "Macedonian"), ("ml", "Malayalam"), ("mn", "Mongolian"), ("mr", "Marathi"),
    ("ms", "Malay"), ("mt", "Maltese"), ("my", "Burmese"), ("na", "Nauru"),
    ("nb", "Norwegian Bokmål"), ("nd", "North Ndebele"), ("ne", "Nepali"), ("ng", "Ndonga"),
    ("nl", "Dutch"), ("nn", "Norwegian Nynorsk"), ("no", "Norwegian"), ("nr", "South Ndebele"),
    ("nv", "Navajo"), ("ny", "Chichewa"), ("oc", "Occitan"), ("oj", "Ojibwa"), ("om", "Oromo"),
    ("or", "Oriya"), ("os", "Ossetian"), ("pa", "Punjabi"), ("pi", "Pali"), ("pl", "Polish"),
    ("ps", "Pashto"), ("pt", "Portuguese"), ("qu", "Quechua"), ("rm", "Romansh"), ("rn", "Rundi"),
    ("ro", "Romanian"), ("ru", "Russian"), ("rw", "Kinyarwanda"), ("sa", "Sanskrit"),
    ("sc", "Sardinian"), ("sd", "Sindhi"), ("se", "Northern Sami"), ("sg", "Sango"),
    ("si", "Sinhala"), ("sk", "Slovak"), ("sl", "Slovenian"), ("sm", "Samoan"), ("sn", "Shona"),
    ("so", "Somali"), ("sq", "Albanian"), ("sr", "Serbian"), ("ss", "Swati"),
    ("st", "Southern Sotho"), ("su", "Sundanese"), ("sv", "Swedish"), ("sw", "Swahili"),
    ("ta", "Tamil"), ("te", "Telugu"), ("tg", "Tajik"), ("th", "Thai"), ("ti", "Tigrinya"),
    ("tk", "Turkmen"), ("tl", "Tagalog"), ("tn", "Tswana"), ("to", "Tonga"), ("tr", "Turkish"),
    ("ts", "Tsonga"), ("tt", "Tatar"), ("tw", "Twi"), ("ty", "Tahitian"), ("ug", "Uighur"),
    ("uk", "Ukrainian"), ("ur", "Urdu"), ("uz", "Uzbek"), ("ve", "Venda"), ("vi", "Vietnamese"),
    ("vo", "Volapük"), ("wa", "Walloon"), ("wo", "Wolof"), ("xh", "Xhosa"), ("yi", "Yiddish"),
    ("yo", "Yoruba"), ("za", "Zhuang"), ("zh", "Chinese"), ("zu", "Zulu"),
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
        assert!(CODES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(CODES.len(), 183);
        for code in OFFICIAL {
            assert!(name(code).is_some(), "{code}");
        }
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
