// The bundled data files as the build read them. Parsing YAML (the message
// catalogues, the cue lists, the rules' data files) and checking it against
// its schema is a good part of a small run's start-up, and its outcome depends
// only on the file's bytes and the schema. The build (scripts/build-validators.ts)
// loads every bundled data file once and writes what each loader returned to
// dist/data-snapshot.json, each value under a key: the digest of the file's
// text and of everything else its outcome depends on (the schema, the options).
// A run reads the file as before, computes the key and takes the stored value
// when the key matches; an edited file (or schema) has another key and is
// parsed and checked as without a snapshot. A snapshot that is missing, cut
// short or not JSON is ignored: it is never a reason to fail.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { relative, sep } from 'node:path';
import { packagePath } from './paths.js';

/** One stored value: its key and its JSON text (parsed afresh for every load, so no caller shares another's object). */
interface Entry {
  readonly key: string;
  readonly json: string;
}

const FORMAT = 'claimlint-data-snapshot-v1';

export const DATA_SNAPSHOT_PATH = packagePath('dist', 'data-snapshot.json');

let snapshotPath = DATA_SNAPSHOT_PATH;
let stored: ReadonlyMap<string, Entry> | undefined;
let recording: Map<string, Entry> | undefined;

function entries(): ReadonlyMap<string, Entry> {
  if (stored) return stored;
  const map = new Map<string, Entry>();
  try {
    const file = JSON.parse(readFileSync(snapshotPath, 'utf8')) as { format?: unknown; entries?: Record<string, Partial<Entry>> };
    if (file && file.format === FORMAT && file.entries && typeof file.entries === 'object') {
      for (const [name, e] of Object.entries(file.entries)) {
        if (e && typeof e.key === 'string' && typeof e.json === 'string') map.set(name, { key: e.key, json: e.json });
      }
    }
  } catch {
    // No snapshot (sources run by tests, a build without the step) or a damaged one: every file is parsed.
  }
  stored = map;
  return map;
}

/** The digest of the parts a stored value depends on. */
export function snapshotKey(parts: readonly (string | Uint8Array)[]): string {
  const h = createHash('sha256').update(FORMAT);
  for (const p of parts) h.update('\0').update(p);
  return h.digest('hex');
}

/** The package-relative name of a bundled data file (under data/), or undefined for any other file. */
export function bundledDataName(path: string): string | undefined {
  const rel = relative(packagePath('data'), path);
  if (!rel || rel.startsWith('..') || rel.startsWith(sep) || /^[a-zA-Z]:/.test(rel)) return undefined;
  return `data/${rel.split(sep).join('/')}`;
}

/**
 * The value stored under `name` when its key is `key`, else `compute()`'s.
 * `compute` must return plain JSON data (a value that does not survive JSON
 * is computed every time and never stored). While the build records, what is
 * computed is kept for writeDataSnapshot.
 */
export function snapshotOr<T>(name: string, key: string, compute: () => T): T {
  const hit = recording ? undefined : entries().get(name);
  if (hit && hit.key === key) {
    try {
      return JSON.parse(hit.json) as T;
    } catch {
      // A damaged entry: computed as without it.
    }
  }
  const value = compute();
  if (recording) {
    const json = JSON.stringify(value);
    if (json !== undefined && isDeepStrictEqual(JSON.parse(json), value)) recording.set(name, { key, json });
  }
  return value;
}

/** The build: from now on every snapshotOr computes and records. */
export function startRecording(): void {
  recording = new Map();
}

/** The build: the recorded values as the snapshot file's text; recording stops. */
export function recordedSnapshot(): { readonly text: string; readonly names: readonly string[] } {
  const rec = recording ?? new Map<string, Entry>();
  recording = undefined;
  const names = [...rec.keys()].sort();
  const out: Record<string, Entry> = {};
  for (const n of names) out[n] = rec.get(n)!;
  return { text: `${JSON.stringify({ format: FORMAT, entries: out })}\n`, names };
}

/** Tests: read the snapshot from `path` (default the build's) from the next load on. */
export function useDataSnapshot(path: string = DATA_SNAPSHOT_PATH): void {
  snapshotPath = path;
  stored = undefined;
}
