// `claimlint lsp --stdio` as an editor meets it: a real server process, spoken
// to over stdio with the Language Server Protocol.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CodeAction, Hover, TextEdit } from 'vscode-languageserver/node';
import { demoClaim } from '../helpers/demo-registry.js';
import { tempTree } from '../helpers/cli.js';
import { LspClient, uriOf } from '../helpers/lsp-client.js';

// The tests' own one-claim registry: findings here do not move when the bundled registry is tuned.
const REGISTRY = demoClaim({ all: '余额', any: '停缴', kept: '保留', gone: '清零' });
const CONTRADICTION = '停缴以后账户余额清零。';
const SUPPORTED = '停缴以后账户余额保留。';
const ARTICLE = `# 停缴以后\n\n${CONTRADICTION}\n`;
const AS_OF = { asOf: '2026-11-22' };

const OTHER = '# 佛山门诊\n\n2025年起，佛山职工医保普通门诊统筹年度最高支付限额为5000元。\n';

function start(files: Record<string, string> = {}): { dir: string; lsp: LspClient } {
  const dir = tempTree({ 'claims/demo.yaml': REGISTRY, ...files });
  return { dir, lsp: LspClient.start(dir) };
}

/** A text with the edits applied (each an insertion or replacement within one line, as the server makes them). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  for (const e of [...edits].sort((a, b) => b.range.start.character - a.range.start.character)) {
    const l = e.range.start.line;
    lines[l] = lines[l]!.slice(0, e.range.start.character) + e.newText + lines[l]!.slice(e.range.end.character);
  }
  return lines.join('\n');
}

// One server for the workspace these tests share (starting one costs a registry load); each test opens its own file.
describe('claimlint lsp --stdio', () => {
  const { dir, lsp } = start({ 'corpus/other.md': OTHER });
  const initialized = lsp.initialize(dir, AS_OF);
  afterAll(async () => {
    expect(await lsp.stop()).toBe(0);
  });

  it('answers initialize with what it can do', async () => {
    const init = await initialized;
    expect(init.serverInfo?.name).toBe('claimlint');
    expect(init.capabilities).toMatchObject({
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      executeCommandProvider: { commands: ['claimlint.addToBaseline'] },
      textDocumentSync: { openClose: true, change: 2 },
    });
  });

  it('reports a contradiction on open with its rule id and range, and an empty list once it is edited away', async () => {
    const uri = uriOf(dir, 'lapse-edit.md');
    const opened = lsp.diagnosticsOf(uri, 1);
    await lsp.open(uri, ARTICLE);
    const [d, ...rest] = await opened;
    expect(rest).toEqual([]);
    // 清零 is the 9th and 10th character of the third line: 0-based line 2, characters 8 to 10.
    expect(d).toMatchObject({
      code: 'claim-contradiction',
      source: 'claimlint',
      severity: 1,
      range: { start: { line: 2, character: 8 }, end: { line: 2, character: 10 } },
    });
    expect(d!.message).toContain('the canonical value is 保留');

    const edited = lsp.diagnosticsOf(uri, 2);
    await lsp.replace(uri, 2, ARTICLE.replace(CONTRADICTION, SUPPORTED));
    expect(await edited).toEqual([]);
  });

  it('shows the canonical statement and its official source on hover', async () => {
    const uri = uriOf(dir, 'lapse-hover.md');
    const opened = lsp.diagnosticsOf(uri, 1);
    await lsp.open(uri, ARTICLE);
    await opened;
    const hover = (await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 9 } })) as Hover;
    const value = (hover.contents as { kind: string; value: string }).value;
    expect((hover.contents as { kind: string }).kind).toBe('markdown');
    expect(value).toContain('`claim-contradiction`');
    expect(value).toContain('**Canonical:** 停缴后余额保留。');
    expect(value).toContain('**Official source:** 《示例文件》');
    expect(hover.range).toEqual({ start: { line: 2, character: 8 }, end: { line: 2, character: 10 } });
    const elsewhere = await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    expect(elsewhere).toBeNull();
  });

  it('offers "disable for this line", whose comment silences the finding', async () => {
    const uri = uriOf(dir, 'lapse-disable.md');
    const opened = lsp.diagnosticsOf(uri, 1);
    await lsp.open(uri, ARTICLE);
    const diagnostics = await opened;
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics },
    })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual([
      'Disable claim-contradiction for this line',
      'Add this claim-contradiction finding to the baseline (claimlint-baseline.json)',
    ]);
    expect(actions[0]!.diagnostics).toEqual(diagnostics);
    const edits = actions[0]!.edit!.changes![uri]!;
    // At the end of the line, straight after the Chinese full stop (11 characters).
    expect(edits).toEqual([{ range: { start: { line: 2, character: 11 }, end: { line: 2, character: 11 } }, newText: '<!-- claimlint-disable-line claim-contradiction -->' }]);
    const fixed = applyEdits(ARTICLE, edits);
    expect(fixed).toBe(`# 停缴以后\n\n${CONTRADICTION}<!-- claimlint-disable-line claim-contradiction -->\n`);
    const after = lsp.diagnosticsOf(uri, 2);
    await lsp.replace(uri, 2, fixed);
    // Empty: the finding is suppressed, and the comment is not reported as suppressing nothing.
    expect(await after).toEqual([]);
  });

  it('adds a finding to the baseline file, which then hides it', async () => {
    const uri = uriOf(dir, 'lapse-baseline.md');
    const opened = lsp.diagnosticsOf(uri, 1);
    await lsp.open(uri, ARTICLE);
    const diagnostics = await opened;
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } })) as CodeAction[];
    const command = actions.find((a) => a.command)!.command!;
    const republished = lsp.diagnostics(uri);
    await lsp.connection.sendRequest('workspace/executeCommand', { command: command.command, arguments: command.arguments });
    expect(await republished).toEqual([]);
    const baseline = JSON.parse(readFileSync(join(dir, 'claimlint-baseline.json'), 'utf8')) as { version: number; findings: Record<string, unknown>[] };
    expect(baseline.version).toBe(2);
    expect(baseline.findings).toEqual([
      { file: 'lapse-baseline.md', ruleId: 'claim-contradiction', fingerprint: (diagnostics[0]!.data as { fingerprint: string }).fingerprint, line: 3, excerpt: CONTRADICTION },
    ]);
  });

  it('reads a plain-text page: diagnostics, but no comment to disable them with', async () => {
    const uri = uriOf(dir, 'page.txt');
    const opened = lsp.diagnosticsOf(uri, 1);
    await lsp.open(uri, `${CONTRADICTION}\n`, 'plaintext');
    const diagnostics = await opened;
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([['claim-contradiction', 0, 8]]);
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual(['Add this claim-contradiction finding to the baseline (claimlint-baseline.json)']);
  });

  it('offers no comment inside front matter, where it would become part of the YAML', async () => {
    const uri = uriOf(dir, 'front-matter.md');
    const opened = lsp.diagnosticsOf(uri, 1);
    await lsp.open(uri, '---\ntitle: 2024年最新医保政策\n---\n\n正文。\n');
    const diagnostics = await opened;
    // 2024 starts at the 8th character of the title line (the second line).
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([['stale-year', 1, 7]]);
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual(['Add this stale-year finding to the baseline (claimlint-baseline.json)']);
  });

  it('uses the workspace corpus for cross-article conflicts, and follows a file changed on disk', async () => {
    const uri = uriOf(dir, 'corpus/new.md');
    const opened = lsp.diagnosticsOf(uri, 1);
    await lsp.open(uri, '# 佛山门诊报销\n\n2025年起，佛山职工医保普通门诊统筹年度最高支付限额为3000元。\n');
    const [conflict, ...rest] = await opened;
    expect(rest).toEqual([]);
    expect(conflict).toMatchObject({ code: 'corpus-conflict', severity: 1, range: { start: { line: 2 } } });
    expect(conflict!.message).toContain('3000元（2025年） here, 5000元（2025年） in 1 other article');
    // The other side is the file on disk, never opened in the editor.
    expect(conflict!.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line])).toEqual([[uriOf(dir, 'corpus/other.md'), 2]]);

    writeFileSync(join(dir, 'corpus/other.md'), OTHER.replace('5000元', '3000元'));
    const settled = lsp.diagnostics(uri);
    await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, 'corpus/other.md'), type: 2 }] });
    expect(await settled).toEqual([]);

    // A file created in the corpus joins it.
    writeFileSync(join(dir, 'corpus/third.md'), OTHER);
    const again = lsp.diagnostics(uri);
    await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, 'corpus/third.md'), type: 1 }] });
    expect((await again).map((d) => [d.code, d.relatedInformation?.map((r) => r.location.uri)])).toEqual([['corpus-conflict', [uriOf(dir, 'corpus/third.md')]]]);
  });

  it('clears a closed document’s diagnostics', async () => {
    const uri = uriOf(dir, 'closing.md');
    const opened = lsp.diagnosticsOf(uri, 1);
    await lsp.open(uri, ARTICLE);
    expect((await opened).map((d) => d.code)).toEqual(['claim-contradiction']);
    const cleared = lsp.diagnostics(uri);
    await lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    expect(await cleared).toEqual([]);
  });

  // Last in this workspace: the config it writes turns the rule off for every later check.
  it('reloads when the config changes', async () => {
    const uri = uriOf(dir, 'configured.md');
    const opened = lsp.diagnosticsOf(uri, 1);
    await lsp.open(uri, ARTICLE);
    expect((await opened).map((d) => d.code)).toEqual(['claim-contradiction']);
    writeFileSync(join(dir, 'claimlint.config.yaml'), 'rules:\n  claim-contradiction: off\n');
    const reloaded = lsp.diagnostics(uri);
    await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, 'claimlint.config.yaml'), type: 1 }] });
    expect(await reloaded).toEqual([]);
  });

});

describe('claimlint lsp --stdio with a broken registry', () => {
  it('stays up and says why', async () => {
    const { dir, lsp } = start({ 'claims/demo.yaml': 'claims: [ {id: x} ]\n' });
    await lsp.initialize(dir, AS_OF);
    const uri = uriOf(dir, 'lapse.md');
    await lsp.open(uri, ARTICLE);
    // A request after the load has failed still gets its answer.
    const hover = await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 9 } });
    expect(hover).toBeNull();
    expect(lsp.messages.map((m) => [m.type, m.message.split(':')[0]])).toEqual([[1, 'claimlint']]);
    expect(lsp.messages[0]!.message).toMatch(/^claimlint: invalid registry: claims\/demo\.yaml:1/);
    expect(await lsp.stop()).toBe(0);
  });
});
