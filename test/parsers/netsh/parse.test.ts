import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { LABEL_LINE, parseLines, splitLabel, isSeparator } from '../../../parsers/netsh/parse.js';
import { ParseSink } from '../../../parsers/shared/parse-sink.js';

const DASH = '-'.repeat(70);

test('splitLabel splits at the first colon, keeps colons in values, trims padding', () => {
  assert.equal(splitLabel('Rule Name:                            Foo: bar (TCP-In)'), { label: 'Rule Name', value: 'Foo: bar (TCP-In)' });
  assert.equal(splitLabel('Program:                              C:\\x\\y.exe   '), { label: 'Program', value: 'C:\\x\\y.exe' });
  assert.equal(splitLabel('Grouping:'), { label: 'Grouping', value: '' });
  assert.equal(splitLabel('Nom de la règle :                     X'), { label: 'Nom de la règle', value: 'X' });
  assert.is(splitLabel('State                                 ON'), undefined);
  assert.is(splitLabel('   indented: no'), undefined);
  assert.ok(isSeparator(DASH));
  assert.not.ok(isSeparator('----   -----------'));
});

test('splitLabel by hand agrees with the LABEL_LINE pattern on random lines', () => {
  const unit = fc.constantFrom('a', 'Z', ' ', '\t', ':', '：', '\u00a0', '\ufeff', '\u2028', '\r', '\n', '\v', 'é', '-', '9');
  const line = fc.oneof(fc.array(unit, { maxLength: 12 }).map((a) => a.join('')), fc.string({ maxLength: 20 }));
  fc.assert(
    fc.property(line, (text) => {
      const m = LABEL_LINE.exec(text);
      const expected = m === null ? undefined : { label: (m[1] ?? '').trim(), value: (m[2] ?? '').trim() };
      assert.equal(splitLabel(text), expected, JSON.stringify(text));
    }),
    { numRuns: 20_000 },
  );
});

test('parseLines keys a rule by its Rule Name line and attaches indented continuations', () => {
  const lines = [
    '',
    'Rule Name:                            A',
    DASH,
    'RemoteIP:                             10.0.0.0/8,',
    '                                      10.1.0.0/16',
    'Protocol:                             ICMPv4',
    '                                      Type    Code',
    '                                      8       Any',
    'Odd line without colon',
    'Action:                               Allow',
    '',
    'Rule Name:                            B',
    'Enabled:                              No',
    'Ok.',
  ];
  const sink = new ParseSink('t.txt', lines.length);
  const doc = parseLines(lines, sink);
  assert.is(doc.rules.length, 2);
  const [a, b] = doc.rules;
  assert.is(a?.line, 2);
  assert.equal(
    a?.fields.map((f) => [f.label, f.key, f.value.text, f.value.line, f.continuations.map((c) => `${c.line}:${c.text}`)]),
    [
      ['Rule Name', 'name', 'A', 2, []],
      ['RemoteIP', 'remoteIp', '10.0.0.0/8,', 4, ['5:10.1.0.0/16']],
      ['Protocol', 'protocol', 'ICMPv4', 6, ['7:Type    Code', '8:8       Any']],
      ['Action', 'action', 'Allow', 10, []],
    ],
  );
  assert.equal(a?.strays, [{ text: 'Odd line without colon', line: 9 }]);
  assert.is(a?.raw, lines.slice(1, 10).join('\n'), 'raw ends at the last non-blank line of the block');
  // the dashes line is optional: B starts at its Rule Name line anyway
  assert.is(b?.line, 12);
  assert.is(b?.raw, lines.slice(11, 13).join('\n'));
  assert.equal(sink.accounting().ignored, { blank: 2, separator: 1, 'status line': 1 });
  assert.is(doc.foreignHeaderLine, undefined);
});

test('parseLines reads profile sections with the Logging sub-header and the no-rules message', () => {
  const lines = [
    'No rules match the specified criteria.',
    'Domain Profile Settings:',
    DASH,
    'State                                 ON',
    'Firewall Policy                       BlockInbound,AllowOutbound',
    '',
    'Logging:',
    'MaxFileSize                           4096',
    'Public Profile Settings:',
    'State                                 OFF',
  ];
  const doc = parseLines(lines, new ParseSink('t.txt', lines.length));
  assert.equal(doc.noRulesLines, [1]);
  assert.equal(
    doc.profiles.map((p) => [p.profile, p.line, p.entries.map((e) => `${e.line}|${e.key}|${e.value}|${e.logging}`)]),
    [
      ['domain', 2, ['4|State|ON|false', '5|Firewall Policy|BlockInbound,AllowOutbound|false', '7|Logging:||true', '8|MaxFileSize|4096|true']],
      ['public', 9, ['10|State|OFF|false']],
    ],
  );
});

test('parseLines reports lines outside any block and finds a foreign-locale header', () => {
  const lines = ['C:\\>netsh advfirewall firewall show rule name=all', 'Nom de la règle :    X', DASH, 'Activé :    Oui'];
  const sink = new ParseSink('t.txt', lines.length);
  const doc = parseLines(lines, sink);
  assert.is(doc.rules.length, 0);
  assert.is(doc.foreignHeaderLine, 2);
  assert.equal(
    sink.diagnostics.map((d) => `${d.code}@${d.ref.line}`),
    ['NETSH_UNRECOGNIZED_LINE@1', 'NETSH_UNRECOGNIZED_LINE@2', 'NETSH_UNRECOGNIZED_LINE@4'],
  );
});

test.run();
