// stale-year: a past year presented as current. Each year mention (found by
// src/text/years.ts) is judged by a small classifier:
//   1. recent enough (age below minAge), a range reaching the as-of year, or
//      2023年至今 → fine;
//   2. a historical or event marker right after/before it (2016年起, 自2021年),
//      a cited document (2021年国办发14号文件, 国办发〔2021〕14号), the year of
//      a registry claim's own source document cited in the same sentence, or
//      figures about the year just ended (2024年最新统计数据 in 2025) → fine;
//   3. a current-qualifier linked to it (2024年最新, 最新2024版, 今年（2024年）)
//      → error, unless the sentence says it applies in a later, non-stale year
//      (2024年新版目录2025年1月1日起执行); a date only counts with the qualifier
//      after it;
//   4. otherwise, in a title about rates/standards/lists, or in a clause that
//      heads such a list ("2024年…缴费金额如下") → warning.
// Word lists and thresholds live in data/stale-year.yaml; the rule's options in
// claimlint.config.yaml override them key by key.

import { msg, type MessageArg } from '../i18n/message.js';
import { loadDataFile } from '../data-file.js';
import { compileSchema, schemaErrorsText } from '../schemas.js';
import type { FileRule } from '../kernel/rule.js';
import type { Registry } from '../registry/types.js';
import type { Article, TextSpan } from '../types.js';
import { packagePath } from '../paths.js';
import { YearFinder, type YearFinderOptions, type YearMention } from '../text/years.js';
import { buildProblems, patternListProblems } from './option-patterns.js';
import { charClass, wordAlternation as alternatives } from '../text/regex.js';
import { codeUnitTable, isSpace } from '../text/code-units.js';

/** Everything the rule reads from data/stale-year.yaml (see that file for what each key does). */
export interface StaleYearSettings extends YearFinderOptions {
  readonly minAge: number;
  readonly dataWords: readonly string[];
  readonly dataGrace: number;
  readonly window: number;
  readonly currentQualifiers: readonly string[];
  readonly nowWords: readonly string[];
  readonly nowGlue: string;
  readonly beforeGlue: string;
  readonly linkBreakers: readonly string[];
  readonly qualifierNegators: readonly string[];
  readonly historicalAfter: readonly string[];
  readonly historicalBefore: readonly string[];
  readonly citationAfter: readonly string[];
  readonly docNumberBrackets: readonly string[];
  readonly clauseBreaks: string;
  readonly titleKeywords: readonly string[];
  readonly leadInEnds: readonly string[];
}

const words = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const chars = { type: 'string' } as const;

/** JSON Schema of the rule's options; every key is optional and replaces the default of the same name. */
export const staleYearOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    minAge: { type: 'integer', minimum: 1, description: 'A year at least this many years before the --as-of year is stale.' },
    dataWords: { ...words, description: 'Words for figures about a finished year (数据, 统计公报…), published the year after.' },
    dataGrace: { type: 'integer', minimum: 0, description: 'Extra years before figures about a finished year count as stale.' },
    window: { type: 'integer', minimum: 0, maximum: 40, description: 'Most characters between a year and a qualifier after it.' },
    currentQualifiers: { ...words, description: 'Qualifiers that present a year as current (最新, 现行, 新规…).' },
    nowWords: { ...words, description: 'Words for "now" that equate a year with the present when glued to it (今年（2024年）).' },
    nowGlue: { ...chars, description: 'Characters allowed between a now-word and its year.' },
    beforeGlue: { ...chars, description: 'Characters allowed between a qualifier and the year after it.' },
    linkBreakers: { ...words, description: 'Words that, between a year and a qualifier, unlink them (和, 与, 相比…).' },
    qualifierNegators: { ...words, description: 'Negators that cancel a qualifier right after them (不是最新).' },
    historicalAfter: { ...words, description: 'Markers after a year that make it historical (起, 以来, 发布…).' },
    historicalBefore: { ...words, description: 'Markers before a year that make it historical (自, 截至…).' },
    citationAfter: { ...words, description: 'Patterns after a year that mean a document is cited (国办发14号).' },
    docNumberBrackets: { type: 'array', items: { type: 'string', minLength: 2, maxLength: 2 }, description: 'Bracket pairs of document numbers (〔〕).' },
    clauseBreaks: { ...chars, description: 'Characters that end a clause (besides whitespace).' },
    titleKeywords: { ...words, description: 'Words of titles about rates, standards, limits or lists.' },
    leadInEnds: { ...words, description: 'Endings of a clause that heads a list (如下).' },
    shortYearCues: { ...words, description: 'Words that make a two-digit 24年 a year when they follow it.' },
    durationLeadIns: { ...words, description: 'Words before a number + 年 that make it a duration (满, 连续…).' },
    presentRangeEnds: { ...words, description: 'Words that close a range reaching the present (至今).' },
    bareNotBefore: { ...chars, description: 'Characters after a bare four-digit number that make it an amount.' },
    bareNotAfter: { ...chars, description: 'Characters before a bare four-digit number that make it an amount.' },
  },
} as const;

const SETTING_KEYS = Object.keys(staleYearOptionsSchema.properties);
/** The data file: every key required, and its `version`. */
const dataFileSchema = {
  ...staleYearOptionsSchema,
  properties: { ...staleYearOptionsSchema.properties, version: { type: 'integer' } },
  required: SETTING_KEYS,
} as const;

const DEFAULTS_FILE = packagePath('data', 'stale-year.yaml');
let defaultSettings: StaleYearSettings | undefined;

/** Reads and checks a stale-year data file (default: the bundled data/stale-year.yaml). */
export function loadStaleYearSettings(path = DEFAULTS_FILE): StaleYearSettings {
  if (path === DEFAULTS_FILE && defaultSettings) return defaultSettings;
  const { version: _version, ...settings } = loadDataFile<StaleYearSettings & { version?: number }>(path, dataFileSchema);
  compilePatterns(settings.citationAfter, path);
  if (path === DEFAULTS_FILE) defaultSettings = settings;
  return settings;
}

/** Defaults overridden by the rule's options from config; throws with a readable reason when they are invalid. */
export function resolveStaleYearSettings(options: Readonly<Record<string, unknown>>, defaults = loadStaleYearSettings()): StaleYearSettings {
  const validateOptions = compileSchema(staleYearOptionsSchema);
  if (!validateOptions(options)) {
    throw new Error(`stale-year options: ${schemaErrorsText(validateOptions.errors, 'options')}`);
  }
  const merged = { ...defaults, ...(options as Partial<StaleYearSettings>) };
  compilePatterns(merged.citationAfter, 'stale-year options');
  return merged;
}

function compilePatterns(sources: readonly string[], where: string): RegExp[] {
  return sources.map((p) => {
    try {
      return new RegExp(p, 'u');
    } catch (e) {
      throw new Error(`${where}: citationAfter has an invalid pattern ${JSON.stringify(p)}: ${(e as Error).message}`);
    }
  });
}

/** Why a year was reported. */
export type StaleKind = 'current' | 'title' | 'lead-in';

export interface StaleYear {
  readonly mention: YearMention;
  readonly kind: StaleKind;
  /** Years between the (last) year mentioned and the as-of year. */
  readonly age: number;
  /** What to quote in the message: the year with its qualifier, or the list-heading clause. */
  readonly quote: string;
  /** The qualifier (current) or the rate/standard keyword (title, lead-in). */
  readonly cue: string;
}

export interface JudgeInput {
  readonly asOfYear: number;
  /** The text is a title (a unit title or a heading). */
  readonly isTitle: boolean;
  /** The registry's own documents: a year of one of them, cited in the same sentence, is the policy's date. */
  readonly citations: readonly RegistryCitation[];
}


/** The classifier: compiled once per settings object, then called per sentence. */
export class StaleYearJudge {
  private readonly finder: YearFinder;
  private readonly qualifier: RegExp;
  private readonly qualifierBefore: RegExp;
  private readonly nowBefore: RegExp;
  private readonly nowAfter: RegExp;
  private readonly negated: RegExp;
  private readonly breaker: RegExp;
  private readonly historyAfter: RegExp;
  private readonly historyBefore: RegExp;
  private readonly citations: readonly RegExp[];
  private readonly brackets: ReadonlyMap<string, string>;
  /** Clause-break characters as a code-unit table. */
  private readonly breaks: Uint8Array;
  private readonly keyword: RegExp;
  private readonly leadIn: RegExp;
  private readonly dataWord: RegExp;

  constructor(readonly settings: StaleYearSettings) {
    const s = settings;
    this.finder = new YearFinder(s);
    const quals = alternatives(s.currentQualifiers);
    this.qualifier = new RegExp(quals, 'gu');
    this.qualifierBefore = new RegExp(`(${quals})${charClass(s.beforeGlue)}{0,2}$`, 'u');
    const now = alternatives(s.nowWords);
    this.nowBefore = new RegExp(`(${now})${charClass(s.nowGlue)}{0,3}$`, 'u');
    this.nowAfter = new RegExp(`${charClass(s.nowGlue)}{1,3}(${now})`, 'uy');
    this.negated = new RegExp(`(?:${alternatives(s.qualifierNegators)})$`, 'u');
    this.breaker = new RegExp(alternatives(s.linkBreakers), 'u');
    this.historyAfter = new RegExp(`^\\s*(?:${alternatives(s.historicalAfter)})`, 'u');
    this.historyBefore = new RegExp(`(?:${alternatives(s.historicalBefore)})\\s*$`, 'u');
    this.citations = compilePatterns(s.citationAfter, 'stale-year');
    this.brackets = new Map(s.docNumberBrackets.map((pair) => [pair[0]!, pair[1]!]));
    this.breaks = codeUnitTable(s.clauseBreaks);
    this.keyword = new RegExp(alternatives(s.titleKeywords), 'u');
    this.leadIn = new RegExp(`(?:${alternatives(s.leadInEnds)})$`, 'u');
    this.dataWord = new RegExp(alternatives(s.dataWords), 'u');
  }

  /** The stale years of one sentence or title, in order. */
  judge(text: string, input: JudgeInput): StaleYear[] {
    const mentions = this.finder.find(text);
    const out: StaleYear[] = [];
    if (mentions.length === 0) return out;
    const { minAge, dataGrace } = this.settings;
    const isStale = (m: YearMention) => !m.toPresent && input.asOfYear - m.endYear >= minAge;
    for (const m of mentions) {
      const age = input.asOfYear - m.endYear;
      if (!isStale(m)) continue;
      if (this.historical(text, m) || this.cited(text, m)) continue;
      const [cs, ce] = this.clause(text, m.start, m.end);
      if (citesRegistry(text, m.year, input.citations)) continue;
      // Figures about a finished year come out the year after: 2024年最新统计数据 is fresh in 2025.
      if (age < minAge + dataGrace && this.dataWord.test(text.slice(m.end, ce))) continue;

      const q = this.linkedQualifier(text, m, cs, ce, mentions);
      if (q) {
        // "2024年新版目录2025年1月1日起执行": the sentence itself says it applies in a year that is not stale.
        if (mentions.some((o) => o.endYear > m.endYear && !isStale(o))) continue;
        out.push({ mention: m, kind: 'current', age, quote: quoteOf(text, Math.min(m.start, q.start), Math.max(m.end, q.end)), cue: q.text });
        continue;
      }
      // A date (2024年3月) dates an event; only a qualifier makes it "current".
      if (m.month !== undefined) continue;
      // Two years side by side compare them or give a series ("2023年和2024年缴费标准对比"): history, not "current".
      if (input.isTitle) {
        const k = this.keyword.exec(text);
        if (k && mentions.length === 1) out.push({ mention: m, kind: 'title', age, quote: text, cue: k[0] });
        continue;
      }
      const clause = text.slice(cs, ce);
      const k = this.keyword.exec(clause);
      const alone = !mentions.some((o) => o !== m && o.start < ce && o.end > cs);
      if (k && alone && this.leadIn.test(clause)) out.push({ mention: m, kind: 'lead-in', age, quote: clause, cue: k[0] });
    }
    return out;
  }

  /** 2016年起, 2024年3月1日起, 自2021年, 截至2023年底. */
  private historical(text: string, m: YearMention): boolean {
    return this.historyAfter.test(text.slice(m.end, m.end + 8)) || this.historyBefore.test(text.slice(Math.max(0, m.start - 6), m.start));
  }

  /** 2021年国办发14号文件, 国办发〔2021〕14号. */
  private cited(text: string, m: YearMention): boolean {
    if (m.form === 'bare') {
      const close = this.brackets.get(text[m.start - 1] ?? '');
      if (close !== undefined && text[m.end] === close) return true;
    }
    const after = text.slice(m.end, m.end + 24);
    return this.citations.some((re) => re.test(after));
  }

  /** The clause around [s, e): bounded by clause-break characters and whitespace. */
  private clause(text: string, s: number, e: number): [number, number] {
    let a = s;
    while (a > 0 && !this.isBreak(text.charCodeAt(a - 1))) a--;
    let b = e;
    while (b < text.length && !this.isBreak(text.charCodeAt(b))) b++;
    return [a, b];
  }

  private isBreak(c: number): boolean {
    return this.breaks[c] === 1 || isSpace(c);
  }

  /**
   * A current-qualifier linked to the year: after it in the same clause within
   * `window` characters (no other year, no 和/与 between, not negated);
   * glued before it (最新2024版); or a now-word glued to it (今年（2024年）).
   * A date only takes a qualifier after it.
   */
  private linkedQualifier(
    text: string,
    m: YearMention,
    cs: number,
    ce: number,
    mentions: readonly YearMention[],
  ): { start: number; end: number; text: string } | undefined {
    const nextYear = mentions.find((o) => o.start >= m.end)?.start ?? Infinity;
    this.qualifier.lastIndex = m.end;
    for (let q = this.qualifier.exec(text); q && q.index < ce; q = this.qualifier.exec(text)) {
      const gap = text.slice(m.end, q.index);
      if (gap.length > this.settings.window || q.index >= nextYear || this.breaker.test(gap)) break;
      if (this.negated.test(text.slice(Math.max(0, q.index - 4), q.index))) continue;
      return { start: q.index, end: q.index + q[0].length, text: q[0] };
    }
    if (m.month !== undefined) return undefined;

    const head = text.slice(cs, m.start);
    const before = this.qualifierBefore.exec(head);
    if (before) {
      const start = cs + before.index;
      if (!this.negated.test(text.slice(Math.max(0, start - 4), start))) {
        return { start, end: start + before[1]!.length, text: before[1]! };
      }
    }
    const nowB = this.nowBefore.exec(text.slice(Math.max(0, m.start - 12), m.start));
    if (nowB) {
      const start = m.start - nowB[0].length;
      return { start, end: start + nowB[1]!.length, text: nowB[1]! };
    }
    this.nowAfter.lastIndex = m.end;
    const nowA = this.nowAfter.exec(text);
    if (nowA) {
      const end = m.end + nowA[0].length;
      return { start: end - nowA[1]!.length, end, text: nowA[1]! };
    }
    return undefined;
  }
}

const OPEN_CLOSE: Readonly<Record<string, string>> = { '（': '）', '(': ')', '【': '】', '《': '》', '“': '”', '「': '」' };

/** text[start, end), extended over a closing bracket whose opener it contains (今年（2024年）). */
function quoteOf(text: string, start: number, end: number): string {
  let e = end;
  const q = text.slice(start, e);
  for (const [open, close] of Object.entries(OPEN_CLOSE)) {
    if (q.split(open).length > q.split(close).length && text[e] === close) e++;
  }
  return text.slice(start, e);
}

// Compiled judges per options object (config hands every file the same object).
const judges = new WeakMap<object, StaleYearJudge>();
function judgeFor(options: Readonly<Record<string, unknown>>): StaleYearJudge {
  let j = judges.get(options);
  if (!j) {
    j = new StaleYearJudge(resolveStaleYearSettings(options));
    judges.set(options, j);
  }
  return j;
}

/** One source document of the registry: the years it belongs to and how articles cite it. */
export interface RegistryCitation {
  /** The claim's effective year and the year in its document number (医保办发〔2021〕43号 takes effect in 2022). */
  readonly years: ReadonlySet<number>;
  /** Normalised forms (see citationForm) of its number and title: 国办发14号, 国办发202114号, 关于建立健全…指导意见. */
  readonly cues: readonly string[];
}

// Brackets, spaces and 第 vary between citations of one document number.
const CITATION_NOISE = /[〔〕［］[\]（）()【】《》\s第]/gu;
/** The form citations are compared in. */
export function citationForm(s: string): string {
  return s.replace(CITATION_NOISE, '');
}

// 国办发〔2021〕14号 → issuer 国办发, year 2021, serial 14.
const DOC_NUMBER = /^(.*?)[〔［[（(]\s*(\d{4})\s*[〕］\]）)]\s*第?\s*(\d+)\s*号$/u;
/** Shortest title fragment taken as a cue: shorter ones (社保法?) would match too much. */
const MIN_TITLE_CUE = 5;

const citationCache = new WeakMap<Registry, readonly RegistryCitation[]>();
/** The registry's documents as citations, computed once per registry. */
export function registryCitations(registry: Registry): readonly RegistryCitation[] {
  let list = citationCache.get(registry);
  if (list) return list;
  const out: RegistryCitation[] = [];
  for (const { claim } of registry.claims) {
    const years = new Set<number>();
    const effective = Number(claim.effective.slice(0, 4));
    if (Number.isInteger(effective)) years.add(effective);
    const cues = new Set<string>();
    const number = claim.source.number?.trim();
    if (number) {
      cues.add(citationForm(number));
      const parts = DOC_NUMBER.exec(number);
      if (parts) {
        years.add(Number(parts[2]));
        cues.add(citationForm(`${parts[1]}${parts[3]}号`));
      }
    }
    const title = citationForm(claim.source.title);
    // The title as written, and as articles shorten it: 《关于…的指导意见》, 《社会保险法》.
    for (const t of [title, title.slice(Math.max(0, title.indexOf('关于'))), title.replace(/^中华人民共和国/u, '')]) {
      if (t.length >= MIN_TITLE_CUE) cues.add(t);
    }
    out.push({ years, cues: [...cues] });
  }
  list = out;
  citationCache.set(registry, list);
  return list;
}

/** The sentence cites a registry document that the year belongs to: the year dates that policy. */
function citesRegistry(text: string, year: number, citations: readonly RegistryCitation[]): boolean {
  let form: string | undefined;
  for (const c of citations) {
    if (!c.years.has(year)) continue;
    form ??= citationForm(text);
    if (c.cues.some((cue) => form!.includes(cue))) return true;
  }
  return false;
}

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

export const staleYear: FileRule = {
  scope: 'file',
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
    checkOptions: (options) => {
      const patterns = patternListProblems(options, 'citationAfter');
      return patterns.length ? patterns : buildProblems(() => new StaleYearJudge(resolveStaleYearSettings(options)));
    },
  },
  create(context) {
    const judge = judgeFor(context.options);
    const article = context.article;
    const citations = registryCitations(context.registry);
    // Built once per file, not spread per sentence: `{ ...input, isTitle }` costs
    // more than judging a sentence without a year.
    const asTitle: JudgeInput = { asOfYear: context.asOf.year, isTitle: true, citations };
    const asSentence: JudgeInput = { asOfYear: context.asOf.year, isTitle: false, citations };
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
      for (const f of judge.judge(node.text, isTitle ? asTitle : asSentence)) {
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
};
