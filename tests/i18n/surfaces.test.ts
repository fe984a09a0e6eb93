// `--locale zh` everywhere a user reads text: every report format's glue, the
// run's errors and notes, config and registry problems (YAML and schema errors
// included), commander's own errors and --help, `registry validate / test /
// coverage`, and the language server's diagnostics, hover and quick fixes.
// Each surface is checked two ways: no English glue word is left (ENGLISH
// below; flags, paths, rule ids and format names are names, not glue), and the
// Chinese is the catalogue's (expected strings written from data/messages/zh.yaml).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver/node';
import { parse as parseYaml } from 'yaml';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/output.js';
import { demoClaim } from '../helpers/demo-registry.js';
import { tempTree } from '../helpers/cli.js';
import { LspClient, uriOf } from '../helpers/lsp-client.js';

/** English words that only glue text would bring: none may be left in Chinese output. */
const ENGLISH = new Set(
  ('error errors warning warnings info infos problem problems found shown more not the of in and or to is are be for with ' +
    'must unknown option options missing argument arguments usage commands default display help passed failed example examples ' +
    'valid invalid sentence sentences read see documentation source canonical official disable add cannot file files claim claims ' +
    'line expected got did you mean too many no such directory skipped wrote finding findings report language messages ' +
    'key required duplicate same twice mapping list text number whole date today value values').split(' '),
);

/**
 * The English glue words in `text`. A word glued to a name by - . / _ (--format,
 * claim-contradiction, claims/demo.yaml, node_modules) is part of that name; an
 * all-capitals word is a placeholder (FILE, REF, N).
 */
function englishIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![A-Za-z0-9_./@-])[A-Za-z]+(?![A-Za-z0-9_./-])/g)) {
    const w = m[0];
    if (w === w.toUpperCase()) continue;
    if (ENGLISH.has(w.toLowerCase())) out.add(w);
  }
  return [...out].sort();
}

const REGISTRY = demoClaim({ all: '余额', any: '停缴', kept: '保留', gone: '清零' });
const LAPSE = '# 停缴以后\n\n停缴以后账户余额清零。\n';
const STALE = '# 缴费\n\n2024年最新政策规定，居民医保个人缴费标准有所提高。\n';
// From zh.yaml: claim-contradiction.contradicts with the demo claim's subject and value labels.
const CONTRADICTION_ZH = '停缴后余额：文中“清零”意为“清零”，与权威口径“保留”不符。';
const STALE_ZH = '“2024年最新”把2024年说成当前，但它比基准日期 2026-06-30 早2年。';
const EMPTY_ZH = '文件为空（解码后没有文字）；已跳过';
const SKIPPED_ZH = '跳过了 1 个不是 .md/.markdown/.mdx/.html/.htm/.txt 的文件';

function tree(extra: Record<string, string> = {}): string {
  return tempTree({
    'claims/demo.yaml': REGISTRY,
    'articles/lapse.md': LAPSE,
    'articles/stale.md': STALE,
    'articles/empty.md': '',
    'articles/notes.csv': 'a,b\n',
    ...extra,
  });
}

async function run(cwd: string, args: readonly string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd, stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false, env, readStdin: () => '' };
  const code = await main(args, io);
  return { code, stdout, stderr, all: stdout + stderr };
}

// main() runs in this process: a relative --registry would be read from the process's directory, so it is given absolute.
const check = (dir: string) => ['check', 'articles', '--registry', join(dir, 'claims'), '--as-of', '2026-06-30', '--locale', 'zh'];

describe('the ENGLISH check itself', () => {
  it('finds glue words and leaves names alone', () => {
    expect(englishIn('claimlint: unknown option (Did you mean --baseline?)')).toEqual(['Did', 'mean', 'option', 'unknown', 'you']);
    expect(englishIn('claim-contradiction claims/demo.yaml --files-from FILE node_modules/x 停缴')).toEqual([]);
  });
});

describe('report formats in Chinese', () => {
  const dir = tree();

  it('stylish: findings, severities, the summary and notes', async () => {
    const r = await run(dir, [...check(dir), '--format', 'stylish']);
    expect(r.code).toBe(1);
    expect(englishIn(r.all)).toEqual([]);
    for (const s of [CONTRADICTION_ZH, STALE_ZH, EMPTY_ZH, SKIPPED_ZH, '错误', '提示', '权威口径：停缴后余额保留。']) expect(r.all).toContain(s);
    expect(r.stdout).toContain('✖ 3 个问题（2 个错误，0 个警告，1 个提示），共 3 个文件');
  });

  it('markdown: headings, table columns and notes', async () => {
    const r = await run(dir, [...check(dir), '--format', 'markdown']);
    expect(englishIn(r.stdout)).toEqual([]);
    expect(r.stdout).toContain('| 规则 | 错误 | 警告 | 提示 |');
    expect(r.stdout).toContain('| 行 | 级别 | 规则 | 句子 | 权威口径 |');
    expect(r.stdout).toContain('**说明**');
  });

  it('github: annotations and the closing line', async () => {
    const r = await run(dir, [...check(dir), '--format', 'github']);
    expect(englishIn(r.stdout.replace(/^::\w+ [^:]*::/gm, ''))).toEqual([]);
    expect(r.stdout).toContain(`${CONTRADICTION_ZH}——权威口径：停缴后余额保留。`);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('claimlint：2 个错误，0 个警告，1 个提示，共 3 个文件');
  });

  it('github: the notice when GitHub would hide annotations', async () => {
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`articles/more-${i}.md`, LAPSE]));
    const more = tree(many);
    const r = await run(more, [...check(more), '--format', 'github']);
    const notice = r.stdout.split('\n')[0]!;
    // 12 errors (11 copies and lapse.md) and 1 stale-year: 13 errors, 10 shown.
    expect(notice).toBe('::notice title=claimlint::claimlint 发现 13 个错误，0 个警告，1 个提示；GitHub 每一步每个级别只显示 10 条注释，另有 3 条未显示。请在本地运行 claimlint 查看完整列表。');
  });

  it('sarif: messages, notifications, rule descriptions and the run’s language', async () => {
    const r = await run(dir, [...check(dir), '--format', 'sarif']);
    const run0 = (JSON.parse(r.stdout) as { runs: Array<Record<string, any>> }).runs[0]!;
    expect(run0.language).toBe('zh-CN');
    const texts: string[] = [
      ...run0.results.map((x: any) => x.message.text),
      ...run0.invocations[0].toolExecutionNotifications.map((n: any) => n.message.text),
      ...run0.tool.driver.rules.flatMap((x: any) => [x.shortDescription.text, x.fullDescription.text, x.help.text, x.help.markdown]),
    ];
    expect(englishIn(texts.join('\n'))).toEqual([]);
    const rule = run0.tool.driver.rules.find((x: any) => x.id === 'claim-contradiction');
    expect(rule.shortDescription.text).toBe('句子断言的取值与登记库中的权威口径相矛盾。');
    expect(rule.help.markdown).toContain('[`claim-contradiction` 的文档](');
  });

  it('codequality: descriptions', async () => {
    const r = await run(dir, [...check(dir), '--format', 'codequality']);
    const descriptions = (JSON.parse(r.stdout) as Array<{ description: string }>).map((x) => x.description);
    expect(englishIn(descriptions.join('\n'))).toEqual([]);
    // The demo claim's source is 《示例文件》, in full-width brackets after the statement.
    expect(descriptions).toContain(`claim-contradiction: ${CONTRADICTION_ZH}——权威口径：停缴后余额保留。（《示例文件》）`);
  });

  it('html: every label, filter, sort choice and count template', async () => {
    const r = await run(dir, [...check(dir), '--format', 'html']);
    const visibleText = r.stdout
      .replace(/<script>[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&quot;/g, '"');
    expect(englishIn(visibleText)).toEqual([]);
    // The templates the page's script fills in (their keys are the script's names, not text).
    const labels = JSON.parse(/data-labels="([^"]*)"/.exec(r.stdout)![1]!.replace(/&quot;/g, '"')) as Record<string, unknown>;
    expect(englishIn(JSON.stringify(Object.values(labels)).replace(/\{[A-Za-z]+\}/g, ' '))).toEqual([]);
    for (const s of ['检查报告', '按规则', '排序', '错误在前', '本视图的链接', '清除筛选', '显示 3 / 3 个问题']) expect(r.stdout).toContain(s);
  });
});

describe('errors and notes of the run in Chinese', () => {
  const dir = tree();
  const cases: Array<[string, string[], string]> = [
    ['a bad --as-of', ['check', 'articles', '--locale', 'zh', '--as-of', 'soon'], '--as-of'],
    ['an unknown format', ['check', 'articles', '--locale', 'zh', '--format', 'xml'], '未知格式“xml”'],
    ['a path that does not exist', ['check', 'nowhere.md', '--locale', 'zh', '--format', 'json'], '无法读取输入：nowhere.md：没有这个文件或目录'],
    ['commander: an unknown option, with its suggestion', ['check', '--locale', 'zh', '--basline', 'x'], '未知的选项“--basline”\n（是不是想用 --baseline？）'],
    ['commander: a missing option argument', ['check', 'articles', '--locale', 'zh', '--as-of'], '选项“--as-of <YYYY-MM-DD>”缺少参数'],
    ['commander: too many arguments', ['baseline', 'write', 'a.json', 'b.json', '--locale', 'zh'], '参数太多（命令“write”）：应为 1 个，实际 2 个'],
    ['coverage: a bad --limit', ['registry', 'coverage', '--locale', 'zh', '--limit', 'lots'], '--limit 需要一个整数，而不是“lots”'],
  ];
  for (const [what, args, expected] of cases) {
    it(what, async () => {
      const r = await run(dir, args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(expected);
      expect(englishIn(r.stderr)).toEqual([]);
    });
  }

  it('an unknown command, in the environment’s language (no --locale)', async () => {
    const r = await run(dir, ['chek'], { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('claimlint: 未知的命令“chek”\n（是不是想用 check？）\n');
  });

  it('baseline write says what it wrote', async () => {
    const r = await run(dir, ['baseline', 'write', 'b.json', '--paths', 'articles', '--registry', join(dir, 'claims'), '--as-of', '2026-06-30', '--locale', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('claimlint: 已把 3 个问题写入 b.json\n');
  });
});

describe('--help in Chinese', () => {
  const dir = tree();
  for (const [what, args, env] of [
    ['the program', ['--help', '--locale', 'zh'], {}],
    ['check, from LANG', ['check', '--help'], { LANG: 'zh_CN.UTF-8' }],
    ['registry coverage', ['registry', 'coverage', '--help', '--locale', 'zh'], {}],
    ['baseline write', ['baseline', 'write', '--help', '--locale', 'zh'], {}],
  ] as Array<[string, string[], Record<string, string>]>) {
    it(what, async () => {
      const r = await run(dir, args, env);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^用法： claimlint/);
      expect(r.stdout).toContain('显示命令的帮助');
      // Usage syntax ([options], <file>) and what each item line starts with (a flag, an argument, a command) are names.
      expect(englishIn(r.stdout.replace(/\[[^\]]*\]|<[^>]*>/g, ' ').replace(/^ {2}\S+/gm, ' '))).toEqual([]);
    });
  }

  it('headings and defaults', async () => {
    const r = await run(dir, ['baseline', 'write', '--help', '--locale', 'zh']);
    expect(r.stdout).toContain('参数：');
    expect(r.stdout).toContain('选项：');
    expect(r.stdout).toContain('基线文件 （默认："claimlint-baseline.json"）');
  });

  it('the usage line’s placeholders, and columns that line up in a terminal (a Chinese character is two columns wide)', async () => {
    const r = await run(dir, ['--help', '--locale', 'zh']);
    expect(r.stdout.split('\n')[0]).toBe('用法： claimlint [选项] [命令]');
    const commands = r.stdout.split('命令：\n')[1]!.split('\n').filter((l) => /^ {2}\S/.test(l));
    expect(commands.map((l) => l.trim().split(/\s{2,}/)[0])).toEqual(['check [选项] [paths...]', 'merge [选项] <files...>', 'baseline', 'extract [选项] [paths...]', 'registry', 'lsp [选项]', 'help [命令]']);
    // Where each description starts, in terminal columns: the same for every command.
    const columns = commands.map((l) => {
      const term = /^ {2}\S.*?\s{2,}/.exec(l)![0];
      return [...term].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uff60]/.test(c) ? 2 : 1), 0);
    });
    expect(new Set(columns).size).toBe(1);
  });
});

describe('config and registry problems in Chinese, still file:line:col', () => {
  it('a config schema problem (an unknown key)', async () => {
    const dir = tree({ 'claimlint.config.yaml': 'registry: claims\nrulez: {}\n' });
    const r = await run(dir, check(dir));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('claimlint: 配置无效：claimlint.config.yaml:2:1: 未知的键“rulez”');
    expect(englishIn(r.stderr)).toEqual([]);
  });

  it('a config schema problem (a wrong type) and a rule option out of range', async () => {
    const dir = tree({ 'claimlint.config.yaml': 'registry: claims\nrules:\n  stale-year:\n    options:\n      minAge: 0\n' });
    const r = await run(dir, check(dir));
    expect(r.stderr).toContain('claimlint.config.yaml:5:15: 规则“stale-year”的选项“minAge”必须 >= 1');
    expect(englishIn(r.stderr)).toEqual([]);
    const other = tree({ 'claimlint.config.yaml': 'corpus: articles\n' });
    const t = await run(other, check(other));
    expect(t.stderr).toContain('claimlint.config.yaml:1:9: “corpus”必须是列表');
    expect(englishIn(t.stderr)).toEqual([]);
  });

  it('a YAML syntax error (the same key twice)', async () => {
    const dir = tree({ 'claimlint.config.yaml': 'registry: claims\nregistry: claims\n' });
    const r = await run(dir, check(dir));
    expect(r.stderr).toContain('claimlint.config.yaml:2:1: 同一个映射里出现了两次相同的键');
    expect(englishIn(r.stderr)).toEqual([]);
  });

  it('registry validate: every problem, and the count', async () => {
    const broken = REGISTRY.replace('    confidence: high\n', '    confidance: high\n');
    const dir = tree({ 'claims/demo.yaml': broken });
    const r = await run(dir, ['registry', 'validate', '--registry', join(dir, 'claims'), '--locale', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('claims/demo.yaml:9:5: 未知的键“confidance”（位于“claims.0”）');
    expect(r.stdout).toContain('claims/demo.yaml:2:5: 缺少必填的键“confidence”（位于“claims.0”）');
    expect(r.stderr).toBe('claimlint: 登记库无效：2 个问题\n');
    expect(englishIn(r.all)).toEqual([]);
  });

  it('registry validate on a valid registry, and registry test', async () => {
    const dir = tree();
    const v = await run(dir, ['registry', 'validate', '--registry', join(dir, 'claims'), '--locale', 'zh']);
    // The bundled lexicon comes along, and none of its concepts is used by the demo claim: each is a warning.
    const lines = v.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^登记库有效：1 条断言，共 1 个文件，.*lexicon\.yaml 中有 (\d+) 个概念，\1 个警告$/);
    expect(lines[0]).toMatch(/lexicon\.yaml:\d+:3: 警告：概念“[a-z-]+”没有被任何断言使用$/);
    expect(englishIn(v.stdout)).toEqual([]);
    const t = await run(dir, ['registry', 'test', '--registry', join(dir, 'claims'), '--locale', 'zh']);
    expect(t.code).toBe(0);
    expect(t.stdout).toBe('✔ demo.balance：3/3 个例句通过\n3 个通过，0 个失败\n');
  });

  it('registry coverage', async () => {
    const dir = tree();
    const r = await run(dir, ['registry', 'coverage', 'articles', '--registry', join(dir, 'claims'), '--as-of', '2026-06-30', '--locale', 'zh']);
    expect(r.code).toBe(0);
    expect(englishIn(r.stdout)).toEqual([]);
    // lapse.md's sentence names 余额 and 停缴 and is read: one sentence about the claim, one read.
    expect(r.stdout).toContain('有 1 句与它有关，读出了 1 句（100%）');
    // Files read: lapse.md and stale.md (the empty file has no sentences to count).
    expect(r.stdout).toContain('1 条断言，2 个文件：1 句与断言有关，读出了 1 句（100%）');
  });
});

describe('the language server in Chinese', () => {
  const dir = tempTree({ 'claims/demo.yaml': REGISTRY, 'claimlint.config.yaml': 'registry: claims\n' });
  const lsp = LspClient.start(dir);
  const initialized = lsp.initialize(dir, { asOf: '2026-11-22', locale: 'zh' });
  afterAll(async () => {
    expect(await lsp.stop()).toBe(0);
  });

  it('diagnostics, hover and quick fixes', async () => {
    await initialized;
    const uri = uriOf(dir, 'lapse.md');
    const opened = lsp.diagnosticsOf(uri, 1);
    await lsp.open(uri, LAPSE);
    const [d] = (await opened) as Diagnostic[];
    expect(d!.message).toBe(CONTRADICTION_ZH);
    const hover = (await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 9 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain('（错误）');
    expect(value).toContain('**权威口径：**停缴后余额保留。');
    expect(value).toContain('**官方来源：**《示例文件》');
    expect(englishIn(value.replace(/\\/g, ''))).toEqual([]);
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d!.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual(['在本行停用 claim-contradiction', '把这个 claim-contradiction 问题加入基线（claimlint-baseline.json）']);
  });
});

describe('the zh catalogue itself', () => {
  it('has no English glue in any message (placeholders, code in backticks and names aside)', () => {
    const zh = parseYaml(readFileSync(join(import.meta.dirname, '..', '..', 'data', 'messages', 'zh.yaml'), 'utf8')) as { messages: Record<string, string | { one?: string; other: string }> };
    const leftovers: string[] = [];
    for (const [id, t] of Object.entries(zh.messages)) {
      const forms = typeof t === 'string' ? [t] : [t.one ?? '', t.other];
      for (const f of forms) {
        const words = englishIn(f.replace(/\{[A-Za-z]+\}/g, ' ').replace(/`[^`]*`/g, ' '));
        if (words.length) leftovers.push(`${id}: ${words.join(' ')}`);
      }
    }
    expect(leftovers).toEqual([]);
  });
});
