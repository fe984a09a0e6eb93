// Where the past of a sentence ends: 以前只能本人用，现在…只能给配偶、父母、子女用 speaks of
// the past in its first clause and of the present from 现在 on. Every word list is data
// (data/cues.yaml: pastPatterns, presentMarkers).
import type { Cues } from './cues.js';

/**
 * Where a claim's `none` phrase counts from for a value phrase at `phraseStart`. A `none`
 * phrase that dates the sentence in the past (以前, 过去: a claim that leaves the old
 * rule out) rules out only the past: from the last word of the present before the
 * phrase (现在, 新规出台以后) on, the sentence is read again, so the first `none` phrase
 * after that word counts, or none (-1). Any other `none` phrase (个税, 居民医保) keeps
 * its reach.
 */
export function noneAfterPresent(cues: Cues, none: RegExp, text: string, noneAt: number, phraseStart: number): number {
  if (noneAt < 0 || noneAt >= phraseStart) return noneAt;
  const presentEnd = lastPresentEnd(cues, text, noneAt, phraseStart);
  if (presentEnd < 0 || !datesInPast(cues, none, text, noneAt)) return noneAt;
  const m = none.exec(text.slice(presentEnd));
  return m ? presentEnd + m.index : -1;
}

/** The end of the last present word in text[from, to), or -1. */
function lastPresentEnd(cues: Cues, text: string, from: number, to: number): number {
  const re = cues.present;
  let end = -1;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    end = m.index + m[0].length;
  }
  re.lastIndex = 0;
  return end;
}

/** The `none` phrase at `at` is a past marker: the first past match from its clause-opening on overlaps it. */
function datesInPast(cues: Cues, none: RegExp, text: string, at: number): boolean {
  const phrase = none.exec(text.slice(at));
  if (!phrase || phrase.index !== 0) return false;
  const start = clauseOpening(text, at);
  const past = cues.past.exec(text.slice(start));
  if (!past) return false;
  const from = start + past.index;
  return from < at + phrase[0].length && at < from + past[0].length;
}

const CLAUSE_MARK = /[，,。；;：:！!？?]/u;

/** Where the clause holding `at` opens (after the punctuation before it). */
function clauseOpening(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_MARK.test(text[i]!)) return i + 1;
  return 0;
}
