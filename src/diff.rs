//! What changed between two versions of a report, for a reviewer: States added or
//! removed, replies whose text changed (with the changed paragraphs), their translations
//! per language, summaries, themes and categories changed, counts that moved.
//!
//! Works on the data.json shape (a `serde_json::Value`), so either side may be a report
//! root (aggregated first) or a `data.json` file kept from an earlier build.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::Value;

/// One side of the comparison, reduced to what the diff looks at.
struct Side<'a> {
    replies: BTreeMap<&'a str, &'a Value>,
    order: Vec<&'a str>,
    categories: Vec<&'a Value>,
    total: u64,
}

fn side(data: &Value) -> Side<'_> {
    let replies: Vec<&Value> = data["replies"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    Side {
        order: replies.iter().filter_map(|r| r["iso3"].as_str()).collect(),
        replies: replies
            .iter()
            .filter_map(|r| Some((r["iso3"].as_str()?, *r)))
            .collect(),
        categories: data["categories"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default(),
        total: data["totals"]["replies"].as_u64().unwrap_or(0),
    }
}

/// The differences, ready to print.
#[derive(Debug, Default, PartialEq)]
pub struct Diff {
    pub replies: (u64, u64),
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<ChangedReply>,
    /// Category title, States before and after, themes whose count moved.
    pub counts: Vec<CountChange>,
    /// Every other value that changed, by its place in data.json
    /// (`report.date: 2019-07-30 -> 2019-08-01`).
    pub other: Vec<ValueChange>,
}

/// A value of data.json that changed: where, before and after (`None`: not there).
#[derive(Debug, Default, PartialEq)]
pub struct ValueChange {
    pub path: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Default, PartialEq)]
pub struct ChangedReply {
    pub state: String,
    pub file: String,
    /// "received: 2019-04-01 -> 2019-04-03", "language: en -> fr".
    pub fields: Vec<String>,
    pub paragraphs_removed: Vec<String>,
    pub paragraphs_added: Vec<String>,
    pub categories_added: Vec<String>,
    pub categories_removed: Vec<String>,
    /// Category title, old summary, new summary.
    pub summaries: Vec<(String, String, String)>,
    /// Category title, themes removed, themes added.
    pub themes: Vec<(String, Vec<String>, Vec<String>)>,
    /// Its translations that were added, removed or changed, by language.
    pub translations: Vec<TranslationChange>,
}

/// A translation of a reply that changed.
#[derive(Debug, Default, PartialEq)]
pub struct TranslationChange {
    pub language: String,
    pub file: String,
    /// "added", "removed" or "changed".
    pub what: &'static str,
    /// "status: draft -> final".
    pub fields: Vec<String>,
    pub paragraphs_removed: Vec<String>,
    pub paragraphs_added: Vec<String>,
    /// Category id, old summary, new summary.
    pub summaries: Vec<(String, String, String)>,
}

/// A reply's translations by language.
fn translations(reply: &Value) -> BTreeMap<String, &Value> {
    reply["translations"]
        .as_array()
        .map(|list| list.iter().map(|t| (text(&t["language"]), t)).collect())
        .unwrap_or_default()
}

/// A translated summary by category.
fn translated_summaries(t: &Value) -> BTreeMap<String, String> {
    t["summaries"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|s| (text(&s["category"]), text(&s["summary"]).trim().to_string()))
                .collect()
        })
        .unwrap_or_default()
}

fn compare_translations(old: &Value, new: &Value) -> Vec<TranslationChange> {
    let (before, after) = (translations(old), translations(new));
    let mut out = Vec::new();
    let languages: std::collections::BTreeSet<&String> =
        before.keys().chain(after.keys()).collect();
    for lang in languages {
        let change = match (before.get(lang), after.get(lang)) {
            (None, Some(t)) => TranslationChange {
                language: lang.clone(),
                file: text(&t["file"]),
                what: "added",
                ..TranslationChange::default()
            },
            (Some(t), None) => TranslationChange {
                language: lang.clone(),
                file: text(&t["file"]),
                what: "removed",
                ..TranslationChange::default()
            },
            (Some(was), Some(t)) => {
                let mut change = TranslationChange {
                    language: lang.clone(),
                    file: text(&t["file"]),
                    what: "changed",
                    ..TranslationChange::default()
                };
                for field in ["status", "translator", "note", "file"] {
                    if was[field] != t[field] {
                        change.fields.push(format!(
                            "{field}: {} -> {}",
                            display(&was[field]),
                            display(&t[field])
                        ));
                    }
                }
                let (removed, added) = changed_paragraphs(
                    &paragraphs(&text(&was["body"])),
                    &paragraphs(&text(&t["body"])),
                );
                change.paragraphs_removed = removed;
                change.paragraphs_added = added;
                let (old_s, new_s) = (translated_summaries(was), translated_summaries(t));
                for (category, summary) in &new_s {
                    let before = old_s.get(category).cloned().unwrap_or_default();
                    if &before != summary {
                        change
                            .summaries
                            .push((category.clone(), before, summary.clone()));
                    }
                }
                for (category, summary) in &old_s {
                    if !new_s.contains_key(category) {
                        change
                            .summaries
                            .push((category.clone(), summary.clone(), String::new()));
                    }
                }
                if change.fields.is_empty()
                    && change.paragraphs_removed.is_empty()
                    && change.paragraphs_added.is_empty()
                    && change.summaries.is_empty()
                {
                    continue;
                }
                change
            }
            (None, None) => continue,
        };
        out.push(change);
    }
    out
}

#[derive(Debug, Default, PartialEq)]
pub struct CountChange {
    pub category: String,
    pub states: (u64, u64),
    pub themes: Vec<(String, u64, u64)>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.counts.is_empty()
            && self.other.is_empty()
    }
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Paragraphs of a Markdown text: blocks separated by blank lines, white space collapsed.
fn paragraphs(markdown: &str) -> Vec<String> {
    markdown
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Paragraphs only in `old` and only in `new`, by Myers' difference algorithm (the
/// `similar` crate), whose cost grows with the size of the texts times the number of
/// changes; past a deadline it settles for a coarser answer rather than take longer.
fn changed_paragraphs(old: &[String], new: &[String]) -> (Vec<String>, Vec<String>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    let ops =
        similar::capture_diff_slices_deadline(similar::Algorithm::Myers, old, new, Some(deadline));
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    for op in ops {
        for change in op.iter_changes(old, new) {
            match change.tag() {
                similar::ChangeTag::Delete => removed.push(change.value().clone()),
                similar::ChangeTag::Insert => added.push(change.value().clone()),
                similar::ChangeTag::Equal => {}
            }
        }
    }
    (removed, added)
}

/// A reply's challenges by the title of their category (in `categories`, the side's
/// categories of data.json; the id if it has none).
fn challenges<'v>(reply: &'v Value, categories: &[&Value]) -> BTreeMap<String, &'v Value> {
    let title = |id: &Value| {
        categories
            .iter()
            .find(|c| &c["id"] == id)
            .map_or_else(|| text(id), |c| text(&c["title"]))
    };
    reply["challenges"]
        .as_array()
        .map(|a| a.iter().map(|c| (title(&c["category"]), c)).collect())
        .unwrap_or_default()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(text).collect())
        .unwrap_or_default()
}

fn compare_reply(old: &Value, new: &Value, a: &Side, b: &Side) -> Option<ChangedReply> {
    let mut change = ChangedReply {
        state: text(&new["state"]),
        file: text(&new["file"]),
        ..ChangedReply::default()
    };
    for field in [
        "received",
        "language",
        "status",
        "reference",
        "note",
        "file",
    ] {
        if old[field] != new[field] {
            change.fields.push(format!(
                "{field}: {} -> {}",
                display(&old[field]),
                display(&new[field])
            ));
        }
    }
    let (removed, added) = changed_paragraphs(
        &paragraphs(&text(&old["body"])),
        &paragraphs(&text(&new["body"])),
    );
    change.paragraphs_removed = removed;
    change.paragraphs_added = added;
    let (before, after) = (
        challenges(old, &a.categories),
        challenges(new, &b.categories),
    );
    for (title, c) in &after {
        match before.get(title) {
            None => change.categories_added.push(title.clone()),
            Some(was) => {
                if was["summary"] != c["summary"] {
                    change.summaries.push((
                        title.clone(),
                        text(&was["summary"]).trim().to_string(),
                        text(&c["summary"]).trim().to_string(),
                    ));
                }
                let (old_themes, new_themes) = (strings(&was["themes"]), strings(&c["themes"]));
                let gone: Vec<String> = old_themes
                    .iter()
                    .filter(|t| !new_themes.contains(t))
                    .cloned()
                    .collect();
                let came: Vec<String> = new_themes
                    .iter()
                    .filter(|t| !old_themes.contains(t))
                    .cloned()
                    .collect();
                if !gone.is_empty() || !came.is_empty() {
                    change.themes.push((title.clone(), gone, came));
                }
            }
        }
    }
    change.categories_removed = before
        .keys()
        .filter(|t| !after.contains_key(*t))
        .cloned()
        .collect();
    change.translations = compare_translations(old, new);
    let unchanged = change.translations.is_empty()
        && change.fields.is_empty()
        && change.paragraphs_removed.is_empty()
        && change.paragraphs_added.is_empty()
        && change.categories_added.is_empty()
        && change.categories_removed.is_empty()
        && change.summaries.is_empty()
        && change.themes.is_empty();
    (!unchanged).then_some(change)
}

fn display(v: &Value) -> String {
    match v {
        Value::Null => "(none)".into(),
        other => text(other),
    }
}

/// Compares two data.json values.
pub fn diff(old: &Value, new: &Value) -> Diff {
    let (a, b) = (side(old), side(new));
    let name = |side: &Side, iso3: &str| text(&side.replies[iso3]["state"]);
    let mut result = Diff {
        replies: (a.total, b.total),
        added: b
            .order
            .iter()
            .filter(|s| !a.replies.contains_key(*s))
            .map(|s| name(&b, s))
            .collect(),
        removed: a
            .order
            .iter()
            .filter(|s| !b.replies.contains_key(*s))
            .map(|s| name(&a, s))
            .collect(),
        ..Diff::default()
    };
    for iso3 in &b.order {
        if let Some(old_reply) = a.replies.get(iso3)
            && let Some(change) = compare_reply(old_reply, b.replies[iso3], &a, &b)
        {
            result.changed.push(change);
        }
    }
    for c in &b.categories {
        let id = &c["id"];
        let old_c = a.categories.iter().find(|o| &o["id"] == id);
        let count = |v: Option<&&Value>| v.and_then(|c| c["state_count"].as_u64()).unwrap_or(0);
        let (before, after) = (count(old_c), count(Some(c)));
        let theme_counts = |c: Option<&&Value>| -> BTreeMap<String, u64> {
            c.and_then(|c| c["themes"].as_array())
                .map(|a| {
                    a.iter()
                        .map(|t| {
                            (
                                text(&t["theme"]).to_lowercase(),
                                t["count"].as_u64().unwrap_or(0),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        let (old_t, new_t) = (theme_counts(old_c), theme_counts(Some(c)));
        let mut themes: Vec<(String, u64, u64)> = new_t
            .iter()
            .map(|(t, n)| (t.clone(), old_t.get(t).copied().unwrap_or(0), *n))
            .chain(
                old_t
                    .iter()
                    .filter(|(t, _)| !new_t.contains_key(*t))
                    .map(|(t, n)| (t.clone(), *n, 0)),
            )
            .filter(|(_, x, y)| x != y)
            .collect();
        themes.sort();
        if before != after || !themes.is_empty() {
            result.counts.push(CountChange {
                category: text(&c["title"]),
                states: (before, after),
                themes,
            });
        }
    }
    compare_values(old, new, "", &mut result.other);
    result
}

/// What the sections above already show, left out of [`Diff::other`]: reply texts,
/// challenges and the fields compared one by one, category counts and themes, and the
/// summaries repeated under each category.
fn shown_above(path: &str) -> bool {
    const REPLY_FIELDS: &[&str] = &[
        "body",
        "challenges",
        "received",
        "received_text",
        "language",
        "language_name",
        "status",
        "reference",
        "note",
        "file",
        "translations",
    ];
    const CATEGORY_FIELDS: &[&str] = &["state_count", "themes", "summaries"];
    let mut parts = path.split('.');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("schema_version"), _, _) => true,
        (Some(p), Some(field), None) if p.starts_with("replies[") => REPLY_FIELDS.contains(&field),
        (Some(p), Some(field), _) if p.starts_with("replies[") => REPLY_FIELDS.contains(&field),
        (Some(p), Some(field), _) if p.starts_with("categories[") => {
            CATEGORY_FIELDS.contains(&field)
        }
        _ => false,
    }
}

/// The key an element of a list is known by, if its list is a list of such elements:
/// States by code, categories by id, groups by code, themes by their wording.
fn element_key(v: &Value) -> Option<String> {
    ["iso3", "id", "code", "theme"]
        .iter()
        .find_map(|k| v.get(*k).and_then(Value::as_str))
        .map(str::to_string)
}

/// A list of keyed elements by key.
fn keyed(list: &[Value]) -> BTreeMap<String, &Value> {
    list.iter()
        .filter_map(|v| Some((element_key(v)?, v)))
        .collect()
}

/// Every leaf value that differs between `old` and `new` under `path`, except what
/// [`shown_above`] leaves out. Lists of keyed elements are matched by key, other lists by
/// position.
fn compare_values(old: &Value, new: &Value, path: &str, out: &mut Vec<ValueChange>) {
    if !path.is_empty() && shown_above(path) {
        return;
    }
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                compare_values(value, b.get(key).unwrap_or(&Value::Null), &join(key), out);
            }
            for (key, value) in b.iter().filter(|(k, _)| !a.contains_key(*k)) {
                compare_values(&Value::Null, value, &join(key), out);
            }
        }
        (Value::Array(a), Value::Array(b))
            if a.iter().chain(b).all(|v| element_key(v).is_some()) =>
        {
            let (a, b) = (keyed(a), keyed(b));
            for key in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
                let at = format!("{path}[{key}]");
                match (a.get(key), b.get(key)) {
                    (Some(x), Some(y)) => compare_values(x, y, &at, out),
                    // States added or removed are listed at the top.
                    _ if path == "replies" => {}
                    (x, _) => out.push(ValueChange {
                        path: path.to_string(),
                        old: x.is_some().then(|| key.clone()),
                        new: x.is_none().then(|| key.clone()),
                    }),
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for i in 0..a.len().max(b.len()) {
                let at = format!("{path}[{i}]");
                compare_values(
                    a.get(i).unwrap_or(&Value::Null),
                    b.get(i).unwrap_or(&Value::Null),
                    &at,
                    out,
                );
            }
        }
        (a, b) if a != b => out.push(ValueChange {
            path: path.to_string(),
            old: (!a.is_null()).then(|| display(a)),
            new: (!b.is_null()).then(|| display(b)),
        }),
        _ => {}
    }
}

/// "old -> new", "added: new", "removed: old".
fn value_change(c: &ValueChange) -> String {
    match (&c.old, &c.new) {
        (Some(a), Some(b)) => format!("{a} -> {b}"),
        (None, Some(b)) => format!("added: {b}"),
        (Some(a), None) => format!("removed: {a}"),
        (None, None) => String::new(),
    }
}

/// The diff as plain text for a terminal.
pub fn to_text(d: &Diff, old: &str, new: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Changes from {old} to {new}");
    if d.is_empty() {
        let _ = writeln!(out, "\nNo changes.");
        return out;
    }
    let _ = writeln!(out, "\nReplies: {} -> {}", d.replies.0, d.replies.1);
    if !d.added.is_empty() {
        let _ = writeln!(out, "States added: {}", d.added.join(", "));
    }
    if !d.removed.is_empty() {
        let _ = writeln!(out, "States removed: {}", d.removed.join(", "));
    }
    for c in &d.changed {
        let _ = writeln!(out, "\n{} ({})", c.state, c.file);
        for f in &c.fields {
            let _ = writeln!(out, "  {f}");
        }
        for t in &c.categories_added {
            let _ = writeln!(out, "  category added: {t}");
        }
        for t in &c.categories_removed {
            let _ = writeln!(out, "  category removed: {t}");
        }
        for (t, gone, came) in &c.themes {
            let _ = writeln!(
                out,
                "  themes in {t}: {}{}",
                came.iter().map(|x| format!("+{x} ")).collect::<String>(),
                gone.iter().map(|x| format!("-{x} ")).collect::<String>()
            );
        }
        for (t, before, after) in &c.summaries {
            let _ = writeln!(out, "  summary for {t}:\n    - {before}\n    + {after}");
        }
        if !c.paragraphs_removed.is_empty() || !c.paragraphs_added.is_empty() {
            let _ = writeln!(out, "  text:");
            for p in &c.paragraphs_removed {
                let _ = writeln!(out, "    - {p}");
            }
            for p in &c.paragraphs_added {
                let _ = writeln!(out, "    + {p}");
            }
        }
        for t in &c.translations {
            let _ = writeln!(out, "  {} translation {} ({})", t.language, t.what, t.file);
            for f in &t.fields {
                let _ = writeln!(out, "    {f}");
            }
            for (category, before, after) in &t.summaries {
                let _ = writeln!(
                    out,
                    "    summary for {category}:\n      - {before}\n      + {after}"
                );
            }
            for p in &t.paragraphs_removed {
                let _ = writeln!(out, "    - {p}");
            }
            for p in &t.paragraphs_added {
                let _ = writeln!(out, "    + {p}");
            }
        }
    }
    if !d.other.is_empty() {
        let _ = writeln!(out, "\nOther changes:");
        for c in &d.other {
            let _ = writeln!(out, "  {}: {}", c.path, value_change(c));
        }
    }
    if !d.counts.is_empty() {
        let _ = writeln!(out, "\nCounts that moved:");
        for c in &d.counts {
            let _ = writeln!(
                out,
                "  {}: States {} -> {}",
                c.category, c.states.0, c.states.1
            );
            for (t, x, y) in &c.themes {
                let _ = writeln!(out, "    {t}: {x} -> {y}");
            }
        }
    }
    out
}

/// The diff as Markdown, for a comment on a pull request.
pub fn to_markdown(d: &Diff, old: &str, new: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## Report changes: `{old}` → `{new}`\n");
    if d.is_empty() {
        let _ = writeln!(out, "No changes.");
        return out;
    }
    let _ = writeln!(out, "**Replies:** {} → {}\n", d.replies.0, d.replies.1);
    if !d.added.is_empty() {
        let _ = writeln!(out, "**States added:** {}\n", d.added.join(", "));
    }
    if !d.removed.is_empty() {
        let _ = writeln!(out, "**States removed:** {}\n", d.removed.join(", "));
    }
    if !d.changed.is_empty() {
        let _ = writeln!(out, "### Replies changed\n");
    }
    for c in &d.changed {
        let _ = writeln!(out, "#### {} (`{}`)\n", c.state, c.file);
        for f in &c.fields {
            let _ = writeln!(out, "- {f}");
        }
        for t in &c.categories_added {
            let _ = writeln!(out, "- category added: {t}");
        }
        for t in &c.categories_removed {
            let _ = writeln!(out, "- category removed: {t}");
        }
        for (t, gone, came) in &c.themes {
            let _ = writeln!(
                out,
                "- themes in {t}: {}",
                came.iter()
                    .map(|x| format!("+{x}"))
                    .chain(gone.iter().map(|x| format!("−{x}")))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        let mut block = String::new();
        for (t, before, after) in &c.summaries {
            let _ = writeln!(block, "# summary for {t}\n- {before}\n+ {after}");
        }
        for p in &c.paragraphs_removed {
            let _ = writeln!(block, "- {p}");
        }
        for p in &c.paragraphs_added {
            let _ = writeln!(block, "+ {p}");
        }
        if !block.is_empty() {
            let _ = writeln!(out, "\n```diff\n{block}```");
        }
        for t in &c.translations {
            let _ = writeln!(
                out,
                "- {} translation {} (`{}`)",
                t.language, t.what, t.file
            );
            for f in &t.fields {
                let _ = writeln!(out, "  - {f}");
            }
            let mut block = String::new();
            for (category, before, after) in &t.summaries {
                let _ = writeln!(block, "# summary for {category}\n- {before}\n+ {after}");
            }
            for p in &t.paragraphs_removed {
                let _ = writeln!(block, "- {p}");
            }
            for p in &t.paragraphs_added {
                let _ = writeln!(block, "+ {p}");
            }
            if !block.is_empty() {
                let _ = writeln!(out, "\n```diff\n{block}```");
            }
        }
        out.push('\n');
    }
    if !d.other.is_empty() {
        let _ = writeln!(out, "### Other changes\n");
        for c in &d.other {
            let _ = writeln!(out, "- `{}`: {}", c.path, value_change(c));
        }
        out.push('\n');
    }
    if !d.counts.is_empty() {
        let _ = writeln!(out, "### Counts that moved\n");
        let _ = writeln!(out, "| Category | States | Themes |\n|---|---|---|");
        for c in &d.counts {
            let themes: Vec<String> = c
                .themes
                .iter()
                .map(|(t, x, y)| format!("{t} {x} → {y}"))
                .collect();
            let _ = writeln!(
                out,
                "| {} | {} → {} | {} |",
                c.category,
                c.states.0,
                c.states.1,
                themes.join("; ")
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_paragraphs_by_lcs() {
        let p = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (removed, added) = changed_paragraphs(&p(&["a", "b", "c"]), &p(&["a", "x", "c", "d"]));
        assert_eq!(removed, ["b"]);
        assert_eq!(added, ["x", "d"]);
        assert_eq!(paragraphs("One\nline.\n\n\nTwo."), ["One line.", "Two."]);
    }

    /// Two long texts with nothing in common: the answer (all removed, all added) comes
    /// without a table of every pair of paragraphs (50,000 x 50,000 would be 20 GB).
    #[test]
    fn changed_paragraphs_of_long_texts_stay_cheap() {
        let old: Vec<String> = (0..50_000).map(|i| format!("old {i}")).collect();
        let new: Vec<String> = (0..50_000).map(|i| format!("new {i}")).collect();
        let (removed, added) = changed_paragraphs(&old, &new);
        assert_eq!((removed.len(), added.len()), (50_000, 50_000));
    }
}
