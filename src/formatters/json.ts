// `--format json`: the public JSON contract of PRODUCT.md. Objects are built
// field by field in a fixed order so key order (and so the bytes) never depend
// on how the engine happened to construct a finding. Fields may be added to
// this output over time; none may be renamed.

import type { RunResult } from '../types.js';
import { findingsJson, findingToJson, RENDERED_FINDINGS, type JsonFinding, type RenderedFindings } from '../engine/json-findings.js';

export { findingsJson, findingToJson, RENDERED_FINDINGS, type JsonFinding, type JsonRelated, type RenderedFindings } from '../engine/json-findings.js';

/** A result's rendered findings, when it carries them. */
function renderedOf(result: RunResult): RenderedFindings | undefined {
  return (result as { [RENDERED_FINDINGS]?: RenderedFindings })[RENDERED_FINDINGS];
}
import type { Formatter } from './types.js';

/** The JSON contract object: what `--format json` prints and the Node API returns. */
export interface JsonReport {
  version: 1;
  asOf: string;
  findings: JsonFinding[];
  summary: { files: number; claims: number; errors: number; warnings: number; infos: number };
  /** An addition to the contract: present only when there is a note. */
  notes?: string[];
}

export function jsonReport(result: RunResult): JsonReport {
  const s = result.summary;
  const out: JsonReport = {
    version: result.version,
    asOf: result.asOf,
    findings: result.findings.map(findingToJson),
    summary: { files: s.files, claims: s.claims, errors: s.errors, warnings: s.warnings, infos: s.infos },
  };
  if (result.notes.length > 0) out.notes = [...result.notes];
  return out;
}

export const formatJson: Formatter = (result: RunResult): string =>
  [...jsonChunks(result)].map((p) => (typeof p === 'string' ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString('utf8'))).join('');

/** Findings per chunk of `jsonChunks`. */
const CHUNK = 512;

/**
 * `--format json` in pieces, byte for byte `JSON.stringify(jsonReport(result), null, 2)`
 * and a newline: the report's frame, then the findings a few hundred at a time.
 * A writer that writes each piece as it comes never holds the whole report as
 * one string (hundreds of megabytes for 100,000 articles) nor a JSON object per finding.
 */
export function* jsonChunks(result: RunResult): Generator<string | Uint8Array> {
  const rendered = renderedOf(result);
  // The frame is made without reading `findings`: a result with rendered findings decodes them only when asked.
  const s = result.summary;
  const frame = JSON.stringify(
    jsonReport({ version: result.version, asOf: result.asOf, findings: [], summary: s, rules: result.rules, notes: result.notes }),
    null,
    2,
  );
  // The first `"findings": []` is the key's own (version and asOf come before it; quotes inside strings are escaped).
  const empty = '"findings": []';
  const at = frame.indexOf(empty);
  const count = rendered ? s.errors + s.warnings + s.infos : result.findings.length;
  if (count === 0 || at < 0) {
    yield `${frame}\n`;
    return;
  }
  yield `${frame.slice(0, at)}"findings": [\n`;
  if (rendered) {
    let first = true;
    for (const text of rendered.texts()) {
      if (!first) yield ',\n';
      yield text;
      first = false;
    }
    yield '\n';
  } else {
    const findings = result.findings;
    for (let i = 0; i < findings.length; i += CHUNK) {
      const end = Math.min(findings.length, i + CHUNK);
      yield `${findingsJson(findings.slice(i, end))}${end < findings.length ? ',\n' : '\n'}`;
    }
  }
  yield `  ]${frame.slice(at + empty.length)}\n`;
}
