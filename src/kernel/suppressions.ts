import { list, msg } from '../i18n/message.js';
import type { Article, Directive, RuleMeta } from '../types.js';
import type { LineIndex } from '../text/position.js';
import { toFinding, type RawFinding } from './messages.js';

/** The pseudo-rule under which unused and unknown suppressions are reported. */
export const suppressionMeta: RuleMeta = {
  id: 'suppression',
  type: 'input',
  defaultSeverity: 'warning',
  description: 'An inline claimlint-disable comment that names an unknown rule or suppresses nothing.',
  docs:
    'Markdown articles can silence findings with <!-- claimlint-disable rule-id -- reason -->, <!-- claimlint-enable -->, ' +
    '<!-- claimlint-disable-next-line rule-id --> and <!-- claimlint-disable-line rule-id -->. A comment that suppresses nothing ' +
    'is reported so stale suppressions do not pile up. Remove it, or fix the rule id.',
};

interface Scope {
  readonly directive: Directive;
  readonly fromLine: number;
  readonly toLine: number;
  used: boolean;
}

/**
 * What applying a file's suppressions needs, worked out once from its article:
 * the directives' line scopes and texts. A run keeps this instead of the article.
 */
export interface SuppressionPlan {
  readonly file: string;
  readonly scopes: ReadonlyArray<{ readonly directive: Directive; readonly fromLine: number; readonly toLine: number; readonly text: string }>;
}

export function suppressionPlan(article: Article, lines: LineIndex): SuppressionPlan {
  const scopes = article.directives.length ? scopesOf(article, lines) : [];
  return {
    file: article.file.path,
    scopes: scopes.map((s) => ({ directive: s.directive, fromLine: s.fromLine, toLine: s.toLine, text: article.file.text.slice(s.directive.span.start, s.directive.span.end) })),
  };
}

/**
 * The one place where suppressions are applied: findings inside a directive's
 * scope are dropped, and directives that dropped nothing (or name unknown
 * rules) become findings of their own.
 */
export function applySuppressions(
  findings: readonly RawFinding[],
  article: Article,
  lines: LineIndex,
  knownRules: ReadonlySet<string>,
): RawFinding[] {
  if (article.directives.length === 0) return [...findings];
  return applySuppressionPlan(findings, suppressionPlan(article, lines), lines, knownRules);
}

export function applySuppressionPlan(
  findings: readonly RawFinding[],
  plan: SuppressionPlan,
  lines: LineIndex,
  knownRules: ReadonlySet<string>,
): RawFinding[] {
  if (plan.scopes.length === 0) return [...findings];
  const scopes = plan.scopes.map((s) => ({ ...s, used: false }));
  const kept = findings.filter((f) => {
    const scope = scopes.find(
      (s) => f.line >= s.fromLine && f.line <= s.toLine && (s.directive.ruleIds.length === 0 || s.directive.ruleIds.includes(f.ruleId)),
    );
    if (scope) scope.used = true;
    return !scope;
  });
  const file = plan.file;
  for (const s of scopes) {
    const d = s.directive;
    const node = { text: s.text, span: d.span };
    const unknown = d.ruleIds.filter((id) => !knownRules.has(id));
    if (unknown.length) {
      kept.push(toFinding(suppressionMeta.id, 'warning', file, lines, { node, messageId: 'suppression.unknown-rule', data: { kind: d.kind, rules: list(unknown.map((u) => msg('quote.text', { text: u })), 'comma') } }, () => undefined));
    } else if (!s.used) {
      const what = d.ruleIds.length ? d.ruleIds.join(', ') : 'all rules';
      kept.push(toFinding(suppressionMeta.id, 'warning', file, lines, { node, messageId: 'suppression.unused', data: { kind: d.kind, what } }, () => undefined));
    }
  }
  return kept;
}

function scopesOf(article: Article, lines: LineIndex): Scope[] {
  const last = lines.lineCount;
  const scopes: Scope[] = [];
  const open: Scope[] = [];
  for (const d of article.directives) {
    const at = lines.position(d.span.start).line;
    const end = lines.position(d.span.end).line;
    switch (d.kind) {
      case 'disable': {
        const s: Scope = { directive: d, fromLine: end, toLine: last, used: false };
        scopes.push(s);
        open.push(s);
        break;
      }
      case 'enable': {
        // Closes the matching disables: all of them, or those naming the same rules.
        for (let i = open.length - 1; i >= 0; i--) {
          const o = open[i]!;
          if (d.ruleIds.length === 0 || o.directive.ruleIds.some((r) => d.ruleIds.includes(r))) {
            (o as { toLine: number }).toLine = at;
            open.splice(i, 1);
          }
        }
        break;
      }
      case 'disable-line':
        scopes.push({ directive: d, fromLine: at, toLine: end, used: false });
        break;
      case 'disable-next-line': {
        const next = nextContentLine(lines, end + 1);
        scopes.push({ directive: d, fromLine: next, toLine: next, used: false });
        break;
      }
    }
  }
  return scopes;
}

/** The next line with text on it: a comment may sit above a blank line and its paragraph. */
function nextContentLine(lines: LineIndex, from: number): number {
  for (let l = from; l <= lines.lineCount; l++) if (lines.lineText(l).trim() !== '') return l;
  return from;
}
