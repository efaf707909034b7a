/**
 * @fileoverview The protocols a semantic diff evaluates: TCP, UDP, and the other IP protocol numbers split into
 * classes on which every rule of both sides either matches or not (so one probe number stands for its class).
 */
import { IntervalSet } from '../../model/interval-set.js';
import { PROTOCOL_DOMAIN, TCP, UDP, type ProtocolSet } from '../../model/protocol.js';
import type { Rule } from '../../model/rule.js';
import type { ProtocolLabel } from './types.js';

export interface ProtocolClass {
  readonly label: ProtocolLabel;
  readonly protocols: ProtocolSet;
  /** The protocol number evaluated for the class. */
  readonly probe: number;
}

/** TCP, UDP, then the classes of every other protocol number, in ascending order. */
export function protocolClasses(rules: Iterable<Rule>): ProtocolClass[] {
  const cuts = new Set<number>([0, TCP, TCP + 1, UDP, UDP + 1]);
  for (const r of rules) {
    for (const [lo, hi] of r.protocols.intervals()) {
      cuts.add(lo);
      if (hi < PROTOCOL_DOMAIN.max) cuts.add(hi + 1);
    }
  }
  const starts = [...cuts].sort((a, b) => a - b);
  const out: ProtocolClass[] = [single('tcp', TCP), single('udp', UDP)];
  starts.forEach((lo, i) => {
    const hi = i + 1 < starts.length ? (starts[i + 1] as number) - 1 : PROTOCOL_DOMAIN.max;
    if (lo === TCP || lo === UDP) return;
    out.push({ label: 'other', protocols: IntervalSet.of(PROTOCOL_DOMAIN, [[lo, hi]]), probe: lo });
  });
  return out;
}

function single(label: ProtocolLabel, n: number): ProtocolClass {
  return { label, protocols: IntervalSet.of(PROTOCOL_DOMAIN, [[n, n]]), probe: n };
}
