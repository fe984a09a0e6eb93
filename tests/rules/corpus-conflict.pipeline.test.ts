import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { check, corpusEntries, setup } from '../../src/engine/run.js';
import { analyzeFile } from '../../src/engine/analyze.js';
import { runCorpusRules } from '../../src/kernel/run-rules.js';
import { finalise } from '../../src/kernel/messages.js';
import type { CorpusEntry } from '../../src/kernel/rule.js';
import { corpusConflict } from '../../src/rules/corpus-conflict.js';
import { factConflicts } from '../../src/facts/conflicts.js';
import { suggestions, suggestionsYaml, TODO } from '../../src/facts/registry-suggest.js';
import { loadFactKeys } from '../../src/facts/keys.js';
import { loadGazetteer } from '../../src/region/gazetteer.js';
import { loadRegistry } from '../../src/registry/load.js';
import { schemaValidator } from '../../src/schemas.js';
import { extractClaims } from '../../src/extract/claims.js';
import { loadCues } from '../../src/extract/cues.js';
import { formatters } from '../../src/formatters/index.js';
import { main } from '../../src/cli/main.js';
import type { Finding, RunResult } from '../../src/types.js';

const root = resolve(import.meta.dirname, '..', '..');
// The corpus expectations are pinned to this date (tests/corpus.test.ts).
const asOf = '2026-11-22';

const entriesOf = (analyses: Awaited<ReturnType<typeof check>>['analyses']): CorpusEntry[] => corpusEntries(analyses);

const conflicts = (findings: readonly Finding[]) => findings.filter((f) => f.ruleId === 'corpus-conflict');

interface Expected {
  file: string;
  line: number;
  ruleId: string;
  severity: string;
  claimId?: string;
  factKey?: string;
}

describe('corpus articles (corpus/conflict-*.md, with the whole corpus as context)', async () => {
  const outcome = await check({ cwd: root, paths: ['corpus'], asOf });
  const mine = (file: string) => /^corpus\/conflict-.*\.md$/.test(file);
  const expected = (parse(readFileSync(join(root, 'corpus/expectations.corpus-conflict.yaml'), 'utf8')) as { findings: Expected[] }).findings;

  it('give exactly the expected corpus-conflict findings', () => {
    const got = conflicts(outcome.result.findings)
      .filter((f) => mine(f.file))
      .map((f) => `${f.file}:${f.line} ${f.claimId ?? ''} ${f.severity}`);
    const want = expected.filter((e) => e.ruleId === 'corpus-conflict').map((e) => `${e.file}:${e.line} ${e.claimId ?? ''} ${e.severity}`);
    expect(got.sort()).toEqual(want.sort());
  });

  it('on the fact keys the expectations name', () => {
    const entries = entriesOf(outcome.analyses);
    const byFile = new Map(entries.map((e) => [e.file, e.lines]));
    const got = factConflicts(entries)
      .filter((s) => mine(s.file))
      .map((s) => `${s.file}:${byFile.get(s.file)!.position(s.at.fact.evidence.span.start).line} ${s.key}`);
    expect(got.sort()).toEqual(
      expected
        .filter((e) => e.factKey)
        .map((e) => `${e.file}:${e.line} ${e.factKey}`)
        .sort(),
    );
  });

  it('report both sides of a cross-article conflict, each pointing at the other', () => {
    const foshan = conflicts(outcome.result.findings).filter((f) => f.file.includes('conflict-foshan'));
    expect(foshan.map((f) => [f.file, f.line, f.related?.map((r) => `${r.file}:${r.line}`)])).toEqual([
      ['corpus/conflict-foshan-outpatient-2025.md', 18, ['corpus/conflict-foshan-outpatient-faq.md:12']],
      ['corpus/conflict-foshan-outpatient-faq.md', 12, ['corpus/conflict-foshan-outpatient-2025.md:18']],
    ]);
    expect(foshan[0]!.message).toContain('3000元（2025年） here, 5000元（2025年） in 1 other article');
    expect(foshan[0]!.severity).toBe('error');
  });

  it('report a self-contradicting article once, on the line the registry contradicts, with the other line related', () => {
    // The registry judges this claim, so corpus-conflict stays silent and claim-contradiction
    // carries the article's own agreeing sentence as a related location.
    expect(conflicts(outcome.result.findings).filter((x) => x.file === 'corpus/conflict-lapse-balance-faq.md')).toEqual([]);
    // Line 10 asks (会不会没了) and is an info; the one error is the contradiction.
    const [f, ...rest] = outcome.result.findings.filter(
      (x) => x.ruleId === 'claim-contradiction' && x.severity === 'error' && x.file === 'corpus/conflict-lapse-balance-faq.md',
    );
    expect(rest).toEqual([]);
    expect(f!.line).toBe(20);
    expect(f!.related![0]).toMatchObject({ file: 'corpus/conflict-lapse-balance-faq.md', line: 14 });
    expect(f!.message).toMatch(/this article itself says 余额保留（不清零） in 1 other place\.$/);
  });

  it('show both sentences together in the stylish report', () => {
    const foshan = conflicts(outcome.result.findings).filter((x) => x.file === 'corpus/conflict-foshan-outpatient-2025.md');
    const result: RunResult = { ...outcome.result, findings: foshan };
    const text = formatters.stylish(result, { color: false });
    expect(text).toContain('一个自然年度内，普通门诊统筹年度最高支付限额为3000元，超出部分由个人承担。');
    expect(text).toContain('↔ corpus/conflict-foshan-outpatient-faq.md:12  2025年起，佛山职工医保普通门诊统筹年度最高支付限额为5000元');
  });
});

describe('the whole corpus is the context', () => {
  it('a changed file that conflicts with an unchanged one is reported, naming the other file', () => {
    const { registry, services } = setup({ cwd: root, asOf });
    const files: Record<string, string> = {
      'changed.md': '---\ntitle: 佛山职工医保门诊\ndate: 2025-05-01\n---\n\n2025年佛山职工医保普通门诊统筹年度最高支付限额为5000元。\n',
      'unchanged.md': '---\ntitle: 佛山职工医保门诊\ndate: 2025-01-01\n---\n\n2025年佛山职工医保普通门诊统筹年度最高支付限额为3000元。\n',
    };
    const entries = Object.entries(files).flatMap(([name, text]) => {
      const a = analyzeFile({ absolute: `/virtual/${name}`, display: name, format: 'markdown' }, Buffer.from(text), services);
      return a.article && a.lines ? [{ file: a.file, article: a.article, lines: a.lines, records: a.records, verdicts: a.verdicts, facts: a.facts }] : [];
    });
    const found = finalise(runCorpusRules([corpusConflict], new Map(), entries, registry, services.asOf));
    expect(found.map((f) => [f.file, f.line, f.related?.map((r) => `${r.file}:${r.line}`), f.severity])).toEqual([
      // Front matter is lines 1–4, a blank line, then the sentence on line 6.
      ['changed.md', 6, ['unchanged.md:6'], 'error'],
      ['unchanged.md', 6, ['changed.md:6'], 'error'],
    ]);
    expect(found[0]!.message).toBe('Conflicting values for 广东省佛山市 职工医保 门诊 年度最高支付限额: 5000元（2025年） here, 3000元（2025年） in 1 other article.');
  });

  it('a hedged side gives a warning, and the facts option turns the fact check off', () => {
    const { registry, services } = setup({ cwd: root, asOf });
    const files: Record<string, string> = {
      'a.md': '---\ntitle: 佛山职工医保门诊\n---\n\n2025年佛山职工医保普通门诊统筹年度最高支付限额约为5000元。\n',
      'b.md': '---\ntitle: 佛山职工医保门诊\n---\n\n2025年佛山职工医保普通门诊统筹年度最高支付限额为3000元。\n',
    };
    const entries = Object.entries(files).flatMap(([name, text]) => {
      const a = analyzeFile({ absolute: `/virtual/${name}`, display: name, format: 'markdown' }, Buffer.from(text), services);
      return a.article && a.lines ? [{ file: a.file, article: a.article, lines: a.lines, records: a.records, verdicts: a.verdicts, facts: a.facts }] : [];
    });
    const found = runCorpusRules([corpusConflict], new Map(), entries, registry, services.asOf);
    expect(found.map((f) => [f.file, f.severity])).toEqual([
      ['a.md', 'warning'],
      ['b.md', 'warning'],
    ]);
    const off = new Map([['corpus-conflict', { enabled: true, options: { facts: false } }]]);
    expect(runCorpusRules([corpusConflict], off, entries, registry, services.asOf)).toEqual([]);
  });
});

describe('registry suggest', async () => {
  const outcome = await check({ cwd: root, paths: ['corpus'], asOf });
  const entries = entriesOf(outcome.analyses);
  const list = suggestions(entries, { limit: 10, minFiles: 2 });
  const yaml = suggestionsYaml(list, loadFactKeys(), loadGazetteer());

  it('lists every conflicting fact key first', () => {
    const conflictKeys = [...new Set(factConflicts(entries).map((s) => s.key))].sort();
    expect(list.filter((s) => s.why === 'conflict').map((s) => s.key)).toEqual(conflictKeys);
    expect(conflictKeys).toContain('place:440600|annual-cap|scheme=employee-medical,setting=outpatient||amount');
  });

  it('prints skeletons that fail the schema until the placeholders are filled, and then validate and load', () => {
    const validate = schemaValidator('registry.schema.json');
    expect(validate(parse(yaml))).toBe(false); // effective: TODO… is not a date

    const doc = parseDocument(yaml);
    const data = doc.toJS() as { claims: Array<Record<string, any>> };
    for (const c of data.claims) {
      const names = Object.keys(c.values);
      c.statement = `${c.subject}为规定的标准。`;
      c.canonical = names[0];
      c.effective = '2025-01-01';
      c.source = { title: '测试用的官方文件' };
      for (const v of Object.values(c.values) as Array<{ label: string; phrases: string[] }>) {
        if (v.label.startsWith(TODO)) v.label = '其他数值';
        v.phrases = v.phrases.map((p) => (p.startsWith(TODO) ? '其他数值' : p));
      }
    }
    expect(JSON.stringify(data)).not.toContain(TODO);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'claimlint-suggest-'));
    writeFileSync(join(dir, 'suggested.yaml'), new (doc.constructor as typeof import('yaml').Document)(data).toString());
    const loaded = loadRegistry(dir, dir);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    if (!loaded.ok) return;

    // The filled entry reads the article it came from: 5000元 is one of its values.
    const id = 'fact.440600.annual-cap.employee-medical.outpatient';
    const claim = loaded.registry.byId.get(id);
    expect(claim?.claim.scope).toEqual({ region: '广东省佛山市' });
    const sentence = '2025年起，佛山职工医保普通门诊统筹年度最高支付限额为5000元，在签约的基层医疗机构就诊更划算。';
    const records = extractClaims(loaded.registry, loadCues(), { text: sentence, span: { start: 0, end: sentence.length } }, {}, { file: 'x.md', unitIndex: 0 });
    expect(records.filter((r) => r.claimId === id).map((r) => r.value)).toEqual(['v5000-yuan']);
  });
});

describe('command line', () => {
  function run(args: string[]) {
    let stdout = '';
    let stderr = '';
    const io = { cwd: root, stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), isTTY: false, env: {} };
    return main(args, io).then((code) => ({ code, stdout, stderr }));
  }

  it('extract --facts prints one JSON object per fact', async () => {
    const r = await run(['extract', '--facts', 'corpus/conflict-ganzhou-base-2024.md', '--as-of', asOf]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows[0]).toMatchObject({
      file: 'corpus/conflict-ganzhou-base-2024.md',
      line: 14,
      key: 'place:360700|contribution-base-min|scheme=pension||amount',
      value: { kind: 'quantity', text: '3176元/月', quantity: { kind: 'amount', value: 3176, unit: 'yuan/month', bound: 'exact' } },
      year: 2024,
      form: 'sentence',
    });
    expect(rows.map((x) => `${x.line} ${x.qualifiers.join(',')} ${x.value.text}`)).toEqual([
      '14 scheme=pension 3176元/月',
      '16 scheme=unemployment 3176元每月',
      '20 scheme=pension,role=employer 16%',
      '20 scheme=pension,role=individual 8%',
      '22 scheme=employee-medical,role=employer 6%',
      '22 scheme=employee-medical,role=individual 2%',
    ]);
  });

  it('registry suggest prints YAML with one entry per conflicting fact', async () => {
    const r = await run(['registry', 'suggest', 'corpus/conflict-ganzhou-base-2024.md', 'corpus/conflict-ganzhou-rates-overview.md', '--as-of', asOf]);
    expect(r.code).toBe(0);
    const data = parse(r.stdout) as { claims: Array<{ id: string; values: Record<string, { label: string }> }> };
    const entry = data.claims.find((c) => c.id === 'fact.360700.contribution-base-min.pension')!;
    expect(Object.fromEntries(Object.entries(entry.values).map(([k, v]) => [k, v.label]))).toEqual({
      'v3176-yuan-month': '3176元/月',
      'v2547-yuan-month': '2547元/月',
    });
    expect(r.stdout).toContain('# 江西省赣州市 养老保险 缴费基数下限 — the corpus disagrees');
  });
});
