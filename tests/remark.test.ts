import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { VFile } from 'vfile';
import remarkClaimlint from '../src/remark.js';

describe('claimlint/remark', () => {
  it('adds findings as VFile messages inside a remark pipeline and leaves the document alone', async () => {
    const value = '# 停缴以后\n\n职工医保断交满三个月，卡里的个人账户余额会直接清零。\n';
    const file = new VFile({ path: 'lapse.md', value });
    const out = await unified().use(remarkParse).use(remarkClaimlint, { asOf: '2026-11-22' }).use(remarkStringify).process(file);
    expect(String(out)).toBe(value);
    const messages = out.messages.map((m) => [m.source, m.ruleId, m.line, m.fatal]);
    // Line 3 says the balance is cleared after a lapse; the registry says it is kept.
    expect(messages).toContainEqual(['claimlint', 'claim-contradiction', 3, true]);
    const m = out.messages.find((x) => x.ruleId === 'claim-contradiction')!;
    expect(m.column).toBeGreaterThan(1);
    expect(m.url).toContain('#claim-contradiction');
  });

  it('adds nothing for a text with no claims', async () => {
    const file = await unified().use(remarkParse).use(remarkClaimlint, { asOf: '2026-11-22' }).use(remarkStringify).process(new VFile({ path: 'a.md', value: '今天天气很好。\n' }));
    expect(file.messages).toEqual([]);
  });
});
