//! `report serve [DIR] [--port 3000] [--open]`: `report watch`, plus a small web server on
//! 127.0.0.1 for `output/` (the site under /html/, the PDF beside it).
//!
//! HTML pages get one extra script, in serve mode only, that listens to
//! `/__report/events` (server-sent events): "reload" after each successful build, "failed"
//! with the problems when a rebuild fails, shown over the last good page until fixed.
//! `/__report/status` tells scripts and tests how the last build went.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::cli::ServeArgs;
use crate::cmd::watch::{stop_on_ctrl_c, watch};
use crate::cmd::{Ui, build_options, exit};
use crate::pipeline::{Builder, Outcome};

/// The script injected into served pages.
const LIVE_JS: &str = r#"(function () {
  "use strict";
  var overlay = null;
  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "report-overlay";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:99999;overflow:auto;padding:2em;" +
        "background:rgba(25,25,25,.94);color:#fff;font:13px/1.45 monospace;white-space:pre-wrap";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "The last rebuild failed: this page is the last good build.\n\n" + text;
  }
  var events = new EventSource("/__report/events");
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("failed", function (e) { show(e.data); });
})();
"#;

/// What the web server shares with the build loop.
struct State {
    out: PathBuf,
    /// The site's folder name and the PDF's file name in `out`, from the last good build.
    html: Mutex<String>,
    /// Open event streams.
    clients: Mutex<Vec<TcpStream>>,
    /// The problems of the last build if it failed.
    failure: Mutex<Option<String>>,
    builds: Mutex<u64>,
}

pub fn run(args: &ServeArgs, ui: &Ui) -> u8 {
    let listener = match TcpListener::bind(("127.0.0.1", args.port)) {
        Ok(listener) => listener,
        Err(e) => {
            ui.error(format!(
                "cannot listen on 127.0.0.1:{}: {e}; choose another port with --port (0 picks a free one)",
                args.port
            ));
            return exit::FAILURE;
        }
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(args.port);
    let options = match build_options(&args.flags, &args.dir, ui) {
        Ok(options) => options,
        Err(code) => return code,
    };
    let mut builder = Builder::new(args.dir.clone(), options);
    stop_on_ctrl_c(builder.out());
    let state = Arc::new(State {
        out: builder.out(),
        html: Mutex::new("html".into()),
        clients: Mutex::new(Vec::new()),
        failure: Mutex::new(None),
        builds: Mutex::new(0),
    });
    let server = Arc::clone(&state);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let state = Arc::clone(&server);
            std::thread::spawn(move || handle(stream, &state));
        }
    });
    let url = format!("http://127.0.0.1:{port}/");
    // Printed even with --quiet: it is what the command is for.
    eprintln!("     Serving {url} (Ctrl-C to stop)");
    let mut opened = !args.open;
    watch(&mut builder, ui, &mut |outcome| {
        after_build(&state, outcome);
        if !opened {
            opened = true;
            open_browser(&url);
        }
    })
}

/// Tells open pages what the build gave.
fn after_build(state: &State, outcome: &Outcome) {
    *state.builds.lock().expect("not poisoned") += 1;
    let event = match &outcome.written {
        Some(written) => {
            if let Some(dir) = &written.html {
                *state.html.lock().expect("not poisoned") = dir.clone();
            }
            *state.failure.lock().expect("not poisoned") = None;
            "event: reload\ndata: ok\n\n".to_string()
        }
        None => {
            let text = outcome.sources.render_plain(&outcome.diagnostics);
            *state.failure.lock().expect("not poisoned") = Some(text.clone());
            failed_event(&text)
        }
    };
    let mut clients = state.clients.lock().expect("not poisoned");
    clients.retain_mut(|c| {
        c.write_all(event.as_bytes())
            .and_then(|_| c.flush())
            .is_ok()
    });
}

fn failed_event(text: &str) -> String {
    let mut event = String::from("event: failed\n");
    for line in text.lines() {
        event.push_str("data: ");
        event.push_str(line);
        event.push('\n');
    }
    event.push('\n');
    event
}

fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(command).arg(url).spawn();
}

fn handle(mut stream: TcpStream, state: &State) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // Skip the headers.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    if method != "GET" && method != "HEAD" {
        let _ = stream.write_all(
            b"HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Type: text/plain\r\nContent-Length: 9\r\nConnection: close\r\n\r\nGET only\n",
        );
        return;
    }
    // A HEAD request gets the headers of the GET answer and no body.
    let mut stream = Answer {
        stream,
        head_only: method == "HEAD",
    };
    let path = target.split(['?', '#']).next().unwrap_or("/");
    match path {
        "/__report/live.js" => respond(
            &mut stream,
            "200 OK",
            "text/javascript; charset=utf-8",
            LIVE_JS.as_bytes(),
        ),
        "/__report/events" => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n";
            if stream.stream.write_all(head.as_bytes()).is_err() || stream.head_only {
                return;
            }
            let mut stream = stream.stream;
            if let Some(text) = state.failure.lock().expect("not poisoned").as_deref() {
                let _ = stream.write_all(failed_event(text).as_bytes());
            }
            let _ = stream.flush();
            state.clients.lock().expect("not poisoned").push(stream);
        }
        "/__report/status" => {
            let failure = state.failure.lock().expect("not poisoned").clone();
            let body = serde_json::json!({
                "ok": failure.is_none(),
                "builds": *state.builds.lock().expect("not poisoned"),
                "problems": failure,
            });
            respond(
                &mut stream,
                "200 OK",
                "application/json",
                body.to_string().as_bytes(),
            );
        }
        "/" => {
            let html = state.html.lock().expect("not poisoned").clone();
            let head = format!(
                "HTTP/1.1 302 Found\r\nLocation: /{html}/index.html\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            let _ = stream.stream.write_all(head.as_bytes());
        }
        _ => serve_file(&mut stream, state, path),
    }
}

fn serve_file(stream: &mut Answer, state: &State, path: &str) {
    let Some(file) = resolve(&state.out, path) else {
        respond(stream, "404 Not Found", "text/plain", b"not found\n");
        return;
    };
    let file = if file.is_dir() {
        file.join("index.html")
    } else {
        file
    };
    let Ok(bytes) = std::fs::read(&file) else {
        respond(stream, "404 Not Found", "text/plain", b"not found\n");
        return;
    };
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    let kind = match ext {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "typ" | "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
    if ext == "html" {
        let page = String::from_utf8_lossy(&bytes);
        let script = "<script src=\"/__report/live.js\"></script>\n</body>";
        let page = match page.rfind("</body>") {
            Some(at) => format!("{}{script}{}", &page[..at], &page[at + "</body>".len()..]),
            None => format!("{page}{script}"),
        };
        respond(stream, "200 OK", kind, page.as_bytes());
    } else {
        respond(stream, "200 OK", kind, &bytes);
    }
}

/// The file under `out` a URL path names; `None` for anything that would leave it.
fn resolve(out: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let rel = Path::new(decoded.trim_start_matches('/'));
    rel.components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| out.join(rel))
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The connection a request came on, and whether it asked for the headers only.
struct Answer {
    stream: TcpStream,
    head_only: bool,
}

fn respond(answer: &mut Answer, status: &str, kind: &str, body: &[u8]) {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = answer.stream.write_all(head.as_bytes());
    if !answer.head_only {
        let _ = answer.stream.write_all(body);
    }
    let _ = answer.stream.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_never_leave_the_output_folder() {
        let out = Path::new("/o");
        assert_eq!(
            resolve(out, "/html/index.html"),
            Some(PathBuf::from("/o/html/index.html"))
        );
        assert_eq!(
            resolve(out, "/html/states/c%C3%B4te.html"),
            Some(PathBuf::from("/o/html/states/côte.html"))
        );
        assert_eq!(resolve(out, "/../etc/passwd"), None);
        assert_eq!(resolve(out, "/html/%2e%2e/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve(out, "/%zz"), None);
    }
}
