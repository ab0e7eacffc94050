//! A reply is one original plus its translations (`cri.en.md` beside `cri.md`): the English
//! report prints English, tags every text with its language, and says what is missing.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::{
    assert_contains_all, build, build_ok, edit, fixture_copy, pdf_text, report, report_in,
    with_languages,
};

const CRI_EN: &str = "+++\nnote = \"Translated by the Secretariat\"\ntranslator = \"Test translator\"\n+++\n\nThe Government of Costa Rica has the honour to transmit its observations.\n";

/// The text of the PDF from `from` on, with runs of white space as one space.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_translated_reply_prints_its_translation_under_the_original_line() {
    let (_tmp, root) = fixture_copy("valid");
    fs::write(root.join("submissions/cri.en.md"), CRI_EN).unwrap();
    let (out, run) = build(&root);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = flat(&pdf_text(&out.path().join("report.pdf")));
    assert!(
        pdf.contains(
            "Costa Rica [Original: Spanish] Translated by the Secretariat The Government of Costa \
             Rica has the honour to transmit its observations."
        ),
        "{pdf}"
    );
    assert!(!pdf.contains("El Gobierno de Costa Rica"), "{pdf}");
    // No word about Costa Rica; the untranslated replies are still counted, a fact the
    // report prints ("[Original: French]"), allowed by default.
    assert!(
        !run.stderr.contains("submissions/cri.md: no English"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("untranslated-reply 2"),
        "{}",
        run.stderr
    );

    let page = fs::read_to_string(out.path().join("html/states/cri.html")).unwrap();
    assert_contains_all(
        &page,
        &[
            "<p class=\"original\">[Original: Spanish]</p>",
            "<div class=\"reply-text\" lang=\"en\" dir=\"ltr\">",
            "The Government of Costa Rica has the honour",
        ],
    );
    assert!(!page.contains("El Gobierno"), "{page}");
    let print = fs::read_to_string(out.path().join("html/print.html")).unwrap();
    assert!(print.contains("The Government of Costa Rica has the honour"));
    // The untranslated French reply keeps its language tag.
    let civ = fs::read_to_string(out.path().join("html/states/civ.html")).unwrap();
    assert!(
        civ.contains("<div class=\"reply-text\" lang=\"fr\" dir=\"ltr\">"),
        "{civ}"
    );

    // data.json keeps both texts, each with its language.
    let data: Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("data.json")).unwrap()).unwrap();
    let cri = data["replies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["iso3"] == "CRI")
        .unwrap();
    assert_eq!(cri["language"], "es");
    assert!(cri["body"].as_str().unwrap().contains("El Gobierno"));
    assert_eq!(cri["translations"][0]["language"], "en");
    assert_eq!(cri["translations"][0]["file"], "submissions/cri.en.md");
    assert_eq!(cri["translations"][0]["translator"], "Test translator");
    // The search index searches the printed text, in its language: Costa Rica's entry
    // holds the English translation, marked English, and not the Spanish original.
    let index = fs::read_to_string(out.path().join("html/assets/search-index.js")).unwrap();
    let entries: serde_json::Value = serde_json::from_str(
        index
            .trim()
            .trim_start_matches("window.REPORT_SEARCH = ")
            .trim_end_matches(';'),
    )
    .unwrap();
    let cri = entries
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["u"] == "states/cri.html")
        .unwrap_or_else(|| panic!("no entry for Costa Rica: {index}"));
    assert_eq!(cri["l"], "en", "{cri}");
    let text = cri["x"].as_str().unwrap();
    assert!(text.contains("The Government of Costa Rica"), "{cri}");
    assert!(!text.contains("El Gobierno"), "{cri}");
}

#[test]
fn a_missing_translation_is_warned_fails_deny_warnings_and_is_marked_in_drafts() {
    let (_tmp, root) = fixture_copy("valid");
    // A fact of the report, allowed by default: --deny-warnings passes.
    let run = report(&["check", root.to_str().unwrap(), "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Made a warning by [lints], each is named with the fix, and --deny-warnings fails.
    let book = fs::read_to_string(root.join("book.toml")).unwrap();
    fs::write(
        root.join("book.toml"),
        format!("{book}\n[lints]\nuntranslated-reply = \"warn\"\n"),
    )
    .unwrap();
    let run = report(&["check", root.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (file, language) in [
        ("submissions/cri.md", "Spanish"),
        ("submissions/civ.md", "French"),
        ("submissions/tkm.md", "Russian"),
    ] {
        assert!(
            run.stderr.contains(&format!(
                "warning[untranslated-reply]: {file}: no English translation: the {language} original is printed"
            )),
            "{}",
            run.stderr
        );
    }
    assert!(
        run.stderr.contains("report new CRI --translation en"),
        "{}",
        run.stderr
    );
    let run = report(&["check", root.to_str().unwrap(), "--deny-warnings"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("3 warnings denied by --deny-warnings (untranslated-reply)"),
        "{}",
        run.stderr
    );
    fs::write(root.join("book.toml"), book).unwrap();

    // A final build prints the original without a marker; a draft says it is pending.
    let final_out = build_ok(&root);
    let pdf = flat(&pdf_text(&final_out.path().join("report.pdf")));
    assert!(pdf.contains("Costa Rica [Original: Spanish]"), "{pdf}");
    assert!(!pdf.contains("Translation pending"));
    let draft = tempfile::tempdir().unwrap();
    let run = report(&[
        "build",
        root.to_str().unwrap(),
        "--draft",
        "--revision",
        "rev-1",
        "--out",
        draft.path().to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = flat(&pdf_text(&draft.path().join("report.pdf")));
    assert!(
        pdf.contains("Costa Rica [Original: Spanish] Translation pending"),
        "{pdf}"
    );
    let page = fs::read_to_string(draft.path().join("html/states/cri.html")).unwrap();
    assert!(page.contains("<p class=\"pending\"><strong>Translation pending</strong></p>"));
    let index = fs::read_to_string(draft.path().join("html/index.html")).unwrap();
    assert!(index.contains("<strong class=\"pending\">Translation pending</strong>"));
}

#[test]
fn an_english_translation_of_an_arabic_reply_reads_left_to_right() {
    let (_tmp, root) = fixture_copy("valid");
    fs::write(
        root.join("submissions/egy.md"),
        "+++\nstate = \"Egypt\"\nreceived = 2019-05-02\nlanguage = \"ar\"\n[[challenges]]\ncategory = \"evidence\"\nthemes = [\"cloud storage\"]\nsummary = \"Egypt reports difficulties with data held abroad.\"\n+++\n\nتود حكومة مصر أن تحيل ملاحظاتها.\n",
    )
    .unwrap();
    let english = "The Government of Egypt reported 12 cases in 2019 (see annex).";
    fs::write(
        root.join("submissions/egy.en.md"),
        format!("{english}\n\n- one-stop shop: 3 units.\n"),
    )
    .unwrap();
    let (out, run) = build(&root);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Laid out right to left, the full stop and the parenthesis would move to the left
    // end of the line ("(.see annex" ...); left to right they stay where they are written.
    let pdf = flat(&pdf_text(&out.path().join("report.pdf")));
    assert!(
        pdf.contains(&format!(
            "Egypt [Original: Arabic] {english} • one-stop shop: 3 units."
        )),
        "{pdf}"
    );
    // The Arabic original is not printed: its words are in neither the PDF nor the page,
    // and no glyph is missing.
    assert!(!pdf.contains("تود حكومة مصر"), "{pdf}");
    assert!(!run.stderr.contains("missing-glyph"), "{}", run.stderr);
    let page = fs::read_to_string(out.path().join("html/states/egy.html")).unwrap();
    assert!(
        page.contains("<div class=\"reply-text\" lang=\"en\" dir=\"ltr\">"),
        "{page}"
    );
    assert!(page.contains("[Original: Arabic]"));
    assert!(!page.contains("dir=\"rtl\""), "{page}");
}

/// Every error of translation files, reported at once, each at its file and with a fix.
#[test]
fn translation_errors_are_reported_together_with_their_fix() {
    let (_tmp, root) = fixture_copy("valid");
    let sub = root.join("submissions");
    // Keys of the original, and themes in a translated challenge.
    fs::write(
        sub.join("cri.en.md"),
        "+++\nstate = \"Costa Rica\"\nreceived = 2019-04-30\nlanguage = \"es\"\nreference = \"Note 1\"\n[[challenges]]\ncategory = \"cooperation\"\nthemes = [\"x\"]\nsummary = \"S\"\n+++\n\nText.\n",
    )
    .unwrap();
    // No original (a typo of cri).
    fs::write(sub.join("crj.fr.md"), "Texte.\n").unwrap();
    // Into the original's own language (hrv.md is English).
    fs::write(sub.join("hrv.en.md"), "Text.\n").unwrap();
    // Two English translations of one reply.
    fs::write(sub.join("tkm.en.md"), "Text.\n").unwrap();
    fs::write(sub.join("tkm.EN.md"), "Text.\n").unwrap();
    // A translated summary for a category the original does not raise.
    fs::write(
        sub.join("cri.fr.md"),
        "+++\n[[challenges]]\ncategory = \"prevention\"\nsummary = \"Résumé.\"\n+++\n\nTexte.\n",
    )
    .unwrap();
    // Not one of the six languages.
    fs::write(sub.join("cri.de.md"), "Text.\n").unwrap();
    let run = report(&["check", root.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let e = &run.stderr;
    assert_contains_all(
        e,
        &[
            "error[translation-key]: `state` belongs to the original reply, not to a translation",
            "submissions/cri.en.md:2:1",
            "error[translation-key]: `received` belongs to the original reply, not to a translation",
            "error[translation-key]: `language` belongs to the original reply, not to a translation",
            "submissions/cri.en.md:4:1",
            "error[translation-key]: `reference` belongs to the original reply, not to a translation",
            "submissions/cri.en.md:5:1",
            "error[translation-key]: `themes` belongs to the original reply, not to a translation",
            "submissions/cri.en.md:8:1",
            "delete this line: the translation takes `state` from submissions/cri.md",
            "error[orphan-translation]: a translation without an original: there is no submissions/crj.md",
            "did you mean submissions/cri.fr.md, the translation of submissions/cri.md?",
            "error[translation-language]: a translation into the original's own language: submissions/hrv.md is written in English",
            "error[duplicate-translation]: a second English translation of submissions/tkm.md: submissions/tkm.EN.md and submissions/tkm.en.md both translate it",
            "error[translation-category]: a translated summary for \"prevention\", which submissions/cri.md does not raise",
            "submissions/cri.fr.md:3:12",
            "the original raises cooperation",
            "submissions/cri.de.md: `de` is not one of the six official languages (ar, zh, en, fr, ru, es)",
            "a file name with a dot before .md is read as a translation",
        ],
    );
    assert!(e.contains("the report has problems: 10 errors"), "{e}");
}

#[test]
fn report_new_scaffolds_a_translation_beside_its_original() {
    let (_tmp, root) = fixture_copy("valid");
    let run = report_in(&root, &["new", "CRI", "--translation", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = fs::read_to_string(root.join("submissions/cri.en.md")).unwrap();
    assert!(text.starts_with("+++\n"), "{text}");
    assert!(text.contains("status = \"draft\""), "{text}");
    // It reads as a translation without error, and a draft translation is not printed.
    let run = report(&["check", "-v", root.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("note[untranslated-reply]: submissions/cri.md: no English translation"),
        "{}",
        run.stderr
    );
    // A French one lists the summaries to translate.
    let run = report_in(&root, &["new", "Costa Rica", "--translation", "fr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = fs::read_to_string(root.join("submissions/cri.fr.md")).unwrap();
    assert!(text.contains("# category = \"cooperation\""), "{text}");
    let run = report(&["check", root.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    for (args, expected) in [
        (
            vec!["new", "CRI", "--translation", "en"],
            "submissions/cri.en.md exists already",
        ),
        (
            vec!["new", "CRI", "--translation", "es"],
            "is written in Spanish already",
        ),
        (
            vec!["new", "CRI", "--translation", "de"],
            "\"de\" is not one of the six official languages",
        ),
        (
            vec!["new", "Chile", "--translation", "en"],
            "Chile has no reply to translate",
        ),
    ] {
        let run = report_in(&root, &args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(expected), "{args:?}: {}", run.stderr);
    }
}

fn with_french_version(root: &Path) {
    with_languages(root, &["en", "fr"]);
    fs::create_dir_all(root.join("locales")).unwrap();
    fs::write(
        root.join("locales/fr.toml"),
        "[categories.cooperation]\ntitle = \"Coopération internationale\"\n\n[themes]\n\"mutual legal assistance\" = \"entraide judiciaire\"\n",
    )
    .unwrap();
}

#[test]
fn stats_show_translation_coverage_per_language_version() {
    let (_tmp, root) = fixture_copy("valid");
    with_french_version(&root);
    fs::write(root.join("submissions/cri.en.md"), CRI_EN).unwrap();
    fs::write(root.join("submissions/cri.fr.md"), "Texte.\n").unwrap();
    let run = report(&["stats", root.to_str().unwrap(), "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let stats: Value = serde_json::from_str(&run.stdout).unwrap();
    let versions = stats["translations"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    let en = &versions[0];
    assert_eq!(en["language"], "en");
    assert_eq!(en["translated"], 1);
    assert_eq!(
        en["missing_translations"],
        serde_json::json!(["submissions/civ.md", "submissions/tkm.md"])
    );
    assert_eq!(en["missing_categories"], serde_json::json!([]));
    assert_eq!(en["missing_strings"], serde_json::json!([]));
    let fr = &versions[1];
    assert_eq!(fr["language"], "fr");
    assert_eq!(fr["originals"], 1, "Côte d'Ivoire replied in French");
    assert_eq!(fr["translated"], 1);
    let missing: Vec<&str> = fr["missing_translations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(missing.contains(&"submissions/hrv.md") && !missing.contains(&"submissions/cri.md"));
    let categories = fr["missing_categories"].as_array().unwrap();
    assert!(categories.contains(&"evidence".into()));
    assert!(!categories.contains(&"cooperation".into()));
    assert!(
        !fr["missing_themes"]
            .as_array()
            .unwrap()
            .contains(&"mutual legal assistance".into())
    );
    // French wording is built in.
    assert_eq!(fr["missing_strings"], serde_json::json!([]));

    let run = report(&["stats", root.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains_all(
        &run.stdout,
        &[
            "English version (en): 4 of 6 replies in English (3 received in it, 1 translated)",
            "French version (fr): 2 of 6 replies in French (1 received in it, 1 translated)",
            "Categories without wording in locales/fr.toml: evidence, prevention",
        ],
    );
    // The check words every version, and says what the French one lacks, in one note
    // (printed with --verbose: a fact the report prints, allowed by default).
    let run = report(&["stats", "-v", root.to_str().unwrap()]);
    assert!(
        run.stderr.contains(
            "note[untranslated-reply]: the French version prints 4 of 6 replies in their original language, having no French translation"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn locale_files_are_checked_key_by_key() {
    let (_tmp, root) = fixture_copy("valid");
    fs::create_dir_all(root.join("locales")).unwrap();
    fs::write(
        root.join("locales/fr.toml"),
        "[categories.cooperatoin]\ntitle = \"x\"\n\n[strings]\nsumary = \"Résumé\"\ncontents = \"Table { des\"\n\n[reprot]\n",
    )
    .unwrap();
    fs::write(root.join("locales/de.toml"), "").unwrap();
    edit(&root.join("book.toml"), |book| {
        book.replace(
            "language = \"en\"\n",
            "language = \"en\"\nlanguages = [\"fr\", \"Deutsch\"]\n",
        )
    });
    let run = report(&["check", root.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "error[unknown-category]: unknown category \"cooperatoin\"",
            "did you mean [categories.cooperation]?",
            "error[unknown-message]: unknown message key `sumary` in [strings]",
            "did you mean `summary`?",
            "error[invalid-message]: [strings] contents: not a Fluent pattern",
            "locales/fr.toml:6:12",
            "error[unknown-key]: unknown key `reprot` in locales/fr.toml",
            "locales/de.toml: `de` is not one of the six official languages",
            "error[unknown-language]: \"Deutsch\" is not one of the six official languages",
        ],
    );
}

#[test]
fn diff_reports_changes_to_translations_per_language() {
    let (_tmp, old) = fixture_copy("valid");
    fs::write(old.join("submissions/cri.en.md"), CRI_EN).unwrap();
    let (_tmp2, new) = fixture_copy("valid");
    fs::write(
        new.join("submissions/cri.en.md"),
        CRI_EN.replace("transmit its observations", "submit its views"),
    )
    .unwrap();
    fs::write(
        new.join("submissions/civ.en.md"),
        "Côte d'Ivoire in English.\n",
    )
    .unwrap();
    let run = report(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains_all(
        &run.stdout,
        &[
            "Costa Rica (submissions/cri.md)",
            "  en translation changed (submissions/cri.en.md)",
            "    - The Government of Costa Rica has the honour to transmit its observations.",
            "    + The Government of Costa Rica has the honour to submit its views.",
            "  en translation added (submissions/civ.en.md)",
        ],
    );
}

/// A translation of a reply that has errors is not also "without an original": the
/// original's own errors are what the editor fixes.
#[test]
fn a_translation_of_a_reply_with_errors_gets_no_error_of_its_own() {
    let (_tmp, root) = fixture_copy("valid");
    edit(&root.join("submissions/cri.md"), |text| {
        text.replace("state = \"Costa Rica\"", "state = \"Costa Ricca\"")
    });
    fs::write(root.join("submissions/cri.en.md"), CRI_EN).unwrap();
    let run = report(&["check", root.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("unknown State \"Costa Ricca\""),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("without an original"),
        "{}",
        run.stderr
    );
}

/// Two wordings of one theme in a locale file: the first is used, the second said to be
/// left out, at its line.
#[test]
fn a_theme_worded_twice_in_a_locale_is_warned() {
    let (_tmp, root) = crate::support::shipped_copy();
    crate::support::edit(&root.join("locales/fr.toml"), |fr| {
        fr.replace(
            "\"24/7 network\" = \"réseau 24/7\"",
            "\"24/7 network\" = \"réseau 24/7\"\n\"24/7 Network\" = \"autre\"",
        )
    });
    let run = crate::support::report_in(&root, &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    crate::support::assert_contains_all(
        &run.stderr,
        &[
            "warning[duplicate-theme]: \"24/7 Network\" words the same theme as \"24/7 network\": this wording is not used",
            "locales/fr.toml:",
        ],
    );
}

/// A reply received in a version's own language gets that version's summaries from a file
/// of summaries only beside it; without one, the English summaries it prints are said.
#[test]
fn a_reply_in_the_versions_language_takes_its_summaries_from_a_summaries_only_file() {
    let (_tmp, root) = crate::support::fixture_copy("valid");
    crate::support::with_languages(&root, &["en", "es"]);
    // Costa Rica replied in Spanish.
    let run = crate::support::report_in(&root, &["check", "-v"]);
    assert!(
        run.stderr
            .contains("submissions/cri.es.md (cooperation), submissions/cri.es.md (evidence)"),
        "{}",
        run.stderr
    );
    let summaries = "+++\n[[challenges]]\ncategory = \"cooperation\"\nsummary = \"Costa Rica pide una asistencia judicial más rápida.\"\n\n[[challenges]]\ncategory = \"evidence\"\nsummary = \"Las pruebas en la nube son difíciles de obtener.\"\n+++\n";
    std::fs::write(root.join("submissions/cri.es.md"), summaries).unwrap();
    let run = crate::support::report_in(&root, &["build", "-v"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("cri.es.md ("), "{}", run.stderr);
    assert!(
        !run.stderr.contains("the translation has no text"),
        "{}",
        run.stderr
    );
    let es = crate::support::pdf_text(&root.join("output/es/report.pdf"));
    assert!(
        es.contains("Costa Rica pide una asistencia judicial más rápida."),
        "{es}"
    );
    // The reply itself is printed as received, and the English version is unchanged.
    assert!(es.contains("tiene el honor"), "{es}");
    let en = crate::support::pdf_text(&root.join("output/report.pdf"));
    assert!(!en.contains("asistencia judicial más rápida"));
    // With a text, it is a translation into the original's own language: an error.
    std::fs::write(
        root.join("submissions/cri.es.md"),
        format!("{summaries}\nTexto.\n"),
    )
    .unwrap();
    let run = crate::support::report_in(&root, &["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("leave this file's text empty"),
        "{}",
        run.stderr
    );
}
