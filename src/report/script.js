// gongwen report: sortable tables, outline navigation and the #selftest
// check run by the browser test (tests/browser.rs). No external assets.
(function () {
  "use strict";

  // --- Sortable tables: click (or Enter on) a header to sort by it. ----
  function key(td) {
    var k = td ? td.getAttribute("data-sort") : "";
    return k !== null ? { v: k, raw: true } : { v: td.textContent.trim(), raw: false };
  }
  function compare(a, b, num) {
    if (num) return parseFloat(a.v) - parseFloat(b.v);
    if (a.raw && b.raw) return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
    return a.v.localeCompare(b.v, "zh-CN");
  }
  function sortBy(th) {
    var table = th.closest("table");
    var col = Array.prototype.indexOf.call(th.parentNode.children, th);
    var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir);
    var num = th.getAttribute("data-type") === "num";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r, s) {
      var a = key(r.cells[col]), b = key(s.cells[col]);
      // Empty cells go last whatever the direction.
      if (a.v === "" || b.v === "") return (a.v === "") - (b.v === "");
      var c = compare(a, b, num);
      return dir === "ascending" ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  document.querySelectorAll("table.sortable thead th").forEach(function (th) {
    th.addEventListener("click", function () { sortBy(th); });
    th.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(th); }
    });
  });

  // --- Outline: scroll to an entry's lines and highlight them. ---------
  function go(a) {
    var from = parseInt(a.getAttribute("data-line"), 10);
    var to = parseInt(a.getAttribute("data-line-end") || from, 10);
    var first = document.getElementById("L" + from);
    if (!first) return false;
    document.querySelectorAll(".ln.hl").forEach(function (n) { n.classList.remove("hl"); });
    document.querySelectorAll("#outline a.current").forEach(function (n) { n.classList.remove("current"); });
    for (var n = from; n <= to && n - from < 400; n++) {
      var el = document.getElementById("L" + n);
      if (el) el.classList.add("hl");
    }
    a.classList.add("current");
    first.scrollIntoView({ block: "center" });
    if (history.replaceState) history.replaceState(null, "", "#L" + from);
    return true;
  }
  document.querySelectorAll("#outline a[data-line]").forEach(function (a) {
    a.addEventListener("click", function (e) {
      if (go(a)) e.preventDefault();
    });
  });

  // --- Self-test (URL ending in #selftest): used by the browser test. --
  function selftest() {
    var r = { ok: true, checks: [] };
    function check(name, ok, detail) {
      r.checks.push({ name: name, ok: !!ok, detail: detail });
      if (!ok) r.ok = false;
    }
    r.titles = Array.prototype.map.call(
      document.querySelectorAll("#outline a.ol-doc"),
      function (a) { return a.getAttribute("data-title"); });
    var links = document.querySelectorAll("#outline a.ol-clause");
    check("outline has clauses", links.length > 0, links.length);
    if (links.length > 0) {
      // The entry farthest down the source, so that a scroll is needed.
      var a = links[0];
      links.forEach(function (l) {
        if (+l.getAttribute("data-line") > +a.getAttribute("data-line")) a = l;
      });
      window.scrollTo(0, 0);
      a.click();
      var line = a.getAttribute("data-line");
      var el = document.getElementById("L" + line);
      var box = el ? el.getBoundingClientRect() : null;
      r.clicked = { line: +line, top: box && box.top, bottom: box && box.bottom, height: window.innerHeight };
      check("clicked clause line exists", !!el, line);
      check("clicked clause line is in view",
        box && box.top >= 0 && box.bottom <= window.innerHeight, r.clicked);
      check("clicked clause line is highlighted", el && el.classList.contains("hl"), line);
      check("location points at the line", location.hash === "#L" + line, location.hash);
    }
    // Sort the task table with the most distinct deadlines by its deadline
    // column, both ways.
    var dated = function (t) {
      var seen = {};
      t.querySelectorAll("tbody td:last-child").forEach(function (td) {
        seen[td.getAttribute("data-sort") || ""] = true;
      });
      return Object.keys(seen).length;
    };
    var tables = Array.prototype.slice.call(document.querySelectorAll("table.tasks"));
    tables.sort(function (x, y) { return dated(y) - dated(x); });
    var t = tables[0];
    check("a task table exists", !!t, tables.length);
    if (t) {
      var th = t.querySelector('th[data-col="due"]');
      var col = Array.prototype.indexOf.call(th.parentNode.children, th);
      var keys = function () {
        return Array.prototype.map.call(t.tBodies[0].rows, function (row) {
          return row.cells[col].getAttribute("data-sort");
        });
      };
      var ordered = function (ks, asc) {
        var seenEmpty = false;
        for (var i = 0; i < ks.length; i++) {
          if (ks[i] === "") { seenEmpty = true; continue; }
          if (seenEmpty) return false;
          if (i > 0 && ks[i - 1] !== "" && (asc ? ks[i - 1] > ks[i] : ks[i - 1] < ks[i])) return false;
        }
        return true;
      };
      th.click();
      var up = keys();
      check("deadline column sorts ascending", th.getAttribute("aria-sort") === "ascending" && ordered(up, true), up);
      th.click();
      var down = keys();
      check("deadline column sorts descending", th.getAttribute("aria-sort") === "descending" && ordered(down, false), down);
      r.sorted = { doc: t.getAttribute("data-doc"), rows: up.length, ascending: up, descending: down };
      th.click();
    }
    document.getElementById("selftest").textContent = JSON.stringify(r);
    document.title = "selftest " + (r.ok ? "pass" : "fail");
  }
  if (location.hash === "#selftest" && document.getElementById("selftest")) {
    window.addEventListener("load", function () { setTimeout(selftest, 50); });
  }
})();
