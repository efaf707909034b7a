/**
 * @fileoverview A rule's match as a box: (connection state, protocol, service port) × remote address, per direction.
 * The service port is the local port inbound and the remote port outbound. The first dimension is one number line,
 * `key = (stateAtom · 256 + protocol) · 65536 + port`, so an any-protocol any-port rule is one interval.
 *
 * A box is *certain* when the rule matches exactly that box: no condition (program, interface, match module, …),
 * no symbolic address or port keyword, the other port and the local address unrestricted. Everything else is
 * *uncertain*: its box is an upper bound (`high` of engine/rule-match.ts), so it may be found covered, but it never
 * covers another rule. Connection states are a dimension only where the rules of a group differ in them (a NEW-only
 * accept does not cover an all-states rule); rules that never match a new connection are not analysed at all.
 */
import type { AddressSet } from '../../model/address-set.js';
import { ALL_PORTS, type PortSet } from '../../model/port-set.js';
import type { ProtocolSet } from '../../model/protocol.js';
import type { Action, ConnState, Rule } from '../../model/rule.js';
import { matchBounds, portCover, servicePorts, type MatchSettings } from '../../engine/rule-match.js';

/**
 * What a matching rule does to a packet in its chain: `allow` (accept, bypass), `block`, `leave` (RETURN, goto:
 * the packet leaves the chain, decided elsewhere) or `pass` (jump, continue: the packet may come back).
 */
export type ActionClass = 'allow' | 'block' | 'leave' | 'pass';

/** The class of a rule action. */
export function actionClass(a: Action): ActionClass {
  switch (a) {
    case 'allow':
    case 'bypass':
      return 'allow';
    case 'block':
      return 'block';
    case 'return':
    case 'goto':
      return 'leave';
    case 'jump':
    case 'continue':
      return 'pass';
    default: {
      const unreachable: never = a;
      return unreachable;
    }
  }
}

/** A rule's box in raw coordinates. */
export interface RawBox {
  readonly rule: Rule;
  /** Flat key intervals. */
  readonly keys: number[];
  /** Remote addresses: exact when certain, an upper bound otherwise. */
  readonly addrs: AddressSet;
  readonly certain: boolean;
  /** Number of (key, address) points, as a float: orders rules by breadth. */
  readonly size: number;
  /** Certain and matching every protocol, port, state and address: a default policy written as a rule. */
  readonly universal: boolean;
}

/** Whether a rule can match a new connection from another host at all (enabled rules only). */
export function matchesNewConnections(rule: Rule): boolean {
  return rule.enabled && rule.neverNew !== true && rule.loopbackOnly !== true && !rule.protocols.isEmpty();
}

const STATES: readonly ConnState[] = ['new', 'established', 'related', 'invalid', 'untracked'];
const ALL_STATE_BITS = (1 << STATES.length) - 1;
/** More key intervals than this (many protocols × restricted ports) and the box is widened to all ports and made uncertain. */
const MAX_KEY_INTERVALS = 1024;

function stateBits(rule: Rule): number {
  if (rule.connStates === undefined) return ALL_STATE_BITS;
  let bits = 0;
  for (const s of rule.connStates) bits |= 1 << STATES.indexOf(s);
  return bits;
}

/**
 * Partitions the connection states into atoms that no rule of the group tells apart; returns, per rule, its atom
 * indices. Without state matches (Windows, most chains) there is one atom and the dimension costs nothing.
 */
export function stateAtoms(rules: readonly Rule[]): (rule: Rule) => readonly number[] {
  const masks = [...new Set(rules.map(stateBits))];
  // A state's signature: which of the distinct state sets contain it. States with the same signature form one atom.
  const atomOf = new Map<string, number>();
  const stateAtom = STATES.map((_, s) => {
    const signature = masks.map((m) => (m >> s) & 1).join('');
    if (!signature.includes('1')) return -1;
    if (!atomOf.has(signature)) atomOf.set(signature, atomOf.size);
    return atomOf.get(signature) as number;
  });
  const byMask = new Map<number, number[]>();
  for (const m of masks) {
    const atoms = new Set<number>();
    STATES.forEach((_, s) => {
      if (((m >> s) & 1) === 1) atoms.add(stateAtom[s] as number);
    });
    byMask.set(m, [...atoms].sort((x, y) => x - y));
  }
  return (rule) => byMask.get(stateBits(rule)) ?? [];
}

/** The raw box of a rule, or undefined when it matches nothing in the universe. */
export function rawBox(rule: Rule, universe: AddressSet, settings: MatchSettings, atoms: readonly number[]): RawBox | undefined {
  const svc = servicePorts(rule);
  const cover = portCover(svc, settings);
  const port = svc.set.first() ?? cover.first();
  const protocol = rule.protocols.first();
  if (port === undefined || protocol === undefined || atoms.length === 0) return undefined;
  const m = matchBounds(rule, { direction: rule.direction, protocol, port, universe }, settings);
  if (m === undefined) return undefined;
  let certain = m.reasons.length === 0 && svc.keywords.length === 0;
  let keys = keyIntervals(rule.protocols, certain ? svc.set : cover, atoms);
  if (keys === undefined) {
    certain = false;
    keys = keyIntervals(rule.protocols, ALL_PORTS, atoms) as number[];
  }
  const addrs = certain ? m.low : m.high;
  if (addrs.isEmpty() || keys.length === 0) return undefined;
  const universal = certain && rule.connStates === undefined && rule.protocols.isFull() && svc.set.isFull() && addrs.contains(universe);
  return { rule, keys, addrs, certain, size: keyCount(keys) * addressCount(addrs), universal };
}

/**
 * Flat key intervals of protocols × ports in the given state atoms (ascending), or undefined when there would be
 * too many. Generated in increasing order, so only touching neighbours need merging.
 */
export function keyIntervals(protocols: ProtocolSet, ports: PortSet, atoms: readonly number[]): number[] | undefined {
  const full = ports.isFull();
  const pb = ports.bounds;
  const rb = protocols.bounds;
  const out: number[] = [];
  for (const atom of atoms) {
    for (let r = 0; r < rb.length; r += 2) {
      const first = atom * 256 + (rb[r] as number);
      const last = atom * 256 + (rb[r + 1] as number);
      if (full) {
        append(out, first * 65536, last * 65536 + 65535);
        continue;
      }
      if ((last - first + 1) * (pb.length / 2) + out.length / 2 > MAX_KEY_INTERVALS) return undefined;
      for (let p = first; p <= last; p++) for (let i = 0; i < pb.length; i += 2) append(out, p * 65536 + (pb[i] as number), p * 65536 + (pb[i + 1] as number));
    }
  }
  return out;
}

function append(out: number[], lo: number, hi: number): void {
  const n = out.length;
  if (n > 0 && lo === (out[n - 1] as number) + 1) out[n - 1] = hi;
  else out.push(lo, hi);
}

function keyCount(keys: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < keys.length; i += 2) n += (keys[i + 1] as number) - (keys[i] as number) + 1;
  return n;
}

function addressCount(a: AddressSet): number {
  let n = 0;
  const b4 = a.v4.bounds;
  for (let i = 0; i < b4.length; i += 2) n += (b4[i + 1] as number) - (b4[i] as number) + 1;
  const b6 = a.v6.bounds;
  for (let i = 0; i < b6.length; i += 2) n += Number((b6[i + 1] as bigint) - (b6[i] as bigint) + 1n);
  return n;
}
