//! Which language a reply's text reads as, to check the language it declares: a reply
//! declared Arabic whose text is English would be typeset right to left, its full stops at
//! the start of the line, without a word.
//!
//! The text is identified by whatlang (trigrams and scripts, no model files, about 1 MB of
//! tables in the binary, microseconds a reply); see ARCHITECTURE.md for why. Only a text
//! long enough to judge is judged, and only a reliable identification that differs from
//! what is declared is said.

use whatlang::Lang;

use crate::markdown;

/// The fewest letters a text needs to be judged; a Chinese or Japanese character counts as
/// four (it carries about as much as a short word).
pub const MIN_LETTERS: usize = 120;

/// The letters of `text`, as [`MIN_LETTERS`] counts them.
pub fn letters(text: &str) -> usize {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .map(|c| if c >= '\u{2e80}' { 4 } else { 1 })
        .sum()
}
/// The most characters of a text read: enough to tell a language (every shipped text and
/// every false declaration of it are still told apart, `cargo bench --bench identify`), and
/// a long reply costs no more than a short one.
const MOST_CHARS: usize = 800;

/// The six official languages as whatlang names them (ISO 639-3), by ISO 639-1 code.
const SIX: [(&str, Lang); 6] = [
    ("ar", Lang::Ara),
    ("zh", Lang::Cmn),
    ("en", Lang::Eng),
    ("fr", Lang::Fra),
    ("ru", Lang::Rus),
    ("es", Lang::Spa),
];

/// What a text reads as, when that differs from what it declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The English name of the language the text reads as ("English").
    pub reads_as: &'static str,
    /// Its ISO 639-1 code, if it is one of the six.
    pub code: Option<&'static str>,
}

/// Whether Markdown `text`, declared to be in `declared` (ISO 639-1), reads as another
/// language: `None` if it reads as `declared`, if it is too short to judge, or if the
/// identification is not reliable.
///
/// Remembered for the process (Typst's memoizer, cleared with Typst's caches): a rebuild
/// in `watch` or `serve` judges again only the texts that changed.
#[comemo::memoize]
pub fn mismatch(text: &str, declared: &str) -> Option<Mismatch> {
    let found = reliable(text)?;
    let code = SIX.iter().find(|(_, l)| *l == found).map(|(c, _)| *c);
    let same = match code {
        Some(code) => code == declared,
        // Another language: said when one of the six is declared; otherwise the two
        // names are compared ("Portuguese" and "Portuguese").
        None => {
            !crate::language::is_official(declared)
                && crate::language::name(declared)
                    .is_none_or(|name| name.eq_ignore_ascii_case(found.eng_name()))
        }
    };
    (!same).then(|| Mismatch {
        reads_as: code
            .and_then(crate::language::name)
            .unwrap_or(found.eng_name()),
        code,
    })
}

/// The language Markdown `text` reads as, reliably, as an ISO 639-1 code: `None` if it is
/// too short to judge, not reliably told, or in a language without such a code.
pub fn language_of(text: &str) -> Option<&'static str> {
    let found = reliable(text)?;
    SIX.iter()
        .find(|(_, l)| *l == found)
        .map(|(c, _)| *c)
        .or_else(|| crate::language::code_for_name(found.eng_name()))
}

/// The language whatlang reliably reads the start of Markdown `text` as, if it is long
/// enough to judge.
fn reliable(text: &str) -> Option<Lang> {
    // The start of the text is enough to tell its language (four bytes a character at most).
    let mut end = text.len().min(MOST_CHARS * 4);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut plain = String::new();
    markdown::parse(&text[..end]).text(&mut plain);
    if letters(&plain) < MIN_LETTERS {
        return None;
    }
    let sample = match plain.char_indices().nth(MOST_CHARS) {
        Some((at, _)) => &plain[..at],
        None => &plain,
    };
    Some(whatlang::detect(sample).filter(|i| i.is_reliable())?.lang())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH: &str = "The Government of the Republic has the honour to refer to the note \
        verbale of the Secretary-General concerning General Assembly resolution 73/187 and to \
        transmit its views on the challenges it faces in countering the criminal use of \
        information and communications technologies.";
    const ARABIC: &str = "تتشرف حكومة الجمهورية بالإشارة إلى المذكرة الشفوية للأمين العام \
        بشأن قرار الجمعية العامة 73/187، وبأن تحيل آراءها بشأن التحديات التي تواجهها في \
        مكافحة استخدام تكنولوجيات المعلومات والاتصالات للأغراض الإجرامية.";
    const SPANISH: &str = "El Gobierno de la República tiene el honor de referirse a la nota \
        verbal del Secretario General relativa a la resolución 73/187 de la Asamblea General y \
        de transmitir sus observaciones sobre los problemas que enfrenta en la lucha contra el \
        uso delictivo de las tecnologías de la información y las comunicaciones.";

    #[test]
    fn a_text_in_another_language_than_declared_is_found() {
        assert_eq!(
            mismatch(ENGLISH, "ar"),
            Some(Mismatch {
                reads_as: "English",
                code: Some("en")
            })
        );
        assert_eq!(mismatch(ARABIC, "en").map(|m| m.code), Some(Some("ar")));
        assert_eq!(mismatch(SPANISH, "fr").map(|m| m.code), Some(Some("es")));
    }

    #[test]
    fn a_text_in_its_declared_language_or_too_short_is_not_judged() {
        assert_eq!(mismatch(ENGLISH, "en"), None);
        assert_eq!(mismatch(ARABIC, "ar"), None);
        assert_eq!(mismatch(SPANISH, "es"), None);
        assert_eq!(mismatch("A short English note.", "ar"), None);
        assert_eq!(mismatch("", "fr"), None);
    }
}
