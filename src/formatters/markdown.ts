// `--format markdown`: a report for $GITHUB_STEP_SUMMARY or a pull-request
// comment. Totals first, then one table per file, worst files first. Both
// GitHub surfaces cap their size, so the tables stop after a number of rows.

import { render, type Locale } from '../i18n/catalogue.js';
import { msg } from '../i18n/message.js';
import type { Finding, RunResult } from '../types.js';
import type { Formatter } from './types.js';
import { countsText, rankFiles, scopeMessage, tallyByRule, type SeverityCounts } from './tally.js';
import { oneLine, truncate } from './text.js';
import { pushAll } from '../arrays.js';

export const DEFAULT_MAX_MARKDOWN_ROWS = 200;
/** Longest sentence shown in a cell, in characters (the full one is in the file). */
const EXCERPT_CHARS = 80;
const CANONICAL_CHARS = 120;

const SEVERITY_MARK = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

// Characters that would end a table cell, start markup, or open raw HTML.
const CELL_SPECIALS = /[\\`*_[\]<>&|]/g;
const CELL_ESCAPES: Readonly<Record<string, string>> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
};

/**
 * Markdown-escapes text for a table cell or heading: one line, `|` and
 * emphasis/code/link characters backslash-escaped, HTML characters as entities.
 */
export function escapeCell(s: string): string {
  return oneLine(s).replace(CELL_SPECIALS, (c) => CELL_ESCAPES[c] ?? `\\${c}`);
}

function totalsLine(result: RunResult, locale: Locale): string {
  const s = result.summary;
  const scope = render(locale, scopeMessage(s.files, s.claims));
  const problems = s.errors + s.warnings + s.infos;
  const asOf = result.asOf ? ` · ${render(locale, msg('label.as-of', { date: result.asOf }))}` : '';
  return render(locale, msg('label.markdown.totals', { problems: msg('label.count.problems', { count: problems }), counts: countsText(locale, s), scope, asOf }));
}

function ruleTable(findings: readonly Finding[], locale: Locale): string[] {
  const h = (id: string) => render(locale, msg(`label.column.${id}`));
  const lines = [`| ${h('rule')} | ${h('errors')} | ${h('warnings')} | ${h('infos')} |`, '| --- | ---: | ---: | ---: |'];
  for (const t of tallyByRule(findings)) {
    lines.push(`| ${escapeCell(t.ruleId)} | ${t.errors} | ${t.warnings} | ${t.infos} |`);
  }
  return lines;
}

function findingRow(f: Finding, locale: Locale): string {
  const sentence = escapeCell(truncate(oneLine(f.excerpt), EXCERPT_CHARS));
  // The message says what is wrong; it goes under the sentence to keep the table five columns wide.
  const cell = `${sentence}<br>→ ${escapeCell(f.message)}`;
  let canonical = '—';
  if (f.expected !== undefined) {
    canonical = escapeCell(truncate(oneLine(f.expected), CANONICAL_CHARS));
    if (f.source !== undefined) canonical += render(locale, msg('label.source', { source: escapeCell(f.source) }));
  }
  const severity = `${SEVERITY_MARK[f.severity]} ${render(locale, msg(`label.severity.${f.severity}`))}`;
  return `| ${f.line} | ${severity} | ${escapeCell(f.ruleId)} | ${cell} | ${canonical} |`;
}

function fileCounts(c: SeverityCounts, locale: Locale): string {
  const parts: string[] = [];
  if (c.errors > 0) parts.push(render(locale, msg('label.count.errors', { count: c.errors })));
  if (c.warnings > 0) parts.push(render(locale, msg('label.count.warnings', { count: c.warnings })));
  if (c.infos > 0) parts.push(render(locale, msg('label.count.infos', { count: c.infos })));
  return parts.join(render(locale, msg('sep.comma')));
}

export const formatMarkdown: Formatter = (result, options) => {
  const locale = result.locale ?? 'en';
  const h = (id: string) => render(locale, msg(`label.column.${id}`));
  const lines = ['## claimlint', ''];
  if (result.findings.length === 0) {
    const s = result.summary;
    lines.push(`✅ ${render(locale, msg('label.markdown.no-problems', { files: msg('label.count.files', { count: s.files }), claims: msg('label.count.claims', { count: s.claims }) }))}`);
  } else {
    lines.push(totalsLine(result, locale), '');
    pushAll(lines, ruleTable(result.findings, locale));
    const maxRows = Math.max(0, options.maxMarkdownRows ?? DEFAULT_MAX_MARKDOWN_ROWS);
    let shown = 0;
    for (const file of rankFiles(result.findings)) {
      if (shown >= maxRows) break;
      lines.push('', `### ${escapeCell(file.file)}`, '', `${fileCounts(file, locale)}`, '');
      lines.push(`| ${h('line')} | ${h('severity')} | ${h('rule')} | ${h('sentence')} | ${h('canonical')} |`, '| ---: | --- | --- | --- | --- |');
      for (const f of file.findings) {
        if (shown >= maxRows) break;
        lines.push(findingRow(f, locale));
        shown++;
      }
    }
    const hidden = result.findings.length - shown;
    if (hidden > 0) {
      const where = options.reportPath !== undefined ? render(locale, msg('label.source', { source: escapeCell(options.reportPath) })) : '';
      lines.push('', render(locale, msg('label.markdown.hidden', { count: hidden, where })));
    }
  }
  if (result.notes.length > 0) {
    lines.push('', `**${render(locale, msg('label.markdown.notes'))}**`, '');
    for (const note of result.notes) lines.push(`- ${escapeCell(note)}`);
  }
  return `${lines.join('\n')}\n`;
};
