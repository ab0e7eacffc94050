//! `report build` -> output/html/: every page is there, every internal link resolves to a
//! file and an anchor, the site agrees with data.json, hostile text stays text.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{build_ok, fixture, repo};

/// Every value of `attr="..."` in an HTML text, entities for & decoded.
fn attributes(html: &str, attr: &str) -> Vec<String> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest[..rest.find('"').unwrap()].replace("&amp;", "&")
        })
        .collect()
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect()
}

#[test]
fn every_page_exists_and_every_internal_link_resolves() {
    let out = crate::support::shipped_build();
    let data: Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("data.json")).unwrap()).unwrap();

    let mut expected = vec!["index.html".to_string(), "print.html".to_string()];
    for c in data["categories"].as_array().unwrap() {
        if c["state_count"].as_u64().unwrap() > 0 {
            expected.push(format!("categories/{}.html", c["id"].as_str().unwrap()));
        }
    }
    for r in data["replies"].as_array().unwrap() {
        expected.push(format!(
            "states/{}.html",
            r["iso3"].as_str().unwrap().to_lowercase()
        ));
    }
    // Every language version's site has the same pages; links, the language switcher's
    // among them, are checked across all of them.
    for version in ["", "fr/", "es/", "ru/", "ar/", "zh/"] {
        let site = out.path().join(format!("{version}html"));
        for page in &expected {
            assert!(site.join(page).is_file(), "missing page {version}{page}");
        }
        let pages = html_files(&site);
        assert_eq!(pages.len(), expected.len(), "unexpected pages: {pages:?}");
    }
    let pages = html_files(out.path());
    assert_eq!(pages.len(), 6 * expected.len());

    // Ids of every page, then every href and src checked against files and ids.
    let ids: BTreeMap<PathBuf, BTreeSet<String>> = pages
        .iter()
        .map(|p| {
            (
                p.clone(),
                attributes(&fs::read_to_string(p).unwrap(), "id")
                    .into_iter()
                    .collect(),
            )
        })
        .collect();
    let mut checked = 0;
    for page in &pages {
        let html = fs::read_to_string(page).unwrap();
        let mut links = attributes(&html, "href");
        links.extend(attributes(&html, "src"));
        for link in links {
            if link.starts_with("https://")
                || link.starts_with("http://")
                || link.starts_with("mailto:")
            {
                continue;
            }
            assert!(
                !link.starts_with('/') && !link.contains("://"),
                "{}: not relative: {link}",
                page.display()
            );
            let (path, fragment) = link.split_once('#').unwrap_or((&link, ""));
            let target = if path.is_empty() {
                page.clone()
            } else {
                normalize(&page.parent().unwrap().join(path))
            };
            assert!(target.exists(), "{}: broken link {link}", page.display());
            if !fragment.is_empty() {
                let known = ids.get(&target).is_some_and(|ids| ids.contains(fragment));
                assert!(
                    known,
                    "{}: no anchor #{fragment} in {}",
                    page.display(),
                    target.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 6 * 500, "only {checked} links checked");
}

/// `a/b/../c` -> `a/c`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn the_site_agrees_with_data_json() {
    let out = crate::support::shipped_build();
    let site = out.path().join("html");
    let data: Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("data.json")).unwrap()).unwrap();
    let index = fs::read_to_string(site.join("index.html")).unwrap();

    // The list of replies on the index page, in data.json's order.
    let list = &index[index.find("<ul class=\"states\">").unwrap()..];
    let mut at = 0;
    for r in data["replies"].as_array().unwrap() {
        let link = format!(
            "states/{}.html\">{}</a>",
            r["iso3"].as_str().unwrap().to_lowercase(),
            r["state"].as_str().unwrap()
        );
        let found = list[at..]
            .find(&link)
            .unwrap_or_else(|| panic!("{link} out of order"));
        at += found + link.len();
    }
    // Each category's count in the overview list and its sentence on its page.
    let mut checked = 0;
    let worded = worded(&repo());
    for (i, c) in data["categories"].as_array().unwrap().iter().enumerate() {
        let Some(section) = c["section"].as_u64() else {
            continue;
        };
        // English letters its sections A to Z (then AA, AB, ...).
        let letter = char::from(b'A' + u8::try_from(section - 1).unwrap());
        checked += 1;
        let id = c["id"].as_str().unwrap();
        let count = c["state_count"].as_u64().unwrap();
        let row = format!(
            "<li><a href=\"categories/{id}.html\">{letter}. {}</a>: {count} {} ({} per cent)</li>",
            c["title"].as_str().unwrap(),
            if count == 1 { "State" } else { "States" },
            c["share_percent"]
        );
        assert!(index.contains(&row), "{row}");
        let page = fs::read_to_string(site.join(format!("categories/{id}.html"))).unwrap();
        let sentence = &worded["categories"][i]["sentence"];
        assert!(page.contains(sentence.as_str().unwrap()), "{id}");
        for t in c["themes"].as_array().unwrap() {
            let row = format!(
                "<th scope=\"row\">{}</th><td class=\"right\">{}</td><td>",
                t["theme"].as_str().unwrap(),
                t["count"]
            );
            let at = page.find(&row).unwrap_or_else(|| panic!("{row}")) + row.len();
            let cell = &page[at..at + page[at..].find("</td>").unwrap()];
            // "Raised by" as the PDF prints it: "A, B and C", observer States named so.
            let names: Vec<String> = t["states"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    let name = s["name"].as_str().unwrap().to_string();
                    match s["standing"].as_str() {
                        Some("observer") => format!("{name} (observer State)"),
                        _ => name,
                    }
                })
                .collect();
            let expected = match names.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, init)) => format!("{} and {last}", init.join(", ")),
                None => String::new(),
            };
            assert_eq!(strip_tags(cell), expected);
        }
    }
    assert_eq!(
        checked, 13,
        "every category of the shipped report is raised"
    );
    // France replied in French; the English report prints its English translation,
    // tagged as English.
    let fra = fs::read_to_string(site.join("states/fra.html")).unwrap();
    assert!(fra.contains("<div class=\"reply-text\" lang=\"en\" dir=\"ltr\">"));
    assert!(fra.contains("[Original: French]"));
}

/// `html` without its tags.
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn hostile_replies_are_text_in_html() {
    let out = crate::support::hostile_build();
    let site = out.path().join("html");
    for page in html_files(&site) {
        let html = fs::read_to_string(&page).unwrap();
        assert!(!html.contains("<script>alert"), "{}", page.display());
        assert!(!html.contains("<img"), "{}", page.display());
        assert!(!html.contains("javascript:"), "{}", page.display());
        assert!(
            !html.contains("and 49 and"),
            "{}: a template expression ran",
            page.display()
        );
    }
    let chile = fs::read_to_string(site.join("states/chl.html")).unwrap();
    for text in [
        // The body, the note and the reference, escaped and otherwise as written (quotes
        // in running text become typographic quotes).
        "Typst markup: #read(“/etc/passwd”) and #import “@preview/cetz:0.2.0”: * and #set page(fill: red)</p>",
        "Maths and templates: $x^2$ and {{ 7*7 }} and {% for x in y %} and &lt;script&gt;alert(1)&lt;/script&gt;</p>",
        "A javascript link and &lt;img src=x onerror=alert(1)&gt; inline.</p>",
        "<em>#text(fill: red)[note] {{ 7*7 }}</em>",
        "<p class=\"received\">Received 1 April 2019 · \\&quot;); #read(&quot;/etc/passwd&quot;) //</p>",
    ] {
        assert!(chile.contains(text), "{text} not shown in:\n{chile}");
    }
    // Both themes, in the category's table, as written.
    let category = fs::read_to_string(site.join("categories/cooperation.html")).unwrap();
    for theme in ["#emph[theme]", "{{ 7*7 }}"] {
        assert!(
            category.contains(&format!("<th scope=\"row\">{theme}</th>")),
            "{theme}"
        );
    }
    let index = fs::read_to_string(site.join("assets/search-index.js")).unwrap();
    assert!(index.starts_with("window.REPORT_SEARCH = ["));
    assert!(
        !index.contains("</script"),
        "the index must not close a script element"
    );
}

/// The first `n` words of `text`.
fn opening(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The shipped report raises every category; the valid fixture leaves one unraised, which
/// gets the last paragraph.
#[test]
fn paragraph_numbers_are_the_same_in_the_pdf_and_the_site() {
    for root in [repo(), fixture("valid")] {
        paragraph_numbers_agree(&root);
    }
}

/// The first language version of `root`, worded, as JSON: what the templates print.
fn worded(root: &Path) -> Value {
    let checked = report::pipeline::check(root);
    let first = checked.versions.into_iter().next();
    serde_json::to_value(first.expect("a root without errors")).unwrap()
}

fn paragraph_numbers_agree(root: &Path) {
    let out = build_ok(root);
    let data: Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("data.json")).unwrap()).unwrap();
    let pdf = crate::support::pdf_text(&out.path().join("report.pdf"));
    let print = fs::read_to_string(out.path().join("html/print.html")).unwrap();

    // (number, the words it opens, the site page that also carries it), in document order.
    let mut expected: Vec<(u64, String, String)> = Vec::new();
    // The sentences as the English version words them (data.json holds only facts).
    let worded = worded(root);
    let (paragraphs, prose) = (&data["paragraphs"], &worded["prose"]);
    for key in [
        "mandate",
        "request",
        "received",
        "structure",
        "categories_intro",
    ] {
        let text = opening(prose[key].as_str().unwrap(), 6);
        expected.push((paragraphs[key].as_u64().unwrap(), text, "index.html".into()));
    }
    for c in worded["categories"].as_array().unwrap() {
        let Some(number) = c["paragraph"].as_u64() else {
            assert!(c["section"].is_null());
            continue;
        };
        let page = format!("categories/{}.html", c["id"].as_str().unwrap());
        let text = opening(c["sentence"].as_str().unwrap(), 6);
        expected.push((number, text, page.clone()));
        for s in c["summaries"].as_array().unwrap() {
            let name = s["name"].as_str().unwrap().to_string();
            expected.push((s["paragraph"].as_u64().unwrap(), name, page.clone()));
        }
    }
    if let Some(number) = paragraphs["unraised"].as_u64() {
        let text = opening(prose["unraised"].as_str().unwrap(), 6);
        expected.push((number, text, "index.html".into()));
    } else {
        assert_eq!(
            root,
            repo().as_path(),
            "the valid fixture has an unraised category"
        );
    }
    let numbers: Vec<u64> = expected.iter().map(|e| e.0).collect();
    assert_eq!(numbers, (1..=expected.len() as u64).collect::<Vec<_>>());

    let mut at = 0;
    for (number, text, page) in &expected {
        let printed = format!("{number}. {text}");
        let found = pdf[at..]
            .find(&printed)
            .unwrap_or_else(|| panic!("the PDF has no {printed:?} after paragraph {}", number - 1));
        at += found + printed.len();
        let anchor = format!("id=\"para-{number}\"");
        let label = format!("aria-label=\"Paragraph {number}\">{number}.</a>");
        for (name, html) in [
            ("print.html".to_string(), print.clone()),
            (
                page.clone(),
                fs::read_to_string(out.path().join("html").join(page)).unwrap(),
            ),
        ] {
            let start = html
                .find(&anchor)
                .unwrap_or_else(|| panic!("{name} has no paragraph {number}"));
            let rest = &html[start..];
            assert!(
                rest.contains(&label),
                "{name}: paragraph {number} shows its number"
            );
            // The element's text, tags left out: its number, then its opening words.
            let body = &rest[rest.find('>').unwrap() + 1..];
            let end = ["</p>", "</h3>", "</li>"]
                .iter()
                .filter_map(|tag| body.find(tag))
                .min()
                .unwrap();
            let shown = strip_tags(&body[..end]).replace("&#39;", "'");
            let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                shown.starts_with(&printed),
                "{name}: paragraph {number} reads {shown:?}, not {printed:?}"
            );
        }
    }
}

/// The site's search finds what its pages show: a reply's footnotes, a category's
/// summaries and description.
#[test]
fn search_finds_footnotes_summaries_and_descriptions() {
    let out = crate::support::shipped_build();
    let index = fs::read_to_string(out.path().join("html/assets/search-index.js")).unwrap();
    let data: Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("data.json")).unwrap()).unwrap();
    // Brazil's first footnote, as written in submissions/bra.md.
    assert!(index.contains("Law No. 12.737 of 30 November 2012"));
    let category = &data["categories"][0];
    let description = category["description"].as_str().unwrap();
    assert!(index.contains(description), "{description}");
    let summary = category["summaries"][0]["summary"].as_str().unwrap();
    assert!(index.contains(&opening(summary, 6)), "{summary}");
}
