import { msg } from '../i18n/message.js';
import { readFileSync } from 'node:fs';
import type { Finding } from '../types.js';
import { RunFailure } from '../failure.js';
import { fingerprintWithPath } from '../kernel/messages.js';

/** A baseline entry: enough to recognise a finding again and to review it in a diff. */
export interface BaselineEntry {
  readonly file: string;
  readonly ruleId: string;
  readonly fingerprint: string;
  readonly line: number;
  readonly excerpt: string;
}

/**
 * Version 2 fingerprints include the file path. Version 1 files (written
 * before) are still read: each entry's fingerprint is converted with its file.
 */
export interface BaselineFile {
  readonly version: 2;
  readonly findings: readonly BaselineEntry[];
  /** The file was version 1 and was converted on reading (a note suggests rewriting it). */
  readonly converted?: boolean;
}

const BASELINE_VERSION = 2;

/** Stable, sorted, one entry per line-ish JSON so a reviewer can read the diff (findings, or entries read back). */
export function serialiseBaseline(findings: readonly BaselineEntry[]): string {
  const entries = findings
    .map((f) => ({ file: f.file, ruleId: f.ruleId, fingerprint: f.fingerprint, line: f.line, excerpt: f.excerpt }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  const body = entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  return `{\n  "version": ${BASELINE_VERSION},\n  "findings": [\n${body}${body ? '\n' : ''}  ]\n}\n`;
}

export function readBaseline(path: string): BaselineFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new RunFailure(msg('error.baseline-unreadable', { file: path }));
  }
  try {
    return parseBaseline(JSON.parse(text) as unknown);
  } catch (err) {
    throw new RunFailure(msg('error.baseline-invalid', { file: path, reason: err instanceof Error ? err.message : String(err) }));
  }
}

/** A parsed baseline file of either version, as version 2. */
export function parseBaseline(parsed: unknown): BaselineFile {
  const file = parsed as { version?: unknown; findings?: unknown } | null;
  if (!file || typeof file !== 'object' || (file.version !== 1 && file.version !== 2) || !Array.isArray(file.findings)) {
    throw new Error('not a claimlint baseline (version 1 or 2)');
  }
  const entries = file.findings as BaselineEntry[];
  entries.forEach((e, i) => {
    if (!e || typeof e.file !== 'string' || typeof e.fingerprint !== 'string') throw new Error(`entry ${i + 1} has no file or fingerprint`);
  });
  if (file.version === 2) return { version: 2, findings: entries };
  return {
    version: 2,
    findings: entries.map((e) => ({ ...e, fingerprint: fingerprintWithPath(e.file, e.fingerprint) })),
    converted: true,
  };
}

const key = (e: { file: string; fingerprint: string }) => `${e.file}\u0000${e.fingerprint}`;

export interface BaselineSplit {
  readonly fresh: readonly Finding[];
  readonly known: number;
  /** Baseline entries no longer found (fixed, or the sentence changed). */
  readonly gone: number;
}

/** Findings not in the baseline, plus how many were hidden and how many entries are stale. */
export function applyBaseline(findings: readonly Finding[], baseline: BaselineFile): BaselineSplit {
  const known = new Set(baseline.findings.map(key));
  const current = new Set(findings.map(key));
  const fresh = findings.filter((f) => !known.has(key(f)));
  return {
    fresh,
    known: findings.length - fresh.length,
    gone: baseline.findings.filter((e) => !current.has(key(e))).length,
  };
}
