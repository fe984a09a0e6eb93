import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_LENGTH, pushSentences, splitSentences } from '../../src/text/sentences.js';
import type { Sentence } from '../../src/types.js';

/** [text, start, end] triples for compact expectations. */
function split(text: string, start = 0, end = text.length): [string, number, number][] {
  return splitSentences(text, start, end).map((s) => [s.text, s.span.start, s.span.end]);
}

describe('splitSentences', () => {
  it('ends sentences at 。！？ and keeps the mark', () => {
    expect(split('第一句。第二句！第三句？第四句')).toEqual([
      ['第一句。', 0, 4],
      ['第二句！', 4, 8],
      ['第三句？', 8, 12],
      ['第四句', 12, 15],
    ]);
  });

  it('ends sentences at full-width and ASCII semicolons', () => {
    expect(split('参保人死亡：可提取；移民出国:需证明;其他')).toEqual([
      ['参保人死亡：可提取；', 0, 10],
      ['移民出国:需证明;', 10, 19],
      ['其他', 19, 21],
    ]);
  });

  it('does not split at colons or decimal points', () => {
    expect(split('断缴影响 :医保断缴超过1-3个月将暂停待遇')).toEqual([['断缴影响 :医保断缴超过1-3个月将暂停待遇', 0, 22]]);
    expect(split('每月金额为254.08元。下一句')).toEqual([
      ['每月金额为254.08元。', 0, 13],
      ['下一句', 13, 16],
    ]);
  });

  it('ends a sentence at every line break, CR, LF or CRLF', () => {
    expect(split('没有句号的标题\n正文一句\r\n另一行\r最后')).toEqual([
      ['没有句号的标题', 0, 7],
      ['正文一句', 8, 12],
      ['另一行', 14, 17],
      ['最后', 18, 20],
    ]);
  });

  it('keeps exact spans in CRLF text, skipping blank lines', () => {
    const text = '标题\r\n\r\n第一句。第二句。\r\n';
    const out = splitSentences(text, 0, text.length);
    expect(out.map((s) => [s.span.start, s.span.end])).toEqual([
      [0, 2],
      [6, 10],
      [10, 14],
    ]);
    for (const s of out) expect(text.slice(s.span.start, s.span.end)).toBe(s.text);
  });

  it('moves an opening quote or bracket after 。 to the next sentence', () => {
    expect(split('他说。“好的。”然后')).toEqual([
      ['他说。', 0, 3],
      ['“好的。”', 3, 8],
      ['然后', 8, 10],
    ]);
    expect(split('已封存。（详见通知）可以使用')).toEqual([
      ['已封存。', 0, 4],
      ['（详见通知）可以使用', 4, 14],
    ]);
  });

  it('moves the opener on lines that need ICU too (a decimal point sends the line there)', () => {
    expect(split('上调1.5%。“新标准”次月执行')).toEqual([
      ['上调1.5%。', 0, 7],
      ['“新标准”次月执行', 7, 16],
    ]);
    expect(split('标准为2.5万元。（含个人部分）按年计')).toEqual([
      ['标准为2.5万元。', 0, 9],
      ['（含个人部分）按年计', 9, 19],
    ]);
  });

  it('keeps a closing quote with the sentence it closes', () => {
    expect(split('称为“统筹。”随后说明')).toEqual([
      ['称为“统筹。”', 0, 7],
      ['随后说明', 7, 11],
    ]);
  });

  it('drops list markers from the item and never yields a marker-only sentence', () => {
    const text = '1. 第一项\n  2. 第二项\n（一）第三项\n一、第四项\n• 第五项\n- 第六项\n* 第七项\n3.\n-\n①第八项';
    expect(split(text)).toEqual([
      ['第一项', 3, 6],
      ['第二项', 12, 15],
      ['第三项', 19, 22],
      ['第四项', 25, 28],
      ['第五项', 31, 34],
      ['第六项', 37, 40],
      ['第七项', 43, 46],
      ['第八项', 53, 56],
    ]);
  });

  it('does not take numbers or hyphens in prose for list markers', () => {
    expect(split('1.5倍的比例')).toEqual([['1.5倍的比例', 0, 7]]);
    expect(split('-5%的调整')).toEqual([['-5%的调整', 0, 6]]);
    expect(split('2024年最新政策')).toEqual([['2024年最新政策', 0, 9]]);
  });

  it('cuts a numbered item that starts mid-line off the sentence before it', () => {
    // A scraped related-item line: the next item's "1." follows the lead-in after a space.
    expect(split('以下是详细说明: 1. 报销额度与条件')).toEqual([
      ['以下是详细说明:', 0, 8],
      ['报销额度与条件', 12, 19],
    ]);
  });

  it('drops a lone list number left at the end of a cut-off excerpt', () => {
    expect(split('技术较成熟。 二')).toEqual([['技术较成熟。', 0, 6]]);
  });

  it('splits space-separated sentences on one line', () => {
    expect(split('甲方案可行。 乙方案可行。 丙方案')).toEqual([
      ['甲方案可行。', 0, 6],
      ['乙方案可行。', 7, 13],
      ['丙方案', 14, 17],
    ]);
  });

  it('trims full-width spaces, NBSP and tabs from spans', () => {
    const text = '\u3000\u3000第一句。\u00a0第二句。\u3000\t';
    expect(split(text)).toEqual([
      ['第一句。', 2, 6],
      ['第二句。', 7, 11],
    ]);
  });

  it('returns absolute offsets for a sub-range', () => {
    const text = '前文不算。中间一句。中间二句。后文不算。';
    expect(split(text, 5, 15)).toEqual([
      ['中间一句。', 5, 10],
      ['中间二句。', 10, 15],
    ]);
  });

  it('handles English full stops the way ICU does', () => {
    expect(split('See the notice. Then apply。完成')).toEqual([
      ['See the notice.', 0, 15],
      ['Then apply。', 16, 27],
      ['完成', 27, 29],
    ]);
  });

  it('returns nothing for blank input', () => {
    expect(split('  \r\n\u3000\n')).toEqual([]);
    expect(split('')).toEqual([]);
  });
});

describe('pushSentences', () => {
  it('pushes the same pieces as splitSentences, as body sentences of the given unit', () => {
    const text = '标题\n1. 第一条；第二条。起付线1.5万元\n';
    const out: Sentence[] = [{ text: '已有', span: { start: 0, end: 0 }, unitIndex: 0, isTitle: true }];
    pushSentences(text, 3, text.length, 4, out);
    expect(out.slice(1)).toEqual(splitSentences(text, 3, text.length).map((s) => ({ ...s, unitIndex: 4, isTitle: false })));
    // The list marker "1. " is cut off; ； and 。 end sentences.
    expect(out.slice(1).map((s) => s.text)).toEqual(['第一条；', '第二条。', '起付线1.5万元']);
    expect(out[0]!.text).toBe('已有');
  });
});

// Issue 9 (found by the fuzz tests): one 105,000-character line of clauses joined by
// commas took four minutes, because registry patterns look ahead to the end of the
// sentence from every position. Text without sentence ends is read in bounded pieces.
describe('a sentence longer than MAX_SENTENCE_LENGTH', () => {
  const clause = '单位缴纳的医保费不再划入个人账户，'; // 17 characters, ending in a comma
  const text = clause.repeat(6000);

  it('is cut after the last comma before the limit, pieces covering the text in order', () => {
    const pieces = splitSentences(text, 0, text.length);
    // 29 clauses (493 characters) fit under 500; the 30th would pass it.
    expect(pieces[0]!.text).toBe(clause.repeat(29));
    expect(pieces.every((p) => p.text.length <= MAX_SENTENCE_LENGTH)).toBe(true);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    for (const p of pieces) expect(text.slice(p.span.start, p.span.end)).toBe(p.text);
  });

  it('is cut at the limit when there is no clause mark, never inside a surrogate pair', () => {
    const run = `${'余'.repeat(499)}${'𠀀'.repeat(300)}`;
    const pieces = splitSentences(run, 0, run.length);
    expect(pieces[0]!.text).toBe('余'.repeat(499));
    expect(pieces.map((p) => p.text).join('')).toBe(run);
  });

  it('leaves sentences at the limit alone', () => {
    const one = `${'余'.repeat(MAX_SENTENCE_LENGTH - 1)}。`;
    expect(splitSentences(one, 0, one.length).map((p) => p.text)).toEqual([one]);
  });
});
