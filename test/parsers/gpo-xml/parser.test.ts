import { readdirSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fromText } from '../../../src/input/decode.js';
import { gpoXmlParser } from '../../../parsers/gpo-xml/index.js';
import { MAX_XML_CHARS, unsafeXml } from '../../../parsers/gpo-xml/guard.js';
import { asUtf16, assertAccounted, codes, conditionTexts, describe, loadFixture, parseFatal, parseOk, REPO } from '../windows-rule/helpers.js';

const K2 = 'fixtures/gpo-xml/k2-gpo.xml';
const FEATURES = 'fixtures/gpo-xml/features.xml';

test('k2-gpo.xml: GPO rules with element-path ids, lines and paths; profile settings', () => {
  const rs = parseOk(gpoXmlParser, loadFixture(K2));
  assert.equal(rs.rules.map((r) => `${r.id}: ${describe(r)}`), [
    'Computer/ExtensionData[2]/Extension/InboundFirewallRules[1]: in allow tcp local 5252,5555 remote-port any from any [domain]',
    'Computer/ExtensionData[2]/Extension/InboundFirewallRules[2]: in allow tcp local 5560 remote-port any from any [domain,private,public] off',
    'Computer/ExtensionData[2]/Extension/InboundFirewallRules[3]: in allow tcp local 49152-65535 remote-port any from none+LocalSubnet [domain,private,public]',
    'Computer/ExtensionData[2]/Extension/OutboundFirewallRules[1]: out allow tcp local any remote-port 1433-1434 from 10.20.5.0/24 [domain,private,public]',
  ]);
  assert.ok(rs.rules.every((r) => r.store === 'gpo' && r.conditions.length === 0));
  assert.equal(rs.rules[0]?.source, { file: K2, line: 51, path: ['Computer', 'ExtensionData[2]', 'Extension', 'InboundFirewallRules[1]'] });
  assert.is(rs.rules[0]?.name, 'K2 Host Server (TCP-In)');
  assert.equal(rs.profiles?.domain, {
    enabled: true,
    inbound: 'block',
    outbound: 'allow',
    source: { file: K2, line: 26, path: ['Computer', 'ExtensionData[2]', 'Extension', 'DomainProfile'] },
    allowLocalPolicyMerge: false,
  });
  assert.equal(rs.profiles?.public?.inbound, 'block');
  assert.equal(codes(rs.diagnostics), ['GPOXML_GPO_STORE_ONLY@-']);
  assertAccounted(rs, 12);
  assert.equal(rs.accounting, { total: 12, parsed: 10, ignored: { 'profile setting not used': 1, 'global setting not used': 1 }, unsupported: 0 });
});

test('features.xml: direction from the element, conflicts, ICMP, unknown and nested children, IPsec and unknown elements', () => {
  const rs = parseOk(gpoXmlParser, loadFixture(FEATURES));
  assert.equal(rs.rules.map(describe), [
    'out block tcp local any remote-port 25 from any [domain,private,public]',
    'out allow tcp local 80 remote-port any from any [domain,private,public]',
    'in allow icmp local any remote-port any from fe80::/64 [domain,private,public]',
    'in allow udp local 53 remote-port any from any [domain,private,public]',
    'in allow tcp local any remote-port any from any [domain,private,public]',
  ]);
  assert.equal(conditionTexts(rs.rules[1]!), ['other: conflicting Dir values "Out", "In"']);
  assert.equal(conditionTexts(rs.rules[2]!), ['other: icmp type 8 code Any, type 3 code 4', 'program: program System']);
  assert.equal(conditionTexts(rs.rules[3]!), ['service: service dns']);
  assert.equal(conditionTexts(rs.rules[4]!), ['other: unreadable local port "70000"']);
  assert.equal(codes(rs.diagnostics), [
    'GPOXML_GPO_STORE_ONLY@-',
    'WINPROFILE_INVALID_VALUE@16',
    'WINRULE_DUPLICATE_FIELD@28',
    'WINRULE_UNKNOWN_KEY@48',
    'GPOXML_NESTED_FIELD@59',
    'WINRULE_INVALID_PORT@69',
    'GPOXML_UNKNOWN_ELEMENT@76',
  ]);
  const port = rs.diagnostics.find((d) => d.code === 'WINRULE_INVALID_PORT');
  assert.equal(port?.ref.path, ['Computer', 'ExtensionData', 'Extension', 'InboundFirewallRules[4]']);
  assert.is(port?.severity, 'error');
  assertAccounted(rs, 8);
  assert.equal(rs.accounting, { total: 8, parsed: 3, ignored: { 'connection security setting': 1, 'firewall setting not used': 1 }, unsupported: 3 });
});

test('rsop.xml: an RSoP report is read like a GPO report', () => {
  const rs = parseOk(gpoXmlParser, loadFixture('fixtures/gpo-xml/rsop.xml'));
  assert.equal(rs.rules.map((r) => `${r.id}: ${describe(r)}`), ['ComputerResults/ExtensionData/Extension/InboundFirewallRules[1]: in allow tcp local 5555 remote-port any from any [domain,private,public]']);
  assert.is(rs.profiles?.public?.inbound, 'block-always');
  assert.equal(codes(rs.diagnostics), ['GPOXML_GPO_STORE_ONLY@-', 'GPOXML_DIRECTION_MISSING@-']);
  assert.ok(rs.diagnostics[0]?.message.startsWith('the resultant GPO policy only'));
});

test('DOCTYPE / ENTITY declarations are rejected before any parsing, with one error', () => {
  const d = parseFatal(gpoXmlParser, loadFixture('fixtures/gpo-xml/doctype-entity-bomb.xml'));
  assert.equal(codes(d), ['XML_DOCTYPE_REJECTED@4']);
  assert.is(d[0]?.severity, 'error');
  assert.equal(codes(parseFatal(gpoXmlParser, fromText('e.xml', '<?xml version="1.0"?>\n<!ENTITY x "y">\n<GPO/>'))), ['XML_DOCTYPE_REJECTED@2']);
  assert.is(unsafeXml('x'.repeat(MAX_XML_CHARS + 1), 'big.xml')?.code, 'GPOXML_TOO_LARGE');
  assert.is(unsafeXml('<GPO/>', 'ok.xml'), undefined);
});

test('malformed XML and reports without firewall settings are fatal with a clear message', () => {
  assert.equal(codes(parseFatal(gpoXmlParser, loadFixture('fixtures/gpo-xml/malformed.xml'))), ['GPOXML_MALFORMED@9']);
  const none = parseFatal(gpoXmlParser, loadFixture('fixtures/gpo-xml/no-firewall.xml'));
  assert.equal(codes(none), ['GPOXML_NO_FIREWALL_SETTINGS@-']);
});

test('UTF-16LE + BOM (as Get-GPOReport writes it) gives the same result', () => {
  const a = parseOk(gpoXmlParser, loadFixture(K2));
  const b = parseOk(gpoXmlParser, asUtf16(K2));
  assert.equal(b.rules.map(describe), a.rules.map(describe));
  assert.equal(b.rules.map((r) => r.source.line), a.rules.map((r) => r.source.line));
  assert.equal(b.accounting, a.accounting);
});

test('a report with several GPOs (Get-GPOReport -All) is merged with a warning about precedence', () => {
  const gpo = (port: number): string =>
    '<GPO><Computer><ExtensionData><Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/WindowsFirewall">' +
    `<q1:InboundFirewallRules><q1:Action>Allow</q1:Action><q1:Dir>In</q1:Dir><q1:Protocol>6</q1:Protocol><q1:LPort>${port}</q1:LPort><q1:Active>true</q1:Active></q1:InboundFirewallRules>` +
    '</Extension></ExtensionData></Computer></GPO>';
  const text = `<?xml version="1.0"?>\n<report xmlns="http://www.microsoft.com/GroupPolicy/Settings">${gpo(5555)}${gpo(5252)}</report>`;
  const rs = parseOk(gpoXmlParser, fromText('all.xml', text));
  assert.equal(rs.rules.map((r) => r.id), ['GPO/Computer/ExtensionData/Extension/InboundFirewallRules[1]', 'GPO[2]/Computer/ExtensionData/Extension/InboundFirewallRules[1]']);
  assert.ok(codes(rs.diagnostics).includes('GPOXML_SEVERAL_GPOS@-'));
});

test('detection: GPO/RSoP XML (also with a DOCTYPE, to reject it), never HTML reports or other formats', () => {
  for (const f of readdirSync(`${REPO}fixtures/gpo-xml`).filter((x) => x.endsWith('.xml'))) {
    assert.ok(gpoXmlParser.detect(loadFixture(`fixtures/gpo-xml/${f}`)), f);
  }
  assert.ok(gpoXmlParser.detect(loadFixture('fixtures/cross/k2-node.gpo.xml')));
  assert.not.ok(gpoXmlParser.detect(fromText('h', '<html dir="ltr" xmlns="http://www.microsoft.com/GroupPolicy/Settings"><body/></html>')));
  assert.not.ok(gpoXmlParser.detect(fromText('n', '<?xml version="1.0"?><Objs xmlns="http://schemas.microsoft.com/powershell/2004/04"/>')));
  assert.not.ok(gpoXmlParser.detect(loadFixture('fixtures/reg/containers.reg')));
  assert.not.ok(gpoXmlParser.detect(fromText('j', '{"rules":[]}')));
});

test.run();
