// `--format claimreview`: schema.org ClaimReview JSON-LD, the markup a
// fact-check publisher puts on its pages for search engines and fact-check
// tools. One ClaimReview per contradiction of the registry (claim-contradiction
// at error or warning severity); other findings are not fact checks. The
// article's URL and the publishing organisation come from the config's
// `claimReview` section.

import { basename, extname } from 'node:path';
import type { ClaimReviewRating } from '../config/config.js';
import type { Finding } from '../types.js';
import type { Formatter, FormatterOptions } from './types.js';
import { locate, relativeUri } from './location.js';

/** The rating scale: 1 is false, 5 true, as fact-check publishers commonly use. */
const WORST_RATING = 1;
const BEST_RATING = 5;
const DEFAULT_RATINGS: Readonly<Record<'error' | 'warning', ClaimReviewRating>> = {
  error: { value: 1, label: '错误' },
  warning: { value: 2, label: '不准确' },
};
const PLACEHOLDER = /\{(path|stem|name|claimId|fingerprint)\}/g;

type Jsonld = Record<string, unknown>;

/** The findings that are fact checks: a sentence the registry says is wrong. */
export function isFactCheck(f: Finding): f is Finding & { severity: 'error' | 'warning' } {
  return f.ruleId === 'claim-contradiction' && (f.severity === 'error' || f.severity === 'warning');
}

/** A URL template with the finding's placeholders filled in (each path segment percent-encoded). */
export function fillTemplate(template: string, f: Finding, options: Pick<FormatterOptions, 'cwd'>, base: string): string {
  const path = locate(f.file, options.cwd, base).path;
  const stem = path.slice(0, path.length - extname(path).length);
  const values: Record<string, string> = {
    path: relativeUri(path),
    stem: relativeUri(stem),
    name: encodeURIComponent(basename(stem)),
    claimId: encodeURIComponent(f.claimId ?? ''),
    fingerprint: f.fingerprint,
  };
  return template.replace(PLACEHOLDER, (_, key: string) => values[key]!);
}

function claimReview(f: Finding & { severity: 'error' | 'warning' }, asOf: string, options: FormatterOptions): Jsonld {
  const cr = options.claimReview;
  // Without settings (the CLI refuses that; a programmatic caller may not) the URLs stay relative.
  const articleUrl = cr ? fillTemplate(cr.settings.articleUrl, f, options, cr.base) : relativeUri(locate(f.file, options.cwd).path);
  const reviewUrl = cr?.settings.reviewUrl ? fillTemplate(cr.settings.reviewUrl, f, options, cr.base) : `${articleUrl}#claimlint-${f.fingerprint}`;
  const rating = cr?.settings.ratings?.[f.severity] ?? DEFAULT_RATINGS[f.severity];
  const author = cr?.settings.author;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: reviewUrl,
    claimReviewed: f.excerpt,
    itemReviewed: {
      '@type': 'Claim',
      appearance: [{ '@type': 'CreativeWork', url: articleUrl }],
    },
    ...(author
      ? { author: { '@type': author.type ?? 'Organization', name: author.name, ...(author.url ? { url: author.url } : {}) } }
      : {}),
    datePublished: asOf,
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating.value,
      bestRating: BEST_RATING,
      worstRating: WORST_RATING,
      alternateName: rating.label,
      ...(f.expected !== undefined ? { ratingExplanation: f.source !== undefined ? `${f.expected}（${f.source}）` : f.expected } : {}),
    },
  };
}

export const formatClaimReview: Formatter = (result, options) => {
  const reviews = result.findings.filter(isFactCheck).map((f) => claimReview(f, result.asOf, options));
  return `${JSON.stringify(reviews, null, 2)}\n`;
};
