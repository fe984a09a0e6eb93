// corpus-conflict on the two real scraped pages in ../shared/samples (acceptance suite).
import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine/run.js';
import { factConflicts } from '../../src/facts/conflicts.js';
import { corpusEntries } from '../../src/engine/run.js';
import type { Finding } from '../../src/types.js';
import { repoRoot as root } from '../helpers/cli.js';
import { samplesDir as samples } from '../helpers/acceptance.js';

// The corpus expectations are pinned to this date (tests/corpus.test.ts).
const asOf = '2026-11-22';
const S0 = '../shared/samples/000_c20b1bd4671130ea.txt';
const S1 = '../shared/samples/001_52265ac67fb53659.txt';
const entriesOf = corpusEntries;
const conflicts = (findings: readonly Finding[]) => findings.filter((f) => f.ruleId === 'corpus-conflict');

describe('the real scraped samples', async () => {
  const outcome = await check({ cwd: root, paths: [samples], asOf });
  const entries = entriesOf(outcome.analyses);
  const linesOf = new Map(entries.map((e) => [e.file, e.lines]));
  const sides = factConflicts(entries).map((s) => `${s.file}:${linesOf.get(s.file)!.position(s.at.fact.evidence.span.start).line} ${s.key}`);

  it('report the cross-block fact conflicts read from the pages, and nothing else', () => {
    expect(sides.sort()).toEqual(
      [
        // 南昌 2024: 养老保险 最低缴费基数 3176元/月 (line 54) vs 缴费基数下限 2547元/月 (line 60).
        `${S0}:54 place:360100|contribution-base-min|scheme=pension||amount`,
        // 失业保险: the same 3176 vs 2547 (60 lists 养老保险和失业保险 together).
        `${S0}:54 place:360100|contribution-base-min|scheme=unemployment||amount`,
        // 养老保险 单位 16% (54) vs 单位20% (60, 138, 162).
        `${S0}:54 place:360100|contribution-rate|scheme=pension,role=employer||percent`,
        // 失业保险 单位和个人均为0.50% (54) vs 单位2% 个人1% (138, 162).
        `${S0}:54 place:360100|contribution-rate|scheme=unemployment,role=employer||percent`,
        `${S0}:54 place:360100|contribution-rate|scheme=unemployment,role=individual||percent`,
        // 邯郸市中心医院 地址 中华南大街15号 (66) vs 20号 (72, 144).
        `${S0}:66 org:130400/中心医院|address|||address`,
      ].sort(),
    );
  });

  it('do not report the look-alikes', () => {
    const keys = factConflicts(entries).map((s) => s.key);
    // 丽江 在职 1800元 vs 退休 1300元 起付: different qualifiers.
    expect(keys.some((k) => k.startsWith('place:530700'))).toBe(false);
    // 三级甲等 (66) and 三甲 (72, 144) are one grade; 医疗保险 6%/2% agree in every block.
    expect(keys.some((k) => k.includes('|grade|'))).toBe(false);
    expect(keys.some((k) => k.includes('scheme=employee-medical'))).toBe(false);
    // The facts behind those look-alikes were read (so the test above means something).
    const all = entries.flatMap((e) => e.facts ?? []);
    expect(all.filter((f) => f.key.startsWith('place:530700|deductible')).map((f) => `${f.qualifiers.join(',')} ${f.value.text}`)).toEqual([
      'scheme=employee-medical,status=employed,setting=outpatient 1800元',
      'scheme=employee-medical,status=retired,setting=outpatient 1300元',
    ]);
    expect(all.filter((f) => f.attribute === 'grade' && f.entity === '邯郸市中心医院').map((f) => f.value.text)).toEqual(['三级甲等', '三甲', '三甲']);
  });

  it('report the personal-account transfer contradiction between blocks of page 001 on the block that says 不随转移', () => {
    const transfer = conflicts(outcome.result.findings).filter((f) => f.claimId === 'transfer.account-balance');
    if (!transfer.length) return; // the claim belongs to the registry, which may change
    const onPage = transfer.find((f) => f.file === S1)!;
    expect(onPage.line).toBe(112);
    expect(onPage.severity).toBe('error');
    expect(onPage.related!.map((r) => r.line)).toContain(142);
  });
});
