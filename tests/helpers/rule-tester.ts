// A RuleTester in the manner of ESLint's: a rule, `valid` texts it must not
// report on, and `invalid` texts with the findings it must report. Each case
// runs one in-memory file (or several, for a corpus rule) through the real
// stages (decode → parse → extract → judge → rules) with only the rule under
// test enabled, so the expectations say what that rule reports and nothing
// else; inline suppressions are applied as a run applies them. `input` and
// `suppression` are ids without a rule object: for them every rule runs and
// the findings of that id are compared.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile, type FileAnalysis, type Services } from '../../src/engine/analyze.js';
import { asOfFrom } from '../../src/engine/run.js';
import { loadCues } from '../../src/extract/cues.js';
import type { CorpusEntry, Rule } from '../../src/kernel/rule.js';
import type { RawFinding } from '../../src/kernel/messages.js';
import type { RuleSetting } from '../../src/kernel/run-rules.js';
import { runCorpusRules } from '../../src/kernel/run-rules.js';
import { applySuppressions } from '../../src/kernel/suppressions.js';
import { loadPageStructure } from '../../src/parse/index.js';
import { loadRegistry } from '../../src/registry/load.js';
import type { Registry } from '../../src/registry/types.js';
import { ruleIds, rules as allRules } from '../../src/rules/index.js';
import type { ArticleFormat, Severity } from '../../src/types.js';

/** One expected finding; only the fields given are compared. */
export interface ExpectedError {
  readonly messageId?: string;
  /** The English message, exactly, or a pattern it matches. */
  readonly message?: string | RegExp;
  readonly severity?: Severity;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly claimId?: string;
  /** For a corpus case: the file the finding is on. */
  readonly file?: string;
}

export interface ValidCase {
  /** The file's text (ignored when `files` or `bytes` is given). */
  readonly code?: string;
  /** The file's bytes as read from disk (encodings, binary input). */
  readonly bytes?: Uint8Array;
  /** Its name: the ending picks the format (default a.md). */
  readonly filename?: string;
  /** A corpus: file name → text, analysed together. */
  readonly files?: Readonly<Record<string, string>>;
  /** The rule's options, as claimlint.config.yaml gives them. */
  readonly options?: Record<string, unknown>;
  /** The as-of date (default: the tester's). */
  readonly asOf?: string;
  /** What the case shows; default the start of the text. */
  readonly name?: string;
}

export interface InvalidCase extends ValidCase {
  /** Every finding of the rule, in order (file, line, column). */
  readonly errors: readonly ExpectedError[];
}

export interface RuleTesterConfig {
  /** A registry as YAML text (written to a scratch folder); default a registry no test text is about. */
  readonly registry?: string;
  /** The default as-of date (default 2025-06-30). */
  readonly asOf?: string;
}

const FORMAT_OF: Readonly<Record<string, ArticleFormat>> = { md: 'markdown', markdown: 'markdown', mdx: 'mdx', html: 'html', htm: 'html', txt: 'text' };

const NEUTRAL_REGISTRY = `claims:
  - id: test.neutral
    topic: neutral
    subject: 规则测试用主题
    statement: 规则测试用陈述。
    canonical: yes
    scope: national
    effective: "2024-01-01"
    confidence: high
    source: { title: 规则测试用文件 }
    context: { all: ['规则测试用主题'] }
    values:
      yes: { label: 是, phrases: ['是'] }
      no: { label: 否, phrases: ['否'] }
    examples: { supports: [规则测试用主题是。], contradicts: [规则测试用主题否。], unrelated: [医保。] }
`;

export class RuleTester {
  private readonly registry: Registry;
  private readonly asOf: string;
  private readonly scratch = mkdtempSync(join(tmpdir(), 'claimlint-rule-tester-'));

  constructor(config: RuleTesterConfig = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-rule-tester-registry-'));
    const path = join(dir, 'registry.yaml');
    writeFileSync(path, config.registry ?? NEUTRAL_REGISTRY);
    const loaded = loadRegistry(path, dir);
    if (!loaded.ok) throw new Error(`RuleTester: the test registry does not load: ${JSON.stringify(loaded.problems[0])}`);
    this.registry = loaded.registry;
    this.asOf = config.asOf ?? '2025-06-30';
  }

  /** Registers one vitest test per case under `describe(name)`. */
  run(name: string, rule: Rule | 'input' | 'suppression', cases: { valid: readonly (string | ValidCase)[]; invalid: readonly InvalidCase[] }): void {
    const id = typeof rule === 'string' ? rule : rule.meta.id;
    describe(name, () => {
      // vitest refuses a suite without tests: a list left empty registers nothing.
      if (cases.valid.length) describe('valid', () => {
        cases.valid.forEach((c, i) => {
          const v = typeof c === 'string' ? { code: c } : c;
          it(`${i + 1}. ${caseName(v)}`, () => {
            expect(this.findings(rule, v).map(describeFinding)).toEqual([]);
          });
        });
      });
      if (cases.invalid.length) describe('invalid', () => {
        cases.invalid.forEach((c, i) => {
          it(`${i + 1}. ${caseName(c)}`, () => {
            if (c.errors.length === 0) throw new Error('an invalid case needs at least one expected error');
            const found = this.findings(rule, c);
            expect(found.map(describeFinding), `findings of ${id}`).toHaveLength(c.errors.length);
            c.errors.forEach((e, k) => expectFinding(found[k]!, e, k));
          });
        });
      });
    });
  }

  /** The findings of the rule (or pseudo-rule) on one case, sorted by file, line and column. */
  findings(rule: Rule | 'input' | 'suppression', c: ValidCase): RawFinding[] {
    const id = typeof rule === 'string' ? rule : rule.meta.id;
    const pseudo = typeof rule === 'string';
    const setting: RuleSetting = { enabled: true, options: c.options ?? {} };
    // Only the rule under test runs (and input, which every file reports through); a pseudo-rule sees every rule.
    const settings = new Map<string, RuleSetting>(ruleIds().map((r) => [r, { enabled: pseudo || r === id || r === 'input', options: {} }]));
    settings.set(id, setting);
    const fileRules = allRules.filter((r) => r.scope === 'file' && (pseudo || r === rule));
    const services: Services = {
      registry: this.registry,
      cues: loadCues(),
      structure: loadPageStructure(),
      asOf: asOfFrom(c.asOf ?? this.asOf),
      rules: fileRules as Services['rules'],
      settings,
    };
    const files: Array<[string, Uint8Array]> = c.files
      ? Object.entries(c.files).map(([f, text]) => [f, new TextEncoder().encode(text)])
      : [[c.filename ?? 'a.md', c.bytes ?? new TextEncoder().encode(c.code ?? '')]];
    const analyses: FileAnalysis[] = files.map(([display, bytes]) =>
      analyzeFile({ absolute: join(this.scratch, display), display, format: formatOf(display) }, bytes, services),
    );
    let raw: RawFinding[] = analyses.flatMap((a) => a.findings);
    if (typeof rule !== 'string' && rule.scope === 'corpus') {
      const entries: CorpusEntry[] = analyses.flatMap((a) =>
        a.article && a.lines ? [{ file: a.file, article: a.article, lines: a.lines, records: a.records, verdicts: a.verdicts, facts: a.facts }] : [],
      );
      raw = [...raw, ...runCorpusRules([rule], settings, entries, this.registry, services.asOf)];
    }
    // Suppressions are applied as a run applies them, so a suppressed finding is not there.
    {
      const known = new Set(ruleIds());
      raw = analyses.flatMap((a) => {
        const own = raw.filter((f) => f.file === a.file);
        return a.article && a.lines ? applySuppressions(own, a.article, a.lines, known) : own;
      });
    }
    return raw
      .filter((f) => f.ruleId === id)
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  }
}

function formatOf(file: string): ArticleFormat {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase() ?? 'md';
  return FORMAT_OF[ext] ?? 'markdown';
}

function caseName(c: ValidCase): string {
  if (c.name) return c.name;
  const text = c.files ? Object.values(c.files).join(' | ') : c.code ?? `${c.bytes?.length ?? 0} bytes`;
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 60)}…` : one;
}

function describeFinding(f: RawFinding): string {
  return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.messageRef?.id ?? ''}: ${f.message}`;
}

function expectFinding(f: RawFinding, e: ExpectedError, k: number): void {
  const where = `error ${k + 1} (${describeFinding(f)})`;
  if (e.messageId !== undefined) expect(f.messageRef?.id, where).toBe(e.messageId);
  if (typeof e.message === 'string') expect(f.message, where).toBe(e.message);
  else if (e.message) expect(f.message, where).toMatch(e.message);
  if (e.severity !== undefined) expect(f.severity, where).toBe(e.severity);
  if (e.line !== undefined) expect(f.line, where).toBe(e.line);
  if (e.column !== undefined) expect(f.column, where).toBe(e.column);
  if (e.endLine !== undefined) expect(f.endLine, where).toBe(e.endLine);
  if (e.endColumn !== undefined) expect(f.endColumn, where).toBe(e.endColumn);
  if (e.claimId !== undefined) expect(f.claimId, where).toBe(e.claimId);
  if (e.file !== undefined) expect(f.file, where).toBe(e.file);
}
