// Sentence segmentation for Chinese policy text. ICU's sentence segmenter is
// the base; on top of it: ；/; end sentences, a line break ends a sentence, an
// opening quote/bracket left after 。 belongs to the next sentence, and list
// markers (1. / 一、 / （一） / •) are cut off the front of the item they mark.
// Spans are absolute offsets into the text and exclude surrounding whitespace.

import { codeUnitTable, isSpace as isRegexSpace } from './code-units.js';
import type { Sentence, TextSpan } from '../types.js';

// Made on first use: creating it loads ICU's sentence rules (tens of
// milliseconds), and a text without full stops or ellipses never needs it.
let segmenter: Intl.Segmenter | undefined;
const sentenceSegmenter = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter('zh', { granularity: 'sentence' }));

// Character classes as lookup tables: the fast path tests every character of
// every line, so a table beats a regex there.
const TERMINAL = codeUnitTable('。！？!?.．…；;｡');
const SEMICOLON = codeUnitTable('；;');
/** Full stops and ellipses: whether they end a sentence depends on context, so lines with them go to ICU. */
const ATERM = codeUnitTable('.．…');
/** Marks after which ICU keeps going (好！，然后 is one sentence). */
const CONTINUE = codeUnitTable('，,、：:-－');
/** Characters that may follow sentence-final punctuation and still belong to the sentence. */
const CLOSER = codeUnitTable('”’」』）)】〕》〉]"\'');
/** Opening quotes/brackets: one trailing a sentence end starts the next sentence. */
const OPENER = codeUnitTable('“‘「『（(【〔《〈[');

/**
 * A list marker at the start of a piece: bullets, 1. / 1、 / 1) / (1) / （一） /
 * 一、 / ①. "1.5" and "1-3个月" are not markers; -, * and + need a space after.
 */
const LIST_MARKER =
  /^(?:[•·●○◆◇▪■□►▶‣⁃]\s*|[-*+](?:\s+|$)|\d{1,3}[.．、)）](?!\d)\s*|[(（](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）]\s*|[一二三四五六七八九十]{1,3}[、.．]\s*|[①-⑳]\s*|[a-zA-Z][.)]\s+)/;
/** A numbered-list marker after a space at the very end of a piece: the start of the next item. */
const TRAILING_MARKER = /\s(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.．、]$/;
/** A piece that is nothing but a (possibly truncated) list number, like the 二 left at a cut-off excerpt. */
const BARE_NUMBER = /^(?:\d{1,3}|[一二三四五六七八九十]{1,3})$/;
/** Every character a LIST_MARKER match can start with: most pieces fail this table and skip the regex (and its slice). */
const MARKER_START = codeUnitTable('•·●○◆◇▪■□►▶‣⁃-*+0123456789(（一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');
/** The characters a TRAILING_MARKER match ends with. */
const MARKER_END = codeUnitTable('.．、');

/**
 * Splits text.slice(start, end) into sentences. Returned spans are absolute
 * offsets into `text`, trimmed of whitespace (including U+3000 and NBSP);
 * empty and marker-only pieces are dropped.
 */
export function splitSentences(text: string, start: number, end: number): TextSpan[] {
  const out: TextSpan[] = [];
  split(text, start, end, out, -1);
  return out;
}

/**
 * splitSentences, pushing each piece straight onto `out` as a body sentence of
 * unit `unitIndex`: parsers save a TextSpan per sentence that they would copy.
 */
export function pushSentences(text: string, start: number, end: number, unitIndex: number, out: Sentence[]): void {
  split(text, start, end, out, unitIndex);
}

/** Sets a table cell's headers (the non-empty ones) on the sentences pushed from `from` on. */
export function setCellHeaders(sentences: Sentence[], from: number, headers: readonly (string | undefined)[]): void {
  const kept = headers.filter((h): h is string => h !== undefined && h.length > 0);
  if (kept.length === 0) return;
  for (let i = from; i < sentences.length; i++) (sentences[i] as { cellHeaders?: readonly string[] }).cellHeaders = kept;
}

/** unitIndex < 0: plain TextSpans; otherwise Sentences of that unit. */
function split(text: string, start: number, end: number, out: TextSpan[], unitIndex: number): void {
  const stop = Math.min(end, text.length);
  let lineStart = Math.max(0, start);
  while (lineStart < stop) {
    let lineEnd = lineStart;
    while (lineEnd < stop) {
      const c = text.charCodeAt(lineEnd);
      if (c === 10 || c === 13) break;
      lineEnd++;
    }
    splitLine(text, lineStart, lineEnd, out, unitIndex);
    lineStart = lineEnd + 1;
  }
}

function splitLine(text: string, start: number, end: number, out: TextSpan[], unitIndex: number): void {
  let a = start;
  let b = end;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  if (a === b) return;

  // Fast path: no sentence-final punctuation before the line's own ending → one sentence.
  let k = b;
  while (k > a && (TERMINAL[text.charCodeAt(k - 1)] || CLOSER[text.charCodeAt(k - 1)])) k--;
  let inner = false;
  for (let i = a; i < k; i++) {
    if (TERMINAL[text.charCodeAt(i)]) {
      inner = true;
      break;
    }
  }
  if (!inner) {
    emit(text, a, b, out, unitIndex);
    return;
  }

  const line = text.slice(a, b);
  const cuts: number[] = [];
  let ambiguous = false;
  for (let i = 0; i < line.length; i++) {
    if (ATERM[line.charCodeAt(i)]) {
      ambiguous = true;
      break;
    }
  }
  if (ambiguous) {
    // Full stops and ellipses need ICU's rules (1.5元, "e.g. x", "Next. Then").
    for (const seg of sentenceSegmenter().segment(line)) {
      if (seg.index > 0) cuts.push(seg.index);
    }
  } else {
    // Only 。！？!? here: ICU would cut after the mark, its closing quotes and
    // spaces unless a comma-like mark follows; doing that directly is several times faster.
    for (let i = 0; i < line.length; i++) {
      if (!TERMINAL[line.charCodeAt(i)] || SEMICOLON[line.charCodeAt(i)]) continue;
      let j = i + 1;
      while (j < line.length && TERMINAL[line.charCodeAt(j)] && !SEMICOLON[line.charCodeAt(j)]) j++;
      while (j < line.length && CLOSER[line.charCodeAt(j)]) j++;
      while (j < line.length && isSpace(line.charCodeAt(j))) j++;
      if (j < line.length && !CONTINUE[line.charCodeAt(j)]) cuts.push(j);
      i = j - 1;
    }
  }
  // ICU does not end sentences at semicolons; Chinese lists of conditions do.
  for (let i = 0; i < line.length; i++) {
    if (SEMICOLON[line.charCodeAt(i)]) {
      let j = i + 1;
      while (j < line.length && CLOSER[line.charCodeAt(j)]) j++;
      if (j < line.length) cuts.push(j);
    }
  }
  cuts.sort((x, y) => x - y);

  let from = 0;
  for (const raw of cuts) {
    const cut = pullOpeners(line, raw);
    if (cut <= from) continue;
    emit(text, a + from, a + cut, out, unitIndex);
    from = cut;
  }
  emit(text, a + from, a + line.length, out, unitIndex);
}

/**
 * ICU leaves an opening quote/bracket that follows 。 on the sentence before
 * it (“。“” / “。（”); move such a cut back so the opener starts the next sentence.
 */
function pullOpeners(line: string, cut: number): number {
  let q = cut;
  while (q > 0 && isSpace(line.charCodeAt(q - 1))) q--;
  let p = q;
  while (p > 0 && OPENER[line.charCodeAt(p - 1)]) p--;
  if (p === q || p === 0) return cut;
  const before = line.charCodeAt(p - 1);
  return TERMINAL[before] || CLOSER[before] || isSpace(before) ? p : cut;
}

/**
 * Length of the list marker (and the spaces after it) at text[start, end), or 0.
 * The plain-text parser uses it to tell numbered sub-headings from titles.
 */
export function listMarkerLength(text: string, start: number, end: number): number {
  if (start >= end || !MARKER_START[text.charCodeAt(start)]) return 0;
  const m = LIST_MARKER.exec(text.slice(start, Math.min(end, start + 8)));
  return m ? m[0].length : 0;
}

/** Trims, strips leading list markers and pushes the piece unless nothing is left. */
function emit(text: string, start: number, end: number, out: TextSpan[], unitIndex: number): void {
  let a = start;
  let b = end;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  // Markers can stack ("1. （一）…"); strip a few.
  for (let n = 0; n < 3 && a < b && MARKER_START[text.charCodeAt(a)]; n++) {
    const m = LIST_MARKER.exec(text.slice(a, Math.min(b, a + 8)));
    if (!m) break;
    a += m[0].length;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
  }
  if (a >= b) return;
  // ICU cuts "如下: 1. 报销额度" after "1.", leaving the next item's number on this sentence.
  if (MARKER_END[text.charCodeAt(b - 1)]) {
    const tail = TRAILING_MARKER.exec(text.slice(Math.max(a, b - 8), b));
    if (tail) {
      b -= tail[0].length;
      while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    }
    if (a >= b) return;
  }
  if (b - a <= 3 && BARE_NUMBER.test(text.slice(a, b))) return;
  while (b - a > MAX_SENTENCE_LENGTH) {
    const cut = longSentenceCut(text, a);
    push(text, a, cut, out, unitIndex);
    a = cut;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
  }
  if (a < b) push(text, a, b, out, unitIndex);
}

/**
 * The longest sentence read as one. Real pages stay far below it (the longest in
 * the bundled corpus and the scraped samples is under 200 characters); past it
 * is text without sentence ends (a page flattened onto one line, a run of
 * clauses joined by commas), where patterns that look ahead to the end of the
 * sentence cost time growing with the square of its length: a 100,000-character
 * "sentence" took minutes. Such text is read in pieces of at most this many characters.
 */
export const MAX_SENTENCE_LENGTH = 500;
/** Clause marks a long sentence is preferably cut after. */
const CLAUSE_MARK = codeUnitTable('，,、：:');

/** Where to cut a too-long sentence starting at `a`: after the last clause mark in its second half, else at the limit. */
function longSentenceCut(text: string, a: number): number {
  const limit = a + MAX_SENTENCE_LENGTH;
  for (let i = limit - 1; i > a + MAX_SENTENCE_LENGTH / 2; i--) if (CLAUSE_MARK[text.charCodeAt(i)]) return i + 1;
  // Never between the halves of a surrogate pair.
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

function push(text: string, a: number, b: number, out: TextSpan[], unitIndex: number): void {
  const piece = text.slice(a, b);
  // Sentences are built whole here (not copied from a TextSpan): one object and its span per piece.
  if (unitIndex < 0) out.push({ text: piece, span: { start: a, end: b } });
  else (out as Sentence[]).push({ text: piece, span: { start: a, end: b }, unitIndex, isTitle: false });
}

/** Whitespace as JS \s sees it (incl. NBSP, U+3000, BOM) plus zero-width space. */
const isSpace = (c: number): boolean => isRegexSpace(c) || c === 0x200b;

