/**
 * @fileoverview Shared helpers for the nft parser tests: parsing fixtures and inline text with nftParser, rule
 * lookup by id or line, and a direction-independent view of a rule for comparing text and JSON renderings.
 * Generic helpers (fixture loading, line lookup, summaries, accounting) come from the iptables-save tests.
 */
import { fromText } from '../../../src/input/decode.js';
import { formatAddressSet } from '../../../src/model/ip.js';
import { formatPorts } from '../../../src/model/port-set.js';
import { formatProtocols } from '../../../src/model/protocol.js';
import type { Rule, RuleSet } from '../../../src/model/rule.js';
import { nftParser } from '../../../parsers/nft/index.js';
import { addr, lineOf, loadFixture } from '../iptables-save/helpers.js';

export { addr, assertAccounted, codes, conditionTexts, fixtureLines, lineOf, loadFixture, REPO, summary } from '../iptables-save/helpers.js';

/** Parses a fixture and fails unless the result is ok. */
export function parseFixture(rel: string): RuleSet {
  return unwrap(nftParser.parse(loadFixture(rel), {}));
}

/** Parses inline nft text (or JSON) as file `file`. */
export function parseText(text: string, file = 't.nft'): RuleSet {
  return unwrap(nftParser.parse(fromText(file, text), {}));
}

function unwrap(r: ReturnType<typeof nftParser.parse>): RuleSet {
  if (!r.ok) throw new Error(`parse failed: ${JSON.stringify(r.diagnostics)}`);
  return r.ruleSet;
}

/** The rule with this id. */
export function ruleById(rs: RuleSet, id: string): Rule {
  const rule = rs.rules.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`no rule ${id}; ids: ${rs.rules.map((r) => r.id).join(' ')}`);
  return rule;
}

/** The only rule whose id is `file:line` for the fixture line containing `needle`. */
export function ruleOn(rs: RuleSet, rel: string, needle: string): Rule {
  return ruleById(rs, `${rel}:${lineOf(rel, needle)}`);
}

/** Wraps rule lines in an inet filter table with an input chain (policy drop) and an output chain. */
export function inputChain(...rules: string[]): string {
  return ['table inet filter {', '\tchain input {', '\t\ttype filter hook input priority filter; policy drop;', ...rules.map((r) => `\t\t${r}`), '\t}', '}', ''].join('\n');
}

/** Everything a rule says except where it comes from (id, source, raw): text and JSON must agree on it. */
export function normalizedView(r: Rule): string {
  return JSON.stringify({
    name: r.name,
    direction: r.direction,
    action: r.action,
    target: r.target,
    protocols: formatProtocols(r.protocols),
    localPorts: formatPorts(r.localPorts.set),
    remotePorts: formatPorts(r.remotePorts.set),
    localAddresses: addr(r.localAddresses),
    remoteAddresses: addr(r.remoteAddresses),
    conditions: r.conditions,
    loopbackOnly: r.loopbackOnly === true,
    neverNew: r.neverNew === true,
    connStates: r.connStates,
    chain: r.chain,
  });
}

/** Remote addresses as text. */
export function remote(r: Rule): string {
  return addr(r.remoteAddresses);
}

export { formatAddressSet };
