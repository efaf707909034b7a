import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { gpoXmlParser } from '../../../parsers/gpo-xml/index.js';
import { regParser } from '../../../parsers/reg/index.js';
import { conditionTexts, describe, loadFixture, parseOk } from './helpers.js';

/** The cross-format K2 node firewall, as every fixtures/cross/k2-node.* must normalize. */
const EXPECTED = [
  'in allow tcp local 5555 remote-port any from any [domain,private,public]',
  'in allow tcp local 5252 remote-port any from any [domain]',
  'in block tcp local 8888 remote-port any from any [domain,private,public]',
  'in allow tcp local 8888 remote-port any from any [domain,private,public]',
  'in allow tcp local 443 remote-port any from 10.0.0.0/8 [domain,private,public]',
  'in allow tcp local 49152-65535 remote-port any from any [domain,private,public]',
  'in allow udp local 389 remote-port any from any [domain,private,public]',
  'in allow tcp local 5560 remote-port any from any [domain,private,public] off',
  'out block tcp local any remote-port 25 from any [domain,private,public]',
];

for (const [name, file, parser, store] of [
  ['k2-node.reg', 'fixtures/cross/k2-node.reg', regParser, 'local'],
  ['k2-node.gpo.xml', 'fixtures/cross/k2-node.gpo.xml', gpoXmlParser, 'gpo'],
] as const) {
  test(`${name} describes exactly the cross-format K2 node firewall`, () => {
    const rs = parseOk(parser, loadFixture(file));
    assert.equal(rs.rules.map(describe), EXPECTED);
    assert.equal(rs.rules.map(conditionTexts), [[], [], [], [], [], [], ['program: program %SystemRoot%\\System32\\lsass.exe'], [], []]);
    assert.ok(rs.rules.every((r) => r.store === store));
    assert.equal(Object.keys(rs.profiles ?? {}), ['domain']);
    assert.equal({ ...rs.profiles?.domain, source: undefined }, { enabled: true, inbound: 'block', outbound: 'allow', source: undefined });
    assert.equal(rs.directions, ['in', 'out']);
    assert.ok(rs.diagnostics.every((d) => d.severity === 'info'));
    assert.is(rs.accounting.unsupported, 0);
  });
}

test('both cross fixtures carry the same rule names (the PowerShell DisplayNames of k2-node.ps.json)', () => {
  const reg = parseOk(regParser, loadFixture('fixtures/cross/k2-node.reg'));
  const xml = parseOk(gpoXmlParser, loadFixture('fixtures/cross/k2-node.gpo.xml'));
  assert.equal(xml.rules.map((r) => r.name), reg.rules.map((r) => r.name));
  assert.is(reg.rules[0]?.id, 'K2-Server-5555-In-TCP');
});

test.run();
