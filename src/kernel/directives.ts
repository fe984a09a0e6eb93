// Suppression directives (`claimlint-disable stale-year -- reason`) read from a
// comment of any input format. Each parser finds its format's comments (an HTML
// comment in Markdown or HTML, a `{/* … */}` expression in MDX) and hands their
// text here, so the directive syntax is defined once.

import { msg, type Message } from '../i18n/message.js';
import type { Directive, Span } from '../types.js';

const DIRECTIVE = /claimlint-([a-z-]+)([\s\S]*)$/;
const DIRECTIVE_KINDS: ReadonlySet<string> = new Set(['disable', 'enable', 'disable-next-line', 'disable-line']);
/** "rule-a, rule-b -- reason": rule ids, then an optional reason after a double dash. */
const REASON_SEPARATOR = /(?:^|\s)--(?:\s|$)/;
const RULE_LIST_SEPARATOR = /[\s,，]+/;

export interface DirectiveProblem {
  readonly message: Message;
  /** File offset the problem is reported at. */
  readonly offset: number;
}

/**
 * Reads the directive in one comment. `body` is the comment's text without its
 * delimiters; `span` is the whole comment in the file (what a directive's span
 * covers). Returns nothing for a comment that is no directive.
 */
export function readDirective(body: string, span: Span): { directive?: Directive; problem?: DirectiveProblem } {
  if (!body.includes('claimlint-')) return {};
  const m = DIRECTIVE.exec(body.trim());
  if (!m || m.index !== 0) return {};
  const kind = m[1]!;
  if (!DIRECTIVE_KINDS.has(kind)) {
    return {
      problem: {
        message: msg('input.unknown-directive', { kind }),
        offset: span.start,
      },
    };
  }
  const rest = m[2]!;
  const sep = REASON_SEPARATOR.exec(rest);
  const rules = sep ? rest.slice(0, sep.index) : rest;
  const reason = sep ? rest.slice(sep.index + sep[0].length).trim() : '';
  return {
    directive: {
      kind: kind as Directive['kind'],
      ruleIds: rules.split(RULE_LIST_SEPARATOR).filter((r) => r.length > 0),
      ...(reason ? { reason } : {}),
      span,
    },
  };
}

const HTML_COMMENT = /<!--([\s\S]*?)-->/g;

/**
 * Directives in the HTML comments of text[start, end) (an HTML node of Markdown,
 * a comment of an HTML page): each comment that is a directive gives one.
 */
export function readHtmlCommentDirectives(
  text: string,
  start: number,
  end: number,
  directives: Directive[],
  problems: DirectiveProblem[],
): void {
  const value = text.slice(start, end);
  if (!value.includes('claimlint-')) return;
  HTML_COMMENT.lastIndex = 0;
  for (let m = HTML_COMMENT.exec(value); m; m = HTML_COMMENT.exec(value)) {
    const span = { start: start + m.index, end: start + m.index + m[0].length };
    const read = readDirective(m[1]!, span);
    if (read.directive) directives.push(read.directive);
    if (read.problem) problems.push(read.problem);
  }
}
