/**
 * @fileoverview A wide rule after more scattered earlier decisions than one query may visit gets an opening that is
 * an upper bound, and its finding says so; below the budget the opening is exact (no flag).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { overPermissiveFindings } from '../../../src/analyses/over-permissive.js';
import { DEFAULT_MATCH_SETTINGS } from '../../../src/engine/rule-match.js';
import { buildUnits } from '../../../src/engine/units.js';
import { findingMessage } from '../../../src/findings/messages.js';
import type { Finding } from '../../../src/findings/finding.js';
import { chainSet, req, reqSet, rule } from '../../helpers/build.js';

/** `n` single-port accepts from anywhere (ports 1000, 1002, …), then a rate-limited accept of 1000-9999. */
function findings(n: number): Finding[] {
  const singles = Array.from({ length: n }, (_, i) => rule({ line: i + 1, proto: 'tcp', local: String(1000 + 2 * i) }));
  const wide = rule({ line: n + 1, proto: 'tcp', local: '1000-9999', conditions: ['-m limit'] });
  const built = buildUnits([{ file: 'f', ruleSet: chainSet({ 'filter/INPUT': ['drop', [...singles, wide]] }) }], DEFAULT_MATCH_SETTINGS);
  if (!built.ok) throw new Error(built.error);
  return overPermissiveFindings(built.units, reqSet([req('host', 'in', 'tcp', '5555')]), { fwProfile: 'domain', settings: DEFAULT_MATCH_SETTINGS });
}

function wideFinding(fs: Finding[], line: number): Finding {
  const f = fs.find((x) => x.id === `over-permissive:f:${line}`);
  if (f === undefined || f.code !== 'RULE_OVER_PERMISSIVE') throw new Error('no finding for the wide rule');
  return f;
}

test('few earlier single ports: the exact opening, holes and all, no upper-bound flag', () => {
  const f = wideFinding(findings(3), 4);
  assert.ok(f.code === 'RULE_OVER_PERMISSIVE' && f.args.upperBound === undefined);
  assert.ok(f.code === 'RULE_OVER_PERMISSIVE' && f.args.excess.startsWith('1001,1003,1005-5554,5556-9999/tcp'), f.code === 'RULE_OVER_PERMISSIVE' ? f.args.excess : '');
  assert.not.match(findingMessage(f), /at most/);
});

test('thousands of earlier single ports: an upper bound, flagged in args and message', () => {
  const f = wideFinding(findings(2000), 2001);
  assert.ok(f.code === 'RULE_OVER_PERMISSIVE' && f.args.upperBound === true);
  assert.match(findingMessage(f), /at most \(earlier rules already decide too many scattered parts of its range to list\)/);
});

test.run();
