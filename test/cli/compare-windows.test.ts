import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from './run-cli.js';

const FIX = 'fixtures/compare/precedence.netsh.txt';

interface JsonReq {
  id: string;
  status: string;
  missing: number[][];
  allowedBy: string[];
  blockedBy: string[];
}

async function requirements(extra: string[] = []): Promise<Map<string, JsonReq>> {
  const r = await cli(['compare', FIX, '--profile', 'farm', '--format', 'json', '--quiet', ...extra]);
  assert.is(r.code, 1, r.stderr);
  const doc = JSON.parse(r.stdout) as { requirements: JsonReq[] };
  return new Map(doc.requirements.map((q) => [q.id, q]));
}

test('allow and block both covering 5555/tcp inbound → blocked, block rule in blockedBy', async () => {
  const q = (await requirements()).get('k2-host-server-in-tcp');
  assert.equal(q, { ...q!, status: 'blocked', missing: [[5555, 5555]], allowedBy: [], blockedBy: [`${FIX}:16`] });
});

test('an allow limited to the Private profile does not satisfy a Domain audit', async () => {
  const domain = (await requirements()).get('k2-workflow-client-in-tcp');
  assert.is(domain?.status, 'blocked');
  assert.equal(domain?.blockedBy, [`${FIX}#default-inbound-domain`]);
  const priv = (await requirements(['--fw-profile', 'private'])).get('k2-workflow-client-in-tcp');
  assert.is(priv?.status, 'allowed');
  assert.equal(priv?.allowedBy, [`${FIX}:30`]);
});

test('a disabled rule satisfies nothing', async () => {
  assert.is((await requirements()).get('k2-config-service-in-tcp')?.status, 'blocked');
});

test('an allow rule scoped to one remote subnet gives partial', async () => {
  const q = (await requirements()).get('smart-objects-in-tcp');
  assert.is(q?.status, 'partial');
  assert.equal(q?.allowedBy, [`${FIX}:58`]);
});

test('a dump without outbound rules leaves outbound requirements unknown, not allowed', async () => {
  assert.is((await requirements()).get('dns-out-udp')?.status, 'unknown');
});

test('the bundled sample: exit 1 at the default threshold, 0 with --fail-on none', async () => {
  const base = ['compare', 'fixtures/sample/k2-farm-node.netsh.txt', '--profile', 'farm', '--quiet'];
  const md = await cli(base);
  assert.is(md.code, 1);
  assert.match(md.stdout, /^# k2audit report/);
  assert.is((await cli([...base, '--fail-on', 'none'])).code, 0);
  assert.is((await cli([...base, '--fail-on', 'critical'])).code, 0);
});

test.run();
