//! Characters that make text read differently from what it is: bidirectional embedding,
//! override and isolate controls (the "Trojan Source" class), other control characters,
//! characters that draw nothing (zero-width space, word joiner, byte order mark inside a
//! text, Hangul fillers) and Unicode tag characters.
//!
//! Replies and book.toml are checked for them when read, raw or written as escapes (a
//! warning at each, with its position: `misleading`); the PDF, the HTML and data.json
//! never contain them (the Typst and HTML writers and data.json drop them); terminal
//! output shows them as `\u{202e}` escapes; theme and State names are
//! compared without them. Characters that shape legitimate text are not among them: the
//! zero-width joiner and non-joiner (Arabic, Persian, Indic scripts, emoji), the
//! left-to-right and right-to-left marks, the Arabic letter mark, variation selectors and
//! the soft hyphen.

use std::borrow::Cow;
use std::fmt::Write;

/// What kind of misleading character a character is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Reorders the text around it: U+202A-U+202E, U+2066-U+2069.
    Bidi,
    /// A control character other than tab, line feed and carriage return; also the line
    /// and paragraph separators.
    Control,
    /// Draws nothing and means nothing in running text.
    Invisible,
    /// A Unicode tag character (U+E0000-U+E007F): invisible text.
    Tag,
}

/// The kind of `c`, if it is a misleading character.
pub fn kind(c: char) -> Option<Kind> {
    match c {
        '\t' | '\n' | '\r' => None,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some(Kind::Bidi),
        '\u{2028}' | '\u{2029}' => Some(Kind::Control),
        c if c.is_control() => Some(Kind::Control),
        '\u{200b}'
        | '\u{2060}'..='\u{2064}'
        | '\u{206a}'..='\u{206f}'
        | '\u{feff}'
        | '\u{180e}'
        | '\u{115f}'
        | '\u{1160}'
        | '\u{3164}'
        | '\u{ffa0}'
        | '\u{fff9}'..='\u{fffb}'
        // Noncharacters: never text (a program's own markers; a redline marks with some).
        | '\u{fdd0}'..='\u{fdef}'
        | '\u{fffe}'
        | '\u{ffff}' => Some(Kind::Invisible),
        '\u{e0000}'..='\u{e007f}' => Some(Kind::Tag),
        _ => None,
    }
}

/// Whether `c` is left out when two names or themes are compared: the misleading
/// characters and those that only shape text (joiners, direction marks, variation
/// selectors, soft hyphen, combining grapheme joiner).
pub fn ignored_in_comparisons(c: char) -> bool {
    kind(c).is_some()
        || matches!(
            c,
            '\u{200c}'..='\u{200f}' | '\u{061c}' | '\u{ad}' | '\u{34f}' | '\u{fe00}'..='\u{fe0f}'
        )
}

/// `c` described for a warning: "a right-to-left override (U+202E)".
pub fn describe(c: char) -> String {
    let name = match c {
        '\u{202a}' => "a left-to-right embedding",
        '\u{202b}' => "a right-to-left embedding",
        '\u{202c}' => "a pop directional formatting",
        '\u{202d}' => "a left-to-right override",
        '\u{202e}' => "a right-to-left override",
        '\u{2066}' => "a left-to-right isolate",
        '\u{2067}' => "a right-to-left isolate",
        '\u{2068}' => "a first strong isolate",
        '\u{2069}' => "a pop directional isolate",
        '\u{200b}' => "a zero-width space",
        '\u{2060}' => "a word joiner",
        '\u{feff}' => "a byte order mark (zero-width no-break space)",
        '\u{1b}' => "an escape character",
        '\u{2028}' => "a line separator",
        '\u{2029}' => "a paragraph separator",
        '\u{fdd0}'..='\u{fdef}' | '\u{fffe}' | '\u{ffff}' => "a noncharacter",
        c => match kind(c) {
            Some(Kind::Control) => "a control character",
            Some(Kind::Tag) => "a tag character",
            _ => "an invisible character",
        },
    };
    format!("{name} (U+{:04X})", c as u32)
}

/// Whether a byte of UTF-8 text may begin a misleading character: a control character
/// (other than tab, line feed, carriage return) or the first byte of the encoding of one of
/// the other characters of [`kind`] (all of which begin with C2, E1, E2, E3, EF or F3).
/// Most bytes of any script are not, so text is checked a byte at a time and decoded only
/// where one is.
const SUSPECT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = !matches!(b as u8, b'\t' | b'\n' | b'\r');
        b += 1;
    }
    table[0x7f] = true;
    let leads = [0xc2, 0xe1, 0xe2, 0xe3, 0xef, 0xf3];
    let mut i = 0;
    while i < leads.len() {
        table[leads[i]] = true;
        i += 1;
    }
    table
};

/// The byte offset and the character of the first misleading character of `text` at or
/// after byte `from` (a character boundary).
fn next(text: &str, from: usize) -> Option<(usize, char, Kind)> {
    let bytes = text.as_bytes();
    let mut at = from;
    while at < bytes.len() {
        if SUSPECT[usize::from(bytes[at])] {
            // A suspect byte is ASCII or a lead byte, so `at` is a character boundary.
            let c = text[at..].chars().next()?;
            if let Some(kind) = kind(c) {
                return Some((at, c, kind));
            }
            at += c.len_utf8();
        } else {
            at += 1;
        }
    }
    None
}

/// Whether `text` holds a misleading character.
pub fn any(text: &str) -> bool {
    next(text, 0).is_some()
}

/// Every misleading character of `text`: its byte offset, the character and its kind. A
/// byte order mark at the very start is the file's encoding mark, not text.
pub fn scan(text: &str) -> impl Iterator<Item = (usize, char, Kind)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let found = next(text, from)?;
        from = found.0 + found.1.len_utf8();
        Some(found)
    })
    .filter(|&(at, c, _)| !(at == 0 && c == '\u{feff}'))
}

/// `text` without its misleading characters.
pub fn remove(text: &str) -> Cow<'_, str> {
    if !any(text) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter(|c| kind(*c).is_none()).collect())
}

/// `text` safe to print on a terminal: misleading characters (escape sequences, bidi
/// controls...) become visible escapes such as `\u{202e}`; line breaks and tabs stay.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !any(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match kind(c) {
            Some(_) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `text` with each misleading character replaced by visible ones of the same length in
/// bytes (`?` or `\u{fffd}`), so that byte offsets into it stay valid: for quoting source
/// lines under a diagnostic.
pub fn same_length_visible(text: &str) -> Cow<'_, str> {
    if !any(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match kind(c) {
            None => out.push(c),
            Some(_) => match c.len_utf8() {
                3 => out.push('\u{fffd}'),
                n => (0..n).for_each(|_| out.push('?')),
            },
        }
    }
    debug_assert_eq!(out.len(), text.len());
    Cow::Owned(out)
}

#[cfg(test)]
mod json_tests {
    use super::*;

    #[test]
    fn json_loses_misleading_characters_raw_or_escaped_and_keeps_the_rest() {
        let value = serde_json::json!({
            "b": "x\u{202e}y\u{1b}z\u{8}\\u001b \\ \u{7}\t\n",
            "a\u{200b}": ["\u{e0041}ok", "é\"q\""],
        });
        let json = serde_json::to_string(&value).unwrap();
        let clean = remove_from_json(&json);
        let back: serde_json::Value = serde_json::from_str(&clean).unwrap();
        assert_eq!(
            back,
            serde_json::json!({"b": "xyz\\u001b \\ \t\n", "a": ["ok", "é\"q\""]})
        );
        assert_eq!(remove_from_json("{\"a\": 1}"), "{\"a\": 1}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_trojan_source_characters_and_keeps_real_text() {
        let text = "if x {\u{202e} } \u{2066}admin\u{2069} a\u{200b}b \u{1b}[31m \u{e0041}";
        let found: Vec<Kind> = scan(text).map(|(_, _, k)| k).collect();
        assert_eq!(
            found,
            [
                Kind::Bidi,
                Kind::Bidi,
                Kind::Bidi,
                Kind::Invisible,
                Kind::Control,
                Kind::Tag
            ]
        );
        // Joiners, marks, Arabic and tabs are text.
        let arabic = "نص\u{200c}عربي \u{200f}\u{200d}\t\n";
        assert_eq!(scan(arabic).count(), 0);
        assert_eq!(remove(arabic), arabic);
        // A leading byte order mark is the encoding's.
        assert_eq!(scan("\u{feff}+++").count(), 0);
        assert_eq!(scan("a\u{feff}b").count(), 1);
    }

    /// The byte-wise search finds exactly the characters `kind` names, in every plane.
    #[test]
    fn the_fast_search_agrees_with_kind_on_every_character() {
        let all: String = (0..=0x10ffff_u32)
            .filter_map(char::from_u32)
            .filter(|&c| c != '\u{feff}')
            .collect();
        let expected: Vec<(usize, char)> = all
            .char_indices()
            .filter(|&(_, c)| kind(c).is_some())
            .collect();
        let found: Vec<(usize, char)> = scan(&all).map(|(at, c, _)| (at, c)).collect();
        assert_eq!(found, expected);
        assert!(expected.len() > 100, "{}", expected.len());
    }

    #[test]
    fn removed_escaped_or_replaced_by_same_length() {
        let text = "a\u{202e}b\u{1b}c\u{85}d\u{e0041}e";
        assert_eq!(remove(text), "abcde");
        assert_eq!(
            terminal_safe(text),
            "a\\u{202e}b\\u{1b}c\\u{85}d\\u{e0041}e"
        );
        let shown = same_length_visible(text);
        assert_eq!(shown.len(), text.len());
        assert_eq!(shown, "a\u{fffd}b?c??d????e");
        assert!(matches!(remove("plain"), Cow::Borrowed(_)));
    }
}

/// JSON text (as serde_json writes it) without the misleading characters of its strings
/// and keys, whether written raw or as an escape (`\u001b`, `\b`, `\f`): what data.json
/// leaves out, as the PDF and the HTML do. The fields keep their order.
pub fn remove_from_json(json: &str) -> Cow<'_, str> {
    if !any(json) && !json.contains("\\u00") && !json.contains("\\b") && !json.contains("\\f") {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len());
    let mut chars = json.char_indices();
    while let Some((at, c)) = chars.next() {
        if c == '\\' {
            let escape = match json[at + 1..].chars().next() {
                Some('u') => json.get(at..at + 6).unwrap_or(&json[at..]),
                Some(next) => &json[at..at + 1 + next.len_utf8()],
                None => &json[at..],
            };
            let meant = match escape {
                "\\b" => Some('\u{8}'),
                "\\f" => Some('\u{c}'),
                _ => escape
                    .strip_prefix("\\u")
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .and_then(char::from_u32),
            };
            if meant.is_none_or(|m| kind(m).is_none()) {
                out.push_str(escape);
            }
            for _ in 1..escape.chars().count() {
                chars.next();
            }
        } else if kind(c).is_none() {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// JSON text with each misleading character written as a JSON escape (`\u202e`): the same
/// data, with none of them raw in the file. They only occur inside strings, so the
/// escapes are valid JSON.
pub fn escape_in_json(json: &str) -> Cow<'_, str> {
    if !any(json) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if kind(c).is_some() {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}
