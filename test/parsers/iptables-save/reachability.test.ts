import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { builtinReach, isBuiltin, propagateReach, REACH_FORWARD, REACH_IN, REACH_OUT } from '../../../parsers/iptables-save/reachability.js';

test('builtin chains: INPUT/PREROUTING in, OUTPUT/POSTROUTING out, FORWARD routed; per-table builtin lists', () => {
  assert.equal(['INPUT', 'PREROUTING', 'OUTPUT', 'POSTROUTING', 'FORWARD', 'mine'].map(builtinReach), [REACH_IN, REACH_IN, REACH_OUT, REACH_OUT, REACH_FORWARD, 0]);
  assert.ok(isBuiltin('raw', 'PREROUTING'));
  assert.not.ok(isBuiltin('raw', 'INPUT'));
  assert.not.ok(isBuiltin('filter', 'PREROUTING'));
});

test('directions propagate transitively, merge, and terminate on cycles', () => {
  const seeds = new Map([['f/INPUT', REACH_IN], ['f/OUTPUT', REACH_OUT], ['f/FORWARD', REACH_FORWARD]]);
  const edges = new Map([
    ['f/INPUT', ['f/A']],
    ['f/OUTPUT', ['f/B']],
    ['f/FORWARD', ['f/C']],
    ['f/A', ['f/B']],
    ['f/B', ['f/A']],
    ['f/X', ['f/Y']],
  ]);
  const r = propagateReach(seeds, edges);
  assert.is(r.get('f/A'), REACH_IN | REACH_OUT);
  assert.is(r.get('f/B'), REACH_IN | REACH_OUT);
  assert.is(r.get('f/C'), REACH_FORWARD);
  assert.is(r.get('f/X'), undefined);
  assert.is(r.get('f/Y'), undefined);
});

test('a long chain of jumps is handled without recursion', () => {
  const edges = new Map<string, string[]>();
  for (let i = 0; i < 50_000; i++) edges.set(`c${i}`, [`c${i + 1}`]);
  const r = propagateReach(new Map([['c0', REACH_OUT]]), edges);
  assert.is(r.get('c50000'), REACH_OUT);
});

test.run();
