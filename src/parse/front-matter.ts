// Front matter of Markdown and MDX articles: remark-frontmatter finds the block,
// `yaml` reads what is between the fences. Only the keys claimlint uses are
// kept; anything malformed is one warning with its line, and the article is
// read with empty front matter.

import { msg, type Message } from '../i18n/message.js';
import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import type { FrontMatter, Span, TextSpan } from '../types.js';
import { yamlNestingProblem } from '../yaml/nesting.js';

const DATE_PARTS = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:$|[T\s])/;

/** A problem at a file offset; the caller turns offsets into line and column. */
export interface OffsetProblem {
  readonly severity: 'warning' | 'info';
  readonly message: Message;
  readonly offset: number;
}

export interface FrontMatterResult {
  readonly frontMatter: FrontMatter;
  /** The title scalar with its place in the file (inside quotes). */
  readonly title?: TextSpan;
  readonly problems: OffsetProblem[];
}

/**
 * Reads text[contentStart, contentEnd) (the lines between the fences) as YAML.
 */
export function readFrontMatter(text: string, contentStart: number, contentEnd: number): FrontMatterResult {
  const problems: OffsetProblem[] = [];
  const source = text.slice(contentStart, contentEnd);
  // Nesting deep enough to overflow yaml's recursion is refused before yaml sees it.
  const deep = yamlNestingProblem(source);
  if (deep) {
    problems.push({ severity: 'warning', message: msg('input.front-matter-malformed', { reason: deep.message }), offset: contentStart + deep.offset });
    return { frontMatter: {}, problems };
  }
  // Offsets, not yaml's LineCounter: yaml's ranges are offsets into `source`, and
  // the caller turns file offsets into lines once for every kind of problem.
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    // yaml places some errors (an unclosed bracket) at the end of input; keep the
    // reported place inside the front matter, on the last character that is not a line break.
    let at = Math.min(err.pos[0], Math.max(0, source.length - 1));
    while (at > 0 && (source[at] === '\n' || source[at] === '\r')) at--;
    problems.push({ severity: 'warning', message: msg('input.front-matter-malformed', { reason: err.message.split('\n')[0]! }), offset: contentStart + at });
    return { frontMatter: {}, problems };
  }
  if (doc.contents === null) return { frontMatter: {}, problems };
  if (!isMap(doc.contents)) {
    problems.push({ severity: 'warning', message: msg('input.front-matter-pairs'), offset: contentStart });
    return { frontMatter: {}, problems };
  }

  const fm: { -readonly [K in keyof FrontMatter]: FrontMatter[K] } = {};
  let title: TextSpan | undefined;
  for (const pair of doc.contents.items) {
    const node = pair.value;
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const at = contentStart + (isScalar(node) && node.range ? node.range[0] : isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0);
    const scalar = isScalar(node);
    const value: unknown = scalar
      ? node.value
      : node && typeof node === 'object' && 'toJSON' in node
        ? (node as { toJSON(): unknown }).toJSON()
        : undefined;
    switch (key) {
      case 'title':
      case 'region': {
        const v = scalar ? scalarString(value) : undefined;
        if (v === undefined) {
          problems.push({ severity: 'warning', message: msg('input.front-matter-single', { key }), offset: at });
          break;
        }
        fm[key] = v;
        if (key === 'title' && scalar) title = { text: v, span: scalarSpan(node, contentStart, text) };
        break;
      }
      case 'date':
      case 'updated': {
        const v = scalar ? normaliseDate(value) : undefined;
        if (v === undefined) problems.push({ severity: 'warning', message: msg('input.front-matter-date', { key }), offset: at });
        else fm[key] = v;
        break;
      }
      case 'tags': {
        if (Array.isArray(value)) fm.tags = value.filter((t) => t !== null && typeof t !== 'object').map(String);
        else if (typeof value === 'string') fm.tags = value.split(/[,，、]/).map((t) => t.trim()).filter((t) => t.length > 0);
        else problems.push({ severity: 'warning', message: msg('input.front-matter-tags'), offset: at });
        break;
      }
      default:
        break;
    }
  }
  return title ? { frontMatter: fm, title, problems } : { frontMatter: fm, problems };
}

function scalarString(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** The scalar's text in the file: inside the quotes for quoted scalars. */
function scalarSpan(node: Scalar, contentStart: number, text: string): Span {
  const [s, e] = node.range ?? [0, 0];
  let start = contentStart + s;
  let end = contentStart + e;
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
    start++;
    end--;
  }
  return trimSpan(text, start, Math.max(start, end));
}

/** YYYY-MM-DD from a YAML date (Date or string such as 2025-3-14, 2025/03/14, 2025年3月14日). */
export function normaliseDate(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  if (typeof v !== 'string') return undefined;
  const m = DATE_PARTS.exec(v.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return `${m[1]}-${mo < 10 ? '0' : ''}${mo}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * Days in month mo (1–12) of year y, as new Date(Date.UTC(y, mo, 0)).getUTCDate()
 * gives them (Date.UTC reads years 0–99 as 1900–1999), without building a Date.
 */
function daysInMonth(y: number, mo: number): number {
  const year = y >= 0 && y <= 99 ? 1900 + y : y;
  if (mo === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000;
}

export function trimSpan(text: string, start: number, end: number): Span {
  let a = start;
  let b = end;
  while (a < b && isBlank(text.charCodeAt(a))) a++;
  while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
  return { start: a, end: b };
}
