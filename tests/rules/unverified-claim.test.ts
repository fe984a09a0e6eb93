// unverified-claim through the RuleTester: a value the registry marks
// `verdict: unverifiable` is an info; values it judges are not this rule's.
import { RuleTester } from '../helpers/rule-tester.js';
import { BALANCE_REGISTRY } from '../helpers/registries.js';
import { unverifiedClaim } from '../../src/rules/unverified-claim.js';

new RuleTester({ registry: BALANCE_REGISTRY }).run('unverified-claim', unverifiedClaim, {
  valid: [
    { name: 'a supported value', code: '停缴后个人账户余额可以继续使用。\n' },
    { name: 'a contradicted value (claim-contradiction reports it)', code: '停缴后个人账户余额会清零。\n' },
    { name: 'no registry topic', code: '今天医保大厅人很多。\n' },
  ],
  invalid: [
    {
      name: 'an unjudged value is an info on its cue',
      code: '停缴后个人账户余额可以一次性退还。\n',
      errors: [
        {
          messageId: 'unverified-claim.unjudged',
          severity: 'info',
          line: 1,
          column: '停缴后个人账户余额可以'.length + 1,
          endColumn: '停缴后个人账户余额可以一次性退还'.length + 1,
          claimId: 'test.balance',
        },
      ],
    },
    {
      name: 'in a plain-text page too',
      filename: 'page.txt',
      code: '医保断缴怎么办\n断缴以后个人账户余额可以一次性退还。\n',
      errors: [{ messageId: 'unverified-claim.unjudged', severity: 'info', line: 2 }],
    },
  ],
});
