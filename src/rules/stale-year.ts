// stale-year: a past year presented as current, judged by the classifier in
// src/stale/judge.ts with the settings of data/stale-year.yaml (overridable key
// by key as the rule's options). This file reports what it finds: one message
// per year, titles and the lists they head warned once per unit.

import { msg, type MessageArg } from '../i18n/message.js';
import { defineRule } from '../kernel/define-rule.js';
import type { Article, TextSpan } from '../types.js';
import { staleYearOptionsSchema, type StaleYearSettings } from '../stale/settings.js';
import { StaleYearJudge, type JudgeInput, type StaleYear } from '../stale/judge.js';
import { registryCitations } from '../stale/citations.js';

/** The date of a unit, else of an enclosing unit, else of the page. */
function dateOf(article: Article, unitIndex: number): string | undefined {
  for (let u = article.units[unitIndex]; u; u = u.parent !== undefined ? article.units[u.parent] : undefined) {
    if (u.date) return u.date;
  }
  return article.date;
}

/** The finding's message: which one by kind, with the year(s), the quoted words and the age. */
function describe(f: StaleYear, asOf: string, dated: string | undefined): { messageId: string; data: Record<string, MessageArg> } {
  const m = f.mention;
  const data: Record<string, MessageArg> = {
    years: m.endYear === m.year ? String(m.year) : `${m.year}–${m.endYear}`,
    count: f.age,
    asOf,
    dated: dated ? msg('stale-year.dated', { date: dated }) : '',
  };
  switch (f.kind) {
    case 'current':
      return { messageId: m.endYear === m.year ? 'stale-year.current' : 'stale-year.current-range', data: { ...data, quote: f.quote } };
    case 'title':
      return { messageId: 'stale-year.title', data: { ...data, cue: f.cue } };
    case 'lead-in':
      return { messageId: 'stale-year.lead-in', data: { ...data, quote: f.quote } };
  }
}

export const staleYear = defineRule<StaleYearSettings, StaleYearJudge>({
  meta: {
    id: 'stale-year',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'A past year presented as current (最新/现行/新规 qualifiers, years in titles of rate and standard pages).',
    docs:
      'Judged against --as-of (default: today). Error: a year at least `minAge` years old linked to a current-qualifier ' +
      '(2024年最新政策, 现行2023年标准, 今年（2024年）). Warning: such a year in a title about rates, standards, limits or lists ' +
      '(…报销比例2024), or in a clause heading such a list (2024年…缴费金额如下). Not reported: historical statements ' +
      '(2016年起整合, 自2021年起, 2003年开始试点, 创建于1958年), dated events (2024年3月1日, 2024年恢复常规调整), ' +
      'ranges reaching the as-of year (2023-2025年, 2024年至今), cited documents (2021年国办发14号文件), durations (连续12年). ' +
      'Word lists and thresholds: data/stale-year.yaml, overridable as this rule’s options. ' +
      'Fix: give the current year’s figures, or say the year the figures belong to without calling them the latest.',
    schema: staleYearOptionsSchema,
  },
  data: 'stale-year.yaml',
  patterns: ['citationAfter'],
  compile: (settings) => new StaleYearJudge(settings),
  create(context, judge) {
    const article = context.article;
    const citations = registryCitations(context.registry);
    // Built once per file, not spread per sentence: `{ ...input, isTitle }` costs
    // more than judging a sentence without a year.
    const asTitle: JudgeInput = { asOfYear: context.asOf.year, isTitle: true, citations };
    const asSentence: JudgeInput = { asOfYear: context.asOf.year, isTitle: false, citations };
    const asSentenceBeforeList: JudgeInput = { ...asSentence, beforeList: true };
    // Sentences followed, in the same paragraph, by one that heads a list (…标准如下：).
    const beforeList = new Set<number>();
    const sentences = article.sentences;
    const source = article.file.text;
    for (let i = 0; i + 1 < sentences.length; i++) {
      const s = sentences[i]!;
      const n = sentences[i + 1]!;
      if (s.isTitle || n.isTitle || n.unitIndex !== s.unitIndex) continue;
      if (source.slice(s.span.end, n.span.start).includes('\n')) continue;
      if (judge.headsList(n.text)) beforeList.add(s.span.start);
    }
    // Ends of title sentences by start: a unit title with the same span is checked as a sentence.
    const titleSentences = new Map<number, number[]>();
    for (const s of article.sentences) {
      if (!s.isTitle) continue;
      const ends = titleSentences.get(s.span.start);
      if (ends) ends.push(s.span.end);
      else titleSentences.set(s.span.start, [s.span.end]);
    }
    // One title-type warning per unit and year: a title and the list it heads say the same thing.
    const warned = new Set<string>();

    const check = (node: TextSpan, unitIndex: number, isTitle: boolean): void => {
      const input = isTitle ? asTitle : beforeList.has(node.span.start) ? asSentenceBeforeList : asSentence;
      for (const f of judge.judge(node.text, input)) {
        if (f.kind !== 'current') {
          const key = `${unitIndex}|${f.mention.year}|${f.mention.endYear}`;
          // An H1 that repeats the front-matter title is the same title, said twice.
          const textKey = `${f.mention.year}|${node.text.trim()}`;
          if (warned.has(key) || warned.has(textKey)) continue;
          warned.add(key);
          warned.add(textKey);
        }
        context.report({
          node,
          range: [f.mention.start, f.mention.end],
          severity: f.kind === 'current' ? 'error' : 'warning',
          ...describe(f, context.asOf.date, dateOf(article, unitIndex)),
        });
      }
    };

    return {
      // Titles that are not sentences (front matter `title`) are checked here; the rest as sentences.
      unit(unit) {
        const t = unit.title;
        if (t && !titleSentences.get(t.span.start)?.includes(t.span.end)) check(t, unit.index, true);
      },
      sentence(sentence) {
        check(sentence, sentence.unitIndex, sentence.isTitle);
      },
    };
  },
});
