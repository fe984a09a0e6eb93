import { describe, expect, it } from 'vitest';
import { appendFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli, tempTree } from '../helpers/cli.js';

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

describe('a damaged cache (issue 9, defect 9)', async () => {
  // In process: many runs over one small corpus, each after damaging the cache file differently.
  const { check } = await import('../../src/engine/run.js');
  const { readdirSync, readFileSync, writeFileSync } = await import('node:fs');
  const dir = tempTree({ 'a.md': article, 'b.md': article.replace('作废', '清零') });
  cpSync(join(repoRoot, 'claims'), join(dir, 'claims'), { recursive: true });
  const cacheLocation = join(dir, 'cache');
  const run = () => check({ cwd: dir, paths: ['a.md', 'b.md'], asOf: '2026-01-01', cacheLocation });
  const fresh = JSON.stringify((await check({ cwd: dir, paths: ['a.md', 'b.md'], asOf: '2026-01-01' })).result.findings);
  await run(); // fills the cache with the files' entries
  await run(); // every file a hit: the whole run's findings are stored too
  // Every file of the cache: one entry per article and the whole run's findings.
  const files = (readdirSync(cacheLocation, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const entryFiles = files.filter((f) => /[\\/]files[\\/]/.test(f));
  const corpusFile = files.find((f) => f.endsWith('corpus.bin'))!;
  const pristine = new Map(files.map((f) => [f, readFileSync(f)]));
  const restore = () => {
    for (const [f, bytes] of pristine) writeFileSync(f, bytes);
  };

  it('has one entry per article, the run findings and the stat index', () => {
    expect(entryFiles.length).toBe(2);
    expect(corpusFile).toBeDefined();
    expect(files.filter((f) => f.endsWith('index.bin')).length).toBe(1);
    expect(files.length).toBe(4);
  });

  it('gives the fresh findings with one byte changed anywhere in any file', async () => {
    expect(fresh).toContain('claim-contradiction'); // the corpus has findings to get wrong
    for (const [file, bytes] of pristine) {
      // Twenty positions spread over the file, from its header to its last byte.
      for (let k = 0; k < 20; k++) {
        restore();
        const at = Math.min(bytes.length - 1, Math.floor((k * bytes.length) / 19));
        const damaged = Buffer.from(bytes);
        damaged[at] = damaged[at]! ^ 0x5a;
        writeFileSync(file, damaged);
        const outcome = await run();
        expect(JSON.stringify(outcome.result.findings), `byte ${at} of ${file}`).toBe(fresh);
      }
    }
  });

  it('recomputes entries whose field names were renamed, and says so', async () => {
    restore();
    // Same length, so the file still deserialises: only the digests can tell.
    for (const file of files) {
      writeFileSync(file, Buffer.from(readFileSync(file).toString('latin1').replaceAll('findings', 'findingz'), 'latin1'));
    }
    const outcome = await run();
    expect(JSON.stringify(outcome.result.findings)).toBe(fresh);
    expect(outcome.result.notes).toContain('cache: 0 of 2 files unchanged');
    expect(outcome.result.notes.some((n) => /^cache: [123] damaged entr(y|ies) recomputed$/.test(n))).toBe(true);
  });

  it('trusts an intact cache', async () => {
    restore();
    const outcome = await run();
    expect(JSON.stringify(outcome.result.findings)).toBe(fresh);
    expect(outcome.result.notes.filter((n) => n.startsWith('cache:'))).toEqual(['cache: 2 of 2 files unchanged']);
  });
});

describe('per-file cache entries', async () => {
  const { check } = await import('../../src/engine/run.js');
  const { readdirSync, statSync, writeFileSync, utimesSync } = await import('node:fs');
  const entries = (location: string) =>
    (readdirSync(location, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((e) => e.isFile() && /[\\/]files[\\/]/.test(join(e.parentPath, e.name)))
      .map((e) => join(e.parentPath, e.name))
      .sort();

  it('are written only for files that changed, and a run reads only its own files', async () => {
    const dir = tempTree({ 'a.md': article, 'b.md': article.replace('作废', '清零'), 'c.md': '# 说明\n\n一句话。\n' });
    cpSync(join(repoRoot, 'claims'), join(dir, 'claims'), { recursive: true });
    const cacheLocation = join(dir, 'cache');
    const run = (paths = ['a.md', 'b.md', 'c.md']) => check({ cwd: dir, paths, asOf: '2026-01-01', cacheLocation });
    await run();
    const first = entries(cacheLocation);
    expect(first.length).toBe(3);
    // Set every entry's time to the past, so a rewrite would show.
    const past = new Date('2020-01-01T00:00:00Z');
    for (const f of first) utimesSync(f, past, past);

    writeFileSync(join(dir, 'b.md'), `${article}\n另一句话。\n`);
    const second = await run();
    expect(second.result.notes).toContain('cache: 2 of 3 files unchanged');
    const after = entries(cacheLocation);
    // b's old entry is replaced by one new entry; a's and c's are untouched.
    expect(after.length).toBe(3);
    const changed = after.filter((f) => statSync(f).mtimeMs > past.getTime());
    expect(changed.length).toBe(1);
    expect(first).not.toContain(changed[0]);

    // A run over one file uses its entry and leaves the others in place.
    const one = await run(['a.md']);
    expect(one.result.notes).toContain('cache: 1 of 1 files unchanged');
    expect(entries(cacheLocation)).toEqual(after);
  });

  it('do not keep a run from reporting when the cache cannot be written', async () => {
    const dir = tempTree({ 'a.md': article, cache: 'a file where the cache folder would be\n' });
    cpSync(join(repoRoot, 'claims'), join(dir, 'claims'), { recursive: true });
    const fresh = await check({ cwd: dir, paths: ['a.md'], asOf: '2026-01-01' });
    const outcome = await check({ cwd: dir, paths: ['a.md'], asOf: '2026-01-01', cacheLocation: join(dir, 'cache') });
    expect(JSON.stringify(outcome.result.findings)).toBe(JSON.stringify(fresh.result.findings));
    expect(outcome.warnings.length).toBe(1);
  });
});

describe('the whole run’s findings', async () => {
  const { check } = await import('../../src/engine/run.js');
  const { existsSync, readdirSync, writeFileSync } = await import('node:fs');
  const corpusFiles = (location: string) =>
    (readdirSync(location, { recursive: true }) as string[]).filter((f) => f.endsWith('corpus.bin'));

  it('are stored only after a run in which every file was a hit', async () => {
    const dir = tempTree({ 'a.md': article, 'b.md': article.replace('作废', '清零') });
    cpSync(join(repoRoot, 'claims'), join(dir, 'claims'), { recursive: true });
    const cacheLocation = join(dir, 'cache');
    const run = () => check({ cwd: dir, paths: ['a.md', 'b.md'], asOf: '2026-01-01', cacheLocation });
    const first = await run();
    expect(corpusFiles(cacheLocation)).toEqual([]);
    writeFileSync(join(dir, 'b.md'), `${article}\n改过的一句。\n`);
    await run(); // one miss: still not stored
    expect(corpusFiles(cacheLocation)).toEqual([]);
    const third = await run(); // every file a hit
    expect(third.result.notes).toContain('cache: 2 of 2 files unchanged');
    expect(corpusFiles(cacheLocation).length).toBe(1);
    expect(existsSync(cacheLocation)).toBe(true);
    const fourth = await run();
    expect(JSON.stringify(fourth.result.findings)).toBe(JSON.stringify(third.result.findings));
    expect(first.result.findings.length).toBeGreaterThan(0);
  });
});
