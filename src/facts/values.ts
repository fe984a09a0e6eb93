// Fact values: their canonical form (equal facts get equal `norm`, so they
// fall into one bucket) and when two values contradict each other. A range
// that contains the other value, a bound the other value satisfies (不超过3000元
// vs 2000元), an approximation close enough (约3000元 vs 3100元) and amounts per
// different periods (元/月 vs 元/年) are not contradictions.
import type { FactValue, Quantity } from '../types.js';

/** Relative tolerance of 约/左右: 约3000元 agrees with anything from 2700 to 3300. */
const ABOUT = 0.1;

export function quantityValue(q: Quantity): FactValue {
  const range = q.max !== undefined && q.max !== q.value ? `-${num(q.max)}` : '';
  return { kind: 'quantity', norm: `${q.kind}:${num(q.value)}${range}:${q.unit}:${q.bound}`, text: q.text, quantity: q };
}

export function gradeValue(grade: string, text: string): FactValue {
  return { kind: 'grade', norm: grade, text };
}

export interface AddressPart {
  readonly road: string;
  readonly number: string;
}

export function addressValue(parts: readonly AddressPart[], text: string): FactValue {
  const norm = [...new Set(parts.map((p) => `${p.road}#${p.number}`))].sort().join(';');
  return { kind: 'address', norm, text };
}

/** True when a and b cannot both be true of the same subject in the same year. */
export function valuesClash(a: FactValue, b: FactValue): boolean {
  if (a.norm === b.norm || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'quantity':
      return a.quantity !== undefined && b.quantity !== undefined && quantitiesClash(a.quantity, b.quantity);
    case 'grade':
      return gradesClash(a.norm, b.norm);
    case 'address':
      return addressesClash(a.norm, b.norm);
  }
}

/** Unit families: a value in the first unit is `factor` of the base unit. */
const DURATION_BASE: Readonly<Record<string, readonly [string, number]>> = {
  day: ['day', 1],
  week: ['day', 7],
  month: ['month', 1],
  year: ['month', 12],
  workday: ['workday', 1],
};

export function quantitiesClash(a: Quantity, b: Quantity): boolean {
  if (a.kind !== b.kind) return false;
  const sa = quantityScale(a);
  const sb = quantityScale(b);
  if (!sa || !sb || sa.family !== sb.family) return false; // 3个月 vs 90天: not compared
  // 3176元 and 3176元/月 are the same figure written two ways; 元/月 and 元/年 are different figures.
  if (sa.period !== undefined && sb.period !== undefined && sa.period !== sb.period) return false;
  const [alo, ahi] = interval(a, sa.factor);
  const [blo, bhi] = interval(b, sb.factor);
  const eps = 1e-9 * Math.max(1, ...[alo, ahi, blo, bhi].filter(Number.isFinite).map(Math.abs));
  return alo > bhi + eps || blo > ahi + eps;
}

/**
 * What a quantity is compared in: its family (quantities of two families are
 * never compared), the factor to the family's base unit, and for amounts the
 * period (元/月). Undefined for a duration in a unit that is compared with nothing.
 */
export function quantityScale(q: Quantity): { readonly family: string; readonly factor: number; readonly period?: string } | undefined {
  if (q.kind === 'amount') {
    const period = q.unit.split('/')[1];
    return period === undefined ? { family: 'amount', factor: 1 } : { family: 'amount', factor: 1, period };
  }
  if (q.kind === 'duration') {
    const base = DURATION_BASE[q.unit];
    return base ? { family: `duration:${base[0]}`, factor: base[1] } : undefined;
  }
  return { family: `${q.kind}:${q.unit}`, factor: 1 };
}

/** The interval of values a quantity allows, in its family's base unit. */
export function quantityInterval(q: Quantity): readonly [number, number] | undefined {
  const scale = quantityScale(q);
  return scale ? interval(q, scale.factor) : undefined;
}

function interval(q: Quantity, factor: number): [number, number] {
  let lo = q.value * factor;
  let hi = (q.max ?? q.value) * factor;
  switch (q.bound) {
    case 'atMost':
    case 'under':
      lo = -Infinity;
      break;
    case 'atLeast':
    case 'over':
      hi = Infinity;
      break;
    case 'about':
      lo *= 1 - ABOUT;
      hi *= 1 + ABOUT;
      break;
    case 'exact':
      break;
  }
  return [lo, hi];
}

/** 三甲 vs 三乙 clash; a bare level (三级) agrees with any grade of that level. */
function gradesClash(a: string, b: string): boolean {
  if (a[0] === b[0] && (a.endsWith('级') || b.endsWith('级'))) return false;
  return true;
}

/**
 * Same road with a different number is a clash (中华南大街15号 vs 20号); a
 * different road is not, since hospitals often have several sites.
 */
function addressesClash(a: string, b: string): boolean {
  const pa = a.split(';');
  const pb = new Set(b.split(';'));
  if (pa.some((p) => pb.has(p))) return false;
  const roadsB = new Set([...pb].map((p) => p.split('#')[0]));
  return pa.some((p) => roadsB.has(p.split('#')[0]));
}

/** Shortest decimal form: 0.5 not 0.50, 3176 not 3176.0. */
function num(n: number): string {
  // Whole numbers below 10^12 are exact already; toPrecision is for 0.1 + 0.2 noise.
  if (Number.isInteger(n) && Math.abs(n) < 1e12) return String(n);
  return String(Number(n.toPrecision(12)));
}
