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

/// What renderers keep between builds.
pub struct RenderCache {
    pub typesetter: Option<typst::Typesetter>,
}

/// What [`render`] made.
pub struct Rendered {
    /// The files still to write.
    pub files: OutputFiles,
    /// The HTML site, handed to `early` while Typst worked: how many files, or why they
    /// could not be written.
    pub written: std::io::Result<usize>,
}

/// Where the site's files go as soon as they are made (the pipeline writes them into the
/// staging folder while Typst still works).
pub type Early<'a> = &'a (dyn Fn(&OutputFiles) -> std::io::Result<()> + Sync);

/// Renders every output the project asks for, of `version`. `None` if any output failed;
/// the diagnostics say why. The HTML site is rendered, and handed to `early`, on a second
/// thread while Typst lays out the PDF (Typst keeps one core busy on a report with few
/// page breaks).
#[allow(clippy::too_many_arguments)]
pub fn render(
    project: &Project,
    model: &Model,
    version: &Version,
    templates: &Templates,
    options: RenderOptions,
    cache: &mut RenderCache,
    early: Early,
    sources: &mut Sources,
    diags: &mut Diagnostics,
    timings: &mut Timings,
) -> Option<Rendered> {
    let mut files = OutputFiles::new();
    files.add(
        data_json::FILE,
        timings.time("data.json", || data_json::render(model, &[version])),
    );
    let pdf_name = project.config.pdf.as_ref().map(|p| p.file.as_str());
    std::thread::scope(|scope| {
        let site = project.config.html.as_ref().map(|site| {
            scope.spawn(move || {
                let (mut sources, mut diags) = (Sources::new(), Diagnostics::new());
                let mut files = OutputFiles::new();
                let start = std::time::Instant::now();
                let ok = html::render(
                    version,
                    templates,
                    &site.dir,
                    pdf_name,
                    &mut sources,
                    &mut diags,
                    &mut files,
                );
                let written = match ok {
                    Some(_) => early(&files).map(|()| files.len()),
                    None => Ok(0),
                };
                (ok.is_some(), sources, diags, written, start.elapsed())
            })
        });
        let mut ok = true;
        let mut written = Ok(0);
        if let Some(pdf) = &project.config.pdf {
            if !cache
                .typesetter
                .as_ref()
                .is_some_and(|t| t.fits(&project.fonts))
            {
                cache.typesetter =
                    Some(timings.time("fonts", || typst::Typesetter::new(project, diags)));
            }
            let typesetter = cache.typesetter.as_mut().expect("just made");
            match typst::render(
                project,
                version,
                templates,
                options.date,
                typesetter,
                sources,
                diags,
                timings,
            ) {
                Some(output) => {
                    files.add("report.typ", output.source);
                    match output.pdf {
                        Some(bytes) => files.add(&pdf.file, bytes),
                        None => ok = false,
                    }
                }
                None => ok = false,
            }
        }
        if let Some(site) = site {
            let (site_ok, site_sources, site_diags, site_written, time) =
                site.join().expect("the HTML thread does not panic");
            timings.add("html (in parallel)", time);
            sources.absorb(&site_sources, site_diags, diags);
            written = site_written;
            ok &= site_ok;
        }
        ok.then_some(Rendered { files, written })
    })
}
