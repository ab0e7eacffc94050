//! `report import`: Word documents in as replies, as an editor runs it.

use std::io::Write;
use std::path::Path;

use crate::support::{assert_contains_all, fixture_copy, report_in};

/// A .docx whose body is `paragraphs` (text each, which may start with `<w:pPr>` and hold
/// runs of [`aligned`]), with a footnote on the first and an image in the last.
fn write_docx(path: &Path, paragraphs: &[&str]) {
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let mut body = String::new();
    for (i, text) in paragraphs.iter().enumerate() {
        let extra = match i {
            0 => "<w:r><w:footnoteReference w:id=\"1\"/></w:r>".to_string(),
            n if n + 1 == paragraphs.len() => "<w:r><w:drawing/></w:r>".to_string(),
            _ => String::new(),
        };
        // Paragraph properties, if the text starts with them, go before its run.
        let (props, text) = text.split_at(text.find("</w:pPr>").map_or(0, |i| i + 8));
        body.push_str(&format!(
            "<w:p>{props}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>{extra}</w:p>"
        ));
    }
    let document = format!("<w:document {w}><w:body>{body}</w:body></w:document>");
    let footnotes = format!(
        "<w:footnotes {w}><w:footnote w:id=\"1\"><w:p><w:r><w:t>Ley 1273 de 2009.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    );
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in [
        ("word/document.xml", &document),
        ("word/footnotes.xml", &footnotes),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

const SPANISH: [&str; 3] = [
    "El Gobierno de Chile tiene el honor de referirse a la nota verbal del Secretario General relativa a la resolución 73/187 de la Asamblea General.",
    "La cooperación internacional sigue siendo lenta cuando las pruebas electrónicas se encuentran almacenadas en el extranjero.",
    "Se adjunta un mapa de los centros de respuesta a incidentes.",
];

#[test]
fn a_word_document_becomes_a_reply_and_what_is_left_out_is_said() {
    let (tmp, root) = fixture_copy("valid");
    let doc = tmp.path().join("Chile.docx");
    write_docx(&doc, &SPANISH);
    let dir = root.to_str().unwrap();
    let run = report_in(
        tmp.path(),
        &[
            "import",
            "Chile.docx",
            "--dir",
            dir,
            "--received",
            "2019-04-30",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "paragraph 3: an image or chart not imported (\"Se adjunta un mapa de los\")",
            "Chile.docx ->",
            "submissions/chl.md for Chile: 3 paragraphs, 1 footnotes, 0 tables, 0 list items; Spanish (identified from the text); 1 left out",
        ],
    );
    let reply = std::fs::read_to_string(root.join("submissions/chl.md")).unwrap();
    assert_contains_all(
        &reply,
        &[
            "state = \"Chile\"",
            "received = 2019-04-30",
            "language = \"es\"",
            "# [[challenges]]",
            "#   cooperation, evidence, prevention",
            "resolución 73/187 de la Asamblea General.[^f1]",
            "[^f1]: Ley 1273 de 2009.",
        ],
    );
    // It reads back as a reply of Chile, and a draft build prints its words and its note;
    // importing it again overwrites nothing.
    let build = report_in(&root, &["build", "--draft"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let pdf = crate::support::pdf_text(&root.join("output/report.pdf"));
    assert_contains_all(
        &pdf,
        &[
            "La cooperación internacional sigue siendo lenta",
            "Ley 1273 de 2009.",
            "Se adjunta un mapa",
        ],
    );
    let again = report_in(tmp.path(), &["import", "Chile.docx", "--dir", dir]);
    assert_eq!(again.code, 1, "{}", again.stderr);
    assert!(
        again.stderr.contains("Chile already has a reply"),
        "{}",
        again.stderr
    );
    assert_eq!(
        std::fs::read_to_string(root.join("submissions/chl.md")).unwrap(),
        reply
    );
}

/// A run of `text` raised or lowered (`align` "superscript" or "subscript"), to go inside
/// a paragraph of [`write_docx`].
fn aligned(text: &str, align: &str) -> String {
    format!(
        "</w:t></w:r><w:r><w:rPr><w:vertAlign w:val=\"{align}\"/></w:rPr><w:t>{text}</w:t></w:r><w:r><w:t xml:space=\"preserve\">"
    )
}

/// A folder of replies: superscript and subscript reach the PDF and the site raised and
/// lowered; a right-to-left paragraph in a Spanish reply is said at its place; an .odt
/// beside them is said not read, and the others are imported all the same.
#[test]
fn a_folder_imports_raised_text_and_says_what_it_cannot() {
    let (tmp, root) = fixture_copy("valid");
    let replies = tmp.path().join("replies");
    std::fs::create_dir(&replies).unwrap();
    let first = format!(
        "{} El 1{} de julio se midieron las emisiones de CO{} de los centros de datos.",
        SPANISH[0],
        aligned("er", "superscript"),
        aligned("2", "subscript")
    );
    let second = "<w:pPr><w:bidi/></w:pPr>يعاقب القانون على الجرائم الإلكترونية".to_string();
    write_docx(
        &replies.join("Chile.docx"),
        &[&first, &second, SPANISH[1], SPANISH[2]],
    );
    std::fs::write(replies.join("Peru.odt"), b"PK\x03\x04").unwrap();
    let dir = root.to_str().unwrap();
    let run = report_in(
        tmp.path(),
        &[
            "import",
            "replies",
            "--dir",
            dir,
            "--received",
            "2019-04-30",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "Peru.odt",
            "OpenDocument text (.odt) is not read: save it as a Word document (.docx) first",
            "paragraph 2: the right-to-left direction of this paragraph (the reply is left to \
             right) not imported (\"يعاقب القانون على الجرائم الإلكترونية\")",
            "submissions/chl.md for Chile: 4 paragraphs",
        ],
    );
    let reply = std::fs::read_to_string(root.join("submissions/chl.md")).unwrap();
    assert!(
        reply.contains("El 1<sup>er</sup> de julio se midieron las emisiones de CO<sub>2</sub> de"),
        "{reply}"
    );
    let build = report_in(&root, &["build", "--draft"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let site = std::fs::read_to_string(root.join("output/html/states/chl.html")).unwrap();
    assert!(
        site.contains("El 1<sup>er</sup> de julio se midieron las emisiones de CO<sub>2</sub> de"),
        "{site}"
    );
    let pdf = crate::support::pdf_text(&root.join("output/report.pdf"));
    let pdf = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        pdf.contains("emisiones de CO2 de") || pdf.contains("emisiones de CO 2 de"),
        "{pdf}"
    );
}

#[test]
fn a_document_whose_state_is_unclear_is_refused_naming_the_candidates() {
    let (tmp, root) = fixture_copy("valid");
    write_docx(&tmp.path().join("Niger and Nigeria.docx"), &SPANISH);
    let dir = root.to_str().unwrap();
    let run = report_in(
        tmp.path(),
        &[
            "import",
            "Niger and Nigeria.docx",
            "--dir",
            dir,
            "--dry-run",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("it could be from Niger or Nigeria: give the State with --state"),
        "{}",
        run.stderr
    );
    // Told, the same document prints as Markdown and writes nothing.
    let run = report_in(
        tmp.path(),
        &[
            "import",
            "Niger and Nigeria.docx",
            "--dir",
            dir,
            "--dry-run",
            "--state",
            "NER",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("El Gobierno de Chile"),
        "{}",
        run.stdout
    );
    assert!(!root.join("submissions/ner.md").exists());
}

#[test]
fn a_word_document_becomes_a_replys_translation() {
    let (tmp, root) = fixture_copy("valid");
    let english = [
        "The Government of Costa Rica has the honour to transmit its observations on the challenges it faces in countering the criminal use of information technologies.",
        "International cooperation remains slow when electronic evidence is stored abroad, and mutual legal assistance takes many months.",
        "A map of the incident response centres is attached.",
    ];
    write_docx(&tmp.path().join("traduction.docx"), &english);
    let dir = root.to_str().unwrap();
    let run = report_in(
        tmp.path(),
        &[
            "import",
            "traduction.docx",
            "--dir",
            dir,
            "--translation-of",
            "CRI",
            "--language",
            "en",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("(English translation of submissions/cri.md)"),
        "{}",
        run.stderr
    );
    let translation = std::fs::read_to_string(root.join("submissions/cri.en.md")).unwrap();
    assert!(translation.contains("status = \"draft\""));
    assert!(translation.contains("The Government of Costa Rica has the honour"));
    let check = report_in(&root, &["check"]);
    assert!(!check.stderr.contains("error["), "{}", check.stderr);
    assert!(
        !check.stderr.contains("language-mismatch"),
        "{}",
        check.stderr
    );
}

/// Every document of the Word corpus (tests/fixtures/docx, made by its make.py) imports
/// into Markdown that loses nothing more when printed, with the words a reader sees, and
/// says what it left out.
#[test]
fn the_word_corpus_imports_whole() {
    let corpus = crate::support::fixture("docx");
    let mut docs: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "docx"))
        .collect();
    docs.sort();
    assert!(docs.len() >= 20, "{}", docs.len());
    for doc in &docs {
        let imported = report::import::docx(&std::fs::read(doc).unwrap()).unwrap();
        let name = doc.file_stem().unwrap().to_string_lossy().into_owned();
        let lost = report::markdown::losses(&imported.markdown);
        assert!(lost.is_empty(), "{name}: {lost:?}");
        // Every word of the document is in the Markdown's text (its letters and digits).
        let mut text = String::new();
        report::markdown::parse(&imported.markdown).text(&mut text);
        let text: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
        for word in std::fs::read_to_string(doc.with_extension("words"))
            .unwrap()
            .lines()
        {
            assert!(text.contains(word), "{name}: {word} missing");
        }
        let left_out: Vec<String> = imported.left_out.iter().map(ToString::to_string).collect();
        match name.as_str() {
            "en-tracked" => assert_eq!(left_out.len(), 2, "{left_out:?}"),
            "ar-merged" => assert!(left_out[0].contains("merged table cell"), "{left_out:?}"),
            _ => {}
        }
        if name.ends_with("-lists") {
            assert_eq!((imported.list_items, imported.footnotes), (6, 2), "{name}");
        }
        if name.ends_with("-table") {
            assert_eq!(imported.tables, 1, "{name}");
        }
    }
}

/// A document with tracked changes: the insertion is printed, the deletion is not, and the
/// site agrees; the table of a document reaches the PDF cell by cell.
#[test]
fn tracked_changes_and_tables_as_a_reader_sees_them_after_a_build() {
    let (tmp, root) = fixture_copy("valid");
    let corpus = crate::support::fixture("docx");
    let dir = root.to_str().unwrap();
    for (file, state) in [("en-tracked.docx", "Chile"), ("fr-table.docx", "France")] {
        let run = report_in(
            tmp.path(),
            &[
                "import",
                corpus.join(file).to_str().unwrap(),
                "--dir",
                dir,
                "--state",
                state,
                "--received",
                "2019-04-02",
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let build = report_in(&root, &["build", "--draft"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let pdf: String = crate::support::pdf_text(&root.join("output/report.pdf"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(pdf.contains("national strategy. Inserted."), "{pdf}");
    assert!(
        !pdf.contains("Mutual legal assistance remains slow"),
        "{pdf}"
    );
    for cell in [
        "Cadre juridique",
        "Coopération",
        "Capacités",
        "2019",
        "2020",
    ] {
        assert!(pdf.contains(cell), "{cell}: {pdf}");
    }
}
