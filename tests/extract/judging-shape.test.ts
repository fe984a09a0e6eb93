// Refutations recognised by shape (src/extract/judging.ts; data/cues.yaml, judging clauses; shape
// work of 2026-12-08): a clause whose subject is the statement itself (这, 这个说法, 这么说, 网上说的,
// or nothing) and whose predicate judges it false — a negator with an evaluation of truth, a word of
// falsehood, disbelief, a denial that the thing exists — after the statement, opening the next
// sentence, or before it ending in a colon. Most of these idioms are in no list: the parts are.
// Sentences written for this file. Precision: an endorsement (这不是谣言, 没错, 不假) or a clause
// saying something of its own (这不影响报销, 这种情况不多见) leaves the statement an error.
import { describe, expect, it } from 'vitest';
import { levelOfPage } from '../helpers/levels.js';

const notError = (body: string, claimId: string) => expect([body, levelOfPage(body, claimId)]).not.toEqual([body, 'error']);
const isError = (body: string, claimId: string) => expect([body, levelOfPage(body, claimId)]).toEqual([body, 'error']);
const CASH = 'personal-account.no-cash-withdrawal';
const LAPSE = 'personal-account.balance-after-lapse';

describe('a judging clause after the statement, in its sentence', () => {
  it('a negator with an evaluation of truth', () => {
    notError('医保卡里的钱可以取现金，这话其实不对头。', CASH);
    notError('医保卡里的钱可以取现金，此说并不成立。', CASH);
    notError('医保卡里的钱可以取现金，这根本不是真的。', CASH);
    notError('医保卡里的钱可以取现金，这说法不太对。', CASH);
    notError('医保卡里的钱可以取现金，这种说法是没有政策依据的。', CASH);
    notError('医保卡里的钱可以取现金，这个说法不符合政策。', CASH);
    notError('医保卡里的钱可以取现金，以上说法并不正确。', CASH);
    notError('停缴以后个人账户的钱会清零，这并不是事实。', LAPSE);
    notError('停缴以后个人账户的钱会清零，这完全不对。', LAPSE);
  });

  it('a word of falsehood, with or without a copula', () => {
    notError('医保卡里的钱可以取现金，这个说法根本站不住。', CASH);
    notError('医保卡里的钱可以取现金，这完全是瞎猜。', CASH);
    notError('医保卡里的钱可以取现金，这纯属臆测。', CASH);
    notError('医保卡里的钱可以取现金，这是一种谬见。', CASH);
    notError('医保卡里的钱可以取现金，这个理解有偏差。', CASH);
    notError('医保卡里的钱可以取现金，这样理解是片面的。', CASH);
    notError('医保卡里的钱可以取现金，这么理解就错了。', CASH);
    notError('停缴以后个人账户的钱会清零，此言差矣。', LAPSE);
    notError('停缴以后个人账户的钱会清零，这是不靠谱的传言。', LAPSE);
  });

  it('someone\'s saying, a manner of saying, disbelief, a thing that does not exist', () => {
    notError('停缴以后个人账户的钱会清零，他们说的不对。', LAPSE);
    notError('停缴以后个人账户的钱会清零，网上这么传是不对的。', LAPSE);
    notError('医保卡里的钱可以取现金，这么说是不对的。', CASH);
    notError('医保卡里的钱可以取现金，这话不能信。', CASH);
    notError('医保卡里的钱可以取现金，没这种事。', CASH);
    notError('停缴以后个人账户的钱会清零，这种事情并不存在。', LAPSE);
    notError('医保卡里的钱可以取现金，这与规定不符。', CASH);
    notError('医保卡里的钱可以取现金，事实并非如此。', CASH);
    notError('医保卡里的钱可以取现金，真实情况恰恰相反。', CASH);
  });

  it('refuted by an authority', () => {
    notError('医保卡里的钱可以取现金，这个说法已被官方否认。', CASH);
    notError('医保卡里的钱可以取现金，该说法早被国家医保局辟谣。', CASH);
    notError('医保卡里的钱可以取现金，这已经被医保局澄清了。', CASH);
    isError('医保卡里的钱可以取现金，这已经被证实了。', CASH);
    isError('医保卡里的钱可以取现金，这没被否认。', CASH);
    isError('医保卡里的钱可以取现金，事实是这样的。', CASH);
  });

  it('closing the statement\'s own clause, or before it with a colon', () => {
    notError('停缴以后个人账户的钱会清零的说法根本站不住。', LAPSE);
    notError('停缴以后个人账户的钱会清零这种讲法不成立。', LAPSE);
    notError('停缴以后个人账户的钱会清零——错！余额会一直保留。', LAPSE);
    notError('以下说法是错误的：停缴以后个人账户的钱会清零。', LAPSE);
    notError('有一种说法并不正确：停缴以后个人账户的钱会清零。', LAPSE);
  });

  it('a rumour so judged is refuted', () => {
    notError('网上说停缴以后个人账户的钱会清零，这个说法根本站不住。', LAPSE);
    isError('网上说停缴以后个人账户的钱会清零，这个说法不假。', LAPSE);
  });
});

describe('a denial opening the next sentence', () => {
  it('refutes the statement before it', () => {
    notError('停缴以后个人账户的钱会清零。不是的！余额会一直保留。', LAPSE);
    notError('停缴以后个人账户的钱会清零。并非如此，余额会一直保留。', LAPSE);
    notError('停缴以后个人账户的钱会清零。错！余额会一直保留。', LAPSE);
    notError('停缴以后个人账户的钱会清零。No，余额会一直保留。', LAPSE);
    notError('停缴以后个人账户的钱会清零。这话可不对，余额会一直保留。', LAPSE);
    notError('朋友告诉我停缴以后个人账户的钱会清零。其实不是这样的。', LAPSE);
    notError('医保卡里的钱可以取现金。这个说法，不对。', CASH);
  });

  it('an endorsement or a sentence of its own does not', () => {
    isError('医保卡里的钱可以取现金。这个说法没错。', CASH);
    isError('医保卡里的钱可以取现金。不是所有人都知道。', CASH);
    isError('医保卡里的钱可以取现金。不过要本人去办。', CASH);
    isError('医保卡里的钱可以取现金。没错，就是这样。', CASH);
  });
});

describe('clauses that are no judgement of the statement', () => {
  it('an endorsement: a negator before a word of falsehood', () => {
    isError('医保卡里的钱可以取现金，这不是谣言。', CASH);
    isError('医保卡里的钱可以取现金，这可不是瞎说。', CASH);
    isError('医保卡里的钱可以取现金，这个说法不假。', CASH);
    isError('医保卡里的钱可以取现金，这并没有错。', CASH);
    isError('医保卡里的钱可以取现金，这个说法不无道理。', CASH);
    isError('医保卡里的钱可以取现金，这点错不了。', CASH);
  });

  it('a clause stating something of its own, or judging something else', () => {
    isError('医保卡里的钱可以取现金，这不影响报销。', CASH);
    isError('医保卡里的钱可以取现金，这并不意味着可以乱花。', CASH);
    isError('医保卡里的钱可以取现金，这种情况不多见。', CASH);
    isError('医保卡里的钱可以取现金，这不对外公开。', CASH);
    isError('医保卡里的钱可以取现金，没事的。', CASH);
    isError('医保卡里的钱可以取现金，不存在什么门槛。', CASH);
    isError('医保卡里的钱可以取现金，这是误工补贴之外的福利。', CASH);
    isError('停缴以后个人账户的钱会清零，这种情况不少见。', LAPSE);
  });
});
