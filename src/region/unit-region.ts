/**
 * Decides which region each unit of an article is about.
 *
 * A unit's region comes from front matter `region`, else its own title, else
 * the unit it sits in (a Markdown section inherits from its parent section or
 * the article). Blocks of a scraped page (related items listed under the main
 * article) are separate articles in all but file: they inherit only a
 * declared region, never the main article's title.
 *
 * A title that names places with no single region among them
 * (阜阳医保在合肥住院…, 淮北淮南哪个发达) is about more than one place on
 * purpose: the unit gets no region and is not judged. When several named
 * places form one chain (河北邯郸) the deepest is the region; when one named
 * place encloses all the others (安徽分淮南淮北还是皖南皖北) it is.
 *
 * Results are kept for the last few articles, so the rule and the claim
 * extractor share one computation.
 */
import type { Article, Unit } from '../types.js';
import { depthOf, displayName, isAncestor, isSameOrRelated, loadGazetteer, type Gazetteer } from './gazetteer.js';
import { findPlaces, resolveMentions } from './matcher.js';

export type RegionSource = 'front-matter' | 'title' | 'parent';

export interface UnitRegion {
  /** Division code the unit is about; undefined when it has none or is not judged. */
  readonly code?: string;
  /** Where `code` came from. */
  readonly source?: RegionSource;
  /** Index of the unit whose title named the region (itself or an enclosing unit), when a title did. */
  readonly titleUnit?: number;
  /**
   * True when the unit is about several places on purpose (its title names
   * unrelated places, or a place unrelated to the declared region): no region
   * and not judged.
   */
  readonly mixed: boolean;
}

/** What a short text (a title, a front-matter value) says about place. */
export interface NamedRegion {
  /** The single region the text names; undefined when none or mixed. */
  readonly code?: string;
  /** The text names places that share no single region. */
  readonly mixed: boolean;
}

const NONE: NamedRegion = { mixed: false };
const SIX_DIGITS = /^\d{6}$/;

/**
 * The region a title or front-matter value names. Ambiguous names count by
 * the region all their readings share (吉林 → 吉林省), or not at all (朝阳);
 * weak names only when a related name confirms them.
 */
export function namedRegion(g: Gazetteer, text: string): NamedRegion {
  const trimmed = text.trim();
  if (SIX_DIGITS.test(trimmed) && g.byCode.has(trimmed)) return { code: trimmed, mixed: false };
  const found = findPlaces(g, text);
  if (found.length === 0) return NONE;
  // One unique, strong name (the usual title): that place.
  if (found.length === 1 && !found[0]!.weak && found[0]!.candidates.length === 1) return { code: found[0]!.candidates[0]!, mixed: false };
  const codes = new Set<string>();
  if (found.every((m) => !m.weak && m.candidates.length === 1)) {
    // Only unique, strong names (the usual title): nothing to resolve.
    for (const m of found) codes.add(m.candidates[0]!);
  } else {
    for (const m of resolveMentions(g, found)) {
      const c = m.code ?? m.within;
      if (c !== undefined) codes.add(c);
    }
  }
  if (codes.size === 0) return NONE;
  const list = [...codes];
  const depth = (c: string): number => depthOf(g, c);
  // One chain (河北 → 邯郸): the deepest.
  if (list.every((a) => list.every((b) => isSameOrRelated(g, a, b)))) {
    return { code: list.reduce((a, b) => (depth(b) > depth(a) ? b : a)), mixed: false };
  }
  // A named place enclosing every other (安徽 over 淮南, 淮北): the deepest such.
  const enclosing = list.filter((a) => list.every((b) => a === b || isAncestor(g, a, b)));
  if (enclosing.length > 0) return { code: enclosing.reduce((a, b) => (depth(b) > depth(a) ? b : a)), mixed: false };
  return { mixed: true };
}

/**
 * Regions of the articles asked about most recently. The extractor and the
 * rule ask about one article in turn while it is analysed, so a few entries
 * serve them; a WeakMap over every article of a run costs more in lookups and
 * garbage collection than it saves. An article asked about again later is
 * simply computed again (the result only depends on the article).
 */
const RECENT = 4;
const recentArticles: Array<Article | undefined> = new Array<Article | undefined>(RECENT).fill(undefined);
const recentGazetteers: Array<Gazetteer | undefined> = new Array<Gazetteer | undefined>(RECENT).fill(undefined);
const recentRegions: Array<readonly UnitRegion[]> = new Array<readonly UnitRegion[]>(RECENT).fill([]);
let recentNext = 0;

/** The region of every unit of an article, by unit index (computed once while the article is in use). */
export function unitRegions(article: Article, g: Gazetteer = loadGazetteer()): readonly UnitRegion[] {
  for (let k = 0; k < RECENT; k++) {
    if (recentArticles[k] === article && recentGazetteers[k] === g) return recentRegions[k]!;
  }
  const regions = computeRegions(article, g);
  recentArticles[recentNext] = article;
  recentGazetteers[recentNext] = g;
  recentRegions[recentNext] = regions;
  recentNext = (recentNext + 1) % RECENT;
  return regions;
}

/**
 * The region a claim record stated in this unit is about, as a full name
 * (江西省南昌市); a declared region the gazetteer does not know is passed on
 * as written.
 */
export function unitRegionName(article: Article, unitIndex: number, g: Gazetteer = loadGazetteer()): string | undefined {
  const r = unitRegions(article, g)[unitIndex];
  if (r?.code !== undefined) return displayName(g, r.code);
  if (r?.mixed) return undefined;
  return article.units[unitIndex]?.declaredRegion;
}

function computeRegions(article: Article, g: Gazetteer): UnitRegion[] {
  const declared = new Map<string, NamedRegion>();
  const declaredOf = (u: Unit): NamedRegion => {
    const v = u.declaredRegion;
    if (v === undefined) return NONE;
    let r = declared.get(v);
    if (!r) {
      r = namedRegion(g, v);
      declared.set(v, r);
    }
    return r;
  };

  const out: UnitRegion[] = [];
  // Units are in document order, so a parent is always decided before its sections.
  for (const unit of article.units) {
    const own = unit.title ? namedRegion(g, unit.title.text) : NONE;
    // A section inherits what its parent decided (which already took the front
    // matter into account); the article and scraped blocks start from the front matter.
    const parent = unit.kind === 'section' && unit.parent !== undefined ? out[unit.parent] : undefined;
    let inherited: UnitRegion;
    if (parent) inherited = parent;
    else {
      const fm = declaredOf(unit);
      inherited = fm.code !== undefined ? { code: fm.code, source: 'front-matter', mixed: false } : { mixed: false };
    }

    if (own.mixed) {
      out.push({ mixed: true });
    } else if (own.code === undefined) {
      out.push(parent && parent.code !== undefined ? { ...parent, ...(parent.source === 'title' ? { source: 'parent' as const } : {}) } : inherited);
    } else if (inherited.code === undefined) {
      out.push({ code: own.code, source: 'title', titleUnit: unit.index, mixed: false });
    } else if (isAncestor(g, inherited.code, own.code)) {
      // The title narrows the inherited region (河北省 → 邯郸).
      out.push({ code: own.code, source: 'title', titleUnit: unit.index, mixed: false });
    } else if (own.code === inherited.code) {
      out.push(withTitleUnit(inherited, unit.index));
    } else if (isAncestor(g, own.code, inherited.code)) {
      // A title naming only an enclosing region (河北 over 邯郸) adds nothing.
      out.push(inherited);
    } else {
      // A heading that turns to another place (## 在合肥住院怎么报销) under a
      // page about 阜阳: the section is about both on purpose.
      out.push({ mixed: true });
    }
  }
  return out;
}

/**
 * `{ ...r, titleUnit }`. Adding a key to a spread copy makes V8 build a new
 * hidden class each time (about a microsecond), so the usual shape is
 * written out.
 */
function withTitleUnit(r: UnitRegion, titleUnit: number): UnitRegion {
  if (r.code !== undefined && r.source !== undefined && r.titleUnit === undefined && Object.keys(r).length === 3) {
    return { code: r.code, source: r.source, mixed: r.mixed, titleUnit };
  }
  return { ...r, titleUnit };
}
