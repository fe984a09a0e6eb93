// How far back a claim's `none` phrase reaches. It rules out its own clause and the
// clauses after it (src/extract/claims.ts); in an explanation of the clause before it
// (生育津贴停发了，是因为断缴了三个月) it rules out what it explains too.
import type { Cues } from './cues.js';

const CLAUSE_MARK = /[，,；;：:]/u;

/**
 * Where a `none` phrase at `noneAt` counts from: the start of the sentence when its
 * clause explains the one before (因为, 是因为, 由于…: `answerBecause` in the cues) —
 * the reason names the case the sentence is about — else `noneAt` itself.
 */
export function noneReach(cues: Cues, text: string, noneAt: number): number {
  if (noneAt <= 0 || !cues.answerBecause) return noneAt;
  let opening = 0;
  for (let i = noneAt - 1; i >= 0; i--) {
    if (CLAUSE_MARK.test(text[i]!)) {
      opening = i + 1;
      break;
    }
  }
  if (opening === 0) return noneAt;
  return cues.answerBecause.test(text.slice(opening, noneAt + 1)) ? 0 : noneAt;
}
