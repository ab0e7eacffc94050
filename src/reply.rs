//! The reply writer: starts the files an editor completes, a reply
//! (`submissions/arg.md`) or a translation beside it (`arg.fr.md`), with their front
//! matter filled in as far as it is known. The reply format is written here only; a new
//! reply starts as a draft, so a final build leaves it out until the editor says it is
//! done. Files are written inside the report root only, and never over anything.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::date::Date;
use crate::language;
use crate::load::Project;
use crate::registry::MemberState;
use crate::root::ReportRoot;

/// A file written: where, and what it is, for the editor.
#[derive(Debug, PartialEq, Eq)]
pub struct Created {
    pub path: PathBuf,
    pub what: String,
}

/// Why a file was not written.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// The editor's request or the root's files stand in the way; the message says how
    /// to go on.
    Input(String),
    /// Writing failed.
    Io(String),
}

/// Writes the reply of `state` in `language` (an ISO 639-1 code), received `received`,
/// as `submissions/<iso3>.md` of the report root `dir`.
pub fn new_reply(
    dir: &Path,
    project: &Project,
    state: &'static MemberState,
    language: &str,
    received: Date,
) -> Result<Created, Refused> {
    write_reply(dir, project, state, language, Some(received), None)
}

/// Writes the reply of `state` whose text (`body`, Markdown) was imported, like
/// [`new_reply`]; without `received`, the key is left out (`report check` says it is
/// missing).
pub fn imported_reply(
    dir: &Path,
    project: &Project,
    state: &'static MemberState,
    language: &str,
    received: Option<Date>,
    body: &str,
) -> Result<Created, Refused> {
    write_reply(dir, project, state, language, received, Some(body))
}

fn write_reply(
    dir: &Path,
    project: &Project,
    state: &'static MemberState,
    language: &str,
    received: Option<Date>,
    body: Option<&str>,
) -> Result<Created, Refused> {
    let Some(language_name) = language::name(language) else {
        return Err(Refused::Input(format!(
            "unknown language code \"{language}\": use an ISO 639-1 code such as \"es\""
        )));
    };
    if let Some(existing) = project.submissions.iter().find(|s| s.state == state) {
        return Err(Refused::Input(format!(
            "{} already has a reply: {}; edit that file instead",
            state.name,
            dir.join(&existing.path).display()
        )));
    }
    let path = dir.join(format!("submissions/{}.md", state.iso3.to_lowercase()));
    if std::fs::symlink_metadata(&path).is_ok() {
        return Err(Refused::Input(format!(
            "{} exists already (and does not read as a reply of {}); fix or rename it first",
            path.display(),
            state.name
        )));
    }
    inside_root(dir, &dir.join("submissions"), "a reply")?;
    let categories: Vec<&str> = project
        .config
        .categories
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    let text = match body {
        None => reply_text(state.name, language, language_name, &categories, received),
        Some(body) => imported_text(
            state.name,
            language,
            language_name,
            &categories,
            received,
            body,
        ),
    };
    create(&path, &text)?;
    Ok(Created {
        what: format!("for {}", state.name),
        path,
    })
}

/// Writes the translation into `lang` (one of the six) of the reply of `state`, beside it.
pub fn new_translation(
    dir: &Path,
    project: &Project,
    state: &'static MemberState,
    lang: &str,
) -> Result<Created, Refused> {
    write_translation(dir, project, state, lang, None)
}

/// Writes an imported translation (`body`, Markdown) of the reply of `state`, like
/// [`new_translation`].
pub fn imported_translation(
    dir: &Path,
    project: &Project,
    state: &'static MemberState,
    lang: &str,
    body: &str,
) -> Result<Created, Refused> {
    write_translation(dir, project, state, lang, Some(body))
}

fn write_translation(
    dir: &Path,
    project: &Project,
    state: &'static MemberState,
    lang: &str,
    body: Option<&str>,
) -> Result<Created, Refused> {
    if !language::is_official(lang) {
        return Err(Refused::Input(format!(
            "\"{lang}\" is not one of the six official languages: translate into {}",
            language::OFFICIAL.join(", ")
        )));
    }
    let Some(original) = project.submissions.iter().find(|s| s.state == state) else {
        return Err(Refused::Input(format!(
            "{} has no reply to translate; start it first: report new {} --language CODE",
            state.name, state.iso3
        )));
    };
    let name = language::name(lang).unwrap_or(lang);
    if original.language == lang {
        return Err(Refused::Input(format!(
            "the reply of {} ({}) is written in {name} already: it needs no {name} translation",
            state.name, original.path
        )));
    }
    let stem = original.path.strip_suffix(".md").unwrap_or(&original.path);
    let rel = format!("{stem}.{lang}.md");
    let path = dir.join(&rel);
    if let Some(existing) = project
        .translations
        .iter()
        .find(|t| t.original == original.path && t.language == lang)
        .map(|t| t.path.as_str())
        .or(std::fs::symlink_metadata(&path)
            .is_ok()
            .then_some(rel.as_str()))
    {
        return Err(Refused::Input(format!(
            "{} exists already; edit that file instead",
            dir.join(existing).display()
        )));
    }
    let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
    inside_root(dir, &folder, "a translation")?;
    let categories: Vec<&str> = original
        .challenges
        .iter()
        .map(|c| c.category.as_str())
        .collect();
    // Chapter II's summaries are the Secretariat's, in the book's language: a translation
    // into another language gives them for its version.
    let summaries = match lang != project.config.book.language {
        true => categories.as_slice(),
        false => &[],
    };
    let text = translation_text(&original.path, &original.language, lang, summaries, body);
    create(&path, &text)?;
    Ok(Created {
        what: format!("({name} translation of {})", original.path),
        path,
    })
}

/// The reply folder `folder` is the report root's own, not a link elsewhere.
fn inside_root(dir: &Path, folder: &Path, what: &str) -> Result<(), Refused> {
    ReportRoot::new(dir)
        .and_then(|root| root.folder(folder).map_err(std::io::Error::other))
        .map(|_| ())
        .map_err(|refusal| {
            Refused::Input(format!(
                "cannot add {what} to {}: {refusal}",
                folder.display()
            ))
        })
}

/// Writes a new file. `create_new` refuses any existing entry, a link planted in the
/// meantime included, so nothing is written through a link.
fn create(path: &Path, text: &str) -> Result<(), Refused> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| std::io::Write::write_all(&mut file, text.as_bytes()))
        .map_err(|e| Refused::Io(format!("cannot write {}: {e}", path.display())))
}

/// A new reply of the State named `name`, in language `code` (`language` is its English
/// name, for the comment), ready to complete: its front matter lists `categories`.
pub fn reply_text(
    name: &str,
    code: &str,
    language: &str,
    categories: &[&str],
    received: Option<Date>,
) -> String {
    let mut out = String::new();
    start_reply(&mut out, name, code, language, received);
    let _ = writeln!(out, "# reference = \"Note verbale ...\"");
    let _ = writeln!(
        out,
        "# note = \"...\"   # printed in italics under the State's heading"
    );
    let _ = writeln!(
        out,
        "status = \"draft\"   # left out of final builds; write \"final\" when the reply is complete"
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "# One [[challenges]] entry per category the reply raises. Categories:"
    );
    for line in categories.chunks(4) {
        let _ = writeln!(out, "#   {}", line.join(", "));
    }
    let _ = writeln!(out, "[[challenges]]");
    let _ = writeln!(
        out,
        "category = \"{}\"",
        categories.first().copied().unwrap_or("")
    );
    let _ = writeln!(out, "themes = [\"to be completed\"]");
    let _ = writeln!(
        out,
        "summary = \"\"\"\nTo be completed: what the reply says on this category.\n\"\"\""
    );
    end_front_matter(&mut out, "Text of the reply, in Markdown.");
    out
}

/// The first keys of a reply's front matter. Without a date `received` is left out, said in
/// a comment.
fn start_reply(out: &mut String, name: &str, code: &str, language: &str, received: Option<Date>) {
    let _ = writeln!(out, "+++");
    let _ = writeln!(out, "state = \"{name}\"");
    match received {
        Some(date) => {
            let _ = writeln!(out, "received = {date}");
        }
        None => {
            let _ = writeln!(
                out,
                "# received = YYYY-MM-DD   # when the reply arrived: to write"
            );
        }
    }
    let _ = writeln!(out, "language = \"{code}\"   # {language}");
}

/// An imported reply: its front matter, with a commented `[[challenges]]` block listing
/// the book's categories for the editor to fill in, then `body`.
pub fn imported_text(
    name: &str,
    code: &str,
    language: &str,
    categories: &[&str],
    received: Option<Date>,
    body: &str,
) -> String {
    let mut out = String::new();
    start_reply(&mut out, name, code, language, received);
    let _ = writeln!(
        out,
        "status = \"draft\"   # left out of final builds; write \"final\" when checked"
    );
    let _ = writeln!(
        out,
        "\n# One [[challenges]] entry per category the reply raises. Categories:"
    );
    for line in categories.chunks(4) {
        let _ = writeln!(out, "#   {}", line.join(", "));
    }
    let _ = writeln!(
        out,
        "# [[challenges]]\n# category = \"{}\"\n# themes = [\"...\"]\n# summary = \"\"\"\n# ...\n# \"\"\"",
        categories.first().copied().unwrap_or("")
    );
    let _ = write!(out, "+++\n\n{body}");
    out
}

/// Closes the front matter, and starts the body with a line saying what goes there.
fn end_front_matter(out: &mut String, body: &str) {
    let _ = writeln!(out, "+++\n\n{body}");
}

/// A new translation into `lang` of the reply `original` (a path) written in
/// `original_language`, with a commented summary to fill in for each category of
/// `summaries`.
pub fn translation_text(
    original: &str,
    original_language: &str,
    lang: &str,
    summaries: &[&str],
    body: Option<&str>,
) -> String {
    let name = language::name(lang).unwrap_or(lang);
    let original_name = language::name(original_language).unwrap_or(original_language);
    let mut text = String::new();
    let _ = writeln!(text, "+++");
    let _ = writeln!(
        text,
        "# The {name} translation of {original} ({original_name} original). State, date, \
         language and themes are the original's.",
    );
    let _ = writeln!(
        text,
        "status = \"draft\"   # final builds print the original until this says \"final\""
    );
    let _ = writeln!(text, "# translator = \"...\"");
    let _ = writeln!(
        text,
        "# note = \"...\"   # printed in italics under the State's heading"
    );
    if !summaries.is_empty() {
        let _ = writeln!(
            text,
            "\n# The summaries in {name}, for the {name} version's chapter II:"
        );
        for category in summaries {
            let _ = writeln!(
                text,
                "# [[challenges]]\n# category = \"{category}\"\n# summary = \"\"\"\n# ...\n# \"\"\""
            );
        }
    }
    match body {
        Some(body) => {
            let _ = write!(text, "+++\n\n{body}");
        }
        None => end_front_matter(&mut text, &format!("The reply in {name}, in Markdown.")),
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostics;

    fn date() -> Date {
        Date::new(2019, 4, 30).unwrap()
    }

    #[test]
    fn a_new_reply_reads_back_as_a_draft_reply_of_its_state() {
        let text = reply_text(
            "Chile",
            "es",
            "Spanish",
            &["cooperation", "evidence"],
            Some(date()),
        );
        let config_text = "[book]\ntitle = \"T\"\nlanguage = \"en\"\n\n[report]\nsymbol = \"A/74/130\"\nsession = 74\ndate = 2019-07-30\nmandate = \"73/187\"\n\n[[categories]]\nid = \"cooperation\"\ntitle = \"C\"\n\n[[categories]]\nid = \"evidence\"\ntitle = \"E\"\n";
        let mut diags = Diagnostics::new();
        let config = crate::config::Config::parse(config_text, 0, &mut diags).unwrap();
        let reply =
            crate::submission::parse(&text, 1, "submissions/chl.md", &config, &mut diags).unwrap();
        assert!(!diags.has_errors(), "{diags:?}");
        assert_eq!(reply.state.iso3, "CHL");
        assert_eq!(reply.language, "es");
        assert_eq!(reply.received, date());
        assert_eq!(reply.status, crate::submission::Status::Draft);
        assert_eq!(reply.challenges[0].category, "cooperation");
        assert!(text.contains("#   cooperation, evidence"));
    }

    #[test]
    fn a_new_translation_lists_the_summaries_to_write() {
        let text = translation_text("submissions/chl.md", "es", "fr", &["evidence"], None);
        assert!(text.contains("# The French translation of submissions/chl.md (Spanish original)"));
        assert!(text.contains("# category = \"evidence\""));
        assert!(text.contains("status = \"draft\""));
        let none = translation_text("submissions/chl.md", "es", "en", &[], None);
        assert!(!none.contains("[[challenges]]"));
    }

    #[test]
    fn nothing_is_written_over_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "kept").unwrap();
        assert!(matches!(create(&path, "new"), Err(Refused::Io(_))));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "kept");
        #[cfg(unix)]
        {
            let link = dir.path().join("link.md");
            std::os::unix::fs::symlink(dir.path().join("elsewhere.md"), &link).unwrap();
            assert!(create(&link, "new").is_err());
            assert!(!dir.path().join("elsewhere.md").exists());
        }
    }
}
