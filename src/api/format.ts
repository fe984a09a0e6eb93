// The formatters by name for Node API callers: they take the JSON contract
// object that lintText / lintFiles return, as the CLI's take its RunResult.

import { list, msg } from '../i18n/message.js';
import { isLocale, type Locale } from '../i18n/catalogue.js';
import { environmentLocale } from '../i18n/locale.js';
import { RunFailure } from '../failure.js';
import { formatNames, formatters as byName, isFormatName, type FormatName } from '../formatters/index.js';
import type { JsonReport } from '../formatters/json.js';
import { allRuleMeta } from '../rules/index.js';
import { toolVersion } from '../version.js';
import type { RunResult } from '../types.js';

export interface FormatOptions {
  /** Finding paths are relative to this (SARIF URIs, annotation paths); default process.cwd(). */
  readonly cwd?: string;
  /** ANSI colours in the stylish report (default false). */
  readonly color?: boolean;
  /** Where the full report was written, for the github summary line. */
  readonly reportPath?: string;
  /** Markdown: most table rows before the report is cut (default 200). */
  readonly maxMarkdownRows?: number;
  /** Language of labels and glue: 'zh' or 'en' (default: the environment's, as lintText's). Pass the locale the report was made in. */
  readonly locale?: Locale;
}

export type ReportFormatter = (report: JsonReport, options?: FormatOptions) => string;

/** A report object back into the results every formatter reads (rule metadata is the built-in rules'). */
function asRunResult(report: JsonReport, locale: Locale): RunResult {
  return { version: 1, asOf: report.asOf, findings: report.findings, summary: report.summary, rules: allRuleMeta(), notes: report.notes ?? [], locale };
}

function wrap(name: FormatName): ReportFormatter {
  return (report, options = {}) =>
    byName[name](asRunResult(report, localeOption(options.locale)), {
      cwd: options.cwd ?? process.cwd(),
      color: options.color ?? false,
      toolVersion: toolVersion(),
      ...(options.reportPath !== undefined ? { reportPath: options.reportPath } : {}),
      ...(options.maxMarkdownRows !== undefined ? { maxMarkdownRows: options.maxMarkdownRows } : {}),
    });
}

function localeOption(locale: unknown): Locale {
  if (locale === undefined) return environmentLocale();
  if (!isLocale(locale)) throw new RunFailure(msg('error.locale', { value: String(locale) }));
  return locale;
}

/** stylish, json, sarif, github, markdown, html: each a function of a report. */
export const formatters: Readonly<Record<FormatName, ReportFormatter>> = Object.freeze(
  Object.fromEntries(formatNames.map((n) => [n, wrap(n)])) as Record<FormatName, ReportFormatter>,
);

/** The report in the named format; an unknown name is a RunFailure listing the known ones. */
export function format(report: JsonReport, name: string, options?: FormatOptions): string {
  if (!isFormatName(name)) throw new RunFailure(msg('error.unknown-format', { name, names: list(formatNames, 'comma') }));
  return formatters[name](report, options);
}

export { formatNames, type FormatName };
