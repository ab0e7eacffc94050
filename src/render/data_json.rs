//! `output/data.json`: the report model as JSON, for other tools (see docs/data-json.md).

use crate::aggregate::Model;

pub const FILE: &str = "data.json";

/// Pretty-printed, fields in a fixed order, ending with a newline.
pub fn render(model: &Model) -> String {
    let mut json = serde_json::to_string_pretty(model).expect("the model is plain data");
    json.push('\n');
    json
}
