/**
 * @fileoverview `k2audit compare <export...>`: audit one host's exports against a requirement profile.
 */
import { REPORT_EXTENSIONS, type ReportFormat } from '../../../reports/formats.js';
import { failingFindings } from '../../findings/verdict.js';
import { StageTimer } from '../../engine/stage-timer.js';
import { fixScript, scriptDialect } from '../../analyses/remediation/index.js';
import type { RemediationItem } from '../../findings/remediation.js';
import { auditHost, reportPieces, type AuditArgs } from '../audit-host.js';
import { UsageError } from '../errors.js';
import { outputTargets, writeAtomic } from '../io.js';

export interface CompareArgs extends AuditArgs {
  readonly exports: readonly string[];
  readonly format: readonly ReportFormat[];
  readonly out?: string | undefined;
  readonly quiet: boolean;
  /** `--fix-script <file>`: remediation commands as a .ps1, .cmd or .sh script. */
  readonly fixScript?: string | undefined;
}

export interface CommandIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

/** Runs the audit, writes the reports, returns the exit code (0 pass, 1 findings at or above --fail-on). */
export async function runCompare(args: CompareArgs, io: CommandIO): Promise<number> {
  const formats = [...new Set(args.format)];
  const targets = outputTargets(formats, args.out, 'k2audit-report', REPORT_EXTENSIONS);
  const timer = io.env['K2AUDIT_TIMINGS'] === '1' ? new StageTimer(() => performance.now()) : undefined;
  const result = await auditHost(args.exports, args, io.env, timer);
  // Reports are rendered while they are written (`report` = render + write).
  for (const [format, pieces] of await reportPieces(result, formats, args.ticket)) {
    const target = targets.get(format);
    if (target === undefined) io.stdout([...pieces].join(''));
    else writeAtomic(target, pieces);
  }
  if (args.fixScript !== undefined) writeFixScript(args.fixScript, result.remediation);
  timer?.mark('report');
  if (timer !== undefined) io.stderr(`k2audit-timings ${JSON.stringify({ ...roundAll(timer.stages), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
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

/** Writes the remediation script in the dialect the file name asks for; refuses a dialect the export does not speak. */
function writeFixScript(file: string, items: readonly RemediationItem[]): void {
  const dialect = scriptDialect(file, items);
  if (dialect === undefined) throw new UsageError(`--fix-script ${file}: name the script .ps1 (PowerShell), .cmd (netsh) or .sh (iptables/nft)`);
  const spoken = new Set(items.flatMap((i) => i.commands.map((c) => c.dialect)));
  const wants = dialect === 'iptables' ? ['iptables', 'ip6tables'] : [dialect];
  if (spoken.size > 0 && !wants.some((d) => spoken.has(d as never))) {
    throw new UsageError(`--fix-script ${file}: the remediation for this export is written for ${[...spoken].sort().join(', ')}; choose a matching file extension`);
  }
  writeAtomic(file, fixScript(items, dialect));
}

function roundAll(stages: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(v * 10) / 10]));
}

