// Suppressions through the RuleTester: every rule runs, suppressions are
// applied as a run applies them, and the `suppression` findings (directives
// that suppress nothing or name an unknown rule) are compared.
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../helpers/rule-tester.js';
import { staleYear } from '../../src/rules/stale-year.js';

const tester = new RuleTester({ asOf: '2025-06-30' });
const STALE = '根据2024年最新政策整理。';

tester.run('suppression', 'suppression', {
  valid: [
    { name: 'a directive that suppresses the finding on the next line', code: `<!-- claimlint-disable-next-line stale-year -->\n${STALE}\n` },
    { name: 'a directive for every rule on its own line', code: `${STALE} <!-- claimlint-disable-line -->\n` },
    { name: 'a disabled region with a reason', code: `<!-- claimlint-disable stale-year -- quoted from the 2024 notice -->\n${STALE}\n<!-- claimlint-enable stale-year -->\n` },
    { name: 'no directive at all', code: '2016年起整合城乡居民医保。\n' },
  ],
  invalid: [
    {
      name: 'a directive with nothing to suppress',
      code: '<!-- claimlint-disable-next-line stale-year -->\n2016年起整合城乡居民医保。\n',
      errors: [{ messageId: 'suppression.unused', severity: 'warning', line: 1 }],
    },
    {
      name: 'a directive naming an unknown rule',
      code: `${STALE} <!-- claimlint-disable-line stale-years -->\n`,
      errors: [{ messageId: 'suppression.unknown-rule', line: 1, message: /stale-years/ }],
    },
  ],
});

describe('suppression drops the finding', () => {
  it('the stale-year error is there without the directive and gone under it', () => {
    expect(tester.findings(staleYear, { code: `${STALE}\n` })).toHaveLength(1);
    expect(tester.findings(staleYear, { code: `<!-- claimlint-disable-next-line stale-year -->\n${STALE}\n` })).toEqual([]);
    // A directive for another rule leaves it, and is itself unused.
    const code = `<!-- claimlint-disable-next-line region-conflict -->\n${STALE}\n`;
    expect(tester.findings(staleYear, { code })).toHaveLength(1);
    expect(tester.findings('suppression', { code }).map((f) => f.messageRef?.id)).toEqual(['suppression.unused']);
  });
});
