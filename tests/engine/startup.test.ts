// Start-up: the compiled registry stored by digest (src/engine/registry-cache.ts)
// and parsers loaded per input format (src/parse/formats.ts). What is checked
// is what a run gives and what it loads, never how long it takes.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { check, loadRegistryOrFail, setup } from '../../src/engine/run.js';
import { readCompiledRegistry, writeCompiledRegistry } from '../../src/engine/registry-cache.js';
import { loadCues } from '../../src/extract/cues.js';
import { loadGazetteer } from '../../src/region/gazetteer.js';
import { findPlaces, resolveMentions } from '../../src/region/matcher.js';

const root = resolve(import.meta.dirname, '..', '..');
const asOf = '2026-11-22';

describe('compiled registry cache', () => {
  it('gives back a registry that reads the corpus exactly as the compiled one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-compiled-'));
    const registry = loadRegistryOrFail(join(root, 'claims'), root);
    const cues = loadCues();
    writeCompiledRegistry('k1', { registry, cues }, dir);
    const back = readCompiledRegistry('k1', dir);
    expect(back).toBeDefined();
    expect(back!.registry).not.toBe(registry);
    expect(back!.cues).toEqual(cues);
    const fresh = await check({ cwd: root, paths: ['corpus'], asOf });
    const stored = await check({ cwd: root, paths: ['corpus'], asOf }, setup({ cwd: root, asOf, registry: back!.registry }));
    expect(fresh.result.findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored.result)).toBe(JSON.stringify(fresh.result));
  });

  it('ignores an entry that is damaged, missing or of another key, and never fails to write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-compiled-'));
    const registry = loadRegistryOrFail(join(root, 'claims'), root);
    writeCompiledRegistry('k2', { registry }, dir);
    expect(readCompiledRegistry('other', dir)).toBeUndefined();
    const file = join(dir, 'k2.bin');
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(file, bytes);
    expect(readCompiledRegistry('k2', dir)).toBeUndefined();
    writeFileSync(file, bytes.subarray(0, 50));
    expect(readCompiledRegistry('k2', dir)).toBeUndefined();
    // A "directory" that is a file: nothing is written, nothing thrown.
    expect(() => writeCompiledRegistry('k3', { registry }, join(file, 'sub'))).not.toThrow();
  });

  it('carries the gazetteer with its matcher, read back only when asked for, finding the same places', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-compiled-'));
    const registry = loadRegistryOrFail(join(root, 'claims'), root);
    const g = loadGazetteer();
    writeCompiledRegistry('g1', { registry, cues: loadCues(), gazetteer: g }, dir);
    writeCompiledRegistry('g2', { registry }, dir);
    expect(readCompiledRegistry('g2', dir)!.gazetteer).toBeUndefined();
    const read = readCompiledRegistry('g1', dir)!.gazetteer;
    expect(read).toBeTypeOf('function');
    const back = read!()!;
    expect(back).not.toBe(g);
    expect(back.dataVersion).toBe(g.dataVersion);
    expect(back.byCode.size).toBe(g.byCode.size);
    // Full names, short names, a stop word, a street, a guarded name and an ambiguous one.
    const texts = ['广东省江门市蓬江区职工医保', '在邯郸参保，后来去了中山大学', '北京路上的吉林市场', '朝阳和吉林的居民医保', '恩施州、皖北地区'];
    for (const text of texts) {
      const mine = findPlaces(back, text);
      expect(mine).toEqual(findPlaces(g, text));
      expect(resolveMentions(back, mine)).toEqual(resolveMentions(g, findPlaces(g, text)));
    }
    expect(findPlaces(back, texts[0]!).length).toBeGreaterThan(0);
  });

  it('keeps only a few entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-compiled-'));
    const registry = loadRegistryOrFail(join(root, 'claims'), root);
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f']) writeCompiledRegistry(k, { registry }, dir);
    const left = readdirSync(dir).filter((f) => f.endsWith('.bin'));
    expect(left.length).toBe(4);
    expect(left).toContain('f.bin');
  });
});

describe('parsers per input format', () => {
  // In a process of its own, from the build: the tests' own process has every parser loaded.
  const loadedAfter = (files: Record<string, string>): string[] => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-lazy-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const script = [
      `import { check } from ${JSON.stringify(join(root, 'dist/src/engine/run.js'))};`,
      `import { loadedParsers } from ${JSON.stringify(join(root, 'dist/src/parse/formats.js'))};`,
      `await check({ cwd: ${JSON.stringify(dir)}, paths: ['.'], asOf: '${asOf}' });`,
      `console.log(JSON.stringify(loadedParsers()));`,
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as string[];
  };

  it('loads only the parsers of the formats a run reads', () => {
    expect(loadedAfter({ 'a.txt': '医保个人账户\n\n停缴后个人账户余额不清零。\n' })).toEqual(['text']);
    expect(loadedAfter({ 'a.md': '# 医保\n\n停缴后个人账户余额不清零。\n' })).toEqual(['markdown', 'text']);
    expect(loadedAfter({ 'a.html': '<h1>医保</h1><p>停缴后个人账户余额不清零。</p>', 'b.txt': '一句话。\n' })).toEqual(['html', 'text']);
  });
});
