// Fact extraction: reads (subject, attribute, qualifiers, conditions) → value
// records from sentences and from the "key：value" prose of scraped pages
// (缴费比例 养老保险:单位20%,个人8% …). Most sentences hold no attribute word and
// cost one word-matcher pass; the rest are tokenised once (words, quantities, places,
// years, brackets) and each quantity is bound to the attribute before it when
// only labels and fillers stand between them. See data/fact-keys.yaml.
import type { Article, FactRecord, FactValue, Quantity, Sentence, Unit } from '../types.js';
import type { Cues } from '../extract/cues.js';
import { findQuantities } from '../extract/quantity.js';
import { displayName, loadGazetteer, type Gazetteer } from '../region/gazetteer.js';
import { deepestPlace, entitiesIn, parseAddress, placesIn, type EntityHit, type PlaceHit } from './context.js';
import { loadFactKeys, type AttributeDef, type FactKeys, type Word } from './keys.js';
import type { WordHit } from '../text/word-matcher.js';
import { addressValue, gradeValue, quantityValue } from './values.js';
import { codeUnitTable, isSpace } from '../text/code-units.js';
import { pushAll } from '../arrays.js';

export interface FactServices {
  readonly keys: FactKeys;
  readonly cues: Cues;
  readonly gazetteer: Gazetteer;
}

export function defaultFactServices(cues: Cues): FactServices {
  return { keys: loadFactKeys(), cues, gazetteer: loadGazetteer() };
}

/** A qualifier word with the bracketed condition written right after it (退休人员(70周岁以下)). */
interface Label {
  readonly group: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
  condition?: string;
}

/** What a title or heading says about everything under it. */
interface Frame {
  readonly place: string | undefined;
  readonly year: number | undefined;
  /** At most one label per group (a handful of groups: a list beats a map to copy and to search). */
  readonly labels: readonly Label[];
}

function frameLabel(frame: Frame, group: string): Label | undefined {
  for (const l of frame.labels) if (l.group === group) return l;
  return undefined;
}

/**
 * Every item carries every field (unused ones undefined) and is made by
 * item(), so all items share one object shape: the loops over them read
 * properties of one shape, not of five.
 */
interface ItemFields {
  readonly start: number;
  readonly end: number;
  readonly word: Word | undefined;
  readonly q: Quantity | undefined;
  readonly place: PlaceHit | undefined;
  readonly year: number | undefined;
  readonly inner: string | undefined;
}
type Item = ItemFields &
  (
    | { readonly kind: 'word'; readonly word: Word }
    | { readonly kind: 'quantity'; readonly q: Quantity }
    | { readonly kind: 'place'; readonly place: PlaceHit }
    | { readonly kind: 'year'; readonly year: number }
    | { readonly kind: 'paren'; readonly inner: string }
  );

function item(
  kind: Item['kind'],
  start: number,
  end: number,
  word: Word | undefined,
  q: Quantity | undefined,
  place: PlaceHit | undefined,
  year: number | undefined,
  inner: string | undefined,
): Item {
  return { kind, start, end, word, q, place, year, inner } as Item;
}

const YEAR = /((?:19|20)\d{2})\s*年/gu;
const PAREN = /[（(]([^（()）]{1,24})[)）]/gu;
const CLAUSE_END = codeUnitTable('，,。；;！!？?');
const CLEAN_AFTER = /[\s\p{P}\p{S}]/u;
const COLON = /[:：]/u;
/** A heading-like line (short, no sentence-final punctuation) frames what follows, as in extractArticle. */
const FINAL_PUNCT = codeUnitTable('。！？；.!?;，,：:');
/** Organisation names end in 医院, 卫生院…: a sentence without 院 names none. */
const ENTITY_HINT = '院';
/** Longest gap between an attribute (or the previous value of its list) and a value. */
const MAX_GAP = 40;
/** Longest stretch of other words a list may skip before its next "scheme：value" item. */
const MAX_RESUME_JUNK = 10;
/** Sentences longer than this are shown by their evidence window only. */
const MAX_EVIDENCE = 100;
/** A qualifier this close before an attribute is shown with it (单位缴纳比例). */
const NEAR_LABEL = 12;
/** A list item's evidence reaches back to a carried label this close (养老保险:单位20%,个人8%). */
const NEAR_CARRIED = 24;

/** Every fact of an article, in document order. */
export function extractFacts(article: Article, services: FactServices): FactRecord[] {
  const out: FactRecord[] = [];
  const frames = new Map<number, Frame>();
  const frameOf = (index: number): Frame => {
    let f = frames.get(index);
    if (!f) {
      f = unitFrame(article, article.units[index]!, services, frameOf);
      frames.set(index, f);
    }
    return f;
  };
  // Headings and the organisation named last are only needed by the few
  // sentences that hold a fact, so both are worked out on demand.
  let headingSentence: Sentence | undefined;
  let headingFrame: { readonly of: Sentence; readonly frame: Frame } | undefined;
  const heading = (): Frame | undefined => {
    if (!headingSentence) return undefined;
    if (headingFrame?.of !== headingSentence) {
      headingFrame = { of: headingSentence, frame: textFrame(headingSentence.text, services, frameOf(headingSentence.unitIndex)) };
    }
    return headingFrame.frame;
  };
  // Sentences that may name an organisation: those from `pendingFrom` on that
  // were not read for facts (a read sentence names its own) and hold 院. Kept
  // as a range and looked through only when an address needs its owner, so
  // the common sentence costs nothing here.
  const sentences = article.sentences;
  let index = 0;
  let pendingFrom = 0;
  const readAt = new Set<number>();
  let lastEntity: EntityHit | undefined;
  const previousEntity = (): EntityHit | undefined => {
    for (let j = index - 1; j >= pendingFrom; j--) {
      if (readAt.has(j)) continue;
      const text = sentences[j]!.text;
      if (!text.includes(ENTITY_HINT)) continue;
      const found = entitiesIn(services.keys, text, placesIn(services.gazetteer, text));
      if (found.length) {
        lastEntity = found[found.length - 1];
        break;
      }
    }
    pendingFrom = index + 1;
    return lastEntity;
  };
  let currentUnit = -1;
  const { keys, cues } = services;
  for (; index < sentences.length; index++) {
    const sentence = sentences[index]!;
    if (sentence.unitIndex !== currentUnit) {
      currentUnit = sentence.unitIndex;
      headingSentence = undefined;
      pendingFrom = index;
      lastEntity = undefined;
    }
    const text = sentence.text;
    // Questions and rumours assert nothing; a sentence without a number, a grade or an address has no value to read.
    if (keys.trigger.occursIn(text) && !cues.question.test(text) && !cues.rumour.test(text)) {
      const words = keys.words.scan(text);
      const quantities = findQuantities(text);
      if (quantities.length > 0 || words.some(hasTextValue)) {
        readAt.add(index);
        const reader = new SentenceReader(article.file.path, sentence, services, frameOf(sentence.unitIndex), heading(), previousEntity, words, quantities);
        for (const f of reader.facts()) out.push(f);
        const named = reader.lastEntity();
        if (named) {
          lastEntity = named;
          pendingFrom = index + 1;
        }
      }
    }
    if (sentence.isTitle || (text.length <= 32 && !endsWithFinalPunct(text))) headingSentence = sentence;
  }
  return out;
}

/** Grades and addresses are values without a number. */
function hasTextValue(w: WordHit<Word>): boolean {
  return w.payload.kind === 'grade' || (w.payload.kind === 'attribute' && w.payload.attribute.value === 'address');
}

/** A unit's frame: its title, then (for Markdown sections) the enclosing units, then front matter. */
function unitFrame(article: Article, unit: Unit, services: FactServices, frameOf: (i: number) => Frame): Frame {
  const parent = unit.kind === 'section' && unit.parent !== undefined ? frameOf(unit.parent) : undefined;
  let declared: string | undefined;
  if (unit.declaredRegion) declared = deepestPlaceOf(services.gazetteer, unit.declaredRegion);
  const base: Frame = parent ?? { labels: NO_LABELS, place: declared || undefined, year: undefined };
  return unit.title ? textFrame(unit.title.text, services, base) : base;
}

/** Titles, headings and front-matter regions repeat across a corpus: their places are looked up once. */
const shortTextPlaces = new WeakMap<Gazetteer, Map<string, string | undefined>>();
const SHORT_TEXT_CACHE = 20_000;

function deepestPlaceOf(g: Gazetteer, text: string): string | undefined {
  let cache = shortTextPlaces.get(g);
  if (!cache) {
    cache = new Map();
    shortTextPlaces.set(g, cache);
  }
  const known = cache.get(text);
  if (known !== undefined || cache.has(text)) return known;
  const code = deepestPlace(g, placesIn(g, text));
  if (cache.size >= SHORT_TEXT_CACHE) cache.clear();
  cache.set(text, code);
  return code;
}

/** What a short text (title, heading) says by itself: its carried qualifiers (one per group), deepest place and last year. */
interface TextInfo {
  readonly labels: readonly Label[];
  readonly place: string | undefined;
  readonly year: number | undefined;
}

/**
 * Titles and headings repeat across the pages of a site (一、缴费标准), so what
 * each says is worked out once. Labels in here are shared and never changed.
 */
const textInfos = new WeakMap<FactKeys, { readonly gazetteer: Gazetteer; readonly cache: Map<string, TextInfo> }>();

function textInfo(text: string, services: FactServices): TextInfo {
  const { keys, gazetteer } = services;
  let entry = textInfos.get(keys);
  if (!entry || entry.gazetteer !== gazetteer) {
    entry = { gazetteer, cache: new Map() };
    textInfos.set(keys, entry);
  }
  const known = entry.cache.get(text);
  if (known) return known;
  const labels: Label[] = [];
  for (const w of keys.words.scan(text)) {
    if (w.payload.kind !== 'qualifier') continue;
    if (keys.groups.get(w.payload.group)?.carry !== 'context') continue;
    const label: Label = { group: w.payload.group, value: w.payload.value, start: -1, end: -1 };
    const k = labels.findIndex((l) => l.group === label.group);
    if (k >= 0) labels[k] = label;
    else labels.push(label);
  }
  let year: number | undefined;
  if (text.includes('年')) {
    YEAR.lastIndex = 0;
    for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) year = Number(m[1]);
  }
  const info: TextInfo = { labels, place: deepestPlace(gazetteer, placesIn(gazetteer, text)), year };
  if (entry.cache.size >= SHORT_TEXT_CACHE) entry.cache.clear();
  entry.cache.set(text, info);
  return info;
}

/** The place, year and carried qualifiers a short text (title, heading) sets, over `base`. */
function textFrame(text: string, services: FactServices, base: Frame): Frame {
  const info = textInfo(text, services);
  // Frames are never changed once made: one without qualifiers of its own shares its base's.
  let labels = base.labels;
  if (info.labels.length > 0) {
    const merged = base.labels.slice();
    for (const label of info.labels) {
      const k = merged.findIndex((l) => l.group === label.group);
      if (k >= 0) merged[k] = label;
      else merged.push(label);
    }
    labels = merged;
  }
  const place = info.place ?? base.place;
  return { labels, place: place || undefined, year: info.year ?? base.year };
}

const NO_LABELS: readonly Label[] = [];



/** text[from, to) is empty or all whitespace (as /^\s*$/ on the slice). */
function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** The last character before trailing whitespace is sentence-final punctuation (as /[。！？；.!?;，,：:]\s*$/u). */
function endsWithFinalPunct(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  return i >= 0 && FINAL_PUNCT[text.charCodeAt(i)] === 1;
}

interface ChainState {
  lastEnd: number;
  alive: boolean;
  count: number;
}

interface GapReading {
  readonly ok: boolean;
  readonly labels: Label[];
  readonly places: PlaceHit[];
  readonly conditions: string[];
  readonly colon: boolean;
  /** Where the clean tail starts when the gap has other words in it (for list resumption). */
  readonly junkEnd: number;
  readonly junkLength: number;
  readonly hardJunk: boolean;
}

/** One sentence, tokenised once, read for facts. */
class SentenceReader {
  private readonly text: string;
  private readonly items: Item[];
  private readonly words: WordHit<Word>[];
  private readonly places: PlaceHit[];
  private readonly entities: EntityHit[];
  /** Qualifier words outside brackets, in order (read once per group of every value). */
  private readonly qualifiers: readonly Label[];

  constructor(
    private readonly file: string,
    private readonly sentence: Sentence,
    private readonly services: FactServices,
    private readonly unit: Frame,
    private readonly heading: Frame | undefined,
    private readonly previousEntity: () => EntityHit | undefined,
    words: WordHit<Word>[],
    quantities: readonly Quantity[],
  ) {
    const { keys, gazetteer } = services;
    const text = sentence.text;
    this.text = text;
    this.words = words;
    this.places = placesIn(gazetteer, text);
    this.entities = entitiesIn(keys, text, this.places);
    const items: Item[] = [];
    for (const w of this.words) items.push(item('word', w.start, w.end, w.payload, undefined, undefined, undefined, undefined));
    for (const q of quantities) items.push(item('quantity', q.span.start, q.span.end, undefined, q, undefined, undefined, undefined));
    for (const p of this.places) items.push(item('place', p.start, p.end, undefined, undefined, p, undefined, undefined));
    if (text.includes('年')) {
      YEAR.lastIndex = 0;
      for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) {
        items.push(item('year', m.index, m.index + m[0].length, undefined, undefined, undefined, Number(m[1]), undefined));
      }
    }
    const parens: Item[] = [];
    if (text.includes('(') || text.includes('（')) {
      PAREN.lastIndex = 0;
      for (let m = PAREN.exec(text); m; m = PAREN.exec(text)) parens.push(item('paren', m.index, m.index + m[0].length, undefined, undefined, undefined, undefined, m[1]!));
    }
    // What is inside brackets is a condition or an aside, never a value or a label of its own.
    const outside = parens.length ? items.filter((it) => !parens.some((p) => it.start >= p.start && it.end <= p.end)) : items;
    for (const p of parens) outside.push(p);
    this.items = sortItems(outside);
    const qualifiers: Label[] = [];
    for (const it of this.items) if (it.kind === 'word' && it.word.kind === 'qualifier') qualifiers.push({ group: it.word.group, value: it.word.value, start: it.start, end: it.end });
    this.qualifiers = qualifiers;
  }

  lastEntity(): EntityHit | undefined {
    return this.entities[this.entities.length - 1];
  }

  facts(): FactRecord[] {
    const out = this.quantityFacts();
    for (const f of this.gradeFacts()) out.push(f);
    for (const f of this.addressFacts()) out.push(f);
    return out;
  }

  // ---- quantities -------------------------------------------------------

  private quantityFacts(): FactRecord[] {
    const out: FactRecord[] = [];
    const chains = new Map<number, ChainState>();
    for (let i = 0; i < this.items.length; i++) {
      const it = this.items[i]!;
      if (it.kind !== 'quantity') continue;
      const q = it.q;
      const next = this.items[i + 1];
      // 1800元起付: an attribute written right after the value.
      if (next?.kind === 'word' && next.word.kind === 'attribute' && next.word.after && blank(this.text, q.span.end, next.start)) {
        const attr = next.word.attribute;
        if (!attr.kinds.has(q.kind)) continue;
        const from = this.prefixStart(q.span.start);
        const prefix = this.readLabels(from, q.span.start);
        pushAll(out, this.build(attr, q, { labels: prefix.labels, places: prefix.places, conditions: prefix.conditions }, undefined, from, next.end, false));
        continue;
      }
      if (!this.endsCleanly(q.span.end)) continue;
      const a = this.attributeBefore(i);
      if (!a || a.word.kind !== 'attribute' || a.word.after) continue;
      const attr = a.word.attribute;
      let chain = chains.get(a.start);
      if (!chain) {
        chain = { lastEnd: a.end, alive: true, count: 0 };
        chains.set(a.start, chain);
      }
      if (!chain.alive) continue;
      // 由7.5%降至6.5%: the value after 由/从 is the old one; the list goes on after it.
      const before = this.items[i - 1];
      if (before?.kind === 'word' && before.word.kind === 'changeFrom' && blank(this.text, before.end, q.span.start)) {
        const gap = this.readGap(chain.lastEnd, before.start);
        if (gap.ok) chain.lastEnd = q.span.end;
        else chain.alive = false;
        continue;
      }
      if (!attr.kinds.has(q.kind)) {
        chain.alive = false;
        continue;
      }
      let gap = this.readGap(chain.lastEnd, q.span.start);
      if (!gap.ok || q.span.start - chain.lastEnd > MAX_GAP) {
        const resumed = chain.count > 0 ? this.resume(gap, q.span.start) : undefined;
        if (!resumed) {
          chain.alive = false;
          continue;
        }
        gap = resumed;
      }
      const from = this.prefixStart(a.start);
      const prefix = this.readLabels(from, a.start);
      // Evidence: the attribute (with a qualifier just before it) to the value for
      // a list's first item; a later item from its own labels.
      const near = prefix.labels.find((l) => a.start - l.start <= NEAR_LABEL);
      const head = chain.count === 0 ? (near ? near.start : a.start) : chain.lastEnd + leadingSpace(this.text, chain.lastEnd);
      chain.lastEnd = q.span.end;
      chain.count++;
      pushAll(out, this.build(attr, q, gap, prefix, head, q.span.end, gap.colon, a.start));
    }
    return out;
  }

  /** The nearest attribute word before item i. */
  private attributeBefore(i: number): (Item & { kind: 'word' }) | undefined {
    for (let j = i - 1; j >= 0; j--) {
      const it = this.items[j]!;
      if (it.kind === 'word' && it.word.kind === 'attribute') return it;
    }
    return undefined;
  }

  /** Where the labels of a value or attribute at `at` may start: after the last clause end, value or attribute. */
  private prefixStart(at: number): number {
    let from = 0;
    for (const it of this.items) {
      if (it.start >= at) break;
      if (it.kind === 'quantity' || (it.kind === 'word' && (it.word.kind === 'attribute' || it.word.kind === 'break'))) from = it.end;
    }
    for (let k = at - 1; k >= from; k--) {
      if (CLAUSE_END[this.text.charCodeAt(k)] === 1) return k + 1;
    }
    return from;
  }

  /** A value must end where its phrase ends (3万元内职工自付… is not a value of its own). */
  private endsCleanly(end: number): boolean {
    if (end >= this.text.length) return true;
    return CLEAN_AFTER.test(this.text[end]!) || this.items.some((it) => it.start === end);
  }

  /** Labels, places and bracketed conditions between from and to, however much else is there. */
  private readLabels(from: number, to: number): { labels: Label[]; places: PlaceHit[]; conditions: string[] } {
    const labels: Label[] = [];
    const places: PlaceHit[] = [];
    const conditions: string[] = [];
    for (const it of this.items) {
      if (it.start < from) continue;
      if (it.end > to) break;
      if (it.kind === 'word' && it.word.kind === 'qualifier') labels.push({ group: it.word.group, value: it.word.value, start: it.start, end: it.end });
      else if (it.kind === 'place') places.push(it.place);
      else if (it.kind === 'paren') this.attachCondition(labels, conditions, it);
    }
    return { labels, places, conditions };
  }

  /** A bracket right after a qualifier word qualifies it; anywhere else it is a condition of the value. */
  private attachCondition(labels: Label[], conditions: string[], it: Item & { kind: 'paren' }): void {
    const last = labels[labels.length - 1];
    const cond = normaliseCondition(it.inner);
    if (last && blank(this.text, last.end, it.start)) last.condition = cond;
    else conditions.push(cond);
  }

  /** Reads what stands between an attribute (or the previous value) and a value. */
  private readGap(from: number, to: number): GapReading {
    const { fillerOnly } = this.services.keys;
    const labels: Label[] = [];
    const places: PlaceHit[] = [];
    const conditions: string[] = [];
    let cursor = from;
    let junkEnd = -1;
    let junkLength = 0;
    let hardJunk = false;
    const junk = (end: number, length: number, hard: boolean) => {
      junkEnd = end;
      junkLength += length;
      hardJunk ||= hard;
    };
    for (const it of this.items) {
      if (it.start < from) continue;
      if (it.start >= to) break;
      const seg = this.text.slice(cursor, it.start);
      if (!fillerOnly.test(seg)) junk(it.start, seg.length, false);
      if (it.kind === 'word') {
        const w = it.word;
        if (w.kind === 'qualifier') labels.push({ group: w.group, value: w.value, start: it.start, end: it.end });
        else if (w.kind !== 'changeTo') junk(it.end, it.end - it.start, w.kind !== 'stop');
      } else if (it.kind === 'place') places.push(it.place);
      else if (it.kind === 'paren') this.attachCondition(labels, conditions, it);
      else if (it.kind === 'quantity') junk(it.end, it.end - it.start, true);
      cursor = Math.max(cursor, it.end);
    }
    const tail = this.text.slice(cursor, to);
    if (!fillerOnly.test(tail)) junk(to, tail.length, false);
    return { ok: junkEnd < 0, labels, places, conditions, colon: COLON.test(this.text.slice(from, to)), junkEnd, junkLength, hardJunk };
  }

  /**
   * A list whose item was interrupted by a few other words (个人不用缴费) goes on
   * at the next "scheme：value" item (工伤保险 :单位0.4%).
   */
  private resume(gap: GapReading, to: number): GapReading | undefined {
    if (gap.hardJunk || gap.junkLength > MAX_RESUME_JUNK || gap.junkEnd < 0) return undefined;
    const tail = this.readGap(gap.junkEnd, to);
    if (!tail.ok || !tail.colon || !tail.labels.some((l) => l.group === 'scheme')) return undefined;
    return tail;
  }

  private build(
    attr: AttributeDef,
    q: Quantity,
    gap: { labels: Label[]; places: PlaceHit[]; conditions: string[] },
    prefix: { labels: Label[]; places: PlaceHit[]; conditions: string[] } | undefined,
    evidenceStart: number,
    evidenceEnd: number,
    keyValue: boolean,
    attrStart = q.span.start,
  ): FactRecord[] {
    const place =
      lastResolved(gap.places) ?? lastResolved(prefix?.places ?? []) ?? this.placeBefore(attrStart) ?? this.heading?.place ?? this.unit.place;
    if (attr.subject === 'place' && place === undefined) return [];
    // place-or-national: nothing on the page names a place, so the figure is the country's.
    const combos = this.qualify(attr, gap.labels, prefix?.labels ?? [], q.span.start);
    if (!combos) return [];
    const hedged = q.bound === 'about' || this.hedgedBetween(evidenceStart, q.span.end);
    const value = quantityValue(q);
    const conditions = [...(prefix?.conditions ?? []), ...gap.conditions];
    return combos.map((labels) => {
      let start = evidenceStart;
      for (const l of labels) if (l.start >= 0 && l.start < start && evidenceStart - l.start <= NEAR_CARRIED) start = l.start;
      return this.record(attr, { place }, labels, conditions, value, this.yearBefore(q.span.start), hedged, keyValue, start, evidenceEnd);
    });
  }

  /**
   * Qualifiers of one value, per group: the words in its own gap, else the
   * words before its attribute, else (for carried groups) the last word earlier
   * in the sentence, the heading, the title. Words joined by 和/、 share the
   * value and give one fact each. Undefined when a required group is unknown.
   */
  private qualify(attr: AttributeDef, own: Label[], prefix: Label[], at: number): Label[][] | undefined {
    const chosen = new Map<string, Label[]>();
    for (const source of [own, prefix]) {
      const byGroup = new Map<string, Label[]>();
      for (const l of source) {
        const list = byGroup.get(l.group);
        if (list) list.push(l);
        else byGroup.set(l.group, [l]);
      }
      for (const [group, list] of byGroup) if (!chosen.has(group)) chosen.set(group, this.joined(list));
    }
    for (const group of this.services.keys.groups.values()) {
      if (chosen.has(group.id) || group.carry === 'none') continue;
      const earlier = this.lastLabelBefore(group.id, at);
      const carried = earlier ?? (group.carry === 'context' ? (this.heading && frameLabel(this.heading, group.id)) ?? frameLabel(this.unit, group.id) : undefined);
      if (carried) chosen.set(group.id, [carried]);
    }
    for (const [group, value] of attr.assume) if (!chosen.has(group)) chosen.set(group, [{ group, value, start: -1, end: -1 }]);
    for (const r of attr.requires) if (!chosen.has(r)) return undefined;
    // Every choice of one word per group, the first group varying slowest.
    let combos: Label[][] = [[]];
    for (const list of chosen.values()) {
      if (list.length === 1) {
        for (const c of combos) c.push(list[0]!);
        continue;
      }
      const next: Label[][] = [];
      for (const c of combos) for (const l of list) next.push([...c, l]);
      combos = next;
    }
    return combos;
  }

  /** Several words of one group: all of them when joined by 和/、/及, else the last. */
  private joined(list: Label[]): Label[] {
    const out = [list[list.length - 1]!];
    for (let k = list.length - 2; k >= 0; k--) {
      const between = this.text.slice(list[k]!.end, out[0]!.start);
      if (!this.services.keys.joinerOnly.test(between)) break;
      // 门诊/急诊 are one setting: keep one word per value.
      if (out[0]!.value === list[k]!.value) continue;
      out.unshift(list[k]!);
    }
    return out;
  }

  private lastLabelBefore(group: string, at: number): Label | undefined {
    let found: Label | undefined;
    for (const it of this.qualifiers) {
      if (it.start >= at) break;
      if (it.group === group) found = { group, value: it.value, start: it.start, end: it.end };
    }
    // Only the last word's bracket is kept, so only its bracket is looked for.
    if (found) {
      const end = found.end;
      const paren = this.items.find((p) => p.kind === 'paren' && p.start >= end && blank(this.text, end, p.start));
      if (paren?.kind === 'paren') found.condition = normaliseCondition(paren.inner);
    }
    return found;
  }

  private placeBefore(at: number): string | undefined {
    let code: string | undefined;
    for (const p of this.places) {
      if (p.start >= at) break;
      if (p.code !== undefined) code = p.code;
    }
    return code;
  }

  private yearBefore(at: number): number | undefined {
    let year: number | undefined;
    for (const it of this.items) {
      if (it.start >= at) break;
      if (it.kind === 'year') year = it.year;
    }
    return year ?? this.heading?.year ?? this.unit.year;
  }

  private hedgedBetween(from: number, to: number): boolean {
    const text = this.text.slice(from, to);
    const hedges = this.services.cues.hedges;
    hedges.lastIndex = 0;
    return hedges.test(text) || this.services.keys.hedges.test(text);
  }

  // ---- hospital grades and addresses -------------------------------------

  private gradeFacts(): FactRecord[] {
    const out: FactRecord[] = [];
    const attr = this.attributeOfShape('grade');
    if (!attr) return out;
    for (const w of this.words) {
      if (w.payload.kind !== 'grade') continue;
      if (this.services.keys.gradeNotAfter.test(this.text.slice(w.end))) continue;
      const entity = this.entityBefore(w.start);
      if (!entity) continue;
      // 不是三甲 / 分别为三甲和二甲: the grade is not simply the hospital's.
      if (this.words.some((x) => x.start >= entity.end && x.end <= w.start && x.payload.kind === 'break')) continue;
      const value = gradeValue(w.payload.grade, w.text);
      out.push(this.record(attr, { entity }, [], [], value, this.yearBefore(w.start), this.hedgedBetween(entity.end, w.end), false, entity.start, w.end));
    }
    return out;
  }

  private addressFacts(): FactRecord[] {
    const out: FactRecord[] = [];
    for (const w of this.words) {
      if (w.payload.kind !== 'attribute' || w.payload.attribute.value !== 'address') continue;
      const m = this.services.keys.addressValue.exec(this.text.slice(w.end));
      if (!m) continue;
      // "地址 :…" opening a sentence belongs to the organisation named just before it.
      const entity = this.entityBefore(w.start) ?? (this.text.slice(0, w.start).trim() === '' ? this.previousEntity() : undefined);
      if (!entity) continue;
      const parts = parseAddress(this.services.gazetteer, this.services.keys, m[1]!);
      if (parts.length === 0) continue;
      const valueEnd = w.end + m.index + m[0].length;
      const value = addressValue(parts, m[1]!);
      const start = entity.start >= 0 && entity.start < w.start && this.sentence.text.slice(entity.start, w.start).length < 30 ? entity.start : w.start;
      out.push(this.record(w.payload.attribute, { entity }, [], [], value, this.yearBefore(w.start), false, COLON.test(this.text.slice(w.end, valueEnd)), start, valueEnd));
    }
    return out;
  }

  private attributeOfShape(shape: 'grade'): AttributeDef | undefined {
    for (const a of this.services.keys.attributes.values()) if (a.value === shape) return a;
    return undefined;
  }

  private entityBefore(at: number): EntityHit | undefined {
    let found: EntityHit | undefined;
    for (const e of this.entities) {
      if (e.end > at) break;
      found = e;
    }
    return found;
  }

  // ---- records ------------------------------------------------------------

  /** The leading clause before the value's clause, when it sets a time or a condition. */
  private leadOf(at: number): FactRecord['lead'] {
    const text = this.sentence.text;
    const cut = text.search(/[，,]/u);
    if (cut <= 0 || cut >= at) return undefined;
    const clause = text.slice(0, cut);
    const cues = this.services.cues;
    if (cues.conditionStart.test(clause) || cues.conditionEnd.test(clause)) return { kind: 'condition', text: clause.trim() };
    if (cues.leadTime.test(clause)) return { kind: 'time', text: clause.trim() };
    return undefined;
  }

  private record(
    attr: AttributeDef,
    subject: { place?: string | undefined; entity?: EntityHit },
    labels: Label[],
    conditions: string[],
    value: FactValue,
    year: number | undefined,
    hedged: boolean,
    keyValue: boolean,
    evidenceStart: number,
    evidenceEnd: number,
  ): FactRecord {
    const { keys, gazetteer } = this.services;
    const sorted = labels.length > 1 ? [...labels].sort((a, b) => keys.groups.get(a.group)!.order - keys.groups.get(b.group)!.order) : labels;
    const qualifiers = sorted.map((l) => `${l.group}=${l.value}`);
    const conds =
      conditions.length === 0 && !sorted.some((l) => l.condition)
        ? []
        : [...new Set([...conditions, ...sorted.flatMap((l) => (l.condition ? [l.condition] : []))])].sort();
    const entity = subject.entity;
    const place = entity ? entity.place : subject.place;
    const national = !entity && place === undefined;
    const subjectKey = entity ? `org:${entity.key}` : national ? 'national' : `place:${place}`;
    const valueClass = value.kind === 'quantity' ? value.quantity!.kind : value.kind;
    const key = `${subjectKey}|${attr.id}|${qualifiers.join(',')}|${conds.join(',')}|${valueClass}`;
    let label = entity ? entity.name : national ? keys.nationalLabel : placeName(gazetteer, place!);
    for (const l of sorted) label += ` ${keys.groups.get(l.group)!.labels.get(l.value) ?? ''}`;
    label += ` ${attr.label}`;
    if (conds.length) label += `（${conds.join('，')}）`;
    const s = this.sentence;
    const whole = s.text.length <= MAX_EVIDENCE;
    const from = whole ? 0 : Math.max(0, evidenceStart);
    const to = whole ? s.text.length : Math.max(from, evidenceEnd);
    // Filled in key order by assignment: conditional spreads in an object
    // literal cost Node 20 most of a microsecond each, and `extract --facts`
    // prints the keys in this order.
    const rec = { file: this.file, key, label } as Writable<FactRecord>;
    if (place !== undefined) rec.place = place;
    if (entity) rec.entity = entity.name;
    rec.attribute = attr.id;
    rec.qualifiers = qualifiers;
    rec.conditions = conds;
    rec.value = value;
    if (year !== undefined) rec.year = year;
    rec.hedged = hedged;
    const lead = this.leadOf(evidenceStart);
    if (lead) rec.lead = lead;
    rec.form = keyValue ? 'key-value' : 'sentence';
    rec.evidence = { text: s.text.slice(from, to), span: { start: s.span.start + from, end: s.span.start + to } };
    rec.sentence = s;
    rec.unitIndex = s.unitIndex;
    return rec;
  }
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

const placeNames = new WeakMap<Gazetteer, Map<string, string>>();

/** Full name of a place (江西省南昌市), cached: every fact of a city needs it. */
function placeName(g: Gazetteer, code: string): string {
  let names = placeNames.get(g);
  if (!names) {
    names = new Map();
    placeNames.set(g, names);
  }
  let name = names.get(code);
  if (name === undefined) {
    name = displayName(g, code);
    names.set(code, name);
  }
  return name;
}

/** Items by start, the longer first at one start; stable otherwise (insertion sort: the lists come nearly sorted). */
function sortItems(items: Item[]): Item[] {
  for (let i = 1; i < items.length; i++) {
    const it = items[i]!;
    let j = i - 1;
    while (j >= 0 && (items[j]!.start > it.start || (items[j]!.start === it.start && items[j]!.end < it.end))) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = it;
  }
  return items;
}

function lastResolved(places: readonly PlaceHit[]): string | undefined {
  for (let i = places.length - 1; i >= 0; i--) if (places[i]!.code !== undefined) return places[i]!.code;
  return undefined;
}

function leadingSpace(text: string, at: number): number {
  let n = 0;
  while (at + n < text.length && /[\s,，、]/u.test(text[at + n]!)) n++;
  return n;
}

/** Conditions compare as written, minus width and spacing differences: （70周岁以下） = (70周岁以下). */
function normaliseCondition(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}
