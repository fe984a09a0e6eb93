// Registry phrases are plain JavaScript regular expressions plus a few
// placeholders for quantities, so authors need not spell out Chinese numerals.

const NUM = '(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两俩三四五六七八九十百千万仨半]+(?:点[零〇一二三四五六七八九]+)?)';

export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  number: NUM,
  // 二十多天, 十来天, 一个多月: rough figures (extract/quantity.ts reads them as ranges).
  // Not an ordinal (第二年, 第13个月) nor the tail of a longer number.
  duration: `(?:(?<![第0-9０-９.．零〇一二两三四五六七八九十百千万])${NUM}(?:\\s*[-~～至到]\\s*${NUM})?\\s*(?:多|来|余)?(?:个|整个?)?(?:多)?\\s*(?:工作日|自然日|月|日|天|年|周)|[大小]?半年|次月|次日|下个?月)`,
  // 两成 (a tenth each) and 8个点 (percentage points) are percentages too; see extract/quantity.ts.
  percent: `(?:${NUM}\\s*(?:[%％]|个(?:百分)?点)|百分之${NUM}|[一二两三四五六七八九十]成(?![为员本年立功绩熟就交了长型品果不]))`,
  ratio: `(?:[一二三四五六七八九十百千万]+分之${NUM})`,
  // 五百块 / 八百块钱 are yuan too (see extract/quantity.ts).
  amount: `(?:${NUM}\\s*(?:多|来)?万?(?:多)?(?:元|块钱|块(?![儿地区头状肉])))`,
};

const PLACEHOLDER = /\{(number|duration|percent|ratio|amount)\}/g;

/** Expands placeholders; an unknown `{name}` is left alone (it may be a regex quantifier). */
export function expandPlaceholders(pattern: string): string {
  return pattern.replace(PLACEHOLDER, (_, name: string) => PLACEHOLDERS[name]!);
}

/** Compiles one pattern, or returns the engine's reason it does not compile. */
export function tryCompile(pattern: string, flags = 'u'): RegExp | string {
  try {
    return new RegExp(expandPlaceholders(pattern), flags);
  } catch (err) {
    return err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : String(err);
  }
}

/** Joins alternatives into one regex; alternatives are wrapped so each keeps its own precedence. */
export function union(patterns: readonly string[], flags: string): RegExp {
  return new RegExp(patterns.map((p) => `(?:${expandPlaceholders(p)})`).join('|'), flags);
}
