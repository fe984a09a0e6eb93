// `--format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other SARIF
// viewers. One run; rules come from the engine's rule metadata, locations are
// relative to %SRCROOT% (the working directory, normally the checkout), columns
// are UTF-16 code units as in every claimlint position.

import type {
  Location,
  Log,
  Notification,
  PhysicalLocation,
  ReportingDescriptor,
  Result,
  Run,
} from 'sarif';
import type { Finding, RelatedLocation, RuleMeta, RunResult, Severity } from '../types.js';
import type { Formatter, FormatterOptions } from './index.js';
import { directoryUri, fileUri, locate, relativeUri } from './location.js';
import { messageWithCanonical, oneLine } from './text.js';

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/claimlint/claimlint';
const SRCROOT = '%SRCROOT%';
/** Key of our partial fingerprint; bump the suffix if the fingerprint recipe changes. */
const FINGERPRINT_KEY = 'claimlint/v1';

const LEVEL: Readonly<Record<Severity, Result.level>> = { error: 'error', warning: 'warning', info: 'note' };

const PARAGRAPH_BREAK = /\n\s*\n/;
const ID_WORD = /[-_.\s]+/;

/** SARIF's rule `name` is an identifier-like name: claim-contradiction → ClaimContradiction. */
export function ruleName(id: string): string {
  return id
    .split(ID_WORD)
    .filter((w) => w.length > 0)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function ruleDescriptor(rule: RuleMeta): ReportingDescriptor {
  const docs = rule.docs.trim() || rule.description;
  const firstParagraph = docs.split(PARAGRAPH_BREAK)[0]!.trim();
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: firstParagraph },
    help: { text: docs, markdown: `**${rule.description}**\n\n${docs}` },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: [rule.type] },
  };
}

function physicalLocation(
  loc: Pick<RelatedLocation, 'file' | 'line' | 'column' | 'endLine' | 'endColumn' | 'excerpt'>,
  cwd: string,
): PhysicalLocation {
  const where = locate(loc.file, cwd);
  return {
    artifactLocation: where.inside
      ? { uri: relativeUri(where.path), uriBaseId: SRCROOT }
      : { uri: fileUri(where.path) },
    region: {
      startLine: loc.line,
      startColumn: loc.column,
      endLine: loc.endLine,
      endColumn: loc.endColumn,
      snippet: { text: loc.excerpt },
    },
  };
}

function toResult(f: Finding, ruleIndex: ReadonlyMap<string, number>, cwd: string): Result {
  const index = ruleIndex.get(f.ruleId);
  const related: Location[] = (f.related ?? []).map((r, i) => ({
    id: i,
    physicalLocation: physicalLocation(r, cwd),
    message: { text: r.message ?? oneLine(r.excerpt) },
  }));
  return {
    ruleId: f.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[f.severity],
    message: { text: messageWithCanonical(f) },
    locations: [{ physicalLocation: physicalLocation(f, cwd) }],
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
  };
}

export function toSarifLog(result: RunResult, options: FormatterOptions): Log {
  const ruleIndex = new Map<string, number>();
  result.rules.forEach((r, i) => {
    if (!ruleIndex.has(r.id)) ruleIndex.set(r.id, i);
  });
  // Run notes (skipped files, baseline counts) are not results; SARIF's place for them
  // is the invocation's notifications.
  const notifications: Notification[] = [
    ...(options.failure !== undefined ? [{ message: { text: options.failure }, level: 'error' as const }] : []),
    ...result.notes.map((text): Notification => ({ message: { text }, level: 'note' })),
  ];
  const run: Run = {
    tool: {
      driver: {
        name: 'claimlint',
        version: options.toolVersion,
        informationUri: INFORMATION_URI,
        rules: result.rules.map(ruleDescriptor),
      },
    },
    invocations: [
      {
        executionSuccessful: options.failure === undefined,
        ...(options.failure !== undefined ? { exitCode: 2 } : {}),
        ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
      },
    ],
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.cwd) } },
    columnKind: 'utf16CodeUnits',
    results: result.findings.map((f) => toResult(f, ruleIndex, options.cwd)),
  };
  return { $schema: SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export const formatSarif: Formatter = (result, options) =>
  `${JSON.stringify(toSarifLog(result, options), null, 2)}\n`;
