//! One small module per subcommand: take the parsed arguments, call the library, print,
//! and return the exit code. Shared printing lives here.

pub mod build;
pub mod check;
pub mod diff;
pub mod stats;

use std::io::{IsTerminal, Write};
use std::path::Path;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::aggregate::{self, Model, Options};
use crate::cli::Color;
use crate::diag::{Diagnostics, Sources};
use crate::{load, validate};

/// Exit codes, defined once.
pub mod exit {
    /// Success (warnings allowed).
    pub const OK: u8 = 0;
    /// The input has errors; all of them were printed.
    pub const INPUT_ERRORS: u8 = 1;
    /// Usage error (clap also exits with 2) or an internal failure such as a write error.
    pub const FAILURE: u8 = 2;
}

/// Loads and checks the report root at `dir` and aggregates it (final replies only), or
/// prints every problem and returns the exit code to stop with.
pub fn load_model(dir: &Path, ui: &Ui) -> Result<Model, u8> {
    let mut loaded = load::load(dir);
    let model = match &loaded.project {
        Some(project) if !loaded.diagnostics.has_errors() => {
            let model = aggregate::aggregate(project, Options::default());
            validate::word_limit(&model, &mut loaded.diagnostics);
            Some(model)
        }
        _ => None,
    };
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
}

impl Ui {
    pub fn new(color: Color, quiet: bool, verbose: bool) -> Ui {
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
        }
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
