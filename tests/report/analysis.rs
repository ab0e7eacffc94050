//! Chapter II's analysis as reviewers see it: the chart and its numbers, the regional
//! breakdown, `report stats`, `report diff` and the word limit.

use std::fs;

use serde_json::Value;

use crate::support::{
    assert_contains_all, build_ok, copy_dir, edit, fixture, fixture_copy, pdf_text, report,
    report_in,
};

/// The bars of the valid fixture, counted by hand from its replies: cooperation is raised
/// by Costa Rica, Côte d'Ivoire, Croatia, State of Palestine and Turkmenistan, evidence by
/// Costa Rica, Côte d'Ivoire and Türkiye; prevention by none (Peru's draft is left out).
const BARS: [(&str, &str, u32); 2] = [
    ("A. International cooperation", "cooperation", 5),
    ("B. Electronic evidence", "evidence", 3),
];

#[test]
fn the_chart_shows_the_counts_of_the_replies() {
    let out = crate::support::valid_build();

    // PDF: after the figure's caption, each bar's label followed by its number, and no bar
    // for a category no State raised.
    let text = pdf_text(&out.path().join("report.pdf"));
    let figure = text
        .find("Figure I. Number of States that raised each category")
        .expect(&text);
    let mut at = figure;
    for (label, _, count) in BARS {
        let bar = format!("{label} {count}");
        at += text[at..]
            .find(&bar)
            .unwrap_or_else(|| panic!("bar {bar:?} not in {}", &text[figure..]));
    }
    let table = text[figure..].find("Table 1.").unwrap() + figure;
    assert!(
        !text[figure..table].contains("Prevention"),
        "{}",
        &text[figure..table]
    );
    assert_contains_all(
        &text,
        &[
            "Table 1. States that raised each category, by regional group",
            // Cooperation: CIV (AFR), PSE and TKM (APG), HRV (EEG), CRI (GRULAC).
            "A. International cooperation 1 2 1 1 0 5",
            "B. Electronic evidence 1 0 0 1 1 3",
            "By regional group: African States (1), Asia-Pacific States (2), Eastern European States (1) and Latin American and Caribbean States (1).",
        ],
    );

    // HTML: each bar carries the same number as data.json, and its category's title.
    let index = fs::read_to_string(out.path().join("html/index.html")).unwrap();
    assert!(index.contains(
        "<figcaption id=\"chart-title\">Figure I. Number of States that raised each category</figcaption>"
    ));
    for (label, id, count) in BARS {
        let bar = format!("<div class=\"bar\" data-category=\"{id}\">");
        let start = index
            .find(&bar)
            .unwrap_or_else(|| panic!("no bar for {bar}"));
        let end = start + index[start..].find("</div>").unwrap();
        let count = format!("class=\"count\">{count}</span>");
        assert!(index[start..end].contains(&count), "{}", &index[start..end]);
        assert!(index[start..end].contains(label), "{}", &index[start..end]);
    }
    assert_eq!(index.matches("<div class=\"bar\"").count(), BARS.len());
    assert!(index.contains("<tr><th scope=\"row\">A. International cooperation</th><td class=\"right\">1</td><td class=\"right\">2</td><td class=\"right\">1</td><td class=\"right\">1</td><td class=\"right\">0</td><td class=\"right\">5</td></tr>"));
}

#[test]
fn stats_as_json_for_scripts() {
    let run = report(&["stats", "tests/fixtures/valid", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let stats: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(stats["replies"], 6);
    assert_eq!(stats["observer_states"], 1);
    assert_eq!(stats["categories"][0]["id"], "cooperation");
    assert_eq!(stats["categories"][0]["states"], 5);
    assert_eq!(stats["categories"][0]["share_percent"], 83);
    assert_eq!(stats["categories"][2]["states"], 0);
    assert_eq!(stats["top_themes"][0]["theme"], "extradition");
    assert_eq!(stats["top_themes"][0]["states"], 3);
    // Côte d'Ivoire raised "mutual legal assistance" spelled two ways: counted once.
    let mla = stats["top_themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["theme"] == "mutual legal assistance")
        .unwrap();
    assert_eq!(mla["states"], 2);
    assert_eq!(stats["late_replies"][0], "Türkiye");
    assert_eq!(stats["regional_groups"][1]["code"], "APG");
    assert_eq!(stats["regional_groups"][1]["replies"], 2);
    assert!(stats["words"]["secretariat"].as_u64().unwrap() > 100);

    let run = report(&["stats", "tests/fixtures/valid"]);
    assert_contains_all(
        &run.stdout,
        &[
            "Replies: 6 (5 Member States, 1 observer State)",
            "A International cooperation",
            "Late replies: Türkiye",
            "Words: Secretariat text",
        ],
    );
}

/// The valid root and a copy with one reply edited, one added and one removed.
fn two_versions() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
    copy_dir(&fixture("valid"), &old);
    copy_dir(&fixture("valid"), &new);
    edit(&new.join("submissions/cri.md"), |cri| {
        cri.replace(
            "Costa Rica asks for faster mutual legal assistance.",
            "Costa Rica asks for faster assistance.",
        )
        .replace(
            "El Gobierno de Costa Rica tiene el honor de transmitir sus observaciones.",
            "El Gobierno de Costa Rica transmite sus observaciones.\n\nUn párrafo nuevo.",
        )
    });
    fs::remove_file(new.join("submissions/hrv.md")).unwrap();
    fs::write(
        new.join("submissions/chl.md"),
        "+++\nstate = \"Chile\"\nreceived = 2019-05-02\nlanguage = \"es\"\n[[challenges]]\ncategory = \"evidence\"\nthemes = [\"cloud storage\"]\nsummary = \"Chile needs cloud evidence.\"\n+++\n\nTexto.\n",
    )
    .unwrap();
    (tmp, old, new)
}

#[test]
fn diff_of_two_roots_for_a_reviewer() {
    let (_tmp, old, new) = two_versions();
    let run = report(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains_all(
        &run.stdout,
        &[
            "Replies: 6 -> 6",
            "States added: Chile",
            "States removed: Croatia",
            "Costa Rica (submissions/cri.md)",
            "summary for International cooperation:",
            "- Costa Rica asks for faster mutual legal assistance.",
            "+ Costa Rica asks for faster assistance.",
            "- El Gobierno de Costa Rica tiene el honor de transmitir sus observaciones.",
            "+ El Gobierno de Costa Rica transmite sus observaciones.",
            "+ Un párrafo nuevo.",
            "Counts that moved:",
            "International cooperation: States 5 -> 4",
            "extradition: 3 -> 2",
            "Electronic evidence: States 3 -> 4",
            "cloud storage: 2 -> 3",
        ],
    );
    assert!(
        !run.stdout.contains("Côte d’Ivoire ("),
        "an unchanged reply is listed:\n{}",
        run.stdout
    );

    // The same with the old side as a data.json from an earlier build, as Markdown.
    let out = build_ok(&old);
    let data = out.path().join("data.json");
    let run = report(&[
        "diff",
        data.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "markdown",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains_all(
        &run.stdout,
        &[
            "## Report changes:",
            "**States added:** Chile",
            "#### Costa Rica (`submissions/cri.md`)",
            "```diff",
            "+ Un párrafo nuevo.",
            "| International cooperation | 5 → 4 | extradition 3 → 2 |",
        ],
    );

    let same = report(&["diff", old.to_str().unwrap(), old.to_str().unwrap()]);
    assert!(same.stdout.contains("No changes."), "{}", same.stdout);
}

#[test]
fn diff_names_a_broken_side() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("data.json");
    fs::write(&bad, "{ not json").unwrap();
    let run = report(&["diff", bad.to_str().unwrap(), "tests/fixtures/valid"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("data.json:1:3: not a data.json file"),
        "{}",
        run.stderr
    );
    let run = report(&["diff", "tests/fixtures/invalid", "tests/fixtures/valid"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("tests/fixtures/invalid has problems"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_word_limit_is_a_warning() {
    let (_tmp, root) = fixture_copy("valid");
    edit(&root.join("book.toml"), |book| {
        book.replace(
            "mandate = \"73/187\"",
            "mandate = \"73/187\"\nword-limit = 50",
        )
    });
    let run = report_in(&root, &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "warning[word-limit]: the Secretariat's text has",
            "more than the limit of 50",
            "word-limit",
        ],
    );
}

#[test]
fn diff_compares_all_of_data_json() {
    let (_tmp, old, new) = two_versions();
    edit(&new.join("book.toml"), |book| {
        book.replace("date = 2019-07-30", "date = 2019-08-02")
            .replace(
                "title = \"Prevention\"",
                "title = \"Prevention and awareness\"",
            )
    });
    let run = report(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains_all(
        &run.stdout,
        &[
            "Other changes:",
            "  report.date: 2019-07-30 -> 2019-08-02",
            "  categories[prevention].title: Prevention -> Prevention and awareness",
        ],
    );
    // Reply texts are shown once, in their own section, not again as values.
    assert!(!run.stdout.contains(".body:"), "{}", run.stdout);
}

#[test]
fn diff_reads_only_a_reports_data_json() {
    let tmp = tempfile::tempdir().unwrap();
    let out = crate::support::valid_build();
    let good = out.path().join("data.json");
    let cases = [
        ("{}", "not a report's data.json: it has no `schema_version`"),
        (
            "{\"schema_version\": 99}",
            "this data.json has schema_version 99, and this version of report reads schema_version 3",
        ),
        (
            "{\"schema_version\": 3, \"replies\": {}}",
            "not a report's data.json: `replies` is missing or not what docs/data-json.md says",
        ),
        ("[1, 2]", "it has no `schema_version`"),
    ];
    for (text, message) in cases {
        let bad = tmp.path().join("other.json");
        fs::write(&bad, text).unwrap();
        let run = report(&["diff", bad.to_str().unwrap(), good.to_str().unwrap()]);
        assert_eq!(run.code, 1, "{text}: {}", run.stderr);
        assert_contains_all(&run.stderr, &["other.json: ", message]);
    }
    let run = report(&["diff", good.to_str().unwrap(), good.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("No changes."), "{}", run.stdout);
}

/// The Holy See belongs to no regional group: when it replied, Table 1 says why its group
/// columns do not add up to the total, in the PDF and the site; otherwise it says nothing.
#[test]
fn a_reply_without_a_regional_group_is_explained_under_table_1() {
    const NOTE: &str =
        "The Holy See, which belongs to no regional group, is counted in the totals only.";
    let without = crate::support::valid_build();
    let pdf = pdf_text(&without.path().join("report.pdf"));
    assert!(!pdf.contains(NOTE));
    let (_tmp, root) = crate::support::fixture_copy("valid");
    let reply = "+++\nstate = \"Holy See\"\nreceived = 2019-04-01\nlanguage = \"en\"\nnote = \"Test\"\n\n[[challenges]]\ncategory = \"cooperation\"\nthemes = [\"extradition\"]\nsummary = \"On cooperation.\"\n+++\n\nThe reply.\n";
    fs::write(root.join("submissions/vat.md"), reply).unwrap();
    let run = crate::support::report_in(&root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = pdf_text(&root.join("output/report.pdf"));
    assert!(pdf.contains(NOTE), "{pdf}");
    let index = fs::read_to_string(root.join("output/html/index.html")).unwrap();
    assert!(index.contains(NOTE));
}
