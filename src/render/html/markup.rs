//! The document tree of a Markdown text -> HTML, where all text is escaped.
//!
//! Structure becomes elements; every text leaf and attribute value goes through
//! [`escape`]. Raw HTML in a reply arrives here as text (see `render::markdown`) and is
//! shown, never passed through; links are kept only for http, https and mailto.

use std::collections::HashMap;
use std::fmt::Write;

use crate::invisible;
use crate::markdown::{Align, Block, Doc, Inline};
use crate::render::wrap::breakable;

/// Escapes text for HTML element content and double-quoted attribute values. Misleading
/// characters (bidi controls, control and invisible characters: see `invisible`) are left
/// out.
pub fn escape(text: &str) -> String {
    let special = |b: &u8| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'');
    if !text.as_bytes().iter().any(special) {
        return invisible::remove(text).into_owned();
    }
    let mut out = String::with_capacity(text.len());
    for c in invisible::remove(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A text with redline marks (see `redline::text`) for element content: each marked piece
/// in `<del>` or `<ins>`.
pub fn marked_text(value: &str) -> String {
    use crate::redline::text::{Segment, is_marked, segments};
    if !is_marked(value) {
        return escape(value);
    }
    let mut out = String::new();
    for segment in segments(value) {
        match segment {
            Segment::Same(t) => out.push_str(&escape(t)),
            Segment::Del(t) => {
                let _ = write!(out, "<del>{}</del>", escape(t));
            }
            Segment::Ins(t) => {
                let _ = write!(out, "<ins>{}</ins>", escape(t));
            }
        }
    }
    out
}

/// Text for element content: escaped, misleading characters left out, and a `<wbr>` break
/// opportunity in long words (see `render::wrap`), so that they wrap in narrow columns.
pub fn text(text: &str) -> String {
    let clean = invisible::remove(text);
    let broken = breakable(&clean);
    let mut out = String::with_capacity(broken.len() + 8);
    for (i, piece) in broken.split('\u{200b}').enumerate() {
        if i > 0 {
            out.push_str("<wbr>");
        }
        out.push_str(&escape(piece));
    }
    out
}

/// The words a converted text says to screen readers, in the page's language: "Footnote
/// 3" on a footnote's number, "Back to the text" on the link back from it.
pub struct Labels<'a> {
    /// The label of footnote number `n`.
    pub footnote: &'a dyn Fn(usize) -> String,
    pub back: String,
}

/// Markdown document -> HTML. Footnotes are numbered from 1 and their ids carry `prefix`
/// so several documents can share one page.
pub fn doc(doc: &Doc, prefix: &str, labels: &Labels<'_>) -> String {
    let mut w = Writer {
        doc,
        prefix,
        labels,
        out: String::new(),
        notes: Vec::new(),
        numbers: HashMap::new(),
        in_footnote: false,
    };
    w.blocks(&doc.blocks);
    w.footnotes();
    w.out
}

struct Writer<'d> {
    doc: &'d Doc,
    prefix: &'d str,
    labels: &'d Labels<'d>,
    out: String,
    /// Footnotes in the order they were first referenced.
    notes: Vec<&'d str>,
    /// Their numbers, by label.
    numbers: HashMap<&'d str, usize>,
    in_footnote: bool,
}

impl<'d> Writer<'d> {
    fn blocks(&mut self, blocks: &'d [Block]) {
        let mut i = 0;
        while i < blocks.len() {
            if let (Block::Heading(_, title), Some(Block::Paragraph(body))) =
                (&blocks[i], blocks.get(i + 1))
            {
                self.out.push_str("<p><strong class=\"runin\">");
                self.inlines(title);
                self.out.push_str("</strong> ");
                self.inlines(body);
                self.out.push_str("</p>\n");
                i += 2;
                continue;
            }
            self.block(&blocks[i]);
            i += 1;
        }
    }

    fn block(&mut self, block: &'d Block) {
        match block {
            Block::Paragraph(inlines) => {
                self.out.push_str("<p>");
                self.inlines(inlines);
                self.out.push_str("</p>\n");
            }
            Block::Heading(_, title) => {
                self.out.push_str("<p><strong class=\"runin\">");
                self.inlines(title);
                self.out.push_str("</strong></p>\n");
            }
            Block::List { start, items } => {
                match start {
                    Some(1) => self.out.push_str("<ol>\n"),
                    Some(n) => {
                        let _ = writeln!(self.out, "<ol start=\"{n}\">");
                    }
                    None => self.out.push_str("<ul>\n"),
                }
                for item in items {
                    self.out.push_str("<li>");
                    // A tight item is one paragraph: print it without <p>.
                    match item.as_slice() {
                        [Block::Paragraph(inlines)] => self.inlines(inlines),
                        blocks => self.blocks(blocks),
                    }
                    self.out.push_str("</li>\n");
                }
                self.out.push_str(if start.is_some() {
                    "</ol>\n"
                } else {
                    "</ul>\n"
                });
            }
            Block::Quote(blocks) => {
                self.out.push_str("<blockquote>\n");
                self.blocks(blocks);
                self.out.push_str("</blockquote>\n");
            }
            Block::Code(code) => {
                let _ = writeln!(self.out, "<pre><code>{}</code></pre>", escape(code));
            }
            Block::Table { align, head, rows } => self.table(align, head, rows),
            Block::Rule => self.out.push_str("<hr>\n"),
            // What a redline marks: `<ins>` and `<del>` around whole blocks.
            Block::Ins(blocks) => {
                self.out.push_str("<ins class=\"block\">\n");
                self.blocks(blocks);
                self.out.push_str("</ins>\n");
            }
            Block::Del(blocks) => {
                self.out.push_str("<del class=\"block\">\n");
                self.blocks(blocks);
                self.out.push_str("</del>\n");
            }
        }
    }

    fn table(&mut self, align: &[Align], head: &'d [Vec<Inline>], rows: &'d [Vec<Vec<Inline>>]) {
        let columns = align.len().max(head.len()).max(1);
        let style = |i: usize| match align.get(i) {
            Some(Align::Center) => " class=\"center\"",
            Some(Align::Right) => " class=\"right\"",
            _ => "",
        };
        self.out
            .push_str("<div class=\"table\" tabindex=\"0\"><table>\n<thead><tr>");
        for i in 0..columns {
            let _ = write!(self.out, "<th scope=\"col\"{}>", style(i));
            if let Some(cell) = head.get(i) {
                self.inlines(cell);
            }
            self.out.push_str("</th>");
        }
        self.out.push_str("</tr></thead>\n<tbody>\n");
        for row in rows {
            self.out.push_str("<tr>");
            for i in 0..columns {
                let _ = write!(self.out, "<td{}>", style(i));
                if let Some(cell) = row.get(i) {
                    self.inlines(cell);
                }
                self.out.push_str("</td>");
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table></div>\n");
    }

    fn inlines(&mut self, inlines: &'d [Inline]) {
        for inline in inlines {
            self.inline(inline);
        }
    }

    fn wrapped(&mut self, tag: &str, inner: &'d [Inline]) {
        let _ = write!(self.out, "<{tag}>");
        self.inlines(inner);
        let _ = write!(self.out, "</{tag}>");
    }

    fn inline(&mut self, inline: &'d Inline) {
        match inline {
            Inline::Text(t) => self.out.push_str(&text(t)),
            Inline::Code(c) => {
                let _ = write!(self.out, "<code>{}</code>", text(c));
            }
            Inline::Emph(c) => self.wrapped("em", c),
            Inline::Strong(c) => self.wrapped("strong", c),
            Inline::Strike(c) => self.wrapped("s", c),
            Inline::Sup(c) => self.wrapped("sup", c),
            Inline::Sub(c) => self.wrapped("sub", c),
            Inline::Link(url, c) => {
                let _ = write!(self.out, "<a href=\"{}\">", escape(url));
                self.inlines(c);
                self.out.push_str("</a>");
            }
            Inline::FootnoteRef(label) => {
                let known = self.doc.footnote(label).is_some();
                if !known || self.in_footnote {
                    let _ = write!(self.out, "[^{}]", escape(label));
                    return;
                }
                // Only the first reference carries the id the footnote links back to.
                let (number, id) = match self.numbers.get(label.as_str()) {
                    Some(&n) => (n, String::new()),
                    None => {
                        self.notes.push(label);
                        let n = self.notes.len();
                        self.numbers.insert(label, n);
                        (n, format!(" id=\"{}fnref-{n}\"", self.prefix))
                    }
                };
                let label = escape(&(self.labels.footnote)(number));
                let _ = write!(
                    self.out,
                    "<sup class=\"fnref\"><a href=\"#{p}fn-{number}\"{id} aria-label=\"{label}\">{number}</a></sup>",
                    p = self.prefix
                );
            }
            Inline::SoftBreak => self.out.push('\n'),
            Inline::HardBreak => self.out.push_str("<br>\n"),
            Inline::Ins(c) => self.wrapped("ins", c),
            Inline::Del(c) => self.wrapped("del", c),
        }
    }

    fn footnotes(&mut self) {
        if self.notes.is_empty() {
            return;
        }
        self.in_footnote = true;
        self.out.push_str("<div class=\"footnotes\">\n<ol>\n");
        let notes = std::mem::take(&mut self.notes);
        for (i, label) in notes.iter().enumerate() {
            let number = i + 1;
            let _ = write!(self.out, "<li id=\"{}fn-{number}\">", self.prefix);
            if let Some(blocks) = self.doc.footnote(label) {
                match blocks {
                    [Block::Paragraph(inlines)] => self.inlines(inlines),
                    blocks => self.blocks(blocks),
                }
            }
            let _ = writeln!(
                self.out,
                " <a href=\"#{}fnref-{number}\" aria-label=\"{}\">↩</a></li>",
                self.prefix,
                escape(&self.labels.back)
            );
        }
        self.out.push_str("</ol>\n</div>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse;

    fn doc(d: &Doc, prefix: &str) -> String {
        let labels = Labels {
            footnote: &|n| format!("Footnote {n}"),
            back: "Back to the text".into(),
        };
        super::doc(d, prefix, &labels)
    }

    #[test]
    fn long_words_get_wbr_short_ones_do_not() {
        let html = doc(
            &parse("a e3b0c44298fc1c149afbf4c8996fb92427ae41 <b>\u{200b} `x`"),
            "",
        );
        assert_eq!(
            html,
            "<p>a e3b0c44298fc1c14<wbr>9afbf4c8996fb924<wbr>27ae41 &lt;b&gt; <code>x</code></p>\n"
        );
    }

    #[test]
    fn raw_html_and_scripts_are_text() {
        let html = doc(
            &parse(
                "<script>alert(1)</script>\n\nx <img src=x onerror=alert(1)> [a](javascript:alert(1)) {{ 7*7 }} 1<sup>er</sup> <sub onclick=x>2</sub>",
            ),
            "",
        );
        assert_eq!(
            html,
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;\n</p>\n<p>x &lt;img src=x onerror=alert(1)&gt; a {{ 7*7 }} 1<sup>er</sup> &lt;sub onclick=x&gt;2&lt;/sub&gt;</p>\n"
        );
    }

    #[test]
    fn structure_becomes_elements() {
        let html = doc(
            &parse(
                "### Sub\nText *e* **s** `c` [l](https://un.org?a=1&b=\"2\")[^1].\n\n- a\n- b\n\n3. c\n\n> q\n\n| h | i |\n|---|--:|\n| 1 | 2 |\n\n[^1]: Note.",
            ),
            "r-",
        );
        assert_eq!(
            html,
            "<p><strong class=\"runin\">Sub</strong> Text <em>e</em> <strong>s</strong> <code>c</code> \
             <a href=\"https://un.org?a=1&amp;b=&quot;2&quot;\">l</a>\
             <sup class=\"fnref\"><a href=\"#r-fn-1\" id=\"r-fnref-1\" aria-label=\"Footnote 1\">1</a></sup>.</p>\n\
             <ul>\n<li>a</li>\n<li>b</li>\n</ul>\n\
             <ol start=\"3\">\n<li>c</li>\n</ol>\n\
             <blockquote>\n<p>q</p>\n</blockquote>\n\
             <div class=\"table\" tabindex=\"0\"><table>\n<thead><tr><th scope=\"col\">h</th><th scope=\"col\" class=\"right\">i</th></tr></thead>\n\
             <tbody>\n<tr><td>1</td><td class=\"right\">2</td></tr>\n</tbody>\n</table></div>\n\
             <div class=\"footnotes\">\n<ol>\n\
             <li id=\"r-fn-1\">Note. <a href=\"#r-fnref-1\" aria-label=\"Back to the text\">↩</a></li>\n\
             </ol>\n</div>\n"
        );
    }
}
