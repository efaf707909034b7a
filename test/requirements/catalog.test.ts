/**
 * @fileoverview servicesIn / describeService(s): which catalog services a port range exposes.
 */
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { NO_PORTS, ports } from '../../src/model/port-set.js';
import { TCP, UDP } from '../../src/model/protocol.js';
import { CATALOG, describeService, describeServices, servicesIn } from '../../src/requirements/catalog.js';
import type { CatalogEntry } from '../../src/requirements/types.js';

test('1024-65535/tcp names Remote Desktop 3389, WinRM 5985/5986 and SQL Server 1433', () => {
  const labels = servicesIn(TCP, ports([1024, 65535])).map(describeService);
  for (const l of [
    'Remote Desktop Services 3389/tcp',
    'WinRM 2.0 5985/tcp',
    'WinRM 2.0 5986/tcp',
    'Microsoft SQL Server 1433/tcp',
    'Randomly allocated high TCP ports 1024-65535/tcp',
  ]) {
    assert.ok(labels.includes(l), l);
  }
  assert.not.ok(labels.includes('Remote Desktop Services 3389/udp'));
  assert.not.ok(labels.some((l) => l.startsWith('Kerberos Key Distribution Center 88/')));
});

test('results are sorted by first port, then service, and match exactly the overlapping entries', () => {
  const found = servicesIn(TCP, ports([1024, 65535]));
  const expected = CATALOG.filter((e) => e.protocol === TCP && e.ports !== undefined && e.ports.overlaps(ports([1024, 65535])));
  assert.is(found.length, expected.length);
  const keys = found.map((e) => [e.ports?.first() ?? -1, e.service] as const);
  const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  assert.equal(keys, sorted);
  assert.is(found[0]?.service, 'Randomly allocated high TCP ports');
});

test('single ports, disjoint sets and protocols', () => {
  const high = 'Randomly allocated high TCP ports 1024-65535/tcp';
  assert.equal(servicesIn(TCP, ports(3389)).map(describeService), [high, 'Remote Desktop Services 3389/tcp']);
  assert.equal(servicesIn(TCP, ports(23)).map(describeService), ['Telnet 23/tcp']);
  assert.equal(servicesIn(UDP, ports(2703)).map(describeService), ['SMS Remote Control Agent 2703/udp']);
  assert.equal(
    servicesIn(TCP, ports(23, 5986)).map(describeService),
    ['Telnet 23/tcp', high, 'WinRM 2.0 5986/tcp'],
  );
  assert.equal(servicesIn(TCP, ports(8)), []);
  assert.equal(servicesIn(TCP, NO_PORTS), []);
  assert.equal(servicesIn(132, ports(80)), []);
  assert.equal(servicesIn(47, ports(0)).map(describeService), ['Routing and Remote Access (gre)']);
});

test('describeServices names each service once per protocol', () => {
  const labels = describeServices(servicesIn(TCP, ports([5985, 5986])));
  assert.equal(labels, ['Randomly allocated high TCP ports 1024-65535/tcp', 'WinRM 2.0 5985-5986/tcp']);
});

test('servicesIn equals a filter of the whole catalog, in order, for sets of one to hundreds of intervals', () => {
  const byPortThenService = (a: CatalogEntry, b: CatalogEntry): number =>
    (a.ports?.first() ?? -1) - (b.ports?.first() ?? -1) || (a.service < b.service ? -1 : a.service > b.service ? 1 : 0) || a.seed.line - b.seed.line;
  const set = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 300 })
    .map((spans) => ports(...spans.map(([lo, len]): [number, number] => [lo, Math.min(65535, lo + len)])));
  fc.assert(
    fc.property(fc.constantFrom(TCP, UDP, 47), set, (protocol, s) => {
      const expected = CATALOG.filter((e) => e.protocol === protocol && (e.ports === undefined || e.ports.overlaps(s))).sort(byPortThenService);
      assert.equal(servicesIn(protocol, s), expected);
    }),
    { numRuns: 300, seed: 20261121 },
  );
});

test.run();
