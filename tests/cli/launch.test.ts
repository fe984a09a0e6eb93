// src/boot/launch.ts: the bundle is loaded only while it is made from dist/src
// as it is now; a compile after it (tsc alone), a module added or removed, or
// a missing or damaged manifest sends the launcher to dist/src. The bundle's
// modules are loaded through V8's code cache, which a damaged entry or an
// unwritable folder never breaks.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_ENTRY, bundleIsFresh as fresh, compiledSources, entryModule as entry, makeCodeCache } from '../../src/boot/launch.js';

/** A dist folder with two compiled modules at time `t` (seconds) and a bundle whose manifest says `sources`. */
function dist(t: number, sources: unknown): string {
  const d = mkdtempSync(join(tmpdir(), 'claimlint-launch-'));
  mkdirSync(join(d, 'src', 'cli'), { recursive: true });
  mkdirSync(join(d, 'bundle'));
  for (const f of ['src/index.js', 'src/cli/main.js']) {
    writeFileSync(join(d, f), 'export {};\n');
    utimesSync(join(d, f), t, t);
  }
  writeFileSync(join(d, 'bundle', BUNDLE_ENTRY), 'exports.main = async () => 0;\n');
  writeFileSync(join(d, 'bundle', 'manifest.json'), JSON.stringify({ codeDigest: 'x', sources }));
  return d;
}

describe('src/boot/launch.ts', () => {
  it('uses the bundle made from dist/src as it is', () => {
    const d = dist(1_000_000, { count: 2, newestMtimeMs: 1_000_000_000 });
    expect(compiledSources(join(d, 'src'))).toEqual({ count: 2, newestMtimeMs: 1_000_000_000 });
    expect(fresh(d)).toBe(true);
    expect(entry(d, {})).toBe(join(d, 'bundle', BUNDLE_ENTRY));
    expect(entry(d, { CLAIMLINT_NO_BUNDLE: '1' })).toBe(join(d, 'src', 'cli', 'main.js'));
  });

  it('uses dist/src after a compile, a module more or less, or without a usable manifest', () => {
    const later = dist(1_000_000, { count: 2, newestMtimeMs: 1_000_000_000 });
    utimesSync(join(later, 'src', 'cli', 'main.js'), 1_000_001, 1_000_001);
    expect(fresh(later)).toBe(false);
    expect(entry(later, {})).toBe(join(later, 'src', 'cli', 'main.js'));

    const added = dist(1_000_000, { count: 2, newestMtimeMs: 1_000_000_000 });
    writeFileSync(join(added, 'src', 'extra.js'), 'export {};\n');
    utimesSync(join(added, 'src', 'extra.js'), 1_000_000, 1_000_000);
    expect(fresh(added)).toBe(false);

    const removed = dist(1_000_000, { count: 3, newestMtimeMs: 1_000_000_000 });
    expect(fresh(removed)).toBe(false);

    const damaged = dist(1_000_000, { count: 2, newestMtimeMs: 1_000_000_000 });
    writeFileSync(join(damaged, 'bundle', 'manifest.json'), '{"codeDigest": "x", "sour');
    expect(fresh(damaged)).toBe(false);

    const noBundle = dist(1_000_000, { count: 2, newestMtimeMs: 1_000_000_000 });
    rmSync(join(noBundle, 'bundle', BUNDLE_ENTRY));
    expect(fresh(noBundle)).toBe(false);
    expect(fresh(dist(1_000_000, undefined))).toBe(false);
  });
});

describe('the code cache', () => {
  /** A bundle of two CommonJS modules, the entry requiring the other as the bundle's chunks do. */
  function bundle(): string {
    const d = mkdtempSync(join(tmpdir(), 'claimlint-code-'));
    writeFileSync(join(d, 'entry.cjs'), 'const part = require("./part.cjs");\nconst { join } = require("node:path");\nexports.answer = () => part.double(21);\nexports.where = join("a", "b");\nexports.file = __filename;\n');
    writeFileSync(join(d, 'part.cjs'), 'exports.double = (n) => n * 2;\n');
    return d;
  }
  type Entry = { answer: () => number; where: string; file: string };

  it('loads the modules, once each, and stores their code after the run; the next process takes it', () => {
    const d = bundle();
    const dir = join(d, 'cache');
    const first = makeCodeCache(dir);
    const m = first.load(join(d, 'entry.cjs')) as Entry;
    expect([m.answer(), m.where, m.file]).toEqual([42, join('a', 'b'), join(d, 'entry.cjs')]);
    expect(first.load(join(d, 'entry.cjs'))).toBe(m);
    expect(first.unstored).toBe(2);
    first.save();
    expect(first.unstored).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(2);

    const second = makeCodeCache(dir);
    expect((second.load(join(d, 'entry.cjs')) as Entry).answer()).toBe(42);
    expect(second.unstored).toBe(0);
  });

  it('compiles as without it when an entry is damaged or the module changed, and stores again', () => {
    const d = bundle();
    const dir = join(d, 'cache');
    const first = makeCodeCache(dir);
    first.load(join(d, 'entry.cjs'));
    first.save();
    const [one] = readdirSync(dir).filter((f) => f.endsWith('.bin'));
    const bytes = readFileSync(join(dir, one!));
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(join(dir, one!), bytes);
    const second = makeCodeCache(dir);
    expect((second.load(join(d, 'entry.cjs')) as Entry).answer()).toBe(42);
    expect(second.unstored).toBe(1);
    second.save();

    writeFileSync(join(d, 'part.cjs'), 'exports.double = (n) => n * 3;\n');
    const third = makeCodeCache(dir);
    expect((third.load(join(d, 'entry.cjs')) as Entry).answer()).toBe(63);
    expect(third.unstored).toBe(1);
  });

  it('runs without storing where the folder cannot be made', () => {
    const d = bundle();
    const blocked = join(d, 'not-a-folder');
    writeFileSync(blocked, 'a file where the cache folder would go\n');
    const cache = makeCodeCache(join(blocked, 'code'));
    expect((cache.load(join(d, 'entry.cjs')) as Entry).answer()).toBe(42);
    expect(() => cache.save()).not.toThrow();
    expect(existsSync(join(blocked, 'code'))).toBe(false);
  });
});
