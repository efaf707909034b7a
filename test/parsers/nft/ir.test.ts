import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { elementSpans } from '../../../parsers/nft/json-elements.js';
import { exprFromJson } from '../../../parsers/nft/json-expr.js';
import { parsePriority } from '../../../parsers/nft/priority.js';
import { readTextRule } from '../../../parsers/nft/text-rule.js';
import { tokenize } from '../../../parsers/nft/text-tokenize.js';

const rule = (text: string) => readTextRule(tokenize(text).tokens.filter((t) => t.kind !== 'nl'));

test('tokenize: words, strings, punctuation, comments and lines', () => {
  const t = tokenize('iifname "eth 0" ip saddr != 10.0.0.0/8 # note\n\ttcp flags syn / fin,syn accept');
  assert.equal(t.tokens.map((x) => `${x.kind}:${x.text}@${x.line}`), [
    'word:iifname@1', 'string:eth 0@1', 'word:ip@1', 'word:saddr@1', 'punct:!=@1', 'word:10.0.0.0/8@1', 'nl:@1',
    'word:tcp@2', 'word:flags@2', 'word:syn@2', 'word:/@2', 'word:fin@2', 'punct:,@2', 'word:syn@2', 'word:accept@2',
  ]);
  assert.equal([...t.comments], [[1, ' note']]);
  assert.is(t.lineCount, 2);
  assert.equal(tokenize('a "b\nc').unterminated, [1]);
});

test('text rule → IR: matches with masks, sets, verdict maps, statements and the comment', () => {
  const r = rule('tcp flags syn / fin,syn ct state established,related tcp dport vmap { 22 : jump ssh, 80 : accept } comment "x"');
  assert.equal(r.exprs, [
    { kind: 'match', left: { key: 'tcp flags', mask: { kind: 'set', items: [{ kind: 'atom', text: 'fin' }, { kind: 'atom', text: 'syn' }] } }, op: 'eq', right: { kind: 'atom', text: 'syn' } },
    { kind: 'match', left: { key: 'ct state' }, op: 'in', right: { kind: 'set', items: [{ kind: 'atom', text: 'established' }, { kind: 'atom', text: 'related' }] } },
    {
      kind: 'vmap',
      left: { key: 'tcp dport' },
      entries: [
        { key: { kind: 'atom', text: '22' }, verdict: { kind: 'verdict', verdict: 'jump', target: 'ssh' } },
        { key: { kind: 'atom', text: '80' }, verdict: { kind: 'verdict', verdict: 'accept' } },
      ],
    },
  ]);
  assert.is(r.comment, 'x');
  assert.equal(rule('iif lo counter packets 1 bytes 2 log prefix "p" flags all reject with icmpx type port-unreachable').exprs, [
    { kind: 'match', left: { key: 'meta iif' }, op: 'in', right: { kind: 'atom', text: 'lo' } },
    { kind: 'effectless', text: 'counter' },
    { kind: 'effectless', text: 'log' },
    { kind: 'verdict', verdict: 'reject' },
  ]);
});

test('text rule → IR: unknown expressions stop at the next known keyword; opaque selectors are conditions', () => {
  assert.equal(rule('frobnicate 1 2 tcp dport 22 accept').exprs.map((e) => e.kind), ['unknown', 'match', 'verdict']);
  assert.equal(rule('frobnicate 1 2 tcp dport 22 accept').exprs[0], { kind: 'unknown', text: 'frobnicate 1 2' });
  assert.equal(rule('fib saddr . iif oif missing drop').exprs, [{ kind: 'condition', text: 'fib saddr . iif oif missing' }, { kind: 'verdict', verdict: 'drop' }]);
  assert.equal(rule('fib daddr type != { local, broadcast } tcp dport 80 accept').exprs.map((e) => e.kind), ['condition', 'match', 'verdict']);
  assert.equal(rule('ip saddr . tcp dport { 10.0.0.1 . 22 } accept').exprs[0], { kind: 'condition', text: 'ip saddr . tcp dport { 10.0.0.1 . 22 }' });
  assert.equal(rule('xt match "conntrack" accept').exprs[0], { kind: 'xt', xtType: 'match', name: 'conntrack' });
  assert.equal(rule('meta mark set 0x1 accept').exprs[0], { kind: 'effectless', text: 'meta mark set 0x1' });
});

test('JSON expression → IR: the same vocabulary as the text reader', () => {
  assert.equal(exprFromJson({ match: { op: '!=', left: { meta: { key: 'iif' } }, right: 'lo' } }), { kind: 'match', left: { key: 'meta iif' }, op: 'ne', right: { kind: 'atom', text: 'lo' } });
  assert.equal(exprFromJson({ match: { op: '==', left: { payload: { protocol: 'ip', field: 'saddr' } }, right: { prefix: { addr: '10.0.0.0', len: 8 } } } }), {
    kind: 'match', left: { key: 'ip saddr' }, op: 'eq', right: { kind: 'atom', text: '10.0.0.0/8' },
  });
  assert.equal(exprFromJson({ limit: { rate: 100, burst: 5, per: 'second' } }), { kind: 'condition', text: 'limit rate 100/second' });
  assert.equal(exprFromJson({ xt: { type: 'target', name: 'REJECT' } }), { kind: 'xt', xtType: 'target', name: 'REJECT' });
  assert.equal(exprFromJson({ jump: { target: 'x' } }), { kind: 'verdict', verdict: 'jump', target: 'x' });
  assert.equal(exprFromJson({ frob: 1 }), { kind: 'unknown', text: '{"frob":1}' });
  assert.equal(exprFromJson({ match: { op: '==', left: { fib: { result: 'type', flags: ['daddr'] } }, right: 'local' } }).kind, 'condition');
});

test('priorities: numbers, names and name ± n; bridge has its own scale', () => {
  assert.equal([['filter'], ['-300'], ['mangle', '-', '5'], ['filter+10'], ['dstnat'], ['srcnat'], ['security'], ['raw']].map((w) => parsePriority(w, 'inet')), [0, -300, -155, 10, -100, 100, 50, -300]);
  assert.is(parsePriority(['filter'], 'bridge'), -200);
  assert.is(parsePriority(['bogus'], 'ip'), undefined);
});

test('JSON element spans: offsets and lines of the nftables array elements', () => {
  const text = '{"nftables": [\n  {"a": "}"},\n  {"b": [1, {"c": 2}]}, 7\n]}';
  const spans = elementSpans(text);
  assert.equal(spans.map((s) => text.slice(s.start, s.end)), ['{"a": "}"}', '{"b": [1, {"c": 2}]}', '7']);
  assert.equal(spans.map((s) => s.line), [2, undefined, undefined]);
  assert.equal(elementSpans('{"x": [1], "nftables": [{"y": 1}]}').length, 1);
});

test.run();
