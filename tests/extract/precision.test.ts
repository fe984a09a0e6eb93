// Classes of false alarm found by auditing page-like articles (precision work of
// 2026-12-07): each class is tested on sentences written for this file, with the
// wrong statements of the same shape that must still be found next to them.
import { describe, expect, it } from 'vitest';
import { bundledCues, bundledRegistry } from '../helpers/bundled.js';
import { levelOfPage } from '../helpers/levels.js';
import { judge } from '../../src/verdict/judge.js';
import { extractArticle } from '../../src/engine/analyze.js';
import { loadPageStructure, parseArticle } from '../../src/parse/index.js';
import type { Severity } from '../../src/types.js';

const levelOf = levelOfPage;
const below = (level: string) => ['none', 'supported', 'info', 'warning'].includes(level);

/** The strongest level a whole page of the given format gets for one claim. */
function levelOfFile(text: string, format: 'markdown' | 'html', claimId: string): Severity | 'supported' | 'none' {
  const { article } = parseArticle({ path: format === 'html' ? 'p.html' : 'p.md', text, encoding: 'utf-8', format }, loadPageStructure());
  const rank = { none: 0, supported: 1, info: 2, warning: 3, error: 4 } as const;
  let best: keyof typeof rank = 'none';
  for (const r of extractArticle(article, { registry: bundledRegistry, cues: bundledCues })) {
    if (r.claimId !== claimId) continue;
    const v = judge(bundledRegistry, r);
    const level = v.kind === 'contradicted' ? v.level : 'supported';
    if (rank[level] > rank[best]) best = level;
  }
  return best;
}

describe('a quotation named a report is a report (“…”的消息在传 / “…”的说法同样不实)', () => {
  it('passed on without a verdict it is a rumour: a warning, not an error', () => {
    expect(levelOf('最近，一条“医保断缴两个月，个人账户余额就会清零”的消息在家长群里传开了。', 'personal-account.balance-after-lapse')).toBe('warning');
  });

  it('called false after the report noun it asserts nothing', () => {
    expect(below(levelOf('还有一条“医保卡里的钱停交就作废”的传言同样不属实。', 'personal-account.balance-after-lapse'))).toBe(true);
  });

  it('refuted by a clause of the next sentence (…核实，这是谣言) it asserts nothing', () => {
    expect(below(levelOf('一条“停缴三个月个人账户就清零”的消息在朋友圈刷屏。本报向市医保中心求证，这是谣言。', 'personal-account.balance-after-lapse'))).toBe(true);
  });

  it('a quotation endorsed after its report noun is asserted', () => {
    expect(levelOf('“停缴以后个人账户的钱会被清零”，这个说法属实。', 'personal-account.balance-after-lapse')).toBe('error');
  });
});

describe('a label that calls what follows false (误区：…) refutes it', () => {
  it('误区： before the wrong statement', () => {
    expect(below(levelOf('误区二：到外地工作以后，老家交的医保年限就作废了。', 'transfer.contribution-years'))).toBe(true);
  });

  it('the same statement without the label is found', () => {
    expect(levelOf('到外地工作以后，老家交的医保年限就作废了。', 'transfer.contribution-years')).toBe('error');
  });
});

describe('the past set against the present (原来…，现在… / 刚工作那会儿，…)', () => {
  it.each([
    ['personal-account.family-sharing', '原来职工医保个人账户只能自己花，现在爸妈看病也能用了。'],
    ['personal-account.no-cash-withdrawal', '我刚参加工作那会儿，医保卡里的钱是能在药店换现金的。'],
  ])('%s: %s', (claimId, body) => {
    expect(below(levelOf(body, claimId))).toBe(true);
  });

  it('what the writer tried last year (我去年办过…) is the past', () => {
    expect(below(levelOf('我前年去办过，柜台说医保卡里的钱可以直接提现。', 'personal-account.no-cash-withdrawal'))).toBe(true);
  });

  it('原来 meaning "it turns out" dates nothing', () => {
    expect(levelOf('原来医保卡里的钱可以直接取现，我今天才知道。', 'personal-account.no-cash-withdrawal')).toBe('error');
  });

  it('the time of the claim’s own situation (领失业金那阵子) is not the past', () => {
    expect(levelOf('我领失业保险金那阵子，医保费一直是自己掏钱交的。', 'contributions.unemployment-benefit')).toBe('error');
  });
});

describe('the account’s money in another subject of the clause is not cross-region filing', () => {
  it('医保卡里的钱只能在参保地刷: the account, not direct settlement', () => {
    expect(below(levelOf('医保卡里的钱只能在参保地刷，出了市就用不了。', 'cross-region.filing'))).toBe(true);
  });

  it('a stay in hospital elsewhere that cannot be settled is still found', () => {
    expect(levelOf('在外省住院，医保是报不了的，只能回参保地报销。', 'cross-region.filing')).toBe('error');
  });
});

describe('a parent, spouse or child named alone is family sharing (给爸妈用 / 老伴不能用)', () => {
  it.each([
    '职工医保个人账户的钱不能给爸妈用。',
    '医保卡里的钱老伴不能用，只能本人用。',
    '孩子看病不能刷我的个人账户。',
  ])('%s: an error (only the holder)', (body) => {
    expect(levelOf(body, 'personal-account.family-sharing')).toBe('error');
  });

  it('the in-laws (岳父母 holds 父母) are not the parents: no error', () => {
    expect(below(levelOf('职工医保个人账户的钱不能给岳父母看病用。', 'personal-account.family-sharing'))).toBe(true);
    expect(below(levelOf('岳父母住院也不能刷女婿的个人账户。', 'personal-account.family-sharing'))).toBe(true);
  });

  it('可以给父母用 agrees', () => {
    expect(levelOf('我的个人账户可以给父母买药用。', 'personal-account.family-sharing')).toBe('supported');
  });
});

describe('a newborn’s benefits from birth denied (不能从出生之日起享受)', () => {
  it('is read as a wait', () => {
    expect(levelOf('新生儿参加了居民医保，也不能从出生之日起享受医保待遇。', 'resident-insurance.newborn')).toBe('warning');
  });

  it('newborns named as the exception of another waiting period leave the newborn claim', () => {
    expect(levelOf('断保后再参保的居民，固定等待期3个月，不过新生儿不受此限制。', 'resident-insurance.newborn')).toBe('none');
  });
});

describe('a table cell is read under its headers', () => {
  it('a Markdown cell under a column of the past is about the past', () => {
    const page = '# 老规定\n\n| 事项 | 2021年以前的规定 |\n| --- | --- |\n| 个人账户 | 个人账户只能本人使用，不能给家人用 |\n';
    expect(levelOfFile(page, 'markdown', 'personal-account.family-sharing')).toBe('info');
  });

  it('the same cell under a column of today is found', () => {
    const page = '# 现行规定\n\n| 事项 | 现行规定 |\n| --- | --- |\n| 个人账户 | 个人账户只能本人使用，不能给家人用 |\n';
    expect(levelOfFile(page, 'markdown', 'personal-account.family-sharing')).toBe('error');
  });

  it('an HTML cell under a column of another scheme is not about the claim', () => {
    const page =
      '<h1>两种医保对比</h1><table><tr><th>项目</th><th>职工医保</th><th>城乡居民医保</th></tr>' +
      '<tr><td>个人账户共济</td><td>可以给家人用</td><td>个人账户不能给家人用</td></tr></table>';
    expect(levelOfFile(page, 'html', 'personal-account.family-sharing')).toBe('supported');
  });

  it('an HTML cell under a column of the past is about the past', () => {
    const page = '<h1>改革前后</h1><table><tr><th>事项</th><th>改革前</th></tr><tr><td>共济</td><td>个人账户只能本人使用，不能给家人用</td></tr></table>';
    expect(levelOfFile(page, 'html', 'personal-account.family-sharing')).toBe('info');
  });
});

describe('one rule for conditions: the claim’s situation with more added narrows it', () => {
  it('a context word of the claim with more added: a warning', () => {
    expect(levelOf('如果跨省换工作以后又碰上新单位迟迟不给办理转入，以前交的年限就作废了。', 'transfer.contribution-years')).toBe('warning');
  });

  it('situations the claim covers and nothing else: an error (辞职, 得了大病: no cash-out for these either)', () => {
    expect(levelOf('如果辞职以后又查出了大病，个人账户的钱就能一次性取出来。', 'personal-account.no-cash-withdrawal')).toBe('error');
  });

  it('the claim’s own situation with little else: an error', () => {
    expect(levelOf('医保断缴超过半年的，个人账户里的钱就清零了。', 'personal-account.balance-after-lapse')).toBe('error');
  });
});
