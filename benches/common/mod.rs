//! What the benchmarks share: their command-line options, and synthetic report roots (the
//! shipped book.toml and N replies of about 900 words of Markdown each, with paragraphs, a
//! run-in heading, a list, a table and footnotes, for the first N Member States in UN
//! order; the same N gives the same files).

// Each benchmark uses a part of what is here.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use report::registry::{self, Standing};

/// The value after `--name` on the command line (`cargo bench --bench x -- --name value`).
pub fn option(name: &str) -> Option<String> {
    std::env::args().skip_while(|a| a != name).nth(1)
}

/// `--runs N`, or `default`.
pub fn runs(default: usize) -> usize {
    option("--runs")
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// Deterministic pseudo-random numbers (a linear congruential generator).
struct Rng(u64);

impl Rng {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % bound as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "the",
    "Government",
    "cybercrime",
    "legislation",
    "cooperation",
    "evidence",
    "electronic",
    "investigation",
    "providers",
    "international",
    "national",
    "authorities",
    "offences",
    "data",
    "capacity",
    "training",
    "prosecutors",
    "judges",
    "assistance",
    "mutual",
    "legal",
    "criminal",
    "procedure",
    "framework",
    "challenges",
    "technologies",
    "information",
    "communications",
    "access",
    "jurisdiction",
    "and",
    "of",
    "in",
    "to",
    "for",
    "with",
    "on",
    "a",
    "its",
    "which",
    "are",
    "is",
    "by",
    "as",
    "that",
    "law",
    "enforcement",
    "request",
];

const THEMES: &[&str] = &[
    "mutual legal assistance",
    "ransomware",
    "online fraud",
    "child sexual exploitation",
    "darknet trafficking",
    "virtual assets",
    "data preservation",
    "cloud storage",
    "training of judges and prosecutors",
    "service providers",
    "encryption",
    "Budapest Convention",
    "24/7 network",
    "identity theft",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s: Vec<&str> = (0..words).map(|_| WORDS[rng.next(WORDS.len())]).collect();
    s[0] = "The";
    format!("{}.", s.join(" "))
}

fn paragraph(rng: &mut Rng, words: usize) -> String {
    let mut out = Vec::new();
    let mut left = words;
    while left > 0 {
        let n = left.min(12 + rng.next(14));
        out.push(sentence(rng, n));
        left -= n;
    }
    out.join(" ")
}

/// A reply of about 900 words: paragraphs, a list, a table and two footnotes.
fn reply(rng: &mut Rng, name: &str, categories: &[&str]) -> String {
    let mut front = format!(
        "+++\nstate = \"{name}\"\nreceived = 2019-04-{:02}\nnote = \"Synthetic benchmark text\"\n",
        1 + rng.next(28)
    );
    let picked = 2 + rng.next(3);
    for k in 0..picked {
        let category = categories[(rng.next(categories.len()) + k * 5) % categories.len()];
        if front.contains(&format!("\"{category}\"")) {
            continue;
        }
        let a = THEMES[rng.next(THEMES.len())];
        let b = THEMES[rng.next(THEMES.len())];
        let themes = if a == b {
            format!("\"{a}\"")
        } else {
            format!("\"{a}\", \"{b}\"")
        };
        front.push_str(&format!(
            "\n[[challenges]]\ncategory = \"{category}\"\nthemes = [{themes}]\nsummary = \"{}\"\n",
            sentence(rng, 30)
        ));
    }
    front.push_str("+++\n\n");
    let mut body = String::new();
    body.push_str(&format!("{}[^1]\n\n", paragraph(rng, 150)));
    body.push_str("### Challenges\n");
    body.push_str(&format!("{}\n\n", paragraph(rng, 150)));
    for _ in 0..5 {
        body.push_str(&format!("- {}\n", sentence(rng, 18)));
    }
    body.push_str("\n| Institution | Role |\n|---|---|\n");
    for _ in 0..4 {
        body.push_str(&format!(
            "| {} | {} |\n",
            sentence(rng, 3),
            sentence(rng, 10)
        ));
    }
    body.push_str(&format!(
        "\n{}[^2]\n\n{}\n\n",
        paragraph(rng, 200),
        paragraph(rng, 220)
    ));
    body.push_str(&format!(
        "[^1]: {}\n[^2]: {}\n",
        sentence(rng, 15),
        sentence(rng, 12)
    ));
    front + &body
}

pub fn synthetic_root(root: &Path, states: usize) {
    synthetic_root_with(root, states, false);
}

/// A synthetic root of `states` replies; with `translated`, every reply is received in
/// Spanish and has an English translation beside it (`arg.en.md`), of the same shape.
pub fn synthetic_root_with(root: &Path, states: usize, translated: bool) {
    std::fs::create_dir_all(root.join("submissions")).unwrap();
    let book = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/book.toml")).unwrap();
    // The English version only: the benchmarks compare one version with other tools.
    let book: String = book
        .lines()
        .filter(|l| !l.starts_with("languages ="))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(root.join("book.toml"), &book).unwrap();
    let categories: Vec<String> = book_categories(&book);
    let categories: Vec<&str> = categories.iter().map(String::as_str).collect();
    let mut rng = Rng(74);
    for state in registry::all()
        .iter()
        .filter(|s| s.standing == Standing::Member)
        .take(states)
    {
        let text = reply(&mut rng, state.name, &categories);
        let stem = format!("submissions/{}", state.iso3.to_lowercase());
        if translated {
            let original = text.replacen("+++\n", "+++\nlanguage = \"es\"\n", 1);
            std::fs::write(root.join(format!("{stem}.md")), original).unwrap();
            let body = reply(&mut rng, state.name, &categories);
            let body = &body[body.rfind("+++\n").unwrap() + 4..];
            let translation = format!("+++\ntranslator = \"Synthetic\"\n+++\n{body}");
            std::fs::write(root.join(format!("{stem}.en.md")), translation).unwrap();
        } else {
            std::fs::write(root.join(format!("{stem}.md")), text).unwrap();
        }
    }
}

/// Words of pseudo-text per language, to stand in for translations in each script.
const TRANSLATED_WORDS: [(&str, &[&str]); 5] = [
    (
        "fr",
        &[
            "coopération",
            "données",
            "État",
            "preuve",
            "électronique",
            "réseau",
            "justice",
            "sécurité",
            "enquête",
            "criminalité",
        ],
    ),
    (
        "es",
        &[
            "cooperación",
            "datos",
            "Estado",
            "prueba",
            "electrónica",
            "red",
            "justicia",
            "seguridad",
            "investigación",
            "delincuencia",
        ],
    ),
    // Words of about the lengths a translation has: Russian text runs some 15 per cent
    // longer than English, not more.
    (
        "ru",
        &[
            "суд",
            "данные",
            "сеть",
            "закон",
            "доклад",
            "право",
            "связь",
            "меры",
            "власти",
            "помощь",
        ],
    ),
    (
        "ar",
        &[
            "التعاون",
            "البيانات",
            "الدولة",
            "الأدلة",
            "الإلكترونية",
            "الشبكة",
            "العدالة",
            "الأمن",
            "التحقيق",
            "الجريمة",
        ],
    ),
    (
        "zh",
        &[
            "合作", "数据", "国家", "证据", "电子", "网络", "司法", "安全", "调查", "犯罪",
        ],
    ),
];

/// `text` with every run of ASCII letters replaced by a word of `words`, Markdown kept.
fn pseudo_translation(text: &str, words: &[&str]) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if !word.is_empty() {
            let i = word
                .bytes()
                .fold(7usize, |h, b| h.wrapping_mul(31).wrapping_add(b.into()));
            out.push_str(words[i % words.len()]);
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Pseudo-Chinese written as Chinese is: no space between two ideographs, and the
/// fullwidth full stop and comma after one ("数据。", "数据，"), the space after them dropped.
/// Markdown is kept: its marks are not ideographs ("### 数据", "- 数据", "| 数据 |").
fn written_as_chinese(text: &str) -> String {
    let ideograph = |c: Option<&char>| c.is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(c));
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, c) in chars.iter().enumerate() {
        let back = |n: usize| i.checked_sub(n).and_then(|j| chars.get(j));
        let (before, after) = (back(1), chars.get(i + 1));
        match c {
            '.' if ideograph(before) => out.push('。'),
            ',' if ideograph(before) => out.push('，'),
            ' ' if ideograph(after)
                && (ideograph(before)
                    || (matches!(before, Some('.' | ',')) && ideograph(back(2)))) => {}
            _ => out.push(*c),
        }
    }
    out
}

/// A synthetic root of `states` replies in English, each translated into the five other
/// official languages (pseudo-text in each script), with all six versions in
/// `[book] languages`.
pub fn synthetic_root_six(root: &Path, states: usize) {
    synthetic_root_with(root, states, false);
    let book = std::fs::read_to_string(root.join("book.toml")).unwrap();
    let book = book.replacen(
        "language = \"en\"",
        "language = \"en\"\nlanguages = [\"en\", \"fr\", \"es\", \"ru\", \"ar\", \"zh\"]",
        1,
    );
    std::fs::write(root.join("book.toml"), book).unwrap();
    // The originals (`abc.md`), listed before any translation is written beside them.
    let originals: Vec<_> = std::fs::read_dir(root.join("submissions"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .matches('.')
                .count()
                == 1
        })
        .collect();
    for path in originals {
        let text = std::fs::read_to_string(&path).unwrap();
        let body = &text[text.rfind("+++\n").unwrap() + 4..];
        for (lang, words) in TRANSLATED_WORDS {
            let mut translated = pseudo_translation(body, words);
            if lang == "zh" {
                translated = written_as_chinese(&translated);
            }
            let translation = format!("+++\ntranslator = \"Synthetic\"\n+++\n{translated}");
            std::fs::write(path.with_extension(format!("{lang}.md")), translation).unwrap();
        }
    }
}

fn book_categories(book: &str) -> Vec<String> {
    book.lines()
        .filter_map(|l| l.strip_prefix("id = \""))
        .map(|l| l.trim_end_matches('"').to_string())
        .collect()
}

/// How a measured process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// It exited with this code.
    Exit(i32),
    /// A signal ended it (a crash, or the kill after the time limit).
    Signal(i32),
    /// It was killed after running longer than the limit.
    TimedOut,
}

/// What a measured process did: how it ended, its wall time and peak memory.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    pub ended: Ended,
    pub wall: Duration,
    /// Peak resident memory in bytes, of the process and the processes it started.
    pub peak: u64,
}

/// The resident memory of process `pid` and of every process below it, in bytes (0 for a
/// process that has ended): the sum of their resident sets, so that memory two of them
/// share is counted twice.
fn tree_resident(pid: u32) -> u64 {
    // SAFETY: sysconf only reads a system setting.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) }.max(1) as u64;
    let resident = std::fs::read_to_string(format!("/proc/{pid}/statm"))
        .ok()
        .and_then(|statm| statm.split_whitespace().nth(1)?.parse::<u64>().ok())
        .unwrap_or(0);
    let children: Vec<u32> = std::fs::read_dir(format!("/proc/{pid}/task"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|task| std::fs::read_to_string(task.path().join("children")).ok())
        .flat_map(|list| {
            list.split_whitespace()
                .filter_map(|c| c.parse().ok())
                .collect::<Vec<u32>>()
        })
        .collect();
    resident * page + children.into_iter().map(tree_resident).sum::<u64>()
}

/// Runs a command to its end (killed after `limit`), measuring wall time and the peak
/// resident memory: the largest sum over the process and the worker processes it starts
/// (`report build` typesets each language version in one), sampled every 5 ms, and at
/// least the process's own peak (`wait4`'s `ru_maxrss`, which counts a worker only on its
/// own).
pub fn run_measured(command: &mut Command, limit: Duration) -> Measured {
    let start = Instant::now();
    let child = command.spawn().expect("the program starts");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data, zero is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let mut timed_out = false;
    let mut tree_peak = 0;
    loop {
        tree_peak = tree_peak.max(tree_resident(pid as u32));
        // SAFETY: polls the child we just spawned; std's handle is not waited on again.
        let waited = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if waited == pid {
            break;
        }
        assert_eq!(waited, 0, "wait4 failed");
        if start.elapsed() > limit && !timed_out {
            timed_out = true;
            // SAFETY: the child has not been reaped, so the pid is still ours.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let wall = start.elapsed();
    std::mem::forget(child);
    let ended = if timed_out {
        Ended::TimedOut
    } else if libc::WIFEXITED(status) {
        Ended::Exit(libc::WEXITSTATUS(status))
    } else {
        Ended::Signal(libc::WTERMSIG(status))
    };
    Measured {
        ended,
        wall,
        peak: (usage.ru_maxrss.max(0) as u64 * 1024).max(tree_peak),
    }
}

/// The median of some durations.
pub fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// `report build ROOT --out OUT`, the release binary, quiet (its output is not measured).
pub fn report_build(root: &Path, out: &Path) -> Command {
    report_build_with(Path::new(env!("CARGO_BIN_EXE_report")), root, out)
}

/// `report build ROOT --out OUT` with the `report` binary at `bin` (an earlier build, to
/// compare with), quiet.
pub fn report_build_with(bin: &Path, root: &Path, out: &Path) -> Command {
    let mut command = Command::new(bin);
    command
        .args([
            "build",
            root.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .env("CI", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    command
}

/// Runs a command that must succeed, its output dropped; its measurements.
pub fn measured(command: &mut Command, what: &str, limit: Duration) -> Measured {
    let m = run_measured(
        command
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null()),
        limit,
    );
    assert_eq!(m.ended, Ended::Exit(0), "{what} failed");
    m
}

/// The median time and the peak memory of each of two programs over `runs` runs, run in
/// turn (after one warm-up run each) so that drift in the machine's load affects both alike.
pub fn in_turn(
    runs: usize,
    mut a: impl FnMut() -> Measured,
    mut b: impl FnMut() -> Measured,
) -> [(Duration, u64); 2] {
    a();
    b();
    let (mut times, mut peaks) = ([Vec::new(), Vec::new()], [0, 0]);
    for _ in 0..runs {
        for (i, m) in [a(), b()].into_iter().enumerate() {
            times[i].push(m.wall);
            peaks[i] = peaks[i].max(m.peak);
        }
    }
    let [mut ta, mut tb] = times;
    [(median(&mut ta), peaks[0]), (median(&mut tb), peaks[1])]
}

/// The number of pages of a PDF, as `pdfinfo` (Debian poppler-utils) says, or "?".
pub fn pdf_pages(pdf: &Path) -> String {
    Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).to_string())
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|p| p.trim().to_string()))
        .unwrap_or_else(|| "?".into())
}
