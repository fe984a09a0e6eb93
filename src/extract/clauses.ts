// A sentence cut into clauses: the unit negation, questions and conditions
// are read in. Chinese writes one clause per comma-separated stretch, so
// punctuation does most of the work; a few conjunctions (但是, 而是…) open a
// clause without a comma, and a bracketed aside is a clause of its own.

import { codeUnitTable } from '../text/code-units.js';

export interface Clause {
  /** Offsets into the sentence text; `end` is exclusive and excludes the delimiter. */
  readonly start: number;
  readonly end: number;
}

// Quotes and book-title marks are not delimiters: 余额不会被“清零” keeps its negation.
const DELIMITER = codeUnitTable('，,。；;：:！!？?\n\r（）()【】[]|｜');

const isDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const isCjk = (c: number) => c >= 0x3400 && c <= 0x9fff;
/** The spaces that glue fragments of a scraped title (narrower than \s: line breaks are delimiters). */
const isGlueSpace = (c: number) => c === 0x20 || c === 0x3000 || c === 0xa0 || c === 0x09;

/**
 * Clauses of a sentence, in order, covering every non-delimiter character.
 * A comma between digits (1,000) and a colon between digits (10:30) do not
 * cut; a run of spaces between two CJK characters does (scraped titles glue
 * fragments with spaces: 医保卡的钱可以取出来吗 这种情况才允许).
 */
export function splitClauses(text: string, conjunction: RegExp, notConjunction?: RegExp): Clause[] {
  const cuts: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (DELIMITER[c] === 1) {
      if ((c === 0x2c || c === 0x3a || c === 0x2e) && i > 0 && i + 1 < n && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) continue;
      cuts.push(i);
    } else if (isGlueSpace(c) && i > 0 && isCjk(text.charCodeAt(i - 1))) {
      let j = i;
      while (j < n && isGlueSpace(text.charCodeAt(j))) j++;
      if (j < n && isCjk(text.charCodeAt(j))) cuts.push(i);
      i = j - 1;
    }
  }
  const pieces: Clause[] = [];
  let from = 0;
  for (const cut of [...cuts, n]) {
    if (cut > from) splitAtConjunctions(text, from, cut, conjunction, notConjunction, pieces);
    from = cut + 1;
  }
  return pieces;
}

function splitAtConjunctions(text: string, start: number, end: number, conjunction: RegExp, notConjunction: RegExp | undefined, out: Clause[]): void {
  let from = start;
  conjunction.lastIndex = start;
  for (let m = conjunction.exec(text); m && m.index < end; m = conjunction.exec(text)) {
    // A conjunction opening the clause already starts it. One inside a word that joins
    // nothing (不过 of 转不过去: a verb's complement, not "but"; notClauseConjunctions) splits nothing.
    if (m.index > from && !(notConjunction && stickyAt(notConjunction, text, m.index))) {
      out.push({ start: from, end: m.index });
      from = m.index;
    }
    conjunction.lastIndex = m.index + Math.max(1, m[0].length);
  }
  conjunction.lastIndex = 0;
  if (end > from) out.push({ start: from, end });
}

/** Index of the clause containing offset `at` (the last clause starting at or before it). */
export function clauseAt(clauses: readonly Clause[], at: number): number {
  let lo = 0, hi = clauses.length - 1, found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (clauses[mid]!.start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Whether the sticky `re` matches at `at`, leaving its lastIndex at 0. */
function stickyAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}
