/**
 * @fileoverview Seeded random rule sets for property tests: iptables-like chain sets (jumps, gotos, RETURNs, an
 * optional second base chain) and Windows rule sets (allow/block/bypass, keywords, profiles, stores, every default),
 * with uncertain rules mixed in (conditions, symbolic and negated addresses, ESTABLISHED-only and disabled rules).
 */
import type { Direction, FirewallProfile, Rule, RuleSet } from '../../src/model/rule.js';
import { prng } from '../analyses/anomalies/random-shapes.js';
import { chainSet, rule, windowsSet, type RuleSpec } from './build.js';

export const PORTS = [undefined, '22', '80', '85', '80-90', '1000-2000', '80,443', '49152-65535', '0-1023'];
export const REMOTES = [undefined, undefined, '10.0.0.0/8', '10.1.0.0/16', '10.1.2.0/24', '192.168.0.0/16', '10.1.2.0/24,192.168.1.1'];
export const PROTOS = [undefined, 'tcp', 'tcp', 'udp', 'icmp'];

export type Rnd = () => number;
export const pick = <T>(r: Rnd, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

function spec(r: Rnd, line: number, dir: Direction): RuleSpec {
  const s: RuleSpec = { line, dir };
  const local = pick(r, PORTS);
  const remote = pick(r, REMOTES);
  const proto = pick(r, PROTOS);
  if (local !== undefined) s.local = local;
  if (remote !== undefined) s.remote = remote;
  if (proto !== undefined) s.proto = proto;
  if (r() < 0.1) s.negateRemote = s.remote !== undefined;
  if (r() < 0.08) s.remoteSymbols = ['LocalSubnet'];
  if (r() < 0.12) s.conditions = ['-m limit'];
  if (r() < 0.05) s.neverNew = true;
  if (r() < 0.05) s.enabled = false;
  return s;
}


/** A random chain set: INPUT/OUTPUT with random policies, user chains A–C, sometimes a mangle/INPUT chain. */
export function randomChains(seed: number): RuleSet {
  const r = prng(seed);
  let line = 1;
  const users = ['A', 'B', 'C'];
  const chainRules = (dir: Direction, index: number): Rule[] =>
    Array.from({ length: Math.floor(r() * 9) }, () => {
      const s = spec(r, line++, dir);
      const x = r();
      const later = users.slice(index + 1);
      if (x < 0.4) s.action = 'allow';
      else if (x < 0.65) s.action = 'block';
      else if (x < 0.73) s.action = 'return';
      else if (x < 0.9 && later.length > 0) {
        s.action = r() < 0.8 ? 'jump' : 'goto';
        s.target = pick(r, later);
      } else s.action = 'continue';
      return rule(s);
    });
  const policy = (): 'accept' | 'drop' => (r() < 0.7 ? 'drop' : 'accept');
  const chains: Record<string, ['accept' | 'drop' | undefined, Rule[]]> = {
    'filter/INPUT': [policy(), chainRules('in', -1)],
    'filter/OUTPUT': [policy(), chainRules('out', -1)],
  };
  users.forEach((u, i) => {
    chains[`filter/${u}`] = [undefined, [...chainRules('in', i), ...chainRules('out', i)]];
  });
  if (r() < 0.1) chains['mangle/INPUT'] = ['accept', chainRules('in', 3)];
  return chainSet(chains);
}

/** A random Windows rule set with random profile settings. */
export function randomWindows(seed: number): RuleSet {
  const r = prng(seed);
  const rules = Array.from({ length: 1 + Math.floor(r() * 14) }, (_, i) => {
    const s = spec(r, i + 1, r() < 0.6 ? 'in' : 'out');
    const x = r();
    s.action = x < 0.55 ? 'allow' : x < 0.9 ? 'block' : 'bypass';
    if (r() < 0.1) {
      s.keywords = ['RPC'];
      if (r() < 0.5) delete s.local;
    }
    if (r() < 0.2) s.profiles = [pick(r, ['domain', 'private', 'public'] as FirewallProfile[])];
    if (r() < 0.2) s.store = pick(r, ['local', 'gpo'] as const);
    return rule(s);
  });
  const inbound = pick(r, ['block', 'block', 'allow', 'block-always', undefined] as const);
  const outbound = pick(r, ['allow', 'allow', 'block', undefined] as const);
  const profile = { enabled: r() < 0.9 ? true : r() < 0.5 ? false : undefined, inbound, outbound, allowLocalPolicyMerge: r() < 0.8 };
  return windowsSet(rules, r() < 0.9 ? { domain: profile } : undefined);
}
