/**
 * @fileoverview The CSV reporter: RFC 4180 quoting, CRLF records, the column set, and formula-injection
 * safety (OWASP: a cell starting with = + - @ TAB or CR gets a leading single quote).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ports } from '../../src/model/port-set.js';
import type { Finding } from '../../src/findings/finding.js';
import type { AuditResult } from '../../src/findings/result.js';
import { CSV_COLUMNS, csvField, csvReport, defuseFormula } from '../../reports/csv.js';
import { FINDINGS, NETSH, passingResult, sampleResult } from './sample-result.js';

/** A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF records), to read the output back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    assert.is(text[i], '"', `field at ${i} is quoted`);
    let value = '';
    i++;
    for (;;) {
      const c = text[i];
      assert.ok(c !== undefined, 'unterminated field');
      if (c === '"' && text[i + 1] === '"') {
        value += '"';
        i += 2;
      } else if (c === '"') {
        i++;
        break;
      } else {
        value += c;
        i++;
      }
    }
    row.push(value);
    if (text[i] === ',') {
      i++;
    } else {
      assert.is(text.slice(i, i + 2), '\r\n', `record ends with CRLF at ${i}`);
      rows.push(row);
      row = [];
      i += 2;
    }
  }
  return rows;
}

function overPermissive(name: string): Finding {
  return {
    id: `over-permissive:${NETSH}:60`,
    code: 'RULE_OVER_PERMISSIVE',
    severity: 'high',
    args: { ruleId: `${NETSH}:60`, ruleName: name, traits: ['any-port'], excess: '1-65535/tcp', keep: '' },
    refs: [{ file: NETSH, line: 60 }],
  };
}

test('defuseFormula: the OWASP leading characters get a quote; other text is unchanged', () => {
  assert.is(defuseFormula('=HYPERLINK("http://x","y")'), '\'=HYPERLINK("http://x","y")');
  assert.is(defuseFormula('@SUM(1+1)'), "'@SUM(1+1)");
  assert.is(defuseFormula('+1'), "'+1");
  assert.is(defuseFormula('-1'), "'-1");
  assert.is(defuseFormula('\t=1'), "'\t=1");
  assert.is(defuseFormula('\r=1'), "'\r=1");
  assert.is(defuseFormula('=cmd|\' /C calc\'!A0'), "'=cmd|' /C calc'!A0");
  assert.is(defuseFormula('a=1'), 'a=1');
  assert.is(defuseFormula('5555'), '5555');
  assert.is(defuseFormula(''), '');
});

test('csvField: always quoted, quotes doubled, newlines kept inside the quotes', () => {
  assert.is(csvField('plain'), '"plain"');
  assert.is(csvField('say "hi",\nthen go'), '"say ""hi"",\nthen go"');
  assert.is(csvField('=1+1'), '"\'=1+1"');
  assert.is(csvField('-"x"'), '"\'-""x"""');
});

test('header and one row per finding, in the result order, CRLF after every record', () => {
  const out = csvReport(sampleResult(), {});
  assert.ok(out.endsWith('"\r\n') && !out.endsWith('\r\n\r\n'));
  const rows = parseCsv(out);
  assert.equal(rows[0], [...CSV_COLUMNS]);
  assert.equal(rows[0], ['id', 'severity', 'kind', 'requirement', 'direction', 'protocol', 'ports', 'message', 'rules', 'exposes']);
  assert.equal(rows.slice(1).map((r) => r[0]), FINDINGS.map((f) => f.id));
  assert.equal(rows[2], [
    'f-1b2c3d4e',
    'high',
    'gap',
    'k2-host-server-in-tcp',
    'in',
    'tcp',
    '5555',
    'K2 Host Server connections (5555/tcp inbound) is blocked',
    'exports/k2-app01.netsh.txt:52',
    '',
  ]);
  assert.equal(rows[1]?.slice(8), ['exports/k2-app01 gpo.xml#DomainProfile/EnableFirewall', 'Remote Desktop 3389/tcp; WinRM 5985/tcp']);
  assert.is(rows[3]?.[6], '80,443');
  assert.equal(parseCsv(csvReport(passingResult(), {})), [[...CSV_COLUMNS]]);
});

test('formula injection: hostile values in every position are defused and read back as text', () => {
  const cases = ['=HYPERLINK("http://x","y")', '@SUM(1+1)', '+1', '-1', '\t=1+1', '\r=1+1'];
  for (const evil of cases) {
    const f: Finding = { ...(FINDINGS[1] as Finding), id: evil, requirementId: evil, refs: [{ file: evil, line: 3 }], exposes: [evil] };
    const rows = parseCsv(csvReport({ ...sampleResult(), findings: [f] }, {}));
    const row = rows[1] ?? [];
    assert.is(row[0], `'${evil}`, JSON.stringify(evil));
    assert.is(row[3], `'${evil}`);
    assert.is(row[8], `'${evil}:3`);
    assert.is(row[9], `'${evil}`);
    for (const cell of row) assert.not.ok(/^[=+\-@\t\r]/.test(cell), `cell ${JSON.stringify(cell)} is defused`);
  }
});

test('a rule name with quotes, commas, newlines and markup stays one field with the exact text', () => {
  const name = 'K2 "Host", <script>alert(1)</script>\r\nsecond line';
  const result: AuditResult = { ...sampleResult(), findings: [overPermissive(name)] };
  const out = csvReport(result, {});
  assert.ok(out.includes('K2 ""Host"", <script>'));
  const rows = parseCsv(out);
  assert.is(rows.length, 2);
  assert.is(rows[1]?.length, CSV_COLUMNS.length);
  assert.ok(rows[1]?.[7]?.startsWith(`rule "${name}" opens more than the requirements need (any-port)`));
});

test('a message that itself starts with a formula character is defused; waivers are shown', () => {
  const f: Finding = { ...overPermissive('x'), code: 'ANOMALY_PAIRS_CAPPED', args: { kind: 'correlated', total: -3, shown: 1 }, ports: ports(1) } as Finding;
  const rows = parseCsv(csvReport({ ...sampleResult(), findings: [f] }, {}));
  assert.is(rows[1]?.[7], "'-3 correlated rule pairs found; the report lists 1 (raise --max-pairs to see more)");
  const note = { id: 'w#0', reason: 'accepted', approver: 'A', ticket: 'CHG-9', expires: '2030-01-01' };
  const waived = parseCsv(csvReport({ ...sampleResult(), findings: [{ ...(FINDINGS[1] as Finding), waiver: note }] }, {}));
  assert.ok(waived[1]?.[7]?.endsWith('is blocked (WAIVED until 2030-01-01 by A, ticket CHG-9: accepted)'));
});

test('output is deterministic', () => {
  assert.is(csvReport(sampleResult(), {}), csvReport(sampleResult(), {}));
});

test.run();
