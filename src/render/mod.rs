//! A worded version of the report -> the files of `output/`, returned, never written here.
//!
//! Each output format is one module; this one decides which to build from `book.toml` and
//! collects their problems. Markdown is parsed into a tree (`crate::markdown`) that each
//! format writes with its own escaping.

pub mod cost;
pub mod data_json;
pub mod html;
pub mod templates;
pub mod typst;
pub mod wrap;

use std::collections::HashMap;

use crate::aggregate::Model;
use crate::date::Date;
use crate::diag::{Diagnostics, Sources};
use crate::files::OutputFiles;
use crate::load::Project;
use crate::timing::Timings;
use crate::wording::Version;
use templates::Templates;

/// Settings of one build that do not come from the report root.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    /// The date Typst's `today()` and the PDF's creation date use.
    pub date: Date,
}

/// What renderers keep between builds: a typesetter per language version, and each
/// version's site with a hash of everything it was made from (its worded data, links and
/// templates), so that a rebuild renders again only the sites whose inputs changed.
#[derive(Default)]
pub struct RenderCache {
    pub typesetters: HashMap<String, typst::Typesetter>,
    pub sites: HashMap<String, (u64, OutputFiles)>,
}

/// A hash of what the site of `target` is made from.
fn site_key(target: &Target, templates: u64, dir: &str, pdf: Option<&str>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    serde_json::to_string(target.version)
        .unwrap_or_default()
        .hash(&mut hasher);
    serde_json::to_string(&target.links)
        .unwrap_or_default()
        .hash(&mut hasher);
    (templates, dir, pdf).hash(&mut hasher);
    hasher.finish()
}

/// One language version to render, and where its files go.
pub struct Target<'a> {
    pub version: &'a Version,
    /// Where its files go inside the output folder: "" for the first language, "fr/" for
    /// the others.
    pub prefix: String,
    /// Every version of the report, for the site's language switcher.
    pub links: Vec<html::VersionLink>,
}

/// What [`render`] made.
pub struct Rendered {
    /// The files still to write.
    pub files: OutputFiles,
    /// The HTML sites, handed to `early` while Typst worked: how many files, or why they
    /// could not be written.
    pub written: std::io::Result<usize>,
}

/// Where the site's files go as soon as they are made (the pipeline writes them into the
/// staging folder while Typst still works).
pub type Early<'a> = &'a (dyn Fn(&OutputFiles) -> std::io::Result<()> + Sync);

/// What typesetting one version gave, on its thread.
struct Typeset {
    lang: String,
    typesetter: typst::Typesetter,
    files: OutputFiles,
    ok: bool,
    sources: Sources,
    diags: Diagnostics,
    timings: Timings,
    time: std::time::Duration,
}

/// Renders every output the project asks for, of every target version. `None` if any
/// output failed; the diagnostics say why. The HTML sites are rendered, and handed to
/// `early`, on a thread of their own; the PDFs are typeset on as many threads as the
/// machine has cores (Typst keeps one core busy on a report with few page breaks).
#[allow(clippy::too_many_arguments)]
pub fn render(
    project: &Project,
    model: &Model,
    targets: &[Target],
    templates: &Templates,
    options: RenderOptions,
    cache: &mut RenderCache,
    early: Early,
    sources: &mut Sources,
    diags: &mut Diagnostics,
    timings: &mut Timings,
) -> Option<Rendered> {
    let mut files = OutputFiles::new();
    let versions: Vec<&Version> = targets.iter().map(|t| t.version).collect();
    files.add(
        data_json::FILE,
        timings.time("data.json", || data_json::render(model, &versions)),
    );
    let pdf_name = project.config.pdf.as_ref().map(|p| p.file.as_str());
    // The typesetters this build uses, made where missing or made from other fonts.
    let mut jobs = Vec::new();
    if project.config.pdf.is_some() {
        for target in targets {
            let lang = &target.version.language;
            let typesetter = match cache.typesetters.remove(lang) {
                Some(t) if t.fits(&project.fonts) => t,
                _ => timings.time("fonts", || typst::Typesetter::new(project, diags)),
            };
            jobs.push((target, typesetter));
        }
    }
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, jobs.len().max(1));
    let queue = &std::sync::Mutex::new(jobs);
    // Each typesetting thread starts from the files read so far (its diagnostics point
    // into them) and adds its own.
    let base = sources.clone();
    let base = &base;
    let pdf = project.config.pdf.as_ref();
    let previous_sites = std::mem::take(&mut cache.sites);
    let fingerprint = templates.fingerprint();
    std::thread::scope(|scope| {
        let site = project.config.html.as_ref().map(|site| {
            scope.spawn(move || {
                let (mut sources, mut diags) = (Sources::new(), Diagnostics::new());
                let mut files = OutputFiles::new();
                let mut sites = HashMap::new();
                let start = std::time::Instant::now();
                let mut ok = true;
                for target in targets {
                    let dir = format!("{}{}", target.prefix, site.dir);
                    let key = site_key(target, fingerprint, &dir, pdf_name);
                    let lang = target.version.language.clone();
                    if let Some((was, made)) = previous_sites.get(&lang)
                        && *was == key
                    {
                        files.extend(made);
                        sites.insert(lang, (key, made.clone()));
                        continue;
                    }
                    let mut made = OutputFiles::new();
                    let rendered = html::render(
                        target.version,
                        &target.links,
                        templates,
                        &dir,
                        pdf_name,
                        &mut sources,
                        &mut diags,
                        &mut made,
                    )
                    .is_some();
                    ok &= rendered;
                    files.extend(&made);
                    if rendered {
                        sites.insert(lang, (key, made));
                    }
                }
                let written = match ok {
                    true => early(&files).map(|()| files.len()),
                    false => Ok(0),
                };
                (ok, sources, diags, written, start.elapsed(), sites)
            })
        });
        let typesetting: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(move || {
                    let mut done = Vec::new();
                    loop {
                        let job = queue.lock().unwrap_or_else(|e| e.into_inner()).pop();
                        let Some((target, mut typesetter)) = job else {
                            break;
                        };
                        let start = std::time::Instant::now();
                        let (mut sources, mut diags) = (base.clone(), Diagnostics::new());
                        let mut timings = Timings::new();
                        let mut files = OutputFiles::new();
                        let mut ok = true;
                        let output = typst::render(
                            project,
                            target.version,
                            templates,
                            options.date,
                            &mut typesetter,
                            &mut sources,
                            &mut diags,
                            &mut timings,
                        );
                        match (output, pdf) {
                            (Some(output), Some(pdf)) => {
                                files.add(format!("{}report.typ", target.prefix), output.source);
                                match output.pdf {
                                    Some(bytes) => {
                                        files.add(format!("{}{}", target.prefix, pdf.file), bytes)
                                    }
                                    None => ok = false,
                                }
                            }
                            _ => ok = false,
                        }
                        done.push(Typeset {
                            lang: target.version.language.clone(),
                            typesetter,
                            files,
                            ok,
                            sources,
                            diags,
                            timings,
                            time: start.elapsed(),
                        });
                    }
                    done
                })
            })
            .collect();
        let mut ok = true;
        let mut results: Vec<Typeset> = typesetting
            .into_iter()
            .flat_map(|t| t.join().expect("a typesetting thread does not panic"))
            .collect();
        // In the order of the versions, whatever thread finished first.
        results.sort_by_key(|r| versions.iter().position(|v| v.language == r.lang));
        let count = base.len();
        for r in results {
            timings.add(&format!("typeset {} (in parallel)", r.lang), r.time);
            timings.absorb(&r.lang, r.timings);
            sources.absorb_since(count, &r.sources, r.diags, diags);
            for (path, contents) in r.files.iter() {
                files.add(path, contents.to_vec());
            }
            ok &= r.ok;
            cache.typesetters.insert(r.lang, r.typesetter);
        }
        let mut written = Ok(0);
        if let Some(site) = site {
            let (site_ok, site_sources, site_diags, site_written, time, sites) =
                site.join().expect("the HTML thread does not panic");
            cache.sites = sites;
            timings.add("html (in parallel)", time);
            sources.absorb(&site_sources, site_diags, diags);
            written = site_written;
            ok &= site_ok;
        }
        ok.then_some(Rendered { files, written })
    })
}
