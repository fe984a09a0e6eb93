// How a reply answers a yes/no question put just before it, in the same
// sentence (…能给家人用吗，不能。) or the next one. Kept apart from the clause
// reading: an answer is read only once the question it answers is known.
import type { Cues } from './cues.js';
import { clauseAt, type Clause } from './clauses.js';
import { judgesRest, judgesSpan, opensJudging } from './judging.js';

/** What of a sentence's reading a refutation needs (a SentenceView has it; reading.ts imports this module). */
interface ClauseView {
  readonly text: string;
  readonly clauses: readonly Clause[];
  /** Per clause: it asks rather than states. */
  readonly asks: readonly boolean[];
}

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
  if (cues.deniedNext.test(first) || cues.refutedNext?.test(first) || opensJudging(cues, reply)) return 'no';
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
export function refutedAfter(cues: Cues, view: ClauseView, end: number): boolean {
  const last = clauseAt(view.clauses, Math.max(0, end - 1));
  const own = view.clauses[last]!;
  const rest = view.text.slice(end, Math.max(end, own.end));
  // …转不过去的说法是错的 is a denial (deniedAfterPatterns): polarityOf has read it, flipped.
  // …的说法根本站不住 / …——错: a judging clause closing the phrase's own clause (judging.ts).
  if (!cues.deniedAfter.test(rest) && (cues.refutedAfter?.test(rest) || cues.refutedEnd?.test(rest) || judgesRest(cues, view.text, end, Math.max(end, own.end)))) return true;
  const next = view.clauses[last + 1];
  if (!next || view.asks[last]) return false;
  // …，这个说法站不住 / …，此言差矣 / …，不是的: the clause after is a judging clause.
  return (cues.refutedNext?.test(view.text.slice(next.start, next.end)) ?? false) || judgesSpan(cues, view.text, next.start, next.end);
}

/**
 * A reply that echoes the question's verb, with or without its modal, the way
 * Chinese answers yes or no: 能取现吗，能取 / 会清零吗，会清零的 / 要自己交吗，得交 /
 * 还是要交的 — yes; 能给家人用吗，用不了 / 家人用不了 / 不能取 — no. The reply's first
 * clause, without leading adverbs and final particles, is a modal or negator and
 * a verb of one to four characters whose first two (or only one) occur in the question.
 */
export function echoReply(cues: Cues, question: string, reply: string): 'yes' | 'no' | undefined {
  // The reply's first clause (after an answer label), at most eight characters; the word lists are data/cues.yaml's echo* lists.
  const clause = cues.echoLead.exec(reply)?.[1];
  if (!clause) return undefined;
  const core = clause.replace(cues.echoAdverbs, '').replace(cues.echoParticles, '');
  // 还真能 / 确实不会: a modal alone, after an adverb the yes/no lists do not take.
  const modal = cues.echoBareModal.exec(core);
  if (modal) return question.includes(modal[2]!) ? (modal[1] ? 'no' : 'yes') : undefined;
  // 不能用 / 用不了 (了 was taken off with the particles)
  const no = cues.echoNoVerb.exec(core) ?? cues.echoNoPotential.exec(core);
  if (no) return echoes(question, no[1]!) ? 'no' : undefined;
  if (cues.negatorChar.test(core)) return undefined;
  // 能用 / 取得出来
  const yes = cues.echoYesVerb.exec(core) ?? cues.echoYesPotential.exec(core);
  return yes && echoes(question, yes[1]!) ? 'yes' : undefined;
}

function echoes(question: string, verb: string): boolean {
  return question.includes(verb.length === 1 ? verb : verb.slice(0, 2));
}

