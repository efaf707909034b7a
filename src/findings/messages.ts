/**
 * @fileoverview The only place that words findings and statuses; reporters call these, analyses never do.
 */
import { formatPorts } from '../model/port-set.js';
import type { Direction } from '../model/rule.js';
import type { Finding } from './finding.js';
import type { RequirementStatus } from './result.js';

/**
 * The human sentence for a finding, built from its code, args, ports, direction and protocol only.
 * E.g. `K2 Host Server connections (5555/tcp inbound) is blocked`.
 */
export function findingMessage(f: Finding): string {
  switch (f.code) {
    case 'REQUIREMENT_BLOCKED':
      return `${flowLabel(f.args.component, f)} is blocked`;
    case 'REQUIREMENT_PARTIAL':
      return `${flowLabel(f.args.component, f)} is only partly allowed: ${partialDetail(f.args.missing, f.args.scopedTo, f)}`;
    case 'REQUIREMENT_CONDITIONAL':
      return `${flowLabel(f.args.component, f)} is allowed only conditionally: ${conditionList(f.args.conditions)}`;
    case 'REQUIREMENT_UNKNOWN':
      return `${flowLabel(f.args.component, f)} cannot be decided: ${f.args.reason}`;
    case 'FIREWALL_OFF':
      return `the firewall is OFF for the ${f.args.profile} profile: every port is open`;
    case 'RETURN_TRAFFIC_BLOCKED':
      return f.direction === 'out'
        ? `${f.args.chain} (${f.args.family}) drops by default and no rule accepts ESTABLISHED packets: replies of inbound connections are dropped, so required inbound flows cannot complete unless stateless rules accept the replies`
        : `${f.args.chain} (${f.args.family}) drops by default and no rule accepts ESTABLISHED packets: replies to the host's outbound connections are dropped, so required outbound flows cannot complete unless stateless rules accept the replies`;
    default: {
      const _x: never = f;
      return _x;
    }
  }
}

/** A short label for a requirement status (`partly allowed` for `partial`). */
export function statusLabel(status: RequirementStatus): string {
  switch (status) {
    case 'allowed':
      return 'allowed';
    case 'partial':
      return 'partly allowed';
    case 'blocked':
      return 'blocked';
    case 'conditional':
      return 'conditional';
    case 'unknown':
      return 'unknown';
    case 'waived':
      return 'waived';
    default: {
      const _x: never = status;
      return _x;
    }
  }
}

/** `inbound` / `outbound`. */
export function directionWord(d: Direction): string {
  return d === 'in' ? 'inbound' : 'outbound';
}

interface FlowFields {
  readonly direction?: Direction;
  readonly protocol?: string;
  readonly ports?: Finding['ports'];
}

/** `Component (5555/tcp inbound)`; parts the finding does not carry are left out. */
function flowLabel(component: string, f: FlowFields): string {
  const proto = f.protocol ?? '';
  const portText = f.ports === undefined ? proto : `${formatPorts(f.ports)}${proto === '' ? '' : `/${proto}`}`;
  const parts = [portText, f.direction === undefined ? '' : directionWord(f.direction)].filter((p) => p !== '');
  return parts.length === 0 ? component : `${component} (${parts.join(' ')})`;
}

/** `missing 5555/tcp; allowed only from 10.1.0.0/16` (either half may be absent). */
function partialDetail(missing: string, scopedTo: string, f: FlowFields): string {
  const parts: string[] = [];
  if (missing !== '' && missing !== 'none') {
    // `missing` is a port list; add the protocol unless the analysis already did.
    const withProto = missing.includes('/') || f.protocol === undefined ? missing : `${missing}/${f.protocol}`;
    parts.push(`missing ${withProto}`);
  }
  if (scopedTo !== '') parts.push(`allowed only ${f.direction === 'out' ? 'to' : 'from'} ${scopedTo}`);
  return parts.length === 0 ? 'some required traffic is not allowed' : parts.join('; ');
}

function conditionList(conditions: readonly string[]): string {
  return conditions.length === 0 ? 'unstated conditions' : conditions.join('; ');
}
