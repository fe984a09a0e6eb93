// Small regular-expression helpers shared by every module that builds a
// pattern from data (lexicon words, cue lists, rule word lists, fact keys).

/** A literal string as a regex source (for the RegExp constructor: `/` needs no escape there). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern that never matches: what an empty word list compiles to. */
export const NEVER = '(?!)';

/**
 * Literal words as one alternation, longest first, so 不会清零 is tried before
 * 清零 at the same position. Duplicates and empty words are dropped; no words
 * at all give NEVER (an empty alternation would match everywhere).
 */
export function wordAlternation(words: Iterable<string>): string {
  const unique = [...new Set(words)].filter((w) => w.length > 0);
  if (unique.length === 0) return NEVER;
  return unique.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).map(escapeRegExp).join('|');
}

/** A character class of the characters of `chars` (`[…]`, escaped), or NEVER for none. */
export function charClass(chars: string): string {
  return chars.length ? `[${escapeClassChars(chars)}]` : NEVER;
}

/** Characters escaped to stand literally inside a character class. */
export function escapeClassChars(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}
