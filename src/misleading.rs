//! Warnings about misleading characters (see `invisible`) where the text holds them, as
//! the outputs will show that text: written raw, or written as an escape that a parser
//! turns into one (a TOML `\u202e` or `\U0000202E`, a Markdown or HTML character reference
//! `&#x202E;`, `&#8238;`, `&ZeroWidthSpace;`). Both are warned about alike, and left out of
//! every output alike.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};
use toml::de::{DeTable, DeValue};

use crate::codes::Code;
use crate::diag::{Diagnostic, Diagnostics, FileId};
use crate::invisible::{self, Kind};

/// How many are shown one by one in a file before the rest are counted.
const SHOWN: usize = 5;

/// A misleading character found in a file: where it is written, and whether as an escape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub span: Range<usize>,
    pub c: char,
    pub escaped: bool,
}

/// The misleading characters written raw in `text`.
pub fn raw(text: &str) -> impl Iterator<Item = Found> + '_ {
    invisible::scan(text).map(|(at, c, _)| Found {
        span: at..at + c.len_utf8(),
        c,
        escaped: false,
    })
}

/// The misleading characters that the strings and keys of a parsed TOML document hold
/// through an escape. `text` is the document's source, which starts at byte `offset` of
/// its file.
pub fn in_toml(doc: &DeTable<'_>, text: &str, offset: usize) -> Vec<Found> {
    let mut out = Vec::new();
    toml_table(doc, text, offset, &mut out);
    out
}

fn toml_table(table: &DeTable<'_>, text: &str, offset: usize, out: &mut Vec<Found>) {
    for (key, value) in table {
        escaped_in(key.get_ref(), key.span(), text, offset, out);
        toml_value(value.get_ref(), value.span(), text, offset, out);
    }
}

fn toml_value(
    value: &DeValue<'_>,
    span: Range<usize>,
    text: &str,
    offset: usize,
    out: &mut Vec<Found>,
) {
    match value {
        DeValue::String(s) => escaped_in(s, span, text, offset, out),
        DeValue::Array(items) => {
            for item in items {
                toml_value(item.get_ref(), item.span(), text, offset, out);
            }
        }
        DeValue::Table(table) => toml_table(table, text, offset, out),
        _ => {}
    }
}

/// The misleading characters that one event of the parse of Markdown `text` (at byte
/// `offset` of its file, the event at `span`) holds through a character reference or
/// entity: those its parsed text holds and its source does not. (`load` feeds it the
/// events of the parse that also says what a text loses, `markdown::losses_seeing`.)
pub fn in_event(
    event: &Event<'_>,
    span: &Range<usize>,
    text: &str,
    offset: usize,
    out: &mut Vec<Found>,
) {
    match event {
        Event::Text(s) | Event::Code(s) => escaped_in(s, span.clone(), text, offset, out),
        Event::Start(Tag::Link {
            dest_url, title, ..
        })
        | Event::Start(Tag::Image {
            dest_url, title, ..
        }) => {
            escaped_in(dest_url, span.clone(), text, offset, out);
            escaped_in(title, span.clone(), text, offset, out);
        }
        _ => {}
    }
}

/// Pushes each misleading character of the parsed `value` that its source `text[span]`
/// does not hold raw: it came from an escape.
fn escaped_in(value: &str, span: Range<usize>, text: &str, offset: usize, out: &mut Vec<Found>) {
    if !invisible::any(value) {
        return;
    }
    let source = text.get(span.clone()).unwrap_or_default();
    let mut seen = Vec::new();
    for (_, c, _) in invisible::scan(value) {
        if source.contains(c) || seen.contains(&c) {
            continue;
        }
        seen.push(c);
        out.push(Found {
            span: offset + span.start..offset + span.end,
            c,
            escaped: true,
        });
    }
}

/// Every character that `text` writes as an escape, wherever it stands: TOML's `\uXXXX`
/// and `\UXXXXXXXX`, character references `&#xHH;` and `&#DD;`, and named ones such as
/// `&eacute;` (decoded by pulldown-cmark). Context-free, for saying where a character
/// came from (a character no font has, written `&#x1F600;`); the warnings above read the
/// parsed text instead.
pub fn escapes(text: &str) -> Vec<(Range<usize>, char)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let found = match bytes[i] {
            b'\\' => toml_escape(text, i),
            b'&' => reference(text, i),
            _ => None,
        };
        match found {
            Some((len, c)) => {
                out.push((i..i + len, c));
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// `\uXXXX` or `\UXXXXXXXX` at `at`: its length and character.
fn toml_escape(text: &str, at: usize) -> Option<(usize, char)> {
    let digits = match text.as_bytes().get(at + 1)? {
        b'u' => 4,
        b'U' => 8,
        _ => return None,
    };
    let hex = text.get(at + 2..at + 2 + digits)?;
    let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)?;
    Some((2 + digits, c))
}

/// A character reference at `at` (`&#x202E;`, `&#8238;`, `&rlm;`): its length and
/// character.
fn reference(text: &str, at: usize) -> Option<(usize, char)> {
    // The longest HTML entity name is 31 characters long.
    let rest = text.get(at..)?;
    let end = rest.bytes().take(40).position(|b| b == b';')?;
    let body = &rest[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let (digits, radix) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (num, 10),
        };
        u32::from_str_radix(digits, radix)
            .ok()
            .and_then(char::from_u32)?
    } else if !body.is_empty() && body.bytes().all(|b| b.is_ascii_alphanumeric()) {
        let mut chars = String::new();
        for event in Parser::new(&rest[..=end]) {
            if let Event::Text(t) = event {
                chars.push_str(&t);
            }
        }
        let mut decoded = chars.chars();
        match (decoded.next(), decoded.next()) {
            (Some(c), None) if chars != rest[..=end] => c,
            _ => return None,
        }
    } else {
        return None;
    };
    Some((end + 1, c))
}

/// Warns about each misleading character found in `file`, the first few at their place,
/// then how many more there are.
pub fn warn(file: FileId, found: impl IntoIterator<Item = Found>, diags: &mut Diagnostics) {
    let mut found = found.into_iter();
    let mut last = 0..0;
    for f in found.by_ref().take(SHOWN) {
        let kind = invisible::kind(f.c).unwrap_or(Kind::Invisible);
        let (message, label) = match kind {
            Kind::Bidi => (
                "it can make the text read differently from what it is (the \"Trojan Source\" trick)",
                "reorders the text around it",
            ),
            Kind::Control => (
                "a control character has no place in a text",
                "control character",
            ),
            Kind::Invisible => ("it draws nothing", "invisible character"),
            Kind::Tag => ("tag characters are invisible text", "tag character"),
        };
        let what = invisible::describe(f.c);
        let (message, label, help) = if f.escaped {
            (
                format!("{what} written as an escape: {message}"),
                format!("this escape writes a {label}"),
                "it is left out of the PDF, the HTML and data.json, as if written raw; delete \
                 the escape unless the text needs it",
            )
        } else {
            (
                format!("{what} in the text: {message}"),
                label.to_string(),
                "it is left out of the PDF, the HTML and data.json; delete it from the file \
                 unless the text needs it",
            )
        };
        last = f.span.clone();
        diags.push(
            Diagnostic::warning(Code::MisleadingCharacter, file, f.span, message)
                .label(label)
                .help(help),
        );
    }
    let more = found.count();
    if more > 0 {
        diags.push(
            Diagnostic::warning(
                Code::MisleadingCharacter,
                file,
                last,
                format!(
                    "and {more} more invisible or control {} after this one",
                    if more == 1 { "character" } else { "characters" }
                ),
            )
            .label("the last one shown")
            .help(
                "they are left out of the PDF, the HTML and data.json; search the file for \
                 them with an editor that shows invisible characters, and for escapes \
                 such as \\u202e or &#x202e;",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(found: &[Found], text: &str) -> Vec<(char, String)> {
        found
            .iter()
            .map(|f| (f.c, text[f.span.clone()].to_string()))
            .collect()
    }

    #[test]
    fn toml_escapes_are_found_at_their_string() {
        let text = "a = \"x\\u202ey\"\nb = [\"\\U0000200B\"]\n[t]\n\"k\\u2066\" = 'lit\\u202e'\nc = \"plain\"\n";
        let doc = DeTable::parse(text).unwrap();
        let found = in_toml(doc.get_ref(), text, 0);
        assert_eq!(
            chars(&found, text),
            [
                ('\u{202e}', "\"x\\u202ey\"".to_string()),
                ('\u{200b}', "\"\\U0000200B\"".to_string()),
                ('\u{2066}', "\"k\\u2066\"".to_string()),
            ]
        );
        // A raw one is the raw scan's, not counted twice.
        let raw_text = "a = \"x\u{202e}y\"\n";
        let doc = DeTable::parse(raw_text).unwrap();
        assert!(in_toml(doc.get_ref(), raw_text, 0).is_empty());
        assert_eq!(raw(raw_text).count(), 1);
    }

    fn in_markdown(text: &str, offset: usize) -> Vec<Found> {
        let mut out = Vec::new();
        crate::markdown::losses_seeing(text, |event, span| {
            in_event(event, span, text, offset, &mut out);
        });
        out
    }

    #[test]
    fn markdown_character_references_are_found() {
        let text = "One &#x202E;two &#8238; and &ZeroWidthSpace;.\n\n`&#x202e;` is code.\n\n[l](http://a&#x2066;b)\n";
        let found = in_markdown(text, 10);
        let got: Vec<char> = found.iter().map(|f| f.c).collect();
        assert_eq!(got, ['\u{202e}', '\u{202e}', '\u{200b}', '\u{2066}']);
        assert_eq!(
            &text[found[0].span.start - 10..found[0].span.end - 10],
            "&#x202E;"
        );
        assert!(in_markdown("plain &amp; text &rlm;", 0).is_empty());
    }

    #[test]
    fn escapes_are_found_wherever_they_stand() {
        let text = "a \\u00e9 b &#x1F600; c &#233; d &eacute; &nope; &#xZZ; \\u12 \\U0001F600";
        let found: Vec<(String, char)> = escapes(text)
            .into_iter()
            .map(|(span, c)| (text[span].to_string(), c))
            .collect();
        assert_eq!(
            found,
            [
                ("\\u00e9".to_string(), 'é'),
                ("&#x1F600;".to_string(), '😀'),
                ("&#233;".to_string(), 'é'),
                ("&eacute;".to_string(), 'é'),
                ("\\U0001F600".to_string(), '😀'),
            ]
        );
    }
}
