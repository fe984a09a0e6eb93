// A run keeps compact analyses after the file stage (src/engine/compact.ts):
// the report must not change, and the texts must not be kept.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { check } from '../../src/engine/run.js';
import { detachStrings } from '../../src/engine/compact.js';
import { comparedClaim } from '../../src/facts/compared.js';
import { LineIndex } from '../../src/text/position.js';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/output.js';

const root = resolve(import.meta.dirname, '..', '..');
const asOf = '2026-11-22';

describe('compact analyses', () => {
  it('give the same report as a run that keeps the articles, and keep no article', async () => {
    const compact = await check({ cwd: root, paths: ['corpus'], asOf });
    const full = await check({ cwd: root, paths: ['corpus'], asOf, keepArticles: true });
    expect(JSON.stringify(compact.result)).toBe(JSON.stringify(full.result));
    expect(compact.result.findings.some((f) => f.ruleId === 'corpus-conflict' && f.related?.length)).toBe(true);
    expect(compact.analyses.every((a) => a.article === undefined)).toBe(true);
    expect(full.analyses.every((a) => a.article !== undefined)).toBe(true);
  });

  it('keep the verdicts the corpus stage reads, with cut-down records, and count every claim record', async () => {
    const compact = await check({ cwd: root, paths: ['corpus'], asOf });
    const full = await check({ cwd: root, paths: ['corpus'], asOf, keepArticles: true });
    expect(compact.result.summary.claims).toBe(full.result.summary.claims);
    compact.analyses.forEach((a, i) => {
      const f = full.analyses[i]!;
      expect(a.file).toBe(f.file);
      expect(a.claims).toBe(f.records.length);
      // Kept: what claimConflicts compares and what the registry judges, in the file's order.
      const want = f.verdicts.filter((v) => comparedClaim(v) || v.kind !== 'unverifiable');
      expect(a.verdicts.map((v) => `${v.kind}:${v.record.claimId}:${v.record.sentence.span.start}`)).toEqual(
        want.map((v) => `${v.kind}:${v.record.claimId}:${v.record.sentence.span.start}`),
      );
      expect(a.records).toEqual(a.verdicts.map((v) => v.record));
      for (const [k, v] of a.verdicts.entries()) {
        const r = v.record;
        const o = want[k]!.record;
        // No quantities, clause or subject mention: the file stage's rules have made their findings.
        expect(Object.keys(r).sort()).toEqual(
          ['file', 'claimId', 'value', 'framing', 'hedges', 'conditions', 'cue', 'sentence', ...(o.region !== undefined ? ['region'] : []), ...(o.year !== undefined ? ['year'] : [])].sort(),
        );
        expect([r.value, r.framing, r.year, r.region, r.cue.text, r.sentence.text]).toEqual([o.value, o.framing, o.year, o.region, o.cue.text, o.sentence.text]);
        expect(r.hedges).toEqual(o.hedges);
        expect(v.level).toBe(want[k]!.level);
      }
    });
  });

  it('give the same report when the corpus stage lets the analyses go (the CLI\'s check)', async () => {
    const kept = await check({ cwd: root, paths: ['corpus', '../shared/samples'], asOf });
    const let_go = await check({ cwd: root, paths: ['corpus', '../shared/samples'], asOf, resultOnly: true });
    expect(let_go.analyses).toEqual([]);
    expect(JSON.stringify(let_go.result)).toBe(JSON.stringify(kept.result));
  });

  it('still apply suppressions, and report those that suppress nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-compact-'));
    const text = [
      '---',
      'title: 职工医保个人账户',
      'date: 2025-01-01',
      '---',
      '',
      '<!-- claimlint-disable-next-line claim-contradiction -->',
      '职工医保停缴超过3个月，个人账户余额将清零。',
      '',
      '<!-- claimlint-disable-next-line stale-year -->',
      '个人账户的钱可以继续使用。',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'a.md'), text);
    const compact = await check({ cwd: dir, paths: ['a.md'], asOf });
    const full = await check({ cwd: dir, paths: ['a.md'], asOf, keepArticles: true });
    const shown = compact.result.findings.map((f) => `${f.ruleId}:${f.line}`);
    // The contradiction on line 7 is suppressed; the second comment (line 9) suppresses nothing.
    expect(shown).not.toContain('claim-contradiction:7');
    expect(shown).toContain('suppression:9');
    expect(JSON.stringify(compact.result)).toBe(JSON.stringify(full.result));
  });

  it('leave `extract` its clauses, which it cuts from the texts', async () => {
    const out: string[] = [];
    const io: Io = { cwd: root, stdout: (s) => void out.push(s), stderr: () => undefined, readStdin: () => '', isTTY: false, env: {} };
    expect(await main(['extract', 'corpus/account-withdrawal-faq.md', '--as-of', asOf], io)).toBe(0);
    const records = out.join('').trim().split('\n').map((l) => JSON.parse(l) as { clause?: string; sentence: string });
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(typeof r.clause).toBe('string');
      expect(r.sentence).toContain(r.clause!.trim());
    }
  });

  it('line starts without the text give the same positions', () => {
    const text = '医保\r\n\n个人账户\r其他\n';
    const li = new LineIndex(text);
    const d = li.detached();
    for (let o = 0; o <= text.length + 2; o++) expect(d.position(o)).toEqual(li.position(o));
    expect(d.lineCount).toBe(li.lineCount);
    expect(d.range({ start: 3, end: 9 })).toEqual(li.range({ start: 3, end: 9 }));
  });
});

describe('detachStrings', () => {
  it('replaces strings by equal ones, walks shared objects once, and leaves class instances alone', () => {
    const text = '一二三四五六七八九十'.repeat(100);
    const shared = { text: text.slice(5, 40), n: 1 };
    class Opaque {
      constructor(readonly s: string) {}
    }
    const opaque = new Opaque(text.slice(0, 30));
    const tree = { a: [shared, shared, text.slice(10, 60), 'short'], b: { shared }, opaque };
    const before = JSON.stringify(tree);
    detachStrings(tree);
    expect(JSON.stringify(tree)).toBe(before);
    expect(tree.a[0]).toBe(shared);
    expect(tree.b.shared).toBe(shared);
    expect(tree.opaque.s).toBe(text.slice(0, 30));
  });
});

describe('detachStrings and the texts it cuts loose', () => {
  // A slice of 13 or more characters is, in V8, a view that keeps its whole text alive.
  // Measured: 100 texts of 200,000 characters (two-byte, 40 MB in all), one 30-character
  // slice of each kept; after detachStrings and a full GC the texts are gone.
  it('keeps slices, not the texts they were cut from', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const make = (detach: boolean) => {
      const kept: Array<{ sentence: string; claimId: string }> = [];
      for (let i = 0; i < 100; i++) {
        // Built fresh each time (with the index in it) so no two texts are one string.
        const text = `${i}：` + '停缴后个人账户余额归个人所有，可以继续使用。'.repeat(9_000);
        kept.push({ sentence: text.slice(1_000 + i, 1_030 + i), claimId: text.slice(2, 20) });
      }
      if (detach) detachStrings(kept);
      return kept;
    };
    const base = heap();
    const views = make(false);
    const withViews = heap() - base;
    const detached = make(true);
    const withCopies = heap() - base - withViews;
    // The views hold the texts (at least 30 MB); the copies hold 100 short strings.
    expect(withViews).toBeGreaterThan(30 * 1024 * 1024);
    expect(withCopies).toBeLessThan(2 * 1024 * 1024);
    expect(detached.map((x) => x.sentence)).toEqual(views.map((x) => x.sentence));
  });
});
