// HTML pages (scraped articles saved as .html/.htm): rehype-parse (parse5, as
// browsers parse) → hast → Article. Page furniture is dropped: script, style,
// nav, header, footer, aside (and head, template, noscript). Units come from
// <article> and <section> elements (a 'block' each) and from headings (a
// 'section' each, as in Markdown). Title: the first <h1>, else <title>, else
// <meta property="og:title">; date: <meta> article:published_time / date /
// datePublished, else the first <time>. Sentences are cut from the ORIGINAL
// source, with tags, comments and dropped elements blanked to spaces, so
// positions are exact; a character reference reads as its character padded
// with spaces (&amp; → "&    "), so its `;` does not end a sentence.
// Suppression directives are HTML comments, as in Markdown.

import { msg, type Message } from '../i18n/message.js';
import { unified, type Processor } from 'unified';
import rehypeParse from 'rehype-parse';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Element, Nodes, Root, RootContent } from 'hast';
import type { Article, Directive, Sentence, SourceFile, Span, TextSpan, Unit } from '../types.js';
import { LineIndex } from '../text/position.js';
import { pushSentences, setCellHeaders } from '../text/sentences.js';
import { applyMasks } from '../text/mask.js';
import { readDirective } from '../kernel/directives.js';
import { normaliseDate, trimSpan } from './front-matter.js';
import type { ParseOutput, ParseProblem } from './types.js';

let processor: Processor<Root> | undefined;
function htmlProcessor(): Processor<Root> {
  // verbose: attribute positions, for a title read from <meta content="…">.
  processor ??= unified().use(rehypeParse, { verbose: true }).freeze() as unknown as Processor<Root>;
  return processor;
}

/** Elements that are page furniture or not text: dropped with everything inside. */
const DROPPED = new Set(['script', 'style', 'nav', 'header', 'footer', 'aside', 'head', 'template', 'noscript', 'iframe', 'svg', 'math', 'object', 'canvas', 'select', 'button', 'form']);
/** Code is not prose. */
const CODE = new Set(['pre', 'code', 'kbd', 'samp']);
/** Elements whose text ends a run of prose: each is read as a block of its own. */
const BLOCKS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'ol', 'p', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br',
]);
const HEADING = /^h([1-6])$/;
/** A character reference (&amp; &#8220; &#x3000;), read in prose so its `;` is no sentence end. */
const CHARACTER_REFERENCE = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;
/** Meta names and properties that date a page, in order of preference. */
const DATE_META = ['article:published_time', 'datepublished', 'date', 'publishdate', 'pubdate', 'article:modified_time'];

interface MutableUnit {
  index: number;
  kind: Unit['kind'];
  title?: TextSpan;
  date?: string;
  span: { start: number; end: number };
  depth: number;
  parent?: number;
}

/** Where a prose range sits in a table: the table's number, its row and column. */
interface CellRef {
  readonly table: number;
  readonly row: number;
  readonly column: number;
}

/** A <table> being read: its number, the current row and column (-1 before the first). */
interface OpenTable {
  readonly table: number;
  row: number;
  column: number;
}

/** An open container: the whole page or an <article>/<section>; headings open sections inside it. */
interface Container {
  readonly unit: MutableUnit;
  /** Open heading sections inside it, outermost first. */
  readonly sections: MutableUnit[];
  /** Whether its first heading has been taken as its title. */
  titled: boolean;
}

class HtmlReader {
  readonly units: MutableUnit[];
  readonly sentences: Sentence[] = [];
  readonly ignored: Span[] = [];
  readonly directives: Directive[] = [];
  readonly problems: ParseProblem[] = [];
  private readonly masks: Span[] = [];
  /** Prose ranges, flattened: isTitle (0/1), start, end, unit. */
  private readonly prose: number[] = [];
  /** Per prose range (its index in `prose` / 4), the table cell it is read from. */
  private readonly cellOf: (CellRef | undefined)[] = [];
  /** The tables open around the text being read, innermost last. */
  private readonly tables: OpenTable[] = [];
  private tableCount = 0;
  private readonly containers: Container[];
  /** Text node spans of the run being read. */
  private run: Span[] = [];
  private lineIndex: LineIndex | undefined;
  pageTitle: TextSpan | undefined;
  metaTitle: TextSpan | undefined;
  metaDate: { rank: number; date: string } | undefined;
  timeDate: string | undefined;
  declaredCharset: { charset: string; offset: number } | undefined;

  constructor(
    private readonly file: SourceFile,
    private readonly text: string,
    private readonly base: number,
  ) {
    const article: MutableUnit = { index: 0, kind: 'article', span: { start: 0, end: file.text.length }, depth: 0 };
    this.units = [article];
    this.containers = [{ unit: article, sections: [], titled: true }];
  }

  private span(node: Nodes): Span | undefined {
    const p = node.position;
    if (!p || p.start.offset === undefined || p.end.offset === undefined) return undefined;
    return { start: p.start.offset + this.base, end: p.end.offset + this.base };
  }

  private problem(message: Message, offset: number, severity: ParseProblem['severity'] = 'warning'): void {
    this.lineIndex ??= new LineIndex(this.text);
    this.problems.push({ severity, message, ...this.lineIndex.position(offset) });
  }

  info(message: Message, offset: number): void {
    this.problem(message, offset, 'info');
  }

  /** The innermost unit text goes to. */
  private current(): MutableUnit {
    const c = this.containers.at(-1)!;
    return c.sections.at(-1) ?? c.unit;
  }

  walk(nodes: readonly RootContent[]): void {
    for (const node of nodes) this.node(node);
  }

  private node(node: RootContent): void {
    switch (node.type) {
      case 'text': {
        const s = this.span(node);
        if (s) this.run.push(s);
        return;
      }
      case 'comment': {
        const s = this.span(node);
        if (!s) return;
        this.ignored.push(s);
        const read = readDirective(node.value, s);
        if (read.directive) this.directives.push(read.directive);
        if (read.problem) this.problem(read.problem.message, read.problem.offset);
        return;
      }
      case 'element':
        this.element(node);
        return;
      default:
        return;
    }
  }

  private element(el: Element): void {
    const name = el.tagName;
    if (name === 'head') this.head(el);
    if (DROPPED.has(name) || CODE.has(name)) {
      const s = this.span(el);
      if (s) this.ignored.push(s);
      return;
    }
    if (name === 'time' && this.timeDate === undefined) {
      const dt = el.properties.dateTime;
      const date = normaliseDate(typeof dt === 'string' ? dt : textOf(el));
      if (date) {
        this.timeDate = date;
        const unit = this.current();
        if (unit.index > 0) unit.date ??= date;
      }
    }
    if (name === 'img') {
      // Not text (alt is not what the page says).
      return;
    }
    if (!BLOCKS.has(name)) {
      this.walk(el.children);
      return;
    }
    this.flush();
    const heading = HEADING.exec(name);
    if (name === 'table' || name === 'tr' || name === 'td' || name === 'th') this.tablePart(el, name);
    else if (heading) this.heading(el, Number(heading[1]));
    else if (name === 'article' || name === 'section') this.container(el);
    else this.walk(el.children);
    this.flush();
  }

  /** A table, row or cell: cells are read as blocks that know their row and column. */
  private tablePart(el: Element, name: string): void {
    const open = this.tables.at(-1);
    if (name === 'table') {
      this.tables.push({ table: this.tableCount++, row: -1, column: -1 });
      this.walk(el.children);
      this.flush();
      this.tables.pop();
      return;
    }
    if (!open) {
      this.walk(el.children);
      return;
    }
    if (name === 'tr') {
      open.row++;
      open.column = -1;
      this.walk(el.children);
      return;
    }
    if (open.row < 0) open.row = 0;
    open.column++;
    this.walk(el.children);
    this.flush();
  }

  private head(el: Element): void {
    for (const child of el.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'title') {
        const s = child.children[0] && this.span(child.children[0]);
        if (s) {
          const t = trimSpan(this.text, s.start, s.end);
          if (t.end > t.start) this.pageTitle = { text: this.text.slice(t.start, t.end), span: t };
        }
      } else if (child.tagName === 'meta') {
        this.meta(child);
      }
    }
  }

  private meta(el: Element): void {
    const charset = declaredCharset(el);
    if (charset) this.declaredCharset ??= { charset, offset: this.span(el)?.start ?? 0 };
    const key = String(el.properties.property ?? el.properties.name ?? el.properties.itemProp ?? '').toLowerCase();
    const content = el.properties.content;
    if (typeof content !== 'string') return;
    const rank = DATE_META.indexOf(key);
    if (rank >= 0) {
      const date = normaliseDate(content);
      if (date && (!this.metaDate || rank < this.metaDate.rank)) this.metaDate = { rank, date };
    } else if (key === 'og:title' && !this.metaTitle) {
      const span = this.attributeValue(el, 'content', content);
      if (span) this.metaTitle = { text: this.text.slice(span.start, span.end), span };
    }
  }

  /** The span of an attribute's value as written, when it is written as its value reads. */
  private attributeValue(el: Element, property: string, value: string): Span | undefined {
    const props = (el.data as { position?: { properties?: Record<string, Nodes['position']> } } | undefined)?.position?.properties;
    const p = props?.[property];
    if (!p || p.start.offset === undefined || p.end.offset === undefined) return undefined;
    const start = p.start.offset + this.base;
    const at = this.text.indexOf(value, start);
    if (at < 0 || at + value.length > p.end.offset + this.base) return undefined;
    const t = trimSpan(this.text, at, at + value.length);
    return t.end > t.start ? t : undefined;
  }

  private container(el: Element): void {
    const s = this.span(el);
    if (!s) {
      this.walk(el.children);
      return;
    }
    const parent = this.current();
    const unit: MutableUnit = { index: this.units.length, kind: 'block', span: { start: s.start, end: s.end }, depth: 0, parent: parent.index };
    this.units.push(unit);
    this.containers.push({ unit, sections: [], titled: false });
    this.walk(el.children);
    this.flush();
    const c = this.containers.pop()!;
    for (const section of c.sections) section.span.end = Math.min(section.span.end, s.end);
  }

  private heading(el: Element, depth: number): void {
    const s = this.span(el);
    const c = this.containers.at(-1)!;
    let unit: MutableUnit;
    if (!c.titled && s) {
      // An <article>'s or <section>'s first heading titles it.
      c.titled = true;
      unit = c.unit;
    } else if (s) {
      while (c.sections.length > 0 && c.sections.at(-1)!.depth >= depth) c.sections.pop()!.span.end = s.start;
      const parent = c.sections.at(-1) ?? c.unit;
      unit = { index: this.units.length, kind: 'section', span: { start: s.start, end: c.unit.span.end }, depth, parent: parent.index };
      this.units.push(unit);
      c.sections.push(unit);
    } else {
      this.walk(el.children);
      return;
    }
    this.walk(el.children);
    const run = this.takeRun();
    if (run) this.prose.push(1, run.start, run.end, unit.index);
  }

  /** The run read so far, with the gaps between its text nodes masked; the run is cleared. */
  private takeRun(): Span | undefined {
    const run = this.run;
    if (run.length === 0) return undefined;
    this.run = [];
    for (let k = 1; k < run.length; k++) if (run[k]!.start > run[k - 1]!.end) this.masks.push({ start: run[k - 1]!.end, end: run[k]!.start });
    return { start: run[0]!.start, end: run.at(-1)!.end };
  }

  /** Ends the run of prose: it becomes body text of the current unit. */
  private flush(): void {
    const run = this.takeRun();
    if (!run) return;
    const open = this.tables.at(-1);
    if (open && open.column >= 0) this.cellOf[this.prose.length / 4] = { table: open.table, row: open.row, column: open.column };
    this.prose.push(0, run.start, run.end, this.current().index);
  }

  /** The text of every table cell, by table, row and column (a cell read in several ranges joined). */
  private cellTexts(masked: string): Map<number, string[][]> {
    const out = new Map<number, string[][]>();
    for (let k = 0; k < this.cellOf.length; k++) {
      const c = this.cellOf[k];
      if (!c) continue;
      const grid = out.get(c.table) ?? [];
      out.set(c.table, grid);
      const row = (grid[c.row] ??= []);
      const text = masked.slice(this.prose[k * 4 + 1]!, this.prose[k * 4 + 2]!).trim();
      row[c.column] = row[c.column] ? `${row[c.column]} ${text}` : text;
    }
    return out;
  }

  finish(): void {
    this.flush();
    for (const c of this.containers) for (const section of c.sections) section.span.end = Math.min(section.span.end, c.unit.span.end);
    const prose = this.prose;
    const masked = decodeReferences(applyMasks(this.text, this.masks), prose);
    const cells = this.cellOf.length ? this.cellTexts(masked) : undefined;
    for (let k = 0; k < prose.length; k += 4) {
      const start = prose[k + 1]!;
      const end = prose[k + 2]!;
      const unitIndex = prose[k + 3]!;
      if (prose[k] === 1) {
        const t = trimSpan(masked, start, end);
        if (t.end <= t.start) continue;
        const title = { text: masked.slice(t.start, t.end), span: t };
        const unit = this.units[unitIndex]!;
        unit.title ??= title;
        this.sentences.push({ text: title.text, span: t, unitIndex, isTitle: true });
      } else {
        const from = this.sentences.length;
        pushSentences(masked, start, end, unitIndex, this.sentences);
        // A cell below the first row: its column's first cell and its row's first cell head it.
        const cell = this.cellOf[k / 4];
        const grid = cell && cell.row > 0 ? cells?.get(cell.table) : undefined;
        if (cell && grid) setCellHeaders(this.sentences, from, [grid[0]?.[cell.column], cell.column > 0 ? grid[cell.row]?.[0] : undefined]);
      }
    }
    this.sentences.sort((a, b) => a.span.start - b.span.start);
    this.ignored.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  article(): Article {
    const units = this.units;
    const firstH1 = units.find((u) => u.kind === 'section' && u.depth === 1 && u.title) ?? units.find((u) => u.index > 0 && u.title);
    const title = firstH1?.title ?? this.pageTitle ?? this.metaTitle;
    if (title) units[0]!.title = title;
    const date = this.metaDate?.date ?? this.timeDate;
    if (date) units[0]!.date = date;
    return {
      file: this.file,
      frontMatter: {},
      units: units as Unit[],
      sentences: this.sentences,
      ...(date ? { date } : {}),
      ignored: this.ignored,
      directives: this.directives,
    };
  }
}

/** Charsets that are GB18030 or a subset of it. */
const GB_CHARSETS = new Set(['gb18030', 'gbk', 'gb2312', 'gb_2312-80', 'x-gbk', 'cp936', 'euc-cn']);
const CHARSET_IN_CONTENT = /charset\s*=\s*["']?([\w.:-]+)/i;

/** The charset a <meta charset> or <meta http-equiv="Content-Type"> declares, lower-cased. */
function declaredCharset(el: Element): string | undefined {
  const direct = el.properties.charSet;
  if (typeof direct === 'string' && direct.trim()) return direct.trim().toLowerCase();
  const equiv = el.properties.httpEquiv;
  const content = el.properties.content;
  const isContentType = Array.isArray(equiv) ? equiv.some((v) => String(v).toLowerCase() === 'content-type') : String(equiv ?? '').toLowerCase() === 'content-type';
  if (!isContentType || typeof content !== 'string') return undefined;
  return CHARSET_IN_CONTENT.exec(content)?.[1]?.toLowerCase();
}

/**
 * The read stage decodes every format alike (byte order mark, UTF-8 validity,
 * GB18030 detection). A page whose <meta> declares another encoding than its
 * bytes have — often a page re-saved as UTF-8 that kept its gbk declaration —
 * gets an info note, so a wrong reading is not silent.
 */
function charsetNote(declared: { charset: string; offset: number } | undefined, encoding: SourceFile['encoding']): { message: Message; offset: number } | undefined {
  if (!declared) return undefined;
  const gb = GB_CHARSETS.has(declared.charset);
  const utf8 = declared.charset === 'utf-8' || declared.charset === 'utf8';
  if (gb && encoding === 'utf-8') return { message: msg('input.charset-utf8', { charset: declared.charset }), offset: declared.offset };
  if (utf8 && encoding === 'gb18030') return { message: msg('input.charset-gb18030'), offset: declared.offset };
  if (!gb && !utf8) return { message: msg('input.charset-declared', { charset: declared.charset, encoding: encoding === 'gb18030' ? 'GB18030' : 'UTF-8' }), offset: declared.offset };
  return undefined;
}

/**
 * Writes each character reference in the prose ranges as the character it
 * stands for, padded with spaces to the reference's length (&amp; → "&    "), so
 * a sentence reads what the page shows and offsets stay those of the source.
 */
function decodeReferences(text: string, prose: readonly number[]): string {
  if (!text.includes('&')) return text;
  const parts: string[] = [];
  let pos = 0;
  for (let k = 0; k < prose.length; k += 4) {
    const start = prose[k + 1]!;
    const end = prose[k + 2]!;
    CHARACTER_REFERENCE.lastIndex = start;
    for (let m = CHARACTER_REFERENCE.exec(text); m && m.index < end; m = CHARACTER_REFERENCE.exec(text)) {
      if (m.index + m[0].length > end) break;
      const value = referenceValue(m);
      if (value === undefined || value.length > m[0].length) continue;
      parts.push(text.slice(pos, m.index), value.padEnd(m[0].length, ' '));
      pos = m.index + m[0].length;
    }
  }
  if (pos === 0) return text;
  parts.push(text.slice(pos));
  return parts.join('');
}

function referenceValue(m: RegExpExecArray): string | undefined {
  if (m[3] !== undefined) {
    const named = decodeNamedCharacterReference(m[3]);
    return named === false ? undefined : named;
  }
  const code = m[1] !== undefined ? Number.parseInt(m[1], 10) : Number.parseInt(m[2]!, 16);
  // The code points HTML replaces or refuses (NUL, surrogates, beyond Unicode) are left as written.
  if (code === 0 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return undefined;
  return String.fromCodePoint(code);
}

function textOf(node: Element): string {
  let out = '';
  for (const c of node.children) out += c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '';
  return out;
}


export function parseHtml(file: SourceFile): ParseOutput {
  const text = file.text;
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tree = htmlProcessor().parse(base ? text.slice(base) : text);
  const reader = new HtmlReader(file, text, base);
  reader.walk(tree.children);
  reader.finish();
  const note = charsetNote(reader.declaredCharset, file.encoding);
  if (note) reader.info(note.message, note.offset);
  return { article: reader.article(), problems: reader.problems };
}
