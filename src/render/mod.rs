//! The report model -> the files of `output/`.
//!
//! Each output format is one module; this one decides which to build from `book.toml` and
//! collects their problems. Markdown is parsed once into a tree ([`markdown`]) that each
//! format writes with its own escaping.

pub mod data_json;
pub mod html;
pub mod markdown;
pub mod templates;
pub mod typst;

use crate::aggregate::Model;
use crate::diag::{Diagnostics, Sources};
use crate::english::Date;
use crate::load::Project;
use crate::write::OutputFiles;
use templates::Templates;

/// Settings of one build that do not come from the report root.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    /// The date Typst's `today()` and the PDF's creation date use.
    pub date: Date,
}

/// Renders every output the project asks for. `None` if any output failed; the
/// diagnostics say why.
pub fn render(
    project: &Project,
    model: &Model,
    templates: &Templates,
    options: RenderOptions,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Option<OutputFiles> {
    let mut files = OutputFiles::new();
    files.add(data_json::FILE, data_json::render(model));
    let mut ok = true;
    if let Some(pdf) = &project.config.pdf {
        match typst::render(project, model, templates, options.date, sources, diags) {
            Some(output) => {
                files.add("report.typ", output.source);
                match output.pdf {
                    Some(pdf_bytes) => files.add(&pdf.file, pdf_bytes),
                    None => ok = false,
                }
            }
            None => ok = false,
        }
    }
    if let Some(site) = &project.config.html {
        let pdf = project.config.pdf.as_ref().map(|p| p.file.as_str());
        ok &= html::render(model, templates, &site.dir, pdf, sources, diags, &mut files).is_some();
    }
    ok.then_some(files)
}
