//! Two Markdown documents compared by structure: blocks aligned with blocks, list items with
//! items, table rows with rows and cells with cells, footnotes by label; inside a paragraph,
//! heading or cell, word by word (see `text`). The result is one document, the new text
//! with what was deleted and inserted since the base marked (`Block::Del`, `Inline::Ins`...),
//! which the Typst and HTML writers print as marks.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::markdown::{self, Block, Doc, Inline};

use super::text::{self, Change};

/// The time spent comparing texts ([`compare_texts`]) since [`time_spent`] was last asked,
/// summed over the threads: the templates compare the replies, and a build reports it.
static COMPARING: AtomicU64 = AtomicU64::new(0);

/// The Markdown text `new` marked with its changes since the text `base`.
pub fn compare_texts(base: &str, new: &str) -> Doc {
    let start = Instant::now();
    let doc = compare(&markdown::parse(base), &markdown::parse(new));
    let spent = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
    COMPARING.fetch_add(spent, Ordering::Relaxed);
    doc
}

/// The time [`compare_texts`] took since this was last asked, summed over the threads.
pub fn time_spent() -> Duration {
    Duration::from_nanos(COMPARING.swap(0, Ordering::Relaxed))
}

/// `new` with its changes since `base` marked.
pub fn compare(base: &Doc, new: &Doc) -> Doc {
    let blocks = blocks(&base.blocks, &new.blocks);
    let mut footnotes: Vec<(String, Vec<Block>)> = new
        .footnotes
        .iter()
        .map(|(label, now)| {
            let marked = match base.footnote(label) {
                Some(was) => blocks_of(was, now),
                None => vec![Block::Ins(now.clone())],
            };
            (label.clone(), marked)
        })
        .collect();
    // A footnote the base had and the new text lacks is referenced only from deleted text.
    for (label, was) in &base.footnotes {
        if new.footnote(label).is_none() && !footnotes.iter().any(|(l, _)| l == label) {
            footnotes.push((label.clone(), vec![Block::Del(was.clone())]));
        }
    }
    Doc::new(blocks, footnotes)
}

/// `doc` marked as inserted as a whole: a reply the base did not have.
pub fn inserted(doc: &Doc) -> Doc {
    let ins = |blocks: &[Block]| {
        if blocks.is_empty() {
            Vec::new()
        } else {
            vec![Block::Ins(blocks.to_vec())]
        }
    };
    let footnotes = doc
        .footnotes
        .iter()
        .map(|(label, blocks)| (label.clone(), ins(blocks)))
        .collect();
    Doc::new(ins(&doc.blocks), footnotes)
}

fn blocks_of(base: &[Block], new: &[Block]) -> Vec<Block> {
    blocks(base, new)
}

/// A hash of each item: sequences of blocks, items and rows are aligned by them, each
/// comparison costing the same however large the block.
fn hashes<T: std::hash::Hash>(items: &[T]) -> Vec<u64> {
    use std::hash::{BuildHasher, BuildHasherDefault};
    let hasher = BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default();
    items.iter().map(|item| hasher.hash_one(item)).collect()
}

/// Blocks, items or rows aligned by their hashes (a changed one may stand anywhere).
fn aligned<T: std::hash::Hash>(base: &[T], new: &[T]) -> Option<Vec<Change>> {
    text::changes(&hashes(base), &hashes(new), usize::MAX, |_| false)
}

/// Blocks aligned; in each stretch where they differ, blocks of the same kind paired in
/// order and compared inside, the others deleted or inserted as a whole.
fn blocks(base: &[Block], new: &[Block]) -> Vec<Block> {
    if base == new {
        return new.to_vec();
    }
    let Some(list) = aligned(base, new) else {
        return whole(base, new);
    };
    let mut out = Vec::new();
    for change in list {
        match change {
            Change::Same(_, y) => out.extend_from_slice(&new[y]),
            Change::Replace(x, y) => pair(&base[x], &new[y], &mut out),
        }
    }
    out
}

/// Everything of `base` deleted and everything of `new` inserted.
fn whole(base: &[Block], new: &[Block]) -> Vec<Block> {
    let mut out = Vec::new();
    if !base.is_empty() {
        out.push(Block::Del(base.to_vec()));
    }
    if !new.is_empty() {
        out.push(Block::Ins(new.to_vec()));
    }
    out
}

/// A stretch of deleted blocks beside a stretch of inserted ones: pairs of the same kind
/// are compared inside, in order; what is left over is deleted or inserted.
fn pair(base: &[Block], new: &[Block], out: &mut Vec<Block>) {
    let (mut i, mut j) = (0, 0);
    while i < base.len() || j < new.len() {
        match (base.get(i), new.get(j)) {
            (Some(a), Some(b)) if same_kind(a, b) => {
                out.extend(block(a, b));
                i += 1;
                j += 1;
            }
            // Keep the longer side moving, so that the rest can still pair up.
            (Some(a), Some(_)) if base.len() - i > new.len() - j => {
                out.push(Block::Del(vec![a.clone()]));
                i += 1;
            }
            (_, Some(b)) => {
                out.push(Block::Ins(vec![b.clone()]));
                j += 1;
            }
            (Some(a), None) => {
                out.push(Block::Del(vec![a.clone()]));
                i += 1;
            }
            (None, None) => break,
        }
    }
}

fn same_kind(a: &Block, b: &Block) -> bool {
    match (a, b) {
        (Block::Paragraph(_), Block::Paragraph(_))
        | (Block::Heading(..), Block::Heading(..))
        | (Block::Quote(_), Block::Quote(_)) => true,
        (Block::List { start: s, .. }, Block::List { start: t, .. }) => s.is_some() == t.is_some(),
        (Block::Table { head: h, .. }, Block::Table { head: k, .. }) => h.len() == k.len(),
        _ => false,
    }
}

/// Two blocks of the same kind compared inside.
fn block(a: &Block, b: &Block) -> Vec<Block> {
    match (a, b) {
        (Block::Paragraph(x), Block::Paragraph(y)) => vec![Block::Paragraph(inlines(x, y))],
        (Block::Heading(_, x), Block::Heading(level, y)) => {
            vec![Block::Heading(*level, inlines(x, y))]
        }
        (Block::Quote(x), Block::Quote(y)) => vec![Block::Quote(blocks(x, y))],
        (Block::List { items: x, .. }, Block::List { start, items: y }) => {
            vec![Block::List {
                start: *start,
                items: items(x, y),
            }]
        }
        (
            Block::Table {
                head: h, rows: r, ..
            },
            Block::Table { align, head, rows },
        ) => vec![Block::Table {
            align: align.clone(),
            head: cells(h, head),
            rows: table_rows(r, rows),
        }],
        _ => whole(std::slice::from_ref(a), std::slice::from_ref(b)),
    }
}

/// Items of a sequence (list items, table rows) aligned by their hashes: a changed item
/// compared inside with `compare`, one only in the base or the new sequence marked whole
/// by `whole` (`true` for inserted).
fn sequence<T: std::hash::Hash + Clone>(
    base: &[T],
    new: &[T],
    compare: impl Fn(&T, &T) -> T,
    whole: impl Fn(&T, bool) -> T,
) -> Vec<T> {
    let Some(list) = aligned(base, new) else {
        let mut out: Vec<T> = base.iter().map(|item| whole(item, false)).collect();
        out.extend(new.iter().map(|item| whole(item, true)));
        return out;
    };
    let mut out = Vec::new();
    for change in list {
        match change {
            Change::Same(_, y) => out.extend_from_slice(&new[y]),
            Change::Replace(x, y) => {
                let (x, y) = (&base[x], &new[y]);
                for k in 0..x.len().max(y.len()) {
                    match (x.get(k), y.get(k)) {
                        (Some(a), Some(b)) => out.push(compare(a, b)),
                        (Some(a), None) => out.push(whole(a, false)),
                        (None, Some(b)) => out.push(whole(b, true)),
                        (None, None) => {}
                    }
                }
            }
        }
    }
    out
}

/// List items aligned like blocks; a changed item compared inside.
fn items(base: &[Vec<Block>], new: &[Vec<Block>]) -> Vec<Vec<Block>> {
    sequence(
        base,
        new,
        |a, b| blocks(a, b),
        |item, ins| match ins {
            true => vec![Block::Ins(item.clone())],
            false => vec![Block::Del(item.clone())],
        },
    )
}

/// Table rows aligned; a changed row compared cell by cell, a new or removed one marked in
/// each of its cells.
fn table_rows(base: &[Vec<Vec<Inline>>], new: &[Vec<Vec<Inline>>]) -> Vec<Vec<Vec<Inline>>> {
    let mark_row = |row: &Vec<Vec<Inline>>, ins: bool| -> Vec<Vec<Inline>> {
        row.iter()
            .map(|cell| match (cell.is_empty(), ins) {
                (true, _) => Vec::new(),
                (false, true) => vec![Inline::Ins(cell.clone())],
                (false, false) => vec![Inline::Del(cell.clone())],
            })
            .collect()
    };
    sequence(base, new, |a, b| cells(a, b), mark_row)
}

/// A row's cells compared one by one, by column.
fn cells(base: &[Vec<Inline>], new: &[Vec<Inline>]) -> Vec<Vec<Inline>> {
    (0..base.len().max(new.len()))
        .map(|k| {
            let empty = Vec::new();
            inlines(base.get(k).unwrap_or(&empty), new.get(k).unwrap_or(&empty))
        })
        .collect()
}

/// Formatting around a unit of inline text, from the outside in.
#[derive(Debug, Clone, PartialEq)]
enum Format {
    Emph,
    Strong,
    Strike,
    Sup,
    Sub,
    Link(String),
}

/// A unit of inline text with its formatting: what paragraphs are compared in.
#[derive(Debug, Clone, PartialEq)]
enum Unit {
    Text(String, Vec<Format>),
    Code(String, Vec<Format>),
    Note(String, Vec<Format>),
    Soft(Vec<Format>),
    Hard(Vec<Format>),
}

impl Unit {
    fn formats(&self) -> &[Format] {
        match self {
            Unit::Text(_, f)
            | Unit::Code(_, f)
            | Unit::Note(_, f)
            | Unit::Soft(f)
            | Unit::Hard(f) => f,
        }
    }

    fn is_space(&self) -> bool {
        match self {
            Unit::Text(t, _) => t.trim().is_empty(),
            Unit::Soft(_) => true,
            _ => false,
        }
    }
}

/// Inlines as units, words split as `text::tokens` splits them.
fn units(inlines: &[Inline], formats: &mut Vec<Format>, out: &mut Vec<Unit>) {
    for inline in inlines {
        let wrapped =
            |format: Format, inner: &[Inline], formats: &mut Vec<Format>, out: &mut Vec<Unit>| {
                formats.push(format);
                units(inner, formats, out);
                formats.pop();
            };
        match inline {
            Inline::Text(t) => {
                for token in text::tokens(&text::clean(t)) {
                    out.push(Unit::Text(token.to_string(), formats.clone()));
                }
            }
            Inline::Code(c) => out.push(Unit::Code(text::clean(c).into_owned(), formats.clone())),
            Inline::FootnoteRef(label) => out.push(Unit::Note(label.clone(), formats.clone())),
            Inline::SoftBreak => out.push(Unit::Soft(formats.clone())),
            Inline::HardBreak => out.push(Unit::Hard(formats.clone())),
            Inline::Emph(c) => wrapped(Format::Emph, c, formats, out),
            Inline::Strong(c) => wrapped(Format::Strong, c, formats, out),
            Inline::Strike(c) => wrapped(Format::Strike, c, formats, out),
            Inline::Sup(c) => wrapped(Format::Sup, c, formats, out),
            Inline::Sub(c) => wrapped(Format::Sub, c, formats, out),
            Inline::Link(url, c) => wrapped(Format::Link(url.clone()), c, formats, out),
            // Never in a parsed text; kept as they are if met.
            Inline::Ins(c) | Inline::Del(c) => units(c, formats, out),
        }
    }
}

/// Units back into inlines: neighbouring units of the same formatting share it, and
/// neighbouring words make one text.
fn rebuild(units: &[Unit], depth: usize) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut i = 0;
    while i < units.len() {
        let format = units[i].formats().get(depth);
        let mut j = i + 1;
        while j < units.len() && units[j].formats().get(depth) == format {
            j += 1;
        }
        match format {
            Some(format) => {
                let inner = rebuild(&units[i..j], depth + 1);
                out.push(match format {
                    Format::Emph => Inline::Emph(inner),
                    Format::Strong => Inline::Strong(inner),
                    Format::Strike => Inline::Strike(inner),
                    Format::Sup => Inline::Sup(inner),
                    Format::Sub => Inline::Sub(inner),
                    Format::Link(url) => Inline::Link(url.clone(), inner),
                });
            }
            None => {
                for unit in &units[i..j] {
                    match unit {
                        Unit::Text(t, _) => match out.last_mut() {
                            Some(Inline::Text(last)) => last.push_str(t),
                            _ => out.push(Inline::Text(t.clone())),
                        },
                        Unit::Code(c, _) => out.push(Inline::Code(c.clone())),
                        Unit::Note(label, _) => out.push(Inline::FootnoteRef(label.clone())),
                        Unit::Soft(_) => out.push(Inline::SoftBreak),
                        Unit::Hard(_) => out.push(Inline::HardBreak),
                    }
                }
            }
        }
        i = j;
    }
    out
}

/// Inline text compared unit by unit: the new inlines with deletions and insertions
/// marked; changed in too many places, deleted and inserted as a whole.
fn inlines(base: &[Inline], new: &[Inline]) -> Vec<Inline> {
    if base == new {
        return new.to_vec();
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    units(base, &mut Vec::new(), &mut a);
    units(new, &mut Vec::new(), &mut b);
    let whole = [Change::Replace(0..a.len(), 0..b.len())];
    let found = text::changes(&a, &b, text::MOST_CHANGES, Unit::is_space);
    let list = found.as_deref().unwrap_or(&whole);
    let mut out = Vec::new();
    for change in list {
        match change {
            Change::Same(_, y) => out.extend(rebuild(&b[y.clone()], 0)),
            Change::Replace(x, y) => {
                if !x.is_empty() {
                    out.push(Inline::Del(rebuild(&a[x.clone()], 0)));
                }
                if !y.is_empty() {
                    out.push(Inline::Ins(rebuild(&b[y.clone()], 0)));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse;

    /// The marked document as text: [-deleted-], {+inserted+}, blocks on lines.
    fn shown(doc: &Doc) -> String {
        fn inl(i: &[Inline], out: &mut String) {
            for x in i {
                match x {
                    Inline::Text(t) | Inline::Code(t) => out.push_str(t),
                    Inline::Emph(c) => {
                        out.push('*');
                        inl(c, out);
                        out.push('*');
                    }
                    Inline::Strong(c)
                    | Inline::Strike(c)
                    | Inline::Sup(c)
                    | Inline::Sub(c)
                    | Inline::Link(_, c) => inl(c, out),
                    Inline::Ins(c) => {
                        out.push_str("{+");
                        inl(c, out);
                        out.push_str("+}");
                    }
                    Inline::Del(c) => {
                        out.push_str("[-");
                        inl(c, out);
                        out.push_str("-]");
                    }
                    Inline::FootnoteRef(l) => out.push_str(&format!("[^{l}]")),
                    Inline::SoftBreak | Inline::HardBreak => out.push(' '),
                }
            }
        }
        fn blk(b: &[Block], out: &mut String) {
            for x in b {
                match x {
                    Block::Paragraph(i) | Block::Heading(_, i) => {
                        inl(i, out);
                        out.push('\n');
                    }
                    Block::List { items, .. } => {
                        for item in items {
                            out.push_str("- ");
                            blk(item, out);
                        }
                    }
                    Block::Table { head, rows, .. } => {
                        for row in std::iter::once(head).chain(rows) {
                            for cell in row {
                                out.push('|');
                                inl(cell, out);
                            }
                            out.push_str("|\n");
                        }
                    }
                    Block::Ins(b) => {
                        out.push_str("{+\n");
                        blk(b, out);
                        out.push_str("+}\n");
                    }
                    Block::Del(b) => {
                        out.push_str("[-\n");
                        blk(b, out);
                        out.push_str("-]\n");
                    }
                    Block::Quote(b) => blk(b, out),
                    Block::Code(c) => out.push_str(c),
                    Block::Rule => out.push_str("---\n"),
                }
            }
        }
        let mut out = String::new();
        blk(&doc.blocks, &mut out);
        for (label, blocks) in &doc.footnotes {
            out.push_str(&format!("[^{label}]: "));
            blk(blocks, &mut out);
        }
        out
    }

    fn redline(base: &str, new: &str) -> String {
        shown(&compare(&parse(base), &parse(new)))
    }

    #[test]
    fn paragraphs_are_compared_word_by_word_and_others_kept() {
        assert_eq!(
            redline(
                "One.\n\nThe *old* text.\n\nThree.",
                "One.\n\nThe *new* text.\n\nThree."
            ),
            "One.\nThe [-*old*-]{+*new*+} text.\nThree.\n"
        );
    }

    #[test]
    fn a_new_paragraph_is_inserted_whole_and_a_removed_one_deleted() {
        assert_eq!(
            redline("A.\n\nGone.\n\nC.", "A.\n\nC.\n\nAdded here."),
            "A.\n[-\nGone.\n-]\nC.\n{+\nAdded here.\n+}\n"
        );
    }

    #[test]
    fn lists_tables_and_footnotes_by_structure() {
        assert_eq!(
            redline("- one\n- two\n", "- one\n- two more\n- three\n"),
            "- one\n- two{+ more+}\n- {+\nthree\n+}\n"
        );
        assert_eq!(
            redline(
                "| a | b |\n|---|---|\n| 1 | 2 |\n",
                "| a | b |\n|---|---|\n| 1 | 3 |\n| 4 | 5 |\n"
            ),
            "|a|b|\n|1|[-2-]{+3+}|\n|{+4+}|{+5+}|\n"
        );
        assert_eq!(
            redline(
                "Text[^1].\n\n[^1]: Old note.\n",
                "Text[^1].\n\n[^1]: New note.\n"
            ),
            "Text[^1].\n[^1]: [-Old-]{+New+} note.\n"
        );
    }

    #[test]
    fn an_identical_text_has_no_mark_and_a_new_one_is_inserted_whole() {
        let text = "A *b*.\n\n- c\n\n[^n]: d";
        assert_eq!(compare(&parse(text), &parse(text)), parse(text));
        assert_eq!(shown(&inserted(&parse("A.\n\nB."))), "{+\nA.\nB.\n+}\n");
    }
}
