import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RuleSet } from '../../../src/model/rule.js';
import { nftParser } from '../../../parsers/nft/index.js';
import { REASON } from '../../../parsers/nft/sink.js';
import { loadFixture, normalizedView, REPO } from './helpers.js';

const DIR = '../shared/corpus/linux/nftables/';
const present = existsSync(REPO + DIR);
const files = present ? readdirSync(REPO + DIR).filter((f) => f.endsWith('.nft') || f.endsWith('.json')).sort() : [];
const NOT_AUDITED = [REASON.nat, REASON.forward, REASON.unreachable, REASON.family, REASON.hook, REASON.flushed];

const parsed = new Map<string, RuleSet>();

/** Parses a corpus file once per test run. */
function parse(f: string): RuleSet {
  const hit = parsed.get(f);
  if (hit !== undefined) return hit;
  const r = nftParser.parse(loadFixture(DIR + f), {});
  if (!r.ok) throw new Error(`${f}: ${JSON.stringify(r.diagnostics)}`);
  parsed.set(f, r.ruleSet);
  return r.ruleSet;
}

/** Rule objects of `nft -j` output, counted independently of the parser. */
function jsonRules(text: string): number {
  const doc = JSON.parse(text) as { nftables: Record<string, unknown>[] };
  return doc.nftables.filter((o) => 'rule' in o || Object.values(o).some((v) => typeof v === 'object' && v !== null && 'rule' in v)).length;
}

/** Rule statements of nft text: `add|insert rule` lines and the rule lines inside chain blocks. */
function textRules(text: string): number {
  let n = 0;
  let open = 0;
  const blocks: string[] = [];
  for (const full of text.split('\n')) {
    const line = full.replace(/#.*$/, '').trim();
    const delta = (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
    if (open > 0) {
      open += delta;
      continue;
    }
    if (line === '') continue;
    if (/^(add|insert) rule\b/.test(line)) n++;
    else if (/^(table|chain|set|map)\b.*\{$/.test(line)) blocks.push(line.split(/\s+/)[0] as string);
    else if (line === '}') blocks.pop();
    else if (blocks[blocks.length - 1] === 'chain' && !/^(type|policy|comment|devices?|flags)\b/.test(line)) {
      n++;
      open = delta;
    } else open = Math.max(0, delta);
  }
  return n;
}

/** Distinct rule statements the parser emitted (vmap elements and directions folded) plus those it ignored. */
function accountedRules(rs: RuleSet): number {
  const emitted = new Set(rs.rules.map((r) => r.id.replace(/#(v\d+|in|out)/g, ''))).size;
  return emitted + NOT_AUDITED.reduce((s, reason) => s + (rs.accounting.ignored[reason] ?? 0), 0);
}

test('corpus: every nftables sample is detected, parses, accounts for every unit and every rule', () => {
  if (!present) return;
  assert.ok(files.length >= 17, 'corpus files found');
  for (const f of files) {
    const input = loadFixture(DIR + f);
    assert.ok(nftParser.detect(input), `${f} detected`);
    const rs = parse(f);
    const a = rs.accounting;
    const ignored = Object.values(a.ignored).reduce((s, n) => s + n, 0);
    assert.is(a.parsed + ignored + a.unsupported, a.total, `${f} accounting`);
    const expected = f.endsWith('.json') ? jsonRules(input.text) : textRules(input.text);
    assert.is(accountedRules(rs), expected, `${f} rules`);
    assert.ok(expected > 0, f);
    assert.ok(new Set(rs.rules.map((r) => r.id)).size === rs.rules.length, `${f} unique ids`);
  }
});

const PAIRS: readonly (readonly [string, string])[] = [
  ['nftrs_basic.json', 'nftrs_basic.nft'],
  ['nftrs_nat.json', 'nftrs_nat.nft'],
  ['nftrs_setmap.json', 'nftrs_setmap.nft'],
  ['nftrs_workstation.json', 'nftrs_workstation.nft'],
  ['nftrs_nftables-init.json', 'nftrs_nftables-init.nft'],
  ['nftrs_nftables-init.json', 'gen_nftrs_nftables-init.list-ruleset.nft'],
  ['gen_nftrs_workstation.list-ruleset.json', 'gen_nftrs_workstation.list-ruleset.nft'],
  ['gen_translated_tum_large.list-ruleset.json', 'gen_translated_tum_large.list-ruleset.nft'],
  ['gen_translated_tum_large.list-ruleset.json', 'gen_translate_tum_large.nft'],
  ['gen_iptnft_fedora27.list-ruleset.json', 'gen_iptnft_fedora27.list-ruleset.nft'],
];

test('corpus: the JSON and text renderings of one ruleset give the same rules', () => {
  if (!present) return;
  for (const [j, t] of PAIRS) {
    const json = parse(j);
    const text = parse(t);
    assert.is(json.rules.length, text.rules.length, `${j} / ${t} rule count`);
    assert.equal(json.hooks, text.hooks, `${j} / ${t} hooks`);
    assert.equal(json.families, text.families, `${j} / ${t} families`);
    // nft shows iptables-nft matches it cannot translate as opaque `xt` only in JSON (text decodes some of them).
    const differ = json.rules.filter((r, i) => normalizedView(r) !== normalizedView(text.rules[i] as (typeof text.rules)[number]));
    assert.ok(differ.every((r) => r.raw.includes('"xt"')), `${j} / ${t}: ${differ.map((r) => r.id).join(' ')}`);
    if (!j.includes('fedora27')) assert.is(differ.length, 0, `${j} / ${t}`);
  }
});

test('corpus: known facts of individual samples', () => {
  if (!present) return;
  const fedora = parse('gen_iptnft_fedora27.list-ruleset.json');
  assert.ok(fedora.diagnostics.some((d) => d.code === 'NFT_IPTABLES_NFT' && d.severity === 'warning'));
  assert.ok(fedora.rules.some((r) => r.conditions.some((c) => c.text === 'xt match conntrack')));
  assert.equal(fedora.families, ['ipv4', 'ipv6']);
  const translated = parse('gen_translate_tum_large.nft');
  assert.equal([...new Set(translated.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code))], ['NFT_UNTRANSLATED_RULE']);
  assert.is(translated.accounting.unsupported, 7);
  const tum = parse('gen_translated_tum_large.list-ruleset.nft');
  assert.is(tum.diagnostics.filter((d) => d.severity !== 'info').length, 0);
  assert.equal(tum.hooks, { in: ['ip raw/PREROUTING', 'ip filter/INPUT'], out: ['ip raw/OUTPUT', 'ip filter/OUTPUT'] });
  const ws = parse('nftrs_workstation.nft');
  assert.equal(ws.chains?.filter((c) => c.builtin).map((c) => (c.families ?? []).join('+')), ['ipv4', 'ipv4', 'ipv4', 'ipv6', 'ipv6', 'ipv6']);
  assert.equal(ws.chains?.filter((c) => c.builtin).map((c) => `${c.key}:${c.policy}`), [
    'ip filter/input:drop', 'ip filter/forward:drop', 'ip filter/output:accept', 'ip6 filter/input:drop', 'ip6 filter/forward:drop', 'ip6 filter/output:accept',
  ]);
  const ssh = ws.rules.find((r) => r.name === 'accept SSH' && r.chain === 'ip filter/input');
  assert.equal([ssh?.action, ssh?.localPorts.set.has(22), ssh?.loopbackOnly], ['allow', true, undefined]);
  const init = parse('nftrs_nftables-init.nft');
  assert.ok(init.rules.some((r) => r.remoteAddresses.symbols.includes('nftset:blackhole')));
  assert.equal(init.diagnostics.map((d) => d.code), ['NFT_NAT_REDIRECT', 'NFT_NAT_REDIRECT']);
  assert.ok(readFileSync(REPO + DIR + 'nftrs_nftables-init.nft', 'utf8').includes('define admin'));
});

test.run();
