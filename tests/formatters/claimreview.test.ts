import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { fillTemplate, formatClaimReview } from '../../src/formatters/claimreview.js';
import type { FormatterOptions } from '../../src/formatters/index.js';
import type { Finding, RunResult } from '../../src/types.js';
import { repoRoot, runCli, tempTree } from '../helpers/cli.js';

/**
 * What Google's fact-check (ClaimReview) markup guidelines ask of each
 * ClaimReview, written as a JSON Schema: required are claimReviewed,
 * reviewRating (with alternateName) and url; recommended are author (an
 * Organization or Person with a name), datePublished, itemReviewed (a Claim
 * with its appearance), and the rating's ratingValue, bestRating and
 * worstRating on a numeric scale whose worst value is at least 1.
 */
const absoluteUrl = { type: 'string', pattern: '^https?://[^\\s]+$' };
const factCheckMarkup = {
  type: 'array',
  items: {
    type: 'object',
    required: ['@context', '@type', 'url', 'claimReviewed', 'reviewRating', 'author', 'datePublished', 'itemReviewed'],
    properties: {
      '@context': { const: 'https://schema.org' },
      '@type': { const: 'ClaimReview' },
      url: absoluteUrl,
      claimReviewed: { type: 'string', minLength: 1 },
      datePublished: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      author: {
        type: 'object',
        required: ['@type', 'name'],
        properties: { '@type': { enum: ['Organization', 'Person'] }, name: { type: 'string', minLength: 1 }, url: absoluteUrl },
      },
      itemReviewed: {
        type: 'object',
        required: ['@type', 'appearance'],
        properties: {
          '@type': { const: 'Claim' },
          appearance: {
            type: 'array',
            minItems: 1,
            items: { type: 'object', required: ['@type', 'url'], properties: { '@type': { const: 'CreativeWork' }, url: absoluteUrl } },
          },
        },
      },
      reviewRating: {
        type: 'object',
        required: ['@type', 'alternateName', 'ratingValue', 'bestRating', 'worstRating'],
        properties: {
          '@type': { const: 'Rating' },
          alternateName: { type: 'string', minLength: 1 },
          ratingValue: { type: 'integer' },
          bestRating: { type: 'integer' },
          worstRating: { type: 'integer', minimum: 1 },
        },
      },
    },
  },
};
const validate = new Ajv({ allErrors: true }).compile(factCheckMarkup);

/** The numeric constraints a schema cannot state: worst < best, and the value within them. */
function ratingInScale(r: { ratingValue: number; bestRating: number; worstRating: number }): boolean {
  return r.worstRating < r.bestRating && r.ratingValue >= r.worstRating && r.ratingValue <= r.bestRating;
}

const base: Omit<Finding, 'ruleId' | 'severity' | 'fingerprint'> = {
  file: 'articles/个人账户/lapse.md',
  line: 10,
  column: 1,
  endLine: 10,
  endColumn: 21,
  message: '说余额会清零，与规范说法相反',
  excerpt: '断缴满三个月后，账户里的余额会被系统清零',
  claimId: 'personal-account.balance-after-lapse',
  expected: '停缴后个人账户余额不清零，可继续使用',
  source: '国办发〔2021〕14号',
};
const error: Finding = { ...base, ruleId: 'claim-contradiction', severity: 'error', fingerprint: 'aaa' };
const hedged: Finding = { ...base, ruleId: 'claim-contradiction', severity: 'warning', fingerprint: 'bbb', line: 12, endLine: 12 };
const question: Finding = { ...base, ruleId: 'claim-contradiction', severity: 'info', fingerprint: 'ccc' };
const stale: Finding = { ...base, ruleId: 'stale-year', severity: 'error', fingerprint: 'ddd' };

const result: RunResult = {
  version: 1,
  asOf: '2026-11-22',
  findings: [error, hedged, question, stale],
  summary: { files: 1, claims: 4, errors: 2, warnings: 1, infos: 1 },
  rules: [],
  notes: [],
};

const options: FormatterOptions = {
  cwd: '/site',
  color: false,
  toolVersion: '0',
  claimReview: {
    base: '/site',
    settings: {
      articleUrl: 'https://yibao.example.org/{stem}.html',
      author: { name: '医保信息核查组', url: 'https://yibao.example.org/about' },
    },
  },
};

type Review = {
  url: string;
  claimReviewed: string;
  author: { '@type': string; name: string; url?: string };
  datePublished: string;
  itemReviewed: { '@type': string; appearance: { url: string }[] };
  reviewRating: { ratingValue: number; bestRating: number; worstRating: number; alternateName: string; ratingExplanation?: string };
};

describe('claimreview', () => {
  const reviews = JSON.parse(formatClaimReview(result, options)) as Review[];

  it('has every property the fact-check markup guidelines require or recommend', () => {
    expect(validate(reviews), JSON.stringify(validate.errors)).toBe(true);
    for (const r of reviews) expect(ratingInScale(r.reviewRating)).toBe(true);
    // The schema does fail a review that lacks what the guidelines ask.
    const { url: _url, ...withoutUrl } = reviews[0]!;
    expect(validate([withoutUrl])).toBe(false);
    expect(validate([{ ...reviews[0]!, reviewRating: { ...reviews[0]!.reviewRating, alternateName: '' } }])).toBe(false);
  });

  it('reviews only contradictions of the registry at error or warning severity', () => {
    expect(reviews).toHaveLength(2);
  });

  it('fills in the sentence, the article URL from the template, the organisation, the date and the rating', () => {
    const [e, w] = reviews;
    expect(e!.claimReviewed).toBe('断缴满三个月后，账户里的余额会被系统清零');
    const article = `https://yibao.example.org/articles/${encodeURIComponent('个人账户')}/lapse.html`;
    expect(e!.itemReviewed.appearance[0]!.url).toBe(article);
    expect(e!.url).toBe(`${article}#claimlint-aaa`);
    expect(e!.author).toEqual({ '@type': 'Organization', name: '医保信息核查组', url: 'https://yibao.example.org/about' });
    expect(e!.datePublished).toBe('2026-11-22');
    expect(e!.reviewRating).toMatchObject({ ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: '错误' });
    expect(e!.reviewRating.ratingExplanation).toBe('停缴后个人账户余额不清零，可继续使用（国办发〔2021〕14号）');
    expect(w!.reviewRating).toMatchObject({ ratingValue: 2, alternateName: '不准确' });
  });

  it('takes a review URL template and ratings from the settings', () => {
    const custom: FormatterOptions = {
      ...options,
      claimReview: {
        base: '/site',
        settings: {
          ...options.claimReview!.settings,
          reviewUrl: 'https://yibao.example.org/checks/{claimId}/{fingerprint}',
          ratings: { warning: { value: 2, label: '有误导' } },
        },
      },
    };
    const [e, w] = JSON.parse(formatClaimReview(result, custom)) as Review[];
    expect(e!.url).toBe('https://yibao.example.org/checks/personal-account.balance-after-lapse/aaa');
    expect(w!.reviewRating.alternateName).toBe('有误导');
    expect(e!.reviewRating.alternateName).toBe('错误');
  });

  it('fills {path}, {stem} and {name} relative to the config folder', () => {
    const f = { ...error, file: 'lapse 2.md' };
    const opts = { cwd: '/site/articles' };
    expect(fillTemplate('https://x.org/{path}', f, opts, '/site')).toBe('https://x.org/articles/lapse%202.md');
    expect(fillTemplate('https://x.org/{stem}', f, opts, '/site')).toBe('https://x.org/articles/lapse%202');
    expect(fillTemplate('https://x.org/a/{name}/', f, opts, '/site')).toBe('https://x.org/a/lapse%202/');
  });
});

describe('claimreview from the command line', () => {
  const bad = '职工医保断交以后，个人账户里的余额过段时间就作废了。';
  const registry = join(repoRoot, 'claims');
  const config = [
    'claimReview:',
    '  articleUrl: "https://yibao.example.org/{stem}/"',
    '  author: { name: 医保信息核查组 }',
    '',
  ].join('\n');

  it('writes the markup for the config’s site and organisation', () => {
    const dir = tempTree({ 'claimlint.config.yaml': config, 'articles/a.md': `---\ntitle: 甲\n---\n\n${bad}\n` });
    const r = runCli(['check', 'articles', '--registry', registry, '--as-of', '2026-01-05', '--format', 'claimreview'], dir);
    expect(r.code).toBe(1);
    const reviews = JSON.parse(r.stdout) as Review[];
    expect(validate(reviews), JSON.stringify(validate.errors)).toBe(true);
    expect(reviews.length).toBeGreaterThan(0);
    expect(reviews[0]!.itemReviewed.appearance[0]!.url).toBe('https://yibao.example.org/articles/a/');
    expect(reviews[0]!.claimReviewed).toBe(bad);
    expect(reviews[0]!.datePublished).toBe('2026-01-05');
  });

  it('without the config section, says what is missing and exits 2', () => {
    const dir = tempTree({ 'a.md': `${bad}\n` });
    const r = runCli(['check', 'a.md', '--registry', registry, '--format', 'claimreview'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format claimreview needs a claimReview section/);
    expect(r.stdout).toBe('');
  });

  it('a malformed section is a config error with its line', () => {
    const dir = tempTree({ 'claimlint.config.yaml': 'claimReview:\n  articleUrl: yibao.example.org/{stem}\n  author: { name: 甲 }\n', 'a.md': `${bad}\n` });
    const r = runCli(['check', 'a.md', '--registry', registry, '--format', 'claimreview'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid config: claimlint\.config\.yaml:2/);
  });
});
