import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { normalizedView, parseFixture, parseText } from './helpers.js';

/** Hand-written text; the JSON below is what `nft -j list ruleset` (1.0.6) printed after loading it. */
const TEXT = `table inet t {
	set s { type ipv4_addr; }
	chain c {
		type filter hook input priority filter; policy drop;
		tcp flags syn / fin,syn,rst,ack tcp dport { 22, 1000-2000 } accept
		ct state established,related accept
		iif != "lo" ip daddr 127.0.0.0/8 drop
		ip saddr @s limit rate 10/minute drop
		meta l4proto { tcp, udp } th dport 53 counter accept
		tcp dport vmap { 22 : jump c2, 80 : accept }
		ip6 saddr fe80::/10 icmpv6 type { nd-neighbor-solicit, nd-router-advert } accept
		tcp dport 1024-65535 reject with tcp reset
		ip saddr 10.0.0.1-10.0.0.9 log prefix "x" goto c2
	}
	chain c2 {
	}
}
`;
const EXPRS = [
  '[{"match": {"op": "==", "left": {"&": [{"payload": {"protocol": "tcp", "field": "flags"}}, ["fin", "syn", "rst", "ack"]]}, "right": "syn"}}, {"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": {"set": [22, {"range": [1000, 2000]}]}}}, {"accept": null}]',
  '[{"match": {"op": "in", "left": {"ct": {"key": "state"}}, "right": ["established", "related"]}}, {"accept": null}]',
  '[{"match": {"op": "!=", "left": {"meta": {"key": "iif"}}, "right": "lo"}}, {"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "daddr"}}, "right": {"prefix": {"addr": "127.0.0.0", "len": 8}}}}, {"drop": null}]',
  '[{"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "saddr"}}, "right": "@s"}}, {"limit": {"rate": 10, "burst": 5, "per": "minute"}}, {"drop": null}]',
  '[{"match": {"op": "==", "left": {"meta": {"key": "l4proto"}}, "right": {"set": ["tcp", "udp"]}}}, {"match": {"op": "==", "left": {"payload": {"protocol": "th", "field": "dport"}}, "right": 53}}, {"counter": {"packets": 0, "bytes": 0}}, {"accept": null}]',
  '[{"vmap": {"key": {"payload": {"protocol": "tcp", "field": "dport"}}, "data": {"set": [[22, {"jump": {"target": "c2"}}], [80, {"accept": null}]]}}}]',
  '[{"match": {"op": "==", "left": {"payload": {"protocol": "ip6", "field": "saddr"}}, "right": {"prefix": {"addr": "fe80::", "len": 10}}}}, {"match": {"op": "==", "left": {"payload": {"protocol": "icmpv6", "field": "type"}}, "right": {"set": ["nd-router-advert", "nd-neighbor-solicit"]}}}, {"accept": null}]',
  '[{"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": {"range": [1024, 65535]}}}, {"reject": {"type": "tcp reset"}}]',
  '[{"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "saddr"}}, "right": {"range": ["10.0.0.1", "10.0.0.9"]}}}, {"log": {"prefix": "x"}}, {"goto": {"target": "c2"}}]',
];
const JSON_TEXT = `{"nftables": [{"metainfo": {"version": "1.0.6", "json_schema_version": 1}}, {"table": {"family": "inet", "name": "t", "handle": 1}},
 {"set": {"family": "inet", "name": "s", "table": "t", "type": "ipv4_addr", "handle": 1}},
 {"chain": {"family": "inet", "table": "t", "name": "c", "handle": 2, "type": "filter", "hook": "input", "prio": 0, "policy": "drop"}},
 {"chain": {"family": "inet", "table": "t", "name": "c2", "handle": 3}},
 ${EXPRS.map((e, i) => `{"rule": {"family": "inet", "table": "t", "chain": "c", "handle": ${i + 4}, "expr": ${e}}}`).join(',\n ')}]}`;

test('parity: hand-written text and nft -j JSON of the same rules normalize alike', () => {
  const text = parseText(TEXT, 't.nft');
  const json = parseText(JSON_TEXT, 't.json');
  assert.is(text.rules.length, 10);
  assert.equal(json.rules.map(normalizedView), text.rules.map(normalizedView));
  assert.equal(json.hooks, text.hooks);
  assert.equal(json.chains?.map((c) => [c.key, c.builtin, c.policy, c.ruleIds.length]), text.chains?.map((c) => [c.key, c.builtin, c.policy, c.ruleIds.length]));
  // JSON ids are element paths; pretty-printed elements also get their own line.
  assert.equal(json.rules.map((r) => r.id).slice(0, 2), ['t.json#nftables/5', 't.json#nftables/6']);
  assert.equal(json.rules[0]?.source, { file: 't.json', line: 5, path: ['nftables', '5'], vendorId: '4' });
  assert.equal([json.diagnostics, text.diagnostics], [[], []]);
});

test('parity: fixture pairs (nft list ruleset and nft -j list ruleset of the same load)', () => {
  for (const name of ['filter-input', 'vmap-jumps']) {
    const text = parseFixture(`fixtures/nft/${name}.nft`);
    const json = parseFixture(`fixtures/nft/${name}.json`);
    assert.ok(text.rules.length > 0);
    assert.equal(json.rules.map(normalizedView), text.rules.map(normalizedView), name);
    assert.equal(json.hooks, text.hooks, name);
  }
  const sets = parseFixture('fixtures/nft/named-sets.nft');
  const setsJson = parseFixture('fixtures/nft/named-sets.json');
  assert.equal(setsJson.rules.map(normalizedView), sets.rules.slice(0, -1).map(normalizedView));
});

test.run();
