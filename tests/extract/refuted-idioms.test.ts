// A statement called false, hearsay, exaggerated, a misreading or out of date by the clause
// after it, or dated in the past (data/cues.yaml: refutedNextPatterns, refutedEndPatterns,
// rumour, selfRefutingReport, pastPatterns; refute work of 2026-12-07). Sentences written for
// this file. Precision: with a refutation word there, no error; the same statement endorsed
// (这可不是谣言 / 确实如此) keeps its error.
import { describe, expect, it } from 'vitest';
import { levelOfPage } from '../helpers/levels.js';

const notError = (body: string, claimId: string) => expect([body, levelOfPage(body, claimId)]).not.toEqual([body, 'error']);
const isError = (body: string, claimId: string) => expect([body, levelOfPage(body, claimId)]).toEqual([body, 'error']);
const CASH = 'personal-account.no-cash-withdrawal';
const LAPSE = 'personal-account.balance-after-lapse';

describe('a statement refuted by the clause after it', () => {
  it('idioms calling it false or baseless', () => {
    notError('医保卡的钱想取就能取，这纯属无稽之谈。', CASH);
    notError('断缴半年个人账户就作废，这种讲法毫无依据。', LAPSE);
    notError('个账余额可以换成现金，此说法不实。', CASH);
    notError('停保以后账户里的钱会被收回，根本没有这回事。', LAPSE);
    notError('卡里的钱可以提到银行卡，这话不靠谱。', CASH);
  });

  it('a misreading, hearsay, exaggeration', () => {
    notError('医保个账的钱可以提取现金，这是对文件的误读。', CASH);
    notError('个人账户里的余额离职就能取走，这是道听途说。', CASH);
    notError('一断缴个账就清零，完全是危言耸听。', LAPSE);
    notError('个人账户余额断缴后作废——这是一个普遍的误区。', LAPSE);
    notError('断交以后卡里余额清零，这是外行人瞎编的。', LAPSE);
  });

  it('refuted by an authority, dismissed, or a 辟谣 label', () => {
    notError('医保卡上的钱能套现金，医保局早已辟谣。', CASH);
    notError('辟谣：停缴医保后个人账户余额会被清空。', LAPSE);
    notError('个账的钱能随便提现这种话，听听就算了。', CASH);
  });

  it('the rule itself abolished or dated in the past', () => {
    notError('个人账户的钱能领现金，这项规定早已废止。', CASH);
    notError('医保卡余额能取现，这是二十多年前的事了。', CASH);
    notError('在以前，有的地方允许把个账的钱取出来。', CASH);
  });

  it('a label or a report calling what follows a misreading', () => {
    notError('误读二：个人账户的钱离职后可以全部取出来。', CASH);
    notError('一个常见的误解是：医保停缴后个人账户清零。', LAPSE);
    notError('【谣言】医保卡余额可以直接取现金', CASH);
    notError('有些人有个误解，以为停交医保以后个账里的钱就没了。', LAPSE);
  });

  it('refuted by the sentence after it, opening with the refutation', () => {
    notError('个账的钱能直接领现金。这纯属谣传，别上当。', CASH);
    notError('停缴后个人账户的钱会被清空。这种说法毫无根据。', LAPSE);
    notError('医保卡上的余额可以提现。早就叫停了。', CASH);
    isError('个账的钱能直接领现金。这可不是谣传，我领过。', CASH);
    isError('停缴后个人账户的钱会被清空。确实如此。', LAPSE);
  });

  it('endorsed, the same statements stay errors', () => {
    isError('医保卡的钱能取现，这可不是谣言，我刚取过。', CASH);
    isError('一断缴个账就清零，这不是危言耸听。', LAPSE);
    isError('有人传断缴以后个人账户就清零，确实如此。', LAPSE);
  });
});
