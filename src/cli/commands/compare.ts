/**
 * @fileoverview `k2audit compare <export...>`: audit one host's exports against a requirement profile.
 */
import { join } from 'node:path';
import { REPORT_EXTENSIONS, reporters, type ReportFormat } from '../../../reports/index.js';
import type { FirewallProfile } from '../../model/rule.js';
import { audit } from '../../engine/audit.js';
import type { Severity } from '../../findings/severity.js';
import { failingFindings } from '../../findings/verdict.js';
import { UsageError } from '../errors.js';
import { isDirectory, writeAtomic } from '../io.js';
import { loadInput } from '../load-input.js';
import { matchSettingsFrom, reportTime, requirementSetFrom, toolVersion, waiversFrom, type RequirementArgs } from '../options.js';

export interface CompareArgs extends RequirementArgs {
  readonly exports: readonly string[];
  readonly format: readonly ReportFormat[];
  readonly out?: string | undefined;
  readonly fwProfile: FirewallProfile;
  readonly failOn: Severity | 'none';
  readonly inputFormat?: string | undefined;
  readonly timestamp?: string | undefined;
  readonly ticket?: string | undefined;
  readonly quiet: boolean;
  readonly iface?: readonly string[] | undefined;
  readonly rpcRange?: string | undefined;
  readonly waivers?: readonly string[] | undefined;
}

export interface CommandIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

/** Runs the audit, writes the reports, returns the exit code (0 pass, 1 findings at or above --fail-on). */
export function runCompare(args: CompareArgs, io: CommandIO): number {
  const formats = [...new Set(args.format)];
  const targets = outputTargets(formats, args.out);
  const requirements = requirementSetFrom(args);
  const inputs = args.exports.map((p) => loadInput(p, args.inputFormat === undefined ? {} : { inputFormat: args.inputFormat }));
  const outcome = audit(inputs, requirements, {
    firewallProfile: args.fwProfile,
    failOn: args.failOn,
    generatedAt: reportTime(args.timestamp, io.env),
    toolVersion: toolVersion(),
    settings: matchSettingsFrom(args.iface, args.rpcRange),
    ...(args.waivers === undefined || args.waivers.length === 0 ? {} : { waivers: waiversFrom(args.waivers) }),
    ...(args.ticket === undefined ? {} : { ticket: args.ticket }),
  });
  if (!outcome.ok) throw new UsageError(outcome.error);
  const result = outcome.result;
  const options = args.ticket === undefined ? {} : { ticket: args.ticket };
  for (const format of formats) {
    const text = reporters[format](result, options);
    const target = targets.get(format);
    if (target === undefined) io.stdout(text);
    else writeAtomic(target, text);
  }
  if (!args.quiet) {
    const counts = result.requirements.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
    const summary = Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ');
    io.stderr(`k2audit: ${result.verdict.toUpperCase()}: ${result.requirements.length} requirements (${summary}); ${result.findings.length} findings\n`);
    for (const t of targets.values()) io.stderr(`k2audit: wrote ${t}\n`);
  }
  const expired = result.findings.filter((f) => f.code === 'WAIVER_EXPIRED' && f.waiver === undefined);
  for (const f of expired) if (f.code === 'WAIVER_EXPIRED') io.stderr(`k2audit: waiver ${f.args.waiverId} (ticket ${f.args.ticket}) expired on ${f.args.expires}\n`);
  return failingFindings(result.findings, args.failOn).length > 0 ? 1 : 0;
}

/** Where each format goes: stdout (absent), the --out file, or a file in the --out directory. */
function outputTargets(formats: readonly ReportFormat[], out: string | undefined): Map<ReportFormat, string> {
  const targets = new Map<ReportFormat, string>();
  if (out === undefined) {
    if (formats.length > 1) throw new UsageError('several --format values need --out <directory>');
    return targets;
  }
  const asDir = formats.length > 1 || out.endsWith('/') || isDirectory(out);
  for (const f of formats) targets.set(f, asDir ? join(out, `k2audit-report${REPORT_EXTENSIONS[f]}`) : out);
  return targets;
}
