/**
 * @fileoverview Rule matching of the diff on built rule sets: multiset pairing of duplicate Windows names, vendor
 * ids, renames, the store field, and first-match chains (moved, replaced in place, comment names, positional names).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diffRules } from '../../../src/analyses/diff/rule-changes.js';
import { DEFAULT_MATCH_SETTINGS } from '../../../src/engine/rule-match.js';
import { buildUnits, type PolicyUnit } from '../../../src/engine/units.js';
import type { Rule, RuleSet } from '../../../src/model/rule.js';
import { chainSet, rule, windowsSet, type RuleSpec } from '../../helpers/build.js';

function units(rs: RuleSet, file: string): PolicyUnit[] {
  const built = buildUnits([{ file, ruleSet: rs }], DEFAULT_MATCH_SETTINGS);
  if (!built.ok) throw new Error(built.error);
  return built.units;
}

/** A rule of file `file` (so refs show the side). */
function on(file: string, s: RuleSpec & { vendorId?: string }): Rule {
  const r = rule(s);
  return { ...r, id: `${file}:${s.line}`, source: { file, line: s.line, ...(s.vendorId === undefined ? {} : { vendorId: s.vendorId }) } };
}

const b = (s: RuleSpec & { vendorId?: string }) => on('b', s);
const a = (s: RuleSpec & { vendorId?: string }) => on('a', s);

function windowsDiff(before: Rule[], after: Rule[]) {
  return diffRules(units(windowsSet(before), 'b'), units(windowsSet(after), 'a')).changes;
}

test('duplicate Windows names pair multiset-wise: reordered duplicates are unchanged, a third one is added', () => {
  const c = windowsDiff(
    [b({ line: 1, name: 'Dup', proto: 'tcp', local: '80' }), b({ line: 2, name: 'Dup', proto: 'tcp', local: '81' })],
    [a({ line: 1, name: 'Dup', proto: 'tcp', local: '81' }), a({ line: 2, name: 'Dup', proto: 'tcp', local: '82' }), a({ line: 3, name: 'Dup', proto: 'tcp', local: '80' })],
  );
  assert.equal([c.added.map((x) => x.ref), c.removed, c.changed, c.unchanged], [['a:2'], [], [], 2]);
});

test('two same-name rules, one changed: the unchanged one pairs with itself, the other is "changed"', () => {
  const c = windowsDiff(
    [b({ line: 1, name: 'Dup', proto: 'tcp', local: '90' }), b({ line: 2, name: 'Dup', proto: 'tcp', local: '80' })],
    [a({ line: 1, name: 'Dup', proto: 'tcp', local: '81' }), a({ line: 2, name: 'Dup', proto: 'tcp', local: '90' })],
  );
  assert.equal(c.changed.map((x) => [x.before.ref, x.after.ref, x.matchedBy, x.fields]), [['b:2', 'a:1', 'name', [{ field: 'localPorts', before: '80', after: '81' }]]]);
  assert.is(c.unchanged, 1);
});

test('same vendor id: changed even when the name changed too (fields name and ports)', () => {
  const c = windowsDiff([b({ line: 1, name: 'Old', proto: 'tcp', local: '80', vendorId: 'R1' })], [a({ line: 9, name: 'New', proto: 'tcp', local: '8080', vendorId: 'R1' })]);
  assert.equal(c.changed.map((x) => [x.matchedBy, x.fields.map((f) => `${f.field}: ${f.before} -> ${f.after}`)]), [['vendor-id', ['name: Old -> New', 'localPorts: 80 -> 8080']]]);
  assert.equal([c.added, c.removed], [[], []]);
});

test('a renamed rule (same content, no vendor id) is "changed" with only the name field', () => {
  const c = windowsDiff([b({ line: 1, name: 'Web', proto: 'tcp', local: '443' })], [a({ line: 5, name: 'HTTPS', proto: 'tcp', local: '443' })]);
  assert.equal(c.changed.map((x) => [x.matchedBy, x.fields]), [['content', [{ field: 'name', before: 'Web', after: 'HTTPS' }]]]);
});

test('same name in the other direction is another rule: one removed, one added', () => {
  const c = windowsDiff([b({ line: 1, name: 'DNS', proto: 'udp', local: '53' })], [a({ line: 1, name: 'DNS', dir: 'out', proto: 'udp', local: '53' })]);
  assert.equal([c.removed.map((x) => x.direction), c.added.map((x) => x.direction), c.changed], [['in'], ['out'], []]);
});

test('the store is compared only when both exports state it', () => {
  const plain = windowsDiff([b({ line: 1, name: 'R', proto: 'tcp', local: '1' })], [a({ line: 1, name: 'R', proto: 'tcp', local: '1', store: 'gpo' })]);
  assert.equal([plain.changed, plain.unchanged], [[], 1]);
  const moved = windowsDiff([b({ line: 1, name: 'R', proto: 'tcp', local: '1', store: 'local' })], [a({ line: 1, name: 'R', proto: 'tcp', local: '1', store: 'gpo' })]);
  assert.equal(moved.changed.map((x) => x.fields), [[{ field: 'store', before: 'local', after: 'gpo' }]]);
});

test('conditions compare as a sorted set; profiles in canonical order', () => {
  const c = windowsDiff(
    [b({ line: 1, name: 'P', proto: 'tcp', local: '1', conditions: ['program x', 'service y'], profiles: ['public', 'domain'] })],
    [a({ line: 1, name: 'P', proto: 'tcp', local: '1', conditions: ['service y', 'program x'], profiles: ['domain', 'public'] })],
  );
  assert.equal([c.changed, c.unchanged], [[], 1]);
});

function chain(file: string, rules: Rule[], policy: 'accept' | 'drop' = 'drop'): RuleSet {
  return chainSet({ 'filter/INPUT': [policy, rules] });
}

function chainDiff(before: Rule[], after: Rule[]) {
  return diffRules(units(chain('b', before), 'b'), units(chain('a', after), 'a')).changes;
}

/** iptables-style rules: positional names unless `name` is given. */
function ipt(file: string, line: number, pos: number, s: Partial<RuleSpec> = {}): Rule {
  return on(file, { line, proto: 'tcp', name: `filter/INPUT rule ${pos}`, ...s });
}

test('first-match: a rule moved to the end of its chain is "moved" with both positions', () => {
  const c = chainDiff(
    [ipt('b', 1, 1, { local: '22' }), ipt('b', 2, 2, { local: '80' }), ipt('b', 3, 3, { local: '443' }), ipt('b', 4, 4, { local: '8080' })],
    [ipt('a', 1, 1, { local: '80' }), ipt('a', 2, 2, { local: '443' }), ipt('a', 3, 3, { local: '8080' }), ipt('a', 4, 4, { local: '22' })],
  );
  assert.equal(c.moved.map((m) => [m.chain, m.before.ref, m.before.position, m.after.ref, m.after.position]), [['filter/INPUT', 'b:1', 1, 'a:4', 4]]);
  assert.equal([c.added, c.removed, c.changed, c.unchanged], [[], [], [], 3]);
});

test('first-match: a rule replaced in place is "changed" (matched by position), positional names ignored', () => {
  const c = chainDiff(
    [ipt('b', 1, 1, { local: '22' }), ipt('b', 2, 2, { local: '80' }), ipt('b', 3, 3, { local: '443' })],
    [ipt('a', 1, 1, { local: '22' }), ipt('a', 2, 2, { local: '8080' }), ipt('a', 3, 3, { local: '443' })],
  );
  assert.equal(c.changed.map((x) => [x.before.ref, x.after.ref, x.matchedBy, x.fields]), [['b:2', 'a:2', 'position', [{ field: 'localPorts', before: '80', after: '8080' }]]]);
});

test('first-match: an insertion shifts positional names without any "changed" entry', () => {
  const c = chainDiff(
    [ipt('b', 1, 1, { local: '22' }), ipt('b', 2, 2, { local: '80' })],
    [ipt('a', 1, 1, { local: '22' }), ipt('a', 2, 2, { local: '25', action: 'block' }), ipt('a', 3, 3, { local: '80' })],
  );
  assert.equal([c.added.map((x) => [x.ref, x.position]), c.changed, c.moved, c.unchanged], [[['a:2', 2]], [], [], 2]);
});

test('first-match: a comment-named rule that moved and changed pairs by its name', () => {
  const c = chainDiff(
    [ipt('b', 1, 1, { name: 'ssh', local: '22' }), ipt('b', 2, 2, { local: '80' })],
    [ipt('a', 1, 1, { local: '80' }), ipt('a', 2, 2, { name: 'ssh', local: '2222' })],
  );
  assert.equal(c.changed.map((x) => [x.before.ref, x.after.ref, x.matchedBy, x.fields.map((f) => f.field)]), [['b:1', 'a:2', 'name', ['localPorts']]]);
  assert.equal([c.added, c.removed, c.moved, c.unchanged], [[], [], [], 1]);
});

test.run();
