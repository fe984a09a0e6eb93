// yaml's parser and toJS recurse once per level of nesting, so a document
// nested a few thousand levels deep (`- - - - …`, `[[[[…`) overflows the stack,
// and where it overflows depends on how deep the stack already was: the same
// file gave a different error position from one run to the next. Nesting is
// measured by one linear scan before yaml sees the text, and a document
// deeper than any real config, registry or front matter is refused at a fixed place.

/** Deeper than this is refused (registries nest about 6 levels, front matter 2). */
export const MAX_YAML_DEPTH = 100;

export interface NestingProblem {
  /** Offset into the text where the nesting passes the limit. */
  readonly offset: number;
  readonly message: string;
  /** The depth limit that was passed. */
  readonly max: number;
}

/**
 * An upper bound on the document's nesting: per line, its indentation plus the
 * block indicators (`- `, `? `) that open it, plus the flow brackets open at that
 * point (outside quotes and comments). Overestimates, never underestimates.
 */
export function yamlNestingProblem(text: string, max = MAX_YAML_DEPTH): NestingProblem | undefined {
  let flow = 0;
  let quote = 0; // 0 none, 39 ', 34 "
  let lineStart = true;
  let block = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      block = 0;
      continue; // quoted scalars may span lines: `quote` stays as it is
    }
    if (quote) {
      if (quote === 34 && c === 92) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32 || c === 9) {
        block++;
      } else if ((c === 45 || c === 63) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
        // `- ` / `? ` open a level (the space after it is part of the indicator).
        if (++block + flow > max) return { offset: i, max, message: `nested more than ${max} levels deep; not read` };
        i++;
        continue;
      } else {
        lineStart = false;
      }
    }
    if (!lineStart) {
      if (c === 35 && (i === 0 || ' \t\n\r'.includes(text[i - 1]!))) {
        // A comment runs to the end of the line.
        while (i + 1 < text.length && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
        continue;
      }
      // A quote opens a quoted scalar only where a scalar starts (it's is plain text).
      if ((c === 34 || c === 39) && (i === 0 || ' \t[{,:-?'.includes(text[i - 1]!))) quote = c;
      else if (c === 91 || c === 123) flow++;
      else if ((c === 93 || c === 125) && flow > 0) flow--;
    }
    if (block + flow > max) return { offset: i, max, message: `nested more than ${max} levels deep; not read` };
  }
  return undefined;
}
