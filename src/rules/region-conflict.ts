/**
 * region-conflict: a unit's body puts its subject in a place that conflicts
 * with the unit's region, or a region-scoped registry claim is stated for
 * another region.
 *
 * The unit's region comes from src/region/unit-region.ts. Each body sentence
 * of a unit with a region is scanned once with the gazetteer's trie; a place
 * is reported only when (1) it resolves to one division without help from a
 * data default, (2) that division is neither the region nor an ancestor or
 * descendant of it, (3) the place carries the unit's subject and (4) no cue
 * says it is elsewhere on purpose. Word lists live in data/region-conflict.yaml
 * and can be replaced through the rule's options.
 */
import { msg } from '../i18n/message.js';
import { loadDataFile } from '../data-file.js';
import type { FileRule, RelatedSpec } from '../kernel/rule.js';
import type { Article, Sentence, TextSpan } from '../types.js';
import { citeSource } from '../registry/types.js';
import { packagePath } from '../paths.js';
import { ancestors, depthOf, displayName, isAncestor, isSameOrRelated, loadGazetteer, type Gazetteer, type Sense } from '../region/gazetteer.js';
import { findPlaces, findPlacesIf, resolveMentions, type PlaceMention, type ResolvedMention } from '../region/matcher.js';
import { namedRegion, unitRegions, type UnitRegion } from '../region/unit-region.js';
import { buildProblems, patternListProblems } from './option-patterns.js';
import { escapeClassChars, wordAlternation as alternatives } from '../text/regex.js';
import { codeUnitTable } from '../text/code-units.js';

// ------------------------------------------------------------------ settings

interface Frame {
  readonly before: readonly string[];
  readonly after?: readonly string[];
}

/** The data file's shape; every key is also an option of the rule. */
export interface RegionConflictSettings {
  readonly clauseBreaks: string;
  readonly quotes: readonly string[];
  readonly leadStops: string;
  readonly leadMaxChars: number;
  readonly subjectJoiners: readonly string[];
  readonly subjectMarkers: readonly string[];
  readonly institutions: readonly string[];
  readonly institutionWindow: number;
  readonly notSubjectPatterns: readonly string[];
  readonly referralSentenceCues: readonly string[];
  readonly referralBefore: readonly string[];
  readonly window: number;
  readonly referralFrames: readonly Frame[];
  readonly exampleBefore: readonly string[];
  readonly exampleAfter: readonly string[];
  readonly comparisonCues: readonly string[];
  readonly comparisonBefore: readonly string[];
  readonly relationCues: readonly string[];
  readonly coordinators: readonly string[];
  readonly localWords: readonly string[];
}

const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const count = { type: 'integer', minimum: 0 } as const;

/** JSON Schema of the options: the keys of data/region-conflict.yaml. */
const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    clauseBreaks: { type: 'string' },
    quotes: { type: 'array', items: { type: 'string', minLength: 2, maxLength: 2 } },
    leadStops: { type: 'string' },
    leadMaxChars: count,
    subjectJoiners: stringList,
    subjectMarkers: stringList,
    institutions: stringList,
    institutionWindow: count,
    notSubjectPatterns: stringList,
    referralSentenceCues: stringList,
    referralBefore: stringList,
    window: count,
    referralFrames: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['before'],
        properties: { before: stringList, after: stringList },
      },
    },
    exampleBefore: stringList,
    exampleAfter: stringList,
    comparisonCues: stringList,
    comparisonBefore: stringList,
    relationCues: stringList,
    coordinators: stringList,
    localWords: stringList,
  },
} as const;

/** The data file: every key of the options required, and its `version`. */
const dataFileSchema = {
  ...schema,
  properties: { ...schema.properties, version: { type: 'integer' } },
  required: Object.keys(schema.properties),
} as const;

let defaults: RegionConflictSettings | undefined;

/** Defaults from data/region-conflict.yaml (read and checked once). */
export function defaultSettings(): RegionConflictSettings {
  if (!defaults) {
    const { version: _version, ...settings } = loadDataFile<RegionConflictSettings & { version?: number }>(
      packagePath('data', 'region-conflict.yaml'),
      dataFileSchema,
    );
    defaults = settings;
  }
  return defaults;
}

/** Compiled form: every list joined into one regex, built once per settings object. */
export interface Compiled {
  /** 1 for each UTF-16 code unit that ends a clause. */
  readonly breaks: Uint8Array;
  /** 1 for each code unit that opens a quote; its closing mark is in quoteClose. */
  readonly quoteOpen: Uint8Array;
  readonly quoteClose: ReadonlyMap<number, string>;
  readonly leadStops: string;
  readonly leadMaxChars: number;
  /** At the start of the text after a place: joiners then a subject marker. */
  readonly subjectAfter: RegExp;
  /** At the start of the text after a place: a short run of name characters ending in an institution word. */
  readonly institutionAfter: RegExp;
  readonly notSubjectAfter: RegExp;
  readonly referralSentence?: RegExp;
  /** At the end of the clause text before a place. */
  readonly referralBefore?: RegExp;
  readonly frames: ReadonlyArray<{ readonly before: RegExp; readonly after?: RegExp }>;
  readonly exampleBefore?: RegExp;
  /** At the start of the clause text after a place. */
  readonly exampleAfter: RegExp;
  readonly comparison?: RegExp;
  readonly comparisonBefore?: RegExp;
  readonly relation?: RegExp;
  /** referralSentence, comparison and relation, those that are set: any of them anywhere in a sentence. */
  readonly sentenceCues: readonly RegExp[];
  readonly coordinators: ReadonlySet<string>;
  readonly local?: RegExp;
}

const anyOf = (words: readonly string[]): RegExp | undefined => (words.length ? new RegExp(alternatives(words), 'u') : undefined);
const NEVER = /(?!)/u;

function compile(s: RegionConflictSettings): Compiled {
  const breaks = new Set([...s.clauseBreaks]);
  const notBreak = `[^${escapeClassChars([...breaks].join(''))}]`;
  const endOf = (words: readonly string[], gap: number): RegExp | undefined =>
    words.length ? new RegExp(`(?:${alternatives(words)})${notBreak}{0,${gap}}$`, 'u') : undefined;
  const joiners = s.subjectJoiners.length ? `(?:${alternatives(s.subjectJoiners)}){0,2}` : '';
  // Institution names are runs of letters: no punctuation, no spaces.
  const nameChar = '[^\\s\\p{P}\\p{S}]';
  const referralSentence = anyOf(s.referralSentenceCues);
  const comparison = anyOf(s.comparisonCues);
  const relation = anyOf(s.relationCues);
  return {
    breaks: codeUnitTable([...breaks]),
    quoteOpen: codeUnitTable(s.quotes.map((q) => q[0]!)),
    quoteClose: new Map(s.quotes.map((q) => [q.charCodeAt(0), q[1]!])),
    leadStops: s.leadStops,
    leadMaxChars: s.leadMaxChars,
    subjectAfter: s.subjectMarkers.length ? new RegExp(`^${joiners}(?:${alternatives(s.subjectMarkers)})`, 'u') : NEVER,
    institutionAfter: s.institutions.length
      ? new RegExp(`^${nameChar}{0,${s.institutionWindow}}?(?:${alternatives(s.institutions)})`, 'u')
      : NEVER,
    notSubjectAfter: s.notSubjectPatterns.length ? new RegExp(`^(?:${s.notSubjectPatterns.join('|')})`, 'u') : NEVER,
    ...opt('referralSentence', referralSentence),
    ...opt('referralBefore', endOf(s.referralBefore, s.window)),
    frames: s.referralFrames.flatMap((f) => {
      const before = endOf(f.before, s.window);
      if (!before) return [];
      const after = f.after && f.after.length ? new RegExp(alternatives(f.after), 'u') : undefined;
      return [after ? { before, after } : { before }];
    }),
    ...opt('exampleBefore', anyOf(s.exampleBefore)),
    exampleAfter: new RegExp(
      `^${notBreak}*?(?:${s.exampleAfter.length ? alternatives(s.exampleAfter) + '|' : ''}等$)`,
      'u',
    ),
    ...opt('comparison', comparison),
    ...opt('comparisonBefore', s.comparisonBefore.length ? new RegExp(`(?:${alternatives(s.comparisonBefore)})$`, 'u') : undefined),
    ...opt('relation', relation),
    coordinators: new Set(s.coordinators),
    ...opt('local', anyOf(s.localWords)),
    sentenceCues: [referralSentence, comparison, relation].filter((re) => re !== undefined),
  };
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

const compiledCache = new WeakMap<object, Compiled>();

/** Settings for the given options (each key replaces the default), compiled once per options object. */
function compiledFor(options: Readonly<Record<string, unknown>>): Compiled {
  let c = compiledCache.get(options);
  if (!c) {
    c = compile({ ...defaultSettings(), ...(options as Partial<RegionConflictSettings>) });
    compiledCache.set(options, c);
  }
  return c;
}

// ------------------------------------------------------------- the judgement

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
const decided = (m: ResolvedMention): m is ResolvedMention & { code: string } =>
  m.code !== undefined && (m.resolvedBy === 'unique' || m.resolvedBy === 'context');

/**
 * Mentions of one sentence, resolved with each other and with the unit's
 * region and its ancestors as context: 河北 in a 天津 unit is 天津's 河北区,
 * 鼓楼区 in a 南京 unit is 南京's, 和平区 in a 天津市河北区 unit is 天津's.
 * A name the context does not single out (鼓楼区 in a 天津 unit) stays
 * unresolved and is never reported.
 */
function sentenceMentions(g: Gazetteer, text: string, region: string | undefined): ResolvedMention[] {
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
function runsOf(mentions: readonly ResolvedMention[]): ResolvedMention[][] {
  const runs: ResolvedMention[][] = [];
  for (const m of mentions) {
    const last = runs.at(-1);
    if (last && last.at(-1)!.end === m.start) last.push(m);
    else runs.push([m]);
  }
  return runs;
}

/** Ranges [open, close] of quoted text in a sentence. */
function quotedRanges(text: string, c: Compiled): Array<[number, number]> {
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

interface SentenceView {
  readonly text: string;
  readonly mentions: readonly ResolvedMention[];
  readonly runs: readonly ResolvedMention[][];
  /** Lazily computed sentence-wide facts. */
  quoted?: Array<[number, number]>;
  sentenceCue?: boolean;
}

/** How much text after a place the after-patterns look at (markers and institution names are short). */
const AFTER_WINDOW = 32;

function clauseBounds(c: Compiled, text: string, start: number, end: number): [number, number] {
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
function deliberate(c: Compiled, view: SentenceView, runIndex: number): 'name' | 'purpose' | undefined {
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
function carriesSubject(c: Compiled, view: SentenceView, runIndex: number, leadEnd: number): boolean {
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
export function foreignPlaces(g: Gazetteer, c: Compiled, text: string, region: string, leadEnd: number): ForeignPlace[] {
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
  c: Compiled,
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
function leadLength(c: Compiled, text: string): number {
  let end = Math.min(text.length, c.leadMaxChars);
  for (const stop of c.leadStops) {
    const i = text.indexOf(stop);
    if (i >= 0 && i < end) end = i;
  }
  return end;
}

// ------------------------------------------------------- region-scoped claims

const scopeCodes = new Map<string, string | undefined>();

function scopeCode(g: Gazetteer, region: string): string | undefined {
  if (!scopeCodes.has(region)) scopeCodes.set(region, namedRegion(g, region).code);
  return scopeCodes.get(region);
}

const within = (g: Gazetteer, code: string, scope: string): boolean => code === scope || isAncestor(g, scope, code);

// ------------------------------------------------------------------ the rule

/** Which message reports a body place against the unit's region: the title's, or front matter's when no title names it. */
function regionMessageId(r: UnitRegion): string {
  // Name the title whenever one names the region, even when front matter declares it too.
  return r.source === 'front-matter' && r.titleUnit === undefined ? 'region-conflict.front-matter-place' : 'region-conflict.title-place';
}

export const regionConflict: FileRule = {
  scope: 'file',
  meta: {
    id: 'region-conflict',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'A unit’s body puts its subject in a region that conflicts with its title or front-matter region, or states a region-scoped claim for another region.',
    docs:
      'Region of a unit: front matter `region`, else the places its own title names, else its enclosing section or article ' +
      '(blocks of a scraped page inherit only a declared region). A title naming places with no single region among them ' +
      '(阜阳医保在合肥住院报销流程, 淮北淮南哪个发达) is about several places on purpose: the unit is not judged; so is a section ' +
      'whose heading names a place unrelated to the declared region. A title naming a place and places inside it ' +
      '(安徽分淮南淮北还是皖南皖北) is about the enclosing place. ' +
      'A body place is reported when all of these hold: (1) it resolves to one division — by a unique name or by a related place ' +
      'nearby; ambiguous names (吉林, 朝阳, 鼓楼区) without such context and data defaults are never used; (2) that division is ' +
      'neither the unit’s region nor an ancestor or descendant of it (a sibling city or county, another province); (3) it carries ' +
      'the subject: it stands in the unit’s lead (the first body sentence of a unit whose own title names the region, up to the ' +
      'first colon and `leadMaxChars`), or it is followed by a subject marker (“<place>有几家医院”, “<place>医保”, “<place>的政策”; ' +
      '`subjectMarkers`, after `subjectJoiners`), or it starts an institution name (“<place>市第一医院”; `institutions` within ' +
      '`institutionWindow` characters, no other place between); (4) nothing says it is named on purpose: it is not inside quotes ' +
      '(《…》, 「…」, “…”), not followed by people or organisation words (石家庄患者, 淮北矿业集团; `notSubjectPatterns`), the ' +
      'sentence has no referral, comparison or partnership cue (异地就医, 转诊, 对比, 哪个, 合作…), and its clause has no referral ' +
      '(前往…, 推荐选择…地区, 可到…就医), example-list (例如, 比如, 如 …, …等地, …等城市) or comparison (比…) cue, and it is not ' +
      'coordinated with another place (邯郸和石家庄, 淮北、淮南). A place named on purpose anywhere in a unit covers its other ' +
      'mentions, and places related to it, in that unit (可到省会兰州就医 … 兰州市第一人民医院). Each division is reported once per ' +
      'sentence, on the span of the place. ' +
      'A registry claim scoped to a region is reported when a sentence supports it in a unit about another region (including an ' +
      'enclosing one) or with no region at all, as if national; a place named in the sentence itself decides first, and a sentence ' +
      'with a local word (当地, 部分地区, 本市…) is not read as national. ' +
      'Every word list is in data/region-conflict.yaml and can be replaced with the same key under the rule’s options. ' +
      'Fix: correct the place in the sentence, or the title/front-matter region; for a deliberate mention, say so (可前往…, 例如…).',
    schema,
    checkOptions: (options) => {
      const patterns = patternListProblems(options, 'notSubjectPatterns');
      return patterns.length ? patterns : buildProblems(() => compile({ ...defaultSettings(), ...(options as Partial<RegionConflictSettings>) }));
    },
  },
  create(context) {
    const g = loadGazetteer();
    const c = compiledFor(context.options);
    let regions: readonly UnitRegion[] = [];

    const titleRelated = (r: UnitRegion, article: Article): RelatedSpec[] => {
      const title = r.titleUnit !== undefined ? article.units[r.titleUnit]?.title : undefined;
      return title ? [{ file: context.file, span: title.span, excerpt: title.text, message: msg('region-conflict.related-title') }] : [];
    };

    return {
      article(article) {
        regions = unitRegions(article, g);
        // Whole units at once: a referral later in a unit covers an earlier mention of the same place.
        const bodies = new Map<number, Sentence[]>();
        for (const s of article.sentences) {
          if (s.isTitle || regions[s.unitIndex]?.code === undefined) continue;
          const list = bodies.get(s.unitIndex);
          if (list) list.push(s);
          else bodies.set(s.unitIndex, [s]);
        }
        for (const [unitIndex, sentences] of bodies) {
          const r = regions[unitIndex]!;
          for (const p of unitConflicts(g, c, sentences, r.code!, r.titleUnit === unitIndex)) {
            context.report({
              node: p.sentence,
              range: [p.start, p.end],
              messageId: regionMessageId(r),
              data: { region: displayName(g, r.code!), place: displayName(g, p.code) },
              related: titleRelated(r, article),
            });
          }
        }
      },

      verdict(v) {
        if (v.kind !== 'supported') return;
        const compiled = context.registry.byId.get(v.record.claimId);
        const scope = compiled?.claim.scope;
        if (!compiled || scope === undefined || scope === 'national') return;
        const scoped = scopeCode(g, scope.region);
        if (scoped === undefined) return;
        const claim = compiled.claim;
        const r = regions[v.record.unitIndex] ?? { mixed: false };
        if (r.mixed) return;
        const sentence: TextSpan = v.record.sentence;
        const head = { scope: displayName(g, scoped), claimId: claim.id };
        const extra = { claimId: claim.id, expected: claim.statement, source: citeSource(claim.source) };

        // A place the sentence names itself decides first.
        const mentions = sentenceMentions(g, sentence.text, r.code);
        const view: SentenceView = { text: sentence.text, mentions, runs: runsOf(mentions) };
        const named: Array<{ code: string; start: number; end: number }> = [];
        view.runs.forEach((run, i) => {
          const places = run.filter(decided);
          if (places.length === 0 || deliberate(c, view, i)) return;
          const deepest = places.reduce((a, b) => (depthOf(g, b.code) > depthOf(g, a.code) ? b : a));
          named.push({ code: deepest.code, start: places[0]!.start, end: places.at(-1)!.end });
        });
        if (named.some((p) => within(g, p.code, scoped))) return;
        const place = named[0];
        if (place) {
          context.report({
            node: sentence,
            range: [place.start, place.end],
            messageId: 'region-conflict.scoped-sentence',
            data: { ...head, place: displayName(g, place.code) },
            ...extra,
          });
          return;
        }

        const cueStart = v.record.cue.span.start - sentence.span.start;
        const range: [number, number] = [cueStart, cueStart + v.record.cue.text.length];
        if (r.code !== undefined) {
          if (within(g, r.code, scoped)) return;
          context.report({
            node: sentence,
            range,
            messageId: 'region-conflict.scoped-unit',
            data: { ...head, place: displayName(g, r.code) },
            related: titleRelated(r, context.article),
            ...extra,
          });
          return;
        }
        // No region anywhere: stated as a national rule, unless the sentence says it is local.
        if (v.record.hedges.length > 0 || c.local?.test(sentence.text)) return;
        context.report({ node: sentence, range, messageId: 'region-conflict.scoped-national', data: head, ...extra });
      },
    };
  },
};

/** The compiled default settings, for tests that call foreignPlaces / unitConflicts directly. */
export function compiledDefaults(): Compiled {
  return compiledFor(EMPTY_OPTIONS);
}
const EMPTY_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({});
