// Framing machinery of the claim reader (src/extract/reading.ts, claims.ts,
// article.ts; issue 15): how sure a reading is, whatever the claim. Each
// class is tested across several claims with sentences written for this
// file, with the near-misses that must stay below an error next to them.
import { describe, expect, it } from 'vitest';
import { bundledRegistry, recordsOfPage } from '../helpers/bundled.js';
import { judge } from '../../src/verdict/judge.js';
import type { Severity } from '../../src/types.js';

/** The strongest reading a page body gets for one claim: an error, a warning, an info, 'supported' or 'none'. */
function levelOf(body: string, claimId: string): Severity | 'supported' | 'none' {
  const rank = { none: 0, supported: 1, info: 2, warning: 3, error: 4 } as const;
  let best: keyof typeof rank = 'none';
  for (const r of recordsOfPage(body)) {
    if (r.claimId !== claimId) continue;
    const v = judge(bundledRegistry, r);
    const level = v.kind === 'contradicted' ? v.level : 'supported';
    if (rank[level] > rank[best]) best = level;
  }
  return best;
}

// Plain wrong statements the reader reads as errors on their own: the framings below wrap them.
const WRONG: readonly (readonly [claimId: string, statement: string])[] = [
  ['personal-account.balance-after-lapse', '医保停缴以后个人账户里的钱会被清零'],
  ['personal-account.no-cash-withdrawal', '医保个人账户的钱可以直接取现金'],
  ['lapse.waiting-period', '医保断缴超过3个月要等一年才能报销'],
  ['contributions.late-fee', '个人补缴医保要交滞纳金'],
  ['transfer.retiree', '退休人员的医保关系可以转到异地'],
];

describe('a plain wrong statement is an error (the bases of the framings below)', () => {
  it.each(WRONG)('%s: %s', (claimId, statement) => {
    expect(levelOf(`${statement}。`, claimId)).toBe('error');
  });
});

describe('a reported claim and the reply to it', () => {
  const endorsements = [
    // lexical endorsements
    '这话没毛病', '一点不假', '属实', '靠谱', '是真的', '还真是这么回事', '板上钉钉的事',
    // a debunk word denied
    '这可不是谣言', '人家没瞎说',
    // personal experience
    '我家就被坑过', '我同事就遇到过', '我就是这样', '亲身经历',
    // an authority or local practice confirming it
    '窗口也这么说', '医保局的工作人员也是这么答复的', '我们这儿就是这么执行的',
    // a correction word leading only into an endorsement
    '实际上也确实如此',
  ];
  const reports = ['网上说', '听说', '朋友说', '同事讲', '坊间传', '抖音上有人说', '据传'];

  it.each(WRONG)('endorsed, %s is asserted: an error', (claimId, statement) => {
    for (const [k, e] of endorsements.entries()) {
      const body = `${reports[k % reports.length]}${statement}，${e}。`;
      expect([body, levelOf(body, claimId)]).toEqual([body, 'error']);
    }
  });

  it.each(WRONG)('endorsed in the next sentence, %s is asserted', (claimId, statement) => {
    for (const e of ['这话没毛病。', '我同事就遇到过。', '我打电话问了医保局，工作人员也是这么说的。']) {
      const body = `网上说${statement}。${e}`;
      expect([body, levelOf(body, claimId)]).toEqual([body, 'error']);
    }
  });

  const refutations = [
    '这是谣言', '不对', '别信', '不是这样', '早就不是了', '这种说法早过时了', '纯属瞎传', '这不靠谱', '并不属实',
    '窗口说不会', '我同事就没遇到过', '我们这儿不是这么执行的', '其实确实不会这样', '的确没有这回事',
  ];
  it.each(WRONG)('refuted, %s asserts nothing wrong', (claimId, statement) => {
    for (const [k, d] of refutations.entries()) {
      const body = `${reports[k % reports.length]}${statement}，${d}。`;
      expect([body, levelOf(body, claimId)]).toEqual([body, 'none']);
    }
  });

  it.each(WRONG)('passed on without a reply, %s is a warning', (claimId, statement) => {
    for (const r of reports) {
      const body = `${r}${statement}。`;
      expect([body, levelOf(body, claimId)]).toEqual([body, 'warning']);
    }
  });

  it('an endorse word negated or followed by a negator endorses nothing', () => {
    // 确实不会 / 不是真的 answer no: not errors.
    expect(levelOf('网上说医保停缴以后个人账户里的钱会被清零，确实不会。', 'personal-account.balance-after-lapse')).not.toBe('error');
    expect(levelOf('听说个人补缴医保要交滞纳金，这不是真的。', 'contributions.late-fee')).toBe('none');
  });

  it("the writer's own supporting reading after an endorsement-like word keeps the report a report", () => {
    // 我家就是这样 reads as a confirmation, but the writer goes on to say the money is still there.
    const body = '网上说停缴后个人账户的钱会清零，我家就是这样停了半年，余额还在。';
    expect(levelOf(body, 'personal-account.balance-after-lapse')).not.toBe('error');
  });
});
