// Which build of the command line bin/claimlint.js runs, and how it is loaded.
//
// The build bundles the command line (scripts/bundle.ts) into dist/bundle: one
// CommonJS module and a chunk per part loaded on demand. The bundle is made
// from dist/src after it is compiled and stands for it; a later compile (tsc
// alone, as `npm test` and `npm run eval` run it) leaves it behind, and then
// dist/src itself is loaded. CLAIMLINT_NO_BUNDLE=1 always loads dist/src.
//
// Compiling the bundle's code was the largest part of a small run. The bundle
// is loaded through V8's code cache: each module's compiled code (with the
// functions the run compiled) is stored after the first run under the tool's
// own node_modules/.cache/claimlint/code, keyed by the digest of the module's
// text, Node's version and its flags, and sealed by its own digest
// (src/sealed-file.ts). A damaged entry, one V8 refuses, or a folder that
// cannot be written only means compiling as without it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { readSealed, writeSealed } from '../sealed-file.js';

/** What the bundle's manifest records of the dist/src it was made from. */
export interface Sources {
  readonly count: number;
  readonly newestMtimeMs: number;
}

/** The number of compiled modules under `src` (dist/src) and the newest one's modification time. */
export function compiledSources(src: string): Sources {
  let count = 0;
  let newestMtimeMs = 0;
  // A walk of its own: readdirSync's `recursive` option costs several times as much on Node 20.
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.js')) {
        count++;
        newestMtimeMs = Math.max(newestMtimeMs, statSync(path).mtimeMs);
      }
    }
  };
  walk(src);
  return { count, newestMtimeMs };
}

/** The bundle's entry module, in dist/bundle. */
export const BUNDLE_ENTRY = 'claimlint.cjs';

/** Whether dist/bundle is made from dist/src as it is now: the same number of modules, none modified since. */
export function bundleIsFresh(dist: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(dist, 'bundle', 'manifest.json'), 'utf8')) as { sources?: Partial<Sources> } | null;
    const s = manifest?.sources;
    if (!s || typeof s.count !== 'number' || typeof s.newestMtimeMs !== 'number') return false;
    const now = compiledSources(join(dist, 'src'));
    return s.count === now.count && now.newestMtimeMs <= s.newestMtimeMs && statSync(join(dist, 'bundle', BUNDLE_ENTRY)).isFile();
  } catch {
    return false;
  }
}

/** The module whose `main` runs the command line. */
export function entryModule(dist: string, env: NodeJS.ProcessEnv = process.env): string {
  return env['CLAIMLINT_NO_BUNDLE'] !== '1' && bundleIsFresh(dist) ? join(dist, 'bundle', BUNDLE_ENTRY) : join(dist, 'src', 'cli', 'main.js');
}

export type Main = (argv: string[]) => Promise<number>;

/**
 * V8 flags the command line sets for itself, before any of its code runs.
 *
 * --no-regexp-tier-up: V8 runs a regular expression's first executions in its
 * bytecode interpreter and compiles it to machine code after that. The
 * registry's phrase patterns are large alternations (95 of them, 136,000
 * characters of source) that a run's first sentences take through the
 * interpreter, which on these patterns costs several times their
 * compilation: the first three executions of each took about 0.5 s of CPU
 * with tier-up and under 0.1 s compiled at once (Node 20, this machine). A
 * pull-request run analyses a few files, so those first executions were most
 * of its file stage; a full run compiles them all anyway, and measured no
 * slower. The flags are part of the code cache's key (V8 refuses code cached
 * under other flags).
 *
 * Not here: --max-semi-space-size, which shortens the garbage collections a
 * short run does, is read only when the heap is set up: setting it from the
 * running process changes nothing (measured), and bin/claimlint.js cannot pass
 * it on its `#!` line everywhere. NODE_OPTIONS=--max-semi-space-size=32 does.
 */
export const CLI_V8_FLAGS = ['--no-regexp-tier-up'] as const;

let flagsSet = false;

/** Sets CLI_V8_FLAGS once (bin/claimlint.js through loadMain). */
export function setCliFlags(): void {
  if (flagsSet) return;
  flagsSet = true;
  for (const flag of CLI_V8_FLAGS) setFlagsFromString(flag);
}

/** The command line's `main`, from the bundle (through the code cache) or from dist/src. */
export async function loadMain(dist: string, env: NodeJS.ProcessEnv = process.env): Promise<Main> {
  setCliFlags();
  const entry = entryModule(dist, env);
  if (!entry.endsWith(BUNDLE_ENTRY)) return ((await import(pathToFileURL(entry).href)) as { main: Main }).main;
  return (codeCache(join(dist, '..', 'node_modules', '.cache', 'claimlint', 'code')).load(entry) as { main: Main }).main;
}

const FORMAT = 'code-cache-v1';
/** Entries kept: the bundle's modules of a few builds side by side. */
const KEEP = 40;

interface Compiled {
  readonly script: Script;
  readonly name: string;
}

/** CommonJS modules loaded from files through V8's code cache in `dir`. */
export interface CodeCache {
  /** The exports of the module in `file` (and of the bundle's modules it requires, `./name`), loaded once. */
  load(file: string): unknown;
  /** Stores the compiled code of the modules that had no usable entry; silently does nothing where it cannot. */
  save(): void;
  /** The modules loaded without a usable entry, not stored yet. */
  readonly unstored: number;
}

let current: CodeCache | undefined;

/** The process's code cache in `dir` (one per process: the bundle's modules are shared). */
export function codeCache(dir: string): CodeCache {
  return (current ??= makeCodeCache(dir));
}

/** Stores what the process's code cache has to store (bin/claimlint.js calls it when the command is done). */
export function saveCodeCache(): void {
  current?.save();
}

export function makeCodeCache(dir: string): CodeCache {
  const modules = new Map<string, { exports: unknown }>();
  const unstored: Compiled[] = [];
  const load = (file: string): unknown => {
    const known = modules.get(file);
    if (known) return known.exports;
    const module = { exports: {} as unknown };
    modules.set(file, module);
    const bytes = readFileSync(file);
    const name = `${createHash('sha256')
      .update(`${FORMAT}\0${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0${flagsSet ? CLI_V8_FLAGS.join(' ') : ''}\0`)
      .update(bytes)
      .digest('hex')}.bin`;
    const cachedData = readSealed(join(dir, name));
    const wrapped = `(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`;
    const script = new Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
    if (!cachedData || script.cachedDataRejected) unstored.push({ script, name });
    const nodeRequire = createRequire(file);
    const here = dirname(file);
    const require = Object.assign((id: string) => (id.startsWith('./') ? load(join(here, id)) : nodeRequire(id)), { resolve: nodeRequire.resolve, cache: nodeRequire.cache });
    const fn = script.runInThisContext() as (exports: unknown, require: unknown, module: unknown, filename: string, dirname: string) => void;
    fn.call(module.exports, module.exports, require, module, file, here);
    return module.exports;
  };
  return {
    load,
    get unstored() {
      return unstored.length;
    },
    save() {
      // After the run, so the entry holds the functions it compiled too, not only the modules' top level.
      for (const { script, name } of unstored.splice(0)) {
        try {
          writeSealed(dir, name, script.createCachedData(), KEEP);
        } catch {
          // Nothing to store: the next run compiles again.
        }
      }
    },
  };
}
