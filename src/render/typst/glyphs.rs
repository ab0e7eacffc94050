//! Characters that no font can draw. Typst would print each as an empty box without a
//! word, and a PDF/A or PDF/UA file may not contain such a box (nor a private-use
//! character, whose meaning no reader knows). So before typesetting, every character of
//! the generated source is checked against the fonts; each one missing is reported in the
//! input it came from (a reply, book.toml, a template), at its first occurrence there, and
//! replaced in the source by a visible replacement character.

use std::collections::{BTreeSet, HashMap};

use crate::diag::{Diagnostic, Diagnostics, FileId, Sources};
use crate::render::typst::fonts::Fonts;

/// What is printed instead of a character no font can draw.
const REPLACEMENT: char = '\u{fffd}';

/// Whether `c` is a private-use character (its meaning is private to some font or system).
fn is_private_use(c: char) -> bool {
    matches!(c, '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{ffffd}' | '\u{100000}'..='\u{10fffd}')
}

/// Checks `source` against `fonts`; warns about each character no font can draw (or that
/// is private-use), in the first of `inputs` that holds it, or in `template` if none
/// does; returns the source with those characters replaced.
pub fn check(
    source: &str,
    fonts: &Fonts,
    inputs: &[FileId],
    template: (&str, &str),
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> String {
    let mut missing: BTreeSet<char> = fonts.missing_glyphs(source).into_iter().collect();
    missing.extend(source.chars().filter(|c| is_private_use(*c)));
    if missing.is_empty() {
        return source.to_string();
    }
    let replacement = if fonts.missing_glyphs(&REPLACEMENT.to_string()).is_empty() {
        REPLACEMENT
    } else {
        '?'
    };
    let mut unplaced = missing.clone();
    for &file in inputs {
        let text = sources.text(file);
        // The characters of this file that are missing, with their first offset.
        let mut first: HashMap<char, usize> = HashMap::new();
        for (at, c) in text.char_indices() {
            if unplaced.contains(&c) {
                first.entry(c).or_insert(at);
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
            Diagnostic::warning(file, at..at + c.len_utf8(), message(&list, replacement))
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
                file,
                at..at + list[0].len_utf8(),
                message(&list, replacement),
            )
            .label("first character without a glyph")
            .help(HELP),
        );
    }
    source
        .chars()
        .map(|c| if missing.contains(&c) { replacement } else { c })
        .collect()
}

const HELP: &str = "add a font that covers them: put its files in a folder of the report, e.g. fonts/, and write font-dirs = [\"fonts\"] under [output.pdf] in book.toml";

fn message(missing: &[char], replacement: char) -> String {
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
        "no embedded font can draw {}{more}: the PDF prints {replacement} instead",
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
        let book = sources.add("book.toml", "title = \"Rapport 报告\"\n");
        let reply = sources.add("submissions/chn.md", "文本 and \u{e000}\n");
        let mut diags = Diagnostics::new();
        let source = "#\"Rapport 报告\"; #\"文本 and \u{e000}\"; 𓀀";
        let out = check(
            source,
            &fonts,
            &[reply, book],
            ("report.typ.j2 (built-in template)", "𓀀"),
            &mut sources,
            &mut diags,
        );
        assert_eq!(
            out,
            "#\"Rapport \u{fffd}\u{fffd}\"; #\"\u{fffd}\u{fffd} and \u{fffd}\"; \u{fffd}"
        );
        let text = sources.render_plain(&diags);
        assert!(text.contains("submissions/chn.md:1:1"), "{text}");
        assert!(
            text.contains("文 (U+6587), 本 (U+672C), \u{e000} (U+E000)"),
            "{text}"
        );
        assert!(text.contains("book.toml:1:18"), "{text}");
        assert!(text.contains("报 (U+62A5), 告 (U+544A)"), "{text}");
        assert!(
            text.contains("report.typ.j2 (built-in template):1:1"),
            "{text}"
        );
    }
}
