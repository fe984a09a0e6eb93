// Scraped plain-text pages written for the project (tests/fixtures/pages): how
// they are cut into units, which lines are furniture, how date lines date the
// blocks, and what each rule reports on them. Expected values come from reading
// the pages: resign-account.txt has a breadcrumb, a main article, a disclaimer,
// share/back-to-top widgets, 相关推荐 and four related items each closed by a
// `健康新闻 2025-04-08` line; transfer-byline.txt has a 发布时间 byline, an
// editor line, 相关阅读 with items laid out title / byline / body, and an ICP footer.
import { describe, expect, it } from 'vitest';
import { loadPageStructure, parseArticle } from '../../src/parse/index.js';
import type { Article } from '../../src/types.js';
import { checkInvariants, sentencesOf } from '../helpers/article.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { pagesDir, readPage } from '../helpers/pages.js';
import { UNRELATED_REGISTRY } from '../helpers/registries.js';

const structure = loadPageStructure();
const parsed = (name: string): Article =>
  parseArticle({ path: name, text: readPage(name), encoding: 'utf-8', format: 'text' }, structure).article;
const ignoredText = (a: Article) => a.ignored.map((s) => a.file.text.slice(s.start, s.end));

describe('a page with related items closed by date lines (resign-account.txt)', () => {
  const a = parsed('resign-account.txt');

  it('keeps the invariants', () => checkInvariants(a));

  it('skips the breadcrumb and takes the next line as the title of the main article', () => {
    expect(a.units[0]).toMatchObject({ kind: 'article', index: 0 });
    expect(a.units[0]!.title?.text).toBe('离职以后医保个人账户里的钱还能用吗');
    expect(ignoredText(a)).toContain('首页 > 医保问答 > 职工医保');
    // Undated: the date lines belong to the related items, not to the page.
    expect(a.date).toBeUndefined();
    expect(a.units[0]!.date).toBeUndefined();
  });

  it('reads list items and numbered sub-headings as sentences of the main article', () => {
    const main = sentencesOf(a, 0);
    expect(main).toContain('余额不会清零');
    expect(main).toContain('待遇什么时候恢复');
    expect(main.some((t) => t.startsWith('一般情况 :个人账户资金原则上不得提取现金'))).toBe(true);
    expect(main.at(-1)).toBe('根据2023年最新政策,断缴超过3个月的需重新计算等待期。');
  });

  it('makes one unit per related item, each dated by the line that closes it', () => {
    expect(a.units.slice(1).map((u) => [u.kind, u.title?.text, u.date])).toEqual([
      ['block', '九江职工医保每月交多少钱', '2025-04-08'],
      ['block', '九江市第一人民医院地址在哪', '2025-04-08'],
      ['block', '2025年江西九江看颈椎病的医院有哪些', '2025-04-08'],
      ['block', '九江市第一人民医院是几级医院', '2025-04-08'],
    ]);
    expect(sentencesOf(a, 3)).toEqual([
      '2025年江西九江看颈椎病的医院有哪些',
      '九江看颈椎病比较好的医院有九江市第一人民医院、九江市中医医院。',
      '南昌市第三医院的骨科也开设了颈椎专病门诊。',
    ]);
  });

  it('keeps the disclaimer, the widgets, the related marker and the date lines out of prose', () => {
    const prose = a.sentences.map((s) => s.text).join('\n');
    for (const furniture of ['本内容不能代替面诊', '分享到', '返回顶部', '相关推荐', '健康新闻', '首页']) {
      expect(prose).not.toContain(furniture);
    }
    const ignored = ignoredText(a);
    expect(ignored).toEqual(expect.arrayContaining(['提示:本内容不能代替面诊,如有不适请尽快就医。', '分享到', '返回顶部', '相关推荐']));
    expect(ignored.filter((t) => t === '健康新闻 2025-04-08')).toHaveLength(4);
  });
});

describe('a page with a byline and title / byline / body related items (transfer-byline.txt)', () => {
  const a = parsed('transfer-byline.txt');

  it('keeps the invariants', () => checkInvariants(a));

  it('dates the page from its 发布时间 line, time of day and all', () => {
    expect(a.units[0]!.title?.text).toBe('医保关系跨省转移怎么办理');
    expect(a.date).toBe('2025-05-20');
    expect(a.units[0]!.date).toBe('2025-05-20');
  });

  it('splits the related items at their titles and dates each from its byline', () => {
    expect(a.units.slice(1).map((u) => [u.title?.text, u.date])).toEqual([
      ['异地就医备案需要什么材料', '2025-05-18'],
      ['退休后医保还要交吗', '2025-05-16'],
    ]);
    expect(sentencesOf(a, 1)).toEqual(['异地就医备案需要什么材料', '办理异地就医备案一般只需要身份证和医保电子凭证,在国家医保服务平台即可提交。']);
  });

  it('keeps the editor line, the related marker and the ICP footer out of prose', () => {
    const prose = a.sentences.map((s) => s.text).join('\n');
    for (const furniture of ['责任编辑', '相关阅读', 'ICP备', '发布时间', '2025/05/18']) expect(prose).not.toContain(furniture);
  });
});

describe('the rules on the project pages (CLI)', () => {
  // A one-claim registry that no sentence on these pages is about: the findings
  // below do not depend on the bundled registry, which others keep editing.
  const dir = tempTree({ 'claims/test.yaml': UNRELATED_REGISTRY });
  const run = runCli(['check', pagesDir, '--format', 'json', '--as-of', '2025-06-30', '--registry', `${dir}/claims`]);
  const findings = (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; column: number; severity: string; related?: Array<{ line: number }> }> }).findings;
  const at = (rule: string) => findings.filter((f) => f.ruleId === rule).map((f) => `${f.file.split('/').pop()}:${f.line}:${f.column} ${f.severity}`);

  it('exits 1 with nothing on stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  });

  it('reports the 2023 presented as the latest policy, two years before the as-of date', () => {
    // Line 19, “…待遇不中断。根据2023年最新政策…”: 2023 starts at UTF-16 column 26.
    expect(at('stale-year')).toEqual(['resign-account.txt:19:26 error']);
  });

  it('reports the 南昌 hospital in the block titled 江西九江', () => {
    // Line 40 is the third sentence of that block; “南昌市第三医院” starts after the 31 characters before it.
    expect(at('region-conflict')).toEqual(['resign-account.txt:40:32 error']);
  });

  it('reports the two addresses of 九江市第一人民医院 (塔岭南路48号 / 52号) and not its two ways of writing 三甲', () => {
    const c = findings.filter((f) => f.ruleId === 'corpus-conflict');
    expect(c.map((f) => `${f.file.split('/').pop()}:${f.line}`)).toEqual(['resign-account.txt:34']);
    expect(c[0]!.related?.map((r) => r.line)).toEqual([46]);
  });

  it('reports nothing on the transfer page, whose statements agree with each other', () => {
    expect(findings.filter((f) => f.file.endsWith('transfer-byline.txt'))).toEqual([]);
  });
});

describe('a page cut inside its last character (issue 9, defect 2)', () => {
  // The resignation page followed by 医保 with the last byte of 保 (E4 BF 9D) missing.
  const bytes = Buffer.from(`${readPage('resign-account.txt')}医保`, 'utf8');
  const dir = tempTree({ 'claims/test.yaml': UNRELATED_REGISTRY, 'cut.txt': bytes.subarray(0, bytes.length - 1) });
  const run = runCli(['check', 'cut.txt', '--format', 'json', '--as-of', '2025-06-30', '--registry', 'claims'], dir);
  const findings = (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; line: number; severity: string; message: string }> }).findings;

  it('keeps the findings of the intact page', () => {
    expect(findings.filter((f) => f.ruleId !== 'input').map((f) => `${f.ruleId}:${f.line}`)).toEqual(['stale-year:19', 'corpus-conflict:34', 'region-conflict:40']);
  });

  it('warns once about the bad bytes, on line 49 (the page has 48 lines, each ending in a newline)', () => {
    const input = findings.filter((f) => f.ruleId === 'input');
    expect(input).toHaveLength(1);
    expect(input[0]).toMatchObject({ severity: 'warning', line: 49 });
    expect(input[0]!.message).toContain(`at byte offset ${bytes.length - 3} (e4 bf)`);
  });
});
