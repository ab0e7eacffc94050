//! The document tree of a Markdown text -> Typst markup, where all text is a string value.
//!
//! Structure becomes function calls (`#emph[...]`, `#list(...)`, `#table(...)`), and every
//! text leaf becomes a Typst string literal `#"...";` whose only escapes are `\\`, `\"` and
//! control characters. A string literal cannot contain markup, so a reply can never run as
//! Typst code, however it is written. The trailing `;` ends the embedded expression, so
//! nothing after it can be read as a method call or argument list.

use std::fmt::Write;

use crate::invisible;
use crate::render::markdown::{Align, Block, Doc, Inline};

/// A Typst string literal for code positions: `"..."`. Misleading characters (bidi
/// controls, control and invisible characters: see `invisible`) are left out.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if invisible::kind(c).is_some() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text in markup: `#"...";`.
pub fn text(text: &str) -> String {
    format!("#{};", string_literal(text))
}

/// Markdown document -> Typst markup (paragraphs separated by blank lines).
pub fn doc(doc: &Doc) -> String {
    let mut w = Writer {
        doc,
        out: String::new(),
        in_footnote: false,
    };
    w.blocks(&doc.blocks);
    w.out.trim_end().to_string()
}

struct Writer<'d> {
    doc: &'d Doc,
    out: String,
    /// Footnote references inside a footnote are printed as text, never nested.
    in_footnote: bool,
}

impl Writer<'_> {
    fn blocks(&mut self, blocks: &[Block]) {
        let mut i = 0;
        while i < blocks.len() {
            match (&blocks[i], blocks.get(i + 1)) {
                // A heading inside a reply runs in to the paragraph after it.
                (Block::Heading(_, title), Some(Block::Paragraph(body))) => {
                    self.out.push_str("#runin[");
                    self.inlines(title);
                    self.out.push(']');
                    self.inlines(body);
                    self.out.push_str("\n\n");
                    i += 2;
                    continue;
                }
                (block, _) => self.block(block),
            }
            i += 1;
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Paragraph(inlines) => self.inlines(inlines),
            Block::Heading(_, title) => {
                self.out.push_str("#runin[");
                self.inlines(title);
                self.out.push(']');
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
            Block::Code(code) => {
                let _ = write!(
                    self.out,
                    "#raw(block: true, {})",
                    string_literal(code.trim_end_matches('\n'))
                );
            }
            Block::Table { align, head, rows } => self.table(align, head, rows),
            Block::Rule => self.out.push_str("#line(length: 100%, stroke: 0.5pt)"),
        }
        self.out.push_str("\n\n");
    }

    fn table(&mut self, align: &[Align], head: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>]) {
        let columns = align.len().max(head.len()).max(1);
        let aligns: Vec<&str> = (0..columns)
            .map(|i| match align.get(i) {
                Some(Align::Center) => "center",
                Some(Align::Right) => "right",
                _ => "left",
            })
            .collect();
        let _ = write!(
            self.out,
            "#table(columns: {columns}, align: ({},), table.header(",
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

    /// Exactly `columns` cells, padding short rows and dropping extra cells.
    fn cells(&mut self, cells: &[Vec<Inline>], columns: usize) {
        for i in 0..columns {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.out.push('[');
            if let Some(cell) = cells.get(i) {
                self.inlines(cell);
            }
            self.out.push(']');
        }
    }

    fn inlines(&mut self, inlines: &[Inline]) {
        for inline in inlines {
            self.inline(inline);
        }
    }

    fn wrapped(&mut self, function: &str, inner: &[Inline]) {
        self.out.push('#');
        self.out.push_str(function);
        self.out.push('[');
        self.inlines(inner);
        self.out.push(']');
    }

    fn inline(&mut self, inline: &Inline) {
        match inline {
            Inline::Text(t) => self.out.push_str(&text(t)),
            Inline::Code(c) => {
                let _ = write!(self.out, "#raw({})", string_literal(c));
            }
            Inline::Emph(c) => self.wrapped("emph", c),
            Inline::Strong(c) => self.wrapped("strong", c),
            Inline::Strike(c) => self.wrapped("strike", c),
            Inline::Link(url, c) => {
                let _ = write!(self.out, "#link({})[", string_literal(url));
                self.inlines(c);
                self.out.push(']');
            }
            Inline::FootnoteRef(label) => match self.doc.footnote(label) {
                Some(blocks) if !self.in_footnote => {
                    self.in_footnote = true;
                    self.out.push_str("#footnote[");
                    self.blocks(blocks);
                    trim_end(&mut self.out);
                    self.out.push(']');
                    self.in_footnote = false;
                }
                _ => self.out.push_str(&text(&format!("[^{label}]"))),
            },
            Inline::SoftBreak => self.out.push(' '),
            Inline::HardBreak => self.out.push_str("#linebreak()"),
        }
    }
}

fn trim_end(out: &mut String) {
    let len = out.trim_end().len();
    out.truncate(len);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::markdown::parse;

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
        let typ = doc(&parse(
            "Hello *world* [x](https://un.org)[^n].\n\n[^n]: A note.",
        ));
        assert_eq!(
            typ,
            r#"#"Hello ";#emph[#"world";]#" ";#link("https://un.org")[#"x";]#footnote[#"A note.";]#".";"#
        );
    }

    #[test]
    fn lists_tables_headings_and_quotes() {
        let typ = doc(&parse(
            "### Sub\nBody.\n\n1. a\n2. b\n\n- x\n\n> q\n\n| h |\n|---|\n| c |\n",
        ));
        assert_eq!(
            typ,
            "#runin[#\"Sub\";]#\"Body.\";\n\n\
             #enum(start: 1, [#\"a\";], [#\"b\";])\n\n\
             #list([#\"x\";])\n\n\
             #quote(block: true)[#\"q\";]\n\n\
             #table(columns: 1, align: (left,), table.header([#\"h\";]), [#\"c\";])"
        );
    }

    #[test]
    fn self_referencing_footnotes_do_not_recurse() {
        let typ = doc(&parse("A[^a].\n\n[^a]: B[^a]."));
        assert!(typ.contains("#footnote[#\"B\";#\"[^a]\";"), "{typ}");
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
                "\"smart\" -- quotes...",
                "#\"\u{201c}smart\u{201d} \u{2013} quotes\u{2026}\";",
            ),
            (
                "| a | b |\n|---|:-:|\n| 1 |\n",
                "#table(columns: 2, align: (left, center,), table.header([#\"a\";], [#\"b\";]), [#\"1\";], [])",
            ),
            (
                "Note[^x].\n\n[^x]: Footnote *text*.",
                "#\"Note\";#footnote[#\"Footnote \";#emph[#\"text\";]#\".\";]#\".\";",
            ),
            ("Missing[^nope].", "#\"Missing[^nope].\";"),
        ];
        for (markdown, expected) in cases {
            assert_eq!(doc(&parse(markdown)), *expected, "Markdown: {markdown:?}");
        }
    }
}
