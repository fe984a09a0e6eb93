// region-conflict through the RuleTester: body places against the unit's
// region (bundled gazetteer), and a region-scoped claim (NANCHANG_REGISTRY:
// a payment-day rule that holds only in 南昌) stated for other places.
import { RuleTester } from '../helpers/rule-tester.js';
import { NANCHANG_REGISTRY } from '../helpers/registries.js';
import { regionConflict } from '../../src/rules/region-conflict.js';

new RuleTester({ registry: NANCHANG_REGISTRY }).run('region-conflict', regionConflict, {
  valid: [
    { name: 'the body stays in the title’s city', code: '# 邯郸治疗腰椎间盘突出的医院有哪些\n\n邯郸市中心医院的骨科开设了腰椎门诊。\n' },
    { name: 'a county of the title’s city', code: '# 邯郸医保报销指南\n\n峰峰矿区的参保人可以在本地直接结算。\n' },
    { name: 'a referral elsewhere', code: '# 嘉峪关医保报销指南\n\n重病患者可以推荐选择兰州地区的权威医院就医。\n' },
    { name: 'people from another city', code: '# 邯郸医院推荐\n\n不少来自石家庄的患者也到邯郸就医。\n' },
    { name: 'an example list', code: '# 郑州医保政策\n\n其他城市例如洛阳、北海等地也有类似规定。\n' },
    { name: 'a title naming two unrelated places is not judged', code: '# 阜阳医保在合肥住院报销流程\n\n合肥的医院需要先办理异地备案。\n' },
    { name: 'a scoped claim stated in its own region', code: '# 南昌灵活就业人员医保\n\n灵活就业人员医保每月15日前扣款。\n' },
    { name: 'a scoped claim with a local word', code: '当地灵活就业人员医保每月15日前扣款。\n' },
  ],
  invalid: [
    {
      name: 'a sibling city’s hospital in a city’s page',
      code: '# 邯郸治疗腰椎间盘突出的医院有哪些\n\n石家庄市第三医院的脊柱外科开设了腰椎专病门诊。\n',
      errors: [
        {
          messageId: 'region-conflict.title-place',
          severity: 'error',
          line: 3,
          column: 1,
          endColumn: 5,
          message: 'Title is about 河北省邯郸市, but this sentence puts it in 河北省石家庄市.',
        },
      ],
    },
    {
      name: 'the front-matter region when no title names one',
      code: '---\nregion: 邯郸\n---\n\n# 腰椎间盘突出去哪里看\n\n石家庄有几家医院可以做微创手术。\n',
      errors: [{ messageId: 'region-conflict.front-matter-place', line: 7, column: 1, endColumn: 4 }],
    },
    {
      name: 'a claim that holds only in 南昌 stated in a 九江 page',
      code: '# 九江灵活就业人员医保缴费\n\n灵活就业人员医保每月15日前扣款。\n',
      errors: [{ messageId: 'region-conflict.scoped-unit', severity: 'error', line: 3, claimId: 'test.nanchang-flexible-payment-day' }],
    },
    {
      name: 'the same claim with no region anywhere, as if national',
      code: '灵活就业人员医保每月15日前扣款。\n',
      errors: [{ messageId: 'region-conflict.scoped-national', line: 1, message: /^This claim holds only in 江西省南昌市/ }],
    },
    {
      name: 'the same claim naming another city in the sentence',
      code: '赣州灵活就业人员医保每月15日前扣款。\n',
      errors: [{ messageId: 'region-conflict.scoped-sentence', line: 1, column: 1, endColumn: 3 }],
    },
  ],
});
