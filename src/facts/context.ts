// What a fact is about, found around the value: places (resolved with the
// gazetteer), organisations named "place + … + 医院", and addresses reduced
// to road + number. Kept apart from the extractor so each can be tested alone.
import { parseChineseNumber } from '../extract/quantity.js';
import type { Gazetteer } from '../region/gazetteer.js';
import { findPlaces, resolveMentions, type PlaceMention } from '../region/matcher.js';
import type { FactKeys } from './keys.js';
import type { AddressPart } from './values.js';
import { wordAlternation } from '../text/regex.js';

export interface PlaceHit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Division code when the mention resolved to one. */
  readonly code?: string;
}

/** Place mentions in `text`, resolved together with `context` mentions (a title) that can confirm them. */
export function placesIn(g: Gazetteer, text: string, context: readonly PlaceMention[] = []): PlaceHit[] {
  const own = findPlaces(g, text);
  if (own.length === 0) return [];
  const resolved = resolveMentions(g, [...own, ...context]);
  return own.map((m, i) => {
    const code = resolved[i]!.code;
    return code === undefined ? { start: m.start, end: m.end, text: m.text } : { start: m.start, end: m.end, text: m.text, code };
  });
}

const LEVEL_RANK: Readonly<Record<string, number>> = { province: 1, prefecture: 2, county: 3 };

/** The most specific resolved place of a title (河北邯郸 → 邯郸); the last one on a tie. */
export function deepestPlace(g: Gazetteer, places: readonly PlaceHit[]): string | undefined {
  let best: string | undefined;
  let rank = 0;
  for (const p of places) {
    if (p.code === undefined) continue;
    const r = LEVEL_RANK[g.byCode.get(p.code)?.level ?? ''] ?? 0;
    if (r >= rank) {
      best = p.code;
      rank = r;
    }
  }
  return best;
}

export interface EntityHit {
  readonly start: number;
  readonly end: number;
  /** The name as written (邯郸市中心医院). */
  readonly name: string;
  /** Spelling-independent identity: place code (or text) + the rest of the name (130400/中心医院). */
  readonly key: string;
  readonly place?: string;
}

// A name never spans punctuation or spaces.
const NAME_BREAK = /[\s\p{P}\p{S}0-9０-９]/u;

/**
 * Organisations named "place + … + suffix" (邯郸市中心医院, 河北工程大学附属医院).
 * The name starts at the earliest place mention from which the run up to the
 * suffix stays one name: short enough, no punctuation, no word that cannot be
 * in a name (是, 推荐…), no other suffix inside.
 */
export function entitiesIn(keys: FactKeys, text: string, places: readonly PlaceHit[]): EntityHit[] {
  const out: EntityHit[] = [];
  if (places.length === 0) return out;
  // An exec loop, not matchAll: matchAll copies the regex on every call.
  const suffix = keys.entitySuffix;
  suffix.lastIndex = 0;
  let previousEnd = 0;
  for (let m = suffix.exec(text); m; m = suffix.exec(text)) {
    // An empty suffix in the data would match forever: step past it as matchAll does.
    if (m[0].length === 0) suffix.lastIndex += (text.codePointAt(suffix.lastIndex) ?? 0) > 0xffff ? 2 : 1;
    const end = m.index + m[0].length;
    let chosen: PlaceHit | undefined;
    for (let i = places.length - 1; i >= 0; i--) {
      const p = places[i]!;
      if (p.start >= m.index) continue;
      if (p.start < previousEnd) break;
      const name = text.slice(p.start, end);
      if (name.length > keys.entityMaxLength || NAME_BREAK.test(name) || keys.entityNotInside.test(name)) break;
      chosen = p;
    }
    previousEnd = end;
    if (!chosen) continue;
    const rest = text.slice(chosen.end, end);
    // 邯郸医院 reads as "hospitals in 邯郸", and 三甲医院 names a grade, not a hospital.
    if (rest === '医院' || keys.words.scan(rest).some((w) => w.payload.kind === 'grade')) continue;
    out.push({
      start: chosen.start,
      end,
      name: text.slice(chosen.start, end),
      key: `${chosen.code ?? chosen.text}/${rest}`,
      ...(chosen.code !== undefined ? { place: chosen.code } : {}),
    });
  }
  return out;
}

const FULL_WIDTH_DIGIT = /[０-９]/g;
const PARENTHESISED = /[（(][^（()）]*[)）]/g;
const roadPatterns = new WeakMap<FactKeys, RegExp>();

/**
 * Road and number of each address in a value (贸易路100号(南门)、陵西南大街46号).
 * Leading place names are dropped, so 邯郸市中华南大街15号 and 中华南大街15号 are
 * one address. Pieces that are not road + number give nothing.
 */
export function parseAddress(g: Gazetteer, keys: FactKeys, raw: string): AddressPart[] {
  let road = roadPatterns.get(keys);
  if (!road) {
    const suffixes = wordAlternation(keys.roadSuffixes);
    road = new RegExp(`^(.{1,14}?(?:${suffixes})(?:(?:${wordAlternation(keys.roadSections)})段?)?)([0-9]+|[零〇一二三四五六七八九十百两]+)号`, 'u');
    roadPatterns.set(keys, road);
  }
  const parts: AddressPart[] = [];
  const text = raw.replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(PARENTHESISED, '');
  for (let piece of text.split(keys.addressSplit)) {
    piece = piece.trim();
    for (let guard = 0; guard < 4; guard++) {
      const first = findPlaces(g, piece)[0];
      if (!first || first.start !== 0 || first.end >= piece.length) break;
      piece = piece.slice(first.end);
    }
    const m = road.exec(piece);
    if (!m) continue;
    const n = /^[0-9]+$/.test(m[2]!) ? Number(m[2]) : parseChineseNumber(m[2]!);
    if (n === undefined) continue;
    parts.push({ road: m[1]!, number: String(n) });
  }
  return parts;
}
