// Hover on a finding: what is wrong, and for a registry claim the canonical
// statement with its official source, so an editor need not leave the page.

import type { Hover, Position } from 'vscode-languageserver/node';
import type { CanonicalClaim } from '../registry/types.js';
import type { Finding } from '../types.js';
import { contains, rangeOf } from './positions.js';
import { label, type Locale } from '../i18n/catalogue.js';

export function hoverAt(findings: readonly Finding[], position: Position, claimOf: (id: string) => CanonicalClaim | undefined, locale: Locale = 'en'): Hover | null {
  const here = findings.filter((f) => contains(rangeOf(f), position));
  if (here.length === 0) return null;
  const value = here.map((f) => describe(f, f.claimId ? claimOf(f.claimId) : undefined, locale)).join('\n\n---\n\n');
  return { contents: { kind: 'markdown', value }, range: rangeOf(here[0]!) };
}

function describe(f: Finding, claim: CanonicalClaim | undefined, locale: Locale): string {
  const severity = label(locale, `label.severity.${f.severity}`);
  const lines = [`**claimlint** ${label(locale, 'lsp.severity', { rule: `\`${f.ruleId}\``, severity, message: escape(f.message) })}`];
  const statement = f.expected ?? claim?.statement;
  if (statement) lines.push(label(locale, 'lsp.canonical', { statement: escape(statement) }));
  if (f.source) {
    const url = claim?.source.url;
    lines.push(`${label(locale, 'lsp.source', { source: escape(f.source) })}${url ? ` — <${url}>` : ''}`);
  }
  for (const r of f.related ?? []) lines.push(`↔ ${escape(r.file)}:${r.line} ${escape(r.excerpt)}`);
  return lines.join('\n\n');
}

/** Markdown's own characters in article text are shown as written, not as markup. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
