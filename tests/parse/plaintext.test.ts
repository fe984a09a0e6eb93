import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPageStructure, parseArticle } from '../../src/parse/index.js';
import { parsePlainText } from '../../src/parse/plaintext.js';
import type { SourceFile } from '../../src/types.js';
import { checkInvariants, sentencesOf } from '../helpers/article.js';

const structure = loadPageStructure();

const txt = (text: string, path = 'page.txt'): SourceFile => ({ path, text, encoding: 'utf-8', format: 'text' });

describe('parsePlainText on synthetic pages', () => {
  it('dates the page from a 时间： line and keeps it out of prose', () => {
    const text = '灵活就业人员参保指南\n时间：2025-06-18 18:32\n\n可以个人身份参保。\n';
    const { article } = parsePlainText(txt(text), structure);
    expect(article.date).toBe('2025-06-18');
    expect(article.units[0]!.date).toBe('2025-06-18');
    expect(article.sentences.map((s) => s.text)).toEqual(['灵活就业人员参保指南', '可以个人身份参保。']);
  });

  it('reads a (yy/mm/dd) page date and a 发布时间 line', () => {
    expect(parsePlainText(txt('标题\n(25/06/17)\n正文。'), structure).article.date).toBe('2025-06-17');
    expect(parsePlainText(txt('标题\n发布时间：2024年3月5日\n正文。'), structure).article.date).toBe('2024-03-05');
  });

  it('gives no title when the first line is a sentence, and keeps one unit without markers', () => {
    const text = '账户余额可以继续使用。\n补缴后次月恢复待遇。\n';
    const { article } = parsePlainText(txt(text), structure);
    expect(article.units).toHaveLength(1);
    expect(article.units[0]!.title).toBeUndefined();
    expect(article.sentences.map((s) => [s.text, s.isTitle])).toEqual([
      ['账户余额可以继续使用。', false],
      ['补缴后次月恢复待遇。', false],
    ]);
  });

  it('splits related items without date lines at their title lines, with exact CRLF spans', () => {
    const text = '主标题\r\n正文一句。\r\n相关推荐\r\n甲地报销比例\r\n甲地的比例是五成。\r\n乙地报销比例\r\n乙地的比例是六成。\r\n';
    const { article } = parsePlainText(txt(text), structure);
    checkInvariants(article);
    expect(article.units.map((u) => [u.kind, u.title?.text])).toEqual([
      ['article', '主标题'],
      ['block', '甲地报销比例'],
      ['block', '乙地报销比例'],
    ]);
    expect(sentencesOf(article, 2)).toEqual(['乙地报销比例', '乙地的比例是六成。']);
    const last = article.sentences.at(-1)!;
    expect(last.span).toEqual({ start: text.indexOf('乙地的'), end: text.indexOf('乙地的') + 9 });
    expect(article.units[2]!.span.end).toBe(last.span.end);
  });

  it('lets a trailing date line close the main article when there is no related marker', () => {
    const text = '主标题\n正文。\n来源网 2024年12月1日\n下一条标题\n下一条正文。\n来源网 2024年12月2日\n';
    const { article } = parsePlainText(txt(text), structure);
    expect(article.units.map((u) => [u.index, u.title?.text, u.date])).toEqual([
      [0, '主标题', '2024-12-01'],
      [1, '下一条标题', '2024-12-02'],
    ]);
    expect(article.date).toBe('2024-12-01');
  });

  it('reads a date line right under a title as a byline: it dates the unit without ending it', () => {
    const text = '主标题\n资讯网 2025-01-02\n正文一。\n正文二。\n';
    const { article } = parsePlainText(txt(text), structure);
    expect(article.units).toHaveLength(1);
    expect(article.date).toBe('2025-01-02');
    expect(sentencesOf(article, 0)).toEqual(['主标题', '正文一。', '正文二。']);
  });

  it('splits related items laid out as title, byline, body', () => {
    const text = '主标题\n正文。\n相关推荐\n甲地标题\n资讯网 2024-01-01\n甲地正文。\n乙地标题\n资讯网 2024-01-02\n乙地正文。\n';
    const { article } = parsePlainText(txt(text), structure);
    checkInvariants(article);
    expect(article.units.map((u) => [u.title?.text, u.date])).toEqual([
      ['主标题', undefined],
      ['甲地标题', '2024-01-01'],
      ['乙地标题', '2024-01-02'],
    ]);
    expect(sentencesOf(article, 1)).toEqual(['甲地标题', '甲地正文。']);
  });

  it('does not take a date inside prose for a date line', () => {
    const text = '标题\n政策自2024-01-01起施行。\n';
    const { article } = parsePlainText(txt(text), structure);
    expect(article.sentences.map((s) => s.text)).toEqual(['标题', '政策自2024-01-01起施行。']);
    expect(article.date).toBeUndefined();
  });
});

describe('loadPageStructure', () => {
  it('finds data/page-structure.yaml from the package root', () => {
    expect(structure.relatedMarkers).toContain('相关推荐');
    expect(structure.maxTitleLength).toBeGreaterThan(0);
  });

  it('fills missing keys with defaults and rejects bad values naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-ps-'));
    const ok = join(dir, 'ok.yaml');
    writeFileSync(ok, 'maxTitleLength: 12\nrelatedMarkers: [更多内容]\n');
    const s = loadPageStructure(ok);
    expect(s.maxTitleLength).toBe(12);
    expect(s.relatedMarkers).toEqual(['更多内容']);
    expect(s.blockDatePatterns.length).toBeGreaterThan(0);

    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'boilerplatePatterns: ["(unclosed"]\n');
    expect(() => loadPageStructure(bad)).toThrow(/bad\.yaml.*boilerplatePatterns/);
    expect(() => loadPageStructure(join(dir, 'missing.yaml'))).toThrow(/missing\.yaml/);
  });

  it('parseArticle dispatches on format', () => {
    const text = '# 标题\n正文。';
    expect(parseArticle({ ...txt(text), format: 'markdown' }, structure).article.units[0]!.title?.text).toBe('标题');
    expect(parseArticle(txt(text), structure).article.units[0]!.title?.text).toBe('# 标题');
  });
});
