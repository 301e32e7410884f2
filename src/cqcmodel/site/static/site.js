// League table: sortable column headings and filters. The page reads fully without it.
"use strict";
(function () {
  var table = document.getElementById("league");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var status = document.getElementById("league-status");
  rows.forEach(function (row, index) { row.dataset.order = String(index); });

  function key(row, column, numeric) {
    var value = row.cells[column].dataset.sort;
    if (value === undefined || value === "") { return null; }
    return numeric ? Number(value) : value;
  }

  function sortBy(header) {
    var column = header.cellIndex;
    var numeric = header.dataset.type === "number";
    var direction = header.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    var sign = direction === "ascending" ? 1 : -1;
    headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", direction);
    rows.sort(function (a, b) {
      var x = key(a, column, numeric), y = key(b, column, numeric);
      if (x === null || y === null) {
        // Unknown values go last, whichever the direction.
        if (x !== y) { return x === null ? 1 : -1; }
      } else if (x !== y) {
        if (numeric) { return sign * (x - y); }
        return sign * x.localeCompare(y);
      }
      return Number(a.dataset.order) - Number(b.dataset.order);
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  headers.forEach(function (header) {
    var button = header.querySelector("button");
    if (button) { button.addEventListener("click", function () { sortBy(header); }); }
  });

  var controls = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));

  function applyFilters() {
    var shown = 0;
    var wanted = {};
    controls.forEach(function (control) {
      wanted[control.dataset.filter] = control.value.trim().toLowerCase();
    });
    rows.forEach(function (row) {
      var ok = (!wanted.region || row.dataset.region.toLowerCase() === wanted.region) &&
        (!wanted.type || row.dataset.type.toLowerCase() === wanted.type) &&
        (!wanted.rating || row.dataset.rating.toLowerCase() === wanted.rating) &&
        (!wanted.search || row.dataset.search.indexOf(wanted.search) !== -1);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    status.textContent = "Showing " + shown + " of " + rows.length + " authorities.";
  }

  controls.forEach(function (control) {
    control.addEventListener(control.tagName === "SELECT" ? "change" : "input", applyFilters);
  });
  var form = document.getElementById("filters");
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  Array.prototype.forEach.call(document.querySelectorAll("[data-needs-script]"), function (node) {
    node.hidden = false;
  });
}());
