import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { normalizeRuleString } from '../../../parsers/windows-rule/normalize.js';
import { assembleRuleSet, RuleIds } from '../../../parsers/windows-rule/rule-set.js';
import { codes } from './helpers.js';

test('rule ids are the value names, made unique across stores and repeats', () => {
  const ids = new RuleIds();
  assert.equal([ids.take('A', 'local'), ids.take('A', 'gpo'), ids.take('A', 'gpo'), ids.take('A', 'local'), ids.take('B', 'gpo')], ['A', 'gpo:A', 'A#2', 'local:A', 'B']);
});

test('directions with rules; a missing one is a warning; no rules / no profiles are infos; diagnostics sorted', () => {
  const diagnostics: Diagnostic[] = [{ severity: 'error', code: 'LATE', message: 'x', ref: { file: 'f', line: 9 } }];
  const r = normalizeRuleString('v2.30|Action=Allow|Active=TRUE|Dir=In|', { id: 'a', source: { file: 'f', line: 2 }, store: 'local', raw: '' }, diagnostics);
  const rs = assembleRuleSet({ file: 'f', prefix: 'REG', rules: [r.rule], profiles: undefined, diagnostics, accounting: { total: 0, parsed: 0, ignored: {}, unsupported: 0 }, noProfilesAdvice: 'advice' });
  assert.equal(rs.directions, ['in']);
  assert.is(rs.semantics, 'windows');
  assert.equal(rs.families, ['ipv4', 'ipv6']);
  assert.equal(codes(rs.diagnostics), ['REG_DIRECTION_MISSING@-', 'REG_NO_PROFILE_SETTINGS@-', 'LATE@9']);
  const empty = assembleRuleSet({ file: 'f', prefix: 'POL', rules: [], profiles: {}, diagnostics: [], accounting: { total: 0, parsed: 0, ignored: {}, unsupported: 0 }, noProfilesAdvice: '' });
  assert.equal(empty.directions, []);
  assert.equal(codes(empty.diagnostics), ['POL_NO_RULES@-']);
});

test.run();
