// Sharding on the CI matrix (src/engine/shard.ts): `check --shard K/N --records FILE`
// on each of N jobs, then `merge` over every records file, must give what one
// unsharded run gives: the same `--format json`, byte for byte, and the same exit code.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { repoRoot, runCli, tempTree } from '../helpers/cli.js';
import { check } from '../../src/engine/run.js';
import { parseShard, shardOf } from '../../src/engine/shard.js';
import { fileLine, parseRecordLine } from '../../src/engine/records.js';

const asOf = '2026-11-22';

/** Runs N shards and the merge in `cwd`; returns the merged report and exit code, and each shard's file count. */
function sharded(cwd: string, paths: readonly string[], n: number, extra: readonly string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'claimlint-shards-'));
  const files = Array.from({ length: n }, (_, k) => join(dir, `shard-${k + 1}.jsonl`));
  const perShard = files.map((file, k) => {
    const r = runCli(['check', ...paths, '--as-of', asOf, '--shard', `${k + 1}/${n}`, '--records', file, ...extra], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    return readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('{"type":"file"')).length;
  });
  const merged = runCli(['merge', ...files, '--format', 'json'], cwd);
  return { merged, perShard, files };
}

describe('sharded check and merge', () => {
  it('give byte for byte the report and the exit code of one run, sharded 3 ways', () => {
    const one = runCli(['check', 'corpus', '--as-of', asOf, '--format', 'json'], repoRoot);
    const { merged, perShard } = sharded(repoRoot, ['corpus'], 3);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(one.stdout);
    expect(merged.code).toBe(one.code);
    // The corpus has errors and a cross-article conflict: the comparison has something to get wrong.
    const report = JSON.parse(one.stdout) as { findings: Array<{ ruleId: string }>; summary: { files: number } };
    expect(one.code).toBe(1);
    expect(report.findings.some((f) => f.ruleId === 'corpus-conflict')).toBe(true);
    // Every file in exactly one shard, and no shard empty on a corpus of this size.
    expect(perShard.reduce((a, b) => a + b, 0)).toBe(report.summary.files);
    expect(perShard.every((c) => c > 0)).toBe(true);
  });

  it('give the clean exit code and the same other formats too', () => {
    // Two articles with nothing wrong: exit 0 both ways.
    const dir = tempTree({ 'a.md': '# 说明\n\n这是一篇说明文字。\n', 'b.txt': '说明\n\n另一篇说明文字。\n' });
    cpSync(join(repoRoot, 'claims'), join(dir, 'claims'), { recursive: true });
    const one = runCli(['check', '.', '--as-of', asOf, '--format', 'json'], dir);
    const { merged, files } = sharded(dir, ['.'], 2);
    expect(one.code).toBe(0);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(one.stdout);
    const stylishOne = runCli(['check', '.', '--as-of', asOf, '--format', 'stylish'], dir);
    const stylishMerged = runCli(['merge', ...files, '--format', 'stylish'], dir);
    expect(stylishMerged.stdout).toBe(stylishOne.stdout);
  });

  it('exit 2 after the report when a named file is missing, as one run does', () => {
    const one = runCli(['check', 'corpus', 'no-such-file.md', '--as-of', asOf, '--format', 'json'], repoRoot);
    const { merged } = sharded(repoRoot, ['corpus', 'no-such-file.md'], 2);
    expect(one.code).toBe(2);
    expect(merged.code).toBe(2);
    expect(merged.stdout).toBe(one.stdout);
    expect(merged.stderr).toBe(one.stderr);
  });

  it('write records that read back as the compact analyses of the run', async () => {
    const outcome = await check({ cwd: repoRoot, paths: ['corpus'], asOf });
    expect(outcome.analyses.length).toBeGreaterThan(20);
    outcome.analyses.forEach((a, i) => {
      const line = parseRecordLine(fileLine(i, a).trimEnd());
      expect(line.type).toBe('file');
      if (line.type !== 'file') return;
      expect(line.index).toBe(i);
      expect(isDeepStrictEqual(line.analysis, a), a.file).toBe(true);
      // A verdict's record is the very record of the file, as in the run.
      line.analysis.verdicts.forEach((v, k) => expect(v.record).toBe(line.analysis.records[outcome.analyses[i]!.records.indexOf(a.verdicts[k]!.record)]));
    });
  });

  it('assign files by path alone', () => {
    expect(shardOf('corpus/a.md', 3)).toBe(shardOf('corpus/a.md', 3));
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[shardOf(`articles/${i}.md`, 3) - 1]!++;
    // A hash spreads 3,000 paths over 3 shards: each gets a fair part.
    for (const c of counts) expect(c).toBeGreaterThan(850);
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '3', '1/0', 'a/b', '-1/3', '1/3/4']) expect(parseShard(bad), bad).toBeUndefined();
  });
});

describe('bad shard input', () => {
  const oneLine = (r: { code: number; stderr: string }) => {
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n').length).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    return r.stderr;
  };

  it('refuses shard specs out of range with one line naming the spec', () => {
    expect(oneLine(runCli(['check', 'corpus', '--shard', '0/3', '--records', 'x.jsonl'], repoRoot))).toContain('--shard 0/3');
    expect(oneLine(runCli(['check', 'corpus', '--shard', '4/3', '--records', 'x.jsonl'], repoRoot))).toContain('--shard 4/3');
    expect(oneLine(runCli(['check', 'corpus', '--shard', '1/3'], repoRoot))).toContain('--records');
    expect(oneLine(runCli(['check', 'corpus', '--shard', '1/3', '--records', 'x.jsonl', '--format', 'sarif'], repoRoot))).toContain('--format');
  });

  it('refuses corrupt, cut, doubled or missing records with one line naming the file', () => {
    const { files } = sharded(repoRoot, ['corpus'], 3);
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-bad-records-'));
    mkdirSync(join(dir, 'x'));
    const cut = join(dir, 'cut.jsonl');
    const text = readFileSync(files[1]!, 'utf8');
    writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
    expect(oneLine(runCli(['merge', files[0]!, cut, files[2]!], repoRoot))).toContain(cut);
    // Cut at a line end: every line is whole, but the end line is missing.
    const lines = text.split('\n');
    const shortened = join(dir, 'short.jsonl');
    writeFileSync(shortened, `${lines.slice(0, 3).join('\n')}\n`);
    expect(oneLine(runCli(['merge', files[0]!, shortened, files[2]!], repoRoot))).toContain(shortened);
    const garbage = join(dir, 'garbage.jsonl');
    writeFileSync(garbage, 'not records\n');
    expect(oneLine(runCli(['merge', garbage], repoRoot))).toContain(garbage);
    expect(oneLine(runCli(['merge', files[0]!, files[0]!, files[2]!], repoRoot))).toContain(files[0]!);
    expect(oneLine(runCli(['merge', files[0]!, files[2]!], repoRoot))).toContain('2/3');
    expect(oneLine(runCli(['merge', join(dir, 'absent.jsonl')], repoRoot))).toContain('absent.jsonl');
    expect(oneLine(runCli(['merge', join(dir, 'x')], repoRoot))).toContain(join(dir, 'x'));
  });

  it('refuses records made with another registry', () => {
    const dir = tempTree({ 'a.md': '# 说明\n\n职工医保停缴超过3个月，个人账户余额将清零。\n' });
    cpSync(join(repoRoot, 'claims'), join(dir, 'claims'), { recursive: true });
    const { files } = sharded(dir, ['a.md'], 1);
    writeFileSync(join(dir, 'claims', 'personal-account.yaml'), `${readFileSync(join(dir, 'claims', 'personal-account.yaml'), 'utf8')}\n# changed\n`);
    expect(oneLine(runCli(['merge', ...files], dir))).toContain(files[0]!);
  });
});
