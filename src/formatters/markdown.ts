// `--format markdown`: a report for $GITHUB_STEP_SUMMARY or a pull-request
// comment. Totals first, then one table per file, worst files first. Both
// GitHub surfaces cap their size, so the tables stop after a number of rows.

import type { Finding, RunResult } from '../types.js';
import type { Formatter } from './index.js';
import { countsPhrase, plural, rankFiles, tallyByRule, type SeverityCounts } from './tally.js';
import { oneLine, truncate } from './text.js';
import { pushAll } from '../arrays.js';

export const DEFAULT_MAX_MARKDOWN_ROWS = 200;
/** Longest sentence shown in a cell, in characters (the full one is in the file). */
const EXCERPT_CHARS = 80;
const CANONICAL_CHARS = 120;

const SEVERITY_LABEL = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' } as const;

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

function totalsLine(result: RunResult): string {
  const s = result.summary;
  const scope = `in ${plural(s.files, 'file')} · ${plural(s.claims, 'claim')} checked`;
  const problems = s.errors + s.warnings + s.infos;
  return `**${plural(problems, 'problem')}** (${countsPhrase(s)}) ${scope}${result.asOf ? ` · as of ${result.asOf}` : ''}`;
}

function ruleTable(findings: readonly Finding[]): string[] {
  const lines = ['| Rule | Errors | Warnings | Infos |', '| --- | ---: | ---: | ---: |'];
  for (const t of tallyByRule(findings)) {
    lines.push(`| ${escapeCell(t.ruleId)} | ${t.errors} | ${t.warnings} | ${t.infos} |`);
  }
  return lines;
}

function findingRow(f: Finding): string {
  const sentence = escapeCell(truncate(oneLine(f.excerpt), EXCERPT_CHARS));
  // The message says what is wrong; it goes under the sentence to keep the table five columns wide.
  const cell = `${sentence}<br>→ ${escapeCell(f.message)}`;
  let canonical = '—';
  if (f.expected !== undefined) {
    canonical = escapeCell(truncate(oneLine(f.expected), CANONICAL_CHARS));
    if (f.source !== undefined) canonical += ` (${escapeCell(f.source)})`;
  }
  return `| ${f.line} | ${SEVERITY_LABEL[f.severity]} | ${escapeCell(f.ruleId)} | ${cell} | ${canonical} |`;
}

function fileCounts(c: SeverityCounts): string {
  const parts: string[] = [];
  if (c.errors > 0) parts.push(plural(c.errors, 'error'));
  if (c.warnings > 0) parts.push(plural(c.warnings, 'warning'));
  if (c.infos > 0) parts.push(plural(c.infos, 'info'));
  return parts.join(', ');
}

export const formatMarkdown: Formatter = (result, options) => {
  const lines = ['## claimlint', ''];
  if (result.findings.length === 0) {
    const s = result.summary;
    lines.push(`✅ No problems in ${plural(s.files, 'file')} · ${plural(s.claims, 'claim')} checked.`);
  } else {
    lines.push(totalsLine(result), '');
    pushAll(lines, ruleTable(result.findings));
    const maxRows = Math.max(0, options.maxMarkdownRows ?? DEFAULT_MAX_MARKDOWN_ROWS);
    let shown = 0;
    for (const file of rankFiles(result.findings)) {
      if (shown >= maxRows) break;
      lines.push('', `### ${escapeCell(file.file)}`, '', `${fileCounts(file)}`, '');
      lines.push('| Line | Severity | Rule | Sentence | Canonical |', '| ---: | --- | --- | --- | --- |');
      for (const f of file.findings) {
        if (shown >= maxRows) break;
        lines.push(findingRow(f));
        shown++;
      }
    }
    const hidden = result.findings.length - shown;
    if (hidden > 0) {
      const where = options.reportPath !== undefined ? ` (${escapeCell(options.reportPath)})` : '';
      lines.push('', `… ${hidden} more ${hidden === 1 ? 'finding' : 'findings'} not shown; see the full report${where}.`);
    }
  }
  if (result.notes.length > 0) {
    lines.push('', '**Notes**', '');
    for (const note of result.notes) lines.push(`- ${escapeCell(note)}`);
  }
  return `${lines.join('\n')}\n`;
};
