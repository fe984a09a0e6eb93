// bin/launch.js: the bundle is loaded only while it is made from dist/src as
// it is now; a compile after it (tsc alone), a module added or removed, or a
// missing or damaged manifest sends the launcher to dist/src.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript beside the launcher, without types
import { bundleIsFresh, entryModule } from '../../bin/launch.js';

const fresh = bundleIsFresh as (dist: string) => boolean;
const entry = entryModule as (dist: string, env?: Record<string, string | undefined>) => string;

/** A dist folder with two compiled modules at time `t` (seconds) and a bundle whose manifest says `sources`. */
function dist(t: number, sources: unknown): string {
  const d = mkdtempSync(join(tmpdir(), 'claimlint-launch-'));
  mkdirSync(join(d, 'src', 'cli'), { recursive: true });
  mkdirSync(join(d, 'bundle'));
  for (const f of ['src/index.js', 'src/cli/main.js']) {
    writeFileSync(join(d, f), 'export {};\n');
    utimesSync(join(d, f), t, t);
  }
  writeFileSync(join(d, 'bundle', 'claimlint.mjs'), 'export {};\n');
  writeFileSync(join(d, 'bundle', 'manifest.json'), JSON.stringify({ codeDigest: 'x', sources }));
  return d;
}

describe('bin/launch.js', () => {
  it('uses the bundle made from dist/src as it is', () => {
    const d = dist(1_000_000, { count: 2, newestMtimeMs: 1_000_000_000 });
    expect(fresh(d)).toBe(true);
    expect(entry(d, {})).toBe(join(d, 'bundle', 'claimlint.mjs'));
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
    rmSync(join(noBundle, 'bundle', 'claimlint.mjs'));
    expect(fresh(noBundle)).toBe(false);
    expect(fresh(dist(1_000_000, undefined))).toBe(false);
  });
});
