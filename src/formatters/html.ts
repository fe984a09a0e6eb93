// `--format html`: one self-contained page a content lead can open or share:
// totals by severity and by rule, the worst files, then every finding with its
// sentence, what is wrong, the canonical statement and its source, and the
// other side of a conflict. Inline CSS only: no scripts, no external assets.

import type { Finding, RuleMeta, RunResult, Severity } from '../types.js';
import type { Formatter, FormatterOptions } from './index.js';
import { countsPhrase, plural, rankFiles, tallyByRule, type FileTally } from './tally.js';
import { pushAll } from '../arrays.js';

/** How many files the "worst files" list shows. */
const WORST_FILES = 10;

const HTML_SPECIALS = /[&<>"']/g;
const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(HTML_SPECIALS, (c) => HTML_ESCAPES[c]!);
}

const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'info' };

const STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: #1f2328; background: #fff; line-height: 1.6; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; word-break: break-all; }
.meta { color: #59636e; margin-top: 0; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.cards { display: flex; gap: .75rem; flex-wrap: wrap; margin: 1rem 0; }
.card { border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem 1rem; min-width: 7rem; }
.card b { display: block; font-size: 1.5rem; }
.sev { display: inline-block; border-radius: 1rem; padding: 0 .6rem; font-size: .85rem; font-weight: 600; }
.sev-error { background: #ffebe9; color: #a40e26; }
.sev-warning { background: #fff8c5; color: #7d4e00; }
.sev-info { background: #ddf4ff; color: #0550ae; }
.finding { border: 1px solid #d0d7de; border-left-width: 4px; border-radius: 6px; padding: .6rem .9rem; margin: .75rem 0; }
.finding.error { border-left-color: #cf222e; }
.finding.warning { border-left-color: #bf8700; }
.finding.info { border-left-color: #0969da; }
.finding header { display: flex; gap: .6rem; align-items: baseline; flex-wrap: wrap; }
.pos, .rule { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; color: #59636e; }
.sentence { margin: .5rem 0; padding: .3rem .6rem; background: #fff8c5; border-radius: 4px; }
.canonical { margin: .3rem 0; }
cite { font-style: normal; }
.canonical .label, .related .label { font-size: .85rem; color: #59636e; margin: 0 .3rem 0 .6rem; }
.canonical .label:first-child, .related .label:first-child { margin-left: 0; }
.related { margin: .3rem 0 0; padding-left: 1.2rem; }
.notes { color: #59636e; }
footer { margin-top: 3rem; color: #59636e; font-size: .85rem; }
`;

function severityBadge(s: Severity): string {
  return `<span class="sev sev-${s}">${SEVERITY_LABEL[s]}</span>`;
}

function summarySection(result: RunResult): string[] {
  const s = result.summary;
  const card = (n: number, label: string, cls = ''): string =>
    `<div class="card${cls}"><b>${n}</b>${escapeHtml(label)}</div>`;
  return [
    '<section id="summary">',
    '<h2>Summary</h2>',
    '<div class="cards">',
    card(s.errors, s.errors === 1 ? 'error' : 'errors', ' sev-error'),
    card(s.warnings, s.warnings === 1 ? 'warning' : 'warnings', ' sev-warning'),
    card(s.infos, s.infos === 1 ? 'info' : 'infos', ' sev-info'),
    card(s.files, s.files === 1 ? 'file checked' : 'files checked'),
    card(s.claims, s.claims === 1 ? 'claim checked' : 'claims checked'),
    '</div>',
    '</section>',
  ];
}

function rulesSection(findings: readonly Finding[], rules: readonly RuleMeta[]): string[] {
  const described = new Map(rules.map((r) => [r.id, r.description]));
  const rows = tallyByRule(findings).map(
    (t) =>
      `<tr><td><code>${escapeHtml(t.ruleId)}</code></td><td>${escapeHtml(described.get(t.ruleId) ?? '')}</td>` +
      `<td class="n">${t.errors}</td><td class="n">${t.warnings}</td><td class="n">${t.infos}</td>` +
      `<td class="n">${t.errors + t.warnings + t.infos}</td></tr>`,
  );
  return [
    '<section id="rules">',
    '<h2>By rule</h2>',
    '<table><thead><tr><th>Rule</th><th>What it reports</th><th>Errors</th><th>Warnings</th><th>Infos</th><th>Total</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ];
}

function worstFilesSection(files: readonly FileTally[], anchors: ReadonlyMap<string, string>): string[] {
  const rows = files.slice(0, WORST_FILES).map(
    (f) =>
      `<tr><td><a href="#${anchors.get(f.file)!}">${escapeHtml(f.file)}</a></td>` +
      `<td class="n">${f.errors}</td><td class="n">${f.warnings}</td><td class="n">${f.infos}</td></tr>`,
  );
  const more = files.length > WORST_FILES ? `<p class="meta">and ${plural(files.length - WORST_FILES, 'more file')} below.</p>` : '';
  return [
    '<section id="worst-files">',
    '<h2>Worst files</h2>',
    '<table><thead><tr><th>File</th><th>Errors</th><th>Warnings</th><th>Infos</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
    more,
    '</section>',
  ];
}

function findingArticle(f: Finding): string {
  const parts = [
    `<article class="finding ${f.severity}">`,
    `<header>${severityBadge(f.severity)}<span class="pos">${f.line}:${f.column}</span>` +
      `<span class="msg">${escapeHtml(f.message)}</span><span class="rule">${escapeHtml(f.ruleId)}</span></header>`,
    `<blockquote class="sentence">${escapeHtml(f.excerpt)}</blockquote>`,
  ];
  if (f.expected !== undefined) {
    const source =
      f.source !== undefined ? ` <span class="label">Source:</span><cite>${escapeHtml(f.source)}</cite>` : '';
    parts.push(`<p class="canonical"><span class="label">Canonical:</span>${escapeHtml(f.expected)}${source}</p>`);
  }
  if (f.related !== undefined && f.related.length > 0) {
    const items = f.related.map((r) => {
      const note = r.message !== undefined ? ` <span class="label">(${escapeHtml(r.message)})</span>` : '';
      return `<li><span class="pos">${escapeHtml(r.file)}:${r.line}:${r.column}</span> ${escapeHtml(r.excerpt)}${note}</li>`;
    });
    parts.push(`<div class="related"><span class="label">Related:</span><ul>${items.join('')}</ul></div>`);
  }
  parts.push('</article>');
  return parts.join('\n');
}

function fileSection(file: FileTally, anchor: string): string[] {
  return [
    `<section class="file" id="${anchor}">`,
    `<h3>${escapeHtml(file.file)}</h3>`,
    `<p class="meta">${countsPhrase(file)}</p>`,
    ...file.findings.map(findingArticle),
    '</section>',
  ];
}

export const formatHtml: Formatter = (result: RunResult, options: FormatterOptions) => {
  const files = rankFiles(result.findings);
  // Anchors by rank, not by path: paths may hold characters that are awkward in ids.
  const anchors = new Map(files.map((f, i) => [f.file, `file-${i + 1}`]));
  const s = result.summary;
  const body: string[] = [
    '<h1>claimlint report</h1>',
    `<p class="meta">As of ${escapeHtml(result.asOf)} · ${plural(s.files, 'file')} · ${plural(s.claims, 'claim')} checked · ${countsPhrase(s)}</p>`,
    ...summarySection(result),
  ];
  if (result.findings.length === 0) {
    body.push('<p>✅ No problems found.</p>');
  } else {
    pushAll(body, rulesSection(result.findings, result.rules));
    pushAll(body, worstFilesSection(files, anchors));
    body.push('<section id="findings">', '<h2>Findings</h2>');
    for (const f of files) pushAll(body, fileSection(f, anchors.get(f.file)!));
    body.push('</section>');
  }
  if (result.notes.length > 0) {
    body.push('<section class="notes"><h2>Notes</h2><ul>');
    for (const n of result.notes) body.push(`<li>${escapeHtml(n)}</li>`);
    body.push('</ul></section>');
  }
  body.push(`<footer>Generated by claimlint ${escapeHtml(options.toolVersion)}.</footer>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>claimlint report</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
};
