// How a reply answers a yes/no question put just before it, in the same
// sentence (…能给家人用吗，不能。) or the next one. Kept apart from the clause
// reading: an answer is read only once the question it answers is known.
import type { Cues } from './cues.js';
import { clauseAt, type Clause } from './clauses.js';

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
export function refutedAfter(cues: Cues, view: ClauseView, end: number): boolean {
  const last = clauseAt(view.clauses, Math.max(0, end - 1));
  const own = view.clauses[last]!;
  const rest = view.text.slice(end, Math.max(end, own.end));
  // …转不过去的说法是错的 is a denial (deniedAfterPatterns): polarityOf has read it, flipped.
  if (!cues.deniedAfter.test(rest) && (cues.refutedAfter?.test(rest) || cues.refutedEnd?.test(rest))) return true;
  const next = view.clauses[last + 1];
  if (!cues.refutedNext || !next || view.asks[last]) return false;
  return cues.refutedNext.test(view.text.slice(next.start, next.end));
}

/**
 * A reply that echoes the question's verb, with or without its modal, the way
 * Chinese answers yes or no: 能取现吗，能取 / 会清零吗，会清零的 / 要自己交吗，得交 /
 * 还是要交的 — yes; 能给家人用吗，用不了 / 家人用不了 / 不能取 — no. The reply's first
 * clause, without leading adverbs and final particles, is a modal or negator and
 * a verb of one to four characters whose first two (or only one) occur in the question.
 */
export function echoReply(question: string, reply: string): 'yes' | 'no' | undefined {
  const clause = ECHO_LEAD.exec(reply)?.[1];
  if (!clause) return undefined;
  const core = clause.replace(ECHO_ADVERBS, '').replace(ECHO_PARTICLES, '');
  // 还真能 / 确实不会: a modal alone, after an adverb the yes/no lists do not take.
  const modal = BARE_MODAL.exec(core);
  if (modal) return question.includes(modal[2]!) ? (modal[1] ? 'no' : 'yes') : undefined;
  const no = ECHO_NO_FORMS.map((re) => re.exec(core)).find((m) => m);
  if (no) return echoes(question, no[1]!) ? 'no' : undefined;
  if (NEGATOR.test(core)) return undefined;
  const yes = ECHO_YES_FORMS.map((re) => re.exec(core)).find((m) => m);
  return yes && echoes(question, yes[1]!) ? 'yes' : undefined;
}

function echoes(question: string, verb: string): boolean {
  return question.includes(verb.length === 1 ? verb : verb.slice(0, 2));
}
/** The reply's first clause (after an answer marker), at most eight characters. */
const ECHO_LEAD = /^\s*(?:(?:答|回答|A)\s*[：:]\s*)?(\p{Script=Han}{1,8})\s*(?:[。，,！!；;]|$)/u;
const ECHO_ADVERBS = /^(?:当然|肯定|确实|的确|还是|照样|照常|一样|依然|仍然|真的|还|也|都|就|是|那|可|真)+/u;
const BARE_MODAL = /^(不|没)?(能|可以|会|要|得|需要|必须|有|行)$/u;
const ECHO_PARTICLES = /(?:的|了|啊|呀|哦|啦|呢|滴|嘞|哈|哟)+$/u;
const VERB = '((?:(?![不没无未别非])\\p{Script=Han}){1,4}?)';
const ECHO_NO_FORMS = [
  new RegExp(`^(?:不能|不会|不用|不要|不需要|不可以|无法|没法|没有|并不|不|没)${VERB}$`, 'u'),
  // 用不了 / 取不出来 (了 was taken off with the particles)
  new RegExp(`^${VERB}不(?:上|到|成|出来|下来|出去|回来|过去|掉)?$`, 'u'),
];
const ECHO_YES_FORMS = [
  new RegExp(`^(?:能|可以|会|要|得|需要|必须|有)${VERB}$`, 'u'),
  // 取得出来 / 用得了
  new RegExp(`^${VERB}得(?:上|到|成|出来|下来|出去|回来|过去|了)?$`, 'u'),
];
const NEGATOR = /[不没无未别非]/u;
