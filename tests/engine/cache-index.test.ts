// The cache's stat index (src/engine/cache.ts): a file whose stat is the one
// recorded when its bytes were hashed is keyed without being read; any change
// to its stat, a modification too close to that stat, a damaged index or an
// entry that is gone makes the run read and hash it again.
import { cpSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnalysisCache } from '../../src/engine/cache.js';
import { runInputs } from '../../src/engine/analyze-cached.js';
import { check } from '../../src/engine/run.js';
import type { DiscoveredFile } from '../../src/engine/discover.js';
import { repoRoot, tempTree } from '../helpers/cli.js';

const article = '---\ntitle: 断缴以后\n---\n\n职工医保断交以后，个人账户里的余额过段时间就作废了。\n\n停缴以后个人账户余额归个人所有。\n';
const HOUR_AGO = new Date(Date.now() - 3_600_000);

/** A tree of files last modified an hour ago (ctime is now: the index's own stat takes that in). */
function oldTree(files: Record<string, string>): string {
  const dir = tempTree(files);
  for (const name of Object.keys(files)) utimesSync(join(dir, name), HOUR_AGO, HOUR_AGO);
  return dir;
}

/** runInputs over `names` with a reader that counts what it reads; the cache is saved afterwards, as a run does. */
function keyed(dir: string, location: string, names: readonly string[]) {
  const cache = AnalysisCache.open(location, 'k'.repeat(64));
  const read: string[] = [];
  const files: DiscoveredFile[] = names.map((n) => ({ absolute: join(dir, n), display: n, format: 'markdown' }));
  const inputs = runInputs(files, (f) => (read.push(f.display), readFileSync(f.absolute)), cache);
  cache.save();
  return { read, keys: inputs.map((i) => i.key), fromIndex: inputs.map((i) => i.fromIndex === true), cache };
}

const indexFile = (location: string) => join(location, 'v5', 'k'.repeat(32), 'index.bin');

describe('the stat index', () => {
  it('keys a file whose stat is unchanged without reading it, with the key its bytes give', () => {
    const dir = oldTree({ 'a.md': article, 'b.md': article.replace('作废', '清零') });
    const location = join(dir, 'cache');
    const first = keyed(dir, location, ['a.md', 'b.md']);
    expect(first.read).toEqual(['a.md', 'b.md']);
    expect(first.keys).toEqual([AnalysisCache.entryKey('a.md', readFileSync(join(dir, 'a.md'))), AnalysisCache.entryKey('b.md', readFileSync(join(dir, 'b.md')))]);
    const second = keyed(dir, location, ['a.md', 'b.md']);
    expect(second.read).toEqual([]);
    expect(second.fromIndex).toEqual([true, true]);
    expect(second.keys).toEqual(first.keys);
  });

  it('reads a file again when its stat changed, even with the same size and modification time', () => {
    const dir = oldTree({ 'a.md': article, 'b.md': article.replace('作废', '清零') });
    const location = join(dir, 'cache');
    const first = keyed(dir, location, ['a.md', 'b.md']);
    // Same length, one character changed, the modification time set back to what it was: the change time differs.
    writeFileSync(join(dir, 'b.md'), article.replace('作废', '失效'));
    utimesSync(join(dir, 'b.md'), HOUR_AGO, HOUR_AGO);
    const second = keyed(dir, location, ['a.md', 'b.md']);
    expect(second.read).toEqual(['b.md']);
    expect(second.keys[0]).toBe(first.keys[0]);
    expect(second.keys[1]).not.toBe(first.keys[1]);
    expect(second.keys[1]).toBe(AnalysisCache.entryKey('b.md', readFileSync(join(dir, 'b.md'))));
  });

  it('does not trust a stat taken within two seconds of the modification', () => {
    const dir = tempTree({ 'a.md': article });
    const location = join(dir, 'cache');
    keyed(dir, location, ['a.md']);
    // Written just now: a second write in the same clock tick would leave the same stat.
    expect(keyed(dir, location, ['a.md']).read).toEqual(['a.md']);
  });

  it('ignores a damaged index', () => {
    const dir = oldTree({ 'a.md': article, 'b.md': article.replace('作废', '清零') });
    const location = join(dir, 'cache');
    keyed(dir, location, ['a.md', 'b.md']);
    const bytes = readFileSync(indexFile(location));
    const damaged = Buffer.from(bytes);
    damaged[bytes.length - 3] = damaged[bytes.length - 3]! ^ 0x21;
    writeFileSync(indexFile(location), damaged);
    const again = keyed(dir, location, ['a.md', 'b.md']);
    expect(again.read).toEqual(['a.md', 'b.md']);
    expect(again.cache.damaged).toBe(1);
    // Written whole again by that run: the next one trusts it.
    expect(keyed(dir, location, ['a.md', 'b.md']).read).toEqual([]);
    writeFileSync(indexFile(location), bytes.subarray(0, 40));
    expect(keyed(dir, location, ['a.md', 'b.md']).read).toEqual(['a.md', 'b.md']);
  });

  it('a run gives what a run without a cache gives after files change behind unchanged modification times', async () => {
    const dir = oldTree({ 'a.md': article, 'b.md': article.replace('作废', '清零'), 'c.md': '# 说明\n\n一句话。\n' });
    cpSync(join(repoRoot, 'claims'), join(dir, 'claims'), { recursive: true });
    const cacheLocation = join(dir, 'cache');
    const paths = ['a.md', 'b.md', 'c.md'];
    const fresh = async () => JSON.stringify((await check({ cwd: dir, paths, asOf: '2026-01-01' })).result.findings);
    const cached = async () => (await check({ cwd: dir, paths, asOf: '2026-01-01', cacheLocation })).result;
    const before = await fresh();
    expect(before).toContain('claim-contradiction');
    await cached();
    const warm = await cached();
    expect(JSON.stringify(warm.findings)).toBe(before);
    expect(warm.notes).toContain('cache: 3 of 3 files unchanged');
    // The contradiction taken out of a.md, the file's time set back: the index must not hide the change.
    writeFileSync(join(dir, 'a.md'), article.replace('过段时间就作废了', '一直都可以继续用'));
    utimesSync(join(dir, 'a.md'), HOUR_AGO, HOUR_AGO);
    const after = await fresh();
    expect(after).not.toBe(before);
    const changed = await cached();
    expect(JSON.stringify(changed.findings)).toBe(after);
    expect(changed.notes).toContain('cache: 2 of 3 files unchanged');
  });

  it('an index naming an entry that is gone: the file is analysed, stored under its bytes, and read again next time', async () => {
    const dir = oldTree({ 'a.md': article, 'b.md': article.replace('作废', '清零') });
    cpSync(join(repoRoot, 'claims'), join(dir, 'claims'), { recursive: true });
    const cacheLocation = join(dir, 'cache');
    const paths = ['a.md', 'b.md'];
    const fresh = JSON.stringify((await check({ cwd: dir, paths, asOf: '2026-01-01' })).result.findings);
    await check({ cwd: dir, paths, asOf: '2026-01-01', cacheLocation });
    const root = join(cacheLocation, 'v5');
    const [key] = readdirSync(root);
    rmSync(join(root, key!, 'files'), { recursive: true, force: true });
    const gone = await check({ cwd: dir, paths, asOf: '2026-01-01', cacheLocation });
    expect(JSON.stringify(gone.result.findings)).toBe(fresh);
    expect(gone.result.notes).toContain('cache: 0 of 2 files unchanged');
    const back = await check({ cwd: dir, paths, asOf: '2026-01-01', cacheLocation });
    expect(JSON.stringify(back.result.findings)).toBe(fresh);
    expect(back.result.notes).toContain('cache: 2 of 2 files unchanged');
  });
});
