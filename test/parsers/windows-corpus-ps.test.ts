import { existsSync, readdirSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Parser } from '../../parsers/types.js';
import { csvParser } from '../../parsers/csv/index.js';
import { COLLECT_COMMAND, GPO_XML_COMMAND } from '../../parsers/ps-json/advice.js';
import { psJsonParser } from '../../parsers/ps-json/index.js';
import { rejectedParser } from '../../parsers/rejected/index.js';
import { loadFixture, REPO } from './ps-json/helpers.js';

// Real exports from public repositories (../shared/corpus/windows/PROVENANCE.md); skipped when the corpus is absent.
const WIN = '../shared/corpus/windows/';
const LINUX_CSV = '../shared/corpus/linux/csv/';
const present = existsSync(REPO + WIN) && existsSync(REPO + LINUX_CSV);
const list = (dir: string, re: RegExp) => (present ? readdirSync(REPO + dir).filter((f) => re.test(f)).sort().map((f) => dir + f) : []);

const OURS: readonly Parser[] = [psJsonParser, csvParser, rejectedParser];
const FILES = [
  ...list(WIN, /\.(json|csv|html)$/),
  ...list(WIN, /^ps_format(list|table)_/),
  ...list(LINUX_CSV, /^windows_/),
];

/** Rows of a CSV text counted without csv-parse: record ends outside quotes, minus the header and blank records. */
function csvRows(text: string): number {
  let rows = 0;
  let quoted = false;
  let content = false;
  for (const c of text.replace(/\r\n?/g, '\n') + '\n') {
    if (c === '"') quoted = !quoted;
    if (c === '\n' && !quoted) {
      if (content) rows++;
      content = false;
    } else if (!/[\s,;]/.test(c)) content = true;
  }
  return rows - 1;
}

/** Rule objects of a PowerShell JSON text counted without the parser: objects with Direction and Action members. */
function jsonRules(text: string): number {
  const count = (v: unknown): number => {
    if (Array.isArray(v)) return v.reduce((n: number, x) => n + count(x), 0);
    if (typeof v !== 'object' || v === null) return 0;
    const o = v as Record<string, unknown>;
    return ('Direction' in o && 'Action' in o ? 1 : 0) + Object.values(o).reduce((n: number, x) => n + count(x), 0);
  };
  return count(JSON.parse(text));
}

/** The parser meant for a corpus file, by its documented format. */
function intended(file: string): Parser {
  if (file.endsWith('.json')) return psJsonParser;
  if (file.endsWith('.csv')) return csvParser;
  return rejectedParser;
}

test('corpus: each file is detected by exactly its parser among ps-json/csv/rejected', () => {
  if (!present) return;
  assert.ok(FILES.length >= 9, 'corpus files found');
  for (const f of FILES) {
    const input = loadFixture(f);
    assert.equal(OURS.filter((p) => p.detect(input)).map((p) => p.format), [intended(f).format], f);
  }
});

test('corpus: parses with the independently counted rule count, or is refused with the command to run', () => {
  if (!present) return;
  const outcome: string[] = [];
  for (const f of FILES) {
    const input = loadFixture(f);
    const r = intended(f).parse(input, {});
    const name = f.split('/').pop();
    if (!r.ok) {
      assert.is(r.diagnostics.length, 1, f);
      const d = r.diagnostics[0];
      assert.ok(d !== undefined && (d.message.includes(COLLECT_COMMAND) || d.message.includes(GPO_XML_COMMAND)), `${f}: ${d?.message}`);
      outcome.push(`${name} refused ${d?.code}`);
      continue;
    }
    const rs = r.ruleSet;
    const expected = f.endsWith('.json') ? jsonRules(input.text) : csvRows(input.text);
    assert.is(rs.rules.length, expected, f);
    const a = rs.accounting;
    assert.is(a.parsed + Object.values(a.ignored).reduce((s, n) => s + n, 0) + a.unsupported, a.total, `${f} accounting`);
    outcome.push(`${name} ${rs.rules.length} rules`);
  }
  assert.equal(outcome, [
    'gporeport_html_DCFirewall_Grafnetter.html refused REJECTED_GPO_HTML',
    'pscsv_DC_inbound-builtin-firewall-rules_curated.csv 46 rules',
    'pscsv_ExportCsv_GetNetFirewallRule_Althafnash.csv refused CSV_NO_PORT_DATA',
    'psjson_FilterJoin_WS2022_cnquery.json refused PSJSON_FILTERS_ONLY',
    'psjson_GetNetFirewallProfile_raw_cnquery.json 0 rules',
    'psjson_GetNetFirewallRule_raw_cnquery.json refused PSJSON_NO_FILTER_DATA',
    'ps_formatlist_GetNetFirewallRule_utf16_vishalni.txt refused REJECTED_FORMAT_LIST',
    'ps_formattable_GetNetFirewallRule_utf16_Dharmika.txt refused REJECTED_FORMAT_TABLE',
    'windows_firewallmanager_JDamborsky_FirewallRules.csv 366 rules',
  ]);
});

test('corpus: known facts (Excel-mangled ICMP 3:04, Firewall-Manager CSV clean, profile settings read)', () => {
  if (!present) return;
  const dc = csvParser.parse(loadFixture(`${WIN}pscsv_DC_inbound-builtin-firewall-rules_curated.csv`), {});
  assert.ok(dc.ok && dc.ruleSet.diagnostics.some((d) => d.code === 'CSV_EXCEL_CORRUPTED' && d.ref.line === 27 && d.message.includes('"3:04"')));
  assert.ok(dc.ok && dc.ruleSet.rules.every((r) => r.direction === 'in'), 'inbound from the file name');
  const fm = csvParser.parse(loadFixture(`${LINUX_CSV}windows_firewallmanager_JDamborsky_FirewallRules.csv`), {});
  assert.ok(fm.ok && fm.ruleSet.diagnostics.length === 0 && fm.ruleSet.accounting.unsupported === 0);
  const prof = psJsonParser.parse(loadFixture(`${WIN}psjson_GetNetFirewallProfile_raw_cnquery.json`), {});
  assert.ok(prof.ok);
  if (prof.ok) assert.equal(Object.keys(prof.ruleSet.profiles ?? {}), ['private', 'public']);
});

test('corpus: the Palo Alto CSVs are an "unsupported CSV layout", never mis-parsed', () => {
  if (!present) return;
  const pa = list(LINUX_CSV, /^paloalto_/);
  assert.is(pa.length, 4);
  for (const f of pa) {
    const input = loadFixture(f);
    assert.ok(csvParser.detect(input), f);
    const r = csvParser.parse(input, {});
    assert.not.ok(r.ok, f);
    if (r.ok) continue;
    assert.equal(r.diagnostics.map((d) => d.code), ['CSV_UNSUPPORTED_LAYOUT'], f);
    assert.ok(r.diagnostics[0]?.message.startsWith('unsupported CSV layout'), f);
  }
});

test.run();
