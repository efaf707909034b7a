import { existsSync, readdirSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { iptablesSaveParser } from '../../../parsers/iptables-save/index.js';
import { REASON_FORWARD, REASON_NAT, REASON_UNREACHABLE } from '../../../parsers/iptables-save/normalize.js';
import { loadFixture, REPO } from './helpers.js';

const DIR = '../shared/corpus/linux/iptables/';
const present = existsSync(REPO + DIR);
const files = present ? readdirSync(REPO + DIR).filter((f) => !f.endsWith('.md')).sort() : [];

/** Rule statements (-A/-I, after optional counters and -4/-6) of a text. */
function ruleLines(text: string): number {
  let n = 0;
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (/^\s*(?:\[\d+:\d+\]\s+)?(?:-[46]\s+)?(?:-A|-I|--append|--insert)\s/.test(line)) n++;
  }
  return n;
}

test('corpus: every real dump parses, is detected, and every line and rule is accounted for', () => {
  if (!present) return;
  assert.ok(files.length > 30, 'corpus files found');
  for (const f of files) {
    const input = loadFixture(DIR + f);
    assert.ok(iptablesSaveParser.detect(input), `${f} detected`);
    const r = iptablesSaveParser.parse(input, {});
    assert.ok(r.ok, `${f} parses`);
    if (!r.ok) continue;
    const a = r.ruleSet.accounting;
    const ignored = Object.values(a.ignored).reduce((s, n) => s + n, 0);
    assert.is(a.parsed + ignored + a.unsupported, a.total, `${f} accounting`);
    const emittedLines = new Set(r.ruleSet.rules.map((x) => x.source.line)).size;
    const otherFamily = Object.entries(a.ignored).filter(([k]) => k.startsWith('other address family')).reduce((s, [, n]) => s + n, 0);
    const notEvaluated = (a.ignored[REASON_NAT] ?? 0) + (a.ignored[REASON_FORWARD] ?? 0) + (a.ignored[REASON_UNREACHABLE] ?? 0) + otherFamily;
    assert.is(emittedLines + notEvaluated, ruleLines(input.text), `${f} rule lines`);
  }
});

test('corpus: known facts of individual dumps', () => {
  if (!present) return;
  const parse = (f: string) => {
    const r = iptablesSaveParser.parse(loadFixture(DIR + f), {});
    if (!r.ok) throw new Error(f);
    return r.ruleSet;
  };
  assert.equal(parse('netfilter_fedora27.ip6tables-save').families, ['ipv6']);
  assert.equal(parse('diekmann_synology.ip6tables-save').families, ['ipv6']);
  const ugent = parse('diekmann_ugent.iptables-save');
  assert.ok(ugent.accounting.ignored[REASON_NAT] !== undefined);
  assert.ok(ugent.diagnostics.some((d) => d.code === 'IPT_LEGACY_NEGATION' && d.ref.line === 71 && d.severity === 'warning'));
  const torture = parse('diekmann_parser_test.iptables-save');
  assert.equal(torture.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code}@${d.ref.line ?? '-'}`), ['IPT_UNKNOWN_OPTION@12']);
  const home = parse('diekmann_home_user.iptables-save');
  const dhcp = home.rules.find((x) => x.raw.includes('-i eth0.10 -m conntrack --ctstate NEW --ctproto 17'));
  assert.equal(dhcp?.conditions.map((c) => c.text), ['-i eth0.10']);
  const nat = parse('moby_usernet-portmap.nat.iptables-S');
  assert.ok(nat.chains?.every((c) => c.table === 'nat'));
  assert.ok(nat.diagnostics.some((d) => d.code === 'IPT_NAT_REDIRECT'));
  const tum = parse('diekmann_tum_net_large.iptables-save');
  assert.is(tum.accounting.unsupported, 0);
  assert.equal(parse('gen_k2_iptables-nft-save.stderr.txt').diagnostics.map((d) => d.code), ['IPT_NO_FILTER_CHAIN', 'IPT_LEGACY_TABLES_PRESENT']);
  const ufw = parse('ufw_noraworld.user.rules');
  assert.equal(ufw.rules, []);
  assert.ok(ufw.diagnostics.some((d) => d.code === 'IPT_NO_BUILTIN_CHAINS'));
});

test.run();
