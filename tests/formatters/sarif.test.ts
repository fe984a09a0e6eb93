import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { cutDescription, escapeMessageText, formatSarif, FULL_DESCRIPTION_MAX, ruleHelpUri } from '../../src/formatters/sarif.js';
import type { FormatterOptions } from '../../src/formatters/index.js';
import { allRuleMeta } from '../../src/rules/index.js';
import type { Finding, RuleMeta, RunResult } from '../../src/types.js';
import { repoRoot, runCli, tempTree } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif-schema.js';

const validate = sarifValidator();
const opts: FormatterOptions = { cwd: '/repo/site', root: '/repo', color: false, toolVersion: '0.1.0' };

const longRule: RuleMeta = {
  id: 'claim-contradiction',
  type: 'problem',
  defaultSeverity: 'error',
  description: 'Contradicts the registry.',
  // 40 sentences of 40 characters: 1,600 characters in one paragraph.
  docs: Array.from({ length: 40 }, (_, i) => `Sentence ${String(i).padStart(2, '0')} of the rule's documentation.`.padEnd(39, '.') + ' ').join('').trim(),
};

/** A contradiction on 清零 inside its sentence, with the agreeing sentence of another article related. */
const contradiction: Finding = {
  ruleId: 'claim-contradiction',
  severity: 'error',
  file: 'corpus/lapse.md',
  line: 10,
  column: 15,
  endLine: 10,
  endColumn: 17,
  message: '说余额会清零 [原文]，与规范说法相反',
  excerpt: '断缴满三个月后，账户里的余额会被系统清零',
  claimId: 'personal-account.balance-after-lapse',
  expected: '停缴后个人账户余额不清零，可继续使用',
  source: '国办发〔2021〕14号',
  context: { line: 10, column: 1, endLine: 10, endColumn: 21 },
  related: [
    { file: 'corpus/other.md', line: 3, column: 5, endLine: 3, endColumn: 17, excerpt: '停缴后个人账户余额不会清零' },
    { file: 'corpus/lapse.md', line: 2, column: 1, endLine: 2, endColumn: 9, excerpt: '个人账户问答', message: '标题' },
  ],
  fingerprint: 'fp-1',
};

const result = (findings: Finding[], rules: RuleMeta[] = allRuleMeta()): RunResult => ({
  version: 1,
  asOf: '2026-11-22',
  findings,
  summary: { files: 2, claims: 3, errors: findings.length, warnings: 0, infos: 0 },
  rules,
  notes: [],
});

const logOf = (r: RunResult, o: FormatterOptions = opts) => JSON.parse(formatSarif(r, o)) as Log;

describe('sarif for GitHub code scanning', () => {
  it('keeps fullDescription within 1,024 characters, whole sentences, and the whole text in help.markdown', () => {
    expect(longRule.docs.length).toBeGreaterThan(1500);
    const rule = logOf(result([], [longRule])).runs[0]!.tool.driver.rules![0]!;
    const full = rule.fullDescription!.text;
    expect(full.length).toBeLessThanOrEqual(FULL_DESCRIPTION_MAX);
    expect(full.endsWith('.')).toBe(true);
    expect(longRule.docs.startsWith(full)).toBe(true);
    expect(rule.help!.markdown).toContain(longRule.docs);
    expect(rule.help!.text).toBe(longRule.docs);
    // Text without a sentence end in reach is cut with an ellipsis.
    expect(cutDescription('甲'.repeat(2000))).toBe(`${'甲'.repeat(1023)}…`);
    expect(cutDescription('短。')).toBe('短。');
    expect(cutDescription(`${'乙'.repeat(600)}。${'丙'.repeat(600)}。`)).toBe(`${'乙'.repeat(600)}。`);
  });

  it('links every rule to its README heading, and names it apart from its id', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const rules = logOf(result([])).runs[0]!.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(allRuleMeta().map((r) => r.id));
    for (const r of rules) {
      expect(r.helpUri).toBe(ruleHelpUri(r.id));
      expect(r.helpUri!.endsWith(`README.md#${r.id}`)).toBe(true);
      // GitHub's anchor for the heading "### `id`" is the id itself.
      expect(readme, r.id).toMatch(new RegExp(`^### \`${r.id}\`$`, 'm'));
      expect(r.help!.markdown).toContain(`](${r.helpUri})`);
      expect(r.name).toBeTruthy();
      // The SARIF validator (sarif-multitool, rule SARIF1001) compares them ignoring case.
      expect(r.name!.toLowerCase()).not.toBe(r.id.toLowerCase());
      expect(r.fullDescription!.text.length).toBeLessThanOrEqual(FULL_DESCRIPTION_MAX);
    }
  });

  it('gives the exact span as region and the sentence as contextRegion', () => {
    const loc = logOf(result([contradiction])).runs[0]!.results![0]!.locations![0]!.physicalLocation!;
    expect(loc.region).toEqual({ startLine: 10, startColumn: 15, endLine: 10, endColumn: 17 });
    expect(loc.contextRegion).toEqual({
      startLine: 10,
      startColumn: 1,
      endLine: 10,
      endColumn: 21,
      snippet: { text: '断缴满三个月后，账户里的余额会被系统清零' },
    });
    // A finding on a whole sentence has no separate context.
    const { context: _unused, ...whole } = contradiction;
    const wholeLoc = logOf(result([{ ...whole, column: 1, endColumn: 21 }])).runs[0]!.results![0]!.locations![0]!.physicalLocation!;
    expect(wholeLoc).not.toHaveProperty('contextRegion');
    expect(wholeLoc.region!.snippet!.text).toBe('断缴满三个月后，账户里的余额会被系统清零');
  });

  it('links related locations from the message text by id, and escapes other brackets', () => {
    const r: Result = logOf(result([contradiction])).runs[0]!.results![0]!;
    expect(r.relatedLocations!.map((l) => l.id)).toEqual([1, 2]);
    const text = r.message.text!;
    expect(text).toContain('说余额会清零 \\[原文\\]');
    expect(text).toContain('[site/corpus/other.md:3](1)');
    expect(text).toContain('[标题, site/corpus/lapse.md:2](2)');
    // Every link target is a related location's id.
    const targets = [...text.matchAll(/(?<!\\)\[[^\]]*\]\((\d+)\)/g)].map((m) => Number(m[1]));
    expect(targets).toEqual([1, 2]);
    expect(escapeMessageText('a[b]c\\d')).toBe('a\\[b\\]c\\\\d');
  });

  it('makes URIs relative to the repository root with a uriBaseId, and the base the root', () => {
    const run = logOf(result([contradiction])).runs[0]!;
    expect(run.originalUriBaseIds!['%SRCROOT%']!.uri).toBe('file:///repo/');
    const loc = run.results![0]!.locations![0]!.physicalLocation!.artifactLocation!;
    expect(loc).toEqual({ uri: 'site/corpus/lapse.md', uriBaseId: '%SRCROOT%' });
    expect(run.results![0]!.relatedLocations![0]!.physicalLocation!.artifactLocation).toEqual({
      uri: 'site/corpus/other.md',
      uriBaseId: '%SRCROOT%',
    });
  });

  it('records a failed run as an unsuccessful execution with the reason', () => {
    const inv = logOf(result([]), { ...opts, failure: 'cannot read input: a.md' }).runs[0]!.invocations![0]!;
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.exitCode).toBe(2);
    expect(inv.toolExecutionNotifications![0]!.message.text).toBe('cannot read input: a.md');
    expect(logOf(result([])).runs[0]!.invocations![0]!.executionSuccessful).toBe(true);
  });

  it('every log above is valid SARIF 2.1.0', () => {
    for (const log of [
      logOf(result([contradiction])),
      logOf(result([], [longRule])),
      logOf(result([]), { ...opts, failure: 'x' }),
      logOf(result([contradiction]), { cwd: '/repo', color: false, toolVersion: '0.1.0' }),
    ]) {
      expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    }
  });
});

describe('sarif from the command line', () => {
  const bad = '职工医保断交以后，个人账户里的余额过段时间就作废了。';
  const article = (title: string) => `---\ntitle: ${title}\n---\n\n${bad}\n`;
  const registry = join(repoRoot, 'claims');

  it('from a subfolder of a git work tree, URIs are relative to the top level', () => {
    const dir = tempTree({ 'site/a.md': article('甲') });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const r = runCli(['check', '.', '--registry', registry, '--format', 'sarif'], join(dir, 'site'));
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as Log;
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0]!;
    expect(run.results!.map((x) => x.locations![0]!.physicalLocation!.artifactLocation!.uri)).toContain('site/a.md');
    expect(run.originalUriBaseIds!['%SRCROOT%']!.uri.endsWith('/')).toBe(true);
    expect(run.originalUriBaseIds!['%SRCROOT%']!.uri).not.toContain('/site/');
    expect(run.invocations![0]!.executionSuccessful).toBe(true);
  });

  it('a run that fails before reporting (bad config) still writes a SARIF file saying it failed', () => {
    const dir = tempTree({ 'a.md': article('甲'), 'claimlint.config.yaml': 'rules: [oops\n' });
    const r = runCli(['check', 'a.md', '--registry', registry, '--format', 'sarif:out.sarif'], dir);
    expect(r.code).toBe(2);
    const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as Log;
    expect(validate(log)).toBe(true);
    const inv = log.runs[0]!.invocations![0]!;
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications![0]!.message.text).toMatch(/invalid config/);
    expect(log.runs[0]!.results).toEqual([]);
  });

  it('a run with an unreadable input reports what it read and says the execution failed', () => {
    const dir = tempTree({ 'a.md': article('甲') });
    const r = runCli(['check', 'a.md', 'missing.md', '--registry', registry, '--format', 'sarif:out.sarif'], dir);
    expect(r.code).toBe(2);
    const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as Log;
    expect(log.runs[0]!.invocations![0]!.executionSuccessful).toBe(false);
    expect(log.runs[0]!.results!.length).toBeGreaterThan(0);
  });
});
