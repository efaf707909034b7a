/**
 * @fileoverview Every text format reads the same rules whatever the encoding (UTF-8 with/without BOM, UTF-16LE/BE with
 * BOM, CP1252) and line ends (CRLF, LF). Each cross fixture is re-encoded and must give the identical rule listing;
 * a rule name with "é" proves the characters survive.
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { detectFormat } from '../../parsers/index.js';
import { ruleLine } from '../../src/model/rule-text.js';
import { decode } from '../../src/input/decode.js';
import { ROOT } from '../cli/run-cli.js';

const FILES = ['k2-node.netsh.txt', 'k2-node.reg', 'k2-node.gpo.xml', 'k2-node.ps.json', 'k2-node.inbound.csv'];

function encode(text: string, enc: string): Uint8Array {
  if (enc === 'utf-8') return new TextEncoder().encode(text);
  if (enc === 'utf-8-bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  if (enc === 'cp1252') return Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
  const units = new Uint8Array(2 + text.length * 2);
  const le = enc === 'utf-16le';
  units.set(le ? [0xff, 0xfe] : [0xfe, 0xff], 0);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    units[2 + 2 * i] = le ? u & 255 : u >> 8;
    units[3 + 2 * i] = le ? u >> 8 : u & 255;
  }
  return units;
}

/** The rules as format-independent lines (without file:line), plus the detected format. */
function listing(file: string, bytes: Uint8Array): string[] {
  const input = decode(file, bytes);
  const parser = detectFormat(input);
  if (parser === undefined) throw new Error(`${file}: not detected (${input.encoding})`);
  const r = parser.parse(input, { direction: 'in' });
  if (!r.ok) throw new Error(`${file}: ${r.diagnostics[0]?.message ?? ''}`);
  const errors = r.ruleSet.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`${file}: ${errors[0]?.message ?? ''}`);
  return [parser.format, ...r.ruleSet.rules.map((x) => ruleLine(x).replace(/^\S+ /, ''))];
}

for (const name of FILES) {
  test(`${name}: same rules in every encoding and line end`, () => {
    const original = new TextDecoder('utf-8').decode(decodeToUtf8(readFileSync(`${ROOT}fixtures/cross/${name}`)));
    // A non-ASCII name proves the text is decoded, not just the ASCII skeleton.
    const text = original.replace('K2 Server (TCP 5555', 'K2 Sérver (TCP 5555');
    assert.ok(text !== original, 'fixture contains the rule name');
    const lf = text.replace(/\r\n/g, '\n');
    const reference = listing(name, encode(lf, 'utf-8'));
    assert.ok(reference.some((l) => l.includes('K2 Sérver (TCP 5555')));
    for (const enc of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'cp1252']) {
      for (const eol of ['\n', '\r\n']) {
        let body = lf.replace(/\n/g, eol);
        // An XML declaration must state the encoding the bytes are in.
        if (name.endsWith('.xml')) body = body.replace(/encoding="[^"]*"/, `encoding="${enc.startsWith('utf-16') ? 'utf-16' : enc === 'cp1252' ? 'windows-1252' : 'utf-8'}"`);
        assert.equal(listing(name, encode(body, enc)), reference, `${name} ${enc} ${eol === '\n' ? 'LF' : 'CRLF'}`);
      }
    }
  });
}

/** The fixtures are stored in various encodings; normalize to UTF-8 bytes first. */
function decodeToUtf8(bytes: Uint8Array): Uint8Array {
  return new TextEncoder().encode(decode('x', bytes).text);
}

test.run();
