//! One small module per subcommand: take the parsed arguments, call the library, print,
//! and return the exit code. Shared printing lives here.

pub mod build;
pub mod check;
pub mod completions;
pub mod diff;
pub mod explain;
pub mod import;
pub mod new;
pub mod serve;
pub mod stats;
pub mod watch;
pub mod worker;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::aggregate::Model;
use crate::cli::{BuildFlags, Color};
use crate::date::Date;
use crate::diag::{Diagnostics, Sources};
use crate::invisible;
use crate::lints::Allowed;
use crate::load::Project;
use crate::pipeline;
use crate::pipeline::{BuildOptions, Draft, Outcome, Stage};
use crate::wording::Version;

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

/// What `git -C dir ARGS` prints, trimmed, if it succeeds and prints something.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !text.is_empty()).then_some(text)
}

/// The commit checked out at `dir` (12 hex digits), if `dir` is the top of a git checkout.
pub fn commit_of(dir: &Path) -> Option<String> {
    let top = std::path::PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"])?);
    let same = top.canonicalize().ok()? == dir.canonicalize().ok()?;
    same.then(|| git(dir, &["rev-parse", "--short=12", "HEAD"]))
        .flatten()
}

/// The draft settings for `--draft`: the revision from `--revision` or git, the date from
/// `SOURCE_DATE_EPOCH` (`fixed`), the commit's date, or today.
pub fn draft(flags: &BuildFlags, root: &Path, fixed: Option<Date>) -> Option<Draft> {
    if !flags.draft {
        return None;
    }
    let revision = flags
        .revision
        .clone()
        .or_else(|| git(root, &["rev-parse", "--short=12", "HEAD"]))
        .unwrap_or_else(|| "unknown revision".to_string());
    let commit_date = || {
        let seconds = git(root, &["log", "-1", "--format=%ct"])?.parse().ok()?;
        Date::from_unix_seconds(seconds)
    };
    let date = fixed.or_else(commit_date).unwrap_or_else(today);
    Some(Draft { revision, date })
}

/// The latest Unix time whose date a report can print (9999-12-31, 23:59:59 UTC).
const LAST_SECOND: i64 = 253_402_300_799;

/// `SOURCE_DATE_EPOCH`, the reproducible-builds convention for a fixed build date: `None`
/// when unset or empty, an error (for exit code 2) for anything but a whole number of
/// seconds since 1970 up to the year 9999.
pub fn source_date() -> Result<Option<Date>, String> {
    let value = match std::env::var("SOURCE_DATE_EPOCH") {
        Err(std::env::VarError::NotPresent) => return Ok(None),
        Err(std::env::VarError::NotUnicode(raw)) => {
            return Err(format!(
                "SOURCE_DATE_EPOCH={} is not a number of seconds",
                raw.to_string_lossy()
            ));
        }
        Ok(value) => value,
    };
    source_date_of(&value)
}

/// [`source_date`] for a given value.
pub fn source_date_of(value: &str) -> Result<Option<Date>, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let shown = crate::invisible::terminal_safe(value);
    let seconds: i64 = value.parse().map_err(|_| {
        format!(
            "SOURCE_DATE_EPOCH={shown} is not a number of seconds since 1970-01-01 (the \
             reproducible-builds convention); set it to a whole number such as \
             $(git log -1 --format=%ct), or unset it"
        )
    })?;
    let date = (0..=LAST_SECOND)
        .contains(&seconds)
        .then(|| Date::from_unix_seconds(seconds))
        .flatten();
    date.map(Some).ok_or_else(|| {
        let mut message = format!(
            "SOURCE_DATE_EPOCH={seconds} is out of range: it must count seconds from 0 \
             (1 January 1970) to {LAST_SECOND} (31 December 9999)"
        );
        if let Some(date) = Date::from_unix_seconds(seconds / 1000).filter(|_| seconds > 0) {
            message.push_str(&format!(
                "; was it given in milliseconds? {seconds} / 1000 is {}",
                date.long()
            ));
        }
        message
    })
}

/// Today's date (UTC), for scaffolding and drafts outside git.
pub fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    Date::from_unix_seconds(seconds.clamp(0, LAST_SECOND))
        .unwrap_or_else(|| Date::new(1970, 1, 1).expect("a valid date"))
}

/// The build options of `build`, `watch` and `serve`; an error to print (exit code 2) for
/// a bad environment value.
pub fn build_options(flags: &BuildFlags, root: &Path, ui: &Ui) -> Result<BuildOptions, u8> {
    let date = source_date().map_err(|message| {
        ui.error(message);
        exit::FAILURE
    })?;
    Ok(BuildOptions {
        out: flags.out.clone(),
        draft: draft(flags, root, date),
        languages: flags.languages.clone(),
        date,
        deny_warnings: ui.deny_warnings(),
        once: false,
        jobs: flags.jobs.map(usize::from),
        worker: None,
        since: None,
    })
}

/// Writes `text` to standard output, misleading characters shown as escapes (see
/// `invisible`). A reader that went away (`report stats | head`) is not an error of ours:
/// the rest is dropped quietly.
pub fn print_stdout(text: &str) {
    let text = invisible::terminal_safe(text);
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// JSON for standard output: misleading characters written as JSON escapes (`\u202e`),
/// so the JSON still means the same.
pub fn print_json(value: &impl serde::Serialize) {
    let json =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    let mut safe = invisible::escape_in_json(&json).into_owned();
    safe.push('\n');
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(safe.as_bytes()).and_then(|()| out.flush());
}

/// "0 errors, 1 warning", and what `[lints]` allowed: "; 7 allowed (late-reply 2, ...)".
pub fn summary(diags: &Diagnostics, allowed: &Allowed) -> String {
    match allowed.summary() {
        Some(allowed) => format!("{}; {allowed}", diags.summary()),
        None => diags.summary(),
    }
}

/// Prints what a build did; returns its exit code.
pub fn report_outcome(ui: &Ui, outcome: &Outcome, progress: Option<String>) -> u8 {
    ui.diagnostics(&outcome.sources, &outcome.diagnostics);
    ui.allowed(&outcome.sources, &outcome.allowed);
    let summary = summary(&outcome.diagnostics, &outcome.allowed);
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

/// A report root read, checked and aggregated, every language version worded (in the
/// order of `[book] languages`, so never empty).
pub struct Ready {
    pub project: Project,
    pub model: Model,
    pub versions: Vec<Version>,
}

/// Loads and checks the report root at `dir` and aggregates it (final replies only), or
/// prints every problem and returns the exit code to stop with.
pub fn load_model(dir: &Path, ui: &Ui) -> Result<Ready, u8> {
    let pipeline::Checked {
        mut loaded,
        model,
        versions,
        allowed,
    } = pipeline::check(dir);
    if ui.deny_warnings() {
        loaded.diagnostics.deny_warnings();
    }
    ui.diagnostics(&loaded.sources, &loaded.diagnostics);
    ui.allowed(&loaded.sources, &allowed);
    let ready = match (loaded.project.take(), model) {
        (Some(project), Some(model))
            if !loaded.diagnostics.has_errors() && !versions.is_empty() =>
        {
            Some(Ready {
                project,
                model,
                versions,
            })
        }
        _ => None,
    };
    ready.ok_or_else(|| {
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

    /// With `--verbose`, prints the diagnostics `[lints]` allows, as notes.
    pub fn allowed(&self, sources: &Sources, allowed: &Allowed) {
        if !self.verbose || allowed.list.is_empty() {
            return;
        }
        let mut notes = Diagnostics::new();
        for d in &allowed.list {
            let mut d = d.clone();
            d.severity = crate::diag::Severity::Note;
            notes.push(d);
        }
        self.diagnostics(sources, &notes);
    }

    /// A status line such as "    Finished ...", in cargo's style.
    pub fn status(&self, verb: &str, message: impl std::fmt::Display) {
        if self.quiet {
            return;
        }
        let message = message.to_string();
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{verb:>12} {}", invisible::terminal_safe(&message));
    }

    /// A final error line.
    pub fn error(&self, message: impl std::fmt::Display) {
        let message = message.to_string();
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "error: {}", invisible::terminal_safe(&message));
    }
}
