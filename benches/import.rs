//! Fidelity and speed of `report import` on the Word corpus of tests/fixtures/docx (made by
//! its make.py), against pandoc's own docx reader used the same way.
//!
//! For each document, each converter's Markdown becomes the reply of a one-version report
//! (the document's language), which `report build` typesets; the benchmark counts how many
//! of the words a reader sees in the document (NAME.words: its paragraphs, footnotes, table
//! cells and list items, letters and digits only) are in the PDF's text (pdftotext, its
//! letters and digits only). It also
//! times `report import --dry-run` on each document (median of 5).
//!
//! Speed: 60 documents of about three pages each (60 paragraphs of 30 words, a table, a
//! list and footnotes), named after 60 States, imported by one `report import` of their
//! folder into a report root (median of 5 runs); the goal is under 2 s on 2 cores.
//!
//! Needs pandoc (PyPI `pypandoc-binary`) and pdftotext: `-- --pandoc PATH`, else `pandoc`
//! on the PATH. Run with `cargo bench --bench import`.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const BOOK: &str = "[book]\ntitle = \"Import\"\nlanguage = \"en\"\nlanguages = [\"LANG\"]\n\n[report]\nsymbol = \"A/74/130\"\nsession = 74\ndate = 2019-07-30\nmandate = \"73/187\"\n\n[[categories]]\nid = \"cooperation\"\ntitle = \"Cooperation\"\n\n[output.pdf]\nfile = \"report.pdf\"\n";

/// How many of `words` the PDF built from reply `markdown` in `lang` holds.
fn found(markdown: &str, lang: &str, words: &[String], tmp: &Path) -> usize {
    let root = tmp.join("root");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("submissions")).unwrap();
    std::fs::write(root.join("book.toml"), BOOK.replace("LANG", lang)).unwrap();
    let reply = format!(
        "+++\nstate = \"ARG\"\nreceived = 2019-04-01\nlanguage = \"{lang}\"\n+++\n\n{markdown}"
    );
    std::fs::write(root.join("submissions/arg.md"), reply).unwrap();
    let out = tmp.join("out");
    let status = common::report_build(&root, &out).status().unwrap();
    if !status.success() {
        return 0;
    }
    let text = Command::new("pdftotext")
        .arg(out.join("report.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext (Debian poppler-utils)");
    // Letters and digits only, as NAME.words has them.
    let text: String = String::from_utf8_lossy(&text.stdout)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    words.iter().filter(|w| text.contains(w.as_str())).count()
}

fn main() {
    let pandoc = common::option("--pandoc").unwrap_or_else(|| "pandoc".into());
    let report = env!("CARGO_BIN_EXE_report");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docx");
    let mut docs: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "docx"))
        .collect();
    docs.sort();
    let tmp = tempfile::tempdir().unwrap();
    println!(
        "report import against pandoc's docx reader, words of each document found in the PDF\n"
    );
    println!(
        "{:<12} {:>6} {:>14} {:>14} {:>12}",
        "document", "words", "report import", "pandoc", "import time"
    );
    let (mut all, mut ours_all, mut theirs_all) = (0, 0, 0);
    for doc in &docs {
        let name = doc.file_stem().unwrap().to_string_lossy().into_owned();
        let lang = name.split('-').next().unwrap().to_string();
        let words: Vec<String> = std::fs::read_to_string(doc.with_extension("words"))
            .unwrap()
            .lines()
            .filter(|l| !l.is_empty())
            .map(|w| w.split_whitespace().collect())
            .collect();
        let import = || {
            Command::new(report)
                .args([
                    "import",
                    doc.to_str().unwrap(),
                    "--dry-run",
                    "--state",
                    "ARG",
                ])
                .args(["--language", &lang])
                .output()
                .unwrap()
        };
        let mut times: Vec<Duration> = (0..5)
            .map(|_| {
                let start = Instant::now();
                import();
                start.elapsed()
            })
            .collect();
        let ours = String::from_utf8(import().stdout).unwrap();
        let theirs = Command::new(&pandoc)
            .args(["-f", "docx", "-t", "gfm", "--wrap=none"])
            .arg(doc)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        let (a, b) = (
            found(&ours, &lang, &words, tmp.path()),
            found(&theirs, &lang, &words, tmp.path()),
        );
        all += words.len();
        ours_all += a;
        theirs_all += b;
        println!(
            "{name:<12} {:>6} {:>14} {:>14} {:>9.1} ms",
            words.len(),
            format!(
                "{a} ({:.0} %)",
                100.0 * a as f64 / words.len().max(1) as f64
            ),
            format!(
                "{b} ({:.0} %)",
                100.0 * b as f64 / words.len().max(1) as f64
            ),
            common::median(&mut times).as_secs_f64() * 1000.0
        );
    }
    println!(
        "{:<12} {all:>6} {:>14} {:>14}\n",
        "all",
        format!(
            "{ours_all} ({:.1} %)",
            100.0 * ours_all as f64 / all.max(1) as f64
        ),
        format!(
            "{theirs_all} ({:.1} %)",
            100.0 * theirs_all as f64 / all.max(1) as f64
        ),
    );
    speed();
}

/// A document of about three pages: `paragraphs` paragraphs of 30 words, with a footnote
/// every tenth, a table and a list.
fn three_pages(path: &Path, paragraphs: usize) {
    use std::io::Write;
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let sentence = "La cooperación internacional sigue siendo lenta cuando las pruebas electrónicas se almacenan en el extranjero y la asistencia judicial recíproca tarda muchos meses en llegar a los fiscales.";
    let mut body = String::new();
    let mut notes = String::new();
    for i in 0..paragraphs {
        let note = if i % 10 == 0 {
            notes.push_str(&format!(
                "<w:footnote w:id=\"{i}\"><w:p><w:r><w:t>Nota {i}.</w:t></w:r></w:p></w:footnote>"
            ));
            format!("<w:r><w:footnoteReference w:id=\"{i}\"/></w:r>")
        } else {
            String::new()
        };
        body.push_str(&format!("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{i}.</w:t></w:r><w:r><w:t xml:space=\"preserve\"> {sentence}</w:t></w:r>{note}</w:p>"));
    }
    let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
    body.push_str(&format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        cell("Ley"),
        cell("Año"),
        cell("1273"),
        cell("2009")
    ));
    for i in 0..5 {
        body.push_str(&format!("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>Punto {i}</w:t></w:r></w:p>"));
    }
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in [
        (
            "word/document.xml",
            format!("<w:document {w}><w:body>{body}</w:body></w:document>"),
        ),
        (
            "word/footnotes.xml",
            format!("<w:footnotes {w}>{notes}</w:footnotes>"),
        ),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

/// 60 documents of three pages imported in one call.
fn speed() {
    let report = env!("CARGO_BIN_EXE_report");
    let mut times = Vec::new();
    for _ in 0..5 {
        let tmp = tempfile::tempdir().unwrap();
        let docs = tmp.path().join("docs");
        std::fs::create_dir(&docs).unwrap();
        let states: Vec<&str> = report::registry::all()
            .iter()
            .map(|s| s.iso3)
            .take(60)
            .collect();
        for iso3 in &states {
            three_pages(&docs.join(format!("{}.docx", iso3.to_lowercase())), 60);
        }
        let root = tmp.path().join("root");
        std::fs::create_dir_all(root.join("submissions")).unwrap();
        std::fs::write(root.join("book.toml"), BOOK.replace("LANG", "es")).unwrap();
        let start = Instant::now();
        let out = Command::new(report)
            .args([
                "import",
                docs.to_str().unwrap(),
                "--dir",
                root.to_str().unwrap(),
            ])
            .args(["--received", "2019-04-30", "--language", "es", "-q"])
            .output()
            .unwrap();
        times.push(start.elapsed());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            std::fs::read_dir(root.join("submissions")).unwrap().count(),
            60
        );
    }
    println!(
        "60 documents of about three pages, one report import: {:.0} ms (median of 5; goal: under 2 s)",
        common::median(&mut times).as_secs_f64() * 1000.0
    );
}
