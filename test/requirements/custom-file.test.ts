/**
 * @fileoverview Custom requirement files: JSON and YAML, alone and with a profile, and field-path error messages.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatAddressSet } from '../../src/model/ip.js';
import { formatPorts } from '../../src/model/port-set.js';
import { loadRequirementFile } from '../../src/requirements/custom-file.js';
import { resolveRequirements } from '../../src/requirements/resolve.js';
import type { Requirement } from '../../src/requirements/types.js';

function load(text: string, file = 'reqs.yaml'): Requirement[] {
  const r = loadRequirementFile(text, file);
  if (!r.ok) throw new Error(r.error);
  return r.requirements;
}

function error(text: string, file = 'reqs.yaml'): string {
  const r = loadRequirementFile(text, file);
  return r.ok ? 'ok' : r.error;
}

const JSON_FILE = JSON.stringify({
  requirements: [
    { id: 'ssh', direction: 'in', protocol: 'tcp', ports: 22, remote: '10.0.0.0/8,192.168.1.0/24', component: 'SSH' },
    { id: 'monitoring', direction: 'out', protocol: 'tcp', ports: '80,443', component: 'Monitoring', category: 'Ops', note: 'agent' },
  ],
});

const YAML_FILE = `# extra flows for the audit
requirements:
  - id: syslog
    direction: out
    protocol: tcp+udp
    ports: "514"
    remote: 10.1.2.3
  - id: backup
    direction: in
    protocol: tcp
    ports: 1000-2000
    remote: any
    component: Backup agent
`;

test('JSON file: fields, defaults, remote parsing and source path', () => {
  const [ssh, mon] = load(JSON_FILE, 'reqs.json');
  assert.is(ssh?.id, 'ssh');
  assert.is(ssh?.direction, 'in');
  assert.is(ssh?.protocol, 'tcp');
  assert.is(ssh?.ports === undefined ? '' : formatPorts(ssh.ports), '22');
  assert.is(ssh?.remoteText, '10.0.0.0/8,192.168.1.0/24');
  assert.is(ssh === undefined ? '' : formatAddressSet(ssh.remote), '10.0.0.0/8,192.168.1.0/24');
  assert.is(ssh?.category, 'Custom');
  assert.is(ssh?.component, 'SSH');
  assert.equal(ssh?.source, { file: 'reqs.json', path: ['requirements', '0'] });
  assert.is(ssh?.seed, undefined);
  assert.is(mon?.ports === undefined ? '' : formatPorts(mon.ports), '80,443');
  assert.is(mon?.category, 'Ops');
  assert.is(mon?.note, 'agent');
  assert.ok(mon?.remote.isAny());
  assert.is(mon?.remoteText, 'any');
});

test('YAML file: tcp+udp expands to -tcp and -udp requirements', () => {
  const reqs = load(YAML_FILE);
  assert.equal(reqs.map((r) => `${r.id} ${r.protocol}`), ['syslog-tcp tcp', 'syslog-udp udp', 'backup tcp']);
  assert.equal(reqs[1]?.source, { file: 'reqs.yaml', path: ['requirements', '0'] });
  assert.is(reqs[2]?.ports === undefined ? '' : formatPorts(reqs[2].ports), '1000-2000');
  assert.is(reqs[2]?.component, 'Backup agent');
  assert.is(reqs[0]?.component, 'syslog');
  const upper = load('requirements: [{id: x, direction: IN, protocol: TCP, ports: 1, remote: ANY}]');
  assert.equal([upper[0]?.direction, upper[0]?.protocol, upper[0]?.remote.isAny()], ['in', 'tcp', true]);
  assert.is(load('{requirements: [{id: flow, direction: in, protocol: tcp, ports: 1}]}')[0]?.id, 'flow');
  const both = load('requirements: [{id: x, direction: in, protocol: both, ports: 1}]');
  assert.equal(both.map((r) => r.id), ['x-tcp', 'x-udp']);
});

test('custom requirements alone: profile null, only the custom ones, sorted', () => {
  const r = resolveRequirements({ features: [], ports: [], custom: load(YAML_FILE) });
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.is(r.set.profile, null);
  assert.equal(r.set.features, []);
  assert.equal(r.set.requirements.map((q) => q.id), ['backup', 'syslog-tcp', 'syslog-udp']);
  const bad = resolveRequirements({ features: ['oracle'], ports: [], custom: load(YAML_FILE) });
  assert.equal(bad, { ok: false, error: '--feature and --port need --profile' });
});

test('custom requirements with a profile: both, and id clashes are errors', () => {
  const r = resolveRequirements({ profile: 'client', features: [], ports: [], custom: load(JSON_FILE, 'reqs.json') });
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.is(r.set.profile, 'client');
  assert.equal(r.set.requirements.map((q) => q.id), [
    'ssh', 'k2-web-http-out-tcp', 'monitoring', 'k2-web-https-out-tcp', 'k2-workflow-client-out-tcp', 'k2-host-server-out-tcp',
  ]);
  const clash = load('requirements: [{id: dns-out-udp, direction: out, protocol: udp, ports: 53}]');
  assert.equal(resolveRequirements({ profile: 'farm', features: [], ports: [], custom: clash }), {
    ok: false,
    error: 'custom requirement id "dns-out-udp" clashes with profile farm',
  });
});

const entry = (fields: string): string => `requirements:\n  - {id: a, direction: in, protocol: tcp, ports: 1}\n  - {${fields}}\n`;

test('errors name the file and the path of the bad field', () => {
  assert.is(error(entry('id: b, direction: in, protocol: tcp, ports: 70000')), 'reqs.yaml: requirements[1].ports: port 70000 out of range 0-65535');
  assert.is(error(entry('id: b, direction: in, protocol: tcp, ports: "80,x"')), 'reqs.yaml: requirements[1].ports: invalid port "x"');
  assert.is(error(entry('id: b, direction: in, protocol: tcp, ports: 2000-1000')), 'reqs.yaml: requirements[1].ports: reversed port range "2000-1000"');
  assert.is(error(entry('id: b, direction: inbound, protocol: tcp, ports: 1')), 'reqs.yaml: requirements[1].direction: expected "in" or "out"');
  assert.is(error(entry('id: b, direction: in, protocol: tpc, ports: 1')), 'reqs.yaml: requirements[1].protocol: expected "tcp", "udp", "tcp+udp" or "both"');
  assert.is(error(entry('direction: in, protocol: tcp, ports: 1')), 'reqs.yaml: requirements[1].id: required');
  assert.is(error(entry('id: b, direction: in, protocol: tcp')), 'reqs.yaml: requirements[1].ports: required');
  assert.is(error(entry('id: b, protocol: tcp, ports: 1')), 'reqs.yaml: requirements[1].direction: required');
  assert.is(error(entry('id: "b c", direction: in, protocol: tcp, ports: 1')), 'reqs.yaml: requirements[1].id: must start with a letter or digit and use only letters, digits, ".", "_", "-"');
  assert.is(error(entry('id: b, direction: in, protocol: tcp, ports: 1, port: 2')), 'reqs.yaml: requirements[1]: unknown field "port"');
  assert.is(error(entry('id: b, direction: in, protocol: tcp, ports: 1, remote: 300.1.1.1')), 'reqs.yaml: requirements[1].remote: invalid address "300.1.1.1"');
  assert.is(error(entry('id: b, direction: in, protocol: tcp, ports: [1]')), 'reqs.yaml: requirements[1].ports: expected a port list ("80,443", "1000-2000") or a port number');
});

test('duplicate ids, empty and malformed files', () => {
  assert.is(error(entry('id: a, direction: out, protocol: tcp, ports: 2')), 'reqs.yaml: requirements[1].id: duplicate id "a" (also requirements[0])');
  assert.is(error(entry('id: a-tcp, direction: out, protocol: udp, ports: 2').replace('protocol: tcp', 'protocol: both')), 'reqs.yaml: requirements[1].id: duplicate id "a-tcp" (also requirements[0])');
  assert.is(error(''), 'reqs.yaml: empty requirement file');
  assert.is(error('requirements: []'), 'reqs.yaml: requirements: must list at least one requirement');
  assert.is(error('reqs: []'), 'reqs.yaml: requirements: required');
  assert.is(error('- 1'), 'reqs.yaml: expected an object with a "requirements" list');
  assert.match(error('{"requirements": [', 'r.json'), /^r\.json: invalid JSON: \S/);
  assert.match(error('requirements:\n  - id: a\n   bad: ['), /^reqs\.yaml: line 3: invalid YAML: /);
  assert.match(error('requirements: *x'), /^reqs\.yaml: (line 1: )?invalid YAML: /);
  assert.is(error('a: 1\n---\nb: 2'), 'reqs.yaml: line 2: invalid YAML: more than one YAML document');
});

test.run();
