//! One build of a report root, from its files to `output/`: load and check, aggregate,
//! render, then swap the output folder in. [`Builder`] keeps what the next build can reuse
//! (Typst's fonts and source), so `report watch` and `report serve` rebuild quickly.
//!
//! Problems are collected in the [`Outcome`]; the output folder is replaced only when the
//! whole build succeeded (and, with `deny_warnings`, had no warning).

use std::path::{Path, PathBuf};

use crate::aggregate::{self, Model, Options};
use crate::diag::{Diagnostic, Diagnostics, Sources};
use crate::english::Date;
use crate::load::{self, Loaded, Project};
use crate::render::templates::Templates;
use crate::render::{self, RenderCache, RenderOptions};
use crate::timing::Timings;
use crate::validate;
use crate::write;

/// Draft builds: draft replies included, every page marked with the revision and date.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The commit the draft was built from, or what `--revision` says.
    pub revision: String,
    pub date: Date,
}

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
}

/// Reads and checks `root` and, if it has no errors, aggregates its final replies and
/// checks the word limit: what `check`, `stats` and `diff` need before they print.
pub fn check(root: &Path) -> Checked {
    let mut loaded = load::load(root);
    let model = match &loaded.project {
        Some(project) if !loaded.diagnostics.has_errors() => Some(model_of(
            project,
            Options::default(),
            &mut loaded.diagnostics,
        )),
        _ => None,
    };
    Checked { loaded, model }
}

/// The model of a checked project, with the checks that need it (the word limit).
fn model_of(project: &Project, options: Options, diags: &mut Diagnostics) -> Model {
    let model = aggregate::aggregate(project, options);
    validate::word_limit(&model, diags);
    model
}

/// Builds a report root, again and again if asked.
pub struct Builder {
    root: PathBuf,
    options: BuildOptions,
    cache: RenderCache,
    /// Removing the output the last build replaced.
    cleanup: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Builder {
    fn drop(&mut self) {
        self.finish_cleanup();
    }
}

impl Builder {
    pub fn new(root: PathBuf, options: BuildOptions) -> Builder {
        Builder {
            root,
            options,
            cache: RenderCache { typesetter: None },
            cleanup: None,
        }
    }

    /// Waits until the output the last build replaced is removed.
    fn finish_cleanup(&mut self) {
        if let Some(cleanup) = self.cleanup.take() {
            let _ = cleanup.join();
        }
    }

    pub fn root(&self) -> &std::path::Path {
        &self.root
    }

    /// Where the output goes.
    pub fn out(&self) -> PathBuf {
        self.options
            .out
            .clone()
            .unwrap_or_else(|| self.root.join("output"))
    }

    /// Starts the new output for `out`, unless `out` holds files a build does not write: a
    /// build replaces the folder as a whole, and a mistyped `--out` (the report root,
    /// `submissions/`) must not delete the replies.
    fn stage_output(
        &self,
        project: &Project,
        out: &Path,
    ) -> Result<write::Staging, Box<Diagnostic>> {
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
                    out.display()
                ))
                .help(help),
            ));
        }
        write::Staging::begin(out).map_err(|e| {
            let message = format!("cannot write {}: {e}", out.display());
            Box::new(Diagnostic::error_nowhere(message))
        })
    }

    /// Runs one build; `stage` is told when each stage starts.
    pub fn build(&mut self, stage: &mut dyn FnMut(Stage)) -> Outcome {
        let mut timings = Timings::new();
        timings.time("old output removed", || self.finish_cleanup());
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
        let project = match loaded.project {
            Some(project) if !diags.has_errors() => project,
            _ => {
                outcome.timings = timings;
                return outcome;
            }
        };
        let templates = timings.time("templates", || Templates::load(&project.root, diags));
        let options = Options {
            include_drafts: self.options.draft.is_some(),
            draft: self.options.draft.clone(),
        };
        let model = timings.time("aggregate", || model_of(&project, options, diags));
        stage(Stage::Typesetting);
        let render_options = RenderOptions {
            date: self.options.date.unwrap_or(project.config.report.date),
        };
        let out = self.out();
        let staging = match self.stage_output(&project, &out) {
            Ok(staging) => staging,
            Err(problem) => {
                outcome.write_failed = true;
                diags.push(*problem);
                outcome.timings = timings;
                return outcome;
            }
        };
        let rendered = render::render(
            &project,
            &model,
            &templates,
            render_options,
            &mut self.cache,
            &staging,
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
        let written = timings.time("write", || {
            let early = rendered.written?;
            staging.write(&rendered.files)?;
            let old = staging.commit()?;
            Ok::<_, std::io::Error>((early + rendered.files.len(), old))
        });
        match written {
            Ok((files, old)) => {
                // The previous output is removed on another thread: the next build, or
                // the end of this builder, waits for it.
                self.cleanup = old.map(|old| {
                    std::thread::spawn(move || {
                        let _ = std::fs::remove_dir_all(old);
                    })
                });
                outcome.written = Some(Written {
                    out,
                    replies: model.totals.replies,
                    files,
                    html: project.config.html.as_ref().map(|h| h.dir.clone()),
                })
            }
            Err(e) => {
                outcome.write_failed = true;
                diags.push(Diagnostic::error_nowhere(format!(
                    "cannot write {}: {e}",
                    out.display()
                )));
            }
        }
        outcome.timings = timings;
        outcome
    }
}
