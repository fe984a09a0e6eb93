// `--format codequality`: GitLab's Code Quality report (a subset of the Code
// Climate issue format), which GitLab shows in the merge request widget and on
// the diff. One issue per finding; the path is relative to the repository
// root, as GitLab resolves it; the fingerprint is the finding's own (it holds
// the file path, so the same sentence in two articles is two issues).

import type { Locale } from '../i18n/catalogue.js';
import type { Finding, Severity } from '../types.js';
import type { Formatter, FormatterOptions } from './types.js';
import { locate } from './location.js';
import { messageWithCanonical } from './text.js';

/** GitLab's scale is info, minor, major, critical, blocker; critical and blocker are left to security scanners. */
const SEVERITY: Readonly<Record<Severity, CodeQualitySeverity>> = { error: 'major', warning: 'minor', info: 'info' };

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number; end: number } };
}

export function toCodeQualityIssue(f: Finding, options: Pick<FormatterOptions, 'cwd' | 'root'>, locale: Locale = 'en'): CodeQualityIssue {
  return {
    description: `${f.ruleId}: ${messageWithCanonical(f, locale)}`,
    check_name: f.ruleId,
    fingerprint: f.fingerprint,
    severity: SEVERITY[f.severity],
    location: { path: locate(f.file, options.cwd, options.root).path, lines: { begin: f.line, end: f.endLine } },
  };
}

export const formatCodeQuality: Formatter = (result, options) =>
  `${JSON.stringify(result.findings.map((f) => toCodeQualityIssue(f, options, result.locale)), null, 2)}\n`;
