// Counting and grouping findings for the report formatters. Orders are
// deterministic (plain code-unit string comparison, never locale-dependent),
// so the same findings always give byte-identical reports.

import { render, type Locale } from '../i18n/catalogue.js';
import { msg, type Message } from '../i18n/message.js';
import type { Finding, Severity } from '../types.js';

export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface RuleTally extends SeverityCounts {
  readonly ruleId: string;
}

export interface FileTally extends SeverityCounts {
  readonly file: string;
  /** The file's findings in the order the engine gave them. */
  readonly findings: Finding[];
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Locale-independent string order (UTF-16 code units), for byte-stable output. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function add(counts: SeverityCounts, severity: Severity): void {
  if (severity === 'error') counts.errors++;
  else if (severity === 'warning') counts.warnings++;
  else counts.infos++;
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const c: SeverityCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) add(c, f.severity);
  return c;
}

/** Most severe first: more errors, then more warnings, then more infos. */
function compareCounts(a: SeverityCounts, b: SeverityCounts): number {
  return b.errors - a.errors || b.warnings - a.warnings || b.infos - a.infos;
}

/** Totals per rule, the rule with most errors (then warnings, infos) first, then by id. */
export function tallyByRule(findings: readonly Finding[]): RuleTally[] {
  const byRule = new Map<string, RuleTally>();
  for (const f of findings) {
    let t = byRule.get(f.ruleId);
    if (!t) {
      t = { ruleId: f.ruleId, errors: 0, warnings: 0, infos: 0 };
      byRule.set(f.ruleId, t);
    }
    add(t, f.severity);
  }
  return [...byRule.values()].sort((a, b) => compareCounts(a, b) || compareStrings(a.ruleId, b.ruleId));
}

/** Findings grouped per file in the order files first appear (the engine's sort order). */
export function groupByFile(findings: readonly Finding[]): FileTally[] {
  const byFile = new Map<string, FileTally>();
  for (const f of findings) {
    let t = byFile.get(f.file);
    if (!t) {
      t = { file: f.file, findings: [], errors: 0, warnings: 0, infos: 0 };
      byFile.set(f.file, t);
    }
    t.findings.push(f);
    add(t, f.severity);
  }
  return [...byFile.values()];
}

/**
 * Findings grouped per file, worst file first: most errors, then most
 * warnings, then most infos, then by path.
 */
export function rankFiles(findings: readonly Finding[]): FileTally[] {
  return groupByFile(findings).sort((a, b) => compareCounts(a, b) || compareStrings(a.file, b.file));
}

/** "1 error", "2 errors", "0 infos". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "2 errors, 1 warning, 0 infos". */
export function countsPhrase(c: SeverityCounts): string {
  return `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.infos, 'info')}`;
}

/** "2 errors, 1 warning, 0 infos" in `locale`. */
export function countsText(locale: Locale, c: SeverityCounts): string {
  return render(locale, countsMessage(c));
}

export function countsMessage(c: SeverityCounts): Message {
  return msg('label.counts', {
    errors: msg('label.count.errors', { count: c.errors }),
    warnings: msg('label.count.warnings', { count: c.warnings }),
    infos: msg('label.count.infos', { count: c.infos }),
  });
}

/** "in 3 files · 12 claims checked" in `locale`. */
export function scopeMessage(files: number, claims: number): Message {
  return msg('label.scope', { files: msg('label.count.files', { count: files }), claims: msg('label.count.claims', { count: claims }) });
}
