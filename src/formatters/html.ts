// `--format html`: one self-contained page a content lead can work through and
// share: totals by severity, rule and topic, the worst files, then every finding
// with its sentence (the reported words marked), what is wrong, the canonical
// statement and its source, and the other side of a conflict. Filters by
// severity, rule, claim, file and text, and grouping by file or by rule, are a
// few lines of inline script: no external scripts, styles or fonts, so the
// file works offline and as an e-mail attachment. Without script the page is
// the same report grouped by file, with the filters hidden. Labels are in the
// run's language (data/messages).

import type { Finding, RuleMeta, RunResult, Severity } from '../types.js';
import type { Formatter, FormatterOptions } from './types.js';
import { compareStrings, countSeverities, countsText, rankFiles, tallyByRule, type FileTally, type SeverityCounts } from './tally.js';
import { pushAll } from '../arrays.js';
import { label, template, type Locale } from '../i18n/catalogue.js';
import { msg } from '../i18n/message.js';
import { locate, relativeUri } from './location.js';
import { ruleDescription } from './text.js';

/** How many files the "worst files" table lists. */
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

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  margin: 0 auto; max-width: 64rem; padding: 1.5rem; color: #1f2328; background: #fff; line-height: 1.6; }
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
.filters { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #d0d7de; padding: .5rem 0; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; z-index: 1; }
.filters label, .filters fieldset { font-size: .9rem; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: inline-flex; gap: .5rem; }
.filters select, .filters input[type=search] { font: inherit; max-width: 16rem; }
.filters output { color: #59636e; }
.filters #shown { margin-left: auto; }
button.filter { font: inherit; border: 0; background: none; color: #0969da; cursor: pointer; padding: 0; text-decoration: underline; }
.finding { border: 1px solid #d0d7de; border-left-width: 4px; border-radius: 6px; padding: .6rem .9rem; margin: .75rem 0; }
.finding.error { border-left-color: #cf222e; }
.finding.warning { border-left-color: #bf8700; }
.finding.info { border-left-color: #0969da; }
.finding header { display: flex; gap: .6rem; align-items: baseline; flex-wrap: wrap; }
.pos, .rule { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; color: #59636e; }
.msg { margin: .4rem 0; }
.sentence { margin: .5rem 0; padding: .3rem .6rem; background: #f6f8fa; border-radius: 4px; }
.sentence mark { background: #ffd8b5; border-bottom: 2px solid #cf222e; padding: 0 .1rem; }
.canonical { margin: .3rem 0; }
cite { font-style: normal; }
.label { font-size: .85rem; color: #59636e; margin: 0 .3rem 0 .6rem; }
.label:first-child { margin-left: 0; }
.related { margin: .3rem 0 0; }
.related ul { margin: .2rem 0; padding-left: 1.2rem; }
.notes { color: #59636e; }
footer { margin-top: 3rem; color: #59636e; font-size: .85rem; }
[hidden] { display: none !important; }
`;

// Plain script, no library: reads the form, shows the matching findings in the
// chosen order, moves them between the by-file and by-rule groups, keeps the
// counts current (the line above the list, each group's heading) and writes
// the view into the address (#?severity=error&rule=…), so a copied link opens
// the same view, also from a file on disk. Labels come from the page
// (the form's data-labels, from the run's catalogue), so the script holds no text of its own.
const SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  var labels = JSON.parse(form.getAttribute('data-labels'));
  var findings = Array.prototype.slice.call(document.querySelectorAll('article.finding'));
  var groups = { file: {}, rule: {} };
  Array.prototype.forEach.call(document.querySelectorAll('section.group'), function (g) {
    groups[g.getAttribute('data-group')][g.getAttribute('data-key')] = g;
  });
  var shown = document.getElementById('shown');
  var shownCounts = document.getElementById('shown-counts');
  var permalink = document.getElementById('permalink');
  var FIELDS = ['severity', 'rule', 'claim', 'file', 'q', 'group', 'sort'];
  var DEFAULTS = { group: 'file', sort: 'position' };
  var RANK = { error: 0, warning: 1, info: 2 };
  function fill(template, data) {
    return template.replace(/\\{([a-zA-Z]+)\\}/g, function (m, k) { return k in data ? String(data[k]) : m; });
  }
  function plural(forms, n) { return fill(n === 1 && forms.one ? forms.one : forms.other, { count: n }); }
  function countsText(c) {
    return fill(labels.counts, { errors: plural(labels.errors, c.error), warnings: plural(labels.warnings, c.warning), infos: plural(labels.infos, c.info) });
  }
  function value(name) {
    if (name === 'group') return (form.querySelector('input[name="group"]:checked') || { value: 'file' }).value;
    var e = form.elements[name];
    return e ? e.value : '';
  }
  function setValue(name, v) {
    if (name === 'group') {
      var r = form.querySelector('input[name="group"][value="' + (v === 'rule' ? 'rule' : 'file') + '"]');
      if (r) r.checked = true;
      return;
    }
    var e = form.elements[name];
    if (!e) return;
    e.value = v;
    // A value the page does not offer (a link from another run) leaves the filter off.
    if (e.tagName === 'SELECT' && e.value !== v) e.value = name === 'sort' ? 'position' : '';
  }
  function compare(by) {
    return function (a, b) {
      var ia = Number(a.getAttribute('data-index')), ib = Number(b.getAttribute('data-index'));
      if (by === 'severity') return RANK[a.getAttribute('data-severity')] - RANK[b.getAttribute('data-severity')] || ia - ib;
      if (by === 'rule' || by === 'claim') {
        var ka = a.getAttribute('data-' + by) || '\\uffff', kb = b.getAttribute('data-' + by) || '\\uffff';
        return ka < kb ? -1 : ka > kb ? 1 : ia - ib;
      }
      return ia - ib;
    };
  }
  function stateHash() {
    var parts = [];
    FIELDS.forEach(function (name) {
      var v = value(name);
      if (v && v !== DEFAULTS[name]) parts.push(name + '=' + encodeURIComponent(v));
    });
    return '#?' + parts.join('&');
  }
  function readHash() {
    var h = location.hash;
    if (h.indexOf('#?') !== 0) return false;
    var state = {};
    h.slice(2).split('&').forEach(function (p) {
      var i = p.indexOf('=');
      if (i > 0) {
        try { state[p.slice(0, i)] = decodeURIComponent(p.slice(i + 1)); } catch (e) { /* a damaged link: that filter stays off */ }
      }
    });
    FIELDS.forEach(function (name) { setValue(name, state[name] || DEFAULTS[name] || ''); });
    return true;
  }
  function apply(writeHash) {
    var by = value('group');
    var order = findings.slice().sort(compare(value('sort')));
    order.forEach(function (f) { groups[by][f.getAttribute('data-' + by)].querySelector('.items').appendChild(f); });
    var severity = value('severity'), rule = value('rule'), claim = value('claim'), file = value('file');
    var text = value('q').trim().toLowerCase();
    var total = { error: 0, warning: 0, info: 0 };
    var count = 0;
    findings.forEach(function (f) {
      var ok = (!severity || f.getAttribute('data-severity') === severity) &&
        (!rule || f.getAttribute('data-rule') === rule) &&
        (!claim || f.getAttribute('data-claim') === claim) &&
        (!file || f.getAttribute('data-file') === file) &&
        (!text || f.textContent.toLowerCase().indexOf(text) >= 0);
      f.hidden = !ok;
      if (ok) { count++; total[f.getAttribute('data-severity')]++; }
    });
    Object.keys(groups).forEach(function (kind) {
      Object.keys(groups[kind]).forEach(function (key) {
        var g = groups[kind][key];
        var c = { error: 0, warning: 0, info: 0 };
        Array.prototype.forEach.call(g.querySelectorAll('article.finding:not([hidden])'), function (f) { c[f.getAttribute('data-severity')]++; });
        g.hidden = kind !== by || c.error + c.warning + c.info === 0;
        g.querySelector('.meta').textContent = countsText(c);
      });
    });
    shown.textContent = fill(labels.shown, { shown: count, total: findings.length });
    shownCounts.textContent = countsText(total);
    var hash = stateHash();
    if (permalink) permalink.setAttribute('href', hash);
    if (writeHash && location.hash !== hash && !(hash === '#?' && !location.hash)) {
      // replaceState is refused for a page opened from disk (file:, an opaque origin) in some browsers; replacing the location is not.
      try { history.replaceState(null, '', hash); } catch (e) { location.replace(hash); }
    }
  }
  Array.prototype.forEach.call(document.querySelectorAll('button.filter'), function (b) {
    b.addEventListener('click', function () {
      setValue(b.getAttribute('data-name'), b.getAttribute('data-value'));
      apply(true);
      if (form.scrollIntoView) form.scrollIntoView();
    });
  });
  form.addEventListener('input', function () { apply(true); });
  form.addEventListener('change', function () { apply(true); });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  form.addEventListener('reset', function () { setTimeout(function () { apply(true); }, 0); });
  window.addEventListener('hashchange', function () { if (readHash()) apply(false); });
  form.hidden = false;
  readHash();
  apply(false);
})();
`;

/** The labels of one report, in its language. */
class Labels {
  constructor(readonly locale: Locale) {}
  t(id: string, data?: Readonly<Record<string, string | number>>): string {
    return escapeHtml(label(this.locale, id, data));
  }
  count(kind: 'errors' | 'warnings' | 'infos' | 'files' | 'claims' | 'findings' | 'problems', n: number): string {
    return this.t(`label.count.${kind}`, { count: n });
  }
  counts(c: SeverityCounts): string {
    return escapeHtml(
      label(this.locale, 'label.counts', {
        errors: msg('label.count.errors', { count: c.errors }),
        warnings: msg('label.count.warnings', { count: c.warnings }),
        infos: msg('label.count.infos', { count: c.infos }),
      }),
    );
  }
  severity(s: Severity): string {
    return this.t(`label.severity.${s}`);
  }
}

/** A claim's topic: the registry's ids are `topic.fact` (personal-account.balance-after-lapse). */
export function topicOf(f: Finding): string | undefined {
  if (f.claimId === undefined) return undefined;
  const dot = f.claimId.indexOf('.');
  return dot > 0 ? f.claimId.slice(0, dot) : f.claimId;
}

/**
 * Where the reported words are inside the excerpt: the engine's `highlight`,
 * else (a finding made elsewhere) its columns when the sentence is on one line.
 */
export function highlightOf(f: Finding): readonly [number, number] | undefined {
  if (f.highlight) return f.highlight;
  const c = f.context;
  if (!c || c.line !== f.line || f.endLine !== f.line || c.endLine !== c.line) return undefined;
  const start = f.column - c.column;
  const end = f.endColumn - c.column;
  return start >= 0 && end > start && end <= f.excerpt.length ? [start, end] : undefined;
}

function sentenceHtml(f: Finding): string {
  const h = highlightOf(f);
  if (!h) return escapeHtml(f.excerpt);
  const [s, e] = h;
  return `${escapeHtml(f.excerpt.slice(0, s))}<mark>${escapeHtml(f.excerpt.slice(s, e))}</mark>${escapeHtml(f.excerpt.slice(e))}`;
}

function filterButton(name: string, value: string, text: string): string {
  return `<button type="button" class="filter" data-name="${name}" data-value="${escapeHtml(value)}">${text}</button>`;
}

function summarySection(result: RunResult, l: Labels): string[] {
  const s = result.summary;
  const card = (text: string, cls = ''): string => {
    // The number first, large; the label after it, from the same catalogue entry.
    const m = /^(\d+)\s*(.*)$/.exec(text);
    return m ? `<div class="card${cls}"><b>${m[1]}</b> ${m[2]}</div>` : `<div class="card${cls}">${text}</div>`;
  };
  return [
    '<section id="summary">',
    `<h2>${l.t('label.html.totals')}</h2>`,
    '<div class="cards">',
    card(l.count('errors', s.errors), ' sev-error'),
    card(l.count('warnings', s.warnings), ' sev-warning'),
    card(l.count('infos', s.infos), ' sev-info'),
    card(l.count('files', s.files)),
    card(l.count('claims', s.claims)),
    '</div>',
    '</section>',
  ];
}

function countCells(c: SeverityCounts): string {
  return `<td class="n">${c.errors}</td><td class="n">${c.warnings}</td><td class="n">${c.infos}</td><td class="n">${c.errors + c.warnings + c.infos}</td>`;
}

function countHeads(l: Labels): string {
  return `<th>${l.t('label.column.errors')}</th><th>${l.t('label.column.warnings')}</th><th>${l.t('label.column.infos')}</th><th>${l.t('label.column.total')}</th>`;
}

function rulesSection(findings: readonly Finding[], rules: readonly RuleMeta[], l: Labels): string[] {
  const described = new Map(rules.map((r) => [r.id, ruleDescription(r, l.locale)]));
  const rows = tallyByRule(findings).map(
    (t) =>
      `<tr data-rule="${escapeHtml(t.ruleId)}"><td>${filterButton('rule', t.ruleId, `<code>${escapeHtml(t.ruleId)}</code>`)}</td>` +
      `<td>${escapeHtml(described.get(t.ruleId) ?? '')}</td>${countCells(t)}</tr>`,
  );
  return [
    '<section id="rules">',
    `<h2>${l.t('label.html.by-rule')}</h2>`,
    `<table><thead><tr><th>${l.t('label.column.rule')}</th><th></th>${countHeads(l)}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ];
}

interface TopicTally extends SeverityCounts {
  readonly topic: string | undefined;
}

export function tallyByTopic(findings: readonly Finding[]): TopicTally[] {
  const byTopic = new Map<string | undefined, Finding[]>();
  for (const f of findings) {
    const t = topicOf(f);
    const list = byTopic.get(t);
    if (list) list.push(f);
    else byTopic.set(t, [f]);
  }
  const rows = [...byTopic].map(([topic, list]) => ({ topic, ...countSeverities(list) }));
  // Most errors first, then warnings, infos; findings with no claim last.
  return rows.sort(
    (a, b) =>
      Number(a.topic === undefined) - Number(b.topic === undefined) ||
      b.errors - a.errors || b.warnings - a.warnings || b.infos - a.infos ||
      compareStrings(a.topic ?? '', b.topic ?? ''),
  );
}

function topicsSection(findings: readonly Finding[], l: Labels): string[] {
  const rows = tallyByTopic(findings).map(
    (t) => `<tr data-topic="${escapeHtml(t.topic ?? '')}"><td>${t.topic !== undefined ? `<code>${escapeHtml(t.topic)}</code>` : l.t('label.html.no-topic')}</td>${countCells(t)}</tr>`,
  );
  return [
    '<section id="topics">',
    `<h2>${l.t('label.html.by-topic')}</h2>`,
    `<table><thead><tr><th>${l.t('label.column.topic')}</th>${countHeads(l)}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ];
}

function worstFilesSection(files: readonly FileTally[], anchors: ReadonlyMap<string, string>, l: Labels): string[] {
  const rows = files.slice(0, WORST_FILES).map(
    (f) =>
      `<tr data-file="${escapeHtml(f.file)}"><td><a href="#${anchors.get(f.file)!}">${escapeHtml(f.file)}</a></td>${countCells(f)}</tr>`,
  );
  return [
    '<section id="worst-files">',
    `<h2>${l.t('label.html.worst-files')}</h2>`,
    `<table><thead><tr><th>${l.t('label.column.file')}</th>${countHeads(l)}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ];
}

function options(values: readonly (readonly [string, string])[], l: Labels): string {
  return [`<option value="">${l.t('label.html.all')}</option>`, ...values.map(([v, text]) => `<option value="${escapeHtml(v)}">${text}</option>`)].join('');
}

function filtersForm(findings: readonly Finding[], files: readonly FileTally[], l: Labels): string {
  const present = new Set(findings.map((f) => f.severity));
  const severities = SEVERITIES.filter((s) => present.has(s)).map((s) => [s, l.severity(s)] as const);
  const rules = tallyByRule(findings).map((t) => [t.ruleId, escapeHtml(t.ruleId)] as const);
  const claimCounts = new Map<string, number>();
  for (const f of findings) if (f.claimId !== undefined) claimCounts.set(f.claimId, (claimCounts.get(f.claimId) ?? 0) + 1);
  const claims = [...claimCounts].sort((a, b) => compareStrings(a[0], b[0])).map(([id, n]) => [id, `${escapeHtml(id)} (${n})`] as const);
  const fileOptions = files.map((f) => [f.file, escapeHtml(f.file)] as const);
  const select = (name: string, labelId: string, values: readonly (readonly [string, string])[]) =>
    `<label>${l.t(labelId)} <select name="${name}">${options(values, l)}</select></label>`;
  return [
    // Hidden until the script runs: without it the filters could not work.
    `<form id="filters" class="filters" hidden data-labels="${escapeHtml(JSON.stringify(scriptLabels(l.locale)))}">`,
    select('severity', 'label.html.filter-severity', severities),
    select('rule', 'label.html.filter-rule', rules),
    select('claim', 'label.html.filter-claim', claims),
    select('file', 'label.html.filter-file', fileOptions),
    `<label>${l.t('label.html.filter-text')} <input type="search" name="q"></label>`,
    `<label>${l.t('label.html.sort')} <select name="sort">` +
      ['position', 'severity', 'rule', 'claim'].map((v) => `<option value="${v}">${l.t(`label.html.sort-${v}`)}</option>`).join('') +
      '</select></label>',
    `<fieldset><legend>${l.t('label.html.group-by')}</legend>` +
      `<label><input type="radio" name="group" value="file" checked> ${l.t('label.html.group-file')}</label>` +
      `<label><input type="radio" name="group" value="rule"> ${l.t('label.html.group-rule')}</label></fieldset>`,
    `<button type="reset">${l.t('label.html.reset')}</button>`,
    `<a id="permalink" href="#?">${l.t('label.html.permalink')}</a>`,
    `<output id="shown">${l.t('label.html.shown', { shown: findings.length, total: findings.length })}</output>` +
      `<output id="shown-counts">${l.counts(countSeverities(findings))}</output>`,
    '</form>',
  ].join('\n');
}

/** The templates the script fills in (the count line, each group's counts), from the catalogue. */
function scriptLabels(locale: Locale): Record<string, unknown> {
  const forms = (id: string) => {
    const t = template(locale, id);
    return typeof t === 'string' ? { other: t } : t;
  };
  const data = {
    shown: template(locale, 'label.html.shown'),
    counts: template(locale, 'label.counts'),
    errors: forms('label.count.errors'),
    warnings: forms('label.count.warnings'),
    infos: forms('label.count.infos'),
  };
  return data;
}

/** The finding's source line as a link, when the config gives a URL template. */
export function sourceLink(f: { file: string; line: number }, options: Pick<FormatterOptions, 'cwd' | 'root' | 'sourceUrl'>): string | undefined {
  if (!options.sourceUrl) return undefined;
  const at = locate(f.file, options.cwd, options.root);
  if (!at.inside) return undefined;
  return options.sourceUrl.replaceAll('{file}', relativeUri(at.path)).replaceAll('{line}', String(f.line));
}

function findingArticle(f: Finding, index: number, l: Labels, options: FormatterOptions): string {
  const where = `${escapeHtml(f.file)}:${f.line}:${f.column}`;
  const link = sourceLink(f, options);
  const attrs =
    `data-index="${index}" data-severity="${f.severity}" data-rule="${escapeHtml(f.ruleId)}" ` +
    `data-claim="${escapeHtml(f.claimId ?? '')}" data-file="${escapeHtml(f.file)}"`;
  const parts = [
    `<article class="finding ${f.severity}" id="finding-${index + 1}" ${attrs}>`,
    `<header><span class="sev sev-${f.severity}">${l.severity(f.severity)}</span>` +
      (link ? `<a class="pos" href="${escapeHtml(link)}">${where}</a>` : `<span class="pos">${where}</span>`) +
      `<span class="rule">${escapeHtml(f.ruleId)}</span>` +
      (f.claimId !== undefined ? `<span class="rule claim">${escapeHtml(f.claimId)}</span>` : '') +
      '</header>',
    `<p class="msg">${escapeHtml(f.message)}</p>`,
    `<blockquote class="sentence">${sentenceHtml(f)}</blockquote>`,
  ];
  if (f.expected !== undefined) {
    const source = f.source !== undefined ? ` <span class="label">${l.t('label.html.source')}</span><cite>${escapeHtml(f.source)}</cite>` : '';
    parts.push(`<p class="canonical"><span class="label">${l.t('label.html.canonical')}</span><span class="statement">${escapeHtml(f.expected)}</span>${source}</p>`);
  }
  if (f.related !== undefined && f.related.length > 0) {
    const items = f.related.map((r) => {
      const note = r.message !== undefined ? ` <span class="label">(${escapeHtml(r.message)})</span>` : '';
      return `<li><span class="pos">${escapeHtml(r.file)}:${r.line}:${r.column}</span> ${escapeHtml(r.excerpt)}${note}</li>`;
    });
    parts.push(`<div class="related"><span class="label">${l.t('label.html.related')}</span><ul>${items.join('')}</ul></div>`);
  }
  parts.push('</article>');
  return parts.join('\n');
}

function groupOpen(kind: 'file' | 'rule', key: string, heading: string, meta: string, hidden: boolean, id?: string): string {
  return (
    `<section class="group" data-group="${kind}" data-key="${escapeHtml(key)}"${id ? ` id="${id}"` : ''}${hidden ? ' hidden' : ''}>` +
    `<h3>${heading}</h3><p class="meta">${meta}</p><div class="items">`
  );
}

function findingsSection(files: readonly FileTally[], anchors: ReadonlyMap<string, string>, findings: readonly Finding[], l: Labels, options: FormatterOptions): string[] {
  const out = ['<section id="findings">', `<h2>${l.t('label.html.findings')}</h2>`, filtersForm(findings, files, l), '<div id="groups">'];
  // Numbered in the by-file order, worst file first: the order the page reads in.
  let index = 0;
  for (const file of files) {
    out.push(groupOpen('file', file.file, escapeHtml(file.file), l.counts(file), false, anchors.get(file.file)));
    for (const f of file.findings) out.push(findingArticle(f, index++, l, options));
    out.push('</div></section>');
  }
  // Empty until the reader groups by rule: the script moves the findings in.
  for (const t of tallyByRule(findings)) out.push(`${groupOpen('rule', t.ruleId, `<code>${escapeHtml(t.ruleId)}</code>`, l.counts(t), true)}</div></section>`);
  out.push('</div>', '</section>');
  return out;
}

export const formatHtml: Formatter = (result: RunResult, options: FormatterOptions) => {
  const l = new Labels(result.locale ?? 'en');
  const files = rankFiles(result.findings);
  // Anchors by rank, not by path: paths may hold characters that are awkward in ids.
  const anchors = new Map(files.map((f, i) => [f.file, `file-${i + 1}`]));
  const s = result.summary;
  const problems = s.errors + s.warnings + s.infos;
  const body: string[] = [
    `<h1>${l.t('label.html.title')}</h1>`,
    `<p class="meta">${l.t('label.as-of', { date: result.asOf })} · ${l.count('files', s.files)} · ${l.count('claims', s.claims)} · ` +
      `${l.t('label.html.meta-counts', { problems: label(l.locale, 'label.count.problems', { count: problems }), counts: countsText(l.locale, s) })}</p>`,
    ...summarySection(result, l),
  ];
  if (result.findings.length === 0) {
    body.push(`<p>✅ ${l.t('label.html.no-problems')}</p>`);
  } else {
    pushAll(body, rulesSection(result.findings, result.rules, l));
    pushAll(body, topicsSection(result.findings, l));
    pushAll(body, worstFilesSection(files, anchors, l));
    pushAll(body, findingsSection(files, anchors, result.findings, l, options));
  }
  if (result.notes.length > 0) {
    body.push(`<section class="notes"><h2>${l.t('label.html.notes')}</h2><ul>`);
    for (const n of result.notes) body.push(`<li>${escapeHtml(n)}</li>`);
    body.push('</ul></section>');
  }
  body.push(`<footer>${l.t('label.html.generated', { version: options.toolVersion, date: result.asOf })}</footer>`);
  if (result.findings.length > 0) body.push(`<script>${SCRIPT}</script>`);
  return [
    '<!DOCTYPE html>',
    // The articles are Chinese whatever the labels' language: CJK fonts and line breaking follow lang.
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${l.t('label.html.title')}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
};
