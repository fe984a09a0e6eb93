import { createHash } from 'node:crypto';
import type { Finding, RelatedLocation, Severity } from '../types.js';
import type { LineIndex } from '../text/position.js';
import type { RelatedSpec, ReportDescriptor } from './rule.js';

const EXCERPT_MAX = 240;

/** Everything in a finding except what suppression and sorting decide later. */
export type RawFinding = Omit<Finding, 'fingerprint'> & { readonly fingerprintBase: string; readonly start: number; readonly end: number };

/** Turns a rule's node-relative report into an absolute finding. */
export function toFinding(
  ruleId: string,
  severity: Severity,
  file: string,
  lines: LineIndex,
  d: ReportDescriptor,
  relatedLines: (file: string) => LineIndex | undefined,
): RawFinding {
  const [rs, re] = d.range ?? [0, d.node.text.length];
  const start = d.node.span.start + rs;
  const end = d.node.span.start + Math.max(re, rs);
  const { start: s, end: e } = lines.range({ start, end });
  const related = d.related?.map((r) => toRelated(r, relatedLines(r.file))).filter((r): r is RelatedLocation => !!r);
  return {
    ruleId,
    severity,
    file,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    message: d.message,
    excerpt: excerpt(d.node.text),
    ...(d.claimId ? { claimId: d.claimId } : {}),
    ...(d.expected ? { expected: d.expected } : {}),
    ...(d.source ? { source: d.source } : {}),
    ...(related && related.length ? { related } : {}),
    fingerprintBase: [ruleId, d.claimId ?? '', normalise(d.node.text), normalise(d.node.text.slice(rs, re))].join('\u0000'),
    start,
    end,
  };
}

function toRelated(r: RelatedSpec, lines: LineIndex | undefined): RelatedLocation | undefined {
  if (!lines) return undefined;
  const { start, end } = lines.range(r.span);
  return {
    file: r.file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    excerpt: excerpt(r.excerpt),
    ...(r.message ? { message: r.message } : {}),
  };
}

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_MAX ? `${flat.slice(0, EXCERPT_MAX - 1)}…` : flat;
}

/** Whitespace and punctuation-insensitive form, so a fingerprint survives reflowing. */
function normalise(s: string): string {
  return s.replace(/[\s\p{P}]+/gu, '');
}

/**
 * Sorts findings (file, line, column, rule, message) and gives each a stable
 * fingerprint: a hash of rule, claim and normalised sentence, plus an
 * occurrence number when the same sentence repeats in a file.
 */
export function finalise(raw: readonly RawFinding[]): Finding[] {
  const sorted = [...raw].sort(
    (a, b) =>
      cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) ||
      a.endLine - b.endLine || a.endColumn - b.endColumn || cmp(a.message, b.message),
  );
  const occurrences = new Map<string, number>();
  return sorted.map(({ fingerprintBase, start: _s, end: _e, ...f }) => {
    const key = `${f.file}\u0000${fingerprintBase}`;
    const n = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, n);
    const fingerprint = createHash('sha256').update(`${fingerprintBase}\u0000${n}`).digest('hex').slice(0, 32);
    return { ...f, fingerprint };
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
