//! `report new STATE [DIR]`: start a reply file with its front matter filled in.

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
    // `create_new` refuses any existing entry, a link planted in the meantime included,
    // so nothing is written through a link.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut file| std::io::Write::write_all(&mut file, text.as_bytes()));
    if let Err(e) = written {
        ui.error(format!("cannot write {}: {e}", path.display()));
        return exit::FAILURE;
    }
    ui.status("Created", format!("{} for {}", path.display(), state.name));
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
