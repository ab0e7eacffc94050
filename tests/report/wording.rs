//! Every word a version prints is in that version's language: no English interface in
//! the French site, no English language name in "[Original : portugais]".

use std::fs;
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, Pattern, PatternElement};

use crate::support::{edit, fixture_copy, pdf_text, repo, report_in, shipped_build};

/// The literal pieces of a message (the text around its placeables, in every variant).
fn pieces(pattern: &Pattern<&str>, out: &mut Vec<String>) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push(value.to_string()),
            PatternElement::Placeable { expression } => {
                if let Expression::Select { variants, .. } = expression {
                    for v in variants {
                        pieces(&v.value, out);
                    }
                }
            }
        }
    }
}

/// What the English catalogue says, in pieces of two words or more: the strings no
/// other version may print. `(key, piece)`.
fn english_strings() -> Vec<(String, String)> {
    let text = fs::read_to_string(repo().join("assets/locales/en.ftl")).unwrap();
    let resource = fluent_syntax::parser::parse(text.as_str()).unwrap();
    let mut out = Vec::new();
    for entry in resource.body {
        let Entry::Message(message) = entry else {
            continue;
        };
        let Some(pattern) = message.value else {
            continue;
        };
        let mut found = Vec::new();
        pieces(&pattern, &mut found);
        for piece in found.iter().flat_map(|p| p.lines()) {
            let piece = piece.trim().trim_matches(|c: char| !c.is_alphanumeric());
            let words = piece
                .split_whitespace()
                .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
                .count();
            if words >= 2 {
                out.push((message.id.name.to_string(), piece.to_string()));
            }
        }
    }
    out
}

/// Every file of a version's site that a reader's browser reads, joined.
fn site_text(dir: &Path) -> String {
    site_text_of(dir, "html") + &site_text_of(dir, "js")
}

/// The files of `dir` with extension `ext`, joined.
fn site_text_of(dir: &Path, ext: &str) -> String {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == ext))
        .map(|e| fs::read_to_string(e.path()).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The shipped report's five other versions print none of the English catalogue's
/// strings, nor the site's English interface, in their site or their PDF.
#[test]
fn no_version_prints_the_english_interface() {
    let shipped = shipped_build();
    let out = shipped.path();
    // Chapter II's summaries of the replies received in a version's own language are
    // worded in it (files of summaries only); what is printed in English is said.
    for file in ["arg.es.md", "fra.fr.md", "rus.ru.md", "mar.ar.md"] {
        assert!(!shipped.run.stderr.contains(file), "{}", shipped.run.stderr);
    }
    // The replies printed in their English original say some of them too ("Member
    // States", "United Nations"): those are not looked for, and they must stay few.
    let replies = site_text_of(&repo().join("submissions"), "md");
    // A masthead fact of book.toml ("General"), worded in French.
    let fr_index = std::fs::read_to_string(out.join("fr/html/index.html")).unwrap();
    assert!(fr_index.contains("<dd>générale</dd>"), "{fr_index}");
    let all = english_strings();
    let english: Vec<&(String, String)> = all
        .iter()
        .filter(|(_, p)| !replies.contains(p.as_str()))
        .collect();
    assert!(
        english.len() > 50 && all.len() - english.len() < 12,
        "{} of {}",
        english.len(),
        all.len()
    );
    // The English version itself prints them (the search is not looking at nothing).
    let en_site = site_text(&out.join("html"));
    for piece in [
        "Back to the text",
        "No match",
        "Report of the Secretary-General",
    ] {
        assert!(en_site.contains(piece), "the English site lacks {piece:?}");
    }
    for lang in ["fr", "es", "ru", "zh", "ar"] {
        let site = site_text(&out.join(lang).join("html"));
        let pdf = pdf_text(&out.join(lang).join("report.pdf"));
        let mut found = Vec::new();
        for (key, piece) in english.iter() {
            if site.contains(piece.as_str()) || pdf.contains(piece.as_str()) {
                found.push(format!("{key}: {piece:?}"));
            }
        }
        // The site's interface strings: the screen-reader labels, the search box, and
        // the kinds of search results.
        for interface in [
            "aria-label=\"Footnote",
            "aria-label=\"Back to the text\"",
            "No match",
            "\"k\":\"reply\"",
            "\"k\":\"category\"",
        ] {
            if site.contains(interface) {
                found.push(format!("site interface: {interface:?}"));
            }
        }
        assert!(
            found.is_empty(),
            "the {lang} version prints English:\n{}",
            found.join("\n")
        );
    }
}

/// A reply in a language outside the six is introduced by its language's name in each
/// version's own language, as CLDR gives it.
#[test]
fn a_language_outside_the_six_is_named_in_each_version() {
    let (_tmp, root) = fixture_copy("valid");
    edit(&root.join("submissions/cri.md"), |cri| {
        cri.replace("language = \"es\"", "language = \"pt\"")
    });
    crate::support::with_languages(&root, &["en", "fr", "es", "ru", "zh", "ar"]);
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = root.join("output");
    for (dir, expected) in [
        ("", "[Original: Portuguese]"),
        ("fr/", "[Original : portugais]"),
        ("es/", "[Original: portugués]"),
        ("ru/", "[Язык оригинала: португальский]"),
    ] {
        let pdf = pdf_text(&out.join(format!("{dir}report.pdf")));
        assert!(pdf.contains(expected), "{dir}: {expected} in\n{pdf}");
        assert!(
            !pdf.contains("Portuguese") || dir.is_empty(),
            "{dir}\n{pdf}"
        );
    }
    for dir in ["zh/", "ar/"] {
        let site = site_text(&out.join(format!("{dir}html")));
        assert!(!site.contains("Portuguese"), "{dir}");
    }
    let zh = site_text(&out.join("zh/html"));
    assert!(zh.contains("葡萄牙"), "zh");
    let ar = site_text(&out.join("ar/html"));
    assert!(ar.contains("البرتغالية"), "ar");
}

/// The body of every version's PDF is worded in its language, from the shipped replies:
/// the date, the count of States (in words where the language writes them so), the list
/// of States joined by the language's "and" in its own order, and "n/N" on every page
/// after the first.
#[test]
fn every_pdf_words_its_body_in_its_language() {
    let out = shipped_build().path();
    // (folder, the date of replies, the start of its sentence, the end of a list of
    // States in the version's order, a count of States as the version words it)
    let cases = [
        (
            "",
            "As at 31 May 2019, replies had been received from the following 20 Member States",
            "Malaysia, Mongolia and Morocco",
            "eight of the 22 Member States",
        ),
        (
            "fr/",
            "Au 31 mai 2019, des réponses avaient été reçues des 20 États Membres suivants",
            "Malaisie, Maroc et Mongolie",
            "8 des 22 États Membres ayant répondu",
        ),
        (
            "es/",
            "Al 31 de mayo de 2019, se habían recibido respuestas de los 20 Estados Miembros siguientes",
            "Malasia, Marruecos y Mongolia",
            "8 de los 22 Estados Miembros que respondieron",
        ),
        (
            "ru/",
            "31 мая 2019 года были получены ответы от следующих 20",
            "Монголия и Сальвадор",
            "восьми из 22 ответивших",
        ),
        (
            "zh/",
            "截至2019年5月31日，已收到以下二十个会员国的答复",
            "马来西亚、蒙古和摩洛哥",
            "在提交答复的二十二个会员国中，有八个",
        ),
        (
            "ar/",
            "وحتى 31أيار/مايو ،2019",
            "وماليزيا والمغرب ومنغوليا",
            "الدول الأعضاء الـ 22",
        ),
    ];
    for (dir, date, joined, count) in cases {
        let pdf = out.join(format!("{dir}report.pdf"));
        let mut text = pdf_text(&pdf);
        // No zero-width space in the words: a line breaks between Chinese characters
        // anyway, and one there would be copied and searched with the text.
        assert!(
            !text.contains('\u{200b}'),
            "{dir}: a zero-width space in\n{text}"
        );
        // Chinese without the spaces the text extraction puts between runs.
        if dir == "zh/" {
            text.retain(|c| !c.is_whitespace());
        }
        // Arabic in reading order (pdftotext's), without the direction marks it adds.
        // (It puts a number and the word after it in the order they are drawn.)
        if dir == "ar/" {
            let Some(read) = crate::support::pdf_text_as_read(&pdf, None) else {
                continue;
            };
            text = read.replace(
                ['\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}'],
                "",
            );
            text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        for expected in [date, joined, count] {
            assert!(
                text.contains(expected),
                "{dir}report.pdf lacks {expected:?}:\n{text}"
            );
        }
        let pages = lopdf::Document::load(&pdf).unwrap().get_pages().len();
        assert!(pages > 10, "{dir}: {pages} pages");
        for page in 2..=pages {
            assert!(
                text.contains(&format!("{page}/{pages}")),
                "{dir}: no {page}/{pages}"
            );
        }
    }
}

/// Chapter III prints the replies in the version's own order of State names: Georgia
/// after Costa Rica in English, Грузия before Коста-Рика in Russian; Mongolia before
/// Morocco in English, Maroc before Mongolie in French.
#[test]
fn chapter_three_is_in_each_versions_order() {
    let out = shipped_build().path();
    let heading = |dir: &str, name: &str| -> usize {
        let text = pdf_text(&out.join(format!("{dir}report.pdf")));
        // The reply's own heading: its name on a line of its own, after the chapter's
        // title (the contents page and chapter II name the States too), read from the
        // text of the page the chapter starts on onwards.
        let chapter = text
            .rfind(match dir {
                "ru/" => "Ответы, полученные от правительств",
                "fr/" => "Réponses reçues des gouvernements",
                _ => "Replies received from Governments",
            })
            .unwrap_or_else(|| panic!("{dir}: no chapter III"));
        chapter
            + text[chapter..]
                .find(name)
                .unwrap_or_else(|| panic!("{dir}: {name} not in chapter III"))
    };
    assert!(heading("", "Costa Rica") < heading("", "Georgia"));
    assert!(heading("ru/", "Грузия") < heading("ru/", "Коста-Рика"));
    assert!(heading("", "Mongolia") < heading("", "Morocco"));
    assert!(heading("fr/", "Maroc") < heading("fr/", "Mongolie"));
}
