/**
 * @fileoverview The vendor-independent rule model: Rule, RuleSet and the settings that decide defaults.
 * Parsers produce it; the engine, analyses and reporters only ever see this.
 */
import { AddressSet, type Family } from './address-set.js';
import type { Diagnostic, LineAccounting } from './diagnostic.js';
import { ALL_PORTS, type PortSet } from './port-set.js';
import type { ProtocolSet } from './protocol.js';
import type { SourceRef } from './source-ref.js';

export type Direction = 'in' | 'out';
export type FirewallProfile = 'domain' | 'private' | 'public';
export const FIREWALL_PROFILES: readonly FirewallProfile[] = ['domain', 'private', 'public'];

/**
 * What a rule does when it matches. Windows rules use allow/block/bypass (bypass = allow that overrides
 * block rules). First-match chains also use `return` (leave the chain), `jump`/`goto` (enter `target`)
 * and `continue` (non-terminating: LOG, MARK, a rule without target).
 */
export type Action = 'allow' | 'block' | 'bypass' | 'return' | 'jump' | 'goto' | 'continue';

/** Connection-tracking states a state match can admit. */
export type ConnState = 'new' | 'established' | 'related' | 'invalid' | 'untracked';

/** Symbolic ports that stay symbolic until a setting resolves them. */
export type PortKeyword = 'RPC' | 'RPC-EPMap' | 'IPHTTPS' | 'Teredo' | 'PlayToDiscovery' | 'mDNS' | 'Other';

/** A port match: concrete ports plus symbolic keywords (Windows). `set` is ALL_PORTS for "any". */
export interface PortMatch {
  readonly set: PortSet;
  readonly keywords: readonly PortKeyword[];
}

/**
 * An address match: concrete addresses plus symbolic names (`LocalSubnet`, `Intranet`, `DNS`, `ipset:NAME`),
 * optionally negated as a whole (`! -s X`). "Any" is `{ set: AddressSet.ANY, symbols: [], negated: false }`.
 */
export interface AddressMatch {
  readonly set: AddressSet;
  readonly symbols: readonly string[];
  readonly negated: boolean;
}

/**
 * Something that narrows a rule in a way the audit cannot evaluate from the export alone
 * (program, service, interface, local address, an iptables match module, …). A rule with any
 * condition matches only *conditionally*: it may or may not apply to a given flow.
 */
export interface Condition {
  readonly kind:
    | 'program'
    | 'service'
    | 'package'
    | 'interface'
    | 'interface-type'
    | 'local-address'
    | 'remote-port'
    | 'local-port'
    | 'user'
    | 'security'
    | 'edge'
    | 'match'
    | 'other';
  /** Human text: `program C:\\app.exe`, `-m limit --limit 3/min`, `-i eth1`. */
  readonly text: string;
  /** For kind `interface`: the interface name (`eth0`, wildcard `eth+`), so `--iface NAME=CIDR` can resolve it. */
  readonly interface?: { readonly name: string; readonly negated: boolean };
}

/** One normalized firewall rule. */
export interface Rule {
  /** Stable id: `file:line`, or the vendor id, unique within a rule set. */
  readonly id: string;
  readonly name: string;
  readonly source: SourceRef;
  readonly enabled: boolean;
  readonly direction: Direction;
  readonly action: Action;
  /** Vendor target name (`ACCEPT`, `REJECT`, chain name) for display; jump/goto targets. */
  readonly target?: string;
  readonly protocols: ProtocolSet;
  readonly localPorts: PortMatch;
  readonly remotePorts: PortMatch;
  readonly localAddresses: AddressMatch;
  readonly remoteAddresses: AddressMatch;
  /** Windows firewall profiles the rule applies to (all three elsewhere). */
  readonly profiles: readonly FirewallProfile[];
  readonly conditions: readonly Condition[];
  /** True when the rule only matches loopback traffic (`-i lo`): it says nothing about other hosts. */
  readonly loopbackOnly?: boolean;
  /** True when the rule can never match a new connection (ESTABLISHED/RELATED only, `! --syn`, `-f`). */
  readonly neverNew?: boolean;
  /** States the rule's connection-state match admits; absent when the rule has no state match (every state). */
  readonly connStates?: readonly ConnState[];
  /** First-match: the chain key (`filter/INPUT`) holding the rule. */
  readonly chain?: string;
  /** Windows policy store the rule came from. */
  readonly store?: 'local' | 'gpo';
  /** The rule's source text, verbatim. */
  readonly raw: string;
}

/** Inbound default of one Windows firewall profile. */
export type InboundDefault = 'block' | 'allow' | 'block-always';

/** Settings of one Windows firewall profile; `source` points at where the export states them. */
export interface ProfileSettings {
  readonly enabled: boolean | undefined;
  readonly inbound: InboundDefault | undefined;
  readonly outbound: 'allow' | 'block' | undefined;
  readonly allowLocalPolicyMerge?: boolean;
  readonly source?: SourceRef;
}

/** A first-match chain. */
export interface Chain {
  /** `table/name`, e.g. `filter/INPUT`. */
  readonly key: string;
  readonly table: string;
  readonly name: string;
  readonly builtin: boolean;
  readonly policy?: 'accept' | 'drop';
  /** Address families whose packets traverse this chain (nftables `ip`/`ip6` tables); absent: every family of the set. */
  readonly families?: readonly Family[];
  readonly source?: SourceRef;
  /** Rule ids in evaluation order (a rule reachable from both directions appears once per direction). */
  readonly ruleIds: readonly string[];
}

/** A whole normalized export. */
export interface RuleSet {
  readonly semantics: 'windows' | 'first-match';
  /** Which command dialect changes to this firewall are written in (remediation); derived from semantics when absent. */
  readonly platform?: 'windows' | 'iptables' | 'nftables';
  readonly rules: readonly Rule[];
  /** Address families this export speaks for (an iptables-save dump is IPv4 only). */
  readonly families: readonly Family[];
  /** Directions the export covers (a `dir=in` netsh dump covers only inbound). */
  readonly directions: readonly Direction[];
  /** Windows: per-profile settings, where the export states them. */
  readonly profiles?: Partial<Readonly<Record<FirewallProfile, ProfileSettings>>>;
  /** First-match: chains by key. */
  readonly chains?: readonly Chain[];
  /**
   * First-match: the base chains a packet passes, in order, per direction (nftables: every base chain on the
   * input/output hook by priority). Absent: the iptables hook order (raw, mangle, filter, security).
   */
  readonly hooks?: Readonly<Record<Direction, readonly string[]>>;
  readonly diagnostics: readonly Diagnostic[];
  readonly accounting: LineAccounting;
}

/** The "any" port match. */
export const ANY_PORT_MATCH: PortMatch = { set: ALL_PORTS, keywords: [] };

/** The "any" address match. */
export const ANY_ADDRESS_MATCH: AddressMatch = { set: AddressSet.ANY, symbols: [], negated: false };

/** Whether an address match is "any" for the given families. */
export function isAnyAddress(m: AddressMatch, families: readonly Family[]): boolean {
  return !m.negated && m.symbols.length === 0 && m.set.contains(AddressSet.anyOf(families));
}
