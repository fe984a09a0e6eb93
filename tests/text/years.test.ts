import { describe, expect, it } from 'vitest';
import { YearFinder, type YearMention } from '../../src/text/years.js';
import { staleYear } from '../../src/rules/stale-year.js';

// The finder with the bundled lists (data/stale-year.yaml).
const finder = new YearFinder(staleYear.settings());
const find = (text: string) => finder.find(text);
/** The mention texts, for compact assertions. */
const texts = (text: string) => find(text).map((m) => m.text);

/** Checks a mention's span against the text: text.slice(start, end) must be the mention. */
function spanOf(text: string, m: YearMention): string {
  return text.slice(m.start, m.end);
}

describe('four-digit years', () => {
  it('finds 2024年 with its exact span', () => {
    const text = '南昌市五险一金标准根据2024年最新政策整理如下';
    const [m, ...rest] = find(text);
    expect(rest).toEqual([]);
    // 南昌市五险一金标准根据 is 11 characters.
    expect(m).toMatchObject({ year: 2024, endYear: 2024, toPresent: false, form: 'digits', text: '2024年', start: 11, end: 16 });
    expect(m!.month).toBeUndefined();
    expect(spanOf(text, m!)).toBe('2024年');
  });

  it('keeps 年度, 年版 and 版 with the year', () => {
    expect(texts('2024年度缴费基数')).toEqual(['2024年度']);
    expect(texts('2023年版目录')).toEqual(['2023年版']);
    expect(find('最新2024版医保目录')).toMatchObject([{ year: 2024, form: 'digits', text: '2024版', start: 2, end: 7 }]);
  });

  it('reads full-width digits', () => {
    expect(find('２０２３年最新')).toMatchObject([{ year: 2023, text: '２０２３年', start: 0, end: 5 }]);
  });

  it('finds several years in one sentence, in order', () => {
    const text = 'GDP总量 2019年：淮南(1296亿元)>淮北(1077亿元) 2020年：淮南仍略高于淮北';
    const ms = find(text);
    expect(ms.map((m) => m.year)).toEqual([2019, 2020]);
    expect(ms.map((m) => spanOf(text, m))).toEqual(['2019年', '2020年']);
    // 1296亿元 and 1077亿元 are amounts; 1296 and 1077 are also outside 1900–2099.
  });

  it('takes a bare four-digit number for a year only when it cannot be an amount', () => {
    expect(find('淮北职工医保报销比例2024')).toMatchObject([{ year: 2024, form: 'bare', text: '2024', start: 10, end: 14 }]);
    expect(find('封顶额度为2000元')).toEqual([]);
    expect(find('每年2000 元')).toEqual([]);
    expect(find('约2024')).toEqual([]);
    expect(find('￥2025')).toEqual([]);
    expect(find('单位缴费比例20%')).toEqual([]);
    expect(find('共计2020人次')).toEqual([]);
  });

  it('rejects decimals, longer numbers and numbers outside 1900–2099', () => {
    expect(find('2024.5元')).toEqual([]);
    expect(find('12024年')).toEqual([]);
    expect(find('个人缴费基数上限为4216×300% = 12648元/月')).toEqual([]);
    expect(find('缴费基数3176元/月')).toEqual([]);
    expect(find('1800年')).toEqual([]);
  });
});

describe('Chinese-digit years', () => {
  it('finds 二〇二四年 and 二零二三年', () => {
    expect(find('二〇二四年最新标准')).toMatchObject([{ year: 2024, form: 'chinese', text: '二〇二四年', start: 0, end: 5 }]);
    expect(find('据二零二三年统计')).toMatchObject([{ year: 2023, form: 'chinese', text: '二零二三年', start: 1, end: 6 }]);
    expect(find('一九九八年国务院决定')).toMatchObject([{ year: 1998, form: 'chinese' }]);
  });

  it('reads a Chinese-numeral month and day after the year', () => {
    expect(find('二〇二四年三月十五日起')).toMatchObject([{ year: 2024, month: 3, day: 15, text: '二〇二四年三月十五日' }]);
  });

  it('ignores Chinese numerals that are not a year', () => {
    expect(find('一二三四五六')).toEqual([]);
    expect(find('三年')).toEqual([]);
  });
});

describe('two-digit years', () => {
  it('takes 24年 for 2024 only with a cue right after it', () => {
    expect(find('24年最新医保缴费标准')).toMatchObject([{ year: 2024, form: 'short', text: '24年', start: 0, end: 3 }]);
    expect(find('速看！25年新规出炉')).toMatchObject([{ year: 2025, text: '25年', start: 3, end: 6 }]);
    expect(find('24年度最新')).toMatchObject([{ year: 2024, text: '24年度' }]);
  });

  it('leaves durations and ages alone', () => {
    expect(find('缴费年限满25年')).toEqual([]);
    expect(find('连续12年蝉联风湿专科榜首')).toEqual([]);
    expect(find('有着50多年的建院史')).toEqual([]);
    expect(find('25年缴费年限')).toEqual([]);
    // A duration word before it wins over a cue after it.
    expect(find('缴费满15年最新规定')).toEqual([]);
    expect(find('连续12年最新排名')).toEqual([]);
    expect(find('医保交了24年最新能领多少')).toEqual([]);
  });

  it('uses the cue list it is given', () => {
    const custom = new YearFinder({ ...staleYear.settings(), shortYearCues: ['版'] });
    expect(custom.find('24年版目录').map((m) => m.year)).toEqual([2024]);
    expect(custom.find('24年最新')).toEqual([]);
  });
});

describe('ranges', () => {
  it('reads both ends of a range with its whole span', () => {
    expect(find('2023-2025年缴费标准')).toMatchObject([{ year: 2023, endYear: 2025, toPresent: false, text: '2023-2025年', start: 0, end: 10 }]);
    expect(find('2023年至2025年')).toMatchObject([{ year: 2023, endYear: 2025, text: '2023年至2025年' }]);
    expect(find('2019—2021年度数据')).toMatchObject([{ year: 2019, endYear: 2021, text: '2019—2021年度' }]);
    expect(find('2022～2024')).toMatchObject([{ year: 2022, endYear: 2024, form: 'bare' }]);
  });

  it('marks a range that runs to the present', () => {
    expect(find('2023年至今')).toMatchObject([{ year: 2023, endYear: 2023, toPresent: true, text: '2023年至今', start: 0, end: 7 }]);
    expect(find('2024至今仍在执行')).toMatchObject([{ year: 2024, toPresent: true, form: 'digits', text: '2024至今' }]);
  });

  it('does not take a range of amounts or a backwards pair for years', () => {
    expect(find('个人缴费1900-2000元')).toEqual([]);
    // End before start: neither a range nor a date (-20 is no month), so nothing is taken.
    expect(find('2025-2023')).toEqual([]);
  });
});

describe('dates', () => {
  it('reads ISO, slashed and dotted dates', () => {
    const text = '健康新闻 2025-03-14';
    expect(find(text)).toMatchObject([{ year: 2025, month: 3, day: 14, text: '2025-03-14', start: 5, end: 15 }]);
    expect(find('2024/3/1')).toMatchObject([{ year: 2024, month: 3, day: 1, text: '2024/3/1' }]);
    expect(find('2024.3.1')).toMatchObject([{ year: 2024, month: 3, day: 1, text: '2024.3.1' }]);
  });

  it('reads 年月日 dates and year-months', () => {
    expect(find('2024年3月1日起')).toMatchObject([{ year: 2024, month: 3, day: 1, text: '2024年3月1日', start: 0, end: 9 }]);
    expect(find('自2023年1月起，洛阳市阶段性降低了')).toMatchObject([{ year: 2023, month: 1, text: '2023年1月', start: 1, end: 8 }]);
  });

  it('does not read a count of months as a month', () => {
    const [m] = find('2024年12个月');
    expect(m).toMatchObject({ year: 2024, text: '2024年' });
    expect(m!.month).toBeUndefined();
  });

  it('rejects impossible dates', () => {
    // 30 February: neither a date nor a bare year.
    expect(find('2023-02-30')).toEqual([]);
    const [m] = find('2024年13月');
    expect(m!.month).toBeUndefined();
  });
});

describe('candidate boundaries', () => {
  it('skips digits glued to a Latin letter, _ or a decimal point', () => {
    expect(find('v2024最新')).toEqual([]);
    expect(find('id_2024年')).toEqual([]);
    expect(find('1.2024年')).toEqual([]);
    expect(find('１．２０２４年')).toEqual([]);
    // A Chinese character or a space before the digits is no glue.
    expect(texts('截至 2024年')).toEqual(['2024年']);
  });

  it('takes only runs of exactly four digits, or of two before 年', () => {
    expect(find('20245年')).toEqual([]);
    expect(find('202年最新')).toEqual([]);
    expect(texts('共12345人，2024年最新')).toEqual(['2024年']);
  });

  it('finds four Chinese digits right before 年 inside a longer run of numerals', () => {
    // 一二〇二四年: the four digits before 年 are 二〇二四, starting at 1.
    expect(find('一二〇二四年')).toMatchObject([{ year: 2024, form: 'chinese', text: '二〇二四年', start: 1, end: 6 }]);
    expect(find('v二〇二四年')).toEqual([]);
  });

  it('does not start a second mention inside a range already read', () => {
    expect(texts('2023-2025年和2026年')).toEqual(['2023-2025年', '2026年']);
    expect(texts('2022年至2024年最新')).toEqual(['2022年至2024年']);
  });

  it('finds a year at the very end and after an amount', () => {
    expect(texts('起付线2000元，2025年')).toEqual(['2025年']);
    expect(texts('标准：2024')).toEqual(['2024']);
  });
});
