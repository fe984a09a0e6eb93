// Build step (after tsc): the command line as one bundle (dist/bundle/claimlint.mjs,
// with a chunk per lazily loaded part: parsers, formatters, the language server).
// Loading some 300 modules one by one is most of a small run's start-up; one
// bundle is read and compiled at once, and what a `check` never calls is left out.
// The bundle is made from dist/src and stands for it: the manifest gives the
// code's digest (src/registry/selftest-stamp.ts) and the newest modification
// time and number of dist/src's modules, and bin/claimlint.js uses the bundle
// only while dist/src has not been compiled again since (src otherwise).
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'rolldown';
import { packagePath } from '../src/paths.js';
import { codeDigest } from '../src/registry/selftest-stamp.js';

const out = packagePath('dist', 'bundle');
const src = packagePath('dist', 'src');
rmSync(out, { recursive: true, force: true });
await build({
  input: join(src, 'cli', 'main.js'),
  platform: 'node',
  logLevel: 'silent',
  output: { dir: out, format: 'esm', entryFileNames: 'claimlint.mjs', chunkFileNames: '[name]-[hash].mjs' },
});
let count = 0;
let newestMtimeMs = 0;
for (const f of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
  if (!f.endsWith('.js')) continue;
  count++;
  newestMtimeMs = Math.max(newestMtimeMs, statSync(join(src, f)).mtimeMs);
}
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify({ codeDigest: codeDigest(), sources: { count, newestMtimeMs } })}\n`);
console.log(`command line bundled into dist/bundle/ (from ${count} modules)`);
