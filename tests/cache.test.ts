import { describe, expect, it } from 'vitest';
import { appendFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli, tempTree } from './helpers/cli.js';

const article = '---\ntitle: 断缴以后\n---\n\n职工医保断交以后，个人账户里的余额过段时间就作废了。\n\n停缴以后个人账户余额归个人所有。\n';

function cacheNote(stdout: string): string | undefined {
  return (JSON.parse(stdout).notes as string[] | undefined)?.find((n) => n.startsWith('cache:'));
}

describe('analysis cache', () => {
  it('reuses unchanged files and is dropped when the registry, a file or the as-of date changes', () => {
    const dir = tempTree({ 'a.md': article, 'b.md': article.replace('作废', '清零') });
    cpSync(join(repoRoot, 'claims'), join(dir, 'claims'), { recursive: true });
    const run = (...extra: string[]) => runCli(['check', 'a.md', 'b.md', '--format', 'json', '--cache', '--as-of', '2026-01-01', ...extra], dir);

    const first = run();
    expect(cacheNote(first.stdout)).toBe('cache: 0 of 2 files unchanged');
    const second = run();
    expect(cacheNote(second.stdout)).toBe('cache: 2 of 2 files unchanged');
    // Same findings from the cache as from a fresh analysis.
    expect(JSON.parse(second.stdout).findings).toEqual(JSON.parse(first.stdout).findings);
    expect(second.code).toBe(first.code);

    appendFileSync(join(dir, 'b.md'), '\n新增一句。\n');
    expect(cacheNote(run().stdout)).toBe('cache: 1 of 2 files unchanged');

    appendFileSync(join(dir, 'claims', 'personal-account.yaml'), '\n# a comment changes the registry digest\n');
    expect(cacheNote(run().stdout)).toBe('cache: 0 of 2 files unchanged');
    expect(cacheNote(run().stdout)).toBe('cache: 2 of 2 files unchanged');

    expect(cacheNote(runCli(['check', 'a.md', 'b.md', '--format', 'json', '--cache', '--as-of', '2026-06-01'], dir).stdout)).toBe(
      'cache: 0 of 2 files unchanged',
    );
  });

  it('is off unless asked for', () => {
    const dir = tempTree({ 'a.md': article });
    const r = runCli(['check', 'a.md', '--format', 'json', '--registry', join(repoRoot, 'claims')], dir);
    expect(cacheNote(r.stdout)).toBeUndefined();
  });
});
