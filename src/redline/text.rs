//! Plain text compared word by word (character by character in Chinese and Japanese), and
//! the marks of what changed carried inside a string.
//!
//! A redline passes its marks to the templates inside the very strings they print, between
//! four noncharacters (U+FDD0 to U+FDD3, which Unicode keeps for a program's own use and no
//! text holds): every field stays a string, so any template, the report's own included,
//! prints the marks without knowing of them. The Typst and HTML formatters turn them into
//! marks ([`segments`]); anything else reads the new text ([`new_text`]). Texts are cleared
//! of these characters ([`clean`]) before they are marked, so only a redline makes them.

use std::borrow::Cow;

use super::edits::{self, Tag};

/// Opens and closes a deletion and an insertion.
pub const DEL_OPEN: char = '\u{fdd0}';
pub const DEL_CLOSE: char = '\u{fdd1}';
pub const INS_OPEN: char = '\u{fdd2}';
pub const INS_CLOSE: char = '\u{fdd3}';
/// Between a Markdown text and the text of the base it is compared with (see `doc`).
pub const BASE: char = '\u{fdd4}';

/// Whether `c` is one of the characters a redline marks with.
pub fn is_mark(c: char) -> bool {
    ('\u{fdd0}'..='\u{fdd4}').contains(&c)
}

/// `text` without the characters a redline marks with.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.contains(is_mark) {
        Cow::Owned(text.chars().filter(|c| !is_mark(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// A piece of a marked text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'t> {
    Same(&'t str),
    Del(&'t str),
    Ins(&'t str),
}

/// The pieces of a marked text, in order (a text without marks is one `Same` piece). A mark
/// left open runs to the end of the text.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let Some(at) = rest.find([DEL_OPEN, INS_OPEN]) else {
            out.push(Segment::Same(rest));
            break;
        };
        if at > 0 {
            out.push(Segment::Same(&rest[..at]));
        }
        let open = rest[at..].chars().next().unwrap_or(DEL_OPEN);
        let close = if open == DEL_OPEN {
            DEL_CLOSE
        } else {
            INS_CLOSE
        };
        let inner = &rest[at + open.len_utf8()..];
        let (piece, after) = match inner.find(close) {
            Some(end) => (&inner[..end], &inner[end + close.len_utf8()..]),
            None => (inner, ""),
        };
        if !piece.is_empty() {
            out.push(if open == DEL_OPEN {
                Segment::Del(piece)
            } else {
                Segment::Ins(piece)
            });
        }
        rest = after;
    }
    out
}

/// Whether `text` carries marks.
pub fn is_marked(text: &str) -> bool {
    text.contains(is_mark)
}

/// The text as it is now: marked deletions left out, marks removed. For a Markdown text
/// paired with its base, the new text.
pub fn new_text(text: &str) -> Cow<'_, str> {
    if !is_marked(text) {
        return Cow::Borrowed(text);
    }
    let text = text.split(BASE).next().unwrap_or("");
    let mut out = String::with_capacity(text.len());
    for s in segments(text) {
        if let Segment::Same(t) | Segment::Ins(t) = s {
            out.push_str(t);
        }
    }
    Cow::Owned(out)
}

/// Whether `c` is written without spaces between words, so that each character is one
/// unit of comparison: Chinese characters, Japanese kana, CJK punctuation.
fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{2e80}'..='\u{2fdf}' | '\u{3000}'..='\u{30ff}' | '\u{3100}'..='\u{31bf}'
        | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ffef}' | '\u{20000}'..='\u{3134f}')
}

/// Whether `c` is punctuation that stands apart from the words beside it.
fn punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{a1}' | '\u{a7}' | '\u{ab}' | '\u{b6}' | '\u{b7}' | '\u{bb}' | '\u{bf}'
            | '\u{2010}'..='\u{205e}' | '\u{060c}' | '\u{061b}' | '\u{061f}' | '\u{066a}'..='\u{066d}'
            | '\u{06d4}')
}

/// The units a text is compared in: words, runs of white space, punctuation marks, and
/// single characters of unspaced scripts. Concatenated, they give the text back.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    // 0: nothing open, 1: a word, 2: white space.
    let mut open = 0;
    for (i, c) in text.char_indices() {
        let kind = if c.is_whitespace() {
            2
        } else if unspaced(c) || punctuation(c) {
            3
        } else {
            1
        };
        if open != 0 && (kind != open || kind == 3) {
            out.push(&text[start..i]);
            open = 0;
        }
        if open == 0 {
            start = i;
            open = kind;
        }
        if kind == 3 {
            out.push(&text[i..i + c.len_utf8()]);
            open = 0;
            start = i + c.len_utf8();
        }
    }
    if open != 0 && start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The most edits (of units) a comparison looks for before it shows the whole text as
/// deleted and inserted: past it, the marks would be more than a reader can follow, and
/// the cost of comparing stays linear in the length of the text.
pub const MOST_EDITS: usize = 240;

/// The most changes (runs of deleted or inserted units) marked inside one text; a text
/// changed in more places is shown as deleted and inserted as a whole.
pub const MOST_CHANGES: usize = 24;

/// A change of a compared sequence: the same items, or a deletion beside an insertion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Same(std::ops::Range<usize>, std::ops::Range<usize>),
    /// Items of the base replaced by items of the new sequence (either may be empty).
    Replace(std::ops::Range<usize>, std::ops::Range<usize>),
}

/// Compares two sequences of units, and joins into the changes around it any stretch of
/// equal units between two changes that `is_filler` says carries no meaning of its own
/// (white space), so that a rewritten phrase reads as one change. `None` if they differ
/// in more than [`MOST_EDITS`] units or `most` places.
pub fn changes<T: PartialEq>(
    a: &[T],
    b: &[T],
    most: usize,
    is_filler: impl Fn(&T) -> bool,
) -> Option<Vec<Change>> {
    let runs = edits::diff(a, b, MOST_EDITS)?;
    let mut out: Vec<Change> = Vec::new();
    for (i, run) in runs.iter().enumerate() {
        let between_changes = run.tag == Tag::Same
            && i > 0
            && i + 1 < runs.len()
            && a[run.a.clone()].iter().all(&is_filler);
        let change = run.tag != Tag::Same || between_changes;
        match (out.last_mut(), change) {
            (Some(Change::Replace(x, y)), true) => {
                x.end = run.a.end;
                y.end = run.b.end;
            }
            (_, true) => out.push(Change::Replace(run.a.clone(), run.b.clone())),
            (_, false) => out.push(Change::Same(run.a.clone(), run.b.clone())),
        }
    }
    let replaced = out
        .iter()
        .filter(|c| matches!(c, Change::Replace(..)))
        .count();
    (replaced <= most).then_some(out)
}

/// `new` marked with what changed since `base`: deleted words between [`DEL_OPEN`] and
/// [`DEL_CLOSE`], inserted ones between [`INS_OPEN`] and [`INS_CLOSE`]. Both are first
/// cleared of those characters; equal texts come back unmarked.
pub fn mark(base: &str, new: &str) -> String {
    let (base, new) = (clean(base), clean(new));
    if base == new {
        return new.into_owned();
    }
    let (a, b) = (tokens(&base), tokens(&new));
    let whole = [Change::Replace(0..a.len(), 0..b.len())];
    let found = changes(&a, &b, MOST_CHANGES, |t| t.trim().is_empty());
    let list = found.as_deref().unwrap_or(&whole);
    let mut out = String::with_capacity(new.len() + 16);
    for change in list {
        match change {
            Change::Same(_, y) => out.push_str(&b[y.clone()].concat()),
            Change::Replace(x, y) => {
                if !x.is_empty() {
                    out.push(DEL_OPEN);
                    out.push_str(&a[x.clone()].concat());
                    out.push(DEL_CLOSE);
                }
                if !y.is_empty() {
                    out.push(INS_OPEN);
                    out.push_str(&b[y.clone()].concat());
                    out.push(INS_CLOSE);
                }
            }
        }
    }
    out
}

/// `text` marked as inserted as a whole (empty stays empty).
pub fn inserted(text: &str) -> String {
    whole(text, INS_OPEN, INS_CLOSE)
}

/// `text` marked as deleted as a whole.
pub fn deleted(text: &str) -> String {
    whole(text, DEL_OPEN, DEL_CLOSE)
}

fn whole(text: &str, open: char, close: char) -> String {
    let text = clean(text);
    if text.is_empty() {
        return String::new();
    }
    format!("{open}{text}{close}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> String {
        segments(text)
            .iter()
            .map(|s| match s {
                Segment::Same(t) => t.to_string(),
                Segment::Del(t) => format!("[-{t}-]"),
                Segment::Ins(t) => format!("{{+{t}+}}"),
            })
            .collect()
    }

    #[test]
    fn words_are_compared_in_latin_arabic_and_cyrillic_characters_in_chinese() {
        assert_eq!(
            shown(&mark("Twelve States replied.", "Fourteen States replied.")),
            "[-Twelve-]{+Fourteen+} States replied."
        );
        assert_eq!(
            shown(&mark("ردت اثنتا عشرة دولة.", "ردت أربع عشرة دولة.")),
            "ردت [-اثنتا-]{+أربع+} عشرة دولة."
        );
        assert_eq!(
            shown(&mark("收到12份答复。", "收到14份答复。")),
            "收到[-12-]{+14+}份答复。"
        );
        assert_eq!(
            shown(&mark("共有五个国家", "共有七个国家")),
            "共有[-五-]{+七+}个国家"
        );
        assert_eq!(tokens("a  b,c"), ["a", "  ", "b", ",", "c"]);
        assert_eq!(tokens("中文abc"), ["中", "文", "abc"]);
    }

    #[test]
    fn a_rewritten_phrase_is_one_change_and_equal_texts_are_unmarked() {
        assert_eq!(
            shown(&mark("one two three four", "one five six four")),
            "one [-two three-]{+five six+} four"
        );
        assert_eq!(mark("same", "same"), "same");
        assert_eq!(new_text(&mark("a b", "a c")), "a c");
    }

    #[test]
    fn marks_in_the_input_are_cleared_and_too_many_changes_replace_the_whole() {
        let sneaky = format!("a{INS_OPEN}b");
        assert_eq!(mark(&sneaky, &sneaky), "ab");
        let a: String = (0..100).map(|i| format!("w{i} ")).collect();
        let b: String = (0..100)
            .map(|i| {
                if i % 2 == 0 {
                    format!("w{i} ")
                } else {
                    format!("x{i} ")
                }
            })
            .collect();
        let marked = mark(&a, &b);
        assert_eq!(
            segments(&marked),
            [Segment::Del(a.as_str()), Segment::Ins(b.as_str())]
        );
    }
}
