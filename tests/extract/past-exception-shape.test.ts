// The past and exceptions recognised by shape (shape work of 2026-12-08; data/cues.yaml: pastHeads,
// pastYearBefore, pastAspects, pastInsideWords, presentSamePatterns, limitingAfterPatterns).
// A clause dated into the past — a time word or a year before 2021 heading it, an aspect like 曾 —
// states history, not the rule today; a case the claim lists as an exception, named in a clause
// after the value that limits it (仅限…, 前提是…), is the exception, not the rule. Sentences
// written for this file. Precision: a time that runs on to today (2019年起, 现在也一样), a year
// dating a person (1970年出生的), money of today saved back then (先前剩的), and a limit naming
// a case the registry does not list (仅限本人办理) leave the statement an error.
import { describe, expect, it } from 'vitest';
import { levelOfPage } from '../helpers/levels.js';

const notError = (body: string, claimId: string) => expect([body, levelOfPage(body, claimId)]).not.toEqual([body, 'error']);
const isError = (body: string, claimId: string) => expect([body, levelOfPage(body, claimId)]).toEqual([body, 'error']);
const SHARE = 'personal-account.employer-share';
const CASH = 'personal-account.no-cash-withdrawal';
const LAPSE = 'personal-account.balance-after-lapse';
const RETIREE = 'contributions.retirement-no-contribution';
const FILING = 'cross-region.filing';

describe('past as past', () => {
  it('a time word heading the clause', () => {
    notError('早些时候，停缴以后个人账户的钱会清零。', LAPSE);
    notError('彼时个人账户的钱可以提现。', CASH);
    notError('旧制度下，个人账户的钱能取现。', CASH);
    notError('早前单位缴费有一部分划入个人账户。', SHARE);
    notError('旧制度下，单位缴费有一部分划到个人账户。', SHARE);
  });

  it('a year before 2021 heading the clause', () => {
    notError('2010年，停缴以后个人账户的钱会被清零。', LAPSE);
    notError('在2016年3月，停缴后个人账户的钱会清零。', LAPSE);
    notError('2015年单位缴费还有一部分划入个人账户。', SHARE);
    notError('在2018年，单位缴费有一部分划入个人账户。', SHARE);
  });

  it('an aspect of the past, also between a frame\'s topic and its verb', () => {
    notError('医保卡里的钱一度可以直接取现。', CASH);
    notError('个人账户的钱曾可以取现。', CASH);
    notError('单位缴费曾有一部分计入个人账户。', SHARE);
    notError('单位缴费以往会划出一部分进个人账户。', SHARE);
  });

  it('the present, a period running on, a person\'s year, money of today stay errors', () => {
    isError('单位缴费有一部分划入个人账户。', SHARE);
    isError('2019年起，单位缴费有一部分划入个人账户。', SHARE);
    isError('1970年出生的职工，单位缴费有一部分划入个人账户。', SHARE);
    isError('2018年参加工作的人，单位缴费有一部分划入个人账户。', SHARE);
    isError('早年单位缴费有一部分划入个人账户，至今未变。', SHARE);
    isError('2024年个人账户的钱可以取现。', CASH);
    isError('当年没用完的个人账户余额可以提现。', CASH);
    isError('个人账户的钱停缴后不曾保留，会清零。', LAPSE);
    isError('停缴以后，个人账户里以前攒的钱会清零。', LAPSE);
  });
});

describe('an exception named after the value, in a clause that limits it', () => {
  it('is the exception', () => {
    notError('个人账户余额可以一次性取出，仅限出国定居的参保人。', CASH);
    notError('个人账户余额可以一次性取出，前提是已经出国定居。', CASH);
    notError('个人账户余额可以一次性退还本人，但只适用于移民国外的情况。', CASH);
    notError('个人账户的钱可以一次性领出来，条件是要定居国外。', CASH);
    notError('个人账户余额可以一次性提取，仅限于转入地不接收余额的情形。', CASH);
    notError('个人账户余额可以全部取出来，只有一种情况：出国定居。', CASH);
    notError('退休后仍需继续缴纳医保，仅限累计缴费年限不足的人员。', RETIREE);
    notError('异地住院只能回参保地手工报销，这只适用于没有备案的情况。', FILING);
  });

  it('a case the claim does not list limits nothing', () => {
    isError('个人账户余额可以一次性取出，仅限本人办理。', CASH);
    isError('个人账户余额可以一次性取出，前提是已经离职。', CASH);
    isError('个人账户余额可以一次性取出，条件是停缴满半年。', CASH);
    isError('个人账户余额可以一次性取出，仅限在职职工。', CASH);
    isError('退休以后还要接着交医保，这只针对灵活就业人员。', RETIREE);
  });
});

// Denials through a verb or a link (data/cues.yaml: negators 免于, deniedAfterPatterns 没有关系,
// deniedNextPatterns 这条路走不通): the statement agrees with the registry.
describe('a denial through a verb, a link denied, a way that does not work', () => {
  it('agree with the registry', () => {
    notError('想把个账的钱变成现金，这条路走不通。', CASH);
    notError('断缴和个人账户余额清零没有关系。', LAPSE);
    notError('停缴以后个账余额免于清零。', LAPSE);
  });

  it('the same words affirming stay errors', () => {
    isError('想把个账的钱变成现金，这条路完全走得通。', CASH);
    isError('停缴后个人账户余额会清零，和你交了多少年没有关系。', LAPSE);
    isError('断缴跟个人账户清零有直接关系。', LAPSE);
  });
});
