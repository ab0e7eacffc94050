//! The command line itself: help that teaches, exit codes CI can trust.

use crate::support::{assert_contains_all, report};

#[test]
fn every_subcommand_explains_itself_with_an_example() {
    for sub in ["check", "build"] {
        let run = report(&[sub, "--help"]);
        assert_eq!(run.code, 0);
        assert_contains_all(
            &run.stdout,
            &["Examples:", &format!("report {sub}"), "Exit codes"],
        );
    }
    let run = report(&["--help"]);
    assert_contains_all(
        &run.stdout,
        &["book.toml", "submissions/", "check", "build"],
    );
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(report(&["frobnicate"]).code, 2);
    assert_eq!(report(&["check", "--bogus"]).code, 2);
    assert_eq!(report(&[]).code, 2);
}
