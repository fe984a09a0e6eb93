// The registry's lexicon: named concepts (lapse, personal-account, cleared…)
// that claims refer to as {name} inside their patterns. References are
// expanded before a claim is checked or compiled, so the rest of the registry
// sees plain regular expressions.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LocatedYaml, problemOf, type YamlProblem } from '../yaml/located.js';
import { msg } from '../i18n/message.js';
import { schemaValidator } from '../schemas.js';
import { wordAlternation } from '../text/regex.js';
import { expandPlaceholders, PLACEHOLDERS } from './patterns.js';
import { patternHazard } from './pattern-safety.js';

export interface ConceptSpec {
  readonly means: string;
  readonly words?: readonly string[];
  readonly patterns?: readonly string[];
  readonly opposite?: string;
}

export interface Concept {
  readonly name: string;
  readonly spec: ConceptSpec;
  /** The concept as one regex source (a non-capturing group). */
  readonly source: string;
  /** Where it is defined, for messages. */
  readonly file: string;
  readonly line: number;
}

export interface Lexicon {
  readonly concepts: ReadonlyMap<string, Concept>;
  /** File the lexicon was read from (undefined: an empty lexicon). */
  readonly file?: string;
  /** Text of the file, for the registry digest. */
  readonly text: string;
}

export type LexiconLoad =
  | { readonly ok: true; readonly lexicon: Lexicon; readonly warnings: readonly YamlProblem[] }
  | { readonly ok: false; readonly problems: readonly YamlProblem[] };

export const EMPTY_LEXICON: Lexicon = { concepts: new Map(), text: '' };

/** `{name}` where name is a concept name (letters first: `{2,3}` stays a quantifier). */
const REFERENCE = /\{([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\}/g;

export function loadLexicon(path: string | undefined, cwd: string): LexiconLoad {
  if (path === undefined || !existsSync(path)) return { ok: true, lexicon: EMPTY_LEXICON, warnings: [] };
  const display = relative(cwd, path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { ok: false, problems: [problemOf(display, 1, 1, msg('registry.lexicon-unreadable', { reason: (err as Error).message }))] };
  }
  const doc = new LocatedYaml(display, text);
  if (doc.problems.length) return { ok: false, problems: doc.problems };
  const schema = doc.schemaProblems(schemaValidator('lexicon.schema.json'));
  if (schema.length) return { ok: false, problems: schema };
  const specs = (doc.value as { concepts: Record<string, ConceptSpec> }).concepts;
  const problems: YamlProblem[] = [];
  const concepts = new Map<string, Concept>();
  for (const [name, spec] of Object.entries(specs)) {
    if (name in PLACEHOLDERS) {
      problems.push(doc.problemAt(['concepts', name], msg('registry.concept-placeholder', { name }), true));
      continue;
    }
    const parts: string[] = [];
    if (spec.words?.length) parts.push(wordAlternation(spec.words));
    spec.patterns?.forEach((p, j) => {
      // Expanded here: a concept's source is compiled on its own too (an opposite's check).
      const source = expandPlaceholders(p);
      try {
        new RegExp(source, 'u');
        const hazard = patternHazard(source);
        if (hazard) problems.push(doc.problemAt(['concepts', name, 'patterns', j], hazard));
        else parts.push(source);
      } catch (err) {
        problems.push(doc.problemAt(['concepts', name, 'patterns', j], msg('registry.pattern-compile', { reason: (err as Error).message.replace(/^Invalid regular expression: /, '') })));
      }
      // A placeholder ({number}, {clause-end}) is no concept.
      if ([...p.matchAll(REFERENCE)].some((m) => !(m[1]! in PLACEHOLDERS))) problems.push(doc.problemAt(['concepts', name, 'patterns', j], msg('registry.concept-reference')));
    });
    const { line } = doc.locate(['concepts', name], true);
    concepts.set(name, { name, spec, source: `(?:${parts.map((p) => `(?:${p})`).join('|')})`, file: display, line });
  }
  const reported = new Set<string>();
  for (const [name, c] of concepts) {
    const opp = c.spec.opposite;
    if (opp === undefined) continue;
    const other = concepts.get(opp);
    if (!other) {
      problems.push(doc.problemAt(['concepts', name, 'opposite'], msg('registry.opposite-unknown', { name: opp })));
      continue;
    }
    // A phrasing both a concept and its opposite match would make every hit ambiguous.
    const theirs = new RegExp(`^${other.source}$`, 'u');
    c.spec.words?.forEach((w, j) => {
      // Each shared phrasing once, though both concepts name each other.
      const pair = `${[name, opp].sort().join('|')}|${w}`;
      if (theirs.test(w) && !reported.has(pair) && reported.add(pair)) problems.push(doc.problemAt(['concepts', name, 'words', j], msg('registry.word-both', { word: w, opposite: opp })));
    });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, lexicon: { concepts, file: display, text }, warnings: [] };
}

/**
 * Expands every {concept} in a pattern. Unknown names are returned for the
 * caller to report at the pattern's position; each known name is recorded in
 * `used`.
 */
export function expandConcepts(pattern: string, lexicon: Lexicon, used: Set<string>): { readonly source: string; readonly unknown: readonly string[] } {
  const unknown: string[] = [];
  const source = pattern.replace(REFERENCE, (whole, name: string) => {
    if (name in PLACEHOLDERS) return whole;
    const c = lexicon.concepts.get(name);
    if (!c) {
      unknown.push(name);
      // Matches nothing, so the pattern still compiles and only the unknown name is reported.
      return '(?!)';
    }
    used.add(name);
    return c.source;
  });
  return { source, unknown };
}

/** Concepts no claim refers to: reported by `registry validate` as warnings. */
export function unusedConcepts(lexicon: Lexicon, used: ReadonlySet<string>): YamlProblem[] {
  const out: YamlProblem[] = [];
  for (const c of lexicon.concepts.values()) {
    // An opposite is used through its partner's checks only; still worth a warning when nothing refers to it.
    if (!used.has(c.name)) out.push(problemOf(c.file, c.line, 3, msg('registry.concept-unused', { name: c.name })));
  }
  return out;
}
