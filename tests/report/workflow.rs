//! The editor's workflow: `report serve` following edits (and writing what a fresh build
//! writes), Ctrl-C, `report new`, draft builds, `--deny-warnings` and shell completions.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::{
    assert_contains_all, build_ok, edit, files, fixture_copy, report, report_in, shipped_copy,
};

/// `report` running in the background, its standard error collected; killed when dropped.
struct Running {
    child: Child,
    log: Arc<Mutex<String>>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Running {
    fn start(args: &[&str]) -> Running {
        Running::start_with(args, &[])
    }

    /// Started with these environment variables set too.
    fn start_with(args: &[&str], envs: &[(&str, &str)]) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_report"))
            .args(args)
            .envs(envs.iter().copied())
            .env("CI", "1")
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().unwrap();
        let shared = Arc::clone(&log);
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                shared.lock().unwrap().push_str(&(line + "\n"));
            }
        });
        Running {
            child,
            log,
            reader: Some(reader),
        }
    }

    /// What it printed so far.
    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Waits until it ends and everything it printed is read.
    fn wait(&mut self) -> std::process::ExitStatus {
        let status = self.child.wait().unwrap();
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        status
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `report serve -v` running on a free port.
struct Server {
    run: Running,
    port: u16,
}

fn serve(root: &Path) -> Server {
    serve_with(root, &[])
}

/// `report serve -v` with these environment variables set.
fn serve_with(root: &Path, envs: &[(&str, &str)]) -> Server {
    let run = Running::start_with(
        &["serve", root.to_str().unwrap(), "--port", "0", "-v"],
        envs,
    );
    let mut port = None;
    eventually("serve prints its address", || {
        port = run
            .log()
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next()?.parse::<u16>().ok());
        port.is_some()
    });
    Server {
        run,
        port: port.unwrap(),
    }
}

/// Sends a request with no body; the whole answer as text.
fn request(port: u16, method: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).unwrap();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// GET a path; the status code and the body.
fn get(port: u16, path: &str) -> (u16, String) {
    let response = request(port, "GET", path);
    let status = response[9..12].parse().unwrap();
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// Polls until `check` holds, for at most 30 seconds.
fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if check() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("timed out waiting until {what}");
}

#[test]
fn serve_follows_edits_and_keeps_the_last_good_page_on_errors() {
    let (_tmp, root) = fixture_copy("valid");
    let server = serve(&root);
    let port = server.port;
    eventually("the first build is served, its PDF exported", || {
        let status = get(port, "/__report/status").1;
        builds(&status) == 1 && exports(&status) == 1
    });

    let (status, page) = get(port, "/html/states/cri.html");
    assert_eq!(status, 200);
    assert!(page.contains("tiene el honor de transmitir"));
    // The live script, with the place of Costa Rica's reply in the layout preview.
    let script = page
        .split("data-layout=\"/__report/layout/en#page-")
        .nth(1)
        .filter(|_| {
            page.contains("<script src=\"/__report/live.js\" data-pdf-of=\"PDF of {time}\"")
        })
        .unwrap_or_else(|| panic!("live script with the layout's place injected: {page}"));
    let reply_page: usize = script.split('"').next().unwrap().parse().unwrap();
    let (status, layout) = get(port, "/__report/layout/en");
    assert_eq!(status, 200);
    assert!(
        layout.contains(&format!(
            "<figure id=\"page-{reply_page}\"><figcaption><a href=\"#page-{reply_page}\">{reply_page}</a>"
        )) && layout.contains("<a href=\"/html/states/cri.html\">CRI</a>"),
        "{layout}"
    );
    assert_eq!(get(port, "/report.pdf").0, 200);
    assert_eq!(get(port, "/../../etc/passwd").0, 404);
    let head = request(port, "HEAD", "/report.pdf");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(head.contains("Content-Type: application/pdf"), "{head}");
    assert!(
        head.ends_with("\r\n\r\n"),
        "HEAD answers without a body: {head}"
    );
    let post = request(port, "POST", "/report.pdf");
    assert!(
        post.starts_with("HTTP/1.1 405") && post.contains("Allow: GET, HEAD"),
        "{post}"
    );

    // An edit shows up.
    let file = root.join("submissions/cri.md");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        text.replace("tiene el honor de transmitir", "transmite con gusto"),
    )
    .unwrap();
    eventually("the edit is served", || {
        get(port, "/html/states/cri.html")
            .1
            .contains("transmite con gusto")
    });

    // A broken edit: the last good page stays, the problem is reported.
    fs::write(
        &file,
        "+++\nstate = \"Costa Rica\nreceived = 2019-03-01\n+++\n",
    )
    .unwrap();
    eventually("the failure is reported", || {
        get(port, "/__report/status").1.contains("\"ok\":false")
    });
    let (_, status) = get(port, "/__report/status");
    assert!(status.contains("submissions/cri.md:2:"), "{status}");
    assert!(
        get(port, "/html/states/cri.html")
            .1
            .contains("transmite con gusto")
    );
    eventually("the failure is printed", || {
        server
            .run
            .log()
            .contains("the output folder was left as it was")
    });

    // Fixed again: back to normal.
    fs::write(&file, text).unwrap();
    eventually("the fix is served", || {
        get(port, "/__report/status").1.contains("\"ok\":true")
    });
}

/// The number of builds in a `/__report/status` answer.
fn builds(status: &str) -> u64 {
    count(status, "builds")
}

/// How many PDFs a server's exporter wrote, from its status.
fn exports(status: &str) -> u64 {
    count(status, "exports")
}

/// A number of a status, by its key.
fn count(status: &str, key: &str) -> u64 {
    status
        .split(&format!("\"{key}\":"))
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The live-reload events of a server, as (name, data), in the order they come.
fn events(port: u16) -> std::sync::mpsc::Receiver<(String, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /__report/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut name = String::new();
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if let Some(n) = line.strip_prefix("event: ") {
                name = n.to_string();
            } else if let Some(data) = line.strip_prefix("data: ")
                && tx
                    .send((std::mem::take(&mut name), data.to_string()))
                    .is_err()
            {
                break;
            }
        }
    });
    rx
}

/// The events that come until (and with) the first one named `last`.
fn events_until(rx: &std::sync::mpsc::Receiver<(String, String)>, last: &str) -> Vec<String> {
    let mut seen = Vec::new();
    loop {
        let (name, data) = rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("no {last} event after {seen:?}"));
        seen.push(format!("{name} {data}"));
        if name == last {
            return seen;
        }
    }
}

/// Every page of a version's layout preview, as SVG.
fn layout_pages(port: u16, lang: &str) -> Vec<String> {
    let list = get(port, &format!("/__report/layout/{lang}")).1;
    let count = list.matches("<figure id=\"page-").count();
    (1..=count)
        .map(|n| get(port, &format!("/__report/layout/{lang}/{n}.svg")).1)
        .collect()
}

/// An edit reaches the browser as the site first, then the pages that changed (only
/// those), then the PDF; saves made while a PDF is exported give one PDF, of the last.
#[test]
fn serve_shows_the_site_then_the_changed_pages_then_one_pdf() {
    let (_tmp, root) = fixture_copy("valid");
    // Each export waits 3 s first: long enough for a second save to come during it.
    let server = serve_with(&root, &[("REPORT_EXPORT_PAUSE_MS", "3000")]);
    let port = server.port;
    eventually("the first build's PDF is written", || {
        exports(&get(port, "/__report/status").1) == 1
    });
    let rx = events(port);
    let before = layout_pages(port, "en");
    assert!(before.len() >= 3, "{}", before.len());
    assert!(
        before[0].starts_with("<svg"),
        "{}",
        &before[0][..100.min(before[0].len())]
    );

    // One save: the site, then the changed pages, then the build's end, then the PDF.
    let file = root.join("submissions/civ.md");
    edit(&file, |text| {
        format!("{}\n\nFirst edit while serving.\n", text.trim_end())
    });
    let seen = events_until(&rx, "pdf");
    let names: Vec<&str> = seen.iter().map(|e| e.split(' ').next().unwrap()).collect();
    assert_eq!(names, ["site", "pages", "built", "pdf"], "{seen:#?}");
    let after = layout_pages(port, "en");
    assert_eq!(after.len(), before.len());
    let differ: Vec<usize> = (0..after.len())
        .filter(|&i| after[i] != before[i])
        .map(|i| i + 1)
        .collect();
    assert_eq!(
        differ.len(),
        1,
        "only the page of the edit differs: {differ:?}"
    );
    assert!(
        seen[1].contains(&format!("\"changed\":[{}]", differ[0])),
        "the event names the changed page {}: {}",
        differ[0],
        seen[1]
    );
    assert_eq!(exports(&get(port, "/__report/status").1), 2);

    // Two saves, the second while the first's PDF is being exported: one PDF, the second's.
    edit(&file, |text| text.replace("First edit", "Second edit"));
    events_until(&rx, "pages");
    edit(&file, |text| text.replace("Second edit", "Third edit"));
    let seen = events_until(&rx, "pdf");
    assert_eq!(
        seen.iter().filter(|e| e.starts_with("site ")).count(),
        1,
        "the third save's site came without waiting for the second's PDF: {seen:#?}"
    );
    // No second PDF follows (it would come after another pause of 3 s).
    std::thread::sleep(Duration::from_millis(3500));
    assert!(rx.try_recv().is_err());
    assert_eq!(exports(&get(port, "/__report/status").1), 3);
    let pdf = crate::support::pdf_text(&root.join("output/report.pdf"));
    assert!(pdf.contains("Third edit while serving"), "{pdf}");
    assert!(!pdf.contains("Second edit"));
}

#[test]
fn a_live_rebuild_writes_what_a_fresh_build_writes() {
    // The shipped report, so that an edit moves page breaks, the contents and the "n/N"
    // of every footer: a rebuild starts Typst from the previous build's page numbers and
    // must still end where a build from scratch ends.
    let (_tmp, root) = shipped_copy();
    let server = serve(&root);
    let port = server.port;
    // The first build, and the PDF of each of its six versions.
    eventually("the first build is served", || {
        let status = get(port, "/__report/status").1;
        builds(&status) == 1 && exports(&status) == 6
    });
    let pages_before = pages(&root.join("output/report.pdf")).len();

    // The English report prints Argentina's English translation: the edit goes there.
    let added = "Argentina adds that last year the specialized unit received more than four \
        hundred requests for the preservation of data, most of them concerning fraud \
        committed through electronic commerce platforms. ";
    edit(&root.join("submissions/arg.en.md"), |text| {
        let end = text.rfind("+++").unwrap() + 3;
        let paragraphs = format!("\n\n{}\n", added.repeat(6)).repeat(12);
        format!("{}{paragraphs}{}", &text[..end], &text[end..])
    });
    // Built, and the English PDF (the one version that changed) exported.
    eventually("the edit is built", || {
        let status = get(port, "/__report/status").1;
        builds(&status) >= 2 && exports(&status) == 7 && status.contains("\"ok\":true")
    });
    assert!(
        pages(&root.join("output/report.pdf")).len() > pages_before,
        "the edit should add a page, moving what follows"
    );

    // A change to the site's style only: the PDF is written again without typesetting.
    // The live script speaks each version's language.
    let french = get(port, "/fr/html/index.html").1;
    assert!(
        french.contains("data-pdf-of=\"PDF de {time}\"")
            && french.contains("data-failed=\"La dernière reconstruction a échoué"),
        "{french}"
    );
    let pdf = fs::read(root.join("output/report.pdf")).unwrap();
    let done = builds(&get(port, "/__report/status").1);
    edit(&root.join("templates/style.css"), |css| {
        format!("{css}\nh1 {{ color: #b00020; }}\n")
    });
    eventually("the style edit is built", || {
        let status = get(port, "/__report/status").1;
        builds(&status) > done && status.contains("\"ok\":true")
    });
    eventually("the reuse is printed", || {
        server.run.log().contains(
            "en: skipped: the Typst source did not change, the previous PDF is written again",
        )
    });
    assert_eq!(
        exports(&get(port, "/__report/status").1),
        7,
        "nothing exported again"
    );
    assert!(fs::read(root.join("output/report.pdf")).unwrap() == pdf);

    // One more edit of a reply's text, the templates as they were: the site's pages that
    // read nothing of it are kept from the last build, the files that did not change are
    // linked from the last output; the result must still be a fresh build's.
    let done = builds(&get(port, "/__report/status").1);
    edit(&root.join("submissions/arg.en.md"), |text| {
        text.replacen(added, "Argentina adds a sentence of its own. ", 1)
    });
    eventually("the second reply edit is built and exported", || {
        let status = get(port, "/__report/status").1;
        builds(&status) > done && exports(&status) == 8 && status.contains("\"ok\":true")
    });

    // The Typst template edited: every version is laid out again, more versions than
    // threads, so in rounds with Typst's caches cleared between them; each PDF exported.
    let done = builds(&get(port, "/__report/status").1);
    edit(&root.join("templates/report.typ.j2"), |template| {
        format!("{template}\n// Laid out again in rounds.\n")
    });
    eventually(
        "the template edit is built and every version exported",
        || {
            let status = get(port, "/__report/status").1;
            builds(&status) > done && exports(&status) == 14 && status.contains("\"ok\":true")
        },
    );
    // The first build and this one.
    let log = server.run.log();
    assert_eq!(log.matches("laid out in rounds of").count(), 2, "{log}");
    let live = files(&root.join("output"));
    assert!(
        live.iter().any(|(path, bytes)| path.ends_with(".css")
            && String::from_utf8_lossy(bytes).contains("#b00020")),
        "the new style is written"
    );
    assert!(
        live.iter()
            .any(|(path, bytes)| path == "html/states/arg.html"
                && String::from_utf8_lossy(bytes).contains("a sentence of its own")),
        "the edited reply's page is rendered again"
    );
    drop(server);

    let fresh = build_ok(&root);
    let fresh = files(fresh.path());
    assert_eq!(
        live.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &live {
        assert!(
            bytes == &fresh[path],
            "{path} differs between the live rebuild and a fresh build"
        );
    }
}

#[test]
fn ctrl_c_stops_watch_and_leaves_only_the_output() {
    let (_tmp, root) = fixture_copy("valid");
    let mut watch = Running::start(&["watch", root.to_str().unwrap()]);
    eventually("watch builds once", || watch.log().contains("Finished"));
    // As if the removal of a replaced output were under way when Ctrl-C comes.
    fs::create_dir_all(root.join(".output.old/html")).unwrap();
    fs::write(root.join(".output.old/html/index.html"), "old").unwrap();

    // SAFETY: kill only sends a signal to the child we started.
    assert_eq!(
        unsafe { libc::kill(watch.child.id() as i32, libc::SIGINT) },
        0
    );
    let status = watch.wait();
    let log = watch.log();
    assert_eq!(status.code(), Some(0), "{log}");
    assert!(log.contains("Stopped"), "{log}");
    assert!(root.join("output/report.pdf").exists());
    assert!(!root.join(".output.old").exists() && !root.join(".output.new").exists());
}

#[test]
fn new_starts_a_reply_from_any_name() {
    let (_tmp, root) = fixture_copy("valid");
    let run = report_in(&root, &["new", "Bolivia", "--language", "es"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = fs::read_to_string(root.join("submissions/bol.md")).unwrap();
    assert_contains_all(
        &text,
        &[
            "state = \"Bolivia (Plurinational State of)\"",
            "language = \"es\"",
            "status = \"draft\"",
            "[[challenges]]",
            "#   cooperation, evidence, prevention",
        ],
    );
    // The new reply checks (it is a draft until the editor completes it).
    let check = report_in(&root, &["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(check.stderr.contains("(2 drafts)"), "{}", check.stderr);

    // Refusals: a State that has a reply (named by an alias), an unknown State.
    let again = report_in(&root, &["new", "Turkey"]);
    assert_eq!(again.code, 1);
    assert!(
        again
            .stderr
            .contains("Türkiye already has a reply: ./submissions/tur.md"),
        "{}",
        again.stderr
    );
    let unknown = report_in(&root, &["new", "Atlantis"]);
    assert_eq!(unknown.code, 1);
    assert!(unknown.stderr.contains("unknown State \"Atlantis\""));
}

/// Each page's text, for page-by-page checks.
fn pages(pdf: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(pdf).unwrap();
    doc.get_pages()
        .keys()
        .map(|n| doc.extract_text(&[*n]).unwrap())
        .collect()
}

/// A draft build of the valid fixture at a fixed date, into `out`.
fn draft_build(out: &Path) {
    let run = Command::new(env!("CARGO_BIN_EXE_report"))
        .args([
            "build",
            "tests/fixtures/valid",
            "--draft",
            "--revision",
            "rev-1234",
            "--out",
        ])
        .arg(out)
        .env("SOURCE_DATE_EPOCH", "1764374400")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn drafts_carry_the_watermark_and_revision_on_every_page() {
    let out = tempfile::tempdir().unwrap();
    let draft = out.path().join("draft");
    draft_build(&draft);
    for (i, page) in pages(&draft.join("report.pdf")).iter().enumerate() {
        assert!(page.contains("DRAFT"), "page {} has no watermark", i + 1);
        assert!(
            page.contains("built 29 November 2025 from rev-1234"),
            "page {}: {page}",
            i + 1
        );
    }
    let html = fs::read_to_string(draft.join("html/states/per.html")).unwrap();
    assert!(html.contains("<aside class=\"draft-banner\" aria-label=\"DRAFT\"><p><strong>DRAFT</strong> · built 29 November 2025 from rev-1234"));
    // The draft reply is in, and the same revision builds the same bytes.
    let again = out.path().join("again");
    draft_build(&again);
    assert!(
        fs::read(draft.join("report.pdf")).unwrap() == fs::read(again.join("report.pdf")).unwrap()
    );

    let final_out = out.path().join("final");
    let run = report(&[
        "build",
        "tests/fixtures/valid",
        "--out",
        final_out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0);
    for page in pages(&final_out.join("report.pdf")) {
        assert!(!page.contains("DRAFT") && !page.contains("rev-1234"));
    }
    assert!(
        !fs::read_to_string(final_out.join("html/index.html"))
            .unwrap()
            .contains("draft-banner")
    );
    assert!(
        !final_out.join("html/states/per.html").exists(),
        "a final build leaves drafts out"
    );
}

#[test]
fn deny_warnings_makes_warnings_fail() {
    // The valid root's late reply, a fact allowed by default, made a warning by [lints].
    let (_tmp, root) = fixture_copy("valid");
    let book = fs::read_to_string(root.join("book.toml")).unwrap();
    fs::write(
        root.join("book.toml"),
        format!("{book}\n[lints]\nlate-reply = \"warn\"\n"),
    )
    .unwrap();
    let root = root.to_str().unwrap();
    let run = report(&["check", root, "--deny-warnings"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("error[warnings-denied]: 1 warning denied by --deny-warnings (late-reply)"),
        "{}",
        run.stderr
    );
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let run = report(&[
        "build",
        root,
        "--deny-warnings",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1);
    assert!(!out.exists(), "nothing is written");
    // Every command that checks a root honours the flag, stats and diff included.
    let run = report(&["stats", root, "--deny-warnings"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let run = report(&["diff", root, root, "--deny-warnings"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn completions_for_the_shells() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = report(&["completions", shell]);
        assert_eq!(run.code, 0);
        assert!(
            run.stdout.contains("report") && run.stdout.contains("serve"),
            "{shell}"
        );
    }
}

/// Sends raw bytes as a request and reads the answer (at most 10 seconds).
fn raw_request(port: u16, bytes: &[u8]) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let _ = stream.write_all(bytes);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

#[test]
fn serve_answers_only_the_loopback_and_bounds_every_request() {
    let (_tmp, root) = fixture_copy("valid");
    let server = serve(&root);
    let port = server.port;
    eventually("the first build is served", || {
        get(port, "/__report/status").1.contains("\"builds\":1")
    });
    let with_host = |host: &str| {
        raw_request(
            port,
            format!("GET /html/index.html HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
    };
    // DNS rebinding: a page elsewhere whose name now points to 127.0.0.1.
    for host in [
        "evil.example",
        &format!("evil.example:{port}"),
        "127.0.0.1:1",
    ] {
        let answer = with_host(host);
        assert!(answer.starts_with("HTTP/1.1 403"), "Host: {host}: {answer}");
        assert!(!answer.contains("<html"), "{answer}");
    }
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LOCALHOST:{port}"),
        "localhost".to_string(),
    ] {
        let answer = with_host(&host);
        assert!(answer.starts_with("HTTP/1.1 200"), "Host: {host}: {answer}");
    }
    let no_host = raw_request(port, b"GET /html/index.html HTTP/1.0\r\n\r\n");
    assert!(
        no_host.starts_with("HTTP/1.0 403") || no_host.starts_with("HTTP/1.1 403"),
        "{no_host}"
    );

    // A request head larger than the limit is refused, not read into memory.
    let huge = format!(
        "GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: {}\r\n\r\n",
        "x".repeat(200_000)
    );
    let answer = raw_request(port, huge.as_bytes());
    assert!(!answer.starts_with("HTTP/1.1 2"), "{answer}");
    assert!(!answer.starts_with("HTTP/1.1 3"), "{answer}");

    // A request announcing a body of a gigabyte is answered without its body being read:
    // the answer comes while the client has sent a few bytes of it, and the server goes on.
    for method in ["POST", "GET"] {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "{method} /html/index.html HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000000000\r\n\r\n"
        )
        .unwrap();
        stream.write_all(&[b'x'; 4096]).unwrap();
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let answer = String::from_utf8_lossy(&answer);
        let expected = if method == "POST" {
            "HTTP/1.1 405"
        } else {
            "HTTP/1.1 200"
        };
        assert!(answer.starts_with(expected), "{method}: {answer}");
    }
    assert_eq!(get(port, "/__report/status").0, 200);

    // A client that sends half a request and waits is cut off; others are served meanwhile.
    let mut slow = TcpStream::connect(("127.0.0.1", port)).unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
        .unwrap();
    assert_eq!(get(port, "/html/index.html").0, 200);
    slow.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut rest = Vec::new();
    let ended = slow.read_to_end(&mut rest);
    assert!(
        ended.is_ok(),
        "the server closes a silent connection: {ended:?}"
    );
    let rest = String::from_utf8_lossy(&rest);
    assert!(!rest.starts_with("HTTP/1.1 2"), "{rest}");
}

/// A live-reload client that stops reading: its events are dropped with it, and the
/// rebuilds and the other clients go on. (A server that writes to each client from the
/// build loop stalls once that client's socket buffers are full.)
#[cfg(unix)]
#[test]
fn a_live_reload_client_that_stops_reading_stalls_nothing() {
    use std::os::fd::FromRawFd;
    let (_tmp, root) = fixture_copy("valid");
    let server = serve(&root);
    let port = server.port;
    eventually("the first build is served", || {
        get(port, "/__report/status").1.contains("\"builds\":1")
    });
    // The stalled client: a tiny receive buffer, and it never reads.
    // SAFETY: plain socket calls on a descriptor owned here; the address is a valid
    // sockaddr_in for 127.0.0.1:port.
    let stalled = unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0);
        assert!(fd >= 0);
        let size: libc::c_int = 2048;
        libc::setsockopt(
            fd,
            libc::SOL_SOCKET,
            libc::SO_RCVBUF,
            (&size as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        );
        let mut addr: libc::sockaddr_in = std::mem::zeroed();
        addr.sin_family = libc::AF_INET as libc::sa_family_t;
        addr.sin_port = port.to_be();
        addr.sin_addr.s_addr = u32::from_be_bytes([127, 0, 0, 1]).to_be();
        let connected = libc::connect(
            fd,
            (&addr as *const libc::sockaddr_in).cast(),
            std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t,
        );
        assert_eq!(connected, 0);
        TcpStream::from_raw_fd(fd)
    };
    (&stalled)
        .write_all(b"GET /__report/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    // A reading client, counting the failures it is told about.
    let mut reader = TcpStream::connect(("127.0.0.1", port)).unwrap();
    reader
        .write_all(b"GET /__report/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    let told = Arc::new(Mutex::new(0usize));
    let counter = Arc::clone(&told);
    std::thread::spawn(move || {
        let mut seen = String::new();
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.push_str(&String::from_utf8_lossy(&buf[..n]));
            *counter.lock().unwrap() = seen.matches("event: failed").count();
        }
    });
    // Twenty failing rebuilds, each reporting about 2,000 problems (some 400 KB of text
    // per event: far more than the stalled client's buffers hold).
    let file = root.join("submissions/cri.md");
    let mut bad = fs::read_to_string(&file).unwrap();
    let at = bad.find("\n[[challenges]]").unwrap();
    let wrong: String = (0..2000)
        .map(|i| format!("\n[[challenges]]\ncategory = \"no-such-category-{i}\"\nthemes = [\"t\"]\nsummary = \"s\"\n"))
        .collect();
    bad.insert_str(at, &wrong);
    for round in 1..=20u64 {
        fs::write(&file, format!("{bad}\nRound {round}.\n")).unwrap();
        eventually(&format!("rebuild {round} is done"), || {
            builds(&get(port, "/__report/status").1) > round
        });
    }
    eventually("the reading client was told of every failure", || {
        *told.lock().unwrap() >= 20
    });
    drop(stalled);
}
