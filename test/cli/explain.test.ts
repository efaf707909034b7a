import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { audit } from '../../src/engine/audit.js';
import { explainFlow } from '../../src/engine/explain.js';
import { DEFAULT_MATCH_SETTINGS } from '../../src/engine/rule-match.js';
import { buildUnits } from '../../src/engine/units.js';
import { loadInput } from '../../src/cli/load-input.js';
import { loadRequirementFile } from '../../src/requirements/custom-file.js';
import { resolveRequirements } from '../../src/requirements/resolve.js';
import type { RequirementSet } from '../../src/requirements/types.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT } from './run-cli.js';

function farm(): RequirementSet {
  const r = resolveRequirements({ profile: 'farm', features: ['alwayson', 'legacy', 'oracle'], ports: [] });
  if (!r.ok) throw new Error(r.error);
  return r.set;
}

function custom(file: string): RequirementSet {
  const loaded = loadRequirementFile(readFileSync(join(ROOT, file), 'utf8'), file);
  if (!loaded.ok) throw new Error(loaded.error);
  const r = resolveRequirements({ features: [], ports: [], custom: loaded.requirements });
  if (!r.ok) throw new Error(r.error);
  return r.set;
}

const CASES: [string, () => RequirementSet, 'domain' | 'private'][] = [
  ['fixtures/sample/k2-farm-node.netsh.txt', farm, 'domain'],
  ['fixtures/compare/precedence.netsh.txt', farm, 'domain'],
  ['fixtures/compare/precedence.netsh.txt', farm, 'private'],
  ['fixtures/compare/chains.iptables-save', () => custom('fixtures/compare/chains-requirements.json'), 'domain'],
  ['fixtures/compare/chains.iptables-save', farm, 'domain'],
];

test('explain agrees with compare on every requirement of the fixtures', () => {
  const prev = process.cwd();
  process.chdir(ROOT);
  try {
    for (const [file, reqs, fwProfile] of CASES) {
      const input = loadInput(file, {});
      const set = reqs();
      const outcome = audit([input], set, { firewallProfile: fwProfile, failOn: 'high', generatedAt: 'x', toolVersion: 'x' });
      if (!outcome.ok) throw new Error(outcome.error);
      const built = buildUnits([{ file, ruleSet: input.ruleSet }], DEFAULT_MATCH_SETTINGS);
      if (!built.ok) throw new Error(built.error);
      let checked = 0;
      for (const r of outcome.result.requirements) {
        const req = r.requirement;
        if (req.ports === undefined) continue;
        const flow = { direction: req.direction, protocol: req.protocol, ports: req.ports, remote: req.remote, remoteText: req.remoteText, text: req.id };
        const e = explainFlow(built.units, flow, { fwProfile, settings: DEFAULT_MATCH_SETTINGS });
        assert.is(e.result.status, r.status, `${file} ${fwProfile} ${req.id}`);
        assert.ok(e.result.missing.equals(r.missing), `${file} ${req.id} missing`);
        checked++;
      }
      assert.ok(checked >= 8, `${file}: ${checked} requirements checked`);
    }
  } finally {
    process.chdir(prev);
  }
});

test('explain names the deciding rules and the trace, in text and JSON', async () => {
  const text = await cli(['explain', 'fixtures/compare/precedence.netsh.txt', '--flow', 'in tcp 5555 from 10.1.2.3']);
  assert.is(text.code, 0, text.stderr);
  assert.match(text.stdout, /^flow: in tcp 5555 from 10\.1\.2\.3 \(firewall profile domain\)\ndecision: BLOCKED\n/);
  assert.match(text.stdout, /blocked by: Hardening - Block 5555 \(fixtures\/compare\/precedence\.netsh\.txt:16\)/);
  const json = await cli(['explain', 'fixtures/compare/chains.iptables-save', '--flow', 'in tcp 22', '--format', 'json']);
  const doc = JSON.parse(json.stdout) as { status: string; allowedBy: string[]; trace: { steps: { event: string; rule: { ref: string } | null }[] }[] };
  assert.is(doc.status, 'partial');
  assert.equal(doc.allowedBy, ['fixtures/compare/chains.iptables-save:24']);
  assert.equal(doc.trace[0]?.steps.map((s) => `${s.event}@${s.rule?.ref ?? '-'}`), [
    'jump@fixtures/compare/chains.iptables-save:21',
    'return@fixtures/compare/chains.iptables-save:29',
    'jump@fixtures/compare/chains.iptables-save:22',
    'match@fixtures/compare/chains.iptables-save:24',
    'return@fixtures/compare/chains.iptables-save:25',
    'policy@-',
  ]);
});

test('a malformed --flow is a usage error with exit 2', async () => {
  const r = await cli(['explain', 'fixtures/compare/precedence.netsh.txt', '--flow', 'sideways tcp 80']);
  assert.is(r.code, 2);
  assert.match(r.stderr, /^k2audit: flow "sideways tcp 80": start with in or out\n$/);
  const p = await cli(['explain', 'fixtures/compare/precedence.netsh.txt', '--flow', 'in tcp 70000']);
  assert.match(p.stderr, /port 70000 out of range/);
});

test.run();
