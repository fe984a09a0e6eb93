import { check } from '../../engine/run.js';
import type { Io } from '../output.js';
import { writeReport } from '../output.js';
import { runOptions } from './check.js';
import { UsageError } from '../errors.js';
import { registryCoverage, type ClaimCoverage, type CoverageInput } from '../../engine/coverage.js';
import { render, type Locale } from '../../i18n/catalogue.js';
import { msg } from '../../i18n/message.js';

export interface CoverageFlags {
  readonly registry?: string;
  readonly config?: string;
  readonly output?: string;
  readonly asOf?: string;
  readonly format?: string;
  readonly limit?: string;
}

/**
 * `claimlint registry coverage [PATH...]`: per claim, the corpus sentences
 * about its subject, how many were read, and the unread ones by wording.
 */
export async function runCoverage(paths: readonly string[], flags: CoverageFlags, io: Io): Promise<number> {
  const format = flags.format ?? 'stylish';
  if (format !== 'stylish' && format !== 'json') throw new UsageError(msg('error.coverage-format', { value: format }));
  const limit = flags.limit === undefined ? 10 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 0) throw new UsageError(msg('error.limit', { value: String(flags.limit) }));
  // Coverage reads the articles' sentences again: they are kept past the file stage.
  const outcome = await check({ ...runOptions(paths, flags, io), keepArticles: true });
  const inputs: CoverageInput[] = [];
  for (const a of outcome.analyses) if (a.article && a.lines) inputs.push({ file: a.file, article: a.article, lines: a.lines, records: a.records });
  const claims = registryCoverage(outcome.services.registry, outcome.services.cues, inputs);
  const text =
    format === 'json'
      ? `${JSON.stringify({ version: 1, files: inputs.length, claims: claims.map((c) => ({ ...c, unread: c.unread.slice(0, limit) })) }, null, 2)}\n`
      : stylish(claims, inputs.length, limit, outcome.result.locale ?? 'en');
  writeReport(io, flags.output, text);
  return 0;
}

function stylish(claims: readonly ClaimCoverage[], files: number, limit: number, locale: Locale): string {
  const t = (id: string, data?: Parameters<typeof msg>[1]) => render(locale, msg(id, data));
  const out: string[] = [];
  const pct = (n: number, d: number) => (d === 0 ? '—' : `${Math.round((100 * n) / d)}%`);
  // Claims with most unread sentences first: where the registry is missing the most phrasings.
  const order = [...claims].sort((a, b) => b.about - b.read - (a.about - a.read) || (a.claimId < b.claimId ? -1 : 1));
  for (const c of order) {
    out.push(`${c.claimId}  ${c.subject}`);
    out.push(`  ${t('coverage.about', { about: msg('coverage.about-sentences', { count: c.about }), read: c.read, percent: pct(c.read, c.about) })}`);
    const shown = c.unread.slice(0, limit);
    if (shown.length) out.push(`  ${t('coverage.unread-heading')}`);
    for (const g of shown) {
      const at = g.places.map((p) => `${p.file}:${p.line}`).join(', ');
      out.push(`    ${String(g.count).padStart(3)}×  ${g.text}  (${at})`);
    }
    const more = c.unread.length - shown.length;
    if (more > 0) out.push(`    ${t('coverage.more', { count: more })}`);
    out.push('');
  }
  const about = claims.reduce((n, c) => n + c.about, 0);
  const read = claims.reduce((n, c) => n + c.read, 0);
  out.push(
    t('coverage.total', {
      claims: msg('coverage.total-claims', { count: claims.length }),
      files: msg('label.count.files', { count: files }),
      about: msg('coverage.total-about', { count: about }),
      read,
      percent: pct(read, about),
    }),
  );
  return `${out.join('\n')}\n`;
}
