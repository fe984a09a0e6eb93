import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { formatCodeQuality, type CodeQualityIssue } from '../../src/formatters/codequality.js';
import type { Finding, RunResult } from '../../src/types.js';
import { repoRoot, runCli, tempTree } from '../helpers/cli.js';

/**
 * The report shape GitLab documents for `artifacts:reports:codequality`
 * ("Code Quality report format"): a JSON array of issues, each with these
 * fields; other Code Climate fields may be present and are ignored.
 */
const gitlabReportShape = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          // Relative to the repository root: no leading slash, no ./, forward slashes.
          path: { type: 'string', pattern: '^(?!/)(?!\\./)[^\\\\]+$' },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};
const validate = new Ajv({ allErrors: true }).compile(gitlabReportShape);

const contradiction: Finding = {
  ruleId: 'claim-contradiction',
  severity: 'error',
  file: 'corpus/lapse.md',
  line: 10,
  column: 1,
  endLine: 11,
  endColumn: 4,
  message: '说余额会清零，与规范说法相反',
  excerpt: '断缴满三个月后，账户里的余额会被系统清空',
  claimId: 'personal-account.balance-after-lapse',
  expected: '停缴后个人账户余额不清零，可继续使用',
  source: '国办发〔2021〕14号',
  fingerprint: 'fp-a',
};
const stale: Finding = {
  ruleId: 'stale-year',
  severity: 'warning',
  file: 'corpus/报销.md',
  line: 1,
  column: 3,
  endLine: 1,
  endColumn: 7,
  message: '标题中的2024年已不是当年',
  excerpt: '报销比例2024',
  fingerprint: 'fp-b',
};
const info: Finding = { ...stale, ruleId: 'unverified-claim', severity: 'info', line: 4, endLine: 4, fingerprint: 'fp-c' };

const result = (findings: Finding[]): RunResult => ({
  version: 1,
  asOf: '2026-11-22',
  findings,
  summary: { files: 2, claims: 5, errors: 1, warnings: 1, infos: 1 },
  rules: [],
  notes: ['a note that is not an issue'],
});

describe('codequality', () => {
  it('has the shape GitLab documents, one issue per finding', () => {
    const issues = JSON.parse(formatCodeQuality(result([contradiction, stale, info]), { cwd: '/repo', color: false, toolVersion: '0' })) as unknown;
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    expect(issues).toHaveLength(3);
    expect(validate([{ description: 'x', check_name: 'r', fingerprint: 'f', severity: 'error', location: { path: 'a', lines: { begin: 1 } } }])).toBe(false);
    expect(validate([{ description: 'x', check_name: 'r', fingerprint: 'f', severity: 'major', location: { path: './a', lines: { begin: 1 } } }])).toBe(false);
  });

  it('maps severities, keeps the fingerprint, and describes the finding with the canonical statement and its source', () => {
    const [a, b, c] = JSON.parse(formatCodeQuality(result([contradiction, stale, info]), { cwd: '/repo', color: false, toolVersion: '0' })) as CodeQualityIssue[];
    expect(a).toEqual({
      description: 'claim-contradiction: 说余额会清零，与规范说法相反 — canonical: 停缴后个人账户余额不清零，可继续使用 (国办发〔2021〕14号)',
      check_name: 'claim-contradiction',
      fingerprint: 'fp-a',
      severity: 'major',
      location: { path: 'corpus/lapse.md', lines: { begin: 10, end: 11 } },
    });
    expect([b!.severity, c!.severity]).toEqual(['minor', 'info']);
    expect(b!.location.path).toBe('corpus/报销.md');
  });

  it('gives paths relative to the repository root when run from a subfolder', () => {
    const opts = { cwd: '/repo/site', root: '/repo', color: false, toolVersion: '0' };
    const [a] = JSON.parse(formatCodeQuality(result([{ ...contradiction, file: 'corpus/lapse.md' }]), opts)) as CodeQualityIssue[];
    expect(a!.location.path).toBe('site/corpus/lapse.md');
  });

  it('prints an empty array for a clean run', () => {
    expect(formatCodeQuality(result([]), { cwd: '/repo', color: false, toolVersion: '0' })).toBe('[]\n');
  });
});

describe('codequality from the command line', () => {
  const bad = '职工医保断交以后，个人账户里的余额过段时间就作废了。';
  const article = (title: string) => `---\ntitle: ${title}\n---\n\n${bad}\n`;

  it('the same sentence in two articles is two issues, paths from the git top level', () => {
    const dir = tempTree({ 'site/a.md': article('甲'), 'site/b.md': article('乙') });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const r = runCli(['check', '.', '--registry', join(repoRoot, 'claims'), '--format', 'codequality'], join(dir, 'site'));
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout) as CodeQualityIssue[];
    expect(validate(issues)).toBe(true);
    const contradictions = issues.filter((i) => i.check_name === 'claim-contradiction');
    expect(contradictions.map((i) => i.location.path)).toEqual(['site/a.md', 'site/b.md']);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  it('input problems of two files are two issues', () => {
    const dir = tempTree({ 'a.md': '', 'b.md': '' });
    const r = runCli(['check', '.', '--registry', join(repoRoot, 'claims'), '--format', 'codequality'], dir);
    const issues = JSON.parse(r.stdout) as CodeQualityIssue[];
    expect(issues.map((i) => [i.check_name, i.location.path])).toEqual([
      ['input', 'a.md'],
      ['input', 'b.md'],
    ]);
    expect(issues[0]!.fingerprint).not.toBe(issues[1]!.fingerprint);
  });
});
