// The matching view of a text: what the readers (claims, facts) match against.
// Scraped pages put spaces between CJK characters (个 人 账 户), zero-width and
// other format characters inside words, full-width digits and letters (３个月,
// ＡＢ) and traditional characters (個人賬戶餘額) into sentences that say the
// same as clean text; the view removes or replaces those, and keeps an exact
// map from view offsets back to source offsets so findings point at the page
// as written. Full-width punctuation (，。：（）) is kept: the readers rely on it.
//
// Traditional → simplified is character by character with OpenCC's character
// table (opencc-js), never its phrase tables: OpenCC's phrase step rewrites
// simplified text too (打坏 → 打坯, 反覆 → 反复), and a character-level map keeps
// the offset map one source character per view character.

import * as OpenCC from 'opencc-js/t2cn';
import type { Span } from '../types.js';

export interface MatchingView {
  /** The normalised text. */
  readonly text: string;
  /** True when `text` is the source itself (nothing to normalise): offsets are equal on both sides. */
  readonly identity: boolean;
  /**
   * Source offset of view offset `viewOffset`: where the source character that
   * produced view[viewOffset] starts; for the end of the view, where the last
   * produced character ends.
   */
  toSource(viewOffset: number): number;
  /** The source range of exactly the characters that produced view[start, end) (with whatever was dropped between them). */
  sourceSpan(start: number, end: number): Span;
}

/** The matching view of `text`; an identity view (no maps) when nothing in it needs normalising. */
export function matchingView(text: string): MatchingView {
  return needsNormalising(text) ? build(text) : new IdentityView(text);
}

class IdentityView implements MatchingView {
  constructor(readonly text: string) {}
  get identity(): boolean {
    return true;
  }
  toSource(viewOffset: number): number {
    return viewOffset;
  }
  sourceSpan(start: number, end: number): Span {
    return { start, end: Math.max(start, end) };
  }
}

class MappedView implements MatchingView {
  constructor(
    readonly text: string,
    /** starts[i], ends[i]: the source range of the character that produced view unit i. */
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
  ) {}
  get identity(): boolean {
    return false;
  }
  toSource(viewOffset: number): number {
    const n = this.starts.length;
    if (viewOffset < n) return this.starts[Math.max(0, viewOffset)]!;
    return n > 0 ? this.ends[n - 1]! : 0;
  }
  sourceSpan(start: number, end: number): Span {
    if (end <= start) {
      const at = this.toSource(start);
      return { start: at, end: at };
    }
    const n = this.starts.length;
    return { start: this.starts[Math.max(0, start)]!, end: this.ends[Math.min(end, n) - 1]! };
  }
}

// ---- character classes ------------------------------------------------------

/** Flags per BMP code unit (and per high surrogate, for the astral characters behind it). */
const CHANGE = 1; // format character, full-width letter or digit, traditional character: the view differs
const SPACE = 2; // a space that is dropped between two CJK characters
const CJK = 4; // Han characters and CJK / full-width punctuation
const FORMAT = 8; // a format character (below)
const WIDE = 16; // a full-width letter or digit

/**
 * Format characters (Unicode Cf) that scraped pages leave inside words: soft
 * hyphen, Arabic letter mark, Mongolian vowel separator, zero-width space /
 * non-joiner / joiner, LRM/RLM, bidi embeddings, overrides and isolates, word
 * joiner and invisible operators, the deprecated format controls, and a BOM
 * that is not at the start of the file. Astral Cf characters (tags) are left
 * alone: they only occur inside emoji flag sequences.
 */
const FORMAT_RANGES: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0xfeff, 0xfeff],
];
const ZWJ = 0x200d;

/** Full-width ASCII letters and digits (not punctuation): ０-９, Ａ-Ｚ, ａ-ｚ; half-width is 0xFEE0 below. */
const FULL_WIDTH_ALNUM: readonly (readonly [number, number])[] = [
  [0xff10, 0xff19],
  [0xff21, 0xff3a],
  [0xff41, 0xff5a],
];
const FULL_WIDTH_OFFSET = 0xfee0;

/** Spaces as scraped pages put them between characters: ASCII space, NBSP, ideographic space. */
const SPACES = [0x20, 0xa0, 0x3000];

/** BMP characters a space between two of which is noise: Han (with extension A and compatibility ideographs), CJK and full-width punctuation. */
const CJK_RANGES: readonly (readonly [number, number])[] = [
  [0x3001, 0x303f],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xff01, 0xff0f],
  [0xff1a, 0xff20],
  [0xff3b, 0xff40],
  [0xff5b, 0xff65],
];
/** Astral Han (extensions B and on, planes 2 and 3) sit behind these high surrogates. */
const ASTRAL_HAN_HIGH: readonly [number, number] = [0xd840, 0xd8bf];

interface Tables {
  readonly flags: Uint8Array;
  /** Traditional BMP code point → simplified code point (0: none). An array: traditional pages look up nearly every character. */
  readonly bmp: Uint32Array;
  /** Traditional astral code point → simplified code point. */
  readonly astral: ReadonlyMap<number, number>;
}

let tables: Tables | undefined;

/** Built once, on first use. */
function getTables(): Tables {
  if (tables) return tables;
  const flags = new Uint8Array(0x10000);
  const mark = (ranges: readonly (readonly [number, number])[], flag: number) => {
    for (const [a, b] of ranges) for (let c = a; c <= b; c++) flags[c]! |= flag;
  };
  mark(FORMAT_RANGES, CHANGE | FORMAT);
  mark(FULL_WIDTH_ALNUM, CHANGE | WIDE);
  for (const c of SPACES) flags[c]! |= SPACE;
  mark(CJK_RANGES, CJK);
  mark([ASTRAL_HAN_HIGH], CJK);
  const bmp = new Uint32Array(0x10000);
  const astral = new Map<number, number>();
  for (const [from, to] of traditionalTable()) {
    if (from > 0xffff) astral.set(from, to);
    else bmp[from] = to;
    flags[from > 0xffff ? 0xd800 + ((from - 0x10000) >> 10) : from]! |= CHANGE;
  }
  tables = { flags, bmp, astral };
  return tables;
}

/**
 * OpenCC's traditional → simplified character table: the one-character
 * entries of the `t` → `cn` chain. A traditional form that is itself the
 * simplified form of another character is left out (麽 → 么 while 麼 → 么 too):
 * converting it could change text that is already simplified. Read by hand
 * rather than split into arrays: this runs at every start.
 */
function traditionalTable(): Map<number, number> {
  const from: number[] = [];
  const to: number[] = [];
  for (const group of OpenCC.Locale.to['cn'] ?? []) for (const dict of group) readCharacters(dict, from, to);
  const targets = new Set(to);
  const out = new Map<number, number>();
  for (let k = 0; k < from.length; k++) if (!targets.has(from[k]!)) out.set(from[k]!, to[k]!);
  return out;
}

/** The pairs of one code point each in an OpenCC dictionary ("a b|c d…" or [[a, b], …]); phrases are skipped. */
function readCharacters(dict: OpenCC.DictLike, from: number[], to: number[]): void {
  const add = (a: string, b: string) => {
    const x = single(a);
    const y = single(b);
    if (x >= 0 && y >= 0 && x !== y) {
      from.push(x);
      to.push(y);
    }
  };
  if (typeof dict !== 'string') {
    for (const [a, b] of dict) add(a, b);
    return;
  }
  for (let i = 0; i < dict.length; ) {
    let bar = dict.indexOf('|', i);
    if (bar < 0) bar = dict.length;
    const space = dict.indexOf(' ', i);
    if (space > i && space < bar) {
      // "key value" or "key value alternative…": the first value is OpenCC's choice.
      let end = dict.indexOf(' ', space + 1);
      if (end < 0 || end > bar) end = bar;
      add(dict.slice(i, space), dict.slice(space + 1, end));
    }
    i = bar + 1;
  }
}

/** The code point of a one-character string, else -1. */
function single(s: string): number {
  const cp = s.codePointAt(0);
  return cp !== undefined && s.length === (cp > 0xffff ? 2 : 1) ? cp : -1;
}

function isCjkCodePoint(cp: number, flags: Uint8Array): boolean {
  if (cp <= 0xffff) return (flags[cp]! & CJK) !== 0;
  return cp >= 0x20000 && cp <= 0x3ffff;
}

// ---- the fast check -----------------------------------------------------------

/**
 * True when the view of `text` may differ from it. One table lookup per code
 * unit: this runs for every sentence and title of every article, and nearly
 * all of them are clean.
 */
export function needsNormalising(text: string): boolean {
  const flags = getTables().flags;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const f = flags[text.charCodeAt(i)]!;
    if (f === 0 || f === CJK) continue;
    if (f & CHANGE) return true;
    // A space: noise only between two CJK characters.
    if (i === 0 || !cjkBefore(text, i, flags)) continue;
    let j = i + 1;
    while (j < n && flags[text.charCodeAt(j)]! & SPACE) j++;
    if (j < n && flags[text.charCodeAt(j)]! & CJK) return true;
    i = j - 1;
  }
  return false;
}

/** The code point ending at text[i - 1] is CJK. */
function cjkBefore(text: string, i: number, flags: Uint8Array): boolean {
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return (flags[text.charCodeAt(i - 2)]! & CJK) !== 0 && text.charCodeAt(i - 2) >= 0xd800;
  return (flags[c]! & CJK) !== 0 && !(c >= 0xd800 && c <= 0xdfff);
}

// ---- the view -----------------------------------------------------------------

function build(text: string): MatchingView {
  const { flags, bmp, astral } = getTables();
  const n = text.length;
  // A view is at most twice as long as its source (a BMP character whose simplified form is astral).
  const units = new Uint16Array(2 * n);
  const starts = new Int32Array(2 * n);
  const ends = new Int32Array(2 * n);
  let len = 0;
  let changed = false;
  /** The last code point put into the view (-1 before the first). */
  let last = -1;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    const f = flags[c]!;
    // Most characters of a sentence being normalised are plain: copied unit for unit.
    if (f === 0 || f === CJK) {
      units[len] = c;
      starts[len] = i;
      ends[len++] = i + 1;
      if (c < 0xd800 || c > 0xdfff) last = c;
      else if (c >= 0xdc00 && i > 0) last = text.codePointAt(i - 1)!;
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    if (f & FORMAT && !(cp === ZWJ && joinsEmoji(text, i, last))) {
      changed = true;
      i += w;
      continue;
    }
    if (f & SPACE && last >= 0 && isCjkCodePoint(last, flags)) {
      // A run of spaces (and format characters) between two CJK characters is dropped whole.
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (flags[d]! & (SPACE | FORMAT)) j++;
        else break;
      }
      if (j < n && isCjkCodePoint(text.codePointAt(j)!, flags)) {
        changed = true;
        i = j;
        continue;
      }
    }
    // Flags are per code unit: FORMAT and WIDE are never set on a surrogate, so f speaks for cp.
    const out = f & WIDE ? cp - FULL_WIDTH_OFFSET : (w === 1 ? bmp[cp]! : astral.get(cp)) || cp;
    if (out !== cp) changed = true;
    const outWidth = out > 0xffff ? 2 : 1;
    // A character that keeps its length maps unit to unit (a kept surrogate pair
    // too); one that changes length maps every unit to the whole source character.
    if (outWidth === 1) units[len] = out;
    else {
      units[len] = 0xd800 + ((out - 0x10000) >> 10);
      units[len + 1] = 0xdc00 + ((out - 0x10000) & 0x3ff);
    }
    for (let k = 0; k < outWidth; k++, len++) {
      starts[len] = outWidth === w ? i + k : i;
      ends[len] = outWidth === w ? i + k + 1 : i + w;
    }
    last = out;
    i += w;
  }
  return changed ? new MappedView(unitsToString(units, len), starts.subarray(0, len), ends.subarray(0, len)) : new IdentityView(text);
}

/** The string of units[0, len), in chunks that stay below the engine's argument limit. */
function unitsToString(units: Uint16Array, len: number): string {
  let s = '';
  for (let k = 0; k < len; k += 4096) s += String.fromCharCode(...units.subarray(k, Math.min(len, k + 4096)));
  return s;
}

/** A zero-width joiner inside an emoji sequence (👨‍👩‍👧, ❤️‍🔥) is part of the emoji, not noise. */
function joinsEmoji(text: string, i: number, last: number): boolean {
  const next = text.codePointAt(i + 1);
  return last >= 0 && next !== undefined && EMOJI_SIDE.test(String.fromCodePoint(last)) && EMOJI_SIDE.test(String.fromCodePoint(next));
}
const EMOJI_SIDE = /^[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F]$/u;
