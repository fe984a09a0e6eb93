// The HTML report as a content lead works through it: sorting, counts that
// follow the filters, and the view kept in the address so a copied link (even
// to a file on disk) opens the same view. The page's own inline script is run
// in jsdom (no browser); the expected counts are worked out from the findings
// below, the labels from data/messages/en.yaml and zh.yaml.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/formatters/html.js';
import type { Finding, RunResult, Severity } from '../../src/types.js';

let n = 0;
function finding(file: string, line: number, severity: Severity, ruleId: string, claimId?: string): Finding {
  n++;
  return {
    file, line, column: 1, endLine: 1, endColumn: 3, severity, ruleId,
    message: `第${n}条`, excerpt: `句子${n}。`, fingerprint: `fp${n}`,
    ...(claimId ? { claimId } : {}),
  };
}

// a.md, in line order: an info, a warning, two errors (claims b.x, then a.y); b.md: one warning.
const A1 = finding('a.md', 1, 'info', 'unverified-claim');
const A2 = finding('a.md', 2, 'warning', 'stale-year');
const A3 = finding('a.md', 3, 'error', 'claim-contradiction', 'b.x');
const A4 = finding('a.md', 4, 'error', 'claim-contradiction', 'a.y');
const B1 = finding('b.md', 7, 'warning', 'stale-year');
const FINDINGS = [A1, A2, A3, A4, B1];

function result(locale: 'en' | 'zh' = 'en'): RunResult {
  return {
    version: 1, asOf: '2026-11-22', findings: FINDINGS,
    summary: { files: 2, claims: 2, errors: 2, warnings: 2, infos: 1 },
    rules: [], notes: [], locale,
  };
}

function open(hash = '', locale: 'en' | 'zh' = 'en') {
  const dom = new JSDOM(formatHtml(result(locale), { cwd: '/repo', color: false, toolVersion: '0.1.0' }), {
    runScripts: 'dangerously',
    url: `file:///home/lead/report.html${hash}`,
  });
  const { document, Event } = dom.window;
  const form = document.getElementById('filters') as HTMLFormElement;
  const set = (name: string, value: string) => {
    const el = form.elements.namedItem(name) as HTMLSelectElement | HTMLInputElement;
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const group = (file: string) => document.querySelector(`section.group[data-group="file"][data-key="${file}"]`) as HTMLElement;
  /** Lines of the visible findings of a file's group, in page order. */
  const lines = (file: string) =>
    [...group(file).querySelectorAll('article.finding')].filter((a) => !(a as HTMLElement).hidden).map((a) => a.querySelector('.pos')!.textContent!.split(':')[1]);
  return { dom, document, form, set, group, lines, window: dom.window };
}

describe('html report: order, counts and a shareable view', () => {
  it('sorts inside each group: by place, errors first, by claim (findings without one last)', () => {
    const p = open();
    expect(p.lines('a.md')).toEqual(['1', '2', '3', '4']);
    p.set('sort', 'severity');
    expect(p.lines('a.md')).toEqual(['3', '4', '2', '1']);
    p.set('sort', 'claim');
    // a.y before b.x; the two without a claim keep their place order after them.
    expect(p.lines('a.md')).toEqual(['4', '3', '1', '2']);
    p.set('sort', 'position');
    expect(p.lines('a.md')).toEqual(['1', '2', '3', '4']);
  });

  it('counts follow the filters: the line above the list and each group’s heading', () => {
    const p = open();
    expect(p.document.getElementById('shown')!.textContent).toBe('5 of 5 findings shown');
    expect(p.document.getElementById('shown-counts')!.textContent).toBe('2 errors, 2 warnings, 1 info');
    expect(p.group('a.md').querySelector('.meta')!.textContent).toBe('2 errors, 1 warning, 1 info');
    p.set('severity', 'warning');
    expect(p.document.getElementById('shown')!.textContent).toBe('2 of 5 findings shown');
    expect(p.document.getElementById('shown-counts')!.textContent).toBe('0 errors, 2 warnings, 0 infos');
    expect(p.group('a.md').querySelector('.meta')!.textContent).toBe('0 errors, 1 warning, 0 infos');
    expect(p.group('b.md').querySelector('.meta')!.textContent).toBe('0 errors, 1 warning, 0 infos');
  });

  it('writes the view into the address and the "link to this view"', () => {
    const p = open();
    // Untouched, the address is left alone (an anchor such as #file-2 still works).
    expect(p.window.location.hash).toBe('');
    p.set('severity', 'error');
    p.set('q', '句子');
    p.set('sort', 'claim');
    expect(p.window.location.hash).toBe(`#?severity=error&q=${encodeURIComponent('句子')}&sort=claim`);
    expect(p.document.getElementById('permalink')!.getAttribute('href')).toBe(p.window.location.hash);
    // The grouping is part of the view too.
    const byRule = p.document.querySelector('input[name="group"][value="rule"]') as HTMLInputElement;
    byRule.checked = true;
    byRule.dispatchEvent(new p.window.Event('change', { bubbles: true }));
    expect(p.window.location.hash).toContain('group=rule');
  });

  it('a link opens the same view: filters, grouping and order from the address', () => {
    const p = open(`#?severity=error&group=rule&sort=claim`);
    expect((p.form.elements.namedItem('severity') as HTMLSelectElement).value).toBe('error');
    const visible = [...p.document.querySelectorAll('section.group[data-group="rule"]:not([hidden]) article.finding:not([hidden])')];
    expect(visible.map((a) => a.getAttribute('data-claim'))).toEqual(['a.y', 'b.x']);
    for (const g of p.document.querySelectorAll('section.group[data-group="file"]')) expect((g as HTMLElement).hidden).toBe(true);
    expect(p.document.getElementById('shown')!.textContent).toBe('2 of 5 findings shown');
  });

  it('follows the address when it changes (back button, a pasted link)', () => {
    const p = open();
    p.window.location.hash = `#?file=${encodeURIComponent('b.md')}`;
    p.window.dispatchEvent(new p.window.HashChangeEvent('hashchange'));
    expect(p.group('a.md').hidden).toBe(true);
    expect(p.lines('b.md')).toEqual(['7']);
  });

  it('a value this report does not have, or a damaged link, leaves that filter off', () => {
    const p = open('#?rule=no-such-rule&file=%E0%A4%A&severity=info');
    expect((p.form.elements.namedItem('rule') as HTMLSelectElement).value).toBe('');
    expect((p.form.elements.namedItem('file') as HTMLSelectElement).value).toBe('');
    expect(p.lines('a.md')).toEqual(['1']);
  });

  it('in Chinese when the run is: sort choices, counts and the link', () => {
    const p = open('', 'zh');
    const sort = p.form.elements.namedItem('sort') as HTMLSelectElement;
    expect([...sort.options].map((o) => o.textContent)).toEqual(['按位置', '错误在前', '按规则', '按断言']);
    expect(p.document.getElementById('permalink')!.textContent).toBe('本视图的链接');
    p.set('severity', 'warning');
    expect(p.document.getElementById('shown')!.textContent).toBe('显示 2 / 5 个问题');
    expect(p.group('a.md').querySelector('.meta')!.textContent).toBe('0 个错误，1 个警告，0 个提示');
  });
});
