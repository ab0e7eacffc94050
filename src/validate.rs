//! Checks that need every reply at once: one reply per State.
//!
//! Checks of a single file live in `submission`; this stage only compares replies.

use std::collections::HashMap;

use crate::diag::{Diagnostic, Diagnostics};
use crate::submission::Submission;

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
