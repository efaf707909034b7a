/**
 * @fileoverview The HTML diff report: self-contained (CSP without scripts, stylesheet allowed by hash), every
 * input-derived string escaped, diff lines marked, long diffs folded, deterministic.
 */
import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DIFF_CSS, diffHtmlReport } from '../../reports/diff-html.js';
import { diffFiles } from '../analyses/diff/helpers.js';
import { emptyDiff, sampleDiff } from './diff-sample.js';

const out = diffHtmlReport(sampleDiff(), { ticket: 'CHG-7' });

test('self-contained: no script, no external reference; the CSP allows exactly the inline stylesheet', () => {
  assert.not.ok(/<script/i.test(out));
  assert.not.ok(/(src|href)=/i.test(out));
  const hash = createHash('sha256').update(DIFF_CSS, 'utf8').digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`.replace(/'/g, '&#39;');
  assert.ok(out.includes(`<meta http-equiv="Content-Security-Policy" content="${csp}">`));
  assert.ok(out.includes(`<style>${DIFF_CSS}</style>`));
});

test('input-derived text is escaped (names, paths, diff lines); control characters replaced', () => {
  assert.ok(out.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(out.includes('<span class="add">+&quot;&lt;script&gt;alert(2)&lt;/script&gt;\ufffd&quot; enabled in block</span>'));
  assert.not.ok(out.includes('\u0007'));
});

test('verdict banner, sections and tables', () => {
  assert.ok(out.includes('<section class="verdict verdict-fail" id="verdict" role="status" aria-label="Verdict: FAIL">\n<strong>FAIL</strong><span>1 regression, 1 new exposure (2 at or above the fail-on threshold high)</span>'));
  for (const id of ['signoff', 'summary', 'rules', 'policies', 'flows', 'requirements', 'exposures', 'unified-diff']) assert.ok(out.includes(`<section id="${id}">`), id);
  assert.ok(out.includes('<tr><th scope="row">Ticket</th><td>CHG-7</td></tr>'));
  assert.ok(out.includes('<span class="badge c-regressed" title="allowed → blocked">regressed (high)</span>'));
  assert.ok(out.includes('<details><summary>51 lines of diff</summary>'));
});

test('an empty diff says so; the same inputs render byte-identically', () => {
  const none = diffHtmlReport(emptyDiff(), {});
  assert.ok(none.includes('<p>The normalized rule listings are identical.</p>'));
  assert.ok(none.includes('<p>No flow is newly allowed or newly blocked.</p>'));
  const a = diffFiles('fixtures/diff/rules-before.netsh.txt', 'fixtures/diff/rules-after.netsh.txt');
  const b = diffFiles('fixtures/diff/rules-before.netsh.txt', 'fixtures/diff/rules-after.netsh.txt');
  assert.is(diffHtmlReport(a, {}), diffHtmlReport(b, {}));
});

test.run();
