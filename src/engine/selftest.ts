import type { Cues } from '../extract/cues.js';
import { extractClaims } from '../extract/claims.js';
import { judge } from '../verdict/judge.js';
import type { ClaimExample, CompiledClaim, Registry } from '../registry/types.js';
import type { Verdict } from '../types.js';

export interface ExampleFailure {
  readonly claimId: string;
  readonly file: string;
  readonly line: number;
  readonly example: ClaimExample;
  /** What was read instead, in words. */
  readonly got: string;
}

export interface SelfTestReport {
  readonly examples: number;
  readonly failures: readonly ExampleFailure[];
}

/**
 * Runs every claim's own examples through the real extractor with the whole
 * registry loaded (prh style): a supporting example must be read as supported,
 * a contradicting one as contradicted, an unrelated one not at all.
 */
export function selfTest(registry: Registry, cues: Cues): SelfTestReport {
  const failures: ExampleFailure[] = [];
  let examples = 0;
  for (const compiled of registry.claims) {
    for (const example of compiled.examples) {
      examples++;
      const got = check(registry, cues, compiled, example);
      if (got) failures.push({ claimId: compiled.claim.id, file: compiled.origin.file, line: example.line, example, got });
    }
  }
  return { examples, failures };
}

/** Why a record was read as it was: its clause, negation, framing, conditions and level. */
function why(v: Verdict, text: string): string {
  const r = v.record;
  const parts = [`in the clause “${text.slice(r.clause.start, r.clause.end)}”`];
  if (r.polarity === 'negated') parts.push('negated');
  if (r.framing !== 'plain') parts.push(`framed as ${r.framing}`);
  for (const c of r.conditions) parts.push(`${c.kind} “${c.text}”`);
  if (v.exception) parts.push(`exception ${v.exception}`);
  if (v.level && v.level !== 'error') parts.push(`level ${v.level}`);
  return `; ${parts.join(', ')}`;
}

/** Undefined when the example is read as it should be; otherwise what was read. */
function check(registry: Registry, cues: Cues, compiled: CompiledClaim, example: ClaimExample): string | undefined {
  const sentence = { text: example.text, span: { start: 0, end: example.text.length } };
  const records = extractClaims(registry, cues, sentence, {}, { file: '<example>', unitIndex: 0 }).filter(
    (r) => r.claimId === compiled.claim.id,
  );
  const verdicts = records.map((r) => judge(registry, r));
  const kinds = verdicts.map((v) => `${v.kind} (${v.record.value} from “${v.record.cue.text}”${why(v, example.text)})`);
  const read = kinds.length ? kinds.join(', ') : 'nothing about this claim';
  switch (example.kind) {
    case 'supports':
      return verdicts.length > 0 && verdicts.every((v) => v.kind === 'supported') ? undefined : `expected supported, read ${read}`;
    case 'contradicts':
      return verdicts.some((v) => v.kind === 'contradicted') ? undefined : `expected contradicted, read ${read}`;
    case 'unrelated': {
      // An open question asserts nothing: read as a question, it is about no value.
      const asserted = verdicts.filter((v) => v.record.framing !== 'question');
      return asserted.length === 0 ? undefined : `expected nothing about this claim, read ${read}`;
    }
  }
}
