// Where a unit's body puts its subject: the places of a body sentence that are
// neither the unit's region nor related to it, whether each carries the
// subject (lead, subject marker, institution name) and whether something says
// it is named on purpose (referral, example list, comparison, quotes). The
// region-conflict rule reports what unitConflicts returns; the word lists are
// compiled in ./conflict-settings.ts.
import type { Sentence } from '../types.js';
import { ancestors, depthOf, isSameOrRelated, type Gazetteer, type Sense } from './gazetteer.js';
import { findPlaces, findPlacesIf, resolveMentions, type PlaceMention, type ResolvedMention } from './matcher.js';
import type { RegionCues } from './conflict-settings.js';

/** A place in a body sentence that is neither the unit's region nor related to it. */
export interface ForeignPlace {
  /** Offsets into the sentence text of the place (a run like 辽宁沈阳 counts once). */
  readonly start: number;
  readonly end: number;
  /** The deepest foreign division named there. */
  readonly code: string;
  /** Every foreign division of the run. */
  readonly codes: readonly string[];
  /** It carries the subject (lead, subject marker, institution name). */
  readonly subject: boolean;
  /** Something around it says it is not the subject's place: part of a name, or named on purpose. */
  readonly deliberate: boolean;
  /** Named on purpose (referral, example, comparison, partnership, list of places): covers the place in the whole unit. */
  readonly onPurpose: boolean;
}

/** Readings decided by a data default (海南 → the province) are too weak to raise an error. */
export const decided = (m: ResolvedMention): m is ResolvedMention & { code: string } =>
  m.code !== undefined && (m.resolvedBy === 'unique' || m.resolvedBy === 'context');

/**
 * Mentions of one sentence, resolved with each other and with the unit's
 * region and its ancestors as context: 河北 in a 天津 unit is 天津's 河北区,
 * 鼓楼区 in a 南京 unit is 南京's, 和平区 in a 天津市河北区 unit is 天津's.
 * A name the context does not single out (鼓楼区 in a 天津 unit) stays
 * unresolved and is never reported.
 */
export function sentenceMentions(g: Gazetteer, text: string, region: string | undefined): ResolvedMention[] {
  const found = findPlaces(g, text);
  if (found.length === 0) return [];
  if (region === undefined) return resolveMentions(g, found);
  return resolveWithRegion(g, found, region);
}

function resolveWithRegion(g: Gazetteer, found: readonly PlaceMention[], region: string): ResolvedMention[] {
  return resolveMentions(g, found, regionContext(g, region));
}

const regionContexts = new WeakMap<Gazetteer, Map<string, readonly string[]>>();

/** The region and the divisions enclosing it: context that confirms readings (cached per region). */
function regionContext(g: Gazetteer, region: string): readonly string[] {
  let byRegion = regionContexts.get(g);
  if (!byRegion) {
    byRegion = new Map();
    regionContexts.set(g, byRegion);
  }
  let codes = byRegion.get(region);
  if (!codes) {
    codes = [region, ...ancestors(g, region).map((p) => p.code)];
    byRegion.set(region, codes);
  }
  return codes;
}

/**
 * Whether resolving could make this mention a division outside `region`: it
 * has a strong foreign reading, or a weak foreign reading whose parent is the
 * region or encloses it (so the region's anchors could confirm it, as 邯郸
 * confirms 峰峰 in a 丛台区 unit). A weak reading under an unrelated parent
 * needs that parent named in the sentence, which is then itself foreign.
 */
function mayBeForeign(g: Gazetteer, senses: readonly Sense[], region: string): boolean {
  for (const s of senses) {
    if (isSameOrRelated(g, s.code, region)) continue;
    if (!s.weak) return true;
    const parent = g.byCode.get(s.code)?.parent;
    if (parent !== undefined && isSameOrRelated(g, parent, region)) return true;
  }
  return false;
}

/** Adjacent mentions (河北石家庄) form one run. */
export function runsOf(mentions: readonly ResolvedMention[]): ResolvedMention[][] {
  const runs: ResolvedMention[][] = [];
  for (const m of mentions) {
    const last = runs.at(-1);
    if (last && last.at(-1)!.end === m.start) last.push(m);
    else runs.push([m]);
  }
  return runs;
}

/** Ranges [open, close] of quoted text in a sentence. */
function quotedRanges(text: string, c: RegionCues): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    if (c.quoteOpen[text.charCodeAt(i)] === 0) continue;
    const close = c.quoteClose.get(text.charCodeAt(i))!;
    const j = text.indexOf(close, i + 1);
    if (j < 0) continue;
    out.push([i, j]);
    i = j;
  }
  return out;
}

export interface SentenceView {
  readonly text: string;
  readonly mentions: readonly ResolvedMention[];
  readonly runs: readonly ResolvedMention[][];
  /** Lazily computed sentence-wide facts. */
  quoted?: Array<[number, number]>;
  sentenceCue?: boolean;
}

/** How much text after a place the after-patterns look at (markers and institution names are short). */
const AFTER_WINDOW = 32;

function clauseBounds(c: RegionCues, text: string, start: number, end: number): [number, number] {
  let a = start;
  while (a > 0 && c.breaks[text.charCodeAt(a - 1)] === 0) a--;
  let b = end;
  while (b < text.length && c.breaks[text.charCodeAt(b)] === 0) b++;
  return [a, b];
}

/**
 * Why the run is not the subject's place, if something says so: 'name' when
 * it is part of a name (quoted, or people / an organisation from there),
 * 'purpose' when the text names the place on purpose (a referral, an example
 * list, a comparison, a partnership, a list of places).
 */
export function deliberate(c: RegionCues, view: SentenceView, runIndex: number): 'name' | 'purpose' | undefined {
  const { text, runs } = view;
  const run = runs[runIndex]!;
  const start = run[0]!.start;
  const end = run.at(-1)!.end;

  view.quoted ??= quotedRanges(text, c);
  if (view.quoted.some(([a, b]) => start > a && end <= b)) return 'name';

  // 石家庄患者 / 石家庄市民 (the trie took 石家庄市) / 淮北矿业集团.
  const after = text.slice(end, end + AFTER_WINDOW);
  if (c.notSubjectAfter.test(after)) return 'name';
  if (run.at(-1)!.text.endsWith('市') && c.notSubjectAfter.test('市' + after)) return 'name';

  view.sentenceCue ??= c.sentenceCues.some((re) => re.test(text));
  if (view.sentenceCue) return 'purpose';

  const [ca, cb] = clauseBounds(c, text, start, end);
  const before = text.slice(ca, start);
  const rest = text.slice(end, cb);
  if (c.referralBefore?.test(before)) return 'purpose';
  for (const f of c.frames) if (f.before.test(before) && (!f.after || f.after.test(rest))) return 'purpose';
  if (c.exampleBefore?.test(before)) return 'purpose';
  if (c.exampleAfter.test(rest)) return 'purpose';
  if (c.comparisonBefore?.test(before)) return 'purpose';

  // 邯郸和石家庄…, 淮北、淮南…: several places on purpose.
  const prev = runs[runIndex - 1];
  const next = runs[runIndex + 1];
  if (prev && c.coordinators.has(text.slice(prev.at(-1)!.end, start).trim())) return 'purpose';
  if (next && c.coordinators.has(text.slice(end, next[0]!.start).trim())) return 'purpose';
  return undefined;
}

/** True when the run is where the sentence puts its subject: "<place>医保", "<place>有几家医院", "<place>市第一医院". */
function carriesSubject(c: RegionCues, view: SentenceView, runIndex: number, leadEnd: number): boolean {
  const { text, runs } = view;
  const run = runs[runIndex]!;
  if (run[0]!.start < leadEnd) return true;
  const end = run.at(-1)!.end;
  const after = text.slice(end, end + AFTER_WINDOW);
  if (c.subjectAfter.test(after)) return true;
  const inst = c.institutionAfter.exec(after);
  if (inst) {
    // No other place inside the name: 石家庄患者常到邯郸市中心医院 is not a 石家庄 hospital.
    const next = runs[runIndex + 1];
    if (!next || next[0]!.start >= end + inst[0].length) return true;
  }
  return false;
}

/**
 * Places in a body sentence outside `region` (neither it nor an ancestor or
 * descendant), each with whether it carries the subject and whether it is
 * named on purpose. `leadEnd` is how far into the sentence the unit's lead
 * reaches (0 when the sentence is not the lead).
 */
export function foreignPlaces(g: Gazetteer, c: RegionCues, text: string, region: string, leadEnd: number): ForeignPlace[] {
  // Most sentences name no place, or only places related to the region, or
  // everyday words that are weak place names (平原, 江南): settle those from
  // the trie's readings without resolving anything.
  const found = findPlacesIf(g, text, (senses) => mayBeForeign(g, senses, region));
  if (found === undefined) return [];
  const mentions = resolveWithRegion(g, found, region);
  if (!mentions.some((m) => decided(m) && !isSameOrRelated(g, m.code, region))) return [];
  const view: SentenceView = { text, mentions, runs: runsOf(mentions) };
  const out: ForeignPlace[] = [];
  for (let i = 0; i < view.runs.length; i++) {
    // The run's decided places outside the region, and the deepest of them (the first on a tie).
    let codes: string[] | undefined;
    let first: ResolvedMention | undefined;
    let last: ResolvedMention | undefined;
    let code = '';
    for (const m of view.runs[i]!) {
      if (!decided(m) || isSameOrRelated(g, m.code, region)) continue;
      if (codes === undefined) {
        codes = [];
        first = m;
        code = m.code;
      } else if (depthOf(g, m.code) > depthOf(g, code)) code = m.code;
      codes.push(m.code);
      last = m;
    }
    if (codes === undefined) continue;
    const why = deliberate(c, view, i);
    out.push({
      start: first!.start,
      end: last!.end,
      code,
      codes,
      subject: carriesSubject(c, view, i, leadEnd),
      deliberate: why !== undefined,
      onPurpose: why === 'purpose',
    });
  }
  return out;
}

/** A place reported in one sentence of a unit. */
export interface PlaceConflict {
  readonly sentence: Sentence;
  readonly start: number;
  readonly end: number;
  readonly code: string;
}

/**
 * The conflicts of one unit's body sentences (in document order; the first
 * is the lead when `titled`). A place named on purpose anywhere in the unit
 * (可到省会兰州就医) covers every other mention of it and of places related
 * to it in the unit (兰州市第一人民医院 in the next sentence); each
 * division is reported once per sentence.
 */
export function unitConflicts(
  g: Gazetteer,
  c: RegionCues,
  sentences: readonly Sentence[],
  region: string,
  titled: boolean,
): PlaceConflict[] {
  // Most units name no foreign place at all: nothing is allocated for them.
  let found: Array<{ readonly sentence: Sentence; readonly places: readonly ForeignPlace[] }> | undefined;
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    const places = foreignPlaces(g, c, sentence.text, region, titled && i === 0 ? leadLength(c, sentence.text) : 0);
    if (places.length > 0) (found ??= []).push({ sentence, places });
  }
  if (found === undefined) return [];
  const onPurpose: string[] = [];
  for (const f of found) for (const p of f.places) if (p.onPurpose) for (const x of p.codes) if (!onPurpose.includes(x)) onPurpose.push(x);
  const out: PlaceConflict[] = [];
  for (const { sentence, places } of found) {
    const seen = new Set<string>();
    for (const p of places) {
      if (!p.subject || p.deliberate || seen.has(p.code)) continue;
      if (onPurpose.length > 0 && p.codes.some((x) => onPurpose.some((y) => isSameOrRelated(g, x, y)))) continue;
      seen.add(p.code);
      out.push({ sentence, start: p.start, end: p.end, code: p.code });
    }
  }
  return out;
}

/** How far into its text a unit's lead sentence is read. */
function leadLength(c: RegionCues, text: string): number {
  let end = Math.min(text.length, c.leadMaxChars);
  for (const stop of c.leadStops) {
    const i = text.indexOf(stop);
    if (i >= 0 && i < end) end = i;
  }
  return end;
}
