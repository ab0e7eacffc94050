//! Typed reading of TOML that reports every problem, not just the first.
//!
//! `book.toml` and the front matter of each reply are parsed with toml's span-keeping
//! document parser ([`DeTable`]), then read field by field through [`Table`]: a missing key,
//! a value of the wrong type, an unknown key (a typo) each become a diagnostic pointing at
//! the file, line and column, with an example of what to write. Serde derive would stop at
//! the first problem of a file; an editor fixing a reply wants them all at once.

use toml::de::{DeTable, DeValue};

use crate::codes::Code;
use crate::collate;
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics, FileId, Span, Spanned};
use crate::invisible;

/// Parses a TOML document that starts at byte `offset` of `file`. Syntax errors are pushed,
/// all of them as far as the parser recovers, and the document is `None`: values read
/// around a syntax error are guesses, and checking them would only add confusing errors.
pub fn parse_document<'i>(
    text: &'i str,
    file: FileId,
    offset: usize,
    diags: &mut Diagnostics,
) -> Option<DeTable<'i>> {
    let (table, errors) = DeTable::parse_recoverable(text);
    let ok = errors.is_empty();
    for error in errors {
        let span = error.span().unwrap_or(0..0);
        let span = offset + span.start..offset + span.end;
        let message = error.message().trim().replace('\n', "; ");
        diags.push(
            Diagnostic::error(
                Code::TomlSyntax,
                file,
                span,
                format!("invalid TOML: {message}"),
            )
            .label("here")
            .help(
                "TOML strings need double quotes (\"...\"), dates are written bare \
                     (2019-04-30), lists use brackets ([\"a\", \"b\"])",
            ),
        );
    }
    let table = ok.then(|| table.into_inner())?;
    crate::misleading::warn(
        file,
        crate::misleading::in_toml(&table, text, offset),
        diags,
    );
    Some(table)
}

/// A TOML table being read: knows where it is, which keys are allowed, and what was read.
pub struct Table<'a, 'i> {
    entries: &'a DeTable<'i>,
    file: FileId,
    offset: usize,
    /// How messages name this table: "[report]", "the front matter", "[[challenges]] 2".
    name: String,
    /// Where to point when a required key is missing.
    anchor: Span,
    known: &'static [&'static str],
}

/// Types a value may be required to have, named as an editor would understand them.
fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

impl<'a, 'i> Table<'a, 'i> {
    pub fn new(
        entries: &'a DeTable<'i>,
        file: FileId,
        offset: usize,
        name: impl Into<String>,
        anchor: Span,
        known: &'static [&'static str],
    ) -> Self {
        Table {
            entries,
            file,
            offset,
            name: name.into(),
            anchor,
            known,
        }
    }

    fn span(&self, s: std::ops::Range<usize>) -> Span {
        self.offset + s.start..self.offset + s.end
    }

    fn get(&self, key: &str) -> Option<(&'a DeValue<'i>, Span)> {
        self.entries
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(_, v)| (v.get_ref(), self.span(v.span())))
    }

    /// The span of a key as written, for errors about the key itself.
    pub fn key_span(&self, key: &str) -> Option<Span> {
        self.entries
            .keys()
            .find(|k| k.get_ref() == key)
            .map(|k| self.span(k.span()))
    }

    /// Every key of the table as written, with its span, in file order.
    pub fn keys(&self) -> Vec<(String, Span)> {
        self.entries
            .keys()
            .map(|k| (k.get_ref().to_string(), self.span(k.span())))
            .collect()
    }

    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn file(&self) -> FileId {
        self.file
    }

    /// Where this table starts (its header), for problems of the table as a whole.
    pub fn anchor(&self) -> Span {
        self.anchor.clone()
    }

    /// Whether an unknown key of this table reads as a misspelling of `key` (`titel` for
    /// `title`).
    fn misspelt(&self, key: &str) -> bool {
        self.entries.keys().any(|k| {
            let name = k.get_ref().as_ref();
            !self.known.contains(&name)
                && collate::closest(name, self.known.iter().copied()) == Some(key)
        })
    }

    /// Whether `key` is present; if not, an error says it is required, unless a misspelling
    /// of it is there: [`Table::reject_unknown_keys`] reports that one ("did you mean
    /// `title`?"), and one typo gives one error.
    pub fn require(&self, key: &str, example: &str, diags: &mut Diagnostics) -> bool {
        if self.has(key) {
            return true;
        }
        if self.misspelt(key) {
            return false;
        }
        diags.push(
            Diagnostic::error(
                Code::MissingKey,
                self.file,
                self.anchor.clone(),
                format!("missing `{key}` in {}", self.name),
            )
            .label(format!("`{key}` is required here"))
            .help(format!("add a line such as: {example}")),
        );
        false
    }

    fn wrong_type(
        &self,
        key: &str,
        expected: &str,
        value: &DeValue<'_>,
        span: Span,
        example: &str,
        diags: &mut Diagnostics,
    ) {
        diags.push(
            Diagnostic::error(
                Code::WrongType,
                self.file,
                span,
                format!("`{key}` must be {expected}, not {}", type_name(value)),
            )
            .label(format!("expected {expected}"))
            .help(format!("write it like this: {example}")),
        );
    }

    /// An optional string; `None` if absent or not a string (then an error is pushed).
    pub fn string(
        &self,
        key: &str,
        example: &str,
        diags: &mut Diagnostics,
    ) -> Option<Spanned<String>> {
        let (value, span) = self.get(key)?;
        match value {
            DeValue::String(s) => Some(Spanned::new(s.to_string(), span)),
            other => {
                self.wrong_type(key, "a string", other, span, example, diags);
                None
            }
        }
    }

    /// A required string that is not blank.
    pub fn required_string(
        &self,
        key: &str,
        example: &str,
        diags: &mut Diagnostics,
    ) -> Option<Spanned<String>> {
        if !self.require(key, example, diags) {
            return None;
        }
        self.text(key, example, diags)
    }

    /// An optional string that, when given, prints something: not blank, and not made only
    /// of characters the PDF and the HTML leave out (zero-width spaces, bidi controls...),
    /// which would print an empty title or heading (and a PDF/UA document needs a title).
    pub fn text(
        &self,
        key: &str,
        example: &str,
        diags: &mut Diagnostics,
    ) -> Option<Spanned<String>> {
        let value = self.string(key, example, diags)?;
        if invisible::remove(&value.value).trim().is_empty() {
            let label = if value.value.trim().is_empty() {
                "empty string"
            } else {
                "only characters that print nothing"
            };
            diags.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    self.file,
                    value.span.clone(),
                    format!("`{key}` is empty"),
                )
                .label(label)
                .help(format!("write it like this: {example}")),
            );
            return None;
        }
        Some(value)
    }

    /// An optional whole number within `range`.
    pub fn integer(
        &self,
        key: &str,
        range: std::ops::RangeInclusive<i64>,
        example: &str,
        diags: &mut Diagnostics,
    ) -> Option<Spanned<i64>> {
        let (value, span) = self.get(key)?;
        let DeValue::Integer(i) = value else {
            self.wrong_type(key, "a whole number", value, span, example, diags);
            return None;
        };
        let parsed = i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok();
        match parsed {
            Some(n) if range.contains(&n) => Some(Spanned::new(n, span)),
            _ => {
                diags.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        self.file,
                        span,
                        format!(
                            "`{key}` must be between {} and {}",
                            range.start(),
                            range.end()
                        ),
                    )
                    .label("out of range")
                    .help(format!("write it like this: {example}")),
                );
                None
            }
        }
    }

    /// An optional calendar date written as a bare TOML date (`2019-04-30`).
    pub fn date(&self, key: &str, diags: &mut Diagnostics) -> Option<Spanned<Date>> {
        let (value, span) = self.get(key)?;
        let example = format!("{key} = 2019-04-30");
        let date = match value {
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
                dt.date.and_then(|d| Date::new(d.year, d.month, d.day))
            }
            DeValue::Datetime(_) => {
                diags.push(
                    Diagnostic::error(
                        Code::InvalidDate,
                        self.file,
                        span,
                        format!("`{key}` must be a date without a time"),
                    )
                    .label("a time of day is not used here")
                    .help(format!("write only the date: {example}")),
                );
                return None;
            }
            DeValue::String(s) => {
                diags.push(
                    Diagnostic::error(
                        Code::InvalidDate,
                        self.file,
                        span,
                        format!("`{key}` must be a TOML date, not a string"),
                    )
                    .label(format!("\"{s}\" is in quotes"))
                    .help(format!(
                        "expected a date like 2019-04-30, written without quotes: {example}"
                    )),
                );
                return None;
            }
            other => {
                self.wrong_type(key, "a date", other, span, &example, diags);
                return None;
            }
        };
        if date.is_none() {
            diags.push(
                Diagnostic::error(
                    Code::InvalidDate,
                    self.file,
                    span.clone(),
                    format!("`{key}` is not a valid date"),
                )
                .help(format!("expected a date like 2019-04-30: {example}")),
            );
        }
        date.map(|d| Spanned::new(d, span))
    }

    /// A required date.
    pub fn required_date(&self, key: &str, diags: &mut Diagnostics) -> Option<Spanned<Date>> {
        if !self.require(key, &format!("{key} = 2019-04-30"), diags) {
            return None;
        }
        self.date(key, diags)
    }

    /// An optional list of strings. Items that are not strings are reported and skipped.
    pub fn string_list(
        &self,
        key: &str,
        example: &str,
        diags: &mut Diagnostics,
    ) -> Option<Spanned<Vec<Spanned<String>>>> {
        let (value, span) = self.get(key)?;
        let DeValue::Array(items) = value else {
            self.wrong_type(key, "a list of strings", value, span, example, diags);
            return None;
        };
        let mut out = Vec::new();
        for item in items.iter() {
            let item_span = self.span(item.span());
            match item.get_ref() {
                DeValue::String(s) => out.push(Spanned::new(s.to_string(), item_span)),
                other => diags.push(
                    Diagnostic::error(
                        Code::WrongType,
                        self.file,
                        item_span,
                        format!(
                            "every item of `{key}` must be a string, not {}",
                            type_name(other)
                        ),
                    )
                    .label("not a string")
                    .help(format!("write it like this: {example}")),
                ),
            }
        }
        Some(Spanned::new(out, span))
    }

    /// An optional sub-table (`[report]`, `[output.pdf]`).
    pub fn table(
        &self,
        key: &str,
        name: &str,
        known: &'static [&'static str],
        diags: &mut Diagnostics,
    ) -> Option<Table<'a, 'i>> {
        let (value, span) = self.get(key)?;
        match value {
            DeValue::Table(t) => {
                let anchor = self.key_span(key).unwrap_or(span);
                Some(Table::new(t, self.file, self.offset, name, anchor, known))
            }
            other => {
                self.wrong_type(key, "a table", other, span, &format!("[{key}]"), diags);
                None
            }
        }
    }

    /// An optional array of tables (`[[categories]]`), each with its position in the list.
    pub fn tables(
        &self,
        key: &str,
        known: &'static [&'static str],
        diags: &mut Diagnostics,
    ) -> Vec<Table<'a, 'i>> {
        let Some((value, span)) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value else {
            self.wrong_type(
                key,
                "a list of tables",
                value,
                span,
                &format!("[[{key}]]"),
                diags,
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let item_span = self.span(item.span());
            match item.get_ref() {
                DeValue::Table(t) => out.push(Table::new(
                    t,
                    self.file,
                    self.offset,
                    format!("[[{key}]] number {}", i + 1),
                    item_span,
                    known,
                )),
                other => diags.push(
                    Diagnostic::error(
                        Code::WrongType,
                        self.file,
                        item_span,
                        format!(
                            "each entry of `{key}` must be a table, not {}",
                            type_name(other)
                        ),
                    )
                    .help(format!("start each entry with a [[{key}]] line")),
                ),
            }
        }
        out
    }

    /// Reports every key that is not one of the known keys: a typo must never pass silently.
    pub fn reject_unknown_keys(&self, diags: &mut Diagnostics) {
        for key in self.entries.keys() {
            let name = key.get_ref().as_ref();
            if self.known.contains(&name) {
                continue;
            }
            let mut d = Diagnostic::error(
                Code::UnknownKey,
                self.file,
                self.span(key.span()),
                format!("unknown key `{name}` in {}", self.name),
            )
            .label("not a known key");
            if let Some(close) = collate::closest(name, self.known.iter().copied()) {
                d = d.help(format!("did you mean `{close}`?"));
            }
            d = d.help(format!("valid keys here: {}", self.known.join(", ")));
            diags.push(d);
        }
    }
}
