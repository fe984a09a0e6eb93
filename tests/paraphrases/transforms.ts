// Section 2 of the measuring stick.
//
// `transforms`: rewrites that must NOT change the verdict. They are applied to
// the plain contradicting sentences and to the supporting sentences that state
// the rule (forms listed in scripts/paraphrases.ts TRANSFORM_BASE_FORMS); a
// variant is invariant when the tool judges it as it judged its base.
//
// `directional`: hand-written pairs where adding or removing 不会/不能 (or 不)
// flips a contradicting sentence into a supporting one or back; a pair passes
// when both sides are judged by their labels.

export interface Transform {
  readonly name: string;
  /** Variants of a sentence (none when the transform does not apply). */
  readonly apply: (text: string) => string[];
}

const CITY = /^在(南昌|邯郸)，/;
const THREE = /(?<![0-9０-９.])3个月/g;
const THREE_CN = /(?<![十0-9])三个月/g;

export const transforms: readonly Transform[] = [
  {
    // a leading 在南昌， ↔ 在邯郸， (added when the sentence has no leading place)
    name: 'city',
    apply: (t) => {
      const m = CITY.exec(t);
      if (m) return [t.replace(CITY, m[1] === '南昌' ? '在邯郸，' : '在南昌，')];
      if (/^在/.test(t)) return [];
      return [`在南昌，${t}`, `在邯郸，${t}`];
    },
  },
  {
    // 3个月 → 三个月 / 90天; 三个月 → 3个月
    name: 'numerals',
    apply: (t) => {
      const out: string[] = [];
      if (THREE.test(t)) out.push(t.replace(THREE, '三个月'), t.replace(THREE, '90天'));
      THREE.lastIndex = 0;
      if (THREE_CN.test(t)) out.push(t.replace(THREE_CN, '3个月'));
      THREE_CN.lastIndex = 0;
      return out;
    },
  },
  { name: 'filler', apply: (t) => [`据了解，${t}`, `需要注意的是，${t}`] },
  { name: 'list-marker', apply: (t) => [`1. ${t}`, `（一）${t}`] },
  { name: 'source-tag', apply: (t) => [`${t}（来源：某市医保局）`] },
];

export interface DirectionalPair {
  readonly claim: string;
  /** the label of `base`; `flipped` carries the other one */
  readonly baseKind: 'contradicts' | 'supports';
  readonly base: string;
  readonly flipped: string;
}

const pair = (claim: string, baseKind: DirectionalPair['baseKind'], base: string, flipped: string): DirectionalPair => ({
  claim,
  baseKind,
  base,
  flipped,
});

export const directional: readonly DirectionalPair[] = [
  pair('personal-account.balance-after-lapse', 'contradicts', '医保停缴以后，个人账户里的余额会清零。', '医保停缴以后，个人账户里的余额不会清零。'),
  pair('personal-account.balance-after-lapse', 'supports', '辞职断缴后，医保账户里剩下的钱不会作废。', '辞职断缴后，医保账户里剩下的钱会作废。'),
  pair('personal-account.no-cash-withdrawal', 'contradicts', '离职以后，医保个人账户的钱可以直接提现。', '离职以后，医保个人账户的钱不能直接提现。'),
  pair('personal-account.no-cash-withdrawal', 'supports', '职工医保个人账户的余额不能取出来当零花钱。', '职工医保个人账户的余额能取出来当零花钱。'),
  pair('personal-account.inheritance', 'contradicts', '参保人去世后，个人账户余额不能由家属继承。', '参保人去世后，个人账户余额能由家属继承。'),
  pair('personal-account.inheritance', 'supports', '老人过世后，医保账户里的钱不会被收回。', '老人过世后，医保账户里的钱会被收回。'),
  pair('personal-account.employer-share', 'supports', '现在单位交的医保费不会划入职工个人账户。', '现在单位交的医保费会划入职工个人账户。'),
  pair('personal-account.employer-share', 'contradicts', '公司缴的那部分医保费会按比例返到员工个人账户。', '公司缴的那部分医保费不会按比例返到员工个人账户。'),
  pair('personal-account.family-sharing', 'contradicts', '职工医保个人账户不能给兄弟姐妹用。', '职工医保个人账户能给兄弟姐妹用。'),
  pair('personal-account.family-sharing', 'contradicts', '个人账户的钱不能给爷爷奶奶看病买药。', '个人账户的钱能给爷爷奶奶看病买药。'),
  pair('transfer.contribution-years', 'contradicts', '跨省换工作后，之前交的医保年限不能累计计算。', '跨省换工作后，之前交的医保年限能累计计算。'),
  pair('transfer.contribution-years', 'contradicts', '医保关系转到外地后，原来的缴费年限会清零。', '医保关系转到外地后，原来的缴费年限不会清零。'),
  pair('transfer.account-balance', 'contradicts', '跨省转移医保关系时，个人账户余额不能一起转过去。', '跨省转移医保关系时，个人账户余额能一起转过去。'),
  pair('transfer.account-balance', 'contradicts', '换城市工作后，个人账户里的钱不会跟着医保关系转走。', '换城市工作后，个人账户里的钱会跟着医保关系转走。'),
  pair('transfer.retiree', 'contradicts', '办完退休手续后，医保关系能转到子女所在的城市。', '办完退休手续后，医保关系不能转到子女所在的城市。'),
  pair('transfer.retiree', 'supports', '已经退休的人，医保关系不能随人迁到外省。', '已经退休的人，医保关系能随人迁到外省。'),
  pair('lapse.backpay-within-3-months', 'contradicts', '中断缴费3个月以内的，补缴后不能追溯享受中断期间的待遇。', '中断缴费3个月以内的，补缴后能追溯享受中断期间的待遇。'),
  pair('lapse.backpay-within-3-months', 'supports', '停缴没超过三个月的，补缴当月就能报销。', '停缴没超过三个月的，补缴当月不能报销。'),
  pair('lapse.waiting-period', 'supports', '职工医保断缴超过3个月的，待遇等待期不会超过6个月。', '职工医保断缴超过3个月的，待遇等待期会超过6个月。'),
  pair('lapse.waiting-period', 'supports', '统筹地区给断缴3个月以上的职工设置的等待期不能超过6个月。', '统筹地区给断缴3个月以上的职工设置的等待期能超过6个月。'),
  pair('resident-insurance.no-personal-account', 'supports', '居民医保交的钱不会划入个人账户。', '居民医保交的钱会划入个人账户。'),
  pair('resident-insurance.no-personal-account', 'supports', '参加城乡居民医保的人不会有个人账户。', '参加城乡居民医保的人会有个人账户。'),
  pair('resident-insurance.waiting-period', 'supports', '居民医保断保后再参保，固定等待期不会超过3个月。', '居民医保断保后再参保，固定等待期会超过3个月。'),
  pair('resident-insurance.waiting-period', 'supports', '2025年起错过居民医保集中参保期再参保的，参保后不能马上报销。', '2025年起错过居民医保集中参保期再参保的，参保后能马上报销。'),
  pair('contributions.late-fee', 'supports', '个人断缴后补缴医保，不会被加收滞纳金。', '个人断缴后补缴医保，会被加收滞纳金。'),
  pair('contributions.late-fee', 'supports', '灵活就业人员晚交医保费不需要交滞纳金。', '灵活就业人员晚交医保费需要交滞纳金。'),
  pair('contributions.unemployment-benefit', 'contradicts', '领失业保险金期间，医保费不会从失业保险基金里出。', '领失业保险金期间，医保费会从失业保险基金里出。'),
  pair('contributions.unemployment-benefit', 'supports', '领取失业保险金的这段时间，个人不需要缴医保费。', '领取失业保险金的这段时间，个人需要缴医保费。'),
  pair('contributions.years-required', 'supports', '退休后不再交医保所需的缴费年限，全国不是统一的15年。', '退休后不再交医保所需的缴费年限，全国是统一的15年。'),
  pair('contributions.years-required', 'supports', '医保交满15年，退休后不一定就不用再交了。', '医保交满15年，退休后一定就不用再交了。'),
];
