// claim-contradiction through the RuleTester, on a one-claim registry of its
// own (tests/helpers/registries.ts: BALANCE_REGISTRY), so the cases do not
// move when the bundled registry changes.
import { RuleTester } from '../helpers/rule-tester.js';
import { BALANCE_REGISTRY } from '../helpers/registries.js';
import { claimContradiction } from '../../src/rules/claim-contradiction.js';

new RuleTester({ registry: BALANCE_REGISTRY }).run('claim-contradiction', claimContradiction, {
  valid: [
    { name: 'states the canonical value', code: '停缴后个人账户余额可以继续使用。\n' },
    { name: 'a negated contradicting phrase asserts the canonical value', code: '停缴后个人账户余额不会清零。\n' },
    { name: 'a value the registry does not judge', code: '停缴后个人账户余额可以一次性退还。\n' },
    { name: 'an unanswered yes/no question asserts nothing', code: '停缴后个人账户余额会清零吗？\n' },
    { name: 'a sentence about another subject', code: '个人账户余额可以用来买药。\n' },
    { name: 'a code block is not prose', code: '```\n停缴后个人账户余额会清零。\n```\n' },
  ],
  invalid: [
    {
      name: 'a plain contradiction is an error on the cue, with the canonical statement',
      code: '停缴后个人账户余额会清零。\n',
      errors: [{ messageId: 'claim-contradiction.contradicts', severity: 'error', line: 1, column: 11, endColumn: 13, claimId: 'test.balance' }],
    },
    {
      name: 'a hedged contradiction is a warning',
      code: '停缴后个人账户余额可能会清零。\n',
      errors: [{ messageId: 'claim-contradiction.contradicts', severity: 'warning', claimId: 'test.balance' }],
    },
    {
      name: 'a negated canonical phrase contradicts',
      code: '断缴以后，个人账户余额不会保留。\n',
      errors: [{ messageId: 'claim-contradiction.contradicts', severity: 'error', line: 1 }],
    },
    {
      name: 'each contradicting sentence is reported, on its own line',
      code: '# 断缴须知\n\n停缴后个人账户余额会清零。\n\n断缴以后，账户余额作废。\n',
      errors: [
        { messageId: 'claim-contradiction.contradicts', line: 3 },
        { messageId: 'claim-contradiction.contradicts', line: 5 },
      ],
    },
  ],
});
