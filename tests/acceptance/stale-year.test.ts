// stale-year on the two real scraped pages in ../shared/samples (acceptance suite).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';
import { samplesDir } from '../helpers/acceptance.js';

// One bundled registry file: the findings depend on its effective date, not on
// claims other people are still adding (as in tests/rules/stale-year.pipeline.test.ts).
const registryPath = join(repoRoot, 'claims', 'personal-account.yaml');
/** A working directory without a config file, so every rule runs with defaults. */
const plainDir = mkdtempSync(join(tmpdir(), 'claimlint-stale-'));

describe('the real scraped pages', () => {
  interface JsonFinding {
    ruleId: string;
    severity: string;
    file: string;
    line: number;
    column: number;
    endColumn: number;
    message: string;
  }
  const staleOn = (asOf: string): JsonFinding[] => {
    const r = runCli(['check', samplesDir, '--as-of', asOf, '--format', 'json', '--registry', registryPath], plainDir);
    expect(r.stderr).toBe('');
    return (JSON.parse(r.stdout).findings as JsonFinding[]).filter((f) => f.ruleId === 'stale-year');
  };

  it('reports exactly the two stale years in sample 000 as of 2025-06-30', () => {
    const found = staleOn('2025-06-30');
    expect(found.map((f) => [f.file.split('/').pop(), f.line, f.column, f.severity])).toEqual([
      // Line 54, "约1000元 2024年南昌社保最低缴费金额如下: …" answers the present-tense question
      // "南昌社保最低交多少钱一个月" with 2024 figures and no qualifier: it heads the list of
      // amounts, so a reader takes them as today's — but nothing calls them the latest: warning.
      ['000_c20b1bd4671130ea.txt', 54, 8, 'warning'],
      // Line 60, "…根据2024年最新政策整理如下": 2024 is called the latest policy, a year before
      // the as-of date (and already a year old when the item was dated 2025-03-14): error.
      ['000_c20b1bd4671130ea.txt', 60, 12, 'error'],
    ]);
    expect(found[0]!.endColumn).toBe(13);
    expect(found[0]!.message).toContain('(this item is dated 2025-03-14)');
    expect(found[1]!.endColumn).toBe(17);
    expect(found[1]!.message).toBe(
      '“2024年最新” presents 2024 as current, but it is 1 year before the as-of date 2025-06-30 (this item is dated 2025-03-14).',
    );
  });

  it('leaves the historical and dated years alone even when every year is old', () => {
    // As of 2030 every year on both pages is in the past, yet only the two findings above
    // are stale. Not reported, by line of sample 000: 60 "2024年职工基本养老保险使用…4216元/月"
    // (the base used in 2024, a dated statement); 64/70/142 titles "2025年河北邯郸…医院有哪些"
    // (no rate/standard word); 66 "创建于1958年"; 78 "自2023年1月起…", "2023年因疫情影响…曾降低",
    // "2024年恢复常规调整" (historical and dated events); 120 "2019年：淮南…" GDP series.
    // Sample 001: "2025年安徽…什么医院好" titles, "连续12年蝉联" (a duration).
    const found = staleOn('2030-06-30');
    expect(found.map((f) => [f.file.split('/').pop(), f.line, f.column, f.severity])).toEqual([
      ['000_c20b1bd4671130ea.txt', 54, 8, 'warning'],
      ['000_c20b1bd4671130ea.txt', 60, 12, 'error'],
    ]);
  });

  it('reports nothing as of 2024, when 2024 was current', () => {
    expect(staleOn('2024-12-31')).toEqual([]);
  });
});
