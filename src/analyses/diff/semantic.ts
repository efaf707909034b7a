/**
 * @fileoverview Semantic diff: per direction and protocol, every service port is evaluated on both sides, the two
 * segmentations are aligned, and each remote address is classed per side as blocked, possibly allowed or certainly
 * allowed. A move up is newly allowed, a move down newly blocked; `certain` when it crosses from one end to the
 * other, `possible` when either side is only conditionally allowed. Equal changes with equal causes merge into
 * port ranges. Nothing here looks at file:line or the export format, so two exports of one firewall give nothing.
 */
import { AddressSet } from '../../model/address-set.js';
import { formatAddressSet } from '../../model/ip.js';
import { ports } from '../../model/port-set.js';
import { formatProtocols, protocols, TCP, UDP, type ProtocolSet } from '../../model/protocol.js';
import type { Direction } from '../../model/rule.js';
import type { EvalContext } from '../../engine/evaluate.js';
import type { PolicyUnit } from '../../engine/units.js';
import { overlay, sideSegments, type SideSegment } from './flow-segments.js';
import { protocolClasses, type ProtocolClass } from './protocol-classes.js';
import { responsibleFor, type Gone } from './responsible.js';
import type { Certainty, FlowChange, ProtocolChanges, SemanticChanges } from './types.js';

const DIRECTIONS: readonly Direction[] = ['in', 'out'];

interface Group {
  spans: [number, number][];
  readonly change: Omit<FlowChange, 'ports'>;
}

interface ClassChanges {
  readonly allowed: FlowChange[];
  readonly blocked: FlowChange[];
}

/** Flows newly allowed and newly blocked between the two sides' units. */
export function diffFlows(before: readonly PolicyUnit[], after: readonly PolicyUnit[], ctx: EvalContext, gone: Gone): SemanticChanges {
  const classes = protocolClasses([...before, ...after].flatMap((u) => u.ruleSet.rules));
  const changes: ProtocolChanges[] = [];
  const directions: Direction[] = [];
  const notCompared: { direction: Direction; reason: string }[] = [];
  let families = AddressSet.NONE;
  for (const direction of DIRECTIONS) {
    const b = before.filter((u) => u.ruleSet.directions.includes(direction));
    const a = after.filter((u) => u.ruleSet.directions.includes(direction));
    const missing = b.length === 0 ? 'before' : a.length === 0 ? 'after' : undefined;
    if (missing !== undefined) {
      notCompared.push({ direction, reason: `the ${missing} export does not show how ${direction === 'in' ? 'inbound' : 'outbound'} traffic is filtered` });
      continue;
    }
    directions.push(direction);
    const universe = unionOf(b).intersect(unionOf(a));
    families = families.union(universe);
    const perClass = classes.map((c) => ({ c, ch: classChanges(b, a, direction, c, universe, ctx, gone) }));
    for (const { c, ch } of perClass.filter((x) => x.c.label !== 'other')) push(changes, direction, c.label, protocolsText(c.protocols), ch);
    for (const g of groupOthers(perClass.filter((x) => x.c.label === 'other'))) push(changes, direction, 'other', g.protocols, g.ch);
  }
  const fams = [...(families.v4.isEmpty() ? [] : ['ipv4']), ...(families.v6.isEmpty() ? [] : ['ipv6'])];
  return { changes, directions, notCompared, families: fams };
}

function push(out: ProtocolChanges[], direction: Direction, protocol: ProtocolChanges['protocol'], protocols: string, ch: ClassChanges): void {
  if (ch.allowed.length === 0 && ch.blocked.length === 0) return;
  out.push({ direction, protocol, protocols, newlyAllowed: ch.allowed, newlyBlocked: ch.blocked });
}

function unionOf(units: readonly PolicyUnit[]): AddressSet {
  return units.reduce((acc, u) => acc.union(u.universe), AddressSet.NONE);
}

/** The changes of one protocol class. */
function classChanges(b: readonly PolicyUnit[], a: readonly PolicyUnit[], direction: Direction, c: ProtocolClass, universe: AddressSet, ctx: EvalContext, gone: Gone): ClassChanges {
  const groups = { up: new Map<string, Group>(), down: new Map<string, Group>() };
  for (const { lo, hi, parts } of overlay([sideSegments(b, direction, c.probe, ctx), sideSegments(a, direction, c.probe, ctx)])) {
    const [x, y] = parts as [SideSegment, SideSegment];
    if (x.low.equals(y.low) && x.high.equals(y.high)) continue;
    const t = transitions(x, y, universe);
    add(groups.up, lo, hi, t.upCertain, 'certain', x, y, 'up', gone);
    add(groups.up, lo, hi, t.upPossible, 'possible', x, y, 'up', gone);
    add(groups.down, lo, hi, t.downCertain, 'certain', x, y, 'down', gone);
    add(groups.down, lo, hi, t.downPossible, 'possible', x, y, 'down', gone);
  }
  return { allowed: finish(groups.up), blocked: finish(groups.down) };
}

/** Remote addresses per kind of move between the sides' three classes (blocked, maybe, allowed). */
function transitions(x: SideSegment, y: SideSegment, u: AddressSet) {
  const b1 = x.low.intersect(u);
  const bm = x.high.intersect(u).subtract(b1);
  const b0 = u.subtract(b1).subtract(bm);
  const a1 = y.low.intersect(u);
  const am = y.high.intersect(u).subtract(a1);
  const a0 = u.subtract(a1).subtract(am);
  return {
    upCertain: b0.intersect(a1),
    upPossible: b0.intersect(am).union(bm.intersect(a1)),
    downCertain: b1.intersect(a0),
    downPossible: b1.intersect(am).union(bm.intersect(a0)),
  };
}

function add(into: Map<string, Group>, lo: number, hi: number, set: AddressSet, certainty: Certainty, x: SideSegment, y: SideSegment, way: 'up' | 'down', gone: Gone): void {
  if (set.isEmpty()) return;
  const remote = formatAddressSet(set);
  const responsible = responsibleFor(set, x, y, way, gone);
  const key = JSON.stringify([remote, certainty, responsible]);
  const g = into.get(key);
  if (g === undefined) into.set(key, { spans: [[lo, hi]], change: { remote, certainty, responsible } });
  else g.spans.push([lo, hi]);
}

function finish(groups: ReadonlyMap<string, Group>): FlowChange[] {
  const out = [...groups.values()].map((g) => ({ ports: ports(...g.spans), ...g.change }));
  return out.sort((p, q) => (p.ports.first() as number) - (q.ports.first() as number) || cmp(p.remote, q.remote) || cmp(p.certainty, q.certainty));
}

/** Other-protocol classes with identical changes are shown as one entry. */
function groupOthers(list: readonly { c: ProtocolClass; ch: ClassChanges }[]): { protocols: string; ch: ClassChanges }[] {
  const groups = new Map<string, { set: ProtocolSet; ch: ClassChanges }>();
  for (const { c, ch } of list) {
    if (ch.allowed.length === 0 && ch.blocked.length === 0) continue;
    const key = JSON.stringify([ch.allowed, ch.blocked].map((l) => l.map((f) => [f.ports.intervals(), f.remote, f.certainty, f.responsible])));
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { set: c.protocols, ch });
    else g.set = g.set.union(c.protocols);
  }
  return [...groups.values()].map((g) => ({ protocols: protocolsText(g.set), ch: g.ch }));
}

/** `tcp`, `icmp`, or `any except tcp,udp` for every protocol number but those two. */
export function protocolsText(set: ProtocolSet): string {
  if (!set.has(TCP) && !set.has(UDP) && set.union(protocols(TCP, UDP)).isFull()) return 'any except tcp,udp';
  return formatProtocols(set);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
