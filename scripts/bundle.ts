// Build step (after tsc): the command line as one bundle (dist/bundle/claimlint.cjs,
// with a chunk per lazily loaded part: parsers, formatters, the language server).
// Loading some 300 modules one by one is most of a small run's start-up; one
// bundle is read and compiled at once, and what a `check` never calls is left out.
// The bundle is made from dist/src and stands for it: the manifest gives the
// code's digest (src/registry/selftest-stamp.ts) and the newest modification
// time and number of dist/src's modules, and bin/claimlint.js uses the bundle
// only while dist/src has not been compiled again since (src otherwise).
// CommonJS, so that the launcher (src/boot/launch.ts) can load it through V8's
// code cache, which Node 20 offers for scripts but not for ES modules.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'rolldown';
import { packagePath } from '../src/paths.js';
import { codeDigest } from '../src/registry/selftest-stamp.js';
import { BUNDLE_ENTRY, compiledSources } from '../src/boot/launch.js';

const out = packagePath('dist', 'bundle');
const src = packagePath('dist', 'src');
rmSync(out, { recursive: true, force: true });
await build({
  input: join(src, 'cli', 'main.js'),
  platform: 'node',
  logLevel: 'silent',
  output: { dir: out, format: 'cjs', entryFileNames: BUNDLE_ENTRY, chunkFileNames: '[name]-[hash].cjs' },
});
const sources = compiledSources(src);
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify({ codeDigest: codeDigest(), sources })}\n`);
console.log(`command line bundled into dist/bundle/ (from ${sources.count} modules)`);
