//! Text that would mislead a reader or a terminal: invisible and bidirectional control
//! characters (warned about at their position, kept out of the PDF, the HTML and the
//! terminal), themes that look the same, characters no font can draw wherever they come
//! from, and dates or drafts that make the report say something it should not.

use std::fs;
use std::path::Path;

use crate::support::{
    assert_contains_all, edit, fixture_copy, pdf_text, report_in, with_languages,
};

/// Every HTML file of a site, joined.
fn site_text(dir: &Path) -> String {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| fs::read_to_string(e.path()).unwrap_or_default())
        .collect()
}

const HAZARDS: [char; 5] = ['\u{202e}', '\u{2066}', '\u{1b}', '\u{200b}', '\u{e0041}'];

#[test]
fn invisible_and_bidi_characters_are_warned_at_their_place_and_kept_out_of_every_output() {
    let (_tmp, root) = fixture_copy("valid");
    edit(&root.join("submissions/cri.md"), |cri| {
        cri.replace(
            "note = \"Fixture for tests, not an official text\"",
            "note = \"Fixture \u{2066}for tests\u{2069}, not an official text\"",
        )
        .replace(
            "tiene el honor",
            "tiene\u{202e} el honor\u{1b}[2J de\u{200b} trans\u{e0041}mitir",
        )
    });
    // The characters a redline marks with are among them: a plain build marks nothing.
    edit(&root.join("submissions/hrv.md"), |hrv| {
        format!("{hrv}\nBefore\u{fdd4}after \u{fdd2}inserted\u{fdd3}.\n")
    });
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("warning[misleading-character]: a noncharacter (U+FDD4) in the text"),
        "{}",
        run.stderr
    );
    assert_contains_all(
        &run.stderr,
        &[
            "warning[misleading-character]: a left-to-right isolate (U+2066) in the text: it can make the text read differently from what it is (the \"Trojan Source\" trick)",
            "submissions/cri.md:5:17",
            "warning[misleading-character]: a right-to-left override (U+202E) in the text",
            "warning[misleading-character]: an escape character (U+001B) in the text: a control character has no place in a text",
            "warning[misleading-character]: a zero-width space (U+200B) in the text: it draws nothing",
            "and 1 more invisible or control character after this one",
            "it is left out of the PDF, the HTML and data.json",
        ],
    );
    // The terminal gets escapes, never the characters.
    assert!(!run.stderr.contains(HAZARDS), "{}", run.stderr);
    let out = root.join("output");
    let html = site_text(&out.join("html"));
    assert!(!html.contains(HAZARDS));
    assert!(!html.contains('\u{fdd4}') && !html.contains("<ins") && !html.contains("<del"));
    assert!(
        html.contains("el honor[2J de transmitir"),
        "the text around them stays"
    );
    let pdf = pdf_text(&out.join("report.pdf"));
    assert!(!pdf.contains(HAZARDS), "{pdf}");
    assert!(pdf.contains("el honor[2J de transmitir"), "{pdf}");
    let typ = fs::read_to_string(out.join("report.typ")).unwrap();
    assert!(!typ.contains(HAZARDS));
    let data = fs::read_to_string(out.join("data.json")).unwrap();
    assert!(
        !data.contains(HAZARDS) && !data.contains("\\u202e"),
        "{data}"
    );
}

/// The line and column of the first `needle` in `text`, as diagnostics print them.
fn line_column(text: &str, needle: &str) -> String {
    let at = text.find(needle).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
    format!("{line}:{column}")
}

#[test]
fn characters_written_as_escapes_are_seen_as_raw_ones_are() {
    let (_tmp, root) = fixture_copy("valid");
    // A TOML escape in the front matter, character references in the body, and a
    // character no font draws written as an escape in book.toml.
    edit(&root.join("submissions/cri.md"), |cri| {
        cri.replace(
            "summary = \"Costa Rica asks",
            "summary = \"Costa \\u202eRica asks",
        )
        .replace("tiene el honor", "tiene&#x2066; el &ZeroWidthSpace;honor")
    });
    edit(&root.join("book.toml"), |book| {
        book.replace("title = \"Prevention\"", "title = \"Prevention \\u1230\"")
    });
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let cri = fs::read_to_string(root.join("submissions/cri.md")).unwrap();
    let book = fs::read_to_string(root.join("book.toml")).unwrap();
    assert_contains_all(
        &run.stderr,
        &[
            "warning[misleading-character]: a right-to-left override (U+202E) written as an escape",
            &format!(
                "submissions/cri.md:{}",
                line_column(&cri, "\"Costa \\u202e")
            ),
            "warning[misleading-character]: a left-to-right isolate (U+2066) written as an escape",
            &format!("submissions/cri.md:{}", line_column(&cri, "&#x2066;")),
            "warning[misleading-character]: a zero-width space (U+200B) written as an escape",
            "this escape writes a",
            "as if written raw",
            "warning[missing-glyph]: no embedded font can draw ሰ (U+1230)",
            &format!("book.toml:{}", line_column(&book, "\\u1230")),
        ],
    );
    let out = root.join("output");
    let html = site_text(&out.join("html"));
    assert!(!html.contains(HAZARDS));
    assert!(
        html.contains("Costa Rica asks"),
        "the text around them stays"
    );
    let pdf = pdf_text(&out.join("report.pdf"));
    assert!(!pdf.contains(HAZARDS), "{pdf}");
    let data = fs::read_to_string(out.join("data.json")).unwrap();
    assert!(
        !data.contains(HAZARDS) && !data.contains("\\u202e"),
        "{data}"
    );
    assert!(data.contains("Costa Rica asks"), "{data}");
}

#[test]
fn themes_that_look_identical_are_one_theme() {
    let (_tmp, root) = fixture_copy("valid");
    // Composed and decomposed accents, a zero-width space, a direction mark.
    edit(&root.join("submissions/cri.md"), |cri| {
        cri.replace(
            "\"cloud storage\"",
            "\"protección de datos\", \"ransomware\"",
        )
    });
    edit(&root.join("submissions/tur.md"), |tur| {
        let at = tur.find("themes = [").unwrap() + "themes = [".len();
        format!(
            "{}\"proteccio\u{301}n de datos\", \"ransom\u{200b}ware\u{200e}\", {}",
            &tur[..at],
            &tur[at..]
        )
    });
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let data: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root.join("output/data.json")).unwrap()).unwrap();
    let themes: Vec<(String, u64)> = data["categories"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["themes"].as_array().unwrap())
        .map(|t| {
            (
                t["theme"].as_str().unwrap().to_string(),
                t["count"].as_u64().unwrap(),
            )
        })
        .filter(|(t, _)| t.contains("datos") || t.contains("ware"))
        .collect();
    assert_eq!(
        themes,
        [
            ("protección de datos".to_string(), 2),
            ("ransomware".to_string(), 2)
        ],
        "{}",
        run.stderr
    );
}

#[test]
fn characters_without_a_glyph_in_book_toml_are_warned_and_replaced() {
    let (_tmp, root) = fixture_copy("valid");
    edit(&root.join("book.toml"), |book| {
        book.replace("title = \"Prevention\"", "title = \"Prevention ሰላ\"")
    });
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = fs::read_to_string(root.join("book.toml"))
        .unwrap()
        .lines()
        .position(|l| l.contains("ሰላ"))
        .unwrap()
        + 1;
    assert_contains_all(
        &run.stderr,
        &[
            "warning[missing-glyph]: no embedded font can draw ሰ (U+1230), ላ (U+120B): the PDF prints \u{fffd} instead",
            &format!("book.toml:{line}:21"),
            "font-dirs",
        ],
    );
    let pdf = pdf_text(&root.join("output/report.pdf"));
    assert!(pdf.contains("Prevention \u{fffd}\u{fffd}"), "{pdf}");
}

#[test]
fn replies_before_the_mandate_reports_far_from_their_session_and_drafts_only_are_warned() {
    let (_tmp, root) = fixture_copy("valid");
    edit(&root.join("submissions/cri.md"), |cri| {
        cri.replace("received = 2019-03-01", "received = 2017-03-01")
    });
    let run = report_in(&root, &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "warning[before-mandate]: received 1 March 2017, before the mandate that asked for the views: resolution 73/187, adopted no earlier than 1 September 2018",
            "submissions/cri.md:3:12",
        ],
    );
    edit(&root.join("book.toml"), |book| {
        book.replace(
            "mandate = \"73/187\"",
            "mandate = \"73/187\"\nmandate-date = 2018-12-17",
        )
        .replace("date = 2019-07-30", "date = 2091-07-30")
    });
    let run = report_in(&root, &["check"]);
    assert_contains_all(
        &run.stderr,
        &[
            "before the mandate that asked for the views: resolution 73/187 (17 December 2018)",
            "warning[unusual-date]: the report is dated 30 July 2091, far from the seventy-fourth session (2019-2020)",
        ],
    );
    // Every reply a draft: a final build would have no reply at all.
    for entry in fs::read_dir(root.join("submissions")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            edit(&path, |text| {
                text.replacen("+++\n", "+++\nstatus = \"draft\"\n", 1)
            });
        }
    }
    // (Peru's reply is a draft already.)
    edit(&root.join("submissions/nested/pse.md"), |text| {
        text.replacen("+++\n", "+++\nstatus = \"draft\"\n", 1)
    });
    let run = report_in(&root, &["check"]);
    assert_contains_all(
        &run.stderr,
        &[
            "warning[drafts-only]: every reply is a draft (7 with status = \"draft\"), so the report has no replies",
            "--draft",
        ],
    );
    let run = report_in(&root, &["build", "--draft", "--revision", "x"]);
    assert!(
        !run.stderr.contains("every reply is a draft"),
        "{}",
        run.stderr
    );
}

#[test]
fn what_an_editor_types_never_reaches_the_terminal_raw() {
    let (_tmp, root) = fixture_copy("valid");
    let run = report_in(&root, &["new", "Chile\u{1b}]0;owned\u{7}\u{202e}"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("\\u{1b}]0;owned\\u{7}\\u{202e}"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(['\u{1b}', '\u{7}', '\u{202e}']));
    edit(&root.join("submissions/cri.md"), |cri| {
        cri.replace("\"cloud storage\"", "\"cloud\u{202e} storage\"")
    });
    let run = report_in(&root, &["stats"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains('\u{202e}'), "{}", run.stdout);
    let run = report_in(&root, &["stats", "--format", "json"]);
    let parsed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(!run.stdout.contains('\u{202e}'));
    assert!(parsed.to_string().contains("storage"));
}

/// A title, heading or masthead text made only of characters the PDF and the HTML leave
/// out prints nothing (and a PDF/UA document without a title is refused by Typst at the
/// very end): in book.toml and in a locale file it is an error at its place, found by
/// `report check`, like an empty one.
#[test]
fn a_text_that_prints_nothing_is_an_error_at_its_place() {
    let (_tmp, root) = fixture_copy("valid");
    with_languages(&root, &["en", "fr"]);
    edit(&root.join("book.toml"), |book| {
        book.replacen(
            "title = \"Countering the use of information and communications technologies for criminal purposes\"\n",
            "title = \"\u{202e}\u{200b}\"\n",
            1,
        )
        .replace("agenda-footnote = \"A/74/150\"", "agenda-footnote = \" \"")
    });
    fs::create_dir_all(root.join("locales")).unwrap();
    fs::write(
        root.join("locales/fr.toml"),
        "[report]\ntitle = \"\"\norgan = \"\u{2066}\u{2069}\"\n\n[categories.cooperation]\ntitle = \"\u{feff}\"\n\n[themes]\n\"cloud storage\" = \"\u{200b}\"\n",
    )
    .unwrap();
    let out = root.join("output");
    for command in ["check", "build"] {
        let run = report_in(&root, &[command]);
        assert_eq!(run.code, 1, "{command}: {}", run.stderr);
        assert_contains_all(
            &run.stderr,
            &[
                "book.toml:3:9",
                "locales/fr.toml:2:9",
                "locales/fr.toml:3:9",
                "locales/fr.toml:6:9",
                "locales/fr.toml:9:19",
                "error[invalid-value]: `title` is empty",
                "error[invalid-value]: `agenda-footnote` is empty",
                "error[invalid-value]: `organ` is empty",
                "error[invalid-value]: `cloud storage` is empty",
                "only characters that print nothing",
                "empty string",
                "or delete the line: the version then prints the text it translates",
            ],
        );
        assert!(!run.stderr.contains("PDF/UA"), "{}", run.stderr);
        assert!(!out.exists(), "{command} wrote {}", out.display());
    }
}
