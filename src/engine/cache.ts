import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { ensureDir } from '../fs-errors.js';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileAnalysis } from './analyze.js';
import type { Finding } from '../types.js';
import { LineIndex } from '../text/position.js';
import { decode } from './decode.js';

export const DEFAULT_CACHE_LOCATION = join('node_modules', '.cache', 'claimlint');
const CACHE_FILE = 'analysis-v2.bin';
const CORPUS_FILE = 'corpus-v2.bin';

/** A file's analysis as stored: everything but the line index, which is rebuilt from the text. */
type Stored = Omit<FileAnalysis, 'lines'>;

interface CacheFile {
  readonly key: string;
  readonly entries: Map<string, Stored>;
}

/** The finished findings of a whole run, valid while no file of the corpus changes. */
export interface CorpusResult {
  readonly findings: Finding[];
  readonly claims: number;
}

interface CorpusFile {
  readonly key: string;
  readonly corpus: string;
  readonly result: CorpusResult;
}

/**
 * Per-file analysis results keyed by path and content hash, valid only for
 * one combination of claimlint version, registry, config, data files and
 * as-of date (the run key): change any of them and the whole cache is dropped.
 */
export class AnalysisCache {
  private loaded: Map<string, Stored> | undefined;
  private readonly next = new Map<string, Stored>();
  private corpus: CorpusFile | undefined;
  hits = 0;
  misses = 0;
  private dirty = false;

  private constructor(private readonly dir: string, private readonly key: string) {}

  static open(location: string, runKey: string): AnalysisCache {
    return new AnalysisCache(location, runKey);
  }

  /** Per-file entries, read on first use: a run whose corpus is unchanged never needs them. */
  private get previous(): Map<string, Stored> {
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
    return file.result;
  }

  setCorpusResult(corpusKey: string, result: CorpusResult): void {
    this.corpus = { key: this.key, corpus: corpusKey, result };
  }

  static entryKey(file: string, bytes: Uint8Array): string {
    return `${file}\u0000${createHash('sha1').update(bytes).digest('hex')}`;
  }

  /** The stored analysis of these bytes, with the text decoded again (it is not stored). */
  get(entryKey: string, bytes: Uint8Array): FileAnalysis | undefined {
    const stored = this.previous.get(entryKey);
    if (!stored) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.next.set(entryKey, stored);
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
    this.next.set(entryKey, article ? { ...stored, article } : stored);
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
