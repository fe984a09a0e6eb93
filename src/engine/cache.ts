import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileAnalysis } from './analyze.js';
import { LineIndex } from '../text/position.js';

export const DEFAULT_CACHE_LOCATION = join('node_modules', '.cache', 'claimlint');
const CACHE_FILE = 'analysis-v1.bin';

/** A file's analysis as stored: everything but the line index, which is rebuilt from the text. */
type Stored = Omit<FileAnalysis, 'lines'>;

interface CacheFile {
  readonly key: string;
  readonly entries: Map<string, Stored>;
}

/**
 * Per-file analysis results keyed by path and content hash, valid only for
 * one combination of claimlint version, registry, config, data files and
 * as-of date (the run key): change any of them and the whole cache is dropped.
 */
export class AnalysisCache {
  private readonly previous: Map<string, Stored>;
  private readonly next = new Map<string, Stored>();
  hits = 0;
  misses = 0;

  private constructor(private readonly path: string, private readonly key: string, previous: Map<string, Stored>) {
    this.previous = previous;
  }

  static open(location: string, runKey: string): AnalysisCache {
    const path = join(location, CACHE_FILE);
    let previous = new Map<string, Stored>();
    try {
      const file = deserialize(readFileSync(path)) as CacheFile;
      if (file && file.key === runKey && file.entries instanceof Map) previous = file.entries;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return new AnalysisCache(path, runKey, previous);
  }

  static entryKey(file: string, bytes: Uint8Array): string {
    return `${file}\u0000${createHash('sha1').update(bytes).digest('hex')}`;
  }

  get(entryKey: string): FileAnalysis | undefined {
    const stored = this.previous.get(entryKey);
    if (!stored) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.next.set(entryKey, stored);
    return stored.article ? { ...stored, lines: new LineIndex(stored.article.file.text) } : stored;
  }

  set(entryKey: string, analysis: FileAnalysis): void {
    // Unreadable files are not cached: the next run should try again.
    if (analysis.unreadable) return;
    const { lines: _lines, ...stored } = analysis;
    this.next.set(entryKey, stored);
  }

  /** Writes the entries of this run only (files gone from the corpus drop out). */
  save(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, serialize({ key: this.key, entries: this.next } satisfies CacheFile));
    renameSync(tmp, this.path);
  }
}

/** The run key: anything that changes what a file's analysis would be. */
export function runKey(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
}
