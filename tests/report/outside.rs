//! Nothing outside the report root is read, nothing but regular files is read, and nothing
//! is written through a link: one policy for book.toml, replies, templates and fonts, as a
//! pull request from a stranger could plant any of them.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use crate::support::{assert_contains_all, fixture_copy, report_in, report_within};

const SECRET: &str = "SECRET-7f3a9 of the machine";

/// A file outside the root whose text must never appear anywhere.
fn secret(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("secret.txt");
    fs::write(&path, format!("title = \"{SECRET}\"\n{SECRET}\n")).unwrap();
    path
}

/// Every file under `dir`, as text, joined.
fn all_text(dir: &Path) -> String {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| String::from_utf8_lossy(&fs::read(e.path()).unwrap()).into_owned())
        .collect()
}

#[test]
fn a_linked_book_toml_is_refused_and_never_printed() {
    let (tmp, root) = fixture_copy("valid");
    fs::remove_file(root.join("book.toml")).unwrap();
    symlink(secret(tmp.path()), root.join("book.toml")).unwrap();
    for command in ["check", "build"] {
        let run = report_in(&root, &[command]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_contains_all(
            &run.stderr,
            &[
                "error[refused-file]: book.toml: not read: it is a link to ",
                "secret.txt, outside the report root",
                "copy the file into the report root instead of linking to it",
            ],
        );
        assert!(!run.stderr.contains("SECRET-7f3a9"), "{}", run.stderr);
    }
}

#[test]
fn linked_templates_are_refused_and_never_published() {
    let (tmp, root) = fixture_copy("valid");
    let secret = secret(tmp.path());
    // One template linked out of the root, in a templates/ folder of the root.
    fs::create_dir(root.join("templates")).unwrap();
    symlink(&secret, root.join("templates/style.css")).unwrap();
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &["templates/style.css: not read: it is a link to "],
    );
    // The whole templates/ folder linked out of the root.
    fs::remove_dir_all(root.join("templates")).unwrap();
    let elsewhere = tmp.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    fs::copy(&secret, elsewhere.join("style.css")).unwrap();
    symlink(&elsewhere, root.join("templates")).unwrap();
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(&run.stderr, &["templates: not read: it is a link to "]);
    assert!(!root.join("output").exists());
    // A template linked to another file inside the root is read as usual.
    fs::remove_file(root.join("templates")).unwrap();
    fs::create_dir(root.join("templates")).unwrap();
    fs::write(root.join("my.css"), "body { color: #123456; }").unwrap();
    symlink(root.join("my.css"), root.join("templates/style.css")).unwrap();
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = all_text(&root.join("output/html"));
    assert!(site.contains("#123456"));
    assert!(!site.contains("SECRET-7f3a9"));
}

#[test]
fn a_linked_submissions_folder_and_linked_fonts_are_refused() {
    let (tmp, root) = fixture_copy("valid");
    let elsewhere = tmp.path().join("replies");
    fs::rename(root.join("submissions"), &elsewhere).unwrap();
    symlink(&elsewhere, root.join("submissions")).unwrap();
    let run = report_in(&root, &["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "submissions/: not read: it is a link to ",
            "replies, outside the report root",
        ],
    );
    fs::remove_file(root.join("submissions")).unwrap();
    fs::rename(&elsewhere, root.join("submissions")).unwrap();

    // Font folders and font files: the folder linked out, or a font file linked out.
    let fonts = tmp.path().join("fonts");
    fs::create_dir(&fonts).unwrap();
    fs::copy(
        crate::support::repo().join("assets/fonts/LiberationSerif-Regular.ttf"),
        fonts.join("x.ttf"),
    )
    .unwrap();
    let book = fs::read_to_string(root.join("book.toml")).unwrap();
    fs::write(
        root.join("book.toml"),
        book.replace("paper = \"a4\"", "paper = \"a4\"\nfont-dirs = [\"fonts\"]"),
    )
    .unwrap();
    symlink(&fonts, root.join("fonts")).unwrap();
    let run = report_in(&root, &["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &["font folder `fonts` is not a folder inside the report root: it is a link to "],
    );
    fs::remove_file(root.join("fonts")).unwrap();
    fs::create_dir(root.join("fonts")).unwrap();
    symlink(fonts.join("x.ttf"), root.join("fonts/x.ttf")).unwrap();
    let run = report_in(&root, &["build"]);
    assert_contains_all(&run.stderr, &["x.ttf: font not used: it is a link to "]);
}

#[test]
fn a_named_pipe_among_the_replies_is_refused_without_hanging() {
    let (_tmp, root) = fixture_copy("valid");
    let fifo = root.join("submissions/x.md");
    let path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o644) }, 0);
    let run = report_within(&root, &["check"], 60);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(
        &run.stderr,
        &[
            "submissions/x.md: not read: it is a named pipe (FIFO), not a regular file",
            "replace it with a plain file, or remove it",
        ],
    );
    // A named pipe as book.toml, too.
    fs::remove_file(root.join("book.toml")).unwrap();
    let path = std::ffi::CString::new(root.join("book.toml").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o644) }, 0);
    let run = report_within(&root, &["build"], 60);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(&run.stderr, &["book.toml: not read: it is a named pipe"]);
}

#[test]
fn new_never_writes_through_a_link() {
    let (tmp, root) = fixture_copy("valid");
    // A link planted where the new reply would go, pointing to a file that does not
    // exist yet (a plain `exists()` check says there is nothing there).
    let target = tmp.path().join("planted.md");
    symlink(&target, root.join("submissions/chl.md")).unwrap();
    let run = report_in(&root, &["new", "Chile"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_contains_all(&run.stderr, &["submissions/chl.md exists already"]);
    assert!(!target.exists());
    // submissions/ itself linked out of the root.
    fs::remove_file(root.join("submissions/chl.md")).unwrap();
    let elsewhere = tmp.path().join("replies");
    fs::rename(root.join("submissions"), &elsewhere).unwrap();
    symlink(&elsewhere, root.join("submissions")).unwrap();
    let run = report_in(&root, &["new", "Chile"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!elsewhere.join("chl.md").exists());
}
