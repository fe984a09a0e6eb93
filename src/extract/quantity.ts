// Numbers and quantities in Chinese prose: 3个月 / 三个月 / 90日 / 次月, 8% /
// 百分之八, 万分之五, 3176元/月, 134个科室, ranges (1-3个月) and bound words
// (超过、不超过、以内、以上、约…). The unit and bound words are grammar rather
// than domain data, so they live here as small tables; every regex is built
// once at module load and a sentence is scanned in a single left-to-right pass.
import { codeUnitTable, isSpace } from '../text/code-units.js';
import { wordAlternation } from '../text/regex.js';
import type { Quantity } from '../types.js';

type Bound = Quantity['bound'];

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 仨: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
/** Powers of ten of the place words inside one 万 group. */
const PLACES: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3 };
/** Powers of ten of a multiplier written after a number (1.5万, 3千万, 4.2亿). */
const MULTIPLIERS: Readonly<Record<string, number>> = { 百: 2, 千: 3, 万: 4, 亿: 8 };

// Prefix bound words. Longer words are tried first so 不超过 wins over 超过.
const BOUND_BEFORE: Readonly<Record<string, Bound>> = {
  不超过: 'atMost', 未超过: 'atMost', 不多于: 'atMost', 不高于: 'atMost', 最多: 'atMost', 最长: 'atMost', 至多: 'atMost',
  不足: 'under', 不满: 'under', 未满: 'under', 少于: 'under', 低于: 'under',
  不少于: 'atLeast', 不低于: 'atLeast', 至少: 'atLeast', 最少: 'atLeast', 满: 'atLeast',
  超过: 'over', 多于: 'over', 高于: 'over', 逾: 'over',
  大约: 'about', 约: 'about', 接近: 'about', 将近: 'about', 近: 'about',
};
/** A one-character prefix is only a bound word when the character before it does not make another word (最近, 预约). */
const BOUND_BEFORE_BLOCKED: Readonly<Record<string, string>> = { 近: '最附', 约: '预合签节制公' };
// Suffix bound words; in regulations 以上/以下 include the number itself.
const BOUND_AFTER: Readonly<Record<string, Bound>> = {
  以内: 'atMost', 之内: 'atMost', 内: 'atMost', 以下: 'atMost', 及以下: 'atMost',
  以上: 'atLeast', 及以上: 'atLeast', 左右: 'about',
};
const DURATION_UNITS: Readonly<Record<string, string>> = {
  工作日: 'workday', 星期: 'week', 周: 'week', 天: 'day', 日: 'day', 月: 'month', 年: 'year',
};
/** The period after 元/…, 元每…, 元一个…: 3176元/月 → yuan/month. */
const PER_UNITS: Readonly<Record<string, string>> = { 月: 'month', 年: 'year', 人: 'person', 次: 'time', 天: 'day', 日: 'day' };

const alt = (words: object): string => wordAlternation(Object.keys(words));

// 俩 and 仨 are spoken two and three (俩月, 仨月).
const CN_CHARS = '零〇一二三四五六七八九两俩仨十百千万亿';
// A number may not start inside another number (1,000 / 1，000), after 第 (an ordinal) or after 周 (周一 is Monday).
const ARABIC = '(?<![第0-9０-９.．])(?<![0-9０-９][,，])[0-9０-９]+(?:,[0-9０-９]{3})*(?:[.．][0-9０-９]+)?[百千万亿]*';
const CHINESE = `(?<![第周${CN_CHARS}])[${CN_CHARS}]+(?:点[零〇一二三四五六七八九]+[万亿]*)?`;
const NUM = `(?:${ARABIC}|${CHINESE})`;
// mayHoldQuantity (below) lists what may follow a number: keep it in step with UNIT and the range signs.
// 成 is a tenth (两成 = 20%) and 个点 a percentage point (8个点 = 8%); 成 not as in 成为/成本/成员.
const UNIT = '[%％]|个(?:百分)?点|成(?![为员本年立功绩熟就交了长型品果不])|元|块钱|块(?![儿地区头状肉])|工作日|星期|周(?![岁年])|[天日月]|年(?!级)|次(?!性)|[家位名人所项种条个]';

const FIRST_CHARS = [...new Set(Object.keys(BOUND_BEFORE).map((w) => w[0]))].join('');
// Each number is matched once and the alternatives branch after it, so a
// position is not re-parsed for every kind of quantity.
const QUANTITY_RE = new RegExp(
  // The leading class lets the engine reject most positions with one test.
  `(?=[${FIRST_CHARS}0-9０-９${CN_CHARS}半次下大小个])(?<pre>${alt(BOUND_BEFORE)})?(?:` +
    `(?<a>${NUM})(?:分之(?<numer>${NUM})` + // 三分之一, 百分之八
    `|(?:(?<aPct>[%％])?\\s*[-－–—~～〜至到]\\s*(?<b>${NUM}))?` + // a range: a is the low end
    // 二十多天, 十来天, 一个多月: a rough figure, read as a range from the number up.
    // 一年多 puts 多 after the unit (but not 一年多少, 三天多久).
    `(?<many>多|来|余)?(?<mid>个?半个?|整个?|个)?(?<many2>多)?(?<unit>${UNIT})(?<half>(?<=[年月天日])(?:半|多(?![少大久长么])))?` +
    `(?:(?<=元|块|块钱)(?:[/／]|每个?|一个?)(?<per>[月年人天日]|次(?!性)))?)` +
    `|(?<halfOnly>[大小]?半个?|个把)(?<halfUnit>[年月天日周])` + // 半年, 半个月, 大半年 (more than half), 小半年 (nearly half); 个把月 (a month or so)
    `|(?<rel>次[月日]|下个?月)` +
    `)(?<post>(?:[（(]含[）)])?(?:${alt(BOUND_AFTER)}))?`,
  'g',
);
// The names above document the captures; the scanner runs an unnamed copy,
// since exec builds a `groups` object for every match of a named regex and
// toQuantity reads captures by position. (?<= and (?<! are not names.
const QUANTITY_SCAN = new RegExp(QUANTITY_RE.source.replace(/\(\?<[A-Za-z]+>/g, '('), 'g');
/** "20年3月" is a date, not twenty years. */
const MONTH_AFTER = /[0-9０-９一二三四五六七八九十]{1,2}月/y;
const FULL_WIDTH = /[０-９．]/g;
const ARABIC_WHOLE = /^([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)([百千万亿]*)$/;
const CHINESE_WHOLE = /^([零〇一二三四五六七八九两俩仨十百千万亿]+)(?:点([零〇一二三四五六七八九]+)([万亿]*))?$/;
const PLAIN_DIGITS = /^[零〇一二三四五六七八九]+$/;
const NOT_A_MONTH_NAME = /[两俩仨]/;

const toHalfWidth = (c: string): string => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function multiplierExp(s: string): number {
  let e = 0;
  for (const ch of s) e += MULTIPLIERS[ch] ?? 0;
  return e;
}

/** Parses a whole string that is a number (Arabic, Chinese, or Arabic with 万/亿); undefined otherwise. */
export function parseChineseNumber(s: string): number | undefined {
  const t = s.trim().replace(FULL_WIDTH, toHalfWidth);
  const a = ARABIC_WHOLE.exec(t);
  // Going through a decimal string keeps 4.2亿 and 0.3万 exact.
  if (a) return Number(`${a[1]!.replaceAll(',', '')}e${multiplierExp(a[2]!)}`);
  const c = CHINESE_WHOLE.exec(t);
  if (!c) return undefined;
  const whole = chineseInteger(c[1]!);
  if (whole === undefined || c[2] === undefined) return whole;
  const frac = Array.from(c[2], (ch) => DIGITS[ch]).join('');
  return Number(`${whole}.${frac}e${multiplierExp(c[3] ?? '')}`);
}

function chineseInteger(s: string): number | undefined {
  if (s.length === 1 && DIGITS[s] !== undefined) return DIGITS[s];
  // 二〇二四: digit by digit, no place words.
  if (PLAIN_DIGITS.test(s)) return Number(Array.from(s, (ch) => DIGITS[ch]).join(''));
  let yi = 0, wan = 0, section = 0;
  let num = -1; // pending digit, -1 when none
  let numScale = 0; // exponent of the place word right before the pending digit (三万五: 5 means 5000)
  let lastUnit = 0; // exponent of the place word just read, 0 after a digit or 零
  let lastPlace = 9; // 十/百/千 must fall within one 万 group
  let seenWan = false, seenYi = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (num >= 0) return undefined; // 两三: two digits in a row is an estimate, not a number
      if (ch === '零' || ch === '〇') lastUnit = 0;
      else { num = d; numScale = lastUnit; lastUnit = 0; }
      continue;
    }
    const p = PLACES[ch];
    if (p !== undefined) {
      if (p >= lastPlace) return undefined;
      section += (num < 0 ? 1 : num) * 10 ** p; // 十五: a bare 十 is one ten
      num = -1; lastPlace = p; lastUnit = p;
      continue;
    }
    const big = MULTIPLIERS[ch]!; // 万 or 亿, by the character class
    const v = i === 0 ? 1 : section + Math.max(num, 0) + (big === 8 ? wan : 0);
    if (v === 0) return undefined;
    if (big === 4) {
      if (seenWan) return undefined;
      wan = v * 1e4; seenWan = true;
    } else {
      if (seenYi) return undefined;
      yi = v * 1e8; wan = 0; seenWan = false; seenYi = true;
    }
    section = 0; num = -1; lastPlace = 9; lastUnit = big;
  }
  return yi + wan + section + (num < 0 ? 0 : num * 10 ** Math.max(numScale - 1, 0));
}

/** 2~4万元: the low end borrows the high end's multiplier when it has none and the result stays ordered. */
function scaleLow(loText: string, lo: number, hiText: string, hi: number): number {
  if (MULTIPLIERS[loText[loText.length - 1]!] !== undefined) return lo;
  let i = hiText.length;
  while (i > 0 && MULTIPLIERS[hiText[i - 1]!] !== undefined) i--;
  const e = multiplierExp(hiText.slice(i));
  const scaled = e ? Number(`${lo}e${e}`) : lo;
  return scaled <= hi ? scaled : lo;
}

// What QUANTITY_RE needs, checked in one cheap pass first (most sentences hold
// no quantity, and a regex call costs far more than a look at each character).
// Every match holds 半 (半年), 次 (次月), or a number whose last character is
// followed by what may come after a number: 分 (分之), a percent sign, a range
// sign or a space before one, 个 or 半, or the first character of a unit.
const NUMBER_END = codeUnitTable(`0123456789０１２３４５６７８９${CN_CHARS}`);
const AFTER_NUMBER = codeUnitTable('分%％-－–—~～〜至到个半整成块元工星周天日月年次家位名人所项种条多来余');
const ANYWHERE = codeUnitTable('半次');
// 下 only before 个 or 月 (下个月, 下月): 以下, 下列 are far commoner and hold no quantity; 个 only before 把 (个把月).
const XIA = '下'.charCodeAt(0), GE = '个'.charCodeAt(0), YUE = '月'.charCodeAt(0), BA = '把'.charCodeAt(0);



/** False when `text` certainly holds no quantity (findQuantities would return nothing). */
export function mayHoldQuantity(text: string): boolean {
  let prevEndsNumber = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (ANYWHERE[c] === 1) return true;
    if (c === XIA && (text.charCodeAt(i + 1) === GE || text.charCodeAt(i + 1) === YUE)) return true;
    if (c === GE && text.charCodeAt(i + 1) === BA) return true; // 个把月
    if (prevEndsNumber && (AFTER_NUMBER[c] === 1 || isSpace(c))) return true;
    prevEndsNumber = NUMBER_END[c] === 1;
  }
  return false;
}

/** Every quantity in `text`, in order and non-overlapping; spans are shifted by `offset`. */
export function findQuantities(text: string, offset = 0): Quantity[] {
  return mayHoldQuantity(text) ? scanQuantities(text, offset) : [];
}

/** findQuantities without the cheap first pass (exported for tests that check that pass). */
export function scanQuantities(text: string, offset = 0): Quantity[] {
  const out: Quantity[] = [];
  QUANTITY_SCAN.lastIndex = 0;
  for (let m = QUANTITY_SCAN.exec(text); m !== null; m = QUANTITY_SCAN.exec(text)) {
    const q = toQuantity(m, text, offset);
    if (q) out.push(q);
  }
  return out;
}

/** Value of a token the scanner matched; plain Arabic numbers skip the full parser. */
function tokenValue(token: string): number | undefined {
  // A single Chinese digit (三个月, 一年) is the common case: no need for the full parser.
  if (token.length === 1 && DIGITS[token] !== undefined) return DIGITS[token];
  const n = Number(token); // the token's shape rules out hex, exponents and blanks
  return Number.isNaN(n) ? parseChineseNumber(token) : n;
}

function toQuantity(m: RegExpExecArray, text: string, offset: number): Quantity | undefined {
  // Capture order of QUANTITY_RE (reading captures by position avoids building m.groups).
  const [, pre, a, numer, aPct, b, many, mid, many2, unitWord, half, per, halfOnly, halfUnit, rel, post] = m;
  let start = m.index;
  const end = start + m[0].length;
  let bound: Bound = 'exact';
  if (pre !== undefined) {
    if (BOUND_BEFORE_BLOCKED[pre]?.includes(text[start - 1] ?? '\0')) start += pre.length;
    else bound = BOUND_BEFORE[pre]!;
  }
  if (post !== undefined && bound === 'exact') bound = BOUND_AFTER[post[1] === '含' ? post.slice(3) : post]!;
  // Fields in the order quantities have always been written (JSON output keeps it).
  const make = (kind: Quantity['kind'], value: number, unit: string, max?: number): Quantity =>
    max === undefined
      ? { kind, value, unit, bound, text: text.slice(start, end), span: { start: offset + start, end: offset + end } }
      : { kind, value, unit, bound, text: text.slice(start, end), span: { start: offset + start, end: offset + end }, max };

  if (rel !== undefined) {
    const next = rel !== '次日'; // 次月, 下月, 下个月
    return { kind: 'duration', value: 1, unit: next ? 'month' : 'day', bound, text: text.slice(start, end), span: { start: offset + start, end: offset + end }, relative: next ? 'nextMonth' : 'nextDay' };
  }
  if (numer !== undefined) {
    const den = tokenValue(a!);
    // 百分之三四十: an estimate between neighbouring digits.
    const guessed = den === 100 ? estimate(numer, '') : undefined;
    if (guessed) {
      if (bound === 'exact') bound = 'about';
      return make('percent', guessed.lo, 'percent', guessed.hi);
    }
    const n = tokenValue(numer);
    if (!den || n === undefined) return undefined;
    // 百分之八 is a percentage; any other 分之 is a plain fraction.
    return den === 100 ? make('percent', n, 'percent') : make('ratio', n / den, '');
  }

  const word = unitWord ?? halfUnit!;
  // 个把月 is about one month, not half of one.
  const aboutOne = halfOnly === '个把';
  if (aboutOne && bound === 'exact') bound = 'about';
  const halves = (mid?.includes('半') ? 1 : 0) + (half === '半' ? 1 : 0) + (halfOnly && !aboutOne ? 1 : 0);
  if (bound === 'exact' && halfOnly?.startsWith('大')) bound = 'over';
  else if (bound === 'exact' && halfOnly?.startsWith('小')) bound = 'under';
  const hiText = b ?? a;
  // 两三百块, 三四个月: two neighbouring digits are an estimate from the one to the other.
  const guess = b === undefined && a !== undefined && !many && !many2 && half !== '多' ? estimate(a, word) : undefined;
  // 余 is 多 in writing; 一年多 is 一个多 with 多 after the unit.
  const rough = many === '余' ? '多' : (many ?? many2 ?? (half === '多' ? '多' : undefined));
  if (rough && (halves > 0 || b !== undefined || (many === '来' && many2) || (many2 && half === '多'))) return undefined;
  let hi = guess ? guess.hi : hiText === undefined ? (aboutOne ? 1 : 0) : tokenValue(hiText);
  if (hi === undefined || halves > 1) return undefined;
  let lo: number | undefined;
  if (guess) lo = guess.lo;
  // 二十多 is 20 to 30, 一个多月 one to two months; 十来天 is about ten days.
  if (rough === '多' && a !== undefined) {
    lo = hi;
    hi += roughStep(a);
  }
  if ((guess || rough) && bound === 'exact') bound = 'about';
  if (b !== undefined) {
    lo = tokenValue(a!);
    if (lo === undefined || halves > 0) return undefined;
    if (aPct !== undefined && word !== '%' && word !== '％') return undefined;
    lo = scaleLow(a!, lo, b, hi);
  }
  let value = hi + halves / 2;
  let kind: Quantity['kind'];
  let unit: string;
  const duration = DURATION_UNITS[word];
  if (word === '%' || word === '％' || word.endsWith('点')) {
    kind = 'percent'; unit = 'percent';
  } else if (word === '成') {
    // Only a whole number of tenths up to ten: 一成 … 十成 (not 10成), or a range of them (三到四成).
    const TENTHS = /^[一二两三四五六七八九十]$/u;
    if (hi > 10 || (!guess && !TENTHS.test(hiText ?? '')) || (b !== undefined && !TENTHS.test(a ?? ''))) return undefined;
    kind = 'percent'; unit = 'percent'; value = hi * 10;
    if (lo !== undefined) lo *= 10;
  } else if (word === '元' || word.startsWith('块')) {
    // 五百块 is 500元; 一块/两块 alone are more often a piece than a yuan.
    if (word === '块' && /^[一两]$/u.test(hiText ?? '')) return undefined;
    kind = 'amount'; unit = per === undefined ? 'yuan' : `yuan/${PER_UNITS[per]}`;
  } else if (duration !== undefined) {
    kind = 'duration'; unit = duration;
    const top = Math.max(hi, lo ?? 0);
    // A bare 月 after a number is a calendar month (3月, 十二月) unless the number could not name one (两月, 俩月, 仨月).
    if (word === '月' && !mid && !halfOnly && top <= 12 && !NOT_A_MONTH_NAME.test(hiText ?? '')) return undefined;
    // 3月14日 is a date.
    if (word === '日' && text[m.index - 1] === '月') return undefined;
    if (word === '年') {
      // Calendar years (2024年, 2016年起, 二〇二四年) belong to the year module.
      if (top >= 100) return undefined;
      MONTH_AFTER.lastIndex = end - (post?.length ?? 0);
      if (MONTH_AFTER.test(text)) return undefined;
      if (halves) { value *= 12; unit = 'month'; } // 半年 = 6 months, 一年半 = 18 months
    }
  } else {
    kind = 'count'; unit = word;
  }
  if (halves > 0 && kind !== 'duration') return undefined;
  return lo === undefined ? make(kind, value, unit) : make(kind, lo, unit, value);
}

const ESTIMATE = /^([一两俩二三四五六七八])([两二三仨四五六七八九])([十百千万]?)(万?)$/u;
/** 两三百 → 200–300, 三四 → 3–4; undefined unless the two digits are neighbours (一两, 两三, 三四…). */
function estimate(token: string, unitWord: string): { lo: number; hi: number } | undefined {
  const m = ESTIMATE.exec(token);
  if (!m) return undefined;
  const d1 = DIGITS[m[1]!]!, d2 = DIGITS[m[2]!]!;
  if (d2 !== d1 + 1) return undefined;
  // 二三年 and 二四年 are colloquial calendar years (2023, 2024), not two or three years.
  if (unitWord === '年' && m[1] === '二') return undefined;
  const place = m[3] === '万' ? 1e4 : m[3] ? 10 ** PLACES[m[3]]! : 1;
  const scale = place * (m[4] ? 1e4 : 1);
  return { lo: d1 * scale, hi: d2 * scale };
}

/** The step a rough 多 adds: 二十多 reaches 30, 三百多 400, 一个多 2. */
function roughStep(token: string): number {
  const last = token[token.length - 1]!;
  if (last === '万') return 1e4;
  const p = PLACES[last];
  return p === undefined ? 1 : 10 ** p;
}
