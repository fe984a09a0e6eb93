// Markdown parser: markdown-it block tokens → Article.
// Only markdown-it's block phase runs: it gives each block a line range, which a
// line table of the ORIGINAL text turns into exact UTF-16 offsets. Inline syntax
// is not parsed by markdown-it (its inline tokens carry no positions and the
// inline phase is most of its cost); instead a linear scan of each prose block
// finds the few inline constructs that are not prose: HTML (and the directives in
// comments), link destinations, images. Those are blanked to spaces in the
// sentence text, which keeps text and span the same length, so an index into
// Sentence.text plus span.start is a file offset.
// Front matter is cut off here, before markdown-it: its lines are handed to
// markdown-it as empty lines, so block line numbers are still those of the file.

import { msg, type Message } from '../i18n/message.js';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import { yamlNestingProblem } from '../yaml/nesting.js';
import type { Article, Directive, FrontMatter, Sentence, SourceFile, Span, TextSpan, Unit } from '../types.js';
import { LineIndex } from '../text/position.js';
import { pushSentences } from '../text/sentences.js';

export interface ParseProblem {
  severity: 'warning' | 'info';
  message: Message;
  line: number;
  column: number;
}

export interface ParseOutput {
  article: Article;
  problems: ParseProblem[];
}

// One instance for the process. html: true so HTML blocks (and the directive
// comments in them) arrive as tokens instead of paragraphs.
const md = new MarkdownIt('default', { html: true });
// 'normalize' too: it rebuilds the whole source with a regex replace even when
// there is nothing to change; parseMarkdown does the same replacements only when needed.
md.core.ruler.disable(['normalize', 'inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
/** What markdown-it's normalize rule replaces: CR and CRLF line breaks, and NUL. */
const CR_LINE_BREAK = /\r\n?/g;
const NUL = /\0/g;

const DIRECTIVE = /<!--\s*claimlint-([a-z-]+)([\s\S]*?)-->/g;
const DIRECTIVE_KINDS: ReadonlySet<string> = new Set(['disable', 'enable', 'disable-next-line', 'disable-line']);
/** "rule-a, rule-b -- reason": rule ids, then an optional reason after a double dash. */
const REASON_SEPARATOR = /(?:^|\s)--(?:\s|$)/;
const RULE_LIST_SEPARATOR = /[\s,，]+/;
const DATE_PARTS = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:$|[T\s])/;
/** A front-matter line `key: value` (sticky, from a line start); the value has no surrounding spaces. */
const SIMPLE_LINE = /([A-Za-z_][A-Za-z0-9_-]*): +([^ \t\r\n](?:[^\t\r\n]*[^ \t\r\n])?) */y;
/** Characters that give a plain scalar's first character a YAML meaning. */
const PLAIN_INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** Comments and nested keys inside a plain value (this reader leaves them to yaml). */
const PLAIN_UNSAFE = /\s#|:(?:\s|$)/;
/** Flow punctuation, which ends a plain scalar inside `[…]`. */
const FLOW_PUNCTUATION = /[,[\]{}]/;
/** Control characters, which YAML may reject or escape. */
const UNPRINTABLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]/;
/** Plain scalars the YAML 1.2 core schema reads as null, booleans or numbers. */
const CORE_NON_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Inline HTML that is not a comment: autolinks (group 1) or tags, PIs, declarations, CDATA. Sticky: tried at one '<'. */
const INLINE_TAG = new RegExp(
  [
    // URI and e-mail autolinks: their text is a URL, not prose.
    '(<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\\s<>]*>|<[A-Za-z0-9.!#$%&\'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>)',
    // Open tag with attributes, closing tag.
    '<[A-Za-z][A-Za-z0-9-]*(?:\\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\\s*=\\s*(?:[^\\s"\'=<>`]+|\'[^\']*\'|"[^"]*"))?)*\\s*/?>',
    '</[A-Za-z][A-Za-z0-9-]*\\s*>',
    '<\\?[\\s\\S]*?\\?>',
    '<![A-Za-z][^>]*>',
    '<!\\[CDATA\\[[\\s\\S]*?\\]\\]>',
  ].join('|'),
  'y',
);

/** Longest link text or label searched for a closing bracket; keeps the inline scan linear. */
const MAX_LABEL = 1000;

/** Characters at which the inline scan has something to check: \ ` < ! [ and | (a possible table row). */
const INLINE_SPECIAL = new Uint8Array(128);
for (const c of '\\`<![|') INLINE_SPECIAL[c.charCodeAt(0)] = 1;
/**
 * GFM table delimiter row. markdown-it only makes a table when the header and
 * delimiter rows have the same number of cells; a paragraph with a delimiter row
 * under a row with pipes is still read as table cells, so no sentence is `|---|`.
 */
const TABLE_DELIMITER = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/;

/** A quote container on the stack; list items are pushed as the line their marker is on. */
const QUOTE = -1;

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

/**
 * Line table of the original text. CR, LF and CRLF each end a line, as in
 * markdown-it's normalisation, so line numbers agree with its token maps.
 */
interface Lines {
  /** Offset where each line starts. */
  readonly starts: number[];
  /** Offset where each line's content ends (before its line break). */
  readonly ends: number[];
}

function lineTable(text: string, base: number): Lines {
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

interface FrontMatterBlock {
  /** Span of the whole block, fences included (the closing fence's line break excluded). */
  span: Span;
  contentStart: number;
  closingStart: number;
  /** First line after the closing fence. */
  bodyLine: number;
}

/** A `---` line at the start, up to the next `---` or `...` line. Unclosed: no front matter. */
function findFrontMatter(text: string, lines: Lines): FrontMatterBlock | undefined {
  if (!isFence(text, lines.starts[0]!, lines.ends[0]!, '---')) return undefined;
  for (let l = 1; l < lines.starts.length; l++) {
    const s = lines.starts[l]!;
    const e = lines.ends[l]!;
    if (isFence(text, s, e, '---') || isFence(text, s, e, '...')) {
      return { span: { start: lines.starts[0]!, end: e }, contentStart: lines.starts[1]!, closingStart: s, bodyLine: l + 1 };
    }
  }
  return undefined;
}

function isFence(text: string, start: number, end: number, fence: string): boolean {
  if (!text.startsWith(fence, start)) return false;
  for (let i = start + fence.length; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * First characters (after no indentation) of lines that may start or end a block
 * other than a paragraph, an ATX heading or a list item: blockquote, rule,
 * setext underline, fence, HTML, link reference definition, table delimiter row.
 * Bullets (- * +) are here too: simpleBlocks takes them only as list markers.
 */
const BLOCK_START = new Uint8Array(128);
for (const c of '>-*+_=`~<[|:') BLOCK_START[c.charCodeAt(0)] = 1;

/** simpleBlocks' block kinds besides heading levels 1–6. */
const SIMPLE_PARAGRAPH = 0;
const SIMPLE_ITEM = 7;

/**
 * The blocks of a document made only of ATX headings, paragraphs of unindented
 * lines and one-line list items, flattened: kind (SIMPLE_PARAGRAPH, a heading
 * level, or SIMPLE_ITEM), first line, end line (exclusive), as markdown-it's
 * token maps give them. Undefined when any line could be read as something else
 * (indented, starting with a BLOCK_START character, a # that opens no heading, a
 * list item next to a paragraph line, …): markdown-it reads those documents.
 */
function simpleBlocks(text: string, lines: Lines, firstLine: number): number[] | undefined {
  const { starts, ends } = lines;
  const blocks: number[] = [];
  /** First line of the paragraph being read, or -1. */
  let paragraph = -1;
  /** The previous line was a list item: a paragraph line now would continue it. */
  let afterItem = false;
  for (let l = firstLine; l < starts.length; l++) {
    const s = starts[l]!;
    const e = ends[l]!;
    let p = s;
    while (p < e && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    if (p === e) {
      // A blank line (spaces and tabs only, as markdown-it counts them) ends a paragraph and a list item.
      if (paragraph >= 0) blocks.push(SIMPLE_PARAGRAPH, paragraph, l);
      paragraph = -1;
      afterItem = false;
      continue;
    }
    if (p > s) return undefined;
    const c = text.charCodeAt(s);
    if (c === 35 /* # */) {
      const level = hashRun(text, s, e);
      if (level === 0) return undefined;
      // A heading interrupts a paragraph and ends a list.
      if (paragraph >= 0) blocks.push(SIMPLE_PARAGRAPH, paragraph, l);
      paragraph = -1;
      afterItem = false;
      blocks.push(level, l, l + 1);
      continue;
    }
    const marker = listMarkerEnd(text, s, e);
    if (marker === -1) return undefined;
    if (marker > 0) {
      // A list item right after a paragraph line may or may not interrupt it; one
      // after a list item is a new item whatever its marker: its paragraph is this line.
      if (paragraph >= 0) return undefined;
      let q = marker;
      while (q < e && text.charCodeAt(q) === 32) q++;
      if (q === e || q - marker > 4 || !isPlainStart(text, q, e)) return undefined;
      blocks.push(SIMPLE_ITEM, l, l + 1);
      afterItem = true;
      continue;
    }
    // A plain line after a list item would continue the item's paragraph.
    if (afterItem || !isPlainStart(text, s, e)) return undefined;
    if (paragraph < 0) paragraph = l;
  }
  // A paragraph open at the end has no line break after it, so this line count is markdown-it's too.
  if (paragraph >= 0) blocks.push(SIMPLE_PARAGRAPH, paragraph, starts.length);
  return blocks;
}

/** Level of the ATX heading opened by the #s at text[s], or 0 when they open none. */
function hashRun(text: string, s: number, e: number): number {
  let q = s;
  while (q < e && text.charCodeAt(q) === 35) q++;
  const after = q < e ? text.charCodeAt(q) : 32;
  return q - s <= 6 && (after === 32 || after === 9) ? q - s : 0;
}

/**
 * For a line starting at text[s]: 0 when it starts with no list marker; the
 * offset after the marker when it starts with - * + or a 1–9 digit number and
 * . or ), followed by a space; -1 when it might be some other marker (a tab or
 * the end of the line after it, a longer number).
 */
function listMarkerEnd(text: string, s: number, e: number): number {
  const c = text.charCodeAt(s);
  let q = s;
  if (c === 45 || c === 42 || c === 43 /* - * + */) {
    q = s + 1;
  } else if (c >= 48 && c <= 57) {
    while (q < e && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
    const after = q < e ? text.charCodeAt(q) : 0;
    if (after !== 46 && after !== 41 /* . ) */) return 0;
    if (q - s > 9) return -1;
    q++;
  } else {
    return 0;
  }
  if (q === e) return -1;
  const next = text.charCodeAt(q);
  if (next === 32) return q;
  // "1.5元" is text; "-x", "--" and a tab after a marker are left to markdown-it.
  return next === 9 || c === 45 || c === 42 || c === 43 ? -1 : 0;
}

/** A line (or list item content) starting at text[q] that is plain paragraph text. */
function isPlainStart(text: string, q: number, e: number): boolean {
  const c = text.charCodeAt(q);
  // A tab after a list marker may make the content indented code.
  if (c === 9 || c === 35 /* # */ || (c < 128 && BLOCK_START[c])) return false;
  return listMarkerEnd(text, q, e) === 0;
}

/** Parse state for one file. */
class MarkdownReader {
  readonly units: MutableUnit[];
  readonly sentences: Sentence[] = [];
  readonly ignored: Span[] = [];
  readonly directives: Directive[] = [];
  readonly problems: ParseProblem[] = [];
  private readonly text: string;
  /** Source ranges blanked out of sentence text. */
  private readonly masks: Span[] = [];
  /** Prose ranges to split once masks are known, flattened: kind, start, end, unit. */
  private readonly prose: number[] = [];
  private readonly openSections: MutableUnit[] = [];
  /** Open containers, outermost first: QUOTE for a blockquote, else the line of a list item's marker. */
  private readonly containers: number[] = [];
  private currentUnit = 0;
  private lineIndex: LineIndex | undefined;
  /** Lines inside some block token; only tracked when the file has link reference definitions. */
  private covered: Uint8Array | undefined;

  constructor(
    private readonly file: SourceFile,
    private readonly lines: Lines,
    /** Link reference definitions markdown-it found (normalised labels). */
    private readonly references: Readonly<Record<string, unknown>> | undefined,
  ) {
    this.text = file.text;
    this.units = [{ index: 0, kind: 'article', span: { start: 0, end: file.text.length }, depth: 0 }];
    if (references && Object.keys(references).length > 0) this.covered = new Uint8Array(lines.starts.length);
  }

  position(offset: number): { line: number; column: number } {
    this.lineIndex ??= new LineIndex(this.file.text);
    return this.lineIndex.position(offset);
  }

  problem(severity: ParseProblem['severity'], message: Message, offset: number): void {
    this.problems.push({ severity, message, ...this.position(offset) });
  }

  walk(tokens: readonly Token[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const map = t.map;
      switch (t.type) {
        case 'blockquote_open':
          this.containers.push(QUOTE);
          break;
        case 'list_item_open':
          this.containers.push(map ? map[0] : -2);
          break;
        case 'blockquote_close':
        case 'list_item_close':
          this.containers.pop();
          break;
        case 'heading_open':
          if (map) this.heading(Number(t.tag.slice(1)), t.markup.charCodeAt(0) === 35 /* # */, map);
          break;
        case 'paragraph_open':
          if (map) this.paragraph(map);
          break;
        case 'tr_open':
          if (map) this.tableRow(map[0]);
          break;
        case 'table_open':
        case 'hr':
          if (map) this.cover(map);
          break;
        case 'fence':
          if (map) this.ignored.push(this.blockSpan(map, true));
          break;
        case 'code_block':
          // Its indentation is part of the block.
          if (map) this.ignored.push(this.blockSpan(map, false));
          break;
        case 'html_block':
          if (map) {
            const span = this.blockSpan(map, true);
            this.html(span.start, span.end);
          }
          break;
        default:
          break;
      }
    }
    if (this.covered) this.ignoreDefinitions();
  }

  /** Same as walk, for the blocks simpleBlocks found (no quotes, no definitions). */
  walkSimple(blocks: readonly number[]): void {
    for (let k = 0; k < blocks.length; k += 3) {
      const level = blocks[k]!;
      const map: [number, number] = [blocks[k + 1]!, blocks[k + 2]!];
      if (level === SIMPLE_PARAGRAPH) {
        this.paragraph(map);
      } else if (level === SIMPLE_ITEM) {
        this.containers.push(map[0]);
        this.paragraph(map);
        this.containers.pop();
      } else {
        this.heading(level, true, map);
      }
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
      if (c !== QUOTE && c !== line) continue;
      while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
      const ch = text.charCodeAt(p);
      if (c === QUOTE) {
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

  /** Span of a leaf block: from its start (first non-blank character if skipIndent) to the end of its last non-blank line. */
  private blockSpan(map: [number, number], skipIndent: boolean): Span {
    this.cover(map);
    const text = this.text;
    let start = this.contentStart(map[0]);
    let end = this.lines.ends[Math.max(map[0], map[1] - 1)]!;
    while (skipIndent && start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    return { start, end };
  }

  private cover(map: [number, number]): void {
    if (this.covered) this.covered.fill(1, map[0], map[1]);
  }

  private heading(depth: number, atx: boolean, map: [number, number]): void {
    this.cover(map);
    const text = this.text;
    let start = this.contentStart(map[0]);
    while (start < this.lines.ends[map[0]]! && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;

    // Close sections of the same or deeper level; the remaining top is the parent.
    while (this.openSections.length > 0 && this.openSections.at(-1)!.depth >= depth) {
      this.openSections.pop()!.span.end = start;
    }
    const parent = this.openSections.at(-1)?.index ?? 0;
    const unit: MutableUnit = { index: this.units.length, kind: 'section', span: { start, end: text.length }, depth, parent };
    this.units.push(unit);
    this.openSections.push(unit);
    this.currentUnit = unit.index;

    let contentStart: number;
    let contentEnd: number;
    if (atx) {
      // ATX: after the #s; a closing run of #s counts only after a space (or as the whole content).
      contentStart = start;
      while (text.charCodeAt(contentStart) === 35) contentStart++;
      contentEnd = this.lines.ends[map[0]]!;
      while (contentEnd > contentStart && isBlank(text.charCodeAt(contentEnd - 1))) contentEnd--;
      let q = contentEnd;
      while (q > contentStart && text.charCodeAt(q - 1) === 35) q--;
      if (q === contentStart || text.charCodeAt(q - 1) === 32 || text.charCodeAt(q - 1) === 9) contentEnd = q;
    } else {
      // Setext: every line but the underline.
      contentStart = start;
      contentEnd = this.lines.ends[Math.max(map[0], map[1] - 2)]!;
    }
    if (contentEnd <= contentStart) return;
    this.scanInline(contentStart, contentEnd);
    this.prose.push(HEADING, contentStart, contentEnd, unit.index);
  }

  private paragraph(map: [number, number]): void {
    this.cover(map);
    const last = map[1] - 1;
    const pipes = this.scanInline(this.contentStart(map[0]), this.lines.ends[last]!);
    const tableFrom = pipes ? this.looseTableStart(map) : -1;
    if (tableFrom < 0 && this.containers.length === 0) {
      // Top level: no prefixes to drop, and the splitter handles line breaks itself.
      this.prose.push(PROSE, this.lines.starts[map[0]]!, this.lines.ends[last]!, this.currentUnit);
      return;
    }
    for (let l = map[0]; l <= last; l++) {
      if (tableFrom >= 0 && l === tableFrom + 1) continue;
      this.prose.push(tableFrom >= 0 && l >= tableFrom ? TABLE_ROW : PROSE, this.contentStart(l), this.lines.ends[l]!, this.currentUnit);
    }
  }

  /** Line of a table header row inside a paragraph (a delimiter row follows it), or -1. */
  private looseTableStart(map: [number, number]): number {
    const text = this.text;
    for (let l = map[0] + 1; l < map[1]; l++) {
      const row = text.slice(this.contentStart(l), this.lines.ends[l]!).trim();
      if (row.includes('-') && TABLE_DELIMITER.test(row) && text.slice(this.contentStart(l - 1), this.lines.ends[l - 1]!).includes('|')) return l - 1;
    }
    return -1;
  }

  private tableRow(line: number): void {
    const start = this.contentStart(line);
    const end = this.lines.ends[line]!;
    this.scanInline(start, end);
    this.prose.push(TABLE_ROW, start, end, this.currentUnit);
  }

  /**
   * Masks the non-prose inline parts of text[start, end): code spans are skipped
   * (their text is kept), HTML and autolinks are masked and ignored, comments are
   * read for directives, images are masked whole, links keep only their text.
   * Returns whether the range has a pipe outside those (it may hold a table).
   */
  private scanInline(start: number, end: number): boolean {
    const text = this.text;
    /** Backtick run lengths known to have no closing run after the current point. */
    let unclosedTicks: Set<number> | undefined;
    let unclosedComment = false;
    let pipes = false;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128 || INLINE_SPECIAL[c] === 0) continue;
      if (c === 124 /* | */) {
        pipes = true;
      } else if (c === 92 /* \ */) {
        const n = text.charCodeAt(i + 1);
        // A backslash before a line break is a hard break, not text.
        if (n === 10 || n === 13) this.masks.push({ start: i, end: i + 1 });
        else i++;
      } else if (c === 96 /* ` */) {
        let run = i + 1;
        while (run < end && text.charCodeAt(run) === 96) run++;
        const n = run - i;
        const close = unclosedTicks?.has(n) ? -1 : findTickRun(text, run, end, n);
        if (close < 0) (unclosedTicks ??= new Set()).add(n);
        i = (close < 0 ? run : close + n) - 1;
      } else if (c === 60 /* < */) {
        if (text.startsWith('<!--', i)) {
          const close = unclosedComment ? -1 : indexBefore(text, '-->', i + 2, end);
          if (close < 0) {
            unclosedComment = true;
            continue;
          }
          this.html(i, close + 3);
          this.masks.push({ start: i, end: close + 3 });
          i = close + 2;
          continue;
        }
        INLINE_TAG.lastIndex = i;
        const m = INLINE_TAG.exec(text);
        if (!m || i + m[0].length > end) continue;
        const span = { start: i, end: i + m[0].length };
        this.masks.push(span);
        this.ignored.push(span);
        i = span.end - 1;
      } else if (c === 33 /* ! */) {
        if (text.charCodeAt(i + 1) !== 91) continue;
        const link = this.link(i + 1, end);
        if (!link) continue;
        const span = { start: i, end: link.end };
        this.masks.push(span);
        this.ignored.push(span);
        i = link.end - 1;
      } else {
        const link = this.link(i, end);
        if (!link) continue;
        const textEnd = link.textEnd;
        if (textEnd === i + 1) {
          // No link text: what is shown is the destination.
          this.masks.push({ start: i, end: link.end });
          this.ignored.push({ start: i, end: link.end });
        } else {
          this.masks.push({ start: i, end: i + 1 }, { start: textEnd, end: link.end });
          this.ignored.push({ start: textEnd, end: link.end });
          this.scanInline(i + 1, textEnd);
        }
        i = link.end - 1;
      }
    }
    return pipes;
  }

  /**
   * A link at text[open] === '[' ending before `end`: inline `[text](dest "title")`,
   * or a reference `[text][label]`, `[label][]`, `[label]` whose label is defined.
   * Returns where its text ends (the `]`) and where the whole link ends.
   */
  private link(open: number, end: number): { textEnd: number; end: number } | undefined {
    const text = this.text;
    const close = closingBracket(text, open, end);
    if (close < 0) return undefined;
    const next = text.charCodeAt(close + 1);
    if (next === 40 /* ( */) {
      const destEnd = inlineDestinationEnd(text, close + 2, end);
      if (destEnd >= 0) return { textEnd: close, end: destEnd };
    }
    if (!this.references) return undefined;
    if (next === 91 /* [ */) {
      const labelEnd = closingBracket(text, close + 1, end);
      if (labelEnd >= 0) {
        const label = labelEnd === close + 2 ? text.slice(open + 1, close) : text.slice(close + 2, labelEnd);
        if (this.isDefined(label)) return { textEnd: close, end: labelEnd + 1 };
      }
    }
    if (this.isDefined(text.slice(open + 1, close))) return { textEnd: close, end: close + 1 };
    return undefined;
  }

  private isDefined(label: string): boolean {
    if (!this.references || label.trim() === '') return false;
    return Object.prototype.hasOwnProperty.call(this.references, md.utils.normalizeReference(label));
  }

  /** Records an HTML span as ignored and reads claimlint directives from its comments. */
  private html(start: number, end: number): void {
    this.ignored.push({ start, end });
    const value = this.text.slice(start, end);
    if (!value.includes('claimlint-')) return;
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(value); m; m = DIRECTIVE.exec(value)) {
      const span = { start: start + m.index, end: start + m.index + m[0].length };
      const kind = m[1]!;
      if (!DIRECTIVE_KINDS.has(kind)) {
        this.problem('warning', msg('input.unknown-directive', { kind }), span.start);
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

  /**
   * markdown-it drops link reference definitions without a token; the non-blank
   * lines no block covers are those definitions, which are not prose.
   */
  private ignoreDefinitions(): void {
    const covered = this.covered!;
    const { starts, ends } = this.lines;
    for (let l = 0; l < covered.length; l++) {
      if (covered[l]) continue;
      const span = trimSpan(this.text, starts[l]!, ends[l]!);
      if (span.end > span.start) this.ignored.push(span);
    }
  }

  /** Marks lines (front matter) as not needing a block. */
  coverLines(from: number, to: number): void {
    if (this.covered) this.covered.fill(1, from, to);
  }

  /** Turns the collected prose ranges into sentences and titles. */
  finish(): void {
    const masked = applyMasks(this.text, this.masks);
    const prose = this.prose;
    for (let k = 0; k < prose.length; k += 4) {
      const kind = prose[k]!;
      const start = prose[k + 1]!;
      const end = prose[k + 2]!;
      const unitIndex = prose[k + 3]!;
      if (kind === HEADING) {
        const t = trimSpan(masked, start, end);
        if (t.end <= t.start) continue;
        const title = { text: masked.slice(t.start, t.end), span: t };
        this.units[unitIndex]!.title = title;
        this.sentences.push({ text: title.text, span: t, unitIndex, isTitle: true });
      } else if (kind === TABLE_ROW) {
        for (const cell of tableCells(masked, start, end)) pushSentences(masked, cell.start, cell.end, unitIndex, this.sentences);
      } else {
        pushSentences(masked, start, end, unitIndex, this.sentences);
      }
    }
    this.ignored.sort((a, b) => a.start - b.start || a.end - b.end);
  }

}

export interface ParseMarkdownOptions {
  /**
   * 'markdown-it' reads every document with markdown-it, skipping the line-table
   * shortcut for documents of only headings, paragraphs and one-line list items
   * (the result is the same; tests compare the two).
   */
  readonly blocks?: 'auto' | 'markdown-it';
}

export function parseMarkdown(file: SourceFile, options: ParseMarkdownOptions = {}): ParseOutput {
  const text = file.text;
  // markdown-it does not skip a BOM; line 0 starts after it.
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = lineTable(text, base);
  const fmBlock = findFrontMatter(text, lines);
  // Most articles are only headings and paragraphs: their blocks come from the
  // line table directly, and markdown-it reads everything else.
  const simple = options.blocks === 'markdown-it' ? undefined : simpleBlocks(text, lines, fmBlock ? fmBlock.bodyLine : 0);
  const env: { references?: Record<string, unknown> } = {};
  let tokens: Token[] | undefined;
  if (!simple) {
    // Front matter lines become empty lines, so markdown-it's line numbers stay those of the file.
    let source = fmBlock
      ? '\n'.repeat(fmBlock.bodyLine) + text.slice(lines.starts[fmBlock.bodyLine] ?? text.length)
      : base
        ? text.slice(base)
        : text;
    if (source.includes('\r')) source = source.replace(CR_LINE_BREAK, '\n');
    if (source.includes('\0')) source = source.replace(NUL, '\ufffd');
    tokens = md.parse(source, env);
  }
  const reader = new MarkdownReader(file, lines, env.references);

  let frontMatter: FrontMatter = {};
  let fmTitle: TextSpan | undefined;
  if (fmBlock) {
    reader.ignored.push(fmBlock.span);
    reader.coverLines(0, fmBlock.bodyLine);
    const fm = readFrontMatter(text, fmBlock, lines, reader);
    frontMatter = fm.frontMatter;
    fmTitle = fm.title;
  }

  if (tokens) reader.walk(tokens);
  else reader.walkSimple(simple!);
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

/** One front-matter entry, from yaml or from the simple-line reader. */
interface FrontMatterPair {
  readonly key: string | undefined;
  readonly scalar: boolean;
  /** The scalar's value, or the collection as plain JS (undefined when there is no value node). */
  readonly value: unknown;
  /** Where problems about this entry are reported: the value, else the key. */
  readonly at: number;
  /** A scalar's text in the file (inside quotes). */
  readonly span?: Span;
}

/** Reads the YAML between the fences; on any error reports it and returns empty front matter. */
function readFrontMatter(text: string, block: FrontMatterBlock, lines: Lines, reader: MarkdownReader): { frontMatter: FrontMatter; title?: TextSpan } {
  const pairs = simplePairs(text, lines, 1, block.bodyLine - 1) ?? yamlPairs(text, block.contentStart, block.closingStart, reader);
  if (!pairs) return { frontMatter: {} };

  const fm: { -readonly [K in keyof FrontMatter]: FrontMatter[K] } = {};
  let title: TextSpan | undefined;
  for (const pair of pairs) {
    const { key, at } = pair;
    switch (key) {
      case 'title':
      case 'region': {
        const v = scalarString(pair);
        if (v === undefined) {
          reader.problem('warning', msg('input.front-matter-single', { key }), at);
          break;
        }
        fm[key] = v;
        if (key === 'title' && pair.span) title = { text: v, span: pair.span };
        break;
      }
      case 'date':
      case 'updated': {
        const v = pair.scalar ? normaliseDate(pair.value) : undefined;
        if (v === undefined) reader.problem('warning', msg('input.front-matter-date', { key }), at);
        else fm[key] = v;
        break;
      }
      case 'tags': {
        const json = pair.value;
        if (Array.isArray(json)) fm.tags = json.filter((t) => t !== null && typeof t !== 'object').map(String);
        else if (typeof json === 'string') fm.tags = json.split(/[,，、]/).map((t) => t.trim()).filter((t) => t.length > 0);
        else reader.problem('warning', msg('input.front-matter-tags'), at);
        break;
      }
      default:
        break;
    }
  }
  return title ? { frontMatter: fm, title } : { frontMatter: fm };
}

/** Entries of the front matter as yaml reads them; undefined (after a warning) when it is not a mapping. */
function yamlPairs(text: string, contentStart: number, closingLine: number, reader: MarkdownReader): FrontMatterPair[] | undefined {
  const source = text.slice(contentStart, closingLine);
  const deep = yamlNestingProblem(source);
  if (deep) {
    reader.problem('warning', msg('input.front-matter-malformed', { reason: deep.message }), contentStart + deep.offset);
    return undefined;
  }
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    // yaml places some errors (an unclosed bracket) at the end of input; keep the
    // reported line inside the front matter, on the last character that is not a line break.
    let at = contentStart + Math.min(err.pos[0], Math.max(0, source.length - 1));
    while (at > contentStart && (text[at] === '\n' || text[at] === '\r')) at--;
    reader.problem('warning', msg('input.front-matter-malformed', { reason: err.message.split('\n')[0]! }), at);
    return undefined;
  }
  if (doc.contents === null) return [];
  if (!isMap(doc.contents)) {
    reader.problem('warning', msg('input.front-matter-pairs'), contentStart);
    return undefined;
  }
  return doc.contents.items.map((pair): FrontMatterPair => {
    const node = pair.value;
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const at = contentStart + (isScalar(node) && node.range ? node.range[0] : isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0);
    if (isScalar(node)) return { key, scalar: true, value: node.value, at, span: scalarSpan(node, contentStart, text) };
    const value: unknown = node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : undefined;
    return { key, scalar: false, value, at };
  });
}

/**
 * Front matter made only of top-level `key: value` lines, whose values are
 * single-line plain or simply quoted strings or flat `[a, b]` lists of plain
 * strings, read without yaml: parseDocument costs ~40 µs a file, more than all
 * the rest of a short article. Whatever might read differently in YAML (numbers,
 * booleans, nulls, escapes, comments, indentation, tabs, anchors, duplicate
 * keys…) returns undefined, and yaml reads it, so the result is the same.
 */
function simplePairs(text: string, lines: Lines, firstLine: number, endLine: number): FrontMatterPair[] | undefined {
  const pairs: FrontMatterPair[] = [];
  const seen = new Set<string>();
  for (let l = firstLine; l < endLine; l++) {
    const lineStart = lines.starts[l]!;
    const lineEnd = lines.ends[l]!;
    // Empty lines and whole-line comments.
    if (lineStart === lineEnd || text.charCodeAt(lineStart) === 35 /* # */) continue;
    SIMPLE_LINE.lastIndex = lineStart;
    const m = SIMPLE_LINE.exec(text);
    if (!m || lineStart + m[0].length !== lineEnd) return undefined;
    const key = m[1]!;
    const raw = m[2]!;
    if (seen.has(key) || UNPRINTABLE.test(raw)) return undefined;
    seen.add(key);
    let valueEnd = lineEnd;
    while (text.charCodeAt(valueEnd - 1) === 32) valueEnd--;
    const at = valueEnd - raw.length;
    const q = raw.charCodeAt(0);
    if (q === 34 || q === 39 /* " ' */) {
      const inner = raw.slice(1, -1);
      if (raw.length < 2 || raw.charCodeAt(raw.length - 1) !== q || inner.includes(raw[0]!) || (q === 34 && inner.includes('\\'))) return undefined;
      const span = trimSpan(text, at + 1, at + raw.length - 1);
      if (span.end === span.start) return undefined;
      pairs.push({ key, scalar: true, value: inner, at, span });
    } else if (q === 91 /* [ */) {
      if (raw.charCodeAt(raw.length - 1) !== 93) return undefined;
      const body = raw.slice(1, -1);
      const items = body.trim() === '' ? [] : body.split(',').map((t) => t.trim());
      if (!items.every((t) => isSimplePlain(t) && !FLOW_PUNCTUATION.test(t))) return undefined;
      pairs.push({ key, scalar: false, value: items, at: lineStart });
    } else {
      if (!isSimplePlain(raw)) return undefined;
      pairs.push({ key, scalar: true, value: raw, at, span: trimSpan(text, at, valueEnd) });
    }
  }
  return pairs;
}

/** A plain scalar that YAML's core schema reads as exactly this string (in block context). */
function isSimplePlain(v: string): boolean {
  return v.length > 0 && !PLAIN_INDICATOR.test(v) && !PLAIN_UNSAFE.test(v) && !CORE_NON_STRING.test(v);
}

function scalarString(pair: FrontMatterPair): string | undefined {
  if (!pair.scalar) return undefined;
  const v = pair.value;
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

/** Start of the closing run of exactly n backticks in text[from, end), or -1. */
function findTickRun(text: string, from: number, end: number, n: number): number {
  for (let i = from; i < end; i++) {
    if (text.charCodeAt(i) !== 96) continue;
    let j = i + 1;
    while (j < end && text.charCodeAt(j) === 96) j++;
    if (j - i === n) return i;
    i = j - 1;
  }
  return -1;
}

/** indexOf that gives up at `end` (a plain indexOf could scan the rest of the file for every block). */
function indexBefore(text: string, needle: string, from: number, end: number): number {
  const last = end - needle.length;
  const first = needle.charCodeAt(0);
  for (let i = from; i <= last; i++) {
    if (text.charCodeAt(i) === first && text.startsWith(needle, i)) return i;
  }
  return -1;
}

/** The `]` matching the `[` at text[open], with nesting and backslash escapes, or -1. */
function closingBracket(text: string, open: number, end: number): number {
  const stop = Math.min(end, open + MAX_LABEL);
  let depth = 0;
  for (let i = open; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 91) depth++;
    else if (c === 93 && --depth === 0) return i;
  }
  return -1;
}

/**
 * End (past the `)`) of an inline link's `(dest "title")` whose contents start at
 * text[from], or -1: dest is <…> or a run without spaces and with balanced parentheses.
 */
function inlineDestinationEnd(text: string, from: number, end: number): number {
  let p = skipSpaces(text, from, end);
  if (text.charCodeAt(p) === 60 /* < */) {
    p++;
    while (p < end && text.charCodeAt(p) !== 62) {
      const c = text.charCodeAt(p);
      if (c === 10 || c === 13 || c === 60) return -1;
      p += c === 92 ? 2 : 1;
    }
    if (p >= end) return -1;
    p++;
  } else {
    let depth = 0;
    while (p < end) {
      const c = text.charCodeAt(p);
      if (c <= 32) break;
      if (c === 92) {
        p += 2;
        continue;
      }
      if (c === 40) depth++;
      else if (c === 41) {
        if (depth === 0) break;
        depth--;
      }
      p++;
    }
    if (depth !== 0) return -1;
  }
  const beforeTitle = p;
  p = skipSpaces(text, p, end);
  const q = text.charCodeAt(p);
  if (p > beforeTitle && (q === 34 || q === 39 || q === 40)) {
    const closer = q === 40 ? 41 : q;
    p++;
    while (p < end && text.charCodeAt(p) !== closer) p += text.charCodeAt(p) === 92 ? 2 : 1;
    if (p >= end) return -1;
    p = skipSpaces(text, p + 1, end);
  }
  return p < end && text.charCodeAt(p) === 41 ? p + 1 : -1;
}

/** Skips spaces and tabs and at most one line break. */
function skipSpaces(text: string, from: number, end: number): number {
  let p = from;
  let breaks = 0;
  while (p < end) {
    const c = text.charCodeAt(p);
    if (c === 32 || c === 9) p++;
    else if ((c === 10 || c === 13) && breaks === 0) {
      breaks++;
      p += c === 13 && text.charCodeAt(p + 1) === 10 ? 2 : 1;
    } else break;
  }
  return p;
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
