//! Small report roots written into a temporary folder, for the unit tests of the stages
//! that read one (`load`, `aggregate`, `pipeline`).

use std::path::Path;

/// A book of three categories (cooperation, evidence, prevention), in English and French.
pub const BOOK: &str = "[book]\ntitle = \"Countering ICT crime\"\nlanguage = \"en\"\nlanguages = [\"en\", \"fr\"]\n\n[report]\nsymbol = \"A/74/130\"\nsession = 74\ndate = 2019-07-30\nmandate = \"73/187\"\ncutoff = 2019-05-31\n\n[[categories]]\nid = \"cooperation\"\ntitle = \"International cooperation\"\n\n[[categories]]\nid = \"evidence\"\ntitle = \"Electronic evidence\"\n\n[[categories]]\nid = \"prevention\"\ntitle = \"Prevention\"\n\n[output.pdf]\nfile = \"report.pdf\"\n\n[output.html]\ndir = \"html\"\n";

/// A reply of `state`, received `received`, in `language`, raising `categories` (each
/// with one theme).
pub fn reply(state: &str, received: &str, language: &str, categories: &[&str]) -> String {
    let mut text = format!(
        "+++\nstate = \"{state}\"\nreceived = {received}\nlanguage = \"{language}\"\nnote = \"Test\"\n"
    );
    for c in categories {
        text.push_str(&format!(
            "\n[[challenges]]\ncategory = \"{c}\"\nthemes = [\"{c} theme\"]\nsummary = \"On {c}.\"\n"
        ));
    }
    text.push_str("+++\n\nThe reply.\n");
    text
}

/// Writes a root of [`BOOK`] and `files` (path, text) into `dir`.
pub fn write(dir: &Path, files: &[(&str, &str)]) {
    std::fs::create_dir_all(dir.join("submissions")).unwrap();
    std::fs::write(dir.join("book.toml"), BOOK).unwrap();
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}
