// Defect 1 of issue 9: about 120,000 findings in one file ended the run with
// "Maximum call stack size exceeded" and no report, because arrays of findings,
// rows and lines were spread into push() / Math.max() as call arguments.
import { describe, expect, it } from 'vitest';
import { maxOf, pushAll } from '../../src/arrays.js';
import { formatNames, formatters } from '../../src/formatters/index.js';
import type { Finding, RunResult } from '../../src/types.js';
import { runCli, tempTree } from '../helpers/cli.js';

describe('arrays of any size', () => {
  it('pushAll and maxOf take more items than a call can take arguments', () => {
    const big = Array.from({ length: 300_000 }, (_, i) => i);
    expect(() => [].push(...(big as never[]))).toThrow(RangeError); // what the old code did
    expect(pushAll([-1], big)).toHaveLength(300_001);
    expect(maxOf(big)).toBe(299_999);
    expect(maxOf([], 7)).toBe(7);
  });
});

describe('a report with 150,000 findings in one file', () => {
  const findings: Finding[] = Array.from({ length: 150_000 }, (_, i) => ({
    ruleId: 'stale-year',
    severity: 'error',
    file: 'big.md',
    line: i + 3,
    column: 1,
    endLine: i + 3,
    endColumn: 7,
    message: 'm',
    excerpt: 'e',
    fingerprint: `f${i}`,
  }));
  const result: RunResult = {
    version: 1,
    asOf: '2026-06-30',
    findings,
    summary: { files: 1, claims: 0, errors: findings.length, warnings: 0, infos: 0 },
    rules: [],
    notes: [],
  };

  for (const name of formatNames) {
    it(`is formatted by ${name}`, () => {
      // claimreview lists contradictions only: the same findings as contradictions.
      const input = name === 'claimreview' ? { ...result, findings: findings.map((f) => ({ ...f, ruleId: 'claim-contradiction' })) } : result;
      const out = formatters[name](input, { cwd: '/', color: false, toolVersion: '0.0.0' });
      // The last finding's line number is in every format that lists findings (markdown cuts its table),
      // its fingerprint in the ClaimReview URL.
      if (name === 'markdown') expect(out).toContain('**150000 problems**');
      else if (name === 'claimreview') expect(out).toContain('#claimlint-f149999"');
      else expect(out).toContain(String(150_002));
    });
  }
});

describe('the CLI with 40,000 findings in one file and a small stack', () => {
  // A small stack (--stack-size) makes the old spreads overflow at 40,000 items
  // instead of ~120,000, so the test stays quick; the code must not care.
  // Not smaller than 200 KB: micromark itself spreads chunks of 10,000 items
  // into splice(), which needs about 90 KB, and machines differ in how much
  // stack the frames below it take (100 KB overflowed in CI's parse stage).
  const dir = tempTree({ 'big.md': `# 医保\n\n${'2024年最新政策。\n'.repeat(40_000)}` });

  it('reports every finding and exits 1', () => {
    const r = runCli(['check', 'big.md', '--as-of', '2026-06-30', '--format', 'json'], dir, undefined, ['--stack-size=200']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: Array<{ line: number }>; summary: { errors: number } };
    expect(report.summary.errors).toBe(40_000);
    // Line 3 is the first 2024年最新 sentence, line 40,002 the last.
    expect(report.findings[0]!.line).toBe(3);
    expect(report.findings.at(-1)!.line).toBe(40_002);
  });
});
