/**
 * @fileoverview Fleet mode of `compare`: one audit per host on a worker pool (one worker per core), per-host
 * reports under `<out>/<host>/`, a fleet summary, and progress on stderr once it takes longer than a second.
 */
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fleetJson, fleetMarkdown } from '../../../reports/fleet.js';
import { sortHosts, type FleetSummary, type HostSummary } from '../../findings/fleet.js';
import { UsageError } from '../errors.js';
import { writeAtomic } from '../io.js';
import { fleetHosts } from '../fleet-files.js';
import type { HostTask } from '../fleet-worker.js';
import { reportTime, requirementSetFrom, toolVersion } from '../options.js';
import { tuneForFleet } from '../v8-tuning.js';
import type { CommandIO, CompareArgs } from './compare.js';

/** Audits every host; exit 2 when a host could not be audited, 1 when a host fails, else 0. */
export async function runFleet(args: CompareArgs, io: CommandIO): Promise<number> {
  if (args.out === undefined) throw new UsageError('fleet mode (a directory or a pattern of exports) needs --out <directory>');
  const requirements = await requirementSetFrom(args);
  const hosts = fleetHosts(args.exports);
  const formats = [...new Set(args.format)];
  const generatedAt = reportTime(args.timestamp, io.env);
  const tasks: HostTask[] = [...hosts].map(([host, files]) => ({ host, files, args: { ...args, timestamp: generatedAt }, formats, outDir: args.out as string, env: io.env }));
  tuneForFleet();
  const progress = startProgress(tasks.length, args.quiet, io);
  const { results, perWorker } = await runPool(tasks, progress.tick);
  progress.stop();
  const summary: FleetSummary = {
    tool: { name: 'k2audit', version: toolVersion() },
    profile: requirements.profile,
    features: requirements.features,
    firewallProfile: args.fwProfile,
    failOn: args.failOn,
    generatedAt,
    requirements: requirements.requirements.map((r) => ({ id: r.id, component: r.component })),
    // Report paths relative to the summary, so the folder can be moved and two runs compare equal.
    hosts: sortHosts(results.map((h) => ({ ...h, reports: h.reports.map((r) => relative(args.out as string, r)) }))),
  };
  const written = [join(args.out, 'fleet-summary.md'), join(args.out, 'fleet-summary.json')];
  writeAtomic(written[0] as string, fleetMarkdown(summary));
  writeAtomic(written[1] as string, fleetJson(summary));
  const errors = results.filter((h) => h.verdict === 'error');
  const fails = results.filter((h) => h.verdict === 'fail').length;
  if (!args.quiet) {
    for (const h of errors) io.stderr(`k2audit: ${h.host}: ${h.error ?? ''}\n`);
    io.stderr(`k2audit: fleet of ${results.length} hosts on ${perWorker.length} worker threads (${perWorker.join('+')} hosts): ${results.length - fails - errors.length} pass, ${fails} fail, ${errors.length} not audited; wrote ${written.join(', ')}\n`);
  }
  return errors.length > 0 ? 2 : fails > 0 ? 1 : 0;
}

/** Runs the tasks on min(cores, tasks) worker threads, in order of submission; results come back in task order. */
async function runPool(tasks: readonly HostTask[], tick: () => void): Promise<{ results: HostSummary[]; perWorker: number[] }> {
  const results: HostSummary[] = new Array<HostSummary>(tasks.length);
  const size = Math.max(1, Math.min(availableParallelism(), tasks.length));
  const perWorker = new Array<number>(size).fill(0);
  let next = 0;
  const workers = Array.from({ length: size }, () => new Worker(new URL('../fleet-worker.js', import.meta.url)));
  try {
    await Promise.all(
      workers.map(
        (w, i) =>
          new Promise<void>((resolve, reject) => {
            let current = -1;
            const feed = () => {
              if (next >= tasks.length) return resolve();
              current = next++;
              w.postMessage(tasks[current]);
            };
            w.on('message', (summary: HostSummary) => {
              results[current] = summary;
              perWorker[i] = (perWorker[i] ?? 0) + 1;
              tick();
              feed();
            });
            w.on('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { results, perWorker };
}

function startProgress(total: number, quiet: boolean, io: CommandIO): { tick: () => void; stop: () => void } {
  let done = 0;
  const timer = quiet ? undefined : setInterval(() => io.stderr(`k2audit: audited ${done}/${total} hosts\n`), 1000);
  return {
    tick: () => {
      done++;
    },
    stop: () => {
      if (timer !== undefined) clearInterval(timer);
    },
  };
}
