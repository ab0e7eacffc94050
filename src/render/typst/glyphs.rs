//! Characters that no font can draw. Typst would print each as an empty box without a
//! word, and a PDF/A or PDF/UA file may not contain such a box (nor a private-use
//! character, whose meaning no reader knows). So the characters of the generated source
//! are checked against the fonts before typesetting ([`missing`]), and the laid-out pages
//! are searched for empty boxes after it ([`undrawn`]: a combining mark whose base comes
//! from another font, a character only a math font has). Each such character is printed
//! as a visible replacement ([`replace`]), and reported in the input it came from (a
//! reply, book.toml, a template), at its first occurrence there ([`report`]).

use std::collections::{BTreeSet, HashMap};

use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

use crate::codes::Code;
use crate::diag::{Diagnostic, Diagnostics, FileId, Sources};
use crate::render::typst::fonts::{self, Fonts};

/// What is printed instead of a character no font can draw.
const REPLACEMENT: char = '\u{fffd}';

/// Whether `c` is a private-use character (its meaning is private to some font or system).
fn is_private_use(c: char) -> bool {
    matches!(c, '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{ffffd}' | '\u{100000}'..='\u{10fffd}')
}

/// The characters of `source` that no font can draw, and the private-use ones.
pub fn missing(source: &str, fonts: &Fonts) -> BTreeSet<char> {
    let distinct = fonts::distinct_non_ascii(source);
    let mut missing: BTreeSet<char> = fonts.lacking(&distinct).into_iter().collect();
    missing.extend(distinct.into_iter().filter(|c| is_private_use(*c)));
    missing
}

/// The characters that the laid-out `document` shows as empty boxes (glyph 0).
pub fn undrawn(document: &PagedDocument) -> BTreeSet<char> {
    fn walk(frame: &Frame, out: &mut BTreeSet<char>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => walk(&group.frame, out),
                FrameItem::Text(text) => {
                    for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                        let range = glyph.range();
                        // The glyph's cluster: a combining mark with its base, say. ASCII
                        // is drawn by every text font (and is the source's syntax): the
                        // other characters of the cluster are the ones to replace.
                        if let Some(chars) = text.text.get(range) {
                            out.extend(
                                chars
                                    .chars()
                                    .filter(|c| !c.is_ascii() && !c.is_whitespace()),
                            );
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = BTreeSet::new();
    for page in document.pages() {
        walk(&page.frame, &mut out);
    }
    out
}

/// `source` with every character of `missing` replaced (never ASCII, which is Typst's
/// syntax and which every text font draws).
pub fn replace(source: &str, missing: &BTreeSet<char>) -> String {
    if missing.is_empty() {
        return source.to_string();
    }
    source
        .chars()
        .map(|c| {
            if !c.is_ascii() && missing.contains(&c) {
                REPLACEMENT
            } else {
                c
            }
        })
        .collect()
}

/// Warns about the characters of `missing`, each in the first of `inputs` that holds it,
/// or in `template` if none does.
pub fn report(
    missing: &BTreeSet<char>,
    inputs: &[FileId],
    template: (&str, &str),
    sources: &mut Sources,
    diags: &mut Diagnostics,
) {
    let mut unplaced = missing.clone();
    for &file in inputs {
        if unplaced.is_empty() {
            break;
        }
        let text = sources.text(file);
        // The characters of this file that are missing, with their first offset.
        let mut first: HashMap<char, usize> = HashMap::new();
        for (at, c) in text.char_indices() {
            if unplaced.contains(&c) {
                first.entry(c).or_insert(at);
            }
        }
        // Written as escapes (`\u0378`, `&#x1F600;`): as much the file's as raw ones.
        let mut spans: HashMap<usize, usize> = HashMap::new();
        for (span, c) in crate::misleading::escapes(text) {
            if unplaced.contains(&c) && first.get(&c).is_none_or(|at| span.start < *at) {
                first.insert(c, span.start);
                spans.insert(span.start, span.end);
            }
        }
        if first.is_empty() {
            continue;
        }
        let mut chars: Vec<(usize, char)> = first.into_iter().map(|(c, at)| (at, c)).collect();
        chars.sort();
        for (_, c) in &chars {
            unplaced.remove(c);
        }
        let (at, c) = chars[0];
        let list: Vec<char> = chars.iter().map(|(_, c)| *c).collect();
        diags.push(
            Diagnostic::warning(
                Code::MissingGlyph,
                file,
                at..spans.get(&at).copied().unwrap_or(at + c.len_utf8()),
                message(&list),
            )
            .label("first character without a glyph")
            .help(HELP),
        );
    }
    if !unplaced.is_empty() {
        let (name, text) = template;
        let list: Vec<char> = unplaced.iter().copied().collect();
        let file = sources.add(name, text);
        let at = text.find(list[0]).unwrap_or(0);
        diags.push(
            Diagnostic::warning(
                Code::MissingGlyph,
                file,
                at..at + list[0].len_utf8(),
                message(&list),
            )
            .label("first character without a glyph")
            .help(HELP),
        );
    }
}

const HELP: &str = "add a font that covers them: put its files in a folder of the report, e.g. fonts/, and write font-dirs = [\"fonts\"] under [output.pdf] in book.toml";

fn message(missing: &[char]) -> String {
    let shown: Vec<String> = missing
        .iter()
        .take(8)
        .map(|c| format!("{c} (U+{:04X})", *c as u32))
        .collect();
    let more = match missing.len().saturating_sub(8) {
        0 => String::new(),
        n => format!(" and {n} more characters"),
    };
    format!(
        "no embedded font can draw {}{more}: the PDF prints {REPLACEMENT} instead",
        shown.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_characters_are_placed_in_their_input_and_replaced() {
        let fonts = Fonts::embedded();
        let mut sources = Sources::new();
        let book = sources.add("book.toml", "title = \"Rapport ሰላ\"\n");
        let reply = sources.add("submissions/chn.md", "ምሰ and \u{e000}\n");
        let mut diags = Diagnostics::new();
        let source = "#\"Rapport ሰላ\"; #\"ምሰ and \u{e000}\"; 𓀀";
        let missing = missing(source, &fonts);
        assert_eq!(
            replace(source, &missing),
            "#\"Rapport \u{fffd}\u{fffd}\"; #\"\u{fffd}\u{fffd} and \u{fffd}\"; \u{fffd}"
        );
        report(
            &missing,
            &[reply, book],
            ("report.typ.j2 (built-in template)", "𓀀"),
            &mut sources,
            &mut diags,
        );
        let text = sources.render_plain(&diags);
        assert!(text.contains("submissions/chn.md:1:1"), "{text}");
        assert!(
            text.contains("ም (U+121D), ሰ (U+1230), \u{e000} (U+E000)"),
            "{text}"
        );
        // A character is reported where it is first met: ሰ in the reply, ላ in book.toml.
        assert!(text.contains("book.toml:1:19"), "{text}");
        assert!(text.contains("draw ላ (U+120B): the PDF"), "{text}");
        assert!(
            text.contains("report.typ.j2 (built-in template):1:1"),
            "{text}"
        );
    }
}
