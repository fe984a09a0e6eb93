// Issue 9, defect 12 (CI paths): the config is found from a subdirectory by
// looking up the tree, `check -` reads the text from stdin, the config's ignore
// globs apply to the files a hook names, and FORCE_COLOR / NO_COLOR are honoured.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfig } from '../../src/config/config.js';
import { useColor } from '../../src/cli/commands/check.js';
import { readPage } from '../helpers/pages.js';
import { UNRELATED_REGISTRY } from '../helpers/registries.js';
import { runCli, tempTree } from '../helpers/cli.js';

interface Report {
  findings: Array<{ ruleId: string; file: string; line: number; column: number }>;
}
const stale = (stdout: string) =>
  (JSON.parse(stdout) as Report).findings.filter((f) => f.ruleId === 'stale-year').map((f) => `${f.file}:${f.line}:${f.column}`);

describe('the config, from a subdirectory', () => {
  // The config turns stale-year off; its registry path is relative to the config's folder.
  const project = () =>
    tempTree({
      'claimlint.config.yaml': 'registry: claims\nrules:\n  stale-year: off\n',
      'claims/test.yaml': UNRELATED_REGISTRY,
      'docs/deep/page.md': '# 医保\n\n根据2023年最新政策，余额不清零。\n',
    });

  it('is the nearest claimlint.config.yaml above the working directory', () => {
    const dir = project();
    expect(findConfig(join(dir, 'docs', 'deep'))).toBe(join(dir, 'claimlint.config.yaml'));
    const r = runCli(['check', 'page.md', '--as-of', '2025-06-30', '--format', 'json'], join(dir, 'docs', 'deep'));
    expect(r.stderr).toBe('');
    // With the config stale-year is off: 2023年最新 is not reported, and the run exits 0.
    expect(stale(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('is the nearest one: a config between the working directory and the project root wins', () => {
    const dir = project();
    // docs/claimlint.config.yaml leaves stale-year on; from docs/deep it is nearer than the root's.
    const r0 = runCli(['check', 'page.md', '--as-of', '2025-06-30', '--format', 'json'], join(dir, 'docs', 'deep'));
    expect(stale(r0.stdout)).toEqual([]);
    writeFileSync(join(dir, 'docs', 'claimlint.config.yaml'), 'registry: ../claims\n');
    expect(findConfig(join(dir, 'docs', 'deep'))).toBe(join(dir, 'docs', 'claimlint.config.yaml'));
    const r = runCli(['check', 'page.md', '--as-of', '2025-06-30', '--format', 'json'], join(dir, 'docs', 'deep'));
    expect(r.stderr).toBe('');
    expect(stale(r.stdout)).toEqual(['page.md:3:3']);
  });
});

describe('check - (stdin)', () => {
  const dir = () => tempTree({ 'claims/test.yaml': UNRELATED_REGISTRY });
  const base = ['--as-of', '2025-06-30', '--format', 'json', '--registry', 'claims'];

  it('reads the text from stdin and reports it under --stdin-filename', () => {
    // 根据 is two characters: 2023 starts at column 3 of line 3.
    const r = runCli(['check', '-', '--stdin-filename', 'articles/lapse.md', ...base], dir(), '# 医保\n\n根据2023年最新政策，余额不清零。\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(stale(r.stdout)).toEqual(['articles/lapse.md:3:3']);
  });

  it('reads a scraped page as plain text when the name ends in .txt', () => {
    const r = runCli(['check', '-', '--stdin-filename', 'page.txt', ...base], dir(), readPage('resign-account.txt'));
    // The same findings as the file itself (tests/parse/scraped-pages.test.ts), so the page structure was read.
    expect((JSON.parse(r.stdout) as Report).findings.map((f) => `${f.ruleId}:${f.line}`)).toEqual(['stale-year:19', 'corpus-conflict:34', 'region-conflict:40']);
  });

  it('names the text <stdin> without --stdin-filename, and does not fall back to the corpus globs', () => {
    const r = runCli(['check', '-', ...base], dir(), '根据2023年最新政策。\n');
    expect(stale(r.stdout)).toEqual(['<stdin>:1:3']);
    expect((JSON.parse(r.stdout) as { summary: { files: number } }).summary.files).toBe(1);
  });

  it('replaces the file of the same name, and the other files stay the context', () => {
    const d = tempTree({ 'claims/test.yaml': UNRELATED_REGISTRY, 'a.md': '# 医保\n\n根据2023年最新政策。\n', 'b.md': '# 医保\n\n根据2022年最新政策。\n' });
    const r = runCli(['check', '-', 'a.md', 'b.md', '--stdin-filename', 'a.md', ...base], d, '# 医保\n\n没有过时的年份。\n');
    expect(stale(r.stdout)).toEqual(['b.md:3:3']);
  });

  it('refuses --stdin-filename without -, and - twice', () => {
    expect(runCli(['check', '--stdin-filename', 'x.md', ...base], dir(), '').stderr).toBe('claimlint: --stdin-filename names the text read from stdin: give - among the paths\n');
    const twice = runCli(['check', '-', '-', ...base], dir(), 'x');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe('claimlint: - (stdin) can be given once\n');
  });
});

describe("the config's ignore globs", () => {
  // What pre-commit does: it names every staged file, ignored or not.
  const project = () =>
    tempTree({
      'claimlint.config.yaml': 'registry: claims\nignore: ["articles/drafts/**", "articles/old.md"]\n',
      'claims/test.yaml': UNRELATED_REGISTRY,
      'articles/drafts/wip.md': '# 医保\n\n根据2022年最新政策。\n',
      'articles/old.md': '# 医保\n\n根据2021年最新政策。\n',
      'articles/new.md': '# 医保\n\n根据2023年最新政策。\n',
    });
  const args = ['--as-of', '2025-06-30', '--format', 'json'];
  const notes = (stdout: string) => (JSON.parse(stdout) as { notes?: string[] }).notes ?? [];

  it('apply to files named on the command line, with a note for each', () => {
    const r = runCli(['check', 'articles/drafts/wip.md', 'articles/old.md', 'articles/new.md', ...args], project());
    expect(stale(r.stdout)).toEqual(['articles/new.md:3:3']);
    expect(notes(r.stdout)).toEqual([
      "articles/drafts/wip.md: ignored (matches the config's ignore patterns)",
      "articles/old.md: ignored (matches the config's ignore patterns)",
    ]);
  });

  it('apply inside a directory named on the command line, relative to the config, from a subdirectory too', () => {
    const dir = project();
    expect(stale(runCli(['check', 'articles', ...args], dir).stdout)).toEqual(['articles/new.md:3:3']);
    expect(stale(runCli(['check', '.', ...args], join(dir, 'articles')).stdout)).toEqual(['new.md:3:3']);
    expect(stale(runCli(['check', 'drafts', 'old.md', 'new.md', ...args], join(dir, 'articles')).stdout)).toEqual(['new.md:3:3']);
  });

  it('a run whose every named file is ignored reports nothing and exits 0 (not "no articles found")', () => {
    const r = runCli(['check', 'articles/old.md', ...args], project());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(stale(r.stdout)).toEqual([]);
  });
});

describe('colour', () => {
  const env = (e: Record<string, string>, isTTY = false) => ({ env: e, isTTY });

  it('follows --no-color, then FORCE_COLOR (over NO_COLOR), then NO_COLOR, then the terminal', () => {
    expect(useColor(undefined, env({}, true))).toBe(true);
    expect(useColor(undefined, env({}, false))).toBe(false);
    expect(useColor(false, env({ FORCE_COLOR: '1' }, true))).toBe(false);
    expect(useColor(undefined, env({ FORCE_COLOR: '1' }))).toBe(true);
    expect(useColor(undefined, env({ FORCE_COLOR: '' }))).toBe(true);
    expect(useColor(undefined, env({ FORCE_COLOR: '3', NO_COLOR: '1' }))).toBe(true);
    expect(useColor(undefined, env({ FORCE_COLOR: '0' }, true))).toBe(false);
    expect(useColor(undefined, env({ FORCE_COLOR: 'false' }, true))).toBe(false);
    expect(useColor(undefined, env({ NO_COLOR: '1' }, true))).toBe(false);
    // no-color.org: an empty NO_COLOR does not count.
    expect(useColor(undefined, env({ NO_COLOR: '' }, true))).toBe(true);
  });

  it('FORCE_COLOR colours the stylish report on a pipe; NO_COLOR alone and --no-color do not', () => {
    const dir = tempTree({ 'claims/test.yaml': UNRELATED_REGISTRY, 'a.md': '# 医保\n\n根据2023年最新政策。\n' });
    const run = (env: Record<string, string | undefined>, ...extra: string[]) =>
      runCli(['check', 'a.md', '--registry', 'claims', '--as-of', '2025-06-30', '--format', 'stylish', ...extra], dir, undefined, [], { env }).stdout;
    const ESC = '\u001b[';
    expect(run({ FORCE_COLOR: '1', NO_COLOR: undefined })).toContain(ESC);
    expect(run({ FORCE_COLOR: '1', NO_COLOR: '1' })).toContain(ESC);
    expect(run({ FORCE_COLOR: undefined, NO_COLOR: '1' })).not.toContain(ESC);
    expect(run({ FORCE_COLOR: '1' }, '--no-color')).not.toContain(ESC);
    // The same report either way, once the colour codes are taken out.
    expect(run({ FORCE_COLOR: '1' }).replace(/\u001b\[[0-9;]*m/g, '')).toBe(run({ FORCE_COLOR: '0' }));
  });
});
