import type { Finding, RunResult, Severity } from '../types.js';
import { applyBaseline, type BaselineFile } from './baseline.js';
import type { ChangeSet } from './git.js';

export interface Narrowing {
  readonly changes?: ChangeSet;
  /** With changes: keep only findings that touch a changed line. */
  readonly changedLines?: boolean;
  readonly baseline?: BaselineFile;
}

/**
 * Pull-request mode: the whole corpus was checked (so cross-article conflicts
 * see unchanged files), and only findings on changed files — or lines — and
 * not in the baseline are reported.
 */
export function narrow(result: RunResult, how: Narrowing): RunResult {
  let findings: readonly Finding[] = result.findings;
  const notes = [...result.notes];
  if (how.changes) {
    const { files, lines } = how.changes;
    const before = findings.length;
    findings = findings.filter((f) => {
      if (!files.has(f.file)) return false;
      if (!how.changedLines) return true;
      const changed = lines.get(f.file);
      if (!changed) return true; // a new, untracked file: every line is new
      for (let l = f.line; l <= f.endLine; l++) if (changed.has(l)) return true;
      return false;
    });
    notes.push(`reporting ${how.changedLines ? 'changed lines of ' : ''}${files.size} file${files.size === 1 ? '' : 's'} ${how.changes.description}; ${before - findings.length} finding${before - findings.length === 1 ? '' : 's'} elsewhere not shown`);
  }
  if (how.baseline) {
    const split = applyBaseline(findings, how.baseline);
    findings = split.fresh;
    if (how.baseline.converted) notes.push('baseline: version 1 file (fingerprints without the file path) read by converting it; `claimlint baseline write` rewrites it as version 2');
    notes.push(`baseline: ${split.known} known finding${split.known === 1 ? '' : 's'} hidden, ${split.gone} baseline entr${split.gone === 1 ? 'y' : 'ies'} no longer found`);
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    ...result,
    findings,
    summary: { ...result.summary, errors: count('error'), warnings: count('warning'), infos: count('info') },
    notes,
  };
}
