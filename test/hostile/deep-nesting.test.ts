/**
 * @fileoverview 10,000-deep (and 100,000-deep) nesting: ps-json property values and roots, GPO XML elements, and the
 * untrusted requirement and waiver files (JSON and YAML, plus a YAML alias bomb) end in a normal result or a clean
 * one-line error, never a stack overflow ("internal error"). ps-json used to overflow in valueItems (nested lists)
 * and in JSON.stringify of an unreadable value; both are bounded now.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { psJsonParser } from '../../parsers/ps-json/index.js';
import { decode } from '../../src/input/decode.js';
import { isRegistered } from '../fuzz/corpus.js';
import { assertCleanError, cli, compareFarm, ROOT, tempFile } from './helpers.js';

const PS = readFileSync(join(ROOT, 'fixtures/ps-json/single-object.json'), 'utf8');
const DEPTHS = [10_000, 100_000];

const nestedList = (n: number, inner: string): string => `${'['.repeat(n)}${inner}${']'.repeat(n)}`;
const nestedObject = (n: number, inner: string): string => `${'{"a":'.repeat(n)}${inner}${'}'.repeat(n)}`;

function psWith(member: string, value: string): string {
  const at = PS.indexOf(`"${member}":`);
  const end = PS.indexOf('\n', at);
  const comma = PS.slice(at, end).trimEnd().endsWith(',') ? ',' : '';
  return `${PS.slice(0, at)}"${member}": ${value}${comma}${PS.slice(end)}`;
}

function parsePs(text: string) {
  return psJsonParser.parse(decode('deep.ps.json', new TextEncoder().encode(text)), {});
}

test('ps-json: a 10,000- and 100,000-deep list or object as Program keeps the rule (program condition), no overflow', () => {
  for (const n of DEPTHS) {
    for (const value of [nestedList(n, '"x"'), nestedObject(n, '1')]) {
      const r = parsePs(psWith('Program', value));
      assert.ok(r.ok, `depth ${n}`);
      if (!r.ok) continue;
      assert.is(r.ruleSet.rules.length, 1);
      const conditions = r.ruleSet.rules[0]?.conditions ?? [];
      assert.ok(conditions.some((c) => c.kind === 'program'), `depth ${n}: the rule is conditional on its (unreadable) program`);
    }
  }
});

test('ps-json: a 10,000-deep LocalPort is an error at its line (PSJSON_UNREADABLE_VALUE) and the CLI exits 2 with one line', async () => {
  const text = psWith('LocalPort', nestedList(10_000, '"80"'));
  const r = parsePs(text);
  assert.ok(r.ok);
  if (!r.ok) return;
  const errors = r.ruleSet.diagnostics.filter((d) => d.severity === 'error');
  assert.equal(errors.map((d) => [d.code, d.ref.line]), [['PSJSON_UNREADABLE_VALUE', 12]]);
  assert.ok((errors[0]?.message.length ?? 0) < 200, 'the message does not quote the whole value');
  const path = tempFile('deep-port.ps.json', text);
  const line = assertCleanError(await compareFarm(path), 'deep LocalPort');
  assert.ok(line.startsWith(`k2audit: ${path}:12: `), line);
});

test('ps-json: 10,000- and 100,000-deep roots and {value,Count} wrappers end in a clean error', async () => {
  for (const n of DEPTHS) {
    for (const text of [nestedList(n, PS), `${'{"value":['.repeat(n)}${PS}${']}'.repeat(n)}`, nestedList(n, '')]) {
      const path = tempFile('deep-root.json', text);
      assertCleanError(await compareFarm(path), `depth ${n}`);
      const forced = await compareFarm(path, '--input-format', 'ps-json');
      assertCleanError(forced, `depth ${n} forced`);
    }
  }
});

test('gpo-xml: 10,000-deep elements inside the firewall extension are GPOXML_MALFORMED (depth limit 64), exit 2', async () => {
  const inner = `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`;
  const text = readFileSync(join(ROOT, 'fixtures/gpo-xml/k2-gpo.xml'), 'utf8').replace('<q1:Version>2.20</q1:Version>', inner);
  const path = tempFile('deep.gpo.xml', text);
  const line = assertCleanError(await compareFarm(path), 'deep xml');
  assert.ok(line.includes('malformed XML: elements nested deeper than 64 levels'), line);
});

test('requirement and waiver files: 10,000-deep JSON and YAML, and a YAML alias bomb, are clean errors', async () => {
  const cases: { name: string; option: string; text: string; expect: RegExp }[] = [
    { name: 'deep-req.json', option: '--requirements', text: `{"requirements":[{"id":"x","direction":"in","protocol":"tcp","ports":"22","component":${nestedList(10_000, '')}}]}`, expect: /component: expected a string/ },
    { name: 'deep-req.yaml', option: '--requirements', text: `requirements: ${nestedList(10_000, '')}\n`, expect: /invalid YAML/ },
    { name: 'deep-waiver.json', option: '--waivers', text: `{"waivers":${nestedList(10_000, '')}}`, expect: /waivers\[0\]/ },
    { name: 'laughs.yaml', option: '--waivers', text: `${aliasBomb()}\nwaivers: *j\n`, expect: /Excessive alias count/ },
  ];
  for (const c of cases) {
    const path = tempFile(c.name, c.text);
    const line = assertCleanError(await compareFarm(join(ROOT, 'fixtures/sample/k2-farm-node.netsh.txt'), c.option, path), c.name);
    assert.ok(c.expect.test(line), `${c.name}: ${line}`);
  }
});

/** Ten levels of nine aliases each: 9^9 strings once expanded. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 0; i < 9; i++) {
    const p = String.fromCharCode(97 + i);
    const q = String.fromCharCode(98 + i);
    lines.push(`${q}: &${q} [${Array(9).fill(`*${p}`).join(',')}]`);
  }
  return lines.join('\n');
}

const nftName = 'nft JSON: a 10,000-deep expression ends in a normal result or a clean error';
if (isRegistered('nft')) {
  // parsers/nft/json-parse.ts refuses documents nested deeper than 256 levels before interpreting them.
  test(nftName, async () => {
    const base = readFileSync(join(ROOT, 'fixtures/nft/filter-input.json'), 'utf8');
    const at = base.indexOf('"expr"');
    const deep = `"expr": [{"match":{"op":"==","left":${nestedObject(10_000, '1').replace(/"a"/g, '"payload"')},"right":22}}], "x"`;
    const path = tempFile('deep.nft.json', `${base.slice(0, at)}${deep}${base.slice(at + 6)}`);
    const r = await cli(['parse', path, '--format', 'json']);
    assert.not.ok(r.stderr.includes('internal error'), r.stderr);
    assert.is(r.code, 2);
    assert.match(r.stderr, /NFT_BAD_JSON JSON nested deeper than 256 levels/);
  });
}

test.run();
