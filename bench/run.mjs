#!/usr/bin/env node
/**
 * `npm run bench`: generates the benchmark inputs, runs the real CLI (`compare --profile farm`, JSON and Markdown
 * written) on each, and prints per-stage times, wall time, peak memory, the ratio to the read-and-tokenize floor and
 * the 10k → 100k scaling factor. Each figure is the median of RUNS runs. Method and results: BENCHMARKS.md.
 *
 *   npm run bench                 all cases
 *   npm run bench -- iptables     only cases whose name contains "iptables"
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gpoXml, iptablesDense, iptablesRealistic, netsh } from './generate.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/src/cli/bin.js');
const WORK = join(tmpdir(), 'k2audit-bench');
const only = process.argv[2];

const CASES = [
  { name: 'iptables realistic 1k', file: 'real-1k.iptables-save', make: () => iptablesRealistic(1_000) },
  { name: 'iptables realistic 10k', file: 'real-10k.iptables-save', make: () => iptablesRealistic(10_000) },
  { name: 'iptables realistic 100k', file: 'real-100k.iptables-save', make: () => iptablesRealistic(100_000) },
  { name: 'iptables dense 10k', file: 'dense-10k.iptables-save', make: () => iptablesDense(10_000) },
  { name: 'iptables dense 100k', file: 'dense-100k.iptables-save', make: () => iptablesDense(100_000) },
  { name: 'netsh 20k', file: 'rules-20k.netsh.txt', make: () => netsh(20_000) },
  { name: 'gpo-xml 20k', file: 'rules-20k.gpo.xml', make: () => gpoXml(20_000) },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The floor: read the file, split lines, split each line into whitespace tokens (what any parser must do). */
function floor(path) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const lines = readFileSync(path, 'utf8').split('\n');
    let tokens = 0;
    for (const l of lines) tokens += l.split(/\s+/).length;
    times.push(performance.now() - t0 + (tokens < 0 ? 1 : 0));
  }
  return median(times);
}

/**
 * The output floor: writing this run's reports again from their finished content — JSON.stringify of the report
 * value (pretty, as the CLI writes it) and the Markdown text — with no parsing, analysis or report building.
 */
function outputFloor(out) {
  const json = JSON.parse(readFileSync(join(out, 'k2audit-report.json'), 'utf8'));
  const md = readFileSync(join(out, 'k2audit-report.md'), 'utf8');
  const scratch = join(WORK, 'output-floor');
  mkdirSync(scratch, { recursive: true });
  const times = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const text = JSON.stringify(json, null, 2);
    writeFileSync(join(scratch, 'report.json'), text);
    writeFileSync(join(scratch, 'report.md'), md);
    times.push(performance.now() - t0);
    bytes = Buffer.byteLength(text) + Buffer.byteLength(md);
  }
  rmSync(scratch, { recursive: true, force: true });
  return { ms: median(times), mb: bytes / 1e6, findings: Array.isArray(json.findings) ? json.findings.length : 0 };
}

/** Node's own start-up and exit (`node -e 0`), which every run of the CLI pays before loading any of its code. */
function startFloor() {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(performance.now() - t0);
  }
  return median(times);
}

function runCli(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, K2AUDIT_TIMINGS: '1', SOURCE_DATE_EPOCH: '1700000000' }, maxBuffer: 64 << 20 });
  const wall = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`k2audit exited ${r.status}: ${r.stderr}`);
  const line = (r.stderr.match(/^k2audit-timings (.*)$/m) ?? [])[1];
  return { wall, stages: line === undefined ? {} : JSON.parse(line), stderr: r.stderr };
}

function benchCase(c) {
  const path = join(WORK, c.file);
  writeFileSync(path, c.make());
  const out = join(WORK, `${c.file}.out`);
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(runCli(['compare', path, '--profile', 'farm', '--format', 'json', '--format', 'md', '--out', out, '--quiet', '--fail-on', 'none']));
  const stageNames = [...new Set(runs.flatMap((r) => Object.keys(r.stages)))].filter((k) => k !== 'maxRssMb');
  const stages = Object.fromEntries(stageNames.map((k) => [k, median(runs.map((r) => r.stages[k] ?? 0))]));
  return { name: c.name, wall: median(runs.map((r) => r.wall)), rss: Math.max(...runs.map((r) => r.stages.maxRssMb ?? 0)), stages, floor: floor(path), output: outputFloor(out) };
}

function fleetCase() {
  const dir = join(WORK, 'fleet');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 1000; i++) {
    const name = `host${String(i).padStart(4, '0')}`;
    if (i % 2 === 0) writeFileSync(join(dir, `${name}.iptables-save`), iptablesRealistic(300, i + 10));
    else writeFileSync(join(dir, `${name}.netsh.txt`), netsh(300, i + 10));
  }
  const out = join(WORK, 'fleet-out');
  const times = [];
  let cpu = 0;
  for (let i = 0; i < RUNS; i++) {
    rmSync(out, { recursive: true, force: true });
    const before = process.cpuUsage();
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S %e', process.execPath, CLI, 'compare', dir, '--profile', 'farm', '--format', 'json', '--format', 'md', '--out', out, '--quiet', '--fail-on', 'none'], { encoding: 'utf8' });
    times.push(performance.now() - t0);
    const [u, s, e] = (r.stderr.trim().split('\n').pop() ?? '0 0 1').split(' ').map(Number);
    cpu = Math.max(cpu, (u + s) / e);
    void before;
  }
  return { name: 'fleet 1000 × 300 rules', wall: median(times), cores: cpu };
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);

mkdirSync(WORK, { recursive: true });
console.log(`k2audit benchmark — node ${process.version}, ${availableParallelism()} cores, median of ${RUNS} runs, inputs in ${WORK}\n`);
const results = [];
for (const c of CASES) {
  if (only !== undefined && !c.name.includes(only)) continue;
  const r = benchCase(c);
  results.push(r);
  const st = Object.entries(r.stages).map(([k, v]) => `${k} ${fmt(v)}`).join(', ');
  console.log(`${r.name.padEnd(26)} wall ${fmt(r.wall).padStart(8)}  peak ${String(r.rss).padStart(4)} MB  floor ${fmt(r.floor).padStart(7)}  ratio ${(r.wall / r.floor).toFixed(1).padStart(5)}×  [${st}]`);
  console.log(`${''.padEnd(26)} reports ${r.output.mb.toFixed(1)} MB (${r.output.findings} findings), written again from their content in ${fmt(r.output.ms)}`);
}
const byName = Object.fromEntries(results.map((r) => [r.name, r]));
const scaling = {};
for (const shape of ['realistic', 'dense']) {
  const a = byName[`iptables ${shape} 10k`];
  const b = byName[`iptables ${shape} 100k`];
  if (a && b) {
    scaling[shape] = b.wall / a.wall;
    console.log(`scaling 10k → 100k (${shape}): wall ${(b.wall / a.wall).toFixed(1)}×, parse+engine+analyses ${((b.stages.parse + b.stages.engine + b.stages.analyses) / (a.stages.parse + a.stages.engine + a.stages.analyses)).toFixed(1)}×`);
  }
}
let fleet;
if (only === undefined || 'fleet'.includes(only)) {
  fleet = fleetCase();
  console.log(`${fleet.name.padEnd(26)} wall ${fmt(fleet.wall).padStart(8)}  cpu ${(fleet.cores * 100).toFixed(0)}% (of ${availableParallelism() * 100}%)`);
}

// What no implementation can avoid: Node's start-up, reading and tokenizing the input, writing the reports' bytes.
if (results.length > 0) {
  const start = startFloor();
  console.log(`\nlower bound per run (node start-up ${fmt(start)} + read-and-tokenize floor + output floor):`);
  for (const r of results) console.log(`  ${r.name.padEnd(24)} ${fmt(start + r.floor + r.output.ms).padStart(8)}   (measured ${fmt(r.wall)})`);
}

// The performance issue's targets, for the cases this run measured.
const verdict = (ok) => (ok ? 'met' : 'NOT met');
const targets = [];
const big = ['iptables realistic 100k', 'iptables dense 100k'].map((n) => byName[n]).filter(Boolean);
if (big.length > 0) targets.push(`1. 100k iptables-save under 1 s and 600 MB: ${verdict(big.every((r) => r.wall < 1000 && r.rss < 600))} (${big.map((r) => `${fmt(r.wall)}, ${r.rss} MB`).join('; ')})`);
if (Object.keys(scaling).length > 0) targets.push(`2. 10k → 100k at most 12×: ${verdict(Object.values(scaling).every((x) => x <= 12))} (${Object.entries(scaling).map(([k, v]) => `${k} ${v.toFixed(1)}×`).join(', ')})`);
const windows = ['netsh 20k', 'gpo-xml 20k'].map((n) => byName[n]).filter(Boolean);
if (windows.length > 0) targets.push(`3. 20k Windows exports under 2 s each: ${verdict(windows.every((r) => r.wall < 2000))} (${windows.map((r) => `${r.name} ${fmt(r.wall)}`).join(', ')})`);
if (fleet !== undefined) targets.push(`4. fleet of 1,000 under 60 s, both cores busy: ${verdict(fleet.wall < 60_000 && fleet.cores > 0.75 * availableParallelism())} (${fmt(fleet.wall)}, cpu ${(fleet.cores * 100).toFixed(0)}%)`);
if (targets.length > 0) console.log(`\ntargets:\n${targets.map((t) => `  ${t}`).join('\n')}`);
