import { render } from '../../src/i18n/catalogue.js';
import { describe, expect, it } from 'vitest';
import { mayHoldGfm, normaliseDate, parseMarkdown } from '../../src/parse/markdown.js';
import type { Article, SourceFile } from '../../src/types.js';
import { expectArticleInvariants } from '../helpers/article-invariants.js';

const md = (text: string): SourceFile => ({ path: 'a.md', text, encoding: 'utf-8', format: 'markdown' });

/** Sentence texts per unit index. */
function byUnit(a: Article): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const s of a.sentences) (out[s.unitIndex] ??= []).push(s.text);
  return out;
}

describe('parseMarkdown: front matter', () => {
  const text = [
    '---',
    'title: "医保政策解读"',
    'date: 2025-03-14',
    'updated: 2025年6月1日',
    'region: 北京',
    'tags: [医保, 职工]',
    '---',
    '',
    '正文第一句。',
    '',
  ].join('\n');

  it('reads title, dates (normalised), region and tags', () => {
    const { article, problems } = parseMarkdown(md(text));
    expect(problems).toEqual([]);
    expect(article.frontMatter).toEqual({ title: '医保政策解读', date: '2025-03-14', updated: '2025-06-01', region: '北京', tags: ['医保', '职工'] });
    expect(article.date).toBe('2025-06-01');
  });

  it('makes the front-matter title the article title, with its span inside the quotes', () => {
    const { article } = parseMarkdown(md(text));
    const u0 = article.units[0]!;
    expect(u0).toMatchObject({ index: 0, kind: 'article', depth: 0, date: '2025-06-01', declaredRegion: '北京' });
    expect(u0.title?.text).toBe('医保政策解读');
    // '---\n' is 4 chars, 'title: "' is 8 more.
    expect(u0.title?.span).toEqual({ start: 12, end: 18 });
  });

  it('puts the front matter in ignored and reads no sentences from it', () => {
    const { article } = parseMarkdown(md(text));
    expect(article.ignored[0]).toEqual({ start: 0, end: text.indexOf('---', 4) + 3 });
    expect(article.sentences.map((s) => s.text)).toEqual(['正文第一句。']);
  });

  it('reports malformed YAML at front matter line + YAML line and goes on with empty front matter', () => {
    const bad = ['---', 'title: 医保', 'date: 2025: 03', 'region: 上海', '---', '# 标题', '正文。'].join('\n');
    const { article, problems } = parseMarkdown(md(bad));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', line: 3 });
    expect(render('en', problems[0]!.message)).toContain('front matter');
    expect(article.frontMatter).toEqual({});
    expect(article.units[0]!.title?.text).toBe('标题');
    expect(article.sentences.map((s) => s.text)).toEqual(['标题', '正文。']);
  });

  it('warns about a date that is not a date but keeps the other fields', () => {
    const { article, problems } = parseMarkdown(md('---\ntitle: 甲\ndate: 最近\n---\n正文。'));
    expect(article.frontMatter).toEqual({ title: '甲' });
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 3, column: 7 })]);
  });
});

describe('parseMarkdown: units and sentences', () => {
  const text = [
    '# 总标题', //             0..5
    '',
    '导语一。导语二；导语三', // 7..18
    '',
    '## 第一节', //            19..25
    '',
    '### 小节', //             27..33
    '',
    '- 列表一。',
    '- 列表二',
    '',
    '## 第二节',
    '',
    '> 引用一。',
    '> 引用二。',
    '',
    '# 另一篇',
    '尾句。',
  ].join('\n');

  it('opens a section per heading with parent by depth, spans to the next same-or-higher heading', () => {
    const { article } = parseMarkdown(md(text));
    const units = article.units.map((u) => [u.index, u.kind, u.depth, u.parent, u.title?.text]);
    expect(units).toEqual([
      [0, 'article', 0, undefined, '总标题'],
      [1, 'section', 1, 0, '总标题'],
      [2, 'section', 2, 1, '第一节'],
      [3, 'section', 3, 2, '小节'],
      [4, 'section', 2, 1, '第二节'],
      [5, 'section', 1, 0, '另一篇'],
    ]);
    const start = (s: string): number => text.indexOf(s);
    expect(article.units[1]!.span).toEqual({ start: 0, end: start('# 另一篇') });
    expect(article.units[2]!.span).toEqual({ start: start('## 第一节'), end: start('## 第二节') });
    expect(article.units[3]!.span).toEqual({ start: start('### 小节'), end: start('## 第二节') });
    expect(article.units[4]!.span).toEqual({ start: start('## 第二节'), end: start('# 另一篇') });
    expect(article.units[5]!.span).toEqual({ start: start('# 另一篇'), end: text.length });
  });

  it('puts each sentence in the innermost unit; headings are title sentences', () => {
    const { article } = parseMarkdown(md(text));
    expect(byUnit(article)).toEqual({
      1: ['总标题', '导语一。', '导语二；', '导语三'],
      2: ['第一节'],
      3: ['小节', '列表一。', '列表二'],
      4: ['第二节', '引用一。', '引用二。'],
      5: ['另一篇', '尾句。'],
    });
    expect(article.sentences.filter((s) => s.isTitle).map((s) => s.text)).toEqual(['总标题', '第一节', '小节', '第二节', '另一篇']);
  });

  it('gives exact spans, with blockquote markers left out of continuation lines', () => {
    const { article } = parseMarkdown(md(text));
    for (const s of article.sentences) expect(text.slice(s.span.start, s.span.end)).toBe(s.text);
    const q2 = article.sentences.find((s) => s.text === '引用二。')!;
    expect(q2.span.start).toBe(text.indexOf('> 引用二。') + 2);
    expect(article.sentences[1]!.span).toEqual({ start: 7, end: 11 });
  });

  it('keeps exact spans in a CRLF file', () => {
    const crlf = '# 标题\r\n\r\n第一句。第二句\r\n续行。\r\n';
    const { article } = parseMarkdown(md(crlf));
    expect(article.sentences.map((s) => [s.text, s.span.start, s.span.end])).toEqual([
      ['标题', 2, 4],
      ['第一句。', 8, 12],
      ['第二句', 12, 15],
      ['续行。', 17, 20],
    ]);
  });

  it('skips fenced and indented code but keeps inline code text', () => {
    const src = '前文。\n\n```yaml\n代码里的句子。\n```\n\n    缩进代码。\n\n含 `行内代码` 的句子。';
    const { article } = parseMarkdown(md(src));
    expect(article.sentences.map((s) => s.text)).toEqual(['前文。', '含 `行内代码` 的句子。']);
    const fence = { start: src.indexOf('```yaml'), end: src.indexOf('```\n\n') + 3 };
    expect(article.ignored).toContainEqual(fence);
  });

  it('counts link text but not link destinations, keeping text and span the same length', () => {
    const src = '详见[官方通知](https://example.gov/2024/notice)办理。';
    const { article } = parseMarkdown(md(src));
    const [s] = article.sentences;
    expect(s!.span).toEqual({ start: 0, end: src.length });
    expect(s!.text).toHaveLength(src.length);
    expect(s!.text).toContain('官方通知');
    expect(s!.text).not.toContain('2024');
    expect(s!.text.replace(/ +/g, '')).toBe('详见官方通知办理。');
  });

  it('splits a pipe table into cell sentences and skips the delimiter row', () => {
    const src = '| 项目 | 比例 |\n|---|:---:|\n| 住院 | 报销80%。 |';
    const { article } = parseMarkdown(md(src));
    expect(article.sentences.map((s) => [s.text, s.span.start])).toEqual([
      ['项目', 2],
      ['比例', 7],
      ['住院', 26],
      ['报销80%。', 31],
    ]);
  });
});

describe('parseMarkdown: directives', () => {
  it('reads disable with rules and a reason, enable, next-line and line forms', () => {
    const src = [
      '<!-- claimlint-disable stale-year, region-conflict -- 历史资料 -->',
      '旧政策原文。',
      '<!-- claimlint-enable -->',
      '<!-- claimlint-disable-next-line claim-contradiction -->',
      '下一行的话。',
      '这句话有问题。<!-- claimlint-disable-line -->',
    ].join('\n');
    const { article, problems } = parseMarkdown(md(src));
    expect(problems).toEqual([]);
    expect(article.directives.map((d) => [d.kind, d.ruleIds, d.reason])).toEqual([
      ['disable', ['stale-year', 'region-conflict'], '历史资料'],
      ['enable', [], undefined],
      ['disable-next-line', ['claim-contradiction'], undefined],
      ['disable-line', [], undefined],
    ]);
    const last = article.directives[3]!;
    expect(src.slice(last.span.start, last.span.end)).toBe('<!-- claimlint-disable-line -->');
    // The comments are not prose: the text next to them is, without the comment.
    expect(article.sentences.map((s) => s.text.trimEnd())).toEqual(['旧政策原文。', '下一行的话。', '这句话有问题。']);
    expect(article.ignored).toContainEqual(last.span);
  });

  it('finds a directive inside a paragraph with text on both sides', () => {
    const src = '第一句。<!-- claimlint-disable-line stale-year -->第二句。';
    const { article } = parseMarkdown(md(src));
    expect(article.directives).toEqual([{ kind: 'disable-line', ruleIds: ['stale-year'], span: { start: 4, end: 46 } }]);
    expect(article.sentences.map((s) => [s.text, s.span.start, s.span.end])).toEqual([
      ['第一句。', 0, 4],
      ['第二句。', 46, 50],
    ]);
  });

  it('ignores directive-like text in code and warns about unknown directives', () => {
    const src = '```\n<!-- claimlint-disable -->\n```\n\n<!-- claimlint-disabel x -->\n\n正文。';
    const { article, problems } = parseMarkdown(md(src));
    expect(article.directives).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 5, column: 1 })]);
  });
});

describe('parseMarkdown: front matter fences and YAML edge cases', () => {
  it('accepts `...` as the closing fence', () => {
    const src = '---\ntitle: 甲\n...\n正文。';
    const { article, problems } = parseMarkdown(md(src));
    expect(problems).toEqual([]);
    expect(article.frontMatter).toEqual({ title: '甲' });
    expect(article.ignored[0]).toEqual({ start: 0, end: src.indexOf('...') + 3 });
    expect(article.sentences.map((s) => s.text)).toEqual(['正文。']);
  });

  it('reads values the way YAML types them (numbers, comma-separated tag strings)', () => {
    const src = '---\ntitle: 2025\ntags: 医保，职工\nregion: "北京"\n---\n正文。';
    const { article, problems } = parseMarkdown(md(src));
    expect(problems).toEqual([]);
    expect(article.frontMatter).toEqual({ title: '2025', tags: ['医保', '职工'], region: '北京' });
    expect(article.units[0]!.title?.span).toEqual({ start: src.indexOf('2025'), end: src.indexOf('2025') + 4 });
  });

  it('warns about a number where a date belongs and about duplicate keys', () => {
    const num = parseMarkdown(md('---\ntitle: 甲\ndate: 20250314\n---\n正文。'));
    expect(num.article.frontMatter).toEqual({ title: '甲' });
    expect(num.problems).toEqual([expect.objectContaining({ severity: 'warning', line: 3, column: 7 })]);

    const dup = parseMarkdown(md('---\ntitle: 甲\ntitle: 乙\n---\n正文。'));
    expect(dup.article.frontMatter).toEqual({});
    expect(dup.problems).toEqual([expect.objectContaining({ severity: 'warning', line: 3 })]);
  });

  it('counts offsets from the file start when the file has a BOM', () => {
    const src = '\ufeff---\ntitle: 甲\n---\n# 标题\r正文。';
    const { article } = parseMarkdown(md(src));
    expect(article.frontMatter).toEqual({ title: '甲' });
    expect(article.units[0]!.title?.span).toEqual({ start: src.indexOf('甲'), end: src.indexOf('甲') + 1 });
    expect(article.units[1]!.span.start).toBe(src.indexOf('# 标题'));
    expect(article.sentences.map((s) => [s.text, s.span.start])).toEqual([
      ['标题', src.indexOf('标题')],
      ['正文。', src.indexOf('正文')],
    ]);
  });
});

describe('parseMarkdown: block structure', () => {
  it('leaves list markers and quote markers out of sentences, nested or not', () => {
    const src = '> - 引用列表。\n>   续行。\n\n1. 第一。\n\n   续段。\n- - 嵌套项。';
    const { article } = parseMarkdown(md(src));
    expect(article.sentences.map((s) => [s.text, s.span.start])).toEqual([
      ['引用列表。', src.indexOf('引用列表')],
      ['续行。', src.indexOf('续行')],
      ['第一。', src.indexOf('第一')],
      ['续段。', src.indexOf('续段')],
      ['嵌套项。', src.indexOf('嵌套项')],
    ]);
  });

  it('reads setext headings and drops an ATX closing sequence', () => {
    const src = '标题一\n===\n\n## 小节 ##\n\n正文。';
    const { article } = parseMarkdown(md(src));
    expect(article.units.map((u) => [u.depth, u.parent, u.title?.text])).toEqual([
      [0, undefined, '标题一'],
      [1, 0, '标题一'],
      [2, 1, '小节'],
    ]);
    expect(article.units[2]!.title?.span).toEqual({ start: src.indexOf('小节'), end: src.indexOf('小节') + 2 });
    expect(article.units[2]!.span.start).toBe(src.indexOf('## 小节'));
  });

  it('splits table rows in a blockquote, and rows whose cell counts do not match the delimiter row', () => {
    const quoted = '> | 项目 | 比例 |\n> |---|---|\n> | 住院 | 报销。 |';
    const q = parseMarkdown(md(quoted)).article;
    expect(q.sentences.map((s) => [s.text, s.span.start])).toEqual([
      ['项目', quoted.indexOf('项目')],
      ['比例', quoted.indexOf('比例')],
      ['住院', quoted.indexOf('住院')],
      ['报销。', quoted.indexOf('报销')],
    ]);
    const loose = '| 项目 | 比例 | 备注 |\n|---|---|\n| 住院 | 80% |';
    expect(parseMarkdown(md(loose)).article.sentences.map((s) => s.text)).toEqual(['项目', '比例', '备注', '住院', '80%']);
  });

  it('keeps the text of reference links, ignores definitions and leaves undefined references alone', () => {
    const src = '参考[医保局][gov]和[通知]，见[附件]。\n\n[gov]: https://nhsa.gov.cn\n[通知]: https://example.cn/2024';
    const { article } = parseMarkdown(md(src));
    expect(article.sentences).toHaveLength(1);
    const [s] = article.sentences;
    expect(s!.text.replace(/ +/g, '')).toBe('参考医保局和通知，见[附件]。');
    expect(s!.text).toHaveLength(s!.span.end - s!.span.start);
    expect(article.ignored).toContainEqual({ start: src.indexOf('[gov]:'), end: src.indexOf('\n[通知]:') });
    expect(article.ignored).toContainEqual({ start: src.indexOf('[通知]:'), end: src.length });
  });

  it('masks images, inline HTML tags and autolinks but not a comment inside inline code', () => {
    const src = '图![示意](a.png)后<span class="k">重点</span>及<https://nhsa.gov.cn>与`<!-- claimlint-disable -->`。';
    const { article } = parseMarkdown(md(src));
    expect(article.directives).toEqual([]);
    expect(article.sentences.map((s) => s.text.replace(/ +/g, ''))).toEqual(['图后重点及与`<!--claimlint-disable-->`。']);
    expect(article.ignored).toContainEqual({ start: src.indexOf('!['), end: src.indexOf('后') });
    expect(article.ignored).toContainEqual({ start: src.indexOf('<https'), end: src.indexOf('与') });
  });

  it('reads a directive from a comment block spanning several lines', () => {
    const src = '<!--\nclaimlint-disable stale-year\n-->\n正文。';
    const { article } = parseMarkdown(md(src));
    expect(article.directives).toEqual([{ kind: 'disable', ruleIds: ['stale-year'], span: { start: 0, end: src.indexOf('-->') + 3 } }]);
    expect(article.sentences.map((s) => s.text)).toEqual(['正文。']);
  });
});

describe('parseMarkdown: CommonMark corners', () => {
  const parsed = (text: string) => {
    const { article } = parseMarkdown(md(text));
    expectArticleInvariants(article);
    return article;
  };
  const texts = (text: string) => parsed(text).sentences.map((s) => s.text.trim());

  it('reads headings, paragraphs and list items', () => {
    const a = parsed(
      ['---', 'title: 标题', '---', '', '# 一级', '', '第一段第一行。', '第一段第二行。', '## 二级 ##', '- 项目一', '- 项目二', '', '1. 第一条', '2) 第二条', '', '正文。', ''].join('\n'),
    );
    expect(byUnit(a)).toEqual({
      1: ['一级', '第一段第一行。', '第一段第二行。'],
      2: ['二级', '项目一', '项目二', '第一条', '第二条', '正文。'],
    });
  });

  it('keeps list markers out of item spans', () => {
    const a = parsed('- 报销比例70%。\n\n10. 起付线800元。');
    const spans = a.sentences.map((s) => [s.text, s.span.start, s.span.end]);
    // "- " is 2 characters and "- 报销比例70%。" 10; the second line starts at 12 after two line breaks, "10. " is 4 more.
    expect(spans).toEqual([
      ['报销比例70%。', 2, 10],
      ['起付线800元。', 16, 24],
    ]);
  });

  it('reads lines that only look like block markup as CommonMark does', () => {
    // A number with a decimal point opens no list; a # without a space opens no heading.
    expect(texts('1.5元起付。\n2024年起执行。')).toEqual(['1.5元起付。', '2024年起执行。']);
    expect(texts('#标签 不是标题\n正文。')).toEqual(['#标签 不是标题', '正文。']);
    expect(parsed('####### 七个井号').units).toHaveLength(1);
    // A bullet interrupts a paragraph, a number other than 1 does not.
    expect(texts('段落\n- 打断段落的列表')).toEqual(['段落', '打断段落的列表']);
    // (the sentence splitter then cuts the 2. off the second line as a list marker).
    expect(texts('段落\n2. 不能打断段落的编号')).toEqual(['段落', '不能打断段落的编号']);
    // A lazy line continues the item's paragraph; after a blank line it does not.
    expect(texts('- 项目\n懒惰续行')).toEqual(['项目', '懒惰续行']);
    expect(parsed('- 项目\n\n懒惰续行不是').sentences).toHaveLength(2);
    // Five spaces after a marker: the item holds indented code, which is not prose.
    expect(texts('-     五个空格是代码')).toEqual([]);
    // Setext underlines make headings; a thematic break is no sentence.
    expect(parsed('段落\n---').units.map((u) => [u.depth, u.title?.text])).toEqual([
      [0, undefined],
      [2, '段落'],
    ]);
    expect(parsed('段落\n===').units[1]).toMatchObject({ depth: 1, title: { text: '段落' } });
    expect(texts('* * *')).toEqual([]);
    // An ordered list number has at most 9 digits: ten make a paragraph, number kept.
    expect(texts('1234567890. 十位数字').join('')).toBe('1234567890.十位数字');
    expect(texts('  缩进两格\n正文')).toEqual(['缩进两格', '正文']);
    // Empty headings open sections without titles.
    expect(parsed('#\n#\t\n# ').units.map((u) => u.title)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('keeps exact offsets with CRLF line breaks, a BOM and a NUL character', () => {
    const crlf = '第一行\r\n\r\n# 标题\r\n- 项目\r\n';
    expect(parsed(crlf).sentences.map((s) => [s.text, s.span.start])).toEqual([
      ['第一行', 0],
      ['标题', crlf.indexOf('标题')],
      ['项目', crlf.indexOf('项目')],
    ]);
    const bom = '\ufeff# 有 BOM 的标题\n正文';
    expect(parsed(bom).sentences.map((s) => [s.text, s.span.start])).toEqual([
      ['有 BOM 的标题', 3],
      ['正文', bom.indexOf('正文')],
    ]);
    expect(texts('含\u0000空字符的段落。')).toEqual(['含\u0000空字符的段落。']);
  });

  it('masks bare URLs (GFM literal autolinks) and footnote references; a footnote is prose without its label', () => {
    const src = '见https://nhsa.gov.cn/x 办理[^1]。\n\n[^1]: 注释内容。';
    const a = parsed(src);
    expect(a.sentences.map((s) => s.text.replace(/ +/g, ''))).toEqual(['见办理。', '注释内容。']);
    expect(a.ignored).toContainEqual({ start: 1, end: src.indexOf(' 办理') });
  });

  it('reads a table and a reference definition', () => {
    expect(texts('| 地区 | 比例 |\n|---|---|\n| 北京 | 70% |')).toEqual(['地区', '比例', '北京', '70%']);
    expect(texts('[定义]: http://example.com\n见[定义]。').map((t) => t.replace(/ +/g, ''))).toEqual(['见定义。']);
  });
});

describe('parseMarkdown: remark-gfm left out of text with no GFM trigger', () => {
  it('finds the trigger of every GFM construct', () => {
    for (const t of ['| a |', '~~删~~', '- [ ] 任务', '注[^1]', 'a@b.cn', '见www.nhsa.gov.cn', '见http://a.cn', 'HTTPS://A.CN']) expect(mayHoldGfm(t), t).toBe(true);
    expect(mayHoldGfm('# 标题\n\n- 列表。\n\n2. 编号：比例80%，<b>粗</b>。')).toBe(false);
  });

  it('reads a text without triggers exactly as with remark-gfm', () => {
    for (const text of [
      '---\ntitle: 甲\ndate: 2025-01-01\n---\n\n# 标题\n\n正文一。正文二。\n\n## 小节\n\n- 项目一\n- 项目二\n\n1. 第一\n2. 第二\n',
      '> 引用。\n> - 列表项。\n\n    缩进代码\n\n```\n代码\n```\n\n<div>块</div>\n\n**重点**与*强调*、`代码`。<!-- 注释 -->',
      '标题\n===\n\n段落\\\n换行。\n\n***\n',
    ]) {
      expect(mayHoldGfm(text)).toBe(false);
      expect(parseMarkdown(md(text))).toEqual(parseMarkdown(md(text), { gfm: 'always' }));
    }
  });
});

describe('parseMarkdown: nesting too deep for remark', () => {
  it('reads a file that opens thousands of containers on a line as a plain-text page, with a warning on that line', () => {
    const src = `# 标题\n\n${'>'.repeat(3000)} 个人账户余额会清零。\n`;
    const { article, problems } = parseMarkdown(md(src));
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 3 })]);
    expect(render('en', problems[0]!.message)).toContain('read as a plain-text page');
    expect(article.sentences.some((s) => s.text.includes('个人账户余额会清零'))).toBe(true);
    // A hundred levels is still Markdown.
    expect(parseMarkdown(md(`${'> '.repeat(100)}引用。`)).problems).toEqual([]);
  });
});

describe('normaliseDate', () => {
  it('checks the day against the month, with leap years as Date.UTC counts them', () => {
    expect(normaliseDate('2024-02-29')).toBe('2024-02-29');
    expect(normaliseDate('2000/2/29')).toBe('2000-02-29');
    expect(normaliseDate('2100-02-29')).toBeUndefined();
    expect(normaliseDate('2025-04-31')).toBeUndefined();
    expect(normaliseDate('2025年12月31日')).toBe('2025-12-31');
    // Date.UTC reads the years 0–99 as 1900–1999, and 1900 is no leap year.
    expect(normaliseDate('0000-02-29')).toBeUndefined();
    expect(normaliseDate('0004-02-29')).toBe('0004-02-29');
  });
});
