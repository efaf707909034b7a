/**
 * @fileoverview The Markdown reporter: escaping of input text, table shape, verdict, sections, <details> folding.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { markdownReport } from '../../reports/markdown.js';
import { htmlText, mdTable, mdText } from '../../reports/markdown-escape.js';
import type { AuditResult } from '../../src/findings/result.js';
import { passingResult, sampleResult, SEED } from './sample-result.js';

const md = (result: AuditResult = sampleResult(), ticket?: string): string =>
  markdownReport(result, ticket === undefined ? {} : { ticket });

/** Number of cell separators: pipes not escaped by an odd run of backslashes. */
function pipeCount(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '|') continue;
    let back = 0;
    for (let j = i - 1; j >= 0 && line[j] === '\\'; j--) back++;
    if (back % 2 === 0) n++;
  }
  return n;
}

test('mdText neutralizes pipes, newlines, backticks, HTML, links and backslashes', () => {
  assert.is(mdText('a|b\nc\r\nd`e'), 'a\\|b c d\\`e');
  assert.is(mdText('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
  assert.is(mdText('[x](javascript:alert(1))'), '\\[x\\](javascript:alert(1))');
  assert.is(mdText('C:\\k2\\a|b'), 'C:\\\\k2\\\\a\\|b');
  assert.is(mdText('a &lt; b'), 'a &amp;lt; b');
  assert.is(mdText('=cmd|x +1 -2 @3'), '=cmd\\|x +1 -2 @3');
  assert.is(htmlText('<b>"x" & y</b>\nz'), '&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt; z');
});

test('mdTable escapes cells and aligns', () => {
  assert.is(mdTable(['a', 'b|c'], [['1', 'x\ny']], ['left', 'right']), '| a | b\\|c |\n|---|---:|\n| 1 | x y |');
});

test('the hostile rule name is inert: escaped in tables, raw only inside fenced code blocks (literal text there)', () => {
  const out = md();
  assert.ok(out.includes('| &lt;script&gt;alert(1)&lt;/script&gt;\\|x (exports/k2-app01.netsh.txt:52) |'));
  const outsideFences = out.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, '');
  assert.not.ok(/<script/i.test(outsideFences));
  assert.ok(/^```bat\n[\s\S]*name="<script>alert\(1\)<\/script>\|x"[\s\S]*?^```$/m.test(out), 'the exact name is kept for the command');
  assert.ok(out.includes('K2 Web \\`HTTP\\` (exports/k2-app01.netsh.txt:12)'));
  assert.ok(out.includes('| unsupported field "Edge \\`traversal\\`" second line \\| pipe |'));
});

test('every table row has as many cells as its header', () => {
  const lines = md().split('\n');
  let expected = -1;
  for (const line of lines) {
    if (!line.startsWith('|')) {
      expected = -1;
      continue;
    }
    if (expected < 0) expected = pipeCount(line);
    assert.is(pipeCount(line), expected, line);
  }
});

test('title, verdict, sign-off header and sign-off block', () => {
  const out = md(sampleResult(), 'CHG-1234');
  assert.ok(out.startsWith('# k2audit report\n\nVerdict: **FAIL**: 2 findings at or above the fail-on threshold (high).\n'));
  for (const row of [
    '| Tool | k2audit 0.1.0 |',
    '| Requirement set version | k2-ports-1 |',
    '| Profile | farm |',
    '| Features | email=smtp, web=https |',
    '| Firewall profile | domain |',
    '| Ticket | CHG-1234 |',
    '| Generated at | 2024-05-01T12:00:00.000Z |',
  ]) {
    assert.ok(out.includes(row), row);
  }
  assert.ok(out.includes(
    '| 1 | exports/k2-app01.netsh.txt | netsh | utf-16le | ' + 'a'.repeat(64) + ' | 14 | 120: 100 parsed, 18 ignored, 2 unsupported | 2 (1 error, 1 warning) |',
  ));
  assert.ok(out.endsWith('- Comments: ________________________\n'));
  assert.ok(out.includes('\n- Reviewer: ') && out.includes('\n- Date: ') && out.includes('\n- Decision '));
  assert.not.ok(md().includes('| Ticket |'));
});

test('summary counts and requirement rows with seed references', () => {
  const out = md();
  assert.ok(out.includes('| partly allowed | 1 |'));
  assert.ok(out.includes('| medium | 2 |\n| low | 1 |\n| info | 0 |'));
  assert.ok(out.includes(`| blocked | k2-host-server-in-tcp | in | tcp | 5555 | 5555 | K2 Host Server connections |  |`));
  assert.ok(out.includes(`| ${SEED}:48 |`));
  assert.ok(out.includes('| unresolved: set --feature sap=NN | unknown |'));
  assert.ok(out.includes('| reqs.yaml:3 |'));
  assert.ok(out.includes('gpo.xml#Rules/FirewallRule\\[3\\]), conditional |'));
});

test('findings are grouped by severity, critical first, empty groups left out', () => {
  const out = md();
  const heads = out.split('\n').filter((l) => l.startsWith('### ') && l !== '### Inputs');
  assert.equal(heads, ['### Critical (1)', '### High (1)', '### Medium (2)', '### Low (1)']);
  assert.ok(out.includes('| f-1b2c3d4e | gap | K2 Host Server connections (5555/tcp inbound) is blocked | exports/k2-app01.netsh.txt:52 |  |'));
  assert.ok(out.includes('is allowed only conditionally: program C:\\\\k2\\\\host.exe |'));
});

test('diagnostics: up to 10 shown, more than 10 collapsed in <details> with an escaped summary', () => {
  const out = md();
  assert.ok(out.includes('**Input 1**: exports/k2-app01.netsh.txt: 2 diagnostics (1 error, 1 warning)\n\n| Location |'));
  assert.ok(out.includes('<details>\n<summary>Input 2: exports/k2-app01 gpo.xml: 11 diagnostics (1 warning, 10 info)</summary>\n\n| Location |'));
  assert.ok(out.includes('| exports/k2-app01 gpo.xml:109 | info | LOCAL_RULE_IGNORED | local rule "R10" ignored |\n\n</details>'));
  const base = sampleResult();
  const evilPath = { ...base, inputs: base.inputs.map((i) => ({ ...i, path: '<img src=x>.xml' })) };
  const out2 = md(evilPath);
  assert.ok(out2.includes('<summary>Input 2: &lt;img src=x&gt;.xml: 11 diagnostics'));
  assert.not.ok(out2.includes('<img'));
});

test('a passing result: PASS, no findings, no diagnostics, custom-only profile', () => {
  const out = md(passingResult());
  assert.ok(out.includes('Verdict: **PASS** (fail-on threshold: none).'));
  assert.ok(out.includes('## Findings\n\nNo findings.\n'));
  assert.ok(out.includes('## Input diagnostics\n\nNo input diagnostics.\n'));
  assert.ok(out.includes('| Profile | none (custom requirements only) |'));
  assert.ok(out.includes('| Features | none |'));
});

test('deterministic: the only timestamp is generatedAt', () => {
  assert.is(md(), md());
  const stamps = md().match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g) ?? [];
  assert.equal(stamps, ['2024-05-01T12:00']);
});

test.run();
