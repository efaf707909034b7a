/**
 * @fileoverview Default contents of the farm, standalone, sql and client profiles, and resolve errors.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatPorts } from '../../src/model/port-set.js';
import { resolveRequirements } from '../../src/requirements/resolve.js';
import type { RequirementSet } from '../../src/requirements/types.js';
import { REQUIREMENT_SET_VERSION } from '../../src/requirements/version.js';

function resolve(profile: string, features: string[] = [], ports: string[] = []): RequirementSet {
  const r = resolveRequirements({ profile, features, ports });
  if (!r.ok) throw new Error(r.error);
  return r.set;
}

const ids = (set: RequirementSet): string[] => set.requirements.map((r) => r.id).sort();

const INFRASTRUCTURE = [
  'ad-5725-out-tcp', 'ad-5725-out-udp', 'ad-dynamic-legacy-out-tcp', 'ad-dynamic-legacy-out-udp',
  'ad-dynamic-out-tcp', 'ad-dynamic-out-udp', 'ad-web-services-out-tcp', 'dfsr-out-tcp', 'dns-out-tcp', 'dns-out-udp',
  'kerberos-out-tcp', 'kerberos-out-udp', 'kpasswd-out-tcp', 'kpasswd-out-udp', 'ldap-gc-out-tcp',
  'ldap-gc-ssl-out-tcp', 'ldap-in-tcp', 'ldap-in-udp', 'ldap-out-tcp', 'ldap-out-udp', 'ldaps-in-tcp', 'ldaps-in-udp',
  'ldaps-out-tcp', 'ldaps-out-udp', 'netbios-datagram-out-udp', 'netbios-name-out-udp', 'netbios-session-out-tcp',
  'rpc-epm-out-tcp', 'smb-out-tcp', 'smb-out-udp', 'smtp-out-tcp', 'windows-time-out-udp',
];
const PLATFORM_STANDALONE = [
  'integration-http-out-tcp', 'integration-https-out-tcp', 'k2-config-service-in-tcp', 'k2-config-service-out-tcp',
  'k2-host-server-in-tcp', 'k2-web-http-in-tcp', 'k2-web-https-in-tcp', 'k2-workflow-client-in-tcp',
  'smart-objects-in-tcp', 'sql-k2-db-in-tcp', 'sql-k2-db-out-tcp',
];

test('farm: infrastructure, K2 platform in and out, integration, database, web, SmartObjects', () => {
  const set = resolve('farm');
  const expected = [...INFRASTRUCTURE, ...PLATFORM_STANDALONE, 'k2-host-server-out-tcp', 'k2-workflow-client-out-tcp'];
  assert.equal(ids(set), expected.sort());
  assert.is(set.profile, 'farm');
  assert.is(set.version, REQUIREMENT_SET_VERSION);
  assert.equal(set.features, ['email=smtp', 'web=both']);
  const host = set.requirements.find((r) => r.id === 'k2-host-server-in-tcp');
  assert.is(host?.portName, 'k2-host');
  assert.is(host?.seed?.line, 48);
  assert.is(host?.remoteText, 'any');
  assert.ok(host?.remote.isAny());
  assert.is(host?.condition, undefined);
  assert.is(set.requirements.find((r) => r.id === 'smtp-out-tcp')?.condition, 'feature email=smtp');
});

test('standalone: as farm without outbound 5252 and 5555', () => {
  assert.equal(ids(resolve('standalone')), [...INFRASTRUCTURE, ...PLATFORM_STANDALONE].sort());
});

test('sql: mirror of the K2 rows that target SQL', () => {
  const set = resolve('sql');
  assert.equal(ids(set), ['sql-k2-db-in-tcp']);
  const db = set.requirements[0];
  assert.is(db?.seed?.line, 45);
  assert.is(db?.ports === undefined ? '' : formatPorts(db.ports), '1433');
  assert.equal(ids(resolve('sql', ['alwayson'])), ['alwayson-in-tcp', 'alwayson-out-tcp', 'sql-k2-db-in-tcp']);
  const overridden = resolve('sql', [], ['sql=1533']).requirements[0];
  assert.is(overridden?.ports === undefined ? '' : formatPorts(overridden.ports), '1533');
});

test('client: outbound mirrors of the K2 inbound web and platform rows', () => {
  assert.equal(ids(resolve('client')), [
    'k2-host-server-out-tcp', 'k2-web-http-out-tcp', 'k2-web-https-out-tcp', 'k2-workflow-client-out-tcp',
  ]);
  assert.equal(ids(resolve('client', ['web=https'])), [
    'k2-host-server-out-tcp', 'k2-web-https-out-tcp', 'k2-workflow-client-out-tcp',
  ]);
  assert.ok(resolve('client').requirements.every((r) => r.direction === 'out'));
});

test('requirements are sorted by direction, protocol, first port, id', () => {
  const reqs = resolve('farm', ['k2connect']).requirements;
  assert.is(reqs[0]?.id, 'k2-web-http-in-tcp');
  assert.is(reqs[1]?.id, 'ldap-in-tcp');
  assert.is(reqs[reqs.length - 1]?.id, 'ad-dynamic-out-udp');
  // Unknown ports (SAP without sap=NN) sort after every known port of their direction and protocol.
  const outTcp = reqs.filter((r) => r.direction === 'out' && r.protocol === 'tcp');
  assert.is(outTcp[outTcp.length - 1]?.id, 'sap-out-tcp');
});

test('resolve errors are one line', () => {
  const err = (o: Parameters<typeof resolveRequirements>[0]) => {
    const r = resolveRequirements(o);
    return r.ok ? 'ok' : r.error;
  };
  assert.is(err({ profile: 'farn', features: [], ports: [] }), 'unknown profile "farn"; profiles: farm, standalone, sql, client');
  assert.is(err({ features: [], ports: [] }), 'no requirements: give --profile or --requirements');
  assert.is(
    err({ profile: 'farm', features: ['emial'], ports: [] }),
    'unknown feature "emial"; features: email, web, sql-broker, oracle, k2connect, sap, exchange-events, alwayson, legacy, dtc-upgrade, custom-broker',
  );
  assert.is(err({ profile: 'farm', features: ['email=x'], ports: [] }), 'feature email: value "x" not one of smtp, msa, none');
  assert.is(err({ profile: 'farm', features: ['email'], ports: [] }), 'feature email: needs a value (smtp, msa, none)');
  assert.is(err({ profile: 'farm', features: ['oracle=yes'], ports: [] }), 'feature oracle: takes no value (got "yes")');
  assert.is(err({ profile: 'farm', features: ['web=http', 'web=https'], ports: [] }), 'feature web given more than once');
  assert.is(
    err({ profile: 'farm', features: ['sap=0'], ports: [] }),
    'feature sap: value "0" is not a two-digit SAP system number (e.g. sap=00)',
  );
  assert.is(err({ profile: 'farm', features: [], ports: ['sql=70000'] }), '--port sql=70000: port 70000 out of range 0-65535');
  assert.is(err({ profile: 'farm', features: [], ports: ['sql'] }), '--port "sql": expected name=PORTS (e.g. sql=1533)');
  assert.match(err({ profile: 'farm', features: [], ports: ['sqll=1'] }), /^unknown port name "sqll"; names: alwayson, custom-broker, dtc, /);
  assert.is(
    err({ profile: 'farm', features: [], ports: ['oracle=1522'] }),
    '--port oracle matches no requirement of profile farm (needs feature oracle)',
  );
  assert.is(
    err({ profile: 'client', features: [], ports: ['k2-config=1'] }),
    '--port k2-config matches no requirement of profile client (not used by profile client)',
  );
});

test.run();
