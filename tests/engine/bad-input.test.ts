// Issue 9: what each kind of bad input gets. Defect 8: a file over maxFileBytes
// is skipped with a warning and the run goes on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readPage } from '../helpers/pages.js';
import { UNRELATED_REGISTRY } from '../helpers/registries.js';
import { repoRoot, runCli, tempTree } from '../helpers/cli.js';
import { loadCues } from '../../src/extract/cues.js';
import { backtrackingHazard } from '../../src/registry/pattern-safety.js';

interface Report {
  findings: Array<{ ruleId: string; file: string; line: number; severity: string; message: string }>;
  summary: { files: number; errors: number; warnings: number };
}

describe('a file over maxFileBytes (defect 8)', () => {
  // big.md is 2,000 bytes of ASCII, over the 1,000-byte limit.
  const dir = tempTree({
    'claims/test.yaml': UNRELATED_REGISTRY,
    'claimlint.config.yaml': 'maxFileBytes: 1000\nregistry: claims\n',
    'page.txt': readPage('resign-account.txt').slice(0, 300),
    'big.md': 'x'.repeat(2000),
  });

  it('is a warning finding of rule input; the other files are checked and the exit code is theirs', () => {
    const r = runCli(['check', 'page.txt', 'big.md', '--as-of', '2025-06-30', '--format', 'json'], dir);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as Report;
    const onBig = report.findings.filter((f) => f.file === 'big.md');
    expect(onBig).toEqual([
      expect.objectContaining({
        ruleId: 'input',
        severity: 'warning',
        line: 1,
        message: 'file is 2000 bytes, over the 1000-byte limit (maxFileBytes in the config); skipped',
      }),
    ]);
    // The first 300 characters of the page (774 bytes, under the limit) end on line 20,
    // after the stale 2023 of line 19 and before the related items with the other findings.
    expect(report.findings.filter((f) => f.file === 'page.txt').map((f) => `${f.ruleId}:${f.line}`)).toEqual(['stale-year:19']);
    expect(r.code).toBe(1);
  });

  it('alone gives exit 0: a skipped file is not a failed run', () => {
    const r = runCli(['check', 'big.md', '--as-of', '2025-06-30', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Report).summary.warnings).toBe(1);
  });
});

describe('a bad regular expression in a rule option (defect 6)', () => {
  const withConfig = (config: string) =>
    runCli(
      ['check', 'page.txt', '--as-of', '2025-06-30', '--format', 'json'],
      tempTree({ 'claimlint.config.yaml': config, 'claims/test.yaml': UNRELATED_REGISTRY, 'page.txt': readPage('resign-account.txt') }),
    );

  it('is a config error at the pattern itself (stale-year citationAfter), exit 2, no report', () => {
    // Line 5; the second item starts after `      citationAfter: ["国办发〔\\d+〕", ` (35 characters): column 36.
    const r = withConfig('registry: claims\nrules:\n  stale-year:\n    options:\n      citationAfter: ["国办发〔\\\\d+〕", "号文("]\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^claimlint: invalid config: claimlint\.config\.yaml:5:36: rule "stale-year": citationAfter\[1\] is not a valid regular expression: .*号文\(.*\n$/);
  });

  it('is a config error when patterns that each compile do not compile together (region-conflict)', () => {
    // Both use the group name a; the rule joins them into one pattern. Reported on the options map (line 5, column 7).
    const r = withConfig('registry: claims\nrules:\n  region-conflict:\n    options:\n      notSubjectPatterns: ["(?<a>患者)", "(?<a>集团)"]\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^claimlint: invalid config: claimlint\.config\.yaml:5:7: rule "region-conflict": the options do not compile: .*Duplicate capture group name\n$/);
  });

  it('leaves good patterns alone', () => {
    const r = withConfig('registry: claims\nrules:\n  stale-year:\n    options:\n      citationAfter: ["国办发〔\\\\d+〕"]\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });
});

describe('errors in referenced data files (defect 10)', () => {
  // An alias bomb: each level repeats the one before ten times (10^9 nodes once expanded). Its first
  // alias, *a0 on line 2, follows the 9 characters `a1: &a1 [`: column 10.
  const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)].join('\n') + '\n';
  const run = (files: Record<string, string>, ...args: string[]) =>
    runCli(['check', 'page.txt', '--as-of', '2025-06-30', '--format', 'json', ...args], tempTree({ 'claims/test.yaml': UNRELATED_REGISTRY, 'page.txt': '# 医保\n\n余额不清零。\n', ...files }));
  const config = (line: string) => `registry: claims\n${line}\n`;
  // The bundled cue lists: a replacement cues file needs every one of them.
  const bundledCues = parse(readFileSync(join(repoRoot, 'data', 'cues.yaml'), 'utf8')) as Record<string, string[]>;
  const cueLists = Object.keys(bundledCues);

  const cases: Array<[string, Record<string, string>, string, string[]?]> = [
    ['a cues file that is an empty mapping', { 'claimlint.config.yaml': config('cues: cues.yaml'), 'cues.yaml': '{}\n' }, `claimlint: invalid cues file cues.yaml: missing list "${cueLists[0]}" (a cues file replaces data/cues.yaml and needs all its lists)\n`],
    ['a malformed cues file', { 'claimlint.config.yaml': config('cues: cues.yaml'), 'cues.yaml': 'negators: [不\n' }, 'claimlint: invalid cues file cues.yaml:2:1: '],
    ['a missing cues file', { 'claimlint.config.yaml': config('cues: gone.yaml') }, 'claimlint: invalid cues file gone.yaml: not found\n'],
    ['a cues list that is not a list', { 'claimlint.config.yaml': config('cues: cues.yaml'), 'cues.yaml': stringify({ ...bundledCues, negators: '不' }) }, 'claimlint: invalid cues file cues.yaml: "negators" must be a list of strings\n'],
    // A character list (compiled into a character class) holding a word.
    ['a cues character list holding a word', { 'claimlint.config.yaml': config('cues: cues.yaml'), 'cues.yaml': stringify({ ...bundledCues, negatorChars: ['不', '不是'] }) }, 'claimlint: invalid cues file cues.yaml: "negatorChars" must list single characters, not "不是"\n'],
    ['a missing pageStructure file', { 'claimlint.config.yaml': config('pageStructure: gone.yaml') }, 'claimlint: invalid pageStructure file gone.yaml: not found\n'],
    ['a malformed pageStructure file', { 'claimlint.config.yaml': config('pageStructure: ps.yaml'), 'ps.yaml': 'relatedMarkers: [相关\n' }, 'claimlint: invalid pageStructure file ps.yaml:2:1: '],
    ['an alias bomb in the config', { 'claimlint.config.yaml': bomb }, 'claimlint: invalid config: claimlint.config.yaml:2:10: cannot be read: Excessive alias count'],
    ['an alias bomb in the registry', { 'bombs/b.yaml': bomb }, 'claimlint: invalid registry: bombs/b.yaml:2:10: cannot be read: Excessive alias count', ['--registry', 'bombs']],
    ['a directory named x.yaml in the registry', { 'claims/x.yaml/.keep': '' }, 'claimlint: invalid registry: claims/x.yaml: not a regular file\n', ['--registry', 'claims']],
  ];
  for (const [what, files, stderr, args] of cases) {
    it(`${what}: one line naming the file, exit 2`, () => {
      const r = run(files, ...(args ?? []));
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(stderr)).toBe(true);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.stderr).not.toContain('internal error');
    });
  }
});

describe('patterns that can backtrack catastrophically, outside the registry (pattern safety)', () => {
  const bundledCues = parse(readFileSync(join(repoRoot, 'data', 'cues.yaml'), 'utf8')) as Record<string, string[]>;
  const run = (files: Record<string, string>) =>
    runCli(['check', 'page.md', '--as-of', '2025-06-30', '--format', 'json'], tempTree({ 'claims/test.yaml': UNRELATED_REGISTRY, 'page.md': '# 医保\n\n余额不清零。\n', ...files }), undefined, [], { killAfterMs: 60_000 });

  it('in a rule option: a config error at the pattern, before any file is read', () => {
    // Line 5; the second item starts after `      citationAfter: ["国办发", ` (29 characters): column 30.
    const r = run({ 'claimlint.config.yaml': 'registry: claims\nrules:\n  stale-year:\n    options:\n      citationAfter: ["国办发", "(?:文件.*)+号$"]\n' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('claimlint: invalid config: claimlint.config.yaml:5:30: rule "stale-year": citationAfter[1]: nested unbounded quantifiers (“.*” inside “(?:文件.*)+”) can backtrack catastrophically; bound the inner one ({0,20}) or rewrite it\n');
  });

  it('in a cues file: one line at the list entry, exit 2', () => {
    const bait = '(?:听.+)+说';
    const cues = stringify({ ...bundledCues, rumourPatterns: [...bundledCues.rumourPatterns!, bait] });
    // The line the bait is on, read from the file as written: the entry starts two characters after the indentation's dash.
    const lineIndex = cues.split('\n').findIndex((l) => l.includes(bait));
    const column = cues.split('\n')[lineIndex]!.indexOf('- ') + 3;
    const r = run({ 'claimlint.config.yaml': 'registry: claims\ncues: cues.yaml\n', 'cues.yaml': cues });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `claimlint: invalid cues file cues.yaml:${lineIndex + 1}:${column}: rumourPatterns[${bundledCues.rumourPatterns!.length}]: nested unbounded quantifiers (“.+” inside “(?:听.+)+”) can backtrack catastrophically; bound the inner one ({0,20}) or rewrite it\n`,
    );
  });

  it('a word list entry is escaped when compiled: the same text there is only a word', () => {
    const cues = stringify({ ...bundledCues, hedges: [...bundledCues.hedges!, '(?:听.+)+说'] });
    const r = run({ 'claimlint.config.yaml': 'registry: claims\ncues: cues.yaml\n', 'cues.yaml': cues });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('none in the bundled cue lists or the rules\' default option patterns', () => {
    for (const [name, re] of Object.entries(loadCues())) {
      if (re instanceof RegExp) expect([name, backtrackingHazard(re.source, re.flags)]).toEqual([name, undefined]);
    }
    const stale = parse(readFileSync(join(repoRoot, 'data', 'stale-year.yaml'), 'utf8')) as { citationAfter: string[] };
    const region = parse(readFileSync(join(repoRoot, 'data', 'region-conflict.yaml'), 'utf8')) as { notSubjectPatterns: string[] };
    for (const p of [...stale.citationAfter, ...region.notSubjectPatterns]) expect([p, backtrackingHazard(p)]).toEqual([p, undefined]);
    // The check itself does find the classic shapes.
    expect(backtrackingHazard('(a+)+$')).toMatch(/nested unbounded/);
    expect(backtrackingHazard('(.*)*x$')).toMatch(/nested unbounded/);
    expect(backtrackingHazard('(?<n>a)')).toBeUndefined();
  });
});
