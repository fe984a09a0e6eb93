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

/**
 * Whether `re` matches `text`, from the start and leaving `lastIndex` at 0:
 * global and sticky patterns keep their position between calls otherwise.
 */
export function testOnce(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}

const globals = new WeakMap<RegExp, RegExp>();

/** `re` with the `g` flag (itself when it has it), made once per pattern: for exec loops and replace-all. */
export function globalOf(re: RegExp): RegExp {
  let g = globals.get(re);
  if (!g) globals.set(re, (g = re.flags.includes('g') ? re : new RegExp(re.source, `${re.flags}g`)));
  return g;
}
