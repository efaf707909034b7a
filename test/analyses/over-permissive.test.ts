/**
 * @fileoverview Over-permissive analysis on built rule sets: what a rule really opens (engine semantics), the
 * excess over the requirements, the traits, the kept ports, the exposed catalog services and the severity.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { overPermissiveFindings } from '../../src/analyses/over-permissive.js';
import { DEFAULT_MATCH_SETTINGS } from '../../src/engine/rule-match.js';
import { buildUnits } from '../../src/engine/units.js';
import type { Finding } from '../../src/findings/finding.js';
import { formatPorts } from '../../src/model/port-set.js';
import type { FirewallProfile, RuleSet } from '../../src/model/rule.js';
import { chainSet, req, reqSet, rule, windowsSet } from '../helpers/build.js';

const REQS = reqSet([req('host', 'in', 'tcp', '5555'), req('sql', 'in', 'tcp', '1433'), req('ldap', 'in', 'udp', '389'), req('smtp', 'out', 'tcp', '25')]);

function findings(rs: RuleSet, fwProfile: FirewallProfile = 'domain'): Finding[] {
  const built = buildUnits([{ file: 'f', ruleSet: rs }], DEFAULT_MATCH_SETTINGS);
  if (!built.ok) throw new Error(built.error);
  return overPermissiveFindings(built.units, REQS, { fwProfile, settings: DEFAULT_MATCH_SETTINGS });
}

/** The fields tests pin, for one RULE_OVER_PERMISSIVE finding. */
function view(f: Finding | undefined) {
  if (f === undefined || f.code !== 'RULE_OVER_PERMISSIVE') throw new Error(`not an over-permissive finding: ${f?.code}`);
  return { id: f.id, severity: f.severity, traits: f.args.traits, excess: f.args.excess, keep: f.args.keep, direction: f.direction, protocol: f.protocol, ports: f.ports === undefined ? '' : formatPorts(f.ports) };
}

test('Windows: TCP 1024-65535 inbound from any → excess, keep, traits, risky services first, critical', () => {
  const fs = findings(windowsSet([rule({ line: 3, proto: 'tcp', local: '1024-65535' })]));
  assert.is(fs.length, 1);
  assert.equal(view(fs[0]), {
    id: 'over-permissive:f:3',
    severity: 'critical',
    traits: ['wide-range', 'any-remote'],
    excess: '1024-1432,1434-5554,5556-65535/tcp',
    keep: '1433,5555/tcp',
    direction: 'in',
    protocol: 'tcp',
    ports: '1024-1432,1434-5554,5556-65535',
  });
  const exposes = fs[0]?.exposes ?? [];
  assert.equal(exposes.slice(0, 4), ['Remote Desktop Services 3389/tcp', 'WinRM 2.0 5985-5986/tcp', 'MSSQL$UDDI 1433/tcp (required)', 'Microsoft SQL Server 1433/tcp (required)']);
  assert.ok(exposes.includes('Randomly allocated high TCP ports 1024-65535/tcp'));
  assert.not.ok(exposes.some((e) => e.endsWith('/udp')));
  assert.equal(fs[0]?.refs, [{ file: 'f', line: 3 }]);
});

test('a rule opening exactly required ports, an ICMP rule and a disabled rule are not findings', () => {
  const rs = windowsSet([
    rule({ line: 3, proto: 'tcp', local: '1433,5555' }),
    rule({ line: 4, proto: 'icmpv4' }),
    rule({ line: 5, proto: 'tcp', local: '3389', enabled: false }),
  ]);
  assert.equal(findings(rs), []);
});

test('Windows block rules cut what an allow opens: the cut ports are neither excess nor exposed', () => {
  const rs = windowsSet([rule({ line: 3, proto: 'tcp', local: '3000-3999' }), rule({ line: 4, proto: 'tcp', local: '3389', action: 'block' })]);
  const [f] = findings(rs);
  assert.equal(view(f).excess, '3000-3388,3390-3999/tcp');
  assert.equal(view(f).traits, ['wide-range', 'any-remote', 'not-required']);
  assert.not.ok((f?.exposes ?? []).some((e) => e.includes('3389')));
});

test('Windows profiles: a rule outside the audited profile opens nothing there', () => {
  const rs = windowsSet([rule({ line: 3, proto: 'tcp', local: '3389', profiles: ['public'] })]);
  assert.equal(findings(rs), []);
  assert.equal(view(findings(rs, 'public')[0]).severity, 'high');
});

test('outbound: allow rules add nothing where the default allows; judged where it blocks', () => {
  const out = rule({ line: 3, dir: 'out', proto: 'tcp' });
  assert.equal(findings(windowsSet([out])), []);
  const blocking = windowsSet([out], { domain: { enabled: true, inbound: 'block', outbound: 'block' } });
  assert.equal(view(findings(blocking)[0]), {
    id: 'over-permissive:f:3',
    severity: 'high',
    traits: ['any-port', 'wide-range', 'any-remote'],
    excess: '0-24,26-65535/tcp',
    keep: '25/tcp',
    direction: 'out',
    protocol: 'tcp',
    ports: '0-24,26-65535',
  });
});

test('BlockInboundAlways ignores allow rules; a firewall that is OFF is FIREWALL_OFF, not over-permissive', () => {
  const r = rule({ line: 3, proto: 'tcp', local: '3389' });
  assert.equal(findings(windowsSet([r], { domain: { enabled: true, inbound: 'block-always', outbound: 'allow' } })), []);
  assert.equal(findings(windowsSet([r], { domain: { enabled: false, inbound: 'block', outbound: 'allow' } })), []);
});

test('program-scoped any-port rule: lower severity (breadth does not count, one point off)', () => {
  const [f] = findings(windowsSet([rule({ line: 3, proto: 'tcp', conditions: ['program C:\\app.exe'] })]));
  assert.equal(view(f).traits, ['any-port', 'wide-range', 'any-remote']);
  assert.is(view(f).severity, 'medium');
  const [plain] = findings(windowsSet([rule({ line: 3, proto: 'tcp' })]));
  assert.is(view(plain).severity, 'critical');
});

test('a rule for every protocol from a /24: any-protocol, other protocols in the excess, GRE exposed', () => {
  const [f] = findings(windowsSet([rule({ line: 3, remote: '10.0.0.0/24' })]));
  assert.equal(view(f), {
    id: 'over-permissive:f:3',
    severity: 'high',
    traits: ['any-port', 'any-protocol', 'wide-range'],
    excess: '0-1432,1434-5554,5556-65535/tcp; 0-388,390-65535/udp; every other IP protocol',
    keep: '1433,5555/tcp; 389/udp',
    direction: 'in',
    protocol: 'any',
    ports: 'any',
  });
  assert.ok(f?.exposes?.includes('Routing and Remote Access (gre)'));
  assert.ok(f?.exposes?.includes('Remote Desktop Services 3389/udp'));
});

test('first match: an earlier DROP hides its ports, a later ACCEPT after a catch-all DROP opens nothing', () => {
  const rs = chainSet({
    'filter/INPUT': ['drop', [
      rule({ line: 5, proto: 'tcp', local: '3389', action: 'block' }),
      rule({ line: 6, proto: 'tcp', neverNew: true }),
      rule({ line: 7, proto: 'tcp' }),
      rule({ line: 8, action: 'block' }),
      rule({ line: 9, proto: 'udp' }),
    ]],
    'filter/OUTPUT': ['accept', [rule({ line: 20, dir: 'out', proto: 'tcp' })]],
  });
  const fs = findings(rs);
  assert.equal(fs.map((f) => f.id), ['over-permissive:f:7']);
  assert.equal(view(fs[0]).excess, '0-1432,1434-3388,3390-5554,5556-65535/tcp');
  assert.not.ok((fs[0]?.exposes ?? []).some((e) => e.includes('3389')));
  assert.ok((fs[0]?.exposes ?? []).includes('WinRM 2.0 5985-5986/tcp'));
});

test('first match: an INPUT ACCEPT policy that is reached is reported as the default opening everything', () => {
  const rs = chainSet({ 'filter/INPUT': ['accept', [rule({ line: 5, proto: 'tcp', local: '22', action: 'block' })]], 'filter/OUTPUT': ['accept', []] });
  const fs = findings(rs);
  assert.equal(fs.map((f) => f.id), ['over-permissive:default-inbound-ipv4']);
  const f = fs[0];
  if (f?.code !== 'RULE_OVER_PERMISSIVE') throw new Error('code');
  assert.equal(f.args.ruleName, 'policy ACCEPT of chain filter/INPUT');
  assert.equal(view(f), {
    id: 'over-permissive:default-inbound-ipv4',
    severity: 'critical',
    traits: ['any-port', 'any-protocol', 'wide-range', 'any-remote'],
    excess: '0-21,23-1432,1434-5554,5556-65535/tcp; 0-388,390-65535/udp; every other IP protocol',
    keep: '1433,5555/tcp; 389/udp',
    direction: 'in',
    protocol: 'any',
    ports: 'any',
  });
});

test('Windows default inbound allow: the default is the finding, allow rules add nothing', () => {
  const rs = windowsSet([rule({ line: 3, proto: 'tcp', local: '3389' })], { domain: { enabled: true, inbound: 'allow', outbound: 'allow' } });
  assert.equal(findings(rs).map((f) => f.id), ['over-permissive:default-inbound-domain']);
});

test.run();
