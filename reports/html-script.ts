/**
 * @fileoverview The HTML report's only script (vanilla JS, no framework), inlined in a <script> element
 * whose hash the CSP allows. A constant: it reads the DOM the reporter built and never parses HTML
 * (no innerHTML, no insertAdjacentHTML, no eval); text goes through textContent only.
 *
 * What it does: sortable tables (click a column header; click again to reverse), filterable tables
 * (text box + select on a row attribute), a "N of M shown" counter, and opening every <details> for
 * printing (restored after).
 */

/** Script text; ends without a newline so its hash is of exactly this string. */
export const REPORT_SCRIPT = `(function () {
  'use strict';
  function key(row, index) {
    var cell = row.cells[index];
    if (!cell) return '';
    var explicit = cell.getAttribute('data-sort');
    return explicit !== null ? explicit : (cell.textContent || '').trim().toLowerCase();
  }
  function compare(a, b) {
    var na = Number(a), nb = Number(b);
    if (a !== '' && b !== '' && !isNaN(na) && !isNaN(nb)) return na - nb;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  function sortTable(table, index, th) {
    var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    var heads = table.tHead.rows[0].cells;
    for (var h = 0; h < heads.length; h++) heads[h].setAttribute('aria-sort', 'none');
    th.setAttribute('aria-sort', dir);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (x, y) {
      var c = compare(key(x, index), key(y, index));
      if (c === 0) c = Number(x.getAttribute('data-row')) - Number(y.getAttribute('data-row'));
      return dir === 'ascending' ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  function setUpSorting(table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = th.querySelector('button.sort');
      if (!button) return;
      button.addEventListener('click', function () { sortTable(table, index, th); });
    });
  }
  function setUpFilter(bar) {
    var table = document.getElementById(bar.getAttribute('data-table'));
    if (!table) return;
    var text = bar.querySelector('input[type="search"]');
    var selects = Array.prototype.slice.call(bar.querySelectorAll('select[data-attr]'));
    var counter = bar.querySelector('output');
    function apply() {
      var needle = text ? text.value.trim().toLowerCase() : '';
      var rows = table.tBodies[0].rows;
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var ok = needle === '' || (row.textContent || '').toLowerCase().indexOf(needle) >= 0;
        selects.forEach(function (s) {
          if (s.value !== '' && row.getAttribute('data-' + s.getAttribute('data-attr')) !== s.value) ok = false;
        });
        row.hidden = !ok;
        if (ok) shown++;
      }
      if (counter) counter.textContent = shown + ' of ' + rows.length + ' shown';
    }
    if (text) text.addEventListener('input', apply);
    selects.forEach(function (s) { s.addEventListener('change', apply); });
    bar.hidden = false;
    apply();
  }
  var opened = [];
  window.addEventListener('beforeprint', function () {
    opened = Array.prototype.filter.call(document.querySelectorAll('details'), function (d) { return !d.open; });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), setUpSorting);
  Array.prototype.forEach.call(document.querySelectorAll('.toolbar[data-table]'), setUpFilter);
})();`;
