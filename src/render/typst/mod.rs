//! A worded version of the report -> `report.typ` (through the Typst templates) -> `report.pdf`, with the
//! typst compiler embedded as a library.
//!
//! Before typesetting, every character of the replies is checked against the fonts, since
//! Typst draws a missing glyph as an empty box without a word. Typst's own diagnostics are
//! shown against the generated source; they can only point at templates, because reply
//! text reaches Typst as string values only.

mod compile;
pub mod fonts;
mod glyphs;
pub mod markup;
pub mod worker;
pub mod world;

use std::collections::BTreeSet;

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::Datetime;
use typst::syntax::Source;

use crate::codes::Code;
use crate::config::{Paper, PdfOutput};
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics, FileId, Sources};
use crate::load::{FontFile, Project};
use crate::render::live::{LaidOut, Live, pdf_options};
use crate::render::templates::{self, Templates};
use crate::timing::Timings;
use crate::wording::Version;
use fonts::Fonts;
use std::sync::Arc;
use typst_layout::PagedDocument;
use world::ReportWorld;

/// The template the Typst source is generated from.
pub const TEMPLATE: &str = "report.typ.j2";

/// The most marks a redline's version may hold: each is some ten elements to lay out
/// (its two ends, their bars, the underline or strike), and 6,000 of them weigh about what
/// the typesetting budget allows a version (`render::cost`).
const MOST_MARKS: usize = 6_000;

/// The Typst functions a redline's marks call (see `redline` and `markup::open_mark`),
/// written before the template's document.
pub const REDLINE: &str = include_str!("../../../assets/redline.typ");

/// What the Typst stage produced.
pub struct TypstOutput {
    /// The generated source, written to `output/report.typ`.
    pub source: String,
    /// `None` if typesetting failed (the errors are in the diagnostics), or if the layout
    /// was handed to a live preview.
    pub pdf: Option<Vec<u8>>,
    /// The layout was handed to a live preview, which exports the PDF.
    pub handed: bool,
}

/// Typst's state kept between builds: the fonts; the last source, which a rebuild edits in
/// place so Typst re-parses and re-lays out only what changed (its caches live for the
/// process; [`Typesetter::typeset`] keeps only what the last build used); and the page
/// numbers the last layout found, where the next one starts (see `compile.rs`).
pub struct Typesetter {
    fonts: Fonts,
    /// The font files `fonts` was made from.
    font_files: Vec<FontFile>,
    source: Option<Source>,
    /// What the last successful build's layout found out (page numbers and counters),
    /// where the next build starts its introspection loop.
    start: Option<compile::Start>,
    /// The last PDF, when Typst had nothing to say about it: a build with the same Typst
    /// source (only an HTML template changed, say) writes it again without typesetting.
    last_pdf: Option<LastPdf>,
    /// What the last PDF was made from (see [`render`]'s `made_from`) and the characters
    /// that had no glyph: a rebuild whose version did not change writes the last PDF
    /// again without even making its Typst source.
    last_made: Option<(u64, BTreeSet<char>)>,
    /// Whether a typesetting keeps what Typst remembers of it (for the next build), dropping
    /// only older entries. Off when the caller clears Typst's caches itself.
    pub keeps_caches: bool,
    /// The program to typeset in (this one, as a worker process: see [`worker`]), for a
    /// build that keeps nothing; `None`: in this process.
    pub worker: Option<std::path::PathBuf>,
    /// The language of the version it typesets, for its messages.
    pub lang: String,
    /// Whether its last build laid the version out in this process: what Typst remembers
    /// of that layout is what a next build of the version reuses.
    pub laid_out: bool,
    /// A live preview to hand the layout to, with the version's PDF and site paths and
    /// direction: the preview exports the PDF, not this build (see `render::live`).
    pub live: Option<(Arc<dyn Live>, LiveTarget)>,
}

/// Where a version's files go and how it reads, for a live preview (see [`LaidOut`]).
#[derive(Debug, Clone, Default)]
pub struct LiveTarget {
    pub pdf: String,
    pub site: Option<String>,
    pub rtl: bool,
}

struct LastPdf {
    symbol: String,
    date: Date,
    /// `None`: the layout was handed to a live preview, which exports it.
    pdf: Option<Vec<u8>>,
}

impl LastPdf {
    fn again(&self) -> Typeset {
        match &self.pdf {
            Some(pdf) => Typeset::Pdf(pdf.clone()),
            None => Typeset::Handed,
        }
    }
}

impl Typesetter {
    /// Parses the fonts the project asks for (the embedded ones and the `font-dirs` files
    /// the load stage read).
    pub fn new(project: &Project, diags: &mut Diagnostics) -> Typesetter {
        let (fonts, bad) = Fonts::with_files(&project.fonts);
        for b in bad {
            diags.push(Diagnostic::warning_nowhere(
                Code::FontNotUsed,
                format!("{}: font not used: {}", b.path, b.reason),
            ));
        }
        Typesetter {
            fonts,
            font_files: project.fonts.clone(),
            source: None,
            start: None,
            last_pdf: None,
            last_made: None,
            keeps_caches: true,
            worker: None,
            lang: String::new(),
            laid_out: false,
            live: None,
        }
    }

    /// Whether a build of the version from `made_from` (see [`render`]) lays it out: not
    /// when its last PDF was made from the same, which is written again as it is.
    pub fn would_lay_out(&self, project: &Project, made_from: Option<u64>, date: Date) -> bool {
        let made = made_key(project, made_from, date);
        !matches!(
            (made, &self.last_made, &self.source, &self.last_pdf),
            (Some(made), Some((last, _)), Some(_), Some(_)) if made == *last
        )
    }

    /// Whether this typesetter was made from these font files.
    pub fn fits(&self, font_files: &[FontFile]) -> bool {
        self.font_files == font_files
    }

    pub fn fonts(&self) -> &Fonts {
        &self.fonts
    }

    /// Typesets `text`, reusing what Typst remembers of the previous source.
    #[allow(clippy::too_many_arguments)]
    pub fn typeset(
        &mut self,
        text: &str,
        symbol: &str,
        date: Date,
        sources: &mut Sources,
        diags: &mut Diagnostics,
        timings: &mut Timings,
    ) -> Typeset {
        if let (Some(source), Some(last)) = (&self.source, &self.last_pdf)
            && source.text() == text
            && last.symbol == symbol
            && last.date == date
        {
            timings.note(
                "skipped: the Typst source did not change, the previous PDF is written again",
            );
            return last.again();
        }
        if let Some(program) = self.worker.as_ref().filter(|_| !self.keeps_caches) {
            let job = worker::Job {
                source: text,
                symbol,
                date,
                fonts: &self.font_files,
            };
            // "worker": the whole of it, with the start of the process and the transfers.
            match timings.time("worker", || worker::typeset(program, &job)) {
                Ok((typesetting, worker_timings)) => {
                    timings.extend(worker_timings);
                    return typesetting.report(&self.lang, text, sources, diags);
                }
                // A worker that cannot start (or is another build of report) leaves the
                // work to this process, which clears Typst's caches after it.
                Err(worker::Failure::Start(why)) => timings.note(format!(
                    "typeset in this process: no worker process ({why})"
                )),
                Err(worker::Failure::Crashed(why)) => {
                    diags.push(internal_error(&self.lang, &why));
                    return Typeset::Failed;
                }
            }
        }
        let before = diags.len();
        self.laid_out = true;
        let source = timings.time("parse", || match &mut self.source {
            Some(source) => {
                source.replace(text);
                source.clone()
            }
            None => self
                .source
                .insert(Source::new(*world::MAIN, text.to_string()))
                .clone(),
        });
        let lang = &self.lang;
        let hand = self.live.as_ref().map(|(live, target)| {
            let laid_out = move |document, today| LaidOut {
                lang: lang.clone(),
                pdf: target.pdf.clone(),
                site: target.site.clone(),
                rtl: target.rtl,
                symbol: symbol.to_string(),
                today,
                document,
            };
            (&**live, laid_out)
        });
        let (typesetting, start) = typeset_source(
            source,
            &self.fonts,
            symbol,
            date,
            self.start.as_ref(),
            hand.as_ref()
                .map(|(live, laid_out)| (*live, laid_out as &MakeLaidOut)),
            timings,
        );
        let pdf = typesetting.report(&self.lang, text, sources, diags);
        if self.worker.is_some() && !self.keeps_caches {
            // Typeset here for want of a worker: nothing of it is needed again.
            typst::comemo::evict(0);
        }
        if start.is_some() && self.keeps_caches {
            self.start = start;
        }
        let made = match &pdf {
            Typeset::Pdf(pdf) => Some(Some(pdf.clone())),
            Typeset::Handed => Some(None),
            _ => None,
        };
        self.last_pdf = match made {
            Some(pdf) if diags.len() == before && self.keeps_caches => Some(LastPdf {
                symbol: symbol.to_string(),
                date,
                pdf,
            }),
            _ => None,
        };
        pdf
    }
}

/// Makes what a live preview is handed of a layout: the version's paths and the PDF's
/// settings with it.
type MakeLaidOut<'a> = dyn Fn(Arc<PagedDocument>, Datetime) -> LaidOut + 'a;

/// What typesetting gave.
pub enum Typeset {
    Pdf(Vec<u8>),
    /// Laid out and handed to a live preview, which exports the PDF (see `render::live`).
    Handed,
    /// The layout shows these characters as empty boxes: no PDF was made (a PDF/A file
    /// may not hold them); replace them and typeset again.
    Undrawn(BTreeSet<char>),
    /// Typst reported errors (in the diagnostics).
    Failed,
}

/// Generates the Typst source and typesets it. `made_from`, when the caller knows it, is a
/// hash of all the source is made from but the paper and the date (the version's data and
/// wording, the templates): a typesetter that made its last PDF from the same writes it
/// again at once.
#[allow(clippy::too_many_arguments)]
pub fn render(
    project: &Project,
    version: &Version,
    templates: &Templates,
    date: Date,
    made_from: Option<u64>,
    typesetter: &mut Typesetter,
    sources: &mut Sources,
    diags: &mut Diagnostics,
    timings: &mut Timings,
) -> Option<TypstOutput> {
    let pdf_config = project.config.pdf.as_ref()?;
    let paper = paper_of(pdf_config);
    let made_from = made_key(project, made_from, date);
    let texts = project.texts();
    let inputs: Vec<FileId> = version
        .replies
        .iter()
        .filter_map(|r| texts.get(r.text_file.as_str()).map(|t| t.file))
        .chain(std::iter::once(project.config.file))
        .collect();
    let template = templates
        .get(TEMPLATE)
        .map_or(("", ""), |t| (t.shown.as_str(), t.source.as_str()));
    if let (Some(made), Some((last, missing)), Some(source), Some(last_pdf)) = (
        made_from,
        &typesetter.last_made,
        &typesetter.source,
        &typesetter.last_pdf,
    ) && made == *last
    {
        timings.note(
            "skipped: the Typst source did not change, the previous PDF is written again (the version and the templates are as they were)",
        );
        glyphs::report(missing, &inputs, template, sources, diags);
        return Some(TypstOutput {
            source: source.text().to_string(),
            pdf: last_pdf.pdf.clone(),
            handed: last_pdf.pdf.is_none(),
        });
    }
    let context = templates::context(version, minijinja::context! { paper => paper });
    let redline = version.marked.is_some();
    let env = templates.typst(redline);
    let mut source = timings.time("typst template", || {
        templates.render(&env, TEMPLATE, context, sources, diags)
    })?;
    if redline {
        // Each mark costs the typesetter some ten elements: a redline may not mark more
        // than the budget of a version holds.
        let marks = source.matches("#rl-").count();
        if marks > MOST_MARKS {
            diags.push(
                Diagnostic::error_nowhere(
                    Code::TooCostly,
                    format!(
                        "the redline of {} marks {marks} changes, more than the {MOST_MARKS} \
                         that can be typeset",
                        version_name(&typesetter.lang)
                    ),
                )
                .help("compare with a nearer base (--since), or build the draft without --since"),
            );
            return None;
        }
        // The functions the marks call, before whatever the template writes.
        let rtl = version.dir == "rtl";
        source = format!("#let rl-rtl = {rtl}\n{REDLINE}\n{source}");
    }
    // Every character typeset must have a glyph. Those no font has are replaced before
    // typesetting; those Typst still draws as empty boxes (its font fallback is narrower
    // than any font having the character) are found in the layout, replaced too, and the
    // source typeset again. They are reported in the replies of this build, book.toml or
    // the template, where they come from.
    let mut missing = timings.time("glyph check", || {
        glyphs::missing(&source, typesetter.fonts())
    });
    let mut typeset = glyphs::replace(&source, &missing);
    let (mut pdf, mut handed) = (None, false);
    for round in 0..3 {
        let mut round_diags = Diagnostics::new();
        let result = typesetter.typeset(
            &typeset,
            &version.report.masthead.symbol,
            date,
            sources,
            &mut round_diags,
            timings,
        );
        match result {
            Typeset::Pdf(bytes) => {
                pdf = Some(bytes);
                diags.extend(round_diags);
                break;
            }
            Typeset::Handed => {
                handed = true;
                diags.extend(round_diags);
                break;
            }
            Typeset::Undrawn(chars) if round < 2 && !chars.is_subset(&missing) => {
                missing.extend(chars);
                typeset = glyphs::replace(&source, &missing);
            }
            Typeset::Undrawn(chars) => {
                diags.extend(round_diags);
                diags.push(Diagnostic::error_nowhere(
                    Code::UndrawnGlyph,
                    format!(
                        "typesetting {}: {} still print as empty boxes after being replaced",
                        version_name(&typesetter.lang),
                        chars
                            .iter()
                            .map(|c| format!("U+{:04X}", *c as u32))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
                break;
            }
            Typeset::Failed => {
                diags.extend(round_diags);
                break;
            }
        }
    }
    glyphs::report(&missing, &inputs, template, sources, diags);
    typesetter.last_made = match (pdf.is_some() || handed, &typesetter.last_pdf) {
        (true, Some(_)) => made_from.map(|made| (made, missing)),
        _ => None,
    };
    let source = typeset;
    Some(TypstOutput {
        source,
        pdf,
        handed,
    })
}

/// The paper size, as the template's `paper` and Typst name it.
fn paper_of(pdf: &PdfOutput) -> &'static str {
    match pdf.paper {
        Paper::A4 => "a4",
        Paper::Letter => "us-letter",
    }
}

/// What a version's PDF is made from: its Typst source's `made_from` (the worded data with
/// the templates), the paper and the date.
fn made_key(project: &Project, made_from: Option<u64>, date: Date) -> Option<u64> {
    let paper = paper_of(project.config.pdf.as_ref()?);
    made_from.map(|hash| super::hash_of(&(hash, paper, date)))
}

/// A problem Typst found, as a place in the generated source (if it has one) and words.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    pub error: bool,
    pub message: String,
    pub hints: Vec<String>,
    /// Byte offsets into the generated source.
    pub range: Option<std::ops::Range<usize>>,
}

/// What typesetting a source gave, here or in a worker process, with Typst's problems.
pub struct Typesetting {
    pub result: Typeset,
    pub problems: Vec<Problem>,
}

impl Typesetting {
    /// The result, its problems added to `diags` as the `lang` version's, shown against
    /// the generated `source`.
    pub fn report(
        self,
        lang: &str,
        source: &str,
        sources: &mut Sources,
        diags: &mut Diagnostics,
    ) -> Typeset {
        if !self.problems.is_empty() {
            let version = version_name(lang);
            let file = sources.add(
                format!("report.typ of {version} (generated from {TEMPLATE})"),
                source,
            );
            for problem in self.problems {
                diags.push(convert(problem, &version, file));
            }
        }
        self.result
    }
}

/// "the French version": which version a message of typesetting is about (six may fail
/// in one build, each with the same message).
fn version_name(lang: &str) -> String {
    match crate::language::name(lang) {
        Some(name) => format!("the {name} version"),
        None if lang.is_empty() => "the report".into(),
        None => format!("the {lang} version"),
    }
}

/// The error for the typesetting of the `lang` version that ended in a crash of Typst (a
/// panic in this process or in a worker).
pub fn internal_error(lang: &str, why: &str) -> Diagnostic {
    Diagnostic::error_nowhere(Code::Internal, format!(
        "typesetting {} stopped on an internal error of Typst: {why}",
        version_name(lang)
    ))
    .help("this is a bug of report or Typst, not a problem of the replies: report it with the files of this build; the previous output is left as it was")
}

/// Typesets `source`, starting Typst's introspection loop from `start`; gives the PDF
/// (or, with `hand`, hands the layout on instead of exporting it) and where the next build
/// can start.
#[allow(clippy::too_many_arguments)]
fn typeset_source(
    source: Source,
    fonts: &Fonts,
    symbol: &str,
    date: Date,
    start: Option<&compile::Start>,
    hand: Option<(&dyn Live, &MakeLaidOut<'_>)>,
    timings: &mut Timings,
) -> (Typesetting, Option<compile::Start>) {
    let failed = |problems| Typesetting {
        result: Typeset::Failed,
        problems,
    };
    let Some(today) = Datetime::from_ymd(i32::from(date.year), date.month, date.day) else {
        let problem = Problem {
            error: true,
            message: format!(
                "the date {date} cannot be a PDF's date: check [report] date in book.toml and SOURCE_DATE_EPOCH"
            ),
            hints: Vec::new(),
            range: None,
        };
        return (failed(vec![problem]), None);
    };
    let world = ReportWorld::new(source, fonts, today);
    let (result, passes) = timings.time("layout", || compile::compile(&world, start));
    timings.note(passes.to_string());
    let problem = |d: &SourceDiagnostic| Problem {
        error: d.severity == Severity::Error,
        message: d.message.to_string(),
        hints: d.hints.iter().map(|hint| hint.v.to_string()).collect(),
        range: world.range(d.span),
    };
    let mut problems: Vec<Problem> = result.warnings.iter().map(problem).collect();
    let document = match result.output {
        Ok(document) => document,
        Err(errors) => {
            problems.extend(errors.iter().map(problem));
            return (failed(problems), None);
        }
    };
    let next = Some(document.introspector().clone());
    if let Some((live, laid_out)) = hand {
        // A live preview exports the PDF itself, from this layout: the export starts while
        // the layout is searched for empty boxes (15 ms of a French rebuild of the
        // 193-State root), and is dropped if there are some. The pages are shown once
        // every character of them is drawn.
        let document = Arc::new(document);
        live.export(laid_out(Arc::clone(&document), today));
        let undrawn = timings.time("empty boxes", || glyphs::undrawn(&document));
        if !undrawn.is_empty() {
            let result = Typeset::Undrawn(undrawn);
            return (Typesetting { result, problems }, next);
        }
        live.laid_out(laid_out(document, today));
        let result = Typeset::Handed;
        return (Typesetting { result, problems }, next);
    }
    let options = pdf_options(symbol, today);
    // The pages are searched for empty boxes while the PDF is written (20 ms of a French
    // rebuild of the 193-State root): the PDF is dropped if there are some.
    let (undrawn, pdf) = std::thread::scope(|scope| {
        let undrawn = scope.spawn(|| {
            let start = std::time::Instant::now();
            (glyphs::undrawn(&document), start.elapsed())
        });
        let pdf = timings.time("pdf export", || typst_pdf::pdf(&document, &options));
        let undrawn = undrawn
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (undrawn, pdf)
    });
    let (undrawn, time) = undrawn;
    timings.add("empty boxes (in parallel)", time);
    timings.time("free layout", || drop(document));
    if !undrawn.is_empty() {
        let result = Typeset::Undrawn(undrawn);
        return (Typesetting { result, problems }, next);
    }
    match pdf {
        Ok(bytes) => {
            let result = Typeset::Pdf(bytes);
            (Typesetting { result, problems }, next)
        }
        Err(errors) => {
            problems.extend(errors.iter().map(problem));
            (failed(problems), None)
        }
    }
}

/// A problem Typst found as one of our diagnostics, pointing into the generated source.
fn convert(problem: Problem, version: &str, file: FileId) -> Diagnostic {
    let message = format!("typesetting {version}: {}", problem.message);
    let mut out = match (problem.range, problem.error) {
        (Some(span), true) => Diagnostic::error(Code::TypstError, file, span, message),
        (Some(span), false) => Diagnostic::warning(Code::TypstWarning, file, span, message),
        (None, true) => Diagnostic::error_nowhere(Code::TypstError, message),
        (None, false) => Diagnostic::warning_nowhere(Code::TypstWarning, message),
    };
    for hint in problem.hints {
        out = out.help(hint);
    }
    out
}
