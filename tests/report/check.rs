//! `report check`: every kind of bad input is reported, all in one run, with its place.

use crate::support::{assert_contains_all, fixture_copy, report};

#[test]
fn valid_root_passes_with_warnings_only() {
    let run = report(&["check", "tests/fixtures/valid"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !run.stderr.lines().any(|l| l.starts_with("error")),
        "{}",
        run.stderr
    );
    // The late reply and the untranslated ones are facts the report prints: allowed by
    // default, counted, and printed as notes with --verbose.
    assert_contains_all(
        &run.stderr,
        &[
            "Checked 7 replies (1 draft)",
            "4 allowed (late-reply 1, untranslated-reply 3)",
        ],
    );
    assert!(
        !run.stderr.contains("received after the cutoff"),
        "{}",
        run.stderr
    );
    let verbose = report(&["check", "-v", "tests/fixtures/valid"]);
    assert_contains_all(
        &verbose.stderr,
        &[
            "note[late-reply]: received after the cutoff of 31 May 2019: listed as a late reply",
            "tests/fixtures/valid/submissions/tur.md:3:12",
        ],
    );
    // A README.txt beside the replies is not a reply and is not mentioned.
    assert!(!run.stderr.contains("README"), "{}", run.stderr);
}

/// Each mistake of the `invalid` root, with where it must be reported.
const EXPECTED: &[(&str, &str)] = &[
    (
        "book.toml:4:1",
        "error[unknown-key]: unknown key `authors` in [book]",
    ),
    (
        "submissions/malformed.md:2:15",
        "error[toml-syntax]: invalid TOML: invalid basic string",
    ),
    (
        "submissions/unknown-state.md:2:9",
        "error[unknown-state]: unknown State \"Argentinia\"",
    ),
    (
        "submissions/alias.md:2:9",
        "warning[alias]: \"Turkey\" is not the UN short name of Türkiye",
    ),
    (
        "submissions/peru-2.md:2:9",
        "error[duplicate-reply]: a second reply from Peru: submissions/peru-1.md and submissions/peru-2.md both name it",
    ),
    (
        "submissions/unknown-category.md:6:12",
        "error[unknown-category]: unknown category \"cybercrime\"",
    ),
    (
        "submissions/no-front-matter.md:1:1",
        "error[front-matter]: missing front matter: the file must start with a `+++` line",
    ),
    (
        "submissions/latin1.md:6:4",
        "error[not-utf8]: the file is not valid UTF-8 text",
    ),
    (
        "submissions/empty.md:1:1",
        "error[front-matter]: empty file: a reply needs front matter and text",
    ),
    (
        "submissions/misspelt-key.md:3:1",
        "error[unknown-key]: unknown key `recieved` in the front matter",
    ),
];

#[test]
fn every_mistake_is_reported_in_one_run() {
    let run = report(&["check", "tests/fixtures/invalid"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for (place, message) in EXPECTED {
        // The message, then on the next line the place it points at.
        let at = run
            .stderr
            .find(message)
            .unwrap_or_else(|| panic!("missing {message:?} in:\n{}", run.stderr));
        let next = &run.stderr[at..];
        let location = next.lines().nth(1).unwrap_or_default();
        assert!(
            location.ends_with(&format!("tests/fixtures/invalid/{place}")),
            "{message:?} should point at {place}, not {location:?}"
        );
    }
    assert_contains_all(
        &run.stderr,
        &[
            "help: did you mean \"Argentina\"",
            "help: valid categories: cooperation, evidence",
            "help: write state = \"Türkiye\" (or \"TUR\")",
            "received first, 1 April 2019",
            "help: valid keys here: title, language",
            "help: save the file as UTF-8",
            "help: did you mean `received`?",
            "error: the report has problems: 9 errors, 1 warning",
        ],
    );
    // A misspelt key is one mistake: no second error that the key is missing.
    assert!(!run.stderr.contains("missing `received`"), "{}", run.stderr);
}

#[test]
fn check_writes_nothing() {
    let (_tmp, root) = fixture_copy("valid");
    let before = crate::support::files(&root);
    let run = crate::support::report_in(&root, &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Not a file more (no output, no lock or work folder), none changed.
    assert_eq!(crate::support::files(&root), before);
    let top: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(top.len(), 2, "{top:?}");
}

#[test]
fn a_folder_without_book_toml_is_not_a_report() {
    let tmp = tempfile::tempdir().unwrap();
    let run = report(&["check", tmp.path().to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert_contains_all(
        &run.stderr,
        &["no book.toml in", "this is not a report root"],
    );
}

#[test]
fn of_two_replies_from_one_state_the_later_one_is_the_duplicate() {
    // peru-1.md sorts first but arrives second.
    let (_tmp, root) = fixture_copy("invalid");
    let subs = root.join("submissions");
    crate::support::edit(&subs.join("peru-1.md"), |t| {
        t.replace("2019-04-01", "2019-04-20")
    });
    let run = crate::support::report_in(&root, &["check"]);
    assert_eq!(run.code, 1);
    let at = run
        .stderr
        .find("error[duplicate-reply]: a second reply from Peru: submissions/peru-2.md and submissions/peru-1.md both name it")
        .unwrap_or_else(|| panic!("{}", run.stderr));
    let error = &run.stderr[at..];
    assert!(
        error
            .lines()
            .nth(1)
            .unwrap()
            .ends_with("submissions/peru-1.md:2:9"),
        "{error}"
    );
    assert_contains_all(
        error,
        &[
            "same State, received 20 April 2019",
            "received first, 15 April 2019",
        ],
    );
}

/// Markdown that the outputs would not print as written is warned about at its line:
/// an unreferenced note, extra table cells, an image, a link that cannot be followed.
#[test]
fn markdown_that_would_not_be_printed_is_warned_at_its_place() {
    let (_tmp, root) = crate::support::fixture_copy("valid");
    crate::support::edit(&root.join("submissions/cri.md"), |cri| {
        format!(
            "{cri}\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n\nSee ![the map](map.png) and [file](file:///etc/passwd).\n\n[^orphan]: Nobody refers to this note.\n"
        )
    });
    let run = crate::support::report_in(&root, &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let cri = std::fs::read_to_string(root.join("submissions/cri.md")).unwrap();
    let line = |needle: &str| cri.lines().position(|l| l.contains(needle)).unwrap() + 1;
    crate::support::assert_contains_all(
        &run.stderr,
        &[
            "warning[markdown-lost]: a row of 3 cells in a table of 2 columns: the last 1 are not printed",
            &format!("submissions/cri.md:{}:", line("| 1 | 2 | 3 |")),
            "warning[markdown-lost]: an image is not printed: only its description is",
            "warning[markdown-lost]: a link to \"file:///etc/passwd\"",
            "warning[markdown-lost]: the note [^orphan] is never referenced in the text, so it is not printed",
            &format!("submissions/cri.md:{}:", line("[^orphan]:")),
            "4 warnings",
        ],
    );
}

/// A translation that summarises a category twice is refused at the second one: only one
/// could be printed.
#[test]
fn a_translation_summarising_a_category_twice_is_an_error() {
    let (_tmp, root) = crate::support::fixture_copy("valid");
    let twice = "+++\n[[challenges]]\ncategory = \"cooperation\"\nsummary = \"Une.\"\n\n[[challenges]]\ncategory = \"cooperation\"\nsummary = \"Deux.\"\n+++\n\nTexte.\n";
    std::fs::write(root.join("submissions/cri.fr.md"), twice).unwrap();
    let run = crate::support::report_in(&root, &["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    crate::support::assert_contains_all(
        &run.stderr,
        &[
            "error[duplicate-category]: category \"cooperation\" is summarised twice in this translation",
            "submissions/cri.fr.md:7:12",
        ],
    );
}

/// A hidden file named like a reply is not read, and said so; an editor's lock file or a
/// system's own hidden file is passed over quietly, as are hidden folders.
#[test]
fn a_hidden_reply_is_said_not_read() {
    let (_tmp, root) = crate::support::fixture_copy("valid");
    let sub = root.join("submissions");
    std::fs::copy(sub.join("cri.md"), sub.join(".chl.md")).unwrap();
    std::fs::write(sub.join("._cri.md"), "junk").unwrap();
    std::fs::create_dir(sub.join(".git")).unwrap();
    std::fs::write(sub.join(".git/x.md"), "junk").unwrap();
    let run = crate::support::report_in(&root, &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "warning[not-a-reply]: submissions/.chl.md: not read, a hidden file is not a reply",
            "rename it without the leading dot if it is a reply: chl.md",
            "1 warning",
        ],
    );
}

/// A text that reads as another language than it declares is said at its `language =`
/// line (or for a translation, its file): an English reply declared Arabic, an English
/// text in the Russian translation's file.
#[test]
fn a_text_in_another_language_than_declared_is_warned() {
    let (_tmp, root) = crate::support::shipped_copy();
    crate::support::edit(&root.join("submissions/aus.md"), |aus| {
        aus.replacen("language = \"en\"", "language = \"ar\"", 1)
    });
    let english = std::fs::read_to_string(root.join("submissions/aus.md")).unwrap();
    let body = english.rsplit("+++").next().unwrap().to_string();
    crate::support::edit(&root.join("submissions/arg.ru.md"), |ru| {
        let front = ru.rsplit_once("+++").unwrap().0;
        format!("{front}+++\n{body}")
    });
    let run = crate::support::report_in(&root, &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let aus = std::fs::read_to_string(root.join("submissions/aus.md")).unwrap();
    let line = aus.lines().position(|l| l.starts_with("language")).unwrap() + 1;
    assert_contains_all(
        &run.stderr,
        &[
            "warning[language-mismatch]: declared Arabic, but the text reads as English",
            &format!("submissions/aus.md:{line}:12"),
            "write language = \"en\"",
            "warning[language-mismatch]: declared Russian, but the text reads as English",
            "submissions/arg.ru.md",
            "2 warnings",
        ],
    );
}

/// A reply received after the report's date is a warning at its `received` line, which
/// `--deny-warnings` makes fail.
#[test]
fn a_reply_received_after_the_reports_date_is_warned_at_its_date() {
    let (_tmp, root) = fixture_copy("valid");
    crate::support::edit(&root.join("submissions/hrv.md"), |t| {
        t.replace("received = 2019-05-31", "received = 2019-08-15")
    });
    let run = report(&["check", root.to_str().unwrap()]);
    assert_eq!(run.code, 0, "a warning only: {}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "warning[after-report-date]: received 15 August 2019 is after the report's date (30 July 2019)",
            "submissions/hrv.md:3:12",
            "later than the report",
            "check the date the reply reached the Secretariat",
        ],
    );
    let denied = report(&["check", root.to_str().unwrap(), "--deny-warnings"]);
    assert_eq!(denied.code, 1, "{}", denied.stderr);
}
