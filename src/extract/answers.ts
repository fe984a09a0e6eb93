// How a reply answers a yes/no question put just before it, in the same
// sentence (…能给家人用吗，不能。) or the next one. Kept apart from the clause
// reading: an answer is read only once the question it answers is known.
import type { Cues } from './cues.js';
import { clauseAt } from './clauses.js';
import type { SentenceView } from './reading.js';

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
  const first = firstClause(reply);
  if (cues.deniedNext.test(first) || cues.refutedNext?.test(first)) return 'no';
  return undefined;
}

/** The reply up to its first clause mark. */
function firstClause(text: string): string {
  const end = text.search(CLAUSE_MARK);
  return end < 0 ? text : text.slice(0, end);
}
const CLAUSE_MARK = /[，,。；;！!？?]/u;

/**
 * A statement called a misconception, out of date or not to be believed, right
 * after it (…清零的说法已经过时了) or by the clause after it (医保卡的钱能取现，这是误解 /
 * …，别信): it is refuted, like a rumour refuted, and asserts nothing. After a
 * question that clause is its answer instead (answeredInSentence).
 */
export function refutedAfter(cues: Cues, view: SentenceView, end: number): boolean {
  const last = clauseAt(view.clauses, Math.max(0, end - 1));
  const own = view.clauses[last]!;
  if (cues.refutedAfter?.test(view.text.slice(end, Math.max(end, own.end)))) return true;
  const next = view.clauses[last + 1];
  if (!cues.refutedNext || !next || view.asks[last]) return false;
  return cues.refutedNext.test(view.text.slice(next.start, next.end));
}
