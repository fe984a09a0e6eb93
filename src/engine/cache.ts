import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { ensureDir } from '../fs-errors.js';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileAnalysis } from './analyze.js';
import type { Finding } from '../types.js';
import { LineIndex } from '../text/position.js';
import { decode } from './decode.js';

export const DEFAULT_CACHE_LOCATION = join('node_modules', '.cache', 'claimlint');
// v4: findings carry their sentence as context, fingerprints the file path.
const CACHE_FILE = 'analysis-v4.bin';
const CORPUS_FILE = 'corpus-v4.bin';

/** A file's analysis as stored: everything but the line index, which is rebuilt from the text. */
type Stored = Omit<FileAnalysis, 'lines'>;

/**
 * One cached value, serialised on its own with the digest of its bytes. A cache
 * file can be cut short, edited or corrupted on disk: a value whose bytes do
 * not match their digest, or do not deserialise, is recomputed, never trusted.
 */
interface Sealed {
  readonly digest: string;
  readonly payload: Uint8Array;
}

interface CacheFile {
  readonly key: string;
  readonly entries: Map<string, Sealed>;
}

/** The finished findings of a whole run, valid while no file of the corpus changes. */
export interface CorpusResult {
  readonly findings: Finding[];
  readonly claims: number;
}

interface CorpusFile {
  readonly key: string;
  readonly corpus: string;
  readonly result: Sealed;
}

const digestOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function seal(value: unknown): Sealed {
  const payload = serialize(value);
  return { digest: digestOf(payload), payload };
}

/** The sealed value, or undefined when it is not a well-formed, intact seal. */
function unseal(sealed: unknown): unknown {
  if (!sealed || typeof sealed !== 'object') return undefined;
  const { digest, payload } = sealed as Partial<Sealed>;
  if (typeof digest !== 'string' || !(payload instanceof Uint8Array) || digestOf(payload) !== digest) return undefined;
  try {
    return deserialize(payload);
  } catch {
    return undefined;
  }
}

/** Enough of a stored analysis to be used: the fields every later stage reads. */
function isStored(v: unknown, file: string): v is Stored {
  const s = v as Partial<Stored> | undefined;
  return (
    !!s &&
    typeof s === 'object' &&
    s.file === file &&
    Array.isArray(s.records) &&
    Array.isArray(s.verdicts) &&
    Array.isArray(s.facts) &&
    Array.isArray(s.findings) &&
    (s.article === undefined || (typeof s.article === 'object' && s.article !== null && typeof s.article.file === 'object'))
  );
}

/**
 * Per-file analysis results keyed by path and content hash, valid only for
 * one combination of claimlint version, registry, config, data files and
 * as-of date (the run key): change any of them and the whole cache is dropped.
 */
export class AnalysisCache {
  private loaded: Map<string, Sealed> | undefined;
  private readonly next = new Map<string, Sealed>();
  private corpus: CorpusFile | undefined;
  hits = 0;
  misses = 0;
  /** Entries found but not intact (digest mismatch, unreadable): recomputed. */
  damaged = 0;
  private dirty = false;

  private constructor(private readonly dir: string, private readonly key: string) {}

  static open(location: string, runKey: string): AnalysisCache {
    return new AnalysisCache(location, runKey);
  }

  /** Per-file entries, read on first use: a run whose corpus is unchanged never needs them. */
  private get previous(): Map<string, Sealed> {
    if (!this.loaded) {
      this.loaded = new Map();
      const file = readCache<CacheFile>(join(this.dir, CACHE_FILE));
      if (file && file.key === this.key && file.entries instanceof Map) this.loaded = file.entries;
    }
    return this.loaded;
  }

  /** The previous run's findings when the corpus (every file's path and hash) is the same. */
  corpusResult(corpusKey: string): CorpusResult | undefined {
    const file = readCache<CorpusFile>(join(this.dir, CORPUS_FILE));
    if (!file || file.key !== this.key || file.corpus !== corpusKey) return undefined;
    const result = unseal(file.result) as Partial<CorpusResult> | undefined;
    if (!result || !Array.isArray(result.findings) || typeof result.claims !== 'number') {
      this.damaged++;
      return undefined;
    }
    return result as CorpusResult;
  }

  setCorpusResult(corpusKey: string, result: CorpusResult): void {
    this.corpus = { key: this.key, corpus: corpusKey, result: seal(result) };
  }

  static entryKey(file: string, bytes: Uint8Array): string {
    return `${file}\u0000${createHash('sha1').update(bytes).digest('hex')}`;
  }

  /** The stored analysis of these bytes, with the text decoded again (it is not stored). */
  get(entryKey: string, bytes: Uint8Array, file: string): FileAnalysis | undefined {
    const sealed = this.previous.get(entryKey);
    const stored = sealed === undefined ? undefined : unseal(sealed);
    if (!isStored(stored, file)) {
      if (sealed !== undefined) this.damaged++;
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.next.set(entryKey, sealed!);
    if (!stored.article) return stored;
    const decoded = decode(bytes);
    const text = decoded.ok ? decoded.text : '';
    const article = { ...stored.article, file: { ...stored.article.file, text } };
    return { ...stored, article, lines: new LineIndex(text) };
  }

  set(entryKey: string, analysis: FileAnalysis): void {
    // Unreadable files are not cached: the next run should try again.
    if (analysis.unreadable) return;
    const { lines: _lines, ...stored } = analysis;
    // Sentences and ignored spans are only read by the per-file stages this
    // entry replaces; corpus rules and suppressions need units, directives and text.
    // The text is decoded again from the file's bytes on a hit: cheaper than storing it.
    const article = stored.article && { ...stored.article, sentences: [], ignored: [], file: { ...stored.article.file, text: '' } };
    this.next.set(entryKey, seal(article ? { ...stored, article } : stored));
    this.dirty = true;
  }

  /** Writes the entries of this run only (files gone from the corpus drop out); nothing when all were hits. */
  save(): void {
    ensureDir(this.dir);
    if (this.dirty || (this.loaded && this.next.size !== this.loaded.size)) {
      writeAtomic(join(this.dir, CACHE_FILE), serialize({ key: this.key, entries: this.next } satisfies CacheFile));
    }
    if (this.corpus) writeAtomic(join(this.dir, CORPUS_FILE), serialize(this.corpus));
  }

}

function readCache<T>(path: string): T | undefined {
  try {
    // Only a regular file: a FIFO put in the cache folder would block the read forever.
    if (!statSync(path).isFile()) return undefined;
    return deserialize(readFileSync(path)) as T;
  } catch {
    // No cache yet, or an unreadable one: start empty.
    return undefined;
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
