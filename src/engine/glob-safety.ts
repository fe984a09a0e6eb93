// A glob is expanded into one pattern per brace alternative before fast-glob
// walks anything ({a,b}{c,d} is four patterns), and the expansion is recursive:
// six groups of ten alternatives are a million patterns, which hangs the run or
// overflows the stack. Globs are measured here first and refused with a reason.
// No package counts an expansion without doing it (braces' expand is the very
// thing that blows up), so this is a small scanner of its own: no recursion, and
// every count capped so it cannot grow without bound.

/** More patterns than this from one glob is refused (1,000 patterns take fast-glob about 0.2 s). */
export const MAX_BRACE_EXPANSIONS = 1000;

/** Longer globs are refused: micromatch stops at 65,536 characters with an error of its own. */
export const MAX_GLOB_LENGTH = 4096;

/** A numeric or one-character range as brace expansion reads it: {1..10}, {a..e}, {1..10..2}. */
const RANGE = /^(-?\d+|[^.\d])\.\.(-?\d+|[^.\d])(?:\.\.(-?\d+))?$/u;

function rangeSize(body: string): number | undefined {
  const m = RANGE.exec(body);
  if (!m) return undefined;
  const numeric = /\d/.test(m[1]!) && /\d/.test(m[2]!);
  const from = numeric ? Number(m[1]) : m[1]!.codePointAt(0)!;
  const to = numeric ? Number(m[2]) : m[2]!.codePointAt(0)!;
  const step = Math.abs(Number(m[3] ?? 1)) || 1;
  return Math.floor(Math.abs(to - from) / step) + 1;
}

interface Group {
  /** Patterns from the alternatives already closed by a comma. */
  alternatives: number;
  /** Patterns of the alternative being read (the product of its groups). */
  current: number;
  commas: number;
  /** Where the group's text starts, to read a range. */
  start: number;
}

/**
 * How many patterns brace expansion makes of `glob`, capped at `cap + 1`.
 * Overcounts rather than undercounts where the syntax is unclear (an unclosed brace).
 */
export function braceExpansions(glob: string, cap = MAX_BRACE_EXPANSIONS): number {
  const limit = cap + 1;
  const clamp = (n: number) => (n > limit ? limit : n);
  const stack: Group[] = [{ alternatives: 0, current: 1, commas: 0, start: 0 }];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      i++;
      continue;
    }
    const top = stack[stack.length - 1]!;
    if (c === '{') {
      stack.push({ alternatives: 0, current: 1, commas: 0, start: i + 1 });
    } else if (c === ',' && stack.length > 1) {
      top.alternatives = clamp(top.alternatives + top.current);
      top.current = 1;
      top.commas++;
    } else if (c === '}' && stack.length > 1) {
      stack.pop();
      const parent = stack[stack.length - 1]!;
      const count = top.commas > 0 ? top.alternatives + top.current : rangeSize(glob.slice(top.start, i)) ?? top.current;
      parent.current = clamp(parent.current * clamp(count));
    }
  }
  // Unclosed groups: count their alternatives as if they were closed.
  while (stack.length > 1) {
    const top = stack.pop()!;
    const parent = stack[stack.length - 1]!;
    parent.current = clamp(parent.current * clamp(top.alternatives + top.current));
  }
  return clamp(stack[0]!.current);
}

/** Why this glob is not walked, or undefined when it is fine. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `the pattern is ${glob.length} characters long, over the limit of ${MAX_GLOB_LENGTH}`;
  if (braceExpansions(glob) > MAX_BRACE_EXPANSIONS) {
    return `the pattern's braces expand to more than ${MAX_BRACE_EXPANSIONS} patterns; use fewer alternatives or a wildcard`;
  }
  return undefined;
}
