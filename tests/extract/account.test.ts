// Reading classes met in the personal-account claims and the contribution
// rate (issue 8/15): each case is a sentence written for this file, and the
// value, framing or condition expected is what a careful editor reads in it.
import { describe, expect, it } from 'vitest';
import { recordsOf, recordsOfPage } from '../helpers/bundled.js';


const CASH = 'personal-account.no-cash-withdrawal';
const INHERIT = 'personal-account.inheritance';
const EMPLOYER = 'personal-account.employer-share';
const FAMILY = 'personal-account.family-sharing';
const RETIREE = 'personal-account.retiree-credit';
const RESIDENT = 'personal-account.to-resident-scheme';
const CROSS = 'personal-account.cross-province-sharing';
const RATES = 'contributions.rates';

/** Records of one claim read from a lone sentence. */
function read(text: string, claimId: string) {
  return recordsOf(text, 50).filter((r) => r.claimId === claimId);
}

/** Records of one claim read from a small page, sentence after sentence (questions and their answers). */
function readPage(body: string, claimId: string) {
  return recordsOfPage(body).filter((r) => r.claimId === claimId);
}

const values = (rs: { value: string }[]) => rs.map((r) => r.value);

describe('the subject of a clause', () => {
  it('a destination inside the value phrase (收归统筹基金) is the value, not another subject', () => {
    // The answer opens on the phrase; 统筹基金 is where the money goes, the account is named in the question.
    const rs = readPage('老人去世后医保个账的钱会怎样？收归统筹基金。', INHERIT);
    expect(rs.map((r) => [r.value, r.sentence.text])).toEqual([['forfeited', '收归统筹基金。']]);
  });

  it('an own subject named only after the phrase yields to another subject named before it', () => {
    // 居民医保 has no account: 谈不上给家人共济 is about it, 共济 is the verb.
    expect(read('居民医保没有个人账户，谈不上给家人共济。', FAMILY)).toEqual([]);
    // With nothing named before, the 共济 after the phrase still binds it.
    expect(values(read('现在可以给家人共济了。', FAMILY))).toEqual(['shared']);
  });

  it('卡上的钱 is the medical card on these pages, but not a bank or wage card', () => {
    expect(values(read('卡上的钱攒多了可以直接提现金。', CASH))).toEqual(['cash-out']);
    expect(read('工资卡上的钱可以直接提现金。', CASH)).toEqual([]);
  });
});

describe('colloquial values from the lexicon', () => {
  it.each([
    ['医保卡的钱可以随便取，想要现金去柜台说一声就行。', CASH, 'cash-out'],
    ['医保余额是能套出来的。', CASH, 'cash-out'],
    ['离职以后，账户里攒的钱可以全部领出来。', CASH, 'cash-out'],
    ['个人账户的钱人死了就作废。', INHERIT, 'forfeited'],
    ['父亲过世后医保卡里剩的钱，家里人一分钱也领不到。', INHERIT, 'forfeited'],
    ['参保人去世后，医保卡里的钱归家里人。', INHERIT, 'inheritable'],
    ['从职工医保转到城乡居民医保，医保余额一分都不剩。', RESIDENT, 'cleared'],
    ['上班族医保卡里的进账，还有公司那头拨过来的一部分。', EMPLOYER, 'employer-share'],
    ['公司给你交的医保，有一大半打到你医保卡上。', EMPLOYER, 'employer-share'],
  ])('%s → %s %s', (text, claimId, value) => {
    expect(values(read(text, claimId))).toContain(value);
  });

  it('a negated colloquial value flips: 一分都进不了个人账户 is the canonical rule', () => {
    expect(values(read('单位交的医保钱一分都进不了个人账户。', EMPLOYER))).toEqual(['personal-only']);
  });
});

describe('the past described as past', () => {
  it.each([
    ['那会儿公司缴的医保还有一部分会划进个账。', EMPLOYER],
    ['按老规定，单位缴费的三成要划入个人账户。', EMPLOYER],
    ['2021年那会儿，家庭共济只限于配偶、父母、子女。', FAMILY],
  ])('%s carries a past condition', (text, claimId) => {
    const rs = read(text, claimId);
    expect(rs.length).toBeGreaterThan(0);
    for (const r of rs) expect(r.conditions?.map((c) => c.kind)).toContain('past');
  });

  it('以前 opening the sentence is the old rule; 原先…剩的余额 is only the money left from before', () => {
    const old = read('以前个账共济只能在省内，家人在外省就用不了。', CROSS);
    expect(old.length).toBeGreaterThan(0);
    for (const r of old) expect(r.conditions?.map((c) => c.kind)).toContain('past');
    const left = read('参加城乡居民医保以后，原先医保卡上剩的余额会被收走。', RESIDENT);
    expect(left.map((r) => [r.value, r.conditions?.map((c) => c.kind) ?? []])).toEqual([['cleared', []]]);
  });

  it('以前攒的 is the money saved before, not the rule before the reform', () => {
    const rs = read('退休以后医保卡就不再进钱了，只能花以前攒的。', RETIREE);
    expect(values(rs)).toEqual(['stopped']);
    expect(rs[0]!.conditions?.map((c) => c.kind) ?? []).not.toContain('past');
  });
});

describe('a refusal after the clause that names who or where', () => {
  it('condition-first: the relative or the province, then the refusal after a comma', () => {
    expect(values(read('如果是给外孙交居民医保，个人账户的钱是划不过去的。', FAMILY))).toEqual(['immediate-only']);
    const rs = read('要是父母在外省参保，你的医保个人账户就不能给他们用。', CROSS);
    expect(values(rs)).toEqual(['same-area-only']);
    // 要是父母在外省参保 names the claim's own situation: no condition to report.
    expect(rs[0]!.conditions?.filter((c) => c.kind === 'condition')).toEqual([]);
  });

  it('never across a question mark: the answer’s own reading stands, on the answer', () => {
    const rs = readPage('医保个账想给亲妹妹买药？别想了，兄弟姐妹压根用不了。', FAMILY);
    expect(rs.map((r) => [r.value, r.framing])).toEqual([['immediate-only', 'plain']]);
    // 跨省…不支持 would run from the question into the answer: only 只能在本地 in the answer is read.
    const cross = readPage('跨省共济？目前还不支持，只能在本地绑定家人。', CROSS);
    expect(cross.map((r) => [r.value, r.framing, r.cue.text])).toEqual([['same-area-only', 'plain', '只能在本地']]);
  });

  it('a refusal the phrase itself reaches into does not deny the phrase again', () => {
    // 不能用 is inside the phrase (给哥哥姐姐交居民医保，不能用): the next clause after it is what could deny it.
    expect(values(read('给哥哥姐姐交居民医保，不能用你的个人账户。', FAMILY))).toEqual(['immediate-only']);
    // A denial after the phrase's clause still flips a phrase that stays in its clause.
    expect(values(read('想给兄弟姐妹用个人账户，那是不行的。', FAMILY))).toContain('immediate-only');
  });

  it('all of it gone, in the clause after the account’s (…的钱就带不走了，全部作废)', () => {
    expect(values(read('换成居民医保后，医保卡里原来的钱就带不走了，全部作废。', RESIDENT))).toEqual(['cleared']);
    // A clause opening on another thing (统筹待遇) is not the balance.
    expect(values(read('换成居民医保后，医保卡里的钱还在，统筹待遇全部作废。', RESIDENT))).toEqual(['retained']);
  });
});

describe('a condition that only gives an example', () => {
  it('要是月薪一万，… does not limit the rate it illustrates', () => {
    const rs = read('要是月薪一万，个人每月医保就得交800块，也就是8%。', RATES);
    expect(values(rs)).toEqual(['other-rate']);
    expect(rs[0]!.conditions?.filter((c) => c.kind === 'condition')).toEqual([]);
  });

  it('a condition of another kind still limits it', () => {
    const rs = read('要是单位没给你交，个人每月医保就得交工资的8%。', RATES);
    expect(rs.flatMap((r) => r.conditions ?? []).map((c) => c.kind)).toContain('condition');
  });
});

describe('a rumour corrected in the writer’s own words', () => {
  it('after 其实/实际上 the writer asserts: a wrong correction is a plain claim', () => {
    const rs = read('网上说单位交的医保跟你没关系，其实不对，单位缴费也有一部分进你的个人账户。', EMPLOYER);
    expect(rs.map((r) => [r.value, r.framing])).toEqual([['employer-share', 'plain']]);
  });

  it('the rumour itself, before the correction word, is still not asserted', () => {
    // 一部分进个人账户 is the rumour; 全部进统筹 is the correction.
    expect(values(read('很多人以为单位交的医保有一部分进个人账户，其实全部进统筹。', EMPLOYER))).not.toContain('employer-share');
  });

  it('a denial after the corrected phrase keeps it unasserted (其实…的说法不对)', () => {
    expect(values(read('网上说个人账户余额会被清零，其实余额会被清零的说法不对。', 'personal-account.balance-after-lapse'))).not.toContain('cleared');
  });
});

describe('limits that are the value itself', () => {
  it('只有配偶、父母、子女才行 is the closed list, not a condition on it', () => {
    const rs = read('我想给外婆用医保个账，窗口说只有配偶、父母、子女才行。', FAMILY);
    expect(rs.map((r) => [r.value, r.conditions?.map((c) => c.kind) ?? []])).toEqual([['immediate-only', []]]);
  });

  it('a limit on something else still limits (只有在定点药店才…)', () => {
    const rs = read('个人账户只有在定点药店才能给兄弟姐妹买药。', FAMILY);
    expect(rs.flatMap((r) => r.conditions ?? []).map((c) => c.kind)).toContain('limiting');
  });
});

describe('who pays, in the words people use', () => {
  it.each([
    ['老板给你交的医保，有一部分会打到你的个人账户。'],
    ['原来单位交的医保有一部分是进了我的个人账户。'],
    ['个人账户不光有自己交的钱，单位交的也有一部分在里面。'],
    ['单位缴费中的一部分用于充实职工个人账户。'],
  ])('%s → employer-share', (text) => {
    expect(values(read(text, EMPLOYER))).toContain('employer-share');
  });

  it('the worker’s own share going to the account is not the employer’s', () => {
    expect(values(read('职工自己交的那部分有一块放进个人账户，公司交的全部放进统筹账户。', EMPLOYER))).not.toContain('employer-share');
  });

  it('原来 with a later 现在 is the old rule: left to the past', () => {
    expect(read('原来单位缴费的30%划入个人账户，现在全部进统筹。', EMPLOYER).map((r) => r.value)).not.toContain('employer-share');
  });
});

describe('short answers', () => {
  it('没有了 / 没了 / 不能了 answer no like 没有 / 不能', () => {
    // 还有钱进吗？没有了。: the supporting value asked about, denied, is the stop.
    expect(readPage('退休后医保个人账户还有钱进吗？没有了。', RETIREE).map((r) => [r.value, r.framing])).toContainEqual(['stopped', 'answered']);
    expect(values(readPage('职工医保换成居民医保，个账的钱还在吗？没了。', RESIDENT))).toContain('cleared');
    expect(values(readPage('辞职以后医保卡里的钱能提出来吗？不能了。', CASH))).toEqual(['no-cash']);
  });

  it('a yes keeps the value asked about', () => {
    expect(values(readPage('个人账户能给外省的父母用吗？能，开通医保钱包就行。', CROSS))).toEqual(['cross-province']);
    expect(values(readPage('个人账户的钱能给在外省的父母用吗？不行。', CROSS))).toEqual(['same-area-only']);
  });
});

describe('near misses of the sharing claims', () => {
  it('a claim named as 说法/传言 is a mention, not an assertion', () => {
    const rs = read('医保个人账户余额清零的说法，在参保人死亡时并不适用，余额可以继承。', INHERIT);
    expect(rs.filter((r) => r.value === 'forfeited').map((r) => r.framing)).toEqual(['mention']);
  });

  it('a next clause denies the phrase only when it is nothing but the denial', () => {
    // 不能给家里人看病 says something of its own: 只能自己用 stays asserted.
    expect(values(read('个人账户只能自己用，不能给家里人看病。', FAMILY))).toContain('no-sharing');
    expect(values(read('想给兄弟姐妹用个人账户，那是不行的。', FAMILY))).toContain('immediate-only');
  });

  it('a negated qualifier of the relatives (没有参保的亲属) narrows who, it refuses nothing', () => {
    expect(read('家庭共济不能给没有参保的亲属用。', FAMILY)).toEqual([]);
  });

  it('in-laws are another subject: leaving them out is right', () => {
    expect(read('岳父岳母不属于近亲属，不能用你的个人账户共济。', FAMILY)).toEqual([]);
    expect(values(read('个人账户不能给兄弟姐妹用，岳父岳母也不行。', FAMILY))).toContain('immediate-only');
  });
});

describe('conditions the rule holds under all the same', () => {
  it('急需用钱 / 满了五年 / 得了大病 do not make cash-out lawful: no condition is left to report', () => {
    for (const text of ['如果急需用钱，可以把医保卡里的钱取出来应急。', '要是满了五年，个人账户余额就可以一次性提取。', '如果得了大病，医保卡的钱可以全部取现。']) {
      const rs = read(text, CASH);
      expect(values(rs), text).toEqual(['cash-out']);
      expect(rs[0]!.conditions?.filter((c) => c.kind === 'condition'), text).toEqual([]);
    }
  });

  it('an exception still makes it legitimate (出国定居)', () => {
    const rs = read('如果出国定居，医保卡的钱可以全部取出来。', CASH);
    expect(rs.flatMap((r) => r.conditions ?? []).map((c) => c.kind)).toContain('exception');
  });

  it('年底花不完 does not widen what the account pays for', () => {
    const rs = read('要是年底医保卡里的钱花不完，可以去买保健品。', 'personal-account.permitted-uses');
    expect(values(rs)).toEqual(['non-medical']);
    expect(rs[0]!.conditions?.filter((c) => c.kind === 'condition')).toEqual([]);
  });
});

describe('bare 取 / 退 closing the clause', () => {
  it('可以直接去银行取。/ 每年可以取一次 / 其实可以退。 are cash-out', () => {
    for (const text of ['医保个人账户里的钱可以直接去银行取。', '医保个人账户余额每年可以取一次。', '医保卡里的钱其实可以退，找医保局办个手续就行。']) {
      expect(values(read(text, CASH)), text).toEqual(['cash-out']);
    }
  });

  it('取药, 取号 are not, and 不能…取 is the rule', () => {
    expect(read('医保卡在医院可以取号，在药店可以取药。', CASH)).toEqual([]);
    expect(values(read('医保卡里的钱不能直接去银行取。', CASH))).toEqual(['no-cash']);
  });
});

describe('claims others make, called untrue', () => {
  it('声称…，不要相信 is a rumour refuted: nothing is asserted', () => {
    expect(read('有中介声称能把医保卡里的钱套出来，千万别信。', CASH)).toEqual([]);
  });

  it('声称 passed on without a refutation stays a rumour', () => {
    expect(read('有中介声称能把医保卡里的钱套出来。', CASH).map((r) => r.framing)).toEqual(['rumour']);
  });
});
