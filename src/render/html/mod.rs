//! A worded version of the report -> `output/html/`: a static site of relative links that works from
//! `file://`, under any path of a web server and as a CI artifact.
//!
//! Pages: `index.html` (masthead, Summary, Introduction, the category overview),
//! `categories/<id>.html` per raised category, `states/<iso3>.html` per reply and
//! `print.html` with the whole report. Rust decides the pages, their order and the
//! previous/next links; the templates lay each page out. Reply text reaches the templates
//! only as escaped values or through the Markdown writer, which escapes every text leaf.

pub mod markup;
pub mod reads;

use std::collections::HashMap;
use std::sync::Arc;

use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::Serialize;

use crate::diag::{Diagnostics, Sources};
use crate::files::OutputFiles;
use crate::invisible;
use crate::language::Script;
use crate::markdown;
use crate::render::hash_of;
use crate::render::templates::{self, Templates};
use crate::wording::Version;

/// One page of the site.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// From the site's top folder, with `/` ("states/arg.html").
    pub url: String,
    pub title: String,
}

/// A language version of the site, for the language switcher of every page.
#[derive(Debug, Clone, Serialize)]
pub struct VersionLink {
    pub lang: String,
    /// The language's name in itself ("Français").
    pub name: String,
    pub dir: &'static str,
    /// From this version's site folder to that version's, ending in `/` ("../fr/html/").
    pub to: String,
    /// This is the version of the page.
    pub current: bool,
}

/// Static files copied into `assets/` as they are.
const ASSETS: &[&str] = &["style.css", "site.js"];

/// Whether the site prints Arabic, and Chinese: in its own language, or in a reply or a
/// summary printed in its original. (A machine may lack fonts for both.)
fn scripts(version: &Version) -> (bool, bool) {
    let own = crate::language::script(&version.language);
    let (mut arabic, mut cjk) = (own == Some(Script::Arabic), own == Some(Script::Chinese));
    let texts = version.replies.iter().map(|r| r.body.as_str()).chain(
        version
            .categories
            .iter()
            .flat_map(|c| c.summaries.iter().map(|s| s.summary.as_str())),
    );
    for text in texts {
        if arabic && cjk {
            break;
        }
        for c in text.chars() {
            match Script::of(c) {
                Some(Script::Arabic) => arabic = true,
                Some(Script::Chinese) => cjk = true,
                _ => {}
            }
        }
    }
    (arabic, cjk)
}

/// A script's code points as CSS writes them (`unicode-range: U+0600-06FF, ...`).
fn unicode_range(script: Script) -> String {
    let ranges: Vec<String> = script
        .ranges()
        .iter()
        .map(|(a, b)| format!("U+{a:04X}-{b:04X}"))
        .collect();
    ranges.join(", ")
}

/// `assets/fonts/`: the embedded fonts of the scripts the site prints, the language
/// switcher's own few glyphs when it has one (`labels`), their licences, and `fonts.css`,
/// which names them for the site's `--web-fonts` and the switcher (see `style.css`).
fn web_fonts(dir: &str, arabic: bool, cjk: bool, labels: bool, files: &mut OutputFiles) {
    let mut css = String::from(
        "/* Fonts for the scripts of this site, for readers whose machines lack them.\n   \
         They are under the SIL Open Font License: see the LICENSE files beside them. */\n",
    );
    let format = |name: &str| {
        if name.ends_with(".otf") {
            "opentype"
        } else {
            "truetype"
        }
    };
    let mut licences = std::collections::BTreeMap::new();
    let mut families = Vec::new();
    for (on, family, script) in [
        (arabic, "Report Arabic", Script::Arabic),
        (cjk, "Report Chinese", Script::Chinese),
    ] {
        if !on {
            continue;
        }
        let [regular, bold, licence] =
            crate::render::typst::fonts::web_fonts(script == Script::Chinese);
        let range = unicode_range(script);
        for ((name, data), weight) in [(regular, 400), (bold, 700)] {
            css.push_str(&format!(
                "@font-face {{ font-family: \"{family}\"; src: url(\"{name}\") format(\"{}\"); \
                 font-weight: {weight}; font-display: swap; unicode-range: {range}; }}\n",
                format(name)
            ));
            files.add(format!("{dir}/assets/fonts/{name}"), data);
        }
        licences.insert(licence.0, licence.1);
        families.push(format!("\"{family}\""));
    }
    if labels {
        for label in &crate::render::typst::fonts::LABEL_FONTS {
            let chars: std::collections::BTreeSet<char> = label.text.chars().collect();
            let range: Vec<String> = chars
                .iter()
                .map(|c| format!("U+{:04X}", *c as u32))
                .collect();
            css.push_str(&format!(
                "@font-face {{ font-family: \"Report Labels\"; src: url(\"{}\") format(\"{}\"); \
                 font-display: swap; unicode-range: {}; }}\n",
                label.file,
                format(label.file),
                range.join(", ")
            ));
            files.add(format!("{dir}/assets/fonts/{}", label.file), label.data);
            licences.insert(label.licence.0, label.licence.1);
        }
    }
    for (name, data) in licences {
        files.add(format!("{dir}/assets/fonts/{name}"), data);
    }
    css.push_str(&format!(
        ":root {{ --web-fonts: {}; }}\n",
        if families.is_empty() {
            "\"Report no web fonts\"".to_string()
        } else {
            families.join(", ")
        }
    ));
    files.add(format!("{dir}/assets/fonts/fonts.css"), css);
}

/// Every page in reading order (the order of previous/next links), print.html last.
pub fn pages(version: &Version) -> Vec<Page> {
    let t = |key: &str| version.catalogue.get(key, &[]);
    let mut pages = vec![Page {
        url: "index.html".into(),
        title: t("site-summary-page"),
    }];
    for c in &version.categories {
        if c.section.is_some() {
            pages.push(Page {
                url: format!("categories/{}.html", c.id),
                title: format!("{} {}", c.number, c.title),
            });
        }
    }
    for r in &version.replies {
        pages.push(Page {
            url: format!("states/{}.html", r.iso3.to_lowercase()),
            title: r.state.clone(),
        });
    }
    pages.push(Page {
        url: "print.html".into(),
        title: t("site-whole-report-page"),
    });
    pages
}

/// What a site's pages were made from, kept for a rebuild of the same version: the
/// inputs all its pages share, and each page's own inputs and reads of the data (see
/// [`reads`]).
#[derive(Debug, Clone, Default)]
pub struct Memo {
    /// A hash of the templates, the wording and the settings every page is rendered with.
    frame: u64,
    places: Arc<reads::Places>,
    /// By URL: a hash of the page's own inputs (its URL, title, neighbours, template),
    /// and its reads with what they found.
    pages: HashMap<String, (u64, Arc<reads::Reads>)>,
}

/// The site a build made: its files and what they were made from.
#[derive(Debug, Clone, Default)]
pub struct Made {
    pub files: OutputFiles,
    pub memo: Memo,
}

/// How many pages a render made, and how many it kept from the previous site.
#[derive(Debug, Clone, Copy, Default)]
pub struct Count {
    pub rendered: usize,
    pub kept: usize,
}

/// Renders the site into `files` under `dir`. `pdf` is the PDF's file name, for a link.
/// With `track` (a builder that builds again), what each page reads of the data is noted
/// and returned, for the next build; with `previous` (a rebuild of the same version), a
/// page whose inputs and reads of the data are as they were is taken from it instead of
/// rendered again. A redline's pages, which print marks, are not tracked.
#[allow(clippy::too_many_arguments)]
pub fn render(
    version: &Version,
    links: &[VersionLink],
    templates: &Templates,
    dir: &str,
    pdf: Option<&str>,
    track: bool,
    previous: Option<&Made>,
    sources: &mut Sources,
    diags: &mut Diagnostics,
    files: &mut OutputFiles,
) -> Option<(Memo, Count)> {
    let env = templates.html(version.marked.is_some());
    let (arabic, cjk) = scripts(version);
    // The switcher names each version in its own language, Arabic and Chinese included.
    let labels = links.len() > 1;
    if arabic || cjk || labels {
        web_fonts(dir, arabic, cjk, labels, files);
    }
    let web_fonts = arabic || cjk || labels;
    // Pages read the data through `reads` (a redline's marked data is not tracked).
    let tracked = track && version.marked.is_none();
    let frame = hash_of(&(
        templates.fingerprint(),
        version.catalogue.fingerprint(),
        dir,
        pdf,
        web_fonts,
        serde_json::to_string(links).unwrap_or_default(),
    ));
    let previous = previous.filter(|p| tracked && p.memo.frame == frame);
    let places = previous.map_or_else(Arc::default, |p| Arc::clone(&p.memo.places));
    let data = templates::data(version);
    let mut findings = previous.map(|_| places.against(data.clone()));
    let mut memo = Memo {
        frame,
        places: Arc::clone(&places),
        pages: HashMap::new(),
    };
    let mut count = Count::default();
    let all = pages(version);
    let reading = &all[..all.len() - 1];
    let mut ok = true;
    for (i, page) in all.iter().enumerate() {
        let in_sequence = i < reading.len();
        let prev = (in_sequence && i > 0).then(|| &reading[i - 1]);
        let next = reading.get(i + 1).filter(|_| in_sequence);
        let root = "../".repeat(page.url.matches('/').count());
        let path = format!("{dir}/{}", page.url);
        let own = hash_of(&(
            &page.url,
            &page.title,
            prev.map(|p| (&p.url, &p.title)),
            next.map(|p| (&p.url, &p.title)),
        ));
        // The page as the last build made it, if nothing it was made from changed.
        if let (Some(previous), Some(findings)) = (previous, findings.as_mut())
            && let Some((was, reads)) = previous.memo.pages.get(&page.url)
            && *was == own
            && findings.unchanged(reads)
            && files.add_from(&previous.files, &path)
        {
            memo.pages
                .insert(page.url.clone(), (own, Arc::clone(reads)));
            count.kept += 1;
            continue;
        }
        let log = Arc::new(reads::Log::default());
        let base = match tracked {
            true => reads::Tracked::top(data.clone(), &places, &log),
            false => data.clone(),
        };
        // Item `at` of the list `key` of the data: what a category's or a reply's page
        // prints (in a redline, with its marks).
        let at = |key: &str, at: Option<usize>| -> Value {
            at.and_then(|at| {
                base.get_item(&Value::from(key))
                    .and_then(|list| list.get_item(&Value::from(at)))
                    .ok()
            })
            .unwrap_or_default()
        };
        let (template, extra) = if page.url == "index.html" {
            ("index.html.j2", Value::UNDEFINED)
        } else if page.url == "print.html" {
            ("print.html.j2", Value::UNDEFINED)
        } else if let Some(id) = page.url.strip_prefix("categories/") {
            let id = id.trim_end_matches(".html");
            let found = version.categories.iter().position(|c| c.id == id);
            ("category.html.j2", at("categories", found))
        } else {
            let iso3 = page
                .url
                .trim_start_matches("states/")
                .trim_end_matches(".html");
            let found = version
                .replies
                .iter()
                .position(|r| r.iso3.eq_ignore_ascii_case(iso3));
            ("state.html.j2", at("replies", found))
        };
        let ctx = context! {
            page => Serde(page),
            root => root,
            prev => Serde(prev),
            next => Serde(next),
            category => extra.clone(),
            reply => extra,
            files => context! { pdf => pdf },
            versions => Serde(links),
            web_fonts => web_fonts,
            ..templates::context_of(version, base)
        };
        match templates.render(&env, template, ctx, sources, diags) {
            Some(html) => {
                files.add(path, html);
                if tracked {
                    memo.pages
                        .insert(page.url.clone(), (own, Arc::new(log.take())));
                }
                count.rendered += 1;
            }
            None => ok = false,
        }
    }
    for asset in ASSETS {
        if let Some(file) = templates.get(asset) {
            files.add(format!("{dir}/assets/{asset}"), file.source.clone());
        }
    }
    files.add(
        format!("{dir}/assets/search-index.js"),
        search_index(version),
    );
    ok.then_some((memo, count))
}

/// One searchable page: title, URL, kind, text, and the language of the text.
#[derive(Serialize)]
struct Entry<'a> {
    t: &'a str,
    u: String,
    /// What it is, in the version's language ("réponse").
    k: &'a str,
    x: String,
    l: &'a str,
}

/// `text` on one line, without misleading characters.
fn one_line(text: &str) -> String {
    invisible::remove(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of a Markdown text as printed, on one line. Memoized: a rebuild's search
/// index reads again only the texts that changed.
#[comemo::memoize]
fn searchable(text: &str) -> String {
    let mut plain = String::new();
    markdown::parse(text).text(&mut plain);
    one_line(&plain)
}

/// Parts already on one line, on one line.
fn on_one_line(parts: &[String]) -> String {
    let parts: Vec<&str> = parts
        .iter()
        .map(String::as_str)
        .filter(|p| !p.is_empty())
        .collect();
    parts.join(" ")
}

/// `window.REPORT_SEARCH = [...]`: a script rather than JSON, so that it loads from file://.
fn search_index(version: &Version) -> String {
    let category = version.catalogue.get("site-search-kind-category", &[]);
    let reply = version.catalogue.get("site-search-kind-reply", &[]);
    let mut entries = Vec::new();
    for c in &version.categories {
        if c.section.is_none() {
            continue;
        }
        // What its page shows: the description, the themes, and every State's summary.
        let themes: Vec<&str> = c.themes.iter().map(|t| t.theme.as_str()).collect();
        let mut parts = vec![one_line(&themes.join(" · "))];
        for part in c
            .description
            .iter()
            .chain(c.summaries.iter().map(|s| &s.summary))
        {
            parts.push("·".into());
            parts.push(searchable(part));
        }
        entries.push(Entry {
            t: &c.title,
            u: format!("categories/{}.html", c.id),
            k: &category,
            x: on_one_line(&parts),
            l: &version.language,
        });
    }
    for r in &version.replies {
        let mut themes = String::new();
        for challenge in &r.challenges {
            themes.push_str(&challenge.themes.join(" · "));
            themes.push_str(" · ");
        }
        entries.push(Entry {
            t: &r.state,
            u: format!("states/{}.html", r.iso3.to_lowercase()),
            k: &reply,
            l: &r.lang,
            x: on_one_line(&[one_line(&themes), searchable(&r.body)]),
        });
    }
    // `<` only occurs inside JSON strings: escaping it keeps `</script>` out of the file,
    // so the index stays safe even if someone inlines it in a page.
    let json = serde_json::to_string(&entries)
        .expect("plain data")
        .replace('<', "\\u003c");
    format!("window.REPORT_SEARCH = {json};\n")
}
