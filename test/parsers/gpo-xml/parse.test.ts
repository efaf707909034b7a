import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_DEPTH, parseGpoXml } from '../../../parsers/gpo-xml/parse.js';
import { loadFixture } from '../windows-rule/helpers.js';

test('matches the WindowsFirewall namespace URI, not the prefix (q1 is also bound to Auditing here)', () => {
  const input = loadFixture('fixtures/gpo-xml/k2-gpo.xml');
  const r = parseGpoXml(input.text, input.file);
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.is(r.doc.root, 'GPO');
  assert.equal(r.doc.rules.map((x) => `${x.direction} ${x.ref.line} ${x.ref.path.join('/')}`), [
    'in 51 Computer/ExtensionData[2]/Extension/InboundFirewallRules[1]',
    'in 62 Computer/ExtensionData[2]/Extension/InboundFirewallRules[2]',
    'in 71 Computer/ExtensionData[2]/Extension/InboundFirewallRules[3]',
    'out 81 Computer/ExtensionData[2]/Extension/OutboundFirewallRules[1]',
  ]);
  assert.equal(r.doc.others.map((o) => `${o.where}:${o.name}`), ['global:PolicyVersion']);
  assert.equal(r.doc.profiles.map((p) => `${p.name} ${p.settings.map((s) => `${s.name}=${s.value}`).join(' ')}`), [
    'DomainProfile EnableFirewall=true DefaultInboundAction=true DefaultOutboundAction=false AllowLocalPolicyMerge=false LogFileSize=16384',
    'PublicProfile EnableFirewall=true DefaultInboundAction=true',
  ]);
});

test('rule children become fields with their line; Version is kept apart; raw is the element text', () => {
  const input = loadFixture('fixtures/gpo-xml/k2-gpo.xml');
  const r = parseGpoXml(input.text, input.file);
  assert.ok(r.ok);
  if (!r.ok) return;
  const first = r.doc.rules[0];
  assert.is(first?.version, '2.20');
  assert.equal(first?.fields.map((f) => `${f.key}=${f.value}@${f.ref?.line}`), ['Action=Allow@53', 'Name=K2 Host Server (TCP-In)@54', 'Dir=In@55', 'Profile=Domain@56', 'LPort=5555@57', 'LPort=5252@58', 'Protocol=6@59', 'Active=true@60']);
  assert.ok(first?.raw.startsWith('<q1:InboundFirewallRules>') && first.raw.endsWith('</q1:InboundFirewallRules>'));
});

test('RSoP: foreign-namespace metadata inside a rule is skipped; entities and CDATA are text', () => {
  const rsop = loadFixture('fixtures/gpo-xml/rsop.xml');
  const r = parseGpoXml(rsop.text, rsop.file);
  assert.ok(r.ok && r.doc.root === 'Rsop');
  if (!r.ok) return;
  assert.equal(r.doc.rules[0]?.fields.map((f) => f.key), ['Action', 'Name', 'Dir', 'LPort', 'Protocol', 'Active']);
  const features = loadFixture('fixtures/gpo-xml/features.xml');
  const f = parseGpoXml(features.text, features.file);
  assert.ok(f.ok && f.doc.rules[2]?.fields.find((x) => x.key === 'Name')?.value === 'Echo & unreachable (ICMPv4-In)');
  assert.ok(f.ok && f.doc.rules[3]?.nested.map((n) => `${n.key}@${n.ref.line}`).join() === 'Platform@59');
});

test('malformed XML and runaway nesting stop with a line, never a throw', () => {
  const bad = parseGpoXml('<GPO>\n<a>\n</b>\n</GPO>', 'x');
  assert.equal(bad, { ok: false, line: 3, message: 'Unexpected close tag' });
  const deep = `<GPO>${'<a>'.repeat(MAX_DEPTH + 5)}${'</a>'.repeat(MAX_DEPTH + 5)}</GPO>`;
  const d = parseGpoXml(deep, 'x');
  assert.ok(!d.ok && d.message === `elements nested deeper than ${MAX_DEPTH} levels`);
  assert.equal(parseGpoXml('   <GPO>', 'x'), { ok: false, line: 1, message: 'Unclosed root tag' });
});

test.run();
