//! Markdown -> a small document tree, shared by the Typst and HTML writers.
//!
//! pulldown-cmark does the parsing (CommonMark, GFM tables, footnotes, strikethrough, smart
//! punctuation). This module turns its events into [`Doc`]: blocks and inlines whose text
//! leaves are plain strings. Writers then emit structure as their own markup and text leaves
//! through their own escaping, so nothing a reply contains can become markup.
//!
//! Raw HTML is kept as literal text. Nesting deeper than [`MAX_BLOCK_DEPTH`] (lists, quotes)
//! or [`MAX_INLINE_DEPTH`] (emphasis, links) is flattened here: the text stays, the extra
//! levels go, so a hostile reply cannot exhaust the typesetter or the stack.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{Alignment, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// Deepest nesting of lists and block quotes kept.
pub const MAX_BLOCK_DEPTH: usize = 6;
/// Deepest nesting of inline formatting kept.
pub const MAX_INLINE_DEPTH: usize = 8;

/// A parsed Markdown text.
#[derive(Debug, Default, PartialEq)]
pub struct Doc {
    pub blocks: Vec<Block>,
    /// Footnote definitions by label, in the order they were written.
    pub footnotes: Vec<(String, Vec<Block>)>,
    /// Label -> index in `footnotes` (the first definition of a label wins).
    index: HashMap<String, usize>,
}

impl Doc {
    /// A document of `blocks` and footnote definitions (the first of a label wins).
    pub fn new(blocks: Vec<Block>, footnotes: Vec<(String, Vec<Block>)>) -> Doc {
        let mut index = HashMap::new();
        for (i, (label, _)) in footnotes.iter().enumerate() {
            index.entry(label.clone()).or_insert(i);
        }
        Doc {
            blocks,
            footnotes,
            index,
        }
    }

    pub fn footnote(&self, label: &str) -> Option<&[Block]> {
        self.index
            .get(label)
            .map(|&i| self.footnotes[i].1.as_slice())
    }
}

#[derive(Debug, Clone, PartialEq, Hash)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// A heading inside a reply; printed as a run-in subheading.
    Heading(u8, Vec<Inline>),
    List {
        /// `Some(n)` for a numbered list starting at n.
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    Code(String),
    Table {
        align: Vec<Align>,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Rule,
    /// Blocks a redline marks as inserted since its base (see `redline`); never parsed.
    Ins(Vec<Block>),
    /// Blocks a redline marks as deleted since its base.
    Del(Vec<Block>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Align {
    None,
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq, Hash)]
pub enum Inline {
    Text(String),
    Code(String),
    Emph(Vec<Inline>),
    Strong(Vec<Inline>),
    Strike(Vec<Inline>),
    /// Raised text, written `<sup>…</sup>` as on GitHub: "1<sup>er</sup>", "m<sup>2</sup>".
    Sup(Vec<Inline>),
    /// Lowered text, written `<sub>…</sub>`: "CO<sub>2</sub>".
    Sub(Vec<Inline>),
    /// A link whose target is http, https or mailto; any other link is kept as its text.
    Link(String, Vec<Inline>),
    FootnoteRef(String),
    SoftBreak,
    HardBreak,
    /// Text a redline marks as inserted since its base (see `redline`); never parsed.
    Ins(Vec<Inline>),
    /// Text a redline marks as deleted since its base.
    Del(Vec<Inline>),
}

/// Whether inline HTML opens raised or lowered text (`<sup>`, `<sub>`, any case): the
/// only tags a reply's Markdown reads.
pub fn raises(html: &str) -> bool {
    matches!(raised_tag(html), Some((_, true)))
}

/// What an inline HTML tag is, if it is one of `<sup>`, `</sup>`, `<sub>` and `</sub>`
/// (any case, no attributes): superscript (else subscript), and whether it opens.
fn raised_tag(html: &str) -> Option<(bool, bool)> {
    let tag = html.trim();
    let (close, name) = match tag.strip_prefix("</") {
        Some(rest) => (true, rest),
        None => (false, tag.strip_prefix('<')?),
    };
    let name = name.strip_suffix('>')?;
    let sup = if name.eq_ignore_ascii_case("sup") {
        true
    } else if name.eq_ignore_ascii_case("sub") {
        false
    } else {
        return None;
    };
    Some((sup, !close))
}

/// Whether a link target may be kept: only web and mail addresses.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
}

/// What of Markdown `text` the outputs do not print as written, each at its place: nesting
/// deeper than the writers keep, a link to something other than the web or mail, an
/// image, cells beyond a table's header, footnotes never referenced, defined twice or
/// referenced from inside a note, and references to a note that does not exist. The
/// same parse as [`parse`], so it says exactly what that leaves out.
pub fn losses(text: &str) -> Vec<Lost> {
    losses_seeing(text, |_, _| {})
}

/// [`losses`], with each event of the parse and its place shown to `each` on the way (so
/// that a check of the same text needs no parse of its own).
pub fn losses_seeing(text: &str, mut each: impl FnMut(&Event<'_>, &Range<usize>)) -> Vec<Lost> {
    let mut builder = Builder::default();
    let mut columns = 0;
    for (event, at) in Parser::new_ext(text, options()).into_offset_iter() {
        each(&event, &at);
        match &event {
            Event::Start(Tag::Table(align)) => columns = align.len(),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                let cells = row_cells(text.get(at.clone()).unwrap_or_default());
                if cells > columns {
                    builder.lost.push(Lost {
                        at: at.clone(),
                        what: format!(
                            "a row of {cells} cells in a table of {columns} columns: the last {} \
                             are not printed",
                            cells - columns
                        ),
                        help: "give the header row as many cells as the widest row, or join \
                               the extra cells' text into the last cell",
                    });
                }
            }
            _ => {}
        }
        builder.at = at;
        builder.event(event);
    }
    let mut lost = std::mem::take(&mut builder.lost);
    let defined: HashSet<&str> = builder
        .definitions
        .iter()
        .map(|(l, _)| l.as_str())
        .collect();
    let mut seen = HashSet::new();
    for (label, at) in &builder.definitions {
        if !seen.insert(label.as_str()) {
            lost.push(Lost {
                at: at.clone(),
                what: format!("a second note [^{label}]: only the first is printed"),
                help: "give each note a label of its own",
            });
        } else if !builder.referenced.contains(label) {
            lost.push(Lost {
                at: at.clone(),
                what: format!(
                    "the note [^{label}] is never referenced in the text, so it is not printed"
                ),
                help: "reference it where it belongs (`text[^label]`), or delete it",
            });
        }
    }
    for (label, at, inside) in &builder.references {
        if *inside {
            lost.push(Lost {
                at: at.clone(),
                what: format!(
                    "a reference to [^{label}] inside a note prints as written: notes do not nest"
                ),
                help: "write the reference in the text itself, or fold the two notes into one",
            });
        } else if !defined.contains(label.as_str()) {
            let like = defined.iter().find(|d| d.eq_ignore_ascii_case(label));
            lost.push(Lost {
                at: at.clone(),
                what: match like {
                    Some(d) => {
                        format!("no note [^{label}]: there is a note [^{d}] (labels match exactly)")
                    }
                    None => format!("no note [^{label}]: the reference prints as written"),
                },
                help: "add the note (`[^label]: text`) or fix the reference's label",
            });
        }
    }
    lost.sort_by_key(|l| l.at.start);
    lost
}

/// The cells of a table row as written (`| a | b |` has two): its `|`s outside code
/// spans and not escaped, less those at its ends.
fn row_cells(row: &str) -> usize {
    let row = row.trim();
    let mut pipes: usize = 0;
    let (mut code, mut escaped) = (false, false);
    for c in row.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '`' => code = !code,
            '|' if !code => pipes += 1,
            _ => {}
        }
    }
    let ends = usize::from(row.starts_with('|')) + usize::from(row.ends_with('|') && row.len() > 1);
    (pipes + 1).saturating_sub(ends)
}

/// Parses Markdown into a [`Doc`].
pub fn parse(text: &str) -> Doc {
    let mut builder = Builder::default();
    for event in Parser::new_ext(text, options()) {
        builder.event(event);
    }
    builder.finish()
}

/// What an open container collects.
#[derive(Debug)]
enum Frame {
    /// Root, list item, quote, footnote definition: blocks.
    Blocks(Container, Vec<Block>),
    List(Option<u64>, Vec<Vec<Block>>),
    /// Paragraph, heading, table cell, emphasis...: inlines.
    Inlines(InlineKind, Vec<Inline>),
    Table {
        align: Vec<Align>,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        in_head: bool,
    },
    Row(Vec<Vec<Inline>>),
    Code(String),
    /// A container flattened away because it was nested too deep.
    Skipped,
}

#[derive(Debug, PartialEq)]
enum Container {
    Root,
    Item,
    Quote,
    Footnote(String),
}

#[derive(Debug)]
enum InlineKind {
    Paragraph,
    /// Inlines of a tight list item, gathered without a paragraph tag.
    Implicit,
    Heading(u8),
    Cell,
    Emph,
    Strong,
    Strike,
    Sup,
    Sub,
    Link(Option<String>),
    /// An image: its description is kept as text.
    Image,
}

impl InlineKind {
    /// Formatting inside a paragraph, as opposed to what makes a paragraph or cell.
    fn is_inline(&self) -> bool {
        !matches!(
            self,
            InlineKind::Paragraph
                | InlineKind::Implicit
                | InlineKind::Heading(_)
                | InlineKind::Cell
        )
    }
}

/// Builds a [`Doc`] from parser events in one pass: each event costs the same however
/// deep the nesting (the depths and the innermost kept frame are tracked, not searched).
#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    /// Positions in `stack` of the frames that were not flattened away.
    live: Vec<usize>,
    /// Lists and block quotes open in `stack`.
    blocks_open: usize,
    /// Inline containers open in `stack`.
    inlines_open: usize,
    footnotes: Vec<(String, Vec<Block>)>,
    /// Where the event being read is in the text (set by [`losses`] only).
    at: Range<usize>,
    /// What does not reach the outputs, as it is met (see [`losses`]).
    lost: Vec<Lost>,
    /// Footnote definitions open (references inside one print as written).
    in_note: usize,
    /// Footnote labels referenced from the text (outside notes).
    referenced: HashSet<String>,
    /// Footnote references met: label, place, inside a note.
    references: Vec<(String, Range<usize>, bool)>,
    /// Footnote definitions met: label and place.
    definitions: Vec<(String, Range<usize>)>,
}

/// Something of a Markdown text that the PDF and the site do not print as written: where,
/// and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lost {
    pub at: Range<usize>,
    pub what: String,
    pub help: &'static str,
}

impl Builder {
    fn block_depth(&self) -> usize {
        self.blocks_open
    }

    /// Says once per text that nesting deeper than `most` levels of `what` is flattened.
    fn flattened(&mut self, what: &str, most: usize) {
        if self.lost.iter().any(|l| l.what.starts_with(what)) {
            return;
        }
        self.lost.push(Lost {
            at: self.at.clone(),
            what: format!(
                "{what} more than {most} deep: the deeper levels are printed as plain text of \
                 the level above"
            ),
            help: "nest less deeply; the words are all printed",
        });
    }

    fn inline_depth(&self) -> usize {
        self.inlines_open
    }

    fn counts(frame: &Frame) -> (usize, usize) {
        (
            usize::from(matches!(
                frame,
                Frame::List(..) | Frame::Blocks(Container::Quote, _)
            )),
            usize::from(matches!(frame, Frame::Inlines(..))),
        )
    }

    fn push(&mut self, frame: Frame) {
        let (blocks, inlines) = Self::counts(&frame);
        self.blocks_open += blocks;
        self.inlines_open += inlines;
        if !matches!(frame, Frame::Skipped) {
            self.live.push(self.stack.len());
        }
        self.stack.push(frame);
    }

    fn pop(&mut self) -> Option<Frame> {
        let frame = self.stack.pop()?;
        let (blocks, inlines) = Self::counts(&frame);
        self.blocks_open -= blocks;
        self.inlines_open -= inlines;
        if self.live.last() == Some(&self.stack.len()) {
            self.live.pop();
        }
        Some(frame)
    }

    fn event(&mut self, event: Event<'_>) {
        if self.stack.is_empty() {
            self.push(Frame::Blocks(Container::Root, Vec::new()));
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some(Frame::Code(code)) = self.stack.last_mut() {
                    code.push_str(&text);
                } else {
                    self.inline(Inline::Text(text.into_string()));
                }
            }
            Event::Code(code) => self.inline(Inline::Code(code.into_string())),
            // Raw HTML is never passed through: it is shown as the text it is, but for the
            // four tags of raised and lowered text, which only mark the text between them.
            Event::InlineHtml(html) => self.inline_html(&html),
            Event::Html(html) => self.inline(Inline::Text(html.into_string())),
            Event::InlineMath(math) => self.inline(Inline::Text(format!("${math}$"))),
            Event::DisplayMath(math) => self.inline(Inline::Text(format!("$${math}$$"))),
            Event::FootnoteReference(label) => {
                let inside = self.in_note > 0;
                if !inside {
                    self.referenced.insert(label.to_string());
                }
                self.references
                    .push((label.to_string(), self.at.clone(), inside));
                self.inline(Inline::FootnoteRef(label.into_string()))
            }
            Event::SoftBreak => self.inline(Inline::SoftBreak),
            Event::HardBreak => self.inline(Inline::HardBreak),
            Event::Rule => self.block(Block::Rule),
            Event::TaskListMarker(done) => {
                self.inline(Inline::Text(if done { "[x] " } else { "[ ] " }.into()))
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        // A block (even one flattened away) ends the implicit paragraph before it.
        if matches!(
            tag,
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::List(_)
                | Tag::Item
                | Tag::FootnoteDefinition(_)
                | Tag::Table(_)
        ) {
            self.close_implicit();
        }
        let frame = match tag {
            Tag::Paragraph => Frame::Inlines(InlineKind::Paragraph, Vec::new()),
            Tag::Heading { level, .. } => {
                Frame::Inlines(InlineKind::Heading(heading_level(level)), Vec::new())
            }
            Tag::BlockQuote(_) | Tag::List(_) if self.block_depth() >= MAX_BLOCK_DEPTH => {
                self.flattened("lists and quotes nested", MAX_BLOCK_DEPTH);
                Frame::Skipped
            }
            Tag::BlockQuote(_) => Frame::Blocks(Container::Quote, Vec::new()),
            Tag::CodeBlock(_) => Frame::Code(String::new()),
            Tag::HtmlBlock => Frame::Inlines(InlineKind::Paragraph, Vec::new()),
            Tag::List(start) => Frame::List(start, Vec::new()),
            Tag::Item if matches!(self.stack.last(), Some(Frame::List(..))) => {
                Frame::Blocks(Container::Item, Vec::new())
            }
            Tag::Item => Frame::Skipped,
            Tag::FootnoteDefinition(label) => {
                self.definitions.push((label.to_string(), self.at.clone()));
                self.in_note += 1;
                Frame::Blocks(Container::Footnote(label.into_string()), Vec::new())
            }
            Tag::Table(align) => Frame::Table {
                align: align.into_iter().map(convert_align).collect(),
                head: Vec::new(),
                rows: Vec::new(),
                in_head: false,
            },
            Tag::TableHead => {
                if let Some(Frame::Table { in_head, .. }) = self.stack.last_mut() {
                    *in_head = true;
                }
                Frame::Row(Vec::new())
            }
            Tag::TableRow => Frame::Row(Vec::new()),
            Tag::TableCell => Frame::Inlines(InlineKind::Cell, Vec::new()),
            _ if self.inline_depth() >= MAX_INLINE_DEPTH => {
                self.flattened("emphasis and links nested", MAX_INLINE_DEPTH);
                Frame::Skipped
            }
            Tag::Emphasis => Frame::Inlines(InlineKind::Emph, Vec::new()),
            Tag::Strong => Frame::Inlines(InlineKind::Strong, Vec::new()),
            Tag::Strikethrough => Frame::Inlines(InlineKind::Strike, Vec::new()),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                // An email autolink (<a@b.org>) comes without its scheme.
                let dest = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.into_string(),
                };
                let url = is_safe_url(&dest).then(|| dest.trim().to_string());
                if url.is_none() {
                    self.lost.push(Lost {
                        at: self.at.clone(),
                        what: format!(
                            "a link to \"{}\": only web and mail addresses are linked, so its \
                             text is printed without it",
                            dest.chars().take(60).collect::<String>()
                        ),
                        help: "link to an address starting with https://, http:// or mailto:",
                    });
                }
                Frame::Inlines(InlineKind::Link(url), Vec::new())
            }
            Tag::Image { .. } => {
                self.lost.push(Lost {
                    at: self.at.clone(),
                    what: "an image is not printed: only its description is".into(),
                    help: "describe in the text what the image shows; the report prints no images",
                });
                Frame::Inlines(InlineKind::Image, Vec::new())
            }
            // Definition lists, metadata blocks: not enabled; keep whatever text comes.
            _ => Frame::Skipped,
        };
        // Inline containers in a tight list item need an implicit paragraph.
        if matches!(&frame, Frame::Inlines(kind, _) if kind.is_inline()) {
            self.ensure_inline_context();
        }
        self.push(frame);
    }

    /// `<sup>`, `</sup>`, `<sub>` and `</sub>` (any case, no attributes) open and close
    /// raised and lowered text; any other tag, or one that closes nothing open, is text.
    fn inline_html(&mut self, html: &str) {
        let Some((sup, opens)) = raised_tag(html) else {
            return self.inline(Inline::Text(html.to_string()));
        };
        let kind = if sup {
            InlineKind::Sup
        } else {
            InlineKind::Sub
        };
        if opens {
            if self.inline_depth() >= MAX_INLINE_DEPTH {
                self.flattened("emphasis and links nested", MAX_INLINE_DEPTH);
                return;
            }
            self.ensure_inline_context();
            return self.push(Frame::Inlines(kind, Vec::new()));
        }
        let closes = matches!(
            (self.stack.last(), &kind),
            (Some(Frame::Inlines(InlineKind::Sup, _)), InlineKind::Sup)
                | (Some(Frame::Inlines(InlineKind::Sub, _)), InlineKind::Sub)
        );
        match self.pop() {
            Some(Frame::Inlines(kind, inlines)) if closes => self.finish_inlines(kind, inlines),
            Some(frame) => {
                self.push(frame);
                self.inline(Inline::Text(html.to_string()));
            }
            None => {}
        }
    }

    /// Raised or lowered text still open when its paragraph, emphasis or link ends is
    /// printed as written: its tag as text, then its content.
    fn unwind_html(&mut self) {
        while matches!(
            self.stack.last(),
            Some(Frame::Inlines(InlineKind::Sup | InlineKind::Sub, _))
        ) {
            let Some(Frame::Inlines(kind, inlines)) = self.pop() else {
                break;
            };
            let tag = if matches!(kind, InlineKind::Sup) {
                "<sup>"
            } else {
                "<sub>"
            };
            self.inline(Inline::Text(tag.into()));
            for inline in inlines {
                self.inline(inline);
            }
        }
    }

    fn end(&mut self, _tag: TagEnd) {
        self.unwind_html();
        self.close_implicit();
        let Some(frame) = self.pop() else {
            return;
        };
        match frame {
            Frame::Skipped => {}
            Frame::Code(code) => self.block(Block::Code(code)),
            Frame::Blocks(Container::Root, blocks) => {
                self.push(Frame::Blocks(Container::Root, blocks));
            }
            Frame::Blocks(Container::Item, blocks) => {
                if let Some(Frame::List(_, items)) = self.stack.last_mut() {
                    items.push(blocks);
                }
            }
            Frame::Blocks(Container::Quote, blocks) => self.block(Block::Quote(blocks)),
            Frame::Blocks(Container::Footnote(label), blocks) => {
                self.in_note = self.in_note.saturating_sub(1);
                self.footnotes.push((label, blocks));
            }
            Frame::List(start, items) => self.block(Block::List { start, items }),
            Frame::Table {
                align, head, rows, ..
            } => self.block(Block::Table { align, head, rows }),
            Frame::Row(cells) => {
                if let Some(Frame::Table {
                    head,
                    rows,
                    in_head,
                    ..
                }) = self.stack.last_mut()
                {
                    if *in_head {
                        *head = cells;
                        *in_head = false;
                    } else {
                        rows.push(cells);
                    }
                }
            }
            Frame::Inlines(kind, inlines) => self.finish_inlines(kind, inlines),
        }
    }

    fn finish_inlines(&mut self, kind: InlineKind, inlines: Vec<Inline>) {
        match kind {
            InlineKind::Paragraph | InlineKind::Implicit => {
                if !inlines.is_empty() {
                    self.block(Block::Paragraph(inlines));
                }
            }
            InlineKind::Heading(level) => self.block(Block::Heading(level, inlines)),
            InlineKind::Cell => {
                if let Some(Frame::Row(cells)) = self.stack.last_mut() {
                    cells.push(inlines);
                }
            }
            InlineKind::Emph => self.inline(Inline::Emph(inlines)),
            InlineKind::Strong => self.inline(Inline::Strong(inlines)),
            InlineKind::Strike => self.inline(Inline::Strike(inlines)),
            InlineKind::Sup => self.inline(Inline::Sup(inlines)),
            InlineKind::Sub => self.inline(Inline::Sub(inlines)),
            InlineKind::Link(Some(url)) => self.inline(Inline::Link(url, inlines)),
            InlineKind::Link(None) | InlineKind::Image => {
                for inline in inlines {
                    self.inline(inline);
                }
            }
        }
    }

    /// The innermost frame that was not flattened away.
    fn innermost(&mut self) -> Option<&mut Frame> {
        let at = *self.live.last()?;
        self.stack.get_mut(at)
    }

    /// If the innermost frame collects blocks, opens an implicit paragraph for inlines.
    fn ensure_inline_context(&mut self) {
        if matches!(
            self.innermost(),
            Some(Frame::Blocks(..)) | Some(Frame::List(..)) | None
        ) {
            self.push(Frame::Inlines(InlineKind::Implicit, Vec::new()));
        }
    }

    /// Closes an implicit paragraph before a block starts or a container ends.
    fn close_implicit(&mut self) {
        if matches!(
            self.stack.last(),
            Some(Frame::Inlines(InlineKind::Implicit, _))
        ) && let Some(Frame::Inlines(kind, inlines)) = self.pop()
        {
            self.finish_inlines(kind, inlines);
        }
    }

    fn inline(&mut self, inline: Inline) {
        self.ensure_inline_context();
        match self.innermost() {
            Some(Frame::Inlines(_, inlines)) => {
                // Merge neighbouring text so each run becomes one string.
                if let (Some(Inline::Text(last)), Inline::Text(text)) =
                    (inlines.last_mut(), &inline)
                {
                    last.push_str(text);
                } else {
                    inlines.push(inline);
                }
            }
            Some(Frame::Code(code)) => {
                if let Inline::Text(text) = inline {
                    code.push_str(&text);
                }
            }
            _ => {}
        }
    }

    fn block(&mut self, block: Block) {
        self.close_implicit();
        match self.innermost() {
            Some(Frame::Blocks(_, blocks)) => blocks.push(block),
            // A block met where only items are expected (flattened nesting): keep it.
            Some(Frame::List(_, items)) => items.push(vec![block]),
            Some(Frame::Inlines(_, inlines)) => inlines.extend(flatten_block(block)),
            _ => {}
        }
    }

    fn finish(mut self) -> Doc {
        self.close_implicit();
        while self.stack.len() > 1 {
            self.end(TagEnd::Paragraph);
        }
        let blocks = match self.pop() {
            Some(Frame::Blocks(_, blocks)) => blocks,
            _ => Vec::new(),
        };
        Doc::new(blocks, self.footnotes)
    }
}

/// A block met inside inline content (only through flattening): keep its text.
fn flatten_block(block: Block) -> Vec<Inline> {
    match block {
        Block::Paragraph(inlines) | Block::Heading(_, inlines) => {
            let mut out = vec![Inline::SoftBreak];
            out.extend(inlines);
            out
        }
        Block::Code(code) => vec![Inline::Code(code)],
        Block::List { items, .. } => items
            .into_iter()
            .flatten()
            .flat_map(flatten_block)
            .collect(),
        Block::Quote(blocks) | Block::Ins(blocks) | Block::Del(blocks) => {
            blocks.into_iter().flat_map(flatten_block).collect()
        }
        Block::Table { head, rows, .. } => std::iter::once(head)
            .chain(rows)
            .flatten()
            .flat_map(|mut cell| {
                cell.insert(0, Inline::SoftBreak);
                cell
            })
            .collect(),
        Block::Rule => Vec::new(),
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn convert_align(a: Alignment) -> Align {
    match a {
        Alignment::None => Align::None,
        Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}

impl Doc {
    /// The plain text of the document, footnotes included, added to `out`: what a
    /// reader reads, for counting words, the search index and telling the language.
    pub fn text(&self, out: &mut String) {
        let notes = self.footnotes.iter().flat_map(|(_, blocks)| blocks);
        for block in self.blocks.iter().chain(notes) {
            block_text(block, out);
        }
    }
}

/// The plain text of a block, for counting words and the search index.
pub fn block_text(block: &Block, out: &mut String) {
    match block {
        Block::Paragraph(inlines) | Block::Heading(_, inlines) => plain_text(inlines, out),
        Block::List { items, .. } => items.iter().flatten().for_each(|b| block_text(b, out)),
        Block::Quote(blocks) | Block::Ins(blocks) => blocks.iter().for_each(|b| block_text(b, out)),
        // What a redline shows deleted is not part of the text.
        Block::Del(_) => {}
        Block::Code(code) => out.push_str(code),
        Block::Table { head, rows, .. } => {
            for cell in head.iter().chain(rows.iter().flatten()) {
                plain_text(cell, out);
                out.push(' ');
            }
        }
        Block::Rule => {}
    }
    out.push(' ');
}

/// The plain text of inlines, for counting words or checking glyphs.
pub fn plain_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Emph(c)
            | Inline::Strong(c)
            | Inline::Strike(c)
            | Inline::Sup(c)
            | Inline::Sub(c)
            | Inline::Link(_, c)
            | Inline::Ins(c) => plain_text(c, out),
            Inline::FootnoteRef(_) | Inline::Del(_) => {}
            Inline::SoftBreak | Inline::HardBreak => out.push(' '),
        }
    }
}

#[cfg(test)]
mod loss_tests {
    use super::*;

    fn lost(text: &str) -> Vec<(String, String)> {
        losses(text)
            .into_iter()
            .map(|l| (text[l.at].to_string(), l.what))
            .collect()
    }

    #[test]
    fn what_is_not_printed_is_said_at_its_place() {
        let text = "Text[^a] and [^B].\n\n[^a]: A note[^b].\n[^b]: Never referenced.\n[^a]: Twice.\n\n\
                    [x](javascript:alert(1)) ![a map](map.png)\n\n| a | b |\n|---|---|\n| 1 | 2 | 3 | 4 |\n";
        let found = lost(text);
        let whats: Vec<&str> = found.iter().map(|(_, w)| w.as_str()).collect();
        for start in [
            "no note [^B]",
            "a reference to [^b] inside a note",
            "the note [^b] is never referenced",
            "a second note [^a]",
            "a link to \"javascript:alert(1)\"",
            "an image is not printed",
        ] {
            assert!(
                whats.iter().any(|w| w.starts_with(start)),
                "{start}: {whats:?}"
            );
        }
        let row = found
            .iter()
            .find(|(_, w)| w.starts_with("a row of 4 cells"))
            .unwrap();
        assert_eq!(row.0.trim(), "| 1 | 2 | 3 | 4 |");
        assert_eq!(found.len(), 7, "{found:?}");
        // Case differs: said so.
        assert!(
            lost("X[^Note].\n\n[^note]: N.\n")
                .iter()
                .any(|(_, w)| w.contains("there is a note [^note]"))
        );
    }

    #[test]
    fn deep_nesting_is_said_once_and_plain_text_nothing() {
        let deep = (0..10)
            .map(|i| format!("{}- item\n", "  ".repeat(i)))
            .collect::<String>();
        let found = lost(&deep);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .1
                .starts_with("lists and quotes nested more than 6 deep")
        );
        assert!(lost("Plain *text* with [a link](https://un.org)[^1].\n\n[^1]: Note.\n\n| a | b |\n|---|---|\n| `x|y` | 2 |\n").is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_string())
    }

    #[test]
    fn sup_and_sub_tags_mark_raised_and_lowered_text_and_nothing_else() {
        let first = |s: &str| match parse(s).blocks.into_iter().next() {
            Some(Block::Paragraph(inlines)) => inlines,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            first("le 1<sup>er</sup> juillet, CO<SUB>2</SUB>"),
            [
                text("le 1"),
                Inline::Sup(vec![text("er")]),
                text(" juillet, CO"),
                Inline::Sub(vec![text("2")]),
            ]
        );
        assert_eq!(
            first("m<sup>*2*</sup>"),
            [text("m"), Inline::Sup(vec![Inline::Emph(vec![text("2")])])]
        );
        // Unclosed, crossing, closing nothing, with attributes or another tag: text.
        assert_eq!(first("a <sup>b"), [text("a <sup>b")]);
        assert_eq!(
            first("*a<sup>b*</sup>"),
            [Inline::Emph(vec![text("a<sup>b")]), text("</sup>")]
        );
        assert_eq!(
            first("x</sub> <sub>y</sup>"),
            [text("x</sub> <sub>y</sup>")]
        );
        assert_eq!(
            first("<sup onclick=\"x\">1</sup> <b>2</b>"),
            [text("<sup onclick=\"x\">1</sup> <b>2</b>")]
        );
    }

    #[test]
    fn paragraphs_emphasis_and_smart_quotes() {
        let doc = parse("A *b* **c** \"d\".\n\nNext.");
        assert_eq!(
            doc.blocks,
            [
                Block::Paragraph(vec![
                    text("A "),
                    Inline::Emph(vec![text("b")]),
                    text(" "),
                    Inline::Strong(vec![text("c")]),
                    text(" \u{201c}d\u{201d}."),
                ]),
                Block::Paragraph(vec![text("Next.")]),
            ]
        );
    }

    #[test]
    fn tight_and_loose_lists_nest() {
        let doc = parse("1. one\n   - a\n   - b\n2. two\n");
        let Block::List { start, items } = &doc.blocks[0] else {
            panic!("{doc:?}")
        };
        assert_eq!(*start, Some(1));
        assert_eq!(items.len(), 2);
        assert_eq!(items[0][0], Block::Paragraph(vec![text("one")]));
        assert!(matches!(&items[0][1], Block::List { start: None, items } if items.len() == 2));
    }

    #[test]
    fn html_and_unsafe_links_stay_text() {
        let doc = parse(
            "<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](https://un.org) <b>z</b>",
        );
        assert_eq!(
            doc.blocks[0],
            Block::Paragraph(vec![text("<script>alert(1)</script>\n")])
        );
        assert_eq!(
            doc.blocks[1],
            Block::Paragraph(vec![
                text("x "),
                Inline::Link("https://un.org".into(), vec![text("y")]),
                text(" <b>z</b>"),
            ])
        );
    }

    #[test]
    fn footnotes_and_tables() {
        let doc = parse("Text[^1].\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n[^1]: Note.\n");
        assert_eq!(
            doc.footnote("1"),
            Some(&[Block::Paragraph(vec![text("Note.")])][..])
        );
        assert!(matches!(
            &doc.blocks[1],
            Block::Table { align, head, rows } if align == &[Align::Left, Align::Right] && head.len() == 2 && rows.len() == 1
        ));
    }

    #[test]
    fn deep_nesting_is_flattened_not_fatal() {
        let quotes = ">".repeat(200) + " deep";
        let doc = parse(&quotes);
        let mut depth = 0;
        let mut block = &doc.blocks[0];
        while let Block::Quote(inner) = block {
            depth += 1;
            block = &inner[0];
        }
        assert_eq!(depth, MAX_BLOCK_DEPTH);
        assert_eq!(*block, Block::Paragraph(vec![text("deep")]));

        let list: String = (0..100)
            .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
            .collect();
        let doc = parse(&list);
        let mut out = String::new();
        fn walk(blocks: &[Block], out: &mut String) {
            for b in blocks {
                match b {
                    Block::Paragraph(i) => {
                        plain_text(i, out);
                        out.push('\n');
                    }
                    Block::List { items, .. } => items.iter().for_each(|it| walk(it, out)),
                    _ => {}
                }
            }
        }
        walk(&doc.blocks, &mut out);
        assert!(out.contains("level 0") && out.contains("level 99"), "{out}");
        assert!(
            !out.contains("level 50level 51"),
            "flattened items stay apart: {out}"
        );

        let emph = "*".repeat(500) + "x" + &"*".repeat(500);
        let _ = parse(&emph);
    }
}
