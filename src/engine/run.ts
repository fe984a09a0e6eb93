import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AnalysisCache, runKey } from './cache.js';
import { fsReasonRef } from '../fs-errors.js';
import { RunFailure } from '../failure.js';
import { checkRegistryFiles, loadCuesFile, loadPageStructureFile } from './data-files.js';
import { packagePath } from '../paths.js';
import { toolVersion } from '../version.js';
import type { Finding, RunResult, Severity } from '../types.js';
import { loadConfig, type Config } from '../config/config.js';
import { loadRegistry } from '../registry/load.js';
import { selfTest } from './selftest.js';
import { selfTestDigest, stampedAsPassed } from '../registry/selftest-stamp.js';
import type { Registry } from '../registry/types.js';
import { loadCues, type Cues } from '../extract/cues.js';
import { loadPageStructure } from '../parse/index.js';
import { problemRef } from '../yaml/located.js';
import type { AsOf, CorpusEntry, CorpusRule, FileRule } from '../kernel/rule.js';
import { finalise, localizeFindings, type RawFinding } from '../kernel/messages.js';
import { list, msg, type Message } from '../i18n/message.js';
import { render, type Locale } from '../i18n/catalogue.js';
import { resolveLocale } from '../i18n/locale.js';
import { runCorpusRules } from '../kernel/run-rules.js';
import { applySuppressionPlan, applySuppressions } from '../kernel/suppressions.js';
import { compactAnalysis } from './compact.js';
import { allRuleMeta, ruleIds, rules } from '../rules/index.js';
import { analyzeFile, SkippedInput, type FileAnalysis, type Services } from './analyze.js';
import { discover, displayPath, formatOfName, specialKind, type DiscoveredFile, type Discovery } from './discover.js';
import { formatsSignature } from '../parse/formats.js';
import { pushAll } from '../arrays.js';

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
  /** --locale: the language of messages and notes (default: the config's, else the environment's). */
  readonly locale?: Locale;
  /** The environment whose LC_ALL / LC_MESSAGES / LANG pick the language last (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

// Re-exported: commands import the run's failure from here.
export { RunFailure } from '../failure.js';

export interface Setup {
  readonly config: Config;
  readonly registry: Registry;
  readonly services: Services;
}

export function asOfFrom(date: string): AsOf {
  return { date, year: Number(date.slice(0, 4)) };
}

/**
 * Config, registry (schema-checked and self-tested), cue lists and page structure.
 * `registry`: one already loaded (the Node API's `loadRegistry`), used instead of reading one.
 */
export function setup(options: Pick<RunOptions, 'cwd' | 'configPath' | 'registryPath' | 'asOf'> & { readonly registry?: Registry }): Setup {
  const cfg = loadConfig(options.cwd, options.configPath, allRuleMeta());
  if (!cfg.ok) throw new RunFailure(msg('error.invalid-config', { problem: problemRef(cfg.problems[0]!) }), cfg.problems.map(problemRef));
  const config = cfg.config;
  const registry = options.registry ?? loadRegistryOrFail(options.registryPath ?? config.registry, options.cwd, config.lexicon);
  const cues = config.cues ? loadCuesFile(config.cues, options.cwd, loadCues) : loadCues();
  // The bundled registry, lexicon and cues, self-tested when this build was made, are not tested again.
  const bundled = !options.registry && !options.registryPath && !config.cues && !config.lexicon && resolve(config.registry) === packagePath('claims');
  if (!bundled || !stampedAsPassed(selfTestDigest(bundledDataDigest()))) selfTestOrFail(registry, cues);
  const structure = config.pageStructure ? loadPageStructureFile(config.pageStructure, options.cwd, loadPageStructure) : loadPageStructure();
  const fileRules = rules.filter((r): r is FileRule => r.scope === 'file');
  return { config, registry, services: { registry, cues, structure, asOf: asOfFrom(options.asOf), rules: fileRules, settings: config.rules } };
}

/** A registry whose own examples are read wrongly does not load. */
export function selfTestOrFail(registry: Registry, cues: Cues): void {
  const report = selfTest(registry, cues);
  if (report.failures.length) {
    const lines = report.failures.map((f) => `${f.file}:${f.line}: ${f.claimId}: “${f.example.text}” ${f.got}`);
    throw new RunFailure(msg('error.registry-selftest', { count: report.failures.length }), lines);
  }
}

export function loadRegistryOrFail(location: string, cwd: string, lexicon?: string): Registry {
  checkRegistryFiles(location, cwd);
  const loaded = loadRegistry(location, cwd, lexicon ? { lexicon } : {});
  if (!loaded.ok) {
    throw new RunFailure(msg('error.invalid-registry', { problem: problemRef(loaded.problems[0]!) }), loaded.problems.map(problemRef));
  }
  return loaded.registry;
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
  const { config, registry, services } = prepared ?? setup(options);
  const found = await discoverWithStdin(options, config);
  const locale = resolveLocale(options.locale, config.locale, options.env);
  const text = (m: Message) => render(locale, m);
  const inputFailures = found.missing.map(text);
  if (found.files.length === 0 && found.missing.length === 0 && found.ignored === 0) {
    throw new RunFailure(options.paths.length ? msg('error.no-articles') : msg('error.no-corpus-match', { globs: list(config.corpus, 'comma') }));
  }
  const cache = options.cacheLocation
    ? AnalysisCache.open(resolve(options.cwd, options.cacheLocation), runKey(cacheKeyParts(config, registry, options.asOf)))
    : undefined;
  const bytesOf = (f: DiscoveredFile) => (f === found.stdinFile ? options.stdin!.bytes : readBytes(f, config.maxFileBytes));
  // Without a cache each file is read when its turn comes, so the run never holds every file's bytes at once.
  const inputs: Array<{ file: DiscoveredFile; bytes?: Uint8Array | Error; key?: string }> = found.files.map((f) => {
    if (!cache) return { file: f };
    const bytes = bytesOf(f);
    return { file: f, bytes, key: !(bytes instanceof Error) ? AnalysisCache.entryKey(f.display, bytes) : undefined };
  });

  // The whole corpus unchanged since the last cached run: its findings stand as they were.
  const corpusKey = cache && inputs.every((i) => i.key) ? runKey(inputs.map((i) => i.key!)) : undefined;
  const memo = corpusKey ? cache!.corpusResult(corpusKey) : undefined;
  let analyses: FileAnalysis[] = [];
  let findings: Finding[];
  let claims: number;
  if (memo) {
    findings = memo.findings;
    claims = memo.claims;
    cache!.hits = inputs.length;
  } else {
    const kept = options.keepArticles ? (a: FileAnalysis) => a : compactAnalysis;
    analyses = inputs.map((input) => {
      const { file, key } = input;
      const bytes = input.bytes ?? bytesOf(file);
      // The bytes are not needed past their file's analysis.
      input.bytes = undefined;
      if (!cache || !key || bytes instanceof Error) return kept(analyzeFile(file, bytes, services));
      const hit = cache.get(key, bytes, file.display);
      if (hit) return kept(hit);
      const fresh = analyzeFile(file, bytes, services);
      cache.set(key, fresh);
      return kept(fresh);
    });
    for (const a of analyses) if (a.unreadable) inputFailures.push(`${a.file}: ${a.unreadable}`);
    findings = corpusStage(analyses, config, registry, services);
    claims = analyses.reduce((n, a) => n + a.records.length, 0);
    if (cache && corpusKey) cache.setCorpusResult(corpusKey, { findings, claims });
  }
  // A cache that cannot be written costs the next run time, not this run its report.
  const warnings: string[] = [];
  try {
    cache?.save();
  } catch (err) {
    warnings.push(text(msg('note.cache-unsaved', { dir: options.cacheLocation!, reason: fsReasonRef(err) })));
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const result: RunResult = {
    version: 1,
    asOf: options.asOf,
    findings: localizeFindings(findings, locale),
    summary: {
      files: found.files.length,
      claims,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    },
    rules: allRuleMeta(),
    notes: [
      ...found.notes.map(text),
      ...(cache ? [text(msg('note.cache-hits', { hits: cache.hits, total: cache.hits + cache.misses }))] : []),
      ...(cache?.damaged ? [text(msg('note.cache-damaged', { count: cache.damaged }))] : []),
      ...warnings,
    ],
    locale,
  };
  return { result, analyses, services, inputFailures, warnings, config };
}

/**
 * The files to read: the paths other than `-`, plus the stdin text under its
 * name. It replaces a discovered file of the same name (an editor's unsaved
 * buffer), and with only `-` nothing else is read (no fallback to the corpus globs).
 */
async function discoverWithStdin(options: RunOptions, config: Config): Promise<Discovery & { stdinFile?: DiscoveredFile }> {
  const paths = options.paths.filter((p) => p !== '-');
  if (!options.stdin) return options.withCorpus && paths.length ? withCorpus(await discover(paths, config, options.cwd), config, options.cwd) : discover(paths, config, options.cwd);
  const found = paths.length ? await discover(paths, config, options.cwd) : { files: [], notes: [], missing: [], ignored: 0 };
  const absolute = resolve(options.cwd, options.stdin.name);
  const stdinFile: DiscoveredFile = { absolute, display: displayPath(options.cwd, absolute), format: formatOfName(absolute) ?? 'markdown' };
  const files = [...found.files.filter((f) => f.absolute !== absolute), stdinFile].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { ...found, files, stdinFile };
}

/** The named files plus the corpus globs' files, each once, sorted as discovery sorts them. */
async function withCorpus(named: Discovery, config: Config, cwd: string): Promise<Discovery> {
  const corpus = await discover([], config, cwd);
  const byPath = new Map(corpus.files.map((f) => [f.absolute, f]));
  for (const f of named.files) byPath.set(f.absolute, f);
  const files = [...byPath.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, notes: [...named.notes, ...corpus.notes], missing: named.missing, ignored: named.ignored };
}

/** Every analysed file that parsed, as corpus rules see it. */
export function corpusEntries(analyses: readonly FileAnalysis[]): CorpusEntry[] {
  return analyses.flatMap((a): CorpusEntry[] => {
    if (!a.lines) return [];
    const base = { file: a.file, lines: a.lines, records: a.records, verdicts: a.verdicts, facts: a.facts };
    if (a.article) return [{ ...base, article: a.article }];
    return a.suppressions ? [{ ...base, suppressions: a.suppressions }] : [];
  });
}

/** Corpus rules over every analysed file, then suppressions, then sorting and fingerprints. */
export function corpusStage(analyses: readonly FileAnalysis[], config: Config, registry: Registry, services: Services): Finding[] {
  const raw: RawFinding[] = [];
  for (const a of analyses) pushAll(raw, a.findings);
  const corpusRules = rules.filter((r): r is CorpusRule => r.scope === 'corpus');
  const entries = corpusEntries(analyses);
  pushAll(raw, runCorpusRules(corpusRules, config.rules, entries, registry, services.asOf));

  const known = new Set(ruleIds());
  const byFile = new Map<string, RawFinding[]>();
  for (const f of raw) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const kept: RawFinding[] = [];
  for (const e of entries) {
    const own = byFile.get(e.file) ?? [];
    pushAll(kept, e.article ? applySuppressions(own, e.article, e.lines, known) : applySuppressionPlan(own, e.suppressions!, e.lines, known));
    byFile.delete(e.file);
  }
  // Files that never parsed (binary, unreadable) keep their input messages.
  for (const rest of byFile.values()) pushAll(kept, rest);
  return finalise(kept);
}

/** What the per-file cache depends on besides the file itself. */
function cacheKeyParts(config: Config, registry: Registry, asOf: string): string[] {
  const dataFiles = [config.cues, config.pageStructure].filter((p): p is string => !!p);
  return [
    toolVersion(),
    registry.digest,
    asOf,
    JSON.stringify([...config.rules.entries()]),
    String(config.maxFileBytes),
    formatsSignature(),
    bundledDataDigest(),
    ...dataFiles.map((p) => readFileSync(p, 'utf8')),
  ];
}

let dataDigest: string | undefined;

/**
 * Digest of the bundled data files (gazetteer, cue lists, page structure, and
 * the message catalogues under data/messages: cached findings hold rendered text).
 */
export function bundledDataDigest(): string {
  if (dataDigest) return dataDigest;
  const h = createHash('sha256');
  const walk = (dir: string, prefix: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.isDirectory()) walk(join(dir, e.name), `${prefix}${e.name}/`);
      else h.update(`${prefix}${e.name}`).update(readFileSync(join(dir, e.name)));
    }
  };
  walk(packagePath('data'), '');
  dataDigest = h.digest('hex');
  return dataDigest;
}

/**
 * The file's bytes, or why they cannot be read. One open and an fstat on the
 * descriptor instead of a stat by path and then readFileSync (which opens and
 * stats again): the size limit and the file's type are checked on what was
 * opened, so a file swapped after discovery cannot slip past them.
 */
export function readBytes(f: DiscoveredFile, max: number): Uint8Array | Error {
  let fd: number | undefined;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer
    // forever (a file swapped for one after discovery). On a regular file the flag changes nothing.
    fd = openSync(f.absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (st.isDirectory()) return new Error('is a directory');
    if (!st.isFile()) return new SkippedInput(msg('input.not-regular', { kind: specialKind(st) }));
    const size = st.size;
    if (size > max) return new SkippedInput(msg('input.too-large', { size, max }));
    // Size 0 may be a file that does not report its size: readFileSync reads until the end.
    if (size === 0) return readFileSync(fd);
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, null);
      if (n === 0) break;
      read += n;
    }
    return read < size ? bytes.subarray(0, read) : bytes;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return new Error(e.code === 'EACCES' ? 'permission denied' : e.code === 'EISDIR' ? 'is a directory' : e.message);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
