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
import { normalize } from './flat.js';

/**
 * What a matching rule does to a packet in its chain: `allow` (accept, bypass), `block`, `leave` (RETURN, goto:
 * the packet leaves the chain, decided elsewhere) or `pass` (jump, continue: the packet may come back).
 */
export type ActionClass = 'allow' | 'block' | 'leave' | 'pass';

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
  const signature = STATES.map((_, s) => masks.map((m) => ((m >> s) & 1) === 1 ? '1' : '0').join(''));
  const atomOf = new Map<string, number>();
  const stateAtom = signature.map((sig) => (sig.includes('1') ? atomOf.get(sig) ?? setNew(atomOf, sig) : -1));
  const byMask = new Map<number, number[]>();
  for (const m of masks) byMask.set(m, [...new Set(STATES.map((_, s) => (((m >> s) & 1) === 1 ? (stateAtom[s] as number) : -1)).filter((a) => a >= 0))].sort((x, y) => x - y));
  return (rule) => byMask.get(stateBits(rule)) ?? [];
}

function setNew(map: Map<string, number>, key: string): number {
  const v = map.size;
  map.set(key, v);
  return v;
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
  return { rule, keys, addrs, certain, size: keyCount(keys) * addressCount(addrs) };
}

/** Flat key intervals of protocols × ports in the given state atoms, or undefined when there would be too many. */
export function keyIntervals(protocols: ProtocolSet, ports: PortSet, atoms: readonly number[]): number[] | undefined {
  const portPairs = ports.isFull() ? [] : ports.intervals();
  const out: number[] = [];
  for (const atom of atoms) {
    for (const [pa, pb] of protocols.intervals()) {
      const base = atom * 256;
      if (ports.isFull()) {
        out.push((base + pa) * 65536, (base + pb) * 65536 + 65535);
        continue;
      }
      if ((pb - pa + 1) * portPairs.length + out.length / 2 > MAX_KEY_INTERVALS) return undefined;
      for (let p = pa; p <= pb; p++) for (const [lo, hi] of portPairs) out.push((base + p) * 65536 + lo, (base + p) * 65536 + hi);
    }
  }
  return normalize(out);
}

function keyCount(keys: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < keys.length; i += 2) n += (keys[i + 1] as number) - (keys[i] as number) + 1;
  return n;
}

function addressCount(a: AddressSet): number {
  let n = 0;
  for (const [lo, hi] of a.v4.intervals()) n += hi - lo + 1;
  for (const [lo, hi] of a.v6.intervals()) n += Number(hi - lo + 1n);
  return n;
}
