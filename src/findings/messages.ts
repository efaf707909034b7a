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
    case 'RULE_OVER_PERMISSIVE': {
      const keep = f.args.keep === '' ? 'no required port lies in its range: remove it or scope it' : `a rule for ${f.args.keep} would do`;
      const bound = f.args.upperBound === true ? ' at most (earlier rules already decide too many scattered parts of its range to list)' : '';
      return `rule "${f.args.ruleName}" opens more than the requirements need (${f.args.traits.join(', ')}): ${f.args.excess}${bound} beyond them; ${keep}`;
    }
    case 'RULE_SHADOWED':
      return `rule "${f.args.ruleName}" never decides anything: earlier rules (${f.args.by.join(', ')}) cover it${f.args.conflicting ? ' with a different action, so it does not do what it says' : ''}`;
    case 'RULE_REDUNDANT':
      return `rule "${f.args.ruleName}" is redundant: removing it changes nothing (${f.args.by.join(', ')} decide the same)`;
    case 'RULES_CORRELATED':
      return `rules "${f.args.ruleName}" and "${f.args.otherName}" (${f.args.other}) partly overlap with different actions: their order decides the overlap`;
    case 'RULE_GENERALIZATION':
      return `rule "${f.args.ruleName}" generalizes earlier rules with a different action (${f.args.generalizes.join(', ')}): they are exceptions to it`;
    case 'ALLOW_OVERRIDDEN':
      return `allow rule "${f.args.ruleName}" has no effect: block rules (${f.args.by.join(', ')}) cover everything it allows, and block beats allow`;
    case 'BLOCK_CUTS_REQUIREMENT':
      return `block rule "${f.args.ruleName}" cuts into the required flow ${f.args.component} (${f.args.requirementId})`;
    case 'DISABLED_RULE_WOULD_CLOSE_GAP':
      return `disabled rule "${f.args.ruleName}" would close the gap for ${f.args.component} (${f.args.requirementId}) if enabled`;
    case 'WAIVER_EXPIRED':
      return `waiver ${f.args.waiverId} (ticket ${f.args.ticket}) for ${f.args.target} expired on ${f.args.expires}: the finding it covered counts again`;
    case 'WAIVER_UNUSED':
      return `waiver ${f.args.waiverId} for ${f.args.target} matches no finding: remove it or fix its selector`;
    case 'ANOMALY_PAIRS_CAPPED':
      return `${f.args.total} ${f.args.kind} rule pairs found; the report lists ${f.args.shown} (raise --max-pairs to see more)`;
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
