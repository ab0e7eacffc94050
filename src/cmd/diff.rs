//! `report diff OLD NEW [--format text|markdown]`: what changed between two versions.

use std::path::Path;

use serde_json::Value;

use crate::aggregate::SCHEMA_VERSION;
use crate::cli::{DiffArgs, DiffFormat};
use crate::cmd::{Ui, exit, load_model, print_stdout};
use crate::diff;
use crate::wording::Version;

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
        DiffFormat::Text => print_stdout(&diff::to_text(&d, &a, &b)),
        DiffFormat::Markdown => print_stdout(&diff::to_markdown(&d, &a, &b)),
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
        let value: Value = serde_json::from_str(&text).map_err(|e| {
            ui.error(format!(
                "{}:{}:{}: not a data.json file: {e}",
                path.display(),
                e.line(),
                e.column()
            ));
            exit::INPUT_ERRORS
        })?;
        return check_data_json(&value).map(|()| value).map_err(|why| {
            ui.error(format!("{}: {why}", path.display()));
            exit::INPUT_ERRORS
        });
    }
    let ready = load_model(path, ui)?;
    // As a build writes it: the word counts of every version.
    let versions: Vec<&Version> = ready.versions.iter().collect();
    let json = crate::render::data_json::render(&ready.model, &versions);
    serde_json::from_str(&json).map_err(|e| {
        ui.error(format!("cannot compare {}: {e}", path.display()));
        exit::FAILURE
    })
}

/// Whether `value` is a data.json that this version of report reads: its
/// `schema_version`, and the lists the comparison walks.
fn check_data_json(value: &Value) -> Result<(), String> {
    let version = value.get("schema_version").and_then(Value::as_u64);
    match version {
        None => {
            return Err(
                "not a report's data.json: it has no `schema_version` (give the data.json that \
                 `report build` wrote, or a report root)"
                    .into(),
            );
        }
        Some(v) if v != u64::from(SCHEMA_VERSION) => {
            return Err(format!(
                "this data.json has schema_version {v}, and this version of report reads \
                 schema_version {SCHEMA_VERSION}: compare report roots instead, or rebuild \
                 the data.json with this version"
            ));
        }
        Some(_) => {}
    }
    for (key, is_right) in [
        ("replies", Value::is_array as fn(&Value) -> bool),
        ("categories", Value::is_array),
        ("totals", Value::is_object),
        ("report", Value::is_object),
    ] {
        if !value.get(key).is_some_and(is_right) {
            return Err(format!(
                "not a report's data.json: `{key}` is missing or not what docs/data-json.md says"
            ));
        }
    }
    Ok(())
}
