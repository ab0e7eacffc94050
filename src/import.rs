//! Word documents (`.docx`) -> a reply's Markdown, with what came in and what was left out.
//!
//! A .docx is a ZIP of XML parts: `word/document.xml` (the text), `word/footnotes.xml`,
//! `word/endnotes.xml`, `word/numbering.xml` (list formats), `word/styles.xml` (heading
//! styles) and `word/_rels/document.xml.rels` (link targets). They are read with `zip` and
//! `quick-xml`, each part at most [`MAX_PART`] bytes once inflated.
//!
//! Carried over: paragraphs; headings (by heading style or outline level); bold, italic,
//! strikethrough, superscript and subscript (as `<sup>`/`<sub>`); bulleted and numbered lists with their nesting
//! and starting number; tables with their header row; footnotes and endnotes; hyperlinks;
//! line breaks; the displayed text of fields; insertions of tracked changes. Everything
//! else that holds content is left out and said, with the paragraph and a few words of
//! context: deletions of tracked changes, comments, images, charts, text boxes,
//! equations, merged table cells (made plain), page headers and footers.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Read;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// The most bytes one part of a document may inflate to.
pub const MAX_PART: u64 = 64 << 20;

/// A document converted.
#[derive(Debug, Default, PartialEq)]
pub struct Imported {
    /// The reply's text, in Markdown.
    pub markdown: String,
    pub paragraphs: usize,
    pub footnotes: usize,
    pub tables: usize,
    pub list_items: usize,
    /// What was not carried over, in document order.
    pub left_out: Vec<LeftOut>,
    /// Each paragraph of the text: its number, whether Word lays it out right to left
    /// (`<w:bidi/>`), and its first words.
    pub directions: Vec<(usize, bool, String)>,
}

impl Imported {
    /// The paragraphs whose direction the reply's language does not give, each said: a
    /// reply has one direction, its language's, and Markdown marks none per paragraph.
    /// In a right-to-left reply, left-to-right paragraphs are said only if the document
    /// marks at least half its paragraphs right to left: Word marks each paragraph of an
    /// Arabic document, and a document made without the marks says nothing by lacking
    /// them.
    pub fn directions_left_out(&self, right_to_left: bool) -> Vec<LeftOut> {
        let marked = self.directions.iter().filter(|d| d.1).count();
        if right_to_left && marked * 2 < self.directions.len() {
            return Vec::new();
        }
        let (what, other) = if right_to_left {
            ("left-to-right", "right to left")
        } else {
            ("right-to-left", "left to right")
        };
        self.directions
            .iter()
            .filter(|(_, rtl, _)| *rtl != right_to_left)
            .map(|(paragraph, _, context)| LeftOut {
                paragraph: *paragraph,
                what: format!("the {what} direction of this paragraph (the reply is {other})"),
                context: context.clone(),
            })
            .collect()
    }
}

/// Something of the document that is not in the Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The paragraph of the document it was in, from 1 (0: not in the text).
    pub paragraph: usize,
    /// What it was: "an image", "a comment".
    pub what: String,
    /// A few words of its paragraph.
    pub context: String,
}

impl std::fmt::Display for LeftOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.paragraph {
            0 => write!(f, "{} not imported", self.what),
            n if self.context.is_empty() => write!(f, "paragraph {n}: {} not imported", self.what),
            n => write!(
                f,
                "paragraph {n}: {} not imported (\"{}\")",
                self.what, self.context
            ),
        }
    }
}

/// Converts the bytes of a .docx.
pub fn docx(bytes: &[u8]) -> Result<Imported, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a Word document (.docx): {e}"))?;
    let mut part = |name: &str| -> Result<Option<String>, String> {
        let Ok(file) = zip.by_name(name) else {
            return Ok(None);
        };
        let mut text = String::new();
        file.take(MAX_PART + 1)
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read {name}: {e}"))?;
        if text.len() as u64 > MAX_PART {
            return Err(format!(
                "{name} is larger than {} MB once inflated",
                MAX_PART >> 20
            ));
        }
        Ok(Some(text))
    };
    let document =
        part("word/document.xml")?.ok_or("not a Word document: it has no word/document.xml")?;
    let numbering = Numbering::read(part("word/numbering.xml")?.as_deref().unwrap_or(""));
    let links = relations(
        part("word/_rels/document.xml.rels")?
            .as_deref()
            .unwrap_or(""),
    );
    let headings = heading_styles(part("word/styles.xml")?.as_deref().unwrap_or(""));
    let footnotes = part("word/footnotes.xml")?;
    let endnotes = part("word/endnotes.xml")?;
    let mut margins = Vec::new();
    for (kind, target) in &links.parts {
        if kind == "header" || kind == "footer" {
            let name = format!("word/{}", target.trim_start_matches('/'));
            let words = part(&name)?
                .map(|xml| first_words(&xml))
                .unwrap_or_default();
            if !words.is_empty() && !margins.contains(&(kind, words.clone())) {
                margins.push((kind, words));
            }
        }
    }

    let context = Context {
        numbering: &numbering,
        links: &links.targets,
        headings: &headings,
    };
    let mut out = Imported::default();
    let mut body = Converter::new(&context);
    body.run(&document)?;
    out.paragraphs = body.paragraph;
    out.directions = std::mem::take(&mut body.directions);
    out.tables = body.tables;
    out.list_items = body.list_items;
    out.left_out.append(&mut body.left_out);
    if body.tracked {
        out.left_out.push(LeftOut {
            paragraph: 0,
            what: "the document had tracked changes: insertions were accepted and deletions".into(),
            context: String::new(),
        });
    }
    out.markdown = body.out.trim_end().to_string();
    out.markdown.push('\n');
    for (xml, tag, prefix) in [(&footnotes, "footnote", "f"), (&endnotes, "endnote", "e")] {
        let Some(xml) = xml else { continue };
        let mut notes = Converter::new(&context);
        notes.note_tag = Some(tag);
        notes.run(xml)?;
        out.left_out.append(&mut notes.left_out);
        for (id, text) in notes.notes {
            if body.referenced.contains(&format!("{prefix}{id}")) {
                out.footnotes += 1;
                let _ = write!(out.markdown, "\n[^{prefix}{id}]: {}\n", text.trim());
            }
        }
    }
    for (kind, words) in margins {
        out.left_out.push(LeftOut {
            paragraph: 0,
            what: format!("a page {kind} (\"{words}\")"),
            context: String::new(),
        });
    }
    Ok(out)
}

/// What every part of a document is read with.
struct Context<'a> {
    numbering: &'a Numbering,
    links: &'a HashMap<String, String>,
    headings: &'a HashMap<String, usize>,
}

/// The list formats of `numbering.xml`: by `numId` and level, bulleted or not, and the
/// first number.
#[derive(Default)]
struct Numbering {
    levels: HashMap<(String, u8), (bool, u64)>,
}

impl Numbering {
    fn read(xml: &str) -> Numbering {
        let mut abstracts: HashMap<String, HashMap<u8, (bool, u64)>> = HashMap::new();
        let mut nums: HashMap<String, String> = HashMap::new();
        let (mut abstract_id, mut num_id, mut level) = (String::new(), String::new(), 0u8);
        each_element(xml, |name, e| match name {
            "abstractNum" => abstract_id = attr(e, "abstractNumId").unwrap_or_default(),
            "lvl" => {
                level = attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                abstracts
                    .entry(abstract_id.clone())
                    .or_default()
                    .insert(level, (false, 1));
            }
            "numFmt" => {
                let bullet = attr(e, "val").is_some_and(|v| v == "bullet" || v == "none");
                if let Some(l) = abstracts
                    .get_mut(&abstract_id)
                    .and_then(|a| a.get_mut(&level))
                {
                    l.0 = bullet;
                }
            }
            "start" => {
                let start = attr(e, "val").and_then(|v| v.parse().ok()).unwrap_or(1);
                if let Some(l) = abstracts
                    .get_mut(&abstract_id)
                    .and_then(|a| a.get_mut(&level))
                {
                    l.1 = start;
                }
            }
            "num" => num_id = attr(e, "numId").unwrap_or_default(),
            "abstractNumId" => {
                nums.insert(num_id.clone(), attr(e, "val").unwrap_or_default());
            }
            _ => {}
        });
        let mut levels = HashMap::new();
        for (num, abs) in nums {
            for (level, format) in abstracts.get(&abs).into_iter().flatten() {
                levels.insert((num.clone(), *level), *format);
            }
        }
        Numbering { levels }
    }
}

/// The targets of a part's relations (hyperlinks), and the kind and target of each.
struct Relations {
    targets: HashMap<String, String>,
    parts: Vec<(String, String)>,
}

fn relations(xml: &str) -> Relations {
    let mut out = Relations {
        targets: HashMap::new(),
        parts: Vec::new(),
    };
    each_element(xml, |name, e| {
        if name == "Relationship" {
            let kind = attr(e, "Type").unwrap_or_default();
            let kind = kind.rsplit('/').next().unwrap_or_default().to_string();
            if let (Some(id), Some(target)) = (attr(e, "Id"), attr(e, "Target")) {
                out.targets.insert(id, target.clone());
                out.parts.push((kind, target));
            }
        }
    });
    out
}

/// The first words of a part's text (`<w:t>` only), as a header or footer shows them.
fn first_words(xml: &str) -> String {
    let mut reader = Reader::from_str(xml);
    let (mut in_text, mut text) = (false, String::new());
    while text.len() < 200 {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) if local(&e) == "t" => in_text = true,
            Ok(Event::End(e)) if e.local_name().as_ref() == "t" => in_text = false,
            Ok(Event::End(e)) if e.local_name().as_ref() == "p" => text.push(' '),
            Ok(Event::Text(t)) if in_text => text.push_str(&t.xml10_content()),
            Ok(_) => {}
        }
    }
    text.split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The heading level of each paragraph style that has one: by its outline level, or by a
/// name such as "heading 2" or "Title".
fn heading_styles(xml: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    let mut style = String::new();
    each_element(xml, |name, e| match name {
        "style" => style = attr(e, "styleId").unwrap_or_default(),
        "name" => {
            let name = attr(e, "val").unwrap_or_default().to_lowercase();
            if let Some(n) = name.strip_prefix("heading ").and_then(|n| n.parse().ok()) {
                out.insert(style.clone(), n);
            } else if name == "title" {
                out.insert(style.clone(), 1);
            }
        }
        "outlineLvl" => {
            if let Some(n) = attr(e, "val").and_then(|v| v.parse::<usize>().ok()) {
                out.insert(style.clone(), n + 1);
            }
        }
        _ => {}
    });
    out
}

/// Calls `each` with the local name of every element of `xml` that opens (or is empty),
/// in document order; a broken part stops the walk where it breaks.
fn each_element(xml: &str, mut each: impl FnMut(&str, &BytesStart)) {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e) | Event::Empty(e)) => each(&local(&e), &e),
            Ok(_) => {}
        }
    }
}

/// The local name of an element (`w:p` -> `p`).
fn local(e: &BytesStart) -> String {
    e.local_name().as_ref().to_string()
}

/// An attribute by its local name (`w:val` -> `val`).
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

/// Whether an on/off property (`<w:b/>`, `<w:b w:val="0"/>`) is on.
fn on(e: &BytesStart) -> bool {
    !matches!(
        attr(e, "val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// Formatting of a piece of text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Format {
    bold: bool,
    italic: bool,
    strike: bool,
    sup: bool,
    sub: bool,
}

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text(Format, String),
    /// Already Markdown: a footnote reference, a line break.
    Raw(String),
    LinkStart(String),
    LinkEnd,
}

/// Elements whose content is left out whole, and what they are called then.
fn left_out_element(name: &str) -> Option<&'static str> {
    Some(match name {
        "drawing" | "pict" => "an image or chart",
        "object" => "an embedded object",
        "txbxContent" => "a text box",
        "oMath" | "oMathPara" => "an equation",
        _ => return None,
    })
}

/// Converts the paragraphs of one part.
struct Converter<'a> {
    context: &'a Context<'a>,
    out: String,
    /// Paragraphs met, from 1.
    paragraph: usize,
    tables: usize,
    list_items: usize,
    left_out: Vec<LeftOut>,
    /// Each paragraph's number, direction and first words (see [`Imported::directions`]).
    directions: Vec<(usize, bool, String)>,
    tracked: bool,
    /// Footnote labels referenced ("f3").
    referenced: Vec<String>,
    /// In notes parts: the element of a note, and the notes by id.
    note_tag: Option<&'static str>,
    notes: Vec<(String, String)>,
    // The paragraph being read.
    pieces: Vec<Piece>,
    format: Format,
    style: Option<String>,
    outline: Option<usize>,
    list: Option<(String, u8)>,
    right_to_left: bool,
    /// Depth inside an element whose content is left out, and inside a deletion.
    skipping: usize,
    deleted: usize,
    /// Inside a field's code (between its begin and separate marks).
    in_field_code: bool,
    in_run_properties: bool,
    in_paragraph_properties: bool,
    /// Inside `<w:t>`: the document's own text.
    in_text: bool,
    /// Open tables: rows of cells of Markdown; the cell being read.
    table: Vec<Vec<Vec<String>>>,
    cell: Option<String>,
    merged: bool,
    /// Numbers reached by each list and level.
    counters: HashMap<(String, u8), u64>,
    /// Markers of the open list levels (their widths make the indentation).
    markers: Vec<usize>,
}

impl<'a> Converter<'a> {
    fn new(context: &'a Context<'a>) -> Self {
        Converter {
            context,
            out: String::new(),
            paragraph: 0,
            tables: 0,
            list_items: 0,
            left_out: Vec::new(),
            directions: Vec::new(),
            tracked: false,
            referenced: Vec::new(),
            note_tag: None,
            notes: Vec::new(),
            pieces: Vec::new(),
            format: Format::default(),
            style: None,
            outline: None,
            list: None,
            right_to_left: false,
            skipping: 0,
            deleted: 0,
            in_field_code: false,
            in_run_properties: false,
            in_paragraph_properties: false,
            in_text: false,
            table: Vec::new(),
            cell: None,
            merged: false,
            counters: HashMap::new(),
            markers: Vec::new(),
        }
    }

    /// The first words of the paragraph read so far.
    fn context(&self) -> String {
        self.plain()
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn leave_out(&mut self, what: &str) {
        let context = self.context();
        self.left_out.push(LeftOut {
            paragraph: self.paragraph + 1,
            what: what.to_string(),
            context,
        });
    }

    /// The text of the paragraph read so far.
    fn plain(&self) -> String {
        self.pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Text(_, t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    fn run(&mut self, xml: &str) -> Result<(), String> {
        let mut reader = Reader::from_str(xml);
        let mut note: Option<String> = None;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| format!("the document's XML is broken: {e}"))?;
            match event {
                Event::Eof => break,
                Event::Start(e) => {
                    let name = local(&e);
                    if self.skipping > 0 {
                        self.skipping += 1;
                        continue;
                    }
                    if let Some(what) = left_out_element(&name) {
                        self.leave_out(what);
                        self.skipping = 1;
                        continue;
                    }
                    if Some(name.as_str()) == self.note_tag {
                        let kind = attr(&e, "type").unwrap_or_default();
                        note = (kind.is_empty() || kind == "normal")
                            .then(|| attr(&e, "id").unwrap_or_default());
                        self.out.clear();
                        continue;
                    }
                    self.start(&name, &e, false);
                }
                Event::Empty(e) => {
                    if self.skipping > 0 {
                        continue;
                    }
                    let name = local(&e);
                    if let Some(what) = left_out_element(&name) {
                        self.leave_out(what);
                        continue;
                    }
                    self.start(&name, &e, true);
                }
                Event::End(e) => {
                    let name = e.local_name().as_ref().to_string();
                    if self.skipping > 0 {
                        self.skipping -= 1;
                        continue;
                    }
                    if Some(name.as_str()) == self.note_tag {
                        if let Some(id) = note.take() {
                            let text = self.out.trim().replace("\n\n", "\n\n    ");
                            self.notes.push((id, text));
                        }
                        self.out.clear();
                        continue;
                    }
                    self.end(&name);
                }
                Event::Text(t) => {
                    let text = t.xml10_content().into_owned();
                    self.text(&text);
                }
                Event::GeneralRef(r) => {
                    let text = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                            .unwrap_or_default()
                            .to_string(),
                    };
                    self.text(&text);
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Text inside `<w:t>` only: other elements' text (field codes, deleted text) is not
    /// the document's.
    fn text(&mut self, text: &str) {
        if self.skipping > 0 || self.deleted > 0 || self.in_field_code || !self.in_text {
            return;
        }
        self.pieces.push(Piece::Text(self.format, text.to_string()));
    }
}

impl Converter<'_> {
    fn start(&mut self, name: &str, e: &BytesStart, empty: bool) {
        match name {
            "p" => {
                self.pieces.clear();
                self.style = None;
                self.outline = None;
                self.list = None;
                self.right_to_left = false;
            }
            "bidi" if self.in_paragraph_properties => self.right_to_left = on(e),
            "pPr" => self.in_paragraph_properties = !empty,
            "pStyle" if self.in_paragraph_properties => self.style = attr(e, "val"),
            "outlineLvl" if self.in_paragraph_properties => {
                self.outline = attr(e, "val")
                    .and_then(|v| v.parse::<usize>().ok())
                    .map(|n| n + 1);
            }
            "numId" if self.in_paragraph_properties => {
                let id = attr(e, "val").unwrap_or_default();
                let level = self.list.as_ref().map_or(0, |l| l.1);
                // numId 0 means "no list".
                self.list = (id != "0").then_some((id, level));
            }
            "ilvl" if self.in_paragraph_properties => {
                let level = attr(e, "val").and_then(|v| v.parse().ok()).unwrap_or(0);
                match &mut self.list {
                    Some(l) => l.1 = level,
                    None => self.list = Some((String::new(), level)),
                }
            }
            "r" => self.format = Format::default(),
            "rPr" => self.in_run_properties = !empty,
            "b" if self.in_run_properties => self.format.bold = on(e),
            "i" if self.in_run_properties => self.format.italic = on(e),
            "strike" | "dstrike" if self.in_run_properties => self.format.strike = on(e),
            "vertAlign" if self.in_run_properties => {
                let val = attr(e, "val").unwrap_or_default();
                self.format.sup = val == "superscript";
                self.format.sub = val == "subscript";
            }
            "t" => self.in_text = !empty,
            "tab" if !self.in_paragraph_properties => {
                self.pieces.push(Piece::Text(self.format, " ".into()));
            }
            "br" | "cr" if attr(e, "type").is_none_or(|t| t == "textWrapping") => {
                self.pieces.push(Piece::Raw("\\\n".into()));
            }
            "noBreakHyphen" => self
                .pieces
                .push(Piece::Text(self.format, "\u{2011}".into())),
            "fldChar" => match attr(e, "fldCharType").as_deref() {
                Some("begin") => self.in_field_code = true,
                Some("separate" | "end") => self.in_field_code = false,
                _ => {}
            },
            "del" => {
                self.tracked = true;
                if !empty {
                    self.deleted += 1;
                }
            }
            "ins" => self.tracked = true,
            "hyperlink" if !empty => {
                let target = attr(e, "id")
                    .and_then(|id| self.context.links.get(&id).cloned())
                    .or_else(|| attr(e, "anchor").map(|a| format!("#{a}")));
                match target {
                    Some(url) if crate::markdown::is_safe_url(&url) => {
                        self.pieces.push(Piece::LinkStart(url));
                    }
                    _ => self.pieces.push(Piece::LinkStart(String::new())),
                }
            }
            "footnoteReference" | "endnoteReference" => {
                let prefix = if name == "footnoteReference" {
                    "f"
                } else {
                    "e"
                };
                let label = format!("{prefix}{}", attr(e, "id").unwrap_or_default());
                self.pieces.push(Piece::Raw(format!("[^{label}]")));
                self.referenced.push(label);
            }
            "commentReference" => self.leave_out("a comment"),
            "tbl" => {
                if !self.table.is_empty() || self.cell.is_some() {
                    self.leave_out("a table inside a table (its text is kept in the cell)");
                }
                self.flush_paragraph_if_any();
                self.table.push(Vec::new());
            }
            "tr" => {
                if let Some(t) = self.table.last_mut() {
                    t.push(Vec::new());
                }
            }
            "tc" if self.table.len() == 1 => self.cell = Some(String::new()),
            "gridSpan"
                if attr(e, "val")
                    .and_then(|v| v.parse::<usize>().ok())
                    .is_some_and(|n| n > 1) =>
            {
                self.merged = true;
            }
            "vMerge" => self.merged = true,
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "p" => self.end_paragraph(),
            "pPr" => self.in_paragraph_properties = false,
            "rPr" => self.in_run_properties = false,
            "t" => self.in_text = false,
            "del" => self.deleted = self.deleted.saturating_sub(1),
            "hyperlink" => self.pieces.push(Piece::LinkEnd),
            "tc" => {
                if let (Some(cell), Some(row)) = (
                    self.cell.take(),
                    self.table.last_mut().and_then(|t| t.last_mut()),
                ) {
                    row.push(cell.trim().to_string());
                }
            }
            "tbl" => {
                let Some(rows) = self.table.pop() else { return };
                if !self.table.is_empty() {
                    return;
                }
                self.write_table(rows);
            }
            _ => {}
        }
    }

    fn flush_paragraph_if_any(&mut self) {
        if !self.pieces.is_empty() {
            self.end_paragraph();
        }
    }

    /// Ends a paragraph: a heading, a list item, a table cell's text or a paragraph.
    fn end_paragraph(&mut self) {
        let context = self.context();
        let text = render(&std::mem::take(&mut self.pieces));
        let text = block_safe(text.trim());
        let text = text.as_str();
        if text.is_empty() {
            return;
        }
        self.paragraph += 1;
        self.directions
            .push((self.paragraph, self.right_to_left, context));
        if let Some(cell) = &mut self.cell {
            if !cell.is_empty() {
                cell.push(' ');
            }
            // Its `|` are escaped already, as every text's.
            cell.push_str(&text.replace("\\\n", " "));
            return;
        }
        let heading = self.outline.or_else(|| {
            self.style
                .as_ref()
                .and_then(|s| self.context.headings.get(s).copied())
        });
        if let Some(level) = heading.filter(|l| *l <= 6) {
            self.markers.clear();
            let _ = write!(self.out, "{} {text}\n\n", "#".repeat(level + 1));
            return;
        }
        if let Some((id, level)) = self.list.clone() {
            self.list_items += 1;
            let level = usize::from(level);
            self.markers.truncate(level + 1);
            while self.markers.len() <= level {
                self.markers.push(2);
            }
            let (bullet, start) = self
                .context
                .numbering
                .levels
                .get(&(id.clone(), level as u8))
                .copied()
                .unwrap_or((true, 1));
            // A deeper level restarts; this level goes on.
            self.counters
                .retain(|(i, l), _| *i != id || usize::from(*l) <= level);
            let marker = if bullet {
                "-".to_string()
            } else {
                let n = self.counters.entry((id, level as u8)).or_insert(start - 1);
                *n += 1;
                format!("{n}.")
            };
            let indent: usize = self.markers[..level].iter().sum();
            self.markers[level] = marker.len() + 1;
            let body = text.replace(
                '\n',
                &format!("\n{}", " ".repeat(indent + marker.len() + 1)),
            );
            let _ = writeln!(self.out, "{}{marker} {body}", " ".repeat(indent));
            return;
        }
        if !self.markers.is_empty() {
            self.markers.clear();
            self.out.push('\n');
        }
        let _ = write!(self.out, "{text}\n\n");
    }

    fn write_table(&mut self, rows: Vec<Vec<String>>) {
        if !self.markers.is_empty() {
            self.markers.clear();
            self.out.push('\n');
        }
        let rows: Vec<Vec<String>> = rows.into_iter().filter(|r| !r.is_empty()).collect();
        let Some(columns) = rows.iter().map(Vec::len).max() else {
            return;
        };
        self.tables += 1;
        if std::mem::take(&mut self.merged) {
            // At the table's last cell.
            self.left_out.push(LeftOut {
                paragraph: self.paragraph,
                what: "a merged table cell (the table is made plain)".into(),
                context: String::new(),
            });
        }
        for (i, row) in rows.iter().enumerate() {
            let mut cells = row.clone();
            cells.resize(columns, String::new());
            let _ = writeln!(self.out, "| {} |", cells.join(" | "));
            if i == 0 {
                let _ = writeln!(self.out, "|{}", "---|".repeat(columns));
            }
        }
        self.out.push('\n');
    }
}

/// A paragraph's pieces as Markdown: text escaped, formatting merged across runs.
fn render(pieces: &[Piece]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < pieces.len() {
        match &pieces[i] {
            Piece::Text(format, _) => {
                let mut text = String::new();
                while let Some(Piece::Text(f, t)) = pieces.get(i) {
                    if f != format {
                        break;
                    }
                    text.push_str(t);
                    i += 1;
                }
                out.push_str(&formatted(*format, &escape(&text)));
                continue;
            }
            Piece::Raw(raw) => out.push_str(raw),
            Piece::LinkStart(url) => {
                let end = pieces[i..]
                    .iter()
                    .position(|p| *p == Piece::LinkEnd)
                    .map_or(pieces.len(), |n| i + n);
                let inner = render(&pieces[i + 1..end]);
                if url.is_empty() {
                    out.push_str(&inner);
                } else {
                    let _ = write!(out, "[{inner}](<{}>)", url.replace(['<', '>'], ""));
                }
                i = end + 1;
                continue;
            }
            Piece::LinkEnd => {}
        }
        i += 1;
    }
    out
}

/// `text` (escaped) with its formatting, the spaces at its ends kept outside the marks
/// (`** bold**` is not bold in Markdown).
fn formatted(f: Format, text: &str) -> String {
    let core = text.trim();
    if core.is_empty() || f == Format::default() {
        return text.to_string();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    let mut core = core.to_string();
    if f.sup {
        core = format!("<sup>{core}</sup>");
    } else if f.sub {
        core = format!("<sub>{core}</sub>");
    }
    if f.strike {
        core = format!("~~{core}~~");
    }
    if f.italic {
        core = format!("*{core}*");
    }
    if f.bold {
        core = format!("**{core}**");
    }
    format!("{lead}{core}{trail}")
}

/// A paragraph's text that cannot start another block: "1986. The law" is not a list item,
/// "- x" not a bullet, "+ x" neither, "=" or "-" alone not a heading's underline.
fn block_safe(text: &str) -> String {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 9 {
        let rest = &text[digits..];
        if let Some(after) = rest.strip_prefix(['.', ')'])
            && (after.is_empty() || after.starts_with(' '))
        {
            return format!("{}\\{}", &text[..digits], rest);
        }
    }
    if text.starts_with(['-', '+', '=']) {
        return format!("\\{text}");
    }
    text.to_string()
}

/// Text with every character that means something in Markdown escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '>' | '#' | '|' | '~' | '!' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

    /// A .docx of `body` (the inside of `<w:body>`) and the other parts given.
    fn docx_of(body: &str, parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        let document =
            format!("<?xml version=\"1.0\"?><w:document {W}><w:body>{body}</w:body></w:document>");
        for (name, text) in [("word/document.xml", document.as_str())]
            .into_iter()
            .chain(parts.iter().copied())
        {
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn p(inner: &str) -> String {
        format!("<w:p>{inner}</w:p>")
    }

    fn r(props: &str, text: &str) -> String {
        format!("<w:r><w:rPr>{props}</w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
    }

    #[test]
    fn paragraphs_headings_formatting_links_and_breaks() {
        let rels = "<Relationships><Relationship Id=\"rId9\" Type=\"http://x/hyperlink\" Target=\"https://un.org/a_b\" TargetMode=\"External\"/></Relationships>";
        let body = [
            p("<w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Legal framework</w:t></w:r>"),
            p(&format!(
                "{}{}{}{}",
                r("<w:b/>", "Bold "),
                r("<w:i/>", "italic"),
                r("", " and *stars* &amp; 1 &lt; 2"),
                r("<w:strike/>", " struck")
            )),
            p("<w:r><w:t>Line one</w:t><w:br/><w:t>line two</w:t></w:r>"),
            p("<w:hyperlink r:id=\"rId9\"><w:r><w:t>the site</w:t></w:r></w:hyperlink>"),
            p("<w:r><w:t>1986. A year, not a list.</w:t></w:r>"),
            p("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"),
        ]
        .concat();
        let styles = "<w:styles><w:style w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style></w:styles>";
        let doc = docx(&docx_of(
            &body,
            &[
                ("word/_rels/document.xml.rels", rels),
                ("word/styles.xml", styles),
            ],
        ))
        .unwrap();
        assert_eq!(
            doc.markdown,
            "## Legal framework\n\n**Bold** *italic* and \\*stars\\* \\& 1 \\< 2 ~~struck~~\n\n\
             Line one\\\nline two\n\n[the site](<https://un.org/a_b>)\n\n1986\\. A year, not a list.\n\n7\n"
        );
        assert_eq!(doc.paragraphs, 6);
        assert!(doc.left_out.is_empty(), "{:?}", doc.left_out);
        // What it says, read back, is the same text.
        let text = crate::markdown::parse(&doc.markdown);
        assert_eq!(text.blocks.len(), 6);
    }

    #[test]
    fn raised_and_lowered_text_is_kept() {
        let body = [
            p(&format!(
                "{}{}{}",
                r("", "Le 1"),
                r("<w:vertAlign w:val=\"superscript\"/>", "er juillet"),
                r("", " 2^10 ~ x")
            )),
            p(&format!(
                "{}{}{}",
                r("", "CO"),
                r("<w:vertAlign w:val=\"subscript\"/>", "2"),
                r("", " émis")
            )),
        ]
        .concat();
        let doc = docx(&docx_of(&body, &[])).unwrap();
        assert_eq!(
            doc.markdown,
            "Le 1<sup>er juillet</sup> 2^10 \\~ x\n\nCO<sub>2</sub> émis\n"
        );
        assert!(doc.left_out.is_empty(), "{:?}", doc.left_out);
        use crate::markdown::{Block, Inline};
        let parsed = crate::markdown::parse(&doc.markdown);
        let Block::Paragraph(first) = &parsed.blocks[0] else {
            panic!("{:?}", parsed.blocks)
        };
        assert!(
            first.contains(&Inline::Sup(vec![Inline::Text("er juillet".into())])),
            "{first:?}"
        );
        let mut plain = String::new();
        crate::markdown::plain_text(first, &mut plain);
        assert_eq!(plain, "Le 1er juillet 2^10 ~ x");
        let Block::Paragraph(second) = &parsed.blocks[1] else {
            panic!("{:?}", parsed.blocks)
        };
        assert!(
            second.contains(&Inline::Sub(vec![Inline::Text("2".into())])),
            "{second:?}"
        );
    }

    #[test]
    fn a_paragraph_against_the_reply_direction_is_said() {
        let rtl = |t: &str| {
            p(&format!(
                "<w:pPr><w:bidi/></w:pPr><w:r><w:t>{t}</w:t></w:r>"
            ))
        };
        let ltr = |t: &str| p(&format!("<w:r><w:t>{t}</w:t></w:r>"));
        let said = |doc: &Imported, rtl: bool| -> Vec<String> {
            doc.directions_left_out(rtl)
                .iter()
                .map(ToString::to_string)
                .collect()
        };
        // An English reply quoting a line of Arabic.
        let doc = docx(&docx_of(
            &[
                ltr("The law reads:"),
                rtl("يعاقب القانون على الجرائم"),
                ltr("End."),
            ]
            .concat(),
            &[],
        ))
        .unwrap();
        assert_eq!(
            said(&doc, false),
            [
                "paragraph 2: the right-to-left direction of this paragraph (the reply is left to \
              right) not imported (\"يعاقب القانون على الجرائم\")"
            ]
        );
        // An Arabic document with its paragraphs marked, and one left to right.
        let doc = docx(&docx_of(
            &[rtl("الفقرة الأولى"), ltr("Law No. 5"), rtl("الفقرة الثالثة")].concat(),
            &[],
        ))
        .unwrap();
        assert_eq!(
            said(&doc, true),
            [
                "paragraph 2: the left-to-right direction of this paragraph (the reply is right \
              to left) not imported (\"Law No. 5\")"
            ]
        );
        assert_eq!(said(&doc, false).len(), 2);
        // Made without marks: nothing to say either way of an Arabic reply.
        let doc = docx(&docx_of(&[ltr("الفقرة"), ltr("Law No. 5")].concat(), &[])).unwrap();
        assert!(said(&doc, true).is_empty());
    }

    #[test]
    fn page_headers_and_footers_are_said_with_their_words() {
        let rels = "<Relationships>\
            <Relationship Id=\"rId1\" Type=\"http://x/header\" Target=\"header1.xml\"/>\
            <Relationship Id=\"rId2\" Type=\"http://x/header\" Target=\"header2.xml\"/>\
            <Relationship Id=\"rId3\" Type=\"http://x/footer\" Target=\"footer1.xml\"/>\
            </Relationships>";
        let part = |t: &str| format!("<w:hdr {W}>{}</w:hdr>", p(&r("", t)));
        let doc = docx(&docx_of(
            &p(&r("", "Text.")),
            &[
                ("word/_rels/document.xml.rels", rels),
                (
                    "word/header1.xml",
                    &part("Permanent Mission of Ruritania to the United Nations, Geneva"),
                ),
                ("word/header2.xml", &format!("<w:hdr {W}/>")),
                ("word/footer1.xml", &part("Page")),
            ],
        ))
        .unwrap();
        let said: Vec<String> = doc.left_out.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "a page header (\"Permanent Mission of Ruritania to the\") not imported",
                "a page footer (\"Page\") not imported",
            ]
        );
    }

    #[test]
    fn lists_keep_their_nesting_kind_and_start() {
        let numbering = "<w:numbering><w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"3\"/><w:numFmt w:val=\"decimal\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum><w:num w:numId=\"5\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
        let item = |level: u8, text: &str| {
            p(&format!(
                "<w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r>"
            ))
        };
        let body = [
            item(0, "third"),
            item(1, "a point"),
            item(1, "another"),
            item(0, "fourth"),
            p("<w:r><w:t>After.</w:t></w:r>"),
        ]
        .concat();
        let doc = docx(&docx_of(&body, &[("word/numbering.xml", numbering)])).unwrap();
        assert_eq!(
            doc.markdown,
            "3. third\n   - a point\n   - another\n4. fourth\n\nAfter.\n"
        );
        assert_eq!(doc.list_items, 4);
        let parsed = crate::markdown::parse(&doc.markdown);
        assert!(
            matches!(&parsed.blocks[0], crate::markdown::Block::List { start: Some(3), items } if items.len() == 2)
        );
    }

    #[test]
    fn tables_footnotes_and_what_is_left_out() {
        let cell = |t: &str| format!("<w:tc>{}</w:tc>", p(&format!("<w:r><w:t>{t}</w:t></w:r>")));
        let merged = format!(
            "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>{}</w:tc>",
            p("<w:r><w:t>both</w:t></w:r>")
        );
        let table = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr>{merged}</w:tr></w:tbl>",
            cell("Law"),
            cell("Year"),
            cell("a|b"),
            cell("2012")
        );
        let body = [
            p("<w:r><w:t>See the note</w:t></w:r><w:r><w:footnoteReference w:id=\"2\"/></w:r><w:r><w:t>.</w:t></w:r>"),
            table,
            p("<w:r><w:t>A picture follows</w:t></w:r><w:r><w:drawing><wp:inline><w:t>hidden</w:t></wp:inline></w:drawing></w:r>"),
            p("<w:ins><w:r><w:t>Kept insertion</w:t></w:r></w:ins><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>"),
            p("<w:r><w:t>Commented</w:t></w:r><w:r><w:commentReference w:id=\"0\"/></w:r>"),
        ]
        .concat();
        let footnotes = format!(
            "<w:footnotes {W}><w:footnote w:type=\"separator\" w:id=\"-1\">{}</w:footnote><w:footnote w:id=\"2\">{}</w:footnote></w:footnotes>",
            p("<w:r><w:t>sep</w:t></w:r>"),
            p("<w:r><w:t>Law No. 1 of 2012.</w:t></w:r>")
        );
        let doc = docx(&docx_of(&body, &[("word/footnotes.xml", &footnotes)])).unwrap();
        assert_eq!(
            doc.markdown,
            "See the note[^f2].\n\n| Law | Year |\n|---|---|\n| a\\|b | 2012 |\n| both |  |\n\n\
             A picture follows\n\nKept insertion\n\nCommented\n\n[^f2]: Law No. 1 of 2012.\n"
        );
        assert_eq!((doc.tables, doc.footnotes), (1, 1));
        let said: Vec<String> = doc.left_out.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "paragraph 6: a merged table cell (the table is made plain) not imported",
                "paragraph 7: an image or chart not imported (\"A picture follows\")",
                "paragraph 9: a comment not imported (\"Commented\")",
                "the document had tracked changes: insertions were accepted and deletions not imported",
            ]
        );
        // Every footnote the text refers to is defined, and nothing else is lost.
        assert!(
            crate::markdown::losses(&doc.markdown).is_empty(),
            "{:?}",
            crate::markdown::losses(&doc.markdown)
        );
    }

    #[test]
    fn what_is_not_a_word_document_is_refused() {
        assert!(
            docx(b"plain text")
                .unwrap_err()
                .contains("not a Word document")
        );
        let empty = {
            let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            zip.start_file("x.txt", zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.finish().unwrap().into_inner()
        };
        assert!(docx(&empty).unwrap_err().contains("no word/document.xml"));
    }
}
