/**
 * @fileoverview Each --feature and --port override changes exactly the requirements it should, and nothing else.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatPorts } from '../../src/model/port-set.js';
import { PORT_NAMES } from '../../src/requirements/port-overrides.js';
import { resolveRequirements } from '../../src/requirements/resolve.js';
import type { Requirement, RequirementSet } from '../../src/requirements/types.js';

function resolve(features: string[] = [], ports: string[] = [], profile = 'farm'): RequirementSet {
  const r = resolveRequirements({ profile, features, ports });
  if (!r.ok) throw new Error(r.error);
  return r.set;
}

const portsOf = (r: Requirement | undefined): string => (r?.ports === undefined ? '?' : formatPorts(r.ports));

/** What changed from `base` to `next`: ids added, removed, and ids whose ports differ. */
function delta(base: RequirementSet, next: RequirementSet): { added: string[]; removed: string[]; ports: string[] } {
  const before = new Map(base.requirements.map((r) => [r.id, r]));
  const after = new Map(next.requirements.map((r) => [r.id, r]));
  return {
    added: [...after.keys()].filter((id) => !before.has(id)).sort(),
    removed: [...before.keys()].filter((id) => !after.has(id)).sort(),
    ports: [...after.keys()].filter((id) => before.has(id) && portsOf(before.get(id)) !== portsOf(after.get(id))).sort(),
  };
}

const BASE = resolve();
const none = { added: [], removed: [], ports: [] };

test('email and web choose between their rows', () => {
  assert.equal(delta(BASE, resolve(['email=msa'])), { ...none, added: ['msa-out-tcp'], removed: ['smtp-out-tcp'] });
  assert.equal(delta(BASE, resolve(['email=none'])), { ...none, removed: ['smtp-out-tcp'] });
  assert.equal(delta(BASE, resolve(['email=smtp'])), none);
  assert.equal(delta(BASE, resolve(['web=http'])), { ...none, removed: ['k2-web-https-in-tcp'] });
  assert.equal(delta(BASE, resolve(['web=https'])), { ...none, removed: ['k2-web-http-in-tcp'] });
  assert.equal(delta(BASE, resolve(['WEB=Both'])), none);
});

test('flag features add their rows', () => {
  assert.equal(delta(BASE, resolve(['sql-broker'])), { ...none, added: ['sql-broker-out-tcp'] });
  assert.equal(delta(BASE, resolve(['oracle'])), { ...none, added: ['oracle-out-tcp'] });
  assert.equal(delta(BASE, resolve(['alwayson'])), { ...none, added: ['alwayson-in-tcp', 'alwayson-out-tcp'] });
  assert.equal(delta(BASE, resolve(['legacy'])), {
    ...none,
    added: ['discovery-farm-in-tcp', 'discovery-farm-out-tcp', 'discovery-standalone-in-tcp', 'discovery-standalone-out-tcp'],
  });
  const dtc = resolve(['dtc-upgrade']);
  assert.equal(delta(BASE, dtc), { ...none, added: ['dtc-in-tcp', 'dtc-in-udp'] });
  assert.is(portsOf(dtc.requirements.find((r) => r.id === 'dtc-in-udp')), '1024-65535');
});

test('exchange-events picks the WinRM variant, inbound and outbound', () => {
  assert.equal(delta(BASE, resolve(['exchange-events=winrm1'])), {
    ...none,
    added: ['winrm1-http-in-tcp', 'winrm1-http-out-tcp', 'winrm1-https-in-tcp', 'winrm1-https-out-tcp'],
  });
  const w2 = resolve(['exchange-events=winrm2']);
  assert.equal(delta(BASE, w2).added, ['winrm2-http-in-tcp', 'winrm2-http-out-tcp', 'winrm2-https-in-tcp', 'winrm2-https-out-tcp']);
  assert.is(portsOf(w2.requirements.find((r) => r.id === 'winrm2-https-in-tcp')), '5986');
  assert.is(portsOf(w2.requirements.find((r) => r.id === 'winrm2-http-out-tcp')), '5985');
});

test('k2connect adds 8085 and SAP; SAP ports come from sap=NN', () => {
  const k2c = resolve(['k2connect']);
  assert.equal(delta(BASE, k2c), { ...none, added: ['k2connect-service-in-tcp', 'sap-out-tcp'] });
  const sap = k2c.requirements.find((r) => r.id === 'sap-out-tcp');
  assert.is(sap?.ports, undefined);
  assert.is(sap?.unresolved, 'set --feature sap=NN (SAP system number)');
  const withSap = resolve(['k2connect', 'sap=01,00']);
  assert.is(portsOf(withSap.requirements.find((r) => r.id === 'sap-out-tcp')), '3200-3201,3300-3301');
  assert.is(withSap.requirements.find((r) => r.id === 'sap-out-tcp')?.unresolved, undefined);
  assert.equal(withSap.features, ['email=smtp', 'k2connect', 'sap=00,01', 'web=both']);
  // sap=NN implies k2connect.
  assert.equal(resolve(['sap=00']).features, ['email=smtp', 'k2connect', 'sap=00', 'web=both']);
  assert.equal(delta(k2c, resolve(['sap=00'])), { ...none, ports: ['sap-out-tcp'] });
});

test('custom-broker takes its ports from --port custom-broker', () => {
  const bare = resolve(['custom-broker']);
  assert.equal(delta(BASE, bare), { ...none, added: ['custom-broker-out-tcp'] });
  assert.is(bare.requirements.find((r) => r.id === 'custom-broker-out-tcp')?.unresolved, 'set --port custom-broker=N (custom service broker port)');
  const set = resolve(['custom-broker'], ['custom-broker=7000,7100-7110']);
  const req = set.requirements.find((r) => r.id === 'custom-broker-out-tcp');
  assert.is(portsOf(req), '7000,7100-7110');
  assert.is(req?.unresolved, undefined);
  assert.equal(delta(bare, set), { ...none, ports: ['custom-broker-out-tcp'] });
});

test('sql and web-https overrides replace the ports of every requirement with that name', () => {
  const sql = resolve([], ['sql=1533']);
  assert.equal(delta(BASE, sql), { ...none, ports: ['sql-k2-db-in-tcp', 'sql-k2-db-out-tcp'] });
  assert.equal(delta(resolve(['sql-broker']), resolve(['sql-broker'], ['sql=1533'])).ports, [
    'sql-broker-out-tcp', 'sql-k2-db-in-tcp', 'sql-k2-db-out-tcp',
  ]);
  const https = resolve([], ['web-https=8443,9443']);
  assert.equal(delta(BASE, https), { ...none, ports: ['k2-web-https-in-tcp'] });
  assert.is(portsOf(https.requirements.find((r) => r.id === 'k2-web-https-in-tcp')), '8443,9443');
});

/** Features that switch on the rows of each override name. */
const ENABLE: Readonly<Record<string, string[]>> = {
  alwayson: ['alwayson'],
  'custom-broker': ['custom-broker'],
  dtc: ['dtc-upgrade'],
  k2connect: ['k2connect'],
  msa: ['email=msa'],
  oracle: ['oracle'],
  'winrm-http': ['exchange-events=winrm2'],
  'winrm-https': ['exchange-events=winrm2'],
};

test('every override name changes only the requirements carrying it, keeping their ids', () => {
  const expectedNames = [
    'alwayson', 'custom-broker', 'dtc', 'integration-http', 'integration-https', 'k2-config', 'k2-host', 'k2-workflow',
    'k2connect', 'msa', 'oracle', 'smart-objects', 'smtp', 'sql', 'web-http', 'web-https', 'winrm-http', 'winrm-https',
  ];
  assert.equal(PORT_NAMES.map((p) => p.name), expectedNames);
  for (const { name } of PORT_NAMES) {
    const features = ENABLE[name] ?? [];
    const base = resolve(features);
    const next = resolve(features, [`${name}=60000`]);
    const d = delta(base, next);
    const carrying = base.requirements.filter((r) => r.portName === name).map((r) => r.id).sort();
    assert.ok(carrying.length > 0, name);
    assert.equal(d, { ...none, ports: carrying }, name);
    for (const id of carrying) assert.is(portsOf(next.requirements.find((r) => r.id === id)), '60000', `${name} ${id}`);
  }
});

test.run();
