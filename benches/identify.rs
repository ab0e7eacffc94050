//! How well the language check (`identify`, whatlang) reads the shipped replies and
//! translations, all in the six languages: how many are judged (long enough, reliably
//! identified), how many of those are read as the language they declare, how many false
//! declarations (each of the five other official languages) are caught, and how long it
//! takes. Run with `cargo bench --bench identify`.

use std::time::Instant;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = report::load::load(root);
    let project = loaded.project.expect("the shipped root loads");
    let texts: Vec<(&str, &str, &str)> = project
        .submissions
        .iter()
        .map(|s| (s.path.as_str(), s.language.as_str(), s.body.as_str()))
        .chain(
            project
                .translations
                .iter()
                .map(|t| (t.path.as_str(), t.language.as_str(), t.body.as_str())),
        )
        .collect();
    let mut by_language: std::collections::BTreeMap<&str, (usize, usize, usize)> =
        Default::default();
    let mut wrong = (0, 0);
    let start = Instant::now();
    for (path, declared, body) in &texts {
        let entry = by_language.entry(declared).or_default();
        entry.0 += 1;
        if report::identify::letters(body) < report::identify::MIN_LETTERS {
            continue;
        }
        entry.1 += 1;
        match report::identify::mismatch(body, declared) {
            None => entry.2 += 1,
            Some(m) => println!("  {path}: declared {declared}, read as {}", m.reads_as),
        }
        // Declared wrongly: each of the five other official languages must be caught.
        for other in report::language::OFFICIAL.iter().filter(|l| *l != declared) {
            wrong.0 += 1;
            if report::identify::mismatch(body, other).is_some() {
                wrong.1 += 1;
            } else {
                println!("  {path}: declared {other} (wrongly), not caught");
            }
        }
    }
    let spent = start.elapsed();
    println!("language check of the shipped texts (replies and translations):");
    println!("  language  texts  long enough  read as declared");
    for (lang, (all, judged, right)) in &by_language {
        println!("  {lang:>8}  {all:>5}  {judged:>11}  {right:>16}");
    }
    println!(
        "  declared wrongly (each other official language): {} of {} caught",
        wrong.1, wrong.0
    );
    println!(
        "  {} texts in {:.1} ms ({:.0} µs a text)",
        texts.len(),
        spent.as_secs_f64() * 1000.0,
        spent.as_secs_f64() * 1e6 / texts.len().max(1) as f64
    );
}
