//! The fonts Typst may use: Liberation Serif (metric-compatible with Times New Roman, so
//! page breaks fall as in real UN documents) and typst-assets' fonts, all compiled into the
//! binary, plus the font files of the folders `[output.pdf] font-dirs` names (read by the
//! load stage). System fonts are never read.
//!
//! Also checks, before typesetting, that every character of the replies has a glyph in
//! some font: Typst would otherwise print an empty box without any warning.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontFlags, FontInfo};
use typst::utils::LazyHash;

use crate::load::FontFile;

/// Liberation Serif (Latin, Greek, Cyrillic), Noto Naskh Arabic, and Noto Serif SC cut
/// down to GB 2312 with CJK punctuation and fullwidth forms (scripts/subset-cjk-font.py),
/// regular and bold: every script of the six official languages.
static EMBEDDED_FILES: [&[u8]; 8] = [
    include_bytes!("../../../assets/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../../assets/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../../assets/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../../assets/fonts/LiberationSerif-BoldItalic.ttf"),
    include_bytes!("../../../assets/fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../../../assets/fonts/NotoNaskhArabic-Bold.ttf"),
    include_bytes!("../../../assets/fonts/NotoSerifSC-Regular-GB2312.otf"),
    include_bytes!("../../../assets/fonts/NotoSerifSC-Bold-GB2312.otf"),
];

/// The licences of the Arabic and Chinese fonts, with their file names.
const NASKH_LICENCE: (&str, &[u8]) = (
    "LICENSE-NotoNaskhArabic.txt",
    include_bytes!("../../../assets/fonts/LICENSE-NotoNaskhArabic.txt"),
);
const CJK_LICENCE: (&str, &[u8]) = (
    "LICENSE-NotoSerifCJK.txt",
    include_bytes!("../../../assets/fonts/LICENSE-NotoSerifCJK.txt"),
);

/// The embedded Arabic and Chinese fonts (regular, bold) with their file names, and their
/// licence, for the HTML site: its pages name them in `@font-face`, so that a reader whose
/// machine lacks such fonts sees the text, not boxes. The OFL asks that the licence travel
/// with the fonts.
pub fn web_fonts(cjk: bool) -> [(&'static str, &'static [u8]); 3] {
    match cjk {
        false => [
            ("NotoNaskhArabic-Regular.ttf", EMBEDDED_FILES[4]),
            ("NotoNaskhArabic-Bold.ttf", EMBEDDED_FILES[5]),
            NASKH_LICENCE,
        ],
        true => [
            ("NotoSerifSC-Regular-GB2312.otf", EMBEDDED_FILES[6]),
            ("NotoSerifSC-Bold-GB2312.otf", EMBEDDED_FILES[7]),
            CJK_LICENCE,
        ],
    }
}

/// A font of a few glyphs for the language switcher of the HTML site.
pub struct LabelFont {
    /// Its file name in the site's `assets/fonts/`.
    pub file: &'static str,
    pub data: &'static [u8],
    /// The name it draws, every letter of which it holds.
    pub text: &'static str,
    /// The licence that travels with it.
    pub licence: (&'static str, &'static [u8]),
}

/// The Arabic and Chinese names of the language switcher ("العربية", "中文") cut out of the
/// embedded fonts (scripts/subset-label-fonts.py): a few kilobytes that every site built
/// in several versions ships, so that a machine without Arabic or Chinese fonts does not
/// show them as boxes (the whole fonts would be up to 2.2 MB).
pub const LABEL_FONTS: [LabelFont; 2] = [
    LabelFont {
        file: "LabelsArabic.ttf",
        data: include_bytes!("../../../assets/fonts/LabelsArabic.ttf"),
        text: "العربية",
        licence: NASKH_LICENCE,
    },
    LabelFont {
        file: "LabelsChinese.otf",
        data: include_bytes!("../../../assets/fonts/LabelsChinese.otf"),
        text: "中文",
        licence: CJK_LICENCE,
    },
];

/// The embedded fonts, parsed once per process.
static EMBEDDED: LazyLock<Vec<Font>> = LazyLock::new(|| {
    let ours = EMBEDDED_FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)));
    let typst_assets = typst_kit::fonts::embedded().map(|(font, _)| font);
    ours.chain(typst_assets).collect()
});

/// A set of fonts with its book, as the World serves them.
pub struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

/// A font file in a `font-dirs` folder that could not be used.
#[derive(Debug)]
pub struct BadFontFile {
    pub path: String,
    pub reason: String,
}

impl Fonts {
    /// The embedded fonts only.
    pub fn embedded() -> Fonts {
        Self::from_fonts(EMBEDDED.clone())
    }

    /// The embedded fonts and the font files the load stage read from `font-dirs`; the
    /// files that hold no font Typst can read are named.
    pub fn with_files(files: &[FontFile]) -> (Fonts, Vec<BadFontFile>) {
        let mut fonts = EMBEDDED.clone();
        let mut bad = Vec::new();
        for file in files {
            let before = fonts.len();
            fonts.extend(Font::iter(Bytes::new(file.bytes.clone())));
            if fonts.len() == before {
                bad.push(BadFontFile {
                    path: file.path.clone(),
                    reason: "not a font Typst can read".into(),
                });
            }
        }
        (Self::from_fonts(fonts), bad)
    }

    fn from_fonts(fonts: Vec<Font>) -> Fonts {
        let book = FontBook::from_infos(fonts.iter().map(|f| f.info().clone()));
        Fonts {
            book: LazyHash::new(book),
            fonts,
        }
    }

    pub fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    pub fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    pub fn infos(&self) -> impl Iterator<Item = &FontInfo> {
        self.fonts.iter().map(Font::info)
    }

    /// The characters of `text` that no font has a glyph for, in order, without repeats.
    /// ASCII is skipped: Liberation Serif covers all of it. (The build asks
    /// [`Fonts::lacking`] of the distinct characters it also checks for private use.)
    #[cfg(test)]
    pub fn missing_glyphs(&self, text: &str) -> Vec<char> {
        self.lacking(&distinct_non_ascii(text))
    }

    /// Those of `chars` that no font has a glyph for (whitespace and the characters that
    /// draw nothing need none).
    pub fn lacking(&self, chars: &[char]) -> Vec<char> {
        let covered = |c: char| {
            // Math fonts do not count: Typst does not fall back to them for text.
            self.infos().any(|info| {
                !info.flags.contains(FontFlags::MATH) && info.coverage.contains(c as u32)
            })
        };
        chars
            .iter()
            .copied()
            .filter(|&c| !c.is_whitespace() && !is_invisible(c) && !covered(c))
            .collect()
    }
}

/// The characters of `text` beyond ASCII, in order of their first occurrence, each once.
/// ASCII bytes are skipped without decoding, and the characters of the Basic Multilingual
/// Plane met so far are kept in a bit set (the generated source of a version is megabytes
/// long, most of it ASCII markup, the rest a few hundred distinct letters).
pub fn distinct_non_ascii(text: &str) -> Vec<char> {
    let mut bmp = vec![0u64; 0x10000 / 64];
    let mut astral = BTreeSet::new();
    let mut distinct = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at].is_ascii() {
            at += 1;
            continue;
        }
        // A byte beyond ASCII after whole characters begins one.
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        at += c.len_utf8();
        let code = c as usize;
        let new = if code < 0x10000 {
            let (word, bit) = (code / 64, 1u64 << (code % 64));
            let new = bmp[word] & bit == 0;
            bmp[word] |= bit;
            new
        } else {
            astral.insert(c)
        };
        if new {
            distinct.push(c);
        }
    }
    distinct
}

/// Formatting characters that draw nothing, so need no glyph.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{ad}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_characters_beyond_ascii_come_once_in_order() {
        assert_eq!(
            distinct_non_ascii("é a 𓀀 é\u{ffff} 联合 𓀀 ÿ合\u{10000}"),
            ['é', '𓀀', '\u{ffff}', '联', '合', 'ÿ', '\u{10000}']
        );
        assert!(distinct_non_ascii("only ASCII, {}#\n").is_empty());
    }

    #[test]
    fn the_label_fonts_draw_the_switchers_names() {
        for label in &LABEL_FONTS {
            let font = Font::new(Bytes::new(label.data), 0).expect(label.file);
            for c in label.text.chars() {
                assert!(
                    font.info().coverage.contains(c as u32),
                    "{} lacks {c}",
                    label.file
                );
            }
        }
        // The names are the catalogue's: a different endonym would need new fonts.
        for (lang, label) in [("ar", &LABEL_FONTS[0]), ("zh", &LABEL_FONTS[1])] {
            let (catalogue, _) = crate::catalogue::Catalogue::new(lang, &[]);
            assert_eq!(catalogue.get("language-endonym", &[]), label.text);
        }
    }

    #[test]
    fn the_scripts_of_the_six_languages_are_covered_ethiopic_is_not() {
        let fonts = Fonts::embedded();
        assert!(fonts.book().contains_family("liberation serif"));
        assert!(fonts.book().contains_family("noto naskh arabic"));
        assert!(fonts.book().contains_family("noto serif cjk sc"));
        assert!(
            fonts
                .missing_glyphs("Côte d’Ivoire, Ελλάδα, Россия, Ёлка — “quoted” № 5 €")
                .is_empty()
        );
        assert!(fonts.missing_glyphs("الأمم المتحدة، ٢٠١٩؟").is_empty());
        assert!(
            fonts
                .missing_glyphs("联合国大会，第七十四届会议（2019年）。")
                .is_empty()
        );
        assert_eq!(fonts.missing_glyphs("ሰላም ሰ"), ['ሰ', 'ላ', 'ም']);
        // Only the math fonts have ℟, and Typst does not use them for text.
        assert_eq!(fonts.missing_glyphs("t ℟"), ['℟']);
        // The ASCII shortcut holds: every printable ASCII character has a glyph.
        let ascii: String = (' '..='~').collect();
        assert!(
            fonts
                .infos()
                .any(|f| ascii.chars().all(|c| f.coverage.contains(c as u32)))
        );
    }
}
