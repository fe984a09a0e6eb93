// After the file stage a run keeps, per file, only what the corpus stage and
// the report read: claim and fact records, verdicts, findings, the line starts
// (positions of corpus findings and related locations) and the suppression
// scopes. The article, its sentences and the file text go.
//
// Strings cut out of a text (a sentence, an excerpt) are, in V8, views into
// the whole text and keep it alive. Every string kept is copied once, so a
// run's memory holds its records, not its files.
import type { FileAnalysis } from './analyze.js';
import { suppressionPlan } from '../kernel/suppressions.js';

/** V8 copies substrings shorter than this; longer ones may be views into their text. */
const SLICE_MIN = 13;

export function compactAnalysis(a: FileAnalysis): FileAnalysis {
  const suppressions = a.article && a.lines ? suppressionPlan(a.article, a.lines) : undefined;
  const kept: FileAnalysis = {
    file: a.file,
    records: a.records,
    verdicts: a.verdicts,
    facts: a.facts,
    findings: a.findings,
    ...(a.lines ? { lines: a.lines.detached() } : {}),
    ...(suppressions ? { suppressions } : {}),
    ...(a.unreadable ? { unreadable: a.unreadable } : {}),
  };
  detachStrings([kept.records, kept.verdicts, kept.facts, kept.findings, suppressions]);
  return kept;
}

/**
 * Replaces, in place, every string of a tree of plain objects and arrays by a
 * copy of its own (the same copy for equal strings). Objects reached twice
 * (a verdict's record is also in the records) are walked once.
 */
export function detachStrings(root: unknown): void {
  const copies = new Map<string, string>();
  const seen = new Set<object>();
  const copy = (s: string): string => {
    let c = copies.get(s);
    if (c === undefined) {
      // Concatenating and slicing flattens into a new string: no view into the text is left.
      c = (' ' + s).slice(1);
      copies.set(s, c);
    }
    return c;
  };
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (!v || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === 'string') {
          if (x.length >= SLICE_MIN) v[i] = copy(x);
        } else if (x && typeof x === 'object') stack.push(x);
      }
      continue;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) continue;
    const o = v as Record<string, unknown>;
    for (const k in o) {
      const x = o[k];
      if (typeof x === 'string') {
        if (x.length >= SLICE_MIN) o[k] = copy(x);
      } else if (x && typeof x === 'object') stack.push(x);
    }
  }
}
