import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addressKeyword, portKeyword } from '../../../parsers/shared/windows-keywords.js';
import { parseAction, parseDirection, parseProfileToken, parseRuleSource, parseYesNo, ruleFieldKey } from '../../../parsers/netsh/labels.js';
import { parseLocalRules, parsePolicy, parseState, profileHeader, profileKey } from '../../../parsers/netsh/profile-labels.js';

test('rule labels map English and German spellings to one key', () => {
  assert.is(ruleFieldKey('Rule Name'), 'name');
  assert.is(ruleFieldKey('Regelname'), 'name');
  assert.is(ruleFieldKey('Edge traversal'), 'edge');
  assert.is(ruleFieldKey('LokaleIP'), 'localIp');
  assert.is(ruleFieldKey('Lokales IP'), 'localIp');
  assert.is(ruleFieldKey('Remote-IP'), 'remoteIp');
  assert.is(ruleFieldKey('Lokaler Port'), 'localPort');
  assert.is(ruleFieldKey('Remoteport'), 'remotePort');
  assert.is(ruleFieldKey('Regelquelle'), 'ruleSource');
  assert.is(ruleFieldKey('Nom de la règle'), undefined);
});

test('rule values: yes/no, direction, action, profiles, rule source', () => {
  assert.is(parseYesNo('Ja'), true);
  assert.is(parseYesNo('No'), false);
  assert.is(parseYesNo('Maybe'), undefined);
  assert.is(parseDirection('Aus'), 'out');
  assert.is(parseDirection('Eingehend'), 'in');
  assert.is(parseAction('Blockieren'), 'block');
  assert.is(parseAction('Bypass'), 'bypass');
  assert.is(parseProfileToken('Öffentlich'), 'public');
  assert.is(parseProfileToken('Any'), 'any');
  assert.is(parseProfileToken('Home'), undefined);
  assert.is(parseRuleSource('Group Policy'), 'gpo');
  assert.is(parseRuleSource('Lokale Einstellung'), 'local');
});

test('keywords keep the Windows spelling whatever the case', () => {
  assert.is(portKeyword('rpc-epmap'), 'RPC-EPMap');
  assert.is(portKeyword('PlayToDiscovery'), 'PlayToDiscovery');
  assert.is(portKeyword('8080'), undefined);
  assert.is(addressKeyword('localsubnet'), 'LocalSubnet');
  assert.is(addressKeyword('RmtIntranet'), 'RmtIntranet');
  assert.is(addressKeyword('10.0.0.1'), undefined);
});

test('profile headers, keys and values in English and German', () => {
  assert.is(profileHeader('Domain Profile Settings:'), 'domain');
  assert.is(profileHeader('Domänenprofil-Einstellungen:'), 'domain');
  assert.is(profileHeader('Einstellungen für Privates Profil:'), 'private');
  assert.is(profileHeader('Öffentliches Profil-Einstellungen:'), 'public');
  assert.is(profileHeader('Paramètres du profil de domaine :'), undefined);
  assert.is(profileKey('Firewallrichtlinie'), 'policy');
  assert.is(profileKey('Status'), 'state');
  assert.is(profileKey('MaxFileSize'), undefined);
  assert.equal(parseState('EIN'), { ok: true, value: true });
  assert.equal(parseState('NotConfigured'), { ok: true, value: undefined });
  assert.equal(parseState('maybe'), { ok: false });
  assert.equal(parsePolicy('BlockInboundAlways,AllowOutbound'), { ok: true, value: { inbound: 'block-always', outbound: 'allow' } });
  assert.equal(parsePolicy('AllowInbound,BlockOutbound'), { ok: true, value: { inbound: 'allow', outbound: 'block' } });
  assert.equal(parsePolicy('NotConfigured,AllowOutbound'), { ok: true, value: { inbound: undefined, outbound: 'allow' } });
  assert.equal(parsePolicy('BlockInbound'), { ok: false });
  assert.equal(parseLocalRules('Enable'), { ok: true, value: true });
  assert.equal(parseLocalRules('Disable'), { ok: true, value: false });
  assert.equal(parseLocalRules('N/A (GPO-store only)'), { ok: true, value: undefined });
});

test.run();
