/**
 * @fileoverview The port index and its reuse for edited rule sets (simulated fixes): an index built on top of another
 * for a rule set that replaces or appends rules answers exactly like an index built from scratch, whether the edit was
 * noted by simulate.ts (replaceRules, withRule, insertInChain) or is found by comparing the rule lists.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_MATCH_SETTINGS } from '../../src/engine/rule-match.js';
import { RuleIndex } from '../../src/engine/rule-index.js';
import { replaceRules, withRule } from '../../src/analyses/remediation/simulate.js';
import { formatPorts } from '../../src/model/port-set.js';
import type { Rule, RuleSet } from '../../src/model/rule.js';
import { rule, windowsSet } from '../helpers/build.js';
import { prng } from '../analyses/anomalies/random-shapes.js';
import { pick, PORTS } from '../helpers/random-rule-sets.js';

const S = DEFAULT_MATCH_SETTINGS;
const QUERIES: [number, number][] = [[0, 65535], [22, 22], [80, 90], [85, 85], [443, 443], [1000, 1500], [49152, 65535], [0, 1023]];

function view(index: RuleIndex, rs: RuleSet) {
  return {
    candidates: QUERIES.flatMap(([lo, hi]) => (['in', 'out'] as const).map((d) => `${d} ${lo}-${hi}: ${index.candidates(d, lo, hi).join(',')}`)),
    covers: rs.rules.map((_, i) => formatPorts(index.cover(i))),
    positions: rs.rules.map((r) => index.position.get(r.id)),
  };
}

function randomRule(r: () => number, line: number): Rule {
  const local = pick(r, PORTS);
  return rule({ line, dir: r() < 0.7 ? 'in' : 'out', action: r() < 0.6 ? 'allow' : 'block', ...(local === undefined ? {} : { local }), ...(r() < 0.1 ? { keywords: ['RPC' as const] } : {}) });
}

test('a reused index answers like a fresh one after noted and unnoted replacements and appends (300 random edits)', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const r = prng(seed);
    const rules = Array.from({ length: 1 + Math.floor(r() * 30) }, (_, i) => randomRule(r, i + 1));
    const rs0 = windowsSet(rules);
    const base = new RuleIndex(rs0, S);
    // A replacement keeps the id and position and may widen or narrow the ports; then maybe one appended rule.
    const byId = new Map<string, Rule>();
    for (const old of rules) if (r() < 0.2) byId.set(old.id, { ...randomRule(r, 1000 + byId.size), id: old.id });
    const noted = replaceRules(rs0, byId, base.position);
    const unnoted: RuleSet = { ...rs0, rules: rs0.rules.map((x) => byId.get(x.id) ?? x) };
    for (const edited of [noted, unnoted]) {
      const rs = r() < 0.5 ? withRule(edited, randomRule(r, 2000)) : edited;
      assert.equal(view(new RuleIndex(rs, S, base), rs), view(new RuleIndex(rs, S), rs), `seed ${seed}`);
    }
  }
});

test.run();
