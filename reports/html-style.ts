/**
 * @fileoverview The HTML report's only stylesheet, inlined in a <style> element whose hash the CSP allows.
 * A constant: nothing input-derived ever reaches it. `@media print` makes a clean PDF from the browser.
 */

/** CSS for screen and print. */
export const REPORT_CSS = `
:root { --fg: #1b1f23; --muted: #57606a; --line: #d0d7de; --bg-alt: #f6f8fa;
  --allowed: #2e7d32; --partial: #f9a825; --blocked: #c62828; --conditional: #1565c0; --unknown: #757575; --waived: #8d6e63; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 88rem; padding: 1rem 1.5rem 3rem; color: var(--fg); background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
code, pre, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Consolas, monospace; font-size: .92em; }
pre { background: var(--bg-alt); border: 1px solid var(--line); padding: .5rem .7rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; margin: .3rem 0; }
.verdict { display: flex; gap: 1rem; align-items: center; padding: .9rem 1.2rem; border-radius: 6px; color: #fff; margin-bottom: 1rem; }
.verdict strong { font-size: 1.6rem; letter-spacing: .05em; }
.verdict-pass { background: var(--allowed); }
.verdict-fail { background: var(--blocked); }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
thead th { white-space: nowrap; }
thead th { background: var(--bg-alt); }
.table-wrap { overflow-x: auto; margin: .4rem 0 1rem; }
.table-wrap > table { margin: 0; }
tbody tr:nth-child(even) { background: #fbfcfd; }
table.kv { width: auto; min-width: 40rem; }
table.kv th { width: 14rem; background: var(--bg-alt); }
.summary { display: flex; flex-wrap: wrap; gap: 0 2rem; }
.summary table.kv { min-width: 16rem; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th button.sort { all: unset; cursor: pointer; display: block; width: 100%; font-weight: 600; }
th button.sort:focus-visible { outline: 2px solid var(--conditional); }
th[aria-sort="ascending"] button.sort::after { content: " \\25B2"; }
th[aria-sort="descending"] button.sort::after { content: " \\25BC"; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 9px; font-size: .85em; font-weight: 600; color: #fff; white-space: nowrap; }
.s-allowed { background: var(--allowed); } .s-partial { background: var(--partial); color: #000; }
.s-blocked { background: var(--blocked); } .s-conditional { background: var(--conditional); }
.s-unknown { background: var(--unknown); } .s-waived { background: var(--waived); }
.sev-critical { background: #7b1fa2; } .sev-high { background: var(--blocked); } .sev-medium { background: #ef6c00; }
.sev-low { background: #0277bd; } .sev-info { background: var(--unknown); }
ul.cites { margin: 0; padding-left: 1.1rem; } ul.cites li { margin: 0; }
.muted { color: var(--muted); }
.toolbar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: .4rem 0; }
.toolbar input[type="search"] { min-width: 18rem; padding: .25rem .4rem; }
.toolbar output { color: var(--muted); }
figure.coverage { margin: .5rem 0 1rem; }
figure.coverage svg { max-width: 100%; height: auto; }
figure.coverage figcaption { font-weight: 600; margin-bottom: .2rem; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin: .2rem 0 .8rem; padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: .35rem; }
.legend svg.swatch { display: inline-block; vertical-align: middle; }
details { margin: .3rem 0; } summary { cursor: pointer; }
.signoff p { margin: 1.4rem 0 0; }
.signoff .line { display: inline-block; min-width: 22rem; border-bottom: 1px solid var(--fg); }
.waived-note { font-size: .9em; color: var(--muted); }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .toolbar, .no-print { display: none !important; }
  tr[hidden] { display: table-row !important; }
  thead { display: table-header-group; }
  table { font-size: 8pt; }
  th, td { padding: 2px 3px; }
  thead th { white-space: normal; }
  figure.coverage svg { max-width: 100%; }
  .table-wrap { overflow: visible; }
  tr, figure, .verdict, pre, .signoff p { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  th button.sort::after { content: "" !important; }
  table.kv { min-width: 0; }
}
`;
