// What every formatter is: a pure function of the run's results and these
// options (same RunResult and options in, same string out). Formatters import
// their types from here, and formatters/index.ts the formatters, so no
// formatter depends on the table that lists it.

import type { ClaimReviewSettings } from '../config/config.js';
import type { RunResult } from '../types.js';

export interface ClaimReviewOptions {
  readonly settings: ClaimReviewSettings;
  /** The config's folder: `{path}` in the URL templates is relative to it. */
  readonly base: string;
}

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

