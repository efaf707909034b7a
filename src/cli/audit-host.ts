/**
 * @fileoverview One host's audit from command-line options: load its exports, resolve requirements and waivers,
 * run the engine, render the reports. Shared by `compare` and the fleet workers.
 */
import { loadChunkedReporter, type ReportFormat } from '../../reports/formats.js';
import type { Direction, FirewallProfile } from '../model/rule.js';
import { audit, type LoadedInput } from '../engine/audit.js';
import type { AuditResult } from '../findings/result.js';
import type { Severity } from '../findings/severity.js';
import type { StageTimer } from '../engine/stage-timer.js';
import { UsageError } from './errors.js';
import { tuneForRuleCount } from './v8-tuning.js';
import { loadInputAsync, loadOptionsFrom } from './load-input-async.js';
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
export async function auditHost(exports: readonly string[], args: AuditArgs, env: NodeJS.ProcessEnv, timer?: StageTimer): Promise<AuditResult> {
  const requirements = await requirementSetFrom(args);
  timer?.mark('requirements');
  const inputs: LoadedInput[] = [];
  for (const p of exports) inputs.push(await loadInputAsync(p, loadOptionsFrom(args, timer)));
  tuneForRuleCount(inputs.reduce((n, i) => n + i.ruleSet.rules.length, 0));
  const generatedAt = reportTime(args.timestamp, env);
  const settings = matchSettingsFrom(args.iface, args.rpcRange);
  const waivers = args.waivers === undefined || args.waivers.length === 0 ? undefined : await waiversFrom(args.waivers);
  const outcome = audit(inputs, requirements, {
    firewallProfile: args.fwProfile,
    failOn: args.failOn,
    generatedAt,
    toolVersion: toolVersion(),
    settings,
    ...(waivers === undefined ? {} : { waivers }),
    ...(args.ticket === undefined ? {} : { ticket: args.ticket }),
    ...(args.maxPairs === undefined ? {} : { maxPairs: args.maxPairs }),
    ...(timer === undefined ? {} : { timer }),
  });
  if (!outcome.ok) throw new UsageError(outcome.error);
  return outcome.result;
}

/**
 * Each requested format's report, as pieces made while they are consumed (only the requested reporters are loaded):
 * a large report is written as it is rendered instead of held whole in memory.
 */
export async function reportPieces(result: AuditResult, formats: readonly ReportFormat[], ticket: string | undefined): Promise<Map<ReportFormat, Iterable<string>>> {
  const options = ticket === undefined ? {} : { ticket };
  const pieces = new Map<ReportFormat, Iterable<string>>();
  for (const f of formats) {
    // Chunked reporters are generators: nothing is rendered until the pieces are consumed.
    pieces.set(f, (await loadChunkedReporter(f))(result, options));
  }
  return pieces;
}
