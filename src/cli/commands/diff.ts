/**
 * @fileoverview `k2audit diff <before> <after> [--profile farm]`: what a firewall change opened or closed.
 */
import { DIFF_REPORT_EXTENSIONS, loadDiffReporter, type DiffReportFormat } from '../../../reports/diff-reporters.js';
import { diffAudits, diffExitCode } from '../../analyses/diff/index.js';
import { audit } from '../../engine/audit.js';
import { UsageError } from '../errors.js';
import { outputTargets, writeAtomic } from '../io.js';
import { loadInputAsync, loadOptionsFrom } from '../load-input-async.js';
import { matchSettingsFrom, reportTime, requirementSetFrom, toolVersion } from '../options.js';
import type { AuditArgs } from '../audit-host.js';
import type { CommandIO } from './compare.js';

export interface DiffArgs extends AuditArgs {
  readonly before: string;
  readonly after: string;
  readonly format: readonly DiffReportFormat[];
  readonly out?: string | undefined;
  readonly quiet: boolean;
}

/** Writes the diff reports; exit 1 when a required flow regresses or a new exposure reaches --fail-on. */
export async function runDiff(args: DiffArgs, io: CommandIO): Promise<number> {
  const formats = [...new Set(args.format)];
  const targets = outputTargets(formats, args.out, 'k2audit-diff', DIFF_REPORT_EXTENSIONS);
  const requirements = await requirementSetFrom(args.profile === undefined && (args.requirements ?? []).length === 0 ? { ...args, profile: 'farm' } : args);
  const settings = matchSettingsFrom(args.iface, args.rpcRange);
  const generatedAt = reportTime(args.timestamp, io.env);
  const side = async (file: string) => {
    const inputs = [await loadInputAsync(file, loadOptionsFrom(args))];
    const r = audit(inputs, requirements, { firewallProfile: args.fwProfile, failOn: args.failOn, generatedAt, toolVersion: toolVersion(), settings, ...(args.ticket === undefined ? {} : { ticket: args.ticket }) });
    if (!r.ok) throw new UsageError(r.error);
    return { inputs, result: r.result };
  };
  const before = await side(args.before);
  const result = diffAudits(before, await side(args.after), { fwProfile: args.fwProfile, settings, failOn: args.failOn });
  for (const f of formats) {
    const text = (await loadDiffReporter(f))(result, args.ticket === undefined ? {} : { ticket: args.ticket });
    const target = targets.get(f);
    if (target === undefined) io.stdout(text);
    else writeAtomic(target, text);
  }
  const code = diffExitCode(result);
  if (!args.quiet) io.stderr(`k2audit: diff ${args.before} → ${args.after}: ${code === 0 ? 'no regression' : 'regressions or new exposures at or above --fail-on'}\n`);
  return code;
}
