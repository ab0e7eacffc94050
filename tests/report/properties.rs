//! Property-based tests (proptest): generated replies, front matter and Markdown, from
//! fragments chosen to break things (Markdown, Typst, HTML and template syntax, scripts
//! and controls, other scripts, deep nesting), checked for what must hold for any input:
//! - nothing panics, whatever the front matter or the bytes of a file;
//! - the Typst of a reply's Markdown holds its text only in string literals and calls
//!   only the writer's functions: reply text never becomes Typst markup or code;
//! - its HTML holds only the writer's elements and attributes, links only to the web;
//! - a root the checks accept always builds: the generated Typst compiles and exports as
//!   PDF/UA-1 and PDF/A-2a.

use std::fmt::Write as _;

use proptest::prelude::*;
use typst::syntax::{SyntaxKind, SyntaxNode};

use report::markdown;
use report::pipeline::{BuildOptions, Builder};
use report::render::html::markup as html;
use report::render::typst::markup as typ;

/// Pieces of text that mean something to one of the languages involved.
const FRAGMENTS: &[&str] = &[
    "word",
    "mot ",
    " ",
    "\n",
    "\n\n",
    "  \n",
    "\t",
    "*",
    "**",
    "_",
    "__",
    "~~",
    "`",
    "```\n",
    "~~~\n",
    "    code\n",
    "# ",
    "### ",
    "> ",
    ">> ",
    "- ",
    "* ",
    "1. ",
    "3) ",
    "[",
    "]",
    "(",
    ")",
    "[x](https://un.org)",
    "[y](javascript:alert(1))",
    "<https://un.org/a_b>",
    "![alt](x.png)",
    "[^1]",
    "[^1]: ",
    "[^n]",
    "\n[^n]: note\n",
    "| a | b |\n|---|:-:|\n",
    "| 1 |\n",
    "|",
    "---\n",
    "***\n",
    "<b>",
    "</b>",
    "<sup>",
    "</sup>",
    "<sub>x</sub>",
    "<sup onclick=x>",
    "<script>alert(1)</script>",
    "<div onclick=x>",
    "$",
    "$x^2$",
    "$$",
    "{{ 7*7 }}",
    "{% if x %}",
    "{#",
    "#set text(red)",
    "#read(\"/etc/passwd\")",
    "#import \"@preview/x:0.1.0\"",
    "#let x = 1",
    "\\",
    "\"",
    "'",
    "@ref",
    "<label>",
    "= ",
    "//",
    "/*",
    "*/",
    "&amp;",
    "&#35;",
    "&lt;",
    "слово ",
    "كلمة ",
    "词语",
    "e\u{301}",
    "\u{202e}",
    "\u{2066}",
    "\u{200b}",
    "\u{1b}[2J",
    "\u{0}",
    "\u{feff}",
    "\u{e000}",
    "🙂",
    "https://example.org/very/long/path/with/many/segments/and/more",
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
];

fn markdown_text() -> impl Strategy<Value = String> {
    let fragments = prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80)
        .prop_map(|parts| parts.concat());
    prop_oneof![
        4 => fragments,
        1 => any::<String>(),
        1 => (prop::sample::select(&["> ", "- ", "  - ", "*", "[", "1. "][..]), 1usize..200)
            .prop_map(|(s, n)| format!("{}deep", s.repeat(n))),
        1 => (1usize..130, 1usize..80).prop_map(|(lines, width)| {
            format!("```\n{}```\n\n{}", format!("{}\n", "c".repeat(width)).repeat(lines), "w".repeat(width * 3))
        }),
    ]
}

/// The names the Typst writer uses: the functions it calls (and the template's `runin`),
/// their named arguments and the values it gives them.
const TYPST_NAMES: &[&str] = &[
    "metadata",
    "lang",
    "emph",
    "strong",
    "strike",
    "link",
    "footnote",
    "numbering",
    "raw",
    "list",
    "enum",
    "table",
    "header",
    "cell",
    "quote",
    "line",
    "linebreak",
    "runin",
    "block",
    "width",
    "spacing",
    "start",
    "columns",
    "align",
    "colspan",
    "length",
    "stroke",
    "left",
    "center",
    "right",
    // table.header(repeat: false, ...): a header holding a link is not repeated.
    "repeat",
    // Raised and lowered text (`<sup>`, `<sub>` in a reply).
    "super",
    "sub",
];

/// Syntax that may appear in the writer's output; anything else (markup headings, lists,
/// emphasis, raw, math, references, text outside strings...) would be reply text read as
/// Typst.
fn allowed(kind: SyntaxKind) -> bool {
    use SyntaxKind::*;
    matches!(
        kind,
        Markup
            | Space
            | Parbreak
            | Hash
            | FuncCall
            | FieldAccess
            | Dot
            | Ident
            | Args
            | Named
            | Colon
            | Comma
            | Semicolon
            | Str
            | Int
            | Bool
            | Numeric
            | ContentBlock
            | LeftBracket
            | RightBracket
            | LeftParen
            | RightParen
            | Array
            | Dict
            | Label
            | SetRule
            | Set
    )
}

fn check_typst_tree(node: &SyntaxNode, source: &str) -> Result<(), String> {
    // A footnote's number, as the writer prints it: `(..) => "12"`, and nothing else.
    if node.kind() == SyntaxKind::Closure {
        let text = text_of(node);
        let number = text
            .strip_prefix("(..) => \"")
            .and_then(|rest| rest.strip_suffix('"'));
        return match number {
            Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => Ok(()),
            _ => Err(format!("closure {text:?} in {source}")),
        };
    }
    if !allowed(node.kind()) {
        return Err(format!(
            "{:?} {:?} in {source}",
            node.kind(),
            node.leaf_text()
        ));
    }
    if node.kind() == SyntaxKind::Ident && !TYPST_NAMES.contains(&node.leaf_text().as_str()) {
        return Err(format!("call of {:?} in {source}", node.leaf_text()));
    }
    node.children()
        .try_for_each(|child| check_typst_tree(child, source))
}

/// The source text of a syntax node.
fn text_of(node: &SyntaxNode) -> String {
    match node.children().len() {
        0 => node.leaf_text().to_string(),
        _ => node.children().map(text_of).collect(),
    }
}

/// Tags and attributes the HTML writer writes.
const HTML_TAGS: &[&str] = &[
    "p",
    "wbr",
    "strong",
    "em",
    "s",
    "code",
    "pre",
    "a",
    "sup",
    "sub",
    "ul",
    "ol",
    "li",
    "blockquote",
    "div",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "br",
];
const HTML_ATTRIBUTES: &[&str] = &[
    "class",
    "href",
    "id",
    "aria-label",
    "scope",
    "start",
    "tabindex",
];

fn check_html(out: &str) -> Result<(), String> {
    let mut rest = out;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').ok_or("a < without >")?;
        let tag = &rest[..end];
        let tag = tag.trim_start_matches('/');
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !HTML_TAGS.contains(&name.as_str()) {
            return Err(format!("<{tag}> in {out}"));
        }
        // Attributes: name="value" pairs; values are escaped, so a '"' ends them.
        let mut attrs = &tag[name.len()..];
        while let Some(eq) = attrs.find("=\"") {
            let attr = attrs[..eq].trim();
            if !HTML_ATTRIBUTES.contains(&attr) {
                return Err(format!("attribute {attr} in {out}"));
            }
            let value_end = attrs[eq + 2..].find('"').ok_or("unclosed attribute")?;
            let value = &attrs[eq + 2..eq + 2 + value_end];
            if attr == "href"
                && !["http://", "https://", "mailto:", "#"]
                    .iter()
                    .any(|p| value.to_ascii_lowercase().starts_with(p))
            {
                return Err(format!("href={value} in {out}"));
            }
            attrs = &attrs[eq + 2 + value_end + 1..];
        }
        rest = &rest[end + 1..];
    }
    if out.contains(['\u{202e}', '\u{1b}', '\u{0}']) {
        return Err(format!("a control character in {out}"));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn reply_text_never_becomes_typst_or_html(text in markdown_text()) {
        let doc = markdown::parse(&text);
        // With the text's language, which its footnotes carry.
        let markup = typ::doc(&doc, "p-", Some("en"), &mut 0);
        let tree = typst::syntax::parse(&markup);
        prop_assert!(tree.errors_and_warnings().0.is_empty(), "syntax errors in {markup}");
        check_typst_tree(&tree, &markup).map_err(TestCaseError::fail)?;
        let labels = html::Labels { footnote: &|n| format!("Footnote {n}"), back: "Back".into() };
        check_html(&html::doc(&doc, "p-", &labels)).map_err(TestCaseError::fail)?;
    }
}

/// A TOML string literal for `text`, whatever it holds.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// A reply the checks should accept: a State, a date and a language, challenges of the
/// shipped categories, and hostile text everywhere text is allowed.
fn valid_reply() -> impl Strategy<Value = String> {
    let state = prop::sample::select(
        &[
            "Chile",
            "CHL",
            "chile",
            "Chi\u{200b}le",
            "Türkiye",
            "Turkey",
            "State of Palestine",
        ][..],
    );
    let language = prop::sample::select(&["en", "es", "fr", "ar", "zh", "ru", "de"][..]);
    let category = prop::sample::select(
        &[
            "legal-framework",
            "jurisdiction",
            "international-cooperation",
            "capacity-building",
        ][..],
    );
    let challenge = (
        prop::collection::vec(markdown_text(), 1..4),
        markdown_text(),
    );
    (
        state,
        language,
        prop::option::of(markdown_text()),
        prop::collection::btree_map(category, challenge, 0..3),
        markdown_text(),
    )
        .prop_map(|(state, language, note, challenges, body)| {
            let note = note.map(|n| format!("note = {}\n", toml_string(&n))).unwrap_or_default();
            let challenges: String = challenges
                .into_iter()
                .map(|(category, (themes, summary))| {
                    let themes: Vec<String> = themes
                        .iter()
                        .map(|t| toml_string(&format!("t {t}")))
                        .collect();
                    format!(
                        "\n[[challenges]]\ncategory = \"{category}\"\nthemes = [{}]\nsummary = {}\n",
                        themes.join(", "),
                        toml_string(&format!("S {summary}"))
                    )
                })
                .collect();
            format!(
                "+++\nstate = \"{state}\"\nreceived = 2019-04-01\nlanguage = \"{language}\"\n{note}{challenges}+++\n\n{body}"
            )
        })
}

/// A reply file: front matter from pieces that are right, wrong or hostile, then a body.
/// A reply file: front matter from pieces that are right, wrong or hostile, then a body.
fn reply_file() -> impl Strategy<Value = String> {
    let value = prop::sample::select(
        &[
            "\"Chile\"",
            "\"CHL\"",
            "\"Chili\"",
            "\"Ch\u{200b}ile\"",
            "2019-04-01",
            "2019-13-45",
            "\"2019-04-01\"",
            "\"es\"",
            "\"xx\"",
            "\"draft\"",
            "\"final\"",
            "42",
            "[]",
            "[\"a\"]",
            "{ a = 1 }",
            "\"\u{202e}\"",
            "\"\"\"\n#set text(red)\n\"\"\"",
            "\"{{ 7*7 }}\"",
        ][..],
    );
    let key = prop::sample::select(
        &[
            "state",
            "received",
            "language",
            "reference",
            "status",
            "note",
            "stat",
            "extra",
        ][..],
    );
    let line = (key, value).prop_map(|(k, v)| format!("{k} = {v}\n"));
    let challenge = (
        prop::sample::select(&["legal-framework", "jurisdiction", "nope", ""][..]),
        prop::collection::vec(prop::sample::select(&["\"t\"", "\"T\"", "\"\u{301}\"", "\"\"", "1"][..]), 0..4),
        markdown_text(),
    )
        .prop_map(|(category, themes, summary)| {
            format!(
                "\n[[challenges]]\ncategory = \"{category}\"\nthemes = [{}]\nsummary = {summary:?}\n",
                themes.join(", ")
            )
        });
    (
        prop::collection::vec(line, 0..6),
        prop::collection::vec(challenge, 0..3),
        markdown_text(),
        any::<bool>(),
    )
        .prop_map(|(lines, challenges, body, valid_start)| {
            let head = if valid_start {
                "state = \"Chile\"\nreceived = 2019-04-01\n"
            } else {
                ""
            };
            format!(
                "+++\n{head}{}{}+++\n\n{body}",
                lines.concat(),
                challenges.concat()
            )
        })
}

/// Builds a root of the shipped book.toml and `replies` (file name, bytes) in process;
/// whether the checks accepted it, and whether the build wrote the output.
fn check_and_build(replies: &[(&str, &[u8])]) -> (bool, bool, String) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("root");
    std::fs::create_dir_all(root.join("submissions")).unwrap();
    std::fs::copy(
        crate::support::repo().join("book.toml"),
        root.join("book.toml"),
    )
    .unwrap();
    for (name, bytes) in replies {
        std::fs::write(root.join("submissions").join(name), bytes).unwrap();
    }
    let checked = report::pipeline::check(&root);
    let accepted = checked.model.is_some() && !checked.loaded.diagnostics.has_errors();
    let mut builder = Builder::new(
        root.clone(),
        BuildOptions {
            out: Some(tmp.path().join("out")),
            // One version: what the replies hold reaches every version alike (one test
            // still builds all six: the shipped root's).
            languages: vec!["en".into()],
            ..BuildOptions::default()
        },
    );
    let outcome = builder.build(&mut |_| {});
    let problems = outcome.sources.render_plain(&outcome.diagnostics);
    (accepted, outcome.written.is_some(), problems)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// A root the checks accept always builds: the generated Typst compiles and exports as
    /// PDF/UA-1 and PDF/A-2a, whatever text the replies hold.
    #[test]
    fn an_accepted_root_always_builds(chl in valid_reply(), arg in valid_reply()) {
        let arg = arg.replace("state = \"", "state = \"Argentina\" # ");
        let (accepted, built, problems) =
            check_and_build(&[("chl.md", chl.as_bytes()), ("arg.md", arg.as_bytes())]);
        prop_assert!(accepted, "the checks refused a valid reply:\n{problems}\n{chl}");
        prop_assert!(built, "accepted but not built:\n{problems}\n{chl}\n{arg}");
    }

    /// Whatever a reply file holds (broken front matter, any bytes): no panic, and a
    /// build that fails its checks writes nothing.
    #[test]
    fn no_reply_file_makes_it_panic(reply in reply_file(), raw in any::<Vec<u8>>()) {
        let (accepted, built, _) =
            check_and_build(&[("chl.md", reply.as_bytes()), ("arg.md", &raw)]);
        prop_assert!(accepted || !built);
    }
}

/// Lines that make a book.toml wrong, odd or hostile.
const BOOK_LINES: &[&str] = &[
    "date = 0000-01-01",
    "date = 9999-12-31",
    "session = 0",
    "session = 99999",
    "session = -3",
    "agenda-item = 0",
    "word-limit = 0",
    "word-limit = 18446744073709551615",
    "mandate = \"\"",
    "mandate = \"73/\"",
    "mandate = \"/187\"",
    "mandate = \"99999999999999999999/1\"",
    "mandate-date = 2030-01-01",
    "cutoff = 1900-01-01",
    "title = \"\"",
    "title = \"\u{202e}\u{200b}\"",
    "title = \"Rapport 报告 \u{e000}\"",
    "symbol = \"#read(\\\"/etc/passwd\\\")\"",
    "job-number = \"{{ 7*7 }}\"",
    "language = \"xx\"",
    "[[categories]]\nid = \"legal-framework\"\ntitle = \"Twice\"",
    "[[categories]]\nid = \"Not Kebab\"\ntitle = \"X\"",
    "[[categories]]\nid = \"empty-title\"\ntitle = \"\"",
    "[output.pdf]\nfile = \"data.json\"",
    "[output.html]\ndir = \"../up\"",
    "[output.pdf]\nfont-dirs = [\"/etc\", \"..\", \"submissions\"]",
    "[output.pdf]\npaper = \"a0\"",
    "[report]",
    "[book]",
    "unknown = 1",
    "\u{0}",
    "= =",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever book.toml holds (lines added to the shipped one, in any table, or replacing
    /// a line): no panic; and if the checks accept it, the build succeeds.
    #[test]
    fn no_book_toml_makes_it_panic(
        edits in prop::collection::vec((0usize..200, prop::sample::select(BOOK_LINES), any::<bool>()), 0..4),
        reply in valid_reply(),
    ) {
        let book = std::fs::read_to_string(crate::support::repo().join("book.toml")).unwrap();
        let mut lines: Vec<String> = book.lines().map(String::from).collect();
        for (at, line, replace) in edits {
            let at = at % (lines.len() + 1);
            if replace && at < lines.len() {
                lines[at] = line.to_string();
            } else {
                lines.insert(at, line.to_string());
            }
        }
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("root");
        std::fs::create_dir_all(root.join("submissions")).unwrap();
        std::fs::write(root.join("book.toml"), lines.join("\n")).unwrap();
        std::fs::write(root.join("submissions/chl.md"), &reply).unwrap();
        let checked = report::pipeline::check(&root);
        let accepted = checked.model.is_some() && !checked.loaded.diagnostics.has_errors();
        let mut builder = Builder::new(
            root.clone(),
            BuildOptions {
                out: Some(tmp.path().join("out")),
                languages: vec!["en".into()],
                ..BuildOptions::default()
            },
        );
        let outcome = builder.build(&mut |_| {});
        prop_assert!(
            !accepted || outcome.written.is_some(),
            "accepted but not built:\n{}\n{}",
            outcome.sources.render_plain(&outcome.diagnostics),
            lines.join("\n")
        );
    }
}

/// A State (an index into the registry) that replies: its original's language (an index
/// into [`SIX`]), its challenges (category, themes), how many footnotes it has, and the
/// languages it is translated into.
type GeneratedReply = (usize, usize, Vec<(usize, Vec<usize>)>, usize, Vec<usize>);

/// A generated report: categories, themes, States that reply (with footnotes and
/// translations), and the one version built.
#[derive(Debug, Clone)]
struct Generated {
    categories: usize,
    themes: usize,
    replies: Vec<GeneratedReply>,
    /// The language of the version built.
    version: usize,
}

const SIX: [&str; 6] = ["en", "fr", "es", "ru", "ar", "zh"];

fn generated() -> impl Strategy<Value = Generated> {
    (1usize..=40, 1usize..=12, 0usize..6).prop_flat_map(|(categories, themes, version)| {
        let challenge = (0..categories, prop::collection::vec(0..themes, 1..=3));
        let reply = (
            0usize..6,
            prop::collection::vec(challenge, 1..=4),
            0usize..=3,
            prop::collection::vec(0usize..6, 0..=3),
        );
        let states = report::registry::all().len();
        prop::collection::btree_map(0..states, reply, 1..=30).prop_map(move |replies| Generated {
            categories,
            themes,
            replies: replies
                .into_iter()
                .map(|(s, (lang, challenges, notes, into))| (s, lang, challenges, notes, into))
                .collect(),
            version,
        })
    })
}

/// A word no language hyphenates or changes, naming one text: "Qs12xk3", "Qc7xfr". (The
/// letter after the number keeps "Qb1x" from being found in "Qb12x".)
fn token(kind: char, n: usize, rest: &str) -> String {
    format!("Q{kind}{n}x{rest}")
}

impl Generated {
    /// Writes the root; returns the words the built version must print.
    fn write(&self, root: &std::path::Path) -> Vec<String> {
        let lang = SIX[self.version];
        let mut expected = Vec::new();
        let mut book = format!(
            "[book]\ntitle = \"Generated\"\nlanguage = \"en\"\nlanguages = [\"{lang}\"]\n\n\
             [report]\nsymbol = \"A/74/130\"\nsession = 74\ndate = 2019-07-30\n\
             mandate = \"73/187\"\ncutoff = 2019-05-31\n\n\
             [output.pdf]\nfile = \"report.pdf\"\n\n[output.html]\ndir = \"html\"\n"
        );
        let mut locale = "[categories]\n".to_string();
        for c in 0..self.categories {
            let _ = write!(
                book,
                "\n[[categories]]\nid = \"c{c}\"\ntitle = \"{}\"\n",
                token('c', c, "")
            );
            let _ = writeln!(locale, "c{c}.title = \"{}\"", token('c', c, lang));
            expected.push(token('c', c, if lang == "en" { "" } else { lang }));
        }
        locale.push_str("\n[themes]\n");
        let mut raised = std::collections::BTreeSet::new();
        for (_, _, challenges, _, _) in &self.replies {
            raised.extend(kept(challenges).iter().flat_map(|(_, t)| t.iter().copied()));
        }
        for t in 0..self.themes {
            let _ = writeln!(
                locale,
                "\"{}\" = \"{}\"",
                token('t', t, ""),
                token('t', t, lang)
            );
            if raised.contains(&t) {
                expected.push(token('t', t, if lang == "en" { "" } else { lang }));
            }
        }
        std::fs::create_dir_all(root.join("submissions")).unwrap();
        std::fs::write(root.join("book.toml"), book).unwrap();
        if lang != "en" {
            std::fs::create_dir_all(root.join("locales")).unwrap();
            std::fs::write(root.join("locales").join(format!("{lang}.toml")), locale).unwrap();
        }
        let states = report::registry::all();
        for (s, original, challenges, notes, into) in &self.replies {
            let original = SIX[*original];
            let state = &states[*s];
            let file = state.iso3.to_lowercase();
            let challenges = kept(challenges);
            // The text in `lang` if translated into it, else the original's.
            let translated = into.iter().any(|l| SIX[*l] == lang) && original != lang;
            let suffix = |n: String| if translated { format!("{n}{lang}") } else { n };
            let (front, body) = texts(*s, &challenges, *notes, "");
            let mut reply = format!(
                "+++\nstate = \"{}\"\nreceived = 2019-04-01\nlanguage = \"{original}\"\n{front}+++\n\n{body}",
                state.iso3,
            );
            reply.push('\n');
            std::fs::write(root.join("submissions").join(format!("{file}.md")), reply).unwrap();
            for l in into.iter().map(|l| SIX[*l]).filter(|l| *l != original) {
                let (front, body) = texts(*s, &challenges, *notes, l);
                std::fs::write(
                    root.join("submissions").join(format!("{file}.{l}.md")),
                    format!("+++\n{front}+++\n\n{body}\n"),
                )
                .unwrap();
            }
            // Chapter II's summaries are the Secretariat's, in the book's language (English):
            // a translation gives them for the other versions.
            for (k, _) in challenges.iter().enumerate() {
                let summary = token('s', *s, &format!("k{k}"));
                expected.push(if lang == "en" {
                    summary
                } else {
                    suffix(summary)
                });
            }
            expected.push(suffix(token('b', *s, "")));
            for n in 0..*notes {
                expected.push(suffix(token('n', *s, &format!("n{n}"))));
            }
        }
        expected
    }
}

/// The challenges a reply keeps: one per category (a second one of a category is refused).
fn kept(challenges: &[(usize, Vec<usize>)]) -> Vec<&(usize, Vec<usize>)> {
    let mut seen = std::collections::BTreeSet::new();
    challenges.iter().filter(|(c, _)| seen.insert(*c)).collect()
}

/// The front matter's challenges and the body of State `s`'s reply, or of its
/// translation into `lang` (every word marked with `lang`).
fn texts(
    s: usize,
    challenges: &[&(usize, Vec<usize>)],
    notes: usize,
    lang: &str,
) -> (String, String) {
    let mut front = String::new();
    for (k, (c, themes)) in challenges.iter().enumerate() {
        let _ = write!(front, "\n[[challenges]]\ncategory = \"c{c}\"\n");
        if lang.is_empty() {
            let mut unique: Vec<usize> = themes.clone();
            unique.sort_unstable();
            unique.dedup();
            let themes: Vec<String> = unique
                .iter()
                .map(|t| format!("\"{}\"", token('t', *t, "")))
                .collect();
            let _ = writeln!(front, "themes = [{}]", themes.join(", "));
        }
        let _ = writeln!(
            front,
            "summary = \"Summary {}{lang}.\"",
            token('s', s, &format!("k{k}"))
        );
    }
    let mut body = format!("The text {}{lang}", token('b', s, ""));
    for n in 0..notes {
        let _ = write!(body, " with a note[^{n}]");
    }
    body.push_str(".\n");
    for n in 0..notes {
        let _ = write!(
            body,
            "\n[^{n}]: Note {}{lang}.\n",
            token('n', s, &format!("n{n}"))
        );
    }
    (front, body)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Every accepted input reaches the version built: each category (a 27th and a 40th
    /// included), theme, summary, reply text and footnote is in its PDF text and its site,
    /// in the version's language where a translation gives one.
    #[test]
    fn every_accepted_text_reaches_the_version(generated in generated()) {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("root");
        let expected = generated.write(&root);
        let mut builder = Builder::new(
            root.clone(),
            BuildOptions { out: Some(tmp.path().join("out")), ..BuildOptions::default() },
        );
        let outcome = builder.build(&mut |_| {});
        let problems = outcome.sources.render_plain(&outcome.diagnostics);
        prop_assert!(outcome.written.is_some(), "not built:\n{problems}");
        // The version's PDF and site, wherever the layout of output/ puts them.
        let files: Vec<std::path::PathBuf> = walkdir::WalkDir::new(tmp.path().join("out"))
            .into_iter()
            .filter_map(Result::ok)
            .map(|e| e.path().to_path_buf())
            .collect();
        let pdfs: Vec<&std::path::PathBuf> =
            files.iter().filter(|p| p.extension().is_some_and(|x| x == "pdf")).collect();
        prop_assert_eq!(pdfs.len(), 1, "{:?}\n{}", files, problems);
        // Without spaces: a Latin word in a right-to-left reply comes out of the PDF in
        // pieces ("Qb 4x").
        let pdf: String = crate::support::pdf_text(pdfs[0]).split_whitespace().collect();
        let site: String = files
            .iter()
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        for word in &expected {
            prop_assert!(pdf.contains(word.as_str()), "{word} not in the PDF:\n{problems}\n{pdf}");
            prop_assert!(site.contains(word.as_str()), "{word} not in the site:\n{problems}");
        }
    }
}

/// A 27th category that States raised has a section of its own, lettered past Z ("AA.")
/// in English and past the 28 Arabic letters' names in Arabic, and its summary.
#[test]
fn a_27th_category_reaches_the_report() {
    for (version, section, last) in [
        (0, "AA. Qc26x", "AD. Qc29x"),
        (4, "ألف ألف - Qc28xar", "ألف باء - Qc29xar"),
    ] {
        let generated = Generated {
            categories: 30,
            themes: 1,
            replies: vec![(0, 0, (0..30).map(|c| (c, vec![0])).collect(), 0, vec![])],
            version,
        };
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("root");
        let expected = generated.write(&root);
        let out = tmp.path().join("out");
        let run = crate::support::report_in(&root, &["build", "--out", out.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let pdf: String = crate::support::pdf_text(&out.join("report.pdf"))
            .split_whitespace()
            .collect();
        for word in &expected {
            assert!(pdf.contains(word.as_str()), "{word} not in\n{pdf}");
        }
        let site = std::fs::read_to_string(out.join("html/index.html")).unwrap();
        for heading in [section, last] {
            assert!(site.contains(heading), "{heading} not in\n{site}");
        }
    }
}
