// Issue 9, defects 7 and 12 (SARIF): a cache that cannot be written costs a
// warning, never the report; a report that cannot be written is "cannot write
// FILE: reason" and exit 2; a run that exits 2 never reports a successful execution.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDir } from '../../src/fs-errors.js';
import { readPage } from '../helpers/pages.js';
import { UNRELATED_REGISTRY } from '../helpers/registries.js';
import { runCli, tempTree } from '../helpers/cli.js';

// The resignation page has three error findings (tests/parse/scraped-pages.test.ts): exit 1.
const tree = () =>
  tempTree({ 'claims/test.yaml': UNRELATED_REGISTRY, 'page.txt': readPage('resign-account.txt'), 'afile': 'not a directory', 'adir/.keep': '' });
const check = (dir: string, ...extra: string[]) =>
  runCli(['check', 'page.txt', '--registry', 'claims', '--as-of', '2025-06-30', '--format', 'json', ...extra], dir);
const errorCount = (stdout: string) => (JSON.parse(stdout) as { summary: { errors: number } }).summary.errors;

describe('an unusable cache location', () => {
  for (const [where, location] of [
    ['a file', 'afile'],
    ['a path under a file', 'afile/cache'],
  ] as const) {
    it(`(${where}) is a warning on stderr and in the notes; the report and exit code are as without a cache`, () => {
      const dir = tree();
      const r = check(dir, '--cache-location', location);
      expect(r.code).toBe(1);
      expect(errorCount(r.stdout)).toBe(3);
      expect(r.stderr).toBe(`claimlint: warning: cache not saved: cannot write ${location}: not a directory (a file is in the way)\n`);
      expect((JSON.parse(r.stdout) as { notes: string[] }).notes).toContain(`cache not saved: cannot write ${location}: not a directory (a file is in the way)`);
    });
  }

  it('does not change a run that exits 0', () => {
    const dir = tempTree({ 'claims/test.yaml': UNRELATED_REGISTRY, 'ok.md': '# 医保\n\n个人账户的钱归个人所有。\n', 'afile': 'x' });
    const r = runCli(['check', 'ok.md', '--registry', 'claims', '--as-of', '2025-06-30', '--format', 'json', '--cache-location', 'afile'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('cache not saved');
  });
});

describe('a report that cannot be written', () => {
  it('under a file: one line naming the file and the reason, exit 2, nothing on stdout', () => {
    const r = check(tree(), '-o', 'afile/report.json');
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'claimlint: cannot write afile/report.json: not a directory (a file is in the way)\n' });
  });

  it('onto a directory', () => {
    const r = check(tree(), '--format', 'sarif:adir');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claimlint: cannot write adir: is a directory\n');
  });

  it('into a directory that does not exist yet: the directories are made', () => {
    const dir = tree();
    const r = check(dir, '-o', 'out/nested/report.json');
    expect(r.code).toBe(1);
    expect(errorCount(readFileSync(join(dir, 'out/nested/report.json'), 'utf8'))).toBe(3);
  });
});

describe('ensureDir', () => {
  it('makes missing parents one at a time and refuses a file in the way', () => {
    const dir = tempTree({ f: 'x' });
    ensureDir(join(dir, 'a', 'b', 'c'));
    expect(existsSync(join(dir, 'a', 'b', 'c'))).toBe(true);
    expect(() => ensureDir(join(dir, 'f', 'g'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });
});

describe('SARIF of a run that exits 2', () => {
  it('records an unsuccessful execution with the reason, and the findings it did make', () => {
    const dir = tree();
    // A named file that does not exist makes the run exit 2 after analysing the others.
    const r = runCli(['check', 'page.txt', 'missing.md', '--registry', 'claims', '--as-of', '2025-06-30', '--format', 'sarif:out.sarif'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claimlint: cannot read input: missing.md: no such file or directory\n');
    const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    const inv = log.runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.exitCode).toBe(2);
    expect(inv.toolExecutionNotifications[0]).toEqual({ level: 'error', message: { text: 'cannot read input: missing.md: no such file or directory' } });
    expect(log.runs[0].results).toHaveLength(3);
  });

  it('records a successful execution when the run exits 1', () => {
    const dir = tree();
    const r = runCli(['check', 'page.txt', '--registry', 'claims', '--as-of', '2025-06-30', '--format', 'sarif:out.sarif'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')).runs[0].invocations[0].executionSuccessful).toBe(true);
  });
});
