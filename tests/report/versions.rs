//! The report in the six official languages: one build writes every version of `[book]
//! languages`, each in its own words, names, order and script.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use icu_collator::CollatorBorrowed;
use icu_locale_core::Locale;

use crate::support::{
    assert_contains_all, assert_same_files, build, build_with, edit, files, fixture_copy,
    pages_text, pdf_text, pdf_text_as_read, repo, report, shipped_copy,
};

/// The first page of a PDF as text, white space collapsed.
fn page_one(pdf: &Path) -> String {
    pages_text(pdf, Some(1))
}

/// The first page of a PDF in reading order (see `support::pdf_text_as_read`).
fn page_one_as_read(pdf: &Path) -> Option<String> {
    pdf_text_as_read(pdf, Some(1))
}

/// How often the text of page `page` of a PDF changes font (its `Tf` operators that name
/// another font than the one before).
fn font_changes(pdf: &Path, page: u32) -> usize {
    let doc = lopdf::Document::load(pdf).expect("a readable PDF");
    let id = doc.get_pages()[&page];
    let content = doc.get_and_decode_page_content(id).expect("page content");
    let fonts: Vec<Vec<u8>> = content
        .operations
        .iter()
        .filter(|op| op.operator == "Tf")
        .filter_map(|op| op.operands.first()?.as_name().ok().map(<[u8]>::to_vec))
        .collect();
    fonts.windows(2).filter(|w| w[0] != w[1]).count()
}

/// The State links of a version's site index, in order (chapter III's list).
fn listed_states(index: &str) -> Vec<String> {
    let list = &index[index.find("<ul class=\"states\">").unwrap()..];
    let list = &list[..list.find("</ul>").unwrap()];
    list.split("<li><a href=\"states/")
        .skip(1)
        .map(|item| {
            let name = &item[item.find("\">").unwrap() + 2..];
            name[..name.find("</a>").unwrap()].to_string()
        })
        .collect()
}

/// The shipped root, built once: every version, its page 1, its order, its script.
#[test]
fn the_shipped_report_is_built_in_six_languages() {
    let shared = crate::support::shipped_build();
    let (out, run) = (shared.path(), &shared.run);
    // Chinese and Arabic have fonts: nothing is dropped.
    assert!(!run.stderr.contains("no embedded font"), "{}", run.stderr);

    // Page 1 of each version, in its words and with its job number.
    for (prefix, words) in [
        (
            "",
            &[
                "United Nations",
                "General Assembly",
                "Distr.: General",
                "Original: English",
                "Seventy-fourth session",
                "Report of the Secretary-General",
                "V.19-08182 (E) 190819 200819",
                "*1908182*",
            ][..],
        ),
        (
            "fr/",
            &[
                "Nations Unies",
                "Assemblée générale",
                "Distr. générale",
                "Français",
                "Soixante-quatorzième session",
                "Rapport du Secrétaire général",
                "V.19-08183 (F)",
                "*1908183*",
            ][..],
        ),
        (
            "es/",
            &[
                "Naciones Unidas",
                "Asamblea General",
                "Distr. general",
                "Español",
                "Septuagésimo cuarto período de sesiones",
                "Informe del Secretario General",
                "V.19-08185 (S)",
                "*1908185*",
            ][..],
        ),
        (
            "ru/",
            &[
                "Организация Объединенных Наций",
                "Генеральная Ассамблея",
                "Доклад Генерального секретаря",
                "V.19-08186 (R)",
                "*1908186*",
            ][..],
        ),
        (
            "zh/",
            &[
                "联合国",
                "大会",
                "秘书长的报告",
                "V.19-08187 (C)",
                "*1908187*",
            ][..],
        ),
        // Under each barcode, its human-readable line.
        ("ar/", &["V.19-08184 (A)", "*1908184*"][..]),
    ] {
        let text = page_one(&out.join(format!("{prefix}report.pdf")));
        for word in words {
            assert!(
                text.contains(word),
                "{prefix}report.pdf lacks {word:?}: {text}"
            );
        }
    }
    // Arabic: the masthead's words in reading order (pdftotext orders right-to-left runs
    // for reading and marks them with embedding controls, left out here).
    if let Some(arabic) = page_one_as_read(&out.join("ar/report.pdf")) {
        let arabic: String = arabic
            .chars()
            .filter(|c| !('\u{202a}'..='\u{202e}').contains(c))
            .collect();
        for word in ["الأمم المتحدة", "الجمعية العامة", "تقرير الأمين العام"]
        {
            assert!(arabic.contains(word), "ar/report.pdf lacks {word}");
        }
    }

    // Chapter III of fr, es, ru and ar follows the collation of each language; the
    // Chinese version keeps the English order, as UN Chinese documents do.
    let en_order = listed_states(&fs::read_to_string(out.join("html/index.html")).unwrap());
    let zh_order = listed_states(&fs::read_to_string(out.join("zh/html/index.html")).unwrap());
    let english_of = |zh: &String| {
        report::registry::all()
            .iter()
            .find(|s| report::registry::name_in(s.iso3, "zh") == Some(zh.as_str()))
            .map(|s| s.name.to_string())
            .unwrap()
    };
    assert_eq!(
        zh_order.iter().map(english_of).collect::<Vec<_>>(),
        en_order
    );
    for lang in ["fr", "es", "ru", "ar"] {
        let index = fs::read_to_string(out.join(format!("{lang}/html/index.html"))).unwrap();
        let listed = listed_states(&index);
        assert_eq!(listed.len(), 22, "{lang}");
        let locale: Locale = lang.parse().unwrap();
        let collator = CollatorBorrowed::try_new((&locale).into(), Default::default()).unwrap();
        // UN Arabic order ignores the article and the hamza of alif (docs/languages.md).
        let key = |name: &String| match lang {
            "ar" => name
                .strip_prefix("ال")
                .unwrap_or(name)
                .replace(['أ', 'إ', 'آ'], "ا"),
            _ => name.clone(),
        };
        let mut sorted = listed.clone();
        sorted.sort_by(|a, b| collator.compare(&key(a), &key(b)));
        assert_eq!(listed, sorted, "{lang} order");
        assert!(
            listed.iter().all(|n| !n.contains('*')),
            "{lang}: {listed:?}"
        );
    }
    let fr = fs::read_to_string(out.join("fr/html/index.html")).unwrap();
    assert!(listed_states(&fr).contains(&"Argentine".to_string()));
    assert!(listed_states(&fr).contains(&"Pays-Bas".to_string()));

    // Every page says its language and direction.
    for (prefix, lang, dir) in [
        ("", "en", "ltr"),
        ("fr/", "fr", "ltr"),
        ("ar/", "ar", "rtl"),
        ("zh/", "zh", "ltr"),
    ] {
        let index = fs::read_to_string(out.join(format!("{prefix}html/index.html"))).unwrap();
        assert!(
            index.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\"")),
            "{prefix}html/index.html"
        );
    }
    // Argentina is translated into all six: its reply prints in each version's language.
    let zh = fs::read_to_string(out.join("zh/html/states/arg.html")).unwrap();
    assert!(
        zh.contains("<div class=\"reply-text\" lang=\"zh\" dir=\"ltr\">"),
        "{zh}"
    );
    let ar = fs::read_to_string(out.join("ar/html/states/arg.html")).unwrap();
    assert!(
        ar.contains("<div class=\"reply-text\" lang=\"ar\" dir=\"rtl\">"),
        "{ar}"
    );
    // A footnote keeps the language of its reply at the foot of the page: Estonia's
    // English reply, printed in the Arabic version, has an English note that reads left
    // to right (in the page's right-to-left direction its full stop came first).
    let ar_pdf = pdf_text(&out.join("ar/report.pdf"));
    assert!(
        ar_pdf.contains("legally binding electronic signatures."),
        "the English footnote in the Arabic version"
    );
    assert!(!ar_pdf.contains(".The digital identity"));
    // Arabic is set in the Arabic font, the spaces between its words included: with the
    // Latin font first, every space was a run of its own (page 1 changed font 188 times;
    // Typst also shaped each word twice). The Latin masthead and footer stay Latin.
    let changes = font_changes(&out.join("ar/report.pdf"), 1);
    assert!(
        changes < 40,
        "page 1 of the Arabic version changes font {changes} times"
    );
    let zh_pdf = pdf_text(&out.join("zh/report.pdf"));
    assert!(zh_pdf.contains("阿根廷"), "the Chinese name of Argentina");
    // A State's name run in before its summary is boxed, so that justification does not
    // space out its letters in a Chinese line holding English (pdftotext showed
    // "加 拿 大 。 Canada stresses" before).
    let zh_typ = fs::read_to_string(out.join("zh/report.typ")).unwrap();
    assert!(
        zh_typ.contains("box(strong[#\"加拿大\";])"),
        "Canada's run-in name"
    );
    // Each version punctuates as its language does: the themes a State raised, after
    // their category, and the legend of the regional groups.
    let theme_line = |html: &str| {
        let at = html.find("<section class=\"challenges\"").unwrap();
        let at = at + html[at..].find("<li>").unwrap();
        let item = &html[at..][html[at..].find("</a>").unwrap() + 4..];
        item[..item.find("</li>").unwrap()].to_string()
    };
    assert_eq!(theme_line(&zh), "：网上欺诈和身份盗窃");
    let fr_arg = fs::read_to_string(out.join("fr/html/states/arg.html")).unwrap();
    assert_eq!(
        theme_line(&fr_arg),
        "\u{a0}: fraude en ligne et usurpation d&#39;identité"
    );
    let en_arg = fs::read_to_string(out.join("html/states/arg.html")).unwrap();
    assert_eq!(theme_line(&en_arg), ": online fraud and identity theft");
    let zh_index = fs::read_to_string(out.join("zh/html/index.html")).unwrap();
    assert!(
        zh_index.contains("AFR：非洲国家；APG：亚洲-太平洋国家；"),
        "the Chinese legend"
    );
    // The Chinese and Arabic sites ship their fonts (with the licence), so that a reader
    // without such fonts sees the text; the English site, all in English, ships none.
    assert!(zh_index.contains("href=\"assets/fonts/fonts.css\""));
    let css = fs::read_to_string(out.join("zh/html/assets/fonts/fonts.css")).unwrap();
    assert!(css.contains("\"Report Chinese\""), "{css}");
    let font = fs::read(out.join("zh/html/assets/fonts/NotoSerifSC-Regular-GB2312.otf")).unwrap();
    assert_eq!(
        font,
        fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/fonts/NotoSerifSC-Regular-GB2312.otf"
        ))
        .unwrap()
    );
    assert!(
        out.join("zh/html/assets/fonts/LICENSE-NotoSerifCJK.txt")
            .is_file()
    );
    let ar_css = fs::read_to_string(out.join("ar/html/assets/fonts/fonts.css")).unwrap();
    assert!(ar_css.contains("\"Report Arabic\""), "{ar_css}");
    // The English site prints no Arabic or Chinese but the switcher's "العربية" and "中文":
    // it ships only their few glyphs (not the 2.2 MB Chinese font), with the licences.
    let mut en_fonts: Vec<String> = fs::read_dir(out.join("html/assets/fonts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    en_fonts.sort();
    assert_eq!(
        en_fonts,
        [
            "LICENSE-NotoNaskhArabic.txt",
            "LICENSE-NotoSerifCJK.txt",
            "LabelsArabic.ttf",
            "LabelsChinese.otf",
            "fonts.css"
        ]
    );
    let en_css = fs::read_to_string(out.join("html/assets/fonts/fonts.css")).unwrap();
    assert!(
        en_css.contains("\"Report Labels\"; src: url(\"LabelsChinese.otf\") format(\"opentype\"); font-display: swap; unicode-range: U+4E2D, U+6587;"),
        "{en_css}"
    );
    let en_index = fs::read_to_string(out.join("html/index.html")).unwrap();
    assert!(en_index.contains("href=\"assets/fonts/fonts.css\""));
    // The masthead's Distr. line is Latin, left to right, in the Arabic site as in the PDF.
    let ar_index = fs::read_to_string(out.join("ar/html/index.html")).unwrap();
    assert!(ar_index.contains("<div dir=\"ltr\"><dt>Distr.</dt><dd>General</dd></div>"));
    // Two sentences of one paragraph: a space between them, none in Chinese.
    let zh_category =
        fs::read_to_string(out.join("zh/html/categories/legal-framework.html")).unwrap();
    assert!(zh_category.contains("。按区域组分列"), "{zh_category}");
    let en_category = fs::read_to_string(out.join("html/categories/legal-framework.html")).unwrap();
    assert!(en_category.contains(". By regional group"), "{en_category}");

    // The language switcher of every page links to pages that exist.
    let all = files(out);
    let mut checked = 0;
    for path in all.keys().filter(|p| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(&all[path]);
        let Some(nav) = html.find("<nav class=\"languages\"") else {
            panic!("{path} has no language switcher");
        };
        let nav = &html[nav..nav + html[nav..].find("</nav>").unwrap()];
        let folder = Path::new(path).parent().unwrap();
        let mut langs = BTreeSet::new();
        for link in nav.split("href=\"").skip(1) {
            let target = &link[..link.find('"').unwrap()];
            let resolved = normalise(&folder.join(target));
            assert!(
                all.contains_key(&resolved),
                "{path}: {target} -> {resolved} is missing"
            );
            let hreflang = &link[link.find("hreflang=\"").unwrap() + 10..];
            langs.insert(hreflang[..hreflang.find('"').unwrap()].to_string());
            checked += 1;
        }
        assert_eq!(langs.len(), 6, "{path}");
    }
    assert!(checked > 6 * 6 * 20, "{checked} links");
}

/// `a/b/../c` -> `a/c`, as a browser resolves a relative link.
fn normalise(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in path.components() {
        match c.as_os_str().to_string_lossy().as_ref() {
            ".." => {
                parts.pop();
            }
            "." => {}
            part => parts.push(part.to_string()),
        }
    }
    parts.join("/")
}

fn with_versions(root: &Path, languages: &str) {
    edit(&root.join("book.toml"), |book| {
        book.replace(
            "language = \"en\"\n",
            &format!("language = \"en\"\nlanguages = {languages}\n"),
        )
    });
}

#[test]
fn lang_builds_some_versions_and_keeps_the_others() {
    let (_tmp, root) = fixture_copy("valid");
    with_versions(&root, "[\"en\", \"fr\", \"es\"]");
    // With no earlier output, --lang builds what it is asked and says what is missing.
    let fresh = tempfile::tempdir().unwrap();
    let out_fresh = fresh.path().join("out");
    let run = report(&[
        "build",
        root.to_str().unwrap(),
        "--lang",
        "es",
        "--out",
        out_fresh.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("the fr version is not in the output folder to keep")
    );
    assert!(out_fresh.join("es/report.pdf").is_file() && !out_fresh.join("report.pdf").exists());

    let run = report(&["build", root.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = root.join("output");
    let before = files(&out);
    for path in [
        "report.pdf",
        "fr/report.pdf",
        "es/report.pdf",
        "fr/html/index.html",
        "es/html/index.html",
        "html/index.html",
    ] {
        assert!(before.contains_key(path), "{path}: {:?}", before.keys());
    }
    // An edit that changes every version, then a build of French only.
    edit(&root.join("submissions/hrv.md"), |t| {
        t.replace(
            "submit its views.",
            "submit its views. Croatia adds a sentence.",
        )
    });
    let run = report(&["build", root.to_str().unwrap(), "--lang", "fr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = files(&out);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for path in [
        "report.pdf",
        "report.typ",
        "es/report.pdf",
        "html/states/hrv.html",
        "es/html/states/hrv.html",
    ] {
        assert!(before[path] == after[path], "{path} is kept as it was");
    }
    assert!(
        before["fr/report.typ"] != after["fr/report.typ"],
        "French is rebuilt"
    );
    assert!(String::from_utf8_lossy(&after["fr/report.typ"]).contains("Croatia adds a sentence"));

    let run = report(&["build", root.to_str().unwrap(), "--lang", "de"]);
    assert_eq!(run.code, 1);
    assert_contains_all(
        &run.stderr,
        &[
            "--lang de: not a language version of this report",
            "[book] languages in book.toml lists en, fr, es",
        ],
    );
    assert!(
        files(&out) == after,
        "a refused build leaves the output untouched"
    );
    // A build of French that fails once its files are typeset and staged (a character no
    // font draws, its warning denied): the output is still untouched.
    edit(&root.join("submissions/hrv.md"), |t| {
        t.replace("Croatia adds a sentence.", "Croatia adds \u{13000}.")
    });
    let run = report(&[
        "build",
        root.to_str().unwrap(),
        "--lang",
        "fr",
        "--deny-warnings",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &["missing-glyph", "the output folder was left as it was"],
    );
    assert!(
        files(&out) == after,
        "a build that failed after typesetting leaves the output untouched"
    );
}

#[test]
fn two_builds_give_identical_bytes_in_every_version() {
    let (_tmp, root) = fixture_copy("valid");
    with_versions(&root, "[\"en\", \"ar\", \"zh\"]");
    let (first, run) = build(&root);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (second, _) = build(&root);
    let (first, second) = (files(first.path()), files(second.path()));
    assert!(first.contains_key("ar/report.pdf") && first.contains_key("zh/html/index.html"));
    assert_same_files(&first, &second);
    // One version at a time (`--jobs 1`, for a machine short of memory) gives them too.
    let (third, run) = build_with(&root, &["--jobs", "1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_same_files(&first, &files(third.path()));
}

/// A root compared with the data.json its build wrote has no changes, in any version.
#[test]
fn a_root_and_its_own_data_json_do_not_differ() {
    let (_tmp, root) = fixture_copy("valid");
    with_versions(&root, "[\"en\", \"fr\"]");
    let run = report(&["build", root.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let data = root.join("output/data.json");
    let run = report(&["diff", data.to_str().unwrap(), root.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("No changes."), "{}", run.stdout);
}

#[test]
fn stats_count_each_versions_length() {
    let run = report(&["stats", repo().to_str().unwrap(), "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let stats: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let versions = stats["translations"].as_array().unwrap();
    assert_eq!(versions.len(), 6);
    for v in versions {
        let words = &v["words"];
        assert!(words["total"].as_u64().unwrap() > 1000, "{v}");
        assert_eq!(
            v["units"],
            if v["language"] == "zh" {
                "characters"
            } else {
                "words"
            }
        );
    }
}

/// A builder that builds again (`report watch`, `report serve`) words again only the
/// versions whose files changed, and keeps the others' wording and problems: after each
/// edit it writes, and says, what a fresh build of the same files writes and says.
#[test]
fn a_rebuild_words_again_only_the_changed_versions_and_matches_a_fresh_build() {
    use report::pipeline::{BuildOptions, Builder, Outcome};
    let (tmp, root) = shipped_copy();
    // What a build says, its allowed diagnostics (the facts) included.
    let said = |outcome: &Outcome| {
        let mut allowed = report::diag::Diagnostics::new();
        for d in &outcome.allowed.list {
            allowed.push(d.clone());
        }
        let sources = &outcome.sources;
        let printed = sources.render_plain(&outcome.diagnostics);
        format!("{printed}{}", sources.render_plain(&allowed))
    };
    let options = |out: &str, once: bool| BuildOptions {
        out: Some(tmp.path().join(out)),
        once,
        ..BuildOptions::default()
    };
    let mut builder = Builder::new(root.clone(), options("watched", false));
    let first = builder.build(&mut |_| {});
    assert!(first.written.is_some(), "{}", said(&first));
    // Some replies have no translation into every version: a fact those versions state.
    assert!(
        said(&first).contains("warning[untranslated-reply]"),
        "{}",
        said(&first)
    );
    type Edit = fn(&str) -> String;
    let edits: [(&str, Edit, &str); 3] = [
        // A French translation: only the French version is worded again.
        (
            "submissions/arg.fr.md",
            |text| format!("{text}\n\nUne phrase ajoutée pour la reconstruction.\n"),
            "worded again: fr; kept from the last build: en, es, ru, ar, zh",
        ),
        // The Spanish wording of a category.
        (
            "locales/es.toml",
            |text| text.replacen("Lagunas legislativas", "Vacíos legislativos", 1),
            "worded again: es; kept from the last build: en, fr, ru, ar, zh",
        ),
        // An original that no version has a translation of: every version prints it.
        (
            "submissions/aus.md",
            |text| format!("{text}\n\nAustralia adds one sentence.\n"),
            "",
        ),
    ];
    for (n, (file, change, note)) in edits.into_iter().enumerate() {
        edit(&root.join(file), change);
        let rebuilt = builder.build(&mut |_| {});
        assert!(rebuilt.written.is_some(), "{file}: {}", said(&rebuilt));
        let notes = rebuilt.timings.notes().join("; ");
        match note {
            "" => assert!(!notes.contains("kept from the last build"), "{notes}"),
            note => assert!(notes.contains(note), "{file}: {notes}"),
        }
        let fresh_out = format!("fresh-{n}");
        let mut fresh = Builder::new(root.clone(), options(&fresh_out, true));
        let fresh = fresh.build(&mut |_| {});
        assert!(fresh.written.is_some(), "{}", said(&fresh));
        assert_eq!(said(&rebuilt), said(&fresh), "after the edit of {file}");
        assert_same_files(
            &files(&tmp.path().join(&fresh_out)),
            &files(&tmp.path().join("watched")),
        );
    }
}
