/**
 * @fileoverview Large results render: 200,000 remediation command lines (once a RangeError: the fence length was a
 * Math.max over every line as arguments) and many findings, in linear time.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { markdownReport } from '../../reports/markdown.js';
import type { AuditResult } from '../../src/findings/result.js';
import { sampleResult } from './sample-result.js';

test('200,000 remediation lines in one dialect: one fence, longer than the longest backtick run', () => {
  const base = sampleResult();
  const commands = Array.from({ length: 200_000 }, (_, i) => ({ dialect: 'iptables' as const, text: i === 7 ? 'echo ````' : `iptables -I INPUT ${i + 1} -p tcp --dport ${i % 65536} -j ACCEPT` }));
  const result: AuditResult = { ...base, remediation: [{ id: 'fix:big', action: 'add', summary: 'add many rules', commands }] };
  const md = markdownReport(result, {});
  assert.ok(md.includes('\n`````sh\n# fix:big\niptables -I INPUT 1 '), 'a five-backtick fence opens the block');
  assert.ok(md.includes('iptables -I INPUT 200000 -p tcp --dport 3391 -j ACCEPT\n`````\n'), 'and closes it after the last command');
});

test('findings keep their per-severity tables when there are tens of thousands of them', () => {
  const base = sampleResult();
  const findings = Array.from({ length: 20 }, () => base.findings).flat();
  const md = markdownReport({ ...base, findings }, {});
  for (const sev of ['critical', 'high', 'medium', 'low', 'info'] as const) {
    const n = findings.filter((f) => f.severity === sev).length;
    if (n > 0) assert.ok(md.includes(`### ${sev.charAt(0).toUpperCase()}${sev.slice(1)} (${n})\n`), sev);
  }
});

test.run();
