// A question its answer corrects with another figure: 要等四个月才能报销吗？不对，是六个月。 /
// 等待期是三个月？不是三个月，是六个月。 The answer's figure is read in the question's
// place (要等六个月才能报销), as an answer of only the figure asked for is (article.ts).
import type { ClaimRecord, Quantity, Sentence } from '../types.js';
import type { Registry } from '../registry/types.js';
import type { Cues } from './cues.js';
import { findQuantities } from './quantity.js';
import { readSentence, type RecordBase, type SentenceSurroundings } from './claims.js';

/** The question's figure an answer replaces, and the answer's own (its span is in the answer). */
export interface CorrectedFigure {
  readonly asked: Quantity;
  readonly given: Quantity;
}

/**
 * The answer opens with a correction (不对 / 不是 / 错了: `correctionAnswerPatterns`) and
 * then, in a short clause, gives a figure of the kind the question names, another one:
 * 不对，是六个月 / 不是三个月，是六个月 / 错了，要等一年. The question's figure it replaces is
 * the last of that kind in the question.
 */
export function correctedFigure(cues: Cues, question: string, answer: string): CorrectedFigure | undefined {
  if (!cues.correctionAnswer) return undefined;
  const marker = cues.answerMarker?.exec(answer)?.[0].length ?? 0;
  const opening = cues.correctionAnswer.exec(answer.slice(marker));
  if (!opening) return undefined;
  const asked = findQuantities(question.replace(cues.questionTail, ''));
  if (asked.length === 0) return undefined;
  const clauses = clausesFrom(answer, marker + opening[0].length);
  // 不是三个月，是六个月: the first clause repeats the question's figure, the next gives the answer's.
  for (const [k, [start, end]] of clauses.slice(0, 2).entries()) {
    const body = answer.slice(start, end);
    if (body.trim() === '') continue;
    const given = findQuantities(body, start)[0];
    // The clause is the figure and a few words around it (是六个月 / 要等一年 / 六个月左右), not a statement of its own.
    if (!given || given.span.start - start > AROUND_GIVEN || end - given.span.end > AROUND_GIVEN) return undefined;
    const replaced = lastOfKind(asked, given);
    if (!replaced) return undefined;
    if (sameFigure(replaced, given)) {
      if (k === 0) continue;
      return undefined;
    }
    return { asked: replaced, given };
  }
  return undefined;
}
/** How many characters may stand before or after the answer's figure in its clause (要等|一年, 六个月|左右). */
const AROUND_GIVEN = 4;

/** The reply's clauses from `from` on, as [start, end) pairs, up to the end of its first sentence. */
function clausesFrom(text: string, from: number): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  for (let i = from; i <= text.length; i++) {
    const ch = text[i];
    if (ch === undefined || CLAUSE_MARK.has(ch)) {
      out.push([start, i]);
      if (ch === undefined || SENTENCE_MARK.has(ch)) break;
      start = i + 1;
    }
  }
  return out;
}
const CLAUSE_MARK = new Set('，,；;。！!？?');
const SENTENCE_MARK = new Set('。！!？?');

/** Durations convert among calendar units (三个月 / 九十天 / 一年); working days and other kinds do not. */
const CALENDAR = new Set(['day', 'week', 'month', 'year']);
function comparable(a: Quantity, b: Quantity): boolean {
  if (a.kind !== b.kind) return false;
  return a.unit === b.unit || (a.kind === 'duration' && CALENDAR.has(a.unit) && CALENDAR.has(b.unit));
}
function lastOfKind(qs: readonly Quantity[], like: Quantity): Quantity | undefined {
  for (let k = qs.length - 1; k >= 0; k--) if (comparable(qs[k]!, like)) return qs[k];
  return undefined;
}
function sameFigure(a: Quantity, b: Quantity): boolean {
  return a.unit === b.unit && a.value === b.value && a.max === b.max;
}

/**
 * Reads the question with the answer's figure in its place, and keeps the
 * values whose phrase takes in that figure, on the answer, as answered.
 */
export function readCorrectedAnswer(
  registry: Registry,
  cues: Cues,
  sentence: Sentence,
  question: string,
  corrected: CorrectedFigure,
  around: SentenceSurroundings,
  base: RecordBase,
  records: ClaimRecord[],
  answeredFrom: number,
  regionOf: (() => string | undefined) | undefined,
): void {
  const stated = question.replace(cues.questionTail, '');
  const head = stated.slice(0, corrected.asked.span.start);
  const tail = stated.slice(corrected.asked.span.end);
  const given = corrected.given;
  const text = `${head}${given.text}${tail}。`;
  const at = sentence.span.start + given.span.start;
  const filled = { text, span: { start: at - head.length, end: at - head.length + text.length } };
  const read: ClaimRecord[] = [];
  readSentence(registry, cues, filled, { ...around, question: undefined, readFrom: head.length }, base, read, regionOf);
  const givenEnd = at + given.text.length;
  for (const r of read) {
    if (r.cue.span.end <= at || r.cue.span.start >= givenEnd) continue;
    if (records.slice(answeredFrom).some((x) => x.claimId === r.claimId && x.value === r.value)) continue;
    const { asks: _asks, ...rest } = r;
    records.push({
      ...rest,
      cue: { text: given.text, span: { start: at, end: givenEnd } },
      sentence,
      clause: { start: sentence.span.start + given.span.start, end: givenEnd },
      // The answer is the writer's own: a question or a report it corrects (听说要等三个月？不对，要等一年) is answered.
      framing: r.framing === 'plain' || r.framing === 'question' || r.framing === 'rumour' ? 'answered' : r.framing,
    });
  }
}
