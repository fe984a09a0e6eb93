import { describe, expect, it } from 'vitest';
import { recordsOf, recordsOfPage } from '../helpers/bundled.js';

const BALANCE = 'personal-account.balance-after-lapse';

/** Values read for one claim from a sentence placed at a nonzero offset. */
function read(text: string, claimId = BALANCE) {
  const offset = 100;
  return recordsOf(text, offset).filter(
    (r) => r.claimId === claimId,
  );
}

describe('negation', () => {
  it.each([
    ['断缴以后个人账户余额不会清零。', 'retained', 'negated'],
    ['停缴后账户里的钱并不会因为断缴而作废。', 'retained', 'negated'],
    ['辞职后个人账户余额不会因为停缴被清零。', 'retained', 'negated'],
    ['离职后个人账户的钱没有被收回。', 'retained', 'negated'],
    ['停缴以后个人账户余额会被清零。', 'cleared', 'affirmed'],
    ['停缴以后个人账户余额还能继续使用。', 'retained', 'affirmed'],
    ['停缴以后个人账户余额不能继续使用了。', 'cleared', 'negated'],
  ])('%s → %s', (text, value, polarity) => {
    const records = read(text);
    expect(records.map((r) => [r.value, r.polarity])).toEqual([[value, polarity]]);
  });

  it('does not reach across a clause boundary', () => {
    // 不 belongs to 不补缴; the second clause asserts 清零.
    expect(read('停缴后如果不及时补缴，个人账户余额会清零。').map((r) => r.value)).toEqual(['cleared']);
  });

  it('a condition naming only a situation the claim covers does not limit it; one adding another does', () => {
    const NO_CASH = 'personal-account.no-cash-withdrawal';
    // personal-account.no-cash-withdrawal covers 辞职/断缴/退休: the account cannot be cashed out then either.
    const covered = read('要是辞职了，医保个人账户里的钱就能全部取现。', NO_CASH);
    expect(covered.map((r) => [r.value, r.conditions?.filter((c) => c.kind === 'condition') ?? []])).toEqual([['cash-out', []]]);
    const limited = read('要是辞职后在新单位又补办了一堆复杂手续，医保个人账户里的钱就能全部取现。', NO_CASH);
    expect(limited.flatMap((r) => r.conditions ?? []).map((c) => c.kind)).toContain('condition');
  });

  it('不一定 asserts nothing; an either-or question is read as a question', () => {
    expect(read('停缴以后个人账户余额不一定清零。')).toEqual([]);
    expect(read('停缴以后个人账户余额是否会清零？').map((r) => [r.value, r.framing])).toEqual([['cleared', 'question']]);
    // 算不算: the A-not-A form asks; its 不 negates nothing.
    expect(read('转移以后，原来的缴费年限还算不算？', 'transfer.contribution-years').map((r) => r.framing)).not.toContain('plain');
  });

  it('reaches through verbs and adverbs to the value, and stops at a scope breaker', () => {
    expect(read('个人账户的钱不允许拿去提现。', 'personal-account.no-cash-withdrawal').map((r) => r.value)).toEqual(['no-cash']);
    expect(read('离职后个人账户的钱也没办法直接取出来。', 'personal-account.no-cash-withdrawal').map((r) => r.value)).toEqual(['no-cash']);
    // 只要不断缴就…: 不断 is not a negation, and 就 starts a new scope.
    expect(read('只要不断缴，停缴以后个人账户余额就会清零。').map((r) => r.value)).toEqual(['cleared']);
  });
});

describe('framing and hedging', () => {
  it('keeps a rumour that is not refuted, with its framing', () => {
    const [r] = read('网上流传停缴满三个月个人账户余额就会清零。');
    expect(r).toMatchObject({ value: 'cleared', framing: 'rumour' });
  });

  it.each([
    ['有人说停缴后个人账户余额会清零，这话一点不假。', 'endorsed'],
    ['据说停缴后个人账户余额会清零，社保局也证实了。', 'endorsed'],
    ['网上说停缴后个人账户余额会清零，其实不是真的。', undefined],
    ['听说停缴后个人账户余额会清零，纯属瞎说。', undefined],
  ])('a rumour confirmed or called false in other words: %s', (text, framing) => {
    const cleared = read(text).filter((r) => r.value === 'cleared');
    if (framing) expect(cleared).toMatchObject([{ framing }]);
    else expect(cleared).toEqual([]);
  });

  it('drops the rumour’s value when the same sentence refutes it', () => {
    expect(read('网上流传停缴后个人账户余额会清零，这是谣言。').map((r) => r.value)).toEqual([]);
  });

  it('a worry corrected in the same sentence, or waved away, asserts nothing wrong', () => {
    expect(read('很多人担心离职后个人账户会被冻结作废，其实只是暂停划入新的资金。')).toEqual([]);
    // 不用担心…会清零: the worry is negated, so the sentence says the balance stays.
    expect(read('断缴以后不用担心个人账户余额会清零。').map((r) => r.value)).toEqual(['retained']);
    expect(read('有人担心停缴后个人账户余额会清零。')[0]).toMatchObject({ value: 'cleared', framing: 'rumour' });
  });

  it('marks questions and hedges', () => {
    expect(read('断缴以后个人账户余额会清零吗？')[0]).toMatchObject({ value: 'cleared', framing: 'question' });
    expect(read('部分地区停缴后个人账户余额可能被收回。')[0]?.hedges).toEqual(['部分地区', '可能']);
  });
});

describe('records', () => {
  it('carries exact cue spans, quantities and the year', () => {
    const text = '2023年起，停缴超过3个月的，个人账户余额将被清零。';
    const [r] = read(text);
    expect(r?.cue.text).toBe('清零');
    expect(r?.cue.span.start).toBe(100 + text.indexOf('清零'));
    expect(r?.year).toBe(2023);
    expect(r?.quantities.map((q) => [q.kind, q.value, q.unit, q.bound])).toEqual([['duration', 3, 'month', 'over']]);
  });

  it('reads several claims from one sentence', () => {
    const text = '跨省换工作时，医保关系和个人账户余额都可以随同转移，缴费年限累计计算。';
    const ids = recordsOf(text).map((r) => r.claimId);
    expect(ids).toEqual(expect.arrayContaining(['transfer.account-balance', 'transfer.contribution-years']));
  });

  it('uses the heading above as context for the subject', () => {
    const text = '个人账户里的钱仍可以正常使用。';
    const none = recordsOf(text);
    expect(none.filter((r) => r.claimId === BALANCE)).toEqual([]);
    const withHeading = recordsOf(text, 0, { heading: '停缴后个人账户怎么用' });
    expect(withHeading.filter((r) => r.claimId === BALANCE).map((r) => r.value)).toEqual(['retained']);
  });
});

describe('questions answered in the next sentence', () => {
  it('a question answered 不能 asserts the opposite value', async () => {
    const records = recordsOfPage('问：离职后能把个人账户里的钱取出来吗？\n\n答：不能。个人账户的钱只能看病买药。\n\n问：离职后能把个人账户里的钱取出来吗？\n\n可以的，去社保局办理就行。').filter((r) => r.claimId === 'personal-account.no-cash-withdrawal');
    // 不能。 asserts the opposite of what was asked; 可以的， confirms it: both are now assertions.
    expect(records.map((r) => [r.value, r.framing])).toEqual([
      ['no-cash', 'answered'],
      ['cash-out', 'answered'],
    ]);
  });
});


describe('answers read with their question', () => {
  const records = async (body: string) => recordsOfPage(body);

  it('finds a value in an answer that leaves its subject to the question', async () => {
    // 不算 needs 年限 before it: the question supplies it; the record is on the answer.
    const rs = (await records('换城市以后医保年限还算吗？不算，到新地方得从头交。')).filter((r) => r.claimId === 'transfer.contribution-years');
    expect(rs.map((r) => [r.value, r.framing, r.sentence.text])).toContainEqual(['reset', 'plain', '不算，到新地方得从头交。']);
  });

  it('does not make the answer a question when the question ends in 吗 without ？', async () => {
    const rs = await records('断缴以后个人账户余额会清零吗\n\n停缴以后个人账户余额会被清零。');
    const answer = rs.filter((r) => r.sentence.text.startsWith('停缴以后'));
    expect(answer.map((r) => [r.value, r.framing])).toEqual([['cleared', 'plain']]);
  });
});

describe('questions nobody answers', () => {
  const records = async (body: string, claimId: string) => recordsOfPage(body).filter((r) => r.claimId === claimId);
  const CASH = 'personal-account.no-cash-withdrawal';

  it('a yes/no question (能否, 吗, A不A) asserts neither value', async () => {
    expect(await records('## 离职后个人账户里的钱能否取现\n\n这要看当地医保部门的规定。', CASH)).toEqual([]);
    expect(await records('辞职以后医保卡里的钱能提出来吗？具体请咨询当地医保部门。', CASH)).toEqual([]);
    expect(await records('停缴以后个人账户余额会不会清零？这得看具体情况。', BALANCE)).toEqual([]);
  });

  it('a question of how takes the value for granted and stays a question', async () => {
    const rs = await records('## 离职后医保卡里的钱怎么取现\n\n这要看当地医保部门的规定。', CASH);
    expect(rs.map((r) => [r.value, r.framing])).toEqual([['cash-out', 'question']]);
  });

  it('a yes/no question answered in the next sentence is an assertion', async () => {
    const rs = await records('辞职以后医保卡里的钱能提出来吗？可以，去医保窗口办一下就行。', CASH);
    expect(rs.map((r) => [r.value, r.framing])).toContainEqual(['cash-out', 'answered']);
  });
});

describe('either-or forms', () => {
  it('a phrase starting inside 有没有 or 能不能 is not read: the clause asks', async () => {
    const read = (body: string, claimId: string) => recordsOfPage(body).filter((r) => r.claimId === claimId).map((r) => [r.value, r.framing]);
    // 有没有个人账户 holds 没有个人账户 (the value “none”); answered 有, it asserts an account.
    expect(read('居民医保有没有个人账户？有，每年会返一点钱进去。', 'resident-insurance.no-personal-account')).toEqual([['has-account', 'answered']]);
    // 能不能取现 holds 不能取现; answered 不能, it asserts no cash-out.
    expect(read('辞职后个人账户的钱能不能取现？不能。', 'personal-account.no-cash-withdrawal')).toEqual([['no-cash', 'answered']]);
  });
});

describe('answers that echo the question’s verb', () => {
  const read = async (body: string, claimId: string) => recordsOfPage(body).filter((r) => r.claimId === claimId).map((r) => [r.value, r.framing]);

  it('不V answers no, V answers yes, when V is the question’s verb', async () => {
    // 还保留吗？不保留。: the answer denies 保留, so the balance is said to be cleared.
    // (The answer is also read on its own, joined to the question: 不保留 there says cleared too.)
    const no = await read('辞职停缴以后，个人账户的余额还保留吗？不保留。', BALANCE);
    expect(no).toContainEqual(['cleared', 'answered']);
    expect(no.map(([value]) => value)).not.toContain('retained');
    const yes = await read('辞职停缴以后，个人账户的余额还保留吗？保留。', BALANCE);
    expect(yes).toContainEqual(['retained', 'answered']);
    expect(yes.map(([value]) => value)).not.toContain('cleared');
  });

  it('V不了了 answers no like V不了', async () => {
    // 还能继续用吗？用不了了。: the answer denies 继续用, so the balance is said to be gone.
    const no = await read('断缴以后，个人账户的余额还能继续用吗？用不了了。', BALANCE);
    expect(no).toContainEqual(['cleared', 'answered']);
    expect(no.map(([value]) => value)).not.toContain('retained');
  });

  it('a short reply with another verb answers nothing', async () => {
    // 不知 is no echo of 保留: the question stays unanswered, and a yes/no question asserts nothing.
    expect(await read('辞职停缴以后，个人账户的余额还保留吗？不知。', BALANCE)).toEqual([]);
  });
});
