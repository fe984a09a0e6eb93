// Scraped noise (zero-width characters, spaces between CJK characters,
// full-width digits, traditional characters) must not hide a finding, and the
// finding must point at the page as written.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { repoRoot, runCli, tempTree } from '../helpers/cli.js';
import { loadRegistry } from '../../src/registry/load.js';
import { loadCues } from '../../src/extract/cues.js';
import { loadPageStructure, parseArticle } from '../../src/parse/index.js';
import { extractArticle } from '../../src/engine/analyze.js';

const registryDir = join(repoRoot, 'claims');
const BALANCE = 'personal-account.balance-after-lapse';

function article(title: string, heading: string, body: string): string {
  return `---\ntitle: ${title}\n---\n\n## ${heading}\n\n${body}\n`;
}

interface Reported {
  ruleId: string;
  claimId?: string;
  line: number;
  column: number;
  endColumn: number;
  excerpt: string;
  message: string;
  related?: { file: string; line: number; column: number; endColumn: number; excerpt: string }[];
}

function check(files: Record<string, string>, asOf = '2026-12-01'): Reported[] {
  const dir = tempTree(files);
  const r = runCli(['check', '.', '--registry', registryDir, '--format', 'json', '--as-of', asOf], dir);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout).findings as Reported[];
}

/** 1-based UTF-16 column of `ch` in `line`. */
const col = (line: string, ch: string) => line.indexOf(ch) + 1;

describe('claims read through the matching view', () => {
  // The clean sentence, to show what the reader reports when nothing is in the way.
  const clean = '很多人担心断缴的影响。停缴超过3个月，个人账户余额将清零。';

  it('reports the clean sentence on its cue 清零 (the reference for the noisy ones)', () => {
    const [f, ...rest] = check({ 'a.md': article('停缴以后怎么办', '停缴以后', clean) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'claim-contradiction', claimId: BALANCE, line: 7, column: col(clean, '清'), endColumn: col(clean, '零') + 1 });
  });

  it('finds the claim through zero-width characters and reports it at the source columns', () => {
    const noisy = '很多人担心断缴的影响。停缴超过3个月，个\u200b人\u200b账\u200b户余\u00ad额将清\u2060零。';
    const [f, ...rest] = check({ 'a.md': article('停缴以后怎么办', '停缴以后', noisy) });
    expect(rest).toEqual([]);
    // The cue starts at 清 and ends after 零, with the word joiner between them.
    expect(f).toMatchObject({ ruleId: 'claim-contradiction', claimId: BALANCE, line: 7, column: col(noisy, '清'), endColumn: col(noisy, '零') + 1 });
    expect(col(noisy, '零') - col(noisy, '清')).toBe(2);
    // The excerpt is the sentence as written.
    expect(f!.excerpt).toBe(noisy.slice(noisy.indexOf('停')));
  });

  it('finds the claim in traditional characters with full-width digits', () => {
    const trad = '很多人擔心斷繳的影響。停繳超過３個月，個人賬戶餘額將清零。';
    const [f, ...rest] = check({ 'a.md': article('停繳以後怎麼辦', '停繳以後', trad) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'claim-contradiction', claimId: BALANCE, line: 7, column: col(trad, '清'), endColumn: col(trad, '零') + 1, excerpt: trad.slice(trad.indexOf('停')) });
  });

  it('finds the claim in a sentence spaced out character by character', () => {
    const spaced = '停 缴 超 过 ３ 个 月 ， 个 人 账 户 余 额 将 清 零 。';
    const [f, ...rest] = check({ 'a.md': article('停缴以后怎么办', '停缴以后', spaced) });
    expect(rest).toEqual([]);
    // 清 零: three source units, the space included.
    expect(f).toMatchObject({ claimId: BALANCE, line: 7, column: col(spaced, '清'), endColumn: col(spaced, '零') + 1, excerpt: spaced });
  });

  it('reads a traditional heading as the sentence’s surroundings', () => {
    // The body names the balance but not the lapse: 停繳 is only in the heading above it.
    const body = '个人账户余额过了三个月就会被清零。';
    const found = check({ 'a.md': article('医保问答', '停繳以後', body) });
    expect(found.map((f) => [f.claimId, f.line, f.column])).toEqual([[BALANCE, 7, col(body, '清')]]);
    // Without a lapse word anywhere above it, the sentence is about nothing the registry knows.
    expect(check({ 'a.md': article('医保问答', '其他问题', body) })).toEqual([]);
  });

  it('keeps records at source spans: cue text is the source slice, the sentence is the source sentence', () => {
    const loaded = loadRegistry(registryDir, repoRoot);
    if (!loaded.ok) throw new Error('bundled registry invalid');
    const text = article('停缴以后怎么办', '停缴以后', '停缴超过３个月，个\u200b人账户余额将清\u200b零。');
    const { article: parsed } = parseArticle({ path: 'a.md', text, encoding: 'utf-8', format: 'markdown' }, loadPageStructure());
    const records = extractArticle(parsed, { registry: loaded.registry, cues: loadCues() }).filter((r) => r.claimId === BALANCE);
    expect(records).toHaveLength(1);
    const r = records[0]!;
    expect(r.cue.text).toBe('清\u200b零');
    expect(text.slice(r.cue.span.start, r.cue.span.end)).toBe(r.cue.text);
    expect(parsed.sentences).toContain(r.sentence);
    expect(text.slice(r.sentence.span.start, r.sentence.span.end)).toBe(r.sentence.text);
    // The quantity read as over 3 months points at 超过３个月 in the source.
    const months = r.quantities.find((q) => q.unit === 'month');
    expect(months).toMatchObject({ value: 3, bound: 'over', text: '超过３个月' });
    expect(text.slice(months!.span.start, months!.span.end)).toBe('超过３个月');
  });
});

describe('facts read through the matching view', () => {
  it('a traditional, full-width page conflicts with a simplified one, each reported where it is written', () => {
    const trad = '2025年九江市養老保險最低繳費基數\u200b為４１００元每月。';
    const simp = '2025年九江市养老保险最低缴费基数为4500元每月。';
    const page = (body: string) => `---\ntitle: 九江社保缴费标准\ndate: 2025-03-01\n---\n\n${body}\n`;
    const found = check({ 'a.md': page(trad), 'b.md': page(simp) }, '2025-06-30').filter((f) => f.ruleId === 'corpus-conflict');
    expect(found).toHaveLength(2);
    const here = found.find((f) => f.excerpt === trad)!;
    // The whole short sentence is the evidence: column 1 to its last source unit.
    expect(here).toMatchObject({ line: 6, column: 1, endColumn: trad.length + 1 });
    expect(here.message).toContain('4100元每月');
    expect(here.message).toContain('4500元每月');
    expect(here.related).toEqual([expect.objectContaining({ file: 'b.md', line: 6, column: 1, endColumn: simp.length + 1, excerpt: simp })]);
  });
});
