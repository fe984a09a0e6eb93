import { describe, expect, it } from 'vitest';
import { recordsOf, recordsOfPage } from '../helpers/bundled.js';
import { findQuantities } from '../../src/extract/quantity.js';

// Reading classes met on the benefits/access/resident claims (issues 8 and 15):
// each case is a sentence written for the class, its expectation read off the sentence.

function read(text: string, claimId: string) {
  return recordsOf(text).filter((r) => r.claimId === claimId);
}
const kinds = (text: string, claimId: string) => read(text, claimId).flatMap((r) => (r.conditions ?? []).map((c) => c.kind));

describe('the past told as the past', () => {
  it.each([
    ['老规定下，去外省住院得先自己垫钱，出院后拿着发票回参保地报销。', 'cross-region.filing'],
    ['那会儿跨省还没联网，在外地看病都是先垫付，回来再报。', 'cross-region.filing'],
    ['以前在外省住院要先自费，再回户籍地报销。', 'cross-region.filing'],
    ['那会儿厂里退休的老职工，医疗保险费也得接着交。', 'contributions.retirement-no-contribution'],
    ['老规定下，居民医保连续参保多少年，大病保险待遇都一样。', 'resident-insurance.continuous-incentive'],
    // A leading "N years ago" or "before it was rolled out" clause dates what follows.
    ['十几年前去外地住院，都要先自己垫钱，再回参保地报销。', 'cross-region.filing'],
    ['跨省直接结算推开之前，去外地看病都得先垫钱再回来报。', 'cross-region.filing'],
  ])('%s is about the past', (text, claim) => {
    expect(read(text, claim).length).toBeGreaterThan(0);
    expect(kinds(text, claim)).toContain('past');
  });

  it('以前 of one person’s own history (以前在北京交了八年) is not the past rule', () => {
    expect(kinds('以前在北京交了八年医保，转到天津后这八年不算。', 'transfer.contribution-years')).not.toContain('past');
  });

  it('a sentence led by 都说 passes a rumour on; 老黄历 after it refutes it', () => {
    expect(read('都说到外地看病医保不给报。', 'cross-region.filing').map((r) => [r.value, r.framing])).toEqual([['home-only', 'rumour']]);
    // Refuted, the rumour leaves no record; only the correction is read.
    expect(read('都说到外地看病医保不给报，这是老黄历了，现在备案后就能直接结算。', 'cross-region.filing').map((r) => r.value)).toEqual(['settles']);
  });
});

describe('paying first and claiming at home (异地就医)', () => {
  const CROSS = 'cross-region.filing';
  // A record's value is what the clause asserts once negation is applied (不能当场结算 → home-only).
  const values = (text: string) => read(text, CROSS).map((r) => r.value);
  it.each([
    ['在外省住院，医保卡跟没带一样，钱全得自己先垫上。'],
    ['跨省住院的费用一律不能当场结算，都得回原籍报销。'],
    ['跨省住院花了两三万，医保一分没直接结，全部得自己先垫。'],
  ])('%s contradicts direct settlement', (text) => {
    expect(values(text)).toContain('home-only');
    expect(values(text)).not.toContain('settles');
  });

  it('要是在外地住院，… is the claim’s own situation (covers), not a condition', () => {
    const records = read('要是在外地住院，那就只能先把钱垫上，回来再拿发票去报。', CROSS);
    expect(records.map((r) => r.value)).toContain('home-only');
    expect(records.flatMap((r) => r.conditions ?? []).map((c) => c.kind)).not.toContain('condition');
  });

  it('what is left to pay after reimbursement, or not having to pay first, is not home-only', () => {
    expect(values('备案以后在外地住院，只需要付自己那部分，不用全额垫付。')).not.toContain('home-only');
  });
});

describe('rough quantities', () => {
  const q = (text: string) => findQuantities(text).map((x) => [x.kind, x.value, x.max, x.unit, x.bound]);
  it.each([
    // 多 after a number reaches to the next step of its last place.
    ['要等一个多月', [['duration', 1, 2, 'month', 'about']]],
    ['二十多天才生效', [['duration', 20, 30, 'day', 'about']]],
    ['每年交三百多元', [['amount', 300, 400, 'yuan', 'about']]],
    ['交了十多年', [['duration', 10, 20, 'year', 'about']]],
    // Two neighbouring digits are an estimate between them.
    ['也就多两三百块', [['amount', 200, 300, 'yuan', 'about']]],
    ['得等三四个月', [['duration', 3, 4, 'month', 'about']]],
    ['一两个月就办好', [['duration', 1, 2, 'month', 'about']]],
    // 来 is "about".
    ['十来天', [['duration', 10, undefined, 'day', 'about']]],
  ])('%s', (text, expected) => {
    expect(q(text)).toEqual(expected);
  });

  it('digits that are not neighbours, and plain figures, stay as they were', () => {
    expect(q('3个月')).toEqual([['duration', 3, undefined, 'month', 'exact']]);
    expect(q('两五百块')).toEqual([]);
  });
});

describe('critical-illness insurance: situations the claim covers, its folk name, short answers', () => {
  const CI = 'critical-illness.coverage';
  it('没单独买大病保险，…享受不到 asserts a separate purchase; the not-buying is no condition on it', () => {
    const records = read('要是没单独买大病保险，居民医保参保人得了重病就享受不到二次报销。', CI);
    expect(records.map((r) => r.value)).toContain('separate-purchase');
    expect(records.flatMap((r) => r.conditions ?? []).map((c) => c.kind)).not.toContain('condition');
  });

  it('not having bought anything, and still being covered, is no separate purchase', () => {
    expect(read('就算没单独买过什么大病保险，交了居民医保的人一样能享受大病保险报销。', CI).map((r) => r.value)).not.toContain('separate-purchase');
  });

  it('二次报销 names the resident critical-illness insurance', () => {
    expect(read('居民医保的二次报销要自己另外花钱投保才有。', CI).map((r) => r.value)).toEqual(['separate-purchase']);
  });

  it('a short answer ending in 的 (要的，) is an answer, not a condition clause', () => {
    const records = read('城乡居民大病保险要自己再买吗？要的，每年单独缴一次。', CI);
    expect(records.map((r) => r.value)).toContain('separate-purchase');
    expect(records.flatMap((r) => r.conditions ?? []).map((c) => c.text)).not.toContain('要的');
  });

  it('大额费用 (high bills) is the claim’s matter; 职工大额医疗费用补助 is another scheme', () => {
    expect(read('居民大病保险对报销后剩下的合规大额费用只赔三成。', CI).map((r) => r.value)).toEqual(['below-half']);
    expect(read('大病保险之外，职工大额医疗费用补助只报三成。', CI)).toEqual([]);
  });
});

describe('conditions that only name the claim’s own situation (covers)', () => {
  const unconditioned = (text: string, claim: string) => {
    const records = read(text, claim);
    return { values: records.map((r) => r.value), conditions: records.flatMap((r) => r.conditions ?? []).filter((c) => c.kind === 'condition') };
  };
  it('a retiree wanting care: 要是退了休还想用职工医保看病，…', () => {
    expect(unconditioned('要是退了休还想用职工医保看病，每个月就得自己往里续费。', 'contributions.retirement-no-contribution')).toEqual({ values: ['keeps-paying'], conditions: [] });
  });
  it('wanting the maternity benefit: 要是想领生育津贴，…', () => {
    const r = unconditioned('要是想领生育津贴，员工每月就得自己掏一份生育险的钱。', 'maternity.merged');
    expect(r.values).toContain('personal-pays');
    expect(r.conditions).toEqual([]);
  });
  it('needing care before enrolling: 如果家里老人突然要住院，…', () => {
    const r = unconditioned('如果家里老人突然要住院，现在去交城乡居民医保，明天就能报销。', 'resident-insurance.enrolment-period');
    expect(r.values).toContain('anytime-immediate');
    expect(r.conditions).toEqual([]);
  });
  it('the registry exception is still read through covers (退休时医保缴费还差两年，…)', () => {
    // 还差 is the exception short-of-years: paying on is legitimate there, so no record goes unexcepted.
    const records = read('要是退休时医保缴费还差两年，退休后就得接着交。', 'contributions.retirement-no-contribution');
    expect(records.filter((r) => !(r.conditions ?? []).some((c) => c.kind === 'exception'))).toEqual([]);
  });
});

describe('colloquial ways of paying and of "nothing changes"', () => {
  it.each([
    ['退了休医保也不是白享受的，还得月月往里贴钱。', 'contributions.retirement-no-contribution', 'keeps-paying'],
    ['老职工办了退休，基本医疗保险费还要接着从自己口袋里出。', 'contributions.retirement-no-contribution', 'keeps-paying'],
    ['居民医保连着交多少年都是一个样，大病额度一分钱也不会多给。', 'resident-insurance.continuous-incentive', 'no-incentive'],
    ['城乡居民医疗保险一年没报销，第二年的大病封顶线也还是原来那么多。', 'resident-insurance.continuous-incentive', 'no-incentive'],
    ['城乡居民连续参保奖励可以一直累加，大病保险限额提高没有上限。', 'resident-insurance.continuous-incentive', 'no-cap'],
    ['两险合并就是把生育保险砍掉了，以后生娃没有任何补贴。', 'maternity.merged', 'abolished'],
    ['居民医保就是随交随用的，哪天交哪天生效。', 'resident-insurance.enrolment-period', 'anytime-immediate'],
  ])('%s → %s', (text, claim, value) => {
    expect(read(text, claim).map((r) => r.value)).toContain(value);
  });

  it('the working years before retirement are not retirement', () => {
    expect(read('我舅舅退休前最后一个月，医保还是单位按月代扣的。', 'contributions.retirement-no-contribution')).toEqual([]);
  });

  it('a step below 1000元 phrased with 涨', () => {
    expect(read('零报销的居民第二年大病保险额度只涨六百元。', 'resident-insurance.continuous-incentive').map((r) => r.value)).toEqual(['small-step']);
  });
});

describe('a clause ending in 的 that carries the value is a statement, not a condition', () => {
  it('人家不给办的，只能回老家交 asserts the refusal', () => {
    const records = read('跑滴滴的外地户口想在这边参保，人家不给办的，只能回老家交。', 'flexible-workers.enrolment');
    expect(records.map((r) => r.value)).toContain('hukou-only');
    expect(records.flatMap((r) => r.conditions ?? []).map((c) => c.text)).not.toContain('人家不给办的');
  });
  it('a 的-clause naming who (没交医保的，) is still a condition', () => {
    const records = read('没按时参保的，居民医保固定等待期是六个月。', 'resident-insurance.waiting-period');
    // 没按时参保 is the claim's own situation (covers), so this one is no condition either, and the value is read.
    expect(records.map((r) => r.value)).toContain('longer-fixed');
    expect(read('在外地打工又没有居住证的，居民医保固定等待期是六个月。', 'resident-insurance.waiting-period').flatMap((r) => r.conditions ?? []).map((c) => c.kind)).toContain('condition');
  });
});

describe('subject and value synonyms on the resident claims', () => {
  it.each([
    ['宝宝落地就参了居民医保，出生住院那几千块还是报不了。', 'resident-insurance.newborn', 'waiting'],
    ['居民医保卡里每年也会返点钱，攒着去药店买药。', 'resident-insurance.no-personal-account', 'has-account'],
    ['居民医保断了再交，得干等大半年才能报销。', 'resident-insurance.waiting-period', 'longer-fixed'],
    ['送外卖的外地小伙想在城里交医保，社保窗口只认本地户口。', 'flexible-workers.enrolment', 'hukou-only'],
  ])('%s → %s', (text, claim, value) => {
    expect(read(text, claim).map((r) => r.value)).toContain(value);
  });
  it('an answered question about the first days after birth', () => {
    const values = read('刚出生的娃及时交了居民医保，出生那几天的医药费能报销吗？不能，得过了等待期才行。', 'resident-insurance.newborn').map((r) => r.value);
    expect(values).toContain('waiting');
    expect(values).not.toContain('from-birth');
  });
});

describe('second round of phrasings', () => {
  it.each([
    ['人在外省，医保卡在那边就是刷不上，只能现金结账。', 'cross-region.filing', 'home-only'],
    ['在外地住院的医保报销，非得本人回参保地窗口办不可。', 'cross-region.filing', 'home-only'],
    ['跨省就医的费用统统要自己先付，医保那部分事后再返。', 'cross-region.filing', 'home-only'],
    ['自由职业者要在城里交医保，必须先把户口迁过来。', 'flexible-workers.enrolment', 'hukou-only'],
    ['居民医保个账里的钱可以在药店买药。', 'resident-insurance.no-personal-account', 'has-account'],
    ['居民医保断一年，变动等待期就加两个月。', 'resident-insurance.waiting-period', 'step'],
  ])('%s → %s', (text, claim, value) => {
    expect(read(text, claim).map((r) => r.value)).toContain(value);
  });

  it('不是本地人 names who, it does not negate the value after it', () => {
    const records = read('灵活就业参保要看户口，不是本地人一律办不了。', 'flexible-workers.enrolment');
    expect(records.map((r) => [r.value, r.polarity])).toContainEqual(['hukou-only', 'affirmed']);
  });

  it('no reward on the ceiling, said with 上限 and 照旧', () => {
    expect(read('一年没用医保，第二年大病保险报销上限照旧，不会因此增加。', 'resident-insurance.continuous-incentive').map((r) => r.value)).toContain('no-incentive');
  });
});

describe('answers in everyday words', () => {
  it.each([
    ['居民医保有个人账户吗？肯定有啊，每年都返钱。', 'resident-insurance.no-personal-account', 'has-account'],
    ['大病保险要另外买吗？必须的，一年一百多。', 'critical-illness.coverage', 'separate-purchase'],
    ['居民医保随时交随时能用吗？可以的，交了就生效。', 'resident-insurance.enrolment-period', 'anytime-immediate'],
  ])('%s → %s', (text, claim, value) => {
    expect(read(text, claim).map((r) => r.value)).toContain(value);
  });

  it('不行的， is an answer, not a condition on what follows', () => {
    const records = read('新生儿参保后马上能报吗？不行的，要等三个月。', 'resident-insurance.newborn');
    expect(records.map((r) => r.value)).toContain('waiting');
    expect(records.flatMap((r) => r.conditions ?? []).map((c) => c.text)).not.toContain('不行的');
  });

  it('啥也没有 answers no: the question’s value turns into its opposite', async () => {
    const rs = recordsOfPage('居民医保连续参保有没有奖励？啥也没有。').filter((r) => r.claimId === 'resident-insurance.continuous-incentive');
    expect(rs.map((r) => [r.value, r.framing])).toContainEqual(['no-incentive', 'answered']);
  });

  it('a yes/no question nobody answers still asserts nothing', () => {
    expect(read('连续参保有没有奖励？', 'resident-insurance.continuous-incentive').filter((r) => r.framing !== 'question')).toEqual([]);
  });
});

describe('third round: synonyms, word order and estimates', () => {
  it.each([
    ['职工退下来以后，医保费照样月月扣。', 'contributions.retirement-no-contribution', 'keeps-paying'],
    ['退休老人的职工医保费，每年还得自己掏一千多。', 'contributions.retirement-no-contribution', 'keeps-paying'],
    ['女员工休产假拿的生育津贴，两险合并后就领不到了。', 'maternity.merged', 'abolished'],
    ['生育保险的费用是职工个人承担的。', 'maternity.merged', 'personal-pays'],
    ['大病保险的报销比例一般就百分之三四十。', 'critical-illness.coverage', 'below-half'],
    ['城乡居民医保交了费以后当天就有效。', 'resident-insurance.enrolment-period', 'anytime-immediate'],
    ['宝宝生下来马上办了医保，也得一个多月后才能报销。', 'resident-insurance.newborn', 'waiting'],
    ['居民医保断缴后再交，等待期固定是半年。', 'resident-insurance.waiting-period', 'longer-fixed'],
  ])('%s → %s', (text, claim, value) => {
    expect(read(text, claim).map((r) => r.value)).toContain(value);
  });

  it('a co-payment borne by a retiree is not a contribution', () => {
    expect(read('退休后医疗费还要个人承担一部分。', 'contributions.retirement-no-contribution').map((r) => r.value)).not.toContain('keeps-paying');
  });

  it('百分之三四十 is an estimate from 30% to 40%', () => {
    expect(findQuantities('百分之三四十').map((x) => [x.kind, x.value, x.max, x.bound])).toEqual([['percent', 30, 40, 'about']]);
  });
});

describe('condition-first sentences whose condition is the claim’s own situation', () => {
  it('要是在职职工去门诊看病，… (outpatient covers an employee seeing a doctor)', () => {
    const records = read('要是在职职工去门诊看病，统筹基金就不给报，只能刷卡。', 'outpatient.pooling');
    expect(records.map((r) => r.value)).toContain('account-only');
    expect(records.flatMap((r) => r.conditions ?? []).map((c) => c.kind)).not.toContain('condition');
  });
  it('a newborn called 刚生的孩子, waiting 满月以后', () => {
    expect(read('刚生的孩子办了居民医保，得满月以后才能报销。', 'resident-insurance.newborn').map((r) => r.value)).toContain('waiting');
  });
});

describe('"it does not work" in everyday words (the no-use concept)', () => {
  it.each([
    ['出了省医保就歇菜了，看病全是自己的钱。', 'cross-region.filing', 'home-only'],
    ['在外地看病医保不认账，只能回去报。', 'cross-region.filing', 'home-only'],
    ['新生儿医保刚办下来不顶用，得过一阵子才能报。', 'resident-insurance.newborn', 'waiting'],
    ['连续交十年居民医保也是白搭，大病额度纹丝不动。', 'resident-insurance.continuous-incentive', 'no-incentive'],
    ['生育险早就作古了，现在生孩子啥补贴都没有。', 'maternity.merged', 'abolished'],
  ])('%s → %s', (text, claim, value) => {
    expect(read(text, claim).map((r) => r.value)).toContain(value);
  });
  it('denied, it supports: 医保卡照样好使 / 不是随买随用的', () => {
    expect(read('备案以后在外地看病，医保卡照样好使。', 'cross-region.filing').map((r) => r.value)).not.toContain('home-only');
    expect(read('居民医保不是随买随用的，要在集中期交。', 'resident-insurance.enrolment-period').map((r) => r.value)).not.toContain('anytime-immediate');
  });
});

describe('a frame denied between its anchor and a part after it', () => {
  // The personal-pays frame is anchored on 生育保险 and needs a payer and a pay word after it.
  it.each([
    '生育保险个人不缴费。',
    '生育险员工自己不用交钱。',
    '生育保险职工个人无需承担。',
  ])('%s is not read as “the employee pays”', (text) => {
    expect(read(text, 'maternity.merged').map((r) => r.value)).not.toContain('personal-pays');
  });

  it('without the negator the same frame is read', () => {
    expect(read('生育保险的钱职工个人也要承担。', 'maternity.merged').map((r) => r.value)).toContain('personal-pays');
  });
});
