/**
 * @fileoverview Huge inputs, generated at test time with streaming writes (never committed), through the real CLI:
 * - a 100 MB iptables-save (five lines of rules, 1.3 million comment lines): a clean RESULT (the comments are ignored
 *   lines; the file is under the 512 MiB input limit, and reading, splitting and parsing are linear);
 * - a 100 MB GPO report XML: a clean ERROR (GPOXML_TOO_LARGE: the XML parser refuses more than 64 M characters before
 *   parsing, since a real firewall GPO report is a few MB);
 * - 100 MB of binary noise: a clean ERROR (binary, unknown format), decided from the bytes without decoding them;
 * - a sparse 600 MB file: a clean ERROR from the size check before reading (over MAX_INPUT_BYTES).
 * Each finishes within a time bound and is removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_INPUT_BYTES } from '../../src/cli/io.js';
import { ROOT, tempDir } from './helpers.js';

const MB = 1 << 20;
const BIN = join(ROOT, 'dist/src/cli/bin.js');
const BOUND_MS = 60_000;

/** Streams `head`, then `chunk` until `size` bytes, then `tail` into a new file. */
function streamFile(path: string, head: string, chunk: () => Uint8Array | string, size: number, tail: string): void {
  const fd = openSync(path, 'w');
  try {
    let written = writeSync(fd, head);
    while (written < size) {
      const c = chunk();
      written += typeof c === 'string' ? writeSync(fd, c) : writeSync(fd, c);
    }
    writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
}

function run(args: string[]): { status: number | null; stdout: string; stderr: string; ms: number } {
  const start = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: BOUND_MS * 2, maxBuffer: 64 * MB });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - start };
}

function oneLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l !== '');
  assert.is(lines.length, 1, stderr);
  assert.not.ok(stderr.includes('internal error'), stderr);
  return lines[0] ?? '';
}

test('100 MB iptables-save (rules + 1.3 M comment lines): a complete report, comments accounted as ignored', () => {
  const dir = tempDir();
  const path = join(dir, 'huge.iptables-save');
  const line = '# padding written by an export tool; 80 characters of comment text, nothing else\n';
  const chunk = line.repeat(Math.floor(MB / line.length));
  streamFile(path, '*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 5555 -j ACCEPT\n', () => chunk, 100 * MB, 'COMMIT\n');
  const out = join(dir, 'report.json');
  const r = run(['compare', path, '--profile', 'farm', '--format', 'json', '--out', out, '--fail-on', 'none', '--quiet']);
  rmSync(path);
  assert.is(r.status, 0, r.stderr);
  assert.ok(r.ms < BOUND_MS, `took ${r.ms} ms`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { inputs: { accounting: { total: number; parsed: number; ignored: Record<string, number> } }[]; requirements: { id: string; status: string }[] };
  const a = report.inputs[0]?.accounting;
  assert.ok(a !== undefined && a.total > 1_300_000, `lines: ${a?.total}`);
  assert.is(a?.parsed, 6);
  assert.is(Object.values(a?.ignored ?? {}).reduce((x, y) => x + y, 0), (a?.total ?? 0) - 6, 'every comment line is accounted for');
  assert.is(report.requirements.find((q) => q.id === 'k2-host-server-in-tcp')?.status, 'allowed');
});

test('100 MB GPO report XML: one line "GPOXML_TOO_LARGE"-style error, exit 2, fast', () => {
  const dir = tempDir();
  const path = join(dir, 'huge.gpo.xml');
  const rule = '<q1:InboundFirewallRules><q1:Version>2.20</q1:Version><q1:Action>Allow</q1:Action><q1:Name>r</q1:Name><q1:Dir>In</q1:Dir><q1:LPort>5555</q1:LPort><q1:Protocol>6</q1:Protocol><q1:Active>true</q1:Active></q1:InboundFirewallRules>\n';
  const chunk = rule.repeat(Math.floor(MB / rule.length));
  const head = '<?xml version="1.0" encoding="utf-8"?>\n<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings"><Computer><ExtensionData><Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/WindowsFirewall">\n';
  streamFile(path, head, () => chunk, 100 * MB, '</Extension></ExtensionData></Computer></GPO>\n');
  const r = run(['compare', path, '--profile', 'farm', '--format', 'json']);
  rmSync(path);
  assert.is(r.status, 2);
  assert.ok(/^k2audit: .*huge\.gpo\.xml: the XML has \d+ characters, more than the \d+ accepted/.test(oneLine(r.stderr)), r.stderr);
  assert.is(r.stdout, '', 'no report');
  assert.ok(r.ms < BOUND_MS, `took ${r.ms} ms`);
});

test('100 MB of binary noise: "a binary file of unknown format", exit 2', () => {
  const dir = tempDir();
  const path = join(dir, 'noise.bin');
  let x = 12345;
  const chunk = new Uint8Array(MB);
  const next = (): Uint8Array => {
    for (let i = 0; i < chunk.length; i++) chunk[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    return chunk;
  };
  streamFile(path, '', next, 100 * MB, '');
  const r = run(['compare', path, '--profile', 'farm']);
  rmSync(path);
  assert.is(r.status, 2);
  assert.ok(oneLine(r.stderr).includes('not a supported firewall export (a binary file of unknown format)'), r.stderr);
  assert.ok(r.ms < BOUND_MS, `took ${r.ms} ms`);
});

test('a sparse file over the input limit: refused by size before reading, exit 2', () => {
  const dir = tempDir();
  const path = join(dir, 'sparse.netsh.txt');
  const fd = openSync(path, 'w');
  ftruncateSync(fd, MAX_INPUT_BYTES + MB);
  closeSync(fd);
  const r = run(['compare', path, '--profile', 'farm']);
  rmSync(path);
  assert.is(r.status, 2);
  assert.is(oneLine(r.stderr), `k2audit: ${path}: the file is ${MAX_INPUT_BYTES + MB} bytes; the limit is ${MAX_INPUT_BYTES}`);
  assert.ok(r.ms < 10_000, `took ${r.ms} ms`);
});

test.run();
