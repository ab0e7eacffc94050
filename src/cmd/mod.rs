//! One small module per subcommand: take the parsed arguments, call the library, print,
//! and return the exit code. Shared printing lives here.

pub mod build;
pub mod check;
pub mod completions;
pub mod diff;
pub mod new;
pub mod serve;
pub mod stats;
pub mod watch;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::aggregate::Model;
use crate::cli::{BuildFlags, Color};
use crate::diag::{Diagnostics, Sources};
use crate::english::Date;
use crate::pipeline;
use crate::pipeline::{BuildOptions, Draft, Outcome, Stage};

/// Exit codes, defined once.
pub mod exit {
    /// Success (warnings allowed).
    pub const OK: u8 = 0;
    /// The input has errors; all of them were printed.
    pub const INPUT_ERRORS: u8 = 1;
    /// Usage error (clap also exits with 2) or an internal failure such as a write error.
    pub const FAILURE: u8 = 2;
}

/// A spinner through the stages of a build, on a terminal only (never with `--quiet`,
/// when standard error is not a terminal, or when `CI` is set).
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
    quiet: bool,
    current: Option<(Stage, Instant)>,
    done: Vec<(Stage, Duration)>,
}

impl Progress {
    pub fn new(ui: &Ui) -> Progress {
        let bar = ui.progress.then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.enable_steady_tick(Duration::from_millis(100));
            bar
        });
        Progress {
            bar,
            quiet: ui.quiet,
            current: None,
            done: Vec::new(),
        }
    }

    /// Marks the start of a stage (ending the previous one).
    pub fn stage(&mut self, stage: Stage) {
        if stage == Stage::Waiting {
            // Said even without a terminal: a build that seems to hang must say why.
            let message = "for another build of this output folder to finish";
            match &self.bar {
                Some(bar) => bar.println(format!("{:>12} {message}", "Waiting")),
                None if !self.quiet => eprintln!("{:>12} {message}", "Waiting"),
                None => {}
            }
        }
        self.end_stage();
        if let Some(bar) = &self.bar {
            bar.set_message(match stage {
                Stage::Reading => "reading the replies",
                Stage::Waiting => "waiting for another build of this output folder",
                Stage::Typesetting => "typesetting the PDF and rendering the HTML site",
                Stage::Writing => "writing the output",
            });
        }
        self.current = Some((stage, Instant::now()));
    }

    fn end_stage(&mut self) {
        if let Some((stage, start)) = self.current.take() {
            self.done.push((stage, start.elapsed()));
        }
    }

    /// Clears the spinner; returns "reading 8 ms, typesetting 410 ms, writing 12 ms" when a
    /// spinner was shown, for the final status line.
    pub fn finish(&mut self) -> Option<String> {
        self.end_stage();
        let bar = self.bar.take()?;
        bar.finish_and_clear();
        let parts: Vec<String> = self
            .done
            .drain(..)
            .map(|(stage, d)| {
                let name = match stage {
                    Stage::Reading => "reading",
                    Stage::Waiting => "waiting",
                    Stage::Typesetting => "typesetting",
                    Stage::Writing => "writing",
                };
                format!("{name} {:.0} ms", d.as_secs_f64() * 1e3)
            })
            .collect();
        Some(parts.join(", "))
    }
}

/// The draft settings for `--draft`: the revision from `--revision` or git, the date from
/// `SOURCE_DATE_EPOCH`, the commit's date, or today.
pub fn draft(flags: &BuildFlags, root: &Path) -> Option<Draft> {
    if !flags.draft {
        return None;
    }
    let git = |args: &[&str]| -> Option<String> {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .ok()?;
        let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
        (out.status.success() && !text.is_empty()).then_some(text)
    };
    let revision = flags
        .revision
        .clone()
        .or_else(|| git(&["rev-parse", "--short=12", "HEAD"]))
        .unwrap_or_else(|| "unknown revision".to_string());
    let commit_date = || {
        let seconds = git(&["log", "-1", "--format=%ct"])?.parse().ok()?;
        Date::from_unix_seconds(seconds)
    };
    let date = source_date().or_else(commit_date).unwrap_or_else(today);
    Some(Draft { revision, date })
}

/// `SOURCE_DATE_EPOCH`, the reproducible-builds convention for a fixed build date.
pub fn source_date() -> Option<Date> {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Date::from_unix_seconds(seconds)
}

/// Today's date (UTC), for scaffolding and drafts outside git.
pub fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    Date::from_unix_seconds(seconds).expect("the clock gives a valid date")
}

/// The build options of `build`, `watch` and `serve`.
pub fn build_options(flags: &BuildFlags, root: &Path, ui: &Ui) -> BuildOptions {
    BuildOptions {
        out: flags.out.clone(),
        draft: draft(flags, root),
        date: source_date(),
        deny_warnings: ui.deny_warnings(),
    }
}

/// Prints what a build did; returns its exit code.
pub fn report_outcome(ui: &Ui, outcome: &Outcome, progress: Option<String>) -> u8 {
    ui.diagnostics(&outcome.sources, &outcome.diagnostics);
    let summary = outcome.diagnostics.summary();
    let Some(written) = &outcome.written else {
        if outcome.write_failed {
            return exit::FAILURE;
        }
        ui.error(format!(
            "build failed: {summary}; the output folder was left as it was"
        ));
        return exit::INPUT_ERRORS;
    };
    if ui.verbose() {
        ui.status("Timings", &outcome.timings);
        if !outcome.timings.notes().is_empty() {
            ui.status("Layout", outcome.timings.notes().join("; "));
        }
    }
    let replies = written.replies;
    ui.status(
        "Finished",
        format!(
            "{replies} {} into {} ({} {}; {}){}",
            if replies == 1 { "reply" } else { "replies" },
            written.out.display(),
            written.files,
            if written.files == 1 { "file" } else { "files" },
            summary,
            progress.map(|p| format!(" in {p}")).unwrap_or_default()
        ),
    );
    exit::OK
}

/// Loads and checks the report root at `dir` and aggregates it (final replies only), or
/// prints every problem and returns the exit code to stop with.
pub fn load_model(dir: &Path, ui: &Ui) -> Result<Model, u8> {
    let pipeline::Checked { mut loaded, model } = pipeline::check(dir);
    if ui.deny_warnings() {
        loaded.diagnostics.deny_warnings();
    }
    let model = model.filter(|_| !loaded.diagnostics.has_errors());
    ui.diagnostics(&loaded.sources, &loaded.diagnostics);
    model.ok_or_else(|| {
        ui.error(format!(
            "{} has problems: {}",
            dir.display(),
            loaded.diagnostics.summary()
        ));
        exit::INPUT_ERRORS
    })
}

/// Where and how messages for the editor are printed (always standard error).
pub struct Ui {
    color: ColorChoice,
    quiet: bool,
    verbose: bool,
    deny_warnings: bool,
    progress: bool,
}

impl Ui {
    pub fn new(color: Color, quiet: bool, verbose: bool, deny_warnings: bool) -> Ui {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        let progress = !quiet && !ci && std::io::stderr().is_terminal();
        let color = match color {
            Color::Always => ColorChoice::Always,
            Color::Never => ColorChoice::Never,
            Color::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                if std::io::stderr().is_terminal() && !no_color {
                    ColorChoice::Auto
                } else {
                    ColorChoice::Never
                }
            }
        };
        Ui {
            color,
            quiet,
            verbose,
            deny_warnings,
            progress,
        }
    }

    pub fn deny_warnings(&self) -> bool {
        self.deny_warnings
    }

    pub fn verbose(&self) -> bool {
        self.verbose
    }

    /// Prints every diagnostic (only the errors with `--quiet`).
    pub fn diagnostics(&self, sources: &Sources, diags: &Diagnostics) {
        let mut out = StandardStream::stderr(self.color);
        let shown;
        let diags = if self.quiet {
            shown = diags.only_errors();
            &shown
        } else {
            diags
        };
        if let Err(e) = sources.emit(diags, &mut out) {
            eprintln!("error: cannot print diagnostics: {e}");
        }
    }

    /// A status line such as "    Finished ...", in cargo's style.
    pub fn status(&self, verb: &str, message: impl std::fmt::Display) {
        if self.quiet {
            return;
        }
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{verb:>12} {message}");
    }

    /// A final error line.
    pub fn error(&self, message: impl std::fmt::Display) {
        eprintln!("error: {message}");
    }
}
