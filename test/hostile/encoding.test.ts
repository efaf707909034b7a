/**
 * @fileoverview NUL bytes and invalid UTF-16/UTF-8. A NUL anywhere in a UTF-8 export (or NUL padding) makes it binary: a
 * clean one-line error. Inside UTF-16 a U+0000 is just a character: the export parses and no report carries a raw NUL.
 * Lone surrogates (high or low, LE or BE) and an odd byte count decode to U+FFFD: the export parses with every rule,
 * and every report is well-formed Unicode. Invalid UTF-8 falls back to Windows-1252, decoded by
 * hand (Node 20's TextDecoder decodes that label as ISO-8859-1). A file of NULs is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { REPORT_EXTENSIONS, REPORT_FORMATS } from '../../reports/index.js';
import { decode } from '../../src/input/decode.js';
import { assertCleanError, cli, compareFarm, ROOT, tempDir, tempFile } from './helpers.js';

const NETSH = readFileSync(join(ROOT, 'fixtures/cross/k2-node.netsh.txt'), 'utf8');
const NAME = 'K2 Server';

function utf16(text: string, le = true, bom = true): Uint8Array {
  const units = Buffer.alloc(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    if (le) units.writeUInt16LE(text.charCodeAt(i), 2 * i);
    else units.writeUInt16BE(text.charCodeAt(i), 2 * i);
  }
  const mark = bom ? Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0);
  return new Uint8Array(Buffer.concat([mark, units]));
}

/** No lone surrogate (in `u` mode a regular expression sees pairs as one code point). */
function wellFormed(text: string): boolean {
  return !/\p{Cs}/u.test(text);
}

/** Rule names from `k2audit parse --format json`. */
async function ruleNames(path: string): Promise<string[]> {
  const r = await cli(['parse', path, '--format', 'json']);
  assert.is(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as { rules: { name: string }[] }).rules.map((x) => x.name);
}

/** Every report format for the export: complete, well-formed Unicode, no raw NUL. */
async function assertReportsSafe(path: string, what: string): Promise<void> {
  const out = tempDir();
  const args = REPORT_FORMATS.flatMap((f) => ['--format', f]);
  const r = await compareFarm(path, ...args, '--out', out);
  assert.ok(r.code === 0 || r.code === 1, `${what}: exit ${r.code}: ${r.stderr}`);
  for (const f of REPORT_FORMATS) {
    const text = readFileSync(join(out, `k2audit-report${REPORT_EXTENSIONS[f]}`), 'utf8');
    assert.ok(text.length > 0, `${what}: ${f} report written`);
    assert.not.ok(text.includes('\u0000'), `${what}: ${f} report holds a raw NUL`);
    assert.ok(wellFormed(text), `${what}: ${f} report is well-formed Unicode`);
  }
}

test('a NUL byte in a UTF-8 export, NUL padding, or a file of NULs: "binary file", exit 2, one line', async () => {
  const cases: [string, Uint8Array][] = [
    ['nul-in-name.netsh.txt', new TextEncoder().encode(NETSH.replace(NAME, 'K2\u0000Server'))],
    ['nul-padded.netsh.txt', new Uint8Array(Buffer.concat([Buffer.from(NETSH), Buffer.alloc(4096)]))],
    ['zeros.bin', new Uint8Array(100_000)],
  ];
  for (const [name, bytes] of cases) {
    const line = assertCleanError(await compareFarm(tempFile(name, bytes)), name);
    assert.ok(line.includes('not a supported firewall export (a binary file of unknown format)'), `${name}: ${line}`);
  }
});

test('U+0000 inside a UTF-16LE export: parsed, the name keeps it, no report holds a raw NUL', async () => {
  const path = tempFile('nul.netsh.txt', utf16(NETSH.replace(NAME, 'K2\u0000Server')));
  assert.ok((await ruleNames(path)).some((n) => n.includes('K2\u0000Server')));
  await assertReportsSafe(path, 'utf-16 NUL');
});

test('lone surrogates (LE and BE, high and low) and an odd byte count: every rule parsed, U+FFFD in the name, reports well-formed', async () => {
  const expected = (await ruleNames(tempFile('clean.netsh.txt', NETSH))).length;
  const broken = NETSH.replace(NAME, 'K2 \uD800 x \uDC00 Server');
  const variants: [string, Uint8Array][] = [
    ['lone-le.netsh.txt', utf16(broken)],
    ['lone-be.netsh.txt', utf16(broken, false)],
    ['lone-le-nobom.netsh.txt', utf16(broken, true, false)],
    ['odd.netsh.txt', utf16(NETSH).subarray(0, utf16(NETSH).length - 1)],
    ['odd-lone.netsh.txt', utf16(`${broken}\uD800`).subarray(0, utf16(`${broken}\uD800`).length - 1)],
  ];
  for (const [name, bytes] of variants) {
    const input = decode(name, bytes);
    assert.ok(input.encoding.startsWith('utf-16'), `${name}: ${input.encoding}`);
    assert.ok(wellFormed(input.text), `${name}: decoded text is well-formed`);
    const path = tempFile(name, bytes);
    const names = await ruleNames(path);
    assert.is(names.length, expected, `${name}: every rule`);
    if (name.includes('lone')) assert.ok(names.some((n) => n.startsWith('K2 \uFFFD x \uFFFD Server')), `${name}: ${names.join(' | ')}`);
    await assertReportsSafe(path, name);
  }
});

test('invalid UTF-8 (overlong, truncated sequences) falls back to Windows-1252 and parses', async () => {
  const bytes = new Uint8Array(Buffer.concat([Buffer.from(NETSH.slice(0, NETSH.indexOf(NAME))), Buffer.from([0xc0, 0xaf, 0xe2, 0x82, 0x41]), Buffer.from(NETSH.slice(NETSH.indexOf(NAME)))]));
  assert.is(decode('x', bytes).encoding, 'windows-1252');
  const path = tempFile('cp1252.netsh.txt', bytes);
  assert.ok((await ruleNames(path)).some((n) => n.startsWith('\u00c0\u00af\u00e2\u201aA')), 'the bytes survive as Windows-1252 characters');
  await assertReportsSafe(path, 'cp1252');
});

test('Windows-1252 bytes 0x80–0x9F decode to their characters (€ ‚ “ ” …), not to C1 control characters', () => {
  const bytes = Uint8Array.from([0x52, 0x80, 0x82, 0x85, 0x93, 0x94, 0x96, 0x99, 0x9f, 0x81, 0xe9, 0xff]);
  const input = decode('cp1252.txt', bytes);
  assert.is(input.encoding, 'windows-1252');
  assert.is(input.text, 'R\u20ac\u201a\u2026\u201c\u201d\u2013\u2122\u0178\u0081\u00e9\u00ff');
});

test('a NUL after the sniffed head (past 4 KB) also makes a UTF-8 file binary: the verdict does not depend on where it sits', () => {
  const text = new TextEncoder().encode('x'.repeat(10_000));
  const late = Uint8Array.from([...text, 0]);
  assert.is(decode('late.txt', late).encoding, 'binary');
  assert.is(decode('clean.txt', text).encoding, 'utf-8');
});

test.run();
