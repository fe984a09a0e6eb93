// The plain-text page parser on the two real scraped pages in ../shared/samples
// (acceptance suite; tests/parse/scraped-pages.test.ts covers the same layouts on
// pages written for the project).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPageStructure, parseArticle } from '../../src/parse/index.js';
import type { SourceFile } from '../../src/types.js';
import { checkInvariants, sentencesOf } from '../helpers/article.js';
import { samplesDir } from '../helpers/acceptance.js';

const structure = loadPageStructure();
const sample = (name: string): SourceFile => ({ path: name, text: readFileSync(join(samplesDir, name), 'utf8'), encoding: 'utf-8', format: 'text' });

describe('parsePlainText on sample 000 (main article + related items)', () => {
  const { article, problems } = parseArticle(sample('000_c20b1bd4671130ea.txt'), structure);

  it('keeps the invariants', () => {
    expect(problems).toEqual([]);
    checkInvariants(article);
  });

  it('makes the main article unit 0, titled by the first line', () => {
    const u0 = article.units[0]!;
    expect(u0.kind).toBe('article');
    expect(u0.title?.text).toBe('职工医保辞职后里面钱怎么办');
    expect(u0.title?.span).toEqual({ start: 0, end: 13 });
    expect(article.sentences[0]).toMatchObject({ text: '职工医保辞职后里面钱怎么办', unitIndex: 0, isTitle: true });
    // No page date line on this page.
    expect(article.date).toBeUndefined();
  });

  it('keeps numbered sub-headings in unit 0 as ordinary sentences', () => {
    const sub = article.sentences.filter((s) => s.text === '医保账户资金能否提取' || s.text === '一般情况下不能提取');
    expect(sub).toHaveLength(2);
    for (const s of sub) expect(s).toMatchObject({ unitIndex: 0, isTitle: false });
    expect(sentencesOf(article, 0)).toContain('若离职后未及时参保或转移,账户资金将停止累计缴费年限且无法提取。');
    expect(sentencesOf(article, 0).at(-1)).toBe('通过以上方式,职工可根据实际情况灵活处理离职后的医保账户资金,避免因操作不当影响医疗保障权益。');
  });

  it('makes one dated block per related item after 相关推荐', () => {
    const blocks = article.units.slice(1);
    expect(blocks).toHaveLength(19);
    for (const b of blocks) expect(b).toMatchObject({ kind: 'block', depth: 0, date: '2025-03-14' });
    expect(blocks[0]!.title?.text).toBe('南昌社保最低交多少钱一个月');
    expect(blocks[18]!.title?.text).toBe('南昌六险一金缴纳比例');
    expect(blocks.map((b) => b.title?.text)).toContain('淮北矿务局大病医疗报销比例');
    expect(article.units[0]!.date).toBeUndefined();
  });

  it('puts each related item body in its own unit', () => {
    const i = article.units.findIndex((u) => u.title?.text === '2025年河北邯郸治疗尾骨痛的医院有哪些');
    expect(i).toBeGreaterThan(0);
    const body = sentencesOf(article, i);
    expect(body[0]).toBe('2025年河北邯郸治疗尾骨痛的医院有哪些');
    expect(body.some((s) => s.startsWith('在2025年,河北邯郸有几家医院'))).toBe(true);
    expect(article.sentences.filter((s) => s.unitIndex === i && s.isTitle)).toHaveLength(1);
    // The block ends with its date line.
    const u = article.units[i]!;
    expect(article.file.text.slice(u.span.start, u.span.end).endsWith('健康新闻 2025-03-14')).toBe(true);
  });

  it('treats the disclaimer, 相关推荐 and the date lines as furniture, not prose', () => {
    const texts = article.sentences.map((s) => s.text);
    expect(texts.some((t) => t.includes('本内容不能代替面诊'))).toBe(false);
    expect(texts).not.toContain('相关推荐');
    expect(texts.some((t) => t.includes('健康新闻'))).toBe(false);
    const ignoredText = article.ignored.map((s) => article.file.text.slice(s.start, s.end));
    expect(ignoredText).toContain('提示:本内容不能代替面诊,如有不适请尽快就医。');
    expect(ignoredText).toContain('相关推荐');
    expect(ignoredText.filter((t) => t === '健康新闻 2025-03-14')).toHaveLength(19);
  });
});

describe('parsePlainText on sample 001', () => {
  const { article } = parseArticle(sample('001_52265ac67fb53659.txt'), structure);

  it('keeps the invariants', () => checkInvariants(article));

  it('finds the title, the main article and 20 related items dated 2025-04-23', () => {
    expect(article.units[0]!.title?.text).toBe('职工医保停交后里面的钱还能用吗');
    const blocks = article.units.slice(1);
    expect(blocks).toHaveLength(20);
    for (const b of blocks) expect(b).toMatchObject({ kind: 'block', date: '2025-04-23', parent: 0 });
    expect(blocks[0]!.title?.text).toBe('2025年安徽滁州治疗眩晕什么医院好');
    expect(blocks[19]!.title?.text).toBe('职工医保转居民医保余额为0');
  });

  it('reads indented list items of the main article as sentences of unit 0', () => {
    const s = article.sentences.find((x) => x.text.startsWith('若连续中断缴费超过3个月且未补缴'));
    expect(s).toMatchObject({ unitIndex: 0, isTitle: false });
    expect(s!.text).toBe('若连续中断缴费超过3个月且未补缴,则视为中断参保,需连续缴费满6个月后才能恢复待遇。');
    // "• 账户封存期间…" loses its bullet.
    expect(sentencesOf(article, 0).some((t) => t.startsWith('账户封存期间,个人账户内的资金仍可正常使用'))).toBe(true);
  });

  it('does not leave the next item number on a sentence inside a related item', () => {
    const i = article.units.findIndex((u) => u.title?.text === '四川医保每年有2千门诊报销吗');
    expect(sentencesOf(article, i)).toContain('以下是详细说明:');
  });
});
