// Semantic checks of a rule's options that JSON Schema cannot make: every
// regular expression compiles and cannot backtrack catastrophically, and the settings the rule builds from them
// compile as a whole. Run at config load, so a bad pattern is a config error at
// its file:line:col (exit 2) instead of a failed rules stage on every file.

import { backtrackingHazard } from '../registry/pattern-safety.js';

/** A problem in a rule's options; `path` is relative to `rules.<id>.options`. */
export interface OptionProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Each pattern of the list under `key` that does not compile, at its index. */
export function patternListProblems(options: Readonly<Record<string, unknown>>, key: string, flags = 'u'): OptionProblem[] {
  const list = options[key];
  if (!Array.isArray(list)) return [];
  const problems: OptionProblem[] = [];
  list.forEach((p, i) => {
    if (typeof p !== 'string') return;
    try {
      new RegExp(p, flags);
    } catch (e) {
      problems.push({ path: [key, i], message: `${key}[${i}] is not a valid regular expression: ${(e as Error).message}` });
      return;
    }
    // Checked as the registry's patterns are: one that can backtrack catastrophically would hang every file.
    const hazard = backtrackingHazard(p, flags);
    if (hazard) problems.push({ path: [key, i], message: `${key}[${i}]: ${hazard}` });
  });
  return problems;
}

/** What building the rule's settings throws, as a problem on the options as a whole. */
export function buildProblems(build: () => unknown): OptionProblem[] {
  try {
    build();
    return [];
  } catch (e) {
    return [{ path: [], message: `the options do not compile: ${(e as Error).message}` }];
  }
}
