//! Typst's compile loop, started from what the previous build found out.
//!
//! Typst lays a document out again and again until every introspection (page numbers in
//! the contents, "n/N" in the footers, footnote numbers) gives the same answer as the
//! layout it produced. `typst::compile` starts that loop from an empty introspector, so a
//! report needs at least two layouts: one that knows nothing, and one with the real page
//! numbers that confirms them. (The template sees to it that the first already has the
//! lines and pages of the last: numbers it can know are printed as they are, and the
//! Contents is written from the data; otherwise a third layout follows.) A rebuild after a
//! small edit usually has the same page numbers as the build before it, so starting from
//! the previous build's introspector needs one layout that confirms them, and a second
//! only when something moved.
//!
//! The loop below is `typst::compile`'s, with that starting point, and it counts its
//! layouts. It stops at the same kind of fixed point (a layout whose introspections all
//! agree with itself). A document that fails, or does not settle within Typst's number of
//! layouts, is handed to `typst::compile` (which finds most of the work in its caches), so
//! that errors and convergence warnings are Typst's own.

use std::sync::Arc;
use std::time::{Duration, Instant};

use typst::World;
use typst::comemo::{self, Track};
use typst::diag::{SourceResult, Warned};
use typst::engine::{Engine, Route, Sink, Traced};
use typst::foundations::{Output, StyleChain, Target, TargetElem};
use typst::introspection::{EmptyIntrospector, Introspector, MAX_ITERS};
use typst::utils::Protected;
use typst_layout::{PagedDocument, PagedIntrospector};

/// What a build remembers for the next one: the page numbers, counters and positions its
/// layout found.
pub type Start = Arc<PagedIntrospector>;

/// How the layout went, for `-v`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Passes {
    /// Layouts of these durations, starting from nothing.
    Cold(Vec<Duration>),
    /// Layouts of these durations, starting from the previous build.
    Warm(Vec<Duration>),
    /// Handed to `typst::compile` (an error, or no fixed point).
    Typst,
}

impl std::fmt::Display for Passes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (times, from) = match self {
            Passes::Cold(times) => (times, "from scratch"),
            Passes::Warm(times) => (times, "starting from the previous build's page numbers"),
            Passes::Typst => return f.write_str("handed to Typst's own compile loop"),
        };
        let n = times.len();
        let plural = if n == 1 { "" } else { "es" };
        let times: Vec<String> = times
            .iter()
            .map(|t| format!("{:.0} ms", t.as_secs_f64() * 1e3))
            .collect();
        write!(f, "{n} pass{plural} {from} ({})", times.join(", "))
    }
}

/// Compiles `world`'s main source into a paged document, starting the introspection loop
/// from `start` when given (the introspector of the previous build's document).
pub fn compile(
    world: &dyn World,
    start: Option<&Start>,
) -> (Warned<SourceResult<PagedDocument>>, Passes) {
    let mut sink = Sink::new();
    let from: &dyn Introspector = match start {
        Some(start) => start.as_ref(),
        None => &EmptyIntrospector,
    };
    match settle(world, from, &mut sink) {
        Some((document, times)) => {
            let warned = Warned {
                output: Ok(document),
                warnings: sink.warnings(),
            };
            let passes = match start {
                Some(_) => Passes::Warm(times),
                None => Passes::Cold(times),
            };
            (warned, passes)
        }
        None => (typst::compile(world), Passes::Typst),
    }
}

/// Evaluates the main source and lays it out from `from` until the layout agrees with
/// itself: the document and how long each layout took, or `None` if it failed or did not
/// settle. The first layout's duration includes evaluating the source.
fn settle(
    world: &dyn World,
    from: &dyn Introspector,
    sink: &mut Sink,
) -> Option<(PagedDocument, Vec<Duration>)> {
    let mut start = Instant::now();
    let mut times = Vec::new();
    let world = world.track();
    let traced = Traced::default();
    let traced = traced.track();
    let library = world.library();
    let base = StyleChain::new(&library.styles);
    let target = TargetElem::target.set(Target::Paged).wrap();
    let styles = base.chain(&target);

    let main = world.source(world.main()).ok()?;
    let content = typst_eval::eval(
        world,
        library,
        traced,
        sink.track_mut(),
        Route::default().track(),
        &main,
    )
    .ok()?
    .content();

    let mut last: Option<Arc<PagedIntrospector>> = None;
    for _ in 0..MAX_ITERS {
        let introspector: &dyn Introspector = match &last {
            Some(last) => last.as_ref(),
            None => from,
        };
        let constraint = comemo::Constraint::new();
        let mut subsink = Sink::new();
        let mut engine = Engine {
            library,
            world,
            introspector: Protected::new(introspector.track_with(&constraint)),
            traced,
            sink: subsink.track_mut(),
            route: Route::default(),
        };
        let document = PagedDocument::create(&mut engine, &content, styles).ok()?;
        times.push(std::mem::replace(&mut start, Instant::now()).elapsed());
        if constraint.validate(document.introspector().as_ref() as &dyn Introspector) {
            sink.extend_from_sink(subsink);
            if !sink.delayed().is_empty() {
                return None;
            }
            return Some((document, times));
        }
        last = Some(document.introspector().clone());
    }
    None
}
