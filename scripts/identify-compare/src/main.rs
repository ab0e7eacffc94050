//! whatlang against lingua, both limited to the six official languages, on the texts of
//! the shipped replies and translations (`submissions/*.md`, the body after the front
//! matter): whole, and cut into windows of 30 to 800 characters. Prints, for each window
//! size, how many windows each reads as their declared language, and the time a window
//! takes. The language of a file is its `language =` key, or its name's (`arg.fr.md`).

use std::time::{Duration, Instant};

use lingua::{Language, LanguageDetectorBuilder};

fn whatlang_code(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Ara => "ar",
        Cmn => "zh",
        Eng => "en",
        Fra => "fr",
        Rus => "ru",
        Spa => "es",
        _ => "other",
    }
}

fn lingua_code(lang: Language) -> &'static str {
    match lang {
        Language::Arabic => "ar",
        Language::Chinese => "zh",
        Language::English => "en",
        Language::French => "fr",
        Language::Russian => "ru",
        Language::Spanish => "es",
    }
}

/// (declared language, body) of each shipped text of 20 characters or more.
fn texts() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../submissions");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("the shipped submissions/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let mut parts = text.splitn(3, "+++");
        let (_, front, body) = (parts.next(), parts.next(), parts.next());
        let (Some(front), Some(body)) = (front, body) else {
            continue;
        };
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let declared = front
            .lines()
            .find_map(|l| {
                let (key, value) = l.split_once('=')?;
                (key.trim() == "language").then(|| value.trim().trim_matches('"').to_string())
            })
            .unwrap_or_else(|| "en".into());
        let language = match stem.split_once('.') {
            Some((_, lang)) => lang.to_string(),
            None => declared,
        };
        if body.trim().chars().count() >= 20 {
            out.push((language, body.trim().to_string()));
        }
    }
    out
}

fn main() {
    let texts = texts();
    let six = [
        Language::Arabic,
        Language::Chinese,
        Language::English,
        Language::French,
        Language::Russian,
        Language::Spanish,
    ];
    let lingua = LanguageDetectorBuilder::from_languages(&six)
        .with_preloaded_language_models()
        .build();
    use whatlang::Lang::*;
    let whatlang = whatlang::Detector::with_allowlist(vec![Ara, Cmn, Eng, Fra, Rus, Spa]);
    println!(
        "{} shipped texts; windows read as their declared language:\n",
        texts.len()
    );
    println!(
        "{:>8} {:>8} {:>10} {:>18} {:>10} {:>12} {:>12}",
        "window", "windows", "whatlang", "whatlang reliable", "lingua", "whatlang µs", "lingua µs"
    );
    for size in [30, 60, 120, 240, 800, usize::MAX] {
        let mut windows = Vec::new();
        for (lang, text) in &texts {
            let chars: Vec<char> = text.chars().collect();
            if size == usize::MAX {
                windows.push((lang, text.clone()));
                continue;
            }
            for chunk in chars.chunks_exact(size) {
                windows.push((lang, chunk.iter().collect::<String>()));
            }
        }
        let (mut ours, mut reliable, mut theirs) = (0, 0, 0);
        let (mut our_time, mut their_time) = (Duration::ZERO, Duration::ZERO);
        for (lang, window) in &windows {
            let start = Instant::now();
            let info = whatlang.detect(window);
            our_time += start.elapsed();
            if let Some(info) = info
                && whatlang_code(info.lang()) == lang.as_str()
            {
                ours += 1;
                reliable += usize::from(info.is_reliable());
            }
            let start = Instant::now();
            let found = lingua.detect_language_of(window);
            their_time += start.elapsed();
            theirs += usize::from(found.map(lingua_code) == Some(lang.as_str()));
        }
        let n = windows.len().max(1);
        let share = |k: usize| format!("{:.1} %", 100.0 * k as f64 / n as f64);
        let each = |t: Duration| format!("{:.0}", t.as_secs_f64() * 1e6 / n as f64);
        let name = match size {
            usize::MAX => "whole".to_string(),
            n => n.to_string(),
        };
        println!(
            "{name:>8} {:>8} {:>10} {:>18} {:>10} {:>12} {:>12}",
            windows.len(),
            share(ours),
            share(reliable),
            share(theirs),
            each(our_time),
            each(their_time)
        );
    }
}
