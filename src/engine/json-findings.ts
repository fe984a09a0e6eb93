// A finding as the JSON report (`--format json`, src/formatters/json.ts) writes
// it: the public contract's field order, and the text of a file's findings as
// they stand in the report's list. Here, below the formatters, because a run
// with a warm cache stores each file's rendered findings (src/engine/incremental.ts)
// and the JSON report is then written from them.
import type { Finding, RelatedLocation, Severity } from '../types.js';

export type JsonRelated = {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  excerpt: string;
  message?: string;
};

export type JsonFinding = {
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  excerpt: string;
  claimId?: string;
  expected?: string;
  source?: string;
  related?: JsonRelated[];
  fingerprint: string;
};

function relatedToJson(r: RelatedLocation): JsonRelated {
  return {
    file: r.file,
    line: r.line,
    column: r.column,
    endLine: r.endLine,
    endColumn: r.endColumn,
    excerpt: r.excerpt,
    ...(r.message !== undefined ? { message: r.message } : {}),
  };
}

export function findingToJson(f: Finding): JsonFinding {
  // Conditional spreads keep the fixed key order while leaving absent fields out.
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
    excerpt: f.excerpt,
    ...(f.claimId !== undefined ? { claimId: f.claimId } : {}),
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.source !== undefined ? { source: f.source } : {}),
    ...(f.related !== undefined && f.related.length > 0 ? { related: f.related.map(relatedToJson) } : {}),
    fingerprint: f.fingerprint,
  };
}

/**
 * Findings already rendered as `--format json` renders them: one text per
 * file (findingsJson), in the order of the result's findings. A run with a
 * warm cache keeps them from the run before (src/engine/incremental.ts), so
 * the report is written without decoding and rendering the findings again.
 * Attached to a RunResult as a property that is not enumerable, so a result
 * made from it by spreading (narrowing, a baseline) has its own findings only.
 */
export const RENDERED_FINDINGS: unique symbol = Symbol('claimlint.renderedFindings');

export interface RenderedFindings {
  /** One text per file (empty ones left out), each findingsJson of the file's findings: a string, or its UTF-8 bytes. */
  texts(): Iterable<string | Uint8Array>;
}

/** One finding as it stands in the report's list: one level deeper than on its own, every line indented by four more spaces. */
function findingText(f: Finding): string {
  return `    ${JSON.stringify(findingToJson(f), null, 2).replace(/\n/g, '\n    ')}`;
}

/** Findings as they stand in the report's list, separated as there (no separator after the last). */
export function findingsJson(findings: readonly Finding[]): string {
  let out = '';
  for (let k = 0; k < findings.length; k++) out += k === 0 ? findingText(findings[k]!) : `,\n${findingText(findings[k]!)}`;
  return out;
}

