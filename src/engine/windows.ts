/**
 * @fileoverview Windows Firewall precedence for one segment: firewall OFF allows everything; enabled bypass
 * (allow + override) beats block; block beats allow; otherwise the profile default decides. Order never matters.
 */
import { AddressUnion } from '../model/address-list.js';
import { AddressSet } from '../model/address-set.js';
import type { Direction, FirewallProfile, InboundDefault, ProfileSettings, Rule, RuleSet } from '../model/rule.js';
import type { SourceRef } from '../model/source-ref.js';
import { citePolicy, citeRule, type Contribution, type SegmentDecision, type TraceStep } from './decision.js';
import { matchBounds, ruleApplies, type MatchBounds, type MatchSettings, type Probe } from './rule-match.js';

/** A rule matching the segment, with its (memoized) bounds. */
interface Matched {
  readonly rule: Rule;
  readonly bounds: MatchBounds;
}

interface Bucket {
  low: AddressSet;
  high: AddressSet;
  rules: Matched[];
}

const emptyBucket = (): Bucket => ({ low: AddressSet.NONE, high: AddressSet.NONE, rules: [] });

/** The bucket's bounds as the union of its rules' (one sort-and-merge; thousands of rules can cover a segment). */
function close(b: Bucket): Bucket {
  const low = new AddressUnion();
  const high = new AddressUnion();
  for (const { bounds } of b.rules) {
    low.add(bounds.low);
    high.add(bounds.high);
  }
  return { rules: b.rules, low: low.toSet(), high: high.toSet() };
}

// A rule that covers many segments contributes the same thing to most of them: its whole `high` (with its reasons,
// or without for a block). Those contributions are made once per bounds object instead of once per segment.
const wholeWithReasons = new WeakMap<MatchBounds, Contribution>();
const wholePlain = new WeakMap<MatchBounds, Contribution>();

function whole(m: Matched, withReasons: boolean): Contribution {
  const memo = withReasons ? wholeWithReasons : wholePlain;
  let c = memo.get(m.bounds);
  if (c === undefined) {
    const base = { citation: citeRule(m.rule), addresses: m.bounds.high };
    memo.set(m.bounds, (c = withReasons ? { ...base, reasons: m.bounds.reasons } : base));
  }
  return c;
}

/** The default action of one direction of a profile; an export that does not state it gets Windows' own default. */
export function windowsDefault(profile: ProfileSettings | undefined, direction: Direction): InboundDefault {
  return direction === 'in' ? (profile?.inbound ?? 'block') : (profile?.outbound ?? 'allow');
}

/**
 * Decides one segment under Windows precedence. `candidates` are the rules whose ports touch the segment;
 * `applicable`: every candidate already passed ruleApplies for this probe (a sweep that filtered them), so it is not
 * asked again.
 */
export function decideWindows(
  ruleSet: RuleSet,
  candidates: readonly Rule[],
  probe: Probe & { readonly fwProfile: FirewallProfile },
  settings: MatchSettings,
  fallbackRef: SourceRef,
  trace?: TraceStep[],
  applicable = false,
): SegmentDecision {
  const U = probe.universe;
  const profile: ProfileSettings | undefined = ruleSet.profiles?.[probe.fwProfile];
  const dirWord = probe.direction === 'in' ? 'inbound' : 'outbound';
  const ref = profile?.source ?? { file: fallbackRef.file, vendorId: `default-${dirWord}-${probe.fwProfile}` };
  if (profile?.enabled === false) {
    const off = citePolicy(`firewall OFF for the ${probe.fwProfile} profile`, ref, 'firewall-off');
    trace?.push({ chain: 'windows', depth: 0, event: 'firewall-off', text: off.name, addresses: U });
    return { low: U, high: U, allowedBy: [{ citation: off, addresses: U }], blockedBy: [], conditionalBy: [] };
  }
  const ignoreLocal = profile?.allowLocalPolicyMerge === false;
  const open = { allow: emptyBucket(), block: emptyBucket(), bypass: emptyBucket() };
  for (const rule of candidates) {
    if ((!applicable && !ruleApplies(rule, probe)) || (ignoreLocal && rule.store === 'local')) continue;
    if (rule.action !== 'allow' && rule.action !== 'block' && rule.action !== 'bypass') continue;
    const m = matchBounds(rule, probe, settings);
    if (m === undefined) continue;
    open[rule.action].rules.push({ rule, bounds: m });
    trace?.push({ chain: 'windows', depth: 0, event: m.reasons.length > 0 ? 'may-match' : 'match', rule, reasons: m.reasons, addresses: m.high });
  }
  const buckets = { allow: close(open.allow), block: close(open.block), bypass: close(open.bypass) };
  const inbound = probe.direction === 'in';
  const dflt = windowsDefault(profile, probe.direction);
  const blockAlways = dflt === 'block-always';
  const defaultAllow = dflt === 'allow';
  const allow = blockAlways ? emptyBucket() : buckets.allow;
  const bypass = blockAlways ? emptyBucket() : buckets.bypass;
  const baseLow = defaultAllow ? U : allow.low;
  const baseHigh = defaultAllow ? U : allow.high;
  const low = bypass.low.union(baseLow.subtract(buckets.block.high));
  const high = bypass.high.union(baseHigh.subtract(buckets.block.low));

  const stated = profile?.inbound !== undefined || profile?.outbound !== undefined;
  const policyName = `default ${dirWord} action of the ${probe.fwProfile} profile: ${dflt}${stated ? '' : ' (not stated in the export; Windows default assumed)'}`;
  const policy = citePolicy(policyName, ref);
  const allowedBy: Contribution[] = [];
  const blockedBy: Contribution[] = [];
  const conditionalBy: Contribution[] = [];
  for (const r of bypass.rules) allowedBy.push(whole(r, true));
  const unblocked = buckets.block.low.isEmpty();
  for (const r of allow.rules) {
    // Untouched by the certain blocks (the common case): the rule's whole contribution, without a subtraction.
    if (unblocked || !r.bounds.high.overlaps(buckets.block.low)) {
      allowedBy.push(whole(r, true));
      continue;
    }
    const effective = r.bounds.high.subtract(buckets.block.low);
    if (!effective.isEmpty()) allowedBy.push({ citation: citeRule(r.rule), addresses: effective, reasons: r.bounds.reasons });
  }
  if (defaultAllow) allowedBy.push({ citation: policy, addresses: U.subtract(buckets.block.low) });
  const uncut = bypass.low.isEmpty();
  for (const r of buckets.block.rules) {
    const high = r.bounds.high;
    if (uncut && baseHigh.contains(high)) {
      blockedBy.push(whole(r, false));
      continue;
    }
    const cut = high.intersect(baseHigh).subtract(bypass.low);
    if (!cut.isEmpty()) blockedBy.push({ citation: citeRule(r.rule), addresses: cut });
  }
  const unopened = U.subtract(baseLow).subtract(bypass.low);
  if (!defaultAllow && !unopened.isEmpty()) blockedBy.push({ citation: policy, addresses: unopened });
  if (defaultAllow || !unopened.isEmpty()) trace?.push({ chain: 'windows', depth: 0, event: 'policy', text: policy.name, addresses: defaultAllow ? U : unopened });
  for (const b of [bypass, allow, buckets.block]) {
    for (const r of b.rules) if (r.bounds.reasons.length > 0) conditionalBy.push(whole(r, true));
  }
  return { low, high, allowedBy, blockedBy, conditionalBy };
}
