// stale-year through the RuleTester: cases written from the rule's contract
// (README, Rules in detail), read against an as-of date of 2025-06-30.
import { RuleTester } from '../helpers/rule-tester.js';
import { staleYear } from '../../src/rules/stale-year.js';

new RuleTester({ asOf: '2025-06-30' }).run('stale-year', staleYear, {
  valid: [
    { name: 'a historical start', code: '2016年起整合城乡居民基本医疗保险制度。\n' },
    { name: 'a dated event', code: '2024年3月1日起，新的药品目录开始执行。\n' },
    { name: 'a range reaching the as-of year', code: '2023-2025年的缴费标准见下表。\n' },
    { name: 'a range to the present', code: '2023年至今，个人缴费标准逐年提高。\n' },
    { name: 'a cited document', code: '依据2021年国办发14号文件，个人账户只计入个人缴费。\n' },
    { name: 'a duration', code: '退休时需连续缴费满12年以上。\n' },
    { name: 'the as-of year itself is current', code: '2025年最新政策如下。\n' },
    { name: 'a negated qualifier', code: '2023年的标准不是最新的，请以当地公布为准。\n' },
    { name: 'a year in a title that is not about rates or standards', code: '# 2023年参保故事\n\n今年的故事讲完了。\n' },
    { name: 'options raise the age threshold', code: '2024年最新政策如下。\n', options: { minAge: 2 } },
    // The sentence before a list's lead-in dates the list only when a year opens one of its clauses.
    { name: 'a year inside a clause before a lead-in', code: '我在2023年办理过一次报销，当时的报销比例不高。现行报销比例如下：\n\n- 住院：80%\n' },
    { name: 'a lead-in with its own year dates its own list', code: '2023年度的缴费标准与年龄相关。2025年的缴费标准如下：\n\n- 成年人：每年400元\n' },
    { name: 'a year before a lead-in in another paragraph', code: '2023年度的缴费标准与年龄相关。\n\n具体缴费标准如下：\n\n- 成年人：每年400元\n' },
  ],
  invalid: [
    {
      name: 'a past year with 最新 is an error on the year',
      code: '根据2024年最新政策整理。\n',
      errors: [
        {
          messageId: 'stale-year.current',
          severity: 'error',
          line: 1,
          column: 3,
          endColumn: 8,
          message: '“2024年最新” presents 2024 as current, but it is 1 year before the as-of date 2025-06-30.',
        },
      ],
    },
    {
      name: 'a qualifier before the year (现行…2023年), two years old',
      code: '现行2023年缴费标准已经公布。\n',
      errors: [{ messageId: 'stale-year.current', severity: 'error', column: 3, message: /^“现行2023年” presents 2023 as current, but it is 2 years before/ }],
    },
    {
      name: 'the item’s own date is named',
      code: '---\ndate: 2025-03-14\n---\n\n今年（2024年）的起付标准有变化。\n',
      errors: [{ messageId: 'stale-year.current', line: 5, message: /\(this item is dated 2025-03-14\)\.$/ }],
    },
    {
      name: 'a year in the title of a rates page is a warning',
      code: '# 南昌医保报销比例2024\n\n报销比例按医院等级区分。\n',
      errors: [{ messageId: 'stale-year.title', severity: 'warning', line: 1 }],
    },
    {
      name: 'a clause that heads a list of amounts is a warning',
      code: '2024年南昌社保最低缴费金额如下：\n\n- 养老保险：每月500元\n',
      errors: [{ messageId: 'stale-year.lead-in', severity: 'warning', line: 1, column: 1 }],
    },
    {
      name: 'a year opening the sentence before a lead-in in the same paragraph dates the list',
      code: '根据本市的规定，2023年度个人账户划入标准与年龄有关。以在职职工为例，划入比例如下：\n\n- 35岁以下：2%\n',
      errors: [{ messageId: 'stale-year.lead-in', severity: 'warning', line: 1, column: 9, endColumn: 15 }],
    },
    {
      name: 'options add a qualifier',
      code: '2024年权威政策如下。\n',
      options: { currentQualifiers: ['权威'] },
      errors: [{ messageId: 'stale-year.current', severity: 'error' }],
    },
  ],
});
