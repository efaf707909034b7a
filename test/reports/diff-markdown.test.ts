/**
 * @fileoverview The Markdown diff report: verdict line, sections in order, escaped input-derived text, the
 * unified diff fenced (folded when long, fence longer than any backtick run), deterministic output.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diffMarkdownReport } from '../../reports/diff-markdown.js';
import { diffFiles } from '../analyses/diff/helpers.js';
import { emptyDiff, sampleDiff } from './diff-sample.js';

const md = diffMarkdownReport(sampleDiff(), { ticket: 'CHG-1234' });

test('verdict line counts regressions and new exposures and names the threshold', () => {
  assert.ok(md.startsWith('# k2audit diff\n\nVerdict: **FAIL**: 1 regression, 1 new exposure (2 at or above the fail-on threshold high).\n'));
  assert.ok(diffMarkdownReport(emptyDiff(), {}).includes('Verdict: **PASS**: 0 regressions, 0 new exposures (fail-on threshold: none).'));
});

test('sections appear in order', () => {
  const heads = md.split('\n').filter((l) => l.startsWith('## '));
  assert.equal(heads, [
    '## Sign-off header',
    '## Summary',
    '## Rule changes',
    '## Default policy changes',
    '## Flow changes',
    '## Requirement transitions',
    '## Exposures',
    '## Unified diff of the normalized rule listings',
  ]);
  assert.ok(md.includes('| Ticket | CHG-1234 |'));
});

test('rule changes: one row per changed field with both refs; moved rules with chain positions', () => {
  assert.ok(md.includes('| Mon\\|itor | before.txt:5 | after.txt:5 | localPorts | 9100 | 9200 |'));
  assert.ok(md.includes('| filter/INPUT | filter/INPUT rule 2 | before.txt:7 (filter/INPUT #1) | after.txt:8 (filter/INPUT #2) |'));
});

test('flow changes: a table per direction × protocol with ports, remote, certainty and causes', () => {
  assert.ok(md.includes('### Inbound TCP\n'));
  assert.ok(md.includes('### Outbound, other protocols (any except tcp,udp)\n'));
  assert.ok(md.includes('| newly blocked | 5555 | any | certain | now: default inbound action of the domain profile: block (after.txt#default-inbound-domain); before: rule "K2 Host Server (TCP 5555-In)" (before.txt:2) |'));
  assert.ok(md.includes('| newly allowed | any | 10.0.0.0/8 | possible |  |'));
});

test('requirement transitions and exposures (waived marked)', () => {
  assert.ok(md.includes('| k2-host-server-in-tcp | K2 Host Server | 5555/tcp inbound | allowed → blocked | regressed (high) | 5555 | after.txt#default-inbound-domain |'));
  assert.ok(md.includes('| web | Web | 443/tcp inbound | blocked → allowed | improved | none | after.txt:9 |'));
  assert.ok(md.includes('### New (2)'));
  assert.ok(md.includes('| high (waived) |'));
  assert.ok(md.includes('### Resolved (1)'));
  assert.ok(md.includes('the firewall is OFF for the public profile'));
});

test('input-derived text is escaped everywhere outside the code block', () => {
  const outside = md.slice(0, md.indexOf('## Unified diff'));
  assert.not.ok(outside.includes('<script>'));
  assert.ok(outside.includes('&lt;script&gt;alert(1)&lt;/script&gt; \\| \\`x\\` \\*y\\* \\[z\\](u)'));
});

test('a long unified diff is folded; the fence is longer than any backtick run; control characters replaced', () => {
  const tail = md.slice(md.indexOf('## Unified diff'));
  assert.ok(tail.includes('<details>\n<summary>2 changed lines (51 lines of diff)</summary>\n\n`````diff\n'));
  assert.ok(tail.endsWith('\n`````\n\n</details>\n'));
  assert.ok(tail.includes('+"<script>alert(2)</script>\ufffd" enabled in block'));
  assert.not.ok(tail.includes('\u0007'));
});

test('a short diff is not folded; an empty one says the listings are identical', () => {
  const r = diffFiles('fixtures/diff/rules-before.netsh.txt', 'fixtures/diff/rules-after.netsh.txt');
  const out = diffMarkdownReport(r, {});
  assert.ok(out.includes('## Unified diff of the normalized rule listings\n\n```diff\n===='));
  assert.not.ok(out.includes('<details>'));
  const none = diffMarkdownReport(emptyDiff(), {});
  assert.ok(none.includes('The normalized rule listings are identical.'));
  assert.ok(none.includes('No rule was added, removed, changed or moved (8 rules unchanged).'));
  assert.ok(none.includes('- Not compared: outbound: the before export does not show how outbound traffic is filtered.'));
  assert.ok(none.includes('Over-permissive rules not compared: no requirement set.'));
});

test('deterministic: the same diff renders byte-identically', () => {
  const a = diffFiles('fixtures/diff/chains-before.iptables-save', 'fixtures/diff/chains-after.iptables-save');
  const b = diffFiles('fixtures/diff/chains-before.iptables-save', 'fixtures/diff/chains-after.iptables-save');
  assert.is(diffMarkdownReport(a, {}), diffMarkdownReport(b, {}));
});

test.run();
