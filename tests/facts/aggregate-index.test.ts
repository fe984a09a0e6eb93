// The indexed conflict aggregation (facts laid out as intervals) must give what
// comparing every pair of values gives, and must not compare every pair.
import { describe, expect, it } from 'vitest';
import { findConflicts, type ConflictSide } from '../../src/facts/aggregate.js';
import { factIntervals, factObservation, factsClash, Interner, type FactObservation } from '../../src/facts/conflicts.js';
import { quantityValue } from '../../src/facts/values.js';
import type { FactRecord, Quantity } from '../../src/types.js';

/** Deterministic PRNG: the same cases on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface FactSpec {
  readonly file: string;
  readonly sentence: number;
  readonly quantity: Omit<Quantity, 'text' | 'span'>;
  readonly year?: number;
  readonly condition?: boolean;
  readonly key?: string;
}

function fact(spec: FactSpec): FactRecord {
  const q = { ...spec.quantity, text: `${spec.quantity.value}${spec.quantity.unit}`, span: { start: 0, end: 1 } } as Quantity;
  const span = { text: q.text, span: { start: spec.sentence, end: spec.sentence + 5 } };
  return {
    file: spec.file,
    key: spec.key ?? 'place|attr||quantity',
    label: 'a fact',
    attribute: 'attr',
    qualifiers: [],
    conditions: [],
    value: quantityValue(q),
    ...(spec.year !== undefined ? { year: spec.year } : {}),
    hedged: false,
    ...(spec.condition ? { lead: { kind: 'condition' as const, text: '如果…，' } } : {}),
    form: 'sentence',
    evidence: span,
    sentence: span,
    unitIndex: 0,
  } as FactRecord;
}

function observations(specs: readonly FactSpec[]): FactObservation[] {
  const ids = new Interner(2);
  return specs.map((s) => factObservation(fact(s), ids));
}

/** A side as plain data; `values` restricted to the first `limit` distinct values, as the indexed path lists them. */
function plain(side: ConflictSide<FactObservation>, limit?: number) {
  const seen: string[] = [];
  const values = side.values.filter((v) => {
    const norm = v.example.fact.value.norm;
    if (seen.includes(norm)) return true;
    if (limit !== undefined && seen.length === limit) return false;
    seen.push(norm);
    return true;
  });
  const id = (o: FactObservation) => `${o.file}@${o.sentence}:${o.fact.value.norm}`;
  return {
    key: side.key,
    file: side.file,
    at: id(side.at),
    against: side.against.map(id),
    total: side.total,
    inFile: side.inFile,
    otherFiles: side.otherFiles,
    values: values.map((v) => `${id(v.example)}×${v.count}`),
  };
}

const UNITS: Record<string, readonly string[]> = {
  amount: ['元', '元/月', '元/年'],
  duration: ['day', 'week', 'month', 'year', 'workday', 'hour'],
  percent: ['percent'],
};
const BOUNDS = ['exact', 'exact', 'exact', 'atMost', 'under', 'atLeast', 'over', 'about'] as const;

function randomSpecs(next: () => number, n: number): FactSpec[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const specs: FactSpec[] = [];
  for (let i = 0; i < n; i++) {
    const kind = pick(['amount', 'amount', 'duration', 'percent'] as const);
    const value = pick([1, 2, 3, 10, 12, 30, 90, 100, 1000, 1100, 3000]);
    const ranged = next() < 0.15;
    specs.push({
      file: `f${Math.floor(next() * 12)}`,
      sentence: Math.floor(next() * 4) * 10,
      quantity: { kind, value, ...(ranged ? { max: value * 2 } : {}), unit: pick(UNITS[kind]!), bound: pick(BOUNDS) },
      ...(next() < 0.6 ? { year: pick([2024, 2025]) } : {}),
      ...(next() < 0.1 ? { condition: true } : {}),
      key: pick(['k1', 'k1', 'k2']),
    });
  }
  // Corpus order: by file, then by position in the file.
  return specs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.sentence - b.sentence));
}

describe('indexed conflict aggregation', () => {
  it('gives what the pairwise comparison gives, on 300 random corpora', () => {
    const next = rng(11);
    let sides = 0;
    for (let round = 0; round < 300; round++) {
      const obs = observations(randomSpecs(next, 5 + Math.floor(next() * 60)));
      const cap = 1 + Math.floor(next() * 4);
      const pairwise = findConflicts(obs, factsClash, cap).map((s) => plain(s, factIntervals.values));
      const indexed = findConflicts(obs, factsClash, cap, undefined, factIntervals).map((s) => plain(s));
      expect(indexed).toEqual(pairwise);
      sides += indexed.length;
    }
    // The cases are not all trivially empty.
    expect(sides).toBeGreaterThan(1000);
  });

  it('handles a fact with 5,000 distinct values in a number of comparisons linear in them', () => {
    // 5,000 articles, each giving the same fact a different exact amount; article 0 gives it twice.
    const specs: FactSpec[] = [];
    for (let i = 0; i < 5000; i++) specs.push({ file: `a${String(i).padStart(4, '0')}`, sentence: 0, quantity: { kind: 'amount', value: 1000 + i, unit: '元', bound: 'exact' } });
    specs.splice(1, 0, { file: 'a0000', sentence: 40, quantity: { kind: 'amount', value: 1000, unit: '元', bound: 'exact' } });
    let calls = 0;
    const counting = (a: FactObservation, b: FactObservation) => {
      calls++;
      return factsClash(a, b);
    };
    const sides = findConflicts(observations(specs), counting, 3, undefined, factIntervals);
    // Pairwise, this is 12.5 million comparisons; the index needs only those on its own margins and each file's own lines.
    expect(calls).toBeLessThan(50_000);
    expect(sides).toHaveLength(5000);
    const first = plain(sides[0]!);
    expect(first).toEqual({
      key: 'place|attr||quantity',
      file: 'a0000',
      at: 'a0000@0:amount:1000:元:exact',
      against: ['a0001@0:amount:1001:元:exact', 'a0002@0:amount:1002:元:exact', 'a0003@0:amount:1003:元:exact'],
      total: 4999,
      inFile: 0,
      otherFiles: 4999,
      values: ['a0001@0:amount:1001:元:exact×1', 'a0002@0:amount:1002:元:exact×1', 'a0003@0:amount:1003:元:exact×1', 'a0004@0:amount:1004:元:exact×1'],
    });
    // The last article clashes with every other one, article 0's two lines included.
    const last = plain(sides[4999]!);
    expect(last.file).toBe('a4999');
    expect(last.total).toBe(5000);
    expect(last.otherFiles).toBe(4999);
    expect(last.against).toEqual(['a0000@0:amount:1000:元:exact', 'a0000@40:amount:1000:元:exact', 'a0001@0:amount:1001:元:exact']);
    expect(last.values[0]).toBe('a0000@0:amount:1000:元:exact×2');
  });

  it('keeps bounds, years, periods and conditions apart as the pairwise comparison does', () => {
    const specs: FactSpec[] = [
      { file: 'a', sentence: 0, quantity: { kind: 'amount', value: 3000, unit: '元', bound: 'atMost' } },
      { file: 'b', sentence: 0, quantity: { kind: 'amount', value: 2000, unit: '元', bound: 'exact' } }, // within the bound
      { file: 'c', sentence: 0, quantity: { kind: 'amount', value: 5000, unit: '元/年', bound: 'exact' }, year: 2024 }, // over it
      { file: 'd', sentence: 0, quantity: { kind: 'amount', value: 9000, unit: '元/月', bound: 'exact' }, year: 2024 }, // other period than c
      { file: 'e', sentence: 0, quantity: { kind: 'amount', value: 7000, unit: '元/年', bound: 'exact' }, year: 2025 }, // other year than c
      { file: 'f', sentence: 0, quantity: { kind: 'amount', value: 1, unit: '元', bound: 'exact' }, condition: true }, // under a condition
    ];
    const sides = findConflicts(observations(specs), factsClash, 3, undefined, factIntervals);
    const clashing = Object.fromEntries(sides.map((s) => [s.file, s.against.map((o) => o.file).join('')]));
    // a (≤3000) and b (2000) clash with c, d and e, which have a year and a
    // period each but are never compared with each other (years or periods
    // differ); f stands under a condition and is compared with nothing.
    expect(clashing).toEqual({ a: 'cde', b: 'cde', c: 'ab', d: 'ab', e: 'ab' });
    expect(findConflicts(observations(specs), factsClash, 3).map((s) => plain(s, 4))).toEqual(sides.map((s) => plain(s)));
  });
});
