import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPageStructure, parseArticle } from '../src/parse/index.js';
import { parsePlainText } from '../src/parse/plaintext.js';
import type { Article, SourceFile } from '../src/types.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const samples = resolve(repoRoot, '../shared/samples');
const structure = loadPageStructure();

const txt = (text: string, path = 'page.txt'): SourceFile => ({ path, text, encoding: 'utf-8', format: 'text' });
const sample = (name: string): SourceFile => txt(readFileSync(join(samples, name), 'utf8'), name);

function sentencesOf(a: Article, unit: number): string[] {
  return a.sentences.filter((s) => s.unitIndex === unit).map((s) => s.text);
}

/** Invariants every parse must keep. */
function checkInvariants(a: Article): void {
  const text = a.file.text;
  a.units.forEach((u, i) => expect(u.index).toBe(i));
  for (const s of a.sentences) {
    expect(text.slice(s.span.start, s.span.end)).toBe(s.text);
    const u = a.units[s.unitIndex]!;
    expect(s.span.start).toBeGreaterThanOrEqual(u.span.start);
    expect(s.span.end).toBeLessThanOrEqual(u.span.end);
    // Innermost: no later unit (units nest inside 0 and never overlap each other) also contains it.
    for (const other of a.units.slice(s.unitIndex + 1)) {
      expect(other.span.start <= s.span.start && s.span.end <= other.span.end).toBe(false);
    }
  }
  for (let i = 1; i < a.units.length; i++) expect(a.units[i]!.span.start).toBeGreaterThanOrEqual(a.units[i - 1]!.span.start);
}

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
