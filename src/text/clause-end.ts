// Where a clause ends, once for every pattern: `{clause-end}` in a registry
// phrase, a lexicon pattern or a cue pattern stands for this lookahead. A
// phrase that must close its clause (可以跟着转, 确实是这样) is followed by
// clause punctuation, the end of the text, or a closing quote or bracket: a
// quoted report (网传“医保可以跟着转”，这是谣言 / “…确实是这样”) or an aside in
// brackets closes the clause it holds. Spaces may stand before the mark
// (scraped text). This is punctuation, grammar rather than a word list, so it
// lives in code; the words around it are data.

/** Closing quotes and brackets: each ends the clause it closes. */
const CLOSERS = '」』”’"）)】\\]';

/** The lookahead `{clause-end}` expands to. */
export const CLAUSE_END = `(?=\\s*(?:[，,。；;！!${CLOSERS}]|$))`;

const TOKEN = /\{clause-end\}/g;

/** A pattern with every `{clause-end}` expanded. */
export function expandClauseEnd(pattern: string): string {
  return pattern.includes('{clause-end}') ? pattern.replace(TOKEN, CLAUSE_END) : pattern;
}
