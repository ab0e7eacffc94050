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

/// Pushes an error for every State that has more than one reply, naming both files.
pub fn across_replies(submissions: &[Submission], diags: &mut Diagnostics) {
    let mut first: HashMap<&str, &Submission> = HashMap::new();
    for s in submissions {
        match first.get(s.state.iso3) {
            None => {
                first.insert(s.state.iso3, s);
            }
            Some(earlier) => diags.push(
                Diagnostic::error(
                    s.file,
                    s.state_span.clone(),
                    format!(
                        "a second reply from {}: {} and {} both name it",
                        s.state.name, earlier.path, s.path
                    ),
                )
                .label("same State")
                .related(earlier.file, earlier.state_span.clone(), "first reply")
                .help("keep one file per State: merge the two replies, or delete one"),
            ),
        }
    }
}
