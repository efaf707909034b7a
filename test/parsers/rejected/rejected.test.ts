import { existsSync, readdirSync, statSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fromText } from '../../../src/input/decode.js';
import { COLLECT_COMMAND, GPO_XML_COMMAND } from '../../../parsers/ps-json/advice.js';
import { rejectedParser } from '../../../parsers/rejected/index.js';
import { loadFixture, REPO, refusal } from '../ps-json/helpers.js';

const DIR = 'fixtures/rejected/';

test('each lossy artifact: detected, one error with its code and the exact command to run instead', () => {
  const cases: [string, string, string][] = [
    ['gpo-report.html', 'REJECTED_GPO_HTML', GPO_XML_COMMAND],
    ['format-list.utf16.txt', 'REJECTED_FORMAT_LIST', COLLECT_COMMAND],
    ['format-table.utf16.txt', 'REJECTED_FORMAT_TABLE', COLLECT_COMMAND],
    ['iptables-L.txt', 'REJECTED_IPTABLES_LIST', 'iptables-save'],
    ['iptables-Lnv.txt', 'REJECTED_IPTABLES_LIST', 'iptables-save'],
    ['export-clixml.xml', 'REJECTED_CLIXML', COLLECT_COMMAND],
  ];
  for (const [file, code, command] of cases) {
    const input = loadFixture(DIR + file);
    assert.ok(rejectedParser.detect(input), file);
    const d = refusal(rejectedParser, input);
    assert.is(d.code, code, file);
    assert.ok(d.message.includes(command), `${file}: ${d.message}`);
    assert.equal(d.ref, { file: DIR + file });
  }
  assert.ok(refusal(rejectedParser, loadFixture(`${DIR}export-clixml.xml`)).message.startsWith('Export-Clixml files are not supported yet'));
});

test('the PowerShell text fixtures are UTF-16LE with BOM, as Windows PowerShell 5.1 `>` writes them', () => {
  for (const f of ['format-list.utf16.txt', 'format-table.utf16.txt']) assert.is(loadFixture(DIR + f).encoding, 'utf-16le');
});

test('forced on an unrelated file (--input-format): still one error, no rules', () => {
  const d = refusal(rejectedParser, fromText('x.txt', 'hello\n'));
  assert.is(d.code, 'REJECTED_UNKNOWN');
});

/** Every file under a folder, recursively. */
function walk(dir: string): string[] {
  return readdirSync(REPO + dir).flatMap((f) => (statSync(REPO + dir + f).isDirectory() ? walk(`${dir}${f}/`) : [dir + f]));
}

test('no false positives: real exports in fixtures/ and the corpus are never claimed', () => {
  const corpus = existsSync(REPO + '../shared/corpus') ? walk('../shared/corpus/') : [];
  const lossy = /gporeport_html_|ps_format(list|table)_/;
  const files = [...walk('fixtures/'), ...corpus].filter((f) => !f.startsWith(DIR) && !lossy.test(f));
  assert.ok(files.length > 30);
  for (const f of files) assert.not.ok(rejectedParser.detect(loadFixture(f)), f);
});

test('near misses: netsh in French ("Action :"), a netsh separator, a one-column table, HTML that is not a GPO report', () => {
  const texts = [
    '\r\nNom de la règle :                     K2\r\n----------------------------------------------------------------------\r\nActivé :                              Oui\r\nDirection :                           Entrée\r\nAction :                              Autoriser\r\n',
    'Rule Name:                            K2\r\n----------------------------------------------------------------------\r\nEnabled:                              Yes\r\n',
    'Comment\r\n-------\r\nnothing to see\r\n',
    '<html><head><title>My notes</title></head><body>firewall ports 5555</body></html>',
    'Chain INPUT\nsome prose about chains\n',
  ];
  for (const t of texts) assert.not.ok(rejectedParser.detect(fromText('x', t)), t.slice(0, 40));
});

test.run();
