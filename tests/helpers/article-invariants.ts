// One check of what every parser must guarantee, whatever the format (as
// textlint's AST tester does for its plugins): spans inside the text and in
// order, every sentence inside its unit, units nested and ordered, titles and
// directives where the text says they are.
import { expect } from 'vitest';
import type { Article } from '../../src/types.js';

export function expectArticleInvariants(article: Article): void {
  const text = article.file.text;
  const inText = (s: { start: number; end: number }) => s.start >= 0 && s.start <= s.end && s.end <= text.length;

  const units = article.units;
  expect(units.length).toBeGreaterThan(0);
  expect(units[0]!.kind).toBe('article');
  units.forEach((u, i) => {
    expect(u.index).toBe(i);
    expect(inText(u.span), `unit ${i} span inside the text`).toBe(true);
    if (i > 0) {
      // Units are in document order and a unit's parent comes before it and encloses it.
      expect(u.span.start).toBeGreaterThanOrEqual(units[i - 1]!.span.start);
      expect(u.parent, `unit ${i} has a parent`).toBeDefined();
      const parent = units[u.parent!]!;
      expect(u.parent!).toBeLessThan(i);
      expect(u.span.start >= parent.span.start && u.span.end <= parent.span.end, `unit ${i} inside unit ${u.parent}`).toBe(true);
    }
  });

  let previous = -1;
  for (const s of article.sentences) {
    expect(inText(s.span), `sentence "${s.text}" inside the text`).toBe(true);
    // Masked parts are spaces; everything else is the source character at that
    // offset, or (HTML) the character a reference starting there stands for.
    expect(s.text).toHaveLength(s.span.end - s.span.start);
    const source = text.slice(s.span.start, s.span.end);
    for (let k = 0; k < s.text.length; k++) {
      if (s.text[k] !== ' ' && s.text[k] !== source[k]) expect(source[k], `"${s.text}" at ${k}: the source has a reference there`).toBe('&');
    }
    expect(s.text.trim().length, 'no empty sentence').toBeGreaterThan(0);
    expect(s.span.start, 'sentences in document order').toBeGreaterThanOrEqual(previous);
    previous = s.span.start;
    const unit = units[s.unitIndex];
    expect(unit, `sentence "${s.text}" names a unit`).toBeDefined();
    expect(s.span.start >= unit!.span.start && s.span.end <= unit!.span.end, `sentence "${s.text}" inside unit ${s.unitIndex}`).toBe(true);
  }
  for (const u of units) if (u.title && u.index > 0) expect(inText(u.title.span)).toBe(true);
  for (const span of article.ignored) expect(inText(span)).toBe(true);
  for (const d of article.directives) {
    expect(inText(d.span)).toBe(true);
    expect(text.slice(d.span.start, d.span.end)).toContain(`claimlint-${d.kind}`);
  }
}
