//! Templates: the built-in defaults compiled into the binary, which a report root may
//! override file by file with its own `templates/` folder.
//!
//! One minijinja environment per output format, each with its own escaping, so a template
//! cannot forget it: in Typst templates every `{{ value }}` becomes a Typst string literal
//! (`#"...";`), in HTML templates it is HTML-escaped. Text from replies only ever reaches a
//! template as a value; it is never itself parsed as a template.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use minijinja::value::{Value, ValueKind};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, State, UndefinedBehavior};

use crate::catalogue::Arg;
use crate::codes::Code;
use crate::diag::{Diagnostic, Diagnostics, Sources};
use crate::load::TemplateFile;
use crate::markdown;
use crate::redline;
use crate::render::html;
use crate::render::typst::markup;
use crate::wording::Version;

/// The built-in templates, by file name.
pub const DEFAULTS: &[(&str, &str)] = &[
    (
        "report.typ.j2",
        include_str!("../../templates/report.typ.j2"),
    ),
    (
        "layout.html.j2",
        include_str!("../../templates/layout.html.j2"),
    ),
    (
        "index.html.j2",
        include_str!("../../templates/index.html.j2"),
    ),
    (
        "category.html.j2",
        include_str!("../../templates/category.html.j2"),
    ),
    (
        "state.html.j2",
        include_str!("../../templates/state.html.j2"),
    ),
    (
        "print.html.j2",
        include_str!("../../templates/print.html.j2"),
    ),
    (
        "chart.html.j2",
        include_str!("../../templates/chart.html.j2"),
    ),
    (
        "paragraph.html.j2",
        include_str!("../../templates/paragraph.html.j2"),
    ),
    ("style.css", include_str!("../../templates/style.css")),
    ("site.js", include_str!("../../templates/site.js")),
];

/// The auto-escape mode of Typst templates.
const TYPST: AutoEscape = AutoEscape::Custom(std::borrow::Cow::Borrowed("typst"));

/// The templates of one build.
#[derive(Debug, Clone)]
pub struct Templates {
    files: Vec<TemplateFile>,
}

impl Templates {
    /// The built-in templates only.
    pub fn builtin() -> Templates {
        Templates {
            files: DEFAULTS
                .iter()
                .map(|(name, source)| TemplateFile {
                    name: name.to_string(),
                    source: source.to_string(),
                    shown: format!("{name} (built-in template)"),
                })
                .collect(),
        }
    }

    /// The built-in templates, replaced by the files of the report's `templates/` folder
    /// with the same name (as the load stage read them); other `*.j2` files there are
    /// added (for `{% include %}`).
    pub fn new(files: &[TemplateFile]) -> Templates {
        let mut templates = Self::builtin();
        for file in files {
            let known = DEFAULTS.iter().any(|(n, _)| *n == file.name);
            if known || file.name.ends_with(".j2") {
                templates.set(file.clone());
            }
        }
        templates
    }

    fn set(&mut self, file: TemplateFile) {
        match self.files.iter_mut().find(|f| f.name == file.name) {
            Some(existing) => *existing = file,
            None => self.files.push(file),
        }
    }

    /// A hash of every template's name and text: what a rendering depends on besides its
    /// data.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for file in &self.files {
            file.name.hash(&mut hasher);
            file.source.hash(&mut hasher);
        }
        hasher.finish()
    }

    pub fn get(&self, name: &str) -> Option<&TemplateFile> {
        self.files.iter().find(|f| f.name == name)
    }

    /// The environment for templates that produce Typst. In a redline (`redline`), the
    /// marks that values carry (see `redline::text`) print as the redline's marks, each
    /// numbered, and Markdown paired with its base is compared with it.
    pub fn typst(&self, redline: bool) -> Environment<'_> {
        let mut env = self.environment(redline, |name| {
            if name.ends_with(".typ.j2") {
                TYPST
            } else {
                AutoEscape::None
            }
        });
        let marks = std::sync::Arc::new(AtomicUsize::new(0));
        let counter = marks.clone();
        env.set_formatter(move |out, state, value| {
            if *state.auto_escape() != TYPST || value.is_safe() {
                return minijinja::escape_formatter(out, state, value);
            }
            let text = match value.kind() {
                ValueKind::Undefined | ValueKind::None => return Ok(()),
                ValueKind::Number | ValueKind::Bool => value.to_string(),
                _ if redline => {
                    let text = value.to_string();
                    let mut n = counter.load(Ordering::Relaxed);
                    let marked = markup::marked_text(&text, &mut n);
                    counter.store(n, Ordering::Relaxed);
                    marked
                }
                _ => markup::text(&value.to_string()),
            };
            out.write_str(&text).map_err(Error::from)
        });
        // In code positions a value prints as it is now, without marks.
        env.add_filter("str", |text: &str| {
            Value::from_safe_string(markup::string_literal(&redline::text::new_text(text)))
        });
        // Each text gets its own prefix for the labels of its footnotes (a footnote is
        // printed once and later references point to it), unless the template gives one.
        // Footnotes are numbered through the document, in the order the template prints
        // the texts (see `markup::doc`).
        let texts = AtomicUsize::new(0);
        let notes = AtomicUsize::new(0);
        env.add_filter(
            "markdown",
            move |state: &State, text: &str, prefix: Option<&str>, lang: Option<&str>| {
                let n = texts.fetch_add(1, Ordering::Relaxed);
                let prefix = match prefix {
                    Some(p) => p.to_string(),
                    None => format!("md{n}-"),
                };
                let mut printed = notes.load(Ordering::Relaxed);
                let mut n = marks.load(Ordering::Relaxed);
                let counter = redline.then_some(&mut n);
                let out = markdown_filter(state, text, Some(&prefix), lang, &mut printed, counter);
                marks.store(n, Ordering::Relaxed);
                notes.store(printed, Ordering::Relaxed);
                out
            },
        );
        env.add_filter("label", label);
        env
    }

    /// An environment holding every template. The auto-escape callback must be set before
    /// templates are added: each template keeps the mode it was added with.
    /// The environment for templates that produce HTML. In a redline, the marks values
    /// carry print as `<del>` and `<ins>`, and Markdown paired with its base is compared
    /// with it.
    pub fn html(&self, redline: bool) -> Environment<'_> {
        let mut env = self.environment(redline, |name| {
            if name.ends_with(".html.j2") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        // minijinja's own HTML escaping also escapes `/`; ours leaves URLs readable.
        env.set_formatter(move |out, state, value| {
            if *state.auto_escape() != AutoEscape::Html || value.is_safe() {
                return minijinja::escape_formatter(out, state, value);
            }
            match value.kind() {
                ValueKind::Undefined | ValueKind::None => Ok(()),
                _ if redline => out
                    .write_str(&html::markup::marked_text(&value.to_string()))
                    .map_err(Error::from),
                _ => out
                    .write_str(&html::markup::escape(&value.to_string()))
                    .map_err(Error::from),
            }
        });
        env
    }

    fn environment(&self, redline: bool, auto_escape: fn(&str) -> AutoEscape) -> Environment<'_> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_auto_escape_callback(auto_escape);
        for file in &self.files {
            // Syntax errors surface when the template is used, with the line.
            let _ = env.add_template(&file.name, &file.source);
        }
        // A site prints each reply twice (its page and the whole report): each text is
        // converted once, by its text, prefix and output format.
        type Key = (String, String, String);
        let converted = std::sync::Mutex::new(HashMap::<Key, Value>::new());
        env.add_filter(
            "markdown",
            move |state: &State, text: &str, prefix: Option<&str>| {
                let format = format!("{:?}", state.auto_escape());
                let key = (text.to_string(), prefix.unwrap_or("").to_string(), format);
                let done = converted.lock().unwrap_or_else(|e| e.into_inner());
                if let Some(value) = done.get(&key) {
                    return Ok(value.clone());
                }
                drop(done);
                // The site's marks need no numbers: a mark is an element of its own.
                let mut unnumbered = 0;
                let marks = redline.then_some(&mut unnumbered);
                let value = markdown_filter(state, text, prefix, None, &mut 0, marks)?;
                converted
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(key, value.clone());
                Ok(value)
            },
        );
        env
    }

    /// Renders `name` with `context`, or explains what went wrong in which template line.
    pub fn render(
        &self,
        env: &Environment<'_>,
        name: &str,
        context: Value,
        sources: &mut Sources,
        diags: &mut Diagnostics,
    ) -> Option<String> {
        let result = env
            .get_template(name)
            .and_then(|template| template.render(context));
        match result {
            Ok(text) => Some(text),
            Err(err) => {
                diags.push(self.diagnostic(&err, sources));
                None
            }
        }
    }

    fn diagnostic(&self, err: &Error, sources: &mut Sources) -> Diagnostic {
        let message = format!(
            "template error: {}",
            err.detail().unwrap_or(&err.to_string())
        );
        let file = err.name().and_then(|name| self.get(name));
        let (Some(file), Some(line)) = (file, err.line()) else {
            return Diagnostic::error_nowhere(Code::TemplateError, format!("{err:#}"));
        };
        let id = sources.add(&file.shown, &file.source);
        let span = err.range().unwrap_or_else(|| {
            let start: usize = file
                .source
                .split_inclusive('\n')
                .take(line.saturating_sub(1))
                .map(str::len)
                .sum();
            let len = file.source[start..].find('\n').unwrap_or(0);
            start..start + len
        });
        Diagnostic::error(Code::TemplateError, id, span, message)
            .label(format!("{:?}", err.kind()))
            .help("templates lay out the data; check the variable and filter names against docs/data-json.md")
    }
}

/// The templates' `t`: the version's fixed wording by message key,
/// `{{ t("agenda-item", item=109) }}`.
#[derive(Debug)]
struct Wording(std::sync::Arc<crate::catalogue::Catalogue>);

impl minijinja::value::Object for Wording {
    fn call(
        self: &std::sync::Arc<Self>,
        _state: &mut State<'_, '_>,
        args: &[Value],
    ) -> Result<Value, Error> {
        let (key, kwargs): (&str, minijinja::value::Kwargs) = minijinja::value::from_args(args)?;
        let mut owned: Vec<(String, Value)> = Vec::new();
        for name in kwargs.args() {
            owned.push((name.to_string(), kwargs.get::<Value>(name)?));
        }
        kwargs.assert_all_used()?;
        let texts: Vec<String> = owned.iter().map(|(_, v)| v.to_string()).collect();
        let args: Vec<(&str, Arg)> = owned
            .iter()
            .zip(&texts)
            .map(|((name, value), text)| {
                let arg = match value.as_usize() {
                    Some(n) if value.kind() == ValueKind::Number => Arg::Number(n),
                    _ => Arg::Text(text),
                };
                (name.as_str(), arg)
            })
            .collect();
        Ok(Value::from(self.0.get(key, &args)))
    }
}

/// The context of a template: the fields of `version` (with their marks in a redline),
/// those of `extra`, and `t`: the version's fixed wording by message key,
/// `{{ t("agenda-item", item=109) }}`.
pub fn context(version: &Version, extra: Value) -> Value {
    minijinja::context! { ..extra, ..context_of(version, data(version)) }
}

/// The version's data as templates receive it: a redline's with its marks (see
/// `redline`).
pub fn data(version: &Version) -> Value {
    match &version.marked {
        Some(marked) => Value::from(minijinja::value::Serde(&**marked)),
        None => Value::from(minijinja::value::Serde(version)),
    }
}

/// The context of a template over `data` (the version's, as [`context`] gives it, or the
/// same wrapped to note what a page reads): its fields and `t`.
pub fn context_of(version: &Version, data: Value) -> Value {
    let t = Value::from_object(Wording(version.catalogue.clone()));
    minijinja::context! { t => t, ..data }
}

/// The document a redline's `markdown` filter prints: a text paired with its base (see
/// `redline::text::BASE`) compared with it, any other as it is. Only a redline reads the
/// pairing: in other builds the character is an invisible one, left out.
fn redline_doc(text: &str) -> markdown::Doc {
    match text.split_once(redline::text::BASE) {
        Some((new, base)) => redline::doc::compare_texts(base, new),
        None => markdown::parse(text),
    }
}

/// `{{ text|markdown }}`: Markdown converted for the output format of the template, safe
/// by construction (text leaves are escaped by the writer). In HTML, an optional prefix
/// keeps footnote ids unique when several texts share a page: `{{ body|markdown("arg-") }}`.
/// In Typst, an optional language gives the text's footnotes its language, which they
/// would lose at the foot of the page: `{{ r.body|markdown(none, r.lang) }}`. `notes`
/// counts the Typst document's footnotes. In a redline, `marks` counts the document's
/// marks, and a text paired with its base is compared with it (see [`redline_doc`]).
fn markdown_filter(
    state: &State,
    text: &str,
    prefix: Option<&str>,
    lang: Option<&str>,
    notes: &mut usize,
    marks: Option<&mut usize>,
) -> Result<Value, Error> {
    match state.auto_escape() {
        AutoEscape::Html => {
            let words = Words(
                state
                    .lookup("t")
                    .and_then(|t| t.downcast_object::<Wording>())
                    .map(|w| w.0.clone()),
            );
            let prefix = prefix.unwrap_or("");
            Ok(Value::from_safe_string(match marks {
                Some(_) => html_markup(&redline_doc(text), prefix, &words),
                None => html_text(text, prefix, &words),
            }))
        }
        escape if *escape == TYPST => {
            let prefix = prefix.unwrap_or("");
            if !prefix
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
            {
                return Err(Error::new(
                    ErrorKind::InvalidOperation,
                    format!("{prefix:?} cannot prefix labels: use only letters, digits and -"),
                ));
            }
            let markup = match marks {
                Some(marks) => markup::doc_marked(&redline_doc(text), prefix, lang, notes, marks),
                None => {
                    let (markup, after) = typst_markup(text, prefix, lang, *notes);
                    *notes = after;
                    markup
                }
            };
            Ok(Value::from_safe_string(markup))
        }
        _ => Err(Error::new(
            ErrorKind::InvalidOperation,
            "the markdown filter works only in .typ.j2 and .html.j2 templates",
        )),
    }
}

/// A Markdown text as Typst markup, its footnotes numbered from `notes` on, and the number
/// of footnotes printed after it. Memoized: a rebuild after an edit converts only the texts
/// that changed (or moved in the numbering of the footnotes); the cache is cleared with
/// Typst's.
#[comemo::memoize]
fn typst_markup(text: &str, prefix: &str, lang: Option<&str>, notes: usize) -> (String, usize) {
    let mut notes = notes;
    let markup = markup::doc(&markdown::parse(text), prefix, lang, &mut notes);
    (markup, notes)
}

/// The wording a page's Markdown is written with (its footnotes' labels for screen
/// readers): the version's catalogue, English without one. Hashed by what distinguishes
/// catalogues, for the memoized [`html_text`].
struct Words(Option<std::sync::Arc<crate::catalogue::Catalogue>>);

impl std::hash::Hash for Words {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.as_ref().map(|c| c.fingerprint()).hash(state);
    }
}

impl Words {
    fn get(&self, key: &str, number: Option<usize>) -> Option<String> {
        let args: Vec<(&str, Arg)> = number
            .map(|n| ("number", Arg::Number(n)))
            .into_iter()
            .collect();
        Some(self.0.as_ref()?.get(key, &args))
    }
}

/// A Markdown text as HTML, its footnotes' ids after `prefix`. Memoized: a rebuild after an
/// edit converts only the texts that changed (the whole report's page prints them all).
#[comemo::memoize]
fn html_text(text: &str, prefix: &str, words: &Words) -> String {
    html_markup(&markdown::parse(text), prefix, words)
}

fn html_markup(doc: &markdown::Doc, prefix: &str, words: &Words) -> String {
    // Screen-reader labels in the page's language (English only without a `t`).
    let footnote = |n: usize| {
        words
            .get("site-footnote", Some(n))
            .unwrap_or_else(|| format!("Footnote {n}"))
    };
    let labels = html::markup::Labels {
        footnote: &footnote,
        back: words
            .get("site-footnote-back", None)
            .unwrap_or_else(|| "Back to the text".into()),
    };
    html::markup::doc(doc, prefix, &labels)
}

/// `{{ id|label }}`: a Typst label `<id>`; only letters, digits and `-` are accepted.
fn label(text: &str) -> Result<Value, Error> {
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        Ok(Value::from_safe_string(format!("<{text}>")))
    } else {
        Err(Error::new(
            ErrorKind::InvalidOperation,
            format!("{text:?} cannot be a label: use only letters, digits and -"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use minijinja::context;

    fn render(template: &str, ctx: Value) -> String {
        let mut templates = Templates::builtin();
        templates.set(TemplateFile {
            name: "t.typ.j2".into(),
            source: template.into(),
            shown: "t".into(),
        });
        let env = templates.typst(false);
        let (mut sources, mut diags) = (Sources::new(), Diagnostics::new());
        let out = templates.render(&env, "t.typ.j2", ctx, &mut sources, &mut diags);
        out.unwrap_or_else(|| sources.render_plain(&diags))
    }

    #[test]
    fn values_become_typst_strings_and_never_code() {
        let out = render(
            "{{ a }} {{ n }} {{ b|str }} {{ id|label }}",
            context! { a => "#read(\"/etc/passwd\") {{ 7*7 }}", n => 74, b => "x\"y", id => "reply-cri" },
        );
        assert_eq!(
            out,
            r##"#"#read(\"/etc/passwd\") {{ 7*7 }}"; 74 "x\"y" <reply-cri>"##
        );
    }

    #[test]
    fn markdown_filter_gives_markup_with_string_leaves() {
        let out = render("{{ body|markdown }}", context! { body => "*a* <b>" });
        assert_eq!(out, "#emph[#\"a\";]#\" <b>\";");
    }

    #[test]
    fn template_errors_name_the_template_and_line() {
        let out = render("line one\n{{ missing.field }}", context! {});
        assert!(out.contains("template error"), "{out}");
        assert!(out.contains("t:2:"), "{out}");
    }

    #[test]
    fn every_file_of_templates_is_built_in() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if name != "README.md" {
                assert!(
                    DEFAULTS.iter().any(|(n, _)| *n == name),
                    "templates/{name} is not in DEFAULTS"
                );
            }
        }
    }

    #[test]
    fn labels_refuse_anything_but_simple_ids() {
        let out = render("{{ id|label }}", context! { id => "x> #eval" });
        assert!(out.contains("cannot be a label"), "{out}");
    }
}
