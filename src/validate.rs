//! Checks that need every reply at once: one reply per State; and checks of the aggregated
//! report: the word limit of the Secretariat's text.
//!
//! Checks of a single file live in `submission`; this stage only compares replies.

use std::collections::HashMap;

use crate::aggregate::Model;
use crate::diag::{Diagnostic, Diagnostics};
use crate::english::thousands;
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
