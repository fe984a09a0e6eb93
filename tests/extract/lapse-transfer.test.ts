// Reading classes added for the lapse, contribution and transfer claims (issues 8 and 15):
// rough quantities, short lapses written loosely, employer-stopped lapses, colloquial
// values, figures given as the national rule, answered questions, endorsed rumours, and
// the near misses that must stay quiet (the past as past, another subject, a situation
// the claim does not cover). Every sentence here is written for this file.
import { describe, expect, it } from 'vitest';
import { recordsOf, recordsOfPage } from '../helpers/bundled.js';
import { findQuantities } from '../../src/extract/quantity.js';


const BACKPAY = 'lapse.backpay-within-3-months';
const WAITING = 'lapse.waiting-period';
const BALANCE = 'personal-account.balance-after-lapse';
const YEARS = 'contributions.years-required';
const UNEMPLOYED = 'contributions.unemployment-benefit';
const TRANSFER_YEARS = 'transfer.contribution-years';
const TRANSFER_BALANCE = 'transfer.account-balance';
const RETIREE = 'transfer.retiree';
const PROCESSING = 'transfer.processing-time';

/** [value, polarity, framing] of the records one sentence gives for one claim. */
function read(text: string, claimId: string) {
  return recordsOf(text, 50)
    .filter((r) => r.claimId === claimId)
    .map((r) => [r.value, r.polarity, r.framing]);
}

/** Records of a whole article (a question and its answer are two sentences). */
function article(body: string, claimId: string) {
  return recordsOfPage(body)
    .filter((r) => r.claimId === claimId)
    .map((r) => [r.value, r.framing]);
}

describe('rough quantities', () => {
  it.each([
    // 多/余 after a number reaches to the next step of its last place (as tests/reading-benefits.test.ts reads them).
    ['断了一个多月', 1, 2, 'month', 'about'],
    ['停了二十多天', 20, 30, 'day', 'about'],
    ['交了一年多', 1, 2, 'year', 'about'],
    ['等了十来天', 10, undefined, 'day', 'about'],
    ['三百余元', 300, 400, 'yuan', 'about'],
  ])('%s → %d to %s %s (%s)', (text, value, max, unit, bound) => {
    const qs = findQuantities(text);
    expect(qs.map((q) => [q.value, q.max, q.unit, q.bound])).toEqual([[value, max, unit, bound]]);
  });

  it('一年多少钱 is one year, not more than a year', () => {
    expect(findQuantities('交一年多少钱').map((q) => [q.value, q.unit, q.bound])).toEqual([[1, 'year', 'exact']]);
  });
});

describe('a short lapse written loosely', () => {
  it.each([
    // 二十多天 and 半个月 are under three months; 仨月以内 needs no 个.
    ['医保才停了二十多天，补上以后那几天看病的钱也报不了。'],
    ['职工医保断了半个月，补交了也白搭。'],
    ['停保仨月以内补缴，也要重新等半年。'],
    // The employer stopped paying: 忘了交 / 不给交 are lapses too.
    ['公司忘了交一个多月的医保，补上后中间住院的钱医保不认。'],
  ])('%s contradicts the back-payment rule', (text) => {
    expect(read(text, BACKPAY)).toContainEqual(['waiting', 'affirmed', 'plain']);
  });

  it('a negator inside the gap turns 中断期间…能报销 into its opposite', () => {
    const rs = read('断缴不到两个月，补缴了中断期间的药费也不能报销。', BACKPAY);
    expect(rs.map((r) => r[0])).toEqual(['waiting']);
  });

  it('a lapse of more than three months is left to the waiting-period claim', () => {
    expect(read('断缴四个多月，补缴了也要等半年。', BACKPAY)).toEqual([]);
  });
});

describe('colloquial values', () => {
  it.each([
    ['停保以后，医保卡里的钱说没就没。', BALANCE, 'cleared', 'affirmed'],
    // 不归你了 denies that it stays yours.
    ['离职后医保断了，卡里剩的钱就不归你了。', BALANCE, 'cleared', 'negated'],
    ['断交了三个多月，医保账户里的钱一分都不会少。', BALANCE, 'retained', 'affirmed'],
    ['在南京交了六年医保，调到苏州上班后这六年一笔勾销。', TRANSFER_YEARS, 'reset', 'affirmed'],
    ['换了城市以后，之前交医保的年头都不作数了。', TRANSFER_YEARS, 'reset', 'affirmed'],
    ['退休以后医保想转哪就转哪，随便转。', RETIREE, 'transferable', 'affirmed'],
    ['领失业保险金期间，医保费还得自己往里贴。', UNEMPLOYED, 'self-pays', 'affirmed'],
    ['医保熬满十五年就万事大吉，退休后啥也不用交。', YEARS, 'national-fixed', 'affirmed'],
  ])('%s → %s', (text, claimId, value, polarity) => {
    expect(read(text, claimId).map((r) => [r[0], r[1]])).toContainEqual([value, polarity]);
  });

  it('卡里的钱 is the medical account, 银行卡里的钱 is not', () => {
    expect(read('医保断缴半年，卡里的钱就清零了。', BALANCE).map((r) => r[0])).toEqual(['cleared']);
    expect(read('医保断缴半年，银行卡里的钱也不会清零。', BALANCE)).toEqual([]);
  });

  it('an amount can name the account: 账户里的两千多块钱', () => {
    expect(read('医保从成都转到西安，账户里的两千多块钱转不过去。', TRANSFER_BALANCE).map((r) => r[0])).toEqual(['not-transferred']);
  });
});

describe('figures given as the national rule', () => {
  it.each([
    ['国家规定医保缴满二十五年，退休后就不用再交。'],
    ['医保最低缴费年限国家统一定为十五年。'],
  ])('%s', (text) => {
    expect(read(text, YEARS).map((r) => r[0])).toEqual(['national-fixed']);
  });

  it('a figure named as one place’s rule is not the national rule', () => {
    expect(read('医保退休前要缴满的年限各地不同，我们这里要二十五年。', YEARS).map((r) => r[0])).not.toContain('national-fixed');
  });
});

describe('answered questions', () => {
  it('还能补缴吗？不能。 asserts that it cannot be paid back', async () => {
    expect(await article('医保断了一个月还能补缴吗？不能，只能重新参保。', BACKPAY)).toEqual([['waiting', 'answered']]);
  });

  it('能不能转到…？能。 asserts the transfer', async () => {
    expect(await article('退休后医保能不能转到女儿那边？能，去医保局办手续就行。', RETIREE)).toEqual([['transferable', 'answered']]);
  });

  it('the answer is read from the answer, not from a phrase that starts in the question', async () => {
    const rs = await article('医保转出要多少天？原参保地要一个多月。', PROCESSING);
    expect(rs.map((r) => r[1])).toEqual(['plain']);
  });

  it('满一年才能报 answers how long the wait is', async () => {
    expect((await article('断缴五个月再续上，等待期多长？满一年才能报。', WAITING)).map((r) => r[0])).toEqual(['fixed-years']);
  });

  it('15年，全国一个标准 answers with the national rule', async () => {
    expect((await article('职工医保最少交几年？15年，全国一个标准。', YEARS)).map((r) => r[0])).toEqual(['national-fixed']);
  });
});

describe('endorsed rumours', () => {
  it('确实如此 after a rumour makes it an assertion', () => {
    expect(read('听邻居讲断缴三个月以上再续上，等待期至少一年，我问了医保局，确实如此。', WAITING)).toEqual([['fixed-years', 'affirmed', 'endorsed']]);
  });
});

describe('near misses', () => {
  it.each([
    ['那会儿断缴一个月补上，中间的药费也不能报。', BACKPAY],
    ['老规定下，断缴两个月补缴后还得再等六个月才能报销。', BACKPAY],
    ['那时候医保转到外省，缴费年限是不算的。', TRANSFER_YEARS],
    ['二十年前医保交满15年退休就不用再交了。', YEARS],
  ])('the past as past: %s', (text, claimId) => {
    const rs = recordsOf(text).filter((r) => r.claimId === claimId);
    // Read, but about another time: every record carries the past (the verdict makes it an info).
    expect(rs.length).toBeGreaterThan(0);
    expect(rs.every((r) => (r.conditions ?? []).some((c) => c.kind === 'past'))).toBe(true);
  });

  it('the pooled fund is another subject than the account', () => {
    expect(read('断缴以后，统筹基金的报销待遇就没了，不过个人账户的钱还在。', BALANCE).map((r) => r[0])).toEqual(['retained']);
  });

  it('someone not yet retired is not a retiree', () => {
    expect(read('要是还没办退休，医保关系可以转到新城市。', RETIREE)).toEqual([]);
  });

  it('someone not entitled to unemployment benefit pays as a flexible worker', () => {
    expect(read('没有资格领失业金的人，医保只能自己以灵活就业身份交。', UNEMPLOYED)).toEqual([]);
  });
});

describe('waits longer than the ceiling, said loosely', () => {
  it.each([
    // A year is twelve months: 'fixed' (months) or 'fixed-years' may read it; both contradict.
    ['医保断缴超过三个月，续上后报销要等八个月。'],
    ['医保断了五个月，续保以后有一年的空窗期。'],
    ['断缴超过三个月，续上后的头一年看病都报不了。'],
    ['断缴四个月再续，待遇要冻结一年。'],
    ['医保断档半年多，重新交上以后一年内都用不了。'],
  ])('%s contradicts the ceiling', async (text) => {
    const values = (await article(text, WAITING)).map((r) => r[0]);
    expect(values.some((v) => v === 'fixed' || v === 'fixed-years')).toBe(true);
  });

  it('长短不限 / 不受六个月的限制 deny the ceiling', () => {
    expect(read('断缴超过三个月再续保的，等待期长短不限。', WAITING).map((r) => r[0])).toEqual(['no-ceiling']);
    expect(read('断缴超过三个月，等待期不受6个月的限制。', WAITING).map((r) => r[0])).toEqual(['no-ceiling']);
  });

  it('大半年 is more than six months, 小半年 less', () => {
    expect(findQuantities('等了大半年').map((q) => [q.value, q.unit, q.bound])).toEqual([[6, 'month', 'over']]);
    expect(findQuantities('断了小半年').map((q) => [q.value, q.unit, q.bound])).toEqual([[6, 'month', 'under']]);
  });

  it('a wait within the ceiling is not read as beyond it', () => {
    expect(read('断缴超过三个月，续上后的等待期最长不超过半年。', WAITING).map((r) => r[0])).toEqual(['local-ceiling']);
  });
});

describe('transfer near misses', () => {
  it('转不过去 is one verb: 不过 inside it opens no clause, and a refutation after it denies it', () => {
    const rs = read('医保跨省转移后年限累计，个人账户的钱转不过去的说法是错的。', TRANSFER_BALANCE);
    expect(rs.map((r) => [r[0], r[1]])).toEqual([['transferred', 'negated']]);
    // Without the refutation it stays a contradiction.
    expect(read('跨省换工作，个人账户的钱带不过去。', TRANSFER_BALANCE).map((r) => r[0])).toEqual(['not-transferred']);
  });

  it('a waiting period recalculated is not the years reset', () => {
    expect(read('从外地转回来后，医保年限照算，只是等待期要重新计算。', TRANSFER_YEARS).map((r) => r[0])).toEqual(['cumulative']);
  });

  it('switching to 居民医保 is not a move between areas', () => {
    expect(read('职工医保转为居民医保后，职工医保的缴费年限不能累计到居民医保。', TRANSFER_YEARS)).toEqual([]);
  });
});

describe('a lapse with no length', () => {
  it('即使补缴也无法报销 denies back-payment for every lapse, the short ones included', () => {
    expect(read('断缴期间看病花的钱，即使后来补缴了，也无法报销。', BACKPAY).map((r) => r[0])).toEqual(['waiting']);
  });

  it('a sentence naming a long lapse, or no back-payment, is not read', () => {
    expect(read('断缴超过三个月的，补缴后断缴期间的费用也不能报销。', BACKPAY)).toEqual([]);
    expect(read('断缴期间发生的医疗费用医保不报销。', BACKPAY)).toEqual([]);
  });

  it('what the account pays for during a lapse is the account’s claim', () => {
    expect(read('断缴期间如果个人账户余额不够，需要补缴后次月才能接着刷卡。', BACKPAY)).toEqual([]);
  });
});

describe('more near misses', () => {
  it('不能转到银行卡里 is about cash, not a move between areas', () => {
    expect(read('换了工作以后，医保个人账户的钱也不能转到银行卡里。', TRANSFER_BALANCE)).toEqual([]);
  });
});
