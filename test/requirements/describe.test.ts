/**
 * @fileoverview Text for `k2audit profiles` and `k2audit profiles <name>`.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadRequirementFile } from '../../src/requirements/custom-file.js';
import { describeProfile, describeProfiles } from '../../src/requirements/describe.js';
import { resolveRequirements } from '../../src/requirements/resolve.js';

test('describeProfiles lists profiles, features with values and defaults, and port names', () => {
  const text = describeProfiles();
  for (const name of ['farm', 'standalone', 'sql', 'client']) assert.match(text, new RegExp(`^${name} +\\S`, 'm'));
  assert.match(text, /^email +smtp\|msa\|none +smtp +workflow email/m);
  assert.match(text, /^web +http\|https\|both +both /m);
  assert.match(text, /^exchange-events +winrm1\|winrm2 +- /m);
  assert.match(text, /^oracle +\(on\/off\) +- /m);
  assert.match(text, /^sql +1433 +sql-broker, sql-k2-db$/m);
  assert.match(text, /^custom-broker +- +custom-broker$/m);
});

test('describeProfile shows each requirement with condition and seed line', () => {
  const r = resolveRequirements({ profile: 'client', features: ['web=https'], ports: ['k2-host=5556'] });
  assert.ok(r.ok);
  if (!r.ok) return;
  const lines = describeProfile(r.set).split('\n');
  assert.is(lines[0], 'Profile client; features: email=smtp, web=https; requirement set k2-ports-2024.1+seed-9cde9e52');
  assert.is(lines[1], '3 requirements');
  assert.match(lines[3] ?? '', /^ID +DIR +PROTO +PORTS +COMPONENT +CONDITION +SOURCE$/);
  assert.match(lines[4] ?? '', /^k2-web-https-out-tcp +out +tcp +443 +K2 web sites and services \(HTTPS\) +feature web=https\|both +000_9cde9e52c73b87e5\.txt:44$/);
  assert.match(lines[6] ?? '', /^k2-host-server-out-tcp +out +tcp +5556 +K2 Host Server +- +000_9cde9e52c73b87e5\.txt:48$/);
});

test('describeProfile marks unresolved ports and cites custom file positions', () => {
  const custom = loadRequirementFile('requirements: [{id: ssh, direction: in, protocol: tcp, ports: 22}]', 'reqs.yaml');
  assert.ok(custom.ok);
  if (!custom.ok) return;
  const r = resolveRequirements({ profile: 'farm', features: ['k2connect'], ports: [], custom: custom.requirements });
  assert.ok(r.ok);
  if (!r.ok) return;
  const text = describeProfile(r.set);
  assert.match(text, /^sap-out-tcp +out +tcp +\? +SAP \(K2 Connect\) +feature k2connect +000_9cde9e52c73b87e5\.txt:34$/m);
  assert.match(text, /^\? sap-out-tcp: set --feature sap=NN \(SAP system number\)$/m);
  assert.match(text, /^ssh +in +tcp +22 +ssh +- +reqs\.yaml#requirements\/0$/m);
});

test.run();
