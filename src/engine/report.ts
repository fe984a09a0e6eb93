// Run stage 6, report: the sorted findings, the summary and the notes as one
// RunResult, the object every formatter renders.
import type { Finding, RunResult, Severity } from '../types.js';
import { localizeFindings } from '../kernel/messages.js';
import { msg, type Message } from '../i18n/message.js';
import { render, type Locale } from '../i18n/catalogue.js';
import { allRuleMeta } from '../rules/index.js';
import type { AnalysisCache } from './cache.js';

export interface ReportInput {
  readonly asOf: string;
  readonly findings: readonly Finding[];
  readonly files: number;
  readonly claims: number;
  readonly locale: Locale;
  /** Discovery's notes (files skipped and why). */
  readonly notes: readonly Message[];
  readonly cache?: AnalysisCache;
  /** Already rendered: problems that leave the report whole (a cache that could not be saved). */
  readonly warnings: readonly string[];
}

export function runResult(input: ReportInput): RunResult {
  const text = (m: Message) => render(input.locale, m);
  const { findings, cache } = input;
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    version: 1,
    asOf: input.asOf,
    findings: localizeFindings(findings, input.locale),
    summary: { files: input.files, claims: input.claims, errors: count('error'), warnings: count('warning'), infos: count('info') },
    rules: allRuleMeta(),
    notes: [
      ...input.notes.map(text),
      ...(cache ? [text(msg('note.cache-hits', { hits: cache.hits, total: cache.hits + cache.misses }))] : []),
      ...(cache?.damaged ? [text(msg('note.cache-damaged', { count: cache.damaged }))] : []),
      ...input.warnings,
    ],
    locale: input.locale,
  };
}
