// `claimlint check` as a pipeline of run stages, one file each:
//   setup → discover → read → analyze (cached) → corpus → report
// (src/engine/setup.ts, discover.ts, read.ts, analyze-cached.ts, corpus.ts, report.ts).
import { fsReasonRef } from '../fs-errors.js';
import { RunFailure } from '../failure.js';
import type { Finding, RunResult } from '../types.js';
import type { Config } from '../config/config.js';
import { list, msg, type Message } from '../i18n/message.js';
import { render, type Locale } from '../i18n/catalogue.js';
import { resolveLocale } from '../i18n/locale.js';
import { compactAnalysis } from './compact.js';
import type { FileAnalysis, Services } from './analyze.js';
import { setup, type Setup } from './setup.js';
import { discoverRun } from './discover.js';
import { loadParsers } from '../parse/formats.js';
import { byteReader } from './read.js';
import { cachedAnalyzer, corpusKey, openCache, runInputs } from './analyze-cached.js';
import { corpusStage, type CorpusTrace } from './corpus.js';
import { incrementalCorpus, saveFullState } from './incremental.js';
import { PackDamaged } from './packed-file.js';
import { runResult, type StoredFindings } from './report.js';
import { setFlagsFromString } from 'node:v8';

// Re-exported: commands, the API and the scripts import the stages' entry points from here.
export { RunFailure } from '../failure.js';
export { asOfFrom, bundledDataDigest, loadRegistryOrFail, selfTestOrFail, setup, type Setup } from './setup.js';
export { readBytes } from './read.js';
export { corpusEntries, corpusStage } from './corpus.js';

export interface RunOptions {
  readonly cwd: string;
  readonly paths: readonly string[];
  readonly configPath?: string;
  readonly registryPath?: string;
  readonly asOf: string;
  /** Cache directory: reuse per-file analyses of unchanged files (off when undefined). */
  readonly cacheLocation?: string;
  /** `check -`: text read from stdin, reported under `name` (relative to cwd), in place of a file of that name. */
  readonly stdin?: { readonly name: string; readonly bytes: Uint8Array };
  /** Also read the config's corpus globs, as context for cross-article checks on the named paths. */
  readonly withCorpus?: boolean;
  /**
   * Keep each file's parsed article in `analyses` (registry coverage reads them).
   * Otherwise analyses are compact (src/engine/compact.ts): memory grows with
   * the records and findings, not with the files' texts.
   */
  readonly keepArticles?: boolean;
  /**
   * The caller reads only the result (the CLI's `check`): the per-file analyses
   * are let go once the corpus stage has run, and `analyses` comes back empty,
   * so the report is written without every file's records in memory. A run
   * of LARGE_RUN files or more also keeps V8's heap closer to what it holds
   * (boundHeapGrowth): such a run is a process of its own.
   */
  readonly resultOnly?: boolean;
  /**
   * The caller writes only the JSON report of the whole result (no other
   * format, no narrowing). A warm incremental run then neither reads nor checks
   * the stored findings up front: the report is written from their stored
   * JSON; should something read `findings` all the same, a damaged cache is a
   * RunFailure then.
   */
  readonly jsonReportOnly?: boolean;
  /** Read fact records even when no corpus rule compares them (`extract --facts`, `registry suggest`). */
  readonly facts?: boolean;
  /** --locale: the language of messages and notes (default: the config's, else the environment's). */
  readonly locale?: Locale;
  /** The environment whose LC_ALL / LC_MESSAGES / LANG pick the language last (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface CheckOutcome {
  readonly result: RunResult;
  readonly analyses: readonly FileAnalysis[];
  /** The registry, cues and rules the files were read with (registry coverage reads the corpus again with them). */
  readonly services: Services;
  /** Reasons the run must exit 2 even though it finished (unreadable or missing inputs). */
  readonly inputFailures: readonly string[];
  /** Problems that leave the report whole (a cache that could not be saved): for stderr. */
  readonly warnings: readonly string[];
  /** The config the run used (formatters with settings of their own read it). */
  readonly config: Config;
}

/**
 * `claimlint check`: every stage for every file, then corpus rules, then one
 * sorted result. `prepared`: a setup made earlier for the same cwd, config and
 * registry (the Node API reuses one across calls instead of reloading the registry).
 */
export async function check(options: RunOptions, prepared?: Setup): Promise<CheckOutcome> {
  // setup
  const { config, registry, services } = prepared ?? setup(options);
  const locale = resolveLocale(options.locale, config.locale, options.env);
  const text = (m: Message) => render(locale, m);

  // discover
  const found = await discoverRun(options, config);
  const inputFailures = found.missing.map(text);
  if (found.files.length === 0 && found.missing.length === 0 && found.ignored === 0) {
    throw new RunFailure(options.paths.length ? msg('error.no-articles') : msg('error.no-corpus-match', { globs: list(config.corpus, 'comma') }));
  }

  if (options.resultOnly) boundHeapGrowth(found.files.length);

  // Only the parsers of the formats found are loaded.
  await loadParsers(found.files.map((f) => f.format));

  // read
  const read = byteReader(config.maxFileBytes, found.stdinFile && options.stdin ? { file: found.stdinFile, bytes: options.stdin.bytes } : undefined);
  const cache = openCache(options.cacheLocation, options.cwd, config, registry, services, options.keepArticles);
  const inputs = runInputs(found.files, read, cache, found.stdinFile);

  // The CLI's check with a cache works from what changed since the last cached run (src/engine/incremental.ts).
  const incremental = cache && options.resultOnly === true;
  const analyse = cachedAnalyzer(read, services, cache, options.keepArticles ? (a) => a : compactAnalysis);
  let analyses: FileAnalysis[] = [];
  let findings: Finding[] | StoredFindings | undefined;
  let claims = 0;
  if (incremental) {
    try {
      const done = incrementalCorpus(cache!.stateFile, inputs, analyse, config, registry, services, locale, options.jsonReportOnly !== true);
      if (done) {
        ({ findings, claims } = done.result);
        for (const a of done.result.analysed) if (a.unreadable) inputFailures.push(`${a.file}: ${a.unreadable}`);
        cache!.hits += inputs.length - done.result.analysed.length;
        cache!.setState(done.state);
      }
    } catch (err) {
      if (!(err instanceof PackDamaged)) throw err;
      // A damaged state costs this run the whole corpus stage, and is replaced by the one it leaves.
      cache!.hits = 0;
      cache!.misses = 0;
      cache!.damaged++;
    }
  }
  // The whole corpus unchanged since the last cached run: its findings stand as they were.
  // Not needed (nor its 10,000 hashes) when the stage was done incrementally.
  const whole = findings ? undefined : corpusKey(inputs, cache);
  const memo = !findings && !incremental && whole ? cache!.corpusResult(whole) : undefined;
  if (findings) {
    // Done incrementally.
  } else if (memo) {
    findings = memo.findings;
    claims = memo.claims;
    cache!.hits = inputs.length;
  } else {
    // analyze (cached)
    analyses = inputs.map(analyse);
    for (const a of analyses) if (a.unreadable) inputFailures.push(`${a.file}: ${a.unreadable}`);
    // corpus
    claims = analyses.reduce((n, a) => n + (a.claims ?? a.records.length), 0);
    const files = incremental && whole
      ? analyses.map((a, i) => ({ name: a.file, entry: inputs[i]!.key, analysis: { claims: a.claims ?? a.records.length, unreadable: a.unreadable !== undefined } }))
      : undefined;
    const trace: CorpusTrace | undefined = files ? { entries: [], corpus: [], groups: [] } : undefined;
    // The CLI's check reads the result only: the corpus stage lets the analyses go as it is done with them.
    findings = corpusStage(analyses, config, registry, services, options.resultOnly === true, trace);
    if (options.resultOnly) analyses = [];
    if (files && trace) {
      const state = saveFullState(files, trace, findings, registry, locale);
      if (state) cache!.setState(state);
    }
    // The whole run's findings are stored only when every file was a hit: a corpus that is
    // unchanged twice in a row is likely to be so again, while a pull request's run (a few
    // files changed each time) would only pay for writing tens of megabytes it never reads.
    if (cache && whole && !incremental && cache.misses === 0) cache.setCorpusResult(whole, { findings, claims });
  }

  // A cache that cannot be written costs the next run time, not this run its report.
  const warnings: string[] = [];
  try {
    cache?.save();
  } catch (err) {
    warnings.push(text(msg('note.cache-unsaved', { dir: options.cacheLocation!, reason: fsReasonRef(err) })));
  }

  // report
  const result = runResult({ asOf: options.asOf, findings, files: found.files.length, claims, locale, notes: found.notes, ...(cache ? { cache } : {}), warnings });
  return { result, analyses, services, inputFailures, warnings, config };
}

/** Files from which a run that keeps only its result bounds the heap's growth. */
export const LARGE_RUN = 20_000;
/** How far past what the last full collection kept V8 lets the heap grow in a large run (50: to 1.5 times). */
const LARGE_RUN_HEAP_GROWTH_PERCENT = 50;

/**
 * V8 lets the heap grow to up to four times what its last full collection
 * kept before it collects again: a run that keeps 600 MB of analyses and
 * findings peaked at 2.5 GB of memory, most of it garbage waiting. A run of
 * LARGE_RUN files or more asks for collections at 1.5 times what is kept:
 * more frequent full collections (a few per cent of the run's time) for a
 * peak that follows what the run keeps. Smaller runs keep V8's own setting.
 */
function boundHeapGrowth(files: number): void {
  if (files >= LARGE_RUN) setFlagsFromString(`--heap-growing-percent=${LARGE_RUN_HEAP_GROWTH_PERCENT}`);
}
