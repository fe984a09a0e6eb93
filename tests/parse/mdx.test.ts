import { render } from '../../src/i18n/catalogue.js';
import { describe, expect, it } from 'vitest';
import { parseMdx } from '../../src/parse/mdx.js';
import type { SourceFile } from '../../src/types.js';
import { expectArticleInvariants } from '../helpers/article-invariants.js';

const mdx = (text: string): SourceFile => ({ path: 'a.mdx', text, encoding: 'utf-8', format: 'mdx' });
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('parseMdx', () => {
  const src = [
    '---',
    'title: 个人账户家庭共济',
    'date: 2025-03-14',
    '---',
    '',
    "import Note from '../note.js'",
    '',
    'export const year = 2025',
    '',
    '# 家庭共济 {year}',
    '',
    '个人账户可以<Badge color="red">家庭共济</Badge>使用。{/* claimlint-disable-line stale-year -- 示例 */}',
    '',
    '<Note>',
    '  配偶也能用。',
    '</Note>',
    '',
    '{/* 普通注释 */}',
  ].join('\n');
  const { article, problems } = parseMdx(mdx(src));

  it('reads front matter, headings and prose; ESM, expressions and JSX tags are not prose', () => {
    expect(problems).toEqual([]);
    expectArticleInvariants(article);
    expect(article.frontMatter).toEqual({ title: '个人账户家庭共济', date: '2025-03-14' });
    expect(article.sentences.map((s) => squeeze(s.text))).toEqual(['家庭共济', '个人账户可以家庭共济使用。', '配偶也能用。']);
    expect(article.ignored).toContainEqual({ start: src.indexOf('import'), end: src.indexOf("js'") + 3 });
  });

  it('reads directives from comment expressions', () => {
    const at = src.indexOf('{/* claimlint');
    expect(article.directives).toEqual([
      { kind: 'disable-line', ruleIds: ['stale-year'], reason: '示例', span: { start: at, end: src.indexOf('*/}') + 3 } },
    ]);
  });

  it('reads a file that is not valid MDX as Markdown, with a warning at the place MDX stopped', () => {
    const bad = '# 标题\n\n比例 < 80% 时 {未闭合\n\n正文。';
    const out = parseMdx(mdx(bad));
    expectArticleInvariants(out.article);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({ severity: 'warning', line: 3 });
    expect(render('en', out.problems[0]!.message)).toMatch(/^not valid MDX/);
    expect(out.article.sentences.map((s) => s.text)).toContain('正文。');
  });
});
