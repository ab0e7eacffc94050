//! The preview server of `report serve`: `output/` (the site under /html/, the PDF beside
//! it) for the editor's browser, on hyper, with live reload after each build.
//!
//! HTML pages get one extra script, in serve mode only, that listens to
//! `/__report/events` (server-sent events): "reload" after each successful build, "failed"
//! with the problems when a rebuild fails, shown over the last good page until fixed.
//! `/__report/status` tells scripts and tests how the last build went.
//!
//! The server is for the editor's own browser, and guards against everything else:
//! - it listens on 127.0.0.1 only, and answers only requests whose `Host` is that address
//!   or `localhost` (a web page elsewhere cannot reach it through DNS rebinding);
//! - a request's head is at most [`MAX_HEAD`] bytes, read within [`HEAD_TIMEOUT`]; bodies
//!   are never read (GET and HEAD only), and every connection closes after its answer;
//! - a client that stops reading is cut off after [`WRITE_TIMEOUT`], and a live-reload
//!   client whose queue of events is full is dropped: the build loop only ever queues
//!   events, so no client can stall the rebuilds or the other clients;
//! - at most [`MAX_CONNECTIONS`] connections are open at once.

use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::TcpListener;
use std::path::{Component, Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::Duration;

use hyper::body::{Bytes, Frame, SizeHint};
use hyper::header::{self, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::{Semaphore, mpsc};

use crate::pipeline::Outcome;
use crate::render::live::Live;

mod layout;

/// The longest request head (request line and headers) read.
const MAX_HEAD: usize = 16 * 1024;
/// How long a client may take to send its request head.
const HEAD_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a write may wait for a client that does not read.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections open at once.
const MAX_CONNECTIONS: usize = 128;
/// Events queued for one live-reload client before it counts as stalled and is dropped.
const EVENT_QUEUE: usize = 8;

/// The script injected into served pages.
const LIVE_JS: &str = r#"(function () {
  "use strict";
  // Its words come on its own tag, in the page's language (see `live_script`).
  var me = document.currentScript;
  function said(name, english) { return (me && me.getAttribute("data-" + name)) || english; }
  var lang = document.documentElement.lang || undefined;
  // The report writes Arabic with Western digits, as UN documents do.
  var timeLocale = lang === "ar" ? "ar-u-nu-latn" : lang;
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
    overlay.textContent = said("failed", "The last rebuild failed.") + "\n\n" + text;
  }
  var badge = document.createElement("div");
  badge.id = "report-live";
  badge.style.cssText = "position:fixed;bottom:.5em;inset-inline-end:.5em;z-index:99998;" +
    "padding:.3em .6em;background:#fff;border:1px solid #555;font:12px/1.4 sans-serif";
  var pdf = document.createElement("span");
  badge.appendChild(pdf);
  var target = me && me.getAttribute("data-layout");
  if (target) {
    var link = document.createElement("a");
    link.href = target;
    link.textContent = " · " + said("layout-label", "layout");
    badge.appendChild(link);
  }
  function pdfAt(ms) {
    pdf.textContent = ms
      ? said("pdf-of", "PDF: {time}").replace("{time}", new Date(ms).toLocaleTimeString(timeLocale))
      : said("pdf-pending", "PDF…");
  }
  fetch("/__report/status").then(function (r) { return r.json(); }).then(function (s) {
    pdfAt(s.pdf_at);
  }, function () {});
  document.body.appendChild(badge);
  var layout = document.getElementById("report-pages");
  var events = new EventSource("/__report/events");
  function reload() { if (!layout) { location.reload(); } }
  events.addEventListener("site", reload);
  events.addEventListener("reload", reload);
  events.addEventListener("failed", function (e) { show(e.data); });
  events.addEventListener("pdf", function (e) { pdfAt(JSON.parse(e.data).at); });
  events.addEventListener("pages", function (e) {
    var d = JSON.parse(e.data);
    if (!layout || layout.getAttribute("data-lang") !== d.lang) { return; }
    if (overlay) { overlay.remove(); overlay = null; }
    // Pages added or gone: the page is made again, where it was scrolled to.
    if (layout.children.length !== d.count) { location.reload(); return; }
    d.changed.forEach(function (n) {
      var img = document.querySelector('#page-' + n + ' img');
      if (img) { img.src = "/__report/layout/" + d.lang + "/" + n + ".svg?h=" + d.hashes[n - 1]; }
    });
  });
})();
"#;

/// What the web server shares with the build loop.
struct State {
    out: PathBuf,
    port: u16,
    /// The site's folder name in `out`, from the last good build.
    html: Mutex<String>,
    /// The queues of the open live-reload streams.
    clients: Mutex<Vec<mpsc::Sender<Bytes>>>,
    /// The problems of the last build if it failed.
    failure: Mutex<Option<String>>,
    builds: Mutex<u64>,
    /// The sites and layouts of the builds, the PDFs being exported (see `layout`).
    live: layout::Shared,
    /// Whether the build under way sent its sites already (then its end reloads nothing).
    site_sent: Mutex<bool>,
    /// The words of the live script's tag, by language (see `live_script`).
    words: Mutex<std::collections::HashMap<String, String>>,
}

/// A lock that a panicking holder did not leave unusable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A running preview server: told of every build by the build loop.
pub struct Preview {
    state: Arc<State>,
}

/// The listener of a preview server on `127.0.0.1:port` (0 picks a free port).
pub fn listen(port: u16) -> io::Result<TcpListener> {
    TcpListener::bind(("127.0.0.1", port)).and_then(|l| l.set_nonblocking(true).map(|()| l))
}

impl Preview {
    /// Serves `out` on `listener`, on a thread of its own, until the program ends.
    pub fn start(listener: TcpListener, out: PathBuf) -> io::Result<Preview> {
        let port = listener.local_addr()?.port();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let state = Arc::new(State::new(out.clone(), port));
        let server = Arc::clone(&state);
        std::thread::spawn(move || runtime.block_on(serve(listener, server)));
        let exporter = Arc::clone(&state);
        std::thread::spawn(move || layout::exporter(exporter, out));
        Ok(Preview { state })
    }

    /// What a build hands its sites and layouts to (see `Builder::set_live`).
    pub fn live(&self) -> Arc<dyn Live> {
        Arc::new(layout::Handle(Arc::clone(&self.state)))
    }

    /// The address to open in a browser.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.state.port)
    }

    /// Tells open pages what a build gave (see [`after_build`]).
    pub fn after_build(&self, outcome: &Outcome) {
        after_build(&self.state, outcome);
    }
}

impl State {
    fn new(out: PathBuf, port: u16) -> State {
        State {
            out,
            port,
            html: Mutex::new("html".into()),
            clients: Mutex::new(Vec::new()),
            failure: Mutex::new(None),
            builds: Mutex::new(0),
            live: layout::Shared::default(),
            site_sent: Mutex::new(false),
            words: Mutex::new(std::collections::HashMap::new()),
        }
    }
}

/// Accepts connections for ever, each served on its own task.
async fn serve(listener: TcpListener, state: Arc<State>) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    let permits = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        // Too many connections: this one is closed at once.
        let Ok(permit) = Arc::clone(&permits).try_acquire_owned() else {
            continue;
        };
        let state = Arc::clone(&state);
        tokio::spawn(async move {
            let io = TokioIo::new(WriteDeadline::new(stream, WRITE_TIMEOUT));
            let service = service_fn(move |request| {
                let state = Arc::clone(&state);
                async move { Ok::<_, Infallible>(answer(&state, &request)) }
            });
            let _ = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEAD_TIMEOUT)
                .max_buf_size(MAX_HEAD)
                .keep_alive(false)
                .title_case_headers(true)
                .serve_connection(io, service)
                .await;
            drop(permit);
        });
    }
}

/// Tells open pages what the build gave. Events are only queued: a client whose queue is
/// full (it stopped reading) or closed is dropped.
fn after_build(state: &State, outcome: &Outcome) {
    let n = {
        let mut builds = lock(&state.builds);
        *builds += 1;
        *builds
    };
    state.live.build_ended(n, outcome.written.is_some());
    // Pages reloaded when the sites were rendered are not reloaded again.
    let site_sent = std::mem::take(&mut *lock(&state.site_sent));
    let event = match &outcome.written {
        Some(written) => {
            if let Some(dir) = &written.html {
                *lock(&state.html) = dir.clone();
            }
            *lock(&state.failure) = None;
            match site_sent {
                true => "event: built\ndata: ok\n\n".to_string(),
                false => "event: reload\ndata: ok\n\n".to_string(),
            }
        }
        None => {
            let text = outcome.sources.render_plain(&outcome.diagnostics);
            *lock(&state.failure) = Some(text.clone());
            failed_event(&text)
        }
    };
    send(state, event);
}

/// Queues an event for every live-reload client; a client whose queue is full (it
/// stopped reading) or closed is dropped.
fn send(state: &State, event: String) {
    let event = Bytes::from(event);
    lock(&state.clients).retain(|client| client.try_send(event.clone()).is_ok());
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

/// Whether a request's `Host` names this server on the loopback: `127.0.0.1`,
/// `localhost` or `[::1]`, with this port or none.
fn local_host<B>(request: &Request<B>, port: u16) -> bool {
    let Some(host) = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
    else {
        return false;
    };
    let (name, given_port) = match host.rsplit_once(':') {
        Some((name, p)) if !p.contains(']') => (name, Some(p)),
        _ => (host, None),
    };
    let name = name.to_ascii_lowercase();
    matches!(name.as_str(), "127.0.0.1" | "localhost" | "[::1]")
        && given_port.is_none_or(|p| p.parse() == Ok(port))
}

fn answer<B>(state: &State, request: &Request<B>) -> Response<Body> {
    if !local_host(request, state.port) {
        return plain(
            StatusCode::FORBIDDEN,
            "report serve answers requests for 127.0.0.1 and localhost only\n",
        );
    }
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut response = plain(StatusCode::METHOD_NOT_ALLOWED, "GET only\n");
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let path = request.uri().path();
    match path {
        "/__report/live.js" => respond(
            StatusCode::OK,
            "text/javascript; charset=utf-8",
            LIVE_JS.as_bytes().to_vec(),
        ),
        "/__report/events" => events(state, request.method() == Method::HEAD),
        "/__report/status" => {
            let failure = lock(&state.failure).clone();
            let layouts = lock(&state.live.layouts);
            let pdfs: serde_json::Map<String, serde_json::Value> = layouts
                .iter()
                .map(|(lang, l)| (lang.clone(), serde_json::json!(l.pdf_at)))
                .collect();
            // The oldest of the versions' PDFs: what the badge says.
            let oldest = layouts.values().map(|l| l.pdf_at).min().flatten();
            drop(layouts);
            let body = serde_json::json!({
                "ok": failure.is_none(),
                "builds": *lock(&state.builds),
                "problems": failure,
                "exports": *lock(&state.live.exports),
                "pdf_at": oldest,
                "pdfs": pdfs,
            });
            respond(
                StatusCode::OK,
                "application/json",
                body.to_string().into_bytes(),
            )
        }
        "/" => {
            let html = lock(&state.html).clone();
            let mut response = respond(StatusCode::FOUND, "text/plain", Vec::new());
            if let Ok(location) = HeaderValue::from_str(&format!("/{html}/index.html")) {
                response.headers_mut().insert(header::LOCATION, location);
            }
            response
        }
        _ if path.starts_with("/__report/layout/") => layout::answer(state, path),
        _ => serve_file(state, path),
    }
}

/// A live-reload stream: the last failure at once if there is one, then every event.
fn events(state: &State, head_only: bool) -> Response<Body> {
    let body = if head_only {
        Body::Full(None)
    } else {
        let (tx, rx) = mpsc::channel(EVENT_QUEUE);
        if let Some(text) = lock(&state.failure).as_deref() {
            let _ = tx.try_send(Bytes::from(failed_event(text)));
        }
        lock(&state.clients).push(tx);
        Body::Events(rx)
    };
    let mut response = Response::new(body);
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

fn serve_file(state: &State, path: &str) -> Response<Body> {
    let not_found = || plain(StatusCode::NOT_FOUND, "not found\n");
    let Some(file) = resolve(&state.out, path) else {
        return not_found();
    };
    let file = if file.is_dir() || path.ends_with('/') {
        file.join("index.html")
    } else {
        file
    };
    // The sites of the build under way, before the output has them.
    let rel = file.strip_prefix(&state.out).unwrap_or(&file);
    let built = lock(&state.live.sites)
        .as_ref()
        .and_then(|sites| sites.get(rel).map(<[u8]>::to_vec));
    let Some(bytes) = built.or_else(|| std::fs::read(&file).ok()) else {
        return not_found();
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
    if ext != "html" {
        return respond(StatusCode::OK, kind, bytes);
    }
    let page = String::from_utf8_lossy(&bytes);
    let lang = page
        .split_once("<html lang=\"")
        .and_then(|(_, rest)| rest.split('"').next())
        .unwrap_or("en");
    let place = layout::place_of(state, rel);
    let script = format!("{}\n</body>", live_script(state, lang, place.as_deref()));
    let page = match page.rfind("</body>") {
        Some(at) => format!("{}{script}{}", &page[..at], &page[at + "</body>".len()..]),
        None => format!("{page}{script}"),
    };
    respond(StatusCode::OK, kind, page.into_bytes())
}

/// The tag of the live script for a page in `lang`, with its words from that language's
/// catalogue (`serve-*`, English where it has none) and the place of the page in the
/// layout preview, if it has one.
fn live_script(state: &State, lang: &str, place: Option<&str>) -> String {
    use crate::render::html::markup::escape;
    let mut words = lock(&state.words);
    let said = words.entry(lang.to_string()).or_insert_with(|| {
        let (catalogue, _) = crate::catalogue::Catalogue::new(lang, &[]);
        let time = [("time", crate::catalogue::Arg::Text("{time}"))];
        [
            ("pdf-of", catalogue.get("serve-pdf-of", &time)),
            ("pdf-pending", catalogue.get("serve-pdf-pending", &[])),
            ("layout-label", catalogue.get("serve-layout", &[])),
            ("failed", catalogue.get("serve-failed", &[])),
        ]
        .iter()
        .map(|(name, text)| format!(" data-{name}=\"{}\"", escape(text)))
        .collect()
    });
    let place = place.map_or(String::new(), |p| format!(" data-layout=\"{}\"", escape(p)));
    format!("<script src=\"/__report/live.js\"{said}{place}></script>")
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

fn plain(status: StatusCode, text: &'static str) -> Response<Body> {
    respond(
        status,
        "text/plain; charset=utf-8",
        text.as_bytes().to_vec(),
    )
}

fn respond(status: StatusCode, kind: &'static str, body: Vec<u8>) -> Response<Body> {
    let mut response = Response::new(Body::Full(Some(Bytes::from(body))));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A response body: all at once, or a stream of live-reload events.
enum Body {
    Full(Option<Bytes>),
    Events(mpsc::Receiver<Bytes>),
}

impl hyper::body::Body for Body {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        match self.get_mut() {
            Body::Full(bytes) => Poll::Ready(bytes.take().map(|b| Ok(Frame::data(b)))),
            Body::Events(events) => events
                .poll_recv(cx)
                .map(|event| event.map(|e| Ok(Frame::data(e)))),
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self, Body::Full(None))
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            Body::Full(bytes) => SizeHint::with_exact(bytes.as_ref().map_or(0, |b| b.len() as u64)),
            Body::Events(_) => SizeHint::default(),
        }
    }
}

/// A connection whose writes fail once the client has not read anything for `limit`.
struct WriteDeadline {
    stream: tokio::net::TcpStream,
    limit: Duration,
    waiting: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl WriteDeadline {
    fn new(stream: tokio::net::TcpStream, limit: Duration) -> Self {
        WriteDeadline {
            stream,
            limit,
            waiting: None,
        }
    }

    /// `result` of a write or flush, unless it has been pending for longer than the limit.
    fn within<T>(
        &mut self,
        cx: &mut Context<'_>,
        result: Poll<io::Result<T>>,
    ) -> Poll<io::Result<T>> {
        if result.is_ready() {
            self.waiting = None;
            return result;
        }
        let limit = self.limit;
        let waiting = self
            .waiting
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        match waiting.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client stopped reading",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncRead for WriteDeadline {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for WriteDeadline {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.stream).poll_write(cx, buf);
        this.within(cx, result)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.stream).poll_flush(cx);
        this.within(cx, result)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.stream).poll_shutdown(cx);
        this.within(cx, result)
    }
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

    fn request(method: Method, path: &str, host: &str) -> Request<()> {
        Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, host)
            .body(())
            .unwrap()
    }

    fn body(response: Response<Body>) -> String {
        match response.into_body() {
            Body::Full(Some(bytes)) => String::from_utf8_lossy(&bytes).into_owned(),
            _ => String::new(),
        }
    }

    #[test]
    fn only_the_loopback_and_get_are_answered() {
        let state = State::new(PathBuf::from("/nowhere"), 3000);
        for host in [
            "127.0.0.1:3000",
            "localhost:3000",
            "LOCALHOST",
            "[::1]:3000",
        ] {
            let response = answer(&state, &request(Method::GET, "/__report/status", host));
            assert_eq!(response.status(), StatusCode::OK, "{host}");
        }
        for host in [
            "evil.example",
            "127.0.0.1:3001",
            "localhost.evil.example:3000",
        ] {
            let response = answer(&state, &request(Method::GET, "/", host));
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{host}");
        }
        let post = answer(&state, &request(Method::POST, "/", "localhost"));
        assert_eq!(post.status(), StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(post.headers()[header::ALLOW], "GET, HEAD");
    }

    #[test]
    fn pages_get_the_live_script_and_the_status_tells_the_last_build() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("html")).unwrap();
        std::fs::write(dir.path().join("html/index.html"), "<p>x</p></body></html>").unwrap();
        std::fs::write(
            dir.path().join("html/fr.html"),
            "<html lang=\"fr\"><p>x</p></body></html>",
        )
        .unwrap();
        std::fs::write(dir.path().join("report.pdf"), "%PDF").unwrap();
        let state = State::new(dir.path().to_path_buf(), 3000);
        let get = |path: &str| answer(&state, &request(Method::GET, path, "localhost"));
        let root = get("/");
        assert_eq!(root.status(), StatusCode::FOUND);
        assert_eq!(root.headers()[header::LOCATION], "/html/index.html");
        // The live script, with its words in the page's language (English by default).
        assert_eq!(
            body(get("/html/")),
            "<p>x</p><script src=\"/__report/live.js\" data-pdf-of=\"PDF of {time}\" \
             data-pdf-pending=\"PDF being made\" data-layout-label=\"layout\" \
             data-failed=\"The last rebuild failed: the output folder holds the last good \
             build.\"></script>\n</body></html>"
        );
        let french = body(get("/html/fr.html"));
        assert!(
            french
                .contains(" data-pdf-of=\"PDF de {time}\" data-pdf-pending=\"PDF en préparation\""),
            "{french}"
        );
        let pdf = get("/report.pdf");
        assert_eq!(pdf.headers()[header::CONTENT_TYPE], "application/pdf");
        assert_eq!(get("/missing.html").status(), StatusCode::NOT_FOUND);
        assert_eq!(get("/../etc/passwd").status(), StatusCode::NOT_FOUND);
        assert!(body(get("/__report/status")).contains("\"ok\":true"));
        *lock(&state.failure) = Some("error: one\nerror: two".into());
        assert!(body(get("/__report/status")).contains("\"ok\":false"));
        let events = get("/__report/events");
        assert_eq!(events.headers()[header::CONTENT_TYPE], "text/event-stream");
        assert_eq!(lock(&state.clients).len(), 1);
    }

    #[test]
    fn a_failure_is_one_event_of_many_data_lines() {
        assert_eq!(
            failed_event("error: one\n  at two"),
            "event: failed\ndata: error: one\ndata:   at two\n\n"
        );
    }
}
