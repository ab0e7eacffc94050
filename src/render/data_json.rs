//! `output/data.json`: the report model as JSON, for other tools (see docs/data-json.md),
//! with the word counts of each language version built.

use serde::Serialize;

use crate::aggregate::Model;
use crate::wording::{Version, Words};

pub const FILE: &str = "data.json";

#[derive(Serialize)]
struct Data<'a> {
    #[serde(flatten)]
    model: &'a Model,
    versions: Vec<VersionData<'a>>,
}

#[derive(Serialize)]
struct VersionData<'a> {
    language: &'a str,
    words: Words,
}

/// Pretty-printed, fields in a fixed order, ending with a newline.
pub fn render(model: &Model, versions: &[&Version]) -> String {
    let data = Data {
        model,
        versions: versions
            .iter()
            .map(|v| VersionData {
                language: &v.language,
                words: v.words,
            })
            .collect(),
    };
    // Misleading characters are left out, as in the PDF and the HTML, however they were
    // written (raw or as an escape).
    let json = serde_json::to_string_pretty(&data).expect("the model is plain data");
    let mut json = crate::invisible::remove_from_json(&json).into_owned();
    json.push('\n');
    json
}
