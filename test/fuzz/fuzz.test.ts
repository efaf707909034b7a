/**
 * @fileoverview The fuzz suite: thousands of mutated fixtures of every format through the parsers + audit engine, and a
 * share through the real CLI entry point, from a fixed seed. No uncaught exception, no "internal error", no input
 * slower than the per-input bound, no hang (a watchdog ends a worker that stops making progress). Settings by
 * environment: FUZZ_RUNS (total cases, default 6000), FUZZ_SEED (default 20240917), FUZZ_CLI_SHARE (default 0.05),
 * FUZZ_INVARIANT_SHARE (re-encoding must not change the audit, default 0.03), FUZZ_ENGINE_SHARE (parse-level cases also audited, default 0.25), FUZZ_WORKERS (default 2), FUZZ_TIME_BOUND_MS (per input, default 2000), FUZZ_SHRINK=1 (minimise a failing case).
 */
import { Worker } from 'node:worker_threads';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT } from '../cli/run-cli.js';
import { isRegistered, loadSeeds, seedFolders } from './corpus.js';
import type { FuzzStats, WorkerJob, WorkerMessage } from './protocol.js';

const num = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

const RUNS = Math.floor(num('FUZZ_RUNS', 6000));
const SEED = Math.floor(num('FUZZ_SEED', 20240917));
const CLI_SHARE = Math.min(1, num('FUZZ_CLI_SHARE', 0.05));
const INVARIANT_SHARE = Math.min(1, num('FUZZ_INVARIANT_SHARE', 0.03));
const ENGINE_PERCENT = Math.round(100 * Math.min(1, num('FUZZ_ENGINE_SHARE', 0.25)));
const WORKERS = Math.floor(num('FUZZ_WORKERS', 2));
const TIME_BOUND_MS = num('FUZZ_TIME_BOUND_MS', 2000);
/** A worker silent for this long is hung on one input. */
const HANG_MS = Math.max(30_000, 10 * TIME_BOUND_MS);
/** Ceiling for the whole default run on a loaded 2-core CI machine (it takes well under a minute when idle). */
const TOTAL_BUDGET_MS = num('FUZZ_BUDGET_MS', 240_000) * Math.max(1, RUNS / 6000);

interface WorkerEnd {
  readonly stats?: FuzzStats;
  readonly failure?: string;
}

function runWorker(index: number, job: WorkerJob): Promise<WorkerEnd> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./fuzz-worker.js', import.meta.url), { workerData: job });
    let last = 'starting';
    let ended = false;
    const finish = (end: WorkerEnd): void => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(end);
    };
    let timer = setTimeout(() => finish({ failure: `worker ${index}: no progress for ${HANG_MS} ms (hang) on: ${last}` }), HANG_MS);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'begin') {
        last = m.what;
        clearTimeout(timer);
        timer = setTimeout(() => finish({ failure: `worker ${index}: no progress for ${HANG_MS} ms (hang) on: ${last}` }), HANG_MS);
      } else if (m.type === 'done') finish({ stats: m.stats });
      else finish({ stats: m.stats, failure: `worker ${index} (seed ${job.seed}): ${m.message}` });
    });
    worker.on('error', (e) => finish({ failure: `worker ${index}: uncaught ${e.stack ?? e.message} on: ${last}` }));
    worker.on('exit', (code) => finish({ failure: `worker ${index}: exited with ${code} on: ${last}` }));
  });
}

function merge(all: readonly FuzzStats[]): FuzzStats {
  const total: FuzzStats = { parseCases: 0, cliCases: 0, invariantCases: 0, outcomes: {}, formats: {}, folders: {}, exitCodes: {}, slowest: { ms: 0, what: '' } };
  for (const s of all) {
    total.parseCases += s.parseCases;
    total.cliCases += s.cliCases;
    total.invariantCases += s.invariantCases;
    for (const key of ['outcomes', 'formats', 'folders', 'exitCodes'] as const) {
      for (const [k, v] of Object.entries(s[key])) total[key][k] = (total[key][k] ?? 0) + v;
    }
    if (s.slowest.ms > total.slowest.ms) total.slowest = s.slowest;
  }
  return total;
}

function sorted(map: Record<string, number>): string {
  return Object.entries(map)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

test(`fuzz: ${RUNS} mutated exports of every format, seed ${SEED}: no crash, no hang, clean errors, no finding lost to re-encoding`, async () => {
  const start = performance.now();
  const cliTotal = Math.round(RUNS * CLI_SHARE);
  const invariantTotal = Math.round(RUNS * INVARIANT_SHARE);
  const share = (n: number, i: number): number => Math.floor(n / WORKERS) + (i < n % WORKERS ? 1 : 0);
  const jobs = Array.from({ length: WORKERS }, (_, i): WorkerJob => ({
    root: ROOT,
    seed: SEED + 1000 * i,
    parseRuns: share(RUNS - cliTotal - invariantTotal, i),
    cliRuns: share(cliTotal, i),
    invariantRuns: share(invariantTotal, i),
    enginePercent: ENGINE_PERCENT,
    timeBoundMs: TIME_BOUND_MS,
    shrink: process.env['FUZZ_SHRINK'] === '1',
  }));
  const ends = await Promise.all(jobs.map((job, i) => runWorker(i, job)));
  const elapsed = performance.now() - start;
  const stats = merge(ends.flatMap((e) => (e.stats === undefined ? [] : [e.stats])));
  const failures = ends.flatMap((e) => (e.failure === undefined ? [] : [e.failure]));
  console.log(
    [
      `  fuzz: ${stats.parseCases} parse-level + ${stats.invariantCases} encoding-invariance + ${stats.cliCases} CLI cases in ${(elapsed / 1000).toFixed(1)} s (seed ${SEED}, ${WORKERS} workers)`,
      `  fuzz: slowest input ${Math.round(stats.slowest.ms)} ms: ${stats.slowest.what.slice(0, 300)}`,
      `  fuzz: seeds by folder: ${sorted(stats.folders)}`,
      `  fuzz: detected formats: ${sorted(stats.formats)}`,
      `  fuzz: outcomes: ${sorted(stats.outcomes)}`,
      `  fuzz: CLI exit codes: ${sorted(stats.exitCodes)}`,
    ].join('\n'),
  );
  assert.equal(failures, [], failures.join('\n'));
  assert.is(stats.parseCases + stats.invariantCases + stats.cliCases, RUNS, 'every case ran');
  const folders = seedFolders(loadSeeds(ROOT));
  if (stats.parseCases >= 2000) assert.equal(Object.keys(stats.folders).sort(), folders, 'every fixture folder was fuzzed');
  assert.ok(elapsed < TOTAL_BUDGET_MS, `the run took ${Math.round(elapsed)} ms, more than the ${TOTAL_BUDGET_MS} ms budget`);
});

test('fuzz corpus: every fixture folder is a seed; nft joins once its parser is registered', () => {
  const folders = seedFolders(loadSeeds(ROOT));
  for (const f of ['compare', 'cross', 'csv', 'gpo-xml', 'iptables', 'netsh', 'ps-json', 'reg', 'registry-pol', 'rejected', 'sample', 'wfw']) {
    assert.ok(folders.includes(f), `fixtures/${f} is fuzzed`);
  }
  assert.is(folders.includes('nft'), isRegistered('nft'));
  assert.not.ok(folders.includes('waivers'), 'waiver files are not exports');
});

test.run();
