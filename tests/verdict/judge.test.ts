// The precision policy (src/verdict/judge.ts): how sure each reading is.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadRegistry } from '../../src/registry/load.js';
import { loadCues } from '../../src/extract/cues.js';
import { extractClaims } from '../../src/extract/claims.js';
import { judge } from '../../src/verdict/judge.js';

const root = resolve(import.meta.dirname, '..', '..');
const loaded = loadRegistry(resolve(root, 'claims'), root);
if (!loaded.ok) throw new Error('bundled registry invalid');
const registry = loaded.registry;
const cues = loadCues();

/** [verdict kind, level] of each record the sentence gives for the claim. */
function judged(text: string, claimId: string): [string, string | undefined][] {
  return extractClaims(registry, cues, { text, span: { start: 0, end: text.length } }, {}, { file: 't.md', unitIndex: 0 })
    .filter((r) => r.claimId === claimId)
    .map((r) => judge(registry, r))
    .map((v) => [v.kind, v.level]);
}

const BALANCE = 'personal-account.balance-after-lapse';
const CASH = 'personal-account.no-cash-withdrawal';
const WAIT = 'lapse.waiting-period';

describe('precision policy', () => {
  it('makes a plain, unconditional assertion an error', () => {
    expect(judged('停缴超过3个月，个人账户余额会被清零。', BALANCE)).toEqual([['contradicted', 'error']]);
  });

  it('makes a hedged one a warning and an unanswered question an info', () => {
    expect(judged('停缴超过3个月，个人账户余额可能会被清零。', BALANCE)).toEqual([['contradicted', 'warning']]);
    expect(judged('停缴超过3个月，个人账户余额会被清零吗？', BALANCE)).toEqual([['contradicted', 'info']]);
  });

  it('makes a value under a condition the registry does not list an info', () => {
    expect(judged('如果单位破产了，停缴以后个人账户余额就会清零。', BALANCE)).toEqual([['contradicted', 'info']]);
  });

  it('lets a listed exception, or a sentence limited to such cases, support the claim', () => {
    expect(judged('出国定居的，个人账户余额可以一次性提取。', CASH)).toEqual([['supported', undefined]]);
    expect(judged('个人账户的钱只有在特殊情况下才可以提取。', CASH).map(([k]) => k)).toEqual(['supported']);
  });

  it('judges a figure within the ceiling by how it is stated', () => {
    // Stated for one city: a local rule, supported.
    expect(judged('天津规定，断缴超过3个月的，需连续缴费满6个月后方可报销。', WAIT)).toEqual([['supported', undefined]]);
    // Stated as if national: a warning.
    expect(judged('断缴超过3个月的，需连续缴费满6个月后方可报销。', WAIT)).toEqual([['contradicted', 'warning']]);
    // Beyond the ceiling: an error wherever it is said.
    expect(judged('断缴超过3个月的，需连续缴费满12个月后方可报销。', WAIT)).toEqual([['contradicted', 'error']]);
  });
});
