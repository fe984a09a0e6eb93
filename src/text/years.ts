// Finding years in Chinese text, with their exact spans: 2024年, 2024 (bare,
// when it cannot be an amount), 二〇二四年, 24年 (only when a cue such as 最新
// follows), ranges (2023-2025年, 2023年至今) and dates (2024年3月1日,
// 2025-03-14). The finder only says what a mention is; whether a year is
// presented as current is the stale-year rule's call. Word lists come from the
// caller (data/stale-year.yaml), so nothing domain-specific lives here.

import { wordAlternation } from './regex.js';

export type YearForm = 'digits' | 'chinese' | 'short' | 'bare';

export interface YearMention {
  /** The year, or the first year of a range. */
  readonly year: number;
  /** The last year of a range (2023-2025年 → 2025); equals `year` when there is no range. */
  readonly endYear: number;
  /** The range runs to the present: 2023年至今. */
  readonly toPresent: boolean;
  /** digits: 2024年 / 2024版 / 2025-03-14; chinese: 二〇二四年; short: 24年; bare: 2024 with no 年, 版 or date. */
  readonly form: YearForm;
  /** Set when the year is part of a date: 2024年3月, 2024年3月1日, 2025-03-14. */
  readonly month?: number;
  readonly day?: number;
  /** The mention as written, including 年, a month/day or the other end of a range. */
  readonly text: string;
  /** [start, end) in UTF-16 units of the text searched. */
  readonly start: number;
  readonly end: number;
}

export interface YearFinderOptions {
  /** Words that, right after 24年 (or 24年度), make a two-digit number a year. */
  readonly shortYearCues: readonly string[];
  /** Words that, right before a number + 年, make it a duration or a count. */
  readonly durationLeadIns: readonly string[];
  /** Words that close a range reaching the present (至今). */
  readonly presentRangeEnds: readonly string[];
  /** Characters that, right after a bare four-digit number, make it an amount or a count. */
  readonly bareNotBefore: string;
  /** Characters that, right before a bare four-digit number, make it an amount. */
  readonly bareNotAfter: string;
}

/** Oldest and newest year taken as a year at all; anything else is a number. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;
/** A range spanning more than this is more likely two numbers than a period. */
const MAX_RANGE = 100;

// Candidates: a run of exactly four Arabic digits, a run of exactly two digits
// right before 年, or four Chinese digits right before 年; none glued after a
// digit, a decimal point, a Latin letter or _. find() jumps from one run of
// digits or 年 to the next with a plain regex (native code skips the rest of
// the sentence) and checks the boundaries itself: about twice as fast as one
// regex with lookarounds.
const NIAN = 0x5e74; // 年
const DIGIT_RUN_OR_NIAN = /[0-9０-９]+|年/g;
const isDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
/** 〇零○Ｏ一二三四五六七八九. */
const CN_YEAR_DIGITS = new Set(['〇', '零', '○', 'Ｏ', '一', '二', '三', '四', '五', '六', '七', '八', '九'].map((ch) => ch.charCodeAt(0)));
/** A candidate may not follow a digit, a decimal point, a Latin letter or _. */
function glued(c: number): boolean {
  return isDigit(c) || c === 0x2e || c === 0xff0e || c === 0x5f || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

const DIGITS = '[0-9０-９]';
const CN_SMALL = '[一二三四五六七八九十]{1,3}';
// Everything below is sticky (y): tried at one position only.
// 2024年, 2024年度, 2024年版, and 2024版 (an edition: 2024版医保目录).
const YEAR_SUFFIX = /年(?:度|版)?|版/y;
// A two-digit year keeps only 年/年度, so a cue such as 版 can follow it.
const SHORT_SUFFIX = /年度?/y;
const MONTH = new RegExp(`\\s*(${DIGITS}{1,2}|${CN_SMALL})月份?`, 'uy');
const DAY = new RegExp(`\\s*(${DIGITS}{1,2}|${CN_SMALL})[日号]`, 'uy');
const NUMERIC_DATE = new RegExp(`([-/])(${DIGITS}{1,2})(?:\\1(${DIGITS}{1,2}))?(?!${DIGITS})`, 'uy');
const DOTTED_DATE = new RegExp(`[.．](${DIGITS}{1,2})[.．](${DIGITS}{1,2})(?!${DIGITS})`, 'uy');
const RANGE_TO = new RegExp(`\\s*[-–—~～至到]\\s*(${DIGITS}{4})(?!${DIGITS})(年(?:度|版)?)?`, 'uy');
const SPACES = /\s{0,2}/y;

const CN_DIGIT: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};


/** A compiled finder: build once per run, call find() per sentence. */
export class YearFinder {
  private readonly shortCue: RegExp;
  private readonly durationBefore: RegExp;
  private readonly presentEnd: RegExp;
  private readonly notBefore: ReadonlySet<string>;
  private readonly notAfter: ReadonlySet<string>;

  constructor(options: YearFinderOptions) {
    this.shortCue = new RegExp(`(?:${wordAlternation(options.shortYearCues)})`, 'uy');
    this.durationBefore = new RegExp(`(?:${wordAlternation(options.durationLeadIns)})\\s*$`, 'u');
    this.presentEnd = new RegExp(`\\s*(?:[-–—~～]\\s*)?(?:${wordAlternation(options.presentRangeEnds)})`, 'uy');
    this.notBefore = new Set(options.bareNotBefore);
    this.notAfter = new Set(options.bareNotAfter);
  }

  /** Every year mention in `text`, in order, with spans relative to `text`. */
  find(text: string): YearMention[] {
    const out: YearMention[] = [];
    // Candidates are met in order of their start; one that starts inside a
    // mention already found (the second year of 2023-2025年) is skipped.
    let from = 0;
    const runs = DIGIT_RUN_OR_NIAN;
    runs.lastIndex = 0;
    for (let m = runs.exec(text); m; m = runs.exec(text)) {
      const i = m.index;
      const run = m[0];
      if (run !== '年') {
        // A whole run of digits: nothing before it is a digit, nothing after it either.
        const j = i + run.length;
        if (i >= from && (run.length === 4 || (run.length === 2 && text.charCodeAt(j) === NIAN)) && !(i > 0 && glued(text.charCodeAt(i - 1)))) {
          const found = run.length === 4 ? this.arabic(text, i, run) : this.short(text, i, run);
          from = found ? Math.max(j, found.end) : j;
          if (found) out.push(found);
        }
      } else if (i >= 4) {
        const start = i - 4;
        if (start < from || (start > 0 && glued(text.charCodeAt(start - 1)))) continue;
        let k = start;
        while (k < i && CN_YEAR_DIGITS.has(text.charCodeAt(k))) k++;
        if (k < i) continue;
        const found = this.chinese(text, start, text.slice(start, i));
        from = found ? Math.max(i, found.end) : i;
        if (found) out.push(found);
      }
    }
    return out;
  }

  /** Four Arabic digits: a year with 年, a date, a range, or a bare year. */
  private arabic(text: string, start: number, digits: string): YearMention | undefined {
    const year = arabicValue(digits);
    if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
    const p = start + digits.length;
    const suffix = stick(YEAR_SUFFIX, text, p);
    if (suffix) return this.afterNian(text, start, year, p + suffix[0].length, 'digits');

    const c = text[p];
    if (c === '-' || c === '/') {
      const d = stick(NUMERIC_DATE, text, p);
      if (d) {
        const month = arabicValue(d[2]!);
        const day = d[3] !== undefined ? arabicValue(d[3]) : undefined;
        if (validDate(year, month, day)) return mention(text, start, p + d[0].length, year, year, false, 'digits', month, day);
      }
    } else if (c === '.' || c === '．') {
      // 2024.3.1 is a date; 2024.5 is a decimal number, not a year.
      const d = stick(DOTTED_DATE, text, p);
      if (!d) return undefined;
      const month = arabicValue(d[1]!);
      const day = arabicValue(d[2]!);
      return validDate(year, month, day) ? mention(text, start, p + d[0].length, year, year, false, 'digits', month, day) : undefined;
    }

    const range = this.range(text, start, year, p, 'bare');
    if (range) {
      // 1900-2000元 is a range of amounts.
      if (range.form === 'bare' && this.amountAround(text, start, range.end)) return undefined;
      return range;
    }
    // 2023-02-30, 2024/13: a malformed date or some code, not a year to judge.
    if ((c === '-' || c === '/') && /[0-9０-９]/u.test(text[p + 1] ?? '')) return undefined;
    if (this.amountAround(text, start, p)) return undefined;
    return mention(text, start, p, year, year, false, 'bare');
  }

  /** Four Chinese digits before 年: 二〇二四年. */
  private chinese(text: string, start: number, digits: string): YearMention | undefined {
    let year = 0;
    for (const ch of digits) year = year * 10 + (CN_DIGIT[ch] ?? NaN);
    if (!(year >= MIN_YEAR && year <= MAX_YEAR)) return undefined;
    const p = start + digits.length;
    const suffix = stick(YEAR_SUFFIX, text, p)!;
    return this.afterNian(text, start, year, p + suffix[0].length, 'chinese');
  }

  /** Two digits before 年: a year only when a cue follows (24年最新) and no duration word precedes (满25年). */
  private short(text: string, start: number, digits: string): YearMention | undefined {
    const p = start + digits.length;
    const suffix = stick(SHORT_SUFFIX, text, p)!;
    const end = p + suffix[0].length;
    if (!stick(this.shortCue, text, end)) return undefined;
    const before = text.slice(Math.max(0, start - 8), start);
    if (this.durationBefore.test(before) || /[0-9０-９一二三四五六七八九十百千〇零]$/u.test(before)) return undefined;
    const yy = arabicValue(digits);
    const year = yy < 70 ? 2000 + yy : 1900 + yy;
    return mention(text, start, end, year, year, false, 'short');
  }

  /** What may follow 年: a month (and day), the other end of a range, or 至今. */
  private afterNian(text: string, start: number, year: number, p: number, form: YearForm): YearMention {
    const month = stick(MONTH, text, p);
    if (month) {
      const mo = smallValue(month[1]!);
      if (mo >= 1 && mo <= 12) {
        const q = p + month[0].length;
        const day = stick(DAY, text, q);
        const dd = day ? smallValue(day[1]!) : undefined;
        if (day && validDate(year, mo, dd)) return mention(text, start, q + day[0].length, year, year, false, form, mo, dd);
        return mention(text, start, q, year, year, false, form, mo);
      }
    }
    return this.range(text, start, year, p, form) ?? mention(text, start, p, year, year, false, form);
  }

  /**
   * 2023-2025年, 2023年至2025年, 2023~2025, 2023年至今; undefined if none starts
   * at p. `form` is the first year's; a bare first year becomes 'digits' when
   * the range is closed by 年 or 至今, which show it is a period of years.
   */
  private range(text: string, start: number, year: number, p: number, form: YearForm): YearMention | undefined {
    const present = stick(this.presentEnd, text, p);
    if (present) return mention(text, start, p + present[0].length, year, year, true, form === 'bare' ? 'digits' : form);
    const r = stick(RANGE_TO, text, p);
    if (!r) return undefined;
    const endYear = arabicValue(r[1]!);
    if (endYear < year || endYear > MAX_YEAR || endYear - year > MAX_RANGE) return undefined;
    const closed = form === 'bare' && r[2] !== undefined ? 'digits' : form;
    return mention(text, start, p + r[0].length, year, endYear, false, closed);
  }

  /** True when the number is an amount or a count: 2000元, 约2000, ￥2024. */
  private amountAround(text: string, start: number, end: number): boolean {
    const sp = stick(SPACES, text, end);
    const next = text[end + (sp ? sp[0].length : 0)];
    if (next !== undefined && this.notBefore.has(next)) return true;
    let b = start - 1;
    while (b >= 0 && b >= start - 2 && /\s/u.test(text[b]!)) b--;
    const prev = b >= 0 ? text[b] : undefined;
    return prev !== undefined && this.notAfter.has(prev);
  }
}

function mention(
  text: string,
  start: number,
  end: number,
  year: number,
  endYear: number,
  toPresent: boolean,
  form: YearForm,
  month?: number,
  day?: number,
): YearMention {
  return {
    year,
    endYear,
    toPresent,
    form,
    ...(month !== undefined ? { month } : {}),
    ...(day !== undefined ? { day } : {}),
    text: text.slice(start, end),
    start,
    end,
  };
}

function stick(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Value of ASCII or full-width digits. */
function arabicValue(s: string): number {
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    v = v * 10 + (c >= 0xff10 ? c - 0xff10 : c - 48);
  }
  return v;
}

/** 1–31 written in Arabic digits or Chinese numerals (三, 十二, 二十五, 三十一). */
function smallValue(s: string): number {
  if (/^[0-9０-９]+$/u.test(s)) return arabicValue(s);
  const d = (ch: string | undefined) => (ch === undefined ? 0 : CN_DIGIT[ch] ?? NaN);
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? d(s) : NaN;
  const tens = ten === 0 ? 1 : d(s[ten - 1]);
  return tens * 10 + d(s[ten + 1]);
}

function validDate(year: number, month: number, day?: number): boolean {
  if (!(month >= 1 && month <= 12)) return false;
  if (day === undefined) return true;
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
