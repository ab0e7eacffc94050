//! One build of a report root, from its files to `output/`: load and check, aggregate,
//! render, then swap the output folder in. [`Builder`] keeps what the next build can reuse
//! (Typst's fonts and source), so `report watch` and `report serve` rebuild quickly.
//!
//! Problems are collected in the [`Outcome`]; the output folder is replaced only when the
//! whole build succeeded (and, with `deny_warnings`, had no warning).

use std::path::{Path, PathBuf};

use std::sync::Arc;

pub use crate::aggregate::Draft;
use crate::aggregate::{self, Model, Options};
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics, Sources};
use crate::load::{self, Loaded, Project};
use crate::render::templates::Templates;
use crate::render::{self, RenderCache, RenderOptions};
use crate::timing::Timings;
use crate::wording::{self, Version};
use crate::write;

/// How to build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Where to write; `ROOT/output` by default.
    pub out: Option<PathBuf>,
    pub draft: Option<Draft>,
    /// The document date for Typst and the PDF (`SOURCE_DATE_EPOCH`); the report's by default.
    pub date: Option<Date>,
    /// Treat warnings as errors.
    pub deny_warnings: bool,
}

/// The stages of a build, reported as they start (for a progress display).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    /// Another build (another process) is writing the same output folder: this one waits
    /// for it to finish.
    Waiting,
    Typesetting,
    Writing,
}

/// What a build did.
#[derive(Debug)]
pub struct Outcome {
    pub sources: Sources,
    pub diagnostics: Diagnostics,
    pub timings: Timings,
    /// Set when `output/` was replaced.
    pub written: Option<Written>,
    /// Writing `output/` failed (an I/O problem, not a problem of the input).
    pub write_failed: bool,
}

#[derive(Debug, Clone)]
pub struct Written {
    /// The output folder, as the editor named it (`--out`, or `ROOT/output`).
    pub out: PathBuf,
    pub replies: usize,
    pub files: usize,
    /// The HTML folder's name, if the site was built.
    pub html: Option<String>,
}

/// A report root read and checked, with its model if it had no errors.
pub struct Checked {
    pub loaded: Loaded,
    /// The final replies aggregated; `None` if loading found errors.
    pub model: Option<Model>,
    /// The first language version, worded; `None` if loading found errors.
    pub version: Option<Version>,
}

/// Reads and checks `root` and, if it has no errors, aggregates its final replies, words
/// the first language version and checks it: what `check`, `stats` and `diff` need.
pub fn check(root: &Path) -> Checked {
    let mut loaded = load::load(root);
    let (model, version) = match &loaded.project {
        Some(project) if !loaded.diagnostics.has_errors() => {
            let (model, version) = model_of(project, Options::default(), &mut loaded.diagnostics);
            (Some(model), Some(version))
        }
        _ => (None, None),
    };
    loaded.diagnostics.sort();
    Checked {
        loaded,
        model,
        version,
    }
}

/// The model of a checked project and its first language version, with the checks that
/// need them (the word limit, a report of drafts only, the typesetting cost).
fn model_of(project: &Project, options: Options, diags: &mut Diagnostics) -> (Model, Version) {
    let model = aggregate::aggregate(project, options);
    let lang = project.config.book.languages[0].as_str();
    let locale = wording::locale_of(&project.locales, lang);
    let catalogue = Arc::new(wording::catalogue_for(lang, locale));
    let version = wording::version(&model, catalogue.clone(), locale, diags);
    wording::warn_missing_strings(&catalogue, diags);
    wording::check_word_limit(&version, diags);
    if project.config.book.languages.len() > 1 {
        diags.push(
            Diagnostic::warning(
                project.config.file,
                0..0,
                format!(
                    "only the first language version ({lang}) is built: building the others ({}) is not implemented yet",
                    project.config.book.languages[1..].join(", ")
                ),
            )
            .help("`report stats` shows how far each version is translated"),
        );
    }
    drafts_only(project, &model, diags);
    render::cost::check(project, &version, diags);
    (model, version)
}

/// Warns when a report that has replies prints none, because every one of them is a draft
/// and this build leaves drafts out.
fn drafts_only(project: &Project, model: &Model, diags: &mut Diagnostics) {
    if model.totals.replies == 0 && !project.submissions.is_empty() {
        diags.push(
            Diagnostic::warning_nowhere(format!(
                "every reply is a draft ({} with status = \"draft\"), so the report has no replies",
                project.submissions.len()
            ))
            .help("set status = \"final\" in the replies that are complete, or build a draft with --draft"),
        );
    }
}

/// Builds a report root, again and again if asked.
pub struct Builder {
    root: PathBuf,
    options: BuildOptions,
    /// The output folder as an absolute path (the lock and the work folders sit beside
    /// it), or why it cannot be one.
    out: Result<PathBuf, String>,
    cache: RenderCache,
    /// Removing the output the last build replaced; the output's lock is held until then.
    cleanup: Option<std::thread::JoinHandle<Option<Diagnostic>>>,
}

impl Drop for Builder {
    fn drop(&mut self) {
        self.finish();
    }
}

impl Builder {
    pub fn new(root: PathBuf, options: BuildOptions) -> Builder {
        let given = options.out.clone().unwrap_or_else(|| root.join("output"));
        let out = write::absolute(&given)
            .map_err(|e| format!("cannot use `{}` as the output folder: {e}", given.display()));
        Builder {
            root,
            options,
            out,
            cache: RenderCache { typesetter: None },
            cleanup: None,
        }
    }

    /// Waits until the output the last build replaced is removed (and its lock released);
    /// says so if it could not be removed.
    pub fn finish(&mut self) -> Option<Diagnostic> {
        self.cleanup
            .take()
            .and_then(|cleanup| cleanup.join().ok().flatten())
    }

    pub fn root(&self) -> &std::path::Path {
        &self.root
    }

    /// Where the output goes, as the editor named it.
    pub fn out_shown(&self) -> PathBuf {
        self.options
            .out
            .clone()
            .unwrap_or_else(|| self.root.join("output"))
    }

    /// Where the output goes, as an absolute path.
    pub fn out(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|_| self.out_shown())
    }

    /// Why the output folder cannot be `out`, if it cannot: it is the report root or holds
    /// it (`--out .`, `--out ..`).
    fn refuse_out(&self, out: &Path) -> Option<Box<Diagnostic>> {
        let root = self.root.canonicalize().ok()?;
        if !root.starts_with(out) {
            return None;
        }
        let what = if root == out {
            "it is the report root itself"
        } else {
            "it holds the report root"
        };
        Some(Box::new(
            Diagnostic::error_nowhere(format!(
                "refusing to write the output into `{}`: {what}",
                self.out_shown().display()
            ))
            .help(format!(
                "a build replaces its output folder as a whole, with everything in it; give \
                 --out a folder of its own (such as --out /tmp/report-output), or drop --out to \
                 write {}",
                self.root.join("output").display()
            )),
        ))
    }

    /// Starts the new output for `out`, unless `out` holds files a build does not write: a
    /// build replaces the folder as a whole, and a mistyped `--out` (the report root,
    /// `submissions/`) must not delete the replies.
    ///
    /// Builds of one output folder take turns: this waits for the output's lock (telling
    /// `stage` it waits), which the caller keeps until the replaced output is removed.
    fn stage_output(
        &self,
        project: &Project,
        out: &Path,
        timings: &mut Timings,
        stage: &mut dyn FnMut(Stage),
    ) -> Result<(write::Staging, write::OutputLock), Box<Diagnostic>> {
        if let Some(refusal) = self.refuse_out(out) {
            return Err(refusal);
        }
        let ours = |name: &str| {
            name == render::data_json::FILE
                || name == "report.typ"
                || name.ends_with(".pdf")
                || project.config.pdf.as_ref().is_some_and(|p| p.file == name)
                || project.config.html.as_ref().is_some_and(|h| h.dir == name)
                || name == "html"
        };
        if let Some(why) = write::refuse_to_replace(out, &ours) {
            let help = match self.options.out {
                Some(_) => format!(
                    "a build replaces its output folder with everything in it: give --out a new or empty folder, or drop --out to write {}",
                    self.root.join("output").display()
                ),
                None => "a build replaces its output folder with everything in it: move those files elsewhere".to_string(),
            };
            return Err(Box::new(
                Diagnostic::error_nowhere(format!(
                    "refusing to replace `{}`: {why}",
                    self.out_shown().display()
                ))
                .help(help),
            ));
        }
        let lock = timings
            .time("lock", || {
                write::OutputLock::acquire(out, &mut |_| stage(Stage::Waiting))
            })
            .map_err(|e| {
                let message = format!("cannot lock {}: {e}", self.out_shown().display());
                Box::new(Diagnostic::error_nowhere(message))
            })?;
        let staging = write::Staging::begin(out, &lock).map_err(|e| {
            let message = format!("cannot write {}: {e}", self.out_shown().display());
            Box::new(Diagnostic::error_nowhere(message))
        })?;
        Ok((staging, lock))
    }

    /// Runs one build; `stage` is told when each stage starts.
    pub fn build(&mut self, stage: &mut dyn FnMut(Stage)) -> Outcome {
        let mut timings = Timings::new();
        let cleanup_problem = timings.time("old output removed", || self.finish());
        if let Ok(out) = &self.out {
            write::recover_if_idle(out);
        }
        stage(Stage::Reading);
        let loaded = timings.time("load", || load::load(&self.root));
        let mut outcome = Outcome {
            sources: loaded.sources,
            diagnostics: loaded.diagnostics,
            timings: Timings::new(),
            written: None,
            write_failed: false,
        };
        let (sources, diags) = (&mut outcome.sources, &mut outcome.diagnostics);
        if let Some(problem) = cleanup_problem {
            diags.push(problem);
        }
        let project = match loaded.project {
            Some(project) if !diags.has_errors() => project,
            _ => {
                outcome.timings = timings;
                return outcome;
            }
        };
        let templates = Templates::new(&project.templates);
        let options = Options {
            include_drafts: self.options.draft.is_some(),
            draft: self.options.draft.clone(),
        };
        let (model, version) = timings.time("aggregate", || model_of(&project, options, diags));
        if diags.has_errors() {
            diags.sort();
            outcome.timings = timings;
            return outcome;
        }
        let render_options = RenderOptions {
            date: self.options.date.unwrap_or(project.config.report.date),
        };
        let out = match &self.out {
            Ok(out) => out.clone(),
            Err(why) => {
                outcome.write_failed = true;
                diags.push(Diagnostic::error_nowhere(why.clone()));
                outcome.timings = timings;
                return outcome;
            }
        };
        let (staging, lock) = match self.stage_output(&project, &out, &mut timings, stage) {
            Ok(staged) => staged,
            Err(problem) => {
                outcome.write_failed = true;
                diags.push(*problem);
                outcome.timings = timings;
                return outcome;
            }
        };
        stage(Stage::Typesetting);
        let rendered = render::render(
            &project,
            &model,
            &version,
            &templates,
            render_options,
            &mut self.cache,
            &|files| staging.write(files),
            sources,
            diags,
            &mut timings,
        );
        if self.options.deny_warnings {
            diags.deny_warnings();
        }
        diags.sort();
        let rendered = match rendered {
            Some(rendered) if !diags.has_errors() => rendered,
            _ => {
                outcome.timings = timings;
                return outcome;
            }
        };
        stage(Stage::Writing);
        let expected = expected_entries(&project);
        let written = timings.time("write", || {
            let early = rendered.written?;
            staging.write(&rendered.files)?;
            let old = staging.commit()?;
            Ok::<_, std::io::Error>((early + rendered.files.len(), old))
        });
        match written {
            Ok((files, old)) => {
                // The previous output is removed on another thread, which holds the lock
                // until it is done: the next build, or the end of this builder, waits.
                let shown = self.out_shown();
                self.cleanup = Some(std::thread::spawn(move || {
                    let problem = old.and_then(|old| {
                        let result = write::remove_tree(&old);
                        result.err().map(|e| cannot_remove(&old, &shown, &e))
                    });
                    drop(lock);
                    problem
                }));
                // A build that says it wrote the output has written all of it.
                let missing: Vec<&String> = expected
                    .iter()
                    .filter(|name| std::fs::symlink_metadata(out.join(name)).is_err())
                    .collect();
                if let Some(name) = missing.first() {
                    outcome.write_failed = true;
                    diags.push(
                        Diagnostic::error_nowhere(format!(
                            "{} lacks `{name}` right after it was written: something else \
                             changed the folder during the build",
                            self.out_shown().display()
                        ))
                        .help("build again; if this repeats, look for another program writing into that folder"),
                    );
                } else {
                    outcome.written = Some(Written {
                        out: self.out_shown(),
                        replies: model.totals.replies,
                        files,
                        html: project.config.html.as_ref().map(|h| h.dir.clone()),
                    })
                }
            }
            Err(e) => {
                outcome.write_failed = true;
                diags.push(Diagnostic::error_nowhere(format!(
                    "cannot write {}: {e}",
                    self.out_shown().display()
                )));
            }
        }
        outcome.timings = timings;
        outcome
    }
}

/// The entries every complete output folder of `project` holds.
fn expected_entries(project: &Project) -> Vec<String> {
    let mut names = vec![render::data_json::FILE.to_string()];
    if let Some(pdf) = &project.config.pdf {
        names.push(pdf.file.clone());
        names.push("report.typ".into());
    }
    if let Some(html) = &project.config.html {
        names.push(format!("{}/index.html", html.dir));
    }
    names
}

/// A warning for a replaced output that could not be removed.
fn cannot_remove(old: &Path, out: &Path, e: &std::io::Error) -> Diagnostic {
    let shown = old.display();
    Diagnostic::warning_nowhere(format!(
        "the previous output, moved aside to {shown}, could not be removed: {e}"
    ))
    .help(format!(
        "{} is complete and up to date; remove the old copy by hand: chmod -R u+w '{shown}' && rm -rf '{shown}'",
        out.display()
    ))
}
