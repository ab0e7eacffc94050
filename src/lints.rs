//! The levels of diagnostic codes (see `codes`) in a report: `[lints]` in book.toml sets a
//! problem or a fact to "allow", "warn" or "deny", and [`apply`] gives each diagnostic of
//! a run its level: an allowed one is set aside (counted at the end, printed with
//! `--verbose`), a denied one becomes an error. `--deny-warnings` then fails on the
//! warnings left.

use std::collections::BTreeMap;

pub use crate::codes::{Code, Kind, Level};
use crate::diag::{Diagnostic, Diagnostics, FileId};
use crate::tomlread::Table;

/// The levels book.toml's `[lints]` sets, by code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lints {
    levels: BTreeMap<Code, Level>,
}

impl Lints {
    /// The level of `code` in this report.
    pub fn level(&self, code: Code) -> Level {
        match code.kind() {
            Kind::Error => Level::Deny,
            _ => self
                .levels
                .get(&code)
                .copied()
                .unwrap_or(code.default_level()),
        }
    }

    /// Reads `[lints]`: each key a code of a problem or a fact, each value "allow", "warn"
    /// or "deny". An unknown code, an error's code or another value is an error at its place.
    pub fn read(table: &Table, diags: &mut Diagnostics) -> Lints {
        let mut lints = Lints::default();
        let file: FileId = table.file();
        for (name, key_span) in table.keys() {
            let Some(code) = Code::from_name(&name) else {
                let mut d = Diagnostic::error(
                    Code::UnknownLint,
                    file,
                    key_span,
                    format!("unknown lint `{name}` in [lints]"),
                )
                .label("not a code of report");
                if let Some(close) = Code::closest(&name) {
                    d = d.help(format!("did you mean `{}`?", close.name()));
                }
                diags.push(d.help(
                    "the codes are listed in docs/lints.md; `report explain CODE` explains one",
                ));
                continue;
            };
            if code.kind() == Kind::Error {
                diags.push(
                    Diagnostic::error(
                        Code::UnknownLint,
                        file,
                        key_span,
                        format!("`{name}` is an error: its level cannot be set"),
                    )
                    .label("always an error")
                    .help(format!(
                        "fix what it points at (`report explain {name}` says how), and remove this line"
                    )),
                );
                continue;
            }
            let example = format!("{name} = \"allow\"");
            let Some(value) = table.string(&name, &example, diags) else {
                continue;
            };
            let level = match value.value.as_str() {
                "allow" => Level::Allow,
                "warn" => Level::Warn,
                "deny" => Level::Deny,
                other => {
                    diags.push(
                        Diagnostic::error(
                            Code::InvalidValue,
                            file,
                            value.span,
                            format!("unknown level \"{other}\" for `{name}`"),
                        )
                        .label("not a level")
                        .help("a level is \"allow\", \"warn\" or \"deny\""),
                    );
                    continue;
                }
            };
            lints.levels.insert(code, level);
        }
        lints
    }
}

/// What applying the levels left aside: the allowed diagnostics, counted at the end of a
/// run and printed with `--verbose`.
#[derive(Debug, Default, Clone)]
pub struct Allowed {
    pub list: Vec<Diagnostic>,
}

impl Allowed {
    /// "7 allowed (late-reply 2, untranslated-reply 5)", or `None` when there are none.
    pub fn summary(&self) -> Option<String> {
        if self.list.is_empty() {
            return None;
        }
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for d in &self.list {
            *counts.entry(d.code.name()).or_default() += 1;
        }
        let parts: Vec<String> = counts.iter().map(|(c, n)| format!("{c} {n}")).collect();
        Some(format!(
            "{} allowed ({})",
            self.list.len(),
            parts.join(", ")
        ))
    }
}

/// Applies the report's levels to `diags`: a warning whose code is allowed moves into
/// `allowed`, one whose code is denied becomes an error that says why. Applying twice
/// changes nothing more.
pub fn apply(lints: &Lints, diags: &mut Diagnostics, allowed: &mut Allowed) {
    let list = std::mem::take(diags).into_vec();
    for mut d in list {
        if d.is_error() {
            diags.push(d);
            continue;
        }
        match lints.level(d.code) {
            Level::Allow => allowed.list.push(d),
            Level::Warn => diags.push(d),
            Level::Deny => {
                d.severity = crate::diag::Severity::Error;
                d.help.push(format!(
                    "[lints] in book.toml sets {} = \"deny\"; `report explain {}` says how to fix it",
                    d.code.name(),
                    d.code.name()
                ));
                diags.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_apply_and_applying_twice_changes_nothing() {
        let mut lints = Lints::default();
        lints.levels.insert(Code::Alias, Level::Deny);
        let mut diags = Diagnostics::new();
        diags.push(Diagnostic::warning_nowhere(Code::LateReply, "late"));
        diags.push(Diagnostic::warning_nowhere(Code::Alias, "alias"));
        diags.push(Diagnostic::warning_nowhere(Code::WordLimit, "long"));
        let mut allowed = Allowed::default();
        apply(&lints, &mut diags, &mut allowed);
        apply(&lints, &mut diags, &mut allowed);
        assert_eq!(allowed.list.len(), 1);
        assert_eq!(
            allowed.summary().as_deref(),
            Some("1 allowed (late-reply 1)")
        );
        assert_eq!(diags.errors(), 1);
        assert_eq!(diags.warnings(), 1);
    }
}
