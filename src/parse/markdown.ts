// Markdown parser: unified + remark-parse (CommonMark), remark-gfm (tables,
// literal autolinks, footnotes) and remark-frontmatter → mdast → Article.
// Sentences are cut from the ORIGINAL text, not from mdast's text values: mdast
// gives every node its offsets, and the parts of a block that are not prose
// (HTML, link destinations, images, URLs, hard-break backslashes, quote and
// list markers) are blanked to spaces in a copy of the text. Text and span stay
// the same length, so an index into Sentence.text plus span.start is a file offset.
// Inline code keeps its text: a figure in `…` is still something the article says.

import { msg, type Message } from '../i18n/message.js';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import type { Article, Directive, FrontMatter, Sentence, SourceFile, Span, TextSpan, Unit } from '../types.js';
import { LineIndex } from '../text/position.js';
import { pushSentences, setCellHeaders } from '../text/sentences.js';
import { applyMasks } from '../text/mask.js';
import { readHtmlCommentDirectives, type DirectiveProblem } from '../kernel/directives.js';
import { readFrontMatter, trimSpan } from './front-matter.js';
import type { ParseOutput, ParseProblem } from './types.js';
import { DEFAULT_PAGE_STRUCTURE, parsePlainText } from './plaintext.js';

export type { ParseOutput, ParseProblem } from './types.js';
export { normaliseDate } from './front-matter.js';

/**
 * Front matter fences: `---` … `---`, and `---` … `...` (YAML's document end),
 * tried in that order.
 */
export const FRONT_MATTER = [
  { type: 'yaml', marker: '-' },
  { type: 'yaml', fence: { open: '---', close: '...' } },
] as const;

// One processor for the process (building one runs every plugin's attacher),
// and the same without remark-gfm for text that cannot hold a GFM construct:
// GFM roughly doubles micromark's work (its literal-autolink check runs at every
// word), and without its trigger characters it adds no node, so both read such a
// text to the same tree (tests/parse/markdown.test.ts compares them).
let gfmProcessor: Processor<Root> | undefined;
let commonmarkProcessor: Processor<Root> | undefined;
export function markdownProcessor(withGfm = true): Processor<Root> {
  if (withGfm) {
    gfmProcessor ??= unified().use(remarkParse).use(remarkFrontmatter, [...FRONT_MATTER]).use(remarkGfm).freeze() as unknown as Processor<Root>;
    return gfmProcessor;
  }
  commonmarkProcessor ??= unified().use(remarkParse).use(remarkFrontmatter, [...FRONT_MATTER]).freeze() as unknown as Processor<Root>;
  return commonmarkProcessor;
}

/**
 * Characters every GFM construct needs: a table's pipes, strikethrough's
 * tildes, a task list's or footnote's bracket, an e-mail autolink's @, and the
 * www. / http:// / https:// a literal URL starts with.
 */
const GFM_TRIGGER = /[|~\[@]|www\.|https?:\/\//i;

/** Whether remark-gfm could change how text parses. */
export function mayHoldGfm(text: string): boolean {
  return GFM_TRIGGER.test(text);
}

/**
 * GFM table delimiter row. A paragraph with a delimiter row under a row with
 * pipes whose cell counts differ is no GFM table, but it is still read as
 * table cells, so no sentence is `|---|`.
 */
const TABLE_DELIMITER = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/;

/**
 * A quote container on the stack; list items are pushed as the line their
 * marker is on, footnote definitions as footnoteContainer(line of their label).
 */
const QUOTE = -1;
const footnoteContainer = (line: number): number => -2 - line;
/** A footnote definition's label, sticky at the start of its first line's content. */
const FOOTNOTE_LABEL = /\[\^[^\]\s]+\]:/y;

/** Prose block kinds waiting for the masked text. */
const PROSE = 0;
const HEADING = 1;
const TABLE_ROW = 2;

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

/** Line table of the original text; CR, LF and CRLF each end a line, as in CommonMark. */
export interface Lines {
  readonly starts: number[];
  readonly ends: number[];
}

export function lineTable(text: string, base: number): Lines {
  const starts = [base];
  const ends: number[] = [];
  if (text.indexOf('\r', base) === -1) {
    // LF only (the usual case): the native indexOf finds line breaks faster than a character loop.
    for (let i = text.indexOf('\n', base); i !== -1; i = text.indexOf('\n', i + 1)) {
      ends.push(i);
      starts.push(i + 1);
    }
    ends.push(text.length);
    return { starts, ends };
  }
  for (let i = base; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(text.length);
  return { starts, ends };
}

/** Hooks a dialect (MDX) adds to the mdast reader for node types of its own. */
export interface MdastDialect {
  /** Reads a block node the reader does not know; returns false to fall through to the default (walk its children). */
  block?(reader: MdastReader, node: RootContent): boolean;
  /** Reads an inline node the reader does not know; returns false to fall through to the default. */
  inline?(reader: MdastReader, node: Nodes): boolean;
}

/** Parse state for one file: mdast → units, sentences, ignored spans, directives. */
export class MdastReader {
  readonly units: MutableUnit[];
  readonly sentences: Sentence[] = [];
  readonly ignored: Span[] = [];
  readonly directives: Directive[] = [];
  readonly problems: ParseProblem[] = [];
  readonly text: string;
  /** Source ranges blanked out of sentence text. */
  readonly masks: Span[] = [];
  /** Prose ranges to split once masks are known, flattened: kind, start, end, unit. */
  private readonly prose: number[] = [];
  private readonly openSections: MutableUnit[] = [];
  /** Open containers, outermost first: QUOTE for a blockquote, else the line of a list item's marker. */
  private readonly containers: number[] = [];
  private currentUnit = 0;
  private lineIndex: LineIndex | undefined;
  frontMatter: FrontMatter = {};
  frontMatterTitle: TextSpan | undefined;

  constructor(
    private readonly file: SourceFile,
    private readonly lines: Lines,
    /** mdast offsets are counted after a BOM; this is added to each. */
    private readonly base: number,
    private readonly dialect: MdastDialect = {},
  ) {
    this.text = file.text;
    this.units = [{ index: 0, kind: 'article', span: { start: 0, end: file.text.length }, depth: 0 }];
  }

  position(offset: number): { line: number; column: number } {
    this.lineIndex ??= new LineIndex(this.file.text);
    return this.lineIndex.position(offset);
  }

  problem(severity: ParseProblem['severity'], message: Message, offset: number): void {
    this.problems.push({ severity, message, ...this.position(offset) });
  }

  /** A node's span in the file. */
  span(node: Nodes): Span {
    const p = node.position;
    if (!p || p.start.offset === undefined || p.end.offset === undefined) return { start: 0, end: 0 };
    return { start: p.start.offset + this.base, end: p.end.offset + this.base };
  }

  private line(node: Nodes, edge: 'start' | 'end'): number {
    return (node.position?.[edge].line ?? 1) - 1;
  }

  /** Masks a span and marks it as not prose. */
  hide(span: Span): void {
    if (span.end <= span.start) return;
    this.masks.push(span);
    this.ignored.push(span);
  }

  /** Records an HTML span as not prose and reads claimlint directives from its comments. */
  html(span: Span): void {
    this.ignored.push(span);
    const found: DirectiveProblem[] = [];
    readHtmlCommentDirectives(this.text, span.start, span.end, this.directives, found);
    for (const p of found) this.problem('warning', p.message, p.offset);
  }

  readRoot(root: Root): void {
    this.blocks(root.children);
  }

  blocks(children: readonly RootContent[]): void {
    for (const node of children) this.block(node);
  }

  private block(node: RootContent): void {
    switch (node.type) {
      case 'yaml': {
        const span = this.span(node);
        this.ignored.push(span);
        // The content is every line between the fence lines.
        const first = this.line(node, 'start') + 1;
        const last = this.line(node, 'end');
        const contentStart = this.lines.starts[Math.min(first, last)]!;
        const contentEnd = first < last ? this.lines.starts[last]! : contentStart;
        const fm = readFrontMatter(this.text, contentStart, contentEnd);
        for (const p of fm.problems) this.problem(p.severity, p.message, p.offset);
        this.frontMatter = fm.frontMatter;
        this.frontMatterTitle = fm.title;
        return;
      }
      case 'heading':
        this.heading(node);
        return;
      case 'paragraph':
        this.paragraph(node);
        return;
      case 'blockquote':
        this.containers.push(QUOTE);
        this.blocks(node.children);
        this.containers.pop();
        return;
      case 'list':
        this.blocks(node.children);
        return;
      case 'listItem':
        this.containers.push(this.line(node, 'start'));
        this.blocks(node.children);
        this.containers.pop();
        return;
      case 'table':
        for (const row of node.children) this.tableRow(row);
        return;
      case 'code': {
        // An indented code block's indentation is part of it; only trailing blanks are trimmed.
        const s = this.span(node);
        this.ignored.push({ start: s.start, end: trimSpan(this.text, s.start, s.end).end });
        return;
      }
      case 'html': {
        const s = this.span(node);
        this.html(trimSpan(this.text, s.start, s.end));
        return;
      }
      case 'definition': {
        const s = this.span(node);
        this.ignored.push(trimSpan(this.text, s.start, s.end));
        return;
      }
      case 'footnoteDefinition':
        // Its `[^label]:` is cut off its first line like a list marker.
        this.containers.push(footnoteContainer(this.line(node, 'start')));
        this.blocks(node.children);
        this.containers.pop();
        return;
      case 'thematicBreak':
        return;
      default:
        if (this.dialect.block?.(this, node)) return;
        if ('children' in node) this.blocks((node as Parent).children as RootContent[]);
        return;
    }
  }

  /**
   * Offset of a line's content inside the open containers: past the `>` of each
   * blockquote and past the marker of each list item that starts on this line.
   * Indentation is left for the sentence splitter to trim.
   */
  private contentStart(line: number): number {
    const text = this.text;
    const end = this.lines.ends[line]!;
    let p = this.lines.starts[line]!;
    for (const c of this.containers) {
      if (c !== QUOTE && c !== line && c !== footnoteContainer(line)) continue;
      while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
      const ch = text.charCodeAt(p);
      if (c < QUOTE) {
        FOOTNOTE_LABEL.lastIndex = p;
        if (FOOTNOTE_LABEL.test(text)) p = FOOTNOTE_LABEL.lastIndex;
      } else if (c === QUOTE) {
        // A lazy continuation line has no `>`.
        if (ch === 62 /* > */) p++;
      } else if (ch === 45 || ch === 42 || ch === 43 /* - * + */) {
        p++;
      } else {
        let q = p;
        while (q < end && q - p < 9 && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
        const after = text.charCodeAt(q);
        if (q > p && (after === 46 || after === 41) /* . ) */) p = q + 1;
      }
    }
    return p;
  }

  private heading(node: Extract<RootContent, { type: 'heading' }>): void {
    const start = this.span(node).start;
    const depth = node.depth;
    // Close sections of the same or deeper level; the remaining top is the parent.
    while (this.openSections.length > 0 && this.openSections.at(-1)!.depth >= depth) {
      this.openSections.pop()!.span.end = start;
    }
    const parent = this.openSections.at(-1)?.index ?? 0;
    const unit: MutableUnit = { index: this.units.length, kind: 'section', span: { start, end: this.text.length }, depth, parent };
    this.units.push(unit);
    this.openSections.push(unit);
    this.currentUnit = unit.index;

    const kids = node.children;
    if (kids.length === 0) return;
    const contentStart = this.span(kids[0]!).start;
    const contentEnd = this.span(kids.at(-1)!).end;
    if (contentEnd <= contentStart) return;
    this.inlines(kids);
    this.prose.push(HEADING, contentStart, contentEnd, unit.index);
  }

  private paragraph(node: Extract<RootContent, { type: 'paragraph' }>): void {
    const first = this.line(node, 'start');
    const last = this.line(node, 'end');
    const pipes = this.inlines(node.children);
    const tableFrom = pipes ? this.looseTableStart(first, last) : -1;
    if (tableFrom < 0 && this.containers.length === 0) {
      // Top level: no prefixes to drop, and the splitter handles line breaks itself.
      this.prose.push(PROSE, this.lines.starts[first]!, this.lines.ends[last]!, this.currentUnit);
      return;
    }
    for (let l = first; l <= last; l++) {
      if (tableFrom >= 0 && l === tableFrom + 1) continue;
      this.prose.push(tableFrom >= 0 && l >= tableFrom ? TABLE_ROW : PROSE, this.contentStart(l), this.lines.ends[l]!, this.currentUnit);
    }
  }

  /** Line of a table header row inside a paragraph (a delimiter row follows it), or -1. */
  private looseTableStart(first: number, last: number): number {
    const text = this.text;
    for (let l = first + 1; l <= last; l++) {
      const row = text.slice(this.contentStart(l), this.lines.ends[l]!).trim();
      if (row.includes('-') && TABLE_DELIMITER.test(row) && text.slice(this.contentStart(l - 1), this.lines.ends[l - 1]!).includes('|')) return l - 1;
    }
    return -1;
  }

  private tableRow(row: Parent): void {
    const line = this.line(row as Nodes, 'start');
    for (const cell of row.children) if ('children' in cell) this.inlines((cell as Parent).children as Nodes[]);
    this.prose.push(TABLE_ROW, this.contentStart(line), this.lines.ends[line]!, this.currentUnit);
  }

  /**
   * Masks the non-prose parts of inline content. Returns whether its text has a
   * pipe (a paragraph that may be a table GFM did not take).
   */
  inlines(children: readonly Nodes[]): boolean {
    let pipes = false;
    for (const node of children) if (this.inline(node)) pipes = true;
    return pipes;
  }

  private inline(node: Nodes): boolean {
    const text = this.text;
    switch (node.type) {
      case 'text':
        return node.value.includes('|');
      case 'inlineCode':
        return false;
      case 'break': {
        // A backslash before a line break is a hard break, not text.
        const s = this.span(node);
        if (text.charCodeAt(s.start) === 92 /* \ */) this.masks.push({ start: s.start, end: s.start + 1 });
        return false;
      }
      case 'html': {
        const s = this.span(node);
        this.masks.push(s);
        this.html(s);
        return false;
      }
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        this.hide(this.span(node));
        return false;
      case 'link':
      case 'linkReference': {
        const s = this.span(node);
        const kids = node.children;
        // An autolink (<https://…>) or a bare URL GFM linked: the text is the URL.
        if (text.charCodeAt(s.start) !== 91 /* [ */ || kids.length === 0) {
          this.hide(s);
          return false;
        }
        const textEnd = this.span(kids.at(-1)!).end;
        this.masks.push({ start: s.start, end: s.start + 1 });
        this.hide({ start: textEnd, end: s.end });
        return this.inlines(kids);
      }
      default:
        if (this.dialect.inline?.(this, node)) return false;
        if ('children' in node) return this.inlines((node as Parent).children as Nodes[]);
        return false;
    }
  }

  /** Turns the collected prose ranges into sentences and titles. */
  finish(): void {
    const masked = applyMasks(this.text, this.masks);
    const prose = this.prose;
    // The first row of the table being read (consecutive rows of one unit make a table): its cells head the columns.
    let header: string[] | undefined;
    for (let k = 0; k < prose.length; k += 4) {
      const kind = prose[k]!;
      const start = prose[k + 1]!;
      const end = prose[k + 2]!;
      const unitIndex = prose[k + 3]!;
      if (kind !== TABLE_ROW || (k > 0 && (prose[k - 4] !== TABLE_ROW || prose[k - 1] !== unitIndex))) header = undefined;
      if (kind === TABLE_ROW) {
        const cells = tableCells(masked, start, end);
        const texts = cells.map((c) => masked.slice(c.start, c.end).trim());
        const rowHead = texts.findIndex((t) => t.length > 0);
        for (let i = 0; i < cells.length; i++) {
          const from = this.sentences.length;
          pushSentences(masked, cells[i]!.start, cells[i]!.end, unitIndex, this.sentences);
          if (header) setCellHeaders(this.sentences, from, [header[i], i > rowHead ? texts[rowHead] : undefined]);
        }
        header ??= texts;
        continue;
      }
      if (kind === HEADING) {
        const t = trimSpan(masked, start, end);
        if (t.end <= t.start) continue;
        const title = { text: masked.slice(t.start, t.end), span: t };
        this.units[unitIndex]!.title = title;
        this.sentences.push({ text: title.text, span: t, unitIndex, isTitle: true });
      } else {
        pushSentences(masked, start, end, unitIndex, this.sentences);
      }
    }
    this.ignored.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** The Article: units titled and dated from the front matter or the first h1. */
  article(): Article {
    const frontMatter = this.frontMatter;
    const date = frontMatter.updated ?? frontMatter.date;
    const units = this.units;
    const firstH1 = units.find((u) => u.kind === 'section' && u.depth === 1 && u.title);
    const title = this.frontMatterTitle ?? firstH1?.title;
    if (title) units[0]!.title = title;
    if (date) units[0]!.date = date;
    if (frontMatter.region) for (const u of units) u.declaredRegion = frontMatter.region;
    return {
      file: this.file,
      frontMatter,
      units: units as Unit[],
      sentences: this.sentences,
      ...(date ? { date } : {}),
      ignored: this.ignored,
      directives: this.directives,
    };
  }
}

/**
 * Container nesting (block quotes and list items opened on one line) deeper
 * than this is not given to remark: micromark and mdast-util-from-markdown
 * recurse once per level, and thousands of levels (`>>>>…`, `1. 1. 1. …`)
 * overflow the stack at a depth that depends on the stack already in use. No
 * article nests a hundred levels; such a file is read as a plain-text page.
 */
export const MAX_CONTAINER_DEPTH = 100;

/** Where the body starts: after a front matter block (its YAML has its own nesting check), else 0. */
function bodyStart(text: string): number {
  if (!/^\ufeff?---[ \t]*\r?\n/.test(text)) return 0;
  const close = /\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  return close ? close.index + close[0].length : 0;
}

/** The first offset where a line of the body opens more than `max` containers, or -1. */
export function tooDeep(text: string, max = MAX_CONTAINER_DEPTH): number {
  let p = bodyStart(text);
  const n = text.length;
  while (p < n) {
    let depth = 0;
    for (;;) {
      while (p < n && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
      const c = text.charCodeAt(p);
      if (c === 62 /* > */) p++;
      else if ((c === 45 || c === 42 || c === 43) /* - * + */ && (text.charCodeAt(p + 1) === 32 || text.charCodeAt(p + 1) === 9)) p += 2;
      else if (c >= 48 && c <= 57) {
        let q = p;
        while (q < n && q - p < 9 && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
        const after = text.charCodeAt(q);
        if ((after !== 46 && after !== 41) /* . ) */ || (text.charCodeAt(q + 1) !== 32 && text.charCodeAt(q + 1) !== 9)) break;
        p = q + 2;
      } else break;
      if (++depth > max) return p;
    }
    const eol = text.indexOf('\n', p);
    if (eol === -1) break;
    p = eol + 1;
  }
  return -1;
}

/** Reads a file with a unified processor whose parser gives mdast. */
export function readMdast(file: SourceFile, parse: (text: string) => Root, dialect?: MdastDialect): ParseOutput {
  const text = file.text;
  const deep = tooDeep(text);
  if (deep >= 0) {
    const out = parsePlainText(file, DEFAULT_PAGE_STRUCTURE);
    const at = new LineIndex(text).position(deep);
    out.problems.unshift({ severity: 'warning', message: msg('input.markdown-too-deep', { depth: MAX_CONTAINER_DEPTH }), ...at });
    return out;
  }
  // micromark skips a BOM and counts offsets after it.
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const reader = new MdastReader(file, lineTable(text, base), base, dialect);
  reader.readRoot(parse(base ? text.slice(base) : text));
  reader.finish();
  return { article: reader.article(), problems: reader.problems };
}

export interface ParseMarkdownOptions {
  /** 'always' parses with remark-gfm even when the text has no GFM trigger (tests compare the two). */
  readonly gfm?: 'auto' | 'always';
}

export function parseMarkdown(file: SourceFile, options: ParseMarkdownOptions = {}): ParseOutput {
  const p = markdownProcessor(options.gfm === 'always' || mayHoldGfm(file.text));
  return readMdast(file, (text) => p.parse(text));
}


/** Cell ranges of a table row, split at unescaped pipes; outer pipes leave empty cells the splitter drops. */
function tableCells(text: string, start: number, end: number): Span[] {
  const cells: Span[] = [];
  let cellStart = start;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === 124 /* | */ && text.charCodeAt(i - 1) !== 92 /* \ */) {
      cells.push({ start: cellStart, end: i });
      cellStart = i + 1;
    }
  }
  cells.push({ start: cellStart, end });
  return cells;
}
