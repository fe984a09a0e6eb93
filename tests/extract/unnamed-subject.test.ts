// binding.unnamed (claims/*.yaml): a sentence that names no subject — neither the claim's
// (个人账户, 余额, 医保卡) nor another's (公积金, 缴费年限, 工资…) — but has the claim's trigger and a
// value phrase is read for the claim, and the verdict makes it a warning at most: the writer named
// the account in words no lexicon lists, or meant something else. Sentences written for this file.
import { describe, expect, it } from 'vitest';
import { levelOfPage } from '../helpers/levels.js';
import { recordsOfPage } from '../helpers/bundled.js';

const level = (body: string, claimId: string) => [body, levelOfPage(body, claimId)];
const LAPSE = 'personal-account.balance-after-lapse';
const CASH = 'personal-account.no-cash-withdrawal';
const INHERIT = 'personal-account.inheritance';
const USES = 'personal-account.permitted-uses';

describe('a subject no lexicon names, read from trigger and value', () => {
  it('a wrong value is a warning, never an error', () => {
    expect(level('断保超过三个月，先前攒下的治病钱会一笔清零。', LAPSE)).toEqual(['断保超过三个月，先前攒下的治病钱会一笔清零。', 'warning']);
    expect(level('跳槽离职以后，自己那份看病专款能直接提现。', CASH)).toEqual(['跳槽离职以后，自己那份看病专款能直接提现。', 'warning']);
    expect(level('老人过世以后，名下那笔就医钱不能由子女继承。', INHERIT)).toEqual(['老人过世以后，名下那笔就医钱不能由子女继承。', 'warning']);
    expect(level('攒着的就医款在超市买米买面都行。', USES)).toEqual(['攒着的就医款在超市买米买面都行。', 'warning']);
  });

  it('the right value agrees, as with a named subject', () => {
    expect(level('断保超过三个月，先前攒下的治病钱不会清零，仍然归自己。', LAPSE)).toEqual(['断保超过三个月，先前攒下的治病钱不会清零，仍然归自己。', 'supported']);
    expect(level('跳槽离职以后，自己那份看病专款也不能提现。', CASH)).toEqual(['跳槽离职以后，自己那份看病专款也不能提现。', 'supported']);
  });

  it('the record says the subject was inferred', () => {
    const [r] = recordsOfPage('断保超过三个月，先前攒下的治病钱会一笔清零。').filter((x) => x.claimId === LAPSE);
    expect(r?.subjectInferred).toBe(true);
    expect(r?.subject).toBeUndefined();
    const [named] = recordsOfPage('断保超过三个月，个人账户余额会一笔清零。').filter((x) => x.claimId === LAPSE);
    expect(named?.subjectInferred).toBeUndefined();
  });

  it('a named subject keeps its error', () => {
    expect(level('断保超过三个月，个人账户余额会一笔清零。', LAPSE)).toEqual(['断保超过三个月，个人账户余额会一笔清零。', 'error']);
  });

  it('another subject named: nothing is inferred', () => {
    expect(level('断保超过三个月，之前的缴费年限就清零了。', LAPSE)).toEqual(['断保超过三个月，之前的缴费年限就清零了。', 'none']);
    expect(level('跳槽离职以后，住房公积金能直接提现。', CASH)).toEqual(['跳槽离职以后，住房公积金能直接提现。', 'none']);
    expect(level('跳槽离职以后，工资卡里的钱随时能提现。', CASH)).toEqual(['跳槽离职以后，工资卡里的钱随时能提现。', 'none']);
    expect(level('商业医疗险的保单可以在超市买东西时抵扣。', USES)).toEqual(['商业医疗险的保单可以在超市买东西时抵扣。', 'none']);
  });

  it('two claims read so from one sentence: the sentence does not say which, neither is read', () => {
    const body = '攒着的那笔就医款能给兄弟姐妹用，去超市买米买面也行。';
    expect(level(body, 'personal-account.family-sharing')).toEqual([body, 'none']);
    expect(level(body, USES)).toEqual([body, 'none']);
    // Each alone is read (the same words in two sentences).
    expect(level('攒着的那笔就医款去超市买米买面也行。', USES)).toEqual(['攒着的那笔就医款去超市买米买面也行。', 'warning']);
  });

  it('a question stays below a warning', () => {
    const body = '断保超过三个月，先前攒下的治病钱会清零吗';
    expect(['none', 'info']).toContain(levelOfPage(body, LAPSE));
  });
});
