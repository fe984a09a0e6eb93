import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { formatGithub, escapeData, escapeProperty } from '../../src/formatters/github.js';
import { formatNames, formatters, isFormatName, type FormatterOptions } from '../../src/formatters/index.js';
import { formatJson } from '../../src/formatters/json.js';
import { escapeCell, formatMarkdown } from '../../src/formatters/markdown.js';
import { formatSarif, ruleName } from '../../src/formatters/sarif.js';
import { displayWidth, formatStylish } from '../../src/formatters/stylish.js';
import type { Finding, RuleMeta, RunResult, Severity } from '../../src/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ESC = '\u001b';

const opts: FormatterOptions = { cwd: '/repo', color: false, toolVersion: '0.1.0' };

const RULES: RuleMeta[] = [
  {
    id: 'claim-contradiction',
    type: 'problem',
    defaultSeverity: 'error',
    description: '与登记的规范说法相反的陈述',
    docs: '报告与规范说法相反的句子。\n\n修改句子，使其与规范说法一致。',
  },
  {
    id: 'stale-year',
    type: 'problem',
    defaultSeverity: 'error',
    description: '把过去的年份说成现行',
    docs: '报告“2024年最新政策”这类把旧年份当作现行的说法。',
  },
  {
    id: 'region-conflict',
    type: 'problem',
    defaultSeverity: 'error',
    description: '标题地区与正文地区不一致',
    docs: '报告正文所说地区与标题地区冲突的段落。',
  },
  {
    id: 'unverified-claim',
    type: 'suggestion',
    defaultSeverity: 'info',
    description: '登记表不判断的取值',
    docs: '报告登记表知道话题但不判断其取值的陈述。',
  },
];

/** The PRODUCT.md example, with the fingerprint the engine adds. */
const tinyFinding: Finding = {
  // Keys deliberately out of contract order: the formatter must impose the order.
  fingerprint: 'fp-lapse-1',
  source: '国办发〔2021〕14号',
  expected: '停缴后个人账户余额不清零，可继续使用',
  claimId: 'personal-account.balance-after-lapse',
  excerpt: '断缴满三个月后，账户里的余额会被系统清空',
  message: '说余额会清零，与规范说法相反',
  endColumn: 21,
  endLine: 10,
  column: 1,
  line: 10,
  file: 'corpus/lapse.md',
  severity: 'error',
  ruleId: 'claim-contradiction',
};

const tiny: RunResult = {
  version: 1,
  asOf: '2026-11-22',
  findings: [tinyFinding],
  summary: { files: 1, claims: 7, errors: 1, warnings: 0, infos: 0 },
  rules: RULES,
  notes: [],
};

const staleTitle: Finding = {
  ruleId: 'stale-year',
  severity: 'warning',
  file: 'corpus/报销比例.md',
  line: 1,
  column: 3,
  endLine: 1,
  endColumn: 7,
  message: '标题中的2024年在2026-11-22已不是当年',
  excerpt: '职工医保报销比例2024',
  fingerprint: 'fp-stale-1',
};

const regionSlip: Finding = {
  ruleId: 'region-conflict',
  severity: 'error',
  file: 'corpus/报销比例.md',
  line: 8,
  column: 1,
  endLine: 9,
  endColumn: 5,
  message: '标题说邯郸，正文说石家庄',
  excerpt: '河北石家庄有几家医院\n可以直接结算',
  fingerprint: 'fp-region-1',
  related: [
    {
      file: 'corpus/报销比例.md',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 14,
      excerpt: '2025年河北邯郸医院有哪些',
      message: '标题所在地区',
    },
  ],
};

const conflictA: Finding = {
  ruleId: 'claim-contradiction',
  severity: 'error',
  file: 'corpus/lapse.md',
  line: 10,
  column: 1,
  endLine: 10,
  endColumn: 21,
  message: '说余额会清零，与规范说法相反',
  excerpt: '断缴满三个月后，账户里的余额会被系统清空',
  claimId: 'personal-account.balance-after-lapse',
  expected: '停缴后个人账户余额不清零，可继续使用',
  source: '国办发〔2021〕14号',
  fingerprint: 'fp-lapse-1',
  related: [
    {
      file: 'corpus/other.md',
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 17,
      excerpt: '停缴后个人账户余额不会清零',
    },
  ],
};

const unverified: Finding = {
  ruleId: 'unverified-claim',
  severity: 'info',
  file: 'corpus/other.md',
  line: 12,
  column: 2,
  endLine: 12,
  endColumn: 18,
  message: '登记表不判断“次月生效”这一取值',
  excerpt: '补缴后次月起可以报销',
  claimId: 'coverage.after-back-payment',
  fingerprint: 'fp-unverified-1',
};

const mixed: RunResult = {
  version: 1,
  asOf: '2026-11-22',
  // In the engine's order: by file, then line.
  findings: [conflictA, unverified, staleTitle, regionSlip],
  summary: { files: 3, claims: 12, errors: 2, warnings: 1, infos: 1 },
  rules: RULES,
  notes: ['跳过了 corpus/empty.md：文件为空'],
};

function finding(i: number, severity: Severity, over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'claim-contradiction',
    severity,
    file: `corpus/f${String(i % 3)}.md`,
    line: i + 1,
    column: 1,
    endLine: i + 1,
    endColumn: 5,
    message: `第${i}条`,
    excerpt: `句子${i}`,
    fingerprint: `fp-${i}`,
    ...over,
  };
}

function resultOf(findings: Finding[], files = 3): RunResult {
  const c = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return { version: 1, asOf: '2026-11-22', findings, summary: { files, claims: 40, ...c }, rules: RULES, notes: [] };
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

describe('formatter registry', () => {
  it('names every format and recognises only those names', () => {
    expect([...formatNames].sort()).toEqual(Object.keys(formatters).sort());
    expect(formatNames).toHaveLength(8);
    for (const n of ['stylish', 'json', 'sarif', 'github', 'markdown', 'html', 'codequality', 'claimreview']) expect(isFormatName(n)).toBe(true);
    for (const n of ['Stylish', 'xml', '', 'toString', '__proto__']) expect(isFormatName(n)).toBe(false);
  });

  it('every formatter is deterministic, ends with a newline and leaves its input untouched', () => {
    const frozen = deepFreeze(structuredClone(mixed));
    for (const name of formatNames) {
      const a = formatters[name](frozen, opts);
      const b = formatters[name](frozen, opts);
      expect(a, name).toBe(b);
      expect(a.endsWith('\n'), name).toBe(true);
    }
    expect(frozen).toEqual(mixed);
  });
});

describe('json', () => {
  it('prints the PRODUCT.md contract exactly, keys in contract order', () => {
    const expected = `{
  "version": 1,
  "asOf": "2026-11-22",
  "findings": [
    {
      "ruleId": "claim-contradiction",
      "severity": "error",
      "file": "corpus/lapse.md",
      "line": 10,
      "column": 1,
      "endLine": 10,
      "endColumn": 21,
      "message": "说余额会清零，与规范说法相反",
      "excerpt": "断缴满三个月后，账户里的余额会被系统清空",
      "claimId": "personal-account.balance-after-lapse",
      "expected": "停缴后个人账户余额不清零，可继续使用",
      "source": "国办发〔2021〕14号",
      "fingerprint": "fp-lapse-1"
    }
  ],
  "summary": {
    "files": 1,
    "claims": 7,
    "errors": 1,
    "warnings": 0,
    "infos": 0
  }
}
`;
    expect(formatJson(tiny, opts)).toBe(expected);
  });

  it('keeps engine order, omits absent optional fields, orders related keys, adds notes only when present', () => {
    const out = JSON.parse(formatJson(mixed, opts)) as Record<string, unknown> & {
      findings: Record<string, unknown>[];
    };
    expect(Object.keys(out)).toEqual(['version', 'asOf', 'findings', 'summary', 'notes']);
    expect(out.notes).toEqual(['跳过了 corpus/empty.md：文件为空']);
    expect(out.findings.map((f) => f.fingerprint)).toEqual(['fp-lapse-1', 'fp-unverified-1', 'fp-stale-1', 'fp-region-1']);
    // The stale-year finding has no claim: those keys are absent, not null.
    expect(Object.keys(out.findings[2]!)).toEqual([
      'ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'excerpt', 'fingerprint',
    ]);
    expect(Object.keys(out.findings[3]!)).toEqual([
      'ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'excerpt', 'related', 'fingerprint',
    ]);
    const related = out.findings[3]!.related as Record<string, unknown>[];
    expect(Object.keys(related[0]!)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'excerpt', 'message']);
    expect(related[0]!.excerpt).toBe('2025年河北邯郸医院有哪些');
    expect(out).not.toHaveProperty('rules');
    expect(JSON.parse(formatJson(tiny, opts))).not.toHaveProperty('notes');
  });
});

describe('sarif', () => {
  const raw = JSON.parse(readFileSync(path.join(repoRoot, 'schemas/sarif-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  // unicodeRegExp: false because the 2.1.0 schema's `language` pattern has a stray `]`
  // that is an error under the `u` flag (valid, if odd, without it).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // ajv-formats is not installed: check the URI formats with a plain RFC 3986 character class,
  // which is enough to catch an un-encoded CJK or space in a path.
  const uriChars = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;
  ajv.addFormat('uri', { validate: (s: string) => uriChars.test(s) && /^[a-z][a-z0-9+.-]*:/i.test(s) });
  ajv.addFormat('uri-reference', { validate: (s: string) => uriChars.test(s) });
  ajv.addFormat('date-time', { validate: (s: string) => !Number.isNaN(Date.parse(s)) });
  const validate = ajv.compile(raw);

  it('the vendored schema is the SARIF 2.1.0 schema and rejects a broken log', () => {
    expect(String(raw.title)).toContain('2.1.0');
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
  });

  it('output validates against the schema', () => {
    for (const r of [tiny, mixed, resultOf([])]) {
      const log = JSON.parse(formatSarif(r, opts)) as unknown;
      const ok = validate(log);
      expect(ok, JSON.stringify(validate.errors, null, 2)).toBe(true);
    }
  });

  it('describes rules, results, locations, related locations and fingerprints', () => {
    const log = JSON.parse(formatSarif(mixed, opts)) as Log;
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.invocations?.[0]?.executionSuccessful).toBe(true);
    expect(run.invocations?.[0]?.toolExecutionNotifications?.[0]?.message.text).toBe('跳过了 corpus/empty.md：文件为空');
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe('file:///repo/');
    const driver = run.tool.driver;
    expect(driver.name).toBe('claimlint');
    expect(driver.version).toBe('0.1.0');
    expect(driver.rules?.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(driver.rules?.[0]?.name).toBe('ClaimContradiction');
    // The one-line description of a rule the catalogue knows is the catalogue's (data/messages/en.yaml), in the run's language.
    expect(driver.rules?.[0]?.shortDescription?.text).toBe('A sentence asserts a value that contradicts the canonical claim in the registry.');
    expect(driver.rules?.[0]?.fullDescription?.text).toBe('报告与规范说法相反的句子。');
    expect(driver.rules?.[0]?.help?.text).toContain('修改句子');
    expect(driver.rules?.[3]?.defaultConfiguration?.level).toBe('note');

    const results = run.results!;
    expect(results).toHaveLength(4);
    const [contradiction, info, stale, region] = results;
    expect(contradiction!.ruleIndex).toBe(0);
    expect(contradiction!.level).toBe('error');
    expect(contradiction!.message.text).toContain('停缴后个人账户余额不清零，可继续使用');
    expect(contradiction!.message.text).toContain('国办发〔2021〕14号');
    expect(contradiction!.partialFingerprints).toEqual({ 'claimlint/v2': 'fp-lapse-1' });
    const loc = contradiction!.locations![0]!.physicalLocation!;
    expect(loc.artifactLocation).toEqual({ uri: 'corpus/lapse.md', uriBaseId: '%SRCROOT%' });
    expect(loc.region).toEqual({
      startLine: 10,
      startColumn: 1,
      endLine: 10,
      endColumn: 21,
      snippet: { text: '断缴满三个月后，账户里的余额会被系统清空' },
    });
    expect(contradiction!.relatedLocations).toHaveLength(1);
    expect(contradiction!.relatedLocations![0]!.physicalLocation?.artifactLocation?.uri).toBe('corpus/other.md');
    expect(contradiction!.relatedLocations![0]!.physicalLocation?.region?.startLine).toBe(3);

    expect(info!.level).toBe('note');
    expect(info!.ruleIndex).toBe(3);
    expect(stale!.level).toBe('warning');
    // CJK file names are percent-encoded UTF-8 in the URI.
    expect(stale!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe(
      `corpus/${encodeURIComponent('报销比例')}.md`,
    );
    expect(region!.relatedLocations![0]!.message?.text).toBe('标题所在地区');
    expect(region!.locations![0]!.physicalLocation!.region!.endLine).toBe(9);
  });

  it('makes absolute paths relative to cwd and leaves outside files as file URIs', () => {
    const inside = finding(0, 'error', { file: '/repo/corpus/a b.md' });
    const outside = finding(1, 'error', { file: '/elsewhere/x.md' });
    const log = JSON.parse(formatSarif(resultOf([inside, outside]), opts)) as Log;
    const [a, b] = log.runs[0]!.results!;
    expect(a!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'corpus/a%20b.md', uriBaseId: '%SRCROOT%' });
    expect(b!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'file:///elsewhere/x.md' });
    expect(validate(log)).toBe(true);
  });

  it('leaves ruleIndex out for a rule it has no metadata for', () => {
    const log = JSON.parse(formatSarif(resultOf([finding(0, 'warning', { ruleId: 'corpus-conflict' })]), opts)) as Log;
    const r = log.runs[0]!.results![0]!;
    expect(r.ruleId).toBe('corpus-conflict');
    expect(r).not.toHaveProperty('ruleIndex');
  });

  it('ruleName turns ids into identifier-like names', () => {
    expect(ruleName('stale-year')).toBe('StaleYear');
    expect(ruleName('unverified-claim')).toBe('UnverifiedClaim');
    expect(ruleName('input')).toBe('InputProblem');
  });
});

describe('github', () => {
  it('escapes data and properties as the actions toolkit does', () => {
    expect(escapeData('50%\r\n下一行: a,b')).toBe('50%25%0D%0A下一行: a,b');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
    // % first: an existing escape is not left looking like one.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('writes one annotation per finding with escaped properties and message', () => {
    const tricky = finding(0, 'warning', {
      file: 'corpus/a,b:c.md',
      line: 4,
      endLine: 4,
      column: 2,
      endColumn: 9,
      ruleId: 'stale-year',
      message: '比例100%\n第二行\r结束',
      expected: '以当年公布为准',
      source: '国家医保局',
    });
    const lines = formatGithub(resultOf([tricky], 1), opts).trimEnd().split('\n');
    expect(lines).toEqual([
      '::warning file=corpus/a%2Cb%3Ac.md,line=4,endLine=4,col=2,endColumn=9,title=claimlint(stale-year)::' +
        '比例100%25%0A第二行%0D结束 — canonical: 以当年公布为准 (国家医保局)',
      'claimlint: 0 errors, 1 warning, 0 infos in 1 file',
    ]);
  });

  it('puts errors first, then warnings, then notices, by file and line within a level', () => {
    const out = formatGithub(mixed, opts).trimEnd().split('\n');
    expect(out.map((l) => l.slice(0, l.indexOf(' ')))).toEqual([
      '::error',
      '::error',
      '::warning',
      '::notice',
      'claimlint:',
    ]);
    // Both errors: corpus/lapse.md before corpus/报销比例.md (code-unit order).
    expect(out[0]).toContain('file=corpus/lapse.md,line=10,');
    expect(out[1]).toContain('file=corpus/报销比例.md,line=8,endLine=9,title=');
    // A multi-line annotation carries no column bounds.
    expect(out[1]).not.toContain('col=');
    expect(out[4]).toBe('claimlint: 2 errors, 1 warning, 1 info in 3 files');
  });

  it('puts a notice first, where GitHub still shows it, saying how many annotations are not shown', () => {
    const many = [
      ...Array.from({ length: 12 }, (_, i) => finding(i, 'info')),
      ...Array.from({ length: 3 }, (_, i) => finding(20 + i, 'error')),
    ];
    const lines = formatGithub(resultOf(many), { ...opts, reportPath: 'reports/claimlint.sarif' })
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(1 + 15 + 1);
    const notice = lines[0]!;
    expect(notice.startsWith('::notice title=claimlint::')).toBe(true);
    expect(notice).toContain('3 errors, 0 warnings, 12 infos');
    // Ten notice places: the total notice and 9 of the 12 infos; 3 are not shown.
    expect(notice).toContain('so 3 more are not shown');
    expect(notice).toContain('reports/claimlint.sarif');
    expect(lines.slice(1, 4).every((l) => l.startsWith('::error '))).toBe(true);
    expect(lines.slice(4, 16).every((l) => l.startsWith('::notice file='))).toBe(true);
    expect(lines[16]).toBe('claimlint: 3 errors, 0 warnings, 12 infos in 3 files');

    const ten = formatGithub(resultOf(Array.from({ length: 10 }, (_, i) => finding(i, 'error'))), opts);
    expect(ten).not.toContain('::notice');
    const eleven = formatGithub(resultOf(Array.from({ length: 11 }, (_, i) => finding(i, 'error'))), opts);
    expect(eleven.split('\n')[0]).toContain('so 1 more is not shown. Run claimlint locally');
  });

  it('gives annotation paths relative to the repository root when run from a subfolder', () => {
    const out = formatGithub(resultOf([finding(0, 'error', { file: 'corpus/a.md' })]), { ...opts, cwd: '/repo/site', root: '/repo' });
    expect(out).toContain('::error file=site/corpus/a.md,line=1,');
  });

  it('prints only the summary line when there is nothing to report', () => {
    expect(formatGithub(resultOf([], 5), opts)).toBe('claimlint: 0 errors, 0 warnings, 0 infos in 5 files\n');
  });
});

describe('markdown', () => {
  it('shows totals, a per-rule table and per-file tables with the worst file first', () => {
    const md = formatMarkdown(mixed, opts);
    expect(md.startsWith('## claimlint\n')).toBe(true);
    expect(md).toContain('**4 problems** (2 errors, 1 warning, 1 info) in 3 files · 12 claims checked');
    expect(md).toContain('| claim-contradiction | 1 | 0 | 0 |');
    expect(md).toContain('| unverified-claim | 0 | 0 | 1 |');
    // 报销比例.md has an error and a warning; lapse.md one error; other.md one info.
    const order = ['### corpus/报销比例.md', '### corpus/lapse.md', '### corpus/other.md'].map((h) => md.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(md).toContain('| Line | Severity | Rule | Sentence | Canonical |');
    expect(md).toContain('停缴后个人账户余额不清零，可继续使用 (国办发〔2021〕14号)');
    // The two-line excerpt stays in one table row.
    expect(md).toContain('河北石家庄有几家医院 可以直接结算');
    expect(md).toContain('- 跳过了 corpus/empty.md：文件为空');
  });

  it('escapes pipes, line breaks and HTML in cells and cuts long sentences', () => {
    expect(escapeCell('a|b\nc<d>')).toBe('a\\|b c&lt;d&gt;');
    const long = '很长的句子'.repeat(30); // 150 characters
    const f = finding(0, 'error', { excerpt: `报销|比例\n${long}`, message: '有 | 竖线' });
    const md = formatMarkdown(resultOf([f], 1), opts);
    const row = md.split('\n').find((l) => l.startsWith('| 1 |'))!;
    expect(row).toContain('报销\\|比例 很长');
    expect(row).toContain('有 \\| 竖线');
    expect(row).toContain('…');
    expect(row).not.toContain(long);
    // Five cells: six unescaped pipes.
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(7);
  });

  it('cuts the report after maxMarkdownRows rows with a note', () => {
    const findings = Array.from({ length: 7 }, (_, i) => finding(i, 'warning'));
    const md = formatMarkdown(resultOf(findings), { ...opts, maxMarkdownRows: 4, reportPath: 'claimlint.html' });
    const rows = md.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows).toHaveLength(4);
    expect(md).toContain('… 3 more findings not shown; see the full report (claimlint.html).');
    // Totals still count everything.
    expect(md).toContain('**7 problems**');
  });

  it('says so briefly when there are no problems', () => {
    const md = formatMarkdown(resultOf([], 2), opts);
    expect(md).toContain('✅');
    expect(md).not.toContain('|');
  });
});

// The HTML report's tests (a DOM, its filters) are in format-html.test.ts.

describe('stylish', () => {
  it('counts CJK characters as two columns', () => {
    expect(displayWidth('中文')).toBe(4);
    expect(displayWidth('ab')).toBe(2);
    expect(displayWidth('医保2024，')).toBe(10);
    expect(displayWidth(`${ESC}[31m中${ESC}[39m`)).toBe(2);
    expect(displayWidth('')).toBe(0);
    // A combining accent takes no column of its own.
    expect(displayWidth('e\u0301')).toBe(1);
  });

  it('without colour: file headers, line:col rows, details and the summary line', () => {
    const out = formatStylish(mixed, opts);
    expect(out).not.toContain(ESC);
    const lines = out.split('\n');
    expect(lines[0]).toBe('corpus/lapse.md');
    expect(lines[1]).toMatch(/^ {2}10:1 {2}error {2}说余额会清零，与规范说法相反 +claim-contradiction$/);
    expect(lines[2]).toBe('    › 断缴满三个月后，账户里的余额会被系统清空');
    expect(lines[3]).toBe('    canonical: 停缴后个人账户余额不清零，可继续使用 (国办发〔2021〕14号)');
    expect(lines[4]).toBe('    ↔ corpus/other.md:3  停缴后个人账户余额不会清零');
    expect(out).toContain('\ncorpus/报销比例.md\n');
    expect(out).toContain('    › 河北石家庄有几家医院 可以直接结算');
    expect(out).toContain('✖ 4 problems (2 errors, 1 warning, 1 info) in 3 files · 12 claims checked');
    // Notes come after the summary.
    expect(out.indexOf('跳过了 corpus/empty.md')).toBeGreaterThan(out.indexOf('✖ 4 problems'));
  });

  it('aligns the rule column by display width within a file', () => {
    const out = formatStylish(mixed, opts);
    const block = out.split('\n\n').find((b) => b.startsWith('corpus/报销比例.md'))!;
    const rows = block.split('\n').filter((l) => /^ {2}\s*\d+:\d+/.test(l));
    expect(rows).toHaveLength(2);
    const ruleStart = rows.map((r) => {
      const id = r.includes('stale-year') ? 'stale-year' : 'region-conflict';
      return displayWidth(r.slice(0, r.indexOf(id)));
    });
    expect(ruleStart[0]).toBe(ruleStart[1]);
  });

  it('with colour: severity colours and dim secondary lines', () => {
    const out = formatStylish(mixed, { ...opts, color: true });
    expect(out).toContain(`${ESC}[31merror`);
    expect(out).toContain(`${ESC}[33mwarning`);
    expect(out).toContain(`${ESC}[36minfo`);
    expect(out).toContain(`${ESC}[2m    canonical:`);
    expect(out).toContain(`${ESC}[4mcorpus/lapse.md${ESC}[24m`);
  });

  it('reports a clean run with a tick, and strips control characters from article text', () => {
    expect(formatStylish(resultOf([], 4), opts)).toBe('✔ no problems in 4 files · 40 claims checked\n');
    const sneaky = finding(0, 'info', { excerpt: `正常${ESC}[2J文本` });
    const out = formatStylish(resultOf([sneaky], 1), opts);
    expect(out).not.toContain(ESC);
    expect(out).toContain('    › 正常[2J文本');
    expect(out).toContain('✖ 1 problem (0 errors, 0 warnings, 1 info) in 1 file · 40 claims checked');
  });
});
