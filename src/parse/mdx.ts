// MDX articles: the Markdown reader with remark-mdx's node types. ESM
// (import/export) and expressions are not prose; JSX elements are not either,
// but the Markdown inside them is. MDX has no HTML comments, so suppression
// directives are written as comment expressions: {/* claimlint-disable-line stale-year */}.
// A file that is not valid MDX is read as Markdown with a warning at the place
// the MDX parser stopped, so its prose is still checked.

import { msg, type Message } from '../i18n/message.js';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import type { SourceFile, Span } from '../types.js';
import { readDirective } from '../kernel/directives.js';
import { FRONT_MATTER, parseMarkdown, readMdast, type MdastDialect, type MdastReader } from './markdown.js';
import type { ParseOutput } from './types.js';

let processor: Processor<Root> | undefined;
function mdxProcessor(): Processor<Root> {
  processor ??= unified().use(remarkParse).use(remarkFrontmatter, [...FRONT_MATTER]).use(remarkGfm).use(remarkMdx).freeze() as unknown as Processor<Root>;
  return processor;
}

/** `/* … *\/` as the whole of an expression: a comment, which may hold a directive. */
const COMMENT_EXPRESSION = /^\s*\/\*([\s\S]*)\*\/\s*$/;

function expressionDirective(reader: MdastReader, node: Nodes, span: Span): void {
  const value = (node as { value?: unknown }).value;
  if (typeof value !== 'string') return;
  const m = COMMENT_EXPRESSION.exec(value);
  if (!m) return;
  const read = readDirective(m[1]!, span);
  if (read.directive) reader.directives.push(read.directive);
  if (read.problem) reader.problem('warning', read.problem.message, read.problem.offset);
}

const MDX: MdastDialect = {
  block(reader, node: RootContent) {
    switch (node.type as string) {
      case 'mdxjsEsm':
        reader.ignored.push(reader.span(node));
        return true;
      case 'mdxFlowExpression': {
        const span = reader.span(node);
        reader.ignored.push(span);
        expressionDirective(reader, node, span);
        return true;
      }
      case 'mdxJsxFlowElement':
        // The tags are on lines of their own; the blocks inside are prose.
        reader.blocks((node as Parent).children as RootContent[]);
        return true;
      default:
        return false;
    }
  },
  inline(reader, node: Nodes) {
    switch (node.type as string) {
      case 'mdxTextExpression': {
        const span = reader.span(node);
        reader.hide(span);
        expressionDirective(reader, node, span);
        return true;
      }
      case 'mdxJsxTextElement': {
        // The tags (and their attributes) are masked; the text between them is prose.
        const span = reader.span(node);
        const kids = (node as Parent).children as Nodes[];
        if (kids.length === 0) {
          reader.hide(span);
          return true;
        }
        reader.hide({ start: span.start, end: reader.span(kids[0]!).start });
        reader.hide({ start: reader.span(kids.at(-1)!).end, end: span.end });
        reader.inlines(kids);
        return true;
      }
      default:
        return false;
    }
  },
};

interface MdxError {
  readonly reason?: string;
  readonly message?: string;
  readonly place?: { line?: number; column?: number; start?: { line: number; column: number } };
  readonly line?: number;
  readonly column?: number;
}

export function parseMdx(file: SourceFile): ParseOutput {
  const p = mdxProcessor();
  try {
    return readMdast(file, (text) => p.parse(text), MDX);
  } catch (e) {
    // micromark-extension-mdx* throw a VFileMessage with the place it stopped.
    const err = e as MdxError;
    const place = err.place && 'start' in err.place && err.place.start ? err.place.start : err.place;
    const line = place?.line ?? err.line ?? 1;
    const column = place?.column ?? err.column ?? 1;
    const reason = (err.reason ?? err.message ?? String(e)).split('\n')[0] ?? '';
    const out = parseMarkdown(file);
    out.problems.unshift({ severity: 'warning', message: msg('input.mdx-invalid', { reason }), line, column });
    return out;
  }
}
