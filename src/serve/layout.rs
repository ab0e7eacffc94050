//! The live side of `report serve`: the sites of a build served from memory as soon as
//! they are rendered; each version's pages as SVG, from the very layout its PDF is
//! exported from, made again only where a page changed; and the PDFs exported on a thread
//! of their own, the newest layout of each version only, so that no save waits for one.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};

use hyper::body::Bytes;
use typst::introspection::Introspector;

use super::{State, failed_event, lock, send};
use crate::files::OutputFiles;
use crate::render::live::{self, LaidOut, Live};
use crate::write;

/// A page of the layout preview.
pub(super) struct Page {
    pub hash: u128,
    /// Made when first asked for, unless the page changed in a rebuild (then at once).
    pub svg: Option<Bytes>,
    /// Its size in points.
    pub width: f64,
    pub height: f64,
}

/// One version's layout, as the preview shows it.
#[derive(Default)]
pub(super) struct Layout {
    pub rtl: bool,
    /// Its site's folder in the output (`html`, `fr/html`).
    pub site: Option<String>,
    /// The layout the pages are from (the pages not yet made are made from it).
    pub document: Option<Arc<typst_layout::PagedDocument>>,
    pub pages: Vec<Page>,
    /// The page each reply's heading is on, by ISO code, in page order.
    pub replies: Vec<(usize, String)>,
    /// When its PDF was last written (milliseconds since 1970), if it was.
    pub pdf_at: Option<u128>,
}

/// The live state: sites and layouts of the last build, the PDFs waiting for export.
#[derive(Default)]
pub(super) struct Shared {
    /// Each built site's files, by path in the output (served before the output has them).
    pub sites: Mutex<Option<OutputFiles>>,
    pub layouts: Mutex<BTreeMap<String, Layout>>,
    /// The newest layout of each version not yet exported, with the build that made it.
    pending: Mutex<HashMap<String, (u64, LaidOut)>>,
    wake: Condvar,
    /// The outcome of each build so far (true: written), the first build first.
    builds: Mutex<Vec<bool>>,
    built: Condvar,
    /// PDFs exported and written, for the status and the tests.
    pub exports: Mutex<u64>,
}

impl Shared {
    /// Records that the build numbered `n` (from 1) ended, written or not.
    pub fn build_ended(&self, n: u64, written: bool) {
        let mut builds = lock(&self.builds);
        builds.resize(n as usize, false);
        if let Some(last) = builds.last_mut() {
            *last = written;
        }
        self.built.notify_all();
    }

    /// Whether build `n` wrote its output, once it has ended.
    fn wait_for_build(&self, n: u64) -> bool {
        let mut builds = lock(&self.builds);
        while (builds.len() as u64) < n {
            builds = self
                .built
                .wait(builds)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        builds.get(n as usize - 1).copied().unwrap_or(false)
    }
}

/// What the build loop hands the preview.
pub(super) struct Handle(pub Arc<State>);

impl Live for Handle {
    fn sites(&self, files: &OutputFiles) {
        let state = &self.0;
        *lock(&state.live.sites) = Some(files.clone());
        *lock(&state.site_sent) = true;
        send(state, "event: site\ndata: ok\n\n".into());
    }

    fn export(&self, version: LaidOut) {
        let state = &self.0;
        // The export starts at once, on its thread, while the pages that changed are made
        // here: the two share the machine's cores with nothing else by now.
        let build = *lock(&state.builds) + 1;
        lock(&state.live.pending).insert(version.lang.clone(), (build, version));
        state.live.wake.notify_all();
    }

    fn laid_out(&self, version: LaidOut) {
        let state = &self.0;
        let (changed, hashes) = pages(state, &version);
        let hashes: Vec<String> = hashes.iter().map(|h| format!("{h:x}")).collect();
        let event = serde_json::json!({
            "lang": version.lang,
            "count": hashes.len(),
            "changed": changed,
            "hashes": hashes,
        });
        send(state, format!("event: pages\ndata: {event}\n\n"));
    }
}

/// Renders the pages of `version` that differ from the preview's (by a hash of each), and
/// keeps them with where its replies start: which pages changed (from 1), and the hash of
/// each page.
fn pages(state: &State, version: &LaidOut) -> (Vec<usize>, Vec<u128>) {
    let document = &version.document;
    let before: Vec<u128> = lock(&state.live.layouts)
        .get(&version.lang)
        .map(|l| l.pages.iter().map(|p| p.hash).collect())
        .unwrap_or_default();
    // A version's first layout: its pages are made as they are asked for.
    let first = before.is_empty();
    let mut changed = Vec::new();
    let mut made: Vec<Option<Page>> = Vec::new();
    for (i, page) in document.pages().iter().enumerate() {
        let hash = typst::utils::hash128(page);
        if before.get(i) == Some(&hash) {
            made.push(None);
            continue;
        }
        changed.push(i + 1);
        made.push(Some(Page {
            hash,
            svg: (!first).then(|| svg(page)),
            width: page.frame.width().to_pt(),
            height: page.frame.height().to_pt(),
        }));
    }
    let introspector = document.introspector();
    let mut replies: Vec<(usize, String)> = introspector
        .query_labelled()
        .iter()
        .filter_map(|content| {
            let label = content.label()?.resolve();
            let iso3 = label.as_str().strip_prefix("reply-")?.to_string();
            let page = introspector.page(content.location()?)?;
            Some((page.get(), iso3))
        })
        .collect();
    replies.sort();
    let mut layouts = lock(&state.live.layouts);
    let layout = layouts.entry(version.lang.clone()).or_default();
    let old = std::mem::take(&mut layout.pages);
    let mut old = old.into_iter();
    layout.pages = made
        .into_iter()
        .map(|page| {
            let kept = old.next();
            page.or(kept).expect("an unchanged page was there before")
        })
        .collect();
    layout.rtl = version.rtl;
    layout.site.clone_from(&version.site);
    layout.document = Some(Arc::clone(document));
    layout.replies = replies;
    (changed, layout.pages.iter().map(|p| p.hash).collect())
}

/// A page as SVG.
fn svg(page: &typst_layout::Page) -> Bytes {
    Bytes::from(typst_svg::svg(page, &typst_svg::SvgOptions::default()))
}

/// Exports the PDFs handed over, for ever: the newest layout of a version only, and only
/// once the build that made it wrote its output; then replaces the output's PDF.
pub(super) fn exporter(state: Arc<State>, out: PathBuf) {
    loop {
        let (lang, (build, version)) = {
            let mut pending = lock(&state.live.pending);
            loop {
                let next = pending.keys().next().cloned();
                if let Some(lang) = next
                    && let Some(job) = pending.remove(&lang)
                {
                    break (lang, job);
                }
                pending = state
                    .live
                    .wake
                    .wait(pending)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
            }
        };
        // A pause before each export, for tests that save during one (never set otherwise).
        if let Some(ms) = std::env::var("REPORT_EXPORT_PAUSE_MS")
            .ok()
            .and_then(|ms| ms.parse::<u64>().ok())
        {
            std::thread::sleep(std::time::Duration::from_millis(ms.min(60_000)));
        }
        let exported = live::export(&version);
        let path = version.pdf.clone();
        drop(version);
        let newer = || lock(&state.live.pending).contains_key(&lang);
        // A newer layout of the version came during the export, or the build failed:
        // this PDF is not written.
        if newer() || !state.live.wait_for_build(build) {
            continue;
        }
        let pdf = match exported {
            Ok(pdf) => pdf,
            Err(problems) => {
                let text = format!(
                    "error: the PDF of the {lang} version cannot be written:\n{}",
                    problems.join("\n")
                );
                *lock(&state.failure) = Some(text.clone());
                send(&state, failed_event(&text));
                continue;
            }
        };
        let Ok(held) = write::OutputLock::acquire(&out, &mut |_| {}) else {
            continue;
        };
        if newer() {
            continue;
        }
        if write::replace_file(&out, path.as_ref(), &pdf, &held).is_err() {
            continue;
        }
        drop(held);
        let at = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        if let Some(layout) = lock(&state.live.layouts).get_mut(&lang) {
            layout.pdf_at = Some(at);
        }
        *lock(&state.live.exports) += 1;
        let event = serde_json::json!({ "lang": lang, "path": path, "at": at });
        send(&state, format!("event: pdf\ndata: {event}\n\n"));
    }
}

/// The place in the layout preview that a page of a site shows: a reply's page leads to
/// the page its heading is on, any other to the version's first page.
pub(super) fn place_of(state: &State, rel: &std::path::Path) -> Option<String> {
    let rel = rel.to_string_lossy();
    let layouts = lock(&state.live.layouts);
    layouts.iter().find_map(|(lang, layout)| {
        let site = layout.site.as_deref()?;
        let inside = rel.strip_prefix(site)?.strip_prefix('/')?;
        let page = inside
            .strip_prefix("states/")
            .and_then(|page| page.strip_suffix(".html"))
            .and_then(|iso3| layout.replies.iter().find(|(_, r)| r == iso3))
            .map_or(1, |(page, _)| *page);
        Some(format!("/__report/layout/{lang}#page-{page}"))
    })
}

/// `/__report/layout/LANG`: the version's pages; `/__report/layout/LANG/N.svg`: one page.
pub(super) fn answer(state: &State, path: &str) -> hyper::Response<super::Body> {
    use super::{StatusCode, plain, respond};
    let rest = path.trim_start_matches("/__report/layout/");
    let (lang, page) = match rest.split_once('/') {
        Some((lang, page)) => (lang, Some(page)),
        None => (rest, None),
    };
    let mut layouts = lock(&state.live.layouts);
    let Some(layout) = layouts.get_mut(lang) else {
        return plain(
            StatusCode::NOT_FOUND,
            "no layout of that version yet: it is shown once the version is laid out\n",
        );
    };
    match page {
        Some(page) => {
            let n: Option<usize> = page.strip_suffix(".svg").and_then(|n| n.parse().ok());
            let i = n.map_or(usize::MAX, |n| n.wrapping_sub(1));
            let document = layout.document.clone();
            let Some(page) = layout.pages.get_mut(i) else {
                return plain(StatusCode::NOT_FOUND, "no such page\n");
            };
            if page.svg.is_none() {
                page.svg = document.and_then(|d| d.pages().get(i).map(svg));
            }
            match &page.svg {
                Some(svg) => respond(StatusCode::OK, "image/svg+xml", svg.to_vec()),
                None => plain(StatusCode::NOT_FOUND, "no such page\n"),
            }
        }
        None => {
            let layout = &layouts[lang];
            let script = super::live_script(state, lang, None);
            let html = page_list(lang, layout, &layouts, &script);
            respond(
                StatusCode::OK,
                "text/html; charset=utf-8",
                html.into_bytes(),
            )
        }
    }
}

/// The layout preview of one version: its pages one under the other, each with its
/// number and a link to the site's page of the reply it shows; the other versions named.
fn page_list(lang: &str, layout: &Layout, all: &BTreeMap<String, Layout>, script: &str) -> String {
    use crate::render::html::markup::escape;
    use std::fmt::Write as _;
    let dir = if layout.rtl { "rtl" } else { "ltr" };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{lang} · layout</title>\n<style>\n\
         body {{ margin: 0; background: #555; font: 13px/1.4 sans-serif; }}\n\
         nav {{ position: sticky; top: 0; z-index: 2; background: #333; color: #fff; padding: .4em 1em; }}\n\
         nav a {{ color: #fff; margin-inline-end: .8em; }}\n\
         nav a[aria-current] {{ font-weight: bold; text-decoration: none; }}\n\
         #report-pages {{ display: flex; flex-direction: column; align-items: center; gap: 1.2em; padding: 1.2em; }}\n\
         figure {{ margin: 0; width: min(100%, 900px); }}\n\
         figure img {{ display: block; width: 100%; height: auto; background: #fff; box-shadow: 0 1px 6px #0008; }}\n\
         figcaption {{ color: #fff; padding: .2em 0; }}\n\
         figcaption a {{ color: #fff; }}\n\
         </style>\n</head>\n<body>\n<nav>"
    );
    for other in all.keys() {
        let current = if other == lang {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<a href=\"/__report/layout/{0}\" lang=\"{0}\"{current}>{0}</a>",
            escape(other)
        );
    }
    out.push_str("</nav>\n");
    let _ = writeln!(
        out,
        "<main id=\"report-pages\" data-lang=\"{}\">",
        escape(lang)
    );
    for (i, page) in layout.pages.iter().enumerate() {
        let n = i + 1;
        // The replies this page shows: those starting on it, else the one going on.
        let starting: Vec<&String> = layout
            .replies
            .iter()
            .filter(|(start, _)| *start == n)
            .map(|(_, iso3)| iso3)
            .collect();
        let shown = match starting.is_empty() {
            true => layout
                .replies
                .iter()
                .rev()
                .find(|(start, _)| *start < n)
                .map(|(_, iso3)| iso3)
                .into_iter()
                .collect(),
            false => starting,
        };
        let _ = write!(
            out,
            "<figure id=\"page-{n}\"><figcaption><a href=\"#page-{n}\">{n}</a>"
        );
        if let Some(site) = &layout.site {
            for iso3 in shown {
                let _ = write!(
                    out,
                    " · <a href=\"/{}/states/{}.html\">{}</a>",
                    escape(site),
                    escape(iso3),
                    escape(&iso3.to_uppercase())
                );
            }
        }
        let _ = writeln!(
            out,
            "</figcaption><img src=\"/__report/layout/{}/{n}.svg?h={:x}\" width=\"{:.0}\" \
             height=\"{:.0}\" alt=\"{n}\"></figure>",
            escape(lang),
            page.hash,
            page.width,
            page.height
        );
    }
    let _ = write!(out, "</main>\n{script}\n</body>\n</html>\n");
    out
}
