//! Diagnostic codes and their levels: every diagnostic is printed with its code, `[lints]`
//! in book.toml sets a problem's or a fact's level, `--deny-warnings` fails on the codes
//! left at "warn", and `report explain` says what a code means.

use std::fs;

use crate::support::{assert_contains_all, build_with, edit, fixture_copy, report, shipped_copy};

#[test]
fn explain_prints_a_codes_meaning_example_and_fix_and_lists_every_code() {
    let run = report(&["explain", "late-reply"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains_all(
        &run.stdout,
        &[
            "## `late-reply`",
            "Kind: fact · default level: allow",
            "Example:",
            "Fix:",
        ],
    );
    // As printed in brackets, too.
    let run = report(&["explain", "warning[alias]"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("UN short name"), "{}", run.stdout);
    let run = report(&["explain", "late-replies"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("unknown code `late-replies`: did you mean `late-reply`?"),
        "{}",
        run.stderr
    );
    let run = report(&["explain"]);
    assert_eq!(run.code, 0);
    assert_contains_all(
        &run.stdout,
        &[
            "late-reply",
            "fact",
            "allow",
            "missing-glyph",
            "problem",
            "warn",
            "unknown-state",
        ],
    );
}

#[test]
fn lint_levels_in_book_toml_are_checked_at_their_place() {
    let (_tmp, root) = fixture_copy("valid");
    edit(&root.join("book.toml"), |book| {
        format!(
            "{book}\n[lints]\nlate-replies = \"allow\"\nunknown-state = \"allow\"\nalias = \"never\"\n"
        )
    });
    let lines = fs::read_to_string(root.join("book.toml"))
        .unwrap()
        .lines()
        .count();
    let run = report(&["check", root.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "error[unknown-lint]: unknown lint `late-replies` in [lints]",
            &format!("book.toml:{}:1", lines - 2),
            "did you mean `late-reply`?",
            "error[unknown-lint]: `unknown-state` is an error: its level cannot be set",
            "error[invalid-value]: unknown level \"never\" for `alias`",
            &format!("book.toml:{lines}:9"),
        ],
    );
}

#[test]
fn a_fact_denied_in_book_toml_is_an_error_without_deny_warnings() {
    let (_tmp, root) = fixture_copy("valid");
    edit(&root.join("book.toml"), |book| {
        format!("{book}\n[lints]\nlate-reply = \"deny\"\n")
    });
    let run = report(&["check", root.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "error[late-reply]: received after the cutoff of 31 May 2019",
            "[lints] in book.toml sets late-reply = \"deny\"",
        ],
    );
}

/// The shipped report's facts (late replies, versions without some translations) pass
/// `--deny-warnings`; the problems a pull request may bring fail it, all named at once.
#[test]
fn deny_warnings_passes_the_shipped_facts_and_fails_on_real_problems() {
    let (_tmp, root) = shipped_copy();
    let dir = root.to_str().unwrap();
    let run = report(&["check", dir, "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("allowed (late-reply 2"),
        "{}",
        run.stderr
    );

    // An alias, a reply dated before the mandate, a broken (empty) translation and the
    // word limit.
    edit(&root.join("submissions/cze.md"), |t| {
        t.replacen("state = \"Czechia\"", "state = \"Czech Republic\"", 1)
    });
    edit(&root.join("submissions/est.md"), |t| {
        let at = t.find("received = 2019-").expect("a date");
        format!(
            "{}received = 2017-{}",
            &t[..at],
            &t[at + "received = 2019-".len()..]
        )
    });
    fs::write(root.join("submissions/cri.fr.md"), "+++\n+++\n").unwrap();
    edit(&root.join("book.toml"), |t| {
        t.replacen(
            "issued = 2019-08-20",
            "issued = 2019-08-20\nword-limit = 100",
            1,
        )
    });
    let run = report(&["check", dir, "--deny-warnings"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "warning[alias]:",
            "warning[before-mandate]:",
            "warning[empty-translation]:",
            "warning[word-limit]:",
            "denied by --deny-warnings (alias, before-mandate, empty-translation, word-limit)",
        ],
    );
}

/// A character no font can draw is found while typesetting: `--deny-warnings` fails the
/// draft on it, and writes nothing.
#[test]
fn deny_warnings_fails_a_draft_on_a_character_no_font_draws() {
    let (_tmp, root) = fixture_copy("valid");
    edit(&root.join("submissions/cri.md"), |t| {
        format!("{t}\nEthiopic: ሰላም.\n")
    });
    let (out, run) = build_with(&root, &["--draft", "--deny-warnings"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "warning[missing-glyph]:",
            "denied by --deny-warnings (missing-glyph)",
        ],
    );
    assert!(!out.path().join("report.pdf").exists());
}
