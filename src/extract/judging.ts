// Judging clauses: a short clause whose subject is the statement itself (这, 这个说法, 这么说, 网上说的,
// or nothing) and whose predicate judges it false (不对, 并不成立, 根本站不住, 纯属臆测, 没这种事, 别信),
// recognised by shape rather than by listing whole idioms. The regex is put together from the word
// lists of data/cues.yaml (judge*) in cues.ts; what is here is where such a clause may stand and
// what it may not be: a question (这是谣言吗？) judges nothing.
import type { Cues } from './cues.js';
import type { Clause } from './clauses.js';

/** What of a sentence's reading a judging clause needs (a SentenceView has it). */
interface ClauseView {
  readonly text: string;
  readonly clauses: readonly Clause[];
}

/** The clause text[start, end) judges what it refers to false, and is not asked (no ？ after it). */
export function judgesSpan(cues: Cues, text: string, start: number, end: number): boolean {
  if (!cues.judging) return false;
  if (ASKED_AFTER.test(text.slice(end, end + 2))) return false;
  const body = text.slice(start, end);
  // 可不是嘛 / 谁说不是呢: a rhetorical question endorses, whatever its words.
  if (cues.rhetorical?.test(body)) return false;
  return cues.judging.test(body);
}
const ASKED_AFTER = /^\s*[？?]/u;

/**
 * The rest of a phrase's clause after it is a judging clause (…的说法根本站不住 / …这种讲法不成立 /
 * …——错): what leads into it (的, a dash) is passed over. A judgement with no subject must have
 * something before it: the rest must not be empty.
 */
export function judgesRest(cues: Cues, text: string, from: number, to: number): boolean {
  if (!cues.judging || to <= from) return false;
  const lead = REST_LEAD.exec(text.slice(from, to));
  return judgesSpan(cues, text, from + (lead ? lead[0].length : 0), to);
}
const REST_LEAD = /^[\s—\-－~～…·]*的?/u;

/** The first clause of a text (up to its first clause mark) is a judging clause: 这种说法站不住，… / 不是的！… */
export function opensJudging(cues: Cues, text: string): boolean {
  if (!cues.judging) return false;
  const m = CLAUSE_MARK.exec(text);
  const end = m ? m.index : text.length;
  if (judgesSpan(cues, text, 0, end)) return true;
  // 这个说法，不对。: the subject alone, the judgement in the clause after it.
  if (!m || !cues.judgingSubject?.test(text.slice(0, end))) return false;
  const from = end + m[0].length;
  const next = CLAUSE_MARK.exec(text.slice(from));
  return judgesSpan(cues, text, from, next ? from + next.index : text.length);
}

/** Where each judging clause of a text starts (its clauses cut at clause marks). */
export function judgingStarts(cues: Cues, text: string, truncated = false): number[] {
  if (!cues.judging) return [];
  const out: number[] = [];
  let from = 0;
  for (const m of text.matchAll(CLAUSE_MARKS)) {
    if (judgesSpan(cues, text, from, m.index)) out.push(from);
    from = m.index + m[0].length;
  }
  // A text cut short (a reply's first characters) may end inside a clause: 这个说法不对外公开 cut to 这个说法不对.
  if (!truncated && from < text.length && judgesSpan(cues, text, from, text.length)) out.push(from);
  return out;
}
const CLAUSE_MARK = /[，,。；;！!？?：:]/u;
const CLAUSE_MARKS = /[，,。；;！!？?：:]/gu;

/**
 * A judging clause before the phrase's clause that points forward with a colon (以下说法是错误的：… /
 * 有一种说法不对：…): what follows it is the statement judged false — unless a correction word
 * between it and the phrase (其实, 实际上) starts the writer's own words.
 */
export function judgedBefore(cues: Cues, view: ClauseView, clauseIndex: number, start: number): boolean {
  if (!cues.judging) return false;
  for (let i = clauseIndex - 1; i >= 0; i--) {
    const c = view.clauses[i]!;
    if (!COLON_AFTER.test(view.text.slice(c.end, c.end + 1))) continue;
    if (!judgesSpan(cues, view.text, c.start, c.end)) continue;
    const between = view.text.slice(c.end, start);
    if (cues.correction) {
      cues.correction.lastIndex = 0;
      const corrected = cues.correction.test(between);
      cues.correction.lastIndex = 0;
      if (corrected) return false;
    }
    return true;
  }
  return false;
}
const COLON_AFTER = /^[：:]/u;
