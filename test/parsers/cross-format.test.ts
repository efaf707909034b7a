/**
 * @fileoverview One firewall (fixtures/cross/README.md) written as netsh text, .reg, GPO XML, PowerShell JSON and an
 * Export List CSV gives the same requirement statuses in all five, for every firewall profile.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { audit } from '../../src/engine/audit.js';
import { loadInput } from '../../src/cli/load-input.js';
import { resolveRequirements } from '../../src/requirements/resolve.js';
import type { FirewallProfile } from '../../src/model/rule.js';
import { ROOT } from '../cli/run-cli.js';

const VARIANTS: Record<string, readonly string[]> = {
  netsh: ['fixtures/cross/k2-node.netsh.txt'],
  reg: ['fixtures/cross/k2-node.reg'],
  'gpo-xml': ['fixtures/cross/k2-node.gpo.xml'],
  'ps-json': ['fixtures/cross/k2-node.ps.json'],
  csv: ['fixtures/cross/k2-node.inbound.csv', 'fixtures/cross/k2-node.outbound.csv'],
};

function statuses(files: readonly string[], fw: FirewallProfile): Record<string, string> {
  const set = resolveRequirements({ profile: 'farm', features: ['dtc-upgrade'], ports: [] });
  if (!set.ok) throw new Error(set.error);
  const inputs = files.map((f) => loadInput(`${ROOT}${f}`, {}));
  const out = audit(inputs, set.set, { firewallProfile: fw, failOn: 'high', generatedAt: 'x', toolVersion: 'x' });
  if (!out.ok) throw new Error(out.error);
  return Object.fromEntries(out.result.requirements.map((r) => [r.requirement.id, r.status]));
}

for (const fw of ['domain', 'private'] as const) {
  test(`five formats of one firewall give the same statuses (${fw} profile)`, () => {
    const reference = statuses(VARIANTS['netsh'] as string[], fw);
    for (const [name, files] of Object.entries(VARIANTS)) assert.equal(statuses(files, fw), reference, name);
    // The firewall's own facts, so that agreement is not agreement on nothing:
    assert.is(reference['k2-host-server-in-tcp'], 'allowed');
    assert.is(reference['k2-workflow-client-in-tcp'], fw === 'domain' ? 'allowed' : 'blocked');
    assert.is(reference['smart-objects-in-tcp'], 'blocked');
    assert.is(reference['k2-web-https-in-tcp'], 'partial');
    assert.is(reference['k2-config-service-in-tcp'], 'blocked');
    assert.is(reference['ldap-in-udp'], 'conditional');
    assert.is(reference['smtp-out-tcp'], 'blocked');
    assert.is(reference['dtc-in-tcp'], 'partial');
  });
}

test.run();
