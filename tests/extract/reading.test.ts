// Framing machinery of the claim reader (src/extract/reading.ts, claims.ts,
// article.ts; issue 15): how sure a reading is, whatever the claim. Each
// class is tested across several claims with sentences written for this
// file, with the near-misses that must stay below an error next to them.
import { describe, expect, it } from 'vitest';
import { bundledCues, bundledRegistry, recordsOfPage } from '../helpers/bundled.js';
import { extractArticle } from '../../src/engine/analyze.js';
import { loadPageStructure, parseArticle } from '../../src/parse/index.js';
import { judge } from '../../src/verdict/judge.js';
import { levelOfPage } from '../helpers/levels.js';

const levelOf = levelOfPage;

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

  it.each(WRONG)('%s: a rhetorical question that endorses asks nothing; a real one still asks', (claimId, statement) => {
    for (const e of ['谁说不是呢', '这还有假？', '难道不是吗？', '可不是嘛']) {
      const body = `网上说${statement}，${e}。`.replace(/？。$/u, '？');
      expect([body, levelOf(body, claimId)]).toEqual([body, 'error']);
    }
    const asked = `网上说${statement}，是真的吗？`;
    expect([asked, levelOf(asked, claimId)]).toEqual([asked, 'none']);
  });

  it.each(WRONG)('%s: with a refutation and an endorsement, the later one is the last word', (claimId, statement) => {
    const endorsedLast = `网上说${statement}，我原以为是谣言，结果是真的。`;
    expect([endorsedLast, levelOf(endorsedLast, claimId)]).toEqual([endorsedLast, 'error']);
    const refutedLast = `网上说${statement}，确实有人这么说，但这是谣言。`;
    expect([refutedLast, levelOf(refutedLast, claimId)]).toEqual([refutedLast, 'none']);
  });

  it.each(WRONG)('%s: when it was heard is not when the rule held', (claimId, statement) => {
    for (const r of ['曾经听人讲', '之前听同事说', '当初有人说']) {
      const body = `${r}${statement}，确实如此。`;
      expect([body, levelOf(body, claimId)]).toEqual([body, 'error']);
    }
  });

  it('a report named after the phrase: endorsed it is asserted, refuted it is not', () => {
    const claim = 'personal-account.balance-after-lapse';
    expect(levelOf('医保停缴以后个人账户里的钱会被清零的说法属实。', claim)).toBe('error');
    expect(levelOf('医保停缴以后个人账户里的钱会被清零的传言，一点不假。', claim)).toBe('error');
    expect(levelOf('医保停缴以后个人账户里的钱会被清零的说法是谣言。', claim)).not.toBe('error');
    // Named and left alone, it is a mention.
    expect(levelOf('关于医保停缴以后个人账户里的钱会被清零的说法，我们来看看。', claim)).not.toBe('error');
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

// A wrong consequent and the situation the claim is about, to be put first as a condition.
const CONDITIONED: readonly (readonly [claimId: string, situation: string, consequent: string])[] = [
  ['personal-account.balance-after-lapse', '医保停缴了', '个人账户里的钱就会被清零'],
  ['lapse.waiting-period', '医保断缴超过3个月', '就要等一年才能报销'],
  ['transfer.contribution-years', '医保跨省转移', '原来的缴费年限就不算了'],
  ['personal-account.inheritance', '参保人去世了', '个人账户的钱就会被收回统筹基金'],
  ['contributions.years-required', '职工医保交满15年', '退休后就不用再交了'],
];

describe('a condition put first', () => {
  const own = ['如果{c}，{q}。', '要是{c}，{q}。', '万一{c}，{q}。', '{c}的话，{q}。', '你要是{c}，{q}。', '在{c}的情况下，{q}。', '假如说{c}，{q}。'];
  it.each(CONDITIONED)('the claim’s own situation as the condition: %s is asserted', (claimId, c, q) => {
    for (const form of own) {
      const body = form.replace('{c}', c).replace('{q}', q);
      expect([body, levelOf(body, claimId)]).toEqual([body, 'error']);
    }
  });

  it.each(CONDITIONED)('who the claim is about or a need anyone has does not limit %s', (claimId, c, q) => {
    for (const lead of ['如果你是参保人', '要是急用钱']) {
      const body = `${lead}，${c}，${q}。`;
      expect([body, levelOf(body, claimId)]).toEqual([body, 'error']);
    }
  });

  it.each(CONDITIONED)('a condition the claim does not list keeps %s below an error', (claimId, c, q) => {
    // The situation is stated plainly after the foreign condition, so only the condition can lower it.
    for (const foreign of ['如果是公务员', '你要是在海南', '他要是离休干部']) {
      const body = `${foreign}，${c}，${q}。`;
      expect([body, levelOf(body, claimId)]).toEqual([body, 'info']);
    }
    // A limiting frame may point at the exceptions the claim lists (supported) and a claim may leave
    // some situations out altogether (补充医疗): neither is an error.
    for (const foreign of ['在特殊情况下', '要是单位另有补充医疗']) {
      const body = `${foreign}，${c}，${q}。`;
      expect([body, levelOf(body, claimId)]).not.toEqual([body, 'error']);
    }
  });

  it.each(CONDITIONED)('a condition naming the insurance but a case of its own keeps %s below an error', (claimId, c, q) => {
    // 医保 is a context word of every claim: naming it does not make a condition the claim's own situation.
    for (const foreign of ['如果你的医保是子女代缴的', '要是医保挂靠在人才市场', '假如医保是按最低档交的']) {
      const body = `${foreign}，${c}，${q}。`;
      expect([body, levelOf(body, claimId)]).toEqual([body, 'info']);
    }
    // The insurance and next to nothing else limits nothing.
    for (const lead of ['如果你有医保', '要是交了医保']) {
      const body = `${lead}，${c}，${q}。`;
      expect([body, levelOf(body, claimId)]).toEqual([body, 'error']);
    }
  });

  it('只要是 / 需要是 / 以防万一 open no condition', () => {
    expect(levelOf('只要是参保人，医保停缴以后个人账户里的钱就会被清零。', 'personal-account.balance-after-lapse')).toBe('error');
    expect(levelOf('以防万一提醒大家，医保停缴以后个人账户里的钱会被清零。', 'personal-account.balance-after-lapse')).toBe('error');
  });

  it('a relative time inside a noun phrase or a verb’s complement is not the past', () => {
    // 以前…攒的钱 is money saved before; 转过去 is "transfer over there".
    expect(levelOf('如果停缴了医保，以前个人账户攒的钱就会被清零。', 'personal-account.balance-after-lapse')).toBe('error');
    expect(levelOf('医保跨省转过去以后，原来的缴费年限就不算了。', 'transfer.contribution-years')).toBe('error');
    // The past as past still is.
    expect(levelOf('过去医保停缴以后，个人账户里的钱会被清零。', 'personal-account.balance-after-lapse')).toBe('info');
  });
});

describe('a report or a value called against the rules', () => {
  const claim = 'personal-account.no-cash-withdrawal';
  it('after a rumour (这是违规的, 属于违法行为) it refutes the rumour', () => {
    for (const reply of ['这是违规的', '这属于违法行为', '这种做法属于违规', '这可是违法的']) {
      // Refuted, or the reported value read as denied: either way no contradiction is left.
      const body = `网上说医保个人账户的钱可以直接取现金，${reply}。`;
      expect([body, ['none', 'supported'].includes(levelOf(body, claim))]).toEqual([body, true]);
    }
    // Endorsed, it is still asserted.
    expect(levelOf('网上说医保个人账户的钱可以直接取现金，确实如此。', claim)).toBe('error');
  });

  it('after a plain statement it denies the value', () => {
    expect(levelOf('医保个人账户的钱可以直接取现金，这是违规的。', claim)).toBe('supported');
    expect(levelOf('医保卡里的钱可以买化妆品，这属于违规行为。', 'personal-account.permitted-uses')).toBe('supported');
  });
});

describe('a yes/no table cell', () => {
  // A scraped page in plain text, its table rows as lines of cells.
  const table = (row: string, claimId: string) => {
    const text = `医保个人账户的用法\n\n用途 | 是否能提取现金 | 说明 |\n${row}\n`;
    const { article } = parseArticle({ path: 'page.txt', text, encoding: 'utf-8', format: 'text' }, loadPageStructure());
    const levels = extractArticle(article, { registry: bundledRegistry, cues: bundledCues })
      .filter((r) => r.claimId === claimId)
      .map((r) => { const v = judge(bundledRegistry, r); return v.kind === 'contradicted' ? v.level : v.kind; });
    return levels.includes('error') ? 'error' : levels.length ? 'read' : 'none';
  };
  it('answers its column’s question, not the claim of the row’s first cell', () => {
    // 否 says the family use cannot be drawn as cash: nothing about family sharing.
    expect(table('用于家庭成员就医 | 否 | 需绑定 |', 'personal-account.family-sharing')).toBe('read');
  });

  it('denies the row’s phrase when the column asks about that claim', () => {
    expect(table('去柜台申请提现 | 否 | 不允许 |', 'personal-account.no-cash-withdrawal')).toBe('read');
    expect(table('去柜台申请提现 | 是 | 看情况 |', 'personal-account.no-cash-withdrawal')).toBe('error');
  });
});

describe('a clause ending in 的', () => {
  it('that states (a topic, then a modal or 就 before the verb) is an assertion, not a condition', () => {
    for (const [claimId, body] of [
      ['personal-account.no-cash-withdrawal', '医保个人账户的钱可以直接取现的，带上身份证就行。'],
      ['personal-account.no-cash-withdrawal', '个人账户的钱能取出来的，去柜台办就行。'],
      ['personal-account.balance-after-lapse', '医保停缴以后个人账户里的钱就清零了的，要注意。'],
      ['personal-account.no-cash-withdrawal', '医保个人账户的钱是可以取现的，很多人不知道。'],
    ] as const) {
      expect([body, levelOf(body, claimId)]).toEqual([body, 'error']);
    }
  });

  it('that is a relative (断缴的，/ 出国定居的，) stays a condition or an exception', () => {
    expect(levelOf('出国定居的，可以一次性提取个人账户余额。', 'personal-account.no-cash-withdrawal')).toBe('supported');
    expect(levelOf('单位另外买了补充医疗的，个人账户的钱可以取现。', 'personal-account.no-cash-withdrawal')).toBe('info');
  });
});

describe('an either-or form that concedes (whether or not)', () => {
  const claim = 'cross-region.filing';
  it('with 不管/无论 before it or 都/也 after it, the main clause is asserted', () => {
    for (const body of [
      '不管备没备案，去外省住院都得全额垫付。',
      '无论办没办备案，在外省住院也只能全额垫付。',
      '异地住院备没备案，都得先自己全额垫付。',
      '在外省住院备不备案都得自己全额垫付。',
    ]) {
      expect([body, levelOf(body, claim)]).toEqual([body, 'error']);
    }
  });

  it('its either-or part names no case of the claim: 备没备案 is not 没备案', () => {
    // Not filed is an exception the claim lists; whether or not filed is no exception.
    expect(levelOf('在外省住院没备案的，要先全额垫付。', claim)).toBe('supported');
    expect(levelOf('不管备没备案，去外省住院都得全额垫付。', claim)).toBe('error');
  });

  it('its either-or part asserts nothing, and one without 都/也 still asks', () => {
    // 能不能取现 concedes here: it asserts neither value.
    expect(levelOf('医保个人账户的钱能不能取现都要先问清楚。', 'personal-account.no-cash-withdrawal')).toBe('none');
    expect(levelOf('去外省住院备没备案，能不能直接结算？', claim)).not.toBe('error');
    expect(levelOf('医保个人账户的钱能不能取现？', 'personal-account.no-cash-withdrawal')).not.toBe('error');
  });
});

describe('a none phrase of a claim in another clause', () => {
  it('after a clause that names the claim’s subject, it leaves that clause alone', () => {
    // 个人账户 is a none phrase of the waiting-period claim (balances are another claim); here it opens a clause of its own.
    expect(levelOf('医保断缴超过3个月要等一年才能报销，个人账户里的钱倒是还能照常用。', 'lapse.waiting-period')).toBe('error');
    // 原来攒下的 (a none phrase of the retiree-credit claim: the old rule) is money saved before, in a clause after.
    expect(levelOf('退休以后医保卡里就不再进钱了，看病只能花原来攒下的那些。', 'personal-account.retiree-credit')).not.toBe('none');
  });

  it('before the value, in its clause, or after it with another subject named, it still rules the value out', () => {
    expect(levelOf('生育保险断缴超过3个月要等一年才能报销。', 'lapse.waiting-period')).toBe('none');
    expect(levelOf('说到生育保险，断缴超过3个月要等一年才能报销。', 'lapse.waiting-period')).toBe('none');
    // The sentence says whose rule it is: another subject of the claim.
    expect(levelOf('断缴超过3个月要等一年才能报销，这是居民医保的规定。', 'lapse.waiting-period')).toBe('none');
    // A clause that names no subject of its own takes the sentence's topic, none phrase and all.
    expect(levelOf('要等一年才能报销，说的是生育保险断缴超过3个月的情况。', 'lapse.waiting-period')).toBe('none');
  });
});

describe('a question and its answer', () => {
  // Yes/no questions whose yes asserts the wrong value.
  const ASKED: readonly (readonly [claimId: string, question: string])[] = [
    ['personal-account.no-cash-withdrawal', '医保个人账户的钱能直接取现金吗？'],
    ['contributions.late-fee', '个人补缴医保要交滞纳金吗？'],
    ['personal-account.balance-after-lapse', '医保停缴以后个人账户里的钱会清零吗？'],
  ];

  it.each(ASKED)('answered yes in many ways, %s is asserted', (claimId, q) => {
    for (const yes of ['是的。', '——是的，没错。', '答：是的。', '答复：是的。', '【答】是的。', 'A: 是的。', '是的呀。', '对头。', '那必须的。', '对的呢。', '没问题。', '完全可以。']) {
      const body = `${q}${yes}`;
      expect([body, levelOf(body, claimId)]).toEqual([body, 'error']);
    }
  });

  it.each(ASKED)('answered no, %s asserts nothing wrong', (claimId, q) => {
    for (const no of ['不是。', '——不是。', '答：不是的。', '不可能。', '怎么可能。', '当然不是。', '办不到。', '做不到的。', '行不通。', '没门儿。', '甭想了。']) {
      const body = `${q}${no}`;
      expect([body, levelOf(body, claimId)]).not.toEqual([body, 'error']);
    }
  });

  it('a refusal (办不到, 行不通, 不允许) answers a can-question no: the opposite is read', () => {
    const claim = 'personal-account.no-cash-withdrawal';
    for (const no of ['办不到。', '做不到的。', '行不通。', '不允许。', '想都别想。']) {
      const r = recordsOfPage(`医保个人账户的钱能直接取现金吗？${no}`).find((x) => x.claimId === claim);
      expect([no, r?.framing, levelOf(`医保个人账户的钱能直接取现金吗？${no}`, claim)]).toEqual([no, 'answered', 'supported']);
    }
  });

  it.each(ASKED)('left open, %s asserts nothing', (claimId, q) => {
    for (const open of ['这个要看情况。', '我也不清楚。', '欢迎留言讨论。']) {
      const body = `${q}${open}`;
      expect([body, levelOf(body, claimId)]).not.toEqual([body, 'error']);
    }
  });

  it.each(ASKED)('answered in the same sentence, %s is read as answered', (claimId, q) => {
    const question = q.replace(/？$/u, '');
    for (const body of [`${question}，是的，没错。`, `${question}？-是的。`, `${question} 是的，就是这样。`]) {
      expect([body, levelOf(body, claimId)]).toEqual([body, 'error']);
    }
    for (const body of [`${question}，不是的。`, `${question}，这个问题很多人关心。`, `${question}，是真的吗？`]) {
      expect([body, levelOf(body, claimId)]).not.toEqual([body, 'error']);
    }
  });

  it('a title or heading asking what or how is answered by the sentence after it', () => {
    expect(levelOf('## 停缴以后个人账户的钱怎么处理\n\n会被清零。', 'personal-account.balance-after-lapse')).toBe('error');
    expect(levelOf('## 医保个人账户的钱怎么用\n\n可以直接取现金。', 'personal-account.no-cash-withdrawal')).toBe('error');
    expect(levelOf('## 医保个人账户的钱怎么用\n\n只能看病买药，不能取现金。', 'personal-account.no-cash-withdrawal')).not.toBe('error');
  });

  it('a why-question explained takes its value for granted, unless it reports or doubts it', () => {
    const claim = 'personal-account.balance-after-lapse';
    expect(levelOf('为什么停缴以后个人账户的钱会清零？因为账户跟着参保关系走。', claim)).toBe('error');
    expect(levelOf('为什么有人说停缴以后个人账户的钱会清零？因为他们不了解政策。', claim)).not.toBe('error');
    expect(levelOf('为什么停缴以后个人账户的钱会清零？其实不会。', claim)).not.toBe('error');
    expect(levelOf('为什么停缴以后个人账户的钱会清零？', claim)).toBe('info');
  });

  it('an answer of only the figure asked for is read in the question’s place', () => {
    const claim = 'lapse.waiting-period';
    for (const body of ['医保断缴超过3个月，要等多久才能报销？一年。', '医保断缴超过3个月，要等多久才能报销？——12个月。', '问：医保断缴超过3个月，要等多久才能报销？答：一年。']) {
      expect([body, levelOf(body, claim)]).toEqual([body, 'error']);
    }
    // A hedge in the answer weakens it; a figure that is right is no contradiction.
    expect(levelOf('医保断缴超过3个月，要等多久才能报销？一般要一年。', claim)).toBe('warning');
    expect(levelOf('医保断缴超过3个月，要等多久才能报销？三个月左右。', claim)).not.toBe('error');
    // The figure is reported on the answer.
    const r = recordsOfPage('医保断缴超过3个月，要等多久才能报销？一年。').find((x) => x.claimId === claim);
    expect([r?.cue.text, r?.sentence.text]).toEqual(['一年', '一年。']);
  });

  it('an answer that is no figure is not put in the question', () => {
    // 看情况 answers 多久 without a figure: nothing is asserted.
    expect(levelOf('医保断缴超过3个月，要等多久才能报销？这个看情况。', 'lapse.waiting-period')).toBe('none');
  });
});

describe('a subject named by a word standing for it', () => {
  it('这笔钱 / 里面的钱 is the subject named before, not the destination after the phrase', () => {
    const claim = 'personal-account.inheritance';
    for (const body of [
      '医保个人账户的余额很多人关心。人去世以后，这笔钱会被收回统筹基金。',
      '医保个人账户里攒了一些钱。参保人去世后，里面的钱就收归统筹基金了。',
    ]) {
      expect([body, levelOf(body, claim)]).toEqual([body, 'error']);
    }
    // Named before in the same sentence, the other subject still binds.
    expect(levelOf('统筹基金是大家共用的，参保人去世后，这笔钱不能继承。', claim)).toBe('none');
  });

  it('a phrase that names the claim’s own subject binds it, whatever the title names', () => {
    // 绑定 (family sharing) is inside the phrase; the title names the card itself, another subject of the claim.
    const claim = 'personal-account.family-sharing';
    expect(levelOf('# 医保卡的那些事\n\n部分地区的政策允许绑定兄弟姐妹。', claim)).toBe('warning');
    // 少数地方 says the rule is local (a hedge in data/cues.yaml): at most a warning.
    expect(levelOf('# 医保卡的那些事\n\n只有少数地方允许绑定兄弟姐妹。', claim)).toBe('warning');
  });

  it('a claim without a trigger inherits its subject only through such a word', () => {
    const claim = 'resident-insurance.no-personal-account';
    // Confidence below high makes this claim's contradictions warnings.
    expect(levelOf('居民医保是很多人的选择。它也有个人账户。', claim)).toBe('warning');
    expect(levelOf('居民医保是很多人的选择。它没有个人账户。', claim)).toBe('supported');
    // The sentence before names another scheme: 它 is not 居民医保.
    expect(levelOf('职工医保有个人账户。它也有个人账户。', claim)).toBe('none');
    // No word standing for it: the sentence is about something else.
    expect(levelOf('居民医保是很多人的选择。职工有个人账户。', claim)).toBe('none');
  });
});

describe('limits, times and negation across a clause', () => {
  it('a clause opening with 只有 limits the value to its case unless it only restates the claim’s situation', () => {
    const claim = 'personal-account.inheritance';
    // 没有继承人 is the exception the registry lists: limited to it, the sentence supports the claim.
    expect(levelOf('只有参保人过世后一个继承人也找不到时，个人账户的钱才会收归统筹基金。', claim)).toBe('supported');
    // Only the claim's own situation: asserted.
    expect(levelOf('只有参保人去世了，个人账户的钱才会被收回统筹基金。', claim)).toBe('error');
    expect(levelOf('只有医保断缴超过3个月，才要等一年才能报销。', 'lapse.waiting-period')).toBe('error');
    // An ordinary population named in the condition does not limit a claim that holds for everyone.
    expect(levelOf('如果你是灵活就业人员，医保断缴超过3个月，就要等一年才能报销。', 'lapse.waiting-period')).toBe('error');
  });

  it('a time before an event (退休前的最后一个月) is another time', () => {
    expect(levelOf('办理退休手续之前的最后两个月，职工医保也得照常交。', 'contributions.retirement-no-contribution')).not.toBe('error');
  });

  it('a negator before a causative verb (不会让…) reaches past the 的 after it', () => {
    expect(levelOf('医保跨省转移不会让原先的缴费年限清零。', 'transfer.contribution-years')).toBe('supported');
    expect(levelOf('医保转到外地，并不会使之前的缴费年限作废。', 'transfer.contribution-years')).not.toBe('error');
  });

  it('说…的，opening a sentence reports what people say', () => {
    // Reported, then called out of date (都是老说法了 denies the clause before it): the rumour is refuted.
    const body = '说医保停缴以后个人账户里的钱会被清零的，都是老说法了。';
    expect(levelOf(body, 'personal-account.balance-after-lapse')).toBe('supported');
    expect(levelOf('说医保停缴以后个人账户里的钱会被清零的，一点不假。', 'personal-account.balance-after-lapse')).toBe('error');
  });
});
