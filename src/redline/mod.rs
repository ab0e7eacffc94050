//! Redline: a draft with what changed since a base marked in every language version
//! (`report build --draft --since BASE`).
//!
//! BASE is a report root (a worktree of the base branch), loaded, checked and worded here
//! as this build is, or the output of an earlier draft, whose `snapshot.json` (one in each
//! version's folder) holds what that version printed. Each language version of this build
//! is compared with the base's version of the same language, as the templates receive it
//! (the JSON of `wording::Version`):
//!
//! - the Secretariat's sentences (the Summary, the Introduction, chapter II's sentences,
//!   counts and lists of States) are compared as text, word by word ([`text`]);
//! - each reply, matched by State (a reply that only moved is not a change), and each
//!   summary of chapter II, matched by category and State, are compared as Markdown, by
//!   structure and then by word ([`doc`]); a new reply is marked new as a whole;
//! - what changed is listed: the replies added, removed and changed, and the counts that
//!   moved ([`Changes`], printed before the Introduction).
//!
//! The marks travel inside the strings the templates print (see [`text`]); the Typst and
//! HTML formatters and Markdown writers turn them into underlined insertions, struck
//! deletions and change bars. The model, data.json and the outputs of a build without
//! `--since` never carry a mark.

pub mod doc;
pub mod edits;
pub mod text;

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use crate::catalogue::Arg;
use crate::wording::{Changes, Named, Version};

/// The file each version's folder of a draft keeps: what that version printed, for a
/// later `--since`.
pub const SNAPSHOT: &str = "snapshot.json";

/// The format of [`SNAPSHOT`]; another is refused.
pub const SNAPSHOT_FORMAT: u32 = 1;

/// What a version keeps for a later redline: its data as the templates receive it.
pub fn snapshot(version: &Version) -> String {
    #[derive(Serialize)]
    struct Snapshot<'v> {
        format: u32,
        version: &'v Version,
    }
    let json = serde_json::to_string(&Snapshot {
        format: SNAPSHOT_FORMAT,
        version,
    })
    .expect("a version is plain data");
    // What the version holds, misleading characters included (a later redline compares
    // them), but none of them raw in the file.
    let mut json = crate::invisible::escape_in_json(&json).into_owned();
    json.push('\n');
    json
}

/// A version's data read back from a snapshot, or why it cannot be used.
pub fn read_snapshot(text: &str) -> Result<Value, String> {
    let mut value: Value =
        serde_json::from_str(text).map_err(|e| format!("it is not a snapshot: {e}"))?;
    match value.get("format").and_then(Value::as_u64) {
        Some(n) if n == u64::from(SNAPSHOT_FORMAT) => {}
        Some(n) => {
            return Err(format!(
                "it is a snapshot of format {n}, and this report reads format {SNAPSHOT_FORMAT}"
            ));
        }
        None => return Err("it has no format number".into()),
    }
    match value.get_mut("version").map(Value::take) {
        Some(version @ Value::Object(_)) => Ok(version),
        _ => Err("it holds no version".into()),
    }
}

/// The base of a redline: a name to print, and each language version's data.
#[derive(Debug, Default)]
pub struct Base {
    /// How the draft names it: the base's commit, or the folder given.
    pub name: String,
    pub versions: HashMap<String, Value>,
}

/// The data of `version` for its templates, marked with what changed since `base` (the
/// same version of the base), and the list of changes. `None` for the changes when nothing
/// changed: then nothing is marked either.
pub fn mark(version: &Version, base: &Value, base_name: &str) -> (Value, Option<Changes>) {
    let mut new = serde_json::to_value(version).expect("a version is plain data");
    clean_all(&mut new);
    let mut marker = Marker {
        version,
        changes: Changes {
            base: base_name.to_string(),
            title: version
                .catalogue
                .get("changes-since", &[("base", Arg::Text(base_name))]),
            ..Changes::default()
        },
        marked: false,
    };
    marker.prose(&mut new, base);
    marker.categories(&mut new, base);
    marker.replies(&mut new, base);
    marker.counts(&new, base);
    let any = marker.marked || !marker.changes.is_empty();
    let changes = any.then_some(marker.changes);
    if let Value::Object(map) = &mut new {
        map.insert(
            "redline".into(),
            serde_json::to_value(&changes).expect("plain data"),
        );
    }
    (new, changes)
}

/// Clears every string of the characters that carry marks (see [`text::clean`]).
fn clean_all(value: &mut Value) {
    match value {
        Value::String(s) if s.contains(text::is_mark) => *s = text::clean(s).into_owned(),
        Value::Array(items) => items.iter_mut().for_each(clean_all),
        Value::Object(map) => map.values_mut().for_each(clean_all),
        _ => {}
    }
}

/// A Markdown text paired with the text of its base: what the templates' `markdown`
/// filter of a redline compares (see `render::templates`).
fn paired(new: &str, base: &str) -> String {
    format!("{new}{}{}", text::BASE, text::clean(base))
}

fn string<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value.get(key).and_then(Value::as_str)
}

/// The items of a list of objects, by the value of `key`.
fn by<'v>(list: Option<&'v Value>, key: &str) -> HashMap<String, &'v Value> {
    list.and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|item| Some((string(item, key)?.to_string(), item)))
                .collect()
        })
        .unwrap_or_default()
}

struct Marker<'v> {
    version: &'v Version,
    changes: Changes,
    /// Something was marked.
    marked: bool,
}

impl Marker<'_> {
    /// Marks the sentence `key` of `new` against the same of `base`: a changed one word by
    /// word, a new one as inserted, one the base had and this version lacks as deleted.
    /// Whether it changed.
    fn sentence(&mut self, new: &mut Value, base: Option<&Value>, key: &str) -> bool {
        let Value::Object(map) = new else {
            return false;
        };
        let was = base.and_then(|b| string(b, key)).unwrap_or("");
        let now = map.get(key).and_then(Value::as_str).unwrap_or("");
        if now == text::clean(was) {
            return false;
        }
        let marked = match (was.is_empty(), now.is_empty()) {
            (true, _) => text::inserted(now),
            (false, true) => text::deleted(was),
            (false, false) => text::mark(was, now),
        };
        self.marked = true;
        map.insert(key.to_string(), Value::String(marked));
        true
    }

    /// Marks the Markdown text `key` of `new` against the same of `base` (missing: the
    /// whole text is new). Whether it changed.
    fn markdown(&mut self, new: &mut Value, base: Option<&Value>, key: &str) -> bool {
        let Value::Object(map) = new else {
            return false;
        };
        let was = base.and_then(|b| string(b, key)).unwrap_or("");
        let Some(Value::String(now)) = map.get_mut(key) else {
            return false;
        };
        if *now == text::clean(was) {
            return false;
        }
        self.marked = true;
        *now = paired(now, was);
        true
    }

    fn prose(&mut self, new: &mut Value, base: &Value) {
        let Some(prose) = new.get_mut("prose") else {
            return;
        };
        let was = base.get("prose");
        for key in [
            "summary_mandate",
            "summary_contents",
            "mandate",
            "request",
            "received",
            "late",
            "structure",
            "categories_intro",
            "unraised",
        ] {
            self.sentence(prose, was, key);
        }
    }

    fn categories(&mut self, new: &mut Value, base: &Value) {
        let was = by(base.get("categories"), "id");
        let Some(Value::Array(categories)) = new.get_mut("categories") else {
            return;
        };
        for category in categories {
            let id = string(category, "id").unwrap_or("").to_string();
            let before = was.get(&id).copied();
            for key in ["sentence", "groups_sentence", "count_text"] {
                self.sentence(category, before, key);
            }
            let themes = by(before.and_then(|b| b.get("themes")), "theme");
            if let Some(Value::Array(list)) = category.get_mut("themes") {
                for theme in list {
                    let name = string(theme, "theme").unwrap_or("").to_string();
                    match themes.get(&name) {
                        Some(was) => {
                            self.sentence(theme, Some(was), "states_text");
                        }
                        None => {
                            self.sentence(theme, None, "theme");
                            self.sentence(theme, None, "states_text");
                        }
                    }
                }
            }
            let summaries = by(before.and_then(|b| b.get("summaries")), "iso3");
            if let Some(Value::Array(list)) = category.get_mut("summaries") {
                for summary in list {
                    let iso3 = string(summary, "iso3").unwrap_or("").to_string();
                    if self.markdown(summary, summaries.get(&iso3).copied(), "summary") {
                        self.reply_changed(&iso3, summary);
                    }
                }
            }
        }
    }

    /// Notes that the reply of `iso3` changed (once, whatever changed in it).
    fn reply_changed(&mut self, iso3: &str, item: &Value) {
        let listed = |list: &[Named]| list.iter().any(|n| n.iso3 == iso3);
        if listed(&self.changes.changed) || listed(&self.changes.added) {
            return;
        }
        let name = self
            .version
            .replies
            .iter()
            .find(|r| r.iso3 == iso3)
            .map(|r| r.state.clone())
            .or_else(|| string(item, "name").map(str::to_string))
            .unwrap_or_else(|| iso3.to_string());
        self.changes.changed.push(Named {
            iso3: iso3.to_string(),
            name,
        });
    }

    fn replies(&mut self, new: &mut Value, base: &Value) {
        let was = by(base.get("replies"), "iso3");
        let mut present = std::collections::HashSet::new();
        if let Some(Value::Array(replies)) = new.get_mut("replies") {
            for reply in replies {
                let iso3 = string(reply, "iso3").unwrap_or("").to_string();
                present.insert(iso3.clone());
                match was.get(&iso3) {
                    None => {
                        // A reply the base did not have: new as a whole.
                        for key in ["heading", "original_line", "note", "received_text"] {
                            self.sentence(reply, None, key);
                        }
                        self.markdown(reply, None, "body");
                        let name = string(reply, "state").unwrap_or(&iso3).to_string();
                        self.changes.changed.retain(|n| n.iso3 != iso3);
                        self.changes.added.push(Named { iso3, name });
                    }
                    Some(before) => {
                        let mut changed = false;
                        for key in ["heading", "original_line", "note", "received_text"] {
                            changed |= self.sentence(reply, Some(before), key);
                        }
                        changed |= self.markdown(reply, Some(before), "body");
                        if changed {
                            self.reply_changed(&iso3, reply);
                        }
                    }
                }
            }
        }
        if let Some(Value::Array(list)) = base.get("replies") {
            for reply in list {
                let iso3 = string(reply, "iso3").unwrap_or("");
                if !present.contains(iso3) {
                    self.changes.removed.push(Named {
                        iso3: iso3.to_string(),
                        name: string(reply, "state").unwrap_or(iso3).to_string(),
                    });
                }
            }
        }
        // Replies changed only in chapter II's summaries were noted in category order:
        // list them in the version's order of replies, as the others.
        let order: HashMap<&str, usize> = self
            .version
            .replies
            .iter()
            .enumerate()
            .map(|(i, r)| (r.iso3, i))
            .collect();
        self.changes
            .changed
            .sort_by_key(|n| order.get(n.iso3.as_str()).copied().unwrap_or(usize::MAX));
    }

    /// The counts that moved: the replies, the categories raised, and the States that
    /// raised each category.
    fn counts(&mut self, new: &Value, base: &Value) {
        let catalogue = &self.version.catalogue;
        let number = |v: &Value, path: &[&str]| -> Option<u64> {
            let mut at = v;
            for key in path {
                at = at.get(key)?;
            }
            at.as_u64()
        };
        let mut count = |what: String, old: Option<u64>, now: Option<u64>| {
            let (old, now) = (old.unwrap_or(0), now.unwrap_or(0));
            if old != now {
                self.changes.counts.push(catalogue.get(
                    "changes-count",
                    &[
                        ("what", Arg::Text(&what)),
                        ("old", Arg::Number(old as usize)),
                        ("new", Arg::Number(now as usize)),
                    ],
                ));
            }
        };
        for (key, message) in [
            ("replies", "changes-count-replies"),
            ("late_replies", "changes-count-late"),
            ("categories_raised", "changes-count-categories"),
        ] {
            count(
                catalogue.get(message, &[]),
                number(base, &["totals", key]),
                number(new, &["totals", key]),
            );
        }
        let was = by(base.get("categories"), "id");
        for category in new
            .get("categories")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let id = string(category, "id").unwrap_or("");
            let title = string(category, "title").unwrap_or(id);
            count(
                title.to_string(),
                was.get(id).and_then(|b| number(b, &["state_count"])),
                number(category, &["state_count"]),
            );
        }
    }
}

/// Loads the base of a redline: a report root, worded in each language by `words` as this
/// build words its own, or the output folder of a draft (its snapshots, read by `load`).
/// `Err` says why it cannot be used.
pub fn load_base(
    path: &Path,
    languages: &[String],
    first: &str,
    words: impl FnOnce(&Path) -> Result<(String, Vec<(String, Value)>), String>,
) -> Result<Base, String> {
    let shown = path.display().to_string();
    if !path.is_dir() {
        return Err(format!("`{shown}` is not a folder"));
    }
    if path.join("book.toml").is_file() {
        let (name, versions) = words(path)?;
        return Ok(Base {
            name,
            versions: versions.into_iter().collect(),
        });
    }
    let mut versions = HashMap::new();
    let mut name = None;
    for (lang, file, text) in crate::load::snapshots(path, languages, first, SNAPSHOT)? {
        let value =
            read_snapshot(&text).map_err(|why| format!("`{file}` cannot be used: {why}"))?;
        if name.is_none() {
            name = value
                .get("report")
                .and_then(|r| r.get("revision"))
                .and_then(Value::as_str)
                .map(str::to_string);
        }
        versions.insert(lang, value);
    }
    if versions.is_empty() {
        return Err(format!(
            "`{shown}` is neither a report root (no book.toml) nor the output of a draft \
             (no {SNAPSHOT})"
        ));
    }
    Ok(Base {
        name: name.unwrap_or(shown),
        versions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snapshot_of_another_format_is_refused_with_the_reason() {
        assert!(read_snapshot("{\"format\": 1, \"version\": {\"language\": \"en\"}}").is_ok());
        let err = read_snapshot("{\"format\": 9, \"version\": {}}").unwrap_err();
        assert!(err.contains("format 9"), "{err}");
        assert!(read_snapshot("not json").is_err());
    }
}
