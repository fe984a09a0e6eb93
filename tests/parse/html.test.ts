import { render } from '../../src/i18n/catalogue.js';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/parse/html.js';
import type { SourceFile } from '../../src/types.js';
import { expectArticleInvariants } from '../helpers/article-invariants.js';

const html = (text: string): SourceFile => ({ path: 'a.html', text, encoding: 'utf-8', format: 'html' });
const squeeze = (s: string) => s.replace(/[ \t\n]+/g, '');

const page = [
  '<!DOCTYPE html>',
  '<html><head>',
  '<meta charset="utf-8">',
  '<title>职工医保个人账户 - 某某网</title>',
  '<meta property="article:published_time" content="2025-03-14T08:00:00+08:00">',
  '<style>p { color: red; }</style>',
  '<script>var 说明 = "脚本里的句子。";</script>',
  '</head><body>',
  '<header>网站导航。</header>',
  '<nav><a href="/">首页</a></nav>',
  '<main>',
  '<h1>职工医保个人账户怎么用</h1>',
  '<p>个人账户可以<b>家庭共济</b>使用。<br>配偶也能用。</p>',
  '<!-- claimlint-disable-next-line stale-year -- 历史资料 -->',
  '<p>2024年最新标准&nbsp;见下文&amp;附件。</p>',
  '<h2>第一节</h2>',
  '<ul><li>第一条。</li><li>第二条</li></ul>',
  '<table><tr><td>住院</td><td>报销80%。</td></tr></table>',
  '<pre>代码里的句子。</pre>',
  '</main>',
  '<article><h2>相关阅读：异地就医</h2><time datetime="2024-05-01">2024年5月1日</time><p>异地就医需要备案。</p></article>',
  '<aside>侧栏广告。</aside>',
  '<footer>版权所有。</footer>',
  '</body></html>',
].join('\n');

describe('parseHtml', () => {
  const { article, problems } = parseHtml(html(page));

  it('keeps every offset exact and every sentence inside its unit', () => {
    expect(problems).toEqual([]);
    expectArticleInvariants(article);
  });

  it('drops script, style, nav, header, footer, aside and code', () => {
    const all = article.sentences.map((s) => squeeze(s.text)).join('|');
    for (const gone of ['脚本里的句子', '网站导航', '首页', '侧栏广告', '版权所有', '代码里的句子', 'color']) expect(all).not.toContain(gone);
  });

  it('reads block elements as separate pieces, inline tags blanked, <br> ending a piece', () => {
    expect(article.sentences.map((s) => squeeze(s.text))).toEqual([
      '职工医保个人账户怎么用',
      '个人账户可以家庭共济使用。',
      '配偶也能用。',
      '2024年最新标准\u00a0见下文&附件。',
      '第一节',
      '第一条。',
      '第二条',
      '住院',
      '报销80%。',
      '相关阅读：异地就医',
      '2024年5月1日',
      '异地就医需要备案。',
    ]);
    const bold = article.sentences[1]!;
    expect(page.slice(bold.span.start, bold.span.end)).toBe('个人账户可以<b>家庭共济</b>使用。');
  });

  it('makes units of headings and of <article>, titled by the h1 and dated by the meta and <time>', () => {
    expect(article.units.map((u) => [u.index, u.kind, u.depth, u.parent, u.title?.text, u.date])).toEqual([
      [0, 'article', 0, undefined, '职工医保个人账户怎么用', '2025-03-14'],
      [1, 'section', 1, 0, '职工医保个人账户怎么用', undefined],
      [2, 'section', 2, 1, '第一节', undefined],
      [3, 'block', 0, 2, '相关阅读：异地就医', '2024-05-01'],
    ]);
    expect(article.date).toBe('2025-03-14');
    const related = article.sentences.find((s) => s.text.includes('异地就医需要备案'))!;
    expect(related.unitIndex).toBe(3);
  });

  it('reads suppression directives from comments', () => {
    expect(article.directives).toEqual([
      {
        kind: 'disable-next-line',
        ruleIds: ['stale-year'],
        reason: '历史资料',
        span: { start: page.indexOf('<!-- claimlint'), end: page.indexOf('-->', page.indexOf('<!-- claimlint')) + 3 },
      },
    ]);
  });

  it('falls back to <title> and warns about an unknown directive', () => {
    const src = '<html><head><title>标题页</title></head><body><p>正文。</p><!-- claimlint-disabel x --></body></html>';
    const out = parseHtml(html(src));
    expectArticleInvariants(out.article);
    expect(out.article.units[0]!.title).toEqual({ text: '标题页', span: { start: src.indexOf('标题页'), end: src.indexOf('标题页') + 3 } });
    expect(out.problems).toEqual([expect.objectContaining({ severity: 'warning', line: 1, column: src.indexOf('<!--') + 1 })]);
  });

  it('counts offsets from the file start after a BOM', () => {
    const src = '\ufeff<p>第一句。</p>';
    const out = parseHtml(html(src));
    expect(out.article.sentences.map((s) => [s.text, s.span.start])).toEqual([['第一句。', 4]]);
  });
});

describe('parseHtml: declared charset', () => {
  it('notes a gbk declaration on a page whose bytes are UTF-8, and says nothing when they agree', () => {
    const src = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body><p>正文。</p></body></html>';
    const out = parseHtml(html(src));
    expect(out.problems.map((p) => ({ ...p, message: render('en', p.message) }))).toEqual([
      { severity: 'info', message: 'the page declares charset gbk, but its bytes are UTF-8; read as UTF-8', line: 1, column: src.indexOf('<meta') + 1 },
    ]);
    expect(parseHtml({ ...html(src), encoding: 'gb18030' }).problems).toEqual([]);
  });
});
