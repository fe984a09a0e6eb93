// How a reply answers a yes/no question put just before it, in the same
// sentence (…能给家人用吗，不能。) or the next one. Kept apart from the clause
// reading: an answer is read only once the question it answers is known.
import type { Cues } from './cues.js';

/**
 * Yes, no or neither: a reply opening with a yes or no word (能。/ 不能。), or
 * one that is only a refusal (那是不行的 / 想都别想) — the same words that deny a
 * statement before them deny, after a question, the thing asked.
 */
export function replyOf(cues: Cues, text: string): 'yes' | 'no' | undefined {
  const marker = cues.answerMarker?.exec(text);
  const reply = marker ? text.slice(marker[0].length) : text;
  if (cues.answerNo.test(reply)) return 'no';
  if (cues.answerYes.test(reply)) return 'yes';
  if (cues.deniedNext.test(firstClause(reply))) return 'no';
  return undefined;
}

/** The reply up to its first clause mark. */
function firstClause(text: string): string {
  const end = text.search(CLAUSE_MARK);
  return end < 0 ? text : text.slice(0, end);
}
const CLAUSE_MARK = /[，,。；;！!？?]/u;
