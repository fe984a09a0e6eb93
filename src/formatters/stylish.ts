// `--format stylish`: the terminal report, after ESLint's stylish but made for
// Chinese sentences. A finding is one aligned row plus the sentence it is about,
// the canonical statement, and the other side of a conflict, so an editor can
// judge it without opening the file. Columns are aligned by display width, as
// CJK characters take two terminal columns.

import { render, type Locale } from '../i18n/catalogue.js';
import { msg } from '../i18n/message.js';
import type { Finding, RunResult, Severity } from '../types.js';
import type { Formatter } from './types.js';
import { countsMessage, groupByFile, scopeMessage } from './tally.js';
import { displayWidth, oneLine, padEndDisplay, padStartDisplay } from './text.js';
import { maxOf, pushAll } from '../arrays.js';

export { displayWidth } from './text.js';

/** Messages wider than this are not padded for the rule-id column (it would push ids off screen). */
const MAX_MESSAGE_PAD = 60;

interface Paint {
  severity(s: Severity, text: string): string;
  dim(text: string): string;
  underline(text: string): string;
  bold(text: string): string;
  green(text: string): string;
}

function sgr(open: number, close: number): (text: string) => string {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

const COLOURS: Record<Severity, (text: string) => string> = {
  error: sgr(31, 39),
  warning: sgr(33, 39),
  info: sgr(36, 39),
};

const ANSI: Paint = {
  severity: (s, text) => COLOURS[s](text),
  dim: sgr(2, 22),
  underline: sgr(4, 24),
  bold: sgr(1, 22),
  green: sgr(32, 39),
};

const identity = (text: string): string => text;
const PLAIN: Paint = {
  severity: (_s, text) => text,
  dim: identity,
  underline: identity,
  bold: identity,
  green: identity,
};

/** The lines under a finding's row: sentence, canonical statement, related locations. */
function detailLines(f: Finding, paint: Paint, locale: Locale): string[] {
  const lines: string[] = [];
  const excerpt = oneLine(f.excerpt);
  if (excerpt) lines.push(`    ${paint.dim('›')} ${excerpt}`);
  if (f.expected !== undefined) {
    const source = f.source !== undefined ? render(locale, msg('label.source', { source: oneLine(f.source) })) : '';
    lines.push(paint.dim(`    ${render(locale, msg('label.canonical', { statement: `${oneLine(f.expected)}${source}` }))}`));
  }
  for (const r of f.related ?? []) {
    const note = r.message !== undefined ? render(locale, msg('label.related-note', { note: oneLine(r.message) })) : '';
    lines.push(paint.dim(`    ↔ ${oneLine(r.file)}:${r.line}  ${oneLine(r.excerpt)}${note}`));
  }
  return lines;
}

function fileBlock(file: string, findings: readonly Finding[], paint: Paint, locale: Locale): string[] {
  const rows = findings.map((f) => ({
    f,
    pos: `${f.line}:${f.column}`,
    message: oneLine(f.message),
  }));
  const posWidth = maxOf(rows.map((r) => r.pos.length));
  const sevLabel = (s: Severity) => render(locale, msg(`label.severity.${s}`));
  const sevWidth = maxOf(rows.map((r) => displayWidth(sevLabel(r.f.severity))));
  const widths = rows.map((r) => displayWidth(r.message)).filter((w) => w <= MAX_MESSAGE_PAD);
  const msgWidth = maxOf(widths);

  const out = [paint.underline(oneLine(file))];
  for (const { f, pos, message } of rows) {
    // Pad outside the colour codes so a reset never lands inside the padding.
    const shown = sevLabel(f.severity);
    const sev = paint.severity(f.severity, shown) + ' '.repeat(sevWidth - displayWidth(shown));
    out.push(
      `  ${padStartDisplay(pos, posWidth)}  ${sev}  ${padEndDisplay(message, msgWidth)}  ${paint.dim(f.ruleId)}`,
    );
    pushAll(out, detailLines(f, paint, locale));
  }
  return out;
}

function summaryLine(result: RunResult, paint: Paint, locale: Locale): string {
  const s = result.summary;
  const scope = scopeMessage(s.files, s.claims);
  const problems = s.errors + s.warnings + s.infos;
  if (problems === 0) return paint.green(`✔ ${render(locale, msg('label.no-problems', { scope }))}`);
  const worst: Severity = s.errors > 0 ? 'error' : s.warnings > 0 ? 'warning' : 'info';
  const text = render(locale, msg('label.problems', { problems: msg('label.count.problems', { count: problems }), counts: countsMessage(s), scope }));
  return paint.severity(worst, paint.bold(`✖ ${text}`));
}

export const formatStylish: Formatter = (result, options) => {
  const paint = options.color ? ANSI : PLAIN;
  const locale = result.locale ?? 'en';
  const lines: string[] = [];
  for (const group of groupByFile(result.findings)) {
    pushAll(lines, fileBlock(group.file, group.findings, paint, locale));
    lines.push('');
  }
  lines.push(summaryLine(result, paint, locale));
  for (const note of result.notes) lines.push(paint.dim(oneLine(note)));
  return `${lines.join('\n')}\n`;
};
