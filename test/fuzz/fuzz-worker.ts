/**
 * @fileoverview One fuzz worker (a worker thread, so that a hang can be detected and ended from outside): runs its share
 * of parser-level and CLI-level cases with fast-check from a fixed seed and posts progress, statistics and failures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { mutations } from './arbitraries.js';
import { checkCli, CLI_COMMANDS } from './check-cli.js';
import { checkParse } from './check-parse.js';
import { assertSameAudit, auditSignature, LOSSLESS, reencoded } from './check-invariant.js';
import { loadSeeds } from './corpus.js';
import { mutate, type Mutation } from './mutations.js';
import type { FuzzStats, WorkerJob, WorkerMessage } from './protocol.js';

/** Imported outside a worker thread (a test runner matching every file) the module does nothing. */
const job = (workerData ?? { root: '', seed: 0, parseRuns: 0, cliRuns: 0, invariantRuns: 0, enginePercent: 0, timeBoundMs: 0, shrink: false }) as WorkerJob;
const seeds = parentPort === null ? [] : loadSeeds(job.root);
const stats: FuzzStats = { parseCases: 0, cliCases: 0, invariantCases: 0, outcomes: {}, formats: {}, folders: {}, exitCodes: {}, slowest: { ms: 0, what: '' } };

function post(m: WorkerMessage): void {
  parentPort?.postMessage(m);
}

function describe(seedIndex: number, muts: readonly Mutation[], via: string): string {
  return `${via} ${seeds[seedIndex]?.path ?? '?'} ${JSON.stringify(muts)}`;
}

function count(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

const MS_PER_RULE = 3;
const CLI_FACTOR = 3;

/**
 * Records the time and enforces the per-input bound. Parsing alone gets the bound as it is. A mutated line can
 * legitimately hold thousands of rules (nft separates rules with `;`, a CSV gains rows), and the engine audits dense
 * overlapping rule sets at up to ~2 ms a rule (src/analyses/gaps.ts citations): with the engine the bound grows by
 * MS_PER_RULE per rule audited. CLI cases (yargs, every renderer, file writes) and encoding-invariance
 * cases (two parses and audits) get CLI_FACTOR times the bound.
 */
function timed(ms: number, what: string, rules = 0, factor = 1): void {
  if (ms > stats.slowest.ms) stats.slowest = { ms, what };
  const bound = factor * job.timeBoundMs + rules * MS_PER_RULE;
  if (ms > bound) throw new Error(`took ${Math.round(ms)} ms, more than the ${Math.round(bound)} ms bound (${rules} rules)`);
}


const seedIndex = fc.nat({ max: Math.max(0, seeds.length - 1) });

/** A percentage roll: the audit engine runs on a successful parse when it is below the engine share. */
const roll = fc.nat({ max: 99 });

function parseProperty(): fc.IPropertyWithHooks<[number, Mutation[], number]> {
  return fc.property(seedIndex, mutations, roll, (i, muts, r100) => {
    const seed = seeds[i];
    if (seed === undefined) return;
    const withEngine = r100 < job.enginePercent;
    const what = describe(i, muts, withEngine ? 'parse+engine' : 'parse');
    post({ type: 'begin', what });
    const r = checkParse(seed.path, mutate(seed.bytes, muts), withEngine);
    stats.parseCases++;
    count(stats.outcomes, r.outcome);
    count(stats.formats, r.format);
    count(stats.folders, seed.path.split('/')[1] ?? '');
    timed(r.ms, what, withEngine ? r.rules : 0);
  });
}

function cliProperty(dir: string): fc.IAsyncPropertyWithHooks<[number, Mutation[], number]> {
  return fc.asyncProperty(seedIndex, mutations, fc.nat({ max: CLI_COMMANDS.length - 1 }), async (i, muts, c) => {
    const seed = seeds[i];
    const command = CLI_COMMANDS[c] ?? 'parse';
    if (seed === undefined) return;
    const what = describe(i, muts, `cli ${command}`);
    post({ type: 'begin', what });
    const r = await checkCli(dir, seed.path, mutate(seed.bytes, muts), command);
    stats.cliCases++;
    count(stats.exitCodes, `${command} ${r.code}`);
    timed(r.ms, what, r.rules, CLI_FACTOR);
  });
}

function invariantProperty(): fc.IPropertyWithHooks<[number, Mutation[], (typeof LOSSLESS)[number]]> {
  return fc.property(seedIndex, mutations, fc.constantFrom(...LOSSLESS), (i, muts, to) => {
    const seed = seeds[i];
    if (seed === undefined) return;
    const what = describe(i, muts, `invariant ${to}`);
    post({ type: 'begin', what });
    const start = performance.now();
    const bytes = mutate(seed.bytes, muts);
    const other = reencoded(seed.path, bytes, to);
    stats.invariantCases++;
    if (other === undefined) return;
    const before = auditSignature(seed.path, bytes);
    assertSameAudit(before.text, auditSignature(seed.path, other).text, `re-encoding as ${to}`);
    timed((performance.now() - start) / 2, what, before.rules, CLI_FACTOR);
  });
}

async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'k2audit-fuzz-'));
  try {
    fc.assert(parseProperty(), { numRuns: job.parseRuns, seed: job.seed, endOnFailure: !job.shrink, includeErrorInReport: true });
    fc.assert(invariantProperty(), { numRuns: job.invariantRuns, seed: job.seed + 2, endOnFailure: !job.shrink, includeErrorInReport: true });
    await fc.assert(cliProperty(dir), { numRuns: job.cliRuns, seed: job.seed + 1, endOnFailure: !job.shrink, includeErrorInReport: true });
    post({ type: 'done', stats, seeds: seeds.length });
  } catch (e) {
    post({ type: 'fail', message: e instanceof Error ? e.message : String(e), stats });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (parentPort !== null) await run();
