// Framing of questions, answers and reported claims (issue 15; src/extract/answers.ts,
// corrections.ts, reading.ts): each class with sentences written for this file, over
// several claims, and the readings that must stay below an error next to it.
import { describe, expect, it } from 'vitest';
import { levelOfPage } from '../helpers/levels.js';
import { recordsOfPage } from '../helpers/bundled.js';

const expectLevel = (body: string, claimId: string, level: string) => expect([body, levelOfPage(body, claimId)]).toEqual([body, level]);

describe('a yes/no question answered later in the same sentence', () => {
  it('an A-not-A question answered with a refusal is read once, not flipped twice', () => {
    expectLevel('职工医保的个人账户能不能给家人买药，不能。', 'personal-account.family-sharing', 'error');
    expectLevel('个人账户的钱能给家人用吗，那是不行的。', 'personal-account.family-sharing', 'error');
    expectLevel('停缴以后个人账户的余额会不会清零，会。', 'personal-account.balance-after-lapse', 'error');
    // the same shapes answered the right way assert nothing wrong
    expect(levelOfPage('停缴以后个人账户的余额会不会清零，不会。', 'personal-account.balance-after-lapse')).not.toBe('error');
    expect(levelOfPage('医保个人账户里的钱能不能直接取现，不能。', 'personal-account.no-cash-withdrawal')).not.toBe('error');
  });

  it('the part of an A-not-A form after its 不 is the thing asked (要不要|自己交)', () => {
    expectLevel('领失业金这段时间，医保费要不要自己交，要。', 'contributions.unemployment-benefit', 'error');
    expect(levelOfPage('领失业金这段时间，医保费要不要自己交？不用。', 'contributions.unemployment-benefit')).not.toBe('error');
    expect(levelOfPage('领失业金这段时间，医保费要不要自己交', 'contributions.unemployment-benefit')).toBe('none');
  });

  it('a reply that echoes the question verb answers it', () => {
    expectLevel('断保以后个人账户里的钱会清零吗，会清零的。', 'personal-account.balance-after-lapse', 'error');
    expectLevel('医保个人账户的钱能取现吗，能取，拿社保卡去就行。', 'personal-account.no-cash-withdrawal', 'error');
    expectLevel('退休了医保还要交吗，还是要交的。', 'contributions.retirement-no-contribution', 'error');
    expectLevel('医保个人账户的钱能给家人用吗，用不了。', 'personal-account.family-sharing', 'error');
    // an echo that is not one: 取决于 shares no verb with the question
    expect(levelOfPage('医保个人账户的钱能取现吗，取决于当地政策。', 'personal-account.no-cash-withdrawal')).not.toBe('error');
  });

  it('答案是… and a named answerer open the answer', () => {
    expectLevel('个人账户里的钱到底能不能取现金，答案是可以。', 'personal-account.no-cash-withdrawal', 'error');
    expectLevel('“停保后个人账户余额还在吗？”窗口答复：不在了，已经清零。', 'personal-account.balance-after-lapse', 'error');
    expect(levelOfPage('个人账户的钱能取现金吗，答案是否定的。', 'personal-account.no-cash-withdrawal')).not.toBe('error');
  });
});

describe('a question corrected by its answer with another figure', () => {
  it('the answer figure is read in the question place, as answered', () => {
    for (const body of ['断缴超过三个月，等待期是六个月吗？不对，是十二个月。', '断缴超过三个月要等四个月才能报销？不是四个月，是一年。', '听说断缴超过三个月要等三个月才能报销？错了，要等十二个月。']) {
      expectLevel(body, 'lapse.waiting-period', 'error');
      const r = recordsOfPage(body).find((x) => x.claimId === 'lapse.waiting-period' && x.value === 'fixed');
      expect([body, r?.framing]).toEqual([body, 'answered']);
    }
  });

  it('a how-long question answered with only the figure in the same sentence reads the figure in its place', () => {
    expectLevel('医保断缴超过三个月，要等多久才能报销，一年。', 'lapse.waiting-period', 'error');
    expect(levelOfPage('医保断缴超过三个月，要等多久才能报销，这要看当地规定。', 'lapse.waiting-period')).not.toBe('error');
  });

  it('a correction to a figure within the ceiling, or one giving no figure, raises no error', () => {
    expect(levelOfPage('断缴超过三个月，等待期是一年吗？不对，是六个月以内。', 'lapse.waiting-period')).not.toBe('error');
    expect(levelOfPage('断缴超过三个月，等待期是一年吗？不对，这个要看当地规定。', 'lapse.waiting-period')).not.toBe('error');
  });
});

describe('a statement refuted after it, without a report cue', () => {
  it('…，这是误解 / …，这早就过时了 / …，别信 / …是误传: nothing wrong is asserted', () => {
    for (const [body, claim] of [
      ['医保个人账户里的钱随时能取现，这是不少人的误区。', 'personal-account.no-cash-withdrawal'],
      ['说个人账户的钱不能给家人用，这早就过时了。', 'personal-account.family-sharing'],
      ['断缴后个人账户的钱会被清零，别信。', 'personal-account.balance-after-lapse'],
      ['跨省转移后以前的医保年限会作废是误传。', 'transfer.contribution-years'],
      ['认为生育保险还得职工个人缴费是错的。', 'maternity.merged'],
      ['停保后个人账户余额会被清零的想法是错误的。', 'personal-account.balance-after-lapse'],
    ] as const) {
      expect([body, levelOfPage(body, claim)]).not.toEqual([body, 'error']);
    }
  });

  it('the refutation drops the statement rather than flipping it: nothing is made wrong', () => {
    // The quoted report names the family only on the way to the cash-out: a flip would read “cannot share”.
    const body = '“个人账户的钱可以打给家人提现”这句话是错的。';
    expect(levelOfPage(body, 'personal-account.family-sharing')).not.toBe('error');
    expect(levelOfPage('停缴后个人账户余额会清零的说法已经过时了。', 'personal-account.balance-after-lapse')).toBe('none');
  });
});

describe('a report cue that calls what it reports false', () => {
  it('很多人误以为… / 有谣言称… refute the report unless it is endorsed after', () => {
    expect(levelOfPage('好多人误以为断保以后个人账户的钱就没了。', 'personal-account.balance-after-lapse')).not.toBe('error');
    expect(levelOfPage('有谣言称医保卡里的余额可以提现，医保局已经辟谣。', 'personal-account.no-cash-withdrawal')).not.toBe('error');
    // what the writer says after the correction word is his own claim
    expectLevel('很多人误以为医保卡的钱不能取现，其实可以取。', 'personal-account.no-cash-withdrawal', 'error');
  });

  it('new report cues (网友称, 社交平台上流传, 老人常说) take a refutation after them', () => {
    for (const body of ['网友称医保个人账户的钱能提现，官方已经辟谣。', '社交平台上流传医保卡的钱可以取现，这不是真的。', '老人常说医保卡的钱能取出来，可事实并不是这样。']) {
      expect([body, levelOfPage(body, 'personal-account.no-cash-withdrawal')]).not.toEqual([body, 'error']);
    }
    expectLevel('网友称医保个人账户的钱能提现，确实如此。', 'personal-account.no-cash-withdrawal', 'error');
  });
});

describe('a verb with 不 closing the clause asks (V-not)', () => {
  it('会清零不 answered yes is asserted, answered no or left open it is not', () => {
    expectLevel('断保以后个人账户的钱会清零不？会的。', 'personal-account.balance-after-lapse', 'error');
    expect(levelOfPage('断保以后个人账户的钱会清零不，不会。', 'personal-account.balance-after-lapse')).not.toBe('error');
    expect(levelOfPage('断保以后个人账户的钱会清零不', 'personal-account.balance-after-lapse')).toBe('none');
  });
});

describe('a quoted report is a report, not a term', () => {
  it('a report cue before the quotation or an endorsement after it: the rumour is read and endorsed', () => {
    expectLevel('网传“断缴以后个人账户的钱会被清零”，确实如此。', 'personal-account.balance-after-lapse', 'error');
    expectLevel('有人说：“医保卡的钱能取现”，一点不假。', 'personal-account.no-cash-withdrawal', 'error');
  });

  it('refuted, or a bare term, it asserts nothing', () => {
    expect(levelOfPage('网上流传“医保卡的钱能取现”，这是谣言。', 'personal-account.no-cash-withdrawal')).not.toBe('error');
    expect(levelOfPage('“医保卡的钱能取现”是个谣言。', 'personal-account.no-cash-withdrawal')).not.toBe('error');
    expect(levelOfPage('不少读者咨询“医保卡套现”问题。', 'personal-account.no-cash-withdrawal')).not.toBe('error');
  });
});

describe('a question without a question mark stays a question', () => {
  it.each([
    ['停保以后个人账户里的余额还在不在', 'personal-account.balance-after-lapse'],
    ['离职后医保卡里的钱可不可以取出来', 'personal-account.no-cash-withdrawal'],
    ['生育保险职工个人要不要交钱呢', 'maternity.merged'],
    ['退休以后医保还需不需要接着交', 'contributions.retirement-no-contribution'],
  ])('%s', (body, claim) => {
    expect(levelOfPage(body, claim)).toBe('none');
  });
});
