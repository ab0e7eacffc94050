//! Typst's compile loop, started from what the previous build found out.
//!
//! Typst lays a document out again and again until every introspection (page numbers in
//! the contents, "n/N" in the footers, footnote numbers) gives the same answer as the
//! layout it produced. `typst::compile` starts that loop from an empty introspector, so a
//! report needs three layouts: one that knows nothing, one with the real page numbers,
//! and one that confirms them. A rebuild after a small edit usually has the same page
//! numbers as the build before it, so starting from the previous build's introspector
//! needs one layout that confirms them, and a second only when something moved.
//!
//! The loop below is `typst::compile`'s, with that starting point, and it counts its
//! layouts. It stops at the same kind of fixed point (a layout whose introspections all
//! agree with itself). A document that fails, or does not settle within Typst's number of
//! layouts, is handed to `typst::compile` (which finds most of the work in its caches), so
//! that errors and convergence warnings are Typst's own.

use std::sync::Arc;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Passes {
    /// This many layouts, starting from nothing.
    Cold(usize),
    /// This many layouts, starting from the previous build.
    Warm(usize),
    /// Handed to `typst::compile` (an error, or no fixed point).
    Typst,
}

impl std::fmt::Display for Passes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: &usize| if *n == 1 { "" } else { "es" };
        match self {
            Passes::Cold(n) => write!(f, "{n} pass{} from scratch", plural(n)),
            Passes::Warm(n) => write!(
                f,
                "{n} pass{}, starting from the previous build's page numbers",
                plural(n)
            ),
            Passes::Typst => f.write_str("handed to Typst's own compile loop"),
        }
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
        Some((document, n)) => {
            let warned = Warned {
                output: Ok(document),
                warnings: sink.warnings(),
            };
            let passes = match start {
                Some(_) => Passes::Warm(n),
                None => Passes::Cold(n),
            };
            (warned, passes)
        }
        None => (typst::compile(world), Passes::Typst),
    }
}

/// Evaluates the main source and lays it out from `from` until the layout agrees with
/// itself: the document and the number of layouts, or `None` if it failed or did not
/// settle.
fn settle(
    world: &dyn World,
    from: &dyn Introspector,
    sink: &mut Sink,
) -> Option<(PagedDocument, usize)> {
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
    for pass in 1..=MAX_ITERS {
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
        if constraint.validate(document.introspector().as_ref() as &dyn Introspector) {
            sink.extend_from_sink(subsink);
            if !sink.delayed().is_empty() {
                return None;
            }
            return Some((document, pass));
        }
        last = Some(document.introspector().clone());
    }
    None
}
