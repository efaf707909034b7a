import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { keyIntervals, rawBox, stateAtoms } from '../../../src/analyses/anomalies/box.js';
import { DEFAULT_MATCH_SETTINGS } from '../../../src/engine/rule-match.js';
import { AddressSet } from '../../../src/model/address-set.js';
import { ALL_PORTS, ports } from '../../../src/model/port-set.js';
import { ANY_PROTOCOL, protocols, TCP, UDP } from '../../../src/model/protocol.js';
import { rule } from '../../helpers/build.js';

const V4 = AddressSet.ANY_V4;
const box = (r: ReturnType<typeof rule>) => rawBox(r, V4, DEFAULT_MATCH_SETTINGS, [0]);

test('keys: any protocol and port is one interval; tcp+udp ports are one interval per protocol and range', () => {
  assert.equal(keyIntervals(ANY_PROTOCOL, ALL_PORTS, [0]), [0, 256 * 65536 - 1]);
  assert.equal(keyIntervals(protocols(TCP, UDP), ports(22, [80, 81]), [0]), [TCP * 65536 + 22, TCP * 65536 + 22, TCP * 65536 + 80, TCP * 65536 + 81, UDP * 65536 + 22, UDP * 65536 + 22, UDP * 65536 + 80, UDP * 65536 + 81]);
  assert.equal(keyIntervals(protocols(TCP), ALL_PORTS, [0, 1]), [TCP * 65536, TCP * 65536 + 65535, (256 + TCP) * 65536, (256 + TCP) * 65536 + 65535]);
  assert.is(keyIntervals(ANY_PROTOCOL, ports(...Array.from({ length: 10 }, (_, i) => 2 * i)), [0]), undefined);
});

test('state atoms: one atom without state matches; NEW-only splits NEW from the other states', () => {
  const plain = [rule({ line: 1 }), rule({ line: 2 })];
  assert.equal(plain.map(stateAtoms(plain)), [[0], [0]]);
  const mixed = [rule({ line: 1, states: ['new'] }), rule({ line: 2 }), rule({ line: 3, states: ['new', 'established'] })];
  assert.equal(mixed.map(stateAtoms(mixed)), [[0], [0, 1, 2], [0, 1]]);
});

test('certain boxes are exact; conditions, keywords, symbols, local address and source ports make them uncertain', () => {
  const plain = box(rule({ line: 1, proto: 'tcp', local: '22', remote: '10.0.0.0/8' }));
  assert.ok(plain !== undefined && plain.certain && !plain.universal);
  assert.equal(plain?.addrs.v4.intervals(), [[0x0a000000, 0x0affffff]]);
  for (const r of [
    rule({ line: 1, proto: 'tcp', local: '22', conditions: ['program x'] }),
    rule({ line: 1, proto: 'tcp', keywords: ['RPC'] }),
    rule({ line: 1, proto: 'tcp', local: '22', remoteSymbols: ['LocalSubnet'] }),
    rule({ line: 1, proto: 'tcp', local: '22', localAddr: '10.0.0.1' }),
    rule({ line: 1, proto: 'tcp', local: '22', remotePort: '1024-65535' }),
  ]) {
    const b = box(r);
    assert.ok(b !== undefined && !b.certain, JSON.stringify(r.conditions) + r.localAddresses.symbols.join());
  }
  const symbolic = box(rule({ line: 1, proto: 'tcp', local: '22', remoteSymbols: ['LocalSubnet'] }));
  assert.ok(symbolic?.addrs.contains(V4), 'the upper bound of a symbolic address is every address');
});

test('the catch-all rule is universal; a negated address keeps the rule certain', () => {
  assert.is(box(rule({ line: 1, action: 'block' }))?.universal, true);
  assert.is(box(rule({ line: 1, proto: 'tcp', action: 'block' }))?.universal, false);
  const neg = box(rule({ line: 1, proto: 'tcp', local: '22', remote: '10.0.0.0/8', negateRemote: true }));
  assert.ok(neg !== undefined && neg.certain && !neg.addrs.overlaps(AddressSet.v4Range(0x0a000000, 0x0affffff)));
});

test.run();
