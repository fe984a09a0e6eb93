// The stale-year classifier: is a year presented as current? Each year mention
// (found by src/text/years.ts) is judged:
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
// Word lists and thresholds live in data/stale-year.yaml (src/stale/settings.ts);
// the rule (src/rules/stale-year.ts) reports what this finds.

import { YearFinder, type YearMention } from '../text/years.js';
import { charClass, wordAlternation as alternatives } from '../text/regex.js';
import { codeUnitTable, isSpace } from '../text/code-units.js';
import type { StaleYearSettings } from './settings.js';
import { citesRegistry, type RegistryCitation } from './citations.js';

/** The citationAfter patterns, compiled; throws naming `where` and the pattern. */
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
  /**
   * The next sentence of the same paragraph heads a list and names no year
   * (…的划入金额与年龄相关。…划入标准如下：): a year opening a clause here dates that list.
   */
  readonly beforeList?: boolean;
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
      const headsList = this.leadIn.test(clause) || (input.beforeList === true && mentions.length === 1 && text.slice(cs, m.start).trim() === '');
      if (k && alone && headsList) out.push({ mention: m, kind: 'lead-in', age, quote: clause, cue: k[0] });
    }
    return out;
  }

  /** The sentence heads a list that follows (…标准如下：) and names no year of its own. */
  headsList(text: string): boolean {
    const t = text.replace(/[\s:：]+$/u, '');
    return this.leadIn.test(t) && this.finder.find(t).length === 0;
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
