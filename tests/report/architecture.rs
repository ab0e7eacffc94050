//! The rule of ARCHITECTURE.md that a compiler does not check: no module of `src/` imports
//! a module that imports it back, directly or through others.

use std::collections::{BTreeMap, BTreeSet};

use crate::support::repo;

/// Top-level module of `src/` -> the top-level modules its code (tests left out) names as
/// `crate::name`.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = repo().join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        if module == "lib" || module == "main" {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let uses = graph.entry(module.clone()).or_default();
        for (i, _) in code.match_indices("crate::") {
            for name in named(&code[i + 7..]) {
                let exists = src.join(&name).is_dir() || src.join(format!("{name}.rs")).is_file();
                if name != module && exists {
                    uses.insert(name);
                }
            }
        }
    }
    graph
}

/// The top-level names a path after `crate::` starts with: `load::Project` -> load;
/// a group, `{import, language::name, load::{self, Project}}` -> import, language, load.
fn named(after: &str) -> Vec<String> {
    let word = |text: &str| -> String {
        text.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
            .collect()
    };
    let Some(group) = after.strip_prefix('{') else {
        return vec![word(after)]
            .into_iter()
            .filter(|w| !w.is_empty())
            .collect();
    };
    // The items of the group, split at its own commas (not those of nested groups).
    let mut names = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                names.push(word(&group[start..i]));
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                names.push(word(&group[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    names.retain(|n| !n.is_empty() && n != "self");
    names
}

#[test]
fn grouped_imports_are_read() {
    assert_eq!(named("load::Project;"), ["load"]);
    assert_eq!(
        named("{import, language::name,\n    load::{self, Project}, reply};"),
        ["import", "language", "load", "reply"]
    );
    assert_eq!(named("{self, x}"), ["x"]);
    // As the source has them: `cmd` names `import` only in a group (`cmd::import`).
    let graph = imports();
    assert!(graph["cmd"].contains("import"), "{:?}", graph["cmd"]);
}

/// A path from `from` back to itself, if there is one.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![from.to_string()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().unwrap();
        for next in graph.get(last).into_iter().flatten() {
            if next == from {
                let mut found = path.clone();
                found.push(next.clone());
                return Some(found);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

#[test]
fn no_module_of_src_imports_itself_back() {
    let graph = imports();
    assert!(
        graph.len() > 20,
        "the modules of src/ were found: {graph:?}"
    );
    assert!(
        graph["pipeline"].contains("render"),
        "imports are read: {graph:?}"
    );
    for module in graph.keys() {
        if let Some(path) = circle(&graph, module) {
            panic!("an import circle: {}", path.join(" -> "));
        }
    }
}
