/**
 * @fileoverview The decimal fast path of the port reader (`22`, `1024:65535`) gives the set the general reader gives,
 * and leaves every other token (services, open ranges, reversed or out-of-range values, junk) to it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { NO_PORTS } from '../../../src/model/port-set.js';
import { generalPort, plainPortRange, readPort } from '../../../parsers/iptables-save/values.js';

const part = fc.oneof(fc.nat(70000).map(String), fc.nat(99).map((n) => `00${n}`), fc.constantFrom('', 'ssh', 'http', ' 1', '1 ', '-1', '1e3', '123456', '٣'));
const token = fc.oneof(part, fc.tuple(part, part).map(([a, b]) => `${a}:${b}`), fc.string({ maxLength: 8 }));

test('fast path agrees with the general reader wherever it answers; readPort agrees with it everywhere', () => {
  fc.assert(
    fc.property(token, (t) => {
      const general = generalPort(t);
      const fast = plainPortRange(t);
      if (fast !== undefined) assert.ok(general.ok && general.value.equals(fast), t);
      const r = readPort(t);
      assert.is(r.ok, general.ok, t);
      if (r.ok && general.ok) assert.ok(r.value.equals(general.value), t);
      if (!r.ok && !general.ok) assert.is(r.error, general.error, t);
    }),
    { numRuns: 20_000 },
  );
});

test('fast path: plain decimal ports and ranges only', () => {
  const ssh = plainPortRange('22');
  assert.ok(ssh !== undefined && ssh.first() === 22 && ssh.last() === 22);
  assert.ok(ssh.equals(plainPortRange('0022') ?? NO_PORTS));
  assert.is(plainPortRange('1024:65535')?.count, 1);
  assert.is(plainPortRange('80:79'), undefined);
  assert.is(plainPortRange('1024:'), undefined);
  assert.is(plainPortRange(':1023'), undefined);
  assert.is(plainPortRange('65536'), undefined);
  assert.is(plainPortRange('ssh'), undefined);
});

test.run();
