// Quantities on the two real scraped pages in ../shared/samples (acceptance suite).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQuantities } from '../../src/extract/quantity.js';
import { samplesDir } from '../helpers/acceptance.js';

describe('findQuantities on the scraped samples', () => {
  const samples = readdirSync(samplesDir).filter((f) => f.endsWith('.txt')).sort();
  const read = (name: string) => readFileSync(path.join(samplesDir, name), 'utf8');

  it('keeps every span exact, ordered and non-overlapping', () => {
    for (const name of samples) {
      const text = read(name);
      let last = 0;
      for (const q of findQuantities(text)) {
        expect(text.slice(q.span.start, q.span.end)).toBe(q.text);
        expect(q.span.start).toBeGreaterThanOrEqual(last);
        last = q.span.end;
        // No calendar year ever comes out as a duration.
        expect(q.unit === 'year' && q.value >= 100).toBe(false);
      }
    }
  });

  it('reads the lapse page: 超过3个月, 满6个月 and two 次月', () => {
    const qs = findQuantities(read('001_52265ac67fb53659.txt'));
    expect(qs.find((q) => q.text === '超过3个月')).toMatchObject({ kind: 'duration', value: 3, unit: 'month', bound: 'over' });
    expect(qs.find((q) => q.text === '满6个月')).toMatchObject({ value: 6, unit: 'month', bound: 'atLeast' });
    expect(qs.filter((q) => q.relative === 'nextMonth')).toHaveLength(2);
    expect(qs.find((q) => q.text === '约20%')).toMatchObject({ kind: 'percent', value: 20, bound: 'about' });
  });

  it('reads the resignation page: ranges, per-month amounts and the worked example', () => {
    const text = read('000_c20b1bd4671130ea.txt');
    const qs = findQuantities(text);
    expect(qs.find((q) => q.text === '超过1-3个月')).toMatchObject({ value: 1, max: 3, unit: 'month', bound: 'over' });
    expect(qs.find((q) => q.text === '约1000元')).toMatchObject({ kind: 'amount', value: 1000, bound: 'about' });
    expect(qs.find((q) => q.text === '12648元/月')).toMatchObject({ value: 12648, unit: 'yuan/month' });
    const at = text.indexOf('3176元 * 8% = 254.08元');
    expect(at).toBeGreaterThan(-1);
    const inside = qs.filter((q) => q.span.start >= at && q.span.end <= at + '3176元 * 8% = 254.08元'.length);
    expect(inside.map((q) => q.text)).toEqual(['3176元', '8%', '254.08元']);
    expect(qs.some((q) => q.text.includes('2024年') || q.text.includes('2025年'))).toBe(false);
  });
});
