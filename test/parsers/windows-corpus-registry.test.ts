import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decode } from '../../src/input/decode.js';
import { gpoXmlParser } from '../../parsers/gpo-xml/index.js';
import { regParser } from '../../parsers/reg/index.js';
import { registryPolParser } from '../../parsers/registry-pol/index.js';
import type { Parser } from '../../parsers/types.js';
import { wfwParser } from '../../parsers/wfw/index.js';
import { assertAccounted, CORPUS } from './windows-rule/helpers.js';

const PARSERS: readonly Parser[] = [regParser, registryPolParser, wfwParser, gpoXmlParser];

/** The format each corpus file has, from its name (PROVENANCE.md); undefined for files of other parsers. */
function expectedFormat(name: string): string | undefined {
  if (name.startsWith('regexport_')) return 'reg';
  if (name.endsWith('.pol')) return 'registry-pol';
  if (name.startsWith('wfw_')) return 'wfw';
  if (name.endsWith('gpreport.xml')) return 'gpo-xml';
  return undefined;
}

/** Rules the file holds, counted without the parsers: rule-string values, PReg FirewallRules entries, rule elements. */
function independentCount(format: string, bytes: Buffer, text: string): number {
  const utf16 = (b: Buffer): string => b.subarray(0, b.length - (b.length % 2)).toString('utf16le');
  switch (format) {
    case 'reg':
      return text.split(/\r?\n/).filter((l) => /^"(?:[^"\\]|\\.)*"="v\d+\.\d+\|/.test(l)).length;
    case 'registry-pol':
      return (utf16(bytes.subarray(8)).match(/\[SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules\u0000;(?!\*\*)[^\u0000]+\u0000;\u0001\u0000/gi) ?? []).length;
    case 'wfw':
      return (utf16(bytes).match(/v2\.\d\d\|/g) ?? []).length;
    default:
      return (text.match(/<[A-Za-z0-9]+:(?:Inbound|Outbound)FirewallRules>/g) ?? []).length;
  }
}

/** Counts PROVENANCE.md states for these files. */
const PROVENANCE_COUNTS: Readonly<Record<string, number>> = {
  'regexport_FirewallRules_yossidoctor.reg': 31,
  'wfw_netsh_advfirewall_export_Dharmika.wfw': 600,
  'gpobackup_SN-DomainFirewallBaseline_gpreport.xml': 93,
  'gpobackup_SN-DomainFirewallBaseline_registry.pol': 93,
  'gpobackup_SN-ServerRoleRemoteAdmin_gpreport.xml': 54,
  'gpobackup_SN-ServerRoleRemoteAdmin_registry.pol': 54,
  'gporeport_WSHB_firewall_profiles_gpreport.xml': 0,
  'registrypol_WSHB_firewall_profiles.pol': 0,
};

const present = existsSync(CORPUS);
const files = present ? readdirSync(CORPUS).filter((f) => f !== 'PROVENANCE.md').sort() : [];

(present ? test : test.skip)('each corpus file is claimed by exactly the parser its provenance names (or by none of these four)', () => {
  assert.ok(files.length >= 15);
  for (const name of files) {
    const input = decode(name, readFileSync(CORPUS + name));
    const claimed = PARSERS.filter((p) => p.detect(input)).map((p) => p.format);
    const want = expectedFormat(name);
    assert.equal(claimed, want === undefined ? [] : [want], name);
  }
});

(present ? test : test.skip)('every reg / registry-pol / wfw / gpo-xml corpus file parses, with the rule count the file holds', () => {
  let checked = 0;
  for (const name of files) {
    const format = expectedFormat(name);
    if (format === undefined) continue;
    const bytes = readFileSync(CORPUS + name);
    const input = decode(name, bytes);
    const parser = PARSERS.find((p) => p.format === format);
    const r = parser?.parse(input, {});
    assert.ok(r?.ok, `${name}: ${JSON.stringify(r?.ok === false ? r.diagnostics : '')}`);
    if (r === undefined || !r.ok) continue;
    const expected = independentCount(format, bytes, input.text);
    assert.is(expected, PROVENANCE_COUNTS[name], `${name}: independent count vs PROVENANCE.md`);
    assert.is(r.ruleSet.rules.length, expected, name);
    assert.equal(r.ruleSet.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code), [], name);
    assertAccounted(r.ruleSet, r.ruleSet.accounting.total);
    assert.is(r.ruleSet.accounting.unsupported, 0, name);
    checked++;
  }
  assert.is(checked, Object.keys(PROVENANCE_COUNTS).length);
});

(present ? test : test.skip)('the .wfw export and its real rule strings: ranges stay ranges, profiles from all three keys', () => {
  const name = 'wfw_netsh_advfirewall_export_Dharmika.wfw';
  const r = wfwParser.parse(decode(name, readFileSync(CORPUS + name)), {});
  assert.ok(r.ok);
  if (!r.ok) return;
  const ranged = r.ruleSet.rules.filter((x) => x.raw.includes('LPort2_10=49152-65535'));
  assert.ok(ranged.length > 0);
  for (const x of ranged) assert.not.ok(x.localPorts.set.isFull(), x.id);
  assert.equal(Object.keys(r.ruleSet.profiles ?? {}).sort(), ['domain', 'private', 'public']);
  assert.ok(r.ruleSet.rules.every((x) => x.store === 'local'));
});

(present ? test : test.skip)('GPO XML and Registry.pol of the same GPO give the same rules', () => {
  for (const gpo of ['SN-DomainFirewallBaseline', 'SN-ServerRoleRemoteAdmin']) {
    const xml = gpoXmlParser.parse(decode('x', readFileSync(`${CORPUS}gpobackup_${gpo}_gpreport.xml`)), {});
    const pol = registryPolParser.parse(decode('p', readFileSync(`${CORPUS}gpobackup_${gpo}_registry.pol`)), {});
    assert.ok(xml.ok && pol.ok);
    if (!xml.ok || !pol.ok) continue;
    const key = (r: { name: string; direction: string; action: string; localPorts: { set: { bounds: readonly number[] } }; remotePorts: { set: { bounds: readonly number[] } } }): string =>
      `${r.name}|${r.direction}|${r.action}|${r.localPorts.set.bounds.join(',')}|${r.remotePorts.set.bounds.join(',')}`;
    assert.equal(xml.ruleSet.rules.map(key).sort(), pol.ruleSet.rules.map(key).sort(), gpo);
  }
});

test.run();
