// The bundled corpus (corpus/*.md) against its exact expectations.
//
// Every corpus/expectations*.yaml lists findings that some group of articles
// must produce when the whole corpus is checked with a pinned --as-of:
// expectations.yaml (the general articles), expectations.region-conflict.yaml
// (region-*.md) and expectations.corpus-conflict.yaml (conflict-*.md). Their
// union must be exactly what `claimlint check corpus` reports — no finding
// more, none fewer — compared on (file, line, ruleId, claimId, severity).
//
// Entry format, shared by all of them: `findings:` (or a top-level list) of
// { file, line, ruleId, claimId?, severity? }. `file` is relative to the
// repository root (a bare name is taken as corpus/<name>). A missing claimId
// means the finding has none; a missing severity matches any severity. Other
// keys (why, factKey…) are for people and are ignored.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runCli, type CliRun } from './helpers/cli.js';

const AS_OF = '2026-11-22';
const CORPUS = join(repoRoot, 'corpus');
/** Articles owned by the region-conflict and corpus-conflict expectation files. */
const OTHER_GROUPS = /^corpus\/(?:region|conflict)-/;

interface Expectation {
  readonly file: string;
  readonly line: number;
  readonly ruleId: string;
  readonly claimId?: string;
  readonly severity?: string;
  /** The expectations file it came from, for messages. */
  readonly from: string;
}

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly ruleId: string;
  readonly claimId?: string;
  readonly severity: string;
}

function expectationFiles(): string[] {
  return readdirSync(CORPUS)
    .filter((n) => /^expectations(?:\..+)?\.ya?ml$/.test(n))
    .sort();
}

/** Reads one expectations file; throws with the file name on anything malformed. */
function loadExpectations(name: string): Expectation[] {
  const doc: unknown = parse(readFileSync(join(CORPUS, name), 'utf8'));
  const list: unknown = Array.isArray(doc) ? doc : (doc as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(list)) throw new Error(`${name}: expected a list of findings (or a \`findings:\` key)`);
  if (!Array.isArray(doc) && doc && typeof doc === 'object' && 'asOf' in doc && String((doc as { asOf: unknown }).asOf) !== AS_OF) {
    throw new Error(`${name}: asOf is ${String((doc as { asOf: unknown }).asOf)}, the test pins ${AS_OF}`);
  }
  return list.map((raw: unknown, i) => {
    const e = raw as Record<string, unknown>;
    const where = `${name} entry ${i + 1}`;
    if (typeof e?.['file'] !== 'string' || !Number.isInteger(e['line']) || typeof e['ruleId'] !== 'string') {
      throw new Error(`${where}: needs file (string), line (integer) and ruleId (string): ${JSON.stringify(raw)}`);
    }
    for (const k of ['claimId', 'severity'] as const) {
      if (e[k] !== undefined && typeof e[k] !== 'string') throw new Error(`${where}: ${k} must be a string`);
    }
    const file = e['file'].includes('/') ? e['file'] : `corpus/${e['file']}`;
    return {
      file,
      line: e['line'] as number,
      ruleId: e['ruleId'],
      ...(e['claimId'] !== undefined ? { claimId: e['claimId'] as string } : {}),
      ...(e['severity'] !== undefined ? { severity: e['severity'] as string } : {}),
      from: name,
    };
  });
}

const key = (f: { file: string; line: number; ruleId: string; claimId?: string }, severity: string): string =>
  `${f.file}:${f.line} ${f.ruleId} ${f.claimId ?? '-'} ${severity}`;

const byPlace = <T extends { file: string; line: number; ruleId: string }>(a: T, b: T): number =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);

/**
 * Matches findings to expectations one to one (an expectation without a
 * severity matches any). Returns what is left on either side, sorted, as
 * readable strings, so a failing test prints a short diff.
 */
function compare(expected: readonly Expectation[], actual: readonly Finding[]): { missing: string[]; unexpected: string[] } {
  const open = new Map<string, Expectation[]>();
  for (const e of expected) {
    const k = key(e, e.severity ?? '*');
    open.set(k, [...(open.get(k) ?? []), e]);
  }
  const unexpected: Finding[] = [];
  for (const f of [...actual].sort(byPlace)) {
    const exact = open.get(key(f, f.severity));
    const loose = open.get(key(f, '*'));
    if (exact?.length) exact.pop();
    else if (loose?.length) loose.pop();
    else unexpected.push(f);
  }
  const missing = [...open.values()].flat().sort(byPlace);
  return {
    missing: missing.map((e) => `${key(e, e.severity ?? '*')}  (${e.from})`),
    unexpected: unexpected.map((f) => key(f, f.severity)),
  };
}

function findingsOf(run: CliRun): Finding[] {
  const report = JSON.parse(run.stdout) as { findings: Array<Finding & Record<string, unknown>> };
  return report.findings.map((f) => ({
    file: f.file,
    line: f.line,
    ruleId: f.ruleId,
    ...(typeof f.claimId === 'string' ? { claimId: f.claimId } : {}),
    severity: f.severity,
  }));
}

const args = ['check', 'corpus', '--format', 'json', '--as-of', AS_OF];
let first: CliRun;
let second: CliRun;

beforeAll(() => {
  first = runCli(args);
  second = runCli(args);
});

describe('claimlint check corpus', () => {
  it('exits 1 (the corpus has errors) and prints only the report', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    const report = JSON.parse(first.stdout) as { version: number; asOf: string };
    expect(report.version).toBe(1);
    expect(report.asOf).toBe(AS_OF);
  });

  it('prints byte-identical JSON on two runs', () => {
    expect(second.code).toBe(first.code);
    expect(second.stdout).toBe(first.stdout);
  });

  it('the general articles give exactly the findings in corpus/expectations.yaml', () => {
    const expected = loadExpectations('expectations.yaml');
    // The file only speaks for the general articles.
    expect(expected.filter((e) => OTHER_GROUPS.test(e.file))).toEqual([]);
    const actual = findingsOf(first).filter((f) => !OTHER_GROUPS.test(f.file));
    expect(compare(expected, actual)).toEqual({ missing: [], unexpected: [] });
  });

  it('the whole corpus gives exactly the union of corpus/expectations*.yaml', () => {
    const files = expectationFiles();
    expect(files).toContain('expectations.yaml');
    const expected = files.flatMap(loadExpectations);
    expect(compare(expected, findingsOf(first))).toEqual({ missing: [], unexpected: [] });
  });
});

describe('corpus/expectations.yaml itself', () => {
  const expected = loadExpectations('expectations.yaml');

  it('points at lines that exist', () => {
    const bad = expected.filter((e) => {
      const path = join(repoRoot, e.file);
      return !existsSync(path) || e.line < 1 || e.line > readFileSync(path, 'utf8').split(/\r\n|\r|\n/).length;
    });
    expect(bad).toEqual([]);
  });

  it('plants contradictions of at least 8 registry claims, stale years, and a suppressed finding', () => {
    const claims = new Set(expected.filter((e) => e.ruleId === 'claim-contradiction').map((e) => e.claimId));
    expect(claims.size).toBeGreaterThanOrEqual(8);
    expect(expected.some((e) => e.ruleId === 'stale-year' && e.severity === 'error')).toBe(true);
    expect(expected.some((e) => e.ruleId === 'stale-year' && e.severity === 'warning')).toBe(true);
    // The quoted old rule under the disable-next-line comment gives no claim-contradiction,
    // and the comment is used (no `suppression` finding on it).
    const text = readFileSync(join(CORPUS, 'outpatient-reform-account.md'), 'utf8').split('\n');
    const comment = text.findIndex((l) => l.includes('claimlint-disable-next-line claim-contradiction'));
    expect(comment).toBeGreaterThan(0);
    const quoted = comment + 2; // 1-based line of the quote right below the comment
    expect(text[quoted - 1]).toMatch(/^> /);
    const onFile = findingsOf(first).filter((f) => f.file === 'corpus/outpatient-reform-account.md');
    expect(onFile.filter((f) => f.ruleId === 'claim-contradiction' && f.line === quoted)).toEqual([]);
    expect(onFile.filter((f) => f.ruleId === 'suppression')).toEqual([]);
  });
});
