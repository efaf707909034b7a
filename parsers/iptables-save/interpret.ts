/**
 * @fileoverview Rule spec → direction-neutral facts: basic options (`-s -d -i -o -p -f`), then each match module.
 */
import type { Family } from '../../src/model/address-set.js';
import { ICMP, ICMPV6, protocols } from '../../src/model/protocol.js';
import { append, newFacts, restrictAddresses, restrictProtocols, unreadable, type RuleFacts } from './facts.js';
import { readAddrtype, readComment, readIcmp, readIprange, readOpaque, readPkttype, readRpfilter, readSet } from './match-misc.js';
import { readMultiport, readPortMatch } from './match-ports.js';
import { readConntrackMatch, readStateMatch } from './match-state.js';
import type { RawMatch, RawOption, RuleSpec } from './spec.js';
import { readAddresses, readProtocol } from './values.js';

type MatchReader = (m: RawMatch, f: RuleFacts) => void;

const READERS: Readonly<Record<string, MatchReader>> = {
  tcp: readPortMatch,
  udp: readPortMatch,
  udplite: readPortMatch,
  sctp: readPortMatch,
  dccp: readPortMatch,
  multiport: readMultiport,
  state: readStateMatch,
  conntrack: readConntrackMatch,
  iprange: readIprange,
  set: readSet,
  addrtype: readAddrtype,
  rpfilter: readRpfilter,
  pkttype: readPkttype,
  icmp: readIcmp,
  icmp6: readIcmp,
  comment: readComment,
};

const ICMP_ONLY = protocols(ICMP, ICMPV6);

/** Interprets one rule spec for an export of `family`. */
export function interpretRule(spec: RuleSpec, family: Family): RuleFacts {
  const f = newFacts(family, spec.conditions);
  for (const o of spec.basics) readBasic(f, o);
  for (const m of spec.matches) (m.known ? READERS[m.module] ?? readOpaque : readOpaque)(m, f);
  // An ICMP type narrows ICMP rules only; on other rules iptables would not even accept it.
  if (f.icmpTypes.length > 0 && !f.protocols.isEmpty() && ICMP_ONLY.contains(f.protocols)) {
    for (const text of f.icmpTypes) f.conditions = append(f.conditions, { kind: 'other', text });
  }
  return f;
}

function readBasic(f: RuleFacts, o: RawOption): void {
  const v = o.values[0] ?? '';
  switch (o.name) {
    case '-s':
    case '-d': {
      const r = readAddresses(v, f.family);
      if (!r.ok) return unreadable(f, 'IPT_BAD_ADDRESS', 'address', v, `${o.name} "${v}": ${r.error}`);
      return restrictAddresses(o.name === '-s' ? f.src : f.dst, r.value, o.negated);
    }
    case '-p': {
      const p = readProtocol(v);
      if (p === undefined) return unreadable(f, 'IPT_BAD_PROTOCOL', 'protocol', v, `unknown protocol "${v}"`);
      return restrictProtocols(f, p, o.negated);
    }
    case '-i':
      f.inIface = { name: v, negated: o.negated };
      return;
    case '-o':
      f.outIface = { name: v, negated: o.negated };
      return;
    case '-f':
      // Second and later fragments never open a connection; `! -f` (first fragments and whole packets) does.
      if (!o.negated) f.neverNew = true;
      return;
    default:
      return;
  }
}
