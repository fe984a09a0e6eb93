import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { parseArticle, loadPageStructure } from '../../src/parse/index.js';
import { loadCues } from '../../src/extract/cues.js';
import { findQuantities } from '../../src/extract/quantity.js';
import { defaultFactServices, extractFacts } from '../../src/facts/sentence-facts.js';
import { parseAddress } from '../../src/facts/context.js';
import { compileFactKeys, loadFactKeys } from '../../src/facts/keys.js';
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { WordMatcher } from '../../src/text/word-matcher.js';
import { quantityValue, valuesClash, addressValue, gradeValue } from '../../src/facts/values.js';
import { findConflicts, type Observation } from '../../src/facts/aggregate.js';
import { factsClash, Interner, yearsAgree } from '../../src/facts/conflicts.js';
import { loadGazetteer } from '../../src/region/gazetteer.js';
import type { FactRecord } from '../../src/types.js';

const root = resolve(import.meta.dirname, '..', '..');
const services = defaultFactServices(loadCues());
const structure = loadPageStructure();

function facts(text: string, path = 'a.md'): FactRecord[] {
  const format = path.endsWith('.md') ? 'markdown' : 'text';
  const { article } = parseArticle({ path, text, encoding: 'utf-8', format }, structure);
  return extractFacts(article, services);
}

function md(body: string, front = 'title: 测试\ndate: 2025-01-01'): string {
  return `---\n${front}\n---\n\n${body}\n`;
}

/** key → value norms, for compact assertions. */
function summary(list: readonly FactRecord[]): string[] {
  return list.map((f) => `${f.key} = ${f.value.norm}${f.year !== undefined ? ` @${f.year}` : ''}`);
}

function q(text: string) {
  const found = findQuantities(text);
  expect(found).toHaveLength(1);
  return quantityValue(found[0]!);
}

describe('word matcher', () => {
  it('finds the longest word at each position without overlaps', () => {
    const t = new WordMatcher<string>([
      ['医疗保险', 'scheme'],
      ['职工基本医疗保险', 'scheme-long'],
      ['保险', 'short'],
    ]);
    const hits = t.scan('职工基本医疗保险和医疗保险、保险');
    expect(hits.map((h) => [h.text, h.start])).toEqual([
      ['职工基本医疗保险', 0],
      ['医疗保险', 9],
      ['保险', 14],
    ]);
    expect(t.occursIn('没有相关的词')).toBe(false);
  });

  it('keeps the first payload of a word added twice, and finds words in a range only when they end inside it', () => {
    const t = new WordMatcher<string>([
      ['保险', 'first'],
      ['保险', 'second'],
      ['医疗保险', 'long'],
    ]);
    expect(t.scan('保险').map((h) => h.payload)).toEqual(['first']);
    expect(t.longestAt('买医疗保险', 1)).toMatchObject({ text: '医疗保险', start: 1, end: 5, payload: 'long' });
    expect(t.longestAt('买医疗保险', 0)).toBeUndefined();
    // From 1 to 4: 医疗保险 (1–5) runs past the range, and the shorter 保险 at 3 ends at 5 too.
    expect(t.scan('买医疗保险', 1, 4)).toEqual([]);
    // From 3: 保险 (3–5) fits.
    expect(t.scan('买医疗保险', 3).map((h) => [h.text, h.start])).toEqual([['保险', 3]]);
    expect(t.occursIn('商业保险')).toBe(true);
  });

  it('reads words literally, regex characters included', () => {
    const t = new WordMatcher<number>([
      ['a.b', 1],
      ['(x)', 2],
    ]);
    expect(t.scan('axb (x) a.b').map((h) => [h.text, h.payload])).toEqual([
      ['(x)', 2],
      ['a.b', 1],
    ]);
    expect(new WordMatcher<number>([]).scan('任何文字')).toEqual([]);
  });
});

describe('key normalisation', () => {
  it('reads 元/月, 元每月 and full-width digits as one value', () => {
    expect(q('3176元/月').norm).toBe(q('3176元每月').norm);
    expect(q('３１７６元/月').norm).toBe(q('3176元/月').norm);
    expect(q('2千元').norm).toBe(q('2000元').norm);
  });

  it('gives synonyms of an attribute, full-width colons and both spellings of a city one key', () => {
    const a = facts(md('南昌市2024年职工基本养老保险缴费基数下限：3176元/月。'));
    const b = facts(md('2024年南昌养老保险最低缴费基数为3176元每月。'));
    const c = facts(md('2024年南昌养老保险最低缴费基数:3176元/月。'));
    expect(a).toHaveLength(1);
    expect(a[0]!.key).toBe('place:360100|contribution-base-min|scheme=pension||amount');
    expect(summary(b)).toEqual(summary(a));
    expect(summary(c)).toEqual(summary(a));
    expect(a[0]!.form).toBe('key-value');
    expect(b[0]!.form).toBe('sentence');
  });

  it('maps qualifier synonyms to one value (用人单位 = 单位, 退休人员 = 退休)', () => {
    const a = facts(md('佛山职工医保用人单位缴费比例为6.5%，退休人员门诊起付标准为100元。'));
    const b = facts(md('佛山职工医保单位缴费比例为6.5%，退休门诊起付标准为100元。'));
    expect(summary(a)).toEqual(summary(b));
    expect(a.map((f) => f.qualifiers)).toEqual([
      ['scheme=employee-medical', 'role=employer'],
      ['scheme=employee-medical', 'status=retired', 'setting=outpatient'],
    ]);
  });

  it('names a hospital the same with or without 市, and an address without its city', () => {
    const a = facts(md('邯郸市中心医院是三级甲等综合医院，地址：邯郸市中华南大街15号。'));
    const b = facts(md('邯郸中心医院是三甲医院，地址：中华南大街15号。'));
    expect(summary(a)).toEqual(['org:130400/中心医院|grade|||grade = 三甲', 'org:130400/中心医院|address|||address = 中华南大街#15']);
    expect(summary(b)).toEqual(summary(a));
  });

  it('reduces addresses to road and number', () => {
    const g = loadGazetteer();
    const keys = loadFactKeys();
    expect(parseAddress(g, keys, '河北省邯郸市丛台区中华南大街15号')).toEqual([{ road: '中华南大街', number: '15' }]);
    expect(parseAddress(g, keys, '贸易路100号(南门)、陵西南大街46号(西门)')).toEqual([
      { road: '贸易路', number: '100' },
      { road: '陵西南大街', number: '46' },
    ]);
    expect(parseAddress(g, keys, '佛山市禅城区岭南大道北81号')).toEqual([{ road: '岭南大道北', number: '81' }]);
    expect(parseAddress(g, keys, '市中心人民广场附近')).toEqual([]);
  });

  it('keeps the condition written after a qualifier (退休人员(70周岁以下))', () => {
    const list = facts(md('丽江职工医保退休人员(70周岁以下) 门诊:1300元起付，报销比例70%。'));
    expect(summary(list)).toEqual([
      'place:530700|deductible|scheme=employee-medical,status=retired,setting=outpatient|70周岁以下|amount = amount:1300:yuan:exact',
      'place:530700|reimbursement-rate|scheme=employee-medical,status=retired,setting=outpatient|70周岁以下|percent = percent:70:percent:exact',
    ]);
  });
});

describe('reading values', () => {
  it('reads a "key：value" list, giving each item its own labels and sharing joined ones', () => {
    const list = facts(md('南昌2024年缴费比例如下: 养老保险 :单位16%,个人8% 失业保险 :单位和个人各0.5%'));
    expect(list.map((f) => `${f.qualifiers.join(',')} ${f.value.text}`)).toEqual([
      'scheme=pension,role=employer 16%',
      'scheme=pension,role=individual 8%',
      'scheme=unemployment,role=employer 0.5%',
      'scheme=unemployment,role=individual 0.5%',
    ]);
  });

  it('resumes a list after a short aside at the next "scheme：value" item', () => {
    const list = facts(md('南昌缴纳比例如下: 生育保险 :单位0.8%,个人不用缴费 工伤保险 :单位0.4%'));
    expect(list.map((f) => `${f.qualifiers.join(',')} ${f.value.text}`)).toEqual(['scheme=maternity,role=employer 0.8%', 'scheme=work-injury,role=employer 0.4%']);
  });

  it('takes the new value of a change and never the old one', () => {
    const list = facts(md('自2023年1月起，洛阳职工医保单位缴费费率由7.5%降至6.5%。'));
    expect(summary(list)).toEqual(['place:410300|contribution-rate|scheme=employee-medical,role=employer||percent = percent:6.5:percent:exact @2023']);
  });

  it('reads nothing from a change by an amount, an ordered list, a question or a rumour', () => {
    expect(facts(md('2023年洛阳职工医保缴费比例曾降低1%。'))).toEqual([]);
    expect(facts(md('南昌养老保险单位和个人缴费比例分别为16%和8%。'))).toEqual([]);
    expect(facts(md('佛山职工医保普通门诊起付标准是200元吗？'))).toEqual([]);
    expect(facts(md('网上流传佛山职工医保普通门诊起付标准为500元。'))).toEqual([]);
  });

  it('does not take a number that runs on into other words (3万元内职工自付…)', () => {
    expect(facts(md('丽江职工医保住院起付标准3万元内职工自付15%。'))).toEqual([]);
  });

  it('needs the qualifiers an attribute requires and a place', () => {
    // 起付标准 needs a scheme and a setting; 缴费比例 needs a scheme; every place attribute needs a place.
    expect(facts(md('佛山普通门诊起付标准为200元。'))).toEqual([]);
    expect(facts(md('职工医保单位缴费比例为6%。'))).toEqual([]);
    expect(facts(md('佛山单位缴费比例为6%。'))).toEqual([]);
  });

  it('carries place, year, scheme and status from the title and heading', () => {
    const text = md('## 退休人员\n\n门诊起付标准为100元。', 'title: 2025年佛山职工医保门诊待遇\ndate: 2025-02-01');
    expect(summary(facts(text))).toEqual([
      'place:440600|deductible|scheme=employee-medical,status=retired,setting=outpatient||amount = amount:100:yuan:exact @2025',
    ]);
  });

  it('marks 约/左右 and hedge words as hedged', () => {
    const [a] = facts(md('佛山职工医保门诊起付标准约为200元。'));
    const [b] = facts(md('佛山职工医保门诊起付标准一般为200元。'));
    const [c] = facts(md('佛山职工医保门诊起付标准为200元。'));
    expect([a!.hedged, b!.hedged, c!.hedged]).toEqual([true, true, false]);
  });

  it('does not take a grade that is a threshold or denied', () => {
    expect(facts(md('建议到邯郸市中心医院等三甲及以上医院就诊。'))).toEqual([]);
    expect(facts(md('邯郸市第二医院并非三甲医院。'))).toEqual([]);
  });

  it('does not read 两家均为三甲医院 as a hospital name, and gives the grade to the hospital named before it', () => {
    const list = facts(md('推荐滁州市第一人民医院,两家均为三甲医院。'));
    expect(list.map((f) => `${f.entity} ${f.value.norm}`)).toEqual(['滁州市第一人民医院 三甲']);
  });

  it('gives an address line to the hospital named in the sentence before it', () => {
    const list = facts('邯郸市中心医院 简介 :邯郸市中心医院是一所大型综合医院。\n地址 :邯郸市中华南大街15号。\n', 'page.txt');
    expect(summary(list)).toEqual(['org:130400/中心医院|address|||address = 中华南大街#15']);
  });
});

describe('when values clash', () => {
  it('two different exact figures clash; the same figure in two spellings does not', () => {
    expect(valuesClash(q('3000元'), q('5000元'))).toBe(true);
    expect(valuesClash(q('3000元'), q('3,000元'))).toBe(false);
    expect(valuesClash(q('3176元'), q('3176元/月'))).toBe(false);
  });

  it('a range that contains the other value is not a clash; one that does not is', () => {
    expect(valuesClash(q('50%-70%'), q('60%'))).toBe(false);
    expect(valuesClash(q('50%-70%'), q('80%'))).toBe(true);
  });

  it('a bound the other value satisfies is not a clash', () => {
    expect(valuesClash(q('不超过3000元'), q('2000元'))).toBe(false);
    expect(valuesClash(q('不超过3000元'), q('5000元'))).toBe(true);
    expect(valuesClash(q('3000元以上'), q('5000元'))).toBe(false);
  });

  it('an approximation within 10% is not a clash', () => {
    expect(valuesClash(q('约3000元'), q('3200元'))).toBe(false);
    expect(valuesClash(q('3000元左右'), q('5000元'))).toBe(true);
  });

  it('amounts per different periods, and durations in different units, are not compared', () => {
    expect(valuesClash(q('600元/年'), q('50元/月'))).toBe(false);
    expect(valuesClash(q('3个月'), q('90天'))).toBe(false);
    expect(valuesClash(q('1年'), q('12个月'))).toBe(false);
    expect(valuesClash(q('1年'), q('6个月'))).toBe(true);
  });

  it('grades: 三甲 and 三乙 clash, 三级 and 三甲 do not', () => {
    expect(valuesClash(gradeValue('三甲', '三甲'), gradeValue('三乙', '三级乙等'))).toBe(true);
    expect(valuesClash(gradeValue('三甲', '三甲'), gradeValue('三级', '三级综合医院'))).toBe(false);
  });

  it('addresses: the same road with another number clashes, another road does not (hospitals have several sites)', () => {
    const a = addressValue([{ road: '中华南大街', number: '15' }], '中华南大街15号');
    const b = addressValue([{ road: '中华南大街', number: '20' }], '中华南大街20号');
    const c = addressValue([{ road: '光明南大街', number: '59' }], '光明南大街59号');
    const d = addressValue(
      [
        { road: '中华南大街', number: '20' },
        { road: '光明南大街', number: '59' },
      ],
      '…',
    );
    expect(valuesClash(a, b)).toBe(true);
    expect(valuesClash(a, c)).toBe(false);
    expect(valuesClash(b, d)).toBe(false);
  });

  it('bucket ids read as value@year(@region), one string per distinct combination', () => {
    const two = new Interner(2);
    expect(two.of('amount:3176', 2024)).toBe('amount:3176@2024');
    expect(two.of('amount:3176', undefined)).toBe('amount:3176@');
    const three = new Interner(3);
    expect(three.of('yes', undefined, '360100')).toBe('yes@@360100');
    expect(three.of('yes', 2025, undefined)).toBe('yes@2025@');
    // 2024 and '2024' write the same id.
    expect(two.of('x', '2024')).toBe(two.of('x', 2024));
  });

  it('different years never clash; a missing year agrees with any', () => {
    expect(yearsAgree(2024, 2025)).toBe(false);
    expect(yearsAgree(2024, undefined)).toBe(true);
    expect(yearsAgree(2024, 2024)).toBe(true);
  });
});

describe('aggregation', () => {
  interface Obs extends Observation {
    readonly value: string;
  }
  const obs = (file: string, value: string, sentence = 0, key = 'k'): Obs => ({ file, key, bucket: value, sentence, value });
  const differ = (a: Obs, b: Obs) => a.value !== b.value;

  it('reports each file once per key, with the other side as related', () => {
    const sides = findConflicts([obs('a', '3000'), obs('a', '3000', 10), obs('b', '5000'), obs('c', '3000')], differ);
    expect(sides.map((s) => [s.file, s.at.value, s.against.map((x) => `${x.file}:${x.value}`), s.total])).toEqual([
      ['a', '3000', ['b:5000'], 1],
      ['b', '5000', ['a:3000', 'a:3000', 'c:3000'], 3],
      ['c', '3000', ['b:5000'], 1],
    ]);
  });

  it('caps the related list and counts the rest', () => {
    const many = [obs('x', 'A'), ...Array.from({ length: 20 }, (_, i) => obs(`f${String(i).padStart(2, '0')}`, 'B'))];
    const [x] = findConflicts(many, differ, 3);
    expect(x!.file).toBe('x');
    expect(x!.against.map((o) => o.file)).toEqual(['f00', 'f01', 'f02']);
    expect(x!.total).toBe(20);
    expect(x!.otherFiles).toBe(20);
  });

  it('reports a file that contradicts itself once, listing its own other line first', () => {
    const sides = findConflicts([obs('a', 'kept', 5), obs('b', 'kept'), obs('a', 'cleared', 40)], differ);
    const a = sides.find((s) => s.file === 'a')!;
    expect(sides.filter((s) => s.file === 'a')).toHaveLength(1);
    expect(a.at.sentence).toBe(5);
    expect(a.against.map((o) => `${o.file}@${o.sentence}`)).toEqual(['a@40']);
    expect(a.inFile).toBe(1);
  });

  it('never sets two readings of one sentence against each other', () => {
    expect(findConflicts([obs('a', '1', 7), obs('a', '2', 7)], differ)).toEqual([]);
  });

  it('counts other files exactly, and a value example outside the sentence itself', () => {
    // File a says 1 and 2 in one sentence (7) and 2 again later (9); b and c say 2.
    const sides = findConflicts([obs('a', '1', 7), obs('a', '2', 7), obs('a', '2', 9), obs('b', '2'), obs('c', '2')], differ);
    const a = sides.find((s) => s.file === 'a')!;
    expect(a.at.sentence).toBe(7);
    expect(a.total).toBe(3);
    expect(a.inFile).toBe(1);
    expect(a.otherFiles).toBe(2);
    expect(a.values.map((v) => [v.example.file, v.example.sentence, v.count])).toEqual([['a', 9, 3]]);
    expect(a.against.map((o) => `${o.file}@${o.sentence}`)).toEqual(['a@9', 'b@0', 'c@0']);
  });

  it('past 512 files, sums files per value (a file holding two conflicting values counts twice)', () => {
    const many: Obs[] = [obs('x', 'A')];
    for (let i = 0; i < 300; i++) many.push(obs(`f${i}`, 'B'), obs(`f${i}`, 'C', 5));
    const differs = (p: Obs, r: Obs) => p.value === 'A' || r.value === 'A';
    const x = findConflicts(many, differs).find((s) => s.file === 'x')!;
    expect(x.total).toBe(600);
    expect(x.otherFiles).toBe(600);
    expect(x.values.map((v) => v.example.value)).toEqual(['B', 'C']);
    // Under the limit the same shape is counted exactly.
    const few: Obs[] = [obs('x', 'A')];
    for (let i = 0; i < 100; i++) few.push(obs(`f${i}`, 'B'), obs(`f${i}`, 'C', 5));
    expect(findConflicts(few, differs).find((s) => s.file === 'x')!.otherFiles).toBe(100);
  });

  it('calls clash once per pair of values, however many observations hold them', () => {
    let calls = 0;
    const counting = (p: Obs, r: Obs) => {
      calls++;
      return p.value !== r.value;
    };
    const list = Array.from({ length: 50 }, (_, i) => obs(`f${i}`, ['1', '2', '3'][i % 3]!));
    findConflicts(list, counting);
    expect(calls).toBe(3);
  });

  it('puts the finding on the preferred observation of a file', () => {
    const sides = findConflicts([obs('a', 'good', 1), obs('a', 'bad', 9), obs('b', 'good')], differ, 3, (o) => o.value === 'bad');
    expect(sides.find((s) => s.file === 'a')!.at.sentence).toBe(9);
  });
});

describe('bundled fact keys', () => {
  it('load, and every required qualifier group exists', () => {
    const keys = loadFactKeys(resolve(root, 'data', 'fact-keys.yaml'));
    expect(keys.attributes.get('contribution-base-min')?.requires).toEqual(['scheme']);
    expect(keys.groups.get('status')?.labels.get('retired')).toBe('退休');
  });
});

describe('facts under a leading clause', () => {
  const md = (body: string) => `---\ntitle: 佛山门诊统筹\nregion: 广东省佛山市\n---\n\n${body}\n`;

  it('keeps a fact after a leading time or condition clause, with that clause as its lead', () => {
    const [reform] = facts(md('门诊共济改革后，佛山职工医保普通门诊统筹年度最高支付限额为5000元。'));
    expect(reform).toMatchObject({ attribute: 'annual-cap', lead: { kind: 'time', text: '门诊共济改革后' } });
    const [cond] = facts(md('在定点社区医院就诊的，佛山职工医保普通门诊统筹年度最高支付限额为4000元。'));
    expect(cond?.lead).toEqual({ kind: 'condition', text: '在定点社区医院就诊的' });
    // A leading clause that names a qualifier (退休人员) is read as the qualifier instead.
    const [retired] = facts(md('如果是退休人员，佛山职工医保普通门诊统筹年度最高支付限额为5000元。'));
    expect(retired?.qualifiers).toContain('status=retired');
    const [plain] = facts(md('佛山职工医保普通门诊统筹年度最高支付限额为3000元。'));
    expect(plain?.lead).toBeUndefined();
  });

  it('does not set a conditional figure against an unconditional one', () => {
    const obs = (f: FactRecord) => ({ file: f.file, key: 0, bucket: 0, sentence: 0, fact: f });
    const [cond] = facts(md('在定点社区医院就诊的，佛山职工医保普通门诊统筹年度最高支付限额为4000元。'));
    const [plain] = facts(md('佛山职工医保普通门诊统筹年度最高支付限额为3000元。'));
    const [other] = facts(md('佛山职工医保普通门诊统筹年度最高支付限额为5000元。'));
    expect(factsClash(obs(cond!), obs(plain!))).toBe(false);
    expect(factsClash(obs(other!), obs(plain!))).toBe(true);
  });
});

describe('national per-capita figures of 居民医保 (subject place-or-national)', () => {
  const page = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;
  const keyOf = (f: FactRecord | undefined) => f?.key;

  it('key a figure to the whole country when nothing names a place, and to the place when something does', () => {
    const [national] = facts(page('居民医保怎么交', '2026年度城乡居民医保个人缴费标准为每人每年420元。'));
    expect(national).toMatchObject({ attribute: 'per-capita-contribution', year: 2026, label: '全国 居民医保 个人缴费标准' });
    expect(keyOf(national)).toBe('national|per-capita-contribution|scheme=resident-medical||amount');
    expect(national?.place).toBeUndefined();
    // The same sentence on a page about one city is that city's figure.
    const [local] = facts(page('成都居民医保怎么交', '2026年度城乡居民医保个人缴费标准为每人每年420元。'));
    expect(keyOf(local)).toMatch(/^place:5101\d*\|per-capita-contribution\|/);
    // A per-capita contribution needs its scheme: 职工医保 has none, so a figure without one is too vague.
    expect(facts(page('医保缴费', '个人缴费标准为每人每年420元。'))).toEqual([]);
  });

  it('assume 居民医保 for the per-capita subsidy, which only that scheme has', () => {
    const [subsidy] = facts(page('医保新规', '国家财政补助每人每年不低于730元。'));
    expect(subsidy).toMatchObject({ attribute: 'per-capita-subsidy', qualifiers: ['scheme=resident-medical'] });
    expect(subsidy?.value.quantity).toMatchObject({ value: 730, bound: 'atLeast' });
    // Read with 每人每年 / 人均 between the attribute and the value.
    const [perHead] = facts(page('医保新规', '人均财政补助标准为700元。'));
    expect(perHead?.value.quantity?.value).toBe(700);
  });

  it('conflict across two pages that name no place, as a warning of a weak attribute; not with a city page', () => {
    const obs = (f: FactRecord) => ({ file: f.file, key: 0, bucket: 0, sentence: 0, fact: f });
    const [a] = facts(page('居民医保缴费', '2026年度城乡居民医保个人缴费标准为每人每年420元。'), 'a.md');
    const [b] = facts(page('城乡居民医保', '2026年度城乡居民医保个人缴费标准为400元/人/年。'), 'b.md');
    const [c] = facts(page('成都居民医保', '2026年度城乡居民医保个人缴费标准为每人每年400元。'), 'c.md');
    expect(factsClash(obs(a!), obs(b!))).toBe(true);
    expect(loadFactKeys().attributes.get('per-capita-contribution')?.weak).toBe(true);
    expect(keyOf(a)).not.toBe(keyOf(c));
  });

  it('reject an assumed qualifier that the qualifiers do not list, naming the attribute', () => {
    const raw = parseDocument(readFileSync(resolve(root, 'data', 'fact-keys.yaml'), 'utf8')).toJS();
    raw.attributes['per-capita-subsidy'].assume = { scheme: 'no-such-scheme' };
    expect(() => compileFactKeys(raw, 'test keys')).toThrow('test keys: attribute per-capita-subsidy assumes scheme=no-such-scheme');
  });
});
