//! The report model -> the files of `output/`.
//!
//! Each output format is one module; this one decides which to build from `book.toml`.

pub mod data_json;

use crate::aggregate::Model;
use crate::load::Project;
use crate::write::OutputFiles;

/// Renders every output the project asks for.
pub fn render(_project: &Project, model: &Model) -> anyhow::Result<OutputFiles> {
    let mut files = OutputFiles::new();
    files.add(data_json::FILE, data_json::render(model));
    Ok(files)
}
