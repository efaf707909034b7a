import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fromText } from '../../../src/input/decode.js';
import { psJsonParser } from '../../../parsers/ps-json/index.js';
import { loadFixture } from './helpers.js';

const detect = (text: string) => psJsonParser.detect(fromText('x', text));

test('detects every PowerShell JSON fixture shape', () => {
  for (const f of ['collect-script.ps.json', 'numeric-enums.json', 'filter-join.json', 'filters-only.json', 'raw-rules.json', 'depth-truncated.json', 'profiles.json', 'invalid-values.json', 'nested-filters.json', 'compressed.json', 'single-object.json']) {
    assert.ok(psJsonParser.detect(loadFixture(`fixtures/ps-json/${f}`)), f);
  }
  assert.ok(psJsonParser.detect(loadFixture('fixtures/cross/k2-node.ps.json')));
});

test('does not claim other JSON, CSV or text', () => {
  assert.not.ok(detect('{"nftables": [{"rule": {"family": "inet", "table": "filter", "chain": "input", "expr": []}}]}'));
  assert.not.ok(detect('{"@odata.type": "#microsoft.graph.windowsFirewallRule", "displayName": "x", "trafficDirection": "in", "action": "allowed"}'));
  assert.not.ok(detect('{"requirements": [{"id": "ssh", "direction": "in", "protocol": "tcp", "ports": "22"}]}'));
  assert.not.ok(detect('"Name","DisplayName","Direction","Action"\r\n"a","b","Inbound","Allow"\r\n'));
  assert.not.ok(detect('Rule Name:   x\r\n"Direction": "Action"\r\n'));
});

test.run();
