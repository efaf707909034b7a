#!/usr/bin/env node
// Runs the compiled uvu suites under dist/test and ends with one line "N passed, N failed[, N skipped]".
import { spawnSync } from 'node:child_process';

const uvuBin = new URL('../node_modules/uvu/bin.js', import.meta.url).pathname;
const args = [uvuBin, 'dist/test', '\\.test\\.js$', ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'FORCE_COLOR')), NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024 });
process.stdout.write(run.stdout ?? '');
process.stderr.write(run.stderr ?? '');
const out = run.stdout ?? '';
const num = (label) => Number((out.match(new RegExp(`${label}:\\s+(\\d+)`)) ?? [])[1] ?? 0);
const total = num('Total');
const passed = num('Passed');
const skipped = num('Skipped');
const crashed = run.status !== 0 && total === 0;
const failed = crashed ? 1 : Math.max(0, total - passed - skipped);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
