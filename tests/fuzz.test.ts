// Issue 9, fuzzing: seeded bad inputs (tests/helpers/fuzz-inputs.ts) run through
// the whole CLI in process (main() with a captured Io, one run per batch of
// files), plus a few real processes. For every batch:
// - the exit code is 0 or 1: a bad article is a finding, never a failed run;
// - stderr has no "internal error" and no stack trace, stdout is one JSON report;
// - no stage failed on any file (a failed stage is a bug the input exposed);
// - every finding is on a file of the batch, at a real line and column;
// - a good article among the bad ones keeps the findings it has alone;
// - a second run over the same files gives byte-identical output.
// `npm test` runs 2,000 cases, `npm run fuzz` 20,000 (vitest --mode fuzz);
// CLAIMLINT_FUZZ_CASES and CLAIMLINT_FUZZ_SEED override both.
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { Io } from '../src/cli/output.js';
import { fuzzCases, KINDS, type FuzzCase } from './helpers/fuzz-inputs.js';
import { repoRoot, tempTree } from './helpers/cli.js';

const fuzzMode = import.meta.env?.MODE === 'fuzz';
const CASES = Number(process.env.CLAIMLINT_FUZZ_CASES ?? (fuzzMode ? 20_000 : 2_000));
const SEED = Number(process.env.CLAIMLINT_FUZZ_SEED ?? 20_261_202);
const BATCH = 400;
const AS_OF = '2025-06-30';

// A good article with findings that depend on it alone (corpus-conflict, which
// other files can change, is left out of the comparison): 2023年最新 at 3:3 (根据
// is two characters) is a stale-year error, line 5 contradicts the registry.
const GOOD_NAME = 'good/article.md';
const GOOD = '# 医保政策问答\n\n根据2023年最新政策，办理流程有变化。\n\n职工医保断交以后，个人账户里的余额过段时间就作废了。\n';

interface Finding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}
interface Report {
  findings: Finding[];
  summary: { files: number };
}

/** The CLI in this process: exit code and what it wrote. */
async function cli(args: readonly string[], cwd: string, stdin?: Uint8Array): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd,
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTTY: false,
    env: {},
    readStdin: () => Buffer.from(stdin ?? new Uint8Array()).toString('utf8'),
    readStdinBytes: () => stdin ?? new Uint8Array(),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const perFile = (r: Report, file: string) =>
  r.findings.filter((f) => f.file === file && f.ruleId !== 'corpus-conflict').map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.severity} ${f.message}`);

/** What must hold of any run over bad input; `where` names the seed and batch for a replay. */
function expectSound(run: { code: number; stdout: string; stderr: string }, files: ReadonlySet<string>, where: string): Report {
  expect([0, 1], `${where}: exit code ${run.code}, stderr ${run.stderr.slice(0, 500)}`).toContain(run.code);
  expect(run.stderr, where).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
  const report = JSON.parse(run.stdout) as Report;
  const stageFailures = report.findings.filter((f) => / stage failed/.test(f.message)).map((f) => `${f.file}: ${f.message}`);
  expect(stageFailures, where).toEqual([]);
  const misplaced = report.findings
    .filter((f) => !files.has(f.file) || !(f.line >= 1 && f.column >= 1 && (f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column))))
    .map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}`);
  expect(misplaced, where).toEqual([]);
  return report;
}

function writeBatch(cases: readonly FuzzCase[]): string {
  const dir = tempTree({ [GOOD_NAME]: GOOD });
  mkdirSync(join(dir, 'bad'));
  for (const c of cases) writeFileSync(join(dir, 'bad', c.name), c.bytes);
  return dir;
}

const args = ['check', '.', '--as-of', AS_OF, '--format', 'json'];

describe(`fuzz: ${CASES} seeded bad inputs (seed ${SEED})`, () => {
  let alone: string[] | undefined;
  const goodAlone = async () => {
    if (alone) return alone;
    const dir = tempTree({ [GOOD_NAME]: GOOD });
    const run = await cli(args, dir);
    expect(run.code).toBe(1);
    alone = perFile(JSON.parse(run.stdout) as Report, GOOD_NAME);
    // Not a vacuous comparison: the good article has its planted findings.
    expect(alone.some((f) => f.startsWith('3:3-3:') && f.includes(' stale-year error '))).toBe(true);
    expect(alone.some((f) => f.startsWith('5:') && f.includes('claim-contradiction'))).toBe(true);
    return alone;
  };

  it('the generator is seeded: the same seed gives the same bytes, and every kind is made', () => {
    const a = fuzzCases(SEED, KINDS.length * 2);
    const b = fuzzCases(SEED, KINDS.length * 2);
    expect(a.map((c) => c.name)).toEqual(b.map((c) => c.name));
    for (let i = 0; i < a.length; i++) expect(Buffer.compare(Buffer.from(a[i]!.bytes), Buffer.from(b[i]!.bytes))).toBe(0);
    expect(new Set(a.map((c) => c.label.split('#')[0]))).toEqual(new Set(KINDS.map(([k]) => k)));
    expect(Buffer.compare(Buffer.from(fuzzCases(SEED + 1, 1)[0]!.bytes), Buffer.from(a[0]!.bytes))).not.toBe(0);
  });

  for (let offset = 0; offset < CASES; offset += BATCH) {
    const count = Math.min(BATCH, CASES - offset);
    it(`cases ${offset}–${offset + count - 1}: exit 0/1, no stack trace, the good article keeps its findings, the same bytes twice`, async () => {
      const where = `seed ${SEED}, cases ${offset}–${offset + count - 1}`;
      const cases = fuzzCases(SEED, count, offset);
      const dir = writeBatch(cases);
      const files = new Set([GOOD_NAME, ...cases.map((c) => `bad/${c.name}`)]);
      const first = await cli(args, dir);
      const report = expectSound(first, files, where);
      expect(report.summary.files).toBe(files.size);
      expect(perFile(report, GOOD_NAME), where).toEqual(await goodAlone());
      const second = await cli(args, dir);
      expect([second.code, second.stderr], where).toEqual([first.code, first.stderr]);
      if (second.stdout !== first.stdout) {
        const [a, b] = [first.stdout.split('\n'), second.stdout.split('\n')];
        const at = a.findIndex((l, i) => l !== b[i]);
        expect(b.slice(Math.max(0, at - 12), at + 3), `${where}: the second run's report differs at line ${at + 1}`).toEqual(a.slice(Math.max(0, at - 12), at + 3));
      }
    });
  }

  it('bad bytes on stdin (check -): exit 0/1, no stack trace, the same bytes twice', async () => {
    const dir = tempTree({});
    for (const c of fuzzCases(SEED, KINDS.length, CASES)) {
      const name = `stdin-${c.name}`;
      const first = await cli(['check', '-', '--stdin-filename', name, '--as-of', AS_OF, '--format', 'json'], dir, c.bytes);
      expectSound(first, new Set([name]), `seed ${SEED}, stdin ${c.label}`);
      const second = await cli(['check', '-', '--stdin-filename', name, '--as-of', AS_OF, '--format', 'json'], dir, c.bytes);
      expect(second.stdout === first.stdout).toBe(true);
    }
  });
});

describe('fuzz: real processes', () => {
  const bin = join(repoRoot, 'bin', 'claimlint.js');
  const spawn = (argv: readonly string[], cwd: string, input?: Uint8Array) =>
    spawnSync(process.execPath, [bin, ...argv], { cwd, input, maxBuffer: 512 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });

  it('a batch of every kind through the built CLI, twice: exit 0/1, clean stderr, identical stdout', () => {
    const cases = fuzzCases(SEED, KINDS.length * 4, CASES + 1000);
    const dir = writeBatch(cases);
    const files = new Set([GOOD_NAME, ...cases.map((c) => `bad/${c.name}`)]);
    const a = spawn(args, dir);
    const b = spawn(args, dir);
    const run = { code: a.status ?? -1, stdout: a.stdout.toString('utf8'), stderr: a.stderr.toString('utf8') };
    expectSound(run, files, `seed ${SEED}, process batch`);
    expect(b.status).toBe(a.status);
    expect(Buffer.compare(a.stdout, b.stdout)).toBe(0);
  });

  it('random bytes on stdin to the built CLI', () => {
    const c = fuzzCases(SEED, 1, CASES + 2000)[0]!;
    const r = spawn(['check', '-', '--stdin-filename', 'stdin.txt', '--as-of', AS_OF, '--format', 'json'], tempTree({}), c.bytes);
    expectSound({ code: r.status ?? -1, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') }, new Set(['stdin.txt']), `seed ${SEED}, ${c.label}`);
  });
});
