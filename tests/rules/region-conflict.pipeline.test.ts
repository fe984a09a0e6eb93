import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { analyzeFile, extractArticle, type Services } from '../../src/engine/analyze.js';
import { loadRegistry } from '../../src/registry/load.js';
import type { Registry } from '../../src/registry/types.js';
import { loadCues } from '../../src/extract/cues.js';
import { loadPageStructure, parseArticle } from '../../src/parse/index.js';
import { loadGazetteer } from '../../src/region/gazetteer.js';
import { namedRegion, unitRegionName, unitRegions } from '../../src/region/unit-region.js';
import { regionConflict } from '../../src/rules/region-conflict.js';
import { rules } from '../../src/rules/index.js';
import type { Article } from '../../src/types.js';
import { repoRoot, runCli, tempTree } from '../helpers/cli.js';
import { NANCHANG_REGISTRY as REGISTRY } from '../helpers/registries.js';

const g = loadGazetteer();
const structure = loadPageStructure();

const CLAIM = 'test.nanchang-flexible-payment-day';

function testRegistry(): Registry {
  const dir = tempTree({ 'claims/test.yaml': REGISTRY });
  const loaded = loadRegistry(join(dir, 'claims'), dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.registry;
}
const registry = testRegistry();

function services(options: Record<string, unknown> = {}): Services {
  return {
    registry,
    cues: loadCues(),
    structure,
    asOf: { date: '2025-06-30', year: 2025 },
    rules: [regionConflict],
    settings: new Map([['region-conflict', { enabled: true, options }]]),
  };
}
const DEFAULT_SERVICES = services();

interface Hit {
  line: number;
  /** The text the finding points at. */
  at: string;
  message: string;
  claimId?: string;
}

/** Runs the whole per-file pipeline with only this rule; returns its findings. */
function lint(text: string, opts?: { options?: Record<string, unknown>; format?: 'markdown' | 'text' }): Hit[] {
  const format = opts?.format ?? 'markdown';
  const name = format === 'markdown' ? 'a.md' : 'a.txt';
  const svc = opts?.options ? services(opts.options) : DEFAULT_SERVICES;
  const a = analyzeFile({ absolute: name, display: name, format }, new TextEncoder().encode(text), svc);
  const lines = text.split('\n');
  return a.findings
    .filter((f) => f.ruleId === 'region-conflict')
    .map((f) => ({
      line: f.line,
      at: lines[f.line - 1]!.slice(f.column - 1, f.endColumn - 1),
      message: f.message,
      ...(f.claimId ? { claimId: f.claimId } : {}),
    }));
}

/** A Markdown article with front matter; `body` starts on line 5 (line 6 with a region). */
function md(title: string, body: string, region?: string): string {
  return ['---', `title: ${title}`, ...(region ? [`region: ${region}`] : []), '---', '', body, ''].join('\n');
}

function parsed(text: string, format: 'markdown' | 'text' = 'markdown'): Article {
  return parseArticle({ path: 'a', text, encoding: 'utf-8', format }, structure).article;
}

describe('namedRegion', () => {
  const code = (t: string) => namedRegion(g, t);

  it('takes the deepest of one chain of places', () => {
    expect(code('2025年河北邯郸治疗尾骨痛的医院有哪些')).toEqual({ code: '130400', mixed: false });
    expect(code('河北省邯郸市')).toEqual({ code: '130400', mixed: false });
    expect(code('130400')).toEqual({ code: '130400', mixed: false });
  });

  it('takes a named place that encloses all the others', () => {
    expect(code('安徽分淮南淮北还是皖南皖北')).toEqual({ code: '340000', mixed: false });
  });

  it('gives no region for unrelated places', () => {
    expect(code('阜阳医保在合肥住院报销流程')).toEqual({ mixed: true });
    expect(code('淮北淮南哪个发达')).toEqual({ mixed: true });
  });

  it('uses an ambiguous name only through the region all its readings share', () => {
    expect(code('吉林医保报销比例')).toEqual({ code: '220000', mixed: false });
    expect(code('朝阳医保报销比例')).toEqual({ mixed: false });
    expect(code('职工医保辞职后里面钱怎么办')).toEqual({ mixed: false });
  });
});

describe('unit regions', () => {
  it('prefers front matter, lets a title narrow it, and passes it to sections', () => {
    const a = parsed(md('治疗尾骨痛的医院有哪些', '正文。\n\n## 定点医院\n\n正文。\n\n## 丛台区\n\n正文。', '河北省'));
    const r = unitRegions(a, g);
    expect(r.map((u) => u.code)).toEqual(['130000', '130000', '130403']);
    expect(r[0]).toMatchObject({ source: 'front-matter', mixed: false });
    expect(r[0]?.titleUnit).toBeUndefined();
    expect(r[2]).toMatchObject({ source: 'title', titleUnit: 2 });
  });

  it('records the title that names the region, for sections too', () => {
    const a = parsed(md('邯郸医保指南', '正文。\n\n## 定点医院\n\n正文。'));
    expect(unitRegions(a, g)).toEqual([
      { code: '130400', source: 'title', titleUnit: 0, mixed: false },
      { code: '130400', source: 'parent', titleUnit: 0, mixed: false },
    ]);
  });

  it('does not judge a unit whose title names two unrelated places, or a section turning to another place', () => {
    const a = parsed(md('阜阳医保在合肥住院报销流程', '正文。'));
    expect(unitRegions(a, g)[0]).toEqual({ mixed: true });
    const b = parsed(md('阜阳医保报销指南', '正文。\n\n## 在合肥住院怎么报销\n\n正文。', '安徽省阜阳市'));
    expect(unitRegions(b, g).map((u) => u.mixed)).toEqual([false, true]);
  });

  it('does not hand a scraped page’s title to its related items', () => {
    const page = ['邯郸医保报销指南', '', '邯郸职工医保的报销比例如下。', '', '相关推荐', '', '职工医保断缴后可以个人缴费吗', '', '可以，灵活就业人员可以个人缴费。', '', '健康新闻 2025-03-14', ''].join('\n');
    const a = parsed(page, 'text');
    expect(a.units).toHaveLength(2);
    expect(unitRegions(a, g).map((u) => u.code)).toEqual(['130400', undefined]);
  });

  it('computes an article again, with the same result, after other articles pushed it out', () => {
    const a = parsed(md('邯郸医保指南', '正文。\n\n## 定点医院\n\n正文。'));
    const first = unitRegions(a, g);
    for (const t of ['石家庄医保', '兰州医保', '合肥医保', '阜阳医保', '南昌医保', '佛山医保']) unitRegions(parsed(md(t, '正文。')), g);
    expect(unitRegions(a, g)).toEqual(first);
    expect(unitRegions(a, g)).toBe(unitRegions(a, g));
    expect(first.map((u) => u.code)).toEqual(['130400', '130400']);
  });

  it('gives claim records the full name of the unit’s region', () => {
    const a = parsed(md('佛山灵活就业人员医保怎么交', '灵活就业人员医保每月15日前扣款。'));
    expect(unitRegionName(a, 0, g)).toBe('广东省佛山市');
    const records = extractArticle(a, { registry, cues: loadCues() });
    expect(records.map((r) => [r.claimId, r.region])).toEqual([[CLAIM, '广东省佛山市']]);
    // A declared region the gazetteer does not know is passed on as written.
    expect(unitRegionName(parsed(md('标题', '正文。', '华东地区')), 0, g)).toBe('华东地区');
  });
});

describe('region-conflict: body puts the subject elsewhere', () => {
  it('reports a sibling city in the lead, with the exact message', () => {
    const hits = lint(md('邯郸治疗尾骨痛的医院有哪些', '河北石家庄有几家医院在治疗尾骨痛方面口碑较好。'));
    expect(hits).toEqual([
      { line: 5, at: '石家庄', message: 'Title is about 河北省邯郸市, but this sentence puts it in 河北省石家庄市.' },
    ]);
  });

  it('reads the lead only in the first body sentence', () => {
    // No subject marker after 邢台: only its place in the lead makes it the subject.
    const lead = lint(md('邯郸职工医保门诊报销比例', '邢台职工门诊统筹的起付标准为每年200元。'));
    expect(lead.map((h) => [h.line, h.at])).toEqual([[5, '邢台']]);
    const later = lint(md('邯郸职工医保门诊报销比例', '邯郸职工门诊统筹按年度结算。\n\n邢台职工门诊统筹的起付标准为每年200元。'));
    expect(later).toEqual([]);
  });

  it('reports "<place>医保" and "<place>医疗保障局" anywhere in the body', () => {
    const hits = lint(md('南昌的五险一金比例', '南昌五险一金的缴纳比例如下。\n\n九江的医保缴费比例为单位6%、个人2%。\n\n武汉市医疗保障局发布的通知显示，缴费比例下调了。'));
    expect(hits.map((h) => [h.line, h.at, h.message])).toEqual([
      [7, '九江', 'Title is about 江西省南昌市, but this sentence puts it in 江西省九江市.'],
      [9, '武汉市', 'Title is about 江西省南昌市, but this sentence puts it in 湖北省武汉市.'],
    ]);
  });

  it('reports a hospital of another city in a hospital list', () => {
    const hits = lint(md('2025年河北邯郸治疗膝盖肿胀的医院有哪些', '邯郸市中心医院骨科实力较强。\n\n石家庄市第一医院的骨科也较有名。'));
    expect(hits.map((h) => [h.line, h.at])).toEqual([[7, '石家庄市']]);
  });

  it('reports a sibling district, reading a shared district name through the region', () => {
    const hits = lint(md('天津河北区职工医保经办指南', '河北区医保窗口周一到周五开放。\n\n和平区医疗保障分局负责本区参保人的认定。'));
    expect(hits).toEqual([
      { line: 7, at: '和平区', message: 'Title is about 天津市河北区, but this sentence puts it in 天津市和平区.' },
    ]);
  });

  it('names the front matter when no title names the region', () => {
    const hits = lint(md('治疗尾骨痛的医院有哪些', '以下按综合实力介绍。\n\n石家庄的医院推荐如下。', '河北省邯郸市'));
    expect(hits).toEqual([
      { line: 8, at: '石家庄', message: 'Front matter region is 河北省邯郸市, but this sentence puts it in 河北省石家庄市.' },
    ]);
  });

  it('judges sections by the article’s title', () => {
    const hits = lint(md('邯郸医保指南', '邯郸职工医保的要点如下。\n\n## 定点医院\n\n石家庄市第三医院可以直接结算。'));
    expect(hits.map((h) => [h.line, h.at])).toEqual([[9, '石家庄市']]);
  });

  it('judges each block of a scraped page by its own title', () => {
    const page = [
      '职工医保辞职后里面钱怎么办',
      '',
      '辞职后个人账户资金原则上不能提取。',
      '',
      '相关推荐',
      '',
      '2025年河北邯郸治疗尾骨痛的医院有哪些',
      '',
      '在2025年,河北石家庄有几家医院在治疗尾骨痛方面具有良好的口碑。',
      '',
      '健康新闻 2025-03-14',
      '',
      '职工医保断缴后可以个人缴费吗',
      '',
      '石家庄医保规定灵活就业人员可以个人缴费。',
      '',
      '健康新闻 2025-03-14',
      '',
    ].join('\n');
    // Line 15 is in a block with no place in its title: no region, not judged.
    expect(lint(page, { format: 'text' }).map((h) => [h.line, h.at])).toEqual([[9, '石家庄']]);
  });

  it('is not excused by an earlier mention of the same place as people or an organisation', () => {
    const hits = lint(md('邯郸治疗腰痛的医院有哪些', '邯郸市中心医院骨科实力较强。\n\n石家庄患者常来就诊。\n\n石家庄市第一医院的骨科也较有名。'));
    expect(hits.map((h) => [h.line, h.at])).toEqual([[9, '石家庄市']]);
  });

  it('reports a place once per sentence, on its own span', () => {
    const hits = lint(md('邯郸医保报销指南', '邯郸职工医保报销比例较高。\n\n石家庄医保和石家庄社保都在调整。'));
    // Both 石家庄 carry the subject (…医保, …社保); the division is reported once, on the first.
    expect(hits.map((h) => [h.line, h.at])).toEqual([[7, '石家庄']]);
  });
});

describe('region-conflict: not a conflict', () => {
  const none = (title: string, body: string, region?: string) => expect(lint(md(title, body, region))).toEqual([]);

  it('a referral: 推荐选择…地区, 可到…就医, 前往, 转诊, 异地就医', () => {
    none('嘉峪关看甲状腺结节去哪家医院', '推荐选择兰州地区的权威医院做手术。');
    none('嘉峪关看甲状腺结节去哪家医院', '病情复杂时可到省会兰州就医。');
    none('邯郸治疗腰痛的医院有哪些', '手术难度大的，也可以前往北京的大医院就诊。');
    none('邯郸治疗腰痛的医院有哪些', '需要转诊的，由本院开具转诊单到石家庄市第三医院手术。');
    none('阜阳医保报销指南', '在合肥的医院住院，需要先办理异地就医备案。');
  });

  it('a referral covers the same place elsewhere in the unit', () => {
    none('嘉峪关看甲状腺结节去哪家医院', '嘉峪关市第一人民医院可以做穿刺。\n\n兰州市第一人民医院的甲状腺外科较强。\n\n病情复杂时可到省会兰州就医。');
  });

  it('a list of examples', () => {
    none('南昌灵活就业人员医保怎么交', '例如洛阳、北海等地的灵活就业人员也是按月缴费。');
    none('南昌医保转移接续网上办理流程', '地方医保平台如「闽政通」APP（福建）、「鄂尔多斯医保」公众号、河南医保小程序等都能办理。');
    none('南昌灵活就业人员医保怎么交', '通过当地医保平台（如“湖北医疗保障”小程序）办理参保登记。');
  });

  it('a comparison or a list of places', () => {
    none('邯郸医保报销比例', '与石家庄相比，邯郸的住院报销比例略高。');
    none('邯郸医保报销比例', '邯郸比石家庄的起付线低一些。');
    none('邯郸医保报销比例', '邯郸和石家庄的医保政策都按省里的统一框架制定。');
    none('淮北淮南哪个发达', '淮北和淮南作为安徽省皖北地区的重要城市，各有侧重。淮南医保的报销比例较高。');
  });

  it('its own province, its own counties, addresses', () => {
    none(
      '2025年河北邯郸治疗尾骨痛的医院有哪些',
      '在2025年,河北邯郸有几家医院口碑较好。\n\n河北省医保参保人在邯郸住院可直接结算。\n\n丛台区的医院、峰峰矿区医院和武安市医院都能看。\n\n地址：邯郸市中华南大街15号，丛台路81号。',
    );
  });

  it('people or organisations from another place', () => {
    // In the lead, so only the word after the place keeps it from being the subject.
    none('邯郸治疗腰痛的医院有哪些', '石家庄患者常到邯郸市中心医院就诊，口碑较好。');
    none('邯郸治疗腰痛的医院有哪些', '石家庄市民也常来邯郸市中心医院就诊。');
    none('淮南大病医疗报销比例', '淮北矿业集团的互助办法与本市的大病保险不是一回事。');
  });

  it('a mention that does not carry the subject (after the lead, no marker, no institution)', () => {
    none('邯郸治疗腰痛的医院有哪些', '邯郸市中心医院骨科实力较强。\n\n石家庄有不少患者专程来邯郸看病。');
  });

  it('names the gazetteer cannot settle: ambiguous, weak, or decided only by a data default', () => {
    none('邯郸医保指南', '鼓楼区医保中心的办事指南另有规定。');
    none('邯郸医保指南', '朝阳医保中心的办事指南另有规定。');
    none('邯郸医保指南', '吉林医保中心的办事指南另有规定。');
    none('邯郸医保指南', '海南医保中心的办事指南另有规定。');
    none('天津河北区职工医保门诊慢特病怎么办理', '在河北办理门诊慢特病认定，先由医院填写申请表。');
  });

  it('a place inside a quoted name', () => {
    none('邯郸医保指南', '根据《河南省医疗保障条例》的规定，参保人应按时缴费。');
  });

  it('units with no single region', () => {
    none('阜阳医保在合肥住院报销流程', '阜阳医保在合肥住院报销流程如下：在合肥定点医疗机构窗口核验。');
    none('医保转移接续网上办理流程', '石家庄医保和郑州医保都能在网上转出。');
    none('阜阳医保报销指南', '阜阳职工医保报销比例较高。\n\n## 在合肥住院怎么报销\n\n合肥的医院住院费用可直接结算。', '安徽省阜阳市');
  });
});

describe('region-conflict: options', () => {
  it('each cue list is data: without the referral frames the 兰州 referral is reported', () => {
    const text = md('嘉峪关看甲状腺结节去哪家医院', '推荐选择兰州地区的权威医院做手术。');
    expect(lint(text)).toEqual([]);
    expect(lint(text, { options: { referralFrames: [] } }).map((h) => h.at)).toEqual(['兰州']);
  });

  it('the lead length and the subject markers come from the options', () => {
    const text = md('邯郸职工医保门诊报销比例', '邢台职工门诊统筹的起付标准为每年200元。');
    expect(lint(text, { options: { leadMaxChars: 0 } })).toEqual([]);
    const later = md('邯郸职工医保门诊报销比例', '邯郸按年度结算。\n\n邢台门诊统筹的起付标准为每年200元。');
    expect(lint(later)).toEqual([]);
    expect(lint(later, { options: { subjectMarkers: ['门诊统筹'] } }).map((h) => h.at)).toEqual(['邢台']);
  });

  it('quote pairs come from the options, and a place inside them is a name', () => {
    const text = md('邯郸职工医保门诊报销比例', '【邢台职工门诊统筹】的起付标准为每年200元。');
    expect(lint(text).map((h) => h.at)).toEqual(['邢台']);
    expect(lint(text, { options: { quotes: ['【】'] } })).toEqual([]);
    // An opening mark without its closing one quotes nothing.
    expect(lint(md('邯郸职工医保门诊报销比例', '【邢台职工门诊统筹的起付标准为每年200元。'), { options: { quotes: ['【】'] } }).map((h) => h.at)).toEqual(['邢台']);
  });

  it('clause breaks come from the options: a referral cue reaches across a mark that no longer breaks', () => {
    const text = md('邯郸职工医保门诊报销比例', '外出前往时，邢台职工门诊统筹的起付标准为每年200元。');
    // 前往 is in the clause before the comma: 邢台 in the lead is reported.
    expect(lint(text).map((h) => h.at)).toEqual(['邢台']);
    expect(lint(text, { options: { clauseBreaks: '。' } })).toEqual([]);
  });

  it('declares its options schema and is registered', () => {
    const props = (regionConflict.meta.schema as { properties: Record<string, unknown> }).properties;
    const data = parse(readFileSync(resolve(repoRoot, 'data/region-conflict.yaml'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(props).sort()).toEqual(Object.keys(data).filter((k) => k !== 'version').sort());
    expect(regionConflict.meta).toMatchObject({ id: 'region-conflict', defaultSeverity: 'error', type: 'problem' });
    expect(rules).toContain(regionConflict);
  });
});

describe('region-conflict: region-scoped registry claims', () => {
  const message = (tail: string) => `This claim holds only in 江西省南昌市 (registry claim ${CLAIM}), but ${tail}`;

  it('reports the claim stated in a unit about another region', () => {
    const hits = lint(md('佛山灵活就业人员医保怎么交', '灵活就业人员医保每月15日前扣款。'));
    expect(hits).toEqual([{ line: 5, at: '每月15日前扣款', message: message('the unit is about 广东省佛山市.'), claimId: CLAIM }]);
  });

  it('reports it for an enclosing region, and for a sentence naming another place', () => {
    expect(lint(md('江西灵活就业人员医保怎么交', '灵活就业人员医保每月15日前扣款。')).map((h) => h.message)).toEqual([
      message('the unit is about 江西省.'),
    ]);
    const hits = lint(md('南昌灵活就业人员医保怎么交', '南昌按月缴费。\n\n九江灵活就业人员医保每月15日前扣款。'));
    expect(hits.map((h) => [h.line, h.at, h.message])).toEqual([[7, '九江', message('this sentence is about 江西省九江市.')]]);
  });

  it('reports it stated with no region as a national rule, unless the sentence says it is local', () => {
    expect(lint(md('灵活就业人员医保怎么交', '灵活就业人员医保每月15日前扣款。')).map((h) => h.message)).toEqual([
      message('the unit states it with no region, as a national rule.'),
    ]);
    expect(lint(md('灵活就业人员医保怎么交', '当地灵活就业人员医保每月15日前扣款。'))).toEqual([]);
  });

  it('accepts the claim in its region, a county of it, or a sentence naming it', () => {
    expect(lint(md('南昌灵活就业人员医保怎么交', '灵活就业人员医保每月15日前扣款。'))).toEqual([]);
    expect(lint(md('南昌县灵活就业人员医保怎么交', '灵活就业人员医保每月15日前扣款。'))).toEqual([]);
    expect(lint(md('佛山灵活就业人员医保怎么交', '佛山按月缴费。\n\n南昌市灵活就业人员医保每月15日前扣款。'))).toEqual([]);
  });

  it('leaves a sentence that asserts another value to claim-contradiction', () => {
    expect(lint(md('佛山灵活就业人员医保怎么交', '灵活就业人员医保每月20日前扣款。'))).toEqual([]);
  });
});

describe('region-conflict: a large page', () => {
  // How fast it is belongs to `npm run bench`, not to a test (shared, noisy machines).
  it('reads 12,000 sentences of one city\'s hospitals and a passing mention without a finding', () => {
    const para = '邯郸市中心医院地址在中华南大街，石家庄患者也常来就诊。推荐选择兰州地区的权威医院。河北省医保参保人可直接结算。\n\n';
    expect(lint(md('邯郸治疗尾骨痛的医院有哪些', para.repeat(4000)))).toEqual([]);
  });
});

describe('region-conflict corpus articles', () => {
  it('produce exactly the findings listed in corpus/expectations.region-conflict.yaml', () => {
    const expected = (
      parse(readFileSync(resolve(repoRoot, 'corpus/expectations.region-conflict.yaml'), 'utf8')) as {
        findings: Array<{ file: string; line: number; ruleId: string }>;
      }
    ).findings;
    const files = readdirSync(resolve(repoRoot, 'corpus')).filter((f) => /^region-.*\.md$/.test(f)).sort();
    expect(files.length).toBeGreaterThanOrEqual(3);
    const dir = tempTree({ 'claims/test.yaml': REGISTRY });
    const r = runCli(['check', ...files.map((f) => `corpus/${f}`), '--format', 'json', '--as-of', '2025-06-30', '--registry', join(dir, 'claims')]);
    const got = (JSON.parse(r.stdout) as { findings: Array<{ file: string; line: number; ruleId: string }> }).findings
      .filter((f) => f.ruleId === 'region-conflict')
      .map((f) => ({ file: f.file, line: f.line, ruleId: f.ruleId }));
    expect(got).toEqual(expected);
  });
});
