//! `report build`: data.json from a valid root; nothing touched when the input is bad.

use std::fs;

use serde_json::Value;

use crate::support::{assert_contains_all, fixture, fixture_copy, report_in, with_languages};

#[test]
fn writes_data_json_whose_counts_match_the_replies() {
    let (_tmp, root) = fixture_copy("valid");
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let data: Value =
        serde_json::from_str(&fs::read_to_string(root.join("output/data.json")).unwrap()).unwrap();

    assert_eq!(data["schema_version"], 3);
    // Facts, not words: the date as a date, the session as a number.
    assert_eq!(data["report"]["date"], "2019-07-30");
    assert_eq!(data["report"]["session"], 74);
    assert!(data["report"].get("date_text").is_none());
    assert_eq!(data["report"]["languages"], serde_json::json!(["en"]));
    assert_eq!(data["versions"][0]["language"], "en");
    assert_eq!(data["totals"]["replies"], 6, "the draft is left out");
    assert_eq!(data["totals"]["member_states"], 5);
    assert_eq!(data["totals"]["observer_states"], 1);
    assert_eq!(data["totals"]["late_replies"], 1);
    let order: Vec<&str> = data["replies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["state"].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        [
            "Costa Rica",
            "Côte d\u{2019}Ivoire",
            "Croatia",
            "State of Palestine",
            "Türkiye",
            "Turkmenistan"
        ]
    );
    let cooperation = &data["categories"][0];
    assert_eq!(cooperation["id"], "cooperation");
    assert_eq!(cooperation["state_count"], 5);
    assert_eq!(cooperation["themes"][0]["theme"], "extradition");
    assert_eq!(cooperation["themes"][0]["count"], 3);
    assert_eq!(data["replies"][1]["language"], "fr");
    assert_eq!(data["replies"][1]["file"], "submissions/civ.md");
}

#[test]
fn out_overrides_the_output_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("elsewhere/out");
    let run = report_in(
        &crate::support::repo(),
        &[
            "build",
            "tests/fixtures/valid",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(out.join("data.json").is_file());
    assert!(!fixture("valid").join("output").exists());
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let (_tmp, root) = fixture_copy("invalid");
    fs::create_dir_all(root.join("output")).unwrap();
    fs::write(root.join("output/data.json"), "previous").unwrap();
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 1);
    assert_contains_all(
        &run.stderr,
        &["build failed", "the output folder was left as it was"],
    );
    assert_eq!(
        fs::read_to_string(root.join("output/data.json")).unwrap(),
        "previous"
    );
    let leftovers: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".output"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_build_never_replaces_a_folder_it_did_not_write() {
    let (_tmp, root) = fixture_copy("valid");
    let replies = fs::read_dir(root.join("submissions")).unwrap().count();
    // Mistyped --out: the root itself, a folder above the root (both named as such),
    // the replies (a folder with files a build does not write).
    for (out, why) in [
        (".", "it is the report root itself"),
        ("..", "it holds the report root"),
        ("./", "it is the report root itself"),
    ] {
        let run = report_in(&root, &["build", "--out", out]);
        assert_eq!(run.code, 2, "--out {out}: {}", run.stderr);
        assert_contains_all(
            &run.stderr,
            &[
                &format!("error[output-folder]: refusing to write the output into `{out}`: {why}"),
                "give --out a folder of its own",
            ],
        );
    }
    let run = report_in(&root, &["build", "--out", "submissions"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "error[output-folder]: refusing to replace `submissions`: it holds `",
            "which a build does not write",
            "give --out a new or empty folder",
        ],
    );
    assert!(root.join("book.toml").is_file());
    assert_eq!(
        fs::read_dir(root.join("submissions")).unwrap().count(),
        replies
    );

    // output/ with an editor's file in it: refused too, the file kept.
    fs::create_dir_all(root.join("output")).unwrap();
    fs::write(root.join("output/notes.docx"), "mine").unwrap();
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("it holds `notes.docx`, which a build does not write"),
        "{}",
        run.stderr
    );
    assert!(root.join("output/notes.docx").is_file());

    // A previous output (and a Finder's .DS_Store) is replaced as usual.
    fs::remove_file(root.join("output/notes.docx")).unwrap();
    assert_eq!(report_in(&root, &["build"]).code, 0);
    fs::write(root.join("output/.DS_Store"), "").unwrap();
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(root.join("output/report.pdf").is_file());
}

#[test]
fn symlinks_out_of_the_root_are_refused() {
    let (tmp, root) = fixture_copy("valid");
    let outside = tmp.path().join("outside.md");
    fs::write(
        &outside,
        "+++\nstate = \"Chile\"\nreceived = 2019-04-01\n+++\nText.\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&outside, root.join("submissions/chl.md")).unwrap();
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 1);
    assert_contains_all(
        &run.stderr,
        &[
            "submissions/chl.md: not read: it is a link to ",
            "outside.md, outside the report root",
        ],
    );
}

#[test]
fn a_site_only_build_ends_with_the_site_and_no_pdf() {
    let (_tmp, root) = fixture_copy("valid");
    let book = fs::read_to_string(root.join("book.toml")).unwrap();
    let book = book.replace("[output.pdf]\nfile = \"report.pdf\"\npaper = \"a4\"\n", "");
    assert!(!book.contains("[output.pdf]"));
    fs::write(root.join("book.toml"), book).unwrap();
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(root.join("output/html/index.html").is_file());
    assert!(!root.join("output/report.pdf").exists());
    assert!(!root.join("output/report.typ").exists());
}

#[cfg(unix)]
#[test]
fn a_rebuild_links_the_unchanged_files_and_writes_the_changed_ones() {
    use std::os::unix::fs::MetadataExt;
    let (_tmp, root) = fixture_copy("valid");
    let inode = |path: &str| fs::metadata(root.join("output").join(path)).unwrap().ino();
    assert_eq!(report_in(&root, &["build"]).code, 0);
    let (pdf, index) = (inode("report.pdf"), inode("html/index.html"));
    // A template of the site changes: the PDF is the same file, the site pages new ones.
    let layout = root.join("templates/layout.html.j2");
    fs::create_dir_all(layout.parent().unwrap()).unwrap();
    let builtin = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/templates/layout.html.j2"
    ))
    .unwrap();
    fs::write(
        &layout,
        builtin.replacen("<body", "<!-- edited -->\n<body", 1),
    )
    .unwrap();
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        inode("report.pdf"),
        pdf,
        "the unchanged PDF was written again"
    );
    assert_ne!(
        inode("html/index.html"),
        index,
        "the changed page was not written"
    );
    let page = fs::read_to_string(root.join("output/html/index.html")).unwrap();
    assert!(page.contains("<!-- edited -->"));
    // The replaced output is gone, so each file of the new one has one name again.
    assert_eq!(
        fs::metadata(root.join("output/report.pdf"))
            .unwrap()
            .nlink(),
        1
    );
}

#[test]
fn each_version_may_hold_a_third_of_the_elements_when_several_are_built() {
    let (_tmp, root) = fixture_copy("valid");
    // 45,000 list items of 2 units: 90,000, under the 150,000 of a build of one version
    // and over the 50,000 that each of several versions may hold.
    let reply = root.join("submissions/tkm.md");
    let text = fs::read_to_string(&reply).unwrap();
    fs::write(&reply, format!("{text}\n\n{}", "- item\n".repeat(45_000))).unwrap();
    let run = report_in(&root, &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    with_languages(&root, &["en", "fr"]);
    let run = report_in(&root, &["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "submissions/tkm.md:",
            "past the limit of 50,000",
            "with several versions, each may hold 50,000: two may be typeset at once",
        ],
    );
    // Said once, though the English original is printed in both versions.
    assert_eq!(
        run.stderr.matches("past the limit").count(),
        1,
        "{}",
        run.stderr
    );
}

/// A build whose worker program cannot be started typesets in its own process, with the
/// same bytes; one whose worker dies fails with an error that says so, and leaves the
/// previous output as it was.
#[test]
fn a_worker_that_cannot_start_or_dies_is_handled() {
    use report::pipeline::{BuildOptions, Builder};
    let (_tmp, root) = fixture_copy("valid");
    let build = |out: &str, worker: &str| {
        let options = BuildOptions {
            out: Some(root.join(out)),
            once: true,
            worker: Some(worker.into()),
            ..BuildOptions::default()
        };
        Builder::new(root.clone(), options).build(&mut |_| {})
    };
    let worker = env!("CARGO_BIN_EXE_report");
    let fine = build("fine", worker);
    assert!(fine.written.is_some(), "{:?}", fine.diagnostics);
    assert!(
        fine.timings.to_string().contains("en worker "),
        "{}",
        fine.timings
    );

    let missing = build("here", "/nonexistent/report");
    assert!(missing.written.is_some(), "{:?}", missing.diagnostics);
    assert!(
        missing
            .timings
            .notes()
            .iter()
            .any(|n| n.contains("typeset in this process: no worker process (cannot start")),
        "{:?}",
        missing.timings.notes()
    );
    for file in ["report.pdf", "report.typ", "data.json"] {
        assert!(
            fs::read(root.join("fine").join(file)).unwrap()
                == fs::read(root.join("here").join(file)).unwrap(),
            "{file} differs between a worker and this process"
        );
    }

    // A worker that ends without an answer (here: a program that only fails).
    let before = fs::read(root.join("fine/report.pdf")).unwrap();
    let dead = build("fine", "/bin/false");
    assert!(dead.written.is_none());
    let errors: Vec<String> = dead.diagnostics.iter().map(|d| format!("{d:?}")).collect();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("typesetting the English version stopped on an internal error")),
        "{errors:?}"
    );
    assert_eq!(fs::read(root.join("fine/report.pdf")).unwrap(), before);
}

/// A rebuild (watch, serve) renders again the site of a version whose `[strings]` wording
/// changed: the site cache counts what the templates word through `t()`, not only the
/// worded data (the French site kept "Résumé" after `summary` was overridden with another
/// single word, which left the word counts as they were).
#[test]
fn a_rebuild_shows_a_changed_strings_wording_on_the_site() {
    use report::pipeline::{BuildOptions, Builder};
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("root");
    fs::create_dir(&root).unwrap();
    fs::copy(
        crate::support::repo().join("book.toml"),
        root.join("book.toml"),
    )
    .unwrap();
    for dir in ["submissions", "locales"] {
        crate::support::copy_dir(&crate::support::repo().join(dir), &root.join(dir));
    }
    let out = tmp.path().join("out");
    let options = BuildOptions {
        out: Some(out.clone()),
        ..BuildOptions::default()
    };
    let mut builder = Builder::new(root.clone(), options);
    assert!(builder.build(&mut |_| {}).written.is_some());
    let locale = root.join("locales/fr.toml");
    let text = fs::read_to_string(&locale).unwrap();
    fs::write(
        &locale,
        format!("{text}\n[strings]\nsummary = \"Sommaire\"\n"),
    )
    .unwrap();
    let rebuilt = builder.build(&mut |_| {});
    assert!(rebuilt.written.is_some(), "{:?}", rebuilt.diagnostics);
    let site = fs::read_to_string(out.join("fr/html/index.html")).unwrap();
    assert!(
        site.contains("Sommaire"),
        "the French site keeps its old wording"
    );
    let typ = fs::read_to_string(out.join("fr/report.typ")).unwrap();
    assert!(typ.contains("Sommaire"));
    // The other versions' sites are kept as they were.
    let notes = rebuilt.timings.notes().join("; ");
    assert!(notes.contains("site en: kept"), "{notes}");
}
