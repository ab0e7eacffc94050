//! `report diff OLD NEW [--format text|markdown]`: what changed between two versions.

use std::path::Path;

use serde_json::Value;

use crate::cli::{DiffArgs, DiffFormat};
use crate::cmd::{Ui, exit, load_model};
use crate::diff;

pub fn run(args: &DiffArgs, ui: &Ui) -> u8 {
    let (old, new) = match (side(&args.old, ui), side(&args.new, ui)) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let d = diff::diff(&old, &new);
    let (a, b) = (
        args.old.display().to_string(),
        args.new.display().to_string(),
    );
    match args.format {
        DiffFormat::Text => print!("{}", diff::to_text(&d, &a, &b)),
        DiffFormat::Markdown => print!("{}", diff::to_markdown(&d, &a, &b)),
    }
    exit::OK
}

/// A data.json file as it is, or a report root aggregated into the same shape.
fn side(path: &Path, ui: &Ui) -> Result<Value, u8> {
    if path.is_file() {
        let text = std::fs::read_to_string(path).map_err(|e| {
            ui.error(format!("cannot read {}: {e}", path.display()));
            exit::INPUT_ERRORS
        })?;
        return serde_json::from_str(&text).map_err(|e| {
            ui.error(format!(
                "{}:{}:{}: not a data.json file: {e}",
                path.display(),
                e.line(),
                e.column()
            ));
            exit::INPUT_ERRORS
        });
    }
    let model = load_model(path, ui)?;
    Ok(serde_json::to_value(&model).expect("plain data"))
}
