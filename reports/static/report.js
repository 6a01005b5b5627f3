// seotool HTML report: views, filters and sorting. Inlined and allowed by its hash in the CSP.
// It only reads what the server already rendered (and escaped); it never builds HTML from text.
(function () {
  "use strict";
  var doc = document;
  doc.documentElement.classList.add("js");

  // -- views: one section at a time, chosen by the URL fragment ------------------------------
  var views = Array.prototype.slice.call(doc.querySelectorAll("section.view"));
  var tabs = Array.prototype.slice.call(doc.querySelectorAll(".tabs a[data-view]"));

  function viewOf(el) {
    while (el && !(el.classList && el.classList.contains("view"))) { el = el.parentNode; }
    return el;
  }

  function show(hash, scroll) {
    var id = (hash || "").replace(/^#/, "");
    var target = id ? doc.getElementById(id) : null;
    var view = viewOf(target) || views[0];
    views.forEach(function (v) { v.classList.toggle("is-active", v === view); });
    tabs.forEach(function (t) {
      var current = view && t.getAttribute("data-view") === view.id;
      t.classList.toggle("is-current", current);
      if (current) { t.setAttribute("aria-current", "page"); } else { t.removeAttribute("aria-current"); }
    });
    if (scroll !== false) {
      if (target && target !== view) { target.scrollIntoView({block: "start"}); } else { window.scrollTo(0, 0); }
    }
  }

  window.addEventListener("hashchange", function () { show(location.hash); });
  show(location.hash, Boolean(location.hash));

  // -- findings filters ---------------------------------------------------------------------
  var table = doc.getElementById("findings-table");
  var form = doc.getElementById("filters");
  if (table && form) {
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var text = rows.map(function (r) { return r.textContent.toLowerCase(); });
    var field = function (name) { return doc.getElementById("f-" + name); };
    var count = field("count");
    var none = doc.getElementById("f-none");

    // Rows that do not match are taken out of the table rather than hidden: laying out a table
    // of thousands of hidden rows is what makes filtering slow.
    var order = rows.map(function (r, i) { return i; });
    var apply = function () {
      var q = field("q").value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      var want = {
        severity: field("severity").value, family: field("family").value,
        rule: field("rule").value, page: field("page").value
      };
      var newOnly = field("new") ? field("new").checked : false;
      var keep = doc.createDocumentFragment();
      var shown = 0;
      order.forEach(function (i) {
        var row = rows[i];
        var ok = Object.keys(want).every(function (k) { return !want[k] || row.getAttribute("data-" + k) === want[k]; });
        if (ok && newOnly) { ok = row.getAttribute("data-new") === "1"; }
        if (ok && q.length) { ok = q.every(function (w) { return text[i].indexOf(w) !== -1; }); }
        if (ok) { keep.appendChild(row); shown += 1; }
      });
      tbody.textContent = "";
      tbody.appendChild(keep);
      count.textContent = shown + " of " + rows.length + " findings";
      if (none) { none.hidden = shown !== 0; }
    };
    form.addEventListener("input", apply);  // selects and checkboxes fire "input" too
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });

    // chart bars link to the findings of one family
    Array.prototype.forEach.call(doc.querySelectorAll("[data-filter-family]"), function (a) {
      a.addEventListener("click", function () {
        form.reset();
        field("family").value = a.getAttribute("data-filter-family");
        apply();
      });
    });

    // -- sortable columns -------------------------------------------------------------------
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    Array.prototype.forEach.call(table.querySelectorAll("th button[data-sort-col]"), function (btn) {
      btn.addEventListener("click", function () {
        var col = Number(btn.getAttribute("data-sort-col"));
        var numeric = btn.getAttribute("data-sort-type") === "number" || col === 0;
        var th = btn.parentNode;
        var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        var key = function (row) {
          var cell = row.cells[col];
          var v = cell.getAttribute("data-sort");
          if (v === null) { v = cell.textContent; }
          return numeric ? Number(v) : v.toLowerCase();
        };
        var keyed = rows.map(function (row, i) { return {key: key(row), i: i}; });
        keyed.sort(function (a, b) {
          if (a.key < b.key) { return -dir; }
          if (a.key > b.key) { return dir; }
          return a.i - b.i;
        });
        order = keyed.map(function (o) { return o.i; });
        apply();
      });
    });
  }
})();
