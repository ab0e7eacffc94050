// The site's only script: folds the contents on small screens, and searches State names,
// themes and the text of the replies on the client.
// The index (assets/search-index.js) sets window.REPORT_SEARCH: [{t, u, k, x, l}]
// = title, URL from the site's top folder, kind, text, the text's language. Works from
// file:// too.
(function () {
  "use strict";
  var toc = document.querySelector("nav.toc details");
  if (toc && window.matchMedia && window.matchMedia("(max-width: 52em)").matches) {
    toc.open = false;
  }
  // A redline's switch: hides what was deleted and shows what was inserted as plain text
  // (the labels come in the page's language), remembered while the tab is open.
  var toggle = document.querySelector("button.toggle-changes");
  if (toggle) {
    var html = document.documentElement;
    var set = function (hidden) {
      html.classList.toggle("hide-changes", hidden);
      toggle.setAttribute("aria-pressed", hidden ? "true" : "false");
      toggle.textContent = toggle.getAttribute(hidden ? "data-show" : "data-hide");
      try { window.sessionStorage.setItem("report-hide-changes", hidden ? "1" : ""); } catch (e) { /* file:// */ }
    };
    var remembered = "";
    try { remembered = window.sessionStorage.getItem("report-hide-changes") || ""; } catch (e) { /* file:// */ }
    if (remembered) set(true);
    toggle.addEventListener("click", function () {
      set(!html.classList.contains("hide-changes"));
    });
  }
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  var shown = 12;
  var index = window.REPORT_SEARCH || [];
  var root = document.documentElement.getAttribute("data-root") || "";
  if (!input || !list) return;

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, "").toLowerCase();
  }
  var folded = index.map(function (e) {
    return { title: fold(e.t), text: fold(e.x) };
  });

  function snippet(text, at, length) {
    var start = Math.max(0, at - 40);
    var end = Math.min(text.length, at + length + 60);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function show(query) {
    list.textContent = "";
    var q = fold(query.trim());
    if (q.length < 2) {
      list.hidden = true;
      return;
    }
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var inTitle = folded[i].title.indexOf(q);
      var inText = folded[i].text.indexOf(q);
      if (inTitle >= 0 || inText >= 0) {
        hits.push({ entry: index[i], rank: inTitle >= 0 ? 0 : 1, at: inText });
      }
    }
    hits.sort(function (a, b) { return a.rank - b.rank; });
    // The first hits, and a line saying there are more: a long list helps nobody.
    hits.slice(0, shown).forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + hit.entry.u;
      a.textContent = hit.entry.t;
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = " " + hit.entry.k;
      li.appendChild(a);
      li.appendChild(kind);
      if (hit.rank === 1) {
        var p = document.createElement("p");
        p.textContent = snippet(hit.entry.x, hit.at, q.length);
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    if (!hits.length || hits.length > shown) {
      // The words come from the page (the version's catalogue), never from this file.
      var note = document.createElement("li");
      note.className = "search-note";
      note.textContent = input.getAttribute(hits.length ? "data-more" : "data-none");
      list.appendChild(note);
    }
    list.hidden = false;
  }

  input.addEventListener("input", function () { show(input.value); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      input.value = "";
      show("");
    }
  });
})();
