import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fromText } from '../../../src/input/decode.js';
import { COLLECT_COMMAND } from '../../../parsers/ps-json/advice.js';
import { psJsonParser } from '../../../parsers/ps-json/index.js';
import { loadFixture, refusal } from './helpers.js';

test('raw Get-NetFirewallRule JSON (no filter data): one error naming the collection script', () => {
  const d = refusal(psJsonParser, loadFixture('fixtures/ps-json/raw-rules.json'));
  assert.is(d.code, 'PSJSON_NO_FILTER_DATA');
  assert.ok(d.message.includes(COLLECT_COMMAND), d.message);
  assert.ok(d.message.includes('carry no ports or addresses'));
  assert.equal(d.ref, { file: 'fixtures/ps-json/raw-rules.json' });
});

test('nested filters cut to type names by the default -Depth: refused, saying so', () => {
  const d = refusal(psJsonParser, loadFixture('fixtures/ps-json/depth-truncated.json'));
  assert.is(d.code, 'PSJSON_NO_FILTER_DATA');
  assert.ok(d.message.includes('-Depth'));
});

test('filter collections without the rules: refused (Enabled/Direction/Action are unknown)', () => {
  const d = refusal(psJsonParser, loadFixture('fixtures/ps-json/filters-only.json'));
  assert.is(d.code, 'PSJSON_FILTERS_ONLY');
  assert.ok(d.message.includes(COLLECT_COMMAND));
});

test('invalid JSON is refused at the line of the syntax error; empty and unrelated JSON too', () => {
  const broken = refusal(psJsonParser, fromText('broken.json', '[\n  {\n    "Name": "A",\n    "Direction": 1,\n  ]\n'));
  assert.is(broken.code, 'PSJSON_INVALID_JSON');
  assert.is(broken.ref.line, 5);
  assert.is(refusal(psJsonParser, fromText('empty.json', '  \r\n')).code, 'PSJSON_EMPTY');
  assert.is(refusal(psJsonParser, fromText('other.json', '{"nftables": [{"metainfo": {"version": "1.0.6"}}]}')).code, 'PSJSON_UNRECOGNIZED');
  assert.is(refusal(psJsonParser, fromText('truncated.json', '[{"Name":"A","Direction":1,"Action":2,"LocalPort":"80"')).code, 'PSJSON_INVALID_JSON');
});

test.run();
