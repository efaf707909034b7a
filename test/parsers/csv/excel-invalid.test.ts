import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertAccounted, codes, conditionTexts, parseCsvOk, ruleNamed } from './helpers.js';

test('Excel corruption: an error naming the column and value, the value unreadable (widest + condition)', () => {
  const rs = parseCsvOk('fixtures/csv/excel-corrupted_in.csv');
  const excel = rs.diagnostics.filter((d) => d.code === 'CSV_EXCEL_CORRUPTED');
  assert.equal(excel.map((d) => [d.ref.line, d.severity]), [[2, 'error'], [3, 'error'], [4, 'error'], [5, 'error']]);
  assert.is(excel[0]?.message, 'column IcmpType: "3:04" looks like an Excel time (ICMP type:code 3:4?); re-export the file instead of saving it from Excel');
  assert.ok(excel[1]?.message.startsWith('column Port: "10-May" looks like an Excel date'));
  assert.ok(excel[2]?.message.startsWith('column Port: "5/10/2024" looks like an Excel date'));
  assert.ok(excel[3]?.message.startsWith('column Port: "8.04E+04" looks like Excel scientific notation'));
  const range = ruleNamed(rs, 'Dynamic range (TCP-In)');
  assert.ok(range.localPorts.set.isFull());
  assert.ok(conditionTexts(range).includes('other: unreadable local port "10-May"'));
  assert.ok(conditionTexts(ruleNamed(rs, 'Destination Unreachable Fragmentation Needed (ICMPv4-In)')).includes('other: unreadable icmp type "3:04"'));
  assert.ok(conditionTexts(ruleNamed(rs, 'Echo Request (ICMPv4-In)')).includes('other: icmp type 8'), 'intact rows unaffected');
  assertAccounted(rs, 7);
  assert.is(rs.accounting.unsupported, 4);
});

test('invalid values: errors at the record line, rule kept and uncertain; a shifted row is flagged', () => {
  const rs = parseCsvOk('fixtures/csv/invalid-values.csv');
  assert.is(rs.rules.length, 9);
  const first = codes(rs.diagnostics).filter((c) => !c.endsWith('@10'));
  assert.equal(first, [
    'CSV_COLUMNS_MISSING@1',
    'CSV_INVALID_PORT@2',
    'CSV_INVALID_PROTOCOL@3',
    'CSV_INVALID_ADDRESS@4',
    'CSV_INVALID_VALUE@5',
    'CSV_MISSING_FIELD@6',
    'CSV_INVALID_PORT@7',
    'CSV_INVALID_VALUE@8',
    'CSV_INVALID_VALUE@9',
  ]);
  assert.ok(codes(rs.diagnostics).includes('CSV_EXTRA_CELLS@10'));
  const msg = (line: number) => rs.diagnostics.find((d) => d.ref.line === line)?.message;
  assert.is(msg(2), 'port 70000 out of range 0-65535 in local port');
  assert.is(msg(3), 'unknown protocol "tpc"');
  assert.is(msg(4), 'invalid address "300.1.1.1" in remote address');
  assert.is(msg(9), 'invalid direction "Sideways"');
  assert.equal(conditionTexts(ruleNamed(rs, 'Bad port')), ['other: unreadable local port "70000"']);
  assert.equal(conditionTexts(ruleNamed(rs, 'Empty action')), ['other: action not stated; assumed allow']);
  const sideways = ruleNamed(rs, 'Bad direction');
  assert.is(sideways.direction, 'in');
  assert.equal(conditionTexts(sideways), ['other: unreadable direction "Sideways"']);
  assert.ok(ruleNamed(rs, 'Unquoted').conditions.some((c) => c.text.startsWith('extra cells')));
  assertAccounted(rs, 10);
});

test.run();
