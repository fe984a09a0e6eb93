import { describe, expect, it } from 'vitest';
import { matchingView, needsNormalising, type MatchingView } from '../../src/text/normalize.js';
import { random } from '../helpers/random.js';

/**
 * Every view character is produced by exactly the source characters its span
 * maps to: the source slice there normalises to that character (or, for a
 * character that a conversion made two code units long, to those units).
 */
function expectExactMap(source: string, view: MatchingView): void {
  const v = view.text;
  for (let i = 0; i < v.length; ) {
    const w = (v.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const span = view.sourceSpan(i, i + w);
    expect(span.start).toBe(view.toSource(i));
    const slice = source.slice(span.start, span.end);
    // A joiner kept inside an emoji sequence is kept for its neighbours: alone it is dropped, so compare it as is.
    const produced = v[i] === '\u200d' ? slice : matchingView(slice).text;
    expect(produced, `view ${i} ← source [${span.start}, ${span.end})`).toBe(v.slice(i, i + w));
    i += w;
  }
}

describe('matching view: identity fast path', () => {
  it('returns clean text itself, with offsets unchanged', () => {
    const s = '职工医保个人账户的钱可以用于支付本人在定点药店购药的费用。';
    const view = matchingView(s);
    expect(needsNormalising(s)).toBe(false);
    expect(view.identity).toBe(true);
    expect(view.text).toBe(s);
    expect(view.toSource(5)).toBe(5);
    expect(view.sourceSpan(2, 6)).toEqual({ start: 2, end: 6 });
  });

  it('keeps spaces between Latin words, digits, and between a digit and a CJK character', () => {
    for (const s of ['DRG 付费改革后，住院按病组结算。', '缴费基数 8000 元，单位缴纳 6.5 %。', 'Medical insurance card 医保卡', '超过 3 个月未缴费的，待遇暂停。']) {
      expect(matchingView(s).identity, s).toBe(true);
      expect(needsNormalising(s), s).toBe(false);
    }
  });

  it('handles the empty string', () => {
    const view = matchingView('');
    expect(view.identity).toBe(true);
    expect(view.text).toBe('');
    expect(view.toSource(0)).toBe(0);
    expect(view.sourceSpan(0, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('matching view: spaces between CJK characters', () => {
  it('drops a run of ASCII spaces between two Han characters', () => {
    const s = '个 人 账 户 余 额可以家庭共济';
    const view = matchingView(s);
    expect(view.text).toBe('个人账户余额可以家庭共济');
    expectExactMap(s, view);
  });

  it('drops ideographic spaces and no-break spaces, and a run of several', () => {
    const s = '居民医保\u3000\u3000缴费标准\u00a0上调';
    expect(matchingView(s).text).toBe('居民医保缴费标准上调');
  });

  it('drops spaces before and after full-width punctuation, which is CJK too', () => {
    const s = '断缴 ， 个人账户余额 。';
    const view = matchingView(s);
    expect(view.text).toBe('断缴，个人账户余额。');
    expectExactMap(s, view);
  });

  it('keeps a trailing space with no CJK character after it', () => {
    expect(matchingView('医 保 ').text).toBe('医保 ');
  });
});

describe('matching view: format characters', () => {
  const formats: [string, string][] = [
    ['U+200B zero-width space', '\u200b'],
    ['U+200C zero-width non-joiner', '\u200c'],
    ['U+200D zero-width joiner', '\u200d'],
    ['U+2060 word joiner', '\u2060'],
    ['U+00AD soft hyphen', '\u00ad'],
    ['U+202A LRE', '\u202a'],
    ['U+202B RLE', '\u202b'],
    ['U+202C PDF', '\u202c'],
    ['U+202D LRO', '\u202d'],
    ['U+202E RLO', '\u202e'],
    ['U+2066 LRI', '\u2066'],
    ['U+2067 RLI', '\u2067'],
    ['U+2068 FSI', '\u2068'],
    ['U+2069 PDI', '\u2069'],
    ['U+FEFF mid-text', '\ufeff'],
  ];
  for (const [name, ch] of formats) {
    it(`removes ${name} inside a word`, () => {
      const s = `个人${ch}账户余${ch}额不会清零`;
      const view = matchingView(s);
      expect(needsNormalising(s)).toBe(true);
      expect(view.identity).toBe(false);
      expect(view.text).toBe('个人账户余额不会清零');
      // 账 is source index 3 (after 个, 人 and the format character); 余额 are source 5 and 7.
      expect(view.toSource(2)).toBe(3);
      expect(view.sourceSpan(4, 6)).toEqual({ start: 5, end: 8 });
      expectExactMap(s, view);
    });
  }

  it('maps a span to exactly its characters, not the dropped ones at its edges', () => {
    const s = '个\u200b人\u200b账\u200b户';
    const view = matchingView(s);
    expect(view.text).toBe('个人账户');
    // 人账 is view [1, 3): source 人 at 2, 账 at 4; the zero-width spaces at 1 and 5 are outside.
    expect(view.sourceSpan(1, 3)).toEqual({ start: 2, end: 5 });
    // The end of the view maps to the end of its last character.
    expect(view.toSource(4)).toBe(7);
  });

  it('drops a run of spaces and format characters between CJK characters together', () => {
    const s = '医 \u200b 保';
    expect(matchingView(s).text).toBe('医保');
  });
});

describe('matching view: full-width letters and digits', () => {
  it('turns full-width digits and letters half-width', () => {
    const s = '断缴超过３个月，ＡＢ类人员按ｘ档缴费';
    const view = matchingView(s);
    expect(view.text).toBe('断缴超过3个月，AB类人员按x档缴费');
    expect(view.toSource(4)).toBe(4);
    expectExactMap(s, view);
  });

  it('keeps full-width punctuation', () => {
    const s = '报销比例（在职）：７０％，退休人员更高。';
    expect(matchingView(s).text).toBe('报销比例（在职）：70％，退休人员更高。');
  });
});

describe('matching view: traditional characters', () => {
  it('converts traditional to simplified, one character for one', () => {
    const s = '個人賬戶餘額不會清零';
    const view = matchingView(s);
    expect(view.text).toBe('个人账户余额不会清零');
    expect(view.text.length).toBe(s.length);
    expectExactMap(s, view);
  });

  it('converts the traditional side of one-to-many pairs (後, 裏, 髮)', () => {
    expect(matchingView('停繳後，賬戶裏的錢不會作廢；理髮店不能刷醫保卡').text).toBe('停缴后，账户里的钱不会作废；理发店不能刷医保卡');
  });

  it('leaves simplified text alone, including characters that are also traditional forms', () => {
    for (const s of [
      '个人账户余额发放后留在账户里，着急用钱也不能取现。',
      '职工医保覆盖面扩大，著名三甲医院也开通了异地结算。',
      '医保卡弄坏了，可以到经办机构补办。',
      '台湾居民在大陆参加居民医保，缴费标准与当地居民相同。',
    ]) {
      const view = matchingView(s);
      expect(view.identity, s).toBe(true);
      expect(view.text, s).toBe(s);
    }
  });
});

describe('matching view: mixed', () => {
  it('normalises every class in one sentence and maps each character back', () => {
    const s = '停繳超過３個月，個 人\u200b賬 戶 餘額将清\u2060零。';
    const view = matchingView(s);
    expect(view.text).toBe('停缴超过3个月，个人账户余额将清零。');
    expectExactMap(s, view);
    // 清零 is the view's [15, 17): in the source, 清, a word joiner, 零.
    const cue = view.sourceSpan(15, 17);
    expect(s.slice(cue.start, cue.end)).toBe('清\u2060零');
  });

  it('leaves emoji and astral characters intact, with exact offsets around them', () => {
    const s = '医保卡😀余\u200b额 👨\u200d👩\u200d👧 𠀀 𠀁';
    const view = matchingView(s);
    // The joiners inside the family emoji stay; the space between 额 and an emoji stays (an emoji is not CJK);
    // the space between the two extension-B characters goes.
    expect(view.text).toBe('医保卡😀余额 👨\u200d👩\u200d👧 𠀀𠀁');
    expectExactMap(s, view);
    const astral = view.text.indexOf('𠀁');
    expect(view.sourceSpan(astral, astral + 2)).toEqual({ start: s.indexOf('𠀁'), end: s.indexOf('𠀁') + 2 });
  });

  it('holds the exact map on seeded random text built from every class', () => {
    const pieces = ['个', '人', '賬', '戶', '餘', '额', ' ', '\u3000', '\u00a0', '\u200b', '\u00ad', '\u202e', '\ufeff', '３', 'Ａ', '，', '。', 'a', '1', '😀', '𠀀', '\u200d'];
    const next = random(20261202);
    for (let round = 0; round < 300; round++) {
      let s = '';
      const n = 1 + next(24);
      for (let k = 0; k < n; k++) s += pieces[next(pieces.length)]!;
      const view = matchingView(s);
      expectExactMap(s, view);
      // Whole view ↔ the source between its first and last producing characters.
      if (view.text.length > 0) {
        const all = view.sourceSpan(0, view.text.length);
        expect(matchingView(s.slice(all.start, all.end)).text, JSON.stringify(s)).toBe(view.text);
      }
      // The fast check never says "clean" for text whose view differs.
      if (!needsNormalising(s)) expect(view.text, JSON.stringify(s)).toBe(s);
    }
  });
});
