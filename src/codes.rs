//! The codes of diagnostics: every problem `report` finds carries a stable code
//! (`warning[late-reply]`), as cargo's and clippy's lints do.
//!
//! Codes come in three kinds:
//! - **errors**: the input cannot be built as it is; always errors;
//! - **problems**: something is probably wrong (an alias for a State, a character no font
//!   can draw, the word limit); warnings by default, which `--deny-warnings` fails on;
//! - **facts** of the report: true of it, and printed in it (a late reply is listed as
//!   late, an untranslated reply is printed in its original under "[Original: ...]");
//!   allowed by default: counted at the end of a run, printed with `--verbose`.
//!
//! `[lints]` in book.toml sets the level of a problem or fact (`late-reply = "warn"`, see
//! `lints`); `report explain CODE` prints what a code means, from `docs/lints.md` (built
//! in, so the documentation and the program say the same). A leaf: nothing here reads
//! files or knows of diagnostics.

use crate::collate;

/// What a code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Error,
    Problem,
    Fact,
}

/// How a problem or fact is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Not printed (counted at the end, printed with `--verbose`); never fails.
    Allow,
    /// Printed; `--deny-warnings` fails on it.
    Warn,
    /// An error.
    Deny,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $kind:ident;)*) => {
        /// The code of a diagnostic. Names are kebab-case and never change meaning.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in the order of `docs/lints.md`.
            pub const ALL: &[Code] = &[$(Code::$variant,)*];

            pub fn name(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            pub fn kind(self) -> Kind {
                match self {
                    $(Code::$variant => Kind::$kind,)*
                }
            }
        }
    };
}

codes! {
    // Problems: warnings by default.
    Alias = "alias", Problem;
    MissingGlyph = "missing-glyph", Problem;
    WordLimit = "word-limit", Problem;
    BeforeMandate = "before-mandate", Problem;
    AfterReportDate = "after-report-date", Problem;
    EmptyReply = "empty-reply", Problem;
    EmptyTranslation = "empty-translation", Problem;
    DuplicateTheme = "duplicate-theme", Problem;
    DuplicateLanguage = "duplicate-language", Problem;
    UnusualDate = "unusual-date", Problem;
    MisleadingCharacter = "misleading-character", Problem;
    MarkdownLost = "markdown-lost", Problem;
    LanguageMismatch = "language-mismatch", Problem;
    NotAReply = "not-a-reply", Problem;
    LinkedFolder = "linked-folder", Problem;
    FontNotUsed = "font-not-used", Problem;
    UnusedThemeWording = "unused-theme-wording", Problem;
    UntranslatedMessage = "untranslated-message", Problem;
    DraftsOnly = "drafts-only", Problem;
    TypstWarning = "typst-warning", Problem;
    VersionNotKept = "version-not-kept", Problem;
    OldOutput = "old-output", Problem;
    RedlineNoBase = "redline-no-base", Problem;
    // Facts: allowed by default.
    LateReply = "late-reply", Fact;
    UntranslatedReply = "untranslated-reply", Fact;
    UntranslatedText = "untranslated-text", Fact;
    UnofficialLanguage = "unofficial-language", Fact;
    // Errors.
    TomlSyntax = "toml-syntax", Error;
    UnknownKey = "unknown-key", Error;
    MissingKey = "missing-key", Error;
    WrongType = "wrong-type", Error;
    InvalidValue = "invalid-value", Error;
    InvalidDate = "invalid-date", Error;
    FrontMatter = "front-matter", Error;
    UnknownState = "unknown-state", Error;
    DuplicateReply = "duplicate-reply", Error;
    UnknownCategory = "unknown-category", Error;
    DuplicateCategory = "duplicate-category", Error;
    UnknownLanguage = "unknown-language", Error;
    TranslationKey = "translation-key", Error;
    OrphanTranslation = "orphan-translation", Error;
    TranslationLanguage = "translation-language", Error;
    DuplicateTranslation = "duplicate-translation", Error;
    TranslationCategory = "translation-category", Error;
    UnknownMessage = "unknown-message", Error;
    InvalidMessage = "invalid-message", Error;
    UnknownLint = "unknown-lint", Error;
    OutputName = "output-name", Error;
    NotUtf8 = "not-utf8", Error;
    NoReport = "no-report", Error;
    RefusedFile = "refused-file", Error;
    TooCostly = "too-costly", Error;
    TemplateError = "template-error", Error;
    TypstError = "typst-error", Error;
    UndrawnGlyph = "undrawn-glyph", Error;
    WarningsDenied = "warnings-denied", Error;
    Redline = "redline", Error;
    UnknownVersion = "unknown-version", Error;
    OutputFolder = "output-folder", Error;
    Io = "io", Error;
    Internal = "internal", Error;
}

impl Code {
    /// The code named `name`.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.name() == name)
    }

    /// The level a code has unless book.toml sets one (errors are always errors).
    pub fn default_level(self) -> Level {
        match self.kind() {
            Kind::Error => Level::Deny,
            Kind::Problem => Level::Warn,
            Kind::Fact => Level::Allow,
        }
    }

    /// The closest code to a misspelt name, for "did you mean".
    pub fn closest(name: &str) -> Option<Code> {
        collate::closest(name, Code::ALL.iter().map(|c| c.name())).and_then(Code::from_name)
    }
}

/// `docs/lints.md`, built in: what `report explain` prints.
pub const DOCS: &str = include_str!("../docs/lints.md");

/// The section of `docs/lints.md` about `code`: what it means, an example, the fix.
pub fn explain(code: Code) -> Option<&'static str> {
    let heading = format!("\n## `{}`\n", code.name());
    let start = DOCS.find(&heading)? + 1;
    let rest = &DOCS[start..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |i| i + 4);
    Some(rest[..end].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_explained_in_docs_and_every_section_is_a_code() {
        for code in Code::ALL {
            let text = explain(*code).unwrap_or_else(|| panic!("docs/lints.md lacks {code:?}"));
            assert!(text.starts_with(&format!("## `{}`", code.name())), "{text}");
            let kind = match code.kind() {
                Kind::Error => "error",
                Kind::Problem => "problem",
                Kind::Fact => "fact",
            };
            assert!(
                text.contains(&format!("Kind: {kind}")),
                "docs/lints.md gives {} another kind than the program: {text}",
                code.name()
            );
            assert!(text.contains("Fix:"), "{} has no fix: {text}", code.name());
        }
        for line in DOCS.lines().filter(|l| l.starts_with("## `")) {
            let name = line.trim_start_matches("## `").trim_end_matches('`');
            assert!(
                Code::from_name(name).is_some(),
                "docs/lints.md explains unknown {name}"
            );
        }
        let names: std::collections::HashSet<_> = Code::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(names.len(), Code::ALL.len(), "a code name is used twice");
    }
}
