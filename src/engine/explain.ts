/**
 * @fileoverview `explain`: the decision for one flow and the rules that make it. The status comes from the same
 * evaluation `compare` uses, so the two always agree; the trace lists every rule or policy that took part.
 */
import { AddressSet } from '../model/address-set.js';
import { parseAddressList } from '../model/ip.js';
import { parsePortList, type PortSet } from '../model/port-set.js';
import { TRANSPORT_NUMBER, type TransportProtocol } from '../model/protocol.js';
import type { Direction } from '../model/rule.js';
import { evaluateRequirement } from '../analyses/gaps.js';
import type { RequirementResult } from '../findings/result.js';
import type { Requirement } from '../requirements/types.js';
import type { TraceStep } from './decision.js';
import { evaluateFlow, type EvalContext } from './evaluate.js';
import type { PolicyUnit } from './units.js';

/** A flow to explain: `in tcp 5555`, `out udp 53 to 10.0.0.0/8`, `in tcp 80,443 from 10.1.2.3`. */
export interface FlowSpec {
  readonly direction: Direction;
  readonly protocol: TransportProtocol;
  readonly ports: PortSet;
  readonly remote: AddressSet;
  readonly remoteText: string;
  readonly text: string;
}

export type FlowParse = { ok: true; flow: FlowSpec } | { ok: false; error: string };

const DIRECTIONS: Readonly<Record<string, Direction>> = { in: 'in', inbound: 'in', out: 'out', outbound: 'out' };

/** Parses `<in|out> <tcp|udp> <ports> [from|to <addresses>]`. */
export function parseFlowSpec(text: string): FlowParse {
  const words = text.trim().split(/\s+/);
  const [dirWord = '', protoWord = '', portWord = '', prep, addrWord, ...rest] = words;
  const direction = DIRECTIONS[dirWord.toLowerCase()];
  if (direction === undefined) return { ok: false, error: `flow "${text}": start with in or out` };
  const protocol = protoWord.toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp') return { ok: false, error: `flow "${text}": protocol must be tcp or udp` };
  const ports = parsePortList(portWord);
  if (!ports.ok) return { ok: false, error: `flow "${text}": ${ports.error}` };
  if (rest.length > 0 || (prep !== undefined && addrWord === undefined)) return { ok: false, error: `flow "${text}": expected [from|to <addresses>] at the end` };
  if (prep === undefined) return { ok: true, flow: { direction, protocol, ports: ports.set, remote: AddressSet.ANY, remoteText: 'any', text } };
  const expected = direction === 'in' ? 'from' : 'to';
  if (prep.toLowerCase() !== expected) return { ok: false, error: `flow "${text}": an ${direction === 'in' ? 'inbound' : 'outbound'} flow names its peer with "${expected}"` };
  const remote = addrWord === 'any' ? { ok: true as const, set: AddressSet.ANY } : parseAddressList(addrWord ?? '');
  if (!remote.ok) return { ok: false, error: `flow "${text}": ${remote.error}` };
  return { ok: true, flow: { direction, protocol, ports: ports.set, remote: remote.set, remoteText: addrWord ?? 'any', text } };
}

/** The trace of one port segment in one policy unit. */
export interface SegmentTrace {
  readonly file: string;
  readonly lo: number;
  readonly hi: number;
  /** The flow's remote peers this unit speaks for; steps cover parts of it. */
  readonly scope: AddressSet;
  readonly steps: readonly TraceStep[];
}

export interface Explanation {
  readonly flow: FlowSpec;
  readonly result: RequirementResult;
  readonly traces: readonly SegmentTrace[];
}

/** Explains a flow against the host's policy units. */
export function explainFlow(units: readonly PolicyUnit[], flow: FlowSpec, ctx: EvalContext): Explanation {
  const req: Requirement = {
    id: 'flow',
    category: 'Explain',
    component: flow.text,
    direction: flow.direction,
    protocol: flow.protocol,
    ports: flow.ports,
    remote: flow.remote,
    remoteText: flow.remoteText,
  };
  const result = evaluateRequirement(req, units, ctx);
  const traces: SegmentTrace[] = [];
  for (const unit of units) {
    if (!unit.ruleSet.directions.includes(flow.direction) || !flow.remote.overlaps(unit.universe)) continue;
    const segments: { lo: number; hi: number; steps: TraceStep[] }[] = [];
    const traceFor = (lo: number, hi: number): TraceStep[] => {
      const steps: TraceStep[] = [];
      segments.push({ lo, hi, steps });
      return steps;
    };
    evaluateFlow(unit, { direction: flow.direction, protocol: TRANSPORT_NUMBER[flow.protocol], ports: flow.ports }, ctx, traceFor);
    const scope = flow.remote.intersect(unit.universe);
    for (const s of segments) {
      const steps = s.steps.filter((st) => st.addresses.overlaps(scope)).map((st) => ({ ...st, addresses: st.addresses.intersect(scope) }));
      traces.push({ file: unit.file, lo: s.lo, hi: s.hi, scope, steps });
    }
  }
  return { flow, result, traces };
}
