// Where the corpus disagrees with itself: facts with one key and clashing
// values, and registry claims asserted with different values. Used by the
// corpus-conflict rule and by `claimlint registry suggest`.
import type { ClaimRecord, FactRecord, Verdict } from '../types.js';
import type { CorpusEntry } from '../kernel/rule.js';
import type { Registry } from '../registry/types.js';
import { loadGazetteer, isSameOrRelated, type Gazetteer } from '../region/gazetteer.js';
import { deepestPlace, placesIn } from './context.js';
import { findConflicts, type ConflictSide, type Observation } from './aggregate.js';
import { quantityInterval, quantityScale, valuesClash } from './values.js';
import type { IntervalClash } from './interval-index.js';
import { comparedClaim } from './compared.js';

export interface FactObservation extends Observation {
  readonly fact: FactRecord;
}

export interface ClaimObservation extends Observation {
  readonly verdict: Verdict;
  /** Division code of the record's region, when it has one. */
  readonly region?: string;
}

/** Different years are different facts; a fact without a year may be about any year. */
export function yearsAgree(a: number | undefined, b: number | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

export function factObservation(fact: FactRecord, ids: Interner = new Interner(2)): FactObservation {
  return { file: fact.file, key: fact.key, bucket: ids.of(fact.value.norm, fact.year), sentence: fact.sentence.span.start, fact };
}

/**
 * Bucket and key ids: "a@b@c" strings, one string object per distinct
 * combination. Tens of thousands of observations share a few hundred ids, and
 * an id made once is hashed and compared once, not rebuilt per observation.
 */
export class Interner {
  /** Ids of two parts (a@b) or of three (a@b@c). */
  constructor(private readonly parts: 2 | 3) {}
  private readonly ids = new Map<string, Map<string | number | undefined, Map<string | undefined, string>>>();
  /** `${a}@${b ?? ''}`, or `${a}@${b ?? ''}@${c ?? ''}` for three parts. */
  of(a: string, b: string | number | undefined, c?: string): string {
    let byB = this.ids.get(a);
    if (!byB) {
      byB = new Map();
      this.ids.set(a, byB);
    }
    let byC = byB.get(b);
    if (!byC) {
      byC = new Map();
      byB.set(b, byC);
    }
    let id = byC.get(c);
    if (id === undefined) {
      id = this.parts === 3 ? `${a}@${b ?? ''}@${c ?? ''}` : `${a}@${b ?? ''}`;
      byC.set(c, id);
    }
    return id;
  }
}

export function factsClash(a: FactObservation, b: FactObservation): boolean {
  // A condition on one side only may be why the figures differ.
  if ((a.fact.lead?.kind === 'condition') !== (b.fact.lead?.kind === 'condition')) return false;
  return yearsAgree(a.fact.year, b.fact.year) && valuesClash(a.fact.value, b.fact.value);
}

/**
 * factsClash laid out as intervals, so a fact with thousands of values is not
 * compared pair by pair: a pool is what factsClash compares at all (condition
 * or not, quantity family, year, period), and within pools that meet, two
 * quantities clash when their intervals do not overlap.
 */
export const factIntervals: IntervalClash<FactObservation> = {
  shape(o) {
    const q = o.fact.value.kind === 'quantity' ? o.fact.value.quantity : undefined;
    if (!q) return undefined;
    const scale = quantityScale(q);
    const range = quantityInterval(q);
    const pool: PoolParts = [o.fact.lead?.kind === 'condition', q.kind, scale?.family ?? null, o.fact.year ?? null, scale?.period ?? null];
    return { pool: JSON.stringify(pool), lo: range?.[0] ?? 0, hi: range?.[1] ?? 0, value: o.fact.value.norm };
  },
  meet(a, b) {
    const [ca, ka, fa, ya, pa] = JSON.parse(a) as PoolParts;
    const [cb, kb, fb, yb, pb] = JSON.parse(b) as PoolParts;
    const agree = <V>(x: V | null, y: V | null) => x === null || y === null || x === y;
    return ca === cb && ka === kb && fa !== null && fa === fb && agree(ya, yb) && agree(pa, pb);
  },
  // The message names three other values and says whether there are more.
  values: 4,
};

/** Condition or not, quantity kind, family (null: compared with nothing), year, period. */
type PoolParts = [boolean, string, string | null, number | null, string | null];

/** Every (fact key, file) side of a conflict, in corpus order. */
export function factConflicts(entries: readonly CorpusEntry[], cap = 3): ConflictSide<FactObservation>[] {
  const observations: FactObservation[] = [];
  const ids = new Interner(2);
  for (const e of entries) if (e.facts) for (const f of e.facts) observations.push(factObservation(f, ids));
  return findConflicts(observations, factsClash, cap, undefined, factIntervals);
}

/** The group (CorpusReport.key) of a fact key's findings: fact and claim keys are apart. */
export const factGroup = (key: string): string => `fact\u0000${key}`;
/** The group of a claim key's findings. */
export const claimGroup = (key: string): string => `claim\u0000${key}`;

/** Where claimConflicts files a verdict: its key (the fact it is about) and the region code it is compared with. */
export interface ClaimKey {
  readonly key: string;
  readonly region?: string;
}

/**
 * The key claimConflicts groups a verdict under, or undefined when it compares
 * it with nothing (a question, a rumour, a claim the registry lacks). An
 * incremental run (src/engine/incremental.ts) groups records the same way, to
 * know which facts a changed file touches.
 */
export function claimKeyer(registry: Registry, g: Gazetteer = loadGazetteer()): (v: Verdict) => ClaimKey | undefined {
  const regionCodes = new Map<string, string | null>();
  const codeOf = (region: string): string | undefined => {
    let code = regionCodes.get(region);
    if (code === undefined) {
      code = deepestPlace(g, placesIn(g, region)) ?? null;
      regionCodes.set(region, code);
    }
    return code ?? undefined;
  };
  const keys = new Interner(2);
  return (v) => {
    if (!comparedClaim(v)) return undefined;
    const r = v.record;
    const claim = registry.byId.get(r.claimId)?.claim;
    if (!claim) return undefined;
    const region = r.region ? codeOf(r.region) : undefined;
    // A regional claim is one fact per region; a national one is one fact everywhere.
    const key = claim.scope === 'national' ? r.claimId : keys.of(r.claimId, region);
    return region ? { key, region } : { key };
  };
}

/**
 * Every (claim, file) side where articles assert different values of one
 * registry claim. Questions and rumours are left out: they report what people
 * ask or say, not what the article holds. Records from regions that are not
 * the same or related are not compared.
 */
export function claimConflicts(entries: readonly CorpusEntry[], registry: Registry, cap = 3, g: Gazetteer = loadGazetteer()): ConflictSide<ClaimObservation>[] {
  const keyer = claimKeyer(registry, g);
  const buckets = new Interner(3);
  const observations: ClaimObservation[] = [];
  for (const e of entries) {
    for (const v of e.verdicts) {
      const at = keyer(v);
      if (!at) continue;
      const r = v.record;
      const { key, region } = at;
      const bucket = buckets.of(r.value, r.year, region);
      const sentence = r.sentence.span.start;
      // Two literals rather than a conditional spread: this runs once per claim record of the corpus.
      observations.push(region ? { file: r.file, key, bucket, sentence, verdict: v, region } : { file: r.file, key, bucket, sentence, verdict: v });
    }
  }
  // An unverifiable value (a local exception) contradicts nothing; two
  // different wrong values do conflict.
  const judgement = (o: ClaimObservation) => registry.byId.get(o.verdict.record.claimId)?.valueByName.get(o.verdict.record.value)?.verdict;
  const clash = (a: ClaimObservation, b: ClaimObservation): boolean => {
    if (a.verdict.record.value === b.verdict.record.value) return false;
    const ja = judgement(a);
    const jb = judgement(b);
    // A local rule within the national ceiling differs from place to place by design.
    if (ja === 'unverifiable' || jb === 'unverifiable' || ja === 'local-rule' || jb === 'local-rule' || ja === undefined || jb === undefined) return false;
    // When one side agrees with the registry, claim-contradiction already reports
    // the other side (with this article's agreeing sentences as related lines);
    // a second error on the same sentence would only be noise. What is left for
    // this rule: two different values the registry rejects.
    if (ja === 'supports' || jb === 'supports') return false;
    // Two values the registry rejects are each an error of claim-contradiction
    // already (1年 and 12个月 are even the same wait): a conflict would repeat them.
    if (a.verdict.kind === 'contradicted' && b.verdict.kind === 'contradicted') return false;
    return (
      yearsAgree(a.verdict.record.year, b.verdict.record.year) &&
      (a.region === undefined || b.region === undefined || isSameOrRelated(g, a.region, b.region))
    );
  };
  // In a file that says both, the finding goes on the sentence the registry does not support.
  return findConflicts(observations, clash, cap, (o) => o.verdict.kind !== 'supported');
}

/** The claim record of an observation (for callers that only need the record). */
export function recordOf(o: ClaimObservation): ClaimRecord {
  return o.verdict.record;
}
