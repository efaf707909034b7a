import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ignoredKeyReason, KEY_IGNORED } from '../../../parsers/windows-rule/key-reasons.js';
import { locateKey } from '../../../parsers/windows-rule/policy-keys.js';

const LOCAL = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy';
const GPO = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall';

test('FirewallRules keys: local store under SharedAccess, GPO store under Policies (also as Registry.pol writes it)', () => {
  assert.equal(locateKey(`${LOCAL}\\FirewallRules`), { store: 'local', defaults: false, key: { kind: 'rules' } });
  assert.equal(locateKey(`${GPO}\\FirewallRules`), { store: 'gpo', defaults: false, key: { kind: 'rules' } });
  assert.equal(locateKey('SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules'), { store: 'gpo', defaults: false, key: { kind: 'rules' } });
  assert.equal(locateKey('HKLM\\SYSTEM\\ControlSet001\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\FirewallRules')?.store, 'local');
  assert.equal(locateKey(`${LOCAL}\\Mdm\\FirewallRules`), { store: 'gpo', defaults: false, key: { kind: 'rules' } });
});

test('profile keys, Logging, pre-Vista profile policy, root', () => {
  assert.equal(locateKey(`${LOCAL}\\StandardProfile`)?.key, { kind: 'profile', profile: 'private' });
  assert.equal(locateKey(`${GPO}\\PrivateProfile`)?.key, { kind: 'profile', profile: 'private' });
  assert.equal(locateKey(`${GPO}\\DomainProfile\\Logging`)?.key, { kind: 'profile-logging' });
  assert.equal(locateKey(`${GPO}\\DomainProfile\\GloballyOpenPorts\\List`)?.key, { kind: 'legacy-profile', setting: 'GloballyOpenPorts\\List' });
  assert.equal(locateKey(LOCAL)?.key, { kind: 'root' });
});

test('service hardening, restore-defaults template, IPsec and unrelated keys', () => {
  assert.equal(locateKey(`${LOCAL}\\RestrictedServices\\AppIso\\FirewallRules`)?.key, { kind: 'service-hardening' });
  assert.equal(locateKey(`${LOCAL}\\RestrictedServices\\Configurable\\System`)?.key, { kind: 'service-hardening' });
  assert.is(locateKey('HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Defaults\\FirewallPolicy\\FirewallRules')?.defaults, true);
  assert.equal(locateKey(`${GPO}\\ConSecRules`)?.key, { kind: 'ipsec' });
  assert.equal(locateKey(`${LOCAL}\\FirewallRules\\Sub`)?.key, { kind: 'other' });
  assert.is(locateKey('HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso'), undefined);
  assert.is(locateKey('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\WindowsFirewall\\FirewallRules'), undefined, 'not under Policies');
});

test('ignored reasons: read keys have none', () => {
  assert.is(ignoredKeyReason(locateKey(`${LOCAL}\\FirewallRules`)), undefined);
  assert.is(ignoredKeyReason(locateKey(`${GPO}\\PublicProfile`)), undefined);
  assert.is(ignoredKeyReason(undefined), KEY_IGNORED.outside);
  assert.is(ignoredKeyReason(locateKey(`${LOCAL}\\RestrictedServices\\Static\\System`)), KEY_IGNORED.hardening);
  assert.is(ignoredKeyReason(locateKey('HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Defaults\\FirewallPolicy\\FirewallRules')), KEY_IGNORED.defaults);
  assert.is(ignoredKeyReason(locateKey(GPO)), KEY_IGNORED.global);
});

test.run();
