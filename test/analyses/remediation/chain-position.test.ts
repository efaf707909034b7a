/**
 * @fileoverview Where an ACCEPT must go in a chain: the one-walk answer (firstDecidingLine) and the placement
 * (lastWorkingPosition) against a reference that simulates the ACCEPT at every position, on seeded random chain sets
 * with jumps, gotos, RETURNs, uncertain rules and both policies. Also checks the monotonicity the placement relies on.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_MATCH_SETTINGS } from '../../../src/engine/rule-match.js';
import { buildUnits } from '../../../src/engine/units.js';
import { blockedIn, firstDecidingLine, lastWorkingPosition, positionCount, type ChainFlow } from '../../../src/analyses/remediation/chain-position.js';
import { allowRule, insertInChain } from '../../../src/analyses/remediation/simulate.js';
import { parsePortList } from '../../../src/model/port-set.js';
import { req } from '../../helpers/build.js';
import { prng } from '../anomalies/random-shapes.js';
import { pick, randomChains } from '../../helpers/random-rule-sets.js';

const SETTINGS = DEFAULT_MATCH_SETTINGS;
const REQUIRED_PORTS = ['22', '80', '85', '80-90', '443', '1000-2000', '49152-65535'];
const REQUIRED_REMOTES = ['any', '10.1.2.0/24', '10.0.0.0/8', '192.168.1.1'];

test('the ACCEPT position from one walk is the last position a simulated ACCEPT works at (400 random chain sets)', () => {
  let placed = 0;
  for (let seed = 1; seed <= 400; seed++) {
    const rs = randomChains(seed);
    const built = buildUnits([{ file: 'f', ruleSet: rs }], SETTINGS);
    if (!built.ok || built.units[0] === undefined) throw new Error('no unit');
    const unit = built.units[0];
    const chain = rs.chains?.find((c) => c.key === 'filter/INPUT');
    if (chain === undefined) continue;
    const r = prng(seed * 7919);
    const requirement = req(`r${seed}`, 'in', 'tcp', pick(r, REQUIRED_PORTS), pick(r, REQUIRED_REMOTES));
    const remote = requirement.remote.intersect(unit.universe);
    const flow: ChainFlow = { direction: 'in', protocol: 6, remote, universe: unit.universe };
    const wanted = parsePortList(pick(r, REQUIRED_PORTS));
    if (!wanted.ok) throw new Error(wanted.error);
    const blocked = blockedIn(rs, chain.key, flow, wanted.set, SETTINGS, unit.index);
    if (blocked.isEmpty()) continue;
    const accept = allowRule({ id: 'fix', name: 'fix', file: 'f', req: requirement, ports: blocked, remote });
    const n = positionCount(rs, chain);
    const works = Array.from({ length: n + 1 }, (_, i) => blockedIn(insertInChain(rs, chain.key, i + 1, accept), chain.key, flow, blocked, SETTINGS).isEmpty());
    const last = works.lastIndexOf(true) + 1;
    // Monotone: an ACCEPT that works at some position works at every earlier one.
    assert.ok(works.slice(0, last).every(Boolean), `seed ${seed}: not monotone ${JSON.stringify(works)}`);
    const expected = works[0] === true ? last : undefined;
    assert.is(lastWorkingPosition(rs, chain, accept, flow, blocked, SETTINGS, unit.index), expected, `seed ${seed}`);
    if (expected === undefined) continue;
    assert.is(firstDecidingLine(rs, chain, flow, blocked, SETTINGS, unit.index), expected, `seed ${seed}: the walk`);
    placed++;
  }
  assert.ok(placed > 100, `placed ${placed}`);
});

test.run();
