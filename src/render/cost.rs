//! What the replies will cost to typeset, measured before any typesetting starts.
//!
//! Typst has no timeout, and a few kilobytes of Markdown can make it work for minutes: it
//! lays out each paragraph in time that grows with the square of its formatted spans, and
//! each element it lays out (a paragraph, a list item, a table cell, a link, a footnote)
//! takes 7 to 60 KB of memory however little text it holds. So every reply text (body and
//! summaries) is measured here, from the Markdown parser's events, and refused with its
//! file, line and the limit when it passes one:
//! - a table of more than [`MAX_TABLE_COLUMNS`] columns;
//! - a paragraph (or heading, table cell, list item) of more than [`MAX_SPANS`] formatted
//!   spans (emphasis, links, code, footnote references, line breaks);
//! - more than [`BUDGET`] units of elements in the whole report, an element weighing
//!   what it costs Typst (about 10 KB of memory a unit): a paragraph, quote or emphasis
//!   1, a heading, list item, code span or code line 2... (see [`Spend`]). A build of
//!   several language versions lays out two at a time (one per core), so each of them may
//!   hold a third as much ([`budget`]).
//!
//! What passes costs time and memory in proportion to its size: the benchmark
//! `benches/hostile.rs` holds the figures.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::codes::Code;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::Project;
use crate::submission::Submission;
use crate::wording::Version;

use crate::english::thousands;
use crate::markdown;

/// The widest table accepted: wider tables do not fit across a page.
pub const MAX_TABLE_COLUMNS: usize = 24;
/// The most formatted spans in one paragraph.
pub const MAX_SPANS: usize = 300;
/// Units of elements a report may hold (a real report of 193 replies uses about 15,000).
pub const BUDGET: usize = 150_000;

/// The units one version may hold when a build typesets `versions` of them: the whole
/// [`BUDGET`] alone, a third of it when there are several. Two versions are laid out at
/// once, and Typst's memory does not fall in proportion to the elements: two versions of
/// half the budget each took 2.1 GB (`cargo bench --bench hostile`, budget-cells-six),
/// one version of the whole budget 1.5 GB.
pub fn budget(versions: usize) -> usize {
    if versions > 1 { BUDGET / 3 } else { BUDGET }
}

/// What the elements of a report have cost so far, against its budget.
#[derive(Debug)]
pub struct Spend {
    pub units: usize,
    pub budget: usize,
    /// Set once the budget is passed (it is reported once).
    pub exceeded: bool,
}

impl Default for Spend {
    fn default() -> Self {
        Spend::new(BUDGET)
    }
}

impl Spend {
    pub fn new(budget: usize) -> Spend {
        Spend {
            units: 0,
            budget,
            exceeded: false,
        }
    }

    /// Adds `units` spent at `at`; says so in `problems` when that passes the budget.
    pub fn add(&mut self, units: usize, at: &Range<usize>, problems: &mut Vec<Excess>) {
        self.units += units;
        if self.units > self.budget && !self.exceeded {
            self.exceeded = true;
            problems.push(Excess {
                at: at.start..at.start + 1,
                message: format!(
                    "the replies hold more formatted elements than a report can typeset: {} units \
                     by here, past the limit of {}",
                    thousands(self.units),
                    thousands(self.budget)
                ),
                label: "the limit is passed here".into(),
                help: format!(
                    "paragraphs, list items and emphasis count 1 or 2 units, table cells 3, links 4, \
                     footnote references 6; a real report of 193 replies uses about 15,000 in each \
                     language version{}. Look for text pasted with formatting on every word or line, \
                     or move annexes out",
                    if self.budget < BUDGET {
                        format!(
                            " (with several versions, each may hold {}: two may be typeset at once)",
                            thousands(self.budget)
                        )
                    } else {
                        String::new()
                    }
                ),
            });
        }
    }
}

/// A limit passed: where (byte offsets into the measured text) and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Excess {
    pub at: Range<usize>,
    pub message: String,
    pub label: String,
    pub help: String,
}

/// Measures one Markdown text, adding its elements to `spend`; returns the limits it
/// passes, at their places in `text`.
pub fn measure(text: &str, spend: &mut Spend) -> Vec<Excess> {
    let mut problems = Vec::new();
    // Open paragraphs (and other inline containers): where each starts, its spans so far.
    let mut open: Vec<(Range<usize>, usize)> = Vec::new();
    let mut in_code = false;
    let parser = Parser::new_ext(text, markdown::options()).into_offset_iter();
    for (event, at) in parser {
        let (units, span) = match &event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    open.push((at.clone(), 0));
                    (1, false)
                }
                // A block of its own, through the heading rule's grid: the 62,000 headings
                // of a megabyte took 1.3 GB, 21 KB each.
                Tag::Heading { .. } => {
                    open.push((at.clone(), 0));
                    (2, false)
                }
                Tag::TableCell => {
                    open.push((at.clone(), 0));
                    (3, false)
                }
                Tag::Item => {
                    open.push((at.clone(), 0));
                    (2, false)
                }
                Tag::Table(columns) => {
                    if columns.len() > MAX_TABLE_COLUMNS {
                        problems.push(Excess {
                            at: at.start..at.start + 1,
                            message: format!(
                                "a table of {} columns: at most {MAX_TABLE_COLUMNS} fit across a page",
                                thousands(columns.len())
                            ),
                            label: "this table".into(),
                            help: "split the table into narrower ones, or give its rows as a list".into(),
                        });
                    }
                    (1, false)
                }
                Tag::CodeBlock(_) => {
                    in_code = true;
                    (1, false)
                }
                Tag::BlockQuote(_) | Tag::FootnoteDefinition(_) | Tag::HtmlBlock => (1, false),
                Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Image { .. } => (1, true),
                Tag::Link { .. } => (4, true),
                _ => (0, false),
            },
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::Item,
            ) => {
                open.pop();
                (0, false)
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                (0, false)
            }
            Event::Text(t) if in_code => (2 * t.matches('\n').count(), false),
            Event::Code(_) => (2, true),
            Event::FootnoteReference(_) => (6, true),
            // Raised or lowered text opened (`<sup>`, `<sub>`): a span, as emphasis is.
            Event::InlineHtml(html) if markdown::raises(html) => (1, true),
            Event::HardBreak => (1, true),
            Event::Rule => (1, false),
            _ => (0, false),
        };
        if span && let Some((start, spans)) = open.last_mut() {
            *spans += 1;
            if *spans == MAX_SPANS + 1 {
                problems.push(Excess {
                    at: start.start..start.start + 1,
                    message: format!(
                        "a paragraph of more than {MAX_SPANS} formatted spans (emphasis, links, code, \
                         raised and lowered text, footnote references, line breaks)"
                    ),
                    label: "this paragraph".into(),
                    help: "typesetting time grows with the square of a paragraph's spans: split the \
                           paragraph, or drop formatting pasted on every word"
                        .into(),
                });
            }
        }
        if units > 0 {
            spend.add(units, &at, &mut problems);
        }
    }
    problems
}

/// Refuses what would cost the typesetter more than its size says (the limits above):
/// every text of the replies this build includes, in path order (summaries, then the
/// body), each theme counting as a row of chapter II's tables.
pub fn check(project: &Project, version: &Version, budget: usize, diags: &mut Diagnostics) {
    let mut spend = Spend::new(budget);
    let originals: HashMap<&str, &Submission> = project
        .submissions
        .iter()
        .map(|s| (s.path.as_str(), s))
        .collect();
    let texts = project.texts();
    for r in &version.replies {
        let (Some(s), Some(text)) = (
            originals.get(r.file.as_str()),
            texts.get(r.text_file.as_str()),
        ) else {
            continue;
        };
        let mut problems = Vec::new();
        for c in &s.challenges {
            // A row of the theme table (three cells) and a "Raised by" list for each theme.
            spend.add(9 * c.themes.len(), &c.category_span, &mut problems);
            for mut p in measure(&c.summary, &mut spend) {
                // A TOML string's offsets do not map back one to one: point at it whole.
                p.at = c.summary_span.start..c.summary_span.start + 1;
                problems.push(p);
            }
        }
        let mut report = |file, problems: Vec<Excess>| {
            for p in problems {
                diags.push(
                    Diagnostic::error(Code::TooCostly, file, p.at, p.message)
                        .label(p.label)
                        .help(p.help),
                );
            }
        };
        // The text printed: the reply as received, or its translation.
        let mut body_problems = Vec::new();
        for mut p in measure(text.body, &mut spend) {
            p.at = text.body_offset + p.at.start..text.body_offset + p.at.end;
            body_problems.push(p);
        }
        report(s.file, problems);
        report(text.file, body_problems);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_tables_and_crowded_paragraphs_are_found_at_their_place() {
        let mut spend = Spend::default();
        let wide = format!("Intro.\n\n{}|\n{}|\n", "| a ".repeat(30), "|---".repeat(30));
        let problems = measure(&wide, &mut spend);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].at.start, "Intro.\n\n".len());
        assert!(problems[0].message.contains("a table of 30 columns"));

        let crowded = format!("Text.\n\nStart {}\n", "*a* ".repeat(301));
        let problems = measure(&crowded, &mut spend);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].at.start, "Text.\n\n".len());
        // 300 spans pass.
        assert!(measure(&"*a* ".repeat(300), &mut spend).is_empty());
        // Raised and lowered text counts as a span; any other tag is text.
        let raised = format!("m<sub>2</sub> {}", "1<sup>er</sup> ".repeat(300));
        assert_eq!(measure(&raised, &mut spend).len(), 1);
        assert!(measure(&"<b>a</b> ".repeat(400), &mut spend).is_empty());
    }

    #[test]
    fn the_budget_counts_across_texts_and_is_reported_once() {
        let mut spend = Spend::default();
        // 1 unit a paragraph, 6 a footnote reference.
        let text = "One[^a].\n\nTwo.\n\n[^a]: Note.\n";
        assert!(measure(text, &mut spend).is_empty());
        assert_eq!(spend.units, 1 + 6 + 1 + 1 + 1);
        spend.units = BUDGET - 1;
        let problems = measure("A.\n\nB.\n\nC.\n", &mut spend);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].at,
            4..5,
            "the second paragraph passes the limit"
        );
        assert!(measure("D.\n", &mut spend).is_empty(), "said once");
    }
}
