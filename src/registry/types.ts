// The registry as authors write it (CanonicalClaim) and as the extractor uses
// it (CompiledClaim: every pattern compiled once per run).
import type { LiteralScanner } from '../text/literal-scanner.js';
import type { Lexicon } from './lexicon.js';
import type { YamlProblem } from '../yaml/located.js';

export type Confidence = 'high' | 'medium' | 'low';
/**
 * How a value is judged. `local-rule`: a figure within a national ceiling
 * (the value's `when`), legitimate as a local rule and at most a warning when
 * stated as if it were national.
 */
export type ValueVerdict = 'supports' | 'contradicts' | 'unverifiable' | 'local-rule';

export interface QuantityTest {
  readonly kind: 'duration' | 'percent' | 'ratio' | 'amount' | 'count' | 'number';
  readonly unit?: string;
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
  readonly eq?: number;
}

/**
 * A value phrased as parts that may come in any order (个人…比例为月工资的8%):
 * the anchor is the cue, every `with` pattern must occur before it in the
 * sentence or after it within its clause.
 */
export interface ValueFrame {
  readonly anchor: string;
  readonly with: readonly string[];
  /** Patterns that may not occur in the anchor's own clause (退休前 for a retiree's payments). */
  readonly without?: readonly string[];
}

export interface ValueSpec {
  readonly label: string;
  /** Phrasings as one sequence each; a value has phrases, frames or both. */
  readonly phrases?: readonly string[];
  readonly frames?: readonly ValueFrame[];
  readonly negation?: string;
  readonly when?: QuantityTest;
  readonly verdict?: ValueVerdict;
}

export interface ClaimSource {
  readonly title: string;
  readonly number?: string;
  readonly clause?: string;
  readonly url?: string;
}

/** A condition under which a non-canonical value is legitimate (出国定居 → 一次性退还). */
export interface ClaimException {
  readonly id: string;
  readonly label: string;
  readonly when: readonly string[];
  /** Values the exception makes legitimate; absent: every non-canonical value. */
  readonly values?: readonly string[];
  readonly source?: ClaimSource;
  /** Medium or low, with a note, when no document could be found (a local rule known only from handbooks). */
  readonly confidence?: 'high' | 'medium' | 'low';
  readonly notes?: string;
}

/** What a clause must be about for a value in it to count for the claim. */
export interface ClaimBinding {
  readonly subject?: readonly string[];
  readonly others?: readonly string[];
  /** A sentence naming no subject is read for the claim from its trigger and value, at most at this level. */
  readonly unnamed?: 'warning';
}

export type ClaimScope = 'national' | { readonly region: string };

export interface CanonicalClaim {
  readonly id: string;
  readonly topic: string;
  readonly subject: string;
  readonly statement: string;
  readonly canonical: string;
  readonly scope: ClaimScope;
  readonly effective: string;
  readonly confidence: 'high' | 'medium' | 'low';
  readonly source: ClaimSource;
  readonly notes?: string;
  readonly context: { readonly all?: readonly string[]; readonly any?: readonly string[]; readonly none?: readonly string[] };
  readonly values: Readonly<Record<string, ValueSpec>>;
  readonly binding?: ClaimBinding;
  /** Situations the canonical value holds in all the same: a condition naming one is no limit (要是辞职了，…就能取现 is still a contradiction). */
  readonly covers?: readonly string[];
  readonly exceptions?: readonly ClaimException[];
  readonly examples: { readonly supports: readonly string[]; readonly contradicts: readonly string[]; readonly unrelated: readonly string[] };
}

export interface CompiledValue {
  readonly name: string;
  readonly label: string;
  /** All phrases of the value joined into one global regex (longest alternatives first). */
  readonly phrases: RegExp;
  /** Scanner lists a sentence needs a string of each of before `phrases` can match; absent or empty: none known. */
  readonly phraseLists?: readonly number[];
  /**
   * Every string phraseLists needs lies within a match or after its start
   * (no lookbehind supplies one): a match starting at or after a point needs
   * a string of each list starting there or later.
   */
  readonly phraseListsInMatch?: boolean;
  /** The value's frames, compiled; empty when it has none. */
  readonly frames: readonly CompiledFrame[];
  readonly negation?: string;
  readonly when?: QuantityTest;
  readonly verdict: ValueVerdict;
}

export interface CompiledFrame {
  /** Global: every anchor in the sentence is a candidate. */
  readonly anchor: RegExp;
  /** Global, like the anchor: a part may occur more than once. */
  readonly with: readonly RegExp[];
  /** Non-global: tested once on the anchor's clause. */
  readonly without?: RegExp;
  /** Scanner lists the anchor needs (a prefilter, like CompiledValue.phraseLists). */
  readonly anchorLists?: readonly number[];
}

/** A context pattern with what the registry's literal scanner knows about it. */
export interface GuardedPattern {
  readonly re: RegExp;
  /** Scanner lists a sentence must have a string of each of for `re` to match it; empty when none is known. */
  readonly lists: readonly number[];
  /** The one list occurring is the same as `re` matching, so `re` need not run. */
  readonly exact: boolean;
}

export interface CompiledClaim {
  readonly claim: CanonicalClaim;
  /** Where the claim was defined, for messages: file:line. */
  readonly origin: { readonly file: string; readonly line: number };
  readonly all: readonly RegExp[];
  readonly any?: RegExp;
  readonly none?: RegExp;
  /**
   * The same patterns for the literal scanner: `all` in order, and each
   * pattern of `any` and `none` on its own (a union matches when one part does).
   */
  readonly guarded?: {
    readonly all: readonly GuardedPattern[];
    readonly any: readonly GuardedPattern[];
    readonly none: readonly GuardedPattern[];
  };
  readonly values: readonly CompiledValue[];
  /** Mentions of the claim's own subject (global): binds a clause to the claim. */
  readonly subject: RegExp;
  /** Mentions of other subjects the lexicon knows (global); undefined: none listed. */
  readonly otherSubjects?: RegExp;
  /** binding.unnamed: a sentence naming no subject may be read for the claim, at most at this level. */
  readonly unnamed?: 'warning';
  /** Every context pattern (`all` and `any`) as one regex: a condition that only restates the claim's topic. */
  readonly topic?: RegExp;
  /** The claim's `covers` as one regex: a condition clause it matches does not limit the claim. */
  readonly covers?: RegExp;
  readonly exceptions: readonly CompiledException[];
  readonly valueByName: ReadonlyMap<string, CompiledValue>;
  /** The claim's own examples with the line each is written on. */
  readonly examples: readonly ClaimExample[];
}

export interface CompiledException {
  readonly exception: ClaimException;
  readonly when: RegExp;
}

export type ExampleKind = 'supports' | 'contradicts' | 'unrelated';

export interface ClaimExample {
  readonly kind: ExampleKind;
  readonly text: string;
  readonly line: number;
}

export interface Registry {
  readonly claims: readonly CompiledClaim[];
  readonly byId: ReadonlyMap<string, CompiledClaim>;
  /**
   * Matches every sentence some claim could be about (the union of each claim's
   * first `all` pattern); undefined when a claim has no `all` pattern.
   */
  readonly gate?: RegExp;
  /** Finds which registry word lists a sentence contains (GuardedPattern.lists, CompiledValue.phraseLists). */
  readonly scanner?: LiteralScanner;
  /**
   * Scanner list a sentence some claim could be about has a string of (what
   * each claim's first `all` pattern needs); undefined when a claim has none.
   */
  readonly scanGate?: number;
  /** The lexicon the claims' {concept} references were expanded from. */
  readonly lexicon: Lexicon;
  /** Problems that do not stop the registry loading (unused concepts, exceptions without a source). */
  readonly warnings: readonly YamlProblem[];
  /** Files the registry was read from, for cache keys and messages. */
  readonly files: readonly string[];
  /** Stable digest of the registry's contents (cache invalidation). */
  readonly digest: string;
}

/** Human-readable citation of a claim's source: number and clause when known. */
export function citeSource(source: ClaimSource): string {
  // One string per source: every finding that cites it shares it (a run over 100,000
  // articles reports hundreds of thousands of findings, each citing one of a few dozen sources).
  let cited = citations.get(source);
  if (cited === undefined) {
    const parts = [source.number ? `${source.number}《${source.title}》` : `《${source.title}》`];
    if (source.clause) parts.push(source.clause);
    cited = parts.join(' ');
    citations.set(source, cited);
  }
  return cited;
}
const citations = new WeakMap<ClaimSource, string>();
