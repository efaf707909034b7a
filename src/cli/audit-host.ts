/**
 * @fileoverview One host's audit from command-line options: load its exports, resolve requirements and waivers,
 * run the engine, render the reports. Shared by `compare` and the fleet workers.
 */
import { reporters, type ReportFormat } from '../../reports/index.js';
import type { Direction, FirewallProfile } from '../model/rule.js';
import { audit } from '../engine/audit.js';
import type { AuditResult } from '../findings/result.js';
import type { Severity } from '../findings/severity.js';
import type { StageTimer } from '../engine/stage-timer.js';
import { UsageError } from './errors.js';
import { loadInput, loadOptionsFrom } from './load-input.js';
import { matchSettingsFrom, reportTime, requirementSetFrom, toolVersion, waiversFrom, type RequirementArgs } from './options.js';

/** The options of an audit (plain data: fleet workers receive it as a message). */
export interface AuditArgs extends RequirementArgs {
  readonly fwProfile: FirewallProfile;
  readonly failOn: Severity | 'none';
  readonly inputFormat?: string | undefined;
  /** `--direction`: for exports that do not state it (the firewall console's Export List). */
  readonly direction?: Direction | undefined;
  readonly timestamp?: string | undefined;
  readonly ticket?: string | undefined;
  readonly iface?: readonly string[] | undefined;
  readonly rpcRange?: string | undefined;
  readonly waivers?: readonly string[] | undefined;
  readonly maxPairs?: number | undefined;
}

/** Audits the exports of one host. Bad input throws InputError/UsageError. */
export function auditHost(exports: readonly string[], args: AuditArgs, env: NodeJS.ProcessEnv, timer?: StageTimer): AuditResult {
  const requirements = requirementSetFrom(args);
  timer?.mark('requirements');
  const inputs = exports.map((p) => loadInput(p, loadOptionsFrom(args, timer)));
  const outcome = audit(inputs, requirements, {
    firewallProfile: args.fwProfile,
    failOn: args.failOn,
    generatedAt: reportTime(args.timestamp, env),
    toolVersion: toolVersion(),
    settings: matchSettingsFrom(args.iface, args.rpcRange),
    ...(args.waivers === undefined || args.waivers.length === 0 ? {} : { waivers: waiversFrom(args.waivers) }),
    ...(args.ticket === undefined ? {} : { ticket: args.ticket }),
    ...(args.maxPairs === undefined ? {} : { maxPairs: args.maxPairs }),
    ...(timer === undefined ? {} : { timer }),
  });
  if (!outcome.ok) throw new UsageError(outcome.error);
  return outcome.result;
}

/** Renders each requested format. */
export function renderReports(result: AuditResult, formats: readonly ReportFormat[], ticket: string | undefined): Map<ReportFormat, string> {
  const options = ticket === undefined ? {} : { ticket };
  return new Map(formats.map((f) => [f, reporters[f](result, options)]));
}
