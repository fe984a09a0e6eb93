import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseUnifiedDiff } from '../../src/ci/git.js';
import { repoRoot, runCli, tempTree } from '../helpers/cli.js';

const registry = join(repoRoot, 'claims');
const bad1 = '职工医保断交以后，个人账户里的余额过段时间就作废了。';
// A plain assertion (an unrefuted 听说… rumour would only be a warning).
const bad2 = '停保满三个月以后，个人账户的钱会被收回。';
const good = '停缴以后个人账户余额归个人所有，不会作废。';
const article = (title: string, ...lines: string[]) => `---\ntitle: ${title}\n---\n\n${lines.join('\n\n')}\n`;

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } });
}

function repo(files: Record<string, string>): string {
  const dir = tempTree(files);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  return dir;
}

const json = (stdout: string) => JSON.parse(stdout) as { findings: { file: string; line: number; ruleId: string; fingerprint: string }[]; notes?: string[] };

describe('pull-request mode', () => {
  it('--changed-since reports only findings on files changed on the branch', () => {
    const dir = repo({ 'a.md': article('甲', good), 'b.md': article('乙', bad1) });
    git(dir, 'checkout', '-qb', 'edit');
    appendFileSync(join(dir, 'a.md'), `\n${bad2}\n`);
    git(dir, 'commit', '-qam', 'edit a');
    const all = runCli(['check', '.', '--registry', registry, '--format', 'json'], dir);
    expect(json(all.stdout).findings.map((f) => f.file)).toEqual(['a.md', 'b.md']);
    const pr = runCli(['check', '.', '--registry', registry, '--format', 'json', '--changed-since', 'main'], dir);
    expect(pr.code).toBe(1);
    const findings = json(pr.stdout).findings;
    expect(findings.map((f) => [f.file, f.line, f.ruleId])).toEqual([['a.md', 7, 'claim-contradiction']]);
  });

  it('reports a conflict between a changed and an unchanged article on the changed file only', () => {
    const limit = (n: number) => `2025年，江门职工医保普通门诊统筹年度最高支付限额为${n}元。`;
    const dir = repo({
      'old.md': `---\ntitle: 江门门诊统筹\nregion: 广东省江门市\n---\n\n${limit(3000)}\n`,
      'new.md': `---\ntitle: 江门门诊报销问答\nregion: 广东省江门市\n---\n\n${good}\n`,
    });
    git(dir, 'checkout', '-qb', 'edit');
    writeFileSync(join(dir, 'new.md'), `---\ntitle: 江门门诊报销问答\nregion: 广东省江门市\n---\n\n${good}\n\n${limit(5000)}\n`);
    git(dir, 'commit', '-qam', 'edit new');
    const all = json(runCli(['check', '.', '--registry', registry, '--format', 'json', '--as-of', '2025-06-30'], dir).stdout);
    expect(all.findings.filter((f) => f.ruleId === 'corpus-conflict').map((f) => [f.file, f.line])).toEqual([
      ['new.md', 8],
      ['old.md', 6],
    ]);
    const pr = runCli(['check', '.', '--registry', registry, '--format', 'json', '--as-of', '2025-06-30', '--changed-since', 'main'], dir);
    expect(pr.code).toBe(1);
    const findings = json(pr.stdout).findings as { file: string; line: number; ruleId: string; related?: { file: string; line: number }[] }[];
    expect(findings.map((f) => [f.file, f.line, f.ruleId])).toEqual([['new.md', 8, 'corpus-conflict']]);
    expect(findings[0]!.related?.[0]).toMatchObject({ file: 'old.md', line: 6 });
  });

  it('--changed-lines drops findings on lines the branch did not touch', () => {
    const dir = repo({ 'a.md': article('甲', bad1) });
    git(dir, 'checkout', '-qb', 'edit');
    appendFileSync(join(dir, 'a.md'), `\n${bad2}\n`);
    const whole = runCli(['check', 'a.md', '--registry', registry, '--format', 'json', '--changed-since', 'main'], dir);
    expect(json(whole.stdout).findings.map((f) => f.line)).toEqual([5, 7]);
    const lines = runCli(['check', 'a.md', '--registry', registry, '--format', 'json', '--changed-since', 'main', '--changed-lines'], dir);
    expect(json(lines.stdout).findings.map((f) => f.line)).toEqual([7]);
  });

  // Issue 9, defect 12: a pure rename has no +++ line in the diff, so it used to count as unchanged.
  it('a renamed article is a changed file (its findings reported); with --changed-lines an unchanged text has no changed lines', () => {
    const dir = repo({ 'old.md': article('甲', bad1), 'b.md': article('乙', bad2) });
    git(dir, 'checkout', '-qb', 'edit');
    git(dir, 'mv', 'old.md', 'renamed.md');
    git(dir, 'commit', '-qm', 'rename');
    const pr = runCli(['check', '.', '--registry', registry, '--format', 'json', '--changed-since', 'main'], dir);
    expect(pr.code).toBe(1);
    expect(json(pr.stdout).findings.map((f) => [f.file, f.line])).toEqual([['renamed.md', 5]]);
    const lines = runCli(['check', '.', '--registry', registry, '--format', 'json', '--changed-since', 'main', '--changed-lines'], dir);
    expect(lines.code).toBe(0);
    expect(json(lines.stdout).findings).toEqual([]);
    // Renamed and edited: the edited line is a changed line.
    writeFileSync(join(dir, 'renamed.md'), article('甲', bad1, bad2));
    const edited = runCli(['check', '.', '--registry', registry, '--format', 'json', '--changed-since', 'main', '--changed-lines'], dir);
    expect(json(edited.stdout).findings.map((f) => [f.file, f.line])).toEqual([['renamed.md', 7]]);
  });

  it('fails with a clear message when the ref is missing', () => {
    const dir = repo({ 'a.md': article('甲', good) });
    const r = runCli(['check', 'a.md', '--registry', registry, '--changed-since', 'origin/nope'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"origin\/nope" is not a commit here/);
  });

  it('--files-from - reads the list from stdin', () => {
    const dir = tempTree({ 'a.md': article('甲', bad1), 'b.md': article('乙', bad2) });
    const r = runCli(['check', '.', '--registry', registry, '--format', 'json', '--files-from', '-'], dir, 'b.md\n');
    expect(json(r.stdout).findings.map((f) => f.file)).toEqual(['b.md']);
  });
});

describe('baseline', () => {
  it('round trip: known findings are hidden, new ones fail, gone ones are counted', () => {
    const dir = tempTree({ 'a.md': article('甲', bad1), 'b.md': article('乙', bad2) });
    const w = runCli(['baseline', 'write', 'base.json', '--registry', registry, '--paths', '.'], dir);
    expect(w.code).toBe(0);
    const base = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8'));
    expect(base.findings.map((e: { file: string }) => e.file)).toEqual(['a.md', 'b.md']);
    // Writing twice gives the same bytes.
    runCli(['baseline', 'write', 'base2.json', '--registry', registry, '--paths', '.'], dir);
    expect(readFileSync(join(dir, 'base2.json'), 'utf8')).toBe(readFileSync(join(dir, 'base.json'), 'utf8'));

    const same = runCli(['check', 'a.md', 'b.md', '--registry', registry, '--format', 'json', '--baseline', 'base.json'], dir);
    expect(same.code).toBe(0);
    expect(json(same.stdout).findings).toEqual([]);
    expect(json(same.stdout).notes?.join('\n')).toMatch(/2 known findings hidden, 0 baseline entries no longer found/);

    // Lines move (a paragraph inserted above): still known.
    writeFileSync(join(dir, 'a.md'), article('甲', '新加的一段介绍文字。', bad1));
    // b.md fixed; a new problem added to b.md.
    writeFileSync(join(dir, 'b.md'), article('乙', good, '离职以后不交了，个人账户余额会被清空。'));
    const next = runCli(['check', 'a.md', 'b.md', '--registry', registry, '--format', 'json', '--baseline', 'base.json'], dir);
    expect(next.code).toBe(1);
    expect(json(next.stdout).findings.map((f) => [f.file, f.line])).toEqual([['b.md', 7]]);
    expect(json(next.stdout).notes?.join('\n')).toMatch(/1 known finding hidden, 1 baseline entry no longer found/);
  });
});

describe('suppressions', () => {
  it('disable-next-line, disable/enable with a reason, disable-line; unused and unknown ones are reported', () => {
    const text = [
      '---',
      'title: 测试',
      '---',
      '',
      '<!-- claimlint-disable-next-line claim-contradiction -->',
      bad1,
      '',
      '<!-- claimlint-disable claim-contradiction -- 引用旧说法，下文辟谣 -->',
      bad2,
      '<!-- claimlint-enable -->',
      '',
      `${bad1} <!-- claimlint-disable-line -->`,
      '',
      bad2,
      '',
      '<!-- claimlint-disable-next-line stale-year -->',
      good,
      '',
      '<!-- claimlint-disable-next-line no-such-rule -->',
      good,
      '',
    ].join('\n');
    const dir = tempTree({ 'a.md': text });
    const r = runCli(['check', 'a.md', '--registry', registry, '--format', 'json'], dir);
    const got = json(r.stdout).findings.map((f) => [f.line, f.ruleId]);
    expect(got).toEqual([
      [14, 'claim-contradiction'],
      [16, 'suppression'],
      [19, 'suppression'],
    ]);
  });
});

describe('--max-warnings', () => {
  it('exits 1 past the limit and 0 within it', () => {
    const dir = tempTree({ 'claimlint.config.yaml': 'rules:\n  claim-contradiction: warning\n', 'a.md': article('甲', bad1, bad2) });
    expect(runCli(['check', 'a.md', '--registry', registry, '--format', 'json', '--max-warnings', '2'], dir).code).toBe(0);
    const r = runCli(['check', 'a.md', '--registry', registry, '--format', 'json', '--max-warnings', '1'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 warnings, more than --max-warnings 1/);
  });
});

describe('unified diff parsing', () => {
  it('reads new-side line numbers, including quoted non-ASCII paths', () => {
    const diff = [
      'diff --git a/x.md b/x.md',
      '--- a/x.md',
      '+++ b/x.md',
      '@@ -3,0 +4,2 @@',
      '+a',
      '+b',
      '@@ -10 +12 @@',
      'diff --git "a/\\346\\226\\207.md" "b/\\346\\226\\207.md"',
      '--- "a/\\346\\226\\207.md"',
      '+++ "b/\\346\\226\\207.md"',
      '@@ -1,0 +1 @@',
    ].join('\n');
    const parsed = parseUnifiedDiff(diff);
    expect([...parsed.get('x.md')!]).toEqual([4, 5, 12]);
    const renamed = parseUnifiedDiff(['diff --git a/old.md b/new.md', 'similarity index 100%', 'rename from old.md', 'rename to new.md', 'diff --git a/y.md b/z.md', 'similarity index 90%', 'rename from y.md', 'rename to z.md', '--- a/y.md', '+++ b/z.md', '@@ -2 +2 @@'].join('\n'));
    expect([...renamed.keys()]).toEqual(['new.md', 'z.md']);
    expect([...renamed.get('new.md')!]).toEqual([]);
    expect([...renamed.get('z.md')!]).toEqual([2]);
    expect([...parsed.get('文.md')!]).toEqual([1]);
  });
});
