// `--format json` is written in pieces (src/formatters/json.ts jsonChunks) so a
// run over a large corpus never holds the whole report as one string. The pieces
// must be, joined, exactly what JSON.stringify of the report object gives.
import { describe, expect, it } from 'vitest';
import { jsonChunks, jsonReport } from '../../src/formatters/json.js';
import type { Finding, RunResult } from '../../src/types.js';

function finding(i: number): Finding {
  return {
    ruleId: i % 2 ? 'claim-contradiction' : 'stale-year',
    severity: 'error',
    file: `dir/文章-${i}.md`,
    line: i + 1,
    column: 2,
    endLine: i + 1,
    endColumn: 9,
    // Quotes, a newline, a bracket sequence and the key's own text inside values.
    message: `第${i}条 "findings": [] 说法\n有误`,
    excerpt: '停缴后个人账户余额清零。',
    ...(i % 3 === 0 ? { claimId: 'personal-account.balance-after-lapse', expected: '余额归个人所有', source: '医保发〔2021〕' } : {}),
    ...(i % 5 === 0 ? { related: [{ file: 'b.md', line: 3, column: 1, endLine: 3, endColumn: 4, excerpt: '不清零', message: 'x' }] } : {}),
    fingerprint: `fp${i}`,
  };
}

function result(count: number, notes: string[] = []): RunResult {
  return {
    version: 1,
    asOf: '2026-06-30',
    findings: Array.from({ length: count }, (_, i) => finding(i)),
    summary: { files: 2, claims: 5, errors: count, warnings: 0, infos: 0 },
    rules: [],
    notes,
  };
}

describe('jsonChunks', () => {
  for (const [count, notes] of [
    [0, []],
    [1, []],
    [2, ['skipped "a.bin": binary']],
    [1300, ['one note', 'two']],
  ] as const) {
    it(`joins to JSON.stringify of the report: ${count} findings, ${notes.length} notes`, () => {
      const r = result(count, [...notes]);
      const pieces = [...jsonChunks(r)];
      expect(pieces.join('')).toBe(`${JSON.stringify(jsonReport(r), null, 2)}\n`);
      // Large reports come in several pieces, none of them the whole findings list.
      if (count > 1000) expect(pieces.length).toBeGreaterThan(3);
    });
  }
});
