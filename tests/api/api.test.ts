// The Node API, imported by the package's name as a script would (the package
// refers to itself through its `exports`; `npm test` builds dist/ first).
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoClaim } from '../helpers/demo-registry.js';
import { repoRoot, runCli, tempTree } from '../helpers/cli.js';

const api = await import('claimlint');
const { lintText, lintFiles, loadRegistry, format, formatters, formatNames, RunFailure } = api;

// A one-claim registry of the tests' own, so these findings do not move when the bundled registry is tuned.
const REGISTRY = demoClaim({ all: '余额', any: '停缴', kept: '保留', gone: '清零' });
const CONTRADICTION = '停缴以后账户余额清零。';
const SUPPORTED = '停缴以后账户余额保留。';
// The same claim with the other value canonical (its examples swapped to match).
const OTHER_REGISTRY = REGISTRY.replace('canonical: kept', 'canonical: gone')
  .replace('statement: 停缴后余额保留。', 'statement: 停缴后余额清零。')
  .replace(`supports: [${SUPPORTED}]`, 'supports: [@]')
  .replace(`contradicts: [${CONTRADICTION}]`, `contradicts: [${SUPPORTED}]`)
  .replace('supports: [@]', `supports: [${CONTRADICTION}]`);

function project(files: Record<string, string> = {}): string {
  return tempTree({ 'claims/demo.yaml': REGISTRY, ...files });
}

describe('lintText', () => {
  it('returns the JSON contract object, the same as check --format json', async () => {
    const dir = project();
    const text = `# 停缴以后\n\n${CONTRADICTION}\n`;
    const report = await lintText(text, { cwd: dir, filePath: 'articles/lapse.md', asOf: '2026-11-22' });
    expect(report.version).toBe(1);
    expect(report.asOf).toBe('2026-11-22');
    expect(report.summary).toEqual({ files: 1, claims: 1, errors: 1, warnings: 0, infos: 0 });
    const [f] = report.findings;
    // 清零 is the 9th and 10th character of line 3; the end column is exclusive.
    expect(f).toMatchObject({
      ruleId: 'claim-contradiction',
      severity: 'error',
      file: 'articles/lapse.md',
      line: 3,
      column: 9,
      endLine: 3,
      endColumn: 11,
      excerpt: CONTRADICTION,
      claimId: 'demo.balance',
      expected: '停缴后余额保留。',
      source: '《示例文件》',
    });
    const cli = runCli(['check', '-', '--stdin-filename', 'articles/lapse.md', '--format', 'json', '--as-of', '2026-11-22'], dir, text);
    expect(cli.code).toBe(1);
    expect(report).toEqual(JSON.parse(cli.stdout));
  });

  it('finds nothing in a text that agrees with the registry', async () => {
    const report = await lintText(SUPPORTED, { cwd: project(), filePath: 'ok.md', asOf: '2026-11-22' });
    expect(report.findings).toEqual([]);
    expect(report.summary).toEqual({ files: 1, claims: 1, errors: 0, warnings: 0, infos: 0 });
  });

  it('reports a text without filePath under <text>, read as Markdown', async () => {
    const report = await lintText(`${CONTRADICTION}<!-- claimlint-disable-line -->\n`, { cwd: project(), asOf: '2026-11-22' });
    expect(report.findings).toEqual([]);
    const bare = await lintText(CONTRADICTION, { cwd: project(), asOf: '2026-11-22' });
    expect(bare.findings.map((f) => f.file)).toEqual(['<text>']);
  });

  it('reads filePath’s extension: a .txt page has no comments, so the suppression is plain text', async () => {
    const text = `${CONTRADICTION}<!-- claimlint-disable-line -->\n`;
    const page = await lintText(text, { cwd: project(), filePath: 'page.txt', asOf: '2026-11-22' });
    expect(page.findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([['claim-contradiction', 'page.txt', 1]]);
  });

  it('judges stale years against each call’s asOf', async () => {
    const dir = project();
    const text = '# 2024年最新政策\n\n今天说说医保。\n';
    const late = await lintText(text, { cwd: dir, filePath: 'a.md', asOf: '2026-06-01' });
    expect(late.findings.map((f) => [f.ruleId, f.severity, f.line])).toEqual([['stale-year', 'error', 1]]);
    const early = await lintText(text, { cwd: dir, filePath: 'a.md', asOf: '2024-06-01' });
    expect(early.findings).toEqual([]);
    expect(early.asOf).toBe('2024-06-01');
  });

  it('takes a registry path, a registry from loadRegistry, and a config', async () => {
    const dir = project({ 'other/claims.yaml': OTHER_REGISTRY, 'quiet.yaml': 'rules:\n  claim-contradiction: off\n' });
    // The other registry holds 清零 as canonical: the same sentence is supported there.
    const byPath = await lintText(CONTRADICTION, { cwd: dir, registry: 'other/claims.yaml', asOf: '2026-11-22' });
    expect(byPath.findings).toEqual([]);
    expect(byPath.summary.claims).toBe(1);
    const loaded = loadRegistry('other/claims.yaml', { cwd: dir });
    const byObject = await lintText(SUPPORTED, { cwd: dir, registry: loaded, asOf: '2026-11-22' });
    expect(byObject.findings.map((f) => [f.ruleId, f.expected])).toEqual([['claim-contradiction', '停缴后余额清零。']]);
    expect(byObject.findings[0]!.message).toContain('the canonical value is 清零');
    const quiet = await lintText(CONTRADICTION, { cwd: dir, config: 'quiet.yaml', asOf: '2026-11-22' });
    expect(quiet.findings).toEqual([]);
  });

  it('fails with a RunFailure, not a crash, on a bad date, config or registry', async () => {
    const dir = project({ 'bad.yaml': 'rules:\n  no-such-rule: error\n' });
    await expect(lintText('x', { cwd: dir, asOf: '2026-02-30' })).rejects.toThrow(/asOf must be a date written YYYY-MM-DD/);
    await expect(lintText('x', { cwd: dir, config: 'bad.yaml' })).rejects.toBeInstanceOf(RunFailure);
    await expect(lintText('x', { cwd: dir, config: 'bad.yaml' })).rejects.toThrow(/invalid config: bad.yaml:2/);
    await expect(lintText('x', { cwd: dir, registry: 'missing' })).rejects.toThrow(/invalid registry: missing/);
    await expect(lintText('x', { cwd: dir, registry: {} as never })).rejects.toThrow(/registry must be a path or a registry returned by loadRegistry/);
    expect(() => loadRegistry('missing', { cwd: dir })).toThrow(RunFailure);
  });
});

describe('lintFiles', () => {
  it('lints files and directories as one corpus', async () => {
    const dir = project({ 'articles/bad.md': `${CONTRADICTION}\n`, 'articles/good.md': `${SUPPORTED}\n`, 'pages/p.txt': `${CONTRADICTION}\n` });
    const report = await lintFiles(['articles', 'pages/p.txt'], { cwd: dir, asOf: '2026-11-22' });
    expect(report.summary).toMatchObject({ files: 3, claims: 3, errors: 2 });
    expect(report.findings.map((f) => [f.file, f.line, f.ruleId])).toEqual([
      ['articles/bad.md', 1, 'claim-contradiction'],
      ['pages/p.txt', 1, 'claim-contradiction'],
    ]);
    const single = await lintFiles('articles/good.md', { cwd: dir, asOf: '2026-11-22' });
    expect(single.summary.files).toBe(1);
  });

  it('reads the config’s corpus globs when given no paths', async () => {
    const dir = project({ 'claimlint.config.yaml': 'corpus: ["docs/**/*.md"]\n', 'docs/a.md': `${CONTRADICTION}\n`, 'elsewhere/b.md': `${CONTRADICTION}\n` });
    const report = await lintFiles([], { cwd: dir, asOf: '2026-11-22' });
    expect(report.findings.map((f) => f.file)).toEqual(['docs/a.md']);
  });

  it('throws for a path that does not exist, as check exits 2', async () => {
    const dir = project({ 'a.md': `${SUPPORTED}\n` });
    await expect(lintFiles(['a.md', 'gone.md'], { cwd: dir })).rejects.toThrow('cannot read input: gone.md: no such file or directory');
    await expect(lintFiles(['-'], { cwd: dir })).rejects.toThrow(/use lintText/);
  });
});

describe('formatters by name', () => {
  it('formats a report as the CLI does', async () => {
    const dir = project({ 'a.md': `${CONTRADICTION}\n` });
    const report = await lintFiles(['a.md'], { cwd: dir, asOf: '2026-11-22' });
    const cli = runCli(['check', 'a.md', '--format', 'json', '--as-of', '2026-11-22'], dir);
    expect(formatters.json(report)).toBe(cli.stdout);
    expect(format(report, 'json')).toBe(cli.stdout);
    const stylish = format(report, 'stylish', { cwd: dir });
    expect(stylish).toContain('1:9  error');
    expect(stylish).toContain('claim-contradiction');
    const sarif = JSON.parse(formatters.sarif(report, { cwd: dir })) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(['claim-contradiction']);
    expect(formatNames).toEqual(['stylish', 'json', 'sarif', 'github', 'markdown', 'html', 'codequality', 'claimreview']);
    expect(() => format(report, 'xml')).toThrow('unknown format "xml" (choose from stylish, json, sarif, github, markdown, html, codequality, claimreview)');
  });
});

describe('the package as another project installs it', () => {
  it('imports by name from outside, with declarations beside the code', () => {
    const dir = tempTree({ 'claims/demo.yaml': REGISTRY, 'use.mjs': [
      "import { lintText } from 'claimlint';",
      `const r = await lintText(${JSON.stringify(CONTRADICTION)}, { filePath: 'x.md', asOf: '2026-11-22' });`,
      'console.log(r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`).join("\\n"));',
    ].join('\n') });
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(repoRoot, join(dir, 'node_modules', 'claimlint'), 'dir');
    const r = spawnSync(process.execPath, ['use.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('x.md:1:9 claim-contradiction\n');
    writeFileSync(join(dir, 'deep.mjs'), "await import('claimlint/dist/src/engine/run.js');\n");
    // Only the entry is public: internals are not reachable by a deep import.
    const deep = spawnSync(process.execPath, ['deep.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(deep.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });
});

describe('the package as npm packs it', () => {
  // `npm pack` of this checkout (no scripts: dist/ is already built), unpacked as an installed dependency would be.
  // Its own dependencies are this checkout's node_modules, linked: nothing is fetched.
  function installPacked(): string {
    const dir = tempTree({ 'claims/demo.yaml': REGISTRY });
    const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: repoRoot, encoding: 'utf8' });
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const target = join(dir, 'node_modules', 'claimlint');
    mkdirSync(target, { recursive: true });
    const untar = spawnSync('tar', ['-xzf', join(dir, tarball), '-C', target, '--strip-components=1'], { encoding: 'utf8' });
    expect(untar.status, untar.stderr).toBe(0);
    symlinkSync(join(repoRoot, 'node_modules'), join(target, 'node_modules'), 'dir');
    return dir;
  }

  it('carries the message catalogues, schemas and declarations, not the tests', () => {
    const dir = installPacked();
    const pkg = join(dir, 'node_modules', 'claimlint');
    for (const f of ['data/messages/zh.yaml', 'data/messages/en.yaml', 'schemas/messages.schema.json', 'dist/src/index.d.ts', 'claims/lexicon.yaml']) {
      expect(existsSync(join(pkg, f)), f).toBe(true);
    }
    expect(existsSync(join(pkg, 'tests'))).toBe(false);
  });

  it('lintText from the tarball, in the language asked for (option, else the environment)', () => {
    const dir = installPacked();
    writeFileSync(join(dir, 'use.mjs'), [
      "import { lintText, formatters } from 'claimlint';",
      `const text = ${JSON.stringify(CONTRADICTION)};`,
      "const zh = await lintText(text, { filePath: 'x.md', asOf: '2026-11-22', locale: 'zh' });",
      "const en = await lintText(text, { filePath: 'x.md', asOf: '2026-11-22', locale: 'en' });",
      "const env = await lintText(text, { filePath: 'x.md', asOf: '2026-11-22' });",
      'console.log(JSON.stringify({ zh: zh.findings[0].message, en: en.findings[0].message, env: env.findings[0].message, stylish: formatters.stylish(zh, { color: false, locale: "zh" }).trimEnd().split("\\n").at(-1), fp: zh.findings[0].fingerprint === en.findings[0].fingerprint }));',
    ].join('\n'));
    const r = spawnSync(process.execPath, ['use.mjs'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' } });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    // zh.yaml's claim-contradiction.contradicts and en.yaml's, with the demo claim's subject and value labels.
    expect(out.zh).toBe('停缴后余额：文中“清零”意为“清零”，与权威口径“保留”不符。');
    expect(out.en).toBe('停缴后余额: “清零” asserts 清零, but the canonical value is 保留.');
    expect(out.env).toBe(out.zh);
    expect(out.stylish).toBe('✖ 1 个问题（1 个错误，0 个警告，0 个提示），共 1 个文件 · 检查了 1 条断言');
    // Only the wording changes: the fingerprint (and so a baseline) is the same in both languages.
    expect(out.fp).toBe(true);
  });
});
