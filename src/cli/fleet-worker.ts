/**
 * @fileoverview Fleet worker thread: audits the hosts it is sent, writes their reports, answers with a HostSummary.
 */
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { REPORT_EXTENSIONS, type ReportFormat } from '../../reports/formats.js';
import type { HostSummary } from '../findings/fleet.js';
import { SEVERITIES, type Severity } from '../findings/severity.js';
import { failingFindings } from '../findings/verdict.js';
import { auditHost, reportPieces, type AuditArgs } from './audit-host.js';
import { isKnownError } from './errors.js';
import { writeAtomic } from './io.js';

export interface HostTask {
  readonly host: string;
  readonly files: readonly string[];
  readonly args: AuditArgs;
  readonly formats: readonly ReportFormat[];
  readonly outDir: string;
  readonly env: NodeJS.ProcessEnv;
}

/** Audits one host and writes its reports (also used in-process for a single host). */
export async function runHostTask(t: HostTask): Promise<HostSummary> {
  const empty = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  try {
    const result = await auditHost(t.files, t.args, t.env);
    const reports: string[] = [];
    for (const [format, pieces] of await reportPieces(result, t.formats, t.args.ticket)) {
      const path = join(t.outDir, t.host, `k2audit-report${REPORT_EXTENSIONS[format]}`);
      writeAtomic(path, pieces);
      reports.push(path);
    }
    const findings = { ...empty };
    for (const f of result.findings) if (f.waiver === undefined) findings[f.severity]++;
    const failing = failingFindings(result.findings, t.args.failOn).length;
    return {
      host: t.host,
      files: t.files,
      verdict: failing > 0 ? 'fail' : 'pass',
      statuses: Object.fromEntries(result.requirements.map((r) => [r.requirement.id, r.status])),
      findings,
      failing,
      reports,
    };
  } catch (e) {
    const error = isKnownError(e) ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    return { host: t.host, files: t.files, verdict: 'error', error, statuses: {}, findings: empty, failing: 0, reports: [] };
  }
}

// The pool sends the next task only after this one's answer, so one task runs at a time.
parentPort?.on('message', (t: HostTask) => {
  void runHostTask(t).then((summary) => parentPort?.postMessage(summary));
});
