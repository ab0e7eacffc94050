//! The report shipped in the repository: it checks clean, and its sample replies are what
//! the project promises (illustrative, several languages, every category covered).

use std::collections::BTreeSet;

use report::load;

use crate::support::{repo, report};

#[test]
fn shipped_root_checks_without_errors() {
    let run = report(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !run.stderr.lines().any(|l| l.starts_with("error")),
        "{}",
        run.stderr
    );
}

#[test]
fn shipped_replies_are_marked_illustrative_and_cover_the_taxonomy() {
    let loaded = load::load(&repo());
    let project = loaded.project.expect("the repository is a report root");
    assert!(project.submissions.len() >= 20);
    assert_eq!(project.config.categories.len(), 13);
    let mut languages = BTreeSet::new();
    let mut categories = BTreeSet::new();
    for s in &project.submissions {
        assert_eq!(
            s.note.as_deref(),
            Some("Illustrative sample, not an official text"),
            "{}",
            s.path
        );
        let words = s.body.split_whitespace().count();
        assert!((150..=600).contains(&words), "{}: {words} words", s.path);
        languages.insert(s.language.clone());
        categories.extend(s.challenges.iter().map(|c| c.category.clone()));
    }
    assert!(languages.len() >= 4, "{languages:?}");
    assert_eq!(categories.len(), 13, "{categories:?}");
}
