import { describe, expect, it } from 'vitest';
import { findQuantities, mayHoldQuantity, parseChineseNumber } from '../../src/extract/quantity.js';
import type { Quantity } from '../../src/types.js';
import { pageNames, readPage } from '../helpers/pages.js';

const OFFSET = 100;

/** Quantities of `text` read at a nonzero offset, with every span checked against its text. */
function scan(text: string): Quantity[] {
  const qs = findQuantities(text, OFFSET);
  for (const q of qs) expect(text.slice(q.span.start - OFFSET, q.span.end - OFFSET)).toBe(q.text);
  return qs;
}

/** The single quantity of `text`, as the fields a caller reads. */
function one(text: string) {
  const qs = scan(text);
  expect(qs, text).toHaveLength(1);
  const { kind, value, max, unit, bound, relative, text: t } = qs[0]!;
  return { kind, value, max, unit, bound, relative, text: t };
}

describe('parseChineseNumber', () => {
  it.each([
    ['3176', 3176], ['1,000', 1000], ['0.5', 0.5], ['1.5万', 15000], ['4.2亿', 420000000], ['3千万', 30000000],
    ['３１７６', 3176], ['１．５', 1.5],
    ['零', 0], ['〇', 0], ['七', 7], ['两', 2], ['俩', 2], ['仨', 3],
    ['十', 10], ['十五', 15], ['二十', 20], ['一百零五', 105], ['两千三百', 2300], ['三万五千', 35000],
    ['一亿二千万', 120000000], ['一千零一十', 1010], ['二十万', 200000],
    ['三万五', 35000], ['一百五', 150],
    ['三点五', 3.5], ['零点五', 0.5], ['三点五万', 35000],
    ['二〇二四', 2024], ['二零二五', 2025],
  ])('%s → %d', (s, n) => {
    expect(parseChineseNumber(s)).toBe(n);
  });

  it.each(['', 'abc', '两三', '十百', '1,00', '点五', '三点', '3个', '0x10', '1e5', '万万'])('%j is not a number', (s) => {
    expect(parseChineseNumber(s)).toBeUndefined();
  });
});

describe('findQuantities: percentages and fractions', () => {
  it('reads Arabic, full-width and spelled-out percentages', () => {
    expect(one('个人缴纳8%')).toMatchObject({ kind: 'percent', value: 8, unit: 'percent', bound: 'exact', text: '8%' });
    expect(one('个人缴纳８％')).toMatchObject({ kind: 'percent', value: 8, text: '８％' });
    expect(one('比例均为0.50%')).toMatchObject({ kind: 'percent', value: 0.5, text: '0.50%' });
    expect(one('比例为百分之八')).toMatchObject({ kind: 'percent', value: 8, unit: 'percent', text: '百分之八' });
    expect(one('比例为百分之零点五')).toMatchObject({ kind: 'percent', value: 0.5, text: '百分之零点五' });
  });

  it('reads tenths (成) and percentage points (个点) as percentages', () => {
    expect(one('工资里扣掉一成')).toMatchObject({ kind: 'percent', value: 10, unit: 'percent', text: '一成' });
    expect(one('大病保险只报四成')).toMatchObject({ kind: 'percent', value: 40, text: '四成' });
    expect(one('个人交8个点')).toMatchObject({ kind: 'percent', value: 8, text: '8个点' });
    expect(one('费率提高两个百分点')).toMatchObject({ kind: 'percent', value: 2, text: '两个百分点' });
    // 成 in words (成为, 成本, 一成不变) and Arabic numbers before 成 are no tenths.
    expect(scan('他成为参保人，成本不变')).toEqual([]);
    expect(scan('待遇一成不变')).toEqual([]);
    expect(scan('有10成把握')).toEqual([]);
  });

  // written for the reader-forms work of 2026-12-07
  it('reads a range of tenths (三到四成, 三四成) as a range of percentages', () => {
    expect(one('只报三到四成')).toMatchObject({ kind: 'percent', value: 30, max: 40, text: '三到四成' });
    expect(one('只报三四成')).toMatchObject({ kind: 'percent', value: 30, max: 40, bound: 'about', text: '三四成' });
  });

  it('reads 块 and 块钱 as yuan', () => {
    expect(one('每次才加五百块额度')).toMatchObject({ kind: 'amount', value: 500, unit: 'yuan', text: '五百块' });
    expect(one('每月扣八百块钱')).toMatchObject({ kind: 'amount', value: 800, text: '八百块钱' });
    expect(one('居民医保交380块/年')).toMatchObject({ kind: 'amount', value: 380, unit: 'yuan/year' });
    // A piece, not a yuan: 一块儿, 两块区域.
    expect(scan('大家一块儿去办')).toEqual([]);
    expect(scan('分成两块区域')).toEqual([]);
  });

  it('reads 分之 as a ratio', () => {
    expect(one('按日加收万分之五的滞纳金')).toMatchObject({ kind: 'ratio', value: 0.0005, unit: '', text: '万分之五' });
    expect(one('千分之二')).toMatchObject({ kind: 'ratio', value: 0.002 });
    expect(one('三分之一的人').value).toBeCloseTo(1 / 3, 12);
  });
});

describe('findQuantities: durations', () => {
  it.each([
    ['3个月', 3, 'month'], ['三个月', 3, 'month'], ['仨月', 3, 'month'], ['俩月', 2, 'month'], ['俩个月', 2, 'month'], ['两个月', 2, 'month'],
    ['90日', 90, 'day'], ['90天', 90, 'day'], ['半年', 6, 'month'], ['一年半', 18, 'month'],
    ['半个月', 0.5, 'month'], ['一个半月', 1.5, 'month'], ['1.5个月', 1.5, 'month'],
    ['10个工作日', 10, 'workday'], ['5个工作日', 5, 'workday'], ['两周', 2, 'week'], ['3个星期', 3, 'week'],
    ['25年', 25, 'year'], ['一年', 1, 'year'],
  ])('%s → %d %s', (s, value, unit) => {
    expect(one(`需要${s}。`)).toMatchObject({ kind: 'duration', value, unit, bound: 'exact', text: s });
  });

  // written for the reader-forms work of 2026-12-07
  it('reads 俩 as two, 个把月 as about a month and 俩仨月 as an estimate', () => {
    expect(one('断了俩月')).toMatchObject({ kind: 'duration', value: 2, unit: 'month', bound: 'exact', text: '俩月' });
    expect(one('要办个把月')).toMatchObject({ kind: 'duration', value: 1, unit: 'month', bound: 'about', text: '个把月' });
    expect(one('等个把年')).toMatchObject({ kind: 'duration', value: 1, unit: 'year', bound: 'about', text: '个把年' });
    expect(one('停了俩仨月')).toMatchObject({ kind: 'duration', value: 2, max: 3, unit: 'month', bound: 'about' });
    // 个 before 把 lets the cheap first pass through; 一个把手 is a count, not a duration.
    expect(mayHoldQuantity('个把月')).toBe(true);
    expect(scan('一个把手').map((q) => q.kind)).toEqual(['count']);
  });

  it('reads 下个月 and 下月 as the next month, like 次月', () => {
    expect(one('也得等到下个月才能报销')).toMatchObject({ kind: 'duration', value: 1, unit: 'month', relative: 'nextMonth', text: '下个月' });
    expect(one('下月起恢复待遇')).toMatchObject({ relative: 'nextMonth', text: '下月' });
    // The cheap first pass lets 下个月 through and still rules out 以下/下列.
    expect(mayHoldQuantity('从下个月起')).toBe(true);
    expect(mayHoldQuantity('以下列明的情况')).toBe(false);
  });

  it('reads 次月 and 次日 as relative durations', () => {
    expect(one('自中断缴费次月起停止享受待遇')).toMatchObject({
      kind: 'duration', value: 1, unit: 'month', relative: 'nextMonth', text: '次月',
    });
    expect(one('次日到账')).toMatchObject({ kind: 'duration', value: 1, unit: 'day', relative: 'nextDay' });
  });

  it('does not read calendar years, months or dates as durations', () => {
    expect(scan('2024年最新政策')).toEqual([]);
    expect(scan('2016年起整合城乡居民医保')).toEqual([]);
    expect(scan('二〇二四年')).toEqual([]);
    expect(scan('2019-2021年的数据')).toEqual([]);
    expect(scan('自2023年1月起')).toEqual([]);
    expect(scan('每月15日前')).toEqual([]);
    expect(scan('3月14日、十二月')).toEqual([]);
    expect(scan('25年1月起')).toEqual([]);
    expect(scan('70周岁以下、建院10周年')).toEqual([]);
  });

  it('keeps a duration that follows a dropped year', () => {
    expect(scan('2024年3个月').map((q) => q.text)).toEqual(['3个月']);
    expect(scan('1年3个月').map((q) => [q.value, q.unit])).toEqual([[1, 'year'], [3, 'month']]);
  });
});

describe('findQuantities: amounts and counts', () => {
  it('reads yuan amounts with multipliers', () => {
    expect(one('最低缴费金额3176元')).toMatchObject({ kind: 'amount', value: 3176, unit: 'yuan', text: '3176元' });
    expect(one('1.5万元')).toMatchObject({ value: 15000, unit: 'yuan' });
    expect(one('3万元')).toMatchObject({ value: 30000 });
    expect(one('三万元')).toMatchObject({ value: 30000 });
    expect(one('1,000元')).toMatchObject({ value: 1000, text: '1,000元' });
    expect(one('淮南(1296亿元)')).toMatchObject({ value: 129600000000, text: '1296亿元' });
  });

  it('puts the period of a per-unit amount into the unit', () => {
    expect(one('基数为3176元/月')).toMatchObject({ value: 3176, unit: 'yuan/month', text: '3176元/月' });
    expect(one('3176元每月')).toMatchObject({ unit: 'yuan/month', text: '3176元每月' });
    expect(one('600元一个月')).toMatchObject({ unit: 'yuan/month', text: '600元一个月' });
    expect(one('普通门诊：600元/年。')).toMatchObject({ unit: 'yuan/year' });
    expect(one('一级医院：300元/次')).toMatchObject({ value: 300, unit: 'yuan/time' });
    expect(one('封顶金额80万元/人')).toMatchObject({ value: 800000, unit: 'yuan/person' });
    // 一次性 is "one-off", not a period.
    expect(one('300元一次性支付')).toMatchObject({ unit: 'yuan', text: '300元' });
  });

  it('reads counts with their measure word', () => {
    const qs = scan('科室设置：134个科室，456位医生；3家医院；两种方式');
    expect(qs.map((q) => [q.kind, q.value, q.unit, q.text])).toEqual([
      ['count', 134, '个', '134个'],
      ['count', 456, '位', '456位'],
      ['count', 3, '家', '3家'],
      ['count', 2, '种', '两种'],
    ]);
    expect(one('含27位可挂号医生')).toMatchObject({ kind: 'count', value: 27, unit: '位' });
  });

  it('does not read ordinals or 一次性 as counts', () => {
    expect(scan('《社会保险法》第三十二条')).toEqual([]);
    expect(scan('一次性退还')).toEqual([]);
  });

  it('lists each quantity of a worked calculation', () => {
    const qs = scan('3176元 * 8% = 254.08元');
    expect(qs.map((q) => [q.kind, q.value, q.text])).toEqual([
      ['amount', 3176, '3176元'],
      ['percent', 8, '8%'],
      ['amount', 254.08, '254.08元'],
    ]);
  });
});

describe('findQuantities: ranges', () => {
  it.each(['1-3个月', '1～3个月', '1~3个月', '1至3个月', '1到3个月', '一到三个月', '１－３个月'])('%s is 1..3 months', (s) => {
    expect(one(`在${s}内`)).toMatchObject({ kind: 'duration', value: 1, max: 3, unit: 'month', bound: 'atMost', text: `${s}内` });
  });

  it('reads percentage ranges with or without a sign on the low end', () => {
    expect(one('工资的60%-300%之间')).toMatchObject({ kind: 'percent', value: 60, max: 300, text: '60%-300%' });
    expect(one('60-300%')).toMatchObject({ value: 60, max: 300 });
  });

  it('applies the high end multiplier to a bare low end', () => {
    expect(one('2~4万元(')).toMatchObject({ kind: 'amount', value: 20000, max: 40000, text: '2~4万元' });
    expect(one('0~2万元')).toMatchObject({ value: 0, max: 20000 });
    expect(one('5万-10万元')).toMatchObject({ value: 50000, max: 100000 });
    expect(one('三到五百元')).toMatchObject({ value: 300, max: 500 });
    // 五十 keeps its own value: 5000 would exceed the high end.
    expect(one('五十到一百元')).toMatchObject({ value: 50, max: 100 });
  });
});

describe('findQuantities: bounds', () => {
  it.each([
    ['3个月（含）以内', 'atMost'], ['3个月(含)以内', 'atMost'], ['3个月以内', 'atMost'], ['3个月内', 'atMost'],
    ['不超过6个月', 'atMost'], ['最多6个月', 'atMost'], ['最长6个月', 'atMost'],
    ['不足3个月', 'under'], ['少于3个月', 'under'], ['未满3个月', 'under'],
    ['满三个月', 'atLeast'], ['三个月以上', 'atLeast'], ['至少3个月', 'atLeast'], ['不少于3个月', 'atLeast'],
    ['超过3个月', 'over'], ['多于3个月', 'over'], ['逾3个月', 'over'],
    ['约1000元', 'about'], ['大约1000元', 'about'], ['1000元左右', 'about'], ['近3个月', 'about'],
  ])('%s → %s, with the bound word inside the span', (s, bound) => {
    expect(one(`断缴${s}的，`)).toMatchObject({ bound, text: s });
  });

  it('reads a bounded range', () => {
    expect(one('断缴超过1-3个月将暂停')).toMatchObject({ value: 1, max: 3, bound: 'over', text: '超过1-3个月' });
  });

  it('leaves 最近 and 预约 out of the quantity', () => {
    expect(one('最近3个月')).toMatchObject({ bound: 'exact', text: '3个月' });
    expect(one('预约3天后')).toMatchObject({ bound: 'exact', text: '3天' });
  });
});

describe('findQuantities: spans and negatives', () => {
  it('gives absolute spans in order', () => {
    const qs = findQuantities('停缴超过3个月，余额约1000元', 37);
    expect(qs.map((q) => [q.text, q.span.start, q.span.end])).toEqual([
      ['超过3个月', 39, 44],
      ['约1000元', 47, 53],
    ]);
  });

  it('finds nothing in text without quantities', () => {
    expect(scan('')).toEqual([]);
    expect(scan('医保个人账户余额不清零，可继续使用')).toEqual([]);
    expect(scan('一般情况下统一办理，千万不要断缴，五险一金')).toEqual([]);
  });

  it('stays linear on long runs of digits and numerals', () => {
    const started = performance.now();
    expect(findQuantities('1'.repeat(200_000))).toEqual([]);
    expect(findQuantities('一'.repeat(200_000) + '年')).toEqual([]);
    expect(findQuantities('1-'.repeat(100_000))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('findQuantities on the project scraped-style pages', () => {
  it('keeps every span exact, ordered and non-overlapping, and never reads a year as a duration', () => {
    for (const name of pageNames()) {
      const text = readPage(name);
      let last = 0;
      for (const q of findQuantities(text)) {
        expect(text.slice(q.span.start, q.span.end)).toBe(q.text);
        expect(q.span.start).toBeGreaterThanOrEqual(last);
        last = q.span.end;
        expect(q.unit === 'year' && q.value >= 100).toBe(false);
      }
    }
  });

  it('reads the durations, amounts and rates of the resignation page and no house numbers', () => {
    const qs = findQuantities(readPage('resign-account.txt'));
    expect(qs.map((q) => q.text)).toEqual(['2个月内', '超过3个月', '约600元', '3500元/月', '8%', '280元']);
    expect(qs[0]).toMatchObject({ kind: 'duration', value: 2, unit: 'month', bound: 'atMost' });
    expect(qs[1]).toMatchObject({ kind: 'duration', value: 3, unit: 'month', bound: 'over' });
    expect(qs[2]).toMatchObject({ kind: 'amount', value: 600, bound: 'about' });
    expect(qs[3]).toMatchObject({ kind: 'amount', value: 3500, unit: 'yuan/month' });
  });

  it('reads 10个工作日 and 5个工作日 on the transfer page', () => {
    const qs = findQuantities(readPage('transfer-byline.txt'));
    expect(qs.map((q) => q.text)).toEqual(expect.arrayContaining(['10个工作日内', '5个工作日内']));
  });
});
