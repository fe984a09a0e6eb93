// The report formatters, by --format name. Each is a pure function of the run's
// results: same RunResult and options in, same string out.

import type { Formatter, FormatName } from './types.js';
import { formatClaimReview } from './claimreview.js';
import { formatCodeQuality } from './codequality.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export type { ClaimReviewOptions, Formatter, FormatName, FormatterOptions } from './types.js';

export const formatters: Record<FormatName, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatMarkdown,
  html: formatHtml,
  codequality: formatCodeQuality,
  claimreview: formatClaimReview,
};

/** The names in a fixed order, for help text and error messages. */
export const formatNames: readonly FormatName[] = ['stylish', 'json', 'sarif', 'github', 'markdown', 'html', 'codequality', 'claimreview'];

export function isFormatName(s: string): s is FormatName {
  return Object.prototype.hasOwnProperty.call(formatters, s);
}
