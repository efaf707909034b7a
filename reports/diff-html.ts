/**
 * @fileoverview The HTML diff report: one self-contained, printable file (no script, no external asset; the CSP
 * allows only its own stylesheet by hash). Same content as the Markdown diff; every input-derived string is
 * escaped by the `html` tag.
 */
import { signOffRows } from './summary.js';
import type { DiffResult } from '../src/analyses/diff/types.js';
import { cspHash } from './html.js';
import { breakable, html, joinHtml, trusted, type SafeHtml } from './html-escape.js';
import { REPORT_CSS } from './html-style.js';
import { exposureHtml, flowHtml, policyHtml, requirementHtml, ruleHtml, unifiedDiffHtml } from './diff-html-sections.js';
import { summaryRows, verdictSentence } from './diff-view.js';
import type { ReportOptions } from './types.js';

/** The report's stylesheet: the compare report's plus diff line colours. */
export const DIFF_CSS = `${REPORT_CSS}
.diff .add { background: #e6ffec; } .diff .del { background: #ffebe9; } .diff .hunk { color: var(--conditional); }
.c-newly-allowed { background: #ef6c00; } .c-newly-blocked { background: var(--blocked); }
.c-regressed { background: var(--blocked); } .c-improved { background: var(--allowed); } .c-changed { background: var(--unknown); }
`;

function section(id: string, title: string, body: SafeHtml): SafeHtml {
  return html`<section id="${id}">
<h2>${title}</h2>
${body}
</section>`;
}

/** Renders the whole diff report; ends with a single newline. */
export function diffHtmlReport(result: DiffResult, options: ReportOptions): string {
  const word = result.verdict === 'pass' ? 'PASS' : 'FAIL';
  const csp = `default-src 'none'; style-src ${cspHash(DIFF_CSS)}; base-uri 'none'; form-action 'none'`;
  const doc = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${result.tool.name} ${result.tool.version}">
<title>k2audit diff: ${word} (${result.requirementSet.profile ?? 'custom requirements'}, ${result.generatedAt})</title>
<style>${trusted(DIFF_CSS)}</style>
</head>
<body>
<header>
<h1>k2audit diff</h1>
<section class="verdict verdict-${result.verdict}" id="verdict" role="status" aria-label="Verdict: ${word}">
<strong>${word}</strong><span>${verdictSentence(result)}</span>
</section>
</header>
<main>
${section('signoff', 'Sign-off header', html`${signOffHeader(result, options)}
<h3>Inputs</h3>
${inputsTable(result)}`)}
${section('summary', 'Summary', summaryTable(result))}
${section('rules', 'Rule changes', ruleHtml(result))}
${section('policies', 'Default policy changes', policyHtml(result))}
${section('flows', 'Flow changes', flowHtml(result))}
${section('requirements', 'Requirement transitions', requirementHtml(result))}
${section('exposures', 'Exposures', exposureHtml(result))}
${section('unified-diff', 'Unified diff of the normalized rule listings', unifiedDiffHtml(result))}
</main>
</body>
</html>
`;
  return doc.value;
}

function signOffHeader(r: DiffResult, options: ReportOptions): SafeHtml {
  const rows = signOffRows(r, options);
  return html`<table class="kv" id="signoff-header"><tbody>
${joinHtml(rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`), '\n')}
</tbody></table>`;
}

function inputsTable(r: DiffResult): SafeHtml {
  const rows = (['before', 'after'] as const).flatMap((side) =>
    r[side].inputs.map(
      (i) => html`<tr><td>${side}</td><td><code>${breakable(i.path)}</code></td><td>${i.format}</td><td>${i.encoding}</td><td><code>${i.sha256.slice(0, 32)}<wbr>${i.sha256.slice(32)}</code></td><td class="num">${i.ruleCount}</td></tr>`,
    ),
  );
  if (rows.length === 0) return html`<p>No inputs.</p>`;
  return html`<div class="table-wrap"><table id="inputs"><thead><tr><th>Side</th><th>Path</th><th>Format</th><th>Encoding</th><th>SHA-256</th><th class="num">Rules</th></tr></thead><tbody>
${joinHtml(rows, '\n')}
</tbody></table></div>`;
}

function summaryTable(r: DiffResult): SafeHtml {
  const rows = summaryRows(r).map(([k, v]) => html`<tr><th scope="row">${k}</th><td class="num">${v}</td></tr>`);
  return html`<table class="kv" id="summary-counts"><tbody>${joinHtml(rows)}</tbody></table>`;
}
