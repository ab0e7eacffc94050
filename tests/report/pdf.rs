//! `report build` -> output/report.pdf, read back as text: the masthead, the order of the
//! replies, the analysis figures, footnotes and tables, hostile replies shown literally.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::{
    assert_contains_all, assert_same_files, build, edit, files, fixture, fixture_copy, pdf_text,
    repo, report_in, with_languages,
};

fn data(out: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(out.join("data.json")).unwrap()).unwrap()
}

/// Asserts that `names` appear in this order in `text`, starting from `from`.
#[track_caller]
fn assert_in_order(text: &str, from: usize, names: &[&str]) {
    let mut at = from;
    for name in names {
        match text[at..].find(name) {
            Some(i) => at += i + name.len(),
            None => panic!(
                "{name:?} not found after position {at} in:\n{}",
                &text[from..]
            ),
        }
    }
}

#[test]
fn shipped_report_has_the_un_layout_and_every_reply_in_order() {
    let out = crate::support::shipped_build();
    let text = pdf_text(&out.path().join("report.pdf"));
    let data = data(out.path());

    assert_contains_all(
        &text,
        &[
            "United Nations",
            "A/74/130",
            "General Assembly",
            "Distr.: General",
            "30 July 2019",
            "Original: English",
            "Seventy-fourth session",
            "Item 109 of the provisional agenda",
            "A/74/150.",
            "Report of the Secretary-General",
            "Summary",
            "Contents",
            "V.19-08182",
            "Introduction",
            "Challenges by category",
            "Replies received from Governments",
        ],
    );
    // The masthead footnote is on page 1, before the Contents.
    assert!(text.find("A/74/150.").unwrap() < text.find("Contents").unwrap());

    // Chapter III: every State heading in UN order, after the chapter's heading (the
    // first occurrence of the title is the Contents entry). The order is written out here
    // (UN English alphabetical order of short names), not taken from the build.
    let chapter = text.rfind("Replies received from Governments").unwrap();
    let states = [
        "Argentina",
        "Australia",
        "Brazil",
        "Canada",
        "China",
        "Colombia",
        "Costa Rica",
        "Czechia",
        "El Salvador",
        "Estonia",
        "France",
        "Georgia",
        "Germany",
        "India",
        "Iran (Islamic Republic of)",
        "Japan",
        "Malaysia",
        "Mongolia",
        "Morocco",
        "Netherlands",
        "New Zealand",
        "Russian Federation",
    ];
    assert_eq!(data["replies"].as_array().unwrap().len(), states.len());
    assert_in_order(&text, chapter, &states);
    assert_in_order(
        &text,
        chapter,
        &["Argentina", "[Original: Spanish]", "Australia"],
    );
    assert_in_order(&text, chapter, &["France", "[Original: French]", "Georgia"]);
    assert_in_order(
        &text,
        chapter,
        &["Russian Federation", "[Original: Russian]"],
    );
    assert!(text.contains("Illustrative sample, not an official text"));

    // Chapter II: every category with its count, counted here from the replies' front
    // matter, in words below ten, and its share rounded half up.
    let words = [
        "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    let book = fs::read_to_string(repo().join("book.toml")).unwrap();
    let ids: Vec<&str> = book
        .lines()
        .filter_map(|l| l.strip_prefix("id = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    let titles: Vec<&str> = book
        .lines()
        .filter_map(|l| l.strip_prefix("title = \""))
        .skip(1) // [book] title
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert_eq!(ids.len(), 13);
    for (id, title) in ids.iter().zip(&titles) {
        // Originals only: translations repeat their original's categories.
        let count = fs::read_dir(repo().join("submissions"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .matches('.')
                    .count()
                    == 1
            })
            .map(|p| fs::read_to_string(p).unwrap())
            .filter(|reply| reply.contains(&format!("category = \"{id}\"")))
            .count();
        assert!((1..22).contains(&count), "{id}: {count}");
        let said = if count < 10 {
            words[count].to_string()
        } else {
            count.to_string()
        };
        let percent = (count * 100 * 2 + 22) / (22 * 2);
        let sentence =
            format!("raised by {said} of the 22 Member States that replied ({percent} per cent)");
        assert!(text.contains(title), "{title}");
        assert!(text.contains(&sentence), "{title}: {sentence}");
    }
    // A footnote of the Netherlands' reply and a cell of Australia's table.
    assert_contains_all(
        &text,
        &[
            "The Convention entered into force for the Netherlands in 2007.",
            "Australian Cyber Security Centre",
        ],
    );
}

#[test]
fn introduction_counts_come_from_the_replies() {
    let out = crate::support::valid_build();
    let text = pdf_text(&out.path().join("report.pdf"));
    assert_contains_all(
        &text,
        &[
            "As at 31 May 2019, replies had been received from the following five States: \
             Costa Rica, Côte d’Ivoire, Croatia, State of Palestine (observer State) and \
             Turkmenistan.",
            "A reply was subsequently received from Türkiye.",
            "Challenges in this category were raised by five of the six States that replied (83 per cent)",
            "No State raised challenges in the following category: Prevention.",
            "[Original: French]",
        ],
    );
    // The draft reply is left out of a final build.
    assert!(!text.contains("Borrador"));
}

#[test]
fn hostile_replies_print_literally_and_read_nothing() {
    let out = crate::support::hostile_build();
    let run = &out.run;
    let text = pdf_text(&out.path().join("report.pdf"));
    assert_contains_all(
        &text,
        &[
            // Exactly as written (quotes in running text become typographic quotes, as
            // the Markdown parser's smart punctuation makes them; code keeps them straight).
            "Typst markup: #read(“/etc/passwd”) and #import “@preview/cetz:0.2.0”: * and #set page(fill: red)",
            "Maths and templates: $x^2$ and {{ 7*7 }} and {% for x in y %} and <script>alert(1)</script>",
            "A javascript link and <img src=x onerror=alert(1)> inline.",
            "Code: #eval(\"1 + 1\") and #let x = 1",
            "Brackets ] [ and a label <passwd> and a backslash \\ at the end and a string “\\u{0}” with a quote “ and an at @ref.",
            "#panic(\"from a code block\")",
            "#text(fill: red)[note] {{ 7*7 }}",
            "#emph[theme]",
            "Summary with #read(“/etc/passwd”) and ] #panic(“x”) [",
            "Deep quote.",
            "level 0",
            "level 59",
            "deep emphasis",
        ],
    );
    assert!(!text.contains("root:x:0:0"), "file content leaked");
    let typ = fs::read_to_string(out.path().join("report.typ")).unwrap();
    assert!(!typ.contains("javascript:"), "unsafe link kept");
    // Chinese prints; Ethiopic has no embedded font: a warning names the reply and the
    // characters.
    assert!(text.contains("中华人民共和国政府"), "{text}");
    assert_contains_all(
        &run.stderr,
        &[
            "warning[missing-glyph]: no embedded font can draw ሰ (U+1230)",
            "hostile/submissions/chn.md:7:49",
            "font-dirs",
        ],
    );
}

#[test]
fn two_builds_give_identical_bytes() {
    // One build shared with other tests, one of its own.
    let first = crate::support::valid_build();
    let (second, _) = build(&fixture("valid"));
    let (first, second) = (files(first.path()), files(second.path()));
    assert!(first.len() > 10, "{:?}", first.keys());
    assert_same_files(&first, &second);
}

#[test]
fn letter_paper_is_an_option() {
    let (_tmp, root) = fixture_copy("valid");
    edit(&root.join("book.toml"), |book| {
        book.replace("paper = \"a4\"", "paper = \"letter\"")
    });
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sizes = crate::support::pdf_page_sizes(&root.join("output/report.pdf"));
    assert!(
        sizes
            .iter()
            .all(|&(w, h)| (w - 612.0).abs() < 0.5 && (h - 792.0).abs() < 0.5),
        "{sizes:?}"
    );
    let out = crate::support::valid_build();
    let a4 = crate::support::pdf_page_sizes(&out.path().join("report.pdf"));
    assert!(
        a4.iter()
            .all(|&(w, h)| (w - 595.3).abs() < 0.5 && (h - 841.9).abs() < 0.5),
        "{a4:?}"
    );
}

#[test]
fn templates_cannot_read_files_or_import_packages() {
    for (template, expected) in [
        (
            "#read(\"/etc/passwd\")\n",
            "error[typst-error]: typesetting the English version: file not found",
        ),
        (
            "#import \"@preview/cetz:0.2.0\": canvas\n",
            "packages are not available",
        ),
    ] {
        let (_tmp, root) = fixture_copy("valid");
        fs::create_dir_all(root.join("templates")).unwrap();
        fs::write(root.join("templates/report.typ.j2"), template).unwrap();
        fs::create_dir_all(root.join("output")).unwrap();
        fs::write(root.join("output/report.pdf"), "previous").unwrap();
        let run = report_in(&root, &["build"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_contains_all(
            &run.stderr,
            &[
                expected,
                "report.typ of the English version (generated from report.typ.j2):1:",
                "the output folder was left as it was",
            ],
        );
        assert_eq!(
            fs::read_to_string(root.join("output/report.pdf")).unwrap(),
            "previous"
        );
    }
}

/// A table that runs over pages repeats its header there, as an artifact, and PDF/UA
/// allows no link in an artifact: a header with a link or a footnote mark is printed once,
/// and the build succeeds (it failed on Typst's "PDF artifacts may not contain links").
#[test]
fn a_long_table_whose_header_links_builds() {
    let (_tmp, root) = fixture_copy("valid");
    let rows: String = (0..150)
        .map(|i| format!("| row {i} | value {i} |\n"))
        .collect();
    edit(&root.join("submissions/cri.md"), |cri| {
        format!(
            "{}\n\n| [UN](https://un.org) | b[^n] |\n|---|---|\n{rows}\n[^n]: A note.\n",
            cri.trim_end()
        )
    });
    let (out, run) = build(&root);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdf_text(&out.path().join("report.pdf"));
    assert!(text.contains("row 149"), "{text}");
    assert_eq!(text.matches("A note.").count(), 1, "{text}");
}

/// A template that fails fails in every language version: each error says which version
/// it is, and points into that version's generated source.
#[test]
fn a_typesetting_error_names_its_language_version() {
    let (_tmp, root) = fixture_copy("valid");
    with_languages(&root, &["en", "fr"]);
    fs::create_dir_all(root.join("templates")).unwrap();
    fs::write(
        root.join("templates/report.typ.j2"),
        "#read(\"/etc/passwd\")\n",
    )
    .unwrap();
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "error[typst-error]: typesetting the English version: file not found",
            "error[typst-error]: typesetting the French version: file not found",
            "report.typ of the English version (generated from report.typ.j2):1:",
            "report.typ of the French version (generated from report.typ.j2):1:",
        ],
    );
}

#[test]
fn an_oversized_reply_is_refused_by_name() {
    let (_tmp, root) = fixture_copy("valid");
    let big = format!(
        "+++\nstate = \"Chile\"\nreceived = 2019-04-01\n+++\n\n{}",
        "All work and no play. ".repeat(60_000)
    );
    fs::write(root.join("submissions/chl.md"), big).unwrap();
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 1);
    assert_contains_all(
        &run.stderr,
        &["submissions/chl.md: not read: it is 1290 KB, more than the limit of 1024 KB"],
    );
}

/// The generated Typst of two small roots, reviewed as snapshots: layout changes show up
/// as diffs, and the hostile one shows how reply text reaches Typst (string literals only).
#[test]
fn generated_typst_snapshots() {
    use crate::support::{hostile_build, valid_build};
    for (name, out) in [("valid", valid_build()), ("hostile", hostile_build())] {
        let typ = fs::read_to_string(out.path().join("report.typ")).unwrap();
        insta::assert_snapshot!(format!("{name}_report_typ"), typ);
    }
}

/// A word longer than a line (a hash, a URL, a pasted blob) wraps inside the text column:
/// no line of the PDF holds more of it than fits across the page.
#[test]
fn a_long_word_wraps_inside_the_column() {
    let (_tmp, root) = fixture_copy("valid");
    // Some five lines long, so that it stays on one page.
    let word: String = (0..400u32)
        .map(|i| char::from_digit(i * 7 % 16, 16).unwrap())
        .collect();
    edit(&root.join("submissions/cri.md"), |cri| {
        format!(
            "{cri}\nThe identifier {word} ends here.\n\n| a | b |\n|---|---|\n| {} | x |\n",
            &word[..200]
        )
    });
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = lopdf::Document::load(root.join("output/report.pdf")).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    // Every character of the word is there, in order, across lines.
    let joined: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}')
        .collect();
    assert!(joined.contains(&word), "the word is printed whole");
    // A line of 10-point Liberation Serif across the column holds about 90 such
    // characters; the table's column fewer.
    let longest = text
        .lines()
        .flat_map(str::split_whitespace)
        .map(|w| w.chars().count())
        .max()
        .unwrap();
    assert!(
        longest <= 100,
        "a line holds {longest} characters of one word"
    );
}

/// The text of each page of a PDF, white space collapsed.
fn page_texts(pdf: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(pdf).expect("a readable PDF");
    doc.get_pages()
        .keys()
        .map(|&page| {
            let text = doc.extract_text(&[page]).expect("page text");
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// The Contents is written from the data, so that Typst's first layout already gives it
/// its final length: every version is laid out twice from scratch (once to place
/// everything, once to confirm the page numbers), not three times, and each entry's page
/// number is the page its heading is on. (Each version is laid out in a worker process.)
#[test]
fn the_contents_points_at_each_heading_and_two_layouts_suffice() {
    let shared = crate::support::shipped_build();
    let (out, run) = (shared, &shared.run);
    for lang in ["en", "fr", "es", "ru", "ar", "zh"] {
        assert!(
            run.stderr
                .contains(&format!("{lang}: 2 passes from scratch"))
                || run
                    .stderr
                    .contains(&format!("Layout {lang}: 2 passes from scratch")),
            "the {lang} version took other than two layouts:\n{}",
            run.stderr
        );
        // Each version is typeset in a worker process of its own.
        assert!(
            run.stderr.contains(&format!("{lang} worker ")),
            "the {lang} version was not typeset in a worker:\n{}",
            run.stderr
        );
    }
    let pages = page_texts(&out.path().join("report.pdf"));
    // The Contents runs from page 2 to the page before chapter I.
    let chapter_one = 1
        + pages
            .iter()
            .skip(2)
            .position(|p| p.contains("I. Introduction 1. "))
            .expect("chapter I begins with paragraph 1")
        + 2;
    let contents = pages[1..chapter_one - 1].join(" ");
    let page_of = |title: &str| -> usize {
        let at = contents
            .find(title)
            .unwrap_or_else(|| panic!("{title} in the Contents"));
        let rest = contents[at + title.len()..].trim_start_matches([' ', '.']);
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits
            .parse()
            .unwrap_or_else(|_| panic!("a page number after {title}: {rest:.40}"))
    };
    assert_eq!(page_of("I. Introduction"), chapter_one);
    let chapter_three = page_of("III. Replies received from Governments");
    assert!(
        pages[chapter_three - 1].contains("III. Replies received from Governments"),
        "chapter III on page {chapter_three}"
    );
    // Each reply's heading is on the page given, and on no page of chapter III before it.
    let data = data(out.path());
    for reply in data["replies"].as_array().unwrap() {
        let name = reply["state"].as_str().unwrap();
        let page = page_of(&format!("{name} ."));
        let first = chapter_three
            + pages[chapter_three - 1..]
                .iter()
                .position(|p| p.contains(name))
                .unwrap_or_else(|| panic!("{name} in chapter III"));
        assert_eq!(page, first, "the Contents' page of {name}");
    }
}
