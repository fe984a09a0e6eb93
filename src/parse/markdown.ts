// Markdown parser: mdast (remark-parse + remark-frontmatter) → Article.
// Positions come from mdast offsets only (its columns are not UTF-16 columns).
// Sentences are cut from the raw source of each paragraph/heading/table cell so
// every span is exact; non-prose inline parts (HTML, link destinations, images)
// are blanked to spaces in the sentence text, which keeps text and span the
// same length, so an index into Sentence.text plus span.start is a file offset.

import type { Heading, Nodes, Paragraph, PhrasingContent, Root, Yaml } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import type { Article, Directive, FrontMatter, Sentence, SourceFile, Span, TextSpan, Unit } from '../types.js';
import { LineIndex } from '../text/position.js';
import { splitSentences } from '../text/sentences.js';

export interface ParseProblem {
  severity: 'warning' | 'info';
  message: string;
  line: number;
  column: number;
}

export interface ParseOutput {
  article: Article;
  problems: ParseProblem[];
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

const DIRECTIVE = /<!--\s*claimlint-([a-z-]+)([\s\S]*?)-->/g;
const DIRECTIVE_KINDS: ReadonlySet<string> = new Set(['disable', 'enable', 'disable-next-line', 'disable-line']);
/** "rule-a, rule-b -- reason": rule ids, then an optional reason after a double dash. */
const REASON_SEPARATOR = /(?:^|\s)--(?:\s|$)/;
const RULE_LIST_SEPARATOR = /[\s,，]+/;
/** GFM table delimiter row (remark-gfm is not used, so tables arrive as paragraphs). */
const TABLE_DELIMITER = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/;
const DATE_PARTS = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:$|[T\s])/;

interface MutableUnit {
  index: number;
  kind: Unit['kind'];
  title?: TextSpan;
  date?: string;
  declaredRegion?: string;
  span: { start: number; end: number };
  depth: number;
  parent?: number;
}

/** Parse state for one file. */
class MarkdownReader {
  readonly units: MutableUnit[];
  readonly sentences: Sentence[] = [];
  readonly ignored: Span[] = [];
  readonly directives: Directive[] = [];
  readonly problems: ParseProblem[] = [];
  /** Source ranges blanked out of sentence text. */
  private readonly masks: Span[] = [];
  /** Paragraph-like ranges to split once masks are known: [start, end, blockquote depth, isHeading, unit]. */
  private readonly prose: { start: number; end: number; quoteDepth: number; heading: boolean; unit: number }[] = [];
  private readonly openSections: MutableUnit[] = [];
  private currentUnit = 0;
  private lines: LineIndex | undefined;

  constructor(
    private readonly file: SourceFile,
    /** Offset of the parsed source in file.text (1 when a BOM was skipped). */
    private readonly base: number,
  ) {
    this.units = [{ index: 0, kind: 'article', span: { start: 0, end: file.text.length }, depth: 0 }];
  }

  position(offset: number): { line: number; column: number } {
    this.lines ??= new LineIndex(this.file.text);
    return this.lines.position(offset);
  }

  start(n: Nodes): number {
    return this.base + (n.position?.start.offset ?? 0);
  }

  end(n: Nodes): number {
    return this.base + (n.position?.end.offset ?? 0);
  }

  walk(node: Nodes, quoteDepth: number): void {
    switch (node.type) {
      case 'yaml':
        this.ignored.push({ start: this.start(node), end: this.end(node) });
        return;
      case 'code':
      case 'definition':
        this.ignored.push({ start: this.start(node), end: this.end(node) });
        return;
      case 'html':
        this.html(node.value, this.start(node), this.end(node));
        return;
      case 'heading':
        this.heading(node);
        return;
      case 'paragraph':
        this.paragraph(node, quoteDepth);
        return;
      case 'blockquote':
        for (const c of node.children) this.walk(c, quoteDepth + 1);
        return;
      default:
        if ('children' in node) for (const c of node.children as Nodes[]) this.walk(c, quoteDepth);
    }
  }

  private heading(node: Heading): void {
    const start = this.start(node);
    // Close sections of the same or deeper level; the remaining top is the parent.
    while (this.openSections.length > 0 && this.openSections.at(-1)!.depth >= node.depth) {
      this.openSections.pop()!.span.end = start;
    }
    const parent = this.openSections.at(-1)?.index ?? 0;
    const unit: MutableUnit = { index: this.units.length, kind: 'section', span: { start, end: this.file.text.length }, depth: node.depth, parent };
    this.units.push(unit);
    this.openSections.push(unit);
    this.currentUnit = unit.index;
    this.inline(node.children);
    const first = node.children[0];
    const last = node.children.at(-1);
    if (first && last) {
      this.prose.push({ start: this.start(first), end: this.end(last), quoteDepth: 0, heading: true, unit: unit.index });
    }
  }

  private paragraph(node: Paragraph, quoteDepth: number): void {
    this.inline(node.children);
    this.prose.push({ start: this.start(node), end: this.end(node), quoteDepth, heading: false, unit: this.currentUnit });
  }

  /** Collects inline HTML (directives), and masks what is not prose. */
  private inline(children: readonly PhrasingContent[]): void {
    for (const n of children) {
      switch (n.type) {
        case 'html':
          this.html(n.value, this.start(n), this.end(n));
          this.masks.push({ start: this.start(n), end: this.end(n) });
          break;
        case 'image':
        case 'imageReference':
          this.masks.push({ start: this.start(n), end: this.end(n) });
          this.ignored.push({ start: this.start(n), end: this.end(n) });
          break;
        case 'break':
          this.masks.push({ start: this.start(n), end: this.end(n) });
          break;
        case 'link':
        case 'linkReference': {
          const first = n.children[0];
          const last = n.children.at(-1);
          const s = this.start(n);
          const e = this.end(n);
          // An autolink's text is its URL; otherwise keep the text, drop the brackets and destination.
          if (!first || !last || this.file.text.charCodeAt(s) === 60 /* < */) {
            this.masks.push({ start: s, end: e });
            this.ignored.push({ start: s, end: e });
          } else {
            this.masks.push({ start: s, end: this.start(first) }, { start: this.end(last), end: e });
            this.ignored.push({ start: this.end(last), end: e });
            this.inline(n.children);
          }
          break;
        }
        default:
          if ('children' in n) this.inline(n.children as PhrasingContent[]);
      }
    }
  }

  private html(value: string, start: number, end: number): void {
    this.ignored.push({ start, end });
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(value); m; m = DIRECTIVE.exec(value)) {
      const span = { start: start + m.index, end: start + m.index + m[0].length };
      const kind = m[1]!;
      if (!DIRECTIVE_KINDS.has(kind)) {
        this.problem('warning', `unknown directive "claimlint-${kind}" (expected claimlint-disable, -enable, -disable-next-line or -disable-line)`, span.start);
        continue;
      }
      const body = m[2]!;
      const sep = REASON_SEPARATOR.exec(body);
      const rules = sep ? body.slice(0, sep.index) : body;
      const reason = sep ? body.slice(sep.index + sep[0].length).trim() : '';
      this.directives.push({
        kind: kind as Directive['kind'],
        ruleIds: rules.split(RULE_LIST_SEPARATOR).filter((r) => r.length > 0),
        ...(reason ? { reason } : {}),
        span,
      });
    }
  }

  problem(severity: ParseProblem['severity'], message: string, offset: number): void {
    this.problems.push({ severity, message, ...this.position(offset) });
  }

  /** Closes open sections and turns the collected prose ranges into sentences. */
  finish(): void {
    const text = this.file.text;
    const masked = applyMasks(text, this.masks);
    for (const p of this.prose) {
      if (p.heading) {
        const t = trimSpan(masked, p.start, p.end);
        if (t.end <= t.start) continue;
        const title = { text: masked.slice(t.start, t.end), span: t };
        this.units[p.unit]!.title = title;
        this.sentences.push({ ...title, unitIndex: p.unit, isTitle: true });
        continue;
      }
      for (const s of proseSentences(masked, p.start, p.end, p.quoteDepth)) {
        this.sentences.push({ text: s.text, span: s.span, unitIndex: p.unit, isTitle: false });
      }
    }
    this.ignored.sort((a, b) => a.start - b.start || a.end - b.end);
  }
}

export function parseMarkdown(file: SourceFile): ParseOutput {
  // micromark drops a leading BOM and would count offsets from after it.
  const base = file.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = processor.parse(base ? file.text.slice(1) : file.text) as Root;
  const reader = new MarkdownReader(file, base);

  let frontMatter: FrontMatter = {};
  let fmTitle: TextSpan | undefined;
  const yamlNode = root.children.find((n): n is Yaml => n.type === 'yaml');
  if (yamlNode) {
    const fm = readFrontMatter(file.text, reader.start(yamlNode), reader.end(yamlNode), reader);
    frontMatter = fm.frontMatter;
    fmTitle = fm.title;
  }

  for (const child of root.children) reader.walk(child, 0);
  reader.finish();

  const date = frontMatter.updated ?? frontMatter.date;
  const units = reader.units;
  const article0 = units[0]!;
  const firstH1 = units.find((u) => u.kind === 'section' && u.depth === 1 && u.title);
  const title = fmTitle ?? firstH1?.title;
  if (title) article0.title = title;
  if (date) article0.date = date;
  if (frontMatter.region) for (const u of units) u.declaredRegion = frontMatter.region;

  const article: Article = {
    file,
    frontMatter,
    units: units as Unit[],
    sentences: reader.sentences,
    ...(date ? { date } : {}),
    ignored: reader.ignored,
    directives: reader.directives,
  };
  return { article, problems: reader.problems };
}

/** Reads the YAML between the fences; on any error reports it and returns empty front matter. */
function readFrontMatter(
  text: string,
  nodeStart: number,
  nodeEnd: number,
  reader: MarkdownReader,
): { frontMatter: FrontMatter; title?: TextSpan } {
  const contentStart = text.indexOf('\n', nodeStart) + 1;
  const closingLine = Math.max(contentStart, lastLineStart(text, nodeEnd));
  const source = text.slice(contentStart, closingLine);
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    // yaml places some errors (an unclosed bracket) at the end of input; keep the
    // reported line inside the front matter, on the last character that is not a line break.
    let at = contentStart + Math.min(err.pos[0], Math.max(0, source.length - 1));
    while (at > contentStart && (text[at] === '\n' || text[at] === '\r')) at--;
    reader.problem('warning', `malformed front matter (ignored): ${err.message.split('\n')[0]}`, at);
    return { frontMatter: {} };
  }
  if (doc.contents === null) return { frontMatter: {} };
  if (!isMap(doc.contents)) {
    reader.problem('warning', 'malformed front matter (ignored): expected key: value pairs', contentStart);
    return { frontMatter: {} };
  }

  const fm: { -readonly [K in keyof FrontMatter]: FrontMatter[K] } = {};
  let title: TextSpan | undefined;
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const node = pair.value;
    const at = contentStart + (isScalar(node) && node.range ? node.range[0] : isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0);
    switch (key) {
      case 'title':
      case 'region': {
        const v = scalarString(node);
        if (v === undefined) {
          reader.problem('warning', `front matter "${key}" should be a single value`, at);
          break;
        }
        fm[key] = v;
        if (key === 'title' && isScalar(node)) title = { text: v, span: scalarSpan(node, contentStart, text) };
        break;
      }
      case 'date':
      case 'updated': {
        const v = isScalar(node) ? normaliseDate(node.value) : undefined;
        if (v === undefined) reader.problem('warning', `front matter "${key}" is not a date (expected YYYY-MM-DD)`, at);
        else fm[key] = v;
        break;
      }
      case 'tags': {
        const json: unknown = node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : undefined;
        if (Array.isArray(json)) fm.tags = json.filter((t) => t !== null && typeof t !== 'object').map(String);
        else if (typeof json === 'string') fm.tags = json.split(/[,，、]/).map((t) => t.trim()).filter((t) => t.length > 0);
        else reader.problem('warning', 'front matter "tags" should be a list', at);
        break;
      }
      default:
        break;
    }
  }
  return title ? { frontMatter: fm, title } : { frontMatter: fm };
}

function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
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
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function lastLineStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

/** Copy of text with mask ranges replaced by spaces (line breaks kept), same length. */
function applyMasks(text: string, masks: readonly Span[]): string {
  if (masks.length === 0) return text;
  const sorted = [...masks].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let pos = 0;
  for (const m of sorted) {
    const s = Math.max(m.start, pos);
    if (m.end <= s) continue;
    parts.push(text.slice(pos, s), text.slice(s, m.end).replace(/[^\r\n]/g, ' '));
    pos = m.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000;
}

function trimSpan(text: string, start: number, end: number): Span {
  let a = start;
  let b = end;
  while (a < b && isBlank(text.charCodeAt(a))) a++;
  while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
  return { start: a, end: b };
}

/**
 * Sentences of a paragraph's source range, line by line: continuation lines
 * lose their blockquote markers, and table rows are split into cells.
 */
function proseSentences(text: string, start: number, end: number, quoteDepth: number): TextSpan[] {
  const lines: Span[] = [];
  let pos = start;
  while (pos < end) {
    let eol = pos;
    while (eol < end && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    let s = pos;
    if (pos !== start && quoteDepth > 0) s = skipQuoteMarkers(text, s, eol, quoteDepth);
    lines.push({ start: s, end: eol });
    pos = eol + (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? 2 : 1);
  }

  // A delimiter row under a row with pipes makes the rest of the paragraph a table.
  let tableFrom = lines.length;
  for (let i = 1; i < lines.length; i++) {
    const row = text.slice(lines[i]!.start, lines[i]!.end).trim();
    if (row.includes('-') && TABLE_DELIMITER.test(row) && text.slice(lines[i - 1]!.start, lines[i - 1]!.end).includes('|')) {
      tableFrom = i - 1;
      break;
    }
  }

  const out: TextSpan[] = [];
  lines.forEach((line, i) => {
    if (i < tableFrom) out.push(...splitSentences(text, line.start, line.end));
    else if (i !== tableFrom + 1) for (const cell of tableCells(text, line)) out.push(...splitSentences(text, cell.start, cell.end));
  });
  return out;
}

function skipQuoteMarkers(text: string, start: number, end: number, depth: number): number {
  let i = start;
  for (let d = 0; d < depth; d++) {
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (text.charCodeAt(i) !== 62 /* > */) break;
    i++;
  }
  return i;
}

/** Cell ranges of a table row, split at unescaped pipes; outer pipes are dropped. */
function tableCells(text: string, line: Span): Span[] {
  const cells: Span[] = [];
  let cellStart = line.start;
  for (let i = line.start; i < line.end; i++) {
    if (text.charCodeAt(i) === 124 /* | */ && text.charCodeAt(i - 1) !== 92 /* \ */) {
      cells.push({ start: cellStart, end: i });
      cellStart = i + 1;
    }
  }
  cells.push({ start: cellStart, end: line.end });
  return cells;
}
