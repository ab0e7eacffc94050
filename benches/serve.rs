//! Benchmark of `report serve`'s loop, on the synthetic root of 193 States in all six
//! languages: after a one-paragraph edit of a French translation, how long until
//! - the French site is rendered (its "site" event: the browser reloads then),
//! - the French pages that changed are ready as SVG ("pages"),
//! - the French PDF is written ("pdf"),
//!
//! each against a cold build of the French version alone (`report build --lang fr`, a
//! whole process). The goals: the site at most 0.1 of that cold build, the pages at most
//! 0.15. Also the peak memory of the serve process (VmHWM) with the six versions: at most
//! 2.5 GB.
//!
//! With `typst` on PATH (`-- --typst PATH` to name it), the PDF is also compared with
//! `typst watch` recompiling the same one-paragraph edit of the same `report.typ`: the
//! goal is at most 1.1 of its time. Without it, that comparison is said to be skipped.
//!
//! Run with `cargo bench --bench serve` (`-- --runs 4` for the number of edits, 6 by
//! default; `-- --keep DIR` to keep the synthetic root in DIR).

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

#[path = "common/mod.rs"]
mod common;

/// One server-sent event: its name, data, and when it arrived.
struct Event {
    name: String,
    data: String,
    at: Instant,
}

/// `report serve -v ROOT` on a free port, its events as they arrive, and what it prints.
fn serve(
    root: &Path,
) -> (
    Child,
    mpsc::Receiver<Event>,
    std::sync::Arc<std::sync::Mutex<String>>,
) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_report"))
        .args(["serve", root.to_str().unwrap(), "--port", "0", "-v"])
        .env("CI", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("report serve starts");
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let port: u16 = loop {
        let line = lines.next().expect("serve says where it serves").unwrap();
        if let Some(rest) = line.trim().strip_prefix("Serving http://127.0.0.1:") {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    let log = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let shared = std::sync::Arc::clone(&log);
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            shared.lock().unwrap().push_str(&(line + "\n"));
        }
    });
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /__report/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
    )
    .unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut name = String::new();
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            if let Some(n) = line.strip_prefix("event: ") {
                name = n.to_string();
            } else if let Some(data) = line.strip_prefix("data: ") {
                let event = Event {
                    name: std::mem::take(&mut name),
                    data: data.to_string(),
                    at: Instant::now(),
                };
                if tx.send(event).is_err() {
                    break;
                }
            }
        }
    });
    (child, rx, log)
}

/// Waits for an event named `name` whose data holds `holding`.
fn wait_for(rx: &mpsc::Receiver<Event>, name: &str, holding: &str) -> Event {
    loop {
        let event = rx
            .recv_timeout(Duration::from_secs(600))
            .unwrap_or_else(|_| panic!("no {name} event"));
        if event.name == name && event.data.contains(holding) {
            return event;
        }
        assert_ne!(event.name, "failed", "the build failed: {}", event.data);
    }
}

/// A memory figure of process `pid` from /proc (`VmHWM`: its peak, `VmRSS`: now), in
/// bytes.
fn memory(pid: u32, key: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with(key))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kb| kb * 1024)
}

fn peak_memory(pid: u32) -> u64 {
    memory(pid, "VmHWM:")
}

fn resident_memory(pid: u32) -> u64 {
    memory(pid, "VmRSS:")
}

/// A one-paragraph edit of `file`: a sentence added to its first paragraph, different
/// each run.
fn edit(file: &Path, run: usize) {
    let text = std::fs::read_to_string(file).unwrap();
    let body = text.rfind("+++\n").unwrap() + 4;
    let end = body + text[body..].trim_start().find("\n\n").unwrap_or(0) + 1;
    let sentence = format!(" Le service a traité {} demandes l'an dernier.", 400 + run);
    let edited = format!("{}{sentence}{}", &text[..end], &text[end..]);
    std::fs::write(file, edited).unwrap();
}

fn main() {
    let runs = common::runs(6);
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let keep = common::option("--keep").map(PathBuf::from);
    let root = keep.as_deref().unwrap_or(tmp.path()).join("root");
    let _ = std::fs::remove_dir_all(&root);
    common::synthetic_root_six(&root, 193);
    let translations: Vec<PathBuf> = {
        let mut all: Vec<PathBuf> = std::fs::read_dir(root.join("submissions"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".fr.md"))
            .collect();
        all.sort();
        all
    };

    // A cold build of the French version alone, as a whole process.
    let mut colds = Vec::new();
    for i in 0..3 {
        let out = tmp.path().join(format!("cold-{i}"));
        let mut command = common::report_build(&root, &out);
        command.args(["--lang", "fr"]);
        colds.push(
            common::measured(
                &mut command,
                "the cold French build",
                Duration::from_secs(600),
            )
            .wall,
        );
    }
    let cold = common::median(&mut colds);
    println!(
        "cold build of the French version (report build --lang fr, median of 3): {:.2} s",
        cold.as_secs_f64()
    );

    let (mut child, rx, log) = serve(&root);
    // The first build: every version's PDF exported, in whatever order.
    for _ in 0..6 {
        wait_for(&rx, "pdf", "\"lang\"");
    }
    let (mut sites, mut pages, mut pdfs) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..runs {
        let file = &translations[(run * 37) % translations.len()];
        // Between edits, the machine settles.
        std::thread::sleep(Duration::from_millis(500));
        let start = Instant::now();
        edit(file, run);
        let site = wait_for(&rx, "site", "ok").at - start;
        let event = wait_for(&rx, "pages", "\"lang\":\"fr\"");
        let page = event.at - start;
        let changed = event
            .data
            .split("\"changed\":[")
            .nth(1)
            .and_then(|rest| rest.split(']').next())
            .map_or(0, |list| list.split(',').filter(|n| !n.is_empty()).count());
        let pdf = wait_for(&rx, "pdf", "\"lang\":\"fr\"").at - start;
        println!(
            "edit of {}: site {:.0} ms, pages {:.0} ms ({changed} changed), PDF {:.0} ms",
            file.file_name().unwrap().to_string_lossy(),
            site.as_secs_f64() * 1e3,
            page.as_secs_f64() * 1e3,
            pdf.as_secs_f64() * 1e3
        );
        sites.push(site);
        pages.push(page);
        pdfs.push(pdf);
    }
    let first = (
        pages.first().copied().unwrap_or_default(),
        pdfs.first().copied().unwrap_or_default(),
    );
    let peak = peak_memory(child.id());
    let resident = resident_memory(child.id());
    // The stages of the last rebuild, as serve -v prints them.
    let log = log.lock().unwrap().clone();
    if let Some(at) = log.rfind("Changed") {
        println!("\nthe last rebuild, as serve -v prints it:");
        for line in log[at..].lines() {
            let line = line.trim_start();
            if line.starts_with("Timings") || line.starts_with("Layout") {
                println!("  {line}");
            }
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let ratio = |t: Duration| t.as_secs_f64() / cold.as_secs_f64();
    let (site, page, pdf) = (
        common::median(&mut sites),
        common::median(&mut pages),
        common::median(&mut pdfs),
    );
    println!("\nmedians of {runs} edits of a French translation, against the cold French build:");
    println!(
        "  site rendered:     {:>6.0} ms  ({:.3}; goal at most 0.1)",
        site.as_secs_f64() * 1e3,
        ratio(site)
    );
    println!(
        "  changed SVG pages: {:>6.0} ms  ({:.3}; goal at most 0.15)",
        page.as_secs_f64() * 1e3,
        ratio(page)
    );
    println!(
        "  PDF written:       {:>6.0} ms  ({:.3})",
        pdf.as_secs_f64() * 1e3,
        ratio(pdf)
    );
    // serve remembers the layouts of the versions its first build laid out last only (a
    // round of as many as there are threads): the first edit of another version lays it
    // out in full.
    println!(
        "  the first edit (its version laid out in full if the first build did not lay it out last): pages {:.0} ms, PDF {:.0} ms",
        first.0.as_secs_f64() * 1e3,
        first.1.as_secs_f64() * 1e3
    );
    println!(
        "  memory of serve with six versions: {:.2} GB resident after the edits, {:.2} GB at its peak (goal at most 2.5)",
        resident as f64 / 1e9,
        peak as f64 / 1e9
    );
    typst_watch(&root, tmp.path(), pdf);
}

/// `typst watch` on the French version's report.typ, edited in one paragraph: its
/// recompile time, as it prints it, against the PDF of serve.
fn typst_watch(root: &Path, tmp: &Path, ours: Duration) {
    let typst = common::option("--typst").unwrap_or_else(|| "typst".into());
    if Command::new(&typst).arg("--version").output().is_err() {
        println!(
            "  typst watch: SKIPPED, no `{typst}` found (cargo install typst-cli --version 0.15.1, or -- --typst PATH)"
        );
        return;
    }
    let source = root.join("output/fr/report.typ");
    let dir = tmp.join("typst-watch");
    std::fs::create_dir_all(&dir).unwrap();
    let main = dir.join("report.typ");
    std::fs::copy(&source, &main).unwrap();
    let mut child = Command::new(&typst)
        .args([
            "watch",
            main.to_str().unwrap(),
            dir.join("report.pdf").to_str().unwrap(),
        ])
        // The report's own fonts, and the standards its PDFs are exported to.
        .args(["--ignore-system-fonts", "--font-path"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts"))
        .args(["--pdf-standard", "ua-1,a-2a"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            // "[20:40:08] compiled successfully in 2.29 s" (or "in 812.34 ms")
            if let Some(time) = line.split("compiled successfully in ").nth(1) {
                let mut parts = time.split_whitespace();
                let value: f64 = parts.next().and_then(|v| v.parse().ok()).unwrap_or(0.0);
                let secs = match parts.next() {
                    Some("ms") => value / 1e3,
                    _ => value,
                };
                let _ = tx.send(Duration::from_secs_f64(secs));
            }
        }
    });
    let _ = rx.recv_timeout(Duration::from_secs(300));
    let mut times = Vec::new();
    for run in 0..5 {
        std::thread::sleep(Duration::from_millis(500));
        let text = std::fs::read_to_string(&main).unwrap();
        let at = text
            .find("#par")
            .or_else(|| text.rfind(". "))
            .unwrap_or(text.len() / 2);
        let edited = format!("{} Ajout {run}.{}", &text[..at], &text[at..]);
        std::fs::write(&main, edited).unwrap();
        if let Ok(time) = rx.recv_timeout(Duration::from_secs(300)) {
            times.push(time);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    if times.is_empty() {
        println!("  typst watch: no recompile seen");
        return;
    }
    let theirs = common::median(&mut times);
    println!(
        "  typst watch recompiling the same edit: {:.0} ms (median of {}); serve's PDF at {:.2} of it (goal at most 1.1)",
        theirs.as_secs_f64() * 1e3,
        times.len(),
        ours.as_secs_f64() / theirs.as_secs_f64()
    );
}
