// `--format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other SARIF
// viewers. One run; rules come from the engine's rule metadata, locations are
// relative to %SRCROOT% (the repository's top level, else the working
// directory), columns are UTF-16 code units as in every claimlint position.
// What GitHub needs beyond the schema: fullDescription at most 1,024 characters,
// related locations linked from the message text, a helpUri per rule.

import { render, type Locale } from '../i18n/catalogue.js';
import { msg } from '../i18n/message.js';
import type {
  Location,
  Log,
  Notification,
  PhysicalLocation,
  Region,
  ReportingDescriptor,
  Result,
  Run,
} from 'sarif';
import type { Finding, RelatedLocation, RuleMeta, RunResult, Severity, SpanPosition } from '../types.js';
import type { Formatter, FormatterOptions } from './types.js';
import { directoryUri, fileUri, locate, relativeUri } from './location.js';
import { messageWithCanonical, oneLine, ruleDescription } from './text.js';

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/claimlint/claimlint';
/** Each rule has a README heading `### \`rule-id\``, whose anchor is the id. */
const RULE_DOCS_URI = `${INFORMATION_URI}/blob/main/README.md`;
const SRCROOT = '%SRCROOT%';
/** Key of our partial fingerprint; bump the suffix when the fingerprint recipe changes (v2: with the file path). */
const FINGERPRINT_KEY = 'claimlint/v2';
/** GitHub code scanning rejects a rule whose fullDescription is longer. */
export const FULL_DESCRIPTION_MAX = 1024;

const LEVEL: Readonly<Record<Severity, Result.level>> = { error: 'error', warning: 'warning', info: 'note' };

const ID_WORD = /[-_.\s]+/;
const PARAGRAPH_BREAK = /\n\s*\n/;
/** Ends of sentences a description may be cut after (English and Chinese punctuation). */
const SENTENCE_END = /[.!?](?=\s|$)|[。！？；]/g;
const BRACKETS = /[[\]\\]/g;

/**
 * SARIF's rule `name` is an identifier-like name that must differ from the id
 * (the SARIF validator compares them ignoring case): claim-contradiction →
 * ClaimContradiction, and a one-word id gets a second word, input → InputProblem.
 */
export function ruleName(id: string): string {
  const name = id
    .split(ID_WORD)
    .filter((w) => w.length > 0)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return name.toLowerCase() === id.toLowerCase() ? `${name}Problem` : name;
}

export function ruleHelpUri(id: string): string {
  return `${RULE_DOCS_URI}#${id}`;
}

/** At most `max` characters: whole sentences when one ends in time, else cut with an ellipsis. */
export function cutDescription(text: string, max = FULL_DESCRIPTION_MAX): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const after = m.index + m[0].length;
    if (after > max) break;
    end = after;
  }
  return end > 0 ? text.slice(0, end).trimEnd() : `${text.slice(0, max - 1)}…`;
}

/**
 * A rule for the tool's driver, its description in the run's language. The
 * longer documentation is written in English (it is the README's): in another
 * language the description stands in for it and the help links to it.
 */
function ruleDescriptor(rule: RuleMeta, locale: Locale): ReportingDescriptor {
  const description = ruleDescription(rule, locale);
  const docs = locale === 'en' ? rule.docs.trim() || rule.description : description;
  const helpUri = ruleHelpUri(rule.id);
  const link = `[${render(locale, msg('label.sarif.documentation', { rule: `\`${rule.id}\`` }))}](${helpUri})`;
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: description },
    // The first paragraph, within GitHub's limit; the whole text is the help.
    fullDescription: { text: cutDescription(docs.split(PARAGRAPH_BREAK)[0]!.trim()) },
    helpUri,
    help: { text: docs, markdown: locale === 'en' ? `**${description}**\n\n${docs}\n\n${link}` : `**${description}**\n\n${link}` },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: [rule.type] },
  };
}

function region(at: SpanPosition, snippet?: string): Region {
  return {
    startLine: at.line,
    startColumn: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    ...(snippet !== undefined ? { snippet: { text: snippet } } : {}),
  };
}

function artifactLocation(file: string, options: FormatterOptions): PhysicalLocation['artifactLocation'] {
  const where = locate(file, options.cwd, options.root);
  return where.inside ? { uri: relativeUri(where.path), uriBaseId: SRCROOT } : { uri: fileUri(where.path) };
}

/** The finding's exact span as the region; the sentence around it, when larger, as the context region. */
function findingLocation(f: Finding, options: FormatterOptions): PhysicalLocation {
  return {
    artifactLocation: artifactLocation(f.file, options),
    ...(f.context
      ? { region: region(f), contextRegion: region(f.context, f.excerpt) }
      : { region: region(f, f.excerpt) }),
  };
}

function relatedLocation(r: RelatedLocation, options: FormatterOptions): PhysicalLocation {
  return { artifactLocation: artifactLocation(r.file, options), region: region(r, r.excerpt) };
}

/** Brackets and backslashes in plain text are escaped so that only our links read as SARIF embedded links. */
export function escapeMessageText(s: string): string {
  return s.replace(BRACKETS, (c) => `\\${c}`);
}

/**
 * The message with each related location linked (`[text](id)`): GitHub shows
 * related locations only when the message links to them.
 */
function resultMessage(f: Finding, related: readonly RelatedLocation[], options: FormatterOptions, locale: Locale): string {
  const text = escapeMessageText(messageWithCanonical(f, locale));
  if (related.length === 0) return text;
  const links = related.map((r, i) => {
    const where = `${locate(r.file, options.cwd, options.root).path}:${r.line}`;
    const text = r.message !== undefined ? render(locale, msg('label.sarif.related', { message: r.message, where })) : where;
    return `[${escapeMessageText(text)}](${i + 1})`;
  });
  return render(locale, msg('label.sarif.see', { text, links: { list: links, sep: 'semicolon' } }));
}

function toResult(f: Finding, ruleIndex: ReadonlyMap<string, number>, options: FormatterOptions, locale: Locale): Result {
  const index = ruleIndex.get(f.ruleId);
  const relatedSpans = f.related ?? [];
  // Ids start at 1: the message's links name them.
  const related: Location[] = relatedSpans.map((r, i) => ({
    id: i + 1,
    physicalLocation: relatedLocation(r, options),
    message: { text: r.message ?? oneLine(r.excerpt) },
  }));
  return {
    ruleId: f.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[f.severity],
    message: { text: resultMessage(f, relatedSpans, options, locale) },
    locations: [{ physicalLocation: findingLocation(f, options) }],
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
  };
}

const LANGUAGE_TAGS: Readonly<Record<Locale, string>> = { en: 'en-US', zh: 'zh-CN' };

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
        rules: result.rules.map((r) => ruleDescriptor(r, result.locale ?? 'en')),
      },
    },
    invocations: [
      {
        executionSuccessful: options.failure === undefined,
        ...(options.failure !== undefined ? { exitCode: 2 } : {}),
        ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
      },
    ],
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.root ?? options.cwd) } },
    columnKind: 'utf16CodeUnits',
    // The language of the run's messages (SARIF's default is en-US).
    language: LANGUAGE_TAGS[result.locale ?? 'en'],
    results: result.findings.map((f) => toResult(f, ruleIndex, options, result.locale ?? 'en')),
  };
  return { $schema: SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export const formatSarif: Formatter = (result, options) =>
  `${JSON.stringify(toSarifLog(result, options), null, 2)}\n`;
