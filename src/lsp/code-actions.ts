// Quick fixes on a finding: "disable for this line" writes the project's own
// suppression comment (<!-- claimlint-disable-line RULE -->, Markdown only: a
// plain-text page has no comments), "add to baseline" records it in the
// baseline file through a command the server carries out.

import { inputFormat } from '../parse/formats.js';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BaselineEntry } from '../ci/baseline.js';
import { label, type Locale } from '../i18n/catalogue.js';
import type { FileAnalysis } from '../engine/analyze.js';
import type { Finding } from '../types.js';
import { SOURCE } from './diagnostics.js';
import { overlaps, rangeOf } from './positions.js';

export const ADD_TO_BASELINE = 'claimlint.addToBaseline';

/** Pseudo-rules a line comment cannot sensibly silence: an unused suppression is fixed by removing it. */
const NOT_SUPPRESSIBLE = new Set(['suppression']);

export function codeActions(
  doc: TextDocument,
  findings: readonly Finding[],
  range: Range,
  analysis: FileAnalysis | undefined,
  contextDiagnostics: readonly Diagnostic[],
  baselineName: string,
  locale: Locale = 'en',
): CodeAction[] {
  const actions: CodeAction[] = [];
  const disabled = new Set<string>();
  for (const f of findings) {
    const at = rangeOf(f);
    if (!overlaps(at, range)) continue;
    const diagnostics = contextDiagnostics.filter((d) => d.source === SOURCE && d.code === f.ruleId && overlaps(d.range, at));
    const key = `${f.line}\u0000${f.ruleId}`;
    const edit = disabled.has(key) ? undefined : disableLineEdit(doc, f, analysis);
    if (edit) {
      disabled.add(key);
      actions.push({
        title: label(locale, 'lsp.disable-line', { rule: f.ruleId }),
        kind: CodeActionKind.QuickFix,
        diagnostics,
        edit: { changes: { [doc.uri]: [edit] } },
      });
    }
    const entry: BaselineEntry = { file: f.file, ruleId: f.ruleId, fingerprint: f.fingerprint, line: f.line, excerpt: f.excerpt };
    actions.push({
      title: label(locale, 'lsp.add-baseline', { rule: f.ruleId, file: baselineName }),
      kind: CodeActionKind.QuickFix,
      diagnostics,
      command: { title: label(locale, 'lsp.add-baseline-command'), command: ADD_TO_BASELINE, arguments: [entry] },
    });
  }
  return actions;
}

/**
 * The comment at the end of the finding's first line (the line suppressions
 * match a finding by). An existing disable-line comment there gets the rule
 * added. None for plain text, or for a line the parser does not read as prose
 * (front matter, code), where a comment would change the page.
 */
function disableLineEdit(doc: TextDocument, f: Finding, analysis: FileAnalysis | undefined): TextEdit | undefined {
  const article = analysis?.article;
  const comment = article && inputFormat(article.file.format).commentSyntax;
  if (!article || !comment || NOT_SUPPRESSIBLE.has(f.ruleId)) return undefined;
  const line = f.line - 1;
  const lineStart = doc.offsetAt({ line, character: 0 });
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const lineEnd = lineStart + lineText.length;
  const start = doc.offsetAt(rangeOf(f).start);
  if (article.ignored.some((s) => start >= s.start && start < s.end)) return undefined;
  const existing = article.directives.find((d) => d.kind === 'disable-line' && d.span.start >= lineStart && d.span.end <= lineEnd);
  if (existing) {
    if (existing.ruleIds.length === 0 || existing.ruleIds.includes(f.ruleId)) return undefined;
    const rules = [...existing.ruleIds, f.ruleId].join(', ');
    return {
      range: { start: doc.positionAt(existing.span.start), end: doc.positionAt(existing.span.end) },
      newText: `${comment.open} claimlint-disable-line ${rules}${existing.reason ? ` -- ${existing.reason}` : ''} ${comment.close}`,
    };
  }
  // CJK text runs straight into the comment, as in the README's example; other text gets a space.
  const last = lineText.charCodeAt(lineText.length - 1);
  const gap = lineText.length === 0 || last > 0x2e7f || last === 0x20 ? '' : ' ';
  return { range: { start: doc.positionAt(lineEnd), end: doc.positionAt(lineEnd) }, newText: `${gap}${comment.open} claimlint-disable-line ${f.ruleId} ${comment.close}` };
}
