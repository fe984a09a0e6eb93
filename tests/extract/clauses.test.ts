// Clause-level reading of conditions, time, subjects and negation scope
// (src/extract/reading.ts, the clauses work of 2026-12-06). Each class is
// tested on sentences written for this file, with the near misses that must
// stay below an error next to the wrong statements that must be found.
import { describe, expect, it } from 'vitest';
import { bundledRegistry, recordsOfPage } from '../helpers/bundled.js';
import { judge } from '../../src/verdict/judge.js';
import { levelOfPage } from '../helpers/levels.js';

const levelOf = levelOfPage;

const below = (level: string) => ['none', 'supported', 'info', 'warning'].includes(level);

describe('condition-first: a condition that is the claim’s own situation asserts the consequence', () => {
  it.each([
    // Paying late is what the late-fee claim is about (its `covers`).
    ['contributions.late-fee', '个人逾期没交医保费的，补缴时还得另付滞纳金。'],
    ['contributions.late-fee', '要是自己没按时交医保，补的时候就要按天多交滞纳金。'],
    // The value phrase reaches out of the condition clause (门诊，…不予支付): the condition is read whole.
    ['outpatient.pooling', '要是只看普通门诊，统筹基金不予支付。'],
  ])('%s: %s', (claimId, body) => {
    expect(levelOf(body, claimId)).toBe('error');
  });
});

describe('condition-first: a condition narrowing the claim’s own situation is a warning', () => {
  it('a situation the claim covers with more added: a warning, neither an error nor only an info', () => {
    // 没有及时缴纳 is a situation late-fee covers (not one of its context words, as 晚交 has been
    // since the vocabulary work: a context word makes the condition the claim's own, see below);
    // 碰上单位破产 is more than it.
    const v = recordsOfPage('如果没有及时缴纳医保又碰上单位破产，个人补缴时要另交滞纳金。')
      .filter((r) => r.claimId === 'contributions.late-fee')
      .map((r) => judge(bundledRegistry, r));
    expect(v.map((x) => (x.kind === 'contradicted' ? x.level : x.kind))).toEqual(['warning']);
    expect(v[0]!.record.conditions).toEqual([{ kind: 'condition', text: '如果没有及时缴纳医保又碰上单位破产', narrows: true }]);
  });

  // One rule for context words and covered situations (precision work, 2026-12-07): named with
  // little else the condition is the claim's own situation; named with more it narrows it.
  it('a context word of the claim with little else in the condition is the claim’s own situation (an error)', () => {
    expect(levelOf('如果断缴超过3个月的话，个人账户余额就会被清零。', 'personal-account.balance-after-lapse')).toBe('error');
  });

  it('a context word of the claim with more added narrows it, as a covered situation does (a warning)', () => {
    expect(levelOf('如果断缴以后又欠着医院一大笔钱，个人账户余额就会被清零。', 'personal-account.balance-after-lapse')).toBe('warning');
    expect(levelOf('要是晚交了医保又赶上公司倒闭，个人就得交滞纳金。', 'contributions.late-fee')).toBe('warning');
  });

  it('a condition that names nothing of the claim stays an info', () => {
    const r = recordsOfPage('如果家人的医保不在本省，个人账户就不能给他们用。').filter((x) => x.claimId === 'personal-account.family-sharing');
    for (const rec of r) for (const c of rec.conditions) expect(c.narrows).toBeUndefined();
  });
});

describe('negation through a cause: 不会因为…就… denies the consequence', () => {
  it.each([
    ['personal-account.balance-after-lapse', '个人账户的钱不会因为换了工作停缴就被清零。'],
    ['personal-account.inheritance', '参保人的个账余额并不会因为人走了就被统筹基金收回。'],
    ['transfer.contribution-years', '医保缴费年限不会因为跨省换单位就作废。'],
  ])('%s: %s', (claimId, body) => {
    expect(below(levelOf(body, claimId))).toBe(true);
  });

  it('a cause without a negator before it still asserts (因为断缴了…就清零了)', () => {
    expect(levelOf('因为停缴了半年，个人账户的钱就被清零了。', 'personal-account.balance-after-lapse')).toBe('error');
  });
});

describe('a scope breaker’s character inside a word ends no negation (随便, 就医)', () => {
  it('不是…随便…提现 is denied', () => {
    expect(below(levelOf('医保卡里的钱不是可以随便取现的。', 'personal-account.no-cash-withdrawal'))).toBe(true);
  });

  it('without the negator the same words assert', () => {
    expect(levelOf('医保卡里的钱可以随便取现。', 'personal-account.no-cash-withdrawal')).toBe('error');
  });

  it('不能在就医地直接结算 is denied through 就医', () => {
    expect(levelOf('办了异地备案也不能在就医地直接结算。', 'cross-region.filing')).toBe('error');
  });
});

describe('subjects: the card itself is not the money on it', () => {
  it('旧社保卡作废 / 医保卡本身要注销 are about the card', () => {
    expect(below(levelOf('停缴以后旧社保卡作废了，要去补办一张新卡。', 'personal-account.balance-after-lapse'))).toBe(true);
    expect(below(levelOf('参保人去世以后，医保卡本身会被注销，不能留给子女接着用。', 'personal-account.inheritance'))).toBe(true);
  });

  it('the money on the card is the account', () => {
    expect(levelOf('停缴以后社保卡里的钱就作废了。', 'personal-account.balance-after-lapse')).toBe('error');
  });

  it('a new card carried to the counter does not take the subject from the account', () => {
    expect(levelOf('离职以后带上身份证和新医保卡，就能去窗口把个人账户的钱提现。', 'personal-account.no-cash-withdrawal')).toBe('error');
  });
});

describe('time: a period the claim does not rule on gives no error', () => {
  it.each([
    ['contributions.retirement-no-contribution', '延迟退休的这几年里，职工医保还得照常交。'],
    ['contributions.unemployment-benefit', '失业金领完以后，医保就得自己接着交了。'],
    ['personal-account.family-sharing', '2021年以前，个人账户只能给参保人本人用。'],
  ])('%s: %s', (claimId, body) => {
    expect(below(levelOf(body, claimId))).toBe(true);
  });

  it('a 现在-framed clause after the past is current', () => {
    expect(levelOf('以前可以给兄弟姐妹用，现在的规定是个人账户只能给配偶、父母、子女用。', 'personal-account.family-sharing')).toBe('error');
  });
});

describe('time: a claim’s none phrase of the past rules out only the past', () => {
  it('the part after a word of the present (合并之后, 改革以后, 新规定) is read and judged', () => {
    expect(levelOf('过去生育保险是单位单独交的，合并之后职工个人也得另交一份生育保险。', 'maternity.merged')).toBe('error');
    expect(levelOf('过去单位交的医保不进个人账户，改革以后单位那份有一部分划给个人账户。', 'personal-account.employer-share')).toBe('error');
  });

  it('the past part stays out, and a right present part is no contradiction', () => {
    expect(below(levelOf('过去职工还要单独交生育保险，合并之后个人不用再交了。', 'maternity.merged'))).toBe(true);
    expect(below(levelOf('以前单位缴费有一部分进个人账户，改革以后全部计入统筹基金。', 'personal-account.employer-share'))).toBe(true);
  });

  it('a none phrase that is not of the past keeps its reach past a word of the present', () => {
    // 居民医保 is another scheme for the employee account claims: 现在 does not lift it.
    expect(below(levelOf('居民医保以前没有个人账户，现在也没有，单位缴费更谈不上划入。', 'personal-account.employer-share'))).toBe(true);
  });
});

describe('a negator inside a 的-phrase (没用完的钱) modifies that phrase only', () => {
  it('没用完的钱由继承人继承 asserts the inheritance', () => {
    expect(below(levelOf('参保人去世以后，个账里还没用完的钱由他的继承人继承。', 'personal-account.inheritance'))).toBe(true);
  });

  it('a negator after the 的-phrase still denies', () => {
    expect(levelOf('参保人去世以后，个账里没花完的钱不能给继承人。', 'personal-account.inheritance')).toBe('error');
  });
});

describe('a none phrase in an explanation (…，是因为…) rules out what it explains', () => {
  it('the allowance stopped because of a lapse is not the maternity insurance abolished', () => {
    expect(levelOf('她的生育津贴停掉了，是因为公司断缴了好几个月。', 'maternity.merged')).toBe('none');
  });

  it('an explanation without a none phrase leaves the clause before it read', () => {
    expect(levelOf('个人账户的余额作废了，是因为停缴超过了半年。', 'personal-account.balance-after-lapse')).toBe('error');
  });
});
