// `--format github`: GitHub Actions workflow commands, one annotation per
// finding, shown on the changed lines of a pull request. GitHub displays only
// ten annotations of each level per step, so errors come first, then warnings,
// then notices; when some are not shown, a notice saying how many goes before
// all of them (a closing one would be the eleventh notice, and dropped).

import { label, type Locale } from '../i18n/catalogue.js';
import { msg } from '../i18n/message.js';
import type { Finding, RunResult } from '../types.js';
import type { Formatter, FormatterOptions } from './types.js';
import { locate } from './location.js';
import { compareStrings, countSeverities, countsText, SEVERITY_RANK } from './tally.js';
import { messageWithCanonical } from './text.js';

/** How many annotations of one level GitHub shows per step. */
export const GITHUB_ANNOTATION_LIMIT = 10;

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

const DATA_SPECIALS = /[%\r\n]/g;
const PROPERTY_SPECIALS = /[%\r\n:,]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '%': '%25',
  '\r': '%0D',
  '\n': '%0A',
  ':': '%3A',
  ',': '%2C',
};

/** Escapes a command's message as @actions/core does (% first, so escapes are not re-escaped). */
export function escapeData(s: string): string {
  return s.replace(DATA_SPECIALS, (c) => ESCAPES[c]!);
}

/** Escapes a command property value: as data, plus ':' and ','. */
export function escapeProperty(s: string): string {
  return s.replace(PROPERTY_SPECIALS, (c) => ESCAPES[c]!);
}

function annotation(f: Finding, options: FormatterOptions, locale: Locale): string {
  const props: [string, string | number][] = [
    // Relative to the repository root, which GitHub resolves annotation paths against.
    ['file', locate(f.file, options.cwd, options.root).path],
    ['line', f.line],
    ['endLine', f.endLine],
  ];
  // GitHub rejects column bounds on an annotation that spans several lines.
  if (f.line === f.endLine) props.push(['col', f.column], ['endColumn', f.endColumn]);
  props.push(['title', `claimlint(${f.ruleId})`]);
  const rendered = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${COMMAND[f.severity]} ${rendered}::${escapeData(messageWithCanonical(f, locale))}`;
}

/** Errors first, then warnings, then infos; within a level by file, line and column (stable). */
function annotationOrder(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      compareStrings(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column,
  );
}

function overflowNotice(findings: readonly Finding[], options: FormatterOptions, locale: Locale): string | undefined {
  const c = countSeverities(findings);
  const limit = GITHUB_ANNOTATION_LIMIT;
  const over = (n: number, shown: number) => Math.max(0, n - shown);
  if (over(c.errors, limit) + over(c.warnings, limit) + over(c.infos, limit) === 0) return undefined;
  // The notice takes one of the ten notice places itself.
  const hidden = over(c.errors, limit) + over(c.warnings, limit) + over(c.infos, limit - 1);
  const rest = options.reportPath !== undefined ? msg('label.github.full-report', { path: options.reportPath }) : msg('label.github.run-locally');
  const text = label(locale, 'label.github.overflow', { counts: countsText(locale, c), limit, count: hidden, rest });
  return `::notice title=claimlint::${escapeData(text)}`;
}

export const formatGithub: Formatter = (result: RunResult, options) => {
  const lines: string[] = [];
  const locale = result.locale ?? 'en';
  const notice = overflowNotice(result.findings, options, locale);
  if (notice !== undefined) lines.push(notice);
  for (const f of annotationOrder(result.findings)) lines.push(annotation(f, options, locale));
  // Plain last line, for the step's log (not a workflow command).
  lines.push(label(locale, 'label.github.summary', { counts: countsText(locale, result.summary), files: msg('label.count.files', { count: result.summary.files }) }));
  return `${lines.join('\n')}\n`;
};
