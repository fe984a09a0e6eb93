// Messages in Chinese and English through the CLI: --locale, config `locale`
// and the environment's language, for findings, notes, labels and errors.
// The expected Chinese is written from data/messages/zh.yaml and the
// registry's value labels (claims/personal-account.yaml), not from output.

import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempTree } from '../helpers/cli.js';
import type { Io } from '../../src/cli/output.js';

const LAPSE = '# 停缴以后\n\n医保停缴超过3个月，个人账户余额会被清零。\n';
const STALE = '# 缴费\n\n2024年最新政策规定，居民医保个人缴费标准有所提高。\n';

function tree(extra: Record<string, string> = {}): string {
  return tempTree({ 'articles/lapse.md': LAPSE, 'articles/stale.md': STALE, 'articles/empty.md': '', ...extra });
}

async function run(cwd: string, args: readonly string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd,
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTTY: false,
    env,
    readStdin: () => '',
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

interface Json {
  findings: Array<Record<string, unknown> & { ruleId: string; message: string; file: string; fingerprint: string; related?: Array<{ message?: string }> }>;
  notes?: string[];
}

const json = async (cwd: string, args: readonly string[], env: Record<string, string> = {}) => {
  const r = await run(cwd, ['check', 'articles', '--format', 'json', '--as-of', '2026-06-30', ...args], env);
  expect(r.code, r.stderr).toBe(1);
  return JSON.parse(r.stdout) as Json;
};

const contradiction = (j: Json) => j.findings.find((f) => f.ruleId === 'claim-contradiction')!;

describe('--locale', () => {
  it('zh: the contradiction in Chinese, the JSON fields and fingerprints as in English', async () => {
    const dir = tree();
    const zh = await json(dir, ['--locale', 'zh']);
    const en = await json(dir, ['--locale', 'en']);
    expect(contradiction(zh).message).toBe('停缴后个人账户余额：文中“清零”意为“余额清零（作废）”，与权威口径“余额保留（不清零）”不符。');
    expect(contradiction(en).message).toMatch(/^停缴后个人账户余额: “清零” asserts 余额清零（作废）, but the canonical value is 余额保留（不清零）\.$/);
    expect(zh.findings.map((f) => Object.keys(f))).toEqual(en.findings.map((f) => Object.keys(f)));
    expect(zh.findings.map((f) => [f.ruleId, f.file, f.fingerprint])).toEqual(en.findings.map((f) => [f.ruleId, f.file, f.fingerprint]));
    expect(zh.findings.every((f) => !('messageRef' in f) && !('highlight' in f))).toBe(true);
  });

  it('zh: stale years, input problems and notes in Chinese too', async () => {
    const dir = tree({ 'articles/notes.pdf': 'x' });
    const zh = await json(dir, ['--locale', 'zh']);
    const stale = zh.findings.find((f) => f.ruleId === 'stale-year')!;
    // 2024 read on 2026-06-30: two years before.
    expect(stale.message).toMatch(/^“2024年最新[^”]*”把2024年说成当前，但它比基准日期 2026-06-30 早2年。$/);
    const empty = zh.findings.find((f) => f.file === 'articles/empty.md')!;
    expect(empty.ruleId).toBe('input');
    expect(empty.message).toBe('文件为空（解码后没有文字）；已跳过');
    expect(zh.notes).toEqual(['跳过了 1 个不是 .md/.markdown/.mdx/.html/.htm/.txt 的文件']);
    const en = await json(dir, ['--locale', 'en']);
    expect(en.notes).toEqual(['skipped 1 file that is not .md/.markdown/.mdx/.html/.htm/.txt']);
  });

  it('zh: the stylish report’s labels', async () => {
    const r = await run(tree(), ['check', 'articles/lapse.md', '--format', 'stylish', '--as-of', '2026-06-30', '--locale', 'zh']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.includes('claim-contradiction'))).toMatch(/^ +\d+:\d+ {2}错误 {2}停缴后个人账户余额：文中“清零”/);
    expect(lines.some((l) => l.startsWith('    权威口径：'))).toBe(true);
    expect(lines.find((l) => l.startsWith('✖'))).toMatch(/^✖ 1 个问题（1 个错误，0 个警告，0 个提示），共 1 个文件 · 检查了 \d+ 条断言$/);
  });

  it('an unknown locale is a usage error', async () => {
    const r = await run(tree(), ['check', 'articles', '--locale', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claimlint: --locale must be zh or en, not "fr"\n');
  });

  it('errors of the run in Chinese', async () => {
    const dir = tree();
    const bad = await run(dir, ['check', 'articles', '--as-of', '2026-13-40', '--locale', 'zh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('claimlint: --as-of 必须是 YYYY-MM-DD 格式的日期，而不是“2026-13-40”\n');
    const missing = await run(dir, ['check', 'articles/lapse.md', 'nowhere.md', '--format', 'json', '--as-of', '2026-06-30', '--locale', 'zh']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('claimlint: 无法读取输入：nowhere.md：没有这个文件或目录\n');
  });
});

describe('locale from config and the environment', () => {
  it('config `locale: zh`, overridden by --locale en', async () => {
    const dir = tree({ 'claimlint.config.yaml': 'locale: zh\n' });
    expect(contradiction(await json(dir, [])).message).toContain('与权威口径“余额保留（不清零）”不符');
    expect(contradiction(await json(dir, ['--locale', 'en'])).message).toContain('but the canonical value is 余额保留（不清零）');
  });

  it('a config locale that is neither is a config error with its line', async () => {
    const r = await run(tree({ 'claimlint.config.yaml': 'maxFileBytes: 100000\nlocale: fr\n' }), ['check', 'articles']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^claimlint: invalid config: claimlint\.config\.yaml:2:\d+: /);
  });

  it('LANG / LC_MESSAGES / LC_ALL pick Chinese when set to it, LC_ALL first', async () => {
    const dir = tree();
    expect(contradiction(await json(dir, [], { LANG: 'zh_CN.UTF-8' })).message).toContain('文中“清零”意为');
    expect(contradiction(await json(dir, [], { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).message).toContain('文中“清零”意为');
    expect(contradiction(await json(dir, [], { LC_ALL: 'C.UTF-8', LANG: 'zh_CN.UTF-8' })).message).toContain('asserts 余额清零（作废）');
    expect(contradiction(await json(dir, [])).message).toContain('asserts 余额清零（作废）');
    // The config's locale comes before the environment's.
    const configured = tree({ 'claimlint.config.yaml': 'locale: en\n' });
    expect(contradiction(await json(configured, [], { LANG: 'zh_CN.UTF-8' })).message).toContain('asserts');
  });

  it('a usage error follows the environment when no --locale is given', async () => {
    const r = await run(tree(), ['check', 'articles', '--max-warnings', 'many'], { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claimlint: --max-warnings 需要一个整数，而不是“many”\n');
  });

  it('markdown report headers in Chinese', async () => {
    const r = await run(tree(), ['check', 'articles/lapse.md', '--format', 'markdown', '--as-of', '2026-06-30', '--locale', 'zh']);
    expect(r.stdout).toContain('| 规则 | 错误 | 警告 | 提示 |');
    expect(r.stdout).toContain('| 行 | 级别 | 规则 | 句子 | 权威口径 |');
    expect(r.stdout).toContain('| ❌ 错误 | claim-contradiction |');
  });
});

describe('CI formats in Chinese', () => {
  it('github annotations, SARIF and Code Quality join the canonical statement in the run’s language', async () => {
    const dir = tree();
    const gh = await run(dir, ['check', 'articles/lapse.md', '--format', 'github', '--as-of', '2026-06-30', '--locale', 'zh']);
    const line = gh.stdout.split('\n').find((l) => l.startsWith('::error '))!;
    expect(line).toContain('::停缴后个人账户余额：文中“清零”意为“余额清零（作废）”，与权威口径“余额保留（不清零）”不符。——权威口径：');
    const cq = await run(dir, ['check', 'articles/lapse.md', '--format', 'codequality', '--as-of', '2026-06-30', '--locale', 'zh']);
    expect((JSON.parse(cq.stdout) as Array<{ description: string }>)[0]!.description).toMatch(/^claim-contradiction: 停缴后个人账户余额：.*不符。——权威口径：/);
    const en = await run(dir, ['check', 'articles/lapse.md', '--format', 'codequality', '--as-of', '2026-06-30']);
    expect((JSON.parse(en.stdout) as Array<{ description: string }>)[0]!.description).toContain(' — canonical: ');
  });
});
