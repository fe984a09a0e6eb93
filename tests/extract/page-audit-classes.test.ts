// Classes of wrong errors found by auditing claimlint on fresh real pages (2026-12-08): a topic
// said to be ruled on, a 关于 topic clause, the card itself, a negator inside a concession, the
// resident rule's two waits, restoring benefits after a lapse, a section heading naming what the
// claim leaves out. Sentences written for this file; each class with a counterpart that stays an error.
import { describe, expect, it } from 'vitest';
import { levelOfPage } from '../helpers/levels.js';

const at = (body: string, claimId: string) => [body, levelOfPage(body, claimId)];
const notError = (body: string, claimId: string) => expect(at(body, claimId)).not.toEqual([body, 'error']);
const isError = (body: string, claimId: string) => expect(at(body, claimId)).toEqual([body, 'error']);
const CASH = 'personal-account.no-cash-withdrawal';
const INHERIT = 'personal-account.inheritance';
const LAPSE = 'personal-account.balance-after-lapse';

describe('a value phrase naming the topic a rule is about', () => {
  it('…有明确的规定 / 关于…，', () => {
    notError('医保账户余额的提取和使用都有明确的规定，下面逐条说明。', CASH);
    notError('个人账户的钱取现有严格限制，具体看下文。', CASH);
    notError('关于个人账户取现和转移，国家有相应的规定。', CASH);
  });
  it('the value asserted stays an error', () => {
    isError('医保账户余额可以提取现金，手续很简单。', CASH);
    isError('关于个人账户，里面的钱可以随时取现。', CASH);
  });
});

describe('the card itself is another subject', () => {
  it('这张卡片本身 / 实体卡本身', () => {
    notError('医保卡这张卡片本身不能继承，卡里的个人账户余额可以由家属依法继承。', INHERIT);
    notError('实体卡本身在人去世后要注销，不能继承。', INHERIT);
  });
  it('the money on it stays the account', () => {
    isError('医保卡里的钱在参保人去世后不能继承。', INHERIT);
  });
});

describe('a negator inside a concession does not reach the main verb', () => {
  it('即便/哪怕/就算 … 也/仍 …', () => {
    notError('断缴以后，只要个人账户里有钱，即便没有上班也仍可用于买药看病。', LAPSE);
    notError('停保了，就算没有单位了，个人账户的余额也照样能用。', LAPSE);
  });
  it('a negator after 也 still negates', () => {
    isError('断缴以后，即便账户里有钱也不能再用了，余额作废。', LAPSE);
  });
});

describe('the resident rule’s two waits are not the employee waiting period or a short lapse', () => {
  it('固定等待期 + 变动等待期', () => {
    notError('断保六年的，3个月固定等待期再加上变动等待期，一共要等9个月。', 'lapse.waiting-period');
    notError('断保六年的，3个月固定等待期再加上变动等待期，一共要等9个月。', 'lapse.backpay-within-3-months');
  });
  it('a fixed year after an employee lapse stays an error', () => {
    isError('职工医保断缴超过三个月，要重新连续缴费满12个月才能报销。', 'lapse.waiting-period');
  });
});

describe('restoring benefits after a lapse is not the resident incentive', () => {
  it('恢复待遇 / 追溯报销', () => {
    const body = '封存期间账户的钱照常能用。若想恢复医保待遇，需要连续缴费满3个月（含）且不超过12个月，续缴后次月就能报销。';
    expect(levelOfPage(body, 'resident-insurance.continuous-incentive')).toBe('none');
  });
});

describe('a section heading naming what the claim leaves out', () => {
  it('bullets under 二、城乡居民医疗保险 are not about the employee retiree', () => {
    const page = '# 退休以后还要交医保吗\n\n一、职工医疗保险\n\n- 缴费年限够了：退休后不用再交。\n\n二、城乡居民医疗保险\n\n- 必须每年缴费：交一年管一年，不交就不能报销。\n';
    expect(levelOfPage(page, 'contributions.retirement-no-contribution')).not.toBe('error');
  });
  it('the same bullet under the employee section is read', () => {
    const page = '# 退休以后还要交医保吗\n\n一、职工医疗保险\n\n- 必须每年缴费：退休了也得交一年管一年。\n';
    expect(levelOfPage(page, 'contributions.retirement-no-contribution')).toBe('error');
  });
});

describe('a wrong value limited to the cases listed, or reported for one place', () => {
  it('上述特殊途径 / N种情况 / 第二种是…凭…才可以', () => {
    notError('医保卡里的钱平时取不出来，但可以通过上述特殊途径申请支取。', CASH);
    notError('医保卡套现只有两种情况可以。', CASH);
    notError('第二种是参保人要离开参保城市，他得先把医保停保，凭停保证明才可以提取账户里的钱。', CASH);
  });
  it('a place named before the value: a warning, not an error', () => {
    expect(at('天津的个人账户余额可以按比例提到银行卡里。', CASH)).toEqual(['天津的个人账户余额可以按比例提到银行卡里。', 'warning']);
    // A place framing the whole sentence is where the rule is stated, not a local practice reported.
    isError('在南昌，个人账户余额可以按比例提到银行卡里。', CASH);
    expect(at('个人账户的钱，多数城市是取不出来的（北京的可以提现），只能看病买药。', CASH)).toEqual([
      '个人账户的钱，多数城市是取不出来的（北京的可以提现），只能看病买药。',
      'warning',
    ]);
  });
  it('the same values stated generally stay errors', () => {
    isError('医保卡里的钱可以直接提现到银行卡。', CASH);
    isError('辞职以后，个人账户的钱可以全部取出来。', CASH);
    isError('全国各地的个人账户余额都可以按比例提到银行卡里。', CASH);
  });
});

describe('a concession running up to the phrase', () => {
  it('即便没有工作仍可用 (no 也 between)', () => {
    notError('个人账户的钱即便没有工作仍可用于支付医疗费用，断缴也一样。', LAPSE);
    notError('医疗卡本身不可继承，仅限账户余额按规定处理。', INHERIT);
  });
  it('a negator of the main clause after the concession still negates', () => {
    isError('断缴以后，个人账户的钱即便还有余额也不能再用，会被清零。', LAPSE);
  });
});

describe('a reminder affirms the duty it reminds of', () => {
  it('别忘了 / 不要忘了 + verb', () => {
    isError('领着失业金的时候也别忘了自己去交医保。', 'contributions.unemployment-benefit');
    isError('退休以后，医保费别忘了每年接着交。', 'contributions.retirement-no-contribution');
  });
  it('a plain 别 still negates', () => {
    notError('领失业金期间别自己去交医保，基金会代缴。', 'contributions.unemployment-benefit');
  });
});

describe('classes from the held-out audit', () => {
  it('the years and records are not the account’s money', () => {
    notError('断保超过三个月，个人账户余额不变，但连续缴费时间清零。', LAPSE);
    isError('断保超过三个月，个人账户余额和连续缴费时间都清零。', LAPSE);
  });
  it('a list’s verdict after it denies the list', () => {
    notError('减肥药、美容药、保健品等均不纳入医保个人账户支付范围。', 'personal-account.permitted-uses');
    isError('个人账户可以用来买保健品和化妆品。', 'personal-account.permitted-uses');
  });
  it('a sentence naming another rule’s subject does not take the subject of the sentence before', () => {
    const page = '# 医保问答\n\n减肥药、美容药等均不纳入医保个人账户支付范围。生育津贴要求连续缴满6个月才能领取。\n';
    expect(levelOfPage(page, CASH)).toBe('none');
  });
  it('lines under a heading naming the cases something is allowed in', () => {
    const page = '# 参保人去世后医保卡怎么办\n\n## 可提取的情形\n\n- 出国定居：余额可以一次性取出。\n';
    expect(levelOfPage(page, CASH)).not.toBe('error');
    const plain = '# 参保人去世后医保卡怎么办\n\n## 注意\n\n- 辞职后医保卡的钱可以全部取出来。\n';
    expect(levelOfPage(plain, CASH)).toBe('error');
  });
  it('a cash-out’s destination is not a transfer; a scam is a refutation', () => {
    expect(levelOfPage('个账的钱转不到银行卡，也转不了微信。', 'transfer.account-balance')).not.toBe('error');
    notError('医保卡里的钱可以直接提现，这是骗局。', CASH);
  });
});

describe('more classes from the held-out audit', () => {
  it('a whether-clause inside a statement asserts neither value', () => {
    notError('参保人去世后，医保卡里的余额是否可以全部取出，需要根据具体情况办理。', CASH);
  });
  it('a list’s verdict in a later clause (均不纳入医保) drops what the list would say', () => {
    notError('- 美容类药品：祛斑、减肥、美容等药品，因属于个人需求，均不纳入医保。', 'personal-account.permitted-uses');
  });
  it('the old account closed is not the money lost', () => {
    notError('转移时，原参保地的个人账户资金将划转至新参保地，原账户作废。', 'transfer.account-balance');
    isError('换城市工作后，个人账户里的钱不能转到新参保地，只能作废。', 'transfer.account-balance');
  });
  it('a place in a label before a colon reports that place’s practice', () => {
    expect(at('广东省方案：省内跨市转移医保关系时，个人账户资金不划转。', 'transfer.account-balance')).toEqual([
      '广东省方案：省内跨市转移医保关系时，个人账户资金不划转。',
      'warning',
    ]);
  });
  it('a heading of notes on special cases does not limit what is stated under it', () => {
    const page = '# 医保转移\n\n## 三、特殊情况说明\n\n- 在职职工：跨市就业时，个人账户资金清算后不转移，但缴费年限累计计算。\n';
    expect(levelOfPage(page, 'transfer.account-balance')).toBe('error');
  });
});

describe('two values joined by 或 name the possibilities', () => {
  it('清零或转移 asserts neither', () => {
    expect(levelOfPage('政策调整时，个人账户可能面临账户清零或转移。', 'transfer.account-balance')).not.toBe('error');
    isError('换了城市，个人账户里的钱不能转过去，直接清零。', 'transfer.account-balance');
  });
});

describe('a wrong value the writer narrows with 但 and the registry’s value', () => {
  it('不能直接…，但可以通过家庭共济…: a warning', () => {
    const body = '社保卡里的钱不能直接给家人交医保，但可以通过家庭共济的方式为家人缴纳居民医保。';
    expect(at(body, 'personal-account.family-sharing')).toEqual([body, 'warning']);
    isError('个人账户的钱不能给家人用，只能自己用。', 'personal-account.family-sharing');
  });
  it('…继续按月缴纳，直至累计缴费年限达到规定: the short-of-years exception', () => {
    notError('退休后继续按月缴纳职工医保，直至累计缴费年限达到规定。', 'contributions.retirement-no-contribution');
    isError('退休以后医保每个月还要接着交。', 'contributions.retirement-no-contribution');
  });
  it('a heading naming cases (一、可提取的情形) is a mention, not a claim', () => {
    expect(levelOfPage('# 参保人去世后医保卡怎么办\n\n一、可提取的情形\n', CASH)).not.toBe('error');
  });
});
