// Checks on a parsed article shared by the project's parse tests and the acceptance suite.
import { expect } from 'vitest';
import type { Article } from '../../src/types.js';

export function sentencesOf(a: Article, unit: number): string[] {
  return a.sentences.filter((s) => s.unitIndex === unit).map((s) => s.text);
}

/** Invariants every parse must keep. */
export function checkInvariants(a: Article): void {
  const text = a.file.text;
  a.units.forEach((u, i) => expect(u.index).toBe(i));
  for (const s of a.sentences) {
    expect(text.slice(s.span.start, s.span.end)).toBe(s.text);
    const u = a.units[s.unitIndex]!;
    expect(s.span.start).toBeGreaterThanOrEqual(u.span.start);
    expect(s.span.end).toBeLessThanOrEqual(u.span.end);
    // Innermost: no later unit (units nest inside 0 and never overlap each other) also contains it.
    for (const other of a.units.slice(s.unitIndex + 1)) {
      expect(other.span.start <= s.span.start && s.span.end <= other.span.end).toBe(false);
    }
  }
  for (let i = 1; i < a.units.length; i++) expect(a.units[i]!.span.start).toBeGreaterThanOrEqual(a.units[i - 1]!.span.start);
}
