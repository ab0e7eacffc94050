//! Checks that need every reply at once: one reply per State; and checks of the aggregated
//! report: the word limit of the Secretariat's text.
//!
//! Checks of a single file live in `submission`; this stage only compares replies.

use std::collections::{HashMap, HashSet};

use crate::aggregate::Model;
use crate::diag::{Diagnostic, Diagnostics};
use crate::english::thousands;
use crate::render::cost;
use crate::submission::Submission;

/// Warns when the Secretariat's own text is longer than `[report] word-limit` allows.
pub fn word_limit(model: &Model, diags: &mut Diagnostics) {
    let words = &model.words;
    if words.over_limit {
        diags.push(
            Diagnostic::warning_nowhere(format!(
                "the Secretariat's text has {} words, more than the limit of {} for reports of the Secretariat",
                thousands(words.secretariat),
                thousands(words.limit as usize)
            ))
            .help("shorten the summaries in the replies' front matter, or set [report] word-limit in book.toml"),
        );
    }
}

/// Refuses what would cost the typesetter more than its size says (see `render::cost`):
/// every text of the replies this build includes, in path order (summaries, then the
/// body), each theme counting as a row of chapter II's tables.
pub fn costs(submissions: &[Submission], model: &Model, diags: &mut Diagnostics) {
    let included: HashSet<&str> = model.replies.iter().map(|r| r.file.as_str()).collect();
    let mut spend = cost::Spend::default();
    for s in submissions
        .iter()
        .filter(|s| included.contains(s.path.as_str()))
    {
        let mut problems = Vec::new();
        for c in &s.challenges {
            // A row of the theme table (three cells) and a "Raised by" list for each theme.
            spend.add(9 * c.themes.len(), &c.category_span, &mut problems);
            for mut p in cost::measure(&c.summary, &mut spend) {
                // A TOML string's offsets do not map back one to one: point at it whole.
                p.at = c.summary_span.start..c.summary_span.start + 1;
                problems.push(p);
            }
        }
        for mut p in cost::measure(&s.body, &mut spend) {
            p.at = s.body_offset + p.at.start..s.body_offset + p.at.end;
            problems.push(p);
        }
        for p in problems {
            diags.push(
                Diagnostic::error(s.file, p.at, p.message)
                    .label(p.label)
                    .help(p.help),
            );
        }
    }
}

/// Warns when a report that has replies prints none, because every one of them is a draft
/// and this build leaves drafts out.
pub fn drafts_only(submissions: &[Submission], model: &Model, diags: &mut Diagnostics) {
    if model.totals.replies == 0 && !submissions.is_empty() {
        diags.push(
            Diagnostic::warning_nowhere(format!(
                "every reply is a draft ({} with status = \"draft\"), so the report has no replies",
                submissions.len()
            ))
            .help("set status = \"final\" in the replies that are complete, or build a draft with --draft"),
        );
    }
}

/// Pushes an error for every State that has more than one reply, naming both files. The
/// reply received first (or, on the same day, the file that sorts first) is the "first
/// reply"; each other one gets the error.
pub fn across_replies(submissions: &[Submission], diags: &mut Diagnostics) {
    let mut by_state: HashMap<&str, Vec<&Submission>> = HashMap::new();
    for s in submissions {
        by_state.entry(s.state.iso3).or_default().push(s);
    }
    let mut states: Vec<_> = by_state.into_values().filter(|v| v.len() > 1).collect();
    states.sort_by(|a, b| a[0].path.cmp(&b[0].path));
    for mut replies in states {
        replies.sort_by(|a, b| (a.received, &a.path).cmp(&(b.received, &b.path)));
        let first = replies[0];
        for s in &replies[1..] {
            let (label, related) = if s.received == first.received {
                ("same State".to_string(), "first reply".to_string())
            } else {
                (
                    format!("same State, received {}", s.received.long()),
                    format!("received first, {}", first.received.long()),
                )
            };
            diags.push(
                Diagnostic::error(
                    s.file,
                    s.state_span.clone(),
                    format!(
                        "a second reply from {}: {} and {} both name it",
                        s.state.name, first.path, s.path
                    ),
                )
                .label(label)
                .related(first.file, first.state_span.clone(), related)
                .help("keep one file per State: merge the two replies, or delete one"),
            );
        }
    }
}
