/**
 * @fileoverview The HTML report: one self-contained file (no external assets, no network: a CSP with
 * `default-src 'none'` forbids it), readable on screen and printable to PDF. The only style and script are
 * constants allowed by their SHA-256 hashes, computed from the content, so the output is byte-identical
 * across runs. Every input-derived string is escaped by the `html` tag (html-escape.ts).
 */
import { createHash } from 'node:crypto';
import type { AuditResult } from '../src/findings/result.js';
import { coverageSection } from './html-coverage.js';
import { html, trusted, type SafeHtml } from './html-escape.js';
import { inputsTable, signOffHeader, summaryTables, verdictBanner } from './html-header.js';
import { REPORT_SCRIPT } from './html-script.js';
import { diagnosticsSection, remediationSection, signOffLines } from './html-sections.js';
import { REPORT_CSS } from './html-style.js';
import { findingTable, requirementTable } from './html-tables.js';
import type { ReportOptions } from './types.js';

/** `'sha256-…'` source expression for an inline element's exact text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The Content-Security-Policy: nothing may load; only this report's own style and script may run. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `style-src ${cspHash(REPORT_CSS)}`,
    `script-src ${cspHash(REPORT_SCRIPT)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function section(id: string, title: string, body: SafeHtml): SafeHtml {
  return html`<section id="${id}">
<h2>${title}</h2>
${body}
</section>`;
}

/** Renders the whole report; ends with a single newline. */
export function htmlReport(result: AuditResult, options: ReportOptions): string {
  const word = result.verdict === 'pass' ? 'PASS' : 'FAIL';
  const profile = result.requirementSet.profile ?? 'custom requirements';
  const doc = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${result.tool.name} ${result.tool.version}">
<title>k2audit report: ${word} (${profile}, ${result.generatedAt})</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<header>
<h1>k2audit report</h1>
${verdictBanner(result)}
</header>
<main>
${section('signoff', 'Sign-off header', html`${signOffHeader(result, options)}
<h3>Inputs</h3>
${inputsTable(result)}`)}
${section('summary', 'Summary', summaryTables(result))}
${section('coverage', 'Port coverage', coverageSection(result))}
${section('requirements', 'Requirements', requirementTable(result))}
${section('findings', 'Findings', findingTable(result))}
${section('remediation', 'Remediation', remediationSection(result))}
${section('diagnostics', 'Input diagnostics', diagnosticsSection(result))}
${section('reviewer', 'Sign-off', signOffLines())}
</main>
<script>${trusted(REPORT_SCRIPT)}</script>
</body>
</html>
`;
  return doc.value;
}
