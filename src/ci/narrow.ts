import { render } from '../i18n/catalogue.js';
import { msg, type Message } from '../i18n/message.js';
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
  const text = (m: Message) => render(result.locale ?? 'en', m);
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
    notes.push(text(msg('note.narrowed', {
      changedLines: how.changedLines ? msg('note.narrowed-lines') : '',
      files: msg('note.narrowed-files', { count: files.size }),
      description: how.changes.description,
      count: before - findings.length,
    })));
  }
  if (how.baseline) {
    const split = applyBaseline(findings, how.baseline);
    findings = split.fresh;
    if (how.baseline.converted) notes.push(text(msg('note.baseline-converted')));
    notes.push(text(msg('note.baseline', { known: msg('note.baseline-known', { count: split.known }), gone: msg('note.baseline-gone', { count: split.gone }) })));
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    ...result,
    findings,
    summary: { ...result.summary, errors: count('error'), warnings: count('warning'), infos: count('info') },
    notes,
  };
}
