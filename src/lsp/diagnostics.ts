// A finding as an LSP diagnostic: rule id as the code, the conflicting
// sentences as related information, the fingerprint kept for code actions.

import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../types.js';
import { rangeOf } from './positions.js';

export const SOURCE = 'claimlint';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a code action needs to find the finding again. */
export interface DiagnosticData {
  readonly fingerprint: string;
}

export function toDiagnostic(f: Finding, uriOf: (file: string) => string): Diagnostic {
  const related: DiagnosticRelatedInformation[] = (f.related ?? []).map((r) => ({
    location: { uri: uriOf(r.file), range: rangeOf(r) },
    message: r.message ? `${r.excerpt} (${r.message})` : r.excerpt,
  }));
  const data: DiagnosticData = { fingerprint: f.fingerprint };
  return {
    range: rangeOf(f),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    source: SOURCE,
    message: f.message,
    ...(related.length ? { relatedInformation: related } : {}),
    data,
  };
}
