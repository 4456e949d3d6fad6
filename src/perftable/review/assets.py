"""The review page's stylesheet and script, inline in the page (no network: it works from a file and from a web
server). The script is vanilla JavaScript: it sorts and filters the list of tables and opens a table's view, and
keeps all of it in the URL's fragment (``#grade=差&code=I003&q=民政&sort=errors&dir=desc&open=12``), so that a
link opens the page as it was shared. Without the script the list shows every table and each table's link opens its
view by ``:target``."""

from __future__ import annotations

from perftable.render.page import CSS as FORM_CSS

CSS = (
    FORM_CSS
    + """
body { max-width: 96rem; font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
header h1, .view h2 { text-align: left; }
.meta { color: #444; }
.cards { display: flex; gap: 0.6rem; flex-wrap: wrap; margin: 0.8rem 0; }
.card { border: 1px solid #bbb; border-radius: 6px; padding: 0.4rem 0.9rem; text-decoration: none; color: inherit;
        min-width: 4.5rem; text-align: center; }
.card b { display: block; font-size: 1.4rem; }
.g-优 { background: #e3f4e1; } .g-良 { background: #eef6d8; } .g-中 { background: #fff1c9; } .g-差 { background: #fbd5d5; }
.g-none { background: #e6e6e6; }
.grade { display: inline-block; min-width: 1.8rem; text-align: center; border-radius: 4px; padding: 0 0.3rem;
         font-weight: bold; }
details.codes { margin: 0.5rem 0 1rem; } table.codes { width: auto; } table.codes td, table.codes th { padding: 0.15rem 0.5rem; }
.filters { display: flex; gap: 0.8rem; flex-wrap: wrap; align-items: center; margin: 1rem 0 0.5rem;
           position: sticky; top: 0; background: #fff; padding: 0.5rem 0; z-index: 2; }
.filters input[type=search] { min-width: 16rem; padding: 0.2rem 0.4rem; }
table.list th[data-sort] { cursor: pointer; user-select: none; white-space: nowrap; }
table.list th[data-sort]::after { content: " ↕"; color: #999; }
table.list th.asc::after { content: " ↑"; color: #000; } table.list th.desc::after { content: " ↓"; color: #000; }
table.list td { vertical-align: top; }
table.list td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.list ul { margin: 0; padding-left: 1.1rem; font-size: 0.8rem; }
li.error, .sev-error { color: #900; } li.warning, .sev-warning { color: #7a4f00; } li.info, .sev-info { color: #1d4f9c; }
.view { display: none; }
.view:target, .view.open { display: block; }
body.viewing #list, body.viewing header { display: none; }
.view nav { margin: 1rem 0; display: flex; gap: 1.5rem; }
.panes { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 1.2fr); gap: 1.2rem; align-items: start; }
.panes aside { font-size: 0.85rem; position: sticky; top: 0.5rem; max-height: 95vh; overflow: auto; }
.panes aside ol { padding-left: 1.3rem; }
.draft { border: 1px solid #bbb; padding: 0.6rem 1.2rem; margin-top: 1.5rem; background: #fcfcf7; }
.draft h3 { margin: 0.4rem 0; } .draft p { margin: 0.4rem 0; } .draft .head { font-weight: bold; margin-top: 0.8rem; }
.draft ul { margin: 0.2rem 0; }
.empty { color: #666; font-style: italic; }
@media (max-width: 60rem) { .panes { grid-template-columns: 1fr; } }
@media print {
  body { max-width: none; font-size: 10pt; }
  .filters, .view nav, table.list th[data-sort]::after { display: none !important; }
  details.codes { display: block; }
  body:not(.viewing) .view { display: block; break-before: page; }
  body.viewing .view:not(.open) { display: none; }
  .panes { display: block; } .panes aside { position: static; max-height: none; overflow: visible; }
  .grade, .card, .has-error, .has-warning { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
)

JS = r"""
(function () {
  "use strict";
  var list = document.getElementById("tables");
  if (!list) { return; }
  var body = list.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var form = document.getElementById("filters");
  var gradeBox = form.elements.grade, codeBox = form.elements.code, textBox = form.elements.q;
  var shown = document.getElementById("shown");
  var numeric = { index: 1, rank: 1, score: 1, errors: 1, warnings: 1 };

  function read() {
    var state = { grade: "", code: "", q: "", sort: "", dir: "asc", open: "" };
    var hash = location.hash.replace(/^#/, "");
    if (/^t\d+$/.test(hash)) { state.open = hash.slice(1); return state; }
    hash.split("&").forEach(function (part) {
      if (!part) { return; }
      var at = part.indexOf("=");
      var key = decodeURIComponent(at < 0 ? part : part.slice(0, at));
      var value = at < 0 ? "" : decodeURIComponent(part.slice(at + 1).replace(/\+/g, " "));
      if (Object.prototype.hasOwnProperty.call(state, key)) { state[key] = value; }
    });
    return state;
  }

  function write(state, replace) {
    var parts = [];
    Object.keys(state).forEach(function (key) {
      if (state[key] && !(key === "dir" && state[key] === "asc")) {
        parts.push(encodeURIComponent(key) + "=" + encodeURIComponent(state[key]));
      }
    });
    var hash = "#" + parts.join("&");
    if (replace) { location.replace(hash); } else { location.hash = hash; }
    apply();  // now, not when hashchange comes (it comes later, and applying twice changes nothing)
  }

  function compare(key, dir) {
    var sign = dir === "desc" ? -1 : 1;
    return function (a, b) {
      var x = a.dataset[key] || "", y = b.dataset[key] || "";
      var order = numeric[key] ? Number(x) - Number(y) : x.localeCompare(y, "zh-CN");
      return (order || Number(a.dataset.index) - Number(b.dataset.index)) * sign;
    };
  }

  function apply() {
    var state = read();
    gradeBox.value = state.grade; codeBox.value = state.code;
    if (document.activeElement !== textBox) { textBox.value = state.q; }
    var grades = state.grade ? state.grade.split(",") : [];
    var words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row) {
      var ok = (!grades.length || grades.indexOf(row.dataset.grade) >= 0) &&
        (!state.code || row.dataset.codes.indexOf(" " + state.code + " ") >= 0) &&
        words.every(function (word) { return row.dataset.text.indexOf(word) >= 0; });
      row.hidden = !ok;
      count += ok ? 1 : 0;
    });
    var sorted = rows.slice().sort(compare(state.sort || "index", state.sort ? state.dir : "asc"));
    sorted.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(list.tHead.querySelectorAll("th[data-sort]"), function (th) {
      th.classList.remove("asc", "desc");
      if (th.dataset.sort === state.sort) { th.classList.add(state.dir); }
    });
    shown.textContent = String(count);
    Array.prototype.forEach.call(document.querySelectorAll(".view.open"), function (view) {
      view.classList.remove("open");
    });
    var view = state.open ? document.getElementById("t" + state.open) : null;
    document.body.classList.toggle("viewing", !!view);
    if (view) { view.classList.add("open"); window.scrollTo(0, 0); }
  }

  list.tHead.addEventListener("click", function (event) {
    var th = event.target.closest("th[data-sort]");
    if (!th) { return; }
    var state = read();
    state.dir = state.sort === th.dataset.sort && state.dir === "asc" ? "desc" : "asc";
    state.sort = th.dataset.sort;
    write(state, false);
  });
  gradeBox.addEventListener("change", function () { var s = read(); s.grade = gradeBox.value; write(s, false); });
  codeBox.addEventListener("change", function () { var s = read(); s.code = codeBox.value; write(s, false); });
  var timer = null;
  textBox.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { var s = read(); s.q = textBox.value.trim(); write(s, true); }, 150);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { write({}, false); }, 0); });
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-open], a[data-back]");
    if (!link) { return; }
    event.preventDefault();
    var state = read();
    state.open = link.hasAttribute("data-back") ? "" : link.dataset.open;
    write(state, false);
  });
  window.addEventListener("hashchange", apply);
  apply();
})();
"""
