/**
 * @fileoverview Changed defaults: effective Windows profile settings (a setting the export does not state counts
 * as the Windows default, so exports that state more or fewer profiles still compare equal) and first-match chain
 * policies and chains.
 */
import type { PolicyUnit } from '../../engine/units.js';
import { windowsDefault } from '../../engine/windows.js';
import { FIREWALL_PROFILES, type Chain, type FirewallProfile, type RuleSet } from '../../model/rule.js';
import { formatRef } from '../../model/source-ref.js';
import { unitKey } from './rule-changes.js';
import type { PolicyChange } from './types.js';

type Settings = Readonly<Record<'firewall' | 'inbound' | 'outbound' | 'local rules', string>>;

/** Effective settings of one Windows profile, as the engine would apply them. */
export function effectiveProfile(rs: RuleSet, p: FirewallProfile): Settings {
  const s = rs.profiles?.[p];
  return {
    firewall: s?.enabled === false ? 'off' : 'on',
    inbound: windowsDefault(s, 'in'),
    outbound: windowsDefault(s, 'out'),
    'local rules': s?.allowLocalPolicyMerge === false ? 'ignored' : 'merged',
  };
}

/** The policy text of a chain: `accept`/`drop` for builtin chains, `-` for user chains. */
export function chainPolicy(c: Chain): string {
  return c.builtin ? (c.policy ?? 'accept') : '-';
}

/** Every changed default between the two sides' units. */
export function diffPolicies(before: readonly PolicyUnit[], after: readonly PolicyUnit[]): PolicyChange[] {
  const out: PolicyChange[] = [];
  const keys = [...new Set([...before.map(unitKey), ...after.map(unitKey)])];
  const several = keys.filter((k) => k !== 'windows').length > 1;
  for (const key of keys) {
    const b = before.find((u) => unitKey(u) === key)?.ruleSet;
    const a = after.find((u) => unitKey(u) === key)?.ruleSet;
    if (b === undefined || a === undefined) continue;
    if (key === 'windows') out.push(...profileChanges(b, a));
    else out.push(...chainChanges(b, a, several ? ` (${a.families.join('+')})` : ''));
  }
  return out;
}

function profileChanges(b: RuleSet, a: RuleSet): PolicyChange[] {
  const out: PolicyChange[] = [];
  for (const p of FIREWALL_PROFILES) {
    const x = effectiveProfile(b, p);
    const y = effectiveProfile(a, p);
    for (const field of ['firewall', 'inbound', 'outbound', 'local rules'] as const) {
      if (x[field] === y[field]) continue;
      out.push({ subject: `profile ${p}`, field, before: x[field], after: y[field], ...refs(b.profiles?.[p]?.source, a.profiles?.[p]?.source) });
    }
  }
  return out;
}

function chainChanges(b: RuleSet, a: RuleSet, suffix: string): PolicyChange[] {
  const out: PolicyChange[] = [];
  const bc = new Map((b.chains ?? []).map((c) => [c.key, c]));
  const ac = new Map((a.chains ?? []).map((c) => [c.key, c]));
  for (const key of [...new Set([...bc.keys(), ...ac.keys()])]) {
    const x = bc.get(key);
    const y = ac.get(key);
    const subject = `chain ${key}${suffix}`;
    if (x === undefined || y === undefined) {
      out.push({ subject, field: 'present', before: x === undefined ? 'no' : 'yes', after: y === undefined ? 'no' : 'yes', ...refs(x?.source, y?.source) });
      continue;
    }
    if (chainPolicy(x) !== chainPolicy(y)) out.push({ subject, field: 'policy', before: chainPolicy(x), after: chainPolicy(y), ...refs(x.source, y.source) });
  }
  return out;
}

function refs(b: Parameters<typeof formatRef>[0] | undefined, a: Parameters<typeof formatRef>[0] | undefined): { beforeRef?: string; afterRef?: string } {
  return { ...(b === undefined ? {} : { beforeRef: formatRef(b) }), ...(a === undefined ? {} : { afterRef: formatRef(a) }) };
}
