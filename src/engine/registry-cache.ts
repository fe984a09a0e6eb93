// The compiled registry, cached by digest. Reading, schema-checking, checking
// every pattern's syntax tree and compiling the registry (and self-testing it)
// is most of a small run's start-up; its outcome depends only on the registry
// and lexicon files, the cue lists the self-test reads with, and the code.
// A run whose digest of all of these matches a stored entry takes the
// compiled registry from it instead. The entry is written only after the
// registry loaded and passed its self-test, so a hit skips both.
//
// The cache is an optimisation and never a reason to fail: a folder that
// cannot be created or written, or an entry that is cut short, edited or does
// not match its digest, is ignored and the registry compiled as without it.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { packagePath } from '../paths.js';
import { readSealed, writeSealed } from '../sealed-file.js';
import { toolVersion } from '../version.js';
import { lexiconPath, registryFiles } from '../registry/load.js';
import { LiteralScanner } from '../text/literal-scanner.js';
import type { Gazetteer } from '../region/gazetteer.js';
import { compileMatcher, useStoredMatcher, type Matcher } from '../region/matcher.js';
import { codeDigest } from '../registry/selftest-stamp.js';
import type { Registry } from '../registry/types.js';
import type { Cues } from '../extract/cues.js';

/** Where entries live: the tool's own node_modules/.cache, beside the analysis cache's default. */
export const COMPILED_REGISTRY_DIR = packagePath('node_modules', '.cache', 'claimlint', 'registry');
const FORMAT = 'compiled-registry-v1';

/**
 * The digest of everything a compiled, self-tested registry depends on, or
 * undefined when it cannot be computed (a file that cannot be read: the
 * loader reports that) or when running from TypeScript sources (tests), where
 * the code has no digest to invalidate entries with.
 */
export function compiledRegistryKey(location: string, cwd: string, lexicon: string | undefined, cuesText: string): string | undefined {
  const code = codeDigest();
  if (!code) return undefined;
  try {
    const h = createHash('sha256').update(FORMAT).update('\0').update(toolVersion()).update('\0').update(code).update('\0');
    // The display names are in the compiled registry (origins, `files`), so they are part of the key.
    for (const f of registryFiles(location)) h.update(relative(cwd, f) || f).update('\0').update(readFileSync(f)).update('\0');
    const lex = lexiconPath(location, lexicon ? { lexicon } : {});
    h.update(relative(cwd, lex) || lex).update('\0');
    h.update(statSync(lex, { throwIfNoEntry: false })?.isFile() ? readFileSync(lex) : '').update('\0');
    return h.update(cuesText).digest('hex');
  } catch {
    return undefined;
  }
}

/**
 * A stored entry: the registry, and the bundled cue lists when the run used
 * those (plain data, read from YAML otherwise). With the bundled cues the key
 * covers every bundled data file, so the entry can carry the gazetteer too
 * (built from data/gazetteer.json and data/region-aliases.yaml) with its
 * compiled matcher.
 */
export interface CompiledEntry {
  readonly registry: Registry;
  readonly cues?: Cues;
  readonly gazetteer?: Gazetteer;
}

/** What a stored entry gives back: the gazetteer (with its matcher) is read only when the run first needs it. */
export interface StoredEntry {
  readonly registry: Registry;
  readonly cues?: Cues;
  readonly gazetteer?: () => Gazetteer | undefined;
}

/** The stored entry for this key, or undefined (none, or not intact). */
export function readCompiledRegistry(key: string, dir = COMPILED_REGISTRY_DIR): StoredEntry | undefined {
  try {
    const payload = readSealed(join(dir, `${key}.bin`));
    if (!payload) return undefined;
    const stored = deserialize(payload) as { format?: unknown; registry?: Registry; cues?: Cues; places?: unknown };
    const registry = stored.registry;
    if (stored.format !== FORMAT || !registry || !Array.isArray(registry.claims) || !(registry.byId instanceof Map)) return undefined;
    // v8's serializer keeps data, not classes: the scanner gets its methods back.
    if (registry.scanner) Object.setPrototypeOf(registry.scanner, LiteralScanner.prototype);
    const places = stored.places;
    return {
      registry,
      ...(stored.cues && typeof stored.cues === 'object' ? { cues: stored.cues } : {}),
      ...(places instanceof Uint8Array ? { gazetteer: () => readPlaces(places) } : {}),
    };
  } catch {
    return undefined;
  }
}

/** The stored gazetteer, its matcher taken as compiled; undefined when it is not what was stored (then it is built). */
function readPlaces(bytes: Uint8Array): Gazetteer | undefined {
  try {
    const { gazetteer, matcher } = deserialize(bytes) as { gazetteer?: Gazetteer; matcher?: Matcher };
    if (!gazetteer || !(gazetteer.byCode instanceof Map) || !(gazetteer.lexicon instanceof Map) || !matcher || !(matcher.root instanceof Int32Array)) return undefined;
    useStoredMatcher(gazetteer, matcher);
    return gazetteer;
  } catch {
    return undefined;
  }
}

/** Entries kept: a few registries (projects, branches) side by side; older ones (another build's) go. */
const KEEP = 4;

/** Stores a registry that loaded and passed its self-test; silently does nothing where it cannot. */
export function writeCompiledRegistry(key: string, entry: CompiledEntry, dir = COMPILED_REGISTRY_DIR): void {
  try {
    const { registry } = entry;
    const stored = registry.scanner ? { ...registry, scanner: registry.scanner.withoutTable() } : registry;
    // The gazetteer serialised on its own, so a run that never looks for a place does not decode it.
    const places = entry.gazetteer ? serialize({ gazetteer: entry.gazetteer, matcher: compileMatcher(entry.gazetteer) }) : undefined;
    writeSealed(dir, `${key}.bin`, serialize({ format: FORMAT, registry: stored, ...(entry.cues ? { cues: entry.cues } : {}), ...(places ? { places } : {}) }), KEEP);
  } catch {
    // Not serialisable: the next run compiles again.
  }
}
