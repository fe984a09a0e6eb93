// Run stage 6, report: the sorted findings, the summary and the notes as one
// RunResult, the object every formatter renders.
import type { Finding, RunResult, Severity } from '../types.js';
import { localizeFindings } from '../kernel/messages.js';
import { msg, type Message } from '../i18n/message.js';
import { render, type Locale } from '../i18n/catalogue.js';
import { allRuleMeta } from '../rules/index.js';
import type { AnalysisCache } from './cache.js';
import { RENDERED_FINDINGS, type RenderedFindings } from './json-findings.js';

/**
 * A run's findings as the incremental corpus stage keeps them: counted, and
 * already rendered for the JSON report, decoded only when something reads them.
 */
export interface StoredFindings {
  readonly counts: Readonly<Record<Severity, number>>;
  /** The findings, in English (the report localises them). */
  load(): Finding[];
  /** findingsJson of each file's localised findings, when they are rendered in the run's locale. */
  readonly rendered?: RenderedFindings;
}

export interface ReportInput {
  readonly asOf: string;
  readonly findings: readonly Finding[] | StoredFindings;
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
  const stored = Array.isArray(findings) ? undefined : (findings as StoredFindings);
  const count = (s: Severity) => (stored ? stored.counts[s] : (findings as readonly Finding[]).filter((f) => f.severity === s).length);
  const result: RunResult = {
    version: 1,
    asOf: input.asOf,
    findings: stored ? [] : localizeFindings(findings as readonly Finding[], input.locale),
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
  if (!stored) return result;
  // Stored findings are decoded on first read; a JSON report written from the rendered texts never reads them.
  let loaded: readonly Finding[] | undefined;
  Object.defineProperty(result, 'findings', { enumerable: true, get: () => (loaded ??= localizeFindings(stored.load(), input.locale)) });
  if (stored.rendered) Object.defineProperty(result, RENDERED_FINDINGS, { enumerable: false, value: stored.rendered });
  return result;
}
