//! `report import FILE.docx…`: Word documents in as replies (or a translation), through
//! `import` (the conversion) and `reply` (the files written).

use std::path::{Path, PathBuf};

use crate::cli::ImportArgs;
use crate::cmd::{Ui, exit};
use crate::date::Date;
use crate::registry::{self, MemberState, Resolution};
use crate::{import, language, load, reply};

pub fn run(args: &ImportArgs, ui: &Ui) -> u8 {
    let received = match args.received.as_deref().map(parse_date) {
        Some(Err(e)) => {
            ui.error(e);
            return exit::FAILURE;
        }
        Some(Ok(date)) => Some(date),
        None => None,
    };
    if let Some(code) = &args.language
        && language::name(code).is_none()
    {
        ui.error(format!(
            "unknown language code \"{code}\": use an ISO 639-1 code such as \"es\""
        ));
        return exit::FAILURE;
    }
    let fixed = match (&args.state, &args.translation_of) {
        (Some(s), _) | (None, Some(s)) => match registry::state_named(s) {
            Ok(state) => Some(state),
            Err(e) => {
                ui.error(e);
                return exit::INPUT_ERRORS;
            }
        },
        (None, None) => None,
    };
    let files = documents(&args.files);
    if files.is_empty() {
        ui.error("no .docx file among the files and folders given");
        return exit::INPUT_ERRORS;
    }
    let project = if args.dry_run {
        None
    } else {
        let loaded = load::load(&args.dir);
        match loaded.project {
            Some(project) => Some(project),
            None => {
                ui.diagnostics(&loaded.sources, &loaded.diagnostics);
                ui.error("cannot import: the report root has problems");
                return exit::INPUT_ERRORS;
            }
        }
    };
    // A bar for many documents, on a terminal (each document's lines print above it).
    let bar = (ui.progress && files.len() > 1).then(|| {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{prefix:>12.cyan.bold} [{bar:30}] {pos}/{len} {wide_msg}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_prefix("Importing");
        bar
    });
    let mut failed = false;
    for file in &files {
        if let Some(bar) = &bar {
            bar.set_message(file.display().to_string());
        }
        let result = import_one(
            file,
            args,
            fixed,
            received,
            project.as_ref(),
            ui,
            bar.as_ref(),
        );
        if let Err(e) = result {
            match &bar {
                Some(bar) => bar.println(format!("error: {}: {e}", file.display())),
                None => ui.error(format!("{}: {e}", file.display())),
            }
            failed = true;
        }
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if failed { exit::INPUT_ERRORS } else { exit::OK }
}

/// Imports one document; what went wrong otherwise.
fn import_one(
    file: &Path,
    args: &ImportArgs,
    fixed: Option<&'static MemberState>,
    received: Option<Date>,
    project: Option<&load::Project>,
    ui: &Ui,
    bar: Option<&indicatif::ProgressBar>,
) -> Result<(), String> {
    // A line of the summary, above the bar if there is one.
    let say = |verb: &str, message: String| match bar {
        Some(bar) => bar.println(format!("{verb:>12} {message}")),
        None => ui.status(verb, message),
    };
    if file
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("odt"))
    {
        return Err(
            "OpenDocument text (.odt) is not read: save it as a Word document \
                    (.docx) first, in LibreOffice with File > Save As"
                .into(),
        );
    }
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read it: {e}"))?;
    let doc = import::docx(&bytes)?;
    let state = match fixed {
        Some(state) => state,
        None => state_of(file, &doc.markdown)?,
    };
    let (code, how) = match &args.language {
        Some(code) => (code.clone(), "given"),
        None => match crate::identify::language_of(&doc.markdown) {
            Some(code) => (code.to_string(), "identified from the text"),
            None => {
                return Err("its language could not be told from its text: give --language".into());
            }
        },
    };
    let name = language::name(&code).unwrap_or(&code);
    let mut left_out = doc.directions_left_out(language::direction(&code) == "rtl");
    left_out.extend(doc.left_out.iter().cloned());
    left_out.sort_by_key(|l| {
        if l.paragraph == 0 {
            usize::MAX
        } else {
            l.paragraph
        }
    });
    for left_out in &left_out {
        say("Left out", left_out.to_string());
    }
    let summary = format!(
        "{} paragraphs, {} footnotes, {} tables, {} list items; {name} ({how}); {} left out",
        doc.paragraphs,
        doc.footnotes,
        doc.tables,
        doc.list_items,
        left_out.len()
    );
    let Some(project) = project else {
        // --dry-run: the Markdown on standard output, what came in on standard error.
        crate::cmd::print_stdout(&doc.markdown);
        say(
            "Read",
            format!("{} ({}): {summary}", file.display(), state.name),
        );
        return Ok(());
    };
    let written = match &args.translation_of {
        Some(_) => reply::imported_translation(&args.dir, project, state, &code, &doc.markdown),
        None => reply::imported_reply(&args.dir, project, state, &code, received, &doc.markdown),
    };
    match written {
        Ok(created) => {
            say(
                "Imported",
                format!(
                    "{} -> {} {}: {summary}",
                    file.display(),
                    created.path.display(),
                    created.what
                ),
            );
            Ok(())
        }
        Err(reply::Refused::Input(e) | reply::Refused::Io(e)) => Err(e),
    }
}

/// The .docx files given, folders read (sorted, not recursively); .odt files in a folder
/// are listed too, to be said not read.
fn documents(given: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in given {
        if path.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(path)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.extension().is_some_and(|x| {
                        x.eq_ignore_ascii_case("docx") || x.eq_ignore_ascii_case("odt")
                    })
                })
                .collect();
            inside.sort();
            out.extend(inside);
        } else {
            out.push(path.clone());
        }
    }
    out
}

/// The State a document is from: its file name, else its first lines, naming it; an
/// error if none does, or if more than one could be meant.
fn state_of(file: &Path, markdown: &str) -> Result<&'static MemberState, String> {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Resolution::Exact(state) | Resolution::Alias(state) = registry::resolve(&stem) {
        return Ok(state);
    }
    let first_lines: String = markdown.lines().take(5).collect::<Vec<_>>().join(" ");
    for text in [stem.as_str(), first_lines.as_str()] {
        let named = registry::named_in(text);
        match named.as_slice() {
            [] => continue,
            [state] => return Ok(state),
            several => {
                let names: Vec<&str> = several.iter().map(|s| s.name).collect();
                return Err(format!(
                    "it could be from {}: give the State with --state",
                    names.join(" or ")
                ));
            }
        }
    }
    Err("no State is named in its file name or first lines: give it with --state".into())
}

/// A date written `YYYY-MM-DD`.
fn parse_date(text: &str) -> Result<Date, String> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    let date = match parts.as_slice() {
        [y, m, d] => match (y.parse(), m.parse(), d.parse()) {
            (Ok(y), Ok(m), Ok(d)) => Date::new(y, m, d),
            _ => None,
        },
        _ => None,
    };
    date.ok_or_else(|| format!("--received {text}: write the date as YYYY-MM-DD (2019-04-30)"))
}
