//! A redline (`report build --draft --since BASE`): every language version marks what
//! changed since the base, lists it before the Introduction, and marks nothing when
//! nothing changed. The base is a report root or the output of an earlier draft.

use std::fs;
use std::path::Path;

use crate::support::{
    assert_contains_all, assert_same_files, copy_dir, edit, files, pdf_text, pdf_text_as_read,
    report, shipped_copy,
};

/// The shipped report as the base, and a copy edited as a pull request would: a paragraph
/// changed in a reply (English original, Arabic and Chinese translations), a summary
/// changed, a reply added, a reply removed.
fn base_and_edited() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let (tmp, base) = shipped_copy();
    let new = tmp.path().join("new");
    copy_dir(&base, &new);
    let s = |p: &str| new.join("submissions").join(p);
    edit(&s("aus.md"), |t| {
        t.replacen("remains time-consuming", "remains slow and costly", 1)
            .replacen(
                "the time required to obtain",
                "the months required to obtain",
                1,
            )
    });
    edit(&s("arg.ar.md"), |t| {
        t.replacen("بطيئة للغاية", "بطيئة جدا", 1)
    });
    edit(&s("arg.zh.md"), |t| {
        t.replacen("仍然过于缓慢", "仍然十分缓慢", 1)
    });
    fs::remove_file(s("nzl.md")).unwrap();
    fs::write(
        s("per.md"),
        "+++\nstate = \"Peru\"\nreceived = 2019-05-02\nnote = \"Illustrative sample, not an official text\"\n\n\
         [[challenges]]\ncategory = \"capacity-building\"\nthemes = [\"training of judges and prosecutors\"]\n\
         summary = \"\"\"\nPeru asks for training for prosecutors in handling electronic evidence.\n\"\"\"\n+++\n\n\
         Peru reports that its prosecutors need specialized training to handle electronic evidence.\n",
    )
    .unwrap();
    (tmp, base, new)
}

fn redline(root: &Path, base: &Path, out: &Path) {
    let run = report(&[
        "build",
        root.to_str().unwrap(),
        "--draft",
        "--revision",
        "rev-new",
        "--since",
        base.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// The marks of a version's Typst source, in order: ("ins", text) and ("del", text) for
/// each mark of plain text (`#rl-ins(7)[#"text";]`).
fn marks(typ: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (kind, rest) in typ
        .match_indices("#rl-")
        .map(|(i, _)| (&typ[i + 4..i + 7], &typ[i..]))
    {
        if let Some(start) = rest.find(")[#\"")
            && rest[..start].chars().skip(8).all(|c| c.is_ascii_digit())
        {
            let text = &rest[start + 4..];
            let end = text.find("\";").unwrap_or(0);
            out.push((kind.to_string(), text[..end].to_string()));
        }
    }
    out
}

#[test]
fn a_redline_marks_words_lists_changes_and_keeps_every_version() {
    let (tmp, base, new) = base_and_edited();
    let out = tmp.path().join("redline");
    redline(&new, &base, &out);
    let has = |typ: &[(String, String)], kind: &str, text: &str| {
        typ.iter().any(|(k, t)| k == kind && t.contains(text))
    };

    // English: word by word, in a summary of chapter II and in a reply's body.
    let en = marks(&fs::read_to_string(out.join("report.typ")).unwrap());
    for (kind, text) in [
        ("del", "time-consuming"),
        ("ins", "slow and costly"),
        ("del", "time"),
        ("ins", "months"),
        ("ins", "Peru"),
    ] {
        assert!(has(&en, kind, text), "no {kind} {text:?} in {en:?}");
    }
    // A reply that only moved is not marked: Argentina's English text is unchanged.
    assert!(!has(&en, "del", "Argentin"), "{en:?}");
    let pdf = pdf_text(&out.join("report.pdf"));
    assert_contains_all(
        &pdf,
        &[
            "Changes since",
            "Replies added Peru",
            "Replies changed Australia",
            "Replies removed • New Zealand",
            "Counts changed",
            "slow and costly",
        ],
    );
    // The list comes before the Introduction (after the Contents, which name it).
    let (list, introduction) = (
        pdf.find("Changes since"),
        pdf.find("Introduction 1. In its"),
    );
    assert!(list.is_some() && list < introduction, "{pdf}");

    // Arabic by word, Chinese by character; each version lists its own changes.
    let ar = marks(&fs::read_to_string(out.join("ar/report.typ")).unwrap());
    assert!(
        has(&ar, "del", "للغاية") && has(&ar, "ins", "جدا"),
        "{ar:?}"
    );
    let zh = marks(&fs::read_to_string(out.join("zh/report.typ")).unwrap());
    assert!(has(&zh, "del", "过于") && has(&zh, "ins", "十分"), "{zh:?}");
    assert!(
        !zh.iter().any(|(_, t)| t.contains("缓慢")),
        "Chinese is compared character by character: {zh:?}"
    );
    if let Some(ar_pdf) = pdf_text_as_read(&out.join("ar/report.pdf"), None) {
        assert_contains_all(&ar_pdf, &["التغييرات منذ", "الردود المضافة", "جدا"]);
    }
    let zh_pdf = pdf_text(&out.join("zh/report.pdf"));
    assert!(zh_pdf.contains("以来的修改"), "{zh_pdf}");

    // The site: <ins> and <del>, the list with its links, the switch.
    let aus = fs::read_to_string(out.join("html/states/aus.html")).unwrap();
    assert_contains_all(
        &aus,
        &[
            "<del>time</del><ins>months</ins>",
            "class=\"toggle-changes\" aria-pressed=\"false\"",
        ],
    );
    let index = fs::read_to_string(out.join("html/index.html")).unwrap();
    assert_contains_all(
        &index,
        &[
            "<section class=\"changes\" aria-labelledby=\"changes\">",
            "<a href=\"states/per.html\">Peru</a>",
            "<a href=\"states/aus.html\">Australia</a>",
            "<li>New Zealand</li>",
        ],
    );
    let peru = fs::read_to_string(out.join("html/states/per.html")).unwrap();
    assert!(peru.contains("<ins class=\"block\">"), "{peru}");
    // Argentina's summary of international cooperation, in the Arabic site.
    let ar_page = out.join("ar/html/categories/international-cooperation.html");
    let ar_page = fs::read_to_string(ar_page).unwrap();
    assert!(
        ar_page.contains("<del>للغاية</del><ins>جدا</ins>"),
        "{ar_page}"
    );
    let zh_index = fs::read_to_string(out.join("zh/html/index.html")).unwrap();
    assert!(zh_index.contains("以来的修改"), "{zh_index}");

    // data.json is the plain draft's: no mark reaches it.
    let data = fs::read_to_string(out.join("data.json")).unwrap();
    assert!(!data.contains(['\u{fdd0}', '\u{fdd2}', '\u{fdd4}']));
}

/// Against an identical root, nothing is marked and nothing listed. A draft keeps its
/// snapshot, and a redline against that output is the redline against its root, byte for
/// byte each time it is built.
#[test]
fn an_identical_base_marks_nothing_and_a_drafts_output_serves_as_base() {
    let (tmp, base, new) = base_and_edited();
    let same = tmp.path().join("same");
    redline(&base, &base, &same);
    let typ = fs::read_to_string(same.join("report.typ")).unwrap();
    assert!(marks(&typ).is_empty(), "{:?}", marks(&typ));
    assert!(!typ.contains("<changes>"));
    let index = fs::read_to_string(same.join("html/index.html")).unwrap();
    assert!(!index.contains("class=\"changes\"") && !index.contains("<ins"));
    assert!(same.join("snapshot.json").is_file() && same.join("zh/snapshot.json").is_file());

    // The draft of the base (its snapshots) as the base.
    let first = tmp.path().join("first");
    let second = tmp.path().join("second");
    redline(&new, &same, &first);
    redline(&new, &same, &second);
    assert_same_files(&files(&first), &files(&second));
    let typ = fs::read_to_string(first.join("report.typ")).unwrap();
    assert!(
        typ.contains("Changes since rev-new"),
        "named by its draft's revision"
    );
    let from_root = tmp.path().join("from-root");
    redline(&new, &base, &from_root);
    let root_typ = fs::read_to_string(from_root.join("report.typ")).unwrap();
    assert_eq!(marks(&typ), marks(&root_typ));
}

#[test]
fn since_needs_a_draft_and_a_base_it_can_read() {
    let run = report(&["build", "--since", "."]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--draft"), "{}", run.stderr);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let run = report(&[
        "build",
        "--draft",
        "--since",
        tmp.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "error[redline]: --since:",
            "is neither a report root",
            "snapshot.json",
        ],
    );
    assert!(!out.exists());
}

/// A redline that would mark more than a version's typesetting budget holds is refused
/// before typesetting, with the way out.
#[test]
fn a_redline_too_costly_to_typeset_is_refused() {
    let (tmp, base) = crate::support::fixture_copy("valid");
    let new = tmp.path().join("new");
    copy_dir(&base, &new);
    let paragraphs = |word: &str| -> String {
        (0..3_100)
            .map(|i| format!("Paragraph {i} {word}.\n\n"))
            .collect()
    };
    edit(&base.join("submissions/hrv.md"), |t| {
        format!("{t}\n{}", paragraphs("before"))
    });
    edit(&new.join("submissions/hrv.md"), |t| {
        format!("{t}\n{}", paragraphs("after"))
    });
    let out = tmp.path().join("out");
    let run = crate::support::report_within(
        tmp.path(),
        &[
            "build",
            new.to_str().unwrap(),
            "--draft",
            "--since",
            base.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        120,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "error[too-costly]: the redline of the English version marks",
            "compare with a nearer base",
        ],
    );
    assert!(!out.exists());
}
