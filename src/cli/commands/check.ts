import { isLocale, render, type Locale } from '../../i18n/catalogue.js';
import { list, msg } from '../../i18n/message.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readBaseline } from '../../ci/baseline.js';
import { changedSince, filesFrom, repositoryRoot } from '../../ci/git.js';
import { narrow } from '../../ci/narrow.js';
import { DEFAULT_CACHE_LOCATION } from '../../engine/cache.js';
import { formatters, formatNames, type FormatName } from '../../formatters/index.js';
import { jsonChunks } from '../../formatters/json.js';
import { check, RunFailure, type CheckOutcome, type RunOptions } from '../../engine/run.js';
import { checkShard, parseShard } from '../../engine/shard.js';
import type { Io } from '../output.js';
import { writeReport } from '../output.js';
import { isIsoDate, today } from '../dates.js';
import { toolVersion } from '../../version.js';
import { allRuleMeta } from '../../rules/index.js';
import type { RunResult } from '../../types.js';
import { UsageError } from '../errors.js';

/** Formats read by a CI platform, which resolves their paths against the repository root. */
const ROOTED_FORMATS: ReadonlySet<FormatName> = new Set(['sarif', 'github', 'codequality']);

export interface CheckFlags {
  readonly format?: readonly string[];
  readonly changedSince?: string;
  readonly filesFrom?: string;
  readonly changedLines?: boolean;
  readonly baseline?: string;
  readonly maxWarnings?: string;
  readonly cache?: boolean;
  readonly cacheLocation?: string;
  readonly asOf?: string;
  readonly registry?: string;
  readonly config?: string;
  readonly output?: string;
  readonly color?: boolean;
  readonly stdinFilename?: string;
  readonly withCorpus?: boolean;
  readonly locale?: string;
  /** --shard K/N: the file stage of one CI-matrix shard (src/engine/shard.ts). */
  readonly shard?: string;
  /** --records FILE: where a shard writes its records. */
  readonly records?: string;
}

export interface Target {
  readonly format: FormatName;
  readonly file?: string;
}

/** `--format json --format sarif:out.sarif`: a name, optionally with its own output file. */
export function parseTargets(flags: CheckFlags, io: Io): Target[] {
  const specs = flags.format && flags.format.length ? flags.format : [io.isTTY ? 'stylish' : 'json'];
  const targets = specs.map((spec) => {
    const colon = spec.indexOf(':');
    const name = colon < 0 ? spec : spec.slice(0, colon);
    const file = colon < 0 ? undefined : spec.slice(colon + 1);
    if (!(formatNames as readonly string[]).includes(name)) {
      throw new UsageError(msg('error.unknown-format', { name, names: list(formatNames, 'comma') }));
    }
    if (file === '') throw new UsageError(msg('error.format-file', { spec }));
    return { format: name as FormatName, ...(file ? { file } : {}) };
  });
  const toStdout = targets.filter((t) => !t.file);
  if (toStdout.length > 1 && !flags.output) throw new UsageError(msg('error.one-stdout'));
  if (toStdout.length > 1) throw new UsageError(msg('error.one-output'));
  return targets.map((t) => (t.file || !flags.output ? t : { ...t, file: flags.output }));
}

/** The options every corpus-reading command passes to `check`, from its flags. */
export function runOptions(
  paths: readonly string[],
  flags: { readonly asOf?: string; readonly config?: string; readonly registry?: string; readonly locale?: string },
  io: Io,
): RunOptions {
  return {
    cwd: io.cwd,
    paths,
    asOf: resolveAsOf(flags.asOf),
    ...(flags.locale !== undefined ? { locale: parseLocale(flags.locale) } : {}),
    env: io.env,
    ...(flags.config ? { configPath: flags.config } : {}),
    ...(flags.registry ? { registryPath: flags.registry } : {}),
  };
}

export function parseLocale(flag: string): Locale {
  if (!isLocale(flag)) throw new UsageError(msg('error.locale', { value: flag }));
  return flag;
}

export function resolveAsOf(flag: string | undefined): string {
  if (flag === undefined) return today();
  if (!isIsoDate(flag)) throw new UsageError(msg('error.as-of', { value: flag }));
  return flag;
}

export async function runCheck(paths: readonly string[], flags: CheckFlags, io: Io): Promise<number> {
  const targets = parseTargets(flags, io);
  const written = { reports: false };
  try {
    return await checkAndReport(paths, flags, io, targets, written);
  } catch (err) {
    // A run that fails before its reports (bad config, invalid registry, a shallow
    // clone) still leaves a SARIF file, so code scanning records a failed analysis
    // instead of a missing upload.
    if (err instanceof RunFailure && !written.reports) {
      try {
        writeFailedSarif(targets, err.reason, flags, io);
      } catch {
        // The run's own failure is the one to report.
      }
    }
    throw err;
  }
}

function writeFailedSarif(targets: readonly Target[], reason: string, flags: CheckFlags, io: Io): void {
  const empty: RunResult = {
    version: 1,
    asOf: flags.asOf ?? today(),
    findings: [],
    summary: { files: 0, claims: 0, errors: 0, warnings: 0, infos: 0 },
    rules: allRuleMeta(),
    notes: [],
  };
  for (const t of targets) {
    if (t.format !== 'sarif' || !t.file) continue;
    const root = repositoryRoot(io.cwd);
    writeReport(io, t.file, formatters.sarif(empty, { cwd: io.cwd, ...(root ? { root } : {}), color: false, toolVersion: toolVersion(), failure: reason }));
  }
}

async function checkAndReport(
  paths: readonly string[],
  flags: CheckFlags,
  io: Io,
  targets: readonly Target[],
  written: { reports: boolean },
): Promise<number> {
  const maxWarnings = parseMaxWarnings(flags.maxWarnings);
  if (flags.shard !== undefined || flags.records !== undefined) return runShard(paths, flags, io);
  if (flags.changedSince && flags.filesFrom) throw new UsageError(msg('error.since-and-files'));
  if (flags.changedLines && !flags.changedSince) throw new UsageError(msg('error.changed-lines'));
  if (flags.withCorpus && (flags.changedSince || flags.filesFrom)) throw new UsageError(msg('error.with-corpus'));
  // --with-corpus (a pre-commit hook's staged files): the paths are what is reported on, the corpus is context.
  const named = flags.withCorpus ? paths.filter((p) => p !== '-') : [];
  const changes = named.length
    ? filesFrom(named.join('\n'), io.cwd)
    : flags.changedSince
    ? changedSince(flags.changedSince, io.cwd)
    : flags.filesFrom
      ? filesFrom(flags.filesFrom === '-' ? io.readStdin() : readListFile(io.cwd, flags.filesFrom), io.cwd)
      : undefined;
  const baseline = flags.baseline ? readBaseline(resolve(io.cwd, flags.baseline)) : undefined;
  const stdin = stdinInput(paths, flags, io);
  const outcome = await check({
    ...runOptions(paths, flags, io),
    ...(stdin ? { stdin } : {}),
    ...(flags.cache || flags.cacheLocation ? { cacheLocation: flags.cacheLocation ?? DEFAULT_CACHE_LOCATION } : {}),
    ...(named.length ? { withCorpus: true } : {}),
    resultOnly: true,
    // Only JSON reports of the whole result: a warm cache's stored report pieces are all they need.
    ...(!changes && !baseline && targets.every((t) => t.format === 'json') ? { jsonReportOnly: true } : {}),
  });
  const result = changes || baseline
    ? narrow(outcome.result, { ...(changes ? { changes } : {}), changedLines: Boolean(flags.changedLines), ...(baseline ? { baseline } : {}) })
    : outcome.result;
  return reportOutcome(outcome, result, flags, io, targets, written, maxWarnings);
}

/**
 * `check --shard K/N --records FILE`: the file stage of one shard, its records
 * written to FILE; no report (`claimlint merge` makes it). Exits 0 once the
 * records are written: the findings' exit code is the merge's.
 */
async function runShard(paths: readonly string[], flags: CheckFlags, io: Io): Promise<number> {
  if (flags.shard === undefined) throw new UsageError(msg('error.records-without-shard'));
  const shard = parseShard(flags.shard);
  if (!shard) throw new UsageError(msg('error.shard-spec', { value: flags.shard }));
  if (!flags.records) throw new UsageError(msg('error.shard-records'));
  // What narrows or shapes a report belongs to the merge; stdin is one text, not a corpus to split.
  const reportFlags: Array<[unknown, string]> = [
    [flags.format?.length, '--format'],
    [flags.output, '--output'],
    [flags.changedSince, '--changed-since'],
    [flags.filesFrom, '--files-from'],
    [flags.changedLines, '--changed-lines'],
    [flags.baseline, '--baseline'],
    [flags.maxWarnings, '--max-warnings'],
    [flags.withCorpus, '--with-corpus'],
    [paths.includes('-') || flags.stdinFilename !== undefined ? true : undefined, '-'],
  ];
  const given = reportFlags.find(([v]) => v);
  if (given) throw new UsageError(msg('error.shard-flags', { flag: given[1] }));
  const done = await checkShard(
    {
      ...runOptions(paths, flags, io),
      ...(flags.cache || flags.cacheLocation ? { cacheLocation: flags.cacheLocation ?? DEFAULT_CACHE_LOCATION } : {}),
    },
    shard,
    flags.records,
  );
  for (const w of done.warnings) io.stderr(`claimlint: ${w}\n`);
  return 0;
}

/** Writes every report target of a finished run (check or merge) and gives the run's exit code. */
export function reportOutcome(
  outcome: Pick<CheckOutcome, 'warnings' | 'inputFailures' | 'config'>,
  result: RunResult,
  flags: Pick<CheckFlags, 'color'>,
  io: Io,
  targets: readonly Target[],
  written: { reports: boolean },
  maxWarnings: number | undefined,
): number {
  // Paths in CI reports are relative to the checkout, wherever in it claimlint runs.
  const sourceUrl = outcome.config.sourceUrl;
  const rooted = (t: Target) => ROOTED_FORMATS.has(t.format) || (t.format === 'html' && sourceUrl !== undefined);
  const root = targets.some(rooted) ? repositoryRoot(io.cwd) : undefined;
  const locale = result.locale ?? 'en';
  for (const w of outcome.warnings) io.stderr(`claimlint: ${render(locale, msg('error.warning', { text: w }))}\n`);
  // The run exits 2 after writing its reports; a report must not call it a success.
  const failure = outcome.inputFailures.length ? msg('error.cannot-read-input', { reason: outcome.inputFailures[0]! }) : undefined;
  const claimReview = outcome.config.claimReview;
  if (targets.some((t) => t.format === 'claimreview') && !claimReview) {
    throw new RunFailure(msg('error.claimreview-config', { file: outcome.config.file ?? 'claimlint.config.yaml' }));
  }
  written.reports = true;
  for (const t of targets) {
    const reportFile = fullReportFor(t, targets);
    // JSON, the format large corpora are read in, is written in pieces (src/formatters/json.ts).
    const text = t.format === 'json' ? jsonChunks(result) : formatters[t.format](result, {
      cwd: io.cwd,
      ...(root ? { root } : {}),
      color: !t.file && useColor(flags.color, io),
      toolVersion: toolVersion(),
      ...(reportFile ? { reportPath: reportFile } : {}),
      ...(failure ? { failure: render('en', failure) } : {}),
      ...(claimReview ? { claimReview: { settings: claimReview, base: outcome.config.base } } : {}),
      ...(sourceUrl && t.format === 'html' ? { sourceUrl } : {}),
    });
    writeReport(io, t.file, text);
  }
  if (failure) {
    for (const f of outcome.inputFailures.slice(1)) io.stderr(`claimlint: ${f}\n`);
    throw new RunFailure(failure);
  }
  if (result.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) {
    io.stderr(`claimlint: ${render(locale, msg('error.too-many-warnings', { count: result.summary.warnings, max: maxWarnings }))}\n`);
    return 1;
  }
  return 0;
}

/**
 * Formats that list every finding, best to send a reader to first. Markdown is
 * cut after a number of rows and github is a log, so neither is "the full report";
 * claimreview holds only contradictions.
 */
const FULL_REPORTS: readonly FormatName[] = ['html', 'sarif', 'json', 'codequality', 'stylish'];

/**
 * The file another target writes that holds the whole report, for the github
 * notice and the markdown summary's "see the full report": never the target's
 * own file, whatever order the formats were given in.
 */
export function fullReportFor(target: Target, targets: readonly Target[]): string | undefined {
  const others = targets.filter((t) => t.file && t.file !== target.file);
  for (const format of FULL_REPORTS) {
    const found = others.find((t) => t.format === format);
    if (found) return found.file;
  }
  return undefined;
}

/**
 * Colour on stdout, decided as Node decides its own (tty.getColorDepth):
 * --no-color first; then FORCE_COLOR, which wins over NO_COLOR ("0" or "false"
 * turns colour off, any other value on, even when stdout is not a terminal, as
 * in CI logs that render ANSI); then NO_COLOR (any non-empty value, per
 * no-color.org); then whether stdout is a terminal.
 */
export function useColor(flag: boolean | undefined, io: Pick<Io, 'env' | 'isTTY'>): boolean {
  if (flag === false) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (io.env.NO_COLOR) return false;
  return io.isTTY;
}

/** `check -`: the text on stdin, named by --stdin-filename (which also decides Markdown or plain text). */
function stdinInput(paths: readonly string[], flags: CheckFlags, io: Io): { name: string; bytes: Uint8Array } | undefined {
  const dashes = paths.filter((p) => p === '-').length;
  if (dashes === 0) {
    if (flags.stdinFilename !== undefined) throw new UsageError(msg('error.stdin-filename'));
    return undefined;
  }
  if (dashes > 1) throw new UsageError(msg('error.stdin-once'));
  if (flags.filesFrom === '-') throw new UsageError(msg('error.stdin-twice'));
  if (flags.stdinFilename === '') throw new UsageError(msg('error.stdin-filename-empty'));
  const bytes = io.readStdinBytes ? io.readStdinBytes() : Buffer.from(io.readStdin(), 'utf8');
  return { name: flags.stdinFilename ?? STDIN_NAME, bytes };
}

/** What a finding on stdin text without --stdin-filename is reported under. */
const STDIN_NAME = '<stdin>';

export function parseMaxWarnings(flag: string | undefined): number | undefined {
  if (flag === undefined) return undefined;
  if (!/^\d+$/.test(flag)) throw new UsageError(msg('error.max-warnings', { value: flag }));
  return Number(flag);
}

function readListFile(cwd: string, file: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch {
    throw new RunFailure(msg('error.files-from', { file }));
  }
}
