import { describe, expect, it } from 'vitest';
import { findQuantities, mayHoldQuantity, scanQuantities } from '../../src/extract/quantity.js';
import { random } from '../helpers/random.js';
import { pageNames, readPage } from '../helpers/pages.js';

describe('mayHoldQuantity', () => {
  it('rules out text with no number followed by what may follow one', () => {
    expect(mayHoldQuantity('一般来说，账户余额归个人所有。')).toBe(false);
    expect(mayHoldQuantity('医保个人账户')).toBe(false);
    expect(mayHoldQuantity('')).toBe(false);
  });

  it('keeps text with a number and a unit, a range, a fraction, 半 or 次', () => {
    expect(mayHoldQuantity('断缴三个月')).toBe(true);
    expect(mayHoldQuantity('1-3个月')).toBe(true);
    expect(mayHoldQuantity('3 ~ 6')).toBe(true);
    expect(mayHoldQuantity('万分之五')).toBe(true);
    expect(mayHoldQuantity('满半年')).toBe(true);
    expect(mayHoldQuantity('次月起')).toBe(true);
    expect(mayHoldQuantity('8%')).toBe(true);
  });

  it('changes nothing findQuantities finds', () => {
    // Random strings over the characters quantities are made of, plus scraped-style sentences
    // (the project's pages; tests/acceptance/quantity-precheck.test.ts adds the real ones).
    const rnd = random(20261122);
    const alphabet = [...'0123456789０５零〇一二两三五九十百千万亿仨半次个分之%％-～至到元工作日星期周天月年家位名人所项种条每/，,.．点 \u3000以内上下左右及含（）超过不足约近第级性岁的医保'];
    const texts: string[] = [];
    for (let k = 0; k < 20000; k++) texts.push(Array.from({ length: 1 + rnd(8) }, () => alphabet[rnd(alphabet.length)]).join(''));
    for (const n of pageNames()) texts.push(...readPage(n).split(/\n|。/));
    const wrong = texts.filter((t) => JSON.stringify(findQuantities(t, 7)) !== JSON.stringify(scanQuantities(t, 7)));
    expect(wrong).toEqual([]);
    // The comparison must cover texts that hold quantities and texts ruled out early.
    expect(texts.filter((t) => scanQuantities(t).length > 0).length).toBeGreaterThan(1000);
    expect(texts.filter((t) => !mayHoldQuantity(t)).length).toBeGreaterThan(1000);
  });
});
