// Small registries made for tests. A test whose findings must not depend on the
// bundled registry (which others keep editing) loads one of these instead.

/** One claim no scraped page is about: the registry loads, and judges nothing. */
export const UNRELATED_REGISTRY = `claims:
  - id: test.unrelated
    topic: unrelated
    subject: 测试用主题
    statement: 测试用陈述。
    canonical: yes
    scope: national
    effective: "2024-01-01"
    confidence: high
    source: { title: 测试用文件 }
    context: { all: ['测试用主题'] }
    values:
      yes: { label: 是, phrases: ['是'] }
      no: { label: 否, phrases: ['否'] }
    examples: { supports: [测试用主题是。], contradicts: [测试用主题否。], unrelated: [医保。] }
`;

// A small registry made for these tests only: one claim scoped to 南昌 (an
// invented payment-day rule; no real registry claim is region-scoped yet).
export const NANCHANG_REGISTRY = `claims:
  - id: test.nanchang-flexible-payment-day
    topic: flexible-payment-day
    subject: 南昌灵活就业人员医保扣款日
    statement: 南昌市灵活就业人员职工医保每月15日前扣款。
    canonical: fifteenth
    scope: { region: 江西省南昌市 }
    effective: "2024-01-01"
    confidence: high
    source: { title: 测试用文件 }
    context:
      all: ['灵活就业']
      any: ['扣款|缴费']
    values:
      fifteenth: { label: 每月15日前扣款, phrases: ['每月15日前扣款'] }
      twentieth: { label: 每月20日前扣款, phrases: ['每月20日前扣款'] }
    examples:
      supports: [灵活就业人员医保每月15日前扣款。]
      contradicts: [灵活就业人员医保每月20日前扣款。]
      unrelated: [灵活就业人员可以选择缴费档次。]
`;

// A registry for the rule tests of claim-contradiction and unverified-claim:
// one invented claim about the balance after contributions stop, with a value
// it supports, one it contradicts and one it does not judge.
export const BALANCE_REGISTRY = `claims:
  - id: test.balance
    topic: balance
    subject: 停缴后个人账户余额
    statement: 停缴后个人账户余额保留，可以继续使用。
    canonical: kept
    scope: national
    effective: "1998-12-14"
    confidence: high
    source: { title: 规则测试用文件 }
    context:
      all: ['个人账户|账户余额']
      any: ['停缴|断缴']
    values:
      kept: { label: 余额保留, phrases: ['保留', '继续使用'], negation: gone }
      gone: { label: 余额清零, phrases: ['清零', '作废'], negation: kept }
      refunded: { label: 一次性退还, phrases: ['一次性退还'], verdict: unverifiable }
    examples:
      supports: [停缴后个人账户余额可以继续使用。]
      contradicts: [停缴后个人账户余额会清零。]
      unrelated: [个人账户余额可以用来买药。]
`;
