// Run stage 4, analyze (cached): analyzeFile behind the per-file cache. A file
// whose path and bytes match a cached entry made under the same run key is not
// analysed again; every other file is, and its entry is stored for the next run.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AnalysisCache, runKey } from './cache.js';
import { toolVersion } from '../version.js';
import type { Config } from '../config/config.js';
import type { Registry } from '../registry/types.js';
import { formatsSignature } from '../parse/formats.js';
import { analyzeFile, type FileAnalysis, type Services } from './analyze.js';
import { bundledDataDigest } from './setup.js';
import { takeBytes, type ByteReader, type RunInput } from './read.js';
import { COMPACT_FORMAT } from './compact.js';

/**
 * The run's cache, or undefined without `--cache`. Entries hold compact
 * analyses, so a run that keeps whole articles (registry coverage) uses none.
 */
export function openCache(location: string | undefined, cwd: string, config: Config, registry: Registry, services: Services, keepArticles = false): AnalysisCache | undefined {
  return location && !keepArticles ? AnalysisCache.open(resolve(cwd, location), runKey(cacheKeyParts(config, registry, services))) : undefined;
}

/**
 * The run's inputs. With a cache each file is read first, to key its entry by
 * content; without one its bytes are read when its turn comes.
 */
export function runInputs(files: readonly RunInput['file'][], read: ByteReader, cache: AnalysisCache | undefined, stdinFile?: RunInput['file']): RunInput[] {
  return files.map((file) => {
    if (!cache) return { file };
    // A file whose stat is the one recorded when it was last hashed is keyed without reading it (src/engine/cache.ts).
    const statAt = Date.now();
    const st = file === stdinFile ? undefined : statSync(file.absolute, { throwIfNoEntry: false });
    const regular = st?.isFile() === true;
    const known = regular ? cache.knownKey(file.display, st!) : undefined;
    if (known) return { file, key: known, fromIndex: true };
    const bytes = read(file);
    if (bytes instanceof Error) return { file, bytes };
    const key = AnalysisCache.entryKey(file.display, bytes);
    // Stat first, bytes after: a file changed in between is recorded with its older stat, which the next run sees differ.
    if (regular && st!.size === bytes.length) cache.remember(file.display, st!, statAt, key);
    return { file, bytes, key };
  });
}

/** The key of the whole corpus (every file's path and hash), when every file could be keyed. */
export function corpusKey(inputs: readonly RunInput[], cache: AnalysisCache | undefined): string | undefined {
  return cache && inputs.every((i) => i.key) ? runKey(inputs.map((i) => i.key!)) : undefined;
}

/**
 * A function from a run input to its analysis: the cached one when there is
 * one, else analyzeFile's (stored for next time), then `keep` (compaction).
 * It calls analyzeFile directly, adding no frame of its own between the run's
 * loop and the parsers' deep recursion.
 */
export function cachedAnalyzer(
  read: ByteReader,
  services: Services,
  cache: AnalysisCache | undefined,
  keep: (a: FileAnalysis) => FileAnalysis,
): (input: RunInput) => FileAnalysis {
  return (input) => {
    // Entries are compact analyses: a hit is used as it was stored (and a file keyed from the index is never read).
    if (cache && input.key && !(input.bytes instanceof Error)) {
      const hit = cache.get(input.key, input.file.display);
      if (hit) {
        input.bytes = undefined;
        return hit;
      }
    }
    const bytes = takeBytes(input, read);
    if (!cache || !input.key || bytes instanceof Error) return keep(analyzeFile(input.file, bytes, services));
    // A key from the index whose entry is gone: the bytes read now are what is analysed, so they are what it is stored under.
    const key = input.fromIndex ? AnalysisCache.entryKey(input.file.display, bytes) : input.key;
    if (input.fromIndex) cache.forget(input.file.display);
    const fresh = keep(analyzeFile(input.file, bytes, services));
    cache.set(key, fresh);
    return fresh;
  };
}

/** A digest of everything a file's analysis depends on besides the file: shards and their merge must agree on it. */
export function runIdentity(config: Config, registry: Registry, services: Services): string {
  return runKey(cacheKeyParts(config, registry, services));
}

/** What the per-file cache depends on besides the file itself. */
function cacheKeyParts(config: Config, registry: Registry, services: Services): string[] {
  const dataFiles = [config.cues, config.pageStructure].filter((p): p is string => !!p);
  return [
    toolVersion(),
    registry.digest,
    services.asOf.date,
    JSON.stringify([...config.rules.entries()]),
    String(config.maxFileBytes),
    formatsSignature(),
    bundledDataDigest(),
    ...dataFiles.map((p) => readFileSync(p, 'utf8')),
    // Entries made without fact records must not serve a run that reads them.
    services.readFacts === false ? 'no-facts' : 'facts',
    // What a compact analysis keeps (src/engine/compact.ts): entries of another layout are not read.
    COMPACT_FORMAT,
  ];
}
