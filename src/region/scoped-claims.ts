// Region-scoped registry claims: a claim that holds in one region (scope:
// { region }) stated in a unit about another region, or with no region at
// all as if it were national. A place the sentence names itself decides
// first; a sentence with a local word (当地, 部分地区) or a hedge is not read as
// national. The region-conflict rule reports what scopedClaimConflict finds.
import type { Verdict } from '../types.js';
import type { Registry } from '../registry/types.js';
import { depthOf, isAncestor, type Gazetteer } from './gazetteer.js';
import { namedRegion, type UnitRegion } from './unit-region.js';
import type { RegionCues } from './conflict-settings.js';
import { decided, deliberate, runsOf, sentenceMentions, type SentenceView } from './foreign-places.js';

/** How a supported, region-scoped claim conflicts with where it is stated; offsets are into the sentence. */
export type ScopedConflict =
  /** The sentence names a place outside the claim's region. */
  | { readonly kind: 'sentence'; readonly scope: string; readonly place: string; readonly range: readonly [number, number] }
  /** The unit is about a region outside the claim's region. */
  | { readonly kind: 'unit'; readonly scope: string; readonly place: string; readonly range: readonly [number, number] }
  /** No region anywhere: stated as a national rule. */
  | { readonly kind: 'national'; readonly scope: string; readonly range: readonly [number, number] };

const scopeCodes = new Map<string, string | undefined>();

function scopeCode(g: Gazetteer, region: string): string | undefined {
  if (!scopeCodes.has(region)) scopeCodes.set(region, namedRegion(g, region).code);
  return scopeCodes.get(region);
}

const within = (g: Gazetteer, code: string, scope: string): boolean => code === scope || isAncestor(g, scope, code);

/** The conflict of a verdict with its unit's region, or undefined (not supported, not scoped, or stated where it holds). */
export function scopedClaimConflict(
  g: Gazetteer,
  c: RegionCues,
  registry: Registry,
  v: Verdict,
  unit: UnitRegion | undefined,
): ScopedConflict | undefined {
  if (v.kind !== 'supported') return undefined;
  const scope = registry.byId.get(v.record.claimId)?.claim.scope;
  if (scope === undefined || scope === 'national') return undefined;
  const scoped = scopeCode(g, scope.region);
  if (scoped === undefined) return undefined;
  const r = unit ?? { mixed: false, code: undefined };
  if (r.mixed) return undefined;
  const text = v.record.sentence.text;

  // A place the sentence names itself decides first.
  const mentions = sentenceMentions(g, text, r.code);
  const view: SentenceView = { text, mentions, runs: runsOf(mentions) };
  const named: Array<{ code: string; start: number; end: number }> = [];
  view.runs.forEach((run, i) => {
    const places = run.filter(decided);
    if (places.length === 0 || deliberate(c, view, i)) return;
    const deepest = places.reduce((a, b) => (depthOf(g, b.code) > depthOf(g, a.code) ? b : a));
    named.push({ code: deepest.code, start: places[0]!.start, end: places.at(-1)!.end });
  });
  if (named.some((p) => within(g, p.code, scoped))) return undefined;
  const place = named[0];
  if (place) return { kind: 'sentence', scope: scoped, place: place.code, range: [place.start, place.end] };

  const cueStart = v.record.cue.span.start - v.record.sentence.span.start;
  const range: [number, number] = [cueStart, cueStart + v.record.cue.text.length];
  if (r.code !== undefined) return within(g, r.code, scoped) ? undefined : { kind: 'unit', scope: scoped, place: r.code, range };
  // No region anywhere: stated as a national rule, unless the sentence says it is local.
  if (v.record.hedges.length > 0 || c.local?.test(text)) return undefined;
  return { kind: 'national', scope: scoped, range };
}
