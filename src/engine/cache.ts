// The analysis cache: one entry per file, so a pull request's run reads the
// entries of the files it reads and writes only those that changed.
//
//   <location>/v5/<run key>/files/<aa>/<path hash>-<content hash>.bin   a file's compact analysis
//   <location>/v5/<run key>/corpus.bin                                 the last whole run's findings
//   <location>/v5/<run key>/index.bin                                  each file's stat when its bytes were hashed
//   <location>/v5/<run key>/state.bin, state.pieces                    the last cached check's corpus stage (src/engine/incremental.ts)
//
// The index lets a run key an unchanged file without reading it: a file whose
// size, modification and change times and inode are those recorded when its
// bytes were last hashed has the entry key recorded with them (the scheme of
// ESLint's and Prettier's caches). A file modified within two seconds before
// that stat was taken is read and hashed again (a second write in the same
// tick of a coarse clock would not show in its stat), and an index that is
// damaged is ignored: every file is then read and hashed.
//
// An entry's name says which file and which bytes it was made from, so an
// entry that exists is up to date and is never written again; a file whose
// bytes change gets a new entry and its old one is removed. What is stored is
// the compact analysis (src/engine/compact.ts) the corpus stage reads, so a
// hit decodes and parses nothing. Every entry carries the SHA-256 digest of
// its bytes: one that does not match (cut short, edited, damaged on disk) is
// recomputed and counted, never trusted.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { savePacked, type PackedOutput } from './packed-file.js';
import { ensureDir } from '../fs-errors.js';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileAnalysis } from './analyze.js';
import type { Finding } from '../types.js';
import { LineIndex } from '../text/position.js';

export const DEFAULT_CACHE_LOCATION = join('node_modules', '.cache', 'claimlint');
// v5: one entry per file, compact analyses.
const LAYOUT = 'v5';
/** Files of the single-file layout before v5, removed when a v5 cache is written. */
const LEGACY_FILES = ['analysis-v4.bin', 'corpus-v4.bin'];
const DIGEST_HEX = 64;

/** The finished findings of a whole run, valid while no file of the corpus changes. */
export interface CorpusResult {
  readonly findings: Finding[];
  readonly claims: number;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A value serialised with the digest of its bytes in front (64 hex digits). */
function sealed(value: unknown): Buffer {
  const payload = serialize(value);
  return Buffer.concat([Buffer.from(sha256(payload), 'latin1'), payload]);
}

type Unsealed = { readonly found: false } | { readonly found: true; readonly value: unknown };
const NOT_FOUND: Unsealed = { found: false };

/** The value stored at `path`; found but undefined when the file is there but not intact. */
function unseal(path: string): Unsealed {
  let bytes: Buffer;
  try {
    // Only a regular file: a FIFO put in the cache folder would block the read forever.
    if (!statSync(path).isFile()) return NOT_FOUND;
    bytes = readFileSync(path);
  } catch {
    return NOT_FOUND;
  }
  const payload = bytes.subarray(DIGEST_HEX);
  if (bytes.length < DIGEST_HEX || sha256(payload) !== bytes.subarray(0, DIGEST_HEX).toString('latin1')) return { found: true, value: undefined };
  try {
    return { found: true, value: deserialize(payload) };
  } catch {
    return { found: true, value: undefined };
  }
}

/** What the index keeps of a file: its stat when its bytes were hashed, the time of that stat and the entry key of those bytes. */
interface IndexEntry {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
  /** When the stat was taken (ms since the epoch). */
  readonly statAt: number;
  readonly key: string;
}

const INDEX_FORMAT = 'stat-index-v1';
/** An entry key as entryKey makes it: it names a file under files/, so nothing else is taken from an index. */
const ENTRY_KEY = /^[0-9a-f]{40}-[0-9a-f]{40}$/;
/** A file modified this close to (or after) the stat that recorded it is hashed again: coarse clocks tick every 1–2 s. */
const RACY_MS = 2000;

/**
 * The index as stored: columns, one row per path (5 stats a row). It is kept
 * as it was read, not as an object per file: a warm run of 10,000 files looked
 * every file up in it and, made into 10,000 objects and checked key by key,
 * it cost the run some 30 ms to read and as much to write back.
 */
interface IndexColumns {
  readonly paths: readonly string[];
  readonly keys: readonly unknown[];
  readonly stats: Float64Array;
  /** Row of each path. */
  readonly rows: Map<string, number>;
}

const NO_INDEX: IndexColumns = { paths: [], keys: [], stats: new Float64Array(0), rows: new Map() };

/** The index's columns, or undefined when they are not intact (a row's key is checked when the row is used). */
function readIndex(value: unknown): IndexColumns | undefined {
  const v = value as { format?: unknown; paths?: unknown; stats?: unknown; keys?: unknown } | undefined;
  if (!v || v.format !== INDEX_FORMAT || !Array.isArray(v.paths) || !Array.isArray(v.keys) || !(v.stats instanceof Float64Array)) return undefined;
  const { paths, keys, stats } = v as { paths: unknown[]; keys: unknown[]; stats: Float64Array };
  if (keys.length !== paths.length || stats.length !== paths.length * 5) return undefined;
  const rows = new Map<string, number>();
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i];
    if (typeof path !== 'string') return undefined;
    rows.set(path, i);
  }
  return { paths: paths as string[], keys, stats, rows };
}

/** Row i of the index as an entry; undefined when its key is not an entry key (nothing else is taken from an index). */
function indexRow(c: IndexColumns, i: number): IndexEntry | undefined {
  const key = c.keys[i];
  if (typeof key !== 'string' || !ENTRY_KEY.test(key)) return undefined;
  const s = c.stats;
  return { size: s[i * 5]!, mtimeMs: s[i * 5 + 1]!, ctimeMs: s[i * 5 + 2]!, ino: s[i * 5 + 3]!, statAt: s[i * 5 + 4]!, key };
}

const sameStat = (e: IndexEntry, st: Stats) => e.size === st.size && e.mtimeMs === st.mtimeMs && e.ctimeMs === st.ctimeMs && e.ino === st.ino;

/** Enough of a stored compact analysis to be used: the fields every later stage reads. */
function isStored(v: unknown, file: string): v is FileAnalysis {
  const s = v as Partial<FileAnalysis> | undefined;
  return (
    !!s &&
    typeof s === 'object' &&
    s.file === file &&
    Array.isArray(s.records) &&
    (s.claims === undefined || (typeof s.claims === 'number' && Number.isInteger(s.claims) && s.claims >= s.records.length)) &&
    Array.isArray(s.verdicts) &&
    Array.isArray(s.facts) &&
    Array.isArray(s.findings) &&
    s.article === undefined &&
    (s.lines === undefined || (typeof s.lines === 'object' && s.lines !== null)) &&
    (s.suppressions === undefined || (typeof s.suppressions === 'object' && s.suppressions !== null && Array.isArray(s.suppressions.scopes)))
  );
}

/**
 * Per-file compact analyses keyed by path and content hash, valid only for one
 * combination of claimlint version, registry, config, data files and as-of
 * date (the run key): change any of them and no entry of the old key is used.
 */
export class AnalysisCache {
  private corpus: { readonly key: string; readonly result: CorpusResult } | undefined;
  /** The incremental corpus stage's state for the next run (src/engine/incremental.ts), written by save(). */
  private state: PackedOutput | undefined;
  hits = 0;
  misses = 0;
  /** Entries found but not intact (digest mismatch, unreadable): recomputed. */
  damaged = 0;
  /** Entries written by this run. */
  written = 0;
  private readonly root: string;
  /** The first failure to write an entry: no more are tried, and save() reports it. */
  private writeError: unknown;
  private readonly listings = new Map<string, string[]>();
  /** The index as the last run left it (read on first use), what this run recorded anew, and the paths it dropped. */
  private index: IndexColumns | undefined;
  private readonly seen = new Map<string, IndexEntry>();
  private readonly dropped = new Set<string>();
  private indexChanged = false;

  private constructor(private readonly dir: string, key: string) {
    this.root = join(dir, LAYOUT, key.slice(0, 32));
  }

  static open(location: string, runKey: string): AnalysisCache {
    return new AnalysisCache(location, runKey);
  }

  /** A file's entry key: the hash of its path, a dash, the hash of its bytes. */
  static entryKey(file: string, bytes: Uint8Array): string {
    return `${createHash('sha1').update(file).digest('hex')}-${createHash('sha1').update(bytes).digest('hex')}`;
  }

  private entryPath(entryKey: string): string {
    return join(this.root, 'files', entryKey.slice(0, 2), `${entryKey}.bin`);
  }

  private loadedIndex(): IndexColumns {
    if (!this.index) {
      const stored = unseal(join(this.root, 'index.bin'));
      const read = stored.found ? readIndex(stored.value) : undefined;
      if (stored.found && !read) this.damaged++;
      this.index = read ?? NO_INDEX;
    }
    return this.index;
  }

  /** What the index as the last run left it says of `file` (not what this run recorded). */
  private stored(file: string): IndexEntry | undefined {
    if (this.dropped.has(file)) return undefined;
    const c = this.loadedIndex();
    const i = c.rows.get(file);
    return i === undefined ? undefined : indexRow(c, i);
  }

  /**
   * The entry key of a file whose stat (taken just now) is the one recorded
   * when its bytes were last hashed, or undefined: the file must be read.
   */
  knownKey(file: string, st: Stats): string | undefined {
    // A file keyed from the index is not recorded again: its row is kept as it is.
    const e = this.stored(file);
    if (!e || !sameStat(e, st) || st.mtimeMs + RACY_MS >= e.statAt) return undefined;
    return e.key;
  }

  /** Records that `file`, with the stat taken at `statAt` (before its bytes were read), has the entry key `key`. */
  remember(file: string, st: Stats, statAt: number, key: string): void {
    const e: IndexEntry = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, statAt, key };
    const old = this.stored(file);
    this.seen.set(file, e);
    if (!old || old.key !== key || !sameStat(old, st) || old.statAt !== statAt) this.indexChanged = true;
  }

  /** Drops what the index says of `file` (its key named an entry that is not there): the next run reads and hashes it. */
  forget(file: string): void {
    this.seen.delete(file);
    if (this.loadedIndex().rows.has(file) && !this.dropped.has(file)) {
      this.dropped.add(file);
      this.indexChanged = true;
    }
  }

  /** The previous run's findings when the corpus (every file's path and hash) is the same. */
  corpusResult(corpusKey: string): CorpusResult | undefined {
    const stored = unseal(join(this.root, 'corpus.bin'));
    if (!stored.found) return undefined;
    const v = stored.value as { corpus?: unknown; result?: Partial<CorpusResult> } | undefined;
    if (!v || typeof v !== 'object') {
      this.damaged++;
      return undefined;
    }
    if (v.corpus !== corpusKey) return undefined;
    const result = v.result;
    if (!result || !Array.isArray(result.findings) || typeof result.claims !== 'number') {
      this.damaged++;
      return undefined;
    }
    return result as CorpusResult;
  }

  /** Where the incremental corpus stage keeps its state (a packed file, src/engine/packed-file.ts). */
  get stateFile(): string {
    return join(this.root, 'state.bin');
  }

  setState(state: PackedOutput): void {
    this.state = state;
  }

  setCorpusResult(corpusKey: string, result: CorpusResult): void {
    this.corpus = { key: corpusKey, result };
  }

  /** The stored compact analysis of this file's bytes, if there is an intact one. */
  get(entryKey: string, file: string): FileAnalysis | undefined {
    const stored = unseal(this.entryPath(entryKey));
    if (!stored.found || !isStored(stored.value, file)) {
      if (stored.found) this.damaged++;
      this.misses++;
      return undefined;
    }
    this.hits++;
    const a = stored.value;
    // v8's serializer keeps data, not classes: the line index gets its methods back.
    if (a.lines) Object.setPrototypeOf(a.lines, LineIndex.prototype);
    return a;
  }

  /**
   * Stores a file's compact analysis under its key, and removes the entries of
   * the same path with other bytes (its earlier versions). Written at once and
   * atomically, so a run that is killed leaves whole entries only.
   */
  set(entryKey: string, analysis: FileAnalysis): void {
    // Unreadable files are not cached: the next run should try again.
    if (analysis.unreadable || this.writeError !== undefined) return;
    try {
      const path = this.entryPath(entryKey);
      const folder = join(path, '..');
      const prefix = entryKey.slice(0, entryKey.indexOf('-') + 1);
      for (const old of this.listing(folder)) if (old.startsWith(prefix) && old !== `${entryKey}.bin`) rmSync(join(folder, old), { force: true });
      writeAtomic(path, sealed(analysis));
      this.written++;
    } catch (err) {
      // A cache that cannot be written costs the next run time, not this run its report: save() says so.
      this.writeError = err;
    }
  }

  /** A folder's entries as they were when this run first wrote into it (created if need be): one listing per folder and run. */
  private listing(folder: string): readonly string[] {
    let names = this.listings.get(folder);
    if (!names) {
      ensureDir(folder);
      names = readdirSync(folder);
      this.listings.set(folder, names);
    }
    return names;
  }

  /** Writes the index when this run's stats differ from it; files of the index this run did not read are kept. */
  private saveIndex(): void {
    if (!this.indexChanged) return;
    const old = this.loadedIndex();
    const paths: string[] = [];
    const keys: unknown[] = [];
    const rows: number[] = [];
    // The old rows in their order (this run's entry where it recorded one), then the paths new to the index.
    for (let i = 0; i < old.paths.length; i++) {
      const p = old.paths[i]!;
      if (this.dropped.has(p) && !this.seen.has(p)) continue;
      paths.push(p);
      rows.push(this.seen.has(p) ? -1 : i);
    }
    for (const p of this.seen.keys()) if (!old.rows.has(p)) (paths.push(p), rows.push(-1));
    const stats = new Float64Array(paths.length * 5);
    paths.forEach((p, j) => {
      const i = rows[j]!;
      if (i >= 0) {
        stats.set(old.stats.subarray(i * 5, i * 5 + 5), j * 5);
        keys.push(old.keys[i]);
        return;
      }
      const e = this.seen.get(p)!;
      stats.set([e.size, e.mtimeMs, e.ctimeMs, e.ino, e.statAt], j * 5);
      keys.push(e.key);
    });
    writeAtomic(join(this.root, 'index.bin'), sealed({ format: INDEX_FORMAT, paths, stats, keys }));
    this.index = { paths, keys, stats, rows: new Map(paths.map((p, j) => [p, j])) };
    this.seen.clear();
    this.dropped.clear();
    this.indexChanged = false;
  }

  /**
   * Writes the whole run's findings (when the corpus changed) and, when this
   * run wrote entries, removes what no run of this key can use: other run
   * keys' folders and the single-file cache of earlier versions.
   */
  save(): void {
    if (this.writeError !== undefined) throw this.writeError;
    ensureDir(this.root);
    if (this.corpus) writeAtomic(join(this.root, 'corpus.bin'), sealed({ corpus: this.corpus.key, result: this.corpus.result }));
    this.saveIndex();
    if (this.state) savePacked(this.stateFile, this.state);
    if (this.written === 0) return;
    const layout = join(this.dir, LAYOUT);
    const own = this.root.slice(layout.length + 1);
    for (const other of readdirSync(layout)) if (other !== own) rmSync(join(layout, other), { recursive: true, force: true });
    for (const legacy of LEGACY_FILES) rmSync(join(this.dir, legacy), { force: true });
  }
}

function writeAtomic(path: string, data: Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** The run key: anything that changes what a file's analysis would be. */
export function runKey(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
}
