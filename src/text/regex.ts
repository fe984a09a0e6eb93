// Small regular-expression helpers shared by every module that builds a
// pattern from data (lexicon words, cue lists).

/** A literal string as a regex source. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Literal words as one alternation, longest first, so 不会清零 is tried before
 * 清零 at the same position. Duplicates are dropped.
 */
export function wordAlternation(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).map(escapeRegExp).join('|');
}
