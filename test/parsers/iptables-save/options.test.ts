import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readOptions } from '../../../parsers/iptables-save/options.js';
import { renderMatch } from '../../../parsers/iptables-save/spec.js';

const split = (s: string): string[] => s.split(' ');

test('basic options, matches and the target are split; -p loads the implicit tcp match for --dport', () => {
  const spec = readOptions(split('-s 10.0.0.0/8 -p tcp --dport 22 -m state --state NEW -j ACCEPT'));
  assert.equal(spec.basics.map((o) => `${o.name} ${o.values.join(' ')}`), ['-s 10.0.0.0/8', '-p tcp']);
  assert.equal(spec.matches.map((m) => `${m.module}${m.implicit ? '(implicit)' : ''}: ${m.options.map((o) => o.name).join(',')}`), [
    'tcp(implicit): --dport',
    'state: --state',
  ]);
  assert.equal(spec.target, { name: 'ACCEPT', goto: false, options: [] });
  assert.equal(spec.problems, []);
});

test('options may come in any order, also after the target, and -p after --dport still loads tcp', () => {
  const spec = readOptions(split('-m tcp --dport 1 -p tcp -j LOG --log-prefix x -m limit --limit 3/min'));
  assert.equal(spec.matches.map((m) => renderMatch(m)), ['-m tcp --dport 1', '-m limit --limit 3/min']);
  assert.equal(spec.target?.options.map((o) => `${o.name}=${o.values[0] ?? ''}`), ['--log-prefix=x']);
  const late = readOptions(split('--dport 22 -p tcp -j ACCEPT'));
  assert.equal(late.matches.map((m) => m.module), ['tcp']);
});

test('negation before an option, the legacy "-s ! X" form with a warning, and "!" as a free-text value', () => {
  const spec = readOptions(split('! -s 1.2.3.4 -d ! 5.6.7.8 -p tcp -m tcp ! --dport 22'));
  assert.equal(spec.basics.map((o) => [o.name, o.negated, o.legacyNegation]), [
    ['-s', true, false],
    ['-d', true, true],
    ['-p', false, false],
  ]);
  assert.equal(spec.matches[0]?.options[0]?.negated, true);
  assert.equal(spec.problems.map((p) => p.code), ['IPT_LEGACY_NEGATION']);
  const comment = readOptions(['-m', 'comment', '--comment', '!', '-j', 'ACCEPT']);
  assert.equal(comment.matches[0]?.options[0]?.values, ['!']);
  assert.equal(comment.target?.name, 'ACCEPT');
});

test('arity: --tcp-flags and --match-set take two values, flags none, --opt=value works', () => {
  const spec = readOptions(split('-p tcp --tcp-flags SYN,ACK SYN --syn -m set --match-set s src,dst --dport=80'));
  assert.equal(spec.matches.map((m) => renderMatch(m)), ['-m tcp --tcp-flags SYN,ACK SYN --syn --dport 80', '-m set --match-set s src,dst']);
});

test('unknown options, unknown modules, stray arguments and missing values are problems with Conditions', () => {
  const spec = readOptions(split('-p udp -m multiport --ports 8080:8081 --something-else -j ACCEPT'));
  assert.equal(spec.problems.map((p) => `${p.severity} ${p.code} ${p.message}`), ['warning IPT_UNKNOWN_OPTION unknown option "--something-else"']);
  assert.equal(spec.conditions, [{ kind: 'match', text: '--something-else' }]);
  const mod = readOptions(split('-m foo --bar 1 -j ACCEPT'));
  assert.equal(mod.problems.map((p) => p.code), ['IPT_UNKNOWN_MATCH']);
  assert.equal(renderMatch(mod.matches[0]!), '-m foo --bar 1');
  const stray = readOptions(split('-p tcp oops -j ACCEPT'));
  assert.equal(stray.problems.map((p) => p.code), ['IPT_BAD_TOKEN']);
  assert.equal(stray.conditions, [{ kind: 'other', text: 'unreadable argument "oops"' }]);
  const missing = readOptions(split('-p tcp --dport'));
  assert.equal(missing.problems.map((p) => p.code), ['IPT_MISSING_VALUE']);
});

test('-c counters, -4/-6 inside the spec and a rule without target', () => {
  const spec = readOptions(split('-c 10 20 -6 -p tcp'));
  assert.equal(spec.basics.map((o) => o.name), ['-p']);
  assert.is(spec.family, 'ipv6');
  assert.is(spec.target, undefined);
  assert.equal(spec.problems, []);
});

test('renderMatch quotes values that need it', () => {
  const spec = readOptions(['-m', 'string', '--string', 'GET /x', '--algo', 'bm']);
  assert.is(renderMatch(spec.matches[0]!), '-m string --string "GET /x" --algo bm');
});

test.run();
