import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { REASON } from '../../../parsers/nft/sink.js';
import { assertAccounted, codes, parseText, summary } from './helpers.js';

test('flush: earlier content is dropped and its rule lines are accounted as removed', () => {
  const text = [
    'table ip filter {',
    '\tchain input { type filter hook input priority 0; policy drop; tcp dport 22 accept; }',
    '}',
    'flush chain ip filter input',
    'add rule ip filter input tcp dport 443 accept',
    'flush ruleset',
    'add table ip filter',
    'add chain ip filter input { type filter hook input priority 0; policy accept; }',
    'add rule ip filter input udp dport 53 accept',
    '',
  ].join('\n');
  const rs = parseText(text);
  assert.equal(rs.rules.map((r) => summary(r)), ['in allow accept udp local any:53 remote any:any']);
  assert.is(rs.rules[0]?.id, 't.nft:9');
  assert.is(rs.chains?.[0]?.policy, 'accept');
  assert.is(rs.accounting.ignored[REASON.flushed], 2);
  assert.is(rs.accounting.ignored[REASON.flush], 2);
  assertAccounted(rs, 9);
});

test('commands: position/handle placement and unknown statements are reported, not guessed', () => {
  const rs = parseText(['add table inet f', 'add chain inet f c { type filter hook input priority 0; }', 'add rule inet f c position 4 tcp dport 1 accept', 'frobnicate the ruleset', 'rule without verb', ''].join('\n'));
  assert.equal(codes(rs.diagnostics), ['NFT_UNSUPPORTED_COMMAND@3', 'NFT_BAD_SYNTAX@4', 'NFT_BAD_SYNTAX@5']);
  assert.is(rs.rules.length, 1);
  assert.is(rs.accounting.unsupported, 2);
  assertAccounted(rs, 5);
});

test('JSON: nft -j -f command wrappers (add, insert, flush ruleset) are applied in order', () => {
  const json = JSON.stringify({
    nftables: [
      { add: { table: { family: 'ip', name: 'f' } } },
      { add: { chain: { family: 'ip', table: 'f', name: 'in', type: 'filter', hook: 'input', prio: 0, policy: 'drop' } } },
      { add: { rule: { family: 'ip', table: 'f', chain: 'in', expr: [{ match: { op: '==', left: { payload: { protocol: 'tcp', field: 'dport' } }, right: 80 } }, { accept: null }] } } },
      { insert: { rule: { family: 'ip', table: 'f', chain: 'in', expr: [{ match: { op: '==', left: { payload: { protocol: 'tcp', field: 'dport' } }, right: 22 } }, { accept: null }] } } },
      { bogus: { x: 1 } },
      { counter: { family: 'ip', table: 'f', name: 'c' } },
    ],
  });
  const rs = parseText(json, 'c.json');
  assert.equal(rs.rules.map((r) => `${r.id} ${summary(r)}`), [
    'c.json#nftables/3 in allow accept tcp local any:22 remote any:any',
    'c.json#nftables/2 in allow accept tcp local any:80 remote any:any',
  ]);
  assert.equal(rs.diagnostics.map((d) => `${d.code}@${d.ref.path?.join('/')}`), ['NFT_UNKNOWN_ELEMENT@nftables/4']);
  assert.equal(rs.accounting, { total: 6, parsed: 4, ignored: { [REASON.namedObject]: 1 }, unsupported: 1 });
});

test.run();
