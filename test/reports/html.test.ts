/**
 * @fileoverview The HTML reporter on hand-built results: escaping of hostile input in text and attributes,
 * the CSP (hashes of the actual inline style and script), no network URLs, deterministic output, the
 * coverage picture, table markup for the script, remediation, diagnostics and waivers.
 */
import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AddressSet } from '../../src/model/address-set.js';
import { NO_PORTS, ports } from '../../src/model/port-set.js';
import type { AuditResult, RequirementResult } from '../../src/findings/result.js';
import { rangeStatus } from '../../reports/html-coverage.js';
import { breakable, escapeHtml, html } from '../../reports/html-escape.js';
import { REPORT_SCRIPT } from '../../reports/html-script.js';
import { htmlReport } from '../../reports/html.js';
import { EVIL_NAME, FINDINGS, passingResult, REQUIREMENTS, sampleResult } from './sample-result.js';

const render = (result: AuditResult = sampleResult(), ticket?: string): string => htmlReport(result, ticket === undefined ? {} : { ticket });

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const ATTR_BREAKER = `x" onmouseover="alert(3)" y='<b>&amp;`;

/** Every tag name the reporter itself writes; anything else would have come from input. */
const OWN_TAGS = new Set(
  'html head meta title style body header h1 h2 h3 section strong span main table thead tbody tr th td code div p ul ol li figure figcaption svg g rect text label input select option output button details summary pre wbr script'.split(' '),
);

/** A result whose every input-derived field carries hostile text (rule names, ids, components, paths, diagnostics). */
function hostileResult(): AuditResult {
  const base = sampleResult();
  const first = REQUIREMENTS[0] as RequirementResult;
  const evilReq: RequirementResult = {
    ...first,
    requirement: { ...first.requirement, id: ATTR_BREAKER, component: HOSTILE, remote: AddressSet.ANY },
    blockedBy: [{ kind: 'rule', name: HOSTILE, ref: { file: `${HOSTILE}.txt`, line: 3 }, reasons: [ATTR_BREAKER] }],
  };
  const evilFinding = { ...(FINDINGS[1] as (typeof FINDINGS)[number]), id: ATTR_BREAKER, requirementId: ATTR_BREAKER, refs: [{ file: HOSTILE, line: 2 }] };
  const input = base.inputs[0];
  if (input === undefined) throw new Error('sample has inputs');
  return {
    ...base,
    requirementSet: { ...base.requirementSet, profile: HOSTILE, features: [ATTR_BREAKER] },
    inputs: [{ ...input, path: HOSTILE, diagnostics: [{ severity: 'error', code: 'X', message: HOSTILE, ref: { file: ATTR_BREAKER, line: 1 } }] }],
    requirements: [evilReq, ...REQUIREMENTS.slice(1)],
    findings: [evilFinding as (typeof FINDINGS)[number], ...FINDINGS],
    remediation: [{ id: `fix:${ATTR_BREAKER}`, requirementId: ATTR_BREAKER, action: 'add', summary: HOSTILE, commands: [{ dialect: 'netsh', text: HOSTILE }] }],
  };
}

function tagNames(out: string): string[] {
  return [...out.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => (m[1] ?? '').toLowerCase());
}

/** Attribute names of every start tag; fails when a start tag is not `<name attr="…" …>` (all ours are). */
function attributeNames(out: string): string[] {
  const tags = [...out.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>"'/]+(?:="[^"]*")?)*)\s*\/?>/g)];
  assert.is(tags.length, tagNames(out).length, 'every start tag is well-formed with double-quoted attributes');
  return tags.flatMap((t) => [...(t[2] ?? '').matchAll(/\s+([^\s=>"'/]+)(?:="[^"]*")?/g)].map((a) => (a[1] ?? '').toLowerCase()));
}

function between(out: string, open: string, close: string): string {
  const start = out.indexOf(open);
  const end = out.indexOf(close, start);
  assert.ok(start >= 0 && end > start, `${open} present`);
  return out.slice(start + open.length, end);
}

test('escapeHtml escapes the five characters and controls; the html tag escapes every interpolation', () => {
  assert.is(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  assert.is(escapeHtml('a\u0000b\u001bc\nd'), 'a\ufffdb\ufffdc\nd');
  assert.is(html`<p title="${ATTR_BREAKER}">${HOSTILE}</p>`.value, '<p title="x&quot; onmouseover=&quot;alert(3)&quot; y=&#39;&lt;b&gt;&amp;amp;">&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</p>');
  assert.is(html`${['<a>', html`<b>`, 3, undefined, false]}`.value, '&lt;a&gt;<b>3');
  assert.is(breakable('a/b c.txt:12').value, 'a/<wbr>b c.<wbr>txt:<wbr>12');
  assert.is(breakable('<x>/y').value, '&lt;x&gt;/<wbr>y');
});

test('the hostile rule name of the sample is text: escaped, never a tag', () => {
  const out = render();
  assert.ok(out.includes('<li>&lt;script&gt;alert(1)&lt;/script&gt;|x <code>exports/<wbr>k2-app01.<wbr>netsh.<wbr>txt:<wbr>52</code></li>'));
  assert.ok(out.includes('delete rule name=&quot;&lt;script&gt;alert(1)&lt;/script&gt;|x&quot;'));
  assert.is(tagNames(out).filter((t) => t === 'script').length, 1, 'only the report script');
  assert.not.ok(out.includes(EVIL_NAME));
});

test('hostile text in every input-derived field yields only the reporter\'s own tags and no event handlers', () => {
  const out = render(hostileResult(), HOSTILE);
  const unknown = [...new Set(tagNames(out))].filter((t) => !OWN_TAGS.has(t));
  assert.equal(unknown, []);
  assert.is(tagNames(out).filter((t) => t === 'script' || t === 'img').length, 1);
  assert.equal(attributeNames(out).filter((a) => a.startsWith('on')), [], 'no on* attribute in any tag');
  assert.not.ok(out.includes('" onmouseover="'));
  assert.ok(out.includes('<li id="fix:x&quot; onmouseover=&quot;alert(3)&quot; y=&#39;&lt;b&gt;&amp;amp;" data-action="add">'), 'escaped inside an attribute');
  assert.ok(out.includes('<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</code></pre>'));
  assert.ok(out.includes('<td>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</td>'), 'escaped in text');
});

test('a Content-Security-Policy forbids network access and allows exactly the inline style and script by hash', () => {
  const out = render();
  const csp = between(out, '<meta http-equiv="Content-Security-Policy" content="', '">').replace(/&#39;/g, "'");
  const style = between(out, '<style>', '</style>');
  const script = between(out, '<script>', '</script>');
  const hash = (t: string): string => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
  assert.is(csp, `default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; base-uri 'none'; form-action 'none'`);
  assert.ok(out.indexOf('Content-Security-Policy') < out.indexOf('<style>'), 'the policy comes before the style');
  assert.is(script, REPORT_SCRIPT);
});

test('no network URL anywhere: no src/href/action attributes, no url() or @import in the style', () => {
  for (const out of [render(), render(hostileResult())]) {
    const urls = [...out.matchAll(/\s(?:src|href|xlink:href|action|formaction|poster|srcset|background)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]);
    assert.equal(urls, []);
    assert.not.ok(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}\//i.test(between(out, '<style>', '</style>')));
    assert.not.ok(/url\(|@import/i.test(between(out, '<style>', '</style>')));
    assert.not.ok(/xmlns=|https?:/i.test(out.replace(/<style>[\s\S]*<\/style>/, '')), 'no http(s) URL in the markup');
  }
});

test('the script never parses HTML and never evaluates code', () => {
  assert.not.ok(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function|setTimeout\(\s*['"]/.test(REPORT_SCRIPT));
  assert.ok(REPORT_SCRIPT.includes('textContent'));
});

test('output is deterministic and ends with one newline', () => {
  const a = render(sampleResult(), 'CHG-1');
  const b = render(sampleResult(), 'CHG-1');
  assert.is(a, b);
  assert.ok(a.endsWith('</html>\n') && !a.endsWith('\n\n'));
});

test('verdict banner and sign-off header', () => {
  const out = render(sampleResult(), 'CHG-1234');
  assert.ok(out.includes('<section class="verdict verdict-fail" id="verdict" role="status" aria-label="Verdict: FAIL">\n<strong>FAIL</strong><span>2 findings at or above the fail-on threshold (high)</span>'));
  assert.ok(out.includes('<tr><th scope="row">Ticket</th><td>CHG-1234</td></tr>'));
  assert.ok(out.includes('<tr><th scope="row">Features</th><td>email=smtp, web=https</td></tr>'));
  assert.ok(out.includes('<td>120 lines: 100 parsed, 18 ignored (blank 10, separator 8), 2 unsupported</td><td>2 (1 error, 1 warning)</td>'));
  assert.ok(out.includes('<code>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa<wbr>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</code>'));
  const pass = render(passingResult());
  assert.ok(pass.includes('verdict-pass') && pass.includes('<strong>PASS</strong><span>fail-on threshold: none (the exit code never fails)</span>'));
  assert.ok(pass.includes('<p>No findings.</p>') && pass.includes('<p>No input diagnostics.</p>'));
  assert.not.ok(pass.includes('Ticket'));
});

test('rangeStatus: partial and conditional colour only ranges touching the missing ports', () => {
  assert.is(rangeStatus('partial', ports(443), ports(80)), 'allowed');
  assert.is(rangeStatus('partial', ports(443), ports(443)), 'partial');
  assert.is(rangeStatus('conditional', ports(5560), ports([5000, 6000])), 'conditional');
  assert.is(rangeStatus('blocked', NO_PORTS, ports(22)), 'blocked');
  assert.is(rangeStatus('waived', ports(22), ports(22)), 'waived');
});

test('coverage picture: one figure per direction × protocol, one labelled cell per required range', () => {
  const out = render();
  assert.ok(out.includes('<figcaption id="coverage-in-tcp-caption">inbound TCP: 5 requirements</figcaption>'));
  assert.ok(out.includes('<figcaption id="coverage-out-tcp-caption">outbound TCP: 1 requirement</figcaption>'));
  assert.not.ok(out.includes('coverage-in-udp'));
  const cells = [...out.matchAll(/<g role="img" aria-label="([^"]*)" class="cell" data-status="([a-z]+)">/g)].map((m) => `${m[1]}|${m[2]}`);
  assert.equal(cells, [
    '5555/tcp inbound: blocked|blocked',
    '5252/tcp inbound: allowed|allowed',
    '80/tcp inbound: allowed|allowed',
    '443/tcp inbound: partly allowed|partial',
    '5560/tcp inbound: conditional|conditional',
    '22/tcp inbound: waived|waived',
    'ports unknown (tcp outbound): unknown|unknown',
  ]);
});

test('coverage picture: per-family strips when the families disagree', () => {
  const base = REQUIREMENTS[1] as RequirementResult;
  const split: RequirementResult = {
    ...base,
    status: 'partial',
    missing: ports(5252),
    families: [
      { family: 'ipv4', status: 'allowed', missing: NO_PORTS },
      { family: 'ipv6', status: 'blocked', missing: ports(5252) },
    ],
  };
  const out = render({ ...sampleResult(), requirements: [split] });
  assert.ok(out.includes('<title>k2-workflow-in-tcp over ipv6: blocked</title>k2-workflow-in-tcp (ipv6)</text>'));
  const cells = [...out.matchAll(/class="cell" data-status="([a-z]+)"/g)].map((m) => m[1]);
  assert.equal(cells, ['partial', 'allowed', 'blocked']);
  assert.ok(out.includes('<li>ipv6: <span class="badge s-blocked">blocked</span> missing 5252</li>'));
});

test('coverage picture: more than eight ranges wrap onto a second line of the strip', () => {
  const base = REQUIREMENTS[1] as RequirementResult;
  const many = ports(1, 3, 5, 7, 9, 11, 13, 15, 17, 19);
  const r: RequirementResult = { ...base, requirement: { ...base.requirement, ports: many } };
  const out = render({ ...sampleResult(), requirements: [r] });
  assert.ok(out.includes('<svg role="group" aria-labelledby="coverage-in-tcp-caption" width="1132" height="52" viewBox="0 0 1132 52">'));
  assert.ok(out.includes('<rect x="300" y="26" width="100" height="22" rx="3" fill="#2e7d32"/><text x="350" y="41" text-anchor="middle" font-size="11" fill="#ffffff">\u2713 17</text>'));
  assert.is((out.match(/class="cell"/g) ?? []).length, 10);
});

test('tables carry what the script needs: sort buttons, row order, filter attributes, a hidden toolbar', () => {
  const out = render();
  assert.is((out.match(/<button type="button" class="sort">/g) ?? []).length, 11 + 7, 'no Families column when no family disagrees');
  assert.ok(out.includes('<div class="toolbar" data-table="findings-table" hidden>'));
  assert.ok(out.includes('<tr data-row="1" data-severity="high" data-kind="gap"><td data-sort="1">'));
  assert.ok(out.includes('<tr data-row="4" data-status="unknown"><td data-sort="4">'));
  assert.ok(out.includes('<td data-sort="80">80,443</td><td>443</td>'));
  assert.ok(out.includes('<td data-sort="-1">unresolved: set --feature sap=NN</td><td>unknown</td>'));
});

test('rule details: file:line of allowing, blocking and conditional rules; conditions on demand', () => {
  const out = render();
  assert.ok(out.includes('<li>K2 Config (program) <code>exports/<wbr>k2-app01 gpo.<wbr>xml#<wbr>Rules/<wbr>FirewallRule[3]</code> <span class="muted">(conditional)</span></li>'));
  assert.ok(out.includes('<ul class="cites"><li>the SAP system number is not set</li></ul>'));
  const withReasons = sampleResult();
  const conditional = REQUIREMENTS[3] as RequirementResult;
  const cite = conditional.conditionalBy[0];
  if (cite === undefined) throw new Error('sample conditional cites a rule');
  const r = { ...conditional, conditionalBy: [{ ...cite, reasons: ['program C:\\k2\\host.exe', 'interface eth1'] }] };
  const out2 = render({ ...withReasons, requirements: [r] });
  assert.ok(out2.includes('<details><summary>2 conditions</summary><ul><li>program C:\\k2\\host.exe</li><li>interface eth1</li></ul></details>'));
  assert.ok(out2.includes('<li>K2 Config (program): interface eth1</li>'));
});

test('remediation: summary and verbatim commands in <pre>, in the result order', () => {
  const out = render();
  const section = between(out, '<section id="remediation">', '</section>');
  assert.ok(section.includes('<li id="fix:k2-host-server-in-tcp" data-action="add"><strong>add</strong> <code>k2-host-server-in-tcp</code>: add an inbound allow rule'));
  assert.ok(section.includes('<span class="muted">netsh</span><pre><code>netsh advfirewall firewall add rule name=&quot;K2 Host Server (TCP 5555-In)&quot; dir=in action=allow protocol=TCP localport=5555</code></pre>'));
  assert.ok(section.indexOf('fix:k2-workflow-in-tcp') < section.indexOf('fix:f-0a1b2c3d'));
  assert.not.ok(section.includes('No remediation items.'));
  assert.ok(render({ ...passingResult(), remediation: [] }).includes('<h2>Remediation</h2>\n<p>No remediation items.</p>'));
});

test('input diagnostics are in <details>, open when short, newlines kept as text', () => {
  const out = render();
  assert.ok(out.includes('<details class="diagnostics" open><summary>Input 1: <code>exports/k2-app01.netsh.txt</code>: 2 diagnostics (1 error, 1 warning)</summary>'));
  assert.ok(out.includes('<details class="diagnostics"><summary>Input 2: <code>exports/k2-app01 gpo.xml</code>: 11 diagnostics (1 warning, 10 info)</summary>'));
  assert.ok(out.includes('<td>unsupported field &quot;Edge `traversal`&quot;\nsecond line | pipe</td>'));
});

test('waivers: header line, waived requirement and finding notes', () => {
  const note = { id: 'w.yaml#waivers[0]', reason: 'change <CHG-9> pending', approver: 'A. Reviewer', ticket: 'CHG-9', expires: '2030-01-01' };
  const base = sampleResult();
  const req = { ...(REQUIREMENTS[0] as RequirementResult), status: 'waived' as const, originalStatus: 'blocked' as const, waiver: note };
  const finding = { ...(FINDINGS[1] as (typeof FINDINGS)[number]), waiver: note };
  const out = render({ ...base, requirements: [req], findings: [finding], waivers: { files: ['w.yaml'], applied: 1, expired: 0, unused: 0 } });
  assert.ok(out.includes('<tr><th scope="row">Waivers</th><td>w.yaml: 1 findings waived, 0 expired, 0 unused</td></tr>'));
  assert.ok(out.includes('<span class="badge s-waived">waived</span> (was blocked)<div class="waived-note">waived until 2030-01-01 by A. Reviewer (ticket CHG-9): change &lt;CHG-9&gt; pending</div>'));
  assert.ok(out.includes('is blocked<div class="waived-note">waived until 2030-01-01'));
  assert.ok(out.includes('<span>0 findings at or above the fail-on threshold (high)</span>'), 'waived findings do not count');
});

test.run();
