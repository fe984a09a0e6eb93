// Issue 9, defect 11: what discovery meets besides plain files. A FIFO (named
// or in a walked directory) is skipped with a warning naming it, never opened
// for a blocking read; a cache location under /proc does not hang; a link to an
// article is read the same whether named or met in a walk; a directory given
// twice is read once; a glob whose braces expand to a million patterns is refused.
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/engine/discover.js';
import { braceExpansions, globProblem, MAX_BRACE_EXPANSIONS } from '../../src/engine/glob-safety.js';
import { loadConfig } from '../../src/config/config.js';
import { allRuleMeta } from '../../src/rules/index.js';
import { UNRELATED_REGISTRY } from '../helpers/registries.js';
import { runCli, tempTree } from '../helpers/cli.js';

interface Report {
  findings: Array<{ ruleId: string; severity: string; file: string; line: number; message: string }>;
  summary: { files: number; errors: number; warnings: number };
  notes?: string[];
}

// 根据2023年最新政策 read on 2025-06-30: one stale-year error at 3:3 (根据 is two characters).
const STALE = '# 医保\n\n根据2023年最新政策，余额不清零。\n';
const STALE_2022 = '# 医保\n\n根据2022年最新政策。\n';
const posix = process.platform !== 'win32';
// A run that hangs is killed after this long, so a regression fails the test rather than hanging the suite.
const KILL = { killAfterMs: 30_000 };
const check = (dir: string, ...paths: string[]) =>
  runCli(['check', ...paths, '--registry', 'claims', '--as-of', '2025-06-30', '--format', 'json'], dir, undefined, [], KILL);
const report = (stdout: string) => JSON.parse(stdout) as Report;
const lines = (r: Report) => r.findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.severity}`);

describe.skipIf(!posix)('a FIFO', () => {
  const tree = () => {
    const dir = tempTree({ 'claims/test.yaml': UNRELATED_REGISTRY, 'articles/good.md': STALE });
    execFileSync('mkfifo', [join(dir, 'articles', 'pipe.md')]);
    execFileSync('mkfifo', [join(dir, 'named.md')]);
    return dir;
  };

  it('named on the command line: a warning naming it, the other files reported, the exit code theirs', () => {
    const r = check(tree(), 'named.md', 'articles/good.md');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const rep = report(r.stdout);
    expect(lines(rep)).toEqual(['articles/good.md:3 stale-year error', 'named.md:1 input warning']);
    expect(rep.findings.find((f) => f.file === 'named.md')!.message).toBe('a FIFO (named pipe), not a regular file; skipped');
  });

  it('named alone: exit 0, not "no such file"', () => {
    const r = check(tree(), 'named.md');
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('no such file');
    expect(lines(report(r.stdout))).toEqual(['named.md:1 input warning']);
  });

  it('met in a walked directory: the same warning, and the good file keeps its finding', () => {
    const r = check(tree(), 'articles');
    expect(r.code).toBe(1);
    expect(lines(report(r.stdout))).toEqual(['articles/good.md:3 stale-year error', 'articles/pipe.md:1 input warning']);
  });

  it('as the config file: a config error, not a hang', () => {
    const dir = tree();
    const r = runCli(['check', 'articles/good.md', '--config', 'named.md', '--registry', 'claims', '--as-of', '2025-06-30', '--format', 'json'], dir, undefined, [], KILL);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claimlint: invalid config: named.md:1:1: not a regular file\n');
  });

  it('in the cache folder in place of the cache file: ignored, the run as without a cache', () => {
    const dir = tree();
    execFileSync('mkdir', ['-p', join(dir, 'cache')]);
    execFileSync('mkfifo', [join(dir, 'cache', 'analysis-v3.bin')]);
    execFileSync('mkfifo', [join(dir, 'cache', 'corpus-v3.bin')]);
    const r = runCli(['check', 'articles/good.md', '--cache-location', 'cache', '--registry', 'claims', '--as-of', '2025-06-30', '--format', 'json'], dir, undefined, [], KILL);
    expect(r.code).toBe(1);
    expect(lines(report(r.stdout))).toEqual(['articles/good.md:3 stale-year error']);
  });
});

describe.skipIf(!posix)('--cache-location under /proc', () => {
  it('is a warning that the cache was not saved; the report is as without a cache', () => {
    const dir = tempTree({ 'claims/test.yaml': UNRELATED_REGISTRY, 'a.md': STALE });
    const r = runCli(['check', 'a.md', '--cache-location', '/proc/claimlint-test/cache', '--registry', 'claims', '--as-of', '2025-06-30', '--format', 'json'], dir, undefined, [], KILL);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^claimlint: warning: cache not saved: cannot write \/proc\/claimlint-test\/cache: .+\n$/);
    expect(lines(report(r.stdout))).toEqual(['a.md:3 stale-year error']);
  });
});

describe.skipIf(!posix)('links', () => {
  const tree = () => {
    const dir = tempTree({ 'claims/test.yaml': UNRELATED_REGISTRY, 'articles/a.md': STALE, 'common/b.md': STALE_2022, 'other/c.md': STALE });
    symlinkSync(join('..', 'common', 'b.md'), join(dir, 'articles', 'link.md'));
    symlinkSync(join('..', 'other'), join(dir, 'articles', 'dirlink'));
    symlinkSync('..', join(dir, 'articles', 'loop'));
    symlinkSync('nowhere.md', join(dir, 'articles', 'dangling.md'));
    symlinkSync('self.md', join(dir, 'articles', 'self.md'));
    return dir;
  };

  it('a link to an article in a walked directory is read as when it is named', () => {
    const walked = check(tree(), 'articles');
    const named = check(tree(), 'articles/a.md', 'articles/link.md');
    expect(lines(report(walked.stdout))).toEqual(['articles/a.md:3 stale-year error', 'articles/link.md:3 stale-year error']);
    expect(lines(report(named.stdout))).toEqual(lines(report(walked.stdout)));
  });

  it('links to directories are not followed in a walk (a loop cannot hang it); broken links are named in the notes', () => {
    const r = check(tree(), 'articles');
    expect(r.code).toBe(1);
    expect(report(r.stdout).summary.files).toBe(2);
    expect(report(r.stdout).notes).toEqual([
      'articles/dangling.md: skipped (a link to nothing)',
      'articles/dirlink: a link to a directory, not followed (name it to read it)',
      'articles/loop: a link to a directory, not followed (name it to read it)',
      'articles/self.md: skipped (too many symbolic links)',
    ]);
  });

  it('a link and its target both given: read once, under the target', () => {
    const r = check(tree(), 'articles/link.md', 'common/b.md');
    expect(lines(report(r.stdout))).toEqual(['common/b.md:3 stale-year error']);
    expect(report(r.stdout).notes).toEqual(['articles/link.md: the same file as common/b.md; read once']);
  });

  it('a dangling link named on the command line: the report, then exit 2 naming it', () => {
    const r = check(tree(), 'articles/a.md', 'articles/dangling.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claimlint: cannot read input: articles/dangling.md: a link to nothing\n');
    expect(lines(report(r.stdout))).toEqual(['articles/a.md:3 stale-year error']);
  });
});

describe('a directory given twice', () => {
  const tree = () => tempTree({ 'claims/test.yaml': UNRELATED_REGISTRY, 'articles/a.md': STALE, 'articles/sub/b.md': STALE_2022, 'articles/page.pdf': 'x' });

  it('is read once: no doubled files, findings or notes', () => {
    const once = report(check(tree(), 'articles').stdout);
    const thrice = report(check(tree(), 'articles', './articles/', 'articles/sub', 'articles/sub/b.md').stdout);
    expect(once.summary.files).toBe(2);
    expect(thrice.summary).toEqual(once.summary);
    expect(lines(thrice)).toEqual(lines(once));
    expect(thrice.notes).toEqual(['skipped 1 file that is not .md/.markdown/.mdx/.html/.htm/.txt']);
  });
});

describe('a glob with very many brace expansions', () => {
  const ten = '{a,b,c,d,e,f,g,h,i,j}';

  it('is counted without expanding it', () => {
    expect(braceExpansions('*.md')).toBe(1);
    expect(braceExpansions('{a,b}/{c,d,e}.md')).toBe(6);
    expect(braceExpansions('{a,{b,c}}x{1..5}')).toBe(15);
    expect(braceExpansions('{a..e}{1..10..2}')).toBe(25);
    expect(braceExpansions('\\{a,b\\}.md')).toBe(1);
    expect(braceExpansions('{abc}.md')).toBe(1);
    expect(braceExpansions(ten.repeat(6))).toBe(MAX_BRACE_EXPANSIONS + 1);
    expect(braceExpansions('{1..1000000}')).toBe(MAX_BRACE_EXPANSIONS + 1);
    // Deeply nested braces: counted by a loop, not by recursion.
    expect(braceExpansions('{a,'.repeat(100_000) + '}'.repeat(100_000))).toBe(MAX_BRACE_EXPANSIONS + 1);
    expect(globProblem(`${ten}${ten}.md`)).toBeUndefined();
  });

  it('on the command line: one line naming the glob, exit 2, no stack overflow', () => {
    const dir = tempTree({ 'claims/test.yaml': UNRELATED_REGISTRY, 'a.md': STALE });
    for (const glob of [`${ten.repeat(6)}.md`, '{1..1000000}.md']) {
      const r = check(dir, glob);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`claimlint: invalid glob ${glob}: the pattern's braces expand to more than 1000 patterns; use fewer alternatives or a wildcard\n`);
    }
  });

  it('in the config: a config error at the glob', () => {
    const dir = tempTree({ 'claimlint.config.yaml': `corpus:\n  - "*.md"\n  - "${ten.repeat(4)}.md"\n`, 'claims/test.yaml': UNRELATED_REGISTRY });
    const cfg = loadConfig(dir, undefined, allRuleMeta());
    expect(cfg.ok).toBe(false);
    if (cfg.ok) return;
    expect(cfg.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      "3:5 corpus[1]: the pattern's braces expand to more than 1000 patterns; use fewer alternatives or a wildcard",
    ]);
  });

  it('in process: discovery refuses it before walking', async () => {
    const dir = tempTree({ 'a.md': STALE });
    const cfg = loadConfig(dir, undefined, allRuleMeta());
    if (!cfg.ok) throw new Error('config');
    await expect(discover([`${ten.repeat(6)}.md`], cfg.config, dir)).rejects.toThrow(/invalid glob/);
  });
});
