//! `report new STATE [DIR]`: start a reply file with its front matter filled in;
//! `report new STATE --translation LANG`: start its translation beside it.

use std::fmt::Write;

use crate::cli::NewArgs;
use crate::cmd::{Ui, exit, today};
use crate::registry::{self, Resolution};
use crate::root::ReportRoot;
use crate::{language, load};

pub fn run(args: &NewArgs, ui: &Ui) -> u8 {
    let state = match registry::resolve(&args.state) {
        Resolution::Exact(state) | Resolution::Alias(state) => state,
        Resolution::Unknown(suggestions) => {
            let hint = match suggestions.as_slice() {
                [] => String::new(),
                names => format!(
                    "; did you mean {}?",
                    names
                        .iter()
                        .map(|n| format!("\"{n}\""))
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            };
            ui.error(format!(
                "unknown State \"{}\": not a Member State or observer State of the United Nations{hint}",
                args.state
            ));
            return exit::INPUT_ERRORS;
        }
    };
    let Some(language_name) = language::name(&args.language) else {
        ui.error(format!(
            "unknown language code \"{}\": use an ISO 639-1 code such as \"es\"",
            args.language
        ));
        return exit::INPUT_ERRORS;
    };
    let loaded = load::load(&args.dir);
    let Some(project) = loaded.project else {
        ui.diagnostics(&loaded.sources, &loaded.diagnostics);
        ui.error("cannot add a reply: the report root has problems");
        return exit::INPUT_ERRORS;
    };
    if let Some(lang) = &args.translation {
        return translation(args, ui, &project, state, lang);
    }
    if let Some(existing) = project.submissions.iter().find(|s| s.state == state) {
        ui.error(format!(
            "{} already has a reply: {}; edit that file instead",
            state.name,
            args.dir.join(&existing.path).display()
        ));
        return exit::INPUT_ERRORS;
    }
    let rel = format!("submissions/{}.md", state.iso3.to_lowercase());
    let path = args.dir.join(&rel);
    if std::fs::symlink_metadata(&path).is_ok() {
        ui.error(format!(
            "{} exists already (and does not read as a reply of {}); fix or rename it first",
            path.display(),
            state.name
        ));
        return exit::INPUT_ERRORS;
    }
    // The reply is written inside the report root only: not through a submissions/ that
    // links elsewhere.
    if let Err(refusal) = ReportRoot::new(&args.dir).and_then(|root| {
        root.folder(&args.dir.join("submissions"))
            .map_err(std::io::Error::other)
    }) {
        ui.error(format!(
            "cannot add a reply to {}: {refusal}",
            args.dir.join("submissions").display()
        ));
        return exit::INPUT_ERRORS;
    }
    let ids: Vec<&str> = project
        .config
        .categories
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    let text = skeleton(state.name, &args.language, language_name, &ids);
    if let Err(e) = create(&path, &text) {
        ui.error(format!("cannot write {}: {e}", path.display()));
        return exit::FAILURE;
    }
    ui.status("Created", format!("{} for {}", path.display(), state.name));
    exit::OK
}

/// Writes a new file. `create_new` refuses any existing entry, a link planted in the
/// meantime included, so nothing is written through a link.
fn create(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| std::io::Write::write_all(&mut file, text.as_bytes()))
}

/// `--translation LANG`: `arg.fr.md` beside the State's reply `arg.md`.
fn translation(
    args: &NewArgs,
    ui: &Ui,
    project: &load::Project,
    state: &'static registry::MemberState,
    lang: &str,
) -> u8 {
    if !language::is_official(lang) {
        ui.error(format!(
            "\"{lang}\" is not one of the six official languages: translate into {}",
            language::OFFICIAL.join(", ")
        ));
        return exit::INPUT_ERRORS;
    }
    let Some(original) = project.submissions.iter().find(|s| s.state == state) else {
        ui.error(format!(
            "{} has no reply to translate; start it first: report new {} --language CODE",
            state.name, state.iso3
        ));
        return exit::INPUT_ERRORS;
    };
    let name = language::name(lang).unwrap_or(lang);
    if original.language == lang {
        ui.error(format!(
            "the reply of {} ({}) is written in {name} already: it needs no {name} translation",
            state.name, original.path
        ));
        return exit::INPUT_ERRORS;
    }
    let stem = original.path.strip_suffix(".md").unwrap_or(&original.path);
    let rel = format!("{stem}.{lang}.md");
    let path = args.dir.join(&rel);
    if let Some(existing) = project
        .translations
        .iter()
        .find(|t| t.original == original.path && t.language == lang)
        .map(|t| t.path.as_str())
        .or(std::fs::symlink_metadata(&path)
            .is_ok()
            .then_some(rel.as_str()))
    {
        ui.error(format!(
            "{} exists already; edit that file instead",
            args.dir.join(existing).display()
        ));
        return exit::INPUT_ERRORS;
    }
    let folder = path
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    if let Err(refusal) = ReportRoot::new(&args.dir)
        .and_then(|root| root.folder(&folder).map_err(std::io::Error::other))
    {
        ui.error(format!(
            "cannot add a translation to {}: {refusal}",
            folder.display()
        ));
        return exit::INPUT_ERRORS;
    }
    let original_name = language::name(&original.language).unwrap_or(&original.language);
    let mut text = String::new();
    let _ = writeln!(text, "+++");
    let _ = writeln!(
        text,
        "# The {name} translation of {} ({original_name} original). State, date, language \
         and themes are the original's.",
        original.path
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
    if lang != project.config.book.language && !original.challenges.is_empty() {
        let _ = writeln!(
            text,
            "\n# The summaries in {name}, for the {name} version's chapter II:"
        );
        for c in &original.challenges {
            let _ = writeln!(
                text,
                "# [[challenges]]\n# category = \"{}\"\n# summary = \"\"\"\n# ...\n# \"\"\"",
                c.category
            );
        }
    }
    let _ = writeln!(text, "+++");
    let _ = writeln!(text);
    let _ = writeln!(text, "The reply in {name}, in Markdown.");
    if let Err(e) = create(&path, &text) {
        ui.error(format!("cannot write {}: {e}", path.display()));
        return exit::FAILURE;
    }
    ui.status(
        "Created",
        format!(
            "{} ({name} translation of {})",
            path.display(),
            original.path
        ),
    );
    exit::OK
}

/// The front matter of a new reply, ready to complete. It starts as a draft, so a final
/// build leaves it out until the editor says it is done.
fn skeleton(name: &str, code: &str, language: &str, categories: &[&str]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "+++");
    let _ = writeln!(out, "state = \"{name}\"");
    let _ = writeln!(out, "received = {}", today());
    let _ = writeln!(out, "language = \"{code}\"   # {language}");
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
    let _ = writeln!(out, "+++");
    let _ = writeln!(out);
    let _ = writeln!(out, "Text of the reply, in Markdown.");
    out
}
