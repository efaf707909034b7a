import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from './run-cli.js';

interface DiffJson {
  requirements: { transitions: { id: string; before: string; after: string }[] };
}

test('removing the 5555/tcp rule: allowed → blocked, exit 1; --fail-on none exits 0', async () => {
  const args = ['diff', 'fixtures/diff/rules-before.netsh.txt', 'fixtures/diff/removes-5555.netsh.txt', '--profile', 'farm', '--quiet'];
  const r = await cli([...args, '--format', 'json']);
  assert.is(r.code, 1, r.stderr);
  const doc = JSON.parse(r.stdout) as DiffJson;
  const t = doc.requirements.transitions.find((x) => x.id === 'k2-host-server-in-tcp');
  assert.equal([t?.before, t?.after], ['allowed', 'blocked']);
  assert.is((await cli([...args, '--fail-on', 'none'])).code, 0);
});

test('reordered and reformatted Windows rules, and the same firewall as netsh and .reg: no change, exit 0', async () => {
  const same = await cli(['diff', 'fixtures/diff/rules-before.netsh.txt', 'fixtures/diff/reordered.netsh.txt', '--profile', 'farm', '--format', 'json', '--quiet']);
  assert.is(same.code, 0, same.stderr);
  assert.equal((JSON.parse(same.stdout) as DiffJson).requirements.transitions, []);
  const cross = await cli(['diff', 'fixtures/cross/k2-node.netsh.txt', 'fixtures/cross/k2-node.reg', '--profile', 'farm', '--format', 'json', '--quiet']);
  assert.is(cross.code, 0, cross.stderr);
  assert.equal((JSON.parse(cross.stdout) as DiffJson).requirements.transitions, []);
});

test.run();
