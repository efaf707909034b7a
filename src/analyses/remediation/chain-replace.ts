/**
 * @fileoverview iptables replacement of an over-permissive rule: `-R CHAIN k` with the first kept port group,
 * `-I CHAIN k+i` for further groups, or `-D CHAIN k` when nothing is kept. The new rule text is written from the
 * model, so only what the model can express exactly is written back (protocol, addresses, interfaces, service
 * ports, connection states, the target); a rule with any other match is left to the admin.
 */
import type { Family } from '../../model/address-set.js';
import type { PortSet } from '../../model/port-set.js';
import { protocolName } from '../../model/protocol.js';
import type { AddressMatch, Chain, Rule } from '../../model/rule.js';
import type { PolicyUnit } from '../../engine/units.js';
import type { RemediationCommand } from '../../findings/remediation.js';
import { cidrBlocks, coversFamilies } from './address-text.js';
import { iptablesBinary, tableFlag } from './chain-commands.js';
import type { ReplacePlan } from './replace.js';
import { chainLines, lineKeyOf } from './simulate.js';
import * as words from './wording.js';

/** iptables multiport takes at most 15 ports, a range counting as two. */
const MULTIPORT_MAX = 15;

/** Plans `-R`/`-I`/`-D` for one rule; manual when the rule cannot be written back exactly. */
export function iptablesReplace(unit: PolicyUnit, rule: Rule, keep: ReadonlyMap<number, PortSet>, keepText: string): ReplacePlan {
  const rs = unit.ruleSet;
  const chain = (rs.chains ?? []).find((c) => c.key === rule.chain);
  const k = chain === undefined ? undefined : positionOf(chain, rule, unit);
  const family: Family = rs.families.includes('ipv6') && !rs.families.includes('ipv4') ? 'ipv6' : 'ipv4';
  const base = chain === undefined ? undefined : commonMatches(rule, family);
  if (chain === undefined || k === undefined || base === undefined) {
    return { action: 'manual', summary: words.replaceManual(rule, keepText, 'has matches k2audit cannot write back'), commands: [] };
  }
  if (sharedLine(chain, rule, unit)) {
    return { action: 'manual', summary: words.replaceManual(rule, keepText, 'is in a chain reached both inbound and outbound, so one line serves both directions'), commands: [] };
  }
  const head = `${iptablesBinary(family)} ${tableFlag(chain)}`;
  const dialect = iptablesBinary(family);
  if (keep.size === 0) {
    return { action: 'replace', summary: words.replaceDelete(rule), commands: [{ dialect, text: `${head}-D ${chain.name} ${k}` }] };
  }
  const specs = [...keep].sort(([a], [b]) => a - b).flatMap(([p, set]) => portGroups(set).map((g) => `-p ${protocolName(p)}${base.addresses} ${g}${base.states} -j ${rule.target ?? 'ACCEPT'}`));
  const commands: RemediationCommand[] = specs.map((spec, i) => ({ dialect, text: i === 0 ? `${head}-R ${chain.name} ${k} ${spec}` : `${head}-I ${chain.name} ${k + i} ${spec}` }));
  return { action: 'replace', summary: words.replaceNarrow(rule, words.ruleRange(rule), keepText), commands };
}

function positionOf(chain: Chain, rule: Rule, unit: PolicyUnit): number | undefined {
  const lines = chainLines(chain, unit.ruleSet);
  const idx = lines.index.get(rule.id);
  if (idx === undefined) return undefined;
  // Positions are the line starts at or before the rule's index (binary search).
  let lo = 0;
  let hi = lines.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((lines.starts[mid] as number) <= idx) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the rule's line also stands for a rule of the other direction (a user chain reached both ways). */
function sharedLine(chain: Chain, rule: Rule, unit: PolicyUnit): boolean {
  return (chainLines(chain, unit.ruleSet).perLine.get(lineKeyOf(rule)) ?? 0) > 1;
}

/** Address, interface and state matches as iptables options; undefined when something cannot be written. */
function commonMatches(rule: Rule, family: Family): { addresses: string; states: string } | undefined {
  const inbound = rule.direction === 'in';
  const other = inbound ? rule.remotePorts : rule.localPorts;
  if (!other.set.isFull() || other.keywords.length > 0) return undefined;
  const remote = addressOption(rule.remoteAddresses, family, inbound ? '-s' : '-d');
  const local = addressOption(rule.localAddresses, family, inbound ? '-d' : '-s');
  if (remote === undefined || local === undefined) return undefined;
  let ifaces = '';
  for (const c of rule.conditions) {
    if (c.kind !== 'interface' || c.interface === undefined) return undefined;
    ifaces += ` ${c.interface.negated ? '! ' : ''}${inbound ? '-i' : '-o'} ${c.interface.name}`;
  }
  const states = rule.connStates === undefined ? '' : ` -m conntrack --ctstate ${rule.connStates.map((s) => s.toUpperCase()).join(',')}`;
  return { addresses: `${remote}${local}${ifaces}`, states };
}

function addressOption(m: AddressMatch, family: Family, flag: string): string | undefined {
  if (m.symbols.length > 0 || m.negated) return undefined;
  if (coversFamilies(m.set, [family])) return '';
  return ` ${flag} ${cidrBlocks(m.set, [family]).join(',')}`;
}

/** `--dport 5555`, `--dport 1000:2000`, or `-m multiport --dports a,b:c` groups of at most 15 ports. */
function portGroups(set: PortSet): string[] {
  const items = set.intervals();
  if (items.length === 1) {
    const [lo, hi] = items[0] as [number, number];
    return [`--dport ${lo === hi ? lo : `${lo}:${hi}`}`];
  }
  const groups: string[][] = [];
  let cur: string[] = [];
  let weight = 0;
  for (const [lo, hi] of items) {
    const w = lo === hi ? 1 : 2;
    if (weight + w > MULTIPORT_MAX) {
      groups.push(cur);
      cur = [];
      weight = 0;
    }
    cur.push(lo === hi ? String(lo) : `${lo}:${hi}`);
    weight += w;
  }
  groups.push(cur);
  return groups.map((g) => `-m multiport --dports ${g.join(',')}`);
}
