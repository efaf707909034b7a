/**
 * @fileoverview The other matches an access audit can read: iprange, set, addrtype, rpfilter, pkttype, icmp,
 * icmp6 and comment. Everything else is an opaque Condition (`-m limit --limit 3/min`).
 */
import { append, restrictAddresses, unreadable, type RuleFacts } from './facts.js';
import { renderMatch, type RawMatch } from './spec.js';
import { readRange } from './values.js';

/** Interprets `-m iprange --src-range/--dst-range A-B`. */
export function readIprange(m: RawMatch, f: RuleFacts): void {
  for (const o of m.options) {
    const v = o.values[0] ?? '';
    const side = o.name === '--src-range' ? f.src : f.dst;
    const r = readRange(v, f.family);
    if (!r.ok) unreadable(f, 'IPT_BAD_ADDRESS', 'address', v, `${o.name} "${v}": ${r.error}`);
    else restrictAddresses(side, r.value, o.negated);
  }
}

/** Interprets `-m set --match-set NAME src|dst`; several dimensions or counter tests are Conditions. */
export function readSet(m: RawMatch, f: RuleFacts): void {
  for (const o of m.options) {
    if (o.name === '--return-nomatch' || o.name === '--update-counters' || o.name === '--update-subcounters') continue;
    const dirs = o.name === '--match-set' || o.name === '--set' ? (o.values[1] ?? '').split(',') : [];
    const name = o.values[0] ?? '';
    const text = renderMatch(m, [o]);
    if (dirs.length === 1 && dirs[0] === 'src') f.src.ipsets = append(f.src.ipsets, { name, negated: o.negated, text });
    else if (dirs.length === 1 && dirs[0] === 'dst') f.dst.ipsets = append(f.dst.ipsets, { name, negated: o.negated, text });
    else f.conditions = append(f.conditions, { kind: 'match', text });
  }
}

/** Records `-m addrtype`; whether it matters depends on the direction (emit.ts). */
export function readAddrtype(m: RawMatch, f: RuleFacts): void {
  const src = m.options.find((o) => o.name === '--src-type');
  const dst = m.options.find((o) => o.name === '--dst-type');
  f.addrTypes = append(f.addrTypes, {
    srcTypes: src?.values[0]?.toUpperCase().split(','),
    srcNegated: src?.negated ?? false,
    dstTypes: dst?.values[0]?.toUpperCase().split(','),
    dstNegated: dst?.negated ?? false,
    text: renderMatch(m),
  });
}

/**
 * `-m rpfilter`: legitimate, correctly routed traffic passes the reverse-path check, so a plain rpfilter
 * match is assumed to match it (no effect) and `--invert` never matches it (the rule cannot open a connection).
 */
export function readRpfilter(m: RawMatch, f: RuleFacts): void {
  if (m.options.some((o) => o.name === '--invert')) f.neverNew = true;
}

/**
 * `-m pkttype`: connections are opened by unicast packets; a rule that cannot match unicast never opens one.
 * Rarer types (otherhost, outgoing, loopback) are kept as a Condition.
 */
export function readPkttype(m: RawMatch, f: RuleFacts): void {
  for (const o of m.options) {
    const v = (o.values[0] ?? '').toLowerCase();
    if (v !== 'unicast' && v !== 'host' && v !== 'broadcast' && v !== 'multicast') {
      f.conditions = append(f.conditions, { kind: 'match', text: renderMatch(m, [o]) });
      continue;
    }
    const matchesUnicast = (v === 'unicast' || v === 'host') !== o.negated;
    if (!matchesUnicast) f.neverNew = true;
  }
}

/** `-m icmp` / `-m icmp6`: remembered; the type only narrows ICMP rules (interpret.ts decides). */
export function readIcmp(m: RawMatch, f: RuleFacts): void {
  for (const o of m.options) {
    const label = o.name === '--icmpv6-type' ? 'icmpv6-type' : 'icmp-type';
    f.icmpTypes = append(f.icmpTypes, `${label} ${o.negated ? '!' : ''}${o.values[0] ?? ''}`);
  }
}

/** `-m comment`: becomes the rule name. */
export function readComment(m: RawMatch, f: RuleFacts): void {
  for (const o of m.options) f.comments = append(f.comments, o.values[0] ?? '');
}

/** Any other match: one opaque Condition with the module and its options verbatim. */
export function readOpaque(m: RawMatch, f: RuleFacts): void {
  f.conditions = append(f.conditions, { kind: 'match', text: renderMatch(m) });
}
