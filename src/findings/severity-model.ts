/**
 * @fileoverview The severity model of over-permissive findings: a documented score from direction, breadth,
 * address scope, the risk of the exposed services and whether the rule is conditional → a severity.
 *
 * Score = direction + breadth + scope + risk − conditional, with
 *
 * | part        | value | when                                                                                   |
 * |-------------|-------|----------------------------------------------------------------------------------------|
 * | direction   | 2     | inbound (other hosts reach the server)                                                 |
 * |             | 0     | outbound (only judged where the outbound default blocks)                               |
 * | breadth     | 4     | every IP protocol (any-protocol)                                                       |
 * |             | 3     | every port, or ≥ 10,000 excess ports                                                   |
 * |             | 2     | ≥ WIDE_RANGE_THRESHOLD (100) excess ports                                              |
 * |             | 1     | ≥ 10 excess ports                                                                      |
 * |             | 0     | fewer                                                                                  |
 * | scope       | 2     | any remote address                                                                     |
 * |             | 1     | `wide` (negated, > 256 IPv4 addresses or more than a /64 of IPv6) or `symbolic`        |
 * |             |       | (LocalSubnet, Intranet, DNS, ipset names: resolved only on the host)                   |
 * |             | 0     | `narrow`: concrete addresses, at most 256 IPv4 addresses and one /64 of IPv6           |
 * | risk        | 3     | the excess includes a high-risk service (HIGH_RISK_SERVICES: remote administration,    |
 * |             |       | file sharing, databases, clear-text logins)                                            |
 * |             | 1     | the excess includes another service of the catalog (seed 002)                          |
 * |             | 0     | no catalog service                                                                     |
 * | conditional | 1     | the rule only applies to a program, service, interface, user or match the export       |
 * |             |       | cannot evaluate. Only the ports that program listens on are really open, so breadth    |
 * |             |       | counts 0 and one more point is taken off; the risk of the services stays (the program  |
 * |             |       | may well be the risky service, as `svchost.exe -s TermService` is for RDP).            |
 *
 * Severity: ≥ 10 critical, ≥ 7 high, ≥ 5 medium, ≥ 2 low, else info. Examples: allow everything inbound
 * from any address 11 (critical); TCP 1024–65535 inbound from any 10 (critical); RDP 3389 inbound from any 7
 * (high); RDP from a /24 5 (medium); the program-scoped RDP rule or a program-scoped any-port rule from any
 * 6 (medium); one unknown port inbound from any 4 (low).
 */
import type { Family } from '../model/address-set.js';
import { ports, type PortSet } from '../model/port-set.js';
import { TCP, UDP } from '../model/protocol.js';
import { isAnyAddress, type AddressMatch, type Direction } from '../model/rule.js';
import type { Severity } from './severity.js';

/** Excess ports from which a rule counts as a wide range (trait `wide-range`). */
export const WIDE_RANGE_THRESHOLD = 100;

/** How far the remote side of a rule reaches. */
export type AddressScope = 'any' | 'wide' | 'symbolic' | 'narrow';

/** The worst kind of service the excess exposes. */
export type ServiceRisk = 'high' | 'catalog' | 'none';

/** A high-risk service: remote administration, file sharing, databases, clear-text logins. */
export interface RiskyService {
  readonly label: string;
  readonly protocol: number;
  readonly ports: PortSet;
}

/** The high-risk services (all in the catalog, seed 002), in the order reports list them. */
export const HIGH_RISK_SERVICES: readonly RiskyService[] = [
  { label: 'Remote Desktop', protocol: TCP, ports: ports(3389) },
  { label: 'Remote Desktop', protocol: UDP, ports: ports(3389) },
  { label: 'WinRM', protocol: TCP, ports: ports([5985, 5986]) },
  { label: 'SMB', protocol: TCP, ports: ports(445) },
  { label: 'RPC endpoint mapper', protocol: TCP, ports: ports(135) },
  { label: 'NetBIOS', protocol: UDP, ports: ports([137, 138]) },
  { label: 'NetBIOS session', protocol: TCP, ports: ports(139) },
  { label: 'SQL Server', protocol: TCP, ports: ports(1433) },
  { label: 'SQL Server browser', protocol: UDP, ports: ports(1434) },
  { label: 'Telnet', protocol: TCP, ports: ports(23) },
  { label: 'FTP', protocol: TCP, ports: ports([20, 21]) },
  { label: 'TFTP', protocol: UDP, ports: ports(69) },
  { label: 'SNMP', protocol: UDP, ports: ports(161) },
  { label: 'SMS Remote Control', protocol: TCP, ports: ports([2701, 2704]) },
  { label: 'SMS Remote Control', protocol: UDP, ports: ports([2701, 2704]) },
];

/** Index in HIGH_RISK_SERVICES of the first high-risk service overlapping the ports, or -1. */
export function highRiskRank(protocol: number, set: PortSet): number {
  return HIGH_RISK_SERVICES.findIndex((s) => s.protocol === protocol && s.ports.overlaps(set));
}

/** Index in HIGH_RISK_SERVICES of the high-risk service a catalog entry's ports belong to, or -1 (broad entries such as 1024–65535 are not one service). */
export function highRiskServiceRank(protocol: number, set: PortSet): number {
  if (set.isEmpty()) return -1;
  return HIGH_RISK_SERVICES.findIndex((s) => s.protocol === protocol && s.ports.contains(set));
}

/** What the score is computed from. */
export interface ExposureFacts {
  readonly direction: Direction;
  /** Ports opened beyond the requirements, summed over TCP and UDP. */
  readonly excessPorts: number;
  readonly anyProtocol: boolean;
  readonly anyPort: boolean;
  readonly scope: AddressScope;
  readonly risk: ServiceRisk;
  readonly conditional: boolean;
}

export interface SeverityScore {
  readonly severity: Severity;
  readonly score: number;
  readonly parts: { readonly direction: number; readonly breadth: number; readonly scope: number; readonly risk: number; readonly conditional: number };
}

/** Scores an over-permissive rule (see the table at the top of this file). */
export function scoreExposure(f: ExposureFacts): SeverityScore {
  const parts = {
    direction: f.direction === 'in' ? 2 : 0,
    breadth: f.conditional ? 0 : breadthPoints(f),
    scope: f.scope === 'any' ? 2 : f.scope === 'narrow' ? 0 : 1,
    risk: f.risk === 'high' ? 3 : f.risk === 'catalog' ? 1 : 0,
    conditional: f.conditional ? -1 : 0,
  };
  const score = parts.direction + parts.breadth + parts.scope + parts.risk + parts.conditional;
  return { severity: severityOf(score), score, parts };
}

function breadthPoints(f: ExposureFacts): number {
  if (f.anyProtocol) return 4;
  if (f.anyPort || f.excessPorts >= 10_000) return 3;
  if (f.excessPorts >= WIDE_RANGE_THRESHOLD) return 2;
  return f.excessPorts >= 10 ? 1 : 0;
}

function severityOf(score: number): Severity {
  if (score >= 10) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 5) return 'medium';
  return score >= 2 ? 'low' : 'info';
}

const NARROW_V4 = 256;
const NARROW_V6 = 1n << 64n;

/** Classifies the remote side of a rule (see AddressScope). */
export function classifyScope(m: AddressMatch, families: readonly Family[]): AddressScope {
  if (isAnyAddress(m, families)) return 'any';
  if (m.symbols.length > 0) return 'symbolic';
  if (m.negated) return 'wide';
  let v4 = 0;
  for (const [lo, hi] of m.set.v4.intervals()) v4 += hi - lo + 1;
  let v6 = 0n;
  for (const [lo, hi] of m.set.v6.intervals()) v6 += hi - lo + 1n;
  return v4 > NARROW_V4 || v6 > NARROW_V6 ? 'wide' : 'narrow';
}
