// Text helpers shared by the human-readable formatters: terminal display width
// of CJK text, flattening excerpts to one line, and cutting long cells.

import { hasMessage, label, render, type Locale } from '../i18n/catalogue.js';
import { msg } from '../i18n/message.js';
import type { Finding, RuleMeta } from '../types.js';

/**
 * Code point ranges a terminal draws two columns wide (East Asian Wide and
 * Fullwidth, plus emoji shown as pictures). Sorted, inclusive. A trimmed
 * version of Unicode's EastAsianWidth.txt: enough for Chinese, Japanese,
 * Korean text and the symbols that appear in it. Ambiguous-width characters
 * (…, ·, ↔, ○) count as narrow, as most terminals in a CJK-free locale do.
 */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e], // CJK radicals, Kangxi, CJK symbols and punctuation (、。〔〕「」)
  [0x3041, 0x33ff], // kana, Bopomofo, Hangul compatibility jamo, enclosed CJK, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo extended-A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth ASCII and punctuation (，：（）)
  [0xffe0, 0xffe6], // fullwidth signs (￥)
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff], // Tangut
  [0x1b000, 0x1b2ff], // kana supplement and extensions
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251], // enclosed ideographic supplement
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x1f680, 0x1f6ff], // transport and map
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff], // supplemental symbols and pictographs
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd], // CJK extensions B–F, compatibility supplement
  [0x30000, 0x3fffd], // CJK extensions G–H
];

/** Code points that take no column: combining marks, zero-width characters, variation selectors. */
const ZERO_WIDTH_RANGES: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2064],
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
  [0xfeff, 0xfeff],
  [0xe0100, 0xe01ef],
];

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Columns one code point takes in a terminal: 0, 1 or 2. */
export function codePointWidth(cp: number): 0 | 1 | 2 {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x1100) return cp >= 0x0300 && cp <= 0x036f ? 0 : 1;
  if (inRanges(cp, ZERO_WIDTH_RANGES)) return 0;
  return inRanges(cp, WIDE_RANGES) ? 2 : 1;
}

/** ANSI SGR sequences; they take no columns. Compiled once. */
const ANSI_SGR = /\u001b\[[0-9;]*m/g;

/** Columns a string takes in a terminal (CJK counts two per character; ANSI colour codes none). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(ANSI_SGR, '')) w += codePointWidth(ch.codePointAt(0)!);
  return w;
}

/** Pads with spaces on the right to a display width (never truncates). */
export function padEndDisplay(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

/** Pads with spaces on the left to a display width (never truncates). */
export function padStartDisplay(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : ' '.repeat(width - w) + s;
}

const LINE_BREAKS = /\s*(?:\r\n|\r|\n|\u2028|\u2029)\s*/g;
// C0/C1 controls other than tab and line breaks (line breaks are handled above).
// Stripping them keeps scraped text from moving the cursor or changing colours.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const TABS = /\t/g;

/**
 * An excerpt or message flattened to one line for a report: line breaks become
 * one space, tabs a space, control characters are dropped, ends are trimmed.
 */
export function oneLine(s: string): string {
  return s.replace(LINE_BREAKS, ' ').replace(CONTROL_CHARS, '').replace(TABS, ' ').trim();
}

/**
 * Cuts a string to at most `max` code points, ending with … when cut, without
 * splitting a surrogate pair.
 */
export function truncate(s: string, max: number): string {
  const cps = Array.from(s);
  if (cps.length <= max) return s;
  return cps.slice(0, Math.max(0, max - 1)).join('').trimEnd() + '…';
}

/**
 * A finding's message followed by the canonical statement and its source, for
 * formats with a single message field (SARIF, GitHub annotations).
 */
export function messageWithCanonical(f: Finding, locale: Locale = 'en'): string {
  if (f.expected === undefined) return f.message;
  const source = f.source !== undefined ? render(locale, msg('label.source', { source: f.source })) : '';
  return render(locale, msg('label.with-canonical', { message: f.message, statement: `${f.expected}${source}` }));
}

/** A rule's one-line description in `locale` (the catalogue's `rule.ID.description`; a rule it lacks keeps its own). */
export function ruleDescription(rule: Pick<RuleMeta, 'id' | 'description'>, locale: Locale = 'en'): string {
  const id = `rule.${rule.id}.description`;
  return hasMessage(id) ? label(locale, id) : rule.description;
}
