// corpus-conflict through the RuleTester: two files (or two parts of one)
// stating different values for the same fact; each file is reported once per
// fact with the other side as a related location.
import { RuleTester } from '../helpers/rule-tester.js';
import { corpusConflict } from '../../src/rules/corpus-conflict.js';
import { BALANCE_REGISTRY } from '../helpers/registries.js';

new RuleTester().run('corpus-conflict', corpusConflict, {
  valid: [
    {
      name: 'the same value in two files',
      files: { 'a.md': '邯郸市职工医保住院起付标准为800元。\n', 'b.md': '邯郸市职工医保住院的起付标准是800元。\n' },
    },
    {
      name: 'different years are not a conflict',
      files: { 'a.md': '2023年邯郸市职工医保住院起付标准为800元。\n', 'b.md': '2024年邯郸市职工医保住院起付标准为1000元。\n' },
    },
    {
      name: 'different cities are different facts',
      files: { 'a.md': '邯郸市职工医保住院起付标准为800元。\n', 'b.md': '保定市职工医保住院起付标准为1000元。\n' },
    },
    {
      name: 'with facts turned off',
      files: { 'a.md': '邯郸市职工医保住院起付标准为800元。\n', 'b.md': '邯郸市职工医保住院起付标准为1000元。\n' },
      options: { facts: false },
    },
  ],
  invalid: [
    {
      name: 'two files, two values: each file reported once',
      files: { 'a.md': '邯郸市职工医保住院起付标准为800元。\n', 'b.md': '# 报销\n\n邯郸市职工医保住院起付标准为1000元。\n' },
      errors: [
        { file: 'a.md', line: 1, severity: 'error', messageId: 'corpus-conflict.facts', message: /^Conflicting values for .*800.* here, .*1000/ },
        { file: 'b.md', line: 3, severity: 'error', messageId: 'corpus-conflict.facts', message: /^Conflicting values for .*1000.* here, .*800/ },
      ],
    },
  ],
});

// Registry claims: when one side agrees with the registry, claim-contradiction
// reports the other (src/facts/conflicts.ts), so this rule stays quiet.
new RuleTester({ registry: BALANCE_REGISTRY }).run('corpus-conflict (registry claims)', corpusConflict, {
  valid: [
    {
      name: 'both files agree with the registry',
      files: { 'a.md': '停缴后个人账户余额可以继续使用。\n', 'b.md': '断缴以后个人账户余额不会清零。\n' },
    },
    {
      name: 'one agrees and one contradicts: left to claim-contradiction',
      files: { 'a.md': '停缴后个人账户余额可以继续使用。\n', 'b.md': '停缴后个人账户余额会清零。\n' },
    },
  ],
  invalid: [],
});
