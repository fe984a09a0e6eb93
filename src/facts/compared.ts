// Which claim verdicts the corpus stage compares across articles (src/facts/conflicts.ts).
import type { Verdict } from '../types.js';

/**
 * Whether claimConflicts compares a verdict at all. Questions and rumours are
 * left out: they report what people ask or say, not what the article holds. The
 * precision policy holds here too: only what would be an error on its own, or
 * agrees plainly; and nothing under a condition other than an exception.
 * Compact analyses (src/engine/compact.ts) keep, of a file's verdicts, these
 * and the ones the registry judges.
 */
export function comparedClaim(v: Verdict): boolean {
  const r = v.record;
  if (r.framing !== 'plain' && r.framing !== 'answered' && r.framing !== 'endorsed') return false;
  if (v.kind === 'contradicted' && v.level !== 'error') return false;
  return !r.conditions.some((c) => c.kind !== 'exception');
}
