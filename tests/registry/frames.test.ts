// Values phrased as frames: an anchor and parts that may come in any order
// around it (before it in its clause or the one before, in a question joined
// before the answer, or after it within its clause), and
// parts that may not be in the anchor's clause. A demo registry so each rule of
// the window is tested on its own, then the reading it feeds (polarity at the
// anchor, a question joined to its answer, a sentence describing misconduct).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadRegistry } from '../../src/registry/load.js';
import { loadCues } from '../../src/extract/cues.js';
import { extractClaims } from '../../src/extract/claims.js';
import type { Registry } from '../../src/registry/types.js';
import { tempTree, runCli } from '../helpers/cli.js';

const LEXICON = `concepts:
  payer: { means: 缴费的个人, words: [个人, 自己, 员工] }
  boss: { means: 单位, words: [单位, 公司] }
`;

function registryWith(values: string, lexicon = LEXICON): string {
  return tempTree({
    'claims/lexicon.yaml': lexicon,
    'claims/demo.yaml': `claims:
  - id: demo.rate
    topic: demo
    subject: 个人缴费比例
    statement: 个人缴费比例为2%。
    canonical: two
    scope: national
    effective: "2020-01-01"
    confidence: high
    source: { title: 示例文件 }
    context:
      all: ['医保']
    values:
${values}
    examples:
      supports: [医保个人缴费比例为2%。]
      contradicts: [医保员工本人承担的费用，比例为工资的8%。]
      unrelated: [医保单位缴费比例为8%。]
`,
  });
}

const RATE_VALUES = `      two:
        label: 2%
        when: { kind: percent, eq: 2 }
        frames:
          - { anchor: '{percent}', with: ['{payer}', '比例|交|缴'], without: ['{boss}'] }
      high:
        label: 8%
        when: { kind: percent, gte: 4 }
        frames:
          - { anchor: '{percent}', with: ['{payer}', '比例|交|缴'], without: ['{boss}'] }
`;

function load(dir: string): Registry {
  const r = loadRegistry(join(dir, 'claims'), dir);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.registry;
}

const cues = loadCues();

function valuesRead(registry: Registry, text: string, around = {}): string[] {
  return extractClaims(registry, cues, { text, span: { start: 0, end: text.length } }, around, { file: 't.md', unitIndex: 0 }).map(
    (r) => r.value,
  );
}

describe('a frame', () => {
  const registry = load(registryWith(RATE_VALUES));

  it('reads its parts before the anchor, in an earlier clause', () => {
    expect(valuesRead(registry, '医保员工本人承担的部分，比例为月工资的8%。')).toEqual(['high']);
  });

  it('reads its parts after the anchor only within the anchor’s clause', () => {
    // 个人 after 8% but in the next clause: the 8% is not said of the individual.
    expect(valuesRead(registry, '医保总费率8%，其中个人缴2%。')).toEqual(['two']);
  });

  it('is not read when a `without` part is in the anchor’s clause', () => {
    expect(valuesRead(registry, '医保个人缴2%，单位缴8%。')).toEqual(['two']);
  });

  it('needs every `with` part', () => {
    expect(valuesRead(registry, '医保的8%。')).toEqual([]);
  });

  it('applies the value’s quantity test to the anchor', () => {
    // 3% passes neither eq 2 nor gte 4.
    expect(valuesRead(registry, '医保个人缴费比例为3%。')).toEqual([]);
  });

  it('does not reach back past the clause before the anchor’s', () => {
    // 个人 and 比例 belong to the first statement; 8% is said two clauses later, of the total.
    expect(valuesRead(registry, '医保个人的比例另行公布，今年有调整，总额8%。')).toEqual([]);
  });

  it('reads whitespace in a scraped table line as a cell break', () => {
    // One flattened table: 个人缴费比例 is the pension row's cell, 8% the next row's.
    expect(valuesRead(registry, '医保费率 养老 个人缴费比例 1% 合计 8%')).toEqual([]);
  });

  it('takes a part from the question joined before an answer', () => {
    const question = '医保个人要交多少？';
    const text = `${question}扣工资的8%。`;
    expect(valuesRead(registry, text, { question, readFrom: question.length })).toEqual(['high']);
  });
});

describe('a frame read like any phrase', () => {
  const registry = load(
    registryWith(`      two:
        label: 不用交
        phrases: ['(?:不用|无需)交']
      high:
        label: 要交
        negation: two
        frames:
          - { anchor: '交', with: ['还是|照样|照旧'] }
`),
  );

  it('is negated at its anchor', () => {
    expect(valuesRead(registry, '医保照样不交。')).toEqual(['two']);
  });

  it('is affirmed without a negator before its anchor', () => {
    expect(valuesRead(registry, '医保还是照旧每月交。')).toEqual(['high']);
  });
});

describe('a sentence describing misconduct', () => {
  const registry = load(
    registryWith(`      two:
        label: 不能取现
        phrases: ['不能取现']
      high:
        label: 取现
        phrases: ['兑换成现金']
`),
  );

  it('reports the wrong value as a mention, not an assertion', () => {
    const [r] = extractClaims(registry, cues, { text: '有人与违规药店勾结，把医保卡里的钱兑换成现金。', span: { start: 0, end: 23 } }, {}, { file: 't.md', unitIndex: 0 });
    expect(r?.framing).toBe('mention');
  });

  it('leaves a plain sentence asserted', () => {
    const [r] = extractClaims(registry, cues, { text: '医保卡里的钱可以兑换成现金。', span: { start: 0, end: 14 } }, {}, { file: 't.md', unitIndex: 0 });
    expect(r?.framing).toBe('plain');
  });
});

describe('frames in the registry file', () => {
  it('are checked at file:line:col: an anchor matching the empty string', () => {
    const dir = registryWith(`      two:
        label: 2%
        frames:
          - { anchor: '(?:个人)?', with: ['比例'] }
      high:
        label: 8%
        phrases: ['8%']
`);
    const r = runCli(['registry', 'validate'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/claims\/demo\.yaml:\d+:\d+: .*matches the empty string/);
  });

  it('are refused when a value has neither phrases nor frames', () => {
    const dir = registryWith(`      two:
        label: 2%
      high:
        label: 8%
        phrases: ['8%']
`);
    const r = runCli(['registry', 'validate'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/claims\/demo\.yaml:\d+:\d+/);
  });
});
