//! The document tree of a Markdown text -> Typst markup, where all text is a string value.
//!
//! Structure becomes function calls (`#emph[...]`, `#list(...)`, `#table(...)`), and every
//! text leaf becomes a Typst string literal `#"...";` whose only escapes are `\\`, `\"` and
//! control characters. A string literal cannot contain markup, so a reply can never run as
//! Typst code, however it is written. The trailing `;` ends the embedded expression, so
//! nothing after it can be read as a method call or argument list.

use std::collections::HashMap;
use std::fmt::Write;

use crate::invisible;
use crate::markdown::{Align, Block, Doc, Inline};
use crate::render::wrap::breakable;

/// A Typst string literal for code positions: `"..."`. Misleading characters (bidi
/// controls, control and invisible characters: see `invisible`) are left out.
pub fn string_literal(text: &str) -> String {
    quote(&invisible::remove(text))
}

/// `text` as a Typst string literal, as it is: only `\\`, `"` and line breaks escaped.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let special = |b: &u8| matches!(b, b'\\' | b'"' | b'\n' | b'\r' | b'\t');
    if !text.as_bytes().iter().any(special) {
        out.push_str(text);
        out.push('"');
        return out;
    }
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text as a string literal with break opportunities in its long words (see
/// [`breakable`]), its misleading characters left out first.
fn breakable_literal(text: &str) -> String {
    quote(&breakable(&invisible::remove(text)))
}

/// Text in markup: `#"...";`, with break opportunities in words too long for a line.
pub fn text(text: &str) -> String {
    format!("#{};", breakable_literal(text))
}

/// The most lines of code in one `raw` element.
const CODE_PIECE: usize = 50;

/// Markdown document -> Typst markup (paragraphs separated by blank lines). `prefix` makes
/// the labels of its footnotes unique in the document (letters, digits and `-` only).
/// `lang`, the language the text is written in, is given to each footnote as
/// `metadata((lang: ..))` before its text: a footnote is laid out at the foot of the page,
/// away from the text and its language, and the template's `footnote.entry` rule sets it
/// back (so an English note in the Arabic version reads left to right).
///
/// Footnotes are numbered straight through the document: `notes` is the number of those
/// printed before this text, and grows by this text's. Each footnote prints its number as
/// written here, not as Typst's footnote counter finds it: Typst's first layout knows no
/// counter yet, numbered every note alike, and the wider numbers of the next layout moved
/// lines and pages, so that every report needed a third layout.
pub fn doc(doc: &Doc, prefix: &str, lang: Option<&str>, notes: &mut usize) -> String {
    doc_marked(doc, prefix, lang, notes, &mut 0)
}

/// [`doc`] for a document a redline marked (`Inline::Ins`, `Block::Del`...): each mark is
/// a call of the redline's functions (see [`mark`]), numbered from `marks` on.
pub fn doc_marked(
    doc: &Doc,
    prefix: &str,
    lang: Option<&str>,
    notes: &mut usize,
    marks: &mut usize,
) -> String {
    let mut w = Writer {
        doc,
        prefix,
        lang,
        out: String::new(),
        in_footnote: false,
        in_line_decoration: false,
        printed: HashMap::new(),
        notes,
        marks,
        marking: None,
    };
    w.blocks(&doc.blocks);
    w.out.trim_end().to_string()
}

/// What a redline marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Ins,
    Del,
}

/// Between a deletion and the insertion that replaces it: a little room, so that the two
/// do not read as one word.
const BETWEEN_MARKS: &str = "#h(0.25em, weak: true)";

/// The opening of mark number `id` around inline content: `#rl-ins(7)[`, closed by `]`.
/// The redline's Typst functions (`render::typst::REDLINE`) underline or strike the
/// content and draw a bar in the outer margin beside its lines.
pub fn open_mark(kind: Mark, id: usize) -> String {
    match kind {
        Mark::Ins => format!("#rl-ins({id})["),
        Mark::Del => format!("#rl-del({id})["),
    }
}

/// Text in markup with its redline marks (see `redline::text`): each marked piece in a
/// mark numbered from `marks` on.
pub fn marked_text(value: &str, marks: &mut usize) -> String {
    use crate::redline::text::{Segment, is_marked, segments};
    if !is_marked(value) {
        return text(value);
    }
    let mut out = String::new();
    let mut after_del = false;
    for segment in segments(value) {
        let (kind, piece) = match segment {
            Segment::Same(t) => {
                out.push_str(&text(t));
                after_del = false;
                continue;
            }
            Segment::Del(t) => (Mark::Del, t),
            Segment::Ins(t) => (Mark::Ins, t),
        };
        if after_del && kind == Mark::Ins {
            out.push_str(BETWEEN_MARKS);
        }
        after_del = kind == Mark::Del;
        *marks += 1;
        out.push_str(&open_mark(kind, *marks));
        out.push_str(&text(piece));
        out.push(']');
    }
    out
}

struct Writer<'d> {
    doc: &'d Doc,
    prefix: &'d str,
    /// The language of the text, for its footnotes.
    lang: Option<&'d str>,
    out: String,
    /// Footnote references inside a footnote are printed as text, never nested.
    in_footnote: bool,
    /// Inside a link or struck text, which may not nest (see the `Inline::Strike` arm).
    in_line_decoration: bool,
    /// The footnotes already printed, by label, with the number in their Typst label and
    /// the number they print: a later reference points to the same footnote instead of
    /// printing it again.
    printed: HashMap<&'d str, (usize, usize)>,
    /// The footnotes of the document printed so far (see [`doc`]).
    notes: &'d mut usize,
    /// The redline marks of the document so far (see [`doc_marked`]).
    marks: &'d mut usize,
    /// Inside a block a redline marks: every text in it is marked so.
    marking: Option<Mark>,
}

impl<'d> Writer<'d> {
    fn blocks(&mut self, blocks: &'d [Block]) {
        let mut i = 0;
        while i < blocks.len() {
            match (&blocks[i], blocks.get(i + 1)) {
                // A heading inside a reply runs in to the paragraph after it.
                (Block::Heading(_, title), Some(Block::Paragraph(body))) => {
                    self.out.push_str("#runin[");
                    self.text_of_block(title);
                    self.out.push(']');
                    self.text_of_block(body);
                    self.out.push_str("\n\n");
                    i += 2;
                    continue;
                }
                (block, _) => self.block(block),
            }
            i += 1;
        }
    }

    /// Inlines that are the whole text of a paragraph, heading or cell: marked as a whole
    /// inside a block a redline marks.
    fn text_of_block(&mut self, inlines: &'d [Inline]) {
        match self.marking {
            Some(kind) if !inlines.is_empty() && !self.in_line_decoration => {
                self.mark(kind, |w| w.inlines(inlines))
            }
            _ => self.inlines(inlines),
        }
    }

    /// `write` inside a redline mark. Inside it, nothing else is underlined or struck (a
    /// tagged PDF may not give a text both), so nested marks and struck text print plain.
    fn mark(&mut self, kind: Mark, write: impl FnOnce(&mut Self)) {
        *self.marks += 1;
        self.out.push_str(&open_mark(kind, *self.marks));
        let was = std::mem::replace(&mut self.in_line_decoration, true);
        write(self);
        self.in_line_decoration = was;
        self.out.push(']');
    }

    fn block(&mut self, block: &'d Block) {
        match block {
            Block::Paragraph(inlines) => self.text_of_block(inlines),
            Block::Heading(_, title) => {
                self.out.push_str("#runin[");
                self.text_of_block(title);
                self.out.push(']');
            }
            Block::Ins(blocks) | Block::Del(blocks) => {
                let kind = match block {
                    Block::Ins(_) => Mark::Ins,
                    _ => Mark::Del,
                };
                let was = self.marking.replace(self.marking.unwrap_or(kind));
                self.blocks(blocks);
                self.marking = was;
                trim_end(&mut self.out);
            }
            Block::List { start, items } => {
                match start {
                    Some(n) => {
                        let _ = write!(self.out, "#enum(start: {n}");
                    }
                    None => self.out.push_str("#list("),
                }
                for item in items {
                    if start.is_some() || !self.out.ends_with('(') {
                        self.out.push_str(", ");
                    }
                    self.out.push('[');
                    self.blocks(item);
                    trim_end(&mut self.out);
                    self.out.push(']');
                }
                self.out.push(')');
            }
            Block::Quote(blocks) => {
                self.out.push_str("#quote(block: true)[");
                self.blocks(blocks);
                trim_end(&mut self.out);
                self.out.push(']');
            }
            Block::Code(code) => match self.marking {
                // A block of code is not underlined or struck: a bar beside it says it.
                Some(kind) => {
                    *self.marks += 1;
                    let _ = write!(self.out, "#rl-block({}, {})[", *self.marks, kind_name(kind));
                    self.code(code.trim_end_matches('\n'));
                    self.out.push(']');
                }
                None => self.code(code.trim_end_matches('\n')),
            },
            Block::Table { align, head, rows } => self.table(align, head, rows),
            Block::Rule => self.out.push_str("#line(length: 100%, stroke: 0.5pt)"),
        }
        self.out.push_str("\n\n");
    }

    /// A code block, in pieces of at most [`CODE_PIECE`] lines set without space between
    /// them: Typst lays out one long `raw` block in time that grows faster than its
    /// length. Long words get break opportunities, as in text.
    fn code(&mut self, code: &str) {
        let lines: Vec<&str> = code.split('\n').collect();
        if lines.len() <= CODE_PIECE {
            let _ = write!(self.out, "#raw(block: true, {})", breakable_literal(code));
            return;
        }
        self.out
            .push_str("#block(width: 100%)[#set block(spacing: 0pt);");
        for piece in lines.chunks(CODE_PIECE) {
            let _ = write!(
                self.out,
                "#raw(block: true, {})",
                breakable_literal(&piece.join("\n"))
            );
        }
        self.out.push(']');
    }

    fn table(&mut self, align: &[Align], head: &'d [Vec<Inline>], rows: &'d [Vec<Vec<Inline>>]) {
        let columns = align.len().max(head.len()).max(1);
        let aligns: Vec<&str> = (0..columns)
            .map(|i| match align.get(i) {
                Some(Align::Center) => "center",
                Some(Align::Right) => "right",
                _ => "left",
            })
            .collect();
        // A header repeats on each page the table runs on to, where it is an artifact (not
        // read out twice), and PDF/UA allows no link in an artifact: a header holding a link
        // or a footnote (its mark links to the note) is printed once.
        let repeat = if links_in(head) {
            "repeat: false, "
        } else {
            ""
        };
        let _ = write!(
            self.out,
            "#table(columns: {columns}, align: ({},), table.header({repeat}",
            aligns.join(", ")
        );
        self.cells(head, columns);
        self.out.push(')');
        for row in rows {
            self.out.push_str(", ");
            self.cells(row, columns);
        }
        self.out.push(')');
    }

    /// Exactly `columns` columns: extra cells are dropped, and the empty cells that end a
    /// row (the parser pads short rows) become one empty cell spanning them, so the cost
    /// of a row is that of its cells with text, not of the table's width.
    fn cells(&mut self, cells: &'d [Vec<Inline>], columns: usize) {
        let written = cells
            .iter()
            .take(columns)
            .rposition(|cell| !cell.is_empty())
            .map_or(0, |last| last + 1);
        for (i, cell) in cells.iter().take(written).enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.out.push('[');
            self.text_of_block(cell);
            self.out.push(']');
        }
        match columns - written {
            0 => {}
            1 if written > 0 => self.out.push_str(", []"),
            1 => self.out.push_str("[]"),
            missing => {
                if written > 0 {
                    self.out.push_str(", ");
                }
                let _ = write!(self.out, "table.cell(colspan: {missing})[]");
            }
        }
    }

    fn inlines(&mut self, inlines: &'d [Inline]) {
        let mut after_del = false;
        for inline in inlines {
            if after_del && matches!(inline, Inline::Ins(_)) && !self.in_line_decoration {
                self.out.push_str(BETWEEN_MARKS);
            }
            after_del = matches!(inline, Inline::Del(_));
            self.inline(inline);
        }
    }

    fn wrapped(&mut self, function: &str, inner: &'d [Inline]) {
        self.out.push('#');
        self.out.push_str(function);
        self.out.push('[');
        self.inlines(inner);
        self.out.push(']');
    }

    fn inline(&mut self, inline: &'d Inline) {
        match inline {
            Inline::Text(t) => self.out.push_str(&text(t)),
            Inline::Code(c) => {
                let _ = write!(self.out, "#raw({})", breakable_literal(c));
            }
            Inline::Emph(c) => self.wrapped("emph", c),
            Inline::Strong(c) => self.wrapped("strong", c),
            Inline::Sup(c) => self.wrapped("super", c),
            Inline::Sub(c) => self.wrapped("sub", c),
            // A tagged PDF may not give one text both an underline and a strike, and a
            // root's own template may underline links (the shipped one does not): a link
            // inside struck text, or struck text inside a link (or inside struck text),
            // keeps only the outer of the two.
            Inline::Strike(c) if self.in_line_decoration => self.inlines(c),
            Inline::Strike(c) => {
                self.in_line_decoration = true;
                self.wrapped("strike", c);
                self.in_line_decoration = false;
            }
            Inline::Link(_, c) if self.in_line_decoration => self.inlines(c),
            Inline::Link(url, c) => {
                self.in_line_decoration = true;
                let _ = write!(self.out, "#link({})[", string_literal(url));
                self.inlines(c);
                self.out.push(']');
                self.in_line_decoration = false;
            }
            Inline::FootnoteRef(label) => match self.doc.footnote(label) {
                Some(_) if self.in_footnote => self.out.push_str(&text(&format!("[^{label}]"))),
                Some(_) if self.printed.contains_key(label.as_str()) => {
                    let (n, number) = self.printed[label.as_str()];
                    let _ = write!(
                        self.out,
                        "#footnote(numbering: {}, <fn-{}{n}>)",
                        numbering(number),
                        self.prefix
                    );
                }
                Some(blocks) => {
                    let n = self.printed.len();
                    *self.notes += 1;
                    let number = *self.notes;
                    self.printed.insert(label, (n, number));
                    self.in_footnote = true;
                    let _ = write!(self.out, "#footnote(numbering: {})[", numbering(number));
                    if let Some(lang) = self.lang {
                        let _ = write!(self.out, "#metadata((lang: {}));", string_literal(lang));
                    }
                    self.blocks(blocks);
                    trim_end(&mut self.out);
                    let _ = write!(self.out, "]<fn-{}{n}>", self.prefix);
                    self.in_footnote = false;
                }
                None => self.out.push_str(&text(&format!("[^{label}]"))),
            },
            Inline::SoftBreak => self.out.push(' '),
            Inline::HardBreak => self.out.push_str("#linebreak()"),
            Inline::Ins(c) | Inline::Del(c) if self.in_line_decoration => self.inlines(c),
            Inline::Ins(c) => self.mark(Mark::Ins, |w| w.inlines(c)),
            Inline::Del(c) => self.mark(Mark::Del, |w| w.inlines(c)),
        }
    }
}

/// The name of a mark, as the redline's Typst functions take it.
fn kind_name(kind: Mark) -> &'static str {
    match kind {
        Mark::Ins => "\"ins\"",
        Mark::Del => "\"del\"",
    }
}

/// Whether `cells` hold a link or a footnote reference, however deep in emphasis.
fn links_in(cells: &[Vec<Inline>]) -> bool {
    let mut stack: Vec<&Inline> = cells.iter().flatten().collect();
    while let Some(inline) = stack.pop() {
        match inline {
            Inline::Link(..) | Inline::FootnoteRef(_) => return true,
            Inline::Emph(c)
            | Inline::Strong(c)
            | Inline::Strike(c)
            | Inline::Sup(c)
            | Inline::Sub(c)
            | Inline::Ins(c)
            | Inline::Del(c) => stack.extend(c),
            _ => {}
        }
    }
    false
}

/// A footnote's numbering that prints `number` whatever Typst's counter says.
fn numbering(number: usize) -> String {
    format!("(..) => \"{number}\"")
}

fn trim_end(out: &mut String) {
    let len = out.trim_end().len();
    out.truncate(len);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse;

    #[test]
    fn strings_escape_only_backslash_quote_and_controls() {
        assert_eq!(string_literal(r#"a\b"c"#), r#""a\\b\"c""#);
        assert_eq!(
            string_literal("#read(\"/etc/passwd\")"),
            r##""#read(\"/etc/passwd\")""##
        );
        assert_eq!(string_literal("x\u{0}\u{7}y\n"), r#""xy\n""#);
        assert_eq!(string_literal("a\u{202e}b\u{200b}c"), r#""abc""#);
        assert_eq!(
            string_literal("$ * _ [ ] < > @ = - + / ` ~"),
            "\"$ * _ [ ] < > @ = - + / ` ~\""
        );
    }

    #[test]
    fn markup_is_calls_with_string_leaves() {
        let typ = doc(
            &parse("Hello *world* [x](https://un.org)[^n].\n\n[^n]: A note."),
            "r-",
            None,
            &mut 0,
        );
        assert_eq!(
            typ,
            r#"#"Hello ";#emph[#"world";]#" ";#link("https://un.org")[#"x";]#footnote(numbering: (..) => "1")[#"A note.";]<fn-r-0>#".";"#
        );
    }

    #[test]
    fn lists_tables_headings_and_quotes() {
        let typ = doc(
            &parse("### Sub\nBody.\n\n1. a\n2. b\n\n- x\n\n> q\n\n| h |\n|---|\n| c |\n"),
            "",
            None,
            &mut 0,
        );
        assert_eq!(
            typ,
            "#runin[#\"Sub\";]#\"Body.\";\n\n\
             #enum(start: 1, [#\"a\";], [#\"b\";])\n\n\
             #list([#\"x\";])\n\n\
             #quote(block: true)[#\"q\";]\n\n\
             #table(columns: 1, align: (left,), table.header([#\"h\";]), [#\"c\";])"
        );
    }

    /// However often a footnote is referenced, its text is printed once; later references
    /// point to it by label (as the site prints it once), with its number. The numbers go
    /// on from those of the texts before.
    #[test]
    fn a_footnote_is_printed_once_however_often_it_is_referenced() {
        let mut notes = 4;
        let typ = doc(
            &parse("A[^n] b[^n] c[^m] d[^n].\n\n[^n]: Long note.\n\n[^m]: Other."),
            "p-",
            None,
            &mut notes,
        );
        assert_eq!(typ.matches("Long note.").count(), 1, "{typ}");
        assert_eq!(
            typ,
            "#\"A\";#footnote(numbering: (..) => \"5\")[#\"Long note.\";]<fn-p-0>#\" b\";\
             #footnote(numbering: (..) => \"5\", <fn-p-0>)#\" c\";\
             #footnote(numbering: (..) => \"6\")[#\"Other.\";]<fn-p-1>#\" d\";\
             #footnote(numbering: (..) => \"5\", <fn-p-0>)#\".\";"
        );
        assert_eq!(notes, 6, "two footnotes printed");
    }

    /// A short row of a wide table costs one cell for what it lacks, not one per column.
    #[test]
    fn short_rows_end_with_one_spanning_cell() {
        let typ = doc(
            &parse("| a | b | c | d |\n|---|---|---|---|\n| 1 |\n| 1 | 2 | 3 |\n"),
            "",
            None,
            &mut 0,
        );
        assert!(
            typ.ends_with(
                "[#\"1\";], table.cell(colspan: 3)[], [#\"1\";], [#\"2\";], [#\"3\";], [])"
            ),
            "{typ}"
        );
    }

    #[test]
    fn long_words_get_break_opportunities_short_ones_do_not() {
        let z = '\u{200b}';
        assert_eq!(
            breakable("a normal sentence, Strafverfolgungsbehörden"),
            "a normal sentence, Strafverfolgungsbehörden"
        );
        let hash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        let broken = breakable(hash);
        assert_eq!(broken.replace(z, ""), hash);
        assert!(
            broken.split(z).all(|piece| piece.chars().count() <= 16),
            "{broken}"
        );
        let url = "see https://www.unodc.org/documents/Cybercrime/Report_2019.pdf now";
        assert_eq!(
            breakable(url),
            format!(
                "see https:{z}/{z}/{z}www.{z}unodc.{z}org/{z}documents/{z}Cybercrime/{z}Report_{z}2019.{z}pdf now"
            )
        );
    }

    /// The break opportunities survive the escaping (which drops a reply's own invisible
    /// characters), in text, inline code and code blocks; long code blocks are split.
    #[test]
    fn long_words_wrap_in_the_written_markup() {
        let word = "x".repeat(40);
        let z = '\u{200b}';
        let typ = doc(
            &parse(&format!("{word}\u{200b} `{word}`\n\n```\n{word}\n```")),
            "",
            None,
            &mut 0,
        );
        assert_eq!(typ.matches(z).count(), 6, "{typ}");
        let code: String = (0..120).map(|i| format!("line {i}\n")).collect();
        let typ = doc(&parse(&format!("```\n{code}```")), "", None, &mut 0);
        assert_eq!(typ.matches("#raw(block: true,").count(), 3, "{typ}");
        assert!(
            typ.starts_with("#block(width: 100%)[#set block(spacing: 0pt);#raw("),
            "{typ}"
        );
        assert!(
            typst::syntax::parse(&typ)
                .errors_and_warnings()
                .0
                .is_empty(),
            "{typ}"
        );
    }

    /// A tagged PDF may not combine the underline of a link with a strike.
    #[test]
    fn links_and_strikes_never_nest() {
        assert_eq!(
            doc(
                &parse("~~a [l](https://un.org)~~ [~~s~~](https://un.org)"),
                "",
                None,
                &mut 0
            ),
            "#strike[#\"a \";#\"l\";]#\" \";#link(\"https://un.org\")[#\"s\";]"
        );
    }

    #[test]
    fn self_referencing_footnotes_do_not_recurse() {
        let typ = doc(&parse("A[^a].\n\n[^a]: B[^a]."), "", None, &mut 0);
        assert!(
            typ.contains("#footnote(numbering: (..) => \"1\")[#\"B\";#\"[^a]\";"),
            "{typ}"
        );
    }

    /// Each CommonMark construct (and the GFM ones we enable), Markdown -> Typst.
    #[test]
    fn every_commonmark_construct() {
        let cases: &[(&str, &str)] = &[
            // Blocks.
            (
                "Para one\nsame para.\n\nPara two.",
                "#\"Para one\"; #\"same para.\";\n\n#\"Para two.\";",
            ),
            (
                "# ATX heading\nText.",
                "#runin[#\"ATX heading\";]#\"Text.\";",
            ),
            (
                "Setext heading\n===\n\nText.",
                "#runin[#\"Setext heading\";]#\"Text.\";",
            ),
            ("## Alone", "#runin[#\"Alone\";]"),
            ("***", "#line(length: 100%, stroke: 0.5pt)"),
            (
                "    indented code\n",
                "#raw(block: true, \"indented code\")",
            ),
            (
                "```rust\nfenced \"code\"\n```",
                "#raw(block: true, \"fenced \\\"code\\\"\")",
            ),
            ("<div>html block</div>", "#\"<div>html block</div>\";"),
            (
                "> quoted\n> text",
                "#quote(block: true)[#\"quoted\"; #\"text\";]",
            ),
            ("- a\n- b", "#list([#\"a\";], [#\"b\";])"),
            ("3. c\n4. d", "#enum(start: 3, [#\"c\";], [#\"d\";])"),
            ("- one\n\n  two", "#list([#\"one\";\n\n#\"two\";])"),
            (
                "[ref]: https://un.org\n\nSee [ref].",
                "#\"See \";#link(\"https://un.org\")[#\"ref\";]#\".\";",
            ),
            // Inlines.
            ("\\*not emphasis\\*", "#\"*not emphasis*\";"),
            ("&amp; &copy; &#35;", "#\"& © #\";"),
            ("`code \"span\"`", "#raw(\"code \\\"span\\\"\")"),
            (
                "*em* _em_ **strong** __strong__",
                "#emph[#\"em\";]#\" \";#emph[#\"em\";]#\" \";#strong[#\"strong\";]#\" \";#strong[#\"strong\";]",
            ),
            (
                "[t](https://un.org \"title\")",
                "#link(\"https://un.org\")[#\"t\";]",
            ),
            (
                "<https://un.org>",
                "#link(\"https://un.org\")[#\"https://un.org\";]",
            ),
            (
                "<info@un.org>",
                "#link(\"mailto:info@un.org\")[#\"info@un.org\";]",
            ),
            ("[t](ftp://x) [u](file:///etc/passwd)", "#\"t u\";"),
            ("![alt text](image.png)", "#\"alt text\";"),
            ("a <span>raw</span> b", "#\"a <span>raw</span> b\";"),
            (
                "hard  \nbreak\\\nagain",
                "#\"hard\";#linebreak()#\"break\";#linebreak()#\"again\";",
            ),
            // GFM and extensions.
            ("~~struck~~", "#strike[#\"struck\";]"),
            (
                "1<sup>er</sup> CO<sub>2</sub>",
                "#\"1\";#super[#\"er\";]#\" CO\";#sub[#\"2\";]",
            ),
            (
                "\"smart\" -- quotes...",
                "#\"\u{201c}smart\u{201d} \u{2013} quotes\u{2026}\";",
            ),
            (
                "| a | b |\n|---|:-:|\n| 1 |\n",
                "#table(columns: 2, align: (left, center,), table.header([#\"a\";], [#\"b\";]), [#\"1\";], [])",
            ),
            // A header with a link (or a footnote mark, a link too) is not repeated on the
            // next page, where it would be an artifact, which may hold no link (PDF/UA).
            (
                "| **[a](https://un.org)** | b |\n|---|---|\n| 1 | 2 |\n",
                "#table(columns: 2, align: (left, left,), table.header(repeat: false, [#strong[#link(\"https://un.org\")[#\"a\";]]], [#\"b\";]), [#\"1\";], [#\"2\";])",
            ),
            (
                "Note[^x].\n\n[^x]: Footnote *text*.",
                "#\"Note\";#footnote(numbering: (..) => \"1\")[#\"Footnote \";#emph[#\"text\";]#\".\";]<fn-0>#\".\";",
            ),
            ("Missing[^nope].", "#\"Missing[^nope].\";"),
        ];
        for (markdown, expected) in cases {
            assert_eq!(
                doc(&parse(markdown), "", None, &mut 0),
                *expected,
                "Markdown: {markdown:?}"
            );
        }
    }
}
