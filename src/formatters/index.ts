// The report formatters, by --format name. Each is a pure function of the run's
// results: same RunResult and options in, same string out. A new format is a
// file beside this one and a row in the table below: the --format names, the
// help text and the Node API's formatters all come from it.

import type { Formatter } from './types.js';
import { formatClaimReview } from './claimreview.js';
import { formatCodeQuality } from './codequality.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export type { ClaimReviewOptions, Formatter, FormatterOptions } from './types.js';

export const formatters = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatMarkdown,
  html: formatHtml,
  codequality: formatCodeQuality,
  claimreview: formatClaimReview,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

/** The names in the table's order, for help text and error messages. */
export const formatNames: readonly FormatName[] = Object.keys(formatters) as FormatName[];

export function isFormatName(s: string): s is FormatName {
  return Object.prototype.hasOwnProperty.call(formatters, s);
}
