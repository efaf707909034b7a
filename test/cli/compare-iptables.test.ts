import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from './run-cli.js';

const FIX = 'fixtures/compare/chains.iptables-save';
const REQS = 'fixtures/compare/chains-requirements.json';

interface JsonReq {
  id: string;
  status: string;
  allowedBy: string[];
  blockedBy: string[];
  conditionalBy?: string[];
}

async function statuses(): Promise<Map<string, JsonReq>> {
  const r = await cli(['compare', FIX, '--requirements', REQS, '--format', 'json', '--quiet']);
  assert.is(r.code, 1, r.stderr);
  const doc = JSON.parse(r.stdout) as { profile: { name: string | null }; requirements: JsonReq[] };
  assert.is(doc.profile.name, null);
  return new Map(doc.requirements.map((q) => [q.id, q]));
}

test('first match through user chains and RETURN', async () => {
  const s = await statuses();
  assert.is(s.get('host')?.status, 'allowed');
  assert.equal(s.get('host')?.allowedBy, [`${FIX}:26`]);
  assert.is(s.get('web')?.status, 'allowed');
  assert.equal(s.get('web')?.allowedBy, [`${FIX}:28`]);
  assert.is(s.get('cfg')?.status, 'blocked');
  assert.equal(s.get('cfg')?.blockedBy, [`${FIX}:13`]);
});

test('NEW-state accepts count, ESTABLISHED,RELATED-only accepts do not', async () => {
  const s = await statuses();
  assert.is(s.get('wf')?.status, 'blocked');
  assert.equal(s.get('wf')?.allowedBy, []);
});

test('a -s restricted accept gives partial', async () => {
  const s = await statuses();
  assert.is(s.get('ssh')?.status, 'partial');
  assert.equal(s.get('ssh')?.allowedBy, [`${FIX}:24`]);
});

test('a rule with an unevaluable match gives conditional, not allowed, and names the rule', async () => {
  const s = await statuses();
  assert.is(s.get('so')?.status, 'conditional');
  assert.equal(s.get('so')?.conditionalBy, [`${FIX}:23`]);
});

test('OUTPUT: a DROP rule blocks, the ACCEPT policy allows', async () => {
  const s = await statuses();
  assert.is(s.get('smtp')?.status, 'blocked');
  assert.equal(s.get('smtp')?.blockedBy, [`${FIX}:30`]);
  assert.is(s.get('dns')?.status, 'allowed');
});

test.run();
