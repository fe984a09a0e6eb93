// The report formatters, by --format name. Each is a pure function of the run's
// results: same RunResult and options in, same string out.

import type { RunResult } from '../types.js';
import { formatClaimReview, type ClaimReviewOptions } from './claimreview.js';
import { formatCodeQuality } from './codequality.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export interface FormatterOptions {
  /** Working directory; finding paths are relative to it. */
  cwd: string;
  /**
   * The checkout's top level (git), which CI platforms resolve report paths
   * against: SARIF URIs, Code Quality paths and annotation paths are relative
   * to it. The working directory when absent (not in a git work tree).
   */
  root?: string;
  /** Emit ANSI colours (stylish only). */
  color: boolean;
  /** claimlint's version, for SARIF and the HTML footer. */
  toolVersion: string;
  /** Where the full report was written, for the github summary line. */
  reportPath?: string;
  /** Markdown: most table rows before the report is cut (default 200). */
  maxMarkdownRows?: number;
  /** Why the run failed (it exits 2) although a report was made: SARIF records it as an unsuccessful execution. */
  failure?: string;
  /** `html`: the config's `sourceUrl`, a URL template of a finding's source line ({file} from `root`, {line}). */
  sourceUrl?: string;
  /** `claimreview`: the config's claimReview settings and the folder its paths are relative to. */
  claimReview?: ClaimReviewOptions;
}

export type Formatter = (result: RunResult, options: FormatterOptions) => string;

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'markdown' | 'html' | 'codequality' | 'claimreview';

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
