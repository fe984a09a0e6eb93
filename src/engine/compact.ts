// After the file stage a run keeps, per file, only what the corpus stage and
// the report read: fact records, the verdicts the corpus stage compares or the
// registry judges (their records cut down to the fields it reads), the number
// of claim records, findings, the line starts (positions of corpus findings
// and related locations) and the suppression scopes. The article, its
// sentences, the other claim records and the file text go.
//
// Strings cut out of a text (a sentence, an excerpt) are, in V8, views into
// the whole text and keep it alive. Every string kept is copied once, so a
// run's memory holds its records, not its files.
import type { FileAnalysis } from './analyze.js';
import type { ClaimRecord, TextSpan, Verdict } from '../types.js';
import { suppressionPlan } from '../kernel/suppressions.js';
import { comparedClaim } from '../facts/compared.js';

/**
 * The layout of a compact analysis, part of the cache's and the shards' run
 * key: 2 keeps only the verdicts the corpus stage reads, with cut-down records
 * and the number of claim records (`claims`).
 */
export const COMPACT_FORMAT = 'compact-2';

/** V8 copies substrings shorter than this; longer ones may be views into their text. */
const SLICE_MIN = 13;

export function compactAnalysis(a: FileAnalysis): FileAnalysis {
  const suppressions = a.article && a.lines ? suppressionPlan(a.article, a.lines) : undefined;
  const verdicts = keptVerdicts(a.verdicts);
  const kept: FileAnalysis = {
    file: a.file,
    records: verdicts.map((v) => v.record),
    claims: a.claims ?? a.records.length,
    verdicts,
    facts: a.facts,
    findings: a.findings,
    ...(a.lines ? { lines: a.lines.detached() } : {}),
    ...(suppressions ? { suppressions } : {}),
    ...(a.unreadable ? { unreadable: a.unreadable } : {}),
  };
  detachStrings([kept.records, kept.verdicts, kept.facts, kept.findings, suppressions]);
  return kept;
}

/**
 * The fields of a claim record that a compact analysis keeps: what the corpus
 * stage (src/facts/conflicts.ts, src/rules/corpus-conflict.ts) and `registry
 * suggest` read. The quantities, the clause, the subject mention and the rest
 * were for the file stage's rules, whose findings are made by then.
 */
export type CompactRecord = Pick<ClaimRecord, 'file' | 'claimId' | 'value' | 'framing' | 'hedges' | 'conditions' | 'region' | 'year' | 'cue'> & {
  readonly sentence: Pick<TextSpan, 'text' | 'span'>;
};

const NONE: readonly never[] = Object.freeze([]);

/**
 * The verdicts the corpus stage can use — those claimConflicts compares, and
 * those the registry judges (`registry suggest` leaves their sentences out of
 * what it proposes) — each with its record cut down to a CompactRecord and
 * without the qualifiers the file stage's message was made with.
 */
function keptVerdicts(verdicts: readonly Verdict[]): Verdict[] {
  const sentences = new Map<TextSpan, Pick<TextSpan, 'text' | 'span'>>();
  const out: Verdict[] = [];
  for (const v of verdicts) {
    if (v.kind === 'unverifiable' && !comparedClaim(v)) continue;
    const r = v.record;
    let sentence = sentences.get(r.sentence);
    if (!sentence) {
      sentence = { text: r.sentence.text, span: r.sentence.span };
      sentences.set(r.sentence, sentence);
    }
    const record: CompactRecord = {
      file: r.file,
      claimId: r.claimId,
      value: r.value,
      framing: r.framing,
      hedges: r.hedges.length ? r.hedges : NONE,
      conditions: r.conditions.length ? r.conditions : NONE,
      ...(r.region !== undefined ? { region: r.region } : {}),
      ...(r.year !== undefined ? { year: r.year } : {}),
      cue: r.cue,
      sentence,
    };
    out.push({ kind: v.kind, record: record as ClaimRecord, reason: v.reason, ...(v.level ? { level: v.level } : {}) });
  }
  return out;
}

/**
 * Fields whose strings are words of the registry and the data (claim ids,
 * values, sources, fact keys and labels, rule and message ids, the subject and
 * value labels a message names), not text cut out of an article: one copy
 * serves the whole run, shared by every file that names them. A finding's
 * message is made of those words and a cue of a few characters, and the same
 * misstatement gives the same message in every file that makes it: messages
 * are shared too. Text (sentences, excerpts) is copied per file.
 */
const VOCABULARY = new Set([
  'claimId', 'topic', 'value', 'polarity', 'framing', 'kind', 'reason', 'expected', 'source', 'label', 'key',
  'attribute', 'qualifiers', 'conditions', 'hedges', 'ruleId', 'severity', 'id', 'modality', 'scope', 'region',
  'place', 'norm', 'unit', 'form', 'exception', 'level',
  'subject', 'said', 'canonical', 'message',
]);
/** Run-wide copies of vocabulary strings, keyed by the copy itself (never by a view into a text). */
const vocabulary = new Map<string, string>();
/** A bound on the run-wide table: past it, vocabulary strings are copied per file like text. */
const VOCABULARY_MAX = 200_000;

/**
 * Replaces, in place, every string of a tree of plain objects and arrays by a
 * copy of its own (the same copy for equal strings; for vocabulary fields, the
 * same copy across the run). Objects reached twice (a verdict's record is also
 * in the records) are walked once.
 */
export function detachStrings(root: unknown): void {
  const copies = new Map<string, string>();
  const seen = new Set<object>();
  const flat = (s: string): string => (' ' + s).slice(1);
  const copy = (s: string, shared: boolean): string => {
    if (shared) {
      const v = vocabulary.get(s);
      if (v !== undefined) return v;
    }
    let c = copies.get(s);
    if (c === undefined) {
      // Concatenating and slicing flattens into a new string: no view into the text is left.
      c = flat(s);
      if (shared && vocabulary.size < VOCABULARY_MAX) vocabulary.set(c, c);
      else copies.set(s, c);
    }
    return c;
  };
  // Each value with whether it sits under a vocabulary field (array items inherit their array's).
  const stack: Array<[unknown, boolean]> = [[root, false]];
  while (stack.length) {
    const [v, shared] = stack.pop()!;
    if (!v || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === 'string') {
          if (x.length >= SLICE_MIN) v[i] = copy(x, shared);
        } else if (x && typeof x === 'object') stack.push([x, shared]);
      }
      continue;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) continue;
    const o = v as Record<string, unknown>;
    for (const k in o) {
      const x = o[k];
      if (typeof x === 'string') {
        if (x.length >= SLICE_MIN) o[k] = copy(x, VOCABULARY.has(k));
      } else if (x && typeof x === 'object') stack.push([x, VOCABULARY.has(k)]);
    }
  }
}
