// The HTML report, read as a browser would: parsed by jsdom, and for the
// filters with its inline script run. Expected counts and orders are worked
// out from the findings below, not taken from the formatter's output.

import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { escapeHtml, formatHtml, highlightOf, tallyByTopic } from '../../src/formatters/html.js';
import type { FormatterOptions } from '../../src/formatters/index.js';
import type { Finding, RuleMeta, RunResult, Severity } from '../../src/types.js';
import { check } from '../../src/engine/run.js';
import { tempTree } from '../helpers/cli.js';
import { main } from '../../src/cli/main.js';

const opts: FormatterOptions = { cwd: '/repo', color: false, toolVersion: '0.1.0' };

const RULES: RuleMeta[] = [
  { id: 'claim-contradiction', type: 'problem', defaultSeverity: 'error', description: '与登记的规范说法相反的陈述', docs: '' },
  { id: 'stale-year', type: 'problem', defaultSeverity: 'error', description: '把过去的年份说成现行', docs: '' },
  { id: 'region-conflict', type: 'problem', defaultSeverity: 'error', description: '标题地区与正文地区不一致', docs: '' },
];

let n = 0;
function finding(over: Partial<Finding> & { file: string; severity: Severity; ruleId: string }): Finding {
  n++;
  return {
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 5,
    message: `m${n}`,
    excerpt: `第${n}句。`,
    fingerprint: `fp${n}`,
    ...over,
  };
}

// lapse.md: 2 errors (one claim each of two topics) and a warning; rates.md: 1 warning; other.md: 1 info.
const lapse1 = finding({
  file: 'corpus/lapse.md', severity: 'error', ruleId: 'claim-contradiction', line: 3, column: 11, endLine: 3, endColumn: 13,
  excerpt: '断缴三个月后余额清零。', context: { line: 3, column: 3, endLine: 3, endColumn: 14 },
  message: '停缴后个人账户余额：“清零” asserts 余额清零（作废）', claimId: 'personal-account.balance-after-lapse',
  expected: '停缴后个人账户余额不清零，可继续使用', source: '国办发〔2021〕14号',
  related: [{ file: 'corpus/other.md', line: 3, column: 5, endLine: 3, endColumn: 20, excerpt: '停缴后个人账户余额不会清零', message: 'says 余额保留' }],
});
const lapse2 = finding({ file: 'corpus/lapse.md', severity: 'error', ruleId: 'claim-contradiction', line: 5, claimId: 'waiting-period.after-gap' });
const lapse3 = finding({ file: 'corpus/lapse.md', severity: 'warning', ruleId: 'stale-year', line: 8, excerpt: '2024年最新缴费标准' });
const rates = finding({ file: 'corpus/rates.md', severity: 'warning', ruleId: 'stale-year', line: 1 });
const other = finding({ file: 'corpus/other.md', severity: 'info', ruleId: 'region-conflict', line: 2, claimId: 'personal-account.cash-out' });
const all = [lapse1, lapse2, lapse3, other, rates];

function resultOf(findings: readonly Finding[], locale?: 'zh' | 'en'): RunResult {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    version: 1,
    asOf: '2026-11-22',
    findings,
    summary: { files: 3, claims: 12, errors: count('error'), warnings: count('warning'), infos: count('info') },
    rules: RULES,
    notes: ['跳过了 corpus/empty.md：文件为空'],
    ...(locale ? { locale } : {}),
  };
}

/** The page parsed, scripts not run. */
function parse(html: string): Document {
  return new JSDOM(html).window.document;
}

/** The page with its inline script run, as a browser opening the file would. */
function open(html: string): { document: Document; window: JSDOM['window'] } {
  const dom = new JSDOM(html, { runScripts: 'dangerously' });
  return { document: dom.window.document, window: dom.window };
}

const texts = (nodes: Iterable<Element>) => [...nodes].map((e) => e.textContent!.trim());
const visible = (d: Document) => [...d.querySelectorAll('article.finding')].filter((a) => !(a as HTMLElement).hidden && !(a.closest('section.group') as HTMLElement).hidden);

describe('html report: one self-contained page', () => {
  const html = formatHtml(resultOf(all), opts);
  const d = parse(html);

  it('loads nothing from outside: one inline script, one inline style, no links or sources', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(d.querySelector('meta[charset]')!.getAttribute('charset')).toBe('utf-8');
    expect(d.querySelectorAll('script')).toHaveLength(1);
    expect(d.querySelector('script')!.hasAttribute('src')).toBe(false);
    expect(d.querySelectorAll('style')).toHaveLength(1);
    expect(d.querySelectorAll('link, img, iframe, [src]')).toHaveLength(0);
    for (const e of d.querySelectorAll('*')) {
      for (const a of e.attributes) expect(a.value).not.toMatch(/^(?:https?:)?\/\//);
    }
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('totals by severity, by rule and by topic, and files worst first', () => {
    expect(texts(d.querySelectorAll('#summary .card b'))).toEqual(['2', '2', '1', '3', '12']);
    const ruleRows = [...d.querySelectorAll('#rules tbody tr')].map((r) => [r.getAttribute('data-rule'), ...texts(r.querySelectorAll('td.n'))]);
    expect(ruleRows).toEqual([
      ['claim-contradiction', '2', '0', '0', '2'],
      ['stale-year', '0', '2', '0', '2'],
      ['region-conflict', '0', '0', '1', '1'],
    ]);
    // A rule the catalogue describes is described in the run's language (data/messages/en.yaml), not by its meta.
    expect(d.querySelector('#rules tbody tr td:nth-child(2)')!.textContent).toBe('A sentence asserts a value that contradicts the canonical claim in the registry.');
    const topicRows = [...d.querySelectorAll('#topics tbody tr')].map((r) => [r.getAttribute('data-topic'), ...texts(r.querySelectorAll('td.n'))]);
    // personal-account: 1 error + 1 info; waiting-period: 1 error; no claim: the two stale years.
    expect(topicRows).toEqual([
      ['personal-account', '1', '0', '1', '2'],
      ['waiting-period', '1', '0', '0', '1'],
      ['', '0', '2', '0', '2'],
    ]);
    expect(texts(d.querySelectorAll('#worst-files tbody tr a'))).toEqual(['corpus/lapse.md', 'corpus/rates.md', 'corpus/other.md']);
    expect(d.querySelector('#worst-files a')!.getAttribute('href')).toBe('#file-1');
    expect(d.getElementById('file-1')!.getAttribute('data-key')).toBe('corpus/lapse.md');
  });

  it('groups the findings by file, worst file first, every finding once', () => {
    const groups = [...d.querySelectorAll('section.group[data-group="file"]')];
    expect(groups.map((g) => g.getAttribute('data-key'))).toEqual(['corpus/lapse.md', 'corpus/rates.md', 'corpus/other.md']);
    expect(groups.map((g) => g.querySelectorAll('article.finding').length)).toEqual([3, 1, 1]);
    expect(d.querySelectorAll('article.finding')).toHaveLength(5);
    // Rule groups are there, empty and hidden, until the reader groups by rule.
    const ruleGroups = [...d.querySelectorAll('section.group[data-group="rule"]')];
    expect(ruleGroups.map((g) => g.getAttribute('data-key'))).toEqual(['claim-contradiction', 'stale-year', 'region-conflict']);
    for (const g of ruleGroups) {
      expect((g as HTMLElement).hidden).toBe(true);
      expect(g.querySelectorAll('article')).toHaveLength(0);
    }
  });

  it('shows the sentence with the reported words marked, the canonical statement, its source and the other side', () => {
    const a = d.querySelector('article.finding[data-claim="personal-account.balance-after-lapse"]')!;
    expect(a.getAttribute('data-severity')).toBe('error');
    expect(a.getAttribute('data-rule')).toBe('claim-contradiction');
    expect(a.getAttribute('data-file')).toBe('corpus/lapse.md');
    expect(a.querySelector('.msg')!.textContent).toBe(lapse1.message);
    // Columns 11–13 of a sentence starting at column 3: characters 8–10, 清零.
    expect(a.querySelector('.sentence')!.textContent).toBe('断缴三个月后余额清零。');
    expect(texts(a.querySelectorAll('.sentence mark'))).toEqual(['清零']);
    expect(a.querySelector('.canonical .statement')!.textContent).toBe('停缴后个人账户余额不清零，可继续使用');
    expect(a.querySelector('.canonical cite')!.textContent).toBe('国办发〔2021〕14号');
    expect(a.querySelector('.related li')!.textContent).toBe('corpus/other.md:3:5 停缴后个人账户余额不会清零 (says 余额保留)');
    // A finding without a position inside its sentence marks nothing.
    expect(d.querySelector('article.finding[data-claim="waiting-period.after-gap"] .sentence mark')).toBeNull();
  });

  it('hides the filters when scripts do not run, and lists every note', () => {
    expect((d.getElementById('filters') as HTMLElement).hidden).toBe(true);
    expect(texts(d.querySelectorAll('.notes li'))).toEqual(['跳过了 corpus/empty.md：文件为空']);
  });
});

describe('html report: filters and grouping (script run)', () => {
  const html = formatHtml(resultOf(all), opts);

  function change(doc: Document, win: JSDOM['window'], name: string, value: string): void {
    const form = doc.getElementById('filters') as HTMLFormElement;
    const el = form.elements.namedItem(name) as HTMLSelectElement | HTMLInputElement;
    el.value = value;
    el.dispatchEvent(new win.Event('change', { bubbles: true }));
  }

  it('shows the form and every finding at first', () => {
    const { document } = open(html);
    expect((document.getElementById('filters') as HTMLElement).hidden).toBe(false);
    expect(visible(document)).toHaveLength(5);
    expect(document.getElementById('shown')!.textContent).toBe('5 of 5 findings shown');
  });

  it('filters by severity, rule, claim, file and text, and hides emptied groups', () => {
    const { document, window } = open(html);
    change(document, window, 'severity', 'warning');
    expect(visible(document).map((a) => a.getAttribute('data-file'))).toEqual(['corpus/lapse.md', 'corpus/rates.md']);
    expect((document.querySelector('section.group[data-key="corpus/other.md"]') as HTMLElement).hidden).toBe(true);
    expect(document.getElementById('shown')!.textContent).toBe('2 of 5 findings shown');
    change(document, window, 'file', 'corpus/rates.md');
    expect(visible(document)).toEqual([document.querySelector('article.finding[data-file="corpus/rates.md"]')]);
    change(document, window, 'severity', '');
    change(document, window, 'file', '');
    change(document, window, 'claim', 'personal-account.cash-out');
    expect(visible(document).map((a) => a.getAttribute('data-rule'))).toEqual(['region-conflict']);
    change(document, window, 'claim', '');
    change(document, window, 'rule', 'claim-contradiction');
    expect(visible(document)).toHaveLength(2);
    change(document, window, 'rule', '');
    change(document, window, 'q', '最新缴费');
    expect(visible(document).map((a) => a.querySelector('.sentence')!.textContent)).toEqual(['2024年最新缴费标准']);
  });

  it('regroups by rule and back, keeping each group in the page order', () => {
    const { document, window } = open(html);
    const radio = document.querySelector('input[name="group"][value="rule"]') as HTMLInputElement;
    radio.checked = true;
    radio.dispatchEvent(new window.Event('change', { bubbles: true }));
    for (const g of document.querySelectorAll('section.group[data-group="file"]')) expect((g as HTMLElement).hidden).toBe(true);
    const byRule = [...document.querySelectorAll('section.group[data-group="rule"]')].map((g) => [
      g.getAttribute('data-key'),
      (g as HTMLElement).hidden,
      [...g.querySelectorAll('article.finding')].map((a) => a.getAttribute('data-file')),
    ]);
    expect(byRule).toEqual([
      ['claim-contradiction', false, ['corpus/lapse.md', 'corpus/lapse.md']],
      ['stale-year', false, ['corpus/lapse.md', 'corpus/rates.md']],
      ['region-conflict', false, ['corpus/other.md']],
    ]);
    const back = document.querySelector('input[name="group"][value="file"]') as HTMLInputElement;
    back.checked = true;
    back.dispatchEvent(new window.Event('change', { bubbles: true }));
    expect([...document.querySelectorAll('section.group[data-key="corpus/lapse.md"] article')].map((a) => a.getAttribute('data-index'))).toEqual(['0', '1', '2']);
  });

  it('a rule in the totals table sets the rule filter', () => {
    const { document } = open(html);
    (document.querySelector('#rules button.filter[data-value="stale-year"]') as HTMLButtonElement).click();
    expect(visible(document).map((a) => a.getAttribute('data-rule'))).toEqual(['stale-year', 'stale-year']);
    expect(((document.getElementById('filters') as HTMLFormElement).elements.namedItem('rule') as HTMLSelectElement).value).toBe('stale-year');
  });
});

describe('html report: text from articles and languages', () => {
  it('escapes article text everywhere: it is text, never markup', () => {
    const evil = finding({
      file: 'corpus/<x>.md', severity: 'error', ruleId: 'claim-contradiction',
      excerpt: '<script>alert("x")</script>医保', message: 'a & b', expected: '<b>粗</b>', source: "O'Brien", claimId: 'a"b',
    });
    const html = formatHtml(resultOf([evil]), opts);
    const d = parse(html);
    expect(d.querySelectorAll('script')).toHaveLength(1);
    const a = d.querySelector('article.finding')!;
    expect(a.querySelector('.sentence')!.textContent).toBe('<script>alert("x")</script>医保');
    expect(a.querySelector('.msg')!.textContent).toBe('a & b');
    expect(a.querySelector('.canonical b')).toBeNull();
    expect(a.querySelector('.canonical .statement')!.textContent).toBe('<b>粗</b>');
    expect(a.querySelector('cite')!.textContent).toBe("O'Brien");
    expect(a.getAttribute('data-file')).toBe('corpus/<x>.md');
    expect(a.getAttribute('data-claim')).toBe('a"b');
    expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });

  it('labels in Chinese with locale zh', () => {
    const { document } = open(formatHtml(resultOf(all, 'zh'), opts));
    expect(document.querySelector('h1')!.textContent).toBe('claimlint 检查报告');
    expect(document.title).toBe('claimlint 检查报告');
    expect(document.querySelector('article.finding .sev')!.textContent).toBe('错误');
    expect(document.querySelector('#rules h2')!.textContent).toBe('按规则');
    expect(document.querySelector('#topics h2')!.textContent).toBe('按主题');
    expect(texts(document.querySelectorAll('#summary .card'))).toEqual(['2 个错误', '2 个警告', '1 个提示', '3 个文件', '12 条断言']);
    expect(document.getElementById('shown')!.textContent).toBe('显示 5 / 5 个问题');
    expect(document.querySelector('.canonical .label')!.textContent).toBe('权威口径');
    expect(document.querySelector('select[name="severity"] option')!.textContent).toBe('全部');
  });

  it('a clean run says so and carries no script', () => {
    const d = parse(formatHtml(resultOf([]), opts));
    expect(d.querySelectorAll('script')).toHaveLength(0);
    expect(d.body.textContent).toContain('No problems found.');
  });

  it('topics come from the claim id, findings without one last', () => {
    expect(tallyByTopic(all).map((t) => t.topic)).toEqual(['personal-account', 'waiting-period', undefined]);
  });
});

describe('html report: links to the source line', () => {
  it('links each finding through the config’s URL template, paths from the repository root', () => {
    const cn = finding({ file: 'corpus/报销 比例.md', severity: 'warning', ruleId: 'stale-year', line: 12 });
    const outside = finding({ file: '../../elsewhere/a.md', severity: 'info', ruleId: 'stale-year', line: 2 });
    const html = formatHtml(resultOf([lapse1, cn, outside]), {
      ...opts,
      cwd: '/repo/site',
      root: '/repo',
      sourceUrl: 'https://example.org/org/repo/blob/main/{file}#L{line}',
    });
    const d = parse(html);
    const href = (file: string) => d.querySelector(`article.finding[data-file="${file}"] a.pos`)?.getAttribute('href');
    expect(href('corpus/lapse.md')).toBe('https://example.org/org/repo/blob/main/site/corpus/lapse.md#L3');
    expect(href('corpus/报销 比例.md')).toBe('https://example.org/org/repo/blob/main/site/corpus/%E6%8A%A5%E9%94%80%20%E6%AF%94%E4%BE%8B.md#L12');
    // A file outside the repository has no blob URL: its place stays plain text.
    expect(href('../../elsewhere/a.md')).toBeUndefined();
    expect(d.querySelector('article.finding[data-file="../../elsewhere/a.md"] span.pos')!.textContent).toBe('../../elsewhere/a.md:2:1');
  });

  it('takes the template from the config on the command line', async () => {
    const dir = tempTree({
      'claimlint.config.yaml': 'sourceUrl: "https://example.org/org/repo/blob/main/{file}#L{line}"\n',
      'articles/lapse.md': '# 停缴\n\n医保停缴超过3个月，个人账户余额会被清零。\n',
    });
    let stdout = '';
    const io = { cwd: dir, stdout: (t: string) => void (stdout += t), stderr: () => undefined, isTTY: false, env: {}, readStdin: () => '' };
    expect(await main(['check', 'articles', '--format', 'html', '--as-of', '2026-06-30'], io)).toBe(1);
    // Not a git checkout: paths are from the working directory.
    expect(parse(stdout).querySelector('article.finding a.pos')!.getAttribute('href')).toBe('https://example.org/org/repo/blob/main/articles/lapse.md#L3');
  });

  it('no template, no links', () => {
    expect(parse(formatHtml(resultOf(all), opts)).querySelectorAll('a.pos')).toHaveLength(0);
  });
});

describe('html report from a real run', () => {
  it('marks the words the engine read in the sentence, labels and message in Chinese', async () => {
    const text = '# 停缴\n\n医保停缴超过3个月，个人账户余额会被清零。\n';
    const outcome = await check({ cwd: tempTree({}), paths: ['-'], asOf: '2026-06-30', stdin: { name: 'a.md', bytes: Buffer.from(text) }, locale: 'zh' });
    const f = outcome.result.findings.find((x) => x.ruleId === 'claim-contradiction')!;
    expect(f.message).toContain('文中“清零”意为“余额清零（作废）”，与权威口径“余额保留（不清零）”不符');
    // 医保停缴超过3个月，个人账户余额会被 is 18 characters; 清零 follows.
    expect(f.highlight).toEqual([18, 20]);
    const d = parse(formatHtml(outcome.result, opts));
    const a = d.querySelector('article.finding[data-rule="claim-contradiction"]')!;
    expect(a.querySelector('.sentence')!.textContent).toBe('医保停缴超过3个月，个人账户余额会被清零。');
    expect(texts(a.querySelectorAll('.sentence mark'))).toEqual(['清零']);
    expect(a.querySelector('.msg')!.textContent).toBe(f.message);
    expect(a.querySelector('.sev')!.textContent).toBe('错误');
    expect(highlightOf(f)).toEqual([18, 20]);
  });
});
