// One-character tests on UTF-16 code units (charCodeAt), for the scanners that
// walk a text unit by unit without making a string per character.

/** What `\s` matches in a JavaScript regex (WhiteSpace and LineTerminator), one UTF-16 unit at a time. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * A lookup table over UTF-16 code units: 1 for each of the characters given
 * (a string's characters, or a list of one-character strings), 0 elsewhere.
 * A character outside the BMP can never equal one unit, so it is left out.
 */
export function codeUnitTable(chars: string | Iterable<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const ch of typeof chars === 'string' ? [...chars] : chars) if (ch.length === 1) table[ch.charCodeAt(0)] = 1;
  return table;
}
