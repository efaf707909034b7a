/**
 * @fileoverview A bad input gets exactly one stderr line, whatever the input holds. Regression (fuzz-found): ps-json
 * quoted V8's JSON error message, which carries a snippet of the input, newlines and control characters included, so
 * one error became several lines; and every parser's diagnostic sink now escapes control characters in messages, since
 * quoted CSV fields, JSON strings and XML text can hold line breaks; and the CLI escapes whatever it prints.
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isRegistered } from '../fuzz/corpus.js';
import { HiveBuilder } from './hive-builder.js';
import { assertCleanError, compareFarm, ROOT, tempFile } from './helpers.js';

test('ps-json: invalid JSON with newlines and control characters near the error → one line (with the line where V8 gives a position)', async () => {
  // V8 gives a position (hence a line) for most errors, not for "Unexpected token …".
  const cases: [string, number | undefined][] = [
    ['[{"Name": "a",\n "x":\n tru\u001b[31m\n}]', undefined],
    ['[{"Name": "a",\n\n "x": 1,\n}]', 4],
    ['{"Rules": [\n  {"Name": "a\u0001"}\n', 2],
  ];
  for (const [text, line] of cases) {
    const path = tempFile('bad.ps.json', text);
    const msg = assertCleanError(await compareFarm(path, '--input-format', 'ps-json'), JSON.stringify(text));
    assert.ok(msg.startsWith(`k2audit: ${path}${line === undefined ? '' : `:${line}`}: not valid JSON (`), msg);
    assert.not.ok(/[\u0000-\u001f]/.test(msg), `no raw control character: ${JSON.stringify(msg)}`);
    assert.not.ok(msg.includes('is not valid JSON'), 'the input snippet is not quoted');
  }
});

test('values with line breaks (a quoted CSV field, XML text, a JSON string) are quoted escaped: still one line (fuzz-found)', async () => {
  const csv = tempFile('nl.csv', 'Name,DisplayName,Enabled,Direction,Action,Profile,Protocol,LocalPort,RemotePort,RemoteAddress,Program\nr1,x,True,Inbound,Allow,"Domain, P\nivate",TCP,80,Any,Any,Any\n');
  const line = assertCleanError(await compareFarm(csv), 'csv');
  assert.ok(line.includes('invalid profile "Domain, P\\nivate"'), line);
  const ps = tempFile('nl.ps.json', JSON.stringify([{ Name: 'r', DisplayName: 'x', Enabled: 'True', Direction: 'Inbound', Action: 'Allow', Profile: 'Dom\u001b[31mn\nx', Protocol: 'TCP', LocalPort: '80', RemotePort: 'Any', LocalAddress: 'Any', RemoteAddress: 'Any' }]));
  const psLine = assertCleanError(await compareFarm(ps), 'ps-json');
  assert.ok(psLine.includes('Dom\\u001b[31mn\\nx'), psLine);
  const gpo = readFileSync(`${ROOT}fixtures/gpo-xml/k2-gpo.xml`, 'utf8').replace('<q1:LPort>5555</q1:LPort>', '<q1:LPort>55\n55</q1:LPort>');
  const xmlLine = assertCleanError(await compareFarm(tempFile('nl.gpo.xml', gpo)), 'gpo-xml');
  assert.ok(xmlLine.includes('55\\n55'), xmlLine);
});

test('an escape sequence in an export line is escaped in the error line (iptables, netsh sinks)', async () => {
  const path = tempFile('esc.iptables-save', '*filter\n:INPUT DROP [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\n\u001b]0;pwned\u0007\u001b[2J\nCOMMIT\n');
  const msg = assertCleanError(await compareFarm(path), 'escape');
  assert.not.ok(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(msg), JSON.stringify(msg));
  assert.ok(msg.includes('\\u001b]0;pwned'), msg);
});

// The requirement file's message still quotes V8's snippet (src/input/structured-file.ts); main.ts escapes it to one line.
test('requirement file: invalid JSON with a newline near the error → one line', async () => {
  const req = tempFile('bad-req.json', '{"requirements": [\n x}');
  assertCleanError(await compareFarm(`${ROOT}fixtures/sample/k2-farm-node.netsh.txt`, '--requirements', req), 'requirements');
});

// Messages pushed straight into a diagnostics list (wfw's WFW_NOT_A_RULE quotes a value name from the hive) and
// element paths are escaped where src/cli prints them.
test('a control character in a .wfw value name never reaches the terminal raw', async () => {
  const h = new HiveBuilder();
  const rules = h.key('FirewallRules', { valueCells: [h.rawValue('x\u001b]0;pwned\u0007', 4, 0x80000004, 1)] });
  const path = tempFile('esc.wfw', h.build(h.key('{801AD782-2C93-4312-8761-0903172D6D83}', { root: true, subkeys: [rules] })));
  const msg = assertCleanError(await compareFarm(path), 'wfw value name');
  assert.not.ok(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(msg), JSON.stringify(msg));
});

if (isRegistered('nft')) {
  // NFT_BAD_JSON quotes V8's message with its input snippet; the printed line is escaped to one line.
  test('nft JSON: invalid JSON with a newline near the error → one line', async () => {
    const path = tempFile('bad.nft.json', '{"nftables": [\n {"table": {"family": "ip",\n x}}]}');
    assertCleanError(await compareFarm(path, '--input-format', 'nft'), 'nft json');
  });
}

test.run();
