// Sentence forms the claim reader must read whatever the vocabulary (issue 15; written for the
// reader-forms work of 2026-12-07): numerals in every slot, ranges and approximations, questions
// answered, conditions put first and plain statements with long subjects. Each class is tested
// across claims, with the sentences that must stay below an error next to the ones that must not.
import { describe, expect, it } from 'vitest';
import { levelOfPage } from '../helpers/levels.js';

const found = (level: string) => level === 'error' || level === 'warning';

describe('numerals: Chinese numerals and words for quantities read as figures', () => {
  it.each([
    ['transfer.processing-time', '医保关系转移，原参保地办结转出要俩月。'],
    ['transfer.processing-time', '医保关系转移，原参保地办结转出要一个半月。'],
    ['lapse.waiting-period', '职工医保断缴超过三个月，要等个把年才能报销。'],
    ['lapse.waiting-period', '职工医保断缴超过三个月，要等七八个月才能报销。'],
    ['lapse.waiting-period', '职工医保断缴超过三个月，要等十到十二个月才能报销。'],
    ['lapse.waiting-period', '中断缴费３个月以上的，待遇等待期为１年。'],
    ['critical-illness.coverage', '大病保险的报销比例只有三到四成。'],
    ['contributions.rates', '在职职工每月要交工资的一成作为医疗保险费。'],
  ])('%s: %s is found', (claimId, sentence) => {
    expect(found(levelOfPage(sentence, claimId))).toBe(true);
  });
});

describe('numerals: a range or an estimate is wrong only when all of it is', () => {
  it.each([
    // four to six months is within the six-month ceiling
    ['lapse.waiting-period', '职工医保断缴超过三个月，要等四到八个月才能报销。'],
    ['lapse.waiting-period', '职工医保断缴超过三个月，要等五六个月才能报销。'],
    // forty to fifty per cent reaches the fifty per cent floor
    ['critical-illness.coverage', '大病保险的报销比例是四到五成。'],
    ['transfer.processing-time', '医保关系转移，原参保地需要五到十个工作日办结转出。'],
  ])('%s: %s is no error', (claimId, sentence) => {
    expect(levelOfPage(sentence, claimId)).not.toBe('error');
  });

  it('reads a rough figure above the limit (六个多月 is more than six months)', () => {
    expect(levelOfPage('职工医保断缴超过三个月，要等六个多月才能报销。', 'lapse.waiting-period')).toBe('error');
  });
});

describe('a rhetorical question (难道…吗？ / 谁说…？) asserts the opposite of what it asks', () => {
  it.each([
    ['personal-account.balance-after-lapse', '谁说断缴以后个人账户的余额不会清零？', 'error'],
    ['personal-account.balance-after-lapse', '谁说停缴了医保个人账户的钱会清零？', 'supported'],
    ['contributions.retirement-no-contribution', '难道职工退休以后还要继续交医保吗？', 'supported'],
    ['critical-illness.coverage', '难道城乡居民大病保险还要另外交钱吗？', 'supported'],
  ])('%s: %s', (claimId, sentence, level) => {
    expect(levelOfPage(sentence, claimId)).toBe(level);
  });

  it('keeps 谁说不是呢 an endorsement and 谁说了算 a question of who', () => {
    expect(levelOfPage('有人说医保停缴以后个人账户里的钱会被清零，谁说不是呢。', 'personal-account.balance-after-lapse')).not.toBe('supported');
    expect(levelOfPage('医保个人账户的钱能不能取现，谁说了算？', 'personal-account.no-cash-withdrawal')).not.toBe('error');
  });
});

describe('an either-or question (能不能报销) lends no 不能 to a phrase of the other value', () => {
  it.each([
    // …不能报销 is a phrase of 'account-only'; the question asks whether it can, and the answer is yes
    ['outpatient.pooling', '职工医保的普通门诊，统筹基金能不能报销？能，按比例报。'],
    ['outpatient.pooling', '职工看普通门诊的费用统筹基金给不给报？给的。'],
    ['outpatient.pooling', '职工医保普通门诊的费用，统筹基金究竟能不能报销？'],
  ])('%s: %s is no error', (claimId, sentence) => {
    expect(levelOfPage(sentence, claimId)).not.toBe('error');
  });

  it('still reads the answer no, and a phrase that only passes over the form', () => {
    expect(levelOfPage('医保个人账户的钱能不能取现？能，去柜台办。', 'personal-account.no-cash-withdrawal')).toBe('error');
    expect(levelOfPage('退休以后职工医保还要不要交？要，每年都得交。', 'contributions.retirement-no-contribution')).toBe('error');
  });
});

describe('a question answered in the next sentence: speakers, lead-ins and hedges', () => {
  it.each([
    ['personal-account.balance-after-lapse', '医保停缴以后个人账户余额会清零吗？客服：会的。', 'error'],
    ['personal-account.balance-after-lapse', '医保停缴以后个人账户余额会清零吗？很遗憾，会的。', 'error'],
    ['personal-account.no-cash-withdrawal', '个人账户里的钱能取现吗？说实话，能。', 'error'],
    // a hedged answer is a hedged assertion: a warning, never an error
    ['personal-account.balance-after-lapse', '医保停缴以后个人账户余额会清零吗？可能会。', 'warning'],
    ['personal-account.balance-after-lapse', '医保停缴以后个人账户余额会清零吗？一般来说会的。', 'warning'],
  ])('%s: %s', (claimId, sentence, level) => {
    expect(levelOfPage(sentence, claimId)).toBe(level);
  });

  it('reads a lead-in before no as no', () => {
    expect(levelOfPage('医保停缴以后个人账户余额会清零吗？说实话，不会。', 'personal-account.balance-after-lapse')).toBe('supported');
  });
});
