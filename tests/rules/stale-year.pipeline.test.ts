import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile, type Services } from '../../src/engine/analyze.js';
import { setup } from '../../src/engine/run.js';
import type { ArticleFormat } from '../../src/types.js';
import { staleYear } from '../../src/rules/stale-year.js';
import { repoRoot, runCli, tempTree } from '../helpers/cli.js';

// One bundled registry file (a registry may be a file): the tests depend on its
// effective date (1998-12-14) and not on claims other people are still adding.
const registryPath = join(repoRoot, 'claims', 'personal-account.yaml');
/** A working directory without a config file, so every rule runs with defaults. */
const plainDir = mkdtempSync(join(tmpdir(), 'claimlint-stale-'));
const servicesCache = new Map<string, Services>();

function services(asOf: string, cwd = plainDir): Services {
  const key = `${cwd}|${asOf}`;
  let s = servicesCache.get(key);
  if (!s) {
    s = setup({ cwd, registryPath, asOf }).services;
    servicesCache.set(key, s);
  }
  return s;
}

interface LintOptions {
  readonly asOf?: string;
  readonly format?: ArticleFormat;
  readonly cwd?: string;
  /** Rule options as claimlint.config.yaml would give them. */
  readonly options?: Record<string, unknown>;
}

/** One in-memory article through the real pipeline (decode → parse → extract → judge → rules); stale-year findings only. */
function lint(text: string, o: LintOptions = {}) {
  let svc = services(o.asOf ?? '2025-06-30', o.cwd);
  if (o.options) svc = { ...svc, settings: new Map([['stale-year', { enabled: true, options: o.options }]]) };
  const format = o.format ?? 'markdown';
  const name = format === 'markdown' ? 'a.md' : 'a.txt';
  const analysis = analyzeFile({ absolute: join(plainDir, name), display: name, format }, new TextEncoder().encode(text), svc);
  // A failed stage would show up as an input finding; none is expected here.
  expect(analysis.findings.filter((f) => f.ruleId === 'input')).toEqual([]);
  return analysis.findings.filter((f) => f.ruleId === 'stale-year');
}

describe('error: a past year linked to a current-qualifier', () => {
  it('“2024年最新政策” read in mid-2025', () => {
    const [f, ...rest] = lint('南昌市五险一金标准根据2024年最新政策整理如下：\n');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', line: 1, column: '南昌市五险一金标准根据'.length + 1, endColumn: '南昌市五险一金标准根据2024年'.length + 1 });
    expect(f!.message).toBe('“2024年最新” presents 2024 as current, but it is 1 year before the as-of date 2025-06-30.');
  });

  it('names the item’s own date when it has one', () => {
    const [f] = lint('---\ndate: 2025-03-14\n---\n\n南昌市五险一金标准根据2024年最新政策整理如下：\n');
    expect(f).toMatchObject({ severity: 'error', line: 5 });
    expect(f!.message).toBe(
      '“2024年最新” presents 2024 as current, but it is 1 year before the as-of date 2025-06-30 (this item is dated 2025-03-14).',
    );
  });

  it('counts the years from the as-of date', () => {
    const [f] = lint('现行的2023年缴费标准如下。\n', { asOf: '2026-11-22' });
    expect(f!.message).toBe('“现行的2023年” presents 2023 as current, but it is 3 years before the as-of date 2026-11-22.');
    expect(f!.column).toBe(4);
  });

  it('a now-word glued to the year, before or after it', () => {
    const [a] = lint('今年（2024年）的缴费基数下限为2547元/月。\n');
    expect(a).toMatchObject({ severity: 'error', column: 4, endColumn: 9 });
    expect(a!.message).toMatch(/^“今年（2024年）” presents 2024 as current/);
    const [b] = lint('2024年（今年）职工医保单位缴费比例为6%。\n');
    expect(b).toMatchObject({ severity: 'error', column: 1, endColumn: 6 });
    expect(b!.message).toMatch(/^“2024年（今年）” presents 2024/);
    const [c] = lint('目前2023年的缴费标准仍在执行。\n');
    expect(c!.message).toMatch(/^“目前2023年” presents 2023 as current, but it is 2 years before/);
  });

  it('a qualifier glued before the year: 最新2024版', () => {
    const [f] = lint('最新2024版医保药品目录已经公布。\n');
    expect(f).toMatchObject({ severity: 'error', column: 3, endColumn: 3 + '2024版'.length });
    expect(f!.message).toMatch(/^“最新2024版” presents 2024 as current/);
  });

  it('a qualifier a few characters after the year, in the same clause', () => {
    const [f] = lint('2024年南昌社保最新缴费标准是多少？\n');
    expect(f!.message).toMatch(/^“2024年南昌社保最新” presents 2024 as current/);
  });

  it('two-digit and Chinese-digit years', () => {
    const [a] = lint('24年最新医保缴费标准出炉。\n');
    expect(a).toMatchObject({ severity: 'error', column: 1, endColumn: 4 });
    expect(a!.message).toMatch(/^“24年最新” presents 2024 as current/);
    const [b] = lint('二〇二四年最新报销比例如下。\n');
    expect(b).toMatchObject({ severity: 'error', column: 1, endColumn: 6 });
  });

  it('a range that ended before the as-of year', () => {
    const [f] = lint('2022-2023年最新缴费标准如下。\n');
    expect(f).toMatchObject({ severity: 'error', column: 1, endColumn: 11 });
    expect(f!.message).toBe('“2022-2023年最新” presents 2022–2023 as current, but it ended 2 years before the as-of date 2025-06-30.');
  });

  it('a date followed by a current-qualifier', () => {
    const [f] = lint('2024年3月最新调整的缴费基数如下。\n');
    expect(f).toMatchObject({ severity: 'error', column: 1, endColumn: 8 });
  });

  it('a title with a qualifier is an error, not a title warning', () => {
    const [f, ...rest] = lint('# 2024年最新医保报销比例\n\n正文。\n');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', line: 1, column: 3 });
  });
});

describe('warning: an old year in a title or list heading about rates and standards', () => {
  it('a Markdown heading “…报销比例2024”', () => {
    const [f, ...rest] = lint('# 淮北职工医保报销比例2024\n\n住院报销比例为70%。\n', { asOf: '2026-11-22' });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', line: 1, column: 3 + '淮北职工医保报销比例'.length, endColumn: 3 + '淮北职工医保报销比例2024'.length });
    expect(f!.message).toBe('Title gives 2024 for a rates/standards page (“报销”), 2 years before the as-of date 2026-11-22.');
  });

  it('a front-matter title, with the item’s date', () => {
    const [f, ...rest] = lint('---\ntitle: 2024年南昌社保缴费标准\ndate: 2025-03-14\n---\n\n正文没有年份。\n');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', line: 2, column: 'title: '.length + 1, endColumn: 'title: 2024年'.length + 1 });
    expect(f!.message).toBe('Title gives 2024 for a rates/standards page (“缴费”), 1 year before the as-of date 2025-06-30 (this item is dated 2025-03-14).');
  });

  it('a scraped page title, dated by its source line', () => {
    const page = '2023年职工医保缴费基数一览\n\n各档缴费基数见下文。\n\n健康新闻 2024-05-01\n';
    const [f, ...rest] = lint(page, { format: 'text', asOf: '2026-11-22' });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', line: 1, column: 1, endColumn: 6 });
    expect(f!.message).toBe('Title gives 2023 for a rates/standards page (“缴费”), 3 years before the as-of date 2026-11-22 (this item is dated 2024-05-01).');
  });

  it('a clause that heads a list of rates: “2024年…缴费金额如下”', () => {
    const [f] = lint('约1000元 2024年南昌社保最低缴费金额如下: 养老保险 :最低缴费基数为3176元/月。\n');
    expect(f).toMatchObject({ severity: 'warning', column: '约1000元 '.length + 1, endColumn: '约1000元 2024年'.length + 1 });
    expect(f!.message).toBe(
      '“2024年南昌社保最低缴费金额如下” heads a list of rates/standards for 2024, 1 year before the as-of date 2025-06-30; readers will take it as current.',
    );
  });

  it('one warning when a title and the list under it give the same year', () => {
    const found = lint('# 2024年缴费标准\n\n2024年缴费标准如下：单位6%，个人2%。\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', line: 1 });
  });

  it('two years compared in a title or list heading are history, not “current”', () => {
    expect(lint('# 2023年和2024年缴费标准对比\n\n正文。\n')).toEqual([]);
    expect(lint('2023年和2024年的缴费标准对比如下：单位6%。\n')).toEqual([]);
  });

  it('a title with an old year but no rate/standard/list word is fine', () => {
    expect(lint('# 2024年河北邯郸治疗尾骨痛的医院有哪些\n\n正文。\n')).toEqual([]);
  });
});

describe('not stale', () => {
  const fine: Array<[string, string]> = [
    ['a year with 起', '2016年起整合城乡居民基本医疗保险制度，最新规定见下文。'],
    ['自…起', '自2021年起，职工医保个人账户可以用于家庭共济。'],
    ['开始试点', '2003年开始试点新型农村合作医疗。'],
    ['a full date with 起 wins over a qualifier after it', '2024年3月1日起执行最新缴费标准。'],
    ['a dated event', '2024年恢复常规调整'],
    ['a dated statement of the base used that year', '2024年职工基本养老保险使用全省在岗职工月平均工资为4216元/月,个人缴费基数上限为4216×300% = 12648元/月'],
    ['historical GDP figures', '一、经济实力对比 GDP总量 2019年：淮南(1296亿元)>淮北(1077亿元) 2020年：淮南(1296亿元)仍略高于淮北(1077亿元)'],
    ['自…月起 with a rate change', '自2023年1月起，洛阳市阶段性降低了灵活就业人员医保缴费比例，单位缴费费率由7.5%降至6.5%。'],
    ['a range reaching the as-of year', '2023-2025年最新缴费标准如下。'],
    ['a range to the present', '2024年至今最新的报销比例没有变化。'],
    ['a cited document number after the year', '2021年国办发14号最新明确，个人账户可以家庭共济。'],
    ['a year inside a document-number bracket', '国办发〔2021〕14号最新明确，个人账户可以家庭共济。'],
    ['a comparison with the latest figures', '2023年的数据与最新数据相比有所下降。'],
    ['a negated qualifier', '2024年的标准已不是最新标准。'],
    ['a qualifier that modifies another noun', '最新消息显示2023年参保人数有所增加。'],
    ['a now-word that is compared, not equated', '2023年和今年相比，缴费基数有所提高。'],
    ['a duration', '北京协和医院风湿免疫科连续12年蝉联风湿专科榜首。'],
    ['a founding year', '邯郸市中医院创建于1958年，有着50多年的建院史。'],
    ['the current year', '在2025年,河北邯郸有几家医院在治疗尾骨痛方面具有良好的口碑。'],
    ['a current year with a qualifier', '2025年最新缴费标准如下。'],
  ];
  for (const [why, text] of fine) {
    it(why, () => {
      expect(lint(`${text}\n`)).toEqual([]);
    });
  }

  it('figures about the year just ended, which come out the year after', () => {
    const text = '2024年最新统计数据显示，全国基本医疗保险参保人数保持稳定。\n';
    expect(lint(text, { asOf: '2025-06-30' })).toEqual([]);
    // A year later the same figures are stale.
    expect(lint(text, { asOf: '2026-06-30' })).toMatchObject([{ severity: 'error', column: 1 }]);
  });

  it('an edition that the same sentence says applies from a year that is not stale', () => {
    const text = '2024年新版医保药品目录于2025年1月1日起正式执行。\n';
    expect(lint(text, { asOf: '2025-06-30' })).toEqual([]);
    expect(lint(text, { asOf: '2026-11-22' })[0]!.message).toMatch(/^“2024年新版” presents 2024 as current, but it is 2 years before/);
  });

  it('the year of a registry document cited in the same sentence', () => {
    // claims/personal-account.yaml: family use of the personal account takes effect 2021-04-13
    // under 国办发〔2021〕14号《国务院办公厅关于建立健全职工基本医疗保险门诊共济保障机制的指导意见》.
    const cited = '2021年最新规定：《关于建立健全职工基本医疗保险门诊共济保障机制的指导意见》明确个人账户可以家庭共济。\n';
    expect(lint(cited)).toEqual([]);
    expect(lint('2021年最新文件国办发〔2021〕14号明确个人账户可以家庭共济。\n')).toEqual([]);
    // The same words with a year that document does not belong to, or without the citation, are read as "current".
    expect(lint(cited.replace('2021年', '2020年'))).toMatchObject([{ severity: 'error', column: 1 }]);
    expect(lint('2021年最新规定：个人账户可以家庭共济。\n')).toMatchObject([{ severity: 'error', column: 1 }]);
  });
});

describe('options', () => {
  it('declares its options schema', () => {
    const schema = staleYear.meta.schema as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['minAge', 'currentQualifiers', 'titleKeywords', 'historicalAfter', 'window']));
    expect(schema.additionalProperties).toBe(false);
  });

  it('minAge from claimlint.config.yaml raises the threshold', () => {
    const dir = tempTree({ 'claimlint.config.yaml': 'rules:\n  stale-year:\n    options:\n      minAge: 2\n' });
    expect(lint('2024年最新政策如下。\n', { cwd: dir })).toEqual([]);
    const [f] = lint('2023年最新政策如下。\n', { cwd: dir });
    expect(f!.message).toMatch(/presents 2023 as current, but it is 2 years before/);
  });

  it('a qualifier list given as an option replaces the default one', () => {
    const options = { currentQualifiers: ['权威'] };
    expect(lint('2024年权威政策如下。\n', { options })[0]!.message).toMatch(/^“2024年权威” presents 2024 as current/);
    expect(lint('2024年最新政策如下。\n', { options })).toEqual([]);
  });

  it('title keywords are configurable too', () => {
    expect(lint('# 2024年医院排名\n\n正文。\n')).toHaveLength(1);
    expect(lint('# 2024年医院排名\n\n正文。\n', { options: { titleKeywords: ['报销'] } })).toEqual([]);
  });

  it('rejects invalid options with a readable reason', () => {
    expect(() => staleYear.settings({ minAge: 0 })).toThrow(/stale-year options: .*minAge/);
    expect(() => staleYear.settings({ currentQualifier: ['最新'] })).toThrow(/additional properties/);
    expect(() => staleYear.compiled({ citationAfter: ['('] })).toThrow(/invalid pattern/);
  });
});

describe('as-of default', () => {
  const p = (n: number) => String(n).padStart(2, '0');
  const now = new Date();
  const today = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
  const year = now.getFullYear();

  it('without --as-of, judges against today', () => {
    const dir = tempTree({
      'old.md': `${year - 1}年最新缴费标准如下：单位6%。\n`,
      'new.md': `${year}年最新缴费标准如下：单位6%。\n`,
    });
    const r = runCli(['check', 'old.md', 'new.md', '--registry', registryPath, '--format', 'json'], dir);
    const report = JSON.parse(r.stdout) as { asOf: string; findings: Array<{ ruleId: string; file: string; severity: string; message: string }> };
    expect(report.asOf).toBe(today);
    const stale = report.findings.filter((f) => f.ruleId === 'stale-year');
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({ file: 'old.md', severity: 'error' });
    expect(stale[0]!.message).toBe(`“${year - 1}年最新” presents ${year - 1} as current, but it is 1 year before the as-of date ${today}.`);
    expect(r.code).toBe(1);
  });
});
