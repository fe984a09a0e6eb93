import { describe, expect, it } from 'vitest';
import { guardPattern, patternLiterals } from '../../src/registry/literals.js';
import { LiteralScanner } from '../../src/text/literal-scanner.js';
import { pagePieces } from '../helpers/pages.js';
import { guardedPatterns, literalMismatches, registryExamples } from '../helpers/literal-soundness.js';

const sorted = (list: readonly string[] | undefined) => (list ? [...list].sort() : list);
const lit = (source: string, flags = 'u') => patternLiterals(source, flags);
/** The needed lists as sorted arrays, for comparison regardless of order. */
const needs = (source: string, flags = 'u') => lit(source, flags).needs.map((n) => [...n].sort());

describe('patternLiterals: exact strings', () => {
  it('lists the words of a plain choice', () => {
    expect(sorted(lit('医保|医疗保险').exact)).toEqual(['医保', '医疗保险']);
  });

  it('spells out optional parts and small classes', () => {
    expect(sorted(lit('账户(?:里|内)?的?钱').exact)).toEqual(['账户内的钱', '账户内钱', '账户的钱', '账户里的钱', '账户里钱', '账户钱']);
    expect(sorted(lit('[转迁]移').exact)).toEqual(['转移', '迁移']);
    expect(lit('(?:ab){2}').exact).toEqual(['abab']);
    expect(sorted(lit('\\u533b(?<name>保)').exact)).toEqual(['医保']);
  });

  it('gives up on a list too long to keep', () => {
    expect(lit('\\d{2}').exact).toHaveLength(100);
    expect(lit('\\d{3}').exact).toBeUndefined();
  });

  it('is not exact when the pattern depends on its surroundings or on unlisted characters', () => {
    expect(lit('^不能$').exact).toBeUndefined();
    expect(lit('转移(?!不了)').exact).toBeUndefined();
    expect(lit('(?<=年限)清零').exact).toBeUndefined();
    expect(lit('医保.卡').exact).toBeUndefined();
    expect(lit('医保\\s卡').exact).toBeUndefined();
    expect(lit('[^。]').exact).toBeUndefined();
    expect(lit('(a)\\1').exact).toBeUndefined();
  });

  it('records that a pattern can match the empty string', () => {
    expect(lit('(?:)').exact).toEqual(['']);
    expect(sorted(lit('(?:医保)?').exact)).toEqual(['', '医保']);
  });
});

describe('patternLiterals: needed strings', () => {
  it('needs the plain text on both sides of a gap', () => {
    const n = needs('单位[^。；;]{0,40}?滞纳金');
    expect(n).toContainEqual(['滞纳金']);
    expect(n).toContainEqual(['单位']);
  });

  it('needs what a positive lookbehind needs (it reads the same sentence) but nothing from a negative one', () => {
    const n = needs('(?<=(?:年限|记录)[^，]{0,10})(?:清零|作废)');
    expect(n).toContainEqual(['年限', '记录']);
    expect(n).toContainEqual(['作废', '清零']);
    expect(needs('(?<!重)新参保')).toEqual([['新参保']]);
  });

  it('takes one string from each side of a choice', () => {
    const n = needs('滞纳金|(?:个人|单位).{0,3}补缴');
    expect(n).toContainEqual(['滞纳金', '补缴']);
    expect(n.every((list) => list.includes('滞纳金'))).toBe(true);
  });

  it('needs nothing when one side of a choice needs nothing', () => {
    expect(needs('医保|.')).toEqual([]);
    expect(needs('(?:医保)?卡?')).toEqual([]);
  });

  it('keeps the shortest string of a list when a longer one contains it', () => {
    expect(needs('清零|不会清零|归零')).toEqual([['归零', '清零']]);
  });
});

describe('patternLiterals: what it refuses', () => {
  it('refuses flags that change what a character matches', () => {
    expect(lit('医保', 'iu')).toEqual({ needs: [] });
    expect(lit('医保', 'v')).toEqual({ needs: [] });
    // Without u the syntax is lenient (Annex B): not read at all.
    expect(lit('医保', '')).toEqual({ needs: [] });
  });

  it('refuses astral characters, surrogate escapes and syntax it does not know', () => {
    expect(lit('𠀀医保')).toEqual({ needs: [] });
    expect(lit('\\u{20000}医保')).toEqual({ needs: [] });
    expect(lit('\\uD840\\uDC00医保')).toEqual({ needs: [] });
    expect(lit('(?i:医保)')).toEqual({ needs: [] });
  });

  it('reads what it cannot list as needing nothing, not as a refusal of the rest', () => {
    expect(needs('\\p{Script=Han}医保')).toEqual([['医保']]);
    expect(needs('[\\s\\S]医保')).toEqual([['医保']]);
  });
});

describe('guardPattern', () => {
  it('uses an exact list alone, and leaves patterns that match the empty string to the regex', () => {
    const scanner = new LiteralScanner();
    const exact = guardPattern(/医保|医疗保险/u, scanner);
    expect(exact.exact).toBe(true);
    expect(exact.lists).toHaveLength(1);
    expect(sorted(scanner.strings(exact.lists[0]!))).toEqual(['医保', '医疗保险']);
    const empty = guardPattern(/(?:医保)?/u, scanner);
    expect(empty).toMatchObject({ exact: false, lists: [] });
  });

  it('drops needed lists with single characters unless asked for them', () => {
    const scanner = new LiteralScanner();
    expect(guardPattern(/[？?]\s*$|吗\s*$/u, scanner).lists).toEqual([]);
    const short = guardPattern(/[？?]\s*$|吗\s*$/u, scanner, { shortest: 1 });
    expect(short.lists).toHaveLength(1);
    expect(sorted(scanner.strings(short.lists[0]!))).toEqual(['?', '吗', '？']);
  });
});

describe('soundness over the bundled registry and cues', () => {
  // Against scraped-style sentences (the project's pages) and the registry examples.
  it('never rules out a sentence a pattern matches', () => {
    const { wrong, matches } = literalMismatches(guardedPatterns(), [...pagePieces(), ...registryExamples()]);
    expect(wrong).toEqual([]);
    expect(matches).toBeGreaterThan(500);
  });
});
