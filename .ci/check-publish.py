#!/usr/bin/env python3
"""Check what `.ci/draft build` would publish, in place of GitHub's upload, deploy and
comment steps (which cannot run here). Python 3 standard library only; runs qpdf and pdfua.

Usage:
  .ci/check-publish.py SITE [--summary FILE --changed-since REV] [--comment FILE
                        --preview-url URL] [--forbid URL]...

SITE is the folder to publish (DIR/site of `.ci/draft build --out DIR`). Checked:
  - every link resolves inside SITE: href, src, srcset, poster and data in every .html, the
    url()s and @imports of every .css, and the page paths a page's scripts hold (the search
    index), resolved as the page resolves them (its data-root); "dir/" means dir/index.html,
    and a "#fragment" must be an id (or <a name>) of the target page. External http(s),
    mailto and tel links are allowed and not fetched;
  - no link could point at a production site: no root-relative link (/x), no <base>, no
    link to *.github.io or to a --forbid prefix (default: the GitHub Pages URL of the
    repository's origin remote), no other scheme (javascript:, file:...);
  - no hidden file but .nojekyll (a lock file or a temporary folder of a build);
  - the landing page SITE/index.html has <meta name="robots" content="noindex...">;
  - every .pdf passes `qpdf --check` and `pdfua check` (warnings fail too);
  - with --summary: the State of every reply file (original or translation) under
    submissions/ that changed since REV (default HEAD~1; compared with the working tree the
    build read, which in CI is HEAD) is named in the summary, the States read from
    SITE/data.json (a removed translation: its original's State); with no reply, book.toml
    or locales/ change, the summary says "No changes.";
  - with --comment: every link under --preview-url in the comment names a file of SITE,
    and the comment links the preview, each version's redline PDF and holds the summary.
Exit status: 0 all passed, 1 something failed (each problem is printed), 2 usage error.
"""

import argparse
import html.parser
import json
import os
import re
import subprocess
import sys
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

problems = []


def problem(where, what):
    problems.append(f"{where}: {what}")


class Page(html.parser.HTMLParser):
    """The ids, links, <base> and robots meta of one HTML file."""

    LINK_ATTRS = {"href", "src", "poster", "data", "action", "cite", "formaction"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []  # (line, value)
        self.scripts = []  # local script src
        self.styles = []  # inline CSS
        self.base = False
        self.robots = None
        self.root = ""  # <html data-root>
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        line = self.getpos()[0]
        if tag == "html":
            self.root = a.get("data-root") or ""
        if tag == "base":
            self.base = True
        if tag == "meta" and (a.get("name") or "").lower() == "robots":
            self.robots = a.get("content") or ""
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            m = re.search(r"url\s*=\s*(.+)", a.get("content") or "", re.I)
            if m:
                self.links.append((line, m.group(1).strip("'\" ")))
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for name, value in attrs:
            if value is None:
                continue
            if name in self.LINK_ATTRS:
                self.links.append((line, value))
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    if candidate.strip():
                        self.links.append((line, candidate.split()[0]))
            elif name == "style":
                self.styles.append((line, value))
        if tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append((self.getpos()[0], data))


CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.S)
# A relative path a script holds: "states/arg.html#para-3", "assets/x.css".
JS_PATH = re.compile(
    r"""["']((?:[\w.-]+/)*[\w.-]+\.(?:html|css|js|json|pdf|svg|png|ttf|otf|woff2?))(#[^"']*)?["']"""
)


class Checker:
    def __init__(self, site, forbid):
        self.site = os.path.realpath(site)
        self.forbid = [f.rstrip("/") for f in forbid]
        self.pages = {}  # realpath -> Page
        self.checked_scripts = set()

    def rel(self, path):
        return os.path.relpath(path, self.site)

    def page(self, path):
        if path not in self.pages:
            parser = Page()
            with open(path, encoding="utf-8") as f:
                parser.feed(f.read())
            parser.close()
            self.pages[path] = parser
        return self.pages[path]

    def external(self, where, url):
        """An absolute URL: allowed unless it points at a production site."""
        parts = urllib.parse.urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme in ("mailto", "tel", "data"):
            return
        if scheme not in ("http", "https", ""):
            problem(where, f"link with the scheme {scheme}: {url}")
            return
        host = (parts.hostname or "").lower()
        if host == "github.io" or host.endswith(".github.io"):
            problem(where, f"absolute link to a GitHub Pages site (use a relative link): {url}")
            return
        bare = url.split("://", 1)[-1].lstrip("/").rstrip("/")
        for prefix in self.forbid:
            p = prefix.split("://", 1)[-1].rstrip("/")
            if bare == p or bare.startswith(p + "/"):
                problem(where, f"absolute link to the repository's published site: {url}")

    def link(self, where, base_dir, url):
        """Check one link written in a file of base_dir."""
        url = url.strip()
        if not url:
            return
        parts = urllib.parse.urlsplit(url)
        if parts.scheme or url.startswith("//"):
            self.external(where, url)
            return
        if parts.path.startswith("/"):
            problem(where, f"root-relative link (it would leave the preview's folder): {url}")
            return
        if parts.path:
            target = os.path.normpath(os.path.join(base_dir, urllib.parse.unquote(parts.path)))
        else:
            target = None  # the same file
        if target is not None:
            if target != self.site and not target.startswith(self.site + os.sep):
                problem(where, f"link leaves the published folder: {url}")
                return
            if parts.path.endswith("/"):
                target = os.path.join(target, "index.html")
            elif os.path.isdir(target):
                problem(where, f"link to a folder without a trailing slash: {url}")
                return
            if not os.path.isfile(target):
                problem(where, f"broken link: {url} ({self.rel(target)} does not exist)")
                return
        return target, urllib.parse.unquote(parts.fragment)

    def fragment(self, where, here, resolved, url):
        if resolved is None:
            return
        target, fragment = resolved
        target = target or here
        if fragment and target.endswith(".html"):
            if fragment not in self.page(target).ids:
                problem(where, f"no id {fragment!r} in {self.rel(target)}: {url}")

    def check_css(self, where, base_dir, text):
        for m in CSS_URL.finditer(text):
            url = m.group(2) if m.group(2) is not None else m.group(4)
            if url and not url.startswith("data:") and not url.startswith("#"):
                self.link(where, base_dir, url.split("#")[0])

    def check_html(self, path):
        page = self.page(path)
        here = os.path.dirname(path)
        rel = self.rel(path)
        if page.base:
            problem(rel, "<base> element (links would not be relative to the page)")
        for line, url in page.links:
            where = f"{rel}:{line}"
            self.fragment(where, path, self.link(where, here, url), url)
        for line, css in page.styles:
            self.check_css(f"{rel}:{line}", here, css)
        # The paths a script holds are resolved against the page and its data-root, as the
        # script does (a.href = root + path).
        for src in page.scripts:
            if urllib.parse.urlsplit(src).scheme or src.startswith("/"):
                continue
            script = os.path.normpath(os.path.join(here, urllib.parse.unquote(src)))
            base = os.path.normpath(os.path.join(here, page.root or "."))
            key = (script, base)
            if key in self.checked_scripts or not os.path.isfile(script):
                continue
            self.checked_scripts.add(key)
            with open(script, encoding="utf-8") as f:
                text = f.read()
            for m in JS_PATH.finditer(text):
                url = m.group(1) + (m.group(2) or "")
                where = f"{self.rel(script)} (as loaded by {rel})"
                self.fragment(where, path, self.link(where, base, url), url)

    def run(self):
        htmls, csss, pdfs = [], [], []
        for top, dirs, files in os.walk(self.site):
            dirs.sort()
            for name in sorted(dirs + files):
                if name.startswith(".") and name != ".nojekyll":
                    problem(self.rel(os.path.join(top, name)), "hidden file in the published folder")
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in sorted(files):
                path = os.path.join(top, name)
                if name.endswith(".html"):
                    htmls.append(path)
                elif name.endswith(".css"):
                    csss.append(path)
                elif name.endswith(".pdf"):
                    pdfs.append(path)
        landing = os.path.join(self.site, "index.html")
        if not os.path.isfile(landing):
            problem("index.html", "no landing page")
        elif "noindex" not in (self.page(landing).robots or ""):
            problem("index.html", 'no <meta name="robots" content="noindex">')
        for path in htmls:
            self.check_html(path)
        for path in csss:
            with open(path, encoding="utf-8") as f:
                self.check_css(self.rel(path), os.path.dirname(path), f.read())
        print(f"links: {len(htmls)} HTML pages, {len(csss)} stylesheets checked")
        return pdfs


def check_pdf(path, rel):
    out = []
    for cmd in (["qpdf", "--check", path], ["pdfua", "check", path]):
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            text = (r.stdout + r.stderr).strip().splitlines()
            out.append(f"{rel}: `{' '.join(cmd[:2])}` exited with {r.returncode}:\n    "
                       + "\n    ".join(text[-20:]))
    return out


def git(*args):
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


def origin_pages_url():
    """https://owner.github.io/repo of the origin remote, if it is on GitHub."""
    try:
        url = git("remote", "get-url", "origin").strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return []
    m = re.search(r"github\.com[:/]([^/]+)/([^/]+?)(?:\.git)?/?$", url)
    if not m:
        return []
    owner, repo = m.group(1).lower(), m.group(2)
    if repo.lower() == f"{owner}.github.io":
        return [f"https://{owner}.github.io"]
    return [f"https://{owner}.github.io/{repo}"]


def changed_files(since, *paths):
    """The files under paths that differ between the commit since and the working tree the
    build read (in CI, a clean checkout of HEAD), untracked ones included."""
    tracked = git("diff", "--name-only", "--no-renames", since, "--", *paths).splitlines()
    untracked = git("ls-files", "--others", "--exclude-standard", "--", *paths).splitlines()
    return sorted(set(tracked + untracked))


def check_summary(site, summary_path, since):
    with open(summary_path, encoding="utf-8") as f:
        summary = f.read()
    changed = [f for f in changed_files(since, "submissions/") if f.endswith(".md")]
    with open(os.path.join(site, "data.json"), encoding="utf-8") as f:
        data = json.load(f)
    owner = {}  # file -> (State, status)
    for reply in data["replies"]:
        owner[reply["file"]] = (reply["state"], reply["status"])
        for t in reply.get("translations") or []:
            owner[t["file"]] = (reply["state"], t["status"])
    no_change = re.search(r"^No changes\.$", summary, re.M) is not None
    if not changed:
        inputs = changed_files(since, "book.toml", "locales/")
        if inputs:
            print(f"summary: no reply changed since {since}; {', '.join(inputs)} did, not checked")
        elif not no_change:
            problem(summary_path, f"no reply changed since {since}, but the summary does not say \"No changes.\"")
        else:
            print(f"summary: no reply changed since {since}, and the summary says so")
        return
    for file in changed:
        # A removed translation belongs to the reply beside it (arg.fr.md to arg.md).
        original = re.sub(r"\.[a-z]{2}\.md$", ".md", file)
        if file not in owner and original in owner:
            owner[file] = owner[original]
        if file in owner:
            state, status = owner[file]
            if status == "draft":
                print(f"summary: {file} ({state}) is a draft, which report diff leaves out: not checked")
            elif state not in summary:
                problem(summary_path, f"{file} changed since {since}, but its State, {state}, is not named")
            else:
                print(f"summary: {file} changed; {state} is named")
        elif no_change:
            problem(summary_path, f"{file} changed (removed) since {since}, but the summary says \"No changes.\"")
        else:
            print(f"summary: {file} was removed; the summary lists changes")


def check_comment(site, comment_path, preview, summary_path):
    with open(comment_path, encoding="utf-8") as f:
        comment = f.read()
    preview = preview.rstrip("/") + "/"
    urls = re.findall(r"\]\((https?://[^)\s]+)\)", comment)
    if preview not in urls:
        problem(comment_path, f"no link to the preview {preview}")
    for url in urls:
        if not url.startswith(preview):
            continue
        path = urllib.parse.unquote(urllib.parse.urlsplit(url[len(preview):]).path)
        target = os.path.join(site, path)
        if path == "" or path.endswith("/"):
            target = os.path.join(target, "index.html")
        if not os.path.isfile(target):
            problem(comment_path, f"link to a file the preview does not have: {url}")
    with open(os.path.join(site, "data.json"), encoding="utf-8") as f:
        languages = json.load(f)["report"]["languages"]
    for i, lang in enumerate(languages):
        pdf = preview + "redline/" + ("" if i == 0 else lang + "/") + "report.pdf"
        if pdf not in urls:
            problem(comment_path, f"no link to the {lang} redline PDF {pdf}")
    if summary_path:
        with open(summary_path, encoding="utf-8") as f:
            summary = f.read().strip()
        if summary not in comment:
            problem(comment_path, "does not hold the summary")
    print(f"comment: {len(urls)} links checked")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site")
    ap.add_argument("--summary")
    ap.add_argument("--changed-since", default="HEAD~1")
    ap.add_argument("--comment")
    ap.add_argument("--preview-url")
    ap.add_argument("--forbid", action="append", default=None,
                    help="a URL prefix no link may start with (repeatable)")
    args = ap.parse_args()
    if args.comment and not args.preview_url:
        ap.error("--comment needs --preview-url")
    if not os.path.isdir(args.site):
        ap.error(f"{args.site} is not a folder")
    forbid = args.forbid if args.forbid is not None else origin_pages_url()

    checker = Checker(args.site, forbid)
    pdfs = checker.run()
    with ThreadPoolExecutor(max_workers=2) as pool:
        for result in pool.map(lambda p: check_pdf(p, checker.rel(p)), pdfs):
            problems.extend(result)
    print(f"PDF: {len(pdfs)} files through qpdf --check and pdfua check")
    if args.summary:
        check_summary(args.site, args.summary, args.changed_since)
    if args.comment:
        check_comment(args.site, args.comment, args.preview_url, args.summary)

    if problems:
        shown = problems[:200]
        print(f"\n{len(problems)} problem(s) in {args.site}:", file=sys.stderr)
        for p in shown:
            print(f"  {p}", file=sys.stderr)
        if len(problems) > len(shown):
            print(f"  ... and {len(problems) - len(shown)} more", file=sys.stderr)
        return 1
    print(f"{args.site}: everything to publish checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
