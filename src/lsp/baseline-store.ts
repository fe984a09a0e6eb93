// The baseline an editor's diagnostics are filtered by, and the "add to
// baseline" code action's writer: the same file `check --baseline` reads.

import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyBaseline, readBaseline, serialiseBaseline, type BaselineEntry, type BaselineFile } from '../ci/baseline.js';
import { RunFailure } from '../failure.js';
import { ensureDir, fsReasonRef } from '../fs-errors.js';
import type { Finding } from '../types.js';
import { msg } from '../i18n/message.js';

export const DEFAULT_BASELINE = 'claimlint-baseline.json';

export class BaselineStore {
  private cached: { mtimeMs: number; size: number; file?: BaselineFile; error?: RunFailure } | undefined;

  constructor(readonly path: string) {}

  /**
   * Findings the baseline does not record. A baseline that cannot be read
   * hides nothing; `problem` says why, once for each change of the file.
   */
  fresh(findings: readonly Finding[], problem: (failure: RunFailure) => void): readonly Finding[] {
    const known = this.cached;
    const state = this.read();
    if (state.error && state.error !== known?.error) problem(state.error);
    return state.file ? applyBaseline(findings, state.file).fresh : findings;
  }

  /** Records one more finding (nothing if it is there already) and writes the file sorted, as `baseline write` does. */
  add(entry: BaselineEntry): boolean {
    const state = this.read();
    // A file that is not a baseline is left as it is rather than replaced by one entry.
    if (state.error) throw state.error;
    const current = state.file?.findings ?? [];
    if (current.some((e) => e.file === entry.file && e.fingerprint === entry.fingerprint)) return false;
    const { file, ruleId, fingerprint, line, excerpt } = entry;
    try {
      ensureDir(dirname(this.path));
      writeFileSync(this.path, serialiseBaseline([...current, { file, ruleId, fingerprint, line, excerpt }]));
    } catch (err) {
      throw new RunFailure(msg('error.cannot-write', { file: this.path, reason: fsReasonRef(err) }));
    }
    this.cached = undefined;
    return true;
  }

  /** The baseline as on disk now (read again only when the file changed), or why it cannot be read. */
  private read(): { file?: BaselineFile; error?: RunFailure } {
    if (!existsSync(this.path)) {
      this.cached = undefined;
      return {};
    }
    const st = statSync(this.path);
    if (this.cached && this.cached.mtimeMs === st.mtimeMs && this.cached.size === st.size) return this.cached;
    try {
      this.cached = { mtimeMs: st.mtimeMs, size: st.size, file: readBaseline(this.path) };
    } catch (err) {
      this.cached = { mtimeMs: st.mtimeMs, size: st.size, error: err instanceof RunFailure ? err : new RunFailure(String(err)) };
    }
    return this.cached;
  }
}
