/**
 * @fileoverview XML entity attacks against the gpo-xml parser: billion laughs, an external entity naming a local
 * file, a parameter entity, and a bare DOCTYPE are all rejected before any XML parsing (XML_DOCTYPE_REJECTED, exit 2,
 * one line), in UTF-8 and UTF-16, detected or forced with --input-format; no entity is ever expanded (the expansion
 * text and the external file's content never appear in any output) and rejection is fast. Invalid character
 * references end as GPOXML_MALFORMED, never as an exception.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { gpoXmlParser } from '../../parsers/gpo-xml/index.js';
import { decode } from '../../src/input/decode.js';
import { assertCleanError, cli, compareFarm, ROOT, tempDir, tempFile, timed } from './helpers.js';

const GPO = readFileSync(join(ROOT, 'fixtures/gpo-xml/k2-gpo.xml'), 'utf8');
const NAME = '<q1:Name>K2 Host Server (TCP-In)</q1:Name>';

/** The K2 GPO fixture with a DTD after the XML declaration and `&ref;` in the first rule's name. */
function withDtd(dtd: string, ref: string): string {
  const decl = GPO.indexOf('?>') + 2;
  return `${GPO.slice(0, decl)}\n${dtd}${GPO.slice(decl).replace(NAME, `<q1:Name>${ref}</q1:Name>`)}`;
}

const LAUGHS = [
  '<!DOCTYPE GPO [',
  '  <!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
  ']>',
].join('\n');

function utf16le(text: string): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}

test('billion laughs: rejected before parsing, fast, nothing expanded', async () => {
  const path = tempFile('laughs.gpo.xml', withDtd(LAUGHS, '&lol9;'));
  const start = performance.now();
  const r = await compareFarm(path);
  const ms = performance.now() - start;
  const line = assertCleanError(r, 'billion laughs');
  assert.ok(line.startsWith(`k2audit: ${path}:2: the XML declares a DOCTYPE`), line);
  assert.not.ok(r.stdout.includes('lollol'), 'no expansion in stdout');
  assert.ok(ms < 5000, `took ${ms} ms`);
  const parsed = await cli(['parse', path, '--format', 'json']);
  assert.is(parsed.code, 2);
  assert.ok(parsed.stderr.includes('XML_DOCTYPE_REJECTED'), parsed.stderr);
  assert.not.ok(parsed.stderr.includes('lollol') || parsed.stdout.includes('lollol'));
});

test('external entity (SYSTEM file) and parameter entity: rejected; the file content never appears', async () => {
  const dir = tempDir();
  const secret = join(dir, 'secret.txt');
  writeFileSync(secret, 'TOP-SECRET-SENTINEL-4711');
  const cases = [
    { name: 'xxe', dtd: `<!DOCTYPE GPO [ <!ENTITY xxe SYSTEM "file://${secret}"> ]>`, ref: '&xxe;' },
    { name: 'parameter', dtd: `<!DOCTYPE GPO [ <!ENTITY % p SYSTEM "file://${secret}"> %p; ]>`, ref: 'x' },
    { name: 'public', dtd: `<!DOCTYPE GPO PUBLIC "-//X//Y" "file://${secret}">`, ref: 'x' },
  ];
  for (const c of cases) {
    const path = join(dir, `${c.name}.gpo.xml`);
    writeFileSync(path, withDtd(c.dtd, c.ref));
    for (const args of [['compare', path, '--profile', 'farm', '--format', 'json'], ['parse', path, '--format', 'json'], ['explain', path, '--flow', 'in tcp 5555']]) {
      const r = await cli(args);
      assert.is(r.code, 2, `${c.name} ${args[0]}`);
      assert.not.ok(`${r.stdout}${r.stderr}`.includes('TOP-SECRET-SENTINEL'), `${c.name} ${args[0]}: external content leaked`);
      assert.ok(r.stderr.includes('DOCTYPE'), `${c.name} ${args[0]}: ${r.stderr}`);
    }
  }
});

test('a bare DOCTYPE, lower-case, after a BOM, in UTF-16LE, or forced with --input-format: rejected the same way', async () => {
  const variants: { name: string; bytes: Uint8Array | string; forced?: boolean }[] = [
    { name: 'bare', bytes: withDtd('<!DOCTYPE GPO>', 'x') },
    { name: 'lower-case', bytes: withDtd('<!doctype GPO [<!entity a "b">]>', '&a;') },
    { name: 'bom', bytes: `\uFEFF${withDtd('<!DOCTYPE GPO>', 'x')}` },
    { name: 'utf-16le', bytes: utf16le(withDtd(LAUGHS, '&lol9;')) },
    { name: 'entity only', bytes: withDtd('<!ENTITY a "b">', '&a;') },
    { name: 'forced', bytes: `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<x>&a;</x>\n`, forced: true },
  ];
  for (const v of variants) {
    const path = tempFile(`${v.name}.xml`, v.bytes);
    const r = await compareFarm(path, ...(v.forced === true ? ['--input-format', 'gpo-xml'] : []));
    const line = assertCleanError(r, v.name);
    assert.ok(/the XML declares a (DOCTYPE|ENTITY)/.test(line), `${v.name}: ${line}`);
  }
});

test('the guard runs before the XML parser: parse() returns XML_DOCTYPE_REJECTED for 100,000 nested entity references in well under a second', () => {
  const dtd = `<!DOCTYPE GPO [ <!ENTITY a "${'x'.repeat(1000)}"> ]>`;
  const text = withDtd(dtd, '&a;'.repeat(100_000));
  const { value: r, ms } = timed(() => gpoXmlParser.parse(decode('bomb.xml', new TextEncoder().encode(text)), {}));
  assert.is(r.ok, false);
  if (!r.ok) assert.equal(r.diagnostics.map((d) => d.code), ['XML_DOCTYPE_REJECTED']);
  assert.ok(ms < 1000, `took ${ms} ms`);
});

test('invalid character references (&#x110000;, &#xD800;, &#0;) are GPOXML_MALFORMED with a line, not exceptions', () => {
  for (const ref of ['&#x110000;', '&#xD800;', '&#0;', '&#99999999999;', '&#x;']) {
    const text = GPO.replace(NAME, `<q1:Name>x${ref}y</q1:Name>`);
    const r = gpoXmlParser.parse(decode('ref.xml', new TextEncoder().encode(text)), {});
    assert.is(r.ok, false, ref);
    if (!r.ok) {
      assert.equal(r.diagnostics.map((d) => d.code), ['GPOXML_MALFORMED'], ref);
      assert.ok((r.diagnostics[0]?.ref.line ?? 0) > 1, `${ref}: has a line`);
    }
  }
});

test.run();
