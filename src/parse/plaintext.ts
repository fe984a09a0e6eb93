// Parser for scraped plain-text pages. Such a page has no markup: a title line,
// the main article, page furniture (disclaimers, "相关推荐"), and often a list
// of related items, each a title line, a body excerpt and a source/date line.
// The main article is unit 0; each related item becomes its own 'block' unit
// so region and year checks judge it against its own title and date. Which
// lines are furniture or dates comes from PageStructure (data/page-structure.yaml).

import type { Article, Sentence, SourceFile, Span, TextSpan, Unit } from '../types.js';
import { listMarkerLength, pushSentences } from '../text/sentences.js';
import type { PageStructure, ParseOutput } from './types.js';
import { maxOf } from '../arrays.js';

export type { PageStructure } from './types.js';

/** Generic fallbacks only; site furniture lists live in data/page-structure.yaml. */
export const DEFAULT_PAGE_STRUCTURE: PageStructure = {
  maxTitleLength: 40,
  titleMayEndWith: ['？', '?'],
  relatedMarkers: [],
  boilerplateLines: [],
  boilerplatePrefixes: [],
  boilerplatePatterns: [],
  pageDatePatterns: [
    '^(?:发布|更新)?(?:时间|日期)\\s*[:：]\\s*(?<y>\\d{4})\\s*[-/.年]\\s*(?<m>\\d{1,2})\\s*[-/.月]\\s*(?<d>\\d{1,2})',
  ],
  blockDatePatterns: [
    '^(?:[^\\s。！？!?；;，,]{1,20}\\s+)?(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?$',
    '^(?:[^\\s。！？!?；;，,]{1,20}\\s+)?(?<y>\\d{4})年(?<m>\\d{1,2})月(?<d>\\d{1,2})日$',
  ],
};

interface CompiledStructure {
  readonly maxTitleLength: number;
  /**
   * Raw length beyond which a line cannot equal a marker or be needed to test
   * a prefix (generous: spaces and full-width forms are dropped when normalising).
   */
  readonly longestKey: number;
  readonly titleEnds: ReadonlySet<string>;
  readonly related: ReadonlySet<string>;
  readonly boilerLines: ReadonlySet<string>;
  readonly boilerPrefixes: readonly string[];
  readonly boilerPatterns: readonly RegExp[];
  readonly pageDates: readonly RegExp[];
  readonly blockDates: readonly RegExp[];
}

// Compile each structure once, however many files it parses.
const compiledCache = new WeakMap<PageStructure, CompiledStructure>();

function compile(s: PageStructure): CompiledStructure {
  let c = compiledCache.get(s);
  if (!c) {
    c = {
      maxTitleLength: s.maxTitleLength,
      longestKey: 2 * maxOf([...s.relatedMarkers, ...s.boilerplateLines, ...s.boilerplatePrefixes].map((k) => k.length)) + 16,
      titleEnds: new Set(s.titleMayEndWith),
      related: new Set(s.relatedMarkers.map(normalise)),
      boilerLines: new Set(s.boilerplateLines.map(normalise)),
      boilerPrefixes: s.boilerplatePrefixes.map(normalise).filter((p) => p.length > 0),
      boilerPatterns: s.boilerplatePatterns.map((p) => new RegExp(p, 'u')),
      pageDates: s.pageDatePatterns.map((p) => new RegExp(p, 'u')),
      blockDates: s.blockDatePatterns.map((p) => new RegExp(p, 'u')),
    };
    compiledCache.set(s, c);
  }
  return c;
}

const SPACES = /\s+/gu;
const FULLWIDTH_ASCII = /[\uff01-\uff5e]/gu;

/** Comparison form of a line or marker: full-width ASCII folded, spaces removed. */
function normalise(s: string): string {
  return s.replace(FULLWIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(SPACES, '');
}

/** Marks that end a sentence; a title line has none of them (bar an allowed last one). */
const SENTENCE_END = /[。！？!?；;]/u;
/** A line ending in a lead-in mark introduces what follows; it is not a title. */
const LEAD_IN_END = /[:：,，、]$/u;

type LineKind = 'blank' | 'related' | 'boilerplate' | 'pageDate' | 'blockDate' | 'text';

interface Line {
  /** Trimmed content span (start === end for blank lines). */
  readonly start: number;
  readonly end: number;
  readonly kind: LineKind;
  readonly date?: string;
  /** Short, no sentence-ending mark, no list marker: could title a unit. */
  readonly titleLike: boolean;
}

interface MutableUnit {
  index: number;
  kind: Unit['kind'];
  title?: TextSpan;
  date?: string;
  span: { start: number; end: number };
  depth: number;
  parent?: number;
}

export function parsePlainText(file: SourceFile, structure: PageStructure): ParseOutput {
  const cs = compile(structure);
  const text = file.text;
  const lines = readLines(text, cs);

  const units: MutableUnit[] = [{ index: 0, kind: 'article', span: { start: 0, end: text.length }, depth: 0 }];
  const sentences: Sentence[] = [];
  const ignored: Span[] = [];
  let pageDate: string | undefined;

  // The page title: the first line that is not blank or furniture, if title-like.
  const first = lines.findIndex((l) => l.kind !== 'blank' && l.kind !== 'boilerplate');
  const titleLine = first >= 0 && lines[first]!.kind === 'text' && lines[first]!.titleLike ? first : -1;

  // Whether the related items are closed by date lines (title, body, date) —
  // then a short line inside an open item is body, not the next item's title.
  const markerAt = lines.findIndex((l) => l.kind === 'related');
  const relatedClosedByDates = markerAt >= 0 && lines.some((l, i) => i > markerAt && closesBody(lines, i));

  /** Unit receiving text; undefined between a closed block and the next one. */
  let current: number | undefined = 0;
  let currentHasBody = false;
  let lastContentEnd = 0;
  let inRelated = false;

  const closeCurrent = (end: number): void => {
    if (current !== undefined && current > 0) units[current]!.span.end = end;
    current = undefined;
  };
  const openBlock = (start: number, title?: TextSpan): number => {
    const index = units.length;
    units.push({ index, kind: 'block', ...(title ? { title } : {}), span: { start, end: start }, depth: 0, parent: 0 });
    current = index;
    currentHasBody = false;
    return index;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const span = { start: line.start, end: line.end };
    switch (line.kind) {
      case 'blank':
        continue;
      case 'related':
        ignored.push(span);
        closeCurrent(lastContentEnd);
        inRelated = true;
        continue;
      case 'boilerplate':
        ignored.push(span);
        continue;
      case 'pageDate':
        ignored.push(span);
        // Only the main article's date lines date the page; a related item's belong to it.
        if (inRelated) {
          if (current !== undefined) units[current]!.date ??= line.date;
        } else pageDate ??= line.date;
        continue;
      case 'blockDate':
        ignored.push(span);
        if (current !== undefined) {
          units[current]!.date ??= line.date;
          // Before any body it is a byline under the title: it dates the unit but does not end it.
          if (currentHasBody) closeCurrent(line.end);
          lastContentEnd = line.end;
        }
        continue;
      case 'text':
        break;
    }

    const lineText = text.slice(line.start, line.end);
    if (i === titleLine) {
      units[0]!.title = { text: lineText, span };
      sentences.push({ text: lineText, span, unitIndex: 0, isTitle: true });
      lastContentEnd = line.end;
      continue;
    }

    const opens =
      line.titleLike &&
      followedByBody(lines, i) &&
      (current === undefined || (inRelated && !relatedClosedByDates && current > 0 && currentHasBody));
    if (opens) {
      closeCurrent(lastContentEnd);
      const index = openBlock(line.start, { text: lineText, span });
      sentences.push({ text: lineText, span, unitIndex: index, isTitle: true });
      lastContentEnd = line.end;
      continue;
    }

    // Body text after a closed block with no title line of its own still is not the main article.
    const unitIndex: number = current ?? openBlock(line.start);
    pushSentences(text, line.start, line.end, unitIndex, sentences);
    currentHasBody = true;
    lastContentEnd = line.end;
  }
  closeCurrent(lastContentEnd);

  // The page's date: a page date line, else the date line that closed the main article.
  const date = pageDate ?? units[0]!.date;
  if (date !== undefined) units[0]!.date = date;

  const article: Article = {
    file,
    frontMatter: {},
    units: units as Unit[],
    sentences,
    ...(date !== undefined ? { date } : {}),
    ignored,
    directives: [],
  };
  return { article, problems: [] };
}

/** Line i is a date line right after body text (not a byline under a title). */
function closesBody(lines: readonly Line[], i: number): boolean {
  if (lines[i]!.kind !== 'blockDate') return false;
  for (let k = i - 1; k >= 0; k--) {
    const l = lines[k]!;
    if (l.kind === 'blank' || l.kind === 'boilerplate') continue;
    return l.kind === 'text' && !l.titleLike;
  }
  return false;
}

/** The next line that is not blank or furniture is body text or the block's date line. */
function followedByBody(lines: readonly Line[], i: number): boolean {
  for (let k = i + 1; k < lines.length; k++) {
    const kind = lines[k]!.kind;
    if (kind === 'blank' || kind === 'boilerplate') continue;
    return kind === 'text' || kind === 'blockDate';
  }
  return false;
}

function readLines(text: string, cs: CompiledStructure): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let eol = pos;
    while (eol < text.length) {
      const c = text.charCodeAt(eol);
      if (c === 10 || c === 13) break;
      eol++;
    }
    lines.push(classify(text, pos, eol, cs));
    if (eol >= text.length) break;
    pos = eol + (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? 2 : 1);
  }
  return lines;
}

const SPACE_CHAR = /[\s\u200b]/u;

function classify(text: string, lineStart: number, lineEnd: number, cs: CompiledStructure): Line {
  let start = lineStart;
  let end = lineEnd;
  while (start < end && SPACE_CHAR.test(text[start]!)) start++;
  while (end > start && SPACE_CHAR.test(text[end - 1]!)) end--;
  if (start === end) return { start, end: start, kind: 'blank', titleLike: false };
  const trimmed = text.slice(start, end);

  // Markers and prefixes are short: only a line's head needs the comparison form.
  const head = trimmed.length <= cs.longestKey ? normalise(trimmed) : normalise(trimmed.slice(0, cs.longestKey));
  const whole = trimmed.length <= cs.longestKey ? head : undefined;
  if (whole !== undefined && cs.related.has(whole)) return { start, end, kind: 'related', titleLike: false };
  if (
    (whole !== undefined && cs.boilerLines.has(whole)) ||
    cs.boilerPrefixes.some((p) => head.startsWith(p)) ||
    cs.boilerPatterns.some((r) => r.test(trimmed))
  ) {
    return { start, end, kind: 'boilerplate', titleLike: false };
  }
  const short = trimmed.length <= cs.maxTitleLength;
  const pageDate = matchDate(cs.pageDates, trimmed);
  if (pageDate) return { start, end, kind: 'pageDate', date: pageDate, titleLike: false };
  if (short) {
    const blockDate = matchDate(cs.blockDates, trimmed);
    if (blockDate) return { start, end, kind: 'blockDate', date: blockDate, titleLike: false };
  }
  return { start, end, kind: 'text', titleLike: short && isTitleLike(text, start, end, trimmed, cs) };
}

function isTitleLike(text: string, start: number, end: number, trimmed: string, cs: CompiledStructure): boolean {
  const last = trimmed.slice(-1);
  const body = cs.titleEnds.has(last) ? trimmed.slice(0, -1) : trimmed;
  if (SENTENCE_END.test(body) || LEAD_IN_END.test(body)) return false;
  // Numbered lines (一、… / 1. …) are sub-headings inside an article, not titles of new units.
  return listMarkerLength(text, start, end) === 0;
}

function matchDate(patterns: readonly RegExp[], s: string): string | undefined {
  for (const re of patterns) {
    const g = re.exec(s)?.groups;
    if (!g || g.y === undefined || g.m === undefined || g.d === undefined) continue;
    const date = isoDate(g.y, g.m, g.d);
    if (date) return date;
  }
  return undefined;
}

/** YYYY-MM-DD from year/month/day strings, or undefined if they are no calendar date. */
export function isoDate(y: string, m: string, d: string): string | undefined {
  let year = Number(y);
  if (y.length === 2) year += 2000;
  const month = Number(m);
  const day = Number(d);
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
