// Which build of the command line bin/claimlint.js loads: the bundle
// (dist/bundle, scripts/bundle.ts) while it is up to date with dist/src, else
// dist/src itself. The bundle is made from dist/src after it is compiled; a
// later compile (tsc alone, as `npm test` runs it) leaves it behind, and then
// it is not used. CLAIMLINT_NO_BUNDLE=1 always uses dist/src.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Whether dist/bundle is made from dist/src as it is now: the same number of modules, none modified since. */
export function bundleIsFresh(dist) {
  try {
    const manifest = JSON.parse(readFileSync(join(dist, 'bundle', 'manifest.json'), 'utf8'));
    const src = join(dist, 'src');
    let count = 0;
    let newest = 0;
    for (const f of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.js')) continue;
      count++;
      newest = Math.max(newest, statSync(join(src, f)).mtimeMs);
    }
    const s = manifest && manifest.sources;
    return !!s && s.count === count && newest <= s.newestMtimeMs && statSync(join(dist, 'bundle', 'claimlint.mjs')).isFile();
  } catch {
    return false;
  }
}

/** The module whose `main` runs the command line. */
export function entryModule(dist, env = process.env) {
  return env.CLAIMLINT_NO_BUNDLE !== '1' && bundleIsFresh(dist) ? join(dist, 'bundle', 'claimlint.mjs') : join(dist, 'src', 'cli', 'main.js');
}
