import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { REASON } from '../../../parsers/nft/sink.js';
import { assertAccounted, codes, fixtureLines, lineOf, parseFixture, ruleById, summary } from './helpers.js';

const F = 'fixtures/nft/vmap-jumps.nft';
const id = (needle: string, suffix = '') => `${F}:${lineOf(F, needle)}${suffix}`;

test('vmap: one rule per map element, narrowed by its key, with the element verdict', () => {
  const rs = parseFixture(F);
  const ports = 'tcp dport vmap';
  assert.is(summary(ruleById(rs, id(ports, '#v1'))), 'in jump ssh tcp local any:22 remote any:any');
  assert.is(summary(ruleById(rs, id(ports, '#v2'))), 'in allow accept tcp local any:80 remote any:any');
  assert.is(summary(ruleById(rs, id(ports, '#v3'))), 'in block drop tcp local any:8000-8100 remote any:any');
  const states = 'ct state vmap';
  assert.equal(
    [1, 2, 3].map((k) => ruleById(rs, id(states, `#v${k}`))).map((r) => [r.action, r.neverNew, r.connStates]),
    [['block', true, ['invalid']], ['allow', true, ['established']], ['allow', true, ['related']]],
  );
  const named = 'udp dport vmap @udp_verdicts';
  assert.is(summary(ruleById(rs, id(named, '#v1'))), 'in allow accept udp local any:53 remote any:any');
  assert.is(summary(ruleById(rs, id(named, '#v2'))), 'in jump common udp local any:123 remote any:any');
  assert.is(ruleById(rs, id(ports, '#v1')).name, 'ip filter/input rule 2');
});

test('jumps: goto and return keep their targets; a chain called from input and output is emitted twice', () => {
  const rs = parseFixture(F);
  assert.is(summary(ruleById(rs, id('goto tail'))), 'in goto tail any local any:any remote any:any');
  assert.is(summary(ruleById(rs, id('return'))), 'in return return any local any:any remote any:any');
  assert.is(summary(ruleById(rs, id('ip saddr 192.0.2.0/24'))), 'in allow accept any local any:any remote 192.0.2.0/24:any');
  assert.is(summary(ruleById(rs, id('udp dport 5353', '#in'))), 'in allow accept udp local any:5353 remote any:any');
  assert.is(summary(ruleById(rs, id('udp dport 5353', '#out'))), 'out allow accept udp local any:any remote any:5353');
  const chain = (key: string) => rs.chains?.find((c) => c.key === key);
  assert.equal(chain('ip filter/common')?.ruleIds, [id('udp dport 5353', '#in'), id('udp dport 5353', '#out')]);
  assert.is(chain('ip filter/ssh')?.builtin, false);
  assert.is(chain('ip filter/ssh')?.policy, undefined);
  assert.is(chain('ip filter/input')?.ruleIds.length, 10);
  assert.equal(rs.hooks, { in: ['ip filter/input'], out: ['ip filter/output'] });
  assert.is(rs.rules.length, 17);
});

test('jumps: forward-only and unreachable chains are ignored with a reason and one info each', () => {
  const rs = parseFixture(F);
  assert.equal(codes(rs.diagnostics), [
    `NFT_ROUTED_CHAIN@${lineOf(F, 'chain forward {')}`,
    `NFT_ROUTED_CHAIN@${lineOf(F, 'chain routed {')}`,
    `NFT_UNREACHABLE_CHAIN@${lineOf(F, 'chain orphan {')}`,
  ]);
  assert.is(rs.accounting.ignored[REASON.forward], 2);
  assert.is(rs.accounting.ignored[REASON.unreachable], 1);
  assert.ok(rs.rules.every((r) => !r.raw.includes('8080') && !r.raw.includes('9999')));
  assertAccounted(rs, fixtureLines(F));
});

test('vmap: the JSON rendering gives the same rules with element-path ids', () => {
  const rs = parseFixture('fixtures/nft/vmap-jumps.json');
  const r = rs.rules.find((x) => x.target === 'ssh');
  assert.is(r?.id, 'fixtures/nft/vmap-jumps.json#nftables/12#v1');
  assert.equal(r?.source, { file: 'fixtures/nft/vmap-jumps.json', path: ['nftables', '12'], vendorId: '13' });
  assert.is(rs.rules.length, 17);
  // One unit per element: metainfo, table, map, 8 chains, 14 rule elements (11 audited, 3 ignored).
  assert.equal(rs.accounting, { total: 25, parsed: 21, ignored: { metainfo: 1, [REASON.forward]: 2, [REASON.unreachable]: 1 }, unsupported: 0 });
});

test.run();
