// A one-claim registry file for tests of the registry loader, the lexicon and
// config: the balance after a lapse, with its patterns given by the test.

export interface DemoClaim {
  /** The `context.all` pattern. */
  readonly all: string;
  /** The `context.any` pattern, if any. */
  readonly any?: string;
  /** Phrases of the canonical value "kept" and of "gone". */
  readonly kept: string;
  readonly gone: string;
  /** Extra claim fields, as YAML lines indented by four spaces. */
  readonly extra?: string;
}

export function demoClaim(c: DemoClaim): string {
  return `claims:
  - id: demo.balance
    topic: demo
    subject: 停缴后余额
    statement: 停缴后余额保留。
    canonical: kept
    scope: national
    effective: "2020-01-01"
    confidence: high
    source: { title: 示例文件 }
    context:
      all: ['${c.all}']
${c.any ? `      any: ['${c.any}']\n` : ''}    values:
      kept: { label: 保留, phrases: ['${c.kept}'], negation: gone }
      gone: { label: 清零, phrases: ['${c.gone}'], negation: kept }
${c.extra ?? ''}    examples:
      supports: [停缴以后账户余额保留。]
      contradicts: [停缴以后账户余额清零。]
      unrelated: [账户余额可以买药。]
`;
}
